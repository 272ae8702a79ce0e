"""Items: causes of concern and recommendations a text names one by one, with their status.

A finding phrase with a lead-in names its subject ("the cause of concern about call
handling has been closed"); so does a copula ("the backlog in vetting is a cause for
concern"), an apposition ("one cause of concern, responding to the public, …") or brackets
("the remaining causes of concern (A, and B)"). The status is the verb that governs the
finding, before it or after its subject. Mentions without a subject ("the cause of concern
has been closed", "all the remaining causes of concern") are kept as subjectless items: they
say nothing by themselves but update the named items they refer to (see reconcile).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum, auto

from pipeline.codes import FindingKind, Status
from pipeline.extract.clauses import clause_end, clause_start, has_phrase, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.counts import number_at
from pipeline.extract.finding_antecedents import antecedent_subjects, pronoun_count
from pipeline.extract.finding_mentions import (
    Finding,
    dated_before,
    embedded,
    finding_force,
    findings_in,
    is_hypothetical,
)
from pipeline.extract.finding_remainders import left_open
from pipeline.extract.status import closing_ahead, status_in, status_read
from pipeline.extract.status_badges import label_line_status
from pipeline.extract.subjects import (
    Intro,
    clean_subject,
    issue_predicate_end,
    long_enough,
    members,
    names_only_a_force,
    only_references,
    opens_with_a_force,
    past_the_force,
    plural_predicate_subjects,
    predicate_subject,
    relative_subject,
    span_text,
    split_on_leads,
    split_subjects,
    subject_end,
    subject_span,
)

# Words a sentence opens with that say it goes back in time ("At the time, …").
BACKGROUND_OPENING = 4
# Words next to a finding phrase read for a quantifier, a coordination or "all been".
BEFORE_WORDS = 3
# Words before a finding phrase read for "all the", "the force's remaining" or a copula.
EVERY_BEFORE = 4

_ISSUED_REACH = 6  # "raised with Sussex Police in May" after the subject
_APPOSITION_WORDS = (2, 8)  # ", responding to the public," is a subject; longer is a clause
_COPULAR_WORDS = 25
# Intros that list a plural finding's members whether or not a count stands before it.
_LISTING_INTROS = (Intro.PAREN, Intro.COLON, Intro.PREDICATE, Intro.STATED)
_NEGATION_REACH = 8  # "neither of" before the owner and the count of a finding
_RELATIVE_REACH = 12  # "…, the most urgent of which is that …", ": that …" follow closely
_ORDINAL_WORDS = 2  # "the fifth" before a finding names its place in a set



class Source(StrEnum):
    """Which wording named an item: reconcile trusts some more than others."""

    SENTENCE = auto()  # a finding phrase with its subject in one sentence
    COPULAR = auto()  # "the backlog in vetting is a cause for concern"
    SUMMARY = auto()  # "two causes of concern about X": one subject sums up a counted set
    LIST = auto()  # a bullet a sentence introduces
    REASON = auto()  # a reason given for a move into Engage
    REFERENCE = auto()  # "The first relates to …", "this recommendation"
    REMAINDER = auto()  # "the one that remains open is …" after a tally
    HEADING = auto()  # a heading naming the finding
    TABLE = auto()  # a table row under a header naming the kind


@dataclass
class Item:
    kind: str
    force_id: str
    subject: str | None
    status: str | None
    start: int  # evidence, in characters
    end: int
    token: int
    plural: bool = False
    every: bool = False  # "all the causes of concern", "the force's remaining causes of concern"
    source: str = Source.SENTENCE
    sentence_index: int = 0
    group: str | None = None  # items of one list or one sentence are never one finding
    intro_index: int | None = None  # a listed item's introducing sentence
    refers_to: int | None = None  # "The first relates to …": the sentence that counts the set
    # Named only by what inspectors found ("moved into Engage after inspectors found it was
    # too slow to answer calls"): a wording that names the force's findings beats it.
    inferred: bool = False
    # "The concern about vetting has since been discharged": a finding restated by "concern"
    # alone, kept only when it restates one the document names.
    echo: bool = False
    # "The first two have been closed": the place (first, how many; a negative first counts
    # from the end) among the set of findings last listed, named once the items are known.
    place: tuple[int, int] | None = None
    recounted: bool = False  # a reason given for a move the text recounts from long ago


def in_background(analysis: Analysis, sentence: Sentence) -> bool:
    """A sentence that recounts an earlier issue ("On 11 March 2024, we issued …", or
    "During our inspection, we identified …" after a sentence dated a year ago)."""
    rec = analysis.rules.recommendations
    days = rec.background_days
    if dated_before(analysis, sentence, days):
        return True
    opening = " ".join(lower_words(analysis.doc, sentence.tok_start,
                                     sentence.tok_start + BACKGROUND_OPENING))
    if sentence.index and any(opening.startswith(o) for o in rec.background_openers):
        return dated_before(analysis, analysis.sentences[sentence.index - 1], days)
    return False


def item_status(analysis: Analysis, finding: Finding, after_start: int) -> str | None:
    """A finding's status: a verb after its subject ("… has been closed") beats one right
    before it ("closed the cause of concern"), which beats the rest of the clause."""
    doc = analysis.doc
    sentence = finding.sentence
    breaks = set(analysis.rules.words.clause_breaks)
    start = clause_start(doc, sentence.tok_start, finding.start, breaks)
    end = clause_end(doc, sentence.tok_end, max(after_start, finding.end), breaks)
    background = in_background(analysis, sentence)
    options = dict(context_start=start, background=background)
    after, verb = status_read(analysis, after_start, end, tally=True, **options)
    if after is not None and verb:
        return after
    if after is None and _partly(analysis, after_start, end):
        after, verb = status_read(analysis, after_start, end, **options)
        if after == Status.OPEN and verb:
            return after  # "… at Kent Police has been only partly met": not closed yet
    counts = analysis.rules.counts
    skip = set(counts.determiners) | set(counts.modifiers) | set(
        analysis.rules.recommendations.articles)
    k = finding.start - 1
    while k > start and analysis.doc[k].lower_ in skip:
        k -= 1  # "close the force's remaining causes of concern": the verb, not "remaining"
    governing = status_in(analysis, max(start, k - 1), k + 1, **options) if k >= start else None
    modifier = status_in(analysis, k + 1, finding.start, **options)
    issued = issue_predicate_end(analysis, finding.end, end)  # "… had been identified, on …"
    if issued is not None:
        modifier = modifier or status_in(analysis, finding.end, issued, **options)
    if _made(analysis, finding, k, issued) and not background:
        governing = governing or Status.OPEN  # "made four recommendations": newly made
    return governing or modifier or after or status_in(
        analysis, after_start, min(end, after_start + _ISSUED_REACH), **options) or status_in(
        analysis, start, finding.start, **options) or (
        Status.OPEN if closing_ahead(analysis, after_start, end, start) else None)


def _partly(analysis: Analysis, start: int, end: int) -> bool:
    return bool(set(lower_words(analysis.doc, start, end)) & set(
        analysis.rules.recommendations.partial_words))


def _made(analysis: Analysis, finding: Finding, before: int, issued: int | None) -> bool:
    """Whether recommendations are said to be made here: "made two recommendations",
    "the recommendations had been made" (made is no status of a cause of concern)."""
    if finding.kind != FindingKind.RECOMMENDATION:
        return False
    made = set(analysis.rules.recommendations.recommendation_issue_words)
    doc = analysis.doc
    floor = finding.sentence.tok_start
    if before >= floor and number_at(analysis, before) is not None:
        before -= 1
    if before >= floor and doc[before].lower_ in made:
        return True
    return issued is not None and any(t.lower_ in made for t in doc[finding.end : issued])


def _vague(analysis: Analysis, finding: Finding) -> bool:
    words = lower_words(analysis.doc, max(finding.sentence.tok_start, finding.start - BEFORE_WORDS),
                        finding.start)
    return has_phrase(words, analysis.rules.recommendations.vague_quantifiers)


def count_before(analysis: Analysis, finding: Finding) -> int | None:
    """The number that counts a plural finding: "the remaining two causes of concern", "the
    three overdue recommendations" (a status word may stand between)."""
    rec = analysis.rules.recommendations
    skip = set(analysis.rules.counts.modifiers) | set(analysis.rules.counts.determiners)
    skip |= set(rec.open_words) | set(rec.closed_words)
    k = finding.start - 1
    while k >= finding.sentence.tok_start and analysis.doc[k].lower_ in skip:
        k -= 1
    every = set(analysis.rules.counts.every_counts)
    if k > finding.sentence.tok_start and analysis.doc[k].lower_ in set(
            analysis.rules.counts.whole_prepositions) and analysis.doc[k - 1].lower_ in every:
        k -= 1  # "both of the causes of concern": every one of them (not "three of the")
    return number_at(analysis, k) if k >= finding.sentence.tok_start else None


