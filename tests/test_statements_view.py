"""`statements`: each quote once, dated and linked by its first publication."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.built_db import Builder, rows

WMP, MET, CLE = "west-midlands-police", "metropolitan-police-service", "cleveland-police"
LONG = ("People living within the West Midlands should now expect a good policing response. "
        "At the heart of everything we do is the public.")


def _pages(builder: Builder) -> None:
    # The same quote in three documents: straight and curly quotation marks, other case and
    # punctuation, and one that files the speaker under no force.
    builder.page("wmp-release", "2024-09-18").said(
        f'Craig Guildford said: "{LONG}"', WMP, "Craig Guildford", LONG)
    builder.page("wmp-paper", "2024-09-19").said(
        "Craig Guildford said: \u201cpeople living within the west midlands should now "
        "expect a good policing response \u2014 at the heart of everything we do is the "
        "public\u201d.", WMP, "Craig Guildford",
        "people living within the west midlands should now expect a good policing "
        "response \u2014 at the heart of everything we do is the public")
    builder.page("wmp-national", "2024-09-20").said(
        f'Chief Constable Craig Guildford said: "{LONG}"', None, "Craig Guildford", LONG)
    # A later report quotes a part of it (at least six words): the same quote.
    builder.page("wmp-weekly", "2024-09-27").said(
        'Mr Guildford said the public should "now expect a good policing response".', WMP,
        "Craig Guildford", "now expect a good policing response")
    # Five words that also occur in it are too few to call it the same quote.
    builder.page("wmp-radio", "2024-10-01").said(
        'Mr Guildford promised "a good policing response" again.', WMP, "Craig Guildford",
        "a good policing response")
    # Reported speech has no quote: every report is kept.
    builder.page("met-one", "2024-02-20").said(
        "Sir Mark Rowley said the force had made progress.", MET, "Mark Rowley", None,
        "commissioner")
    builder.page("met-two", "2024-02-21").said(
        "Sir Mark Rowley said the force had made progress.", MET, "Mark Rowley", None,
        "commissioner")
    # Published the same day, one shorter: the fuller quotation is the original.
    builder.page("cle-b-short", "2024-02-13").said(
        'Mark Webster said the force had "stopped apologising and started delivering for '
        'Teesside".', CLE, "Mark Webster", "stopped apologising and started delivering for "
        "Teesside")
    builder.page("cle-a-full", "2024-02-13").said(
        'Mark Webster said: "We stopped apologising and started delivering for Teesside, '
        'and it shows."', CLE, "Mark Webster",
        "We stopped apologising and started delivering for Teesside, and it shows.")


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    builder = Builder()
    _pages(builder)
    db = builder.build(tmp_path_factory.mktemp("statements") / "events.duckdb")
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def _said(con, name):
    return rows(con, "SELECT date, quote, url, documents, force_id FROM statements "
                     "WHERE person_name = ? ORDER BY date", [name])


def test_one_quote_reported_in_four_documents_is_one_row(con):
    said = _said(con, "Craig Guildford")
    assert [(s["date"], s["documents"]) for s in said] == [
        (date(2024, 9, 18), 4), (date(2024, 10, 1), 1)]
    first = said[0]
    assert first["quote"] == LONG and first["force_id"] == WMP
    assert first["url"] == "https://news.example.test/wmp-release"
    assert said[1]["quote"] == "a good policing response"  # too short to be the same


def test_reported_speech_is_kept_report_by_report(con):
    assert [s["date"] for s in _said(con, "Mark Rowley")] == [date(2024, 2, 20),
                                                             date(2024, 2, 21)]


def test_on_one_day_the_fuller_quotation_is_the_original(con):
    [webster] = _said(con, "Mark Webster")
    assert webster["url"] == "https://news.example.test/cle-a-full"
    assert webster["documents"] == 2


def test_every_statement_is_shown_or_covered_by_an_earlier_one(con):
    total = con.execute("SELECT count(*) FROM events WHERE event_type = 'statement'"
                        ).fetchone()[0]
    covered = con.execute("SELECT sum(documents) FROM statements").fetchone()[0]
    assert covered == total == 9
