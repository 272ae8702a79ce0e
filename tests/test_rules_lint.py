"""`oversight rules lint`: which rule entries occur in no document, which can never match
whatever the text, and which are listed twice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.evaluate.unused import Problem, TextSet, lint, read_set
from pipeline.extract.nlp import build_toolkit
from pipeline.rules import RULES_DIR, load_rules
from tests.conftest import run_cli

DOCUMENT = """---
title: Lakeshire force clears its backlog
published: 2024-03-02
---

The force said the outstanding leftover actions would be closed by the summer.

A Water  Bailiff patrol was also reviewed by the inspectorate.
"""


@pytest.fixture(scope="module")
def nlp():
    return build_toolkit(load_rules()).nlp


def _rules(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """A copy of rules/ with one line of some files replaced."""
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    for name, (old, new) in edits.items():
        path = target / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def _docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(parents=True)
    (folder / "lakeshire.md").write_text(DOCUMENT, encoding="utf-8")
    return folder


REMAINING = "remaining_words: [remaining, outstanding, other, final, last]"
FIRE = "fire_service_patterns: ["


def _findings(result, key: str) -> dict[str, Problem]:
    return {f.entry: f.problem for f in result.findings if f.key == key}


def test_a_present_phrase_is_not_reported_and_an_absent_one_is(tmp_path, nlp):
    rules_dir = _rules(tmp_path, {"counts.yaml": (REMAINING, REMAINING.replace(
        "last]", "last, outstanding leftover, long forgotten]"))})
    result = lint(load_rules(rules_dir), [read_set("corpus", _docs(tmp_path))], nlp)
    found = _findings(result, "remaining_words")
    assert "outstanding leftover" not in found  # in the text, in another case
    assert found["long forgotten"] is Problem.UNUSED
    assert "rules/counts.yaml: remaining_words: 'long forgotten' matches nothing" in [
        f.line() for f in result.findings]


def test_a_regex_entry_is_searched_as_a_regex(tmp_path, nlp):
    rules_dir = _rules(tmp_path, {"forces.yaml": (FIRE, FIRE + (
        r"'\bwater\s+bailiffs?\b', '\bcanal\s+wardens?\b', "))})
    result = lint(load_rules(rules_dir), [read_set("corpus", _docs(tmp_path))], nlp)
    found = _findings(result, "fire_service_patterns")
    assert r"\bwater\s+bailiffs?\b" not in found  # two spaces and capitals: still a match
    assert found[r"\bcanal\s+wardens?\b"] is Problem.UNUSED


def test_an_entry_split_by_the_tokenizer_and_a_duplicate_are_reported(tmp_path, nlp):
    rules_dir = _rules(tmp_path, {"counts.yaml": (REMAINING, REMAINING.replace(
        "last]", "last, 'leftover,', Final, ' lingering']"))})
    result = lint(load_rules(rules_dir), [read_set("corpus", _docs(tmp_path))], nlp)
    found = {(f.entry, f.problem): f for f in result.findings if f.key == "remaining_words"}
    assert "'leftover' ','" in found["leftover,", Problem.NEVER].detail
    assert found[" lingering", Problem.NEVER].detail == "leading or trailing space"
    assert ("Final", Problem.DUPLICATE) in found  # "final" is already listed
    assert ("leftover,", Problem.UNUSED) not in found  # never-matching says it already
    assert sum(f.problem is not Problem.UNUSED for f in found.values()) == 3
    baseline = lint(load_rules(), [read_set("corpus", _docs(tmp_path / "b"))], nlp)
    assert result.strict_failures == baseline.strict_failures + 3


def _counts_line(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("rules/counts.yaml: ")
                and " entries: " in line)


def test_strict_fails_on_never_matching_entries_and_a_missing_real_set_is_a_note(tmp_path):
    docs, empty = _docs(tmp_path), tmp_path / "empty"
    empty.mkdir()
    args = ["rules", "lint", "--corpus", str(docs), "--written", str(empty),
            "--real", str(tmp_path / "no-real-set")]
    before = run_cli(*args, "--rules", str(RULES_DIR))
    rules_dir = _rules(tmp_path, {"counts.yaml": (REMAINING, REMAINING.replace(
        "last]", "last, 'leftover,']"))})
    advice = run_cli(*args, "--rules", str(rules_dir))
    assert before.returncode == advice.returncode == 0, advice.stderr
    lines = advice.stdout.splitlines()
    assert any(line.startswith("rules/counts.yaml: remaining_words: 'leftover,' can never "
                               "match") for line in lines)
    assert any(line.startswith("note: real set not found") for line in lines)
    assert lines[-1].startswith("summary: ") and "1 corpus and 0 written and 0 real" in lines[-1]
    never = [int(line.split(", ")[1].split()[0])
             for line in (_counts_line(before.stdout), _counts_line(advice.stdout))]
    assert never[1] == never[0] + 1
    strict = run_cli(*args, "--rules", str(rules_dir), "--strict")
    assert strict.returncode == 1, strict.stderr


def test_held_out_texts_of_a_real_set_are_not_read(tmp_path, nlp):
    root = tmp_path / "real"
    (root / "texts").mkdir(parents=True)
    gold = [{"id": "a1", "url": "https://example.org/a1", "title": "Open text"},
            {"id": "h1", "url": "https://example.org/h1", "title": "Held out"}]
    (root / "gold.jsonl").write_text("\n".join(map(json.dumps, gold)), encoding="utf-8")
    (root / "texts" / "a1.txt").write_text("Nothing of note happened.\n", encoding="utf-8")
    (root / "texts" / "h1.txt").write_text("The outstanding leftover actions.\n",
                                           encoding="utf-8")
    real = read_set("real", root, hidden=frozenset({"h1"}))
    assert len(real.texts) == 1 and "1 texts of the held-out part not read" in real.note
    rules_dir = _rules(tmp_path, {"counts.yaml": (REMAINING, REMAINING.replace(
        "last]", "last, outstanding leftover]"))})
    result = lint(load_rules(rules_dir), [real, TextSet("none", ())], nlp)
    assert _findings(result, "remaining_words")["outstanding leftover"] is Problem.UNUSED


def test_the_repository_rules_hold_no_entry_that_can_never_match_nor_a_duplicate(nlp):
    result = lint(load_rules(), [], nlp)
    problems = [f"{f.file}: {f.key}: {f.entry!r} {f.problem}" for f in result.findings
                if f.problem is not Problem.UNUSED]
    assert problems == []
