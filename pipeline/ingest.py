"""Orchestration: read sources, parse, extract, then write in short transactions.

Everything slow (fetching, parsing, extraction) happens while the database is closed, so a
cron run holds the write lock only for bulk inserts and analysts reading the file are
blocked for moments, not minutes. One bad document never stops a run: whatever goes wrong
while reading or extracting it becomes one Failure naming it, and the rest is stored.
"""

from __future__ import annotations

import os
import queue
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.fetch import FetchConfig, FetchedPage, FetchReport, Source, fetch_sources
from pipeline.fetch.floors import FLOOR_RUNS
from pipeline.models import Document
from pipeline.output import one_line
from pipeline.parallel import extract_documents
from pipeline.parse import ParseError, iter_source_files, parse_fetched, parse_file
from pipeline.parse.files import SUPPORTED_SUFFIXES, file_name
from pipeline.pause import pause_at
from pipeline.store import (
    DocumentWrite,
    StoreBusyError,
    StoreError,
    connect,
    document_hashes,
    transaction,
    write_documents,
)
from pipeline.store.documents import WriteSummary
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
_DONE = object()


@dataclass
class Failure:
    """Something that could not be used: a document (it counts as read), or a whole source
    or folder (`document` False: a feed that cannot be reached is no document read)."""

    name: str
    reason: str
    document: bool = True

    def line(self) -> str:
        return one_line(f"{self.name}: {self.reason}" if self.name else self.reason)

    def message(self) -> str:
        """The user's line: a skipped document, or what went wrong with a source."""
        return f"skipped {self.line()}" if self.document else self.line()


@dataclass
class IngestSummary:
    """Counts that add up: read = new + changed + unchanged + duplicates + failed."""

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

    @property
    def failed_documents(self) -> int:
        return sum(1 for failure in self.failed if failure.document)

    @property
    def failed_sources(self) -> int:
        return sum(1 for failure in self.failed if not failure.document)

    @property
    def usable(self) -> bool:
        """Whether any document was stored, by this run or (unchanged) by an earlier one."""
        return self.new + self.changed + self.unchanged + self.duplicates > 0

    def add(self, written: WriteSummary) -> None:
        self.new += written.new
        self.changed += written.changed
        self.unchanged += written.unchanged
        self.events_added += written.events_added
        self.events_removed += written.events_removed
        self.events_by_type.update(written.events_by_type)


@dataclass
class Collected:
    """Where documents come from, read lazily, and what reading them found.

    Local files are parsed one by one as ingest consumes them; fetched pages arrive while
    the fetch is still running. Every URL a document was seen at is kept.
    """

    sources: list[Iterable[Document]] = field(default_factory=list)
    urls: dict[str, set[str]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    report: FetchReport | None = None
    read: int = 0
    # Pages whose document could not be used: their validators are not kept, so the next
    # run fetches them again instead of being told "not modified".
    forget: set[str] = field(default_factory=set)
    page_ids: dict[str, str] = field(default_factory=dict)
    # source -> item counts of its last successful runs, newest first (fetch floors)
    history: dict[str, list[int]] = field(default_factory=dict)

    def documents(self) -> Iterator[Document]:
        for source in self.sources:
            for document in source:
                self.read += 1
                self.urls.setdefault(document.doc_id, set()).add(document.url)
                yield document


def _storable(document: Document) -> Document:
    """A document the store can take: a lone surrogate (from a YAML escape such as
    "\\udce9", say) cannot be written as UTF-8 and would fail its whole batch."""
    for name in ("url", "title", "text", "source"):
        try:
            getattr(document, name).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ParseError(f"its {name} is not valid Unicode (character {exc.start})") from exc
    return document


def _parse_one(name: str, parse: Callable[[], Document], failures: list[Failure]
               ) -> Document | None:
    """parse(), or None with the reason recorded: any exception is that document's alone."""
    try:
        return _storable(parse())
    except ParseError as exc:
        reason = str(exc)
    except RecursionError:
        reason = "nested too deeply to read"
    except MemoryError:
        reason = "ran out of memory while reading it"
    except Exception as exc:  # noqa: BLE001 - one document's surprise must not stop the run
        reason = f"cannot read it: {type(exc).__name__}: {' '.join(str(exc).split())}"[:500]
    failures.append(Failure(name, reason))
    return None


def read_local(source: Path, collected: Collected, name: str = "local") -> None:
    def unreadable(where: str, reason: str) -> None:
        collected.failures.append(Failure(where, reason, document=False))

    def parse_all() -> Iterator[Document]:
        found = 0
        for path in iter_source_files(source, on_error=unreadable):
            found += 1
            document = _parse_one(file_name(path), lambda path=path: parse_file(
                path, source=name), collected.failures)
            if document is not None:
                yield document
        if not found:
            collected.failures.append(Failure(file_name(source), _nothing_to_read(source),
                                              document=False))

    collected.sources.append(parse_all())


def _nothing_to_read(folder: Path) -> str:
    """Why a folder gave no document: empty, or only files of types that are not read."""
    others: Counter = Counter()
    for _parent, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            suffix = Path(name).suffix.lower()
            if not name.startswith("."):
                others["README" if suffix in SUPPORTED_SUFFIXES else suffix or "no extension"
                       ] += 1
    readable = ", ".join(SUPPORTED_SUFFIXES)
    if not others:
        return f"no documents to read: the folder has no files (read are {readable})"
    kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(others.items()))
    return f"no documents to read: only {kinds} files (read are {readable})"


