"""Plain text and Markdown documents with optional YAML front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import yaml

from pipeline.limits import MAX_FRONT_MATTER_BYTES
from pipeline.models import Document
from pipeline.parse.dates import parse_published
from pipeline.parse.errors import ParseError
from pipeline.parse.furniture import furniture
from pipeline.parse.layout import (
    breaks_word,
    closes_line,
    is_fragment,
    join_cells,
    join_paragraphs,
    mend_line_break,
    normalise_list_item,
    table_rows,
    with_title,
)

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
    it, a lower-case word to start it, or a word hyphenated across the break), a block
    wrapped to a margin, or the cells of one table row are joined.
    """
    if wrapped or (breaks_word(previous) and line[:1].isalnum()):
        return True
    if closes_line(previous):
        return False
    return line[:1].islower() or (is_fragment(previous) and is_fragment(line))


@dataclass
class _Block:
    """Lines between blank lines; a table row is a block of its own."""

    lines: list[str] = field(default_factory=list)
    row: bool = False
    after_page_break: bool = False  # page furniture came between it and the block before


def _blocks(body: str) -> list[_Block]:
    raw = body.replace("\r\n", "\n").split("\n")
    stripped = [line.strip() for line in raw]
    dropped = furniture(stripped)
    cells = table_rows(raw)
    blocks: list[_Block] = [_Block()]
    page_break = False
    for line, is_furniture, row in zip(raw, dropped, cells, strict=True):
        if is_furniture:
            page_break = True
        ends_block = is_furniture or not line.strip() or row is not None
        if ends_block and blocks[-1].lines:
            blocks.append(_Block())
        if row is not None:
            blocks[-1] = _Block([join_cells([_clean_markdown(c) for c in row])], row=True,
                                after_page_break=page_break)
            blocks.append(_Block())
        elif line.strip() and not is_furniture:
            if not blocks[-1].lines:
                blocks[-1].after_page_break = page_break
            blocks[-1].lines.append(_clean_markdown(line))
        else:
            continue
        page_break = False
    return [block for block in blocks if block.lines]


def _block_paragraphs(block: list[str]) -> list[str]:
    wrapped = _is_wrapped(block)
    paragraphs: list[str] = []
    current: str | None = None
    previous = ""
    for line in block:
        item = normalise_list_item(line)
        joins = current is not None and not item.startswith("- ") and _continues(
            previous, line, wrapped)
        previous = line
        if joins:
            current = mend_line_break(current, line)
            continue
        if current is not None:
            paragraphs.append(current)
        current = item
    if current is not None:
        paragraphs.append(current)
    return paragraphs


def _runs_over(before: str, after: str) -> bool:
    """Whether a paragraph cut by a page break goes on in the first one after it: no
    sentence ended, and the text after starts in lower case, finishes a hyphenated word,
    or follows a line long enough to be prose rather than a heading."""
    if closes_line(before) or after.startswith("- "):
        return False
    if after[:1].islower() or (breaks_word(before) and after[:1].isalnum()):
        return True
    return len(before) >= WRAPPED_MIN_WIDTH and after[:1].isalnum()


def _paragraphs(body: str) -> list[str]:
    """One paragraph per line of the text, joining lines back only where they were wrapped
    or cut by page furniture; each table row is a line of its own."""
    paragraphs: list[str] = []
    last_is_row = True
    for block in _blocks(body):
        found = block.lines if block.row else _block_paragraphs(block.lines)
        if (block.after_page_break and not block.row and not last_is_row and paragraphs
                and _runs_over(paragraphs[-1], found[0])):
            paragraphs[-1] = mend_line_break(paragraphs[-1], found[0])
            found = found[1:]
        paragraphs.extend(found)
        last_is_row = block.row if found else last_is_row
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
