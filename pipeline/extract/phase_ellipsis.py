"""Moves told without naming the phase, in a passage about the monitoring phases.

A round-up that has just said which forces went into special measures goes on in short
clauses: "Devon and Cornwall Police went in during October 2022 and came out in March
2024", "it was released two years later", "Essex Police came out in September", and
"Northamptonshire followed in February 2024" (the move of the sentence before, for another
force). Each is a move only right after a sentence that names a phase or a move (within
CONTEXT_REACH sentences, a move found here counting too), with a police force as its
subject, and the verb standing alone (followed by a date, a preposition of time or the end
of the clause, never by an object: "Kent Police left the building").

The phrases, their directions and the words that may follow them are in rules/phases.yaml
(`elided_moves`, `elided_followers`, `follow_verbs`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from pipeline.codes import Phase
from pipeline.events.registry import PHASE_CHANGE
from pipeline.extract.clauses import clause_end, clause_start, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.evidence import sentence_event
from pipeline.extract.force_scope import Refer, forces_of, out_of_scope
from pipeline.extract.phase_cues import Direction, View, classify, phase_terms
from pipeline.extract.phase_durations import durations_in
from pipeline.models import Event

CONTEXT_REACH = 3  # sentences before an elided move where the phase must be named
DATE_REACH = 4  # tokens after an elided verb where its date may start
MAX_PHRASE = 3  # words in the longest elided phrase ("followed a similar")
SUBJECT_REACH = 6  # tokens after a clause opener where its force subject may end

Blocked = Callable[[Analysis, Sentence, int, int], bool]
FOUND = tuple[Event, bool]


def _heads(analysis: Analysis) -> list[str]:
    """The first words of the elided phrases, where the matcher looks."""
    ph = analysis.rules.phases
    return sorted({p.split()[0] for p in (*ph.elided_moves, *ph.follow_verbs,
                                          *ph.follow_courses)})


def elided_moves(analysis: Analysis, found: list[FOUND], blocked: Blocked) -> list[FOUND]:
    """The moves of sentences that name no phase, read in the context of those that do."""
    heads = _heads(analysis)
    if not analysis.positions(heads):
        return []
    starts = [s.start for s in analysis.sentences]
    moved: dict[int, set[Direction]] = {}
    for event, _ in found:
        index = bisect_right(starts, event.char_start) - 1
        moved.setdefault(index, set()).add(_direction(event))
    out: list[FOUND] = []
    for sentence in analysis.sentences:
        if phase_terms(analysis, sentence) or sentence.index in moved:
            continue
        context = [k for k in range(sentence.index - CONTEXT_REACH, sentence.index)
                   if k in moved or (k >= 0 and phase_terms(analysis, analysis.sentences[k]))]
        if not context and _headline_phase(analysis):
            context = [0]  # a page headed "Forces in Engage" is about the phase throughout
        if not context or not analysis.positions_in(heads, sentence):
            continue
        before = moved.get(context[-1]) or _named_directions(
            analysis, analysis.sentences[context[-1]])
        events = _sentence_moves(analysis, sentence, before, blocked)
        if events:
            moved[sentence.index] = {_direction(e) for e, _ in events}
            out += events
    return out


def _headline_phase(analysis: Analysis) -> bool:
    """Whether the page's headline names a phase (read once per document)."""
    if _headline_phase not in analysis.cache:
        first = analysis.sentences[0] if analysis.sentences else None
        analysis.cache[_headline_phase] = first is not None and analysis.is_heading(
            first) and bool(phase_terms(analysis, first))
    return analysis.cache[_headline_phase]


def clause_moves(analysis: Analysis, blocked: Blocked) -> list[FOUND]:
    """"Kent Police remains the only force in Engage after Essex Police left in May": in a
    sentence that names a phase, a clause opened by "after", "since", "when" … whose
    subject is a force and whose verb is an elided move standing alone."""
    openers = list(analysis.rules.phases.elided_clause_openers)
    if not analysis.positions(openers):
        return []
    out: list[FOUND] = []
    for sentence in analysis.sentences:
        terms = phase_terms(analysis, sentence)
        if not terms:
            continue
        for k in analysis.positions_in(openers, sentence):
            if k > terms[0].start:
                out += _opened_clause(analysis, sentence, k, blocked)
    return out


