"""Inspections extracted from a phrasing written in a test, as (force, date, precision),
and the shorthands the inspection test files write their expected rows with."""

from __future__ import annotations

from datetime import date

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)


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
