"""One analysed document: sentences, force mentions and dates, shared by every extractor.

Each extractor reads this and proposes events; none of them re-tokenises or re-matches.
Coreference lives here too: "the force" and a bare place name mean the force last named.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum, auto
from functools import lru_cache

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.codes import Precision
from pipeline.extract import dates as date_resolver
from pipeline.extract.clauses import lower_words, token_column, token_lowers, word_positions
from pipeline.extract.gazetteer import MentionKind
from pipeline.extract.nlp import Toolkit
from pipeline.extract.story_dates import story_date, story_datelines

# Words after a force name read for what it is part of ("… Fire and Rescue Service",
# "… Police and Crime Commissioner").
FOLLOWER_WORDS = 4

MAX_HEADING_WORDS = 20  # a line without a full stop and at most this long is a heading

RULE_PATTERNS = 64  # distinct pattern lists of rules/ kept compiled as one search


class MatcherName(StrEnum):
    """The Matchers field (pipeline/extract/nlp.py) of role titles, which force mentions
    read as the analysis is made, and people's titles after it."""

    ROLES = auto()


@dataclass
class Sentence:
    index: int
    start: int  # character offsets in the document text
    end: int
    tok_start: int
    tok_end: int
    paragraph: int
    text: str
    marker: int = 0  # characters of the list marker the sentence opens a line with

    @property
    def is_list_item(self) -> bool:
        return self.marker > 0

    @property
    def body(self) -> str:
        """The text after its list marker ("(b) Review how …" reads "Review how …")."""
        return self.text[self.marker:]


@dataclass
class ForceMention:
    force_id: str
    start: int
    end: int
    tok_start: int
    tok_end: int
    kind: MentionKind
    compared: bool = False  # "faster than Greater Manchester Police"


@dataclass
class DateMention:
    start: int
    end: int
    tok_start: int
    tok_end: int
    value: date | None
    precision: str | None
    label: str
    since: bool = False  # "since 2019": dates a state's beginning


