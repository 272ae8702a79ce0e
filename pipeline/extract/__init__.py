"""Extraction: a Document in, Event rows out; a pure function, so it can run in any process."""

from __future__ import annotations

from pipeline.extract.context import analyse
from pipeline.extract.findings import extract_findings
from pipeline.extract.inspections import extract_inspections
from pipeline.extract.nlp import Toolkit, default_toolkit
from pipeline.extract.phases import extract_phase_changes
from pipeline.extract.statements import extract_statements
from pipeline.models import Document, Event

EXTRACTORS = (extract_phase_changes, extract_inspections, extract_findings, extract_statements)


def extract_events(document: Document, toolkit: Toolkit | None = None) -> list[Event]:
    toolkit = toolkit or default_toolkit()
    analysis = analyse(document.text, document.published_date, toolkit, url=document.url)
    events: list[Event] = []
    for extractor in EXTRACTORS:
        events.extend(extractor(analysis))
    return [e.stamp(document.doc_id, toolkit.rules.version) for e in events]


__all__ = ["extract_events", "Toolkit", "default_toolkit"]
