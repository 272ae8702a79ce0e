"""Open the database for as short a time as possible.

DuckDB lets no other process open a file while one holds it read-write, not even read-only,
so every stage that can run without the database (fetching, parsing, extraction) runs
before the connection is opened, and writers retry briefly instead of failing at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipeline.store.schema import ensure_schema
from pipeline.store.topics import refresh_topics

WRITER_MEMORY_LIMIT = "256MB"


class StoreBusyError(Exception):
    """Another process holds the database; the message tells the user to try again."""


def _open(path: Path, read_only: bool, wait_seconds: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                if "lock" in str(exc).lower():
                    raise StoreBusyError(
                        f"database {path} is busy (another process is writing); try again"
                    ) from exc
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


@contextmanager
def connect(path: Path, *, read_only: bool = False, wait_seconds: float = 10.0
            ) -> Iterator[duckdb.DuckDBPyConnection]:
    if read_only and not path.exists():
        raise FileNotFoundError(f"database {path} does not exist; run ingest first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only, wait_seconds)
    try:
        if not read_only:
            # Checkpoints of a growing file otherwise take memory in proportion to it; a
            # writer with a cap spills to disk instead, so long backfills stay flat.
            con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
            ensure_schema(con)
            refresh_topics(con)  # rules/topics.yaml, when it changed since the last write
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: a crash or an error leaves the database as it was before."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
