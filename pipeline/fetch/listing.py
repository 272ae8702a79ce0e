"""HTML listing pages ("News", "Press releases"): item links, their hints, the next page.

Selectors come from the sources file, so a reviewer can fix a force newsroom whose markup
changed without touching Python. Without selectors we fall back to links inside lists in
<main> or <article>, which is how most newsrooms are built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from bs4 import BeautifulSoup, Tag

from pipeline.fetch.canonical import UrlError, canonical_url
from pipeline.fetch.encoding import detect_encoding

DEFAULT_ITEM_SELECTOR = "main li a[href], article li a[href], main article a[href]"
DEFAULT_NEXT_SELECTOR = (
    'a[rel~="next"], link[rel~="next"], .pagination a.next, .pager__item--next a, li.next a, a.next'
)
_PAGE_NUMBER = re.compile(r"^\s*\d+\s*$")


@dataclass(frozen=True)
class ListingItem:
    """One link to an article, with what the listing says about it."""

    url: str  # canonical
    title: str | None
    published: date | None


@dataclass(frozen=True)
class ListingPage:
    items: list[ListingItem]
    next_url: str | None


def html_soup(body: bytes, content_type: str) -> BeautifulSoup:
    """Parse HTML after working out its real charset (declarations are often wrong)."""
    encoding = detect_encoding(body, content_type)
    return BeautifulSoup(body.decode(encoding, errors="replace"), "lxml")


def _text(node: Tag | None) -> str | None:
    if node is None:
        return None
    text = " ".join(node.get_text(" ").split())
    return text or None


def _parse_date(text: str | None, date_format: str | None) -> date | None:
    if not text:
        return None
    if date_format:
        try:
            return datetime.strptime(text.strip(), date_format).date()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.strip()).date()
    except ValueError:
        return None


def _item_date(container: Tag, options: dict) -> date | None:
    selector = options.get("date_selector")
    node = container.select_one(selector) if selector else container.find("time")
    if node is None:
        return None
    machine = node.get("datetime") if isinstance(node, Tag) else None
    if machine:
        found = _parse_date(str(machine)[:10], "%Y-%m-%d")
        if found:
            return found
    return _parse_date(_text(node), options.get("date_format"))


def _link_of(node: Tag) -> Tag | None:
    if node.name == "a" and node.get("href"):
        return node
    return node.select_one("a[href]")


def parse_listing(
    body: bytes, *, page_url: str, content_type: str = "", options: dict | None = None
) -> ListingPage:
    """Extract item links (canonical, de-duplicated, in page order) and the next-page URL.

    `item_selector` may select the links themselves or item containers (then the first link
    inside is the item, and `title_selector` / `date_selector` are looked up inside it).
    `item_pattern`, a regular expression, keeps only links whose URL matches.
    """
    options = options or {}
    soup = html_soup(body, content_type)
    base_tag = soup.find("base", href=True)
    base = canonical_url(str(base_tag["href"]), base=page_url) if base_tag else page_url
    pattern = re.compile(options["item_pattern"]) if options.get("item_pattern") else None
    next_url = _next_url(soup, base, options)
    items: list[ListingItem] = []
    seen: set[str] = {page_url}
    if next_url:
        seen.add(next_url)
    for node in soup.select(options.get("item_selector") or DEFAULT_ITEM_SELECTOR):
        link = _link_of(node)
        if link is None:
            continue
        try:
            url = canonical_url(str(link["href"]), base=base)
        except UrlError:
            continue  # mailto:, javascript:, tel: ...
        if url in seen or (pattern and not pattern.search(url)):
            continue
        if _PAGE_NUMBER.match(link.get_text()):
            continue  # pagination links caught by a loose default selector
        seen.add(url)
        container = node
        if node is link:
            container = link.find_parent(["li", "article"]) or link
        title_selector = options.get("title_selector")
        title_node = container.select_one(title_selector) if title_selector else link
        items.append(
            ListingItem(url=url, title=_text(title_node), published=_item_date(container, options))
        )
    return ListingPage(items=items, next_url=next_url)


def _next_url(soup: BeautifulSoup, base: str, options: dict) -> str | None:
    node = soup.select_one(options.get("next_selector") or DEFAULT_NEXT_SELECTOR)
    if node is None or not node.get("href"):
        return None
    try:
        return canonical_url(str(node["href"]), base=base)
    except UrlError:
        return None
