"""inspection events: an inspection, re-inspection or revisit of a force that has happened.

An inspection is an event only with a date phrase: its own ("between 6 and 17 March
2023", "our 2019 inspection", "Kent 2015"), or its report's or letter's ("the report
published on 25 July 2019"), which stands in only when the text gives that inspection no
date of its own. A phrase that cannot be resolved ("earlier this year" with no publication
date) gives a date of null; a programme span ("PEEL 2021/22") is not a date at all. A
headline or heading that names an inspection with no date is dated by the publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum, auto

from pipeline.codes import Precision
from pipeline.events.registry import INSPECTION
from pipeline.extract.anchoring import MAX_DATE_DISTANCE, Anchors, closest_date
from pipeline.extract.clauses import clause_end, clause_start, has_phrase, lower_words
from pipeline.extract.context import Analysis, DateMention, Sentence
from pipeline.extract.dates import Label as DateLabel
from pipeline.extract.evidence import sentence_event
from pipeline.extract.force_scope import Fallback, Refer, forces_of, out_of_scope
from pipeline.extract.gazetteer import MentionKind
from pipeline.extract.phase_cues import phase_terms
from pipeline.extract.skeleton import Dated, Steps, run, undated
from pipeline.models import Event

MAX_CLAUSE = 60  # tokens read left of a trigger for negation, speculation and tense
LABEL_GAP = 2  # tokens between a year and the trigger it names ("the 2019 PEEL inspection")
PLACE_REACH = 4  # tokens after a trigger where a bare place is the inspected force
GENERIC_REACH = 2  # tokens after a trigger read for a description of the process
FUTURE_REACH = 4  # words before a trigger read for one that has not happened yet
PREDICATE_REACH = 10  # tokens after a trigger read for its predicate ("is scheduled for")
SEQUENCE_REACH = 4  # words before a trigger read for "after", "following" (sequence_words)
WEEK_LEAD = 3  # words before a day read for the week it opens ("the week beginning", "w/c")
PART_REACH = 4  # words from a trigger to what it is part of ("for the next PEEL inspection")
YEAR_DIGITS = 4  # a programme span's first year is written in full ("2021/22")
GROUP_GAP = 1  # words between a number and the forces it counts ("eight police forces")
MAX_DATES = 2  # a trigger's date phrase, and its report's date after an edition's year
YEAR_WRITTEN = re.compile(r"\d{4}")  # a year in full, as a date phrase may write it
RETURN_REACH = 4  # words after a bare return (and its date) read for what it was for


class MatcherName(StrEnum):
    """The Matchers field (pipeline/extract/nlp.py) that finds inspection words."""

    INSPECTIONS = auto()


INSPECTION_MATCHER = MatcherName.INSPECTIONS


# A programme span ("PEEL 2021/22") names no date: no inspection takes a phrase so labelled;
# a year label ("Kent 2015", "inspection 2018") names an edition.
NOT_A_DATE = (DateLabel.PROGRAMME,)


class Kind(StrEnum):
    """What a mention reports (rules/inspections.yaml `revisit_prefixes` tell them apart)."""

    INSPECTION = auto()
    REVISIT = auto()


class Source(StrEnum):
    """Where a mention's date comes from."""

    OWN = auto()  # its own date
    PUBLICATION = auto()  # a report's or letter's
    PAGE = auto()  # a heading dated by the page that carries it
    UNRESOLVED = auto()  # a date phrase the text gives no value for
    PROGRAMME = auto()  # only a programme span ("PEEL 2021/22"), which names no date


class Standing(StrEnum):
    """Whether a trigger reports an inspection that happened, or why not."""

    HAPPENED = auto()
    FUTURE = auto()
    NEGATED = auto()  # or speculative
    GENERIC = auto()  # a description of the process, naming no inspection


@dataclass
class Mention:
    """One inspection mention, before mentions of the same inspection are merged."""

    event: Event
    kind: Kind
    source: Source
    label: bool = False  # dated by an edition label ("Crime Data Integrity inspection 2018")
    years: tuple[int, int] | None = None  # a programme span's first and last year
    back: bool = False  # "this inspection": points back at one told already


def _has_match(analysis: Analysis, sentence: Sentence) -> bool:
    """Whether an inspection word starts in the sentence (a lookup, for the many without)."""
    if _has_match not in analysis.cache:
        analysis.cache[_has_match] = sorted(
            s for _, s, _ in analysis.matches(INSPECTION_MATCHER))
    starts = analysis.cache[_has_match]
    k = bisect_left(starts, sentence.tok_start)
    return k < len(starts) and starts[k] < sentence.tok_end


