"""What an ad-hoc URL (`ingest --source URL`) points at: a feed, a listing, an article, an API.

Decided from the response we already have, so detection costs no extra request.
"""

from __future__ import annotations

import json

from pipeline.fetch.feeds import looks_like_feed
from pipeline.fetch.listing import DEFAULT_ITEM_SELECTOR, html_soup

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


def _html_kind(body: bytes, content_type: str) -> str:
    soup = html_soup(body, content_type)
    og_type = soup.find("meta", attrs={"property": "og:type"})
    if og_type is not None and str(og_type.get("content", "")).lower() == "article":
        return ARTICLE
    if soup.find("meta", attrs={"property": "article:published_time"}) is not None:
        return ARTICLE
    if len(soup.select(DEFAULT_ITEM_SELECTOR)) >= MIN_LISTING_LINKS:
        return LISTING
    text = " ".join(soup.get_text(" ").split())
    if text:
        return ARTICLE
    raise DetectError("HTML page without text")


def detect_kind(content_type: str, body: bytes) -> str:
    """Return one of 'govuk', 'govuk_item', 'feed', 'listing', 'article'; DetectError if none."""
    media = content_type.split(";", 1)[0].strip().lower()
    head = body.lstrip()[:1]
    if media.endswith("json") or head in (b"{", b"["):
        return _json_kind(body)
    if looks_like_feed(body):
        return FEED
    if media.endswith("xml") and "xhtml" not in media:
        raise DetectError("XML that is neither RSS nor Atom")
    return _html_kind(body, content_type)
