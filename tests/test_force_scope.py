"""The one "which force" resolver and fire check, on texts that cover both a police force
and a fire and rescue service (the inspectorate inspects both)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.extract.force_scope import FALLBACKS, Fallback, Refer
from pipeline.models import Document

PUBLISHED = date(2024, 3, 5)
# The text names a fire service, so a clause without a police word may be about it.
FIRE_LEAD = ("Dorset and Wiltshire Fire and Rescue Service was inspected last year. "
             "Wiltshire Police has also been under scrutiny. ")


def _moves(text: str) -> set[tuple[str, str, str]]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    return {(e.force_id, e.phase_from, e.phase_to) for e in events
            if e.event_type == "phase_change"}


@pytest.mark.parametrize("sentence", [
    "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services said it had "
    "been removed from Engage.",
    "HM Inspectorate of Constabulary and Fire and Rescue Services confirmed it was moved "
    "out of the Engage phase in February 2024.",
])
def test_the_inspectorate_s_own_name_does_not_make_a_fire_clause(sentence):
    assert ("wiltshire-police", "engage", "scan") in _moves(FIRE_LEAD + sentence)


@pytest.mark.parametrize("sentence", [
    "Inspectors said the fire stations had been moved out of Engage.",
    "The inspectorate said the service had been removed from Engage.",
])
def test_a_clause_about_fire_stations_moves_no_police_force(sentence):
    assert not any(force == "wiltshire-police" for force, _, _ in _moves(FIRE_LEAD + sentence))


def test_refer_modes_and_fallbacks_compare_as_their_plain_names():
    # Other extractors pass refer="before" and fallback=("single",): the codes must equal them.
    assert Refer.BEFORE == "before" and Refer.LOOSE == "loose" and Refer.STRICT == "strict"
    assert tuple(FALLBACKS) == ("lead", "single", "dominant", "primary")
    assert Fallback.SINGLE in FALLBACKS
