"""Snapshots: what the views say after a run, one row per fact, kept for the last runs.

A fact has a stable key (a move: force, direction and date; an item: its item_id; a
statement: speaker and words; a disagreement: force, kind and date), a label a person can
read, and a state whose change is news (a move's number of reports, an item's status, a
disagreement's detail). The tables are created on first use, like the fetch tables: they
belong to the digest, not to the event schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from pipeline.output import date_text, plural

# Snapshots kept: the Atom feed reads the last runs' changes from them; older ones go.
KEEP_SNAPSHOTS = 100

SNAPSHOT_TABLES = (
    """CREATE TABLE IF NOT EXISTS digest_snapshots (
        run_id VARCHAR PRIMARY KEY, taken_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS digest_facts (
        run_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, key VARCHAR NOT NULL,
        force VARCHAR, label VARCHAR NOT NULL, state VARCHAR, detail VARCHAR, url VARCHAR,
        fact_group VARCHAR, fact_date DATE)""",
)

KIND_LABELS = {"cause_of_concern": ("cause of concern", "causes of concern"),
               "recommendation": ("recommendation", "recommendations")}


@dataclass(frozen=True)
class Fact:
    kind: str  # move, item, statement, disagreement
    key: str
    force: str | None
    label: str
    state: str | None
    detail: str | None
    url: str | None
    group: str | None = None  # moves: force and direction, to pair a re-dated move
    when: date | None = None


def _moves(con: duckdb.DuckDBPyConnection) -> list[Fact]:
    rows = con.execute("SELECT force_id, force, phase, move_date, precision, changes_phase, "
                       "documents, url FROM phase_moves").fetchall()
    facts = []
    for force_id, force, phase, when, precision, changes, documents, url in rows:
        move = "into Engage" if phase == "engage" else "out of Engage"
        state = plural(documents, "report") + ("" if changes else ", the same state as before")
        facts.append(Fact("move", f"{force_id}|{phase}|{when}", force,
                          f"{force}: {move}, {date_text(when, precision)}",
                          f"{precision}|{documents}|{changes}", state, url,
                          f"{force_id}|{phase}", when))
    return facts


def _items(con: duckdb.DuckDBPyConnection) -> list[Fact]:
    rows = con.execute("SELECT item_id, force, kind, subject, status, status_as_of, url "
                       "FROM items").fetchall()
    facts = []
    for item_id, force, kind, subject, status, as_of, url in rows:
        what = KIND_LABELS.get(kind, (kind.replace("_", " "),))[0]
        detail = (f"{status} as of {as_of}" if status and as_of else status or "no status given")
        facts.append(Fact("item", item_id, force, f"{force}: {what}: {subject}", status,
                          detail, url))
    return facts


def _statements(con: duckdb.DuckDBPyConnection) -> list[Fact]:
    rows = con.execute(
        "SELECT person_name, person_role, force, date, quote, url, event_id, "
        "lower(trim(person_name)) || '|' || coalesce(lower(regexp_replace(quote, "
        "'[^\\pL\\pN]+', ' ', 'g')), event_id) FROM statements").fetchall()
    facts = []
    for name, role, force, when, quote, url, _event_id, key in rows:
        said = f": “{quote}”" if quote else " (reported speech)"
        who = f"{name} ({role.replace('_', ' ')})" if role else name
        where = f", {force}" if force else ""
        facts.append(Fact("statement", key, force, f"{who}{where}, {date_text(when, 'day')}{said}",
                          None, None, url))
    return facts


def _disagreements(con: duckdb.DuckDBPyConnection) -> list[Fact]:
    rows = con.execute("SELECT force_id, force, kind, date, detail, urls[1] "
                       "FROM disagreements").fetchall()
    return [Fact("disagreement", f"{force_id}|{kind}|{when}", force, f"{force}: {detail}",
                 detail, detail, url) for force_id, force, kind, when, detail, url in rows]


def current_facts(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], Fact]:
    """Every fact the views give now, by (kind, key)."""
    facts = [*_moves(con), *_items(con), *_statements(con), *_disagreements(con)]
    return {(f.kind, f.key): f for f in facts}


def save_snapshot(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Keep what the views say at the end of `run_id`; drop snapshots beyond the last
    KEEP_SNAPSHOTS runs. Returns the number of facts kept."""
    facts = current_facts(con)
    for ddl in SNAPSHOT_TABLES:
        con.execute(ddl)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM digest_facts WHERE run_id = ?", [run_id])
        con.execute("DELETE FROM digest_snapshots WHERE run_id = ?", [run_id])
        con.execute("INSERT INTO digest_snapshots VALUES (?, now()::TIMESTAMP)", [run_id])
        if facts:
            con.executemany("INSERT INTO digest_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [(run_id, f.kind, f.key, f.force, f.label, f.state, f.detail,
                              f.url, f.group, f.when) for f in facts.values()])
        con.execute("DELETE FROM digest_snapshots WHERE run_id NOT IN (SELECT run_id FROM "
                    "digest_snapshots ORDER BY taken_at DESC, run_id DESC LIMIT ?)",
                    [KEEP_SNAPSHOTS])
        con.execute("DELETE FROM digest_facts WHERE run_id NOT IN "
                    "(SELECT run_id FROM digest_snapshots)")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(facts)


def has_snapshots(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' "
                            "AND table_name = 'digest_snapshots'").fetchone()[0])


def snapshot_facts(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[tuple[str, str], Fact]:
    rows = con.execute("SELECT kind, key, force, label, state, detail, url, fact_group, "
                       "fact_date FROM digest_facts WHERE run_id = ?", [run_id]).fetchall()
    return {(r[0], r[1]): Fact(*r) for r in rows}
