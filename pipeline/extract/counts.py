"""The count grammar: tallies of causes of concern and recommendations, with their status.

A number (digits up to `max_count`, or a number word) counts findings when what follows it
is a finding phrase ("two causes of concern"), a part of a whole ("three of the five
recommendations", "3 out of 5", "four of these areas", "five of which"), or, with no noun
of its own, a predicate ("… and two remain open"). Around it, "of the N" makes N the whole
set, "all N" and "both" give every one the status, "the remaining N" counts what is left and
"all but one of the five" counts the exception. The status is the verb that governs the
count, right before it ("has closed three of …") or in its own predicate ("… have been
closed"). A bare total ("we issued two causes of concern", "had eight recommendations") is a
tally with nothing closed or open stated. "Neither" counts none of two and "the other" the
second of two; "The first …. The second …" is a series added up into one tally; summary rows
("Recommendations made: 12 / completed: 7") are counts after their label. A count is the
force's it is given to ("six of them to Kent Police"); one addressed to national bodies, or
to a set of forces the force is only an example of, is no force's. The words are data
(rules/counts.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.codes import Precision, Status
from pipeline.extract.clauses import (
    clause_end,
    clause_start,
    lower_words,
    phrase_ends_at,
    phrase_length_at,
)
from pipeline.extract.context import Analysis, DateMention, Sentence
from pipeline.extract.finding_mentions import (
    Finding,
    aside_end,
    embedded,
    finding_force,
    findings_in,
    is_hypothetical,
)
from pipeline.extract.status import cached_words, status_in, status_words
from pipeline.extract.tally_owners import (
    named_as_example,
    national_recipient,
    owned,
    part_of_set,
    relative_owner,
    said_of_the_country,
)
from pipeline.rulespecs.counts import CountsRules

# Words before a count read for "of the", "all", "the remaining".
LEFT_WORDS = 3
# "twenty-one", "call-handling": word, hyphen, word.
_HYPHENATED = 3
# Words after a count read for a relative clause over all of it (", all of which …").
RELATIVE_REACH = 5

_TENS = 10
_DUAL = 2  # the set "neither" and "both" speak of
_PARTIAL_REACH = 2  # "partly implemented one": a partial word this close before governs
_LABEL_OF = 3  # "page 2 of 4": the label three words before the whole
_COMPOUNDS = 2  # hyphenated modifiers read over between a count and its finding
_OBJECT_SUBJECT = 3  # words of a finding's subject before "and" a count sharing its verb


@dataclass
class Count:
    """One number that counts findings, and what the words around it say about it."""

    value: int
    token: int
    end: int  # first token after the count's noun phrase
    kind: str | None = None
    finding: Finding | None = None
    whole: int | None = None  # "three of the five": 5
    whole_token: int | None = None
    implied: bool = False  # the whole is what the count word implies ("neither": two)
    ordinal: bool = False  # "the first, on call handling, was closed": one of a series
    any_of: int | None = None  # "has not addressed any of the four": the token of "any"
    partial: bool = False  # "two are judged partly achieved": neither closed nor said open
    owner: str | None = None  # "… nine to Essex Police": the force a part was given to
    said_to: int = 0  # the token after ", all of which" / ", both now": read, not a count
    aside_end: int | None = None  # "Kent Police, which closed all three …, Essex …": the
    # token that ends the relative clause the count stands in
    is_total: bool = False  # "of the four causes of concern"
    every: bool = False  # "all four", "both"
    remaining: bool = False  # "the remaining two"
    completes: bool = False  # "the last three of the seven": closing them closes the set
    exception: bool = False  # "all but one of the five"
    back_reference: bool = False  # "three of these"
    relative: bool = False  # "five of which"
    additive: bool = False  # "a further two"
    single: bool = False  # "identified one cause of concern": a count of one finding
    status: str | None = None
    governed: bool = False  # the status came from a verb right before the count
    reach: int = 0  # the end of the count's predicate
    predicated: bool = False  # the status came from the count's own predicate


@dataclass
class Tally:
    kind: str
    force_id: str | None
    sentence: Sentence
    start: int  # evidence, in characters
    end: int
    token: int  # the first count's token
    total: int | None = None
    closed: int | None = None
    open: int | None = None
    date: TallyDate | None = None
    reach: int | None = None  # the token after the counts' clause: a date there is theirs
    context: Sentence | None = None  # the sentence an earlier total came from
    base: Tally | None = None  # the earlier tally whose total this one took
    series: bool = False  # counts one by one ("The first … The second …"), added up later
    partial: bool = False  # some are partly met: open is what is not closed
    single: bool = False  # a total of one named finding ("identified one cause of concern")
    additive: bool = False  # counts only "a further two": added to the set counted before

    @property
    def bare(self) -> bool:
        return self.total is not None and self.closed is None and self.open is None

    @property
    def coherent(self) -> bool:
        """No count below zero and no part above its whole: "its two are among 19 still
        open" read as 19 of 2 open is no tally."""
        counts = [c for c in (self.total, self.closed, self.open) if c is not None]
        return all(c >= 0 for c in counts) and (self.total is None or all(
            c <= self.total for c in (self.closed, self.open) if c is not None))

    @property
    def has_counts(self) -> bool:
        return self.total is not None or self.closed is not None or self.open is not None

    def complete(self) -> Tally:
        """Fill the third count from the other two: "three of the five … closed" → 2 open.
        With some partly met, open is every one not closed ("eight discharged, two partly
        achieved and one outstanding": 3 open)."""
        if self.total is not None and self.closed is not None and (
                self.partial or self.open is not None and self.closed + self.open != self.total):
            self.open = None  # some partly met, or a status not read ("2 have not started")
        if self.total is not None and self.closed is not None and self.open is None:
            self.open = self.total - self.closed
        elif self.total is not None and self.open is not None and self.closed is None:
            self.closed = self.total - self.open
        elif self.total is None and self.closed is not None and self.open is not None:
            self.total = self.closed + self.open
        return self


def number_at(analysis: Analysis, token: int) -> int | None:
    """The value of a count word, or None ("a cause of concern" is not a count)."""
    rules = analysis.rules.counts
    word = cached_words(analysis)[token] or ""
    if word in rules.not_counts:
        return None
    if word in rules.dual_none:
        return 0
    if _rest_of_two(analysis, token) or _ordinal(analysis, token):
        return 1
    if word.isdigit():
        value = int(word)
        return value if value <= rules.max_count else None
    if (parts := fraction(analysis, token)) is not None:
        return parts[0]
    return analysis.rules.numbers.numbers.get(word)


def fraction(analysis: Analysis, token: int) -> tuple[int, int] | None:
    """"closed 3/5 recommendations": a part and its whole in one token (not "24/7")."""
    return _fraction_of(cached_words(analysis)[token] or "", analysis.rules.counts)


def _fraction_of(word: str, rules: CountsRules) -> tuple[int, int] | None:
    mark = next((m for m in rules.fraction_marks if m in word), None)
    parts = word.split(mark) if mark else []
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    part, whole = int(parts[0]), int(parts[1])
    return (part, whole) if part <= whole <= rules.max_count else None


def _rest_of_two(analysis: Analysis, token: int) -> bool:
    """"one was closed in May; the other in August": "the other" counts the second of two."""
    words = cached_words(analysis)
    phrase = " ".join(w or "" for w in words[max(token - 1, 0) : token + 1])
    following = words[token + 1] if token + 1 < len(words) else None
    return phrase in analysis.rules.counts.rest_of_two and not (following and (
        following.isdigit() or following in analysis.rules.numbers.numbers))  # "the other two"


