"""Feeds that carry the story: what is stored is the page, and the feed's copy only when the
page cannot be had.

RSS items put the whole story in <description> (HTML-escaped) or in content:encoded, or
only a teaser. The page at the item's link is the document whenever it can be fetched; a
page that answers 403 or 404 is replaced by the feed's copy when the feed has the whole
story, never by a teaser. A source's title_pattern reads the teaser's words, not its markup.
Every feed and page here is written for this file and served on 127.0.0.1.
"""

from __future__ import annotations

from datetime import date
from html import escape

import pytest
from fetch_server import FetchServer, Reply, fast_config

from pipeline.extract import extract_events
from pipeline.fetch import Source, fetch_sources
from pipeline.fetch.feeds import STORY_MIN_WORDS, parse_feed
from pipeline.parse import parse_fetched

HOST = "127.0.0.1"
FILLER = ("Inspectors looked at how the force answers calls, how it looks after victims and "
          "how it supervises investigations, and spoke to officers and staff across the "
          "county over several weeks. ")
WHOLE_STORY = ("<p>Norfolk Constabulary has been placed in special measures by the police "
               "inspectorate.</p>" + "".join(f"<p>{FILLER}</p>" for _ in range(6)) +
               "<p>Chief Constable Dan Hale said: &#8220;We accept the findings and we are "
               "already putting things right for the public.&#8221;</p>")
PAGE = ("<html><head><title>Force update</title></head><body><nav>Home News</nav><article>"
        "<h1>Suffolk Constabulary leaves Engage</h1><p>Suffolk Constabulary has been moved out "
        "of the Engage phase of monitoring, inspectors said.</p></article></body></html>")


def _item(slug: str, title: str, description: str = "", encoded: str = "") -> str:
    parts = [f"<title>{title}</title>", f"<link>http://{HOST}:@PORT@/news/{slug}/</link>",
             "<pubDate>Tue, 04 Jun 2024 10:00:00 +0100</pubDate>"]
    if description:
        parts.append(f"<description>{escape(description)}</description>")
    if encoded:
        parts.append(f"<content:encoded><![CDATA[{encoded}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


def _feed(port: int, *items: str) -> bytes:
    body = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
            'modules/content/"><channel><title>Newsroom</title>' + "".join(items) +
            "</channel></rss>")
    return body.replace("@PORT@", str(port)).encode("utf-8")


@pytest.fixture
def server():
    srv = FetchServer()
    yield srv
    srv.close()


def _run(srv: FetchServer, **options):
    source = Source("newsroom", "feed", srv.url(HOST, "/rss.xml"), (HOST,), options)
    return fetch_sources([source], run_id="run-1", validators={}, config=fast_config(retries=0))


def _documents(report) -> dict:
    return {page.url.rsplit("/", 2)[-2]: parse_fetched(
        page.body, url=page.url, source=page.source, content_type=page.content_type,
        encoding=page.encoding, title_hint=page.title_hint, published_hint=page.published_hint)
        for page in report.pages}


def test_a_page_that_answers_is_stored_even_when_the_feed_has_the_story(server):
    server.add(HOST, "/rss.xml", Reply(_feed(server.port, _item(
        "suffolk", "Suffolk leaves Engage", "A short teaser.", encoded=WHOLE_STORY)),
        content_type="application/rss+xml"))
    server.add_text(HOST, "/news/suffolk/", PAGE)
    docs = _documents(_run(server))
    assert list(docs) == ["suffolk"]
    assert "Suffolk Constabulary has been moved out" in docs["suffolk"].text
    assert "Norfolk" not in docs["suffolk"].text
    assert "Home News" not in docs["suffolk"].text


@pytest.mark.parametrize("carried", ["escaped description", "content:encoded"])
def test_a_blocked_page_is_read_from_the_feeds_whole_story(server, carried):
    item = (_item("norfolk", "Force in special measures", WHOLE_STORY) if carried ==
            "escaped description" else
            _item("norfolk", "Force in special measures", "A teaser.", encoded=WHOLE_STORY))
    server.add(HOST, "/rss.xml", Reply(_feed(server.port, item),
                                       content_type="application/rss+xml"))
    server.add(HOST, "/news/norfolk/", Reply(b"Forbidden", status=403))
    report = _run(server)
    docs = _documents(report)
    assert list(docs) == ["norfolk"]
    doc = docs["norfolk"]
    assert doc.title == "Force in special measures"
    assert doc.published_date == date(2024, 6, 4)
    assert "<p>" not in doc.text and "&#8220;" not in doc.text
    events = extract_events(doc)
    assert {(e.force_id, e.phase_to) for e in events if e.event_type == "phase_change"} == {
        ("norfolk-constabulary", "engage")}
    assert {e.person_name for e in events if e.event_type == "statement"} == {"Dan Hale"}
    assert any("feed's copy" in w and "403" in w for w in report.warnings)
    # The feed is read again next run, so the page itself is asked for again.
    assert report.validators.get(server.url(HOST, "/rss.xml"), (None, None)) == (None, None)


def test_a_teaser_never_stands_in_for_a_missing_page(server):
    server.add(HOST, "/rss.xml", Reply(_feed(server.port, _item(
        "kent", "Kent Police in special measures", "<p>Kent Police has been placed in "
        "special measures.</p>")), content_type="application/rss+xml"))
    server.add(HOST, "/news/kent/", Reply(b"gone", status=404))
    report = _run(server)
    assert report.pages == []
    assert any("404" in e for e in report.errors)


def test_a_title_pattern_reads_the_teasers_words_not_its_markup(server):
    teaser = "<p>Inspectors put the force into special <b>measures</b> today.</p>"
    server.add(HOST, "/rss.xml", Reply(_feed(server.port, _item("suffolk", "Force update",
               teaser)), content_type="application/rss+xml"))
    server.add_text(HOST, "/news/suffolk/", PAGE)
    report = _run(server, title_pattern="special measures")
    assert [p.url for p in report.pages] == [server.url(HOST, "/news/suffolk/")]


def test_only_a_description_long_enough_to_be_the_story_is_one():
    short = "<p>" + " ".join(["word"] * (STORY_MIN_WORDS - 1)) + "</p>"
    long = "<p>" + " ".join(["word"] * STORY_MIN_WORDS) + "</p>"
    body = _feed(80, _item("a", "A", short), _item("b", "B", long))
    items, _ = parse_feed(body, base_url=f"http://{HOST}/rss.xml")
    assert [i.story is not None for i in items] == [False, True]
    assert items[0].summary == " ".join(["word"] * (STORY_MIN_WORDS - 1))
