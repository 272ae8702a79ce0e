"""Orchestration: read sources, parse, extract, then write in short transactions.

Everything slow (fetching, parsing, extraction) happens while the database is closed, so a
cron run holds the write lock only for bulk inserts and analysts reading the file are
blocked for moments, not minutes.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.fetch import FetchConfig, FetchReport, Source, fetch_sources
from pipeline.fetch.floors import FLOOR_RUNS
from pipeline.models import Document
from pipeline.parallel import extract_documents
from pipeline.parse import ParseError, iter_source_files, parse_fetched, parse_file
from pipeline.pause import pause_at
from pipeline.store import DocumentWrite, connect, document_hashes, transaction, write_documents
from pipeline.store.fetch_state import (
    ensure_fetch_tables,
    load_item_history,
    load_validators,
    record_many_document_urls,
    save_fetch_results,
)

Progress = Callable[[str], None]
# Documents per write transaction: small enough to keep memory flat and the write lock short,
# large enough that DuckDB's bulk insert dominates its per-transaction cost.
BATCH_SIZE = 500


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
    """Where documents come from, read lazily, and what reading them found.

    Local files are parsed one by one as ingest consumes them; fetched pages are already in
    memory (the fetch report holds them). Every URL a document was seen at is kept.
    """

    sources: list[Iterable[Document]] = field(default_factory=list)
    urls: dict[str, set[str]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    report: FetchReport | None = None
    read: int = 0
    # source -> item counts of its last successful runs, newest first (fetch floors)
    history: dict[str, list[int]] = field(default_factory=dict)

    def documents(self) -> Iterator[Document]:
        for source in self.sources:
            for document in source:
                self.read += 1
                self.urls.setdefault(document.doc_id, set()).add(document.url)
                yield document


def read_local(source: Path, collected: Collected, name: str = "local") -> None:
    def parse_all() -> Iterator[Document]:
        for path in iter_source_files(source):
            try:
                yield parse_file(path, source=name)
            except ParseError as exc:
                collected.failures.append(Failure(path.as_posix(), str(exc)))

    collected.sources.append(parse_all())


def read_remote(sources: list[Source], collected: Collected, *, run_id: str,
                validators: dict, config: FetchConfig, progress: Progress | None) -> None:
    report = fetch_sources(sources, run_id=run_id, validators=validators, config=config,
                           progress=progress, history=collected.history)
    collected.report = report
    documents = []
    for page in report.pages:
        try:
            document = parse_fetched(page.body, url=page.url, source=page.source,
                                     content_type=page.content_type, encoding=page.encoding,
                                     title_hint=page.title_hint,
                                     published_hint=page.published_hint)
        except ParseError as exc:
            collected.failures.append(Failure(page.url, str(exc)))
            # Forget the validators so the next run fetches the page again.
            report.validators.pop(page.url, None)
            continue
        documents.append(document)
        collected.urls.setdefault(document.doc_id, set()).update(page.seen_urls)
    collected.sources.append(documents)
    for line in report.errors:
        collected.failures.append(Failure("fetch", line))


def _pending(documents: Iterable[Document], known: dict[str, str], owner: dict[str, str],
             aliases: dict[str, str], counts: Counter) -> Iterator[Document]:
    """New or changed documents; one whose text is already stored under another URL is
    recorded as an alias of that one instead (the same release reached twice)."""
    for document in documents:
        first = owner.setdefault(document.content_sha256, document.doc_id)
        if first != document.doc_id:
            aliases[document.doc_id] = first
            continue
        if known.get(document.doc_id) == document.content_sha256:
            counts["unchanged"] += 1
            continue
        yield document


def ingest(collect: Callable[[Collected, dict, str], None], db: Path, *,
           progress: Progress | None = None, run_id: str | None = None, workers: int = 1,
           batch_size: int | None = None) -> IngestSummary:
    """Collect, extract and store, streaming: memory stays flat however many documents.

    Documents flow in batches: parsed lazily, extracted in `workers` processes, and each
    batch written in one short transaction (a document and its events together or not at
    all). The fetch log and validators are written last, so a run that dies early fetches
    again next time rather than believing it has what it never stored.
    """
    run_id = run_id or uuid.uuid4().hex[:12]
    batch_size = batch_size or BATCH_SIZE
    with connect(db) as con:
        ensure_fetch_tables(con)
        validators = load_validators(con)
        history = load_item_history(con, FLOOR_RUNS)
        known = document_hashes(con)
    collected = Collected(history=history)
    collect(collected, validators, run_id)
    summary = IngestSummary(run_id=run_id)
    owner = {sha: doc_id for doc_id, sha in known.items()}
    aliases: dict[str, str] = {}
    counts: Counter = Counter()
    pending = _pending(collected.documents(), known, owner, aliases, counts)
    batch: list[DocumentWrite] = []
    for document, events in extract_documents(pending, workers=workers):
        batch.append(DocumentWrite(document, events))
        if progress:
            progress(document.url)
        pause_at("extracted")
        if len(batch) >= batch_size:
            _write(db, batch, summary)
            batch = []
    urls: dict[str, set[str]] = {}
    for doc_id, seen in collected.urls.items():
        urls.setdefault(aliases.get(doc_id, doc_id), set()).update(seen)
    with connect(db) as con, transaction(con):
        _store(con, batch, summary)
        if collected.report is not None:
            save_fetch_results(con, collected.report.log_rows, collected.report.validators)
        record_many_document_urls(con, {k: sorted(v) for k, v in urls.items()})
        pause_at("write")
    summary.read = collected.read + len(collected.failures)
    summary.unchanged += counts["unchanged"]
    summary.duplicates = len(aliases)
    summary.failed = collected.failures
    return summary


def _write(db: Path, batch: list[DocumentWrite], summary: IngestSummary) -> None:
    with connect(db) as con, transaction(con):
        _store(con, batch, summary)


def _store(con, batch: list[DocumentWrite], summary: IngestSummary) -> None:
    if not batch:
        return
    result = write_documents(con, batch)
    summary.new += result.new
    summary.changed += result.changed
    summary.unchanged += result.unchanged
    summary.events_added += result.events_added
    summary.events_removed += result.events_removed
    summary.events_by_type.update(result.events_by_type)


def ingest_path(source: Path, db: Path, progress: Progress | None = None,
                run_id: str | None = None, workers: int = 1) -> IngestSummary:
    return ingest(lambda collected, _v, _r: read_local(source, collected), db,
                  progress=progress, run_id=run_id, workers=workers)


def ingest_sources(sources: list[Source], db: Path, *, config: FetchConfig,
                   progress: Progress | None = None, run_id: str | None = None,
                   workers: int = 1
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

    return ingest(collect, db, progress=progress, run_id=run_id, workers=workers)
