"""Inspections in copy the rules were not written against, in our own words: a week named by
its first day, a negation or a description of the process that belongs to another part of
the sentence, inspectors visiting a force named right after, a group of forces whose names
the next sentence lists, a status date, a report on the force referred to, fieldwork for an
edition still to come, and a programme span beside an inspection of other years.

Published Wednesday 12 June 2024 (1 July 2026 for a case naming a later year) unless a
case says otherwise.
"""

from __future__ import annotations

import pytest

from tests.inspection_probe import LATER, day, inspections_in, month, published_for, year

WEEKS = [
    # A week named by its first day is a span: it dates at month precision.
    ("Inspectors revisited Kent Police during the week of 3 February 2025.",
     {month("kent-police", "2025-02")}),
    ("In the week beginning 5 September 2016 a team of inspectors went back to Humberside "
     "Police.", {month("humberside-police", "2016-09")}),
    ("Dorset Police was re-inspected in the week commencing 13 May 2024.",
     {month("dorset-police", "2024-05")}),
    ("Our fieldwork at Surrey Police took place over the week starting 8 April.",
     {month("surrey-police", "2024-04")}),
    ("The week beginning 10 June 2024 saw inspectors return to Norfolk Constabulary.",
     {month("norfolk-constabulary", "2024-06")}),
    # The abbreviations of minutes and schedules: "w/c" (week commencing), "w/b".
    ("Inspectors revisited Kent Police w/c 3 February 2025.", {month("kent-police", "2025-02")}),
    ("Fieldwork at Dorset Police: w/b 13 May 2024.", {month("dorset-police", "2024-05")}),
    # Near miss: a single day stays a day.
    ("Inspectors revisited Kent Police on 3 February 2025.", {day("kent-police", "2025-02-03")}),
]


NEGATION = [
    # A negation that belongs to the findings, across a participle, does not deny the
    # inspection the findings come from.
    ("Inspectors found that neither of the two causes of concern identified in its 2025 PEEL "
     "inspection had been addressed by Sussex Police.", {year("sussex-police", 2025)}),
    ("None of the problems raised at the 2022 inspection of Cumbria Constabulary has been put "
     "right.", {year("cumbria-constabulary", 2022)}),
    ("Lincolnshire Police has closed no recommendation made during its inspection in "
     "March 2023.", {month("lincolnshire-police", "2023-03")}),
    ("Inspectors said none of the recommendations made after their 2021 inspection of "
     "Gwent Police had been met.", {year("gwent-police", 2021)}),
    # Near misses: a negation of the inspection itself.
    ("South Yorkshire Police was not inspected in 2023.", set()),
    ("Kent Police was not included in the 2023 inspection of custody.", set()),
    ("There has been no inspection of Essex Police since 2021.", set()),
]


GENERIC = [
    # A description of the process in an aside does not make the rest of the sentence one.
    ("The inspectorate, which inspects every force in England and Wales, raised two causes "
     "of concern after its 2022 inspection of British Transport Police.",
     {year("british-transport-police", 2022)}),
    ("HMICFRS, which inspects all police forces, revisited Durham Constabulary in May.",
     {month("durham-constabulary", "2024-05")}),
    # Near misses: the description is the clause the trigger stands in.
    ("Since 2014 every force has had a PEEL inspection each year, Kent Police included.",
     set()),
    ("HMICFRS inspects every force, and Kent Police is inspected every two years.", set()),
    ("All forces, including Kent Police, were inspected in 2023.", set()),
]


VISITS = [
    # Inspectors visiting or examining a force named right after is an inspection.
    ("Inspectors who examined the North Yorkshire force between September and November 2025 "
     "found it had improved.", {month("north-yorkshire-police", "2025-11")}),
    ("The team that visited Dorset Police between 3 and 7 June 2024 met 40 officers.",
     {month("dorset-police", "2024-06")}),
    ("In May we visited Norfolk Constabulary to look at its control room.",
     {month("norfolk-constabulary", "2024-05")}),
    # Near misses: someone else visiting, or a visit to a place.
    ("The Home Secretary visited Kent Police in May.", set()),
    ("Officers visited schools across Essex in May.", set()),
]


GROUPS = [
    # An inspection of a number of forces takes the forces the next sentence lists.
    ("Inspectors examined the custody suites of five forces between January and March 2024. "
     "They included Dorset Police, Wiltshire Police and Devon and Cornwall Police.",
     {month("dorset-police", "2024-03"), month("wiltshire-police", "2024-03"),
      month("devon-and-cornwall-police", "2024-03")}),
    ("For its thematic report HMICFRS inspected seven forces in October 2023. Among them "
     "were Kent Police and Essex Police.",
     {month("kent-police", "2023-10"), month("essex-police", "2023-10")}),
    ("We visited eight forces between March and May 2024. We read case files from each, "
     "including those of Cheshire Constabulary and Derbyshire Constabulary.",
     {month("cheshire-constabulary", "2024-05"), month("derbyshire-constabulary", "2024-05")}),
    # The same sentence may list them, after a colon or "including".
    ("Inspectors visited six forces in March 2024: Kent Police, Essex Police and Surrey "
     "Police.", {month("kent-police", "2024-03"), month("essex-police", "2024-03"),
                 month("surrey-police", "2024-03")}),
    ("We inspected six forces in May 2024, including Kent Police and Surrey Police.",
     {month("kent-police", "2024-05"), month("surrey-police", "2024-05")}),
    # Near misses: the next sentence names a force without listing it among them.
    ("Inspectors visited eight forces in May 2024. Kent Police said it welcomed the report.",
     set()),
    ("Inspectors visited eight forces in May 2024. Separately, Essex Police was placed in "
     "Engage.", set()),
]


