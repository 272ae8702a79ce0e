"""Publication dates as sites write them: metadata strings and dates shown as page text.

Metadata gives ISO timestamps or RFC 822 dates. Many newsrooms give only text: "Published:
14:32 18/09/2024" (day first, after a time), "Published on: 18 September 2024", "Date of
publication" with the date in the next cell. UK sites are day-first, so "03/04/2024" is
3 April, never March 4. Month names come from the standard library's calendar, so the
patterns below hold no English word lists of their own.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update(
    {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
)
_MONTHS["sept"] = 9
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# Each alternative names its groups so one match says which order the parts came in.
TEXT_DATE = (
    rf"(?:(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})"
    rf"|(?P<d3>[0-3]?\d)[/.](?P<m3>[01]?\d)[/.](?P<y3>{_YEAR})"
    rf"|(?P<y4>{_YEAR})-(?P<m4>[01]\d)-(?P<d4>[0-3]\d))"
)
_TEXT_DATE = re.compile(rf"(?<![\w/.-]){TEXT_DATE}(?![\w/-])", re.IGNORECASE)
# The labels newsrooms put before a publication date. "Updated" is left out on purpose: it
# moves on every edit, and the publication date is the one events are resolved against.
PUBLISHED_LABELS = (
    "date of publication",
    "first published",
    "published on",
    "published at",
    "published",
    "posted on",
    "posted",
    "date published",
    "release date",
)
_LABEL = "(?:" + "|".join(re.escape(label) for label in PUBLISHED_LABELS) + ")"
# "Published: 14:32 18/09/2024": an optional time of day between the label and the date.
_CLOCK = r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*(?:on\s+)?)?"
LABELLED_DATE = re.compile(
    rf"(?:^|\n)[ \t]*{_LABEL}\b\s*:?\s*{_CLOCK}(?P<date>{TEXT_DATE})", re.IGNORECASE
)


def _from_match(match: re.Match[str]) -> date | None:
    for index in "1234":
        year = match.group(f"y{index}")
        if year is None:
            continue
        month_text = match.group(f"m{index}").lower().rstrip(".")
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
        day = int(re.match(r"\d+", match.group(f"d{index}"))[0])
        try:
            return date(int(year), month or 0, day)
        except ValueError:
            return None
    return None


def find_text_date(text: str) -> date | None:
    """The first valid calendar date written in `text` (day first when numeric), or None."""
    found = find_text_date_span(text)
    return found[0] if found else None


def find_text_date_span(text: str) -> tuple[date, int, int] | None:
    """The first valid date in `text` with where it is written, or None."""
    for match in _TEXT_DATE.finditer(text):
        found = _from_match(match)
        if found is not None:
            return found, match.start(), match.end()
    return None


# A line holding a date and at most this many other words ("Tuesday", "Date:") is a date
# line (a letter's date, a page's dateline); more words make it a sentence mentioning one.
DATE_LINE_OTHER_WORDS = 2


def date_line(line: str) -> date | None:
    """The date of a line that is only a date ("18 September 2024", "Date: 18/09/2024")."""
    found = find_text_date_span(line)
    if found is None:
        return None
    value, start, end = found
    others = re.findall(r"[^\W\d_]+", line[:start] + " " + line[end:])
    return value if len(others) <= DATE_LINE_OTHER_WORDS else None


def find_labelled_date(text: str) -> date | None:
    """The date after a publication label ("Published on: ...") that starts a line of `text`.

    Lines matter: "the report, published on 3 May 2024, found" inside a sentence is a fact
    in the story, not the page's own date, so the label must begin a line (a page element).
    """
    for match in LABELLED_DATE.finditer(text):
        inner = _TEXT_DATE.search(match.group("date"))
        found = _from_match(inner) if inner else None
        if found is not None:
            return found
    return None


def parse_published(value: str) -> date | None:
    """The calendar date as the publisher wrote it, ignoring the time zone shift."""
    value = value.strip()
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_labelled_date(value) or find_text_date(value)
    if found is not None:
        return found
    import dateparser  # imported lazily: it is slow to import and rarely needed here

    parsed: datetime | None = dateparser.parse(
        value,
        languages=["en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True},
    )
    return parsed.date() if parsed else None