def covers_every(analysis: Analysis, finding: Finding) -> bool:
    """"all the causes of concern", "the force's remaining causes of concern", "have all been"."""
    rules = analysis.rules
    every = set(rules.numbers.all_words) | set(rules.counts.remaining_words)
    start = max(finding.sentence.tok_start, finding.start - EVERY_BEFORE)
    before = lower_words(analysis.doc, start, finding.start)
    after = lower_words(analysis.doc, finding.end, min(finding.end + BEFORE_WORDS,
                                                         finding.sentence.tok_end))
    return bool(every & set(before)) or bool(set(rules.recommendations.every_after) & set(after))


def _copula_before(analysis: Analysis, finding: Finding) -> int | None:
    """The first token of a copula right before a finding ("… is a cause for concern")."""
    doc = analysis.doc
    articles = set(analysis.rules.recommendations.articles)
    k = finding.start  # the phrase "a cause for concern" starts with its article
    if doc[k].lower_ not in articles and k > finding.sentence.tok_start and doc[
            k - 1].lower_ in articles:
        k -= 1
    rec = analysis.rules.recommendations
    between = {w for p in (*rec.copular_closed, *rec.status_negations) for w in p.split()}
    while k > finding.sentence.tok_start and doc[k - 1].lower_ in between:
        k -= 1  # "are no longer a cause of concern", "is not a cause for concern"
    words = lower_words(doc, max(finding.sentence.tok_start, k - EVERY_BEFORE), k)
    for phrase in sorted(analysis.rules.recommendations.copulas, key=len, reverse=True):
        parts = phrase.split()
        if words[-len(parts):] == parts:
            existential = (words[-len(parts) - 1 : -len(parts)]
                           == list(analysis.rules.recommendations.existential))
            return None if existential else k - len(parts)  # "there are causes of …"
    return None


