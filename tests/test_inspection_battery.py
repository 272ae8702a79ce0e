"""A battery of inspection phrasings in our own words, spanning how UK press copy reports
an inspection and its date: fieldwork spans, revisits, reports published with or without a
fieldwork date, editions, relative dates, several forces at once, an inspection beside a
move, datelines, captions and "Published:" lines; and the near misses that make no event
(future or planned inspections, fire services, the process described, other
inspectorates).

Published Wednesday 12 June 2024 (1 July 2026 for a case naming a later year) unless a
case says otherwise (None: unknown).
"""

from __future__ import annotations

import pytest

from tests.inspection_probe import day, inspections_in, month, published_for, year

SPANS = [
    ("Inspectors carried out fieldwork at Wiltshire Police between 6 and 17 March 2024.",
     {month("wiltshire-police", "2024-03")}),
    ("Staffordshire Police was inspected between 8 and 19 April 2024.",
     {month("staffordshire-police", "2024-04")}),
    ("Wiltshire Police was inspected in the weeks of 4 and 11 March 2024.",
     {month("wiltshire-police", "2024-03")}),
    ("From October to December 2023, HMICFRS inspected Sussex Police.",
     {month("sussex-police", "2023-12")}),
    ("Our inspection of Cleveland Police took place from 27 November 2023 to 8 December "
     "2023.", {month("cleveland-police", "2023-12")}),
    ("Inspection fieldwork at Merseyside Police ran during the first week of February 2024.",
     {month("merseyside-police", "2024-02")}),
    ("The fieldwork for our inspection of Humberside Police was done in January and "
     "February 2024.", {month("humberside-police", "2024-02")}),
    ("Our inspection of Humberside Police began on 5 February 2024 and ran for six weeks.",
     {day("humberside-police", "2024-02-05")}),
    ("Inspectors spent two weeks with Gloucestershire Constabulary in September 2023.",
     {month("gloucestershire-constabulary", "2023-09")}),
    # Fieldwork whose end is told in a clause of its own is dated by that end.
    ("Inspectors carried out fieldwork at Sussex Police in October 2023 and came back for "
     "a further week in December 2023.", {month("sussex-police", "2023-12")}),
    ("Our inspection of Surrey Police began in September 2023 and ended in November 2023.",
     {month("surrey-police", "2023-11")}),
    # Near miss: a later date for something else is not the fieldwork's end.
    ("We inspected Surrey Police in September 2023 and published our report in "
     "January 2024.", {month("surrey-police", "2023-09")}),
    ("| West Midlands Police | inspected | 10 to 21 June 2023 |",
     {month("west-midlands-police", "2023-06")}),
]

REVISITS = [
    ("Inspectors returned to Northumbria Police in July 2023 to check its progress.",
     {month("northumbria-police", "2023-07")}),
    ("When inspectors came back to Derbyshire Constabulary in March, they found the "
     "backlog cleared.", {month("derbyshire-constabulary", "2024-03")}),
    ("A follow-up visit to Avon and Somerset Constabulary in November 2023 found progress.",
     {month("avon-and-somerset-constabulary", "2023-11")}),
    ("Leicestershire Police was re-inspected in February 2024.",
     {month("leicestershire-police", "2024-02")}),
    ("We revisited Warwickshire Police last month.", {month("warwickshire-police", "2024-05")}),
    ("We inspected West Mercia Police in January 2023. Inspectors returned in July 2023 and "
     "found the force had improved.",
     {month("west-mercia-police", "2023-01"), month("west-mercia-police", "2023-07")}),
    # A date right before "and" dates the clause before, not the revisit it joins.
    ("HMICFRS inspected Kent Police's custody suites in 2022 and revisited them in May 2024.",
     {year("kent-police", 2022), month("kent-police", "2024-05")}),
    ("Inspectors visited Essex Police in January 2023, then re-inspected the force in "
     "March 2024.", {month("essex-police", "2023-01"), month("essex-police", "2024-03")}),
    ("Inspectors visited Dorset Police and revisited it in April 2024.",
     {month("dorset-police", "2024-04")}),
    ("In March 2024, inspectors visited Kent Police.", {month("kent-police", "2024-03")}),
    ("An inspection of Kent Police in March 2024 is expected to be published in July.",
     {month("kent-police", "2024-03")}),
    ("Inspectors visited Wiltshire Police in February 2024, and their report is due to be "
     "published in July.", {month("wiltshire-police", "2024-02")}),
    ("The inspection of Dorset Police in March 2024 found the force is to close two "
     "stations.", {month("dorset-police", "2024-03")}),
    ("Bedfordshire Police's progress was checked during a revisit in April 2024.",
     {month("bedfordshire-police", "2024-04")}),
    ("HMICFRS came back to North Yorkshire Police in October 2023 to check its progress.",
     {month("north-yorkshire-police", "2023-10")}),
    ("\"When inspectors came back in April, they saw real change,\" said the chief "
     "constable of Hampshire and Isle of Wight Constabulary.",
     {month("hampshire-and-isle-of-wight-constabulary", "2024-04")}),
    ("The chief constable said inspectors had returned to Hampshire and Isle of Wight "
     "Constabulary in April.", {month("hampshire-and-isle-of-wight-constabulary", "2024-04")}),
]

