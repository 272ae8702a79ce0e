"""Rule entries that match nothing: dead vocabulary to prune, or a misspelling to fix.

A word list in rules/ grows by hand. An entry nobody's text contains is harmless until
someone relies on it; a misspelt one ("remaining," where the tokenizer splits off the
comma) silently never fires. This walks every checked spec, takes each entry the extractors
look for in text (phrases, regexes, the date grammar's token patterns), and tests it
against every document of the corpus, the written set and the real set. Each document is
tokenized once and all phrases are found in one PhraseMatcher pass, so the cost grows with
the text, not with text times entries.

Only occurrence is recorded: no sentence of any document is printed or kept. The real
set's check part is not read at all, so that pruning by this report cannot tune on it.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum, auto
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from pipeline.evaluate.realset import SPLIT_DIR, WRITTEN_SET
from pipeline.parse import ParseError, parse_file
from pipeline.parse.files import iter_source_files
from pipeline.rules import Rules
from pipeline.rulespecs.checked import CODES, PATTERNS, PHRASE_KEYS, REGEX, markers

# Scalar text fields of nested entries that are looked for in text: a force's name and
# place, an official's name. Other scalar strings are codes (a role, a precision).
TEXT_FIELDS = frozenset({"name", "place"})
# An identifier in a list that is not marked Codes ("chief_constable"): not words.
_IDENTIFIER = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")
# Lists the pipeline hands to a PhraseMatcher, which tokenizes each entry the way it
# tokenizes text: an entry that splits into more tokens than words ("commissioner's") still
# matches there. Every other list is compared word by word against tokens.
TOKENIZED = frozenset({
    "forces.yaml: forces.name", "forces.yaml: forces.short_forms",
    "forces.yaml: forces.aliases", "forces.yaml: forces.place",
    "phases.yaml: engage_terms", "phases.yaml: scan_terms",
    "roles.yaml: roles.titles", "recommendations.yaml: kinds",
    "inspections.yaml: nouns", "inspections.yaml: verbs", "officials.yaml: officials.name",
})
# Lists matched case-sensitively ("the Met" but not "met"), by a PhraseMatcher on ORTH.
CASE_SENSITIVE = frozenset({
    "forces.yaml: forces.short_forms", "forces.yaml: forces.place",
    "officials.yaml: officials.name",
})
# Lists compared with the text itself (split at spaces, searched as a substring or a
# regex), not token by token: their spaces and punctuation are meant as written.
TEXT_COMPARED = frozenset({
    "speech.yaml: first_person", "speech.yaml: label_markers", "speech.yaml: fire_words",
    "speech.yaml: police_words", "speech.yaml: caption_markers",
    "speech.yaml: related_markers", "recommendations.yaml: uncounted_separators",
})
# The real set's part that must stay unseen, and the folder that holds a set's texts.
CHECK_IDS = "check.ids"
DATES_FILE = "dates.yaml"  # where the token patterns live
TEXTS = "texts"


class Kind(StrEnum):
    """How an entry is looked for."""

    PHRASE = auto()
    REGEX = auto()


class Problem(StrEnum):
    """What is wrong with an entry, worst first."""

    NEVER = "can never match"
    DUPLICATE = "duplicate"
    UNUSED = "matches nothing"


@dataclass(frozen=True)
class EntryList:
    """One list of a rules file as the linter sees it.

    `key` is where it sits ("forces[avon_and_somerset].aliases"); `family` the same path
    without the labels of list items and mapping keys ("forces.aliases")."""

    file: str
    key: str
    family: str
    kind: Kind
    entries: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.file}: {self.family}"

    @property
    def exact(self) -> bool:
        return self.name in CASE_SENSITIVE

    def folded(self, entry: str) -> str:
        """The entry as it is compared: stripped, lower-cased unless matched exactly."""
        return entry if self.kind is Kind.REGEX else (
            entry.strip() if self.exact else entry.strip().lower())


@dataclass(frozen=True)
class Finding:
    file: str
    key: str
    entry: str
    problem: Problem
    detail: str = ""

    def line(self) -> str:
        why = f": {self.detail}" if self.detail else ""
        if self.problem is Problem.UNUSED:
            return f"rules/{self.file}: {self.key}: {self.entry!r} matches nothing"
        return f"rules/{self.file}: {self.key}: {self.entry!r} {self.problem}{why}"


@dataclass(frozen=True)
class TextSet:
    """Documents to look in: a name for the summary and their texts."""

    name: str
    texts: tuple[str, ...]
    note: str = ""


@dataclass
class LintResult:
    findings: list[Finding]
    checked: dict[str, int]  # rules file -> entries checked
    sets: list[TextSet]
    notes: list[str]

    @property
    def strict_failures(self) -> int:
        return sum(f.problem is not Problem.UNUSED for f in self.findings)


def _strip(hint: Any) -> Any:
    return typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint


def _item_hint(hint: Any, position: int) -> Any:
    args = [a for a in typing.get_args(_strip(hint)) if a is not Ellipsis]
    return args[position] if len(args) > position else Any


def _label(item: object, index: int) -> str:
    return str(getattr(item, "id", None) or index)


def entry_lists(rules: Rules) -> Iterator[EntryList]:
    """Every list of text entries in every rules file, with how to look for it."""
    for spec_field in dataclasses.fields(rules):
        spec = getattr(rules, spec_field.name)
        if dataclasses.is_dataclass(spec):
            yield from _walk(spec, Any, f"{spec_field.name}.yaml", "", "", nested=False)


def _walk(value: object, hint: Any, file: str, key: str, family: str, nested: bool
          ) -> Iterator[EntryList]:
    """The lists below one value; `hint` is its type, whose markers say what it holds."""
    marks = markers(hint)
    if CODES in marks or PATTERNS in marks:
        return
    if dataclasses.is_dataclass(value):
        hints = typing.get_type_hints(type(value), include_extras=True)
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name), hints[f.name], file,
                             f"{key}.{f.name}".lstrip("."), f"{family}.{f.name}".lstrip("."),
                             nested=nested or bool(key))
    elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        yield EntryList(file, key, family, Kind.REGEX if REGEX in marks else Kind.PHRASE,
                        value)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk(item, _item_hint(hint, 0), file, f"{key}[{_label(item, i)}]",
                             family, nested=True)
    elif isinstance(value, Mapping):
        if PHRASE_KEYS in marks and value:
            yield EntryList(file, f"{key} (keys)", family, Kind.PHRASE, tuple(map(str, value)))
        for name, item in value.items():
            yield from _walk(item, _item_hint(hint, 1), file, f"{key}.{name}", family,
                             nested=True)
    elif isinstance(value, str) and nested and key.rsplit(".", 1)[-1] in TEXT_FIELDS:
        yield EntryList(file, key, family, Kind.PHRASE, (value,))


def _never(entry: str, kind: Kind, tokenized: bool, nlp: Language, as_text: bool = False
           ) -> str | None:
    """Why an entry cannot match whatever the text says, or None."""
    if not entry.strip():
        return "empty"
    if as_text:
        return None
    if entry != entry.strip():
        return "leading or trailing space"
    if kind is Kind.REGEX:
        try:
            re.compile(entry)
        except re.error as exc:
            return f"not a regular expression ({exc})"
        return None
    if tokenized:
        return None
    tokens = [t.text for t in nlp.make_doc(entry)]
    if tokens != entry.split():
        shown = " ".join(repr(t) for t in tokens)
        return f"compared word by word, but the tokenizer reads it as {shown}"
    return None


def entry_problems(lists: Iterable[EntryList], nlp: Language, codes: frozenset[str]
                   ) -> list[Finding]:
    """Entries that can never match, and entries listed twice in one list; `codes` are
    identifiers (force ids) that a list may hold instead of words."""
    findings = []
    for entries in lists:
        tokenized, as_text = entries.name in TOKENIZED, entries.name in TEXT_COMPARED
        seen: set[str] = set()
        for entry in entries.entries:
            if entry in codes:
                continue
            why = _never(entry, entries.kind, tokenized, nlp, as_text)
            if why:
                findings.append(Finding(entries.file, entries.key, entry, Problem.NEVER, why))
            folded = entries.folded(entry)
            if folded in seen:
                findings.append(Finding(entries.file, entries.key, entry, Problem.DUPLICATE))
            seen.add(folded)
    return findings


def _phrase_matcher(lists: Iterable[EntryList], nlp: Language, exact: bool) -> PhraseMatcher:
    """One PhraseMatcher for every distinct phrase compared in lower case (or, `exact`,
    as written), keyed by the phrase as compared; identifiers are left out."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH" if exact else "LOWER")
    added: set[str] = set()
    for entries in lists:
        if entries.kind is not Kind.PHRASE or entries.exact is not exact:
            continue
        for entry in entries.entries:
            folded = entries.folded(entry)
            if folded and not _IDENTIFIER.match(folded) and folded not in added:
                matcher.add(folded, [nlp.make_doc(folded)])
                added.add(folded)
    return matcher


