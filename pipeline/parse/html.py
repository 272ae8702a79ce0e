"""Article pages: title, publication date, canonical URL and the body without page chrome."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from bs4 import BeautifulSoup, NavigableString, Tag

from pipeline.models import Document
from pipeline.parse.dates import parse_published
from pipeline.parse.errors import ParseError
from pipeline.parse.layout import (
    join_cells,
    join_fragments,
    join_paragraphs,
    normalise_list_item,
    with_title,
)
from pipeline.parse.page_dates import labelled_field, page_text_date

_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button",
    "nav", "header", "footer", "aside", "figure", "figcaption", "select", "input",
)  # fmt: skip
_CHROME = re.compile(
    r"cookie|consent|banner|breadcrumb|share|social|newsletter|related|promo|advert|"
    r"signup|sign-up|skip-link|site-header|site-footer|menu|sidebar|subscribe|"
    # The lines around a story that describe the page, not the news: who published it and
    # when ("From:", "Published", "Posted on … by …", "Last updated"), the change history,
    # tags and categories, "Is this page useful?", links to the previous and
    # next posts, comment forms, most-read lists, captions of pictures, and posts embedded
    # from social media (a tweet set in the story is another page's text, as an <iframe> is).
    # A byline stays: on a blog written in the first person it names the speaker.
    r"metadata|published-dates|entry-meta|article-meta|post-meta|posted-on|"
    r"entry-footer|tags-links|tag-list|article-tags|entry-categories|feedback|"
    r"pagination|post-navigation|comment-respond|comments-area|most-read|gdpr|caption|"
    r"twitter-tweet|instagram-media|tiktok-embed|fb-post",
    re.IGNORECASE,
)
# Tags that stay inside a line of text; a block holding only these is one paragraph.
_INLINE = ("a", "b", "strong", "em", "i", "span", "abbr", "small", "sup", "sub", "mark",
           "u", "br", "time", "cite", "q")  # fmt: skip
# A label before a paragraph's links ("Read more:", "More on this story:") has at most this
# many words; a longer lead-in is a sentence that happens to end with a link.
POINTER_LABEL_WORDS = 4
# Articles outside the headline that hold less than this share of the main block's text
# are cards of other stories around it: 1/TEASER_SHARE.
TEASER_SHARE = 2
# … but when they hold most of it and no one of them holds this share of their text, they
# are the entries of one story (a live blog's), read together.
ENTRY_SHARE = 0.75
# What a footnote's mark says: a number, a bracketed number, or a printer's symbol (and
# the arrow of the link back from the note).
_FOOTNOTE_MARK = re.compile(r"^(?:\[?\d{1,3}\]?|\(\d{1,3}\)|[*†‡§¶↩↑^]{1,3})$")
# Words above the headline that are a label of the page, not a part of its story.
PRE_HEADLINE_WORDS = 12
_BLOCKS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "blockquote", "pre", "tr", "dd", "dt", "ul", "ol", "caption",
)  # fmt: skip
# Markers the walk writes into the text and the lines are built from: the start of a list
# item, the start of a table cell, and a block break inside a cell (kept to tell a cell
# from a page laid out in a table).
_LIST_ITEM = "\u0000LI "
_CELL = "\u0001"
_SOFT_BREAK = "\u0002"
_HEADING = "\u0003"
# The start of a heading outside a table: its number ("6. Force performance", a minute or a
# section number) is no bullet, so the heading does not become a list item.
_HEADING_LINE = "\u0004"
# The start of a cell of a data table nested in a cell of another (a council page laid out
# in a table, with the table of recommendations inside it): its rows become lines of cells.
_INNER_CELL = "\u0006"
# A cell holding a heading, or more blocks than this (paragraphs, list items), is a column
# of a page laid out with a table, not a cell of data: its blocks stay lines of their own.
LAYOUT_CELL_BLOCKS = 3
# The end of a box of lines (see _Walk.close_group): short lines on either side of it are
# not one row.
_GROUP_END = "\u0005"
# Boxes whose lines belong together: a card, an accordion entry, a definition list, a
# paragraph whose lines are set with <br>.
_GROUPS = ("div", "section", "article", "details", "p", "dl", "blockquote", "aside")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LAYOUT_ROLES = ("presentation", "none")
# A cell spanning columns is followed by empty ones to keep the next cells under their
# headings, and a cell spanning rows is repeated in each row it covers, as the reader sees
# it belong to each; a span wider than any real table is taken as this.
MAX_COLSPAN = 50
MAX_ROWSPAN = 50
# A spanning cell longer than this is a passage, not a label the rows share: the rows below
# keep its column empty, so a page cannot multiply its own text fifty times.
MAX_CARRIED_CHARS = 300
_DATE_META = (
    ("property", "article:published_time"),
    ("property", "og:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "DC.date.issued"),
    ("name", "dcterms.issued"),
    ("name", "dcterms.created"),
    ("name", "govuk:first-published-at"),
    ("name", "pubdate"),
    ("name", "publish-date"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
# A page that sends the browser elsewhere with <meta http-equiv=refresh> and shows no more
# than this many words is a redirect stub ("Redirecting…"), not a document. Pages that only
# reload themselves every few minutes carry their whole text and are kept.
REDIRECT_STUB_MAX_WORDS = 40
SKIP_LINKS = 5  # in-page links read at the top of a page for its skip link
DATE_LINE_WORDS = 8  # the most words of a block that is a date line ("Published on 3 May 2024")
_PUBLISHED_MARK = re.compile(r"publish|posted|entry-date|datePublished|post-date", re.IGNORECASE)
_VALUE_CELLS = ("li", "dd", "dt", "td", "th", "table")
_UPDATED = re.compile(r"\bupdated\b|\bmodified\b", re.IGNORECASE)
_REFRESH = re.compile(r"^\s*refresh\s*$", re.IGNORECASE)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"\s]+)", re.IGNORECASE)


def _meta(soup: BeautifulSoup, attr: str, value: str) -> str | None:
    tag = soup.find("meta", attrs={attr: value})
    content = tag.get("content") if isinstance(tag, Tag) else None
    return content.strip() if isinstance(content, str) and content.strip() else None


def _json_ld_dates(soup: BeautifulSoup) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("datePublished", "dateCreated"):
                if isinstance(node.get(key), str):
                    found.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            walk(json.loads(script.string or ""))
        except (json.JSONDecodeError, TypeError):
            continue
    return found


def _page_times(soup: BeautifulSoup) -> list[str]:
    """The <time> elements that date the page: those marked as its publication (`pubdate`,
    a class or itemprop naming it), then a date line of its own ("Posted 3 May 2024"). A
    <time> in a list, table or definition (a force's "Date entered") or in a sentence dates
    something the page reports, not the page."""
    marked, lines = [], []
    for tag in soup.find_all("time"):
        value = str(tag.get("datetime") or tag.get_text(" ", strip=True))
        marks = " ".join([*tag.get("class", []), str(tag.get("itemprop") or "")])
        line = (tag.parent or tag).get_text(" ", strip=True)
        if tag.has_attr("pubdate") or _PUBLISHED_MARK.search(marks):
            marked.append(value)
        elif tag.find_parent(_VALUE_CELLS) is None and len(line.split()) <= DATE_LINE_WORDS and (
                not _UPDATED.search(line)) and not labelled_field(tag):
            lines.append(value)  # not "Last updated": it moves on with every edit
    return marked + lines


def _published(soup: BeautifulSoup) -> date | None:
    candidates = [_meta(soup, attr, value) for attr, value in _DATE_META]
    candidates += _json_ld_dates(soup)
    candidates += _page_times(soup)
    for candidate in candidates:
        if candidate:
            parsed = parse_published(str(candidate))
            if parsed:
                return parsed
    return None


def _title(soup: BeautifulSoup) -> str:
    og = _meta(soup, "property", "og:title")
    if og:
        return og
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    if soup.title and soup.title.get_text(strip=True):
        # "<headline> | <site name>": the site name is not part of the headline.
        return re.split(r"\s+[|–—-]\s+", soup.title.get_text(" ", strip=True))[0]
    return ""


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    if isinstance(href, str) and href.startswith(("http://", "https://")):
        return href.strip()
    og_url = _meta(soup, "property", "og:url")
    return og_url if og_url and og_url.startswith(("http://", "https://")) else None


def _outermost(root: Tag, name: str) -> list[Tag]:
    """Tags called `name` that are not inside another one, in document order, in one walk."""
    found: list[Tag] = []
    stack = [child for child in reversed(root.contents) if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        if tag.name == name:
            found.append(tag)
            continue
        stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    return found


def _main_block(soup: BeautifulSoup) -> Tag | None:
    for selector in ("[role=main]", "main", "[itemprop=articleBody]", ".govuk-govspeak",
                     "#content", ".content", ".article-body", ".news-article"):
        found = soup.select_one(selector)
        if found is not None:
            return found
    return _skip_target(soup) or soup.body


def _skip_target(soup: BeautifulSoup) -> Tag | None:
    """The element a page's skip link jumps to ("Skip to main content" → #maincontent), when
    it holds the headline: the page's own mark for where its content starts."""
    links = soup.select("a[href^='#']", limit=SKIP_LINKS)
    for link in links:
        target = str(link.get("href"))[1:]
        found = soup.find(id=target) if target else None
        if isinstance(found, Tag) and found.find("h1") is not None:
            return found
    return None


def _text_size(tag: Tag) -> int:
    return len(tag.get_text(" ", strip=True))


def _body_root(soup: BeautifulSoup) -> Tag | None:
    """The story's element: the <article> that holds the headline, else the longest one.
    When the headline stands outside every article, in the main block: articles that hold
    less than half of its text are teaser cards of other stories, and the main block is
    read without them; articles of which none holds most of their text are the entries of
    a live blog, and the main block is read with them."""
    # An inner article's text is part of the outer one's, so the longest is an outermost
    # one; measuring every nested article would cost the square of the nesting depth.
    articles = _outermost(soup, "article")
    if not articles:
        return _main_block(soup)
    h1 = soup.find("h1")
    if isinstance(h1, Tag):
        holding = [tag for tag in articles if h1 in tag.descendants]
        if holding:
            return holding[0]
    longest = max(articles, key=_text_size)
    main = _main_block(soup) if isinstance(h1, Tag) else None
    if main is None or h1 not in main.descendants:
        return longest
    entries = [tag for tag in articles if any(parent is main for parent in tag.parents)]
    if sum(map(_text_size, entries)) * TEASER_SHARE < _text_size(main):
        for teaser in entries:
            teaser.decompose()
        return main
    if len(entries) > 1 and _text_size(longest) < ENTRY_SHARE * sum(map(_text_size, entries)):
        return main  # a live blog's entries under its headline: the story is all of them
    return longest


def _own_part(tag: Tag) -> bool:
    """A footer, header, form or button that belongs to what holds it: a quotation's footer
    credits its speaker ("— Jane Doe, Chief Constable"); the article's header that holds the
    headline holds its standfirst too, the story's first lines (headers of the entries of
    a live blog hold only their times); a form that holds headings or paragraphs is the
    page itself (its fields are dropped on their own); a button in a heading is the
    heading's text."""
    if tag.name == "footer":
        return tag.parent is not None and tag.parent.name == "blockquote"
    if tag.name == "form":  # ASP.NET sites put the whole page in a <form>
        return tag.find(("h1", "h2", "p")) is not None
    if tag.name == "button":  # an accordion's heading is a button inside the heading
        return tag.find_parent(_HEADINGS) is not None
    return (tag.name == "header" and tag.find("h1") is not None
            and tag.find_parent("article") is not None)


def _is_pointer(tag: Tag) -> bool:
    """A paragraph that only points to another page: a short label and a colon, then links
    ("Read more: <a>…</a>", "See also: <a>…</a>"). The linked headline is another story's,
    and often about another force's move."""
    if tag.name not in ("p", "div") or any(
            isinstance(child, Tag) and child.name not in _INLINE for child in tag.children):
        return False
    outside: list[str] = []
    linked = False
    for string in tag.find_all(string=True):
        in_link = any(parent.name == "a" for parent in _parents_within(string, tag))
        linked = linked or (in_link and bool(string.strip()))
        if not in_link:
            outside.append(str(string))
    label = " ".join("".join(outside).split()).rstrip(" ,|")
    return linked and label.endswith(":") and len(label.split()) <= POINTER_LABEL_WORDS


def _parents_within(node: NavigableString, top: Tag) -> list[Tag]:
    found: list[Tag] = []
    parent = node.parent
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.parent
    return found


def _is_footnote_mark(tag: Tag) -> bool:
    """A footnote's mark in the text ("closed.<sup>1</sup>", "<a href='#fn2'>[2]</a>"): on
    the page it is small type beside a word; run into the text it makes "closed.1", a
    number that ends no sentence and reads as part of the next one."""
    if tag.name == "sup" or (tag.name == "a" and str(tag.get("href") or "").startswith("#")):
        return bool(_FOOTNOTE_MARK.match(tag.get_text("", strip=True)))
    return False


def _is_chrome(tag: Tag) -> bool:
    if tag.name in _DROP_TAGS:
        return not _own_part(tag)
    if _is_pointer(tag) or _is_footnote_mark(tag):
        return True
    marker = " ".join([*tag.get("class", []), tag.get("id") or "", tag.get("role") or ""])
    keep = tag.name in ("article", "main", "body")
    return bool(marker.strip() and _CHROME.search(marker) and not keep)


def _drop_before_headline(root: Tag) -> None:
    """Drop the few words a page sets above its headline ("News story", "Press release",
    a date): they label the page, and the stored text starts with the headline. More text
    than that before the <h1> is the story itself, set out of order, and stays."""
    strings: list[NavigableString] = []
    for node in root.descendants:
        if isinstance(node, Tag) and node.name == "h1":
            break
        if type(node) is NavigableString and node.strip():
            strings.append(node)
    else:
        return
    if sum(len(string.split()) for string in strings) <= PRE_HEADLINE_WORDS:
        for string in strings:
            string.extract()


def _strip_chrome(root: Tag) -> None:
    """Remove navigation, scripts and banners: found in one walk, then removed.

    A removed tag takes its descendants with it, so the walk does not look inside it. (Asking
    each tag of a deeply nested page whether it was already removed costs a search of its
    descendants, which made 100,000 nested <div>s take about 25 minutes.)
    """
    found: list[Tag] = []
    stack = [child for child in reversed(root.contents) if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        if _is_chrome(tag):
            found.append(tag)
            continue
        stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    for tag in found:
        tag.decompose()


@dataclass
class _Spans:
    """A data table's cells that span rows: the column the walk is at in the current row,
    and, by column, how many more rows a cell covers and its text."""

    column: int = 0
    pending: dict[int, tuple[int, str]] = field(default_factory=dict)
    cell: tuple[int, int, int, int] = (0, 1, 1, 0)  # the open cell: column, colspan, rowspan, start

    def carried(self) -> str:
        """The cells that spanning cells of rows above put here, in order."""
        out = ""
        while self.column in self.pending:
            rows, text = self.pending.pop(self.column)
            if rows > 1:
                self.pending[self.column] = (rows - 1, text)
            out += _CELL + text
            self.column += 1
        return out


@dataclass
class _Walk:
    """Where the walk is: inside how many table cells, and inside which kinds of table."""

    cells: int = 0
    tables: list[bool] = field(default_factory=list)  # True: a data table, not a layout one
    cell_table: int = 0  # how many tables were open when the cell the walk is in opened
    spans: list[_Spans] = field(default_factory=list)  # one for each open table
    preformatted: int = 0  # inside how many <pre>, where the source's line breaks are text
    lines: int = 0  # lines of text begun so far
    fresh: bool = True  # whether the next text begins a line

    def break_mark(self) -> str:
        # Inside a cell a block only softens to a space: the row stays on one line.
        return _SOFT_BREAK if self.cells else "\n"

    def add(self, parts: list[str], piece: str, text: bool = False) -> None:
        if text and piece.strip() and self.fresh:
            self.lines += 1
            self.fresh = False
        elif not text and "\n" in piece:
            self.fresh = True
        parts.append(piece)

    def close_group(self, parts: list[str], start: int) -> None:
        """After a box (a card, an entry, a paragraph of <br> lines) that held two lines or
        more, end the run of short lines: the next box's label starts a row of its own."""
        if start >= 0 and not self.cells and self.lines - start >= 2:
            self.add(parts, f"\n{_GROUP_END}\n")


def _span(tag: Tag, attribute: str, most: int) -> int:
    value = str(tag.get(attribute) or "1").strip()
    return min(int(value), most) if value.isdigit() and int(value) > 0 else 1


def _colspan(tag: Tag) -> int:
    return _span(tag, "colspan", MAX_COLSPAN)


def _open(node: Tag, walk: _Walk) -> tuple[str, str, str]:
    """What a tag writes where it opens and where it closes, and what it changes."""
    if node.name == "table":
        walk.tables.append(str(node.get("role") or "").lower() not in _LAYOUT_ROLES)
        walk.spans.append(_Spans())
        return walk.break_mark(), walk.break_mark(), "table"
    data_row = not walk.cells and walk.tables and walk.tables[-1]
    if node.name == "tr" and data_row:
        walk.spans[-1].column = 0
        return walk.break_mark(), walk.break_mark(), "row"
    if node.name in ("td", "th") and data_row:
        walk.cells += 1
        walk.cell_table = len(walk.tables)
        spans = walk.spans[-1]
        carried = spans.carried()
        spans.cell = (spans.column, _colspan(node), _span(node, "rowspan", MAX_ROWSPAN), 0)
        return carried + _CELL, _CELL * (_colspan(node) - 1), "cell"
    if node.name in ("td", "th") and walk.cells and walk.tables[-1] and (
            len(walk.tables) > walk.cell_table):
        return _INNER_CELL, _INNER_CELL * (_colspan(node) - 1), ""
    if node.name == "pre":
        walk.preformatted += 1
        return walk.break_mark(), walk.break_mark(), "pre"
    if node.name in _BLOCKS or node.name in ("td", "th"):
        mark = walk.break_mark()
        if node.name == "li":
            return mark + _LIST_ITEM, mark, ""
        if node.name in _HEADINGS:
            return mark + (_HEADING if walk.cells else _HEADING_LINE), mark, ""
        return mark, mark, ""
    return "", "", ""


def _text_parts(root: Tag) -> list[str]:
    """The root's strings in document order, a line break around every block and for <br>,
    a marker at the start of each list item, and one before each cell of a data table:
    one walk with an explicit stack, so nesting depth costs neither recursion nor repeated
    searches of the tree."""
    wanted = root.interesting_string_types or Tag.MAIN_CONTENT_STRING_TYPES
    parts: list[str] = []
    walk = _Walk()
    closing: list[tuple[str, str, int]] = [("", "", -1)]
    stack = [iter(root.contents)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            text, change, start = closing.pop()
            if change == "cell":
                _close_cell(walk.spans[-1], parts)
            elif change == "row":
                text = walk.spans[-1].carried() + text  # spanning cells after the last one
            walk.add(parts, text)
            walk.close_group(parts, start)
            if change == "cell":
                walk.cells -= 1
            elif change == "table":
                walk.tables.pop()
                walk.spans.pop()
            elif change == "pre":
                walk.preformatted -= 1
        elif isinstance(node, Tag):
            if node.name == "br":
                walk.add(parts, walk.break_mark())
                continue
            opening, close, change = _open(node, walk)
            walk.add(parts, opening)
            if change == "cell":
                walk.spans[-1].cell = walk.spans[-1].cell[:3] + (len(parts),)
            closing.append((close, change, walk.lines if node.name in _GROUPS else -1))
            stack.append(iter(node.contents))
        elif isinstance(node, NavigableString) and (
                type(node) is wanted if isinstance(wanted, type) else type(node) in wanted):
            # A line break in the markup's source is a space, as a browser shows it (pages
            # are often written with their source wrapped at 80 columns); in <pre> it is one.
            text = str(node)
            walk.add(parts, text if walk.preformatted and not walk.cells else
                     text.replace("\r", " ").replace("\n", " "), text=True)
    return parts


def _close_cell(spans: _Spans, parts: list[str]) -> None:
    """Move past a cell's columns; one that spans rows is kept for the rows below."""
    column, colspan, rowspan, start = spans.cell
    if rowspan > 1:
        text = "".join(parts[start:]).replace(_CELL, " ")
        text = text if len(text) <= MAX_CARRIED_CHARS else ""
        for offset in range(colspan):
            spans.pending[column + offset] = (rowspan - 1, text if offset == 0 else "")
    spans.column = column + colspan


def _text_line(raw: str) -> str:
    if raw.lstrip().startswith(_HEADING_LINE):
        return " ".join(raw.replace(_HEADING_LINE, "").replace(_LIST_ITEM, "").split())
    line = raw.replace(_LIST_ITEM, "- ", 1).replace(_LIST_ITEM, "").replace(_HEADING_LINE, "")
    return normalise_list_item(" ".join(line.split()))


def _row_lines(raw: str) -> list[str]:
    """A table row as one line of cells; a row whose cells hold whole passages (a page
    laid out with a table) as the lines of those passages."""
    lead, *cells = raw.split(_CELL)
    pieces = [[p for p in cell.split(_SOFT_BREAK) if p.strip()] for cell in cells]
    if _HEADING in raw or any(len(found) > LAYOUT_CELL_BLOCKS for found in pieces):
        lines = raw.replace(_HEADING, "").replace(_CELL, _SOFT_BREAK).split(_SOFT_BREAK)
        return [_inner_row(line) if _INNER_CELL in line else _text_line(line)
                for line in lines]
    texts = [" ".join(" ".join(found).replace(_LIST_ITEM, "").replace(_INNER_CELL, " ").split())
             for found in pieces]  # a small table inside a cell of data is part of its value
    if lead.strip():
        texts.insert(0, " ".join(lead.split()))
    return [join_cells(texts)] if any(texts) else []


def _inner_row(line: str) -> str:
    """A row of a table nested in a layout cell, as one line of its cells."""
    lead, *cells = line.split(_INNER_CELL)
    texts = [" ".join(cell.replace(_LIST_ITEM, "").split()) for cell in cells]
    if lead.strip():
        texts.insert(0, _text_line(lead))
    return join_cells(texts) if any(texts) else ""


def _body_text(root: Tag, title: str) -> str:
    groups: list[list[str]] = [[]]
    for raw in "".join(_text_parts(root)).split("\n"):
        if raw == _GROUP_END:
            groups.append([])
            continue
        found = _row_lines(raw) if _CELL in raw else [_text_line(raw.replace(_SOFT_BREAK, " "))]
        groups[-1].extend(line for line in found if line and line != "-")
    return join_paragraphs([line for lines in groups for line in join_fragments(lines, title)])


def _refuse_redirect_stub(soup: BeautifulSoup, text: str) -> None:
    refresh = soup.find("meta", attrs={"http-equiv": _REFRESH})
    content = refresh.get("content") if isinstance(refresh, Tag) else None
    target = _REFRESH_URL.search(content) if isinstance(content, str) else None
    if target and len(text.split()) <= REDIRECT_STUB_MAX_WORDS:
        raise ParseError(f"redirect stub (meta refresh to {target.group(1)}), not a document")


def decode_html(body: bytes, declared: str | None = None) -> str:
    """Decode with the declared charset, then the page's own <meta charset>, then cp1252.

    Servers often declare utf-8 for pages saved in Windows-1252; a wrong guess would corrupt
    quotes and names silently, so an encoding must decode strictly to be accepted.
    """
    candidates = [declared] if declared else []
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise ParseError("cannot decode the page with its declared charset, utf-8 or cp1252")


def parse_html(
    body: bytes | str,
    *,
    url: str,
    source: str = "local",
    encoding: str | None = None,
    title_hint: str | None = None,
    published_hint: date | None = None,
) -> Document:
    markup = decode_html(body, encoding) if isinstance(body, bytes) else body
    soup = BeautifulSoup(markup, "lxml")
    title = _title(soup) or (title_hint or "")
    # Metadata first, then the date the page prints ("Published: 14:32 18/09/2024").
    published = _published(soup) or page_text_date(soup) or published_hint
    canonical = _canonical(soup)
    root = _body_root(soup)
    if root is None:
        raise ParseError("no body text")
    _strip_chrome(root)
    _drop_before_headline(root)
    text = _body_text(root, title)
    if not text:
        raise ParseError("no body text")
    _refuse_redirect_stub(soup, text)
    return Document(
        url=canonical or url,
        title=title,
        text=with_title(title, text),
        published_date=published,
        source=source,
    )
