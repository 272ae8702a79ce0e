"""Items a table names, one a row: panel and committee papers track findings in rows.

A table is a run of lines split into cells by a separator ("Ref | Recommendation |
Status"); its first line is the header. The column whose header names a kind of finding
("Recommendation", "Cause of concern") holds the subjects, one a row, unless its cells are
counts ("Recommendations | 4"); a column headed "Status" (or "Progress", …) says where each
stands. A status cell that waits on someone else ("Complete – awaiting sign-off") is still
open; no status column, or a cell that says none, leaves the status null. With two kind
columns ("Cause of concern | Recommendation | Status") the rows are the finer findings and
the coarser column's are items once each. A table with no header whose rows open with a
finding's label and number ("Rec 1 | Call-backs | Complete") is read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.codes import Alignment, Status
from pipeline.extract.clauses import has_phrase, last_word_end, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.counts import number_at
from pipeline.extract.finding_mentions import Matcher, finding_force, findings_in
from pipeline.extract.items import Item, Source
from pipeline.extract.status import status_in
from pipeline.extract.subjects import clean_subject

_MIN_ROWS = 2  # a header and at least one row
_INTRO_WINDOW = 3  # sentences before a table that may say what it lists
BRACKET_STATUS_WORDS = 3  # words of a status in brackets closing a cell ("(both closed)")


@dataclass(frozen=True)
class Cell:
    start: int  # characters
    end: int
    tok_start: int
    tok_end: int


@dataclass(frozen=True)
class Row:
    start: int  # the line, in characters
    end: int
    cells: tuple[Cell, ...]


def _row(analysis: Analysis, start: int, line: str) -> Row | None:
    """A line's cells, trimmed; None when the line has no separator."""
    separator = analysis.rules.recommendations.table_cell_separator
    if separator not in line:
        return None
    cells = []
    offset = start
    for part in line.split(separator):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        if text:
            span = analysis.doc.char_span(offset + lead, offset + lead + len(text),
                                          alignment_mode=Alignment.EXPAND)
            if span is not None:
                cells.append(Cell(offset + lead, offset + lead + len(text), span.start, span.end))
        offset += len(part) + len(separator)
    stripped = line.rstrip()
    begin = start + len(line) - len(line.lstrip())
    return Row(begin, start + len(stripped), tuple(cells)) if cells else None


def tables(analysis: Analysis) -> list[list[Row]]:
    """Runs of consecutive lines with cells: each run is one table, its header first. Read
    once per document: items, their kinds and phase changes all read the same tables."""
    if tables not in analysis.cache:
        analysis.cache[tables] = _read_tables(analysis)
    return analysis.cache[tables]


def _read_tables(analysis: Analysis) -> list[list[Row]]:
    out: list[list[Row]] = []
    current: list[Row] = []
    offset = 0
    for line in analysis.text.split("\n"):
        row = _row(analysis, offset, line)
        if row is not None:
            current.append(row)
        else:
            if len(current) >= _MIN_ROWS:
                out.append(current)
            current = []
        offset += len(line) + 1
    if len(current) >= _MIN_ROWS:
        out.append(current)
    return out


def _kind_column(analysis: Analysis, header: Row) -> list[tuple[int, str]]:
    """The header cells that name a kind of finding: (column, kind), left first."""
    out = []
    for kind, start, end in analysis.matches(Matcher.FINDINGS):
        for column, cell in enumerate(header.cells):
            if cell.tok_start <= start and end <= cell.tok_end:
                out.append((column, kind))
    return sorted(set(out))


def _status_column(analysis: Analysis, header: Row) -> int | None:
    headers = analysis.rules.recommendations.table_status_headers
    for column, cell in enumerate(header.cells):
        if has_phrase(lower_words(analysis.doc, cell.tok_start, cell.tok_end), headers):
            return column
    return None


