"""RSS and Atom feeds: bytes we fetched ourselves in, article links with hints out.

feedparser never fetches here (it has no timeout, see engineering notes): it gets the bytes
as a stream. XML that declares entities is refused before any parser sees it, because
entity expansion is how a few kilobytes of feed become gigabytes of memory.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import ParseError

import feedparser
from bs4 import BeautifulSoup
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring as defused_fromstring

_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)
# feedparser flags these as "bozo" too, but they say nothing about the XML being broken.
_HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")


class FeedError(ValueError):
    """A feed we will not use: unsafe or unreadable. The message is one line for the log."""


@dataclass(frozen=True)
class FeedItem:
    """One entry: where the article is and what the feed says about it."""

    link: str
    title: str | None
    published: date | None
    summary: str | None = None  # plain text, for filters: the markup's tags taken out
    story: str | None = None  # the whole story as markup, when the feed carries it


# A description of at least this many words is the story itself, not a teaser: feeds that
# carry whole stories put them there when they have no content:encoded.
STORY_MIN_WORDS = 120


def plain_text(markup: str) -> str:
    """The words of a feed's HTML (escaped in the XML, unescaped by feedparser): "special
    <b>measures</b>" must read "special measures" for a title_pattern to find it."""
    if "<" not in markup and "&" not in markup:
        return " ".join(markup.split())
    return " ".join(BeautifulSoup(markup, "lxml").get_text(" ").split())


def _story(entry: dict, summary: str | None) -> str | None:
    """The entry's whole story: its longest content:encoded (or Atom <content>), else a
    description long enough to be the story rather than a teaser of it."""
    bodies = [str(c.get("value") or "") for c in entry.get("content") or []]
    bodies = [b for b in bodies if b.strip()]
    if bodies:
        return max(bodies, key=len)
    raw = entry.get("summary") or ""
    return raw if summary and len(summary.split()) >= STORY_MIN_WORDS else None


def _scan_text(body: bytes) -> str:
    """The body as text for the safety scan, whatever Unicode encoding it is in."""
    head = body[:4]
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return body.decode("utf-32", errors="ignore")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body.decode("utf-16", errors="ignore")
    if head[:1] == b"\x00" or head[1:2] == b"\x00":
        codec = "utf-16-be" if head[:1] == b"\x00" else "utf-16-le"
        return body.decode(codec, errors="ignore")
    return body.decode("utf-8", errors="ignore")


def check_xml_safety(body: bytes) -> None:
    """Raise FeedError if the XML declares entities or references external ones.

    Two checks: a plain scan for `<!ENTITY` (cheap, independent of any parser's mood on
    malformed input), then defusedxml, which stops at the declaration before expanding it.
    """
    if _ENTITY_DECL.search(_scan_text(body)):
        raise FeedError("XML declares entities (possible entity-expansion bomb); feed refused")
    try:
        defused_fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden) as exc:
        raise FeedError(f"unsafe XML refused ({type(exc).__name__})") from exc
    except (ParseError, ValueError, LookupError):
        pass  # malformed but harmless: feedparser decides whether it is usable


def looks_like_feed(body: bytes) -> bool:
    """True when the first kilobytes hold an <rss>, <feed> or <rdf:RDF> root element."""
    return bool(_FEED_ROOT.search(_scan_text(body[:4096]).encode("utf-8", "ignore")))


def _entry_date(entry: dict) -> date | None:
    """The entry's date as the publisher wrote it (feedparser's parsed form is shifted to UTC,
    which moves a 00:30 BST release to the previous day)."""
    for key in ("published", "updated", "created"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw).date()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _entry_link(entry: dict) -> str | None:
    link = (entry.get("link") or "").strip()
    if link:
        return link
    guid = (entry.get("id") or "").strip()
    if guid.startswith(("http://", "https://")):
        return guid
    return None


def parse_feed(
    body: bytes, *, base_url: str, content_type: str = "", max_items: int | None = None
) -> tuple[list[FeedItem], str | None]:
    """Return the feed's items and a warning (None when the feed was well-formed).

    A malformed (bozo) feed that still yields entries is used, with a warning; one that
    yields nothing raises FeedError, so the source counts as failed rather than empty.
    """
    check_xml_safety(body)
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    warning = None
    problem_kind = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem_kind, _HARMLESS_BOZO):
        problem = str(parsed.get("bozo_exception") or "malformed feed").splitlines()[0]
        if not parsed.entries:
            raise FeedError(f"unusable feed: {problem}")
        warning = f"malformed feed used anyway ({len(parsed.entries)} entries): {problem}"
    if not parsed.entries and not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed")
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = _entry_link(entry)
        if link is None:
            continue
        title = " ".join((entry.get("title") or "").split()) or None
        summary = plain_text(entry.get("summary") or "") or None
        items.append(FeedItem(link, title, _entry_date(entry), summary, _story(entry, summary)))
        if max_items is not None and len(items) >= max_items:
            break
    return items, warning
