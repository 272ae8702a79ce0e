"""Which person each quote belongs to, by the attributing verb nearest the quote.

In order of trust: a said-verb right after the quote, in its sentence (“…,” said Jane Doe);
a said-verb before it in its sentence (Jane Doe said: “…”); the sentence just before a quote
that opens its sentence or paragraph (Jane Doe welcomed the report. ¶ “…”); the speaker of
the quote just before, when nothing attributed in between; the speaker named after the next
quote, when the two run on (“…” ¶ “…,” said Jane Doe). A person merely named near a quote
is never its speaker; a quote said by an organisation or an unnamed spokesperson has none.
Quotes and reported speech are read in one pass in text order, so "he said" is the person
who spoke last.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from pipeline.extract.lexicon import WordList
from pipeline.extract.persons import Person
from pipeline.extract.quotes import QuoteBlock
from pipeline.extract.speech import Voices, speaker_at

# An attribution after a quote has its said-verb within this many tokens of the closing
# mark ("…,” Jane Doe, the chief constable of Kent Police, said).
_TRAIL_REACH = 14
# A sentence after a quote that ends its own sentence attributes it when this short
# ("Mr Smith said.").
_SHORT_ATTRIBUTION = 8
# A sentence pointing back at a quote ("Those were the words of …") names its speaker within
# this many tokens of its start.
_POINTED_REACH = 10
# A quote continues the previous speaker's across at most this many paragraph breaks.
_CONTINUATION_BREAKS = 2


@dataclass
class Attribution:
    block: QuoteBlock
    person: Person | None
    start: int  # evidence: from the attribution (or the quote) …
    end: int  # … to the end of the quote (or the attribution after it)
    attributed: bool  # an attributing verb was found, even if its subject is no person


@dataclass
class Reported:
    """Words reported without quote marks: "Jane Doe said the force had improved"."""

    person: Person
    start: int
    end: int


class _Speech:
    """The said-verbs and speech nouns of a document, looked up by token range."""

    def __init__(self, tokens: list[tuple[int, str]]):
        self.tokens = tokens
        self.index = [i for i, _ in tokens]

    def between(self, lo: int, hi: int, nouns: bool = True) -> list[tuple[int, str]]:
        found = self.tokens[bisect_left(self.index, lo) : bisect_left(self.index, hi)]
        return found if nouns else [(i, kind) for i, kind in found if kind != WordList.NOUN]


def _token_at(voices: Voices, char: int) -> int:
    return voices.token_at(char)


def _quote_start(block: QuoteBlock) -> int:
    """The opening mark of a marked quote (a sentence may start after it)."""
    return block.start - 1 if block.marked else block.start


def _quote_end(block: QuoteBlock) -> int:
    return min(block.end + 1, block.last_paragraph[1]) if block.marked else block.end


def _dash_speaker(voices: Voices, close: int, ceiling: int) -> Person | None:
    """“…” – Jane Doe, Chief Constable: a dash and a name sign the quote. The name may
    open the next sentence, as the sentence ends at a dash after a closing mark."""
    doc = voices.analysis.doc
    if close + 1 < ceiling and doc[close].text in ("–", "—", "-") and close + 1 in (
            voices.by_token) and voices.by_token[close + 1].tok_start == close + 1:
        return voices.by_token[close + 1].person
    return None


def _trailing(voices: Voices, block: QuoteBlock, speech: _Speech, limit: int
              ) -> Attribution | None:
    """“…,” said Jane Doe. / “…,” she added. / “… today.” Mr Doe said. / “…” – Jane Doe."""
    analysis = voices.analysis
    mark = _token_at(voices, block.end)
    sentence = analysis.sentence_of(mark)
    close, ceiling = mark + 1, min(sentence.tok_end, limit)
    while close < sentence.tok_end and analysis.doc[close].is_space:
        close += 1  # the line break after a quote that ends its line
    next_sentence = close >= sentence.tok_end
    if next_sentence:
        if sentence.index + 1 >= len(analysis.sentences):
            return None
        sentence = analysis.sentences[sentence.index + 1]
        if sentence.tok_start >= limit:
            return None
        pointed = _pointed_back(voices, sentence, speech)
        if pointed is not None:
            return _trailing_attribution(voices, block, sentence, pointed)
        credited = _credit_line(voices, sentence, limit)
        if credited is not None:
            return _trailing_attribution(voices, block, sentence, credited)
        opens_with_verb = bool(speech.between(sentence.tok_start, sentence.tok_start + 1,
                                              nouns=False))  # "said His Majesty's Inspector …"
        if sentence.tok_end - sentence.tok_start > _SHORT_ATTRIBUTION and not opens_with_verb:
            return None
        close, ceiling = sentence.tok_start, min(sentence.tok_end, limit)
    person = _dash_speaker(voices, close, limit)
    if person is not None and close + 1 >= sentence.tok_end:
        sentence = analysis.sentence_of(close + 1)  # the name opens the next sentence
    hits = speech.between(close, min(close + _TRAIL_REACH, ceiling), nouns=False)
    breaks = voices.words.clause_breaks
    if hits and any(t.lower_ in breaks for t in analysis.doc[close : hits[0][0]]):
        hits = []  # "…”, while the mayor said …": the verb belongs to another clause
    if person is None and not hits:
        return None
    if person is None:
        person = speaker_at(voices, hits[0][0], close, ceiling, hits[0][1])
    if person is None and next_sentence:
        return None  # a sentence of its own names a speaker or is no attribution ("Notes to …")
    return _trailing_attribution(voices, block, sentence, person)


def _credit_line(voices: Voices, sentence, limit: int) -> Person | None:
    """“…” ¶ Jane Doe, Chief Constable of Kent Police: a paragraph after the quote that is
    only a name and its title, with no full stop, credits the quote as a caption would."""
    analysis = voices.analysis
    doc = analysis.doc
    mention = voices.by_token.get(sentence.tok_start)
    sentences = analysis.sentences
    alone = all(not 0 <= k < len(sentences) or sentences[k].paragraph != sentence.paragraph
                for k in (sentence.index - 1, sentence.index + 1))
    if mention is None or mention.tok_start != sentence.tok_start or not alone or (
            sentence.tok_end > limit) or sentence.tok_end - sentence.tok_start > _TRAIL_REACH or (
            doc[sentence.tok_end - 1].text in (".", "!", "?")):
        return None
    links = voices.words.title_links
    if all(t.is_space or t.is_punct or t.is_title or t.lower_ in links or t.i in voices.forces
           for t in doc[mention.tok_end : sentence.tok_end]):
        return mention.person
    return None


def _trailing_attribution(voices: Voices, block: QuoteBlock, sentence, person: Person | None
                          ) -> Attribution:
    """Evidence from the quote's sentence to the end of the attribution after it."""
    analysis = voices.analysis
    start = analysis.sentence_of(_token_at(voices, block.start)).start
    end = max(min(sentence.end, block.last_paragraph[1] if sentence.start < block.end
                  else sentence.end), block.end)
    return Attribution(block, person, min(start, _quote_start(block)), end, True)


