"""The keys of rules/forces.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.rulespecs.checked import Phrases, Regexes


@dataclass(frozen=True)
class Force:
    id: str
    name: str
    place: str | None = None
    short_forms: Phrases = ()
    aliases: Phrases = ()
    engage_applies: bool = True
    oversight_applies: bool = True


@dataclass(frozen=True)
class ForcesRules:
    """rules/forces.yaml: one field per key."""

    office_followers: Phrases
    fire_followers: Phrases
    place_not_before: Phrases
    fire_service_patterns: Regexes
    inspectorate_names: Regexes
    remit: Mapping[str, str]
    fire_clause_words: Phrases
    service_words: Phrases
    police_words: Phrases
    strict_anaphors: Phrases
    subject_pronouns: Phrases
    subject_verbs: Phrases
    not_after_subject_verb: Phrases
    first_person: Phrases
    relative_pronouns: Phrases
    relative_quantifiers: Phrases
    relative_partitives: Phrases
    list_joiners: Phrases
    forces: tuple[Force, ...]
