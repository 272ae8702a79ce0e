"""Extraction over many documents in several processes, in order and in bounded memory.

Extraction is a pure function from a Document to Event rows, so whole documents can go to
worker processes: this beats nlp.pipe(n_process=...) for a tokenizer-light pipeline, whose
cost is mostly Python work after tokenising. Each worker builds the spaCy pipeline once, in
its initializer. Documents travel in chunks of `batch_size`, and only a few chunks per
worker are in flight at once, so memory stays flat however long the input is; results come
back in input order, so callers can zip, stream to the store, and report progress as usual.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool

from pipeline.extract import Toolkit, default_toolkit, extract_events
from pipeline.models import Document, Event

# Chunks queued per worker: enough that no worker waits for the parent, few enough that
# memory does not grow with the input.
CHUNKS_PER_WORKER = 2
DEFAULT_START_METHOD = "spawn"

_toolkit: Toolkit | None = None


def _init_worker() -> None:
    """Build the pipeline once per worker process; loading patterns is the expensive part."""
    global _toolkit
    _toolkit = default_toolkit()


def _extract_chunk(documents: list[Document]) -> list[list[Event]]:
    return [extract_events(document, _toolkit) for document in documents]


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_documents(documents: Iterable[Document], *, workers: int, batch_size: int = 64,
                      start_method: str = DEFAULT_START_METHOD
                      ) -> Iterator[tuple[Document, list[Event]]]:
    """Yield (document, its events) for every document, in input order.

    workers=1 extracts in this process with no pool. With more, `workers` processes are
    started (by `start_method`: "spawn" is safe when the caller holds threads, such as an
    open DuckDB connection; "fork" starts faster) and stopped when the iterator is exhausted,
    closed or fails. The input is read lazily, at most workers * 2 * batch_size documents
    ahead of what has been yielded. An exception raised by extraction is re-raised here.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    if workers == 1:
        toolkit = default_toolkit()
        for document in documents:
            yield document, extract_events(document, toolkit)
        return
    yield from _extract_in_pool(documents, workers, batch_size, start_method)


def _extract_in_pool(documents: Iterable[Document], workers: int, batch_size: int,
                     start_method: str) -> Iterator[tuple[Document, list[Event]]]:
    context = multiprocessing.get_context(start_method)
    pool: Pool = context.Pool(workers, initializer=_init_worker)
    pending: deque[tuple[list[Document], AsyncResult]] = deque()
    chunks = _chunks(documents, batch_size)
    try:
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(_extract_chunk, (chunk,))))
            if len(pending) >= workers * CHUNKS_PER_WORKER:
                yield from _ready(pending.popleft())
        while pending:
            yield from _ready(pending.popleft())
        pool.close()
    finally:
        # Normal end: workers exit once idle. Early close or error: stop them at once.
        pool.terminate()
        pool.join()


def _ready(entry: tuple[list[Document], AsyncResult]) -> Iterator[tuple[Document, list[Event]]]:
    chunk, result = entry
    yield from zip(chunk, result.get(), strict=True)
