"""Who said it, in phrasings the rules were not written against: each mechanism with two or
three phrasings of its own and a near-miss it must leave alone.

Every document here is written for the test. Paragraphs are lines, as the stored text has
them; the first line is a headline.
"""

from __future__ import annotations

import pytest

from tests.statement_probe import quote_of, statements_in

# A name starts with a letter: the "'S" of an upper-case heading is no one.

def test_an_upper_case_possessive_heading_names_no_one():
    for heading in ("7. COMMISSIONER'S UPDATE ON THE FORCE", "CHIEF CONSTABLE'S REPORT",
                    "ITEM 3 – COMMISSIONER’S ANNUAL REVIEW"):
        text = ("Panel minutes, 4 March 2024\n"
                "Also present: Leo Grant, Police and Crime Commissioner.\n"
                f"{heading}\n"
                "The Commissioner said that two causes of concern had been closed.")
        found = statements_in(text)
        assert set(found) == {"Leo Grant"}, heading
        assert found["Leo Grant"].person_role == "police_and_crime_commissioner"
    near_miss = ("Kent update\n"
                 "Chief Constable Siobhan O'Doherty said the force had improved.")
    assert set(statements_in(near_miss)) == {"Siobhan O'Doherty"}


# Captions: a marker and one more word ("Image caption:") is a caption too.

@pytest.mark.parametrize("marker", ["Image caption:", "Photo credit -", "Picture caption:"])
def test_a_two_word_caption_marker_makes_no_speaker(marker):
    text = ("Kent Police leaves special measures\n"
            "Kent Police has left special measures, the inspectorate said.\n"
            f"{marker} PCC Leo Grant said the force had earned \"a little breathing space\"")
    assert statements_in(text) == {}
    story = text.replace(f"{marker} ", "")
    assert set(statements_in(story)) == {"Leo Grant"}


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
    found = statements_in(text)
    assert "deeply troubling" in quote_of(found, "Tom Lee")
    assert "deeply troubling" not in quote_of(found, "Sam Clarke")
    near_miss = ("Kent update\n"
                 "“We are proud of every officer in this force,” said he, and sat down.")
    assert statements_in(near_miss) == {}


def test_an_inverted_verb_after_a_quote_still_names_its_speaker():
    for attribution in (",” said Chief Constable Amira Shah.", ",” said Amira Shah, the "
                        "chief constable.", ",” added Chief Constable Amira Shah."):
        text = ("Kent update\n"
                "Chief Constable Amira Shah took questions.\n"
                f"“We are proud of every officer in this force{attribution}")
        assert "proud of every officer" in quote_of(statements_in(text), "Amira Shah"), attribution


# Questions and assurances are words reported too.

@pytest.mark.parametrize("sentence", [
    "Councillor Ruth Hale asked whether the force would leave Engage this year.",
    "Councillor Ruth Hale referred to the latest figures and asked for a written answer.",
    "Councillor Ruth Hale assured residents that the panel would keep watching.",
])
def test_a_question_or_an_assurance_is_reported_speech(sentence):
    found = statements_in("Panel minutes\n" + sentence)
    assert set(found) == {"Ruth Hale"}
    assert found["Ruth Hale"].quote is None


def test_an_assurance_passed_on_is_quoted_by_its_giver():
    text = ("Kent update\n"
            "PCC Leo Grant said the panel would keep up its scrutiny. He added that Chief "
            "Constable Amira Shah had assured him the force would not \"take its eye off the "
            "victims for one moment\".")
    found = statements_in(text)
    assert "take its eye off the victims" in quote_of(found, "Amira Shah")
    assert "take its eye off" not in quote_of(found, "Leo Grant")


def test_a_person_asked_to_do_something_is_not_a_speaker():
    for sentence in ("Chief Constable Amira Shah was asked to attend the next meeting.",
                     "The panel asked Chief Constable Amira Shah for a written update."):
        assert statements_in("Panel minutes\n" + sentence) == {}, sentence


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
    assert "accept every finding" in quote_of(statements_in(text), "Amira Shah"), lead


def test_a_relative_clause_without_a_said_verb_reports_nothing():
    text = ("Kent update\n"
            "The panel thanked the chief constable, Amira Shah, who joined the force in "
            "2021.")
    assert statements_in(text) == {}


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
    found = statements_in(text)
    assert "improving month by month" in quote_of(found, "Leo Grant"), introduction
    assert "improving month by month" not in quote_of(found, "Tom Lee"), introduction


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
    found = statements_in(text)
    assert "still a long road ahead" in quote_of(found, "Leo Grant")
    assert "long road" not in quote_of(found, "Sophie Reid")
    assert "published monthly" in found["Sophie Reid"].evidence or (
        "real milestone" in quote_of(found, "Sophie Reid"))


