"""Quoted speech: find quote blocks, including quotes that run over several paragraphs.

Newspaper style opens every paragraph of a long quote with a quote mark and closes only the
last one, so a paragraph that ends inside a quote continues into the next paragraph when
that one opens with a quote mark. A quote may hold a short quoted phrase of its own
(“graded as “good” in every area”): an opening mark whose closing mark follows within a few
words is nested, not the end of the quote. Single quotes (‘…’ or '…') quote too: an opening
mark follows a space and precedes a letter, a closing one follows a letter or punctuation
and precedes no letter, so apostrophes (the force's, don't) are neither. Short quoted
phrases ('Engage', "special measures", "fragile") often name things rather than report
speech: they count only when a said-verb in their own sentence gives them a speaker (see
attribution), and never when they are a phase or a grade (see statements).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'
_OPEN_SINGLE = "‘"
_CLOSE_SINGLE = "’"
_APOSTROPHE = "'"  # a straight single quote: an apostrophe unless it opens or closes a quote
_OPENERS = (_OPEN, _STRAIGHT, _OPEN_SINGLE, _APOSTROPHE)
# Quotations shorter than this are short fragments ("completely unacceptable", "fragile"):
# quotes only with a speaker of their own (see attribution).
_MIN_WORDS = 4
# A nested quotation closes within this many characters of opening (“good”, "proper price").
_NESTED_MAX = 40
_MARKS = re.compile("[“”\"‘’']")


@dataclass
class QuoteBlock:
    start: int  # first character inside the opening mark
    end: int  # character after the last quoted character
    first_paragraph: tuple[int, int]
    last_paragraph: tuple[int, int]
    marked: bool = True  # False for a paragraph quoted after "said:" without quote marks
    short: bool = False  # a fragment of one to three words


    def text(self, document: str) -> str:
        raw = document[self.start : self.end]
        lines = [line.strip().lstrip(_OPEN + _STRAIGHT + _OPEN_SINGLE + _APOSTROPHE)
                 .rstrip(_CLOSE + _STRAIGHT + _CLOSE_SINGLE + _APOSTROPHE).strip()
                 for line in raw.split("\n")]
        return " ".join(line for line in lines if line)


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(—–-:") and after.isalnum()


def _closes_single(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not text[i - 1].isspace() and not after.isalpha()


def _nested_pair(text: str, i: int, closer: str, limit: int) -> int | None:
    """The closing mark of a short quotation nested inside a quote, if one follows soon."""
    window = text[i + 1 : min(i + 1 + _NESTED_MAX, limit)]
    close = window.find(closer)
    if close < 0 or (closer != _STRAIGHT and _OPEN in window[:close]):
        return None
    return i + 1 + close


@dataclass
class _Scan:
    text: str
    blocks: list[QuoteBlock]
    open_at: int | None = None
    opener: str = ""
    first: tuple[int, int] | None = None
    skip_to: int = -1  # the closing mark of a nested quotation: ignored

    def mark(self, ch: str, pos: int, paragraph: tuple[int, int]) -> None:
        if pos <= self.skip_to:
            return
        if self.open_at is None:
            if ch in (_OPEN, _STRAIGHT) or (ch in (_OPEN_SINGLE, _APOSTROPHE)
                                            and _opens_single(self.text, pos)):
                self.open_at, self.opener, self.first = pos + 1, ch, paragraph
            return
        if self.opener in (_OPEN_SINGLE, _APOSTROPHE):
            closer = _CLOSE_SINGLE if self.opener == _OPEN_SINGLE else _APOSTROPHE
            if ch == closer and _closes_single(self.text, pos):
                self.close(pos, paragraph)
            return
        if ch == _CLOSE or (ch == _STRAIGHT and self.opener == _STRAIGHT):
            self.close(pos, paragraph)
        elif ch in (_OPEN, _STRAIGHT):
            closer = _CLOSE if ch == _OPEN else _STRAIGHT
            nested = _nested_pair(self.text, pos, closer, paragraph[1])
            if nested is not None:
                self.skip_to = nested

    def close(self, pos: int, paragraph: tuple[int, int]) -> None:
        assert self.open_at is not None and self.first is not None
        self.blocks.append(QuoteBlock(self.open_at, pos, self.first, paragraph))
        self.open_at = None


def quote_blocks(text: str) -> list[QuoteBlock]:
    scan = _Scan(text, [])
    spans = paragraphs(text)
    for index, (p_start, p_end) in enumerate(spans):
        pos = p_start
        if scan.open_at is not None:
            pos += 1  # the opening mark of a continued quote
        for mark in _MARKS.finditer(text, pos, max(pos, p_end)):
            scan.mark(mark.group(), mark.start(), (p_start, p_end))
        if scan.open_at is not None:
            nxt = spans[index + 1] if index + 1 < len(spans) else None
            if nxt is None or text[nxt[0]] not in _OPENERS:
                scan.close(p_end, (p_start, p_end))
    kept = []
    for block in scan.blocks:
        words = len(text[block.start : block.end].split())
        if words:
            block.short = words < _MIN_WORDS
            kept.append(block)
    return kept