def _ordinal(analysis: Analysis, token: int) -> bool:
    """"The first, on call handling, was closed in June. The second …": one of a series."""
    words = cached_words(analysis)
    phrase = " ".join(w or "" for w in words[max(token - 1, 0) : token + 1])
    return phrase in analysis.rules.counts.ordinals


def _ordinal_position(analysis: Analysis, count: Count) -> int | None:
    """Which member of its series an ordinal names: "the third" is 3."""
    words = cached_words(analysis)
    phrase = " ".join(w or "" for w in words[max(count.token - 1, 0) : count.token + 1])
    ordinals = analysis.rules.counts.ordinals
    return ordinals.index(phrase) + 1 if phrase in ordinals else None


def _implied_whole(window: _Window, token: int) -> bool:
    return window.word(token) in window.analysis.rules.counts.dual_none or _rest_of_two(
        window.analysis, token)


def number_tokens(analysis: Analysis) -> set[int]:
    """The tokens that can start a count, found once per document."""
    cached = analysis.cache.get(number_tokens)
    if cached is None:
        rules = analysis.rules.counts
        numbers = set(analysis.rules.numbers.numbers) | set(rules.dual_none)
        # Each distinct word is tested once, and the phrase lookups made only where the word
        # ends one: a per-token phrase join over a whole document is what made this slow.
        ends = {p.split()[-1] for p in (*rules.rest_of_two, *rules.ordinals)}
        distinct = set(cached_words(analysis)) - {None}
        counted = {w for w in distinct if w in numbers or w.isdigit() or (
            w[:1].isdigit() and _fraction_of(w, rules) is not None)}
        cached = analysis.cache[number_tokens] = set(analysis.positions(counted)) | {
            i for i in analysis.positions(ends & distinct)
            if _rest_of_two(analysis, i) or _ordinal(analysis, i)}
    return cached




@dataclass
class _Window:
    """One clause being read: its words by token, its findings and its date tokens."""

    analysis: Analysis
    sentence: Sentence
    start: int
    end: int
    findings: list[Finding]
    dates: set[int]

    def word(self, token: int) -> str:
        if not self.start <= token < self.end:
            return ""
        return cached_words(self.analysis)[token] or ""

    def count_value(self, token: int) -> int | None:
        if token in self.dates or not self.start <= token < self.end:
            return None
        return number_at(self.analysis, token)

    def finding_at(self, token: int) -> Finding | None:
        return next((f for f in self.findings if f.start <= token < f.end), None)

    def skip(self, token: int, words: set[str]) -> int:
        while token < self.end and (self.word(token) in words):
            token += 1
        return token

    def words(self) -> list[str]:
        return [w or "" for w in cached_words(self.analysis)[self.start : self.end]]


def _hedged(window: _Window, token: int) -> bool:
    """"one or more", "at least two", and a number that labels a page or a section ("Page 2
    of 4", "Annex 1 of 2"): no count of findings."""
    rules = window.analysis.rules.counts
    words = window.words()
    position = token - window.start
    labels = set(rules.label_nouns)
    if position and words[position - 1] in labels or position >= _LABEL_OF and (
            words[position - 1] in rules.part_of and words[position - _LABEL_OF] in labels):
        return True  # "Page 2 of 4": neither 2 nor 4
    return bool(phrase_length_at(words, position + 1, rules.hedges_after)) or phrase_ends_at(
        words, position, rules.hedges_before)


def _read_part_of(window: _Window, count: Count, token: int) -> int:
    """After "of"/"out of": the whole ("of the five"), a relative ("of which") or a
    back-reference ("of these", "of these areas"). Returns the next token to read."""
    rules = window.analysis.rules.counts
    words = window.words()
    size = phrase_length_at(words, token - window.start, rules.part_of)
    if not size:
        return token
    k = token + size
    determiners = set(rules.determiners)
    first = k
    k = window.skip(_skip_owner(window, k), determiners | set(rules.modifiers))
    k = window.skip(_skip_owner(window, k), determiners | set(rules.modifiers))
    back = any(window.word(t) in set(window.analysis.rules.recommendations.back_references)
               for t in range(first, k))
    if (whole := window.count_value(k)) is not None and window.finding_at(k) is None:
        count.whole, count.whole_token = whole, k
        return window.skip(k + 1, set(rules.modifiers))
    if window.word(k) in set(rules.relatives):
        count.relative = True
        return k + 1
    if back or window.finding_at(k) is not None:
        count.back_reference = True  # "one of the recommendations": a part of a set
        if window.finding_at(k) is None:
            return window.skip(k, set(rules.back_reference_nouns))
    return k


def _skip_owner(window: _Window, token: int) -> int:
    """"two of Kent Police's three causes of concern", "two of the constabulary's three":
    the force that owns the set stands where a determiner would."""
    possessives = set(window.analysis.rules.counts.possessives)
    size = phrase_length_at(window.words(), token - window.start,
                            window.analysis.rules.forces.strict_anaphors)
    if size and window.word(token + size) in possessives:
        return token + size + 1
    mention = next((m for m in window.analysis.forces_between(token, window.end)
                    if m.tok_start == token), None)
    if mention is None or window.word(mention.tok_end) not in possessives:
        return token
    return mention.tok_end + 1


def _read_left(window: _Window, count: Count) -> None:
    """What the words before a count say: the whole set, every one, what remains."""
    rules = window.analysis.rules
    words = window.words()
    position = count.token - window.start
    left = words[max(position - LEFT_WORDS, 0) : position]
    determiners = set(rules.counts.determiners)
    whole = set(rules.counts.whole_prepositions)
    if count.whole is None and (left[-1:] and left[-1] in whole or (
            len(left) >= 2 and left[-2] in whole and left[-1] in determiners)):
        count.is_total = True  # not "the closure of 6 of the 9": a part of its own whole
        before = position - (1 if left[-1] in whole else 2) - 1
        if before >= 0 and words[before] in rules.counts.any_words:
            count.any_of = window.start + before  # "not … any of the four"
    if phrase_ends_at(words, position, [f"{p} {w}" for p in whole for w in rules.counts.relatives]):
        count.relative, count.is_total = True, False
    if window.word(count.token) in rules.counts.every_counts or (
            left and left[-1] in rules.numbers.all_words):
        count.every = True
    if phrase_ends_at(words, position, rules.counts.except_words):
        count.exception, count.every = True, False
    if left and left[-1] in rules.counts.remaining_words + rules.counts.leaving_words:
        count.remaining = True  # "the remaining two", "… closed, leaving three"
        count.completes = left[-1] in rules.counts.completing_words
    if phrase_ends_at(words, position, rules.counts.additive_before):
        count.additive = True


def _compound(window: _Window, token: int, value: int) -> tuple[int, int]:
    """"twenty-one" is one number (the tokenizer splits it at the hyphen)."""
    if value >= _TENS and value % _TENS == 0 and window.word(token + 1) in ("-", "‐"):
        units = window.count_value(token + 2)
        if units is not None and 0 < units < _TENS:
            return value + units, token + _HYPHENATED
    return value, token + 1


def _skip_compounds(window: _Window, token: int) -> int:
    """"two call-handling recommendations": a hyphenated modifier before the finding."""
    for _ in range(_COMPOUNDS):
        after = token + _HYPHENATED
        if window.word(token + 1) not in ("-", "‐") or window.finding_at(after) is None and (
                window.word(after + 1) not in ("-", "‐")):
            return token
        token = after
    return token


