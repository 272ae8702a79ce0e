"""statement events: a named official who is quoted, whose words are reported, or who wrote
the document.

One event per person per document. Its evidence runs from the attribution to the end of the
person's first quote ("…,” said Chief Constable Jane Doe" included), or is the sentence that
reports their words, or the letter header that names them as its writer. `quote` joins the
person's direct quotations in order; it is NULL for reported speech and for the writer of a
letter quoted as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.codes import Alignment
from pipeline.events.registry import STATEMENT
from pipeline.extract.attribution import read_voices, unmarked_quotes
from pipeline.extract.clauses import has_phrase, lower_words
from pipeline.extract.context import Analysis
from pipeline.extract.evidence import span_event
from pipeline.extract.furniture import furniture, in_furniture
from pipeline.extract.gazetteer import MentionKind
from pipeline.extract.lexicon import lexicon
from pipeline.extract.people import find_people
from pipeline.extract.persons import OrgCode, Person
from pipeline.extract.quotes import QuoteBlock, quote_blocks
from pipeline.extract.skeleton import Dated, Steps, never, run, undated
from pipeline.extract.speech import Voices, speech_tokens
from pipeline.extract.story import story_force
from pipeline.models import Event

_QUOTE_JOIN = " … "


# Evidence reaching its speaker through a pronoun starts at the sentence naming them, this
# many paragraphs back at most.
_NAMED_REACH = 2
# How far before a short quotation a label marker ("so-called") may start, in characters.
_LABEL_REACH = 20


@dataclass
class Said:
    person: Person
    quotes: list[str] = field(default_factory=list)
    evidence: tuple[int, int] | None = None

    def reported(self, start: int, end: int) -> None:
        """Reported words stand as evidence only for a person never quoted."""
        if self.evidence is None or start < self.evidence[0] and not self.quotes:
            self.evidence = (start, end)


def _force_spoken_about(analysis: Analysis, start: int, end: int, own_words: bool = False
                        ) -> str | None:
    """For inspectors, ministers and others: the force their words are about, if named nearby
    (for national officials, `own_words`: in their own words).

    A national speech names no force in or just before the statement: its force stays NULL
    rather than borrowing whichever force the article named last. Nor does a remark after a
    sentence naming several forces borrow one of them; "the force" there is the story's own.
    """
    doc = analysis.doc
    span = doc.char_span(start, end, alignment_mode=Alignment.EXPAND)
    first = analysis.sentence_of(span.start)
    window_start = first.tok_start if own_words else analysis.sentences[
        max(first.index - 1, 0)].tok_start
    named = [m for m in analysis.forces_between(window_start, span.end)
             if analysis.usable(m) or m.kind == MentionKind.OFFICE]
    before = analysis.sentences[max(first.index - 1, 0)]
    several = not any(m.tok_start >= first.tok_start for m in named) and len(
        {m.force_id for m in analysis.forces_between(before.tok_start, first.tok_start)}) > 1
    if several:
        named = []  # "Kent, Essex and Surrey left Engage." ¶ a remark naming none of them
    if named:
        return named[-1].force_id if named[-1].tok_start < span.start else named[0].force_id
    anaphors = analysis.rules.words.force_anaphors
    definite = tuple(f"{d} " for d in analysis.rules.speech.definite_openers)
    # Compared word by word, so "the force's progress" refers to the force as "the force" does.
    anaphor = has_phrase(lower_words(doc, span.start, span.end),
                         [w for w in anaphors if w.startswith(definite)])
    if anaphor and several:
        # "X joins Kent and Essex in Engage." ¶ "the force's chief": the story's own force
        return story_force(analysis) or analysis.force_before(span.start)
    if own_words:
        if anaphor:
            return analysis.force_before(span.start)  # "said the force had improved"
        single = analysis.single_force  # a round-up of several forces: general remarks
        return single if single and story_force(analysis) == single else None
    if analysis.single_force:
        return analysis.single_force  # the document is about one force: so are the words
    if anaphor:
        return analysis.force_before(span.start)
    return None


def _about_fire_service(analysis: Analysis, entry: Said) -> bool:
    """Words about a fire and rescue service, with nothing about policing."""
    assert entry.evidence is not None
    words = lexicon(analysis.rules)
    text = " ".join([analysis.text[entry.evidence[0] : entry.evidence[1]], *entry.quotes])
    return bool(words.fire_words.search(text)) and not words.police_words.search(text)


def _force_of(analysis: Analysis, entry: Said, fire_story: bool) -> str | None:
    """The speaker's own force; else, unless the words are about a fire service, the force
    they are about."""
    if entry.person.force_id:
        return entry.person.force_id
    if fire_story and _about_fire_service(analysis, entry):
        return None
    national = analysis.rules.roles.roles[entry.person.role].org not in (None, OrgCode.FORCE)
    return _force_spoken_about(analysis, *entry.evidence, own_words=national)


def _named_things(analysis: Analysis) -> set[str]:
    """"special measures", "Engage", "requires improvement": quoted names of phases and
    grades, never quotations."""
    phases = analysis.rules.phases
    labels = analysis.rules.speech.quoted_labels
    return {t.lower() for key in ("engage_terms", "scan_terms") for t in getattr(phases, key)} | {
        t.lower() for t in labels}


def _a_name(analysis: Analysis, block: QuoteBlock) -> bool:
    """A short quotation that names a thing: a phase or a grade, or a label after "so-called"
    or "known as" (the "hub" model); not anyone's words."""
    if not block.short:
        return False
    if block.text(analysis.text).lower().strip(" ,.") in _named_things(analysis):
        return True
    before = analysis.text[max(block.start - _LABEL_REACH, 0) : block.start - 1].lower()
    words = before.split()
    markers = analysis.rules.speech.label_markers
    return any(words[-len(m.split()):] == m.split() for m in markers) if words else False


