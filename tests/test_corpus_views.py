"""The views on the corpus, down to the rows: from its gold events, and as extracted.

The gold database holds what a careful reader takes from each corpus document, so these
rows are what the views must answer once extraction is right; the extracted database is
what `make ingest` gives today, checked on the questions analysts ask most.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from pipeline.ingest import ingest_path
from tests.built_db import rows
from tests.conftest import CORPUS
from tests.gold_db import build_gold_db

WILTS, NORTHANTS = "wiltshire-police", "northamptonshire-police"
MET, STAFFS, CLEVELAND, DEVON = ("metropolitan-police-service", "staffordshire-police",
                                 "cleveland-police", "devon-and-cornwall-police")
COC, REC = "cause_of_concern", "recommendation"


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    db = build_gold_db(tmp_path_factory.mktemp("gold") / "events.duckdb")
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    db = tmp_path_factory.mktemp("extracted") / "events.duckdb"
    ingest_path(CORPUS, db)
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def _items(con, force_id, kind):
    return rows(con, "SELECT * FROM items WHERE force_id = ? AND kind = ? ORDER BY topic, "
                     "subject", [force_id, kind])


def test_one_item_in_four_wordings_across_documents(gold):
    [concern] = _items(gold, WILTS, COC)
    assert concern["topic"] == "call handling and response"
    assert sorted(concern["wordings"]) == [
        "call handling",
        "how quickly it was answering and responding to calls from the public",
        "how quickly the force answers 999 and 101 calls",
        "how the force responds to the public, including the time it takes to answer "
        "emergency calls and attend incidents",
    ]
    assert concern["documents"] == 4 and concern["first_raised"] == date(2022, 9, 30)
    assert (concern["status"], concern["status_as_of"]) == ("open", date(2024, 3, 7))
    assert concern["url"].endswith("/shorter-waits-on-999-wiltshire")


def test_recommendations_named_open_are_closed_by_a_later_tally(gold):
    recommendations = _items(gold, WILTS, REC)
    assert len(recommendations) == 4  # four in one letter: four items, not one topic
    for item in recommendations:
        assert item["first_raised"] == date(2023, 7, 13)
        assert (item["status"], item["closed_on"]) == ("closed", date(2024, 11, 14))
        assert item["evidence"].startswith("The force was re-inspected earlier this year")
        assert item["url"].endswith("/wiltshire-police-removed-from-special-measures")


def test_recommendations_without_a_status_are_closed_by_a_later_tally(gold):
    recommendations = _items(gold, NORTHANTS, REC)
    assert len(recommendations) == 3
    assert {(i["status"], i["closed_on"]) for i in recommendations} == {
        ("closed", date(2025, 7, 24))}
    [concern] = _items(gold, NORTHANTS, COC)
    assert (concern["status"], concern["closed_on"], concern["documents"]) == (
        "closed", date(2025, 7, 24), 2)


def test_what_the_corpus_sources_disagree_about(gold):
    found = {(r["force_id"], r["kind"]): r for r in rows(gold, "SELECT * FROM disagreements")}
    assert set(found) == {
        ("gloucestershire-constabulary", "move_dates"),
        ("staffordshire-police", "entry_without_exit"),
        ("humberside-police", "exit_without_entry"),
        ("west-midlands-police", "tally_counts"),
        ("west-midlands-police", "quote_speaker"),
    }
    dates = found[("gloucestershire-constabulary", "move_dates")]
    assert dates["detail"].startswith("one entry into Engage reported as 2022-09-23 (")
    assert dates["detail"].endswith("and as 2022-09-30 (1 document); the periods use the first")
    assert any(u.endswith("/a-year-in-engage-gloucestershire-police") for u in dates["urls"])
    twice = found[("staffordshire-police", "entry_without_exit")]
    assert "2022-09-13" in twice["detail"] and "2023-03 (1 document)" in twice["detail"]
    tallies = found[("west-midlands-police", "tally_counts")]
    assert "5 total, 3 closed, 2 open" in tallies["detail"]
    assert "5 total, 4 closed, 1 open" in tallies["detail"]
    quote = found[("west-midlands-police", "quote_speaker")]
    assert "Diana Johnson" in quote["detail"] and "Simon Foster" in quote["detail"]


def test_periods_and_status_do_not_move_when_sources_disagree(gold):
    periods = {r["force_id"]: r for r in rows(gold, "SELECT * FROM engage_periods")}
    assert (periods["gloucestershire-constabulary"]["entered"],
            periods["gloucestershire-constabulary"]["exited"]) == (date(2022, 9, 23),
                                                                   date(2024, 5, 16))
    assert (periods[STAFFS]["entered"], periods[STAFFS]["exited"]) == (date(2022, 9, 13),
                                                                       date(2023, 12, 12))
    assert "humberside-police" not in periods
    status = {r["force_id"]: r["phase"] for r in rows(gold, "SELECT * FROM force_status")}
    assert sorted(f for f, phase in status.items() if phase == "engage") == [
        "cumbria-constabulary", MET]


def test_a_later_partial_quote_is_the_same_statement(gold):
    [rowley] = rows(gold, "SELECT * FROM statements WHERE person_name = 'Mark Rowley' "
                          "AND date = DATE '2024-02-20'")
    assert rowley["documents"] == 2
    assert rowley["quote"].startswith("This is real progress")


def _open_topics(con, force_id):
    return sorted(r["topic"] for r in rows(
        con, "SELECT topic FROM items WHERE force_id = ? AND status = 'open'", [force_id]))


@pytest.mark.parametrize("database", ["gold", "extracted"])
def test_the_four_forces_of_the_issue(request, database):
    con = request.getfixturevalue(database)
    # the Met: four causes of concern, two closed in early 2024, two still open
    assert _open_topics(con, MET) == ["sex offender management",
                                      "vetting and counter-corruption"]
    assert len(_items(con, MET, COC)) == 4
    # "both causes of concern had been discharged"; "four of four closed"; "both closed"
    for force_id in (STAFFS, CLEVELAND, DEVON):
        assert [i["topic"] for i in _items(con, force_id, COC) if i["status"] != "closed"
                ] == [], force_id
    devon = {i["topic"]: i["closed_on"] for i in _items(con, DEVON, COC)}
    assert devon == {"call handling and response": date(2024, 5, 10),
                     "crime recording": date(2025, 2, 27)}


@pytest.mark.parametrize("database", ["gold", "extracted"])
def test_nothing_open_when_the_latest_tally_says_all_are_closed(request, database):
    con = request.getfixturevalue(database)
    contradicted = rows(con, """
        SELECT i.force_id, i.kind, i.subject FROM items i
        JOIN recommendation_progress p ON p.force_id = i.force_id AND p.subject_kind = i.kind
        WHERE i.status = 'open' AND p.count_open = 0 AND i.status_as_of <= p.tally_as_of
          AND NOT i.conflict""")
    assert contradicted == []
    progress = rows(con, "SELECT force_id, subject_kind, open_items FROM "
                         "recommendation_progress WHERE count_open = 0")
    assert progress and all(r["open_items"] == [] for r in progress)


def test_extracted_disagreements_are_the_ones_the_gold_lists(gold, extracted):
    def kinds(con):
        return set(con.execute("SELECT force_id, kind FROM disagreements").fetchall())
    assert kinds(extracted) == kinds(gold)
