"""Resolve date expressions found by the matcher into a date and its precision.

Absolute dates go through dateparser (day first, English only, on the matched span alone,
never on whole texts). Relative ones ("earlier this year", "last December", "on Tuesday")
are computed here from the publication date, because their meaning is calendar arithmetic
and dateparser either does not know them or completes them from today's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from pipeline.rules import Rules

Resolved = tuple[date | None, str | None]
_NONE: Resolved = (None, None)


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


@lru_cache(maxsize=4096)
def _dateparser_period(text: str) -> Resolved:
    parser = _date_data_parser()
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return _NONE
    period = data.period if data.period in ("day", "month", "year") else "day"
    value = data.date_obj.date()
    if period == "month":
        value = value.replace(day=1)
    elif period == "year":
        value = value.replace(month=1, day=1)
    return value, period


@lru_cache(maxsize=1)
def _date_data_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False},
    )


def _month_number(word: str, rules: Rules) -> int | None:
    word = word.lower().rstrip(".")
    months = rules.dates["months"]
    if word in months:
        return months.index(word) + 1
    return rules.dates["month_abbreviations"].get(word)


def _year_of(text: str) -> int | None:
    match = re.search(r"\b(19[89]\d|20[0-4]\d)\b", text)
    return int(match.group(1)) if match else None


def _most_recent_month(month: int, published: date) -> date:
    year = published.year if month <= published.month else published.year - 1
    return date(year, month, 1)


def resolve(label: str, words: list[str], published: date | None, rules: Rules) -> Resolved:
    """Return (date, precision); (None, None) when the text does not pin a date down."""
    lead = {"in", "on", "since", "during", "by", "from", "until", "of", "early", "late", "mid",
            "this", "the", "its", "their", "a"}
    if label in ("day_month_year", "month_year", "season_year", "month_day_year") and words and (
            words[0].lower() in lead):
        words = words[1:]
    text = " ".join(words)
    lower = [w.lower() for w in words]
    if label in ("day_month_year", "month_day_year", "numeric", "iso"):
        cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(" of ", " "))
        if label == "iso":
            cleaned = cleaned.replace(" ", "")
        value, _ = _dateparser_period(cleaned)
        return (value, "day") if value else _NONE
    if label == "month_year":
        month = _month_number(lower[0], rules)
        year = _year_of(text)
        return (date(year, month, 1), "month") if month and year else _NONE
    if label in ("year", "season_year"):
        year = _year_of(text)
        return (date(year, 1, 1), "year") if year else _NONE
    if label == "day_range":
        first = next((w for w in words if re.match(r"^\d{1,2}(st|nd|rd|th)?$", w)), None)
        month = next((_month_number(w, rules) for w in lower if _month_number(w, rules)), None)
        year = _year_of(text)
        if first and month and year:
            try:
                return date(year, month, int(re.match(r"\d+", first).group(0))), "day"
            except ValueError:
                return _NONE
        return _NONE
    if label == "month_year" and lower and lower[0] == "the":
        month = next((_month_number(w, rules) for w in lower if _month_number(w, rules)), None)
        year = _year_of(text)
        return (date(year, month, 1), "month") if month and year else _NONE
    if label == "month_range":
        month = next((_month_number(w, rules) for w in lower if _month_number(w, rules)), None)
        year = _year_of(text)
        if year is None and published is not None:
            if "last" in lower and "year" in lower:
                year = published.year - 1
            elif month is not None:
                year = _most_recent_month(month, published).year
        return (date(year, month, 1), "month") if month and year else _NONE
    if published is None:
        return _NONE
    if label == "day_month":
        month = _month_number(lower[-1], rules)
        day = int(re.match(r"\d+", words[0]).group(0))
        if not month:
            return _NONE
        try:
            value = date(published.year, month, day)
            if value > published + timedelta(days=31):
                value = date(published.year - 1, month, day)
        except ValueError:
            return _NONE
        return value, "day"
    if label == "month_only":
        month = next((_month_number(w, rules) for w in reversed(lower)
                      if _month_number(w, rules)), None)
        if not month:
            return _NONE
        value = _most_recent_month(month, published)
        if lower[0] == "last" and month == published.month:
            value = value.replace(year=value.year - 1)
        return value, "month"
    if label == "season":
        # The most recent such season that had begun by the publication date.
        season = next(w for w in lower if w in rules.dates["seasons"])
        starts = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
        year = published.year if published.month >= starts[season] else published.year - 1
        if lower[0] == "last" and year == published.year and published.month < starts[
                season] + 3:
            year -= 1
        return date(year, 1, 1), "year"
    if label == "weekday":
        weekday = rules.dates["weekdays"].index(lower[-1])
        back = (published.weekday() - weekday) % 7
        if lower[0] == "last" and back == 0:
            back = 7
        return published - timedelta(days=back), "day"
    if label == "ago":
        amount = 1
        for word in lower[:-2]:
            if word.isdigit():
                amount = int(word)
            elif word in rules.numbers["numbers"]:
                amount = rules.numbers["numbers"][word]
        unit = lower[-2].rstrip("s")
        if unit == "day":
            return published - timedelta(days=amount), "day"
        if unit == "week":
            return _shift_months(published - timedelta(weeks=amount), 0), "month"
        if unit == "month":
            return _shift_months(published, -amount), "month"
        return date(published.year - amount, 1, 1), "year"
    if label == "relative":
        spec = rules.dates["relative"].get(" ".join(lower))
        if spec is None:
            return _NONE
        precision = spec["precision"]
        if "days" in spec:
            value = published + timedelta(days=spec["days"])
        elif "months" in spec:
            value = _shift_months(published, spec["months"])
        else:
            value = date(published.year + spec["years"], 1, 1)
        if precision == "month":
            value = value.replace(day=1)
        elif precision == "year":
            value = value.replace(month=1, day=1)
        return value, precision
    return _NONE
