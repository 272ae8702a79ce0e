"""The same date in the other shapes UK copy writes it: an abbreviated month with its full
stop, a weekday before the day, a span whose two ends are written in full. Each shape gives
the date the plain form gives; a look-alike keeps its own reading.

Published Wednesday 12 June 2024 (inspection_probe.PUBLISHED).
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.codes import Precision
from pipeline.extract import extract_events
from pipeline.extract.dates import Label, resolve
from pipeline.models import Document
from pipeline.rules import load_rules
from tests.inspection_probe import PUBLISHED, day, inspections_in, month


def _moves(text: str) -> set[tuple]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    return {(e.force_id, e.phase_to, e.event_date.isoformat() if e.event_date else None,
             e.date_precision) for e in events if e.event_type == "phase_change"}


@pytest.mark.parametrize("text,expected", [
    ("Durham Constabulary was escalated to Engage in Sept. 2023 after a poor inspection.",
     ("durham-constabulary", "engage", "2023-09-01", "month")),
    ("Dorset Police left enhanced monitoring in Feb. 2024, the inspectorate said.",
     ("dorset-police", "scan", "2024-02-01", "month")),
    ("Back in Oct. 2022 the watchdog put Surrey Police into special measures.",
     ("surrey-police", "engage", "2022-10-01", "month")),
])
def test_an_abbreviated_month_with_its_full_stop_keeps_the_month(text, expected):
    assert expected in _moves(text)


@pytest.mark.parametrize("text,expected", [
    ("Kent Police was placed into Engage on Tuesday 3 October 2023.",
     ("kent-police", "engage", "2023-10-03", "day")),
    ("On Friday, 5 May 2023, Essex Police was moved back to routine monitoring.",
     ("essex-police", "scan", "2023-05-05", "day")),
    ("Gwent Police entered special measures on Monday 6 May, the force confirmed.",
     ("gwent-police", "engage", "2024-05-06", "day")),
])
def test_a_weekday_before_the_day_is_part_of_the_date(text, expected):
    assert expected in _moves(text)


def test_a_weekday_alone_is_still_the_most_recent_such_day():
    # near-miss: with no day number after it, "on Monday" is the Monday before publication
    assert _moves("Gwent Police entered special measures on Monday, the force said.") == {
        ("gwent-police", "engage", "2024-06-10", "day")}


@pytest.mark.parametrize("text,expected", [
    ("Inspectors went back to Kent Police between 10th of June 2024 and 12th of June 2024.",
     month("kent-police", "2024-06")),
    ("We revisited Surrey Police from 20/05/2024 to 24/05/2024 to check its progress.",
     month("surrey-police", "2024-05")),
    ("Our team inspected Essex Police from Monday 8 to Friday 12 April 2024.",
     month("essex-police", "2024-04")),
    ("We revisited Dorset Police between 29 April 2024 and 3 May 2024.",
     month("dorset-police", "2024-05")),
])
def test_a_span_with_both_ends_written_out_is_dated_by_its_end_month(text, expected):
    assert inspections_in(text) == {expected}


def test_one_numeric_date_stays_a_day():
    # near-miss: a single day-first date is no span
    assert inspections_in("We revisited Surrey Police on 20/05/2024 to check its progress."
                          ) == {day("surrey-police", "2024-05-20")}


@pytest.mark.parametrize("words,expected", [
    ("between 10/06/2024 and 12/07/2024", (date(2024, 7, 1), Precision.MONTH)),
    ("from 1.3.2023 to 9.3.2023", (date(2023, 3, 1), Precision.MONTH)),
    ("between 30/02/2023 and 31/02/2023", (None, None)),  # no such end day
])
def test_a_numeric_span_reads_its_end_month(words, expected):
    assert resolve(Label.NUMERIC_SPAN, words.split(), PUBLISHED, load_rules()) == expected
