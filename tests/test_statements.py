"""Who said what: quotes given to the person they are attributed to, never to whoever is
named nearest; reported speech; letters and their writers; people only mentioned.

Every document here is written for the test. Paragraphs are lines, as the stored text has
them; the first line is a headline.
"""

from __future__ import annotations

import pytest

from tests.statement_probe import quote_of, statements_in

# Misattribution: the nearest name is not the speaker.

def test_speaker_named_after_a_long_quote():
    text = ("Kent Police leaves enhanced monitoring\n"
            "Inspectors praised Chief Constable Amira Shah for the pace of change.\n"
            "“The force now answers emergency calls faster than at any time in five years.\n"
            "“Victims are kept informed, and investigations are supervised properly.\n"
            "“There is more to do on neighbourhood policing, but the direction is right,” said "
            "HM Inspector of Constabulary Roy Wilsher.")
    found = statements_in(text)
    assert set(found) == {"Roy Wilsher"}
    assert "answers emergency calls faster" in quote_of(found, "Roy Wilsher")
    assert "said HM Inspector of Constabulary Roy Wilsher" in found["Roy Wilsher"].evidence


def test_two_speakers_in_one_paragraph():
    text = ("Kent Police leaves enhanced monitoring\n"
            "“Every officer can be proud of what has been achieved this year,” said Chief "
            "Constable Amira Shah. Police and Crime Commissioner Leo Grant added: “Residents "
            "will judge us on whether the service stays this good.”")
    found = statements_in(text)
    assert "proud of what has been achieved" in quote_of(found, "Amira Shah")
    assert "Residents will judge" not in quote_of(found, "Amira Shah")
    assert "Residents will judge us on whether" in quote_of(found, "Leo Grant")
    assert "proud of what" not in quote_of(found, "Leo Grant")


def test_reported_speech_between_two_quotes_gives_the_second_to_its_speaker():
    text = ("Kent Police leaves enhanced monitoring\n"
            "“We have turned the corner on answering calls,” said Chief Constable Amira Shah.\n"
            "PCC Leo Grant welcomed the decision but said the force could not rest.\n"
            "“Residents deserve a good service every single day, not only when inspectors "
            "visit.”")
    found = statements_in(text)
    assert "Residents deserve a good service" in quote_of(found, "Leo Grant")
    assert "Residents deserve" not in quote_of(found, "Amira Shah")


def test_speaker_introduced_in_the_paragraph_before():
    for lead in ("Chief Constable Amira Shah said:",
                 "Chief Constable Amira Shah welcomed the decision.",
                 "The force's chief constable, Amira Shah, told staff in a message on Friday."):
        text = ("Kent Police leaves enhanced monitoring\n"
                f"{lead}\n"
                "“This is the result of two years of hard work by officers and staff.”")
        found = statements_in(text)
        assert "two years of hard work" in quote_of(found, "Amira Shah"), lead
        assert found["Amira Shah"].evidence.startswith(lead.split()[0]), lead


def test_a_quote_continues_its_speaker_until_someone_else_is_attributed():
    text = ("Kent Police leaves enhanced monitoring\n"
            "“We answered more calls than ever this winter,” said Chief Constable Amira Shah.\n"
            "“Our call handlers deserve the credit for that change.”\n"
            "“We will not stand still,” a spokesperson for the force said.")
    found = statements_in(text)
    assert "call handlers deserve the credit" in quote_of(found, "Amira Shah")
    assert "not stand still" not in quote_of(found, "Amira Shah")


def test_a_pronoun_is_the_person_the_sentence_before_opens_with():
    text = ("Kent Police leaves enhanced monitoring\n"
            "“We answered more calls than ever this winter,” said Chief Constable Amira Shah.\n"
            "Our Deputy Police and Crime Commissioner, Ravi Patel, has met youth groups "
            "across the county. “They want to be part of the answer, not the problem,” he said.")
    found = statements_in(text)
    assert "part of the answer" in quote_of(found, "Ravi Patel")
    assert "part of the answer" not in quote_of(found, "Amira Shah")


