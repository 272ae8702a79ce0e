"""phase_change events: a force moved into or out of Engage (enhanced monitoring).

A sentence yields a move when it names a phase, a cue gives the direction (a movement verb
and its preposition, an exit or entry verb, "no longer in", "… has been lifted"), and a
specific police force is the one moved. Negation, speculation, process boilerplate,
comparisons and fire and rescue services are filtered out before an event is made.

The terms and the direction are read in phase_cues; which date belongs to a move in
anchoring. Every window is bounded, so a sentence costs time in proportion to its length
however many phase words it holds.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from pipeline.codes import Phase, Precision
from pipeline.events.registry import PHASE_CHANGE
from pipeline.extract.anchoring import Anchors, closest_date
from pipeline.extract.clauses import clause_end, clause_start, has_phrase, lower_words
from pipeline.extract.context import Analysis, DateMention, Sentence
from pipeline.extract.evidence import sentence_event
from pipeline.extract.force_scope import Refer, entry_heading, forces_of, out_of_scope
from pipeline.extract.inspections import INSPECTION_MATCHER
from pipeline.extract.phase_comparisons import compared_moves
from pipeline.extract.phase_cues import (
    HEAD_WORDS,
    MAX_CLAUSE,
    Direction,
    Move,
    PhaseTerm,
    View,
    Vocabulary,
    classify,
    phase_terms,
    standalone_moves,
    vocabulary,
)
from pipeline.extract.phase_decisions import dated_by_decision
from pipeline.extract.phase_durations import date_by_durations
from pipeline.extract.phase_ellipsis import clause_moves, elided_moves
from pipeline.extract.phase_gapping import gapped_moves
from pipeline.extract.phase_stays import stay_moves
from pipeline.extract.phase_subjects import (
    COLON,
    dash_listed,
    dash_relative,
    objects,
    speaker_force,
    timeline_date,
    timeline_subject,
    without_possessors,
)
from pipeline.extract.phase_tables import move_tables
from pipeline.extract.skeleton import Dated, Steps, run
from pipeline.models import Event

LIST_REACH = 3  # sentences after a move of plural forces where the list of them may begin
JOIN_REACH = 5  # tokens before an exit word where the joiner of an elliptical exit may be
ELLIPTICAL_DATE_REACH = 5  # tokens after an elliptical exit (or a force it names) for its date
FRONTED_LEAD = 3  # tokens at a sentence's start read for a fronted clause ("Since being …")
FRONTED_OPENER = 2  # words of those where its opener may be
NAME_REACH = 4  # tokens after a fronted clause's comma, or "at" after a term, for the force
HYPOTHETICAL_REACH = HEAD_WORDS + 2  # tokens after a term read for "… if …", "… would …"
SUBORDINATE_REACH = 5  # tokens before a cue where a subordinator opening its clause may be
PERIOD_REACH = 3  # tokens after a term read for "… in the past two years" (a recap)
DECISION_AGENT_WORDS = 16  # tokens of "of HM Inspectorate of …" between "decision" and its "to"
LEAD_SENTENCES = 3  # the headline and the first sentences: an undated move there is news
PAST_CLAUSE_REACH = 8  # tokens before a cue read for the opener of a clause it is told in
UNTIL_REACH = 3  # tokens after a negated move where "until <date>" may start
LIST_INTRO_WORDS = 4  # words at a sentence's start read for "The forces are …"
# Date precisions from coarsest to finest: a coarser date of a move joins a finer one.
PRECISION_ORDER = {precision: k for k, precision in enumerate(
    (Precision.YEAR, Precision.MONTH, Precision.DAY))}


def _blocked(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """Negated or speculative clause: not a reported move. The words of a date phrase are
    not modal ("in May 2024")."""
    dated = analysis.dated_tokens(start, end)
    words = [w for i, w in enumerate(lower_words(analysis.doc, start, end), start)
             if i not in dated]
    w = analysis.rules.words
    negations = set(w.negations)
    if _not_until(analysis, sentence, end):
        negations -= set(analysis.rules.phases.not_until_negations)
    no_longer = analysis.rules.phases.no_longer
    # "no longer" is an exit cue, not a negation.
    words = [x for k, x in enumerate(words)
             if " ".join(words[k:k + 2]) not in no_longer]
    ph = analysis.rules.phases
    return any(x in negations for x in words) or has_phrase(
        _reported_future(analysis, words), w.modality) or any(
        has_phrase(words, phrases) for phrases in (ph.wishes, ph.denials, ph.requests,
                                                  ph.other_regimes)) or _condition(
        analysis, words)


def _not_until(analysis: Analysis, sentence: Sentence, end: int) -> bool:
    """"… did not come off it until October 2023": "until" and a date already past, right
    after the move, make its negation say when it happened."""
    doc = analysis.doc
    ph = analysis.rules.phases
    for j in range(end, min(end + UNTIL_REACH, sentence.tok_end)):
        if doc[j].lower_ in ph.not_until_words:
            dates = analysis.dates_between(j, sentence.tok_end)
            reference = analysis.reference[0]
            return bool(dates) and dates[0].tok_start <= j + 1 and reference is not None and (
                dates[0].value <= reference)
    return False


def _condition(analysis: Analysis, words: list[str]) -> bool:
    """"… until the force leaves Engage": a move in the present tense after "until"."""
    ph = analysis.rules.phases
    opened = next((k for k, x in enumerate(words) if x in ph.until_words), None)
    return opened is not None and any(x in ph.present_cues for x in words[opened + 1:])


def _waits_on_condition(analysis: Analysis, words: list[str]) -> bool:
    """"the force will be returned to Scan once inspectors are satisfied": a move told in
    the future whose condition follows it, in the present tense."""
    ph = analysis.rules.phases
    future = next((k for k, x in enumerate(words) if x in ph.stay_future), None)
    if future is None:
        return False
    condition = next((k for k in range(future + 1, len(words)) if any(
        words[k:k + len(c.split())] == c.split() for c in ph.future_conditions)), None)
    return condition is not None and any(x in ph.present_cues for x in words[condition + 1:])


def _reported_future(analysis: Analysis, words: list[str]) -> list[str]:
    """"Sir Andy told the commissioner on Wednesday that the force would return to routine
    monitoring": after a verb that reports a decision, "would" is the tense of reported
    speech, not speculation, and after a verb of deciding so is "should"; the clause's
    other modal words still count ("said it would if …")."""
    ph = analysis.rules.phases
    reported = decided = False
    out = []
    for word in words:
        reported = reported or word in ph.reporting_verbs
        decided = decided or word in ph.decision_verbs
        if not (reported and word in ph.reported_future or decided
                and word in ph.decided_modals):
            out.append(word)
    return out


def _backshifted(analysis: Analysis, words: list[str]) -> list[str]:
    """"HMICFRS said it had decided to remove the force from Engage": after a reporting
    verb, the past perfect reports today's news, so its auxiliary is no sign of a recap; nor
    is "had" after "has" ("Kent Police has had special measures lifted")."""
    ph = analysis.rules.phases
    reported = False
    out = []
    for k, word in enumerate(words):
        reported = reported or word in ph.reporting_verbs
        perfect = k > 0 and words[k - 1] in ph.perfect_auxiliaries  # "has had … lifted"
        if not ((reported or perfect) and word in ph.reported_past):
            out.append(word)
    return out


def _after_decision(analysis: Analysis, start: int, cue: int) -> int:
    """"she hopes the decision to put X under enhanced monitoring …": a decision is taken,
    so the clause that matters for negation and speculation starts after it."""
    phrases = analysis.rules.phases.decision_phrases
    agents = set(analysis.rules.phases.decision_agents)
    untaken = set(analysis.rules.phases.untaken_decisions)
    for i in range(cue - 2, start - 1, -1):
        if i > 0 and analysis.doc[i - 1].lower_ in untaken:
            continue  # "hoped for a decision to …": none is taken yet
        if " ".join(lower_words(analysis.doc, i, i + 2)) in phrases:
            return i + 2
        words = lower_words(analysis.doc, i, min(i + DECISION_AGENT_WORDS + 2, cue))
        if words[1:2] and words[1] in agents:  # "the decision of HMICFRS to return …"
            to = next((k for k in range(2, len(words)) if f"{words[0]} {words[k]}" in phrases),
                      None)
            if to is not None:
                return i + to + 1
    return start


def participants(analysis: Analysis, sentence: Sentence, start: int, end: int) -> list[str]:
    """The forces a cue is about: named in its clause (a bare place too: no region, council
    or mayor moves between monitoring phases), else "the force"/"it"/"we", else none."""
    return forces_of(analysis, sentence, start, end, places=True, refer=Refer.LOOSE,
                     relative=True)


def _elliptical_exit(analysis: Analysis, view: View, term: PhaseTerm, forces: list[str]
                     ) -> list[tuple[Event, bool]]:
    """"… was moved into Engage in March 2021 and left in July 2022": the exit shares the term.
    "X and Y were moved into Engage; both have since come out, Y in 2022 and X in 2023":
    each force named after the exit takes the date after its name."""
    doc = analysis.doc
    ph = analysis.rules.phases
    exits, joiners = set(ph.exit_words), set(ph.elliptical_joiners)
    end = min(view.sentence.tok_end - 1, term.end + MAX_CLAUSE)
    v = vocabulary(analysis)
    for i in range(term.end, end):
        if doc[i].lower_ not in exits or not _joined(analysis, i, joiners, v):
            continue
        if view.terms[-1].start > i:
            return []  # the exit names its own phase; classify() reads it
        forces = _own_subject(analysis, view.sentence, i, forces, v)
        dated = [(force_id, (mention.value, mention.precision), False)
                 for force_id, mention in _exit_dates(analysis, view.sentence, i, forces)]
        return [(sentence_event(
            analysis, view.sentence, PHASE_CHANGE.name, force_id, event_date=when[0],
            date_precision=when[1], phase_from=Phase.ENGAGE, phase_to=Phase.SCAN), inferred)
            for force_id, when, inferred in dated or _last_exit(analysis, view, i, forces)
        ] + _elliptical_return(analysis, view, i, end, forces)
    return []


def _elliptical_return(analysis: Analysis, view: View, exit_word: int, end: int,
                       forces: list[str]) -> list[tuple[Event, bool]]:
    """"… went into Engage in 2019, left in 2021 and returned in 2023": a move back in after
    an elliptical exit, dated by the date right after it."""
    doc = analysis.doc
    ph = analysis.rules.phases
    joiners = set(ph.elliptical_joiners)
    v = vocabulary(analysis)
    for i in range(exit_word + 1, end):
        if doc[i].lower_ not in ph.elliptical_returns or not _joined(analysis, i, joiners, v):
            continue
        dates = analysis.dates_between(i + 1, min(i + ELLIPTICAL_DATE_REACH,
                                                  view.sentence.tok_end))
        if not dates or dates[0].tok_start != i + 1:
            return []
        return [(sentence_event(
            analysis, view.sentence, PHASE_CHANGE.name, force_id, event_date=dates[0].value,
            date_precision=dates[0].precision, phase_from=Phase.SCAN, phase_to=Phase.ENGAGE),
            False) for force_id in forces]
    return []


def _last_exit(analysis: Analysis, view: View, exit_word: int, forces: list[str]
               ) -> list[tuple[str, Dated, bool]]:
    """"Dorset Police – which entered Engage in 2021 – has now left.": an exit word that
    ends the sentence, with no date, is today's news when told in the present perfect."""
    doc = analysis.doc
    rest = [t for t in doc[exit_word + 1:view.sentence.tok_end] if not t.is_space]
    if rest and not all(t.is_punct for t in rest):
        return []
    words = lower_words(doc, max(view.sentence.tok_start, exit_word - JOIN_REACH), exit_word)
    if not _is_current(analysis, words):
        return [(force_id, (None, None), True) for force_id in forces]
    reference, precision = analysis.reference
    return [(force_id, (reference, precision if reference else None), True)
            for force_id in forces]