def _pointed_back(voices: Voices, sentence, speech: _Speech) -> Person | None:
    """“…” ¶ "Those were the words of HMI Jane Doe, who …" / "That was the chief constable,
    Jane Doe, speaking …": a sentence that opens by pointing back at the quote names its
    speaker, however long it runs: the speaker of its said-verb or speech noun, else the
    first person it names, near its start."""
    doc = voices.analysis.doc
    first = sentence.tok_start
    while first < sentence.tok_end and doc[first].is_quote:
        first += 1
    opening = " ".join(t.lower_ for t in doc[first : first + voices.words.back_reference_words])
    if not any(opening == p or opening.startswith(p + " ") for p in voices.words.back_references):
        return None
    for i, kind in speech.between(first, sentence.tok_end):
        person = speaker_at(voices, i, first, sentence.tok_end, kind)
        if person is not None:
            return person
    for i in range(first, min(first + _POINTED_REACH, sentence.tok_end)):
        if i in voices.by_token:
            return voices.by_token[i].person
    return None


def _embedded_speaker(voices: Voices, hits: list[tuple[int, str]], floor: int, ceiling: int
                      ) -> Person | None:
    """The speaker of the last said-verb before a quote, or of an earlier one when the later
    verb is reported inside the earlier one's words ("Jane Doe said inspectors had found “…”");
    a clause break ("…, but the force said: “…”") ends the search."""
    doc = voices.analysis.doc
    breaks = voices.words.clause_breaks
    for k in range(len(hits) - 1, -1, -1):
        i, kind = hits[k]
        person = speaker_at(voices, i, floor, ceiling, kind)
        if person is not None:
            return person
        if any(t.lower_ in breaks for t in doc[floor:i]):
            return None
    return None


def _leading(voices: Voices, block: QuoteBlock, speech: _Speech, floor_char: int
             ) -> Attribution | None:
    """Jane Doe said: “…” / According to the chief constable, “…” / Jane Doe: “…”."""
    analysis = voices.analysis
    open_tok = _token_at(voices, max(block.start - 1, 0))
    sentence = analysis.sentence_of(open_tok)
    floor = max(sentence.tok_start, _token_at(voices, floor_char) if floor_char else 0)
    start = max(sentence.start, floor_char)
    colon = open_tok - 1
    if colon - 1 >= floor and analysis.doc[colon].text == ":" and colon - 1 in voices.by_token:
        person = voices.by_token[colon - 1].person
        return Attribution(block, person, start, _quote_end(block), True)
    hits = speech.between(floor, open_tok, nouns=False)
    if not hits:
        return None
    person = _embedded_speaker(voices, hits, floor, open_tok)
    return Attribution(block, person, start, _quote_end(block), True)


