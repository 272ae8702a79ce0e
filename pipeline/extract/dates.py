"""Resolve date phrases found by the matcher into a date and its precision.

The matcher (rules/dates.yaml) labels each phrase with its form; one small function per form
reads it. The words that make up a phrase are classified by the same rules (month names,
weekdays, the year and day regexes), so a function picks the parts it needs wherever they
stand in the phrase. Relative phrases ("earlier this year", "last December", "on Tuesday")
are calendar arithmetic on the publication date; absolute ones need no publication date.
A span ("between October and December 2023") is dated by its end month.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum, auto

from pipeline.codes import Precision
from pipeline.rules import Rules

Resolved = tuple[date | None, str | None]
_NONE: Resolved = (None, None)


# "last spring" in the spring's own months means the year before's.
SEASON_MONTHS = 3

class Label(StrEnum):
    """The date forms: the keys of rules/dates.yaml's `patterns`, plus RELATIVE (its
    `relative` phrases). Each is read by one function of RESOLVERS."""

    DAY_MONTH_YEAR = auto()
    MONTH_DAY_YEAR = auto()
    NUMERIC = auto()
    ISO = auto()
    MONTH_YEAR = auto()
    PART_MONTH_YEAR = auto()
    MONTH_SPAN = auto()
    NUMERIC_SPAN = auto()
    RELATIVE_MONTH_SPAN = auto()
    BARE_MONTH_SPAN = auto()
    YEAR = auto()
    YEAR_LABEL = auto()
    SEASON_YEAR = auto()
    MONTH_OF_RELATIVE_YEAR = auto()
    MONTH_OF_EARLIER_YEAR = auto()
    EARLIER_YEAR = auto()
    PROGRAMME = auto()
    DAY_MONTH = auto()
    MONTH_ONLY = auto()
    PART_MONTH = auto()
    SEASON = auto()
    WEEKDAY = auto()
    AGO = auto()
    RELATIVE = auto()


class Token(StrEnum):
    """The $names of rules/dates.yaml's patterns that Python reads: regex tokens of its
    `tokens`, and the word tokens the matcher makes of its month, weekday and season lists."""

    DAY = auto()
    YEAR = auto()
    PREFIXED_YEAR = auto()
    NUMERIC_DATE = auto()
    MONTH = auto()
    WEEKDAY = auto()
    SEASON = auto()


class Group(StrEnum):
    """The named groups of rules/dates.yaml's token regexes: the number of a `day`, the
    parts of a `numeric_date`."""

    NUMBER = auto()
    DAY = auto()
    MONTH = auto()
    YEAR = auto()


class Unit(StrEnum):
    """What rules/dates.yaml's `ago_units` map a unit word to ("weeks" → week)."""

    DAY = auto()
    WEEK = auto()
    MONTH = auto()
    YEAR = auto()


@dataclass
class Phrase:
    """A matched date phrase, its words classified once."""

    words: list[str]  # as written
    lower: list[str]
    months: list[int]  # month numbers in order of appearance
    days: list[int]
    years: list[int]
    published: date | None
    rules: Rules
    earlier: date | None = None  # the date the text gave before this phrase

    @property
    def spec(self) -> dict:
        return self.rules.dates


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def _month_number(word: str, rules: Rules) -> int | None:
    word = word.lower().removesuffix(rules.dates.abbreviation_stop)
    months = rules.dates.months
    if word in months:
        return months.index(word) + 1
    return rules.dates.month_abbreviations.get(word)


def _regex(rules: Rules, name: str) -> re.Pattern:
    return re.compile(rules.dates.tokens[name].regex)


def bare_year(word: str, rules: Rules) -> date | None:
    """A year standing alone where a date is expected (a table's date column): "2022"."""
    return date(int(word), 1, 1) if _regex(rules, Token.YEAR).match(word) else None


