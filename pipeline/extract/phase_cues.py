"""Phase terms and the direction of a move, read from the words around each term.

A phase is named by a term of rules/phases.yaml ("special measures", "routine monitoring")
or a bare "Engage"/"Scan" used as a noun. The direction comes from an ending after the term
("… have been lifted"), a "since" date, or the preposition and verb before it ("moved into",
"removed from", "left"). Every window is bounded (MAX_CLAUSE tokens) and a sentence's terms
are looked up once, so a sentence costs time in proportion to its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum, auto

from pipeline.codes import Phase
from pipeline.extract.clauses import has_phrase, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.lexicon import lexicon

MAX_CLAUSE = 60  # tokens read left of a cue for its clause (subject, negation, verb)
MAX_VERB_STEPS = 7  # content words passed looking left from a preposition for its verb
HEAD_WORDS = 8  # tokens read after a phase term for "… have been lifted"
CLOSING_REACH = 12  # tokens before a phase term for "brought to a close Kent Police's time in"
SINCE_REACH = 4  # tokens after a phase term where "since <date>" may start
BECOMING_WINDOW = 3  # tokens before "subject" read for "will be", "was made", "became"
PRONOUN_VERB_REACH = 3  # tokens before "in them" where its movement verb may stand
DESCRIPTION_REACH = 3  # sentences back where the phase "the process" stands for is named
RELATIVE_REACH = 4  # tokens after "where" where its movement verb or "since" may stand
FRONTED_REACH = 12  # tokens from "which" to the comma that closes its clause
STATE_REACH = 4  # tokens from that comma's state word to the phase term ("remains under")
PHASE_MATCHER = "phase_terms"  # the Matchers field whose labels are Phase codes


class Direction(StrEnum):
    """Which way a force moved, always relative to Engage (rules/phases.yaml
    `standalone_moves` names these)."""

    ENTER = auto()
    EXIT = auto()


class Toward(StrEnum):
    """What a preposition before a phase term says: a move into the phase, or out of it."""

    IN = auto()
    OUT = auto()


@dataclass
class Move:
    direction: Direction
    cue: int  # token index of the cue
    since_date: bool = False
    dated: tuple[date, str] | None = None  # the date read with the cue (a stay's end)


@dataclass
class PhaseTerm:
    phase: Phase
    start: int  # token offsets
    end: int
    move: Move | None = None  # a pro-form's move, read where it was found ("placed there")


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
    becoming: frozenset  # states that begin, before an Engage term


_VOCABULARIES: dict[str, Vocabulary] = {}


def vocabulary(analysis: Analysis) -> Vocabulary:
    rules = analysis.rules
    if rules.version not in _VOCABULARIES:
        ph = rules.phases
        _VOCABULARIES[rules.version] = Vocabulary(
            ph=ph, fillers=frozenset(ph.fillers), into=frozenset(ph.into_preps),
            out_of=frozenset(ph.out_of_preps), move_verbs=frozenset(ph.move_verbs),
            exits=frozenset(ph.exit_words), enters=frozenset(ph.enter_words),
            states=frozenset(ph.state_words), possessives=frozenset(ph.possessives),
            skips=frozenset(ph.verb_search_skips) | frozenset(ph.into_preps)
            | frozenset(ph.out_of_preps), stops=frozenset(ph.verb_search_stops),
            current=frozenset(ph.current_words), negations=frozenset(rules.words.negations),
            becoming=frozenset(ph.becoming_states) | frozenset(ph.becoming_engage_states))
    return _VOCABULARIES[rules.version]


@dataclass
class View:
    """One sentence's phase terms, looked up once for every term in it."""

    sentence: Sentence
    terms: list[PhaseTerm]
    term_tokens: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.term_tokens = {i for t in self.terms for i in range(t.start, t.end)}


