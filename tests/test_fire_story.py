"""A fire and rescue service's story gives no police force any event, even where the page
names the police force (a police, fire and crime commissioner covers both) or the
inspectorate by its full name, whose words include "Constabulary"."""

from __future__ import annotations

from datetime import date

from pipeline.extract import extract_events
from pipeline.models import Document

FIRE_STORY = """Cleveland Fire Brigade placed in enhanced monitoring
Cleveland Commissioner
Police | Fire and rescue | News
4 June 2025

Cleveland Fire Brigade has been moved into the Engage phase after inspectors found gaps \
in its protection work.

His Majesty's Inspectorate of Constabulary and Fire & Rescue Services raised three causes \
of concern in its latest inspection of the brigade, carried out in March this year.

Eight recommendations go with them.

The Police, Fire and Crime Commissioner, who also oversees Cleveland Police, said: "I \
expect a plan within weeks and I will hold the chief fire officer to it."

Durham's fire and rescue service was placed in Engage in 2023."""

POLICE_STORY = """Cleveland Police placed in enhanced monitoring
4 June 2025

Cleveland Police has been moved into the Engage phase after inspectors found gaps in how \
it answers calls.

His Majesty's Inspectorate of Constabulary and Fire & Rescue Services raised three causes \
of concern in its latest inspection, carried out in March this year.

Eight recommendations go with them."""


def _facts(text: str) -> set[tuple]:
    doc = Document(url="fire", title=text.splitlines()[0], text=text,
                   published_date=date(2025, 6, 4))
    return {(e.event_type, e.force_id) for e in extract_events(doc)
            if e.event_type != "statement"}


def test_a_fire_services_story_gives_no_police_force_an_event():
    assert _facts(FIRE_STORY) == set()


def test_the_same_story_of_a_police_force_gives_its_events():
    assert {("phase_change", "cleveland-police"), ("inspection", "cleveland-police"),
            ("recommendation", "cleveland-police")} <= _facts(POLICE_STORY)
