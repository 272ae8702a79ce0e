"""Tallies a table gives, one a row: panel papers and progress reports count findings in
columns.

A table (finding_tables.tables) whose header names what each column counts gives one tally
a row. Either each row names the kind of finding ("Causes of concern | 3 | 2 | 1" under
"Finding | Number | Closed | Open") and the force is the one the table is about, or the
header names the kind ("Force | Causes of concern | Closed") and each row names its force
("Kent Police | 3 | 3"). A column counts the whole set when its header says so ("Total",
"Number", "Made") or names the kind, and the closed or open ones when its header is a
status ("Closed", "Still open"); a column of partly met findings leaves open as what is not
closed. A row with no force, or a header that says what no column counts, gives nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum, auto

from pipeline.codes import Status
from pipeline.events.registry import RECOMMENDATION
from pipeline.extract.clauses import has_phrase, lower_words
from pipeline.extract.context import Analysis
from pipeline.extract.counts import Tally, number_at, tally_date
from pipeline.extract.finding_mentions import Matcher, finding_force
from pipeline.extract.finding_tables import Cell, Row, tables
from pipeline.extract.force_scope import out_of_scope
from pipeline.extract.gazetteer import MentionKind
from pipeline.extract.status import status_in, status_words


class _Role(StrEnum):
    """What a column counts besides a status: the whole set, or the partly met."""

    TOTAL = auto()
    PARTIAL = auto()



@dataclass(frozen=True)
class _Columns:
    """What each header column counts: total, closed, open or partial, by column."""

    roles: dict[int, str]
    kind: str | None  # the kind the header names ("Force | Causes of concern | Closed")


def _kind_of(analysis: Analysis, cell: Cell) -> str | None:
    return next((kind for kind, start, end in analysis.matches(Matcher.FINDINGS)
                 if cell.tok_start <= start and end <= cell.tok_end), None)


def _role(analysis: Analysis, cell: Cell) -> str | None:
    words = lower_words(analysis.doc, cell.tok_start, cell.tok_end)
    if set(words) & status_words(analysis).partial:
        return _Role.PARTIAL
    status = status_in(analysis, cell.tok_start, cell.tok_end, context_start=cell.tok_start,
                       tally=True)
    if status is not None:
        return status
    if has_phrase(words, analysis.rules.counts.table_total_headers):
        return _Role.TOTAL
    return None


def _columns(analysis: Analysis, header: Row) -> _Columns | None:
    """The header's columns; None when it names no count column, or two kinds."""
    roles: dict[int, str] = {}
    kinds = {column: kind for column, cell in enumerate(header.cells)
             if (kind := _kind_of(analysis, cell)) is not None}
    if len(set(kinds.values())) > 1:
        return None
    for column, cell in enumerate(header.cells):
        role = _role(analysis, cell)
        if role is None and column in kinds and column > 0:
            role = _Role.TOTAL  # "Force | Causes of concern | Closed": the kind column is the whole
        if role is not None and column > 0:
            roles[column] = role
    if not roles:
        return None
    return _Columns(roles, next(iter(kinds.values()), None))


def _count(analysis: Analysis, cell: Cell) -> int | None:
    if cell.tok_end - cell.tok_start != 1:
        return None
    return number_at(analysis, cell.tok_start)


def _part_of(analysis: Analysis, cell: Cell) -> tuple[int, int] | None:
    """"2 of 2", "3 out of 5" in a status column: so many of the whole set."""
    words = lower_words(analysis.doc, cell.tok_start, cell.tok_end)
    for link in analysis.rules.counts.part_of:
        size = len(link.split())
        if len(words) == size + 2 and " ".join(words[1:-1]) == link:
            part = number_at(analysis, cell.tok_start)
            whole = number_at(analysis, cell.tok_end - 1)
            if part is not None and whole is not None and part <= whole:
                return part, whole
    return None


def _values(analysis: Analysis, row: Row, columns: _Columns) -> dict[str, int]:
    """Each column's count in a row; "2 of 2" under "Closed" also gives the whole."""
    values: dict[str, int] = {}
    for column, role in columns.roles.items():
        if column >= len(row.cells):
            continue
        cell = row.cells[column]
        value = _count(analysis, cell)
        if value is None and role in (Status.CLOSED, Status.OPEN) and (
                parts := _part_of(analysis, cell)) is not None:
            value = parts[0]
            values.setdefault(_Role.TOTAL, parts[1])
        if value is not None:
            values[role] = value
    return values


def _row_force(analysis: Analysis, label: Cell) -> str | None:
    """The police force a row names ("Kent Police | 3 | 3"); not a fire and rescue service,
    nor a force with no findings process."""
    force_id = next((m.force_id for m in analysis.forces_between(label.tok_start, label.tok_end)
                     if m.kind in (MentionKind.STRONG, MentionKind.WEAK)), None)
    if force_id is None or out_of_scope(analysis, RECOMMENDATION.name, force_id):
        return None
    return force_id


def _row_tally(analysis: Analysis, row: Row, columns: _Columns) -> Tally | None:
    label = row.cells[0]
    kind = columns.kind or _kind_of(analysis, label)
    sentence = analysis.sentence_of(label.tok_start)
    if kind is None or columns.kind is not None and _kind_of(analysis, label) is not None:
        return None  # a row of another kind under a header that names one
    force_id = finding_force(analysis, sentence, label.tok_start) if (
        columns.kind is None) else _row_force(analysis, label)
    values = _values(analysis, row, columns)
    if force_id is None or not set(values) - {_Role.PARTIAL}:
        return None
    tally = Tally(kind, force_id, sentence, row.start, row.end, label.tok_start,
                  total=values.get(_Role.TOTAL), closed=values.get(Status.CLOSED),
                  open=values.get(Status.OPEN), partial=_Role.PARTIAL in values)
    tally.complete()
    tally.date = tally_date(analysis, tally)
    return tally if tally.coherent else None


def table_tallies(analysis: Analysis) -> list[Tally]:
    """One tally for each row of a table whose header says what its columns count."""
    out: list[Tally] = []
    for table in tables(analysis):
        columns = _columns(analysis, table[0])
        if columns is None:
            continue
        out.extend(t for row in table[1:] if row.cells and (
            t := _row_tally(analysis, row, columns)) is not None)
    return out
