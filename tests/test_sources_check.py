"""`sources check` on loopback: one verdict per source, a 403 asked once, exit 1 on failure."""

from __future__ import annotations

import socket

import pytest
import yaml
from fetch_server import FetchServer, Reply

from tests.conftest import run_cli

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
    "<item><title>Older item</title><link>http://127.0.0.1/a</link>"
    "<pubDate>Mon, 02 Sep 2024 10:00:00 +0100</pubDate></item>"
    "<item><title>Newest item</title><link>http://127.0.0.1/b</link>"
    "<pubDate>Wed, 18 Sep 2024 14:32:00 +0100</pubDate></item>"
    "</channel></rss>"
)
SETTINGS = {"per_host_delay": 0.01, "connect_timeout": 1.0, "read_timeout": 1.0,
            "total_timeout": 5.0, "backoff_base": 0.01, "retries": 3}


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def sites():
    srv = FetchServer()
    srv.add("127.0.0.1", "/ok.rss", Reply(RSS.encode(), content_type="application/rss+xml"))
    srv.add("127.0.0.1", "/blocked.rss", Reply(b"Forbidden", status=403,
                                               content_type="text/plain", validators=False))
    srv.add_text("127.0.0.1", "/empty/", "<html><body><main><h1>News</h1><p>Nothing yet."
                 "</p><a href='/about/'>About</a></main></body></html>")
    srv.add_text("localhost", "/robots.txt", "User-agent: *\nDisallow: /private/\n",
                 content_type="text/plain")
    srv.add_govuk("localhost")
    yield srv
    srv.close()


def sources_file(tmp_path, srv: FetchServer, *, failing: bool = True) -> str:
    local = f"127.0.0.1:{srv.port}"
    entries = [
        {"name": "good-feed", "kind": "feed", "start_url": srv.url("127.0.0.1", "/ok.rss"),
         "allowed_hosts": [local]},
        {"name": "search", "kind": "govuk", "start_url": srv.url("localhost", "/api/search.json"),
         "allowed_hosts": ["localhost"]},
        {"name": "switched-off", "kind": "feed", "enabled": False,
         "start_url": srv.url("127.0.0.1", "/blocked.rss"), "allowed_hosts": [local]},
    ]
    if failing:
        entries += [
            {"name": "blocked-feed", "kind": "feed",
             "start_url": srv.url("127.0.0.1", "/blocked.rss"), "allowed_hosts": [local]},
            {"name": "empty-listing", "kind": "listing",
             "start_url": srv.url("127.0.0.1", "/empty/"), "allowed_hosts": [local],
             "item_pattern": "/news/.+"},
            {"name": "private-feed", "kind": "feed",
             "start_url": srv.url("localhost", "/private/feed.rss"),
             "allowed_hosts": ["localhost"]},
            {"name": "gone", "kind": "feed",
             "start_url": f"http://127.0.0.1:{closed_port()}/feed.rss",
             "allowed_hosts": ["127.0.0.1"]},
        ]
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"settings": SETTINGS, "sources": entries}))
    return str(path)


def table_rows(stdout: str) -> dict[str, list[str]]:
    found = {}
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if len(cells) == 7:
            found[cells[0]] = cells
    return found


def test_each_source_gets_a_verdict(tmp_path, sites):
    result = run_cli("sources", "check", "--sources", sources_file(tmp_path, sites), timeout=60)
    assert result.returncode == 1, result.stderr
    table = table_rows(result.stdout)
    assert set(table) - {"source"} == {"good-feed", "search", "blocked-feed", "empty-listing",
                                       "private-feed", "gone"}
    verdicts = {name: cells[6] for name, cells in table.items()}
    assert verdicts["good-feed"] == "ok" and verdicts["search"] == "ok"
    assert verdicts["blocked-feed"] == "blocked (403)"
    assert verdicts["empty-listing"] == "0 items"
    assert verdicts["private-feed"] == "robots"
    assert verdicts["gone"] == "unreachable"
    good = table["good-feed"]
    assert good[2:6] == ["200", "2", "Newest item", "2024-09-18"]
    assert table["search"][3] == "3"
    assert table["blocked-feed"][2] == "403"
    # Asked once, never again; robots.txt keeps us off the private feed altogether.
    assert sites.count("127.0.0.1", "/blocked.rss") == 1
    assert sites.count("localhost", "/private/feed.rss") == 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4
    assert any(line.startswith("error: blocked-feed: blocked (403): ") for line in errors)


def test_all_sources_ok_exits_zero(tmp_path, sites):
    result = run_cli("sources", "check", "--sources",
                     sources_file(tmp_path, sites, failing=False), timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "switched-off" not in result.stdout
    # Only the first pages (and robots.txt): no article was fetched.
    assert {s.path for s in sites.seen()} <= {"/ok.rss", "/robots.txt",
                                             "/api/search.json"} | {
        s.path for s in sites.seen() if s.path.startswith("/api/search.json")}


def test_listing_still_works_without_a_subcommand(tmp_path, sites):
    result = run_cli("sources", "--sources", sources_file(tmp_path, sites),
                     "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 0, result.stderr
    assert "good-feed" in result.stdout and "never" in result.stdout
