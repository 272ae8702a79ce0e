"""One writing run at a time: the lock file, and a second ingest that exits 3 at once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

import pytest

from pipeline.lock import LockBusyError, RunLock, lock_path_for
from tests.cli_pause import PausedRun
from tests.conftest import CORPUS, ROOT, SEED, run_cli


def test_second_holder_is_refused_with_the_holders_pid(tmp_path):
    path = lock_path_for(tmp_path / "events.duckdb")
    assert path.name == "events.duckdb.lock"
    with RunLock(path, "ingest corpus"):
        info = json.loads(path.read_text())
        with pytest.raises(LockBusyError, match=rf"pid {info['pid']}.*ingest corpus"):
            RunLock(path, "ingest other").acquire()
    with RunLock(path, "ingest again"):  # released on exit, reusable
        pass


def test_a_killed_holder_releases_the_lock(tmp_path):
    path = tmp_path / "events.duckdb.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import pathlib, time; from pipeline.lock import RunLock; "
         f"lock = RunLock(pathlib.Path({str(path)!r}), 'test'); lock.acquire(); "
         "print('held', flush=True); time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockBusyError, match=f"pid {holder.pid}"):
            RunLock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    with RunLock(path):
        pass


def test_second_ingest_exits_3_at_once(tmp_path):
    source, db = tmp_path / "corpus", tmp_path / "events.duckdb"
    source.mkdir()
    for path in (SEED, CORPUS / "wmp-moved-into-engage.html"):
        shutil.copy(path, source / path.name)
    first = PausedRun(["ingest", "--source", str(source), "--db", str(db)], "extracted:1")
    try:
        first.wait_paused()
        started = time.monotonic()
        second = run_cli("ingest", "--source", str(source), "--db", str(db))
        elapsed = time.monotonic() - started
    finally:
        first.kill()
    assert second.returncode == 3, second.stderr
    assert f"another run holds the lock (pid {first.process.pid}" in second.stderr
    assert second.stderr.count("\n") == 1 and second.stdout == ""
    assert elapsed < 10  # no waiting for the holder (the CLI's imports are most of it)
    log = [json.loads(line) for line in (tmp_path / "pipeline.log").read_text().splitlines()]
    assert [entry["status"] for entry in log if "status" in entry] == ["busy"]
