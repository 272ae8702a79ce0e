"""The records the fetch layer hands to the rest of the pipeline.

They are plain data so that `ingest` can log, store and test them without knowing how they
were fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SOURCE_KINDS = ("feed", "listing", "govuk", "local")
AUTO_KIND = "auto"


@dataclass(frozen=True)
class Source:
    """One entry of a sources file: where to start, which hosts it may touch, how to read it."""

    name: str
    kind: str  # 'feed' | 'listing' | 'govuk' | 'local', or 'auto' for an ad-hoc URL
    start_url: str
    allowed_hosts: tuple[str, ...]
    options: dict = field(default_factory=dict, hash=False)  # kind-specific keys


@dataclass(frozen=True)
class FetchedPage:
    """One article page (or GOV.UK content item) ready for the parser.

    `url` is the canonical URL the document is keyed on; `seen_urls` keeps every canonical
    URL that led to it (feed link, listing link, redirect source) for provenance.
    """

    url: str
    seen_urls: tuple[str, ...]
    source: str
    body: bytes
    content_type: str
    encoding: str | None
    title_hint: str | None = None
    published_hint: date | None = None

    def text(self) -> str:
        """The body decoded with the charset it is really in."""
        return self.body.decode(self.encoding or "utf-8", errors="replace")


@dataclass
class FetchReport:
    """Everything one fetch run produced; the caller persists it in one short transaction."""

    pages: list[FetchedPage] = field(default_factory=list)
    log_rows: list[dict] = field(default_factory=list)
    # url -> (etag, last_modified). (None, None) means "known, fetch unconditionally next time":
    # it is written for listings and feeds whose items failed, so the next run looks again.
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    failed_sources: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Problems that did not lose anything (a malformed feed that still parsed, a skipped link).
    warnings: list[str] = field(default_factory=list)
