"""Ingest is idempotent, replaces exactly what changed, and never loses good input."""

from __future__ import annotations

import shutil

import duckdb

from tests.conftest import CORPUS, SEED, run_cli


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events")}
    finally:
        con.close()


def _copy_corpus(tmp_path, limit=8):
    source = tmp_path / "corpus"
    source.mkdir()
    files = [SEED] + sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".md", ".html")
                            and p != SEED and p.stem != "README")[: limit - 1]
    for path in files:
        shutil.copy(path, source / path.name)
    return source


def test_ingest_twice_adds_nothing(tmp_path):
    source, db = _copy_corpus(tmp_path), tmp_path / "events.duckdb"
    first = run_cli("ingest", "--source", str(source), "--db", str(db))
    assert first.returncode == 0, first.stderr
    counts = _counts(db)
    second = run_cli("ingest", "--source", str(source), "--db", str(db))
    assert second.returncode == 0
    assert "0 new" in second.stdout and "0 added" in second.stdout
    assert _counts(db) == counts and counts["events"] > 0


def test_edit_replaces_only_that_document(tmp_path):
    source, db = _copy_corpus(tmp_path), tmp_path / "events.duckdb"
    assert run_cli("ingest", "--source", str(source), "--db", str(db)).returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    before = dict(con.execute("SELECT doc_id, list(event_id ORDER BY event_id) FROM events "
                              "GROUP BY doc_id").fetchall())
    seed_id = con.execute("SELECT doc_id FROM documents WHERE url LIKE ?",
                          [f"%{SEED.name}"]).fetchone()[0]
    con.close()
    page = source / SEED.name
    page.write_text(page.read_text(encoding="utf-8").replace(
        "West Midlands Police was moved into Engage on 24 November 2023.",
        "West Midlands Police was moved into Engage on 23 November 2023."), encoding="utf-8")
    result = run_cli("ingest", "--source", str(source), "--db", str(db))
    assert result.returncode == 0 and "1 changed" in result.stdout
    con = duckdb.connect(str(db), read_only=True)
    after = dict(con.execute("SELECT doc_id, list(event_id ORDER BY event_id) FROM events "
                             "GROUP BY doc_id").fetchall())
    dates = [r[0].isoformat() for r in con.execute(
        "SELECT event_date FROM events WHERE doc_id = ? AND phase_to = 'engage'",
        [seed_id]).fetchall()]
    con.close()
    assert dates == ["2023-11-23"]
    assert {k: v for k, v in after.items() if k != seed_id} == {
        k: v for k, v in before.items() if k != seed_id}
    assert after[seed_id] != before[seed_id]


def test_bad_files_are_reported_and_good_ones_stored(tmp_path):
    source = tmp_path / "mixed"
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    (source / "empty.txt").write_text("")
    (source / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20)
    # Neither UTF-8 nor Windows-1252 (0x81 and 0x8d mean nothing in either).
    (source / "undecodable.txt").write_bytes(b"Caf\x81 body \x8d text\n")
    (source / "nobody.html").write_text("<html><head><title>x</title></head><body>"
                                        "<nav>menu</nav><script>var a;</script></body></html>")
    db = tmp_path / "events.duckdb"
    result = run_cli("ingest", "--source", str(source), "--db", str(db))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: skipped")]
    assert len(lines) == 4
    reasons = "\n".join(lines)
    for name, reason in (("empty.txt", "empty"), ("binary.html", "binary"),
                         ("undecodable.txt", "UTF-8"), ("nobody.html", "no body")):
        assert name in reasons and reason in reasons
    assert "Traceback" not in result.stderr
    assert _counts(db)["documents"] == 1 and _counts(db)["events"] == 11


def test_readme_is_not_a_document(tmp_path):
    source = _copy_corpus(tmp_path, limit=1)
    (source / "README.md").write_text("# About this folder\n\nPress releases.\n")
    db = tmp_path / "events.duckdb"
    result = run_cli("ingest", "--source", str(source), "--db", str(db))
    assert result.returncode == 0 and _counts(db)["documents"] == 1


def test_missing_source_is_one_line(tmp_path):
    result = run_cli("ingest", "--source", str(tmp_path / "nope"), "--db",
                     str(tmp_path / "x.duckdb"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "not found" in result.stderr


def test_query_errors_are_one_line(tmp_path):
    source, db = _copy_corpus(tmp_path, limit=1), tmp_path / "events.duckdb"
    assert run_cli("ingest", "--source", str(source), "--db", str(db)).returncode == 0
    bad = run_cli("query", "select * from no_such_table", "--db", str(db))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    good = run_cli("query", "select count(*) as n from events", "--db", str(db))
    assert good.returncode == 0 and "11" in good.stdout


def test_workers_store_the_same_events(tmp_path):
    source = _copy_corpus(tmp_path, limit=12)
    ids = {}
    for workers in ("1", "2"):
        db = tmp_path / f"events-{workers}.duckdb"
        result = run_cli("ingest", "--source", str(source), "--db", str(db),
                         "--workers", workers)
        assert result.returncode == 0, result.stderr
        con = duckdb.connect(str(db), read_only=True)
        ids[workers] = sorted(r[0] for r in con.execute("SELECT event_id FROM events").fetchall())
        con.close()
    assert ids["1"] == ids["2"] and len(ids["1"]) > 20


def test_batches_commit_whole_documents(tmp_path, monkeypatch):
    """More documents than one batch: every batch commits whole documents with their events."""
    from pipeline import ingest as ingest_module

    source = _copy_corpus(tmp_path, limit=9)
    db = tmp_path / "events.duckdb"
    writes = []
    original = ingest_module.write_documents
    monkeypatch.setattr(ingest_module, "BATCH_SIZE", 2)
    monkeypatch.setattr(ingest_module, "write_documents", lambda con, batch: (
        writes.append(len(batch)), original(con, batch))[1])
    summary = ingest_module.ingest_path(source, db, workers=1)
    assert writes[:4] == [2, 2, 2, 2]
    assert summary.new == 9 and not summary.failed
    counts = _counts(db)
    assert counts["documents"] == 9 and counts["events"] == summary.events_added
