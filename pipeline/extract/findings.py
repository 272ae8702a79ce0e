"""recommendation events: causes of concern and recommendations, as items and as tallies.

Tallies come from the count grammar (counts.py), items from the sentences, lists and
headings that name findings (items.py, finding_lists.py, finding_references.py); the
document's findings are then put together (reconcile.py): one item per finding with the
status the document gives it, tallies completed by what the document says elsewhere.
Which words mean what is data in rules/recommendations.yaml and rules/counts.yaml.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.codes import FindingKind, Status
from pipeline.events.registry import RECOMMENDATION
from pipeline.extract.clauses import has_phrase, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.counts import Tally, document_tallies
from pipeline.extract.evidence import span_event
from pipeline.extract.finding_inclusions import bracketed_members, inclusion_items
from pipeline.extract.finding_lists import (
    engage_nearby,
    engage_sentences,
    heading_items,
    left_engage,
    list_items,
    listed_bullets,
    reason_concern_items,
    reason_count,
    reason_reference_items,
)
from pipeline.extract.finding_mentions import Matcher, findings_in
from pipeline.extract.finding_references import (
    echo_items,
    ordinal_items,
    pronoun_items,
    pronoun_mentions,
    recommendation_text,
    recommended_items,
    remainder_items,
    subject_from_next_sentence,
)
from pipeline.extract.finding_requests import request_items
from pipeline.extract.finding_tables import table_items, table_sentences
from pipeline.extract.items import Item, Source, sentence_items
from pipeline.extract.reconcile import Group, reconcile, same_finding
from pipeline.extract.skeleton import Dated, Steps, as_found, never, run
from pipeline.extract.status import status_in
from pipeline.extract.subjects import opens_value
from pipeline.extract.tally_gapping import gapped_tallies
from pipeline.models import Event

# Wordings that name a finding only in passing: another wording names it better.
_WEAK_SOURCES = (Source.COPULAR, Source.REASON, Source.SUMMARY)
_REFERENCE_WINDOW = 3  # "One of these, on …" refers to findings this many sentences back


def _gives_reasons(analysis: Analysis, sentence: Sentence) -> bool:
    """"This was a result of two causes of concern …" after a move into Engage."""
    window = analysis.rules.recommendations.reason_window
    engage = engage_sentences(analysis)
    if not engage & set(range(sentence.index - window, sentence.index + 1)):
        return False
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    return (has_phrase(words, analysis.rules.recommendations.reason_words) or _label_line(
        analysis, sentence)) and engage_nearby(analysis, sentence.index)


def _label_line(analysis: Analysis, sentence: Sentence) -> bool:
    """"Causes of concern: child protection" on a force's entry in a list of the forces in
    Engage: a line that opens with the label and gives its value."""
    findings = findings_in(analysis, sentence)
    if not findings or findings[0].kind != FindingKind.CAUSE_OF_CONCERN:
        return False
    first = findings[0]
    opening = lower_words(analysis.doc, sentence.tok_start, first.start)
    after = lower_words(analysis.doc, first.end, first.end + 1)
    return not opening and bool(after) and opens_value(analysis, after[0])


def _recommendation_references(analysis: Analysis, items: list[Item]) -> list[Item]:
    """A tracker that only says "this recommendation" names the one its text states."""
    phrases = analysis.rules.recommendations.recommendation_references
    references = [i for i in items if not i.subject and i.kind == FindingKind.RECOMMENDATION
                  and has_phrase(
        lower_words(analysis.doc, analysis.sentences[i.sentence_index].tok_start,
                    analysis.sentences[i.sentence_index].tok_end), phrases)]
    named = {i.force_id for i in items if i.subject and i.kind == FindingKind.RECOMMENDATION}
    found = recommendation_text(analysis) if references else None
    if found is None or references[0].force_id in named:
        return []
    sentence, subject = found
    return [Item(FindingKind.RECOMMENDATION, references[0].force_id, subject, None, sentence.start,
                 sentence.end, sentence.tok_start, source=Source.REFERENCE,
                 sentence_index=sentence.index)]


def _finding_sentences(analysis: Analysis) -> set[int]:
    return {analysis.token_sentence[start] for _, start, _ in analysis.matches(Matcher.FINDINGS)}


def document_items(analysis: Analysis) -> list[Item]:
    """Items from every mechanism; each runs only on sentences that can hold what it reads
    (a finding phrase, or one just before; a named Engage; a "recommend" word)."""
    items: list[Item] = []
    named = _finding_sentences(analysis)
    engage = engage_sentences(analysis)
    lowered = analysis.text.lower()
    recommends = any(p in lowered for p in analysis.rules.recommendations.recommends_that)
    listed = listed_bullets(analysis)
    for sentence in analysis.sentences:
        if sentence.index in listed:
            continue
        if sentence.index in named:
            items.extend(sentence_items(analysis, sentence, _gives_reasons(analysis, sentence)))
            items.extend(request_items(analysis, sentence))
        if named & set(range(sentence.index - _REFERENCE_WINDOW, sentence.index + 1)):
            items.extend(ordinal_items(analysis, sentence))
            items.extend(pronoun_items(analysis, sentence))
            items.extend(pronoun_mentions(analysis, sentence))
            items.extend(inclusion_items(analysis, sentence))
            items.extend(bracketed_members(analysis, sentence))
            if sentence.index not in named:
                items.extend(echo_items(analysis, sentence))
        if sentence.index in engage:
            items.extend(reason_concern_items(analysis, sentence))
        if recommends:
            items.extend(recommended_items(analysis, sentence))
    items.extend(list_items(analysis))
    items.extend(heading_items(analysis))
    items.extend(reason_reference_items(analysis))
    items = _placed(analysis, items)
    _status_lines(analysis, items)
    for item in items:
        subject_from_next_sentence(analysis, item)
    items.extend(_recommendation_references(analysis, items))
    rows = table_sentences(analysis)  # a table's lines are read as rows, not as prose
    items = [i for i in items if i.sentence_index not in rows] + table_items(analysis)
    return _with_echoes(analysis, _without_inferred(_without_headline_wording(analysis, items)))


def _placed(analysis: Analysis, items: list[Item]) -> list[Item]:
    """"… about A, B and C. The first two have now been closed.": a mention by place names
    the members of the set of that force and kind listed last before it, in their order."""
    window = analysis.rules.recommendations.reason_window
    out = []
    for item in items:
        if item.place is None:
            out.append(item)
            continue
        sets: dict[str, list[Item]] = {}
        for other in sorted(items, key=lambda i: i.token):
            if other.subject and other.place is None and (other.kind, other.force_id) == (
                    item.kind, item.force_id) and 0 < item.sentence_index - (
                    other.sentence_index) <= window:
                sets.setdefault(other.group or str(other.sentence_index), []).append(other)
        listed = [members for members in sets.values() if len(members) > 1]
        first, many = item.place
        if not listed or not -len(listed[-1]) <= first <= len(listed[-1]) - many:
            continue
        chosen = listed[-1][first : (first + many) or None]
        out.extend(replace(item, subject=member.subject, place=None) for member in chosen)
    return out


def _status_lines(analysis: Analysis, items: list[Item]) -> None:
    """"Cause of concern 1: the force does not answer calls quickly enough." then a line
    "Status: closed": a tracker gives each finding's status on the line after it."""
    headers = analysis.rules.recommendations.table_status_headers
    for item in items:
        index = item.sentence_index + 1
        if item.status or not item.subject or index >= len(analysis.sentences):
            continue
        line = analysis.sentences[index]
        words = lower_words(analysis.doc, line.tok_start, line.tok_end)
        size = next((len(h.split()) for h in headers if words[: len(h.split())] == h.split()
                     and words[len(h.split()) : len(h.split()) + 1] == [":"]), None)
        if size is not None:
            item.status = status_in(analysis, line.tok_start + size + 1, line.tok_end,
                                    context_start=line.tok_start + size + 1)


