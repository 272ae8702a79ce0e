"""Who speaks, in the ways news copy and minutes name people: informal titles, a role given
by the force a person led, an unnamed officer described by their force, a title in
parentheses referred back to later, and the force a statement is filed under.

Every document here is written for the test; the first line is a headline.
"""

from __future__ import annotations

import pytest

from tests.statement_probe import statements_in

# Informal titles: the papers' names for a chief constable.

@pytest.mark.parametrize("sentence", [
    "Kent's top cop Amira Shah said the findings were a fair picture of the force.",
    "Police chief Amira Shah told reporters the force had changed for good.",
    "Kent police boss Amira Shah admitted the force had been too slow to act.",
    "“We listened and we changed,” said force chief Amira Shah.",
])
def test_informal_titles_of_a_chief_constable(sentence):
    found = statements_in("Kent Police leaves enhanced monitoring\n" + sentence)
    assert found["Amira Shah"].person_role == "chief_constable"
    assert found["Amira Shah"].force_id == "kent-police"


def test_police_chiefs_in_general_are_no_one():
    found = statements_in("Kent Police leaves enhanced monitoring\n"
                        "Police chiefs across the region said the decision was overdue.")
    assert found == {}


# A role given by the force a person leads.

@pytest.mark.parametrize("sentence,role,force", [
    ("“It sharpens everyone's focus,” said Mark Ellis, who led Cleveland Police through its "
     "final year in Engage.", "chief_constable", "cleveland-police"),
    ("Mark Ellis, who heads the Met, said the force was no longer the one inspectors found.",
     "commissioner", "metropolitan-police-service"),
    ("Mark Ellis, who was head of Durham Constabulary until last year, said the process "
     "worked.", "chief_constable", "durham-constabulary"),
])
def test_a_person_who_leads_a_force_is_its_chief_officer(sentence, role, force):
    found = statements_in("Special measures explained\n" + sentence)
    assert found["Mark Ellis"].person_role == role
    assert found["Mark Ellis"].force_id == force


@pytest.mark.parametrize("sentence", [
    "Mark Ellis, who leads Kent Police's vetting team, said the backlog had halved.",
    "Mark Ellis, who led the review of Kent Police, said the force had listened.",
])
def test_a_person_who_leads_something_of_a_force_is_not_its_chief(sentence):
    found = statements_in("Kent Police leaves enhanced monitoring\n" + sentence)
    assert found["Mark Ellis"].person_role == "other"


# Unnamed officers are no one, even when their force comes first.

@pytest.mark.parametrize("sentence", [
    "One Met sergeant, who did not want to be named, said: “Very little has changed for us "
    "on the ground this year.”",
    "Another Met constable said: “Nobody has told us what any of this means for our shifts.”",
])
def test_an_officer_described_only_by_force_is_no_speaker(sentence):
    assert statements_in("The Met leaves special measures\n" + sentence) == {}


def test_a_named_met_sergeant_still_speaks():
    found = statements_in("The Met leaves special measures\n"
                        "Met sergeant Jane Doe said: “Very little has changed for us on the "
                        "ground this year.”")
    assert found["Jane Doe"].quote.startswith("Very little has changed")


# A title used alone refers to the person introduced with it, not to anyone of role other.

def test_the_chair_is_the_person_introduced_as_chair():
    text = ("Audit committee minutes\n"
            "Members: Mr P Olsen (Chair), Ms T Ruiz\n"
            "Officers: Superintendent Dev Rao; Head of Finance\n"
            "4.2 The Chair noted that the force had left Engage in the spring.")
    found = statements_in(text)
    assert "P Olsen" in found
    assert "Dev Rao" not in found


def test_the_superintendent_is_not_the_councillor_named_since():
    text = ("Kent Police panel\n"
            "Superintendent Ann Lee and Councillor Bob Hart attended the meeting.\n"
            "The superintendent said the force had cleared its backlog.")
    found = statements_in(text)
    assert set(found) == {"Ann Lee"}


# A letter signed with the writer's title, on the name's line or the next.

@pytest.mark.parametrize("signature", [
    "Jane Hollis, HM Inspector of Constabulary",
    "Jane Hollis HM Inspector of Constabulary",
    "Jane Hollis QPM\nHM Inspector of Constabulary",
])
def test_a_signature_with_an_inspectors_title(signature):
    text = ("Letter to the chief constable\n"
            "Dear Chief Constable,\n"
            "I am writing to confirm my decision to return the force to routine monitoring.\n"
            f"Yours sincerely\n{signature}")
    found = statements_in(text)
    assert set(found) == {"Jane Hollis"}
    assert found["Jane Hollis"].person_role == "hm_inspector"
    assert found["Jane Hollis"].quote is None


