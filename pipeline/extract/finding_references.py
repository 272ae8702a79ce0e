"""Items named by reference to findings the text has already counted or mentioned.

- "One of these, on call handling, has now been closed. The other, on X, remains open."
- "The remaining cause of concern is the hardest to fix. It is about how the force …"
- "… discharged four of these areas, but monitoring remains on 999 response": the open one.
- "Inspectors recommended that the force should review …": a recommendation in prose.
- A tracker's "this recommendation is complete" names the recommendation its text states
  ("Within six months, the force should review …").
"""

from __future__ import annotations

import re

from pipeline.codes import FindingKind, Status
from pipeline.extract.clauses import clause_end, has_phrase, lower_words, phrase_length_at
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.counts import Tally, number_at
from pipeline.extract.finding_antecedents import pronoun_count
from pipeline.extract.finding_mentions import Finding, Matcher, finding_force, findings_in
from pipeline.extract.finding_remainders import finding_counts, left_open
from pipeline.extract.items import Item, Source, in_background
from pipeline.extract.status import cached_words, status_in
from pipeline.extract.subjects import (
    clean_subject,
    span_text,
    split_on_leads,
    split_subjects,
    subject_span,
)

# "the remaining two", "the other three": opener, remainder word or count, noun.
_REMAINDER_WORDS = 3
# "It is about how …": the shortest next sentence that can name a finding's subject.
_NEXT_SENTENCE_WORDS = 4

_REPORT_WORDS = 8  # "At the revisit in August, inspectors found": a frame before a pronoun's clause
_KIND_WINDOW = 3  # sentences back in which a back-reference finds what it refers to
_REMAINDER_REACH = 4  # "but monitoring remains on …": the status word right after "but"
_PRONOUN_WORDS = 2  # "All three have now been closed": a pronoun and its number
_PREMODIFIER_WORDS = 6  # "the rural response and vetting concerns": words before the noun


def _words(analysis: Analysis, sentence: Sentence) -> list[tuple[int, str]]:
    words = cached_words(analysis)
    return [(i, words[i]) for i in range(sentence.tok_start, sentence.tok_end)
            if words[i] is not None]


def ordinal_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """Items a sentence names by their place among findings just mentioned, at its start
    or at the start of a later clause ("…: three were set out in May, and a fourth, on X,
    was added in the autumn")."""
    tokens = _words(analysis, sentence)
    out: list[Item] = []
    openers = _opening_words(analysis)
    words = [w for _, w in tokens]
    starts = [c for c in _clause_starts(analysis, tokens) if words[c] in openers
              or _counted_part(analysis, tokens, words, c)[0]]
    for clause, following in zip(starts, [*starts[1:], len(tokens)], strict=False):
        # "The first is about A and the second is about B": each up to the next
        limit = _joined_reference(analysis, tokens, clause, following)
        out.extend(_ordinal_at(analysis, sentence, tokens[clause:], limit))
    return out


def _reference_at(analysis: Analysis, tokens: list[tuple[int, str]], words: list[str],
                  position: int) -> tuple[int, int | None, str, int | None]:
    """The back-reference at `position`: (words it spans, how many it counts, its words
    before any number, the number after a place: "the last two")."""
    rec = analysis.rules.recommendations
    size = phrase_length_at(words, position, rec.item_back_references)
    count = None
    if size and " ".join(words[position : position + size]) in rec.led_back_references and (
            not phrase_length_at(words, position + size, rec.subject_leads)):
        size = 0  # "the one about A" names; "the one behind schedule …" counts what is left
    if not size:
        size, count = _remainder(analysis, tokens, words, position)
    if not size:
        size, count = _counted_part(analysis, tokens, words, position)
    if not size:
        return 0, None, "", None
    phrase = " ".join(words[position : position + size])
    many = None
    if phrase in rec.ordinal_places + rec.ordinal_last and position + size < len(words):
        many = number_at(analysis, tokens[position + size][0])
        if many is not None:  # "the last two, on A and B, …"
            size, count = size + 1, many
    size += _partitive_length(analysis, tokens, words, position + size)  # "the last of the three"
    return size, count, phrase, many


