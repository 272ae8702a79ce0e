"""`digest`: two runs over a folder that changes between them; the second run's digest names
exactly what changed (and nothing else), as text and as an Atom feed."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import feedparser
import pytest

from pipeline.digest.changes import compare
from pipeline.digest.state import current_facts
from tests.conftest import run_cli
from tests.tiny_db import build_tiny_db

DOCS = Path(__file__).parent / "data" / "digest"
ENGAGE_URL = "https://news.example.test/wmp-engage"
UPDATE_URL = "https://news.example.test/wmp-update"
EXIT_URL = "https://news.example.test/wmp-exit"


def _run_ids(db) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r for (r,) in con.execute("SELECT run_id FROM runs ORDER BY started_at")
                .fetchall()]
    finally:
        con.close()


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("digest")
    folder, db = root / "press", root / "events.duckdb"
    folder.mkdir()
    for name in ("wmp-engage.md", "wmp-update.md"):
        shutil.copy(DOCS / name, folder / name)
    first = run_cli("ingest", "--source", str(folder), "--db", str(db))
    assert first.returncode == 0, first.stderr
    # Between the runs: the update now says the cause of concern is closed, the force
    # leaves Engage (with a quote), a paper reports the entry again, and one file is empty.
    shutil.copy(DOCS / "wmp-update-v2.md", folder / "wmp-update.md")
    shutil.copy(DOCS / "wmp-exit.md", folder / "wmp-exit.md")
    shutil.copy(DOCS / "wmp-engage-paper.md", folder / "wmp-engage-paper.md")
    (folder / "broken.txt").write_text("   \n", encoding="utf-8")
    second = run_cli("ingest", "--source", str(folder), "--db", str(db))
    assert second.returncode == 1, second.stderr  # the empty file failed
    return root, db, _run_ids(db)


def test_second_digest_names_exactly_what_changed(two_runs):
    root, db, (run1, run2) = two_runs
    result = run_cli("digest", "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"digest since run {run1} (")
    assert lines[0].endswith(f"through run {run2}: 2 phase moves, 1 item closed, "
                             "1 new statement, 1 failure")
    assert lines[1:] == [
        "phase moves (2):",
        "  new: West Midlands Police: out of Engage, 2024-09-18 (1 report) "
        f"<{EXIT_URL}>",
        "  changed: West Midlands Police: into Engage, 2023-11-24 (2 reports; was 1 report) "
        f"<{ENGAGE_URL}>",
        "items closed (1):",
        "  West Midlands Police: cause of concern: the force's investigations (closed as of "
        f"2024-03-01; was open) <{UPDATE_URL}>",
        "new statements (1):",
        "  Craig Guildford (chief constable), West Midlands Police, 2024-09-18: “This is a "
        f"good day for everyone who works for the force.” <{EXIT_URL}>",
        "failures (1):",
        f"  run {run2}: {(root / 'press' / 'broken.txt').as_posix()}: empty file",
    ]
    assert run_cli("digest", "--since-run", run1, "--db", str(db)).stdout == result.stdout


def test_first_run_and_an_unchanged_state(two_runs):
    _root, db, (run1, run2) = two_runs
    nothing = run_cli("digest", "--since-run", run2, "--db", str(db))
    assert nothing.returncode == 0
    (line,) = nothing.stdout.splitlines()
    assert line.startswith(f"digest since run {run2} (") and line.endswith(
        f"), through run {run2}: nothing new")
    everything = run_cli("digest", "--since", "2000-01-01", "--db", str(db))
    assert "(no run before it: everything)" in everything.stdout.splitlines()[0]
    assert "  new: West Midlands Police: into Engage, 2023-11-24 (2 reports) " \
           f"<{ENGAGE_URL}>" in everything.stdout.splitlines()
    assert run1 != run2


def test_atom_feed_has_one_entry_per_run_newest_first(two_runs, tmp_path):
    _root, db, (run1, run2) = two_runs
    feed_path = tmp_path / "feeds" / "digest.atom"
    result = run_cli("digest", "--db", str(db), "--atom", str(feed_path))
    assert result.returncode == 0, result.stderr
    feed = feedparser.parse(feed_path.read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title == "Police oversight: what changed"
    assert [e.title for e in feed.entries] == [
        f"Run {run2}: 2 phase moves, 1 item closed, 1 new statement, 1 failure",
        f"Run {run1}: 1 phase move, 1 item opened"]
    newest = feed.entries[0]
    assert newest.id.startswith("urn:uuid:") and newest.updated_parsed is not None
    html = newest.content[0].value
    assert f'<a href="{EXIT_URL}">source</a>' in html and "empty file" in html
    again = tmp_path / "again.atom"
    run_cli("digest", "--db", str(db), "--atom", str(again))
    assert [e.id for e in feedparser.parse(again.read_bytes()).entries] == [
        e.id for e in feed.entries]  # stable ids: a reader does not see old entries again


def test_bad_options_are_one_line(two_runs):
    _root, db, _runs = two_runs
    unknown = run_cli("digest", "--since-run", "nope", "--db", str(db))
    assert unknown.returncode == 2
    assert unknown.stderr == ("error: no run nope in this database (`oversight runs` lists "
                              "them)\n")
    both = run_cli("digest", "--since-run", "x", "--since", "2024-01-01", "--db", str(db))
    assert both.returncode == 2 and "not both" in both.stderr
    date = run_cli("digest", "--since", "last week", "--db", str(db))
    assert date.returncode == 2 and "--since must be YYYY-MM-DD" in date.stderr


def test_a_move_made_finer_is_one_changed_move(tmp_path):
    """A month-precision move that a later day-precision report joins is one move whose
    date changed, not a new move and a lost one."""
    db = build_tiny_db(tmp_path / "events.duckdb")
    con = duckdb.connect(str(db))
    new = current_facts(con)
    month = dict(new)
    (key,) = [k for k in new if k[0] == "move" and k[1].endswith("|engage|2023-11-24")]
    day = new[key]
    month.pop(key)
    coarse = replace(day, key=day.key.replace("2023-11-24", "2023-11-01"),
                     label=day.label.replace("2023-11-24", "November 2023"),
                     when=date(2023, 11, 1), detail="1 report")
    month[("move", coarse.key)] = coarse
    changes = [c.text for c in compare(month, new) if c.section == "phase moves"]
    assert changes == ["changed: West Midlands Police: into Engage, 2023-11-24 "
                       f"({day.detail}; was November 2023)"]
    con.close()
