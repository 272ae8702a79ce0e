"""Where a document names causes of concern and recommendations, and which force they are for.

Shared by the count grammar (tallies) and the item reader: a finding mention is a kind
phrase from rules/recommendations.yaml ("causes of concern", "recommendation") in a
sentence, with the force it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum, auto

from pipeline.codes import Precision
from pipeline.events.registry import RECOMMENDATION
from pipeline.extract.clauses import has_phrase, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.force_scope import forces_of, nearest_force, out_of_scope
from pipeline.extract.gazetteer import MentionKind


class Matcher(StrEnum):
    """The document matchers (nlp.Matchers) the findings modules read."""

    FINDINGS = auto()  # the kind phrases of rules/recommendations.yaml


class Refer(StrEnum):
    """The force_scope.REFER_MODES findings use."""

    BEFORE = auto()  # a finding naming no force is about the force last named before it


_HYPOTHETICAL_NEAR = 4  # "a force may be escalated if it fails to address a cause of concern"


@dataclass
class Finding:
    """One kind phrase in a sentence: tokens [start, end)."""

    kind: str
    start: int
    end: int
    plural: bool
    sentence: Sentence


def findings_in(analysis: Analysis, sentence: Sentence) -> list[Finding]:
    """The kind phrases of a sentence, longest first where they overlap, in text order
    (read once per sentence: several mechanisms ask)."""
    cache = analysis.cache.get(findings_in)
    if cache is None:
        cache = analysis.cache[findings_in] = _all_findings(analysis)
    return cache.get(sentence.index, [])


def _all_findings(analysis: Analysis) -> dict[int, list[Finding]]:
    heads = set(analysis.rules.recommendations.plural_heads)
    out: dict[int, list[Finding]] = {}
    for kind, start, end in sorted(analysis.matches(Matcher.FINDINGS), key=lambda m: (m[1], -m[2])):
        sentence = analysis.sentences[analysis.token_sentence[start]]
        if end > sentence.tok_end:
            continue
        found = out.setdefault(sentence.index, [])
        if found and start < found[-1].end:
            continue
        plural = any(w in heads for w in lower_words(analysis.doc, start, end))
        found.append(Finding(kind, start, end, plural, sentence))
    return out


def is_hypothetical(analysis: Analysis, finding: Finding) -> bool:
    """Process boilerplate and conditionals: "forces may be escalated if …", "unless …"."""
    doc = analysis.doc
    sentence = finding.sentence
    dates = analysis.dated_tokens(sentence.tok_start, finding.start)  # "in May" is no "may"
    before = [doc[i].lower_ for i in range(sentence.tok_start, finding.start)
              if i not in dates and not doc[i].is_space]
    near = before[-_HYPOTHETICAL_NEAR:]
    rec = analysis.rules.recommendations
    return has_phrase(near, rec.hypothetical_near) or has_phrase(
        before, rec.hypothetical_before)


_FIRE_REACH = 3  # sentences after a fire service's name that may still be about it


def finding_force(analysis: Analysis, sentence: Sentence, token: int) -> str | None:
    """The force a finding belongs to: the one named in its sentence nearest before the
    finding (else the first after it), else the force last named before the sentence, as
    force_scope says for findings. None when that force has no findings process.

    There is no fallback to the document's most named force: findings a text reports
    before naming any force ("ten of sixteen recommendations have been implemented", in a
    national review) belong to no force.
    """
    force_id = nearest_force(analysis, sentence, token)
    if force_id is None and forces_of(analysis, sentence, sentence.tok_start,
                                      sentence.tok_end, refer=Refer.BEFORE):
        force_id = _named_before(analysis, sentence)
    if force_id is None or out_of_scope(analysis, RECOMMENDATION.name, force_id):
        return None
    return force_id


def _named_before(analysis: Analysis, sentence: Sentence) -> str | None:
    """The force last named before the sentence, as force_scope refers, except that a
    comparison covers every force of its list: after "joins Cleveland, Greater Manchester
    and the Metropolitan Police in Engage", a finding is the story force's, not the Met's."""
    compared = _compared(analysis)
    seen_police = False
    for k in range(len(analysis.forces) - 1, -1, -1):
        mention = analysis.forces[k]
        if mention.tok_start >= sentence.tok_start:
            continue
        if mention.kind == MentionKind.FIRE and sentence.index - analysis.token_sentence[
                mention.tok_start] <= _FIRE_REACH and not seen_police and not (
                    _calls_it_the_force(analysis, sentence)):
            return None  # "North Yorkshire Fire and Rescue Service … Its last cause of concern"
        if mention.kind == MentionKind.FIRE or k in compared:
            continue
        seen_police = True
        if mention.kind == MentionKind.OFFICE or analysis.usable(mention):
            return mention.force_id
    return None


def _calls_it_the_force(analysis: Analysis, sentence: Sentence) -> bool:
    """Whether the sentence names a police force by a phrase for one ("the force", "the
    constabulary"): after a fire service's name, that phrase is still the police force."""
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    return has_phrase(words, [a for a in analysis.rules.words.force_anaphors
                              if len(a.split()) > 1])


def _compared(analysis: Analysis) -> set[int]:
    """The force mentions a comparison covers: "joins Cleveland, Greater Manchester and the
    Metropolitan Police in Engage" compares all of the list, not only its first name."""
    cached = analysis.cache.get(_compared)
    if cached is None:
        joins = set(analysis.rules.recommendations.enumeration_joins)
        cached = set()
        forces = analysis.forces
        for k, mention in enumerate(forces):
            previous = forces[k - 1] if k else None
            between = lower_words(analysis.doc, previous.tok_end, mention.tok_start) if (
                previous) else []
            if mention.compared or previous is not None and k - 1 in cached and all(
                    w in joins for w in between):
                cached.add(k)
        analysis.cache[_compared] = cached
    return cached


def dated_before(analysis: Analysis, sentence: Sentence, days: int) -> bool:
    """Whether the sentence carries a date well before the publication: a recap."""
    published = analysis.published
    if published is None:
        return False
    found = [_period_end(d.value, d.precision)
             for d in analysis.dates_between(sentence.tok_start, sentence.tok_end)
             if d.value is not None]
    return bool(found) and all((published - end).days > days for end in found)


def _period_end(value: date, precision: str | None) -> date:
    """The last day a date can mean: "earlier this year" is not before a March release."""
    if precision == Precision.YEAR:
        return date(value.year, 12, 31)
    if precision == Precision.MONTH:
        following = date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return value


def embedded(analysis: Analysis, outer_end: int, finding: Finding) -> bool:
    """Whether a finding only qualifies the one before it: "the six recommendations attached
    to the cause of concern", "… associated with this remaining cause of concern"."""
    counts = analysis.rules.counts
    joins = set(counts.embed_joiners) | set(counts.determiners) | set(counts.modifiers)
    between = lower_words(analysis.doc, outer_end, finding.start)
    return bool(between) and len(between) <= counts.embed_reach and all(
        w in joins for w in between) and any(w in counts.embed_joiners for w in between)


def aside_end(analysis: Analysis, token: int, end: int) -> int | None:
    """The token after a dash aside that opens at `token` and closes before `end`: "both of
    its causes of concern – on A, and on B – had been addressed". None when there is none."""
    doc = analysis.doc
    dashes = set(analysis.rules.recommendations.aside_dashes)
    if token >= end or doc[token].text not in dashes:
        return None
    close = next((k for k in range(token + 1, end) if doc[k].text in dashes), None)
    return None if close is None or close == token + 1 else close + 1
