"""Moves dated by how long a force stayed in Engage.

"Greater Manchester Police came out of special measures after twenty-two months" dates the
exit from the entry (December 2020 plus 22 months: 2022), and "four years after it was
placed there" an undated entry from the exit; "had been in the Engage process for a year"
says an entry happened, a year before the exit (or, "has been … for two years", before
today). A duration is rounded in copy, so a date found this way has year precision; a bound
("more than four years", "less than ten months") dates nothing.

Durations are read from rules/dates.yaml (units, the words that say what a duration
measures) and the number words of rules/numbers.yaml.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum, auto

from pipeline.codes import Phase, Precision
from pipeline.events.registry import PHASE_CHANGE
from pipeline.extract.clauses import has_phrase, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.evidence import sentence_event
from pipeline.extract.force_scope import Refer, forces_of, out_of_scope
from pipeline.extract.phase_cues import phase_terms
from pipeline.models import Event

NUMBER_REACH = 5  # tokens before a unit word where its number (and the relation word) may be
STAY_REACH = 6  # tokens after a phase term where "for <duration>" may start
BOUND_REACH = 2  # tokens before a duration's number read for a bound ("more than")
STATE_REACH = 4  # tokens before a phase term read for a stay ("had been in")


class Relation(StrEnum):
    """What a duration measures (the values of rules/dates.yaml `duration_relations`)."""

    AFTER = auto()  # one move came that long after the other
    FOR = auto()  # how long a stay lasted
    SPENT = auto()  # a stay told as time spent in the phase ("spent four years in Engage")


@dataclass(frozen=True)
class Duration:
    tok_start: int
    tok_end: int
    months: int
    relation: Relation


def durations_in(analysis: Analysis, sentence: Sentence) -> list[Duration]:
    """"after twenty-two months", "after only 18 months", "for a year", "four years after"."""
    spec = analysis.rules.dates
    units = spec.duration_units
    out = []
    for i in analysis.positions_in(list(units), sentence):
        start, amount = _number_before(analysis, sentence, i)
        if amount is None:
            continue
        relation = _relation(analysis, sentence, start, i)
        if relation is not None:
            out.append(Duration(relation[1], max(relation[2], i + 1),
                                amount * units[analysis.doc[i].lower_], relation[0]))
    return out


def _number_before(analysis: Analysis, sentence: Sentence, unit: int
                   ) -> tuple[int, int | None]:
    """The number right before a unit word ("twenty-two", "22", "a") and where it starts."""
    doc = analysis.doc
    numbers = analysis.rules.numbers.numbers
    joiners = set(analysis.rules.dates.number_joiners)
    total, start = 0, unit
    for j in range(unit - 1, max(sentence.tok_start, unit - NUMBER_REACH) - 1, -1):
        word = doc[j].lower_
        if word.isdigit():
            total += int(word)
        elif word in numbers and word not in analysis.rules.dates.not_duration_numbers:
            total += numbers[word]
        elif not (word in joiners and start < unit):
            break
        start = j
    return start, (total if start < unit and total > 0 else None)


def _relation(analysis: Analysis, sentence: Sentence, number: int, unit: int
              ) -> tuple[Relation, int, int] | None:
    """What the duration measures: the word before its number, past fillers ("after only"),
    or "after" right after its unit ("four years after it was placed there")."""
    doc = analysis.doc
    spec = analysis.rules.dates
    relations, fillers = spec.duration_relations, set(spec.duration_fillers)
    j = number - 1
    while j >= sentence.tok_start and doc[j].lower_ in fillers:
        j -= 1
    if has_phrase(lower_words(doc, max(sentence.tok_start, number - BOUND_REACH), number),
                  spec.duration_bounds):
        return None
    if unit + 1 < sentence.tok_end and doc[unit + 1].lower_ in spec.duration_not_before:
        return None
    if j >= sentence.tok_start and doc[j].lower_ in relations:
        return Relation(relations[doc[j].lower_]), j, unit + 1
    if unit + 1 < sentence.tok_end and doc[unit + 1].lower_ in spec.postposed_relations:
        if unit + 2 < sentence.tok_end and doc[unit + 2].lower_ in spec.duration_not_before:
            return None  # "two years later than planned"
        return Relation.AFTER, number, unit + 2
    return None


def _shift(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, 1, 1)


def _sentence_at(analysis: Analysis, char: int) -> Sentence:
    starts = analysis.cache.get(_sentence_at)
    if starts is None:
        starts = analysis.cache[_sentence_at] = [s.start for s in analysis.sentences]
    return analysis.sentences[bisect_right(starts, char) - 1]


def date_by_durations(analysis: Analysis, found: list[tuple[Event, bool]]
                      ) -> list[tuple[Event, bool]]:
    """The moves with dates a duration gives, and the entries a duration implies."""
    if not analysis.positions(list(analysis.rules.dates.duration_units)):
        return found
    out = [_dated(analysis, found, event, inferred) for event, inferred in found]
    return out + _stays(analysis, out) + _stays_before_exits(analysis, out) + _spent(
        analysis, out)


def _opposite_date(found: list[tuple[Event, bool]], event: Event) -> date | None:
    """The date the text gives the force's other move (its entry, for an exit). For an
    entry, an exit that is today's news counts too ("has been taken out of special
    measures, two years after it was placed there"): the duration runs back from today."""
    entry = event.phase_to == Phase.ENGAGE
    return next((e.event_date for e, inferred in found if (not inferred or entry)
                 and e.force_id == event.force_id and e.phase_to == event.phase_from
                 and e.event_date is not None), None)


