"""inspection events: an inspection, re-inspection or revisit of a force that has happened."""

from __future__ import annotations

from pipeline.extract.clauses import clause_start, has_phrase, lower_words
from pipeline.extract.context import Analysis
from pipeline.extract.evidence import sentence_event
from pipeline.extract.phases import choose_date, phase_terms
from pipeline.models import Event


def _anchors(analysis: Analysis, sentence) -> list[tuple[int, int]]:
    """Phrases competing for the sentence's dates (inspection words and phase terms)."""
    out = [(s, e) for _, s, e in analysis.matches_in("inspections", sentence)]
    out += [(t.start, t.end) for t in phase_terms(analysis, sentence)]
    return out


def extract_inspections(analysis: Analysis) -> list[Event]:
    doc = analysis.doc
    rules = analysis.rules
    breaks = set(rules.words["clause_breaks"])
    future = rules.inspections["future_words"]
    negations = set(rules.words["negations"])
    found: list[Event] = []
    for sentence in analysis.sentences:
        found_here = analysis.matches_in("inspections", sentence)
        # "re-inspected" also contains "inspected": keep the longest of overlapping matches.
        matches = [m for m in found_here if not any(
            o != m and o[1] <= m[1] and m[2] <= o[2] for o in found_here)]
        if not matches:
            continue
        anchors = _anchors(analysis, sentence)
        for _, start, end in matches:
            clause = clause_start(doc, sentence.tok_start, start, breaks)
            before = lower_words(doc, clause, start)
            around = before + lower_words(doc, start, min(end + 2, sentence.tok_end))
            if has_phrase(before[-4:] + lower_words(doc, end, end + 1), future):
                continue
            if any(w in negations for w in before) or has_phrase(
                    before, rules.words["modality"]):
                continue
            named = [m for m in analysis.forces_between(sentence.tok_start, sentence.tok_end)
                     if analysis.usable(m, sentence)]
            fire = [m for m in analysis.forces_between(sentence.tok_start, sentence.tok_end)
                    if m.kind == "fire"]
            words = lower_words(doc, sentence.tok_start, sentence.tok_end)
            lead = words[: start - sentence.tok_start + 3]
            fire_words = {"firefighters", "firefighter", "station", "stations", "fire"}
            if "constabulary and fire" in " ".join(words):
                fire_words.discard("fire")  # the inspectorate's own name
            if fire and not named or not named and analysis.mentions_fire_service and (
                    fire_words & set(words) or "service" in lead):
                continue  # "Inspectors revisited the service": a fire and rescue service
            if has_phrase(around, rules.inspections["generic_words"]):
                continue
            dated = choose_date(analysis, sentence, (start, end), anchors,
                                exclude_after=rules.inspections["not_inspection_dates"])
            if named:
                forces = list(dict.fromkeys(m.force_id for m in named))
            elif dated is not None or has_phrase(
                    lower_words(doc, sentence.tok_start, sentence.tok_end),
                    ["the force", "the constabulary", "the police force"]):
                force = analysis.force_before(start)
                forces = [force] if force else []
            else:
                forces = []
            trigger = " ".join(lower_words(doc, start, end))
            kind = "revisit" if trigger.startswith(("re", "follow")) else "inspection"
            if not dated and any(w in ("previous", "earlier", "original", "first", "last")
                                 for w in before[-3:]):
                kind = "earlier"  # "at its previous inspection": not the one dated elsewhere
            for force_id in forces:
                found.append((sentence_event(
                    analysis, sentence, "inspection", force_id,
                    event_date=dated[0] if dated else None,
                    date_precision=dated[1] if dated else None,
                ), kind))
    return _merge(found)


def _merge(found: list[tuple[Event, str]]) -> list[Event]:
    """One event per force and date.

    An undated mention joins a dated one of the same force and kind ("the revisit" after
    "a revisit in March"); an undated inspection beside a dated revisit is another visit.
    """
    kept: list[tuple[Event, str]] = []
    for event, kind in found:
        same = [(k, kk) for k, kk in kept if k.force_id == event.force_id]
        if any((k.event_date, k.date_precision) == (event.event_date, event.date_precision)
               and (event.event_date is not None or kk == kind) for k, kk in same):
            continue
        if event.event_date is None and any(kk == kind for _, kk in same):
            continue
        for pair in [p for p in same if p[0].event_date is None and p[1] == kind]:
            kept.remove(pair)
        kept.append((event, kind))
    return sorted((e for e, _ in kept), key=lambda e: e.char_start)