def _without_headline_wording(analysis: Analysis, items: list[Item]) -> list[Item]:
    """A headline names in short what its story names in full ("… cause of concern on
    custody" over "a cause of concern about detainees' access to health care"): when the
    body names one finding of that force and kind, the headline's wording is that one."""
    def body(item: Item) -> bool:
        return item.sentence_index is not None and item.sentence_index > 0
    heads = [i for i in items if i.sentence_index == 0 and i.subject and not i.plural
             and analysis.is_heading(analysis.sentences[0])]
    dropped = set()
    for head in heads:
        same = {i.subject for i in items if body(i) and i.subject and (i.force_id, i.kind) == (
            head.force_id, head.kind)}
        if len(same) == 1:
            dropped.add(id(head))
    return [i for i in items if id(i) not in dropped]


def _with_echoes(analysis: Analysis, items: list[Item]) -> list[Item]:
    """"The concern about vetting remains" counts only as a restatement of a cause of
    concern the document names ("the concern about" may be anyone's worry); "the concern
    about vetting has been discharged" is a finding, since only a finding is discharged."""
    named = [i for i in items if i.subject and not i.echo]
    return [i for i in items if not i.echo or (
        i.status == Status.CLOSED and i.source == Source.SENTENCE)
            or any(same_finding(analysis, i, n) for n in named)]


