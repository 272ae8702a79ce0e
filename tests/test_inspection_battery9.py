"""A battery of inspection phrasings in our own words for the forms that name an inspection
by a gerund ("after re-inspecting the force"), by the inspectors' presence ("inspectors were
in the force between"), by a bare return ("inspectors returned in April to check"), by a
count of forces listed in bullets after a colon, and the near misses: inspections still to
come ("to face a fresh inspection", "expected to begin in September"), a progress update
on inspections, a programme's report named beside another event's date.

Published Wednesday 12 June 2024 unless a case says otherwise.
"""

from __future__ import annotations

import pytest

from tests.inspection_probe import day, inspections_in, month

GERUNDS = [
    ("The inspectorate escalated Kent Police after re-inspecting the force between 3 and 14 "
     "March 2024.", {month("kent-police", "2024-03")}),
    ("HMICFRS moved Essex Police into Engage after reinspecting it in February 2024.",
     {month("essex-police", "2024-02")}),
    ("Having revisited Dorset Police in January 2024, inspectors closed the cause of concern.",
     {month("dorset-police", "2024-01")}),
    ("HMICFRS began inspecting Norfolk Constabulary on 4 March 2024.",
     {day("norfolk-constabulary", "2024-03-04")}),
    ("Suffolk Constabulary improved its call handling. When inspecting the constabulary in "
     "April 2024, we found shorter waits.", {month("suffolk-constabulary", "2024-04")}),
]

PRESENCE = [
    ("Suffolk Constabulary has been rated good. Inspectors were in the force between 2 and 13 "
     "October 2023.", {month("suffolk-constabulary", "2023-10")}),
    ("Our team was at Surrey Police from 5 to 16 February 2024.",
     {month("surrey-police", "2024-02")}),
    ("Inspectors were with Lancashire Constabulary for two weeks in November 2023.",
     {month("lancashire-constabulary", "2023-11")}),
    ("The inspection team were on site at Cheshire Constabulary in the week beginning 6 May "
     "2024.",
     {month("cheshire-constabulary", "2024-05")}),
    ("Gwent Police has a new plan. HMICFRS inspectors were at the force in March 2024 and "
     "saw it working.", {month("gwent-police", "2024-03")}),
]

RETURNS = [
    ("Gwent Police remains in Engage. Inspectors from HMICFRS returned in April to check "
     "progress.", {month("gwent-police", "2024-04")}),
    ("The inspectorate came back in March 2024 to assess Cleveland Police's progress.",
     {month("cleveland-police", "2024-03")}),
    ("West Yorkshire Police was praised. When we went back in January to review the changes, "
     "the backlog had gone.", {month("west-yorkshire-police", "2024-01")}),
    ("Lincolnshire Police was told to improve. The inspection team returned on 8 May 2024 to "
     "see whether it had.", {day("lincolnshire-police", "2024-05-08")}),
]

LISTS = [
    ("Inspectors visited four forces in October 2023:\n* Kent Police\n* Essex Police\n"
     "* Sussex Police\n* Surrey Police",
     {month(f, "2023-10") for f in ("kent-police", "essex-police", "sussex-police",
                                    "surrey-police")}),
    ("We inspected three forces between January and March 2024:\n- Dorset Police\n"
     "- Wiltshire Police\n- Devon and Cornwall Police",
     {month(f, "2024-03") for f in ("dorset-police", "wiltshire-police",
                                    "devon-and-cornwall-police")}),
    ("For this thematic inspection we visited five police forces in May 2024:\n\n"
     "• Gwent Police\n• Dyfed-Powys Police\n• North Wales Police\n• South Wales Police\n"
     "• Cheshire Constabulary",
     {month(f, "2024-05") for f in ("gwent-police", "dyfed-powys-police", "north-wales-police",
                                    "south-wales-police", "cheshire-constabulary")}),
]

# The same forms in a quote, a listing line, a fronted date and a numbered list.
OTHER_SETTINGS = [
    ('"Our inspectors were in the force between 4 and 15 March 2024," the report said of '
     "Norfolk Constabulary.", {month("norfolk-constabulary", "2024-03")}),
    ("Norfolk Constabulary – inspectors were at the force from 4 to 15 March 2024",
     {month("norfolk-constabulary", "2024-03")}),
    ("The inspectorate, after re-inspecting Essex Police on 9 May 2024, lifted the cause of "
     "concern.", {day("essex-police", "2024-05-09")}),
    ("In May 2024 inspectors returned to see whether Dorset Police had acted.",
     {month("dorset-police", "2024-05")}),
    ("We examined five forces in April 2024:\n1. Kent Police\n2. Essex Police\n"
     "3. Surrey Police\n4. Sussex Police\n5. Dorset Police",
     {month(f, "2024-04") for f in ("kent-police", "essex-police", "surrey-police",
                                    "sussex-police", "dorset-police")}),
]

