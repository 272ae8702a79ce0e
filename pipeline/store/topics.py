"""The topic vocabulary (rules/topics.yaml) as a table the item views join.

Topics decide which wordings of a cause of concern or recommendation are one item. They are
data a domain expert edits, and they are read by the store, not by extraction: a change to
them needs no re-extraction, only a write to the database (`ingest`, `reextract`), which
reloads the table when the file's fingerprint differs from the one stored with it. The
matching itself is SQL in `views.py`; here the phrases are only checked and normalised the
way the views normalise wordings (lower case, every run of punctuation a single space).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb
import yaml

from pipeline import rules
from pipeline.store.schema import SchemaError
from pipeline.store.views import TOPIC_TABLE

TOPICS_FILE = "topics.yaml"
OTHER = "other"  # the topic of a wording no phrase matches; reserved
# A wildcard word must keep this many letters, or it would match half the dictionary.
MIN_STEM = 3


class TopicsError(SchemaError):
    """rules/topics.yaml is missing or malformed: the store cannot open for writing."""


def normalise_phrase(phrase: str) -> str:
    """Lower case, apostrophes dropped, other punctuation a space; a final * per word kept."""
    words = []
    for raw in str(phrase).lower().replace("\u2019", "'").replace("'", "").split():
        star = raw.endswith("*")
        for part in re.sub(r"[\W_]+", " ", raw.rstrip("*")).split():
            words.append(part)
        if star and words:
            words[-1] += "*"
    return " ".join(words)


def _check_phrase(topic: str, phrase: object, path: Path) -> str:
    if not isinstance(phrase, str | int) or isinstance(phrase, bool):
        raise TopicsError(f"{path}: topic {topic!r} has a phrase that is not text: {phrase!r}")
    normal = normalise_phrase(str(phrase))
    if not normal:
        raise TopicsError(f"{path}: topic {topic!r} has an empty phrase: {phrase!r}")
    short = [w for w in normal.split() if w.endswith("*") and len(w) - 1 < MIN_STEM]
    if short:
        raise TopicsError(f"{path}: topic {topic!r}: the wildcard {short[0]!r} needs at "
                          f"least {MIN_STEM} letters before the *")
    return normal


def load_topics(path: Path) -> list[tuple[str, list[str]]]:
    """[(topic, normalised phrases)] in file order; a bad file is one clear TopicsError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TopicsError(f"rules file missing: {path}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TopicsError(f"rules file {path} cannot be read: {exc}".splitlines()[0]) from None
    topics = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(topics, dict) or not topics:
        raise TopicsError(f"{path} must hold a mapping 'topics: {{topic: [phrases]}}'")
    loaded = []
    for topic, phrases in topics.items():
        name = str(topic).strip().lower()
        if not name or name == OTHER:
            raise TopicsError(f"{path}: {topic!r} cannot be a topic name ('{OTHER}' is what "
                              "a wording without a topic gets)")
        if not isinstance(phrases, list) or not phrases:
            raise TopicsError(f"{path}: topic {topic!r} needs a list of phrases")
        loaded.append((name, [_check_phrase(name, p, path) for p in phrases]))
    return loaded


def topics_path() -> Path:
    return rules.RULES_DIR / TOPICS_FILE


def _fingerprint(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        raise TopicsError(f"rules file missing: {path}") from None


def replace_topics(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> None:
    """Create the table if needed and fill it from the file (inside the caller's transaction)."""
    path = path or topics_path()
    sha, topics = _fingerprint(path), load_topics(path)
    con.execute(TOPIC_TABLE)
    con.execute("DELETE FROM topic_phrases")
    rows = [(topic, rank, phrase, sha) for rank, (topic, phrases) in enumerate(topics, 1)
            for phrase in dict.fromkeys(phrases)]
    con.executemany("INSERT INTO topic_phrases VALUES (?, ?, ?, ?)", rows)


def refresh_topics(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> bool:
    """Reload the table when the file changed since it was loaded; True when it did."""
    path = path or topics_path()
    sha = _fingerprint(path)
    stored = con.execute("SELECT DISTINCT rules_sha FROM topic_phrases").fetchall()
    if stored == [(sha,)]:
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        replace_topics(con, path)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True
