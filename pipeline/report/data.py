"""What the report shows, read from the database in a few queries through a read-only
connection (the report can be built while a run is writing, between its transactions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from pipeline.store import connect
from pipeline.store.schema import SCHEMA_VERSION, schema_version


class ReportError(Exception):
    """The database cannot be reported on as it is (too old, for instance)."""


@dataclass
class Period:
    entered: date
    entered_precision: str
    exited: date | None
    exited_precision: str | None
    days: int | None


@dataclass
class EventRow:
    event_id: str
    doc_id: str
    event_type: str
    force_id: str
    force: str
    event_date: date | None
    date_precision: str | None
    phase_from: str | None
    phase_to: str | None
    subject_kind: str | None
    subject: str | None
    status: str | None
    count_total: int | None
    count_closed: int | None
    count_open: int | None
    person_name: str | None
    person_role: str | None
    quote: str | None
    evidence: str
    url: str
    title: str | None
    published_date: date | None

    @property
    def when(self) -> date | None:
        """Where the event sits on the time axis: its own date, else its document's."""
        return self.event_date or self.published_date


@dataclass
class ForceRow:
    force_id: str
    force: str
    periods: list[Period] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)


@dataclass
class StoredDocument:
    doc_id: str
    url: str
    title: str | None
    published_date: date | None
    text: str
    spans: list[tuple[int, int, str]]  # (char_start, char_end, event_id)


@dataclass
class ReportData:
    forces: list[ForceRow]
    documents: dict[str, StoredDocument]  # only those without an http(s) URL
    document_count: int


EVENTS = """
SELECT e.event_id, e.doc_id, e.event_type, e.force_id, e.force, e.event_date,
       e.date_precision, e.phase_from, e.phase_to, e.subject_kind, e.subject, e.status,
       e.count_total, e.count_closed, e.count_open, e.person_name, e.person_role, e.quote,
       e.evidence, d.url, d.title, d.published_date
FROM events e JOIN documents d USING (doc_id)
WHERE e.force_id IS NOT NULL
ORDER BY coalesce(e.event_date, d.published_date) NULLS LAST, e.event_type, e.event_id
"""

PERIODS = """
SELECT force_id, force, entered, entered_precision, exited, exited_precision, days
FROM engage_periods ORDER BY force_id, entered
"""

LOCAL_DOCUMENTS = """
SELECT d.doc_id, d.url, d.title, d.published_date, d.text,
       list((e.char_start, e.char_end, e.event_id) ORDER BY e.char_start, e.event_id)
FROM documents d JOIN events e USING (doc_id)
WHERE e.force_id IS NOT NULL AND NOT regexp_matches(d.url, '^https?://')
GROUP BY ALL
"""


def is_web_url(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def _read(con: duckdb.DuckDBPyConnection) -> ReportData:
    version = schema_version(con)
    if version < SCHEMA_VERSION:
        raise ReportError(f"the database is at schema version {version}; run ingest (or "
                          f"reextract) once to upgrade it to {SCHEMA_VERSION}")
    forces: dict[str, ForceRow] = {}
    for row in con.execute(EVENTS).fetchall():
        event = EventRow(*row)
        force = forces.setdefault(event.force_id, ForceRow(event.force_id, event.force))
        force.events.append(event)
    for force_id, name, *period in con.execute(PERIODS).fetchall():
        forces.setdefault(force_id, ForceRow(force_id, name)).periods.append(Period(*period))
    documents = {}
    for doc_id, url, title, published, text, spans in con.execute(LOCAL_DOCUMENTS).fetchall():
        documents[doc_id] = StoredDocument(doc_id, url, title, published, text,
                                           [tuple(s.values()) if isinstance(s, dict)
                                            else tuple(s) for s in spans])
    count = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    return ReportData(sorted(forces.values(), key=lambda f: f.force.lower()), documents, count)


def read_report_data(db: Path) -> ReportData:
    with connect(db, read_only=True) as con:
        return _read(con)