@pytest.mark.parametrize("attribution", [
    "“We are proud of our call handlers and the work they do,” Chief Constable Amira Shah said.",
    "“We are proud of our call handlers and the work they do,” said Amira Shah, chief "
    "constable of Kent Police.",
    "“We are proud of our call handlers and the work they do.” Chief Constable Amira Shah "
    "said.",
    "Chief Constable Amira Shah: “We are proud of our call handlers and the work they do.”",
    "“We are proud of our call handlers and the work they do” – Chief Constable Amira Shah",
    "According to Chief Constable Amira Shah, “we are proud of our call handlers and the "
    "work they do”.",
])
def test_attributions_before_after_and_signed(attribution):
    found = statements_in("Kent Police update\n" + attribution)
    assert found["Amira Shah"].person_role == "chief_constable"
    assert "proud of our call handlers" in quote_of(found, "Amira Shah").lower()
    assert "Amira Shah" in found["Amira Shah"].evidence


def test_organisations_and_unnamed_people_get_no_quote():
    text = ("Kent Police update\n"
            "Chief Constable Amira Shah met inspectors in March.\n"
            "“We accept every one of the findings in this report,” Kent Police said.\n"
            "“We will publish a plan within a month,” a spokesperson added.")
    found = statements_in(text)
    assert found == {}


# Quotes as real copy writes them.

def test_a_quote_holding_a_short_quotation_of_its_own():
    text = ("Kent Police update\n"
            "Chief Constable Amira Shah said: “Inspectors graded us “good” at preventing "
            "crime, and we mean to keep it that way for every community we serve.”")
    quote = quote_of(statements_in(text), "Amira Shah")
    assert "keep it that way for every community" in quote


def test_a_paragraph_after_said_colon_is_quoted_without_marks():
    text = ("Kent Police update\n"
            "Commenting on the report, Police and Crime Commissioner Leo Grant said:\n"
            "The inspectors' findings match what residents have been telling me for two years.")
    assert "findings match what residents" in quote_of(statements_in(text), "Leo Grant")


def test_a_list_after_explained_that_is_reported_not_quoted():
    text = ("Panel minutes\n"
            "Deputy Chief Constable Owen Price attended the meeting.\n"
            "The Deputy Chief Constable explained that:\n"
            "- call handling had been restructured;\n"
            "- more supervisors had been appointed.")
    found = statements_in(text)
    assert found["Owen Price"].person_role == "deputy_chief_constable"
    assert found["Owen Price"].quote is None


@pytest.mark.parametrize("opening,closing", [("‘", "’"), ("'", "'")])
def test_single_quotes_quote_too(opening, closing):
    text = ("Kent Police update\n"
            f"{opening}We will keep improving until every caller gets through, and the "
            f"force's staff won't stop,{closing} said Chief Constable Amira Shah.")
    quote = quote_of(statements_in(text), "Amira Shah")
    assert "every caller gets through" in quote and "won't stop" in quote


def test_apostrophes_open_no_quote():
    text = ("Kent Police update\n"
            "Chief Constable Amira Shah said the officers' work and the force's plans were "
            "on track.")
    assert statements_in(text)["Amira Shah"].quote is None


# Reported speech and people only mentioned.

@pytest.mark.parametrize("sentence", [
    "Chief Constable Amira Shah told the panel the backlog had halved.",
    "Chief Constable Amira Shah wrote to the Home Secretary in May.",
    "Chief Constable Amira Shah, who joined the force in 2021, added that more was needed.",
    "Chief Constable Amira Shah has today welcomed the report.",
    "Chief Constable Amira Shah warned that savings would be hard to find.",
    "Chief Constable Amira Shah praised officers for their work.",
    "The letter from Chief Constable Amira Shah sets out the force's plans.",
    "Chief Constable Amira Shah has issued a statement on the findings.",
    "Officers were praised by Chief Constable Amira Shah for their bravery.",
    "The plan, written by Chief Constable Amira Shah, sets out three priorities.",
    "In her report, HMI Amira Shah found that calls were answered faster.",
    "Chief Constable Amira Shah recommended that the panel meet monthly.",
])
def test_reported_speech(sentence):
    found = statements_in("Kent Police update\n" + sentence)
    assert set(found) == {"Amira Shah"}
    assert found["Amira Shah"].quote is None


