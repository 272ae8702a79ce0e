"""Tiny PDFs written by hand for the tests: real files, a few hundred bytes, no binaries
in the repository.

Text is set in the standard Helvetica font (every PDF reader knows its metrics), one
`Tj` per line, so the layout is exactly what the test says: paragraphs are runs of lines
14 points apart, separated by a wider gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from pdfminer.fontmetrics import FONT_METRICS

LINE_STEP = 14
PARAGRAPH_GAP = 26
TOP = 790
LEFT = 72


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(paragraphs: list[list[str]]) -> bytes:
    """One page's content stream: each paragraph a list of already-wrapped lines."""
    out = [b"BT /F1 11 Tf"]
    y = TOP
    for lines in paragraphs:
        for line in lines:
            out.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (LEFT, y, _escape(line)))
            y -= LINE_STEP
        y -= PARAGRAPH_GAP - LINE_STEP
    out.append(b"ET")
    return b"\n".join(out)


def _image_content() -> bytes:
    return b"q 450 0 0 650 72 100 cm /Im1 Do Q"


def build_pdf(
    pages: list[list[list[str]]],
    *,
    title: str | None = None,
    created: str | None = None,
    scanned: bool = False,
) -> bytes:
    """A PDF whose pages hold the given paragraphs (lists of lines); `scanned` makes pages
    that are only an image, with no text layer. `created` is a PDF date ("D:20240918")."""
    streams = [_image_content() if scanned else _content(paragraphs) for paragraphs in pages]
    return _write(streams, title=title, created=created)


def _write(streams: list[bytes], *, title: str | None, created: str | None) -> bytes:
    """The file around the pages' content streams: fonts F1 (Helvetica) and F2
    (Helvetica-Bold), a one-pixel image Im1, the Info dictionary."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    kids = []
    for stream in streams:
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            b"<< /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>"
            % (pages_id, font, bold, image, content)
        ))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info_parts = []
    if title:
        info_parts.append(b"/Title (%s)" % _escape(title))
    if created:
        info_parts.append(b"/CreationDate (%s)" % created.encode())
    info = add(b"<< " + b" ".join(info_parts) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)


def wrap(text: str, width: int = 80) -> list[str]:
    """Break a paragraph into lines of at most `width` characters, at spaces."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


# Pages laid out as letters and reports are: text placed where the test says, in
# Helvetica or Helvetica-Bold, with the metrics every reader uses, so that a test can set
# a line flush right, justify it, or fill it to the margin.
MARGIN_LEFT = 72
MARGIN_RIGHT = 523


@dataclass(frozen=True)
class Text:
    """One run of text with its baseline's left end at (x, y); `word_space` widens every
    space (PDF's Tw), as justified lines do."""

    x: float
    y: float
    text: str
    size: float = 10
    bold: bool = False
    word_space: float = 0.0


def text_width(text: str, size: float = 10, bold: bool = False) -> float:
    widths = FONT_METRICS["Helvetica-Bold" if bold else "Helvetica"][1]
    return sum(widths.get(ch, 556) for ch in text) * size / 1000


def flush_right(text: str, y: float, *, size: float = 10, bold: bool = False) -> Text:
    return Text(MARGIN_RIGHT - text_width(text, size, bold), y, text, size, bold)


def justified(text: str, x: float, y: float, *, size: float = 10) -> Text:
    """A line stretched to the right margin by widening its spaces."""
    spare = MARGIN_RIGHT - x - text_width(text, size)
    return Text(x, y, text, size, word_space=spare / max(text.count(" "), 1))


def fill(words: list[str], x: float = MARGIN_LEFT, *,
         size: float = 10) -> tuple[list[str], list[str]]:
    """The words that fit on one line from x to the right margin, and the rest."""
    line: list[str] = []
    for index, word in enumerate(words):
        if text_width(" ".join([*line, word]), size) > MARGIN_RIGHT - x:
            return line, words[index:]
        line.append(word)
    return line, []


def _layout_content(texts: list[Text]) -> bytes:
    out = [b"BT"]
    for t in texts:
        out.append(b"/%s %.1f Tf %.3f Tw 1 0 0 1 %.2f %.2f Tm (%s) Tj" % (
            b"F2" if t.bold else b"F1", t.size, t.word_space, t.x, t.y, _escape(t.text)))
    out.append(b"ET")
    return b"\n".join(out)


def build_layout_pdf(pages: list[list[Text]], *, title: str | None = None) -> bytes:
    """A PDF whose pages hold the given runs of text, each where it says."""
    return _write([_layout_content(texts) for texts in pages], title=title, created=None)
