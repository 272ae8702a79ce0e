"""Publication dates that a page shows only as text, for pages whose metadata has none.

Force newsrooms on the "Single Online Home" platform print "Published: 14:32 18/09/2024"
and carry no date metadata; the inspectorate's report pages print "Published on: 1 December
2022"; tables say "Date of publication" in one cell and the date in the next. Failing a
label, the date printed next to the headline is the page's date.
"""

from __future__ import annotations

import re
from datetime import date

from bs4 import BeautifulSoup, NavigableString, Tag

from pipeline.parse.dates import (
    PUBLISHED_LABELS,
    date_line,
    find_labelled_date,
    find_text_date,
)

# Elements whose text must begin with the label for it to be the page's own date line.
# Emphasis and links are left out: "the report was <b>published on</b> 3 May" is prose.
_LABEL_BLOCKS = ("p", "div", "li", "dd", "dt", "td", "th", "span", "small", "time",
                 "section", "header", "h2", "h3", "h4", "h5", "h6")  # fmt: skip
_LABEL_START = re.compile(
    r"^\s*(?:" + "|".join(re.escape(label) for label in PUBLISHED_LABELS) + r")\b",
    re.IGNORECASE,
)
# The elements that make a line of the page: a date's own <time> or <span> is not a line
# ("Page last updated: <time>…</time>" is a line that says more than a date).
_LINE_BLOCKS = tuple(b for b in _LABEL_BLOCKS if b not in ("span", "small", "time"))
# Cells of lists, tables and definitions: an unlabelled date in one is a field's value.
_VALUE_CELLS = ("li", "dd", "td", "table")
# Pages that record an occasion are dated by it, in a line of their own: council committee
# minutes (moderngov) by the meeting ("Meeting of Police and Crime Panel, Thursday, 4th
# April, 2025 10.00 am (Item 6.)"), statements to Parliament and speeches by the day they
# were made ("Statement made on 12 March 2024", "Delivered on: 12 March 2024 (Original
# script, may differ from delivered version)").
OCCASION_LABELS = ("meeting of", "minutes of the meeting of", "meeting held on",
                   "statement made on", "statement made", "made on", "delivered on")
_OCCASION_START = re.compile(
    r"^\s*(?:" + "|".join(re.escape(label) for label in OCCASION_LABELS) + r")\b", re.IGNORECASE)
# Such a line names the body that met, so it is longer than a date line, but no longer.
OCCASION_LINE_WORDS = 20
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The most words of a field's label ("Date entered Engage") beside its value.
FIELD_LABEL_WORDS = 8
# How much text after a label is read for its date ("Date of publication" | next cell).
LABEL_LOOKAHEAD_CHARS = 80
# How much text before and after the <h1> is searched for an unlabelled date.
NEAR_HEADLINE_CHARS = 200


def _text_after(node: Tag, limit: int) -> str:
    """Up to `limit` characters of the page text that follows `node` (not inside it)."""
    parts: list[str] = []
    size = 0
    inside = set(map(id, node.descendants))
    for string in node.find_all_next(string=True):
        if id(string) in inside or not isinstance(string, NavigableString):
            continue
        if string.find_parent(("script", "style", "noscript", "template")) is not None:
            continue
        parts.append(str(string))
        size += len(string)
        if size >= limit:
            break
    return " ".join(parts)


def _labelled(root: Tag) -> date | None:
    for string in root.find_all(string=_LABEL_START):
        block = string.find_parent(_LABEL_BLOCKS)
        if block is None:
            continue
        text = " ".join(block.get_text(" ").split())
        if not _LABEL_START.match(text):
            continue
        found = find_labelled_date(text) or find_labelled_date(
            text + "\n" + " ".join(_text_after(block, LABEL_LOOKAHEAD_CHARS).split())
        )
        if found is not None:
            return found
    return None


def _short_lines(strings, limit: int) -> list[str]:
    """The texts of the page elements holding `strings`, within `limit` characters."""
    lines: list[str] = []
    size = 0
    for string in strings:
        if string.find_parent(("script", "style", "noscript", "template", "head")) is not None:
            continue
        text = " ".join(str(string).split())
        if not text:
            continue
        size += len(text)
        if size > limit:
            break
        if string.find_parent(_VALUE_CELLS) is not None:
            continue  # a field's value ("Date entered" | "27 June 2022") is not the page's date
        block = string.find_parent(_LINE_BLOCKS) or string.parent
        if block is not None and labelled_field(block):
            continue
        lines.append(" ".join(block.get_text(" ").split()) if block is not None else text)
    return lines


def labelled_field(element: Tag) -> bool:
    """"<div>Returned to Scan</div><div><time>13 October 2022</time></div>": a date that is
    the value of a label before it, the label no publication label, dates what the label
    names (a card's field), not the page."""
    holder = element.parent if element.parent is not None and element.parent.get_text(
        " ", strip=True) == element.get_text(" ", strip=True) else element
    label = holder.find_previous_sibling(True)
    if label is None or label.name in _HEADINGS:
        return False  # a date line after the headline dates the page
    text = label.get_text(" ", strip=True)
    return bool(text) and len(text.split()) <= FIELD_LABEL_WORDS and not _LABEL_START.match(text)


def _near_headline(soup: BeautifulSoup) -> date | None:
    """A date printed on a line of its own just after (or before) the headline.

    Only short elements count: a date inside the first sentence of the story is the date
    of something the story reports, not of the page.
    """
    h1 = soup.find("h1")
    if not isinstance(h1, Tag):
        return None
    inside = set(map(id, h1.descendants))
    after = (s for s in h1.find_all_next(string=True) if id(s) not in inside)
    for strings in (after, h1.find_all_previous(string=True)):
        for line in _short_lines(strings, NEAR_HEADLINE_CHARS):
            found = date_line(line)
            if found is not None:
                return found
    return None


def _occasion_date(soup: BeautifulSoup) -> date | None:
    """The date of the meeting, statement or speech a page records, from its own line."""
    for string in soup.find_all(string=_OCCASION_START):
        block = string.find_parent(_LABEL_BLOCKS)
        text = " ".join((block or string.parent).get_text(" ").split())
        if _OCCASION_START.match(text) and len(text.split()) <= OCCASION_LINE_WORDS:
            found = find_text_date(text)
            if found is not None:
                return found
    return None


def page_text_date(soup: BeautifulSoup) -> date | None:
    """The publication date printed on the page: labelled in the article, on the page,
    then printed beside the headline, then the date of the meeting or statement the page
    records; None when the page shows none."""
    roots = [tag for tag in (soup.find("article"), soup.find("main")) if isinstance(tag, Tag)]
    for root in [*roots, soup]:
        found = _labelled(root)
        if found is not None:
            return found
    return _near_headline(soup) or _occasion_date(soup)
