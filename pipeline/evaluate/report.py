"""Print an EvalResult as tables a person can read, then the misses and false hits."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pipeline.evaluate.baseline import BASELINE_FIELDS
from pipeline.evaluate.realset import MEASURES, RealScores
from pipeline.evaluate.run import EvalResult
from pipeline.evaluate.scoring import Counts, Miss


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _prf(counts: Counts) -> list[str]:
    return [_pct(counts.precision), _pct(counts.recall), _pct(counts.f1)]


def events_table(result: EvalResult) -> Table:
    table = Table(title="Events: a hit needs every matching field right")
    for name in ("subset", "event type"):
        table.add_column(name, no_wrap=True)
    for name in ("gold", "pred", "hit", "P", "R", "F1"):
        table.add_column(name, justify="right")
    for subset, scores in result.subsets.items():
        label = f"{subset} ({scores.documents} docs)"
        rows = [*scores.by_type.items(), ("statement quote", scores.quote),
                ("all types", scores.overall)]
        for index, (event_type, counts) in enumerate(rows):
            table.add_row(label if index == 0 else "", event_type, str(counts.tp + counts.fn),
                          str(counts.tp + counts.fp), str(counts.tp), *_prf(counts),
                          end_section=index == len(rows) - 1)
    return table


def fields_table(result: EvalResult, subset: str = "all") -> Table:
    table = Table(
        title=f"Fields ({subset} documents): pairs = matches + pairs wrong only on this field",
        caption="wrong = events this field alone kept from matching; * = reported, not matched",
    )
    for name in ("event type", "field"):
        table.add_column(name, no_wrap=True)
    for name in ("pairs", "right", "wrong", "accuracy", "P", "R", "F1"):
        table.add_column(name, justify="right")
    for score in result.subsets[subset].fields:
        if not score.pairs:
            continue
        label = score.field if score.decides_match else f"{score.field} *"
        table.add_row(score.event_type, label, str(score.pairs), str(score.right),
                      str(score.wrong), _pct(score.accuracy), *_prf(score.counts))
    return table


def comparison_table(result: EvalResult) -> Table:
    table = Table(
        title="Document-level fields (one set per document): ours vs statistical NER",
        caption="; ".join(
            f"{row.system}: {row.note or row.model}"
            for row in result.comparison["all"]
            if row.note or row.model
        ) or None,
    )
    for name in ("subset", "system"):
        table.add_column(name, no_wrap=True)
    for name in BASELINE_FIELDS:
        for part in ("P", "R", "F1"):
            table.add_column(f"{name} {part}", justify="right")
    for subset, rows in result.comparison.items():
        for index, row in enumerate(rows):
            cells = [c for name in BASELINE_FIELDS for c in _prf(row.fields[name])
                     ] if not row.note else ["n/a"] * (3 * len(BASELINE_FIELDS))
            table.add_row(subset if index == 0 else "", escape(row.system), *cells,
                          end_section=index == len(rows) - 1)
    return table


def _miss_line(miss: Miss) -> str:
    fields = ", ".join(f"{k}={v}" for k, v in miss.fields.items())
    line = f"[bold]{escape(miss.document)}[/] {miss.event_type}: {escape(fields)}"
    if miss.closest:
        diffs = "; ".join(f"{k}: gold {g!r}, got {p!r}" for k, (g, p) in miss.closest.items())
        line += f"\n    [yellow]nearest differs on {escape(diffs)}[/]"
    if miss.evidence:
        line += f"\n    [dim]“{escape(miss.evidence.strip())}”[/]"
    return line


def report_console() -> Console:
    """A console wide enough for the tables even when output goes to a file or a pipe."""
    probe = Console()
    return Console(highlight=False, width=None if probe.is_terminal else 120)


def print_report(result: EvalResult, console: Console | None = None) -> None:
    console = console or report_console()
    console.print(events_table(result))
    console.print(fields_table(result))
    if result.comparison:
        console.print(comparison_table(result))
    for title, items in (("Misses (gold events not found)", result.misses),
                         ("False hits (predicted events not in gold)", result.false_hits)):
        console.rule(f"{title}: {len(items)}")
        for item in items:
            console.print(_miss_line(item))
    if result.problems:
        console.rule(f"Problems: {len(result.problems)}")
        for problem in result.problems:
            console.print(f"[red]{escape(problem)}[/]")


def real_set_table(scores: dict[str, RealScores], title: str | None = None) -> Table:
    """Per part of the real set and per measure: P, R, F1 and the counts behind them."""
    table = Table(title=title or "Real set (score.py's measures): tune = rules written "
                                 "against it, check = never read")
    for name in ("part", "measure"):
        table.add_column(name, no_wrap=True)
    for name in ("tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(name, justify="right")
    for part, part_scores in scores.items():
        for index, measure in enumerate(MEASURES):
            c = part_scores.counts.get(measure, Counts())
            precision = c.tp / (c.tp + c.fp) if c.tp + c.fp else 1.0
            recall = c.tp / (c.tp + c.fn) if c.tp + c.fn else 1.0
            label = f"{part} ({part_scores.documents} docs)" if index == 0 else ""
            table.add_row(label, measure, str(c.tp), str(c.fp), str(c.fn), f"{precision:.3f}",
                          f"{recall:.3f}", f"{part_scores.f1(measure):.3f}",
                          end_section=index == len(MEASURES) - 1)
    return table


def print_real_set(scores: dict[str, RealScores] | None, note: str,
                   console: Console | None = None, name: str = "Real set") -> None:
    """A set's figures, then the misses of the parts that may be read: the real set's tune
    part, or a set without parts; the real set's check part stays unprinted."""
    console = console or report_console()
    if scores is None:
        console.rule(name)
        console.print(note)
        return
    title = None if name == "Real set" else f"{name} (score.py's measures)"
    console.print(real_set_table(scores, title))
    readable = scores.get("tune") or (scores.get("all") if set(scores) == {"all"} else None)
    if readable is not None:
        part = "tune part" if "tune" in scores else "all documents"
        console.rule(f"{name}, {part}: misses and false hits: {len(readable.misses)}")
        for line in readable.misses:
            console.print(escape(line))
    console.print(f"[dim]{escape(note)}[/]")