# A letter cut off before its sign-off: the titled sender above the greeting wrote it, not
# the person greeted; a page that is no letter has no writer.
_LETTERHEAD = ("Revisit letter\nRoy Wilsher OBE\nHM Inspector of Constabulary\n3 May 2024\n"
               "Chief Constable Andy Marsh\nAvon and Somerset Constabulary\nDear Andy,\n"
               "Crime recording: revisit\nI am writing to tell you what we found when we "
               "returned to the force in April.")


def test_the_sender_above_the_greeting_wrote_the_letter():
    found = statements_in(_LETTERHEAD)
    assert set(found) == {"Roy Wilsher"} and found["Roy Wilsher"].person_role == "hm_inspector"


@pytest.mark.parametrize("text", [
    _LETTERHEAD.replace("I am writing to tell you", "The force has told us"),
    _LETTERHEAD.replace("Dear Andy,", "Summary"),
])
def test_no_greeting_or_no_first_person_no_writer(text):
    assert "Roy Wilsher" not in statements_in(text)


# Minutes name their members once, in the attendance line; "Mr Rees asked" later is one of
# them. Being listed is not speaking.
_MINUTES = ("Members: Cllr Ann Booth (Chair), Mr T Rees, Mrs P Ogden\n"
            "Apologies: Ms K Lloyd\n"
            "5.1 Mr Rees asked how many of the recommendations were overdue.\n"
            "5.2 Members noted the report.")


def test_a_member_named_in_the_attendance_line_speaks_later():
    found = statements_in(_MINUTES)
    assert set(found) == {"T Rees"} and found["T Rees"].person_role == "other"


def test_an_attendance_line_alone_gives_no_statement():
    assert statements_in(_MINUTES.replace("Mr Rees asked how many", "It was asked how many")
                         ) == {}


# The force a statement is filed under.

_ROUND_UP = ("Three forces leave special measures\n"
             "Kent Police, Essex Police and Surrey Police have all been returned to routine "
             "monitoring by the inspectorate.\n")
_SINGLE = ("Kent Police leaves special measures\n"
           "Kent Police has been returned to routine monitoring.\n")


@pytest.mark.parametrize("text,person,force", [
    # A chief constable or PCC of one force in a round-up of several: their own force.
    (_ROUND_UP + "Kent's chief constable, Amira Shah, said: “Our officers have worked "
     "tirelessly to get us here and I thank them.”", "Amira Shah", "kent-police"),
    (_ROUND_UP + "Surrey's police and crime commissioner Leo Grant said the county could be "
     "proud of its officers.", "Leo Grant", "surrey-police"),
    # A national official speaking generally in a round-up: no force.
    (_ROUND_UP + "HM Chief Inspector of Constabulary Andy Cooke said: “Special measures work "
     "when forces take ownership of their problems and act quickly.”", "Andy Cooke", None),
    (_ROUND_UP + "Policing minister Dame Diana Johnson said: “Every community deserves a "
     "police force that answers the phone when it matters.”", "Diana Johnson", None),
    # Anyone else speaking generally after a sentence naming several forces: no force.
    (_ROUND_UP + "Councillor Ruth Bell said: “Inspection regimes have to be more than "
     "paperwork to matter to anyone.”", "Ruth Bell", None),
    # An inspector naming one of the forces, or referring to the force just named.
    (_ROUND_UP + "HM Inspector Roy Wilsher said: “Essex Police in particular has transformed "
     "how it answers emergency calls.”", "Roy Wilsher", "essex-police"),
    (_ROUND_UP + "Surrey Police was the last of the three to improve.\nHM Inspector Roy "
     "Wilsher said the force had finally fixed its control room.", "Roy Wilsher",
     "surrey-police"),
    # A story about one force: an inspector's words about "the force's" work are about it.
    (_SINGLE + "HM Inspector Roy Wilsher said the force's progress had been steady.",
     "Roy Wilsher", "kent-police"),
    (_SINGLE + "HM Inspector Roy Wilsher said: “The improvement in call handling has been "
     "remarkable and sustained.”", "Roy Wilsher", "kent-police"),
    # "The force" after a sentence listing other forces is the story's own force.
    ("Kent Police placed in special measures\n"
     "Kent Police has been placed in Engage by the inspectorate.\n"
     "It joins Cleveland Police and Gwent Police in the process.\n"
     "In a letter to the force's chief constable, HMI Roy Wilsher said three causes of "
     "concern had been raised.", "Roy Wilsher", "kent-police"),
])
def test_the_force_a_statement_is_filed_under(text, person, force):
    assert statements_in(text)[person].force_id == force


@pytest.mark.parametrize("sentence", [
    "Deputy Mayor for Policing, Crime, Criminal Justice and Fire Kate Green said the force "
    "had turned a corner.",
    "Kate Green, the Deputy Mayor for Police, Crime, Criminal Justice and Fire, said the force "
    "had turned a corner.",
])
def test_a_deputy_mayors_full_portfolio_is_a_commissioners_role(sentence):
    found = statements_in("Greater Manchester Police leaves Engage\n" + sentence)
    assert found["Kate Green"].person_role == "police_and_crime_commissioner"
