"""PDF letters and reports: reading order, mended line breaks, the letter's date, clear
errors for files without text."""

from __future__ import annotations

from datetime import date

import pytest
from pdf_maker import build_pdf, wrap

from pipeline.parse import ParseError, iter_source_files, parse_fetched, parse_file, parse_pdf
from tests.conftest import run_cli

URL = "https://inspectorate.example.org/letter.pdf"


def test_paragraphs_in_reading_order_with_broken_words_mended():
    body = build_pdf([[
        ["Letter about progress"],
        wrap("The force has answered the first of our recommendations in full.", 40),
        ["It now records crime with far more accu-", "racy than at our last visit."],
        ["- calls are answered faster", "- victims are kept informed"],
    ]])
    doc = parse_pdf(body, url=URL)
    assert doc.text.split("\n") == [
        "Letter about progress",
        "The force has answered the first of our recommendations in full.",
        "It now records crime with far more accuracy than at our last visit.",
        "- calls are answered faster",
        "- victims are kept informed",
    ]
    assert doc.title == "Letter about progress" and doc.url == URL


def test_a_sentence_over_a_page_break_and_running_heads():
    body = build_pdf([
        [["OFFICIAL"], ["Our inspectors found that the force had made progress in"]],
        [["OFFICIAL"], ["how it supervises investigations."], ["Page 2 of 2"]],
    ])
    doc = parse_pdf(body, url=URL, title_hint="Revisit letter")
    assert doc.text.split("\n") == [
        "Revisit letter",
        "Our inspectors found that the force had made progress in how it supervises "
        "investigations.",
    ]


def test_a_marking_on_a_one_page_letter_and_a_hyphen_before_a_capital():
    body = build_pdf([[["OFFICIAL - SENSITIVE"],
                       ["The force now offers its non-", "English speaking callers an",
                        "interpreter."],
                       ["Official figures follow."]]])
    doc = parse_pdf(body, url=URL, title_hint="Revisit letter")
    assert doc.text.split("\n") == [
        "Revisit letter",
        "The force now offers its non-English speaking callers an interpreter.",
        "Official figures follow.",
    ]


@pytest.mark.parametrize(
    ("paragraphs", "created", "hint", "expected"),
    [
        ([["Date: 18/09/2024"], ["Dear Chief Constable"]], "D:20240901", None, date(2024, 9, 18)),
        ([["Dear Chief Constable"]], "D:20240901120000+01'00'", date(2024, 9, 5),
         date(2024, 9, 5)),  # the listing's date beats the file's creation date
        ([["Dear Chief Constable"]], "D:20240901120000+01'00'", None, date(2024, 9, 1)),
        ([["We inspected the force on 3 May 2024 and found gaps in its work."]], None, None,
         None),  # a date inside a sentence is not the letter's date
    ],
)
def test_publication_date(paragraphs, created, hint, expected):
    body = build_pdf([paragraphs], created=created)
    assert parse_pdf(body, url=URL, published_hint=hint).published_date == expected


def test_metadata_title_unless_a_tool_wrote_it():
    assert parse_pdf(build_pdf([[["Dear Chief Constable"]]], title="Revisit letter: Kent"),
                     url=URL).title == "Revisit letter: Kent"
    assert parse_pdf(build_pdf([[["Dear Chief Constable"]]], title="Microsoft Word - x.docx"),
                     url=URL).title == "Dear Chief Constable"


def test_scanned_and_broken_files_are_one_line_errors():
    with pytest.raises(ParseError) as scanned:
        parse_pdf(build_pdf([[["x"]], [["y"]]], scanned=True), url=URL)
    assert "no text layer" in str(scanned.value) and "2 page(s)" in str(scanned.value)
    with pytest.raises(ParseError) as broken:
        parse_pdf(b"%PDF-1.4\nnot really a pdf", url=URL)
    assert "not a readable PDF" in str(broken.value)
    assert "\n" not in str(scanned.value) + str(broken.value)


def test_local_pdf_files_and_fetched_bytes(tmp_path):
    (tmp_path / "letter.pdf").write_bytes(build_pdf([[["12 November 2024"], ["Dear Sir"]]]))
    (tmp_path / "notes.txt").write_text("Some notes.\n")
    assert [p.name for p in iter_source_files(tmp_path)] == ["letter.pdf", "notes.txt"]
    local = parse_file(tmp_path / "letter.pdf")
    assert local.published_date == date(2024, 11, 12) and local.url.endswith("letter.pdf")
    body = (tmp_path / "letter.pdf").read_bytes()
    # A PDF is read as one whatever the server called it.
    fetched = parse_fetched(body, url=URL, source="web", content_type="application/octet-stream")
    assert fetched.text == local.text


def test_ingest_reports_a_scanned_pdf_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(build_pdf([[["x"]]], scanned=True))
    (folder / "letter.pdf").write_bytes(build_pdf([[["12 November 2024"], wrap(
        "I am writing to confirm that Kent Police has been removed from Engage and returned "
        "to routine monitoring.", 70)]]))
    db = tmp_path / "events.duckdb"
    result = run_cli("ingest", "--source", str(folder), "--db", str(db))
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "scan.pdf" in errors[0] and "no text layer" in errors[0]
    assert "1 new" in result.stdout and "phase_change 1" in result.stdout
