"""An event type is one registered unit: Event, the events table, the eval and the report
follow pipeline/events/registry.py, and a new type needs its rules file, its extractor
module and its registration, nothing else.

The last test proves the second half on a copy of the package: it adds a type (IOPC
investigations, with a payload field of its own) in exactly those three files and runs it
through extraction, an old and a new database, the eval's field table, the gate and the
report. The copy is the only way to show it: Event is built from the registry once, at
import, so a type cannot be added to a running process.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import fields
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipeline.evaluate.matching import FIELD_VALUE, KIND_FIELDS, KIND_TYPES, kind_of
from pipeline.events import (
    INTEGER,
    MATCH_FORCE,
    REGISTRY,
    EventType,
    Field,
    MatchField,
    MatchKind,
    Registry,
    RegistryError,
)
from pipeline.events.registry import INSPECTION, PHASE_CHANGE, RECOMMENDATION, STATEMENT
from pipeline.extract import EXTRACTORS
from pipeline.models import EVENT_TYPES, Event
from pipeline.report.style import INDEX_CSS
from pipeline.report.timeline import render_index
from pipeline.store import DocumentWrite, connect, transaction, write_documents
from pipeline.store.schema import SchemaError, events_ddl, missing_event_columns
from tests.test_migrations import V1_DDL

ROOT = Path(__file__).resolve().parent.parent
FIRST_RELEASE = (PHASE_CHANGE, INSPECTION, RECOMMENDATION, STATEMENT)


def _columns(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                       "WHERE table_name = 'events' ORDER BY column_index").fetchall()


def test_event_has_one_attribute_per_registered_field_in_constructor_order():
    names = [f.name for f in fields(Event)]
    assert names == [f.name for f in REGISTRY.event_fields()]
    assert names[:4] == ["event_type", "evidence", "char_start", "char_end"]  # positional
    assert names[-3:] == ["doc_id", "rules_version", "event_id"]  # what stamp() adds
    event = Event("statement", "She said so.", 0, 12, person_name="Ann Lee")
    assert (event.person_name, event.count_total, event.event_id) == ("Ann Lee", None, None)
    assert EVENT_TYPES == ("phase_change", "inspection", "recommendation", "statement")
    assert len(EXTRACTORS) == len(REGISTRY.types)
    assert [f.__name__ for f in EXTRACTORS] == [t.extractor.split(":")[1]
                                                for t in REGISTRY.types]


def test_event_id_is_the_first_release_key():
    """The id hashes what release 1 hashed, in its order, so stored ids stay valid."""
    event = Event("recommendation", "x", 40, 80, force_id="kent-police",
                  event_date=date(2024, 3, 1), date_precision="month",
                  subject_kind="recommendation", subject="crime recording", status="open",
                  count_total=5, quote="not hashed", person_org="not hashed").stamp("doc1", "r1")
    release_1 = ("doc1", "recommendation", "kent-police", "2024-03-01", "month", None, None,
                 "recommendation", "crime recording", "open", 5, None, None, None, None, 40)
    key = "|".join("" if v is None else str(v) for v in release_1)
    assert event.event_id == hashlib.sha256(key.encode()).hexdigest()[:20]
    assert REGISTRY.later_identity() == ()


def test_a_fresh_table_is_the_first_release_table():
    con = duckdb.connect()
    con.execute(events_ddl())
    fresh = _columns(con)
    old = duckdb.connect()
    for statement in V1_DDL[1:3]:
        old.execute(statement)
    assert fresh == _columns(old) == [(f.name, f.type.sql) for f in REGISTRY.columns()]
    assert missing_event_columns(old) == []


def test_a_file_without_a_registered_column_gains_it_and_keeps_its_rows(tmp_path):
    """A file made before a field was registered: opening it for writing adds the column."""
    path = tmp_path / "old.duckdb"
    with connect(path) as con, transaction(con):
        event = Event("statement", "Ann Lee said so.", 0, 16, person_name="Ann Lee",
                      quote="so").stamp("d1", "r1")
        con.execute("INSERT INTO documents VALUES ('d1', 'u', 't', NULL, 'local', "
                    "'Ann Lee said so.', 'sha', now())")
        con.execute("INSERT INTO events (event_id, doc_id, event_type, person_name, quote, "
                    "evidence, char_start, char_end, rules_version) VALUES (?, 'd1', "
                    "'statement', 'Ann Lee', 'so', 'Ann Lee said so.', 0, 16, 'r1')",
                    [event.event_id])
    raw = duckdb.connect(str(path))
    raw.execute("ALTER TABLE events DROP COLUMN quote")
    assert [f.name for f in missing_event_columns(raw)] == ["quote"]
    raw.close()
    with connect(path) as con:
        assert con.execute("SELECT person_name, quote FROM events").fetchall() == [
            ("Ann Lee", None)]
        assert missing_event_columns(con) == []
        assert _columns(con)[-1] == ("quote", "VARCHAR")  # added last: read columns by name


def test_a_column_of_another_type_than_its_field_stops_the_connection(tmp_path):
    path = tmp_path / "odd.duckdb"
    with connect(path):
        pass
    raw = duckdb.connect(str(path))
    raw.execute("ALTER TABLE events ALTER count_open TYPE VARCHAR")
    raw.close()
    with pytest.raises(SchemaError, match="events.count_open is VARCHAR .* INTEGER"), \
            connect(path):
        pass


def test_extracted_events_fill_only_their_own_types_fields():
    """The registry says which payload belongs to which type; the extractors agree."""
    from pipeline.extract import extract_events
    from pipeline.parse import parse_file

    owned = {t.name: {f.name for f in t.fields} for t in REGISTRY.types}
    payload = {f.name for f in REGISTRY.payload()}
    seen = set()
    for name in ("wmp-no-longer-in-special-measures.html", "gmp-placed-in-special-measures.md"):
        for event in extract_events(parse_file(ROOT / "corpus" / name)):
            seen.add(event.event_type)
            filled = {f for f in payload if getattr(event, f) is not None}
            assert filled <= owned[event.event_type], (event.event_type, filled)
    assert len(seen) >= 3


def test_match_kinds_and_field_values_come_from_the_registry():
    assert KIND_FIELDS == {
        "phase_change": ("force", "phases", "event_date"),
        "inspection": ("force", "event_date"),
        "recommendation_item": ("force", "subject_kind", "subject", "status"),
        "recommendation_tally": ("force", "subject_kind", "tallies"),
        "statement": ("force", "person_name", "person_role"),
    }
    assert KIND_TYPES["recommendation_tally"] == "recommendation"
    tally = Event("recommendation", "x", 0, 1, count_closed=0)
    item = Event("recommendation", "x", 0, 1, subject="crime recording")
    assert (kind_of(tally), kind_of(item)) == ("recommendation_tally", "recommendation_item")
    assert FIELD_VALUE["tallies"](tally) == "None/0/None"
    assert FIELD_VALUE["tallies"](item) is None
    move = Event("phase_change", "x", 0, 1, phase_from="scan", phase_to="engage",
                 event_date=date(2023, 11, 1), date_precision="month")
    assert FIELD_VALUE["phases"](move) == "scan->engage"
    assert FIELD_VALUE["event_date"](move) == "2023-11-01 (month)"


def test_the_report_takes_each_types_colour_and_label():
    for event_type in REGISTRY.types:
        assert f".mark.{event_type.name} {{ background: {event_type.colour}" in INDEX_CSS
    from pipeline.report.data import ReportData

    page = render_index(ReportData([], [], {}, 0, 0), date(2025, 1, 1))
    for event_type in REGISTRY.types:
        assert f"{event_type.colour}\"></i>{event_type.label}</li>" in page


STAGE = Field("investigation_stage")


def _toy(**changes) -> EventType:
    spec = dict(name="iopc_investigation", label="IOPC investigation",
                description="the conduct watchdog investigating a force", colour="#2e86c1",
                extractor="pipeline.extract.iopc:extract", fields=(STAGE,),
                match=(MatchKind((MATCH_FORCE, MatchField("investigation_stage",
                                                          ("investigation_stage",)))),))
    return EventType(**{**spec, **changes})


@pytest.mark.parametrize(("changes", "message"), [
    ({"name": "statement"}, "registered twice"),
    ({"name": "IOPC"}, "lower-case"),
    ({"colour": "blue"}, "#rrggbb"),
    ({"extractor": "pipeline/extract/iopc.py"}, "module:function"),
    ({"fields": (STAGE, Field("count_open"))}, "two different fields are named 'count_open'"),
    ({"fields": (STAGE, Field("evidence"))}, "cannot be a payload field"),
    ({"fields": (Field("investigation_stage", INTEGER, required=True),)}, "must be optional"),
    ({"match": (MatchKind((MatchField("stage", ("stage",)),)),)}, "reads \\['stage'\\]"),
    ({"match": (MatchKind((MATCH_FORCE,), name="a"), MatchKind((MATCH_FORCE,), name="b"))},
     "exactly one match kind"),
    ({"match": (MatchKind((MatchField("force", ("force",)),)),)},
     "two different match fields are named 'force'"),
    ({"rules": ("rules/iopc.yaml",)}, "not a file name"),
])
def test_a_type_that_contradicts_the_registry_is_refused(changes, message):
    registry = Registry(first_release=FIRST_RELEASE)
    with pytest.raises(RegistryError, match=message):
        registry.register(_toy(**changes))


def test_a_later_type_keeps_the_id_key_and_adds_its_identity_after_it():
    registry = Registry(first_release=FIRST_RELEASE)
    registry.register(_toy())
    assert registry.id_key() == REGISTRY.id_key()
    assert [f.name for f in registry.later_identity()] == ["investigation_stage"]
    assert [f.name for f in registry.columns()][-5:] == [
        "investigation_stage", "evidence", "char_start", "char_end", "rules_version"]
    assert "investigation_stage VARCHAR," in " ".join(events_ddl(registry).split())


def test_the_registry_is_sealed_once_event_is_built():
    with pytest.raises(RegistryError, match="register it in pipeline/events/registry.py"):
        REGISTRY.register(_toy())


# --- a new type in three files, on a copy of the package ---------------------------------

RULES_FILE = """\
# IOPC investigations: how a text names the conduct watchdog, an investigation, and the
# stage an investigation is at.
watchdog: [independent office for police conduct, iopc]
investigation: [investigation, investigating, inquiry]
stages:
  opened: [opened, launched, began, started]
  concluded: [concluded, completed, closed]
