"""What a finding is about: the words after its lead-in, cleaned, and split when it names several.

"raised a cause of concern with Sussex Police about how it manages sex offenders" is about
"how it manages sex offenders"; "the remaining two causes of concern on crime recording
standards and the quality of investigations" are about two things. The lead-ins, stops and
pronouns are data (rules/recommendations.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum, auto

from pipeline.extract.clauses import clause_end, lower_words, token_lowers
from pipeline.extract.context import Analysis
from pipeline.extract.counts import number_at
from pipeline.extract.finding_mentions import Finding, aside_end, findings_in

# Words after a finding read for who raised it ("we raised in 2023") and for its lead-in.
RAISER_WORDS = 4
LEAD_IN_WORDS = 6


class Intro(StrEnum):
    """How a finding's subject is introduced after it."""

    LEAD = auto()  # a lead-in: "… about how it manages offenders"
    COLON = auto()  # "Causes of concern: …"
    PREDICATE = auto()  # "Two causes of concern remain open: …": a status, then the list
    PAREN = auto()  # "(A, and B)"
    DASH = auto()  # "– on A and on B –"
    DASH_LIST = auto()  # "both causes of concern – A and B –": the aside is the list
    EACH = auto()  # ", one about A and one about B": each member named in turn
    STATED = auto()  # "…: that the force X, and that it Y": what recommendations ask for
    NONE = auto()  # no lead-in: a relative clause, an apposition or nothing


_TRAILING_PUNCTUATION = (";", ".", ",", ":")
_AHEAD = 5  # words after a comma in which a relative pronoun or a speech verb ends a subject
_STATUS_AHEAD = 4  # an auxiliary this close before a status word ends a subject
_PREDICATE_WORDS = 8  # "remain open for Durham Constabulary:" before a listing colon
_MODIFIER_WORDS = 12  # "identified in its PEEL inspection this summer:" before members
_ASIDE_WORDS = 6  # ", first raised by inspectors last year," between a finding and its lead
_QUOTES = "\"“”'‘’"
_PUNCTUATION = {":", ".", ",", ";", "-", "–", "—"}
_CACHE: dict[str, _Separators] = {}


@dataclass(frozen=True)
class _Separators:
    """The compiled separators of rules/recommendations.yaml, built once per rules version."""

    listed: tuple[re.Pattern, ...]  # strongest first; the last splits only before a noun phrase
    pair: tuple[re.Pattern, ...]  # two counted subjects
    last_pair: tuple[re.Pattern, ...]  # the last "and" of three or more
    uncounted: tuple[re.Pattern, ...]  # an uncounted list's commas
    trailers: tuple[str, ...]  # what a subject never ends with


def _separators(analysis: Analysis) -> _Separators:
    version = analysis.rules.version
    if version not in _CACHE:
        rec = analysis.rules.recommendations
        openers = "|".join(map(re.escape, rec.noun_phrase_openers))
        pair = tuple(re.compile(p) for p in rec.pair_separators)
        before_noun = tuple(re.compile(rf"{p.pattern}(?=(?:{openers})\b)") for p in pair)
        _CACHE[version] = _Separators(
            listed=tuple(re.compile(p) for p in rec.subject_separators) + before_noun,
            pair=pair, last_pair=tuple(re.compile(p) for p in rec.last_pair_separators),
            uncounted=tuple(re.compile(p) for p in rec.list_separators),
            trailers=tuple(f" {w}" for w in rec.subject_trailing_words) + _TRAILING_PUNCTUATION)
    return _CACHE[version]


def separators(analysis: Analysis) -> tuple[re.Pattern, ...]:
    """Separators between listed subjects, strongest first; the last splits only before a
    word that opens a noun phrase ("… calls and the management of …")."""
    return _separators(analysis).listed


