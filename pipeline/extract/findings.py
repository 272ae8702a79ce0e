"""recommendation events: causes of concern and recommendations, as items and as tallies.

Tallies are arithmetic over counts the text gives ("three of the five … closed"), so the
code only reads numbers, their "of" structure and the status word each number governs;
which words mean closed or open is data in rules/recommendations.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.clauses import clause_end, has_phrase, lower_words
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.evidence import sentence_event, span_event
from pipeline.models import Event

_DETERMINERS = {"the", "these", "those", "its", "their", "our", "his", "her", "them", "this"}
_ADJECTIVES = {"remaining", "outstanding", "open", "closed", "original", "accelerated",
               "associated", "related", "new", "further", "previous", "other", "separate",
               "linked", "specific", "individual", "initial", "existing", "main", "key",
               "formal", "such", "'s", "’s", "inspectorate", "hmicfrs", "force", "remaining,"}
_AUX = {"have", "has", "had", "been", "be", "are", "is", "was", "were", "now", "all", "still",
        "already", "so", "far", "since", "also", "being", "fully", "formally", "officially",
        "successfully", "subsequently", "then", "yet", "not", "to", "either", "either,",
        "them", "of", "which", "that", "now,"}


@dataclass
class Finding:
    kind: str
    start: int
    end: int
    plural: bool


@dataclass
class Tally:
    kind: str
    total: int | None = None
    closed: int | None = None
    open: int | None = None

    def complete(self) -> Tally:
        if self.total is not None and self.closed is not None and self.open is None:
            self.open = self.total - self.closed
        elif self.total is not None and self.open is not None and self.closed is None:
            self.closed = self.total - self.open
        elif self.total is None and self.closed is not None and self.open is not None:
            self.total = self.closed + self.open
        return self

    @property
    def has_progress(self) -> bool:
        return self.closed is not None or self.open is not None


def _number(analysis: Analysis, word: str) -> int | None:
    if word.isdigit() and len(word) <= 3:
        return int(word)
    value = analysis.rules.numbers["numbers"].get(word)
    if word in ("a", "an", "single", "no"):
        return None
    return value


def _status_of(analysis: Analysis, words: list[str]) -> str | None:
    """The first status word in a run of words: which polarity a count or item has."""
    rec = analysis.rules.recommendations
    for i in range(len(words)):
        rest = words[i:]
        if has_phrase(rest[:3], [w for w in rec["closed_words"] if " " in w]) and any(
                " ".join(rest[:len(p.split())]) == p for p in rec["closed_words"]):
            return "closed"
        if any(" ".join(rest[:len(p.split())]) == p for p in rec["closed_words"]):
            return "closed"
        if any(" ".join(rest[:len(p.split())]) == p for p in rec["open_words"]):
            return "open"
    return None


def findings_in(analysis: Analysis, sentence: Sentence) -> list[Finding]:
    out = []
    for kind, start, end in sorted(analysis.matches_in("findings", sentence),
                                   key=lambda m: (m[1], -m[2])):
        words = lower_words(analysis.doc, start, end)
        plural = any(w in ("recommendations", "causes") for w in words)
        if out and start < out[-1].end:
            continue
        out.append(Finding(kind, start, end, plural))
    return out


def _date_tokens(analysis: Analysis, sentence: Sentence) -> set[int]:
    return {i for d in analysis.dates_between(sentence.tok_start, sentence.tok_end)
            for i in range(d.tok_start, d.tok_end)}


def _counts(analysis: Analysis, sentence: Sentence, finding: Finding | None,
            start: int, end: int) -> Tally | None:
    """Counts with their status in a clause: "three of the five … closed, two remain open"."""
    doc = analysis.doc
    rules = analysis.rules.numbers
    skip = _date_tokens(analysis, sentence)
    tally = Tally(finding.kind if finding else "")
    sentence_words = lower_words(doc, start, end)
    all_word = any(w in rules["all_words"] for w in sentence_words)
    none_word = any(w in rules["none_words"] for w in sentence_words)
    i = start
    found_any = False
    while i < end:
        if i in skip:
            i += 1
            continue
        word = doc[i].lower_
        value = _number(analysis, word)
        if value is None:
            i += 1
            continue
        # What follows the number: "of the five", an adjective and the finding, a verb.
        j = i + 1
        whole = None
        if j < end and doc[j].lower_ in ("of", "out"):
            k = j + (2 if doc[j].lower_ == "out" else 1)
            while k < end and doc[k].lower_ in _DETERMINERS:
                k += 1
            if k < end and _number(analysis, doc[k].lower_) is not None:
                whole = _number(analysis, doc[k].lower_)
                k += 1
            j = k
        while j < end and (doc[j].lower_ in _ADJECTIVES or doc[j].is_punct and doc[j].text
                           in ",'’"):
            j += 1
        at_finding = finding is not None and finding.start <= j < finding.end
        if at_finding:
            j = finding.end
        limit = min(j + 7, end)
        for other in analysis.matches_in("findings", sentence):
            if j <= other[1] < limit:
                limit = other[1]
                while limit > j and doc[limit - 1].lower_ in _ADJECTIVES | _DETERMINERS:
                    limit -= 1
        status_words = lower_words(doc, j, limit)
        status = _status_of(analysis, status_words)
        before = lower_words(doc, max(start, i - 4), i)
        if status is None:
            status = _status_of(analysis, before)
        adjectives = lower_words(doc, i + 1, j)
        if status is None and "remaining" in adjectives or "outstanding" in adjectives:
            status = "open"
        if whole is not None:
            tally.total = whole
        if status is None and whole is None and at_finding and tally.total is None:
            tally.total = value  # "the five recommendations …": a total, progress elsewhere
            found_any = True
            i = j
            continue
        if status == "closed":
            tally.closed = (tally.closed or 0) + value if tally.closed is not None else value
            found_any = True
        elif status == "open":
            tally.open = (tally.open or 0) + value if tally.open is not None else value
            found_any = True
        i = j
    if not found_any:
        if finding is not None and (all_word or none_word):
            return None
        return None
    return tally


def _all_or_none(analysis: Analysis, sentence: Sentence, finding: Finding, tally: Tally,
                 clause_start: int) -> None:
    """"all five … have been closed", "none of the four … has been closed"."""
    doc = analysis.doc
    rules = analysis.rules.numbers
    before = lower_words(doc, max(clause_start, finding.start - 6), finding.start)
    after = lower_words(doc, finding.end, min(finding.end + 8, sentence.tok_end))
    status = _status_of(analysis, after) or _status_of(analysis, before)
    total = tally.total
    if total is None:
        return
    if any(w in rules["all_words"] for w in before) and status:
        if status == "closed":
            tally.closed, tally.open = total, 0
        else:
            tally.open, tally.closed = total, 0
    elif any(w in rules["none_words"] for w in before) and status:
        if status == "closed":
            tally.closed, tally.open = 0, total
        else:
            tally.open, tally.closed = 0, total


def _subject(analysis: Analysis, sentence: Sentence, finding: Finding) -> str | None:
    """What an item is about: the words after a lead-in such as "relating to", to clause end."""
    doc = analysis.doc
    leads = analysis.rules.recommendations["subject_leads"]
    words = lower_words(doc, finding.end, min(finding.end + 5, sentence.tok_end))
    offset = 0
    if words[:1] == [","]:
        offset = 1
    if words[offset : offset + 1] == [":"]:
        start_tok = finding.end + offset + 1
    else:
        lead = None
        for phrase in sorted(leads, key=lambda p: -len(p.split())):
            size = len(phrase.split())
            if words[offset : offset + size] == phrase.split():
                lead = size
                break
        if lead is None:
            return None
        start_tok = finding.end + offset + lead
    end_tok = clause_end(doc, sentence.tok_end, start_tok, {";", "—", "–"})
    if start_tok >= end_tok:
        return None
    text = analysis.text[doc[start_tok].idx : doc[end_tok - 1].idx + len(doc[end_tok - 1])]
    return clean_subject(text)


def clean_subject(text: str) -> str | None:
    text = text.strip().strip("\"“”'‘’").strip()
    for tail in (" and", " or", ";", ".", ",", ":"):
        while text.endswith(tail):
            text = text[: -len(tail)].rstrip()
    return text or None


def _force_for(analysis: Analysis, sentence: Sentence, token: int) -> str | None:
    named = [m for m in analysis.forces_between(sentence.tok_start, sentence.tok_end)
             if analysis.usable(m, sentence)]
    if named:
        return named[0].force_id
    return analysis.force_before(token)


@dataclass
class Item:
    event: Event
    token: int


def extract_findings(analysis: Analysis) -> list[Event]:
    doc = analysis.doc
    rules = analysis.rules
    breaks = set(rules.words["clause_breaks"])
    tallies: list[Event] = []
    items: list[Item] = []
    context_total: dict[str, tuple[int, Sentence]] = {}
    for sentence in analysis.sentences:
        if sentence.is_list_item:
            continue
        words = lower_words(doc, sentence.tok_start, sentence.tok_end)
        if has_phrase(words, ["may", "might", "could", "if", "would"]):
            continue
        findings = findings_in(analysis, sentence)
        if not findings:
            _back_reference_tally(analysis, sentence, context_total, tallies)
            continue
        for finding in findings:
            force_id = _force_for(analysis, sentence, finding.start)
            if force_id is None:
                continue
            end = clause_end(doc, sentence.tok_end, finding.end, {";"})
            tally = _counts(analysis, sentence, finding, sentence.tok_start, end)
            if tally is not None and finding.plural:
                _all_or_none(analysis, sentence, finding, tally, sentence.tok_start)
                if tally.total is None and "these" in words and finding.kind in context_total:
                    tally.total = context_total[finding.kind][0]
                tally.complete()
                if tally.has_progress:
                    start = sentence.start
                    if finding.kind in context_total and "these" in words:
                        start = context_total[finding.kind][1].start
                    tallies.append(span_event(
                        analysis, start, sentence.end, "recommendation", force_id,
                        subject_kind=finding.kind, count_total=tally.total,
                        count_closed=tally.closed, count_open=tally.open))
                    context_total.pop(finding.kind, None)
                elif tally.total is not None:
                    context_total[finding.kind] = (tally.total, sentence)
                continue
            if finding.plural:
                continue
            before = lower_words(doc, max(sentence.tok_start, finding.start - 4), finding.start)
            after = lower_words(doc, finding.end, clause_end(doc, sentence.tok_end,
                                                              finding.end, breaks))
            subject = _subject(analysis, sentence, finding)
            status = _status_of(analysis, after[:6]) or _status_of(analysis, before)
            if subject and status is None:
                status = _status_of(analysis, after)
            if status is None and subject is None:
                continue
            items.append(Item(sentence_event(
                analysis, sentence, "recommendation", force_id, subject_kind=finding.kind,
                subject=subject, status=status), finding.start))
    items.extend(_list_items(analysis))
    return tallies + _merge_items(items)


def _back_reference_tally(analysis: Analysis, sentence: Sentence,
                          context_total: dict, out: list[Event]) -> None:
    """"… against the five recommendations. Three of these have been closed." """
    if not context_total:
        return
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    if not any(f" of {w} " in " " + " ".join(words) + " " for w in ("these", "those", "them")):
        return
    kind, (total, previous) = next(reversed(context_total.items()))
    if sentence.index - previous.index > 1:
        return
    tally = _counts(analysis, sentence, None, sentence.tok_start, sentence.tok_end)
    if tally is None or not tally.has_progress:
        return
    tally.kind, tally.total = kind, total
    tally.complete()
    force_id = _force_for(analysis, previous, previous.tok_start)
    out.append(span_event(analysis, previous.start, sentence.end, "recommendation", force_id,
                          subject_kind=kind, count_total=tally.total,
                          count_closed=tally.closed, count_open=tally.open))
    context_total.pop(kind, None)


def _list_items(analysis: Analysis) -> list[Item]:
    """Bulleted findings take their kind and status from the sentences that introduce them."""
    out: list[Item] = []
    sentences = analysis.sentences
    for index, sentence in enumerate(sentences):
        if not sentence.is_list_item:
            continue
        intro_index = index - 1
        while intro_index >= 0 and sentences[intro_index].is_list_item:
            intro_index -= 1
        if intro_index < 0 or not sentences[intro_index].text.rstrip().endswith(":"):
            continue
        context = [s for s in sentences[max(intro_index - 1, 0) : intro_index + 1]]
        kinds = [f for s in context for f in findings_in(analysis, s)]
        if not kinds:
            continue
        words = [w for s in context for w in lower_words(analysis.doc, s.tok_start, s.tok_end)]
        status = None
        for i in range(len(words) - 1, -1, -1):
            found = _status_of(analysis, words[i : i + 3])
            if found and words[i] in set(analysis.rules.recommendations["closed_words"]) | set(
                    analysis.rules.recommendations["open_words"]):
                status = found
                break
        subject = clean_subject(sentence.text[2:])
        force_id = _force_for(analysis, sentences[intro_index], sentences[intro_index].tok_start)
        if force_id is None or subject is None:
            continue
        out.append(Item(sentence_event(
            analysis, sentence, "recommendation", force_id, subject_kind=kinds[-1].kind,
            subject=subject, status=status), sentence.tok_start))
    return out


def _merge_items(items: list[Item]) -> list[Event]:
    """Later mentions of "the cause of concern" add to the item they refer to."""
    with_subject = [i for i in items if i.event.subject]
    without = [i for i in items if not i.event.subject]
    kept = list(with_subject)
    for item in without:
        same = [k for k in with_subject if (k.event.force_id, k.event.subject_kind) == (
            item.event.force_id, item.event.subject_kind)]
        if same:
            target = same[0]
            if target.event.status is None:
                target.event.status = item.event.status
            continue
        duplicate = [k for k in kept if not k.event.subject and (
            k.event.force_id, k.event.subject_kind, k.event.status) == (
            item.event.force_id, item.event.subject_kind, item.event.status)]
        if not duplicate:
            kept.append(item)
    seen: set[tuple] = set()
    out = []
    for item in sorted(kept, key=lambda i: i.event.char_start):
        key = (item.event.force_id, item.event.subject_kind, item.event.subject)
        if item.event.subject and key in seen:
            continue
        seen.add(key)
        out.append(item.event)
    return out
