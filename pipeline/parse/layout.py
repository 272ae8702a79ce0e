"""Normalise body text so that sentence and paragraph boundaries are reliable.

The stored text is what evidence offsets point into, so it is built once here and never
rewritten downstream: one paragraph per line, list items as "- item" lines, and the rows
of a table as one line each, their cells joined by CELL_SEPARATOR (the extractor's
`table_cell_separator` in rules/recommendations.yaml is found inside it).
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Bullets as pages and word processors write them; a lone lower-case "o" is the second-level
# bullet of documents converted from Word.
_LIST_MARKER = re.compile(r"^(?:[-*•·▪◦–]|o(?=\s)|\d{1,2}[.)])\s+")
CELL_SEPARATOR = " | "
# An empty cell is written as a dash, not as nothing: the extractor counts a row's cells
# by their words, so a row with an empty third cell would otherwise move its fourth cell
# under the third heading.
EMPTY_CELL = "–"
# A word broken across a line end: a letter or digit, then a hyphen ending the line.
_BROKEN_WORD = re.compile(r"\w-$")
_SOFT_HYPHEN = "\u00ad"
_ENDS_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019)]*$")
# Lines of at most this many words with no closing mark are cells of a table or a list of
# labels and values ("Cleveland Police" / "Entered Engage" / "2019"): they are read together,
# as the row they are, whether the page came as text or as markup.
FRAGMENT_WORDS = 4
_CLOSES_LINE = re.compile(r"[.!?:;\"\u201d\u2019)]$")
# Columns of a table set out with spaces: two spaces or more between cells, and at least
# GAP_ROW_CELLS cells to a row (two may be a label and its value, or a heading and a date).
_COLUMN_GAP = re.compile(r" {2,}")
GAP_ROW_CELLS = 3


def clean_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n".join(p for p in (clean_line(p) for p in paragraphs) if p)


def normalise_list_item(line: str) -> str:
    """Write every bullet the same way, so the extractor needs to know one marker."""
    match = _LIST_MARKER.match(line)
    if match:
        return "- " + line[match.end() :].strip()
    return line


def closes_line(line: str) -> bool:
    return bool(_CLOSES_LINE.search(line))


def is_fragment(line: str) -> bool:
    return len(line.split()) <= FRAGMENT_WORDS and not closes_line(line)


def join_fragments(lines: list[str], title: str = "") -> list[str]:
    """Runs of fragment lines as one line each: a page that sets a label and its value in
    blocks of their own ("Cleveland Police" / "Entered Engage" / "2019") says one thing, and
    a text copy of it reads the same. List items, table rows and the page's headline stay
    lines of their own."""
    headline = clean_line(title).lower()
    out: list[str] = []
    follows = False  # whether the line before was a fragment that a fragment may join
    for line in lines:
        fragment = not line.startswith("- ") and CELL_SEPARATOR not in line and is_fragment(
            line) and clean_line(line).lower() != headline
        if follows and fragment:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        follows = fragment
    return out


def join_cells(cells: list[str]) -> str:
    """One table row as one line, every column kept in its place."""
    return CELL_SEPARATOR.join(clean_line(cell) or EMPTY_CELL for cell in cells)


def _tab_cells(raw: str) -> tuple[list[str], bool] | None:
    """A line's tab-separated cells and whether it is surely a row; None for no row.

    Indentation is no cell. One tab in a line that ends a sentence may be a stray one in
    prose, and the tab after a bullet ("o<tab>call handling", "1.<tab>Vetting") may start a
    list item: such a line is a row only among surer rows.
    """
    text = raw.strip()
    if "\t" not in text:
        return None
    cells = [cell.strip() for cell in text.split("\t")]
    marker = _LIST_MARKER.match(text)
    bullet = bool(marker) and "\t" not in text[marker.end():]
    return cells, not bullet and (len(cells) > 2 or not _ENDS_SENTENCE.search(text))


def _gap_cells(raw: str) -> list[str] | None:
    """A line's cells where runs of spaces align them in columns, as text laid out from a
    PDF or a plain-text report sets a table ("Rec 1    Call-backs    Complete"); None for
    prose. Two spaces after a full stop are a typist's habit, not a column, and a row has
    at least GAP_ROW_CELLS cells."""
    text = raw.strip()
    if "\t" in text:
        return None
    cells = _COLUMN_GAP.split(text)
    if len(cells) < GAP_ROW_CELLS or any(_CLOSES_LINE.search(c) for c in cells[:-1]) or (
            _LIST_MARKER.match(cells[0] + " ") and not cells[0][:1].isdigit()):
        return None  # "o  call handling  (closed)": a bullet, set off by spaces
    if 2 * sum(cell.isalpha() and cell.islower() for cell in cells) > len(cells):
        return None  # justified prose: the gaps fall between the words of a sentence
    return cells


def table_rows(lines: list[str]) -> list[list[str] | None]:
    """For each line of text copied from a browser, its cells if it is a table row.

    Browsers copy a table row as its cells with a tab between each (an empty cell leaves
    two tabs side by side), so a line with a tab between words is a row, and so is every
    line of a run of tabbed lines with one sure row among them. Lines whose cells are
    aligned by spaces are rows when two or more come together.
    """
    found = [_tab_cells(line) or _gapped_in_run(lines, k) for k, line in enumerate(lines)]
    out: list[list[str] | None] = [None] * len(lines)
    start = 0
    while start < len(found):
        end = start
        while end < len(found) and found[end] is not None:
            end += 1
        run = found[start:end]
        if any(sure for _, sure in run):
            out[start:end] = [cells for cells, _ in run]
        start = end + 1
    return out


def _gapped_in_run(lines: list[str], k: int) -> tuple[list[str], bool] | None:
    """A gap-aligned line's cells when the line before or after it has as many: lines of
    justified prose laid out from a PDF have double spaces too, but not in columns."""
    cells = _gap_cells(lines[k])
    if cells is None:
        return None
    beside = (_gap_cells(lines[j]) for j in (k - 1, k + 1) if 0 <= j < len(lines))
    return (cells, True) if any(b is not None and len(b) == len(cells) for b in beside) else None


def breaks_word(line: str) -> bool:
    """Whether the line ends inside a word: a hyphen straight after it, or a soft hyphen."""
    return line.endswith(_SOFT_HYPHEN) or bool(_BROKEN_WORD.search(line))


def mend_line_break(left: str, right: str) -> str:
    """Join two lines of one paragraph, mending a word hyphenated across the break.

    Whether "long-" + "term" was "long-term" or "monitor-" + "ing" was "monitoring" needs a
    dictionary; in running prose, typesetters' breaks inside a word far outnumber compounds
    that happen to fall at a line end, so a lower-case letter, a hyphen ending the line and
    a lower-case letter starting the next are joined without the hyphen ("long-term" comes
    out "longterm", the rarer loss). Before a capital or a digit ("mid-" + "2023", "non-" +
    "English") the hyphen belongs to the word and is kept; either way no space is added.
    """
    if not left:
        return right
    if not right:
        return left
    if left.endswith(_SOFT_HYPHEN):
        return left[:-1] + right
    if breaks_word(left) and right[0].isalnum():
        if left[-2].islower() and right[0].islower():
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


def with_title(title: str, body: str) -> str:
    """Headlines carry facts ("Cleveland emerges from special measures"), so they are text too."""
    title = clean_line(title)
    if not title:
        return body
    first = body.split("\n", 1)[0]
    if clean_line(first).rstrip(".").lower() == title.rstrip(".").lower():
        return body
    return f"{title}\n{body}" if body else title