"""

EXTRACTOR = '''\
"""iopc_investigation events: the conduct watchdog investigating a named force."""

from __future__ import annotations

from pipeline.extract.context import Analysis
from pipeline.extract.evidence import sentence_event
from pipeline.models import Event
from pipeline.rules import read_rules_file


def _has(text: str, words: list[str]) -> bool:
    return any(f" {word} " in text for word in words)


def extract_iopc_investigations(analysis: Analysis) -> list[Event]:
    rules = read_rules_file("iopc_investigations.yaml")
    events = []
    for sentence in analysis.sentences:
        text = f" {sentence.text.lower().rstrip('.')} "
        forces = analysis.forces_between(sentence.tok_start, sentence.tok_end)
        if not forces or not _has(text, rules["watchdog"]) or not _has(
                text, rules["investigation"]):
            continue
        stage = next((stage for stage, words in rules["stages"].items()
                      if _has(text, words)), None)
        events.append(sentence_event(analysis, sentence, "iopc_investigation",
                                     forces[0].force_id, investigation_stage=stage))
    return events
'''

REGISTRATION = """
REGISTRY.register(EventType(
    name="iopc_investigation",
    label="IOPC investigation",
    description="the Independent Office for Police Conduct investigating a force",
    colour="#2e86c1",
    extractor="pipeline.extract.iopc_investigations:extract_iopc_investigations",
    fields=(Field("investigation_stage", doc="opened or concluded"),),
    match=(MatchKind((MATCH_FORCE, MatchField("investigation_stage",
                                              ("investigation_stage",)))),),
    rules=("iopc_investigations.yaml",),
))
"""

TEXT = """Watchdog opens inquiry into Kent Police
The police watchdog has put Kent Police into special measures over the way it records crime.
The Independent Office for Police Conduct has opened an investigation into how Kent Police \
handled a report of a missing man."""
URL = "https://news.example.test/kent-iopc"
PUBLISHED = date(2024, 3, 5)

# Run inside the copy: everything a user of the new type would do, each result as JSON.
SCENARIO = """
import json, sys
from datetime import date
from pathlib import Path