def _after_hyphen(window: _Window, token: int) -> bool:
    """"twenty-one", "top-10": a hyphen joined to the number; a bullet's dash ("- 10
    recommendations made") stands apart from it."""
    return window.word(token - 1) in ("-", "‐") and not window.analysis.doc[token - 1].whitespace_


def _heading(window: _Window, token: int, end: int) -> bool:
    """"4 Causes of concern" alone on its line: a section's number and title, no count."""
    doc = window.analysis.doc
    sentence = window.sentence
    return all(doc[t].is_punct or doc[t].is_space for t in range(
        sentence.tok_start, token)) and all(
        doc[t].is_punct or doc[t].is_space for t in range(end, sentence.tok_end))


def _counts_other_noun(window: _Window, token: int) -> bool:
    """"answered 9 of 10 calls": a word after the whole that is no finding and could not
    follow an elliptic count names what is counted."""
    word = window.word(token)
    return word.isalpha() and word not in window.analysis.rules.counts.elliptic_followers


def _list_marker(window: _Window, token: int) -> bool:
    """"2. Of these, seven …", "3) The remaining four …": a number that starts its line
    and is closed by a full stop or a bracket numbers a list item."""
    doc = window.analysis.doc
    text = window.analysis.text
    k = doc[token].idx
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return (k == 0 or text[k - 1] == "\n") and token + 1 < len(doc) and doc[token + 1].text in (
        window.analysis.rules.counts.list_marks)


def _numbers_finding(window: _Window, token: int) -> bool:
    """"Recommendation 4 has been closed", "Recommendations 4 and 5": a number after a
    finding's name (over the numbers and joiners of a list of them) labels it."""
    rules = window.analysis.rules.counts
    joiners = set(rules.span_joiners) | set(rules.part_of) | {","}  # "Recommendation 3 of 5"
    k = token - 1
    while k > window.start and (window.word(k) in joiners and window.word(k - 1).isdigit()
                                or window.word(k).isdigit()):
        k -= 1
    return window.finding_at(k) is not None


def _status_follows(window: _Window, token: int) -> bool:
    """A status word right after a count with no noun is its verb: "had three lifted";
    not an adjective before the finding ("the three overdue recommendations"), nor one
    after a definite count that picks out some of a set ("the one behind schedule")."""
    words = status_words(window.analysis)
    size = next((len(parts) for parts in (*words.closed, *words.open)
                 if tuple(window.word(token + k) for k in range(len(parts))) == parts
                 and " ".join(parts) not in words.item_only), 0)
    definite = set(window.analysis.rules.counts.definite_determiners)
    return bool(size) and window.finding_at(token + size) is None and (
        window.word(token - 2) not in definite)


def read_count(window: _Window, token: int) -> Count | None:
    """The count a number starts, or None when it counts something else ("15 minutes")."""
    value = window.count_value(token)
    if value is None or _hedged(window, token) or _after_hyphen(window, token) or (
            _numbers_finding(window, token)) or _list_marker(window, token):
        return None
    rules = window.analysis.rules.counts
    value, after = _compound(window, token, value)
    count = Count(value, token, after, ordinal=_ordinal(window.analysis, token))
    quoted = window.skip(after, set(window.analysis.rules.words.quote_marks))
    if quoted > after and phrase_length_at(window.words(), quoted - window.start, rules.part_of):
        after = quoted  # "closed 'all but one' of its nine"
    j = _read_part_of(window, count, after)
    if (parts := fraction(window.analysis, token)) is not None:
        count.whole = parts[1]
    if _implied_whole(window, token) and count.whole is None and not count.relative:
        count.whole, count.implied = _DUAL, True  # "neither cause of concern": none of two
    if window.finding_at(j) is None:
        every = set(rules.determiners) if window.word(token) in rules.every_counts else set()
        skipped = _skip_compounds(window, window.skip(j, set(rules.modifiers) | every | {
            ",", "'", "’"}))  # "both its causes of concern"
        j = skipped if window.finding_at(skipped) is not None else j  # "… three, partly …"
    finding = window.finding_at(j)
    if finding is not None and _heading(window, token, finding.end):
        return None
    if finding is not None:
        if not finding.plural and count.whole is None and not count.relative:
            if value != 1:
                return None
            count.single = not count.ordinal  # "identified one cause of concern": a total
        count.kind, count.finding, count.end = finding.kind, finding, finding.end
    elif (count.whole is not None and not _counts_other_noun(window, j)
          or count.relative or count.back_reference
          or j >= window.end or window.word(j) in set(rules.elliptic_followers)
          or _status_follows(window, j)  # "has now had three lifted"
          or window.word(j) in rules.leaving_words  # "has two left"
          or _to_force(window.analysis, j) is not None):  # "… and nine to Essex Police"
        count.end = j  # "three of the five", "five of which", "… and two remain open"
        count.owner = _to_force(window.analysis, j)  # "… and one at Essex Police"
    else:
        return None
    _read_left(window, count)
    if count.every and count.whole is not None:
        count.value = count.whole  # "every one of the 11 recommendations"
    if (said_of := relative_owner(window.analysis, window.start, token, window.end)):
        count.owner, count.aside_end = said_of
    return count


def _predicate(window: _Window, count: Count) -> list[tuple[int, int]]:
    """The token ranges of a count's own predicate: to the next count, clause break or
    finding, reading on past a finding that only qualifies this one ("the six
    recommendations attached to the cause of concern have been closed")."""
    rules = window.analysis.rules.counts
    breaks = set(rules.predicate_breaks)
    subjects = set(rules.clause_subjects)
    conjunctions = set(rules.clause_conjunctions)
    start = k = count.end
    limit = min(k + rules.predicate_reach, count.aside_end or window.end)
    segments: list[tuple[int, int]] = []
    while k < limit:
        aside = aside_end(window.analysis, k, window.end)
        if aside is not None:  # "… – on A and on B – have been closed": read past it
            segments.append((start, k))
            limit = min(limit + aside - k, window.end)
            start = k = aside
            continue
        if k > count.end and (inner := _embedded_count(window, start, k)) is not None:
            segments.append((start, _noun_phrase_start(window, start, k)))
            start = k = inner.end  # "nine of the 12 attached to the three causes of concern"
            continue
        if (k > count.end and window.count_value(k) is not None) or window.word(k) in breaks:
            break
        if window.word(k) in conjunctions and _new_subject(window, k + 1, subjects):
            break  # "… the four recommendations it made and we are confident …"
        other = window.finding_at(k)
        if other is not None and other is not count.finding:
            if not embedded(window.analysis, start, other):
                k = _noun_phrase_start(window, start, k)
                break
            segments.append((start, _noun_phrase_start(window, start, k)))
            start = k = other.end
            continue
        k += 1
    return [*segments, (start, k)]


def _embedded_count(window: _Window, outer_end: int, token: int) -> Finding | None:
    """The finding a count at `token` counts when the count only qualifies the finding
    before it ("the 12 recommendations attached to the three causes of concern are now
    complete"): the verb after it is the outer count's, not this one's."""
    rules = window.analysis.rules.counts
    if window.count_value(token) is None:
        return None
    between = [window.word(t) for t in range(outer_end, token)]
    joins = set(rules.embed_joiners) | set(rules.determiners) | set(rules.modifiers)
    if not between or len(between) > rules.embed_reach or not set(between) <= joins or not (
            set(between) & set(rules.embed_joiners)):
        return None
    return window.finding_at(window.skip(token + 1, set(rules.modifiers)))


