"""What the report shows, read from the views through a read-only connection (the report
can be built while a run is writing, between its transactions).

The report draws what the views answer, not raw events: a move reported by ten documents
is one `phase_moves` row, an item named in five letters one `items` row, a quote printed
twice one `statements` row. Each entry keeps every report it rests on, for the links.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from pipeline.events import REGISTRY, EventType
from pipeline.output import plural
from pipeline.store import connect
from pipeline.store.schema import (
    SCHEMA_VERSION,
    SchemaError,
    missing_event_columns,
    schema_version,
)

KINDS = {"cause_of_concern": ("cause of concern", "causes of concern"),
         "recommendation": ("recommendation", "recommendations")}


class ReportError(Exception):
    """The database cannot be reported on as it is (too old, for instance)."""


@dataclass(frozen=True)
class Report:
    """One document's report of an entry."""

    event_id: str
    doc_id: str
    url: str
    title: str | None
    published_date: date | None
    dated: bool  # the text gives the event's date (else it sits at the publication date)


@dataclass
class Entry:
    """One thing on a force's timeline and in its list."""

    kind: str  # the event type (pipeline/events/registry.py)
    force_id: str
    when: date | None
    precision: str  # day, month, year
    dated: bool
    what: str
    evidence: str
    reports: list[Report]
    count: int = 0  # documents reporting it (statements: more than the reports listed)
    state: str = ""  # a CSS class: open, closed, same-state

    def __post_init__(self) -> None:
        self.count = self.count or len({r.doc_id for r in self.reports}) or 1


@dataclass
class Period:
    entered: date
    entered_precision: str
    exited: date | None
    exited_precision: str | None
    days: int | None


@dataclass
class ForceRow:
    force_id: str
    force: str
    periods: list[Period] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)


@dataclass
class InEngage:
    """A force in Engage now: the summary at the top of the report."""

    force_id: str
    force: str
    since: date
    precision: str
    evidence: str
    report: Report | None
    open_causes: list[str]
    open_recommendations: list[str]


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
    now: list[InEngage]
    documents: dict[str, StoredDocument]  # every document an entry links to
    document_count: int
    event_count: int