def copular_items(analysis: Analysis, finding: Finding, force_id: str) -> list[Item] | None:
    """"the historical backlog in vetting is a cause for concern", "how it investigated crime
    were causes of concern": the subject stands before the copula. None: not copular."""
    copula = _copula_before(analysis, finding)
    if copula is None:
        return None
    doc = analysis.doc
    rec = analysis.rules.recommendations
    sentence = finding.sentence
    bare_as = doc[copula].lower_ in rec.bare_copulas
    starts = set(rec.as_verbs) if bare_as else set(rec.copular_subject_starts)
    if finding.plural:
        starts -= set(rec.finding_joins)
    begin = copula
    while begin > sentence.tok_start and doc[begin - 1].lower_ not in starts:
        begin -= 1
    if bare_as and begin == sentence.tok_start:
        return None  # "as a cause of concern" with no verb that names one
    if begin >= copula or copula - begin > _COPULAR_WORDS:
        return []
    subject = clean_subject(analysis, span_text(analysis, begin, copula))
    negated = lower_words(doc, max(sentence.tok_start, copula - 2), max(copula + 2, finding.start))
    if has_phrase(negated, rec.status_negations):
        return []
    status = Status.CLOSED if has_phrase(negated, rec.copular_closed) else (
        None if in_background(analysis, sentence) else Status.OPEN)
    later, by_verb = status_read(analysis, finding.end, sentence.tok_end,
                                 context_start=finding.end)
    if by_verb:  # "Both were named as causes of concern in 2022 and both have been closed."
        status = later
    referred = pronoun_count(analysis, begin, copula)
    if referred is not None:  # "Both were identified as causes of concern."
        named = antecedent_subjects(analysis, sentence, referred)
        if named or subject is not None:
            return [_item(analysis, finding, force_id, n, status, Source.COPULAR) for n in named]
    if subject is None:  # "This is a cause of concern.": says where the one just named stands
        return [_item(analysis, finding, force_id, None, status)] if not finding.plural else []
    parts = _split_uncounted(analysis, subject) if finding.plural else [subject]
    return [_item(analysis, finding, force_id, clean_subject(analysis, p), status, Source.COPULAR)
            for p in parts if clean_subject(analysis, p)]


