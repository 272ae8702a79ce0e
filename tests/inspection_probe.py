"""Inspections extracted from a phrasing written in a test, as (force, date, precision),
and the shorthands the inspection test files write their expected rows with."""

from __future__ import annotations

import re
from datetime import date

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)
# The page date of a case that names later years: no inspection takes a date after its page's.
LATER = date(2026, 7, 1)
LATER_YEAR = re.compile(r"\b20(2[5-9]|3\d)\b")


def published_for(text: str) -> date:
    """The page date a case is published on: PUBLISHED, or LATER for a later year's case."""
    return LATER if LATER_YEAR.search(text) else PUBLISHED


def inspections_in(text: str, published: date | None = PUBLISHED) -> set[tuple]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=published))
    return {(e.force_id, e.event_date.isoformat() if e.event_date else None, e.date_precision)
            for e in events if e.event_type == "inspection"}


def month(force: str, value: str) -> tuple:
    return (force, f"{value}-01", "month")


def year(force: str, value: int) -> tuple:
    return (force, f"{value}-01-01", "year")


def day(force: str, value: str) -> tuple:
    return (force, value, "day")
