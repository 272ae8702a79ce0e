"""Distractor documents yield no false hits: fire services, Scotland, "engage" as a verb,
stories with no oversight content, a police force abroad.

The gold set tags them; every predicted event in such a document must match a gold event.
"""

from __future__ import annotations

import pytest

from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.matching import match_events
from pipeline.extract import extract_events
from pipeline.parse import parse_file
from tests.conftest import ROOT

DISTRACTOR_TAGS = {"fire-distractor", "hmics", "scotland", "ordinary-word", "no-oversight",
                   "no-event", "foreign-force"}

DOCUMENTS = [g for g in load_gold(ROOT / "gold")[0] if DISTRACTOR_TAGS & set(g.tags)]


def test_there_are_distractors_of_every_kind():
    tags = {t for g in DOCUMENTS for t in g.tags}
    assert {"fire-distractor", "ordinary-word", "no-oversight", "scotland"} <= tags
    assert len(DOCUMENTS) >= 15


@pytest.mark.parametrize("gold", DOCUMENTS, ids=[g.name for g in DOCUMENTS])
def test_no_false_hits(gold):
    document = parse_file(ROOT / gold.document)
    predicted = extract_events(document)
    matched = {p for _, p in match_events(gold.events, predicted)}
    false_hits = [e for i, e in enumerate(predicted) if i not in matched]
    assert false_hits == [], [(e.event_type, e.force_id, e.evidence[:80]) for e in false_hits]
