"""The word sets that find people and their speech, read from rules/ once per rules version.

Statements look words up token by token; building the sets from the YAML lists on every
lookup would cost more than the matching itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum, auto

from spacy.tokens import Doc

from pipeline.extract.clauses import word_positions
from pipeline.rules import Rules


class WordList(StrEnum):
    """The word lists a document's tokens are looked up in (see `words_in`)."""

    VERB = auto()  # said-verbs, also inverted ("said Jane Doe")
    NOUN = auto()  # speech nouns ("statement", "comments")
    PHRASE = auto()  # first words of attributing phrases ("according to")
    LABEL = auto()  # first words of letter header labels
    REFERENCE = auto()  # nouns that refer back to a person ("the officer")
    RELATIVE = auto()  # relative pronouns that open a describing clause ("who chairs")


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
    title_places: tuple[tuple[str, ...], ...]
    first_name_honorifics: frozenset[str]
    name_particles: frozenset[str]
    speech_verbs: frozenset[str]
    inverted_verbs: frozenset[str]
    passive: frozenset[str]
    agent_markers: frozenset[str]
    modifiers: frozenset[str]
    object_markers: frozenset[str]
    pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    public_nouns: frozenset[str]
    subject_openers: frozenset[str]
    fronted_openers: frozenset[str]
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
    back_references: tuple[str, ...]
    sign_offs: tuple[str, ...]
    reference_nouns: dict[str, tuple[str, ...]]
    reference_roles: dict[str, tuple[str, ...]]
    letter_labels: dict[str, str]  # label → sender | recipient | header
    signature_max_words: int
    back_reference_words: int  # the most words a back reference has
    fire_words: re.Pattern
    police_words: re.Pattern
    caption_markers: re.Pattern
    related_markers: re.Pattern
    # Every word list looked up token by token, by its name (see `_lists`).
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)

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


def _markers(values, extra_word: bool = False) -> re.Pattern:
    """A paragraph that is one of the markers, alone or before a colon or a dash; with
    `extra_word`, a marker and one more word ("Image caption:", "Photo credit:")."""
    alternatives = "|".join(re.escape(str(v)) for v in sorted(values, key=len, reverse=True))
    extra = r"(?:\s+[^\W\d_]+)?" if extra_word else ""
    return re.compile(rf"^[-• ]*(?:{alternatives}){extra}\s*(?:$|[:\-–—])", re.IGNORECASE)


# The word lists a document's tokens are looked up in, by the name callers ask for.
def _lists(built: Lexicon, rules: Rules) -> dict[str, frozenset[str]]:
    return {
        WordList.VERB: built.speech_verbs | built.inverted_verbs,
        WordList.NOUN: built.speech_nouns,
        WordList.PHRASE: frozenset(p[0] for p in built.attribution_phrases),
        WordList.LABEL: frozenset(label.split()[0] for label in built.letter_labels),
        WordList.REFERENCE: frozenset(built.reference_nouns),
        WordList.RELATIVE: _words(rules.roles.described_relatives),
    }


def words_in(rules: Rules, doc: Doc) -> dict[str, list[int]]:
    """The tokens of a document found in each word list (see `_lists`), in order; a list
    with none is left out. Each list is a sorted lookup, made once per document (see
    clauses.word_positions) for the several readers of the same document."""
    lists = lexicon(rules).word_lists
    return {kind: found for kind, words in lists.items()
            if (found := word_positions(doc, words))}


def lexicon(rules: Rules) -> Lexicon:
    cached = _CACHE.get(rules.version)
    if cached is not None:
        return cached
    roles, speech = rules.roles, rules.speech
    built = Lexicon(
        honorifics=_words(roles.honorifics),
        post_nominals=_words(roles.post_nominals),
        not_name=_words(roles.not_name_words),
        police_ranks=_words(roles.police_ranks),
        rank_prefixes=_words(roles.rank_prefixes),
        title_links=_words(roles.title_links),
        body_heads=_words(roles.body_heads),
        title_qualifiers=_words(roles.title_qualifiers),
        org_connectors=_words(roles.org_connectors),
        scottish_words=_words(roles.scottish_words),
        title_places=tuple(sorted((tuple(p.lower().split()) for p in roles.title_places),
                                  key=len, reverse=True)),
        first_name_honorifics=_words(roles.first_name_honorifics),
        name_particles=_words(roles.name_particles),
        speech_verbs=_words(rules.words.speech_verbs),
        inverted_verbs=_words(speech.inverted_verbs),
        passive=_words(speech.passive_auxiliaries),
        agent_markers=_words(speech.agent_markers),
        modifiers=_words(speech.verb_modifiers),
        object_markers=_words(speech.object_markers),
        pronouns=_words(speech.pronouns),
        relative_pronouns=_words(speech.relative_pronouns),
        public_nouns=_words(speech.public_nouns),
        subject_openers=_words(speech.subject_openers),
        fronted_openers=_words(speech.fronted_openers),
        coordinators=_words(speech.coordinators),
        clause_breaks=_words(rules.words.clause_breaks),
        speech_nouns=_words(speech.speech_nouns),
        light_verbs=_words(speech.light_verbs),
        noun_links=_words(speech.noun_links),
        noun_fillers=_words(speech.noun_fillers),
        force_links=_words(speech.force_links),
        determiners=_words(speech.reference_determiners),
        possessors=_words(speech.reference_possessors),
        first_person=_words(speech.first_person),
        colon_fillers=_words(speech.colon_fillers),
        attribution_phrases=tuple(tuple(p.lower().split())
                                  for p in speech.attribution_phrases),
        sign_offs=tuple(s.lower() for s in speech.sign_offs),
        back_references=tuple(p.lower() for p in speech.back_references),
        back_reference_words=max(len(p.split()) for p in speech.back_references),
        reference_nouns={k.lower(): tuple(v) for k, v in speech.reference_nouns.items()},
        reference_roles={k: tuple(v) for k, v in speech.reference_roles.items()},
        letter_labels={label.lower(): kind for kind, labels in speech.letter_labels.items()
                       for label in labels},
        signature_max_words=int(speech.signature_max_words),
        fire_words=_phrases(speech.fire_words),
        police_words=_phrases(speech.police_words),
        caption_markers=_markers(speech.caption_markers, extra_word=True),
        related_markers=_markers(speech.related_markers),
    )
    built.word_lists.update(_lists(built, rules))
    _CACHE[rules.version] = built
    return built
