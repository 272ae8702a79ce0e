"""Findings restated after they are named or counted, with where they now stand.

Each case is a short text written for this file, scored as tests/test_item_battery.py
scores its cases. The forms: a part of a set told by its number or place with what it is
about in an aside ("two of those, on A and B, were closed", "the last of the three, on C,
…", "the final two, on A and B, …"); a place as the object of the verb that closes it
("we discharged the first of these"); causes of concern restated by the plural noun
("the force's concerns over A and B have both been addressed") or by the words before it
("the vetting and custody concerns were signed off"); and wordings of one finding that
differ only in number ("call handling", "the handling of calls").
"""

from __future__ import annotations

import pytest

from tests.test_item_battery import CLOSED, COC, OPEN, _unmatched, case

_FOUR = "Inspectors gave Suffolk Constabulary four causes of concern in 2023. "
_LISTED = ("When Norfolk Constabulary entered Engage, inspectors had set out two causes of "
           "concern:\na) its recording of crime; and\nb) the way it handles calls from the "
           "public.\n\n")

PARTS = [
    case(_FOUR + "Two of those, on the supervision of detectives and the recording of hate "
         "crime, were closed in the spring.",
         ("suffolk-constabulary", COC, CLOSED, "the supervision of detectives"),
         ("suffolk-constabulary", COC, CLOSED, "the recording of hate crime")),
    case(_FOUR + "The last of the four, on missing children, was discharged after a revisit.",
         ("suffolk-constabulary", COC, CLOSED, "missing children")),
    case(_FOUR + "Vetting was signed off in May; the final two, on custody and on the "
         "management of sex offenders, were discharged in August.",
         ("suffolk-constabulary", COC, CLOSED, "custody"),
         ("suffolk-constabulary", COC, CLOSED, "the management of sex offenders")),
    case(_LISTED + "We discharged the first of these in a letter last year.",
         ("norfolk-constabulary", COC, CLOSED, "its recording of crime"),
         ("norfolk-constabulary", COC, OPEN, "the way it handles calls from the public")),
    case(_LISTED + "Having revisited the force, I am now closing the cause of concern about "
         "call handling.",  # one finding, told as a reason and again by its own name
         ("norfolk-constabulary", COC, OPEN, "its recording of crime"),
         ("norfolk-constabulary", COC, CLOSED, "call handling")),
]

NOUNS = [
    case("Dyfed-Powys Police has closed two of its three causes of concern. The force's "
         "concerns over custody checks and the timeliness of case files have both been "
         "addressed and removed.",
         ("dyfed-powys-police", COC, CLOSED, "custody checks"),
         ("dyfed-powys-police", COC, CLOSED, "the timeliness of case files")),
    case("Warwickshire Police was given three causes of concern. The concerns about vetting, "
         "call handling and custody have now all been closed.",
         ("warwickshire-police", COC, CLOSED, "vetting"),
         ("warwickshire-police", COC, CLOSED, "call handling"),
         ("warwickshire-police", COC, CLOSED, "custody")),
    case("Durham Constabulary went into Engage after inspectors found three causes of "
         "concern: delays in answering 999 calls, a backlog of vetting checks and the "
         "supervision of child abuse cases. The 999 and vetting concerns were both signed "
         "off in June.",
         ("durham-constabulary", COC, CLOSED, "delays in answering 999 calls"),
         ("durham-constabulary", COC, CLOSED, "a backlog of vetting checks"),
         ("durham-constabulary", COC, OPEN, "the supervision of child abuse cases")),
]

NEAR_MISSES = [
    # A worry restated, not a finding: open, and named nowhere else.
    case("Kent Police has two causes of concern. Residents say the concern about parking "
         "remains."),
    # Words before the noun that restate nothing the document names.
    case("Gwent Police was given two causes of concern. The main concerns were addressed at "
         "a meeting."),
    # A number over a set of forces, with no finding near it.
    case("Five forces are in Engage. Two of those, on the south coast, expect to leave soon."),
    # A place with no status said changes nothing.
    case(_LISTED + "We looked again at the first of these in May.",
         ("norfolk-constabulary", COC, OPEN, "its recording of crime"),
         ("norfolk-constabulary", COC, OPEN, "the way it handles calls from the public")),
]


@pytest.mark.parametrize("text,expected", PARTS + NOUNS + NEAR_MISSES)
def test_item_restatements(text: str, expected: list[tuple]) -> None:
    missing, extra = _unmatched(text, expected)
    assert not missing and not extra, {"missing": missing, "extra": extra}
