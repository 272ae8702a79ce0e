"""The extractor skeleton: its steps run in order, the scope check is applied once for
every event type, and the merge sees everything the clauses yielded."""

from __future__ import annotations

from datetime import date

from pipeline.extract.context import Analysis, Sentence, analyse
from pipeline.extract.evidence import sentence_event
from pipeline.extract.nlp import default_toolkit
from pipeline.extract.skeleton import Steps, run, undated

TEXT = ("Kent Police was inspected in May. "
        "Police Scotland was inspected in June. "
        "Nobody inspected Essex Police. "
        "Essex Fire and Rescue Service was inspected in July.")


def _steps(seen: list) -> Steps[Sentence, tuple[str, str]]:
    def forces(analysis: Analysis, sentence: Sentence) -> list[str]:
        return [m.force_id for m in analysis.forces_between(sentence.tok_start,
                                                            sentence.tok_end)]

    def events(analysis, sentence, forces, dated):
        return [(sentence_event(analysis, sentence, "inspection", f), "note") for f in forces]

    def merge(analysis, found):
        seen.extend(note for _, note in found)
        return [event for event, _ in found]

    return Steps(
        event_type="inspection",
        clauses=lambda analysis: analysis.sentences,
        span=lambda sentence: (sentence.tok_start, sentence.tok_end),
        blocked=lambda analysis, sentence: sentence.text.startswith("Nobody"),
        forces=forces, date=undated, events=events, merge=merge)


def test_steps_block_scope_and_merge():
    seen: list = []
    analysis = analyse(TEXT, date(2024, 9, 1), default_toolkit())
    events = run(_steps(seen), analysis)
    # Police Scotland is outside HMICFRS's remit for inspections (rules/forces.yaml), the
    # third clause is blocked, the fourth is about a fire and rescue service.
    assert [e.force_id for e in events] == ["kent-police"]
    assert seen == ["note"]  # the merge got what events yielded, notes and all
