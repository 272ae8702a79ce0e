"""Page furniture in text copied from a PDF: lines that belong to the page, not the prose.

A PDF copied as text brings each page's number, its protective marking and its running
head along, in the middle of whichever sentence ran over the page break. They are known by
their form alone: a page number, a marking word on a line of its own, written in capitals
as markings are printed, or the same line coming back page after page. Anything else (a
year on a line of its own, "Official" in a heading, a title repeated near the top of a web
page) is text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import pairwise

# The Government Security Classifications and the older markings still printed on police
# and inspectorate papers. Kept here, not in rules/: the stored text is built once when a
# document is parsed, and rules/ is extraction knowledge whose changes re-extract stored
# text without parsing it again.
PROTECTIVE_MARKINGS = (
    "OFFICIAL", "OFFICIAL SENSITIVE", "OFFICIAL SENSITIVE PERSONAL",
    "OFFICIAL SENSITIVE COMMERCIAL", "OFFICIAL SENSITIVE OPERATIONAL", "OFFICIAL FOR PUBLIC",
    "OFFICIAL PUBLIC", "SECRET", "TOP SECRET", "RESTRICTED", "CONFIDENTIAL", "PROTECT",
    "UNCLASSIFIED", "NOT PROTECTIVELY MARKED", "NPM",
)  # fmt: skip
# "Page 3", "Page 3 of 12", "3 of 12", "- 3 -": a number alone ("2023", "4") may be a cell.
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s+of\s+\d+|[-–—]\s*\d+\s*[-–—])$", re.IGNORECASE)
_MARKING_GLUE = re.compile(r"[\s\-–—:/]+")
# A running head comes back on every page: at least this many times, and never closer
# than this many lines apart (a title that a web page repeats in its heading and its
# breadcrumb, or a status that fills a column of a table, comes back sooner).
RUNNING_HEAD_MIN_REPEATS = 3
RUNNING_HEAD_MIN_GAP = 12


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line.strip()))


def is_marking(line: str) -> bool:
    text = line.strip()
    return text.isupper() and _MARKING_GLUE.sub(" ", text).strip() in PROTECTIVE_MARKINGS


def running_heads(lines: list[str]) -> set[str]:
    """Lines that come back page after page: often enough, and each time a page apart."""
    counts = Counter(line for line in lines if line)
    repeated = {line for line, n in counts.items() if n >= RUNNING_HEAD_MIN_REPEATS}
    if not repeated:
        return set()
    places: dict[str, list[int]] = defaultdict(list)
    position = 0
    for line in lines:
        if not line:
            continue
        if line in repeated:
            places[line].append(position)
        position += 1
    return {line for line, at in places.items()
            if all(b - a >= RUNNING_HEAD_MIN_GAP for a, b in pairwise(at))}


def furniture(lines: list[str]) -> list[bool]:
    """For each (stripped) line, whether it is page furniture."""
    heads = running_heads(lines)
    return [bool(line) and (line in heads or is_page_number(line) or is_marking(line))
            for line in lines]