def _joined_reference(analysis: Analysis, tokens: list[tuple[int, str]], clause: int,
                      following: int) -> int | None:
    """The token where a later back-reference joined by a bare "and" starts ("… and the
    second is about …"), which ends the subject of the one before; None when there is none."""
    rec = analysis.rules.recommendations
    words = [w for _, w in tokens]
    for p in range(clause + 1, following):
        if words[p] in rec.clause_joiners and phrase_length_at(
                words, p + 1, rec.item_back_references):
            return tokens[p][0]
    return None


def _opening_words(analysis: Analysis) -> set[str]:
    """The words a back-reference can start with ("one of these", "but the other", "the
    two that remain"), to skip clauses that cannot hold one."""
    rec = analysis.rules.recommendations
    phrases = rec.item_back_references + rec.item_back_reference_openers
    return {p.split()[0] for p in phrases} | set(rec.remainder_openers)


def _clause_starts(analysis: Analysis, tokens: list[tuple[int, str]]) -> list[int]:
    """The sentence start, and where a clause starts after ":", ";" or ", and", or where a
    back-reference may follow a comma ("Of the two causes of concern, one, on A, …") or a
    bare "and" ("The first is about A and the second …")."""
    rec = analysis.rules.recommendations
    joiners = set(rec.clause_joiners) | set(rec.ordinal_issue_verbs) | set(
        rec.replacement_joiners) | set(rec.ordinal_status_verbs)
    # "… and raises a second", "… by a new one on …", "we discharged the first of these"
    words = [w for _, w in tokens]
    starts = [0]
    for p, word in enumerate(words[:-1]):
        if word in (":", ";", ",") or word in joiners and phrase_length_at(
                words, p + 1, rec.item_back_references):
            starts.append(p + 1)
    return sorted(set(starts))


def _ordinal_at(analysis: Analysis, sentence: Sentence, tokens: list[tuple[int, str]],
                limit: int | None = None) -> list[Item]:
    rec = analysis.rules.recommendations
    words = [w for _, w in tokens]
    position = phrase_length_at(words, 0, rec.item_back_reference_openers)
    size, count, phrase, many = _reference_at(analysis, tokens, words, position)
    if not size:
        return []
    previous = analysis.sentences[max(sentence.index - _KIND_WINDOW, 0) : sentence.index + 1]
    earlier = [f for s in previous for f in findings_in(analysis, s)
               if f.start < tokens[0][0] or s is not sentence]
    if not earlier:
        return []
    # "one of these", "the remaining one": one of a set, so of the set named last, unless
    # that set only qualifies another ("three causes of concern, with 14 recommendations")
    counted = [f for f in earlier if f.plural and not _qualifying(analysis, f)] or [
        f for f in earlier if f.plural] or earlier
    start, end = tokens[position][0], tokens[position + size - 1][0] + 1
    reference = Finding(counted[-1].kind, start, end, False, sentence)
    span = subject_span(analysis, reference, rec.item_back_reference_leads + _gapped_leads(
        analysis, sentence, start))
    force_id = finding_force(analysis, sentence, start)
    if span is None and force_id is not None:  # "The first two have now been closed"
        return _placed_item(analysis, sentence, counted[-1], (phrase, many or 1),
                            (start, end), force_id)
    if span is None or force_id is None or analysis.doc[span[0]].lower_ in (
            rec.status_aux):  # "the second to be examined": no subject
        return []
    if limit is not None and span[0] < limit < span[1]:
        span = (span[0], limit, span[2])
    subject = clean_subject(analysis, span_text(analysis, span[0], span[1]))
    clause = clause_end(analysis.doc, sentence.tok_end, span[1], {";", ":"})
    status = status_in(analysis, span[1], clause, context_start=start) or status_in(
        analysis, start, end) or status_in(  # "… and raises a second, about …"
        analysis, max(sentence.tok_start, tokens[0][0] - 1), tokens[0][0])
    if status is None and count and set(words[position : position + size]) & set(
            rec.status_negations):
        status = Status.OPEN  # "The two that have not been [closed] are about …"
    if status is None and left_open(analysis, sentence, " ".join(
            words[position : position + size])):
        status = Status.OPEN
    if subject is None:
        return []  # "The first concerns the force": it points, and names nothing
    parts = split_subjects(analysis, subject, count) if count else [subject]
    if len(parts) == 1:
        parts = split_on_leads(subject, rec.subject_leads)
    return [Item(reference.kind, force_id, p, status, sentence.start, sentence.end, start,
                 source=Source.REFERENCE, sentence_index=sentence.index,
                 refers_to=counted[-1].sentence.index)
            for p in (clean_subject(analysis, q) for q in parts) if p]


