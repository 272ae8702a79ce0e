""""Of the N <findings> …, M have been closed": the bare counts after a fronted whole are its
parts, even when the whole's phrase names another kind of finding inside it; an exception
joined to a closed set shares its status; a line naming only a force heads the counts below."""

from __future__ import annotations

import pytest
from tally_probe import COC, REC, tallies

HEAD = "Kent Police news\n\n"


@pytest.mark.parametrize("text, expected", [
    ("Kent Police has made progress. Of the five recommendations made under its two causes "
     "of concern, three have been closed; the other two remain under review.",
     {("kent-police", COC, 2, None, None), ("kent-police", REC, 5, 3, 2)}),
    ("Of the ten recommendations linked to the three causes of concern at Kent Police, eight "
     "had been discharged.",
     {("kent-police", COC, 3, None, None), ("kent-police", REC, 10, 8, 2)}),
    ("Of the six recommendations made to Kent Police in its two causes of concern, four are "
     "closed, one is partly achieved and one has not been assessed.",
     {("kent-police", COC, 2, None, None), ("kent-police", REC, 6, 4, 2)}),
    # The whole opens a clause after a report of what was said.
    ("The panel heard that, of the seven recommendations tied to the two causes of concern "
     "at Kent Police, five had been signed off.",
     {("kent-police", COC, 2, None, None), ("kent-police", REC, 7, 5, 2)}),
    ("The chief constable said that of the nine recommendations attached to the three causes "
     "of concern at Kent Police, six were met.",
     {("kent-police", COC, 3, None, None), ("kent-police", REC, 9, 6, 3)}),
])
def test_parts_after_a_fronted_whole_count_its_kind(text, expected):
    assert tallies(HEAD + text) == expected


def test_a_whole_inside_a_clause_that_opens_nothing_is_no_fronted_whole():
    # "of the ten" after a noun is its complement, not a fronted whole.
    assert tallies(HEAD + "Kent Police closed most of the ten recommendations linked to "
                   "the three causes of concern, eight in all.") == {
        ("kent-police", COC, 3, None, None), ("kent-police", REC, 10, None, None)}


def test_a_count_with_its_own_noun_after_a_fronted_whole_keeps_its_kind():
    assert tallies(HEAD + "Of the five recommendations made to Kent Police, three have been "
                   "closed and two new causes of concern were raised.") == {
        ("kent-police", COC, 2, None, None), ("kent-police", REC, 5, 3, 2)}


@pytest.mark.parametrize("text, expected", [
    ("Both causes of concern at Kent Police have now been discharged, along with all but one "
     "of the eleven recommendations attached to them.",
     {("kent-police", COC, 2, 2, 0), ("kent-police", REC, 11, 10, 1)}),
    ("The inspectorate closed both causes of concern at Kent Police and all but two of its "
     "nine recommendations.", {("kent-police", COC, 2, 2, 0), ("kent-police", REC, 9, 7, 2)}),
])
def test_an_exception_joined_to_a_closed_set_shares_its_status(text, expected):
    assert tallies(HEAD + text) == expected


def test_a_line_naming_only_a_force_heads_the_counts_below_it():
    text = ("Forces moved\n\nKent Police and Essex Police were moved into Engage.\n\n"
            "Kent Police\n\nInspectors found two causes of concern during a PEEL inspection. "
            "The inspectorate has made nine recommendations to the force.\n\nEssex Police\n\n"
            "Inspectors found three causes of concern.")
    assert tallies(text) == {("kent-police", COC, 2, None, None),
                             ("kent-police", REC, 9, None, None),
                             ("essex-police", COC, 3, None, None)}


def test_a_heading_line_of_another_kind_owns_nothing():
    text = ("Forces moved\n\nKent Police and Essex Police were moved into Engage.\n\n"
            "Notes\n\nInspectors found two causes of concern across the forces visited.")
    assert tallies(text) == set()