@pytest.mark.parametrize("sentence", [
    "Chief Constable Amira Shah was praised by inspectors for her leadership.",
    "Inspectors praised Chief Constable Amira Shah for her leadership.",
    "A letter was sent to Chief Constable Amira Shah in March.",
    "Chief Constable Amira Shah was appointed in 2021.",
    "The inspectorate has written to Chief Constable Amira Shah.",
])
def test_people_only_mentioned_are_not_statements(sentence):
    assert statements_in("Kent Police update\n" + sentence) == {}


def test_a_title_case_headline_with_a_said_verb_names_the_writer():
    text = ("PCC Leo Grant Responds To Inspection Report\n"
            "The report was published today. I welcome its findings on call handling.")
    assert set(statements_in(text)) == {"Leo Grant"}
    near_miss = ("Chief Constable Welcomes Decision To Lift Special Measures\n"
                 "Kent Police has been removed from special measures.")
    assert statements_in(near_miss) == {}


def test_a_title_case_headline_naming_the_writer_of_a_statement():
    text = ("Statement From Leo Grant, Police And Crime Commissioner For Kent\n"
            "I welcome the inspection report published today.")
    found = statements_in(text)
    assert found["Leo Grant"].person_role == "police_and_crime_commissioner"


def test_a_title_given_in_a_relative_clause():
    text = ("Kent update\n"
            "Amira Shah, who became chief constable in 2021, said the force had improved.")
    assert statements_in(text)["Amira Shah"].person_role == "chief_constable"


def test_a_paragraph_opening_with_a_name_and_a_colon_is_that_persons_words():
    text = ("Questions from the panel\n"
            "Chief Constable Amira Shah: We have answered more calls this year than ever.\n"
            "The agenda: Chief Constable Owen Price attended for this item.")
    found = statements_in(text)
    assert set(found) == {"Amira Shah"}
    assert "answered more calls this year" in quote_of(found, "Amira Shah")


def test_a_pronoun_after_a_person_named_as_an_agent():
    text = ("Kent update\n"
            "The force is led by Chief Constable Amira Shah. She said the report was fair.")
    assert set(statements_in(text)) == {"Amira Shah"}


def test_an_unnamed_office_holder_is_no_one():
    text = ("Committee minutes\n"
            "The Head of Strategic Planning noted that most responses were green.\n"
            "The Director of Corporate Services explained that the budget was balanced.")
    assert statements_in(text) == {}


def test_a_title_used_later_refers_back_to_the_person():
    text = ("Panel minutes\n"
            "Temporary Assistant Chief Constable Omar Reid attended for this item.\n"
            "The officer was pleased to report that two causes of concern had been closed.")
    found = statements_in(text)
    assert found["Omar Reid"].person_role == "assistant_chief_constable"
    assert "pleased to report" in found["Omar Reid"].evidence


def test_a_title_nobody_named_holds_refers_to_no_one():
    text = ("Panel minutes\n"
            "Police and Crime Commissioner Leo Grant presented the item.\n"
            "The chief constable had agreed to extend his contract by a year.")
    assert statements_in(text) == {}


# Letters.

LETTER_LINES = """Kent Police: cause of concern revisit letter
From:
Jane Morris QPM
His Majesty’s Inspector of Constabulary
To:
Amira Shah
Chief Constable, Kent Police
Cc:
Leo Grant
Police and Crime Commissioner for Kent
Sent on:
4 March 2024
In January we revisited the force to review its progress against the cause of concern."""


