"""Who a said-verb belongs to: the person it is said by, read from the grammar around it.

A said-verb's speaker is its subject: the person just before it ("Tim Smith said", "Tim
Smith, the chief constable, said", "the officer was pleased to report"), or, for the verbs
that invert, the person just after it ("said Chief Constable Tim Smith"). A person after
any other verb is its object ("praised Tim Smith", "told Tim Smith"), and a passive verb
("Tim Smith was praised") reports words about the person: neither makes them a speaker.
Words put on record as nouns count too: "a letter from HMI Jane Doe", "the commissioner
issued a statement". A pronoun ("he added") is the person who spoke last.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.attrs import IDX

from pipeline.extract.clauses import token_column
from pipeline.extract.context import Analysis
from pipeline.extract.lexicon import Lexicon, WordList, lexicon, words_in
from pipeline.extract.persons import People, Person, PersonMention

# The longest apposition between a speaker and the said-verb: "Tim Smith, who joined the
# force from Kent Police in 2021, said".
_APPOSITION_MAX = 20
# How far after a possessive its possessed noun's apposition may start: "Mr Horner's
# deputy commander, Supt Emma Clarke".
_APPOSITION_REACH = 6
_POSSESSIVE = frozenset({"'s", "’s"})
# How far before a speech noun its light verb may stand: "issued a short statement".
_NOUN_REACH = 3
_FRONTED_WORDS = 8  # "At Home Office questions,": the longest phrase set before a subject
# The word lists whose tokens may introduce someone's words, in the order they are read.
_SPEECH_LISTS = (WordList.VERB, WordList.NOUN, WordList.PHRASE)


@dataclass
class Voices:
    """What attribution needs to know about one document, built once."""

    analysis: Analysis
    people: People
    words: Lexicon
    by_token: dict[int, PersonMention] = field(default_factory=dict)
    forces: dict[int, int] = field(default_factory=dict)  # token → start of its force mention
    last_speaker: Person | None = None
    starts: list[int] = field(default_factory=list)  # each token's first character
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quoted character ranges

    def quoted(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.quotes)

    @classmethod
    def of(cls, analysis: Analysis, people: People) -> Voices:
        voices = cls(analysis, people, lexicon(analysis.rules))
        for mention in people.mentions:
            for i in range(mention.tok_start, mention.tok_end):
                voices.by_token.setdefault(i, mention)
        for force in analysis.forces:
            for i in range(force.tok_start, force.tok_end):
                voices.forces[i] = force.tok_start
        voices.starts = token_column(analysis.doc, IDX).tolist()
        return voices

    def token_at(self, char: int) -> int:
        """The token holding a character, or the first token after it (for white space)."""
        i = bisect_right(self.starts, char) - 1
        if i < 0:
            return 0
        token = self.analysis.doc[i]
        if char >= token.idx + len(token) and i + 1 < len(self.starts):
            return i + 1
        return i

    def spoke(self, person: Person | None) -> Person | None:
        if person is not None:
            self.last_speaker = person
        return person


def _sentence_subject(voices: Voices, sentence, before: int) -> Person | None:
    """The person a sentence opens with ("My deputy, Jane Doe, has been meeting …", "The
    chief constable said …"), if the sentence is not itself quoted speech."""
    if voices.quoted(sentence.start):
        return None
    doc = voices.analysis.doc
    first = _after_fronted(voices, sentence, before)
    while first < min(before, sentence.tok_end) and (
            doc[first].lower_ in voices.words.subject_openers):
        first += 1
    mention = voices.by_token.get(first)
    if first < before and mention is not None and mention.tok_start >= sentence.tok_start:
        if mention.tok_end < len(doc) and doc[mention.tok_end].text in _POSSESSIVE:
            return _possessed(voices, mention.tok_end, min(before, sentence.tok_end))
        return mention.person
    return None


def _after_fronted(voices: Voices, sentence, before: int) -> int:
    """Where the subject may start: after a short phrase fronted with a comma ("At Home
    Office questions, …"), else at the sentence start."""
    doc = voices.analysis.doc
    start = sentence.tok_start
    if doc[start].lower_ not in voices.words.fronted_openers:
        return start
    for k in range(start + 1, min(start + _FRONTED_WORDS, before, sentence.tok_end)):
        if doc[k].text == ",":
            return k + 1
    return start


def _possessed(voices: Voices, after: int, end: int) -> Person | None:
    """"Mr Horner's colleague, Supt Emma Clarke, warned …": the sentence is about the person
    named in apposition to what the first one has, not about the first one."""
    for i in range(after + 1, min(end, after + _APPOSITION_REACH)):
        mention = voices.by_token.get(i)
        if mention is not None and voices.analysis.doc[i - 1].text == ",":
            return mention.person
    return None


def _pronoun_person(voices: Voices, i: int) -> Person | None:
    """The person a pronoun at token i stands for: the subject its sentence or the sentence
    before opens with; else who spoke last; else who was named last as a subject (a person
    after "to", "by" or "thanked" is an object); else who was named last."""
    analysis = voices.analysis
    sentence = analysis.sentence_of(i)
    subject = _sentence_subject(voices, sentence, i)
    if subject is None and sentence.index > 0:
        subject = _sentence_subject(voices, analysis.sentences[sentence.index - 1],
                                    len(analysis.doc))
    if subject is not None:
        return subject
    if voices.last_speaker is not None:
        return voices.last_speaker
    doc = analysis.doc
    earlier = [m for m in voices.people.mentions if m.tok_end <= i]
    for mention in reversed(earlier):
        before = doc[mention.tok_start - 1].lower_ if mention.tok_start else ""
        if before not in voices.words.object_markers:
            return mention.person
    return earlier[-1].person if earlier else None


def _person_at(voices: Voices, i: int) -> Person | None:
    if i in voices.by_token:
        return voices.by_token[i].person
    if voices.analysis.doc[i].lower_ in voices.words.pronouns:
        return _pronoun_person(voices, i)
    return None


def _skip_back(voices: Voices, i: int, floor: int) -> int:
    """Past modifiers, a bracketed aside and a force named with the person ("Tim Smith of
    Kent Police said")."""
    doc = voices.analysis.doc
    while i >= floor:
        if i not in voices.by_token and (doc[i].lower_ in voices.words.modifiers
                                         or voices.words.post_nominal(doc[i])):
            i -= 1
        elif i in voices.forces and i not in voices.by_token:
            i = voices.forces[i] - 1
            if i >= floor and doc[i].lower_ in voices.words.force_links:
                i -= 1
        elif doc[i].text == ")":  # "Jane Doe (Chief Constable) said", "Jane Doe (JD) said"
            opening = next((j for j in range(i - 1, max(floor, i - _APPOSITION_MAX) - 1, -1)
                            if doc[j].text == "("), None)
            if opening is None:
                return i
            i = opening - 1
        else:
            return i
    return i


def _subject_mention(voices: Voices, i: int) -> bool:
    """Whether the mention ending at token i stands as a subject, not after "to" or "by"."""
    mention = voices.by_token[i]
    start = mention.tok_start
    return start == 0 or voices.analysis.doc[start - 1].lower_ not in voices.words.object_markers


def _apposition_subject(voices: Voices, comma: int, floor: int) -> Person | None:
    """"Jane Doe, Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly,
    said": back over the commas of an apposition to the person it describes."""
    doc = voices.analysis.doc
    for j in range(comma, max(comma - _APPOSITION_MAX, floor) - 1, -1):
        if doc[j].text != "," or j - 1 < floor:
            continue
        if j - 1 in voices.by_token and _subject_mention(voices, j - 1):
            return voices.by_token[j - 1].person
        if j < comma and doc[j - 1].lower_ in voices.words.pronouns:
            return _pronoun_person(voices, j - 1)
    return None


def subject_before(voices: Voices, verb: int, floor: int) -> Person | None:
    """The person a said-verb at token `verb` is said by, reading left from it."""
    doc = voices.analysis.doc
    if verb - 1 < floor or doc[verb - 1].lower_ in voices.words.passive:
        return None
    i = _skip_back(voices, verb - 1, floor)
    if i < floor:
        return None
    if doc[i].text == ",":
        return _apposition_subject(voices, i, floor)
    if doc[i].lower_ in voices.words.relative_pronouns and i - 2 >= floor and (
            doc[i - 1].text == ","):
        # "the views of Tim Smith, who has responded": the person the clause is about, even
        # as the object of what comes before it.
        mention = voices.by_token.get(i - 2)
        return mention.person if mention is not None else None
    return _person_at(voices, i)


def subject_after(voices: Voices, verb: int, ceiling: int) -> Person | None:
    """"said Chief Constable Tim Smith", "added the officer", "was praised by Tim Smith":
    the speaker after the verb."""
    doc = voices.analysis.doc
    i = verb + 1
    if i + 1 < ceiling and doc[i].lower_ in voices.words.agent_markers and (
            i + 1 in voices.by_token and voices.by_token[i + 1].tok_start == i + 1):
        return voices.by_token[i + 1].person  # "the letter written by HMI Jane Doe"
    if doc[verb].lower_ not in voices.words.inverted_verbs or not _inverts(voices, verb):
        return None
    if i < ceiling:
        i = _possessed_after(voices, i, ceiling)
    if i < ceiling and i in voices.by_token and voices.by_token[i].tok_start == i:
        return voices.by_token[i].person
    if i < ceiling and doc[i].lower_ in voices.words.pronouns:
        return _pronoun_person(voices, i)
    return None


def _possessed_after(voices: Voices, i: int, ceiling: int) -> int:
    """"said the force's new chief constable, Jane Doe": where the person after a
    possessive lead-in starts, or `i` when the words after the verb are no such lead-in."""
    doc = voices.analysis.doc
    if doc[i].lower_ not in voices.words.determiners:
        return i
    for j in range(i + 1, min(i + _APPOSITION_REACH, ceiling)):
        if j in voices.by_token:
            owned = any(doc[k].text in _POSSESSIVE for k in range(i, j))
            return j if owned and voices.by_token[j].tok_start == j else i
        if doc[j].is_punct and doc[j].text not in _POSSESSIVE:
            return i
    return i


def _inverts(voices: Voices, verb: int) -> bool:
    """Whether a said-verb stands where the speaker may follow it: after a quote, a comma or
    a dash (“…,” said Jane Doe), or opening its sentence. After "and said" the person or
    pronoun that follows is the subject of the words reported ("and said he would ask")."""
    analysis = voices.analysis
    if verb == analysis.sentence_of(verb).tok_start:
        return True
    return analysis.doc[verb - 1].is_punct


def speaker_of(voices: Voices, verb: int, floor: int, ceiling: int) -> Person | None:
    found = subject_before(voices, verb, floor) or subject_after(voices, verb, ceiling)
    if found is None and _coordinated(voices, verb, floor):
        # "Jane Doe welcomed the decision but said …": the subject of the first verb, which
        # may be a pronoun ("She opened the meeting and told the panel that …").
        sentence = voices.analysis.sentence_of(verb)
        return _sentence_subject(voices, sentence, verb) or _opening_pronoun(
            voices, sentence, verb)
    return found


def _opening_pronoun(voices: Voices, sentence, before: int) -> Person | None:
    """The person a pronoun opening an unquoted sentence stands for."""
    doc = voices.analysis.doc
    first = sentence.tok_start
    while first < before and doc[first].lower_ in voices.words.subject_openers:
        first += 1
    if first >= before or voices.quoted(sentence.start) or (
            doc[first].lower_ not in voices.words.pronouns):
        return None
    return _pronoun_person(voices, first)


def _coordinated(voices: Voices, verb: int, floor: int) -> bool:
    i = _skip_back(voices, verb - 1, floor)
    return i >= floor and voices.analysis.doc[i].lower_ in voices.words.coordinators


def _after_phrase(voices: Voices, i: int, ceiling: int) -> Person | None:
    """"according to the chief constable": the person named right after such a phrase."""
    doc = voices.analysis.doc
    for phrase in voices.words.attribution_phrases:
        end = i + len(phrase)
        if end >= ceiling or tuple(t.lower_ for t in doc[i:end]) != phrase:
            continue
        while end < ceiling:
            if end in voices.by_token and voices.by_token[end].tok_start == end:
                return voices.by_token[end].person
            if doc[end].lower_ not in voices.words.honorifics:
                break
            end += 1  # "according to Sir Andy Cooke": a mention may start at the name
    return None


def noun_speaker(voices: Voices, noun: int, floor: int, ceiling: int) -> Person | None:
    """"a letter from HMI Jane Doe", "the statement made by", "Jane Doe issued a statement"."""
    doc = voices.analysis.doc
    words = voices.words
    i = noun + 1
    if i < ceiling and doc[i].lower_ in words.light_verbs:
        i += 1
    if i < ceiling and doc[i].lower_ in words.noun_links:
        i += 1
        while i < ceiling and doc[i].lower_ in words.noun_fillers and i not in voices.by_token:
            i += 1
        if i < ceiling and i in voices.by_token:
            return voices.by_token[i].person
        return None
    for j in range(noun - 1, max(noun - 1 - _NOUN_REACH, floor - 1), -1):
        if doc[j].lower_ in words.light_verbs:
            return subject_before(voices, j, floor)
    return None


def speech_tokens(voices: Voices) -> list[tuple[int, str]]:
    """Every said-verb, speech noun and attributing phrase, in text order."""
    found = words_in(voices.analysis.rules, voices.analysis.doc)
    return sorted((i, kind) for kind in _SPEECH_LISTS for i in found.get(kind, ()))


def speaker_at(voices: Voices, i: int, floor: int, ceiling: int, kind: str) -> Person | None:
    """The speaker of a said-verb, speech noun or attributing phrase at token i."""
    if kind == WordList.VERB:
        return speaker_of(voices, i, floor, ceiling)
    if kind == WordList.NOUN:
        return noun_speaker(voices, i, floor, ceiling)
    return _after_phrase(voices, i, ceiling)
