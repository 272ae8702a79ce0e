"""One document's findings put together: one item per finding, tallies completed and merged.

- Wordings of one finding ("investigations", "how it manages … investigations") are one
  item; its status is the furthest the document takes it (closed, then open, then none),
  since a finding is raised before it is closed.
- Mentions without a subject update the items they refer to: "the cause of concern has been
  closed" the item named last, "the force's remaining causes of concern" all of them.
- Recommendations listed under a cause of concern that is still open are open with it; a
  closed cause of concern can close with recommendations unmet, so closing is not passed on.
- A tally is completed by what the document says elsewhere: "we identified two causes of
  concern" and "we have closed the remaining causes of concern" give 2 of 2 closed; a count
  whose items are named, and some later closed, takes their closed count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.codes import FindingKind, Status
from pipeline.extract.clauses import has_phrase, lower_words
from pipeline.extract.context import Analysis
from pipeline.extract.count_tables import table_tallies
from pipeline.extract.counts import Tally, looked_forward, tally_date
from pipeline.extract.finding_mentions import findings_in
from pipeline.extract.items import Item, Source

_RANK = {Status.CLOSED: 2, Status.OPEN: 1, None: 0}
_BASE_LETTERS = 4  # "calls" is "call", but "uses" keeps its ending
_ANAPHOR_WINDOW = 2  # sentences over which "the cause of concern" means the one just named


@dataclass
class Group:
    """One finding and every wording of it."""

    members: list[Item] = field(default_factory=list)
    status: str | None = None

    @property
    def first(self) -> Item:
        return min(self.members, key=lambda i: i.token)

    def raise_status(self, status: str | None) -> None:
        if _RANK[status] > _RANK[self.status]:
            self.status = status


def _stems(analysis: Analysis, subject: str) -> frozenset[str]:
    """A subject's words as compared; kept per document, since every pair of items asks."""
    cache = analysis.cache.setdefault(_stems, {})
    if subject not in cache:
        rec = analysis.rules.recommendations
        stop = set(rec.same_finding_stop_words)
        size = rec.same_finding_stem
        endings = (rec.same_finding_suffixes, tuple(rec.same_finding_kept_endings))
        cache[subject] = frozenset(
            _base(w, *endings)[:size] for w in re.findall(r"[a-z0-9]+", subject.lower())
            if len(w) > 2 and w not in stop)
    return cache[subject]


def _base(word: str, suffixes: tuple[str, ...], kept: tuple[str, ...]) -> str:
    """A word without its ending, so that "how it handles calls" meets "call handling"."""
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= _BASE_LETTERS and not (
                word.endswith(kept)):
            return word[: -len(suffix)].removesuffix("e")
    return word.removesuffix("e")


def same_finding(analysis: Analysis, a: Item, b: Item) -> bool:
    """Two wordings name one finding when they share what they are about: "the management
    of registered sex offenders" and "how the force manages registered sex offenders"."""
    if (a.force_id, a.kind) != (b.force_id, b.kind) or (a.group and a.group == b.group):
        return False
    words_a, words_b = _stems(analysis, a.subject or ""), _stems(analysis, b.subject or "")
    shared = words_a & words_b
    smaller = min(len(words_a), len(words_b))
    share = analysis.rules.recommendations.same_finding_share
    return bool(shared) and (shared in (words_a, words_b) or (
        len(shared) >= 2 and len(shared) >= share * smaller))


def _lists(group: Group) -> set[str]:
    return {m.group for m in group.members if m.group}


def group_items(analysis: Analysis, items: list[Item]) -> list[Group]:
    """Wordings of one finding together; two items of one list or sentence never are."""
    groups: list[Group] = []
    for item in sorted((i for i in items if i.subject), key=lambda i: i.token):
        matches = [g for g in groups if item.group not in _lists(g)
                   and any(same_finding(analysis, m, item) for m in g.members)]
        if not matches:
            groups.append(Group([item], item.status))
            continue
        target = matches[0]
        for other in matches[1:]:  # the new wording joins two: one finding
            if not _lists(other) & _lists(target):
                target.members.extend(other.members)
                target.raise_status(other.status)
                groups.remove(other)
        target.members.append(item)
        target.raise_status(item.status)
    return groups


