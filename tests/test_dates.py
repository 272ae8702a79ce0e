"""The date resolver, label by label, and the matcher that finds the phrases it reads.

Published Wednesday 12 June 2024 unless a case says otherwise, so relative dates resolve
against that day.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract.context import analyse
from pipeline.extract.dates import RESOLVERS, resolve
from pipeline.extract.nlp import default_toolkit
from pipeline.rules import load_rules

PUBLISHED = date(2024, 6, 12)

# (label, phrase as matched, expected (date, precision)) for the publication date above.
RESOLVE_CASES = [
    ("day_month_year", "24 November 2023", (date(2023, 11, 24), "day")),
    ("day_month_year", "on the 5th of June 2022", (date(2022, 6, 5), "day")),
    ("day_month_year", "31 February 2023", (None, None)),
    ("month_day_year", "November 24 , 2023", (date(2023, 11, 24), "day")),
    ("month_day_year", "Sept 3 2021", (date(2021, 9, 3), "day")),
    ("numeric", "03/04/2023", (date(2023, 4, 3), "day")),
    ("numeric", "on 3.11.2022", (date(2022, 11, 3), "day")),
    ("iso", "2023 - 04 - 30", (date(2023, 4, 30), "day")),
    ("month_year", "in October 2022", (date(2022, 10, 1), "month")),
    ("month_year", "Dec of 2019", (date(2019, 12, 1), "month")),
    ("part_month_year", "The first week of March 2023", (date(2023, 3, 1), "month")),
    ("part_month_year", "in the final days of March 2023", (date(2023, 3, 1), "month")),
    ("month_span", "between October and December 2023", (date(2023, 12, 1), "month")),
    ("month_span", "from November 2023 to January 2024", (date(2024, 1, 1), "month")),
    ("month_span", "between 6 and 17 March 2023", (date(2023, 3, 1), "month")),
    ("month_span", "between 27 January and 7 February 2025", (date(2025, 2, 1), "month")),
    ("numeric_span", "from 27/01/2025 to 07/02/2025", (date(2025, 2, 1), "month")),
    ("relative_month_span", "from June to August last year", (date(2023, 8, 1), "month")),
    ("relative_month_span", "between January and March this year", (date(2024, 3, 1), "month")),
    ("bare_month_span", "between April and May", (date(2024, 5, 1), "month")),
    ("bare_month_span", "in October and November", (date(2023, 11, 1), "month")),
    ("bare_month_span", "between 3 and 8 July", (date(2023, 7, 1), "month")),
    ("year", "in 2019", (date(2019, 1, 1), "year")),
    ("year", "the end of 2021", (date(2021, 1, 1), "year")),
    ("year_label", "inspection 2016", (date(2016, 1, 1), "year")),
    ("year_label", "Kent 2015", (date(2015, 1, 1), "year")),
    ("season_year", "in the spring of 2021", (date(2021, 1, 1), "year")),
    ("programme", "2021/22", (None, None)),
    ("programme", "2023 – 25", (None, None)),
    ("day_month", "on 5 June", (date(2024, 6, 5), "day")),
    ("day_month", "28 December", (date(2023, 12, 28), "day")),
    ("day_month", "30 February", (None, None)),
    ("month_only", "in March", (date(2024, 3, 1), "month")),
    ("month_only", "in September", (date(2023, 9, 1), "month")),
    ("month_only", "last June", (date(2023, 6, 1), "month")),
    ("part_month", "in the first week of March", (date(2024, 3, 1), "month")),
    ("season", "in the spring", (date(2024, 1, 1), "year")),
    ("season", "last summer", (date(2023, 1, 1), "year")),
    ("season", "in the autumn", (date(2023, 1, 1), "year")),
    ("weekday", "on Monday", (date(2024, 6, 10), "day")),
    ("weekday", "on Wednesday", (date(2024, 6, 12), "day")),
    ("weekday", "last Wednesday", (date(2024, 6, 5), "day")),
    ("ago", "three months ago", (date(2024, 3, 1), "month")),
    ("ago", "2 days ago", (date(2024, 6, 10), "day")),
    ("ago", "a year ago", (date(2023, 1, 1), "year")),
    ("ago", "two weeks ago", (date(2024, 5, 1), "month")),
    ("relative", "yesterday", (date(2024, 6, 11), "day")),
    ("relative", "last month", (date(2024, 5, 1), "month")),
    # What is decided "this week" is announced now: the publication date.
    ("relative", "this week", (date(2024, 6, 12), "day")),
    ("relative", "last week", (date(2024, 6, 1), "month")),
    ("relative", "earlier this year", (date(2024, 1, 1), "year")),
    ("month_of_relative_year", "March this year", (date(2024, 3, 1), "month")),
    ("month_of_relative_year", "in December of last year", (date(2023, 12, 1), "month")),
]

# Phrases that name a year only by the date the text gave before them ("in 2019 ... in
# September that year"): (label, phrase, earlier date, expected).
ANAPHORIC_CASES = [
    ("month_of_earlier_year", "in September that year", date(2019, 2, 1),
     (date(2019, 9, 1), "month")),
    ("month_of_earlier_year", "in May of the following year", date(2019, 2, 1),
     (date(2020, 5, 1), "month")),
    ("month_of_earlier_year", "in May of the same year", None, (None, None)),
    ("earlier_year", "later that year", date(2021, 6, 3), (date(2021, 1, 1), "year")),
    ("earlier_year", "the following year", date(2021, 6, 3), (date(2022, 1, 1), "year")),
    ("earlier_year", "that year", None, (None, None)),
]


@pytest.mark.parametrize("label,phrase,earlier,expected", ANAPHORIC_CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in ANAPHORIC_CASES])
def test_resolve_against_the_earlier_date(label, phrase, earlier, expected):
    assert resolve(label, phrase.split(), PUBLISHED, load_rules(), earlier) == expected


@pytest.mark.parametrize("label,phrase,expected", RESOLVE_CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in RESOLVE_CASES])
def test_resolve(label, phrase, expected):
    assert resolve(label, phrase.split(), PUBLISHED, load_rules()) == expected


def test_every_label_has_a_resolver_and_a_case():
    labels = set(load_rules().dates.patterns) | {"relative"}
    assert labels == set(RESOLVERS)
    assert {c[0] for c in [*RESOLVE_CASES, *ANAPHORIC_CASES]} == set(RESOLVERS)


RELATIVE_LABELS = {"day_month", "month_only", "part_month", "season", "weekday", "ago",
                   "relative", "bare_month_span", "relative_month_span", "month_of_relative_year"}


@pytest.mark.parametrize("label,phrase,expected", RESOLVE_CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in RESOLVE_CASES])
def test_without_a_publication_date_only_absolute_dates_resolve(label, phrase, expected):
    got = resolve(label, phrase.split(), None, load_rules())
    assert got == ((None, None) if label in RELATIVE_LABELS else expected)


def test_unknown_label_and_empty_phrase_resolve_to_nothing():
    rules = load_rules()
    assert resolve("no_such_label", ["May", "2023"], PUBLISHED, rules) == (None, None)
    assert resolve("month_year", [], PUBLISHED, rules) == (None, None)


# Whole sentences: the phrase the matcher picks, and what it resolves to.
SENTENCE_CASES = [
    ("The first week of March 2023 was busy.", "The first week of March 2023",
     (date(2023, 3, 1), "month")),
    ("It came in the final days of March 2023.", "in the final days of March 2023",
     (date(2023, 3, 1), "month")),
    ("Fieldwork ran from 5 to 23 February 2021.", "5 to 23 February 2021",
     (date(2021, 2, 1), "month")),
    ("Our inspection took place between November 2023 and January 2024.",
     "November 2023 and January 2024", (date(2024, 1, 1), "month")),
    ("Inspectors returned between April and May 2021.", "April and May 2021",
     (date(2021, 5, 1), "month")),
    ("Inspectors returned in October and November.", "October and November",
     (date(2023, 11, 1), "month")),
    ("PEEL 2021/22: an inspection of Kent Police", "2021/22", (None, None)),
    ("Its 2023-25 PEEL inspection found gaps.", "2023-25", (None, None)),
    ("Durham Constabulary: Crime Data Integrity inspection 2016", "inspection 2016",
     (date(2016, 1, 1), "year")),
    ("2018 Crime Data Integrity Inspection", "2018 Crime", (date(2018, 1, 1), "year")),
    ("The force has been in Engage since 2021.", "since 2021", (date(2021, 1, 1), "year")),
    ("It was published on 03/04/2023.", "03/04/2023", (date(2023, 4, 3), "day")),
    ("Inspectors visited from 27 January to 7 February 2025.",
     "27 January to 7 February 2025",
     (date(2025, 2, 1), "month")),
    ("The review ran between October and December.", "October and December",
     (date(2023, 12, 1), "month")),
    ("In March 2019 it began.", "In March 2019", (date(2019, 3, 1), "month")),
    ("HMIC's 2015 inspection rated it inadequate.", "'s 2015 inspection",
     (date(2015, 1, 1), "year")),
]


@pytest.mark.parametrize("sentence,phrase,expected", SENTENCE_CASES,
                         ids=[c[0][:40] for c in SENTENCE_CASES])
def test_matcher_finds_the_whole_phrase(sentence, phrase, expected):
    analysis = analyse(sentence, PUBLISHED, default_toolkit())
    found = [(sentence[d.start:d.end], (d.value, d.precision)) for d in analysis.dates]
    assert found == [(phrase, expected)]


@pytest.mark.parametrize("sentence", [
    "The force recruited 2000 officers.",
    "Call 101 or 999 in an emergency.",
    "We may engage with the public in May.",
    "The force's 2000 officers were retrained.",
])
def test_numbers_and_ordinary_words_are_not_years(sentence):
    analysis = analyse(sentence, PUBLISHED, default_toolkit())
    assert [d for d in analysis.dates if d.precision == "year"] == []


def test_since_marks_the_start_of_a_state():
    analysis = analyse("Since June 2022 the force has been in Engage.", PUBLISHED,
                       default_toolkit())
    assert [(d.since, d.value) for d in analysis.dates] == [(True, date(2022, 6, 1))]