def read_remote(sources: list[Source], collected: Collected, *, run_id: str,
                validators: dict, config: FetchConfig, progress: Progress | None) -> None:
    """Fetch on a thread of its own and hand over each page as it arrives, so that batches
    are stored while the fetch goes on: a fetch killed after an hour keeps what it stored.

    (Extraction workers may be forked while the fetch thread runs; they only extract, and
    touch nothing of the fetch's.)
    """
    report = FetchReport()
    collected.report = report
    pages: queue.Queue = queue.Queue()
    outcome: list[BaseException] = []

    def fetch() -> None:
        try:
            fetch_sources(sources, run_id=run_id, validators=validators, config=config,
                          progress=progress, history=collected.history, on_page=pages.put,
                          report=report)
        except BaseException as exc:  # noqa: BLE001 - handed to the consuming thread
            outcome.append(exc)
        finally:
            pages.put(_DONE)

    def documents() -> Iterator[Document]:
        thread = threading.Thread(target=fetch, name="fetch", daemon=True)
        thread.start()
        while (page := pages.get()) is not _DONE:
            document = _parse_page(page, collected)
            if document is not None:
                yield document
        thread.join()
        if outcome:
            raise outcome[0]
        failed = tuple(f"{name}: source failed: " for name in report.failed_sources)
        for line in report.errors:  # a whole source, or one page of it
            collected.failures.append(Failure("", line, document=not line.startswith(failed)))

    collected.sources.append(documents())


def _parse_page(page: FetchedPage, collected: Collected) -> Document | None:
    document = _parse_one(page.url, lambda: parse_fetched(
        page.body, url=page.url, source=page.source, content_type=page.content_type,
        encoding=page.encoding, title_hint=page.title_hint,
        published_hint=page.published_hint), collected.failures)
    if document is None:
        collected.forget.add(page.url)
        return None
    collected.page_ids[page.url] = document.doc_id
    collected.urls.setdefault(document.doc_id, set()).update(page.seen_urls)
    return document


def _pending(documents: Iterable[Document], known: dict[str, str], summary: IngestSummary,
             aliases: dict[str, str]) -> Iterator[Document]:
    """New or changed documents. A document whose text is already stored under another URL
    is recorded as an alias of that one instead (the same release reached twice), and a
    second document with the URL of one already read in this run is a duplicate: the
    first is kept."""
    owner = {sha: doc_id for doc_id, sha in known.items()}
    seen: set[str] = set()
    for document in documents:
        doc_id = document.doc_id
        if doc_id in seen:
            summary.duplicates += 1
            continue
        seen.add(doc_id)
        first = owner.setdefault(document.content_sha256, doc_id)
        if first != doc_id:
            aliases[doc_id] = first
            summary.duplicates += 1
            continue
        if known.get(doc_id) == document.content_sha256:
            summary.unchanged += 1
            continue
        yield document


