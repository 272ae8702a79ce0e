"""Terminal output: readable tables and progress on a terminal, one quiet line under cron."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from rich.console import Console
from rich.table import Table


class _Console:
    def __init__(self) -> None:
        self.out = Console(highlight=False, soft_wrap=True)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.run_id: str | None = None
        self.stamped = False

    def stamp(self, run_id: str | None = None) -> None:
        """From now on, start every summary, digest and error line with the UTC time and the
        run id (`--stamp`, as `make cron` writes it): a log of many runs says which line
        came from which run, and when."""
        self.stamped = True
        self.run_id = run_id or self.run_id

    def prefix(self) -> str:
        if not self.stamped:
            return ""
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return f"{now} {self.run_id or '-'} "

    def line(self, text: str) -> None:
        """One line of a command's own output (a summary, a digest line), stamped if asked."""
        self.out.print(f"{self.prefix()}{text}", markup=False, emoji=False, soft_wrap=True)

    @property
    def interactive(self) -> bool:
        return sys.stdout.isatty()

    @contextmanager
    def progress(self, label: str) -> Iterator[Callable[[str], None]]:
        """A live counter on a terminal; nothing at all when output goes to a file or cron."""
        if not self.interactive:
            yield lambda _item: None
            return
        count = 0
        with self.err.status(f"{label}…") as status:
            def tick(item: str) -> None:
                nonlocal count
                count += 1
                status.update(f"{label}: {count} documents ({item[-60:]})")

            yield tick


console = _Console()


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def one_line(text: str) -> str:
    """Text safe to print as one line: a line break or other control character in a file
    name is written as \\n or \\x07, and bytes that are not UTF-8 (smuggled into str
    as surrogates by the file system) as \\xe9, so one problem is always one line."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-8", "surrogateescape" if all(
            "\udc80" <= ch <= "\udcff" for ch in text if "\ud800" <= ch <= "\udfff")
            else "backslashreplace").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def error_line(message: str) -> None:
    console.err.print(f"{console.prefix()}error: {one_line(message)}", markup=False,
                      emoji=False, soft_wrap=True)


def date_text(value: date | None, precision: str | None, missing: str = "undated") -> str:
    """A date as precise as the text gave it: "2024", "May 2024" or "2024-05-03"."""
    if value is None:
        return missing
    if precision == "year":
        return f"{value:%Y}"
    if precision == "month":
        return f"{value:%B %Y}"
    return value.isoformat()


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 document', '2 documents', '3 causes of concern' (give the plural when it is not
    the singular plus s)."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def print_table(columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    if not columns:
        console.out.print("ok")
        return
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    # Piped output is not squeezed into 80 columns: a table as wide as its content.
    target = console.out if console.interactive else Console(width=100_000, highlight=False)
    target.print(table)
    console.out.print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def print_rows(columns: list[str], rows: list[tuple[Any, ...]], output: str) -> None:
    """Query results for people (a table) or for other programs (CSV, JSON lines)."""
    if output == "table":
        print_table(columns, rows)
        return
    if output == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
        return
    for row in rows:
        sys.stdout.write(json.dumps(dict(zip(columns, row, strict=True)), default=str,
                                    ensure_ascii=False) + "\n")


def print_summary(summary: Any) -> None:
    """The one line a run leaves (in cron.log): documents read = new + changed + unchanged
    + duplicates + failed; sources that failed (no feed, no folder) are counted apart."""
    by_type = ", ".join(f"{k} {v}" for k, v in sorted(summary.events_by_type.items())) or "none"
    sources = f"; sources: {summary.failed_sources} failed" if summary.failed_sources else ""
    console.line(
        f"documents: {summary.read} read, {summary.new} new, {summary.changed} changed, "
        f"{summary.unchanged} unchanged, {summary.duplicates} duplicates, "
        f"{summary.failed_documents} failed; "
        f"events: {summary.events_added} added, {summary.events_removed} removed ({by_type})"
        f"{sources}")
