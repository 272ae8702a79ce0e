"""Findings laid out as lists and headings, and the reasons given for a move into Engage.

- Bullets introduced by a finding sentence ("we identified two causes of concern, which
  were that the force:") are items of that kind with the introduction's status; bullets
  after "The force should:" are recommendations when a finding is named just before.
- A heading that names one finding ("Cause of concern") labels the sentence after it.
- Concerns named as the reasons for a move into Engage ("had been moved into Engage
  because:", a "Reasons" label, "Because of these concerns, … moved the force into
  enhanced monitoring") are open causes of concern, and so are the concerns a reason
  sentence counts ("… identified three areas where the force must improve: A; B and C").
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH

from pipeline.codes import FindingKind, Phase, Status
from pipeline.extract.clauses import has_phrase, last_word_end, lower_words, token_column
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.counts import Tally, number_at
from pipeline.extract.finding_antecedents import found_object_start
from pipeline.extract.finding_mentions import (
    Finding,
    dated_before,
    finding_force,
    findings_in,
    is_hypothetical,
)
from pipeline.extract.force_scope import forces_of
from pipeline.extract.items import Item, Source, count_before, finding_subjects, item_status
from pipeline.extract.phase_cues import bare_engage_tokens
from pipeline.extract.status import cached_words, status_in
from pipeline.extract.status_badges import (
    alone_on_line,
    body_token,
    label_line_status,
    trailing_status,
    up_to,
)
from pipeline.extract.subjects import (
    clean_subject,
    long_enough,
    names_only_a_force,
    span_text,
    split_listed,
    split_subjects,
    subject_end,
)

# Words a sentence opens with that say it refers back ("They related to:", "The two that …").
OPENING_WORDS = 3

_FINAL_MARKS = ".!?"
_CLAUSE_BREAKS = frozenset(";,")
_CONNECTIVE_REACH = 8  # "following a series of inspections that raised concerns about …"
STATUS_INTRO_WORDS = 8  # words at most of a status line over a list ("Still open, among others:")
STATUS_LEAD_WORDS = 2  # the status opens that line ("Closed since …", "Still open")


def enters_engage(analysis: Analysis, sentence: Sentence) -> bool:
    """Whether a sentence names Engage without saying the force left it."""
    if not _names_engage(analysis, sentence):
        return False
    words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    return not has_phrase(words, analysis.rules.recommendations.exit_cues)


def left_engage(analysis: Analysis) -> set[str]:
    """The forces the document says have left Engage ("has been taken out of special
    measures"), found once per document."""
    cached = analysis.cache.get(left_engage)
    if cached is None:
        cached = set()
        for index in sorted(engage_sentences(analysis)):
            sentence = analysis.sentences[index]
            if enters_engage(analysis, sentence):
                continue
            named = forces_of(analysis, sentence, sentence.tok_start, sentence.tok_end)
            cached |= set(named) or {finding_force(analysis, sentence, sentence.tok_start)}
        analysis.cache[left_engage] = cached
    return cached


def engage_sentences(analysis: Analysis) -> set[int]:
    """The sentences that name Engage, found once per document."""
    doc = analysis.doc
    cached = analysis.cache.get(engage_sentences)
    if cached is None:
        names = [doc.vocab.strings.add(n) for n in analysis.rules.recommendations.engage_names]
        tokens = [s for label, s, _ in analysis.matches("phase_terms") if label == Phase.ENGAGE]
        tokens += bare_engage_tokens(analysis)
        if any(n in analysis.text for n in analysis.rules.recommendations.engage_names):
            tokens += numpy.flatnonzero(numpy.isin(token_column(doc, ORTH), names)).tolist()
        cached = analysis.cache[engage_sentences] = {analysis.token_sentence[i] for i in tokens}
    return cached


def _names_engage(analysis: Analysis, sentence: Sentence) -> bool:
    return sentence.index in engage_sentences(analysis)


def engage_nearby(analysis: Analysis, index: int) -> bool:
    """A move into Engage in the sentence, or (when it names none) in those just before, or
    in the headline of a page about Engage ("Forces in Engage" over each force's reasons)."""
    sentence = analysis.sentences[index]
    if _names_engage(analysis, sentence):
        return enters_engage(analysis, sentence)
    window = analysis.rules.recommendations.reason_window
    named = engage_sentences(analysis)
    headline = analysis.sentences[0]
    return any(i in named and enters_engage(analysis, analysis.sentences[i])
               for i in range(max(index - window, 0), index)) or (
        analysis.is_heading(headline) and enters_engage(analysis, headline))


def is_heading(analysis: Analysis, sentence: Sentence) -> bool:
    """A short line of its own without a full stop: "Cause of concern", "Reasons"."""
    sentences = analysis.sentences
    alone = (sentence.index == 0 or sentences[sentence.index - 1].paragraph
             != sentence.paragraph) and (sentence.index + 1 >= len(sentences) or sentences[
                 sentence.index + 1].paragraph != sentence.paragraph)
    words = sentence.text.split()
    return alone and not sentence.is_list_item and sentence.text[-1] not in _FINAL_MARKS and (
        len(words) <= analysis.rules.recommendations.heading_max_words)


def _bullet_runs(analysis: Analysis) -> list[tuple[int, list[Sentence]]]:
    """Runs of bullets: the index of the sentence that introduces them, and the first
    sentence of each bullet (a bullet's later sentences share its paragraph). Lines of
    their own after a line that ends with a colon are bullets without a marker. A bullet
    that ends with a colon over bullets of its own ("4. The recommendations achieved
    concern:" then "(a) …") introduces them: a letter's numbered paragraph over a list."""
    bullet_paragraphs = {s.paragraph for s in analysis.sentences if s.is_list_item}
    runs: list[tuple[int, list[Sentence]]] = []
    current: list[Sentence] | None = None
    unmarked = _unmarked_items(analysis)
    outer = None  # the numbering of the list a nested list sits in
    for sentence in analysis.sentences:
        if _introduces_nested(analysis, sentence, bullet_paragraphs, unmarked):
            current, outer = None, _numbering(analysis, sentence)
            continue
        if outer is not None and sentence.is_list_item and _numbering(
                analysis, sentence) == outer:
            current, outer = None, None  # "4. …" after "3. …:" and "(a) …": the outer list
        if sentence.is_list_item or sentence.index in unmarked:
            if current is None:
                current = []
                runs.append((sentence.index - 1, current))
            current.append(sentence)
        elif sentence.paragraph not in bullet_paragraphs:
            current = None
    return runs


def _introduces_nested(analysis: Analysis, sentence: Sentence, bullet_paragraphs: set[int],
                       unmarked: set[int]) -> bool:
    later = analysis.sentences[sentence.index + 1:sentence.index + 2]
    return sentence.paragraph in bullet_paragraphs and sentence.text.rstrip().endswith(
        ":") and bool(later) and later[0].paragraph != sentence.paragraph and (
        later[0].is_list_item or later[0].index in unmarked)


def _numbering(analysis: Analysis, sentence: Sentence) -> int | None:
    """The kind of numbering of the list item a sentence is in ("3." numbers, "(a)"
    letters), or None for bullets and prose."""
    sentences, k = analysis.sentences, sentence.index
    while k > 0 and not sentences[k].is_list_item and sentences[k - 1].paragraph == (
            sentence.paragraph):
        k -= 1  # back to the paragraph's first sentence, which carries its marker
    first = sentences[k]
    place = _ordinal(first.text[: first.marker]) if first.is_list_item else None
    return None if place is None else place[0]


def _unmarked_items(analysis: Analysis) -> set[int]:
    """"Two causes of concern remain open:" then "the supervision of investigations;" and
    "how it records crime." on lines of their own: the lines after the colon, each one
    short sentence, up to the one that ends with a full stop. That line is the last item
    when the lines before it end with ";" or "and", or when it opens in lower case;
    otherwise it is the prose after the list."""
    rec = analysis.rules.recommendations
    ends = tuple(rec.unmarked_item_continuations)
    out: set[int] = set()
    sentences = analysis.sentences
    for intro in sentences:
        if not intro.text.rstrip().endswith(":") or not alone_on_line(analysis, intro):
            continue
        punctuated, run = False, []
        for line in sentences[intro.index + 1:]:
            text = line.text.rstrip()
            if line.is_list_item or not alone_on_line(analysis, line) or len(
                    text.split()) > rec.unmarked_item_max_words or text.endswith(":") or (
                    _heading_finding(analysis, line) is not None):
                break
            if text[-1] in _FINAL_MARKS:
                if punctuated or text[0].islower():
                    run.append(line.index)
                break
            punctuated = text.endswith(ends)
            run.append(line.index)
        if len(run) > 1 or run and (punctuated or sentences[run[0]].text[0].islower()):
            out.update(run)  # one bare line after a colon may be a heading
    return out


def _recommends(analysis: Analysis, words: list[str]) -> bool:
    return bool(set(words) & set(analysis.rules.recommendations.recommend_words))


def _finding_before(analysis: Analysis, index: int) -> bool:
    window = analysis.rules.recommendations.parent_window
    return any(findings_in(analysis, s)
               for s in analysis.sentences[max(index - window, 0) : index])


def list_frame(analysis: Analysis, intro_index: int, bullets: int = 0
               ) -> tuple[str, str | None, str] | None:
    """What a run of bullets lists: (kind, status, source), or None for other lists.
    Causes of concern listed right after a move into Engage that the text reports now are
    its reasons, and recommendations listed there were made with it: open unless the list
    says otherwise."""
    frame = _list_frame(analysis, intro_index, bullets)
    if frame is not None and frame[:2] == (FindingKind.CAUSE_OF_CONCERN, None) and (
            _current_move_before(analysis, intro_index)):
        return FindingKind.CAUSE_OF_CONCERN, Status.OPEN, Source.REASON
    if frame is not None and frame[1] is None and _current_move_before(analysis, intro_index):
        return frame[0], Status.OPEN, frame[2]  # made with the move: none is closed yet
    if frame is not None and frame[1] is None:
        status = _counted_set_status(analysis, intro_index, frame[0], bullets)
        return frame if status is None else (frame[0], status, frame[2])
    return frame


def _counted_set_status(analysis: Analysis, intro_index: int, kind: str, bullets: int
                        ) -> str | None:
    """"Inspectors raised two causes of concern about …" then, later, "The causes of
    concern relate to:" and two bullets: an uncounted set introduced by "the" is the set
    counted before, as many as the bullets, and stands where that sentence says."""
    intro = analysis.sentences[intro_index]
    own = [f for f in findings_in(analysis, intro) if f.kind == kind and f.plural]
    articles = set(analysis.rules.counts.determiners)
    if not own or bullets < 2 or count_before(analysis, own[-1]) is not None or not set(
            lower_words(analysis.doc, intro.tok_start, own[-1].start)) <= articles:
        return None
    for sentence in reversed(analysis.sentences[:intro_index]):
        counted = [f for f in findings_in(analysis, sentence) if f.kind == kind and f.plural
                   and count_before(analysis, f) is not None]
        if counted:
            finding = counted[-1]
            if count_before(analysis, finding) != bullets:
                return None
            status = item_status(analysis, finding, finding.end)
            if status is not None:  # "the two causes carry nine recommendations": say on
                return status
    return None


def _current_move_before(analysis: Analysis, index: int) -> bool:
    """A move into Engage in the sentences just before, reported as news (not a recap)."""
    window = analysis.rules.recommendations.reason_window
    days = analysis.rules.recommendations.background_days
    named = engage_sentences(analysis)
    return any(i in named and enters_engage(analysis, analysis.sentences[i])
               and not dated_before(analysis, analysis.sentences[i], days)
               for i in range(max(index - window, 0), index + 1))


def _counts_bullets(analysis: Analysis, intro: Sentence, bullets: int) -> bool:
    """"Inspectors made two recommendations to the force." and then two bullets: a sentence
    that counts as many findings as the bullets after it introduces them, colon or not."""
    findings = findings_in(analysis, intro)
    return bullets > 1 and bool(findings) and findings[-1].plural and count_before(
        analysis, findings[-1]) == bullets


def _list_frame(analysis: Analysis, intro_index: int, bullets: int = 0
                ) -> tuple[str, str | None, str] | None:
    if intro_index < 0:
        return None
    rec = analysis.rules.recommendations
    intro = analysis.sentences[intro_index]
    words = lower_words(analysis.doc, intro.tok_start, intro.tok_end)
    if has_phrase(words, rec.other_recommenders) or has_phrase(words, rec.lighter_findings):
        return None
    labels = set(rec.reason_list_words)
    introduces = intro.text.rstrip().endswith(":") or is_heading(analysis, intro) or bool(
        words) and words[-1] in labels or (  # "… Entered Engage 2019 Reasons" on one line
        _counts_bullets(analysis, intro, bullets))
    reasons = rec.reason_list_words + rec.concern_nouns  # "… set out its concerns about:"
    if introduces and has_phrase(words, reasons) and engage_nearby(analysis, intro_index):
        return FindingKind.CAUSE_OF_CONCERN, Status.OPEN, Source.REASON
    if not introduces:
        return None
    findings = [f for f in findings_in(analysis, intro) if not is_hypothetical(analysis, f)]
    if findings and is_heading(analysis, intro) and not intro.text.endswith(":") and (
            findings[-1].end != last_word_end(analysis.doc, intro.tok_start, intro.tok_end)):
        return None  # a title naming findings ("… causes of concern revisit letter")
    if findings:
        finding = findings[-1]
        kind = FindingKind.RECOMMENDATION if _recommends(analysis, words) else finding.kind
        status = _last_clause_status(analysis, intro, finding.end) or item_status(
            analysis, finding, finding.end)
        return kind, status, Source.LIST
    if _refers_back(analysis, intro):
        return _referred_frame(analysis, intro, words)
    status_frame = _status_frame(analysis, intro)
    if status_frame is not None:
        return status_frame
    if _recommends(analysis, words) and _finding_before(analysis, intro_index):
        return FindingKind.RECOMMENDATION, None, Source.LIST
    return None


def _status_frame(analysis: Analysis, intro: Sentence) -> tuple[str, str, str] | None:
    """"… seven of the 12 recommendations have now been closed." then "Closed since the last
    letter:" and "Still open:", each over a list: a line that opens with a status and ends
    with a colon, naming no finding, lists findings of the kind named just before, with
    that status."""
    if not intro.text.rstrip().endswith(":") or len(lower_words(
            analysis.doc, intro.tok_start, intro.tok_end)) > STATUS_INTRO_WORDS:
        return None
    status = status_in(analysis, intro.tok_start, intro.tok_end)
    opening = status_in(analysis, intro.tok_start, min(intro.tok_start + STATUS_LEAD_WORDS,
                                                       intro.tok_end))
    if status is None or opening != status or not _status_stands_alone(analysis, intro):
        return None
    window = analysis.rules.recommendations.parent_window
    before, lines = [], 0
    for sentence in reversed(analysis.sentences[:intro.index]):
        lines += not sentence.is_list_item  # a list before is part of the same account
        if lines > window:
            break
        before.insert(0, sentence)
    earlier = [f for s in before for f in findings_in(analysis, s)]
    counted = [f for f in earlier if count_before(analysis, f) is not None]  # the set split
    named = counted or earlier
    return (named[-1].kind, status, Source.LIST) if named else None


def _status_stands_alone(analysis: Analysis, intro: Sentence) -> bool:
    """Whether the status word the line opens with stands as a predicate: nothing after it,
    or a comma, a colon or a word of time or manner ("Closed since …", "Still open, among
    others"), not a noun it qualifies ("Open days this summer")."""
    rec = analysis.rules.recommendations
    status = {w for p in (*rec.closed_words, *rec.open_words) for w in p.split()}
    words = lower_words(analysis.doc, intro.tok_start, intro.tok_end)
    lead = [k for k, w in enumerate(words[:STATUS_LEAD_WORDS]) if w in status]
    if not lead or words[0] in rec.decision_headings:  # minutes' "RESOLVED:" decides
        return False
    after = words[lead[-1] + 1 : lead[-1] + 2]
    return not after or after[0] in rec.status_intro_followers


def _last_clause_status(analysis: Analysis, intro: Sentence, after: int) -> str | None:
    """"Of the four causes of concern, one was closed; three remain open:": the list is the
    set the clause before the colon names, with that clause's status."""
    words = cached_words(analysis)
    breaks = [k for k in range(after, intro.tok_end) if words[k] in _CLAUSE_BREAKS]
    if not breaks or not intro.text.rstrip().endswith(":"):
        return None
    return status_in(analysis, breaks[-1] + 1, intro.tok_end)


def _refers_back(analysis: Analysis, sentence: Sentence) -> bool:
    """"They related to:", "These are about how the force:", "The two that remain open are
    that the force should:": a list of findings the sentence before names."""
    rec = analysis.rules.recommendations
    body = body_token(analysis, sentence)  # "3. Those that have been achieved are:"
    words = lower_words(analysis.doc, body, body + OPENING_WORDS)
    if words[:1] and words[0] in rec.list_back_references:
        return True
    every = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
    last = len(every) - every[::-1].index(",") if "," in every else 0
    if every[last : last + 1] and every[last] in rec.list_back_references:
        return True  # "In summary, they relate to:"
    if has_phrase(every, [f"{p} {b}" for p in analysis.rules.counts.part_of
                          for b in rec.back_references]):
        return True  # "… that two of them can now be closed:"
    openers = rec.remainder_openers
    return len(words) == OPENING_WORDS and words[0] in openers and number_at(
        analysis, body + 1) is not None and words[2] in rec.relative_pronouns


def _referred_frame(analysis: Analysis, intro: Sentence, words: list[str]
                    ) -> tuple[str, str | None, str] | None:
    earlier = analysis.sentences[max(intro.index - 2, 0) : intro.index]
    findings = [f for s in earlier for f in findings_in(analysis, s)
                if not is_hypothetical(analysis, f)]
    if not findings:
        return None
    finding = findings[-1]
    kind = FindingKind.RECOMMENDATION if _recommends(analysis, words) else finding.kind
    status = status_in(analysis, intro.tok_start, intro.tok_end) or (
        item_status(analysis, finding, finding.end))
    return kind, status, Source.LIST


def statement_subject(analysis: Analysis, text: str) -> str | None:
    """"The force needs to improve how it manages …" is about "how it manages …"."""
    lowered = text.lower()
    for lead in sorted(analysis.rules.recommendations.statement_leads, key=len,
                       reverse=True):
        at = lowered.find(lead + " ")
        if at != -1 and at < len(lowered) // 2:
            return clean_subject(analysis, text[at + len(lead) + 1 :])
    return clean_subject(analysis, text)


def _framed_runs(analysis: Analysis) -> list[tuple[int, int, list[Sentence], tuple]]:
    """The runs of bullets that list findings: (run, intro, bullets, frame), once."""
    if _framed_runs not in analysis.cache:
        runs = [(run, intro, bullets, list_frame(analysis, intro, len(bullets)))
                for run, (intro, bullets) in enumerate(_bullet_runs(analysis))]
        analysis.cache[_framed_runs] = [r for r in runs if r[3] is not None]
    return analysis.cache[_framed_runs]


def listed_bullets(analysis: Analysis) -> set[int]:
    """The list items a list of findings reads. Other list items are prose to the other
    readers: the numbered paragraphs of a letter ("3. The recommendation on … has been
    implemented.") say what they say as sentences do."""
    return {b.index for _, _, bullets, _ in _framed_runs(analysis) for b in bullets}


def _line_pieces(analysis: Analysis, bullet: Sentence) -> list[Sentence]:
    """A list item with no full stop runs on into the next one ("ii) the backlog; and"
    then "iii) the training.", on one line or two): where the next marker in order
    follows a mark that lets an item go on, a new item starts."""
    cuts = _next_markers(analysis, bullet)
    if not cuts:
        return [bullet]
    pieces = []
    for at, to in zip([0] + cuts, cuts + [len(bullet.text)], strict=True):
        text = _without_continuation(analysis, bullet.text[at:to])
        start = bullet.start + at
        tokens = [k for k in range(bullet.tok_start, bullet.tok_end)
                  if start <= analysis.doc[k].idx < start + len(text)]
        if not tokens:
            return [bullet]
        found = _markers(analysis).match(text)
        pieces.append(Sentence(bullet.index, start, start + len(text), tokens[0],
                               tokens[-1] + 1, bullet.paragraph, text,
                               found.end() if found else 0))
    return pieces


def _without_continuation(analysis: Analysis, text: str) -> str:
    """An item's words without the "; and" that let the next one follow."""
    ends = analysis.rules.recommendations.unmarked_item_continuations
    text = text.rstrip()
    while True:
        end = next((e for e in ends if text.endswith(e) and (
            not e.isalpha() or text[: -len(e)].endswith(" "))), None)
        if end is None:
            return text
        text = text[: -len(end)].rstrip()


def _next_markers(analysis: Analysis, bullet: Sentence) -> list[int]:
    """Where each later marker in order ("iii)" after "ii)") opens, after a line break or
    a continuation ("; and iv) …")."""
    own = _ordinal(bullet.text[: bullet.marker])
    if own is None:
        return []
    ends = tuple(analysis.rules.recommendations.unmarked_item_continuations)
    cuts: list[int] = []
    for found in _markers(analysis).finditer(bullet.text, bullet.marker):
        at = found.start()
        before = bullet.text[:at].rstrip()
        place = _ordinal(found.group())
        if at == 0 or not bullet.text[at - 1].isspace() or place is None:
            continue
        if place == (own[0], own[1] + 1) and ("\n" in bullet.text[len(before):at] or (
                before.endswith(ends))):
            cuts.append(at)
            own = place
    return cuts


_ROMAN = {"i": 1, "v": 5, "x": 10}
_NUMBER, _NUMERAL, _LETTER = range(3)  # kinds of numbering


def _ordinal(marker: str) -> tuple[int, int] | None:
    """A numbering marker's kind and place: "iv)" is the fourth roman, "(b)" the second
    letter, "3." the third number; bullets and dashes have no place."""
    core = marker.strip().strip("().").lower()
    if core.isdigit():
        return _NUMBER, int(core)
    if core and set(core) <= set(_ROMAN) and (len(core) > 1 or core == "i"):
        values = [_ROMAN[c] for c in core]
        return _NUMERAL, sum(-v if k + 1 < len(values) and v < values[k + 1] else v
                            for k, v in enumerate(values))
    if len(core) == 1 and core.isalpha():
        return _LETTER, ord(core) - ord("a") + 1
    return None


def _markers(analysis: Analysis) -> re.Pattern:
    if _markers not in analysis.cache:
        analysis.cache[_markers] = re.compile("|".join(
            f"(?:{m})" for m in analysis.rules.recommendations.list_markers))
    return analysis.cache[_markers]


def list_items(analysis: Analysis) -> list[Item]:
    out: list[Item] = []
    for run, intro_index, bullets, frame in _framed_runs(analysis):
        intro = analysis.sentences[intro_index]
        for bullet in (p for b in bullets for p in _line_pieces(analysis, b)):
            kind, subject, status = _bullet_reading(analysis, bullet, frame)
            force_id = finding_force(analysis, bullet, bullet.tok_start) or finding_force(
                analysis, intro, intro.tok_end)
            named = _bullet_finding(analysis, bullet) is not None  # "- The cause of … on X"
            if force_id is None or not (subject and named or long_enough(analysis, subject)):
                continue
            out.append(Item(kind, force_id, subject, status, bullet.start, bullet.end,
                            bullet.tok_start, False, False, frame[2], bullet.index,
                            group=f"list-{run}", intro_index=intro_index))
    return out


def _bullet_reading(analysis: Analysis, bullet: Sentence, frame: tuple[str, str | None, str]
                    ) -> tuple[str, str | None, str | None]:
    """A bullet's kind, subject and status: "- the recommendation that call handlers assess
    risk has been achieved;" names its own finding and says where it stands; a plain bullet
    takes both from the list's introduction."""
    kind, status, _ = frame
    own = _bullet_finding(analysis, bullet)
    trailing = trailing_status(analysis, bullet)
    if own is not None:
        subjects, after, _ = finding_subjects(analysis, own)
        own_status = item_status(analysis, own, after) if len(subjects) == 1 else None
        if len(subjects) == 1 and own_status is None and trailing is not None:
            return own.kind, up_to(subjects[0], trailing[0]), trailing[1]  # "Rec 2: X – Met"
        if len(subjects) == 1:
            return own.kind, subjects[0], own_status or status
    text = bullet.body
    if trailing is not None:
        text, status = trailing
    subject = statement_subject(analysis, text) if kind == FindingKind.CAUSE_OF_CONCERN else (
        clean_subject(analysis, text))
    return kind, subject, status


def _bullet_finding(analysis: Analysis, bullet: Sentence) -> Finding | None:
    """The finding a bullet opens with ("- the cause of concern about …")."""
    findings = findings_in(analysis, bullet)
    if not findings or findings[0].plural:
        return None
    articles = set(analysis.rules.counts.determiners) | set(
        analysis.rules.recommendations.articles)
    words = lower_words(analysis.doc, body_token(analysis, bullet), findings[0].start)
    return findings[0] if all(w in articles for w in words) else None


def _heading_finding(analysis: Analysis, sentence: Sentence):
    """The one singular finding a heading names, with at most two words before it."""
    findings = findings_in(analysis, sentence)
    if len(findings) != 1 or findings[0].plural or not (
            is_heading(analysis, sentence) or _label_line(analysis, sentence, findings[0])):
        return None
    finding = findings[0]
    return finding if finding.start - sentence.tok_start <= 2 else None


def _label_line(analysis: Analysis, sentence: Sentence, finding: Finding) -> bool:
    """"Cause of concern 2: the management of registered sex offenders and violent
    offenders": a label and its value on a line of their own, however long the value."""
    colon = _label_end(analysis, sentence, finding)
    return colon < sentence.tok_end and analysis.doc[colon].text == ":" and alone_on_line(
        analysis, sentence) and sentence.text.rstrip()[-1] not in _FINAL_MARKS


def _label_end(analysis: Analysis, sentence: Sentence, finding: Finding) -> int:
    """The token after a finding's label: "Cause of concern 2: …" numbers it."""
    numbered = finding.end < sentence.tok_end and analysis.doc[finding.end].like_num
    return finding.end + numbered


def heading_items(analysis: Analysis) -> list[Item]:
    """"Accelerated cause of concern: investigations"; "Cause of concern" then "The force
    needs to improve how it …": one item, named by the heading or the sentence after it."""
    out = []
    sentences = analysis.sentences
    for sentence in sentences:
        finding = _heading_finding(analysis, sentence)
        if finding is None:
            continue
        force_id = finding_force(analysis, sentence, finding.start)
        label = _label_end(analysis, sentence, finding)
        rest = analysis.text[analysis.doc[label - 1].idx + len(
            analysis.doc[label - 1]) : sentence.end].strip()
        end, subject = sentence.end, None
        if rest.startswith(":") and not names_only_a_force(analysis, finding.end,
                                                           sentence.tok_end):
            subject = clean_subject(analysis, rest[1:])
        elif sentence.index + 1 < len(sentences):
            following = sentences[sentence.index + 1]
            if not (following.is_list_item or findings_in(analysis, following)
                    or following.text.rstrip().endswith(":")
                    or is_heading(analysis, following)):
                subject, end = statement_subject(analysis, following.text), following.end
        if force_id is None or not long_enough(analysis, subject) and not rest.startswith(":"):
            continue
        if subject:
            earlier = [i.status for i in out if i.kind == finding.kind]  # "… 2:" after "… 1:"
            status = _counted_set_before(analysis, sentence.index, finding.kind) or (
                earlier[-1] if earlier else None)
            rated = label_line_status(analysis, sentence, finding.start, subject)
            subject, status = rated if rated else (subject, status)  # "…: Call-backs – Met"
            out.append(Item(finding.kind, force_id, subject, status, sentence.start, end,
                            finding.start, False, False, Source.HEADING, sentence.index))
    return out


def _counted_set_before(analysis: Analysis, index: int, kind: str) -> str | None:
    """"We have identified two causes of concern." then "Cause of concern 1: …": a heading
    names a member of the set counted just before, which is where that set stands."""
    window = analysis.rules.recommendations.parent_window
    for sentence in reversed(analysis.sentences[max(index - window, 0) : index]):
        counted = [f for f in findings_in(analysis, sentence) if f.kind == kind and f.plural
                   and count_before(analysis, f) is not None]
        if counted:
            return item_status(analysis, counted[-1], counted[-1].end)
    return None


def reason_reference_items(analysis: Analysis) -> list[Item]:
    """"Because of these concerns, … moved the force into enhanced monitoring": the concerns
    the sentences before it state are open causes of concern."""
    rec = analysis.rules.recommendations
    out = []
    for index in sorted(engage_sentences(analysis)):
        sentence = analysis.sentences[index]
        words = lower_words(analysis.doc, sentence.tok_start, sentence.tok_end)
        if not has_phrase(words, rec.reason_back_references) or not enters_engage(
                analysis, sentence):
            continue
        force_id = finding_force(analysis, sentence, sentence.tok_start)
        earlier = analysis.sentences[max(sentence.index - rec.reason_window, 0) :
                                     sentence.index]
        for previous in earlier:
            subject = _concern_subject(analysis, previous)
            if force_id and subject:
                out.append(Item(FindingKind.CAUSE_OF_CONCERN, force_id, subject, Status.OPEN,
                                previous.start, previous.end, previous.tok_start, False, False,
                                Source.REASON, previous.index))
    return out


def _concern_subject(analysis: Analysis, sentence: Sentence) -> str | None:
    lowered = sentence.text.lower()
    for lead in sorted(analysis.rules.recommendations.concern_leads, key=len, reverse=True):
        at = lowered.find(f" {lead} ")
        if at != -1:
            return clean_subject(analysis, sentence.text[at + len(lead) + 2 :])
    return None


def reason_count(analysis: Analysis, sentence: Sentence) -> tuple[Tally, list[Item]] | None:
    """"The decision follows an inspection which identified three areas where the force must
    improve: A; B and C": in the sentence that gives the reasons for a move into Engage,
    the counted concerns are causes of concern, named after the colon."""
    rec = analysis.rules.recommendations
    doc = analysis.doc
    nouns = set(rec.reason_nouns)
    for token in range(sentence.tok_start, sentence.tok_end - 1):
        count = number_at(analysis, token)
        if count is None or count < 2 or doc[token + 1].lower_ not in nouns:
            continue
        colon = next((k for k in range(token, sentence.tok_end) if doc[k].text == ":"), None)
        force_id = finding_force(analysis, sentence, token)
        if colon is None or colon + 1 >= sentence.tok_end or force_id is None:
            return None
        listed = analysis.text[doc[colon + 1].idx : sentence.end]
        subjects = [s for s in (clean_subject(analysis, p) for p in split_subjects(
            analysis, listed, count, tuple(rec.clause_subject_openers))) if s]
        if len(subjects) != count:
            return None
        tally = Tally(FindingKind.CAUSE_OF_CONCERN, force_id, sentence, sentence.start,
                      sentence.end, token, total=count)
        items = [Item(FindingKind.CAUSE_OF_CONCERN, force_id, s, Status.OPEN, sentence.start,
                      sentence.end, token, source=Source.REASON, sentence_index=sentence.index,
                      group=f"reason-{sentence.index}") for s in subjects]
        return tally, items
    return None


def _reason_concern_start(analysis: Analysis, sentence: Sentence) -> tuple[int | None, bool]:
    """The token after "… over concerns about", "… after inspectors raised concerns that",
    "… following the inspectorate's concerns regarding": where the concern is named; and
    whether it is only what inspectors found (no concern named)."""
    rec = analysis.rules.recommendations
    words = cached_words(analysis)
    nouns = set(rec.concern_nouns)
    connectives = [c.split() for c in rec.reason_connectives]
    leads = [lead.split() for lead in rec.concern_subject_leads]
    for k in range(sentence.tok_start, sentence.tok_end):
        if words[k] not in nouns:
            continue
        lead = next((len(p) for p in leads if words[k + 1 : k + 1 + len(p)] == p), None)
        before = [w for w in words[max(sentence.tok_start, k - _CONNECTIVE_REACH) : k] if w]
        joined = " " + " ".join(before) + " "
        if lead and any(f" {' '.join(c)} " in joined for c in connectives):
            return k + 1 + lead, False
    return _reason_finding_start(analysis, sentence), True


def _reason_finding_start(analysis: Analysis, sentence: Sentence) -> int | None:
    """The token after "… following an inspection that found serious failings in": the
    failings a finding names, given as the reason for the move, are causes of concern.
    ("… after a report found it had failed to record crimes" reports what was found; it
    names no concern.)"""
    rec = analysis.rules.recommendations
    words = cached_words(analysis)
    verbs = set(rec.reason_finding_verbs)
    connectives = [c.split() for c in rec.reason_connectives]
    if has_phrase(lower_words(analysis.doc, sentence.tok_start, sentence.tok_end),
                  rec.stay_cues):
        return None  # "remains in Engage after inspectors found …": no move, no reasons
    for k in range(sentence.tok_start, sentence.tok_end):
        if words[k] not in verbs:
            continue
        before = [w for w in words[max(sentence.tok_start, k - _CONNECTIVE_REACH) : k] if w]
        joined = " " + " ".join(before) + " "
        if any(f" {' '.join(c)} " in joined for c in connectives):
            start = found_object_start(analysis, k, sentence.tok_end, failings=True)
            return start if start is not None and start > k + 1 else None
    return None


def reason_concern_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """"… was placed in special measures over concerns about how it answers 999 calls": a
    concern named as the reason for a move into Engage: open unless the text says otherwise,
    even when the move is recounted (findings.py: unless the force has left Engage since or
    some are counted closed)."""
    rec = analysis.rules.recommendations
    if not _names_engage(analysis, sentence):
        return []
    token, inferred = _reason_concern_start(analysis, sentence)
    if token is None or token >= sentence.tok_end or not (
            enters_engage(analysis, sentence) or _entry_recounted(analysis, sentence, token)):
        return []
    force_id = _moved_force(analysis, sentence, token)
    marker = Finding(FindingKind.CAUSE_OF_CONCERN, token, token, True, sentence)
    subject = clean_subject(analysis, span_text(analysis, token, subject_end(
        analysis, marker, token)))
    if force_id is None or not long_enough(analysis, subject):
        return []
    recap = dated_before(analysis, sentence, rec.background_days) or not enters_engage(
        analysis, sentence)  # an entry recounted in a sentence about the exit
    if recap and inferred:
        return []  # what a report found years ago names no finding that stands now
    parts = split_listed(analysis, subject, tuple(rec.clause_subject_openers))
    return [Item(FindingKind.CAUSE_OF_CONCERN, force_id, p, Status.OPEN, sentence.start,
                 sentence.end, token, source=Source.REASON, sentence_index=sentence.index,
                 group=f"reason-{sentence.index}", inferred=inferred, recounted=recap)
            for p in parts]


def _entry_recounted(analysis: Analysis, sentence: Sentence, token: int) -> bool:
    """"… was taken out of Engage, two years after it was placed there amid concerns about
    …": after the sentence's last exit cue, a clause that recounts the entry, before the
    concern it names."""
    rec = analysis.rules.recommendations
    words = lower_words(analysis.doc, sentence.tok_start, token)
    exits = [k for k, w in enumerate(words) if has_phrase(words[k : k + 2], rec.exit_cues)]
    after = words[exits[-1] + 1 :] if exits else []
    opener = next((k for k, w in enumerate(after) if w in rec.recounted_entry_openers), None)
    return opener is not None and bool(set(after[opener:]) & set(rec.entry_verbs))


def _moved_force(analysis: Analysis, sentence: Sentence, token: int) -> str | None:
    """The force a move sentence names, or means by "the force" ("Several services were
    escalated …" names none)."""
    named = forces_of(analysis, sentence, sentence.tok_start, token)
    opening = " ".join(lower_words(analysis.doc, sentence.tok_start,
                                     sentence.tok_start + OPENING_WORDS))
    anaphor = any(opening.startswith(a + " ") for a in analysis.rules.words.force_anaphors
                  if " " in a)
    return finding_force(analysis, sentence, token) if named or anaphor else None
