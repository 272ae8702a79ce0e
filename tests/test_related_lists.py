"""Headlines in a list of other stories ("Related news", "More on this story") are other
pages' news: no move, inspection or finding of any kind comes from them, while the story
above the list keeps its own."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

STORY = ("Humberside Police has been taken out of special measures, the inspectorate said "
         "today.\n\nThe force had been under enhanced monitoring since September 2023.")


def _events(text: str) -> set[tuple]:
    doc = Document(url="related", title="", text=text, published_date=date(2025, 3, 14))
    return {(e.event_type, e.force_id) for e in extract_events(doc)}


@pytest.mark.parametrize("marker", ["Related news", "More on this story", "Related topics",
                                    "Top stories"])
def test_a_related_list_adds_nothing_to_the_story(marker):
    related = (f"{STORY}\n\n{marker}\n\n- Kent Police placed in special measures\n\n"
               "- Inspectors revisit Essex Police in May 2024\n\n"
               "- Two causes of concern closed at Gwent Police")
    assert _events(related) == _events(STORY) == {("phase_change", "humberside-police")}


def test_a_list_ends_at_the_first_full_sentence():
    text = (f"{STORY}\n\nRelated news\n\n- Kent Police placed in special measures\n\n"
            "Separately, Kent Police has been placed in special measures by the inspectorate.")
    assert ("phase_change", "kent-police") in _events(text)
