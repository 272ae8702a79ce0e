"""No sliding back: every event type's F1 stays at or above the checked-in floor.

The floor is eval/baseline.json. After a real improvement, or a reviewed change to the gold
set, rewrite it with `python -m pipeline.evaluate --write-baseline` and commit it with the
change. The statistical baseline is skipped here: it is a comparison, not a gate.
"""

from __future__ import annotations

from pipeline.evaluate import (
    DEFAULT_CORPUS,
    DEFAULT_GOLD,
    FLOOR_PATH,
    read_floor,
    regressions,
    run_eval,
)


def test_no_event_type_f1_drops_below_the_floor():
    floor = read_floor(FLOOR_PATH)
    result = run_eval(DEFAULT_CORPUS, DEFAULT_GOLD, baseline=False)
    assert not result.problems, "gold set or corpus incomplete:\n" + "\n".join(result.problems)
    drops = regressions(result, floor)
    pinned_documents = floor.get("documents", {}).get("all")
    changed = (
        f"\nnote: the floor was written for {pinned_documents} gold documents, now "
        f"{result.subsets['all'].documents}"
        if pinned_documents != result.subsets["all"].documents
        else ""
    )
    assert not drops, (
        "F1 fell below eval/baseline.json by more than its tolerance:\n"
        + "\n".join(drops)
        + changed
        + "\n(if intended, rewrite it: python -m pipeline.evaluate --write-baseline)"
    )
