"""A battery of phase-change phrasings in our own words: entries and exits told by every verb
and noun reporters, press officers, clerks and inspectors use; dates by decision, letter,
meeting and announcement, at day, month or year, and relative to the page ("last week",
"in the spring"); headlines, timelines, tables and bulleted lists; moves inside a quote, in
reported speech and in a letter to the chief constable; background moves of other forces;
several forces in one sentence; and the near misses that give no row (a possible move, a
call for one, a denial, a process explainer, a force in Engage now with no move told, a fire
service, Police Scotland, ordinary uses of "engage" and "scan").

A row is (force, from, to, date, precision); a move told without a date is a row with date
None. A move announced now ("has been removed", a headline in the present) is dated on the
page's date. Published Wednesday 12 June 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)
TODAY = "2024-06-12"


def phase_rows(text: str) -> set[tuple]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    return {(e.force_id, e.phase_from, e.phase_to,
             e.event_date.isoformat() if e.event_date else None, e.date_precision)
            for e in events if e.event_type == "phase_change"}


def _when(value: str | int | None) -> tuple:
    if value is None:
        return (None, None)
    if isinstance(value, int):
        return (f"{value}-01-01", "year")
    if len(value) == 7:
        return (f"{value}-01", "month")
    return (value, "day")


def enter(force: str, value: str | int | None) -> tuple:
    return (force, "scan", "engage", *_when(value))


def leave(force: str, value: str | int | None) -> tuple:
    return (force, "engage", "scan", *_when(value))


ENTRY_VERBS = {
    "moved-into-phase": (
        "HMICFRS has moved Bedfordshire Police into the Engage phase of its monitoring, it "
        "announced on Tuesday.", {enter("bedfordshire-police", "2024-06-11")}),
    "placed-in-after": (
        "Cumbria Constabulary was placed in special measures in October 2023 after inspectors "
        "found serious failings in how it answered emergency calls.",
        {enter("cumbria-constabulary", "2023-10")}),
    "escalated-to": (
        "The inspectorate escalated Durham Constabulary to enhanced monitoring on 3 May 2024.",
        {enter("durham-constabulary", "2024-05-03")}),
    "put-into-by-watchdog": (
        "Hertfordshire Constabulary has been put into special measures by the police "
        "watchdog.", {enter("hertfordshire-constabulary", TODAY)}),
    "went-into-last-year": (
        "Last year Humberside Police went into Engage.", {enter("humberside-police", 2023)}),
    "entered-in-spring": (
        "In a blow to the force, Lancashire Constabulary entered the Engage process in the "
        "spring.", {enter("lancashire-constabulary", 2024)}),
    "plunged-last-week": (
        "Northamptonshire Police was plunged into special measures last week, the first time "
        "in its history.", {enter("northamptonshire-police", "2024-06")}),
    "has-decided-to-move": (
        "HMICFRS has decided to move Merseyside Police into Engage, its enhanced level of "
        "monitoring.", {enter("merseyside-police", TODAY)}),
    "is-to-be-placed": (
        "Norfolk Constabulary is to be placed in special measures, the inspectorate confirmed.",
        {enter("norfolk-constabulary", TODAY)}),
    "moved-back-into": (
        "Leicestershire Police moved back into Engage in February 2024.",
        {enter("leicestershire-police", "2024-02")}),
    "returned-to-special-measures": (
        "Cumbria Constabulary returned to special measures in April 2024.",
        {enter("cumbria-constabulary", "2024-04")}),
    "advanced-stage": (
        "Bedfordshire Police was moved to an advanced stage of monitoring in 2022.",
        {enter("bedfordshire-police", 2022)}),
    "under-close-monitoring": (
        "Gwent Police was put under close monitoring by HMICFRS in November 2023.",
        {enter("gwent-police", "2023-11")}),
    "fronted-date-passive": (
        "In October 2022, Staffordshire Police was moved into Engage.",
        {enter("staffordshire-police", "2022-10")}),
    "back-in-year": (
        "Back in 2020, Kent Police was escalated to enhanced monitoring.",
        {enter("kent-police", 2020)}),
    "ordinal-of-month": (
        "Avon and Somerset Constabulary was placed into Engage on the 3rd of May 2023.",
        {enter("avon-and-somerset-constabulary", "2023-05-03")}),
    "short-form": (
        "GMP was placed in special measures in December 2020.",
        {enter("greater-manchester-police", "2020-12")}),
    "will-now-monitor-under": (
        "HMICFRS will now monitor Devon and Cornwall Police under its enhanced Engage "
        "process, the inspectorate said today.", {enter("devon-and-cornwall-police", TODAY)}),
    "escalated-from-to": (
        "Kent Police has been escalated from Scan to Engage.", {enter("kent-police", TODAY)}),
    "minutes-record": (
        "The minutes record that Cheshire Constabulary was escalated into the Engage phase on "
        "2 April 2024.", {enter("cheshire-constabulary", "2024-04-02")}),
}

EXIT_VERBS = {
    "taken-out-of": (
        "Cleveland Police has been taken out of special measures.",
        {leave("cleveland-police", TODAY)}),
    "released-from": (
        "Gwent Police was released from enhanced monitoring on 22 January 2024.",
        {leave("gwent-police", "2024-01-22")}),
    "came-out-of": (
        "Surrey Police came out of Engage in 2023.", {leave("surrey-police", 2023)}),
    "exited": (
        "West Yorkshire Police exited special measures in November 2023.",
        {leave("west-yorkshire-police", "2023-11")}),
    "returned-to-routine-yesterday": (
        "Staffordshire Police has returned to routine monitoring, HMICFRS said yesterday.",
        {leave("staffordshire-police", "2024-06-11")}),
    "de-escalated": (
        "Wiltshire Police was de-escalated from Engage to Scan in April.",
        {leave("wiltshire-police", "2024-04")}),
    "lifted-at": (
        "The watchdog lifted special measures at Thames Valley Police earlier this month.",
        {leave("thames-valley-police", "2024-06")}),
    "no-longer-under": (
        "Derbyshire Constabulary is no longer under enhanced monitoring, the inspectorate "
        "announced today.", {leave("derbyshire-constabulary", TODAY)}),
    "ended-its-monitoring": (
        "HMICFRS has ended its enhanced monitoring of Warwickshire Police.",
        {leave("warwickshire-police", TODAY)}),
    "emerged-summer": (
        "Dyfed-Powys Police emerged from special measures in the summer of 2022.",
        {leave("dyfed-powys-police", 2022)}),
    "discharged-from": (
        "Kent Police was discharged from Engage in March 2024.",
        {leave("kent-police", "2024-03")}),
    "moved-back-to-scan": (
        "North Wales Police was moved back to Scan in January.",
        {leave("north-wales-police", "2024-01")}),
    "oversight-to-a-close": (
        "HMICFRS has brought its enhanced oversight of Norfolk Constabulary to a close.",
        {leave("norfolk-constabulary", TODAY)}),
    "welsh-name": (
        "Heddlu Gwent was removed from Engage in 2023.", {leave("gwent-police", 2023)}),
    "fronted-day-out-of-phase": (
        "On 12 January 2024, Suffolk Constabulary was moved out of the Engage phase.",
        {leave("suffolk-constabulary", "2024-01-12")}),
    "us-style-date": (
        "Merseyside Police left Engage on May 3, 2024.",
        {leave("merseyside-police", "2024-05-03")}),
    "left-in-month": (
        "Merseyside Police left Engage in May.", {leave("merseyside-police", "2024-05")}),
    "last-autumn": (
        "Humberside Police was taken off enhanced monitoring last autumn.",
        {leave("humberside-police", 2023)}),
    "confirmed-return-friday": (
        "HMICFRS confirmed Kent Police's return to Scan on Friday.",
        {leave("kent-police", "2024-06-07")}),
    "stood-down": (
        "Inspectors have stood down enhanced monitoring of Surrey Police.",
        {leave("surrey-police", TODAY)}),
    "time-in-engage-ended": (
        "Norfolk Constabulary's time in Engage ended in March.",
        {leave("norfolk-constabulary", "2024-03")}),
    "said-had-decided-to-remove": (
        "HMICFRS said it had decided to remove Derbyshire Constabulary from Engage.",
        {leave("derbyshire-constabulary", TODAY)}),
    "de-escalation-noun": (
        "The de-escalation of Gwent Police to Scan was confirmed on 14 May 2024.",
        {leave("gwent-police", "2024-05-14")}),
}

SINCE_AND_REMAINS = {
    "has-been-in-since": (
        "Essex Police has been in special measures since September 2022.",
        {enter("essex-police", "2022-09")}),
    "remains-where-placed": (
        "Sussex Police remains in Engage, where it was placed in 2022.",
        {enter("sussex-police", 2022)}),
    "under-since-last-month": (
        "Avon and Somerset Constabulary, which has been under enhanced monitoring since last "
        "July, published its improvement plan.",
        {enter("avon-and-somerset-constabulary", "2023-07")}),
    "remains-no-move": (
        "Suffolk Constabulary remains in Engage.", set()),
    "currently-in-phase": (
        "Cheshire Constabulary is currently in the Engage phase and its improvement plan is "
        "overseen by the performance oversight group.", set()),
    "caption-which-was": (
        "Pictured: the headquarters of Essex Police, which was moved into Engage in 2022.",
        {enter("essex-police", 2022)}),
    "in-from-to": (
        "Durham Constabulary was in special measures from 2019 to 2021.",
        {enter("durham-constabulary", 2019), leave("durham-constabulary", 2021)}),
    "placed-then-returned": (
        "Suffolk Constabulary, placed in Engage in 2021, has now been returned to Scan.",
        {enter("suffolk-constabulary", 2021), leave("suffolk-constabulary", TODAY)}),
    "into-and-out-of": (
        "Northamptonshire Police was moved into Engage in 2019 and out of it in 2021.",
        {enter("northamptonshire-police", 2019), leave("northamptonshire-police", 2021)}),
    "went-left-returned": (
        "Cleveland Police has had a troubled decade. The force went into Engage in 2019, left "
        "in 2021 and returned in 2023.",
        {enter("cleveland-police", 2019), leave("cleveland-police", 2021),
         enter("cleveland-police", 2023)}),
}

NOUN_FORMS = {
    "since-exit-from": (
        "Nottinghamshire Police has cut its backlog since the force's exit from Engage in "
        "January 2024.", {leave("nottinghamshire-police", "2024-01")}),
    "decision-to-remove": (
        "The inspectorate's decision on Monday to remove Lincolnshire Police from enhanced "
        "monitoring was welcomed by the commissioner.",
        {leave("lincolnshire-police", "2024-06-10")}),
    "possessive-entry-into": (
        "Greater Manchester Police's entry into special measures in December 2020 came after "
        "a damning report on crime recording.",
        {enter("greater-manchester-police", "2020-12")}),
    "move-of-into": (
        "The move of Devon and Cornwall Police into Engage in October 2022 followed concerns "
        "about emergency call handling.", {enter("devon-and-cornwall-police", "2022-10")}),
    "removal-from": (
        "Cleveland Police's removal from special measures in 2023 was a milestone, the chief "
        "constable said.", {leave("cleveland-police", 2023)}),
}

HEADLINES = {
    "headline-exits": (
        "Gloucestershire Constabulary exits special measures\nThe force has made strong "
        "progress, inspectors said.", {leave("gloucestershire-constabulary", TODAY)}),
    "headline-placed": (
        "South Yorkshire Police placed in special measures\nThe inspectorate raised concerns "
        "about the way the force investigates crime.",
        {enter("south-yorkshire-police", TODAY)}),
    "headline-watchdog-takes": (
        "Watchdog takes Met Police out of enhanced monitoring\nThe decision was announced "
        "this morning.", {leave("metropolitan-police-service", TODAY)}),
    "headline-bare-place": (
        "Cleveland emerges from special measures\nInspectors praised the force's progress.",
        {leave("cleveland-police", TODAY)}),
    "headline-letter-date": (
        "City of London Police moved into Engage\nThe inspectorate wrote to the commissioner "
        "on 4 June 2024 to confirm the decision.",
        {enter("city-of-london-police", "2024-06-04")}),
    "heading-then-the-force": (
        "Dorset Police: inspectorate update\nThe force was moved into Engage on 10 May 2024.",
        {enter("dorset-police", "2024-05-10")}),
    "headline-no-verb": (
        "GMP out of special measures\nThe inspectorate praised the force's progress.",
        {leave("greater-manchester-police", TODAY)}),
}

DECISIONS_LETTERS_MEETINGS = {
    "letter-dated-would-move": (
        "In a letter dated 8 April 2024, the HM Inspector of Constabulary told the chief "
        "constable that Bedfordshire Police would move into Engage.",
        {enter("bedfordshire-police", "2024-04-08")}),
    "meeting-agreed-should-return": (
        "At its meeting on 15 May 2024, the Policing Performance Oversight Group agreed that "
        "Cumbria Constabulary should return to Scan.",
        {leave("cumbria-constabulary", "2024-05-15")}),
    "announced-that-had-moved": (
        "HMICFRS announced on 9 February 2024 that it had moved Humberside Police into "
        "Engage.", {enter("humberside-police", "2024-02-09")}),
    "decided-should-leave": (
        "On 21 March 2024 the chief inspector of constabulary decided that Essex Police "
        "should leave enhanced monitoring.", {leave("essex-police", "2024-03-21")}),
    "letter-decided-to-move": (
        "Dear Chief Constable,\nI am writing to tell you that I have decided to move West "
        "Mercia Police from Engage back into Scan, our routine monitoring phase.\nYours "
        "sincerely,\nHM Inspector of Constabulary", {leave("west-mercia-police", TODAY)}),
    "letter-with-effect-from-today": (
        "Dear Chief Constable\nFollowing our revisit in March, I have decided that "
        "Warwickshire Police will be placed into the Engage phase of our monitoring process "
        "with effect from today.", {enter("warwickshire-police", TODAY)}),
}

QUOTES_AND_SPEECH = {
    "quote-being-placed": (
        "\"Being placed in special measures last year was a wake-up call,\" said Chief "
        "Constable Anna Prentice of Wiltshire Police.", {enter("wiltshire-police", 2023)}),
    "quote-coming-out": (
        "Chief Constable Mark Hollis said: \"Today the inspectorate has confirmed that "
        "Derbyshire Constabulary is coming out of Engage, and I am proud of our officers.\"",
        {leave("derbyshire-constabulary", TODAY)}),
    "quote-two-moves": (
        "The commissioner said: \"The Met was moved into enhanced monitoring in June 2022 "
        "and has now left it.\"",
        {enter("metropolitan-police-service", "2022-06"),
         leave("metropolitan-police-service", TODAY)}),
    "reported-had-been-moved-out": (
        "The chief constable told the police and crime panel that Northumbria Police had been "
        "moved out of Engage in April.", {leave("northumbria-police", "2024-04")}),
    "reported-commissioner": (
        "The police and crime commissioner said Hampshire and Isle of Wight Constabulary had "
        "been removed from the enhanced monitoring process on 30 May.",
        {leave("hampshire-and-isle-of-wight-constabulary", "2024-05-30")}),
    "panel-heard": (
        "The chief constable of Thames Valley Police attended the panel. Members heard the "
        "force had moved out of special measures in January 2024.",
        {leave("thames-valley-police", "2024-01")}),
}

TIMELINES_TABLES_LISTS = {
    "timeline-months": (
        "Timeline: Lancashire Constabulary and the inspectorate\nMarch 2021: moved into "
        "Engage\nJuly 2022: returned to Scan",
        {enter("lancashire-constabulary", "2021-03"),
         leave("lancashire-constabulary", "2022-07")}),
    "timeline-bullets-years": (
        "Key dates for Cleveland Police:\n- 2019: placed in special measures\n- 2023: removed "
        "from special measures",
        {enter("cleveland-police", 2019), leave("cleveland-police", 2023)}),
    "table-entry-exit-columns": (
        "Force | Moved into Engage | Moved back to Scan\nKent Police | March 2021 | June 2023\n"
        "Essex Police | October 2022 | –",
        {enter("kent-police", "2021-03"), leave("kent-police", "2023-06"),
         enter("essex-police", "2022-10")}),
    "table-phase-and-date": (
        "Force | Phase | Date of move\nSurrey Police | Engage | 14 February 2024",
        {enter("surrey-police", "2024-02-14")}),
    "list-after-colon-dated": (
        "In March 2024 HMICFRS placed three forces in special measures:\n- Dorset Police\n"
        "- Gwent Police\n- Suffolk Constabulary",
        {enter("dorset-police", "2024-03"), enter("gwent-police", "2024-03"),
         enter("suffolk-constabulary", "2024-03")}),
    "list-taken-out-year": (
        "These forces were taken out of Engage in 2023:\n* Avon and Somerset Constabulary\n"
        "* Cleveland Police",
        {leave("avon-and-somerset-constabulary", 2023), leave("cleveland-police", 2023)}),
}

SEVERAL_AND_BACKGROUND = {
    "both-moved": (
        "Both Kent Police and Sussex Police were moved into Engage in September 2023.",
        {enter("kent-police", "2023-09"), enter("sussex-police", "2023-09")}),
    "removed-and-placed": (
        "On 5 March 2024 HMICFRS removed Dorset Police from Engage and placed Wiltshire "
        "Police into it.",
        {leave("dorset-police", "2024-03-05"), enter("wiltshire-police", "2024-03-05")}),
    "three-all-left": (
        "Gwent Police, North Wales Police and South Wales Police all left special measures "
        "in 2022.",
        {leave("gwent-police", 2022), leave("north-wales-police", 2022),
         leave("south-wales-police", 2022)}),
    "neighbour-background": (
        "Staffordshire Police has been removed from Engage. Neighbouring West Midlands Police "
        "was moved into special measures in November 2023.",
        {leave("staffordshire-police", TODAY), enter("west-midlands-police", "2023-11")}),
    "latest-force-and-recap": (
        "Lincolnshire Police today became the latest force to enter Engage. Greater "
        "Manchester Police, which was placed there in 2020, left in 2022.",
        {enter("lincolnshire-police", TODAY), enter("greater-manchester-police", 2020),
         leave("greater-manchester-police", 2022)}),
    "comparison-other-force": (
        "Lancashire Constabulary left Engage in March 2024, more quickly than Cleveland "
        "Police did.", {leave("lancashire-constabulary", "2024-03")}),
}

NEAR_MISSES = {
    "could-be-moved": (
        "Northamptonshire Police could be moved into special measures if its call handling "
        "does not improve.", set()),
    "calls-for": (
        "Campaigners have called for Cheshire Constabulary to be placed in special measures.",
        set()),
    "denied": (
        "Kent Police denied reports that it had been placed in special measures.", set()),
    "process-explainer": (
        "Under the monitoring process, a force is moved into Engage when it is not "
        "responding to a cause of concern, and returns to Scan once it has.", set()),
    "fire-service": (
        "Essex County Fire and Rescue Service has been moved into the Engage phase of "
        "HMICFRS monitoring.", set()),
    "police-scotland": (
        "Police Scotland was placed under enhanced scrutiny by HMICS in 2023.", set()),
    "expected-to-leave": (
        "Surrey Police is expected to leave Engage later this year.", set()),
    "avoided": (
        "Hertfordshire Constabulary avoided special measures despite two causes of concern.",
        set()),
    "school-ofsted": (
        "The Durham school was placed in special measures by Ofsted last year.", set()),
    "graded-not-moved": (
        "Sussex Police was graded inadequate for investigating crime, but it has not been "
        "moved into Engage.", set()),
    "stays-in": (
        "Two causes of concern have been closed, but Gwent Police stays in Engage.", set()),
    "would-ask": (
        "The commissioner said she would ask HMICFRS to take Cleveland Police out of special "
        "measures at the next review.", set()),
    "moved-into-headquarters": (
        "Humberside Police moved into its new headquarters in 2023.", set()),
    "ordinary-engage-scan": (
        "West Yorkshire Police will engage with residents this summer and scan its records "
        "for gaps.", set()),
    "did-not-enter": (
        "Kent Police did not enter Engage in 2023, contrary to reports.", set()),
    "may-be-escalated": (
        "If it fails to improve, Derbyshire Constabulary may be escalated to Engage.", set()),
    "status-list": (
        "Five forces are currently in Engage:\n- Cleveland Police\n- Gwent Police\n- Kent "
        "Police\n- Surrey Police\n- Wiltshire Police", set()),
    "fire-service-exit": (
        "Dorset and Wiltshire Fire and Rescue Service has been removed from enhanced "
        "monitoring, inspectors said.", set()),
    "not-told": (
        "A spokesperson said Lincolnshire Police had not been told it would be placed in "
        "special measures.", set()),
    "rumours-unfounded": (
        "Rumours that Surrey Police faced special measures proved unfounded.", set()),
    "explainer-headline": (
        "What happens when a force enters special measures?\nThe inspectorate's process has "
        "two phases, Scan and Engage.", set()),
    "hopes-to-leave": (
        "Kent Police could leave Engage as early as September, the chief constable hopes.",
        set()),
    "yet-to-decide": (
        "The inspectorate has yet to decide whether to move Essex Police into Engage.", set()),
}

# More phrasings and near misses for the readings the cases above first lacked.
MORE = {
    "stood-down-its": (
        "HMICFRS stood down its close monitoring of Kent Police in March 2024.",
        {leave("kent-police", "2024-03")}),
    "brought-regime-to-an-end": (
        "The inspectorate brought the special measures regime at Essex Police to an end in "
        "2023.", {leave("essex-police", 2023)}),
    "year-draws-to-a-close": (
        "Kent Police remains in special measures as the year draws to a close.", set()),
    "bringing-to-an-end-the-stay": (
        "Suffolk Constabulary was returned to Scan, bringing to an end two years in the "
        "Engage phase.", {leave("suffolk-constabulary", TODAY)}),
    "brought-to-a-close-its-time": (
        "The inspectorate has brought to a close Norfolk Constabulary's time in Engage.",
        {leave("norfolk-constabulary", TODAY)}),
    "closing-words-of-another-clause": (
        "The review was brought to an end, and Essex Police was then placed in Engage.",
        {enter("essex-police", TODAY)}),
    "will-now-oversee-under": (
        "Inspectors will now oversee Cumbria Constabulary under the Engage process.",
        {enter("cumbria-constabulary", TODAY)}),
    "will-continue-to-monitor": (
        "HMICFRS will continue to monitor Kent Police under its Engage process.", set()),
    "is-monitored-under": (
        "Kent Police is monitored under the Engage process.", set()),
    "has-denied-that": (
        "The chief constable has denied that Essex Police is to be moved into Engage.", set()),
    "asked-the-inspectorate": (
        "MPs have asked the inspectorate to place Sussex Police in special measures.", set()),
    "hospital-in-place": (
        "A hospital in Kent was placed in special measures in 2023.", set()),
    "hospital-after-the-move": (
        "Kent Police was placed in special measures in 2023, a year after the county's "
        "hospital trust.", {enter("kent-police", 2023)}),
    "where-since": (
        "Kent Police remains in special measures, where it has been since March 2021.",
        {enter("kent-police", "2021-03")}),
    "where-told-to-improve": (
        "Kent Police is in special measures, where it was told to improve.", set()),
    "sent-there-first": (
        "Of the forces in special measures, Cleveland Police was sent there first, in 2019.",
        {enter("cleveland-police", 2019)}),
    "moved-there-from": (
        "Kent Police is in Engage. Its officers moved there from Essex.", set()),
    "joined-and-left-it": (
        "Kent Police joined Engage in 2021 and left it in 2023.",
        {enter("kent-police", 2021), leave("kent-police", 2023)}),
    "stay-between-months": (
        "Kent Police was in Engage between March 2019 and June 2021.",
        {enter("kent-police", "2019-03"), leave("kent-police", "2021-06")}),
    "stay-between-years": (
        "Suffolk Constabulary was in special measures between 2019 and 2021.",
        {enter("suffolk-constabulary", 2019), leave("suffolk-constabulary", 2021)}),
    "stay-from-then-left": (
        "Dorset Police was in Engage from 2019, and left in 2021.",
        {enter("dorset-police", 2019), leave("dorset-police", 2021)}),
    "stay-still-to-come": (
        "Essex Police will be in special measures from May to July.", set()),
    "stay-from-only": (
        "Surrey Police has been in special measures from March 2023.",
        {enter("surrey-police", "2023-03")}),
    "list-items-own-dates": (
        "The following forces left Engage:\n- Kent Police, March 2023\n- Essex Police, June "
        "2023", {leave("kent-police", "2023-03"), leave("essex-police", "2023-06")}),
    "list-undated-colon": (
        "Two forces have been moved into special measures:\n- Norfolk Constabulary\n- Suffolk "
        "Constabulary", {enter("norfolk-constabulary", None), enter("suffolk-constabulary", None)}),
    "list-status-colon": (
        "Three forces are in special measures:\n- Kent Police\n- Essex Police\n- Gwent "
        "Police", set()),
    "timeline-day-lines": (
        "Gwent Police: key dates\n- 14 June 2022: escalated to Engage\n- 9 May 2024: moved "
        "back to Scan",
        {enter("gwent-police", "2022-06-14"), leave("gwent-police", "2024-05-09")}),
    "timeline-line-with-subject": (
        "Essex Police: key dates\n- 2019: Kent Police moved into Engage",
        {enter("kent-police", 2019)}),
    "objects-of-placed": (
        "The inspectorate placed Kent Police and Essex Police in Engage in 2021.",
        {enter("kent-police", 2021), enter("essex-police", 2021)}),
    "removed-one-placed-another": (
        "HMICFRS removed Dorset Police from Engage and placed Wiltshire Police into it.",
        {leave("dorset-police", TODAY), enter("wiltshire-police", TODAY)}),
    "fronted-date-then-now": (
        "In 2019, Kent Police was moved into Engage, and Essex Police has now left it.",
        {enter("kent-police", 2019), leave("essex-police", TODAY)}),
}

# A second round of phrasings, written after the first was read.
WAVE2 = {
    "exited-the-process": (
        "Kent Police has exited the Engage process.", {leave("kent-police", TODAY)}),
    "status-was-lifted": (
        "Essex Police's special measures status was lifted in May.",
        {leave("essex-police", "2024-05")}),
    "monitoring-of-ended": (
        "Enhanced monitoring of Surrey Police ended in March.",
        {leave("surrey-police", "2024-03")}),
    "is-out-of": (
        "Sussex Police is out of special measures.", {leave("sussex-police", TODAY)}),
    "lifted-out-of": (
        "HMICFRS has lifted Gwent Police out of special measures.",
        {leave("gwent-police", TODAY)}),
    "dash-relative-has-now-left": (
        "Dorset Police \u2013 which entered Engage in 2021 \u2013 has now left.",
        {enter("dorset-police", 2021), leave("dorset-police", TODAY)}),
    "decision-taken-on": (
        "The decision to place Cumbria Constabulary into Engage was taken on 12 March.",
        {enter("cumbria-constabulary", "2024-03-12")}),
    "will-be-removed-announced": (
        "Durham Constabulary will be removed from special measures, HMICFRS announced.",
        {leave("durham-constabulary", TODAY)}),
    "second-time": (
        "Lancashire Constabulary entered special measures for the second time in March.",
        {enter("lancashire-constabulary", "2024-03")}),
    "the-move-to-take": (
        "The move to take Norfolk Constabulary out of special measures was confirmed on "
        "Friday.", {leave("norfolk-constabulary", "2024-06-07")}),
    "after-months-in": (
        "After 14 months in special measures, Suffolk Constabulary has been returned to "
        "routine monitoring.",
        {enter("suffolk-constabulary", 2023), leave("suffolk-constabulary", TODAY)}),
    "welsh-south-wales": (
        "Heddlu De Cymru was moved into Engage in 2022.", {enter("south-wales-police", 2022)}),
    "bare-place-by-inspectorate": (
        "Kent was put into special measures by the inspectorate in 2022.",
        {enter("kent-police", 2022)}),
    "the-met": (
        "The Met was placed into Engage in June 2022.",
        {enter("metropolitan-police-service", "2022-06")}),
    "quote-no-longer": (
        "\"We are no longer in special measures,\" said the chief constable of Wiltshire "
        "Police.", {leave("wiltshire-police", TODAY)}),
    "letter-pleased-to-confirm": (
        "I am pleased to confirm that Cheshire Constabulary has been moved from the Engage "
        "phase to the Scan phase.", {leave("cheshire-constabulary", TODAY)}),
    "minutes-reported-had-exited": (
        "The Chief Constable reported that Cleveland Police had exited Engage on 3 April "
        "2024.", {leave("cleveland-police", "2024-04-03")}),
    "one-of-four-placed": (
        "Merseyside Police was one of four forces placed into Engage in 2022.",
        {enter("merseyside-police", 2022)}),
    "among-forces-to-have-left": (
        "Kent Police, Essex Police and Surrey Police are among the forces to have left "
        "special measures this year.",
        {leave("kent-police", 2024), leave("essex-police", 2024), leave("surrey-police", 2024)}),
    "one-of-five-in": (
        "Northumbria Police is one of five forces in special measures.", set()),
    "if-placed": (
        "If Humberside Police is placed in special measures, it will be the third force this "
        "year.", set()),
    "led-out-of": (
        "The new chief constable led Cleveland Police out of special measures in 2023.",
        {leave("cleveland-police", 2023)}),
    "will-exit-confirmed": (
        "Devon and Cornwall Police will exit Engage, the inspectorate has confirmed.",
        {leave("devon-and-cornwall-police", TODAY)}),
    "confirmed-on-monday-would-exit": (
        "HMICFRS confirmed on Monday that Avon and Somerset Constabulary would exit enhanced "
        "monitoring.", {leave("avon-and-somerset-constabulary", "2024-06-10")}),
    "would-have-been": (
        "Staffordshire Police would have been placed in Engage had it not improved.", set()),
    "considered-placing": (
        "Ministers considered placing Leicestershire Police in special measures.", set()),
    "exit-announced-on": (
        "Derbyshire Constabulary's exit from special measures was announced on 2 May.",
        {leave("derbyshire-constabulary", "2024-05-02")}),
    "discharged-known-as": (
        "Bedfordshire Police has been discharged from the enhanced level of monitoring, known "
        "as Engage.", {leave("bedfordshire-police", TODAY)}),
    "table-bare-place": (
        "Force | Entered Engage | Left Engage\nKent | 2019 | 2021\nEssex Police | March 2020 "
        "| \u2013", {enter("kent-police", 2019), leave("kent-police", 2021),
                    enter("essex-police", "2020-03")}),
    "table-fire-service": (
        "Service | Entered Engage | Left Engage\nDorset and Wiltshire Fire and Rescue Service | "
        "2019 | 2021", set()),
    "headline-lifted-for": (
        "Special measures lifted for Lincolnshire Police\nThe inspectorate praised the force.",
        {leave("lincolnshire-police", TODAY)}),
    "went-back-into": (
        "Hertfordshire Constabulary went back into special measures in 2023.",
        {enter("hertfordshire-constabulary", 2023)}),
    "slipped-back-into": (
        "Warwickshire Police slipped back into Engage in 2023.",
        {enter("warwickshire-police", 2023)}),
    "all-clear-to-leave": (
        "West Mercia Police has been given the all-clear to leave special measures.",
        {leave("west-mercia-police", TODAY)}),
    "months-after-placed-there": (
        "North Yorkshire Police has been released from the Engage phase, 18 months after it "
        "was placed there.",
        {leave("north-yorkshire-police", TODAY), enter("north-yorkshire-police", 2022)}),
    "autumn-of-year": (
        "Thames Valley Police moved out of Engage in the autumn of 2023.",
        {leave("thames-valley-police", 2023)}),
    "said-in-letter-dated": (
        "HMICFRS said in a letter dated 3 April 2024 that Greater Manchester Police would "
        "return to Scan.", {leave("greater-manchester-police", "2024-04-03")}),
    "is-moving": (
        "The inspectorate is moving West Yorkshire Police into Engage.",
        {enter("west-yorkshire-police", TODAY)}),
    "second-stage-known-as": (
        "Avon and Somerset Constabulary has been escalated to the second stage of the "
        "monitoring process, known as Engage.",
        {enter("avon-and-somerset-constabulary", TODAY)}),
    "move-out-came": (
        "Gloucestershire Constabulary's move out of Engage came in September 2023.",
        {leave("gloucestershire-constabulary", "2023-09")}),
    "first-force-to-leave": (
        "Northamptonshire Police became the first force to leave special measures in 2023.",
        {leave("northamptonshire-police", 2023)}),
    "in-for-two-years": (
        "Cambridgeshire Constabulary has been in Engage for two years.",
        {enter("cambridgeshire-constabulary", 2022)}),
    "joins-in": (
        "Essex Police joins Kent Police in special measures.", {enter("essex-police", TODAY)}),
    "officers-told-on-tuesday": (
        "Officers at Kent Police were told on Tuesday that the force had been placed in "
        "special measures.", {enter("kent-police", "2024-06-11")}),
    "pleased-was-out": (
        "The Home Secretary said she was pleased that Kent Police was out of special "
        "measures.", {leave("kent-police", TODAY)}),
    "a-year-on-from-entering": (
        "A year on from entering special measures, Kent Police has made progress.",
        {enter("kent-police", 2023)}),
    "having-entered-it": (
        "Kent Police was taken out of Engage on 1 July 2023, having entered it in March 2022.",
        {leave("kent-police", "2023-07-01"), enter("kent-police", "2022-03")}),
    "stood-down-from": (
        "Kent Police has now been formally stood down from enhanced monitoring.",
        {leave("kent-police", TODAY)}),
    "latest-to-be-placed": (
        "Kent Police is the latest force to be placed under enhanced monitoring.",
        {enter("kent-police", TODAY)}),
    "later-left-undated": (
        "Kent Police was moved into Engage in 2021 and later left.",
        {enter("kent-police", 2021), leave("kent-police", None)}),
    "left-with-an-object": (
        "Kent Police was moved into Engage in 2021 and left the meeting with a plan.",
        {enter("kent-police", 2021)}),
    "not-until-past": (
        "Kent Police did not leave special measures until March 2024.",
        {leave("kent-police", "2024-03")}),
    "not-until-future": (
        "Kent Police will not leave special measures until 2026.", set()),
    "not-until-event": (
        "Kent Police was not placed in Engage until it failed a second inspection.", set()),
    "returned-to-a-place": (
        "Kent Police was moved into Engage in 2019, left in 2021 and returned to its old "
        "headquarters in 2023.", {enter("kent-police", 2019), leave("kent-police", 2021)}),
    "table-phase-since": (
        "Force | Phase | Since\nKent Police | Engage | March 2022\nEssex Police | Scan | 2014",
        {enter("kent-police", "2022-03")}),
    "table-phase-date-moved-scan": (
        "Force | Phase | Date moved\nKent Police | Scan | March 2022",
        {leave("kent-police", "2022-03")}),
    "table-status-inspected": (
        "Force | Status | Last inspected\nKent Police | Engage | March 2022", set()),
}

# A third round: letters, minutes, headlines with "to", possessors, quotes in the first person,
# courts' "special measures" for witnesses.
WAVE3 = {
    "announced-it-is-placing": (
        "HMICFRS has today announced that it is placing Kent Police in Engage.",
        {enter("kent-police", TODAY)}),
    "which-escalated-last-september": (
        "Kent Police, which was escalated to Engage last September, has a new chief "
        "constable.", {enter("kent-police", "2023-09")}),
    "dash-aside-since": (
        "Kent Police \u2013 in special measures since 2021 \u2013 has a new chief constable.",
        {enter("kent-police", 2021)}),
    "since-being-escalated": (
        "Kent Police has been in Engage since being escalated in March 2022.",
        {enter("kent-police", "2022-03")}),
    "removed-in-letter-dated": (
        "Kent Police has a new plan. The inspectorate removed the force from Engage in a "
        "letter to the chief constable dated 20 May 2024.", {leave("kent-police", "2024-05-20")}),
    "letter-with-immediate-effect": (
        "Kent Police has a new plan. In his letter, Mr Cooke said the force would move out of "
        "Engage with immediate effect.", {leave("kent-police", TODAY)}),
    "decision-of-agent-to-return": (
        "The panel discussed the decision of His Majesty's Chief Inspector of Constabulary to "
        "return Kent Police to the Scan phase with effect from 3 June 2024.",
        {leave("kent-police", "2024-06-03")}),
    "hoped-for-a-decision": (
        "The panel hoped for a decision by the inspectorate to place Kent Police in Engage.",
        set()),
    "returned-to-scan-with-effect": (
        "Kent Police returned to Scan with effect from 3 June 2024.",
        {leave("kent-police", "2024-06-03")}),
    "scan-verb-with-effect": (
        "Kent Police officers will scan with care every document it holds.", set()),
    "headline-moves-out": (
        "Kent Police moves out of special measures", {leave("kent-police", TODAY)}),
    "headline-to-exit": (
        "Kent Police to exit special measures", {leave("kent-police", TODAY)}),
    "headline-set-to-leave": (
        "Kent Police set to leave special measures", set()),
    "expected-to-be-placed": (
        "Kent Police is expected to be placed into special measures.", set()),
    "headline-second-time": (
        "Kent Police placed into special measures for a second time",
        {enter("kent-police", TODAY)}),
    "headline-colon-lifted": (
        "Kent Police: special measures lifted", {leave("kent-police", TODAY)}),
    "escalated-its-monitoring": (
        "The watchdog escalated its monitoring of Kent Police to the Engage phase in 2022.",
        {enter("kent-police", 2022)}),
    "stepped-up-moving-it": (
        "The watchdog stepped up its monitoring of Kent Police in 2022, moving it to Engage.",
        {enter("kent-police", 2022)}),
    "has-had-lifted": (
        "Kent Police has had special measures lifted.", {leave("kent-police", TODAY)}),
    "had-imposed": (
        "Kent Police had special measures imposed in 2021.", {enter("kent-police", 2021)}),
    "were-imposed-on": (
        "Special measures were imposed on Kent Police in 2021.", {enter("kent-police", 2021)}),
    "one-of-the-forces-taken-out": (
        "Kent Police, one of the forces taken out of Engage in 2023, has a new chief "
        "constable.", {leave("kent-police", 2023)}),
    "members-noted": (
        "Members noted that Kent Police had moved into the Engage phase in September.",
        {enter("kent-police", "2023-09")}),
    "according-to": (
        "According to the chief constable, Kent Police came out of Engage last month.",
        {leave("kent-police", "2024-05")}),
    "never-been-in": (
        "Kent Police has never been in special measures.", set()),
    "is-not-in-the-force-said": (
        "Kent Police is not in special measures, the force said.", set()),
    "warned-it-faces": (
        "Kent Police was warned it faces special measures.", set()),
    "said-had-avoided": (
        "The chief constable said Kent Police had avoided Engage.", set()),
    "hopes-to-exit": (
        "Kent Police hopes to exit Engage by the end of the year.", set()),
    "possessor-neighbour": (
        "Kent Police's neighbour, Essex Police, has left special measures.",
        {leave("essex-police", TODAY)}),
    "quote-first-person-decision": (
        "\"The decision to take us out of special measures is a testament to our officers,\" "
        "said the Chief Constable of Kent Police.", {leave("kent-police", TODAY)}),
    "quote-of-another-force": (
        "\"Kent Police was placed in special measures in 2022,\" said the chief constable of "
        "Essex Police.", {enter("kent-police", 2022)}),
    "wrote-to-say-being-moved": (
        "HM Inspector of Constabulary Roy Wilsher wrote to Kent Police on 3 April to say it "
        "was being moved into Engage.", {enter("kent-police", "2024-04-03")}),
    "stint-ended": (
        "Kent Police's stint in special measures ended in May 2024.",
        {leave("kent-police", "2024-05")}),
    "spent-before-leaving": (
        "Kent Police spent 18 months in Engage before leaving in March 2024.",
        {enter("kent-police", 2022), leave("kent-police", "2024-03")}),
    "phase-for-ended": (
        "The Engage phase for Kent Police ended on 3 May 2024.",
        {leave("kent-police", "2024-05-03")}),
    "all-placed-and-one-left": (
        "Kent Police, Essex Police and Surrey Police were all placed in Engage in 2022, and "
        "Surrey left in 2023.",
        {enter("kent-police", 2022), enter("essex-police", 2022), enter("surrey-police", 2022),
         leave("surrey-police", 2023)}),
    "witness-special-measures": (
        "Kent Police put special measures in place for vulnerable witnesses.", set()),
    "witnesses-given-special-measures": (
        "Witnesses in the Kent Police case were given special measures, such as screens.",
        set()),
    "granted-special-measures-trial": (
        "Kent Police has been granted special measures for the trial.", set()),
    "time-under-came-to-an-end": (
        "Kent Police's time under enhanced monitoring came to an end in April.",
        {leave("kent-police", "2024-04")}),
    "one-of-the-forces-moved-this-year": (
        "Kent Police is one of the forces the inspectorate has moved into Engage this year.",
        {enter("kent-police", 2024)}),
    "left-then-had-been-placed-there": (
        "Kent Police left Engage last year. It had been placed there in 2021.",
        {leave("kent-police", 2023), enter("kent-police", 2021)}),
    "placed-then-it-removed": (
        "The inspectorate placed Kent Police in Engage in March 2022. It removed the force "
        "from Engage in May 2024.", {enter("kent-police", "2022-03"),
                                     leave("kent-police", "2024-05")}),
    "two-forces-apposition": (
        "Two forces, Kent Police and Essex Police, were placed into special measures in 2022.",
        {enter("kent-police", 2022), enter("essex-police", 2022)}),
}

# A fourth round: panel and commissioner copy, and another force's move in a subordinate
# clause of a sentence about the phases.
WAVE4 = {
    "informed-on-that-had-been-moved": (
        "Kent Police has a new plan. HMICFRS informed the force on 12 May that it had been "
        "moved to the Engage phase.", {enter("kent-police", "2024-05-12")}),
    "welcomed-the-news-had-been": (
        "Kent Police has a new plan. The PCC welcomed the news that the force had been "
        "released from Engage.", {leave("kent-police", TODAY)}),
    "quoted-phase-names": (
        "HMICFRS moved Kent Police from 'Engage' to 'Scan' on 2 May.",
        {leave("kent-police", "2024-05-02")}),
    "taken-off-the-watchlist": (
        "Kent Police was taken off the watchlist in March.", {leave("kent-police", "2024-03")}),
    "closed-and-returned-it": (
        "The inspectorate has closed all of Kent Police's causes of concern and returned it "
        "to routine monitoring.", {leave("kent-police", TODAY)}),
    "after-another-force-left": (
        "Kent Police remains the only force in Engage after Essex Police left in May.",
        {leave("essex-police", "2024-05")}),
    "after-the-inspectors-left": (
        "Kent Police remains in Engage after the inspectors left in May.", set()),
    "and-another-force-left": (
        "Kent Police entered Engage in 2021 and Essex Police left in 2022.",
        {enter("kent-police", 2021), leave("essex-police", 2022)}),
    "having-been-removed-on": (
        "Kent Police is no longer in the Engage phase of monitoring, having been removed on 1 "
        "May.", {leave("kent-police", "2024-05-01")}),
    "said-on-thursday-being-taken-out": (
        "The inspectorate said on Thursday that Kent Police was being taken out of Engage.",
        {leave("kent-police", "2024-06-06")}),
    "delighted-had-left": (
        "Kent Police's chief constable, Jane Smith, said she was delighted the force had left "
        "special measures.", {leave("kent-police", TODAY)}),
    "went-from-to": (
        "Kent Police went from Scan to Engage in October 2023.",
        {enter("kent-police", "2023-10")}),
    "statement-said-had-been-placed": (
        "In a statement, Kent Police said it had been placed in Engage on 3 June.",
        {enter("kent-police", "2024-06-03")}),
    "downgraded-to-routine": (
        "The inspectorate downgraded Kent Police to routine monitoring in May.",
        {leave("kent-police", "2024-05")}),
    "upgraded-to-enhanced": (
        "Kent Police was upgraded to enhanced monitoring in May.",
        {enter("kent-police", "2024-05")}),
    "noted-had-been-removed": (
        "Kent Police has a new plan. It was noted that the force had been removed from "
        "Engage.", {leave("kent-police", None)}),
    "since-it-was-placed-there": (
        "Kent Police has been in special measures since it was placed there in 2021.",
        {enter("kent-police", 2021)}),
    "since-being-told": (
        "Kent Police has been in Engage since being told in May 2022 to improve.", set()),
}

# Cases the extractor does not yet read, each with why.
GAPS: dict[str, str] = {
    "spent-before-leaving": "a stay 'spent … in Engage before leaving in <date>' gives "
                            "neither end",
    "second-stage-known-as": "a phase named only by an apposition after a description "
                             "('the second stage of …, known as Engage')",
    "a-year-on-from-entering": "a stay measured 'a year on from' its entry to the page's "
                               "date",
    "headline-letter-date": "the letter date in the next sentence does not date the "
                            "headline's move",
}

GROUPS = (ENTRY_VERBS, EXIT_VERBS, SINCE_AND_REMAINS, NOUN_FORMS, HEADLINES,
          DECISIONS_LETTERS_MEETINGS, QUOTES_AND_SPEECH, TIMELINES_TABLES_LISTS,
          SEVERAL_AND_BACKGROUND, NEAR_MISSES, MORE, WAVE2, WAVE3, WAVE4)


def _params() -> list:
    params = []
    for group in GROUPS:
        for name, (text, rows) in group.items():
            marks = ([pytest.mark.xfail(strict=True, reason=GAPS[name])]
                     if name in GAPS else [])
            params.append(pytest.param(text, rows, id=name, marks=marks))
    return params


def test_the_battery_is_large_and_its_names_unique():
    names = [name for group in GROUPS for name in group]
    assert len(names) == len(set(names))
    assert len(names) >= 60
    assert set(GAPS) <= set(names)


@pytest.mark.parametrize(("text", "expected"), _params())
def test_phase_rows(text: str, expected: set[tuple]):
    assert phase_rows(text) == expected
