"""The checked-in floor (eval/baseline.json): figures that must not slide back, silently or not.

The floor pins, next to the F1 figures, a fingerprint of what they were measured on (the
corpus and its gold, and the real set with its split), so a figure cannot be kept up by
quietly editing the gold: the gate fails until the floor is pinned again. Pinning again
(`python -m pipeline.evaluate --write-baseline`) refuses to lower any figure unless
`--allow-regression` says that the drop is intended. Every registered event type must have
a floor, so a new type cannot escape the gate.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.evaluate.realset import HEADLINE, RealScores, RealSet
from pipeline.evaluate.run import REPO_ROOT, EvalResult
from pipeline.models import EVENT_TYPES

FLOOR_PATH = REPO_ROOT / "eval" / "baseline.json"
TOLERANCE = 0.005
SUBSETS = ("all", "hard")
QUOTE = "quote"  # the corpus measure beside the event types: quotes given to the right person


class FloorError(Exception):
    """Writing the floor would lower a pinned figure without --allow-regression."""


def _digest(parts: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, data in sorted(parts):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


def corpus_fingerprint(corpus_dir: Path, gold_dir: Path) -> str:
    """Every corpus file and gold file, by name and content."""
    parts = [(f"corpus/{p.relative_to(corpus_dir).as_posix()}", p.read_bytes())
             for p in corpus_dir.rglob("*") if p.is_file()]
    parts += [(f"gold/{p.name}", p.read_bytes()) for p in gold_dir.glob("*.json")]
    return _digest(parts)


def real_fingerprint(real: RealSet) -> str:
    """The real set's gold, the texts it scores and the split into parts."""
    parts = [("gold.jsonl", (real.root / "gold.jsonl").read_bytes())]
    parts += [(f"texts/{d['id']}.txt", (real.root / "texts" / f"{d['id']}.txt").read_bytes())
              for d in real.documents]
    parts += [(f"split/{name}", " ".join(sorted(ids)).encode()) for name, ids
              in real.parts.items()]
    return _digest(parts)


def corpus_figures(result: EvalResult) -> dict[str, dict[str, float | None]]:
    out = {}
    for subset in SUBSETS:
        scores = result.subsets[subset]
        figures = {t: None if c.f1 is None else round(c.f1, 4) for t, c in
                   scores.by_type.items()}
        figures[QUOTE] = None if scores.quote.f1 is None else round(scores.quote.f1, 4)
        out[subset] = figures
    return out


# The sets scored with the real set's measures: the real set itself (../shared/realdev, in
# parts) and the written set (eval/written, whole). Floor section, fingerprint key, label.
SCORED_SETS = {"real": ("real_set", "real set"), "written": ("written_set", "written set")}


def floor_figures(result: EvalResult, corpus_dir: Path, gold_dir: Path,
                  real: RealSet | None = None,
                  real_scores: dict[str, RealScores] | None = None,
                  written: RealSet | None = None,
                  written_scores: dict[str, RealScores] | None = None) -> dict:
    """The figures the gate holds the product to, as written to eval/baseline.json."""
    figures: dict = {
        "tolerance": TOLERANCE,
        "fingerprint": {"corpus": corpus_fingerprint(corpus_dir, gold_dir)},
        "documents": {name: result.subsets[name].documents for name in SUBSETS},
        "f1": corpus_figures(result),
    }
    for section, scored, scores in (("real", real, real_scores),
                                    ("written", written, written_scores)):
        if scored is None or scores is None:
            continue
        figures["fingerprint"][SCORED_SETS[section][0]] = real_fingerprint(scored)
        figures[f"{section}_documents"] = {part: s.documents for part, s in scores.items()}
        figures[section] = {part: {m: round(s.f1(m), 4) for m in HEADLINE}
                            for part, s in scores.items()}
    return figures


def read_floor(path: Path = FLOOR_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _drops(section: str, current: dict, pinned: dict, tolerance: float) -> list[str]:
    lines = []
    for group, figures in pinned.items():
        for name, floor in figures.items():
            if floor is None:
                continue
            now = current.get(group, {}).get(name)
            if now is None:
                lines.append(f"{section} {group}/{name}: F1 pinned at {floor:.4f}, now none")
            elif now < floor - tolerance:
                lines.append(f"{section} {group}/{name}: F1 {now:.4f} < pinned {floor:.4f}")
    return lines


def regressions(current: dict, floor: dict, *, real: bool = True) -> list[str]:
    """One line per figure that fell more than the tolerance below the floor.

    `current` comes from floor_figures; the real-set section is compared when both sides
    have it and `real` is set.
    """
    tolerance = float(floor.get("tolerance", TOLERANCE))
    lines = _drops("corpus", current.get("f1", {}), floor.get("f1", {}), tolerance)
    for section, (_, label) in SCORED_SETS.items():
        if section in current and section in floor and (real or section != "real"):
            lines += _drops(label, current[section], floor[section], tolerance)
    return lines


def unpinned(floor: dict) -> list[str]:
    """Registered event types (and the quote measure) the floor has no figure for."""
    pinned = floor.get("f1", {}).get("all", {})
    return [name for name in (*EVENT_TYPES, QUOTE) if name not in pinned]


def fingerprint_changes(current: dict, floor: dict) -> list[str]:
    """What changed under the floor since it was pinned: corpus and gold, or the real set."""
    pinned = floor.get("fingerprint", {})
    now = current.get("fingerprint", {})
    labels = {"corpus": "corpus or gold", "real_set": "real set or its split",
              "written_set": "written set"}
    return [f"{labels[key]} changed since the floor was pinned ({pinned.get(key)} → {now[key]})"
            for key in labels if key in now and now[key] != pinned.get(key)]


def write_floor(figures: dict, path: Path = FLOOR_PATH, *,
                allow_regression: bool = False) -> list[str]:
    """Pin the figures; returns the drops it accepted. Without the real set, its part of the
    floor is kept as it was, since it cannot be measured here."""
    previous = read_floor(path) if path.is_file() else {}
    drops = regressions(figures, previous) if previous else []
    if drops and not allow_regression:
        raise FloorError("the new floor would lower pinned figures (pass --allow-regression "
                         "if that is intended): " + "; ".join(drops))
    if "real" not in figures and "real" in previous:
        figures = {**figures, "real": previous["real"],
                   "real_documents": previous.get("real_documents"),
                   "fingerprint": {**figures["fingerprint"],
                                   "real_set": previous.get("fingerprint", {}).get("real_set")}}
    order = ["tolerance", "fingerprint", "documents", "f1", "real_documents", "real",
             "written_documents", "written"]
    figures = {key: figures[key] for key in sorted(figures, key=lambda k: (
        order.index(k) if k in order else len(order), k))}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return drops
