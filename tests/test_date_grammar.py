"""The date grammar is data: its labels are a fixed table the resolver reads, and the parts
of a date it takes from a token or a URL come from rules/dates.yaml's regexes."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from pipeline.codes import Precision
from pipeline.extract.dates import RESOLVERS, Label, resolve, url_date
from pipeline.extract.nlp import _date_patterns
from pipeline.rules import RulesError, load_rules

PUBLISHED = date(2024, 6, 12)


def test_the_label_table_is_the_yaml_labels_and_each_has_a_resolver():
    rules = load_rules()
    assert set(Label) == set(rules.dates.patterns) | {Label.RELATIVE}
    assert set(RESOLVERS) == set(Label)


def test_a_pattern_label_no_resolver_reads_stops_the_build_naming_it():
    rules = load_rules()
    patterns = {**rules.dates.patterns, "fortnightly": [[{"LOWER": "fortnightly"}]]}
    broken = dataclasses.replace(rules, dates=dataclasses.replace(rules.dates,
                                                                  patterns=patterns))
    with pytest.raises(RulesError, match="dates.yaml: patterns: fortnightly .*not a code"):
        _date_patterns(broken)


def test_a_misspelt_unit_or_precision_stops_the_build_naming_it():
    rules = load_rules()
    units = {**rules.dates.ago_units, "fortnights": "fortnight"}
    relative = {**rules.dates.relative,
                "last night": dataclasses.replace(rules.dates.relative["yesterday"],
                                                  precision="dya")}
    for change, where in (({"ago_units": units}, "ago_units: fortnights"),
                          ({"relative": relative}, "relative: last night")):
        broken = dataclasses.replace(rules, dates=dataclasses.replace(rules.dates, **change))
        with pytest.raises(RulesError, match=f"dates.yaml: {where} "):
            _date_patterns(broken)
    assert _date_patterns(rules)  # the rules as they stand pass


@pytest.mark.parametrize("phrase,expected", [
    ("on 7/9/2021", (date(2021, 9, 7), Precision.DAY)),
    ("30.04.2019", (date(2019, 4, 30), Precision.DAY)),
    ("30/02/2019", (None, None)),  # no such day
])
def test_a_numeric_date_reads_its_parts_from_the_token_regex(phrase, expected):
    assert resolve(Label.NUMERIC, phrase.split(), PUBLISHED, load_rules()) == expected


@pytest.mark.parametrize("phrase,day", [("the 3rd of May 2022", 3), ("21st March 2020", 21),
                                        ("09 July 2018", 9)])
def test_a_day_number_is_read_with_or_without_its_suffix(phrase, day):
    value, precision = resolve(Label.DAY_MONTH_YEAR, phrase.split(), PUBLISHED, load_rules())
    assert precision == Precision.DAY and value.day == day


@pytest.mark.parametrize("url,expected", [
    ("https://example.test/news/2022/march/force-update", (date(2022, 3, 1), "month")),
    ("https://example.test/2020/07/12/story", (date(2020, 7, 1), "month")),
    ("https://example.test/archive?year=2018&page=2", (date(2018, 1, 1), "year")),
    ("https://example.test/2019/13/odd", (date(2019, 1, 1), "year")),  # 13 is no month
    ("https://example.test/item/123456", (None, None)),  # a number, not a year
    (None, (None, None)),
])
def test_a_url_gives_the_year_or_month_its_path_names(url, expected):
    assert url_date(url, load_rules()) == expected
