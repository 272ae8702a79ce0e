"""Extraction: a Document in, Event rows out; a pure function, so it can run in any process."""

from __future__ import annotations

from pipeline.events import REGISTRY
from pipeline.extract.context import analyse
from pipeline.extract.nlp import Toolkit, default_toolkit
from pipeline.limits import SECTION_CHARS
from pipeline.models import Document, Event
from pipeline.sections import sections

EXTRACTORS = tuple(event_type.load_extractor() for event_type in REGISTRY.types)


def extract_events(document: Document, toolkit: Toolkit | None = None) -> list[Event]:
    """Events of one document; a text too long to read whole (over SECTION_CHARS, see
    pipeline.limits) is read section by section, with offsets into the whole text."""
    toolkit = toolkit or default_toolkit()
    limit = min(SECTION_CHARS, toolkit.nlp.max_length)
    events: list[Event] = []
    for start, end in sections(document.text, limit):
        events.extend(_section_events(document, start, end, toolkit))
    return [e.stamp(document.doc_id, toolkit.rules.version) for e in events]


def _section_events(document: Document, start: int, end: int, toolkit: Toolkit) -> list[Event]:
    text = document.text if (start, end) == (0, len(document.text)) else document.text[start:end]
    analysis = analyse(text, document.published_date, toolkit, url=document.url)
    events: list[Event] = []
    for extractor in EXTRACTORS:
        events.extend(extractor(analysis))
    for event in events:
        event.char_start += start
        event.char_end += start
    return events


__all__ = ["extract_events", "Toolkit", "default_toolkit"]
