"""`query` is read-only for real: DuckDB's own settings confine it to the database's tables,
so it can neither touch other databases and files nor install or load extensions."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.tiny_db import build_tiny_db


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    """Two databases; every test checks that the refused SQL left both as they were."""
    root = tmp_path_factory.mktemp("query")
    return build_tiny_db(root / "events.duckdb"), build_tiny_db(root / "other.duckdb")


def _query(db, sql: str):
    return CliRunner().invoke(app, ["query", sql, "--db", str(db), "--format", "csv"])


def _refused(result, words: str = "query refused: ") -> None:
    assert result.exit_code == 2, result.output
    (line,) = result.output.splitlines()
    assert line.startswith("error: ") and words in line, line


def test_attach_cannot_reach_another_database(databases):
    """Finding 7: ATTACH ... (read_only false) then DELETE on the other file is refused."""
    db, other = databases
    before = other.read_bytes()
    _refused(_query(db, f"attach '{other}' as o (read_only false); delete from o.events"))
    assert other.read_bytes() == before
    assert _query(db, "select count(*) as n from events").output == "n\n23\n"


def test_copy_and_export_cannot_write_files(databases, tmp_path):
    """Finding 8: COPY ... TO and EXPORT DATABASE write nothing, even over a database."""
    db, other = databases
    before = other.read_bytes()
    _refused(_query(db, f"copy (select * from documents) to '{other}' (format csv)"))
    _refused(_query(db, f"export database '{tmp_path / 'dump'}'"))
    assert other.read_bytes() == before and not (tmp_path / "dump").exists()


@pytest.mark.parametrize("sql", [
    "install httpfs", "load httpfs", "select * from read_csv('/etc/passwd')",
    "select * from read_json('/etc/hostname')", "select * from read_parquet('/tmp/x.parquet')",
    "select * from glob('/etc/*')", "select * from read_text('/etc/hostname')",
])
def test_extensions_and_other_files_are_refused(databases, sql):
    """Finding 9: no extension is installed or loaded, no file outside is read."""
    db, _ = databases
    _refused(_query(db, sql))


def test_settings_cannot_be_changed_back(databases):
    db, _ = databases
    _refused(_query(db, "set enable_external_access = true"), "settings cannot be changed")
    _refused(_query(db, "reset lock_configuration"), "settings cannot be changed")


def test_views_and_tables_still_answer(databases):
    db, _ = databases
    result = _query(db, "select force from force_status order by force")
    assert result.exit_code == 0 and result.output.splitlines()[0] == "force"
    assert len(result.output.splitlines()) > 1