def apply_mentions(items: list[Item], groups: list[Group]) -> None:
    """Subjectless mentions update the named findings they refer to: "all the causes of
    concern" every one; "the cause of concern" the one named just before it, or the only
    one named (further back, with two named, it is ambiguous: no guess)."""
    for mention in sorted((i for i in items if not i.subject and i.status), key=lambda i: i.token):
        same = [g for g in groups if (g.first.force_id, g.first.kind) == (
            mention.force_id, mention.kind)]
        if mention.plural and mention.every:
            for group in same:
                group.raise_status(mention.status)
        elif not mention.plural:
            before = [g for g in same if g.first.token < mention.token]
            last = max(before, key=lambda g: max(m.sentence_index for m in g.members),
                       default=None)
            near = last is not None and mention.sentence_index - max(
                m.sentence_index for m in last.members) <= _ANAPHOR_WINDOW
            if last is not None and (len(same) == 1 or near):
                last.raise_status(mention.status)


def inherit_open(analysis: Analysis, groups: list[Group]) -> None:
    """Listed recommendations take "open" from the cause of concern they are listed under."""
    window = analysis.rules.recommendations.parent_window
    concerns = [(m.sentence_index, g) for g in groups for m in g.members
                if m.kind == FindingKind.CAUSE_OF_CONCERN]
    for group in groups:
        listed = [m for m in group.members if m.kind == FindingKind.RECOMMENDATION
                  and m.source == Source.LIST
                  and m.intro_index is not None]
        if not listed or group.status is not None:
            continue
        intro = listed[0].intro_index
        parents = [(index, g) for index, g in concerns if intro - window <= index <= intro
                   and g.first.force_id == group.first.force_id]
        if parents and max(parents, key=lambda p: p[0])[1].status == Status.OPEN:
            group.status = Status.OPEN


def _set_closed_tallies(analysis: Analysis, tallies: list[Tally], items: list[Item]
                        ) -> list[Tally]:
    """"we have closed the force's remaining causes of concern" with "we identified two
    causes of concern" elsewhere: 2 of 2 closed. So for the one finding of a set of one said
    to be still open ("raised one cause of concern" … "the cause of concern remains open"):
    1, none closed. "The cause of concern has been closed" is not read so: a document that
    counts one finding may close another it recounts (the one that led into Engage)."""
    out = []
    for mention in items:
        sentence = analysis.sentences[mention.sentence_index]
        # "the remaining causes of concern" are every one left, not the whole: only a
        # definite plural says the whole set is still open.
        definite = mention.plural and _definite(analysis, mention)
        whole = mention.plural and mention.status == Status.CLOSED and (
            mention.every or definite) or definite and mention.status == Status.OPEN and (
                _still_open(analysis, sentence))
        sole = not mention.plural and mention.status == Status.OPEN and _still_open(
            analysis, sentence)
        if mention.subject or not (whole or sole) or looked_forward(
                analysis, sentence.tok_start, mention.token):
            continue  # not "hopes to have all nine recommendations signed off"
        totals = [t for t in tallies if t.bare and (t.force_id, t.kind) == (
            mention.force_id, mention.kind)]
        if len({t.total for t in totals}) != 1 or (sole and (totals[0].total != 1 or any(
                t.sentence.index == mention.sentence_index for t in totals))):
            continue  # a sole finding's status is told after the sentence that counts it
        base = totals[0]
        closed = base.total if mention.status == Status.CLOSED else 0
        tally = Tally(base.kind, base.force_id, sentence, min(base.start, sentence.start),
                      max(base.end, sentence.end), mention.token, base.total, closed,
                      base.total - closed)
        tally.date = tally_date(analysis, tally)
        out = [t for t in out if not (sole and t.total == 1 and (t.force_id, t.kind) == (
            tally.force_id, tally.kind))] + [tally]  # the last word on a sole finding
    return out


def _definite(analysis: Analysis, mention: Item) -> bool:
    """"the recommendations have all been closed", "its causes of concern remain open": a
    definite plural right before its verb is the whole set. Not "the three outstanding
    recommendations" (a count) nor "the recommendations that have been achieved" (a
    restrictive clause picks some out)."""
    doc = analysis.doc
    sentence = analysis.sentences[mention.sentence_index]
    finding = next((f for f in findings_in(analysis, sentence) if f.start == mention.token),
                   None)
    if finding is None or mention.token == 0 or finding.end >= sentence.tok_end:
        return False
    rules = analysis.rules
    partitive = mention.token > 1 and doc[mention.token - 2].lower_ in (
        rules.counts.whole_prepositions)  # "two of the recommendations"
    return not partitive and doc[mention.token - 1].lower_ in (
        rules.counts.definite_determiners) and doc[finding.end].lower_ in (
        rules.recommendations.whole_verbs)


