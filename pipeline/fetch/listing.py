"""HTML listing pages ("News", "Press releases"): item links, their hints, the next page.

Selectors come from the sources file, so a reviewer can fix a force newsroom whose markup
changed without touching Python. With only an `item_pattern`, every matching link in the
main content is an item, whatever wraps it (WordPress themes use <div> cards); with
neither, links inside lists in <main> or <article>, which is how many newsrooms are built.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from bs4 import BeautifulSoup, Tag

from pipeline.fetch.canonical import UrlError, canonical_url
from pipeline.fetch.encoding import detect_encoding
from pipeline.parse.dates import find_text_date, parse_published

DEFAULT_ITEM_SELECTOR = "main li a[href], article li a[href], main article a[href]"
DEFAULT_NEXT_SELECTOR = (
    'a[rel~="next"], link[rel~="next"], .pagination a.next, .pager__item--next a, li.next a, a.next'
)
_PAGE_NUMBER = re.compile(r"^\s*\d+\s*$")
_PAGINATION = re.compile(
    r"/page/(?P<n>\d+)/?(?:$|[?#])|[?&](?:page|paged|pg)=(?P<q>\d+)(?:&|$)", re.IGNORECASE
)
CONTENT_ROOTS = ("main", "[role=main]", "#main-content", "#content", "#main")
_CHROME_TAGS = ("nav", "header", "footer", "aside")


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
            pass
    return parse_published(text)


def _time_date(node: Tag, options: dict) -> date | None:
    machine = node.get("datetime")
    if machine:
        found = parse_published(str(machine))
        if found:
            return found
    return _parse_date(_text(node), options.get("date_format"))


def _nearest_text_date(card: Tag, link: Tag) -> date | None:
    """The date written closest to the item's link inside its card (cards often hold one)."""
    strings = [s for s in card.find_all(string=True) if s.strip()]
    anchor = next((i for i, s in enumerate(strings) if link in s.parents), 0)
    dated = []
    for index, string in enumerate(strings):
        found = find_text_date(" ".join(str(string).split()))
        if found is not None:
            dated.append((abs(index - anchor), index, found))
    return min(dated)[2] if dated else None


def _item_date(card: Tag, link: Tag, options: dict) -> date | None:
    selector = options.get("date_selector")
    if selector:
        node = card.select_one(selector)
        return _time_date(node, options) if isinstance(node, Tag) else None
    node = card.find("time")
    found = _time_date(node, options) if isinstance(node, Tag) else None
    return found or _nearest_text_date(card, link)


def _link_of(node: Tag) -> Tag | None:
    if node.name == "a" and node.get("href"):
        return node
    return node.select_one("a[href]")


def _content_root(soup: BeautifulSoup) -> Tag:
    """Where a listing's items are: <main> (or its usual stand-ins), else the whole body."""
    for selector in CONTENT_ROOTS:
        found = soup.select_one(selector)
        if found is not None:
            return found
    return soup.body or soup


def _candidate_links(soup: BeautifulSoup, options: dict) -> list[tuple[Tag, Tag | None]]:
    """(link, box) pairs in page order; box is the selected item container, if any."""
    selector = options.get("item_selector")
    if selector:
        pairs = []
        for node in soup.select(selector):
            link = _link_of(node)
            if link is not None:
                pairs.append((link, None if node is link else node))
        return pairs
    if options.get("item_pattern"):
        # With a pattern, any link in the main content may be an item, whatever wraps it.
        root = _content_root(soup)
        links = root.select("a[href]")
        if root.name in ("body", "[document]"):  # no <main>: leave out the page's chrome
            links = [a for a in links if a.find_parent(_CHROME_TAGS) is None]
        return [(a, None) for a in links]
    return [(link, None) for link in soup.select(DEFAULT_ITEM_SELECTOR)]


