"""Each error a new user meets in their first hour, through the command line as they would
type it: the line it prints and the exit code (0 ok, 1 partial, 2 usage, 4 nothing used)."""

from __future__ import annotations

import socket
import textwrap

import duckdb
import pytest

from tests.conftest import ROOT, SEED, run_cli
from tests.tiny_db import build_tiny_db


def _errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def _closed_port() -> int:
    """A port on this machine that nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_tiny_db(tmp_path_factory.mktemp("cli") / "events.duckdb")


def _documents(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def _offline_sources(tmp_path, *extra: str) -> str:
    path = tmp_path / "offline.yaml"
    path.write_text(textwrap.dedent(f"""\
        settings:
          retries: 0
          per_host_delay: 0
        sources:
          - name: offline-feed
            kind: feed
            start_url: http://127.0.0.1:{_closed_port()}/feed.xml
        """) + "".join(extra), encoding="utf-8")
    return str(path)


def test_an_unreachable_source_says_unreachable_and_reads_nothing(tmp_path):
    """Not "disallowed by robots.txt"; not "1 read" when nothing was read; every source
    failed, so the run failed (4), not partial."""
    db = tmp_path / "events.duckdb"
    result = run_cli("ingest", "--sources", _offline_sources(tmp_path), "--db", str(db))
    assert result.returncode == 4, result.stderr
    (line,) = _errors(result)
    assert line.startswith("error: offline-feed: source failed: http://127.0.0.1:")
    assert ": unreachable: connection error" in line and "robots.txt" in line
    assert "disallowed" not in line
    (summary,) = result.stdout.splitlines()
    assert summary.startswith("documents: 0 read, 0 new, 0 changed, 0 unchanged, "
                              "0 duplicates, 0 failed; ")
    assert summary.endswith("; sources: 1 failed")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status, documents_seen FROM runs").fetchall() == [("failed", 0)]
    con.close()


def test_a_failed_source_beside_a_stored_folder_is_partial(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    folder.joinpath(SEED.name).write_bytes(SEED.read_bytes())
    sources = _offline_sources(tmp_path, f"  - name: folder\n    kind: local\n"
                                         f"    start_url: {folder}\n")
    result = run_cli("ingest", "--sources", sources, "--db", str(tmp_path / "e.duckdb"))
    assert result.returncode == 1, result.stderr
    assert [e.split(": unreachable")[0].rsplit(":", 1)[0] for e in _errors(result)] == [
        "error: offline-feed: source failed: http://127.0.0.1"]
    assert "documents: 1 read, 1 new" in result.stdout
    assert result.stdout.rstrip().endswith("; sources: 1 failed")


def test_empty_query_is_a_usage_error(tiny):
    for sql in ("", "  ;  "):
        result = run_cli("query", sql, "--db", str(tiny))
        assert result.returncode == 2 and result.stdout == ""
        assert _errors(result) == ['error: no SQL given: `oversight query "select ..."`']
        assert "Traceback" not in result.stderr


def test_several_statements_print_every_result(tiny):
    result = run_cli("query", "select 1 as first; select 2 as second", "--db", str(tiny))
    assert result.returncode == 0, result.stderr
    assert "first" in result.stdout and "second" in result.stdout
    assert result.stdout.count("(1 row)") == 2
    made = run_cli("query", "create temp table t as select 7 as x; select x from t",
                   "--format", "csv", "--db", str(tiny))
    assert made.returncode == 0 and made.stdout == "x\n7\n"  # the CREATE answers nothing
    as_csv = run_cli("query", "select 1; select 2", "--format", "csv", "--db", str(tiny))
    assert as_csv.returncode == 2 and as_csv.stdout == ""
    assert _errors(as_csv) == ["error: --format csv prints one result; got 2 (run the "
                               "statements one at a time, or use --format table)"]


def test_a_failing_statement_is_named_and_prints_nothing(tiny):
    result = run_cli("query", "select 1; select nope from events", "--db", str(tiny))
    assert result.returncode == 2 and result.stdout == ""
    (line,) = _errors(result)
    assert line.startswith("error: query failed: statement 2 of 2: Binder Error: ")


def test_duckdb_hints_are_kept_on_the_line(tiny):
    table = run_cli("query", "select * from event", "--db", str(tiny))
    assert table.returncode == 2
    assert _errors(table) == ['error: query failed: Catalog Error: Table with name event does '
                              'not exist! Did you mean "events"?']
    column = run_cli("query", "select forse from events", "--db", str(tiny))
    (line,) = _errors(column)
    assert 'Candidate bindings: "force"' in line and "LINE 1" not in line


def test_a_sources_file_given_to_source_is_named_and_not_stored(tmp_path):
    db = tmp_path / "events.duckdb"
    result = run_cli("ingest", "--source", "rules/sources.yaml", "--db", str(db))
    assert result.returncode == 2
    assert _errors(result) == ["error: rules/sources.yaml is a sources file: give it to "
                               "--sources (`oversight ingest --sources rules/sources.yaml`)"]
    assert not db.exists()
    other = tmp_path / "notes.yaml"
    other.write_text("title: not a sources file\n", encoding="utf-8")
    result = run_cli("ingest", "--source", str(other), "--db", str(db))
    assert result.returncode == 2
    assert _errors(result) == [f"error: {other} is not a document this reads (.yaml); "
                               "documents are .html, .htm, .txt, .md, .pdf, or give a folder"]


def test_a_folder_with_nothing_readable_fails_with_a_reason(tmp_path):
    folder = tmp_path / "word files"
    folder.mkdir()
    (folder / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run_cli("ingest", "--source", str(folder), "--db", str(tmp_path / "e.duckdb"))
    assert result.returncode == 4
    assert _errors(result) == [f"error: {folder.as_posix()}: no documents to read: only "
                               "1 .doc, 1 .docx files (read are .html, .htm, .txt, .md, .pdf)"]
    assert result.stdout.startswith("documents: 0 read,")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("ingest", "--source", str(empty), "--db", str(tmp_path / "e.duckdb"))
    assert result.returncode == 4
    assert _errors(result) == [f"error: {empty.as_posix()}: no documents to read: the folder "
                               "has no files (read are .html, .htm, .txt, .md, .pdf)"]


def test_extract_of_a_folder_says_it_is_a_folder():
    result = run_cli("extract", "corpus")
    assert result.returncode == 2 and result.stdout == ""
    assert _errors(result) == ["error: corpus is a folder; extract reads one document "
                               "(`oversight ingest --source corpus` reads a folder into the "
                               "database)"]
    missing = run_cli("extract", "corpus/no-such-file.html")
    assert missing.returncode == 2
    assert _errors(missing) == ["error: file not found: corpus/no-such-file.html"]


def test_help_shows_the_extra_and_no_type_names():
    help_text = run_cli("eval", "--help")
    assert help_text.returncode == 0
    assert "pip install\n" in help_text.stdout or "pip install" in help_text.stdout
    assert "'.[baseline]'" in " ".join(help_text.stdout.split())
    for command in ((), ("ingest",), ("query",), ("digest",), ("report",)):
        shown = run_cli(*command, "--help")
        assert shown.returncode == 0, shown.stderr
        assert "<bool>" not in shown.stdout and "--help" in shown.stdout
        assert shown.stdout.startswith(f"Usage: oversight {' '.join(command)}".rstrip())


def test_the_console_script_is_installed():
    script = ROOT / ".venv" / "bin" / "oversight"
    if not script.exists():
        pytest.skip("no .venv in this checkout")
    import subprocess

    result = subprocess.run([str(script), "--help"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("Usage: oversight ")


def test_a_missing_database_says_how_to_make_one(tmp_path):
    missing = tmp_path / "none.duckdb"
    for command in (("query", "select 1"), ("report",), ("digest",), ("runs",)):
        result = run_cli(*command, "--db", str(missing))
        assert result.returncode == 2, command
        assert _errors(result) == [f"error: database not found: {missing} (`make ingest` "
                                   "creates it from the corpus, `oversight ingest --source "
                                   "FOLDER` from your documents)"]
    assert not missing.exists()
