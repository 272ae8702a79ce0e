"""Faults, one at a time, each with its outcome: retried, waited, logged, rejected, skipped."""

from __future__ import annotations

import gzip
import time
import tracemalloc
from email.utils import formatdate

import pytest
from fetch_server import FIXTURE_SITES, FetchServer, Reply, fast_config, sequence

from pipeline.fetch import FetchReport, Source, fetch_sources
from pipeline.fetch.http import retry_after_seconds

HOST = "127.0.0.1"
ARTICLE = (FIXTURE_SITES / "inspectorate/news/kent-custody-inspection/index.html").read_bytes()


@pytest.fixture
def server():
    srv = FetchServer()
    yield srv
    srv.close()


def feed_of(srv: FetchServer, *paths: str) -> bytes:
    items = "".join(
        f"<item><title>Item {i}</title><link>{srv.url(HOST, p)}</link></item>"
        for i, p in enumerate(paths)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
        "</channel></rss>".encode()
    )


def serve_feed(srv: FetchServer, *paths: str) -> Source:
    srv.add(HOST, "/feed.xml", Reply(feed_of(srv, *paths), content_type="application/rss+xml"))
    return Source("faults", "feed", srv.url(HOST, "/feed.xml"), (HOST,), {})


def run(sources, **config) -> FetchReport:
    return fetch_sources(sources, run_id="faults", validators={}, config=fast_config(**config))


def rows_for(report: FetchReport, srv: FetchServer, path: str) -> list[dict]:
    return [r for r in report.log_rows if r["url"] == srv.url(HOST, path)]


def test_500_then_200_is_retried_and_returned(server):
    server.add(HOST, "/a/", sequence(Reply(b"oops", status=500, validators=False), Reply(ARTICLE)))
    report = run([serve_feed(server, "/a/")])
    assert [p.url for p in report.pages] == [server.url(HOST, "/a/")]
    rows = rows_for(report, server, "/a/")
    assert [(r["status"], r["attempt"]) for r in rows] == [(500, 1), (200, 2)]
    assert rows[0]["error"] == "HTTP 500" and rows[1]["error"] is None
    assert report.errors == []


def test_persistent_503_gives_up_after_the_retries(server):
    server.add(HOST, "/a/", Reply(b"down", status=503, validators=False))
    report = run([serve_feed(server, "/a/")], retries=2)
    assert report.pages == []
    assert server.count(path="/a/") == 3
    assert "gave up after 3 attempts" in rows_for(report, server, "/a/")[-1]["error"]
    assert any("/a/" in e for e in report.errors)
    assert report.failed_sources == []  # one page failing does not fail the source


def test_429_with_retry_after_waits_then_returns(server):
    server.add(
        HOST,
        "/a/",
        sequence(
            Reply(b"slow down", status=429, validators=False, headers={"Retry-After": "1"}),
            Reply(ARTICLE),
        ),
    )
    report = run([serve_feed(server, "/a/")])
    assert len(report.pages) == 1
    first, second = server.seen(path="/a/")
    assert second.at - first.at >= 1.0
    assert [r["status"] for r in rows_for(report, server, "/a/")] == [429, 200]


def test_retry_after_parsing():
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
    later = retry_after_seconds(formatdate(time.time() + 30, usegmt=True))
    assert later is not None and 25 <= later <= 31
    assert retry_after_seconds(formatdate(time.time() - 30, usegmt=True)) == 0.0


def test_retry_after_beyond_the_cap_fails_instead_of_waiting(server):
    server.add(
        HOST, "/a/", Reply(b"", status=503, validators=False, headers={"Retry-After": "3600"})
    )
    started = time.monotonic()
    report = run([serve_feed(server, "/a/")], retry_after_max=5.0)
    assert time.monotonic() - started < 3
    assert server.count(path="/a/") == 1
    assert "Retry-After longer than 5 s" in rows_for(report, server, "/a/")[0]["error"]


