"""The real set: third-party texts with hand gold, scored the way the product is judged.

`../shared/realdev/` (beside a checkout, when it is there) holds real public-sector texts,
their gold (`gold.jsonl`, rules in its `GUIDELINES.md`) and `score.py`, the scorer that also
judges the product on texts nobody here has seen. This module applies the same keys and the
same matching in process, so `make eval` and the gate report the same figures as
`score.py`, without a database: each text becomes the Markdown document `score.py` writes,
goes through `parse_text` and `extract_events`, and is scored per measure.

The set is split once into a part to tune on and a part only to check (`eval/realdev/`);
figures are reported for both parts and for the whole set.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluate.matching import folded_words, quote_agrees
from pipeline.evaluate.run import REPO_ROOT
from pipeline.evaluate.scoring import Counts
from pipeline.events import REGISTRY
from pipeline.extract import extract_events
from pipeline.models import Event
from pipeline.parse import ParseError, parse_text

DEFAULT_REAL_SET = REPO_ROOT.parent / "shared" / "realdev"
SPLIT_DIR = REPO_ROOT / "eval" / "realdev"
# Our own documents in the real set's format, written apart from the rules (its README).
WRITTEN_SET = REPO_ROOT / "eval" / "written"
PARTS = ("tune", "check")
# The measures `score.py` prints, headline ones first; person and phase_change_loose are
# diagnostics (a name found at all; a move found whatever its date).
MEASURES = ("phase_change", "statement", "tally", "force", "inspection", "quote", "item",
            "person", "phase_change_loose")
HEADLINE = ("phase_change", "statement", "tally", "force", "inspection", "quote", "item")

_FORCE_SUFFIXES = ("police service", "police force", "constabulary", "police")
_FORCE_ALIASES = {
    "met": "metropolitan",
    "mps": "metropolitan",
    "metropolitan police service": "metropolitan",
    "london metropolitan": "metropolitan",
    "gmp": "greater manchester",
    "wmp": "west midlands",
    "avon somerset": "avon and somerset",
    "devon cornwall": "devon and cornwall",
    "city london": "city of london",
}
# Words a subject overlap ignores (the scorer's list).
_SUBJECT_STOP = frozenset({"the", "a", "an", "of", "to", "and", "in", "on", "for", "its", "it",
                           "with", "how", "that", "by", "is", "are", "be", "force", "forces"})
SUBJECT_OVERLAP = 0.3
# Types whose force is what the document reports an oversight fact about: the `forces` key.
_ABOUT_FORCE = frozenset(t.name for t in REGISTRY.types if t.about_force)


class RealSetError(Exception):
    """The real set is there but cannot be read."""


@dataclass(frozen=True)
class RealSet:
    root: Path
    documents: list[dict]  # gold.jsonl objects, in file order
    parts: dict[str, frozenset[str]]  # part name -> ids

    def ids(self, part: str) -> frozenset[str]:
        if part == "all":
            return frozenset(d["id"] for d in self.documents)
        return self.parts[part]


@dataclass
class RealScores:
    """Counts per measure over some documents, and one line per miss or false hit."""

    documents: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[str] = field(default_factory=list)

    def f1(self, measure: str) -> float:
        """F1 as score.py prints it: 1.0 for precision or recall with nothing to count."""
        c = self.counts.get(measure, Counts())
        precision = c.tp / (c.tp + c.fp) if c.tp + c.fp else 1.0
        recall = c.tp / (c.tp + c.fn) if c.tp + c.fn else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def to_dict(self) -> dict:
        return {"documents": self.documents,
                "measures": {m: {**self.counts[m].to_dict(), "f1": round(self.f1(m), 4)}
                             for m in MEASURES if m in self.counts},
                "misses": self.misses}


def find_real_set(explicit: Path | None = None) -> Path | None:
    """The real set's folder: the one given, else ../shared/realdev beside the checkout."""
    root = explicit if explicit is not None else DEFAULT_REAL_SET
    return root if (root / "gold.jsonl").is_file() and (root / "texts").is_dir() else None


