"""Write documents and their events: one transaction, bulk inserts through Arrow.

A changed document's events are deleted and re-inserted in the same transaction as the
document row (the caller's), so a reader never sees a document with half of its events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from pipeline.events import REGISTRY
from pipeline.models import Document, Event
from pipeline.store.schema import DOCUMENT_COLUMNS, EVENT_COLUMNS


@dataclass
class DocumentWrite:
    document: Document
    events: list[Event]


@dataclass
class WriteSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    events_added: int = 0
    events_removed: int = 0
    events_by_type: Counter = field(default_factory=Counter)


def document_hashes(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None = None
                    ) -> dict[str, str]:
    """Stored content hashes, of every document or only of the given ones (a batch must not
    cost a scan of the whole table, or streaming slows down as the file grows)."""
    if doc_ids is None:
        return dict(con.execute("SELECT doc_id, content_sha256 FROM documents").fetchall())
    with registered(con, wanted_ids=pa.table({"doc_id": pa.array(doc_ids, pa.string())})):
        return dict(con.execute(
            "SELECT doc_id, content_sha256 FROM documents "
            "WHERE doc_id IN (SELECT doc_id FROM wanted_ids)").fetchall())


# (column, Arrow type) of every registered field, in the table's order.
_EVENT_ARROW = tuple((f.name, getattr(pa, f.type.arrow)()) for f in REGISTRY.columns())


def _event_table(events: list[Event]) -> pa.Table:
    """Column by column from the attributes (no per-row dicts): this is the hot path of bulk
    loads and re-extraction."""
    return pa.table({
        name: pa.array([getattr(e, name) for e in events], arrow_type)
        for name, arrow_type in _EVENT_ARROW
    })


def _document_table(documents: list[Document], now: datetime) -> pa.Table:
    return pa.table({
        "doc_id": [d.doc_id for d in documents],
        "url": [d.url for d in documents],
        "title": [d.title for d in documents],
        "published_date": pa.array([d.published_date for d in documents], pa.date32()),
        "source": [d.source for d in documents],
        "text": [d.text for d in documents],
        "content_sha256": [d.content_sha256 for d in documents],
        "ingested_at": pa.array([now] * len(documents), pa.timestamp("us")),
    })


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, **tables: pa.Table) -> Iterator[None]:
    """Arrow tables visible to SQL for the duration of a bulk statement."""
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)


def write_documents(con: duckdb.DuckDBPyConnection, writes: list[DocumentWrite],
                    *, replace_unchanged: bool = False) -> WriteSummary:
    """Insert new documents, replace changed ones; unchanged ones are left alone.

    Runs inside the caller's transaction (see store.transaction), so that a document, its
    events and the fetch log of the same run are committed together or not at all.
    """
    summary = WriteSummary()
    latest: dict[str, DocumentWrite] = {}
    for write in writes:  # the same URL twice in one batch: the last one wins
        latest[write.document.doc_id] = write
    existing = document_hashes(con, list(latest))
    todo: list[DocumentWrite] = []
    for doc_id, write in latest.items():
        before = existing.get(doc_id)
        if before == write.document.content_sha256 and not replace_unchanged:
            summary.unchanged += 1
            continue
        if before is None:
            summary.new += 1
        else:
            summary.changed += 1
        todo.append(write)
    if not todo:
        return summary
    now = datetime.now(UTC).replace(tzinfo=None)
    ids = pa.table({"doc_id": [w.document.doc_id for w in todo]})
    events = [e for w in todo for e in w.events]
    deduped = list({e.event_id: e for e in events}.values())
    with registered(con, incoming_ids=ids,
                    incoming_documents=_document_table([w.document for w in todo], now),
                    incoming_events=_event_table(deduped)):
        summary.events_removed = con.execute(
            "SELECT count(*) FROM events WHERE doc_id IN (SELECT doc_id FROM incoming_ids)"
        ).fetchone()[0]
        con.execute("DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM incoming_ids)")
        con.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM incoming_ids)")
        con.execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
                    f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM incoming_documents")
        if deduped:
            con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                        f"SELECT {', '.join(EVENT_COLUMNS)} FROM incoming_events")
    summary.events_added = len(deduped)
    summary.events_by_type = Counter(e.event_type for e in deduped)
    return summary