def _triggers(analysis: Analysis, sentence: Sentence) -> list[tuple[int, int, bool]]:
    """(start, end, is a report) of the inspection words, and of report words after a
    qualifier, the longest of overlapping; "inspection report" is one report trigger."""
    doc = analysis.doc
    spec = analysis.rules.inspections
    reports_here = analysis.positions_in(spec.report_words, sentence)
    returns = _returns(analysis, sentence)
    if not reports_here and not returns and not _has_match(analysis, sentence):
        return []
    found = [(s, e) for _, s, e in analysis.matches_in(INSPECTION_MATCHER, sentence)]
    found += returns
    window = spec.report_qualifier_window
    qualifiers, reports = set(spec.report_qualifiers), set(spec.report_words)
    for i in reports_here:
        if qualifiers & set(lower_words(doc, max(sentence.tok_start, i - window), i)):
            found.append((i, i + 1))
    if not found:
        return []
    out: list[tuple[int, int, bool]] = []
    reach = -1
    for start, end in sorted(set(found), key=lambda m: (m[0], -m[1])):
        if end <= reach:
            continue  # inside a longer trigger ("re-inspected" holds "inspected")
        reach = end
        if out and out[-1][1] == start and doc[start].lower_ in reports:
            out[-1] = (out[-1][0], end, True)  # "re-inspection report": the report
        else:
            out.append((start, end, doc[end - 1].lower_ in reports))
    return out


def _returns(analysis: Analysis, sentence: Sentence) -> list[tuple[int, int]]:
    """Coming back to a force named right after ("the inspectorate came back to Kent
    Police", "inspectors had returned to Gwent Police"): a revisit, where coming back to a
    phase ("returned to routine monitoring") is not; and visiting or examining one ("the
    team that visited Dorset Police", "inspectors who examined the Cheshire force"), or a
    number of forces ("we visited eight forces"): an inspection, where a place's name alone
    may stand for its force."""
    spec = analysis.rules.inspections
    if not analysis.positions_in(spec.return_subjects + spec.presence_subjects, sentence):
        return []  # each form needs the inspectors named before it, in the sentence
    out = []
    for m in analysis.forces_between(sentence.tok_start, sentence.tok_end):
        if _inspectors_before(analysis, sentence, m.tok_start):
            out += _phrases_before(analysis, sentence, m.tok_start, spec.visit_phrases + (
                spec.return_phrases if m.kind == MentionKind.STRONG else ()))
    for at in _counted_groups(analysis, sentence, sentence.tok_start):
        if _inspectors_before(analysis, sentence, at):
            out += _phrases_before(analysis, sentence, at, spec.visit_phrases)
    # Being at a force says less than visiting it: only the inspectors by name are there
    # to inspect ("we were at Kent Police for the launch" may be anyone's "we").
    present = [m.tok_start for m in analysis.forces_between(
        sentence.tok_start, sentence.tok_end)] + _anaphor_starts(analysis, sentence)
    for at in present:
        if _inspectors_before(analysis, sentence, at, spec.presence_subjects):
            out += _phrases_before(analysis, sentence, at, spec.presence_phrases)
    return out + _bare_returns(analysis, sentence)


def _anaphor_starts(analysis: Analysis, sentence: Sentence) -> list[int]:
    """Where "the force" or "the constabulary" starts in a sentence: what the inspectors'
    presence may name ("inspectors were in the force between 2 and 13 October")."""
    anaphors = [p.split() for p in analysis.rules.forces.strict_anaphors]
    out = []
    for at in analysis.positions_in({words[-1] for words in anaphors}, sentence):
        for words in anaphors:
            start = at + 1 - len(words)
            if start >= sentence.tok_start and lower_words(analysis.doc, start, at + 1) == words:
                out.append(start)
    return out


def _bare_returns(analysis: Analysis, sentence: Sentence) -> list[tuple[int, int]]:
    """The inspectors coming back with no object, told by when or what for ("inspectors
    from HMICFRS returned in June to check progress", "the team came back on 8 May to
    see"): a revisit of the force the sentence refers to; coming back to a phase ("we
    returned in May to the Scan phase") is not."""
    spec = analysis.rules.inspections
    doc = analysis.doc
    out = []
    for verb in spec.return_verbs:
        size = len(verb.split())
        for at in analysis.positions_in({verb.split()[-1]}, sentence):
            start, end = at + 1 - size, at + 1
            if start < sentence.tok_start or " ".join(lower_words(doc, start, end)) != verb:
                continue
            if not _inspectors_before(analysis, sentence, start):
                continue
            dated = [d for d in analysis.date_phrases_between(end, sentence.tok_end)
                     if d.tok_start <= end + 1]
            past = dated[0].tok_end if dated else end
            after = lower_words(doc, past, min(past + RETURN_REACH, sentence.tok_end))
            purpose = any(" ".join(after).startswith(p) for p in spec.return_purposes)
            onward = bool(after) and after[0] in spec.return_onwards
            if purpose or (dated and not onward):
                out.append((start, end))
    return out


def _inspectors_before(analysis: Analysis, sentence: Sentence, at: int,
                       subjects: tuple[str, ...] | None = None) -> bool:
    """Whether the clause before a token names the inspectors ("the chief constable
    returned to Kent Police" is no revisit)."""
    clause = clause_start(analysis.doc, sentence.tok_start, at,
                          set(analysis.rules.words.clause_breaks))
    return bool(set(lower_words(analysis.doc, clause, at)) & set(
        analysis.rules.inspections.return_subjects if subjects is None else subjects))


def _phrases_before(analysis: Analysis, sentence: Sentence, at: int, phrases: tuple
                    ) -> list[tuple[int, int]]:
    """The phrases that end right before a token, or before "the" and it."""
    determiners = set(analysis.rules.inspections.place_determiners)
    out = []
    for phrase in phrases:
        size = len(phrase.split())
        for lead in (0, 1):  # "returned to the Metropolitan Police"
            start = at - size - lead
            words = lower_words(analysis.doc, max(start, sentence.tok_start), at)
            if start >= sentence.tok_start and " ".join(words[:size]) == phrase and set(
                    words[size:]) <= determiners:
                out.append((start, start + size))
    return out


