"""`make cron` prints a crontab line that works from anywhere, as cron would run it."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")


def test_printed_line_runs_from_another_directory(tmp_path):
    source, db, log = tmp_path / "in", tmp_path / "db" / "events.duckdb", tmp_path / "logs/cron.log"
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    printed = subprocess.run(
        ["make", "-s", "--no-print-directory", "-C", str(ROOT), "cron",
         f"CRON_INPUT=--source '{source}'", f"DB={db}", f"CRON_LOG={log}"],
        capture_output=True, text=True, check=True).stdout.strip()
    fields = printed.split(" ", 5)
    assert fields[:5] == ["17", "6", "*", "*", "*"]
    command = fields[5]
    assert command.startswith(f"cd '{ROOT}' && ")
    assert f"'{ROOT}/.venv/bin/python' -m pipeline ingest" in command
    assert command.endswith(f">> '{log}' 2>&1")
    # cron: another working directory, a bare environment, no terminal
    result = subprocess.run(["/bin/sh", "-c", command], cwd=tmp_path,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0 and not (ROOT / ".venv/bin/python").exists():
        pytest.skip("no .venv in this checkout")
    assert result.returncode == 0 and result.stdout == result.stderr == ""
    lines = log.read_text().splitlines()
    assert len(lines) == 1 and lines[0].startswith("documents: 1 read, 1 new")
    runs = [json.loads(line) for line in (db.parent / "pipeline.log").read_text().splitlines()]
    assert runs[-1]["status"] == "ok"
