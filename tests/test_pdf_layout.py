"""PDFs laid out as letters, minutes and reports are: a letterhead set to the right, an
addressee block, bullets and numbered paragraphs with hanging indents, tables of cells at
x positions, running heads and footers, and pages that break mid-sentence. Each test
places the text where such a document would, and checks that the stored text reads as
its text copy does, with the near-misses that must stay apart."""

from __future__ import annotations

from pdf_maker import (
    MARGIN_LEFT,
    Text,
    build_layout_pdf,
    fill,
    flush_right,
    justified,
    text_width,
)

from pipeline.parse import parse_pdf

URL = "https://inspectorate.example.org/letter.pdf"
STEP = 12.5  # baseline to baseline inside a paragraph
GAP = 8  # more between paragraphs


def block(text: str, y: float, *, x: float = MARGIN_LEFT, marker: str | None = None,
          hang: float | None = None, bold: bool = False) -> tuple[list[Text], float]:
    """A paragraph filled to the margin and justified, its last line ragged; with a
    marker set at x and the text at the hanging indent. Returns the runs and the y of
    the line after it."""
    indent = hang if hang is not None else x
    words, out = text.split(), []
    while words:
        line, words = fill(words, indent)
        out.append(justified(" ".join(line), indent, y) if words
                   else Text(indent, y, " ".join(line), bold=bold))
        y -= STEP
    if marker:
        out.append(Text(x, out[0].y, marker))
    return out, y - GAP


def lines_of(pages: list[list[Text]], **kwargs) -> list[str]:
    return parse_pdf(build_layout_pdf(pages), url=URL, **kwargs).text.split("\n")


def test_bullets_set_apart_from_their_text_keep_it():
    """A bullet at a hanging indent is found beside its item, not in a column of its own;
    a dash that starts a wrapped line of prose stays in the sentence."""
    items = ["the recommendation that every call about a missing child is risk assessed "
             "with the structured tool has been achieved;",
             "the recommendation on sharing information with partners within a day of a "
             "report has been achieved; and",
             "the recommendation about supervision has not yet been achieved."]
    texts, y = block("We made three recommendations. Of these:", 760)
    for item in items:
        runs, y = block(item, y, x=80, marker="•", hang=96)
        texts += runs
    words = "Both causes of concern on the recording of crime and on the supervision of"
    first, _ = fill([*words.split(), "investigations"])
    dash = [justified(" ".join(first), MARGIN_LEFT, y),
            Text(MARGIN_LEFT, y - STEP, "– have now been closed, the letter says.")]
    assert text_width(dash[1].text.split()[0]) < 10  # the dash alone would have fitted
    lines = lines_of([texts + dash], title_hint="Revisit letter")
    assert lines[1:5] == ["We made three recommendations. Of these:", *[f"- {i}" for i in items]]
    assert lines[5].endswith("investigations – have now been closed, the letter says.")


def test_numbered_paragraphs_and_a_page_break_inside_one():
    """"2.1" beside its paragraph is its number; a paragraph cut after a full stop at the
    foot of a page goes on at its hanging indent on the next; a new number does not."""
    one, y = block("The Commissioner introduced the report and reminded members that the "
                   "force had entered Engage in May.", 760, marker="2.1", hang=104)
    second = [Text(MARGIN_LEFT, y, "2.2"), justified(
        "The Deputy Chief Constable said the inspectorate had revisited in October.", 104, y)]
    page2 = [Text(104, 760, "Two of the five recommendations had been closed."),
             Text(MARGIN_LEFT, 740, "2.3"), Text(104, 740, "The Chair thanked the officers.")]
    lines = lines_of([one + second, page2], title_hint="Minutes")
    assert lines[1].startswith("2.1 The Commissioner introduced") and lines[1].endswith("in May.")
    assert lines[2] == ("2.2 The Deputy Chief Constable said the inspectorate had revisited in "
                        "October. Two of the five recommendations had been closed.")
    assert lines[3] == "2.3 The Chair thanked the officers."


