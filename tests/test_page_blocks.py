"""A page says the same thing whether it arrives as markup or as a text copy of it.

Pages set a label and its value in blocks of their own ("Kent Police" / "Entered Engage" /
"2021"), and letters put the sign-off and the name on one line or on two. Every page here is
written for this file. Near-misses: list items and table rows stay lines of their own, a
sentence is never joined to the label after it, and a long line that opens with "Kind
regards" is no signature.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.parse import parse_html
from pipeline.parse.layout import join_fragments
from pipeline.parse.text import parse_text

INTRO = "<h1>Forces in enhanced monitoring</h1><p>These forces are in Engage at present.</p>"
REASON = "<ul><li>The force does not answer emergency calls quickly enough.</li></ul>"

# One force's entry on a listing page, in the shapes sites give it.
ENTRY_SHAPES = {
    "heading and paragraphs": "<h3>Gwent Police</h3><p>Entered Engage</p><p>2022</p>"
                              "<h4>Reasons</h4>" + REASON,
    "definition list": "<h3>Gwent Police</h3><dl><dt>Entered Engage</dt><dd>2022</dd></dl>"
                       + REASON,
    "divisions": "<div><div>Gwent Police</div><div>Entered Engage</div><div>2022</div></div>"
                 + REASON,
    "bold labels": "<h3>Gwent Police</h3><p><b>Entered Engage</b></p><p>2022</p>" + REASON,
    "label and value": "<h3>Gwent Police</h3><p><b>Entered Engage:</b> 2022</p>" + REASON,
}


def _page(body: str) -> str:
    return f"<html><head><title>Engage</title></head><body><main>{body}</main></body></html>"


def _moves(doc: Document) -> list[tuple[str, str, date | None]]:
    return [(e.force_id, e.phase_to, e.event_date) for e in extract_events(doc)
            if e.event_type == "phase_change"]


@pytest.mark.parametrize("shape", list(ENTRY_SHAPES))
def test_a_listing_entry_in_markup_is_a_dated_move(shape):
    doc = parse_html(_page(INTRO + ENTRY_SHAPES[shape]), url="https://example.org/engage")
    assert _moves(doc) == [("gwent-police", "engage", date(2022, 1, 1))]


def test_the_markup_and_a_text_copy_give_the_same_lines():
    html = parse_html(_page(INTRO + ENTRY_SHAPES["heading and paragraphs"]),
                      url="https://example.org/engage")
    text = parse_text("Engage\n\nForces in enhanced monitoring\nThese forces are in Engage at "
                      "present.\nGwent Police\nEntered Engage\n2022\nReasons\n- The force does "
                      "not answer emergency calls quickly enough.", url="https://example.org/e")
    assert html.text.split("\n")[-3:] == text.text.split("\n")[-3:] == [
        "These forces are in Engage at present.", "Gwent Police Entered Engage 2022 Reasons",
        "- The force does not answer emergency calls quickly enough."]


def test_fragments_join_but_sentences_items_and_rows_do_not():
    lines = ["Our findings", "The force has improved.", "Gwent Police", "Entered Engage",
             "- Call handling", "Open", "Force | Phase", "Kent Police | Scan", "Status"]
    assert join_fragments(lines) == [
        "Our findings", "The force has improved.", "Gwent Police Entered Engage",
        "- Call handling", "Open", "Force | Phase", "Kent Police | Scan", "Status"]


def test_a_short_heading_before_prose_stays_a_line_of_its_own():
    doc = parse_html(_page("<h2>Background</h2><p>Gwent Police was moved into Engage in "
                           "March 2022.</p>"), url="https://example.org/b")
    assert doc.text.split("\n")[1:] == [
        "Background", "Gwent Police was moved into Engage in March 2022."]


def test_a_year_after_a_label_colon_dates_the_move():
    doc = Document(url="https://example.org/t", title="Forces in Engage",
                   text="Forces in Engage\nGwent Police Entered Engage: 2022",
                   published_date=date(2024, 5, 1))
    assert _moves(doc) == [("gwent-police", "engage", date(2022, 1, 1))]


# Letters: the sign-off and the name on one line, as copies and pages often set them.

BODY = ("Dear Chief Constable,\nI write after our revisit of Gwent Police in May.\n"
        "I am glad to say that the force has done enough to return to Scan.")
TITLE = "His Majesty's Inspector of Constabulary"


def _signatories(doc: Document) -> list[tuple[str, str]]:
    return [(e.person_name, e.person_role) for e in extract_events(doc)
            if e.event_type == "statement"]


@pytest.mark.parametrize("sign_off", ["Yours sincerely,", "Yours faithfully", "Kind regards,"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_sign_off_on_the_name_line_signs_a_text_copy(sign_off, gap):
    raw = f"Revisit letter\n\n{BODY}\n{sign_off}{gap}Priya Raman\n{TITLE}"
    doc = parse_text(raw, url="https://example.org/letter")
    assert _signatories(doc) == [("Priya Raman", "hm_inspector")]


def test_a_sign_off_in_its_own_block_signs_a_page():
    body = "".join(f"<p>{line}</p>" for line in BODY.split("\n"))
    doc = parse_html(_page(f"<h1>Revisit letter</h1>{body}<p>Yours sincerely,</p>"
                           f"<p>Priya Raman</p><p>{TITLE}</p>"), url="https://example.org/l")
    assert _signatories(doc) == [("Priya Raman", "hm_inspector")]


def test_a_long_line_opening_with_a_sign_off_is_no_signature():
    raw = (f"Revisit letter\n\n{BODY}\n\nKind regards to Priya Raman and the team who "
           "carried out the revisit.")
    doc = parse_text(raw, url="https://example.org/letter")
    assert _signatories(doc) == []


# Pages built the way many council, commissioner and inspectorate sites build them.

def test_a_page_wrapped_in_a_form_keeps_its_story():
    page = ("<html><head><title>Panel news</title></head><body><form method='post' "
            "action='./news.aspx'><input type='hidden' name='__VIEWSTATE' value='x'>"
            "<div id='header'><ul><li><a href='/'>Home</a></li></ul></div>"
            "<div class='col-main'><h1>Gwent Police leaves Engage</h1><p>Gwent Police has "
            "been returned to routine monitoring, the commissioner said.</p></div>"
            "<div class='search'><input type='text'><input type='submit' value='Go'></div>"
            "</form></body></html>")
    doc = parse_html(page, url="https://example.org/news.aspx")
    assert "returned to routine monitoring" in doc.text
    assert _moves(doc)[0][:2] == ("gwent-police", "scan")


def test_a_skip_link_marks_where_the_story_starts():
    page = ("<html><head><title>News</title></head><body><a href='#main-story'>Skip to "
            "content</a><div class='topbar'><p>Sign up to our newsletter for updates.</p>"
            "</div><div id='main-story'><h1>Gwent Police leaves Engage</h1><p>The force has "
            "left enhanced monitoring.</p></div></body></html>")
    doc = parse_html(page, url="https://example.org/n")
    assert "newsletter" not in doc.text and "left enhanced monitoring" in doc.text


def test_an_accordion_heading_keeps_its_button_text():
    page = _page(INTRO + "<div class='accordion'><h2><button type='button' aria-expanded="
                 "'false'>Gwent Police</button></h2><div hidden><dl><dt>Date entered</dt>"
                 "<dd>March 2022</dd></dl>" + REASON
                 + "</div></div><p><button>Show all</button></p>")
    doc = parse_html(page, url="https://example.org/engage")
    assert "Gwent Police" in doc.text and "Show all" not in doc.text
    assert ("gwent-police", "engage", date(2022, 3, 1)) in _moves(doc)


@pytest.mark.parametrize("body, published", [
    # A date in a field ("Date entered") dates what the page reports, not the page.
    ("<h1>Forces in Engage</h1><dl><dt>Date entered</dt><dd><time datetime='2022-06-27'>27 "
     "June 2022</time></dd></dl><p>Posted <time datetime='2024-11-14'>14 November 2024</time>"
     "</p>", date(2024, 11, 14)),
    # "Last updated" moves on with every edit.
    ("<h1>Forces in Engage</h1><p>These forces are in Engage.</p><p>Page last updated: <time "
     "datetime='2024-11-14'>14 November 2024</time></p>", None),
    # A time marked as the publication wins over a date in a sentence.
    ("<h1>Gwent Police leaves Engage</h1><p>It entered Engage on <time datetime='2022-03-04'>"
     "4 March 2022</time>.</p><span class='posted-on'><time class='entry-date published' "
     "datetime='2024-05-01'>1 May 2024</time></span>", date(2024, 5, 1)),
])
def test_which_time_dates_the_page(body, published):
    assert parse_html(_page(body), url="https://example.org/e").published_date == published


def test_entries_far_from_the_intro_still_read_the_headline_phase():
    reasons = "".join(f"<li>Reason number {n} about the way the force works.</li>"
                      for n in range(1, 6))
    page = _page("<h1>Forces in Engage</h1><p>These forces are in Engage.</p>"
                 f"<h3>Gwent Police</h3><dl><dt>Date entered</dt><dd>4 March 2022</dd></dl>"
                 f"<ul>{reasons}</ul><h3>Dyfed-Powys Police</h3><dl><dt>Date entered</dt>"
                 f"<dd>9 May 2023</dd></dl><ul>{reasons}</ul>")
    doc = parse_html(page, url="https://example.org/engage")
    assert ("dyfed-powys-police", "engage", date(2023, 5, 9)) in _moves(doc)


def test_a_date_entered_column_beside_a_return_to_scan_column_is_the_entry():
    doc = Document(url="https://example.org/t", title="Engage tracker", text=(
        "Engage tracker\nForce | Date entered | Returned to Scan\n"
        "Gwent Police | 8 September 2022 | 20 March 2024"), published_date=date(2024, 6, 1))
    assert sorted(_moves(doc)) == [("gwent-police", "engage", date(2022, 9, 8)),
                                   ("gwent-police", "scan", date(2024, 3, 20))]


def test_a_table_that_names_no_phase_tracks_no_move():
    doc = Document(url="https://example.org/t", title="Collaboration members", text=(
        "Collaboration members\nForce | Joined | Left\nGwent Police | 2019 | 2023"),
        published_date=date(2024, 6, 1))
    assert _moves(doc) == []


def _items(doc: Document) -> set[tuple[str, str, str | None]]:
    return {(e.force_id, e.subject, e.status) for e in extract_events(doc)
            if e.event_type == "recommendation" and e.count_total is None}


def test_a_listing_pages_reasons_are_open_causes_of_concern_with_their_badges():
    page = _page("<h1>Forces in Engage</h1><p>These forces are in Engage at present, with "
                 "the causes of concern that led to it.</p><h3>Gwent Police</h3><dl><dt>Date "
                 "entered</dt><dd>March 2022</dd><dt>Responsible HMI</dt><dd>Jo Bloggs</dd>"
                 "</dl><p><b>Causes of concern</b></p><p>4</p><p><b>Reasons</b></p><ul>"
                 "<li>Answering emergency calls quickly <span class='badge'>Closed</span></li>"
                 "<li>Supervising investigations properly <span class='badge'>Open</span></li>"
                 "<li>Recording crime accurately</li></ul>")
    items = _items(parse_html(page, url="https://example.org/engage"))
    assert items == {("gwent-police", "Answering emergency calls quickly", "closed"),
                     ("gwent-police", "Supervising investigations properly", "open"),
                     ("gwent-police", "Recording crime accurately", "open")}


def test_a_capitalised_word_that_is_no_status_stays_in_the_subject():
    page = _page("<h1>Forces in Engage</h1><p>These forces are in Engage at present.</p>"
                 "<h3>Gwent Police</h3><p><b>Reasons</b></p><ul><li>Protecting people who "
                 "call 101 from Newport</li><li>Managing registered sex offenders</li></ul>")
    items = _items(parse_html(page, url="https://example.org/engage"))
    assert ("gwent-police", "Protecting people who call 101 from Newport", "open") in items
