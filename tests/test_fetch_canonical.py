"""Canonical URLs: one spelling per page, so documents are not stored twice."""

from __future__ import annotations

import pytest

from pipeline.fetch.canonical import UrlError, canonical_url, host_allowed, host_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://WWW.Gov.UK/government/news/x", "https://www.gov.uk/government/news/x"),
        ("https://www.gov.uk", "https://www.gov.uk/"),
        ("https://www.gov.uk:443/a#section-2", "https://www.gov.uk/a"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://a.org/x?utm_source=rss&utm_medium=feed", "https://a.org/x"),
        ("https://a.org/x?page=2&fbclid=abc&gclid=1&msclkid=2", "https://a.org/x?page=2"),
        ("https://a.org/x?UTM_Campaign=y&id=7", "https://a.org/x?id=7"),
        (
            "https://www.bbc.com/news/articles/c1?at_medium=RSS&at_campaign=rss",
            "https://www.bbc.com/news/articles/c1",
        ),
        (
            "https://a.org/search?q=chief%20constable&page=2",
            "https://a.org/search?q=chief%20constable&page=2",
        ),
        ("  https://a.org/x  ", "https://a.org/x"),
    ],
)
def test_canonical_url(raw, expected):
    assert canonical_url(raw) == expected


def test_relative_links_resolve_against_the_page():
    base = "https://a.org/news/page/2/"
    assert canonical_url("../../story/?utm_source=x#top", base) == "https://a.org/news/story/"
    assert canonical_url("//b.org/x", base) == "https://b.org/x"


@pytest.mark.parametrize(
    "bad", ["mailto:press@a.org", "javascript:void(0)", "ftp://a.org/x", "https://", "not a url"]
)
def test_non_web_urls_are_refused(bad):
    with pytest.raises(UrlError):
        canonical_url(bad)


def test_host_rules():
    assert host_allowed("https://www.gov.uk/x", ("www.gov.uk",))
    assert not host_allowed("https://gov.uk/x", ("www.gov.uk",))
    assert not host_allowed("https://www.gov.uk.evil.example/x", ("www.gov.uk",))
    assert host_allowed("http://127.0.0.1:8001/x", ("127.0.0.1",))
    assert host_allowed("http://127.0.0.1:8001/x", ("127.0.0.1:8001",))
    assert not host_allowed("http://127.0.0.1:8002/x", ("127.0.0.1:8001",))
    assert host_key("http://127.0.0.1:8001/x") != host_key("http://127.0.0.1:8002/x")
