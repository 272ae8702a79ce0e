"""After a rules change, reextract replaces the stale events without fetching anything."""

from __future__ import annotations

import shutil

import duckdb

from pipeline.extract.nlp import build_toolkit
from pipeline.ingest import ingest_path
from pipeline.reextract import reextract
from pipeline.rules import RULES_DIR, load_rules, rules_version
from tests.conftest import run_cli

DOCUMENT = """---
title: Wiltshire Police placed under heightened scrutiny
url: https://example.test/wiltshire-heightened
published: 2024-03-04
---
Wiltshire Police has been placed under heightened scrutiny by HMICFRS, the inspectorate said \
on 3 March 2024.

Chief Constable Catherine Roper said: "We accept the findings and will act on them."
"""


def _events(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT event_type, rules_version FROM events ORDER BY 1").fetchall()
    finally:
        con.close()


def test_rules_change_replaces_events_and_stamps_the_new_version(tmp_path):
    source, db = tmp_path / "corpus", tmp_path / "events.duckdb"
    source.mkdir()
    (source / "wiltshire.md").write_text(DOCUMENT, encoding="utf-8")
    ingest_path(source, db)
    old = rules_version()
    assert _events(db) == [("phase_change", old), ("statement", old)]

    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    phases = rules / "phases.yaml"
    text = phases.read_text(encoding="utf-8")
    assert "  - heightened scrutiny\n" in text
    phases.write_text(text.replace("  - heightened scrutiny\n", ""), encoding="utf-8")
    new = rules_version(rules)
    assert new != old

    result = run_cli("reextract", "--db", str(db), env={"PIPELINE_RULES_DIR": str(rules)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"rules {new}: documents: 1 checked, 1 updated; events: 0 added, 1 removed, "
        "1 re-stamped (phase_change +0 -1)")
    assert _events(db) == [("statement", new)]
    con = duckdb.connect(str(db), read_only=True)
    run = con.execute("SELECT status, source, documents_changed, events_removed FROM runs"
                      ).fetchall()
    con.close()
    assert run == [("ok", "reextract", 1, 1)]

    # up to date now: nothing to redo; with the original rules it all comes back
    toolkit = build_toolkit(load_rules(rules))
    assert reextract(db, toolkit=toolkit).updated == 0
    back = reextract(db)
    assert (back.updated, back.events_added, dict(back.added_by_type)) == (
        1, 1, {"phase_change": 1})
    assert _events(db) == [("phase_change", old), ("statement", old)]