def _standing(analysis: Analysis, sentence: Sentence, start: int, end: int) -> Standing:
    """Whether the trigger reports an inspection that happened; a generic one (a
    description of the process) names no inspection and so claims no date."""
    doc = analysis.doc
    rules = analysis.rules
    breaks = set(rules.words.clause_breaks)
    clause = max(clause_start(doc, sentence.tok_start, start, breaks), start - MAX_CLAUSE)
    before = _undated_words(analysis, clause, start)
    # A description of the process in an aside between commas ("HMICFRS, which inspects
    # every force, revisited Kent") is the aside's.
    breaks_at = [k for k, w in enumerate(before) if w in rules.inspections.phrase_breaks]
    main = before[:breaks_at[0]] + [""] + before[breaks_at[-1] + 1:] if len(
        breaks_at) > 1 else before
    around = main + lower_words(doc, start, min(end + GENERIC_REACH, sentence.tok_end))
    if has_phrase(around, rules.inspections.generic_words):
        return Standing.GENERIC
    if has_phrase(before[-FUTURE_REACH:] + lower_words(doc, end, end + 1),
                  rules.inspections.future_words):
        return Standing.FUTURE
    trigger = lower_words(doc, start, end)
    noun = " ".join(trigger) in rules.inspections.nouns or trigger[-1] in (
        rules.inspections.report_words)
    if noun and _planned(analysis, sentence, end, breaks):
        return Standing.FUTURE
    near = before[-rules.inspections.modality_window:]
    if _negated(analysis, before) or has_phrase(near, rules.words.modality):
        return Standing.NEGATED
    return Standing.HAPPENED


def _negated(analysis: Analysis, before: list[str]) -> bool:
    """Whether a negation before the trigger reaches it: not across a participle that
    opens a relative clause about a noun ("neither of the concerns identified in its 2025
    inspection"), which a verb's auxiliary before it does not ("was not included in")."""
    spec = analysis.rules.inspections
    negations = analysis.rules.words.negations
    at = [k for k, w in enumerate(before) if w in negations]
    if not at:
        return False
    stops = set(spec.verb_auxiliaries) | set(negations)
    for k in range(at[-1] + 1, len(before) - 1):
        if before[k] in spec.relative_participles and before[k + 1] in (
                spec.relative_preps) and before[k - 1] not in stops:
            return False
    return True


def _planned(analysis: Analysis, sentence: Sentence, end: int, breaks: set[str]) -> bool:
    """Whether a noun trigger's predicate says it has not happened yet ("An inspection of
    Kent Police is scheduled for May"), read up to what the inspection found (a verb's
    tense says it: "was inspected in May, and its report is expected in June"); a date
    of its own before the page's says it has."""
    spec = analysis.rules.inspections
    after_end = clause_end(analysis.doc, min(end + PREDICATE_REACH, sentence.tok_end), end,
                           breaks)
    words = _undated_words(analysis, end, after_end)
    stops = [k for k, w in enumerate(words) if w in spec.predicate_stops]
    today = analysis.reference[0]
    if today and any(d.value and d.value < today and _written_year(analysis, d)
                     for d in analysis.date_phrases_between(end, after_end)):
        return False  # "An inspection in March 2024 is expected to be published in July"
    return has_phrase(words[:stops[0]] if stops else words, spec.future_predicates)


def _written_year(analysis: Analysis, mention: DateMention) -> bool:
    """Whether a date phrase writes its year: a bare month ("expected to begin in April")
    takes a year by guessing, which cannot say the inspection has happened."""
    return YEAR_WRITTEN.search(analysis.text[mention.start:mention.end]) is not None


def _undated_words(analysis: Analysis, start: int, end: int) -> list[str]:
    """The words of a range, a date phrase's blanked: the month in "in May 2024" is not
    the modal "may" (blanked, not dropped, so windows counted in words stay the same)."""
    dated = {i for d in analysis.date_phrases_between(start, end)
             for i in range(d.tok_start, d.tok_end)}
    return ["" if i in dated else w
            for i, w in enumerate(lower_words(analysis.doc, start, end), start)]


@dataclass
class Scope:
    """What every trigger of one sentence shares, read once per sentence."""

    sentence: Sentence
    words: list[str]  # the sentence's words, lower case
    named: list[str]  # forces the sentence names
    fire: bool  # it is about a fire and rescue service (and names no police force)
    programme: bool  # it has a programme span ("PEEL 2021/22")
    refers: bool  # it refers to a force named before ("the force")
    anchors: Anchors
    lone: bool  # one trigger or phase term alone: a rival word only competes by distance
    # Triggers joined to the clause before by "and" right after a date, with that date:
    # "inspected it in 2022 and revisited it in July" (the year is the inspection's).
    joined: dict[tuple[int, int], DateMention] = field(default_factory=dict)
    free: Anchors | None = None  # the anchors without the joined triggers