@dataclass
class Analysis:
    text: str
    doc: Doc
    published: date | None
    toolkit: Toolkit
    sentences: list[Sentence]
    token_sentence: list[int]
    forces: list[ForceMention]
    dates: list[DateMention]
    strong_counts: Counter = field(default_factory=Counter)
    # The publication date and its precision: a day from the document's metadata, or a
    # coarser date read from its URL ("/2025/june/") when it has none.
    reference: tuple[date | None, str | None] = (None, None)
    _force_starts: list[int] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)
    _matches: dict = field(default_factory=dict)
    cache: dict = field(default_factory=dict)  # per-document results extractors share
    # On a listing page, each story's date line: (its first token, its date).
    story_dates: list[tuple[int, date]] = field(default_factory=list)

    @property
    def rules(self):
        return self.toolkit.rules

    def matches(self, matcher_name: str) -> list[tuple[str, int, int]]:
        """(label, start, end) token matches of one matcher over the whole document, once."""
        if matcher_name not in self._matches:
            matcher = getattr(self.toolkit.matchers, matcher_name)
            self._matches[matcher_name] = _labelled(self.doc, matcher(self.doc))
        return self._matches[matcher_name]

    def matches_in(self, matcher_name: str, sentence: Sentence) -> list[tuple[str, int, int]]:
        key = (Analysis.matches_in, matcher_name)
        if key not in self.cache:
            by_start = sorted(self.matches(matcher_name), key=lambda m: m[1])
            self.cache[key] = ([m[1] for m in by_start], by_start)
        starts, by_start = self.cache[key]
        window = by_start[bisect_left(starts, sentence.tok_start):
                          bisect_left(starts, sentence.tok_end)]
        return sorted(m for m in window if m[2] <= sentence.tok_end)

    def positions(self, words: list[str] | set[str]) -> list[int]:
        """The tokens whose lower-case form is one of the words, found once per document and
        word list (a binary search, not a walk over the tokens)."""
        return word_positions(self.doc, frozenset(words))

    def positions_in(self, words: list[str] | set[str], sentence: Sentence) -> list[int]:
        found = self.positions(words)
        return found[bisect_left(found, sentence.tok_start):bisect_left(found, sentence.tok_end)]

    def reference_at(self, token_index: int) -> tuple[date | None, str | None]:
        """What today's news is dated by: the story's date line on a listing page, else the
        document's reference."""
        day = story_date(self.story_dates, token_index)
        return (day, Precision.DAY) if day else self.reference

    def sentence_of(self, token_index: int) -> Sentence:
        return self.sentences[self.token_sentence[token_index]]

    def usable(self, mention: ForceMention, sentence: Sentence | None = None) -> bool:
        """Whether a mention names a police force that events can be about."""
        if mention.kind in (MentionKind.FIRE, MentionKind.OFFICE) or mention.compared:
            return False
        if mention.kind == MentionKind.WEAK:
            # A bare place is the force only when the force is named elsewhere, or it opens
            # a headline or lead ("Cleveland emerges from special measures").
            return self.strong_counts[mention.force_id] > 0 or (
                sentence is not None and sentence.index <= 1
                and mention.tok_start == sentence.tok_start
            )
        return True

    def forces_between(self, tok_start: int, tok_end: int) -> list[ForceMention]:
        window = self.forces[bisect_left(self._force_starts, tok_start):
                             bisect_left(self._force_starts, tok_end)]
        return [m for m in window if m.tok_end <= tok_end]

    def dates_between(self, tok_start: int, tok_end: int) -> list[DateMention]:
        return [d for d in self.date_phrases_between(tok_start, tok_end) if d.value is not None]

    def date_phrases_between(self, tok_start: int, tok_end: int) -> list[DateMention]:
        """Every date phrase in the range, resolved or not ("on 4 September" with no year
        known, "PEEL 2021/22")."""
        window = self.dates[bisect_left(self._date_starts, tok_start):
                            bisect_left(self._date_starts, tok_end)]
        return [d for d in window if d.tok_end <= tok_end]

    def dated_tokens(self, tok_start: int, tok_end: int) -> set[int]:
        """The tokens of every date phrase that reaches into the range, one that begins
        before it or runs past it too: a month in them ("In May", "between May 2019 and
        …") is never a modal verb, nor a negation."""
        if tok_start >= tok_end or not self.dates:
            return set()
        opening = self.sentence_of(min(tok_start, len(self.doc) - 1)).tok_start
        window = self.dates[bisect_left(self._date_starts, opening):
                            bisect_left(self._date_starts, tok_end)]
        return {i for d in window if d.tok_end > tok_start for i in range(d.tok_start, d.tok_end)}

    def force_before(self, token_index: int) -> str | None:
        """The force last named before a token: what "the force" or "it" refers to."""
        return self.force_named_before(token_index) or self.primary_force

    def force_named_before(self, token_index: int) -> str | None:
        """The force last named before a token, or None when none is named before it (where
        force_before falls back on the document's most named force)."""
        position = bisect_right(self._force_starts, token_index)
        for k in range(position - 1, -1, -1):
            mention = self.forces[k]
            if mention.kind == MentionKind.FIRE:
                continue  # "the force" is never a fire and rescue service
            if mention.kind == MentionKind.OFFICE or (
                    not mention.compared and self.usable(mention)):
                return mention.force_id
        return None

    def is_heading(self, sentence: Sentence) -> bool:
        """A headline, sub-heading or link title: a short line of its own with no full stop."""
        index = sentence.index
        sentences = self.sentences
        alone = (index == 0 or sentences[index - 1].paragraph != sentence.paragraph) and (
            index + 1 == len(sentences) or sentences[index + 1].paragraph != sentence.paragraph)
        if not alone or sentence.tok_end - sentence.tok_start > 2 * MAX_HEADING_WORDS or len(
                lower_words(self.doc, sentence.tok_start, sentence.tok_end)) > MAX_HEADING_WORDS:
            return False
        words = self.rules.words
        text = sentence.text.rstrip("".join(words.quote_marks) + words.asides[1])
        return text[-1:] not in words.sentence_end_marks

    def in_link_list(self, sentence: Sentence) -> bool:
        """Whether a heading is one of a list of links to other pages: it follows, past
        other headings, a line that ends with a marker such as "Related news" (a line of
        its own, or the end of "Share this page Related content")."""
        markers = tuple(m.lower() for m in self.rules.speech.related_markers)
        for earlier in reversed(self.sentences[:sentence.index]):
            if earlier.text.lower().rstrip(" :").endswith(markers):
                return True
            if not self.is_heading(earlier):
                return False
        return False

    @property
    def lead_force(self) -> str | None:
        """The first force the document names: the subject of its story, which "the
        decision" or "the move" in a later sentence is about."""
        return next((m.force_id for m in self.forces if m.kind != MentionKind.FIRE
                     and not m.compared
                     and self.usable(m)), None)

    @property
    def mentions_fire_service(self) -> bool:
        """Whether the text is (also) about a fire and rescue service.

        The inspectorate's own name ("… Constabulary and Fire & Rescue Services") does not count.
        """
        key = Analysis.mentions_fire_service
        if key not in self.cache:
            spec = self.rules.forces
            text = self.text
            for name in spec.inspectorate_names:
                text = re.sub(name, " ", text, flags=re.IGNORECASE)
            self.cache[key] = any(m.kind == MentionKind.FIRE for m in self.forces) or any(
                p.search(text) for p in _either(spec.fire_service_patterns))
        return self.cache[key]

    @property
    def primary_force(self) -> str | None:
        """The most named force; failing that, the area of a commissioner or chief's title."""
        if self.strong_counts:
            return self.strong_counts.most_common(1)[0][0]
        offices = Counter(m.force_id for m in self.forces if m.kind == MentionKind.OFFICE)
        return offices.most_common(1)[0][0] if offices else None

    @property
    def dominant_force(self) -> str | None:
        """The force the document is about, when one force has most of the mentions."""
        ranked = self.strong_counts.most_common(2)
        if not ranked or ranked[0][1] < 2:
            return None
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            return ranked[0][0]
        return None

    @property
    def single_force(self) -> str | None:
        """The force, when the document names exactly one."""
        return self.primary_force if len(self.strong_counts) == 1 else None


