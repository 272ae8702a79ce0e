"""One bad document never stops a run: each hostile or odd file is stored correctly or named
on one `error:` line, and the good documents beside it are stored.

One ingest (two workers, held to file permissions) reads a folder holding five good releases
and one file per finding; each test checks its file's line, the exit code and the good
documents. Everything is generated here: no large file is kept in the repository.
"""

from __future__ import annotations

import codecs
import os
import time

import pytest

from pipeline.limits import MAX_DOCUMENT_BYTES
from tests.hostile import GOOD_FORCES, errors, release, rows, run_pipeline

LONG_TAIL = "Cumbria Constabulary was moved into Engage on 4 June 2024."
DEEP = 30_000
PHASE_WORDS = 16_000
FILLER = ("the panel reviewed staffing levels across the county and noted steady progress "
          "in call handling and neighbourhood patrols this quarter")


def _billion_laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(8):
        name, previous = chr(ord("b") + level), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    lines.append("title: *i")
    return "---\n" + "\n".join(lines) + "\n---\nThe body of a release.\n"


def _long_report() -> str:
    """Over spaCy's 1,000,000 characters, with a phase change at the very end."""
    words = FILLER.split()
    paragraphs = [" ".join(words[i % 7:] + words[: i % 7]).capitalize() + "."
                  for i in range(9_000)]
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: Annual oversight report\n---\n{body}\n\n{LONG_TAIL}\n"


