"""Matching and scoring of the evaluation on small hand-made events."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.evaluate.baseline import FieldSets, distinct_names, event_sets, score_sets
from pipeline.evaluate.floor import corpus_figures, regressions
from pipeline.evaluate.gold import GoldDocument, GoldError, event_from_gold, load_gold
from pipeline.evaluate.matching import names_agree, subjects_agree
from pipeline.evaluate.run import EvalResult
from pipeline.evaluate.scoring import (
    evaluate_document,
    misses_and_false_hits,
    score_subset,
    split_subsets,
)
from pipeline.models import Event

WMP = "west-midlands-police"


def ev(event_type: str, **fields) -> Event:
    return Event(event_type=event_type, evidence=fields.pop("evidence", "x"), char_start=0,
                 char_end=1, **fields)


def phase(day: date | None = date(2023, 11, 24), precision: str | None = "day", **kw) -> Event:
    fields = dict(force_id=WMP, event_date=day, date_precision=precision,
                  phase_from="scan", phase_to="engage")
    return ev("phase_change", **{**fields, **kw})


def statement(name: str, role: str = "hm_inspector", **kw) -> Event:
    return ev("statement", **{"force_id": WMP, "person_name": name, "person_role": role, **kw})


def doc(events: list[Event], hard: bool = False, name: str = "doc") -> GoldDocument:
    return GoldDocument(name=name, document=f"corpus/{name}.txt", hard=hard, events=events)


def score(gold: list[Event], predicted: list[Event]):
    return score_subset([evaluate_document(doc(gold), predicted)])


def test_perfect_match_scores_one():
    gold = [
        phase(),
        ev("inspection", force_id=WMP, event_date=date(2023, 5, 1), date_precision="month"),
        ev("recommendation", force_id=WMP, subject_kind="cause_of_concern", status="open",
           subject="protects vulnerable people"),
        ev("recommendation", force_id=WMP, subject_kind="recommendation", count_total=5,
           count_closed=3, count_open=2),
        statement("Lee Freeman"),
    ]
    scores = score(gold, [ev for ev in gold])
    for counts in scores.by_type.values():
        assert counts.f1 == 1.0
    assert scores.overall.f1 == 1.0
    assert all(f.accuracy == 1.0 for f in scores.fields if f.pairs)


def test_wrong_date_precision_is_a_miss_and_a_false_hit():
    gold = [phase(date(2023, 11, 1), "month")]
    predicted = [phase(date(2023, 11, 1), "day")]
    counts = score(gold, predicted).by_type["phase_change"]
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)
    assert counts.f1 == 0.0


def test_month_precision_matches_any_day_in_that_month_at_month_precision():
    gold = [phase(date(2023, 11, 1), "month")]
    assert score(gold, [phase(date(2023, 11, 24), "month")]).by_type["phase_change"].tp == 1
    assert score(gold, [phase(date(2023, 12, 1), "month")]).by_type["phase_change"].tp == 0


def test_null_date_matches_only_null():
    gold = [ev("inspection", force_id=WMP)]
    assert score(gold, [ev("inspection", force_id=WMP)]).by_type["inspection"].tp == 1
    dated = ev("inspection", force_id=WMP, event_date=date(2023, 5, 1), date_precision="month")
    assert score(gold, [dated]).by_type["inspection"].tp == 0


def test_statement_name_differing_only_by_honorific_matches():
    counts = score([statement("Andy Cooke")], [statement("Sir Andy Cooke QPM")])
    assert counts.by_type["statement"].f1 == 1.0


def test_name_rule_surname_with_first_name_or_initial():
    assert names_agree("Stephen Watson", "S. Watson")
    assert names_agree("Stephen Watson", "Chief Constable Stephen Watson")
    assert names_agree("Stephen Watson", "Dr Stephen J Watson")
    assert not names_agree("Stephen Watson", "Watson")
    assert not names_agree("Stephen Watson", "Sarah Watson")
    assert not names_agree("Stephen Watson", "Stephen Watts")


def test_subject_rule_containment_and_jaccard():
    assert subjects_agree("call handling", "Call-handling.")
    assert subjects_agree("the force's response to vulnerable people",
                          "response to vulnerable people")
    assert subjects_agree("the force protects vulnerable people",
                          "force protects vulnerable people well")  # Jaccard 4/6
    assert not subjects_agree("call handling", "crime recording")
    assert not subjects_agree("call handling", None)


def test_matching_is_one_to_one():
    counts = score([phase()], [phase(), phase()]).by_type["phase_change"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_matching_finds_the_largest_pairing_not_the_first():
    # The first gold subject matches both predictions; greedy pairing in order would take
    # the one the second gold subject needs.
    def item(subject: str) -> Event:
        return ev("recommendation", force_id=WMP, subject_kind="cause_of_concern",
                  status="open", subject=subject)

    gold = [item("vulnerable people"), item("protects vulnerable people")]
    predicted = [item("protects vulnerable people"), item("vulnerable people at risk")]
    assert score(gold, predicted).by_type["recommendation"].tp == 2


def test_force_must_match_for_every_type():
    gold = [statement("Lee Freeman")]
    predicted = [statement("Lee Freeman", force_id="staffordshire-police")]
    scores = score(gold, predicted)
    assert scores.by_type["statement"].tp == 0
    force = next(f for f in scores.fields if (f.event_type, f.field) == ("statement", "force"))
    assert (force.pairs, force.right, force.wrong) == (1, 0, 1)


def test_field_table_blames_the_one_wrong_field():
    scores = score([phase(date(2023, 11, 1), "month")], [phase(date(2023, 11, 1), "day")])
    rows = {(f.event_type, f.field): f for f in scores.fields}
    assert rows[("phase_change", "event_date")].wrong == 1
    assert rows[("phase_change", "phases")].pairs == 0
    assert rows[("phase_change", "force")].pairs == 0


def test_items_never_match_tallies():
    item = ev("recommendation", force_id=WMP, subject_kind="recommendation", status="open")
    tally = ev("recommendation", force_id=WMP, subject_kind="recommendation", count_total=5,
               count_closed=5, count_open=0)
    assert score([item], [tally]).by_type["recommendation"].tp == 0


def test_hard_subset_only_counts_hard_documents():
    easy = evaluate_document(doc([phase()], name="easy"), [phase()])
    hard = evaluate_document(doc([phase(), statement("Lee Freeman")], hard=True, name="hard"),
                             [phase()])
    subsets = split_subsets([easy, hard])
    assert subsets["all"].documents == 2
    assert subsets["hard"].documents == 1
    assert subsets["all"].by_type["phase_change"].tp == 2
    assert subsets["hard"].by_type["phase_change"].tp == 1
    assert subsets["hard"].by_type["statement"].fn == 1
    assert subsets["hard"].by_type["inspection"].f1 is None


def test_misses_and_false_hits_carry_evidence_and_the_nearest_difference():
    gold = [phase(date(2023, 11, 1), "month", evidence="moved into Engage in November")]
    predicted = [phase(date(2023, 11, 1), "day", evidence="moved into Engage today")]
    misses, false_hits = misses_and_false_hits([evaluate_document(doc(gold), predicted)])
    assert [m.evidence for m in misses] == ["moved into Engage in November"]
    assert [m.evidence for m in false_hits] == ["moved into Engage today"]
    assert set(misses[0].closest) == {"event_date"}


def test_gold_files_load_and_bad_ones_are_reported(tmp_path: Path):
    good = {"document": "corpus/a.txt", "hard": True, "tags": ["x"], "events": [
        {"event_type": "phase_change", "force_id": WMP, "event_date": "2023-11-01",
         "date_precision": "month", "phase_from": "scan", "phase_to": "engage",
         "evidence": "e"}]}
    (tmp_path / "a.json").write_text(json.dumps(good))
    (tmp_path / "b.json").write_text("{not json")
    (tmp_path / "c.json").write_text(json.dumps({"events": [{"event_type": "rumour"}]}))
    documents, problems = load_gold(tmp_path)
    assert [d.name for d in documents] == ["a"]
    assert documents[0].hard and documents[0].events[0].event_date == date(2023, 11, 1)
    assert len(problems) == 2
    with pytest.raises(GoldError):
        event_from_gold({"event_type": "statement", "person": "typo"})


def test_document_level_sets_for_the_baseline_comparison():
    gold = event_sets([phase(), statement("Stephen Watson")])
    predicted = FieldSets(persons=distinct_names(["Chief Constable Stephen Watson", "Watson",
                                                  "Andy Burnham"]),
                          dates={(date(2023, 11, 24), "day"), (date(2023, 1, 1), "year")},
                          forces={WMP})
    scores = score_sets(gold, predicted)
    assert (scores["persons"].tp, scores["persons"].fp, scores["persons"].fn) == (1, 1, 0)
    assert (scores["dates"].tp, scores["dates"].fp) == (1, 1)
    assert scores["forces"].f1 == 1.0


def test_floor_flags_only_drops_beyond_the_tolerance():
    result_docs = [evaluate_document(doc([phase(), phase(date(2022, 1, 1), "year")]),
                                     [phase()])]
    result = EvalResult(result_docs, split_subsets(result_docs), [], [])
    current = {"f1": corpus_figures(result)}
    f1 = current["f1"]["all"]["phase_change"]  # 2/3
    floor = {"tolerance": 0.005, "f1": {"all": {"phase_change": round(f1 + 0.004, 4),
                                                "statement": None}}}
    assert regressions(current, floor) == []
    floor["f1"]["all"]["phase_change"] = round(f1 + 0.01, 4)
    assert len(regressions(current, floor)) == 1
    floor["f1"]["all"]["inspection"] = 0.5
    assert any("inspection" in line for line in regressions(current, floor))


def test_quotes_count_only_for_the_person_they_are_given_to():
    said = "The force has made real progress and deserves credit for it"
    gold = [statement("Lee Freeman", quote=said[:40])]
    right = [statement("Lee Freeman", quote="Opening words. " + said)]
    wrong = [statement("Craig Guildford", quote=said), statement("Lee Freeman", quote="No.")]
    assert score(gold, right).quote.tp == 1
    counts = score(gold, wrong).quote
    assert (counts.tp, counts.fn) == (0, 1)


def test_dates_resolve_at_the_precision_the_text_gives():
    from pipeline.evaluate.baseline import resolve_date

    published = date(2024, 1, 10)
    assert resolve_date("May 2023", published) == (date(2023, 5, 1), "month")
    assert resolve_date("24 November 2023", published) == (date(2023, 11, 24), "day")
    assert resolve_date("last month", published) == (date(2023, 12, 1), "month")


def test_missing_model_gives_an_install_hint(monkeypatch):
    from pipeline.evaluate import baseline

    monkeypatch.setattr(baseline, "MODEL_PACKAGES", ("no_such_spacy_model_package",))
    model = baseline.load_model()
    assert model.nlp is None and model.note == baseline.INSTALL_HINT
    rows = baseline.compare([evaluate_document(doc([phase()]), [phase()])], None, model)
    assert rows[0].fields["forces"].f1 == 1.0
    assert rows[1].note == baseline.INSTALL_HINT


def test_installed_model_finds_people_dates_and_forces():
    from pipeline.evaluate import baseline
    from pipeline.models import Document

    model = baseline.load_model()
    if model.nlp is None:
        pytest.skip(model.note)
    text = ("Chief Constable Stephen Watson of Greater Manchester Police spoke on "
            "24 November 2023.")
    sets = baseline.entity_sets(model, Document(url="u", title="t", text=text,
                                                published_date=date(2024, 1, 10)))
    assert any(names_agree("Stephen Watson", name) for name in sets.persons)
    assert (date(2023, 11, 24), "day") in sets.dates
