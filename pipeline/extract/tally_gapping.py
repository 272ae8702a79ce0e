"""Totals told once for two forces, the second with its noun left out.

"Sussex was given two causes of concern and Surrey one", "Kent Police received three
recommendations, Essex Police two": after a force's total, another force and a number
closing the clause is that force's total of the same kind. Only bare totals carry over:
a status said of the first ("closed two … and Essex one") may not hold for the second.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.extract.context import Analysis
from pipeline.extract.counts import Tally, number_at


def gapped_tallies(analysis: Analysis, tallies: list[Tally]) -> list[Tally]:
    out: list[Tally] = []
    for tally in tallies:
        if tally.bare and tally.force_id is not None:
            out.extend(_gapped(analysis, tally))
    return out


def _gapped(analysis: Analysis, tally: Tally) -> list[Tally]:
    doc = analysis.doc
    sentence = tally.sentence
    joiners = set(analysis.rules.counts.gapping_joiners)
    closers = set(analysis.rules.counts.gapping_closers)
    found: list[Tally] = []
    for mention in analysis.forces_between(tally.token + 1, sentence.tok_end):
        number, after = mention.tok_end, mention.tok_end + 1
        if mention.force_id == tally.force_id or doc[mention.tok_start - 1].lower_ not in joiners:
            continue
        value = number_at(analysis, number) if number < sentence.tok_end else None
        closes = after >= sentence.tok_end or doc[after].lower_ in closers or doc[after].is_punct
        if value is None or not closes:
            continue
        found.append(replace(tally, force_id=mention.force_id, total=value,
                             start=doc[mention.tok_start].idx,
                             end=doc[number].idx + len(doc[number]), token=number))
    return found
