"""The keys of rules/speech.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.rulespecs.checked import Phrases


@dataclass(frozen=True)
class SpeechRules:
    """rules/speech.yaml: one field per key."""

    inverted_verbs: Phrases
    back_references: Phrases
    quoted_labels: Phrases
    label_markers: Phrases
    participle_suffix: str
    attribution_phrases: Phrases
    passive_auxiliaries: Phrases
    agent_markers: Phrases
    verb_modifiers: Phrases
    object_markers: Phrases
    pronouns: Phrases
    relative_pronouns: Phrases
    public_nouns: Phrases
    subject_openers: Phrases
    fronted_openers: Phrases
    coordinators: Phrases
    speech_nouns: Phrases
    light_verbs: Phrases
    noun_links: Phrases
    noun_fillers: Phrases
    force_links: Phrases
    reference_nouns: Mapping[str, tuple[str, ...]]
    reference_roles: Mapping[str, tuple[str, ...]]
    reference_determiners: Phrases
    reference_possessors: Phrases
    letter_labels: Mapping[str, tuple[str, ...]]
    sign_offs: Phrases
    first_person: Phrases
    salutations: Phrases
    signature_max_words: int
    colon_fillers: Phrases
    fire_words: Phrases
    police_words: Phrases
    definite_openers: Phrases
    caption_markers: Phrases
    related_markers: Phrases
