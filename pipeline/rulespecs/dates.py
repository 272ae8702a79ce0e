"""The keys of rules/dates.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.rulespecs.checked import Codes, Patterns, Phrases, WordsTo


@dataclass(frozen=True)
class TokenShape:
    """A token the date patterns name ($day, $year): its regex, and the token shapes that
    let the fast matcher skip the regex for every other token."""

    regex: str
    shapes: Codes = ()


@dataclass(frozen=True)
class RelativeDate:
    """"last month", "yesterday": the offset from the publication date and its precision."""

    precision: str
    days: int | None = None
    months: int | None = None
    years: int | None = None


@dataclass(frozen=True)
class UrlDates:
    """How a URL's path is read for a date: the regex that splits it into segments, and the
    regex a whole segment matches when it is a month's number."""

    separators: str
    month_number: str


@dataclass(frozen=True)
class DatesRules:
    """rules/dates.yaml: one field per key."""

    months: Phrases
    month_abbreviations: WordsTo
    abbreviation_stop: str  # the full stop an abbreviated month may keep ("Sept.")
    weekdays: Phrases
    statute_words: Phrases
    seasons: Phrases
    season_starts: WordsTo
    year_preps: Phrases
    year_determiners: Phrases
    year_possessives: Phrases
    year_label_words: Phrases
    leads: Phrases
    date_barriers: Phrases
    since_words: Phrases
    span_joiners: Phrases
    part_words: Phrases
    part_units: Phrases
    year_parts: Phrases
    previous_words: Phrases
    current_words: Phrases
    ago_units: WordsTo
    rare_words: Phrases
    tokens: Mapping[str, TokenShape]
    url_dates: UrlDates
    patterns: Patterns
    relative_years: WordsTo
    anaphoric_years: WordsTo
    duration_units: WordsTo
    number_joiners: Phrases
    not_duration_numbers: Phrases
    duration_relations: Mapping[str, str]
    duration_fillers: Phrases
    duration_bounds: Phrases
    postposed_relations: Phrases
    duration_not_before: Phrases
    relative: Mapping[str, RelativeDate]
