"""The fast components in pipeline/extract/nlp.py give exactly what plain spaCy gives.

Sentence boundaries are computed from lexeme flags and the date matcher runs only in windows
around anchor tokens with IN/REGEX predicates turned into flags; both claim to reproduce
spaCy's own Sentencizer (plus a break after every newline) and Matcher. This compares them
on every corpus document, and on the real set's texts when they sit beside the checkout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.pipeline import Sentencizer

from pipeline.extract.nlp import _date_patterns, default_toolkit
from pipeline.parse import iter_source_files, parse_file

ROOT = Path(__file__).resolve().parent.parent
REAL_TEXTS = ROOT.parent / "shared" / "realdev" / "texts"


def _texts() -> list[str]:
    texts = [parse_file(p).text for p in iter_source_files(ROOT / "corpus")]
    if REAL_TEXTS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(REAL_TEXTS.glob("*.txt"))]
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def _plain_sentence_starts(nlp, text: str) -> list[int]:
    doc = Sentencizer()(nlp.make_doc(text))
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return [s.start for s in doc.sents]


def test_sentence_boundaries_equal_the_sentencizer_with_a_break_after_newlines(texts):
    nlp, plain = default_toolkit().nlp, spacy.blank("en")
    for text in texts:
        fast = [s.start for s in nlp(text).sents]
        assert fast == _plain_sentence_starts(plain, text), text[:80]


def _plain_date_matcher(toolkit) -> Matcher:
    """Every date pattern in one spaCy Matcher, matched over the whole document."""
    plain = Matcher(toolkit.nlp.vocab)
    for label, pattern in _date_patterns(toolkit.rules):
        plain.add(label, [pattern])
    return plain


def test_anchored_date_matcher_equals_a_plain_matcher(texts):
    toolkit = default_toolkit()
    plain = _plain_date_matcher(toolkit)
    compared = 0
    for text in texts:
        doc = toolkit.nlp(text)
        assert sorted(toolkit.matchers.dates(doc)) == sorted(plain(doc)), text[:80]
        compared += len(plain(doc))
    assert compared > 100  # the corpus is full of dates: the comparison is not vacuous


def _by_span(matches: list[tuple[int, int, int]]) -> dict[tuple[int, int], list[int]]:
    spans: dict[tuple[int, int], list[int]] = {}
    for match_id, start, end in matches:
        spans.setdefault((start, end), []).append(match_id)
    return spans


def test_a_span_two_date_patterns_match_keeps_the_plain_matchers_label_order(texts):
    """A longest-span filter keeps the first of two matches of one span ("2019 Kent" as a
    year and a year label), so the anchor groups must not reorder them."""
    toolkit = default_toolkit()
    plain = _plain_date_matcher(toolkit)
    shared = 0
    for text in texts:
        doc = toolkit.nlp(text)
        expected = {span: ids for span, ids in _by_span(plain(doc)).items() if len(ids) > 1}
        found = _by_span(toolkit.matchers.dates(doc))
        assert {span: found[span] for span in expected} == expected, text[:80]
        shared += len(expected)
    assert shared > 0  # some span is matched twice: the order is tested
