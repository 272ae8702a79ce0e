"""A file written by the first release (schema v1) is upgraded in place, losing nothing."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.store import connect
from pipeline.store import schema as schema_module
from pipeline.store.schema import SCHEMA_VERSION, SchemaError, ensure_schema, schema_version

# The DDL exactly as release 1 wrote it (pipeline/store/schema.py at that commit).
V1_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP)",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, url VARCHAR NOT NULL, title VARCHAR, published_date DATE,
        source VARCHAR, text VARCHAR NOT NULL, content_sha256 VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, event_type VARCHAR NOT NULL,
        force VARCHAR, force_id VARCHAR, event_date DATE, date_precision VARCHAR,
        phase_from VARCHAR, phase_to VARCHAR, subject_kind VARCHAR, subject VARCHAR,
        status VARCHAR, count_total INTEGER, count_closed INTEGER, count_open INTEGER,
        person_name VARCHAR, person_role VARCHAR, person_org VARCHAR, quote VARCHAR,
        evidence VARCHAR NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
        rules_version VARCHAR NOT NULL)""",
    "INSERT INTO schema_version VALUES (1, now())",
)
V1_ROWS = (
    "INSERT INTO documents VALUES ('d1', 'https://example.test/a', 'A', DATE '2023-11-24', "
    "'local', 'West Midlands Police was moved into Engage on 24 November 2023.', 'sha', "
    "TIMESTAMP '2024-01-01 00:00:00')",
    "INSERT INTO events (event_id, doc_id, event_type, force, force_id, event_date, "
    "date_precision, phase_from, phase_to, evidence, char_start, char_end, rules_version) "
    "VALUES ('e1', 'd1', 'phase_change', 'West Midlands Police', 'west-midlands-police', "
    "DATE '2023-11-24', 'day', 'scan', 'engage', "
    "'West Midlands Police was moved into Engage on 24 November 2023.', 0, 63, 'old')",
)


@pytest.fixture
def v1_file(tmp_path):
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    for statement in (*V1_DDL, *V1_ROWS):
        con.execute(statement)
    con.close()
    return path


def _dump(con, table):
    return con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


def test_v1_file_upgrades_in_place_without_losing_rows(v1_file):
    con = duckdb.connect(str(v1_file), read_only=True)
    before = {t: _dump(con, t) for t in ("documents", "events")}
    con.close()
    with connect(v1_file) as con:  # a write connection runs the migrations
        assert schema_version(con) == SCHEMA_VERSION == 3
        assert {t: _dump(con, t) for t in ("documents", "events")} == before
        versions = [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY 1"
                                              ).fetchall()]
        assert versions == [1, 2, 3]
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 0
        periods = con.execute("SELECT force_id, entered, exited FROM engage_periods"
                              ).fetchall()
        assert [(f, str(e), x) for f, e, x in periods] == [
            ("west-midlands-police", "2023-11-24", None)]
        assert ensure_schema(con) == []  # already current: nothing to do


def test_fresh_file_runs_every_migration(tmp_path):
    with connect(tmp_path / "new.duckdb") as con:
        assert schema_version(con) == SCHEMA_VERSION
        names = {n for (n,) in con.execute(
            "SELECT table_name FROM duckdb_tables() UNION ALL "
            "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"documents", "events", "runs", "schema_version", "events_full", "force_status",
            "engage_periods", "recommendation_progress", "statements", "phase_moves",
            "topic_phrases", "item_mentions", "tallies", "items", "disagreements"} <= names


# What release 2 added on top of release 1: run history, and views such as this one
# (its statements view, as it was), which version 3 replaces.
V2_DDL = (
    schema_module.RUNS_V2,
    """CREATE VIEW statements AS
    SELECT e.person_name, e.person_role, e.person_org, e.force, e.force_id,
           d.published_date AS date, e.quote, d.url, e.evidence, e.doc_id, e.event_id
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.event_type = 'statement' AND e.person_name IS NOT NULL""",
    "INSERT INTO schema_version VALUES (2, now())",
)
V2_ROWS = (
    "INSERT INTO events (event_id, doc_id, event_type, force, force_id, subject_kind, "
    "subject, status, evidence, char_start, char_end, rules_version) VALUES ('e2', 'd1', "
    "'recommendation', 'West Midlands Police', 'west-midlands-police', 'cause_of_concern', "
    "'the force''s crime recording', 'open', 'West Midlands Police', 0, 20, 'old')",
    "INSERT INTO runs (run_id, started_at, status) VALUES ('r1', now(), 'ok')",
)


def test_v2_file_gains_the_topic_table_and_the_item_views(v1_file):
    con = duckdb.connect(str(v1_file))
    for statement in (*V2_DDL, *V2_ROWS):
        con.execute(statement)
    con.close()
    with connect(v1_file) as con:
        versions = [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY 1"
                                              ).fetchall()]
        assert versions == [1, 2, 3]
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
        assert con.execute("SELECT count(DISTINCT topic) FROM topic_phrases").fetchone()[0] > 8
        items = con.execute("SELECT topic, status FROM items").fetchall()
        assert items == [("crime recording", "open")]
        columns = [d[0] for d in con.execute("SELECT * FROM statements").description]
        assert columns[-1] == "documents"  # the view as version 3 defines it
        assert con.execute("SELECT count(*) FROM disagreements").fetchone()[0] == 0
        assert con.execute("SELECT as_of_source, url FROM events_full WHERE event_id = 'e2'"
                           ).fetchone() == ("publication", "https://example.test/a")


def test_failed_migration_leaves_the_file_at_its_version(v1_file, monkeypatch):
    def broken(con):
        con.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("migration bug")

    monkeypatch.setitem(schema_module.MIGRATIONS, 2, broken)
    with pytest.raises(RuntimeError), connect(v1_file):
        pass
    con = duckdb.connect(str(v1_file), read_only=True)
    assert schema_version(con) == 1
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'half_done'"
                       ).fetchone()[0] == 0
    con.close()


def test_newer_file_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    with connect(path) as con:
        con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    with pytest.raises(SchemaError, match="newer"), connect(path):
        pass
