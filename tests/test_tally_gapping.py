"""Totals told once for two forces, the second with its noun left out ("… and Surrey one").

Every case is written for this file. Near-misses: a number that is not the clause's last
word ("… and Essex Police 2 years ago …"), a status said of the first force (which may not
hold for the second), and the same force named again.
"""

from __future__ import annotations

import pytest
from tally_probe import COC, REC, tallies


@pytest.mark.parametrize("text, expected", [
    ("Both forces were moved into Engage. Sussex Police was given two causes of concern and "
     "Surrey Police one.",
     {("sussex-police", COC, 2, None, None), ("surrey-police", COC, 1, None, None)}),
    ("This week Gwent Police was handed three causes of concern, and Dyfed-Powys Police two.",
     {("gwent-police", COC, 3, None, None), ("dyfed-powys-police", COC, 2, None, None)}),
    ("Kent Police received three recommendations, Essex Police two, and Surrey Police four.",
     {("kent-police", REC, 3, None, None), ("essex-police", REC, 2, None, None),
      ("surrey-police", REC, 4, None, None)}),
    ("Cleveland Police was set five recommendations while Durham Constabulary two.",
     {("cleveland-police", REC, 5, None, None), ("durham-constabulary", REC, 2, None, None)}),
])
def test_a_second_force_and_a_number_take_the_first_total_kind(text, expected):
    assert tallies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # The number does not close the clause: it counts years, not findings.
    ("Kent Police was given three recommendations and Essex Police 2 years ago was given none.",
     {("kent-police", REC, 3, None, None)}),
    # A status said of the first is not carried to the second.
    ("Kent Police has closed three recommendations and Essex Police two.",
     {("kent-police", REC, None, 3, None)}),
    # The same force again is no second total.
    ("Kent Police was given three recommendations, and Kent Police 2 was a code name.",
     {("kent-police", REC, 3, None, None)}),
])
def test_near_misses_keep_to_the_first_force(text, expected):
    assert tallies(text) == expected
