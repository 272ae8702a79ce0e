"""Command line: `oversight <command>` (the console script; `python -m pipeline` is the
same); every command has --help.

Exit codes (also in the README): 0 success, 1 partial failure (some input failed, the rest
is stored), 2 usage or configuration error, 3 the database or the run lock is held by
another process, 4 failure (nothing could be stored or read: every input failed, or the
database is not a DuckDB file, corrupt, read-only or the disk is full).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import duckdb
import typer

from pipeline.output import (
    console,
    error_line,
    plural,
    print_rows,
    print_summary,
    print_table,
)

if TYPE_CHECKING:
    from pipeline.ingest import IngestSummary

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_BUSY, EXIT_FAILED = 0, 1, 2, 3, 4
DEFAULT_DB = Path("data/events.duckdb")

PROG = "oversight"
SUPPORTED = ".html, .htm, .txt, .md, .pdf"
# How much of a YAML file given to --source is read to see whether it is a sources file.
SOURCES_SNIFF_CHARS = 1_000_000

# Plain help (click's): rich's renderer shows flags as `--help <bool>` and takes the
# brackets of `'.[baseline]'` for markup.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Turn UK police-oversight press releases into a DuckDB event table.\n\n"
    "Exit codes: 0 success; 1 partial (something was stored, some input failed: one "
    "`error:` line each); 2 usage or configuration error; 3 busy (another run holds the "
    "lock, or another process the database: try again); 4 failed (nothing stored or read: "
    "every input failed, or the database is not a DuckDB file, corrupt, read-only, or the "
    "disk is full).",
)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file.", dir_okay=False)]
LogOption = Annotated[Path | None, typer.Option(
    "--log-file", help="JSON-lines run log, rotated (default: pipeline.log next to --db).",
    dir_okay=False)]


WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Extraction processes (default: the number of CPU cores).")]
StampOption = Annotated[bool, typer.Option(
    "--stamp", help="Start every output line with the UTC time and the run id (for logs; "
    "`make cron` uses it).")]


def worker_count(requested: int | None) -> int:
    return requested or os.cpu_count() or 1


def require_database(db: Path) -> None:
    """Commands that read the database say how to create it rather than create an empty one."""
    if not db.exists():
        raise fail(f"database not found: {db} (`make ingest` creates it from the corpus, "
                   f"`{PROG} ingest --source FOLDER` from your documents)")


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    error_line(message)
    return typer.Exit(code)


@contextmanager
def database_errors() -> Iterator[None]:
    """One line and the right exit code for a database that is busy (3) or unusable (4)."""
    from pipeline.store import StoreBusyError, StoreError

    try:
        yield
    except StoreBusyError as exc:
        raise fail(str(exc), EXIT_BUSY) from None
    except StoreError as exc:
        raise fail(str(exc), EXIT_FAILED) from None


@app.command()
def ingest(
    source: Annotated[str | None, typer.Option(
        "--source", help="A file or directory of documents, or one feed, listing page or "
        "GOV.UK search API URL.")] = None,
    sources: Annotated[Path | None, typer.Option(
        "--sources", help="A sources file (YAML); see rules/sources.yaml.", dir_okay=False)
    ] = None,
    db: DbOption = DEFAULT_DB,
    log_file: LogOption = None,
    workers: WorkersOption = None,
    stamp: StampOption = False,
) -> None:
    """Fetch or read documents, extract events and store both (re-running adds nothing new).

    Takes the run lock (a second run exits with 3 at once) and records the run in `runs`.
    Exits 0 when everything was stored, 1 when some input failed (one `error:` line each)
    and the rest was stored, 4 when nothing could be stored.
    """
    from pipeline.lock import LockBusyError
    from pipeline.run import ingest_counts, recorded_run
    from pipeline.store import StoreBusyError, StoreError
    from pipeline.store.schema import SchemaError

    if stamp:
        console.stamp()
    plan = _ingest_plan(source, sources)
    require_rules()
    summary = None
    try:
        with recorded_run(db, "ingest", plan.label, log_file) as run, \
                console.progress("ingesting") as tick:
            # Imported under the lock (spaCy takes a second): a busy run exits at once.
            from pipeline.ingest import IngestSummary, ingest_path, ingest_sources

            summary = IngestSummary(run_id=run.run_id)
            run.track(lambda: ingest_counts(summary)[0])
            if plan.entries is not None:
                ingest_sources(plan.entries, db, config=plan.config, progress=tick,
                               run_id=run.run_id, workers=worker_count(workers),
                               summary=summary)
            else:
                ingest_path(plan.path, db, progress=tick, run_id=run.run_id,
                            workers=worker_count(workers), summary=summary)
            run.finish(*ingest_counts(summary))
    except (LockBusyError, StoreBusyError) as exc:
        raise fail(str(exc), EXIT_BUSY) from None
    except SchemaError as exc:
        raise fail(str(exc)) from None
    except StoreError as exc:
        raise _stopped(exc, summary) from None
    for failure in summary.failed:
        error_line(failure.message())
    print_summary(summary)
    if summary.ok:
        raise typer.Exit(EXIT_OK)
    raise typer.Exit(EXIT_PARTIAL if summary.usable else EXIT_FAILED)


@dataclass(frozen=True)
class IngestPlan:
    """What an ingest reads: web entries with their fetch config, or a local path."""

    label: str
    path: Path
    entries: list | None = None
    config: object = None


def _ingest_plan(source: str | None, sources: Path | None) -> IngestPlan:
    """Configuration errors stop the command here, before it takes the lock."""
    from pipeline.fetch import FetchConfig, SourcesError, source_for_url

    if source and sources:
        raise fail("give --source or --sources, not both")
    path = Path(source or "corpus")
    try:
        if sources is not None:
            entries, config = _sources_file(sources)
            return IngestPlan(str(sources), path, entries, config)
        if source and source.startswith(("http://", "https://")):
            return IngestPlan(source, path, [source_for_url(source)], FetchConfig())
        _check_local_source(path)
    except SourcesError as exc:
        raise fail(str(exc)) from None
    return IngestPlan(path.as_posix(), path)


def require_rules() -> None:
    """Commands that extract check the rules files first: a wrong key or type in one is a
    line naming the file and the key (exit 2), before any lock is taken or worker started."""
    from pipeline.rules import RulesError, load_rules

    try:
        load_rules()
    except RulesError as exc:
        raise fail(str(exc)) from None


def _sources_file(path: Path) -> tuple[list, object]:
    from pipeline.fetch import load_fetch_config, load_sources

    if not path.is_file():
        raise fail(f"sources file not found: {path}")
    return load_sources(path), load_fetch_config(path)


_SOURCES_KEY = re.compile(r"^sources:[ \t]*(#.*)?$", re.MULTILINE)


def _check_local_source(path: Path) -> None:
    """A local --source must be a folder or a document; a sources file given to --source
    (one letter from --sources) is named as such rather than stored as a document."""
    from pipeline.parse.files import SUPPORTED_SUFFIXES

    if not path.exists():
        raise fail(f"source not found: {path}")
    if not path.is_file() or path.suffix.lower() in SUPPORTED_SUFFIXES:
        return
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                head = handle.read(SOURCES_SNIFF_CHARS)
        except OSError:
            head = ""
        if _SOURCES_KEY.search(head):
            raise fail(f"{path} is a sources file: give it to --sources "
                       f"(`{PROG} ingest --sources {path}`)")
    raise fail(f"{path} is not a document this reads ({path.suffix or 'no extension'}); "
               f"documents are {SUPPORTED}, or give a folder")


def _stopped(exc: Exception, summary: IngestSummary | None) -> typer.Exit:
    """A database problem stopped the run: what was committed before it is kept."""
    stored = (summary.new + summary.changed) if summary is not None else 0
    for failure in summary.failed if summary is not None else []:
        error_line(failure.message())
    if not stored:
        return fail(f"{exc}; nothing stored", EXIT_FAILED)
    return fail(f"{exc}; stopped after storing {stored} documents", EXIT_PARTIAL)


sources_app = typer.Typer(
    invoke_without_command=True, no_args_is_help=False,
    help="List the sources of a sources file with their last fetch status; `sources check` "
    "tries each one live.")
app.add_typer(sources_app, name="sources")
SourcesOption = Annotated[Path, typer.Option("--sources", help="A sources file (YAML).",
                                             dir_okay=False)]


@sources_app.callback()
def list_sources(
    ctx: typer.Context,
    sources: SourcesOption = Path("rules/sources.yaml"),
    db: DbOption = DEFAULT_DB,
) -> None:
    """List the sources of a sources file with their last fetch status."""
    if ctx.invoked_subcommand is not None:
        return
    from pipeline.fetch import SourcesError, load_sources
    from pipeline.store import connect

    if not sources.is_file():
        raise fail(f"sources file not found: {sources}")
    try:
        entries = load_sources(sources)
    except SourcesError as exc:
        raise fail(str(exc)) from None
    last: dict[str, tuple] = {}
    if db.exists():
        # Read-only: listing sources must not take the write lock from a running ingest.
        with database_errors(), connect(db, read_only=True) as con:
            logged = con.execute("SELECT count(*) FROM information_schema.tables "
                                 "WHERE table_name = 'fetch_log'").fetchone()[0]
            last = {} if not logged else {row[0]: row[1:] for row in con.execute(
                "SELECT source, max(fetched_at), count(*) FILTER (WHERE error IS NULL), "
                "count(*) FILTER (WHERE error IS NOT NULL) FROM fetch_log GROUP BY source"
            ).fetchall()}
    rows = [(s.name, s.kind, s.start_url, *(last.get(s.name) or ("never", "", "")))
            for s in entries]
    print_table(["name", "kind", "start_url", "last_fetch", "ok", "errors"], rows)


@sources_app.command(name="check")
def check_sources(sources: SourcesOption = Path("rules/sources.yaml")) -> None:
    """Fetch each source's first page once: status, items, newest item and a verdict.

    Verdicts: ok, 0 items, blocked (403), robots, unreachable; exit 1 when any source fails.
    """
    from pipeline.fetch import SourcesError, load_fetch_config, load_sources
    from pipeline.fetch.check import check_sources as run_check

    if not sources.is_file():
        raise fail(f"sources file not found: {sources}")
    try:
        entries, config = load_sources(sources), load_fetch_config(sources)
    except SourcesError as exc:
        raise fail(str(exc)) from None
    results = run_check(entries, config)
    print_table(["source", "kind", "status", "items", "newest", "newest date", "verdict"],
                [(r.source, r.kind, r.status, r.items, r.newest_title, r.newest_date, r.verdict)
                 for r in results])
    for r in results:
        if not r.ok:
            error_line(f"{r.source}: {r.verdict}: {r.url}" + (f" ({r.note})" if r.note else ""))
    raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_PARTIAL)


rules_app = typer.Typer(no_args_is_help=True,
                        help="Check the rules files against the texts they are meant for.")
app.add_typer(rules_app, name="rules")


@rules_app.command(name="lint")
def lint_rules(
    corpus: Annotated[Path, typer.Option("--corpus", help="Corpus directory.", file_okay=False)
                      ] = Path("corpus"),
    written: Annotated[Path | None, typer.Option(
        "--written", help="The written set's folder (default: eval/written).",
        file_okay=False)] = None,
    real: Annotated[Path | None, typer.Option(
        "--real", help="The real set's folder (default: ../shared/realdev, when present).",
        file_okay=False)] = None,
    rules_dir: Annotated[Path | None, typer.Option(
        "--rules", help="The rules folder (default: rules/, or PIPELINE_RULES_DIR).",
        file_okay=False)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit 1 when an entry can never match or is listed twice.")] = False,
) -> None:
    """List rule entries that occur in no document (corpus, written set, real set), entries
    that can never match, and duplicates. Advice: exit 0 unless --strict."""
    from pipeline.evaluate.unused import default_sets, lint, summary_lines
    from pipeline.rules import RULES_DIR, RulesError, load_rules

    try:
        rules = load_rules((rules_dir or RULES_DIR).resolve())
    except RulesError as exc:
        raise fail(str(exc)) from None
    result = lint(rules, default_sets(corpus, written, real))
    for line in [*(f.line() for f in result.findings), *(f"note: {n}" for n in result.notes),
                 *summary_lines(result)]:
        console.line(line)
    raise typer.Exit(EXIT_PARTIAL if strict and result.strict_failures else EXIT_OK)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(metavar="FILE", help=f"One document ({SUPPORTED}).")],
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date YYYY-MM-DD (overrides the document's).")] = None,
) -> None:
    """Print one document's events as JSON lines, touching no database."""
    from dataclasses import replace

    from pipeline.extract import extract_events
    from pipeline.parse import ParseError, parse_file

    if file.is_dir():
        raise fail(f"{file} is a folder; extract reads one document (`{PROG} ingest --source "
                   f"{file}` reads a folder into the database)")
    if not file.is_file():
        raise fail(f"file not found: {file}")
    require_rules()
    try:
        document = parse_file(file)
    except ParseError as exc:
        raise fail(f"{file}: {exc}", EXIT_FAILED) from None
    if published:
        try:
            document = replace(document, published_date=date.fromisoformat(published))
        except ValueError:
            raise fail(f"--published must be YYYY-MM-DD, got {published!r}") from None
    for event in extract_events(document):
        sys.stdout.write(json.dumps(event.to_json_dict(), ensure_ascii=False) + "\n")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(
        metavar="SQL", help="SQL to run against the database; several statements separated "
        "by ; print one result each.")],
    db: DbOption = DEFAULT_DB,
    output: Annotated[str, typer.Option(
        "--format", help="table (readable), csv or json (one object per line).")] = "table",
) -> None:
    """Run SQL against the database, read-only, and print the result.

    The SQL sees this database's tables and views only: ATTACH, COPY, EXPORT, INSTALL, LOAD
    and functions that read other files (read_csv, read_parquet, read_json, glob, ...) are
    refused, and so is changing any setting. CSV and JSON print one result.
    """
    if output not in ("table", "csv", "json"):
        raise fail(f"--format must be table, csv or json, got {output!r}")
    from pipeline.store import connect

    if not sql.strip(" \t\r\n;"):
        raise fail(f"no SQL given: `{PROG} query \"select ...\"`")
    require_database(db)
    results = []
    try:
        with database_errors(), connect(db, read_only=True, sandbox=True) as con:
            statements = con.extract_statements(sql)
            for number, statement in enumerate(statements, 1):
                where = f"statement {number} of {len(statements)}: " if len(
                    statements) > 1 else ""
                shown = statement.type in ANSWERING or number == len(statements)
                results.append((shown, *_run_statement(con, statement, where)))
    except duckdb.Error as exc:  # before the first statement: SQL that does not parse
        raise fail(f"query failed: {_duckdb_message(exc)}") from None
    # What each statement answers; a CREATE or SET before a SELECT prints nothing.
    answers = [(columns, rows) for shown, columns, rows in results if shown and columns]
    if output != "table" and len(answers) > 1:
        raise fail(f"--format {output} prints one result; got {len(answers)} "
                   "(run the statements one at a time, or use --format table)")
    for number, (columns, rows) in enumerate(answers or [([], [])]):
        if number:
            console.out.print()
        print_rows(columns, rows, output)