@dataclass
class _Writer:
    """Batches committed one short transaction each, with the fetch log rows so far (every
    request stays logged even if the run later fails); validators and document URLs go
    with the last batch. Counts reach the summary only once their transaction commits."""

    db: Path
    collected: Collected
    summary: IngestSummary
    batch_size: int
    batch: list[DocumentWrite] = field(default_factory=list)
    logged: int = 0  # fetch_log rows already written

    def add(self, write: DocumentWrite) -> None:
        self.batch.append(write)
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self, last: bool = False, aliases: dict[str, str] | None = None) -> None:
        rows = self._new_log_rows()
        written = WriteSummary()
        with connect(self.db) as con, transaction(con):
            if self.batch:
                written = write_documents(con, self.batch)
            if rows:
                save_fetch_results(con, rows, {})
            if last:
                self._finish(con, aliases or {})
            pause_at("write")
        self.summary.add(written)
        self.logged += len(rows)
        self.batch = []

    def _new_log_rows(self) -> list[dict]:
        report = self.collected.report
        if report is None:
            return []
        rows = report.log_rows
        return rows[self.logged:len(rows)]

    def _finish(self, con, aliases: dict[str, str]) -> None:  # noqa: ANN001 - a connection
        collected, report = self.collected, self.collected.report
        urls: dict[str, set[str]] = {}
        if report is not None:
            validators = {u: v for u, v in report.validators.items()
                          if u not in collected.forget}
            save_fetch_results(con, [], validators)
            for page in report.pages:  # redirects may have added URLs since it was handed over
                if page.url in collected.page_ids:
                    collected.urls.setdefault(collected.page_ids[page.url], set()).update(
                        page.seen_urls)
        for doc_id, seen in collected.urls.items():
            urls.setdefault(aliases.get(doc_id, doc_id), set()).update(seen)
        known = document_hashes(con, list(urls))
        record_many_document_urls(con, {k: sorted(v) for k, v in urls.items() if k in known})

    def log_what_was_fetched(self) -> None:
        """After a failure: keep the fetch log rows not yet written, if the database lets us."""
        rows = self._new_log_rows()
        if not rows:
            return
        with suppress(StoreError, StoreBusyError), connect(self.db, wait_seconds=1.0) as con, \
                transaction(con):
            save_fetch_results(con, rows, {})


def ingest(collect: Callable[[Collected, dict, str], None], db: Path, *,
           progress: Progress | None = None, run_id: str | None = None, workers: int = 1,
           batch_size: int | None = None, summary: IngestSummary | None = None
           ) -> IngestSummary:
    """Collect, extract and store, streaming: memory stays flat however many documents.

    Documents flow in batches: parsed lazily, extracted in `workers` processes, and each
    batch written in one short transaction (a document and its events together or not at
    all). The validators are written last, so a run that dies early fetches again next
    time rather than believing it has what it never stored. `summary` (the caller's, so
    that it can report what was stored if this raises) is filled in as batches commit.
    """
    summary = summary if summary is not None else IngestSummary()
    summary.run_id = run_id or summary.run_id or uuid.uuid4().hex[:12]
    with connect(db) as con:
        ensure_fetch_tables(con)
        validators = load_validators(con)
        known = document_hashes(con)
        history = load_item_history(con, FLOOR_RUNS)
    collected = Collected(history=history)
    collect(collected, validators, summary.run_id)
    writer = _Writer(db, collected, summary, batch_size or BATCH_SIZE)
    aliases: dict[str, str] = {}
    unusable: list[Failure] = []

    def extraction_failed(document: Document, reason: str) -> None:
        unusable.append(Failure(document.url, reason))
        collected.urls.pop(document.doc_id, None)

    try:
        pending = _pending(collected.documents(), known, summary, aliases)
        for document, events in extract_documents(pending, workers=workers,
                                                  on_error=extraction_failed):
            writer.add(DocumentWrite(document, events))
            if progress:
                progress(document.url)
            pause_at("extracted")
        writer.flush(last=True, aliases=aliases)
    except BaseException:
        writer.log_what_was_fetched()
        raise
    finally:
        summary.read = collected.read + sum(1 for f in collected.failures if f.document)
        summary.failed = collected.failures + unusable
    return summary


def ingest_path(source: Path, db: Path, progress: Progress | None = None,
                run_id: str | None = None, workers: int = 1,
                summary: IngestSummary | None = None) -> IngestSummary:
    return ingest(lambda collected, _v, _r: read_local(source, collected), db,
                  progress=progress, run_id=run_id, workers=workers, summary=summary)


def ingest_sources(sources: list[Source], db: Path, *, config: FetchConfig,
                   progress: Progress | None = None, run_id: str | None = None,
                   workers: int = 1, summary: IngestSummary | None = None
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

    return ingest(collect, db, progress=progress, run_id=run_id, workers=workers,
                  summary=summary)