def _date_pattern_names(rules: Rules) -> list[tuple[str, str]]:
    """(key, entry) per date pattern, in the order nlp._date_patterns builds them."""
    names = [("patterns", f"{label}[{i}]")
             for label, alternatives in rules.dates.patterns.items()
             for i in range(len(alternatives))]
    return names + [("relative", phrase) for phrase in rules.dates.relative]


def _date_matcher(rules: Rules, nlp: Language) -> tuple[Matcher | None, list, str]:
    """A Matcher with one key per date pattern, after the pipeline's own $name expansion;
    None, and why, when that expansion cannot be imported or does not line up."""
    try:
        from pipeline.extract.nlp import _date_patterns
    except ImportError:
        return None, [], "date patterns not checked: the pipeline's expansion is not importable"
    patterns, names = _date_patterns(rules), _date_pattern_names(rules)
    if len(patterns) != len(names):
        return None, [], "date patterns not checked: their expansion changed shape"
    matcher = Matcher(nlp.vocab)
    for i, (_, pattern) in enumerate(patterns):
        matcher.add(str(i), [pattern])
    return matcher, names, ""


def _folder_texts(folder: Path) -> list[str]:
    texts = []
    for path in iter_source_files(folder):
        try:
            texts.append(parse_file(path).text)
        except ParseError:
            continue
    return texts