def _placed_item(analysis: Analysis, sentence: Sentence, listed: Finding,
                 place: tuple[str, int], span: tuple[int, int], force_id: str) -> list[Item]:
    """"The first has now been closed", "the first two have been closed": a subjectless
    mention of the members of the set listed before in that place, with the status the
    clause gives them (none given, no item: it only points). findings.py names them."""
    rec = analysis.rules.recommendations
    phrase, many = place
    places = list(rec.ordinal_places)
    first = places.index(phrase) if phrase in places else (
        -many if phrase in rec.ordinal_last else None)
    if first is None:
        return []
    start, end = span
    clause = clause_end(analysis.doc, sentence.tok_end, end, {";", ":", ","})
    status = status_in(analysis, end, clause, context_start=start)
    if status is None and cached_words(analysis)[start - 1] in (
            analysis.rules.recommendations.ordinal_status_verbs):
        status = status_in(analysis, start - 1, start)  # "we discharged the first of these"
    if status is None:
        return []
    return [Item(listed.kind, force_id, None, status, sentence.start, sentence.end, start,
                 source=Source.REFERENCE, sentence_index=sentence.index,
                 refers_to=listed.sentence.index, place=(first, many))]


def _gapped_leads(analysis: Analysis, sentence: Sentence, start: int) -> tuple[str, ...]:
    """"The first relates to A; the second to B": the verb of a lead the sentence used
    before is left out, and its last word introduces the next subject."""
    before = f" {' '.join(lower_words(analysis.doc, sentence.tok_start, start))} "
    leads = analysis.rules.recommendations.item_back_reference_leads
    return tuple(lead.split()[-1] for lead in leads if " " in lead and f" {lead} " in before)


def pronoun_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """"The other three remain open. They relate to A, B and C.": a pronoun that opens a
    sentence names, after a listing lead, the findings the sentence before counts; they
    have the status that sentence gives them. The subjects must add up to its count."""
    rec = analysis.rules.recommendations
    tokens = _words(analysis, sentence)
    words = [w for _, w in tokens]
    opening = _plural_reference(analysis, tokens)
    if sentence.index == 0 or not opening or sentence.text.rstrip().endswith(":"):
        return []
    size = phrase_length_at(words, opening, list(rec.listing_leads))
    previous = analysis.sentences[sentence.index - 1]
    counts = finding_counts(analysis, previous)
    earlier = [f for s in analysis.sentences[max(sentence.index - _KIND_WINDOW, 0):
                                             sentence.index] for f in findings_in(analysis, s)]
    if not size or size + opening >= len(tokens) or not counts or counts[0] < 2 or (
            not earlier):
        return []
    start = tokens[opening + size][0]
    force_id = finding_force(analysis, sentence, start)
    subject = clean_subject(analysis, span_text(analysis, start, sentence.tok_end))
    if force_id is None or subject is None:
        return []
    parts = [p for p in (clean_subject(analysis, q) for q in split_subjects(
        analysis, subject, counts[0], tuple(rec.clause_subject_openers))) if p]
    if len(parts) != counts[0]:
        return []
    kind = ([f for f in earlier if f.plural] or earlier)[-1].kind
    status = status_in(analysis, previous.tok_start, previous.tok_end)
    return [Item(kind, force_id, p, status, sentence.start, sentence.end, start,
                 source=Source.REFERENCE, sentence_index=sentence.index,
                 group=f"pronoun-{sentence.index}") for p in parts]