def _lead_sentence(voices: Voices, block: QuoteBlock, speech: _Speech, floor_char: int
                   ) -> Attribution | None:
    """A quote opening its sentence, after a sentence whose said-verb names the speaker."""
    analysis = voices.analysis
    sentence = analysis.sentence_of(_token_at(voices, block.start))
    if sentence.index == 0 or analysis.text[sentence.start : block.start].strip("“\"‘ \n"):
        return None
    lead = analysis.sentences[sentence.index - 1]
    if lead.start < floor_char:
        return None  # that sentence is (part of) the quote before
    hits = speech.between(lead.tok_start, lead.tok_end)
    person = _embedded_speaker(voices, hits, lead.tok_start, lead.tok_end) if hits else None
    if person is None:
        return None
    return Attribution(block, person, lead.start, _quote_end(block), True)


def _own(voices: Voices, block: QuoteBlock, speech: _Speech, previous_end: int,
         next_start: int) -> Attribution | None:
    limit = _token_at(voices, next_start) if next_start else len(voices.analysis.doc)
    trailing = _trailing(voices, block, speech, limit)
    if trailing is not None and trailing.person is not None:
        if not _beyond(voices, block, trailing):
            return trailing
        # "X said … and added: “…”" ¶ "Y thanked her officers.": the speaker the quote's
        # own sentence names before it outranks the next sentence's
        leading = _leading(voices, block, speech, previous_end)
        return leading if leading is not None and leading.person is not None else trailing
    leading = _leading(voices, block, speech, previous_end)
    if leading is not None and (leading.person is not None or trailing is None):
        return leading
    return trailing or _lead_sentence(voices, block, speech, previous_end)


def _beyond(voices: Voices, block: QuoteBlock, attribution: Attribution) -> bool:
    """Whether an attribution after a quote is in the sentence after the quote's."""
    analysis = voices.analysis
    return attribution.end > analysis.sentence_of(_token_at(voices, block.end)).end


def _continued(voices: Voices, block: QuoteBlock, previous: Attribution | None
               ) -> Attribution | None:
    """A quote with no attribution of its own, soon after another: the same speaker's."""
    if previous is None or previous.person is None:
        return None
    gap = voices.analysis.text[previous.block.end : block.start]
    if gap.count("\n") > _CONTINUATION_BREAKS:
        return None
    sentence = voices.analysis.sentence_of(_token_at(voices, block.start))
    return Attribution(block, previous.person, min(sentence.start, _quote_start(block)),
                       _quote_end(block), False)


def _attribute(voices: Voices, block: QuoteBlock, speech: _Speech,
               previous: Attribution | None, next_start: int) -> Attribution:
    previous_end = previous.block.end + 1 if previous else 0
    own = _own(voices, block, speech, previous_end, next_start)
    if own is not None and own.person is None and _participle_after(voices, block, previous,
                                                                    speech):
        return Attribution(block, previous.person, own.start, own.end, True)
    return (own or _continued(voices, block, previous)
            or Attribution(block, None, _quote_start(block), _quote_end(block), False))


def _participle_after(voices: Voices, block: QuoteBlock, previous: Attribution | None,
                      speech: _Speech) -> bool:
    """“…”, adding: “…”: a said-verb's participle after a comma, in the sentence of the
    speaker's quote before, has that speaker as its subject."""
    if previous is None or previous.person is None:
        return False
    analysis = voices.analysis
    open_tok = _token_at(voices, max(block.start - 1, 0))
    floor = _token_at(voices, previous.block.end)
    if analysis.sentence_of(floor).index != analysis.sentence_of(open_tok).index:
        return False
    hits = speech.between(floor, open_tok, nouns=False)
    suffix = analysis.rules.speech.participle_suffix
    return len(hits) == 1 and analysis.doc[hits[0][0]].lower_.endswith(suffix) and (
        analysis.doc[hits[0][0] - 1].text == ",")


