"""The rules files load, and YAML did not turn a word into a boolean ("off", "on", "no")."""

from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.rules import RULE_FILES, RULES_DIR, load_rules

# engage_applies, and the boolean token attributes of spaCy patterns (rules/dates.yaml).
ALLOWED_BOOLEANS = {"engage_applies", "oversight_applies", "IS_TITLE", "IS_SENT_START", "LIKE_NUM",
                    "IS_UPPER", "IS_ALPHA"}


def _booleans(node, path=""):
    if isinstance(node, bool):
        yield path
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                yield f"{path}.<key {key}>"
            elif key not in ALLOWED_BOOLEANS:
                yield from _booleans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _booleans(value, f"{path}[{index}]")


def test_no_word_became_a_boolean():
    for name in RULE_FILES:
        data = yaml.safe_load((RULES_DIR / name).read_text(encoding="utf-8"))
        assert list(_booleans(data, name)) == [], "quote words such as 'on', 'off', 'no'"


def test_rules_load_and_have_a_version():
    rules = load_rules()
    assert len(rules.version) == 12
    assert len(rules.forces.forces) == 48


def test_version_changes_with_the_rules(tmp_path):
    from pipeline.rules import rules_version

    for name in RULE_FILES:
        (tmp_path / name).write_bytes((RULES_DIR / name).read_bytes())
    before = rules_version(Path(tmp_path))
    with open(tmp_path / "phases.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n# a comment\n")
    assert rules_version(Path(tmp_path)) != before
