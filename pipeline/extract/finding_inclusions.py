"""Items named as members of a set already counted: "The remaining five, including those on
A and B, are in progress", "the other two, which include one about C, remain open", "The
rest, among them those on D, …".

The set is the findings of the sentence, or of the sentences just before it (the kind of
the one named last). An inclusion phrase, an optional "one" or "those", then a subject
lead-in introduce the members; they end at the clause's next comma. Their status is what
the clause says after them, else what it says of the set before them, else open when the
set is the remaining part of a count.
"""

from __future__ import annotations

from pipeline.codes import Status
from pipeline.extract.clauses import clause_end, clause_start, phrase_length_at
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.counts import number_at
from pipeline.extract.finding_mentions import finding_force, findings_in, is_hypothetical
from pipeline.extract.items import Item, Source, count_before
from pipeline.extract.status import cached_words, status_in
from pipeline.extract.subjects import (
    clean_subject,
    long_enough,
    span_text,
    split_listed,
    split_on_leads,
)

_KIND_WINDOW = 2  # the counted set is named in this sentence or the two before


def _kind(analysis: Analysis, sentence: Sentence, token: int) -> str | None:
    here = [f for f in findings_in(analysis, sentence) if f.start < token]
    if here:
        return here[-1].kind
    earlier = [f for s in analysis.sentences[max(sentence.index - _KIND_WINDOW, 0) :
                                             sentence.index] for f in findings_in(analysis, s)]
    counted = [f for f in earlier if f.plural] or earlier
    return counted[-1].kind if counted else None


def _members_start(analysis: Analysis, sentence: Sentence, k: int) -> int | None:
    """The token after "including those on" at k, or None when none starts there; right
    after a counted set ("three causes of concern in Norfolk, including its handling of
    …") the members need no lead-in."""
    rec = analysis.rules.recommendations
    words = cached_words(analysis)
    end = sentence.tok_end
    size = phrase_length_at(words, k, rec.inclusion_leads)
    if not size:
        return None
    k += size
    k += phrase_length_at(words, k, rec.inclusion_pronouns)
    lead = phrase_length_at(words, k, rec.subject_leads)
    if not lead and k < end and _after_counted_set(analysis, sentence, k - size - 1):
        return k
    return k + lead if lead and k + lead < end else None


def _after_counted_set(analysis: Analysis, sentence: Sentence, comma: int) -> bool:
    """Whether the comma at `comma` follows a counted plural finding of the sentence, with
    at most the force and the verb that found them in between ("four causes of concern
    were found at Kent Police,")."""
    rec = analysis.rules.recommendations
    before = [f for f in findings_in(analysis, sentence) if f.end <= comma]
    if not before or not before[-1].plural or count_before(analysis, before[-1]) is None:
        return False
    forces = {i for m in analysis.forces_between(before[-1].end, comma)
              for i in range(m.tok_start, m.tok_end)}
    words = cached_words(analysis)
    allowed = set(rec.subject_force_prepositions) | set(rec.status_aux) | set(
        rec.perfect_auxiliaries) | set(rec.open_item_words)
    between = [words[i] for i in range(before[-1].end, comma) if i not in forces]
    return all(w in allowed for w in between) and (bool(forces) or not between)


def inclusion_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """The members an inclusion phrase names in one sentence."""
    rec = analysis.rules.recommendations
    words = cached_words(analysis)
    breaks = {",", ";", ":"}
    out: list[Item] = []
    first = set(p.split()[0] for p in rec.inclusion_leads)
    for k in range(sentence.tok_start + 1, sentence.tok_end):
        if words[k] not in first or words[k - 1] != ",":
            continue
        start = _members_start(analysis, sentence, k)
        if start is None:
            continue
        end = clause_end(analysis.doc, sentence.tok_end, start, breaks)
        kind = _kind(analysis, sentence, k)
        force_id = finding_force(analysis, sentence, start)
        subject = clean_subject(analysis, span_text(analysis, start, end))
        opening = clause_start(analysis.doc, sentence.tok_start, k - 1, {";", ":"})
        if kind is None or force_id is None or subject is None or not _names_a_set(
                analysis, sentence, opening, k):
            continue
        status = status_in(analysis, end, clause_end(analysis.doc, sentence.tok_end, end + 1,
                                                     {";", ":"}), context_start=opening)
        # "four have been signed off, including one on A": the set's own status
        status = status or status_in(analysis, opening, k - 1, context_start=opening)
        remaining = set(analysis.rules.counts.remaining_words)
        if status is None and set(words[opening:k]) & remaining:
            status = Status.OPEN  # "the other two, including …"
        parts = split_on_leads(subject, list(rec.subject_leads))  # "… on A and on B"
        if len(parts) == 1:
            parts = split_listed(analysis, subject, tuple(rec.clause_subject_openers))
        out.extend(Item(kind, force_id, p, status, sentence.start, sentence.end, start,
                        source=Source.REFERENCE, sentence_index=sentence.index,
                        group=f"inclusion-{sentence.index}-{k}")
                   for p in (clean_subject(analysis, q) for q in parts) if p)
    return [i for i in out if not _hypothetical(analysis, sentence, i)]


def _names_a_set(analysis: Analysis, sentence: Sentence, opening: int, k: int) -> bool:
    """"…, including for the delivery of any plan" after a sentence about findings names
    no set: the clause before the inclusion must name a finding, count one ("the other
    two") or stand for the rest ("The rest, among them …")."""
    if any(f.start < k for f in findings_in(analysis, sentence)):
        return True
    words = cached_words(analysis)
    counts = analysis.rules.counts
    rest = set(counts.remaining_words) | set(analysis.rules.recommendations.inclusion_sets)
    return any(words[j] in rest or number_at(analysis, j) is not None for j in range(opening, k))


def _hypothetical(analysis: Analysis, sentence: Sentence, item: Item) -> bool:
    findings = [f for f in findings_in(analysis, sentence) if f.start < item.token]
    return bool(findings) and is_hypothetical(analysis, findings[-1])


def bracketed_members(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """"Of the four causes of concern, one (crime recording) was closed; three remain
    open": a part of a counted set with its members in brackets after the count, and the
    status the clause after the brackets gives them."""
    words = cached_words(analysis)
    doc = analysis.doc
    pointers = set(analysis.rules.recommendations.bracket_pointers)
    out: list[Item] = []
    for k in range(sentence.tok_start + 1, sentence.tok_end - 1):
        if words[k] != "(" or number_at(analysis, k - 1) is None or (
                words[k + 1] in pointers or number_at(analysis, k + 1) is not None):
            continue
        close = clause_end(doc, sentence.tok_end, k + 1, {")"})
        kind = _kind(analysis, sentence, k)
        force_id = finding_force(analysis, sentence, k)
        if close >= sentence.tok_end or kind is None or force_id is None:
            continue
        status = status_in(analysis, close + 1, clause_end(doc, sentence.tok_end, close + 1,
                                                           {";", ":", ","}))
        subject = clean_subject(analysis, span_text(analysis, k + 1, close))
        parts = split_listed(analysis, subject, tuple(
            analysis.rules.recommendations.clause_subject_openers)) if subject else []
        out.extend(Item(kind, force_id, p, status, sentence.start, sentence.end, k + 1,
                        source=Source.REFERENCE, sentence_index=sentence.index,
                        group=f"bracket-{sentence.index}-{k}")
                   for p in (clean_subject(analysis, q) for q in parts) if p and long_enough(
                       analysis, p) and any(c.isalpha() for c in p))
    return [i for i in out if not _hypothetical(analysis, sentence, i)]