def is_web_url(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def kind_name(kind: str | None, count: int | None = None) -> str:
    """'cause of concern'; with a count, '1 cause of concern', '3 causes of concern'."""
    fallback = (kind or "finding").replace("_", " ")
    singular, many = KINDS.get(kind or "", (fallback, fallback + "s"))
    return singular if count is None else plural(count, singular, many)


def tally_text(kind: str, total: int | None, closed: int | None, still: int | None) -> str:
    """'3 of 5 recommendations closed, 2 open'; only the counts the text gives."""
    if closed is not None and total is not None:
        text = f"{closed} of {kind_name(kind, total)} closed"
        return text + (f", {still} open" if still is not None else "")
    if closed is not None:
        return f"{kind_name(kind, closed)} closed" + (
            f", {still} open" if still is not None else "")
    if still is not None:
        return (f"{kind_name(kind, still)} open" +
                (f" of {total}" if total is not None else ""))
    return f"{kind_name(kind, total or 0)} in all"


REPORTS = """
SELECT e.event_id, e.doc_id, d.url, d.title, d.published_date, e.event_date IS NOT NULL
FROM events e JOIN documents d USING (doc_id) WHERE e.force_id IS NOT NULL
"""
MOVES = """
SELECT force_id, force, phase, move_date, precision, changes_phase, evidence, event_ids
FROM phase_moves ORDER BY force_id, move_date
"""
INSPECTIONS = """
SELECT e.event_id, e.force_id, e.force, e.event_date, coalesce(e.date_precision, 'day'),
       e.evidence
FROM events e WHERE e.event_type = 'inspection' AND e.force_id IS NOT NULL
ORDER BY e.event_date NULLS LAST, e.event_id
"""
ITEMS = """
SELECT force_id, force, kind, subject, first_raised, status, status_as_of, closed_on,
       evidence, url, event_ids FROM items
"""
TALLIES = """
SELECT force_id, force, kind, count_total, count_closed, count_open, as_of, as_of_precision,
       evidence, event_id FROM tallies ORDER BY as_of, event_id
"""
STATEMENTS = """
SELECT force_id, force, person_name, person_role, date, quote, evidence, event_id, documents
FROM statements WHERE force_id IS NOT NULL
"""
PERIODS = """
SELECT force_id, force, entered, entered_precision, exited, exited_precision, days
FROM engage_periods ORDER BY force_id, entered
"""
NOW = """
SELECT s.force_id, s.force, s.since, s.since_precision, s.evidence, m.event_id
FROM force_status s JOIN phase_moves m ON m.force_id = s.force_id AND m.changes_phase
  AND m.move_date = s.since AND m.phase = s.phase
WHERE s.phase = 'engage' ORDER BY s.since, s.force
"""
OPEN_ITEMS = """
SELECT force_id, kind, subject FROM items WHERE status = 'open' ORDER BY first_raised, subject
"""
DISAGREEMENTS = "SELECT force_id, force, detail FROM disagreements ORDER BY force_id, date"
DOCUMENTS = """
SELECT d.doc_id, d.url, d.title, d.published_date, d.text,
       list((e.char_start, e.char_end, e.event_id) ORDER BY e.char_start, e.event_id)
FROM documents d JOIN events e USING (doc_id)
WHERE e.force_id IS NOT NULL
GROUP BY ALL
"""


Reader = Callable[[duckdb.DuckDBPyConnection, dict[str, Report]], list[Entry]]


def _moves(con: duckdb.DuckDBPyConnection, reports: dict[str, Report]) -> list[Entry]:
    entries = []
    for force_id, _force, phase, when, precision, changes, evidence, ids in con.execute(
            MOVES).fetchall():
        rows = [reports[i] for i in ids if i in reports]
        what = "into Engage" if phase == "engage" else "out of Engage (back to Scan)"
        entries.append(Entry("phase_change", force_id, when, precision or "day",
                             any(r.dated for r in rows),
                             what + ("" if changes else ": the same state as before"),
                             evidence, rows, state="" if changes else "same-state"))
    return entries


def _inspections(con: duckdb.DuckDBPyConnection, reports: dict[str, Report]) -> list[Entry]:
    """Inspections of one force on one date are one entry, however many report them."""
    grouped: dict[tuple, list] = defaultdict(list)
    for event_id, force_id, _force, when, precision, evidence in con.execute(
            INSPECTIONS).fetchall():
        key = (force_id, when, precision) if when else (force_id, event_id)
        grouped[key].append((event_id, when, precision, evidence))
    entries = []
    for (force_id, *_), rows in grouped.items():
        event_id, when, precision, evidence = rows[0]
        report = reports[event_id]
        entries.append(Entry("inspection", force_id, when or report.published_date, precision,
                             when is not None, "inspection", evidence,
                             [reports[r[0]] for r in rows]))
    return entries


def _items(con: duckdb.DuckDBPyConnection, reports: dict[str, Report]) -> list[Entry]:
    entries = []
    for (force_id, _force, kind, subject, raised, status, as_of, closed_on, evidence, url,
         ids) in con.execute(ITEMS).fetchall():
        rows = [reports[i] for i in ids if i in reports]
        # the deciding report first: its evidence is the one shown
        rows.sort(key=lambda r: r.url != url)
        if status == "closed":
            state = f"closed{f' on {closed_on}' if closed_on else ''}"
        elif status == "open":
            state = f"open as of {as_of}"
        else:
            state = "no status given"
        entries.append(Entry("recommendation", force_id, raised, "day",
                             any(r.dated for r in rows),
                             f"{kind_name(kind)}: {subject} ({state})", evidence, rows,
                             state=status or ""))
    return entries


def _tallies(con: duckdb.DuckDBPyConnection, reports: dict[str, Report]) -> list[Entry]:
    """Tallies giving the same counts for the same date are one entry."""
    grouped: dict[tuple, list] = defaultdict(list)
    for (force_id, _force, kind, total, closed, still, as_of, precision, evidence,
         event_id) in con.execute(TALLIES).fetchall():
        grouped[(force_id, kind, total, closed, still, as_of, precision)].append(
            (event_id, evidence))
    entries = []
    for (force_id, kind, total, closed, still, as_of, precision), rows in grouped.items():
        linked = [reports[e] for e, _ in rows if e in reports]
        entries.append(Entry("recommendation", force_id, as_of, precision or "day",
                             any(r.dated for r in linked),
                             tally_text(kind, total, closed, still), rows[0][1], linked))
    return entries


def _statements(con: duckdb.DuckDBPyConnection, reports: dict[str, Report]) -> list[Entry]:
    """A statement's date is its publication: it is placed there as dated."""
    entries = []
    for (force_id, _force, name, role, when, _quote, evidence, event_id,
         documents) in con.execute(STATEMENTS).fetchall():
        who = f"{name} ({role.replace('_', ' ')})" if role else name
        entries.append(Entry("statement", force_id, when, "day", True, who, evidence,
                             [reports[event_id]] if event_id in reports else [],
                             count=documents))
    return entries


PLAIN = """
SELECT event_id, force_id, event_date, coalesce(date_precision, 'day'), evidence{payload}
FROM events WHERE event_type = ? AND force_id IS NOT NULL ORDER BY event_date NULLS LAST, event_id
"""


def _plain(con: duckdb.DuckDBPyConnection, reports: dict[str, Report],
           event_type: EventType) -> list[Entry]:
    """One entry per event, saying its payload: a type without views of its own."""
    payload = "".join(f", {f.name}" for f in event_type.fields)
    entries = []
    for event_id, force_id, when, precision, evidence, *values in con.execute(
            PLAIN.format(payload=payload), [event_type.name]).fetchall():
        report = reports[event_id]
        what = "; ".join(str(v).replace("_", " ") for v in values if v is not None)
        entries.append(Entry(event_type.name, force_id, when or report.published_date,
                             precision, when is not None, what or event_type.label, evidence,
                             [report]))
    return entries


# The entries of each type with views of its own; any other type's events are _plain.
READERS: dict[str, tuple[Reader, ...]] = {
    "phase_change": (_moves,),
    "inspection": (_inspections,),
    "recommendation": (_items, _tallies),
    "statement": (_statements,),
}


def _entries(con: duckdb.DuckDBPyConnection, reports: dict[str, Report]) -> list[Entry]:
    entries: list[Entry] = []
    for event_type in REGISTRY.types:
        readers = READERS.get(event_type.name)
        if readers is None:
            entries += _plain(con, reports, event_type)
        for reader in readers or ():
            entries += reader(con, reports)
    return entries


def _now(con: duckdb.DuckDBPyConnection, reports: dict[str, Report]) -> list[InEngage]:
    open_items: dict[tuple[str, str], list[str]] = defaultdict(list)
    for force_id, kind, subject in con.execute(OPEN_ITEMS).fetchall():
        open_items[(force_id, kind)].append(subject)
    return [InEngage(force_id, force, since, precision or "day", evidence,
                     reports.get(event_id), open_items[(force_id, "cause_of_concern")],
                     open_items[(force_id, "recommendation")])
            for force_id, force, since, precision, evidence, event_id
            in con.execute(NOW).fetchall()]


def _documents(con: duckdb.DuckDBPyConnection) -> dict[str, StoredDocument]:
    documents = {}
    for doc_id, url, title, published, text, spans in con.execute(DOCUMENTS).fetchall():
        documents[doc_id] = StoredDocument(doc_id, url, title, published, text,
                                           [tuple(s.values()) if isinstance(s, dict)
                                            else tuple(s) for s in spans])
    return documents


def _check_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The file must be upgraded first (a read-only connection cannot)."""
    version = schema_version(con)
    if version < SCHEMA_VERSION:
        raise ReportError(f"the database is at schema version {version}; run `oversight "
                          f"ingest` (or `oversight reextract`) once to upgrade it to "
                          f"{SCHEMA_VERSION}")
    try:
        missing = missing_event_columns(con)
    except SchemaError as exc:
        raise ReportError(str(exc)) from exc
    if missing:
        raise ReportError(f"the events table has no column {', '.join(f.name for f in missing)}"
                          "; run `oversight ingest` (or `oversight reextract`) once to add it")


def _read(con: duckdb.DuckDBPyConnection) -> ReportData:
    _check_schema(con)
    reports = {row[0]: Report(*row) for row in con.execute(REPORTS).fetchall()}
    names = dict(con.execute("SELECT force_id, arg_max(force, event_id) FROM events "
                             "WHERE force_id IS NOT NULL GROUP BY force_id").fetchall())
    forces: dict[str, ForceRow] = {}

    def force(force_id: str, name: str | None = None) -> ForceRow:
        return forces.setdefault(force_id, ForceRow(force_id, name or names.get(force_id)
                                                    or force_id))

    for entry in _entries(con, reports):
        force(entry.force_id).entries.append(entry)
    for force_id, name, *period in con.execute(PERIODS).fetchall():
        force(force_id, name).periods.append(Period(*period))
    for force_id, name, detail in con.execute(DISAGREEMENTS).fetchall():
        if force_id:
            force(force_id, name).disagreements.append(detail)
    for row in forces.values():
        row.entries.sort(key=lambda e: (e.when or date.max, e.kind, e.what))
    (documents,) = con.execute("SELECT count(*) FROM documents").fetchone()
    (events,) = con.execute("SELECT count(*) FROM events").fetchone()
    return ReportData(sorted(forces.values(), key=lambda f: f.force.lower()),
                      _now(con, reports), _documents(con), documents, events)


def read_report_data(db: Path) -> ReportData:
    with connect(db, read_only=True) as con:
        return _read(con)
