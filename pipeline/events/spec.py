"""What an event type is made of, and the registry that derives the rest from the types.

An event is an envelope every type shares (its type, evidence and offsets, force and date,
and the provenance `stamp` adds) plus the payload fields of its type. `EventType` declares
one type as data: its payload `Field`s, how the evaluation matches it (`MatchKind`s of
`MatchField`s), its label and colour in the report, and its extractor as a "module:function"
path (imported only when extraction starts, so this module imports nothing of the
pipeline). `Registry` checks the types against each other when they are registered and
derives the `Event` attributes, the events table's columns and the eval's field tables.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any


class RegistryError(ValueError):
    """An event type contradicts itself or another registered type."""


@dataclass(frozen=True)
class ValueType:
    """A field's value: the Python type, the DuckDB column type and the Arrow type."""

    python: type
    sql: str
    arrow: str  # the name of the pyarrow factory (pa.string(), pa.int32(), pa.date32())


TEXT = ValueType(str, "VARCHAR", "string")
INTEGER = ValueType(int, "INTEGER", "int32")
DATE = ValueType(date, "DATE", "date32")


@dataclass(frozen=True)
class Field:
    """One attribute of Event and one column of the events table."""

    name: str
    type: ValueType = TEXT
    doc: str = ""
    # Part of what makes two events the same fact, and so of the event id.
    identity: bool = True
    # Envelope fields only: a constructor argument without default, and the column's
    # constraint. Payload fields are optional and nullable, so a table can gain them.
    required: bool = False
    constraint: str = ""


@dataclass(frozen=True)
class MatchField:
    """A field of the evaluation: what it reads from an event and how two values agree."""

    name: str  # as the field table prints it ("phases", "tallies")
    columns: tuple[str, ...]
    rule: str = "exact"  # a name in pipeline.evaluate.matching.RULES
    joiner: str = "/"  # between the values of a several-column field when it is shown


@dataclass(frozen=True)
class MatchKind:
    """Events that match only each other, on every one of `fields`.

    A type with several kinds (recommendation items and tallies) says which one an event is
    by `when_set`: the kind of the events with any of those fields set; the kind without
    `when_set` takes the rest. `info` fields are reported in the field table, never matched.
    """

    fields: tuple[MatchField, ...]
    name: str = ""  # defaults to the type's name
    info: tuple[MatchField, ...] = ()
    when_set: tuple[str, ...] = ()


# The envelope: fields every event has, whatever its type.
EVENT_TYPE = Field("event_type", doc="the registered type's name", required=True,
                   constraint="NOT NULL")
EVIDENCE = Field("evidence", doc="documents.text[char_start:char_end]", identity=False,
                 required=True, constraint="NOT NULL")
CHAR_START = Field("char_start", INTEGER, required=True, constraint="NOT NULL")
CHAR_END = Field("char_end", INTEGER, identity=False, required=True, constraint="NOT NULL")
FORCE = Field("force", doc="the force's name", identity=False)
FORCE_ID = Field("force_id", doc="the force's id in rules/forces.yaml")
EVENT_DATE = Field("event_date", DATE, doc="stored as the first day of its precision")
DATE_PRECISION = Field("date_precision", doc="day, month or year")
DOC_ID = Field("doc_id", identity=False, constraint="NOT NULL")
RULES_VERSION = Field("rules_version", identity=False, constraint="NOT NULL")
EVENT_ID = Field("event_id", identity=False, constraint="PRIMARY KEY")

# Event's attributes in order: what an extractor must give, where and when, the payload
# of every type (in registration order), then what `stamp` adds.
EVIDENCE_FIELDS = (EVENT_TYPE, EVIDENCE, CHAR_START, CHAR_END)
CONTEXT_FIELDS = (FORCE, FORCE_ID, EVENT_DATE, DATE_PRECISION)
STAMP_FIELDS = (DOC_ID, RULES_VERSION, EVENT_ID)
ENVELOPE = (*EVIDENCE_FIELDS, *CONTEXT_FIELDS, *STAMP_FIELDS)
# The events table's columns in order: keys and context, the payload, evidence, provenance.
TABLE_HEAD = (EVENT_ID, DOC_ID, EVENT_TYPE, *CONTEXT_FIELDS)
TABLE_TAIL = (EVIDENCE, CHAR_START, CHAR_END, RULES_VERSION)

