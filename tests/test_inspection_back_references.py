""""This inspection", "the same inspection": a trigger that points back at an inspection the
text told already gives that force no second inspection, dated by whatever its own sentence
says (an announcement today, a report's publication)."""

from __future__ import annotations

import pytest
from inspection_probe import inspections_in

VISITS = ("Stalking report published\n\nInspectors visited three forces between June and "
          "October 2023: Kent Police, Essex Police and Surrey Police.\n\n")


@pytest.mark.parametrize("later", [
    "HMICFRS has today announced that Surrey Police, one of the forces visited for this "
    "inspection, has left the Engage phase.",
    "Surrey Police, which took part in the same inspection, said today it welcomed the report.",
])
def test_a_pointing_back_trigger_adds_no_inspection(later):
    found = inspections_in(VISITS + later)
    assert ("surrey-police", "2023-10-01", "month") in found
    assert len(found) == 3


def test_a_pointing_back_trigger_is_an_inspection_when_it_is_the_only_one():
    assert inspections_in("Kent report\n\nThis inspection of Kent Police took place in May "
                          "2023.") == {("kent-police", "2023-05-01", "month")}


def test_another_force_pointed_at_keeps_its_own_inspection():
    found = inspections_in(VISITS + "Inspectors went to Sussex Police in May 2024 for this "
                           "inspection's second stage.")
    assert ("sussex-police", "2024-05-01", "month") in found
