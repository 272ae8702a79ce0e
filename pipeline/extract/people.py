"""Named officials: titles from rules/roles.yaml joined to the capitalised names beside them.

Without a statistical NER, a person is found where the text itself says who they are:
"Chief Constable Craig Guildford", "Lee Freeman, HM Inspector of Constabulary",
"West Midlands Police's chief constable, Craig Guildford", a letter's "From:" block, or an
office holder rules/officials.yaml knows by name. Later "Mr Guildford", "Guildford",
"the chief constable" or "the officer" refer back to the person already introduced.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.context import Analysis
from pipeline.extract.letters import read_letters
from pipeline.extract.lexicon import WordList, lexicon, words_in
from pipeline.extract.names import clean_name, name_after, name_before, title_case_headline
from pipeline.extract.persons import People, Person, PersonMention, RoleCode, register
from pipeline.extract.references import (
    reference_noun_mentions,
    resolve_references,
    surname_mentions,
)
from pipeline.extract.speaking import said_names
from pipeline.extract.titles import Matcher, in_body_name, read_title, reference_start, titles

# "Jane Doe, who chairs …": a name and its comma take at least this many tokens, and the
# clause describing the person is read this many words long.
_MIN_NAME_END = 3
_DESCRIBED_WORDS = 6
# An attendance label takes at most this many words before its colon ("Also in
# attendance:"), and a person it lists at least this many ("J Stokes").
_LABEL_WORDS = 3
# The longest force name before a leader's possessive ("Avon and Somerset Constabulary's").
_OWNER_REACH = 6
_MIN_LISTED_WORDS = 2

__all__ = ["People", "Person", "PersonMention", "find_people"]

# The possessive ending as the tokenizer splits it off ("Kent Police's vetting team").
_POSSESSIVE = frozenset({"'s", "’s"})
# The most words a name read from a title-case headline can have.
_HEADLINE_NAME_WORDS = 3


def find_people(analysis: Analysis) -> People:
    people = People()
    forces = {i for m in analysis.forces for i in range(m.tok_start, m.tok_end)}
    title_spans = titles(analysis)
    references = _titled_people(analysis, people, forces, title_spans)
    _known_officials(analysis, people)
    _possessed_leaders(analysis, people)
    _attendees(analysis, people)
    _described_people(analysis, people)
    read_letters(analysis, people, title_spans)
    _speaking_people(analysis, people)
    people.mentions.sort(key=lambda m: m.start)
    resolve_references(analysis, people, references)
    reference_noun_mentions(analysis, people)
    surname_mentions(analysis, people)
    people.mentions.sort(key=lambda m: m.start)
    return people


def _titled_people(analysis: Analysis, people: People, forces: set[int],
                   title_spans: list[Span]) -> list[tuple[int, Span]]:
    """Register every person named beside a title; return the titles used as references."""
    references = []
    for title in title_spans:
        headline = title_case_headline(analysis, analysis.sentence_of(title.start))
        found = read_title(analysis, title, forces)
        if headline and (found is None or not _named_again(analysis, found)):
            continue  # "Chief Constable Welcomes Decision": capitals mark the headline
        if found is None:
            start = None if in_body_name(analysis, title) else reference_start(analysis, title)
            if start is not None:
                references.append((start, title))
            continue
        name = clean_name(analysis, found.name_start, found.name_end)
        if not name:
            continue
        person = register(people, name, found.role, found.force_id, found.org,
                          analysis.doc[found.name_start].idx, found.title)
        _office_over_honorific(analysis, person, found.role, found.title)
        people.mention(person, analysis.doc, found.tok_start, found.tok_end)
    return references


def _office_over_honorific(analysis: Analysis, person: Person, role: str,
                           title: str | None) -> None:
    """"Cllr Colin Hay (Chair)": the office after the name is one "the Chair" later refers
    to, as the honorific before it is one "the councillor" refers to."""
    honorifics = lexicon(analysis.rules).honorifics
    if role == RoleCode.OTHER == person.role and title and title not in honorifics and (
            person.title in honorifics) and title not in person.offices:
        person.offices = (*person.offices, title)


def _named_again(analysis: Analysis, found) -> bool:
    """A name read from a title-case headline is a name only if the text names its bearer
    again ("Chief Constable Jane Doe On The Report" … "Ms Doe said"), a said-verb follows it
    ("PCC Jane Doe Responds To Report") or a speech noun comes before it ("Statement From
    Jane Doe, Police And Crime Commissioner")."""
    doc = analysis.doc
    words = lexicon(analysis.rules)
    surname = doc[found.name_end - 1].text
    later = analysis.sentence_of(found.tok_start).end
    said = found.name_end < len(doc) and doc[found.name_end].lower_ in words.speech_verbs
    first = found.tok_start
    authored = first >= 2 and doc[first - 1].lower_ in words.noun_links and (
        doc[first - 2].lower_ in words.speech_nouns)  # "Statement From Jane Doe, PCC"
    # A lone capitalised word is a name only if the text uses it again: after a title, a
    # headline's verb reads as one ("Police Chief Rejects Claims …").
    whole = found.name_end - found.name_start > 1
    return found.name_end - found.name_start <= _HEADLINE_NAME_WORDS and (
        whole and (said or authored) or surname in analysis.text[later:])


def _speaking_people(analysis: Analysis, people: People) -> None:
    """"Jane Doe said …" with no title anywhere: a person of role `other`, or of the office
    rules/officials.yaml says the name held on the publication date."""
    doc = analysis.doc
    covered = {i for m in people.mentions for i in range(m.tok_start, m.tok_end)}
    for start, end in said_names(analysis, covered):
        name = clean_name(analysis, start, end)
        entry = _official_entry(analysis, name)
        if entry is None:
            person = register(people, name, RoleCode.OTHER, None, None, doc[start].idx)
        else:
            force_id = entry.force
            org = entry.org or analysis.toolkit.gazetteer.names.get(force_id)
            person = register(people, name, entry.role, force_id, org, doc[start].idx)
        people.mention(person, doc, start, end)


def _described_people(analysis: Analysis, people: People) -> None:
    """"Dan Pryce, who chairs West Midlands Police Federation, said": a role given in a clause.

    Such people are spokespeople of the body they chair (role `other`); an MP "who represents
    a constituency" is `other` with no organisation.
    """
    doc = analysis.doc
    phrases = [tuple(p.lower().split()) for p in analysis.rules.roles.described_by]
    for i in words_in(analysis.rules, doc).get(WordList.RELATIVE, ()):
        if i < _MIN_NAME_END or doc[i - 1].text != ",":
            continue
        words = tuple(t.lower_ for t in doc[i + 1 : i + _DESCRIBED_WORDS])
        phrase = next((p for p in phrases if words[: len(p)] == p), None)
        span = name_before(analysis, i, analysis.sentence_of(i).tok_start) if phrase else None
        if span is None:
            continue
        name = clean_name(analysis, *span)
        if any(p.name == name for p in people.persons):
            continue
        body = i + 1 + len(phrase)
        led = _led_force(analysis, body) if " ".join(phrase) in set(
            analysis.rules.roles.leader_clauses) else None
        if led is not None:
            person = register(people, name, _leader_role(analysis, led), led,
                              analysis.toolkit.gazetteer.names.get(led), doc[span[0]].idx)
        else:
            person = register(people, name, RoleCode.OTHER, analysis.force_before(span[0]),
                              _described_org(analysis, body), doc[span[0]].idx)
        people.mention(person, doc, *span)


def _led_force(analysis: Analysis, start: int) -> str | None:
    """The force a "who led" clause names first thing ("who led Cleveland Police", "who heads
    the Met"), if any: a body's head otherwise ("who leads the force's vetting team")."""
    doc = analysis.doc
    dropped = set(analysis.rules.roles.described_org_dropped)
    first = start
    while first < len(doc) and doc[first].lower_ in dropped:
        first += 1
    mention = next((m for m in analysis.forces_between(start, len(doc))), None)
    if mention is None or not start <= mention.tok_start <= first or (
            mention.tok_end < len(doc) and doc[mention.tok_end].lower_ in _POSSESSIVE):
        return None
    return mention.force_id


def _possessed_leaders(analysis: Analysis, people: People) -> None:
    """"Kent's chief, Tim Smith, said", "the force's boss, Jane Doe, wrote": a force's
    leader named in apposition to an informal title after the force's possessive."""
    doc = analysis.doc
    words = lexicon(analysis.rules)
    covered = {i for m in people.mentions for i in range(m.tok_start, m.tok_end)}
    for i in analysis.positions(list(analysis.rules.roles.leader_nouns)):
        if i < 2 or i + 2 >= len(doc) or i in covered or doc[i - 1].text not in _POSSESSIVE or (
                doc[i + 1].text != ","):
            continue
        owner = next((m for m in analysis.forces_between(max(i - _OWNER_REACH, 0), i - 1)
                      if m.tok_end == i - 1 and analysis.usable(m)), None)
        force_id = owner.force_id if owner else (
            analysis.force_before(i - 2) if doc[i - 2].lower_ in words.possessors else None)
        span = name_after(analysis, i + 2, analysis.sentence_of(i).tok_end)
        if force_id is None or span is None or span[1] >= len(doc) or not (
                doc[span[1]].text == "," or doc[span[1]].lower_ in words.speech_verbs):
            continue
        name = clean_name(analysis, *span)
        person = register(people, name, _leader_role(analysis, force_id), force_id,
                          analysis.toolkit.gazetteer.names.get(force_id), doc[span[0]].idx,
                          doc[i].lower_)
        people.mention(person, doc, owner.tok_start if owner else i - 2, span[1])


def _attendees(analysis: Analysis, people: People) -> None:
    """"Members: Mr R Faulkner (Chair), Ms J Stokes, Mr D Greenwood": the people a minutes'
    attendance line names, one between each pair of commas or semicolons, so that "Ms Stokes
    asked" later is one of them. Being listed is not speaking: no statement comes of it."""
    doc = analysis.doc
    labels = {tuple(label.split()) for label in analysis.rules.roles.attendance_labels}
    covered = {i for m in people.mentions for i in range(m.tok_start, m.tok_end)}
    for sentence in analysis.sentences:
        colon = next((i for i in range(sentence.tok_start, min(
            sentence.tok_start + _LABEL_WORDS + 1, sentence.tok_end)) if doc[i].text == ":"),
                     None)
        if colon is None or tuple(t.lower_ for t in doc[sentence.tok_start:colon]) not in labels:
            continue
        i = colon + 1
        while i < sentence.tok_end:
            end = next((j for j in range(i, sentence.tok_end) if doc[j].text in (",", ";")),
                       sentence.tok_end)
            span = name_after(analysis, i, end)
            if span is not None and not any(k in covered for k in range(*span)):
                name = clean_name(analysis, *span)
                if len(name.split()) >= _MIN_LISTED_WORDS:
                    person = register(people, name, RoleCode.OTHER, None, None,
                                      doc[span[0]].idx)
                    people.mention(person, doc, span[0], span[1])
            i = end + 1


def _leader_role(analysis: Analysis, force_id: str) -> str:
    """A force's chief officer: the commissioner in London's two forces."""
    if force_id in set(analysis.rules.roles.commissioner_forces):
        return RoleCode.COMMISSIONER
    return RoleCode.CHIEF_CONSTABLE


def _described_org(analysis: Analysis, start: int) -> str | None:
    """The body after "who chairs": up to a comma, "and" or a said-verb; named bodies only."""
    doc = analysis.doc
    roles = analysis.rules.roles
    stops = lexicon(analysis.rules).speech_verbs | set(roles.described_org_stops)
    end = start
    while end < len(doc) and doc[end].text not in (",", ".", "\n") and (
            doc[end].lower_ not in stops) and not doc[end].is_space:
        end += 1
    if end == start:
        return None
    org = analysis.text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
    if org.lower().startswith(tuple(f"{w} " for w in roles.described_org_unnamed)):
        return None
    for word in roles.described_org_dropped:
        org = org.removeprefix(f"{word} ").removeprefix(f"{word.capitalize()} ")
    return org if org[:1].isupper() else None


def _official_entry(analysis: Analysis, name: str) -> dict | None:
    """The office a known official held on the publication date."""
    entries = [e for e in analysis.rules.officials.officials if e.name == name]
    published = analysis.published
    if published is None:
        return entries[0] if len(entries) == 1 else None
    for entry in entries:
        if published < entry.from_:
            continue
        if entry.to and published > entry.to:
            continue
        return entry
    return None


def _office_over_generic_title(analysis: Analysis, person: Person) -> None:
    """"the Chief Inspector, Andy Cooke": a title shared by many ranks gave `other`; the office
    the official held on the publication date is the more specific role."""
    entry = _official_entry(analysis, person.name) or _entry_for_title(analysis, person)
    if entry is None:
        return
    person.role = entry.role
    person.force_id = entry.force or person.force_id
    person.org = entry.org or analysis.toolkit.gazetteer.names.get(person.force_id)


def _entry_for_title(analysis: Analysis, person: Person) -> dict | None:
    """With no publication date: the one office of this official whose titles contain the
    title the text gave ("chief inspector" → HM Chief Inspector, not Chief Constable)."""
    roles = analysis.rules.roles.roles
    title = person.title or ""
    entries = [e for e in analysis.rules.officials.officials if e.name == person.name
               and title and any(title in t for t in roles[e.role].titles)]
    return entries[0] if len(entries) == 1 else None


def _known_officials(analysis: Analysis, people: People) -> None:
    """Named office holders without a title in the text: "Sir Andy Cooke said …"."""
    doc = analysis.doc
    covered = {i for m in people.mentions for i in range(m.tok_start, m.tok_end)}
    for _, start, end in analysis.matches(Matcher.OFFICIALS):
        if any(i in covered for i in range(start, end)):
            titled = next((p for p in people.persons if p.name == doc[start:end].text), None)
            if titled is not None and titled.role == RoleCode.OTHER:
                _office_over_generic_title(analysis, titled)
            continue
        name = doc[start:end].text
        known = next((p for p in people.persons if p.name == name), None)
        if known is not None and known.role == RoleCode.OTHER:
            _office_over_generic_title(analysis, known)
        if known is None:
            entry = _official_entry(analysis, name)
            if entry is None:
                continue
            force_id = entry.force
            org = entry.org or analysis.toolkit.gazetteer.names.get(force_id)
            known = register(people, name, entry.role, force_id, org, doc[start].idx)
        people.mention(known, doc, start, end)
