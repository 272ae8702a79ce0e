"""Local documents: find them, read them, and say clearly why one cannot be used."""

from __future__ import annotations

import codecs
import os
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from bs4 import MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

from pipeline.limits import MAX_DOCUMENT_BYTES, MAX_PDF_BYTES
from pipeline.models import Document
from pipeline.parse.errors import ParseError
from pipeline.parse.html import decode_html, parse_html
from pipeline.parse.pdf import parse_pdf
from pipeline.parse.text import parse_text

SUPPORTED_SUFFIXES = (".html", ".htm", ".txt", ".md", ".pdf")
# Text in which more than this share of characters are control characters (other than tab,
# line breaks and form feed) is binary data that happened to decode, not a document.
BINARY_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Byte-order marks, longest first: a UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip

# bs4's advice about parsers is for developers; a page is parsed either way, and under cron
# a warning block on stderr would land in cron.log for every XML or URL-like file.
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

OnError = Callable[[str, str], None]


def file_name(path: Path) -> str:
    """The path as text that can be stored and printed: bytes of a file name that are not
    UTF-8 (a name from an old Windows archive, say) are written as \\xe9."""
    return os.fsencode(path.as_posix()).decode("utf-8", "backslashreplace")


def iter_source_files(path: Path, on_error: OnError | None = None) -> Iterator[Path]:
    """A file, or every supported file below a directory, in a stable order.

    Hidden files and README files (which describe a folder, like corpus/README.md) are not
    documents. A folder that cannot be read is reported to `on_error(name, reason)` rather
    than skipped in silence. Symbolic links to folders are not followed.
    """
    if path.is_file():
        yield path
        return
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        if on_error is not None:
            where = Path(exc.filename) if exc.filename else path
            on_error(file_name(where), f"cannot read folder ({exc.strerror or exc})")

    for folder, dirs, files in os.walk(path, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            candidate = Path(folder, name)
            if (not name.startswith(".") and candidate.suffix.lower() in SUPPORTED_SUFFIXES
                    and candidate.stem.upper() != "README"):
                found.append(candidate)
    yield from sorted(found)


def parse_file(path: Path, *, source: str = "local") -> Document:
    url = file_name(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return parse_pdf(_read(path, MAX_PDF_BYTES), url=url, source=source)
    raw = _read(path)
    markup = suffix in (".html", ".htm")
    text = _decode(raw, markup)
    if len(_CONTROL.findall(text)) > BINARY_CONTROL_SHARE * len(text):
        raise ParseError("binary file, not text (control characters)")
    if markup:
        return parse_html(text, url=url, source=source)
    return parse_text(text, url=url, source=source)


def _read(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise ParseError(f"file too large ({size:,} bytes; the limit is {limit:,})")
        raw = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file ({exc.strerror or exc})") from exc
    if len(raw) > limit:  # it grew while we looked
        raise ParseError(f"file too large (over {limit:,} bytes)")
    if not raw.strip():
        raise ParseError("empty file")
    return raw


def _decode(raw: bytes, markup: bool) -> str:
    """Text from bytes: a byte-order mark decides (UTF-8, UTF-16, UTF-32); otherwise UTF-8,
    then Windows-1252, the same for text files as for pages (a page may also name its own
    charset). A NUL byte anywhere in a file without a mark means it is not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(f"not valid {encoding.upper()} despite its byte-order mark "
                                 f"(byte {exc.start})") from exc
            if "\x00" in text:
                raise ParseError("binary file, not text (NUL character)")
            return text
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ParseError(f"binary file, not text (NUL byte at byte {nul})")
    if markup:
        return decode_html(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise ParseError(f"neither UTF-8 nor Windows-1252 text (byte {first})") from None
