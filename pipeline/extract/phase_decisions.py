"""Moves dated by the sentence after them: "… has responded to the decision to place
Northamptonshire Police into Engage. The decision was taken on 12 March."

A move told with no date of its own (or only the publication day's) is dated by the next
sentence when that sentence opens by pointing back at the decision (`decision_references`)
and gives the decision its date right after the verb ("was taken on 12 March"; not "will be
reviewed in June", nor "follows a re-inspection in 2023"), a date that has come. The date is
the decision's, which is the move's.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from pipeline.extract.clauses import lower_words
from pipeline.extract.context import Analysis
from pipeline.models import Event

FOUND = tuple[Event, bool]


def dated_by_decision(analysis: Analysis, found: list[FOUND]) -> list[FOUND]:
    """The moves with the date the sentence after them gives their decision."""
    references = [r.split() for r in analysis.rules.phases.decision_references]
    if not references or not found:
        return found
    starts = [s.start for s in analysis.sentences]
    today = analysis.reference[0]
    out = []
    for event, inferred in found:
        index = bisect_right(starts, event.char_start) - 1
        if event.event_date is not None and not inferred or index + 1 >= len(starts):
            out.append((event, inferred))
            continue
        after = analysis.sentences[index + 1]
        opening = lower_words(analysis.doc, after.tok_start, after.tok_start + max(map(
            len, references)))
        size = next((len(r) for r in references if opening[: len(r)] == r), 0)
        date_found = _decision_date(analysis, after.tok_start + size, after.tok_end)
        if not size or date_found is None or (today is not None and date_found.value > today):
            out.append((event, inferred))
            continue
        out.append((replace(event, event_date=date_found.value,
                            date_precision=date_found.precision), False))
    return out


def _decision_date(analysis: Analysis, start: int, end: int):
    """The date the decision itself is given: right after its verb ("was taken on 12
    March", "was confirmed in May"), past nothing but the words of `decision_date_words`;
    not a date of something else the sentence names ("follows a re-inspection in 2023")."""
    words = set(analysis.rules.phases.decision_date_words)
    dates = analysis.dates_between(start, end)
    if not dates:
        return None
    between = lower_words(analysis.doc, start, dates[0].tok_start)
    return dates[0] if between and all(w in words for w in between) else None
