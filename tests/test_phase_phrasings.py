"""Phase changes in phrasings real pages use, in our own words: each case lists the moves a
reader would record, and look-alikes that must give none.

Published Wednesday 12 June 2024 unless a case gives another date (None: unknown).
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)
TODAY = "2024-06-12"


def _moves(text: str, published: date | None = PUBLISHED, url: str = "probe"):
    events = extract_events(Document(url=url, title="", text=text, published_date=published))
    return {(e.force_id, e.phase_to, e.event_date.isoformat() if e.event_date else None,
             e.date_precision) for e in events if e.event_type == "phase_change"}


ENUMERATIONS = [
    ("Gwent Police, Dorset Police and Suffolk Constabulary were all moved into Engage in "
     "March 2023.",
     {("gwent-police", "engage", "2023-03-01", "month"),
      ("dorset-police", "engage", "2023-03-01", "month"),
      ("suffolk-constabulary", "engage", "2023-03-01", "month")}),
    ("The inspectorate has today placed Cumbria Constabulary and Lincolnshire Police under "
     "enhanced monitoring.",
     {("cumbria-constabulary", "engage", TODAY, "day"),
      ("lincolnshire-police", "engage", TODAY, "day")}),
    ("Three forces have been taken out of special measures this year, namely Essex Police, "
     "Kent Police and Surrey Police.",
     {("essex-police", "scan", "2024-01-01", "year"),
      ("kent-police", "scan", "2024-01-01", "year"),
      ("surrey-police", "scan", "2024-01-01", "year")}),
    # A list joined to a move verb with no date: each force moved at its own time.
    ("Several forces have been escalated to Engage, including Norfolk Constabulary and "
     "Dorset Police.",
     {("norfolk-constabulary", "engage", None, None), ("dorset-police", "engage", None, None)}),
]

LISTED_LATER = [
    ("Five forces placed in special measures\nThe five forces are Gwent Police, Dorset Police "
     "and Kent Police, with two more to be named.",
     {("gwent-police", "engage", None, None), ("dorset-police", "engage", None, None),
      ("kent-police", "engage", None, None)}),
    ("Two forces have left the Engage phase since 2022.\nThey are:\n- Cumbria Constabulary\n"
     "- Norfolk Constabulary",
     {("cumbria-constabulary", "scan", None, None), ("norfolk-constabulary", "scan", None, None)}),
    # A status, not a move: nothing for the forces listed after it.
    ("Four forces are in special measures.\nThey are Gwent Police and Dorset Police.", set()),
]

STATUS_LISTS = [
    "Four forces are currently in special measures: Gwent Police, Dorset Police, Kent Police "
    "and Essex Police.",
    "The forces now under enhanced monitoring are Cumbria Constabulary and Norfolk "
    "Constabulary.",
    "Kent Police and Essex Police both remain in the Engage phase.",
]

BACKGROUND = [
    # Dated only by a year: year precision.
    ("Cleveland Police, which was moved into Engage in 2019, has since improved.",
     {("cleveland-police", "engage", "2019-01-01", "year")}),
    ("Dorset Police entered special measures in 2021 and came out in 2023.",
     {("dorset-police", "engage", "2021-01-01", "year"),
      ("dorset-police", "scan", "2023-01-01", "year")}),
    ("Since 2022, when Suffolk Constabulary was placed into Engage, the force has changed its "
     "leadership.", {("suffolk-constabulary", "engage", "2022-01-01", "year")}),
    ("Gwent Police came out of special measures back in 2020.",
     {("gwent-police", "scan", "2020-01-01", "year")}),
    # Undated background moves: included, with no date.
    ("Norfolk Constabulary had previously been placed in special measures.",
     {("norfolk-constabulary", "engage", None, None)}),
    ("It was noted that Essex Police had been removed from the inspectorate's 'engaged' "
     "status.", {("essex-police", "scan", None, None)}),
    # A past move named as the outcome of its causes: a background fact, undated.
    ("Essex Police has closed the causes of concern that led to it being placed in Engage.",
     {("essex-police", "engage", None, None)}),
    ("The report on Dorset Police, which resulted in the force being put into special "
     "measures, was published online.", {("dorset-police", "engage", None, None)}),
    # An aside in brackets does not keep the date from the move.
    ("Kent Police was placed into 'Engage' status (often called 'special measures' by the "
     "press and public, a name the force dislikes) by the inspectorate in December 2021.",
     {("kent-police", "engage", "2021-12-01", "month")}),
    # "since": the start of the state.
    ("Kent Police has been subject to special measures since 2019.",
     {("kent-police", "engage", "2019-01-01", "year")}),
    ("Since being placed in special measures in mid-2022, Essex Police has improved.",
     {("essex-police", "engage", "2022-01-01", "year")}),
]

ANNOUNCED = [
    # A link title or headline at the end of a page: dated on the publication date.
    ("Report of the inspection\n\nGet the press release\n\nDorset Police moved into enhanced "
     "monitoring", {("dorset-police", "engage", TODAY, "day")}),
    ("Letter to the chief constable\n\nI am pleased to tell you that the Chief Inspector has "
     "decided to return Kent Police to our default level of monitoring, which we call 'scan'.",
     {("kent-police", "scan", TODAY, "day")}),
    ("The commissioner said she hoped the decision to put Suffolk Constabulary under an "
     "enhanced level of monitoring would drive improvement.",
     {("suffolk-constabulary", "engage", TODAY, "day")}),
    ("Gwent Police will now be subject to enhanced monitoring.",
     {("gwent-police", "engage", TODAY, "day")}),
    # The exit verb before the term, the force after it.
    ("Watchdog lifts special measures at Dorset Police",
     {("dorset-police", "scan", TODAY, "day")}),
    ("The inspectorate has ended its enhanced monitoring of Cumbria Constabulary.",
     {("cumbria-constabulary", "scan", TODAY, "day")}),
]

NOT_MOVES = [
    "Gwent Police is subject to enhanced monitoring.",
    "Failing to act could lead to Gwent Police being placed in special measures.",
    "Dorset Police ended the year in special measures.",
    "The commissioner said she hoped Suffolk Constabulary would avoid being put under "
    "enhanced monitoring.",
    "Dorset Police could be moved into Engage if it does not improve.",
    "Forces in Engage receive extra support from the Policing Performance Oversight Group.",
    "Officers will engage with residents at the 'Engage' community event.",
    "Dorset Fire and Rescue Service was moved into the Engage phase last year.",
]


@pytest.mark.parametrize("text,expected", ENUMERATIONS, ids=[c[0][:40] for c in ENUMERATIONS])
def test_several_forces_in_one_enumeration(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text,expected", LISTED_LATER, ids=[c[0][:40] for c in LISTED_LATER])
def test_forces_listed_after_a_move_of_several_forces(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text", STATUS_LISTS, ids=[c[:40] for c in STATUS_LISTS])
def test_status_lists_are_not_moves(text):
    assert _moves(text) == set()


@pytest.mark.parametrize("text,expected", BACKGROUND, ids=[c[0][:40] for c in BACKGROUND])
def test_background_moves(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text,expected", ANNOUNCED, ids=[c[0][:40] for c in ANNOUNCED])
def test_announced_decisions_take_the_publication_date(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text", NOT_MOVES, ids=[c[:40] for c in NOT_MOVES])
def test_look_alikes(text):
    assert _moves(text) == set()


def test_a_page_dated_only_by_its_url_dates_today_at_that_precision():
    text = "Statement on Kent Police being taken out of special measures"
    assert _moves(text, None, "https://example.gov.uk/news/2025/statement-kent") == {
        ("kent-police", "scan", "2025-01-01", "year")}
    assert _moves(text, None, "https://example.gov.uk/news/2025/june/statement-kent") == {
        ("kent-police", "scan", "2025-06-01", "month")}
    assert _moves(text, None) == {("kent-police", "scan", None, None)}


def test_a_caption_repeating_the_body_is_the_same_move():
    text = ("Kent Police leaves special measures\n"
            "Chief Constable Tim Smith outside headquarters, where the force marked leaving "
            "special measures\n"
            "Kent Police was removed from special measures on 3 June 2024, the inspectorate "
            "said.")
    assert _moves(text) == {("kent-police", "scan", "2024-06-03", "day")}


def test_site_chrome_around_the_story_makes_no_move():
    text = ("Publication types: Letter, PEEL\nPolice Forces: Kent, Essex\n"
            "Home | News | Engage | Scan | Contact\n"
            "Kent Police: routine monitoring of progress\n"
            "The force continues to improve its call handling.")
    assert _moves(text) == set()


@pytest.mark.parametrize("unit", ["Engage", "special measures,", "moved into Engage and"])
def test_a_sentence_of_sixteen_thousand_phase_words_finishes_quickly(unit):
    text = "Kent Police was " + " ".join([unit] * 16_000) + " routine monitoring."
    started = time.monotonic()
    _moves(text)
    assert time.monotonic() - started < 30  # the quadratic cost took minutes


@pytest.mark.parametrize("text,expected", [
    ("Our neighbours in Norfolk stepped down from Engage in May.",
     {("norfolk-constabulary", "scan", "2024-05-01", "month")}),
    ("Across the border, Dorset was escalated to special measures last year.",
     {("dorset-police", "engage", "2023-01-01", "year")}),
])
def test_a_bare_place_that_moves_is_the_force(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text", [
    "Dorset & Wiltshire Fire and Rescue Service has moved back into the Scan phase.",
    "Durham County Council was placed in special measures by Ofsted.",
    "The West Midlands mayor said the force should be put into special measures.",
])
def test_a_place_in_another_name_does_not_move(text):
    assert _moves(text) == set()
