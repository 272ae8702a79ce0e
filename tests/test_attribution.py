"""Who said it, in phrasings the rules were not written against: each mechanism with two or
three phrasings of its own and a near-miss it must leave alone.

Every document here is written for the test. Paragraphs are lines, as the stored text has
them; the first line is a headline.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document, Event

PUBLISHED = date(2024, 6, 12)


def _statements(text: str, published: date | None = PUBLISHED) -> dict[str, Event]:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=published))
    out = {e.person_name: e for e in events if e.event_type == "statement"}
    for event in out.values():
        assert text[event.char_start : event.char_end] == event.evidence
    return out


def _quote(found: dict[str, Event], name: str) -> str:
    return found[name].quote or ""


# A name starts with a letter: the "'S" of an upper-case heading is no one.

def test_an_upper_case_possessive_heading_names_no_one():
    for heading in ("7. COMMISSIONER'S UPDATE ON THE FORCE", "CHIEF CONSTABLE'S REPORT",
                    "ITEM 3 – COMMISSIONER’S ANNUAL REVIEW"):
        text = ("Panel minutes, 4 March 2024\n"
                "Also present: Leo Grant, Police and Crime Commissioner.\n"
                f"{heading}\n"
                "The Commissioner said that two causes of concern had been closed.")
        found = _statements(text)
        assert set(found) == {"Leo Grant"}, heading
        assert found["Leo Grant"].person_role == "police_and_crime_commissioner"
    near_miss = ("Kent update\n"
                 "Chief Constable Siobhan O'Doherty said the force had improved.")
    assert set(_statements(near_miss)) == {"Siobhan O'Doherty"}


# Captions: a marker and one more word ("Image caption:") is a caption too.

@pytest.mark.parametrize("marker", ["Image caption:", "Photo credit -", "Picture caption:"])
def test_a_two_word_caption_marker_makes_no_speaker(marker):
    text = ("Kent Police leaves special measures\n"
            "Kent Police has left special measures, the inspectorate said.\n"
            f"{marker} PCC Leo Grant said the force had earned \"a little breathing space\"")
    assert _statements(text) == {}
    story = text.replace(f"{marker} ", "")
    assert set(_statements(story)) == {"Leo Grant"}


# An inverted said-verb ("said Jane Doe", "said he") follows a quote, a comma or a dash;
# after "and said" the name or pronoun is the subject of the words reported.

@pytest.mark.parametrize("verb_clause", [
    "and said he would raise it with the minister",
    "and said she wanted answers by the summer",
    "but said Chief Constable Amira Shah had been candid with residents",
])
def test_and_said_then_a_pronoun_is_no_attribution(verb_clause):
    text = ("Kent Police placed in special measures\n"
            "Sam Clarke, who chairs Kent Police Federation, warned that officers were "
            "\"running on empty\".\n"
            "The Conservative MP for the Weald, Tom Lee, called the decision \"deeply "
            f"troubling\" {verb_clause}.")
    found = _statements(text)
    assert "deeply troubling" in _quote(found, "Tom Lee")
    assert "deeply troubling" not in _quote(found, "Sam Clarke")
    near_miss = ("Kent update\n"
                 "“We are proud of every officer in this force,” said he, and sat down.")
    assert _statements(near_miss) == {}


def test_an_inverted_verb_after_a_quote_still_names_its_speaker():
    for attribution in (",” said Chief Constable Amira Shah.", ",” said Amira Shah, the "
                        "chief constable.", ",” added Chief Constable Amira Shah."):
        text = ("Kent update\n"
                "Chief Constable Amira Shah took questions.\n"
                f"“We are proud of every officer in this force{attribution}")
        assert "proud of every officer" in _quote(_statements(text), "Amira Shah"), attribution


# Questions and assurances are words reported too.

@pytest.mark.parametrize("sentence", [
    "Councillor Ruth Hale asked whether the force would leave Engage this year.",
    "Councillor Ruth Hale referred to the latest figures and asked for a written answer.",
    "Councillor Ruth Hale assured residents that the panel would keep watching.",
])
def test_a_question_or_an_assurance_is_reported_speech(sentence):
    found = _statements("Panel minutes\n" + sentence)
    assert set(found) == {"Ruth Hale"}
    assert found["Ruth Hale"].quote is None


def test_an_assurance_passed_on_is_quoted_by_its_giver():
    text = ("Kent update\n"
            "PCC Leo Grant said the panel would keep up its scrutiny. He added that Chief "
            "Constable Amira Shah had assured him the force would not \"take its eye off the "
            "victims for one moment\".")
    found = _statements(text)
    assert "take its eye off the victims" in _quote(found, "Amira Shah")
    assert "take its eye off" not in _quote(found, "Leo Grant")


def test_a_person_asked_to_do_something_is_not_a_speaker():
    for sentence in ("Chief Constable Amira Shah was asked to attend the next meeting.",
                     "The panel asked Chief Constable Amira Shah for a written update."):
        assert _statements("Panel minutes\n" + sentence) == {}, sentence


# A relative pronoun is the person its clause is about.

@pytest.mark.parametrize("lead", [
    "I have sought the views of the Chief Constable, Amira Shah, who has responded as "
    "follows:",
    "We wrote to the force's chief constable, Amira Shah, who replied:",
    "The panel heard from Chief Constable Amira Shah, who said:",
])
def test_a_relative_pronoun_is_the_person_before_it(lead):
    text = ("PCC response to the inspection\n"
            f"{lead}\n"
            "“We accept every finding in the report and have already begun the work.”")
    assert "accept every finding" in _quote(_statements(text), "Amira Shah"), lead


def test_a_relative_clause_without_a_said_verb_reports_nothing():
    text = ("Kent update\n"
            "The panel thanked the chief constable, Amira Shah, who joined the force in "
            "2021.")
    assert _statements(text) == {}


# A possessor before a title belongs to it: "The county's police and crime commissioner".

@pytest.mark.parametrize("introduction", [
    "The county's police and crime commissioner, Leo Grant, rejected the claim.",
    "The force's chief constable, Leo Grant, dismissed the suggestion.",
    "London's Deputy Mayor for Policing, Leo Grant, disagreed.",
])
def test_a_pronoun_after_a_title_with_a_possessor(introduction):
    text = ("Kent Police could face special measures, MP warns\n"
            "MP Tom Lee said: “Residents are waiting far too long for anyone to come.”\n"
            f"{introduction} “The force is improving month by month, and the figures show "
            "it,” he said.")
    found = _statements(text)
    assert "improving month by month" in _quote(found, "Leo Grant"), introduction
    assert "improving month by month" not in _quote(found, "Tom Lee"), introduction


# References: the rank modifiers of a title decide who it refers to.

def test_the_mayor_is_not_the_deputy_mayor():
    text = ("Mayor responds to the inspection\n"
            "The Mayor of London, Leo Grant, and the Deputy Mayor for Policing and Crime, "
            "Sophie Reid, responded to the decision.\n"
            "Deputy Mayor for Policing Sophie Reid said: “Today is a real milestone for every "
            "Londoner.”\n"
            "The Mayor said the decision was welcome but warned that \"there is still a long "
            "road ahead\".\n"
            "The Deputy Mayor added that the figures would be published monthly.")
    found = _statements(text)
    assert "still a long road ahead" in _quote(found, "Leo Grant")
    assert "long road" not in _quote(found, "Sophie Reid")
    assert "published monthly" in found["Sophie Reid"].evidence or (
        "real milestone" in _quote(found, "Sophie Reid"))


def test_a_deputy_commissioner_is_not_a_police_and_crime_commissioner():
    text = ("Committee minutes\n"
            "Guests:\n"
            "- Dame Ada Brook DBE QPM, Deputy Commissioner, Metropolitan Police Service;\n"
            "- Sophie Reid, Deputy Mayor for Policing and Crime.\n"
            "The Deputy Commissioner told the Committee that one cause of concern had been "
            "closed.")
    found = _statements(text)
    assert set(found) == {"Ada Brook"}
    assert found["Ada Brook"].person_role == "deputy_chief_constable"


def test_the_chief_inspector_may_be_the_inspectorate_s():
    text = ("Force leaves special measures\n"
            "The Chief Inspector has outlined his assessment of the force's progress.\n"
            "“I want to thank the Chief Inspector, Andy Cooke, for his support,” said Chief "
            "Constable Amira Shah.")
    found = _statements(text)
    assert found["Andy Cooke"].person_role == "hm_chief_inspector"
    assert found["Andy Cooke"].evidence.startswith("The Chief Inspector has outlined")
