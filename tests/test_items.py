"""`items`: one row per real cause of concern or recommendation, whatever the wording.

Each force below is one story: the documents that tell it and the rows an analyst must get.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.built_db import Builder, rows

COC, REC = "cause_of_concern", "recommendation"
# Forces by story; the ids are real ones, the stories are made up for the tests.
WORDINGS, REMAINING, SUMS, SEVERAL, LATER, SAMEDAY, UNNAMED = (
    "kent-police", "essex-police", "dorset-police", "suffolk-constabulary", "surrey-police",
    "norfolk-constabulary", "leicestershire-police")


def _stories(builder: Builder) -> None:
    # One item in three wordings across documents, then closed by a tally that names none.
    builder.page("kent-escalated", "2022-01-10").item(
        "Inspectors raised a cause of concern about the force's crime recording.",
        WORDINGS, COC, "the force's crime recording", "open").item(
        "A second cause of concern is about how it answers 999 calls.",
        WORDINGS, COC, "how it answers 999 calls", "open")
    builder.page("kent-spring", "2022-06-01").item(
        "The cause of concern on crime-recording accuracy remains open.",
        WORDINGS, COC, "crime-recording accuracy", "open")
    builder.page("kent-autumn", "2022-09-01").item(
        "How Crimes Are Recorded: still a cause of concern.",
        WORDINGS, COC, "How Crimes Are Recorded.", "open")
    builder.page("kent-closed", "2023-01-05").tally(
        "Both causes of concern have now been discharged.", WORDINGS, COC, 2, 2, 0)
    # "The remaining cause of concern, on investigations": the others are closed.
    builder.page("essex-letter", "2021-03-01").item(
        "The first cause of concern is about investigations.", REMAINING, COC,
        "investigations", "open").item(
        "The second is about how it protects vulnerable people.", REMAINING, COC,
        "how it protects vulnerable people", "open").item(
        "The third is about custody.", REMAINING, COC, "custody", "open")
    builder.page("essex-revisit", "2021-12-01").tally(
        "Two of the three causes of concern are closed.", REMAINING, COC, 3, 2, 1).item(
        "The remaining cause of concern, on the supervision of investigations, is open.",
        REMAINING, COC, "the supervision of investigations", "open")
    # Arithmetic that does not fit: the tally says one is open, the documents name three
    # open items, and a total smaller than the items listed.
    builder.page("dorset-report", "2023-02-01").item(
        "Causes of concern: investigations.", SUMS, COC, "investigations", "open").item(
        "Causes of concern: call handling.", SUMS, COC, "call handling", "open").item(
        "Causes of concern: vetting.", SUMS, COC, "vetting", "open")
    builder.page("dorset-update", "2023-08-01").tally(
        "Inspectors say two causes of concern remain and one is open.", SUMS, COC, 2, 1, 1)
    # A tally with more open than the documents name: a note, not a conflict.
    builder.page("leics-report", "2023-01-01").item(
        "A cause of concern about custody was raised.", UNNAMED, COC, "custody", "open")
    builder.page("leics-update", "2023-06-01").tally(
        "One of the three causes of concern is closed.", UNNAMED, COC, 3, 1, 2)
    # Several items of one topic in one letter stay apart; "other" items keep their words.
    builder.page("suffolk-letter", "2023-04-03").item(
        "- reduce the backlog of home visits to registered sex offenders;", SEVERAL, REC,
        "reduce the backlog of home visits to registered sex offenders", "closed").item(
        "- train offender managers to use monitoring software.", SEVERAL, REC,
        "train offender managers to use monitoring software", "open").item(
        "- renew the fleet of patrol cars;", SEVERAL, REC, "renew the fleet of patrol cars",
        "open").item(
        "- publish its estates strategy.", SEVERAL, REC, "publish its estates strategy",
        "open")
    builder.page("suffolk-paper", "2023-05-01").item(
        "The recommendation to Renew the fleet of patrol cars is still open.", SEVERAL, REC,
        "Renew the fleet of patrol cars", "open")
    builder.page("suffolk-update", "2023-09-01").item(
        "Training offender managers to use monitoring software: done.", SEVERAL, REC,
        "train offender managers to use monitoring software", "closed")
    # A later report overrides an earlier tally; an undated one decides nothing.
    builder.page("surrey-tally", "2022-03-01").tally(
        "All three recommendations have been closed.", LATER, REC, 3, 3, 0)
    builder.page("surrey-item", "2022-02-01").item(
        "The recommendation on custody was made last year.", LATER, REC, "custody", "open")
    builder.page("surrey-reopened", "2022-07-01").item(
        "The custody recommendation is open again after a death in custody.", LATER, REC,
        "custody", "open")
    builder.page("surrey-undated", None).item(
        "The custody recommendation has been closed.", LATER, REC, "custody", "closed")
    # Two reports of one day disagree about one item.
    builder.page("norfolk-release", "2024-05-01").item(
        "The cause of concern about vetting has been closed.", SAMEDAY, COC, "vetting",
        "closed")
    builder.page("norfolk-paper", "2024-05-01").item(
        "The vetting cause of concern remains open, the paper says.", SAMEDAY, COC,
        "the force's vetting", "open")


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    builder = Builder()
    _stories(builder)
    db = builder.build(tmp_path_factory.mktemp("items") / "events.duckdb")
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def _items(con, force_id, kind=COC):
    return rows(con, "SELECT * FROM items WHERE force_id = ? AND kind = ? ORDER BY topic, "
                     "subject", [force_id, kind])


def test_one_item_in_three_wordings_closed_by_a_later_tally(con):
    items = _items(con, WORDINGS)
    assert [(i["topic"], i["status"]) for i in items] == [
        ("call handling and response", "closed"), ("crime recording", "closed")]
    recording = items[1]
    assert recording["subject"] == "the force's crime recording"  # as first raised
    assert sorted(recording["wordings"]) == [
        "How Crimes Are Recorded.", "crime-recording accuracy", "the force's crime recording"]
    assert recording["documents"] == 3 and len(recording["event_ids"]) == 3
    assert recording["first_raised"] == date(2022, 1, 10)
    assert (recording["status_as_of"], recording["closed_on"]) == (date(2023, 1, 5),
                                                                   date(2023, 1, 5))
    assert recording["evidence"] == "Both causes of concern have now been discharged."
    assert recording["url"] == "https://news.example.test/kent-closed"
    assert recording["note"] is None and recording["conflict"] is False


def test_the_remaining_one_named_closes_the_others(con):
    items = {i["topic"]: i for i in _items(con, REMAINING)}
    assert set(items) == {"investigations", "vulnerable people", "custody"}
    assert items["investigations"]["status"] == "open"
    assert items["investigations"]["status_as_of"] == date(2021, 12, 1)
    assert items["investigations"]["evidence"].startswith("The remaining cause of concern")
    for topic in ("vulnerable people", "custody"):
        assert (items[topic]["status"], items[topic]["closed_on"]) == ("closed",
                                                                       date(2021, 12, 1))
        assert items[topic]["evidence"] == "Two of the three causes of concern are closed."
    assert not any(i["conflict"] for i in items.values())


def test_arithmetic_that_does_not_fit_is_said_not_guessed(con):
    items = _items(con, SUMS)
    assert [i["status"] for i in items] == ["open", "open", "open"]  # nothing closed
    for item in items:
        assert item["conflict"] is True
        assert item["note"] == ("latest tally (2023-08-01): 1 open, but 3 items were open "
                                "then; latest tally (2023-08-01): 2 in all, but 3 items are "
                                "known by then")


def test_open_items_the_documents_do_not_name_are_a_note(con):
    [custody] = _items(con, UNNAMED)
    assert (custody["status"], custody["conflict"]) == ("open", False)
    assert custody["note"] == "latest tally (2023-06-01): 2 open, 1 of them named"


def test_several_items_of_one_topic_in_one_document_stay_apart(con):
    items = _items(con, SEVERAL, REC)
    assert [(i["topic"], i["subject"], i["status"], i["documents"]) for i in items] == [
        ("other", "publish its estates strategy", "open", 1),
        ("other", "renew the fleet of patrol cars", "open", 2),  # same words, any case
        ("sex offender management", "reduce the backlog of home visits to registered sex "
         "offenders", "closed", 1),
        # a later report in the same words is the same item
        ("sex offender management", "train offender managers to use monitoring software",
         "closed", 2),
    ]
    assert len({i["item_id"] for i in items}) == 4


def test_a_later_report_wins_and_an_undated_one_decides_nothing(con):
    [custody] = _items(con, LATER, REC)
    assert custody["status"] == "open" and custody["status_as_of"] == date(2022, 7, 1)
    assert custody["closed_on"] is None and custody["documents"] == 3
    assert custody["first_raised"] == date(2022, 2, 1)


def test_reports_of_one_day_that_disagree_are_a_conflict(con):
    [vetting] = _items(con, SAMEDAY)
    assert vetting["conflict"] is True
    assert vetting["note"] == "reports of 2024-05-01 disagree: open and closed"


def test_recommendation_progress_lists_what_items_lists_as_open(con):
    progress = {(r["force_id"], r["subject_kind"]): r for r in rows(
        con, "SELECT * FROM recommendation_progress")}
    for (force_id, kind), row in progress.items():
        expected = sorted(i["subject"] for i in _items(con, force_id, kind)
                          if i["status"] == "open")
        assert row["open_items"] == expected, (force_id, kind)
    assert progress[(WORDINGS, COC)]["open_items"] == []
    assert progress[(REMAINING, COC)]["open_items"] == ["investigations"]
    assert progress[(WORDINGS, COC)]["count_closed"] == 2


def test_item_mentions_show_which_wording_went_where(con):
    mentions = rows(con, "SELECT subject, topic, item_id FROM item_mentions "
                         "WHERE force_id = ? ORDER BY subject", [WORDINGS])
    assert {m["item_id"] for m in mentions} == {
        f"{WORDINGS}/{COC}/crime recording", f"{WORDINGS}/{COC}/call handling and response"}
    assert [m["topic"] for m in mentions if "ecord" in m["subject"]] == [
        "crime recording"] * 3
