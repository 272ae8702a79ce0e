"""Moves whose verb and phase are left out of a second conjunct: "Kent Police was moved
into Engage in May and Essex Police in September", "Gloucestershire followed in May and
West Midlands Police in September".

English drops the repeated verb and keeps the new subject and its date. A conjunct is read
so only when it is exactly that: a joining word, a police force, an optional preposition of
time and a date phrase, ending its clause, after a dated move of another force in the same
sentence. It is the same move for that force, on its own date.
"""

from __future__ import annotations

from bisect import bisect_right

from pipeline.events.registry import PHASE_CHANGE
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.evidence import sentence_event
from pipeline.models import Event

FOUND = tuple[Event, bool]
CLAUSE_ENDS = frozenset({",", ".", ";", ":"})


def gapped_moves(analysis: Analysis, found: list[FOUND]) -> list[FOUND]:
    """The moves of gapped conjuncts after the dated moves found."""
    ph = analysis.rules.phases
    if not found or not analysis.positions(list(ph.coordinators)):
        return []
    starts = [s.start for s in analysis.sentences]
    moved = {(e.force_id, bisect_right(starts, e.char_start) - 1) for e, _ in found}
    out: list[FOUND] = []
    for event, _ in found:
        if event.event_date is None:
            continue
        sentence = analysis.sentences[bisect_right(starts, event.char_start) - 1]
        for force_id, value, precision in _conjuncts(analysis, sentence, event.force_id):
            if (force_id, sentence.index) in moved:
                continue
            moved.add((force_id, sentence.index))
            out.append((sentence_event(
                analysis, sentence, PHASE_CHANGE.name, force_id, event_date=value,
                date_precision=precision, phase_from=event.phase_from,
                phase_to=event.phase_to), False))
    return out


def _conjuncts(analysis: Analysis, sentence: Sentence, first: str) -> list[tuple]:
    """(force, date, precision) of each "and <force> [in] <date>" after a date in the
    sentence, ending its clause."""
    doc = analysis.doc
    ph = analysis.rules.phases
    out = []
    for k in analysis.positions_in(list(ph.coordinators), sentence):
        if not analysis.dates_between(sentence.tok_start, k):
            continue
        mention = next((m for m in analysis.forces_between(k + 1, sentence.tok_end)
                        if m.tok_start == k + 1 and analysis.usable(m, sentence)), None)
        if mention is None or mention.force_id == first:
            continue
        j = mention.tok_end
        dates = analysis.dates_between(j, sentence.tok_end)
        if not dates or not (dates[0].tok_start == j or (
                dates[0].tok_start == j + 1 and doc[j].lower_ in ph.gapped_date_preps)):
            continue  # the date phrase may hold its preposition ("in September") or not
        end = dates[0].tok_end
        if end < sentence.tok_end and doc[end].text not in CLAUSE_ENDS and (
                doc[end].lower_ not in ph.coordinators):
            continue
        out.append((mention.force_id, dates[0].value, dates[0].precision))
    return out
