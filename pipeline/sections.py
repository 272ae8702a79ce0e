"""Long texts cut into sections that extraction can take whole, offsets kept exact.

A section is a (start, end) span of the stored text, so an event found at offset i of a
section is at start + i of the document: evidence still equals documents.text[char_start:
char_end]. Cuts fall between paragraphs (lines) where they can, between sentences inside a
longer paragraph, and at a space only inside a run that has no sentence end at all. What
is lost is only what spans a cut: "the force" in the first paragraph of a section refers to
no force named in the section before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.pipeline import Sentencizer

from pipeline.limits import MAX_SENTENCE_CHARS, SECTION_CHARS

_FINAL = "".join(re.escape(c) for c in Sentencizer.default_punct_chars)
# Where a sentence may end: sentence-final punctuation with the spaces after it, or a line
# break (which always ends a sentence in the stored text). A run of marks is matched from
# its first mark only and never given back, so "!!!…" costs its length, not its square.
_SENTENCE_END = re.compile(f"(?<![{_FINAL}])[{_FINAL}]++(?:[ \\t]+|$)|\\n", re.MULTILINE)

Span = tuple[int, int]


def longest_run(text: str, start: int = 0, end: int | None = None) -> int:
    """The most characters between two sentence ends in text[start:end]."""
    end = len(text) if end is None else end
    longest, last = 0, start
    for match in _SENTENCE_END.finditer(text, start, end):
        longest = max(longest, match.start() - last)
        last = match.end()
    return max(longest, end - last)


def _runs_within(text: str, sentence_limit: int) -> bool:
    """Whether longest_run(text) <= sentence_limit. A line break always ends a run, so when
    no line is longer than the limit no run is: a split in C settles the usual case without
    the sentence-end pattern's test at every character."""
    return (max(map(len, text.split("\n"))) <= sentence_limit
            or longest_run(text) <= sentence_limit)


def sections(text: str, limit: int = SECTION_CHARS,
             sentence_limit: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """Spans covering the whole text in order, each at most `limit` characters, none holding
    a run over `sentence_limit` characters without a sentence end. Usually [(0, len)]."""
    if len(text) <= limit and _runs_within(text, sentence_limit):
        return [(0, len(text))]
    out: list[Span] = []
    current: Span | None = None
    for start, end, alone in _pieces(text, limit, sentence_limit):
        if current is not None and (alone or end - current[0] > limit):
            out.append(current)
            current = None
        if alone:
            out.append((start, end))
        elif current is None:
            current = (start, end)
        else:
            current = (current[0], end)
    if current is not None:
        out.append(current)
    return out


def _pieces(text: str, limit: int, sentence_limit: int) -> Iterator[tuple[int, int, bool]]:
    """Consecutive (start, end, alone) pieces: whole lines, or the sentences of a line too
    long for a section, or cuts of a run too long for a sentence (alone: a section of its
    own, so that two cuts of one run are never read as one sentence)."""
    start = 0
    while start < len(text):
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline + 1
        if end - start <= limit and longest_run(text, start, end) <= sentence_limit:
            yield start, end, False
        else:
            yield from _sentences(text, start, end, sentence_limit)
        start = end


def _sentences(text: str, start: int, end: int, sentence_limit: int
               ) -> Iterator[tuple[int, int, bool]]:
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.start() - position > sentence_limit:
            yield from _cuts(text, position, match.end(), sentence_limit)
        else:
            yield position, match.end(), False
        position = match.end()
    if position < end:
        if end - position > sentence_limit:
            yield from _cuts(text, position, end, sentence_limit)
        else:
            yield position, end, False


def _cuts(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int, bool]]:
    """A run cut at the last space before every `size` characters (hard, if there is none)."""
    while end - start > size:
        space = text.rfind(" ", start + 1, start + size)
        cut = space + 1 if space > start else start + size
        yield start, cut, True
        start = cut
    if start < end:
        yield start, end, True