def _phrase(words: list[str], published: date | None, rules: Rules,
            earlier: date | None = None) -> Phrase:
    year, day = _regex(rules, Token.YEAR), _regex(rules, Token.DAY)
    prefixed = _regex(rules, Token.PREFIXED_YEAR)
    lower = [w.lower() for w in words]
    months = [m for w in lower if (m := _month_number(w, rules))]
    years = [int(w[-4:]) for w in words if year.match(w) or prefixed.match(w.lower())]
    days = [int(found.group(Group.NUMBER)) for w in words
            if (found := day.match(w)) and not year.match(w)]
    return Phrase(words, lower, months, days, years, published, rules, earlier)


def _day_or_none(year: int, month: int, day: int) -> Resolved:
    try:
        return date(year, month, day), Precision.DAY
    except ValueError:
        return _NONE


def _most_recent_month(month: int, published: date) -> date:
    year = published.year if month <= published.month else published.year - 1
    return date(year, month, 1)


def _previous(p: Phrase) -> bool:
    """"last March", "last summer", "last Tuesday": the one before the most recent."""
    return bool(p.lower) and p.lower[0] in p.spec.previous_words


def _full_date(p: Phrase) -> Resolved:
    """"24 November 2023", "November 24, 2023", "the 5th of June 2024"."""
    if not (p.days and p.months and p.years):
        return _NONE
    return _day_or_none(p.years[-1], p.months[0], p.days[0])


def _numeric(p: Phrase) -> Resolved:
    """"24/11/2023", "24.11.2023": day first, as UK copy writes it."""
    numeric = _regex(p.rules, Token.NUMERIC_DATE)
    found = next((m for w in p.words if (m := numeric.match(w))), None)
    if found is None:
        return _NONE
    day, month, year = (int(found.group(part)) for part in
                        (Group.DAY, Group.MONTH, Group.YEAR))
    return _day_or_none(year, month, day)


def _numeric_span_end(p: Phrase) -> Resolved:
    """"between 10/06/2024 and 12/06/2024": a span, dated by its end month."""
    numeric = _regex(p.rules, Token.NUMERIC_DATE)
    found = [m for w in p.words if (m := numeric.match(w))]
    if not found:
        return _NONE
    end = found[-1]
    value, _ = _day_or_none(int(end.group(Group.YEAR)), int(end.group(Group.MONTH)),
                            int(end.group(Group.DAY)))
    return (value.replace(day=1), Precision.MONTH) if value else _NONE


def _iso(p: Phrase) -> Resolved:
    """"2023-11-24"."""
    year, month, day = (int(w) for w in p.words if w.isdigit())
    return _day_or_none(year, month, day)


def _month_year(p: Phrase) -> Resolved:
    """"in October 2022", "the first week of March 2023", "the final days of March 2023"."""
    if not (p.months and p.years):
        return _NONE
    return date(p.years[-1], p.months[-1], 1), Precision.MONTH


def _span_end(p: Phrase) -> Resolved:
    """"between October and December 2023", "from 27 January to 7 February 2025": the end
    month; "from June to August last year": the end month of last year."""
    if not p.months:
        return _NONE
    if p.years:
        return date(p.years[-1], p.months[-1], 1), Precision.MONTH
    if p.published is None:
        return _NONE
    if set(p.lower) & set(p.spec.previous_words):
        return date(p.published.year - 1, p.months[-1], 1), Precision.MONTH
    if set(p.lower) & set(p.spec.current_words):
        return date(p.published.year, p.months[-1], 1), Precision.MONTH
    return _most_recent_month(p.months[-1], p.published), Precision.MONTH


def _year(p: Phrase) -> Resolved:
    """"in 2019", "the 2019 inspection", "the end of 2019", "in the spring of 2021",
    "inspection 2016"."""
    return (date(p.years[0], 1, 1), Precision.YEAR) if p.years else _NONE


def _month_of_relative_year(p: Phrase) -> Resolved:
    """"March this year", "in December of last year"."""
    offsets = p.spec.relative_years
    offset = next((offsets[w] for w in p.lower if w in offsets), None)
    if p.published is None or not p.months or offset is None:
        return _NONE
    return date(p.published.year + offset, p.months[-1], 1), Precision.MONTH


