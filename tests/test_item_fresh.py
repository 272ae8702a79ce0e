"""A battery of item phrasings seen in panel papers and letters that the first battery lacks.

Each case is a short text written for this file, scored as tests/test_item_battery.py
scores its cases. The forms: concerns given as the reasons for a move into Engage told
years later (GUIDELINES: open unless the text says otherwise); members of a counted set named after
an inclusion phrase ("the remaining five, including those on A and B, …") or handed out
after a colon that words qualifying the set stand before; and quantifiers that deny a
status ("neither of the two … had been addressed"); and a verb saying what one finding
is about after the words that qualify it ("the only recommendation still open concerns …");
a finding named by its place as the object of the verb giving it ("… and raises a second,
about …"); and what a force was asked to do, then "This recommendation …".
"""

from __future__ import annotations

import pytest

from tests.test_item_battery import CLOSED, COC, OPEN, REC, _gap, _unmatched, case

RECOUNTED = [
    case("Cambridgeshire Constabulary was moved into Engage in 2021 after inspectors raised "
         "concerns about its crime recording and its handling of 999 calls.",
         ("cambridgeshire-constabulary", COC, OPEN, "its crime recording"),
         ("cambridgeshire-constabulary", COC, OPEN, "its handling of 999 calls")),
    case("In March 2022 Gwent Police was placed in special measures because of concerns over "
         "how it supervises investigations.",
         ("gwent-police", COC, OPEN, "how it supervises investigations")),
    case("Back in 2020, Cleveland Police entered Engage amid concerns about the way it "
         "protects vulnerable people. Those concerns have since been addressed.",
         ("cleveland-police", COC, CLOSED, "the way it protects vulnerable people"),
         marks=[_gap("'Those concerns' restating reasons given for a move is not read")]),
    # A move with no reasons names no concern.
    case("Northamptonshire Police was moved into Engage in 2021 after a difficult year."),
]

INCLUSIONS = [
    case("Of the 12 recommendations made to Kent Police, nine have been closed. The remaining "
         "three, including one on the vetting of new recruits, are still being worked on.",
         ("kent-police", REC, OPEN, "the vetting of new recruits")),
    case("Inspectors made eight recommendations to Essex Police. Six have been closed; the "
         "other two, which include one about the supervision of detectives, remain open.",
         ("essex-police", REC, OPEN, "the supervision of detectives")),
    case("Lancashire Constabulary has completed seven of its ten recommendations. The rest, "
         "among them those on call handling and on missing children, are in progress.",
         ("lancashire-constabulary", REC, OPEN, "call handling"),
         ("lancashire-constabulary", REC, OPEN, "missing children")),
    case("Of Dorset Police's nine recommendations, four are done. The outstanding five, "
         "including those on the recording of strip searches and the provision of "
         "interpreters, are expected to take another year.",
         ("dorset-police", REC, OPEN, "the recording of strip searches"),
         ("dorset-police", REC, OPEN, "the provision of interpreters")),
    # The set's own status, said before the inclusion.
    case("Durham Constabulary was given six recommendations. Four have now been signed off, "
         "including one on the use of body-worn video.",
         ("durham-constabulary", REC, CLOSED, "the use of body-worn video")),
    case("Inspectors raised three causes of concern with Norfolk Constabulary, including one "
         "about its response to missing children.",
         ("norfolk-constabulary", COC, OPEN, "its response to missing children")),
]

# Words qualifying a counted set may stand before the colon that hands out its members.
MODIFIED = [
    case("Leicestershire Police has been placed in Engage because of two causes of concern "
         "identified in its PEEL inspection this summer: one on the protection of children "
         "and one on the accuracy of its crime recording.",
         ("leicestershire-police", COC, OPEN, "the protection of children"),
         ("leicestershire-police", COC, OPEN, "the accuracy of its crime recording")),
    case("Inspectors raised two causes of concern in their inspection of Kent Police this "
         "spring: one about its call handling and one about its custody suites.",
         ("kent-police", COC, OPEN, "its call handling"),
         ("kent-police", COC, OPEN, "its custody suites")),
    case("Inspectors have made three recommendations to Cleveland Police after their visit "
         "to its custody suites: one on strip searches, one on interpreters and one on cell "
         "checks.",
         ("cleveland-police", REC, OPEN, "strip searches"),
         ("cleveland-police", REC, OPEN, "interpreters"),
         ("cleveland-police", REC, OPEN, "cell checks")),
    # A clause break before the colon: the members are someone else's list.
    case("Kent Police has two causes of concern, the inspectorate said, and it named three "
         "priorities: one on pay and one on training."),
]

