"""When a predicted event counts as a gold event: the matching rules of the evaluation.

Matching rules (the lead copies this text into the README):

- Events match only within one document and one event type, one-to-one: each gold event
  pairs with at most one prediction and each prediction with at most one gold event. The
  pairing is a maximum one-to-one matching (augmenting paths), so the number of matches never
  depends on the order events come in; among equally large matchings, each gold event tries
  first the predictions that agree with it on most fields, in document order.
- A pair is an event-level match only when every matching field of its kind agrees:
  - phase_change: force_id, phases (phase_from and phase_to), event_date.
  - inspection: force_id, event_date.
  - recommendation item (no count filled): force_id, subject_kind, subject, status.
  - recommendation tally (any count filled): force_id, subject_kind, tallies (count_total,
    count_closed and count_open, all three). Items never match tallies.
  - statement: force_id, person_name, person_role. person_org is reported in the field
    table but never decides a match; quote and evidence are never compared.
- NULL agrees only with NULL, for every field.
- event_date agrees when the precisions are equal and the dates are equal at the gold
  precision: a gold month 2023-11 matches a predicted 2023-11-xx with precision month, not
  2023-11-24 with precision day.
- subject: both are normalised (lower-case; everything but letters and digits folded to one
  space); they agree when equal, when one contains the other on word boundaries, or when
  their token sets have Jaccard similarity >= 0.6.
- person_name: both are normalised (lower-case; punctuation other than hyphens and
  apostrophes removed; a trailing possessive "'s" dropped; leading honorifics and titles such
  as Sir, Dame, Mr, Dr, Chief Constable removed; trailing post-nominals such as QPM, OBE
  removed). They agree when the surnames (last tokens) are equal and either both names are
  a surname alone, or the first names are equal, or one first name is an initial of the
  other ("S Watson" = "Stephen Watson"); middle names are ignored.
- Every other field agrees on exact equality.

Field table: for each event type and field F, the evaluation first keeps the event-level
matches, then pairs the remaining gold and predicted events of that document and type again,
one-to-one, on every matching field except F. Those extra pairs are events that would have
matched if only F had been right, so the table shows which field causes the misses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from pipeline.events import REGISTRY, MatchField, RegistryError
from pipeline.models import Event

T = TypeVar("T")

# The kinds events are matched within, and their fields, from the registered types
# (pipeline/events/registry.py); recommendation splits into items and tallies.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    kind.name: tuple(f.name for f in kind.fields) for _, kind in REGISTRY.kinds()}
# Reported in the field table for event-level matches, never part of a match.
INFO_FIELDS: dict[str, tuple[str, ...]] = {
    kind.name: tuple(f.name for f in kind.info) for _, kind in REGISTRY.kinds() if kind.info}
# The event type each kind belongs to.
KIND_TYPES: dict[str, str] = {kind.name: t.name for t, kind in REGISTRY.kinds()}

SUBJECT_JACCARD = 0.6

HONORIFICS = frozenset({
    "sir", "dame", "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor",
    "lord", "lady", "baroness", "baron", "rt", "hon", "the", "rev", "reverend", "cllr",
    "councillor",
})
# Rank and office words a statistical tagger leaves inside a PERSON span ("Chief Constable
# Stephen Watson"); stripped only from the front, so no surname is lost.
TITLE_WORDS = frozenset({
    "chief", "deputy", "assistant", "constable", "commissioner", "inspector", "superintendent",
    "sergeant", "detective", "temporary", "acting", "police", "and", "crime", "hm", "his",
    "her", "majesty", "mayor", "minister", "home", "secretary", "commander",
})
POST_NOMINALS = frozenset({
    "qpm", "kpm", "obe", "mbe", "cbe", "kbe", "dbe", "dl", "mp", "jp", "kc", "qc", "phd",
})


def kind_of(event: Event) -> str:
    """The matching kind: the event type, with recommendations split into items and tallies."""
    return REGISTRY.kind_of(event)


def normalise_text(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def subjects_agree(gold: str | None, predicted: str | None) -> bool:
    a, b = normalise_text(gold), normalise_text(predicted)
    if not a or not b:
        return a == b
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) / len(ta | tb) >= SUBJECT_JACCARD


def name_tokens(name: str | None) -> list[str]:
    """A person's name as tokens, without honorifics, titles, post-nominals or possessive."""
    if not name:
        return []
    text = name.lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\bt/", " ", text)  # "T/Chief Constable": temporary rank
    tokens = re.sub(r"[^\w\s'\-]", " ", text).split()
    tokens = [t.strip("'-") for t in tokens]
    tokens = [t for t in tokens if t]
    while tokens and (tokens[0] in HONORIFICS or tokens[0] in TITLE_WORDS):
        tokens.pop(0)
    while tokens and tokens[-1] in POST_NOMINALS:
        tokens.pop()
    return tokens