def _anaphoric_year(p: Phrase) -> int | None:
    offsets = p.spec.anaphoric_years
    offset = next((offsets[w] for w in p.lower if w in offsets), None)
    if p.earlier is None or offset is None:
        return None
    return p.earlier.year + offset


def _month_of_earlier_year(p: Phrase) -> Resolved:
    """"in September that year", after "in 2019": September 2019."""
    year = _anaphoric_year(p)
    return (date(year, p.months[-1], 1), Precision.MONTH) if year and p.months else _NONE


def _earlier_year(p: Phrase) -> Resolved:
    """"later that year", "the following year": the year the text named before."""
    year = _anaphoric_year(p)
    return (date(year, 1, 1), Precision.YEAR) if year else _NONE


def _not_a_date(p: Phrase) -> Resolved:
    """"2021/22", "PEEL 2023–25": a programme or financial year names no date."""
    return _NONE


def _day_month(p: Phrase) -> Resolved:
    """"on 5 June": this year's, unless that is well after publication (last year's)."""
    if p.published is None or not (p.days and p.months):
        return _NONE
    value, precision = _day_or_none(p.published.year, p.months[0], p.days[0])
    if value is None:
        return _NONE
    if value > p.published + timedelta(days=31):
        return _day_or_none(p.published.year - 1, p.months[0], p.days[0])
    return value, precision


def _month_only(p: Phrase) -> Resolved:
    """"in March", "last December", "the first week of March": the most recent such month."""
    if p.published is None or not p.months:
        return _NONE
    value = _most_recent_month(p.months[-1], p.published)
    if _previous(p) and p.months[-1] == p.published.month:
        value = value.replace(year=value.year - 1)
    return value, Precision.MONTH


def _season(p: Phrase) -> Resolved:
    """"in the spring", "last summer": the most recent such season that had begun."""
    if p.published is None:
        return _NONE
    starts = p.spec.season_starts
    season = next(w for w in p.lower if w in starts)
    start = starts[season]
    year = p.published.year if p.published.month >= start else p.published.year - 1
    if _previous(p) and year == p.published.year and p.published.month < start + SEASON_MONTHS:
        year -= 1
    return date(year, 1, 1), Precision.YEAR


def _weekday(p: Phrase) -> Resolved:
    """"on Tuesday": the most recent Tuesday, today included; "last Tuesday" excludes today."""
    if p.published is None:
        return _NONE
    weekday = p.spec.weekdays.index(p.lower[-1])
    back = (p.published.weekday() - weekday) % 7
    if _previous(p) and back == 0:
        back = 7
    return p.published - timedelta(days=back), Precision.DAY


def _ago(p: Phrase) -> Resolved:
    """"three months ago", "a year ago", "2 weeks ago"."""
    if p.published is None:
        return _NONE
    amount = 1
    for word in p.lower[:-2]:
        if word.isdigit():
            amount = int(word)
        elif word in p.rules.numbers.numbers:
            amount = p.rules.numbers.numbers[word]
    unit = p.spec.ago_units[p.lower[-2]]
    if unit == Unit.DAY:
        return p.published - timedelta(days=amount), Precision.DAY
    if unit == Unit.WEEK:
        return _shift_months(p.published - timedelta(weeks=amount), 0), Precision.MONTH
    if unit == Unit.MONTH:
        return _shift_months(p.published, -amount), Precision.MONTH
    return date(p.published.year - amount, 1, 1), Precision.YEAR


def _relative(p: Phrase) -> Resolved:
    """"today", "last month", "earlier this year": offsets listed in rules/dates.yaml."""
    spec = p.spec.relative.get(" ".join(p.lower))
    if p.published is None or spec is None:
        return _NONE
    precision = spec.precision
    if spec.days is not None:
        value = p.published + timedelta(days=spec.days)
    elif spec.months is not None:
        value = _shift_months(p.published, spec.months)
    else:
        value = date(p.published.year + spec.years, 1, 1)
    if precision == Precision.MONTH:
        value = value.replace(day=1)
    elif precision == Precision.YEAR:
        value = value.replace(month=1, day=1)
    return value, precision


