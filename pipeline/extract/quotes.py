"""Quoted speech: find quote blocks, including quotes that run over several paragraphs.

Newspaper style opens every paragraph of a long quote with a quote mark and closes only the
last one, so a paragraph that ends inside a quote continues into the next paragraph when
that one opens with a quote mark. Short quoted phrases ('Engage', "special measures") name
things rather than report speech and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "“"
_CLOSE = "”"
_MIN_WORDS = 4
_MARKS = re.compile('[“”"]')


@dataclass
class QuoteBlock:
    start: int  # first character inside the opening mark
    end: int  # character after the last quoted character
    first_paragraph: tuple[int, int]
    last_paragraph: tuple[int, int]

    def text(self, document: str) -> str:
        raw = document[self.start : self.end]
        lines = [line.strip().lstrip(_OPEN + '"').rstrip(_CLOSE + '"').strip()
                 for line in raw.split("\n")]
        return " ".join(line for line in lines if line)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def quote_blocks(text: str) -> list[QuoteBlock]:
    blocks: list[QuoteBlock] = []
    paragraphs = _paragraphs(text)
    open_at: int | None = None
    first: tuple[int, int] | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        pos = p_start
        if open_at is not None:
            pos += 1  # the opening mark of a continued quote
        for mark in _MARKS.finditer(text, pos, max(pos, p_end)):
            ch, pos = mark.group(), mark.start()
            if open_at is None and ch in (_OPEN, '"'):
                open_at, first = pos + 1, (p_start, p_end)
            elif open_at is not None and ch in (_CLOSE, '"'):
                blocks.append(QuoteBlock(open_at, pos, first, (p_start, p_end)))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is None or text[nxt[0]] not in (_OPEN, '"'):
                blocks.append(QuoteBlock(open_at, p_end, first, (p_start, p_end)))
                open_at = None
    return [b for b in blocks if len(text[b.start : b.end].split()) >= _MIN_WORDS]
