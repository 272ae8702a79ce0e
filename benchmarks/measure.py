"""Wall time and peak resident memory of one benchmark stage, worker processes included.

Peak memory is sampled (every 250 ms) over the whole process tree, because with parallel
extraction much of it is in the workers; a stage that ends between two samples still gets
one final sample. Forked workers share pages with the parent, so the tree's RSS is summed
as PSS (each shared page split between the processes that map it), which is what the
machine actually holds; plain RSS is used where PSS cannot be read. Without psutil the
figure falls back to this process's lifetime peak (ru_maxrss), which cannot be reset
between stages: the JSON says so in rss_scope. Reading PSS takes the kernel's lock on each
process's memory map, so sampling much more often than this slows the workers measurably
(every 20 ms cost a fifth of the parallel throughput).
"""

from __future__ import annotations

import resource
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

try:
    import psutil
except ImportError:  # the bench extra is not installed
    psutil = None

MB = 1024 * 1024


@dataclass
class Stage:
    """One row of the results table."""

    name: str
    seconds: float = 0.0
    docs: int = 0
    words: int = 0
    rows: int = 0  # event rows, where the stage produces or stores them
    peak_rss_mb: float | None = None
    rss_scope: str = ""  # "tree" (sampled, with workers) or "process-lifetime"
    notes: dict = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float | None:
        return self.docs / self.seconds if self.seconds and self.docs else None

    @property
    def words_per_s(self) -> float | None:
        return self.words / self.seconds if self.seconds and self.words else None

    @property
    def rows_per_s(self) -> float | None:
        return self.rows / self.seconds if self.seconds and self.rows else None

    def to_json(self) -> dict:
        out = asdict(self)
        out.update(docs_per_s=self.docs_per_s, words_per_s=self.words_per_s,
                   rows_per_s=self.rows_per_s)
        return out


def tree_rss() -> int:
    """Resident bytes of this process and all its descendants (summed as PSS), right now."""
    if psutil is None:
        return 0
    me = psutil.Process()
    total = 0
    for process in [me, *me.children(recursive=True)]:
        try:
            info = process.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return total


class _Sampler(threading.Thread):
    def __init__(self, interval: float) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, tree_rss())
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        self.peak = max(self.peak, tree_rss())
        return self.peak


@contextmanager
def measured(stage: Stage, interval: float = 0.25) -> Iterator[Stage]:
    """Time the block and record its peak memory into `stage`."""
    sampler = _Sampler(interval) if psutil is not None else None
    if sampler:
        sampler.start()
    start = time.perf_counter()
    try:
        yield stage
    finally:
        stage.seconds = time.perf_counter() - start
        if sampler:
            stage.peak_rss_mb = sampler.stop() / MB
            stage.rss_scope = "tree (PSS)"
        else:
            stage.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            stage.rss_scope = "process-lifetime"