def _gather(analysis: Analysis) -> list[Said]:
    people = find_people(analysis)
    if not people.persons:
        return []
    voices = Voices.of(analysis, people)
    tokens = speech_tokens(voices)
    blocks = [b for b in quote_blocks(analysis.text) if not _a_name(analysis, b)]
    unmarked = unmarked_quotes(voices, tokens, blocks)
    blocks = sorted([*blocks, *(a.block for a in unmarked)], key=lambda b: b.start)
    quotes, reported = read_voices(voices, blocks, tokens, {id(a.block): a for a in unmarked})
    around = furniture(analysis)
    said: dict[int, Said] = {}
    for attribution in quotes:
        if attribution.person is None or in_furniture(around, attribution.start,
                                                      attribution.end):
            continue
        entry = said.setdefault(id(attribution.person), Said(attribution.person))
        entry.quotes.append(attribution.block.text(analysis.text))
        if entry.evidence is None:
            entry.evidence = (attribution.start, attribution.end)
    for item in [*reported, *people.authors]:
        if not in_furniture(around, item.start, item.end):
            said.setdefault(id(item.person), Said(item.person)).reported(item.start, item.end)
    for entry in said.values():
        _name_in_evidence(voices, entry)
    return sorted(said.values(), key=lambda s: s.evidence[0] if s.evidence else 0)


def _name_in_evidence(voices: Voices, entry: Said) -> None:
    """“…,” she said: evidence that reaches its speaker only through a pronoun or a title
    ("the Commissioner said") starts at the sentence that names her, when that is at most
    _NAMED_REACH paragraphs back, so the row says who spoke."""
    assert entry.evidence is not None
    analysis = voices.analysis
    start, end = entry.evidence
    named = [m for m in voices.people.mentions
             if m.person is entry.person and not m.reference and m.start < end]
    if not named or any(m.start >= start for m in named):
        return
    here = analysis.sentence_of(voices.token_at(start))
    there = analysis.sentence_of(named[-1].tok_start)
    if here.paragraph - there.paragraph <= _NAMED_REACH:
        entry.evidence = (there.start, end)


def _forces(analysis: Analysis, entry: Said) -> list[str]:
    force_id = _force_of(analysis, entry, analysis.mentions_fire_service)
    return [force_id] if force_id else []


def _events(analysis: Analysis, entry: Said, forces: list[str], dated: Dated) -> list[Event]:
    """One row per person: their evidence, their first force, their quotes joined."""
    assert entry.evidence is not None
    person = entry.person
    return [span_event(
        analysis, entry.evidence[0], entry.evidence[1], STATEMENT.name,
        forces[0] if forces else None,
        person_name=person.name, person_role=person.role, person_org=person.org,
        quote=_QUOTE_JOIN.join(entry.quotes) if entry.quotes else None,
    )]


def _in_text_order(analysis: Analysis, events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.char_start)


# A person's words are one clause: never blocked, never out of scope by their clause (a
# fire officer's or HMICS inspector's words still count), undated.
STEPS = Steps(
    event_type=STATEMENT.name,
    clauses=_gather,
    span=lambda entry: None,
    blocked=never,
    forces=_forces,
    date=undated,
    events=_events,
    merge=_in_text_order,
)


def extract_statements(analysis: Analysis) -> list[Event]:
    return run(STEPS, analysis)
