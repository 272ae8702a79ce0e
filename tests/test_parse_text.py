"""Text and Markdown documents: which line breaks end a paragraph and which only wrap it.

Pages copied as text keep one block element per line (site name, breadcrumb, date line,
paragraph), often with no blank lines at all, and front matter is followed by a blank line;
Markdown written by hand is wrapped to a margin. Both must come out one paragraph per line.
"""

from __future__ import annotations

from pipeline.parse.text import _paragraphs, parse_text

FRONT = "---\ntitle: Kent Police leaves Engage\nurl: https://example.org/kent\n---\n\n"


def test_page_lines_stay_apart_after_front_matter():
    body = ("Kent Police leaves Engage\n"
            "Office of the Police and Crime Commissioner for Kent\n"
            "Home / News / Kent Police leaves Engage\n"
            "Published on: 3 May 2024\n"
            "The inspectorate has moved Kent Police back to routine monitoring.\n"
            "The commissioner welcomed the decision.\n")
    document = parse_text(FRONT + body, url="kent.md")
    assert document.text.split("\n") == [
        "Kent Police leaves Engage",
        "Office of the Police and Crime Commissioner for Kent",
        "Home / News / Kent Police leaves Engage",
        "Published on: 3 May 2024",
        "The inspectorate has moved Kent Police back to routine monitoring.",
        "The commissioner welcomed the decision.",
    ]


def test_a_sentence_broken_mid_way_is_joined():
    assert _paragraphs("The force has closed two of its\nthree causes of concern.\nNext.") == [
        "The force has closed two of its three causes of concern.", "Next."]


def test_a_paragraph_wrapped_to_a_margin_is_one_paragraph():
    body = ("Inspectors returned to the force in the spring and found that the\n"
            "Chief Constable had made the changes the inspectorate asked for. The\n"
            "force will now leave enhanced monitoring.\n\nA second paragraph.")
    assert _paragraphs(body) == [
        "Inspectors returned to the force in the spring and found that the Chief Constable "
        "had made the changes the inspectorate asked for. The force will now leave enhanced "
        "monitoring.", "A second paragraph."]


def test_the_cells_of_a_table_row_are_read_together():
    body = "Forces in Engage\nDorset Police\nEntered Engage\n2023\nReasons\n- Call handling."
    assert _paragraphs(body) == ["Forces in Engage Dorset Police Entered Engage 2023 Reasons",
                                 "- Call handling."]


def test_list_items_and_closed_lines_never_join():
    body = "Two causes of concern remain:\n- crime recording\n- call handling\nThe end."
    assert _paragraphs(body) == ["Two causes of concern remain:", "- crime recording",
                                 "- call handling", "The end."]
    assert _paragraphs("Share this page\nFacebook\nThe force said it was pleased.") == [
        "Share this page Facebook", "The force said it was pleased."]


def test_word_processor_bullets_are_list_items():
    assert _paragraphs("The causes of concern are:\no  call handling\no\tcrime recording") == [
        "The causes of concern are:", "- call handling", "- crime recording"]