REPORTS = [
    ("HMICFRS today published its report on Hertfordshire Constabulary.",
     {day("hertfordshire-constabulary", "2024-06-12")}),
    ("The report of our inspection of Thames Valley Police, published on 3 May 2024, found "
     "the force slow to answer calls.", {day("thames-valley-police", "2024-05-03")}),
    ("We inspected Cheshire Constabulary in November 2023 and published our findings on "
     "20 March 2024.", {month("cheshire-constabulary", "2023-11")}),
    ("The inspectorate's report on Cheshire Constabulary, released on 20 March 2024, "
     "follows fieldwork in November 2023.", {month("cheshire-constabulary", "2023-11")}),
    ("On 9 April 2024 we published our inspection report on Northamptonshire Police.",
     {day("northamptonshire-police", "2024-04-09")}),
]

EDITIONS = [
    ("The 2019 inspection of Nottinghamshire Police found weaknesses in crime recording.",
     {year("nottinghamshire-police", 2019)}),
    ("PEEL 2018/19: an inspection of South Yorkshire Police", set()),
    ("Crime Data Integrity inspection 2016: Lancashire Constabulary",
     {year("lancashire-constabulary", 2016)}),
    ("In our 2021 inspection of Durham Constabulary we rated call handling good.",
     {year("durham-constabulary", 2021)}),
    ("Its PEEL 2021/22 inspection rated North Wales Police adequate.",
     {("north-wales-police", None, None)}),
    ("North Wales Police improved after the 2018 PEEL inspection.",
     {year("north-wales-police", 2018)}),
    # An edition named by its report's year is the inspection the body dates the year before.
    ("PEEL inspection 2025: Surrey Police\nInspectors examined Surrey Police between 4 and "
     "22 November 2024.", {month("surrey-police", "2024-11")}),
    ("Kent Police 2024 inspection\nWe inspected Kent Police in February 2024.",
     {month("kent-police", "2024-02")}),
    # A programme span names no date: its inspection is dated only by another phrase.
    ("In our PEEL 2021/22 inspection of Derbyshire Constabulary we raised a cause of "
     "concern. We had inspected Derbyshire Constabulary in October 2021.",
     {month("derbyshire-constabulary", "2021-10")}),
]

RELATIVE = [
    ("Inspectors visited Kent Police last month.", {month("kent-police", "2024-05")}),
    ("Essex Police was inspected in the spring.", {year("essex-police", 2024)}),
    ("Earlier this year we inspected Suffolk Constabulary.",
     {year("suffolk-constabulary", 2024)}),
    ("Last year's inspection of Norfolk Constabulary found problems with call handling.",
     {year("norfolk-constabulary", 2023)}),
    ("Cumbria Constabulary has improved its custody suites. Inspectors examined the force "
     "three months ago.", {month("cumbria-constabulary", "2024-03")}),
    # A date that belongs to a speech or an interview does not date the inspection.
    ("Gwent Police was inspected in 2021. The inspector who led the inspection said in a "
     "speech last year that forces were slow.", {year("gwent-police", 2021)}),
    ("At a meeting on Monday, councillors went through the findings of the inspection of "
     "call handling at Kent Police that the inspectorate carried out and then published "
     "on 4 March 2024.", {day("kent-police", "2024-03-04")}),
    ("The inspector behind the 2020 inspection of Dorset Police told a conference in March "
     "that progress had stalled.", {year("dorset-police", 2020)}),
]