def clean_subject(analysis: Analysis, text: str) -> str | None:
    """A subject without quote marks, lead-in pronouns or trailing "and"/punctuation."""
    text = text.strip().strip(_QUOTES).strip()
    lowered = text.lower().rstrip(".,;:")
    if lowered in set(analysis.rules.recommendations.not_subjects) or lowered in set(
            analysis.rules.words.force_anaphors):
        return None  # "them", "the force": what the finding refers to is named elsewhere
    for hedge in analysis.rules.recommendations.subject_hedges:
        if lowered.endswith(" " + hedge):  # "…, among other matters"
            text = text[: len(text.rstrip(".,;:")) - len(hedge)].rstrip()
    changed = True
    while changed:
        changed = False
        for tail in _separators(analysis).trailers:
            if text.endswith(tail):
                text = text[: -len(tail)].rstrip()
                changed = True
    text = text.strip().strip(_QUOTES).strip()
    if len(text.split()) > 1 and text.isupper():
        return None  # "RECOMMENDATIONS: QUARTERLY UPDATE": a heading's words in capitals
    return text or None


def only_references(subject: str) -> bool:
    """"(R3 and R7)", "(2.1, 2.4)": reference numbers name which findings, not what they
    are about."""
    words = re.findall(r"\w+", subject)
    coded = [w for w in words if any(c.isdigit() for c in w)]
    return bool(coded) and len(coded) >= len(words) - len(coded)


def long_enough(analysis: Analysis, subject: str | None) -> bool:
    """Cut-off fragments ("ca", "ide") at the end of an excerpt are not subjects."""
    minimum = analysis.rules.recommendations.min_subject_words
    return subject is not None and len(re.findall(r"\w+", subject)) >= minimum


def split_subjects(analysis: Analysis, text: str, count: int | None,
                   clause_openers: tuple[str, ...] = ()) -> list[str]:
    """Listed subjects: into `count` parts when the text is counted ("two causes of concern,
    on A and B"); uncounted, only at a semicolon or a repeated lead-in (done by the caller).
    A plain "and" splits two parts only when the first is not a clause ("how it
    investigates crime and supports victims" is one subject).
    """
    if not count or count < 2:
        return [text]
    parts = [text]
    compiled = _separators(analysis)
    splitters = compiled.listed
    if count == 2 and not text.lower().startswith(clause_openers):
        splitters = (*splitters, *compiled.pair)
    elif count > 2:  # "custody checks, vetting and call handling": the last "and" of a list
        splitters = (*splitters, *compiled.last_pair)
    for separator in splitters:
        if len(parts) >= count:
            break
        every = [q for p in parts for q in separator.split(p) if q.strip()]
        if len(every) <= count:
            parts = every
            continue
        last = [q for q in separator.split(parts[-1]) if q.strip()]
        if len(parts) - 1 + len(last) == count:
            parts = parts[:-1] + last
    return parts if len(parts) == count else [text]


def split_listed(analysis: Analysis, text: str, clause_openers: tuple[str, ...]) -> list[str]:
    """An uncounted list: "its call handling, crime recording and counter-corruption work"
    is three subjects, "call handling and crime recording" two, and "how it investigates
    crime and supports victims" one (the "and" joins two verbs of one clause)."""
    compiled = _separators(analysis)
    commas = _split_by(compiled.uncounted, text)
    if len(commas) > 1:
        before_noun = compiled.listed[len(analysis.rules.recommendations.subject_separators):]
        last = _split_by(before_noun, commas[-1])
        if len(last) == 1 and not commas[-1].lower().startswith(clause_openers):
            last = _split_by(compiled.pair, commas[-1])
        return commas[:-1] + last
    return split_subjects(analysis, text, 2, clause_openers)


def _split_by(patterns: tuple[re.Pattern, ...], text: str) -> list[str]:
    """The non-blank parts of text at the first pattern that splits it (else at the first)."""
    splits = [[p for p in pattern.split(text) if p.strip()] for pattern in patterns]
    return next((parts for parts in splits if len(parts) > 1), splits[0] if splits else [text])