def test_letterhead_addressee_and_date_beside_it():
    """A sender's name over their title, set flush right, is one line as a text copy reads
    it; an address cut short on purpose is not run into the salutation; a date set beside
    the address is a line of its own, not a table row; a heading stays its own line."""
    page = [flush_right("Wendy Williams", 780, bold=True),
            flush_right("HM Inspector of Constabulary", 767.5),
            Text(MARGIN_LEFT, 730, "Chief Constable"), flush_right("18 July 2024", 730),
            Text(MARGIN_LEFT, 717.5, "Northshire Police"),
            Text(MARGIN_LEFT, 690, "Dear Chief Constable,"),
            Text(MARGIN_LEFT, 665, "Revisit of the cause of concern", bold=True)]
    body, _ = block("We revisited the force in June and found that it had improved the way "
                    "it answers calls for service, and that it now keeps victims informed of "
                    "progress in their cases.", 645)
    lines = lines_of([page + body])
    assert lines == ["Wendy Williams HM Inspector of Constabulary", "Chief Constable",
                     "18 July 2024", "Northshire Police", "Dear Chief Constable,",
                     "Revisit of the cause of concern", body[0].text + " " + body[1].text]
    assert parse_pdf(build_layout_pdf([page + body]), url=URL).published_date.isoformat() == (
        "2024-07-18")


def test_a_short_line_ends_its_paragraph_without_a_gap_below():
    """Paragraphs set without space between them: a last line that stops short where the
    next word would have fitted ends the paragraph; a line filled to the margin goes on."""
    text = ("The force has closed the cause of concern about its response to calls, and "
            "inspectors found the control room fully staffed on every shift they visited.")
    first, rest = fill(text.split(" "))
    page = [justified(" ".join(first), MARGIN_LEFT, 760),
            Text(MARGIN_LEFT, 760 - STEP, " ".join(rest)),
            Text(MARGIN_LEFT, 760 - 2 * STEP, "A second cause of concern remains open.")]
    lines = lines_of([page], title_hint="Letter")
    assert lines[1:] == [" ".join(first + rest), "A second cause of concern remains open."]


def test_table_cells_at_x_positions_read_as_rows():
    """Cells set close enough for pdfminer to read them as one line are cut at their
    padding; a cell wrapped over two lines is read whole, in its own column."""
    rows = [("No.", "Recommendation", "Status"),
            ("1", "Call handling and risk assessment at first contact", "Closed"),
            ("2", "Safeguarding plans for repeat", "Open")]
    xs = (MARGIN_LEFT, 110, 110 + text_width(rows[1][1]) + 12)
    page, y = [], 760
    for row in rows:
        page += [Text(x, y, cell, bold=row is rows[0]) for x, cell in zip(xs, row, strict=True)]
        y -= STEP + 6
    page.append(Text(110, y + 6, "victims and their children"))
    lines = lines_of([page], title_hint="Table")
    assert lines[1:] == ["No. | Recommendation | Status",
                         "1 | Call handling and risk assessment at first contact | Closed",
                         "2 | Safeguarding plans for repeat victims and their children | Open"]


def test_justified_prose_with_wide_spaces_stays_one_line():
    """Every space of a justified line is widened alike, wider than a cell's padding here:
    its words are one line, not cells."""
    line = "Inspectors returned to the force in the spring and found"
    loose = justified(line, MARGIN_LEFT, 760)
    assert 8 < loose.word_space < 25
    page = [loose, Text(MARGIN_LEFT, 760 - STEP, "that it had improved.")]
    assert lines_of([page], title_hint="Letter")[1] == f"{line} that it had improved."


def _furnished(pages: list[list[Text]], short_title: str) -> list[list[Text]]:
    count = len(pages)
    for number, page in enumerate(pages, start=1):
        label = f"Page {number} of {count}"
        page += [Text(277, 812, "OFFICIAL", 9, True), Text(MARGIN_LEFT, 40, short_title, 8),
                 Text(523 - text_width(label, 8), 40, label, 8), Text(277, 25, "OFFICIAL", 9, True)]
    return pages


def test_running_heads_go_and_the_headline_they_repeat_stays():
    """Footers that repeat the title, page numbers and markings go from every page; the
    same title as the first page's heading stays, and a year at the foot of a page is text."""
    title = "Northshire Police: revisit letter"
    text = ("We found that the force had made progress in the way it supervises "
            "investigations and in how it keeps victims informed of what happens in their "
            "cases, which we set out in")
    first, rest = fill(text.split(" "))
    second, rest = fill(rest)
    assert rest == []
    page1 = [Text(MARGIN_LEFT, 770, title, 14, True), justified(" ".join(first), MARGIN_LEFT, 740),
             justified(" ".join(second), MARGIN_LEFT, 740 - STEP),
             Text(MARGIN_LEFT, 90, "Entered Engage", bold=True), Text(MARGIN_LEFT, 77.5, "2019")]
    page2 = [Text(MARGIN_LEFT, 760, "December 2023, when we last visited.")]
    page3 = [Text(MARGIN_LEFT, 760, "The force remains in Engage.")]
    lines = lines_of(_furnished([page1, page2, page3], title))
    assert lines[0] == title
    assert lines[1] == text
    assert lines[2:] == ["Entered Engage 2019", "December 2023, when we last visited.",
                         "The force remains in Engage."]