def _plural_reference(analysis: Analysis, tokens: list[tuple[int, str]]) -> int:
    """How many words open a sentence with a reference to findings counted before it:
    "They relate to …" (one), "The causes related to …", "These recommendations cover …"
    (two), "The causes of concern cover …" (the finding's name after the determiner); 0 for
    none."""
    rec = analysis.rules.recommendations
    words = [w for _, w in tokens]
    if words and words[0] in rec.list_back_references:
        return 1
    determiners = set(analysis.rules.counts.determiners) | set(rec.list_back_references)
    if len(words) < 2 or words[0] not in determiners:
        return 0
    named = next((end for _, start, end in analysis.matches(Matcher.FINDINGS)
                  if start == tokens[1][0]), None)
    if named is not None:
        return 1 + sum(1 for i, _ in tokens if tokens[1][0] <= i < named)
    return 2 if words[1] in rec.plural_heads else 0


def _qualifying(analysis: Analysis, finding: Finding) -> bool:
    """"…, with 14 recommendations between them": a counted set joined to the finding before
    it in its sentence by a preposition qualifies that one."""
    counts = analysis.rules.counts
    words = cached_words(analysis)
    k = finding.start - 1
    while k > finding.sentence.tok_start and (words[k] in counts.modifiers or number_at(
            analysis, k) is not None):
        k -= 1
    before = findings_in(analysis, finding.sentence)
    return words[k] in counts.embed_joiners and any(f.end <= k for f in before)


def _remainder(analysis: Analysis, tokens: list[tuple[int, str]], words: list[str],
               position: int) -> tuple[int, int | None]:
    """"the two that remain open", "the remaining two": (words it spans, how many it
    counts), or (0, None)."""
    rec = analysis.rules.recommendations
    if position + 2 >= len(words) or words[position] not in rec.remainder_openers:
        return 0, None
    if words[position + 1] in analysis.rules.counts.remaining_words:
        count = number_at(analysis, tokens[position + 2][0])  # "the remaining two, which …"
        return (_REMAINDER_WORDS, count) if count is not None and count > 1 else (0, None)
    count = number_at(analysis, tokens[position + 1][0])
    if count is None:
        return 0, None
    if words[position + 2] in rec.remainder_references:
        size = phrase_length_at(words, position + _REMAINDER_WORDS, rec.remainder_verbs)
        if size:
            return _REMAINDER_WORDS + size, count
    size = _status_predicate(analysis, words, position + 2)
    if not size and count == 1 and phrase_length_at(words, position + 2, rec.listing_leads):
        return 2, count  # "while the one about missing people is still open"
    return (2 + size, count) if size else (0, None)


def _counted_part(analysis: Analysis, tokens: list[tuple[int, str]], words: list[str],
                  position: int) -> tuple[int, int | None]:
    """"Two of those, on A and B, …": a number over a set just mentioned, as (words it
    spans, how many it counts), or (0, None)."""
    if position >= len(words) or words[position] in analysis.rules.counts.not_counts:
        return 0, None
    count = number_at(analysis, tokens[position][0])
    size = _partitive_length(analysis, tokens, words, position + 1)
    return (1 + size, count) if count is not None and size else (0, None)


def _partitive_length(analysis: Analysis, tokens: list[tuple[int, str]], words: list[str],
                      p: int) -> int:
    """The words of "of these", "of them" or "of the three" at p, or 0."""
    rec = analysis.rules.recommendations
    size = phrase_length_at(words, p, rec.partitive_pronouns)
    if size:
        return size
    size = phrase_length_at(words, p, rec.partitive_articles)
    if size and p + size < len(words) and number_at(analysis, tokens[p + size][0]):
        return size + 1
    return 0


