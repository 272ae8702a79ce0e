"""A battery of tally phrasings about which set a count belongs to: the closed count given
after the total (in a later sentence, or by the named findings' statuses), a restated part
of a set counted already, the force a set is owned by when the sentence only says "the
force", and numbers that label a page or a section rather than count anything.

Every text is written for this test. A row is (force, kind, total, closed, open); a text
with no tally expects the empty set. "A cause of concern" names an item: the text states
no count, so it gives no tally (GUIDELINES.md: counts that the text states).
Published 3 October 2024.
"""

from __future__ import annotations

import pytest

from tests.tally_probe import COC, REC, battery_params, tallies

ENGAGE_LIST = ("The forces now in Engage are Kent Police, Essex Police and Surrey Police.\n\n")

CASES = [
    # The closed count in a later sentence.
    ("Essex Police was given three causes of concern in 2022. All three have now been "
     "discharged.", {("essex-police", COC, 3, 3, 0)}),
    ("Durham Constabulary had two causes of concern. Both have since been closed.",
     {("durham-constabulary", COC, 2, 2, 0)}),
    ("Gwent Police was given four recommendations. Three of them have been implemented.",
     {("gwent-police", REC, 4, 3, 1)}),
    ("HMICFRS made eight recommendations to Dorset Police in 2023. By July, five had been "
     "signed off.", {("dorset-police", REC, 8, 5, 3)}),
    # The closed count from the named findings' statuses.
    ("Inspectors raised two causes of concern with Kent Police: call handling and vetting. "
     "The cause of concern on vetting was signed off in May. The cause of concern on call "
     "handling remains open.", {("kent-police", COC, 2, 1, 1)}),
    ("Suffolk Constabulary was issued with two causes of concern, about missing children and "
     "about custody. The cause of concern about custody has been discharged.",
     {("suffolk-constabulary", COC, 2, 1, 1)}),
    ("Kent Police was given three recommendations in 2023.\n\nProgress at 1 May:\n\n"
     "Ref | Recommendation | Status\nR1 | Improve call handling | Closed\n"
     "R2 | Review vetting decisions | Closed\nR3 | Train new supervisors | In progress",
     {("kent-police", REC, 3, 2, 1)}),
    ("Essex Police was given two recommendations in 2022. The recommendation on vetting has "
     "been signed off. The recommendation on call handling remains open.",
     {("essex-police", REC, 2, 1, 1)}),
    # Near-misses: fewer named than counted, or none of them closed: the total alone.
    ("Dorset Police was given three recommendations in 2023. The recommendation on vetting "
     "has been signed off.", {("dorset-police", REC, 3, None, None)}),
    ("Durham Constabulary was given two recommendations in May. The recommendation on "
     "custody remains open. The recommendation on vetting is still outstanding.",
     {("durham-constabulary", REC, 2, None, None)}),
    # A restated part of a set counted already is no set of its own.
    ("Inspectors have closed two of Essex Police's three causes of concern. Both related to "
     "call handling, and both have now been discharged.", {("essex-police", COC, 3, 2, 1)}),
    ("Lincolnshire Police has met four of its six recommendations. All four were signed off "
     "in March.", {("lincolnshire-police", REC, 6, 4, 2)}),
    ("Three of the five recommendations made to Norfolk Constabulary remain open. All three "
     "are still outstanding.", {("norfolk-constabulary", REC, 5, 2, 3)}),
    ("Cheshire Constabulary has now discharged two of its three causes of concern, HMICFRS "
     "said. The two were about investigations and custody; both have been closed.",
     {("cheshire-constabulary", COC, 3, 2, 1)}),
    ("Inspectors have closed two of the three causes of concern at Humberside Police. They "
     "found that crime recording and custody had both improved. Each had been named as a "
     "cause of concern in 2021, and both have now been signed off.",
     {("humberside-police", COC, 3, 2, 1)}),
    ("West Mercia Police has now met three of its five recommendations. Officers said vetting, "
     "training and call handling had improved. All three had been raised in 2022 and all "
     "three have been achieved.", {("west-mercia-police", REC, 5, 3, 2)}),
    ("Six of the eight recommendations made to Kent Police have been met in full. The two "
     "recommendations still outstanding concern custody.", {("kent-police", REC, 8, 6, 2)}),
    ("Of the ten recommendations given to Surrey Police, seven have been achieved. The seven "
     "achieved recommendations cover call handling and vetting.",
     {("surrey-police", REC, 10, 7, 3)}),
    # Near-miss: a smaller set that is not the closed or open part of the first keeps its row.
    ("Kent Police has closed one of its four causes of concern. Both of the recommendations "
     "made in 2023 have been met.", {("kent-police", COC, 4, 1, 3),
                                     ("kent-police", REC, 2, 2, 0)}),
    # "N of the force's M": the force's possessive stands where a determiner would.
    ("Cumbria Constabulary was revisited in May. This leaves two of the constabulary's three "
     "causes of concern open.", {("cumbria-constabulary", COC, 3, 1, 2)}),
    ("Avon and Somerset Constabulary was revisited in June. Inspectors have now closed four "
     "of the force's six recommendations.", {("avon-and-somerset-constabulary", REC, 6, 4, 2)}),
    ("Gwent Police was inspected again in April. One of the force's two causes of concern "
     "remains open.", {("gwent-police", COC, 2, 1, 1)}),
    # A bare total the sentence gives to "the force" named just before.
    (ENGAGE_LIST + "Today Sussex Police is to be moved into Engage. The inspectorate has made "
     "five recommendations to the force.", {("sussex-police", REC, 5, None, None)}),
    (ENGAGE_LIST + "Cumbria Constabulary is to join them. Inspectors raised concerns about "
     "the constabulary's call handling and made six recommendations to the constabulary.",
     {("cumbria-constabulary", REC, 6, None, None)}),
    (ENGAGE_LIST + "Dorset Police has also been moved into Engage. The force was given three "
     "causes of concern.", {("dorset-police", COC, 3, None, None)}),
    (ENGAGE_LIST + "The panel then turned to Sussex Police. The report on the force was "
     "published in May. Inspectors had made seven recommendations.",
     {("sussex-police", REC, 7, None, None)}),
    # Near-miss: no force named, referred to or about: no owner.
    ("Kent Police and Essex Police remain in Engage. The inspectorate has made 40 "
     "recommendations this year.", set()),
    ("Kent Police was one of six forces visited. The national report makes 12 "
     "recommendations.", set()),
    (ENGAGE_LIST + "Sussex Police was inspected in May. A spokesperson for the inspectorate "
     "said it would not comment. It has made 14 recommendations to the force since 2022.",
     set()),
    # Numbers that label a page, a section or a part are not counts.
    ("Kent Police: cause of concern revisit letter Page 2 of 4", set()),
    ("Essex Police – progress against the causes of concern – page 3 of 5", set()),
    ("Section 2 of 3: the recommendations made to Surrey Police", set()),
    ("Annex 1 of 2: causes of concern at Norfolk Constabulary", set()),
    ("Part 2 of 3 – how Durham Constabulary is meeting the recommendations", set()),
    ("Dorset Police quarterly update\n\n4 Causes of concern\n\n4.1 The report before the "
     "panel sets out progress since the inspection.", set()),
    ("Avon and Somerset Constabulary panel report\n\n2 Recommendations\n\n2.1 Members are "
     "asked to note this report.", set()),
    ("Surrey Police update\n\n3. Recommendations\n\n3.1 Members are asked to note the "
     "report.", set()),
    ("Lancashire Constabulary: progress report\n\nTwo causes of concern\n\nThe report "
     "sets out where the force stands.", set()),
    ("Page three of the report lists the 12 recommendations made to Kent Police.",
     {("kent-police", REC, 12, None, None)}),
    ("Kent Police given 12 recommendations", {("kent-police", REC, 12, None, None)}),
    # "A cause of concern" is an item: no tally of one.
    ("Inspectors raised a cause of concern about how Norfolk Constabulary handles 999 calls.",
     set()),
    ("HMICFRS identified a cause of concern at Suffolk Constabulary and made five "
     "recommendations to the force.", {("suffolk-constabulary", REC, 5, None, None)}),
    ("Suffolk Constabulary's cause of concern has now been closed.", set()),
    ("A single cause of concern was raised with Wiltshire Police.", set()),
    ("The inspectorate identified one cause of concern at Suffolk Constabulary.",
     {("suffolk-constabulary", COC, 1, None, None)}),
    ("Because two recommendations remain open, the cause of concern at Cumbria Constabulary "
     "stays open.", {("cumbria-constabulary", REC, None, None, 2)}),
    # Look-alikes that count nothing of a force's.
    ("Nationally, 41 recommendations are still open.", set()),
    ("Dorset and Wiltshire Fire and Rescue Service has closed two of its three causes of "
     "concern.", set()),
    ("Across England and Wales, 38 causes of concern were open at the end of November.",
     set()),
    ("The Kent Police report runs to 120 pages and sets out three areas for improvement.",
     set()),
    ("Merseyside Police answered 9 of 10 emergency calls within ten seconds.", set()),
    ("Part 1 of the Lancashire Constabulary report made seven recommendations.",
     {("lancashire-constabulary", REC, 7, None, None)}),
    ("Northumbria Police has discharged both of its causes of concern, page 4 of the letter "
     "says.", {("northumbria-police", COC, 2, 2, 0)}),
]


# Known gaps: the start of a case's text, and why it fails.
GAPS: dict[str, str] = {
    "Kent Police was one of six forces visited": "the only force a text names owns a bare "
        "total, even one a national report makes",
}


@pytest.mark.parametrize("text,expected", battery_params(CASES, GAPS))
def test_tally_battery_sets(text, expected):
    assert tallies(text) == expected
