"""Which force owns a tally's set.

A bare total belongs to a force its sentence names, or to the force the story is about
unless its sentence addresses it to national bodies; a force named only as one example of
a set of forces owns none of the set's counts, nor does any force own a count said of the
whole country; a count of one finding of a set counted
elsewhere is no set of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.extract.clauses import lower_words, phrase_length_at
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.force_scope import forces_of

if TYPE_CHECKING:
    from pipeline.extract.counts import Tally


def named_as_example(analysis: Analysis, tally: Tally) -> bool:
    """"The report, which examined several forces, including Avon and Somerset, made 20
    recommendations": a force named only as one of a set of forces does not own the set's
    count."""
    rules = analysis.rules.counts
    doc = analysis.doc
    sentence = tally.sentence
    mentions = [m for m in analysis.forces_between(sentence.tok_start, sentence.tok_end)
                if m.force_id == tally.force_id]
    if not mentions:
        return False
    for mention in mentions:
        before = lower_words(doc, max(sentence.tok_start, mention.tok_start - rules.example_reach),
                             mention.tok_start)
        marker = next((p for p in range(len(before)) if phrase_length_at(
            before, p, rules.example_markers)), None)
        if marker is None or not set(before[:marker]) & set(rules.set_nouns):
            return False
    return True


def part_of_set(tally: Tally, tallies: list[Tally]) -> bool:
    """"we identified three causes of concern … we reported one cause of concern as an
    accelerated cause of concern": the one is one of the three, not a set of its own."""
    return tally.single and any(
        not other.single and (other.force_id, other.kind) == (tally.force_id, tally.kind)
        and other.total is not None and other.total > 1 for other in tallies)


def owned(analysis: Analysis, tally: Tally) -> bool:
    """A bare total belongs to a force its sentence names, or to the force the document is
    about: "The report makes twelve recommendations" in a national review is no force's."""
    sentence = tally.sentence
    named = forces_of(analysis, sentence, sentence.tok_start, sentence.tok_end)
    if tally.force_id in named:
        return True
    if national_recipient(analysis, sentence.tok_start, sentence.tok_end):
        return False  # "makes 11 recommendations to the Home Office and chief constables"
    return tally.force_id in (analysis.single_force, analysis.dominant_force) or (
        _referred_just_before(analysis, tally)) or _under_heading(analysis, tally)


def _under_heading(analysis: Analysis, tally: Tally) -> bool:
    """"Bedfordshire Police ¶ Inspectors found two causes of concern …": in a text about
    several forces, a line that is only a force's name heads the section below it, up to
    the next force named."""
    sentence = tally.sentence
    before = [m for m in analysis.forces if m.tok_start < sentence.tok_start]
    if not before:
        return False
    heading = before[-1]
    line = analysis.sentence_of(heading.tok_start)
    words = [t for t in analysis.doc[line.tok_start:line.tok_end] if not t.is_space]
    return heading.force_id == tally.force_id and len(words) == heading.tok_end - (
        heading.tok_start) and words[0].i == heading.tok_start


def said_of_the_country(analysis: Analysis, tally: Tally) -> bool:
    """"Across England and Wales, inspectors raised 31 causes of concern": a count said, before
    it is made, to be of every force, in a sentence that names no owner, is no force's."""
    sentence = tally.sentence
    if tally.force_id in forces_of(analysis, sentence, sentence.tok_start, sentence.tok_end):
        return False
    rules = analysis.rules.counts
    words = lower_words(analysis.doc, sentence.tok_start, tally.token)
    scope = next((p for p in range(len(words))
                  if phrase_length_at(words, p, rules.national_scopes)), None)
    return scope is not None and not set(words[scope:]) & set(rules.national_owner_words)


def national_recipient(analysis: Analysis, start: int, end: int) -> bool:
    """Whether the words name a national recipient of findings: "to all chief constables",
    "for the College of Policing", "to the Home Office"."""
    rules = analysis.rules.counts
    words = lower_words(analysis.doc, start, end)
    skip = set(rules.determiners) | set(rules.recipient_quantifiers)
    for position, word in enumerate(words):
        if word not in rules.recipient_prepositions:
            continue
        k = position + 1
        while k < len(words) and words[k] in skip:
            k += 1
        if phrase_length_at(words, k, rules.national_recipients):
            return True
    return False


def _referred_just_before(analysis: Analysis, tally: Tally) -> bool:
    """"Cambridgeshire Constabulary is to be moved into Engage. The inspectorate has made four
    recommendations to the force": the set is the force's when its sentence says "the force"
    and the sentence right before names it, or when the sentence before speaks of "the
    constabulary" named last ("… published its report on the Constabulary. It had raised
    one cause of concern …"). Further back, in a text about several forces, it is a guess."""
    sentence = tally.sentence
    if sentence.index == 0:
        return False
    before = analysis.sentences[sentence.index - 1]
    named = {m.force_id for m in analysis.forces_between(before.tok_start, before.tok_end)}
    if _says_the_force(analysis, sentence):
        return tally.force_id in named
    return not named and _says_the_force(analysis, before) and _last_named(
        analysis, before.tok_start) == tally.force_id


def relative_owner(analysis: Analysis, start: int, token: int, end: int
                   ) -> tuple[str, int] | None:
    """"Unlike Kent Police, which closed all three of its causes of concern last year, Essex
    Police still has two open": a count inside a relative clause said of a force is that
    force's, and its clause ends at the comma that closes the aside (or at `end`). Returns
    the force and the token where the clause ends."""
    words = [t.lower_ for t in analysis.doc[start:end]]
    pronouns = set(analysis.rules.counts.owner_relatives)
    for k in range(token - 1 - start, 1, -1):
        if words[k] == ",":
            return None  # the count is not in the clause the pronoun opens
        if words[k] in pronouns and words[k - 1] == ",":
            owner = next((m.force_id for m in analysis.forces_between(start, start + k - 1)
                          if m.tok_end == start + k - 1), None)
            if owner is None:
                return None
            close = next((i for i in range(token - start, len(words)) if words[i] == ","),
                         len(words))
            return owner, start + close
    return None


def _says_the_force(analysis: Analysis, sentence: Sentence) -> bool:
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    anaphors = analysis.rules.forces.strict_anaphors
    return any(phrase_length_at(words, p, anaphors) for p in range(len(words)))


def _last_named(analysis: Analysis, token: int) -> str | None:
    before = [m for m in analysis.forces if m.tok_start < token]
    return before[-1].force_id if before else None