def test_read_that_never_completes_times_out_and_others_continue(server):
    server.add(HOST, "/stall/", Reply(ARTICLE, stall=True, validators=False))
    server.add(HOST, "/ok/", Reply(ARTICLE))
    started = time.monotonic()
    report = run([serve_feed(server, "/stall/", "/ok/")], read_timeout=0.5, total_timeout=2.0)
    assert time.monotonic() - started < 4
    assert [p.url for p in report.pages] == [server.url(HOST, "/ok/")]
    rows = rows_for(report, server, "/stall/")
    assert len(rows) == 1 and "timeout" in rows[0]["error"]
    assert any("/stall/" in e and "timeout" in e for e in report.errors)


def test_trickling_server_hits_the_total_timeout(server):
    server.add(HOST, "/slow/", Reply(ARTICLE, stall=True, validators=False))
    report = run([serve_feed(server, "/slow/")], read_timeout=5.0, total_timeout=0.5)
    assert report.pages == []
    assert "timeout" in rows_for(report, server, "/slow/")[0]["error"]


def test_body_over_the_size_cap_is_rejected(server):
    big = b"<html><body><p>" + b"x" * 50_000 + b"</p></body></html>"
    server.add(HOST, "/big/", Reply(big))
    server.add(HOST, "/big-gzip/", Reply(big, gzip=True))  # small on the wire, big decoded
    server.add(HOST, "/ok/", Reply(ARTICLE))
    report = run([serve_feed(server, "/big/", "/big-gzip/", "/ok/")], max_body_bytes=20_000)
    assert [p.url for p in report.pages] == [server.url(HOST, "/ok/")]
    for path in ("/big/", "/big-gzip/"):
        (row,) = rows_for(report, server, path)
        assert row["status"] == 200 and row["error"].startswith("body too large")
        assert row["bytes"] == 0
    assert server.count(path="/big/") == 1  # not retried


def test_redirect_loop_is_logged(server):
    server.add(HOST, "/a/", Reply(b"", status=302, validators=False, headers={"Location": "/b/"}))
    server.add(HOST, "/b/", Reply(b"", status=302, validators=False, headers={"Location": "/a/"}))
    report = run([serve_feed(server, "/a/")])
    assert report.pages == []
    assert any("redirect loop" in e for e in report.errors)
    errors = [r["error"] for r in report.log_rows if r["error"]]
    assert any(e.startswith("redirect loop") for e in errors)
    assert server.count(path="/a/") == 1 and server.count(path="/b/") == 1


def test_too_many_redirects(server):
    for n in range(10):
        server.add(
            HOST,
            f"/r{n}/",
            Reply(b"", status=301, validators=False, headers={"Location": f"/r{n + 1}/"}),
        )
    report = run([serve_feed(server, "/r0/")], max_redirects=3)
    assert report.pages == []
    assert any("too many redirects" in e for e in report.errors)
    assert server.count(path="/r4/") == 0


def test_redirect_to_another_host_is_refused(server):
    server.add(
        HOST,
        "/away/",
        Reply(
            b"", status=301, validators=False, headers={"Location": server.url("localhost", "/x/")}
        ),
    )
    report = run([serve_feed(server, "/away/")])
    assert report.pages == [] and server.count(host="localhost") == 0
    assert any("host not allowed" in w for w in report.warnings)


def test_gzip_is_decoded(server):
    server.add(HOST, "/zipped/", Reply(ARTICLE, gzip=True))
    report = run([serve_feed(server, "/zipped/")])
    (page,) = report.pages
    assert page.body == ARTICLE
    (seen,) = server.seen(path="/zipped/")
    assert "gzip" in seen.headers["accept-encoding"]
    assert len(gzip.compress(ARTICLE)) < len(ARTICLE)


def test_empty_and_textless_pages_are_not_returned(server):
    server.add(HOST, "/empty/", Reply(b""))
    server.add(HOST, "/blank/", Reply(b"<html><head><title></title></head><body> </body></html>"))
    report = run([serve_feed(server, "/empty/", "/blank/")])
    assert report.pages == []
    assert any("/empty/" in e and "empty body" in e for e in report.errors)
    assert any("/blank/" in e and "no text" in e for e in report.errors)
    assert server.url(HOST, "/empty/") not in report.validators