def split_on_leads(text: str, leads: list[str]) -> list[str]:
    """"about call handling and about crime recording", "on vetting, on training and on
    supervision" → one subject per repeated lead-in."""
    for lead in sorted(leads, key=len, reverse=True):
        marker = re.compile(rf"(?:,\s+(?:and\s+)?|\s+and\s+){re.escape(lead)}\s+")
        parts = [p for p in marker.split(text) if p.strip()]
        if len(parts) > 1:
            return parts
    return [text]


def _skip_joiners(analysis: Analysis, finding: Finding) -> int:
    """Dates and the force may stand between a finding and its lead-in, and so may a
    participle or a predicate saying who raised it: "made to Essex Police, on …", "had been
    identified, covering …"."""
    doc = analysis.doc
    sentence = finding.sentence
    end = sentence.tok_end
    skip = {i for d in analysis.dates_between(sentence.tok_start, end)
            for i in range(d.tok_start, d.tok_end)}
    mentions = analysis.forces_between(sentence.tok_start, end)
    skip |= {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    rec = analysis.rules.recommendations
    joiners = set(rec.subject_joiners) - _owned_subjects(analysis, mentions, end)
    participles = set(rec.subject_stops)
    k = finding.end
    if k < end and doc[k].like_num:
        k += 1  # "Recommendation 2: …"
    k = _skip_raiser(analysis, k, end, skip)
    k = _skip_aside(analysis, k, end)
    previous = None
    while k != previous:
        previous = k
        while k < end and (k in skip or doc[k].lower_ in joiners and k + 1 in skip):
            k += 1
        if k + 2 < end and doc[k].lower_ in participles and doc[
                k + 1].lower_ in joiners and k + 2 in skip:
            k += 2
        k = issue_predicate_end(analysis, k, end) or k
        k = _after_force_anaphor(analysis, k, end, joiners)
    return k


def _owned_subjects(analysis: Analysis, mentions: list, end: int) -> set[str]:
    """"the recommendation on Kent Police's vetting backlog": a lead-in before a force that
    owns what follows introduces the subject, force and all (it joins no recipient)."""
    doc = analysis.doc
    possessives = set(analysis.rules.counts.possessives)
    leads = set(analysis.rules.recommendations.subject_leads)
    return {doc[m.tok_start - 1].lower_ for m in mentions
            if m.tok_start > 0 and m.tok_end < end and doc[m.tok_end].lower_ in possessives
            and doc[m.tok_start - 1].lower_ in leads}


def _after_force_anaphor(analysis: Analysis, k: int, end: int, joiners: set[str]) -> int:
    """"raised a cause of concern with the constabulary about …": the force, named by a
    phrase that stands for it, is who was told, not what the finding is about."""
    doc = analysis.doc
    leads = set(analysis.rules.recommendations.subject_leads)
    if k >= end or doc[k].lower_ not in joiners or doc[k].lower_ in leads:
        return k  # "on the force's response to calls" is what it is about
    for anaphor in analysis.rules.words.force_anaphors:
        parts = anaphor.split()
        after = k + 1 + len(parts)
        if len(parts) > 1 and lower_words(doc, k + 1, min(after, end)) == parts and not (
                after < end and doc[after].lower_ in analysis.rules.counts.possessives):
            return after
    return k


def _skip_aside(analysis: Analysis, k: int, end: int) -> int:
    """"the cause of concern, first raised last year, about …", "…, which was raised in
    2022, about …": an aside saying when it was raised, set off by commas before the lead."""
    doc = analysis.doc
    rec = analysis.rules.recommendations
    if k >= end or doc[k].text != ",":
        return k
    close = next((j for j in range(k + 1, min(end, k + _ASIDE_WORDS + 2))
                  if doc[j].text == ","), None)
    if close is None:
        return k
    words = lower_words(doc, k + 1, close)
    raised = set(words) & set(rec.subject_stops) or words[:1] and words[0] in set(
        rec.relative_pronouns)
    after = lower_words(doc, close + 1, min(end, close + 1 + LEAD_IN_WORDS))
    leads = (*rec.subject_leads, *rec.listing_leads)
    return close + 1 if raised and _lead_length(after, list(leads)) else k


def issue_predicate_end(analysis: Analysis, k: int, end: int) -> int | None:
    """After "three causes of concern had been identified, covering A, B and C": the token
    after the predicate that says they were raised (and its comma), or None."""
    rec = analysis.rules.recommendations
    doc = analysis.doc
    aux = set(rec.status_aux) | set(rec.issue_auxiliaries)
    start = k
    while k < end and doc[k].lower_ in aux:
        k += 1
    if k == start or k >= end or doc[k].lower_ not in set(rec.subject_stops) | set(
            rec.open_item_words):
        return None
    k += 1
    return k + 1 if k < end and doc[k].text == "," else k


def _skip_raiser(analysis: Analysis, k: int, end: int, skip: set[int]) -> int:
    """"the cause of concern we raised in 2023 about …": the clause saying who raised it."""
    rec = analysis.rules.recommendations
    raisers = [r.split() for r in rec.relative_raisers]
    issued = set(rec.open_item_words)
    words = lower_words(analysis.doc, k, min(k + RAISER_WORDS, end))
    for parts in sorted(raisers, key=len, reverse=True):
        if words[: len(parts)] == parts:
            j = k + len(parts)
            if j < end and analysis.doc[j].lower_ in rec.relative_pronouns:
                continue
            if j < end and analysis.doc[j].lower_ in issued:
                j += 1
                while j < end and j in skip:
                    j += 1
                return j
    return k


def _member_length(analysis: Analysis, words: list[str]) -> int | None:
    """The length of a member's opener and lead ("one about", "the other covering"), or None."""
    rec = analysis.rules.recommendations
    size = _lead_length(words, list(rec.distributive_openers))
    if size is None:
        return None
    lead = _lead_length(words[size:], list(rec.listing_leads))
    return None if lead is None else size + lead


def members(analysis: Analysis, text: str) -> list[str]:
    """"one about A, and one about B" → [A, B]: the text after each member's opener."""
    rec = analysis.rules.recommendations
    openers = "|".join(map(re.escape, sorted(rec.distributive_openers, key=len, reverse=True)))
    leads = "|".join(map(re.escape, sorted(rec.listing_leads, key=len, reverse=True)))
    joins = "|".join(map(re.escape, rec.clause_joiners))
    marker = re.compile(rf"(?:^|[;,]?\s+(?:(?:{joins})\s+)?)(?:{openers})\s+(?:{leads})\s+",
                        re.IGNORECASE)
    return [p for p in marker.split(text) if p.strip()]


def _lead_length(words: list[str], leads: list[str]) -> int | None:
    for phrase in sorted(leads, key=lambda p: -len(p.split())):
        parts = phrase.split()
        if words[: len(parts)] == parts:
            return len(parts)
    return None


def opens_value(analysis: Analysis, word: str) -> bool:
    """Whether a word after a label opens its value: a colon, or a bullet typed inline
    ("Causes of concern • child protection")."""
    return word == ":" or word in analysis.rules.recommendations.inline_bullets


def subject_start(analysis: Analysis, finding: Finding, leads: list[str]
                  ) -> tuple[int, str] | None:
    """The first token of the subject after a finding and how it is introduced (Intro.LEAD,
    Intro.COLON, Intro.PAREN or Intro.DASH), or None when no lead-in follows."""
    k = _skip_joiners(analysis, finding)
    end = finding.sentence.tok_end
    k = _past_relative(analysis, finding, k, end)
    words = lower_words(analysis.doc, k, min(k + LEAD_IN_WORDS, end))
    offset = 1 if words[:1] == [","] else 0
    each = offset or (1 if words[:1] == [":"] else 0)
    if finding.plural and _member_length(analysis, words[each:]):
        return k + each, Intro.EACH
    if words[offset : offset + 1] and opens_value(analysis, words[offset]):
        return k + offset + 1, Intro.COLON  # "Causes of concern: A", "Causes of concern • A"
    distributed = _members_after_modifier(analysis, finding, k, end)
    if distributed is not None:
        return distributed, Intro.EACH
    colon = _predicate_colon(analysis, k, end)
    if colon is not None:
        return colon, Intro.PREDICATE
    if words[offset : offset + 1] == ["("] and not offset:
        # "(see page 4)", "(paragraph 3.2)", "(25%)": a pointer or a figure names nothing
        pointer = words[1:2] and (words[1] in analysis.rules.recommendations.bracket_pointers
                                  or number_at(analysis, k + 1) is not None)
        return None if pointer else (k + 1, Intro.PAREN)
    if not offset and aside_end(analysis, k, end) is not None:
        size = _lead_length(words[1:], leads)  # "– on A, and on B –"
        if size is None and finding.plural:
            return k + 1, Intro.DASH_LIST
        return None if size is None else (k + 1 + size, Intro.DASH)
    size = _lead_length(words[offset:], leads)
    return None if size is None else (k + offset + size, Intro.LEAD)


def _past_relative(analysis: Analysis, finding: Finding, k: int, end: int) -> int:
    """"both causes of concern that led to the move – A and B –": a short relative clause
    may stand between counted findings and the aside that lists them; the aside's dash."""
    doc = analysis.doc
    if not finding.plural or k >= end or doc[k].lower_ not in (
            analysis.rules.recommendations.relative_pronouns):
        return k
    for j in range(k + 1, min(end - 1, k + _MODIFIER_WORDS)):
        if doc[j].text in _PUNCTUATION:
            return j if aside_end(analysis, j, end) is not None else k
    return k


def _members_after_modifier(analysis: Analysis, finding: Finding, k: int, end: int
                            ) -> int | None:
    """The token after the colon of "two causes of concern identified in its PEEL inspection
    this summer: one on A and one on B": words that qualify a counted finding may stand
    before a colon that hands out its members one by one (no clause break between)."""
    if not finding.plural:
        return None
    doc = analysis.doc
    for j in range(k, min(end - 1, k + _MODIFIER_WORDS)):
        if doc[j].text in _PUNCTUATION - {":"}:
            return None
        if doc[j].text == ":":
            after = lower_words(doc, j + 1, min(j + 1 + LEAD_IN_WORDS, end))
            return j + 1 if j > k and _member_length(analysis, after) else None
    return None


def _predicate_colon(analysis: Analysis, k: int, end: int) -> int | None:
    """The token after the colon of "… remain open for Durham Constabulary: A, and B" when
    only a status predicate (and the force) stands between the finding and the colon."""
    rec = analysis.rules.recommendations
    doc = analysis.doc
    status = {w for p in (*rec.closed_words, *rec.open_words) for w in p.split()}
    allowed = status | set(rec.status_aux) | set(rec.perfect_auxiliaries) | set(
        rec.status_negations) | set(rec.subject_joiners)
    forces = {i for m in analysis.forces_between(k, min(end, k + _PREDICATE_WORDS))
              for i in range(m.tok_start, m.tok_end)}
    j = k
    while j < end and j - k < _PREDICATE_WORDS and (doc[j].lower_ in allowed or j in forces):
        j += 1
    said = any(doc[i].lower_ in status for i in range(k, j))
    return j + 1 if said and j + 1 < end and doc[j].text == ":" else None


def subject_end(analysis: Analysis, finding: Finding, start: int, how: str = Intro.LEAD) -> int:
    """Where a subject stops: a clause break, a status verb, a participle saying when it was
    raised, a relative clause after a comma, or the next finding of the sentence; a subject
    in brackets stops at the closing bracket."""
    doc = analysis.doc
    rec = analysis.rules.recommendations
    sentence = finding.sentence
    if how == Intro.PAREN:
        return clause_end(doc, sentence.tok_end, start, {")"})
    if how in (Intro.DASH, Intro.DASH_LIST):
        return clause_end(doc, sentence.tok_end, start, set(rec.aside_dashes))
    if how == Intro.EACH:
        later = [f.start for f in findings_in(analysis, sentence) if f.start >= start]
        return _before_determiners(analysis, start, later[0]) if later else sentence.tok_end
    listed = how in (Intro.COLON, Intro.PREDICATE)  # "…: A; and B" lists past a semicolon
    end = clause_end(doc, sentence.tok_end, start, set(rec.aside_dashes) | (
        set() if listed else {";"}))
    later = [f.start for f in findings_in(analysis, sentence) if f.start >= start]
    if later:
        end = min(end, _before_determiners(analysis, start, later[0]))
    status_words = set(rec.closed_words) | set(rec.open_words)
    aux = set(rec.status_aux) | set(rec.perfect_auxiliaries) | set(rec.status_near_blockers)
    negations = set(rec.status_negations)
    stops = set(rec.subject_stops)
    followers = set(rec.subject_stop_followers)
    final_verbs = set(rec.subject_final_verbs)
    after_comma = set(rec.subject_stops_after_comma) | aux
    if how in (Intro.COLON, Intro.PREDICATE):
        after_comma -= set(rec.list_joins)  # "…: call handling, and the management of …"
    force_preps = set(rec.subject_force_prepositions)
    perfect = set(rec.perfect_auxiliaries)
    forces = {m.tok_start for m in analysis.forces_between(start, end)}
    early = _trailing_stops(analysis, start, end, aux)
    lowers = token_lowers(doc)
    for i in range(start, end):
        word = lowers[i]
        following = lowers[i + 1] if i + 1 < end else ""
        if word in force_preps and i + 1 in forces and i > start or i in early:
            return i  # "on custody at Gwent Police": the force is not the subject
        ahead = lowers[i + 1 : min(i + _STATUS_AHEAD, end)]
        said = f" {' '.join(ahead)} "  # "… was signed off": a status of several words too
        if word in aux and (any(f" {p} " in said for p in status_words) or ahead[:1] and (
                ahead[0] in negations)):
            return i  # "… has been achieved", "… has not yet been achieved"
        if word in stops and following in followers:
            return i
        if i > start and word in rec.list_joins and following in perfect:
            return i  # "about A and have made two recommendations": a new clause
        if i > start and word in final_verbs and (not following or following in (
                status_words | _PUNCTUATION)):
            return i  # "… about vetting remains.", "… about custody stays open"
        if word == "," and (following in after_comma or _relative_ahead(analysis, i, end) and not (
                listed and following in rec.list_joins)):  # "…: A, and how it … when …"
            return i
    return end


def _trailing_stops(analysis: Analysis, start: int, end: int, aux: set[str]) -> set[int]:
    """Tokens after a subject's first where it stops: a date after its preposition ("… to
    stalking in 2023"), an issuing passive ("… was made to the force"), a closing participle
    at the end ("had its cause of concern about crime recording closed last month"), a
    closing verb joined by "and" ("… about A and replaced it with …"), a time adverb ("…
    about vetting this week")."""
    rec = analysis.rules.recommendations
    lowers = token_lowers(analysis.doc)
    dates = analysis.dates_between(start, end)
    dated = {d.tok_start for d in dates}
    adverbial = {d.tok_start for d in dates if d.label in rec.subject_stop_date_labels}
    followers = set(rec.subject_stop_followers)
    stops = set(rec.subject_stops)
    participles = [p.split() for p in rec.subject_final_participles]
    joins, closing = set(rec.list_joins), set(rec.closed_words)  # "… and replaced it with …"
    out = set()
    for i in range(start + 1, end):
        word = lowers[i]
        following = lowers[i + 1] if i + 1 < end else ""
        size = next((len(p) for p in participles if lowers[i : i + len(p)] == p), 0)
        after = lowers[i + size] if size and i + size < end else ""
        if i in adverbial or word in joins and following in closing or word in followers and (
                i in dated or i + 1 in dated) or (
                word in aux and following in stops) or size and (
                not after or after in followers | _PUNCTUATION or i + size in dated):
            out.add(i)
    return out


def _relative_ahead(analysis: Analysis, comma: int, end: int) -> bool:
    """", the details of which are …" (a relative clause) or ", the inspectorate said" (an
    attribution) starts after the comma."""
    words = lower_words(analysis.doc, comma + 1, min(comma + _AHEAD, end))
    return any(w in analysis.rules.counts.relatives for w in words) or any(
        w in analysis.rules.words.speech_verbs for w in words)


def _before_determiners(analysis: Analysis, start: int, token: int) -> int:
    """The token where a following finding's noun phrase starts: "…, and the area of concern"."""
    doc = analysis.doc
    words = set(analysis.rules.counts.determiners) | set(analysis.rules.counts.modifiers)
    joins = set(analysis.rules.recommendations.finding_joins)
    while token > start and doc[token - 1].lower_ in words | joins:
        token -= 1
        if doc[token].lower_ in joins - words:  # "… has been closed, and the cause of …":
            while token > start and doc[token - 1].lower_ in joins - words:
                token -= 1  # the joins, not the status word before them
            break
    return token


def subject_span(analysis: Analysis, finding: Finding, leads: list[str] | None = None
                 ) -> tuple[int, int, str] | None:
    """Tokens [start, end) of the subject a lead-in introduces after a finding, and how."""
    leads = leads or analysis.rules.recommendations.subject_leads
    found = subject_start(analysis, finding, leads)
    if found is None or found[0] >= finding.sentence.tok_end:
        return None
    start, how = found
    end = subject_end(analysis, finding, start, how)
    return (start, end, how) if end > start else None


def span_text(analysis: Analysis, start: int, end: int) -> str:
    doc = analysis.doc
    return analysis.text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]


