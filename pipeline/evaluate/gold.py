"""Read the gold set (gold/*.json, format in gold/README.md) into Events.

Gold events become the same Event type the extractor returns, so matching compares like with
like. A gold file that cannot be read is reported as a problem rather than stopping the run:
the set is edited by hand, and one bad file should not hide the scores of the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.events import REGISTRY
from pipeline.events.spec import CHAR_END, CHAR_START, FORCE, STAMP_FIELDS
from pipeline.models import EVENT_TYPES, PRECISIONS, Event

# What a gold event may give: every registered field but offsets, the force's display name
# (gold gives force_id) and what stamp() adds.
EVENT_FIELDS = {f.name for f in REGISTRY.event_fields()} - {
    f.name for f in (CHAR_START, CHAR_END, FORCE, *STAMP_FIELDS)}


class GoldError(ValueError):
    """A gold file is not valid JSON or breaks the format in gold/README.md."""


@dataclass
class GoldDocument:
    name: str  # the gold file's stem, which is also the corpus file's stem
    document: str  # the corpus path as the gold file gives it
    hard: bool
    tags: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Whether the file's statements say what was quoted ("quote", null for reported speech):
    # only then is a predicted quote that no gold quote claims a false hit.
    quotes_annotated: bool = False


def event_from_gold(raw: dict) -> Event:
    """One gold event dict as an Event; fields left out are NULL, as the README says."""
    unknown = set(raw) - EVENT_FIELDS
    if unknown:
        raise GoldError(f"unknown field(s) {sorted(unknown)}")
    if raw.get("event_type") not in EVENT_TYPES:
        raise GoldError(f"event_type must be one of {EVENT_TYPES}, got {raw.get('event_type')!r}")
    values = dict(raw)
    if values.get("event_date") is not None:
        try:
            values["event_date"] = date.fromisoformat(values["event_date"])
        except (TypeError, ValueError) as exc:
            raise GoldError(f"event_date {raw['event_date']!r} is not YYYY-MM-DD") from exc
        if values.get("date_precision") not in PRECISIONS:
            raise GoldError(f"date_precision must be one of {PRECISIONS} when a date is given")
    values.setdefault("evidence", "")
    return Event(char_start=-1, char_end=-1, **values)


def read_gold_file(path: Path) -> GoldDocument:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path.name}: cannot read gold file ({exc})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        raise GoldError(f"{path.name}: expected an object with an 'events' list")
    events = []
    for number, item in enumerate(raw["events"], start=1):
        if not isinstance(item, dict):
            raise GoldError(f"{path.name}: event {number} is not an object")
        try:
            events.append(event_from_gold(item))
        except (GoldError, TypeError) as exc:
            raise GoldError(f"{path.name}: event {number}: {exc}") from exc
    return GoldDocument(
        name=path.stem,
        document=str(raw.get("document") or path.stem),
        hard=bool(raw.get("hard", False)),
        tags=[str(t) for t in raw.get("tags", [])],
        events=events,
        quotes_annotated=any(isinstance(e, dict) and e.get("event_type") == "statement"
                             and "quote" in e for e in raw["events"]),
    )


def load_gold(gold_dir: Path) -> tuple[list[GoldDocument], list[str]]:
    """Every readable gold file in name order, and one problem line per unreadable file."""
    documents: list[GoldDocument] = []
    problems: list[str] = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            documents.append(read_gold_file(path))
        except GoldError as exc:
            problems.append(str(exc))
    return documents, problems


def corpus_path(gold: GoldDocument, corpus_dir: Path) -> Path | None:
    """The corpus file a gold document describes, looked up by file name in corpus_dir."""
    named = corpus_dir / Path(gold.document).name
    if named.is_file():
        return named
    matches = sorted(p for p in corpus_dir.glob(f"{gold.name}.*") if p.is_file())
    return matches[0] if matches else None
