"""Re-extraction: run the current rules over the stored documents, without fetching.

Ingest skips a document whose text has not changed, so after a rules change the old
events stay until something re-extracts them. Every event carries the rules_version it was
made with; this finds the documents with an event from other rules (or with no events at
all: new rules may find some), extracts them again and replaces their events, one
transaction for all, like ingest. The database is read once, briefly, then released while
extraction runs, and opened again only to write.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.extract import Toolkit, default_toolkit, extract_events
from pipeline.models import Document
from pipeline.parallel import extract_documents
from pipeline.pause import pause_at
from pipeline.store import DocumentWrite, connect, transaction, write_documents

STALE_DOCUMENTS = """
SELECT d.doc_id, d.url, d.title, d.published_date, d.source, d.text
FROM documents d
WHERE ? OR NOT EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.doc_id)
   OR EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.doc_id AND e.rules_version <> ?)
ORDER BY d.doc_id
"""


@dataclass
class ReextractSummary:
    rules_version: str
    checked: int = 0
    updated: int = 0
    events_added: int = 0
    events_removed: int = 0
    events_restamped: int = 0
    added_by_type: Counter = field(default_factory=Counter)
    removed_by_type: Counter = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)

    def line(self) -> str:
        types = sorted(set(self.added_by_type) | set(self.removed_by_type))
        by_type = ", ".join(f"{t} +{self.added_by_type[t]} -{self.removed_by_type[t]}"
                            for t in types) or "no change"
        return (f"rules {self.rules_version}: documents: {self.checked} checked, "
                f"{self.updated} updated; events: {self.events_added} added, "
                f"{self.events_removed} removed, {self.events_restamped} re-stamped "
                f"({by_type})")


def _stale(con: duckdb.DuckDBPyConnection, version: str, everything: bool
           ) -> tuple[list[tuple[str, Document]], dict[str, dict[str, tuple[str, str]]]]:
    """(stored doc_id, Document) pairs to redo, and their events: doc_id -> event_id ->
    (event_type, rules_version)."""
    rows = con.execute(STALE_DOCUMENTS, [everything, version]).fetchall()
    documents = [(doc_id, Document(url=url, title=title or "", text=text,
                                   published_date=published, source=source or "local"))
                 for doc_id, url, title, published, source, text in rows]
    events: dict[str, dict[str, tuple[str, str]]] = {doc_id: {} for doc_id, _ in documents}
    if documents:
        con.register("reextract_ids", pa.table({"doc_id": [d for d, _ in documents]}))
        try:
            for doc_id, event_id, event_type, rules in con.execute(
                    "SELECT doc_id, event_id, event_type, rules_version FROM events "
                    "WHERE doc_id IN (SELECT doc_id FROM reextract_ids)").fetchall():
                events[doc_id][event_id] = (event_type, rules)
        finally:
            con.unregister("reextract_ids")
    return documents, events


def reextract(db: Path, *, everything: bool = False, toolkit: Toolkit | None = None,
              progress: Callable[[str], None] | None = None, workers: int = 1
              ) -> ReextractSummary:
    """Replace the events of every document extracted with other rules (all with everything).

    Extraction goes through the same parallel path as ingest; a custom toolkit (tests) runs
    in this process.
    """
    version = (toolkit or default_toolkit()).rules.version
    summary = ReextractSummary(rules_version=version)
    with connect(db) as con:
        documents, stored = _stale(con, version, everything)
    summary.checked = len(documents)
    writes = []
    usable = []
    for doc_id, document in documents:
        if document.doc_id != doc_id:  # stored under an id its URL no longer gives
            summary.skipped.append(f"{document.url}: stored id {doc_id} != {document.doc_id}")
            continue
        usable.append(document)
    if toolkit is not None:
        extracted = ((d, extract_events(d, toolkit)) for d in usable)
    else:
        extracted = extract_documents(usable, workers=workers)
    for document, events in extracted:
        doc_id = document.doc_id
        before = stored[doc_id]
        after = {e.event_id: e for e in events}
        if set(after) == set(before) and all(r == version for _, r in before.values()):
            continue
        added = [after[i].event_type for i in after.keys() - before.keys()]
        removed = [before[i][0] for i in before.keys() - after.keys()]
        summary.updated += 1
        summary.events_added += len(added)
        summary.events_removed += len(removed)
        summary.events_restamped += len(after.keys() & before.keys())
        summary.added_by_type.update(added)
        summary.removed_by_type.update(removed)
        writes.append(DocumentWrite(document, events))
        if progress:
            progress(document.url)
    if writes:
        with connect(db) as con, transaction(con):
            write_documents(con, writes, replace_unchanged=True)
            pause_at("write")
    return summary
