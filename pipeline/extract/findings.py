"""recommendation events: causes of concern and recommendations, as items and as tallies.

Tallies are arithmetic over counts the text gives ("three of the five … closed"), so the
code only reads numbers, their "of" structure and the status word each number governs;
which words mean closed or open is data in rules/recommendations.yaml.
"""

from __future__ import annotations

import re
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
    if word.isdigit():
        value = int(word)
        return value if value <= 60 else None  # "999 calls" is not a count of findings
    value = analysis.rules.numbers["numbers"].get(word)
    if word in ("a", "an", "single", "no"):
        return None
    return value


def _status_of(analysis: Analysis, words: list[str], *, tally: bool = False) -> str | None:
    """The status a run of words gives: a status verb ("have been closed") beats an adjective.

    For tallies, words that only mean "issued" ("raised two causes of concern") say nothing
    about progress and are ignored.
    """
    rec = analysis.rules.recommendations
    issued = set(rec["open_item_words"]) if tally else set()
    found: list[tuple[int, str]] = []
    for i in range(len(words)):
        rest = words[i:]
        for status, phrases in (("closed", rec["closed_words"]), ("open", rec["open_words"])):
            for phrase in phrases:
                parts = phrase.split()
                if rest[: len(parts)] == parts and phrase not in issued:
                    found.append((i, status))
    if not found:
        return None
    aux = {"been", "is", "are", "was", "were", "remain", "remains", "now", "be"}
    for i, status in found:
        if i > 0 and words[i - 1] in aux:
            return status
    return found[0][1]


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
        prev = [t.lower_ for t in doc[max(start, i - 2) : i]]
        if prev[-1:] == ["of"] or (len(prev) == 2 and prev[0] == "of" and prev[1] in
                                    _DETERMINERS):
            tally.total = value  # "Of the four causes of concern …, two have been closed"
            found_any = True
            i += 1
            continue
        every = word == "both" or (prev[-1:] and prev[-1] in rules["all_words"])
        # What follows the number: "of the five", an adjective and the finding, a verb.
        j = i + 1
        whole = None
        if j < end and doc[j].lower_ in ("of", "out"):
            k = j + (2 if doc[j].lower_ == "out" else 1)
            while k < end and (doc[k].lower_ in _DETERMINERS or doc[k].lower_ in _ADJECTIVES):
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
        limit = min(j + 20, end)
        for other in analysis.matches_in("findings", sentence):
            if j <= other[1] < limit:
                limit = other[1]
                while limit > j and doc[limit - 1].lower_ in _ADJECTIVES | _DETERMINERS:
                    limit -= 1
        for k in range(j, limit):
            if k not in skip and _number(analysis, doc[k].lower_) is not None:
                limit = k
                break
        # "has closed two of the three …": a status verb right before the count governs it.
        before = [w for w in lower_words(doc, max(start, i - 4), i)
                  if w not in ("has", "have", "had", "now", "already", "so", "far", "all",
                               "both", "every")][-1:]
        status = _status_of(analysis, before, tally=True)
        if status is None:
            after = lower_words(doc, j, limit)
            status = _status_of(analysis, after, tally=True)
            # "The four causes of concern, all of which are now closed": the count is the total.
            if status and has_phrase(after[:4], ["all of which", "both of which", "all of them"]):
                every = True
        adjectives = lower_words(doc, i + 1, j)
        if status is None:
            status = _status_of(analysis, adjectives, tally=True)  # "the two open causes …"
        if not at_finding and whole is None and tally.total is None and (
                finding is not None):
            i = j  # "Both have closed some of their causes": not a count of findings
            continue
        if whole is not None:
            tally.total = whole
        elif every and status is not None:
            tally.total = value
        if status is None and whole is None and at_finding and tally.total is None:
            tally.total = value  # "the five recommendations …": a total, progress elsewhere
            found_any = True
            i = j
            continue
        if status == "closed":
            tally.closed = (tally.closed or 0) + value
            found_any = True
        elif status == "open":
            tally.open = (tally.open or 0) + value
            found_any = True
        i = j
    return tally if found_any else None


_LISTING_LEADS = ["about", "on", "relating to", "related to", "concerning", "covering", "over",
                  "around", "into"]