def _stated_recommendations(analysis: Analysis, finding: Finding) -> list[str]:
    """What recommendations ask for, stated after them: "makes four recommendations, the
    most urgent of which is that the force should X", "made two recommendations: that the
    force X, and that it Y", "One of the recommendations is that …". Counted ones must all
    be stated; a part ("one of", "the most urgent of which") names one."""
    if finding.kind != FindingKind.RECOMMENDATION:
        return []
    rec = analysis.rules.recommendations
    rest = analysis.text[analysis.doc[finding.end - 1].idx + len(analysis.doc[
        finding.end - 1]) : finding.sentence.end]
    lowered = rest.lower()
    for phrase in sorted(rec.recommendation_relatives, key=len, reverse=True):
        found = re.search(rf"\s*{re.escape(phrase)}\s", lowered)
        if found is None or lowered[: found.start()].count(" ") > _RELATIVE_REACH:
            continue
        parts = re.split("|".join(rec.recommendation_content_separators),
                         rest[found.end() :])
        stated = [s for s in (clean_subject(analysis, _after_verb(analysis, p))
                              for p in parts) if s]
        count = count_before(analysis, finding) if finding.plural else 1
        one = len(stated) == 1 and (finding.plural or count == 1)
        return stated if one or count == len(stated) else []
    return []


def _after_verb(analysis: Analysis, text: str) -> str:
    """"the force should review X" → "review X": what is asked, not who must do it."""
    for verb in analysis.rules.recommendations.recommendation_verbs:
        cut = text.lower().find(f" {verb} ")
        if cut != -1:
            return text[cut + len(verb) + 2 :]
    return text


def _split_uncounted(analysis: Analysis, text: str) -> list[str]:
    rec = analysis.rules.recommendations
    for separator in rec.uncounted_separators:
        parts = [p for p in text.split(separator) if p.strip()]
        if len(parts) > 1:
            return parts
    openers = "|".join(map(re.escape, rec.uncounted_pair_openers))
    for pair in rec.pair_separators:
        parts = [p for p in re.split(rf"{pair}(?=(?:{openers})\s)", text, flags=re.IGNORECASE)
                 if p.strip()]
        if len(parts) > 1:
            return parts  # "its call handling and its crime recording"
    return [text]


def apposition(analysis: Analysis, finding: Finding) -> str | None:
    """"we reported one cause of concern, responding to the public, as …"."""
    doc = analysis.doc
    sentence = finding.sentence
    if finding.plural or finding.end >= sentence.tok_end or doc[finding.end].text != ",":
        return None
    close = clause_end(doc, sentence.tok_end, finding.end + 1, {","})
    shortest, longest = _APPOSITION_WORDS
    if close >= sentence.tok_end or not shortest <= close - finding.end - 1 <= longest:
        return None
    rec = analysis.rules.recommendations
    words = lower_words(doc, finding.end + 1, close)
    if words[0] in set(rec.apposition_not_starts) or set(rec.apposition_clause_words) & (
            set(words)):
        return None  # ", which was raised in 2022,", ", the inspectorate said,"
    return clean_subject(analysis, span_text(analysis, finding.end + 1, close))


def _item(analysis: Analysis, finding: Finding, force_id: str, subject: str | None,
          status: str | None, source: str = Source.SENTENCE) -> Item:
    sentence = finding.sentence
    return Item(finding.kind, force_id, subject, status, sentence.start, sentence.end,
                finding.start, finding.plural, False, source, sentence.index,
                group=f"finding-{finding.start}")