def _scope(analysis: Analysis, sentence: Sentence, triggers: list) -> Scope:
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    phrases = analysis.date_phrases_between(sentence.tok_start, sentence.tok_end)
    named = forces_of(analysis, sentence, sentence.tok_start, sentence.tok_end)
    joined = _joined(analysis, phrases, triggers)
    scope = Scope(
        sentence, words, named=named,
        fire=not named and out_of_scope(analysis, INSPECTION.name,
                                        span=(sentence.tok_start, sentence.tok_end)),
        programme=any(p.label in NOT_A_DATE for p in phrases),
        refers=has_phrase(words, analysis.rules.forces.strict_anaphors),
        anchors=_anchors(analysis, sentence, triggers),
        lone=len(_anchors(analysis, sentence, triggers, rivals=False).spans) == 1,
        joined=joined)
    scope.free = Anchors([a for a in scope.anchors.spans if a not in joined])
    return scope


def _joined(analysis: Analysis, phrases: list[DateMention], triggers: list
            ) -> dict[tuple[int, int], DateMention]:
    """The triggers that open a clause joined right after a date phrase ("… in 2022 and
    revisited it"), each with that phrase, which dates the clause before."""
    spec = analysis.rules.inspections
    joins = set(spec.clause_joins)
    out = {}
    for start, end, *_ in triggers:
        for mention in phrases:
            between = set(lower_words(analysis.doc, mention.tok_end, start))
            if between & joins and between <= joins | set(spec.phrase_breaks):
                out[(start, end)] = mention  # a comma alone: "In May 2024, we inspected"
    return out


def _named(analysis: Analysis, scope: Scope, start: int, end: int) -> list[str]:
    """Forces the sentence names; a bare place counts right after the trigger and a
    preposition ("the inspection for Lincolnshire", "inspected custody in Durham")."""
    preps = set(analysis.rules.inspections.force_preps)
    determiners = set(analysis.rules.inspections.place_determiners)
    own = _object_forces(analysis, scope, end)
    if own and set(own) < set(scope.named):
        return own  # "… and we revisited Cleveland in January": its object alone
    own = _subject_forces(analysis, scope, start)
    if own and set(own) < set(scope.named):
        return own  # "Unlike Essex Police, which was inspected in 2022, Kent Police …"
    out = list(scope.named)
    joins = set(analysis.rules.inspections.list_joins) | determiners
    # A visit's object needs no preposition: "inspectors who examined the Cheshire force".
    visit = " ".join(lower_words(analysis.doc, start, end)) in (
        analysis.rules.inspections.visit_phrases + analysis.rules.inspections.presence_phrases)
    at = None  # where the listed places end ("the inspection of Kent, Essex and Suffolk")
    for m in analysis.forces_between(end, scope.sentence.tok_end):
        between = lower_words(analysis.doc, end if at is None else at, m.tok_start)
        lead = (visit and set(between) <= determiners) or (bool(between) and between[
            0] in preps and set(between[1:]) <= determiners)
        if m.kind != MentionKind.WEAK or (at is None and (
                m.tok_start > end + PLACE_REACH or not lead)) or (
                at is not None and not (between and set(between) <= joins)):
            break
        out.append(m.force_id)
        at = m.tok_end
    return list(dict.fromkeys(out))


def _subject_forces(analysis: Analysis, scope: Scope, start: int) -> list[str]:
    """The forces a passive trigger names as its subject, right before it ("Kent Police
    and Essex Police were inspected", "Essex Police, which was inspected in 2022"): in a
    sentence naming several forces, the others are another trigger's."""
    spec = analysis.rules.inspections
    links, joins = set(spec.passive_links), set(spec.list_joins)
    out: list[str] = []
    at = start
    for m in reversed(analysis.forces_between(scope.sentence.tok_start, start)):
        if m.force_id not in scope.named:
            continue
        between = lower_words(analysis.doc, m.tok_end, at)
        if not (set(between) <= joins if out else (between and set(between) <= links)):
            break
        out.append(m.force_id)
        at = m.tok_start
    return list(dict.fromkeys(out))


def _object_forces(analysis: Analysis, scope: Scope, end: int) -> list[str]:
    """The forces a trigger names as its object, right after it ("revisited Cleveland",
    "the inspection of Kent Police and Essex Police"): in a sentence naming several forces,
    the others are another trigger's."""
    spec = analysis.rules.inspections
    lead = set(spec.force_preps) | set(spec.place_determiners)
    joins = set(spec.list_joins) | set(spec.place_determiners)
    out: list[str] = []
    at = end
    for m in analysis.forces_between(end, scope.sentence.tok_end):
        if m.force_id not in scope.named:
            continue
        if not set(lower_words(analysis.doc, at, m.tok_start)) <= (joins if out else lead):
            break
        out.append(m.force_id)
        at = m.tok_end
    return list(dict.fromkeys(out))


