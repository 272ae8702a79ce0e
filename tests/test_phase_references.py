"""Phase changes told through a reference to the phase or to the force, in our own words:
"the process" standing for the phase named before it, "taken out of it", and the lines of
an entry on a page that lists forces under their names.

Published Wednesday 1 April 2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2026, 4, 1)


def _moves(text: str):
    events = extract_events(Document(url="probe", title="", text=text, published_date=PUBLISHED))
    return {(e.force_id, e.phase_to, e.event_date.isoformat() if e.event_date else None)
            for e in events if e.event_type == "phase_change"}


DESCRIPTIONS = [
    ("Bedfordshire Police has been in special measures since May 2024, while Norfolk and "
     "Suffolk were both moved into the process in the spring of 2023.",
     {("bedfordshire-police", "engage", "2024-05-01"),
      ("norfolk-constabulary", "engage", "2023-01-01"),
      ("suffolk-constabulary", "engage", "2023-01-01")}),
    ("Durham Constabulary was escalated to enhanced monitoring in March. Cumbria "
     "Constabulary was put into that process in July 2024.",
     {("durham-constabulary", "engage", "2026-03-01"),
      ("cumbria-constabulary", "engage", "2024-07-01")}),
    ("Dorset Police left Engage in May 2025. Wiltshire Police was taken out of the process "
     "in June 2025.",
     {("dorset-police", "scan", "2025-05-01"), ("wiltshire-police", "scan", "2025-06-01")}),
    ("Kent Police entered Engage in 2021 and was taken out of it in June 2025.",
     {("kent-police", "engage", "2021-01-01"), ("kent-police", "scan", "2025-06-01")}),
    # Named a few sentences back; moved into it, the enhanced phase when one is named.
    ("Last year saw more moves in and out of Engage than any other. In March 2025 Dorset "
     "Police was returned to routine monitoring. Durham Constabulary followed in May 2025. "
     "In June 2025 Cumbria Constabulary was moved into the process.",
     {("dorset-police", "scan", "2025-03-01"), ("durham-constabulary", "scan", "2025-05-01"),
      ("cumbria-constabulary", "engage", "2025-06-01")}),
    ("Durham Constabulary is in enhanced monitoring. Cumbria Constabulary entered the phase "
     "in May 2024.", {("cumbria-constabulary", "engage", "2024-05-01")}),
]
# Another process, or a process named with no phase before it, moves nothing.
OTHER_PROCESSES = [
    ("Dorset Police left Engage in May 2025. Wiltshire Police began the recruitment process "
     "in June 2025.", {("dorset-police", "scan", "2025-05-01")}),
    ("Wiltshire Police was taken out of the process in June 2025 after the tender failed.",
     set()),
    ("Kent Police is in Engage. Its officers were put through the process of retraining in "
     "June 2025.", set()),
    # A counted force is named where its own move is told, not through the reference.
    ("Kent Police is in Engage. Since May 2025 one force has left the process. Essex Police "
     "was returned to routine monitoring on 4 June 2025.",
     {("essex-police", "scan", "2025-06-04")}),
]

ENTRIES = [
    ("Forces under enhanced monitoring\nThe forces in Engage today.\nSurrey Police\n"
     "In Engage since 12 August 2025\nCauses of concern: child protection\nNew Kent Police\n"
     "In Engage since 3 September 2025\n",
     {("surrey-police", "engage", "2025-08-12"), ("kent-police", "engage", "2025-09-03")}),
    ("Forces in Engage\nThe list is updated monthly.\nEssex Police\nDate entered: 4 March "
     "2025\nReason: crime recording\n",
     {("essex-police", "engage", "2025-03-04")}),
]
# A line that names a second force, or a heading that is more than a name, ends the entry.
NOT_ENTRIES = [
    # A section's title under the last entry gives its force no undated move.
    "Forces in Engage\nThe list is updated monthly.\nSurrey Police\nCauses of concern: "
    "child protection\nReturned to Scan in the last 12 months\n",
    "Forces in Engage\nThe list is updated monthly.\nSurrey Police\nKent Police is "
    "reviewed.\nIn Engage since 12 August 2025\n",
    "Forces in Engage\nThe list is updated monthly.\nSurrey Police and its partners in "
    "the county\nIn Engage since 12 August 2025\n",
]


# A move that is today's news keeps today's date when a duration agrees with its year, and
# takes the duration's year when it does not.
DURATIONS = [
    ("The commissioner has welcomed the decision to take Dorset Police out of enhanced "
     "monitoring, nearly two years after the force was placed in it in June 2024.",
     {("dorset-police", "scan", "2026-04-01"), ("dorset-police", "engage", "2024-06-01")}),
    ("Dorset Police is no longer in enhanced monitoring, two years after the force was "
     "placed in it in June 2022.",
     {("dorset-police", "scan", "2024-01-01"), ("dorset-police", "engage", "2022-06-01")}),
]


# Forces listed alone after "after" made the sentence's move before, on the date after them.
ORDERED = [
    ("Suffolk Constabulary has left Engage. It is the third force to leave Engage this year, "
     "after Norfolk Constabulary and Essex Police, both in January.",
     {("norfolk-constabulary", "scan", "2026-01-01"), ("essex-police", "scan", "2026-01-01")}),
    # A force that owns what comes after it is no such list.
    ("Suffolk Constabulary was placed in Engage after Essex Police’s inspection found failings.",
     set()),
]


# Every table above whose moves are exactly those expected, by what it shows.
EXACT = {"description": DESCRIPTIONS, "other process": OTHER_PROCESSES, "entry": ENTRIES,
         "duration": DURATIONS}


@pytest.mark.parametrize("text,expected", [c for cases in EXACT.values() for c in cases],
                         ids=[f"{name}-{k}" for name, cases in EXACT.items()
                              for k in range(len(cases))])
def test_moves_told_through_a_reference(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text,expected", ORDERED)
def test_forces_listed_after_after_made_the_move_before(text, expected):
    assert {m for m in _moves(text) if m[0] != "suffolk-constabulary"} == expected


@pytest.mark.parametrize("text", NOT_ENTRIES)
def test_an_entry_ends_where_another_force_or_a_longer_heading_stands(text):
    assert not {m for m in _moves(text) if m[0] == "surrey-police"}
