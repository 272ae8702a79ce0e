"""A fetched page to a Document: PDFs (letters, reports) and HTML pages alike."""

from __future__ import annotations

from datetime import date

from pipeline.models import Document
from pipeline.parse.html import parse_html
from pipeline.parse.pdf import is_pdf, parse_pdf


def parse_fetched(
    body: bytes,
    *,
    url: str,
    source: str,
    content_type: str = "",
    encoding: str | None = None,
    title_hint: str | None = None,
    published_hint: date | None = None,
) -> Document:
    """Read a page from the web by what it is: its bytes or its declared type say PDF."""
    if is_pdf(body, content_type):
        return parse_pdf(
            body, url=url, source=source, title_hint=title_hint, published_hint=published_hint
        )
    return parse_html(
        body,
        url=url,
        source=source,
        encoding=encoding,
        title_hint=title_hint,
        published_hint=published_hint,
    )
