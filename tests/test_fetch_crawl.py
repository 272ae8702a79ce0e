"""fetch_sources against the fixture sites: pages, canonical URLs, hints, log rows, reruns."""

from __future__ import annotations

from datetime import date

import pytest
from fetch_server import FetchServer, Reply, fast_config, feed_sites

from pipeline.fetch import FetchReport, Source, fetch_sources, source_for_url

LISTING_OPTIONS = {
    "item_selector": "ul.news-list li",
    "title_selector": "h3",
    "next_selector": "a[rel=next]",
    "max_pages": 3,
}


@pytest.fixture
def server():
    srv = feed_sites()
    yield srv
    srv.close()


@pytest.fixture
def server2():
    """A second port: the listing on 127.0.0.1, the GOV.UK-shaped API on localhost."""
    srv = FetchServer()
    srv.add_site("127.0.0.1", "listing")
    srv.add_govuk("localhost")
    yield srv
    srv.close()


def atom(srv: FetchServer) -> Source:
    return Source(
        "inspectorate",
        "feed",
        srv.url("127.0.0.1", "/feeds/news.atom"),
        (f"127.0.0.1:{srv.port}",),
        {},
    )


def rss(srv: FetchServer) -> Source:
    return Source("newsroom", "feed", srv.url("localhost", "/rss.xml"), ("localhost",), {})


def listing(srv: FetchServer, **options) -> Source:
    return Source(
        "listing",
        "listing",
        srv.url("127.0.0.1", "/news/"),
        ("127.0.0.1",),
        {**LISTING_OPTIONS, **options},
    )


def govuk(srv: FetchServer) -> Source:
    return Source(
        "govuk",
        "govuk",
        srv.url("localhost", "/api/search.json"),
        ("localhost",),
        {
            "organisations": [
                "his-majestys-inspectorate-of-constabulary-and-fire-rescue-services",
                "home-office",
            ],
            "document_types": ["news_story", "press_release"],
            "count": 10,
        },
    )


def run(sources, validators=None, **config) -> FetchReport:
    return fetch_sources(
        sources, run_id="run-1", validators=validators or {}, config=fast_config(**config)
    )


def by_url(report: FetchReport) -> dict:
    return {p.url: p for p in report.pages}


def test_atom_feed_pages_hints_and_robots(server):
    report = run([atom(server)])
    pages = by_url(report)
    cleveland = server.url("127.0.0.1", "/news/cleveland-police-leaves-engage/")
    kent = server.url("127.0.0.1", "/news/kent-custody-inspection/")
    assert set(pages) == {cleveland, kent}
    page = pages[cleveland]
    assert page.source == "inspectorate"
    assert page.seen_urls == (cleveland,)  # utm_source/utm_medium stripped
    assert page.title_hint == "Cleveland Police moves out of enhanced monitoring"
    # 00:30 BST on 12 June: the publisher's date, not the UTC one (11 June).
    assert page.published_hint == date(2024, 6, 12)
    assert page.encoding == "utf-8"
    assert b"Engage phase" in page.body
    assert page.content_type.startswith("text/html")
    # robots.txt disallows /private/: skipped, logged, never requested.
    assert server.count(path="/private/draft-statement/") == 0
    rows = [r for r in report.log_rows if r["url"].endswith("/private/draft-statement/")]
    assert rows and rows[0]["error"] == "disallowed by robots.txt" and rows[0]["status"] is None
    assert any("disallowed by robots.txt" in w for w in report.warnings)
    assert report.failed_sources == [] and report.errors == []
    # robots.txt fetched once for the host.
    assert server.count(path="/robots.txt") == 1


def test_log_rows_have_the_contract_columns(server):
    report = run([atom(server)])
    keys = {
        "run_id",
        "source",
        "url",
        "status",
        "bytes",
        "elapsed_ms",
        "attempt",
        "error",
        "fetched_at",
    }
    assert report.log_rows and all(set(r) == keys for r in report.log_rows)
    feed_row = next(r for r in report.log_rows if r["url"].endswith("/feeds/news.atom"))
    assert feed_row["status"] == 200 and feed_row["attempt"] == 1 and feed_row["bytes"] > 0
    assert feed_row["run_id"] == "run-1" and feed_row["source"] == "inspectorate"


def test_rss_item_on_another_host_is_skipped_and_logged(server):
    report = run([rss(server)])
    pages = by_url(report)
    assert set(pages) == {
        server.url("localhost", "/news/pcc-welcomes-findings/"),
        server.url("localhost", "/news/new-chief-constable/"),
    }
    pcc = pages[server.url("localhost", "/news/pcc-welcomes-findings/")]
    assert pcc.published_hint == date(2024, 6, 4)
    assert pcc.title_hint == "Commissioner welcomes inspection findings"
    off_host = server.url("127.0.0.1", "/news/kent-custody-inspection/")
    assert server.count(host="127.0.0.1") == 0
    row = next(r for r in report.log_rows if r["url"] == off_host)
    assert row["status"] is None and "host not allowed" in row["error"]
    assert any(off_host in w and "host not allowed" in w for w in report.warnings)


