"""phase_change events: a force moved into or out of Engage (enhanced monitoring).

A sentence yields a move when it names a phase, a cue gives the direction (a movement verb
and its preposition, an exit or entry verb, "no longer in", "… has been lifted"), and a
specific police force is the one moved. Negation, speculation, process boilerplate,
comparisons and fire and rescue services are filtered out before an event is made.

Every window read around a phase term is bounded (MAX_CLAUSE tokens), and the sentence's
terms, clause breaks and dates are looked up rather than rescanned, so a sentence costs time
in proportion to its length however many phase words it holds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

import numpy
from spacy.attrs import IS_SPACE, LOWER

from pipeline.extract.clauses import clause_end, clause_start, has_phrase, lower_words
from pipeline.extract.context import Analysis, DateMention, Sentence
from pipeline.extract.evidence import sentence_event
from pipeline.models import Event

MAX_CLAUSE = 60  # tokens read left of a cue for its clause (subject, negation, verb)
MAX_DATE_DISTANCE = 15  # tokens between a cue and a date that still belongs to it
MAX_VERB_STEPS = 7  # content words passed looking left from a preposition for its verb
HEAD_WORDS = 8  # tokens read after a phase term for "… have been lifted"
BECOMING_WINDOW = 3  # tokens before "subject" read for "will be", "was made", "became"


@dataclass
class PhaseTerm:
    phase: str  # engage | scan
    start: int  # token offsets
    end: int


@dataclass
class Move:
    direction: str  # enter | exit  (always relative to Engage)
    cue: int  # token index of the cue
    since_date: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """rules/phases.yaml and the word lists of rules/words.yaml as sets, built once."""

    ph: dict
    fillers: frozenset
    into: frozenset
    out_of: frozenset
    move_verbs: frozenset
    exits: frozenset
    enters: frozenset
    states: frozenset
    possessives: frozenset
    skips: frozenset
    stops: frozenset
    current: frozenset
    negations: frozenset


_VOCABULARIES: dict[str, Vocabulary] = {}


def vocabulary(analysis: Analysis) -> Vocabulary:
    rules = analysis.rules
    if rules.version not in _VOCABULARIES:
        ph = rules.phases
        sets = {key: frozenset(ph[name]) for key, name in (
            ("fillers", "fillers"), ("out_of", "out_of_preps"), ("move_verbs", "move_verbs"),
            ("exits", "exit_words"), ("enters", "enter_words"), ("states", "state_words"),
            ("possessives", "possessives"), ("stops", "verb_search_stops"),
            ("current", "current_words"))}
        _VOCABULARIES[rules.version] = Vocabulary(
            ph=ph, into=frozenset(ph["into_preps"]),
            skips=frozenset(ph["verb_search_skips"]) | frozenset(ph["into_preps"])
            | frozenset(ph["out_of_preps"]),
            negations=frozenset(rules.words["negations"]), **sets)
    return _VOCABULARIES[rules.version]


@dataclass
class View:
    """One sentence's phase terms, looked up once for every term in it."""

    sentence: Sentence
    terms: list[PhaseTerm]
    term_tokens: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.term_tokens = {i for t in self.terms for i in range(t.start, t.end)}


def _bare_positions(analysis: Analysis) -> list[int]:
    """Tokens that are a bare phase word ("Engage", "scan"), found once per document."""
    doc = analysis.doc
    bare = doc.user_data.get("bare_phase")
    if bare is None:
        words = analysis.rules.phases["bare_phase_words"]
        hashes = numpy.array([doc.vocab.strings.add(w) for w in words], dtype=numpy.uint64)
        bare = doc.user_data["bare_phase"] = numpy.flatnonzero(
            numpy.isin(doc.to_array(LOWER), hashes)).tolist() if len(doc) else []
    return bare