def test_a_letter_is_its_writers_statement_and_not_its_recipients():
    for text in (LETTER_LINES, LETTER_LINES.replace(":\n", ": ")):
        found = statements_in(text)
        assert set(found) == {"Jane Morris"}, text
        assert found["Jane Morris"].person_role == "hm_inspector"
        assert found["Jane Morris"].quote is None


def test_an_unlabelled_letter_header_names_its_writer_first():
    text = ("Kent Police: revisit letter\n"
            "Letter information\n"
            "Jane Morris QPM His Majesty’s Chief Inspector of Constabulary\n"
            "Amira Shah Chief Constable Kent Police\n"
            "Sent on: 4 March 2024\n"
            "We revisited the force in January.")
    found = statements_in(text)
    assert set(found) == {"Jane Morris"}
    assert found["Jane Morris"].person_role == "hm_chief_inspector"


def test_a_signature_under_text_in_the_first_person():
    text = ("Recommendation tracker: Kent Police\n"
            "The force should review its audit arrangements within six months.\n"
            "I am satisfied that this recommendation has been met and it is now closed.\n"
            "Jane Morris")
    found = statements_in(text)
    assert set(found) == {"Jane Morris"}
    assert found["Jane Morris"].person_role == "other"


def test_a_signature_with_a_title_above_the_site_footer():
    text = ("PCC response to the inspection report\n"
            "I welcome this report and I will hold the force to account for every "
            "recommendation in it.\n"
            "Leo Grant, Police and Crime Commissioner for Kent\n"
            "Office of the Police and Crime Commissioner, Sessions House, County Road, "
            "Maidstone. Telephone and email details are on our contact page.")
    found = statements_in(text)
    assert set(found) == {"Leo Grant"}
    assert found["Leo Grant"].person_role == "police_and_crime_commissioner"


def test_a_bare_name_under_reported_text_is_no_signature():
    text = ("Kent Police news\n"
            "The force said it had reviewed its audit arrangements.\n"
            "Jane Morris")
    assert statements_in(text) == {}


def test_bylines():
    official = ("Federation blog\nBy Sam Clarke, Chair, Kent Police Federation\n"
                "I want to thank our members for everything they have done this year.")
    journalist = ("Force leaves special measures\nBy Sam Clarke, Home Affairs Correspondent\n"
                  "Kent Police has left special measures, the inspectorate said.")
    assert set(statements_in(official)) == {"Sam Clarke"}
    assert statements_in(journalist) == {}


def test_a_title_before_its_holder_is_named_refers_forward_to_the_only_holder():
    text = ("Force leaves special measures\n"
            "The chief constable has set out the force's progress and confirmed that two "
            "causes of concern are closed.\n"
            "Chief Constable Amira Shah took over the force in 2023.")
    found = statements_in(text)
    assert set(found) == {"Amira Shah"}
    assert found["Amira Shah"].evidence.startswith("The chief constable has set out")
    two = text + "\nChief Constable Owen Price of Essex Police was at the launch."
    assert statements_in(two) == {}


def test_a_known_office_holder_under_a_title_shared_by_many_ranks():
    text = ("Force leaves special measures\n"
            "“I want to thank the chief inspector, Andy Cooke, for his support,” said Chief "
            "Constable Amira Shah.\n"
            "Andy Cooke said the force had made rapid progress.")
    found = statements_in(text)
    assert found["Andy Cooke"].person_role == "hm_chief_inspector"


def test_captions_and_related_stories_make_no_speaker():
    text = ("Kent Police leaves special measures\n"
            "Kent Police has left special measures, the inspectorate said.\n"
            "“We have turned the corner on answering calls,” said Chief Constable Amira Shah.\n"
            "Image: PCC Leo Grant said the force had worked hard to get here\n"
            "Related news\n"
            "Chief Constable Owen Price says Essex will be next\n"
            "HMI Jane Morris welcomes new call-handling figures")
    assert set(statements_in(text)) == {"Amira Shah"}
    story = text.replace("Image: PCC Leo Grant said", "PCC Leo Grant said")
    assert set(statements_in(story)) == {"Amira Shah", "Leo Grant"}
