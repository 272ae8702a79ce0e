"""Moves dated by the sentence after them: "… has responded to the decision to place
Northamptonshire Police into Engage. The decision was taken on 12 March."

A move told with no date of its own (or only the publication day's) is dated by the next
sentence when that sentence opens by pointing back at the decision (`decision_references`)
and gives a date that has come, in a sentence that does not look ahead ("will be reviewed
in June"). The date is the decision's, which is the move's.
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
        dates = [d for d in analysis.dates_between(after.tok_start, after.tok_end)
                 if d.value is not None and (today is None or d.value <= today)]
        future = set(lower_words(analysis.doc, after.tok_start, after.tok_end)) & set(
            analysis.rules.phases.stay_future)
        if not dates or future or not any(opening[: len(r)] == r for r in references):
            out.append((event, inferred))
            continue
        out.append((replace(event, event_date=dates[0].value,
                            date_precision=dates[0].precision), False))
    return out
