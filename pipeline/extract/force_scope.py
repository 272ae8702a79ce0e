"""Which police force an event is about, and whether it can be about one at all.

Every extractor asks the same two questions of a clause: which force does it name or refer
to, and is it outside what the inspectorate oversees (a fire and rescue service, Police
Scotland, a force with no Engage process)? Both are answered here, from rules/forces.yaml,
so that a phase change, an inspection, a finding and a statement never disagree about a
sentence's force, and a new fire-service phrasing is one word in one list.

How the other extractors call them:

- findings (items, tallies): ``forces_of(analysis, sentence, sentence.tok_start,
  sentence.tok_end, refer=Refer.BEFORE)`` gives the forces the sentence names, or the force
  last named before it (no fallback to the document's most named force: a national review's
  "ten of sixteen recommendations" belongs to none); take the mention nearest before the
  finding with ``nearest_force``. A bare total that names no force may fall back on the
  force the document is about: ``fallback=(Fallback.SINGLE, Fallback.DOMINANT)``. Before
  making a row, ``out_of_scope(analysis, RECOMMENDATION.name, force_id)`` (the event types
  are in pipeline.events.registry).
- statements: a speaker's words belong to ``forces_of(analysis, sentence, start, end,
  fallback=(Fallback.SINGLE,))`` over the attribution's token range, or with
  ``refer=Refer.STRICT`` when the words say "the force". Words about a fire service keep
  their statement but lose the force: ``fire_clause(analysis, start, end)`` over the
  quote's tokens. Statements are never out of scope by force: a fire officer's or HMICS
  inspector's words still count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum, auto

from pipeline.codes import Alignment
from pipeline.extract.clauses import has_phrase, lower_words, token_lowers
from pipeline.extract.context import Analysis, ForceMention, Sentence
from pipeline.extract.gazetteer import MentionKind


class Refer(StrEnum):
    """How a clause that names no force may still refer to one (None: it does not, only
    forces named in the clause count)."""

    STRICT = auto()  # "the force", "the constabulary" refer to the force last named
    LOOSE = auto()  # so do "its", "it was …" as the subject, and "we" in a force's release
    BEFORE = auto()  # the clause is always about the force last named before it


class Fallback(StrEnum):
    """Document-level answers (Analysis.<name>_force), tried in the order given when the
    clause gives none."""

    LEAD = auto()
    SINGLE = auto()
    DOMINANT = auto()
    PRIMARY = auto()


FALLBACKS = tuple(Fallback)
SUBJECT_WINDOW = 8  # tokens before the clause end where "it was …" is the clause's subject
ENTRY_LINES = 6  # lines under an entry's heading that can belong to it
ENTRY_BADGE_WORDS = 1  # words besides the force's name on an entry's heading ("New")
ANTECEDENT_REACH = 60  # tokens before ", which …" read for the force it is about


def forces_of(analysis: Analysis, sentence: Sentence, start: int, end: int, *,
              places: bool = False, refer: Refer | None = None, relative: bool = False,
              fallback: Sequence[str] = ()) -> list[str]:
    """The forces a clause (tokens start..end of the sentence) is about, in text order.

    1. With relative=True, a relative clause (", which left special measures") is about the
       force named just before its comma.
    2. The forces the clause names. A bare place name ("Gloucestershire") counts when the
       force is named elsewhere or the place opens the story, or always with places=True
       (inside an oversight clause: no region or council moves between monitoring phases);
       never beside a fire and rescue service ("Dorset and Wiltshire Fire and Rescue
       Service"), nor after a comparison ("faster than Kent Police").
    3. None named: nothing when the clause has a generic subject ("any force") or is about
       a fire and rescue service (fire_clause); else the force it refers to (see Refer);
       else the first document-level fallback that gives one (FALLBACKS).
    """
    if relative:
        antecedent = _relative_antecedent(analysis, sentence, start, end, places)
        if antecedent is not None:
            return antecedent
    mentioned = analysis.forces_between(start, end)
    named = _named(analysis, sentence, mentioned, places)
    if named:
        return named
    words = lower_words(analysis.doc, start, end)
    if has_phrase(words, analysis.rules.words.generic_subjects) or fire_clause(
            analysis, start, end):
        return []
    referred = _referred(analysis, words, start, end, refer) or entry_heading(
        analysis, sentence)
    if referred:
        return [referred]
    return _fallback(analysis, fallback)


def entry_heading(analysis: Analysis, sentence: Sentence) -> str | None:
    """The force whose name heads the entry a line belongs to: on a page that lists forces
    ("Surrey Police" / "In Engage since 12 August 2025" / "Causes of concern: …"), a line
    that names no force is about the force on the heading line above it, when no line in
    between names one. A heading is a line of its own that is a force's name and at most
    `ENTRY_BADGE_WORDS` other words ("New"); read once per document."""
    key = (entry_heading, sentence.index)
    if key not in analysis.cache:
        analysis.cache[key] = _entry_heading(analysis, sentence)
    return analysis.cache[key]


def _entry_heading(analysis: Analysis, sentence: Sentence) -> str | None:
    for k in range(sentence.index - 1, max(sentence.index - 1 - ENTRY_LINES, -1), -1):
        line = analysis.sentences[k]
        named = _named(analysis, line, analysis.forces_between(line.tok_start, line.tok_end),
                       False)
        if not named:
            continue
        if len(named) > 1 or k == 0 or not analysis.is_heading(line):
            return None
        mentions = analysis.forces_between(line.tok_start, line.tok_end)
        inside = sum(m.tok_end - m.tok_start for m in mentions)
        words = len(lower_words(analysis.doc, line.tok_start, line.tok_end))
        return named[0] if words - inside <= ENTRY_BADGE_WORDS else None
    return None


def nearest_force(analysis: Analysis, sentence: Sentence, token: int, *,
                  places: bool = False) -> str | None:
    """The named force nearest before a token in its sentence, else the first after it."""
    mentions = [m for m in analysis.forces_between(sentence.tok_start, sentence.tok_end)
                if m.force_id in _named(analysis, sentence, [m], places)
                and not _beside_fire(analysis, sentence, m)]
    before = [m for m in mentions if m.tok_start < token]
    if before:
        return before[-1].force_id
    return mentions[0].force_id if mentions else None


def out_of_scope(analysis: Analysis, event_type: str, force_id: str | None = None,
                 span: tuple[int, int] | None = None) -> bool:
    """Whether an event of this type cannot be made for this force or this clause.

    A force is out of scope for an event type its remit flags exclude (rules/forces.yaml
    `remit`: Police Scotland, inspected by HMICS, has neither inspections nor findings; the
    Police Service of Northern Ireland has no Engage phase). A clause (token span) is out
    of scope when it is about a fire and rescue service and names no police force.
    """
    if force_id is not None:
        flag = analysis.rules.forces.remit.get(event_type)
        flags = getattr(analysis.toolkit.gazetteer, flag) if flag else {}
        if not flags.get(force_id, True):
            return True
    if span is not None:
        sentence = analysis.sentence_of(span[0])
        mentioned = analysis.forces_between(*span)
        return not _named(analysis, sentence, mentioned, False) and fire_clause(
            analysis, *span)
    return False


def fire_clause(analysis: Analysis, start: int, end: int) -> bool:
    """Whether a clause is about a fire and rescue service: it names one, or the text is
    also about one and the clause has no police word but has a fire word ("fire
    stations", "firefighters"), speaks of "the service", or is in a fire service's story."""
    if any(m.kind == MentionKind.FIRE for m in analysis.forces_between(start, end)):
        return True
    if not analysis.mentions_fire_service:
        return False
    spec = analysis.rules.forces
    named = _inspectorate_tokens(analysis)
    first, last, _ = slice(start, end).indices(len(analysis.doc))  # as doc[start:end] reads
    lowers = token_lowers(analysis.doc)
    words = [lowers[i] for i in range(first, last) if i not in named]
    if has_phrase(words, spec.police_words):
        return False
    return has_phrase(words, spec.fire_clause_words) or has_phrase(
        words, spec.service_words) or _fire_story(analysis)


def _inspectorate_tokens(analysis: Analysis) -> set[int]:
    """The tokens of the inspectorate's own name ("… of Constabulary and Fire & Rescue
    Services"), whose words say nothing about whether a clause is a police force's or a fire
    service's."""
    if _inspectorate_tokens not in analysis.cache:
        doc = analysis.doc
        found: set[int] = set()
        for pattern in analysis.rules.forces.inspectorate_names:
            for match in re.finditer(pattern, analysis.text, re.IGNORECASE):
                span = doc.char_span(match.start(), match.end(),
                                     alignment_mode=Alignment.EXPAND)
                if span is not None:
                    found.update(range(span.start, span.end))
        analysis.cache[_inspectorate_tokens] = found
    return analysis.cache[_inspectorate_tokens]


def _named(analysis: Analysis, sentence: Sentence, mentioned: list[ForceMention],
           places: bool) -> list[str]:
    fire = any(m.kind == MentionKind.FIRE for m in mentioned)
    named = [m for m in mentioned if (analysis.usable(m, sentence) or (
        places and m.kind == MentionKind.WEAK and not m.compared))
        and not (fire and m.kind == MentionKind.WEAK)]
    return list(dict.fromkeys(m.force_id for m in named))


def _beside_fire(analysis: Analysis, sentence: Sentence, mention: ForceMention) -> bool:
    return mention.kind == MentionKind.WEAK and any(
        m.kind == MentionKind.FIRE
        for m in analysis.forces_between(sentence.tok_start, sentence.tok_end))


def _referred(analysis: Analysis, words: list[str], start: int, end: int,
              refer: Refer | None) -> str | None:
    if refer is None:
        return None
    if refer == Refer.BEFORE:
        return analysis.force_named_before(start)
    spec = analysis.rules.forces
    refers = has_phrase(words, spec.strict_anaphors)
    if refer == Refer.LOOSE:
        refers = refers or has_phrase(words, analysis.rules.words.force_anaphors) or (
            _subject_it(analysis, start, end) or has_phrase(words, spec.first_person))
        return analysis.force_before(end) if refers else None
    return analysis.force_named_before(start) if refers else None


def _subject_it(analysis: Analysis, start: int, end: int) -> bool:
    """"it" is the force only as the subject of a verb ("it was removed"), not "It is …"."""
    doc = analysis.doc
    spec = analysis.rules.forces
    pronouns, verbs = set(spec.subject_pronouns), set(spec.subject_verbs)
    not_after = set(spec.not_after_subject_verb)
    return any(doc[i].lower_ in pronouns and doc[i + 1].lower_ in verbs
               and doc[i + 2].lower_ not in not_after
               for i in range(max(start, end - SUBJECT_WINDOW), end - 2))


def _relative_antecedent(analysis: Analysis, sentence: Sentence, start: int, end: int,
                         places: bool) -> list[str] | None:
    """"…, which left special measures": the clause is about the name just before "which",
    or the list it ends ("Cleveland, Gloucestershire and Wiltshire, which have all …")."""
    doc = analysis.doc
    pronouns = set(analysis.rules.forces.relative_pronouns)
    lowers = token_lowers(doc)
    relative = [i for i in range(start + 1, end) if lowers[i] in pronouns
                and _relative_comma(analysis, i, start) is not None]
    if not relative:
        return None
    comma = _relative_comma(analysis, relative[-1], start)
    antecedent = [m for m in analysis.forces_between(max(comma - ANTECEDENT_REACH, 0), comma)
                  if m.tok_end >= comma - 1]
    if not antecedent:
        return None
    listed = [antecedent[-1]]
    joiners = set(analysis.rules.forces.list_joiners)
    for mention in reversed(analysis.forces_between(max(comma - ANTECEDENT_REACH, 0),
                                                    listed[0].tok_start)):
        between = lower_words(doc, mention.tok_end, listed[0].tok_start)
        if not all(w in joiners for w in between):
            break
        listed.insert(0, mention)
    # The clause is about its antecedent even where the main clause only compares with it
    # ("Kent joins Essex Police and Surrey Police, both of which left Engage").
    return _named(analysis, sentence, [replace(m, compared=False) for m in listed], places)


def _relative_comma(analysis: Analysis, pronoun: int, start: int) -> int | None:
    """The comma that opens a relative clause: right before its pronoun (", which"), or
    before a quantifier of the list it is about (", both of which", ", all three of whom")."""
    doc = analysis.doc
    quantifiers = set(analysis.rules.forces.relative_quantifiers)
    i = pronoun - 1
    while i > start and doc[i].lower_ in quantifiers:
        i -= 1
    if doc[i].text != "," or (i < pronoun - 1 and doc[pronoun - 1].lower_ not in set(
            analysis.rules.forces.relative_partitives)):
        return None
    return i


def _fire_story(analysis: Analysis) -> bool:
    """Whether the story is a fire and rescue service's: the first service or force it names
    is one, and it names fire services more often than police forces. A clause of it that
    names no police force is the service's, whichever police force the page also names (a
    commissioner's office covers both)."""
    if _fire_story not in analysis.cache:
        named = [m for m in analysis.forces if not m.compared and (
            m.kind == MentionKind.FIRE or analysis.usable(m))]
        fire = sum(m.kind == MentionKind.FIRE for m in named)
        analysis.cache[_fire_story] = bool(named) and named[0].kind == MentionKind.FIRE and (
            fire > len(named) - fire)
    return analysis.cache[_fire_story]


def _fallback(analysis: Analysis, fallback: Sequence[str]) -> list[str]:
    if fallback and _fire_story(analysis):
        return []
    for name in fallback:
        if name not in FALLBACKS:
            raise ValueError(f"unknown force fallback {name!r} (known: {', '.join(FALLBACKS)})")
        force = getattr(analysis, f"{name}_force")
        if force:
            return [force]
    return []
