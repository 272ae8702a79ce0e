"""Tables of moves, in our own words: a column headed by a move into or out of a phase
dates each row's move; a state column, a dash, a row that names no police force, and the
rows' words read as prose give nothing."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2025, 3, 4)


def _moves(text: str) -> set[tuple]:
    events = extract_events(Document(url="table", title="", text=text,
                                     published_date=PUBLISHED))
    out = set()
    for e in events:
        if e.event_type == "phase_change":
            assert text[e.char_start:e.char_end] == e.evidence
            out.add((e.force_id, str(e.phase_to),
                     e.event_date.isoformat() if e.event_date else None,
                     str(e.date_precision) if e.date_precision else None))
    return out


TABLES = [
    ("Forces in the enhanced phase\n"
     "Force | Moved into Engage | Returned to Scan\n"
     "Cleveland Police | September 2019 | October 2023\n"
     "Wiltshire Police | 2022 | March 2024\n"
     "Metropolitan Police Service | June 2022 | –",
     {("cleveland-police", "engage", "2019-09-01", "month"),
      ("cleveland-police", "scan", "2023-10-01", "month"),
      ("wiltshire-police", "engage", "2022-01-01", "year"),
      ("wiltshire-police", "scan", "2024-03-01", "month"),
      ("metropolitan-police-service", "engage", "2022-06-01", "month")}),
    # A header cell that names no phase means the one the header names elsewhere.
    ("Police force | Date entered special measures | Date left\n"
     "Kent Police | 3 May 2022 | 1 June 2024\n"
     "Essex Police | 14 January 2021 | ",
     {("kent-police", "engage", "2022-05-03", "day"),
      ("kent-police", "scan", "2024-06-01", "day"),
      ("essex-police", "engage", "2021-01-14", "day")}),
    # The force column need not come first.
    ("Escalated to Engage | Force | Notes\n"
     "November 2023 | Lincolnshire Police | Crime recording\n"
     "May 2024 | Gwent Police | Call handling",
     {("lincolnshire-police", "engage", "2023-11-01", "month"),
      ("gwent-police", "engage", "2024-05-01", "month")}),
]

NO_MOVES = [
    # A state column, not a move.
    "Force | In Engage? | Last inspected\nKent Police | Yes | May 2022\nEssex Police | No | "
    "June 2023",
    # A table of findings with a status column.
    "Recommendation | Status\nImprove call handling | Closed\nReview crime recording | Open",
    # A fire and rescue service is not a police force.
    "Service | Moved into Engage\nKent Fire and Rescue Service | April 2023\n"
    "Essex County Fire and Rescue Service | June 2022",
    # A row that names two forces says whose move it is no more.
    "Forces | Moved into Engage\nKent Police and Essex Police | April 2023\n"
    "Surrey Police | June 2022",
]


@pytest.mark.parametrize("text,expected", TABLES, ids=[t[:30] for t, _ in TABLES])
def test_a_table_of_moves_dates_each_row(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text", NO_MOVES, ids=[t[:30] for t in NO_MOVES])
def test_tables_that_are_not_moves(text):
    found = _moves(text)
    assert not (found - {("surrey-police", "engage", "2022-06-01", "month")}), found


def test_the_two_forces_row_gives_nothing_but_the_next_row_does():
    assert _moves(NO_MOVES[-1]) == {("surrey-police", "engage", "2022-06-01", "month")}


def test_prose_around_the_table_is_still_read():
    text = ("Avon and Somerset Police has been placed in special measures.\n"
            "Force | Moved into Engage | Returned to Scan\n"
            "Cleveland Police | September 2019 | October 2023\n"
            "Greater Manchester Police | December 2020 | October 2022")
    assert _moves(text) == {
        ("avon-and-somerset-constabulary", "engage", "2025-03-04", "day"),
        ("cleveland-police", "engage", "2019-09-01", "month"),
        ("cleveland-police", "scan", "2023-10-01", "month"),
        ("greater-manchester-police", "engage", "2020-12-01", "month"),
        ("greater-manchester-police", "scan", "2022-10-01", "month")}
