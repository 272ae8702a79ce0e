"""Orchestration: read sources, parse, extract, then write in one short transaction.

Everything slow happens before the database is opened, so a cron run holds the write lock
only for the bulk insert and analysts reading the file are blocked for moments, not minutes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.parse import ParseError, iter_source_files, parse_file
from pipeline.store import DocumentWrite, connect, document_hashes, write_documents

Progress = Callable[[str], None]


@dataclass
class Failure:
    name: str
    reason: str

    def line(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    events_added: int = 0
    events_removed: int = 0
    events_by_type: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.failed


def read_local(source: Path) -> tuple[list[Document], list[Failure]]:
    documents, failures = [], []
    for path in iter_source_files(source):
        try:
            documents.append(parse_file(path))
        except ParseError as exc:
            failures.append(Failure(path.as_posix(), str(exc)))
    return documents, failures


def extract_all(documents: Iterable[Document], progress: Progress | None = None
                ) -> list[DocumentWrite]:
    writes = []
    for document in documents:
        writes.append(DocumentWrite(document, extract_events(document)))
        if progress:
            progress(document.url)
    return writes


def ingest_documents(documents: list[Document], db: Path, *, failures: list[Failure] | None = None,
                     progress: Progress | None = None) -> IngestSummary:
    summary = IngestSummary(read=len(documents) + len(failures or []),
                            failed=list(failures or []))
    if db.exists():
        with connect(db) as con:
            known = document_hashes(con)
    else:
        known = {}
    pending = [d for d in documents if known.get(d.doc_id) != d.content_sha256]
    summary.unchanged = len(documents) - len(pending)
    writes = extract_all(pending, progress)
    with connect(db) as con:
        result = write_documents(con, writes)
    summary.new, summary.changed = result.new, result.changed
    summary.unchanged += result.unchanged
    summary.events_added, summary.events_removed = result.events_added, result.events_removed
    summary.events_by_type = result.events_by_type
    return summary


def ingest_path(source: Path, db: Path, progress: Progress | None = None) -> IngestSummary:
    documents, failures = read_local(source)
    return ingest_documents(documents, db, failures=failures, progress=progress)
