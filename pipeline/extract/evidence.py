"""Build events with their evidence: the sentence and its offsets in the stored text."""

from __future__ import annotations

from pipeline.extract.context import Analysis, Sentence
from pipeline.models import Event


def span_event(analysis: Analysis, start: int, end: int, event_type: str,
               force_id: str | None, **fields) -> Event:
    return Event(
        event_type=event_type,
        evidence=analysis.text[start:end],
        char_start=start,
        char_end=end,
        force_id=force_id,
        force=analysis.toolkit.gazetteer.names.get(force_id) if force_id else None,
        **fields,
    )


def sentence_event(analysis: Analysis, sentence: Sentence, event_type: str,
                   force_id: str | None, **fields) -> Event:
    return span_event(analysis, sentence.start, sentence.end, event_type, force_id, **fields)
