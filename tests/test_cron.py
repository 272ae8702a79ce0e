"""`make cron` prints a crontab line that works from anywhere, as cron would run it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (\d{8}T\d{6}-[0-9a-f]{6}) ")


def _printed(*settings: str) -> str:
    return subprocess.run(
        ["make", "-s", "--no-print-directory", "-C", str(ROOT), "cron", *settings],
        capture_output=True, text=True, check=True).stdout.strip()


def _as_cron(command: str, cwd) -> subprocess.CompletedProcess:
    """Another working directory, a bare environment, no terminal."""
    return subprocess.run(["/bin/sh", "-c", command], cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(cwd)},
                          capture_output=True, text=True, timeout=300)


def test_printed_line_runs_from_another_directory_with_spaces_in_paths(tmp_path):
    """Paths with spaces, given unquoted in CRON_INPUT, arrive as one argument each; every
    line in cron.log carries the UTC time and the run id; the digest follows the summary."""
    source = tmp_path / "press releases"
    db = tmp_path / "the db" / "events.duckdb"
    log = tmp_path / "logs dir" / "cron.log"
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    printed = _printed(f"CRON_INPUT=--source {source}", f"DB={db}", f"CRON_LOG={log}")
    fields = printed.split(" ", 5)
    assert fields[:5] == ["17", "6", "*", "*", "*"]
    command = fields[5]
    assert command.startswith(f"cd {ROOT} && ") or command.startswith(f"cd '{ROOT}' && ")
    assert f"--source '{source}'" in command and f"--db '{db}'" in command
    assert command.endswith(f">> '{log}' 2>&1")
    result = _as_cron(command, tmp_path)
    if result.returncode != 0 and not (ROOT / ".venv/bin/oversight").exists():
        pytest.skip("no .venv in this checkout")
    assert result.returncode == 0 and result.stdout == result.stderr == ""
    lines = log.read_text().splitlines()
    assert all(STAMP.match(line) for line in lines), lines
    run_id = STAMP.match(lines[0]).group(1)
    assert {STAMP.match(line).group(1) for line in lines} == {run_id}
    assert STAMP.sub("", lines[0]).startswith("documents: 1 read, 1 new")
    assert "digest since an empty database" in STAMP.sub("", lines[1])
    assert any("new: West Midlands Police: out of Engage, 2024-09-18" in line for line in lines)
    runs = [json.loads(line) for line in (db.parent / "pipeline.log").read_text().splitlines()]
    assert runs[-1]["status"] == "ok" and runs[-1]["run_id"] == run_id
    assert (db.parent / "digest.atom").read_text().startswith("<?xml")

    # the second run changes nothing, and its digest says so in one line
    assert _as_cron(command, tmp_path).returncode == 0
    second = log.read_text().splitlines()[len(lines):]
    assert len(second) == 2 and all(STAMP.match(line) for line in second)
    assert STAMP.sub("", second[1]).endswith(": nothing new")


def test_quoted_input_an_apostrophe_and_no_digest(tmp_path):
    quoted = _printed(f"CRON_INPUT=--source '{tmp_path}/my docs'", "CRON_DIGEST=",
                      "CRON_SCHEDULE=0 * * * *")
    assert quoted.startswith("0 * * * * ") and " digest " not in quoted
    assert f"--source '{tmp_path}/my docs' " in quoted
    apostrophe = _printed(f"CRON_INPUT=--source {tmp_path}/Jo's files")
    assert f"--source '{tmp_path}/Jo'\"'\"'s files' " in apostrophe
