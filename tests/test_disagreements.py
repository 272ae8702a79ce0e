"""`disagreements`: what the sources do not agree on, per force, with the reports involved.

Also that force_status and engage_periods keep one answer each when sources disagree, and
that reports phase_moves merges (one day, a month, a year) are not a disagreement.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.built_db import Builder, rows

DATES, LATE, TWICE, EXIT_FIRST, EXITS, TALLY, AGREE, QUOTE = (
    "gloucestershire-constabulary", "wiltshire-police", "staffordshire-police",
    "humberside-police", "cleveland-police", "west-midlands-police",
    "greater-manchester-police", "metropolitan-police-service")
NAMES = {DATES: "Gloucestershire Constabulary", QUOTE: "Metropolitan Police Service"}


def _stories(builder: Builder) -> None:
    # Two days for one entry: two reports say the 23rd, one the 16th (a week earlier).
    builder.page("glos-release", "2022-09-23").move(
        "Gloucestershire Constabulary was moved into Engage today.", DATES, "engage",
        "2022-09-23")
    builder.page("glos-paper", "2022-09-24").move(
        "The constabulary entered Engage on 23 September 2022.", DATES, "engage",
        "2022-09-23")
    builder.page("glos-feature", "2023-09-18").move(
        "The force was moved into Engage on 16 September 2022.", DATES, "engage",
        "2022-09-16")
    builder.page("glos-exit", "2024-05-16").move(
        "The constabulary has left Engage.", DATES, "scan", "2024-05-16")
    # A day and the next month: one entry, a coarse report in the following month.
    builder.page("wilts-release", "2022-09-28").move(
        "Wiltshire Police was placed in Engage on 28 September 2022.", LATE, "engage",
        "2022-09-28")
    builder.page("wilts-review", "2022-12-20").move(
        "Wiltshire went into special measures in October 2022.", LATE, "engage",
        "2022-10-01", "month")
    # Two entries with no exit between them, months apart.
    builder.page("staffs-release", "2022-09-13").move(
        "Staffordshire Police was moved into Engage on 13 September 2022.", TWICE, "engage",
        "2022-09-13")
    builder.page("staffs-feature", "2023-11-20").move(
        "The force was placed in special measures in March this year.", TWICE, "engage",
        "2023-03-01", "month")
    builder.page("staffs-exit", "2023-12-12").move(
        "Staffordshire Police has left special measures.", TWICE, "scan", "2023-12-12")
    # An exit with no earlier entry in the data.
    builder.page("humberside-feature", "2022-04-02").move(
        "Humberside Police was taken out of enhanced monitoring in 2019.", EXIT_FIRST, "scan",
        "2019-01-01", "year")
    # Exits a year apart with no entry between them.
    builder.page("cleveland-entry", "2019-09-27").move(
        "Cleveland Police was placed in special measures.", EXITS, "engage", "2019-09-27")
    builder.page("cleveland-exit", "2021-03-01").move(
        "Cleveland Police left Engage on 1 March 2021.", EXITS, "scan", "2021-03-01")
    builder.page("cleveland-exit-again", "2022-06-01").move(
        "Cleveland Police left Engage on 1 June 2022.", EXITS, "scan", "2022-06-01")
    # Tallies of one day that disagree; a partial one agrees; another day is not compared.
    builder.page("wmp-release", "2024-09-18").tally(
        "Three of the five recommendations have been closed.", TALLY, "recommendation",
        5, 3, 2)
    builder.page("wmp-radio", "2024-09-18").tally(
        "Four of the five recommendations have been closed.", TALLY, "recommendation",
        5, 4, 1)
    builder.page("wmp-blog", "2024-09-18").tally(
        "Two recommendations remain open.", TALLY, "recommendation", None, None, 2)
    builder.page("wmp-later", "2024-10-04").tally(
        "Four of the five recommendations are now closed.", TALLY, "recommendation", 5, 4, 1)
    # Reports phase_moves merges: a day, the same day again, its month, its year.
    builder.page("gmp-release", "2020-12-18").move(
        "Greater Manchester Police was placed in special measures today.", AGREE, "engage",
        "2020-12-18")
    builder.page("gmp-paper", "2020-12-19").move(
        "GMP went into special measures on 18 December 2020.", AGREE, "engage", "2020-12-18")
    builder.page("gmp-feature", "2021-06-01").move(
        "GMP entered special measures in December 2020.", AGREE, "engage", "2020-12-01",
        "month")
    builder.page("gmp-review", "2021-12-20").move(
        "GMP was put into special measures in 2020.", AGREE, "engage", "2020-01-01", "year")
    # The same words credited to two people.
    builder.page("met-release", "2024-02-20").said(
        'Sir Mark Rowley said: "This is real progress, and it belongs to the officers."',
        QUOTE, "Mark Rowley", "This is real progress, and it belongs to the officers.",
        "commissioner")
    builder.page("met-digest", "2024-02-23").said(
        'Sophie Linden said: "This is real progress, and it belongs to the officers."',
        QUOTE, "Sophie Linden", "This is real progress, and it belongs to the officers.",
        "police_and_crime_commissioner")


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    builder = Builder(NAMES)
    _stories(builder)
    db = builder.build(tmp_path_factory.mktemp("disagreements") / "events.duckdb")
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def _of(con, force_id):
    return rows(con, "SELECT * FROM disagreements WHERE force_id = ? ORDER BY date",
                [force_id])


def _urls(*slugs):
    return {f"https://news.example.test/{slug}" for slug in slugs}


def test_two_dates_for_one_move(con):
    [row] = _of(con, DATES)
    assert (row["kind"], row["date"]) == ("move_dates", date(2022, 9, 16))
    assert row["force"] == "Gloucestershire Constabulary"
    assert row["detail"] == ("one entry into Engage reported as 2022-09-16 (1 document) and "
                             "as 2022-09-23 (2 documents); the periods use the second")
    assert set(row["urls"]) == _urls("glos-release", "glos-paper", "glos-feature")
    assert len(row["event_ids"]) == 3


def test_a_coarse_date_in_the_next_month_is_the_same_move(con):
    [row] = _of(con, LATE)
    assert row["kind"] == "move_dates"
    assert row["detail"] == ("one entry into Engage reported as 2022-09-28 (1 document) and "
                             "as 2022-10 (1 document); the periods use the first")


def test_periods_start_at_the_date_most_documents_give(con):
    periods = rows(con, "SELECT force_id, entered, exited FROM engage_periods "
                        "WHERE force_id IN (?, ?, ?) ORDER BY force_id", [DATES, LATE, TWICE])
    assert periods == [
        {"force_id": DATES, "entered": date(2022, 9, 23), "exited": date(2024, 5, 16)},
        {"force_id": TWICE, "entered": date(2022, 9, 13), "exited": date(2023, 12, 12)},
        {"force_id": LATE, "entered": date(2022, 9, 28), "exited": None},
    ]
    status = {r["force_id"]: r for r in rows(con, "SELECT * FROM force_status")}
    assert (status[DATES]["phase"], status[DATES]["since"]) == ("scan", date(2024, 5, 16))
    assert (status[LATE]["phase"], status[LATE]["since"]) == ("engage", date(2022, 9, 28))


def test_two_entries_without_an_exit_between_them(con):
    [row] = _of(con, TWICE)
    assert (row["kind"], row["date"]) == ("entry_without_exit", date(2022, 9, 13))
    assert row["detail"] == ("entries into Engage on 2022-09-13 (1 document) and 2023-03 "
                             "(1 document) with no exit between them")
    assert set(row["urls"]) == _urls("staffs-release", "staffs-feature")


def test_an_exit_with_no_earlier_entry(con):
    [row] = _of(con, EXIT_FIRST)
    assert (row["kind"], row["date"]) == ("exit_without_entry", date(2019, 1, 1))
    assert row["detail"] == ("exit from Engage on 2019 (1 document) with no earlier entry in "
                             "the data")
    assert set(row["urls"]) == _urls("humberside-feature")
    # it opens no period and still sets the force's phase
    assert rows(con, "SELECT * FROM engage_periods WHERE force_id = ?", [EXIT_FIRST]) == []
    assert rows(con, "SELECT phase FROM force_status WHERE force_id = ?", [EXIT_FIRST]) == [
        {"phase": "scan"}]


def test_two_exits_without_an_entry_between_them(con):
    [row] = _of(con, EXITS)
    assert row["kind"] == "exit_without_entry"
    assert row["detail"] == ("exits from Engage on 2021-03-01 (1 document) and 2022-06-01 "
                             "(1 document) with no entry between them")


def test_tallies_of_one_day_whose_counts_conflict(con):
    [row] = _of(con, TALLY)
    assert (row["kind"], row["date"]) == ("tally_counts", date(2024, 9, 18))
    assert row["detail"] == (
        "tallies of recommendations as of 2024-09-18 disagree: 2 open (1 document); "
        "5 total, 3 closed, 2 open (1 document); 5 total, 4 closed, 1 open (1 document)")
    assert set(row["urls"]) == _urls("wmp-release", "wmp-radio", "wmp-blog")


def test_reports_phase_moves_merges_are_no_disagreement(con):
    assert _of(con, AGREE) == []
    [move] = rows(con, "SELECT documents FROM phase_moves WHERE force_id = ?", [AGREE])
    assert move["documents"] == 4


def test_the_same_words_credited_to_two_people(con):
    [row] = _of(con, QUOTE)
    assert (row["kind"], row["date"]) == ("quote_speaker", date(2024, 2, 23))
    assert row["detail"].startswith("the same words are credited to Mark Rowley (")
    assert "and to Sophie Linden (" in row["detail"]
    assert set(row["urls"]) == _urls("met-release", "met-digest")
    # each speaker keeps the statement their document gives them
    said = rows(con, "SELECT person_name FROM statements WHERE force_id = ? ORDER BY 1",
                [QUOTE])
    assert said == [{"person_name": "Mark Rowley"}, {"person_name": "Sophie Linden"}]


def test_every_row_names_its_reports(con):
    every = rows(con, "SELECT * FROM disagreements")
    assert {r["kind"] for r in every} == {"move_dates", "entry_without_exit",
                                         "exit_without_entry", "tally_counts",
                                         "quote_speaker"}
    known = {r["event_id"] for r in rows(con, "SELECT event_id FROM events")}
    for row in every:
        assert row["event_ids"] and set(row["event_ids"]) <= known
        assert len(row["urls"]) == len(row["event_ids"])
