"""Small token-window helpers shared by the extractors: clauses, cue words, phrases."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

import numpy
from spacy.attrs import IS_SPACE, LOWER
from spacy.tokens import Doc

# Distinct phrase lists has_phrase keeps a pattern for: more than rules/ holds.
PHRASE_PATTERNS = 1024


def lower_words(doc: Doc, start: int, end: int) -> list[str]:
    """The lower-case words of tokens start..end, whitespace tokens left out.

    One slice of the document's words without its whitespace, at offsets counted once per
    document: the same list as filtering words[max(start, 0):end], without the filter."""
    dense = doc.user_data.get("lower_words_dense")
    if dense is None:
        words = doc.user_data.get("lower_words")
        if words is None:
            words = doc.user_data["lower_words"] = _all_lower_words(doc)
        dense = doc.user_data["lower_words_dense"] = _dense(words)
    kept, offsets = dense
    length = len(offsets) - 1
    first = min(max(start, 0), length)
    last = min(end if end >= 0 else max(end + length, 0), length)  # as a slice reads end
    return kept[offsets[first]:offsets[last]] if last > first else []


def _dense(words: list[str | None]) -> tuple[list[str], list[int]]:
    """The words without whitespace, and for each token the number of words before it."""
    counted = numpy.cumsum([w is not None for w in words], dtype=numpy.int64).tolist()
    return [w for w in words if w is not None], [0, *counted]


def token_column(doc: Doc, attr: int) -> numpy.ndarray:
    """One attribute of every token (LOWER, IS_SPACE, IDX, ORTH: what tokenising fixed), read
    from the token arrays once per document for every reader of it: each read is a pass
    over all the tokens. Shared, so not to be written to."""
    key = ("token_column", attr)
    column = doc.user_data.get(key)
    if column is None:
        column = doc.user_data[key] = (doc.to_array(attr) if len(doc)
                                       else numpy.zeros(0, dtype=numpy.uint64))
        column.flags.writeable = False
    return column


def token_lowers(doc: Doc) -> list[str]:
    """Every token's `lower_`, whitespace tokens too, read from the token arrays once per
    document (each distinct word looked up once): a loop that indexes this makes no Token
    object per word it reads."""
    lowers = doc.user_data.get("token_lowers")
    if lowers is None:
        lowers = doc.user_data["token_lowers"] = []
        if len(doc):
            distinct, index = numpy.unique(token_column(doc, LOWER), return_inverse=True)
            strings = doc.vocab.strings
            names = [strings[int(h)] for h in distinct.tolist()]
            lowers += [names[k] for k in index.tolist()]
    return lowers


def _all_lower_words(doc: Doc) -> list[str | None]:
    """Every token's lower-case form (None for whitespace)."""
    if len(doc) == 0:
        return []
    space = token_column(doc, IS_SPACE).tolist()
    return [None if blank else word
            for word, blank in zip(token_lowers(doc), space, strict=True)]


def last_word_end(doc: Doc, start: int, end: int) -> int:
    """The token after the last word of tokens start..end: a line break is no word."""
    while end > start and doc[end - 1].is_space:
        end -= 1
    return end


def has_phrase(words: list[str], phrases: list[str] | set[str]) -> bool:
    """Whether any phrase (one or more words) occurs as a run of whole words."""
    joined = " " + " ".join(words) + " "
    if isinstance(phrases, (tuple, frozenset)):  # a rules list: one search for all of it
        pattern = _phrase_pattern(phrases)
        return pattern is not None and pattern.search(joined) is not None
    return any(f" {phrase} " in joined for phrase in phrases)


@lru_cache(maxsize=PHRASE_PATTERNS)
def _phrase_pattern(phrases: tuple[str, ...] | frozenset[str]) -> re.Pattern | None:
    """" (?:a|b c) ": found in a padded join exactly where some " phrase " occurs in it."""
    if not phrases:
        return None
    return re.compile(" (?:" + "|".join(re.escape(p) for p in phrases) + ") ")


def phrase_length_at(words: list[str], position: int, phrases: Iterable[str]) -> int:
    """The length in words of the longest phrase starting at `position`, or 0."""
    best = 0
    for parts in _split(phrases):
        if words[position : position + len(parts)] == parts:
            best = max(best, len(parts))
    return best


def _split(phrases: Iterable[str]) -> Iterable[list[str]]:
    """Each phrase's words: split once for a rules list, on every call for anything else."""
    if isinstance(phrases, (tuple, frozenset)):
        return _split_list(phrases)
    return (phrase.split() for phrase in phrases)


@lru_cache(maxsize=PHRASE_PATTERNS)
def _split_list(phrases: tuple[str, ...] | frozenset[str]) -> tuple[list[str], ...]:
    return tuple(phrase.split() for phrase in phrases)


def phrase_ends_at(words: list[str], position: int, phrases: Iterable[str]) -> bool:
    """Whether a phrase ends just before `position`."""
    for phrase in phrases:
        parts = phrase.split()
        if position >= len(parts) and words[position - len(parts) : position] == parts:
            return True
    return False


def word_positions(doc: Doc, words: frozenset[str]) -> list[int]:
    """The tokens whose lower-case form is one of the words, in order: found once per
    document and word set, by a lookup of each word among the document's forms rather than
    a walk over its tokens."""
    key = ("word_positions", words)
    found = doc.user_data.get(key)
    if found is None:
        by_form = _form_positions(doc)
        runs = [by_form[w] for w in words if w in by_form]
        found = doc.user_data[key] = sorted(chain.from_iterable(runs)) if len(runs) > 1 else (
            list(runs[0]) if runs else [])
    return found


def _form_positions(doc: Doc) -> dict[str, list[int]]:
    """Each lower-case form's tokens, in order. Once per document."""
    by_form = doc.user_data.get("form_positions")
    if by_form is None:
        by_form = doc.user_data["form_positions"] = {}
        for i, form in enumerate(token_lowers(doc)):
            by_form.setdefault(form, []).append(i)
    return by_form


def _break_positions(doc: Doc, breaks: set[str]) -> list[int]:
    """Where the clause breaks are, so that finding a clause costs a lookup rather than a
    walk over a long sentence."""
    return word_positions(doc, frozenset(breaks))


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
