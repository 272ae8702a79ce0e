"""Small token-window helpers shared by the extractors: clauses, cue words, phrases."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy
from spacy.attrs import IS_SPACE, LOWER
from spacy.tokens import Doc


def lower_words(doc: Doc, start: int, end: int) -> list[str]:
    """The lower-case words of tokens start..end, whitespace tokens left out."""
    words = doc.user_data.get("lower_words")
    if words is None:
        words = doc.user_data["lower_words"] = _all_lower_words(doc)
    return [w for w in words[max(start, 0) : end] if w is not None]


def _all_lower_words(doc: Doc) -> list[str | None]:
    """Every token's lower-case form (None for whitespace), read from the token arrays: each
    distinct word is looked up once, and no Token object is made."""
    if len(doc) == 0:
        return []
    lower, space = doc.to_array([LOWER, IS_SPACE]).T
    distinct, index = numpy.unique(lower, return_inverse=True)
    strings = doc.vocab.strings
    names = [strings[int(h)] for h in distinct.tolist()]
    return [None if blank else names[k]
            for k, blank in zip(index.tolist(), space.tolist(), strict=True)]


def has_phrase(words: list[str], phrases: list[str] | set[str]) -> bool:
    """Whether any phrase (one or more words) occurs as a run of whole words."""
    joined = " " + " ".join(words) + " "
    return any(f" {phrase} " in joined for phrase in phrases)


def phrase_length_at(words: list[str], position: int, phrases: Iterable[str]) -> int:
    """The length in words of the longest phrase starting at `position`, or 0."""
    best = 0
    for phrase in phrases:
        parts = phrase.split()
        if words[position : position + len(parts)] == parts:
            best = max(best, len(parts))
    return best


def phrase_ends_at(words: list[str], position: int, phrases: Iterable[str]) -> bool:
    """Whether a phrase ends just before `position`."""
    for phrase in phrases:
        parts = phrase.split()
        if position >= len(parts) and words[position - len(parts) : position] == parts:
            return True
    return False


def _break_positions(doc: Doc, breaks: set[str]) -> list[int]:
    """Where the clause breaks are, found once per document and set of break words, so that
    finding a clause costs a lookup rather than a walk over a long sentence."""
    key = ("clause_breaks", frozenset(breaks))
    positions = doc.user_data.get(key)
    if positions is None:
        hashes = [doc.vocab.strings.add(word) for word in breaks]
        positions = doc.user_data[key] = numpy.flatnonzero(
            numpy.isin(doc.to_array(LOWER), numpy.array(hashes, dtype=numpy.uint64))
        ).tolist() if len(doc) else []
    return positions


def clause_start(doc: Doc, sentence_start: int, token: int, breaks: set[str]) -> int:
    """The first token of the clause containing `token`, looking left to a clause break."""
    positions = _break_positions(doc, breaks)
    k = bisect_left(positions, token) - 1
    if k >= 0 and positions[k] >= sentence_start:
        return positions[k] + 1
    return sentence_start


def clause_end(doc: Doc, sentence_end: int, token: int, breaks: set[str]) -> int:
    positions = _break_positions(doc, breaks)
    k = bisect_left(positions, token)
    if k < len(positions) and positions[k] < sentence_end:
        return positions[k]
    return sentence_end