def _exit_dates(analysis: Analysis, sentence: Sentence, exit_word: int, forces: list[str]
                ) -> list[tuple[str, DateMention]]:
    """The date of each force's exit: the date right after the exit word, shared; or, when
    the forces are named again after it each with a date ("GMP in October 2022 and
    Cleveland in October 2023"), the date after each name."""
    end = min(sentence.tok_end, exit_word + MAX_CLAUSE)
    named = [m for m in analysis.forces_between(exit_word + 1, end) if m.force_id in forces]
    if named:
        bounds = [m.tok_end for m in named] + [end]
        paired = []
        for k, mention in enumerate(named):
            dates = analysis.dates_between(mention.tok_end, min(bounds[k + 1], mention.tok_end
                                                                + ELLIPTICAL_DATE_REACH))
            if dates:
                paired.append((mention.force_id, dates[0]))
        if paired:
            return paired
    dates = analysis.dates_between(exit_word + 1, min(exit_word + ELLIPTICAL_DATE_REACH,
                                                      sentence.tok_end))
    return [(force_id, dates[0]) for force_id in forces] if dates else []


def _fronted_subject(analysis: Analysis, sentence: Sentence, term: PhaseTerm) -> list[str]:
    """"Since being placed in special measures in 2022, Kent Police has …": the force named
    right after the fronted clause's comma."""
    doc = analysis.doc
    lead = lower_words(doc, sentence.tok_start, min(term.start,
                                                     sentence.tok_start + FRONTED_LEAD))
    if not has_phrase(lead[:FRONTED_OPENER], analysis.rules.phases.fronted_clauses):
        return []
    end = min(sentence.tok_end, term.end + MAX_CLAUSE)
    comma = next((i for i in range(term.end, end) if doc[i].text == ","), None)
    if comma is None:
        return []
    after = [m for m in analysis.forces_between(comma + 1, min(comma + NAME_REACH, end))
             if analysis.usable(m, sentence)]
    return [after[0].force_id] if after else []