def _read_ids(path: Path) -> frozenset[str]:
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def load_real_set(root: Path, split_dir: Path | None = SPLIT_DIR) -> RealSet:
    """A set in the real set's format; `split_dir` holds its parts' ids (None: no parts)."""
    try:
        lines = (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        documents = [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RealSetError(f"cannot read {root / 'gold.jsonl'}: {exc}") from exc
    documents = [d for d in documents if not d.get("seen")]  # already in the corpus (the seed)
    parts = ({part: _read_ids(split_dir / f"{part}.ids") for part in PARTS}
             if split_dir is not None else {})
    return RealSet(root, documents, parts)


def document_markdown(gold: dict, body: str) -> str:
    """The file score.py writes for a text: front matter from the gold, then the text."""
    front = ["---", f"title: {json.dumps(gold.get('title') or '')}",
             f"url: {json.dumps(gold['url'])}"]
    if gold.get("published"):
        front.append(f"published: {gold['published']}")
    front.append(f"source: {json.dumps(gold.get('site') or 'real')}")
    front.append("---")
    return "\n".join(front) + "\n\n" + body


def _ascii_lower(text: str | None) -> str:
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()


def norm_force(name: str | None) -> str:
    text = _ascii_lower(name).replace("&", " and ")
    text = re.sub(r"[^a-z ]+", " ", text)
    text = " ".join(re.sub(r"\bthe\b", " ", text).split())
    for suffix in _FORCE_SUFFIXES:
        if text.endswith(" " + suffix):
            text = text[: -len(suffix) - 1].strip()
            break
    return _FORCE_ALIASES.get(text, text)


def norm_person(name: str | None) -> str:
    """The surname: titles and first names vary too much between gold and text."""
    words = re.sub(r"[^a-z' -]+", " ", _ascii_lower(name)).split()
    return words[-1] if words else ""


def at_precision(value: object, precision: str | None) -> str | None:
    if not value:
        return None
    text = str(value)[:10]
    return {"year": text[:4], "month": text[:7]}.get(precision or "day", text)


def _as_int(value: object) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def gold_keys(document: dict) -> dict[str, set]:
    keys: dict[str, set] = defaultdict(set)
    for e in document.get("events", []):
        kind = e["type"]
        if kind == "phase_change":
            force = norm_force(e["force"])
            keys["phase_change"].add((force, e["to"], at_precision(e.get("date"),
                                      e.get("precision")), e.get("precision")))
            keys["phase_change_loose"].add((force, e["to"]))
        elif kind == "statement":
            keys["statement"].add((norm_person(e["person"]), e["role"]))
            keys["person"].add(norm_person(e["person"]))
        elif kind == "tally":
            keys["tally"].add((norm_force(e["force"]), e.get("total"), e.get("closed")))
        elif kind == "inspection":
            keys["inspection"].add((norm_force(e["force"]),
                                    at_precision(e.get("date"), e.get("precision"))))
    keys["force"] = {norm_force(f) for f in document.get("forces", [])}
    return keys


def predicted_keys(events: Iterable[Event]) -> dict[str, set]:
    """The same keys from extracted events; a date counts at the precision the event claims."""
    keys: dict[str, set] = defaultdict(set)
    for e in events:
        force = norm_force(e.force)
        date = e.event_date.isoformat() if e.event_date else None
        if e.event_type == "phase_change" and e.phase_to:
            keys["phase_change"].add((force, e.phase_to, at_precision(date, e.date_precision),
                                      e.date_precision))
            keys["phase_change_loose"].add((force, e.phase_to))
        elif e.event_type == "statement" and e.person_name:
            keys["statement"].add((norm_person(e.person_name), e.person_role))
            keys["person"].add(norm_person(e.person_name))
        elif e.event_type == "recommendation" and e.count_total is not None:
            keys["tally"].add((force, _as_int(e.count_total), _as_int(e.count_closed)))
        elif e.event_type == "inspection":
            keys["inspection"].add((force, at_precision(date, e.date_precision)))
        if force and e.event_type in _ABOUT_FORCE:
            keys["force"].add(force)
    return keys


def subject_agrees(gold_subject: str, predicted_subject: str | None) -> bool:
    gold = set(folded_words(gold_subject)) - _SUBJECT_STOP
    predicted = set(folded_words(predicted_subject)) - _SUBJECT_STOP
    if not gold or not predicted:
        return False
    overlap = len(gold & predicted) / len(gold | predicted)
    return overlap >= SUBJECT_OVERLAP or gold <= predicted or predicted <= gold


def _greedy(gold: list, predicted: list, agrees, label) -> tuple[Counts, list[str]]:
    """One-to-one, first agreeing prediction wins, in gold order (the scorer's matching)."""
    used: set[int] = set()
    counts, notes = Counts(), []
    for g in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used and agrees(g, p)), None)
        if hit is None:
            notes.append(f"miss {label(g)}")
            counts.fn += 1
        else:
            used.add(hit)
            counts.tp += 1
    for i, p in enumerate(predicted):
        if i not in used:
            notes.append(f"extra {label(p)}")
            counts.fp += 1
    return counts, notes