def _subject(analysis: Analysis, sentence: Sentence, finding: Finding,
             leads: list[str] | None = None) -> str | None:
    """What an item is about: the words after a lead-in such as "relating to", to clause end.

    Dates and the force ("issued … earlier this year to Sussex Police about …") may stand
    between the finding and its lead-in; the subject stops before a status verb ("… has
    been closed", "… remains open").
    """
    doc = analysis.doc
    leads = leads or analysis.rules.recommendations["subject_leads"]
    skip = {i for d in analysis.dates_between(sentence.tok_start, sentence.tok_end)
            for i in range(d.tok_start, d.tok_end)}
    skip |= {i for m in analysis.forces_between(sentence.tok_start, sentence.tok_end)
             for i in range(m.tok_start, m.tok_end)}
    k = finding.end
    joiners = ("to", "for", "with", "on", ",")
    while k < sentence.tok_end and (k in skip or doc[k].lower_ in joiners and k + 1 in skip):
        k += 1
    words = lower_words(doc, k, min(k + 5, sentence.tok_end))
    offset = 1 if words[:1] == [","] else 0
    if words[offset : offset + 1] == [":"]:
        start_tok = k + offset + 1
    else:
        lead = None
        for phrase in sorted(leads, key=lambda p: -len(p.split())):
            size = len(phrase.split())
            if words[offset : offset + size] == phrase.split():
                lead = size
                break
        if lead is None:
            # "The cause of concern that has been closed is about call handling."
            later = re.match(r"(?:that|which)\b[^,.;]*?\b(?:(?:is|was|are|were) about|"
                             r"relates? to)\s+",
                             analysis.text[doc[k].idx : sentence.end] if k < sentence.tok_end
                             and not finding.plural else "")
            if later is None or k >= sentence.tok_end:
                return None
            begin = doc[k].idx + later.end()
            return clean_subject(analysis.text[begin : sentence.end])
        start_tok = k + offset + lead
    end_tok = clause_end(doc, sentence.tok_end, start_tok, {";", "—", "–"})
    rec = analysis.rules.recommendations
    status_words = set(rec["closed_words"]) | set(rec["open_words"])
    aux = {"has", "have", "is", "are", "was", "were", "remains", "remain", "had"}
    for i in range(start_tok, end_tok):
        if doc[i].lower_ in aux and any(t.lower_ in status_words
                                        for t in doc[i + 1 : min(i + 4, end_tok)]):
            end_tok = i
            break
        if doc[i].text == "," and i + 1 < end_tok and doc[i + 1].lower_ in (
                "as", "while", "and", "but", "which", *aux):
            end_tok = i
            break
    if start_tok >= end_tok:
        return None
    text = analysis.text[doc[start_tok].idx : doc[end_tok - 1].idx + len(doc[end_tok - 1])]
    return clean_subject(text)


def _split_subjects(subject: str, leads: list[str]) -> list[str]:
    """"about call handling and about crime recording" → two subjects."""
    for lead in sorted(leads, key=len, reverse=True):
        marker = f" and {lead} " if lead else " and "
        if marker in subject:
            parts = [clean_subject(p) for p in subject.split(marker)]
            return [p for p in parts if p]
    return [subject]


_NOT_SUBJECTS = {"both", "them", "it", "these", "those", "all", "each", "either", "this", "that"}