def _source(analysis: Analysis, mention: DateMention, trigger: tuple[int, int],
            report: bool) -> Source:
    """Whether a date is the inspection's own, or a report's or letter's: a report's date,
    or one next to a publication word or with one between it and the trigger."""
    if mention.value is None:
        return Source.UNRESOLVED
    spec = analysis.rules.inspections
    window = spec.publication_window
    doc = analysis.doc
    near = lower_words(doc, mention.tok_start - window, mention.tok_start) + lower_words(
        doc, mention.tok_end, mention.tok_end + window)
    if mention.tok_start >= trigger[1]:
        near += lower_words(doc, trigger[1], mention.tok_start)
    else:
        near += lower_words(doc, mention.tok_end, trigger[0])
    sentence_end = analysis.sentence_of(mention.tok_start).tok_end
    listed = set(lower_words(doc, mention.tok_end, sentence_end)) <= set(
        spec.listing_closers) and bool(
        set(lower_words(doc, mention.tok_start - 1, mention.tok_start)) & set(
            spec.listing_dashes))  # "Kent Police: revisit letter – 5 May 2023"
    publication = report or listed or bool(set(near) & set(spec.publication_words))
    return Source.PUBLICATION if publication else Source.OWN


def _dates(analysis: Analysis, scope: Scope, trigger: tuple[int, int], report: bool
           ) -> list[tuple[DateMention | None, Source]]:
    """The trigger's date phrase and its source (and its report's date when the first is an
    edition's year: "the 2016 inspection, published in July 2016"); a heading's publication
    date; or nothing."""
    spec = analysis.rules.inspections
    limit = spec.lone_trigger_reach if scope.lone else MAX_DATE_DISTANCE
    found: list[tuple[DateMention | None, Source]] = []
    skip = scope.joined.get(trigger)
    anchors = scope.anchors if skip else scope.free
    while len(found) < MAX_DATES:
        mention = closest_date(analysis, scope.sentence, trigger, anchors,
                               resolved=False, skip_labels=NOT_A_DATE, limit=limit,
                               skip=skip)
        if mention is not None and _across_sequence(analysis, mention, trigger):
            # The date is the other event's: "placed into Engage in 2021 following an
            # inspection" gives the inspection no date phrase of its own.
            retry = closest_date(analysis, scope.sentence, trigger, anchors,
                                 resolved=False, skip_labels=NOT_A_DATE, limit=limit,
                                 skip=mention)
            ok = retry is not None and not _across_sequence(analysis, retry, trigger)
            mention = retry if ok and not any(retry is m for m, _ in found) else None
            if mention is None:
                return found or _programme_only(analysis, scope, trigger)
        if mention is not None and _dateline(analysis, mention) and not found:
            # "LONDON, 3 April 2024 – we inspected Kent Police in January": the story's date
            # stands in only when the inspection has no other.
            retry = closest_date(analysis, scope.sentence, trigger, anchors, resolved=False,
                                 skip_labels=NOT_A_DATE, limit=limit, skip=mention)
            if retry is None:
                return [(mention, Source.PUBLICATION)]
            mention = retry
        if mention is None:
            break
        source = _source(analysis, mention, trigger, report)
        if source == Source.OWN and not _is_label(mention, trigger[0]):
            mention = _week_month(analysis, _span_end(analysis, scope, mention))
        if found and source != Source.PUBLICATION:
            break  # only the edition's report date joins its year
        found.append((mention, source))
        if not _is_label(mention, trigger[0]):
            break
        skip = mention
    if found:
        return found
    words = lower_words(analysis.doc, trigger[0], trigger[1])
    heading = analysis.is_heading(scope.sentence)
    if programme := _programme_only(analysis, scope, trigger):
        return programme
    # A heading naming a report ("PEEL 2021/22: An inspection of Kent Police") is not
    # dated by the page: the programme span it carries is no date of its own.
    if scope.programme or not analysis.reference[0] or set(words) & set(spec.needs_own_date):
        return []
    # A link title under "Related content" is another page, whose date this page does not
    # give (a revisit letter linked from a news story is not dated by the story).
    heading = heading and not analysis.in_link_list(scope.sentence)
    return [(None, Source.PAGE)] if heading else []


def _programme_only(analysis: Analysis, scope: Scope, trigger: tuple[int, int]
                    ) -> list[tuple[DateMention | None, Source]]:
    """A trigger whose only date phrase is a programme span ("In our PEEL 2021/22
    inspection we found", "a concern raised in 2021, ahead of our PEEL 2021/22 report"),
    outside a heading: its date is unknown."""
    words = lower_words(analysis.doc, trigger[0], trigger[1])
    if not scope.programme or analysis.is_heading(scope.sentence) or set(words) & set(
            analysis.rules.inspections.needs_own_date):
        return []
    return [(None, Source.PROGRAMME)]


def _span_end(analysis: Analysis, scope: Scope, mention: DateMention) -> DateMention:
    """The end of fieldwork told in a clause of its own: "fieldwork in November 2024 and a
    further week in January 2025", "began in October and ended in December" (a span is
    dated by its end)."""
    spec = analysis.rules.inspections
    later = [d for d in analysis.date_phrases_between(mention.tok_end, scope.sentence.tok_end)
             if d.value is not None and mention.value is not None and d.value > mention.value]
    if not later:
        return mention
    words = lower_words(analysis.doc, mention.tok_end, later[0].tok_start)
    others = [a for a in scope.anchors.near(mention.tok_end, later[0].tok_start)
              if mention.tok_end <= a[0] < later[0].tok_start]
    if others or not set(words) & set(spec.clause_joins) or not has_phrase(
            words, spec.span_ends):
        return mention
    return later[0]


