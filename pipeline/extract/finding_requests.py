"""A recommendation told as what the force was asked to do, then referred to by
"This recommendation …": "The force was asked to review every referral within a day.
This recommendation has been implemented." The request names the item; the sentence that
refers to it says where it stands.
"""

from __future__ import annotations

from pipeline.codes import FindingKind
from pipeline.extract.clauses import lower_words, phrase_length_at
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.finding_mentions import finding_force
from pipeline.extract.items import Item, Source
from pipeline.extract.status import status_in
from pipeline.extract.subjects import clean_subject, span_text

_OPENING_WORDS = 3  # "This recommendation", "The recommendation on this"


def _request(analysis: Analysis, sentence: Sentence) -> tuple[int, str] | None:
    """The token after "was asked to" in a sentence about the force, and what it asks."""
    rec = analysis.rules.recommendations
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    for p in range(len(words)):
        size = phrase_length_at(words, p, rec.request_verbs)
        if not size or p + size >= len(words):
            continue
        start = sentence.tok_start + p + size
        subject = clean_subject(analysis, span_text(analysis, start, sentence.tok_end))
        return (start, subject) if subject else None
    return None


def request_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """The recommendation the sentence before states, when this one opens by referring to
    one ("This recommendation has been implemented.")."""
    rec = analysis.rules.recommendations
    opening = lower_words(analysis.doc, sentence.tok_start,
                          min(sentence.tok_start + _OPENING_WORDS, sentence.tok_end))
    if not sentence.index or not phrase_length_at(opening, 0, rec.recommendation_references):
        return []
    previous = analysis.sentences[sentence.index - 1]
    found = _request(analysis, previous)
    if found is None:
        return []
    start, subject = found
    force_id = finding_force(analysis, previous, start)
    if force_id is None:
        return []
    status = status_in(analysis, sentence.tok_start, sentence.tok_end,
                       context_start=sentence.tok_start)
    return [Item(FindingKind.RECOMMENDATION, force_id, subject, status, previous.start,
                 sentence.end, start, source=Source.REFERENCE, sentence_index=sentence.index)]