def _status_predicate(analysis: Analysis, words: list[str], p: int) -> int:
    """The words of "that have not been", "behind schedule", "still open" at p: a status
    said of a counted part ("The two that have not been are about …"), or 0."""
    rec = analysis.rules.recommendations
    q = p + 1 if p < len(words) and words[p] in rec.remainder_references else p
    status = {w for phrase in (*rec.closed_words, *rec.open_words) for w in phrase.split()}
    allowed = status | set(rec.status_aux) | set(rec.perfect_auxiliaries) | set(
        rec.status_negations)
    end = q
    while end < len(words) and words[end] in allowed:
        end += 1
    said = [w for w in words[q:end] if w in status or w in rec.status_negations]
    return end - p if said else 0


def subject_from_next_sentence(analysis: Analysis, item: Item) -> None:
    """"The remaining cause of concern is the hardest to fix. It is about how the force …"."""
    rec = analysis.rules.recommendations
    if item.subject or item.plural or item.sentence_index + 1 >= len(analysis.sentences):
        return
    following = analysis.sentences[item.sentence_index + 1]
    words = following.text.split()
    if len(words) < _NEXT_SENTENCE_WORDS or words[0].lower() not in rec.next_sentence_subjects or (
            words[1].lower() not in rec.next_sentence_verbs):
        return
    copula = words[1].lower() in rec.reference_copulas
    rest = " ".join(words[2:]) if copula else " ".join(words[1:])
    for lead in sorted(rec.subject_leads, key=len, reverse=True):
        if rest.lower().startswith(lead + " "):
            item.subject = clean_subject(analysis, rest[len(lead) + 1 :])
            item.end = following.end
            return


def recommendation_text(analysis: Analysis) -> tuple[Sentence, str] | None:
    """The first sentence that states a recommendation to a force ("Within six months, the
    force should review …"), and what it asks for."""
    rec = analysis.rules.recommendations
    anaphors = [a.split() for a in analysis.rules.words.force_anaphors]
    for sentence in analysis.sentences:
        if sentence.is_list_item or sentence.text.rstrip().endswith(":"):
            continue
        tokens = _words(analysis, sentence)
        words = [w for _, w in tokens]
        for p, word in enumerate(words):
            if word not in rec.recommendation_verbs or p + 1 >= len(words):
                continue
            named = any(m.tok_end == tokens[p][0] for m in analysis.forces)
            if named or any(words[max(p - len(a), 0) : p] == a for a in anaphors):
                subject = clean_subject(analysis, analysis.text[
                    analysis.doc[tokens[p + 1][0]].idx : sentence.end])
                return (sentence, subject) if subject else None
    return None


def remainder_items(analysis: Analysis, tally: Tally) -> list[Item]:
    """"… discharged four of these areas, but monitoring remains on 999 response": the one
    still open, named in the contrast clause of the sentence that counts it."""
    rec = analysis.rules.recommendations
    if not tally.open or tally.force_id is None:
        return []
    tokens = [t for t in _words(analysis, tally.sentence) if t[0] > tally.token]
    words = [w for _, w in tokens]
    contrast = next((p for p, w in enumerate(words) if w in rec.contrast_words), None)
    if contrast is None:
        return []
    for p in range(contrast + 1, min(contrast + 1 + _REMAINDER_REACH, len(tokens))):
        token = tokens[p][0]
        if status_in(analysis, token, token + 1) != Status.OPEN:
            continue
        marker = Finding(tally.kind, token, token + 1, False, tally.sentence)
        span = subject_span(analysis, marker, rec.listing_leads)
        if span is None:
            return []
        subject = clean_subject(analysis, span_text(analysis, span[0], span[1]))
        sentence = tally.sentence
        return [Item(tally.kind, tally.force_id, subject, Status.OPEN, sentence.start,
                     sentence.end, token, source=Source.REMAINDER,
                     sentence_index=sentence.index)] if subject else []
    return []


