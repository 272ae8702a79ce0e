"""Plain text and Markdown documents with optional YAML front matter."""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from pipeline.limits import MAX_FRONT_MATTER_BYTES
from pipeline.models import Document
from pipeline.parse.dates import parse_published
from pipeline.parse.errors import ParseError
from pipeline.parse.layout import join_paragraphs, normalise_list_item, with_title

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# Link text holds no bracket and the target at most one level of parentheses, so that a
# line of thousands of "[" is read in linear time (allowing any made each one a new search).
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()]|\([^()]*\))*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|(?<!\w)_(?!\s))")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases: safe_load still expands them, and nine
    levels of nine aliases (a "billion laughs") in a title took a process to 24 GB."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise ParseError(f"front matter uses a YAML alias (line {mark.line + 1}); "
                             "aliases are not allowed")
        return super().compose_node(parent, index)


def _front_matter(raw: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    size = len(match.group(1).encode("utf-8", "surrogatepass"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise ParseError(f"front matter too large ({size:,} bytes; the limit is "
                         f"{MAX_FRONT_MATTER_BYTES:,})")
    try:
        meta = yaml.load(match.group(1), Loader=_NoAliasLoader) or {}
    except yaml.YAMLError as exc:
        raise ParseError(f"front matter is not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(meta, dict):
        raise ParseError("front matter must be a mapping of keys to values")
    return meta, raw[match.end() :]


# A block (lines between blank lines) is hard-wrapped prose when it has at least this many
# lines and every line but its last is nearly as long as its longest one: a wrapping editor
# fills each line to the margin. Lines of page furniture (a site name, a breadcrumb, a date
# line) vary in length and are kept apart.
WRAPPED_MIN_LINES = 3
WRAPPED_MIN_WIDTH = 50
WRAPPED_FILL = 0.75
# Lines of at most this many words with no closing mark are cells of a table or a list of
# labels and values ("Cleveland Police" / "Entered Engage" / "2019"): they are read together,
# as the row they are.
FRAGMENT_WORDS = 4
_CLOSES_LINE = re.compile(r"[.!?:;\"\u201d\u2019)]$")


def _clean_markdown(line: str) -> str:
    line = _MD_HEADING.sub("", line.strip())
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub("", line)


def _is_wrapped(block: list[str]) -> bool:
    if len(block) < WRAPPED_MIN_LINES:
        return False
    widest = max(len(line) for line in block)
    return widest >= WRAPPED_MIN_WIDTH and all(
        len(line) >= WRAPPED_FILL * widest for line in block[:-1])


def _continues(previous: str, line: str, wrapped: bool) -> bool:
    """Whether `line` carries on the paragraph whose last line was `previous`.

    Pages copied as text put every block element on a line of its own, with or without
    blank lines between them; only a line that goes on mid-sentence (no closing mark before
    it, a lower-case word to start it), a block wrapped to a margin, or the cells of one
    table row are joined.
    """
    if wrapped:
        return True
    if _CLOSES_LINE.search(previous):
        return False
    return line[:1].islower() or (_is_fragment(previous) and _is_fragment(line))


def _is_fragment(line: str) -> bool:
    return len(line.split()) <= FRAGMENT_WORDS and not _CLOSES_LINE.search(line)


def _paragraphs(body: str) -> list[str]:
    """One paragraph per line of the text, joining lines back only where they were wrapped."""
    lines = [_clean_markdown(line) for line in body.replace("\r\n", "\n").split("\n")]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[str] = []
    for block in blocks:
        wrapped = _is_wrapped(block)
        current: str | None = None
        previous = ""
        for line in block:
            item = normalise_list_item(line)
            joins = current is not None and not item.startswith("- ") and _continues(
                previous, line, wrapped)
            previous = line
            if joins:
                current = f"{current} {line}"
                continue
            if current is not None:
                paragraphs.append(current)
            current = item
        if current is not None:
            paragraphs.append(current)
    return paragraphs


def parse_text(raw: str, *, url: str, source: str = "local") -> Document:
    meta, body = _front_matter(raw)
    paragraphs = _paragraphs(body)
    title = str(meta.get("title") or "").strip()
    if not title and paragraphs:
        title = paragraphs[0]
    text = with_title(title, join_paragraphs(paragraphs))
    if not join_paragraphs(paragraphs):
        raise ParseError("no body text")
    published = meta.get("published") or meta.get("date")
    published_date: date | None
    if isinstance(published, datetime):
        published_date = published.date()
    elif isinstance(published, date):
        published_date = published
    elif published:
        published_date = parse_published(str(published))
        if published_date is None:
            raise ParseError(f"front matter 'published' is not a date: {published!r}")
    else:
        published_date = None
    return Document(
        url=str(meta.get("url") or url),
        title=title,
        text=text,
        published_date=published_date,
        source=str(meta.get("source") or source),
    )
