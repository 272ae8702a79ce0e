"""Text pasted from a browser or a PDF viewer: tables as tabbed rows, words broken at line
ends, and the furniture of each page (numbers, protective markings, running heads) cut into
the middle of a sentence.

Every case is written for this file. Near-misses: a stray tab in a sentence, indentation, a
bullet followed by a tab, a year on a line of its own, a heading before a page break, a
title a web page repeats near its top.
"""

from __future__ import annotations

from datetime import date

from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.parse.furniture import is_marking, is_page_number, running_heads
from pipeline.parse.layout import mend_line_break
from pipeline.parse.text import _paragraphs, parse_text

PUBLISHED = date(2024, 3, 1)


def _events(text: str) -> list:
    document = parse_text(text, url="probe")
    return extract_events(Document(url="probe", title="", text=document.text,
                                   published_date=PUBLISHED))


# Tables copied from a browser: one row a line, its cells separated by tabs.

def test_tabbed_rows_become_rows_of_cells():
    body = ("Forces moved out of enhanced monitoring\n"
            "Force\tEntered Engage\tLeft Engage\n"
            "Cleveland Police\tSeptember 2019\tOctober 2023\n"
            "Greater Manchester Police\tDecember 2020\tFebruary 2024\n"
            "Figures from the inspectorate.")
    assert _paragraphs(body) == [
        "Forces moved out of enhanced monitoring",
        "Force | Entered Engage | Left Engage",
        "Cleveland Police | September 2019 | October 2023",
        "Greater Manchester Police | December 2020 | February 2024",
        "Figures from the inspectorate.",
    ]


def test_an_empty_cell_keeps_the_columns_in_place():
    body = ("Ref\tOwner\tRecommendation\tStatus\n"
            "R1\t\tReview open firearms licences\tClosed\n"
            "R2\tCustody\t\t\n")
    rows = [line.split(" | ") for line in _paragraphs(body)]
    assert [len(row) for row in rows] == [4, 4, 2]
    assert rows[1] == ["R1", "–", "Review open firearms licences", "Closed"]
    assert rows[2] == ["R2", "Custody"]  # trailing empty cells are not kept


def test_the_extractor_reads_a_pasted_findings_table_column_by_column():
    body = ("The panel was updated on Wiltshire Police.\n\n"
            "Ref\tLead\tRecommendation\tStatus\n"
            "R1\t\tImprove how the force supervises missing person cases\tClosed\n"
            "R2\tOps\tGive call handlers training in assessing risk\tIn progress\n")
    items = {(e.subject.lower(), e.status) for e in _events(body)
             if e.event_type == "recommendation" and e.subject}
    assert ("improve how the force supervises missing person cases", "closed") in items
    assert ("give call handlers training in assessing risk", "open") in items


# Tables laid out with spaces, as text from a PDF or a plain-text report sets them.

def test_rows_aligned_by_spaces_become_rows_of_cells():
    body = ("Progress at 1 May 2024 was as follows:\n"
            "R1    Review of vetting backlog      Achieved\n"
            "R2    Supervision of case files      In progress\n"
            "Members are asked to note the report.")
    assert _paragraphs(body) == [
        "Progress at 1 May 2024 was as follows:",
        "R1 | Review of vetting backlog | Achieved",
        "R2 | Supervision of case files | In progress",
        "Members are asked to note the report.",
    ]


def test_spaces_that_set_no_columns_stay_prose():
    # Two spaces after a full stop, a lone aligned line (a page header), and a bullet set
    # off by spaces.
    body = ("The panel met.  Members asked about vetting.  The chair replied.\n"
            "Police and Crime Panel      12 March 2024      Page 3\n"
            "The causes of concern are:\n"
            "o   call handling   (still open)\n"
            "o   crime recording")
    assert [" ".join(p.split()) for p in _paragraphs(body)] == [
        "The panel met. Members asked about vetting. The chair replied.",
        "Police and Crime Panel 12 March 2024 Page 3",
        "The causes of concern are:", "- call handling (still open)", "- crime recording"]


def test_justified_prose_laid_out_from_a_pdf_is_no_table():
    body = ("The  force  has  made  good  progress  against  the  cause  of  concern  on\n"
            "vetting,  and  the  inspectorate  will  revisit  it  in  the  spring  of  2025.\n")
    assert [" ".join(p.split()) for p in _paragraphs(body)] == [
        "The force has made good progress against the cause of concern on vetting, and the "
        "inspectorate will revisit it in the spring of 2025."]


def test_a_headerless_table_of_labelled_findings_is_read_row_by_row():
    body = ("Norfolk Constabulary was given four recommendations in its custody report.\n"
            "Rec 1    Recording of detainee risk assessments    Complete\n"
            "Rec 2    Checks on detainees at night              Not started\n")
    items = {(e.subject_kind, e.subject, e.status) for e in _events(body)
             if e.event_type == "recommendation" and e.subject}
    assert items == {("recommendation", "Recording of detainee risk assessments", "closed"),
                     ("recommendation", "Checks on detainees at night", "open")}


