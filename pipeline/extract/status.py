"""The status a run of words gives a finding: closed, open, or none.

Which words mean closed or open is data (rules/recommendations.yaml); the mechanism here
decides which of them counts: a status verb ("have been closed") beats an adjective
("remaining"), a negated closing word means still open ("hadn't fully addressed"), and a
closing word in an irrealis frame says nothing ("before they can be closed", "fully or
partially achieved").
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.codes import Status
from pipeline.extract.clauses import lower_words
from pipeline.extract.context import Analysis

_NEAR = 3  # how far back a negation, a modal or "partially" governs a status word


@dataclass(frozen=True)
class StatusWords:
    closed: tuple[tuple[str, ...], ...]
    open: tuple[tuple[str, ...], ...]
    item_only: frozenset[str]
    background: frozenset[str]
    aux: frozenset[str]
    negations: frozenset[str]
    near_blockers: frozenset[str]
    clause_blockers: frozenset[str]
    decisions: frozenset[str]
    findings: frozenset[str]
    realised_modals: frozenset[str]
    partial: frozenset[str]
    complementisers: frozenset[str]
    announcing: frozenset[str]
    reach: int
    by_first: dict  # first word → (phrase words, status), to look up only what can match


_CACHE: dict[str, StatusWords] = {}


def status_words(analysis: Analysis) -> StatusWords:
    rules = analysis.rules
    if rules.version not in _CACHE:
        rec = rules.recommendations
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for status, phrases in ((Status.CLOSED, rec.closed_words), (Status.OPEN, rec.open_words)):
            for phrase in phrases:
                parts = tuple(phrase.split())
                by_first.setdefault(parts[0], []).append((parts, status))
        _CACHE[rules.version] = StatusWords(
            closed=tuple(tuple(p.split()) for p in rec.closed_words),
            open=tuple(tuple(p.split()) for p in rec.open_words),
            item_only=frozenset(rec.open_item_words),
            background=frozenset(rec.background_open_words),
            aux=frozenset(rec.status_aux),
            negations=frozenset(rec.status_negations),
            near_blockers=frozenset(rec.status_near_blockers),
            clause_blockers=frozenset(rec.status_clause_blockers),
            decisions=frozenset(rec.status_decisions),
            findings=frozenset(rec.status_findings),
            realised_modals=frozenset(rec.status_realised_modals),
            partial=frozenset(rec.partial_words),
            complementisers=frozenset(rec.complementisers),
            announcing=frozenset(rec.announcing_modals),
            reach=rec.blocker_reach,
            by_first=by_first,
        )
    return _CACHE[rules.version]


def _positions(analysis: Analysis, start: int, end: int) -> list[tuple[int, str]]:
    words = cached_words(analysis)
    return [(i, words[i]) for i in range(max(start, 0), min(end, len(words)))
            if words[i] is not None]


def _undated(analysis: Analysis, start: int, end: int) -> list[tuple[int, str]]:
    """_positions without the words of a date phrase: "In May, HMICFRS closed three" has no
    modal, and a month is never a negation."""
    dated = analysis.dated_tokens(max(start, 0), min(end, len(analysis.doc)))
    return [(i, w) for i, w in _positions(analysis, start, end) if i not in dated]


def cached_words(analysis: Analysis) -> list[str | None]:
    """The document's lower-case words by token (None for whitespace), computed once."""
    words = analysis.doc.user_data.get("lower_words")
    if words is None:
        lower_words(analysis.doc, 0, 0)
        words = analysis.doc.user_data["lower_words"]
    return words


def _matches(words: list[str], words_of: StatusWords, *, tally: bool, background: bool
             ) -> list[tuple[int, str]]:
    found = []
    for p, word in enumerate(words):
        for parts, status in words_of.by_first.get(word, ()):
            if tuple(words[p : p + len(parts)]) != parts:
                continue
            phrase = " ".join(parts)
            if (tally and phrase in words_of.item_only) or (
                    background and phrase in words_of.background):
                continue
            following = words[p + len(parts) : p + len(parts) + 1]
            if phrase in words_of.item_only and following and (
                    following[0] in words_of.complementisers):
                continue  # "inspectors found that …" reports; it raises nothing
            found.append((p, status))
    return found


def _governed(analysis: Analysis, words_of: StatusWords, token: int, status: str,
              context_start: int, tally: bool = False) -> str | None:
    """The status a word at `token` gives once negation and irrealis frames are read; a
    closing word said only in part leaves one item open, and a count undecided."""
    near = [w for _, w in _undated(analysis, max(context_start, token - _NEAR), token)]
    if words_of.partial & set(near):
        return None if tally or status != Status.CLOSED else Status.OPEN
    if status == Status.CLOSED and _irrealis(analysis, words_of, token, context_start, near):
        return None
    if words_of.negations & set(near):
        return Status.OPEN if status == Status.CLOSED else None
    return status


