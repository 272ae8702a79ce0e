"""Command line: `python -m pipeline <command>`; every command has --help.

Exit codes (also in the README): 0 success, 1 partial failure (some input failed, the rest
is stored), 2 usage or configuration error, 3 the database or the run lock is held by
another process.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import duckdb
import typer

from pipeline.output import console, error_line, print_summary, print_table

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3
DEFAULT_DB = Path("data/events.duckdb")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn UK police-oversight press releases into a DuckDB event table.",
)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file.", dir_okay=False)]


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    error_line(message)
    return typer.Exit(code)


@app.command()
def ingest(
    source: Annotated[str | None, typer.Option(
        "--source", help="A file or directory of documents, or one feed, listing page or "
        "GOV.UK search API URL.")] = None,
    sources: Annotated[Path | None, typer.Option(
        "--sources", help="A sources file (YAML); see rules/sources.yaml.", dir_okay=False)
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Fetch or read documents, extract events and store both (re-running adds nothing new)."""
    from pipeline.fetch import FetchConfig, SourcesError, load_fetch_config, load_sources
    from pipeline.fetch import source_for_url
    from pipeline.ingest import ingest_path, ingest_sources
    from pipeline.store import StoreBusyError

    if source and sources:
        raise fail("give --source or --sources, not both")
    try:
        with console.progress("ingesting") as tick:
            if sources is not None:
                if not sources.is_file():
                    raise fail(f"sources file not found: {sources}")
                summary = ingest_sources(load_sources(sources), db,
                                         config=load_fetch_config(sources), progress=tick)
            elif source and source.startswith(("http://", "https://")):
                summary = ingest_sources([source_for_url(source)], db, config=FetchConfig(),
                                         progress=tick)
            else:
                path = Path(source or "corpus")
                if not path.exists():
                    raise fail(f"source not found: {path}")
                summary = ingest_path(path, db, progress=tick)
    except SourcesError as exc:
        raise fail(str(exc)) from None
    except StoreBusyError as exc:
        raise fail(str(exc), EXIT_BUSY) from None
    for failure in summary.failed:
        error_line(f"skipped {failure.line()}")
    print_summary(summary)
    raise typer.Exit(EXIT_OK if summary.ok else EXIT_PARTIAL)


@app.command(name="sources")
def list_sources(
    sources: Annotated[Path, typer.Option("--sources", help="A sources file (YAML).",
                                          dir_okay=False)] = Path("rules/sources.yaml"),
    db: DbOption = DEFAULT_DB,
) -> None:
    """List the sources of a sources file with their last fetch status."""
    from pipeline.fetch import SourcesError, load_sources
    from pipeline.store import connect
    from pipeline.store.fetch_state import ensure_fetch_tables

    if not sources.is_file():
        raise fail(f"sources file not found: {sources}")
    try:
        entries = load_sources(sources)
    except SourcesError as exc:
        raise fail(str(exc)) from None
    last: dict[str, tuple] = {}
    if db.exists():
        with connect(db) as con:
            ensure_fetch_tables(con)
            last = {row[0]: row[1:] for row in con.execute(
                "SELECT source, max(fetched_at), count(*) FILTER (WHERE error IS NULL), "
                "count(*) FILTER (WHERE error IS NOT NULL) FROM fetch_log GROUP BY source"
            ).fetchall()}
    rows = [(s.name, s.kind, s.start_url, *(last.get(s.name) or ("never", "", "")))
            for s in entries]
    print_table(["name", "kind", "start_url", "last_fetch", "ok", "errors"], rows)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="One document (.html, .htm, .txt, .md).")],
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date YYYY-MM-DD (overrides the document's).")] = None,
) -> None:
    """Print one document's events as JSON lines, touching no database."""
    from dataclasses import replace

    from pipeline.extract import extract_events
    from pipeline.parse import ParseError, parse_file

    if not file.is_file():
        raise fail(f"file not found: {file}")
    try:
        document = parse_file(file)
    except ParseError as exc:
        raise fail(f"{file}: {exc}", EXIT_PARTIAL) from None
    if published:
        try:
            document = replace(document, published_date=date.fromisoformat(published))
        except ValueError:
            raise fail(f"--published must be YYYY-MM-DD, got {published!r}") from None
    for event in extract_events(document):
        sys.stdout.write(json.dumps(event.to_json_dict(), ensure_ascii=False) + "\n")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run against the database.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Run SQL against the database and print the result as a table."""
    from pipeline.store import StoreBusyError, connect

    if not db.exists():
        raise fail(f"database not found: {db} (run `make ingest` first)")
    try:
        with connect(db, read_only=True) as con:
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows = cursor.fetchall() if columns else []
    except StoreBusyError as exc:
        raise fail(str(exc), EXIT_BUSY) from None
    except duckdb.Error as exc:
        raise fail(f"query failed: {str(exc).splitlines()[0]}") from None
    print_table(columns, rows)


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
) -> None:
    """Score extraction against the hand-checked gold set (precision, recall, F1)."""
    from pipeline.evaluate import eval_command

    if not gold.is_dir() or not corpus.is_dir():
        raise fail(f"corpus or gold directory not found: {corpus}, {gold}")
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
    raise typer.Exit(eval_command(corpus, gold, json_out, baseline))


def main() -> None:
    """Run the CLI with one-line errors: cron mails and terminals get no tracebacks or boxes."""
    args = sys.argv[1:] or ["--help"]
    try:
        code = app(args, standalone_mode=False)
    except KeyboardInterrupt:
        error_line("interrupted")
        code = 130
    except Exception as exc:  # noqa: BLE001 - click's usage errors, from typer's own copy
        if not hasattr(exc, "format_message"):
            raise
        error_line(f"{exc.format_message()} (see --help)")
        code = EXIT_USAGE
    sys.exit(code or EXIT_OK)