def _week_month(analysis: Analysis, mention: DateMention) -> DateMention:
    """A day that opens a week ("during the week of 3 February", "the week beginning 5
    September") is a span of that week, told by its start: its month."""
    if mention.precision != Precision.DAY or mention.value is None:
        return mention
    doc = analysis.doc
    lead = lower_words(doc, max(0, mention.tok_start - WEEK_LEAD), mention.tok_start)
    first = lower_words(doc, mention.tok_start, mention.tok_start + 1)
    if first and first[0].isalpha():
        lead += first  # the phrase may hold its preposition: "of 3 February"
    if not has_phrase(lead, analysis.rules.inspections.week_leads):
        return mention
    return replace(mention, value=mention.value.replace(day=1), precision=Precision.MONTH)


def _dateline(analysis: Analysis, mention: DateMention) -> bool:
    """A date that opens its line, past a place and a comma, before a dash."""
    spec = analysis.rules.inspections
    sentence = analysis.sentence_of(mention.tok_start)
    lead = mention.tok_start - sentence.tok_start
    after = lower_words(analysis.doc, mention.tok_end, mention.tok_end + 1)
    return lead <= spec.dateline_lead and bool(after) and after[0] in spec.listing_dashes


def _across_sequence(analysis: Analysis, mention: DateMention, trigger: tuple[int, int]
                     ) -> bool:
    """A date before a word that orders events, right before the trigger, dates the other
    event when the trigger has a date of its own: "In July, following our inspection in
    May, we wrote to the force"."""
    if mention.tok_end > trigger[0]:
        return False
    lead = lower_words(analysis.doc, max(mention.tok_end, trigger[0] - SEQUENCE_REACH),
                       trigger[0])
    spec = analysis.rules.inspections
    at = [k for k, w in enumerate(lead) if w in spec.sequence_words]
    breaks = set(analysis.rules.words.clause_breaks) | set(spec.phrase_breaks)
    return bool(at) and not breaks & set(lead[at[-1]:])


def _anchors(analysis: Analysis, sentence: Sentence, triggers: list, rivals: bool = True
             ) -> Anchors:
    """Spans competing for the sentence's dates: triggers, phase terms, rival words."""
    spans = [(s, e) for s, e, _ in triggers]
    spans += [(t.start, t.end) for t in phase_terms(analysis, sentence)]
    if rivals:
        words = set(analysis.rules.inspections.rival_words)
        spans += [(i, i + 1) for i in analysis.positions_in(words, sentence)]
    return Anchors(spans)


def _is_label(mention: DateMention | None, trigger_start: int) -> bool:
    """A year that names an edition: "inspection 2016", "Kent 2015", "the 2016 inspection"."""
    if mention is None or mention.precision != Precision.YEAR:
        return False
    return mention.label == DateLabel.YEAR_LABEL or (
        0 <= trigger_start - mention.tok_end <= LABEL_GAP)


@dataclass
class TriggerClause:
    """One inspection trigger, with what its sentence's triggers share.

    The skeleton hands a step only the clause, so the forces step leaves here whether the
    sentence names the forces (else each date may refer to one) or rules the trigger out.
    """

    scope: Scope
    start: int  # token offsets of the trigger
    end: int
    report: bool  # the trigger is a report ("the inspection report")
    standing: Standing
    named: bool = False  # the forces are named, not referred to
    excluded: bool = False  # a fire service's, a bare report's or a plural trigger


def _clauses(analysis: Analysis) -> Iterator[TriggerClause]:
    for sentence in analysis.sentences:
        triggers = _triggers(analysis, sentence)
        if not triggers:
            continue
        standing = [_standing(analysis, sentence, start, end) for start, end, _ in triggers]
        # A description of the process ("under the PEEL programme") does not compete for
        # the sentence's dates: "Kent was last inspected under the PEEL programme in 2022".
        # Nor does what fieldwork is for: "fieldwork for the next PEEL inspection" is one.
        parts = _parts(analysis, triggers)
        scope = _scope(analysis, sentence, [t for t, why in zip(
            triggers, standing, strict=True) if why != Standing.GENERIC and t not in parts])
        for (start, end, report), why in zip(triggers, standing, strict=True):
            yield TriggerClause(scope, start, end, report, why)


def _parts(analysis: Analysis, triggers: list[tuple[int, int, bool]]) -> list[tuple]:
    """The triggers that name what the trigger before is part of, a few words after it and
    a part link ("fieldwork for the next PEEL inspection"), and those right after one."""
    links = set(analysis.rules.inspections.part_links)
    parts: list[tuple] = []
    for before, trigger in zip(triggers, triggers[1:], strict=False):
        between = lower_words(analysis.doc, before[1], trigger[0])
        if (between and between[0] in links and len(between) <= PART_REACH) or (
                not between and before in parts):
            parts.append(trigger)
    return parts


def _blocked(analysis: Analysis, clause: TriggerClause) -> bool:
    """Not an inspection that happened: a future, negated or generic one."""
    return clause.standing != Standing.HAPPENED


