"""The word sets that find people and their speech, read from rules/ once per rules version.

Statements look words up token by token; building the sets from the YAML lists on every
lookup would cost more than the matching itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules import Rules

# Post-nominal letters not in the rules list are still recognisable: short, all capitals.
_MAX_POST_NOMINAL = 5


@dataclass(frozen=True)
class Lexicon:
    honorifics: frozenset[str]
    post_nominals: frozenset[str]
    not_name: frozenset[str]
    police_ranks: frozenset[str]
    rank_prefixes: frozenset[str]
    title_links: frozenset[str]
    body_heads: frozenset[str]
    title_qualifiers: frozenset[str]
    org_connectors: frozenset[str]
    scottish_words: frozenset[str]
    first_name_honorifics: frozenset[str]
    speech_verbs: frozenset[str]
    inverted_verbs: frozenset[str]
    passive: frozenset[str]
    agent_markers: frozenset[str]
    modifiers: frozenset[str]
    object_markers: frozenset[str]
    pronouns: frozenset[str]
    subject_openers: frozenset[str]
    coordinators: frozenset[str]
    clause_breaks: frozenset[str]
    speech_nouns: frozenset[str]
    light_verbs: frozenset[str]
    noun_links: frozenset[str]
    noun_fillers: frozenset[str]
    force_links: frozenset[str]
    determiners: frozenset[str]
    possessors: frozenset[str]
    first_person: frozenset[str]
    colon_fillers: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    sign_offs: tuple[str, ...]
    reference_nouns: dict[str, tuple[str, ...]]
    reference_roles: dict[str, tuple[str, ...]]
    letter_labels: dict[str, str]  # label → sender | recipient | header
    signature_max_words: int
    fire_words: re.Pattern
    police_words: re.Pattern

    def post_nominal(self, token) -> bool:
        """"QPM", "OBE": letters after a name, from the rules list or short and all capitals."""
        if token.lower_ in self.post_nominals:
            return True
        return token.is_alpha and token.is_upper and 2 <= len(token) <= _MAX_POST_NOMINAL and (
            token.lower_ not in self.not_name)


_CACHE: dict[str, Lexicon] = {}


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def _phrases(values) -> re.Pattern:
    """Any of the phrases as whole words, case-insensitively."""
    alternatives = "|".join(re.escape(str(v)) for v in sorted(values, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def lexicon(rules: Rules) -> Lexicon:
    cached = _CACHE.get(rules.version)
    if cached is not None:
        return cached
    roles, speech = rules.roles, rules.speech
    built = Lexicon(
        honorifics=_words(roles["honorifics"]),
        post_nominals=_words(roles["post_nominals"]),
        not_name=_words(roles["not_name_words"]),
        police_ranks=_words(roles["police_ranks"]),
        rank_prefixes=_words(roles["rank_prefixes"]),
        title_links=_words(roles["title_links"]),
        body_heads=_words(roles["body_heads"]),
        title_qualifiers=_words(roles["title_qualifiers"]),
        org_connectors=_words(roles["org_connectors"]),
        scottish_words=_words(roles["scottish_words"]),
        first_name_honorifics=_words(roles["first_name_honorifics"]),
        speech_verbs=_words(rules.words["speech_verbs"]),
        inverted_verbs=_words(speech["inverted_verbs"]),
        passive=_words(speech["passive_auxiliaries"]),
        agent_markers=_words(speech["agent_markers"]),
        modifiers=_words(speech["verb_modifiers"]),
        object_markers=_words(speech["object_markers"]),
        pronouns=_words(speech["pronouns"]),
        subject_openers=_words(speech["subject_openers"]),
        coordinators=_words(speech["coordinators"]),
        clause_breaks=_words(rules.words["clause_breaks"]),
        speech_nouns=_words(speech["speech_nouns"]),
        light_verbs=_words(speech["light_verbs"]),
        noun_links=_words(speech["noun_links"]),
        noun_fillers=_words(speech["noun_fillers"]),
        force_links=_words(speech["force_links"]),
        determiners=_words(speech["reference_determiners"]),
        possessors=_words(speech["reference_possessors"]),
        first_person=_words(speech["first_person"]),
        colon_fillers=_words(speech["colon_fillers"]),
        attribution_phrases=tuple(tuple(p.lower().split())
                                  for p in speech["attribution_phrases"]),
        sign_offs=tuple(s.lower() for s in speech["sign_offs"]),
        reference_nouns={k.lower(): tuple(v) for k, v in speech["reference_nouns"].items()},
        reference_roles={k: tuple(v) for k, v in speech["reference_roles"].items()},
        letter_labels={label.lower(): kind for kind, labels in speech["letter_labels"].items()
                       for label in labels},
        signature_max_words=int(speech["signature_max_words"]),
        fire_words=_phrases(speech["fire_words"]),
        police_words=_phrases(speech["police_words"]),
    )
    _CACHE[rules.version] = built
    return built