def _without_inferred(items: list[Item]) -> list[Item]:
    """What inspectors found, given as the reason for a move, is a cause of concern only
    when the document names none of the force's causes of concern otherwise."""
    named = {(i.force_id, i.kind) for i in items if i.subject and not i.inferred}
    return [i for i in items if not i.inferred or (i.force_id, i.kind) not in named]


def _status_from_referent(items: list[Item], tallies: list[Tally]) -> None:
    """"Inspectors raised two causes of concern … The first relates to …": an item named by
    its place in a set has the status the whole set was given in an earlier sentence, unless
    its own sentence says ("None of the four … closed" or "two of the five …" gives the
    status to some of them: not passed on)."""
    counted = {t.sentence.index for t in tallies if not t.bare}
    for item in items:
        if item.source != Source.REFERENCE or item.status or item.refers_to in (
                None, item.sentence_index) or item.refers_to in counted:
            continue
        item.status = next((i.status for i in items if i.sentence_index == item.refers_to
                            and i.plural and i.status and (i.force_id, i.kind) == (
                                item.force_id, item.kind)), None)


def _status_from_parts(analysis: Analysis, items: list[Item], tallies: list[Tally]) -> None:
    """"…, two had been closed, two were expected to be closed by the summer and one, on
    control room demand, was proving harder": a member named apart from the closed count
    of its sentence, in a clause of its own that says no status, is one still open. (After
    a colon the members spell out the count before it: no status passed on.)"""
    counted = {(t.sentence.index, t.force_id, t.kind) for t in tallies
               if t.closed is not None and t.open}
    breaks = set(analysis.rules.recommendations.clause_joiners) | {","}
    for item in items:
        if item.source != Source.REFERENCE or item.status or (
                item.sentence_index, item.force_id, item.kind) not in counted:
            continue
        sentence = analysis.sentences[item.sentence_index]
        k = item.token - 1
        while k > sentence.tok_start and analysis.doc[k].lower_ not in breaks | {":"}:
            k -= 1
        if k > sentence.tok_start and analysis.doc[k].lower_ in breaks:
            item.status = Status.OPEN


def _recounted_reasons(analysis: Analysis, items: list[Item], tallies: list[Tally]) -> None:
    """"Kent Police was placed in Engage in 2021 over concerns about A and B. Of the four
    causes of concern, three have now been closed.": the reasons of a recounted move stay
    open unless the document counts some of the force's closed or says it has left Engage
    (a force may leave with one open): then where each stands is unknown."""
    closed = {(t.force_id, t.kind) for t in tallies if t.closed}
    left = left_engage(analysis)
    for item in items:
        if item.recounted and ((item.force_id, item.kind) in closed or item.force_id in left):
            item.status = None


