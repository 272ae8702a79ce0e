"""Statements extracted from a phrasing written in a test, keyed by speaker, with the
evidence checked against the text on the way."""

from __future__ import annotations

from datetime import date

from pipeline.extract import extract_events
from pipeline.models import Document, Event

PUBLISHED = date(2024, 6, 12)


def statements_in(text: str, published: date | None = PUBLISHED) -> dict[str, Event]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=published))
    out = {e.person_name: e for e in events if e.event_type == "statement"}
    for event in out.values():
        assert text[event.char_start : event.char_end] == event.evidence
    return out


def quote_of(found: dict[str, Event], name: str) -> str:
    return found[name].quote or ""
