"""Which force a finding belongs to: the one its sentence names, else the one last named
before it, unless the sentence is about a fire and rescue service (force_scope).

Every text is written for this test; published 12 June 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)


def _findings(text: str) -> list[tuple[str | None, str | None, str | None]]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    return [(e.force_id, e.subject, e.status) for e in events
            if e.event_type == "recommendation"]


FIRE_CASES = [
    # A fire service's own finding, after the police force is named: not the force's.
    ("Inspectors closed the cause of concern about vetting at Lancashire Constabulary. The "
     "county's firefighters heard that the service still has one cause of concern, on "
     "protection work.", [("lancashire-constabulary", "vetting", "closed")]),
    ("Dorset Police has closed its cause of concern on custody. The fire service told the "
     "panel that its cause of concern about prevention visits remains open.",
     [("dorset-police", "custody", "closed")]),
    # Near miss: a fire service is mentioned, but the later finding is the force's own.
    ("Cumbria Constabulary has closed its cause of concern on call handling. Cumbria Fire and "
     "Rescue Service also spoke at the meeting. The force said its remaining cause of "
     "concern, on crime recording, is still open.",
     [("cumbria-constabulary", "call handling", "closed"),
      ("cumbria-constabulary", "crime recording", "open")]),
]


@pytest.mark.parametrize("text,expected", FIRE_CASES, ids=[c[0][:40] for c in FIRE_CASES])
def test_fire_service_findings_are_no_forces(text, expected):
    assert sorted(_findings(text)) == sorted(expected)


def test_a_compared_list_is_not_referred_to():
    """After "joins A, B and C in Engage" a finding is the story's force's, not C's."""
    text = ("Gwent Police has been moved into Engage. The force joins Cleveland, Wiltshire "
            "and the Metropolitan Police in the process.\n\nInspectors raised a cause of "
            "concern about how it supervises investigations.")
    assert _findings(text) == [("gwent-police", "how it supervises investigations", "open")]


def test_a_force_without_a_findings_process_gets_none():
    text = "HMICS raised a cause of concern with Police Scotland about its custody suites."
    assert _findings(text) == []
