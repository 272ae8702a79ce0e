"""The count grammar of tallies: phrasings it must read and look-alikes it must not.

Every sentence is written for this test. A tally is (force, kind, total, closed, open);
published 12 June 2024, so relative dates resolve against that day.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)
COC, REC = "cause_of_concern", "recommendation"

CASES = [
    # Bare totals: counts of findings issued, raised, made or given.
    ("Inspectors issued three causes of concern to Kent Police.",
     {("kent-police", COC, 3, None, None)}),
    ("HMICFRS made nine recommendations to Essex Police in its latest report.",
     {("essex-police", REC, 9, None, None)}),
    ("Surrey Police was given two accelerated causes of concern last spring.",
     {("surrey-police", COC, 2, None, None)}),
    ("Durham Constabulary's cause of concern on missing children came with four "
     "recommendations.", {("durham-constabulary", REC, 4, None, None)}),
    # N of M, out of, none of, all but.
    ("Lancashire Constabulary has now closed five of its eight recommendations.",
     {("lancashire-constabulary", REC, 8, 5, 3)}),
    ("Two out of three causes of concern raised with Dorset Police have been discharged.",
     {("dorset-police", COC, 3, 2, 1)}),
    ("Wiltshire Police has closed none of its three causes of concern so far.",
     {("wiltshire-police", COC, 3, 0, 3)}),
    ("All but one of the six recommendations made to Gwent Police have been implemented.",
     {("gwent-police", REC, 6, 5, 1)}),
    # "Of the N …, M …" with several statuses in one sentence.
    ("Of the six recommendations made to Cumbria Constabulary, four have been implemented "
     "and two remain outstanding.", {("cumbria-constabulary", REC, 6, 4, 2)}),
    ("Of the five causes of concern issued to Humberside Police, three have been closed, one "
     "is partly addressed and one remains open.", {("humberside-police", COC, 5, 3, 2)}),
    # Partly achieved is not closed: it is open (what is not closed of a known total).
    ("Of the 12 recommendations made to Norfolk Constabulary in 2019, the force has fully or "
     "partly achieved nine.", {("norfolk-constabulary", REC, 12, None, None)}),
    ("Of the seven recommendations made to Suffolk Constabulary, five have been achieved and "
     "two have been partly achieved.", {("suffolk-constabulary", REC, 7, 5, 2)}),
    # Relative clauses over a count.
    ("Hampshire and Isle of Wight Constabulary received four causes of concern, all of which "
     "have since been closed.", {("hampshire-and-isle-of-wight-constabulary", COC, 4, 4, 0)}),
    ("West Yorkshire Police had ten recommendations, seven of which are now complete.",
     {("west-yorkshire-police", REC, 10, 7, 3)}),
    # What remains.
    ("The remaining two recommendations for Bedfordshire Police are still open.",
     {("bedfordshire-police", REC, None, None, 2)}),
    # Signed off, in a headline, several kinds in one sentence.
    ("Inspectors have signed off all six recommendations made to Warwickshire Police.",
     {("warwickshire-police", REC, 6, 6, 0)}),
    ("Cheshire Police closes three of five causes of concern",
     {("cheshire-constabulary", COC, 5, 3, 2)}),
    ("Both causes of concern raised with Leicestershire Police have been discharged, along "
     "with all nine of the linked recommendations.",
     {("leicestershire-police", COC, 2, 2, 0), ("leicestershire-police", REC, 9, 9, 0)}),
    # A definite count with its own verb is the whole set; a relative clause picks some.
    ("The four recommendations made to Norfolk Constabulary have also been closed.",
     {("norfolk-constabulary", REC, 4, 4, 0)}),
    ("The two causes of concern that are still open for Kent Police relate to vetting.",
     {("kent-police", COC, None, None, 2)}),
    ("The two remaining causes of concern for Essex Police have now been closed.",
     {("essex-police", COC, None, 2, None)}),
    # Hyphenated modifiers; counts in two clauses.
    ("Two call-handling recommendations remain open for Surrey Police, after three were "
     "closed.", {("surrey-police", REC, 5, 3, 2)}),
    ("HMICFRS made twenty-one recommendations to Kent Police, and sixteen have been "
     "implemented.", {("kent-police", REC, 21, 16, 5)}),
    # Counts after what they count, as summaries and tables write them.
    ("Lancashire Constabulary: inspection summary\n\nRecommendations: 12\n\n"
     "Recommendations closed: 7", {("lancashire-constabulary", REC, 12, 7, 5)}),
    # A count split over two sentences is one tally.
    ("Inspectors made eight recommendations to Derbyshire Constabulary. Six of them have now "
     "been met.", {("derbyshire-constabulary", REC, 8, 6, 2)}),
    # A total stated once and the closing of all the rest stated elsewhere.
    ("Inspectors have been able to close the remaining causes of concern for Sussex Police. "
     "Last year they had identified two causes of concern.", {("sussex-police", COC, 2, 2, 0)}),
    # A dash aside between a count and its verb; a force owning the set.
    ("Inspectors found that both of Norfolk Constabulary's causes of concern – on custody, "
     "and on missing children – have been closed.",
     {("norfolk-constabulary", COC, 2, 2, 0)}),
    ("All three recommendations made to Essex Police — on vetting, on training and on "
     "supervision — remain outstanding.", {("essex-police", REC, 3, 0, 3)}),
    ("Gwent Police has now closed two of Gwent Police's three causes of concern.",
     {("gwent-police", COC, 3, 2, 1)}),
    # A definite set that a verb closes is all of it; "the remaining two" is what was left.
    ("HMICFRS has closed the two causes of concern it gave Essex Police.",
     {("essex-police", COC, 2, 2, 0)}),
    ("HMICFRS has closed the remaining two causes of concern given to Essex Police.",
     {("essex-police", COC, None, 2, None)}),
    # "can be closed" reported as a finding closes; in a conditional it does not.
    ("We identified five causes of concern at Avon and Somerset Constabulary. I can now "
     "confirm that three of them can be closed.",
     {("avon-and-somerset-constabulary", COC, 5, 3, 2)}),
    ("We identified five causes of concern at Avon and Somerset Constabulary. Three of them "
     "could be closed if the force keeps improving.",
     {("avon-and-somerset-constabulary", COC, 5, None, None)}),
    # "All but one" after the whole is stated, or with no whole at all.
    ("Of the five causes of concern the inspectorate has set out for Kent Police, all but "
     "one have now been closed.", {("kent-police", COC, 5, 4, 1)}),
    ("Inspectors made eleven recommendations to Gwent Police; all but three have been met.",
     {("gwent-police", REC, 11, 8, 3)}),
    ("MOPAC said that all but one of the causes of concern raised with the Metropolitan "
     "Police have now been closed.", {("metropolitan-police-service", COC, None, None, 1)}),
    # "partly" before one count does not spill onto the count before it; what is partly
    # met is open (five less the three implemented).
    ("Of the five recommendations, Avon and Somerset Constabulary has fully implemented "
     "three, partly implemented one and not implemented the last.",
     {("avon-and-somerset-constabulary", REC, 5, 3, 2)}),
    # A relative clause over every one, after a long noun phrase.
    ("Humberside Police had acted on the four recommendations made in the joint inspection of "
     "its custody suites, carried out by two inspectorates in 2023, all of which had now "
     "been completed.", {("humberside-police", REC, 4, 4, 0)}),
    # "including that …" says what one of them asks, not where they stand.
    ("The inspectorate made four recommendations to Sussex Police, including that the force "
     "should review all open cases within three months.", {("sussex-police", REC, 4, None, None)}),
    # A count of one that is bare is a total; one with a status is an item; one of a
    # larger set is not counted again.
    ("The report identifies one cause of concern, about how Kent Police handles missing "
     "people, and makes three recommendations.",
     {("kent-police", COC, 1, None, None), ("kent-police", REC, 3, None, None)}),
    ("One cause of concern, about investigations, is still open at Essex Police.", set()),
    ("Inspectors raised one cause of concern about custody at Surrey Police. They also raised "
     "a second cause of concern, about vetting. Surrey Police now has two causes of concern.",
     {("surrey-police", COC, 2, None, None)}),
    ("In 2018 we inspected Avon and Somerset Constabulary and identified one cause of concern, "
     "about the recording of violent crime. The cause of concern about violent crime "
     "recording has been addressed and removed.",
     {("avon-and-somerset-constabulary", COC, 1, 1, 0)}),
    # The bullets a count introduces say how many are closed, when there is one per item.
    ("Of the three recommendations made to Wiltshire Police:\n- the recommendation on victim "
     "updates has been achieved;\n- the recommendation on case file quality has been "
     "achieved; and\n- the recommendation on supervision of cases has not been achieved.",
     {("wiltshire-police", REC, 3, 2, 1)}),
    ("Of the three recommendations made to Wiltshire Police:\n- the recommendation on victim "
     "updates has been achieved; and\n- the recommendation on case file quality has been "
     "achieved.", {("wiltshire-police", REC, 3, None, None)}),
    # Look-alikes: not tallies.
    ("A cause of concern will always come with one or more recommendations.", set()),
    ("Forces may be escalated to Engage if they fail to address two causes of concern.", set()),
    ("Northumbria Police was rated inadequate in two areas and requires improvement in three.",
     set()),
    ("The report also identified six areas for improvement for Avon and Somerset "
     "Constabulary.", set()),
    ("Thames Valley Police answered three quarters of 999 calls within ten seconds.", set()),
    ("Both forces have closed some of their causes of concern.", set()),
    ("A national review of fraud made fourteen recommendations to forces. Kent Police said "
     "it would study them.", set()),
    ("HMICS made eight recommendations to Police Scotland.", set()),
    # A part of a set whose size is not given is no total of its own; with a status it
    # completes the set counted just before.
    ("One of the recommendations to Norfolk Constabulary concerns custody.", set()),
    ("The report on Dorset Police made six recommendations. Two of the recommendations have "
     "since been closed.", {("dorset-police", REC, 6, 2, 4)}),
    ("Cumbria Constabulary was given five recommendations. One of the recommendations asks "
     "for better vetting.", {("cumbria-constabulary", REC, 5, None, None)}),
    ("Dorset and Wiltshire Fire and Rescue Service has closed two of its three causes of "
     "concern.", set()),
]


def _tallies(text: str) -> set[tuple]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    return {(e.force_id, e.subject_kind, e.count_total, e.count_closed, e.count_open)
            for e in events if e.event_type == "recommendation"
            and (e.count_total, e.count_closed, e.count_open) != (None, None, None)}


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:45] for c in CASES])
def test_tally_phrasings(text, expected):
    assert _tallies(text) == expected


def _dated(text: str) -> list[tuple]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    return [(e.count_total, e.count_closed, e.event_date.isoformat() if e.event_date else None,
             e.date_precision) for e in events
            if e.event_type == "recommendation" and e.count_total is not None]


DATED = [
    # The tally's own date, not the publication date.
    ("When inspectors returned in February, four of the seven recommendations made to "
     "Merseyside Police had been closed.", [(7, 4, "2024-02-01", "month")]),
    ("Three of the five causes of concern raised with Cleveland Police were closed on "
     "3 April 2024.", [(5, 3, "2024-04-03", "day")]),
    # When the counted findings were made is not when the tally holds.
    ("Of the 19 recommendations made to Kent Police in 2015, 11 have since been implemented.",
     [(19, 11, None, None)]),
    # A bare total is dated by its own issue.
    ("On 4 March 2024 the inspectorate issued two causes of concern to Essex Police.",
     [(2, None, "2024-03-04", "day")]),
    # A span holds at its end.
    ("Inspectors revisited Kent Police in October and November, and found that both causes "
     "of concern had been closed.", [(2, 2, "2023-11-01", "month")]),
    # "now" says the tally holds on the day of publication; a date in a relative clause
    # about the counted findings is theirs, not the tally's.
    ("Of the four causes of concern that were open at the start of last year, Essex Police "
     "has now closed two.", [(4, 2, None, None)]),
    # A total is dated by its own clause only.
    ("Surrey Police entered Engage in May and remains there while it works through three "
     "causes of concern.", [(3, None, None, None)]),
    # No date of its own: NULL (the views fall back to the publication date).
    ("Lincolnshire Police has closed two of its five recommendations.", [(5, 2, None, None)]),
]


@pytest.mark.parametrize("text,expected", DATED, ids=[c[0][:45] for c in DATED])
def test_tally_dates(text, expected):
    assert _dated(text) == expected


def test_tally_evidence_is_the_text_it_came_from():
    text = ("Inspectors made eight recommendations to Derbyshire Constabulary. Six of them "
            "have now been met.")
    document = Document(url="probe", title="", text=text, published_date=PUBLISHED)
    tallies = [e for e in extract_events(document) if e.count_total is not None]
    assert tallies and all(text[e.char_start : e.char_end] == e.evidence for e in tallies)
    assert tallies[0].evidence == text  # both sentences: the total and the progress
