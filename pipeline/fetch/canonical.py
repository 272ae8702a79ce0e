"""One spelling per page: canonical URLs, host keys and the allowed-host rule.

Documents are keyed on their canonical URL, so two links to the same article (one from a
feed with utm_* tags, one from a listing with a #fragment) must collapse to one string,
or the same press release would be stored twice.
"""

from __future__ import annotations

from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

# Query parameters that only say where a click came from, never which page it is.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
    }
)
TRACKING_PREFIXES = ("utm_",)
WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}


class UrlError(ValueError):
    """Raised for a URL the fetcher must not or cannot request."""


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str, base: str | None = None) -> str:
    """Return the one spelling of `url` (resolved against `base`) used as a page's identity.

    Lower-case scheme and host, no default port, no fragment, tracking parameters removed,
    an empty path written as "/". Other query parameters keep their order: some sites use
    them to name the page.
    """
    if base is not None:
        url = urljoin(base, url.strip())
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise UrlError(f"not an http(s) URL: {url!r}")
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise UrlError(f"URL has no host: {url!r}")
    try:
        port = parts.port
    except ValueError as exc:
        raise UrlError(f"bad port in URL: {url!r}") from exc
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    # Filter the raw "name=value" pieces so the kept ones stay byte-for-byte as the site wrote them.
    kept = [
        piece
        for piece in parts.query.split("&")
        if piece and not _is_tracking(unquote_plus(piece.split("=", 1)[0]))
    ]
    query = "&".join(kept)
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def host_key(url: str) -> str:
    """The politeness unit: host plus non-default port ("127.0.0.1:8001" differs from ":8002")."""
    return urlsplit(url).netloc.lower()


def host_allowed(url: str, allowed_hosts: tuple[str, ...]) -> bool:
    """True when the URL's host (with or without its port) is listed in `allowed_hosts`.

    Matching is exact: a source that lists "www.gov.uk" must not wander to "gov.uk" or to an
    attacker's "www.gov.uk.example.com".
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    allowed = {h.lower() for h in allowed_hosts}
    return host in allowed or parts.netloc.lower() in allowed


def origin(url: str) -> str:
    """scheme://host[:port] of a URL: robots.txt and the GOV.UK content API hang off it."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
