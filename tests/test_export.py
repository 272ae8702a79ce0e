"""Export writes one file per table and view; Parquet read back equals the database."""

from __future__ import annotations

import duckdb

from pipeline.export import export_database
from pipeline.store import connect
from pipeline.store.runs import RunCounts, finish_run, start_run
from tests.conftest import run_cli
from tests.tiny_db import build_tiny_db


def _db(tmp_path):
    db = build_tiny_db(tmp_path / "events.duckdb")
    with connect(db) as con:
        start_run(con, "r1", "corpus")
        finish_run(con, "r1", "partial", RunCounts(documents_seen=2, documents_failed=1,
                                                   errors=["a.txt: empty", "b.html: binary"]))
    return db


def test_parquet_round_trip_equals_every_table_and_view(tmp_path):
    db, out = _db(tmp_path), tmp_path / "export"
    result = run_cli("export", "--format", "parquet", "--out", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    con = duckdb.connect(str(db), read_only=True)
    names = {n for (n,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal UNION ALL "
        "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"documents", "events", "runs", "engage_periods", "statements"} <= names
    assert {p.name for p in out.iterdir()} == {f"{n}.parquet" for n in names}
    for name in names:
        path = str(out / f"{name}.parquet").replace("'", "''")
        table = con.execute(f"SELECT * FROM {name}")
        columns = [d[0] for d in table.description]
        expected = sorted(table.fetchall(), key=repr)
        back = con.execute(f"SELECT * FROM read_parquet('{path}')")
        assert [d[0] for d in back.description] == columns, name
        assert sorted(back.fetchall(), key=repr) == expected, name
        assert expected or name in ("fetch_log", "http_validators", "document_urls"), name
    con.close()


def test_csv_has_a_header_and_every_row(tmp_path):
    db, out = _db(tmp_path), tmp_path / "csv"
    written = {w.name: w for w in export_database(db, out, "csv")}
    periods = (out / "engage_periods.csv").read_text().splitlines()
    assert periods[0].startswith("force_id,force,entered,")
    assert len(periods) - 1 == written["engage_periods"].rows == 4
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no partial files left


def test_csv_lists_are_text_a_spreadsheet_reads(tmp_path):
    """List columns (a move's reports, an item's wordings) are "; "-joined strings."""
    import csv

    db, out = _db(tmp_path), tmp_path / "csv"
    export_database(db, out, "csv")
    with (out / "phase_moves.csv").open(newline="", encoding="utf-8") as handle:
        moves = list(csv.DictReader(handle))
    [entry] = [m for m in moves if m["force_id"] == "west-midlands-police"
               and m["phase"] == "engage"]
    urls = entry["urls"].split("; ")
    assert len(urls) == int(entry["documents"]) == 4
    assert all(u.startswith("https://news.example.test/") for u in urls)
    assert "[" not in entry["urls"] and "'" not in entry["urls"]
    with (out / "runs.csv").open(newline="", encoding="utf-8") as handle:
        [run] = list(csv.DictReader(handle))
    assert run["errors"] == "a.txt: empty; b.html: binary"
