"""The steps every extractor takes, in the same order, so that each event type reads alike:

    trigger → clause → blocked? → fire or out of scope? → forces → date → events → merge

An extractor module declares its steps as a `Steps` and its entry point is
`run(STEPS, analysis)`. What differs between event types (what a trigger is, what blocks
a clause, how a date is found) is in the steps; the order, the scope check and the merge
are here, once. The scope check is force_scope.out_of_scope, read from rules/forces.yaml:
a clause about a fire and rescue service that names no police force, and a force whose
remit excludes the event type (Police Scotland has no inspections by HMICFRS), make no
event of any type. Nor does a headline in a list of other stories ("Related news").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from pipeline.extract.context import Analysis
from pipeline.extract.force_scope import out_of_scope
from pipeline.extract.furniture import related_lists
from pipeline.models import Event

C = TypeVar("C")  # an extractor's clause: whatever its trigger reads, with its token span
F = TypeVar("F")  # what a clause yields before the merge: events, or events with notes

Dated = tuple[date | None, str | None]


def itself(found: Event) -> Event:
    """The `event_of` step of types whose clauses yield bare events."""
    return found


@dataclass(frozen=True)
class Steps(Generic[C, F]):
    """One event type's extraction, step by step.

    clauses: every trigger in the document, each read out to the clause it governs.
    span: a clause's token span, for the fire and out-of-scope check (None: the type is
        never out of scope by its clause, as a fire officer's words are still a statement).
    blocked: whether the clause is negated, hypothetical, reported as a wish, and so on.
    forces: the forces the clause is about (force_scope.forces_of, with this type's
        reference and fallback options).
    date: the clause's date and its precision, or (None, None).
    events: the clause's events, one per force it is about, with whatever the merge must
        know of each (how its date was found, what kind of mention it was).
    merge: one event per fact, from everything the clauses found in the document.
    event_of: the event inside what a clause yields, whose evidence places it in the text.
    """

    event_type: str
    clauses: Callable[[Analysis], Iterable[C]]
    span: Callable[[C], tuple[int, int] | None]
    blocked: Callable[[Analysis, C], bool]
    forces: Callable[[Analysis, C], list[str]]
    date: Callable[[Analysis, C], Dated]
    events: Callable[[Analysis, C, list[str], Dated], list[F]]
    merge: Callable[[Analysis, list[F]], list[Event]]
    event_of: Callable[[F], Event] = itself


def run(steps: Steps[C, F], analysis: Analysis) -> list[Event]:
    """Walk the steps over a document's clauses and merge what they found."""
    found: list[F] = []
    for clause in steps.clauses(analysis):
        if steps.blocked(analysis, clause):
            continue
        if out_of_scope(analysis, steps.event_type, span=steps.span(clause)):
            continue
        forces = [f for f in steps.forces(analysis, clause)
                  if not out_of_scope(analysis, steps.event_type, f)]
        found += steps.events(analysis, clause, forces, steps.date(analysis, clause))
    lists = related_lists(analysis)
    kept = [f for f in found if not _within(steps.event_of(f), lists)]
    return steps.merge(analysis, kept)


def _within(event: Event, spans: list[tuple[int, int]]) -> bool:
    return any(s <= event.char_start and event.char_end <= e for s, e in spans)


def never(analysis: Analysis, clause: object) -> bool:
    """A `blocked` step for types whose clauses are never blocked."""
    return False


def undated(analysis: Analysis, clause: object) -> Dated:
    """A `date` step for types that carry no date of their own (statements)."""
    return None, None


def as_found(analysis: Analysis, events: list[Event]) -> list[Event]:
    """A `merge` step for types whose events are already one per fact."""
    return events