def _object_after(analysis: Analysis, sentence: Sentence, term: PhaseTerm, move: Move
                  ) -> list[str]:
    """"The watchdog lifts special measures at Kent Police": an exit verb before the term,
    and the force in the phrase right after it."""
    doc = analysis.doc
    if move.cue >= term.start or term.end >= sentence.tok_end:
        return []
    if doc[term.end].lower_ not in analysis.rules.phases.object_preps:
        return []
    after = [m for m in analysis.forces_between(term.end + 1, min(term.end + NAME_REACH,
                                                                  sentence.tok_end))
             if analysis.usable(m, sentence)]
    return [after[0].force_id] if after else []


def _joined(analysis: Analysis, i: int, joiners: set[str], v: Vocabulary) -> bool:
    """Whether an exit word follows a joiner, past auxiliaries and movement verbs ("and
    left", "and came out", "and was removed"), and past a force named as its own subject
    ("…, and Surrey left in 2023")."""
    return _joiner(analysis, i, joiners, v) is not None


def _joiner(analysis: Analysis, i: int, joiners: set[str], v: Vocabulary) -> int | None:
    doc = analysis.doc
    named = {k for m in analysis.forces_between(max(i - JOIN_REACH - NAME_REACH, 0), i)
             for k in range(m.tok_start, m.tok_end)}
    j, steps = i - 1, 0
    while j >= 0 and steps < JOIN_REACH:
        word = doc[j].lower_
        if j in named:
            j -= 1
            continue
        if word in joiners:
            return j
        if (word not in v.fillers and word not in v.move_verbs
                and word not in v.ph.elliptical_subjects):
            return None
        j, steps = j - 1, steps + 1
    return None


