"""The keys of rules/officials.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Official:
    name: str
    role: str
    # `from` is a Python keyword: the key is read into from_.
    from_: date = field(metadata={"key": "from"})
    org: str | None = None
    force: str | None = None
    to: date | None = None


@dataclass(frozen=True)
class OfficialsRules:
    """rules/officials.yaml: one field per key."""

    officials: tuple[Official, ...]
