"""Open the database for as short a time as possible, and say in one line why it cannot be.

DuckDB lets no other process open a file while one holds it read-write, not even read-only,
so every stage that can run without the database (fetching, parsing, extraction) runs
before the connection is opened, and writers retry briefly instead of failing at once.
Problems with the file itself (not a database, corrupt, read-only, disk full) become a
StoreError whose message is the line the user sees.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb

from pipeline.store.schema import ensure_schema
from pipeline.store.topics import refresh_topics

WRITER_MEMORY_LIMIT = "256MB"
# `query` runs whatever SQL it is given: these settings confine it to the database's own
# tables. No other file can be read, written or attached, no extension installed or loaded,
# and the settings cannot be changed back from SQL (checked against DuckDB 2.0).
SANDBOX_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_unsigned_extensions": False,
    "lock_configuration": True,
}


class StoreBusyError(Exception):
    """Another process holds the database; the message tells the user to try again."""


class StoreError(Exception):
    """The database file cannot be used; str() is one line saying why.

    kind: not_database, corrupt, read_only, disk_full, memory or unusable.
    """

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


# What DuckDB (and the system under it) says, in the order it is checked.
_SIGNS = (
    ("not_database", ("not a valid DuckDB database file",)),
    ("corrupt", ("Corrupt database file", "Could not read enough bytes", "checksum")),
    ("disk_full", ("No space left on device", "File too large", "Disk quota exceeded")),
    ("read_only", ("Permission denied", "Read-only file system", "Operation not permitted")),
    ("memory", ("Out of Memory Error",)),
)
_QUOTED_FILE = re.compile(r'file "([^"]+)"')


def store_error(exc: BaseException, path: Path, *, writing: bool) -> StoreError | None:
    """The StoreError for a problem with the file itself; None for other errors (a typo in
    the SQL of `query`, say), which the caller reports as they are."""
    text = " ".join(str(exc).split())
    kind = next((k for k, signs in _SIGNS if any(s in text for s in signs)), None)
    if kind is None:
        return None
    quoted = _QUOTED_FILE.search(text)
    where = quoted.group(1) if quoted else str(path)
    reason = text.rsplit(": ", 1)[-1] if ": " in text else text
    if kind == "not_database":
        message = f"{path} is not a DuckDB database (give --db a database file, or a new path)"
    elif kind == "corrupt":
        message = (f"{path} is corrupt or truncated ({reason}); restore it from a copy or "
                   "ingest into a new file")
    elif kind == "disk_full":
        message = f"disk full: could not write {where} ({reason})"
    elif kind == "memory":
        first = text.split(" Possible solutions:")[0]
        message = f"the database ran out of memory ({first})"
    elif writing:
        message = f"cannot write {where} ({reason}): the database or its folder is read-only"
    else:
        message = f"cannot read {where} ({reason})"
    return StoreError(message, kind)


def _open(path: Path, read_only: bool, wait_seconds: float, config: dict
          ) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            busy = isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()
            if busy and time.monotonic() < deadline:
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
                continue
            if busy:
                raise StoreBusyError(
                    f"database {path} is busy (another process is writing); try again"
                ) from exc
            problem = store_error(exc, path, writing=not read_only)
            if problem is not None:
                raise problem from exc
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreError(f"cannot open database {path}: {first}", "unusable") from exc


@contextmanager
def connect(path: Path, *, read_only: bool = False, wait_seconds: float = 10.0,
            sandbox: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection for the body of a `with`; closed at its end, whatever happens.

    sandbox=True (read-only connections) applies SANDBOX_CONFIG. A problem with the file
    raised inside the body (a corrupt block read, a full disk at commit) leaves as StoreError.
    """
    if read_only and not path.exists():
        raise FileNotFoundError(f"database {path} does not exist; run ingest first")
    if sandbox and not read_only:
        raise ValueError("a sandboxed connection must be read-only")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder {path.parent} "
                             f"({exc.strerror or exc})", "read_only") from exc
    con = _open(path, read_only, wait_seconds, SANDBOX_CONFIG if sandbox else {})
    failed = False
    try:
        if not read_only:
            # Checkpoints of a growing file otherwise take memory in proportion to it; a
            # writer with a cap spills to disk instead, so long backfills stay flat.
            con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
            ensure_schema(con)
            refresh_topics(con)  # rules/topics.yaml, when it changed since the last write
        yield con
    except duckdb.Error as exc:
        failed = True
        problem = store_error(exc, path, writing=not read_only)
        if problem is None:
            raise
        raise problem from exc
    except BaseException:
        failed = True
        raise
    finally:
        _close(con, path, quiet=failed)


def _close(con: duckdb.DuckDBPyConnection, path: Path, *, quiet: bool) -> None:
    """Close; an error here (a checkpoint that found the disk full) loses nothing committed,
    since the write-ahead log still holds it, so it only surfaces when nothing else did."""
    try:
        con.close()
    except duckdb.Error as exc:
        if quiet:
            return
        problem = store_error(exc, path, writing=True)
        if problem is None:
            raise
        raise problem from exc


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: a crash or an error leaves the database as it was before."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        # A failed commit has already ended the transaction: the first error is the one
        # that matters.
        with suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