def _own_subject(analysis: Analysis, sentence: Sentence, i: int, forces: list[str],
                 v: Vocabulary) -> list[str]:
    """The forces an elliptical move names between its joiner and its verb ("…, and Surrey
    left in 2023"), else the forces of the move it shares the term with."""
    joiner = _joiner(analysis, i, set(analysis.rules.phases.elliptical_joiners), v)
    if joiner is None or joiner + 1 >= i:
        return forces
    named = forces_of(analysis, sentence, joiner + 1, i, places=True)
    return named or forces


def _listed_after(analysis: Analysis, sentence: Sentence, start: int, term: PhaseTerm
                  ) -> list[str]:
    """"Several forces have been escalated to Engage this year, including X and Y"."""
    doc = analysis.doc
    ph = analysis.rules.phases
    if not has_phrase(lower_words(doc, start, term.start), ph.plural_subjects):
        return []
    end = min(sentence.tok_end, term.end + MAX_CLAUSE)
    if not has_phrase(lower_words(doc, term.end, end), ph.list_markers):
        return []
    # A bare place in the list is the force, as in the clause of a move.
    return forces_of(analysis, sentence, term.end, end, places=True)


def _is_current(analysis: Analysis, words: list[str]) -> bool:
    """Whether an undated move is today's news ("has been removed", "is to be placed")."""
    ph = analysis.rules.phases
    return any(w in vocabulary(analysis).current for w in words) or has_phrase(
        words, ph.current_phrases)


