"""The keys of rules/roles.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.rulespecs.checked import Codes, Phrases


@dataclass(frozen=True)
class Role:
    """A role code's titles, and whose title it is when the text names no organisation."""

    titles: Phrases = ()
    org: str | None = None


@dataclass(frozen=True)
class RolesRules:
    """rules/roles.yaml: one field per key."""

    roles: Mapping[str, Role]
    rank_prefixes: Phrases
    title_links: Phrases
    title_qualifiers: Phrases
    body_heads: Phrases
    org_connectors: Phrases
    title_places: Phrases
    scottish_words: Phrases
    first_name_honorifics: Phrases
    name_particles: Phrases
    leader_nouns: Phrases
    attendance_labels: Phrases
    described_relatives: Phrases
    title_clauses: Phrases
    described_by: Phrases
    leader_clauses: Phrases
    described_org_stops: Phrases
    described_org_unnamed: Phrases
    described_org_dropped: Phrases
    honorifics: Phrases
    post_nominals: Phrases
    not_name_words: Phrases
    commissioner_forces: Codes
    scottish_forces: Codes
    bare_commissioner_titles: Phrases
    police_ranks: Phrases
    rank_modifiers: Mapping[str, str]
