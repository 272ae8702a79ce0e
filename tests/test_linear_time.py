"""Inputs built to make a careless pattern or tree walk quadratic finish in linear time.

Each took minutes or hours before (the square of 200,000 steps); a generous bound guards
against the slide back, not against a slow machine.
"""

from __future__ import annotations

import time

import pytest

from pipeline.parse import parse_html, parse_text
from pipeline.sections import sections

SIZE = 200_000
BOUND = 30  # seconds; linear versions take well under one


def _timed(work) -> object:
    started = time.monotonic()
    result = work()
    assert time.monotonic() - started < BOUND
    return result


@pytest.mark.parametrize("line", ["!" * SIZE + " end", "?!" * SIZE, " " * SIZE + "x"])
def test_runs_of_sentence_marks_and_spaces(line):
    spans = _timed(lambda: sections("Kent Police was moved into Engage.\n" + line))
    assert spans[-1][1] == len(line) + 35


@pytest.mark.parametrize("line", ["[" * SIZE, "[a](" * SIZE, "[" + "a" * SIZE])
def test_markdown_link_patterns(line):
    document = _timed(lambda: parse_text(f"Dorset Police update.\n{line}\n", url="x"))
    assert document.text.startswith("Dorset Police update.")


@pytest.mark.parametrize("tag", ["div", "article", "li"])
def test_nested_html(tag):
    depth = SIZE // 10
    page = (f"<html><body><main><{tag}><p>Top.</p>{f'<{tag}>' * depth}<p>Bottom.</p>"
            f"{f'</{tag}>' * (depth + 1)}</main></body></html>")
    document = _timed(lambda: parse_html(page, url="x"))
    assert "Top." in document.text and "Bottom." in document.text
