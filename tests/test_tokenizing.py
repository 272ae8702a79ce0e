"""The chunk-caching tokenizer gives exactly the tokens of spaCy's own tokenizer.

Compared token by token (text, trailing space, offset, norm, shape) on strings built to hit
the special cases, affixes and whitespace runs, on every corpus document, and on the real
set's texts when they sit beside the checkout; in one shuffled order, so that a chunk is
met first in a text with a special case as often as without one.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import IDX, IS_SPACE, LOWER, NORM, ORTH, SHAPE, SPACY

from pipeline.extract.nlp import default_toolkit
from pipeline.extract.tokenizing import ChunkCachingTokenizer
from pipeline.parse import iter_source_files, parse_file

ROOT = Path(__file__).resolve().parent.parent
REAL_TEXTS = ROOT.parent / "shared" / "realdev" / "texts"
ATTRS = [ORTH, SPACY, IDX, NORM, LOWER, SHAPE, IS_SPACE]

# Special cases first, later and inside brackets; affixes; runs of whitespace of every kind.
TRICKY = [
    "Mr. Hale's (Mr.) reply: don't wait :) until 9 a.m. on Jan. 4th, Sgt. Dee said.",
    "The force's plan, the force's plan; the force's plan.",
    "two  spaces\n\nand lines\t\ttabs \u00a0non-breaking\u2009thin",
    " a leading space and a trailing one ",
    "e.g.(i.e.) at 5.30p.m. for £1.2m, see http://police.test/a?b=c or info@police.test",
    "\u201cQuoted,\u201d she said\u2014then\u2026 (a) i) \u2013 \u2022 o * 4.2",
    "can't won't shouldn't y'all ma'am o'clock",
]


def _tokens(doc) -> tuple[numpy.ndarray, list[str]]:
    return doc.to_array(ATTRS), [t.text_with_ws for t in doc]


def _same(texts: list[str], limit: int | None = None) -> list[int]:
    """Indexes of the texts whose tokens differ between the two tokenizers."""
    plain, cached = spacy.blank("en"), spacy.blank("en")
    cached.tokenizer = (ChunkCachingTokenizer(cached.tokenizer) if limit is None
                        else ChunkCachingTokenizer(cached.tokenizer, limit=limit))
    differ = []
    for i, text in enumerate(texts):
        (a, a_text), (b, b_text) = _tokens(plain(text)), _tokens(cached(text))
        if a.shape != b.shape or not numpy.array_equal(a, b) or a_text != b_text:
            differ.append(i)
    return differ


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = [parse_file(p).text for p in iter_source_files(ROOT / "corpus")]
    if REAL_TEXTS.is_dir():
        found += [p.read_text(encoding="utf-8") for p in sorted(REAL_TEXTS.glob("*.txt"))]
    found += TRICKY * 3
    random.Random(7).shuffle(found)
    return found


def test_tricky_strings_tokenize_as_spacy_does():
    assert _same(TRICKY + TRICKY[::-1]) == []


def test_every_document_tokenizes_as_spacy_does(texts):
    assert len(texts) > 50
    assert _same(texts) == []


def test_a_full_chunk_set_still_tokenizes_as_spacy_does(texts):
    """Past its limit it stops learning chunks; the tokens stay the same."""
    assert _same(texts, limit=200) == []


def test_chunks_are_learned_once_and_bounded():
    tokenizer = ChunkCachingTokenizer(spacy.blank("en").tokenizer, limit=5)
    tokenizer("one two two three")
    assert tokenizer.seen == {"one", "two", "three"}
    tokenizer("four five six seven")
    assert len(tokenizer.seen) == 7  # the text that crosses the limit is learned whole
    tokenizer("eight nine")
    assert "eight" not in tokenizer.seen
    assert tokenizer.max_cache_size >= 5  # the tokenizer's own attributes show through


def test_the_pipeline_tokenizes_through_it():
    nlp = default_toolkit().nlp
    assert isinstance(nlp.tokenizer, ChunkCachingTokenizer)
    assert [t.text for t in nlp("Mr. Hale's reply.")] == ["Mr.", "Hale", "'s", "reply", "."]
