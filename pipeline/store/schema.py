"""Tables, in one place, with a version so that older files can be upgraded in place."""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 1

DOCUMENTS = """
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

EVENTS = """
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


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA_TABLE)
    con.execute(DOCUMENTS)
    con.execute(EVENTS)
    current = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    if current is None:
        con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION])
