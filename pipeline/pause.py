"""A test hook for crash tests: PIPELINE_TEST_PAUSE_AT=<point>[:<n>] stops the process there.

A crash test has to kill a run at a known moment (between two documents, inside the write
transaction), which timing alone cannot promise. With the variable set, the n-th time (1st
by default) the process reaches the named point it prints `paused at <point> pid=<pid>` to
stderr and sleeps, so the test can SIGKILL it there. Unset (always, outside tests) it costs
one dictionary lookup.

Points: `extracted` (after each document is extracted, before the database is opened),
`write` (inside the write transaction, after the inserts, before COMMIT), `finish` (after
the data is committed, before the run's row is closed).
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter

PAUSE_VARIABLE = "PIPELINE_TEST_PAUSE_AT"
_seen: Counter[str] = Counter()


def pause_at(point: str) -> None:
    wanted = os.environ.get(PAUSE_VARIABLE)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != point:
        return
    _seen[point] += 1
    if _seen[point] == int(nth or 1):
        sys.stderr.write(f"paused at {point} pid={os.getpid()}\n")
        sys.stderr.flush()
        time.sleep(3600)