def _irrealis(analysis: Analysis, words_of: StatusWords, token: int, context_start: int,
              near: list[str]) -> bool:
    """"can be closed", "to close", "before they are closed": closing that has not happened
    ("has decided to close", "has been able to close" report that it has)."""
    if _reported_infinitive(analysis, words_of, token, near):
        return False  # "judged the recommendation to have been met"
    suffix = analysis.rules.recommendations.announcing_suffix
    announced = (cached_words(analysis)[token] or "").endswith(suffix)  # "I will be closing …"
    found = None
    for k, word in enumerate(near):
        if word in words_of.announcing and announced:
            continue
        if word in words_of.realised_modals:
            found = _reported_finding(analysis, words_of, token) if found is None else found
            if found:
                continue  # "found that the cause of concern could be closed"
        if word in words_of.near_blockers and not words_of.decisions & set(near[:k]):
            return True
    clause = [w for _, w in _undated(analysis, max(context_start, token - words_of.reach),
                                     token)]
    return bool(words_of.clause_blockers & set(clause))


def _reported_infinitive(analysis: Analysis, words_of: StatusWords, token: int,
                         near: list[str]) -> bool:
    rec = analysis.rules.recommendations
    said = " ".join(near)
    if not any(said.endswith(p) for p in rec.status_realised_infinitives):
        return False
    sentence = analysis.sentences[analysis.token_sentence[token]]
    return bool(words_of.findings & {w for _, w in _positions(analysis, sentence.tok_start,
                                                               token)})


def _reported_finding(analysis: Analysis, words_of: StatusWords, token: int) -> bool:
    """Whether the sentence reports a finding or a confirmation ("found that", "confirm
    that") before `token`: then "can be closed" says what the inspectorate concluded."""
    sentence = analysis.sentences[analysis.token_sentence[token]]
    words = [w for _, w in _positions(analysis, sentence.tok_start, token)]
    return any(w in words_of.findings and words[k + 1 : k + 2] and (
        words[k + 1] in words_of.complementisers) for k, w in enumerate(words))


def status_in(analysis: Analysis, start: int, end: int, *, context_start: int | None = None,
              tally: bool = False, background: bool = False) -> str | None:
    """The status tokens [start, end) give (see `status_read`)."""
    return status_read(analysis, start, end, context_start=context_start, tally=tally,
                       background=background)[0]


def status_read(analysis: Analysis, start: int, end: int, *, context_start: int | None = None,
                tally: bool = False, background: bool = False) -> tuple[str | None, bool]:
    """The status tokens [start, end) give, and whether a verb gives it ("has been closed",
    "remains open") rather than an adjective; `context_start` bounds the look-back for
    negations and irrealis frames (the clause or sentence start).

    For tallies, words that only mean "issued" ("raised two causes of concern") say nothing
    about progress; in a background recap ("on 3 March 2022 we published the remaining
    causes of concern") neither do they, nor "remaining".
    """
    words_of = status_words(analysis)
    named = {i for m in analysis.forces_between(max(start, 0), end)
             for i in range(m.tok_start, m.tok_end)}  # "the Met" has met nothing
    positions = [(i, w) for i, w in _positions(analysis, start, end) if i not in named]
    words = [w for _, w in positions]
    floor = start if context_start is None else context_start
    read = []
    for p, status in _matches(words, words_of, tally=tally, background=background):
        governed = _governed(analysis, words_of, positions[p][0], status, floor, tally)
        if governed is not None:
            read.append((p, governed))
    for p, status in read:
        if p > 0 and words[p - 1] in words_of.aux:
            return status, True
    return (read[0][1], False) if read else (None, False)


def closing_ahead(analysis: Analysis, start: int, end: int, context_start: int) -> bool:
    """Whether tokens [start, end) speak of closing a finding only as still to come ("is
    expected to be closed next year", "before it can be discharged"): it is open now."""
    words_of = status_words(analysis)
    positions = _positions(analysis, start, end)
    words = [w for _, w in positions]
    for p, status in _matches(words, words_of, tally=True, background=False):
        token = positions[p][0]
        near = [w for _, w in _undated(analysis, max(context_start, token - _NEAR), token)]
        if status == Status.CLOSED and not (words_of.negations | words_of.partial) & set(
                near) and _irrealis(analysis, words_of, token, context_start, near):
            return True
    return False