def _is_count(analysis: Analysis, cell: Cell) -> bool:
    """A number, or so many of so many ("2 of 2", "3 out of 5"): a count, never a finding."""
    doc = analysis.doc
    links = {word for link in analysis.rules.counts.part_of for word in link.split()}
    tokens = [i for i in range(cell.tok_start, cell.tok_end) if not doc[i].is_space]
    numbers = [i for i in tokens if number_at(analysis, i) is not None]
    return bool(numbers) and all(i in numbers or doc[i].lower_ in links for i in tokens)


def _cell_status(analysis: Analysis, cell: Cell) -> str | None:
    """"Closed by HMICFRS" closed, "In progress" open, "Complete – awaiting sign-off" open."""
    words = lower_words(analysis.doc, cell.tok_start, cell.tok_end)
    if has_phrase(words, analysis.rules.recommendations.table_pending_words):
        return Status.OPEN
    return status_in(analysis, cell.tok_start, cell.tok_end, context_start=cell.tok_start)


def _subject_column(analysis: Analysis, table: list[Row]) -> tuple[int, str] | None:
    """The last kind column whose cells are words, not counts (a table of causes of concern
    and the recommendations under each is a table of recommendations, one a row); failing
    that, a column headed "Summary" (or "Description", …) in a table of a kind its header
    abbreviates ("Rec") or the sentence before it names ("The table below sets out the
    recommendations")."""
    worded = _worded_columns(analysis, table)
    if worded:
        return worded[-1]
    rec = analysis.rules.recommendations
    header = [lower_words(analysis.doc, c.tok_start, c.tok_end) for c in table[0].cells]
    column = next((k for k, words in enumerate(header)
                   if has_phrase(words, rec.table_subject_headers)), None)
    if column is None or has_phrase(header[column], rec.lighter_findings):
        return None  # "Area for improvement | Status" tracks no finding
    kind = next((kind for kind, short in rec.table_kind_abbreviations.items()
                 for words in header if " ".join(words) in short), None)
    return (column, kind or _kind_introduced(analysis, table[0])) if (
        kind or _kind_introduced(analysis, table[0])) else None


def _kind_introduced(analysis: Analysis, header: Row) -> str | None:
    """The kind of finding a sentence just before the table names with a word pointing at
    it ("The table below sets out the recommendations linked to it.")."""
    rec = analysis.rules.recommendations
    index = analysis.sentence_of(header.cells[0].tok_start).index
    for sentence in reversed(analysis.sentences[max(index - _INTRO_WINDOW, 0) : index]):
        words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
        found = findings_in(analysis, sentence)
        caption = sentence.index == index - 1 and _captions(analysis, sentence, header)
        if found and (caption or has_phrase(words, rec.table_pointers)):
            return found[-1].kind
    return None


def _captions(analysis: Analysis, sentence: Sentence, header: Row) -> bool:
    """"Cumbria Constabulary: progress on the cause of concern" on the line right above a
    table is its caption: a line of its own, no full stop (a sentence ends in one)."""
    text = analysis.text[sentence.start : header.start]
    return "\n" in text and not sentence.text.rstrip().endswith(".")


def _worded_columns(analysis: Analysis, table: list[Row]) -> list[tuple[int, str]]:
    out = []
    for column, kind in _kind_column(analysis, table[0]):
        cells = [r.cells[column] for r in table[1:] if column < len(r.cells)]
        if cells and not all(_is_count(analysis, c) for c in cells):
            out.append((column, kind))
    return out


def table_items(analysis: Analysis) -> list[Item]:
    """One item for each row of a table whose header names a kind of finding. The
    findings of a coarser kind column before it ("Cause of concern" over the
    recommendations under each) are items too, each once, their status unsaid there."""
    out: list[Item] = []
    for table in tables(analysis):
        found = _subject_column(analysis, table)
        rows, status_column = table[1:], _status_column(analysis, table[0])
        if found is None:
            found, rows, status_column = _labelled_rows(analysis, table), table, len(
                table[0].cells) - 1
        if found is None:
            continue
        out += _column_items(analysis, table, rows, found, status_column)
        for coarser in _worded_columns(analysis, table)[:-1]:
            out += _column_items(analysis, table, rows, coarser, None, once=True)
    return out