def _after_force(window: _Window, token: int) -> bool:
    """"made to Kent Police and Essex Police have been closed": an "and" that joins forces."""
    return any(m.tok_end == token for m in window.analysis.forces_between(window.start, token))


def _new_subject(window: _Window, token: int, subjects: set[str]) -> bool:
    """Whether a clause with its own subject starts here: "… and we are confident", "… and
    the force has completed one of them", "… and Kent Police has closed …"."""
    if window.word(token) in subjects:
        return True
    words = window.words()
    if phrase_length_at(words, token - window.start,
                        window.analysis.rules.forces.strict_anaphors):
        return True
    return not _after_force(window, token - 1) and any(  # not "Kent Police and Essex Police"
        m.tok_start == token for m in window.analysis.forces_between(token, window.end))


def _noun_phrase_start(window: _Window, floor: int, token: int) -> int:
    """Where the noun phrase of a finding starts: "… with this remaining cause of concern"."""
    rules = window.analysis.rules.counts
    joins = set(rules.determiners) | set(rules.modifiers)
    while token > floor and window.word(token - 1) in joins:
        token -= 1
    return token


def _status_before(window: _Window, count: Count) -> str | None:
    """"has closed three of …", "discharged from four of these", "fully or partially
    achieved 11": a status verb right before the count (over auxiliaries) governs it."""
    rules = window.analysis.rules.counts
    skip = set(rules.status_before_skip) | set(rules.remaining_words) | {  # "the remaining"
        w for phrase in rules.additive_before + rules.except_words  # "a further two",
        for w in phrase.split()} | set(  # "has closed all but one"
        window.analysis.rules.words.quote_marks)  # "has 'discharged' five of its six"
    k = count.token - 1
    floor = max(window.start, count.token - rules.status_before_reach)
    while k >= floor and window.word(k) in skip:
        k -= 1
    if k > floor and window.word(k) in rules.whole_prepositions and (
            window.word(k - 1) in rules.closing_nouns):
        return Status.CLOSED  # "notes the closure of 6 of the 9 recommendations"
    if k < floor or window.word(k) not in _last_status_words(window.analysis):
        return None  # "four closed and two …", "… closed: three were …" govern nothing
    return status_in(window.analysis, max(k - 1, window.start), k + 1,
                     context_start=window.start, tally=True)


def _coordinated_status(window: _Window, count: Count) -> str | None:
    """"has closed the cause of concern at Avon and Somerset Constabulary and three of its
    four recommendations": a count joined by "and" to a finding that a status verb governs
    shares the verb."""
    rules = window.analysis.rules.counts
    k = count.token - 1
    if window.word(k) not in set(rules.clause_conjunctions):
        return None
    named = {t for m in window.analysis.forces_between(window.start, k)
             for t in range(m.tok_start, m.tok_end)}
    joins = set(rules.determiners) | set(rules.modifiers) | set(rules.object_prepositions)
    floor = max(window.start, k - rules.predicate_reach)
    verbs = _last_status_words(window.analysis)
    seen, loose = False, 0
    k -= 1
    while k >= floor and window.word(k) not in verbs:
        if window.finding_at(k) is None and k not in named and window.word(k) not in joins:
            loose += 1  # "the cause of concern on vetting and …": its subject's words
            if seen or loose > _OBJECT_SUBJECT or not window.word(k).isalpha():
                return None
        seen = seen or window.finding_at(k) is not None
        k -= 1
    if not seen or k < floor or window.word(k) not in verbs or (
            window.word(k + 1) not in set(rules.determiners)):
        return None  # not "has two open causes of concern and three recommendations"
    return status_in(window.analysis, max(k - 1, window.start), k + 1,
                     context_start=window.start, tally=True)


def _last_status_words(analysis: Analysis) -> set[str]:
    """The words a status phrase ends in, where it meets its object ("signed off the …");
    a phrase ending in a preposition ("closure of") is a noun's, with no object to meet."""
    rec = analysis.rules.recommendations
    prepositions = set(analysis.rules.counts.object_prepositions)
    return {p.split()[-1] for p in rec.closed_words + rec.open_words
            if p.split()[-1] not in prepositions}


def read_status(window: _Window, count: Count) -> None:
    analysis = window.analysis
    if count.any_of is not None:  # "has not yet addressed any of the four": none closed
        reach = analysis.rules.counts.status_before_reach
        count.status = status_in(analysis, max(window.start, count.any_of - reach),
                                 count.any_of, context_start=window.start, tally=True)
        return
    count.status = _status_before(window, count) or _coordinated_status(window, count)
    count.governed = count.status is not None
    segments = _predicate(window, count)
    count.reach = segments[-1][1]
    if count.status is None and _partly(window, count, []):
        count.partial = True  # "has partly implemented one and not …": not the next verb's
        return
    if count.status is None:
        count.status = next((found for start, end in segments if (found := status_in(
            analysis, start, end, context_start=window.start, tally=True))), None)
        count.predicated = count.status is not None
        words = [analysis.doc[k].lower_ for k in range(count.end, min(segments[0][1],
                                                                      count.end + RELATIVE_REACH))]
        if phrase_length_at([w for w in words if w != ","], 0,
                      analysis.rules.counts.every_relatives):
            count.every = True
    if count.status is None and count.finding is not None:
        _read_far_relative(window, count)
    head = count.finding.start if count.finding else count.end
    if count.status is None and head > count.token + 1 and count.value:  # not "none of the
        # outstanding recommendations related to …"
        count.status = status_in(analysis, count.token + 1, head, tally=True)
    if count.finding is None and window.word(count.end) in analysis.rules.counts.leaving_words:
        count.remaining = True  # "… has two left", "with four left to complete"
    if count.status is None and count.remaining:
        count.status = Status.OPEN
    if count.status is None and count.value == 0 and _closing_said(window, segments):
        count.status = Status.CLOSED  # "neither … could be closed": none of them was
    if _definite_set(window, count, segments):
        count.every = True
    if count.status == Status.CLOSED and _aspired(window, count):
        count.status, count.governed, count.predicated = None, False, False
    count.partial = count.status is None and _partly(window, count, segments)


def _partly(window: _Window, count: Count, segments: list[tuple[int, int]]) -> bool:
    """"two are judged partly achieved", "has partly implemented one": a partial word in
    the count's predicate or in the words that govern it."""
    partial = status_words(window.analysis).partial
    before = range(max(window.start, count.token - _PARTIAL_REACH), count.token)
    return any(window.word(t) in partial for t in before) or any(
        window.word(t) in partial for start, end in segments for t in range(start, end))


def _aspired(window: _Window, count: Count) -> bool:
    return looked_forward(window.analysis, window.start, count.token)


def looked_forward(analysis: Analysis, floor: int, token: int) -> bool:
    """"Kent Police hopes to have all nine recommendations signed off by the end of the
    year": a closing that a hope, plan or expectation in the clause before `token` looks
    forward to has not happened."""
    rules = analysis.rules
    breaks = set(rules.words.clause_breaks) | set(rules.counts.aspiration_breaks)
    start = clause_start(analysis.doc, floor, token, breaks)
    words = lower_words(analysis.doc, start, token)
    return any(phrase_length_at(words, p, rules.counts.aspirations) for p in range(len(words)))


def _closing_said(window: _Window, segments: list[tuple[int, int]]) -> bool:
    """Whether a closing word stands in a count's predicate, in any frame: of a count of
    none, "could be closed" and "has been closed" say the same."""
    closed = status_words(window.analysis).closed
    words = [window.word(t) for start, end in segments for t in range(start, end)]
    return any(tuple(words[p : p + len(parts)]) == parts
               for p in range(len(words)) for parts in closed)


