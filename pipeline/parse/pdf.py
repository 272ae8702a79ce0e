"""PDF documents (monitoring letters, reports): the text layer as paragraphs, and a date.

The inspectorate's letters that move a force into or out of Engage, or close a cause of
concern, are published as PDFs, laid out as letters and minutes are: a letterhead set to
the right, an address, numbered paragraphs and bullets with hanging indents, tables, a
running head and footer, pages that break mid-sentence. pdfminer.six finds the lines; this
module reads them as a reader does, by their geometry: lines on one baseline are a row
(cut into cells at a cell's padding), a line joins the one above when the line above
broke only because its first word would not have fitted, a page in two columns is read
column by column, and the rows at the top and foot of the pages that come back page after
page are dropped. The stored text reads as a text copy of the document does, one
paragraph per line; it is built here once, like an HTML page's, so evidence offsets point
into it the same way.

The date is the letter's own date line ("18 September 2024" on a line of its own near the
top); failing that, the date the listing or feed gave; failing that, the PDF's creation
date, which says when the file was made rather than when it was published.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from pdfminer.high_level import extract_pages
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTChar,
    LTComponent,
    LTPage,
    LTTextBox,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from pipeline.models import Document
from pipeline.parse.dates import date_line
from pipeline.parse.errors import ParseError
from pipeline.parse.furniture import is_marking
from pipeline.parse.layout import (
    breaks_word,
    clean_line,
    closes_line,
    is_fragment,
    join_cells,
    join_paragraphs,
    mend_line_break,
    normalise_list_item,
    with_title,
)

# Geometry, in points or in shares of the type size. Lines of one paragraph are set closer
# than this share of their size apart (a paragraph gap is wider); x positions within this
# many points are one indent; sizes within this many points are one type.
LINE_GAP = 0.6
ALIGN_TOLERANCE = 2.0
SIZE_TOLERANCE = 0.5
# A space is about this share of the type size wide (Helvetica 0.278, Times 0.25, Arial 0.278).
SPACE_WIDTH = 0.25
# A first line may be indented by up to this many points more than the lines after it.
FIRST_LINE_INDENT = 40
# Running heads and footers are looked for among this many rows at each end of a page.
EDGE_ROWS = 2
# Rows of several cells, at least this many in a run, are a table (one such row alone is
# a date set beside an address, say: its cells are paragraphs of their own).
MIN_TABLE_ROWS = 2
# A page is set in two columns when at least this many lines of this many words start at
# one x right of the margin and as many end before it, this share of them within this many
# type sizes of the column's edge.
MIN_COLUMN_LINES = 6
COLUMN_LINE_WORDS = 4
COLUMN_FILLED_SHARE = 0.6
COLUMN_FILL_EMS = 2.0
# ... and the right column starts within this span of the text width.
COLUMN_MIDDLE = (0.35, 0.65)
# At least this many lines ending at one edge make it the margin of justified text.
MIN_JUSTIFIED_LINES = 3
MIN_LONE_ROW_CELLS = 3
# A gap between two characters of a line wider than this share of the type size parts two
# cells (cells are padded by about half a type size each side; justified prose stays below).
CELL_GAP = 0.8
# ... and wider than this many times the line's narrowest space, unless wider than a
# justified space on a full-width line gets (this share of the type size).
WIDE_SPACE = 1.5
SURE_CELL_GAP = 1.2
# Pieces of a row farther apart than this many type sizes are never one line.
APART = 3.0
# A line with at least this many spaces, all alike, is justified prose.
MIN_EVEN_GAPS = 3
# Narrower than this share of the type size is no space between words (kerning, tracking).
NARROWEST_SPACE = 0.1
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
# A list marker set apart from its text: a bullet, a paragraph number, a letter.
_MARKER = re.compile(r"^(?:[-*•·▪◦–o]|\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z]{1,3}\)|[a-z]\.)$")
_DIGITS = re.compile(r"\d+")
# A number of four digits alone on a line is a year (a cell, a label's value), not a page.
_YEAR = re.compile(r"\d{4}")
# The letter's date line is looked for among this many first paragraphs.
DATE_LINE_PARAGRAPHS = 15
# A paragraph longer than this is body text, not a title.
TITLE_MAX_CHARS = 150
_BULLET = re.compile(r"^(?:[-*•·▪◦–]|\d{1,2}[.)])\s+")
_PAGE_NUMBER = re.compile(r"^\W*(?:page\s+)?\d+(?:\s*(?:of|/)\s*\d+)?\W*$", re.IGNORECASE)
_CREATION_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
# Titles that authoring tools write on their own: a file name, or the word processor's name.
_TOOL_TITLE = re.compile(r"^(?:microsoft\s+word\s*-|untitled\b)|\.(?:docx?|pdf|odt)$", re.I)
# pdfminer warns about every odd but readable file; our one error line says what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
_TERMINAL = ".!?:;\"”’)"
# Marks that end a line but lead on to what follows ("commented:" / a quote), and the
# marks a continuation may open with.
_LEADS_ON = ":;"
_OPENING = "\"“‘'("
# The PDF header may follow some junk bytes; readers look for it within the first kilobyte.
PDF_HEADER_WINDOW = 1024


def is_pdf(body: bytes, content_type: str = "") -> bool:
    """A PDF by its header or its declared type (servers mislabel files both ways)."""
    return b"%PDF-" in body[:PDF_HEADER_WINDOW] or "/pdf" in content_type.lower()


@dataclass(frozen=True)
class _Segment:
    """One line of text as pdfminer found it, with the geometry that decides its joins."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_word: float  # width of its first word: would it have fitted on the line above?
    hang: float  # where its text starts after a list marker ("•", "2.1"); x0 without one