def subject_after(analysis: Analysis, finding: Finding, leads: list[str] | None = None
                  ) -> str | None:
    """The subject a lead-in introduces after a finding, to where it stops."""
    span = subject_span(analysis, finding, leads)
    return None if span is None else clean_subject(analysis, span_text(analysis, *span[:2]))


def relative_subject(analysis: Analysis, finding: Finding) -> str | None:
    """"The cause of concern that has been closed is about call handling."""
    doc = analysis.doc
    sentence = finding.sentence
    if finding.plural or finding.end >= sentence.tok_end:
        return None
    words = lower_words(doc, finding.end, sentence.tok_end)
    if not words or words[0] not in analysis.rules.recommendations.relative_pronouns:
        return None
    leads = [p.split() for p in analysis.rules.recommendations.relative_subject_leads]
    for i in range(1, len(words)):
        if words[i] in (",", ".", ";"):
            return None
        for parts in leads:
            if words[i : i + len(parts)] == parts:
                tokens = [t for t in doc[finding.end : sentence.tok_end] if not t.is_space]
                if i + len(parts) >= len(tokens):
                    return None
                begin = tokens[i + len(parts)].idx
                return clean_subject(analysis, analysis.text[begin : sentence.end])
    return None


def predicate_subject(analysis: Analysis, finding: Finding) -> str | None:
    """"The only recommendation still open concerns how it records stop and search", "Kent
    Police's last open recommendation is about training": after a finding and the status
    or force that qualify it, a verb that says what the finding is about."""
    doc = analysis.doc
    rec = analysis.rules.recommendations
    sentence = finding.sentence
    if finding.plural:
        return None
    status = {w for p in (*rec.closed_words, *rec.open_words) for w in p.split()}
    allowed = status | set(rec.status_aux) | set(rec.status_negations) | set(
        rec.subject_force_prepositions)
    forces = {i for m in analysis.forces_between(finding.end, sentence.tok_end)
              for i in range(m.tok_start, m.tok_end)}
    leads = list(rec.predicate_subject_leads)
    k = finding.end
    size = None
    while k < sentence.tok_end and k - finding.end < _PREDICATE_WORDS:
        size = _lead_length(lower_words(doc, k, min(k + LEAD_IN_WORDS, sentence.tok_end)),
                            leads)
        if size is not None or not (doc[k].lower_ in allowed or k in forces):
            break
        k += 1
    if size is None or k + size >= sentence.tok_end or doc[k + size].lower_ in set(
            rec.predicate_not_starts):
        return None  # "was about to be reviewed"
    end = clause_end(doc, sentence.tok_end, k + size, set(_TRAILING_PUNCTUATION))
    return clean_subject(analysis, span_text(analysis, k + size, end)) if end > k + size else None