def test_a_deputy_commissioner_is_not_a_police_and_crime_commissioner():
    text = ("Committee minutes\n"
            "Guests:\n"
            "- Dame Ada Brook DBE QPM, Deputy Commissioner, Metropolitan Police Service;\n"
            "- Sophie Reid, Deputy Mayor for Policing and Crime.\n"
            "The Deputy Commissioner told the Committee that one cause of concern had been "
            "closed.")
    found = statements_in(text)
    assert set(found) == {"Ada Brook"}
    assert found["Ada Brook"].person_role == "deputy_chief_constable"


def test_the_chief_inspector_may_be_the_inspectorate_s():
    text = ("Force leaves special measures\n"
            "The Chief Inspector has outlined his assessment of the force's progress.\n"
            "“I want to thank the Chief Inspector, Andy Cooke, for his support,” said Chief "
            "Constable Amira Shah.")
    found = statements_in(text)
    assert found["Andy Cooke"].person_role == "hm_chief_inspector"
    assert found["Andy Cooke"].evidence.startswith("The Chief Inspector has outlined")


# A sentence after a quote that points back at it names the speaker, however long it is.

@pytest.mark.parametrize("pointer", [
    "Those were the words of HM Inspector of Constabulary Jane Morris, who oversees the "
    "forces of the south east and visited the control room twice this spring.",
    "That was Kent's chief constable, Amira Shah, speaking to reporters outside the force's "
    "headquarters in Maidstone on Tuesday morning.",
    "These were the closing remarks of Police and Crime Commissioner Leo Grant at the end of "
    "a long and at times difficult meeting of the panel.",
])
def test_a_sentence_pointing_back_at_a_quote_names_its_speaker(pointer):
    text = ("Kent Police moved into enhanced monitoring\n"
            "“Too many people who ring us in an emergency are still waiting too long.\n"
            "“That has to change, and it will change this year.”\n"
            f"{pointer}\n"
            "The force has six months to produce an improvement plan.")
    found = statements_in(text)
    assert len(found) == 1, pointer
    (event,) = found.values()
    assert "Too many people who ring us" in event.quote, pointer
    assert event.evidence.startswith("“Too many people") and pointer[:20] in event.evidence


def test_a_long_sentence_after_a_quote_that_does_not_point_back_attributes_nothing():
    text = ("Kent Police moved into enhanced monitoring\n"
            "“Too many people who ring us in an emergency are still waiting too long.”\n"
            "The decision was announced by HM Inspector of Constabulary Jane Morris after a "
            "revisit to the control room in the spring.")
    found = statements_in(text)
    assert "Too many people" not in quote_of(found, "Jane Morris") if found else True


# One-word quotations are quotes too, when their own sentence gives them a speaker; grades
# and phases in quote marks are names of things.

@pytest.mark.parametrize("sentence, word", [
    ("HMI Jane Morris wrote that the progress was real but \"fragile\".", "fragile"),
    ("PCC Leo Grant said he was ‘delighted’ with the result.", "delighted"),
    ("Sam Clarke, chair of Kent Police Federation, warned that officers were \"exhausted\" "
     "after a long summer.", "exhausted"),
])
def test_a_one_word_quotation_with_a_speaker(sentence, word):
    found = statements_in("Kent update\n" + sentence)
    assert len(found) == 1
    (event,) = found.values()
    assert event.quote == word


@pytest.mark.parametrize("sentence", [
    "Chief Constable Amira Shah said the force had been graded \"good\" for its response.",
    "Chief Constable Amira Shah said the force would leave ‘Engage’ within the year.",
    "Chief Constable Amira Shah said the so-called \"hub\" was already open.",
    "Chief Constable Amira Shah said a scheme known as \"Safer Streets First\" had begun.",
])
def test_a_quoted_grade_phase_or_label_is_no_quote(sentence):
    found = statements_in("Kent update\n" + sentence)
    assert found["Amira Shah"].quote is None


def test_a_one_word_description_is_the_speakers_own():
    text = ("Kent update\n"
            "Chief Constable Amira Shah described the new control room as \"transformative\".")
    assert statements_in(text)["Amira Shah"].quote == "transformative"


def test_a_one_word_quotation_without_a_speaker_is_no_quote():
    text = ("Watchdog warns of \"fragile\" gains at Kent Police\n"
            "Kent Police has left special measures.\n"
            "Chief Constable Amira Shah welcomed the decision.")
    assert statements_in(text)["Amira Shah"].quote is None


# A report signed at its end by a name and a title.

@pytest.mark.parametrize("tail", ["", "\nContact: panel@example.org",
                                  "\nContact: panel@example.org\nTelephone: 01234 567890"])
