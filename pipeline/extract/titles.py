"""Titles of officials (rules/roles.yaml) and what they say about the person beside them.

A title gives the role code, and often the force or body: "Chief Constable of Kent Police",
"Kent's Chief Constable", "chair of Wiltshire Police Federation". Acting, temporary and T/
ranks keep the rank's code; a bare "Commissioner" leads a force only in London.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum, auto

from spacy.tokens import Span
from spacy.util import filter_spans

from pipeline.extract.context import Analysis
from pipeline.extract.gazetteer import MentionKind
from pipeline.extract.lexicon import lexicon
from pipeline.extract.names import name_after, name_before
from pipeline.extract.persons import OrgCode, RoleCode
from pipeline.extract.story import story_force

# A force named this many tokens before a title is the title's ("Kent's Chief Constable").
_FORCE_BEFORE_TITLE = 3
# Sentences before a title's own read for the force it belongs to.
_SENTENCES_BACK = 2
# "(DCC)": bracket, abbreviation, bracket.
_BRACKETED = 3
# The longest title between an object marker and the name it is in apposition to ("to the
# Police and Crime Commissioner, Katy Bourne").
_ADDRESSEE_TITLE = 8
# Lower-case words a title's complement may hold before the comma that precedes the name
# ("MP for the area, Jo Stevens").
_COMPLEMENT_WORDS = 3

# The possessive ending as the tokenizer splits it off ("Kent's", "Kent’s").
_POSSESSIVE = frozenset({"'s", "’s"})
# Marks between a title and the name it introduces in lists and minutes.
_NAME_INTRODUCERS = (":", "–", "—")
_FORCE_ROLES = (RoleCode.CHIEF_CONSTABLE, RoleCode.DEPUTY_CHIEF_CONSTABLE,
                RoleCode.ASSISTANT_CHIEF_CONSTABLE, RoleCode.COMMISSIONER,
                RoleCode.POLICE_AND_CRIME_COMMISSIONER)
# Lower-case one-word abbreviations this short ("acc", "pc") are ordinary words, not titles.
_SHORT_ABBREVIATION = 4


class Matcher(StrEnum):
    """The toolkit's matchers (nlp.py) that find titles and known officials."""

    ROLES = auto()  # every title of rules/roles.yaml, labelled with its role code
    OFFICIALS = auto()  # the names of rules/officials.yaml


@dataclass
class TitledName:
    """A name read beside a title, in tokens; the mention covers both."""

    name_start: int
    name_end: int
    tok_start: int
    tok_end: int
    role: str
    title: str  # the title as written, lower-case
    force_id: str | None
    org: str | None


def titles(analysis: Analysis) -> list[Span]:
    doc = analysis.doc
    spans = [Span(doc, s, e, label=label) for label, s, e in analysis.matches(Matcher.ROLES)]
    kept = [span for span in filter_spans(spans)
            if not (len(span) == 1 and span.text.islower()
                    and len(span.text) <= _SHORT_ABBREVIATION)]
    return sorted(kept, key=lambda s: s.start)


def _org_force(analysis: Analysis, title: Span) -> str | None:
    """The force a title belongs to: "Chief Constable of Kent Police", "Kent's Chief Constable"."""
    sentence = analysis.sentence_of(title.start)
    for mention in analysis.forces:
        if mention.kind == MentionKind.FIRE or mention.tok_start < sentence.tok_start or (
                mention.tok_end > sentence.tok_end):
            continue
        if (title.start - _FORCE_BEFORE_TITLE <= mention.tok_end <= title.start + 1
                and mention.tok_start < title.start):
            return mention.force_id
        if title.end <= mention.tok_start <= title.end + 2 and analysis.doc[
                title.end].lower_ in lexicon(analysis.rules).title_links:
            return mention.force_id
    return None


def _local_force(analysis: Analysis, title: Span, previous: bool = True) -> str | None:
    """The force named just before a title, in its sentence (or the two before it, in its
    paragraph or the one before: a force named further back is another story's)."""
    sentence = analysis.sentence_of(title.start)
    first = sentence
    if previous:
        for k in range(sentence.index - 1, max(sentence.index - _SENTENCES_BACK - 1, -1), -1):
            if analysis.sentences[k].paragraph < sentence.paragraph - 1:
                break
            first = analysis.sentences[k]
    start = first.tok_start
    named = [m for m in analysis.forces_between(start, title.start)
             if (m.kind == MentionKind.OFFICE or analysis.usable(m)) and not m.compared]
    if previous and len({m.force_id for m in named}) != 1:
        return None  # several forces just before: no telling which one the title belongs to
    return named[-1].force_id if named else None