def _bare_terms(analysis: Analysis, sentence: Sentence, covered: set[int]) -> list[PhaseTerm]:
    """A bare "Engage"/"Scan" is a phase as a noun: after a preposition, or capitalised."""
    doc = analysis.doc
    ph = analysis.rules.phases
    preceders, not_followed = set(ph["bare_phase_preceders"]), set(ph["bare_phase_not_followed_by"])
    never = set(ph["bare_phase_never_followed_by"])
    not_after = set(ph["capitalised_phase_not_after"])
    bare = _bare_positions(analysis)
    out = []
    for i in bare[bisect_left(bare, sentence.tok_start):bisect_left(bare, sentence.tok_end)]:
        token = doc[i]
        if i in covered:
            continue
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        prev = doc[i - 1].lower_ if i > sentence.tok_start else ""
        if nxt in never:
            continue
        named = token.text[0].isupper() and prev not in not_after and not token.is_sent_start
        if prev in preceders or (named and nxt not in not_followed):
            out.append(PhaseTerm(ph["bare_phase_words"][token.lower_], i, i + 1))
    return out


def phase_terms(analysis: Analysis, sentence: Sentence) -> list[PhaseTerm]:
    terms = [PhaseTerm(label, s, e) for label, s, e in analysis.matches_in("phase_terms", sentence)]
    covered = {i for t in terms for i in range(t.start, t.end)}
    terms += _bare_terms(analysis, sentence, covered)
    # Longest term wins when two overlap ("enhanced monitoring" inside "enhanced monitoring
    # process").
    terms.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[PhaseTerm] = []
    for term in terms:
        if kept and term.start < kept[-1].end:
            continue
        kept.append(_quoted_suffix(analysis, sentence, term))
    return kept


def _quoted_suffix(analysis: Analysis, sentence: Sentence, term: PhaseTerm) -> PhaseTerm:
    """"'engaged' status", "‘Engage’ phase": the noun after the closing quote is the term's."""
    doc = analysis.doc
    quotes = set(analysis.rules.words["quote_marks"])
    j = term.end
    while j < sentence.tok_end and doc[j].text in quotes:
        j += 1
    if term.end < j < sentence.tok_end and doc[j].lower_ in analysis.rules.phases[
            "term_suffixes"]:
        return PhaseTerm(term.phase, term.start, j + 1)
    return term


def _toward(term: PhaseTerm, entering: bool) -> str:
    """The direction relative to Engage of a move into (or out of) this term's phase."""
    return "enter" if entering == (term.phase == "engage") else "exit"


def _ended_after(analysis: Analysis, view: View, term: PhaseTerm, v: Vocabulary) -> Move | None:
    """"… special measures have been lifted", "its time in Engage came to an end"."""
    if term.phase != "engage":
        return None
    after = lower_words(analysis.doc, term.end, min(term.end + HEAD_WORDS, view.sentence.tok_end))
    if not after or not has_phrase(after, v.ph["ended_after"]):
        return None
    stop = next((i for i, w in enumerate(after) if w in v.ph["ended_stops"]), len(after))
    return Move("exit", term.end) if has_phrase(after[:stop] or after[:1],
                                                v.ph["ended_after"]) else None


def _since_entry(analysis: Analysis, view: View, term: PhaseTerm) -> Move | None:
    """"in special measures since June 2022": the state's start is an entry."""
    if term.phase != "engage":
        return None
    for mention in analysis.dates_between(term.end, min(term.end + 4, view.sentence.tok_end)):
        if mention.since:
            return Move("enter", mention.tok_start, since_date=True)
    return None


def _skippable(analysis: Analysis, i: int, v: Vocabulary) -> bool:
    """Words between a cue and its phase term: fillers, and possessors ("His Majesty's")."""
    doc = analysis.doc
    token = doc[i]
    if token.lower_ in v.fillers or token.is_space:
        return True
    return token.is_title and i + 1 < len(doc) and doc[i + 1].lower_ in v.possessives


def _cue_before(analysis: Analysis, view: View, term: PhaseTerm, v: Vocabulary) -> Move | None:
    """The preposition or verb right before the term, past fillers ("moved into the Engage
    phase", "removed from special measures", "left Engage")."""
    doc = analysis.doc
    limit = max(view.sentence.tok_start, term.start - MAX_CLAUSE)
    i = term.start - 1
    while i >= limit and _skippable(analysis, i, v):
        i -= 1
    if i < limit:
        return None
    first = doc[i].lower_
    if first in v.into:
        return _governing_verb(analysis, view, term, i, "in", v)
    if first in v.out_of:
        return _governing_verb(analysis, view, term, i, "out", v)
    if i - 1 >= limit and " ".join(lower_words(doc, i - 1, i + 1)) in v.ph["out_of_phrases"]:
        return _governing_verb(analysis, view, term, i - 1, "out", v)
    if first in v.exits:
        return Move(_toward(term, False), i)
    if first in v.enters:
        return Move(_toward(term, True), i)
    return None


