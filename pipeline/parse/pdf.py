"""PDF documents (monitoring letters, reports): the text layer as paragraphs, and a date.

The inspectorate's letters that move a force into or out of Engage, or close a cause of
concern, are published as PDFs. pdfminer.six's layout analysis groups characters into
lines and text boxes in reading order; each box becomes paragraphs, lines are joined back
into sentences (a word broken with a hyphen at a line end is joined whole), and running
heads and page numbers repeated on every page are dropped. The stored text is built here
once, like an HTML page's, so evidence offsets point into it the same way.

The date is the letter's own date line ("18 September 2024" on a line of its own near the
top); failing that, the date the listing or feed gave; failing that, the PDF's creation
date, which says when the file was made rather than when it was published.
"""

from __future__ import annotations

import io
import logging
import re
from datetime import date

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from pipeline.models import Document
from pipeline.parse.dates import date_line
from pipeline.parse.errors import ParseError
from pipeline.parse.furniture import is_marking
from pipeline.parse.layout import (
    clean_line,
    join_paragraphs,
    mend_line_break,
    normalise_list_item,
    with_title,
)

# A line shorter than this share of its box's width ends a paragraph (wrapped lines run to
# the margin; the last line of a paragraph stops short).
SHORT_LINE_RATIO = 0.6
# The letter's date line is looked for among this many first paragraphs.
DATE_LINE_PARAGRAPHS = 15
# A paragraph longer than this is body text, not a title.
TITLE_MAX_CHARS = 150
_BULLET = re.compile(r"^(?:[-*•·▪◦–]|\d{1,2}[.)])\s+")
_PAGE_NUMBER = re.compile(r"^\W*(?:page\s+)?\d+(?:\s*(?:of|/)\s*\d+)?\W*$", re.IGNORECASE)
_CREATION_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
# Titles that authoring tools write on their own: a file name, or the word processor's name.
_TOOL_TITLE = re.compile(r"^(?:microsoft\s+word\s*-|untitled\b)|\.(?:docx?|pdf|odt)$", re.I)
# pdfminer warns about every odd but readable file; our one error line says what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
_TERMINAL = ".!?:;\"”’)"
# The PDF header may follow some junk bytes; readers look for it within the first kilobyte.
PDF_HEADER_WINDOW = 1024


def is_pdf(body: bytes, content_type: str = "") -> bool:
    """A PDF by its header or its declared type (servers mislabel files both ways)."""
    return b"%PDF-" in body[:PDF_HEADER_WINDOW] or "/pdf" in content_type.lower()


def _box_paragraphs(box: LTTextBox) -> list[str]:
    paragraphs: list[str] = []
    current = ""
    for line in box:
        if not isinstance(line, LTTextLine):
            continue
        text = clean_line(line.get_text())
        if not text:
            continue
        if current and _BULLET.match(text):
            paragraphs.append(current)
            current = ""
        current = mend_line_break(current, text)
        if line.width < SHORT_LINE_RATIO * box.width and not text.endswith(("-", "\u00ad")):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _pages(body: bytes) -> list[list[str]]:
    """Paragraphs per page, in the reading order pdfminer's layout analysis gives."""
    pages: list[list[str]] = []
    for page in extract_pages(io.BytesIO(body), laparams=LAParams()):
        if not isinstance(page, LTPage):
            continue
        paragraphs: list[str] = []
        for element in page:
            if isinstance(element, LTTextBox):
                paragraphs.extend(_box_paragraphs(element))
        pages.append(paragraphs)
    return pages


def _running_heads(pages: list[list[str]]) -> set[str]:
    """Paragraphs on more than half the pages of a multi-page file: heads and footers."""
    if len(pages) < 2:
        return set()
    counts: dict[str, int] = {}
    for paragraphs in pages:
        for text in set(paragraphs):
            counts[text] = counts.get(text, 0) + 1
    return {text for text, n in counts.items() if n > len(pages) / 2}


def _paragraphs(pages: list[list[str]]) -> list[str]:
    heads = _running_heads(pages)
    out: list[str] = []
    for number, paragraphs in enumerate(pages):
        kept = [p for p in paragraphs
                if p not in heads and not _PAGE_NUMBER.match(p) and not is_marking(p)]
        for index, text in enumerate(kept):
            # A sentence that runs over a page break continues in lower case.
            continues = number > 0 and index == 0 and bool(out) and out[-1][-1:] not in _TERMINAL
            if continues and text[:1].islower():
                out[-1] = mend_line_break(out[-1], text)
            else:
                out.append(normalise_list_item(text))
    return out


def _info(body: bytes) -> dict[str, str]:
    """The document information dictionary (Title, CreationDate, ...) as plain strings."""
    try:
        info = PDFDocument(PDFParser(io.BytesIO(body))).info
    except Exception:  # noqa: BLE001 - metadata is optional; the text already parsed
        return {}
    found: dict[str, str] = {}
    for entry in info or []:
        for key, value in entry.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                found[key] = value.strip()
    return found


def _metadata_date(info: dict[str, str]) -> date | None:
    match = _CREATION_DATE.match(info.get("CreationDate", ""))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _title(info: dict[str, str], paragraphs: list[str], hint: str | None) -> str:
    if hint:
        return hint
    meta = clean_line(info.get("Title", ""))
    if meta and not _TOOL_TITLE.search(meta):
        return meta
    for text in paragraphs:
        if date_line(text) is None and len(text) <= TITLE_MAX_CHARS:
            return text
    return ""


def _letter_date(paragraphs: list[str]) -> date | None:
    for text in paragraphs[:DATE_LINE_PARAGRAPHS]:
        found = date_line(text)
        if found is not None:
            return found
    return None


def parse_pdf(
    body: bytes,
    *,
    url: str,
    source: str = "local",
    title_hint: str | None = None,
    published_hint: date | None = None,
) -> Document:
    """A Document from a PDF's text layer; ParseError (one line) for a PDF without one."""
    try:
        pages = _pages(body)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for broken files
        raise ParseError(f"not a readable PDF ({type(exc).__name__})") from exc
    paragraphs = _paragraphs(pages)
    if not paragraphs:
        raise ParseError(
            f"PDF has no text layer ({len(pages)} page(s), probably scanned); needs OCR, skipped"
        )
    info = _info(body)
    title = _title(info, paragraphs, title_hint)
    published = _letter_date(paragraphs) or published_hint or _metadata_date(info)
    return Document(
        url=url,
        title=title,
        text=with_title(title, join_paragraphs(paragraphs)),
        published_date=published,
        source=source,
    )