def _column_items(analysis: Analysis, table: list[Row], rows: list[Row],
                  found: tuple[int, str], status_column: int | None, once: bool = False
                  ) -> list[Item]:
    column, kind = found
    out: list[Item] = []
    seen: set[str] = set()
    for row in rows:
        if column >= len(row.cells) or _is_count(analysis, row.cells[column]):
            continue
        cell = row.cells[column]
        sentence = analysis.sentence_of(cell.tok_start)
        force_id = finding_force(analysis, sentence, cell.tok_start)
        if force_id is None:
            continue
        status = None
        if status_column is not None and status_column < len(row.cells):
            status = _cell_status(analysis, row.cells[status_column])
        subjects, own_status = _cell_subjects(analysis, cell)
        subjects = [s for s in subjects if not (once and s.lower() in seen)]
        seen.update(s.lower() for s in subjects)
        out += [Item(kind, force_id, subject, own_status or status, row.start, row.end,
                     cell.tok_start, source=Source.TABLE, sentence_index=sentence.index,
                     group=f"table-{table[0].start}") for subject in subjects]
    return out


def _labelled_rows(analysis: Analysis, table: list[Row]) -> tuple[int, str] | None:
    """A table with no header whose rows each open with a finding's label and number
    ("Rec 1 | Call-backs | Complete", "Recommendation 2 | …"): its second column names
    them, and its last says where each stands when it holds three or more."""
    rec = analysis.rules.recommendations
    kinds = set()
    for row in table:
        first = row.cells[0]
        words = lower_words(analysis.doc, first.tok_start, first.tok_end)
        if len(row.cells) < 3 or not words or number_at(analysis, first.tok_end - 1) is None:
            return None
        label = " ".join(words[:-1])
        kind = next((k for k, short in rec.table_kind_abbreviations.items() if label in short),
                    None) or _cell_kind(analysis, first)
        if kind is None:
            return None
        kinds.add(kind)
    return (1, kinds.pop()) if len(kinds) == 1 else None


def _cell_kind(analysis: Analysis, cell: Cell) -> str | None:
    """The kind of the one finding a label cell names ("Recommendation 3"), if it names one
    and little else."""
    found = [kind for kind, start, end in analysis.matches(Matcher.FINDINGS)
             if cell.tok_start <= start and end <= cell.tok_end]
    return found[0] if len(found) == 1 and cell.tok_end - cell.tok_start <= 3 else None


def _cell_subjects(analysis: Analysis, cell: Cell) -> tuple[list[str], str | None]:
    """A cell's findings and the status it gives them itself: "Call handling; management of
    registered sex offenders (both closed)" names two, both closed."""
    doc = analysis.doc
    end, status = cell.end, None
    last = last_word_end(doc, cell.tok_start, cell.tok_end)
    if last > cell.tok_start and doc[last - 1].text == ")":
        opening = next((k for k in range(last - 2, cell.tok_start, -1) if doc[k].text == "("),
                       None)
        if opening is not None and last - opening - 2 <= BRACKET_STATUS_WORDS:
            status = status_in(analysis, opening + 1, last - 1)
            end = doc[opening].idx if status is not None else end
    text = analysis.text[cell.start:end]
    separators = analysis.rules.recommendations.cell_separators
    parts = [text]
    for separator in separators:
        parts = [q for p in parts for q in p.split(separator)]
    subjects = [p for p in (clean_subject(analysis, q) for q in parts) if p]
    return subjects, status


def table_sentences(analysis: Analysis) -> set[int]:
    """The sentences a table's lines hold: other wordings do not read them."""
    out = set()
    for table in tables(analysis):
        for row in table:
            for cell in row.cells:
                out.add(analysis.token_sentence[cell.tok_start])
    return out

