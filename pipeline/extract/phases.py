"""phase_change events: a force moved into or out of Engage (enhanced monitoring).

A sentence yields a move when it names a phase, a cue gives the direction (a movement verb
and its preposition, an exit or entry verb, "no longer in", "… has been lifted"), and a
specific police force is the one moved. Negation, speculation, process boilerplate,
comparisons and fire and rescue services are filtered out before an event is made.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Token

from pipeline.extract.clauses import clause_end, clause_start, has_phrase, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.evidence import sentence_event
from pipeline.models import Event


@dataclass
class PhaseTerm:
    phase: str  # engage | scan
    start: int  # token offsets
    end: int


@dataclass
class Move:
    direction: str  # enter | exit  (always relative to Engage)
    cue: int  # token index of the cue
    since_date: bool = False


def phase_terms(analysis: Analysis, sentence: Sentence) -> list[PhaseTerm]:
    doc = analysis.doc
    phases = analysis.rules.phases
    terms = [PhaseTerm(label, s, e) for label, s, e in analysis.matches_in("phase_terms", sentence)]
    covered = {i for t in terms for i in range(t.start, t.end)}
    preceders = set(phases["bare_phase_preceders"])
    not_followed = set(phases["bare_phase_not_followed_by"])
    bare = doc.user_data.get("bare_phase")
    if bare is None:
        strings = doc.vocab.strings
        bare = doc.user_data["bare_phase"] = numpy.flatnonzero(numpy.isin(
            doc.to_array(LOWER), [strings.add("engage"), strings.add("scan")])).tolist()
    for i in bare[bisect_left(bare, sentence.tok_start):bisect_left(bare, sentence.tok_end)]:
        token = doc[i]
        if token.lower_ not in ("engage", "scan") or token.i in covered:
            continue
        nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        prev = doc[token.i - 1].lower_ if token.i > sentence.tok_start else ""
        if nxt == "with":
            continue
        named = token.text[0].isupper() and prev != "to" and not token.is_sent_start
        if prev in preceders or (named and nxt not in not_followed):
            terms.append(PhaseTerm(token.lower_, token.i, token.i + 1))
    # Longest term wins when two overlap ("enhanced monitoring" inside "enhanced monitoring
    # process").
    terms.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[PhaseTerm] = []
    for term in terms:
        if kept and term.start < kept[-1].end:
            continue
        kept.append(term)
    return kept


def _is_skippable(token: Token, fillers: set[str], analysis: Analysis) -> bool:
    return token.lower_ in fillers or token.is_space


def classify(analysis: Analysis, sentence: Sentence, term: PhaseTerm,
             all_terms: list[PhaseTerm]) -> Move | None:
    """Which way the force moved, read from the words around the phase term."""
    doc = analysis.doc
    ph = analysis.rules.phases
    fillers = set(ph["fillers"])
    into, out_of = set(ph["into_preps"]) - {"back"}, set(ph["out_of_preps"])
    move_verbs, exits, enters = set(ph["move_verbs"]), set(ph["exit_words"]), set(
        ph["enter_words"])
    states = set(ph["state_words"])
    term_tokens = {i for t in all_terms for i in range(t.start, t.end)}
    force_tokens = {i for m in analysis.forces for i in range(m.tok_start, m.tok_end)}

    # "… special measures have been lifted", "its time in Engage came to an end".
    after = lower_words(doc, term.end, min(term.end + 8, sentence.tok_end))
    if term.phase == "engage" and after and has_phrase(after[:8], ph["ended_after"]):
        stop = next((i for i, w in enumerate(after) if w in (",", ";", "and", "but")), 8)
        if has_phrase(after[:stop] or after[:1], ph["ended_after"]):
            return Move("exit", term.end)

    # "in special measures since June 2022": the state's start is an entry.
    for mention in analysis.dates_between(term.end, min(term.end + 4, sentence.tok_end)):
        if mention.since and term.phase == "engage":
            return Move("enter", mention.tok_start, since_date=True)

    i = term.start - 1
    while i >= sentence.tok_start and _is_skippable(doc[i], fillers, analysis):
        i -= 1
    if i < sentence.tok_start:
        return None
    first = doc[i].lower_
    prep = None
    if first in into:
        prep = "in"
    elif first in out_of:
        prep = "out"
    elif first == "of" and i - 1 >= sentence.tok_start and doc[i - 1].lower_ == "out":
        prep, i = "out", i - 1
    elif first in exits:
        return Move("exit" if term.phase == "engage" else "enter", i)
    elif first in enters:
        return Move("enter" if term.phase == "engage" else "exit", i)
    else:
        return None

    # Look further left for the verb that governs the preposition.
    j = i - 1
    steps = 0
    while j >= sentence.tok_start and steps < 7:
        token = doc[j]
        word = token.lower_
        if word == "longer" and j - 1 >= sentence.tok_start and doc[j - 1].lower_ == "no":
            if prep == "in":
                return Move("exit" if term.phase == "engage" else "enter", j)
            return None
        if word in states:
            return None
        if word in exits and word not in move_verbs or word in exits and prep == "out":
            if prep == "out" or term.phase == "scan":
                return Move("exit" if term.phase == "engage" else "enter", j)
            return None
        if word in enters and prep == "in":
            return Move("enter" if term.phase == "engage" else "exit", j)
        if word in move_verbs:
            entering = (prep == "in") == (term.phase == "engage")
            return Move("enter" if entering else "exit", j)
        if word in (",", ";", ":") and j not in term_tokens:
            return None
        if (
            _is_skippable(token, fillers, analysis)
            or j in term_tokens
            or j in force_tokens
            or word in into | out_of | {"of", "back", "to"}
            or token.is_title
        ):
            j -= 1
            continue
        steps += 1
        j -= 1
    return None


def _blocked(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """Negated or speculative clause: not a reported move."""
    words = lower_words(analysis.doc, start, end)
    w = analysis.rules.words
    negations = set(w["negations"])
    if "no" in words:
        # "no longer" is an exit cue, not a negation.
        words = [x for k, x in enumerate(words) if not (x == "no" and words[k + 1 : k + 2]
                                                         == ["longer"])]
    return any(x in negations for x in words) or has_phrase(words, w["modality"])


def participants(analysis: Analysis, sentence: Sentence, start: int, end: int) -> list[str]:
    """The forces a cue is about: named in its clause, else "the force"/"it", else the only one.
    """
    doc = analysis.doc
    relative = [i for i in range(start, end) if doc[i].lower_ in ("which", "who", "that")
                and i > start and doc[i - 1].text == ","]
    if relative:
        # "…, which left special measures": the clause is about the name just before "which".
        antecedent = [m for m in analysis.forces if m.tok_end <= relative[-1] - 1
                      and m.tok_end >= relative[-1] - 2]
        if antecedent:
            mention = antecedent[-1]
            return [mention.force_id] if analysis.usable(mention, sentence) else []
    named = [m for m in analysis.forces_between(start, end) if analysis.usable(m, sentence)]
    fire = [m for m in analysis.forces_between(start, end) if m.kind == "fire"]
    if fire and not named:
        return []
    if named:
        return list(dict.fromkeys(m.force_id for m in named))
    words = lower_words(analysis.doc, start, end)
    if has_phrase(words, analysis.rules.words["generic_subjects"]):
        return []
    if "service" in words and analysis.mentions_fire_service and not (
            has_phrase(words, ["police service"])):
        return []  # "the service has been escalated": a fire and rescue service
    # "it" is the force only as the subject of the move ("it was removed"), not "It is …".
    subject_it = any(doc[i].lower_ == "it" and doc[i + 1].lower_ in (
        "was", "has", "had", "is", "will", "were") and doc[i + 2].lower_ not in (
        "the", "a", "an", "not") for i in range(max(start, end - 8), end - 2))
    if has_phrase(words, analysis.rules.words["force_anaphors"]) or subject_it or "we" in words:
        force = analysis.force_before(end)
        return [force] if force else []
    return []


def _elliptical_exit(analysis: Analysis, sentence: Sentence, term: PhaseTerm,
                     forces: list[str]) -> list[tuple[Event, bool]]:
    """"… was moved into Engage in March 2021 and left in July 2022": the exit shares the term.
    """
    doc = analysis.doc
    exits = {"left", "exited", "emerged", "leaves", "exits", "emerges"}
    out = []
    for i in range(term.end, sentence.tok_end - 1):
        if doc[i].lower_ not in exits or doc[i - 1].lower_ not in ("and", ","):
            continue
        if any(t.start > i for t in phase_terms(analysis, sentence)):
            return []  # the exit names its own phase; classify() reads it
        dates = [d for d in analysis.dates_between(i + 1, min(i + 6, sentence.tok_end))]
        if not dates:
            return []
        for force_id in forces:
            out.append((sentence_event(
                analysis, sentence, "phase_change", force_id, event_date=dates[0].value,
                date_precision=dates[0].precision, phase_from="engage", phase_to="scan"),
                False))
        return out
    return []


def _listed_after(analysis: Analysis, sentence: Sentence, start: int, term: PhaseTerm
                  ) -> list[str]:
    """"Several forces have been escalated to Engage this year, including X and Y"."""
    doc = analysis.doc
    before = lower_words(doc, start, term.start)
    if "forces" not in before:
        return []
    words = lower_words(doc, term.end, sentence.tok_end)
    if not any(w in ("including", "namely", ":", "—", "–") for w in words):
        return []
    named = [m for m in analysis.forces_between(term.end, sentence.tok_end)
             if analysis.usable(m, sentence) or m.kind == "strong"]
    return list(dict.fromkeys(m.force_id for m in named))


def _is_current(words: list[str]) -> bool:
    current = {"has", "have", "is", "are", "'s", "will", "today", "now", "this", "decided",
               "announced", "confirmed"}
    return any(w in current for w in words) or "to be" in " ".join(words)


def choose_date(analysis: Analysis, sentence: Sentence, anchor: tuple[int, int],
                anchors: list[tuple[int, int]], exclude_after: list[str] | None = None
                ) -> tuple[date | None, str | None] | None:
    """The sentence's date closest to this cue, unless another cue is closer to it.

    Anchors are token spans (cue start, phrase end); a date after a phrase is measured from
    its end ("placed into special measures last December"), a date before it from its start.
    """
    def distance(mention, span: tuple[int, int]) -> int:
        if mention.tok_start >= span[1]:
            return mention.tok_start - span[1]
        if mention.tok_end <= span[0]:
            return span[0] - mention.tok_end + 1
        return 0

    best = None
    for mention in analysis.dates_between(sentence.tok_start, sentence.tok_end):
        if mention.since:
            continue  # "Since July, one force has left …": a period, not the date of the move
        if exclude_after and lower_words(analysis.doc, mention.tok_start - 2,
                                         mention.tok_start)[-1:] and any(
                w in exclude_after for w in lower_words(analysis.doc, mention.tok_start - 2,
                                                        mention.tok_start)):
            continue  # "the report, published on Thursday": not when it happened
        own = distance(mention, anchor)
        if any(distance(mention, other) < own for other in anchors if other != anchor):
            continue
        if own > 15:
            continue  # too far to belong to this cue
        if best is None or own < best[0]:
            best = (own, mention)
    return (best[1].value, best[1].precision) if best else None


def extract_phase_changes(analysis: Analysis) -> list[Event]:
    doc = analysis.doc
    breaks = set(analysis.rules.words["clause_breaks"])
    found: list[Event] = []
    for sentence in analysis.sentences:
        terms = phase_terms(analysis, sentence)
        if not terms:
            continue
        moves = [(t, classify(analysis, sentence, t, terms)) for t in terms]
        anchors = [(min(m.cue, t.start), max(m.cue + 1, t.end)) for t, m in moves
                   if m is not None]
        anchors += [(s, e) for _, s, e in analysis.matches_in("inspections", sentence)]
        for term, move in moves:
            if move is None:
                continue
            first = min(move.cue, term.start)
            start = clause_start(doc, sentence.tok_start, first, breaks)
            if _blocked(analysis, sentence, start, max(move.cue, term.end)):
                continue
            rest = lower_words(doc, term.end, clause_end(doc, sentence.tok_end, term.end,
                                                         breaks))[:10]
            if has_phrase(rest, analysis.rules.words["hypothetical_after"]):
                continue
            end = max(term.start, move.cue)
            if move.cue >= term.end:  # "special measures have been lifted for Cleveland Police"
                end = clause_end(doc, sentence.tok_end, term.end, breaks)
            forces = participants(analysis, sentence, start, end)
            if not forces:
                forces = _listed_after(analysis, sentence, start, term)
            if not forces:
                continue
            own = (min(move.cue, term.start), max(move.cue + 1, term.end))
            dated = choose_date(analysis, sentence, own, anchors)
            inferred = dated is None
            if dated is None:
                words = lower_words(doc, start, term.end)
                background = has_phrase(words, analysis.rules.words["background"])
                if not background and (_is_current(words) or sentence.index <= 2):
                    dated = (analysis.published, "day" if analysis.published else None)
                else:
                    dated = (None, None)
            if move.direction == "enter":
                found += _elliptical_exit(analysis, sentence, term, forces)
            phase_from, phase_to = ("scan", "engage") if move.direction == "enter" else (
                "engage", "scan")
            for force_id in forces:
                if not analysis.toolkit.gazetteer.engage_applies.get(force_id, True):
                    continue
                event = sentence_event(
                    analysis, sentence, "phase_change", force_id,
                    event_date=dated[0], date_precision=dated[1],
                    phase_from=phase_from, phase_to=phase_to,
                )
                found.append((event, inferred))
    return _merge(found)


def _contains(coarse: Event, fine: Event) -> bool:
    if coarse.event_date is None or fine.event_date is None:
        return False
    order = {"year": 0, "month": 1, "day": 2}
    if order[coarse.date_precision] >= order[fine.date_precision]:
        return False
    if coarse.date_precision == "year":
        return coarse.event_date.year == fine.event_date.year
    return (coarse.event_date.year, coarse.event_date.month) == (
        fine.event_date.year, fine.event_date.month)


def _merge(found: list[tuple[Event, bool]]) -> list[Event]:
    """One event per force, direction and date.

    A mention dated only by the publication-date rule, an undated one, or a coarser one
    ("in 2023") joins a mention of the same move that the text dates more precisely.
    """
    dated = [e for e, inferred in found if not inferred and e.event_date is not None]
    kept: list[Event] = []
    for event, inferred in found:
        same = [k for k in kept if (k.force_id, k.phase_from, k.phase_to) == (
            event.force_id, event.phase_from, event.phase_to)]
        if inferred and any((d.force_id, d.phase_from, d.phase_to) == (
                event.force_id, event.phase_from, event.phase_to) for d in dated):
            continue
        if any(k.event_date == event.event_date and k.date_precision == event.date_precision
               for k in same):
            continue
        if event.event_date is None and same:
            continue
        if [k for k in same if _contains(event, k)]:
            continue
        for k in [k for k in same if k.event_date is None or _contains(k, event)]:
            kept.remove(k)
        kept.append(event)
    return sorted(kept, key=lambda e: e.char_start)