def _bare_terms(analysis: Analysis, sentence: Sentence, covered: set[int]) -> list[PhaseTerm]:
    """A bare "Engage"/"Scan" is a phase as a noun: after a preposition, or capitalised."""
    ph = analysis.rules.phases
    found = analysis.positions_in(ph.bare_phase_words, sentence)
    if not found:
        return []
    doc = analysis.doc
    preceders, not_followed = set(ph.bare_phase_preceders), set(ph.bare_phase_not_followed_by)
    never = set(ph.bare_phase_never_followed_by)
    not_after = set(ph.capitalised_phase_not_after)
    out = []
    for i in found:
        token = doc[i]
        if i in covered:
            continue
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        prev = doc[i - 1].lower_ if i > sentence.tok_start else ""
        follows = lower_words(doc, i + 1, min(i + 4, sentence.tok_end))
        noun_next = any(" ".join(follows).startswith(f) for f in ph.bare_phase_noun_followers)
        if nxt in never and prev not in ph.bare_phase_noun_preceders and not noun_next:
            continue
        named = token.text[0].isupper() and prev not in not_after and not token.is_sent_start
        if prev in preceders or (named and nxt not in not_followed):
            out.append(PhaseTerm(Phase(ph.bare_phase_words[token.lower_]), i, i + 1))
    return out


def bare_engage_tokens(analysis: Analysis) -> list[int]:
    """The tokens where a bare "Engage" names the phase in any casing ("moved into engage",
    "left ENGAGE"), read as the phase reader reads them, found once per document."""
    if bare_engage_tokens not in analysis.cache:
        words = analysis.rules.phases.bare_phase_words
        found = sorted({analysis.token_sentence[i] for i in analysis.positions(words)})
        analysis.cache[bare_engage_tokens] = [
            t.start for index in found
            for t in _bare_terms(analysis, analysis.sentences[index], set())
            if t.phase == Phase.ENGAGE]
    return analysis.cache[bare_engage_tokens]


def _pronoun_terms(analysis: Analysis, sentence: Sentence, terms: list[PhaseTerm]
                   ) -> list[PhaseTerm]:
    """"… out of special measures, fourteen months after the force was placed in them": a
    pronoun after a movement verb and its preposition, later in a sentence that names a
    phase, stands for that phase."""
    if not terms:
        return []
    out = []
    for i in analysis.positions_in(list(analysis.rules.phases.phase_pronouns), sentence):
        before = [t for t in terms if t.end <= i]
        if before and _moved_to(analysis, i):
            out.append(PhaseTerm(before[-1].phase, i, i + 1))
    return out


def _moved_to(analysis: Analysis, i: int) -> bool:
    """Whether the words before token i move something to or from what i names: an exit or
    entry word ("has now left it"), or a movement verb and its preposition ("was placed in
    them", "was taken out of it")."""
    doc, ph = analysis.doc, analysis.rules.phases
    if i <= 0:
        return False
    if doc[i - 1].lower_ in set(ph.exit_words) | set(ph.enter_words):
        return True
    prep = next((i - len(p.split()) for p in ph.out_of_phrases
                 if lower_words(doc, i - len(p.split()), i) == p.split()), None)
    if prep is None and doc[i - 1].lower_ in set(ph.into_preps) | set(ph.out_of_preps):
        prep = i - 1
    return prep is not None and bool(set(ph.move_verbs) & set(
        lower_words(doc, prep - PRONOUN_VERB_REACH, prep)))