def clean_subject(text: str) -> str | None:
    text = text.strip().strip("\"“”'‘’").strip()
    if text.lower().rstrip(".,;:") in _NOT_SUBJECTS:
        return None
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
        findings = findings_in(analysis, sentence)
        if not findings:
            _back_reference_tally(analysis, sentence, context_total, tallies)
            items.extend(_back_reference_items(analysis, sentence))
            continue
        for finding in findings:
            force_id = _force_for(analysis, sentence, finding.start)
            if force_id is None:
                continue
            near = lower_words(doc, max(sentence.tok_start, finding.start - 4), finding.start)
            if has_phrase(near, ["may", "might", "could", "if", "would", "should", "unless"]) or (
                    has_phrase(lower_words(doc, sentence.tok_start, finding.start),
                               ["until", "unless", "if"])):
                continue  # "a force may be escalated if it fails to address a cause of concern"
            end = clause_end(doc, sentence.tok_end, finding.end, {";"})
            tally = _counts(analysis, sentence, finding, sentence.tok_start, end)
            if tally is not None and finding.plural and (tally.has_progress or not _subject(
                    analysis, sentence, finding)):
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
                listed = _subject(analysis, sentence, finding, leads=_LISTING_LEADS)
                if not listed or any(f.start > finding.end for f in findings):
                    continue
            if finding.plural:
                subject = _subject(analysis, sentence, finding)
                if subject:
                    after = lower_words(doc, finding.end, sentence.tok_end)
                    parts = _split_subjects(subject, rules.recommendations["subject_leads"])
                    status = _status_of(analysis, after) or _status_of(analysis, near[-3:])
                    if status is None and tally is not None:
                        # "closed two of its four causes of concern, on X and on Y"
                        status = ("closed" if tally.closed == len(parts) else
                                  "open" if tally.open == len(parts) else None)
                    if status is None:
                        continue  # "our recommendations on X": a topic, not a finding
                    for part in _split_subjects(subject, rules.recommendations["subject_leads"]):
                        items.append(Item(sentence_event(
                            analysis, sentence, "recommendation", force_id,
                            subject_kind=finding.kind, subject=part, status=status),
                            finding.start))
                continue
            before = lower_words(doc, max(sentence.tok_start, finding.start - 4), finding.start)
            after = lower_words(doc, finding.end, clause_end(doc, sentence.tok_end,
                                                              finding.end, breaks))
            subject = _subject(analysis, sentence, finding)
            # "has closed the cause of concern it raised in 2022": the governing verb before
            # the finding wins over an "issued" word in a relative clause after it.
            status = (_status_of(analysis, before[-3:]) or _status_of(analysis, after[:6],
                                                                       tally=True)
                      or _status_of(analysis, after[:6]) or _status_of(analysis, before))
            if has_phrase(before, ["as has", "as have", "as was", "as is"]) and (
                    items and items[-1].event.evidence == sentence.text):
                status = items[-1].event.status  # "… has been closed, as has the cause of …"
            if subject and status is None:
                status = _status_of(analysis, after)
            if status is None and subject is None:
                continue
            items.append(Item(sentence_event(
                analysis, sentence, "recommendation", force_id, subject_kind=finding.kind,
                subject=subject, status=status), finding.start))
    _subjects_from_next_sentence(analysis, items)
    items.extend(_list_items(analysis))
    return _merge_tallies(tallies) + _merge_items(items)


def _subjects_from_next_sentence(analysis: Analysis, items: list[Item]) -> None:
    """"The remaining cause of concern is the hardest to fix. It is about how the force …"."""
    leads = analysis.rules.recommendations["subject_leads"]
    by_start = {s.start: s for s in analysis.sentences}
    for item in items:
        event = item.event
        if event.subject or event.char_start not in by_start:
            continue
        sentence = by_start[event.char_start]
        if sentence.index + 1 >= len(analysis.sentences):
            continue
        following = analysis.sentences[sentence.index + 1]
        words = following.text.split()
        if len(words) < 4 or words[0].lower() not in ("it", "this") or words[1].lower() not in (
                "is", "was", "concerns", "relates", "related"):
            continue
        rest = " ".join(words[2:]) if words[1].lower() in ("is", "was") else " ".join(words[1:])
        for lead in sorted(leads, key=len, reverse=True):
            if rest.lower().startswith(lead + " "):
                event.subject = clean_subject(rest[len(lead) + 1 :])
                event.char_end = following.end
                event.evidence = analysis.text[event.char_start : event.char_end]
                break


def _merge_tallies(tallies: list[Event]) -> list[Event]:
    """A tally that repeats part of a fuller one ("the two remaining …") adds nothing."""
    def counts(e: Event) -> dict:
        return {k: v for k, v in (("t", e.count_total), ("c", e.count_closed),
                                  ("o", e.count_open)) if v is not None}

    kept = []
    for tally in tallies:
        mine = counts(tally)
        if any(other is not tally and (other.force_id, other.subject_kind) == (
                tally.force_id, tally.subject_kind) and mine.items() <= counts(other).items()
               and (len(counts(other)) > len(mine) or tallies.index(other) < tallies.index(tally))
               for other in tallies):
            continue
        kept.append(tally)
    return kept


_BACK_REFERENCE = re.compile(
    r"^(?:but |and |of these, |of them, )?(?P<ref>one of (?:these|them|those|the \w+)|"
    r"the other(?: one)?|the (?:last|final|remaining|first|second|third|fourth) one|"
    r"the (?:first|second|third|fourth|last)|the (?:two|three|four|five) that remains? "
    r"(?:open|outstanding))\b[ ,]*", re.IGNORECASE)
