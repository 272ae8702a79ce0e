"""Tables in web pages: each row one line, its cells joined by " | ", columns kept in place.

Pages written for this file. Near-misses: a table used to lay a page out (by its role, or
by cells that hold whole passages) keeps its paragraphs as lines of their own.
"""

from __future__ import annotations

import time
from datetime import date

from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.parse import parse_html


def _page(body: str) -> str:
    return f"<html><head><title>Update</title></head><body><main>{body}</main></body></html>"


def _lines(body: str) -> list[str]:
    return parse_html(_page(body), url="https://example.org/update").text.split("\n")


def test_a_row_is_one_line_of_cells():
    lines = _lines("<h1>Forces in Engage</h1><table>"
                   "<tr><th>Force</th><th>Entered</th><th>Left</th></tr>"
                   "<tr><td>Cleveland Police</td><td>September 2019</td><td>October 2023</td></tr>"
                   "</table><p>Source: the inspectorate.</p>")
    assert lines == ["Forces in Engage", "Force | Entered | Left",
                     "Cleveland Police | September 2019 | October 2023",
                     "Source: the inspectorate."]


def test_line_breaks_in_the_markup_of_a_table_split_no_row():
    lines = _lines("<table>\n  <tr>\n    <th>Force</th>\n    <th>Phase</th>\n  </tr>\n"
                   "  <tr>\n    <td>Greater Manchester\n      Police</td>\n    <td>Scan</td>\n"
                   "  </tr>\n</table>")
    assert lines[1:] == ["Force | Phase", "Greater Manchester Police | Scan"]


def test_markup_inside_a_cell_stays_on_the_cell_s_line():
    lines = _lines("<table><tr><th>Area</th><th>Progress</th></tr><tr>"
                   "<td><a href='/x'>Crime <strong>recording</strong></a></td>"
                   "<td><p>Audit done.</p><p>Training<br>under way</p></td></tr>"
                   "<tr><td>Custody</td><td><ul><li>new cells</li><li>more staff</li></ul></td>"
                   "</tr></table>")
    assert lines[1:] == ["Area | Progress", "Crime recording | Audit done. Training under way",
                         "Custody | new cells more staff"]


def test_empty_cells_and_spans_keep_the_columns_in_place():
    lines = _lines("<table><tr><th>Ref</th><th>Owner</th><th>Finding</th><th>Status</th></tr>"
                   "<tr><td>R1</td><td></td><td>Vetting</td><td>Open</td></tr>"
                   "<tr><td>R2</td><td>&nbsp;</td><td>Custody</td><td></td></tr>"
                   "<tr><td colspan='2'>R3 (joint)</td><td>Call handling</td><td>Closed</td></tr>"
                   "</table>")
    rows = [line.split(" | ") for line in lines[1:]]
    assert [len(row) for row in rows] == [4, 4, 4, 4]
    assert [row[2] for row in rows] == ["Finding", "Vetting", "Custody", "Call handling"]
    assert rows[1][1] == rows[2][1] == rows[2][3] == "–"


def test_a_span_beyond_any_real_table_is_bounded():
    lines = _lines("<table><tr><td colspan='100000000'>Wide</td><td>Next</td></tr>"
                   "<tr><td colspan='x'>Odd</td><td>Next</td></tr></table>")
    assert len(lines[1].split(" | ")) < 100 and lines[2] == "Odd | Next"


def test_a_table_inside_a_list_or_a_div_is_read_the_same_way():
    lines = _lines("<ul><li>Dates for each force:<table><tr><td>Kent Police</td>"
                   "<td>May 2022</td></tr></table></li><li>Another point</li></ul>"
                   "<div><div><table><tr><td>Dorset Police</td><td>June 2023</td></tr>"
                   "</table></div></div>")
    assert lines[1:] == ["- Dates for each force:", "Kent Police | May 2022", "- Another point",
                         "Dorset Police | June 2023"]


def test_a_caption_and_a_table_inside_a_cell_keep_the_row_whole():
    lines = _lines("<table><caption>Causes of concern</caption><tr><td>Vetting</td><td>"
                   "<table><tr><td>2022</td><td>Open</td></tr></table></td></tr></table>")
    assert lines[1:] == ["Causes of concern", "Vetting | 2022 Open"]


