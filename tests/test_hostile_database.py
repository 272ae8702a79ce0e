"""A database that cannot be used is one line and exit 4 (3 when it is busy), for every
command: not a DuckDB file, read-only, corrupt or truncated, a disk that fills mid-run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import connection
from tests.hostile import GOOD_FORCES, release, rows, run_pipeline, run_together
from tests.tiny_db import build_tiny_db


def _source(tmp_path, count: int = 1, padding: int = 0):
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    filler = " ".join(f"word{n % 97}" for n in range(padding))
    for day, force in enumerate((GOOD_FORCES * 4)[:count], start=1):
        (folder / f"release-{day}.md").write_text(
            release(force, day, extra=f"\n\n{filler}." if padding else ""), encoding="utf-8")
    return folder


def _one_clear_line(result, code: int, words: str) -> str:
    assert result.returncode == code, (result.args, result.stderr)
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and words in line, line
    return line


def _cli(*args: str):
    """A command that sets up no run log, run in this process (it starts in no time)."""
    result = CliRunner().invoke(app, list(args))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.output)


def test_not_a_database_is_one_line_for_every_command(tmp_path):
    """Finding 10: ingest, runs, report and reextract on a text file."""
    db, twin = tmp_path / "notes.duckdb", tmp_path / "twin.duckdb"
    content = b"a shopping list, not a database\n" * 400
    for path in (db, twin):  # ingest and reextract each take the run lock of theirs
        path.write_bytes(content)
    source = _source(tmp_path)
    results = run_together(["ingest", "--source", str(source), "--db", str(db)],
                           ["reextract", "--db", str(twin)])
    results += [_cli("runs", "--db", str(db)),
                _cli("report", "--out", str(tmp_path / "report"), "--db", str(db))]
    for result in results:
        _one_clear_line(result, 4, f"{result.args[-1]} is not a DuckDB database")
    assert db.read_bytes() == content and twin.read_bytes() == content


def test_read_only_database_file_and_folder(tmp_path):
    """Finding 11: ingest says read-only in one line; query still reads the file."""
    source = _source(tmp_path)
    ro_file = build_tiny_db(tmp_path / "file" / "events.duckdb")
    ro_file.chmod(0o444)
    ro_folder = build_tiny_db(tmp_path / "folder" / "events.duckdb")
    ro_folder.parent.chmod(0o555)
    try:
        results = run_together(
            ["ingest", "--source", str(source), "--db", str(ro_file)],
            ["ingest", "--source", str(source), "--db", str(ro_folder)],
            ["query", "select count(*) as n from documents", "--db", str(ro_file)],
            permissions=True)
    finally:
        ro_folder.parent.chmod(0o755)
    _one_clear_line(results[0], 4, f"cannot write {ro_file} (Permission denied): the "
                    "database or its folder is read-only")
    _one_clear_line(results[1], 4, f"cannot write the run log {ro_folder.parent}/pipeline.log"
                    " (Permission denied)")
    stored = rows(ro_file, "SELECT count(*) FROM documents")[0][0]
    assert results[2].returncode == 0 and f"{stored}" in results[2].stdout
    assert stored == rows(ro_folder, "SELECT count(*) FROM documents")[0][0] > 0


def test_corrupt_or_truncated_database_is_one_line(tmp_path):
    """Finding 12: runs on a truncated copy, ingest on one with an overwritten block."""
    good = build_tiny_db(tmp_path / "good.duckdb")
    truncated, corrupt = tmp_path / "truncated.duckdb", tmp_path / "corrupt.duckdb"
    shutil.copy(good, truncated)
    os.truncate(truncated, 64 * 1024)  # a copy that stopped early
    shutil.copy(good, corrupt)
    with open(corrupt, "r+b") as handle:
        handle.seek(3 * 4096)  # past the file headers: the first block's checksum fails
        handle.write(bytes(range(256)) * 64)
    source = _source(tmp_path)
    results = [run_pipeline("ingest", "--source", str(source), "--db", str(corrupt)),
               _cli("runs", "--db", str(truncated))]
    for result in results:
        _one_clear_line(result, 4, "is corrupt or truncated")


def test_disk_full_mid_run_keeps_and_records_what_was_stored(tmp_path):
    """Finding 13: the disk fills during the second batch: the first stays, the run row
    counts it, and the exit code says something was stored (1)."""
    source = _source(tmp_path, count=4, padding=6_000)
    db = tmp_path / "events.duckdb"
    result = run_pipeline("ingest", "--source", str(source), "--db", str(db), "--workers", "1",
                          batch_size=2, disk_full_at_batch=2, file_size_limit=64 * 1024)
    line = _one_clear_line(result, 1, "disk full: could not write")
    assert line.endswith("stopped after storing 2 documents")
    (status, new, failed, run_errors), = rows(db, "SELECT status, documents_new, "
                                                  "documents_failed, errors FROM runs")
    assert (status, new, failed) == ("partial", 2, 0)
    assert "disk full" in run_errors[-1]
    assert rows(db, "SELECT count(*) FROM documents") == [(2,)]
    again = run_pipeline("ingest", "--source", str(source), "--db", str(db))
    assert again.returncode == 0 and "2 new, 0 changed, 2 unchanged" in again.stdout


def test_database_held_by_another_process_is_busy(tmp_path, monkeypatch):
    """Locked: exit 3 and 'try again', after a (here shortened) wait."""
    db = build_tiny_db(tmp_path / "events.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time\ncon = duckdb.connect(sys.argv[1])\n"
         "print('held', flush=True)\ntime.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        original = connection._open
        monkeypatch.setattr(connection, "_open", lambda path, read_only, _wait, config:
                            original(path, read_only, 0.2, config))
        result = _cli("runs", "--db", str(db))
    finally:
        holder.kill()
        holder.wait()
    _one_clear_line(result, 3, f"error: database {db} is busy (another process is writing); "
                    "try again")
