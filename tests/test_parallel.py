"""Parallel extraction gives exactly the serial result, in order, and cleans up its workers."""

from __future__ import annotations

import multiprocessing

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.parallel import extract_documents
from pipeline.parse import iter_source_files, parse_file
from tests.conftest import CORPUS

# Oversight releases with every event type, plain news, HTML and Markdown.
NAMES = (
    "wmp-moved-into-engage.html",
    "staffordshire-revisit-recommendations.md",
    "cleveland-emerges-from-special-measures.html",
    "met-remains-in-engage-update.html",
    "road-closure-a19.txt",
    "gmp-placed-in-special-measures.md",
    "national-roundup-engage-october-2022.md",
)


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    paths = [p for p in iter_source_files(CORPUS) if p.name in NAMES]
    assert len(paths) == len(NAMES)
    return [parse_file(p) for p in paths]


@pytest.fixture(scope="module")
def serial(documents: list[Document]) -> list[list[str]]:
    return [[e.event_id for e in extract_events(d)] for d in documents]


def _ids(results) -> tuple[list[str], list[list[str]]]:
    urls, ids = [], []
    for document, events in results:
        urls.append(document.url)
        ids.append([e.event_id for e in events])
    return urls, ids


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_parallel_equals_serial(documents, serial, start_method):
    if start_method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{start_method} is not available here")
    results = extract_documents(documents, workers=2, batch_size=2, start_method=start_method)
    urls, ids = _ids(results)
    assert urls == [d.url for d in documents]
    assert ids == serial
    assert any(ids), "the sample should yield events"


def test_one_worker_runs_in_process(documents, serial):
    before = multiprocessing.active_children()
    urls, ids = _ids(extract_documents(iter(documents), workers=1))
    assert urls == [d.url for d in documents]
    assert ids == serial
    assert multiprocessing.active_children() == before


def test_events_are_whole_rows(documents):
    """What comes back from a worker is what the store needs, provenance included."""
    (document, events), = extract_documents(documents[:1], workers=2)
    expected = [e.to_row() for e in extract_events(document)]
    assert [e.to_row() for e in events] == expected


def test_stopping_early_stops_the_workers(documents):
    results = extract_documents(documents * 4, workers=2, batch_size=1)
    next(results)
    results.close()
    assert multiprocessing.active_children() == []


def test_empty_input_and_bad_arguments():
    assert list(extract_documents([], workers=2)) == []
    with pytest.raises(ValueError):
        list(extract_documents([], workers=0))
    with pytest.raises(ValueError):
        list(extract_documents([], workers=2, batch_size=0))
