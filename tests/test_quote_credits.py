"""Quotes credited the way press releases and pages set a pull quote: a dash and the name
after the closing mark, a line that is only the name and title, or a blockquote's footer.

Every text here is written for this file. Near-misses: a short sentence about the person
after the quote, and a line that names them and goes on with a verb, credit nothing.
"""

from __future__ import annotations

import pytest

from pipeline.extract import extract_events
from pipeline.parse import parse_html
from tests.statement_probe import quote_of, statements_in

LEAD = ("Avon and Somerset leaves enhanced monitoring\n"
        "Avon and Somerset Constabulary has been returned to routine monitoring.\n")
QUOTE = "“Our officers have turned this force around in under two years of hard work.”"


@pytest.mark.parametrize("credit", [
    " – Chief Constable Sarah Crew",
    " — Sarah Crew, Chief Constable",
    "\n– Chief Constable Sarah Crew",
    "\nSarah Crew, Chief Constable of Avon and Somerset Constabulary",
])
def test_a_credit_after_the_quote_gives_it_a_speaker(credit):
    text = LEAD + QUOTE + credit
    found = statements_in(text)
    assert found["Sarah Crew"].person_role == "chief_constable"
    assert quote_of(found, "Sarah Crew").startswith("Our officers have turned")
    event = found["Sarah Crew"]
    assert "Sarah Crew" in event.evidence and "turned this force" in event.evidence


@pytest.mark.parametrize("after", [
    "\nChief Constable Sarah Crew retired.",
    "\nSarah Crew, Chief Constable of Avon and Somerset Constabulary, retired in the spring",
])
def test_a_line_about_the_person_credits_no_quote(after):
    found = statements_in(LEAD + QUOTE + after)
    assert "Sarah Crew" not in found


def test_a_blockquote_footer_credits_the_quote():
    page = ("<html><head><title>Avon and Somerset leaves enhanced monitoring</title></head>"
            "<body><main><h1>Avon and Somerset leaves enhanced monitoring</h1>"
            "<p>Avon and Somerset Constabulary has been returned to routine monitoring.</p>"
            f"<blockquote><p>{QUOTE}</p><footer>— Chief Constable Sarah Crew</footer>"
            "</blockquote></main><footer><p>Contact us</p></footer></body></html>")
    doc = parse_html(page, url="https://example.org/news/1")
    assert "Contact us" not in doc.text
    said = [(e.person_name, (e.quote or "")[:20]) for e in extract_events(doc)
            if e.event_type == "statement"]
    assert said == [("Sarah Crew", "Our officers have tu")]


def test_a_said_verb_opening_the_next_line_credits_the_quote_ending_this_one():
    """A page that breaks the line after the closing mark: “…,” ¶ said <title> <name>."""
    text = (LEAD + "“Our officers have turned this force around in under two years,”\n"
            "said His Majesty’s Inspector of Constabulary Wendy Williams.\n"
            "“We will keep watching,” she added.\nChief Constable Sarah Crew thanked staff.")
    found = statements_in(text)
    assert quote_of(found, "Wendy Williams").startswith("Our officers have turned")
    assert not quote_of(found, "Sarah Crew")


def test_a_participle_after_a_comma_continues_its_sentence_speaker():
    text = (LEAD + "Chief Constable Sarah Crew said the force had “turned a corner”, adding: "
            "“Our officers have rebuilt how they investigate crime from the ground up.”")
    assert "Our officers have rebuilt how" in quote_of(statements_in(text), "Sarah Crew")


def test_a_new_sentence_with_its_own_said_verb_is_not_continued():
    text = (LEAD + "Chief Constable Sarah Crew said the force had “turned a corner”. A "
            "spokesman for the mayor, speaking later: “We are not yet convinced by any of it.”")
    assert "not yet convinced" not in quote_of(statements_in(text), "Sarah Crew")