def _forces(analysis: Analysis, clause: TriggerClause) -> list[str]:
    """The forces the sentence names; a sentence that names none may still refer to one
    for each of the trigger's dates (the events step asks), unless it is about a fire and
    rescue service or the trigger is a bare report or plural."""
    spec = analysis.rules.inspections
    trigger = lower_words(analysis.doc, clause.start, clause.end)
    named = _named(analysis, clause.scope, clause.start, clause.end) or _group_listed(
        analysis, clause) or _bullet_listed(analysis, clause)
    clause.named = bool(named)
    bare_report = trigger[0] in spec.report_words and not _on_the_force(analysis, clause.end)
    clause.excluded = not named and (clause.scope.fire or bare_report
                                     or trigger[-1] in spec.plural_nouns)
    return named


def _group_listed(analysis: Analysis, clause: TriggerClause) -> list[str]:
    """The forces the next sentence lists for an inspection of a number of forces
    ("Inspectors visited eight forces in May. They included Kent Police and Essex
    Police")."""
    spec = analysis.rules.inspections
    doc, sentence = analysis.doc, clause.scope.sentence
    counted = _counted_groups(analysis, sentence, clause.end)
    following = analysis.sentences[sentence.index + 1:sentence.index + 2]
    if not counted or not following or following[0].paragraph != sentence.paragraph:
        return []
    after = following[0]
    words = lower_words(doc, after.tok_start, after.tok_end)
    cues = [k + len(cue.split()) for k in range(len(words)) for cue in spec.list_cues
            if words[k:k + len(cue.split())] == cue.split()]
    if not cues:
        return []
    joins = set(spec.list_joins) | set(spec.place_determiners)
    out: list[str] = []
    at = after.tok_start + cues[0]
    for m in analysis.forces_between(at, after.tok_end):
        between = lower_words(doc, at, m.tok_start)
        if (out and not set(between) <= joins) or (not out and len(between) > (
                spec.list_cue_reach)):
            break
        out.append(m.force_id)
        at = m.tok_end
    return list(dict.fromkeys(out))


def _bullet_listed(analysis: Analysis, clause: TriggerClause) -> list[str]:
    """The forces listed one to a bullet right after an inspection of a group of forces
    whose sentence ends in a colon ("We visited six forces between March and May 2024:"
    then "* Cumbria Constabulary" lines): each item names one force and nothing else."""
    spec = analysis.rules.inspections
    sentence = clause.scope.sentence
    groups = [at for at in analysis.positions_in(spec.group_nouns, sentence)
              if at >= clause.end]
    if not groups or not sentence.text.rstrip().endswith(tuple(spec.list_colons)):
        return []
    out: list[str] = []
    for item in analysis.sentences[sentence.index + 1:]:
        mentions = [m for m in analysis.forces_between(item.tok_start, item.tok_end)
                    if analysis.usable(m, item)]
        if item.marker <= 0 or len({m.force_id for m in mentions}) != 1:
            break
        out.append(mentions[0].force_id)
    return list(dict.fromkeys(out))


def _counted_groups(analysis: Analysis, sentence: Sentence, start: int) -> list[int]:
    """Where a count of forces starts in a sentence from a token ("eight forces", "five
    police forces"), read at the sentence's group nouns."""
    doc = analysis.doc
    out = []
    for noun in analysis.positions_in(analysis.rules.inspections.group_nouns, sentence):
        out += [i for i in range(max(start, noun - 1 - GROUP_GAP), noun) if doc[i].like_num]
    return out


def _on_the_force(analysis: Analysis, end: int) -> bool:
    """Whether a report's object is the force referred to ("its PEEL report on the
    constabulary", "the inspectorate's report into the force")."""
    words = lower_words(analysis.doc, end, end + 1 + max(
        len(p.split()) for p in analysis.rules.forces.strict_anaphors))
    return bool(words) and words[0] in analysis.rules.inspections.report_preps and any(
        words[1:1 + len(p.split())] == p.split() for p in analysis.rules.forces.strict_anaphors)


def _trigger_events(analysis: Analysis, clause: TriggerClause, forces: list[str],
                    dated: Dated) -> list[Mention]:
    """One event per force for each of the trigger's dates (its own, its report's, its
    page's); the date step has nothing to say, as a trigger can have two dates."""
    if clause.excluded:
        return []
    spec = analysis.rules.inspections
    scope, start, end = clause.scope, clause.start, clause.end
    written = " ".join(lower_words(analysis.doc, start, end)).replace(" - ", "-")
    kind = Kind.REVISIT if written.startswith(spec.revisit_prefixes) else Kind.INSPECTION
    back = start > 0 and analysis.doc[start - 1].lower_ in spec.back_references
    out = []
    for mention, source in _dates(analysis, scope, (start, end), clause.report):
        mention_forces = forces if clause.named else [
            f for f in _referred_force(analysis, scope, start, mention)
            if not out_of_scope(analysis, INSPECTION.name, f)]
        value, precision = (mention.value, mention.precision) if mention else (
            (None, None) if source == Source.PROGRAMME else analysis.reference)
        years = _programme_years(analysis, scope, start) if (
            source == Source.PROGRAMME) else None
        if _after_page(analysis, value):
            continue  # "it would respond to the inspection by 30 June", on 12 June
        out += [Mention(sentence_event(
            analysis, scope.sentence, INSPECTION.name, force_id, event_date=value,
            date_precision=precision if value else None), kind, source,
            label=_is_label(mention, start), years=years, back=back)
            for force_id in mention_forces]
    return out


