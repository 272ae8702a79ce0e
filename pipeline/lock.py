"""One writing run at a time: an flock on a file next to the database.

Cron starts a run whether or not the last one has finished. The second one must stop at
once and say who holds the lock, not queue behind it or fight over the database. flock is
released by the kernel when the holder's process ends in any way (SIGKILL included), so a
crashed run never leaves a stale lock; the file itself stays (deleting it would let two
processes lock two different files of the same name) and holds the holder's pid, start
time and command for the message.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO


class LockBusyError(Exception):
    """Another process holds the run lock; the message names it."""


# File descriptors of locks this process holds. Forked extraction workers inherit them, and
# an flock lives as long as any process holds the file open: a worker outliving its killed
# parent would keep the lock. Each child points those descriptors at /dev/null instead.
_HELD: set[int] = set()


def _drop_locks_in_child() -> None:
    if not _HELD:
        return
    null = os.open(os.devnull, os.O_RDWR)
    for fd in _HELD:
        os.dup2(null, fd)
    os.close(null)
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_locks_in_child)


def lock_path_for(db: Path) -> Path:
    """data/events.duckdb -> data/events.duckdb.lock"""
    return db.with_name(db.name + ".lock")


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    if not info:
        return "another run holds the lock"
    return (f"another run holds the lock (pid {info.get('pid', '?')}, "
            f"started {info.get('started_at', '?')}, {info.get('command', '?')})")


@dataclass
class RunLock:
    """`with RunLock(path, "ingest"):` or acquire()/release(); never blocks."""

    path: Path
    command: str = ""
    _file: IO[str] | None = field(default=None, repr=False)

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise LockBusyError(f"{_holder(self.path)}: {self.path}; try again later") from None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({
            "pid": os.getpid(),
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": self.command,
        }))
        handle.flush()
        self._file = handle
        _HELD.add(handle.fileno())

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self._file.seek(0)
            self._file.truncate()
        finally:
            _HELD.discard(self._file.fileno())
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