def test_a_titled_name_closing_a_report_signs_it(tail):
    text = ("Update on the force's improvement plan\n"
            "Report of the Chief Executive\n"
            "1. The panel is asked to note this report.\n"
            "2. Two of the five recommendations have been implemented.\n"
            "Grace Okafor\n"
            "Chief Executive, Office of the Police and Crime Commissioner for Kent" + tail)
    found = statements_in(text)
    assert set(found) == {"Grace Okafor"}
    assert found["Grace Okafor"].quote is None


def test_a_titled_name_followed_by_more_text_signs_nothing():
    text = ("Update on the force's improvement plan\n"
            "1. The panel is asked to note this report.\n"
            "Grace Okafor\n"
            "Chief Executive, Office of the Police and Crime Commissioner for Kent\n"
            "2. Two of the five recommendations have been implemented, and the force expects "
            "the rest to follow by the end of the year.")
    assert statements_in(text) == {}


# A title, its place, then the name: "Commissioner for Cleveland Steve Turner".

@pytest.mark.parametrize("text, name, role", [
    ("Police and Crime Commissioner for Kent Leo Grant said the force had improved.",
     "Leo Grant", "police_and_crime_commissioner"),
    ("HM Chief Inspector of Constabulary in Scotland Ruth Baird said the service had "
     "improved.", "Ruth Baird", "hm_chief_inspector"),
    ("Chief Constable of Devon and Cornwall Amira Shah said the force had improved.",
     "Amira Shah", "chief_constable"),
])
def test_a_place_between_a_title_and_its_holder(text, name, role):
    found = statements_in("Inspection update\n" + text)
    assert set(found) == {name}
    assert found[name].person_role == role


def test_a_title_of_a_place_with_no_name_after_it_names_no_one():
    text = ("Inspection update\n"
            "The Police and Crime Commissioner for Kent said the force had improved.")
    assert statements_in(text) == {}


# People the text names only as speakers, with no title anywhere.

@pytest.mark.parametrize("sentence", [
    "Priya Natarajan said the force had turned a corner.",
    "“The force has turned a corner,” said Priya Natarajan.",
    "Priya Natarajan, who led the review for the council, told the panel the force had "
    "turned a corner.",
    "In a statement from Priya Natarajan, the board welcomed the report.",
    "According to Priya Natarajan, the force has turned a corner.",
])
def test_a_speaker_without_a_title_is_found_by_her_said_verb(sentence):
    found = statements_in("Kent update\n" + sentence)
    assert set(found) == {"Priya Natarajan"}, sentence
    assert found["Priya Natarajan"].person_role == "other"


@pytest.mark.parametrize("sentence", [
    "Local resident Priya Natarajan said the force had turned a corner.",
    "Priya Natarajan, 45, said she had waited an hour for an answer.",
    "BBC reporter Priya Natarajan said the force had not replied.",
    "A spokesperson for the Fire Brigades Union said members were worried.",
    "Kent Police said the force had turned a corner.",
    "The panel thanked Priya Natarajan and said the review was welcome.",
    "Mr Natarajan said the review was welcome.",
])
def test_people_of_the_public_bodies_and_bare_surnames_are_no_speakers(sentence):
    assert statements_in("Kent update\n" + sentence) == {}, sentence


def test_a_known_official_named_without_a_title_keeps_the_office():
    text = "Kent update\nSir Andy Cooke said the force had made rapid progress."
    found = statements_in(text)
    assert found["Andy Cooke"].person_role == "hm_chief_inspector"


# The force a statement is filed under: the one the speaker speaks for or about.

def _forces(text: str) -> dict[str, str | None]:
    return {name: event.force_id for name, event in statements_in(text).items()}


@pytest.mark.parametrize("text", [
    "Home Secretary speaks to chief officers\n"
    "Home Secretary Jane Park spoke to chief officers in Harrogate about standards.\n"
    "She said every force had to get the basics right, and that the Metropolitan Police "
    "Service, placed in special measures last year, was no exception.",
    "Chief inspector warns forces over crime recording\n"
    "Forces that fail victims risk the same scrutiny as Kent Police, the chief inspector has "
    "warned.\n"
    "HM Chief Inspector of Constabulary Ruth Baird said: “No force can assume it is immune "
    "from enhanced monitoring.”\n"
    "Kent Police was placed in special measures in 2023.",
])
def test_a_national_official_s_general_words_belong_to_no_force(text):
    assert set(_forces(text).values()) == {None}


def test_a_national_official_in_a_round_up_of_several_forces():
    text = ("Policing week: Kent Police leaves Engage\n"
            "Kent Police left the Engage process on Tuesday. Essex Police and Sussex Police "
            "remain under enhanced monitoring.\n"
            "Policing minister Jane Park said she wanted \"every force in Engage out of it "
            "within two years\".")
    assert _forces(text) == {"Jane Park": None}