STATUS = [
    # A date that says when the recommendations' status was read is not the inspection's.
    ("The table sets out the recommendations made to Kent Police in its inspections and "
     "their status at 30 June 2024.", set()),
    ("The position as at 1 May 2024 on the recommendations of the 2023 inspection of Surrey "
     "Police is shown below.", {year("surrey-police", 2023)}),
    # Near miss: the inspection's own date beside the status date.
    ("Progress since the inspection of Essex Police in March 2023, with the status at "
     "31 May 2024, is set out below.", {month("essex-police", "2023-03")}),
]


REPORTS = [
    # An inspectorate's report on the force referred to dates the inspection it reports.
    ("Lancashire Constabulary has made progress. HMICFRS published its PEEL report on the "
     "constabulary in August 2023.", {month("lancashire-constabulary", "2023-08")}),
    ("Cheshire Constabulary welcomed the findings. The inspectorate's latest report into "
     "the force, released on 4 March 2024, graded it good.",
     {day("cheshire-constabulary", "2024-03-04")}),
    ("Gwent Police said the inspectorate's latest report on the force, published in "
     "January, was fair.", {month("gwent-police", "2024-01")}),
    # Near miss: a report that is not the inspectorate's.
    ("Cheshire Constabulary welcomed the findings. The panel's report on the force was "
     "published in March 2024.", set()),
]


FIELDWORK_FOR = [
    # Fieldwork for an edition still to come has happened: the edition's words do not take
    # its date.
    ("Inspectors began fieldwork for the next PEEL inspection of Kent Police in April.",
     {month("kent-police", "2024-04")}),
    ("Fieldwork for the forthcoming inspection of Surrey Police took place in March 2024.",
     {month("surrey-police", "2024-03")}),
    # Near misses: the fieldwork itself is still to come; a later edition beside a past one.
    ("Fieldwork for the next inspection of Kent Police will begin in September.", set()),
    ("Kent Police was inspected in May 2023, and the next inspection is due in 2025.",
     {month("kent-police", "2023-05")}),
]


PROGRAMMES = [
    # A programme span's undated inspection is another inspection than one dated outside
    # the span's years.
    ("In our PEEL 2021/22 inspection of Bedfordshire Police we raised a cause of concern. We "
     "inspected the force's child protection work in March 2023.",
     {("bedfordshire-police", None, None), month("bedfordshire-police", "2023-03")}),
    ("Our PEEL 2018/19 inspection of Gwent Police found it good. Inspectors examined its "
     "custody suites in May 2022.",
     {("gwent-police", None, None), month("gwent-police", "2022-05")}),
    # Near miss: a date inside the span's years is that inspection's own.
    ("In our PEEL 2021/22 inspection of Bedfordshire Police we raised a cause of concern. We "
     "inspected the force between 6 and 17 June 2022.", {month("bedfordshire-police", "2022-06")}),
    # Near miss: a span that names something else in the sentence does not name the revisit.
    ("Inspectors revisited Gwent Police between 4 and 8 March 2024. The revisit looked at a "
     "cause of concern raised during the 2021/22 PEEL programme.",
     {month("gwent-police", "2024-03")}),
]


CASES = WEEKS + NEGATION + GENERIC + VISITS + GROUPS + STATUS + REPORTS + FIELDWORK_FOR + (
    PROGRAMMES)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_inspection_in_fresh_copy(text: str, expected: set) -> None:
    assert inspections_in(text, published_for(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A programme span names its years in several ways; each bounds the inspections it
    # stands for.
    ("Our PEEL 2023–25 inspection of Kent Police found two causes of concern. We inspected "
     "the force's custody suites in May 2026.",
     {("kent-police", None, None), month("kent-police", "2026-05")}),
    ("Our PEEL 2023–25 inspection of Kent Police found two causes of concern. We inspected "
     "the force between 3 and 14 March 2025.", {month("kent-police", "2025-03")}),
    ("In the PEEL 2018/2019 inspection of Essex Police we raised one cause of concern. "
     "Inspectors examined the force's call handling in June 2021.",
     {("essex-police", None, None), month("essex-police", "2021-06")}),
])
def test_a_programme_span_bounds_the_inspections_it_stands_for(text: str, expected: set
                                                                ) -> None:
    assert inspections_in(text, LATER) == expected


def test_the_year_of_a_statute_dates_no_inspection():
    found = inspections_in("Response under section 55 of the Police Act 1996\nHMICFRS "
                           "inspected Lincolnshire Police in March 2024.")
    assert found == {month("lincolnshire-police", "2024-03")}
