"""A tally completed by what a later sentence says of the whole set: "raised one cause of
concern" … "the cause of concern remains open" (the one finding of a set of one, still open),
"made three recommendations" … "the recommendations remain open" (a definite plural right
before its verb). Near-misses: a finding of a larger set, a sentence that only says it was
raised, a closure of "the cause of concern" (which may close another finding the document
recounts), a count of some ("the three outstanding"), a restrictive clause ("the
recommendations that have been achieved") and "the remaining causes of concern" leave the
counts as stated."""

from __future__ import annotations

import pytest
from tally_probe import COC, REC, tallies

HEAD = "Surrey Police update\n\n"


@pytest.mark.parametrize("text, expected", [
    ("The inspection raised one cause of concern at Surrey Police, about 101 calls. Members "
     "heard that the cause of concern remains open.", {("surrey-police", COC, 1, 0, 1)}),
    ("HMICFRS made one recommendation to Surrey Police in May. That recommendation is still "
     "outstanding.", {("surrey-police", REC, 1, 0, 1)}),
    ("Surrey Police was given one cause of concern in 2024. The panel noted that the "
     "cause of concern had not yet been closed.", {("surrey-police", COC, 1, 0, 1)}),
])
def test_a_sole_finding_still_open_completes_the_tally(text, expected):
    assert tallies(HEAD + text) == expected


@pytest.mark.parametrize("text, expected", [
    # One of two: the counts stay as stated.
    ("The inspection raised two causes of concern at Surrey Police. The cause of concern on "
     "101 calls remains open.", {("surrey-police", COC, 2, None, None)}),
    # Only raised: newly raised says nothing of a revisit.
    ("The inspection raised one cause of concern at Surrey Police. The cause of concern was "
     "identified during fieldwork in March.", {("surrey-police", COC, 1, None, None)}),
    # A closure is not read as the counted one's.
    ("The inspection raised one cause of concern at Surrey Police. The cause of concern from "
     "2019 has been closed.", {("surrey-police", COC, 1, None, None)}),
])
def test_other_mentions_leave_the_counts_as_stated(text, expected):
    assert tallies(HEAD + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("HMICFRS made four recommendations to Surrey Police. The recommendations remain open.",
     {("surrey-police", REC, 4, 0, 4)}),
    ("HMICFRS raised two causes of concern at Surrey Police in 2023. Its causes of concern have "
     "now been closed.", {("surrey-police", COC, 2, 2, 0)}),
])
def test_a_definite_plural_before_its_verb_is_the_whole_set(text, expected):
    assert tallies(HEAD + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("HMICFRS made five recommendations to Surrey Police. The recommendations that have been "
     "achieved concern vetting and training.", {("surrey-police", REC, 5, None, None)}),
    ("HMICFRS made five recommendations to Surrey Police. We will look again at the three "
     "outstanding recommendations.", {("surrey-police", REC, 5, 2, 3)}),
    ("HMICFRS raised two causes of concern at Surrey Police. The force's remaining causes of "
     "concern will be reviewed in May.", {("surrey-police", COC, 2, None, None)}),
    ("HMICFRS made six recommendations to Surrey Police. Two of the recommendations have "
     "since been closed.", {("surrey-police", REC, 6, 2, 4)}),
])
def test_some_of_the_set_is_not_the_whole(text, expected):
    assert tallies(HEAD + text) == expected


@pytest.mark.parametrize("text", [
    "HMICFRS made two recommendations to Surrey Police. The first concerns the force.",
    "HMICFRS made two recommendations to Surrey Police. The second relates to them.",
])
def test_an_ordinal_that_names_nothing_is_read_without_failing(text):
    assert tallies(HEAD + text) == {("surrey-police", REC, 2, None, None)}