def plural_predicate_subjects(analysis: Analysis, finding: Finding) -> list[str]:
    """"The two recommendations that are partly met concern A and B": after a counted set
    and the relative clause that qualifies it, a verb saying what its members are about;
    the members are as many as the count."""
    doc = analysis.doc
    rec = analysis.rules.recommendations
    sentence = finding.sentence
    count = _counted(analysis, finding)
    if count is None or count < 2:
        return []
    status = {w for p in (*rec.closed_words, *rec.open_words) for w in p.split()}
    allowed = status | set(rec.status_aux) | set(rec.status_negations) | set(
        rec.relative_pronouns) | set(rec.partial_words) | set(rec.perfect_auxiliaries) | {
        w for q in rec.antecedent_quantifiers for w in q.split()} | {","} | set(
        rec.subject_force_prepositions)
    forces = {i for m in analysis.forces_between(finding.end, sentence.tok_end)
              for i in range(m.tok_start, m.tok_end)}  # "… still open at Kent Police are …"
    k = finding.end
    while k < sentence.tok_end and k - finding.end < _PREDICATE_WORDS:
        size = _lead_length(lower_words(doc, k, min(k + LEAD_IN_WORDS, sentence.tok_end)),
                            list(rec.plural_predicate_leads))
        if size is not None and k > finding.end:
            end = clause_end(doc, sentence.tok_end, k + size, {";", ":"})
            text = clean_subject(analysis, span_text(analysis, k + size, end))
            parts = split_subjects(analysis, text, count, tuple(
                rec.clause_subject_openers)) if text else []
            kept = [p for p in (clean_subject(analysis, q) for q in parts) if p]
            return kept if len(kept) == count else []
        if doc[k].lower_ not in allowed and k not in forces:
            return []
        k += 1
    return []


