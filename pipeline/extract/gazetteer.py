"""Force names and their variants, expanded from rules/forces.yaml.

Copy swaps "Police" and "Constabulary" and writes "&" for "and", so those variants are
generated here for every force rather than listed by hand 48 times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum, auto


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


def _variants(name: str) -> set[str]:
    out = {name}
    for suffix_from, suffix_to in (("Police", "Constabulary"), ("Constabulary", "Police")):
        if name.endswith(" " + suffix_from):
            out.add(name[: -len(suffix_from)] + suffix_to)
    for variant in list(out):
        if " and " in variant:
            out.add(variant.replace(" and ", " & "))
        if variant.endswith(" Police"):
            out.add(variant + " Force")
            out.add(variant + " Service")
    return out


def build_gazetteer(spec: dict) -> Gazetteer:
    gazetteer = Gazetteer()
    for entry in spec.forces:
        force_id = entry.id
        gazetteer.names[force_id] = entry.name
        gazetteer.engage_applies[force_id] = entry.engage_applies
        gazetteer.oversight_applies[force_id] = entry.oversight_applies
        phrases: set[str] = set()
        for name in [entry.name, *entry.aliases]:
            phrases |= _variants(name)
        place = entry.place
        if place:
            phrases |= _variants(f"{place} Police")
            gazetteer.place_phrases[force_id] = sorted(_variants(place))
        gazetteer.lower_phrases[force_id] = sorted(phrases)
        if entry.short_forms:
            gazetteer.exact_phrases[force_id] = list(entry.short_forms)
    return gazetteer
