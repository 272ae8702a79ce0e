"""Later references to people already named: surnames, titles without names, "the officer".

"Mr Guildford" and "Sir Andy" are the person of that surname or first name. "The chief
constable" or "the force's chief" is the chief constable named last before it; a reference
to a role nobody in the text holds refers to no one ("the chief constable had agreed").
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Span

from pipeline.extract.clauses import token_column
from pipeline.extract.context import Analysis
from pipeline.extract.lexicon import WordList, lexicon, words_in
from pipeline.extract.persons import People, Person, RoleCode
from pipeline.extract.titles import title_role

_POSSESSIVE = frozenset({"'s", "’s"})
# A story's lead may give a speaker's title and name them a few sentences on ("Sussex
# Police's chief constable has insisted … ¶ … ¶ Jo Shiner told reporters"): this many.
_NAMED_WITHIN_SENTENCES = 4


def _fits(analysis: Analysis, person: Person, roles: tuple[str, ...], title: str | None
          ) -> bool:
    """Whether a reference to these roles (or, for role `other`, to this title) can mean this
    person: "the Chair" is the person introduced as chair, not any official of role `other`
    named since."""
    if person.role in roles and not (title and person.role == RoleCode.OTHER):
        return True
    words = lexicon(analysis.rules)
    if RoleCode.POLICE_RANK in roles and person.role == RoleCode.OTHER and (
            person.title or "") in words.police_ranks:
        return True
    return bool(title and person.role == RoleCode.OTHER and any(
        held.endswith(title) for held in (person.title or "", *person.offices) if held))


def _modifiers(analysis: Analysis, words: str | None) -> frozenset[str]:
    """The rank modifiers ("deputy", "assistant") among a title's words."""
    ranks = analysis.rules.roles.rank_modifiers
    return frozenset(w for w in (words or "").lower().split() if w in ranks)


def _latest(analysis: Analysis, people: People, char: int, roles: tuple[str, ...],
            title: str | None, said: str | None = None) -> Person | None:
    """The fitting person mentioned last before `char`; one whose own title has the rank
    modifiers the reference `said` has ("the Mayor" is not the Deputy Mayor named since)."""
    wanted = _modifiers(analysis, said)
    best = same = None
    for mention in people.mentions:
        if mention.start >= char:
            break
        person = mention.person
        if _fits(analysis, person, roles, title):
            best = person
            if _modifiers(analysis, person.title) == wanted:
                same = person
    return same or best


def _title_roles(analysis: Analysis, title: Span) -> tuple[tuple[str, ...], str | None]:
    """The role codes a title without a name can refer to, and the title text for `other`.

    A title is also the noun it ends in ("the chief inspector" may be HM Chief Inspector),
    unless a rank modifier makes it a rank of its own ("the Deputy Commissioner" is no police
    and crime commissioner).
    """
    words = lexicon(analysis.rules)
    role = title.label_
    roles = words.reference_roles.get(role, (role,))
    if not _modifiers(analysis, title.text):
        roles = (*roles, *words.reference_nouns.get(title[-1].lower_, ()))
    return (roles, title.text.lower()) if role == RoleCode.OTHER else (roles, None)


def resolve_references(analysis: Analysis, people: People,
                       references: list[tuple[int, Span]]) -> None:
    """Titles used without a name ("the deputy chief constable explained") as mentions."""
    doc = analysis.doc
    for start, title in references:
        roles, text = _title_roles(analysis, title)
        said = doc[start : title.end].text
        person = _latest_titled(people, doc[start].idx, title.text.lower()) or _latest(
            analysis, people, doc[start].idx, roles, text, said) or _only_later(
            analysis, people, doc[start].idx, roles, text) or _named_next(analysis, people,
                                                                          title)
        if person is not None:
            people.mention(person, doc, start, title.end, reference=True)


def _latest_titled(people: People, char: int, title: str) -> Person | None:
    """The person last mentioned before `char` whose own title is this one, word for word:
    "the Chief Fire Officer" is the one introduced so, not the chief constable named since,
    though both are officers."""
    found = None
    for mention in people.mentions:
        if mention.start >= char:
            break
        if mention.person.title == title or title in mention.person.offices:
            found = mention.person
    return found


