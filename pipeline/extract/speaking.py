"""People the text introduces only by their words: a name with no title beside it, where the
grammar makes it a speaker.

"Jane Doe said", "Jane Doe, who led the review, told the panel", "“…,” said Jane Doe",
"a statement from Jane Doe", "according to Jane Doe": without a title the name is still a
person's, because only a person is the subject of a said-verb there. Their role is `other`
unless rules/officials.yaml knows the name (the caller's business). Not a person: a name
that is a force, a place or a body ("Fire Brigades Union said"), a member of the public
("resident Jane Doe said", "Jane Doe, 45, said"), a journalist ("reporter Jane Doe said"),
or a single word ("Mr Doe said" is someone already introduced, or no one).
"""

from __future__ import annotations

from pipeline.extract.clauses import token_lowers
from pipeline.extract.context import Analysis
from pipeline.extract.lexicon import Lexicon, WordList, lexicon, words_in
from pipeline.extract.names import clean_name, name_after, name_before, title_case_headline
from pipeline.extract.titles import place_tokens

# The longest apposition between a name and its said-verb ("Jane Doe, who led the review
# for the council, said").
_APPOSITION_MAX = 20
# How far before a name a word that makes it a member of the public may stand ("local
# resident Jane Doe").
_PUBLIC_REACH = 2


def _before_verb(analysis: Analysis, words: Lexicon, verb: int, floor: int
                 ) -> tuple[int, int] | None:
    """"Jane Doe has today said", "Jane Doe, who chairs the board, said": the name whose
    said-verb this is, unless an apposition makes them one of the public ("Jane Doe, 45,")."""
    doc = analysis.doc
    lowers = token_lowers(doc)
    i = verb
    while i > floor and lowers[i - 1] in words.modifiers:
        i -= 1
    if i > floor and doc[i - 1].text == ",":
        comma = next((j for j in range(i - 2, max(i - _APPOSITION_MAX, floor) - 1, -1)
                      if doc[j].text == ","), None)
        if comma is None or any(t.like_num or t.lower_ in words.public_nouns
                                for t in doc[comma:i]):
            return None
        i = comma
    return name_before(analysis, i, floor)


def _after_verb(analysis: Analysis, words: Lexicon, verb: int, ceiling: int
                ) -> tuple[int, int] | None:
    """"“…,” said Jane Doe": the name after a said-verb that inverts, after a quote or a
    comma; "a statement from Jane Doe", "according to Jane Doe": the name after the link."""
    doc = analysis.doc
    lowers = token_lowers(doc)
    if lowers[verb] in words.inverted_verbs:
        if verb == 0 or not doc[verb - 1].is_punct:
            return None
        return name_after(analysis, verb + 1, ceiling)
    link = verb + 1
    if lowers[verb] in words.speech_nouns and link < ceiling and (
            lowers[link] in words.noun_links):
        return name_after(analysis, link + 1, ceiling)
    for phrase in words.attribution_phrases:
        end = verb + len(phrase)
        if tuple(lowers[verb:end]) == phrase:
            return name_after(analysis, end, ceiling)
    return None


def _a_person(analysis: Analysis, words: Lexicon, span: tuple[int, int], blocked: set[int],
              subject: bool) -> bool:
    """Two words or more that are no force, place or body, and no one of the public; as a
    verb's `subject`, not the object of a word before it ("a letter to Jane Doe said")."""
    doc = analysis.doc
    start, end = span
    if any(i in blocked for i in range(start, end)):
        return False
    if len(clean_name(analysis, start, end).split()) < 2:
        return False
    before = doc[max(start - _PUBLIC_REACH, 0) : start]
    if any(t.lower_ in words.public_nouns for t in before) or (
            subject and start and doc[start - 1].lower_ in words.object_markers):
        return False
    sentence = analysis.sentence_of(start)
    if title_case_headline(analysis, sentence):
        # "Jane Doe Says Force Has Improved": a name only if the text names her again.
        return doc[end - 1].text in analysis.text[sentence.end :]
    return True


def said_names(analysis: Analysis, covered: set[int]) -> list[tuple[int, int]]:
    """Token spans of names the grammar makes speakers, not already part of a mention
    (`covered`), in text order."""
    words = lexicon(analysis.rules)
    found = words_in(analysis.rules, analysis.doc)
    blocked = covered | place_tokens(analysis) | {
        i for m in analysis.forces for i in range(m.tok_start, m.tok_end)}
    spans: dict[int, tuple[int, int]] = {}
    for kind in (WordList.VERB, WordList.NOUN, WordList.PHRASE):
        for i in found.get(kind, ()):
            sentence = analysis.sentence_of(i)
            candidates = ((_before_verb(analysis, words, i, sentence.tok_start)
                           if kind == WordList.VERB else None, True),
                          (_after_verb(analysis, words, i, sentence.tok_end), False))
            for span, subject in candidates:
                if span is not None and _a_person(analysis, words, span, blocked, subject):
                    spans.setdefault(span[0], span)
    return [spans[k] for k in sorted(spans)]
