"""The seed release yields exactly the events a careful reader lists, with exact evidence."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from pipeline.extract import extract_events
from pipeline.parse import parse_file
from tests.conftest import SEED, run_cli

WMP = "west-midlands-police"


@pytest.fixture(scope="module")
def seed_events():
    document = parse_file(SEED)
    return document, extract_events(document)


def _of(events, event_type):
    return [e for e in events if e.event_type == event_type]


def test_seed_metadata(seed_events):
    document, _ = seed_events
    assert document.title == "West Midlands Police no longer in special measures"
    assert document.published_date == date(2024, 9, 18)
    assert "cookies" not in document.text and "Lloyd House" not in document.text


def test_seed_phase_changes(seed_events):
    _, events = seed_events
    moves = {(e.force_id, e.phase_from, e.phase_to, e.event_date, e.date_precision)
             for e in _of(events, "phase_change")}
    assert moves == {
        (WMP, "scan", "engage", date(2023, 11, 24), "day"),
        (WMP, "engage", "scan", date(2024, 9, 18), "day"),
    }


def test_seed_inspections(seed_events):
    _, events = seed_events
    found = {(e.force_id, e.event_date, e.date_precision) for e in _of(events, "inspection")}
    assert found == {(WMP, date(2024, 9, 1), "month"), (WMP, date(2024, 1, 1), "year")}


def test_seed_recommendations(seed_events):
    _, events = seed_events
    recs = _of(events, "recommendation")
    tallies = [e for e in recs if e.count_total is not None]
    assert [(t.subject_kind, t.count_total, t.count_closed, t.count_open) for t in tallies] == [
        ("recommendation", 5, 3, 2)]
    items = {(e.subject_kind, e.status, e.subject) for e in recs if e.count_total is None}
    assert items == {
        ("recommendation", "closed", "manages the risk posed to the public by registered sex "
         "offenders and online child abuse offenders"),
        ("recommendation", "closed", "manages its multi-agency risk assessment conferences "
         "(MARAC) to keep vulnerable people safe"),
        ("recommendation", "closed", "carries out effective investigations which lead to "
         "satisfactory results for victims"),
        ("cause_of_concern", "open", "how well the force carries out effective investigations "
         "that lead to satisfactory results for victims"),
    }
    assert all(e.force_id == WMP for e in recs)


def test_seed_statements(seed_events):
    _, events = seed_events
    people = {(e.person_name, e.person_role, e.person_org, e.force_id)
              for e in _of(events, "statement")}
    assert people == {
        ("Craig Guildford", "chief_constable", "West Midlands Police", WMP),
        ("Lee Freeman", "hm_inspector", "HMICFRS", WMP),
    }
    guildford = next(e for e in events if e.person_name == "Craig Guildford")
    assert guildford.quote.startswith("People living within the West Midlands")
    assert "work tirelessly across the West Midlands" in guildford.quote


def test_seed_has_nothing_else(seed_events):
    _, events = seed_events
    assert len(events) == 11


def test_evidence_points_into_text(seed_events):
    document, events = seed_events
    for event in events:
        assert document.text[event.char_start : event.char_end] == event.evidence
        assert event.rules_version and event.event_id and event.doc_id == document.doc_id


def test_extract_cli_matches_database(tmp_path):
    db = tmp_path / "seed.duckdb"
    source = tmp_path / "src"
    source.mkdir()
    (source / SEED.name).write_bytes(SEED.read_bytes())
    assert run_cli("ingest", "--source", str(source), "--db", str(db)).returncode == 0
    printed = run_cli("extract", str(source / SEED.name))
    assert printed.returncode == 0, printed.stderr
    lines = [json.loads(line) for line in printed.stdout.splitlines()]
    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT event_id, event_type, evidence, char_start, char_end, "
                         "(SELECT text FROM documents d WHERE d.doc_id = e.doc_id) "
                         "FROM events e").fetchall()
    con.close()
    assert sorted(row["event_id"] for row in lines) == sorted(row[0] for row in stored)
    for _, _, evidence, start, end, text in stored:
        assert text[start:end] == evidence
