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
