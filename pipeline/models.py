"""The two records that flow through the pipeline: a Document in, Event rows out.

Every stage speaks in these types, so fetchers, parsers, the extractor and the store can
change independently as long as they keep the fields.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date

EVENT_TYPES = ("phase_change", "inspection", "recommendation", "statement")
PHASES = ("scan", "engage")
PRECISIONS = ("day", "month", "year")
ROLES = (
    "chief_constable",
    "deputy_chief_constable",
    "assistant_chief_constable",
    "commissioner",
    "police_and_crime_commissioner",
    "hm_inspector",
    "hm_chief_inspector",
    "minister",
    "other",
)


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


@dataclass
class Event:
    """One extracted fact with its evidence: text[char_start:char_end] == evidence."""

    event_type: str
    evidence: str
    char_start: int
    char_end: int
    force: str | None = None
    force_id: str | None = None
    event_date: date | None = None
    date_precision: str | None = None
    phase_from: str | None = None
    phase_to: str | None = None
    subject_kind: str | None = None
    subject: str | None = None
    status: str | None = None
    count_total: int | None = None
    count_closed: int | None = None
    count_open: int | None = None
    person_name: str | None = None
    person_role: str | None = None
    person_org: str | None = None
    quote: str | None = None
    doc_id: str | None = None
    rules_version: str | None = None
    event_id: str | None = field(default=None)

    def identity(self) -> tuple:
        """The fields that make two events the same fact (used for ids and de-duplication)."""
        return (
            self.event_type,
            self.force_id,
            self.event_date.isoformat() if self.event_date else None,
            self.date_precision,
            self.phase_from,
            self.phase_to,
            self.subject_kind,
            self.subject,
            self.status,
            self.count_total,
            self.count_closed,
            self.count_open,
            self.person_name,
            self.person_role,
            self.char_start,
        )

    def stamp(self, doc_id: str, rules_version: str) -> Event:
        """Attach provenance in one place, so no extractor can forget it."""
        self.doc_id = doc_id
        self.rules_version = rules_version
        key = "|".join("" if v is None else str(v) for v in (doc_id, *self.identity()))
        self.event_id = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
        return self

    def to_row(self) -> dict:
        return asdict(self)

    def to_json_dict(self) -> dict:
        row = self.to_row()
        if self.event_date is not None:
            row["event_date"] = self.event_date.isoformat()
        return row
