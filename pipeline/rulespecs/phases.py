"""The keys of rules/phases.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.rulespecs.checked import Phrases


@dataclass(frozen=True)
class PhasesRules:
    """rules/phases.yaml: one field per key."""

    engage_terms: Phrases
    scan_terms: Phrases
    monitoring_variants: Phrases
    bare_phase_words: Mapping[str, str]
    term_suffixes: Phrases
    bare_phase_preceders: Phrases
    bare_phase_not_followed_by: Phrases
    capitalised_phase_not_after: Phrases
    bare_phase_never_followed_by: Phrases
    bare_phase_noun_preceders: Phrases
    bare_phase_noun_followers: Phrases
    fillers: Phrases
    possessives: Phrases
    move_verbs: Phrases
    into_preps: Phrases
    out_of_preps: Phrases
    out_of_phrases: Phrases
    exit_words: Phrases
    enter_words: Phrases
    exit_phrases: Phrases
    closing_verbs: Phrases
    closing_words: Phrases
    ended_after: Phrases
    begun_after: Phrases
    ended_stops: Phrases
    no_longer: Phrases
    no_longer_verbs: Phrases
    out_copulas: Phrases
    verb_search_stops: Phrases
    verb_search_skips: Phrases
    elliptical_joiners: Phrases
    elliptical_returns: Phrases
    elliptical_subjects: Phrases
    aside_dashes: Phrases
    object_preps: Phrases
    plural_subjects: Phrases
    list_markers: Phrases
    list_intros: Phrases
    current_words: Phrases
    current_phrases: Phrases
    decision_phrases: Phrases
    decision_agents: Phrases
    untaken_decisions: Phrases
    cause_phrases: Phrases
    period_bounds: Phrases
    since_relatives: Phrases
    subordinators: Phrases
    past_clause_openers: Phrases
    becoming_states: Phrases
    becoming_engage_states: Phrases
    becoming_words: Phrases
    fronted_clauses: Phrases
    wishes: Phrases
    denials: Phrases
    requests: Phrases
    other_regimes: Phrases
    stay_phrases: Phrases
    past_stay_words: Phrases
    spent_auxiliaries: Phrases
    standalone_moves: Mapping[str, str]
    standalone_determiners: Phrases
    reporting_verbs: Phrases
    reported_future: Phrases
    reported_past: Phrases
    perfect_auxiliaries: Phrases
    decision_verbs: Phrases
    decision_references: Phrases
    decision_date_words: Phrases
    decided_modals: Phrases
    prior_event_openers: Phrases
    until_words: Phrases
    not_until_negations: Phrases
    not_until_words: Phrases
    present_cues: Phrases
    future_conditions: Phrases
    gapped_date_preps: Phrases
    comparison_openers: Phrases
    comparison_auxiliaries: Phrases
    coordinators: Phrases
    order_openers: Phrases
    order_quantifiers: Phrases
    list_joins: Phrases
    phase_pronouns: Phrases
    phase_descriptions: Phrases
    phase_locatives: Phrases
    phase_relatives: Phrases
    fronted_relatives: Phrases
    stay_openers: Phrases
    stay_single_openers: Phrases
    stay_joiners: Phrases
    stay_future: Phrases
    stay_since_clauses: Phrases
    table_phase_headers: Phrases
    table_move_headers: Phrases
    table_entry_headers: Phrases
    state_words: Phrases
    elided_moves: Mapping[str, str]
    elided_followers: Phrases
    elided_clause_openers: Phrases
    follow_verbs: Phrases
    follow_courses: Phrases
