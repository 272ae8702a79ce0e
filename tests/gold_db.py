"""A database of corpus documents holding their gold events instead of extracted ones.

The view tests on corpus documents check what the views make of what a careful reader
extracts (gold/*.json), so they pin down the views, not the extractor: they do not move
when extraction improves, and they show the rows an analyst gets once it is right.
The corpus gold keeps only the first words of a statement's first quotation; the view gets
the whole quotation the way the extractor stores it: the quoted words in the document that
begin with the gold's words. A statement without gold quote words reads its quote from its
evidence (the words between the first pair of quotation marks), except where two statements
share one evidence sentence: which words are whose is then left open (NULL).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from pipeline.evaluate.gold import read_gold_file
from pipeline.models import Event
from pipeline.parse import parse_file
from pipeline.rules import load_rules
from pipeline.store import DocumentWrite, connect, transaction, write_documents
from tests.conftest import CORPUS, ROOT

GOLD = ROOT / "gold"
QUOTED = re.compile(r"[\"\u201c]([^\"\u201d]+)(?:[\"\u201d]|$)")  # a quote may run on


def _force_names() -> dict[str, str]:
    return {entry.id: entry.name for entry in load_rules().forces.forces}


def _placed(event: Event, text: str, names: dict[str, str], shared: set[str]) -> Event:
    start = text.find(event.evidence) if event.evidence else -1
    if start < 0:
        raise AssertionError(f"gold evidence not in the document: {event.evidence!r}")
    quote = _whole_quotation(event.quote, text) if event.quote else None
    if event.event_type == "statement" and quote is None and event.evidence not in shared:
        found = QUOTED.search(event.evidence)
        quote = found.group(1).strip() if found else None
    return replace(event, char_start=start, char_end=start + len(event.evidence),
                   force=names.get(event.force_id), quote=quote)


def _whole_quotation(head: str, text: str) -> str:
    """The quoted words in the text that start with the gold's first words (or those words)."""
    for found in QUOTED.finditer(text):
        if found.group(1).strip().startswith(head):
            return found.group(1).strip()
    return head


def _shared_evidence(events: list[Event]) -> set[str]:
    seen: dict[str, int] = {}
    for event in events:
        if event.event_type == "statement":
            seen[event.evidence] = seen.get(event.evidence, 0) + 1
    return {evidence for evidence, count in seen.items() if count > 1}


def gold_writes(stems: list[str] | None = None) -> list[DocumentWrite]:
    """One write per corpus document (or per given stem) with its gold events."""
    names = _force_names()
    paths = sorted(GOLD.glob("*.json"))
    if stems is not None:
        paths = [GOLD / f"{stem}.json" for stem in stems]
    writes = []
    for path in paths:
        if path.stem == "README":
            continue
        gold = read_gold_file(path)
        document = parse_file(ROOT / gold.document if gold.document.startswith("corpus/")
                              else CORPUS / gold.document)
        shared = _shared_evidence(gold.events)
        events = [_placed(e, document.text, names, shared).stamp(document.doc_id, "gold")
                  for e in gold.events]
        writes.append(DocumentWrite(document, events))
    return writes


def build_gold_db(db: Path, stems: list[str] | None = None) -> Path:
    with connect(db) as con, transaction(con):
        write_documents(con, gold_writes(stems))
    return db
