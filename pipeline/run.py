"""A recorded run: the run lock, a `runs` row from start to end, and the JSON-lines log.

Commands that write (ingest, reextract) do their work inside `recorded_run`. The lock is
taken first, so a second cron run stops at once (LockBusyError) before touching anything.
The database is opened only for the start row and the end row, each a short transaction
of its own; the work in between opens it again only to write. If the work raises, the
row says what was stored before it (`run.track`) and the error, 'partial' if that was
something and 'failed' if not; if the process is killed, the row stays 'running' until the
next run marks it 'aborted'. A lock file or log that cannot be written, like a database that
cannot be, is a StoreError: one line for the user.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from pipeline.digest.state import save_snapshot
from pipeline.lock import LockBusyError, RunLock, lock_path_for
from pipeline.logs import default_log_path, log_event, setup_logging
from pipeline.output import console
from pipeline.pause import pause_at
from pipeline.store import StoreBusyError, StoreError, connect
from pipeline.store.runs import RunCounts, abort_stale_runs, finish_run, new_run_id, start_run

if TYPE_CHECKING:
    from pipeline.ingest import IngestSummary


@dataclass
class Run:
    run_id: str
    db: Path
    logger: logging.Logger
    status: str = "ok"
    counts: RunCounts = field(default_factory=RunCounts)
    tracked: Callable[[], RunCounts] | None = None

    def finish(self, counts: RunCounts, status: str = "ok") -> None:
        """Set what the end row will say; written when the `with` block ends."""
        self.counts, self.status = counts, status

    def track(self, counts: Callable[[], RunCounts]) -> None:
        """What the work has stored so far, for the end row if the work raises (a full
        disk after three batches: the row says what those batches stored)."""
        self.tracked = counts

    def fail(self, exc: BaseException) -> None:
        message = " ".join((str(exc) or type(exc).__name__).split())
        counts = self.tracked() if self.tracked is not None else RunCounts()
        counts.errors = [*counts.errors, message if isinstance(exc, StoreError)
                         else f"{type(exc).__name__}: {message}"]
        stored = counts.documents_new + counts.documents_changed
        self.finish(counts, "partial" if stored else "failed")


def ingest_status(summary: IngestSummary) -> str:
    """ok: nothing failed; partial: something failed and something was stored (now or by an
    earlier run); failed: something failed and nothing could be used at all."""
    if not summary.failed:
        return "ok"
    return "partial" if summary.usable else "failed"


def ingest_counts(summary: IngestSummary) -> tuple[RunCounts, str]:
    counts = RunCounts(
        documents_seen=summary.read, documents_new=summary.new,
        documents_changed=summary.changed, documents_unchanged=summary.unchanged,
        documents_failed=len(summary.failed), events_added=summary.events_added,
        events_removed=summary.events_removed,
        errors=[failure.line() for failure in summary.failed],
    )
    return counts, ingest_status(summary)


def _terminal_writer() -> Callable[[str], None] | None:
    if not console.interactive:
        return None
    return lambda line: console.err.print(line, markup=False, highlight=False)


def _record_end(run: Run, started: float) -> None:
    pause_at("finish")
    fields = {"run_id": run.run_id, "status": run.status, "seconds": round(
        time.monotonic() - started, 2), **vars(run.counts)}
    level = logging.INFO if run.status == "ok" else logging.WARNING
    try:
        with connect(run.db) as con:
            finish_run(con, run.run_id, run.status, run.counts)
            _snapshot(con, run)
    except (StoreBusyError, StoreError) as exc:
        log_event(run.logger, logging.ERROR, f"could not record the end of run {run.run_id}: "
                  f"{exc}", run_id=run.run_id)
    log_event(run.logger, level, f"run {run.run_id} finished: {run.status} in "
              f"{fields['seconds']} s", terminal=run.status == "ok", **fields)


def _snapshot(con: duckdb.DuckDBPyConnection, run: Run) -> None:
    """What the views say after the run, for `digest`; a problem here loses no data and
    does not change the run's status, so it is only logged."""
    try:
        save_snapshot(con, run.run_id)
    except duckdb.Error as exc:
        log_event(run.logger, logging.WARNING, f"run {run.run_id}: no digest snapshot: "
                  f"{' '.join(str(exc).split())}", terminal=False, run_id=run.run_id)


@contextmanager
def recorded_run(db: Path, command: str, source: str, log_file: Path | None = None
                 ) -> Iterator[Run]:
    """Hold the run lock and keep the run's row and log up to date around the body."""
    log_file = log_file or default_log_path(db)
    try:
        logger = setup_logging(log_file, terminal=_terminal_writer())
    except OSError as exc:
        raise _unwritable("the run log", log_file, exc) from exc
    run_id = new_run_id()
    console.run_id = run_id  # for --stamp
    lock = RunLock(lock_path_for(db), command=f"{command} {source}")
    try:
        lock.acquire()
    except LockBusyError as exc:
        log_event(logger, logging.WARNING, str(exc), terminal=False, run_id=run_id,
                  command=command, status="busy")
        raise
    except OSError as exc:
        problem = _unwritable("the run lock", lock.path, exc)
        log_event(logger, logging.ERROR, str(problem), terminal=False, run_id=run_id)
        raise problem from exc
    started = time.monotonic()
    try:
        try:
            with connect(db) as con:
                stale = abort_stale_runs(con, run_id)
                start_run(con, run_id, source)
        except (StoreBusyError, StoreError) as exc:
            busy = isinstance(exc, StoreBusyError)
            log_event(logger, logging.WARNING if busy else logging.ERROR, str(exc),
                      terminal=False, run_id=run_id, command=command,
                      status="busy" if busy else "failed")
            raise
        for old in stale:
            log_event(logger, logging.WARNING, f"run {old} never finished; marked aborted",
                      run_id=run_id, aborted_run=old)
        log_event(logger, logging.INFO, f"run {run_id} started: {command} {source} "
                  f"(log: {log_file})", run_id=run_id, command=command, source=source,
                  db=str(db), pid=os.getpid())
        run = Run(run_id, db, logger)
        try:
            yield run
        except BaseException as exc:
            if not isinstance(exc, StoreError | KeyboardInterrupt):
                log_event(logger, logging.ERROR, f"run {run_id} stopped by an unexpected "
                          f"error: {type(exc).__name__}: {exc}", terminal=False,
                          exc_info=True, run_id=run_id)
            run.fail(exc)
            _record_end(run, started)
            raise
        _record_end(run, started)
    finally:
        lock.release()


def _unwritable(what: str, path: Path, exc: OSError) -> StoreError:
    return StoreError(f"cannot write {what} {path} ({exc.strerror or exc})", "read_only")
