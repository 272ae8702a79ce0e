"""Run history: one row per ingest or re-extraction, written at the start and at the end.

The start row is its own tiny transaction, so a run that is killed still leaves a trace
('running'); the next run that takes the run lock knows no one else can be running and
marks such rows 'aborted'. Callers open and close the connection around each call, so the
file is never held while a run fetches or extracts.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb

STATUSES = ("running", "ok", "partial", "failed", "aborted")
COUNT_COLUMNS = (
    "documents_seen", "documents_new", "documents_changed", "documents_unchanged",
    "documents_failed", "events_added", "events_removed",
)  # fmt: skip
RUN_COLUMNS = ("run_id", "started_at", "finished_at", "status", "source", *COUNT_COLUMNS,
               "errors")


@dataclass
class RunCounts:
    documents_seen: int = 0
    documents_new: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    documents_failed: int = 0
    events_added: int = 0
    events_removed: int = 0
    errors: list[str] = field(default_factory=list)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_run_id(now: datetime | None = None) -> str:
    """Sortable and readable: 20250301T061700-3fa2c1."""
    return f"{(now or utc_now()):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


def abort_stale_runs(con: duckdb.DuckDBPyConnection, by_run: str) -> list[str]:
    """Mark runs still 'running' as 'aborted'; only call while holding the run lock."""
    stale = [r[0] for r in con.execute(
        "SELECT run_id FROM runs WHERE status = 'running' ORDER BY run_id").fetchall()]
    if stale:
        con.execute(
            "UPDATE runs SET status = 'aborted', errors = list_append(coalesce(errors, []), ?) "
            "WHERE status = 'running'",
            [f"aborted: the process ended without finishing (found by run {by_run})"])
    return stale


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, source: str,
              started_at: datetime | None = None) -> None:
    con.execute("INSERT INTO runs (run_id, started_at, status, source, errors) "
                "VALUES (?, ?, 'running', ?, [])", [run_id, started_at or utc_now(), source])


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str,
               counts: RunCounts) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown run status {status!r}")
    assignments = ", ".join(f"{c} = ?" for c in COUNT_COLUMNS)
    con.execute(
        f"UPDATE runs SET finished_at = ?, status = ?, {assignments}, errors = ? "
        "WHERE run_id = ?",
        [utc_now(), status, *(getattr(counts, c) for c in COUNT_COLUMNS), counts.errors,
         run_id],
    )


def last_runs(con: duckdb.DuckDBPyConnection, n: int) -> tuple[list[str], list[tuple]]:
    """The last n runs, newest first: (column names, rows)."""
    cursor = con.execute(f"SELECT {', '.join(RUN_COLUMNS)} FROM runs "
                         "ORDER BY started_at DESC, run_id DESC LIMIT ?", [n])
    return list(RUN_COLUMNS), cursor.fetchall()
