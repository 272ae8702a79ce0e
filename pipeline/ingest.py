"""Orchestration: read sources, parse, extract, then write in one short transaction.

Everything slow (fetching, parsing, extraction) happens before the database is opened for
writing, so a cron run holds the write lock only for the bulk insert and analysts reading
the file are blocked for moments, not minutes.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.extract import extract_events
from pipeline.fetch import FetchConfig, FetchReport, Source, fetch_sources
from pipeline.models import Document
from pipeline.parse import ParseError, iter_source_files, parse_file, parse_html
from pipeline.pause import pause_at
from pipeline.store import DocumentWrite, connect, document_hashes, transaction, write_documents
from pipeline.store.fetch_state import (
    ensure_fetch_tables,
    load_validators,
    record_many_document_urls,
    save_fetch_results,
)

Progress = Callable[[str], None]


@dataclass
class Failure:
    name: str
    reason: str

    def line(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class IngestSummary:
    run_id: str = ""
    read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: list[Failure] = field(default_factory=list)
    events_added: int = 0
    events_removed: int = 0
    events_by_type: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class Collected:
    """Documents ready to store, with every URL each one was seen at."""

    documents: list[Document] = field(default_factory=list)
    urls: dict[str, set[str]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    report: FetchReport | None = None

    def add(self, document: Document, urls: Iterable[str] = ()) -> None:
        self.documents.append(document)
        self.urls.setdefault(document.doc_id, set()).update([document.url, *urls])


def read_local(source: Path, collected: Collected, name: str = "local") -> None:
    for path in iter_source_files(source):
        try:
            collected.add(parse_file(path, source=name))
        except ParseError as exc:
            collected.failures.append(Failure(path.as_posix(), str(exc)))


def read_remote(sources: list[Source], collected: Collected, *, run_id: str,
                validators: dict, config: FetchConfig, progress: Progress | None) -> None:
    report = fetch_sources(sources, run_id=run_id, validators=validators, config=config,
                           progress=progress)
    collected.report = report
    for page in report.pages:
        try:
            document = parse_html(page.body, url=page.url, source=page.source,
                                  encoding=page.encoding, title_hint=page.title_hint,
                                  published_hint=page.published_hint)
        except ParseError as exc:
            collected.failures.append(Failure(page.url, str(exc)))
            # Forget the validators so the next run fetches the page again.
            report.validators.pop(page.url, None)
            continue
        collected.add(document, page.seen_urls)
    for line in report.errors:
        collected.failures.append(Failure("fetch", line))


def extract_all(documents: Iterable[Document], progress: Progress | None = None
                ) -> list[DocumentWrite]:
    writes = []
    for document in documents:
        writes.append(DocumentWrite(document, extract_events(document)))
        if progress:
            progress(document.url)
        pause_at("extracted")
    return writes


def _by_content(documents: list[Document], known: dict[str, str]
                ) -> tuple[list[Document], dict[str, str]]:
    """Drop a document whose text is already stored under another URL; map it to that one."""
    owner = {sha: doc_id for doc_id, sha in known.items()}
    unique, aliases = [], {}
    for document in documents:
        first = owner.setdefault(document.content_sha256, document.doc_id)
        if first != document.doc_id:
            aliases[document.doc_id] = first
            continue
        unique.append(document)
    return unique, aliases


def ingest(collect: Callable[[Collected, dict, str], None], db: Path, *,
           progress: Progress | None = None, run_id: str | None = None) -> IngestSummary:
    """Collect documents (with the stored validators), extract, then store in one transaction."""
    run_id = run_id or uuid.uuid4().hex[:12]
    with connect(db) as con:
        ensure_fetch_tables(con)
        validators = load_validators(con)
        known = document_hashes(con)
    collected = Collected()
    collect(collected, validators, run_id)
    documents, aliases = _by_content(collected.documents, known)
    pending = [d for d in documents if known.get(d.doc_id) != d.content_sha256]
    writes = extract_all(pending, progress)
    urls: dict[str, set[str]] = {}
    for doc_id, seen in collected.urls.items():
        urls.setdefault(aliases.get(doc_id, doc_id), set()).update(seen)
    with connect(db) as con, transaction(con):
        result = write_documents(con, writes)
        if collected.report is not None:
            save_fetch_results(con, collected.report.log_rows, collected.report.validators)
        record_many_document_urls(con, {k: sorted(v) for k, v in urls.items()})
        pause_at("write")
    return IngestSummary(
        run_id=run_id, read=len(collected.documents) + len(collected.failures),
        new=result.new, changed=result.changed,
        unchanged=len(documents) - len(pending) + result.unchanged,
        duplicates=len(aliases), failed=collected.failures,
        events_added=result.events_added, events_removed=result.events_removed,
        events_by_type=result.events_by_type,
    )


def ingest_path(source: Path, db: Path, progress: Progress | None = None,
                run_id: str | None = None) -> IngestSummary:
    return ingest(lambda collected, _v, _r: read_local(source, collected), db,
                  progress=progress, run_id=run_id)


def ingest_sources(sources: list[Source], db: Path, *, config: FetchConfig,
                   progress: Progress | None = None, run_id: str | None = None
                   ) -> IngestSummary:
    """Every source of a sources file (or one URL): local directories and web sources."""
    def collect(collected: Collected, validators: dict, run_id: str) -> None:
        for source in sources:
            if source.kind == "local":
                read_local(Path(source.start_url or source.options.get("path", "")),
                           collected, source.name)
        remote = [s for s in sources if s.kind != "local"]
        if remote:
            read_remote(remote, collected, run_id=run_id, validators=validators,
                        config=config, progress=progress)

    return ingest(collect, db, progress=progress, run_id=run_id)
