"""What an ad-hoc URL (`ingest --source URL`) points at: a feed, a listing, an article, an API.

Decided from the response we already have, so detection costs no extra request.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from pipeline.fetch.feeds import looks_like_feed
from pipeline.fetch.listing import DEFAULT_ITEM_SELECTOR, html_soup, parse_listing

GOVUK_SEARCH = "govuk"
GOVUK_ITEM = "govuk_item"
FEED = "feed"
LISTING = "listing"
ARTICLE = "article"
# Fewer list links than this and an HTML page is read as one article, not a listing.
MIN_LISTING_LINKS = 3


class DetectError(ValueError):
    """The response is none of the kinds we can read."""


def _json_kind(body: bytes) -> str:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DetectError(f"JSON that does not parse ({exc})") from exc
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return GOVUK_SEARCH
    if isinstance(data, dict) and isinstance(data.get("details"), dict) and data.get("title"):
        return GOVUK_ITEM
    raise DetectError("JSON that is neither a GOV.UK search result nor a content item")


def child_pattern(url: str) -> str:
    """An item_pattern for the pages below `url`'s folder: /news/ lists /news/<story>/."""
    parts = urlsplit(url)
    folder = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return "^" + re.escape(f"{parts.scheme}://{parts.netloc}{folder}") + ".+"


def listing_options(body: bytes, content_type: str, url: str, options: dict) -> dict:
    """How to read a page detected as a listing: as configured, by lists, else by the links
    below its own folder (card layouts have no lists)."""
    if options.get("item_selector") or options.get("item_pattern"):
        return options
    if len(html_soup(body, content_type).select(DEFAULT_ITEM_SELECTOR)) >= MIN_LISTING_LINKS:
        return options
    return {**options, "item_pattern": child_pattern(url)}


def _html_kind(body: bytes, content_type: str, url: str | None) -> str:
    soup = html_soup(body, content_type)
    og_type = soup.find("meta", attrs={"property": "og:type"})
    if og_type is not None and str(og_type.get("content", "")).lower() == "article":
        return ARTICLE
    if soup.find("meta", attrs={"property": "article:published_time"}) is not None:
        return ARTICLE
    if len(soup.select(DEFAULT_ITEM_SELECTOR)) >= MIN_LISTING_LINKS:
        return LISTING
    if url is not None:
        # A card layout: many links to pages below this one, and no article markers.
        options = {"item_pattern": child_pattern(url)}
        found = parse_listing(body, page_url=url, content_type=content_type, options=options)
        if len(found.items) >= MIN_LISTING_LINKS:
            return LISTING
    text = " ".join(soup.get_text(" ").split())
    if text:
        return ARTICLE
    raise DetectError("HTML page without text")


def detect_kind(content_type: str, body: bytes, url: str | None = None) -> str:
    """Return one of 'govuk', 'govuk_item', 'feed', 'listing', 'article'; DetectError if none.

    With the page's `url`, a page whose main content links to several pages below it (a
    card listing) is a listing, not an article.
    """
    media = content_type.split(";", 1)[0].strip().lower()
    head = body.lstrip()[:1]
    if media.endswith("json") or head in (b"{", b"["):
        return _json_kind(body)
    if looks_like_feed(body):
        return FEED
    if media.endswith("xml") and "xhtml" not in media:
        raise DetectError("XML that is neither RSS nor Atom")
    return _html_kind(body, content_type, url)