def _hidden_ids(split_dir: Path) -> frozenset[str]:
    path = split_dir / CHECK_IDS
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def read_set(name: str, root: Path | None, hidden: frozenset[str] = frozenset()) -> TextSet:
    """A set's texts as the pipeline reads them: a folder in the real set's format (gold.jsonl
    and texts/, each text with its headline) or any folder of documents. Texts whose id is
    in `hidden` are not opened."""
    from pipeline.evaluate.realset import RealSetError, document_markdown, load_real_set
    from pipeline.parse.text import parse_text

    if root is None or not root.is_dir():
        return TextSet(name, (), f"{name} set not found ({root}): not looked in")
    if not ((root / "gold.jsonl").is_file() and (root / TEXTS).is_dir()):
        return TextSet(name, tuple(_folder_texts(root)))
    try:
        documents = load_real_set(root, split_dir=None).documents
    except RealSetError as exc:
        return TextSet(name, (), f"{name} set unreadable: {exc}")
    texts, skipped = [], 0
    for document in documents:
        if document["id"] in hidden:
            skipped += 1
            continue
        body = (root / TEXTS / f"{document['id']}.txt").read_text(encoding="utf-8")
        try:
            texts.append(parse_text(document_markdown(document, body), url=document["id"]).text)
        except ParseError:
            continue
    note = f"{name} set: {skipped} texts of the held-out part not read" if skipped else ""
    return TextSet(name, tuple(texts), note)


def default_sets(corpus: Path, written: Path | None, real: Path | None) -> list[TextSet]:
    """The corpus, the written set and the real set (its check part unread)."""
    from pipeline.evaluate.realset import DEFAULT_REAL_SET

    return [read_set("corpus", corpus), read_set("written", written or WRITTEN_SET),
            read_set("real", real or DEFAULT_REAL_SET, _hidden_ids(SPLIT_DIR))]


@dataclass
class Occurrences:
    """What was found in at least one text: phrases (lower-cased), regexes, date patterns
    as (key, entry)."""

    phrases: set[str]
    exact: set[str]
    regexes: set[str]
    dates: set[tuple[str, str]]


