"""Tables and views, with numbered in-place migrations so older files upgrade where they lie.

`MIGRATIONS[n]` turns a version n-1 file into version n; a fresh file runs them all in order.
Each migration runs in one transaction together with its `schema_version` row, so a file is
always at exactly one version. A migration's DDL is history: never edit a released one, add
the next. Version 1 is the first release (documents, events); version 2 adds run history
and the views for SQL users; version 3 the topic table and the item and disagreement views.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from pipeline.store.views import create_views


class SchemaError(Exception):
    """The file was written by a newer pipeline than this one."""


DOCUMENTS_V1 = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id          VARCHAR PRIMARY KEY,
    url             VARCHAR NOT NULL,
    title           VARCHAR,
    published_date  DATE,
    source          VARCHAR,
    text            VARCHAR NOT NULL,
    content_sha256  VARCHAR NOT NULL,
    ingested_at     TIMESTAMP NOT NULL
)"""

EVENTS_V1 = """
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    event_type      VARCHAR NOT NULL,
    force           VARCHAR,
    force_id        VARCHAR,
    event_date      DATE,
    date_precision  VARCHAR,
    phase_from      VARCHAR,
    phase_to        VARCHAR,
    subject_kind    VARCHAR,
    subject         VARCHAR,
    status          VARCHAR,
    count_total     INTEGER,
    count_closed    INTEGER,
    count_open      INTEGER,
    person_name     VARCHAR,
    person_role     VARCHAR,
    person_org      VARCHAR,
    quote           VARCHAR,
    evidence        VARCHAR NOT NULL,
    char_start      INTEGER NOT NULL,
    char_end        INTEGER NOT NULL,
    rules_version   VARCHAR NOT NULL
)"""

# status: running -> ok | partial | failed; 'aborted' when a later run finds it still
# 'running' while holding the run lock (the process was killed). Times are UTC.
RUNS_V2 = """
CREATE TABLE IF NOT EXISTS runs (
    run_id               VARCHAR PRIMARY KEY,
    started_at           TIMESTAMP NOT NULL,
    finished_at          TIMESTAMP,
    status               VARCHAR NOT NULL,
    source               VARCHAR,
    documents_seen       INTEGER,
    documents_new        INTEGER,
    documents_changed    INTEGER,
    documents_unchanged  INTEGER,
    documents_failed     INTEGER,
    events_added         INTEGER,
    events_removed       INTEGER,
    errors               VARCHAR[]
)"""

SCHEMA_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP)"""

EVENT_COLUMNS = (
    "event_id", "doc_id", "event_type", "force", "force_id", "event_date", "date_precision",
    "phase_from", "phase_to", "subject_kind", "subject", "status", "count_total",
    "count_closed", "count_open", "person_name", "person_role", "person_org", "quote",
    "evidence", "char_start", "char_end", "rules_version",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "doc_id", "url", "title", "published_date", "source", "text", "content_sha256",
    "ingested_at",
)  # fmt: skip


def _v1_documents_and_events(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DOCUMENTS_V1)
    con.execute(EVENTS_V1)


def _v2_runs_and_views(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(RUNS_V2)
    create_views(con)


def _v3_items_and_disagreements(con: duckdb.DuckDBPyConnection) -> None:
    """The topic table (rules/topics.yaml), one row per real item, and the disagreements."""
    from pipeline.store.topics import replace_topics  # it needs SchemaError from here

    replace_topics(con)
    create_views(con)


Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: dict[int, Migration] = {
    1: _v1_documents_and_events,
    2: _v2_runs_and_views,
    3: _v3_items_and_disagreements,
}
SCHEMA_VERSION = max(MIGRATIONS)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The file's version; 0 for a file without tables (works on read-only connections)."""
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' "
                         "AND table_name = 'schema_version'").fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def ensure_schema(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Bring the file to SCHEMA_VERSION; returns the versions applied (usually none)."""
    current = schema_version(con)
    if current == SCHEMA_VERSION:
        return []
    if current > SCHEMA_VERSION:
        raise SchemaError(f"the database is at schema version {current}, newer than this "
                          f"pipeline's {SCHEMA_VERSION}; upgrade the pipeline")
    applied = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(SCHEMA_TABLE)
            MIGRATIONS[version](con)
            con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