def recommended_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """"Inspectors recommended that Kent Police should review its vetting backlog": a
    recommendation named in prose (a list introduction ending in ":" is read as a list)."""
    rec = analysis.rules.recommendations
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    if sentence.text.rstrip().endswith(":") or not has_phrase(words, rec.recommends_that) or (
            has_phrase(words, rec.other_recommenders)):
        return []
    tokens = _words(analysis, sentence)
    negations = set(analysis.rules.words.negations)
    for p, (token, word) in enumerate(tokens[:-2]):
        if word not in rec.complementisers or p == 0 or tokens[p - 1][1] not in rec.recommend_words:
            continue
        if negations & {w for _, w in tokens[:p]}:
            return []  # "I do not intend to recommend that the force be moved into Engage"
        end = _force_subject_end(analysis, tokens, p + 1)
        force_id = finding_force(analysis, sentence, token)
        if end is None or force_id is None:
            return []
        if end < len(tokens) and tokens[end][1] in rec.recommendation_verbs:
            end += 1
        if end >= len(tokens):
            return []
        subject = clean_subject(analysis, analysis.text[
            analysis.doc[tokens[end][0]].idx : sentence.end])
        status = None if in_background(analysis, sentence) else Status.OPEN  # newly made
        return [Item(FindingKind.RECOMMENDATION, force_id, subject, status, sentence.start,
                     sentence.end, token, source=Source.SENTENCE,
                     sentence_index=sentence.index)] if subject else []
    return []


def _force_subject_end(analysis: Analysis, tokens: list[tuple[int, str]], p: int) -> int | None:
    """After "recommended that": the position after the force ("Kent Police", "the force")."""
    if p >= len(tokens):
        return None
    mention = next((m for m in analysis.forces if m.tok_start == tokens[p][0]), None)
    if mention is not None:
        return next((q for q in range(p, len(tokens)) if tokens[q][0] >= mention.tok_end),
                    None)
    words = [w for _, w in tokens]
    for anaphor in analysis.rules.words.force_anaphors:
        parts = anaphor.split()
        if len(parts) > 1 and words[p : p + len(parts)] == parts:
            return p + len(parts)
    return None


