"""The keys of rules/inspections.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.rulespecs.checked import Phrases


@dataclass(frozen=True)
class InspectionsRules:
    """rules/inspections.yaml: one field per key."""

    nouns: Phrases
    verbs: Phrases
    report_words: Phrases
    report_qualifiers: Phrases
    report_qualifier_window: int
    revisit_prefixes: Phrases
    needs_own_date: Phrases
    rival_words: Phrases
    modality_window: int
    lone_trigger_reach: int
    plural_nouns: Phrases
    future_words: Phrases
    generic_words: Phrases
    publication_words: Phrases
    listing_dashes: Phrases
    listing_closers: Phrases
    dateline_lead: int
    publication_window: int
    story_subjects: Phrases
    back_references: Phrases
    force_preps: Phrases
    place_determiners: Phrases
    sequence_words: Phrases
    phrase_breaks: Phrases
    list_joins: Phrases
    clause_joins: Phrases
    passive_links: Phrases
    return_phrases: Phrases
    future_predicates: Phrases
    return_subjects: Phrases
    predicate_stops: Phrases
    span_ends: Phrases
    week_leads: Phrases
    relative_participles: Phrases
    relative_preps: Phrases
    verb_auxiliaries: Phrases
    visit_phrases: Phrases
    report_preps: Phrases
    part_links: Phrases
    group_nouns: Phrases
    list_cues: Phrases
    list_cue_reach: int
    presence_phrases: Phrases
    return_verbs: Phrases
    return_purposes: Phrases
    return_onwards: Phrases
    list_colons: Phrases
    presence_subjects: Phrases
