"""The keys of rules/counts.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.rulespecs.checked import Phrases


@dataclass(frozen=True)
class CountsRules:
    """rules/counts.yaml: one field per key."""

    max_count: int
    not_counts: Phrases
    determiners: Phrases
    possessives: Phrases
    modifiers: Phrases
    part_of: Phrases
    back_reference_nouns: Phrases
    relatives: Phrases
    owner_relatives: Phrases
    every_relatives: Phrases
    except_words: Phrases
    hedges_after: Phrases
    hedges_before: Phrases
    label_nouns: Phrases
    elliptic_followers: Phrases
    additive_before: Phrases
    remaining_words: Phrases
    completing_words: Phrases
    leaving_words: Phrases
    predicate_breaks: Phrases
    clause_conjunctions: Phrases
    status_joiners: Phrases
    clause_subjects: Phrases
    predicate_reach: int
    status_before_reach: int
    object_prepositions: Phrases
    closing_nouns: Phrases
    status_before_skip: Phrases
    back_reference_window: int
    issued_before_date: Phrases
    issued_before_date_reach: int
    relative_markers: Phrases
    present_markers: Phrases
    embed_joiners: Phrases
    embed_reach: int
    span_joiners: Phrases
    definite_determiners: Phrases
    whole_prepositions: Phrases
    fronted_whole_after: Phrases
    gapping_joiners: Phrases
    gapping_closers: Phrases
    every_counts: Phrases
    any_words: Phrases
    dual_none: Phrases
    rest_of_two: Phrases
    fraction_marks: Phrases
    ordinals: Phrases
    label_reach: int
    label_separators: Phrases
    label_marks: Phrases
    list_marks: Phrases
    example_markers: Phrases
    set_nouns: Phrases
    example_reach: int
    recipient_prepositions: Phrases
    recipient_quantifiers: Phrases
    recipient_reach: int
    recipient_verbs: Phrases
    national_recipients: Phrases
    national_scopes: Phrases
    national_owner_words: Phrases
    aspirations: Phrases
    aspiration_breaks: Phrases
    naming_words: Phrases
    table_total_headers: Phrases