def _description_terms(analysis: Analysis, sentence: Sentence, terms: list[PhaseTerm]
                       ) -> list[PhaseTerm]:
    """"The Met entered special measures in June, while Wiltshire was moved into the process
    in the autumn": a definite description of a phase (`phase_descriptions`) right after a
    movement verb's preposition, or an exit or entry word, stands for the phase named before
    it in the sentence, or in the sentence before."""
    ph = analysis.rules.phases
    heads = {d.split()[-1] for d in ph.phase_descriptions}
    found = analysis.positions_in(list(heads), sentence)
    if not found:
        return []
    earlier = [t for k in range(max(sentence.index - DESCRIPTION_REACH, 0), sentence.index)
               if analysis.sentences[k].paragraph >= sentence.paragraph - DESCRIPTION_REACH
               for t in _named_terms(analysis, analysis.sentences[k])]
    out = []
    for end in (i + 1 for i in found):
        start = next((end - len(d.split()) for d in ph.phase_descriptions
                      if lower_words(analysis.doc, end - len(d.split()), end) == d.split()),
                     None)
        before = [t for t in terms if t.end <= end] or earlier
        if start is None or start <= sentence.tok_start or not before or not _moved_to(
                analysis, start):
            continue
        into = analysis.doc[start - 1].lower_ in set(ph.into_preps) | set(ph.enter_words)
        engaged = [t for t in before if t.phase == Phase.ENGAGE]
        named = engaged[-1] if into and engaged and not terms else before[-1]
        out.append(PhaseTerm(named.phase, start, end))
    return out


def _into(phase: Phase) -> Direction:
    return Direction.ENTER if phase == Phase.ENGAGE else Direction.EXIT


def _named_terms(analysis: Analysis, sentence: Sentence) -> list[PhaseTerm]:
    terms = [PhaseTerm(Phase(label), s, e)
             for label, s, e in analysis.matches_in(PHASE_MATCHER, sentence)]
    covered = {i for t in terms for i in range(t.start, t.end)}
    return terms + _bare_terms(analysis, sentence, covered)


def _locative_terms(analysis: Analysis, sentence: Sentence, terms: list[PhaseTerm]
                    ) -> list[PhaseTerm]:
    """"Greater Manchester Police, which was placed there in 2020, …": "there" right after a
    movement verb is the phase named before it in the sentence, or in the sentence before."""
    ph = analysis.rules.phases
    found = analysis.positions_in(list(ph.phase_locatives), sentence)
    if not found:
        return []
    doc = analysis.doc
    v = vocabulary(analysis)
    earlier = _named_terms(analysis, analysis.sentences[sentence.index - 1]) if (
        sentence.index) else []
    out = []
    for i in found:
        before = [t for t in terms if t.end <= i] or earlier
        verb = doc[i - 1].lower_ if i > sentence.tok_start else ""
        if before and verb in v.move_verbs and verb not in v.exits and not _prep_after(
                analysis, i, v):
            phase = before[-1].phase
            out.append(PhaseTerm(phase, i, i + 1, Move(_into(phase), i - 1)))
    return out


def _relative_terms(analysis: Analysis, sentence: Sentence, terms: list[PhaseTerm]
                    ) -> list[PhaseTerm]:
    """"Sussex Police remains in Engage, where it was placed in 2022": "where" after the term
    opens a clause whose movement verb (or "since <date>") tells the move into it."""
    doc = analysis.doc
    v = vocabulary(analysis)
    out = []
    for term in terms:
        j = term.end + (term.end < sentence.tok_end and doc[term.end].text == ",")
        if j >= sentence.tok_end or doc[j].lower_ not in v.ph.phase_relatives:
            continue
        end = min(sentence.tok_end, j + 1 + RELATIVE_REACH)
        since = [d for d in analysis.dates_between(j + 1, end) if d.since]
        if since and term.phase == Phase.ENGAGE:
            move = Move(Direction.ENTER, since[0].tok_start, since_date=True)
            out.append(PhaseTerm(term.phase, j, j + 1, move))
            continue
        for k in range(j + 1, end):
            word = doc[k].lower_
            if word in v.stops:
                break
            if word in v.move_verbs and word not in v.exits and not _prep_after(analysis, k, v):
                out.append(PhaseTerm(term.phase, j, j + 1, Move(_into(term.phase), k)))
                break
    return out


