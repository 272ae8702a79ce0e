"""The tallies a test phrasing gives, and battery cases marked with their known gaps: one
probe for the tally batteries."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 10, 3)
COC, REC = "cause_of_concern", "recommendation"


def tallies(text: str) -> set[tuple]:
    """(force, kind, total, closed, open) of every count the text gives."""
    events = extract_events(Document(url="battery", title="", text=text,
                                     published_date=PUBLISHED))
    return {(e.force_id, e.subject_kind, e.count_total, e.count_closed, e.count_open)
            for e in events if e.event_type == "recommendation"
            and (e.count_total, e.count_closed, e.count_open) != (None, None, None)}


def battery_params(cases: list, gaps: dict[str, str]) -> list:
    """The cases as pytest params, a known gap (by the start of its text) marked xfail."""
    out = []
    for text, expected in cases:
        reason = next((r for start, r in gaps.items() if text.startswith(start)), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(text, expected, marks=marks, id=text[:50]))
    return out
