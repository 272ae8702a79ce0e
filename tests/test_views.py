"""The views for SQL users, on a hand-written database: one row per real move and period."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.tiny_db import CLE, MET, WMP, build_tiny_db


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = build_tiny_db(tmp_path_factory.mktemp("views") / "events.duckdb")
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def rows(con, sql):
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_engage_periods_one_per_real_period(con):
    periods = rows(con, "SELECT force_id, entered, entered_precision, exited, "
                        "exited_precision, days FROM engage_periods ORDER BY force_id, entered")
    assert periods == [
        # an exit with no earlier entry (2018) opens no period; two real periods follow
        {"force_id": CLE, "entered": date(2019, 9, 27), "entered_precision": "day",
         "exited": date(2021, 3, 1), "exited_precision": "month", "days": 521},
        {"force_id": CLE, "entered": date(2022, 5, 1), "entered_precision": "day",
         "exited": date(2023, 1, 10), "exited_precision": "day", "days": 254},
        # still in: the later year-only mention is the same state, not a new period
        {"force_id": MET, "entered": date(2022, 6, 28), "entered_precision": "day",
         "exited": None, "exited_precision": None, "days": None},
        # entry reported by four documents (day, day, month, year); exit by three
        {"force_id": WMP, "entered": date(2023, 11, 24), "entered_precision": "day",
         "exited": date(2024, 9, 18), "exited_precision": "day", "days": 299},
    ]


def test_phase_moves_collapse_reports_of_one_move(con):
    moves = rows(con, "SELECT phase, move_date, precision, documents, changes_phase "
                      f"FROM phase_moves WHERE force_id = '{WMP}' ORDER BY move_date")
    assert moves == [
        {"phase": "engage", "move_date": date(2023, 11, 24), "precision": "day",
         "documents": 4, "changes_phase": True},
        {"phase": "scan", "move_date": date(2024, 9, 18), "precision": "day",
         "documents": 3, "changes_phase": True},
    ]


def test_force_status_is_the_latest_real_change(con):
    status = {r["force_id"]: r for r in rows(con, "SELECT * FROM force_status")}
    assert set(status) == {WMP, MET, CLE}
    assert (status[MET]["phase"], status[MET]["since"]) == ("engage", date(2022, 6, 28))
    assert (status[CLE]["phase"], status[CLE]["since"]) == ("scan", date(2023, 1, 10))
    wmp = status[WMP]
    assert (wmp["phase"], wmp["since"], wmp["since_precision"]) == (
        "scan", date(2024, 9, 18), "day")
    # the representative report: finest date, then the earliest publication
    assert wmp["url"] == "https://news.example.test/wmp-exit"
    assert wmp["evidence"] == "West Midlands Police has been removed from Engage."
    assert status[MET]["force"] == "Metropolitan Police Service"


def test_recommendation_progress_latest_tally_and_open_items(con):
    progress = {r["subject_kind"]: r for r in rows(
        con, f"SELECT * FROM recommendation_progress WHERE force_id = '{WMP}'")}
    recs = progress["recommendation"]
    # two tallies with the same event_date: the later publication wins
    assert (recs["count_total"], recs["count_closed"], recs["count_open"]) == (5, 4, 1)
    assert recs["tally_url"] == "https://news.example.test/wmp-exit-paper"
    assert recs["open_items"] == ["call handling"]
    concerns = progress["cause_of_concern"]
    assert (concerns["count_total"], concerns["count_closed"]) == (3, 2)
    # "investigations" was open in September and closed in October (any capitalisation)
    assert concerns["open_items"] == []


def test_statements_one_row_per_quote_with_document_date(con):
    said = rows(con, "SELECT person_name, person_role, person_org, force, date, quote, url "
                     "FROM statements ORDER BY date")
    assert said == [
        {"person_name": "Mark Rowley", "person_role": "commissioner",
         "person_org": "Metropolitan Police Service", "force": "Metropolitan Police Service",
         "date": date(2022, 6, 28), "quote": "We are not there yet.",
         "url": "corpus/met-engage.md"},
        # the same quote in two documents is one statement, dated by the first
        {"person_name": "Craig Guildford", "person_role": "chief_constable",
         "person_org": "West Midlands Police", "force": "West Midlands Police",
         "date": date(2024, 9, 18), "quote": "This is a good day for the force.",
         "url": "https://news.example.test/wmp-exit"},
    ]


def test_readme_style_queries_run_unquoted(con):
    """Column names need no quoting: `exited`, `date` and `force` work bare."""
    in_engage = con.execute("SELECT force, since FROM force_status WHERE phase = 'engage'"
                            ).fetchall()
    assert in_engage == [("Metropolitan Police Service", date(2022, 6, 28))]
    open_periods = con.execute("SELECT count(*) FROM engage_periods WHERE exited IS NULL"
                               ).fetchone()[0]
    assert open_periods == 1
    assert con.execute("SELECT count(*) FROM statements WHERE date >= DATE '2024-01-01'"
                       ).fetchone()[0] == 1


def test_events_full_needs_no_join_and_says_where_its_date_comes_from(con):
    """Every event with its document's url, title, publication date and source; `as_of`
    is the text's own date, else the publication date, and `as_of_source` says which."""
    full = rows(con, "SELECT url, title, published_date, source, event_date, as_of, "
                     "as_of_precision, as_of_source FROM events_full WHERE evidence = "
                     "'West Midlands Police has been removed from Engage.' ORDER BY url")
    assert full == [
        {"url": "https://news.example.test/wmp-exit", "title": "wmp exit",
         "published_date": date(2024, 9, 18), "source": "local",
         "event_date": date(2024, 9, 18), "as_of": date(2024, 9, 18),
         "as_of_precision": "day", "as_of_source": "text"},
        {"url": "https://news.example.test/wmp-exit-paper", "title": "wmp exit paper",
         "published_date": date(2024, 9, 19), "source": "local",
         "event_date": date(2024, 9, 18), "as_of": date(2024, 9, 18),
         "as_of_precision": "day", "as_of_source": "text"}]
    undated = rows(con, "SELECT event_date, as_of, as_of_precision, as_of_source FROM "
                        "events_full WHERE evidence = 'The cause of concern about "
                        "investigations remains open.'")
    assert undated == [{"event_date": None, "as_of": date(2024, 9, 18),
                        "as_of_precision": "day", "as_of_source": "publication"}]
    year = rows(con, "SELECT as_of, as_of_precision FROM events_full "
                     "WHERE evidence = 'West Midlands Police went into Engage in 2023.'")
    assert year == [{"as_of": date(2023, 1, 1), "as_of_precision": "year"}]
    (count,) = con.execute("SELECT count(*) FROM events_full").fetchone()
    assert count == con.execute("SELECT count(*) FROM events").fetchone()[0]