def _coordinated_subject(analysis: Analysis, start: int, first: int, terms: set[int]) -> int:
    """"Kent Police has been removed from Engage, and Essex Police has been moved into it":
    a clause joined by a comma and a conjunction that opens with a force has that force as
    its subject, so the clause the second move is read in starts after the conjunction."""
    doc = analysis.doc
    joiners = set(analysis.rules.phases.coordinators)
    forces = {m.tok_start for m in analysis.forces_between(start, first)}
    determiners = set(analysis.rules.speech.reference_determiners)
    dated_ends = {d.tok_end for d in analysis.dates_between(start, first)}
    for i in range(first - 1, start, -1):
        # Without the comma, a move and its date just before the conjunction end the clause
        # before it: "Kent Police entered Engage in May 2022 and Essex Police entered it in
        # June" (not "Kent Police in May and Essex Police were both moved").
        closed = i in dated_ends and any(start <= t < i for t in terms)
        if doc[i].lower_ in joiners and (doc[i - 1].text == "," or closed) and (
                i + 1 in forces or (i + 2 in forces and doc[i + 1].lower_ in determiners)):
            return i + 1
        if closed and i in forces:
            return i  # entries run together on one line: "… October 2022 Wiltshire Police …"
    return start


def _clause(analysis: Analysis, view: View, term: PhaseTerm, move: Move
            ) -> tuple[int, int] | None:
    """The clause a move is read in (for its subject), or None when it is negated,
    speculative or hypothetical."""
    doc = analysis.doc
    sentence = view.sentence
    breaks = set(analysis.rules.words.clause_breaks)
    first = min(move.cue, term.start)
    start = max(clause_start(doc, sentence.tok_start, first, breaks), first - MAX_CLAUSE)
    start = _coordinated_subject(analysis, start, first, view.term_tokens)
    decided = _after_decision(analysis, start, move.cue)
    if _blocked(analysis, sentence, decided, max(move.cue, term.end)):
        return None
    rest_end = min(clause_end(doc, sentence.tok_end, term.end, breaks),
                   term.end + HYPOTHETICAL_REACH)
    if decided == start and has_phrase(lower_words(doc, term.end, rest_end),
                                       analysis.rules.words.hypothetical_after):
        return None  # after "the decision to …" the words that follow are the main clause's
    if _waits_on_condition(analysis, lower_words(doc, decided, rest_end)):
        return None
    end = max(term.start, move.cue)
    if move.cue >= term.end:  # "special measures have been lifted for Cleveland Police"
        end = min(clause_end(doc, sentence.tok_end, term.end, breaks), term.end + MAX_CLAUSE)
    return start, end


def _move_date(analysis: Analysis, view: View, term: PhaseTerm, move: Move, start: int,
               anchors: Anchors, listed: bool) -> tuple[tuple[date | None, str | None], bool]:
    """The move's date and whether it was inferred rather than read next to the cue.

    An undated move is today's news (the publication date) in a headline, the lead, a
    heading or a present-tense clause; a background recap, or one of several forces listed
    under one move, has no date that can be known.
    """
    own = (min(move.cue, term.start), max(move.cue + 1, term.end))
    prior = False
    if move.dated is not None:
        return move.dated, False
    if move.since_date:  # "in special measures since June 2022": entered then
        mention = next(d for d in analysis.dates if d.tok_start == move.cue)
    else:
        mention = closest_date(analysis, view.sentence, own, anchors)
        prior = mention is not None and _prior_event(analysis, view, mention, own[0])
    if mention is not None and not prior:
        return (mention.value, mention.precision), False
    if not move.since_date and not prior and closest_date(analysis, view.sentence, own,
                                                          anchors, resolved=False):
        return (None, None), True  # "that year" with no year before it, a programme span
    words = lower_words(analysis.doc, start, term.end)
    present = _is_current(analysis, words)
    opening = None if present else _opening_date(analysis, view, own[0])
    if opening is not None:
        return (opening.value, opening.precision), False
    after = lower_words(analysis.doc, term.end, min(term.end + PERIOD_REACH,
                                                    view.sentence.tok_end))
    background = has_phrase(_backshifted(analysis, words), analysis.rules.words.background
                            ) or has_phrase(
        words, analysis.rules.phases.cause_phrases) or has_phrase(
        after, analysis.rules.phases.period_bounds) or _in_past_clause(analysis, view, move)
    current = present or view.sentence.index < LEAD_SENTENCES or (
        analysis.is_heading(view.sentence))
    if listed or background or not current:
        return (None, None), True
    reference, precision = analysis.reference_at(view.sentence.tok_start)
    return (reference, precision if reference else None), True