def _write_folder(folder) -> dict[str, str]:
    """Good releases and one file per finding; returns finding -> file name."""
    for day, force in enumerate(GOOD_FORCES, start=1):
        (folder / f"good-{day}.md").write_text(release(force, day), encoding="utf-8")
    names = {}

    def put(finding: str, name: str | bytes, content: bytes) -> None:
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes)
                            else name.encode())
        with open(path, "wb") as handle:
            handle.write(content)
        names[finding] = os.fsdecode(name) if isinstance(name, bytes) else name

    put("e088", "long-report.txt", _long_report().encode())
    put("alias_bomb", "alias-bomb.md", _billion_laughs().encode())
    put("name_bytes", b"caf\xe9-release.md", release("Gwent Police", 11).encode())
    put("deep_html", "deep.html", (
        "<html><head><title>Deep page</title></head><body><article>"
        "<p>Lancashire Constabulary was moved into Engage on 2 May 2024.</p>"
        + "<div>" * DEEP + "<p>A paragraph at the bottom.</p>" + "</div>" * DEEP
        + "</article></body></html>").encode())
    put("phase_words", "phase-words.txt", (
        "Durham Constabulary said " + " ".join(["engage special measures scan"]
                                               * (PHASE_WORDS // 4)) + ".\n").encode())
    put("utf16", "utf16.txt", codecs.BOM_UTF16_LE + release("Cheshire Constabulary", 12)
        .replace("closer support", "closer support at the café").encode("utf-16-le"))
    put("cp1252", "windows.txt", release("Norfolk Constabulary", 13).replace(
        "closer support", "\u2018closer\u2019 support, caf\u00e9 style").encode("cp1252"))
    put("late_nul", "late-nul.txt", release("Suffolk Constabulary", 14).encode()
        + b"more words " * 1000 + b"\x00 the end\n")
    put("newline_name", "bad\nname.txt", b"")
    put("meta_refresh", "stub.html", (
        b'<html><head><title>Moved</title><meta http-equiv="Refresh" '
        b'content="0; url=https://example.org/new-home"></head>'
        b"<body><p>This page has moved. Redirecting\xe2\x80\xa6</p></body></html>"))
    put("xml_as_html", "feed.html", (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        b"<item><title>Merseyside Police update</title><link>https://x.test/a</link>"
        b"<description>Merseyside Police was moved into Engage.</description></item>"
        b"</channel></rss>"))
    put("duplicate_a", "copy-a.md", b"---\nurl: https://example.org/same\n---\n"
        b"Hampshire Constabulary was moved into Engage on 3 April 2024.\n")
    put("duplicate_b", "copy-b.md", b"---\nurl: https://example.org/same\n---\n"
        b"Hampshire Constabulary left Engage on 9 April 2025.\n")
    put("too_large", "huge.txt", b"")
    os.truncate(folder / "huge.txt", MAX_DOCUMENT_BYTES + 1)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.md").write_text(release("Sussex Police", 15), encoding="utf-8")
    names["unreadable_folder"] = "locked"
    return names


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "inbox"
    folder.mkdir()
    names = _write_folder(folder)
    (folder / "locked").chmod(0)
    db = root / "events.duckdb"
    started = time.monotonic()
    try:
        result = run_pipeline("ingest", "--source", str(folder), "--db", str(db),
                              "--workers", "2", permissions=True, timeout=240)
    finally:
        (folder / "locked").chmod(0o755)
    return result, db, folder, names, time.monotonic() - started


def _line_for(result, name: str) -> str:
    found = [line for line in errors(result) if name in line]
    assert len(found) == 1, (name, result.stderr)
    return found[0]


def _good_documents_stored(db) -> None:
    stored = {title for (title,) in rows(db, "SELECT title FROM documents")}
    assert {f"{force} update {day}" for day, force in enumerate(GOOD_FORCES, 1)} <= stored


def _check_run(result, db) -> None:
    assert result.returncode == 1, result.stderr  # some stored, some failed
    assert "Traceback" not in result.stderr
    assert all(line.startswith("error: ") for line in result.stderr.splitlines()), result.stderr
    _good_documents_stored(db)
    assert rows(db, "SELECT status FROM runs") == [("partial",)]  # finished, not 'running'


def _stored(db, folder, name: str) -> tuple[str, str]:
    found = rows(db, "SELECT doc_id, text FROM documents WHERE url = ?",
                 [f"{folder.as_posix()}/{name}"])
    assert len(found) == 1, name
    return found[0]


def test_document_over_spacy_limit_is_read_in_sections(hostile_run):
    """Finding 1: over 1,000,000 characters (E088) is stored and extracted whole."""
    result, db, folder, names, _ = hostile_run
    _check_run(result, db)
    assert not [line for line in errors(result) if names["e088"] in line]
    doc_id, text = _stored(db, folder, names["e088"])
    assert len(text) > 1_000_000
    (start, end, evidence), = rows(db, "SELECT char_start, char_end, evidence FROM events "
                                       "WHERE doc_id = ?", [doc_id])
    assert start > 1_000_000 and text[start:end] == evidence == LONG_TAIL


def test_yaml_alias_bomb_is_refused_in_one_line(hostile_run):
    """Finding 2: a billion laughs in front matter is refused before it expands."""
    result, db, _folder, names, _ = hostile_run
    _check_run(result, db)
    assert "front matter uses a YAML alias" in _line_for(result, names["alias_bomb"])


def test_file_name_that_is_not_utf8_is_stored(hostile_run):
    """Finding 3: a Latin-1 byte in a file name is spelled \\xe9 in the URL, not a crash."""
    result, db, _folder, _names, _ = hostile_run
    _check_run(result, db)
    assert not [line for line in errors(result) if "release.md" in line]
    (url,), = rows(db, "SELECT url FROM documents WHERE title = 'Gwent Police update 11'")
    assert url.endswith("caf\\xe9-release.md")


def test_deeply_nested_html_is_read_in_linear_time(hostile_run):
    """Finding 4: 30,000 nested <div>s (about two minutes before, quadratically) are read."""
    result, db, folder, names, seconds = hostile_run
    _check_run(result, db)
    _doc_id, text = _stored(db, folder, names["deep_html"])
    assert "A paragraph at the bottom." in text and "Lancashire Constabulary" in text
    assert seconds < 200  # generous: the whole run, on a slow machine


def test_sentence_of_phase_words_finishes(hostile_run):
    """Finding 5: one sentence of 16,000 phase words is cut into bounded pieces."""
    result, db, folder, names, _ = hostile_run
    _check_run(result, db)
    _doc_id, text = _stored(db, folder, names["phase_words"])
    assert text.count("engage") == PHASE_WORDS // 4


def test_utf16_with_bom_is_text(hostile_run):
    """Finding 14: a UTF-16 file with a byte-order mark is decoded, not called binary."""
    result, db, folder, names, _ = hostile_run
    _check_run(result, db)
    _doc_id, text = _stored(db, folder, names["utf16"])
    assert "closer support at the café" in text


def test_windows_1252_text_file_is_decoded_like_html(hostile_run):
    """Finding 15: Windows-1252 .txt decodes as .html does, curly quotes included."""
    result, db, folder, names, _ = hostile_run
    _check_run(result, db)
    _doc_id, text = _stored(db, folder, names["cp1252"])
    assert "\u2018closer\u2019 support, caf\u00e9 style" in text


def test_nul_byte_after_8kb_is_binary(hostile_run):
    """Finding 16: a NUL byte anywhere means binary, not a U+FFFD in the stored text."""
    result, db, _folder, names, _ = hostile_run
    _check_run(result, db)
    line = _line_for(result, names["late_nul"])
    assert "binary file, not text (NUL byte at byte" in line
    assert not rows(db, "SELECT 1 FROM documents WHERE text LIKE '%\ufffd%'")


def test_unreadable_folder_is_named(hostile_run):
    """Finding 17: a subfolder that cannot be read is an error line, and the exit code 1."""
    result, db, _folder, _names, _ = hostile_run
    _check_run(result, db)
    line = _line_for(result, "/locked")
    assert "cannot read folder (Permission denied)" in line


def test_newline_in_file_name_stays_on_one_line(hostile_run):
    """Finding 18: the name is printed with \\n, so its error is one line."""
    result, db, _folder, _names, _ = hostile_run
    _check_run(result, db)
    assert "bad\\nname.txt: empty file" in _line_for(result, "bad\\nname.txt")
    assert not [line for line in result.stderr.splitlines() if line.startswith("name.txt")]


def test_meta_refresh_stub_is_not_a_document(hostile_run):
    """Finding 19: a page that only redirects is named, not stored."""
    result, db, _folder, names, _ = hostile_run
    _check_run(result, db)
    line = _line_for(result, names["meta_refresh"])
    assert "redirect stub (meta refresh to https://example.org/new-home)" in line
    assert not rows(db, "SELECT 1 FROM documents WHERE url LIKE '%stub.html'")


def test_xml_read_as_html_prints_no_warning(hostile_run):
    """Finding 20: bs4's XMLParsedAsHTMLWarning does not reach stderr (and so cron.log)."""
    result, db, _folder, _names, _ = hostile_run
    _check_run(result, db)
    assert "Warning" not in result.stderr and "warnings.warn" not in result.stderr


def test_same_id_twice_is_counted(hostile_run):
    """Finding 21: two files claiming one URL: the first is kept, the other counted."""
    result, db, _folder, _names, _ = hostile_run
    _check_run(result, db)
    (summary,) = result.stdout.splitlines()
    numbers = dict((word, int(count)) for count, word in (
        part.split()[:2] for part in summary.split(";")[0].removeprefix("documents: ")
        .split(", ")))
    assert numbers["duplicates"] == 1
    assert numbers["read"] == sum(numbers[k] for k in (
        "new", "changed", "unchanged", "duplicates", "failed"))
    # a folder that cannot be read is no document: it is counted apart, as a source
    assert summary.endswith("; sources: 1 failed")
    assert numbers["failed"] + 1 == len(errors(result))
    (text,), = rows(db, "SELECT text FROM documents WHERE url = 'https://example.org/same'")
    assert "moved into Engage on 3 April 2024" in text  # copy-a, read first


def test_file_over_the_size_limit_is_refused(hostile_run):
    """A file over MAX_DOCUMENT_BYTES is refused before it is read."""
    result, db, _folder, names, _ = hostile_run
    _check_run(result, db)
    assert "file too large" in _line_for(result, names["too_large"])


def test_total_failure_has_its_own_exit_code(tmp_path):
    """Finding 23: nothing usable at all is exit 4 and a 'failed' run, not 1."""
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.md").write_bytes(b"")
    (folder / "bomb.md").write_text(_billion_laughs(), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result = run_pipeline("ingest", "--source", str(folder), "--db", str(db))
    assert result.returncode == 4, result.stderr
    assert len(errors(result)) == 2 and "Traceback" not in result.stderr
    assert rows(db, "SELECT status, documents_failed FROM runs") == [("failed", 2)]
    assert rows(db, "SELECT count(*) FROM documents") == [(0,)]