@lru_cache(maxsize=RULE_PATTERNS)
def _either(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """The patterns as one alternation, found where any of them is, in one scan of the text
    rather than one per pattern; each on its own when one has groups of its own (whose
    numbers the alternation would shift) or flags of its own (which it cannot hold)."""
    single = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    if len(single) < 2 or any(p.groups or p.pattern.startswith("(?") and not
                              p.pattern.startswith("(?:") for p in single):
        return single
    return (re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE),)


def _sentences(doc: Doc, text: str) -> tuple[list[Sentence], list[int]]:
    sentences: list[Sentence] = []
    token_sentence = [0] * len(doc)
    paragraph = 0
    for sent_start, sent_end, start, end in _sentence_bounds(doc):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            token_sentence[sent_start:sent_end] = [max(len(sentences) - 1, 0)] * (
                sent_end - sent_start)
            continue
        if sentences and "\n" in text[sentences[-1].end : start]:
            paragraph += 1
        index = len(sentences)
        sentences.append(Sentence(index, start, end, sent_start, sent_end, paragraph,
                                  text[start:end]))
        token_sentence[sent_start:sent_end] = [index] * (sent_end - sent_start)
    return sentences, token_sentence


def _list_items(sentences: list[Sentence], token_sentence: list[int], text: str,
                toolkit: Toolkit) -> tuple[list[Sentence], list[int]]:
    """Every form of list marker a page uses ("•", "o", "1.", "(a)", "iv)") marks a list
    item, but only where it opens a line: mid-line, "a)" or "2." is part of a sentence. A
    marker the sentence splitter cut off at its full stop ("ii." then "Review …") joins the
    sentence after it."""
    markers = re.compile("|".join(f"(?:{m})" for m in toolkit.rules.recommendations.list_markers))
    out: list[Sentence] = []
    new_index: list[int] = []  # each sentence's index after the joins
    for sentence in sentences:
        new_index.append(len(out) - 1 if out and out[-1].marker < 0 and (
            out[-1].paragraph == sentence.paragraph) else len(out))
        previous = out[-1] if out else None
        if previous is not None and previous.marker < 0 and (
                previous.paragraph == sentence.paragraph):
            joined = Sentence(previous.index, previous.start, sentence.end, previous.tok_start,
                              sentence.tok_end, sentence.paragraph,
                              text[previous.start:sentence.end])
            found = markers.match(joined.text)
            joined.marker = found.end() if found else 0
            out[-1] = joined
            continue
        if previous is not None and previous.marker < 0:
            previous.marker = 0
        sentence.index = len(out)
        out.append(sentence)
        if sentence.start and text[sentence.start - 1] != "\n":
            continue
        found = markers.match(sentence.text + " ")
        if found and found.end() > len(sentence.text):
            sentence.marker = -1  # a marker alone: the next sentence is its item
        elif found:
            sentence.marker = found.end()
    if out and out[-1].marker < 0:
        out[-1].marker = 0
    if len(out) == len(sentences):
        return out, token_sentence
    return out, [new_index[i] for i in token_sentence]