def fuzzy_scores(document: dict, events: list[Event]) -> dict[str, tuple[Counts, list[str]]]:
    """Quotes given to the right person and named items with their status (schema 2 gold)."""
    if document.get("schema", 1) < 2:
        return {}
    gold_quotes = [(norm_person(e["person"]), e["quote"]) for e in document["events"]
                   if e["type"] == "statement" and e.get("quote")]
    quotes = [(norm_person(e.person_name), e.quote) for e in events
              if e.event_type == "statement" and e.quote]
    out = {"quote": _greedy(
        gold_quotes, quotes, lambda g, p: g[0] == p[0] and quote_agrees(g[1], p[1]),
        lambda q: f"quote ({q[0]!r}, {str(q[1])[:40]!r})")}
    gold_items = [(norm_force(e["force"]), e["kind"], e.get("status") or None, e["subject"])
                  for e in document["events"] if e["type"] == "item"]
    items = [(norm_force(e.force), e.subject_kind, e.status or None, e.subject) for e in events
             if e.event_type == "recommendation" and e.count_total is None
             and e.count_closed is None and e.count_open is None]
    out["item"] = _greedy(
        gold_items, items,
        lambda g, p: g[:3] == p[:3] and subject_agrees(g[3], p[3]),
        lambda i: f"item ({i[0]!r}, {i[1]}, {i[2]}, {str(i[3])[:40]!r})")
    return out


def extract_real_document(document: dict, texts: Path) -> list[Event]:
    """A text's events as the product extracts them; a text it cannot read has none."""
    body = (texts / f"{document['id']}.txt").read_text(encoding="utf-8")
    try:
        parsed = parse_text(document_markdown(document, body), url=f"doc-{document['id']}.md")
    except ParseError:
        return []
    return extract_events(parsed)


def score_documents(documents: Iterable[dict], texts: Path) -> RealScores:
    scores = RealScores()
    for document in documents:
        scores.documents += 1
        events = extract_real_document(document, texts)
        gold, predicted = gold_keys(document), predicted_keys(events)
        for key in set(gold) | set(predicted):
            matched = gold[key] & predicted[key]
            counts = scores.counts[key]
            counts.tp += len(matched)
            counts.fp += len(predicted[key] - gold[key])
            counts.fn += len(gold[key] - predicted[key])
            scores.misses += [f"{document['id']} miss {key} {x}"
                              for x in sorted(map(str, gold[key] - predicted[key]))]
            scores.misses += [f"{document['id']} extra {key} {x}"
                              for x in sorted(map(str, predicted[key] - gold[key]))]
        for key, (counts, notes) in fuzzy_scores(document, events).items():
            scores.counts[key].add(counts)
            scores.misses += [f"{document['id']} {note}" for note in notes]
    return scores


def score_real_set(real: RealSet, parts: Iterable[str] = (*PARTS, "all")
                   ) -> dict[str, RealScores]:
    """Scores per part; each document is extracted once however many parts hold it."""
    texts = real.root / "texts"
    per_document = {d["id"]: score_documents([d], texts) for d in real.documents}
    out: dict[str, RealScores] = {}
    for part in parts:
        total = RealScores()
        for doc_id in sorted(real.ids(part)):
            if doc_id not in per_document:
                continue
            one = per_document[doc_id]
            total.documents += one.documents
            for key, counts in one.counts.items():
                total.counts[key].add(counts)
            total.misses += one.misses
        out[part] = total
    return out
