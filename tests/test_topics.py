"""rules/topics.yaml: which wordings are one item, checked on phrasings written for the test.

Every phrase is a mechanism, not a sentence: each case below is a wording no document in the
corpus uses, and the near-misses are words that contain a phrase without being it.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipeline import rules
from pipeline.store import connect
from pipeline.store.topics import TopicsError, load_topics, normalise_phrase, refresh_topics
from tests.built_db import Builder, rows
from tests.conftest import run_cli

FORCE = "kent-police"
TOPICS = [
    # the phrase that comes first in the wording decides
    ("how the force deals with incidents, including those involving vulnerable people",
     "call handling and response"),
    ("the force's response to vulnerable people", "vulnerable people"),
    ("how quickly the control room picks up 999 and 101 calls", "call handling and response"),
    ("crime-recording accuracy", "crime recording"),
    ("How crimes are recorded", "crime recording"),
    ("investigation plans are drawn up, with oversight by a supervisor", "investigations"),
    ("how the force keeps victims informed about their cases", "investigations"),
    ("its ability to root out corruption among officers", "vetting and counter-corruption"),
    ("the management of registered sexual and violent offenders", "sex offender management"),
    ("the treatment of detainees in its cells", "custody"),
    ("processes to monitor performance across the force", "governance and performance"),
    ("preventing antisocial behaviour in town centres", "neighbourhood policing and crime "
     "prevention"),
    ("the wellbeing of officers and staff", "workforce and wellbeing"),
    ("its handling of stalking cases", "violence against women and girls"),
    # near-misses: a phrase inside another word is not the phrase
    ("firearms licensing", "other"),
    ("how it handles recalled evidence", "other"),
    ("the backlog of unrecordable requests", "other"),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    builder = Builder()
    for number, (wording, _) in enumerate(TOPICS):
        builder.page(f"finding-{number}", "2024-01-01").item(
            f"A cause of concern about {wording}.", FORCE, "cause_of_concern", wording, "open")
    db = builder.build(tmp_path_factory.mktemp("topics") / "events.duckdb")
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize(("wording", "topic"), TOPICS)
def test_wording_takes_the_topic_a_reader_would_give_it(con, wording, topic):
    [mention] = rows(con, "SELECT topic FROM item_mentions WHERE subject = ?", [wording])
    assert mention["topic"] == topic


def test_other_wordings_are_items_of_their_own(con):
    others = rows(con, "SELECT DISTINCT item_id FROM items WHERE topic = 'other'")
    assert len(others) == 3


@pytest.mark.parametrize(("phrase", "normal"), [
    ("Victims\u2019 Code", "victims code"),
    ("crime-recording*", "crime recording*"),
    ("  999 ", "999"),
    ("Call  Handl*", "call handl*"),
])
def test_phrases_are_folded_as_the_views_fold_wordings(phrase, normal):
    assert normalise_phrase(phrase) == normal


@pytest.mark.parametrize(("text", "message"), [
    ("topics: [a, b]\n", "must hold a mapping"),
    ("other: 1\n", "must hold a mapping"),
    ("topics:\n  other: [misc]\n", "cannot be a topic name"),
    ("topics:\n  custody: []\n", "needs a list of phrases"),
    ("topics:\n  custody: [\"--\"]\n", "empty phrase"),
    ("topics:\n  custody: [cu*]\n", "at least 3 letters"),
    ("topics:\n  custody: [[cells]]\n", "not text"),
    ("topics: {custody: [cells\n", "cannot be read"),
])
def test_a_bad_topics_file_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TopicsError, match=message) as caught:
        load_topics(path)
    assert "\n" not in str(caught.value)


def test_the_repository_vocabulary_loads():
    topics = dict(load_topics(rules.RULES_DIR / "topics.yaml"))
    assert {"investigations", "vulnerable people", "call handling and response",
            "crime recording", "sex offender management", "governance and performance",
            "custody", "vetting and counter-corruption"} <= set(topics)


def _rules_copy(tmp_path, monkeypatch):
    copy = tmp_path / "rules"
    shutil.copytree(rules.RULES_DIR, copy)
    monkeypatch.setattr(rules, "RULES_DIR", copy)
    return copy / "topics.yaml"


def test_an_edited_vocabulary_is_loaded_at_the_next_write(tmp_path, monkeypatch):
    topics = _rules_copy(tmp_path, monkeypatch)
    builder = Builder()
    builder.page("licensing", "2024-01-01").item(
        "A recommendation about firearms licensing.", FORCE, "recommendation",
        "firearms licensing", None)
    db = builder.build(tmp_path / "events.duckdb")
    with connect(db) as con:
        assert refresh_topics(con) is False  # unchanged since the write above
        assert rows(con, "SELECT topic FROM item_mentions") == [{"topic": "other"}]
    topics.write_text(topics.read_text(encoding="utf-8")
                      + "\n  firearms:\n    - firearm*\n", encoding="utf-8")
    with connect(db) as con:  # opening for writing reloads it
        assert rows(con, "SELECT topic FROM item_mentions") == [{"topic": "firearms"}]
        assert refresh_topics(con) is False


def test_ingest_with_a_broken_vocabulary_stops_with_one_line_and_keeps_the_data(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(rules.RULES_DIR, copy)
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Kent Police was placed in Engage on 3 March 2024.\n",
                                  encoding="utf-8")
    db = tmp_path / "events.duckdb"
    env = {"PIPELINE_RULES_DIR": str(copy)}
    assert run_cli("ingest", "--source", str(source), "--db", str(db), env=env
                   ).returncode == 0
    (copy / "topics.yaml").write_text("topics:\n  other: [x]\n", encoding="utf-8")
    (source / "b.txt").write_text("Essex Police was placed in Engage on 4 March 2024.\n",
                                  encoding="utf-8")
    result = run_cli("ingest", "--source", str(source), "--db", str(db), env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "topics.yaml" in lines[0]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM topic_phrases").fetchone()[0] > 0
    con.close()