def _read_far_relative(window: _Window, count: Count) -> None:
    """"the four recommendations made in the joint inspection of its custody suites, carried
    out in 2023, all of which had now been completed": a relative clause over every one,
    after the modifiers of the count's noun phrase (no other finding between)."""
    rules = window.analysis.rules.counts
    words = window.words()
    relatives = rules.every_relatives
    breaks = set(rules.predicate_breaks)
    for k in range(count.end, window.end):
        if window.word(k) in breaks or window.finding_at(k) is not None:
            return
        size = phrase_length_at(words, k + 1 - window.start, relatives)
        if window.word(k) == "," and size:
            end = next((t for t in range(k + 1 + size, window.end)
                        if window.word(t) in breaks), window.end)
            count.status = status_in(window.analysis, k + 1 + size, end,
                                     context_start=window.start, tally=True)
            count.every = count.status is not None
            count.reach = max(count.reach, end)
            count.said_to = k + 1 + size
            return


def _definite_set(window: _Window, count: Count, segments: list[tuple[int, int]]) -> bool:
    """"The accompanying four recommendations have been closed": a definite count with its
    own verb names the whole set. Not "the remaining two", nor "the two causes of concern
    that are still open" (a relative clause picks some of them)."""
    rules = window.analysis.rules.counts
    if count.finding is None or not (count.predicated or count.governed) or (
            count.remaining or count.ordinal):  # "the third cause of concern" is one of them
        return False
    k = count.token - 1
    verbs = _last_status_words(window.analysis)  # not "The inspectorate closed two …"
    while k >= window.start and window.word(k) in set(rules.modifiers) - verbs:
        k -= 1
    between = {window.word(t) for t in range(count.token + 1, count.finding.start)}
    said = [window.word(t) for start, end in segments for t in range(start, end)]
    every = any(phrase_length_at(said, p, rules.every_relatives) for p in range(len(said)))
    return window.word(k) in set(rules.definite_determiners) and not (
        between & set(rules.remaining_words)) and (every or not (
            set(said) & set(rules.relatives + rules.relative_markers)))  # "… all of them"


def _to_the_nation(analysis: Analysis, count: Count) -> bool:
    """"… the national vetting report, which made 43 recommendations to all forces": a set
    given to national bodies or to every force is no one force's part."""
    if count.finding is None:
        return False
    end = min(count.end + analysis.rules.counts.recipient_reach, len(analysis.doc))
    return national_recipient(analysis, count.end, end)


def sentence_counts(analysis: Analysis, sentence: Sentence, findings: list[Finding]
                    ) -> list[Count]:
    """Every count in a sentence, clause by clause (a semicolon starts a new one)."""
    dates = {i for d in analysis.dates_between(sentence.tok_start, sentence.tok_end)
             for i in range(d.tok_start, d.tok_end)}
    live = [f for f in findings if not is_hypothetical(analysis, f)]
    counts: list[Count] = _labelled_counts(analysis, sentence, live, dates)
    labelled = {c.token for c in counts} | {c.whole_token for c in counts if c.whole_token}
    start = sentence.tok_start
    while start < sentence.tok_end:
        end = clause_end(analysis.doc, sentence.tok_end, start, {";"})
        window = _Window(analysis, sentence, start, end,
                         [f for f in live if start <= f.start < end], dates)
        numbers = number_tokens(analysis)
        token = start
        while token < end:
            if token not in numbers or token in labelled:
                token += 1
                continue
            count = read_count(window, token)
            if count is None or (count.finding is not None and count.finding not in live) or (
                    _to_the_nation(analysis, count)):
                token += 1
                continue
            if not (counts and counts[-1].token >= start and counts[-1].finding is not None
                    and _embedded_count(window, counts[-1].end, token) is not None):
                read_status(window, count)  # an embedded count takes no verb of its own
            if not (count.single and count.status is not None):  # "one … remains open":
                counts.append(count)                                # an item, no tally
            token = max(count.end, (count.whole_token or token) + 1, token + 1, count.said_to)
        start = end + 1
    counts.sort(key=lambda c: c.token)
    _assign_kinds(analysis, counts, live)
    _inherit_status(analysis, counts)
    return _shared_out(analysis, counts)


def _shared_out(analysis: Analysis, counts: list[Count]) -> list[Count]:
    """"The report on five forces made 30 recommendations, six of them to Cleveland
    Police": a part given to a named force is that force's total, and the whole it was
    taken from is shared out among several, so no one force's."""
    given = [c for c in counts if c.finding is None and c.status is None
             and _given_to_force(analysis, c)]  # not "one of the recommendations to Kent"
    if not given:
        return counts
    first = min(c.token for c in given)
    for count in given:
        count.back_reference = count.relative = False
        count.whole, count.is_total = None, True
        count.owner = _given_to_force(analysis, count)
    return [c for c in counts if c in given or c.token > first or c.kind not in {
        g.kind for g in given}]


def _given_to_force(analysis: Analysis, count: Count) -> str | None:
    words = cached_words(analysis)
    k = count.end
    while k < len(words) and words[k] in analysis.rules.counts.recipient_verbs:
        k += 1  # "six of which were for Kent Police"
    return _to_force(analysis, k)


def _to_force(analysis: Analysis, token: int) -> str | None:
    """The force a recipient preposition at `token` names: "to Kent Police"."""
    rules = analysis.rules.counts
    words = cached_words(analysis)
    if token >= len(words) or words[token] not in rules.recipient_prepositions:
        return None
    k = token + 1
    while k < len(words) and words[k] in rules.determiners:
        k += 1
    sentence = analysis.sentences[analysis.token_sentence[token]]
    return next((m.force_id for m in analysis.forces_between(k, sentence.tok_end)
                 if m.tok_start == k), None)


def _labelled_counts(analysis: Analysis, sentence: Sentence, findings: list[Finding],
                     dates: set[int]) -> list[Count]:
    """Counts after the label that says what they count, as tables and summaries write
    them: "Recommendations: 12", "Recommendations in scope: 12", "Open causes of concern:
    2", "Recommendations closed: 4", "Recommendations made: 12 / completed: 7", and a row
    under such a one that names only a status ("Completed and signed off: 7")."""
    out: list[Count] = []
    for finding in (f for f in findings if f.plural):
        read = _label_value(analysis, sentence, finding.end, dates)
        if read is None:
            continue
        label_end, k = read
        status = status_in(analysis, finding.end, label_end, tally=True) or status_in(
            analysis, max(finding.start - 1, sentence.tok_start), finding.start, tally=True)
        count = _labelled(analysis, sentence, k, kind=finding.kind, finding=finding,
                          status=status, is_total=status is None)
        out.append(count)
        out.extend(_continued_labels(analysis, sentence, count, dates))
    if not out:
        out.extend(_status_row(analysis, sentence, dates))
    return out


def _label_value(analysis: Analysis, sentence: Sentence, k: int, dates: set[int]
                 ) -> tuple[int, int] | None:
    """Where a label that starts at `k` ends and the token of its number: a status word
    right before the number ("closed 4"), or a few words before a colon ("in scope: 12").
    The number ends the row, or a separator follows it (not "12 forces")."""
    words = cached_words(analysis)
    rules = analysis.rules.counts
    end = min(sentence.tok_end, k + rules.label_reach + 1)
    colon = next((t for t in range(k, end) if words[t] == ":"), None)
    if colon is not None and any(number_at(analysis, t) is not None for t in range(k, colon)):
        return None
    label_end = colon if colon is not None else k + (
        1 if status_in(analysis, k, k + 1, tally=True) else 0)
    value = label_end + 1 if colon is not None else label_end
    if value >= sentence.tok_end or value in dates or number_at(analysis, value) is None:
        return None
    last = _label_whole(analysis, sentence, value) or value
    after = words[last + 1] if last + 1 < sentence.tok_end else None
    if after is not None and (after.isalpha() or after not in rules.label_separators
                              and after not in (".", ";")):
        return None
    return label_end, value