def _fronted_relative_terms(analysis: Analysis, sentence: Sentence, terms: list[PhaseTerm]
                            ) -> list[PhaseTerm]:
    """"South Wales Police, which was escalated in April last year, remains under enhanced
    monitoring": a relative clause on the force holds a movement verb and its date but no
    phase, and the main clause says the force is still in one, so the verb moved it there.
    Read only in that shape: a force, a comma and a relative pronoun (`fronted_relatives`),
    a movement verb with no place of its own, a comma, a state word and the phase term."""
    doc = analysis.doc
    v = vocabulary(analysis)
    openers = set(v.ph.fronted_relatives)
    out = []
    for term in terms:
        comma = _state_comma(analysis, sentence, term, v)
        floor = max(sentence.tok_start + 1, comma - FRONTED_REACH) if comma else 0
        opener = next((k for k in range(comma - 1, floor - 1, -1)
                       if doc[k].lower_ in openers), None) if comma else None
        if opener is None or doc[opener - 1].text != "," or any(
                opener < t.start < comma for t in terms):
            continue  # no relative clause, or one that names a phase of its own
        turning = v.move_verbs - v.exits if term.phase == Phase.ENGAGE else v.move_verbs
        verb = next((k for k in range(opener + 1, comma) if doc[k].lower_ in turning), None)
        if verb is not None and not _prep_after(analysis, verb, v):
            out.append(PhaseTerm(term.phase, verb, verb + 1, Move(_into(term.phase), verb)))
    return out


def _state_comma(analysis: Analysis, sentence: Sentence, term: PhaseTerm, v: Vocabulary
                 ) -> int | None:
    """The comma before "remains under <term>": a state word, a preposition and fillers
    before the term, and a comma right before the state word."""
    doc = analysis.doc
    i, stated = term.start - 1, False
    floor = max(sentence.tok_start + 1, term.start - STATE_REACH)
    while i >= floor and doc[i].text != "," and (
            doc[i].lower_ in v.fillers or doc[i].lower_ in v.into or doc[i].lower_ in v.states):
        stated = stated or doc[i].lower_ in v.states
        i -= 1  # "remains under", "is still in"
    return i if stated and i >= floor and doc[i].text == "," else None


def _prep_after(analysis: Analysis, k: int, v: Vocabulary) -> bool:
    """Whether a preposition that is not a date's ("in 2022") follows the verb, past
    fillers: then the verb has its own place ("moved there from Essex")."""
    doc = analysis.doc
    k += 1
    while k < len(doc) and doc[k].lower_ in v.fillers:
        k += 1
    if k >= len(doc) or not (doc[k].lower_ in v.into or doc[k].lower_ in v.out_of):
        return False
    # The date phrase may run on past the preposition's next word ("in April last year").
    dated = analysis.date_phrases_between(k, len(doc))
    return not (dated and dated[0].tok_start <= k + 1)


def phase_terms(analysis: Analysis, sentence: Sentence) -> list[PhaseTerm]:
    """The sentence's phase terms, longest first where two overlap (read once per sentence)."""
    if sentence.index not in _term_sentences(analysis):
        return []
    key = (phase_terms, sentence.index)
    if key not in analysis.cache:
        analysis.cache[key] = _phase_terms(analysis, sentence)
    return analysis.cache[key]


def _term_sentences(analysis: Analysis) -> set[int]:
    """The sentences a phase term or a bare phase word starts in, and the sentence after
    each, found once per document: no other sentence has a term (a pronoun or "there"
    stands for a phase only in the sentence that names it or the one after)."""
    if _term_sentences not in analysis.cache:
        starts = [s for _, s, _ in analysis.matches(PHASE_MATCHER)]
        starts += analysis.positions(analysis.rules.phases.bare_phase_words)
        starts += analysis.positions([d.split()[-1]
                                      for d in analysis.rules.phases.phase_descriptions])
        named = {analysis.token_sentence[i] for i in starts}
        analysis.cache[_term_sentences] = named | {i + 1 for i in named}
    return analysis.cache[_term_sentences]


