"""No sliding back: the figures stay at or above the checked-in floor, on what it was pinned on.

The floor is eval/baseline.json: F1 per event type (and the quote measure) on the corpus gold,
per measure and part on the real set (../shared/realdev, when it sits beside the checkout),
and a fingerprint of both. After a real improvement, or a reviewed change to the gold,
corpus or real set, pin it again with `python -m pipeline.evaluate --write-baseline`
(`--allow-regression` to accept a lower figure) and commit it with the change. The
statistical baseline is skipped here: it is a comparison, not a gate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import (
    DEFAULT_CORPUS,
    DEFAULT_GOLD,
    FLOOR_PATH,
    FloorError,
    find_real_set,
    fingerprint_changes,
    floor_figures,
    load_real_set,
    read_floor,
    regressions,
    run_eval,
    score_real_set,
    unpinned,
    write_floor,
)
from pipeline.evaluate.command import written_set_scores
from pipeline.evaluate.floor import corpus_fingerprint
from pipeline.models import EVENT_TYPES

REPIN = ("if intended, pin again: python -m pipeline.evaluate --write-baseline "
         "(with --allow-regression to accept a lower figure)")


@pytest.fixture(scope="module")
def corpus_result():
    result = run_eval(DEFAULT_CORPUS, DEFAULT_GOLD, baseline=False)
    assert not result.problems, "gold set or corpus incomplete:\n" + "\n".join(result.problems)
    return result


@pytest.fixture(scope="module")
def real_set():
    root = find_real_set()
    if root is None:
        pytest.skip("the real set (../shared/realdev) is not beside this checkout: a user's "
                    "clone has none, so its floors cannot be checked here")
    real = load_real_set(root)
    return real, score_real_set(real)


def test_written_set_figures_stay_above_the_floor(corpus_result):
    written, scores = written_set_scores()
    assert written is not None, "eval/written (the written set) is missing"
    floor = read_floor(FLOOR_PATH)
    assert "written" in floor, f"eval/baseline.json pins no written-set figures; {REPIN}"
    figures = floor_figures(corpus_result, DEFAULT_CORPUS, DEFAULT_GOLD, written=written,
                            written_scores=scores)
    changed = [c for c in fingerprint_changes(figures, floor) if c.startswith("written")]
    assert not changed, "\n".join(changed) + f"\n{REPIN}"
    drops = [d for d in regressions(figures, floor) if d.startswith("written")]
    assert not drops, "written-set F1 fell below the floor:\n" + "\n".join(drops) + f"\n{REPIN}"


def test_every_event_type_and_the_quote_measure_has_a_floor():
    missing = unpinned(read_floor(FLOOR_PATH))
    assert not missing, f"no floor for {missing} in eval/baseline.json; {REPIN}"


def test_corpus_figures_stay_above_the_floor_on_the_gold_they_were_pinned_on(corpus_result):
    floor = read_floor(FLOOR_PATH)
    figures = floor_figures(corpus_result, DEFAULT_CORPUS, DEFAULT_GOLD)
    changed = fingerprint_changes(figures, floor)
    assert not changed, "\n".join(changed) + f"\n{REPIN}"
    drops = regressions(figures, floor, real=False)
    assert not drops, "F1 fell below eval/baseline.json:\n" + "\n".join(drops) + f"\n{REPIN}"


def test_real_set_figures_stay_above_the_floor(corpus_result, real_set):
    real, scores = real_set
    floor = read_floor(FLOOR_PATH)
    assert "real" in floor, f"eval/baseline.json pins no real-set figures; {REPIN}"
    figures = floor_figures(corpus_result, DEFAULT_CORPUS, DEFAULT_GOLD, real, scores)
    changed = [c for c in fingerprint_changes(figures, floor) if c.startswith("real")]
    assert not changed, "\n".join(changed) + f"\n{REPIN}"
    drops = [d for d in regressions(figures, floor) if d.startswith("real")]
    assert not drops, "real-set F1 fell below the floor:\n" + "\n".join(drops) + f"\n{REPIN}"


# The gate's own mechanics, on small hand-made floors.

def _figures(phase_change: float, real_tally: float | None = None) -> dict:
    figures = {"tolerance": 0.005, "fingerprint": {"corpus": "abc"},
               "f1": {"all": {t: 0.9 for t in (*EVENT_TYPES, "quote")}}}
    figures["f1"]["all"]["phase_change"] = phase_change
    if real_tally is not None:
        figures["real"] = {"tune": {"tally": real_tally}}
        figures["fingerprint"]["real_set"] = "def"
    return figures


def test_a_drop_beyond_the_tolerance_is_reported_and_a_small_one_is_not():
    floor = _figures(0.9, real_tally=0.8)
    assert regressions(_figures(0.897, real_tally=0.8), floor) == []
    drops = regressions(_figures(0.88, real_tally=0.7), floor)
    assert any("corpus all/phase_change" in d for d in drops)
    assert any("real set tune/tally" in d for d in drops)
    assert regressions(_figures(0.88, real_tally=0.7), floor, real=False) == [
        d for d in drops if d.startswith("corpus")]


def test_pinning_a_lower_figure_needs_allow_regression(tmp_path: Path):
    path = tmp_path / "baseline.json"
    write_floor(_figures(0.9, real_tally=0.8), path)
    with pytest.raises(FloorError, match="allow-regression"):
        write_floor(_figures(0.8, real_tally=0.8), path)
    assert read_floor(path)["f1"]["all"]["phase_change"] == 0.9  # the refused pin wrote nothing
    accepted = write_floor(_figures(0.8, real_tally=0.8), path, allow_regression=True)
    assert accepted and read_floor(path)["f1"]["all"]["phase_change"] == 0.8
    write_floor(_figures(0.95, real_tally=0.85), path)  # raising needs no flag
    assert read_floor(path)["real"]["tune"]["tally"] == 0.85


def test_pinning_without_the_real_set_keeps_its_pinned_figures(tmp_path: Path):
    path = tmp_path / "baseline.json"
    write_floor(_figures(0.9, real_tally=0.8), path)
    write_floor(_figures(0.92), path)
    pinned = read_floor(path)
    assert pinned["f1"]["all"]["phase_change"] == 0.92
    assert pinned["real"] == {"tune": {"tally": 0.8}}
    assert pinned["fingerprint"]["real_set"] == "def"


def test_an_edited_gold_file_changes_the_fingerprint(tmp_path: Path):
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "a.txt").write_text("A document.", encoding="utf-8")
    (gold / "a.json").write_text(json.dumps({"events": []}), encoding="utf-8")
    before = corpus_fingerprint(corpus, gold)
    (gold / "a.json").write_text(json.dumps({"events": [{"event_type": "statement"}]}),
                                 encoding="utf-8")
    after = corpus_fingerprint(corpus, gold)
    assert before != after
    changes = fingerprint_changes({"fingerprint": {"corpus": after}},
                                  {"fingerprint": {"corpus": before}})
    assert changes and "corpus or gold changed" in changes[0]


def test_a_floor_without_a_new_event_type_is_caught():
    floor = _figures(0.9)
    del floor["f1"]["all"]["inspection"]
    assert unpinned(floor) == ["inspection"]