def _dated(analysis: Analysis, found: list[tuple[Event, bool]], event: Event,
           inferred: bool) -> tuple[Event, bool]:
    """An undated move in a sentence with "after <duration>": the other move plus (or, for
    an entry, minus) the duration."""
    if event.event_date is not None and not inferred:
        return event, inferred
    other = _opposite_date(found, event)
    sentence = _sentence_at(analysis, event.char_start)
    durations = [d for d in durations_in(analysis, sentence) if d.relation == Relation.AFTER]
    if not durations:
        return event, inferred
    sign = 1 if event.phase_to == Phase.SCAN else -1
    if other is None:
        # "inspected in 2019 and placed in Engage two years later": the date named before
        # the duration in its sentence is where it runs from.
        before = analysis.dates_between(sentence.tok_start, durations[0].tok_start)
        if not before:
            return event, inferred
        other, sign = before[-1].value, 1
    shifted = _shift(other, sign * durations[0].months)
    if event.event_date is not None and event.event_date.year == shifted.year:
        return event, inferred  # today's news, and the duration agrees: today is the finer
    return replace(event, event_date=shifted, date_precision=Precision.YEAR), False


def _stays(analysis: Analysis, found: list[tuple[Event, bool]]) -> list[tuple[Event, bool]]:
    """"Gwent Police had been in the Engage process for a year": an entry, a year before
    the force's exit ("had been") or before today ("has been"); undated when that is not
    known."""
    out = []
    units = analysis.positions(list(analysis.rules.dates.duration_units))
    for index in dict.fromkeys(analysis.token_sentence[i] for i in units):  # those with one
        sentence = analysis.sentences[index]
        stays = [d for d in durations_in(analysis, sentence) if d.relation == Relation.FOR]
        if not stays:
            continue
        for term in phase_terms(analysis, sentence):
            stay = next((d for d in stays if 0 <= d.tok_start - term.end <= STAY_REACH), None)
            if stay is None or term.phase != Phase.ENGAGE or not _in_state(analysis, sentence,
                                                                       term.start):
                continue
            out += _stay_entries(analysis, found, sentence, term.start, stay)
    return out


def _stays_before_exits(analysis: Analysis, found: list[tuple[Event, bool]]
                        ) -> list[tuple[Event, bool]]:
    """"After 14 months in special measures, Suffolk Constabulary has been returned to
    routine monitoring": a stay told as the time before an exit in its sentence is an entry
    that long before the exit."""
    out = []
    into = set(analysis.rules.phases.into_preps)
    for event, _ in found:
        if event.phase_to != Phase.SCAN or event.event_date is None:
            continue
        sentence = _sentence_at(analysis, event.char_start)
        terms = {t.start for t in phase_terms(analysis, sentence) if t.phase == Phase.ENGAGE}
        for stay in durations_in(analysis, sentence):
            before = stay.tok_end
            if stay.relation == Relation.AFTER and before + 1 in terms and (
                    analysis.doc[before].lower_ in into):
                out.append((replace(event, event_date=_shift(event.event_date, -stay.months),
                                    date_precision=Precision.YEAR, phase_from=Phase.SCAN,
                                    phase_to=Phase.ENGAGE), False))
                break
    return out


