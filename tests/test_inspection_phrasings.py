"""Inspections as real pages report them, in our own words: dated by their own date, by
their report's when they have no other, at the precision the text gives; no event for an
inspection with no date phrase, a future one, a programme, or a fire and rescue service.

Published Wednesday 12 June 2024 unless a case says otherwise (None: unknown).
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)


def _inspections(text: str, published: date | None = PUBLISHED, url: str = "probe"):
    events = extract_events(Document(url=url, title="", text=text, published_date=published))
    return {(e.force_id, e.event_date.isoformat() if e.event_date else None, e.date_precision)
            for e in events if e.event_type == "inspection"}


CASES = [
    # A span is dated by its end month.
    ("Between 4 and 15 March 2024, we inspected Dorset Police.",
     {("dorset-police", "2024-03-01", "month")}),
    ("Our fieldwork at Kent Police ran from 28 January to 9 February 2024.",
     {("kent-police", "2024-02-01", "month")}),
    ("Inspectors examined Essex Police between October 2023 and January 2024.",
     {("essex-police", "2024-01-01", "month")}),
    # A span with no end: its start.
    ("Inspectors revisited Gwent Police from 5 May 2024 to review its progress.",
     {("gwent-police", "2024-05-05", "day")}),
    # A single-year label dates at year precision; a programme span does not date.
    ("Suffolk Constabulary: Crime Data Integrity inspection 2017",
     {("suffolk-constabulary", "2017-01-01", "year")}),
    ("PEEL 2021/22: an inspection of Norfolk Constabulary", set()),
    ("In our 2023-25 PEEL inspection of Cumbria Constabulary we found gaps.",
     {("cumbria-constabulary", None, None)}),
    # The report's date stands in only when nothing else dates the inspection.
    ("The inspectorate published its report on Lincolnshire Police on 2 May 2024.",
     {("lincolnshire-police", "2024-05-02", "day")}),
    ("We inspected Durham Constabulary in January 2024. On 3 April 2024 we published our "
     "inspection report.", {("durham-constabulary", "2024-01-01", "month")}),
    ("Dorset Police welcomed the HMICFRS inspection report into its performance, published "
     "today.", {("dorset-police", "2024-06-12", "day")}),
    # A revisit letter's heading is dated by the letter, unless the revisit has its own date.
    ("Surrey Police: cause of concern revisit letter\nWe write to set out our findings.",
     {("surrey-police", "2024-06-12", "day")}),
    ("Surrey Police: cause of concern revisit letter\nWe revisited the force in May 2024.",
     {("surrey-police", "2024-05-01", "month")}),
    # Background inspections keep their own date.
    ("The force has improved since we last inspected Essex Police in 2021.",
     {("essex-police", "2021-01-01", "year")}),
    ("Kent Police has responded well to our last inspection in 2022.",
     {("kent-police", "2022-01-01", "year")}),
    ("Gwent Police said an inspection earlier this year had found improvements.",
     {("gwent-police", "2024-01-01", "year")}),
]

NO_EVENT = [
    # No date phrase at all.
    "In its most recent inspection, Kent Police was found to need improvement.",
    "The inspection of Dorset Police looked at nine areas of policing.",
    # Future or hypothetical.
    "Inspectors will revisit Essex Police next spring.",
    "Gwent Police may be subject to a further unannounced inspection.",
    # The process, or many forces.
    "Every force is inspected as part of the PEEL programme.",
    "Our 2019 PEEL inspections of all 43 forces found common themes.",
    "In 2023 we were commissioned to inspect the constabulary.",
    # A fire and rescue service.
    "Inspectors visited Kent Fire and Rescue Service stations in March 2024.",
    # A verb, not a report.
    "The inspectorate reports on Kent Police's handling of stalking.",
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:45] for c in CASES])
def test_inspections(text, expected):
    assert _inspections(text) == expected


@pytest.mark.parametrize("text", NO_EVENT, ids=[c[:45] for c in NO_EVENT])
def test_no_inspection_event(text):
    assert _inspections(text) == set()


def test_a_date_phrase_that_cannot_be_resolved_gives_a_null_date():
    text = "Gwent Police said an inspection earlier this year had found improvements."
    assert _inspections(text, None) == {("gwent-police", None, None)}


def test_without_a_publication_date_a_heading_gives_no_date():
    text = "Surrey Police: cause of concern revisit letter\nWe write to set out our findings."
    assert _inspections(text, None) == set()


def test_report_dated_today_on_a_page_dated_by_its_url():
    text = "Kent Police has welcomed the inspection report published today."
    assert _inspections(text, None, "https://example.org/news/2025/june/kent-report") == {
        ("kent-police", "2025-06-01", "month")}


def test_an_inspection_named_twice_is_one_event():
    text = ("Cumbria Constabulary 2016 inspection\n"
            "The 2016 inspection of Cumbria Constabulary was published in July 2016.")
    assert _inspections(text) == {("cumbria-constabulary", "2016-07-01", "month")}


@pytest.mark.parametrize("text,force", [
    ("Gwent Police was escalated into Engage on 2 May 2024. Dorset Police was not.\n"
     "The decision followed an inspection in March 2024 which found the force slow to "
     "answer calls.", "gwent-police"),
    ("Norfolk Constabulary has been placed in special measures. Suffolk Constabulary, its "
     "neighbour, stays in routine monitoring.\nThe move follows a PEEL inspection in the "
     "autumn that rated the force inadequate.", "norfolk-constabulary"),
])
def test_after_the_decision_the_force_is_the_one_the_story_is_about(text, force):
    assert {f for f, _, _ in _inspections(text)} == {force}


def test_the_force_named_last_is_the_one_inspected_otherwise():
    text = ("Gwent Police was escalated into Engage on 2 May 2024. Dorset Police was not.\n"
            "Inspectors revisited the force in March 2024.")
    assert {f for f, _, _ in _inspections(text)} == {"dorset-police"}


def test_a_date_listed_after_a_title_is_its_publication_date():
    text = ("Kent Police: cause of concern revisit letter – 5 May 2023\n"
            "We revisited Kent Police in April 2023 to check its progress.")
    assert _inspections(text) == {("kent-police", "2023-04-01", "month")}


def test_a_date_in_brackets_after_a_title_is_its_publication_date():
    text = ("Surrey Police: Engage revisit letter (June 2023)\n"
            "We revisited Surrey Police in May 2023 to check its progress.")
    assert _inspections(text) == {("surrey-police", "2023-05-01", "month")}
    # Alone, the letter's date still stands in for the revisit's.
    assert _inspections("Surrey Police: Engage revisit letter (June 2023)\nThe letter sets "
                        "out what we found.") == {("surrey-police", "2023-06-01", "month")}
