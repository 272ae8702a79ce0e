"""The difference between two sets of facts, in the words a newsroom would use."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb

from pipeline.digest.state import Fact, current_facts, has_snapshots, snapshot_facts
from pipeline.store.views import SAME_MOVE_DAYS

SECTIONS = ("phase moves", "items opened", "items closed", "new statements",
            "disagreements", "no longer found")
Facts = dict[tuple[str, str], Fact]


class DigestError(Exception):
    """The digest cannot be made as asked (an unknown run, a run without a snapshot)."""


@dataclass(frozen=True)
class RunInfo:
    run_id: str
    started_at: datetime
    finished_at: datetime | None
    status: str


@dataclass(frozen=True)
class Change:
    section: str
    text: str
    url: str | None = None


@dataclass
class Digest:
    since: RunInfo | None  # the run compared with; None: an empty database
    through: RunInfo | None  # the last run the present state comes from
    since_date: date | None = None
    changes: list[Change] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (run_id, line)

    @property
    def empty(self) -> bool:
        return not self.changes and not self.failures

    def section(self, name: str) -> list[Change]:
        return [c for c in self.changes if c.section == name]


def _moves(old: Facts, new: Facts) -> list[Change]:
    """New and changed moves; a move whose date a later report made finer or corrected (the
    same force and direction, within SAME_MOVE_DAYS) is one changed move, not two."""
    added = [f for k, f in new.items() if k[0] == "move" and k not in old]
    gone = [f for k, f in old.items() if k[0] == "move" and k not in new]
    changes = []
    for fact in sorted(added, key=lambda f: (f.label, f.key)):
        twin = next((g for g in gone if g.group == fact.group and g.when and fact.when
                     and abs((g.when - fact.when).days) <= SAME_MOVE_DAYS), None)
        if twin is not None:
            gone.remove(twin)
            changes.append(Change("phase moves", f"changed: {fact.label} ({fact.detail}; "
                                  f"was {twin.label.split(', ')[-1]})", fact.url))
        else:
            changes.append(Change("phase moves", f"new: {fact.label} ({fact.detail})",
                                  fact.url))
    for key, fact in sorted(new.items()):
        if key[0] == "move" and key in old and old[key].state != fact.state:
            changes.append(Change("phase moves", f"changed: {fact.label} ({fact.detail}; "
                                  f"was {old[key].detail})", fact.url))
    changes.extend(Change("no longer found", f"move: {g.label}", g.url) for g in gone)
    return changes


def _items(old: Facts, new: Facts) -> list[Change]:
    changes = []
    for key, fact in sorted(new.items(), key=lambda kv: kv[1].label):
        if key[0] != "item":
            continue
        before = old.get(key)
        if before is not None and before.state == fact.state:
            continue
        closed = fact.state == "closed"
        if before is None:
            note = "first reported closed" if closed else "new"
        elif before.state == "closed":
            note = "reopened: was closed"
        else:
            note = f"was {before.state or 'without a status'}"
        changes.append(Change("items closed" if closed else "items opened",
                              f"{fact.label} ({fact.detail}; {note})", fact.url))
    return changes


def _others(old: Facts, new: Facts) -> list[Change]:
    changes = [Change("new statements", f.label, f.url) for k, f in sorted(
        new.items(), key=lambda kv: kv[1].label) if k[0] == "statement" and k not in old]
    for key, fact in sorted(new.items(), key=lambda kv: kv[1].label):
        if key[0] == "disagreement" and key not in old:
            changes.append(Change("disagreements", f"new: {fact.label}", fact.url))
        elif key[0] == "disagreement" and old[key].state != fact.state:
            changes.append(Change("disagreements", f"changed: {fact.label}", fact.url))
    for key, fact in sorted(old.items(), key=lambda kv: kv[1].label):
        if key in new or key[0] == "move":
            continue
        if key[0] == "disagreement":
            changes.append(Change("disagreements", f"resolved: {fact.label}", fact.url))
        else:
            changes.append(Change("no longer found", f"{key[0]}: {fact.label}", fact.url))
    return changes


def compare(old: Facts, new: Facts) -> list[Change]:
    """Every change from `old` to `new`, in SECTIONS order."""
    changes = [*_moves(old, new), *_items(old, new), *_others(old, new)]
    return sorted(changes, key=lambda c: SECTIONS.index(c.section))


def _runs(con: duckdb.DuckDBPyConnection) -> list[RunInfo]:
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' "
                         "AND table_name = 'runs'").fetchone()[0]
    if not exists:
        return []
    return [RunInfo(*row) for row in con.execute(
        "SELECT run_id, started_at, finished_at, status FROM runs "
        "ORDER BY started_at, run_id").fetchall()]


def _snapshotted(con: duckdb.DuckDBPyConnection) -> set[str]:
    if not has_snapshots(con):
        return set()
    return {r for (r,) in con.execute("SELECT run_id FROM digest_snapshots").fetchall()}


def _failures(con: duckdb.DuckDBPyConnection, runs: list[RunInfo]) -> list[tuple[str, str]]:
    found = []
    for run in runs:
        (errors,) = con.execute("SELECT coalesce(errors, []) FROM runs WHERE run_id = ?",
                                [run.run_id]).fetchone()
        found.extend((run.run_id, line) for line in errors)
    return found


def _baseline(runs: list[RunInfo], kept: set[str], since_run: str | None,
              since: date | None) -> RunInfo | None:
    """The run whose snapshot is compared with now (None: compare with nothing)."""
    if since_run is not None:
        run = next((r for r in runs if r.run_id == since_run), None)
        if run is None:
            raise DigestError(f"no run {since_run} in this database (`oversight runs` lists "
                              "them)")
        if run.run_id not in kept:
            raise DigestError(f"run {since_run} left no snapshot to compare with (it ran "
                              "before digests were kept, or was pruned); try --since DATE")
        return run
    if since is not None:
        start = datetime.combine(since, datetime.min.time())
        before = [r for r in runs if r.run_id in kept and r.started_at < start]
    else:  # the state before the last run
        before = [r for r in runs[:-1] if r.run_id in kept]
    return before[-1] if before else None


def digest_since(con: duckdb.DuckDBPyConnection, since_run: str | None = None,
                 since: date | None = None) -> Digest:
    """Now against the snapshot of `since_run`, or of the last run before `since`, or
    (neither given) of the run before the last one."""
    runs, kept = _runs(con), _snapshotted(con)
    base = _baseline(runs, kept, since_run, since)
    old = snapshot_facts(con, base.run_id) if base is not None else {}
    if since is not None and base is None:
        start = datetime.combine(since, datetime.min.time())
        later = [r for r in runs if r.started_at >= start]
    else:
        later = [r for r in runs if base is None or r.started_at > base.started_at]
    return Digest(base, runs[-1] if runs else None, since, compare(old, current_facts(con)),
                  _failures(con, later))


def recent_digests(con: duckdb.DuckDBPyConnection, limit: int) -> list[Digest]:
    """What each of the last `limit` snapshotted runs changed, newest first (the feed)."""
    runs, kept = _runs(con), _snapshotted(con)
    digests: list[Digest] = []
    previous: RunInfo | None = None
    window: list[RunInfo] = []
    for run in runs:
        window.append(run)
        if run.run_id not in kept:
            continue
        old = snapshot_facts(con, previous.run_id) if previous is not None else {}
        digests.append(Digest(previous, run, None, compare(old, snapshot_facts(con, run.run_id)),
                              _failures(con, window)))
        previous, window = run, []
    return list(reversed(digests))[:limit]