def names_agree(gold: str | None, predicted: str | None) -> bool:
    a, b = name_tokens(gold), name_tokens(predicted)
    if not a or not b:
        return not a and not b
    if a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return len(a) == len(b)
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if first_a == first_b:
        return True
    return (len(first_a) == 1 and first_b.startswith(first_a)) or (
        len(first_b) == 1 and first_a.startswith(first_b)
    )


def truncate_date(value: date, precision: str | None) -> tuple[int, ...]:
    """The parts of a date its precision vouches for: (year,), (year, month) or all three."""
    if precision == "year":
        return (value.year,)
    if precision == "month":
        return (value.year, value.month)
    return (value.year, value.month, value.day)


def _dates_agree(gold: tuple, predicted: tuple) -> bool:
    """(event_date, date_precision) pairs."""
    (gold_date, precision), (predicted_date, predicted_precision) = gold, predicted
    if gold_date is None or predicted_date is None:
        return gold_date is None and predicted_date is None
    if precision != predicted_precision:
        return False
    return truncate_date(gold_date, precision) == truncate_date(predicted_date, precision)


def dates_agree(gold: Event, predicted: Event) -> bool:
    return _dates_agree((gold.event_date, gold.date_precision),
                        (predicted.event_date, predicted.date_precision))


def _shown(values: tuple, joiner: str) -> object:
    """One column's value; several columns joined ("scan->engage", "5/3/2"), or None."""
    if len(values) == 1:
        return values[0]
    return joiner.join(map(str, values)) if any(v is not None for v in values) else None


def _shown_date(values: tuple, _joiner: str) -> object:
    value, precision = values
    return f"{value.isoformat()} ({precision})" if value else None


@dataclass(frozen=True)
class Rule:
    """How a match field's gold and predicted values agree, and how a value is shown."""

    agrees: Callable[[tuple, tuple], bool]
    show: Callable[[tuple, str], object] = _shown


# The rules a registered MatchField names (its `rule`), over the tuple of its columns.
RULES: dict[str, Rule] = {
    "exact": Rule(lambda g, p: g == p),
    "date": Rule(_dates_agree, _shown_date),
    "subject": Rule(lambda g, p: subjects_agree(g[0], p[0])),
    "person_name": Rule(lambda g, p: names_agree(g[0], p[0])),
    "folded_text": Rule(lambda g, p: normalise_text(g[0]) == normalise_text(p[0])),
}


def _reader(columns: tuple[str, ...]) -> Callable[[Event], tuple]:
    return lambda e: tuple(getattr(e, c) for c in columns)


def _rule(field: MatchField) -> Rule:
    if field.rule not in RULES:
        raise RegistryError(f"match field {field.name!r} names rule {field.rule!r}; "
                            f"known rules: {', '.join(RULES)}")
    return RULES[field.rule]


def _agreement(field: MatchField) -> Callable[[Event, Event], bool]:
    read, agrees = _reader(field.columns), _rule(field).agrees
    return lambda g, p: agrees(read(g), read(p))


def _value(field: MatchField) -> Callable[[Event], object]:
    read, show, joiner = _reader(field.columns), _rule(field).show, field.joiner
    return lambda e: show(read(e), joiner)


FIELD_AGREES: dict[str, Callable[[Event, Event], bool]] = {
    name: _agreement(field) for name, field in REGISTRY.match_fields().items()}
# The raw value a field shows in a report, to say what was expected and what came out.
FIELD_VALUE: dict[str, Callable[[Event], object]] = {
    name: _value(field) for name, field in REGISTRY.match_fields().items()}

QUOTE_HEAD_WORDS = 6