def _opened_clause(analysis: Analysis, sentence: Sentence, k: int, blocked: Blocked
                   ) -> list[FOUND]:
    named = [m for m in analysis.forces_between(k + 1, min(k + 1 + SUBJECT_REACH,
                                                           sentence.tok_end))
             if m.tok_start <= k + 2]
    if not named:
        return []
    verb = named[0].tok_end
    phrase, directions = _phrase_at(analysis, sentence, verb, set())
    end = verb + len(phrase)
    if not directions and analysis.doc[k].lower_ in analysis.rules.phases.order_openers:
        return _ordered_after(analysis, sentence, k, blocked)
    if not directions or not _stands_alone(analysis, sentence, end) or blocked(
            analysis, sentence, k, end):
        return []
    forces = _subject(analysis, sentence, k + 1, verb)
    dates = [d for d in analysis.dates_between(end, sentence.tok_end)
             if d.tok_start < end + DATE_REACH]
    value, precision = (dates[0].value, dates[0].precision) if dates else (None, None)
    return [(_event(analysis, sentence, force_id, direction, value, precision), value is None)
            for direction in sorted(directions) for force_id in forces
            if not out_of_scope(analysis, PHASE_CHANGE.name, force_id)]


def _ordered_after(analysis: Analysis, sentence: Sentence, k: int, blocked: Blocked
                   ) -> list[FOUND]:
    """"It is the third force to leave Engage this year, after Wiltshire Police and
    Gloucestershire Constabulary, both in January": forces listed alone after "after" made
    the sentence's one move before it, on the date that follows the list."""
    doc = analysis.doc
    joins = set(analysis.rules.phases.list_joins)
    forces, j = [], k + 1
    for mention in analysis.forces_between(k + 1, sentence.tok_end):
        if any(doc[i].lower_ not in joins and not doc[i].is_space
               for i in range(j, mention.tok_start)):
            break
        forces.append(mention.force_id)
        j = mention.tok_end
    directions = _named_directions(analysis, sentence)
    if not forces or len(directions) != 1 or blocked(analysis, sentence, k, j):
        return []
    rest = [i for i in range(j, sentence.tok_end) if not doc[i].is_space]
    while rest and (doc[rest[0]].lower_ in analysis.rules.phases.order_quantifiers or (
            doc[rest[0]].text == ",")):
        rest = rest[1:]  # ", both in January"
    dates = analysis.dates_between(rest[0], sentence.tok_end) if rest else []
    if rest and not (dates and dates[0].tok_start == rest[0]) and not doc[rest[0]].is_punct:
        return []  # "… after Kent Police's inspection": the list goes on
    value, precision = (dates[0].value, dates[0].precision) if rest and dates else (None, None)
    direction = next(iter(directions))
    return [(_event(analysis, sentence, force_id, direction, value, precision), value is None)
            for force_id in dict.fromkeys(forces)
            if not out_of_scope(analysis, PHASE_CHANGE.name, force_id)]


def _named_directions(analysis: Analysis, sentence: Sentence) -> set[Direction]:
    """"Three forces were escalated to Engage last year": the way a sentence says forces
    moved, when it names none of them."""
    terms = phase_terms(analysis, sentence)
    view = View(sentence, terms)
    return {move.direction for term in terms if (move := classify(analysis, view, term))}


def _direction(event: Event) -> Direction:
    return Direction.ENTER if event.phase_to == Phase.ENGAGE else Direction.EXIT