def read_voices(voices: Voices, blocks: list[QuoteBlock], speech_tokens: list[tuple[int, str]],
                given: dict[int, Attribution]) -> tuple[list[Attribution], list[Reported]]:
    """Quotes with their speakers and reported speech, read together in text order.

    `given` holds the attributions already known (unmarked quotes after "said:"), by block id.
    """
    analysis, speech = voices.analysis, _Speech(speech_tokens)
    doc = analysis.doc
    voices.quotes = [(b.start - 1, b.end + 1) for b in blocks if b.marked]
    items = [(b.start - 1, 0, k) for k, b in enumerate(blocks)]
    items += [(doc[i].idx, 1, i) for i, _ in speech_tokens
              if not voices.quoted(doc[i].idx)]
    kinds = dict(speech_tokens)
    quotes: list[Attribution] = []
    reported: list[Reported] = []
    for _, is_speech, value in sorted(items):
        if is_speech:
            sentence = analysis.sentence_of(value)
            person = voices.spoke(speaker_at(voices, value, sentence.tok_start,
                                             sentence.tok_end, kinds[value]))
            if person is not None:
                reported.append(Reported(person, sentence.start, sentence.end))
            continue
        block = blocks[value]
        next_start = blocks[value + 1].start - 1 if value + 1 < len(blocks) else 0
        if block.short:
            _fragment(voices, block, speech, quotes, next_start)
            continue
        found = given.get(id(block)) or _attribute(
            voices, block, speech, quotes[-1] if quotes else None, next_start)
        voices.spoke(found.person)
        quotes.append(found)
    _run_on(quotes, voices)
    return quotes, reported


def _fragment(voices: Voices, block: QuoteBlock, speech: _Speech, quotes: list[Attribution],
              next_start: int) -> None:
    """A short quoted fragment is a quote only with a speaker of its own, in its sentence
    ("… was “completely unacceptable”, the inspector said"); it never continues anyone's."""
    previous_end = quotes[-1].block.end + 1 if quotes else 0
    limit = _token_at(voices, next_start) if next_start else len(voices.analysis.doc)
    found = _trailing(voices, block, speech, limit)
    if found is None or found.person is None:
        found = _leading(voices, block, speech, previous_end)
    if found is not None and found.person is not None:
        quotes.append(found)


def _run_on(quotes: list[Attribution], voices: Voices) -> None:
    """“First paragraph.” ¶ “Second,” said Jane Doe: an unattributed quote that runs straight
    into an attributed one is the same speaker's."""
    text = voices.analysis.text
    for k in range(len(quotes) - 2, -1, -1):
        here, after = quotes[k], quotes[k + 1]
        if here.person is None and not here.attributed and after.person is not None and (
                not text[here.block.end + 1 : after.block.start - 1].strip("”\"’ \n")):
            here.person = after.person


def _colon_after(voices: Voices, verb: int) -> int | None:
    """"said:" or "said today:": the colon token right after a said-verb."""
    doc = voices.analysis.doc
    i = verb + 1
    while i < len(doc) and doc[i].lower_ in voices.words.colon_fillers:
        i += 1
    return i if i < len(doc) and doc[i].text == ":" else None


def _unmarked_after(voices: Voices, colon: int, starts: set[int], person: Person | None,
                    evidence_start: int) -> Attribution | None:
    """The words after a colon, to the end of their paragraph, as an unmarked quote."""
    text, doc = voices.analysis.text, voices.analysis.doc
    begin = doc[colon].idx + 1
    while begin < len(text) and text[begin].isspace():
        begin += 1
    if person is None or begin >= len(text) or begin in starts or text[begin] in "“\"‘" or (
            text.startswith("- ", begin)):
        return None
    end = text.find("\n", begin)
    end = len(text) if end < 0 else end
    paragraph = (text.rfind("\n", 0, begin) + 1, end)
    block = QuoteBlock(begin, end, paragraph, paragraph, marked=False)
    return Attribution(block, person, evidence_start, end, True)


def unmarked_quotes(voices: Voices, speech_tokens: list[tuple[int, str]],
                    blocks: list[QuoteBlock]) -> list[Attribution]:
    """"Jane Doe said:" or a paragraph opening "Jane Doe:", followed by words without quote
    marks: those words, to the end of their paragraph, are her quote (a list after "said
    that:" is reported, not quoted)."""
    analysis = voices.analysis
    starts = {b.start - 1 for b in blocks}
    out = []
    for verb, kind in speech_tokens:
        colon = _colon_after(voices, verb) if kind == WordList.VERB else None
        if colon is None:
            continue
        sentence = analysis.sentence_of(verb)
        person = speaker_at(voices, verb, sentence.tok_start, colon, kind)
        found = _unmarked_after(voices, colon, starts, person, sentence.start)
        if found is not None:
            out.append(found)
    for mention in voices.people.mentions:
        colon = mention.tok_end
        sentence = analysis.sentence_of(mention.tok_start)
        if mention.reference or mention.tok_start != sentence.tok_start or colon >= len(
                analysis.doc) or analysis.doc[colon].text != ":":
            continue  # "Jane Doe: we have made progress" opening a paragraph
        found = _unmarked_after(voices, colon, starts, mention.person, sentence.start)
        if found is not None:
            out.append(found)
    return out