@pytest.mark.parametrize("text", [
    "Kent Police leaves enhanced monitoring\n"
    "The force has closed its last cause of concern.\n"
    "HM Inspector of Constabulary Jane Morris said: “I am pleased with the progress made.”",
    "Custody review\n"
    "MAIDSTONE — Kent Police's custody suites treat detainees well, inspectors found.\n"
    "HM Inspector of Constabulary Jane Morris said: “Staff were caring and professional.”",
    "Inspection update\n"
    "Essex Police and Kent Police were both inspected in the spring.\n"
    "Kent Police has since closed two causes of concern.\n"
    "HM Inspector of Constabulary Jane Morris said the force had improved.",
])
def test_a_national_official_on_a_story_about_one_force(text):
    found = _forces(text)
    assert found["Jane Morris"] == "kent-police"


def test_a_title_without_a_force_takes_the_story_s_not_one_two_paragraphs_back():
    text = ("What enhanced monitoring means for Wiltshire's police\n"
            "Wiltshire Police was moved into the Engage process on Friday.\n"
            "Avon and Somerset Constabulary, the county's neighbour, was not escalated.\n"
            "The decision followed an inspection that rated the force inadequate.\n"
            "Chief Constable Ola Bright said she was disappointed by the decision.")
    assert _forces(text) == {"Ola Bright": "wiltshire-police"}
    near_miss = ("Three forces in special measures: a round-up\n"
                 "Wiltshire Police was moved into the Engage process on Friday.\n"
                 "Avon and Somerset Constabulary was moved into Engage in the summer.\n"
                 "Chief Constable Ola Bright said she was disappointed by the decision.")
    assert _forces(near_miss) == {"Ola Bright": "avon-and-somerset-constabulary"}


# Evidence names who spoke.

@pytest.mark.parametrize("attribution", ["she said", "the councillor added", "she told the BBC"])
def test_evidence_reaching_the_speaker_through_a_pronoun_starts_where_she_is_named(
        attribution):
    text = ("Wiltshire Police placed in special measures\n"
            "Wiltshire Police was placed in special measures on Friday.\n"
            "Councillor Ola Bright, cabinet member for community safety at Swindon Borough "
            "Council, said residents had been complaining for a year.\n"
            f"“People have stopped reporting things because nobody comes,” {attribution}.")
    event = statements_in(text)["Ola Bright"]
    assert event.evidence.startswith("Councillor Ola Bright")
    assert event.evidence.endswith(attribution + ".")
    assert event.force_id == "wiltshire-police"


def test_evidence_does_not_reach_far_back_for_a_name():
    text = ("Panel minutes\n"
            "Present: Councillor Ola Bright (Chair), Councillor Ben Ash.\n"
            "Item 1. Apologies were received.\n"
            "Item 2. The minutes were agreed.\n"
            "Item 3. The budget was noted.\n"
            "Councillor Ash asked whether the force was on course. “We need the figures,” he "
            "said.")
    event = statements_in(text)["Ben Ash"]
    assert event.evidence.startswith("Councillor Ash asked")


def test_a_quote_after_added_belongs_to_its_own_sentence_s_speaker():
    text = ("Dorset update\n"
            "Wendy Williams, His Majesty’s Inspector of Constabulary, said the force had "
            "“made real strides” and added: “Residents of Dorset are now far better served "
            "when they call for help.”\n"
            "Chief Constable Scott Chilton thanked his officers.")
    found = statements_in(text)
    assert "far better served" in quote_of(found, "Wendy Williams")
    assert "far better served" not in quote_of(found, "Scott Chilton")


def test_a_short_sentence_after_a_bare_quote_still_attributes_it():
    # Near miss: with nothing before the quote, the sentence after it names the speaker.
    text = ("Dorset update\n"
            "“Residents of Dorset are now far better served when they call for help.” "
            "Chief Constable Scott Chilton said.")
    assert "far better served" in quote_of(statements_in(text), "Scott Chilton")


@pytest.mark.parametrize("fronted", ["At a meeting of the panel, ", "Speaking on Monday, ",
                                     "During questions in the Commons, "])
def test_a_pronoun_after_a_fronted_phrase_is_the_subject_after_it(fronted):
    text = ("Dorset update\n"
            "Chief Constable Scott Chilton thanked his officers.\n"
            f"{fronted}the home secretary, Yvette Cooper, was asked how many forces were in "
            "special measures.\n"
            "“Every community deserves a force that answers the phone,” she told MPs.")
    found = statements_in(text)
    assert "Every community deserves" in quote_of(found, "Yvette Cooper")
    assert "Every community" not in quote_of(found, "Scott Chilton")
