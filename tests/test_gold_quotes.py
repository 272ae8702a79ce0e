"""The gold set's statement quotes: present on every statement, verbatim from the document,
and read by the gold loader."""

from __future__ import annotations

import json
import re
import unicodedata

from pipeline.evaluate.gold import load_gold
from pipeline.parse import parse_file
from tests.conftest import ROOT

GOLD = ROOT / "gold"
MAX_QUOTE_WORDS = 15


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


def _raw_statements():
    for path in sorted(GOLD.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        for event in raw["events"]:
            if event["event_type"] == "statement":
                yield path.stem, raw["document"], event


def test_every_gold_statement_says_what_was_quoted():
    missing = [(name, e["person_name"]) for name, _, e in _raw_statements() if "quote" not in e]
    assert missing == []


def test_gold_quotes_are_the_documents_own_words():
    wrong = []
    for name, document, event in _raw_statements():
        quote = event.get("quote")
        if not quote:
            continue
        words = _words(quote)
        text = _words(parse_file(ROOT / document).text)
        found = any(text[i : i + len(words)] == words for i in range(len(text)))
        if not found or len(quote.split()) > MAX_QUOTE_WORDS:
            wrong.append((name, event["person_name"], quote))
    assert wrong == []


def test_the_gold_loader_reads_quotes():
    documents, problems = load_gold(GOLD)
    assert problems == []
    quotes = [e.quote for d in documents for e in d.events
              if e.event_type == "statement" and e.quote]
    assert len(quotes) > 100
