"""Event types as registered units: see pipeline/events/registry.py to add one."""

from pipeline.events.registry import REGISTRY
from pipeline.events.spec import (
    DATE,
    INTEGER,
    MATCH_DATE,
    MATCH_FORCE,
    TEXT,
    EventType,
    Field,
    MatchField,
    MatchKind,
    Registry,
    RegistryError,
    ValueType,
)

__all__ = [
    "DATE", "INTEGER", "MATCH_DATE", "MATCH_FORCE", "REGISTRY", "TEXT", "EventType", "Field",
    "MatchField", "MatchKind", "Registry", "RegistryError", "ValueType",
]
