"""The `eval` command: run, print, optionally write JSON or a new floor, and say how it went.

The corpus gold is always scored; the real set is scored beside it when it is there
(`../shared/realdev`, or `--real DIR`), and the report says plainly when it is not.

Exit codes follow the CLI's: 0 evaluated everything, 1 some gold files or corpus documents
were left out (listed under Problems), 2 nothing to evaluate (no gold directory or files),
or a new floor was refused because it would lower a pinned figure.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.evaluate.floor import FLOOR_PATH, FloorError, floor_figures, write_floor
from pipeline.evaluate.realset import (
    PARTS,
    WRITTEN_SET,
    RealScores,
    RealSet,
    RealSetError,
    find_real_set,
    load_real_set,
    score_real_set,
)
from pipeline.evaluate.report import print_real_set, print_report, report_console
from pipeline.evaluate.run import DEFAULT_CORPUS, DEFAULT_GOLD, run_eval

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
WRITTEN_NOTE = ("The written set (eval/written) is our own text in the real set's format, "
                "written apart from the rules; its README says how, and which part is "
                "never read.")
CHECK_NOTE = ("The check part's misses are not printed: it stays unread, so that its figures "
              "show how the rules do on text nobody tuned them for.")


def real_set_scores(real_root: Path | None) -> tuple[RealSet | None,
                                                      dict[str, RealScores] | None, str]:
    """The real set's scores per part, or None with the reason it was not scored."""
    root = find_real_set(real_root)
    if root is None:
        where = real_root or "../shared/realdev"
        return None, None, (f"real set not scored: no gold.jsonl and texts/ in {where} "
                            "(it sits beside a checkout that has it; --real DIR points "
                            "elsewhere)")
    try:
        real = load_real_set(root)
    except RealSetError as exc:
        return None, None, f"real set not scored: {exc}"
    return real, score_real_set(real), CHECK_NOTE


def written_set_scores(root: Path = WRITTEN_SET) -> tuple[RealSet | None,
                                                         dict[str, RealScores] | None]:
    """The written set's scores, or None when the folder is not there. Split like the real
    set when it holds tune.ids and check.ids (its check part's misses stay unprinted too),
    else one part, "all"."""
    if find_real_set(root) is None:
        return None, None
    split = root if all((root / f"{part}.ids").is_file() for part in PARTS) else None
    written = load_real_set(root, split_dir=split)
    return written, score_real_set(written, parts=(*PARTS, "all") if split else ("all",))


def _json_ready(scores: dict[str, RealScores] | None) -> dict | None:
    if scores is None:
        return None
    out = {part: s.to_dict() for part, s in scores.items()}
    for part in ("check", "all"):
        if part in out:
            out[part]["misses"] = []  # the check part stays unread, in files too
    if set(out) == {"all"}:
        out["all"]["misses"] = scores["all"].to_dict()["misses"]  # a set without parts
    return out


def eval_command(
    corpus: Path,
    gold: Path,
    json_out: Path | None,
    baseline: bool,
    write_baseline: Path | None = None,
    real_root: Path | None = None,
    allow_regression: bool = False,
) -> int:
    """Evaluate, print the report, write JSON to json_out and the floor to write_baseline."""
    console = report_console()
    if not gold.is_dir() or not any(gold.glob("*.json")):
        console.print(f"[red]error:[/] no gold files in {gold}")
        return EXIT_USAGE
    result = run_eval(corpus, gold, baseline=baseline)
    print_report(result, console)
    real, real_scores, note = real_set_scores(real_root)
    print_real_set(real_scores, note, console)
    written, written_scores = written_set_scores()
    if written_scores is not None:
        print_real_set(written_scores, WRITTEN_NOTE, console, name="Written set")
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        payload = {**result.to_dict(), "real_set": _json_ready(real_scores),
                   "written_set": _json_ready(written_scores)}
        json_out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        console.print(f"wrote {json_out}")
    if write_baseline is not None:
        figures = floor_figures(result, corpus, gold, real, real_scores, written,
                                written_scores)
        try:
            accepted = write_floor(figures, write_baseline, allow_regression=allow_regression)
        except FloorError as exc:
            console.print(f"[red]error:[/] {exc}")
            return EXIT_USAGE
        for line in accepted:
            console.print(f"[yellow]lowered on purpose:[/] {line}")
        console.print(f"wrote floor figures to {write_baseline}")
    return EXIT_PARTIAL if result.problems else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.evaluate",
        description="Score the extractor against the gold set and the real set, beside a "
                    "spaCy NER baseline.",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--real", type=Path, default=None,
                        help="the real set's folder (default: ../shared/realdev)")
    parser.add_argument("--json", type=Path, default=None, dest="json_out",
                        help="also write the results as JSON to this file")
    parser.add_argument("--no-baseline", action="store_false", dest="baseline",
                        help="skip the statistical spaCy baseline")
    parser.add_argument("--write-baseline", action="store_true",
                        help=f"pin the floor ({FLOOR_PATH}) to this run's figures")
    parser.add_argument("--allow-regression", action="store_true",
                        help="with --write-baseline: accept figures below the pinned ones")
    args = parser.parse_args(argv)
    return eval_command(args.corpus, args.gold, args.json_out, args.baseline,
                        FLOOR_PATH if args.write_baseline else None, args.real,
                        args.allow_regression)
