"""Force names and their variants, expanded from rules/forces.yaml.

Copy swaps "Police" and "Constabulary" and writes "&" for "and", so those variants
(rules/words.yaml) are generated here for every force rather than listed by hand 48 times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum, auto

from pipeline.rules import load_rules
from pipeline.rulespecs.forces import ForcesRules
from pipeline.rulespecs.words import WordsRules


class MentionKind(StrEnum):
    """What a force mention names: the force by its name (strong) or bare place (weak), an
    office tied to it ("Kent Police and Crime Commissioner") or a fire and rescue service.
    The matchers label their phrases "<kind>:<force id>" with the first two."""

    STRONG = auto()
    WEAK = auto()
    OFFICE = auto()
    FIRE = auto()


@dataclass
class Gazetteer:
    names: dict[str, str] = field(default_factory=dict)  # id -> canonical name
    lower_phrases: dict[str, list[str]] = field(default_factory=dict)
    exact_phrases: dict[str, list[str]] = field(default_factory=dict)
    place_phrases: dict[str, list[str]] = field(default_factory=dict)
    engage_applies: dict[str, bool] = field(default_factory=dict)
    oversight_applies: dict[str, bool] = field(default_factory=dict)


def _variants(name: str, words: WordsRules) -> set[str]:
    out = {name}
    for last, other in words.force_name_swaps.items():
        if name.endswith(" " + last):
            out.add(name[: -len(last)] + other)
    for variant in list(out):
        for word, sign in words.force_name_signs.items():
            if f" {word} " in variant:
                out.add(variant.replace(f" {word} ", f" {sign} "))
        for last, tails in words.force_name_tails.items():
            if variant.endswith(" " + last):
                out.update(f"{variant} {tail}" for tail in tails)
    return out


def build_gazetteer(spec: ForcesRules, words: WordsRules | None = None) -> Gazetteer:
    """The gazetteer of rules/forces.yaml, its names varied as rules/words.yaml says (the
    loaded rules' words when none are given)."""
    words = words if words is not None else load_rules().words
    gazetteer = Gazetteer()
    for entry in spec.forces:
        force_id = entry.id
        gazetteer.names[force_id] = entry.name
        gazetteer.engage_applies[force_id] = entry.engage_applies
        gazetteer.oversight_applies[force_id] = entry.oversight_applies
        phrases: set[str] = set()
        for name in [entry.name, *entry.aliases]:
            phrases |= _variants(name, words)
        place = entry.place
        if place:
            for word in words.place_force_words:
                phrases |= _variants(f"{place} {word}", words)
            gazetteer.place_phrases[force_id] = sorted(_variants(place, words))
        gazetteer.lower_phrases[force_id] = sorted(phrases)
        if entry.short_forms:
            gazetteer.exact_phrases[force_id] = list(entry.short_forms)
    return gazetteer
