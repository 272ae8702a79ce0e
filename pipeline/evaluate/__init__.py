"""Accuracy evaluation: the extractor against the gold set, beside a statistical baseline.

`run_eval` does the work and returns figures; `eval_command` prints them for the CLI; the
matching rules are written out in pipeline.evaluate.matching.
"""

from pipeline.evaluate.command import eval_command, main
from pipeline.evaluate.floor import (
    FLOOR_PATH,
    FloorError,
    fingerprint_changes,
    floor_figures,
    read_floor,
    regressions,
    unpinned,
    write_floor,
)
from pipeline.evaluate.realset import find_real_set, load_real_set, score_real_set
from pipeline.evaluate.run import DEFAULT_CORPUS, DEFAULT_GOLD, EvalResult, run_eval

__all__ = [
    "DEFAULT_CORPUS",
    "DEFAULT_GOLD",
    "FLOOR_PATH",
    "EvalResult",
    "FloorError",
    "fingerprint_changes",
    "find_real_set",
    "floor_figures",
    "load_real_set",
    "score_real_set",
    "unpinned",
    "eval_command",
    "main",
    "read_floor",
    "regressions",
    "run_eval",
    "write_floor",
]