def _phase_terms(analysis: Analysis, sentence: Sentence) -> list[PhaseTerm]:
    terms = _named_terms(analysis, sentence)
    terms += _pronoun_terms(analysis, sentence, terms)
    terms += _description_terms(analysis, sentence, terms)
    terms += _locative_terms(analysis, sentence, terms) + _relative_terms(analysis, sentence,
                                                                          terms)
    terms += _fronted_relative_terms(analysis, sentence, terms)
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
    quotes = set(analysis.rules.words.quote_marks)
    j = term.end
    while j < sentence.tok_end and doc[j].text in quotes:
        j += 1
    if term.end < j < sentence.tok_end and doc[j].lower_ in analysis.rules.phases.term_suffixes:
        return PhaseTerm(term.phase, term.start, j + 1)
    return term


def _toward(term: PhaseTerm, entering: bool) -> Direction:
    """The direction relative to Engage of a move into (or out of) this term's phase."""
    return Direction.ENTER if entering == (term.phase == Phase.ENGAGE) else Direction.EXIT


def _ended_after(analysis: Analysis, view: View, term: PhaseTerm, v: Vocabulary) -> Move | None:
    """"… special measures have been lifted", "its time in Engage came to an end"."""
    if term.phase != Phase.ENGAGE:
        return None
    after = lower_words(analysis.doc, term.end, min(term.end + HEAD_WORDS, view.sentence.tok_end))
    if _closed(analysis, view, term, after, v):
        return Move(Direction.EXIT, term.end)
    if not after or not has_phrase(after, v.ph.ended_after):
        return None
    stop = next((i for i, w in enumerate(after) if w in v.ph.ended_stops), len(after))
    return Move(Direction.EXIT, term.end) if has_phrase(after[:stop] or after[:1],
                                                v.ph.ended_after) else None


def _begun_after(analysis: Analysis, view: View, term: PhaseTerm, v: Vocabulary
                 ) -> Move | None:
    """"Special measures were imposed on Kent Police in 2021": the words right after the
    term start it."""
    if term.phase != Phase.ENGAGE:
        return None
    after = lower_words(analysis.doc, term.end, min(term.end + HEAD_WORDS, view.sentence.tok_end))
    stop = next((i for i, w in enumerate(after) if w in v.ph.ended_stops), len(after))
    words = after[:stop]
    found = any(" ".join(words[:n]) in v.ph.begun_after for n in range(1, len(words) + 1))
    return Move(Direction.ENTER, term.end) if found else None


def _closed(analysis: Analysis, view: View, term: PhaseTerm, after: list[str], v: Vocabulary
            ) -> bool:
    """"HMICFRS has brought its enhanced oversight of Norfolk Constabulary to a close": a
    closing verb right before the term (past fillers) and the closing words after it; or
    both before it, the ended stay after them ("bringing to an end two years in Engage")."""
    if _closing_before(analysis, view, term, v):
        return True
    i = term.start - 1
    while i > view.sentence.tok_start and _skippable(analysis, i, v):
        i -= 1
    if i < view.sentence.tok_start or analysis.doc[i].lower_ not in v.ph.closing_verbs:
        return False
    stop = next((k for k, w in enumerate(after) if w in v.ph.ended_stops), len(after))
    return has_phrase(after[:stop], v.ph.closing_words)


def _closing_before(analysis: Analysis, view: View, term: PhaseTerm, v: Vocabulary) -> bool:
    """"… bringing to a close its time in the Engage phase": the closing verb and its
    closing words a few words before the term, in the same clause."""
    start = max(view.sentence.tok_start, term.start - CLOSING_REACH)
    words = lower_words(analysis.doc, start, term.start)
    breaks = set(v.ph.ended_stops)
    for k in range(len(words) - 1, -1, -1):
        if words[k] in breaks:
            return False
        if words[k] in v.ph.closing_verbs and has_phrase(words[k + 1 :], v.ph.closing_words):
            return True
    return False