def _only_later(analysis: Analysis, people: People, char: int, roles: tuple[str, ...],
                title: str | None) -> Person | None:
    """"The chief inspector has outlined …" before the text names him: the one person the
    document later introduces with that role, if there is exactly one."""
    fitting = [p for p in people.persons if p.first_char > char and _fits(analysis, p, roles,
                                                                          title)]
    return fitting[0] if len(fitting) == 1 else None


def reference_noun_mentions(analysis: Analysis, people: People) -> None:
    """"the officer", "the force's chief": nouns that refer back to a named official."""
    words = lexicon(analysis.rules)
    if not people.persons or not words.reference_nouns:
        return
    doc = analysis.doc
    covered = {i for m in people.mentions for i in range(m.tok_start, m.tok_end)}
    for i in words_in(analysis.rules, doc).get(WordList.REFERENCE, ()):
        if i in covered or i == 0:
            continue
        start = i - 1
        if start >= 2 and doc[start].lower_ in _POSSESSIVE and doc[start - 1].lower_ in (
                words.possessors):
            start -= 2  # "the force's chief"
        if doc[start].lower_ not in words.determiners:
            continue
        if i + 1 < len(doc) and doc[i + 1].is_title and not doc[i + 1].is_sent_start:
            continue  # "the Inspector Jane Doe": a title before a name, not a reference
        roles = words.reference_nouns[doc[i].lower_]
        person = _latest(analysis, people, doc[start].idx, roles, None)
        if person is not None:
            people.mention(person, doc, start, i + 1, reference=True)
    people.mentions.sort(key=lambda m: m.start)


def surname_mentions(analysis: Analysis, people: People) -> None:
    """"Mr Guildford", "Sir Andy", or a bare surname after the person was introduced."""
    if not people.persons:
        return
    doc = analysis.doc
    words = lexicon(analysis.rules)
    honorifics = words.honorifics
    covered = {i for m in people.mentions for i in range(m.tok_start, m.tok_end)}
    strings = doc.vocab.strings
    wanted = [strings.add(w) for p in people.persons for w in (p.surname, p.name.split()[0])]
    for i in numpy.flatnonzero(numpy.isin(token_column(doc, ORTH), wanted)).tolist():
        token = doc[i]
        if i in covered or not token.is_title:
            continue
        prev = doc[i - 1].lower_ if i else ""
        person = None
        for candidate in people.persons:
            if token.text == candidate.surname or (prev in words.first_name_honorifics
                                                   and token.text == candidate.name.split()[0]):
                person = candidate
        if person is None:
            continue
        if token.idx < person.first_char:
            _full_name_before_introduction(people, doc, person, i)
            continue
        people.mention(person, doc, i - 1 if prev in honorifics else i, i + 1)


def _full_name_before_introduction(people: People, doc, person: Person, i: int) -> None:
    """The full name may appear before the titled introduction (a headline): a mention too."""
    words = person.name.split()
    if len(words) < 2 or i < len(words) - 1:
        return
    if [t.text for t in doc[i - len(words) + 1 : i + 1]] != words:
        return
    people.mention(person, doc, i - len(words) + 1, i + 1)


def _named_next(analysis: Analysis, people: People, title: Span) -> Person | None:
    """"The county's chief constable has told a meeting … ¶ Kate Meynell told residents": a
    title said to speak with no name, then a sentence soon after opening with a bare name
    that speaks, before anyone else is named: reporters name the lead's subject so. The
    name takes the title's role."""
    doc = analysis.doc
    words = lexicon(analysis.rules)
    sentence = analysis.sentence_of(title.start)
    if not any(t.lower_ in words.speech_verbs for t in doc[title.end : sentence.tok_end]):
        return None
    end_char = doc[title.end - 1].idx
    mention = next((m for m in people.mentions if m.start > end_char), None)
    if mention is None or mention.tok_end >= len(doc) or (
            doc[mention.tok_end].lower_ not in words.speech_verbs):
        return None
    opened = analysis.sentence_of(mention.tok_start)
    person = mention.person
    if opened.tok_start != mention.tok_start or not (
            0 < opened.index - sentence.index <= _NAMED_WITHIN_SENTENCES) or (
            person.role != RoleCode.OTHER or person.title or person.org):
        return None
    role, force_id, org = title_role(analysis, title)
    if role == RoleCode.OTHER:
        return None
    person.role, person.force_id, person.org = role, force_id, org
    person.title = title.text.lower()
    return person
