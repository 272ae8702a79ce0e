"""The keys of rules/words.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.rulespecs.checked import Phrases


@dataclass(frozen=True)
class WordsRules:
    """rules/words.yaml: one field per key."""

    negations: Phrases
    modality: Phrases
    clause_breaks: Phrases
    comparison_markers: Phrases
    force_anaphors: Phrases
    background: Phrases
    speech_verbs: Phrases
    generic_subjects: Phrases
    hypothetical_after: Phrases
    asides: Phrases
    name_links: Phrases
    quote_marks: Phrases
    sentence_end_marks: Phrases
    force_name_swaps: Mapping[str, str]
    force_name_signs: Mapping[str, str]
    force_name_tails: Mapping[str, Phrases]
    place_force_words: Phrases
    phase_term_heads: Phrases
