"""Small token-window helpers shared by the extractors: clauses, cue words, phrases."""

from __future__ import annotations

from spacy.tokens import Doc


def lower_words(doc: Doc, start: int, end: int) -> list[str]:
    words = doc.user_data.get("lower_words")
    if words is None:
        words = doc.user_data["lower_words"] = [None if t.is_space else t.lower_ for t in doc]
    return [w for w in words[max(start, 0) : end] if w is not None]


def has_phrase(words: list[str], phrases: list[str] | set[str]) -> bool:
    """Whether any phrase (one or more words) occurs as a run of whole words."""
    joined = " " + " ".join(words) + " "
    return any(f" {phrase} " in joined for phrase in phrases)


def clause_start(doc: Doc, sentence_start: int, token: int, breaks: set[str]) -> int:
    """The first token of the clause containing `token`, looking left to a clause break."""
    for i in range(token - 1, sentence_start - 1, -1):
        if doc[i].lower_ in breaks:
            return i + 1
    return sentence_start


def clause_end(doc: Doc, sentence_end: int, token: int, breaks: set[str]) -> int:
    for i in range(token, sentence_end):
        if doc[i].lower_ in breaks:
            return i
    return sentence_end


def in_quotes(text: str, start: int, end: int) -> bool:
    """A phrase wrapped in quote marks ('Engage', “special measures”) is named, not used."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return before in "'‘\"“" and before != "" and after in "'’\"”" and after != ""