def test_wrong_content_type_is_skipped_without_download(server):
    server.add(HOST, "/chart.png", Reply(b"\x89PNG" + b"0" * 1000, content_type="image/png"))
    report = run([serve_feed(server, "/chart.png")])
    assert report.pages == []
    (row,) = rows_for(report, server, "/chart.png")
    assert "content type image/png" in row["error"] and row["bytes"] == 0


def test_connection_refused_is_retried_then_logged():
    # Nothing listens on this port; the source fails, and the run still returns.
    srv = FetchServer()
    port = srv.port
    srv.close()
    source = Source("gone", "feed", f"http://{HOST}:{port}/feed.xml", (HOST,), {})
    report = run([source], retries=1)
    assert report.failed_sources == ["gone"]
    assert any("connection error" in (r["error"] or "") for r in report.log_rows)


def test_malformed_feed_with_entries_is_used_with_a_warning(server):
    server.add_site(HOST, "faults")
    server.add_site(HOST, "inspectorate")
    source = Source("bozo", "feed", server.url(HOST, "/malformed.rss"), (HOST,), {})
    report = run([source])
    assert report.failed_sources == []
    assert server.url(HOST, "/news/kent-custody-inspection/") in {p.url for p in report.pages}
    assert any("malformed feed used anyway" in w for w in report.warnings)


def test_unusable_feed_fails_the_source_only(server):
    server.add_site(HOST, "faults")
    server.add_site("localhost", "newsroom")
    bad = Source("unusable", "feed", server.url(HOST, "/unusable.rss"), (HOST,), {})
    good = Source("newsroom", "feed", server.url("localhost", "/rss.xml"), ("localhost",), {})
    report = run([bad, good])
    assert report.failed_sources == ["unusable"]
    assert any(e.startswith("unusable: source failed") for e in report.errors)
    assert len(report.pages) == 2  # the other source is unaffected


def test_entity_expansion_bomb_is_rejected_with_little_memory(server):
    server.add_site(HOST, "faults")
    source = Source("bomb", "feed", server.url(HOST, "/bomb.xml"), (HOST,), {})
    tracemalloc.start()
    try:
        report = run([source])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.failed_sources == ["bomb"]
    assert any("entit" in e for e in report.errors)
    assert report.pages == []
    assert server.count(path="/news/kent-custody-inspection/") == 0
    assert peak < 20 * 1024 * 1024  # fully expanded, the bomb would be about 20 GB


def test_robots_txt_unreachable_blocks_the_host(server):
    server.add(HOST, "/robots.txt", Reply(b"", status=500, validators=False))
    server.add(HOST, "/a/", Reply(ARTICLE))
    report = run([serve_feed(server, "/a/")], retries=0)
    assert report.failed_sources == ["faults"]
    assert server.count(path="/feed.xml") == 0
    assert any("unreachable: robots.txt answered HTTP 500" in e
               for e in report.errors + report.warnings)


def test_robots_crawl_delay_is_honoured(server):
    server.add(
        HOST, "/robots.txt", Reply(b"User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain")
    )
    server.add(HOST, "/a/", Reply(ARTICLE))
    report = run([serve_feed(server, "/a/")])
    assert len(report.pages) == 1
    feed, article = server.seen(path="/feed.xml")[0], server.seen(path="/a/")[0]
    assert article.at - feed.at >= 0.29


def test_per_host_delay_runs_from_the_end_of_a_slow_request(server):
    # A reply slower than the delay: starts alone would let the next request in at once.
    server.add(HOST, "/slow/", Reply(ARTICLE, delay=0.3))
    server.add(HOST, "/next/", Reply(ARTICLE + b"2"))
    run([serve_feed(server, "/slow/", "/next/")], per_host_delay=0.2)
    slow, after = server.seen(path="/slow/")[0], server.seen(path="/next/")[0]
    assert after.at - slow.at >= 0.3 + 0.2


def test_per_host_delay_spaces_requests(server):
    for n in range(4):
        server.add(HOST, f"/p{n}/", Reply(ARTICLE + str(n).encode()))
    run([serve_feed(server, *(f"/p{n}/" for n in range(4)))], per_host_delay=0.1)
    times = sorted(s.at for s in server.seen() if s.path.startswith("/p"))
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= 0.09
