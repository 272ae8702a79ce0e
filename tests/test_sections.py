"""Long texts are read in sections cut between paragraphs, then sentences, then at spaces,
and every event's offsets still index the whole text."""

from __future__ import annotations

import random

from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.sections import longest_run, sections


def _check(text: str, limit: int, sentence_limit: int) -> list[tuple[int, int]]:
    spans = sections(text, limit, sentence_limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    for start, end in spans:
        assert 0 < end - start <= limit or not text
        assert longest_run(text, start, end) <= sentence_limit
    return spans


def test_short_text_is_one_section():
    text = "Kent Police was moved into Engage.\nThe force said so."
    assert sections(text) == [(0, len(text))]


def test_cuts_fall_between_paragraphs_when_they_can():
    text = "\n".join(f"Paragraph {n} is about the county. It has two sentences."
                     for n in range(50))
    spans = _check(text, limit=300, sentence_limit=200)
    assert len(spans) > 5 and all(text[end - 1] == "\n" for _, end in spans[:-1])


def test_a_long_paragraph_is_cut_between_sentences():
    text = " ".join(f"Sentence {n} says something." for n in range(100))
    spans = _check(text, limit=200, sentence_limit=150)
    assert all(text[end - 2:end] == ". " for _, end in spans[:-1])


def test_a_run_without_sentence_end_is_cut_at_spaces():
    text = "Intro sentence. " + " ".join(["engage"] * 500) + ". Outro."
    spans = _check(text, limit=10_000, sentence_limit=300)
    assert len(spans) >= 10
    assert all(text[end - 1] == " " for _, end in spans[1:-2])


def test_random_texts_are_covered_within_limits():
    generator = random.Random(11)
    alphabet = ["ab", "c", " ", ". ", "!", "\n", "?\t", "xyzw", "\n\n"]
    for _ in range(1000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 200)))
        _check(text, limit=60, sentence_limit=15)


def test_events_in_later_sections_keep_whole_text_offsets():
    filler = "\n".join(f"Line {n} of a long report about staffing." for n in range(2600))
    tail = "Cleveland Police was moved into Engage on 5 May 2021."
    text = f"{filler}\n{tail}\n{filler}\nThe force left Engage on 6 June 2023."
    document = Document(url="long", title="", text=text)
    assert len(sections(text)) > 2
    events = extract_events(document)
    assert events and all(text[e.char_start:e.char_end] == e.evidence for e in events)
    assert any(e.evidence == tail and e.char_start > 100_000 for e in events)