def finding_subjects(analysis: Analysis, finding: Finding) -> tuple[list[str], int, str]:
    """The subjects a finding names, the token after them, and how they were introduced."""
    rec = analysis.rules.recommendations
    leads = rec.listing_leads if finding.plural else rec.subject_leads
    if finding.kind == FindingKind.RECOMMENDATION and not finding.plural and not _relative_after(
            analysis, finding):
        leads = leads + rec.recommendation_leads  # "the recommendation that the force …"
    stated = _stated_recommendations(analysis, finding)
    if stated:
        return stated, finding.end, Intro.STATED
    span = subject_span(analysis, finding, leads)
    if span is None and finding.plural:
        return plural_predicate_subjects(analysis, finding), finding.end, Intro.NONE
    if span is None:
        subject = relative_subject(analysis, finding) or apposition(
            analysis, finding) or predicate_subject(analysis, finding)
        return ([subject] if subject else []), finding.end, Intro.NONE
    start, end, how = span
    shifted = past_the_force(analysis, start, finding.sentence.tok_end)
    if shifted != start:  # "… about Kent Police: A and B": the list after the colon
        start, end = shifted, subject_end(analysis, finding, shifted, how)
    after = end + 1 if how in (Intro.DASH, Intro.DASH_LIST) else end  # the verb after "– A –"
    if how == Intro.PREDICATE:
        after = finding.end  # "remain open: A, and B": the status stands before the list
    subjects, _, _ = _span_subjects(analysis, finding, start, end, how, leads)
    if shifted != span[0] and not all(long_enough(analysis, s) for s in subjects):
        subjects = []  # "about Kent Police: one in 2021 and one in 2023" names none
    return subjects, after, how


def _span_subjects(analysis: Analysis, finding: Finding, start: int, end: int, how: str,
                   leads: list[str]) -> tuple[list[str], int, str]:
    rec = analysis.rules.recommendations
    if names_only_a_force(analysis, start, end) or opens_with_a_force(analysis, start, end):
        return [], end, how
    raw = span_text(analysis, start, end)
    if how == Intro.DASH_LIST:
        return _dash_list(analysis, finding, raw), end, how
    if how == Intro.EACH:
        named = [p for p in (clean_subject(analysis, q) for q in members(analysis, raw)) if p]
        count = count_before(analysis, finding)
        return (named if len(named) > 1 and count in (None, len(named)) else []), end, how
    subject = clean_subject(analysis, raw)
    quantifier = raw.lower().strip(" .,") in rec.antecedent_quantifiers
    if subject is None and finding.plural and quantifier:
        return _antecedents(analysis, finding), end, how
    if subject is None or how == Intro.PAREN and (not long_enough(analysis, subject) or (
            only_references(subject))):
        return [], end, how  # "causes of concern (HTML)": a link, not a subject
    if not finding.plural:
        return [subject], end, how
    count = count_before(analysis, finding)
    part = _part_of_count(analysis, finding)
    if part is not None:
        # "closed two of its four causes of concern, on A and on B" names the two closed;
        # "closed 3 of 5 recommendations on call handling" names their topic, no item.
        parts = split_subjects(analysis, subject, part, tuple(rec.clause_subject_openers)) if (
            part > 1) else [subject]
        if len(parts) == 1 and part > 1:
            parts = split_on_leads(subject, rec.subject_leads)
        kept = [p for p in (clean_subject(analysis, q) for q in parts) if p]
        return (kept if len(kept) == part else []), end, how
    openers = tuple(rec.clause_subject_openers)
    parts = split_subjects(analysis, subject, count, openers) if count else _split_uncounted(
        analysis, subject)
    if len(parts) == 1:
        parts = split_on_leads(subject, rec.subject_leads)
    if len(parts) == 1:  # "relating to A and to B": the lead's last word, repeated
        lead = [w for w in lower_words(analysis.doc, finding.end, start) if w.isalpha()]
        parts = split_on_leads(subject, lead[-1:]) if len(lead) > 1 and not (
            subject.lower().startswith(openers)) else parts  # "how it responds to A and to B"
    if how in (Intro.COLON, Intro.PREDICATE) and number_at(analysis, start) is not None:
        return [], end, how  # "Causes of concern: one down, one to go" counts, names none
    parts = parts[:1] + [_without_lead(q, leads) for q in parts[1:]]
    return [p for p in (clean_subject(analysis, q) for q in parts) if p], end, how