def _is_no_longer(analysis: Analysis, j: int, v: Vocabulary) -> bool:
    return " ".join(lower_words(analysis.doc, j - 1, j + 1)) in v.ph["no_longer"]


def _governing_verb(analysis: Analysis, view: View, term: PhaseTerm, i: int, prep: str,
                    v: Vocabulary) -> Move | None:
    """Looking left from the preposition for the verb that governs it."""
    doc = analysis.doc
    force_tokens = _force_tokens(analysis)
    limit = max(view.sentence.tok_start, i - MAX_CLAUSE)
    j, steps = i - 1, 0
    while j >= limit and steps < MAX_VERB_STEPS:
        token = doc[j]
        word = token.lower_
        if j - 1 >= view.sentence.tok_start and _is_no_longer(analysis, j, v):
            return Move(_toward(term, False), j) if prep == "in" else None
        if word in v.states:
            return None
        if word in v.exits and (word not in v.move_verbs or prep == "out"):
            if prep == "out" or term.phase == "scan":
                return Move(_toward(term, False), j)
            return None
        if word in v.enters and prep == "in":
            return Move(_toward(term, True), j)
        if word in v.move_verbs or (word in v.ph["becoming_states"] and prep == "in"
                                    and _becoming(analysis, j, v)):
            return Move(_toward(term, prep == "in"), j)
        if word in v.stops and j not in view.term_tokens:
            return None
        if not (_skippable(analysis, j, v) or j in view.term_tokens or j in force_tokens
                or word in v.skips or token.is_title):
            steps += 1
        j -= 1
    return None


def _becoming(analysis: Analysis, j: int, v: Vocabulary) -> bool:
    """"will now be subject to enhanced monitoring", "was made subject to special measures":
    a state that begins, unlike "is subject to"."""
    before = lower_words(analysis.doc, max(j - BECOMING_WINDOW, 0), j)
    return any(w in v.ph["becoming_words"] for w in before)


def _force_tokens(analysis: Analysis) -> set[int]:
    if "force_tokens" not in analysis.cache:
        analysis.cache["force_tokens"] = {i for m in analysis.forces
                                          for i in range(m.tok_start, m.tok_end)}
    return analysis.cache["force_tokens"]


def classify(analysis: Analysis, view: View, term: PhaseTerm) -> Move | None:
    """Which way the force moved, read from the words around the phase term."""
    v = vocabulary(analysis)
    return (_ended_after(analysis, view, term, v) or _since_entry(analysis, view, term)
            or _cue_before(analysis, view, term, v))