def _counted(analysis: Analysis, finding: Finding) -> int | None:
    k = finding.start - 1
    skip = set(analysis.rules.counts.determiners) | set(analysis.rules.counts.modifiers)
    while k > finding.sentence.tok_start and analysis.doc[k].lower_ in skip:
        k -= 1
    return number_at(analysis, k) if finding.plural and k >= finding.sentence.tok_start else None


def names_only_a_force(analysis: Analysis, start: int, end: int) -> bool:
    """"Accelerated cause of concern: Kent Police" names whom, not what it is about."""
    words = [w for w in lower_words(analysis.doc, start, end) if w not in _PUNCTUATION]
    mentions = analysis.forces_between(start, end)
    covered = sum(len(lower_words(analysis.doc, m.tok_start, m.tok_end)) for m in mentions)
    return bool(mentions) and covered == len(words)


def past_the_force(analysis: Analysis, start: int, end: int) -> int:
    """"… raised three causes of concern about Kent Police: call handling, …": where the
    subjects start when the lead's words are the force and a colon before the list (else
    `start`)."""
    articles = set(analysis.rules.recommendations.articles)
    k = start
    while k < end and analysis.doc[k].lower_ in articles:
        k += 1
    first = next((m for m in analysis.forces_between(start, end) if m.tok_start in (start, k)),
                 None)  # the article may be part of the name ("the Met")
    colons = analysis.rules.recommendations.force_list_colons
    if first is not None and first.tok_end + 1 < end and analysis.doc[first.tok_end].text in (
            colons):
        return first.tok_end + 1
    return start


def opens_with_a_force(analysis: Analysis, start: int, end: int) -> bool:
    """"… raised about Thames Valley Police, following a revisit in May": the force a
    finding is about, then an aside, names whom the finding is about and nothing else."""
    articles = set(analysis.rules.recommendations.articles)
    while start < end and analysis.doc[start].lower_ in articles:
        start += 1
    first = next((m for m in analysis.forces_between(start, end) if m.tok_start == start), None)
    return first is not None and (first.tok_end >= end or analysis.doc[first.tok_end].text in (
        _PUNCTUATION - {"-"}))
