"""Which date phrase belongs to which cue: the nearest, unless another cue is nearer to it.

Distances count the words between a date and a cue, not an aside in brackets or quote marks;
cues are kept sorted, so finding a date's rivals is a lookup, not a scan of the sentence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

import numpy
from spacy.attrs import IS_ALPHA, IS_SPACE, IS_TITLE, IS_UPPER, LOWER

from pipeline.extract.clauses import lower_words, token_column
from pipeline.extract.context import Analysis, DateMention, Sentence

# Date phrases are looked for this many times the distance limit around a cue: one further
# away may still be the cue's own when it opens the sentence, and rivals are read that far.
SEARCH_SPREAD = 3

MAX_DATE_DISTANCE = 15  # words between a cue and a date that still belongs to it


@dataclass
class Anchors:
    """Cue spans competing for a sentence's dates, sorted for lookups near a date."""

    spans: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    longest: int = 0

    def __post_init__(self) -> None:
        self.spans = sorted(set(self.spans))
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that may come within (start, end) of a token range."""
        lo = bisect_left(self.starts, start - self.longest)
        return self.spans[lo:bisect_right(self.starts, end)]


def _counted(analysis: Analysis) -> list[int]:
    """Prefix counts of the tokens that separate a date from a cue: an aside in brackets
    ("(referred to as 'special measures')") and quote marks do not."""
    if _counted not in analysis.cache:
        doc = analysis.doc
        words = analysis.rules.words
        opening, closing = words.asides
        strings = doc.vocab.strings
        lower, space = token_column(doc, LOWER), token_column(doc, IS_SPACE)
        opens = numpy.asarray(lower) == strings.add(opening)
        closes = numpy.asarray(lower) == strings.add(closing)
        quotes = numpy.isin(lower, numpy.array([strings.add(q) for q in words.quote_marks],
                                               dtype=numpy.uint64))
        depth = numpy.cumsum(opens.astype(numpy.int64) - closes.astype(numpy.int64))
        counted = ~opens & ~closes & ~quotes & (numpy.asarray(space) == 0) & (depth <= 0)
        counted &= ~_name_continues(analysis)
        analysis.cache[_counted] = [0] + numpy.cumsum(counted).tolist()
    return analysis.cache[_counted]


def _name_continues(analysis: Analysis) -> numpy.ndarray:
    """The tokens of a proper name after its first ("His Majesty's Inspectorate of
    Constabulary and Fire & Rescue Services"): a name is one word away, however long."""
    doc = analysis.doc
    title = (token_column(doc, IS_TITLE) != 0) | (
        (token_column(doc, IS_UPPER) != 0) & (token_column(doc, IS_ALPHA) != 0))
    links = set(analysis.rules.roles.title_links) | set(analysis.rules.words.name_links)
    link = numpy.isin(token_column(doc, LOWER), numpy.array(
        [doc.vocab.strings.add(w) for w in links], dtype=numpy.uint64))
    before = numpy.concatenate(([False], title[:-1]))
    after = numpy.concatenate((title[1:], [False]))
    name = title | (link & before & after)
    return name & numpy.concatenate(([False], name[:-1]))


def _barriers(analysis: Analysis) -> list[int]:
    """Prefix counts of the tokens no date reaches across (";"): "X was moved into Engage;
    it left in 2022" does not date the entry."""
    if _barriers not in analysis.cache:
        found = analysis.positions(analysis.rules.dates.date_barriers)
        counts = [0] * (len(analysis.doc) + 1)
        for position in found:
            counts[position + 1] = 1
        analysis.cache[_barriers] = numpy.cumsum(counts).tolist()
    return analysis.cache[_barriers]


def _across_barrier(analysis: Analysis, mention: DateMention, span: tuple[int, int]) -> bool:
    counts = _barriers(analysis)
    if mention.tok_start >= span[1]:
        return counts[mention.tok_start] != counts[span[1]]
    if mention.tok_end <= span[0]:
        return counts[span[0]] != counts[mention.tok_end]
    return False


def _distance(analysis: Analysis, mention: DateMention, span: tuple[int, int]) -> int:
    counts = _counted(analysis)
    if mention.tok_start >= span[1]:
        return counts[mention.tok_start] - counts[span[1]]
    if mention.tok_end <= span[0]:
        return counts[span[0]] - counts[mention.tok_end] + 1
    return 0


def _since_when(analysis: Analysis, mention: DateMention) -> bool:
    """"since 2022, when the force was placed into Engage": the when-clause's date."""
    after = lower_words(analysis.doc, mention.tok_end, mention.tok_end + 2)
    relatives = analysis.rules.phases.since_relatives
    return any(w in relatives for w in after)


def closest_date(analysis: Analysis, sentence: Sentence, anchor: tuple[int, int],
                 anchors: Anchors, resolved: bool = True, skip_labels: tuple[str, ...] = (),
                 limit: int = MAX_DATE_DISTANCE, skip: DateMention | None = None
                 ) -> DateMention | None:
    """The sentence's date phrase closest to this cue, unless another cue is closer to it.

    Anchors are token spans (cue start, phrase end); a date after a phrase is measured from
    its end ("placed into special measures last December"), a date before it from its start.
    A "since" date is the start of a period, not the date of a move, unless a when-clause
    follows it; no date belongs to a cue across a semicolon. A date that opens the sentence
    ("On Tuesday, the inspectorate confirmed that …") dates its main clause at any distance
    (see _fronted). With resolved=False, phrases that resolve to no date count too, except
    those of skip_labels; `skip` is a phrase already taken.
    """
    lo = max(sentence.tok_start, anchor[0] - SEARCH_SPREAD * limit)
    hi = min(sentence.tok_end, anchor[1] + SEARCH_SPREAD * limit)
    phrases = analysis.date_phrases_between(lo, hi)
    fronted = _fronted(analysis, sentence, anchor, anchors)
    if fronted is not None and fronted not in phrases:
        phrases = [fronted, *phrases]
    best = None
    for mention in phrases:
        if (resolved and mention.value is None) or mention.label in skip_labels or (
                mention is skip) or (mention.since and not _since_when(analysis, mention)):
            continue
        own = _distance(analysis, mention, anchor)
        if (own > limit and mention is not fronted) or _across_barrier(analysis, mention,
                                                                       anchor):
            continue
        reach = mention.tok_end - mention.tok_start + SEARCH_SPREAD * limit
        rivals = anchors.near(mention.tok_start - reach, mention.tok_end + reach)
        if any(_distance(analysis, mention, other) < own for other in rivals
               if other != anchor):
            continue
        if best is None or own < best[0]:
            best = (own, mention)
    return best[1] if best else None


def _fronted(analysis: Analysis, sentence: Sentence, anchor: tuple[int, int],
             anchors: Anchors) -> DateMention | None:
    """The date phrase that opens the sentence, when it can date this cue: no other cue and
    no relative clause (", which …", whose own cue it would date) stands between them."""
    phrases = analysis.date_phrases_between(sentence.tok_start, anchor[0])
    if not phrases or phrases[0].tok_start != sentence.tok_start:
        return None
    first = phrases[0]
    if any(first.tok_end <= s and e <= anchor[0] for s, e in anchors.near(first.tok_end,
                                                                          anchor[0])):
        return None
    doc = analysis.doc
    relatives = set(analysis.rules.forces.relative_pronouns)
    if any(doc[i].lower_ in relatives and doc[i - 1].text == ","
           for i in range(first.tok_end + 1, anchor[0])):
        return None
    return first


def choose_date(analysis: Analysis, sentence: Sentence, anchor: tuple[int, int],
                anchors: Anchors | list[tuple[int, int]]
                ) -> tuple[date | None, str | None] | None:
    """(date, precision) of the closest resolved date phrase (see closest_date), or None."""
    if not isinstance(anchors, Anchors):
        anchors = Anchors(list(anchors))
    mention = closest_date(analysis, sentence, anchor, anchors)
    return (mention.value, mention.precision) if mention else None
