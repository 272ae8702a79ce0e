"""Tables and views, with numbered in-place migrations so older files upgrade where they lie.

`MIGRATIONS[n]` turns a version n-1 file into version n; a fresh file runs them all in order.
Each migration runs in one transaction together with its `schema_version` row, so a file is
always at exactly one version. A migration's DDL is history: never edit a released one, add
the next. Version 1 is the first release (documents, events); version 2 adds run history
and the views for SQL users; version 3 the topic table and the item and disagreement views.

The events table's columns are not a migration: they are the registered fields
(pipeline/events/registry.py). Version 1 creates the table with the fields registered when
the file is made; every write connection then adds the columns of fields registered since, as
nullable columns (`add_event_columns`), so registering a type with a new payload field
needs no migration. A file made before a field was registered has its column last: read
columns by name, not position. Columns are never dropped or retyped here; a stored type
that disagrees with the registry stops the connection with one line.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from pipeline.events import REGISTRY, Field, Registry
from pipeline.store.views import create_views


class SchemaError(Exception):
    """The file was written by a newer pipeline than this one, or its events table
    disagrees with the registered event fields."""


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


def _column(field: Field) -> str:
    constraint = f" {field.constraint}" if field.constraint else ""
    return f"    {field.name:<15} {field.type.sql}{constraint}"


def events_ddl(registry: Registry = REGISTRY) -> str:
    """CREATE TABLE events with one column per registered field (pipeline/events)."""
    columns = ",\n".join(_column(f) for f in registry.columns())
    return f"CREATE TABLE IF NOT EXISTS events (\n{columns}\n)"


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

EVENT_COLUMNS = tuple(f.name for f in REGISTRY.columns())
DOCUMENT_COLUMNS = (
    "doc_id", "url", "title", "published_date", "source", "text", "content_sha256",
    "ingested_at",
)  # fmt: skip


def _v1_documents_and_events(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DOCUMENTS_V1)
    con.execute(events_ddl())


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


def missing_event_columns(con: duckdb.DuckDBPyConnection,
                          registry: Registry = REGISTRY) -> list[Field]:
    """Registered fields the file's events table lacks; a column whose type differs from
    its field's is an error (works on read-only connections)."""
    stored = dict(con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
        "AND table_name = 'events'").fetchall())
    for field in registry.columns():
        if field.name in stored and stored[field.name] != field.type.sql:
            raise SchemaError(f"events.{field.name} is {stored[field.name]} in the database "
                              f"but {field.type.sql} in the event registry")
    return [f for f in registry.columns() if f.name not in stored]


def add_event_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Add the columns of fields registered since the file was made, as NULL for the rows
    already there; returns their names (usually none)."""
    missing = missing_event_columns(con)
    if not missing:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        for field in missing:
            con.execute(f"ALTER TABLE events ADD COLUMN {field.name} {field.type.sql}")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return [f.name for f in missing]


def ensure_schema(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Bring the file to SCHEMA_VERSION and the events table to the registered fields;
    returns the versions applied (usually none)."""
    applied = _migrate(con)
    add_event_columns(con)
    return applied


def _migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
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
