"""Moves a table gives, one a dated cell: pages that track which forces entered and left
Engage put them in rows ("Force | Moved into Engage | Returned to Scan", "Cleveland Police |
September 2019 | October 2023").

A column whose header names a phase and which way a force moved ("Moved into Engage",
"Date entered special measures", "Returned to Scan", "Left Engage") holds moves; a row's
force is the one its other cells name; a date in a move column dates the move at the
precision the cell gives, and a dash or an empty cell is no move. The sentence reader sees
a row as words without grammar, so within such a table only the table's reading counts.
"""

from __future__ import annotations

from datetime import date

from pipeline.codes import Phase, Precision
from pipeline.events.registry import PHASE_CHANGE
from pipeline.extract.clauses import has_phrase, lower_words
from pipeline.extract.context import Analysis
from pipeline.extract.dates import bare_year
from pipeline.extract.evidence import span_event
from pipeline.extract.finding_tables import Cell, Row, tables
from pipeline.extract.force_scope import forces_of, out_of_scope
from pipeline.models import Event


def _phase_named(analysis: Analysis, words: list[str]) -> Phase | None:
    ph = analysis.rules.phases
    bare = {ph.bare_phase_words[w] for w in words if w in ph.bare_phase_words}
    if has_phrase(words, ph.engage_terms) or Phase.ENGAGE in bare:
        return Phase.ENGAGE
    if has_phrase(words, ph.scan_terms) or Phase.SCAN in bare:
        return Phase.SCAN
    return None


def _column_move(analysis: Analysis, cell: Cell, named: Phase | None) -> Phase | None:
    """The phase a header cell's moves go to, or None when the header names no move. A cell
    that names no phase, in a header that names one elsewhere, means Engage when it enters
    ("Date entered": forces enter only Engage) and Scan when it leaves ("Date left"); a bare
    "Moved" means the phase the header names."""
    ph = analysis.rules.phases
    words = lower_words(analysis.doc, cell.tok_start, cell.tok_end)
    own = _phase_named(analysis, words)
    leaving = any(w in ph.exit_words or w in ph.out_of_preps for w in words) or has_phrase(
        words, ph.out_of_phrases)
    entering = any(w in ph.enter_words for w in words)
    moving = leaving or entering or any(w in ph.move_verbs or w in ph.into_preps
                                        for w in words)
    if own is None and named is None:
        return None  # a table that names no phase tracks something else ("Joined | Left")
    phase = own or (Phase.SCAN if leaving else Phase.ENGAGE if entering else named)
    if phase is None or not moving:
        return None  # "In Engage?": a state, not a move
    if phase == Phase.ENGAGE and leaving:
        return Phase.SCAN
    return phase


def _move_columns(analysis: Analysis, header: Row) -> dict[int, Phase]:
    named = _phase_named(analysis, lower_words(analysis.doc, header.cells[0].tok_start,
                                               header.cells[-1].tok_end))
    found = {c: _column_move(analysis, cell, named) for c, cell in enumerate(header.cells)}
    return {c: phase for c, phase in found.items() if phase is not None}


def _row_force(analysis: Analysis, row: Row, skipped: set[int]) -> str | None:
    """The one force the row's other cells name; a bare place ("Kent") names it too, as no
    region or council moves between monitoring phases."""
    named = {force_id for c, cell in enumerate(row.cells) if c not in skipped
             for force_id in forces_of(analysis, analysis.sentence_of(cell.tok_start),
                                       cell.tok_start, cell.tok_end, places=True)}
    return named.pop() if len(named) == 1 else None


def _row_moves(analysis: Analysis, row: Row, columns: dict[int, Phase],
               also_skip: frozenset[int] | set[int] = frozenset()) -> list[Event]:
    force_id = _row_force(analysis, row, set(columns) | set(also_skip))
    if force_id is None or out_of_scope(analysis, PHASE_CHANGE.name, force_id):
        return []
    out = []
    for column, phase_to in columns.items():
        if column >= len(row.cells):
            continue
        dated = _cell_date(analysis, row.cells[column])
        if dated is None:
            continue
        phase_from = Phase.SCAN if phase_to == Phase.ENGAGE else Phase.ENGAGE
        out.append(span_event(analysis, row.start, row.end, PHASE_CHANGE.name, force_id,
                              event_date=dated[0], date_precision=dated[1],
                              phase_from=phase_from, phase_to=phase_to))
    return out


def _cell_date(analysis: Analysis, cell: Cell) -> tuple[date, str] | None:
    """The one date a cell gives; a year alone is a date in a date column."""
    dates = analysis.dates_between(cell.tok_start, cell.tok_end)
    if len(dates) == 1:
        return dates[0].value, dates[0].precision
    if dates or cell.tok_end - cell.tok_start != 1:
        return None
    year = bare_year(analysis.doc[cell.tok_start].text, analysis.rules)
    return (year, Precision.YEAR) if year else None


def _phase_column(analysis: Analysis, header: Row) -> tuple[int, int, bool] | None:
    """"Force | Phase | Date of move": the column holding each row's phase, the column
    holding the date it moved into it, and whether only entries count ("Since"), when the
    header names no phase itself."""
    ph = analysis.rules.phases
    words = [lower_words(analysis.doc, c.tok_start, c.tok_end) for c in header.cells]
    if any(_phase_named(analysis, w) for w in words):
        return None
    phase = next((c for c, w in enumerate(words) if any(x in ph.table_phase_headers
                                                        for x in w)), None)
    headers = (*ph.table_move_headers, *ph.table_entry_headers)
    moved = next((c for c, w in enumerate(words) if c != phase and any(
        x in headers for x in w)), None)
    if phase is None or moved is None:
        return None
    entries = not any(x in ph.table_move_headers for x in words[moved])
    return phase, moved, entries


def _row_phase_moves(analysis: Analysis, row: Row, phase_column: int, moved: int,
                     entries: bool) -> list[Event]:
    """A row's move into the phase its phase cell names, dated by its move cell."""
    if max(phase_column, moved) >= len(row.cells):
        return []
    cell = row.cells[phase_column]
    phase = _phase_named(analysis, lower_words(analysis.doc, cell.tok_start, cell.tok_end))
    if phase is None or (entries and phase != Phase.ENGAGE):
        return []
    return _row_moves(analysis, row, {moved: phase}, also_skip={phase_column})


def move_tables(analysis: Analysis) -> tuple[list[Event], list[tuple[int, int]]]:
    """The moves every table of moves gives, and the character spans of those tables."""
    events: list[Event] = []
    spans: list[tuple[int, int]] = []
    for table in tables(analysis):
        columns = _move_columns(analysis, table[0])
        by_phase = None if columns else _phase_column(analysis, table[0])
        if not columns and by_phase is None:
            continue
        spans.append((table[0].start, table[-1].end))
        for row in table[1:]:
            events += _row_moves(analysis, row, columns) if columns else _row_phase_moves(
                analysis, row, *by_phase)
    return events, spans
