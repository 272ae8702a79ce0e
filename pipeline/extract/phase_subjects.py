"""Which force a move is about, where the clause around it does not say: the forces a
movement verb takes as its object ("placed Wiltshire Police into it"), the one force of a
clause that also names a possessor ("Kent Police's neighbour, Essex Police, …"), the
speaker's force for a move told inside a quote, the force before a dash for an aside
("Dorset Police – which entered Engage in 2021 – …"), and the force a timeline is about
("March 2021: moved into Engage"), with the date that opens a timeline line.

Each reads a bounded window around the move, so a sentence costs time in proportion to its
length.
"""

from __future__ import annotations

from bisect import bisect_left

from pipeline.codes import Precision
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.dates import bare_year
from pipeline.extract.phase_cues import MAX_CLAUSE, Move, PhaseTerm, vocabulary
from pipeline.extract.skeleton import Dated

COLON = ":"  # a timeline line's date ends with it, and so does a move told above its list
DASH_REACH = 4  # tokens before an aside's dash where the force it is about may start
SPEAKER_REACH = 3  # tokens after a closing quote where its speech verb may stand


def objects(analysis: Analysis, sentence: Sentence, term: PhaseTerm, move: Move
             ) -> list[str]:
    """"HMICFRS removed Dorset Police from Engage and placed Wiltshire Police into it": the
    forces named between a movement verb and its phase are the ones it moved, whatever the
    clause names before the verb."""
    if not move.cue < term.start or analysis.doc[move.cue].lower_ not in (
            vocabulary(analysis).move_verbs):
        return []
    return [m.force_id for m in analysis.forces_between(move.cue + 1, term.start)
            if analysis.usable(m, sentence)]


def without_possessors(analysis: Analysis, start: int, end: int, forces: list[str]
                        ) -> list[str]:
    """"Kent Police's neighbour, Essex Police, has left special measures": beside another
    force, a force named only as a possessor ("Kent Police's …") is not the one moved."""
    if len(forces) < 2:
        return forces
    doc = analysis.doc
    possessives = set(analysis.rules.phases.possessives)
    owners = {m.force_id for m in analysis.forces_between(start, end)
              if m.tok_end < len(doc) and doc[m.tok_end].lower_ in possessives}
    others = {m.force_id for m in analysis.forces_between(start, end)
              if not (m.tok_end < len(doc) and doc[m.tok_end].lower_ in possessives)}
    kept = [f for f in forces if f not in owners or f in others]
    return kept or forces


def speaker_force(analysis: Analysis, sentence: Sentence, move: Move) -> list[str]:
    """"'Being placed in special measures last year was a wake-up call,' said Chief
    Constable Anna Prentice of Wiltshire Police": a move told inside a quote with no force
    of its own is about the force of its speaker, named after the quote's speech verb."""
    doc = analysis.doc
    words = analysis.rules.words
    marks = _quote_marks(analysis, sentence)
    k = bisect_left(marks, move.cue)
    if k == 0 or k == len(marks) or move.cue - marks[k - 1] > MAX_CLAUSE or (
            marks[k] - move.cue > MAX_CLAUSE):
        return []
    closing = marks[k]
    verbs = set(words.speech_verbs)
    verb = next((i for i in range(closing + 1, min(closing + SPEAKER_REACH,
                                                   sentence.tok_end))
                 if doc[i].lower_ in verbs), None)
    if verb is None:
        return []
    after = [m for m in analysis.forces_between(verb + 1, sentence.tok_end)
             if analysis.usable(m, sentence)]
    return [after[0].force_id] if after else []


def _quote_marks(analysis: Analysis, sentence: Sentence) -> list[int]:
    """The sentence's quote marks, in order (read once per sentence)."""
    key = (_quote_marks, sentence.index)
    if key not in analysis.cache:
        quotes = set(analysis.rules.words.quote_marks)
        analysis.cache[key] = [i for i in range(sentence.tok_start, sentence.tok_end)
                               if analysis.doc[i].text in quotes]
    return analysis.cache[key]


def dash_relative(analysis: Analysis, sentence: Sentence, start: int) -> list[str]:
    """"Dorset Police – which entered Engage in 2021 – …", "Kent Police – in special
    measures since 2021 – …": an aside after a dash that names no force is about the force
    named right before the dash."""
    doc = analysis.doc
    if start - 1 <= sentence.tok_start or doc[start - 1].text not in (
            analysis.rules.phases.aside_dashes):
        return []
    before = [m for m in analysis.forces_between(max(sentence.tok_start,
                                                     start - 1 - DASH_REACH), start - 1)
              if m.tok_end == start - 1 and analysis.usable(m, sentence)]
    return [before[-1].force_id] if before else []


def dash_listed(analysis: Analysis, sentence: Sentence, start: int) -> list[str]:
    """"In March, three forces – Kent Police, Essex Police and Surrey Police – were
    returned to routine monitoring": a clause right after a closing dash has for subject
    the forces the dashes set off, when nothing but forces and their joins stands between,
    or, when they set off no force, the force right before them."""
    doc = analysis.doc
    dashes = set(analysis.rules.phases.aside_dashes)
    if start - 1 <= sentence.tok_start or doc[start - 1].text not in dashes:
        return []
    opening = next((j for j in range(start - 2, sentence.tok_start - 1, -1)
                    if doc[j].text in dashes), None)
    if opening is None:
        return []
    inside = [m for m in analysis.forces_between(opening + 1, start - 1)
              if analysis.usable(m, sentence)]
    if not analysis.forces_between(opening + 1, start - 1):
        # "Kent Police – the largest force in the region – was placed …": an aside about
        # the force named right before it.
        before = [m for m in analysis.forces_between(sentence.tok_start, opening)
                  if m.tok_end == opening and analysis.usable(m, sentence)]
        return [before[-1].force_id] if before else []
    covered = {i for m in inside for i in range(m.tok_start, m.tok_end)}
    joins = set(analysis.rules.phases.elliptical_joiners)
    if not inside or any(i not in covered and doc[i].lower_ not in joins
                         for i in range(opening + 1, start - 1)):
        return []
    return [m.force_id for m in inside]


def timeline_date(analysis: Analysis, sentence: Sentence, move: Move) -> Dated | None:
    """"March 2021: moved into Engage", "- 2019: Kent Police was placed in special
    measures": the date that opens a timeline line, before a colon and the move; None for
    any other line."""
    doc = analysis.doc
    lead = sentence.tok_start
    while lead < move.cue and doc[lead].idx < sentence.start + sentence.marker:
        lead += 1  # past the list marker
    dates = analysis.dates_between(lead, min(move.cue, lead + MAX_CLAUSE))
    if dates and dates[0].tok_start == lead and doc[dates[0].tok_end].text == COLON:
        return dates[0].value, dates[0].precision
    year = bare_year(doc[lead].text, analysis.rules)
    return (year, Precision.YEAR) if year and lead + 1 < move.cue and (
        doc[lead + 1].text == COLON) else None


def timeline_subject(analysis: Analysis, sentence: Sentence, move: Move) -> list[str]:
    """A timeline line that names no force is about the force last named before it
    ("Timeline: Lancashire Constabulary …")."""
    dated = timeline_date(analysis, sentence, move)
    force = analysis.force_before(sentence.tok_start) if dated else None
    return [force] if force else []
