"""Turn per-document matches into precision, recall and F1, per event type and per field.

Counts are summed over documents before dividing (micro-averaging), so a document with many
events weighs more than one with a single event, as it does for a user of the table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.evaluate.gold import GoldDocument
from pipeline.evaluate.matching import (
    FIELD_AGREES,
    FIELD_VALUE,
    INFO_FIELDS,
    KIND_FIELDS,
    KIND_TYPES,
    agreeing_fields,
    differing_fields,
    field_pairs,
    kind_of,
    match_events,
    names_agree,
    quote_agrees,
)
from pipeline.models import EVENT_TYPES, Document, Event


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN): defined whenever there is a gold or a predicted event.
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def to_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass
class FieldScore:
    """One field of one event type, over the pairs that agree on all other matching fields.

    pairs = event-level matches + pairs wrong only on this field; right = pairs where the
    field agrees (NULL = NULL included). tp/fp/fn treat a filled-in value as a claim: a right
    filled value is tp, a wrong filled prediction fp, a gold value not reproduced fn.
    """

    event_type: str
    field: str
    decides_match: bool = True
    pairs: int = 0
    right: int = 0
    counts: Counts = field(default_factory=Counts)

    @property
    def wrong(self) -> int:
        return self.pairs - self.right

    @property
    def accuracy(self) -> float | None:
        return self.right / self.pairs if self.pairs else None

    def to_dict(self) -> dict:
        return {
            "event_type": self.event_type,
            "field": self.field,
            "decides_match": self.decides_match,
            "pairs": self.pairs,
            "right": self.right,
            "wrong": self.wrong,
            "accuracy": _round(self.accuracy),
            **{k: v for k, v in self.counts.to_dict().items()},
        }


@dataclass
class DocumentResult:
    """One gold document with what the extractor returned for it and how they matched."""

    gold: GoldDocument
    predicted: list[Event]
    matches: list[tuple[int, int]]
    document: Document | None = None
    error: str | None = None  # why the document could not be parsed, if it could not

    @property
    def name(self) -> str:
        return self.gold.name

    @property
    def hard(self) -> bool:
        return self.gold.hard


@dataclass
class Miss:
    """A gold event with no match, or a prediction with no match, for people to read."""

    document: str
    event_type: str
    fields: dict
    evidence: str
    closest: dict | None = None  # field -> [gold value, predicted value] of the nearest miss

    def to_dict(self) -> dict:
        return {
            "document": self.document,
            "event_type": self.event_type,
            "fields": self.fields,
            "evidence": self.evidence,
            "closest": self.closest,
        }


@dataclass
class SubsetScores:
    documents: int
    by_type: dict[str, Counts]
    overall: Counts
    fields: list[FieldScore]
    quote: Counts = field(default_factory=Counts)  # gold quotes given to the right person

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "by_type": {t: c.to_dict() for t, c in self.by_type.items()},
            "overall": self.overall.to_dict(),
            "quote": self.quote.to_dict(),
            "fields": [f.to_dict() for f in self.fields],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def evaluate_document(
    gold: GoldDocument,
    predicted: list[Event],
    document: Document | None = None,
    error: str | None = None,
) -> DocumentResult:
    return DocumentResult(gold, predicted, match_events(gold.events, predicted), document, error)


def type_counts(result: DocumentResult) -> dict[str, Counts]:
    counts = {t: Counts() for t in EVENT_TYPES}
    for event in result.gold.events:
        counts[event.event_type].fn += 1
    for event in result.predicted:
        counts.setdefault(event.event_type, Counts()).fp += 1
    for g, _ in result.matches:
        c = counts[result.gold.events[g].event_type]
        c.tp += 1
        c.fn -= 1
        c.fp -= 1
    return counts


def _field_order() -> list[tuple[str, str, bool]]:
    """(event type, field, decides match) rows in a stable reading order."""
    rows: list[tuple[str, str, bool]] = []
    for kind, names in KIND_FIELDS.items():
        event_type = KIND_TYPES[kind]
        for name in (*names, *INFO_FIELDS.get(kind, ())):
            row = (event_type, name, name in names)
            if row not in rows:
                rows.append(row)
    return rows


def _score_field(score: FieldScore, gold: Event, predicted: Event) -> None:
    score.pairs += 1
    agrees = FIELD_AGREES[score.field](gold, predicted)
    gold_value = FIELD_VALUE[score.field](gold)
    predicted_value = FIELD_VALUE[score.field](predicted)
    if agrees:
        score.right += 1
        if gold_value is not None:
            score.counts.tp += 1
        return
    if predicted_value is not None:
        score.counts.fp += 1
    if gold_value is not None:
        score.counts.fn += 1


def field_scores(results: Iterable[DocumentResult]) -> list[FieldScore]:
    scores = {(t, f): FieldScore(t, f, decides) for t, f, decides in _field_order()}
    for result in results:
        gold, predicted = result.gold.events, result.predicted
        for (event_type, name), score in scores.items():
            for g, p in result.matches:
                if gold[g].event_type == event_type and name in _scored(gold[g]):
                    _score_field(score, gold[g], predicted[p])
            if not score.decides_match:
                continue
            for g, p in field_pairs(gold, predicted, result.matches, name):
                if gold[g].event_type == event_type:
                    _score_field(score, gold[g], predicted[p])
    return list(scores.values())


def _scored(event: Event) -> tuple[str, ...]:
    kind = kind_of(event)
    return (*KIND_FIELDS[kind], *INFO_FIELDS.get(kind, ()))


def quote_counts(result: DocumentResult) -> Counts:
    """Gold quotes against predicted quotes of the same person, one to one, in gold order.

    Only statements whose gold gives a quote are scored (the gold keeps the first words of
    the person's first direct quotation); in a gold file that annotates quotes, a predicted
    quote no gold quote claims is a false hit, as in the real set's scorer.
    """
    gold = [e for e in result.gold.events if e.event_type == "statement" and e.quote]
    predicted = [e for e in result.predicted if e.event_type == "statement" and e.quote]
    counts, used = Counts(), set()
    for g in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used
                    and names_agree(g.person_name, p.person_name)
                    and quote_agrees(g.quote, p.quote)), None)
        if hit is None:
            counts.fn += 1
        else:
            used.add(hit)
            counts.tp += 1
    if result.gold.quotes_annotated:
        counts.fp += len(predicted) - len(used)
    return counts


def score_subset(results: list[DocumentResult]) -> SubsetScores:
    by_type = {t: Counts() for t in EVENT_TYPES}
    overall, quote = Counts(), Counts()
    for result in results:
        for event_type, counts in type_counts(result).items():
            by_type.setdefault(event_type, Counts()).add(counts)
            overall.add(counts)
        quote.add(quote_counts(result))
    return SubsetScores(len(results), by_type, overall, field_scores(results), quote)


def split_subsets(results: list[DocumentResult]) -> dict[str, SubsetScores]:
    """Scores over all documents and over the hard subset ("hard": true in the gold file)."""
    return {
        "all": score_subset(results),
        "hard": score_subset([r for r in results if r.hard]),
    }


def describe(event: Event) -> dict:
    """The fields that matter for an event's kind, for a report line."""
    kind = kind_of(event)
    names = (*KIND_FIELDS.get(kind, ()), *INFO_FIELDS.get(kind, ()))
    return {name: FIELD_VALUE[name](event) for name in names if FIELD_VALUE[name](event)}


def _closest(event: Event, others: list[Event], gold_side: bool) -> dict | None:
    same_kind = [o for o in others if o.event_type == event.event_type
                 and kind_of(o) == kind_of(event)]
    best, best_agree = None, 0
    for other in same_kind:
        gold, predicted = (event, other) if gold_side else (other, event)
        agree = len(agreeing_fields(gold, predicted))
        if agree > best_agree:
            best, best_agree = other, agree
    if best is None:
        return None
    gold, predicted = (event, best) if gold_side else (best, event)
    return {
        name: [FIELD_VALUE[name](gold), FIELD_VALUE[name](predicted)]
        for name in differing_fields(gold, predicted)
    }


def misses_and_false_hits(results: Iterable[DocumentResult]) -> tuple[list[Miss], list[Miss]]:
    """Gold events not found and predictions not in gold, each with its nearest counterpart.

    `closest` lists the fields that differ from the unmatched counterpart of the same kind
    agreeing on most fields, as [gold value, predicted value], so a miss reads as
    "date wrong" rather than as a bare sentence.
    """
    misses: list[Miss] = []
    false_hits: list[Miss] = []
    for result in results:
        matched_gold = {g for g, _ in result.matches}
        matched_predicted = {p for _, p in result.matches}
        lost_gold = [e for i, e in enumerate(result.gold.events) if i not in matched_gold]
        extra = [e for i, e in enumerate(result.predicted) if i not in matched_predicted]
        for event in lost_gold:
            misses.append(Miss(result.name, event.event_type, describe(event), event.evidence,
                               _closest(event, extra, gold_side=True)))
        for event in extra:
            false_hits.append(Miss(result.name, event.event_type, describe(event),
                                   event.evidence, _closest(event, lost_gold, gold_side=False)))
    return misses, false_hits
