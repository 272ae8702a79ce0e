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


def _paragraphs(body: str) -> list[str]:
    """Blank lines separate paragraphs; a hard-wrapped paragraph is joined back into one line.

    A text without blank lines is read one paragraph per line, as many releases are pasted.
    """
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    has_blank = any(not line.strip() for line in lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        stripped = _MD_HEADING.sub("", stripped)
        stripped = _MD_LINK.sub(r"\1", stripped)
        stripped = _MD_EMPHASIS.sub("", stripped)
        item = normalise_list_item(stripped)
        if not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if item.startswith("- ") or not has_blank:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            paragraphs.append(item)
            continue
        current.append(stripped)
    if current:
        paragraphs.append(" ".join(current))
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