# Match fields on the envelope, for any type to use.
MATCH_FORCE = MatchField("force", ("force_id",))
MATCH_DATE = MatchField("event_date", ("event_date", "date_precision"), rule="date")

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_COLOUR = re.compile(r"#[0-9a-f]{6}")
_EXTRACTOR = re.compile(r"[a-z_][a-z0-9_.]*:[a-z_][a-z0-9_]*")


@dataclass(frozen=True)
class EventType:
    """One kind of fact the pipeline extracts, with everything the stages need to know."""

    name: str  # the event_type value; also the report's CSS class
    label: str  # the report's name for it, in the legend and on every entry
    description: str  # one line: what counts as one
    colour: str  # "#rrggbb" of its marks in the report
    extractor: str  # "module:function" taking an Analysis, returning its Events
    fields: tuple[Field, ...] = ()  # the payload, beyond the envelope
    match: tuple[MatchKind, ...] = (MatchKind((MATCH_FORCE, MATCH_DATE)),)
    rules: tuple[str, ...] = ()  # the rules/ files holding this type's own vocabulary
    # The event is an oversight fact about its force (the real set's `forces` measure
    # counts those); a statement's force is only its speaker's.
    about_force: bool = True

    def __post_init__(self) -> None:
        named = tuple(replace(k, name=k.name or self.name) for k in self.match)
        object.__setattr__(self, "match", named)

    def load_extractor(self) -> Callable[[Any], list]:
        module, _, function = self.extractor.partition(":")
        return getattr(importlib.import_module(module), function)

    def kind_of(self, event: object) -> str:
        """The match kind of one of this type's events."""
        for kind in self.match:
            if any(getattr(event, name) is not None for name in kind.when_set):
                return kind.name
        return next(k.name for k in self.match if not k.when_set)


def _check_type(event_type: EventType) -> None:
    where = f"event type {event_type.name!r}"
    if not _NAME.fullmatch(event_type.name):
        raise RegistryError(f"{where}: the name must be lower-case letters, digits and _")
    if not _COLOUR.fullmatch(event_type.colour):
        raise RegistryError(f"{where}: colour {event_type.colour!r} is not #rrggbb")
    if not _EXTRACTOR.fullmatch(event_type.extractor):
        raise RegistryError(f"{where}: extractor {event_type.extractor!r} is not "
                            "'module:function'")
    own = {f.name for f in event_type.fields}
    for f in event_type.fields:
        if not _NAME.fullmatch(f.name) or f.name in {e.name for e in ENVELOPE}:
            raise RegistryError(f"{where}: {f.name!r} cannot be a payload field name")
        if f.required or f.constraint:
            raise RegistryError(f"{where}: payload field {f.name!r} must be optional")
    defaults = [k for k in event_type.match if not k.when_set]
    if len(defaults) != 1:
        raise RegistryError(f"{where}: needs exactly one match kind without when_set")
    readable = own | {f.name for f in (*CONTEXT_FIELDS, EVENT_TYPE)}
    for kind in event_type.match:
        for name in kind.when_set:
            if name not in own:
                raise RegistryError(f"{where}: when_set names {name!r}, not a field of it")
        for match_field in (*kind.fields, *kind.info):
            missing = set(match_field.columns) - readable
            if missing or not match_field.columns:
                raise RegistryError(f"{where}: match field {match_field.name!r} reads "
                                    f"{sorted(missing) or 'nothing'}, not fields of it")
    for name in event_type.rules:
        if not name.endswith(".yaml") or "/" in name:
            raise RegistryError(f"{where}: rules file {name!r} is not a file name in rules/")