def _named_org(analysis: Analysis, title: Span) -> str | None:
    """"chair of Wiltshire Police Federation": the body as the text names it."""
    doc = analysis.doc
    words = lexicon(analysis.rules)
    i = title.end
    if i >= len(doc) or doc[i].lower_ not in words.title_links:
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ in words.determiners:
        i += 1
    start = i
    while i < len(doc) and (doc[i].lower_ in words.org_connectors or doc[i].is_alpha
                            and doc[i].is_title):
        i += 1
    while i > start and doc[i - 1].lower_ in words.org_connectors:
        i -= 1
    if i - start < 2:
        return None
    return analysis.text[doc[start].idx : doc[i - 1].idx + len(doc[i - 1])]


def org_name(analysis: Analysis, role: str, force_id: str | None, title: Span) -> str | None:
    spec = analysis.rules.roles.roles[role]
    org = spec.org
    if role == RoleCode.OTHER:
        named = _named_org(analysis, title)
        if named:
            return named
        if title.text.lower() in lexicon(analysis.rules).police_ranks and force_id:
            return analysis.toolkit.gazetteer.names.get(force_id)
        return None
    if org == OrgCode.FORCE or (org is None and force_id):
        return analysis.toolkit.gazetteer.names.get(force_id) if force_id else None
    if org == "HMICFRS" and _scottish(analysis, title):
        return "HMICS"
    return org


def _scottish(analysis: Analysis, title: Span) -> bool:
    """"HM Chief Inspector of Constabulary in Scotland": the Scottish inspectorate's title."""
    scottish = lexicon(analysis.rules).scottish_words
    start = max(title.start - _FORCE_BEFORE_TITLE, 0)
    near = {t.lower_ for t in analysis.doc[start : title.end + 2]}
    text = analysis.text
    scottish_text = ("HMICS" in text and "HMICFRS" not in text and "HMIC " not in text) or (
        analysis.primary_force in analysis.rules.roles.scottish_forces)
    return bool(near & scottish) or scottish_text


def left_edge(analysis: Analysis, title: Span) -> int:
    """Where the words that qualify a title start: "West Midlands Police's Chief Constable"."""
    doc = analysis.doc
    i = title.start
    for mention in analysis.forces:
        if mention.tok_start < i <= mention.tok_end:
            i = mention.tok_start  # "the West Midlands Police and Crime Commissioner"
    words = lexicon(analysis.rules)
    qualifiers = words.title_qualifiers | words.rank_prefixes | _POSSESSIVE
    while i > 0 and doc[i - 1].lower_ in qualifiers:
        i -= 1
    for mention in analysis.forces:
        if mention.tok_end == i:
            i = mention.tok_start
    # "the county's police and crime commissioner", "London's Deputy Mayor": the possessor
    # (a place, or a word such as "county") belongs to the title.
    if 0 < i < title.start and doc[i].lower_ in _POSSESSIVE and (
            doc[i - 1].lower_ in words.possessors or doc[i - 1].is_title):
        i -= 1
    while i > 0 and doc[i - 1].lower_ in words.determiners | _POSSESSIVE:
        i -= 1
    # "Sophie Linden, London's Deputy Mayor for Policing": a possessive place before a title.
    if i > 1 and doc[i - 1].lower_ in _POSSESSIVE and doc[i - 2].is_title:
        i -= 2
    return i


def _after_title(analysis: Analysis, title: Span, sentence_end: int) -> int:
    """Where a name after the title would start, past "of Kent Police" or "of the Board,",
    or an abbreviation in brackets ("Deputy Chief Constable (DCC) Jane Doe")."""
    doc = analysis.doc
    after = title.end
    if after + 2 < sentence_end and doc[after].text == "(" and doc[after + 2].text == ")" and (
            doc[after + 1].is_upper):
        return after + _BRACKETED
    words = lexicon(analysis.rules)
    if after >= sentence_end or doc[after].lower_ not in words.title_links:
        return after
    first = after + 2 if after + 2 < sentence_end and doc[after + 1].lower_ in (
        words.determiners) else after + 1
    place = place_end(analysis, first, sentence_end)
    if place is not None:
        after = place
        # "chairman of the Greater Manchester Police Federation, Rob Kenyon"
        while after < sentence_end and doc[after].is_title and (
                doc[after].lower_ in lexicon(analysis.rules).not_name):
            after += 1
        return after
    k, common = after + 1, 0
    while k < sentence_end and (doc[k].lower_ in words.org_connectors | words.determiners
                                or doc[k].is_title or (doc[k].is_lower and doc[k].is_alpha
                                                       and common < _COMPLEMENT_WORDS)):
        common += doc[k].is_lower and doc[k].lower_ not in words.determiners
        k += 1
    if k < sentence_end and doc[k].text == "," and k > after + 1:
        return k  # "chair of the Policing Board, Mukesh Sharma"
    return after