RESOLVERS: dict[Label, Callable[[Phrase], Resolved]] = {
    Label.DAY_MONTH_YEAR: _full_date,
    Label.MONTH_DAY_YEAR: _full_date,
    Label.NUMERIC: _numeric,
    Label.ISO: _iso,
    Label.MONTH_YEAR: _month_year,
    Label.PART_MONTH_YEAR: _month_year,
    Label.MONTH_SPAN: _span_end,
    Label.NUMERIC_SPAN: _numeric_span_end,
    Label.RELATIVE_MONTH_SPAN: _span_end,
    Label.BARE_MONTH_SPAN: _span_end,
    Label.YEAR: _year,
    Label.YEAR_LABEL: _year,
    Label.SEASON_YEAR: _year,
    Label.MONTH_OF_RELATIVE_YEAR: _month_of_relative_year,
    Label.MONTH_OF_EARLIER_YEAR: _month_of_earlier_year,
    Label.EARLIER_YEAR: _earlier_year,
    Label.PROGRAMME: _not_a_date,
    Label.DAY_MONTH: _day_month,
    Label.MONTH_ONLY: _month_only,
    Label.PART_MONTH: _month_only,
    Label.SEASON: _season,
    Label.WEEKDAY: _weekday,
    Label.AGO: _ago,
    Label.RELATIVE: _relative,
}


def unread_codes(rules: Rules) -> list[str]:
    """The codes of rules/dates.yaml that no resolver knows, as "key: code": pattern labels
    (Label), `ago_units` units (Unit) and `relative` precisions (Precision). A misspelt one
    would lose its dates or store a precision the schema has not got, so the matcher is
    not built with one."""
    spec = rules.dates
    found = [(f"patterns: {label}", label, Label) for label in spec.patterns]
    found += [(f"ago_units: {word}", unit, Unit) for word, unit in spec.ago_units.items()]
    found += [(f"relative: {phrase}", entry.precision, Precision)
              for phrase, entry in spec.relative.items()]
    return [f"{where} ({code!r})" for where, code, codes in found if code not in set(codes)]


def same_day(label: str, words: list[str], reference: tuple[date | None, str | None],
             rules: Rules) -> Resolved:
    """A phrase meaning the publication day itself ("today"), against a publication date
    known only to a month or year: that date at that precision; anything else: nothing."""
    spec = rules.dates.relative.get(" ".join(w.lower() for w in words))
    if label != Label.RELATIVE or spec is None or spec.days != 0 or reference[0] is None:
        return _NONE
    return reference


def url_date(url: str | None, rules: Rules) -> Resolved:
    """The year, or year and month, a URL's path gives ("/news/2025/june/…", "/2019/09/…")."""
    if not url:
        return _NONE
    spec = rules.dates.url_dates
    segments = re.split(spec.separators, url.lower())
    year = _regex(rules, Token.YEAR)
    for index, segment in enumerate(segments):
        if not year.match(segment):
            continue
        after = segments[index + 1] if index + 1 < len(segments) else ""
        month = _month_number(after, rules) or (
            int(after) if re.fullmatch(spec.month_number, after) else None)
        if month:
            return date(int(segment), month, 1), Precision.MONTH
        return date(int(segment), 1, 1), Precision.YEAR
    return _NONE


def resolve(label: str, words: list[str], published: date | None, rules: Rules,
            earlier: date | None = None) -> Resolved:
    """Return (date, precision); (None, None) when the text does not pin a date down.

    `earlier` is the date the text gave before the phrase, which "that year" refers to.
    """
    resolver = RESOLVERS.get(label)
    if resolver is None or not words:
        return _NONE
    return resolver(_phrase(words, published, rules, earlier))