def test_off_host_refusal_does_not_block_a_source_allowed_there(server):
    # The newsroom may not fetch the inspectorate's Kent page, but the inspectorate may.
    report = run([rss(server), atom(server)])
    assert server.url("127.0.0.1", "/news/kent-custody-inspection/") in by_url(report)


def test_paginated_listing_three_pages(server2):
    report = run([listing(server2)])
    assert len(report.pages) == 8
    for path in ("/news/", "/news/page/2/", "/news/page/3/"):
        assert server2.count(host="127.0.0.1", path=path) == 1
    pages = by_url(report)
    wm = pages[server2.url("127.0.0.1", "/news/west-midlands-police-leaves-engage/")]
    assert wm.seen_urls == (wm.url,)  # "#top" fragment dropped
    assert wm.title_hint == "West Midlands Police no longer in enhanced monitoring"
    assert wm.published_hint == date(2024, 6, 10)


def test_listing_respects_max_pages(server2):
    report = run([listing(server2, max_pages=2)])
    assert len(report.pages) == 6
    assert server2.count(path="/news/page/3/") == 0


def test_wrong_declared_charset_is_detected(server2):
    report = run([listing(server2)])
    page = by_url(report)[server2.url("127.0.0.1", "/news/wiltshire-cause-of-concern/")]
    assert page.content_type == "text/html; charset=utf-8"  # what the server claimed
    assert page.encoding == "cp1252"
    text = page.text()
    assert "\u00a31.2m" in text and "force\u2019s" in text and "\ufffd" not in text


def test_govuk_search_and_content_api(server2):
    report = run([govuk(server2)])
    search = server2.seen(path="/api/search.json")[0].path
    assert "filter_organisations=home-office" in search
    assert "filter_content_store_document_type=press_release" in search
    assert "order=-public_timestamp" in search and "count=10" in search
    pages = by_url(report)
    assert len(pages) == 3
    url = server2.url(
        "localhost", "/government/news/home-secretary-statement-on-police-performance"
    )
    page = pages[url]
    assert page.seen_urls == (url,)
    assert page.title_hint == "Home Secretary statement on police performance"
    assert page.published_hint == date(2024, 6, 14)  # first_published_at, not the update
    html = page.text()
    assert "<title>Home Secretary statement on police performance</title>" in html
    assert 'property="article:published_time" content="2024-06-14T12:00:00.000+01:00"' in html
    assert "<article>" in html and "trust their local force" in html
    assert page.encoding == "utf-8"


def test_second_run_with_nothing_changed_is_conditional_only(server, server2):
    sources = [atom(server), rss(server), listing(server2), govuk(server2)]
    first = run(sources)
    assert len(first.pages) == 4 + 8 + 3
    assert all(
        etag
        for etag, _ in (first.validators[p.url] for p in first.pages if "/government/" not in p.url)
    )
    server.reset_log()
    server2.reset_log()
    second = run(sources, validators=first.validators)
    assert second.pages == []
    assert second.errors == [] and second.failed_sources == []
    requests = [s for srv in (server, server2) for s in srv.seen() if s.path != "/robots.txt"]
    assert requests
    assert all("if-none-match" in s.headers or "if-modified-since" in s.headers for s in requests)
    statuses = [r["status"] for r in second.log_rows if not r["url"].endswith("/robots.txt")]
    assert statuses and set(statuses) == {304}


def test_304_after_first_run_gives_no_page(server):
    first = run([atom(server)])
    kent = server.url("127.0.0.1", "/news/kent-custody-inspection/")
    # The feed changed (new bytes, new ETag), its articles did not.
    feed = server.routes[("127.0.0.1", "/feeds/news.atom")].body.replace(
        b"</feed>", b"<!-- edited --></feed>"
    )
    server.add("127.0.0.1", "/feeds/news.atom", Reply(feed, content_type="application/atom+xml"))
    second = run([atom(server)], validators=first.validators)
    assert second.pages == []
    kent_rows = [r for r in second.log_rows if r["url"] == kent]
    assert [r["status"] for r in kent_rows] == [304]
    assert kent not in second.validators  # nothing new to save


def test_failed_item_makes_the_feed_unconditional_next_time(server):
    server.add(
        "127.0.0.1", "/news/kent-custody-inspection/", Reply(b"down", status=503, validators=False)
    )
    report = run([atom(server)], retries=0)
    feed_url = server.url("127.0.0.1", "/feeds/news.atom")
    assert report.validators[feed_url] == (None, None)
    assert any("HTTP 503" in e for e in report.errors)
    assert len(report.pages) == 1