ANSWERING = (duckdb.StatementType.SELECT, duckdb.StatementType.PRAGMA,
             duckdb.StatementType.EXPLAIN)


def _run_statement(con: duckdb.DuckDBPyConnection, statement: object, where: str
                   ) -> tuple[list[str], list[tuple]]:
    try:
        cursor = con.execute(statement)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall() if columns else []
    except duckdb.PermissionException as exc:
        raise fail(f"query refused: {where}{_duckdb_message(exc)} (query reads only this "
                   "database's tables and views)") from None
    except duckdb.Error as exc:
        if "configuration has been locked" in str(exc):
            raise fail("query refused: settings cannot be changed from query") from None
        raise fail(f"query failed: {where}{_duckdb_message(exc)}") from None


def _duckdb_message(exc: Exception) -> str:
    """DuckDB's message on one line, with its hints ("Did you mean "events"?", "Candidate
    bindings: ...") and without the echoed SQL and its caret line."""
    lines = []
    for line in str(exc).splitlines():
        if line.startswith("LINE "):
            break
        if line.strip():
            lines.append(line.strip())
    return " ".join(lines) or type(exc).__name__


@app.command(name="eval")
def evaluate(
    corpus: Annotated[Path, typer.Option("--corpus", help="Corpus directory.")] = Path("corpus"),
    gold: Annotated[Path, typer.Option("--gold", help="Gold annotations directory.")
                    ] = Path("gold"),
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the figures "
                                                  "as JSON here.")] = Path("data/eval.json"),
    baseline: Annotated[bool, typer.Option(
        "--baseline/--no-baseline", help="Score a statistical spaCy pipeline side by side "
        "(needs the optional extra: pip install '.[baseline]').")] = True,
    real: Annotated[Path | None, typer.Option(
        "--real", help="The real set's folder (default: ../shared/realdev, when present).")
    ] = None,
    write_baseline: Annotated[bool, typer.Option(
        "--write-baseline", help="Pin eval/baseline.json to this run's figures.")] = False,
    allow_regression: Annotated[bool, typer.Option(
        "--allow-regression", help="With --write-baseline: accept figures below the pinned "
        "ones.")] = False,
) -> None:
    """Score extraction against the hand-checked gold set and the real set (P, R, F1)."""
    from pipeline.evaluate import FLOOR_PATH, eval_command

    if not gold.is_dir() or not corpus.is_dir():
        raise fail(f"corpus or gold directory not found: {corpus}, {gold}")
    require_rules()
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
    raise typer.Exit(eval_command(corpus, gold, json_out, baseline,
                                  FLOOR_PATH if write_baseline else None, real,
                                  allow_regression))


