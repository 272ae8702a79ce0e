"""Letters: who wrote them and who they were sent to.

An inspectorate letter opens with a header: "From: <name> <post-nominals> <title>", then
"To:" and "Cc:" blocks, one line each or run together on one line. The sender wrote the
letter, so the letter reports the sender's words (a statement with no quote: the letter is
quoted as a whole); the recipients are only written to. Where the header has no labels
("Letter information" followed by the parties), the first party is the sender. A letter or
note that ends with a bare name under text in the first person is signed by that name.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum, auto

from spacy.tokens import Span

from pipeline.extract.clauses import lower_words
from pipeline.extract.context import Analysis
from pipeline.extract.lexicon import WordList, lexicon, words_in
from pipeline.extract.names import clean_name, is_name_word, is_post_nominal
from pipeline.extract.persons import Authorship, People, RoleCode, register
from pipeline.extract.titles import title_role

# The most tokens a letter's sender or recipient block takes ("The Rt Hon … MP Home
# Secretary"), honorifics, name, post-nominals and title together.
PARTY_TOKENS = 30

_MIN_NAME_WORDS = 2
_MAX_LABEL_WORDS = 2
# Tokens a signature line may hold besides the name: honorifics, post-nominals, a title.
_SIGNATURE_EXTRA_TOKENS = 12
# Tokens of a sign-off that opens the name's line ("Yours sincerely,").
_SIGN_OFF_TOKENS = 4
# A paragraph after a signature this short (or a title) still belongs to the signature.
_SIGNATURE_TAIL_WORDS = 6
# The greeting of a letter stands among its first sentences: a header and an address above.
_LETTERHEAD_SENTENCES = 12
# … and its body speaks in the first person within this many sentences of the greeting
# (a subject line may come first).
_OPENING_SENTENCES = 3



class LetterPart(StrEnum):
    """What a letter header label introduces (rules/speech.yaml `letter_labels` keys)."""

    SENDER = auto()  # the writer
    RECIPIENT = auto()  # someone written to
    HEADER = auto()  # the header itself, with no party named by the label

@dataclass
class _Party:
    name_start: int
    name_end: int
    title: Span | None
    end: int  # token after the party's title (or name)


def _skip_space(doc, i: int, limit: int) -> int:
    while i < limit and (doc[i].is_space or doc[i].text in (":", ",")):
        i += 1
    return i


def _party_at(analysis: Analysis, i: int, title_at: dict[int, Span]) -> _Party | None:
    """"The Rt Hon Jane Doe MP Home Secretary": honorifics, a name, post-nominals, a title."""
    doc = analysis.doc
    words = lexicon(analysis.rules)
    limit = min(len(doc), i + PARTY_TOKENS)
    i = _skip_space(doc, i, limit)
    while i < limit and doc[i].lower_ in words.honorifics:
        i += 1
    start = i
    while i < limit and i not in title_at and (is_name_word(analysis, doc[i]) or (
            i > start and len(doc[i].text.rstrip(".")) == 1 and doc[i].text[0].isupper())):
        i += 1
    end = i
    while end > start and len(doc[end - 1].text.rstrip(".")) == 1:
        end -= 1  # a trailing initial is not a name
    if end - start < _MIN_NAME_WORDS:
        return None
    while i < limit and i not in title_at and (
            doc[i].is_space or doc[i].text == "," or is_post_nominal(analysis, doc[i])):
        i += 1  # "HM Inspector" opens a title, though "HM" looks like post-nominal letters
    title = title_at.get(i)
    return _Party(start, end, title, title.end if title is not None else end)


def _label_at(analysis: Analysis, i: int) -> tuple[str, int] | None:
    """A header label starting at token i ("From", "Cc", "Letter information"): its kind and
    the token after it."""
    doc = analysis.doc
    if not doc[i].text[:1].isupper():
        return None
    labels = lexicon(analysis.rules).letter_labels
    for size in range(_MAX_LABEL_WORDS, 0, -1):
        words = " ".join(t.lower_ for t in doc[i : i + size])
        if words in labels and i + size <= len(doc):
            return labels[words], i + size
    return None


def _label_starts(analysis: Analysis) -> list[int]:
    """Tokens that may start a header label: capitalised first words of labels."""
    doc = analysis.doc
    hits = words_in(analysis.rules, doc).get(WordList.LABEL, ())
    return [i for i in hits if doc[i].text[:1].isupper()]


def _register_party(analysis: Analysis, people: People, party: _Party):
    doc = analysis.doc
    name = clean_name(analysis, party.name_start, party.name_end)
    if party.title is not None:
        role, force_id, org = title_role(analysis, party.title)
        title = party.title.text.lower()
    else:
        role, force_id, org, title = RoleCode.OTHER, None, None, None
    person = register(people, name, role, force_id, org, doc[party.name_start].idx, title)
    people.mention(person, doc, party.name_start, party.name_end)
    return person


def _header_parties(analysis: Analysis, people: People, title_at: dict[int, Span],
                    starts: list[int]) -> None:
    """"From: <party>" is the writer; "To: <party>" and "Cc: <party>" are only written to."""
    doc = analysis.doc
    for i in starts:
        token = doc[i]
        label = _label_at(analysis, i)
        if label is None or label[0] == LetterPart.HEADER:
            continue
        party = _party_at(analysis, label[1], title_at)
        if party is None or party.title is None:
            if label[0] == LetterPart.SENDER:
                _titled_sender(analysis, people, token.idx, label[1])
            continue
        person = _register_party(analysis, people, party)
        if label[0] == LetterPart.SENDER:
            end = doc[party.end - 1]
            people.authors.append(Authorship(person, token.idx, end.idx + len(end)))
        else:
            people.addressees.add(id(person))


def _titled_sender(analysis: Analysis, people: People, label_char: int, after: int) -> None:
    """"By Chief Constable Jane Doe": a person already found (title first) right after a
    sender label wrote the text."""
    after = _skip_space(analysis.doc, after, len(analysis.doc))
    mention = next((m for m in people.mentions if m.tok_start == after and not m.reference),
                   None)
    if mention is not None:
        people.authors.append(Authorship(mention.person, label_char, mention.end))


def _unlabelled_sender(analysis: Analysis, people: People, title_at: dict[int, Span],
                       starts: list[int]) -> None:
    """"Letter information" followed directly by a party, with no "From" label."""
    doc = analysis.doc
    for i in starts:
        label = _label_at(analysis, i)
        if label is None or label[0] != LetterPart.HEADER:
            continue
        after = _skip_space(doc, label[1], len(doc))
        if after < len(doc) and _label_at(analysis, after) is not None:
            continue  # a labelled header follows
        party = _party_at(analysis, after, title_at)
        if party is None or party.title is None:
            continue
        person = _register_party(analysis, people, party)
        end = doc[party.end - 1]
        people.authors.append(Authorship(person, doc[party.name_start].idx,
                                         end.idx + len(end)))


def _first_person(analysis: Analysis, paragraph: str) -> bool:
    words = lexicon(analysis.rules).first_person
    if any(mark in paragraph for mark in "“”\""):
        return False  # first person inside quote marks is someone quoted, not the author
    return any(w.strip(".,;:!?()").lower() in words for w in paragraph.split())


def _only_party(analysis: Analysis, party: _Party, end: int) -> bool:
    """Nothing but the party up to `end`: post-nominals, punctuation, or after a title the
    place or body it belongs to ("Police and Crime Commissioner for Kent")."""
    doc = analysis.doc
    links = lexicon(analysis.rules).title_links
    titled = party.title is not None
    return all(t.is_space or t.is_punct or is_post_nominal(analysis, t)
               or titled and (t.lower_ in links or t.is_title) for t in doc[party.end : end])


def _signatures(analysis: Analysis, people: People, title_at: dict[int, Span]) -> None:
    """A paragraph that is only a name, under a sign-off or a paragraph in the first person."""
    words = lexicon(analysis.rules)
    sentences = analysis.sentences
    longest = words.signature_max_words + _SIGNATURE_EXTRA_TOKENS
    for k, sentence in enumerate(sentences):
        short = sentence.tok_end - sentence.tok_start <= longest + _SIGN_OFF_TOKENS
        lead = _sign_off_end(analysis, sentence) if short else None
        start = sentence.tok_start if lead is None else lead
        if k == 0 or sentence.tok_end - start > longest or sentences[
                k - 1].paragraph == sentence.paragraph or (
                k + 1 < len(sentences) and sentences[k + 1].paragraph == sentence.paragraph):
            continue  # a signature is a paragraph of its own
        party = _party_at(analysis, start, title_at)
        if party is None or not _only_party(analysis, party, sentence.tok_end):
            continue
        if party.name_end - party.name_start > words.signature_max_words:
            continue
        before = sentences[k - 1].text
        signed_off = lead is not None or before.lower().rstrip(",. ") in words.sign_offs
        tail = sentences[k + 1] if k + 1 < len(sentences) else None
        closing = tail is None or len(tail.text.split()) <= _SIGNATURE_TAIL_WORDS or (
            tail.tok_start in title_at)
        if signed_off or ((closing or party.title is not None)
                          and _first_person(analysis, before)) or (
                party.title is not None and _ends_document(analysis, party)
                and not _party_line(analysis, sentences[k - 1], title_at)):
            person = _register_party(analysis, people, party)
            people.authors.append(Authorship(person, sentence.start, sentence.end))


def _sign_off_end(analysis: Analysis, sentence) -> int | None:
    """The token after a sign-off that opens a paragraph and goes on to a name ("Yours
    sincerely, Jane Doe"): a copy that keeps no line break between them, or a page that
    sets them in blocks of one row."""
    sign_offs = lexicon(analysis.rules).sign_offs
    if not any(p.startswith(analysis.doc[sentence.tok_start].lower_) for p in sign_offs):
        return None
    phrases = [p.split() for p in sign_offs]
    opening = lower_words(analysis.doc, sentence.tok_start, min(
        sentence.tok_end, sentence.tok_start + max(map(len, phrases), default=0)))
    for words in phrases:
        end = sentence.tok_start + len(words)
        if end < sentence.tok_end and opening[: len(words)] == words:
            return _skip_space(analysis.doc, end, sentence.tok_end)
    return None


def _party_line(analysis: Analysis, sentence, title_at: dict[int, Span]) -> bool:
    """A paragraph that is a name and its title: a letter header's line, not body text."""
    party = _party_at(analysis, sentence.tok_start, title_at)
    return party is not None and party.title is not None and _only_party(
        analysis, party, sentence.tok_end)


def _ends_document(analysis: Analysis, party: _Party) -> bool:
    """"Jane Doe ¶ Chief Executive, Office of the Police and Crime Commissioner ¶ Contact: …":
    a name and title that close the document (nothing after them but short lines) sign it,
    as a report's author signs it, even when its text is not in the first person."""
    sentences = analysis.sentences
    after = analysis.sentence_of(party.end - 1).index + 1
    return all(len(s.text.split()) <= _SIGNATURE_TAIL_WORDS for s in sentences[after:])


def read_letters(analysis: Analysis, people: People, title_spans: list[Span]) -> None:
    """Register the people of letter headers and signatures; mark writers and recipients."""
    title_at = {t.start: t for t in title_spans}
    starts = _label_starts(analysis)
    if starts:
        _header_parties(analysis, people, title_at, starts)
        if not people.authors:
            _unlabelled_sender(analysis, people, title_at, starts)
    _signatures(analysis, people, title_at)
    if not people.authors:
        _letterhead_sender(analysis, people)


def _letterhead_sender(analysis: Analysis, people: People) -> None:
    """"Zoë Billingham CBE ¶ HM Inspector of Constabulary ¶ 14 October 2022 ¶ Chief
    Constable Stephen Watson ¶ … ¶ Dear Stephen, ¶ I am writing …": in a letter with no
    sign-off (an excerpt cut before it), the first titled person above the greeting who is
    not the one greeted wrote it, when the letter speaks in the first person."""
    salutations = set(analysis.rules.speech.salutations)
    sentences = analysis.sentences
    greeting = next((s for s in sentences[:_LETTERHEAD_SENTENCES]
                     if s.text.split()[0].lower().strip(",") in salutations), None)
    body = sentences[greeting.index + 1:greeting.index + 1 + _OPENING_SENTENCES] if (
        greeting is not None) else []
    if not any(_first_person(analysis, s.text) for s in body):
        return
    greeted = {w.strip(",:;").lower() for w in greeting.text.split()[1:]}
    for mention in sorted(people.mentions, key=lambda m: m.start):
        person = mention.person
        if mention.start >= greeting.start:
            return
        if mention.reference or person.role == RoleCode.OTHER or id(
                person) in people.addressees or greeted & {
                w.lower() for w in person.name.split()}:
            continue
        people.authors.append(Authorship(person, mention.start, mention.end))
        return