def test_rows_join_neither_each_other_nor_the_line_before():
    # The line before has no closing mark and the first row starts in lower case: without
    # the tabs it would be read as the rest of that sentence.
    body = ("The table sets out the dates for\n"
            "each force\tthe phase\n"
            "two forces\tstill in Engage\n"
            "and the rest of the note continues here.")
    assert _paragraphs(body) == ["The table sets out the dates for", "each force | the phase",
                                 "two forces | still in Engage",
                                 "and the rest of the note continues here."]


def test_rows_inside_wrapped_prose_stay_rows():
    body = ("The inspectorate wrote to the force in the spring to set out the\n"
            "areas in which it expects to see improvement before the next visit\n"
            "Area\tDue\n"
            "Crime recording\tJune\n"
            "and it will report on them again when it returns in the autumn.")
    paragraphs = _paragraphs(body)
    assert paragraphs[1:3] == ["Area | Due", "Crime recording | June"]
    assert paragraphs[0].endswith("before the next visit")


def test_a_stray_tab_in_a_sentence_is_not_a_row():
    body = "The force was moved into\tEngage in the autumn of 2022.\nIt left a year later."
    assert _paragraphs(body)[0].replace("\t", " ") == (
        "The force was moved into Engage in the autumn of 2022.")
    document = parse_text(body, url="probe")
    assert " | " not in document.text and "\t" not in document.text


def test_a_one_tab_line_ending_a_sentence_is_a_row_among_rows():
    body = ("Finding\tResponse\n"
            "Calls wait too long\tA new triage desk opened in May.\n"
            "Victims are not updated\tLetters now go out weekly.\n")
    assert _paragraphs(body) == ["Finding | Response",
                                 "Calls wait too long | A new triage desk opened in May.",
                                 "Victims are not updated | Letters now go out weekly."]


def test_indentation_and_bullet_tabs_make_no_rows():
    body = ("\tThe panel met on Tuesday.\n"
            "\t\tIt heard from the chief constable.\n"
            "The areas are:\n"
            "1.\tcrime recording\n"
            "•\tcall handling\n")
    assert _paragraphs(body) == ["The panel met on Tuesday.", "It heard from the chief constable.",
                                 "The areas are:", "- crime recording", "- call handling"]


def test_a_numbered_row_is_still_a_row():
    body = "No.\tCause of concern\n1.\tVetting\n2.\tCustody\n"
    assert _paragraphs(body) == ["No. | Cause of concern", "1. | Vetting", "2. | Custody"]


# Words broken with a hyphen at a line end.

def test_words_broken_at_a_line_end_are_mended():
    body = ("We have reviewed the force's place in the Engage phase of our monitor-\n"
            "ing process and will revi-\n"
            "sit the matter in the spring.")
    assert _paragraphs(body) == [
        "We have reviewed the force's place in the Engage phase of our monitoring process "
        "and will revisit the matter in the spring."]


def test_a_hyphen_before_a_capital_or_a_digit_is_kept():
    assert _paragraphs("The force expects to finish by mid-\n2025 and to reach non-\n"
                       "English speakers too.") == [
        "The force expects to finish by mid-2025 and to reach non-English speakers too."]


def test_a_compound_broken_at_its_hyphen_loses_it():
    # The documented trade: most line-end hyphens in prose break a word, not a compound.
    assert mend_line_break("a long-", "term plan") == "a longterm plan"
    assert mend_line_break("HMICFRS-", "led review") == "HMICFRS-led review"


def test_a_spaced_dash_at_a_line_end_is_not_a_broken_word():
    assert mend_line_break("the force -", "which had been in Engage") == (
        "the force - which had been in Engage")
    assert _paragraphs("Two areas remain open -\n- custody\n- vetting") == [
        "Two areas remain open -", "- custody", "- vetting"]


# Page furniture between the lines of one paragraph.

def test_page_furniture_inside_a_sentence_is_dropped_and_the_sentence_joined():
    body = ("Inspectors found that the force has improved the way it responds to\n"
            "\n"
            "Page 1 of 2\n"
            "\n"
            "OFFICIAL\n"
            "\n"
            "calls from vulnerable people.\n"
            "\n"
            "OFFICIAL – SENSITIVE\n"
            "\n"
            "- 2 -\n"
            "\n"
            "A further visit is planned.")
    assert _paragraphs(body) == [
        "Inspectors found that the force has improved the way it responds to calls from "
        "vulnerable people.",
        "A further visit is planned.",
    ]


def test_a_page_break_inside_a_broken_word_mends_it():
    body = ("The force remains in the Engage phase of our monitor-\n\nPage 3\n\n"
            "ing process for now.")
    assert _paragraphs(body) == [
        "The force remains in the Engage phase of our monitoring process for now."]


def test_a_list_item_cut_by_a_page_break_goes_on():
    body = "The force should:\n- improve how it supervises\n\n- 4 -\n\ninvestigations\n- vet staff"
    assert _paragraphs(body) == ["The force should:", "- improve how it supervises investigations",
                                 "- vet staff"]


