"""Every event the rules extract from the corpus, the real set and the written set, by id.

A restructuring of the extraction code must not change what it extracts. Scores cannot
show that (two changes can cancel out), so before and after the change the events
themselves are written down, each as its id and a digest of all its fields, and compared
document by document:

    python -m pipeline.evaluate.snapshot before.json      # on the old code
    python -m pipeline.evaluate.snapshot after.json       # on the new code
    python -m pipeline.evaluate.snapshot --compare before.json after.json

Run it from the checkout's root (corpus files are read by their path from there).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from pipeline.evaluate.realset import (
    WRITTEN_SET,
    extract_real_document,
    find_real_set,
    load_real_set,
)
from pipeline.extract import extract_events
from pipeline.models import Event
from pipeline.parse import ParseError, parse_file

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _digest(event: Event) -> str:
    """The event's id and its fields, without rules_version: moving a word into a rules
    file changes the rules' hash, not what was extracted."""
    row = {k: v for k, v in event.to_json_dict().items() if k != "rules_version"}
    fields = json.dumps(row, sort_keys=True, default=str)
    return f"{event.event_id} {hashlib.sha256(fields.encode()).hexdigest()[:12]}"


def _documents() -> Iterator[tuple[str, list[Event]]]:
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        name = f"corpus/{path.relative_to(CORPUS).as_posix()}"
        try:  # by the path from the checkout, as `make ingest` reads it: ids do not move
            yield name, extract_events(parse_file(Path(name)))
        except ParseError:
            continue
    for name, root in (("real", find_real_set()), ("written", WRITTEN_SET)):
        if root is None or not root.is_dir():
            continue
        real = load_real_set(root, split_dir=None)
        for document in real.documents:
            yield f"{name}/{document['id']}", extract_real_document(document, root / "texts")


def snapshot() -> dict[str, list[str]]:
    """Document -> its events' ids and field digests, sorted."""
    return {name: sorted(map(_digest, events)) for name, events in _documents()}


def compare(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    """One line per document whose events differ: what went and what came."""
    lines = []
    for name in sorted(set(before) | set(after)):
        old, new = set(before.get(name, ())), set(after.get(name, ()))
        if old != new:
            lines.append(f"{name}: -{len(old - new)} +{len(new - old)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.evaluate.snapshot")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true",
                        help="compare two snapshots instead of writing one")
    args = parser.parse_args(argv)
    if args.compare:
        if len(args.files) != 2:
            parser.error("--compare takes two snapshot files")
        before, after = (json.loads(f.read_text(encoding="utf-8")) for f in args.files)
        differences = compare(before, after)
        print("\n".join(differences) or f"identical: {len(after)} documents")
        return 1 if differences else 0
    taken = snapshot()
    args.files[0].write_text(json.dumps(taken, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(taken)} documents, {sum(map(len, taken.values()))} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