def _opening_date(analysis: Analysis, view: View, first: int) -> DateMention | None:
    """"On 5 March 2024 HMICFRS removed Dorset Police from Engage and placed Wiltshire
    Police into it": the date that opens the sentence dates a later move of it that has no
    date of its own, unless another date or a relative clause (", which …") comes between."""
    sentence = view.sentence
    if first - sentence.tok_start > MAX_CLAUSE:
        return None
    phrases = analysis.date_phrases_between(sentence.tok_start, first)
    if len(phrases) != 1 or phrases[0].tok_start != sentence.tok_start or (
            phrases[0].value is None):
        return None
    doc = analysis.doc
    relatives = set(analysis.rules.forces.relative_pronouns)
    if any(doc[i].lower_ in relatives and doc[i - 1].text == ","
           for i in range(phrases[0].tok_end + 1, first)):
        return None
    return phrases[0]


def _prior_event(analysis: Analysis, view: View, mention: DateMention, first: int) -> bool:
    """"Following a meeting on 11 October, the chief inspector decided …": the date is in a
    clause before the move's, opened by a word that names an earlier event."""
    doc = analysis.doc
    if mention.tok_end > first or "," not in (t.text for t in doc[mention.tok_end:first]):
        return False
    openers = set(analysis.rules.phases.prior_event_openers)
    for i in range(mention.tok_start - 1, view.sentence.tok_start - 1, -1):
        if doc[i].text == ",":
            return False
        if doc[i].lower_ in openers:
            return True
    return False


def _in_past_clause(analysis: Analysis, view: View, move: Move) -> bool:
    """"…, three years after the inspectorate put the force under enhanced monitoring": a
    move told in a clause that places it before or after another event is a recap, not
    today's news, when the words from the clause's opener to the cue name no other move."""
    doc = analysis.doc
    openers = set(analysis.rules.phases.past_clause_openers)
    stops = set(analysis.rules.phases.verb_search_stops)
    for i in range(move.cue - 1, max(view.sentence.tok_start, move.cue - PAST_CLAUSE_REACH) - 1,
                   -1):
        if doc[i].lower_ in stops or i in view.term_tokens:
            return False
        if doc[i].lower_ in openers:
            return True
    return False


@dataclass
class MoveClause:
    """One move (a phase term and its cue) and what the steps read from it.

    The skeleton hands a step only the clause, so what one step learns for a later one
    is kept here: whether the forces came from a list after the move (the date step
    reads it) and whether the date was inferred rather than read (the merge reads it).
    """

    view: View
    term: PhaseTerm
    move: Move
    anchors: Anchors
    span: tuple[int, int] | None  # the clause the move is read in; None: it is blocked
    named: bool = False  # the clause (or a list after it) names the forces moved
    listed: bool = False  # they come from a list after the move ("…, including X and Y")
    inferred: bool = False  # the date is today's or unknown, not one the text gives


def _clauses(analysis: Analysis) -> Iterator[MoveClause]:
    """Every move of the document: each phase term with a cue, and the standalone nouns."""
    for sentence in analysis.sentences:
        terms = phase_terms(analysis, sentence)
        if not terms:
            continue
        view = View(sentence, terms)
        moves = [(t, classify(analysis, view, t)) for t in terms]
        moves += standalone_moves(analysis, view, [m for _, m in moves if m])
        moves += stay_moves(analysis, view, [t for t, m in moves if m is None])
        spans = [(min(m.cue, t.start), max(m.cue + 1, t.end)) for t, m in moves if m]
        spans += [(s, e) for _, s, e in analysis.matches_in(INSPECTION_MATCHER, sentence)]
        anchors = Anchors(spans)
        for term, move in moves:
            if move is not None:
                yield MoveClause(view, term, move, anchors,
                                 _clause(analysis, view, term, move))


