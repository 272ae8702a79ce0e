"""The spaCy pipeline: a blank English tokenizer, sentence boundaries and rule matchers.

Built once per process from rules/: loading patterns is the expensive part, matching is cheap.
No statistical model is used, so extraction needs no download and runs near tokenizer speed.
What keeps it there: word tests (sentence-final marks, newlines, the word lists and regexes
of the date patterns) are lexeme flags, computed once per word of the vocabulary and read in
C, so sentence boundaries are found per sentence rather than per token, and the date matcher
runs only in short windows around the tokens every date needs. Both give exactly the result
of the plain spaCy components they replace.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum, auto
from functools import lru_cache
from itertools import groupby

import numpy
import spacy
from spacy.attrs import FLAG19, FLAG63, IS_PUNCT, LOWER, SENT_START, SHAPE
from spacy.errors import MatchPatternError
from spacy.lang.en import English
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.codes import Phase
from pipeline.extract.clauses import token_column
from pipeline.extract.dates import Label, Token, unread_codes
from pipeline.extract.gazetteer import Gazetteer, MentionKind, build_gazetteer
from pipeline.extract.tokenizing import ChunkCachingTokenizer
from pipeline.rules import Rules, RulesError, load_rules
from pipeline.rulespecs.checked import entries


class InspectionCue(StrEnum):
    """The labels of the inspections matcher: a noun ("inspection") or a verb ("inspected")."""

    NOUN = auto()
    VERB = auto()


class OfficialLabel(StrEnum):
    """The one label of the officials matcher."""

    OFFICIAL = auto()


class AnchorKind(StrEnum):
    """What an anchor value of the date matcher tests: a word's lower-case form or a token
    shape."""

    WORD = auto()
    SHAPE = auto()


class WordList(StrEnum):
    """The word lists a date pattern can name that are not keys of rules/dates.yaml: the
    months with their abbreviations, and the number words of rules/numbers.yaml."""

    MONTH_WORDS = auto()
    NUMBER_WORDS = auto()


class PatternKey(StrEnum):
    """Keys of rules/dates.yaml's pattern syntax that are not spaCy's: {like: $name, ...}."""

    LIKE = auto()


@Language.factory("sentence_boundaries")
def make_sentence_boundaries(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """spaCy's sentencizer, then a sentence start after every line break, in one pass.

    A line break always ends a sentence: headlines and list items have no full stop. The
    boundaries are exactly those of the "sentencizer" pipe followed by that rule, but lexeme
    flags mark the few tokens that matter (sentence-final punctuation, newlines), so the
    work is per sentence rather than per token. (A token's trailing whitespace is one space
    or nothing, so only a token's own text can hold a newline.)
    """
    punct_chars = set(Sentencizer.default_punct_chars)
    final = _add_flag(nlp.vocab, lambda text: text in punct_chars)
    newline = _add_flag(nlp.vocab, lambda text: "\n" in text)
    if final is None or newline is None:
        return _token_by_token(Sentencizer(name))

    def sentence_boundaries(doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        flags = doc.to_array([final, IS_PUNCT, newline, SENT_START]).astype(numpy.int64)
        is_final, is_punct, has_newline, current = flags.T
        finals = numpy.flatnonzero(is_final).tolist()
        breakers = numpy.flatnonzero((is_final | is_punct) == 0).tolist()
        guess = numpy.full(len(doc), -1, dtype=numpy.int64)
        guess[0] = 1
        start = 0
        # The sentencizer's rule: a sentence starts at the first token that is neither
        # punctuation nor sentence-final after a sentence-final token.
        while (k := bisect_left(finals, start)) < len(finals):
            j = bisect_right(breakers, finals[k])
            if j == len(breakers):
                break
            start = breakers[j]
            guess[start] = 1
        starts = numpy.where(current == 0, guess, current)  # the sentencizer keeps set values
        after_newline = numpy.flatnonzero(has_newline[:-1]) + 1
        starts[after_newline] = 1
        doc.from_array([SENT_START], starts.astype(numpy.uint64))
        return doc

    return sentence_boundaries


def _token_by_token(sentencizer: Sentencizer) -> Callable[[Doc], Doc]:
    """The same boundaries the slow way, for a vocabulary with no lexeme flag left."""

    def sentence_boundaries(doc: Doc) -> Doc:
        sentencizer(doc)
        for token in doc[:-1]:
            if "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc

    return sentence_boundaries


@dataclass
class AnchorGroup:
    """The patterns anchored on the same words or shapes, and how far each one reaches."""

    matcher: Matcher
    reach: dict[int, tuple[int, int]]


@dataclass
class AnchoredMatcher:
    """A token Matcher that only looks near tokens every one of its patterns requires.

    Called like a Matcher on a Doc, with the same matches. A date needs a month, a weekday,
    a four-digit year or another rare word; most sentences have none, so running the Matcher
    only on short windows around those tokens skips most of its work. `anchor` is a lexeme
    flag set on those tokens; when some pattern has no such token it is None and the whole
    Doc is matched. `reach` holds, for each anchor's LOWER or SHAPE hash, the most tokens a
    match anchored on it can have before and after it: "last year" reaches one token back,
    "5 March 2024" further, so each window is only as wide as its anchor needs. Each of the
    `groups` matches only the patterns anchored on its own words or shapes, near those: a
    window around a year is not read for the patterns of "yesterday". Matches come by start
    and end; two of one span in the order the Matcher gives them over the window holding it.
    """

    matcher: Matcher
    anchor: int | None
    reach: dict[int, tuple[int, int]] = field(default_factory=dict)
    groups: list[AnchorGroup] = field(default_factory=list)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if self.anchor is None or len(doc) == 0:
            return self.matcher(doc)
        anchors = self._anchors(doc)
        windows = _windows(_reaches(anchors, self.reach), len(doc))
        if windows and windows[0] == (0, len(doc)):
            return self.matcher(doc)
        found: dict[tuple[int, int, int], None] = {}  # a Matcher gives each match once
        for group in self.groups:
            for start, end in _windows(_reaches(anchors, group.reach), len(doc)):
                for match_id, s, e in group.matcher(Span(doc, start, end)):
                    found.setdefault((match_id, s + start, e + start), None)
        return self._ordered(doc, windows, sorted(found, key=lambda m: (m[1], m[2])))

    def _anchors(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(token, LOWER hash, SHAPE hash) of every anchor token of the Doc."""
        at = numpy.flatnonzero(doc.to_array(self.anchor))  # few: their shapes are read alone
        return [(i, word, doc[i].shape) for i, word in zip(
            at.tolist(), token_column(doc, LOWER)[at].tolist(), strict=True)]

    def _ordered(self, doc: Doc, windows: list[tuple[int, int]],
                 matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Matches of one span (under two labels) in the order the Matcher gives them over
        the window holding them: a longest-span filter keeps the first of them."""
        out: list[tuple[int, int, int]] = []
        for (start, _), same in groupby(matches, key=lambda m: (m[1], m[2])):
            same = list(same)
            if len(same) > 1:
                w_start, w_end = windows[bisect_right([w[0] for w in windows], start) - 1]
                order = [(m, s + w_start, e + w_start)
                         for m, s, e in self.matcher(Span(doc, w_start, w_end))]
                same.sort(key=order.index)
            out += same
        return out


def _reaches(anchors: list[tuple[int, int, int]], reach: dict[int, tuple[int, int]]
             ) -> list[tuple[int, int, int]]:
    """(token, tokens before, tokens after) for every anchor token with a value in `reach`."""
    none = (0, 0)
    out = []
    for i, word, form in anchors:
        if word in reach or form in reach:
            by_word, by_shape = reach.get(word, none), reach.get(form, none)
            out.append((i, max(by_word[0], by_shape[0]), max(by_word[1], by_shape[1])))
    return out


def _windows(reaches: list[tuple[int, int, int]], length: int) -> list[tuple[int, int]]:
    """Disjoint token ranges, in order, that hold every match anchored on one of the tokens."""
    windows: list[tuple[int, int]] = []
    for start, end in sorted((max(i - before, 0), min(i + after + 1, length))
                             for i, before, after in reaches):
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


@dataclass
class Matchers:
    """Every matcher the extractors use, keyed by what they find."""

    forces_lower: PhraseMatcher
    forces_exact: PhraseMatcher
    phase_terms: PhraseMatcher
    roles: PhraseMatcher
    findings: PhraseMatcher
    inspections: PhraseMatcher
    dates: AnchoredMatcher
    officials: PhraseMatcher


@dataclass
class Toolkit:
    nlp: Language
    matchers: Matchers
    rules: Rules
    gazetteer: Gazetteer


def _phrases(nlp: Language, phrases: list[str]) -> list[Doc]:
    return [nlp.make_doc(p) for p in phrases]


def _abbreviations(rules: Rules) -> list[str]:
    """The month abbreviations as tokens: "sept", and "sept." (the tokenizer keeps the stop)."""
    spec = rules.dates
    return [form for a in spec.month_abbreviations for form in (a, a + spec.abbreviation_stop)]


def _date_words(rules: Rules) -> dict[str, list[str]]:
    """The word lists a date pattern can name as {IN: $name}."""
    spec = rules.dates
    grammar = (spec.tokens, spec.patterns)  # the grammar itself, not word lists
    words = {key: list(value) for key, value in entries(spec).items()
             if isinstance(value, (tuple, Mapping))
             and not any(value is part for part in grammar)}
    words[WordList.MONTH_WORDS] = [*spec.months, *_abbreviations(rules)]
    words[WordList.NUMBER_WORDS] = list(rules.numbers.numbers)
    return words


def _date_tokens(rules: Rules) -> dict[str, dict]:
    """The tokens a date pattern can name as $name: regex tokens, months, weekdays, seasons."""
    words = _date_words(rules)
    tokens = {name: {"TEXT": {"REGEX": entry.regex}}
              for name, entry in rules.dates.tokens.items()}
    tokens[Token.MONTH] = {"LOWER": {"IN": words[WordList.MONTH_WORDS]}}
    tokens[Token.WEEKDAY] = {"LOWER": {"IN": list(rules.dates.weekdays)}}
    tokens[Token.SEASON] = {"LOWER": {"IN": list(rules.dates.seasons)}}
    return tokens


def _expand(node: object, words: dict[str, list[str]], tokens: dict[str, dict]) -> object:
    """A pattern of rules/dates.yaml with its $names replaced by what they stand for."""
    if isinstance(node, str) and node.startswith("$"):
        name = node[1:]
        if name in tokens:
            return dict(tokens[name])
        if name in words:
            return list(words[name])
        raise RulesError(f"rules/dates.yaml: unknown name {node!r} in a pattern")
    if isinstance(node, list):
        return [_expand(item, words, tokens) for item in node]
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == PatternKey.LIKE:
                out.update(_expand(value, words, tokens))
            else:
                out[key] = _expand(value, words, tokens)
        return out
    return node


def _date_patterns(rules: Rules) -> list[tuple[str, list[dict]]]:
    """The date grammar of rules/dates.yaml as (label, Matcher pattern) pairs. Every label
    must be one the resolver reads (dates.Label), or its dates would be silently lost."""
    unread = unread_codes(rules)
    if unread:
        raise RulesError(f"rules/dates.yaml: {unread[0]}: not a code the date resolver "
                         f"reads (pipeline/extract/dates.py)")
    words, tokens = _date_words(rules), _date_tokens(rules)
    patterns = [(label, _expand(pattern, words, tokens))
                for label, alternatives in rules.dates.patterns.items()
                for pattern in alternatives]
    patterns += [(Label.RELATIVE, [{"LOWER": w} for w in phrase.split()])
                 for phrase in rules.dates.relative]
    return patterns


def _regex_shapes(rules: Rules) -> dict[str, list[str]]:
    """The shapes of every token a regex token accepts, where rules/dates.yaml lists them."""
    return {entry.regex: entry.shapes for entry in rules.dates.tokens.values()
            if entry.shapes}


def _date_anchor_words(rules: Rules) -> set[str]:
    """Rare words a date pattern can hinge on: months, weekdays, seasons, the rare words, and
    the last word of each relative phrase ("last year", "yesterday")."""
    spec = rules.dates
    words = set(spec.months) | set(_abbreviations(rules)) | set(spec.rare_words)
    words |= set(spec.weekdays) | set(spec.seasons)
    words |= {phrase.split()[-1] for phrase in spec.relative}
    return words


def _anchor_values(spec: dict, words: set[str], shapes: dict[str, list[str]]
                   ) -> list[tuple[AnchorKind, str]] | None:
    """What a required token must be, as (AnchorKind, shape or word) pairs, when every value it
    accepts is an anchor; None when the token is optional or could be anything else.
    Other conditions on the token ("IS_SENT_START") only narrow it, so they are ignored."""
    keys = [k for k in spec if k in ("LOWER", "TEXT")]
    if "OP" in spec or len(keys) != 1:
        return None
    attr = keys[0]
    value = spec[attr]
    if isinstance(value, str):
        values = [value]
    elif isinstance(value, dict) and set(value) == {"IN"}:
        values = list(value["IN"])
    elif attr == "TEXT" and isinstance(value, dict) and set(value) == {"REGEX"}:
        accepted = shapes.get(value["REGEX"])
        return None if accepted is None else [(AnchorKind.SHAPE, s) for s in accepted]
    else:
        return None
    lowered = [v.lower() for v in values]
    if not all(v in words for v in lowered):
        return None
    return [(AnchorKind.WORD, v) for v in lowered]


def _choose_anchors(candidates: list[list[tuple[int, list[str]]]], lengths: list[int]
                    ) -> list[tuple[int, list[str]]] | None:
    """One anchor token per pattern, chosen so that the widest window around a hit is
    narrowest: (its position in the pattern, its anchor values) for each pattern."""
    best, best_width = None, None
    for before in range(max(lengths)):
        chosen = []
        for options in candidates:
            usable = [(p, values) for p, values in options if p <= before]
            if not usable:
                break
            chosen.append(max(usable, key=lambda option: option[0]))
        else:
            after = max(length - p - 1 for (p, _), length in zip(chosen, lengths, strict=True))
            if best_width is None or before + after < best_width:
                best, best_width = chosen, before + after
    return best


def _reach(vocab: Vocab, chosen: list[tuple[int, list[tuple[AnchorKind, str]]]],
           lengths: list[int]) -> dict[int, tuple[int, int]]:
    """Each anchor value's hash -> the most tokens before and after it that a match of a
    pattern anchored on it can take."""
    reach: dict[int, tuple[int, int]] = {}
    for (position, values), length in zip(chosen, lengths, strict=True):
        for _, value in values:
            key = vocab.strings.add(value)
            before, after = reach.get(key, (0, 0))
            reach[key] = (max(before, position), max(after, length - position - 1))
    return reach


def _add_flag(vocab: Vocab, getter: Callable[[str], bool]) -> int | None:
    """A new lexeme flag, numbered after spaCy's own (Vocab.add_flag would reuse 13).

    None when all 45 are taken: callers then fall back to the slower, equivalent route.
    """
    free = [f for f in range(FLAG19, FLAG63 + 1) if f not in vocab.lex_attr_getters]
    return vocab.add_flag(getter, free[0]) if free else None


def _flag_getter(nlp: Language, attr: str, test: str, value: object
                 ) -> Callable[[str], bool] | None:
    """The lexeme-level equivalent of an IN, NOT_IN or REGEX predicate on TEXT or LOWER.

    spaCy checks IN sets and regexes by calling back into Python for every token; a lexeme
    flag is computed once per word in the vocabulary and checked in C.
    """
    if attr not in ("TEXT", "ORTH", "LOWER"):
        return None
    lower = nlp.vocab.lex_attr_getters.get(LOWER, str.lower)
    of = lower if attr == "LOWER" else str
    if test in ("IN", "NOT_IN") and isinstance(value, list) and all(
            isinstance(v, str) for v in value):
        accepted = frozenset(value)
        if test == "NOT_IN":
            return lambda text: of(text) not in accepted
        return lambda text: of(text) in accepted
    if test == "REGEX" and isinstance(value, str):
        regex = re.compile(value)
        return lambda text: regex.search(of(text)) is not None
    return None


def _with_flags(nlp: Language, pattern: list[dict], flags: dict[str, int]) -> list[dict]:
    """The same pattern with IN, NOT_IN and REGEX predicates on words replaced by lexeme
    flags; other conditions on a token ("IS_SENT_START") are kept beside the flag."""
    out = []
    for spec in pattern:
        converted: dict = {}
        for attr, value in spec.items():
            flag = _predicate_flag(nlp, attr, value, flags)
            if flag is None:
                converted[attr] = value
            else:
                converted[flag] = True
        out.append(converted)
    return out


def _predicate_flag(nlp: Language, attr: str, value: object, flags: dict[str, int]
                    ) -> int | None:
    """The lexeme flag standing for one word predicate, made once per distinct predicate."""
    if attr == "OP" or not (isinstance(value, dict) and len(value) == 1):
        return None
    (test, argument), = value.items()
    getter = _flag_getter(nlp, attr.upper(), test, argument)
    if getter is None:
        return None
    key = json.dumps([attr.upper(), value], sort_keys=True)
    if key not in flags:
        flag = _add_flag(nlp.vocab, getter)
        if flag is None:
            return None
        flags[key] = flag
    return flags[key]


def _anchored_matcher(nlp: Language, patterns: list[tuple[str, list[dict]]],
                      words: set[str], shapes: dict[str, list[str]]) -> AnchoredMatcher:
    """A Matcher for the patterns, anchored when every pattern has a required anchor token
    and a bounded length (no "*" or "+") with no optional token at its end."""
    # Flags are plain attribute ids, which spaCy's pattern schema does not know: the
    # patterns as written are validated here instead.
    matcher = Matcher(nlp.vocab, validate=False)
    candidates: list[list[tuple[int, list[str]]]] = []
    bounded = True
    flags: dict[str, int] = {}
    flagged: list[tuple[str, list[dict]]] = []
    for label, pattern in patterns:
        errors = validate_token_pattern(pattern)
        if errors:
            raise MatchPatternError(label, {0: errors})
        flagged.append((str(label), _with_flags(nlp, pattern, flags)))  # spaCy takes exact str
        matcher.add(flagged[-1][0], [flagged[-1][1]])
        if any(spec.get("OP", "1") not in ("1", "?", "!") for spec in pattern) or (
                pattern[-1].get("OP") == "?"):
            bounded = False
        candidates.append([(p, values) for p, spec in enumerate(pattern)
                           if (values := _anchor_values(spec, words, shapes))])
    lengths = [len(pattern) for _, pattern in patterns]
    chosen = _choose_anchors(candidates, lengths) if bounded and patterns else None
    if chosen is None:
        return AnchoredMatcher(matcher, None)
    anchors = {value for _, values in chosen for value in values}
    anchor_words = {value for kind, value in anchors if kind == AnchorKind.WORD}
    anchor_shapes = {value for kind, value in anchors if kind == AnchorKind.SHAPE}
    lower = nlp.vocab.lex_attr_getters.get(LOWER, str.lower)
    shape = nlp.vocab.lex_attr_getters[SHAPE]
    # The same functions compute the lexemes' LOWER and SHAPE, so the flag is exact.
    flag = _add_flag(nlp.vocab,
                     lambda text: lower(text) in anchor_words or shape(text) in anchor_shapes)
    # With no flag left (None), the whole Doc is matched.
    return AnchoredMatcher(matcher, flag, _reach(nlp.vocab, chosen, lengths),
                           _anchor_groups(nlp, flagged, chosen, lengths))


def _anchor_groups(nlp: Language, flagged: list[tuple[str, list[dict]]],
                   chosen: list[tuple[int, list[tuple[AnchorKind, str]]]], lengths: list[int]
                   ) -> list[AnchorGroup]:
    """One group for each set of anchor values that some patterns share, with those
    patterns (in their order) and their reach."""
    members: dict[frozenset, list[int]] = {}
    for k, (_, values) in enumerate(chosen):
        members.setdefault(frozenset(values), []).append(k)
    groups = []
    for ks in members.values():
        matcher = Matcher(nlp.vocab, validate=False)
        for k in ks:
            matcher.add(flagged[k][0], [flagged[k][1]])
        groups.append(AnchorGroup(matcher, _reach(nlp.vocab, [chosen[k] for k in ks],
                                                  [lengths[k] for k in ks])))
    return groups


def _phase_phrases(rules: Rules, key: str) -> list[str]:
    """The phase terms of rules/phases.yaml, with "<word> monitoring" also as "<word> level
    of monitoring" and the other variants listed there (the head nouns: rules/words.yaml)."""
    terms = list(getattr(rules.phases, key))
    heads = rules.words.phase_term_heads
    for term in list(terms):
        words = term.split()
        if len(words) == 2 and words[1] in heads:
            terms += [f"{words[0]} {variant} {words[1]}"
                      for variant in rules.phases.monitoring_variants]
    return sorted(set(terms))


def build_toolkit(rules: Rules) -> Toolkit:
    nlp = spacy.blank(English.lang)
    nlp.tokenizer = ChunkCachingTokenizer(nlp.tokenizer)
    nlp.add_pipe("sentence_boundaries")
    gazetteer = build_gazetteer(rules.forces, rules.words)

    forces_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    forces_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for force_id, phrases in gazetteer.lower_phrases.items():
        forces_lower.add(f"{MentionKind.STRONG}:{force_id}", _phrases(nlp, phrases))
    for force_id, phrases in gazetteer.exact_phrases.items():
        forces_exact.add(f"{MentionKind.STRONG}:{force_id}", _phrases(nlp, phrases))
    for force_id, phrases in gazetteer.place_phrases.items():
        forces_exact.add(f"{MentionKind.WEAK}:{force_id}", _phrases(nlp, phrases))

    phase_terms = PhraseMatcher(nlp.vocab, attr="LOWER")
    phase_terms.add(str(Phase.ENGAGE), _phrases(nlp, _phase_phrases(rules, "engage_terms")))
    phase_terms.add(str(Phase.SCAN), _phrases(nlp, _phase_phrases(rules, "scan_terms")))

    roles = PhraseMatcher(nlp.vocab, attr="LOWER")
    for code, spec in rules.roles.roles.items():
        roles.add(code, _phrases(nlp, spec.titles))

    findings = PhraseMatcher(nlp.vocab, attr="LOWER")
    for kind, phrases in rules.recommendations.kinds.items():
        findings.add(kind, _phrases(nlp, phrases))

    inspections = PhraseMatcher(nlp.vocab, attr="LOWER")
    inspections.add(str(InspectionCue.NOUN), _phrases(nlp, rules.inspections.nouns))
    inspections.add(str(InspectionCue.VERB), _phrases(nlp, rules.inspections.verbs))

    dates = _anchored_matcher(nlp, _date_patterns(rules), _date_anchor_words(rules),
                              _regex_shapes(rules))

    officials = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = sorted({entry.name for entry in rules.officials.officials})
    officials.add(str(OfficialLabel.OFFICIAL), _phrases(nlp, names))

    matchers = Matchers(forces_lower, forces_exact, phase_terms, roles, findings, inspections,
                        dates, officials)
    return Toolkit(nlp=nlp, matchers=matchers, rules=rules, gazetteer=gazetteer)


@lru_cache(maxsize=1)
def default_toolkit() -> Toolkit:
    return build_toolkit(load_rules())
