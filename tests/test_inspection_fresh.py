"""Inspections told the way fresh copy tells them, in our own words: revisits said as
inspectors coming back, dates that belong to another event across "after" or "following",
a trigger's own object naming its force, a heading's edition year that names the inspection
the body dates.

Published Wednesday 12 June 2024 unless a case says otherwise.
"""

from __future__ import annotations

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document
from tests.inspection_probe import PUBLISHED, inspections_in

REVISITS = [
    ("Lancashire Constabulary was told its cause of concern had been closed once inspectors "
     "came back in April.", {("lancashire-constabulary", "2024-04-01", "month")}),
    ("Dyfed-Powys Police improved its call handling. When inspectors went back in "
     "February, they found the backlog gone.", {("dyfed-powys-police", "2024-02-01", "month")}),
    ("Inspectors were back at Norfolk Constabulary in May 2024 to check on its progress.",
     {("norfolk-constabulary", "2024-05-01", "month")}),
    # Near miss: the inspectorate returning a force to Scan is a move, not a revisit.
    ("HMICFRS returned Lancashire Constabulary to routine monitoring in April.", set()),
]


@pytest.mark.parametrize(("text", "expected"), REVISITS)
def test_inspectors_coming_back_is_a_revisit(text: str, expected: set) -> None:
    assert inspections_in(text) == expected


def test_coming_back_is_a_revisit_not_the_inspection() -> None:
    """A revisit does not stand for the inspection, so both are kept apart."""
    found = extract_events(Document(
        url="probe", title="", published_date=PUBLISHED,
        text="We inspected Suffolk Constabulary in March 2023. Inspectors came back to "
             "Suffolk Constabulary in March 2024."))
    kinds = {e.event_date.isoformat() for e in found if e.event_type == "inspection"}
    assert kinds == {"2023-03-01", "2024-03-01"}


SEQUENCE = [
    # The date before "after" or "following" dates the other event when the inspection
    # has a date of its own.
    ("Cheshire Constabulary entered Engage in March 2024, after a PEEL inspection of its "
     "call handling in November 2023.", {("cheshire-constabulary", "2023-11-01", "month")}),
    ("In April 2024, following our inspection of Surrey Police in January, we wrote to "
     "the chief constable.", {("surrey-police", "2024-01-01", "month")}),
    ("Durham Constabulary was escalated in May 2024 following an inspection of its "
     "custody suites in February.", {("durham-constabulary", "2024-02-01", "month")}),
    # Near miss: a date before a comma'd aside still dates the inspection it opens.
    ("In March 2024, after a long delay, we inspected Surrey Police.",
     {("surrey-police", "2024-03-01", "month")}),
]


@pytest.mark.parametrize(("text", "expected"), SEQUENCE)
def test_a_date_across_after_dates_the_other_event(text: str, expected: set) -> None:
    assert inspections_in(text) == expected


def test_a_month_named_may_is_not_speculation() -> None:
    assert inspections_in("Essex Police was moved into Engage in May 2024 following an "
                        "inspection in March.") == {("essex-police", "2024-03-01", "month")}
    assert inspections_in("Essex Police may face an inspection in March.") == set()


OBJECTS = [
    # A trigger whose object is a force takes that force alone, not the sentence's others.
    ("In March 2024 we inspected Kent Police, Essex Police and Suffolk Constabulary, and "
     "in May 2024 we revisited Essex Police.",
     {("kent-police", "2024-03-01", "month"), ("essex-police", "2024-03-01", "month"),
      ("suffolk-constabulary", "2024-03-01", "month"), ("essex-police", "2024-05-01", "month")}),
    ("Between 2 and 6 April 2024 inspectors visited Dorset Police and Devon and Cornwall "
     "Police, and in June 2024 they re-inspected Dorset Police.",
     {("dorset-police", "2024-04-01", "month"),
      ("devon-and-cornwall-police", "2024-04-01", "month"),
      ("dorset-police", "2024-06-01", "month")}),
    # Near miss: a trigger with no force as its object still takes every force named.
    ("Fieldwork in Kent Police and Essex Police ended in March 2024.",
     {("kent-police", "2024-03-01", "month"), ("essex-police", "2024-03-01", "month")}),
]


@pytest.mark.parametrize(("text", "expected"), OBJECTS)
def test_a_trigger_takes_the_forces_it_names_as_object(text: str, expected: set) -> None:
    assert inspections_in(text) == expected