def _subordinate_subject(analysis: Analysis, sentence: Sentence, start: int, move: Move
                         ) -> list[str]:
    """"…, the routine monitoring that applies to every force, a year after it was
    escalated to Engage": a subordinate clause right before the cue has its own subject,
    which the words before it ("every force") do not override."""
    doc = analysis.doc
    openers = set(analysis.rules.phases.subordinators)
    for i in range(move.cue - 1, max(start, move.cue - SUBORDINATE_REACH) - 1, -1):
        if doc[i].lower_ in openers:
            return participants(analysis, sentence, i + 1, move.cue + 1)
    return []


def _blocked_move(analysis: Analysis, clause: MoveClause) -> bool:
    return clause.span is None


def _forces(analysis: Analysis, clause: MoveClause) -> list[str]:
    """The forces moved: named in the clause, the subject after a fronted clause, the object
    after the term, or listed right after the move."""
    sentence, term, (start, end) = clause.view.sentence, clause.term, clause.span
    move = clause.move
    forces = objects(analysis, sentence, term, move) or dash_listed(
        analysis, sentence, start) or _subordinate_subject(
        analysis, sentence, start, move) or without_possessors(
        analysis, start, end, participants(analysis, sentence, start, end)) or dash_relative(
        analysis, sentence, start) or _fronted_subject(
        analysis, sentence, term) or _object_after(analysis, sentence, term, move) or (
        timeline_subject(analysis, sentence, move)) or speaker_force(analysis, sentence, move)
    clause.listed = not forces
    if clause.listed:
        forces = _listed_after(analysis, sentence, start, term)
    clause.named = bool(forces)
    return forces


def _date(analysis: Analysis, clause: MoveClause) -> Dated:
    timeline = timeline_date(analysis, clause.view.sentence, clause.move)
    if timeline is not None:
        return timeline
    dated, clause.inferred = _move_date(analysis, clause.view, clause.term, clause.move,
                                        clause.span[0], clause.anchors, clause.listed)
    return dated


def _move_events(analysis: Analysis, clause: MoveClause, forces: list[str], dated: Dated
                 ) -> list[tuple[Event, bool]]:
    """The move's events; with no force named, the forces a later sentence lists."""
    view, term, move = clause.view, clause.term, clause.move
    if not clause.named:
        return _listed_later(analysis, view.sentence, clause.span[0], term, move, dated)
    if dated[0] is None and _entry_line(analysis, view.sentence, forces):
        return []  # "Returned to Scan in the last year" under an entry: a section's title
    found = _elliptical_exit(analysis, view, term, forces) if (
        move.direction == Direction.ENTER) else []
    return found + _events(analysis, view.sentence, forces, move, dated, clause.inferred)


def _entry_line(analysis: Analysis, sentence: Sentence, forces: list[str]) -> bool:
    """Whether a line that names no force is about one only as a line of the entry under
    the force's name: the lines of a list's entry give moves with their dates ("In Engage
    since 12 August 2025"), never undated ones."""
    return not analysis.forces_between(sentence.tok_start, sentence.tok_end) and (
        entry_heading(analysis, sentence) in forces)


def _merge_moves(analysis: Analysis, found: list[tuple[Event, bool]]) -> list[Event]:
    """Moves dated by a stay's length ("after twenty-two months"), then one per fact.
    Within a table of moves only the table's reading of its rows counts."""
    rows, spans = move_tables(analysis)
    found = [f for f in found if not any(s <= f[0].char_start < e for s, e in spans)]
    found = found + elided_moves(analysis, found, _blocked) + clause_moves(
        analysis, _blocked) + compared_moves(analysis)
    found = found + gapped_moves(analysis, found)
    found = dated_by_decision(analysis, date_by_durations(analysis, found))
    return _merge(found + [(event, False) for event in rows])


STEPS = Steps(
    event_type=PHASE_CHANGE.name,
    clauses=_clauses,
    span=lambda clause: clause.span,
    blocked=_blocked_move,
    forces=_forces,
    date=_date,
    events=_move_events,
    merge=_merge_moves,
    event_of=lambda found: found[0],
)


