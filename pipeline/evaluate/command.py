"""The `eval` command: run, print, optionally write JSON or a new floor, and say how it went.

Exit codes follow the CLI's: 0 evaluated everything, 1 some gold files or corpus documents
were left out (listed under Problems), 2 nothing to evaluate (no gold directory or files).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.evaluate.floor import FLOOR_PATH, write_floor
from pipeline.evaluate.report import print_report, report_console
from pipeline.evaluate.run import DEFAULT_CORPUS, DEFAULT_GOLD, run_eval

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def eval_command(
    corpus: Path,
    gold: Path,
    json_out: Path | None,
    baseline: bool,
    write_baseline: Path | None = None,
) -> int:
    """Evaluate, print the report, write JSON to json_out and the floor to write_baseline."""
    console = report_console()
    if not gold.is_dir() or not any(gold.glob("*.json")):
        console.print(f"[red]error:[/] no gold files in {gold}")
        return EXIT_USAGE
    result = run_eval(corpus, gold, baseline=baseline)
    print_report(result, console)
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(result.to_dict(), indent=2) + "\n", encoding="utf-8")
        console.print(f"wrote {json_out}")
    if write_baseline is not None:
        write_floor(result, write_baseline)
        console.print(f"wrote floor figures to {write_baseline}")
    return EXIT_PARTIAL if result.problems else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.evaluate",
        description="Score the extractor against the gold set, beside a spaCy NER baseline.",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--json", type=Path, default=None, dest="json_out",
                        help="also write the results as JSON to this file")
    parser.add_argument("--no-baseline", action="store_false", dest="baseline",
                        help="skip the statistical spaCy baseline")
    parser.add_argument("--write-baseline", action="store_true",
                        help=f"rewrite the checked-in floor ({FLOOR_PATH}) from this run")
    args = parser.parse_args(argv)
    return eval_command(args.corpus, args.gold, args.json_out, args.baseline,
                        FLOOR_PATH if args.write_baseline else None)
