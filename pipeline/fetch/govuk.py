"""GOV.UK: the search API lists publications, the content API gives each one's body.

The APIs are stable and structured, so we read them instead of scraping www.gov.uk pages.
Each content item is turned into a small HTML page so the parser sees GOV.UK documents
exactly like any other article.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode, urlsplit

from pipeline.fetch.canonical import origin

SEARCH_PATH = "/api/search.json"
CONTENT_PATH = "/api/content"
DEFAULT_COUNT = 20
SEARCH_FIELDS = "link,title,public_timestamp"


class GovukError(ValueError):
    """A response that is not the GOV.UK JSON we expect; the message is one log line."""


@dataclass(frozen=True)
class SearchResult:
    link: str  # site path, e.g. /government/news/...
    title: str | None
    published: date | None


def _to_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def search_url(start_url: str, options: dict) -> str:
    """The search API URL for a source: built from its options, or its start_url as written."""
    organisations = options.get("organisations") or []
    document_types = options.get("document_types") or []
    if not organisations and not document_types:
        return start_url
    query: list[tuple[str, str]] = [("filter_organisations", o) for o in organisations]
    query += [("filter_content_store_document_type", t) for t in document_types]
    if options.get("query"):
        query.append(("q", str(options["query"])))
    query += [
        ("order", "-public_timestamp"),
        ("count", str(options.get("count", DEFAULT_COUNT))),
        ("fields", SEARCH_FIELDS),
    ]
    return f"{origin(start_url)}{SEARCH_PATH}?{urlencode(query)}"


def _load(body: bytes, what: str) -> dict:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise GovukError(f"{what} is not JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise GovukError(f"{what} is not a JSON object")
    return data


def parse_search(body: bytes, max_items: int | None = None) -> list[SearchResult]:
    """The results of a search API response, newest first as GOV.UK ordered them."""
    data = _load(body, "search response")
    results = data.get("results")
    if not isinstance(results, list):
        raise GovukError("search response has no 'results' list")
    found: list[SearchResult] = []
    for result in results:
        if not isinstance(result, dict):
            continue
        link = result.get("link")
        if not isinstance(link, str) or not link.startswith("/"):
            continue
        title = result.get("title") if isinstance(result.get("title"), str) else None
        found.append(SearchResult(link, title, _to_date(result.get("public_timestamp"))))
        if max_items is not None and len(found) >= max_items:
            break
    return found


def content_url(site: str, link: str) -> str:
    """Content API URL of a page path on `site` (scheme://host)."""
    return f"{site}{CONTENT_PATH}{link}"


def public_url(site: str, link: str) -> str:
    """The page readers see, which is what the document is keyed on."""
    return f"{site}{link}"


def link_of_content_url(url: str) -> str:
    """/api/content/government/news/x -> /government/news/x."""
    path = urlsplit(url).path
    return path[len(CONTENT_PATH) :] if path.startswith(CONTENT_PATH + "/") else path


@dataclass(frozen=True)
class ContentPage:
    title: str
    published: date | None
    body: bytes  # UTF-8 HTML


def content_page(body: bytes, fallback_timestamp: str | None = None) -> ContentPage:
    """Build the small HTML page the parser reads from a content API item.

    article:published_time is first_published_at (when the release came out); GOV.UK's
    public_timestamp moves on every major update, so it is only the fallback.
    """
    data = _load(body, "content item")
    title = data.get("title")
    details = data.get("details") if isinstance(data.get("details"), dict) else {}
    text = details.get("body")
    if not isinstance(title, str) or not title.strip():
        raise GovukError("content item has no title")
    if not isinstance(text, str) or not text.strip():
        raise GovukError("content item has no details.body")
    published_raw = next(
        (
            v
            for v in (
                data.get("first_published_at"),
                fallback_timestamp,
                data.get("public_updated_at"),
            )
            if isinstance(v, str) and v.strip()
        ),
        None,
    )
    head = [
        '<meta charset="utf-8">',
        f"<title>{html.escape(title.strip())}</title>",
    ]
    if published_raw:
        head.append(
            f'<meta property="article:published_time" content="{html.escape(published_raw)}">'
        )
    if isinstance(data.get("public_updated_at"), str):
        updated = html.escape(data["public_updated_at"])
        head.append(f'<meta property="article:modified_time" content="{updated}">')
    if isinstance(data.get("description"), str):
        head.append(f'<meta name="description" content="{html.escape(data["description"])}">')
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head>'
        + "".join(head)
        + f"</head><body><article><h1>{html.escape(title.strip())}</h1>\n{text}\n</article>"
        + "</body></html>\n"
    )
    return ContentPage(title.strip(), _to_date(published_raw), page.encode("utf-8"))
