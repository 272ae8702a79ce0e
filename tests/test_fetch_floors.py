"""Per-source floors over time: a source that found items on its last runs and finds none
now fails with its name, and keeps failing until it finds items again."""

from __future__ import annotations

import duckdb
import pytest
from fetch_server import FetchServer, Reply, fast_config

from pipeline.fetch import Source
from pipeline.fetch.floors import FLOOR_RUNS, floor_problem
from pipeline.ingest import ingest_sources

ARTICLE = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>Cleveland "
           "Police has published its annual report on {t}.</p></article></body></html>")


def rss(port: int, names: list[str]) -> bytes:
    items = "".join(f"<item><title>{n}</title><link>http://127.0.0.1:{port}/{n}/</link></item>"
                    for n in names)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}'
            "</channel></rss>").encode()


def test_floor_problem():
    assert floor_problem(0, [5, 4, 6]) is not None
    assert "last 3 successful runs found 5, 4, 6" in floor_problem(0, [5, 4, 6, 7])
    assert floor_problem(0, []) is None  # never seen working: nothing to compare with
    assert floor_problem(0, [3, 0]) is None  # it has been empty before
    assert floor_problem(1, [20, 20]) is None
    assert FLOOR_RUNS >= 1


@pytest.fixture
def newsroom():
    srv = FetchServer()
    for name in ("one", "two"):
        srv.add_text("127.0.0.1", f"/{name}/", ARTICLE.format(t=name))
    yield srv
    srv.close()


def serve_feed(srv: FetchServer, names: list[str]) -> None:
    # No validators: every run reads the feed afresh, as a changed feed would be.
    srv.add("127.0.0.1", "/rss.xml", Reply(rss(srv.port, names), validators=False,
                                           content_type="application/rss+xml"))


def run(srv: FetchServer, db, **options):
    source = Source("cleveland-police-news", "feed", srv.url("127.0.0.1", "/rss.xml"),
                    ("127.0.0.1",), {"min_items": 0, **options})
    return ingest_sources([source], db, config=fast_config())


def test_a_source_that_goes_quiet_fails_by_name(tmp_path, newsroom):
    db = tmp_path / "events.duckdb"
    serve_feed(newsroom, ["one", "two"])
    assert run(newsroom, db).ok
    serve_feed(newsroom, [])  # a redesign: the feed still answers 200, with no items
    second = run(newsroom, db)
    assert not second.ok
    (failure,) = [f.line() for f in second.failed]
    assert "cleveland-police-news" in failure
    assert "0 items found, but the last 1 successful run found 2" in failure
    # The failed run is not a successful one: the next quiet run still fails.
    third = run(newsroom, db)
    assert [f.line() for f in third.failed] == [failure]
    con = duckdb.connect(str(db), read_only=True)
    flagged = con.execute("SELECT count(*) FROM fetch_log WHERE url LIKE '%/rss.xml' "
                          "AND status = 200 AND error LIKE '0 items found%'").fetchone()[0]
    con.close()
    assert flagged == 2
    serve_feed(newsroom, ["two"])  # fixed
    assert run(newsroom, db).ok


def test_a_source_that_was_always_empty_is_not_a_failure(tmp_path, newsroom):
    db = tmp_path / "events.duckdb"
    serve_feed(newsroom, [])
    assert run(newsroom, db).ok
    assert run(newsroom, db).ok


def test_the_default_minimum_names_the_history_too(tmp_path, newsroom):
    db = tmp_path / "events.duckdb"
    serve_feed(newsroom, ["one"])
    assert run(newsroom, db, min_items=1).ok
    serve_feed(newsroom, [])
    (failure,) = [f.line() for f in run(newsroom, db, min_items=1).failed]
    assert "the last 1 successful run found 1" in failure