def _sentence_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """(first token, end token, first character, end character) of each of doc.sents, read
    from the token arrays rather than made into Spans."""
    if len(doc) == 0:
        return []
    starts = [0, *(numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1).tolist()]
    ends = [*starts[1:], len(doc)]
    idx = token_column(doc, IDX).tolist()  # a sentence's last token's length is read alone
    return [(first, last, idx[first], idx[last - 1] + len(doc[last - 1]))
            for first, last in zip(starts, ends, strict=True)]


def _is_proper_word(token) -> bool:
    return token.is_title and token.is_alpha and not token.is_sent_start


def _kind_from_following(doc: Doc, span: Span, strength: MentionKind, toolkit: Toolkit
                         ) -> MentionKind:
    """What a force name is part of, read from the words after it (rules/forces.yaml).

    "Gloucestershire Fire and Rescue Service" is a fire service; "West Midlands Police and
    Crime Commissioner" and "Kent Police Federation" are offices tied to the force.
    """
    following = " ".join(token_lowers(doc)[span.end : span.end + FOLLOWER_WORDS])
    spec = toolkit.rules.forces
    if following.startswith(spec.office_followers):
        return MentionKind.OFFICE
    if following.startswith(spec.fire_followers):
        return MentionKind.FIRE
    return strength


def _labelled(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[str, int, int]]:
    """A matcher's (label, start, end) matches, in order."""
    strings = doc.vocab.strings
    return sorted((strings[m], s, e) for m, s, e in matches)


def _force_mentions(doc: Doc, toolkit: Toolkit, titles: list[tuple[str, int, int]]
                    ) -> list[ForceMention]:
    vocab = doc.vocab
    title_starts = {s for _, s, _ in titles}
    spans: list[Span] = []
    for matcher in (toolkit.matchers.forces_lower, toolkit.matchers.forces_exact):
        for match_id, start, end in matcher(doc):
            spans.append(Span(doc, start, end, label=vocab.strings[match_id]))
    mentions = []
    comparison = set(toolkit.rules.words.comparison_markers)
    possessives = set(toolkit.rules.phases.possessives)
    place_not_before = set(toolkit.rules.forces.place_not_before)
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        label, force_id = span.label_.split(":", 1)
        strength = MentionKind(label)
        kind = _kind_from_following(doc, span, strength, toolkit)
        if strength == MentionKind.WEAK:
            before = doc[span.start - 1] if span.start > 0 else None
            after = doc[span.end] if span.end < len(doc) else None
            # "Staffordshire Commissioner Ben Adams", "Surrey's Police and Crime
            # Commissioner": the area of a title, not the force.
            if after is not None and (after.i in title_starts or (
                    after.lower_ in possessives and after.i + 1 in title_starts)):
                kind = MentionKind.OFFICE
            # "Durham University", "West Midlands Mayor", "North Durham": part of another name.
            elif after is not None and _is_proper_word(after) and kind == MentionKind.WEAK:
                continue
            if before is not None and _is_proper_word(before):
                continue
            if after is not None and after.lower_ in place_not_before:
                continue
        window = token_lowers(doc)[max(span.start - 2, 0) : span.start]
        compared = any(word in comparison for word in window)
        mentions.append(ForceMention(force_id, span.start_char, span.end_char, span.start,
                                     span.end, kind, compared))
    return mentions


