"""Moves told in a gapped second conjunct, forces set off by dashes before the verb, and
future moves that wait on a condition."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2025, 1, 15)


def moves(text: str) -> set[tuple]:
    events = extract_events(Document(url="probe", title="", text="Force news\n\n" + text,
                                     published_date=PUBLISHED))
    return {(e.force_id, e.phase_to, e.event_date.isoformat() if e.event_date else None)
            for e in events if e.event_type == "phase_change"}


@pytest.mark.parametrize("text, expected", [
    ("Kent Police was moved into Engage in May 2024 and Essex Police in September 2024.",
     {("kent-police", "engage", "2024-05-01"), ("essex-police", "engage", "2024-09-01")}),
    ("Kent Police left Engage on 3 May 2024, and Essex Police on 9 June 2024.",
     {("kent-police", "scan", "2024-05-03"), ("essex-police", "scan", "2024-06-09")}),
    ("In March 2024, Kent Police left Engage. Essex Police followed in May 2024 and Surrey "
     "Police in September 2024.",
     {("kent-police", "scan", "2024-03-01"), ("essex-police", "scan", "2024-05-01"),
      ("surrey-police", "scan", "2024-09-01")}),
])
def test_a_gapped_conjunct_is_the_same_move_on_its_own_date(text, expected):
    assert moves(text) == expected


@pytest.mark.parametrize("text", [
    # The second force's clause has a verb of its own.
    "Kent Police was moved into Engage in May 2024 and Essex Police in September said it "
    "welcomed the news.",
    # The date is set off as an aside of a clause that goes on.
    "Kent Police was moved into Engage in May 2024 and Essex Police, in September, said it "
    "was pleased.",
])
def test_a_conjunct_with_its_own_verb_is_no_gapped_move(text):
    assert {force for force, _, _ in moves(text)} == {"kent-police"}


@pytest.mark.parametrize("text, expected", [
    ("In March 2024, three forces – Kent Police, Essex Police and Surrey Police – were "
     "returned to routine monitoring.", {"kent-police", "essex-police", "surrey-police"}),
    ("Two forces — Kent Police and Essex Police — have been placed in special measures.",
     {"kent-police", "essex-police"}),
    ("Kent Police – the largest force in the region – was placed in special measures.",
     {"kent-police"}),
])
def test_forces_set_off_by_dashes_before_the_verb_are_its_subject(text, expected):
    assert {force for force, _, _ in moves(text)} == expected


def test_a_dashed_aside_naming_another_subject_moves_no_force_of_it():
    assert moves("Kent Police – which Essex Police overtook – was placed in special "
                 "measures.") == set()


@pytest.mark.parametrize("text", [
    "The force will be returned to Scan once inspectors are satisfied.",
    "Kent Police will leave Engage when it is ready.",
    "Kent Police will return to routine monitoring as soon as its concerns are closed.",
])
def test_a_future_move_waiting_on_a_condition_is_none(text):
    assert not any(phase == "scan" for _, phase, _ in moves("Kent Police was moved into "
                                                             "Engage in 2024. " + text))


def test_a_future_decision_with_no_condition_is_still_the_news():
    assert ("kent-police", "engage", "2025-01-15") in moves(
        "Kent Police will be moved into Engage, HMICFRS said today.")
