"""Fetch settings in one place, with polite defaults a sources file can override.

The defaults follow what mature crawlers do (see engineering notes, "Fetching"): an
identifying User-Agent with a contact URL, a delay of seconds per host, 30-second reads,
a handful of redirects, robots.txt obeyed, Retry-After honoured.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from pipeline import __version__

DEFAULT_USER_AGENT = f"oversight-pipeline/{__version__} (+https://example.org/oversight-pipeline)"

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
JSON_TYPES = ("application/json",)
# Monitoring letters and reports are PDFs; they are read as documents like pages.
PDF_TYPES = ("application/pdf", "application/x-pdf")


@dataclass(frozen=True)
class FetchConfig:
    """Every knob of the fetch layer; tests shrink the delays and timeouts."""

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # Wall-clock cap for one request, so a server that trickles bytes cannot hold a slot forever.
    total_timeout: float = 120.0
    retries: int = 3
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    # A Retry-After longer than this fails the request instead of waiting (or hitting early).
    retry_after_max: float = 120.0
    max_redirects: int = 5
    per_host_delay: float = 2.0
    # A robots.txt Crawl-delay above per_host_delay is honoured up to this many seconds.
    crawl_delay_max: float = 30.0
    per_host_concurrency: int = 1
    global_concurrency: int = 8
    max_body_bytes: int = 5 * 1024 * 1024
    max_robots_bytes: int = 512 * 1024
    allowed_content_types: tuple[str, ...] = HTML_TYPES + FEED_TYPES + JSON_TYPES + PDF_TYPES
    obey_robots: bool = True

    def __post_init__(self) -> None:
        if not self.user_agent.strip():
            raise ValueError("user_agent must not be empty")
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        for name in ("retries", "max_redirects", "per_host_delay", "backoff_base"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if not 1 <= self.per_host_concurrency <= 4:
            raise ValueError("per_host_concurrency must be between 1 and 4")
        if self.global_concurrency < 1:
            raise ValueError("global_concurrency must be at least 1")
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be positive")


def config_keys() -> tuple[str, ...]:
    """The keys a sources file's `settings:` block may set."""
    return tuple(f.name for f in fields(FetchConfig))


def config_from_settings(settings: dict, base: FetchConfig | None = None) -> FetchConfig:
    """Overlay a `settings:` mapping on `base`; raises ValueError naming the bad key."""
    base = base or FetchConfig()
    known = set(config_keys())
    changes: dict = {}
    for key, value in (settings or {}).items():
        if key not in known:
            raise ValueError(f"unknown setting {key!r}")
        current = getattr(base, key)
        if isinstance(current, tuple):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"setting {key!r} must be a list of strings")
            value = tuple(v.lower() for v in value)
        elif isinstance(current, bool):
            if not isinstance(value, bool):
                raise ValueError(f"setting {key!r} must be true or false")
        elif isinstance(current, int) and not isinstance(current, bool):
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"setting {key!r} must be a whole number")
        elif isinstance(current, float):
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ValueError(f"setting {key!r} must be a number")
            value = float(value)
        elif isinstance(current, str) and not isinstance(value, str):
            raise ValueError(f"setting {key!r} must be text")
        changes[key] = value
    return replace(base, **changes)
