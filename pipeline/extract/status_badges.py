"""Where a line of its own says a finding's status after its name.

Pages and tables set a status after the finding they rate, as a separate word or two:
"- Emergency call handling: closed", "1. Call handling (closed)", "Rec 2: Call-backs –
Complete", "- Recording crime accurately Closed". The list reader and the sentence reader
both read them, so the reading lives here, apart from both.
"""

from __future__ import annotations

from pipeline.extract.context import Analysis, Sentence
from pipeline.extract.status import status_read

BADGE_WORDS = 2  # words of a status label set after a list item ("In progress")


def alone_on_line(analysis: Analysis, sentence: Sentence) -> bool:
    """Whether a sentence is the whole of its line."""
    sentences = analysis.sentences
    index = sentence.index
    return (index == 0 or sentences[index - 1].paragraph != sentence.paragraph) and (
        index + 1 == len(sentences) or sentences[index + 1].paragraph != sentence.paragraph)


def body_token(analysis: Analysis, sentence: Sentence) -> int:
    """The first token after a list item's marker."""
    at = sentence.start + sentence.marker
    return next((k for k in range(sentence.tok_start, sentence.tok_end)
                 if analysis.doc[k].idx >= at), sentence.tok_end)


def trailing_status(analysis: Analysis, bullet: Sentence) -> tuple[str, str] | None:
    """"- Emergency call handling: closed", "1. Call handling (closed)": the words before
    the separator or the brackets name the finding, the few after it say where it stands."""
    doc = analysis.doc
    rec = analysis.rules.recommendations
    first = body_token(analysis, bullet)
    end = bullet.tok_end
    bracketed = False
    while end > first and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[
            end - 1].text not in rec.bullet_status_separators:
        end -= 1  # the full stop or semicolon that ends the item
        bracketed = bracketed or doc[end].text == ")"
    separators = [k for k in range(first + 1, end) if doc[k].text in rec.bullet_status_separators
                  and (doc[k].text == ":" or doc[k - 1].whitespace_)]
    if bracketed:  # "1. Call handling (closed)"
        separators = [k for k in range(first + 1, end) if doc[k].text == "("]
    if not separators and not bracketed:
        return status_badge(analysis, first, end)
    if not 0 < end - separators[-1] - 1 <= rec.bullet_status_words:
        return None
    k = separators[-1]
    status, _ = status_read(analysis, k + 1, end, context_start=k + 1)
    if status is None:
        return None
    return analysis.text[doc[first].idx : doc[k].idx].strip(), status


def status_badge(analysis: Analysis, first: int, end: int) -> tuple[str, str] | None:
    """"- Recording crime accurately Closed": a page's status label set after the item,
    capitalised after a lower-case word, with no separator the copy kept."""
    doc = analysis.doc
    for size in range(1, BADGE_WORDS + 1):
        start = end - size
        if start - 1 <= first or not doc[start].is_title or not doc[start - 1].is_lower:
            continue
        status, _ = status_read(analysis, start, end, context_start=start)
        if status is not None:
            return analysis.text[doc[first].idx : doc[start].idx].strip(), status
    return None


def up_to(subject: str, before: str) -> str:
    """The part of a subject that lies in the words before a bullet's status."""
    return next((subject[:k].rstrip() for k in range(len(subject), 0, -1)
                 if before.endswith(subject[:k].rstrip())), subject)


def label_line_status(analysis: Analysis, sentence: Sentence, finding_start: int,
                      subject: str) -> tuple[str, str] | None:
    """"Recommendation 2: Call-backs to callers – Complete" on a line of its own: the
    subject up to the status, and the status. Only for a finding that opens its line."""
    articles = set(analysis.rules.counts.determiners) | set(
        analysis.rules.recommendations.articles)
    lead = [analysis.doc[k].lower_ for k in range(body_token(analysis, sentence), finding_start)]
    if not alone_on_line(analysis, sentence) or not set(lead) <= articles:
        return None
    trailing = trailing_status(analysis, sentence)
    if trailing is None or not trailing[0].endswith(up_to(subject, trailing[0])):
        return None
    return up_to(subject, trailing[0]), trailing[1]