def _blocked(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """Negated or speculative clause: not a reported move."""
    words = lower_words(analysis.doc, start, end)
    w = analysis.rules.words
    negations = set(w["negations"])
    no_longer = analysis.rules.phases["no_longer"]
    # "no longer" is an exit cue, not a negation.
    words = [x for k, x in enumerate(words)
             if " ".join(words[k:k + 2]) not in no_longer]
    return any(x in negations for x in words) or has_phrase(words, w["modality"])


def _after_decision(analysis: Analysis, start: int, cue: int) -> int:
    """"she hopes the decision to put X under enhanced monitoring …": a decision is taken,
    so the clause that matters for negation and speculation starts after it."""
    phrases = analysis.rules.phases["decision_phrases"]
    for i in range(cue - 2, start - 1, -1):
        if " ".join(lower_words(analysis.doc, i, i + 2)) in phrases:
            return i + 2
    return start


def _relative_antecedent(analysis: Analysis, sentence: Sentence, start: int, end: int
                         ) -> list[str] | None:
    """"…, which left special measures": the clause is about the name just before "which"."""
    doc = analysis.doc
    pronouns = set(analysis.rules.phases["relative_pronouns"])
    relative = [i for i in range(start + 1, end) if doc[i].lower_ in pronouns
                and doc[i - 1].text == ","]
    if not relative:
        return None
    comma = relative[-1] - 1
    antecedent = [m for m in analysis.forces_between(comma - MAX_CLAUSE, comma)
                  if m.tok_end >= comma - 1]
    if not antecedent:
        return None
    mention = antecedent[-1]
    return [mention.force_id] if analysis.usable(mention, sentence) else []


def _subject_it(analysis: Analysis, start: int, end: int) -> bool:
    """"it" is the force only as the subject of the move ("it was removed"), not "It is …"."""
    doc = analysis.doc
    ph = analysis.rules.phases
    pronouns, verbs = set(ph["subject_pronouns"]), set(ph["subject_verbs"])
    not_after = set(ph["not_after_subject_verb"])
    return any(doc[i].lower_ in pronouns and doc[i + 1].lower_ in verbs
               and doc[i + 2].lower_ not in not_after for i in range(max(start, end - 8), end - 2))


def participants(analysis: Analysis, sentence: Sentence, start: int, end: int) -> list[str]:
    """The forces a cue is about: named in its clause, else "the force"/"it", else the only one.
    """
    antecedent = _relative_antecedent(analysis, sentence, start, end)
    if antecedent is not None:
        return antecedent
    mentioned = analysis.forces_between(start, end)
    # A bare place in the clause of a move is the force ("Gloucestershire stepped down from
    # Engage"): no region, council or mayor moves between monitoring phases.
    fire = any(m.kind == "fire" for m in mentioned)
    named = [m for m in mentioned if (analysis.usable(m, sentence) or (
        m.kind == "weak" and not m.compared)) and not (fire and m.kind == "weak")]
    if named:
        return list(dict.fromkeys(m.force_id for m in named))
    if fire:
        return []
    words = lower_words(analysis.doc, start, end)
    ph = analysis.rules.phases
    if has_phrase(words, analysis.rules.words["generic_subjects"]):
        return []
    if has_phrase(words, ph["service_words"]) and analysis.mentions_fire_service and not (
            has_phrase(words, ph["police_service_phrases"])):
        return []  # "the service has been escalated": a fire and rescue service
    if (has_phrase(words, analysis.rules.words["force_anaphors"]) or _subject_it(
            analysis, start, end) or has_phrase(words, ph["first_person"])):
        force = analysis.force_before(end)
        return [force] if force else []
    return []


def _elliptical_exit(analysis: Analysis, view: View, term: PhaseTerm, forces: list[str]
                     ) -> list[tuple[Event, bool]]:
    """"… was moved into Engage in March 2021 and left in July 2022": the exit shares the term.
    """
    doc = analysis.doc
    ph = analysis.rules.phases
    exits, joiners = set(ph["exit_words"]), set(ph["elliptical_joiners"])
    end = min(view.sentence.tok_end - 1, term.end + MAX_CLAUSE)
    v = vocabulary(analysis)
    for i in range(term.end, end):
        if doc[i].lower_ not in exits or not _joined(analysis, i, joiners, v):
            continue
        if view.terms[-1].start > i:
            return []  # the exit names its own phase; classify() reads it
        dates = analysis.dates_between(i + 1, min(i + 6, view.sentence.tok_end))
        if not dates:
            return []
        return [(sentence_event(
            analysis, view.sentence, "phase_change", force_id, event_date=dates[0].value,
            date_precision=dates[0].precision, phase_from="engage", phase_to="scan"), False)
            for force_id in forces]
    return []


def _fronted_subject(analysis: Analysis, sentence: Sentence, term: PhaseTerm) -> list[str]:
    """"Since being placed in special measures in 2022, Kent Police has …": the force named
    right after the fronted clause's comma."""
    doc = analysis.doc
    lead = lower_words(doc, sentence.tok_start, min(term.start, sentence.tok_start + 3))
    if not has_phrase(lead[:2], analysis.rules.phases["fronted_clauses"]):
        return []
    end = min(sentence.tok_end, term.end + MAX_CLAUSE)
    comma = next((i for i in range(term.end, end) if doc[i].text == ","), None)
    if comma is None:
        return []
    after = [m for m in analysis.forces_between(comma + 1, min(comma + 4, end))
             if analysis.usable(m, sentence)]
    return [after[0].force_id] if after else []


def _object_after(analysis: Analysis, sentence: Sentence, term: PhaseTerm, move: Move
                  ) -> list[str]:
    """"The watchdog lifts special measures at Kent Police": an exit verb before the term,
    and the force in the phrase right after it."""
    doc = analysis.doc
    if move.cue >= term.start or term.end >= sentence.tok_end:
        return []
    if doc[term.end].lower_ not in analysis.rules.phases["object_preps"]:
        return []
    after = [m for m in analysis.forces_between(term.end + 1, min(term.end + 4,
                                                                  sentence.tok_end))
             if analysis.usable(m, sentence)]
    return [after[0].force_id] if after else []


def _joined(analysis: Analysis, i: int, joiners: set[str], v: Vocabulary) -> bool:
    """Whether an exit word follows a joiner, past auxiliaries and movement verbs ("and
    left", "and came out", "and was removed")."""
    doc = analysis.doc
    for j in range(i - 1, max(i - 4, 0) - 1, -1):
        word = doc[j].lower_
        if word in joiners:
            return True
        if word not in v.fillers and word not in v.move_verbs:
            return False
    return False


def _listed_after(analysis: Analysis, sentence: Sentence, start: int, term: PhaseTerm
                  ) -> list[str]:
    """"Several forces have been escalated to Engage this year, including X and Y"."""
    doc = analysis.doc
    ph = analysis.rules.phases
    if not has_phrase(lower_words(doc, start, term.start), ph["plural_subjects"]):
        return []
    end = min(sentence.tok_end, term.end + MAX_CLAUSE)
    if not has_phrase(lower_words(doc, term.end, end), ph["list_markers"]):
        return []
    named = [m for m in analysis.forces_between(term.end, end)
             if analysis.usable(m, sentence) or m.kind == "strong"]
    return list(dict.fromkeys(m.force_id for m in named))


def _is_current(analysis: Analysis, words: list[str]) -> bool:
    """Whether an undated move is today's news ("has been removed", "is to be placed")."""
    ph = analysis.rules.phases
    return any(w in vocabulary(analysis).current for w in words) or has_phrase(
        words, ph["current_phrases"])


def is_heading(analysis: Analysis, sentence: Sentence) -> bool:
    """A headline, sub-heading or link title (see Analysis.is_heading)."""
    return analysis.is_heading(sentence)


@dataclass
class Anchors:
    """Cue spans competing for a sentence's dates, sorted for lookups near a date."""

    spans: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    longest: int = 0

    def __post_init__(self) -> None:
        self.spans = sorted(set(self.spans))
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that may come within (start, end) of a token range."""
        lo = bisect_left(self.starts, start - self.longest)
        return self.spans[lo:bisect_right(self.starts, end)]


def _counted(analysis: Analysis) -> list[int]:
    """Prefix counts of the tokens that separate a date from a cue: an aside in brackets
    ("(referred to as 'special measures')") and quote marks do not."""
    if "counted" not in analysis.cache:
        doc = analysis.doc
        words = analysis.rules.words
        opening, closing = words["asides"]
        strings = doc.vocab.strings
        lower, space = doc.to_array([LOWER, IS_SPACE]).T if len(doc) else ([], [])
        opens = numpy.asarray(lower) == strings.add(opening)
        closes = numpy.asarray(lower) == strings.add(closing)
        quotes = numpy.isin(lower, numpy.array([strings.add(q) for q in words["quote_marks"]],
                                               dtype=numpy.uint64))
        depth = numpy.cumsum(opens.astype(numpy.int64) - closes.astype(numpy.int64))
        counted = ~opens & ~closes & ~quotes & (numpy.asarray(space) == 0) & (depth <= 0)
        analysis.cache["counted"] = [0] + numpy.cumsum(counted).tolist()
    return analysis.cache["counted"]


def _distance(analysis: Analysis, mention: DateMention, span: tuple[int, int]) -> int:
    counts = _counted(analysis)
    if mention.tok_start >= span[1]:
        return counts[mention.tok_start] - counts[span[1]]
    if mention.tok_end <= span[0]:
        return counts[span[0]] - counts[mention.tok_end] + 1
    return 0


def _since_when(analysis: Analysis, mention: DateMention) -> bool:
    """"since 2022, when the force was placed into Engage": the when-clause's date."""
    after = lower_words(analysis.doc, mention.tok_end, mention.tok_end + 2)
    relatives = analysis.rules.phases["since_relatives"]
    return any(w in relatives for w in after)


def closest_date(analysis: Analysis, sentence: Sentence, anchor: tuple[int, int],
                 anchors: Anchors, resolved: bool = True, skip_labels: tuple[str, ...] = (),
                 limit: int = MAX_DATE_DISTANCE, skip: DateMention | None = None
                 ) -> DateMention | None:
    """The sentence's date phrase closest to this cue, unless another cue is closer to it.

    Anchors are token spans (cue start, phrase end); a date after a phrase is measured from
    its end ("placed into special measures last December"), a date before it from its start.
    A "since" date is the start of a period, not the date of a move, unless a when-clause
    follows it. With resolved=False, phrases that resolve to no date count too, except
    those of skip_labels; `skip` is a phrase already taken.
    """
    lo = max(sentence.tok_start, anchor[0] - 3 * limit)
    hi = min(sentence.tok_end, anchor[1] + 3 * limit)
    phrases = analysis.date_phrases_between(lo, hi)
    best = None
    for mention in phrases:
        if (resolved and mention.value is None) or mention.label in skip_labels or (
                mention is skip) or (mention.since and not _since_when(analysis, mention)):
            continue
        own = _distance(analysis, mention, anchor)
        if own > limit:
            continue
        reach = mention.tok_end - mention.tok_start + 3 * limit
        rivals = anchors.near(mention.tok_start - reach, mention.tok_end + reach)
        if any(_distance(analysis, mention, other) < own for other in rivals
               if other != anchor):
            continue
        if best is None or own < best[0]:
            best = (own, mention)
    return best[1] if best else None


def choose_date(analysis: Analysis, sentence: Sentence, anchor: tuple[int, int],
                anchors: Anchors | list[tuple[int, int]]
                ) -> tuple[date | None, str | None] | None:
    """(date, precision) of the closest resolved date phrase (see closest_date), or None."""
    if not isinstance(anchors, Anchors):
        anchors = Anchors(list(anchors))
    mention = closest_date(analysis, sentence, anchor, anchors)
    return (mention.value, mention.precision) if mention else None


def _clause(analysis: Analysis, view: View, term: PhaseTerm, move: Move
            ) -> tuple[int, int] | None:
    """The clause a move is read in (for its subject), or None when it is negated,
    speculative or hypothetical."""
    doc = analysis.doc
    sentence = view.sentence
    breaks = set(analysis.rules.words["clause_breaks"])
    first = min(move.cue, term.start)
    start = max(clause_start(doc, sentence.tok_start, first, breaks), first - MAX_CLAUSE)
    decided = _after_decision(analysis, start, move.cue)
    if _blocked(analysis, sentence, decided, max(move.cue, term.end)):
        return None
    rest_end = min(clause_end(doc, sentence.tok_end, term.end, breaks), term.end + HEAD_WORDS + 2)
    if decided == start and has_phrase(lower_words(doc, term.end, rest_end),
                                       analysis.rules.words["hypothetical_after"]):
        return None  # after "the decision to …" the words that follow are the main clause's
    end = max(term.start, move.cue)
    if move.cue >= term.end:  # "special measures have been lifted for Cleveland Police"
        end = min(clause_end(doc, sentence.tok_end, term.end, breaks), term.end + MAX_CLAUSE)
    return start, end


def _move_date(analysis: Analysis, view: View, term: PhaseTerm, move: Move, start: int,
               anchors: Anchors, listed: bool) -> tuple[tuple[date | None, str | None], bool]:
    """The move's date and whether it was inferred rather than read next to the cue.

    An undated move is today's news (the publication date) in a headline, the lead, a
    heading or a present-tense clause; a background recap, or one of several forces listed
    under one move, has no date that can be known.
    """
    own = (min(move.cue, term.start), max(move.cue + 1, term.end))
    if move.since_date:  # "in special measures since June 2022": entered then
        mention = next(d for d in analysis.dates if d.tok_start == move.cue)
    else:
        mention = closest_date(analysis, view.sentence, own, anchors)
    if mention is not None:
        return (mention.value, mention.precision), False
    words = lower_words(analysis.doc, start, term.end)
    background = has_phrase(words, analysis.rules.words["background"])
    current = _is_current(analysis, words) or view.sentence.index <= 2 or is_heading(
        analysis, view.sentence)
    if listed or background or not current:
        return (None, None), True
    reference, precision = analysis.reference
    return (reference, precision if reference else None), True


def _move_events(analysis: Analysis, view: View, term: PhaseTerm, move: Move,
                 anchors: Anchors) -> list[tuple[Event, bool]]:
    clause = _clause(analysis, view, term, move)
    if clause is None:
        return []
    start, end = clause
    forces = participants(analysis, view.sentence, start, end) or _fronted_subject(
        analysis, view.sentence, term) or _object_after(analysis, view.sentence, term, move)
    listed = not forces
    if listed:
        forces = _listed_after(analysis, view.sentence, start, term)
    if not forces:
        return []
    (event_date, precision), inferred = _move_date(analysis, view, term, move, start, anchors,
                                                   listed)
    found = _elliptical_exit(analysis, view, term, forces) if move.direction == "enter" else []
    phase_from, phase_to = ("scan", "engage") if move.direction == "enter" else (
        "engage", "scan")
    for force_id in forces:
        if not analysis.toolkit.gazetteer.engage_applies.get(force_id, True):
            continue
        found.append((sentence_event(
            analysis, view.sentence, "phase_change", force_id, event_date=event_date,
            date_precision=precision, phase_from=phase_from, phase_to=phase_to), inferred))
    return found


def extract_phase_changes(analysis: Analysis) -> list[Event]:
    found: list[tuple[Event, bool]] = []
    for sentence in analysis.sentences:
        terms = phase_terms(analysis, sentence)
        if not terms:
            continue
        view = View(sentence, terms)
        moves = [(t, classify(analysis, view, t)) for t in terms]
        spans = [(min(m.cue, t.start), max(m.cue + 1, t.end)) for t, m in moves if m]
        spans += [(s, e) for _, s, e in analysis.matches_in("inspections", sentence)]
        anchors = Anchors(spans)
        for term, move in moves:
            if move is not None:
                found += _move_events(analysis, view, term, move, anchors)
    return _merge(found)


def _contains(coarse: Event, fine: Event) -> bool:
    if coarse.event_date is None or fine.event_date is None:
        return False
    order = {"year": 0, "month": 1, "day": 2}
    if order[coarse.date_precision] >= order[fine.date_precision]:
        return False
    if coarse.date_precision == "year":
        return coarse.event_date.year == fine.event_date.year
    return (coarse.event_date.year, coarse.event_date.month) == (
        fine.event_date.year, fine.event_date.month)


def _merge(found: list[tuple[Event, bool]]) -> list[Event]:
    """One event per force, direction and date.

    A mention dated only by the publication-date rule, an undated one, or a coarser one
    ("in 2023") joins a mention of the same move that the text dates more precisely.
    """
    def key(e: Event) -> tuple:
        return e.force_id, e.phase_from, e.phase_to

    dated = {key(e) for e, inferred in found if not inferred and e.event_date is not None}
    kept: dict[tuple, list[Event]] = {}
    for event, inferred in found:
        same = kept.setdefault(key(event), [])
        if inferred and key(event) in dated:
            continue
        if any((k.event_date, k.date_precision) == (event.event_date, event.date_precision)
               for k in same):
            continue
        if event.event_date is None and same:
            continue
        if any(_contains(event, k) for k in same):
            continue
        same[:] = [k for k in same if not (k.event_date is None or _contains(k, event))]
        same.append(event)
    return sorted((e for events in kept.values() for e in events), key=lambda e: e.char_start)
