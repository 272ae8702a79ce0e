"""The checked-in floor (eval/baseline.json): per event type F1 that must not slide back.

The file is rewritten on purpose, after an improvement or a reviewed change to the gold set
(`python -m pipeline.evaluate --write-baseline`); the gate test compares every run with it,
so a change that quietly costs accuracy fails CI instead of landing.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.run import REPO_ROOT, EvalResult

FLOOR_PATH = REPO_ROOT / "eval" / "baseline.json"
TOLERANCE = 0.005
SUBSETS = ("all", "hard")


def floor_figures(result: EvalResult) -> dict:
    """The figures the gate holds the product to, as written to eval/baseline.json."""
    return {
        "tolerance": TOLERANCE,
        "documents": {name: result.subsets[name].documents for name in SUBSETS},
        "f1": {
            name: {
                event_type: None if f1 is None else round(f1, 4)
                for event_type, f1 in result.f1_by_type(name).items()
            }
            for name in SUBSETS
        },
    }


def write_floor(result: EvalResult, path: Path = FLOOR_PATH) -> dict:
    figures = floor_figures(result)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


def read_floor(path: Path = FLOOR_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def regressions(result: EvalResult, floor: dict) -> list[str]:
    """One line per event type and subset whose F1 fell more than the tolerance below floor."""
    tolerance = float(floor.get("tolerance", TOLERANCE))
    lines = []
    for subset, by_type in floor.get("f1", {}).items():
        current = result.f1_by_type(subset) if subset in result.subsets else {}
        for event_type, pinned in by_type.items():
            if pinned is None:
                continue
            now = current.get(event_type)
            if now is None:
                lines.append(f"{subset}/{event_type}: F1 pinned at {pinned:.4f}, now no events")
            elif now < pinned - tolerance:
                lines.append(f"{subset}/{event_type}: F1 {now:.4f} < pinned {pinned:.4f}")
    return lines
