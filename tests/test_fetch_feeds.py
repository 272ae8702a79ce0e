"""Feed parsing from bytes: hints, bozo handling, and refusal of entity declarations."""

from __future__ import annotations

from datetime import date

import pytest
from fetch_server import FIXTURE_SITES

from pipeline.fetch.detect import detect_kind
from pipeline.fetch.feeds import FeedError, check_xml_safety, looks_like_feed, parse_feed

BASE = "https://inspectorate.example.org/feeds/news.atom"


def fixture(path: str) -> bytes:
    return (FIXTURE_SITES / path).read_bytes().replace(b"@PORT@", b"8000")


def test_atom_items_with_relative_links_and_local_dates():
    items, warning = parse_feed(fixture("inspectorate/feeds/news.atom"), base_url=BASE)
    assert warning is None
    assert items[0].link == (
        "https://inspectorate.example.org/news/cleveland-police-leaves-engage/"
        "?utm_source=atom&utm_medium=feed"
    )
    assert items[0].title == "Cleveland Police moves out of enhanced monitoring"
    assert items[0].published == date(2024, 6, 12)
    assert len(items) == 3


def test_rss_items_and_max_items():
    items, _ = parse_feed(
        fixture("newsroom/rss.xml"), base_url="http://localhost:8000/rss.xml", max_items=2
    )
    assert [i.published for i in items] == [date(2024, 6, 4), date(2024, 5, 27)]


def test_malformed_feed_with_entries_gives_a_warning():
    items, warning = parse_feed(fixture("faults/malformed.rss"), base_url=BASE)
    assert items and warning and warning.startswith("malformed feed used anyway")


def test_unusable_feed_raises():
    with pytest.raises(FeedError):
        parse_feed(fixture("faults/unusable.rss"), base_url=BASE)


def test_entity_bomb_is_refused_before_parsing():
    with pytest.raises(FeedError, match="entit"):
        check_xml_safety(fixture("faults/bomb.xml"))


def test_entity_declaration_in_utf16_is_refused():
    bomb = (
        fixture("faults/bomb.xml")
        .decode("utf-8")
        .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')
    )
    with pytest.raises(FeedError):
        check_xml_safety(bomb.encode("utf-16"))


def test_external_entity_is_refused():
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><title>&x;</title></channel></rss>"
    )
    with pytest.raises(FeedError):
        check_xml_safety(xxe)


def test_plain_doctype_without_entities_is_accepted():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
        b'0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91">'
        b"<channel><title>t</title><item><title>i</title><link>https://a.org/x</link></item>"
        b"</channel></rss>"
    )
    items, _ = parse_feed(body, base_url="https://a.org/rss")
    assert [i.link for i in items] == ["https://a.org/x"]


def test_detection():
    assert looks_like_feed(fixture("newsroom/rss.xml"))
    assert detect_kind("application/atom+xml", fixture("inspectorate/feeds/news.atom")) == "feed"
    assert detect_kind("application/json", fixture("govuk/search.json")) == "govuk"
    assert detect_kind("text/html", fixture("listing/news/index.html")) == "listing"
    article = fixture("listing/news/met-progress-letter/index.html")
    assert detect_kind("text/html; charset=utf-8", article) == "article"