def _events(analysis: Analysis, sentence: Sentence, forces: list[str], move: Move,
            dated: tuple[date | None, str | None], inferred: bool) -> list[tuple[Event, bool]]:
    phase_from, phase_to = (Phase.SCAN, Phase.ENGAGE) if move.direction == Direction.ENTER else (
        Phase.ENGAGE, Phase.SCAN)
    return [(sentence_event(
        analysis, sentence, PHASE_CHANGE.name, force_id, event_date=dated[0],
        date_precision=dated[1], phase_from=phase_from, phase_to=phase_to), inferred)
        for force_id in forces if not out_of_scope(analysis, PHASE_CHANGE.name, force_id)]


def _listed_later(analysis: Analysis, sentence: Sentence, start: int, term: PhaseTerm,
                  move: Move, dated: Dated) -> list[tuple[Event, bool]]:
    """"Six forces placed in special measures … The forces are A, B and C": a move of
    plural forces, listed in a following sentence (or list items) that introduces them.
    Each force listed moved, at a time the text does not give. A move sentence that ends in
    a colon ("In March 2024 HMICFRS placed three forces in special measures:") is followed
    by its list: each item's force moved then (or at the date the item gives)."""
    ph = analysis.rules.phases
    if not has_phrase(lower_words(analysis.doc, start, term.start), ph.plural_subjects):
        return []
    sentences = analysis.sentences
    if sentence.text.rstrip().endswith(COLON):
        items = list(itertools.takewhile(lambda s: s.is_list_item,
                                         sentences[sentence.index + 1:]))
        return [e for s in items for e in _item_events(analysis, s, move, dated)]
    for later in sentences[sentence.index + 1:sentence.index + 1 + LIST_REACH]:
        lead = lower_words(analysis.doc, later.tok_start, later.tok_start + LIST_INTRO_WORDS)
        if not has_phrase(lead, ph.list_intros):
            continue
        items = [later] + list(itertools.takewhile(
            lambda s: s.is_list_item, sentences[later.index + 1:]))
        return [e for s in items for e in _events(
            analysis, s, forces_of(analysis, s, s.tok_start, s.tok_end, places=True), move,
            (None, None), True)]
    return []


def _item_events(analysis: Analysis, item: Sentence, move: Move, dated: Dated
                 ) -> list[tuple[Event, bool]]:
    """One list item's moves: its own date ("- Kent Police, March 2023"), else the list's."""
    own = analysis.dates_between(item.tok_start, item.tok_end)
    when = (own[0].value, own[0].precision) if own else dated
    forces = forces_of(analysis, item, item.tok_start, item.tok_end, places=True)
    return _events(analysis, item, forces, move, when, when[0] is None)


def extract_phase_changes(analysis: Analysis) -> list[Event]:
    return run(STEPS, analysis)


def _contains(coarse: Event, fine: Event) -> bool:
    if coarse.event_date is None or fine.event_date is None:
        return False
    order = PRECISION_ORDER
    if order[coarse.date_precision] >= order[fine.date_precision]:
        return False
    if coarse.date_precision == Precision.YEAR:
        return coarse.event_date.year == fine.event_date.year
    return (coarse.event_date.year, coarse.event_date.month) == (
        fine.event_date.year, fine.event_date.month)


def _merge(found: list[tuple[Event, bool]]) -> list[Event]:
    """One event per force, direction and date.

    A mention dated only by the publication-date rule, an undated one, or a coarser one
    ("in 2023") joins a mention of the same move that the text dates more precisely.
    """
    def key(e: Event) -> tuple:
        return e.force_id, e.phase_from, e.phase_to

    dated = {key(e) for e, inferred in found if not inferred and e.event_date is not None}
    kept: dict[tuple, list[Event]] = {}
    for event, inferred in found:
        same = kept.setdefault(key(event), [])
        if inferred and key(event) in dated:
            continue
        if any((k.event_date, k.date_precision) == (event.event_date, event.date_precision)
               for k in same):
            continue
        if event.event_date is None and same:
            continue
        if any(_contains(event, k) for k in same):
            continue
        same[:] = [k for k in same if not (k.event_date is None or _contains(k, event))]
        same.append(event)
    return sorted((e for events in kept.values() for e in events), key=lambda e: e.char_start)