def _same_names(items: Iterable, what: str) -> dict[str, Any]:
    """Items by name; two different items with one name are an error."""
    out: dict[str, Any] = {}
    for item in items:
        if out.setdefault(item.name, item) != item:
            raise RegistryError(f"two different {what}s are named {item.name!r}")
    return out


class Registry:
    """The registered event types, in order, and what derives from them.

    The types of the first release fix the event id's positional key (see `id_key`). The
    registry is sealed when pipeline.models builds Event from it: a type registered later
    would have no attributes, so `register` refuses it.
    """

    def __init__(self, first_release: tuple[EventType, ...]) -> None:
        self._types: list[EventType] = []
        self._sealed = False
        for event_type in first_release:
            self.register(event_type)
        identity = [f for t in first_release for f in t.fields if f.identity]
        self._id_key = (EVENT_TYPE, FORCE_ID, EVENT_DATE, DATE_PRECISION,
                        *_same_names(identity, "field").values(), CHAR_START)

    def register(self, event_type: EventType) -> EventType:
        if self._sealed:
            raise RegistryError(f"event type {event_type.name!r} registered after "
                                "pipeline.models was imported: register it in "
                                "pipeline/events/registry.py")
        _check_type(event_type)
        if event_type.name in self.names:
            raise RegistryError(f"event type {event_type.name!r} is registered twice")
        types = [*self._types, event_type]
        _same_names((f for t in types for f in t.fields), "field")
        _same_names((k for t in types for k in t.match), "match kind")
        _same_names((m for t in types for k in t.match for m in (*k.fields, *k.info)),
                    "match field")
        self._types.append(event_type)
        return event_type

    def seal(self) -> Registry:
        self._sealed = True
        return self

    @property
    def types(self) -> tuple[EventType, ...]:
        return tuple(self._types)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self._types)

    def get(self, name: str) -> EventType:
        for event_type in self._types:
            if event_type.name == name:
                return event_type
        raise KeyError(name)

    def payload(self) -> tuple[Field, ...]:
        """Every type's payload fields, each once, in registration order."""
        return tuple(_same_names((f for t in self._types for f in t.fields), "field").values())

    def event_fields(self) -> tuple[Field, ...]:
        """Event's attributes, in the order of its constructor and of `to_row`."""
        return (*EVIDENCE_FIELDS, *CONTEXT_FIELDS, *self.payload(), *STAMP_FIELDS)

    def columns(self) -> tuple[Field, ...]:
        """The events table's columns, in the order a new file creates them."""
        return (*TABLE_HEAD, *self.payload(), *TABLE_TAIL)

    def id_key(self) -> tuple[Field, ...]:
        """The fields an event id hashes by position (empty when unset): the envelope's and
        the first release's identity fields, then char_start. Pinned, since changing it
        changes every stored id; `later_identity` follows it."""
        return self._id_key

    def later_identity(self) -> tuple[Field, ...]:
        """Identity fields of types registered after the first release: an id hashes them
        as name=value, and only when set, so registering a type never changes a stored id."""
        pinned = {f.name for f in self._id_key}
        return tuple(f for f in self.payload() if f.identity and f.name not in pinned)

    def kinds(self) -> tuple[tuple[EventType, MatchKind], ...]:
        """Every match kind with its type, in registration order."""
        return tuple((t, k) for t in self._types for k in t.match)

    def match_fields(self) -> dict[str, MatchField]:
        return _same_names((m for _, k in self.kinds() for m in (*k.fields, *k.info)),
                           "match field")

    def kind_of(self, event: Any) -> str:
        """The match kind of an event: its type's name unless the type has several kinds."""
        try:
            return self.get(event.event_type).kind_of(event)
        except KeyError:
            return event.event_type

    def rule_files(self) -> tuple[str, ...]:
        """The rules files the types name, each once."""
        return tuple(dict.fromkeys(name for t in self._types for name in t.rules))