def _sentence_moves(analysis: Analysis, sentence: Sentence, before: set[Direction],
                    blocked: Blocked) -> list[FOUND]:
    """Each elided phrase of the sentence that stands alone, with its subject and date."""
    doc = analysis.doc
    breaks = set(analysis.rules.words.clause_breaks)
    out: list[FOUND] = []
    # "Gwent was moved in May and Kent followed in June": the second clause starts after
    # the first move and its date.
    floor = sentence.tok_start
    for i in analysis.positions_in(_heads(analysis), sentence):
        phrase, directions = _phrase_at(analysis, sentence, i, before)
        if not directions or not (_stands_alone(analysis, sentence, i + len(phrase)) or (
                " ".join(phrase) in analysis.rules.phases.follow_courses)):
            continue
        clause = clause_start(doc, sentence.tok_start, i, breaks)
        start = max(clause, floor)
        end = i + len(phrase)
        if blocked(analysis, sentence, start, end):
            continue
        # "… went in during April 2021 and came out in May 2023": a shared subject
        forces = _subject(analysis, sentence, start, end) or (
            _subject(analysis, sentence, clause, end) if start > clause else []) or (
            _pronoun_subject(analysis, sentence, i))
        limit = min(clause_end(doc, sentence.tok_end, end, breaks), end + DATE_REACH)
        dates = [d for d in analysis.dates_between(end, sentence.tok_end)
                 if d.tok_start < limit]
        value, precision = (dates[0].value, dates[0].precision) if dates else (None, None)
        floor = dates[0].tok_end if dates else end
        for direction in sorted(directions):
            out += [(_event(analysis, sentence, force_id, direction, value, precision),
                     value is None)
                    for force_id in forces
                    if not out_of_scope(analysis, PHASE_CHANGE.name, force_id)]
    return out


def _subject(analysis: Analysis, sentence: Sentence, start: int, end: int) -> list[str]:
    return forces_of(analysis, sentence, start, end, places=True, refer=Refer.LOOSE,
                     relative=True)


def _pronoun_subject(analysis: Analysis, sentence: Sentence, i: int) -> list[str]:
    """"It came out in January 2024": the pronoun right before the verb is the force last
    named."""
    if i <= sentence.tok_start or analysis.doc[i - 1].lower_ not in (
            analysis.rules.forces.subject_pronouns):
        return []
    force = analysis.force_before(i)
    return [force] if force else []


def _phrase_at(analysis: Analysis, sentence: Sentence, i: int, before: set[Direction]
               ) -> tuple[list[str], set[Direction]]:
    """The elided phrase starting at token i and the directions it gives: its own, or for a
    follow verb ("followed"), those of the move in the sentence before."""
    ph = analysis.rules.phases
    words = lower_words(analysis.doc, i, min(i + MAX_PHRASE, sentence.tok_end))
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        if phrase in ph.elided_moves:
            return words[:n], {Direction(ph.elided_moves[phrase])}
        if phrase in ph.follow_verbs or phrase in ph.follow_courses:
            return words[:n], set(before)
    return [], set()


def _stands_alone(analysis: Analysis, sentence: Sentence, after: int) -> bool:
    """Whether the verb has no object: the clause ends, or a date or a word of time
    follows it."""
    if after >= sentence.tok_end:
        return True
    dates = analysis.date_phrases_between(after, after + DATE_REACH)
    if dates and dates[0].tok_start == after:
        return True
    if any(d.tok_start == after for d in durations_in(analysis, sentence)):
        return True  # "came out two years later"
    return analysis.doc[after].lower_ in analysis.rules.phases.elided_followers


def _event(analysis: Analysis, sentence: Sentence, force_id: str, direction: Direction,
           value, precision) -> Event:
    phase_from, phase_to = (Phase.SCAN, Phase.ENGAGE) if direction == Direction.ENTER else (
        Phase.ENGAGE, Phase.SCAN)
    return sentence_event(analysis, sentence, PHASE_CHANGE.name, force_id, event_date=value,
                          date_precision=precision, phase_from=phase_from, phase_to=phase_to)
