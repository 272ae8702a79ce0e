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
from pipeline.fetch.config import PDF_TYPES

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
class Attachment:
    """A file attached to a publication (a letter, a report), fetched as a document itself."""

    url: str
    title: str | None


@dataclass(frozen=True)
class ContentPage:
    title: str
    published: date | None
    body: bytes | None  # UTF-8 HTML; None for a publication that is only its attachments
    attachments: tuple[Attachment, ...] = ()


def published_timestamp(data: dict) -> str | None:
    """The publication time GOV.UK itself shows: details.first_public_at, then
    first_published_at. public_updated_at moves on every edit, so it is only the last resort.
    """
    details = data.get("details") if isinstance(data.get("details"), dict) else {}
    for value in (
        details.get("first_public_at"),
        data.get("first_published_at"),
        data.get("public_updated_at"),
    ):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _attachments(details: dict) -> tuple[Attachment, ...]:
    """The PDF attachments of a publication, in the order GOV.UK lists them."""
    found: list[Attachment] = []
    for item in details.get("attachments") or []:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        kind = str(item.get("content_type") or "").lower()
        if kind in PDF_TYPES or item["url"].lower().endswith(".pdf"):
            title = item.get("title") if isinstance(item.get("title"), str) else None
            found.append(Attachment(item["url"], title))
    return tuple(found)


def content_page(body: bytes) -> ContentPage:
    """Build the small HTML page the parser reads from a content API item.

    article:published_time is the first publication (see published_timestamp), so relative
    dates in the text ("today") resolve against the day the release came out, not the day
    someone last fixed a typo in it.
    """
    data = _load(body, "content item")
    title = data.get("title")
    details = data.get("details") if isinstance(data.get("details"), dict) else {}
    text = details.get("body")
    if not isinstance(title, str) or not title.strip():
        raise GovukError("content item has no title")
    attachments = _attachments(details)
    has_body = isinstance(text, str) and bool(text.strip())
    if not has_body and not attachments:
        raise GovukError("content item has no details.body and no PDF attachments")
    published_raw = published_timestamp(data)
    page = _html_page(data, title.strip(), text, published_raw) if has_body else None
    return ContentPage(title.strip(), _to_date(published_raw), page, attachments)


def _html_page(data: dict, title: str, text: str, published_raw: str | None) -> bytes:
    head = ['<meta charset="utf-8">', f"<title>{html.escape(title)}</title>"]
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
        + f"</head><body><article><h1>{html.escape(title)}</h1>\n{text}\n</article>"
        + "</body></html>\n"
    )
    return page.encode("utf-8")