def _label_whole(analysis: Analysis, sentence: Sentence, value: int) -> int | None:
    """"Recommendations closed: 8 of 11": the token of the whole after a label's number."""
    words = cached_words(analysis)
    k = value + 1
    if k + 1 < sentence.tok_end and words[k] in analysis.rules.counts.part_of and (
            number_at(analysis, k + 1)) is not None:
        return k + 1
    return None


def _labelled(analysis: Analysis, sentence: Sentence, value: int, **fields) -> Count:
    """The count a label's number gives, with the whole it is a part of, if any."""
    whole = _label_whole(analysis, sentence, value)
    return Count(value=number_at(analysis, value) or 0, token=value,
                 end=(whole or value) + 1, whole=number_at(analysis, whole) if whole else None,
                 whole_token=whole, **fields)


def _continued_labels(analysis: Analysis, sentence: Sentence, count: Count, dates: set[int]
                      ) -> list[Count]:
    """"Recommendations made: 12 / completed: 7": status labels after a separator count
    what the first label counted."""
    words = cached_words(analysis)
    out = []
    k = count.token + 1
    while k < sentence.tok_end and words[k] in analysis.rules.counts.label_separators:
        read = _label_value(analysis, sentence, k + 1, dates)
        status = read and status_in(analysis, k + 1, read[0], tally=True)
        if read is None or status is None:
            break
        value = read[1]
        out.append(_labelled(analysis, sentence, value, kind=count.kind, status=status))
        k = out[-1].end
    return out


def _status_row(analysis: Analysis, sentence: Sentence, dates: set[int]) -> list[Count]:
    """A row that names only a status ("Completed and signed off: 7", "- Closed: 2"):
    a count of what the rows before it counted."""
    words = cached_words(analysis)
    k = sentence.tok_start
    while k < sentence.tok_end and (words[k] is None or words[k] in
                                    analysis.rules.counts.label_marks):
        k += 1
    read = _label_value(analysis, sentence, k, dates)
    status = read and status_in(analysis, k, read[0], tally=True)
    if read is None or status is None:
        return []
    return [_labelled(analysis, sentence, read[1], status=status)]


def _named_in_predicate(analysis: Analysis, count: Count, findings: list[Finding]
                        ) -> Finding | None:
    """"Both were identified as causes of concern", "three were judged to be causes of
    concern": a count with no noun that its predicate names as findings counts them."""
    words = cached_words(analysis)
    naming = set(analysis.rules.counts.naming_words)
    after = next((f for f in findings if f.start >= count.end), None)
    if after is None or not after.plural:
        return None
    between = [w for w in words[count.end : after.start] if w is not None]
    return after if between and all(w in naming for w in between) else None


def _assign_kinds(analysis: Analysis, counts: list[Count], findings: list[Finding]) -> None:
    """Counts with no noun of their own count what the count before them counted, or what
    the sentence's only kind of finding names ("… recommendations: three closed, two open")."""
    kinds = {f.kind for f in findings}
    fronted = _fronted_whole(analysis, counts)
    for index, count in enumerate(counts):
        if count.kind is not None:
            continue
        previous = counts[index - 1] if index else None
        if fronted is not None and count.token > fronted[1]:
            count.kind = fronted[0].kind  # "Of the five recommendations made under its two
            # causes of concern, three have been closed": the parts are the fronted whole's
        elif count.relative and previous is not None:
            count.kind, count.whole = previous.kind, previous.value
        elif previous is not None and previous.kind is not None:
            count.kind = previous.kind
        elif len(kinds) == 1 and not count.back_reference and any(
                f.start < count.token for f in findings):
            count.kind = next(iter(kinds))  # not "Both have closed some of their causes …"
        elif (named := _named_in_predicate(analysis, count, findings)) is not None:
            count.kind, count.finding = named.kind, named


def _fronted_whole(analysis: Analysis, counts: list[Count]) -> tuple[Count, int] | None:
    """The whole a sentence opens with ("Of the five recommendations …,") and the comma that
    closes its phrase: the bare counts after it are its parts."""
    doc = analysis.doc
    whole = next((c for c in counts if c.is_total), None)
    if whole is None or whole.token < 2 or doc[whole.token - 2].lower_ not in set(
            analysis.rules.counts.whole_prepositions):
        return None
    opener = whole.token - 2
    sentence = analysis.sentence_of(opener)
    after = set(analysis.rules.counts.fronted_whole_after)
    if opener != sentence.tok_start and doc[opener - 1].lower_ not in after:
        return None  # "… stated that, of the ten recommendations, eight …" opens a clause
    comma = next((k for k in range(whole.end, sentence.tok_end) if doc[k].text == ","), None)
    return (whole, comma) if comma is not None else None


# The words of an exception before its count: "all but" one.
EXCEPTION_LEAD = 2


def _inherit_status(analysis: Analysis, counts: list[Count]) -> None:
    """"both causes of concern had been discharged, along with all seven of the associated
    recommendations": a count with no status of its own joined to one governed by a verb."""
    doc = analysis.doc
    for index, count in enumerate(counts[1:], start=1):
        previous = counts[index - 1]
        if count.status is not None or previous.status is None:
            continue
        lead = count.token - (EXCEPTION_LEAD if count.exception else 0)  # "with all but one"
        joined = lead > 0 and doc[lead - 1].lower_ in set(analysis.rules.counts.status_joiners)
        if count.every or count.exception and joined or (
                joined or count.additive) and previous.governed:
            count.status = previous.status  # "closed eight in June and a further three …",
            # "… discharged, along with all but one of the eleven recommendations"


def _add(tally: Tally, count: Count) -> None:
    tally.partial = tally.partial or count.partial
    if count.whole is not None and not (count.implied and tally.total is not None):
        tally.total = count.whole
    if count.exception and count.status is not None:
        _add_exception(tally, count)
        return
    if count.is_total:
        tally.total = count.value
        if count.any_of is not None and count.status == Status.OPEN:
            tally.closed = 0  # "has not yet addressed any of the four"
        return
    if count.status is None and count.additive:
        tally.total = (tally.total or 0) + count.value  # "… and a further four in 2023"
        return
    if count.status is None:
        if count.finding is not None and not (count.remaining or count.back_reference
                                              or count.additive or count.ordinal
                                              or count.partial) and (  # "two … partly met"
                tally.total is None):
            tally.total = count.value  # a bare total: "we issued two causes of concern"
        return
    if count.every:
        tally.total = count.value
    if count.status == Status.CLOSED and count.completes and count.whole is not None and (
            tally.closed is None):
        tally.total, tally.closed = count.whole, count.whole  # "closed the last three of the
        return  # seven": the others were closed before
    if count.status == Status.CLOSED:
        tally.closed = (tally.closed or 0) + count.value
    else:
        tally.open = (tally.open or 0) + count.value


