"""The codes stored in event rows: statuses, phases, date precisions, finding kinds.

They are identifiers the schema, the views and the gold share, not English to match in
text (that lives in rules/). Each is a StrEnum, so a code compares and stores as its
plain string ("open") and a misspelt one fails at import, not as a silent non-match.
"""

from __future__ import annotations

from enum import StrEnum, auto


class Status(StrEnum):
    """Where a cause of concern or recommendation stands."""

    OPEN = auto()
    CLOSED = auto()


class Phase(StrEnum):
    """HMICFRS's two monitoring phases."""

    SCAN = auto()
    ENGAGE = auto()


class Precision(StrEnum):
    """How much of a stored date the text gave: it is stored as the first day of this."""

    DAY = auto()
    MONTH = auto()
    YEAR = auto()


class FindingKind(StrEnum):
    """What the inspectorate issued (rules/recommendations.yaml `kinds`)."""

    CAUSE_OF_CONCERN = auto()
    RECOMMENDATION = auto()


class Alignment(StrEnum):
    """spaCy's char_span alignment modes."""

    EXPAND = auto()  # the tokens that cover the characters, even in part