def test_page_breaks_join_cut_sentences_and_keep_real_breaks():
    """A line filled to the margin at the foot of a page goes on over the break, even in
    a capital or after "commented:"; a paragraph that ended short, or a bold heading at
    the top of the next page, does not."""
    text = ("HM Inspector of Constabulary Roy Wilsher, who led the revisit of the "
            "constabulary, commented:")
    full, _ = fill(text.split(" "))
    assert " ".join(full).endswith("commented:")
    page1 = [justified(" ".join(full), MARGIN_LEFT, 100)]
    page2 = [Text(MARGIN_LEFT, 760, "“The constabulary has come a long way this year.”"),
             Text(MARGIN_LEFT, 735, "The cause of concern is now closed.")]
    page3 = [Text(MARGIN_LEFT, 760, "Next steps", bold=True),
             Text(MARGIN_LEFT, 735, "We will revisit in the spring.")]
    lines = lines_of([page1, page2, page3], title_hint="Revisit letter")
    assert lines[1:] == [" ".join(full) + " “The constabulary has come a long way this year.”",
                         "The cause of concern is now closed.", "Next steps",
                         "We will revisit in the spring."]


def test_a_table_row_cut_by_a_page_break_is_read_whole():
    """The rest of a wrapped cell at the top of the next page goes back into its cell; a
    paragraph after the table, at the margin and in a capital, is a paragraph."""
    xs = (MARGIN_LEFT, 110, 380)
    header = ("No.", "Recommendation", "Status")
    row = ("2", "Make sure supervisors review reports of missing", "Open")
    page1 = [Text(x, 120, cell, bold=True) for x, cell in zip(xs, header, strict=True)]
    page1 += [Text(x, 101.5, cell) for x, cell in zip(xs, row, strict=True)]
    page2 = [Text(110, 760, "children within a day"),
             Text(MARGIN_LEFT, 735, "Members noted the update.")]
    lines = lines_of([page1, page2], title_hint="Minutes")
    assert lines[1:] == ["No. | Recommendation | Status",
                         "2 | Make sure supervisors review reports of missing children within "
                         "a day | Open",
                         "Members noted the update."]


def test_a_one_page_letter_loses_its_footer_and_keeps_a_count_in_a_table():
    """The footer of a one-page letter carries its page number beside the title: it goes
    whole. A count in a table's last row ("3 of 5") is a cell, not a page number."""
    page = [Text(MARGIN_LEFT, 760, "Revisit letter: Northshire Police", 14, True),
            Text(MARGIN_LEFT, 735, "Causes of concern", bold=True),
            Text(250, 735, "Closed", bold=True),
            Text(MARGIN_LEFT, 722.5, "Investigations"), Text(250, 722.5, "3 of 5"),
            Text(MARGIN_LEFT, 40, "Revisit letter: Northshire Police", 8),
            Text(482, 40, "Page 1 of 1", 8)]
    assert lines_of([page]) == ["Revisit letter: Northshire Police",
                                "Causes of concern | Closed", "Investigations | 3 of 5"]


def test_counts_in_columns_side_by_side_stay_cells():
    """Numbers in neighbouring columns look like list markers one by one: they are cells."""
    xs = (MARGIN_LEFT, 300, 360, 420)
    rows = [("Inspection", "Made", "Closed", "Open"), ("Crime data integrity", "4", "3", "1"),
            ("Custody", "6", "1", "Not known")]
    page = [Text(x, 760 - 18 * k, cell, bold=k == 0)
            for k, row in enumerate(rows) for x, cell in zip(xs, row, strict=True)]
    assert lines_of([page], title_hint="Minutes")[1:] == [
        "Inspection | Made | Closed | Open", "Crime data integrity | 4 | 3 | 1",
        "Custody | 6 | 1 | Not known"]