def _place_ends(analysis: Analysis) -> dict[int, int]:
    """Every force name or force area the matchers find, by start token: also the bare places
    the force list drops before a capitalised word ("for Cleveland Steve Turner")."""
    if _place_ends not in analysis.cache:
        ends: dict[int, int] = {}
        for matcher in ("forces_lower", "forces_exact"):
            for _, s, e in analysis.matches(matcher):
                ends[s] = max(ends.get(s, e), e)
        analysis.cache[_place_ends] = ends
    return analysis.cache[_place_ends]


def place_tokens(analysis: Analysis) -> set[int]:
    """The tokens of every force name or force area (see `_place_ends`)."""
    return {i for s, e in _place_ends(analysis).items() for i in range(s, e)}


def place_end(analysis: Analysis, start: int, limit: int) -> int | None:
    """The end of a place named at token `start`: a force or its area, or a nation
    (roles.yaml title_places: "in Scotland Craig Naylor")."""
    end = _place_ends(analysis).get(start)
    if end is not None:
        return end if end <= limit else None
    doc = analysis.doc
    for place in lexicon(analysis.rules).title_places:
        end = start + len(place)
        if end <= limit and tuple(t.lower_ for t in doc[start:end]) == place:
            return end
    return None


def _name_span(analysis: Analysis, title: Span, forces: set[int]) -> tuple[int, int] | None:
    sentence = analysis.sentence_of(title.start)
    doc = analysis.doc
    after = _after_title(analysis, title, sentence.tok_end)
    if after < sentence.tok_end and doc[after].text in _NAME_INTRODUCERS:
        span = name_after(analysis, after + 1, sentence.tok_end)  # "Chief Constable: Jane Doe"
        if span:
            return _without_forces(span, forces)
    if after < sentence.tok_end and doc[after].text == "(":
        span = name_after(analysis, after + 1, sentence.tok_end)  # "the Chief Constable (Jane Doe)"
        # A one-word bracket qualifies the title ("The Commander (Operations)").
        if span and span[1] - span[0] > 1 and span[1] < sentence.tok_end and (
                doc[span[1]].text == ")"):
            return _without_forces(span, forces)
    span = name_after(analysis, after, sentence.tok_end)
    if span and doc[after].text != "," and _whole_name(analysis, span, sentence.tok_end):
        return _without_forces(span, forces)
    span = name_before(analysis, left_edge(analysis, title), sentence.tok_start)
    if span is not None and _addressee(analysis, span, after):
        span = None
    if span is None and after < sentence.tok_end and doc[after].text == ",":
        span = name_after(analysis, after + 1, sentence.tok_end)
        return _without_forces(span, forces) if span else None
    return span or _name_before_clause(analysis, title, sentence.tok_start)


def _addressee(analysis: Analysis, span: tuple[int, int], after: int) -> bool:
    """"In a letter to Katy Bourne, the Home Secretary wrote": a name after "to" (or another
    object marker) and a title that its verb follows with no comma are two people, the
    title the subject of its own clause."""
    doc = analysis.doc
    words = lexicon(analysis.rules)
    if after >= len(doc) or doc[after].lower_ not in set(analysis.rules.words.speech_verbs):
        return False
    i = span[0] - 1
    if i > 0 and doc[i].text == ",":  # "to the Police and Crime Commissioner, Katy Bourne,"
        title = next((t for t in titles(analysis) if t.end == i), None)
        if title is None or title.start < i - _ADDRESSEE_TITLE:
            return False
        i = title.start - 1
        while i > 0 and doc[i].lower_ in words.determiners:
            i -= 1
    return i >= 0 and doc[i].lower_ in words.object_markers


def _name_before_clause(analysis: Analysis, title: Span, floor: int) -> tuple[int, int] | None:
    """"Jane Doe, who became chief constable in 2021, said": the name before a relative
    clause that gives the title."""
    doc = analysis.doc
    edge = left_edge(analysis, title)
    for opener in analysis.rules.roles.title_clauses:
        words = opener.lower().split()
        start = edge - len(words)
        if start - 1 > floor and [t.lower_ for t in doc[start:edge]] == words and (
                doc[start - 1].text == ","):
            return name_before(analysis, start, floor)
    return None