def _since_entry(analysis: Analysis, view: View, term: PhaseTerm) -> Move | None:
    """"in special measures since June 2022": the state's start is an entry."""
    if term.phase != Phase.ENGAGE:
        return None
    v = vocabulary(analysis)
    reach, words = term.end, 0
    while reach < view.sentence.tok_end and words < SINCE_REACH:
        # fillers do not count: "in the Engage phase of the inspectorate's monitoring since"
        words += not _skippable(analysis, reach, v)
        reach += 1
    for mention in analysis.dates_between(term.end, view.sentence.tok_end):
        if mention.tok_start >= reach:
            break
        if mention.since:
            return Move(Direction.ENTER, mention.tok_start, since_date=True)
    return None


def _until_exit(analysis: Analysis, view: View, term: PhaseTerm, v: Vocabulary) -> Move | None:
    """"Kent Police remained in special measures until March 2024": a stay that ended on a
    date already past is an exit then."""
    if term.phase != Phase.ENGAGE:
        return None
    doc = analysis.doc
    for j in range(term.end, min(term.end + SINCE_REACH, view.sentence.tok_end)):
        if doc[j].lower_ in v.ph.until_words:
            dates = analysis.dates_between(j, min(j + SINCE_REACH, view.sentence.tok_end))
            reference = analysis.reference[0]
            if dates and dates[0].tok_start <= j + 1 and reference is not None and (
                    dates[0].value <= reference):
                return Move(Direction.EXIT, j)
            return None
        if not _skippable(analysis, j, v):
            return None
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
        return _governing_verb(analysis, view, term, i, Toward.IN, v)
    if first in v.out_of:
        return _governing_verb(analysis, view, term, i, Toward.OUT, v)
    if i - 1 >= limit and " ".join(lower_words(doc, i - 1, i + 1)) in v.ph.out_of_phrases:
        return _governing_verb(analysis, view, term, i - 1, Toward.OUT, v)
    if first in v.exits or (i - 1 >= limit and " ".join(lower_words(doc, i - 1, i + 1))
                            in v.ph.exit_phrases):
        return Move(_toward(term, False), i)
    if first in v.ph.no_longer_verbs and i - 1 >= limit and _is_no_longer(analysis, i - 1, v):
        return Move(Direction.EXIT, i) if term.phase == Phase.ENGAGE else None
    if first in v.enters:
        return Move(_toward(term, True), i)
    return None


def _is_no_longer(analysis: Analysis, j: int, v: Vocabulary) -> bool:
    return " ".join(lower_words(analysis.doc, j - 1, j + 1)) in v.ph.no_longer


def _governing_verb(analysis: Analysis, view: View, term: PhaseTerm, i: int, prep: Toward,
                    v: Vocabulary) -> Move | None:
    """Looking left from the preposition for the verb that governs it."""
    doc = analysis.doc
    force_tokens = _force_tokens(analysis)
    limit = max(view.sentence.tok_start, i - MAX_CLAUSE)
    j, steps, crossed = i - 1, 0, False
    past_term = subject = False
    while j >= limit and steps < MAX_VERB_STEPS:
        token = doc[j]
        word = token.lower_
        crossed = crossed or j in view.term_tokens
        past_term = past_term or j in view.term_tokens
        # A force between the term and another phase term before it is the subject of a
        # clause of its own ("moved into Engage in May and Essex Police has been in Scan"):
        # the verb before the other term is not this term's.
        subject = subject or (j in force_tokens and not past_term)
        if j - 1 >= view.sentence.tok_start and _is_no_longer(analysis, j, v):
            return Move(_toward(term, False), j) if prep == Toward.IN else None
        if word in v.states:
            return None
        # Past another phase term, an exit word is that term's ("moved out of Engage and
        # back to routine monitoring"), and past a list of forces an entry word has them
        # as its object ("joins Kent, Essex and Surrey in Engage"): only a movement verb
        # is read.
        if word in v.exits and not crossed and (word not in v.move_verbs
                                                or prep == Toward.OUT):
            if prep == Toward.OUT or term.phase == Phase.SCAN:
                return Move(_toward(term, False), j)
            return None
        if word in v.enters and prep == Toward.IN and not crossed:
            return Move(_toward(term, True), j)
        states = v.ph.becoming_states if term.phase == Phase.SCAN else v.becoming
        if word in v.move_verbs and past_term and subject:
            return None
        if word in v.move_verbs or (word in states and prep == Toward.IN
                                    and _becoming(analysis, j, v)):
            return Move(_toward(term, prep == Toward.IN), j)
        if word in v.stops and j not in view.term_tokens:
            if not _listing(analysis, j, force_tokens):
                return None
            crossed = True  # only a verb that takes the listed forces as its object
        if not (_skippable(analysis, j, v) or j in view.term_tokens or j in force_tokens
                or word in v.skips or token.is_title):
            steps += 1
        j -= 1
    return _headline_exit(analysis, view, term, i, prep)


