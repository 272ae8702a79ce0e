"""The keys of rules/recommendations.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.rulespecs.checked import Phrases, Regexes


@dataclass(frozen=True)
class RecommendationsRules:
    """rules/recommendations.yaml: one field per key."""

    kinds: Mapping[str, tuple[str, ...]]
    plural_heads: Phrases
    enumeration_joins: Phrases
    hypothetical_near: Phrases
    hypothetical_before: Phrases
    articles: Phrases
    aside_dashes: Phrases
    existential: Phrases
    noun_phrase_openers: Phrases
    finding_joins: Phrases
    clause_joiners: Phrases
    uncounted_separators: Phrases
    subject_stop_followers: Phrases
    engage_names: Phrases
    announcing_suffix: str
    remainder_openers: Phrases
    closed_words: Phrases
    open_words: Phrases
    recommendation_issue_words: Phrases
    open_item_words: Phrases
    background_open_words: Phrases
    status_aux: Phrases
    whole_verbs: Phrases
    status_negations: Phrases
    status_near_blockers: Phrases
    status_decisions: Phrases
    status_findings: Phrases
    status_realised_modals: Phrases
    status_realised_infinitives: Phrases
    status_clause_blockers: Phrases
    blocker_reach: int
    partial_words: Phrases
    subject_leads: Phrases
    recommendation_leads: Phrases
    vague_quantifiers: Phrases
    listing_leads: Phrases
    distributive_openers: Phrases
    subject_joiners: Phrases
    issue_auxiliaries: Phrases
    subject_force_prepositions: Phrases
    relative_raisers: Phrases
    clause_subject_openers: Phrases
    subject_stops_after_comma: Phrases
    bracket_pointers: Phrases
    subject_stops: Phrases
    subject_hedges: Phrases
    not_subjects: Phrases
    antecedent_quantifiers: Phrases
    statement_leads: Phrases
    min_subject_words: int
    back_references: Phrases
    lighter_findings: Phrases
    list_back_references: Phrases
    other_recommenders: Phrases
    heading_max_words: int
    copulas: Phrases
    as_verbs: Phrases
    copular_subject_starts: Phrases
    force_list_colons: Phrases
    inline_bullets: Phrases
    cell_separators: Phrases
    status_intro_followers: Phrases
    decision_headings: Phrases
    copular_closed: Phrases
    apposition_not_starts: Phrases
    apposition_clause_words: Phrases
    background_openers: Phrases
    item_coordination: Phrases
    relative_subject_leads: Phrases
    item_back_references: Phrases
    item_back_reference_openers: Phrases
    contrast_words: Phrases
    remainder_references: Phrases
    remainder_verbs: Phrases
    item_back_reference_leads: Phrases
    next_sentence_subjects: Phrases
    next_sentence_verbs: Phrases
    recommendation_relatives: Phrases
    recommendation_content_separators: Regexes
    recommendation_verbs: Phrases
    recommendation_references: Phrases
    reason_words: Phrases
    reason_list_words: Phrases
    reason_connectives: Phrases
    concern_nouns: Phrases
    concern_subject_leads: Phrases
    reason_nouns: Phrases
    reason_back_references: Phrases
    concern_leads: Phrases
    reason_window: int
    exit_cues: Phrases
    recounted_entry_openers: Phrases
    entry_verbs: Phrases
    recommends_that: Phrases
    recommend_words: Phrases
    same_finding_stop_words: Phrases
    same_finding_share: float
    same_finding_stem: int
    same_finding_suffixes: Phrases
    same_finding_kept_endings: Phrases
    parent_window: int
    background_days: int
    relative_pronouns: Phrases
    complementisers: Phrases
    perfect_auxiliaries: Phrases
    reference_copulas: Phrases
    every_after: Phrases
    bare_copulas: Phrases
    announcing_modals: Phrases
    reason_finding_verbs: Phrases
    echo_nouns: Phrases
    plural_echo_nouns: Phrases
    premodifier_joiners: Phrases
    partitive_pronouns: Phrases
    partitive_articles: Phrases
    ordinal_status_verbs: Phrases
    stay_cues: Phrases
    antecedent_pronouns: Phrases
    antecedent_pairs: Phrases
    antecedent_singulars: Phrases
    antecedent_verbs: Phrases
    antecedent_holders: Phrases
    failing_prepositions: Phrases
    antecedent_separators: Regexes
    list_joins: Phrases
    subject_final_verbs: Phrases
    subject_trailing_words: Phrases
    subject_separators: Regexes
    pair_separators: Regexes
    last_pair_separators: Regexes
    list_separators: Regexes
    antecedent_trailers: Regexes
    table_cell_separator: str
    table_subject_headers: Phrases
    table_kind_abbreviations: Mapping[str, tuple[str, ...]]
    table_pointers: Phrases
    table_status_headers: Phrases
    table_pending_words: Phrases
    inclusion_leads: Phrases
    inclusion_sets: Phrases
    inclusion_pronouns: Phrases
    negative_quantifiers: Phrases
    denying_quantifiers: Phrases
    subject_final_participles: Phrases
    subject_stop_date_labels: Phrases
    bullet_status_separators: Phrases
    bullet_status_words: int
    ordinal_places: Phrases
    replacement_joiners: Phrases
    led_back_references: Phrases
    ordinal_last: Phrases
    uncounted_pair_openers: Phrases
    predicate_subject_leads: Phrases
    plural_predicate_leads: Phrases
    predicate_not_starts: Phrases
    ordinal_issue_verbs: Phrases
    request_verbs: Phrases
    list_markers: Regexes
    unmarked_item_max_words: int
    unmarked_item_continuations: Phrases
