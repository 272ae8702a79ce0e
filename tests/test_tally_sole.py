""""Raised one cause of concern" … "the cause of concern remains open": the one finding of a
set of one, said later to be still open, completes the tally with none closed. Near-misses:
a finding of a larger set, a sentence that only says it was raised, and a closure (which may
close another finding the document recounts) leave the counts as stated."""

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
