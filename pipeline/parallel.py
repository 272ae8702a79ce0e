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
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from pipeline.extract import Toolkit, default_toolkit, extract_events
from pipeline.models import Document, Event

# Chunks queued per worker: enough that no worker waits for the parent, few enough that
# memory does not grow with the input.
CHUNKS_PER_WORKER = 2
# "fork" starts a worker in milliseconds and shares the parent's loaded pipeline; "spawn"
# (the only choice on some platforms) imports spaCy and builds the pipeline afresh, about a
# second per worker, and needs the `if __name__ == "__main__":` guard in scripts.
DEFAULT_START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"

_toolkit: Toolkit | None = None


def _init_worker(parent: int) -> None:
    """Build the pipeline once per worker process; loading patterns is the expensive part.

    `parent` is the parent's pid as the parent saw it: read here with os.getppid() after a
    slow start, it could already be init's, and the watch would never fire.
    """
    global _toolkit
    _exit_with_parent(parent)
    _toolkit = default_toolkit()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL under cron, say) must not linger forever.

    Sibling workers keep the task pipe open, so a killed parent never shows up as EOF; a
    daemon thread watches for the worker being re-parented and ends the process.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


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
    started when iteration begins and stopped when the iterator is exhausted, closed or
    fails. Forked workers copy the parent as it is at that moment, so start iterating with
    no database connection open (or pass start_method="spawn"). The input is read lazily,
    at most workers * 2 * batch_size documents ahead of what has been yielded. An exception
    raised by extraction is re-raised here; a worker that dies raises BrokenProcessPool.
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
    # A process pool executor, not multiprocessing.Pool: if a worker dies (killed for
    # memory, say), the pending results fail with BrokenProcessPool instead of never coming.
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(start_method),
                                   initializer=_init_worker, initargs=(os.getpid(),))
    pending: deque[tuple[list[Document], Future]] = deque()
    try:
        for chunk in _chunks(documents, batch_size):
            pending.append((chunk, executor.submit(_extract_chunk, chunk)))
            if len(pending) >= workers * CHUNKS_PER_WORKER:
                yield from _ready(pending.popleft())
        while pending:
            yield from _ready(pending.popleft())
    finally:
        # Every result has been collected, or the caller stopped early, or extraction
        # failed: queued chunks are dropped and the workers exit after their current one.
        executor.shutdown(wait=True, cancel_futures=True)


def _ready(entry: tuple[list[Document], Future]) -> Iterator[tuple[Document, list[Event]]]:
    chunk, future = entry
    yield from zip(chunk, future.result(), strict=True)
