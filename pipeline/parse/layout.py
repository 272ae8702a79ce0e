"""Normalise body text so that sentence and paragraph boundaries are reliable.

The stored text is what evidence offsets point into, so it is built once here and never
rewritten downstream: one paragraph per line, list items as "- item" lines.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Bullets as pages and word processors write them; a lone lower-case "o" is the second-level
# bullet of documents converted from Word.
_LIST_MARKER = re.compile(r"^(?:[-*•·▪◦–]|o(?=\s)|\d{1,2}[.)])\s+")


def clean_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n".join(p for p in (clean_line(p) for p in paragraphs) if p)


def normalise_list_item(line: str) -> str:
    """Write every bullet the same way, so the extractor needs to know one marker."""
    match = _LIST_MARKER.match(line)
    if match:
        return "- " + line[match.end() :].strip()
    return line


def with_title(title: str, body: str) -> str:
    """Headlines carry facts ("Cleveland emerges from special measures"), so they are text too."""
    title = clean_line(title)
    if not title:
        return body
    first = body.split("\n", 1)[0]
    if clean_line(first).rstrip(".").lower() == title.rstrip(".").lower():
        return body
    return f"{title}\n{body}" if body else title