def test_listing_stops_at_a_page_of_known_items(server2):
    first = run([listing(server2)])
    # Page 1 now has no validators (always 200) but only known items: stop there.
    page1 = server2.routes[("127.0.0.1", "/news/")]
    server2.add("127.0.0.1", "/news/", Reply(page1.body, validators=False))
    server2.reset_log()
    second = run([listing(server2)], validators=first.validators)
    assert second.pages == []
    assert server2.count(path="/news/") == 1
    assert server2.count(path="/news/page/2/") == 0


def test_shifting_listing_fetches_each_item_once(server2):
    # Between page 1 and page 2 a new story pushed an item down: page 2 repeats it.
    page = """<html><body><main><ul class="news-list">{items}</ul>{next}</main></body></html>"""
    item = '<li><h3><a href="/news/{slug}/">{slug}</a></h3></li>'
    p1 = page.format(
        items=item.format(slug="west-midlands-police-leaves-engage")
        + item.format(slug="met-progress-letter"),
        next='<a rel="next" href="/shift/2/">next</a>',
    )
    p2 = page.format(
        items=item.format(slug="met-progress-letter")
        + item.format(slug="devon-and-cornwall-engage"),
        next="",
    )
    server2.add_text("127.0.0.1", "/shift/", p1)
    server2.add_text("127.0.0.1", "/shift/2/", p2)
    source = Source(
        "shift", "listing", server2.url("127.0.0.1", "/shift/"), ("127.0.0.1",), LISTING_OPTIONS
    )
    report = run([source])
    assert len(report.pages) == 3
    assert server2.count(path="/news/met-progress-letter/") == 1


def test_duplicate_links_collapse_to_one_page(server):
    # The feed links Cleveland with utm_*; a listing links it with a #fragment and through
    # an old URL that redirects to it with a tracking parameter.
    server.add_text(
        "127.0.0.1",
        "/latest/",
        """<html><body><main><ul>
        <li><a href="/news/cleveland-police-leaves-engage/#comments">Cleveland</a></li>
        <li><a href="/news/cleveland-old-url/">Cleveland (old link)</a></li>
        <li><a href="/news/kent-custody-inspection/?fbclid=xyz">Kent</a></li>
        </ul></main></body></html>""",
    )
    server.add(
        "127.0.0.1",
        "/news/cleveland-old-url/",
        Reply(
            b"",
            status=301,
            validators=False,
            headers={"Location": "/news/cleveland-police-leaves-engage/?gclid=1#x"},
        ),
    )
    latest = Source("latest", "listing", server.url("127.0.0.1", "/latest/"), ("127.0.0.1",), {})
    report = run([atom(server), latest])
    cleveland = server.url("127.0.0.1", "/news/cleveland-police-leaves-engage/")
    alias = server.url("127.0.0.1", "/news/cleveland-old-url/")
    assert [p.url for p in report.pages].count(cleveland) == 1
    assert len(report.pages) == 2
    page = by_url(report)[cleveland]
    assert set(page.seen_urls) == {cleveland, alias}
    # Kent (utm-free in the feed, fbclid in the listing) was requested once.
    assert server.count(path="/news/kent-custody-inspection/") == 1


def test_local_sources_are_left_to_ingest(server):
    report = run([Source("corpus", "local", "corpus/", (), {}), atom(server)])
    assert {p.source for p in report.pages} == {"inspectorate"}
    assert "corpus" not in report.failed_sources


def test_progress_callback_reports_each_source(server):
    lines: list[str] = []
    fetch_sources(
        [atom(server)], run_id="r", validators={}, config=fast_config(), progress=lines.append
    )
    assert any(line.startswith("inspectorate: 2 new") for line in lines)


# ------------------------------------------------------------------ ad-hoc --source URL


def test_source_for_url_detects_a_feed(server):
    source = source_for_url(server.url("127.0.0.1", "/feeds/news.atom?utm_source=x"))
    assert source.kind == "auto" and source.allowed_hosts == (f"127.0.0.1:{server.port}",)
    report = run([source])
    assert len(report.pages) == 2


def test_source_for_url_detects_a_listing_with_default_selectors(server2):
    report = run([source_for_url(server2.url("127.0.0.1", "/news/"))])
    assert len(report.pages) == 8  # three pages through a[rel=next]


def test_source_for_url_detects_a_single_article(server):
    url = server.url("127.0.0.1", "/news/kent-custody-inspection/")
    report = run([source_for_url(url)])
    assert [p.url for p in report.pages] == [url]
    assert server.count(path="/news/kent-custody-inspection/") == 1


def test_source_for_url_detects_govuk_search(server2):
    report = run([source_for_url(server2.url("localhost", "/api/search.json?count=3"))])
    assert len(report.pages) == 3
