"""The registered event types: one entry per type, and nothing about a type anywhere else.

From these entries come Event's attributes (pipeline.models), the events table's columns
and their types (pipeline.store), the evaluation's match kinds and field tables
(pipeline.evaluate.matching), the report's legend, colours and entries (pipeline.report)
and the list of extractors (pipeline.extract).

To add a type, write three things:

1. its rules file, `rules/<type>.yaml`, named in the entry's `rules`: its words and
   phrases (the file is hashed into every event's rules_version);
2. its extractor module, `pipeline/extract/<type>.py`, with one function that takes an
   `Analysis` and returns `sentence_event(...)`/`span_event(...)` Events of the type;
3. its entry here: `REGISTRY.register(EventType(...))` below the first release, with its
   payload fields (reuse a field by repeating it; a new one becomes a new nullable column,
   added to existing databases when they are next opened for writing), its match kinds,
   label, description and colour.

The gate then asks for data, not code: gold events of the new type (gold/*.json) and a
floor for it in eval/baseline.json (`python -m pipeline.evaluate --write-baseline`), and
five rewordings in tests/data/rewordings.yaml. SQL views and digest facts are written for
the types that need more than the `events` table; a type without them shows in the report
as one entry per event. `tests/test_event_registry.py` adds a type this way and checks
that nothing else needs changing.
"""

from __future__ import annotations

from pipeline.events.spec import (
    INTEGER,
    MATCH_DATE,
    MATCH_FORCE,
    EventType,
    Field,
    MatchField,
    MatchKind,
    Registry,
)

PHASE_CHANGE = EventType(
    name="phase_change",
    label="phase change",
    description="a force moved between HMICFRS's monitoring phases: into Engage "
                "(\u201cspecial measures\u201d) or back to Scan",
    colour="#1f3a93",
    extractor="pipeline.extract.phases:extract_phase_changes",
    fields=(Field("phase_from", doc="scan or engage"), Field("phase_to", doc="scan or engage")),
    match=(MatchKind((MATCH_FORCE, MatchField("phases", ("phase_from", "phase_to"),
                                              joiner="->"), MATCH_DATE)),),
    rules=("phases.yaml",),
)

INSPECTION = EventType(
    name="inspection",
    label="inspection",
    description="an inspection, re-inspection or revisit of a force that has happened, "
                "with its date",
    colour="#16a085",
    extractor="pipeline.extract.inspections:extract_inspections",
    rules=("inspections.yaml",),
)

_SUBJECT_KIND = MatchField("subject_kind", ("subject_kind",))
RECOMMENDATION = EventType(
    name="recommendation",
    label="finding",
    description="a cause of concern or recommendation: one item with its status, or a "
                "tally of them",
    colour="#b9770e",
    extractor="pipeline.extract.findings:extract_findings",
    fields=(
        Field("subject_kind", doc="cause_of_concern or recommendation"),
        Field("subject", doc="what the item is about"),
        Field("status", doc="open or closed"),
        Field("count_total", INTEGER),
        Field("count_closed", INTEGER),
        Field("count_open", INTEGER),
    ),
    match=(
        MatchKind((MATCH_FORCE, _SUBJECT_KIND, MatchField("subject", ("subject",), "subject"),
                   MatchField("status", ("status",))), name="recommendation_item"),
        MatchKind((MATCH_FORCE, _SUBJECT_KIND, MatchField(
            "tallies", ("count_total", "count_closed", "count_open"))),
                  name="recommendation_tally",
                  when_set=("count_total", "count_closed", "count_open")),
    ),
    rules=("recommendations.yaml", "counts.yaml"),
)

STATEMENT = EventType(
    name="statement",
    label="statement",
    description="a named official's words: who, in what role, and the quote",
    colour="#7d3c98",
    extractor="pipeline.extract.statements:extract_statements",
    fields=(
        Field("person_name"),
        Field("person_role", doc="a role code of rules/roles.yaml"),
        Field("person_org", identity=False),
        Field("quote", doc="the first direct quotation", identity=False),
    ),
    match=(MatchKind((MATCH_FORCE, MatchField("person_name", ("person_name",), "person_name"),
                      MatchField("person_role", ("person_role",))),
                     info=(MatchField("person_org", ("person_org",), "folded_text"),)),),
    rules=("roles.yaml", "officials.yaml", "speech.yaml"),
    about_force=False,
)

REGISTRY = Registry(first_release=(PHASE_CHANGE, INSPECTION, RECOMMENDATION, STATEMENT))

# Types added since the first release are registered here, in order.
