"""Long fetches: an ad-hoc feed reads a bounded number of items, what is fetched is stored
batch by batch while the fetch goes on, and a run that fails keeps its fetch log."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest
import yaml
from fetch_server import FetchServer, Reply, fast_config

from pipeline import ingest as ingest_module
from pipeline.fetch import source_for_url
from pipeline.fetch import sources as sources_module
from pipeline.ingest import ingest_sources
from pipeline.limits import AD_HOC_MAX_ITEMS
from tests.conftest import ROOT
from tests.hostile import GOOD_FORCES, LAUNCHER, rows

ITEMS = 60


def _page(n: int) -> str:
    force = GOOD_FORCES[n % len(GOOD_FORCES)]
    return (f"<html><head><title>Release {n}</title></head><body><article><h1>Release {n}"
            f"</h1><p>{force} was moved into Engage on {n % 27 + 1} March 2024.</p>"
            f"<p>Item {n} of a long feed.</p></article></body></html>")


def _rss(srv: FetchServer, host: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>Release {n}</title><link>{srv.url(host, path)}</link>"
                    "<pubDate>Mon, 04 Mar 2024 10:00:00 +0000</pubDate></item>"
                    for n, path in enumerate(paths))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
            f"{items}</channel></rss>")


@pytest.fixture(scope="module")
def long_feed():
    """/feed.xml lists ITEMS releases; /slow-feed.xml lists twenty, then one that does not
    answer until `release` is set (a fetch that is still going on)."""
    srv = FetchServer()
    host = "127.0.0.1"
    for n in range(ITEMS):
        srv.add_text(host, f"/news/{n}", _page(n))
    release = threading.Event()

    def hanging(_seen):
        release.wait(60)
        return Reply(_page(99).encode())

    srv.add(host, "/news/hanging", hanging)
    srv.add_text(host, "/feed.xml", _rss(srv, host, [f"/news/{n}" for n in range(ITEMS)]),
                 content_type="application/rss+xml")
    srv.add_text(host, "/slow-feed.xml", _rss(srv, host, [
        *(f"/news/{n}" for n in range(20)), "/news/hanging"]),
        content_type="application/rss+xml")
    yield srv, srv.url(host, "/feed.xml"), release
    release.set()
    srv.close()


def test_ad_hoc_feed_reads_a_bounded_number_of_items(tmp_path, long_feed, monkeypatch):
    """Finding 6: `--source URL` has a max_items default (AD_HOC_MAX_ITEMS; 25 here)."""
    srv, url, _ = long_feed
    assert source_for_url(url).options["max_items"] == AD_HOC_MAX_ITEMS < 1000
    monkeypatch.setattr(sources_module, "AD_HOC_MAX_ITEMS", 25)
    srv.reset_log()
    db = tmp_path / "events.duckdb"
    summary = ingest_sources([source_for_url(url)], db, config=fast_config())
    assert summary.new == 25 and summary.ok
    assert sum(1 for s in srv.seen() if s.path.startswith("/news/")) == 25
    assert rows(db, "SELECT count(*) FROM documents") == [(25,)]


def test_killed_fetch_keeps_the_batches_it_stored(tmp_path, long_feed):
    """Finding 6: pages are stored batch by batch while the fetch is still going on (its
    last page does not answer), so SIGKILL after twelve documents keeps two batches of
    five, with their fetch log."""
    _srv, url, release = long_feed
    slow = url.replace("/feed.xml", "/slow-feed.xml")
    spec = {"settings": {"per_host_delay": 0.01, "read_timeout": 60.0, "retries": 0},
            "sources": [{"name": "long", "kind": "feed", "start_url": slow,
                         "allowed_hosts": [slow.split("/")[2]]}]}
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump(spec))
    db = tmp_path / "events.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PIPELINE_TEST_PAUSE_AT": "extracted:12"}
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, '{"batch_size": 5}', "ingest", "--sources",
         str(sources), "--db", str(db), "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(60, process.kill)  # a run that waits for the whole fetch
    watchdog.start()
    try:
        paused = process.stderr.readline()
        assert not release.is_set()  # the fetch had not finished
        assert paused.startswith("paused at extracted"), paused
    finally:
        watchdog.cancel()
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
    assert rows(db, "SELECT count(*) FROM documents") == [(10,)]
    stored = {u for (u,) in rows(db, "SELECT url FROM documents")}
    logged = {u for (u,) in rows(db, "SELECT url FROM fetch_log WHERE status = 200")}
    assert stored <= logged
    assert rows(db, "SELECT status FROM runs") == [("running",)]


def test_failed_run_keeps_its_fetch_log(tmp_path, long_feed, monkeypatch):
    """Finding 22: the write fails, the run fails, and every request is still logged."""
    srv, url, _ = long_feed
    monkeypatch.setattr(sources_module, "AD_HOC_MAX_ITEMS", 8)

    def write_documents(con, batch):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(ingest_module, "write_documents", write_documents)
    srv.reset_log()
    db = tmp_path / "events.duckdb"
    with pytest.raises(RuntimeError, match="the disk went away"):
        ingest_sources([source_for_url(url)], db, config=fast_config(), run_id="r-failed")
    requests = [s for s in srv.seen() if not s.path.startswith("/robots.txt")]
    logged = rows(db, "SELECT url FROM fetch_log WHERE run_id = 'r-failed' "
                      "AND url NOT LIKE '%robots.txt'")
    assert len(logged) == len(requests) == 9  # the feed and its eight items
    assert rows(db, "SELECT count(*) FROM documents") == [(0,)]