def pronoun_mentions(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """"It has since been closed.", "All three have now been closed.": a sentence that opens
    with a pronoun standing for the findings the sentence before names, and says where they
    stand. A subjectless mention: it updates the named findings it refers to (reconcile)."""
    if sentence.index == 0 or findings_in(analysis, sentence):
        return []
    previous = findings_in(analysis, analysis.sentences[sentence.index - 1])
    doc = analysis.doc
    start = _after_report(analysis, sentence)
    size = next((n for n in (_PRONOUN_WORDS, 1) if start + n <= sentence.tok_end
                 and pronoun_count(analysis, start, start + n) is not None), None)
    if not previous or size is None:
        return []
    count = pronoun_count(analysis, start, start + size)
    rec = analysis.rules.recommendations
    aux = set(rec.status_aux) | set(rec.perfect_auxiliaries)
    if start + size >= sentence.tok_end or doc[start + size].lower_ not in aux:
        return []  # "It is about …" names; "It has been closed" says where it stands
    breaks = set(analysis.rules.words.clause_breaks)
    end = clause_end(doc, sentence.tok_end, start + size, breaks)
    said = {w for p in (*rec.closed_words, *rec.open_words) for w in p.split()}
    verb = next((k for k in range(start + size, end) if doc[k].lower_ in said), None)
    if verb is None or doc[verb - 1].lower_ not in rec.status_aux:
        return []  # "It has met four" is the force's doing; "It has been closed" the finding's
    status = status_in(analysis, start + size, end)
    force_id = finding_force(analysis, sentence, start)
    if status is None or force_id is None:
        return []
    several = count != 1
    return [Item(previous[-1].kind, force_id, None, status, sentence.start, sentence.end,
                 start, plural=several, every=several, source=Source.SENTENCE,
                 sentence_index=sentence.index)]


def _after_report(analysis: Analysis, sentence: Sentence) -> int:
    """Where a pronoun may open what the sentence says: its start, or after a short frame
    that reports it ("Inspectors found it had been achieved", "A year on, it is still
    open", "The force says that it has been closed")."""
    words = cached_words(analysis)
    rec = analysis.rules.recommendations
    reporting = set(analysis.rules.words.speech_verbs) | set(rec.status_findings)
    limit = min(sentence.tok_end - 1, sentence.tok_start + _REPORT_WORDS)
    for k in range(sentence.tok_start, limit):
        if words[k] == "," or words[k] in reporting:
            k += 2 if words[k + 1] in rec.complementisers else 1
            if k < sentence.tok_end and pronoun_count(analysis, k, k + 1) is not None:
                return k
    return sentence.tok_start


def echo_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """"The concern about vetting has since been discharged", "the force's concerns over A
    and B have both been addressed": causes of concern restated by their noun alone, with
    where they stand. findings.py keeps an open one only when it restates a finding the
    document names: "the concern about" may be anyone's worry, but a closed one is a finding.
    """
    rec = analysis.rules.recommendations
    words = cached_words(analysis)
    before = set(analysis.rules.counts.definite_determiners) | set(
        analysis.rules.counts.possessives)
    out: list[Item] = []
    for k in range(sentence.tok_start + 1, sentence.tok_end - 1):
        if words[k] not in rec.echo_nouns:
            continue
        force_id = finding_force(analysis, sentence, k)
        if words[k - 1] in before:
            marker = Finding(FindingKind.CAUSE_OF_CONCERN, k, k + 1, False, sentence)
            span = subject_span(analysis, marker, rec.concern_subject_leads)
            source = Source.SENTENCE
        else:  # "the rural response and vetting concerns were both signed off"
            span = _premodifiers(analysis, sentence, k, before)
            source = Source.REFERENCE
        if span is None or force_id is None:
            continue
        subject = clean_subject(analysis, span_text(analysis, span[0], span[1]))
        end = clause_end(analysis.doc, sentence.tok_end, max(span[1], k + 1),
                         set(analysis.rules.words.clause_breaks))
        status = status_in(analysis, max(span[1], k + 1), end)
        if not subject or not status:
            continue
        parts = [subject]
        if words[k] in rec.plural_echo_nouns:  # "the concerns about A and B"
            parts = split_subjects(analysis, subject, _listed_count(analysis, subject))
        out.extend(Item(FindingKind.CAUSE_OF_CONCERN, force_id, part, status, sentence.start,
                        sentence.end, k, source=source, sentence_index=sentence.index,
                        echo=True)
                   for part in (clean_subject(analysis, q) for q in parts) if part)
    return out


def _premodifiers(analysis: Analysis, sentence: Sentence, k: int, determiners: set[str]
                  ) -> tuple[int, int] | None:
    """The words between a determiner and the noun at k that say what it is about ("the
    vetting concern", "the force's rural response and vetting concerns"), or None."""
    words = cached_words(analysis)
    joiners = set(analysis.rules.recommendations.premodifier_joiners)
    p = k - 1
    while p > sentence.tok_start and k - p <= _PREMODIFIER_WORDS and (
            words[p] in joiners or analysis.doc[p].is_lower or analysis.doc[p].is_digit):
        if words[p - 1] in determiners:
            return (p, k) if words[p] not in joiners else None
        p -= 1
    return None


def _listed_count(analysis: Analysis, subject: str) -> int:
    """How many subjects "A, B and C" lists: one more than its commas, and one for an
    "and" with no comma before it."""
    words = re.findall(r"\w+|,", subject.lower())
    joiners = set(analysis.rules.recommendations.premodifier_joiners) - {","}
    last = any(w in joiners and (i == 0 or words[i - 1] != ",") for i, w in enumerate(words))
    return words.count(",") + 1 + last