def test_a_data_table_inside_a_page_column_keeps_its_rows():
    # A committee page laid out in a table (no role): the column holds the minutes, and
    # the table of recommendations inside it is still a table, one row a line.
    minutes = "".join(f"<p>Minute {n} of the meeting.</p>" for n in range(4))
    inner = ("<table><tr><th>Ref</th><th>Recommendation</th><th>Status</th></tr>"
             "<tr><td>R2</td><td>Answer 101 calls sooner</td><td>Closed</td></tr></table>")
    lines = _lines(f"<table><tr><td>{minutes}{inner}<p>The panel noted it.</p></td>"
                   "<td>Navigation</td></tr></table>")
    assert lines[1:] == [f"Minute {n} of the meeting." for n in range(4)] + [
        "Ref | Recommendation | Status", "R2 | Answer 101 calls sooner | Closed",
        "The panel noted it.", "Navigation"]


def test_a_cell_spanning_rows_belongs_to_each_row_it_covers():
    lines = _lines("<table><tr><th>Force</th><th>Entered</th><th>Left</th></tr>"
                   "<tr><td rowspan='2'>Cleveland Police</td><td>2019</td><td>2023</td></tr>"
                   "<tr><td>2024</td><td rowspan='2'>–</td></tr>"
                   "<tr><td>Dorset Police</td><td>2025</td></tr></table>")
    assert lines[1:] == ["Force | Entered | Left", "Cleveland Police | 2019 | 2023",
                         "Cleveland Police | 2024 | –", "Dorset Police | 2025 | –"]


def test_a_span_of_zero_or_nonsense_rows_is_one_row():
    lines = _lines("<table><tr><td rowspan='0'>A</td><td>B</td><td>C</td></tr>"
                   "<tr><td rowspan='x'>D</td><td>E</td><td>F</td></tr></table>")
    assert lines[1:] == ["A | B | C", "D | E | F"]


def test_a_layout_table_keeps_its_paragraphs_apart():
    lines = _lines("<table role='presentation'><tr><td><p>The force has left Engage.</p>"
                   "<p>Its chief constable welcomed the news.</p></td><td><p>Contact us</p>"
                   "</td></tr></table>")
    assert lines[1:] == ["The force has left Engage.", "Its chief constable welcomed the news.",
                         "Contact us"]


def test_a_cell_holding_whole_passages_is_a_page_column():
    passages = "".join(f"<p>Paragraph {n} of the story.</p>" for n in range(5))
    lines = _lines(f"<table><tr><td>{passages}</td><td><p>Related links</p></td></tr></table>")
    assert lines[1:] == [f"Paragraph {n} of the story." for n in range(5)] + ["Related links"]


def test_a_cell_with_a_heading_is_a_page_column():
    lines = _lines("<table><tr><td><h2>Force leaves Engage</h2><p>The force has left it.</p>"
                   "</td><td>Links</td></tr></table>")
    assert lines[1:] == ["Force leaves Engage", "The force has left it.", "Links"]


def test_the_extractor_reads_an_html_findings_table():
    page = _page("<p>The panel received an update from Essex Police.</p><table>"
                 "<tr><th>Ref</th><th>Lead</th><th>Recommendation</th><th>Status</th></tr>"
                 "<tr><td>1</td><td></td><td>Improve the supervision of stalking cases</td>"
                 "<td>Closed</td></tr>"
                 "<tr><td>2</td><td>Ops</td><td>Make sure victims hear about delays</td>"
                 "<td>In progress</td></tr></table>")
    document = parse_html(page, url="https://example.org/panel")
    events = extract_events(Document(url=document.url, title="", text=document.text,
                                     published_date=date(2024, 3, 1)))
    items = {(e.subject.lower(), e.status) for e in events
             if e.event_type == "recommendation" and e.subject}
    assert ("improve the supervision of stalking cases", "closed") in items
    assert ("make sure victims hear about delays", "open") in items


def test_deeply_nested_tables_and_cells_are_read_in_linear_time():
    depth = 20_000
    page = _page(f"<p>Top.</p>{'<table><tr><td>' * depth}<p>Bottom.</p>"
                 f"{'</td></tr></table>' * depth}")
    started = time.monotonic()
    document = parse_html(page, url="https://example.org/deep")
    assert time.monotonic() - started < 30
    assert "Top." in document.text and "Bottom." in document.text


def test_a_passage_spanning_rows_is_not_repeated():
    passage = "The force has made progress. " * 15
    lines = _lines(f"<table><tr><td rowspan='3'>{passage}</td><td>A</td><td>B</td></tr>"
                   "<tr><td>C</td><td>D</td></tr></table>")
    assert lines[1:] == [f"{passage.strip()} | A | B", "– | C | D"]
