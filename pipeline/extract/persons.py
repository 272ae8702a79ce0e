"""The people a document names, and every place it refers to each of them.

A person is registered once, under the fullest name the text gives; later "Mr Guildford",
"Guildford", "the chief constable" or "the officer" are mentions of the same person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum, auto


class RoleCode(StrEnum):
    """The role codes of rules/roles.yaml `roles` that the code itself names (the others are
    only read from the rules)."""

    OTHER = auto()  # a named person whose title gives no role of its own
    CHIEF_CONSTABLE = auto()
    DEPUTY_CHIEF_CONSTABLE = auto()
    ASSISTANT_CHIEF_CONSTABLE = auto()
    COMMISSIONER = auto()
    POLICE_AND_CRIME_COMMISSIONER = auto()
    POLICE_RANK = auto()  # rules/speech.yaml reference_nouns: any rank below chief officer


class OrgCode(StrEnum):
    """rules/roles.yaml `org` values that are not a body's name."""

    FORCE = auto()  # the force named beside the title, else the force under discussion


@dataclass
class Person:
    name: str
    role: str
    force_id: str | None
    org: str | None
    first_char: int
    title: str | None = None  # the title the text gave, lower-case ("chief superintendent")
    # Offices of role `other` given besides the title: "Cllr Colin Hay (Chair)" is also "the
    # Chair".
    offices: tuple[str, ...] = ()

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
    reference: bool = False  # "the chief constable": refers back, names no one itself


@dataclass
class Authorship:
    """A person who wrote the document (a letter's sender, a signature), with the words
    that say so."""

    person: Person
    start: int
    end: int


@dataclass
class People:
    persons: list[Person] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    authors: list[Authorship] = field(default_factory=list)
    addressees: set[int] = field(default_factory=set)  # ids of people only written to

    def last_before(self, char: int, role: str | None = None) -> Person | None:
        for mention in reversed(self.mentions):
            if mention.start < char and (role is None or mention.person.role == role):
                return mention.person
        return None

    def mention(self, person: Person, analysis_doc, tok_start: int, tok_end: int,
                reference: bool = False) -> PersonMention:
        first, last = analysis_doc[tok_start], analysis_doc[tok_end - 1]
        made = PersonMention(person, first.idx, last.idx + len(last), tok_start, tok_end,
                             reference)
        self.mentions.append(made)
        return made


def register(people: People, name: str, role: str, force_id: str | None, org: str | None,
             char: int, title: str | None = None) -> Person:
    """The person of this name, added if new; a later title fills in a role still unknown."""
    surname = name.split()[-1].lower()
    for person in people.persons:
        if person.name.lower() == name.lower() or (
            person.surname.lower() == surname and (len(name.split()) == 1
                                                   or len(person.name.split()) == 1)
        ):
            if len(name.split()) > len(person.name.split()):
                person.name = name
            if person.role == RoleCode.OTHER and role != RoleCode.OTHER:
                person.role, person.force_id, person.org = role, force_id, org
                person.title = title or person.title
            return person
    person = Person(name, role, force_id, org, char, title)
    people.persons.append(person)
    return person
