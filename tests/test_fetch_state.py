"""fetch_state round trips against DuckDB: bulk writes, upserts, duplicate keys."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from pipeline.store.fetch_state import (
    ensure_fetch_tables,
    load_validators,
    record_document_urls,
    record_many_document_urls,
    save_fetch_results,
)


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "state.duckdb"))
    ensure_fetch_tables(connection)
    ensure_fetch_tables(connection)  # idempotent
    yield connection
    connection.close()


def log_row(url: str, status: int | None, attempt: int = 1, error: str | None = None) -> dict:
    return {
        "run_id": "r1",
        "source": "s",
        "url": url,
        "status": status,
        "bytes": 10,
        "elapsed_ms": 5,
        "attempt": attempt,
        "error": error,
        "fetched_at": datetime(2024, 6, 1, 12, 0),
    }


def test_round_trip_in_one_transaction(con):
    rows = [
        log_row("https://a.org/x", 500, 1, "HTTP 500"),
        log_row("https://a.org/x", 200, 2),
        log_row("https://a.org/private/", None, 0, "disallowed by robots.txt"),
    ]
    validators = {
        "https://a.org/x": ('"abc"', "Sat, 01 Jun 2024 10:00:00 GMT"),
        "https://a.org/feed": (None, None),
    }
    con.begin()
    save_fetch_results(con, rows, validators)
    con.commit()
    assert load_validators(con) == validators
    stored = con.execute(
        "SELECT url, status, attempt, error FROM fetch_log ORDER BY attempt"
    ).fetchall()
    assert stored == [
        ("https://a.org/private/", None, 0, "disallowed by robots.txt"),
        ("https://a.org/x", 500, 1, "HTTP 500"),
        ("https://a.org/x", 200, 2, None),
    ]


def test_validators_are_upserted(con):
    save_fetch_results(con, [], {"https://a.org/x": ('"v1"', None)})
    save_fetch_results(
        con, [], {"https://a.org/x": ('"v2"', "lm"), "https://a.org/y": ('"y"', None)}
    )
    save_fetch_results(con, [], {"https://a.org/x": (None, None)})  # reset: look again next run
    assert load_validators(con) == {
        "https://a.org/x": (None, None),
        "https://a.org/y": ('"y"', None),
    }


def test_document_urls_keep_first_seen_and_move_last_seen(con):
    record_document_urls(
        con,
        "d1",
        ["https://a.org/x", "https://a.org/x?old", "https://a.org/x"],
        datetime(2024, 1, 1),
    )
    record_document_urls(con, "d1", ["https://a.org/x"], datetime(2024, 2, 1))
    record_many_document_urls(
        con, {"d1": ["https://a.org/x"], "d2": ["https://b.org/y"]}, datetime(2024, 3, 1)
    )
    rows = con.execute(
        "SELECT doc_id, url, first_seen, last_seen FROM document_urls ORDER BY doc_id, url"
    ).fetchall()
    assert rows == [
        ("d1", "https://a.org/x", datetime(2024, 1, 1), datetime(2024, 3, 1)),
        ("d1", "https://a.org/x?old", datetime(2024, 1, 1), datetime(2024, 1, 1)),
        ("d2", "https://b.org/y", datetime(2024, 3, 1), datetime(2024, 3, 1)),
    ]


def test_bulk_log_insert(con):
    rows = [log_row(f"https://a.org/{n}", 200) for n in range(5000)]
    save_fetch_results(con, rows, {})
    assert con.execute("SELECT count(*) FROM fetch_log").fetchone() == (5000,)


def test_fetch_report_rows_store_as_they_are(con):
    """The rows fetch_sources produces (naive UTC datetimes, None statuses) fit the table."""
    from fetch_server import FetchServer, fast_config

    from pipeline.fetch import Source, fetch_sources

    with FetchServer() as srv:
        srv.add_site("127.0.0.1", "inspectorate")
        source = Source(
            "insp", "feed", srv.url("127.0.0.1", "/feeds/news.atom"), ("127.0.0.1",), {}
        )
        report = fetch_sources([source], run_id="r9", validators={}, config=fast_config())
    save_fetch_results(con, report.log_rows, report.validators)
    assert con.execute("SELECT count(*) FROM fetch_log WHERE run_id = 'r9'").fetchone()[0] == len(
        report.log_rows
    )
    assert load_validators(con) == report.validators