def _date_mentions(doc: Doc, toolkit: Toolkit, published: date | None,
                   reference: tuple[date | None, str | None], sentences: list[Sentence]
                   ) -> tuple[list[DateMention], list[tuple[int, date]]]:
    """The date phrases, resolved against the publication date, or on a listing page
    against the date line of the story each stands in (pipeline/extract/story_dates.py);
    and those date lines."""
    vocab = doc.vocab
    spans = sorted(filter_spans([Span(doc, s, e, label=vocab.strings[m])
                                 for m, s, e in toolkit.matchers.dates(doc)]),
                   key=lambda s: s.start)
    found = _resolved(doc, toolkit, spans, lambda _: published, reference)
    datelines = story_datelines(doc, sentences, found)
    if not datelines:
        return found, []
    anchored = _resolved(doc, toolkit, spans,
                         lambda start: story_date(datelines, start) or published, reference)
    return anchored, datelines


def _resolved(doc: Doc, toolkit: Toolkit, spans: list[Span],
              anchor: Callable[[int], date | None],
              reference: tuple[date | None, str | None]) -> list[DateMention]:
    out = []
    earlier = None  # the last date the text gave: what "that year" refers to
    for span in spans:
        published = anchor(span.start)
        words = [t.text for t in span]
        label = span.label_
        since_words = toolkit.rules.dates.since_words
        # "since 2019", and "since the start of 2024", whose span begins after the word
        since = bool(words) and words[0].lower() in since_words or (
            span.start > 0 and doc[span.start - 1].lower_ in since_words)
        value, precision = date_resolver.resolve(label, words, published, toolkit.rules,
                                                 earlier)
        if value is None and published is None and reference[0] is not None:
            # "today" on a page dated only by its URL: that date, at the URL's precision.
            value, precision = date_resolver.same_day(label, words, reference, toolkit.rules)
        out.append(DateMention(span.start_char, span.end_char, span.start, span.end, value,
                               precision, label, since))
        earlier = value or earlier
    return out


def analyse(text: str, published: date | None, toolkit: Toolkit, doc: Doc | None = None,
            url: str | None = None) -> Analysis:
    doc = doc if doc is not None else toolkit.nlp(text)
    sentences, token_sentence = _sentences(doc, text)
    sentences, token_sentence = _list_items(sentences, token_sentence, text, toolkit)
    titles = _labelled(doc, getattr(toolkit.matchers, MatcherName.ROLES)(doc))
    forces = _force_mentions(doc, toolkit, titles)
    reference = ((published, Precision.DAY) if published
                 else date_resolver.url_date(url, toolkit.rules))
    dates, datelines = _date_mentions(doc, toolkit, published, reference, sentences)
    analysis = Analysis(
        text=text, doc=doc, published=published, toolkit=toolkit, sentences=sentences,
        token_sentence=token_sentence, forces=forces, dates=dates, reference=reference,
        story_dates=datelines,
    )
    analysis.strong_counts = Counter(m.force_id for m in forces
                                     if m.kind == MentionKind.STRONG and not m.compared)
    analysis._force_starts = [m.tok_start for m in forces]
    analysis._date_starts = [d.tok_start for d in analysis.dates]
    analysis._matches[MatcherName.ROLES] = titles
    return analysis