# A quantifier that denies the status of every finding it counts.
NEGATED = [
    case("Inspectors who went back to Sussex Police found that neither of the two causes of "
         "concern raised in 2024 had been addressed. The first relates to how the force "
         "answers calls.",
         ("sussex-police", COC, OPEN, "how the force answers calls")),
    case("Neither of Gwent Police's two causes of concern – on call handling and on "
         "custody – has been closed.",
         ("gwent-police", COC, OPEN, "call handling"),
         ("gwent-police", COC, OPEN, "custody"),
         marks=[_gap("the tally 'neither' gives (2 of 2 open) keeps the members in its "
                     "dashes from being named")]),
]

# A verb after a finding and the words qualifying it says what the finding is about.
PREDICATES = [
    case("The only recommendation still open for Surrey Police concerns how it records stop "
         "and search.",
         ("surrey-police", REC, OPEN, "how it records stop and search")),
    case("Merseyside Police's last open recommendation is about the training of custody "
         "staff.",
         ("merseyside-police", REC, OPEN, "the training of custody staff")),
    case("The one PEEL recommendation still outstanding at Norfolk Constabulary relates to "
         "its response to stalking.",
         ("norfolk-constabulary", REC, OPEN, "its response to stalking")),
    case("The cause of concern now closed at Avon and Somerset Constabulary covered the "
         "handling of 101 calls.",
         ("avon-and-somerset-constabulary", COC, CLOSED, "the handling of 101 calls")),
    # "about to" is no subject.
    case("The cause of concern raised with Dorset Police was about to be reviewed."),
]

# A finding named by its place in the set, as the object of the verb that gives it.
ORDINALS = [
    case("In March the inspectorate gave Surrey Police an accelerated cause of concern about "
         "how it answers domestic abuse calls. Today's report confirms that cause of concern "
         "and raises a second, about how well the force supervises its investigations.",
         ("surrey-police", COC, OPEN, "how it answers domestic abuse calls"),
         ("surrey-police", COC, OPEN, "how well the force supervises its investigations")),
    case("Inspectors have raised a cause of concern with Kent Police about vetting, and "
         "issued a second, on the handling of stalking cases.",
         ("kent-police", COC, OPEN, "vetting"),
         ("kent-police", COC, OPEN, "the handling of stalking cases")),
    # "a second" that counts something else.
    case("Inspectors raised a cause of concern with Kent Police about vetting and raised a "
         "second question about pay.",
         ("kent-police", COC, OPEN, "vetting")),
]

# What a force was asked to do, then "This recommendation …" saying where it stands.
REQUESTS = [
    case("Cheshire Constabulary was asked to make sure every missing child gets a return "
         "interview. This recommendation has been met in full.",
         ("cheshire-constabulary", REC, CLOSED, "every missing child gets a return interview")),
    case("In 2022 Dorset Police was asked to train all call handlers in assessing risk. The "
         "recommendation is still outstanding.",
         ("dorset-police", REC, OPEN, "train all call handlers in assessing risk")),
    # Nothing refers back to the request: not named as a recommendation.
    case("Dorset Police was asked to attend the meeting. Officers said they would."),
]

NEAR_MISSES = [
    # No finding counted: the inclusion names a force, or a report.
    case("Four forces remain in Engage, including Kent Police."),
    case("The inspectorate has published several reports this year, including one on police "
         "vetting."),
]


@pytest.mark.parametrize("text,expected", RECOUNTED + INCLUSIONS + MODIFIED + NEGATED + (
    PREDICATES + ORDINALS + REQUESTS + NEAR_MISSES))
def test_item_fresh(text: str, expected: list[tuple]) -> None:
    missing, extra = _unmatched(text, expected)
    assert not missing and not extra, {"missing": missing, "extra": extra}
