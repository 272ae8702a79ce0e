"""Local documents: find them, read them, and say clearly why one cannot be used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.models import Document
from pipeline.parse.errors import ParseError
from pipeline.parse.html import parse_html
from pipeline.parse.pdf import parse_pdf
from pipeline.parse.text import parse_text

SUPPORTED_SUFFIXES = (".html", ".htm", ".txt", ".md", ".pdf")


def iter_source_files(path: Path) -> Iterator[Path]:
    """A file, or every supported file below a directory, in a stable order.

    Hidden files and README files (which describe a folder, like corpus/README.md) are not
    documents.
    """
    if path.is_file():
        yield path
        return
    for candidate in sorted(path.rglob("*")):
        hidden = any(part.startswith(".") for part in candidate.relative_to(path).parts) or (
            candidate.stem.upper() == "README")
        if candidate.is_file() and candidate.suffix.lower() in SUPPORTED_SUFFIXES and not hidden:
            yield candidate


def parse_file(path: Path, *, source: str = "local") -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise ParseError("empty file")
    if path.suffix.lower() == ".pdf":
        return parse_pdf(raw, url=path.as_posix(), source=source)
    if b"\x00" in raw[:8192]:
        raise ParseError("binary file, not text")
    url = path.as_posix()
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return parse_html(raw, url=url, source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not valid UTF-8 (byte {exc.start})") from exc
    return parse_text(text, url=url, source=source)
