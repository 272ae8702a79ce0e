"""Rules files are checked against their specs when they load: a wrong key or type is one
line naming the file and the key, and the loaded rules cannot be changed."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.rules import RULE_FILES, RULES_DIR, RulesError, load_rules
from pipeline.rulespecs import SPECS
from pipeline.rulespecs.checked import SpecError, build

REPO = Path(__file__).resolve().parent.parent


def _copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_rules_file_has_a_spec_and_loads():
    assert set(RULE_FILES) == set(SPECS)
    rules = load_rules()
    for name, spec in SPECS.items():
        assert isinstance(getattr(rules, name.removesuffix(".yaml")), spec)


@pytest.mark.parametrize("old,new,message", [
    ("exit_words:", "exit_word:",
     "phases.yaml: unknown key 'exit_word' (did you mean 'exit_words'?)"),
    ("exit_words:", "# exit_words:", "phases.yaml: missing key 'exit_words'"),
])
def test_a_misspelt_or_missing_key_names_file_and_key(tmp_path, old, new, message):
    rules_dir = _copy_rules(tmp_path)
    _edit(rules_dir / "phases.yaml", old, new)
    with pytest.raises(RulesError) as caught:
        load_rules(rules_dir)
    assert str(caught.value).endswith(message)
    assert "\n" not in str(caught.value)


def test_a_wrong_type_names_the_key_and_what_was_expected(tmp_path):
    rules_dir = _copy_rules(tmp_path)
    text = (rules_dir / "counts.yaml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("max_count:"))
    _edit(rules_dir / "counts.yaml", line, "max_count: twelve")
    with pytest.raises(RulesError, match=r"counts.yaml: max_count: expected a whole number, "
                                         r"got text \('twelve'\)"):
        load_rules(rules_dir)


def test_a_nested_entry_is_checked_too(tmp_path):
    rules_dir = _copy_rules(tmp_path)
    _edit(rules_dir / "officials.yaml", "{name: Andy Cooke, role: hm_chief_inspector,",
          "{name: Andy Cooke, rank: hm_chief_inspector,")
    with pytest.raises(RulesError, match=r"officials.yaml: officials\[0\]: unknown key 'rank'"):
        load_rules(rules_dir)


def test_loaded_rules_are_frozen():
    rules = load_rules()
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.phases.exit_words = ("gone",)
    assert isinstance(rules.phases.exit_words, tuple)
    with pytest.raises(TypeError):
        rules.numbers.numbers["eleventy"] = 110  # read-only mapping


@dataclasses.dataclass(frozen=True)
class _Inner:
    word: str
    weight: float = 1.0


@dataclasses.dataclass(frozen=True)
class _Outer:
    items: tuple[_Inner, ...]
    note: str | None = None


def test_build_converts_and_defaults():
    built = build(_Outer, {"items": [{"word": "engage", "weight": 2}]}, "x.yaml")
    assert built == _Outer((_Inner("engage", 2.0),))
    with pytest.raises(SpecError, match=r"x.yaml: items: expected a list, got a mapping"):
        build(_Outer, {"items": {"word": "engage"}}, "x.yaml")
    with pytest.raises(SpecError, match=r"x.yaml: note: expected text, got a whole number"):
        build(_Outer, {"items": [], "note": 3}, "x.yaml")


def test_the_command_line_stops_on_a_broken_rules_file_with_one_line(tmp_path):
    rules_dir = _copy_rules(tmp_path)
    _edit(rules_dir / "phases.yaml", "exit_words:", "exit_word:")
    db = tmp_path / "events.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "ingest", "--source", str(REPO / "corpus"),
         "--db", str(db)],
        capture_output=True, text=True, cwd=REPO, timeout=300,
        env={**_env(), "PIPELINE_RULES_DIR": str(rules_dir)})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"error: rules file {rules_dir / 'phases.yaml'}: unknown key 'exit_word' "
        "(did you mean 'exit_words'?)"]
    assert not db.exists()


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PIPELINE_RULES_DIR"}
