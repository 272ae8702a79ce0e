"""Moves told without naming the phase, right after sentences that do, in our own words;
and look-alikes: the same verbs with an object, or with no phase talk before them.

Published Wednesday 12 June 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)


def _moves(text: str):
    events = extract_events(Document(url="probe", title="", text=text, published_date=PUBLISHED))
    return {(e.force_id, e.phase_to, e.event_date.isoformat() if e.event_date else None,
             e.date_precision) for e in events if e.event_type == "phase_change"}


ELIDED = [
    ("Kent Police spent two years under enhanced monitoring. Surrey Police went in during "
     "April 2021 and came out in May 2023.",
     {("surrey-police", "engage", "2021-04-01", "month"),
      ("surrey-police", "scan", "2023-05-01", "month")}),
    ("Dorset Police was placed into special measures in March 2022.\nIt came out in "
     "January 2024, after all its causes of concern were closed.",
     {("dorset-police", "engage", "2022-03-01", "month"),
      ("dorset-police", "scan", "2024-01-01", "month")}),
    ("Several forces have been through Engage.\nWho has left?\nNorfolk Constabulary and "
     "Durham Constabulary came out in February, having met every recommendation.",
     {("norfolk-constabulary", "scan", "2024-02-01", "month"),
      ("durham-constabulary", "scan", "2024-02-01", "month")}),
]

FOLLOWED = [
    ("Cumbria Constabulary entered Engage in 2022. Lincolnshire Police followed in "
     "March 2023.",
     {("cumbria-constabulary", "engage", "2022-01-01", "year"),
      ("lincolnshire-police", "engage", "2023-03-01", "month")}),
    ("Gwent Police went into special measures in May 2021 and left them in June 2023. "
     "Suffolk Constabulary and Essex Police followed a similar path.",
     {("gwent-police", "engage", "2021-05-01", "month"),
      ("gwent-police", "scan", "2023-06-01", "month"),
      ("suffolk-constabulary", "engage", None, None), ("suffolk-constabulary", "scan", None, None),
      ("essex-police", "engage", None, None), ("essex-police", "scan", None, None)}),
    # "was moved" and "followed" in one sentence: each clause has its own force and date.
    ("Three forces were escalated to Engage last year. Humberside Police was moved in "
     "February 2023 and Cleveland Police followed in August 2023.",
     {("humberside-police", "engage", "2023-02-01", "month"),
      ("cleveland-police", "engage", "2023-08-01", "month")}),
    ("Bedfordshire Police left enhanced monitoring in 2021. Hertfordshire Constabulary was "
     "escalated in September 2022.",
     {("bedfordshire-police", "scan", "2021-01-01", "year"),
      ("hertfordshire-constabulary", "engage", "2022-09-01", "month")}),
]

NOT_MOVES = [
    # The verb has an object: not the phase.
    "Kent Police was placed into Engage in 2022. Kent Police left the old headquarters in "
    "May.",
    # No sentence about the phases before it.
    "Surrey Police opened a new station in 2020. Surrey Police came out in March with a "
    "new plan for rural crime.",
    # Not a force.
    "Dorset Police was moved into special measures in 2023. The report came out in May.",
    # "moved" with an object is no move.
    "Kent Police was placed into Engage in 2022. Essex Police moved its control room in "
    "May.",
    # Negated.
    "Dorset Police was moved into special measures in 2023. It has not come out since.",
]


@pytest.mark.parametrize("text,expected", ELIDED, ids=[c[0][:40] for c in ELIDED])
def test_a_move_whose_phase_is_left_out(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text,expected", FOLLOWED, ids=[c[0][:40] for c in FOLLOWED])
def test_a_force_that_followed_moved_the_same_way(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text", NOT_MOVES, ids=[c[:40] for c in NOT_MOVES])
def test_look_alikes_of_elided_moves(text):
    found = _moves(text)
    assert all(phase == "engage" for _, phase, *_ in found), found