_LATER_LEAD = re.compile(r"^(?:which |that )?(?:(?:is|was|are|were) (?:about|on)|"
                         r"relates? to|related to|concerns?|covers?|,? ?on)\s+", re.IGNORECASE)


def _back_reference_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """"One of these, on call handling, has now been closed." "The other … remains open."

    Items named by reference to findings of the sentences just before: the kind comes from
    them, the subject and status from this sentence.
    """
    match = _BACK_REFERENCE.match(sentence.text)
    if not match:
        return []
    previous = analysis.sentences[max(sentence.index - 3, 0) : sentence.index]
    kinds = [f.kind for s in previous for f in findings_in(analysis, s)]
    if not kinds:
        return []
    rest = sentence.text[match.end():]
    lead = _LATER_LEAD.match(rest)
    if not lead:
        return []
    subject_text = rest[lead.end():]
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    status = _status_of(analysis, words)
    cut = re.search(r",? (?:has|have|is|are|was|were|remains?)\b[^,]*?\b(?:closed|open|"
                    r"outstanding|discharged)\b|, (?:and|but|while|are|is|was|were|has|have|"
                    r"remains?) ", subject_text)
    if cut:
        subject_text = subject_text[: cut.start()]
    if ", " in subject_text and " and " not in subject_text:
        subject_text = subject_text.split(", ")[0]
    force_id = _force_for(analysis, sentence, sentence.tok_start)
    subjects = _split_subjects(clean_subject(subject_text) or "",
                               analysis.rules.recommendations["subject_leads"] + [""])
    out = []
    for subject in subjects:
        subject = clean_subject(subject)
        if subject and force_id:
            out.append(Item(sentence_event(analysis, sentence, "recommendation", force_id,
                                           subject_kind=kinds[-1], subject=subject,
                                           status=status), sentence.tok_start))
    return out


def _back_reference_tally(analysis: Analysis, sentence: Sentence,
                          context_total: dict, out: list[Event]) -> None:
    """"… against the five recommendations. Three of these have been closed." """
    if not context_total:
        return
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    if not has_phrase(words, [f"of {w}" for w in analysis.rules.recommendations[
            "back_references"]]):
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
        context = list(sentences[max(intro_index - 2, 0) : intro_index + 1])
        kinds = [f for s in context for f in findings_in(analysis, s)]
        if not kinds:
            continue
        intro_words = lower_words(analysis.doc, sentences[intro_index].tok_start,
                                  sentences[intro_index].tok_end)
        # "we recommend that the force should:" lists recommendations, whatever it addresses.
        kind = "recommendation" if any(w.startswith("recommend") or w == "should"
                                       for w in intro_words) else kinds[-1].kind
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
            analysis, sentence, "recommendation", force_id, subject_kind=kind,
            subject=subject, status=status), sentence.tok_start))
    return out


_STOP = {"the", "and", "how", "its", "their", "with", "that", "which", "this", "from", "into",
         "well", "about", "force", "forces", "police", "constabulary", "way", "ways"}


def _content_words(subject: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", subject.lower()) if len(w) > 3 and w not in _STOP}


def _same_finding(a: Event, b: Event) -> bool:
    """Two wordings of one finding: "the management of registered sex offenders" and "how
    the force manages the risk posed by registered sex offenders" share what they are about.
    """
    if (a.force_id, a.subject_kind) != (b.force_id, b.subject_kind):
        return False
    words_a, words_b = _content_words(a.subject or ""), _content_words(b.subject or "")
    shared = words_a & words_b
    smaller = min(len(words_a), len(words_b))
    return bool(shared) and (shared in (words_a, words_b) or len(shared) >= 2 and len(
        shared) >= 0.6 * smaller)


def _merge_items(items: list[Item]) -> list[Event]:
    """Later mentions of "the cause of concern" add to the item they refer to."""
    subjectful: list[Item] = []
    for item in (i for i in items if i.event.subject):
        twin = next((k for k in subjectful if k.event.evidence != item.event.evidence
                     and _same_finding(k.event, item.event)), None)
        if twin is None:
            subjectful.append(item)
        elif twin.event.status is None and item.event.status is not None:
            subjectful[subjectful.index(twin)] = item  # the wording that states a status
    items = subjectful + [i for i in items if not i.event.subject]
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