WITH_DATES = [
    # An inspection already carried out keeps its date beside a report still to come.
    ("An inspection of Essex Police in March 2024 is expected to be published in July.",
     {month("essex-police", "2024-03")}),
    ("The inspection of Kent Police in May 2024 was followed by a progress update.",
     {month("kent-police", "2024-05")}),
    ("Our PEEL 2023–25 inspection of Kent Police took place in March 2024.",
     {month("kent-police", "2024-03")}),
]

PROGRAMME = [
    # A programme's report named beside another event's date takes no date from it.
    ("In October 2022 we raised a cause of concern with Kent Police, ahead of publishing our "
     "PEEL 2021/22 report.", {("kent-police", None, None)}),
    ("In March 2023 we wrote to Essex Police, before our PEEL 2021/22 inspection report came "
     "out.", {("essex-police", None, None)}),
]

NEAR_MISSES = [
    ("HMICFRS will be inspecting Norfolk Constabulary in the autumn.", set()),
    ("Inspecting every force every two years costs the inspectorate millions.", set()),
    ("Kent Police is praised. Officers were in the force for twenty years before 2020.",
     set()),
    ("Inspectors were in no doubt that Kent Police had improved in 2023.", set()),
    ("We were at Kent Police headquarters for the launch of the scheme in May 2024.", set()),
    ("Our officers were with Essex Police in March 2024 for a joint operation.", set()),
    ("They were in the force for a week in April 2024, the federation said of the "
     "reviewers.", set()),
    ("Kent Police returned in May 2024 to the Scan phase.", set()),
    ("Essex Police has a new chief. The chief constable returned in March 2024 after "
     "sick leave.", set()),
    ("Six forces are now in Engage:\n* Kent Police\n* Essex Police\n* Sussex Police", set()),
    ("We will visit three forces next spring:\n* Kent Police\n* Essex Police\n"
     "* Sussex Police", set()),
    ("Gwent Police is in Engage. Inspectors returned in May 2024 to the question of "
     "funding.", set()),
    ("An inspection of Kent Police is set to begin in October.", set()),
    ("Kent Police will be inspected again this autumn.", set()),
    ("An inspection of Essex Police is expected to begin in September.", set()),
    ("Sussex Police to face fresh inspection as concerns grow", set()),
    ("HMICFRS has been asked to carry out an inspection of Surrey Police, which is due to "
     "start in March.", set()),
    ("The Home Office has commissioned an inspection of Dorset Police, expected to start in "
     "October.", set()),
    # A date after the page's is a plan's or a deadline's (published 12 June 2024).
    ("Kent Police said it would respond to the inspection by 30 June 2024.", set()),
    ("Essex Police expects its inspection in September 2024, the chief constable said.",
     set()),
    ("The panel received an inspection update on Kent Police on 3 May 2024.", set()),
    ("The quarterly inspection update for Suffolk Constabulary was presented in May 2024.",
     set()),
]

ALL = GERUNDS + PRESENCE + RETURNS + LISTS + OTHER_SETTINGS + WITH_DATES + PROGRAMME

# Cases the rules do not handle yet, by their text's start.
KNOWN_GAPS: dict[str, str] = {
    "Gwent Police is in Engage. Inspectors re": "'inspectors returned' names a revisit "
                                                "whatever follows it",
}


def _cases(cases: list[tuple[str, set]]) -> list:
    out = []
    for text, expected in cases:
        gap = KNOWN_GAPS.get(text[:40])
        marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
        out.append(pytest.param(text, expected, id=text[:50], marks=marks))
    return out


@pytest.mark.parametrize(("text", "expected"), _cases(ALL))
def test_dated_inspection(text: str, expected: set) -> None:
    assert inspections_in(text) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(NEAR_MISSES))
def test_no_inspection(text: str, expected: set) -> None:
    assert inspections_in(text) == expected