@app.command()
def runs(
    last: Annotated[int, typer.Option("--last", min=1, help="How many runs to show.")] = 10,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show the last runs, newest first (a run still 'running' was killed or is active)."""
    from pipeline.store import connect
    from pipeline.store.runs import last_runs
    from pipeline.store.schema import schema_version

    require_database(db)
    with database_errors(), connect(db, read_only=True) as con:
        if schema_version(con) < 2:
            raise fail(f"{db} has no run history yet (an ingest upgrades it)")
        columns, rows = last_runs(con, last)
    shown = ["run_id", "started (UTC)", "secs", "status", "source",
             "docs seen/new/changed/failed", "events +/-", "errors"]
    table = []
    for row in rows:
        r = dict(zip(columns, row, strict=True))
        seconds = (round((r["finished_at"] - r["started_at"]).total_seconds(), 1)
                   if r["finished_at"] else None)
        docs = "/".join(str(r[c]) if r[c] is not None else "-" for c in (
            "documents_seen", "documents_new", "documents_changed", "documents_failed"))
        events = f"+{r['events_added'] or 0}/-{r['events_removed'] or 0}"
        errors = r["errors"] or []
        first = f"{errors[0]} (+{len(errors) - 1} more)" if len(errors) > 1 else (
            errors[0] if errors else None)
        table.append((r["run_id"], f"{r['started_at']:%Y-%m-%d %H:%M:%S}", seconds,
                      r["status"], r["source"], docs, events, first))
    print_table(shown, table)


@app.command()
def reextract(
    db: DbOption = DEFAULT_DB,
    everything: Annotated[bool, typer.Option(
        "--all", help="Re-extract every document, not only those from other rules.")] = False,
    log_file: LogOption = None,
    workers: WorkersOption = None,
    stamp: StampOption = False,
) -> None:
    """Re-run extraction over stored documents whose events came from other rules."""
    from pipeline.lock import LockBusyError
    from pipeline.reextract import reextract as run_reextract
    from pipeline.run import recorded_run
    from pipeline.store import StoreBusyError, StoreError
    from pipeline.store.runs import RunCounts
    from pipeline.store.schema import SchemaError

    if stamp:
        console.stamp()
    require_database(db)
    require_rules()
    try:
        with recorded_run(db, "reextract", "reextract --all" if everything else "reextract",
                          log_file) as run, console.progress("re-extracting") as tick:
            summary = run_reextract(db, everything=everything, progress=tick,
                                    workers=worker_count(workers))
            run.finish(RunCounts(
                documents_seen=summary.checked, documents_changed=summary.updated,
                documents_unchanged=summary.checked - summary.updated - len(summary.skipped),
                documents_failed=len(summary.skipped), events_added=summary.events_added,
                events_removed=summary.events_removed, errors=summary.skipped),
                "partial" if summary.skipped else "ok")
    except (LockBusyError, StoreBusyError) as exc:
        raise fail(str(exc), EXIT_BUSY) from None
    except SchemaError as exc:
        raise fail(str(exc)) from None
    except StoreError as exc:
        raise fail(str(exc), EXIT_FAILED) from None
    for line in summary.skipped:
        error_line(f"skipped {line}")
    console.line(summary.line())
    raise typer.Exit(EXIT_PARTIAL if summary.skipped else EXIT_OK)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Directory to write into.",
                                      file_okay=False)],
    fmt: Annotated[str, typer.Option("--format", help="parquet or csv.")] = "parquet",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write every table and view to one Parquet or CSV file each."""
    from pipeline.export import FORMATS, export_database

    if fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    require_database(db)
    try:
        with database_errors():
            written = export_database(db, out, fmt)
    except (OSError, duckdb.Error) as exc:
        raise fail(f"export failed: {str(exc).splitlines()[0]}") from None
    print_table(["file", "kind", "rows"], [(w.path.as_posix(), w.kind, w.rows) for w in written])


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="Directory to write the report into.",
                                      file_okay=False)] = Path("data/report"),
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write a static HTML report (index.html): who is in Engage now, a timeline per force,
    and every entry with its evidence and a link to a marked copy of its document."""
    from pipeline.report import ReportError, write_report

    require_database(db)
    try:
        with database_errors():
            summary = write_report(db, out)
    except ReportError as exc:
        raise fail(str(exc)) from None
    console.line(f"{summary.index.as_posix()}: {plural(summary.forces, 'force')} "
                 f"({summary.in_engage} in Engage now), "
                 f"{plural(summary.periods, 'Engage period')}, "
                 f"{plural(summary.entries, 'entry', 'entries')} from "
                 f"{plural(summary.events, 'event')}, "
                 f"{plural(summary.document_pages, 'document page')}")


@app.command()
def digest(
    since_run: Annotated[str | None, typer.Option(
        "--since-run", metavar="RUN_ID", help="Compare with the state after this run "
        "(`oversight runs` lists them).")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="YYYY-MM-DD", help="Compare with the state before this day (UTC): "
        "the last run that started before it.")] = None,
    atom: Annotated[Path | None, typer.Option(
        "--atom", metavar="FILE", dir_okay=False, help="Also write an Atom feed of the last "
        "runs' changes, one entry per run, to FILE.")] = None,
    db: DbOption = DEFAULT_DB,
    stamp: StampOption = False,
) -> None:
    """What is new since the last run: phase moves, items opened or closed, statements,
    disagreements, and what failed.

    Without options it compares the database with the state before its last run. Each
    ingest and reextract keeps a snapshot of the views for this (the last 100 runs).
    """
    from pipeline.digest import DigestError, digest_lines, digest_since, recent_digests
    from pipeline.digest.render import ATOM_ENTRIES, write_atom
    from pipeline.store import connect
    from pipeline.store.schema import SCHEMA_VERSION, schema_version

    if stamp:
        console.stamp()
    if since_run and since:
        raise fail("give --since-run or --since, not both")
    try:
        day = date.fromisoformat(since) if since else None
    except ValueError:
        raise fail(f"--since must be YYYY-MM-DD, got {since!r}") from None
    require_database(db)
    try:
        with database_errors(), connect(db, read_only=True) as con:
            if schema_version(con) < SCHEMA_VERSION:
                raise fail(f"{db} is at an older schema version; run `{PROG} ingest` once "
                           "to upgrade it")
            result = digest_since(con, since_run, day)
            feed = recent_digests(con, ATOM_ENTRIES) if atom is not None else []
    except DigestError as exc:
        raise fail(str(exc)) from None
    console.run_id = result.through.run_id if result.through else None
    for line in digest_lines(result):
        console.line(line)
    if atom is not None:
        try:
            write_atom(feed, atom, db)
        except OSError as exc:
            raise fail(f"cannot write {atom} ({exc.strerror or exc})", EXIT_FAILED) from None


def main() -> None:
    """Run the CLI with one-line errors: cron mails and terminals get no tracebacks or boxes."""
    args = sys.argv[1:] or ["--help"]
    try:
        code = app(args, prog_name=PROG, standalone_mode=False)
    except KeyboardInterrupt:
        error_line("interrupted")
        code = 130
    except Exception as exc:  # noqa: BLE001 - click's usage errors, from typer's own copy
        if hasattr(exc, "format_message"):
            error_line(f"{exc.format_message()} (see --help)")
            code = EXIT_USAGE
        else:  # a bug: one line here, the traceback in the run log (for ingest, reextract)
            detail = " ".join(str(exc).split())[:300]
            error_line(f"unexpected error: {type(exc).__name__}: {detail}")
            code = EXIT_FAILED
    sys.exit(code or EXIT_OK)
