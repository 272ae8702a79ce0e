"""Export every table and view to Parquet or CSV, one file each, for people without DuckDB.

In CSV, a list column (a move's urls, an item's wordings) is written as its values joined
by "; ", which a spreadsheet shows as text, rather than DuckDB's `[a, b]` literal.

It reads through a read-only connection, so it can run while analysts have the file open,
and each file is written under a temporary name and renamed when complete: someone
reading the export directory (a spreadsheet, a sync job) never sees half a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.store import connect

FORMATS = ("parquet", "csv")
LIST_SEPARATOR = "; "

RELATIONS = """
SELECT table_name, 'table' FROM duckdb_tables()
WHERE schema_name = 'main' AND NOT internal AND NOT temporary
UNION ALL
SELECT view_name, 'view' FROM duckdb_views()
WHERE schema_name = 'main' AND NOT internal AND NOT temporary
ORDER BY 2, 1
"""


@dataclass
class Exported:
    name: str
    kind: str  # table or view
    rows: int
    path: Path


def relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, 'table' | 'view') for every user table and view, tables first."""
    return [(name, kind) for name, kind in con.execute(RELATIONS).fetchall()]


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _columns(con: duckdb.DuckDBPyConnection, quoted: str, fmt: str) -> str:
    """The SELECT list: every column, lists joined into text for CSV."""
    if fmt != "csv":
        return "*"
    described = con.execute(f"DESCRIBE SELECT * FROM {quoted}").fetchall()
    parts = []
    for name, kind, *_ in described:
        column = '"' + name.replace('"', '""') + '"'
        parts.append(f"array_to_string({column}, {_sql_string(LIST_SEPARATOR)}) AS {column}"
                     if kind.endswith("[]") else column)
    return ", ".join(parts)


def export_database(db: Path, out: Path, fmt: str) -> list[Exported]:
    """Write `<out>/<name>.<fmt>` for every table and view of `db`."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    written = []
    with connect(db, read_only=True) as con:
        for name, kind in relations(con):
            path = out / f"{name}.{fmt}"
            partial = out / f".{name}.{fmt}.{os.getpid()}.partial"
            quoted = '"' + name.replace('"', '""') + '"'
            con.execute(f"COPY (SELECT {_columns(con, quoted, fmt)} FROM {quoted}) "
                        f"TO {_sql_string(str(partial))} ({options})")
            os.replace(partial, path)
            rows = con.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]
            written.append(Exported(name, kind, rows, path))
    return written
