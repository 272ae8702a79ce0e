"""Loading sources files: the defaults load, and every bad file fails with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.fetch import (
    FetchConfig,
    SourcesError,
    load_fetch_config,
    load_sources,
    source_for_url,
)

FIXTURES = Path(__file__).parent / "fixtures"
DEFAULT_SOURCES = Path(__file__).parent.parent / "rules" / "sources.yaml"


ENGAGE_FORCES = ("cleveland", "greater-manchester", "staffordshire", "gloucestershire",
                 "wiltshire", "devon-cornwall", "west-midlands", "nottinghamshire",
                 "lincolnshire", "humberside")


def test_default_sources_file_loads():
    sources = load_sources(DEFAULT_SOURCES)
    names = {s.name for s in sources}
    assert {"hmicfrs-news", "govuk-hmicfrs", "govuk-home-office-police", "bbc-uk-news",
            "met-police-news"} <= names
    kinds = {s.kind for s in sources}
    assert kinds == {"feed", "listing", "govuk"}
    by_name = {s.name: s for s in sources}
    # The slug GOV.UK knows; a wrong one returns 0 results without any error.
    inspectorate = by_name["govuk-hmicfrs"]
    assert inspectorate.options["organisations"] == [
        "hm-inspectorate-of-constabulary-and-fire-rescue-services"]
    assert "assets.publishing.service.gov.uk" in inspectorate.allowed_hosts
    govuk = by_name["govuk-home-office-police"]
    assert govuk.options["organisations"] == ["home-office"]
    assert set(govuk.options["document_types"]) == {"news_story", "press_release"}
    # Every force that has been in Engage, through its Single Online Home RSS feed.
    feeds = [s.start_url for s in sources if s.kind == "feed"]
    for force in ENGAGE_FORCES:
        assert any(url.endswith(f"/news/{force}/news/GetNewsRss/") for url in feeds), force
    assert by_name["met-police-news"].start_url.startswith("https://news.met.police.uk/rss/")
    listing = by_name["hmicfrs-news"]
    assert "/news/news-feed/" in listing.options["item_pattern"]
    assert "item_selector" not in listing.options  # div cards: the pattern finds them
    assert all(s.options.get("confidence") in ("documented", "best-guess") for s in sources)
    bbc = by_name["bbc-uk-news"]
    assert "www.bbc.co.uk" in bbc.allowed_hosts and "police" in bbc.options["title_pattern"]
    config = load_fetch_config(DEFAULT_SOURCES)
    assert config.per_host_delay >= 1.0 and "+https://" in config.user_agent
    assert "application/pdf" in config.allowed_content_types


def test_valid_fixture_file():
    sources = load_sources(FIXTURES / "sources-valid.yaml")
    assert [s.name for s in sources] == ["inspectorate-feed", "newsroom", "govuk-hmicfrs", "corpus"]
    feed = sources[0]
    assert feed.start_url == "https://inspectorate.example.org/feed/"
    assert feed.allowed_hosts == ("inspectorate.example.org",)
    newsroom = sources[1]
    assert newsroom.allowed_hosts == ("news.example.org", "media.example.org")
    assert newsroom.options["max_pages"] == 2 and newsroom.options["title_selector"] == "h3"
    assert sources[3].kind == "local" and sources[3].options == {"path": "corpus/"}
    config = load_fetch_config(FIXTURES / "sources-valid.yaml")
    assert config.per_host_delay == 0.5 and config.retries == 1
    assert config.read_timeout == FetchConfig().read_timeout


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("sources-unknown-key.yaml", "unknown key 'item_selectr'"),
        ("sources-bad-selector.yaml", "'item_selector' is not a valid CSS selector"),
    ],
)
def test_bad_fixture_files(name, message):
    with pytest.raises(SourcesError) as err:
        load_sources(FIXTURES / name)
    text = str(err.value)
    assert message in text and name in text and "'newsroom'" in text
    assert "\n" not in text


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    return path


FEED = "  - {name: a, kind: feed, start_url: 'https://a.example.org/rss'}\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources: [\n", "not valid YAML"),
        ("- just a list\n", "expected a mapping"),
        ("sources: []\n", "non-empty list"),
        ("source:\n" + FEED, "unknown top-level key 'source'"),
        ("sources:\n  - {name: a, kind: blog, start_url: 'https://a.org/'}\n", "'kind' must be"),
        ("sources:\n  - {name: A B, kind: feed, start_url: 'https://a.org/'}\n", "'name'"),
        ("sources:\n  - {name: a, kind: feed}\n", "'start_url' is required"),
        ("sources:\n  - {name: a, kind: feed, start_url: 'ftp://a.org/'}\n", "http(s)"),
        ("sources:\n" + FEED + FEED, "duplicate name"),
        (
            "sources:\n  - {name: a, kind: feed, start_url: 'https://a.org/', max_items: 0}\n",
            "'max_items' must be a whole number",
        ),
        (
            "sources:\n  - {name: a, kind: feed, start_url: 'https://a.org/', allowed_hosts: x}\n",
            "'allowed_hosts'",
        ),
        (
            "sources:\n  - {name: a, kind: govuk, start_url: 'https://www.gov.uk'}\n",
            "needs organisations",
        ),
        (
            "sources:\n  - {name: a, kind: listing, start_url: 'https://a.org/', "
            "item_pattern: '('}\n",
            "'item_pattern'",
        ),
        (
            "settings: {per_host_delay: fast}\nsources:\n" + FEED,
            "settings: setting 'per_host_delay'",
        ),
        ("settings: {delay: 1}\nsources:\n" + FEED, "unknown setting 'delay'"),
        (
            "sources:\n  - {name: a, kind: feed, start_url: 'https://a.org/', "
            "title_pattern: '[police'}\n",
            "'title_pattern' is not a valid regular expression",
        ),
        (
            "sources:\n  - {name: a, kind: feed, start_url: 'https://a.org/', "
            "confidence: sure}\n",
            "'confidence' must be one of documented, best-guess",
        ),
        (
            "sources:\n  - {name: a, kind: listing, start_url: 'https://a.org/', "
            "page_url: 'https://a.org/news/page/2/'}\n",
            "'page_url' must be a URL with {page}",
        ),
        (
            "sources:\n  - {name: a, kind: govuk, start_url: 'https://www.gov.uk', "
            "organisations: [x], page_url: 'https://a.org/{page}/'}\n",
            "unknown key 'page_url' for kind govuk",
        ),
        ("settings: {per_host_concurrency: 9}\nsources:\n" + FEED, "per_host_concurrency"),
    ],
)
def test_bad_files_fail_with_one_line(tmp_path, text, message):
    with pytest.raises(SourcesError) as err:
        load_sources(write(tmp_path, text))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_shared_values_through_anchors(tmp_path):
    path = write(tmp_path, "x-words: &words 'police|constabulary'\nsources:\n"
                 "  - {name: a, kind: feed, start_url: 'https://a.org/rss',"
                 " title_pattern: *words}\n")
    (source,) = load_sources(path)
    assert source.options["title_pattern"] == "police|constabulary"


def test_missing_file(tmp_path):
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "nope.yaml")


def test_source_for_url():
    source = source_for_url("HTTPS://News.Example.org/latest?utm_medium=email#x")
    assert source.kind == "auto"
    assert source.start_url == "https://news.example.org/latest"
    assert source.allowed_hosts == ("news.example.org",)
    assert source.name == "news.example.org"
    with pytest.raises(SourcesError):
        source_for_url("file:///etc/passwd")