def _dash_list(analysis: Analysis, finding: Finding, raw: str) -> list[str]:
    """"Both causes of concern – call handling and crime data integrity – have been
    closed": an aside with no lead-in names a counted finding's members only when it lists
    as many as the count, none of them a count itself ("– one in 2021 and one in 2022 –")."""
    count = count_before(analysis, finding)
    subject = clean_subject(analysis, raw)
    if subject is None or count is None or count < 2:
        return []
    parts = [p for p in (clean_subject(analysis, q) for q in split_subjects(
        analysis, subject, count, tuple(analysis.rules.recommendations.clause_subject_openers)))
        if p]
    numbers = analysis.rules.numbers.numbers
    if len(parts) != count or any(p.split()[0].lower() in numbers or p.split()[0].isdigit()
                                  for p in parts):
        return []
    return parts


def _relative_after(analysis: Analysis, finding: Finding) -> bool:
    """"the recommendation that we made in 2019": "that" starts a relative clause."""
    following = lower_words(analysis.doc, finding.end, min(finding.end + 2,
                                                           finding.sentence.tok_end))
    return len(following) == 2 and following[1] in set(
        analysis.rules.recommendations.relative_raisers)


def _without_lead(text: str, leads: list[str]) -> str:
    """"…, and on managing offenders": a later listed subject repeats the lead-in."""
    lowered = text.lower().lstrip()
    for lead in sorted(leads, key=len, reverse=True):
        if lowered.startswith(lead + " "):
            return text.lstrip()[len(lead) + 1 :]
    return text


def _antecedents(analysis: Analysis, finding: Finding) -> list[str]:
    """"had improved the way it answers 999 calls and the way it identifies repeat victims,
    and closed the causes of concern on both": the two things coordinated before.

    The conjuncts are parallel, so the left one starts at the last word before the "and"
    that the right one starts with ("the way … and the way …")."""
    doc = analysis.doc
    breaks = set(analysis.rules.words.clause_breaks) | {","}
    start = clause_start(doc, finding.sentence.tok_start, finding.start, breaks)
    text = analysis.text[finding.sentence.start : doc[start].idx].rstrip(" ,")
    for trailer in analysis.rules.recommendations.antecedent_trailers:
        text = re.sub(trailer, "", text).rstrip(" ,")
    openers = "|".join(map(re.escape, analysis.rules.recommendations.noun_phrase_openers))
    joins = [m for pair in analysis.rules.recommendations.pair_separators
             for m in re.finditer(rf"{pair}(?=(?:{openers})\b)", text, re.IGNORECASE)]
    if not joins:
        return []
    join = joins[-1]
    right = text[join.end():]
    opener = right.split()[0].lower()
    left_text = text[: join.start()]
    at = max((m.start() for m in re.finditer(rf"\b{re.escape(opener)}\b", left_text,
                                             re.IGNORECASE)), default=None)
    if at is None:
        return []
    parts = [clean_subject(analysis, left_text[at:]), clean_subject(analysis, right)]
    return [p for p in parts if p]


def _part_of_count(analysis: Analysis, finding: Finding) -> int | None:
    """The part, when a finding is counted as a part of a whole: "3 of the 5 …" → 3."""
    doc = analysis.doc
    counts = analysis.rules.counts
    skip = set(counts.modifiers) | set(counts.determiners)
    floor = finding.sentence.tok_start
    k = finding.start - 1
    while k >= floor and doc[k].lower_ in skip:
        k -= 1
    k -= 1  # the whole's number
    owners = {i for m in analysis.forces_between(floor, finding.start)
              for i in range(m.tok_start, m.tok_end)}  # "two of Kent Police's four"
    while k >= floor and (doc[k].lower_ in skip or k in owners):
        k -= 1
    size = _phrase_ending(analysis, k, floor, counts.part_of)  # "of", "out of"
    if size is None:
        return None
    k -= size
    return number_at(analysis, k) if k >= floor else None


def _phrase_ending(analysis: Analysis, k: int, floor: int, phrases: tuple[str, ...]
                   ) -> int | None:
    """The length of the longest phrase whose last word is token k, not reaching below floor."""
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        parts = phrase.split()
        first = k - len(parts) + 1
        if first >= floor and [analysis.doc[i].lower_ for i in range(first, k + 1)] == parts:
            return len(parts)
    return None