def test_a_long_line_cut_by_a_page_break_goes_on_after_a_capital():
    body = ("In our letter of last year we set out the reasons we had moved Cleveland\n"
            "OFFICIAL\n"
            "Police into the Engage phase.")
    assert _paragraphs(body) == [
        "In our letter of last year we set out the reasons we had moved Cleveland Police into "
        "the Engage phase."]


def test_a_finished_sentence_or_a_heading_is_not_joined_over_a_page_break():
    body = ("The force has made real progress.\n\nPage 1 of 3\n\nthe panel noted this.\n\n"
            "Next steps\n\n- 2 -\n\nThe inspectorate will return in May.")
    assert _paragraphs(body) == ["The force has made real progress.", "the panel noted this.",
                                 "Next steps", "The inspectorate will return in May."]


def test_a_running_head_on_every_page_is_dropped():
    page = [f"Line {n} of the letter, which runs on to the next page without a stop" for n in
            range(30)]
    head = "Dorset Police: revisit of crime data integrity"
    lines = [head, *page[:15], head, *page[15:], head, "the end of the sentence."]
    paragraphs = _paragraphs("\n".join(lines))
    assert head not in " ".join(paragraphs)
    assert paragraphs[-1].endswith("without a stop the end of the sentence.")


def test_a_title_repeated_near_the_top_of_a_page_is_kept():
    title = "Commissioner welcomes inspection of Kent Police"
    body = f"{title}\nHome / News\n{title}\nPublished 4 May 2024\n{title}\nThe commissioner said."
    assert running_heads(body.split("\n")) == set()
    assert _paragraphs(body).count(title) == 3


def test_a_line_repeated_twice_is_no_running_head():
    head = "Report of the Chief Executive"
    lines = [head, *[f"Line {n}." for n in range(20)], head, "End."]
    assert running_heads(lines) == set()


def test_what_is_furniture_by_its_form():
    for line in ("Page 4", "page 4 of 12", "Page 2/3", "3 of 7", "- 12 -", "– 5 –"):
        assert is_page_number(line), line
    for line in ("2023", "4", "Page two of the report", "12 - 14", "- 2 - 3"):
        assert not is_page_number(line), line
    for line in ("OFFICIAL", "OFFICIAL – SENSITIVE", "OFFICIAL-SENSITIVE", "OFFICIAL: SENSITIVE",
                 "NOT PROTECTIVELY MARKED", "SECRET"):
        assert is_marking(line), line
    for line in ("Official", "OFFICIAL STATISTICS", "Official – sensitive", "OFFICIALS"):
        assert not is_marking(line), line


def test_a_year_and_a_count_on_lines_of_their_own_stay():
    body = "Forces in Engage\nDorset Police\nEntered Engage\n2023\nCauses of concern\n4"
    assert _paragraphs(body) == [
        "Forces in Engage Dorset Police Entered Engage 2023 Causes of concern 4"]


def test_a_phase_change_cut_by_a_page_break_is_found():
    body = ("---\ntitle: Letter to the chief constable\n---\n\n"
            "Following the meeting of the oversight group, I have decided to move Northumbria\n"
            "\nPage 1 of 2\n\nOFFICIAL\n\n"
            "Police into the Engage phase of our monitor-\n"
            "ing process.\n")
    changes = [e for e in _events(body) if e.event_type == "phase_change"]
    assert [(e.force_id, e.phase_to) for e in changes] == [("northumbria-police", "engage")]


# A letter wrapped by hand at 65 characters.

LETTER = """\
                                                  12 February 2024

Stephen Walsh
Chief Constable
Lancashire Constabulary
Saunders Lane, Hutton
Preston PR4 5SB

Dear Stephen,

Lancashire Constabulary: a move from Engage back to Scan

I am writing to tell you that, after the oversight group met on 25
January, I have decided that the force no longer needs enhanced
monitoring. It will go back to routine monitoring in the Scan
phase from today.

Your officers have changed how the force records crime and how it
answers calls from the public. We will go on checking that this
progress lasts through our usual inspection work.

Yours sincerely,

Roger Hale
His Majesty's Inspector of Constabulary
"""


def test_a_hard_wrapped_letter_comes_out_one_paragraph_a_line():
    paragraphs = _paragraphs(LETTER)
    assert paragraphs[0] == "12 February 2024"
    assert "Dear Stephen," in paragraphs
    assert "Lancashire Constabulary: a move from Engage back to Scan" in paragraphs
    assert ("I am writing to tell you that, after the oversight group met on 25 January, I "
            "have decided that the force no longer needs enhanced monitoring. It will go back "
            "to routine monitoring in the Scan phase from today.") in paragraphs
    assert paragraphs[-3:] == ["Yours sincerely,", "Roger Hale",
                               "His Majesty's Inspector of Constabulary"]
    address = paragraphs[1]
    assert address.startswith("Stephen Walsh") and address.endswith("PR4 5SB")
