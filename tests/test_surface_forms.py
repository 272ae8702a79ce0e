"""The same facts in the other surface forms UK copy uses: a phase name in capitals or lower
case, an abbreviated rank, a count written as "a dozen". Each form gives the events the plain
form gives; a look-alike next to each keeps its own reading. Every text is written here.

Published Wednesday 12 June 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document
from tests.statement_probe import statements_in
from tests.tally_probe import tallies

PUBLISHED = date(2024, 6, 12)
COC, REC = "cause_of_concern", "recommendation"
QUOTE = '"We accept the findings in full and have already begun the work they ask of us."'


def _events(text: str) -> list:
    return extract_events(Document(url="probe", title="", text=text, published_date=PUBLISHED))


def _moves(text: str) -> set[tuple]:
    return {(e.force_id, e.phase_to, e.event_date.isoformat() if e.event_date else None,
             e.date_precision) for e in _events(text) if e.event_type == "phase_change"}


def _reasons(text: str) -> set[tuple]:
    return {(e.force_id, e.subject_kind, e.status) for e in _events(text)
            if e.event_type == "recommendation" and e.subject}


@pytest.mark.parametrize("text", [
    "Suffolk Constabulary: entered Engage 2021",
    "Suffolk Constabulary: entered ENGAGE 2021",
    "SUFFOLK CONSTABULARY ENTERED ENGAGE 2021",
])
def test_a_year_after_the_phase_in_capitals_dates_the_move(text):
    assert ("suffolk-constabulary", "engage", "2021-01-01", "year") in _moves(text)


@pytest.mark.parametrize("text", [
    "Suffolk Constabulary has been placed in engage because of two causes of concern: one on "
    "its handling of emergency calls and one on how it supervises investigations.",
    "Suffolk Constabulary has been placed in ENGAGE because of two causes of concern: one on "
    "its handling of emergency calls and one on how it supervises investigations.",
    "Suffolk Constabulary was moved into engage due to two causes of concern: one on its "
    "handling of emergency calls and one on how it supervises investigations.",
])
def test_reasons_for_a_move_into_engage_in_any_casing_are_open_concerns(text):
    assert _reasons(text) == {("suffolk-constabulary", COC, "open")}


def test_the_verb_engage_gives_the_reasons_no_status():
    # near-miss: "engage with" is the verb, so no move gives the concerns a status
    text = ("Suffolk Constabulary will engage with residents because of two causes of "
            "concern: one on its handling of emergency calls and one on how it supervises "
            "investigations.")
    assert _reasons(text) == {("suffolk-constabulary", COC, None)}


@pytest.mark.parametrize("text,name", [
    (f"Ch Con Jo Marsh said: {QUOTE}", "Jo Marsh"),
    (f"{QUOTE[:-2]}," + '" said Kent Police Ch Con Ravi Shah.', "Ravi Shah"),
    (f"Responding, Chf Con Alan Pryce said: {QUOTE}", "Alan Pryce"),
])
def test_an_abbreviated_chief_constable_keeps_the_role(text, name):
    found = statements_in("Kent Police news\n" + text)
    assert found[name].person_role == "chief_constable"


def test_an_abbreviated_chief_superintendent_is_not_the_chief_constable():
    # near-miss: "Ch Supt" shares the first word and is another rank
    found = statements_in(f"Kent Police news\nCh Supt Jo Marsh said: {QUOTE}")
    assert found["Jo Marsh"].person_role == "other"


@pytest.mark.parametrize("text,expected", [
    ("Kent Police was given a dozen recommendations in 2023. Nine of the recommendations "
     "have since been closed.", ("kent-police", REC, 12, 9, 3)),
    ("Nine of the dozen recommendations made to Kent Police have now been closed.",
     ("kent-police", REC, 12, 9, 3)),
    ("Kent Police has closed a dozen of its 15 recommendations.",
     ("kent-police", REC, 15, 12, 3)),
])
def test_a_dozen_counts_twelve(text, expected):
    assert expected in tallies(text)


def test_a_single_recommendation_is_no_count():
    # near-miss: the article alone before the noun counts nothing
    assert tallies("Kent Police has closed a recommendation on custody.") == set()


CHIEF_SPEAKS = ("Sussex Police's chief constable has insisted the force is sound.\n"
                f"Jo Shiner told reporters: {QUOTE}")


@pytest.mark.parametrize("headline", [
    "Sussex Police chief rejects claims of trouble\nSussex Police Chief Rejects Claims Of "
    "Trouble",
    "Police Chief Dismisses Claims Force Faces Special Measures",
    "Chief constable disputes claims over Engage\nChief Constable Disputes Claims Over "
    "Engage",
])
def test_a_verb_after_a_title_in_a_title_case_headline_is_no_name(headline):
    found = statements_in(f"{headline}\n{CHIEF_SPEAKS}")
    assert set(found) == {"Jo Shiner"}
    assert found["Jo Shiner"].person_role == "chief_constable"


def test_a_full_name_in_a_title_case_headline_that_speaks_is_kept():
    # near-miss: two name words and a said-verb after them are a person
    found = statements_in(f"PCC Jane Doe Responds To Report\nThe report came out today.\n"
                          f"She said: {QUOTE}")
    assert found["Jane Doe"].person_role == "police_and_crime_commissioner"


@pytest.mark.parametrize("body", [
    "Of the 18 open HMIC recommendations reported in March, ten had since been closed.",
    "Of the 18 open HMICRFS recommendations reported in March, ten had since been closed.",
    "Of its 18 HMICFRS recommendations, ten had since been closed.",
])
def test_the_inspectorate_named_any_way_between_a_count_and_its_noun(body):
    assert ("warwickshire-police", REC, 18, 10, 8) in tallies(f"Warwickshire Police\n{body}")


def test_a_count_of_inspectors_is_no_tally():
    # near-miss: the inspectorate's name before another noun counts no recommendations
    assert tallies("Warwickshire Police\nEighteen HMIC inspectors visited the force in May."
                   ) == set()
