"""statement events: a named official who is quoted or whose words are reported.

Attribution reads the words around each quote block: a named person ("said Mr Guildford"),
a pronoun ("he added") or a role ("the chief constable said") points to a person already
introduced; an organisation ("West Midlands Police said") is not a person and yields nothing.
A quote with no attribution continues the speaker of the quote just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.context import Analysis
from pipeline.extract.evidence import span_event
from pipeline.extract.people import People, Person, find_people
from pipeline.extract.quotes import QuoteBlock, quote_blocks
from pipeline.models import Event

_PRONOUNS = {"he", "she", "they"}
_ROLE_WORDS = {
    "chief constable": "chief_constable",
    "deputy chief constable": "deputy_chief_constable",
    "assistant chief constable": "assistant_chief_constable",
    "commissioner": None,
    "inspector": "hm_inspector",
    "chief inspector": "hm_chief_inspector",
    "home secretary": "minister",
    "minister": "minister",
    "pcc": "police_and_crime_commissioner",
}


@dataclass
class Said:
    person: Person
    quotes: list[str] = field(default_factory=list)
    evidence: tuple[int, int] | None = None


def _speech(analysis: Analysis, words: str) -> bool:
    verbs = set(analysis.rules.words["speech_verbs"])
    return any(w.strip(",.:;") in verbs for w in words.lower().split())


def _speaker_in(analysis: Analysis, people: People, start: int, end: int,
                nearest_to: int) -> Person | None | bool:
    """A person named in [start, end); False when the words name an organisation speaking."""
    mentions = [m for m in people.mentions if m.start >= start and m.end <= end]
    if mentions:
        return min(mentions, key=lambda m: min(abs(m.start - nearest_to),
                                               abs(m.end - nearest_to))).person
    words = analysis.text[start:end]
    lowered = f" {words.lower()} "
    if not _speech(analysis, words):
        return None
    for pronoun in _PRONOUNS:
        if f" {pronoun} " in lowered.replace(",", " ").replace(":", " "):
            return people.last_before(start) or None
    for phrase, role in sorted(_ROLE_WORDS.items(), key=lambda kv: -len(kv[0])):
        if f"the {phrase} " in lowered or f"the {phrase}," in lowered:
            if role is None:
                person = people.last_before(start)
                return person if person and "commissioner" in person.role else None
            return people.last_before(start, role)
    if any(analysis.text[m.start : m.end] for m in analysis.forces
           if m.start >= start and m.end <= end) or "spokes" in lowered:
        return False
    return None


def _attribute(analysis: Analysis, people: People, block: QuoteBlock,
               previous: tuple[QuoteBlock, Person | None] | None) -> Person | None:
    text = analysis.text
    before = (block.first_paragraph[0], max(block.start - 1, block.first_paragraph[0]))
    after = (min(block.end + 1, block.last_paragraph[1]), block.last_paragraph[1])
    for start, end, near in ((after[0], after[1], after[0]), (before[0], before[1], before[1])):
        if end - start < 2:
            continue
        found = _speaker_in(analysis, people, start, end, near)
        if found is False:
            return None
        if found:
            return found
    if previous is not None:
        prev_block, prev_person = previous
        gap = text[prev_block.end : block.first_paragraph[0]]
        if gap.count("\n") <= 1 and not text[before[0] : before[1]].strip():
            return prev_person
    # "Mr Guildford said the force had worked hard." then the quote in its own paragraph.
    lead = text[: block.first_paragraph[0]].rstrip().rsplit("\n", 1)[-1]
    lead_start = block.first_paragraph[0] - 1 - len(lead)
    if lead and (lead.rstrip().endswith(":") or _speech(analysis, lead)):
        found = _speaker_in(analysis, people, max(lead_start, 0), block.first_paragraph[0],
                            block.first_paragraph[0])
        if found:
            return found
    return None


def _reported(analysis: Analysis, people: People) -> list[tuple[Person, int, int]]:
    """People whose words are reported without a quote: "Craig Guildford praised officers".

    The said-verb may follow an apposition or relative clause set off by commas
    ("Will Kerr, who joined the force in January, said …").
    """
    out = []
    verbs = set(analysis.rules.words["speech_verbs"])
    doc = analysis.doc
    for mention in people.mentions:
        sentence = analysis.sentence_of(mention.tok_start)
        before = [t.lower_ for t in doc[max(mention.tok_start - 2, sentence.tok_start) :
                                        mention.tok_start]]
        if before and before[-1] in verbs:
            out.append((mention.person, sentence.start, sentence.end))
            continue
        tail = [t.lower_ for t in doc[mention.tok_end : min(mention.tok_end + 24,
                                                            sentence.tok_end)]]
        if any(w in verbs for w in tail[:4]):
            out.append((mention.person, sentence.start, sentence.end))
            continue
        if tail[:1] in ([","], ["for"], ["of"], ["at"]):
            closing = [i for i, w in enumerate(tail[1:], 1) if w == ","]
            if closing and any(w in verbs for w in tail[closing[0] + 1 : closing[0] + 4]):
                out.append((mention.person, sentence.start, sentence.end))
    return out


_FIRE_WORDS = re.compile(r"\bfire(?:fighters?| service| and rescue| stations?)\b|"
                         r"\bthe service\b", re.IGNORECASE)
_POLICE_WORDS = re.compile(r"\b(?:police|force|constabulary|officers|policing)\b",
                           re.IGNORECASE)


def _about_fire_service(evidence: str, quotes: list[str]) -> bool:
    """Words about a fire and rescue service, with nothing about policing."""
    text = " ".join([evidence, *quotes])
    return bool(_FIRE_WORDS.search(text)) and not _POLICE_WORDS.search(text)


def _force_spoken_about(analysis: Analysis, start: int, end: int) -> str | None:
    """For inspectors, ministers and others: the force their words are about, if named nearby.

    A national speech names no force in or just before the statement: its force stays NULL
    rather than borrowing whichever force the article named last.
    """
    doc = analysis.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    first = analysis.sentence_of(span.start)
    window_start = analysis.sentences[max(first.index - 1, 0)].tok_start
    named = [m for m in analysis.forces_between(window_start, span.end)
             if analysis.usable(m) or m.kind == "office"]
    words = analysis.text[start:end].lower()
    if named:
        return named[-1].force_id if named[-1].tok_start < span.start else named[0].force_id
    if analysis.single_force:
        return analysis.single_force  # the document is about one force: so are the words
    if any(w in words for w in ("the force", "the constabulary")):
        return analysis.force_before(span.start)
    return None


def extract_statements(analysis: Analysis) -> list[Event]:
    people = find_people(analysis)
    if not people.persons:
        return []
    said: dict[int, Said] = {}
    previous = None
    for block in quote_blocks(analysis.text):
        person = _attribute(analysis, people, block, previous)
        previous = (block, person)
        if person is None:
            continue
        entry = said.setdefault(id(person), Said(person))
        entry.quotes.append(block.text(analysis.text))
        if entry.evidence is None:
            entry.evidence = (block.first_paragraph[0], min(block.end + 1,
                                                            block.last_paragraph[1]))
    for person, start, end in _reported(analysis, people):
        entry = said.setdefault(id(person), Said(person))
        if entry.evidence is None or start < entry.evidence[0] and not entry.quotes:
            entry.evidence = (start, end)
    events = []
    for entry in said.values():
        if analysis.mentions_fire_service and _about_fire_service(
                analysis.text[entry.evidence[0] : entry.evidence[1]], entry.quotes):
            continue  # the same inspectors and commissioners speak about fire services too
        person = entry.person
        force_id = person.force_id or _force_spoken_about(analysis, *entry.evidence)
        events.append(span_event(
            analysis, entry.evidence[0], entry.evidence[1], "statement", force_id,
            person_name=person.name, person_role=person.role, person_org=person.org,
            quote=" … ".join(entry.quotes) if entry.quotes else None,
        ))
    return sorted(events, key=lambda e: e.char_start)