from pipeline.evaluate.floor import read_floor, unpinned
from pipeline.evaluate.gold import GoldDocument, event_from_gold
from pipeline.evaluate.scoring import evaluate_document, score_subset
from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.report import write_report
from pipeline.rules import load_rules
from pipeline.store import DocumentWrite, connect, transaction, write_documents

old_db, new_db, out, text, url, published = sys.argv[1:7]
document = Document(url=url, title="t", text=text, published_date=date.fromisoformat(published))
events = extract_events(document)
result = {"events": [e.to_json_dict() for e in events], "rules_version": load_rules().version}
for name, db in (("old", old_db), ("new", new_db)):
    with connect(Path(db)) as con:
        with transaction(con):
            write_documents(con, [DocumentWrite(document, events)], replace_unchanged=True)
        result[name] = con.execute(
            "SELECT event_type, investigation_stage FROM events ORDER BY event_type").fetchall()
        result[name + "_columns"] = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
gold = GoldDocument("kent-iopc", url, False, events=[event_from_gold(
    {"event_type": "iopc_investigation", "force_id": "kent-police",
     "investigation_stage": "opened"})])
scores = score_subset([evaluate_document(gold, [e for e in events])])
result["by_type"] = {t: c.to_dict() for t, c in scores.by_type.items()}
result["fields"] = [(f.event_type, f.field, f.right) for f in scores.fields]
result["unpinned"] = unpinned(read_floor())
summary = write_report(Path(new_db), Path(out), today=date(2025, 1, 1))
result["report"] = (Path(out) / "index.html").read_text()
print(json.dumps(result))
"""


def _copy_tree(dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pipeline", "rules", "eval", "gold", "corpus"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for name in ("pipeline", "rules", "eval", "gold", "corpus")
            for p in (root / name).rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def _write_built_in_db(path: Path, document) -> list[str]:
    from pipeline.extract import extract_events

    events = extract_events(document)
    with connect(path) as con, transaction(con):
        write_documents(con, [DocumentWrite(document, events)])
    return sorted(e.event_id for e in events)


@pytest.mark.slow
def test_a_new_type_needs_its_rules_file_its_extractor_and_its_registration(tmp_path):
    from pipeline.models import Document
    from pipeline.rules import load_rules

    copy = tmp_path / "repo"
    _copy_tree(copy)
    (copy / "rules" / "iopc_investigations.yaml").write_text(RULES_FILE)
    (copy / "pipeline" / "extract" / "iopc_investigations.py").write_text(EXTRACTOR)
    registry = copy / "pipeline" / "events" / "registry.py"
    registry.write_text(registry.read_text() + REGISTRATION)
    changed = {path for path, data in _files(copy).items() if _files(ROOT).get(path) != data}
    assert changed == {"rules/iopc_investigations.yaml",
                       "pipeline/extract/iopc_investigations.py", "pipeline/events/registry.py"}

    document = Document(url=URL, title="t", text=TEXT, published_date=PUBLISHED)
    old_db = tmp_path / "old.duckdb"
    built_in_ids = _write_built_in_db(old_db, document)  # made before the type existed
    script = tmp_path / "scenario.py"
    script.write_text(textwrap.dedent(SCENARIO))
    env = {k: v for k, v in os.environ.items() if k != "PIPELINE_RULES_DIR"}
    run = subprocess.run(
        [sys.executable, str(script), str(old_db), str(tmp_path / "new.duckdb"),
         str(tmp_path / "report"), TEXT, URL, PUBLISHED.isoformat()],
        cwd=copy, env={**env, "PYTHONPATH": str(copy)}, capture_output=True, text=True,
        timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)

    # extraction: the new type's event, and the built-in events with the ids they had
    found = [e for e in result["events"] if e["event_type"] == "iopc_investigation"]
    assert [(e["force_id"], e["investigation_stage"]) for e in found] == [
        ("kent-police", "opened")]
    assert found[0]["evidence"].startswith("The Independent Office for Police Conduct")
    assert sorted(e["event_id"] for e in result["events"]
                  if e["event_type"] != "iopc_investigation") == built_in_ids
    assert result["rules_version"] != load_rules().version  # its rules file is hashed
    # store: a new file has the column in place, an old one gains it at the end
    expected = [["iopc_investigation", "opened"], ["phase_change", None]]
    assert result["new"] == result["old"] == expected
    assert result["new_columns"].index("investigation_stage") < result["new_columns"].index(
        "evidence")
    assert result["old_columns"][-1] == "investigation_stage"
    # eval: scored as a type, its match field in the field table; the gate asks for a floor
    assert result["by_type"]["iopc_investigation"]["tp"] == 1
    assert ["iopc_investigation", "investigation_stage", 1] in result["fields"]
    assert result["unpinned"] == ["iopc_investigation"]
    # report: its colour and label in the legend, its entry on Kent's timeline
    page = result["report"]
    assert ".mark.iopc_investigation { background: #2e86c1" in page
    assert '#2e86c1"></i>IOPC investigation</li>' in page
    assert "IOPC investigation: opened" in page