SEVERAL = [
    ("The inspection of Kent, Essex and Suffolk took place in October 2023.",
     {month("kent-police", "2023-10"), month("essex-police", "2023-10"),
      month("suffolk-constabulary", "2023-10")}),
    ("In May 2024 inspectors visited Dorset Police, Wiltshire Police and Avon and Somerset "
     "Constabulary.", {month("dorset-police", "2024-05"), month("wiltshire-police", "2024-05"),
                       month("avon-and-somerset-constabulary", "2024-05")}),
    ("Essex Police, which was inspected in 2022, shares a headquarters with Kent Police, "
     "which was last inspected in 2019.",
     {year("essex-police", 2022), year("kent-police", 2019)}),
    ("Essex Police was inspected in 2022 and Kent Police was last inspected in 2019.",
     {year("essex-police", 2022), year("kent-police", 2019)}),
    ("Kent Police and Essex Police were inspected jointly in February 2024.",
     {month("kent-police", "2024-02"), month("essex-police", "2024-02")}),
    ("- Essex Police: inspected in January 2024\n- Kent Police: inspected in March 2024",
     {month("essex-police", "2024-01"), month("kent-police", "2024-03")}),
]

WITH_MOVES = [
    ("Gwent Police was moved into Engage in May 2024 after an inspection in January 2024.",
     {month("gwent-police", "2024-01")}),
    ("Following an inspection in September 2023, Cleveland Police was placed in special "
     "measures in October 2023.", {month("cleveland-police", "2023-09")}),
    ("Inspectors revisited Staffordshire Police in March 2024 and it was returned to "
     "routine monitoring in May 2024.", {month("staffordshire-police", "2024-03")}),
    ("Kent Police left Engage in April 2024, having been re-inspected in February.",
     {month("kent-police", "2024-02")}),
    # The move's date is not the inspection's: with none of its own, it makes no event.
    ("Lincolnshire Police entered Engage in March 2024, after an inspection that found "
     "long delays in answering calls.", set()),
    ("In October 2023, following a PEEL inspection, Cleveland Police was put into special "
     "measures.", set()),
]

PAGE_FURNITURE = [
    ("LONDON, 3 April 2024 - HMICFRS inspected Sussex Police's response to domestic abuse "
     "in January.", {month("sussex-police", "2024-01")}),
    ("Thames Valley Police headquarters in Kidlington.\nPhoto: inspectors on their visit "
     "to the force in March 2024", {month("thames-valley-police", "2024-03")}),
    ("Published: 2 May 2024\nInspectors visited Lincolnshire Police between 4 and 8 March "
     "2024.", {month("lincolnshire-police", "2024-03")}),
]

NEAR_MISSES = [
    ("We will inspect Kent Police in the autumn.", set()),
    ("Inspectors plan to revisit Essex Police in September 2024.", set()),
    ("An inspection of Suffolk Constabulary is scheduled for next year.", set()),
    ("Inspectors are due to return to Dorset Police in the new year.", set()),
    ("Inspectors visited Essex Fire and Rescue Service in March 2024.", set()),
    ("HMICFRS inspects every police force in England and Wales.", set()),
    ("Forces are usually inspected every two years under the PEEL programme.", set()),
    ("HMICS inspected Police Scotland in March 2024.", set()),
    ("An inspection of Kent Police would follow if its performance fell.", set()),
    ("Our inspection process involves interviews, focus groups and a review of case "
     "files at Kent Police.", set()),
    ("HMICFRS and the prisons inspectorate will jointly inspect custody in Essex next year.",
     set()),
    ("A revisit to Gwent Police is planned for the autumn.", set()),
    ("The chief constable returned to Kent Police in May 2024 after a year at Essex Police.",
     set()),
    ("Kent Police returned to the Scan phase in May 2024.", set()),
    ("Inspections of forces across England found common themes in 2023.", set()),
]

UNRESOLVED = [
    ("We inspected Surrey Police last month.", {("surrey-police", None, None)}),
    ("Earlier this year inspectors revisited Gwent Police.", {("gwent-police", None, None)}),
]

ALL = SPANS + REVISITS + REPORTS + EDITIONS + RELATIVE + SEVERAL + WITH_MOVES + PAGE_FURNITURE

def _cases(cases: list[tuple[str, set]]) -> list:
    return [pytest.param(text, expected, id=text[:50]) for text, expected in cases]


@pytest.mark.parametrize(("text", "expected"), _cases(ALL))
def test_dated_inspection(text: str, expected: set) -> None:
    assert inspections_in(text, published_for(text)) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(NEAR_MISSES))
def test_no_inspection(text: str, expected: set) -> None:
    assert inspections_in(text) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(UNRESOLVED))
def test_unresolved_date_is_null(text: str, expected: set) -> None:
    assert inspections_in(text, None) == expected
