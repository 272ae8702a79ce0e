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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


OnError = Callable[[Document, str], None]
# Worker processes that may die (killed for memory, say) in one call before extraction gives
# up: a document that kills its worker is named and skipped, but a machine on which every
# worker dies should stop the run, not fail every document slowly.
MAX_WORKER_DEATHS = 10


class ExtractionError(Exception):
    """Extraction of one document failed and no on_error was given; the message is one line."""


def failure_reason(exc: BaseException) -> str:
    """One line for an exception raised while extracting one document."""
    if isinstance(exc, MemoryError):
        return "extraction ran out of memory"
    if isinstance(exc, RecursionError):
        return "extraction failed: text nested too deeply"
    detail = " ".join(str(exc).split())
    return f"extraction failed: {type(exc).__name__}: {detail}"[:500]


def _extract_one(document: Document, toolkit: Toolkit) -> list[Event] | str:
    """The events, or the one-line reason they could not be had: one bad document (spaCy's
    E088, a MemoryError) must not take the others of its chunk with it."""
    try:
        return extract_events(document, toolkit)
    except Exception as exc:  # noqa: BLE001 - every failure is that document's, by design
        return failure_reason(exc)


def _extract_chunk(documents: list[Document]) -> list[list[Event] | str]:
    return [_extract_one(document, _toolkit) for document in documents]


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_documents(documents: Iterable[Document], *, workers: int, batch_size: int = 64,
                      start_method: str = DEFAULT_START_METHOD, on_error: OnError | None = None
                      ) -> Iterator[tuple[Document, list[Event]]]:
    """Yield (document, its events) for every document that could be extracted, in order.

    workers=1 extracts in this process with no pool. With more, `workers` processes are
    started when iteration begins and stopped when the iterator is exhausted, closed or
    fails. Forked workers copy the parent as it is at that moment, so start iterating with
    no database connection open (or pass start_method="spawn"). The input is read lazily,
    at most workers * 2 * batch_size documents ahead of what has been yielded.

    A document whose extraction raises (or whose worker dies) is not yielded: it goes to
    `on_error(document, reason)`, or raises ExtractionError when no on_error is given.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    report = on_error or _raise
    if workers == 1:
        toolkit = default_toolkit()
        for document in documents:
            result = _extract_one(document, toolkit)
            if isinstance(result, str):
                report(document, result)
            else:
                yield document, result
        return
    yield from _extract_in_pool(documents, workers, batch_size, start_method, report)


def _raise(document: Document, reason: str) -> None:
    raise ExtractionError(f"{document.url}: {reason}")


class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, workers: int, start_method: str) -> None:
        self.workers, self.start_method, self.deaths = workers, start_method, 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # A process pool executor, not multiprocessing.Pool: if a worker dies (killed for
        # memory, say), the pending results fail with BrokenProcessPool instead of never
        # coming.
        return ProcessPoolExecutor(self.workers,
                                   mp_context=multiprocessing.get_context(self.start_method),
                                   initializer=_init_worker, initargs=(os.getpid(),))

    def submit(self, chunk: list[Document]) -> Future:
        try:
            return self.executor.submit(_extract_chunk, chunk)
        except BrokenProcessPool:  # a worker died before any result said so
            self.restart(self.executor)
            return self.executor.submit(_extract_chunk, chunk)

    def restart(self, broken: ProcessPoolExecutor) -> None:
        """After a death: a new pool (once, however many results reported the same death)."""
        if broken is not self.executor:
            return
        self.deaths += 1
        if self.deaths > MAX_WORKER_DEATHS:
            raise RuntimeError(f"extraction workers died {self.deaths} times; stopping")
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _extract_in_pool(documents: Iterable[Document], workers: int, batch_size: int,
                     start_method: str, report: OnError
                     ) -> Iterator[tuple[Document, list[Event]]]:
    pool = _Pool(workers, start_method)
    pending: deque[tuple[list[Document], Future, ProcessPoolExecutor]] = deque()
    try:
        for chunk in _chunks(documents, batch_size):
            pending.append((chunk, pool.submit(chunk), pool.executor))
            if len(pending) >= workers * CHUNKS_PER_WORKER:
                yield from _ready(pending.popleft(), pool, report)
        while pending:
            yield from _ready(pending.popleft(), pool, report)
    finally:
        # Every result has been collected, or the caller stopped early, or extraction
        # failed: queued chunks are dropped and the workers exit after their current one.
        pool.shutdown()


def _ready(entry: tuple[list[Document], Future, ProcessPoolExecutor], pool: _Pool,
           report: OnError) -> Iterator[tuple[Document, list[Event]]]:
    chunk, future, executor = entry
    try:
        results = future.result()
    except BrokenProcessPool:
        # A worker died: every chunk it was sent fails alike. Redo this one a document at a
        # time in a new pool, so that only the document that kills its worker is lost.
        pool.restart(executor)
        results = [_alone(document, pool) for document in chunk]
    for document, result in zip(chunk, results, strict=True):
        if isinstance(result, str):
            report(document, result)
        else:
            yield document, result


def _alone(document: Document, pool: _Pool) -> list[Event] | str:
    future = pool.submit([document])
    executor = pool.executor
    try:
        return future.result()[0]
    except BrokenProcessPool:
        pool.restart(executor)
        return "extraction stopped: its worker process died (out of memory?)"
