"""What the fetch layer remembers between runs: the fetch log, HTTP validators, document URLs.

Writes go through Arrow tables and one INSERT ... SELECT each (row-by-row inserts run at
about 1,000 rows/s, Arrow at about 800,000), and keys are de-duplicated before any upsert
because DuckDB keeps only one of two same-key rows in a batch, silently. None of these
functions opens or commits a transaction: the caller wraps them in one short one, so the
database file is locked for as little time as possible.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

FETCH_TABLES_DDL = (
    """
    CREATE TABLE IF NOT EXISTS fetch_log (
        run_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        url VARCHAR NOT NULL,
        status INTEGER,          -- NULL when no response (skipped, timeout, connection error)
        bytes BIGINT NOT NULL,
        elapsed_ms INTEGER NOT NULL,
        attempt INTEGER NOT NULL, -- 1, 2, ... per retry; 0 for a URL skipped without a request
        error VARCHAR,
        fetched_at TIMESTAMP NOT NULL -- UTC
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS http_validators (
        url VARCHAR PRIMARY KEY,
        etag VARCHAR,
        last_modified VARCHAR,   -- the header value as sent, replayed in If-Modified-Since
        updated_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS document_urls (
        doc_id VARCHAR NOT NULL,
        url VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL,
        PRIMARY KEY (doc_id, url)
    )
    """,
)

_LOG_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("status", pa.int32()),
        ("bytes", pa.int64()),
        ("elapsed_ms", pa.int32()),
        ("attempt", pa.int32()),
        ("error", pa.string()),
        ("fetched_at", pa.timestamp("us")),
    ]
)


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def ensure_fetch_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create fetch_log, http_validators and document_urls if they do not exist."""
    for ddl in FETCH_TABLES_DDL:
        con.execute(ddl)


def load_validators(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, str | None]]:
    """url -> (etag, last_modified) for fetch_sources, read in one query."""
    rows = con.execute("SELECT url, etag, last_modified FROM http_validators").fetchall()
    return {url: (etag, last_modified) for url, etag, last_modified in rows}


def _insert_arrow(con: duckdb.DuckDBPyConnection, table: pa.Table, sql: str) -> None:
    """Run `sql`, which reads the Arrow table as `_fetch_state_batch`, then drop the view."""
    con.register("_fetch_state_batch", table)
    try:
        con.execute(sql)
    finally:
        con.unregister("_fetch_state_batch")


def save_fetch_results(
    con: duckdb.DuckDBPyConnection,
    log_rows: list[dict],
    validators: dict[str, tuple[str | None, str | None]],
    now: datetime | None = None,
) -> None:
    """Append the run's fetch_log rows and upsert its validators (one statement each)."""
    if log_rows:
        columns = {name: [row.get(name) for row in log_rows] for name in _LOG_SCHEMA.names}
        table = pa.table(columns, schema=_LOG_SCHEMA)
        _insert_arrow(con, table, "INSERT INTO fetch_log SELECT * FROM _fetch_state_batch")
    if validators:
        stamp = now or _utc_now()
        urls = list(validators)  # dict keys: unique by construction
        table = pa.table(
            {
                "url": urls,
                "etag": [validators[u][0] for u in urls],
                "last_modified": [validators[u][1] for u in urls],
                "updated_at": pa.array([stamp] * len(urls), pa.timestamp("us")),
            }
        )
        _insert_arrow(
            con,
            table,
            """
            INSERT INTO http_validators
            SELECT url, etag, last_modified, updated_at FROM _fetch_state_batch
            ON CONFLICT (url) DO UPDATE SET
                etag = excluded.etag,
                last_modified = excluded.last_modified,
                updated_at = excluded.updated_at
            """,
        )


def record_document_urls(
    con: duckdb.DuckDBPyConnection,
    doc_id: str,
    urls: Iterable[str],
    seen_at: datetime | None = None,
) -> None:
    """Remember every URL a document was reached at: first_seen kept, last_seen moved on."""
    record_many_document_urls(con, {doc_id: urls}, seen_at)


def record_many_document_urls(
    con: duckdb.DuckDBPyConnection,
    urls_by_doc: dict[str, Iterable[str]],
    seen_at: datetime | None = None,
) -> None:
    """record_document_urls for a whole run in one statement (doc_id -> its seen_urls)."""
    pairs = list(
        dict.fromkeys((doc_id, url) for doc_id, urls in urls_by_doc.items() for url in urls if url)
    )
    if not pairs:
        return
    stamp = seen_at or _utc_now()
    table = pa.table(
        {
            "doc_id": [doc_id for doc_id, _ in pairs],
            "url": [url for _, url in pairs],
            "seen": pa.array([stamp] * len(pairs), pa.timestamp("us")),
        }
    )
    _insert_arrow(
        con,
        table,
        """
        INSERT INTO document_urls SELECT doc_id, url, seen, seen FROM _fetch_state_batch
        ON CONFLICT (doc_id, url) DO UPDATE SET
            last_seen = greatest(document_urls.last_seen, excluded.last_seen)
        """,
    )


# The item counts of a source's successful runs, read back from fetch_log. A run's first
# request of a source (robots.txt aside) is its feed, first listing page or search, since
# nothing else is asked before that answers; the run succeeded for the source when that
# request got a 200 and no error (a page that held nothing usable has its reason logged);
# its items are the other URLs the source asked for. Runs answered 304 say nothing new
# and are left out.
_ITEM_HISTORY_SQL = """
WITH requests AS (
    SELECT run_id, source, url, status, error, fetched_at,
           row_number() OVER (PARTITION BY run_id, source ORDER BY fetched_at) AS n
    FROM fetch_log
    WHERE url NOT LIKE '%/robots.txt'
), starts AS (
    SELECT run_id, source, url, fetched_at FROM requests WHERE n = 1
), successful AS (
    SELECT s.run_id, s.source, s.url, s.fetched_at FROM starts s
    WHERE EXISTS (SELECT 1 FROM requests r WHERE r.run_id = s.run_id AND r.source = s.source
                  AND r.url = s.url AND r.status = 200 AND r.error IS NULL)
      AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.run_id = s.run_id
                      AND r.source = s.source AND r.url = s.url AND r.status = 200
                      AND r.error IS NOT NULL)
), counted AS (
    SELECT s.source, s.fetched_at, count(DISTINCT r.url) FILTER (WHERE r.url <> s.url) AS items
    FROM successful s JOIN requests r ON r.run_id = s.run_id AND r.source = s.source
    GROUP BY s.run_id, s.source, s.fetched_at
)
SELECT source, list(items ORDER BY fetched_at DESC)[1:?] FROM counted GROUP BY source
"""


def load_item_history(con: duckdb.DuckDBPyConnection, runs: int) -> dict[str, list[int]]:
    """source -> items found on its last `runs` successful runs, newest first (the floors)."""
    rows = con.execute(_ITEM_HISTORY_SQL, [runs]).fetchall()
    return {source: list(counts) for source, counts in rows}
