"""The spaCy pipeline: a blank English tokenizer, sentence boundaries and rule matchers.

Built once per process from rules/: loading patterns is the expensive part, matching is cheap.
No statistical model is used, so extraction needs no download and runs near tokenizer speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from pipeline.extract.gazetteer import Gazetteer, build_gazetteer
from pipeline.rules import Rules, load_rules


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and list items have no full stop."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@dataclass
class Matchers:
    """Every matcher the extractors use, keyed by what they find."""

    forces_lower: PhraseMatcher
    forces_exact: PhraseMatcher
    phase_terms: PhraseMatcher
    roles: PhraseMatcher
    findings: PhraseMatcher
    inspections: PhraseMatcher
    dates: Matcher


@dataclass
class Toolkit:
    nlp: Language
    matchers: Matchers
    rules: Rules
    gazetteer: Gazetteer


def _phrases(nlp: Language, phrases: list[str]) -> list[Doc]:
    return [nlp.make_doc(p) for p in phrases]


def _date_patterns(rules: Rules) -> list[tuple[str, list[dict]]]:
    months = rules.dates["months"] + list(rules.dates["month_abbreviations"])
    weekdays = rules.dates["weekdays"]
    seasons = rules.dates["seasons"]
    day = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
    year = {"TEXT": {"REGEX": r"^(19[89]\d|20[0-4]\d)$"}}
    month = {"LOWER": {"IN": months}}
    comma = {"TEXT": ",", "OP": "?"}
    # An optional leading preposition makes "in October 2022" longer than "in October", so
    # the full date wins when overlapping matches are filtered longest-first.
    prep = {"LOWER": {"IN": ["in", "on", "since", "during", "by", "from", "until", "of",
                             "early", "late", "mid", "last", "this"]}, "OP": "?"}
    return [
        ("day_month_year", [prep, day, {"LOWER": "of", "OP": "?"}, month, comma, year]),
        ("month_day_year", [month, day, {"TEXT": ","}, year]),
        ("month_day_year", [month, day, year]),
        ("day_month", [day, {"LOWER": "of", "OP": "?"}, month]),
        ("month_year", [prep, month, {"LOWER": "of", "OP": "?"}, year]),
        ("numeric", [{"TEXT": {"REGEX": r"^\d{1,2}[/.]\d{1,2}[/.](19|20)\d\d$"}}]),
        ("iso", [year, {"TEXT": "-"}, {"TEXT": {"REGEX": r"^\d\d$"}}, {"TEXT": "-"},
                 {"TEXT": {"REGEX": r"^\d\d$"}}]),
        ("year", [{"LOWER": {"IN": rules.dates["year_preps"]}}, year]),
        ("year", [{"LOWER": {"IN": ["the", "its", "their", "a"]}}, year]),
        ("year", [{"LOWER": {"IN": ["the"]}}, {"LOWER": {"IN": ["end", "start", "beginning",
                  "middle", "summer", "spring", "autumn", "winter"]}}, {"LOWER": "of"}, year]),
        ("season_year", [prep, {"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": seasons}},
                         {"LOWER": "of", "OP": "?"}, year]),
        ("season", [{"LOWER": {"IN": ["in", "this", "last", "during"]}},
                    {"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": seasons}}]),
        ("weekday", [{"LOWER": {"IN": ["on", "last", "this"]}}, {"LOWER": {"IN": weekdays}}]),
        ("month_only", [{"LOWER": {"IN": ["in", "last", "this", "since", "during", "from",
                         "until", "early", "late", "mid", "by"]}}, month]),
        *[("relative", [{"LOWER": w} for w in phrase.split()])
          for phrase in rules.dates["relative"]],
        ("ago", [{"LOWER": {"IN": list(rules.numbers["numbers"]) + ["a"]}, "OP": "?"},
                 {"LIKE_NUM": True, "OP": "?"},
                 {"LOWER": {"IN": ["month", "months", "year", "years", "week", "weeks",
                                   "day", "days"]}}, {"LOWER": "ago"}]),
    ]


def build_toolkit(rules: Rules) -> Toolkit:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_breaks", after="sentencizer")
    gazetteer = build_gazetteer(rules.forces)

    forces_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    forces_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for force_id, phrases in gazetteer.lower_phrases.items():
        forces_lower.add(f"strong:{force_id}", _phrases(nlp, phrases))
    for force_id, phrases in gazetteer.exact_phrases.items():
        forces_exact.add(f"strong:{force_id}", _phrases(nlp, phrases))
    for force_id, phrases in gazetteer.place_phrases.items():
        forces_exact.add(f"weak:{force_id}", _phrases(nlp, phrases))

    phase_terms = PhraseMatcher(nlp.vocab, attr="LOWER")
    phase_terms.add("engage", _phrases(nlp, rules.phases["engage_terms"]))
    phase_terms.add("scan", _phrases(nlp, rules.phases["scan_terms"]))

    roles = PhraseMatcher(nlp.vocab, attr="LOWER")
    for code, spec in rules.roles["roles"].items():
        roles.add(code, _phrases(nlp, spec["titles"]))

    findings = PhraseMatcher(nlp.vocab, attr="LOWER")
    for kind, phrases in rules.recommendations["kinds"].items():
        findings.add(kind, _phrases(nlp, phrases))

    inspections = PhraseMatcher(nlp.vocab, attr="LOWER")
    inspections.add("noun", _phrases(nlp, rules.inspections["nouns"]))
    inspections.add("verb", _phrases(nlp, rules.inspections["verbs"]))

    dates = Matcher(nlp.vocab)
    for label, pattern in _date_patterns(rules):
        dates.add(label, [pattern])

    matchers = Matchers(forces_lower, forces_exact, phase_terms, roles, findings, inspections,
                        dates)
    return Toolkit(nlp=nlp, matchers=matchers, rules=rules, gazetteer=gazetteer)


@lru_cache(maxsize=1)
def default_toolkit() -> Toolkit:
    return build_toolkit(load_rules())