def _coordinated(analysis: Analysis, finding: Finding, previous: Item | None) -> bool:
    """"… issued a cause of concern on X, and another on Y", "… closed, as has the cause …"."""
    if previous is None or previous.sentence_index != finding.sentence.index:
        return False
    words = lower_words(analysis.doc, max(finding.sentence.tok_start, finding.start - BEFORE_WORDS),
                        finding.start)
    return has_phrase(words, analysis.rules.recommendations.item_coordination)


def _negated_quantity(analysis: Analysis, finding: Finding) -> bool:
    """"neither of the two causes of concern", "none of its recommendations": a closing
    verb said of none of them leaves them open."""
    breaks = set(analysis.rules.words.clause_breaks)
    start = clause_start(analysis.doc, finding.sentence.tok_start, finding.start, breaks)
    words = lower_words(analysis.doc, max(start, finding.start - _NEGATION_REACH),
                        finding.start)  # "neither of Gwent Police's two causes of concern"
    return has_phrase(words, analysis.rules.recommendations.negative_quantifiers)


def _denied(analysis: Analysis, finding: Finding) -> bool:
    before = lower_words(analysis.doc, max(finding.sentence.tok_start, finding.start - 1),
                         finding.start)
    return bool(set(before) & set(analysis.rules.recommendations.denying_quantifiers))


def _finding_status(analysis: Analysis, finding: Finding, outer: Finding | None,
                    after: int) -> str | None:
    if outer is not None and embedded(analysis, outer.end, finding):
        return status_in(analysis, outer.end, finding.start)  # "… with this remaining …"
    return item_status(analysis, finding, after)


def sentence_items(analysis: Analysis, sentence: Sentence, reason: bool) -> list[Item]:
    """The items one sentence names; `reason` when the sentence gives the reasons for a
    move into Engage ("This was a result of two causes of concern relating to …")."""
    out: list[Item] = []
    findings = findings_in(analysis, sentence)
    for index, finding in enumerate(findings):
        force_id = finding_force(analysis, sentence, finding.start)
        if force_id is None or is_hypothetical(analysis, finding):
            continue
        copular = copular_items(analysis, finding, force_id)
        if copular is not None:
            out.extend(copular)
            continue
        subjects, after, how = finding_subjects(analysis, finding)
        if subjects and _denied(analysis, finding):
            continue  # "did not raise any cause of concern about custody"
        status = _finding_status(analysis, finding, findings[index - 1] if index else None,
                                 after)
        if status == Status.CLOSED and _negated_quantity(analysis, finding):
            status = Status.OPEN  # "neither of the two causes of concern had been addressed"
        if status is None and _coordinated(analysis, finding, out[-1] if out else None):
            status = out[-1].status
        if status is None and reason:
            status = Status.OPEN
        if status is None and not finding.plural and left_open(analysis, sentence, " ".join(
                lower_words(analysis.doc, finding.start - _ORDINAL_WORDS, finding.start))):
            status = Status.OPEN  # "Four of the five were closed. The fifth recommendation …"
        if status is None and how == Intro.STATED and not in_background(analysis, sentence):
            status = Status.OPEN  # "One of the recommendations is that the force should …"
        if status is None and len(subjects) == 1:  # "Rec 2: Call-backs – Complete"
            labelled = label_line_status(analysis, sentence, finding.start, subjects[0])
            subjects, status = ([labelled[0]], labelled[1]) if labelled else (subjects, status)
        if not subjects:
            item = _item(analysis, finding, force_id, None, status)
            item.every = finding.plural and covers_every(analysis, finding)
            out.append(item)
            continue
        if finding.plural and how not in _LISTING_INTROS and count_before(
                analysis, finding) is None and (status is None or _vague(analysis, finding)):
            continue  # "our recommendations on vetting", "several recommendations about X"
        # "raised two causes of concern about X and Y" with one subject sums up a set
        counted = count_before(analysis, finding) if finding.plural else None
        summary = counted and counted > 1 and len(subjects) == 1
        source = Source.SUMMARY if summary else Source.SENTENCE
        out.extend(_item(analysis, finding, force_id, s, status, source) for s in subjects)
    return out