def _after_page(analysis: Analysis, value: date | None) -> bool:
    """Whether a date comes after the page's own, at the page date's precision: no
    inspection that has happened takes it."""
    today, precision = analysis.reference
    if value is None or not today:
        return False
    if precision == Precision.DAY:
        return value > today
    if precision == Precision.MONTH:
        return (value.year, value.month) > (today.year, today.month)
    return value.year > today.year


def _programme_years(analysis: Analysis, scope: Scope, start: int) -> tuple[int, int] | None:
    """The first and last year of the programme span that names the trigger, right before
    it ("our PEEL 2021/22 inspection": 2021 to 2022; "2023–25" is 2023 to 2025); none
    for a span elsewhere in the sentence ("a revisit of a concern raised in 2021/22")."""
    spans = [p for p in analysis.date_phrases_between(scope.sentence.tok_start, start)
             if p.label in NOT_A_DATE and start - p.tok_end <= LABEL_GAP]
    if not spans:
        return None
    nearest = spans[-1]
    numbers = re.findall(r"\d+", analysis.text[nearest.start:nearest.end])
    if len(numbers) < 2 or len(numbers[0]) != YEAR_DIGITS:
        return None
    first, last = int(numbers[0]), numbers[1]
    if len(last) == YEAR_DIGITS:
        return (first, int(last))
    step = 10 ** len(last)
    end = first - first % step + int(last)
    return (first, end if end >= first else end + step)  # "1999/00" ends in 2000


def _referred_force(analysis: Analysis, scope: Scope, start: int,
                    mention: DateMention | None) -> list[str]:
    """The force an unnamed inspection is of: the force named before it, when the sentence
    refers to it ("the force") or dates the inspection; after "the decision", the force the
    story is about."""
    if not scope.refers and (mention is None or mention.value is None):
        return []
    sentence = scope.sentence
    lead = lower_words(analysis.doc, max(sentence.tok_start, start - MAX_CLAUSE), start)
    if has_phrase(lead, analysis.rules.inspections.story_subjects):
        # "The decision followed an inspection of the force"
        return forces_of(analysis, sentence, start, start, fallback=(Fallback.LEAD,))
    return forces_of(analysis, sentence, start, start, refer=Refer.BEFORE)


STEPS = Steps(
    event_type=INSPECTION.name,
    clauses=_clauses,
    span=lambda clause: None,  # the fire check is the sentence's, in Scope
    blocked=_blocked,
    forces=_forces,
    date=undated,  # a trigger's dates are read with their sources in the events step
    events=_trigger_events,
    merge=lambda analysis, found: _merge(found),  # by each event's mention
    event_of=lambda mention: mention.event,
)


def extract_inspections(analysis: Analysis) -> list[Event]:
    return run(STEPS, analysis)


# Dates that stand in for an inspection only when the text gives it no other: a heading's
# page date, and the null of a mention dated only by a programme span.
STANDS_IN = (Source.PAGE, Source.PROGRAMME)
# An edition is named by the year its report comes out, which may follow its fieldwork:
# "PEEL inspection 2025" is the inspection done in November 2024.
EDITION_LEAD = 1


def _stands_for(mention: Mention, years: set[int]) -> bool:
    """Whether a page's date or a programme span's null stands for a dated inspection of
    the same force and kind: a programme's only for one dated within its years ("PEEL
    2021/22" is not the inspection of March 2023)."""
    if mention.source != Source.PROGRAMME or mention.years is None:
        return bool(years)
    first, last = mention.years
    return any(first <= year <= last for year in years)


def _merge(found: list[Mention]) -> list[Event]:
    """One event per force and date.

    A report's or letter's date joins any dated mention of the same force and kind (it is
    that inspection's report), and the page's own date (a heading's) or a programme span's
    null joins any date the text gives; an edition's year ("inspection 2018") joins a finer
    date of the same force and kind in that year or the year before; the same date from two
    sentences is one event.
    """
    told = {m.event.force_id for m in found if not m.back}
    found = [m for m in found if not (m.back and m.event.force_id in told)]
    own = {(m.event.force_id, m.kind) for m in found if m.source == Source.OWN and not m.label}
    dated: dict[tuple, set[int]] = {}
    for m in found:
        if m.source in (Source.OWN, Source.PUBLICATION) and m.event.event_date is not None:
            dated.setdefault((m.event.force_id, m.kind), set()).add(m.event.event_date.year)
    kept = [m for m in found if not (m.source == Source.PUBLICATION and (
        m.event.force_id, m.kind) in own) and not (m.source in STANDS_IN and _stands_for(
            m, dated.get((m.event.force_id, m.kind), set())))]
    years = {(m.event.force_id, m.kind, m.event.event_date.year + ahead) for m in kept
             if m.event.event_date is not None and m.event.date_precision != Precision.YEAR
             for ahead in range(EDITION_LEAD + 1)}
    out: dict[tuple, Event] = {}
    for m in kept:
        e = m.event
        if m.label and (e.force_id, m.kind, e.event_date.year) in years:
            continue
        out.setdefault((e.force_id, e.event_date, e.date_precision), e)
    return sorted(out.values(), key=lambda e: e.char_start)
