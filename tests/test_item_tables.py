"""A battery of findings tracked in tables, one a row, as panel and committee papers give them.

Each case is a short text written for this file: a sentence naming the force, then a table
whose lines split into cells at "|", its header first. The column headed by a kind of
finding holds the subjects; a column headed "Status" (or "Progress", …) says where each
stands. Near-misses: tables that count findings (a number in the kind column), tables with
no kind column, and lines that only happen to hold a separator.
"""

from __future__ import annotations

import pytest

from tests.test_item_battery import CLOSED, COC, OPEN, REC, _unmatched, case

TABLES = [
    case("The panel received an update on Avon and Somerset Police.\n\n"
         "Ref | Recommendation | Status\n"
         "1 | Improve the supervision of domestic abuse investigations | Closed\n"
         "2 | Make sure victims are told of delays to their case | In progress\n",
         ("avon-and-somerset-constabulary", REC, CLOSED,
          "supervision of domestic abuse investigations"),
         ("avon-and-somerset-constabulary", REC, OPEN, "victims are told of delays to their case")),
    # The status column first, the kind column last, and a closure told with its date.
    case("Progress on the causes of concern raised with Norfolk Constabulary:\n\n"
         "Status | Cause of concern\n"
         "Discharged (March 2024) | Answering non-emergency calls\n"
         "Open | Protecting children at risk of exploitation\n",
         ("norfolk-constabulary", COC, CLOSED, "answering non-emergency calls"),
         ("norfolk-constabulary", COC, OPEN, "protecting children at risk of exploitation")),
    # A cell that reads done but waits on the inspectorate is still open.
    case("This report sets out where Dyfed-Powys Police stands.\n\n"
         "No. | Recommendation | Progress\n"
         "R1 | Review every open firearms licence | Completed – awaiting sign-off by HMICFRS\n"
         "R2 | Train call handlers in assessing risk | Implemented\n",
         ("dyfed-powys-police", REC, OPEN, "review every open firearms licence"),
         ("dyfed-powys-police", REC, CLOSED, "train call handlers in assessing risk")),
    # A count column beside the subject column: the counts name nothing.
    case("Lincolnshire Police remains in Engage.\n\n"
         "Cause of concern | Recommendations | Closed | Status\n"
         "Vetting of new recruits | 3 | 3 | Closed\n"
         "Managing registered sex offenders | 4 | 1 | Open\n",
         ("lincolnshire-police", COC, CLOSED, "vetting of new recruits"),
         ("lincolnshire-police", COC, OPEN, "managing registered sex offenders")),
    # No status column: the findings are named, their status is not said.
    case("Inspectors raised these matters with Bedfordshire Police.\n\n"
         "Area | Recommendation\n"
         "Custody | Improve the recording of detainees' medical needs\n"
         "Call handling | Answer 101 calls more quickly\n",
         ("bedfordshire-police", REC, None, "recording of detainees' medical needs"),
         ("bedfordshire-police", REC, None, "answer 101 calls more quickly")),
    # Each row names its force.
    case("The inspectorate's tracker for the region was published on Monday.\n\n"
         "Force | Cause of concern | Status\n"
         "Cleveland Police | Investigating rape and serious sexual offences | Open\n"
         "Durham Constabulary | Crime recording | Closed\n",
         ("cleveland-police", COC, OPEN, "investigating rape and serious sexual offences"),
         ("durham-constabulary", COC, CLOSED, "crime recording")),
    # A cell that names several findings, and gives them a status in brackets.
    case("Forces that have recently returned to Scan\n\n"
         "Force | Returned to Scan | Causes of concern\n"
         "Durham Constabulary | 20 March 2024 | Answering 101 calls; managing sex offenders "
         "(both closed)\n",
         ("durham-constabulary", COC, CLOSED, "answering 101 calls"),
         ("durham-constabulary", COC, CLOSED, "managing sex offenders")),
    # Recommendations grouped under their causes of concern: the status column rates the
    # recommendations; each cause of concern is an item once, its status unsaid here.
    case("Progress on the findings at Kent Police is below.\n\n"
         "Cause of concern | Recommendation | Status\n"
         "Call handling | Answer 101 calls sooner | Closed\n"
         "Call handling | Call callers back within a day | Open\n"
         "Vetting | Check every officer again | Open\n",
         ("kent-police", COC, None, "call handling"),
         ("kent-police", COC, None, "vetting"),
         ("kent-police", REC, CLOSED, "answer 101 calls sooner"),
         ("kent-police", REC, OPEN, "call callers back within a day"),
         ("kent-police", REC, OPEN, "check every officer again")),
]

NEAR_MISSES = [
    # The kind column holds counts: a tally's table, no items.
    case("West Midlands Police has made progress, the panel heard.\n\n"
         "Inspection | Recommendations | Closed | Open\n"
         "PEEL 2023 | 5 | 4 | 1\n"
         "Custody 2024 | 3 | 0 | 3\n"),
    # The kind column holds so many of so many: counts again, no items.
    case("Forces that have left Engage\n\n"
         "Force | Left Engage | Causes of concern closed\n"
         "Dorset Police | 3 May 2025 | 2 of 2\n"
         "Wiltshire Police | 9 June 2025 | 3 out of 4\n"),
    # No column is headed by a kind of finding.
    case("Staffordshire Police published its performance figures.\n\n"
         "Measure | 2023 | 2024\n"
         "999 calls answered in 10 seconds | 82% | 91%\n"
         "Crimes solved | 9% | 11%\n"),
]


@pytest.mark.parametrize("text,expected", TABLES + NEAR_MISSES)
def test_item_tables(text: str, expected: list[tuple]) -> None:
    missing, extra = _unmatched(text, expected)
    assert not missing and not extra, {"missing": missing, "extra": extra}
