"""Findings whose subjects were named, without a finding phrase, in the sentence before.

"Inspectors found that the force was too slow to answer calls and was not managing sex
offenders well enough. Both were identified as causes of concern." The second sentence
names two causes of concern by a pronoun; what they are is what the first one found. The
finding verbs, the failings nouns and the separators are data (rules/recommendations.yaml).
"""

from __future__ import annotations

import re

from pipeline.extract.clauses import lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.counts import number_at
from pipeline.extract.finding_mentions import findings_in
from pipeline.extract.subjects import clean_subject, span_text, split_listed, split_subjects

_FAILING_WORDS = 3  # "serious failings in", "weaknesses with": adjectives, noun, preposition


def pronoun_count(analysis: Analysis, start: int, end: int) -> int | None:
    """How many findings a pronoun subject stands for: "Both" 2, "These three" 3, "This" 1,
    "They" 0 (any number); None when the words are no such pronoun."""
    rec = analysis.rules.recommendations
    words = lower_words(analysis.doc, start, end)
    if not words:
        return None
    if " ".join(words) not in rec.antecedent_pronouns:
        counted = len(words) == 2 and words[0] in rec.antecedent_pronouns
        return number_at(analysis, end - 1) if counted else None  # "These three"
    if words[0] in rec.antecedent_pairs:
        return 2
    return 1 if words[0] in rec.antecedent_singulars else 0


def antecedent_subjects(analysis: Analysis, sentence: Sentence, count: int) -> list[str]:
    """What the sentence before found, split into `count` subjects (0: two or more)."""
    if sentence.index == 0:
        return []
    previous = analysis.sentences[sentence.index - 1]
    if findings_in(analysis, previous):
        return []  # the findings named there are what the pronoun refers to
    start = _found_start(analysis, previous)
    if start is None:
        return []
    text = clean_subject(analysis, span_text(analysis, start, previous.tok_end))
    if text is None:
        return []
    if count == 1:
        return [text]
    parts = _split(analysis, text, count)
    kept = [p for p in (clean_subject(analysis, q) for q in parts) if p]
    return kept if (len(kept) == count if count else len(kept) > 1) else []


def _found_start(analysis: Analysis, sentence: Sentence) -> int | None:
    """The first token of what the sentence's last finding verb reports."""
    verbs = set(analysis.rules.recommendations.antecedent_verbs)
    doc = analysis.doc
    found = [k for k in range(sentence.tok_start, sentence.tok_end) if doc[k].lower_ in verbs]
    return found_object_start(analysis, found[-1], sentence.tok_end) if found else None


def found_object_start(analysis: Analysis, verb: int, end: int, failings: bool = False
                       ) -> int | None:
    """The first token of what a finding verb at `verb` reports: after "found that the force
    was", "found failings in", "said it had". With `failings`, only what a failings noun
    names ("found serious failings in how it …"), else None."""
    rec = analysis.rules.recommendations
    doc = analysis.doc
    k = verb + 1
    if k < end and doc[k].lower_ in rec.complementisers:
        k += 1
    k = _after_holder(analysis, k, end)
    words = [j for j in range(k, min(end, k + 2 * _FAILING_WORDS)) if not doc[j].is_quote]
    for size in range(min(_FAILING_WORDS, len(words) - 1)):
        j, following = words[size], words[size + 1]  # "found "serious failings" in …"
        if doc[j].lower_ in rec.reason_nouns and doc[following].lower_ in (
                rec.failing_prepositions):
            return following + 1
    return k if k < end and not failings else None


def _after_holder(analysis: Analysis, k: int, end: int) -> int:
    """Skip "the force was", "Kent Police had been", "it is": who the finding is about."""
    rec = analysis.rules.recommendations
    doc = analysis.doc
    mentions = [m for m in analysis.forces_between(k, end) if m.tok_start == k]
    j = mentions[0].tok_end if mentions else k
    if j == k:
        for anaphor in sorted(analysis.rules.words.force_anaphors, key=len, reverse=True):
            parts = anaphor.split()
            if lower_words(doc, k, min(k + len(parts), end)) == parts:
                j = k + len(parts)
                break
        else:
            if k < end and doc[k].lower_ in rec.antecedent_holders:
                j = k + 1
    aux = set(rec.status_aux) | set(rec.perfect_auxiliaries)
    m = j
    while j > k and m < end and doc[m].lower_ in aux:
        m += 1
    return m


def _split(analysis: Analysis, text: str, count: int) -> list[str]:
    """"too slow to answer calls and was not managing offenders" at the repeated verb;
    "how it answers calls and in how it protects children" at the repeated preposition."""
    for pattern in analysis.rules.recommendations.antecedent_separators:
        parts = [p for p in re.split(pattern, text) if p.strip()]
        if len(parts) > 1 and (not count or len(parts) == count):
            return parts
    openers = tuple(analysis.rules.recommendations.clause_subject_openers)
    return split_subjects(analysis, text, count, openers) if count else split_listed(
        analysis, text, openers)