def _still_open(analysis: Analysis, sentence) -> bool:
    """Whether the sentence says a finding is still open ("remains", "outstanding"), not only
    that it was raised (open_item_words make an item open, never a tally)."""
    rec = analysis.rules.recommendations
    still = [w for w in rec.open_words if w not in set(rec.open_item_words)]
    return has_phrase(lower_words(analysis.doc, sentence.tok_start, sentence.tok_end), still)


def _enumerated(groups: list[Group], tallies: list[Tally]) -> None:
    """"two causes of concern relating to A and B" and, later, "we closed the cause of
    concern regarding B": of the two, one is closed. So for a list the count introduces
    ("Of the four recommendations: - … achieved; …")."""
    for tally in tallies:
        if not tally.bare:
            continue
        named = [g for g in groups if any(
            m.kind == tally.kind and m.force_id == tally.force_id and (
                m.sentence_index == tally.sentence.index and m.source == Source.SENTENCE
                or m.intro_index == tally.sentence.index and m.source == Source.LIST)
            for m in g.members)]
        closed = sum(1 for g in named if g.status == Status.CLOSED)
        if len(named) == tally.total and closed:
            tally.closed, tally.open = closed, tally.total - closed


def _counted_by_items(groups: list[Group], tallies: list[Tally]) -> None:
    """"HMICFRS made four recommendations" and, anywhere in the document, the four named one
    by one with where each stands (a status table, or a sentence each): the total takes the
    named items' closed count. Only when every named item has a status of its own and one
    is closed: items only just made are open by default, which says nothing of a revisit."""
    for tally in tallies:
        key = (tally.force_id, tally.kind)
        if not tally.bare or any(t is not tally and t.total is not None and (
                t.force_id, t.kind) == key for t in tallies):
            continue  # one set counted: not "made four in 2019 … and three in 2023"
        named = [g for g in groups if (g.first.force_id, g.first.kind) == key]
        statuses = [_stated(g) for g in named]
        closed = statuses.count(Status.CLOSED)
        if len(named) == tally.total and None not in statuses and closed:
            tally.closed, tally.open = closed, tally.total - closed


def merge_tallies(tallies: list[Tally]) -> list[Tally]:
    """A tally that repeats part of a fuller one ("the two remaining …") adds nothing."""
    def counts(t: Tally) -> dict:
        return {k: v for k, v in (("t", t.total), ("c", t.closed), ("o", t.open))
                if v is not None}

    def fuller(other: Tally, j: int, tally: Tally, index: int) -> bool:
        """Whether `other` says all `tally` says and more (a date), or as much, earlier."""
        mine, theirs = counts(tally), counts(other)
        if not mine.items() <= theirs.items():
            return False
        if len(theirs) != len(mine):
            return True
        if (other.date is None) != (tally.date is None):
            return tally.date is None
        return j < index

    return [tally for index, tally in enumerate(tallies) if not any(
        j != index and (other.force_id, other.kind) == (tally.force_id, tally.kind)
        and fuller(other, j, tally, index) for j, other in enumerate(tallies))]


def _parts_of(whole: Tally, tallies: list[Tally]) -> list[Tally]:
    """The tallies that add up to `whole`: the same force and kind, each smaller, their
    totals summing to its total and, where every one says how many are closed, their
    closed counts to its own."""
    parts = [t for t in tallies if t is not whole and (t.force_id, t.kind) == (
        whole.force_id, whole.kind) and t.total is not None and t.total < whole.total]
    if len(parts) < 2 or sum(t.total for t in parts) != whole.total:
        return []
    closed = [t.closed for t in parts]
    if whole.closed is not None and None not in closed and sum(closed) != whole.closed:
        return []
    return parts


def without_parts(tallies: list[Tally]) -> list[Tally]:
    """"Of the four recommendations, three have been met … All three recommendations have
    been achieved … In all, six of the seven have been met": one set per force and kind,
    so tallies of its subsets that the text adds up to a stated whole give no rows."""
    parts: list[Tally] = []
    for whole in tallies:
        if whole.total is not None:
            parts += _parts_of(whole, tallies)
    return [t for t in tallies if not any(t is p for p in parts)]


