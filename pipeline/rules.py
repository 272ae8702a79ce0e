"""Load the extraction knowledge in rules/ and fingerprint it.

Everything an analyst might want to correct (force names, phase vocabulary, role titles)
lives in YAML, so a reviewer who knows policing but not Python can read and fix it. The
fingerprint goes into every event as rules_version, so stale events can be found and
re-extracted after the rules change.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline import __version__
from pipeline.events import REGISTRY
from pipeline.rulespecs import (
    SPECS,
    CountsRules,
    DatesRules,
    ForcesRules,
    InspectionsRules,
    NumbersRules,
    OfficialsRules,
    PhasesRules,
    RecommendationsRules,
    RolesRules,
    SpeechRules,
    WordsRules,
)
from pipeline.rulespecs.checked import SpecError, build

# PIPELINE_RULES_DIR points extraction at another copy of rules/ (tests, trying a change
# with `reextract` before committing it); unset, the repository's rules/ are used.
RULES_DIR = Path(os.environ.get("PIPELINE_RULES_DIR")
                 or Path(__file__).resolve().parent.parent / "rules")
# Bumped when extraction code changes meaning; rules changes are caught by the file hash.
EXTRACTOR_VERSION = "1"
RULE_FILES = tuple(SPECS)


class RulesError(Exception):
    """A rules file is missing or malformed."""


@dataclass(frozen=True)
class Rules:
    """Every rules file as its checked spec (pipeline/rulespecs/), built once per rules dir."""

    forces: ForcesRules
    phases: PhasesRules
    words: WordsRules
    numbers: NumbersRules
    recommendations: RecommendationsRules
    counts: CountsRules
    inspections: InspectionsRules
    roles: RolesRules
    dates: DatesRules
    officials: OfficialsRules
    speech: SpeechRules
    version: str


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RulesError(f"rules file missing: {path}") from exc
    except yaml.YAMLError as exc:
        raise RulesError(f"rules file {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RulesError(f"rules file {path} must hold a mapping")
    return data


def _checked(rules_dir: Path, name: str) -> object:
    """One rules file built into its spec: a wrong key or type stops here, with one line
    naming the file and the key, not halfway through extracting a document."""
    try:
        return build(SPECS[name], _read(rules_dir / name), f"rules file {rules_dir / name}")
    except SpecError as exc:
        raise RulesError(str(exc)) from exc


def rule_files() -> tuple[str, ...]:
    """RULE_FILES, then the files registered event types name beyond them (their own
    vocabulary, read with read_rules_file)."""
    return (*RULE_FILES, *(name for name in REGISTRY.rule_files() if name not in RULE_FILES))


@lru_cache(maxsize=16)
def read_rules_file(name: str, rules_dir: Path = RULES_DIR) -> dict:
    """One rules file as a mapping: an event type's own file, named in its registration."""
    return _read(rules_dir / name)


def rules_version(rules_dir: Path = RULES_DIR) -> str:
    digest = hashlib.sha256(f"extractor={EXTRACTOR_VERSION};package={__version__}".encode())
    for name in rule_files():
        digest.update(name.encode())
        digest.update((rules_dir / name).read_bytes())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=4)
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    parts = {name.removesuffix(".yaml"): _checked(rules_dir, name) for name in RULE_FILES}
    for name in rule_files()[len(RULE_FILES):]:
        read_rules_file(name, rules_dir)  # an event type's own file: there, and a mapping
    return Rules(**parts, version=rules_version(rules_dir))
