"""Personal names beside a title: the capitalised words after it or before it.

"Chief Constable Craig Guildford" has the name after the title, "Lee Freeman, HM Inspector
of Constabulary" and "Alison Hernandez (Police and Crime Commissioner)" before it. Honorifics
(Sir, Dr) and post-nominals (QPM, OBE) sit around names but are not part of them.
"""

from __future__ import annotations

from pipeline.extract.context import Analysis
from pipeline.extract.lexicon import lexicon

# A first sentence this capitalised, of at least this many words, is a title-case headline.
_HEADLINE_CAPITALS = 0.7
_HEADLINE_MIN_WORDS = 4


def is_word(text: str) -> bool:
    """Letters, allowing the apostrophes of O'Doherty and D'Orsi (inside a word: the "'S" of
    "COMMISSIONER'S" is no name)."""
    return text[:1].isalpha() and text.replace("'", "").replace("’", "").isalpha()


def _is_mc(word: str) -> bool:
    return len(word) > 2 and word[:2] in ("Mc", "Ma") and word[2:3].isupper()


def _is_initial(token) -> bool:
    """A middle initial: "Andrew M Burnham", "John A. Smith"."""
    text = token.text.rstrip(".")
    return len(text) == 1 and text.isupper()


def is_post_nominal(analysis: Analysis, token) -> bool:
    return lexicon(analysis.rules).post_nominal(token)


def is_name_word(analysis: Analysis, token) -> bool:
    """A capitalised word that can be part of a name: not a listed non-name word, and not a
    said-verb ("PCC Jane Doe Responds To Report")."""
    words = lexicon(analysis.rules)
    return (is_word(token.text) and (token.is_title or _is_mc(token.text)) and len(token) > 1
            and token.lower_ not in words.not_name and token.lower_ not in words.speech_verbs)


def name_after(analysis: Analysis, start: int, limit: int) -> tuple[int, int] | None:
    """The capitalised name starting at token `start` (skipping honorifics)."""
    doc = analysis.doc
    honorifics = lexicon(analysis.rules).honorifics
    i = start
    determiners = lexicon(analysis.rules).determiners
    while i < limit and (doc[i].lower_ in honorifics or doc[i].text in (",", ".")) and (
            doc[i].lower_ not in determiners):
        i += 1
    first = j = i
    while j < limit:
        token = doc[j]
        if token.text in ("-", "'", "’") and j + 1 < limit and doc[j + 1].is_title and j > first:
            j += 2
            continue
        if is_name_word(analysis, token):
            j += 1
            continue
        particles = lexicon(analysis.rules).name_particles
        k = j
        while j > first and k < limit and doc[k].lower_ in particles:
            k += 1
        if k > j and k < limit and is_name_word(analysis, doc[k]):
            j = k  # "Sam de Reya", "Anna van der Berg"
            continue
        if j + 1 < limit and _is_initial(token) and is_name_word(analysis, doc[j + 1]):
            j += 1
            continue
        break
    if j - first < 1:
        return None
    return first, j


def name_before(analysis: Analysis, end: int, floor: int) -> tuple[int, int] | None:
    """The capitalised name ending just before token `end` ("Lee Freeman, HM Inspector")."""
    doc = analysis.doc
    i = end
    while i > floor and (doc[i - 1].text in (",", "(", "–", "—") or is_post_nominal(analysis,
                                                                               doc[i - 1])):
        i -= 1
    last = j = i
    while j > floor:
        token = doc[j - 1]
        if token.text in ("-",) and j - 2 >= floor and doc[j - 2].is_title:
            j -= 2
            continue
        if is_word(token.text) and token.is_title and len(token) > 1 and (
                token.lower_ not in lexicon(analysis.rules).not_name):
            j -= 1
            continue
        if j < last and j - 1 > floor and _is_initial(token) and doc[j - 2].is_title:
            j -= 1
            continue
        if j < last and j - 1 > floor and token.lower_ in lexicon(
                analysis.rules).name_particles and (doc[j - 2].is_title or doc[
                    j - 2].lower_ in lexicon(analysis.rules).name_particles):
            j -= 1  # "Sam de Reya, the chief constable", "Anna van der Berg"
            continue
        break
    if last - j < 2:
        return None
    return j, last


def clean_name(analysis: Analysis, start: int, end: int) -> str:
    """The name as stored: without honorifics or post-nominals, spaces normalised."""
    doc = analysis.doc
    words = lexicon(analysis.rules)
    while start < end and doc[start].lower_ in words.honorifics:
        start += 1
    while end > start and (doc[end - 1].lower_ in words.post_nominals or doc[end - 1].text
                           in (",", "(")):
        end -= 1
    if start >= end:
        return ""
    text = analysis.text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
    return " ".join(text.split())


def title_case_headline(analysis: Analysis, sentence) -> bool:
    """"Chief Constable Welcomes Decision": capitals mark a headline, not names. The page
    may repeat its headline lower down in another case (a title in Title Case above a
    heading in sentence case): that line is a headline too."""
    if sentence.index > 0 and not _repeated_headline(analysis, sentence):
        return False
    words = [t for t in analysis.doc[sentence.tok_start : sentence.tok_end] if t.is_alpha]
    if len(words) < _HEADLINE_MIN_WORDS:
        return False
    return sum(1 for t in words if t.text[0].isupper()) >= _HEADLINE_CAPITALS * len(words)


def _repeated_headline(analysis: Analysis, sentence) -> bool:
    """A heading line whose words, in any case, are those of another line of the text."""
    if not analysis.is_heading(sentence):
        return False
    words = sentence.text.lower().split()
    return any(other.index != sentence.index and other.text.lower().split() == words
               for other in analysis.sentences)
