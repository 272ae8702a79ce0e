"""The real-set scorer in the project, on a small set made here in the real set's format.

The real set itself (../shared/realdev) is third-party text; these documents are our own, so
the test runs in any clone and pins the scorer's keys and matching, not the texts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate.command import _json_ready, real_set_scores
from pipeline.evaluate.realset import (
    find_real_set,
    load_real_set,
    norm_force,
    norm_person,
    score_real_set,
    subject_agrees,
)

TEXT_A = """Kent Police placed in enhanced monitoring

The inspectorate has moved Kent Police into the Engage phase of its monitoring process.

"We will work with the force until it has made the changes its public needs," said \
HM Inspector of Constabulary Jane Doe.
"""
TEXT_B = """An update on Suffolk

Suffolk Constabulary has closed three of its five recommendations.
"""


def _write_set(root: Path) -> None:
    (root / "texts").mkdir(parents=True)
    (root / "texts" / "001.txt").write_text(TEXT_A, encoding="utf-8")
    (root / "texts" / "002.txt").write_text(TEXT_B, encoding="utf-8")
    gold = [
        {"id": "001", "url": "https://example.org/a", "title": "Kent", "published": "2024-05-02",
         "schema": 2, "forces": ["Kent Police"], "events": [
             {"type": "phase_change", "force": "Kent Police", "from": "scan", "to": "engage",
              "date": "2024-05-02", "precision": "day"},
             {"type": "statement", "person": "Jane Doe", "role": "hm_inspector",
              "org": "HMICFRS", "quote": "We will work with the force until it"}]},
        {"id": "002", "url": "https://example.org/b", "title": "Suffolk", "published": None,
         "schema": 2, "forces": ["Suffolk Constabulary"], "events": [
             {"type": "tally", "force": "Suffolk Constabulary", "kind": "recommendation",
              "total": 5, "closed": 3, "open": 2},
             {"type": "tally", "force": "Suffolk Constabulary", "kind": "cause_of_concern",
              "total": 1, "closed": 0, "open": 1}]},
    ]
    (root / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in gold) + "\n",
                                     encoding="utf-8")


@pytest.fixture
def small_set(tmp_path: Path):
    root = tmp_path / "realdev"
    _write_set(root)
    split = tmp_path / "split"
    split.mkdir()
    (split / "tune.ids").write_text("001\n", encoding="utf-8")
    (split / "check.ids").write_text("002\n", encoding="utf-8")
    return load_real_set(root, split)


def test_names_fold_as_the_scorer_folds_them():
    assert norm_force("The Metropolitan Police Service") == "metropolitan"
    assert norm_force("Devon & Cornwall Police") == "devon and cornwall"
    assert norm_force("Wiltshire Constabulary") == norm_force("Wiltshire Police")
    assert norm_person("Sir Andy Cooke QPM") == "qpm"  # the scorer keeps the last word
    assert norm_person("Chief Constable Craig Guildford") == "guildford"
    assert subject_agrees("effective investigations", "how it carries out effective investigations")
    assert not subject_agrees("call handling", "crime recording")


def test_each_part_is_scored_on_its_own_documents(small_set):
    scores = score_real_set(small_set)
    assert {part: s.documents for part, s in scores.items()} == {"tune": 1, "check": 1,
                                                                  "all": 2}
    tune, check, whole = scores["tune"], scores["check"], scores["all"]
    assert tune.counts["phase_change"].tp == 1
    assert tune.counts["statement"].tp == 1 and tune.counts["quote"].tp == 1
    assert tune.counts["tally"].tp == 0 and check.counts["tally"].tp == 1
    assert check.counts["tally"].fn == 1  # the cause-of-concern tally the text does not give
    assert whole.counts["force"].tp == tune.counts["force"].tp + check.counts["force"].tp
    assert any(line.startswith("002 miss tally") for line in check.misses)


def test_check_misses_never_leave_the_process(small_set):
    written = _json_ready(score_real_set(small_set))
    assert written["check"]["misses"] == [] and written["all"]["misses"] == []
    assert written["check"]["measures"]["tally"]["fn"] == 1


def test_an_absent_real_set_is_said_plainly(tmp_path: Path):
    assert find_real_set(tmp_path) is None
    real, scores, note = real_set_scores(tmp_path / "nowhere")
    assert real is None and scores is None
    assert note.startswith("real set not scored") and "nowhere" in note