def _add_exception(tally: Tally, count: Count) -> None:
    """"all but one of the five have been closed": the exception has the other status; the
    whole is the count's own or one stated before ("Of the five …, all but one …"); with no
    whole, only the exception is known ("all but one of the causes of concern …")."""
    whole = count.whole if count.whole is not None else tally.total
    rest, exception = (Status.CLOSED, Status.OPEN) if count.status == Status.CLOSED else (
        Status.OPEN, Status.CLOSED)
    if whole is not None:
        setattr(tally, rest, whole - count.value)
        tally.total = whole
    setattr(tally, exception, count.value)


@dataclass(frozen=True)
class TallyDate:
    value: date
    precision: str


def _as_of(analysis: Analysis, mention: DateMention) -> TallyDate | None:
    """A span dates a tally by its end ("revisited in October and November" holds in
    November): the last month named in or right after the date."""
    if mention.value is None or mention.precision is None:
        return None
    doc = analysis.doc
    months = analysis.rules.dates.months
    words = [t.lower_ for t in doc[mention.tok_start : mention.tok_end]]
    following = [t.lower_ for t in doc[mention.tok_end : mention.tok_end + 2]]
    if following[:1] and following[0] in analysis.rules.counts.span_joiners and (
            following[1:] and following[1] in months):
        words += following
    named = [w for w in words if w in months]
    if mention.precision == Precision.DAY or len(named) < 2:
        return TallyDate(mention.value, mention.precision)
    month = months.index(named[-1]) + 1
    year = mention.value.year + (1 if month < mention.value.month else 0)
    return TallyDate(date(year, month, 1), Precision.MONTH)


def tally_date(analysis: Analysis, tally: Tally) -> TallyDate | None:
    mention = _own_date(analysis, tally)
    return _as_of(analysis, mention) if mention is not None else None


def _own_date(analysis: Analysis, tally: Tally) -> DateMention | None:
    """The date a tally's own sentence gives it ("When we revisited in February, three of
    the five …"); not a date that says when the counted items were raised ("of the 19
    recommendations made in 2015"), unless the tally is only that total; not a "since"."""
    rules = analysis.rules.counts
    doc = analysis.doc
    issued = set(rules.issued_before_date)
    sentence = tally.sentence
    reach = tally.reach or sentence.tok_end
    if set(lower_words(doc, tally.token, reach)) & set(rules.present_markers):
        return None  # "… have now been closed": the tally holds on the day of publication
    floor = sentence.tok_start
    if tally.bare:  # a total is dated by its own clause: not "entered Engage in May while …"
        floor = clause_start(doc, floor, tally.token, set(analysis.rules.words.clause_breaks))
    for mention in analysis.dates_between(floor, reach):
        start = max(floor, mention.tok_start - rules.issued_before_date_reach)
        before = set(lower_words(doc, start, mention.tok_start))
        between = set(lower_words(doc, tally.token, mention.tok_start))
        if mention.since or not tally.bare and (before & issued or between & set(
                rules.relatives + rules.relative_markers)):
            continue  # "… made in 2015", "… that were open at the start of last year"
        return mention
    if tally.context is not None and tally.context is not sentence:
        words = set(lower_words(analysis.doc, tally.context.tok_start, tally.context.tok_end))
        if not words & issued:  # "In May, we re-inspected … the five recommendations."
            dates = [d for d in analysis.dates_between(tally.context.tok_start,
                                                       tally.context.tok_end) if not d.since]
            return dates[0] if dates else None
    return None


def _recent(pending: list[Tally], sentence: Sentence, window: int, kind: str | None,
            force_id: str | None, *, unowned: bool = False) -> Tally | None:
    """The latest set counted within the window; a set no force was named for ("HMICFRS
    issued three causes of concern in 2023.") only for a count that refers back to it
    ("Gwent Police has since addressed two of them")."""
    for tally in reversed(pending):
        if sentence.index - tally.sentence.index > window:
            break
        if tally.force_id is None and not unowned:
            continue
        if (kind is None or tally.kind == kind) and (
                force_id is None or tally.force_id == force_id):
            return tally
    return None


def _named_before(analysis: Analysis, sentence: Sentence, count: Count) -> str | None:
    """"In Gwent, both causes of concern have been closed. In Nottinghamshire, inspectors
    closed two of the force's three": a part of a stated whole, with a status and no noun,
    counts what the sentences just before named last."""
    if count.whole is None or count.status is None:
        return None
    window = analysis.rules.counts.back_reference_window
    for index in range(sentence.index - 1, max(sentence.index - window, 0) - 1, -1):
        findings = findings_in(analysis, analysis.sentences[index])
        if findings:
            return findings[-1].kind
    return None


def _by_force(analysis: Analysis, sentence: Sentence, groups: dict[str, list[Count]]
              ) -> list[tuple[str, str | None, list[Count]]]:
    """Each kind's counts by the force they count for: "Unlike Kent Police, which has
    closed all three of its causes of concern, Essex Police still has two open" is one
    tally of Kent's and one of Essex's. A count belongs to the force of the count before it
    unless another force is named between them."""
    out: list[tuple[str, str | None, list[Count]]] = []
    for kind, members in groups.items():
        force_id = members[0].owner or finding_force(analysis, sentence, members[0].token)
        current: list[Count] = []
        for count in members:
            own = count.owner or finding_force(analysis, sentence, count.token)
            named = current and own != force_id and (count.owner is not None or any(
                m.force_id == own for m in analysis.forces_between(current[-1].token,
                                                                   count.token)))
            if named or current and _another_set(analysis, current, count):
                out.append((kind, force_id, current))
                force_id, current = own, []
            current.append(count)
        out.append((kind, force_id, current))
    return out


def _fresh_total(count: Count) -> bool:
    return count.finding is not None and count.status is None and count.whole is None and not (
        count.relative or count.back_reference or count.remaining or count.additive
        or count.ordinal or count.is_total)


def _another_set(analysis: Analysis, current: list[Count], count: Count) -> bool:
    """"Its PEEL report made six recommendations; separately, the cause of concern carries
    three recommendations, two of which are closed": a second total of one kind, in a clause
    of its own after a semicolon, starts another set."""
    if not _fresh_total(count) or not any(_fresh_total(c) or c.is_total for c in current):
        return False
    return any(t.text == ";" for t in analysis.doc[current[-1].token : count.token])


def _named_set(pending: list[Tally], done: list[Tally], sentence: Sentence, count: Count
               ) -> Tally | None:
    """"Eight of the recommendations have been completed": a part of a set its words name
    refers back past the window to the last set of that kind counted, if that was a total."""
    if not count.back_reference or count.kind is None:
        return None
    last = next((t for t in reversed(done) if t.kind == count.kind), None)
    base = _recent(pending, sentence, sentence.index, count.kind, None)
    return base if base is not None and (last is None or last is base) else None


def _earlier_set(analysis: Analysis, pending: list[Tally], done: list[Tally],
                 sentence: Sentence, window: int, count: Count) -> Tally | None:
    """The set counted before that a count with no set of its own belongs to. "The third
    cause of concern" names its set's kind, so it may come paragraphs after the count."""
    if not count.ordinal:
        near = _recent(pending, sentence, window, count.kind, None,
                       unowned=count.back_reference)
        return near or _named_set(pending, done, sentence, count)
    near = _series_base(pending, sentence, window, count.kind)
    if near is not None or count.kind is None:
        return near
    far = _series_base(pending, sentence, sentence.index, count.kind)
    # from further back only the last of the set ("the third" of three) is taken as its member
    return far if far is not None and far.total == _ordinal_position(analysis, count) else None


