"""Per-source floors over time: a source that used to find items and now finds none fails.

A redesigned site rarely errors: it answers 200 with a page on which our selectors find
nothing, and the data quietly stops. Like zavod's row-count assertions, a source whose last
successful runs all found items and that finds none now is a failure with its name. Only
runs that passed are remembered, so a broken source keeps failing until it is fixed.
"""

from __future__ import annotations

# How many of a source's last successful runs are compared with this one.
FLOOR_RUNS = 3


def floor_problem(found: int, recent: list[int] | None) -> str | None:
    """Why `found` items is a failure given the item counts of the last successful runs
    (newest first), or None when it is fine."""
    recent = (recent or [])[:FLOOR_RUNS]
    if found > 0 or not recent or min(recent) == 0:
        return None
    runs = ", ".join(str(n) for n in recent)
    plural = "s" if len(recent) > 1 else ""
    return (
        f"0 items found, but the last {len(recent)} successful run{plural} found {runs}"
        " (has the site changed?)"
    )