def _restates_part(small: Tally, whole: Tally) -> bool:
    """Whether `small` counts only the closed (or only the open) part of `whole`: "closed two
    of the three causes of concern … Both have now been closed", "six have been met and two
    partly met … The two recommendations that are partly met concern …"."""
    if (small.force_id, small.kind) != (whole.force_id, whole.kind) or small is whole or (
            None in (small.total, whole.total, whole.closed, whole.open)):
        return False
    if small.total >= whole.total:
        return False
    if small.bare:
        return small.total in (whole.closed, whole.open)
    return (small.open == 0 and small.closed == whole.closed) or (
        small.closed == 0 and small.open == whole.open)


def without_restated_parts(tallies: list[Tally]) -> list[Tally]:
    """One set per force and kind: a smaller count that is the closed or open part of a
    fuller tally restated gives no row of its own (no row over a wrong row)."""
    return [t for t in tallies if not any(_restates_part(t, whole) for whole in tallies)]


def _from_whole_tally(groups: list[Group], tallies: list[Tally]) -> None:
    """"None of the four causes of concern has yet been closed": every one named is open;
    "all three have been closed": every one is closed (when the document counts one set)."""
    for tally in tallies:
        same = [t for t in tallies if (t.force_id, t.kind) == (tally.force_id, tally.kind)]
        if len(same) != 1 or tally.total is None:
            continue
        status = Status.CLOSED if tally.open == 0 else Status.OPEN if tally.closed == 0 else None
        for group in groups:
            if (group.first.force_id, group.first.kind) == (tally.force_id, tally.kind):
                group.raise_status(status)


_DEFAULT_SOURCES = (Source.REASON,)  # open only because they led to a move into Engage


def _stated(group: Group) -> str | None:
    """The furthest status the group's own wordings state (not a reason's default)."""
    statuses = [m.status for m in group.members if m.source not in _DEFAULT_SOURCES]
    return max(statuses, key=lambda s: _RANK[s], default=None)


def _complement(groups: list[Group], tallies: list[Tally]) -> None:
    """"Of the five …, all but one have now been closed. The outstanding cause of concern
    relates to vetting": when the named items said to be open are every open one the tally
    counts, the other named items are the closed ones (and the other way round)."""
    for tally in tallies:
        key = (tally.force_id, tally.kind)
        if None in (tally.total, tally.closed, tally.open) or sum(
                1 for t in tallies if (t.force_id, t.kind) == key) != 1:
            continue
        same = [g for g in groups if (g.first.force_id, g.first.kind) == key]
        unstated = [g for g in same if _stated(g) is None]
        if not unstated or len(same) > tally.total:
            continue
        for status, other, counted in ((Status.OPEN, Status.CLOSED, tally.open),
                                       (Status.CLOSED, Status.OPEN, tally.closed)):
            if sum(1 for g in same if _stated(g) == status) == counted:
                for group in unstated:
                    group.status = other
                break


def _without_summaries(groups: list[Group]) -> list[Group]:
    """"two causes of concern about the way it investigates crime and supports victims" sums
    up findings the document names one by one elsewhere: not an item of its own then."""
    def key(group: Group) -> tuple:
        return group.first.force_id, group.first.kind

    named = {key(g) for g in groups if any(m.source != Source.SUMMARY for m in g.members)}
    return [g for g in groups if any(m.source != Source.SUMMARY for m in g.members)
            or key(g) not in named]


def with_table_tallies(analysis: Analysis, tallies: list[Tally]) -> list[Tally]:
    """A table whose header says what its columns count gives a tally a row; the prose
    reading of those rows gives none of its own."""
    rows = table_tallies(analysis)
    taken = {t.sentence.index for t in rows}
    return [t for t in tallies if t.sentence.index not in taken] + rows


def reconcile(analysis: Analysis, tallies: list[Tally], items: list[Item]
              ) -> tuple[list[Tally], list[Group]]:
    tallies = with_table_tallies(analysis, tallies)
    groups = _without_summaries(group_items(analysis, items))
    apply_mentions(items, groups)
    tallies = tallies + _set_closed_tallies(analysis, tallies, items)
    _enumerated(groups, tallies)
    _counted_by_items(groups, tallies)
    tallies = without_restated_parts(without_parts(merge_tallies(tallies)))
    _from_whole_tally(groups, tallies)
    _complement(groups, tallies)
    inherit_open(analysis, groups)
    return tallies, groups