def folded_words(text: str | None) -> list[str]:
    """Lower-case ASCII words: quote marks, dashes and accents differ between copies of a text."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", folded.lower())


def quote_agrees(gold_quote: str | None, predicted_quote: str | None) -> bool:
    """The gold quote's first words, in order and adjacent, inside the predicted quote.

    Gold keeps only the opening words of a person's first direct quotation, so a prediction
    agrees when it holds those words anywhere (it may join several quotes).
    """
    gold, predicted = folded_words(gold_quote), folded_words(predicted_quote)
    if not gold or not predicted:
        return False
    head = gold[:QUOTE_HEAD_WORDS]
    return any(predicted[i : i + len(head)] == head
               for i in range(len(predicted) - len(head) + 1))


def agreeing_fields(gold: Event, predicted: Event) -> list[str]:
    """The matching fields on which two events of the same kind agree."""
    return [f for f in KIND_FIELDS[kind_of(gold)] if FIELD_AGREES[f](gold, predicted)]


def differing_fields(gold: Event, predicted: Event) -> list[str]:
    return [f for f in KIND_FIELDS[kind_of(gold)] if not FIELD_AGREES[f](gold, predicted)]


def events_match(gold: Event, predicted: Event, ignore: str | None = None) -> bool:
    """True when two events are the same fact, optionally leaving one field out of the test."""
    if gold.event_type != predicted.event_type or kind_of(gold) != kind_of(predicted):
        return False
    return all(
        FIELD_AGREES[f](gold, predicted) for f in KIND_FIELDS[kind_of(gold)] if f != ignore
    )


def maximum_matching(
    gold: Sequence[T],
    predicted: Sequence[T],
    allowed: Callable[[T, T], bool],
    gold_ids: Sequence[int] | None = None,
    predicted_ids: Sequence[int] | None = None,
    closeness: Callable[[T, T], int] | None = None,
) -> list[tuple[int, int]]:
    """A largest one-to-one set of (gold index, predicted index) pairs that `allowed` accepts.

    Greedy pairing can strand a gold event whose only candidate was taken by another that
    had alternatives (fuzzy subjects and names make that real), so augmenting paths are used;
    the sets are a handful of events per document, so the cost does not matter.
    """
    gold_ids = list(range(len(gold))) if gold_ids is None else list(gold_ids)
    predicted_ids = list(range(len(predicted))) if predicted_ids is None else list(predicted_ids)
    candidates: dict[int, list[int]] = {}
    for g in gold_ids:
        options = [p for p in predicted_ids if allowed(gold[g], predicted[p])]
        if closeness is not None:
            # Closest first, so ties resolve towards the prediction agreeing on most fields.
            options.sort(key=lambda p, g=g: -closeness(gold[g], predicted[p]))
        candidates[g] = options
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(g: int, seen: set[int]) -> bool:
        for p in candidates[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in gold_ids:
        augment(g, set())
    return sorted((g, p) for p, g in owner.items())


def _closeness(gold: Event, predicted: Event) -> int:
    if kind_of(gold) != kind_of(predicted) or gold.event_type != predicted.event_type:
        return 0
    return len(agreeing_fields(gold, predicted))


def match_events(gold: Sequence[Event], predicted: Sequence[Event]) -> list[tuple[int, int]]:
    """Event-level matches of one document: pairs whose every matching field agrees."""
    return maximum_matching(gold, predicted, events_match, closeness=_closeness)


def field_pairs(
    gold: Sequence[Event],
    predicted: Sequence[Event],
    matches: Sequence[tuple[int, int]],
    field: str,
) -> list[tuple[int, int]]:
    """Pairs that agree on every matching field except `field`, beyond the event matches."""
    used_gold = {g for g, _ in matches}
    used_predicted = {p for _, p in matches}
    gold_ids = [i for i, e in enumerate(gold) if i not in used_gold and field in _fields(e)]
    predicted_ids = [i for i in range(len(predicted)) if i not in used_predicted]
    return maximum_matching(
        gold,
        predicted,
        lambda g, p: events_match(g, p, ignore=field),
        gold_ids,
        predicted_ids,
        closeness=_closeness,
    )


def _fields(event: Event) -> tuple[str, ...]:
    return KIND_FIELDS[kind_of(event)]
