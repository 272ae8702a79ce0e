"""Run the evaluation: parse each gold document, extract, match, score, compare with spaCy."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluate.baseline import SystemRow, compare, entity_sets, load_model
from pipeline.evaluate.gold import GoldDocument, corpus_path, load_gold
from pipeline.evaluate.scoring import (
    DocumentResult,
    Miss,
    SubsetScores,
    evaluate_document,
    misses_and_false_hits,
    split_subsets,
)
from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.parse import ParseError, parse_file

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT / "corpus"
DEFAULT_GOLD = REPO_ROOT / "gold"


@dataclass
class EvalResult:
    documents: list[DocumentResult]
    subsets: dict[str, SubsetScores]  # "all" and "hard"
    misses: list[Miss]
    false_hits: list[Miss]
    comparison: dict[str, list[SystemRow]] = field(default_factory=dict)  # ours, spaCy
    problems: list[str] = field(default_factory=list)  # gold or corpus files left out

    def f1_by_type(self, subset: str = "all") -> dict[str, float | None]:
        return {t: c.f1 for t, c in self.subsets[subset].by_type.items()}

    def to_dict(self) -> dict:
        return {
            "documents": [
                {"name": r.name, "hard": r.hard, "tags": r.gold.tags,
                 "gold_events": len(r.gold.events), "predicted_events": len(r.predicted),
                 "matches": len(r.matches), "error": r.error}
                for r in self.documents
            ],
            "subsets": {name: s.to_dict() for name, s in self.subsets.items()},
            "baseline_comparison": {
                name: [row.to_dict() for row in rows] for name, rows in self.comparison.items()
            },
            "misses": [m.to_dict() for m in self.misses],
            "false_hits": [m.to_dict() for m in self.false_hits],
            "problems": self.problems,
        }


def _extract(gold: GoldDocument, corpus_dir: Path) -> tuple[Document | None, list, str | None]:
    path = corpus_path(gold, corpus_dir)
    if path is None:
        return None, [], "missing"
    try:
        document = parse_file(path)
    except ParseError as exc:
        # A document the product cannot read is the product's miss, so it is scored, empty.
        return None, [], f"parse error: {exc}"
    return document, extract_events(document), None


def run_eval(corpus_dir: Path, gold_dir: Path, *, baseline: bool = True) -> EvalResult:
    """Score the extractor against every gold file; optionally beside the spaCy baseline.

    A gold file whose corpus document is missing, or that cannot be read, is left out and
    reported in `problems`; a corpus document that fails to parse is scored with no events.
    """
    gold_documents, problems = load_gold(gold_dir)
    model = load_model() if baseline else None
    results: list[DocumentResult] = []
    baseline_sets = {} if model is not None and model.nlp is not None else None
    for gold in gold_documents:
        document, predicted, error = _extract(gold, corpus_dir)
        if error == "missing":
            problems.append(f"{gold.name}: corpus document {gold.document} not found")
            continue
        if error:
            problems.append(f"{gold.name}: {error} (scored as no events)")
        results.append(evaluate_document(gold, predicted, document, error))
        if baseline_sets is not None and document is not None:
            baseline_sets[gold.name] = entity_sets(model, document)
    subsets = split_subsets(results)
    misses, false_hits = misses_and_false_hits(results)
    hard = [r for r in results if r.hard]
    comparison = {
        "all": compare(results, baseline_sets, model),
        "hard": compare(hard, baseline_sets, model),
    }
    return EvalResult(results, subsets, misses, false_hits, comparison, problems)
