"""The dates of the stories on a listing page: a newsroom's latest news, a live blog.

A listing dates each story on a line of its own under the story's title ("12 February 2025 |
Force news"), and the page itself often has no date, or the date it was last rebuilt. What
one story calls "in January" or tells as today's news is dated by its own line, not by the
page: a revisit "in January" under a February 2025 story is January 2025. A page counts as
a listing when at least two such lines give different dates; an article with one
"Published" line keeps its publication date throughout.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Protocol

from spacy.tokens import Doc

from pipeline.codes import Precision
from pipeline.extract.clauses import lower_words


class Sentence(Protocol):
    """What is read of a sentence (pipeline.extract.context.Sentence)."""

    index: int
    tok_start: int
    tok_end: int
    text: str


class DateMention(Protocol):
    """What is read of a date phrase (pipeline.extract.context.DateMention)."""

    tok_start: int
    tok_end: int
    value: date | None
    precision: str | None

DATELINE_WORDS = 4  # words besides its date on a story's date line ("| Force news")
TITLE_WORDS = 2  # words at least in the title line above a story's date line


def story_datelines(doc: Doc, sentences: list[Sentence], dates: list[DateMention]
                    ) -> list[tuple[int, date]]:
    """(first token, date) of each story's date line, in order; empty unless the page is a
    listing (two lines or more, with different dates)."""
    found = []
    by_start = {s.tok_start: s for s in sentences}
    starts = [s.tok_start for s in sentences]
    dated_lines = {sentences[bisect_right(starts, d.tok_start) - 1].index for d in dates}
    for mention in dates:
        line = by_start.get(mention.tok_start)
        if line is None or line.index == 0 or mention.precision != Precision.DAY or (
                mention.value is None) or not _title(doc, sentences[line.index - 1],
                                                     dated_lines):
            continue
        words = lower_words(doc, line.tok_start, line.tok_end)
        dated = lower_words(doc, mention.tok_start, mention.tok_end)
        others = [w for w in words[len(dated):] if any(c.isalnum() for c in w)]
        if len(others) <= DATELINE_WORDS:
            found.append((line.tok_start, mention.value))
    return found if len({d for _, d in found}) > 1 else []


def story_date(datelines: list[tuple[int, date]], token: int) -> date | None:
    """The date of the story a token belongs to: the last date line before it."""
    k = bisect_right([t for t, _ in datelines], token) - 1
    return datelines[k][1] if k >= 0 else None


def _title(doc: Doc, line: Sentence, dated_lines: set[int]) -> bool:
    """Whether a line reads as a story's title: words, no date, no closing full stop (a
    timeline's entries follow one another, each with its date)."""
    words = [w for w in lower_words(doc, line.tok_start, line.tok_end)
             if any(c.isalnum() for c in w)]
    return len(words) >= TITLE_WORDS and line.index not in dated_lines and not (
        line.text.rstrip().endswith("."))
