"""SIGKILL mid-run: the file opens, no document is half-written, the next run finishes.

Each run is stopped at a named point (PIPELINE_TEST_PAUSE_AT, see pipeline/pause.py) and
killed there: after some documents are extracted (nothing written yet), inside the write
transaction (documents and events inserted, not committed), and after the commit but before
the run's row is closed. The three runs work on separate copies and run side by side.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import duckdb
import pytest

from pipeline.extract import extract_events
from pipeline.ingest import ingest_path
from pipeline.parse import parse_file
from tests.cli_pause import PausedRun
from tests.conftest import CORPUS, ROOT, SEED

POINTS = ("extracted:3", "write", "finish")
OTHERS = ("wmp-moved-into-engage.html", "gmp-removed-from-engage.html",
          "met-engage-hmicfrs-release.html", "cleveland-revisit-letter-2023.html")
OLD, NEW = "moved into Engage on 24 November 2023.", "moved into Engage on 23 November 2023."


def _state(db):
    """doc_id -> (content_sha256, sorted event ids), and events whose document is missing."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = dict(con.execute("SELECT doc_id, content_sha256 FROM documents").fetchall())
        events: dict[str, list[str]] = {}
        for doc_id, event_id in con.execute("SELECT doc_id, event_id FROM events "
                                            "ORDER BY event_id").fetchall():
            events.setdefault(doc_id, []).append(event_id)
        runs = con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()
    finally:
        con.close()
    state = {doc_id: (sha, events.pop(doc_id, [])) for doc_id, sha in docs.items()}
    return state, events, [r[0] for r in runs]


def _clean(paths):
    """What a clean run stores for each file as it is now: doc_id -> (sha, event ids)."""
    result = {}
    for path in paths:
        document = parse_file(path)
        ids = sorted({e.event_id for e in extract_events(document)})
        result[document.doc_id] = (document.content_sha256, ids)
    return result


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory):
    """Per point: a database holding two documents, then a source with one of them edited
    and three more added, so the killed run had new and changed documents to write."""
    spaces = []
    for point in POINTS:
        root = tmp_path_factory.mktemp(point.replace(":", "-"))
        source, db = root / "corpus", root / "events.duckdb"
        source.mkdir()
        shutil.copy(SEED, source / SEED.name)
        shutil.copy(CORPUS / OTHERS[0], source / OTHERS[0])
        ingest_path(source, db)
        before = _clean(sorted(source.iterdir()))
        seed = source / SEED.name
        seed.write_text(seed.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
        for name in OTHERS[1:]:
            shutil.copy(CORPUS / name, source / name)
        after = _clean(sorted(source.iterdir()))
        assert before != after and len(after) == 5
        spaces.append((point, source, db, before, after))
    return spaces


def test_sigkill_leaves_whole_documents_and_the_next_run_completes(workspaces):
    runs = [(PausedRun(["ingest", "--source", str(source), "--db", str(db)], point),
             point, db, before, after) for point, source, db, before, after in workspaces]
    for run, point, *_ in runs:
        assert run.wait_paused().startswith(f"paused at {point.split(':')[0]}")
        run.kill()
    for _run, point, db, before, after in runs:
        state, orphans, statuses = _state(db)
        assert orphans == {}, point
        # the file is exactly before the run (uncommitted work gone) or after it (committed)
        expected = after if point == "finish" else before
        assert state == expected, point
        assert statuses == ["running"], point

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    recoveries = [subprocess.Popen(
        [sys.executable, "-m", "pipeline", "ingest", "--source", str(source), "--db", str(db)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _point, source, db, *_ in workspaces]
    for process, (point, _source, db, _before, after) in zip(recoveries, workspaces,
                                                             strict=True):
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, (point, err)
        # not a terminal: one summary line and nothing else
        assert err == "" and out.count("\n") == 1 and out.startswith("documents:"), point
        expected_new = "0 new, 0 changed" if point == "finish" else "3 new, 1 changed"
        assert expected_new in out, (point, out)
        state, orphans, statuses = _state(db)
        assert state == after and orphans == {}, point
        assert statuses == ["aborted", "ok"], point


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                if text.encode() in handle.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to list processes")
def test_killed_run_leaves_no_extraction_workers(tmp_path):
    """Workers of a SIGKILLed run exit on their own instead of lingering under init."""
    source = tmp_path / "corpus"
    source.mkdir()
    for path in sorted(CORPUS.glob("*.md"))[:8]:
        (source / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "workers.duckdb"
    run = PausedRun(["ingest", "--source", str(source), "--db", str(db), "--workers", "2"],
                    "extracted:3")
    run.wait_paused()
    assert len(_processes_mentioning(str(db))) >= 2  # the run and its workers
    run.kill()
    deadline = time.monotonic() + 10
    while _processes_mentioning(str(db)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_mentioning(str(db)) == []