def _sentence_tallies(analysis: Analysis, sentence: Sentence, counts: list[Count],
                      pending: list[Tally], done: list[Tally]) -> list[Tally]:
    window = analysis.rules.counts.back_reference_window
    groups: dict[str, list[Count]] = {}
    context: dict[str, Tally] = {}
    last_kind: str | None = None
    for count in counts:
        kind = count.kind
        # "we made two recommendations …, and the force has completed one of them"
        counted_here = kind is not None and any(
            not c.back_reference for c in groups.get(kind, []))
        if kind is None or count.ordinal or count.back_reference and not counted_here:
            earlier = _earlier_set(analysis, pending, done, sentence, window, count)
            if earlier is not None:
                kind = earlier.kind
                context.setdefault(kind, earlier)
            elif count.ordinal and kind is not None and not _next_of(
                    analysis, count, groups.get(kind, [])):
                continue  # "the first recommendation" of no set counted before: no row
            elif kind is None:
                kind = last_kind or _named_before(analysis, sentence, count) or (
                    _added_to(done, sentence, window, count))
                if kind is None:
                    continue
        last_kind = kind
        groups.setdefault(kind, []).append(count)
    out = []
    for kind, force_id, members in _by_force(analysis, sentence, groups):
        tally = Tally(kind, force_id, sentence, sentence.start, sentence.end, members[0].token)
        for count in members:
            _add(tally, count)
        earlier = context.get(kind) or (
            _recent(pending, sentence, window, kind, force_id) if tally.total is None else None)
        if earlier is not None and tally.total is None and tally.has_counts:
            tally.total, tally.force_id, tally.start = earlier.total, (
                earlier.force_id or tally.force_id), earlier.start
            tally.context, tally.base = earlier.sentence, earlier
        tally.reach = max(c.reach for c in members)
        tally.single = all(c.single for c in members)
        tally.additive = all(c.additive for c in members)
        tally.series = all(c.ordinal for c in members)
        if not tally.has_counts or tally.force_id is None and not _may_be_owned(
                analysis, tally):
            continue
        if not tally.series:  # a series is completed when it has been added up
            tally.complete()
        tally.date = tally_date(analysis, tally)
        out.append(tally)
    return out


def document_tallies(analysis: Analysis) -> list[Tally]:
    """Every tally of a document, a count split over two sentences read as one
    ("… made seven recommendations. Five of them have now been closed.")."""
    window = analysis.rules.counts.back_reference_window
    out: list[Tally] = []
    pending: list[Tally] = []
    for sentence in analysis.sentences:
        findings = findings_in(analysis, sentence)
        recent = bool(pending) and sentence.index - pending[-1].sentence.index <= window or any(
            findings_in(analysis, analysis.sentences[i])
            for i in range(max(sentence.index - window, 0), sentence.index))
        if not findings and not recent:
            continue
        counts = sentence_counts(analysis, sentence, findings)
        if not counts:
            continue
        for tally in _sentence_tallies(analysis, sentence, counts, pending, out):
            if tally.force_id is None:
                pending.append(tally)  # a set whose force a later sentence may name
                continue
            if _extend_series(tally) or _extend_additive(tally, out, window):
                continue
            out.append(tally)
            if tally.bare or tally.series:
                pending.append(tally)
    for tally in out:
        if tally.series:
            tally.complete()
    return [t for t in out if t.coherent and not named_as_example(analysis, t) and not (
        said_of_the_country(analysis, t)) and (
        not t.bare or owned(analysis, t) and not part_of_set(t, out))]


def _next_of(analysis: Analysis, count: Count, before: list[Count]) -> bool:
    """"Two causes of concern … were closed in 2023; the third remains open": an ordinal
    right after the counts of its own sentence, with a status each, is the one after them."""
    counted = [c for c in before if not c.ordinal]
    return bool(counted) and count.status is not None and all(
        c.status is not None for c in counted) and sum(c.value for c in counted) + 1 == (
        _ordinal_position(analysis, count))


def _may_be_owned(analysis: Analysis, tally: Tally) -> bool:
    """A total no force was named for may be one a later sentence gives a force ("HMICFRS
    issued three causes of concern in 2023. Gwent Police has since addressed two of
    them"); not one said of the whole country or given to national bodies."""
    sentence = tally.sentence
    return tally.bare and not said_of_the_country(analysis, tally) and not (
        national_recipient(analysis, sentence.tok_start, sentence.tok_end))


def _added_to(done: list[Tally], sentence: Sentence, window: int, count: Count) -> str | None:
    """What "a further two" with no noun counts: the set the sentences just before counted
    ("… had closed six of its 12 recommendations. A further two have now been signed off");
    and what a bare count with a status counts after a set with no total ("… has addressed
    nine recommendations. Three are still being worked on")."""
    recent = [t for t in done if 0 < sentence.index - t.sentence.index <= window]
    if not recent:
        return None
    last = recent[-1]
    if count.additive or count.status is not None and count.whole is None and (
            last.total is None):
        return last.kind
    return None


def _complements(tally: Tally, base: Tally) -> bool:
    """"has addressed nine recommendations. Three are still being worked on": the open
    count after a closed one (or the reverse), neither with a total, make one set."""
    return tally.total is None and base.total is None and (
        (tally.closed is None) != (tally.open is None)) and (
        (base.closed is None) != (base.open is None)) and (tally.closed is None) != (
        base.closed is None)


def _extend_additive(tally: Tally, done: list[Tally], window: int) -> bool:
    """"A further two have now been signed off", "It was given a further four": a tally of
    additive counts only adds them to the same force's set counted just before; so does
    the other status's count of a set with no total (see _complements)."""
    base = next((t for t in reversed(done) if (t.kind, t.force_id) == (tally.kind, (
        tally.force_id)) and 0 < tally.sentence.index - t.sentence.index <= window), None)
    if base is None or not tally.additive and not _complements(tally, base):
        return False
    if not tally.additive:
        base.closed = tally.closed if base.closed is None else base.closed
        base.open = tally.open if base.open is None else base.open
        base.complete()
    elif tally.bare and base.bare:
        base.total = (base.total or 0) + (tally.total or 0)
    elif tally.closed is not None and tally.open is None:
        base.closed = (base.closed or 0) + tally.closed
        base.open = base.total - base.closed if base.total is not None else base.open
    elif tally.open is not None and tally.closed is None:
        base.open = (base.open or 0) + tally.open
        base.closed = base.total - base.open if base.total is not None else base.closed
    else:
        return False
    base.end = tally.end
    return True


def _series_base(pending: list[Tally], sentence: Sentence, window: int, kind: str | None
                 ) -> Tally | None:
    """What "the first" of a series counts: a series already begun, else the first set the
    latest sentence counted ("it had three causes of concern, with 14 recommendations
    between them. The first, on call handling, …"); "the third cause of concern" is one of
    the set of its own kind."""
    pending = [t for t in pending if (kind is None or t.kind == kind) and t.force_id]
    if not pending or sentence.index - pending[-1].sentence.index > window:
        return None
    latest = [t for t in pending if t.sentence is pending[-1].sentence]
    return min(latest, key=lambda t: t.token)


def _extend_series(tally: Tally) -> bool:
    """"The second, on crime data, was closed in January. The third … remains open": each
    later member of a series adds its count to the series begun before."""
    base = tally.base
    if not tally.series or base is None or not base.series:
        return False
    for name in (Status.CLOSED, Status.OPEN):
        if (value := getattr(tally, name)) is not None:
            setattr(base, name, (getattr(base, name) or 0) + value)
    base.end, base.sentence = tally.end, tally.sentence
    return True
