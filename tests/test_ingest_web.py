"""End to end over HTTP: a sources file pointing at local fixture sites, through the CLI."""

from __future__ import annotations

import duckdb
import pytest
import yaml
from fetch_server import FetchServer, feed_sites

from tests.conftest import run_cli


@pytest.fixture
def sites():
    srv = feed_sites()
    yield srv
    srv.close()


def _sources_file(tmp_path, srv: FetchServer):
    spec = {
        "settings": {"per_host_delay": 0.01, "connect_timeout": 1.0, "read_timeout": 1.0,
                     "backoff_base": 0.01, "retries": 1},
        "sources": [
            {"name": "inspectorate", "kind": "feed",
             "start_url": srv.url("127.0.0.1", "/feeds/news.atom"),
             "allowed_hosts": [f"127.0.0.1:{srv.port}"]},
            {"name": "newsroom", "kind": "feed", "start_url": srv.url("localhost", "/rss.xml"),
             "allowed_hosts": ["localhost"]},
        ],
    }
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(spec))
    return path


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_sources_file_is_fetched_extracted_and_stored(tmp_path, sites):
    db = tmp_path / "events.duckdb"
    sources = _sources_file(tmp_path, sites)
    first = run_cli("ingest", "--sources", str(sources), "--db", str(db))
    assert first.returncode in (0, 1), first.stderr
    documents = _rows(db, "SELECT count(*) FROM documents")[0][0]
    assert documents >= 3
    assert _rows(db, "SELECT count(*) FROM events")[0][0] > 0
    urls = [r[0] for r in _rows(db, "SELECT url FROM documents")]
    assert all(u.startswith("http://") for u in urls)
    assert _rows(db, "SELECT count(*) FROM fetch_log")[0][0] >= documents
    assert _rows(db, "SELECT count(*) FROM document_urls")[0][0] >= documents
    # Evidence stays grounded for fetched pages too.
    for evidence, start, end, text in _rows(
            db, "SELECT e.evidence, e.char_start, e.char_end, d.text FROM events e "
                "JOIN documents d USING (doc_id)"):
        assert text[start:end] == evidence

    sites.reset_log()
    counts = _rows(db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)")
    second = run_cli("ingest", "--sources", str(sources), "--db", str(db))
    assert second.returncode in (0, 1)
    assert "0 new" in second.stdout and "0 changed" in second.stdout
    assert _rows(db, "SELECT (SELECT count(*) FROM documents), "
                     "(SELECT count(*) FROM events)") == counts
    pages = [s for s in sites.seen() if not s.path.startswith("/robots.txt")]
    assert pages and all("if-none-match" in {k.lower() for k in s.headers}
                         or "if-modified-since" in {k.lower() for k in s.headers}
                         for s in pages)


def test_one_url_without_a_sources_file(tmp_path, sites):
    db = tmp_path / "events.duckdb"
    result = run_cli("ingest", "--source", sites.url("localhost", "/rss.xml"), "--db", str(db))
    assert result.returncode in (0, 1), result.stderr
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] >= 1


def test_bad_sources_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - name: x\n    kind: carrier-pigeon\n")
    result = run_cli("ingest", "--sources", str(bad), "--db", str(tmp_path / "x.duckdb"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