def _whole_name(analysis: Analysis, span: tuple[int, int], limit: int) -> bool:
    """A one-word name after a title ("Chief Constable Hogg said") is a surname unless
    capitalised words run on after a comma ("Chair of the Board Performance, Standards and
    Audit Group"): then the words name a body, not a person."""
    start, end = span
    doc = analysis.doc
    if end - start > 1 or end + 1 >= limit:
        return True
    return not (doc[end].text == "," and doc[end + 1].is_title)


def _without_forces(span: tuple[int, int], forces: set[int]) -> tuple[int, int] | None:
    """"Chief Constable Nottinghamshire Police": a force after a title is not a name."""
    start, end = span
    for i in range(start, end):
        if i in forces:
            end = i
            break
    return (start, end) if end > start else None


def role_of(analysis: Analysis, title: Span, force_id: str | None) -> str:
    """The role code, after "Deputy" lowered a leader's title and London's rule for Commissioner."""
    doc = analysis.doc
    roles = analysis.rules.roles
    role = title.label_
    modifier = doc[title.start - 1].lower_ if title.start else ""
    leaders = (RoleCode.COMMISSIONER, RoleCode.CHIEF_CONSTABLE)
    if role in leaders and modifier in roles.rank_modifiers:
        # "Deputy Commissioner of the Metropolitan Police": the longer title won the match.
        role = roles.rank_modifiers[modifier]
    if role == RoleCode.COMMISSIONER and title.text.lower() in roles.bare_commissioner_titles:
        current = force_id or analysis.force_before(title.start)
        if current not in set(roles.commissioner_forces):
            role = RoleCode.POLICE_AND_CRIME_COMMISSIONER
    return role


def _fallback_force(analysis: Analysis, title: Span, role: str) -> str | None:
    """A chief constable named without a force leads the force the story is about."""
    if role not in _FORCE_ROLES and title.text.lower() not in lexicon(
            analysis.rules).police_ranks:
        return None
    return (_local_force(analysis, title, previous=False) or _local_force(analysis, title)
            or story_force(analysis) or analysis.dominant_force or analysis.primary_force
            or analysis.force_before(title.start))


def title_role(analysis: Analysis, title: Span) -> tuple[str, str | None, str | None]:
    """The role code, force id and organisation a title gives its holder."""
    force_id = _org_force(analysis, title)
    role = role_of(analysis, title, force_id)
    force_id = force_id or _fallback_force(analysis, title, role)
    return role, force_id, org_name(analysis, role, force_id, title)


def in_body_name(analysis: Analysis, title: Span) -> bool:
    """"the Office of the Police and Crime Commissioner": a title inside a body's name."""
    doc = analysis.doc
    words = lexicon(analysis.rules)
    i = title.start
    while i > 0 and doc[i - 1].lower_ in words.determiners:
        i -= 1
    return i >= 2 and doc[i - 1].lower_ in words.title_links and (
        doc[i - 2].lower_ in words.body_heads)


def read_title(analysis: Analysis, title: Span, forces: set[int]) -> TitledName | None:
    """The named person a title belongs to, or None when no name stands beside it."""
    if in_body_name(analysis, title):
        return None
    span = _name_span(analysis, title, forces)
    if span is None:
        return None
    role, force_id, org = title_role(analysis, title)
    name_start, name_end = span
    # "Temporary Chief Constable Jim Colwell": the mention starts with the title's qualifiers.
    start = left_edge(analysis, title) if name_start >= title.end else name_start
    return TitledName(name_start, name_end, start, max(name_end, title.end), role,
                      title.text.lower(), force_id, org)


def reference_start(analysis: Analysis, title: Span) -> int | None:
    """Where "the chief constable", "its commissioner" or "the force's chief constable"
    starts: a title used to refer back to a person (the caller knows no name stands beside it).
    """
    doc = analysis.doc
    words = lexicon(analysis.rules)
    i = left_edge(analysis, title)
    if i >= 1 and doc[i].lower_ in _POSSESSIVE and doc[i - 1].lower_ in words.possessors:
        i -= 1  # "the force's chief constable"
    if doc[i].lower_ not in words.determiners and i > 0 and (
            doc[i - 1].lower_ in words.determiners):
        i -= 1
    owned = any(m.tok_start == i and m.tok_end < title.start and doc[m.tok_end].lower_ in
                _POSSESSIVE for m in analysis.forces)  # "Kent Police's chief constable"
    return i if owned or doc[i].lower_ in words.determiners else None