def occurrences(lists: list[EntryList], rules: Rules, nlp: Language, texts: list[str],
                dates: Matcher | None, date_names: list[tuple[str, str]]) -> Occurrences:
    """One pass over the texts: each is tokenized once, every phrase is looked for by one
    PhraseMatcher, every date pattern by one Matcher."""
    phrase_matcher = _phrase_matcher(lists, nlp, exact=False)
    exact_matcher = _phrase_matcher(lists, nlp, exact=True)
    regexes = {e for lst in lists if lst.kind is Kind.REGEX for e in lst.entries
               if _never(e, Kind.REGEX, False, nlp) is None}
    found = Occurrences(set(), set(), set(), set())
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        found.phrases.update(nlp.vocab.strings[m] for m, _, _ in phrase_matcher(doc))
        found.exact.update(nlp.vocab.strings[m] for m, _, _ in exact_matcher(doc))
        if dates is not None:
            found.dates.update(date_names[int(nlp.vocab.strings[m])] for m, _, _ in dates(doc))
        found.regexes.update(r for r in regexes - found.regexes
                             if re.search(r, text, re.IGNORECASE))
    return found


def _unused(lists: list[EntryList], found: Occurrences, skip: set[tuple[str, str, str]]
            ) -> Iterator[Finding]:
    for entries in lists:
        for entry in dict.fromkeys(entries.entries):
            if (entries.file, entries.key, entry) in skip:
                continue
            folded = entries.folded(entry)
            if entries.kind is Kind.REGEX:
                missing = entry not in found.regexes
            else:
                seen = found.exact if entries.exact else found.phrases
                missing = not _IDENTIFIER.match(folded) and folded not in seen
            if missing:
                yield Finding(entries.file, entries.key, entry, Problem.UNUSED)


def lint(rules: Rules, sets: list[TextSet], nlp: Language | None = None) -> LintResult:
    """Every finding about the rules' entries against the texts of `sets`."""
    if nlp is None:
        from pipeline.extract.nlp import build_toolkit

        nlp = build_toolkit(rules).nlp  # tokenized exactly as extraction tokenizes
    lists = list(entry_lists(rules))
    codes = frozenset(force.id for force in rules.forces.forces)
    findings = entry_problems(lists, nlp, codes)
    dates, date_names, date_note = _date_matcher(rules, nlp)
    texts = [text for text_set in sets for text in text_set.texts]
    found = occurrences(lists, rules, nlp, texts, dates, date_names)
    never = {(f.file, f.key, f.entry) for f in findings if f.problem is Problem.NEVER}
    never |= {(lst.file, lst.key, e) for lst in lists for e in lst.entries if e in codes}
    findings += _unused(lists, found, never)
    if dates is not None:
        findings += [Finding(DATES_FILE, key, entry, Problem.UNUSED)
                     for key, entry in date_names if (key, entry) not in found.dates]
    checked: dict[str, int] = {}
    for entries in lists:
        checked[entries.file] = checked.get(entries.file, 0) + len(entries.entries)
    if dates is not None:
        checked[DATES_FILE] = checked.get(DATES_FILE, 0) + len(date_names)
    order = list(Problem)
    findings.sort(key=lambda f: (f.file, order.index(f.problem), f.key))
    notes = [s.note for s in sets if s.note] + ([date_note] if date_note else [])
    if not texts:
        notes.append("no texts to look in: every entry matches nothing")
    return LintResult(findings, dict(sorted(checked.items())), sets, notes)


def summary_lines(result: LintResult) -> list[str]:
    """One line per rules file with its counts, then the totals."""
    def counts(findings: list[Finding]) -> str:
        return ", ".join(f"{sum(f.problem is p for f in findings)} {p}"
                         for p in (Problem.UNUSED, Problem.NEVER, Problem.DUPLICATE))

    lines = [f"rules/{file}: {total} entries: "
             f"{counts([f for f in result.findings if f.file == file])}"
             for file, total in result.checked.items()]
    looked = " and ".join(f"{len(s.texts)} {s.name}" for s in result.sets)
    lines.append(f"summary: {sum(result.checked.values())} entries in "
                 f"{len(result.checked)} files, looked for in {looked} texts: "
                 f"{counts(result.findings)}")
    return lines
