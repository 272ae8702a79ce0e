"""Page furniture: captions and lists of other stories around a story.

"Image: Chief Constable Jane Doe at the launch" and a "Related news" list of headlines
("Chief Constable says force has turned a corner") repeat or point away from the story; words
found there make no one a speaker. Markers come from rules/speech.yaml.
"""

from __future__ import annotations

from pipeline.extract.context import Analysis
from pipeline.extract.lexicon import lexicon
from pipeline.extract.quotes import paragraphs

# A related-stories list runs on while its lines are this short and end without a full stop.
_HEADLINE_WORDS = 16


def _headline_like(paragraph: str) -> bool:
    text = paragraph.strip().lstrip("-• ")
    return len(text.split()) <= _HEADLINE_WORDS and not text.endswith((".", "”", '"', "’"))


def _furniture(analysis: Analysis) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of captions, and of related-story lists (marker and headlines)."""
    if _furniture not in analysis.cache:
        words = lexicon(analysis.rules)
        captions: list[tuple[int, int]] = []
        lists: list[tuple[int, int]] = []
        in_list = False
        for start, end in paragraphs(analysis.text):
            text = analysis.text[start:end]
            if words.related_markers.match(text):
                in_list = True
                lists.append((start, end))
            elif in_list and _headline_like(text):
                lists.append((start, end))
            else:
                in_list = False
                if words.caption_markers.match(text):
                    captions.append((start, end))
        analysis.cache[_furniture] = (captions, lists)
    return analysis.cache[_furniture]


def furniture(analysis: Analysis) -> list[tuple[int, int]]:
    """Character ranges of captions and of related-story lists: no speaker is found there."""
    captions, lists = _furniture(analysis)
    return sorted(captions + lists)


def related_lists(analysis: Analysis) -> list[tuple[int, int]]:
    """Character ranges of related-story lists: their headlines are other pages' news."""
    return _furniture(analysis)[1]


def in_furniture(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