def _in_state(analysis: Analysis, sentence: Sentence, term_start: int) -> bool:
    """"has been in", "had been under": the words right before the term say a stay."""
    before = lower_words(analysis.doc, max(sentence.tok_start, term_start - STATE_REACH),
                         term_start)
    return has_phrase(before, analysis.rules.phases.stay_phrases)


def _stay_entries(analysis: Analysis, found: list[tuple[Event, bool]], sentence: Sentence,
                  term_start: int, stay: Duration) -> list[tuple[Event, bool]]:
    words = lower_words(analysis.doc, max(sentence.tok_start, term_start - STATE_REACH),
                         term_start)
    out = []
    for force_id in forces_of(analysis, sentence, sentence.tok_start, term_start,
                              places=True, refer=Refer.LOOSE):
        if out_of_scope(analysis, PHASE_CHANGE.name, force_id):
            continue
        if set(words) & set(analysis.rules.phases.past_stay_words):
            ref = next((e.event_date for e, inferred in found if e.force_id == force_id
                        and e.phase_to == Phase.SCAN and e.event_date is not None), None)
        else:
            ref = analysis.reference[0]
        value = _shift(ref, -stay.months) if ref else None
        out.append((sentence_event(analysis, sentence, PHASE_CHANGE.name, force_id,
                                   event_date=value,
                                   date_precision=Precision.YEAR if value else None,
                                   phase_from=Phase.SCAN, phase_to=Phase.ENGAGE), value is None))
    return out


def _spent(analysis: Analysis, found: list[tuple[Event, bool]]) -> list[tuple[Event, bool]]:
    """"Cleveland Police, which spent four years in Engage after being placed there in
    2019": a stay told as time spent, and over ("spent", not "has spent"), has both ends; the
    end the text does not date is that long from the one it does."""
    out = []
    units = analysis.positions(list(analysis.rules.dates.duration_units))
    for index in dict.fromkeys(analysis.token_sentence[i] for i in units):
        sentence = analysis.sentences[index]
        for stay in durations_in(analysis, sentence):
            if stay.relation != Relation.SPENT or _ongoing(analysis, stay):
                continue
            if _term_after(analysis, sentence, stay) is None:
                continue
            for force_id in forces_of(analysis, sentence, sentence.tok_start, stay.tok_start,
                                      places=True, refer=Refer.LOOSE):
                out += _other_end(analysis, found, sentence, force_id, stay)
    return out


def _term_after(analysis: Analysis, sentence: Sentence, stay: Duration) -> int | None:
    """The Engage term the time was spent in, right after the duration and its preposition."""
    doc = analysis.doc
    if stay.tok_end >= sentence.tok_end or doc[stay.tok_end].lower_ not in (
            analysis.rules.phases.into_preps):
        return None
    return next((t.start for t in phase_terms(analysis, sentence) if t.phase == Phase.ENGAGE
                 and 0 < t.start - stay.tok_end <= STATE_REACH), None)


def _ongoing(analysis: Analysis, stay: Duration) -> bool:
    """"has spent", "had spent": a stay still going on, or told from its end (read as stays)."""
    verb = stay.tok_start
    return verb > 0 and analysis.doc[verb - 1].lower_ in analysis.rules.phases.spent_auxiliaries


def _other_end(analysis: Analysis, found: list[tuple[Event, bool]], sentence: Sentence,
               force_id: str, stay: Duration) -> list[tuple[Event, bool]]:
    told = {e.phase_to for e, _ in found if e.force_id == force_id}
    ends = {e.phase_to: e.event_date for e, inferred in found
            if e.force_id == force_id and e.event_date is not None and not inferred}
    if out_of_scope(analysis, PHASE_CHANGE.name, force_id) or len(ends) != 1 or len(told) != 1:
        return []  # both ends told (one of them perhaps today), or neither
    (phase, known), = ends.items()
    sign, phase_from = (1, Phase.ENGAGE) if phase == Phase.ENGAGE else (-1, Phase.SCAN)
    value = _shift(known, sign * stay.months)
    if value > (analysis.reference[0] or value):
        return []
    return [(sentence_event(analysis, sentence, PHASE_CHANGE.name, force_id, event_date=value,
                            date_precision=Precision.YEAR, phase_from=phase_from,
                            phase_to=Phase.SCAN if phase == Phase.ENGAGE else Phase.ENGAGE),
             False)]
