"""What a count of findings leaves: "four of the five were closed" leaves the fifth open.

Read by the sentence readers (items.py) and the back-reference readers
(finding_references.py) alike, so that "The fifth, on X, …" and "The fifth
recommendation, on X, …" get the same status.
"""

from __future__ import annotations

from pipeline.codes import Status
from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.counts import number_at
from pipeline.extract.finding_mentions import findings_in
from pipeline.extract.status import cached_words, status_in

KIND_WINDOW = 3  # sentences back that a count can stand in


def finding_counts(analysis: Analysis, sentence: Sentence) -> list[int]:
    """The counts of findings in a sentence, first the part: before a finding phrase ("three
    causes of concern"), elliptic ("the other three remain open") or a part ("three of the
    five"), not "two officers"."""
    counts = analysis.rules.counts
    words = cached_words(analysis)
    skip = set(counts.modifiers)
    heads = {f.start for f in findings_in(analysis, sentence)}
    out = []
    for i in range(sentence.tok_start, sentence.tok_end - 1):
        value = number_at(analysis, i)
        k = i + 1
        while k < sentence.tok_end - 1 and words[k] in skip:
            k += 1
        if value is not None and (k in heads or words[k] in counts.elliptic_followers or (
                words[k] in counts.part_of)):
            out.append(value)
    return out


def left_open(analysis: Analysis, sentence: Sentence, reference: str) -> bool:
    """"Four of the five were closed. The fifth, on X, will be followed up": the one a
    count of those closed leaves is still open."""
    ordinals = list(analysis.rules.counts.ordinals)
    if reference not in ordinals:
        return False
    place = ordinals.index(reference) + 1
    for earlier in analysis.sentences[max(sentence.index - KIND_WINDOW, 0) : sentence.index]:
        counts = finding_counts(analysis, earlier)
        pairs = list(zip(counts, counts[1:], strict=False))
        if (place - 1, place) in pairs and status_in(
                analysis, earlier.tok_start, earlier.tok_end) == Status.CLOSED:
            return True
    return False
