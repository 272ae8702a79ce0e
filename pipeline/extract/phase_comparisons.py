"""Moves told as a comparison with another force's move.

"Councillors asked whether the force was at risk of being placed in Engage, as Greater
Manchester Police had been in December 2020": the first move is a question, but the
comparison states as a fact that the other force made the same move. The clause after the
phase term opens with a comparison word (`comparison_openers`), names a police force and
goes on with an auxiliary that stands for the move (`comparison_auxiliaries`); its date,
if the clause gives one, is the move's.

Words are in rules/phases.yaml.
"""

from __future__ import annotations

from pipeline.codes import Phase
from pipeline.events.registry import PHASE_CHANGE
from pipeline.extract.clauses import clause_end, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.evidence import sentence_event
from pipeline.extract.force_scope import out_of_scope
from pipeline.extract.phase_cues import Direction, View, classify, phase_terms
from pipeline.models import Event

OPENER_REACH = 4  # tokens after a phase term (and its object) where the comparison may open
AUXILIARY_WORDS = 2  # the longest auxiliary ("had been")

FOUND = tuple[Event, bool]


def compared_moves(analysis: Analysis) -> list[FOUND]:
    """The moves comparisons state, each dated by its own clause or undated."""
    ph = analysis.rules.phases
    openers = set(ph.comparison_openers)
    out: list[FOUND] = []
    for i in analysis.positions(list(openers)):
        sentence = analysis.sentence_of(i)
        terms = [t for t in phase_terms(analysis, sentence) if t.end <= i]
        if not terms or i - terms[-1].end > OPENER_REACH:
            continue
        move = classify(analysis, View(sentence, terms), terms[-1])
        if move is None:
            continue
        out += _comparison(analysis, sentence, i, move.direction)
    return out


def _auxiliary_at(analysis: Analysis, i: int) -> int:
    """The length of the auxiliary that starts at token i, or 0."""
    words = lower_words(analysis.doc, i, i + AUXILIARY_WORDS)
    auxiliaries = analysis.rules.phases.comparison_auxiliaries
    return next((n for n in range(AUXILIARY_WORDS, 0, -1)
                 if " ".join(words[:n]) in auxiliaries), 0)


def _comparison(analysis: Analysis, sentence: Sentence, opener: int, direction: Direction
                ) -> list[FOUND]:
    inverted = _auxiliary_at(analysis, opener + 1)  # "…, as did Essex Police"
    first = opener + 1 + inverted
    mentions = [m for m in analysis.forces_between(first, sentence.tok_end)
                if m.tok_start == first or (
                    m.tok_start == first + 1 and analysis.doc[first].lower_ in
                    analysis.rules.speech.reference_determiners)]
    if not mentions or not analysis.usable(mentions[0], sentence):
        return []
    force = mentions[0]
    size = 0 if inverted else _auxiliary_at(analysis, force.tok_end)
    rest = force.tok_end + size
    if not (size or inverted) or out_of_scope(analysis, PHASE_CHANGE.name, force.force_id):
        return []
    end = clause_end(analysis.doc, sentence.tok_end, force.tok_end,
                     set(analysis.rules.words.clause_breaks))
    dates = [d for d in analysis.date_phrases_between(rest, end) if d.value]
    # The auxiliary stands for the move only when nothing but its date follows ("as Kent
    # Police had been in 2021"), never a verb of its own ("as Kent Police had improved").
    if rest < end and not analysis.doc[rest].is_punct and not (
            dates and dates[0].tok_start <= rest + 1):
        return []
    value, precision = (dates[0].value, dates[0].precision) if dates else (None, None)
    phase_from, phase_to = (Phase.SCAN, Phase.ENGAGE) if direction == Direction.ENTER else (
        Phase.ENGAGE, Phase.SCAN)
    event = sentence_event(analysis, sentence, PHASE_CHANGE.name, force.force_id,
                           event_date=value, date_precision=precision,
                           phase_from=phase_from, phase_to=phase_to)
    return [(event, value is None)]
