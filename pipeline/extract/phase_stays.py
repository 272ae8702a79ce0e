"""Stays in Engage told with their ends: "Durham Constabulary was in special measures from
2019 to 2021", "Kent Police was in Engage between March 2019 and June 2021", "… was in
Engage from 2019, and left in 2021".

Such a sentence names no move, yet it says when the force went in and when it came out: an
entry dated by the first end and, when the second end is already past, an exit dated by it.
The words that open and join the ends are rules/phases.yaml's `stay_openers`,
`stay_single_openers` and `stay_joiners`; a stay still to come (`stay_future`) is none. A
span the date grammar reads as one phrase ("between March 2019 and June 2021") is dated by
its end; its start is read here from the words before the joiner.
"""

from __future__ import annotations

from datetime import date

from pipeline.codes import Phase, Precision
from pipeline.extract.clauses import lower_words
from pipeline.extract.context import Analysis, DateMention, Sentence
from pipeline.extract.dates import Label, bare_year, resolve
from pipeline.extract.phase_cues import Direction, Move, PhaseTerm, View, vocabulary

STAY_REACH = 3  # tokens after the term where the opener ("from", "between") may stand
SINCE_CLAUSE_WORDS = 3  # words of the longest "since …" clause opener ("since it was")
FUTURE_REACH = 6  # tokens before the term read for "will be in special measures from …"
SPAN_LABELS = (Label.MONTH_SPAN, Label.RELATIVE_MONTH_SPAN, Label.BARE_MONTH_SPAN)
Dated = tuple[date, str]


def stay_moves(analysis: Analysis, view: View, terms: list[PhaseTerm]
               ) -> list[tuple[PhaseTerm, Move]]:
    """The entry and exit each stay in Engage tells, for terms that gave no move."""
    out = []
    reference = analysis.reference[0]
    future = analysis.rules.phases.stay_future
    for term in terms:
        if term.phase != Phase.ENGAGE or any(w in future for w in lower_words(
                analysis.doc, max(view.sentence.tok_start, term.start - FUTURE_REACH),
                term.start)):
            continue
        since = _since_clause(analysis, view.sentence, term)
        if since is not None:
            out.append((term, since))
            continue
        opener = _opener(analysis, view.sentence, term)
        ends = _ends(analysis, view.sentence, opener) if opener is not None else None
        if ends is None:
            continue
        first, joiner, second = ends
        if reference is not None and first[0] > reference:
            continue
        out.append((term, Move(Direction.ENTER, opener, dated=first)))
        if second is not None and reference is not None and second[0] <= reference:
            out.append((term, Move(Direction.EXIT, joiner, dated=second)))
    return out


def _since_clause(analysis: Analysis, sentence: Sentence, term: PhaseTerm) -> Move | None:
    """"… in Engage since being escalated in March 2022": the entry, on the clause's date."""
    doc = analysis.doc
    v = vocabulary(analysis)
    end = min(sentence.tok_end, term.end + STAY_REACH + SINCE_CLAUSE_WORDS)
    words = lower_words(doc, term.end, end)
    for n in range(1, STAY_REACH + 1):
        opened = next((p for p in analysis.rules.phases.stay_since_clauses
                       if " ".join(words[n - 1:n - 1 + len(p.split())]) == p), None)
        if opened is None:
            continue
        verb = term.end + n - 1 + len(opened.split())
        if verb >= sentence.tok_end or not (doc[verb].lower_ in v.move_verbs
                                            or doc[verb].lower_ in v.enters):
            return None
        dated = _date_at(analysis, sentence, verb + 1)
        return Move(Direction.ENTER, verb, dated=(dated.value, dated.precision)) if (
            dated is not None) else None
    return None


def _opener(analysis: Analysis, sentence: Sentence, term: PhaseTerm) -> int | None:
    doc = analysis.doc
    fillers = vocabulary(analysis).fillers
    for j in range(term.end, min(term.end + STAY_REACH, sentence.tok_end)):
        word = doc[j].lower_
        if word in analysis.rules.phases.stay_openers:
            return j
        if word not in fillers:
            return None
    return None


def _ends(analysis: Analysis, sentence: Sentence, opener: int
          ) -> tuple[Dated, int, Dated | None] | None:
    """The first end, the joiner's token and the second end (None: only a start), or None."""
    first = _date_at(analysis, sentence, opener)
    if first is None:
        return _bare_years(analysis, sentence, opener)
    if first.label in SPAN_LABELS:
        return _span_ends(analysis, first)
    joiner = first.tok_end
    ph = analysis.rules.phases
    start = (first.value, first.precision)
    if joiner >= sentence.tok_end - 1 or analysis.doc[joiner].lower_ not in ph.stay_joiners:
        single = analysis.doc[opener].lower_ in ph.stay_single_openers
        return (start, joiner, None) if single else None
    second = _date_at(analysis, sentence, joiner)
    if second is not None:
        return start, joiner, (second.value, second.precision)
    year = bare_year(analysis.doc[joiner + 1].text, analysis.rules)
    return (start, joiner, (year, Precision.YEAR)) if year else None


def _bare_years(analysis: Analysis, sentence: Sentence, opener: int
                ) -> tuple[Dated, int, Dated] | None:
    """"between 2019 and 2021": two years the date grammar reads as no phrase."""
    if opener + 3 >= sentence.tok_end:
        return None
    doc = analysis.doc
    first, second = (bare_year(doc[k].text, analysis.rules) for k in (opener + 1, opener + 3))
    if not (first and second and doc[opener + 2].lower_ in analysis.rules.phases.stay_joiners):
        return None
    return (first, Precision.YEAR), opener + 2, (second, Precision.YEAR)


def _date_at(analysis: Analysis, sentence: Sentence, i: int) -> DateMention | None:
    """The resolved date phrase that starts at token i ("from 2019") or right after it."""
    return next((d for d in analysis.dates_between(i, sentence.tok_end)
                 if d.tok_start <= i + 1), None)


def _span_ends(analysis: Analysis, span: DateMention) -> tuple[Dated, int, Dated] | None:
    """"between March 2019 and June 2021": the start from the words before the joiner, with
    the end's year when they give none ("between March and June 2021")."""
    doc = analysis.doc
    joiners = analysis.rules.phases.stay_joiners
    joiner = next((k for k in range(span.tok_start, span.tok_end) if doc[k].lower_ in joiners),
                  None)
    if joiner is None:
        return None
    words = [t.text for t in doc[span.tok_start:joiner]]
    if not any(bare_year(w, analysis.rules) for w in words):
        words.append(str(span.value.year))
    days = any(w.isdigit() and not bare_year(w, analysis.rules) for w in words)
    label = Label.DAY_MONTH_YEAR if days else Label.MONTH_YEAR
    value, precision = resolve(label, words, analysis.published, analysis.rules)
    if value is None or value > span.value:
        return None
    return (value, precision), joiner, (span.value, span.precision)