def _card(link: Tag, owners: dict[int, set[str]], root: Tag) -> Tag:
    """The largest element around `link` that holds no other item: the item's card."""
    card = link
    for parent in link.parents:
        if parent is root or parent.name in ("body", "html") or len(owners[id(parent)]) > 1:
            break
        card = parent
    return card


def _title(card: Tag, links: list[Tag], options: dict) -> str | None:
    title_selector = options.get("title_selector")
    if title_selector:
        return _text(card.select_one(title_selector))
    texts = [t for t in (_text(link) for link in links) if t]
    if texts:
        return max(texts, key=len)
    return _text(card.find(("h2", "h3", "h4")))


def is_pagination_url(url: str) -> bool:
    """/news/page/2/ or ?page=2: another page of a listing, never an article."""
    return bool(_PAGINATION.search(url))


def _item_links(
    soup: BeautifulSoup, base: str, excluded: set[str | None], options: dict
) -> dict[str, list[tuple[Tag, Tag | None]]]:
    """Canonical item URL -> every (link, box) pointing at it, in page order."""
    pattern = re.compile(options["item_pattern"]) if options.get("item_pattern") else None
    found: dict[str, list[tuple[Tag, Tag | None]]] = {}
    for link, box in _candidate_links(soup, options):
        try:
            url = canonical_url(str(link["href"]), base=base)
        except UrlError:
            continue  # mailto:, javascript:, tel: ...
        if url in excluded or is_pagination_url(url) or (pattern and not pattern.search(url)):
            continue
        if _PAGE_NUMBER.match(link.get_text()):
            continue  # pagination links caught by a loose default selector
        found.setdefault(url, []).append((link, box))
    return found


def parse_listing(
    body: bytes, *, page_url: str, content_type: str = "", options: dict | None = None
) -> ListingPage:
    """Extract item links (canonical, de-duplicated, in page order) and the next-page URL.

    `item_selector` may select the links themselves or item containers (then the first link
    inside is the item, and `title_selector` / `date_selector` are looked up inside it).
    Without a selector but with `item_pattern`, every link in the main content whose URL
    matches is an item. An item's date is the nearest date in its card; pagination links
    and the page itself are never items.
    """
    options = options or {}
    soup = html_soup(body, content_type)
    base_tag = soup.find("base", href=True)
    base = canonical_url(str(base_tag["href"]), base=page_url) if base_tag else page_url
    next_url = _next_url(soup, base, options)
    found = _item_links(soup, base, {page_url, next_url}, options)
    root = _content_root(soup)
    owners: dict[int, set[str]] = defaultdict(set)
    for url, pairs in found.items():
        for link, _box in pairs:
            for parent in link.parents:
                owners[id(parent)].add(url)
    items: list[ListingItem] = []
    for url, pairs in found.items():
        link, box = pairs[0]
        card = box or _card(link, owners, root)
        if box is None and not options.get("item_pattern") and not options.get("item_selector"):
            card = link.find_parent(["li", "article"]) or card
        links = [candidate for candidate, _ in pairs]
        items.append(ListingItem(url=url, title=_title(card, links, options),
                                 published=_item_date(card, link, options)))
    return ListingPage(items=items, next_url=next_url)


def _page_number(url: str) -> int | None:
    match = _PAGINATION.search(url)
    return int(match.group("n") or match.group("q")) if match else None


def _next_url(soup: BeautifulSoup, base: str, options: dict) -> str | None:
    """The next-page link: the selector's, else a numbered page link to the page after this
    one (themes often print only "1 2 3" with no link marked as next)."""
    node = soup.select_one(options.get("next_selector") or DEFAULT_NEXT_SELECTOR)
    if node is not None and node.get("href"):
        try:
            return canonical_url(str(node["href"]), base=base)
        except UrlError:
            return None
    wanted = (_page_number(base) or 1) + 1
    for link in soup.select("a[href]"):
        try:
            url = canonical_url(str(link["href"]), base=base)
        except UrlError:
            continue
        if _page_number(url) == wanted:
            return url
    return None
