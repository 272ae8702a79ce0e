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
        matches = analysis.matches_in("inspections", sentence)
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
            for force_id in forces:
                found.append(sentence_event(
                    analysis, sentence, "inspection", force_id,
                    event_date=dated[0] if dated else None,
                    date_precision=dated[1] if dated else None,
                ))
    return _merge(found)


def _merge(events: list[Event]) -> list[Event]:
    """One event per force and date; an undated mention joins a dated one of the same force."""
    kept: list[Event] = []
    for event in events:
        same = [k for k in kept if k.force_id == event.force_id]
        if any((k.event_date, k.date_precision) == (event.event_date, event.date_precision)
               for k in same):
            continue
        if event.event_date is None and same:
            continue
        for k in [k for k in same if k.event_date is None]:
            kept.remove(k)
        kept.append(event)
    return sorted(kept, key=lambda e: e.char_start)
