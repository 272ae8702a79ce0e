"""Speakers a text names after a reference to them or through an office given beside a name:
a lead's unnamed title named a few sentences on, a minutes' "(Chair)" after "Cllr", and a
pronoun that opens a sentence whose said-verb comes after another verb."""

from __future__ import annotations

import pytest
from statement_probe import statements_in

QUOTE = '"Nobody from the inspectorate has told us we are going into Engage at all."'


@pytest.mark.parametrize("lead, named", [
    ("Durham Constabulary is out of enhanced monitoring, the county's chief constable has "
     "told a public meeting.", "Ann Webb told about 40 residents on Monday: "),
    ("Kent Police's chief constable has insisted that the force is not heading for special "
     "measures.\n\nThe briefing was written last month. It warns of escalation.",
     "Tim Smith told reporters: "),
    ("The police and crime commissioner has welcomed the decision.",
     "Jo Reed said in a statement: "),
])
def test_a_lead_title_is_the_bare_name_that_speaks_next(lead, named):
    found = statements_in(f"Force news\n\n{lead}\n\n{named}{QUOTE}")
    person = next(iter(found.values()))
    assert len(found) == 1 and person.person_role != "other"


@pytest.mark.parametrize("lead, named", [
    # The title does not speak: it is only mentioned.
    ("The chief constable will attend the meeting next week.", "Tim Smith told reporters: "),
    # The name is described as someone else.
    ("The chief constable has insisted the force is improving.",
     "Jane Brown, who lives in Dover, said: "),
    # Too far on: another story's speaker.
    ("The chief constable has said the force is improving.\n\nOne.\n\nTwo.\n\nThree.\n\n"
     "Four.\n\nFive.", "Tim Smith told reporters: "),
])
def test_near_misses_keep_the_bare_name_other(lead, named):
    found = statements_in(f"Force news\n\n{lead}\n\n{named}{QUOTE}")
    assert [e.person_role for e in found.values()] == ["other"]


MINUTES = ("Minutes of the police and crime panel\n\n"
           "Present: Cllr Colin Hay (Chair), Cllr Ann Bell, Cllr Tom Rees\n\n")


@pytest.mark.parametrize("said", ["The Chair said the panel would want an update in May.",
                                  "The Chair thanked officers and said the panel would meet "
                                  "again in May."])
def test_the_chair_of_an_attendance_line_is_the_councillor_listed_as_chair(said):
    assert list(statements_in(MINUTES + "12.1 " + said)) == ["Colin Hay"]


def test_a_councillor_with_an_office_is_still_the_councillor():
    text = ("Panel hears of backlog\n\nCouncillor Ola Bright, cabinet member for community "
            "safety, said residents had complained for a year. “People have stopped reporting "
            "things because nobody comes,” the councillor added.")
    assert statements_in(text)["Ola Bright"].quote.startswith("People have stopped")


@pytest.mark.parametrize("sentence", [
    'She opened the meeting and told the panel that "we have a lot of work still to do here".',
    'She reminded members that the force had been in Engage since 2022, and told the panel '
    'that "we have a lot of work still to do here".',
    'She reminded the panel that "we have a lot of work still to do here".',
])
def test_a_pronoun_opening_the_sentence_speaks_through_a_later_said_verb(sentence):
    found = statements_in("Chief Constable Jane Doe attended the meeting. " + sentence)
    assert found["Jane Doe"].quote.startswith("we have a lot of work")


def test_a_person_reminded_is_spoken_to_not_speaking():
    found = statements_in('The panel met on Monday. The chair reminded Tim Smith that "the '
                          'panel expects a written answer to this by March".')
    assert "Tim Smith" not in found


def test_a_title_word_for_word_is_the_one_introduced_so_not_another_officer_named_since():
    text = ("Minutes of the panel\n\nIn attendance: Chief Constable Tim Forber, Chief Fire "
            "Officer Jon Dyson\n\n57. The Chief Constable told the panel that the force had "
            "left Engage.\n\n58. The Chief Fire Officer reported that the service had two "
            "causes of concern.")
    found = statements_in(text)
    assert set(found) == {"Tim Forber", "Jon Dyson"}
    assert found["Jon Dyson"].evidence.endswith("The Chief Fire Officer reported that the "
                                                "service had two causes of concern.")