def _headline_exit(analysis: Analysis, view: View, term: PhaseTerm, i: int, prep: Toward
                   ) -> Move | None:
    """"Kent Police out of special measures after two years": a headline with no verb, the
    force right before the preposition, reports the move out; so does "Kent Police is now
    out of special measures" anywhere."""
    if prep != Toward.OUT or i == 0:
        return None
    j = i - 1
    copulas = set(analysis.rules.phases.out_copulas)
    while j > view.sentence.tok_start and analysis.doc[j].lower_ in copulas:
        j -= 1
    if j not in _force_tokens(analysis) or (j == i - 1 and not analysis.is_heading(
            view.sentence)):
        return None
    return Move(_toward(term, False), i)


def _listing(analysis: Analysis, j: int, force_tokens: set[int]) -> bool:
    """A comma between two forces of a list ("returned Kent Police, Essex Police and the
    Metropolitan Police Service to routine monitoring") does not end the verb's clause."""
    doc = analysis.doc
    after = j + 1
    while after < len(doc) and doc[after].lower_ in lexicon(analysis.rules).determiners:
        after += 1
    return j - 1 in force_tokens and after in force_tokens


def _becoming(analysis: Analysis, j: int, v: Vocabulary) -> bool:
    """"will now be subject to enhanced monitoring", "was made subject to special measures",
    "will now monitor the force under Engage": a state that begins, unlike "is subject to"
    or "will continue to monitor"."""
    before = lower_words(analysis.doc, max(j - BECOMING_WINDOW, 0), j)
    return any(w in v.ph.becoming_words for w in before) and not any(
        w in v.states for w in before)


def _force_tokens(analysis: Analysis) -> set[int]:
    if _force_tokens not in analysis.cache:
        analysis.cache[_force_tokens] = {i for m in analysis.forces
                                         for i in range(m.tok_start, m.tok_end)}
    return analysis.cache[_force_tokens]


def standalone_moves(analysis: Analysis, view: View, moves: list[Move]
                     ) -> list[tuple[PhaseTerm, Move]]:
    """"… the concerns that led to its escalation 18 months ago": a noun that names a move
    into Engage by itself, after a possessive, in a sentence about the monitoring phases;
    the noun stands for its own phase term."""
    ph = analysis.rules.phases
    doc = analysis.doc
    cues = {m.cue for m in moves}
    determiners = set(ph.standalone_determiners)
    out = []
    for i in analysis.positions_in(list(ph.standalone_moves), view.sentence):
        if i in cues or i in view.term_tokens or i == view.sentence.tok_start or (
                doc[i - 1].lower_ not in determiners):
            continue
        out.append((PhaseTerm(Phase.ENGAGE, i, i + 1),
                    Move(Direction(ph.standalone_moves[doc[i].lower_]), i)))
    return out


def classify(analysis: Analysis, view: View, term: PhaseTerm) -> Move | None:
    """Which way the force moved, read from the words around the phase term."""
    if term.move is not None:
        return term.move
    v = vocabulary(analysis)
    return (_ended_after(analysis, view, term, v) or _begun_after(analysis, view, term, v)
            or _cue_before(analysis, view, term, v)
            or _since_entry(analysis, view, term) or _until_exit(analysis, view, term, v))
