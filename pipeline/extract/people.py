"""Named officials: titles from rules/roles.yaml joined to the capitalised names beside them.

Without a statistical NER, a person is found where the text itself says who they are:
"Chief Constable Craig Guildford", "Lee Freeman, HM Inspector of Constabulary",
"West Midlands Police's chief constable, Craig Guildford". Later "Mr Guildford", "Guildford"
or "the chief constable" refer back to the person already introduced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Span
from spacy.util import filter_spans

from pipeline.extract.context import Analysis


@dataclass
class Person:
    name: str
    role: str
    force_id: str | None
    org: str | None
    first_char: int

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class PersonMention:
    person: Person
    start: int  # character offsets of the name (or the whole reference)
    end: int
    tok_start: int
    tok_end: int


@dataclass
class People:
    persons: list[Person] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)

    def by_surname(self, surname: str) -> Person | None:
        matches = [p for p in self.persons if p.surname.lower() == surname.lower()]
        return matches[-1] if matches else None

    def last_before(self, char: int, role: str | None = None) -> Person | None:
        for mention in reversed(self.mentions):
            if mention.start < char and (role is None or mention.person.role == role):
                return mention.person
        return None


def _name_after(analysis: Analysis, start: int, limit: int) -> tuple[int, int] | None:
    """The capitalised name starting at token `start` (skipping honorifics)."""
    doc = analysis.doc
    roles = analysis.rules.roles
    honorifics = set(roles["honorifics"])
    not_name = set(roles["not_name_words"])
    i = start
    while i < limit and (doc[i].lower_ in honorifics or doc[i].text in (",", ".")) and (
            doc[i].lower_ != "the"):
        i += 1
    first = i
    j = i
    while j < limit:
        token = doc[j]
        if token.text in ("-", "'", "’") and j + 1 < limit and doc[j + 1].is_title and j > first:
            j += 2
            continue
        if _is_word(token.text) and (token.is_title or _is_mc(token.text)) and (
                token.lower_ not in not_name) and len(token) > 1:
            j += 1
            continue
        break
    if j - first < 1:
        return None
    return first, j


def _title_case_headline(analysis: Analysis, sentence) -> bool:
    words = [t for t in analysis.doc[sentence.tok_start : sentence.tok_end] if t.is_alpha]
    if sentence.index > 0 or len(words) < 4:
        return False
    return sum(1 for t in words if t.text[0].isupper()) >= 0.7 * len(words)


def _is_word(text: str) -> bool:
    """Letters, allowing the apostrophes of O'Doherty and D'Orsi."""
    return text.replace("'", "").replace("’", "").isalpha()


def _is_mc(word: str) -> bool:
    return len(word) > 2 and word[:2] in ("Mc", "Ma") and word[2:3].isupper()


def _name_before(analysis: Analysis, end: int, floor: int) -> tuple[int, int] | None:
    """The capitalised name ending just before token `end` ("Lee Freeman, HM Inspector")."""
    doc = analysis.doc
    roles = analysis.rules.roles
    not_name = set(roles["not_name_words"])
    post = set(roles["post_nominals"])
    i = end
    while i > floor and (doc[i - 1].text in (",",) or doc[i - 1].lower_ in post):
        i -= 1
    last = i
    j = i
    while j > floor:
        token = doc[j - 1]
        if token.text in ("-",) and j - 2 >= floor and doc[j - 2].is_title:
            j -= 2
            continue
        if _is_word(token.text) and token.is_title and token.lower_ not in not_name and len(
                token) > 1:
            j -= 1
            continue
        break
    if last - j < 2:
        return None
    return j, last


def _clean_name(analysis: Analysis, start: int, end: int) -> str:
    doc = analysis.doc
    words = [t.text for t in doc[start:end]]
    post = set(analysis.rules.roles["post_nominals"])
    honorifics = set(analysis.rules.roles["honorifics"])
    while start < end and doc[start].lower_ in honorifics:
        start += 1
    while end > start and doc[end - 1].lower_ in post:
        end -= 1
    if start >= end or not [w for w in words if w.lower() not in post | honorifics]:
        return ""
    text = analysis.text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
    return " ".join(text.split())


def _org_force(analysis: Analysis, title: Span) -> str | None:
    """The force a title belongs to: "Chief Constable of Kent Police", "Kent's Chief Constable"."""
    sentence = analysis.sentence_of(title.start)
    for mention in analysis.forces:
        if mention.kind == "fire" or mention.tok_start < sentence.tok_start or (
                mention.tok_end > sentence.tok_end):
            continue
        if (title.start - 3 <= mention.tok_end <= title.start + 1
                and mention.tok_start < title.start):
            return mention.force_id
        if title.end <= mention.tok_start <= title.end + 2 and analysis.doc[title.end].lower_ in (
                "of", "for", "at", "in"):
            return mention.force_id
    return None


def _local_force(analysis: Analysis, title: Span, previous: bool = True) -> str | None:
    """The force named just before a title, in its sentence (or the one before)."""
    sentence = analysis.sentence_of(title.start)
    start = analysis.sentences[max(sentence.index - 2, 0)].tok_start if previous else (
        sentence.tok_start)
    named = [m for m in analysis.forces_between(start, title.start)
             if (m.kind == "office" or analysis.usable(m)) and not m.compared]
    if previous and len({m.force_id for m in named}) != 1:
        return None  # several forces just before: no telling which one the title belongs to
    return named[-1].force_id if named else None


def _org_name(analysis: Analysis, role: str, force_id: str | None, title: Span) -> str | None:
    spec = analysis.rules.roles["roles"][role]
    org = spec.get("org")
    if role == "other":
        named = _named_org(analysis, title)
        if named:
            return named
        if title.text.lower() in analysis.rules.roles["police_ranks"] and force_id:
            return analysis.toolkit.gazetteer.names.get(force_id)
        return None
    if org == "force" or (org is None and force_id):
        return analysis.toolkit.gazetteer.names.get(force_id) if force_id else None
    if org == "HMICFRS":
        after = " ".join(t.lower_ for t in analysis.doc[title.end : title.end + 2])
        before = " ".join(t.lower_ for t in analysis.doc[max(title.start - 3, 0) : title.start])
        text = analysis.text
        scottish_text = ("HMICS" in text and "HMICFRS" not in text and "HMIC " not in text) or (
            analysis.primary_force == "police-scotland")
        if after == "in scotland" or "scotland" in before or "scottish" in before or (
                scottish_text):
            return "HMICS"
    return org


def _named_org(analysis: Analysis, title: Span) -> str | None:
    """"chair of Wiltshire Police Federation": the body as the text names it."""
    doc = analysis.doc
    i = title.end
    if i >= len(doc) or doc[i].lower_ not in ("of", "at", "for"):
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    start = i
    while i < len(doc) and (doc[i].text == "&" or doc[i].is_alpha and (
            doc[i].is_title or doc[i].lower_ == "and")):
        i += 1
    while i > start and doc[i - 1].lower_ in ("and", "&"):
        i -= 1
    if i - start < 2:
        return None
    return analysis.text[doc[start].idx : doc[i - 1].idx + len(doc[i - 1])]


def _titles(analysis: Analysis) -> list[Span]:
    doc = analysis.doc
    spans = [Span(doc, s, e, label=label) for label, s, e in analysis.matches("roles")]
    kept = []
    for span in filter_spans(spans):
        # Lower-case one-word abbreviations ("acc", "pc") are ordinary words.
        if len(span) == 1 and span.text.islower() and len(span.text) <= 4:
            continue
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def find_people(analysis: Analysis) -> People:
    people = People()
    doc = analysis.doc
    commissioner_forces = set(analysis.rules.roles["commissioner_forces"])
    for title in _titles(analysis):
        sentence = analysis.sentence_of(title.start)
        if _title_case_headline(analysis, sentence):
            continue  # "Chief Constable Welcomes Decision": capitals mark the headline, not names
        role = title.label_
        modifier = doc[title.start - 1].lower_ if title.start else ""
        if role in ("commissioner", "chief_constable") and modifier in analysis.rules.roles[
                "rank_modifiers"]:
            # "Deputy Commissioner of the Metropolitan Police": the longer title won the match.
            role = analysis.rules.roles["rank_modifiers"][modifier]
        force_id = _org_force(analysis, title)
        after_title = title.end
        if after_title < sentence.tok_end and doc[after_title].lower_ in ("of", "for", "at"):
            nested = [m for m in analysis.forces if m.tok_start == after_title + 1 or (
                m.tok_start == after_title + 2 and doc[after_title + 1].lower_ == "the")]
            if nested:
                after_title = nested[0].tok_end
                # "chairman of the Greater Manchester Police Federation, Rob Kenyon"
                while after_title < sentence.tok_end and doc[after_title].is_title and (
                        doc[after_title].lower_ in analysis.rules.roles["not_name_words"]):
                    after_title += 1
        if _is_fire_title(analysis, title):
            continue
        if after_title == title.end and after_title < sentence.tok_end and doc[
                after_title].lower_ in ("of", "for", "at"):
            k = after_title + 1
            while k < sentence.tok_end and (doc[k].lower_ in ("the", "and", "&") or
                                            doc[k].is_title):
                k += 1
            if k < sentence.tok_end and doc[k].text == "," and k > after_title + 1:
                after_title = k  # "chair of the Policing Board, Mukesh Sharma"
        span = _name_after(analysis, after_title, sentence.tok_end)
        if span and span[1] - span[0] >= 1 and doc[after_title].text != ",":
            name_start, name_end = span
        else:
            span = _name_before(analysis, _left_edge(analysis, title), sentence.tok_start)
            if span is None and after_title < sentence.tok_end and doc[after_title].text == ",":
                span = _name_after(analysis, after_title + 1, sentence.tok_end)
            if span is None:
                continue
            name_start, name_end = span
        if role == "commissioner" and title.text.lower() == "commissioner":
            current = force_id or analysis.force_before(title.start)
            if current not in commissioner_forces:
                role = "police_and_crime_commissioner"
        if (role in ("chief_constable", "deputy_chief_constable", "assistant_chief_constable",
                     "commissioner", "police_and_crime_commissioner")
                or title.text.lower() in analysis.rules.roles["police_ranks"]) and force_id is None:
            # A chief constable named without a force leads the force the story is about.
            force_id = (_local_force(analysis, title, previous=False)
                        or _local_force(analysis, title) or analysis.dominant_force
                        or analysis.primary_force or analysis.force_before(title.start))
        name = _clean_name(analysis, name_start, name_end)
        if not name:
            continue
        person = _register(people, name, role, force_id, _org_name(analysis, role, force_id,
                                                                    title), doc[name_start].idx)
        people.mentions.append(PersonMention(
            person, doc[min(name_start, title.start)].idx,
            doc[name_end - 1].idx + len(doc[name_end - 1]), min(name_start, title.start),
            max(name_end, title.end)))
    _known_officials(analysis, people)
    _described_people(analysis, people)
    _surname_mentions(analysis, people)
    people.mentions.sort(key=lambda m: m.start)
    return people


_DESCRIBED = re.compile(
    r"\b(?P<name>[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){1,2}), who (?P<verb>chairs|leads|heads|"
    r"represents|is (?:the )?(?:chair|head|leader) of) (?P<org>(?:the |a |an )?[\w&’' -]*?)"
    r"(?=,| and | said)")


def _described_people(analysis: Analysis, people: People) -> None:
    """"Dan Pryce, who chairs West Midlands Police Federation, said": a role given in a clause.

    Such people are spokespeople of the body they chair (role `other`); an MP "who represents
    a constituency" is `other` with no organisation.
    """
    not_name = set(analysis.rules.roles["not_name_words"])
    for match in _DESCRIBED.finditer(analysis.text):
        honorifics = set(analysis.rules.roles["honorifics"])
        name = " ".join(w for w in match.group("name").split() if w.lower() not in honorifics)
        if len(name.split()) < 2 or any(word.lower() in not_name for word in name.split()):
            continue
        if any(p.name == name for p in people.persons):
            continue
        org = match.group("org").strip()
        org = None if not org[:1].isupper() or org.lower().startswith("the ") and not org[
            4:5].isupper() else org.removeprefix("the ")
        force_id = analysis.force_before(analysis.doc.char_span(
            match.start(), match.end(), alignment_mode="expand").start)
        person = _register(people, name, "other", force_id, org, match.start())
        span = analysis.doc.char_span(match.start("name"), match.end("name"),
                                      alignment_mode="expand")
        people.mentions.append(PersonMention(person, span.start_char, span.end_char,
                                             span.start, span.end))


def _official_entry(analysis: Analysis, name: str) -> dict | None:
    """The office a known official held on the publication date."""
    entries = [e for e in analysis.rules.officials["officials"] if e["name"] == name]
    published = analysis.published
    if published is None:
        return entries[0] if len(entries) == 1 else None
    for entry in entries:
        if entry.get("from") and published < entry["from"]:
            continue
        if entry.get("to") and published > entry["to"]:
            continue
        return entry
    return None


def _known_officials(analysis: Analysis, people: People) -> None:
    """Named office holders without a title in the text: "Sir Andy Cooke said …"."""
    doc = analysis.doc
    covered = {i for m in people.mentions for i in range(m.tok_start, m.tok_end)}
    for _, start, end in analysis.matches("officials"):
        if any(i in covered for i in range(start, end)):
            continue
        name = doc[start:end].text
        if "fire" in [t.lower_ for t in doc[max(start - 8, 0) : end + 4]]:
            continue  # the same inspectors inspect fire and rescue services
        known = next((p for p in people.persons if p.name == name), None)
        if known is None:
            entry = _official_entry(analysis, name)
            if entry is None:
                continue
            force_id = entry.get("force")
            org = entry.get("org") or analysis.toolkit.gazetteer.names.get(force_id)
            known = _register(people, name, entry["role"], force_id, org, doc[start].idx)
        people.mentions.append(PersonMention(known, doc[start].idx,
                                             doc[end - 1].idx + len(doc[end - 1]), start, end))


def _is_fire_title(analysis: Analysis, title: Span) -> bool:
    """"HM Inspector of Fire and Rescue Services", "Chief Fire Officer": not police officials."""
    near = [t.lower_ for t in analysis.doc[max(title.start - 1, 0) : title.end + 3]]
    return "fire" in near and "crime" not in near


def _left_edge(analysis: Analysis, title: Span) -> int:
    """Where the words that qualify a title start: "West Midlands Police's Chief Constable"."""
    doc = analysis.doc
    i = title.start
    for mention in analysis.forces:
        if mention.tok_start < i <= mention.tok_end:
            i = mention.tok_start  # "the West Midlands Police and Crime Commissioner"
    qualifiers = {"the", "'s", "’s", "/", "t", "deputy", *analysis.rules.roles["rank_prefixes"]}
    while i > 0 and doc[i - 1].lower_ in qualifiers:
        i -= 1
    for mention in analysis.forces:
        if mention.tok_end == i:
            i = mention.tok_start
    while i > 0 and doc[i - 1].lower_ in ("the", "'s", "’s"):
        i -= 1
    # "Sophie Linden, London's Deputy Mayor for Policing": a possessive place before a title.
    if i > 1 and doc[i - 1].lower_ in ("'s", "’s") and doc[i - 2].is_title:
        i -= 2
    return i


def _register(people: People, name: str, role: str, force_id: str | None, org: str | None,
              char: int) -> Person:
    surname = name.split()[-1].lower()
    for person in people.persons:
        if person.name.lower() == name.lower() or (
            person.surname.lower() == surname and (len(name.split()) == 1
                                                   or len(person.name.split()) == 1)
        ):
            if len(name.split()) > len(person.name.split()):
                person.name = name
            if person.role == "other" and role != "other":
                person.role, person.force_id, person.org = role, force_id, org
            return person
    person = Person(name, role, force_id, org, char)
    people.persons.append(person)
    return person


def _surname_mentions(analysis: Analysis, people: People) -> None:
    """"Mr Guildford", "Sir Andy", or a bare surname after the person was introduced."""
    if not people.persons:
        return
    doc = analysis.doc
    honorifics = set(analysis.rules.roles["honorifics"])
    covered = {i for m in people.mentions for i in range(m.tok_start, m.tok_end)}
    strings = doc.vocab.strings
    wanted = [strings.add(w) for p in people.persons for w in (p.surname, p.name.split()[0])]
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), wanted)).tolist():
        token = doc[i]
        if token.i in covered or not token.is_title:
            continue
        person = None
        prev = doc[token.i - 1].lower_ if token.i else ""
        for candidate in people.persons:
            first = candidate.name.split()[0]
            if token.text == candidate.surname or (prev in ("sir", "dame") and token.text
                                                   == first):
                person = candidate
        if person is None:
            continue
        if token.idx < person.first_char:
            first = person.name.split()
            if len(first) < 2 or token.i < len(first) - 1 or [
                    t.text for t in doc[token.i - len(first) + 1 : token.i + 1]] != first:
                continue
            people.mentions.append(PersonMention(person, doc[token.i - len(first) + 1].idx,
                                                 token.idx + len(token),
                                                 token.i - len(first) + 1, token.i + 1))
            continue
        start = token.i - 1 if prev in honorifics else token.i
        people.mentions.append(PersonMention(person, doc[start].idx, token.idx + len(token),
                                             start, token.i + 1))