@dataclass
class _Paragraph:
    text: str
    first: _Segment
    last: _Segment
    row: bool = False  # a table row: never joined to what follows
    room: float = 0.0  # between its last line's end and the margin: a page break may cut it
    cells: list[str] = field(default_factory=list)  # a table row's cells, and their x
    columns: list[float] = field(default_factory=list)


def _gaps(items: list[LTComponent]) -> list[tuple[int, float]]:
    """Where a row's words are apart: (index of the character after, width of the gap)."""
    gaps: list[tuple[int, float]] = []
    last: LTChar | None = None
    for index, item in enumerate(items):
        if isinstance(item, LTChar) and not item.get_text().isspace():
            if last is not None and item.x0 - last.x1 > NARROWEST_SPACE * item.size:
                gaps.append((index, item.x0 - last.x1))
            last = item
    return gaps


def _cells(items: list[LTComponent]) -> list[list[LTComponent]]:
    """A row cut where a gap wider than a cell's padding opens between two words, and
    wider than the row's narrowest space (justified prose spaces every word of a line
    alike, however wide; pdfminer may even set such words apart as lines of their own,
    and read neighbouring cells as one line). A list marker keeps its text."""
    gaps = _gaps(items)
    words = _words(items)
    marker = len(words) > 1 and bool(_MARKER.match("".join(c.get_text() for c in words[0])))
    rest = gaps[1:] if marker else gaps
    if not rest:
        return [items]
    usual = min(width for _, width in rest)
    if len(rest) >= MIN_EVEN_GAPS and max(width for _, width in rest) - usual <= ALIGN_TOLERANCE:
        return [items]
    size = max((c.size for c in items if isinstance(c, LTChar)), default=0.0)
    cuts = [index for index, width in rest if width > CELL_GAP * size and (
        width > WIDE_SPACE * usual or width > SURE_CELL_GAP * size)]
    if cuts and marker and gaps[0][1] > CELL_GAP * size:
        cuts.insert(0, gaps[0][0])  # a number in a table's first column, not a list's
    return [items[a:b] for a, b in zip([0, *cuts], [*cuts, len(items)], strict=True)]


