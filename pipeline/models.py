"""The two records that flow through the pipeline: a Document in, Event rows out.

Every stage speaks in these types, so fetchers, parsers, the extractor and the store can
change independently as long as they keep the fields. Event's fields are not listed here:
they are the registered event types' (pipeline/events/registry.py), so a new type's
payload is an attribute like any other.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, make_dataclass
from datetime import date

from pipeline.codes import Precision
from pipeline.events import DATE, REGISTRY, Registry

EVENT_TYPES = REGISTRY.names
PRECISIONS = tuple(p.value for p in Precision)  # plain strings: messages print them


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """A parsed press release or article: the stored text is what evidence offsets point into."""

    url: str
    title: str
    text: str
    published_date: date | None = None
    source: str = "local"

    @property
    def content_sha256(self) -> str:
        return sha256_text(self.text)

    @property
    def doc_id(self) -> str:
        # Keyed on the canonical URL so that an edited page replaces its earlier version.
        return hashlib.sha256(self.url.encode("utf-8")).hexdigest()[:16]


def _key_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _identity(self) -> tuple:
    """The fields that make two events the same fact (used for ids and de-duplication):
    the registry's pinned key by position, then later types' identity fields that are set."""
    pinned = tuple(_key_value(getattr(self, f.name)) for f in _ID_KEY)
    later = tuple(f"{f.name}={_key_value(value)}" for f in _LATER_IDENTITY
                  if (value := getattr(self, f.name)) is not None)
    return pinned + later


def _stamp(self, doc_id: str, rules_version: str) -> Event:
    """Attach provenance in one place, so no extractor can forget it."""
    self.doc_id = doc_id
    self.rules_version = rules_version
    key = "|".join("" if v is None else str(v) for v in (doc_id, *self.identity()))
    self.event_id = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    return self


def _to_row(self) -> dict:
    return asdict(self)


def _to_json_dict(self) -> dict:
    row = self.to_row()
    for name in _DATE_FIELDS:
        if row[name] is not None:
            row[name] = row[name].isoformat()
    return row


def _event_class(registry: Registry) -> type:
    """Event as a dataclass with one attribute per registered field, built once at import:
    the envelope every event has, then every registered type's payload fields."""
    spec = [(f.name, f.type.python) if f.required
            else (f.name, f.type.python | None, field(default=None))
            for f in registry.event_fields()]
    namespace = {"identity": _identity, "stamp": _stamp, "to_row": _to_row,
                 "to_json_dict": _to_json_dict,
                 "__doc__": "One extracted fact with its evidence: "
                            "text[char_start:char_end] == evidence."}
    cls = make_dataclass("Event", spec, namespace=namespace)
    cls.__module__ = __name__
    return cls


_ID_KEY = REGISTRY.seal().id_key()
_LATER_IDENTITY = REGISTRY.later_identity()
_DATE_FIELDS = tuple(f.name for f in REGISTRY.event_fields() if f.type is DATE)
Event = _event_class(REGISTRY)