# A finding as the document states it once its wordings are reconciled: a tally, or one
# item with every wording of it. It is the skeleton's clause.
Stated = Tally | Group


def _reason_counts(analysis: Analysis) -> tuple[list[Tally], list[Item]]:
    tallies: list[Tally] = []
    items: list[Item] = []
    if not engage_sentences(analysis):
        return tallies, items
    named = _finding_sentences(analysis)
    listed = listed_bullets(analysis)
    for sentence in analysis.sentences:
        if sentence.index in listed or sentence.index in named or not _gives_reasons(
                analysis, sentence):
            continue
        found = reason_count(analysis, sentence)
        if found:
            tallies.append(found[0])
            items.extend(found[1])
    return tallies, items


def _stated_findings(analysis: Analysis) -> list[Stated]:
    """The trigger and clause steps: every finding phrase and count, read into items and
    tallies (hypothetical ones dropped, each with its force and date), then reconciled."""
    tallies = document_tallies(analysis)
    tallies += gapped_tallies(analysis, tallies)
    items = document_items(analysis)
    _status_from_referent(items, tallies)
    _status_from_parts(analysis, items, tallies)
    items.extend(i for t in tallies for i in remainder_items(analysis, t))
    reason_tallies, reason_items = _reason_counts(analysis)
    tallies, items = tallies + reason_tallies, items + reason_items
    _recounted_reasons(analysis, items, tallies)
    tallies, groups = reconcile(analysis, tallies, items)
    return [*tallies, *sorted(groups, key=lambda g: g.first.token)]


def _evidence(group: Group) -> Item:
    """The wording that states the group's status, the first of them."""
    stated = [m for m in group.members if m.status == group.status] or group.members
    return min(stated, key=lambda m: m.token)


def _force(stated: Stated) -> str | None:
    return stated.force_id if isinstance(stated, Tally) else _evidence(stated).force_id


def _forces(analysis: Analysis, stated: Stated) -> list[str]:
    """Each finding's force was decided where it was named (finding_mentions.finding_force)."""
    force = _force(stated)
    return [force] if force is not None else []


def _date(analysis: Analysis, stated: Stated) -> Dated:
    """A tally's own date; an item carries none."""
    if isinstance(stated, Tally) and stated.date is not None:
        return stated.date.value, stated.date.precision
    return None, None


def _events(analysis: Analysis, stated: Stated, forces: list[str], dated: Dated
            ) -> list[Event]:
    if _force(stated) is not None and not forces:
        return []  # the force named has no findings process
    force_id = forces[0] if forces else None
    if isinstance(stated, Tally):
        return [span_event(
            analysis, stated.start, stated.end, RECOMMENDATION.name, force_id,
            subject_kind=stated.kind, count_total=stated.total, count_closed=stated.closed,
            count_open=stated.open, event_date=dated[0], date_precision=dated[1])]
    evidence = _evidence(stated)
    ranked = [m for m in stated.members if m.subject and m.source not in _WEAK_SOURCES] or [
        m for m in stated.members if m.subject]
    subject = max((m.subject for m in ranked), key=len)
    return [span_event(analysis, evidence.start, evidence.end, RECOMMENDATION.name,
                       force_id, subject_kind=evidence.kind, subject=subject,
                       status=stated.status)]


# Blocked clauses (hypothetical findings), fire services and forces are all decided per
# finding phrase before reconciling, so the skeleton's span check has nothing to add and
# the wordings are already merged into one event per finding.
STEPS = Steps(
    event_type=RECOMMENDATION.name,
    clauses=_stated_findings,
    span=lambda stated: None,
    blocked=never,
    forces=_forces,
    date=_date,
    events=_events,
    merge=as_found,
)


def extract_findings(analysis: Analysis) -> list[Event]:
    return run(STEPS, analysis)