def _segment(items: list[LTComponent]) -> _Segment | None:
    text = clean_line("".join(item.get_text() for item in items))
    chars = [c for c in items if isinstance(c, LTChar) and not c.get_text().isspace()]
    if not text or not chars:
        return None
    words = _words(items)
    first = words[0]
    hang = words[1][0].x0 if len(words) > 1 and _MARKER.match(
        "".join(c.get_text() for c in first)) else None
    bold = sum(bool(_BOLD_FONT.search(c.fontname)) for c in chars) * 2 > len(chars)
    return _Segment(text, chars[0].x0, chars[-1].x1, max(c.y1 for c in chars),
                    min(c.y0 for c in chars), chars[len(chars) // 2].size, bold,
                    first[-1].x1 - first[0].x0, chars[0].x0 if hang is None else hang)


def _words(line: list[LTComponent]) -> list[list[LTChar]]:
    """The line's characters word by word (a space, or a gap pdfminer marks, ends a word)."""
    words: list[list[LTChar]] = [[]]
    for item in line:
        if isinstance(item, LTChar) and not item.get_text().isspace():
            words[-1].append(item)
        elif words[-1]:
            words.append([])
    return [word for word in words if word]


def _items(line: LTTextLine) -> list[LTComponent]:
    """A line's characters and spaces, without the line break pdfminer ends it with."""
    return [item for item in line
            if isinstance(item, LTChar) or item.get_text() == " " or not item.get_text().isspace()]


def _start(piece: list[LTComponent]) -> int:
    return round(next(c.x0 for c in piece if isinstance(c, LTChar)))


def _far_apart(left: list[LTComponent], right: list[LTComponent]) -> bool:
    """Farther apart than a justified line ever spaces its words (a date set beside an
    address, a page number beside the footer's title)."""
    last = [c for c in left if isinstance(c, LTChar)][-1]
    first = next(c for c in right if isinstance(c, LTChar))
    return first.x0 - last.x1 > APART * max(last.size, first.size)


def _with_markers(pieces: list[list[LTComponent]]) -> list[list[LTComponent]]:
    """A list marker set apart from its text ("•", "2.1") put back in front of it; a number
    first in a row of three or more cells is a table's first column, and numbers side by
    side are cells ("4 | 3 | 1")."""
    out: list[list[LTComponent]] = []
    for index, piece in enumerate(pieces):
        mark = clean_line("".join(c.get_text() for c in out[-1])) if out else ""
        text = next(c for c in piece if isinstance(c, LTChar)).get_text()
        # After other cells, only a bullet or a dotted number ("•", "2.1") is a marker: a
        # bare number there is a count in its column ("5 | 3 | Open").
        inside = index > 1 and not mark.isdigit()
        if _MARKER.match(mark) and not text.isdigit() and (inside or len(pieces) == 2):
            out[-1] = [*out[-1], LTAnno(" "), *piece]
        else:
            out.append(piece)
    return out


def _rows(lines: list[LTTextLine]) -> list[list[_Segment]]:
    """Lines sharing a baseline, top to bottom, left to right, cut into cells where a
    cell's padding parts them. Pieces of one row are one line unless the later one starts
    where a piece of another row starts too (a column of a table, or of the page), or sits
    far apart: the words of a widely justified line, which pdfminer may set apart as lines
    of their own, start anywhere. A list marker keeps its text."""
    grouped: list[list[LTTextLine]] = []
    for line in sorted(lines, key=lambda item: (-item.y1, item.x0)):
        middle = (line.y0 + line.y1) / 2
        if grouped and grouped[-1][0].y0 <= middle <= grouped[-1][0].y1:
            grouped[-1].append(line)
        else:
            grouped.append([line])
    rows = [[piece for line in sorted(row, key=lambda item: item.x0)
             for piece in _cells(_items(line)) if any(isinstance(c, LTChar) for c in piece)]
            for row in grouped]
    starts = Counter(_start(piece) for row in rows for piece in row)
    out: list[list[_Segment]] = []
    for row in rows:
        merged: list[list[LTComponent]] = []
        for piece in row:
            column = sum(starts[_start(piece) + d] for d in (-1, 0, 1)) >= MIN_TABLE_ROWS
            if merged and not column and not _far_apart(merged[-1], piece):
                merged[-1] = [*merged[-1], LTAnno(" "), *piece]
            else:
                merged.append(piece)
        segments = [s for s in map(_segment, _with_markers(merged)) if s is not None]
        if segments:
            out.append(segments)
    return out


def _row_key(row: list[_Segment]) -> str:
    """A row as it comes back page after page: "Page 2 of 3" and "Page 3 of 3" alike."""
    return _DIGITS.sub("#", " ".join(s.text for s in row)).lower()


def _numbers_page(row: list[_Segment]) -> bool:
    """A row that is a page number, or carries one that says so ("Page 1 of 1" beside the
    title); "3 of 5" beside other cells is a table's count, and "2019" a year."""
    numbers = [s for s in row if _PAGE_NUMBER.match(s.text) and not _YEAR.search(s.text)]
    return bool(numbers) and (len(row) == 1 or any("page" in s.text.lower() for s in numbers))


def _furniture(pages: list[list[list[_Segment]]]) -> list[set[int]]:
    """Per page, the rows that are running heads, footers, page numbers or markings: the
    same rows at the top or bottom of more than half the pages, a row there that carries
    the page's number (with the title beside it on a one-page letter), or a marking on a
    row of its own anywhere. A heading that repeats the footer's title inside
    the page stays, and so does a year alone on a line (a table cell wrapped, say)."""
    def edges(rows: list[list[_Segment]]) -> list[int]:
        return sorted(set(range(min(EDGE_ROWS, len(rows))))
                      | set(range(max(0, len(rows) - EDGE_ROWS), len(rows))))

    counts: dict[str, int] = {}
    for rows in pages:
        for key in {_row_key(rows[i]) for i in edges(rows)}:
            counts[key] = counts.get(key, 0) + 1
    repeated = {k for k, n in counts.items() if len(pages) > 1 and n > len(pages) / 2}
    dropped: list[set[int]] = []
    for rows in pages:
        found = {i for i in edges(rows) if _row_key(rows[i]) in repeated or _numbers_page(
            rows[i])}
        found |= {i for i, row in enumerate(rows) if all(is_marking(s.text) for s in row)}
        dropped.append(found)
    return dropped


def _continues(para: _Paragraph, seg: _Segment, right: float) -> bool:
    """Whether `seg` is the next line of the paragraph: set close below it, at its indent,
    in its type, and the line before it broke only because this line's first word would
    not have fitted (a line cut short on purpose, as in an address, ends its paragraph)."""
    prev = para.last
    if para.row or abs(prev.size - seg.size) > SIZE_TOLERANCE or (
            prev.bottom - seg.top > LINE_GAP * seg.size):
        return False
    if _label_and_value(prev, seg):
        return True
    if prev.bold != seg.bold:
        return False
    indented = prev is para.first and seg.x0 < prev.x0 <= seg.x0 + FIRST_LINE_INDENT
    # The lines after a list item's first align with its text, or with its marker.
    indents = {prev.hang, prev.x0} if prev is para.first else {prev.x0}
    if all(abs(seg.x0 - x) > ALIGN_TOLERANCE for x in indents) and not indented:
        return False
    if breaks_word(para.text):
        return True
    wrapped = prev.x1 + SPACE_WIDTH * seg.size + seg.first_word > right - ALIGN_TOLERANCE
    # A dash starting a wrapped line is the prose's own ("... investigations / – have now
    # been closed"); after a line cut short, or after a colon, it is a list's bullet.
    return wrapped and not (_BULLET.match(seg.text) and closes_line(para.text))


def _label_and_value(prev: _Segment, seg: _Segment) -> bool:
    """Short lines set close together, flush left or right, bold or not: a label and its
    value ("Entered Engage" / "2019"), a name over a title. A text copy reads them as one
    line, so the PDF does too."""
    aligned = abs(seg.x0 - prev.x0) <= ALIGN_TOLERANCE or abs(seg.x1 - prev.x1) <= ALIGN_TOLERANCE
    return aligned and is_fragment(prev.text) and is_fragment(seg.text) and not _BULLET.match(
        seg.text)


def _column(seg: _Segment, columns: list[float]) -> int:
    return max([i for i, x in enumerate(columns) if x <= seg.x0 + ALIGN_TOLERANCE] or [0])


def _table(rows: list[list[_Segment]]) -> list[_Paragraph]:
    """Rows of cells set at x positions as one line each; a cell wrapped over several lines
    is read whole. Rows are told apart by the padding between them, else by a first cell."""
    columns = [s.x0 for s in max(rows, key=len)]
    gaps = [a[0].bottom - b[0].top for a, b in zip(rows, rows[1:], strict=False)]
    padded = bool(gaps) and max(gaps) - min(gaps) > ALIGN_TOLERANCE
    logical: list[list[list[_Segment]]] = []
    for index, row in enumerate(rows):
        new = index == 0 or (gaps[index - 1] > min(gaps) + ALIGN_TOLERANCE if padded
                             else _column(row[0], columns) == 0)
        if new:
            logical.append([[] for _ in columns])
        for seg in row:
            logical[-1][_column(seg, columns)].append(seg)
    out = []
    for cells in logical:
        texts = []
        for cell in cells:
            text = ""
            for seg in cell:
                text = mend_line_break(text, seg.text)
            texts.append(text)
        segs = [s for cell in cells for s in cell]
        out.append(_Paragraph(join_cells(texts), segs[0], segs[-1], row=True, cells=texts,
                              columns=columns))
    return out


def _table_end(rows: list[list[_Segment]], start: int) -> int:
    """Where a run of rows of several cells ends; a line set close below under a column
    other than the first is the rest of a wrapped cell."""
    columns = [s.x0 for s in rows[start]]
    row_gap: float | None = None  # between rows of cells, once two have been seen
    end = start + 1
    while end < len(rows):
        row, above = rows[end], rows[end - 1]
        gap = min(s.bottom for s in above) - row[0].top
        close = gap <= LINE_GAP * row[0].size
        under = any(abs(row[0].x0 - x) <= ALIGN_TOLERANCE for x in columns[1:])
        # Under the first column, a line set closer than the rows are, or one that goes on
        # with a word cut or in lower case.
        first = abs(row[0].x0 - columns[0]) <= ALIGN_TOLERANCE and (
            row[0].text[:1].islower() or breaks_word(above[0].text)
            or (row_gap is not None and gap < row_gap - ALIGN_TOLERANCE))
        if len(row) == 1 and not (close and (under or first)):
            break
        if len(row) > 1 and len(above) > 1:
            row_gap = gap if row_gap is None else min(row_gap, gap)
        if len(row) > len(columns):
            columns = [s.x0 for s in row]
        end += 1
    return end


def _margin(pages: list[list[list[_Segment]]]) -> float:
    """Where the body type's lines end, over the whole file: the edge most lines of plain
    body type end at (justified text), else the furthest (ragged text). A heading in bold
    or larger type may run past it; a page with a few short lines says nothing about it."""
    segments = [s for rows in pages for row in rows for s in row]
    if not segments:
        return 0.0
    sizes = [round(s.size) for s in segments]
    body = max(set(sizes), key=sizes.count)
    ends = [round(row[0].x1) for rows in pages for row in rows
            if len(row) == 1 and round(row[0].size) == body and not row[0].bold]
    if not ends:
        return max(s.x1 for s in segments)
    edge = max(set(ends), key=ends.count)
    return float(edge) if ends.count(edge) >= MIN_JUSTIFIED_LINES else float(max(ends))


def _page_paragraphs(rows: list[list[_Segment]], right: float) -> list[_Paragraph]:
    out: list[_Paragraph] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        if len(row) > 1:
            end = _table_end(rows, index)
            run = rows[index:end]
            if sum(len(r) > 1 for r in run) >= MIN_TABLE_ROWS or len(row) >= MIN_LONE_ROW_CELLS:
                out.extend(_table(rows[index:end]))
                index = end
                continue
            out.extend(_Paragraph(s.text, s, s, row=True) for s in row)
        elif out and _continues(out[-1], row[0], right):
            out[-1].text = mend_line_break(out[-1].text, row[0].text)
            out[-1].last = row[0]
        else:
            out.append(_Paragraph(row[0].text, row[0], row[0]))
        index += 1
    for para in out:
        para.room = right - para.last.x1
    return out


def _pages(body: bytes) -> list[list[_Paragraph]]:
    """Paragraphs per page, read line by line from pdfminer's layout, furniture dropped."""
    pages: list[list[list[_Segment]]] = []
    for page in extract_pages(io.BytesIO(body), laparams=LAParams()):
        if not isinstance(page, LTPage):
            continue
        pages.append(_rows([line for box in page if isinstance(box, LTTextBox) for line in box
                            if isinstance(line, LTTextLine)]))
    kept = [[row for index, row in enumerate(rows) if index not in gone]
            for rows, gone in zip(pages, _furniture(pages), strict=True)]
    right = _margin(kept)
    gutter = _gutter([row for rows in kept for row in rows])
    if gutter is None:
        return [_page_paragraphs(rows, right) if rows else [] for rows in kept]
    # A column is read as a page of its own, so that a sentence running on from the foot
    # of one column into the head of the next is joined as over a page break.
    return [_page_paragraphs(band, edge) for rows in kept
            for band, edge in _column_bands(rows, gutter, right)]


def _gutter(rows: list[list[_Segment]]) -> float | None:
    """Where a page set in two columns of prose parts them: many lines of several words
    start at one x near the middle of the page, and as many to its left end, nearly filled,
    before it (a table's first column holds labels that stop short; a hanging indent is
    near the margin). None for one column."""
    segments = [s for row in rows for s in row]
    starts = [round(s.x0) for s in segments if len(s.text.split()) >= COLUMN_LINE_WORDS]
    if not starts:
        return None
    left, right = min(starts), max(s.x1 for s in segments)
    middle = (left + COLUMN_MIDDLE[0] * (right - left), left + COLUMN_MIDDLE[1] * (right - left))
    candidates = [x for x in set(starts) if middle[0] <= x <= middle[1]
                  and starts.count(x) >= MIN_COLUMN_LINES]
    for x in sorted(candidates):  # the first from the left: indents in the right column follow
        before = [s for s in segments if s.x1 < x - ALIGN_TOLERANCE
                  and len(s.text.split()) >= COLUMN_LINE_WORDS]
        if len(before) < MIN_COLUMN_LINES:
            continue
        ends = [round(s.x1) for s in before]
        edge = max(set(ends), key=ends.count)
        if ends.count(edge) < MIN_JUSTIFIED_LINES:
            edge = max(ends)
        filled = sum(abs(s.x1 - edge) <= COLUMN_FILL_EMS * s.size for s in before)
        if filled >= COLUMN_FILLED_SHARE * len(before):
            return float(x)
    return None


def _column_bands(rows: list[list[_Segment]], gutter: float,
                  right: float) -> list[tuple[list[list[_Segment]], float]]:
    """Rows regrouped for reading a two-column page: the left column down, then the right,
    band by band; a line across the gutter (a heading, a full-width table) is a band."""
    out: list[tuple[list[list[_Segment]], float]] = []
    left: list[list[_Segment]] = []
    side: list[list[_Segment]] = []

    def flush() -> None:
        if left:
            out.append((left.copy(), max(s.x1 for row in left for s in row)))
        if side:
            out.append((side.copy(), right))
        left.clear()
        side.clear()

    for row in rows:
        if any(s.x0 < gutter - ALIGN_TOLERANCE < s.x1 for s in row):
            flush()
            out.append(([row], right))
            continue
        if lefts := [s for s in row if s.x1 < gutter]:
            left.append(lefts)
        if rights := [s for s in row if s.x1 >= gutter]:
            side.append(rights)
    flush()
    return out


def _runs_over(before: _Paragraph, after: _Paragraph) -> bool:
    """A paragraph cut by a page break: the next page goes on in lower case, or at the
    hanging indent of the item above, or the cut line ran to the margin (the next page's
    first word would not have fitted) with no sentence ended and the same type going on
    (a heading starting the next page is not a continuation; "commented:" going on with
    its quote is)."""
    if before.row or after.row or _BULLET.match(after.text):
        return False
    if after.text[:1].islower():
        return True
    if before.first.hang > before.first.x0 + ALIGN_TOLERANCE and abs(
            after.first.x0 - before.first.hang) <= ALIGN_TOLERANCE:
        return True
    if before.text[-1:] in _TERMINAL and before.text[-1:] not in _LEADS_ON:
        return False
    same_type = before.last.bold == after.first.bold and abs(
        before.last.size - after.first.size) <= SIZE_TOLERANCE
    fitted = before.room > SPACE_WIDTH * after.first.size + after.first.first_word + ALIGN_TOLERANCE
    return not fitted and same_type and (after.text[:1].isalnum() or after.text[:1] in _OPENING)


def _cut_cell(before: _Paragraph, after: _Paragraph) -> int | None:
    """The column of a table row cut by a page break that the next page's first line goes
    on in: set under that column, one line, not a row of its own (under the first column
    only in lower case, since a paragraph after the table starts there too)."""
    if not before.cells or after.row or after.first is not after.last:
        return None
    for column, x in enumerate(before.columns):
        if abs(after.first.x0 - x) <= ALIGN_TOLERANCE and (column or after.text[:1].islower()):
            return column
    return None


def _paragraphs(pages: list[list[_Paragraph]]) -> list[str]:
    out: list[_Paragraph] = []
    for paragraphs in pages:
        for index, para in enumerate(paragraphs):
            column = _cut_cell(out[-1], para) if index == 0 and out else None
            if column is not None:
                out[-1].cells[column] = mend_line_break(out[-1].cells[column], para.text)
                out[-1].text = join_cells(out[-1].cells)
            elif index == 0 and out and _runs_over(out[-1], para):
                out[-1].text = mend_line_break(out[-1].text, para.text)
                out[-1].last = para.last
                out[-1].room = para.room
            else:
                out.append(para)
    return [normalise_list_item(p.text) for p in out]


def _info(body: bytes) -> dict[str, str]:
    """The document information dictionary (Title, CreationDate, ...) as plain strings."""
    try:
        info = PDFDocument(PDFParser(io.BytesIO(body))).info
    except Exception:  # noqa: BLE001 - metadata is optional; the text already parsed
        return {}
    found: dict[str, str] = {}
    for entry in info or []:
        for key, value in entry.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                found[key] = value.strip()
    return found


def _metadata_date(info: dict[str, str]) -> date | None:
    match = _CREATION_DATE.match(info.get("CreationDate", ""))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _title(info: dict[str, str], paragraphs: list[str], hint: str | None) -> str:
    if hint:
        return hint
    meta = clean_line(info.get("Title", ""))
    if meta and not _TOOL_TITLE.search(meta):
        return meta
    for text in paragraphs:
        if date_line(text) is None and len(text) <= TITLE_MAX_CHARS:
            return text
    return ""


def _letter_date(paragraphs: list[str]) -> date | None:
    for text in paragraphs[:DATE_LINE_PARAGRAPHS]:
        found = date_line(text)
        if found is not None:
            return found
    return None


def parse_pdf(
    body: bytes,
    *,
    url: str,
    source: str = "local",
    title_hint: str | None = None,
    published_hint: date | None = None,
) -> Document:
    """A Document from a PDF's text layer; ParseError (one line) for a PDF without one."""
    try:
        pages = _pages(body)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for broken files
        raise ParseError(f"not a readable PDF ({type(exc).__name__})") from exc
    paragraphs = _paragraphs(pages)
    if not paragraphs:
        raise ParseError(
            f"PDF has no text layer ({len(pages)} page(s), probably scanned); needs OCR, skipped"
        )
    info = _info(body)
    title = _title(info, paragraphs, title_hint)
    published = _letter_date(paragraphs) or published_hint or _metadata_date(info)
    return Document(
        url=url,
        title=title,
        text=with_title(title, join_paragraphs(paragraphs)),
        published_date=published,
        source=source,
    )
