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
    source: Annotated[str, typer.Option("--source", help="A file or directory of documents.")
                      ] = "corpus",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Read documents, extract events and store both (re-running adds nothing new)."""
    from pipeline.ingest import ingest_path
    from pipeline.store import StoreBusyError

    path = Path(source)
    if not path.exists():
        raise fail(f"source not found: {source}")
    try:
        with console.progress("extracting") as tick:
            summary = ingest_path(path, db, progress=tick)
    except StoreBusyError as exc:
        raise fail(str(exc), EXIT_BUSY) from None
    for failure in summary.failed:
        error_line(f"skipped {failure.line()}")
    print_summary(summary)
    raise typer.Exit(EXIT_OK if summary.ok else EXIT_PARTIAL)


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
