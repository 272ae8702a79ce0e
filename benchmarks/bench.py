"""`make bench`: throughput of every stage on generated documents, in one run.

    python -m benchmarks.bench                  # default: 5,000 documents, about 4 minutes
    python -m benchmarks.bench --docs 20000     # the full-size run, about 15 minutes
    python -m benchmarks.bench --memory         # peak RSS streaming 10,000 vs 100,000 documents

Prints a table and writes JSON (benchmarks/results.json unless --json is given). The
default size keeps `make bench` under ten minutes on two cores; figures are stable from a
few thousand documents on. The statistical pipeline runs on a sample (--stat-docs),
because it is some 20 to 40 times slower than everything else.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from benchmarks import stages
from benchmarks.generate import generate
from benchmarks.measure import Stage, measured
from pipeline.parallel import DEFAULT_START_METHOD

RESULTS = Path(__file__).resolve().parent / "results.json"
TARGETS = {
    "extract_vs_floor": 0.5,  # one-core extraction words/s ≥ 0.5 × tokenizer floor
    "extract_vs_statistical": 20.0,  # ≥ 20 × the statistical pipeline
    "parallel_speedup": 1.7,  # 2 workers ≥ 1.7 × one worker
    "store_rows_per_s": 100_000,  # bulk event insert
    "memory_growth": 1.5,  # peak RSS at 100,000 documents ≤ 1.5 × at 10,000
}
WARM_UP_DOCS = 100


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def run(args: argparse.Namespace) -> dict:
    """The default benchmark: every stage, the references and the ratios."""
    out: list[Stage] = []
    workers = args.workers
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp_path = Path(tmp)
        print(f"generating {args.docs:,} documents (seed {args.seed}) …", flush=True)
        raws = list(generate(args.docs, args.seed))

        print("parse …", flush=True)
        parse, documents = stages.parse_stage(raws)
        out.append(parse)
        del raws
        texts = [d.text for d in documents]

        print("floor (blank tokenizer + sentencizer) …", flush=True)
        floor = stages.floor_stage(texts)
        out.append(floor)

        # Both extraction runs start from the same warm state: the workers of the parallel
        # run are forked from it, and what they cache does not flow back to this process.
        warm = [stages.parse_raw(r) for r in generate(WARM_UP_DOCS, args.seed, args.docs)]
        stages.warm_up(warm)
        print(f"extract, {workers} workers …", flush=True)
        parallel, parallel_events = stages.extract_stage(documents, workers)
        parallel.notes["start_method"] = DEFAULT_START_METHOD

        print("extract, one core …", flush=True)
        serial, serial_events = stages.extract_stage(documents, 1)
        parallel.notes["identical_to_one_core"] = [[e.event_id for e in es]
                                                   for es in parallel_events] == [
            [e.event_id for e in es] for es in serial_events]
        out += [serial, parallel]
        del parallel_events

        print("store …", flush=True)
        out.append(stages.store_stage(documents, serial_events, tmp_path / "store.duckdb"))
        del serial_events
        out.append(stages.synthetic_store_stage(tmp_path / "synthetic.duckdb"))

        print("end to end …", flush=True)
        e2e_db = tmp_path / "e2e.duckdb"
        # Documents the earlier stages never saw, so that nothing is served from a cache.
        out.append(stages.end_to_end_stage(args.docs, args.seed, e2e_db, workers,
                                           start=args.docs + WARM_UP_DOCS))

        print("re-extract stored documents …", flush=True)
        out.append(stages.reextract_stage(e2e_db, workers))

        # Last, so that the model's memory is not in the figures of the stages above.
        sample = texts[: args.stat_docs]
        print(f"statistical pipeline on {len(sample)} documents …", flush=True)
        statistical = stages.statistical_stage(sample)
        if statistical is None:
            print("  statistical pipeline: not installed "
                  "(pip install -e '.[baseline]' or en_core_web_sm)")
        else:
            out.append(statistical)

    ratios = {
        "extract_vs_floor": _ratio(serial.words_per_s, floor.words_per_s),
        "extract_vs_statistical": _ratio(serial.words_per_s,
                                         statistical.words_per_s if statistical else None),
        "parallel_speedup": _ratio(parallel.words_per_s, serial.words_per_s),
        "store_rows_per_s": next(s.rows_per_s for s in out
                                 if s.name == "store (synthetic events)"),
    }
    return {"stages": out, "ratios": ratios}


def _stream_child(args: argparse.Namespace) -> None:
    """One streaming run in a fresh process, so its peak RSS is its own."""
    stage = Stage(f"stream {args.stream:,} docs (parse→extract×{args.workers}→store)")
    with tempfile.TemporaryDirectory(prefix="bench-stream-") as tmp, measured(stage, 0.5):
        stages.stream_pipeline(args.stream, args.seed, Path(tmp) / "stream.duckdb",
                               args.workers, stage)
    print(json.dumps(stage.to_json()))


def run_memory(args: argparse.Namespace) -> dict:
    """Peak RSS streaming the smaller and the larger corpus, each in its own process."""
    out: list[Stage] = []
    for count in args.memory_docs:
        print(f"streaming {count:,} documents in a fresh process …", flush=True)
        command = [sys.executable, "-m", "benchmarks.bench", "--stream", str(count),
                   "--workers", str(args.workers), "--seed", str(args.seed)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        derived = ("docs_per_s", "words_per_s", "rows_per_s")
        out.append(Stage(**{k: v for k, v in row.items() if k not in derived}))
    small, large = out[0], out[-1]
    return {"stages": out,
            "ratios": {"memory_growth": _ratio(large.peak_rss_mb, small.peak_rss_mb)}}


def _number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def table(rows: list[Stage]) -> str:
    header = (f"{'stage':<52} {'docs':>8} {'words':>11} {'s':>8} {'docs/s':>9} "
              f"{'words/s':>10} {'rows/s':>10} {'peak RSS MB':>12}")
    lines = [header, "-" * len(header)]
    for s in rows:
        lines.append(f"{s.name[:52]:<52} {s.docs:>8,} {s.words:>11,} {s.seconds:>8.1f} "
                     f"{_number(s.docs_per_s):>9} {_number(s.words_per_s):>10} "
                     f"{_number(s.rows_per_s):>10} {_number(s.peak_rss_mb):>12}")
    return "\n".join(lines)


def verdicts(ratios: dict) -> list[str]:
    lines = []
    for key, value in ratios.items():
        target = TARGETS[key]
        if value is None:
            lines.append(f"{key:<24} not measured")
            continue
        met = value <= target if key == "memory_growth" else value >= target
        sign = "≤" if key == "memory_growth" else "≥"
        shown = _number(value) if key == "store_rows_per_s" else f"{value:.2f}"
        lines.append(f"{key:<24} {shown:>10}   target {sign} {target:,}   "
                     f"{'met' if met else 'NOT MET'}")
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=5000, help="documents (default 5,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stat-docs", type=int, default=300,
                        help="documents for the statistical pipeline (default 300)")
    parser.add_argument("--json", type=Path, default=RESULTS, help="where to write results")
    parser.add_argument("--memory", action="store_true",
                        help="peak RSS streaming --memory-docs documents instead")
    parser.add_argument("--memory-docs", type=lambda v: [int(x) for x in v.split(",")],
                        default=[10_000, 100_000])
    parser.add_argument("--stream", type=int, help=argparse.SUPPRESS)  # the memory child
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.stream:
        _stream_child(args)
        return 0
    started = time.perf_counter()
    result = run_memory(args) if args.memory else run(args)
    print()
    print(table(result["stages"]))
    print()
    for line in verdicts(result["ratios"]):
        print(line)
    document = {
        "mode": "memory" if args.memory else "throughput",
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "spacy": spacy.__version__, "platform": platform.platform()},
        "seconds": round(time.perf_counter() - started, 1),
        "stages": [s.to_json() for s in result["stages"]],
        "ratios": result["ratios"],
        "targets": TARGETS,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(document, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\n{document['seconds']} s; results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
