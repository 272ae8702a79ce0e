"""Whatever goes wrong with one document (a surprise in a parser, a MemoryError or a spaCy
error in extraction, a worker process that dies) is that document's alone."""

from __future__ import annotations

import os

import pytest

from pipeline import parallel
from pipeline.ingest import ingest_path
from pipeline.models import Document
from pipeline.parallel import extract_documents
from pipeline.parse import files
from tests.hostile import GOOD_FORCES, release, rows


def _folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for day, force in enumerate(GOOD_FORCES, start=1):
        (folder / f"good-{day}.md").write_text(release(force, day), encoding="utf-8")
    (folder / "odd.html").write_text("<html><body><p>Odd page.</p></body></html>")
    return folder


def test_unexpected_exception_reading_one_file_is_one_failure(tmp_path, monkeypatch):
    """Finding 3, generally: not only ParseError; any exception is that file's."""
    original = files.parse_html

    def parse_html(markup, **kwargs):
        if kwargs["url"].endswith("odd.html"):
            raise RuntimeError("surprise\nin the parser")
        return original(markup, **kwargs)

    monkeypatch.setattr(files, "parse_html", parse_html)
    db = tmp_path / "events.duckdb"
    summary = ingest_path(_folder(tmp_path), db)
    assert [f.line() for f in summary.failed] == [
        f"{tmp_path.as_posix()}/inbox/odd.html: cannot read it: RuntimeError: surprise in "
        "the parser"]
    assert summary.new == len(GOOD_FORCES) and summary.usable
    assert rows(db, "SELECT count(*) FROM documents") == [(len(GOOD_FORCES),)]


@pytest.mark.parametrize("workers", [1, 2])
def test_memory_error_in_extraction_is_one_failure(tmp_path, monkeypatch, workers):
    """MemoryError (or spaCy's E088) while extracting one document skips that one only."""
    original = parallel.extract_events

    def extract_events(document, toolkit=None):
        if "Kent" in document.text:
            raise MemoryError
        return original(document, toolkit)

    monkeypatch.setattr(parallel, "extract_events", extract_events)
    db = tmp_path / "events.duckdb"
    summary = ingest_path(_folder(tmp_path), db, workers=workers)
    assert [f.reason for f in summary.failed] == ["extraction ran out of memory"]
    assert summary.failed[0].name.endswith("good-2.md")
    titles = {t for (t,) in rows(db, "SELECT title FROM documents")}
    assert "Kent Police update 2" not in titles and len(titles) == len(GOOD_FORCES)
    assert summary.read == summary.new + len(summary.failed)


def test_a_worker_that_dies_takes_only_its_document(monkeypatch):
    """A worker killed mid-document (out of memory, say): the pool is replaced, that
    document is named, every other one comes back in order."""
    original = parallel.extract_events

    def extract_events(document, toolkit=None):
        if document.url == "doomed":
            os._exit(1)
        return original(document, toolkit)

    monkeypatch.setattr(parallel, "extract_events", extract_events)
    documents = [Document(url=f"doc-{n}", title="", text=f"{force} was moved into Engage.")
                 for n, force in enumerate(GOOD_FORCES * 3)]
    documents.insert(7, Document(url="doomed", title="", text="Anything."))
    failed = []
    results = list(extract_documents(documents, workers=2, batch_size=2,
                                     on_error=lambda d, reason: failed.append((d.url, reason))))
    assert [d.url for d, _ in results] == [d.url for d in documents if d.url != "doomed"]
    assert all(events for _, events in results)
    assert failed == [("doomed", "extraction stopped: its worker process died (out of memory?)")]
