"""Work out which charset an HTML body is really in.

Servers lie: a page declared utf-8 in its Content-Type may be Windows-1252 bytes from an
old CMS. Decoding it as declared would turn every "£" and curly quote into U+FFFD and the
extractor would quote garbage. We trust a declaration only when the bytes agree with it.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Browsers (WHATWG) read these labels as Windows-1252, and so do we.
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_SCAN_BYTES = 4096


def _normalise(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset named in a Content-Type header, if it names a codec Python knows."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _normalise(match.group(1)) if match else None


def charset_from_meta(body: bytes) -> str | None:
    """The charset of the first <meta charset> or http-equiv tag near the top of the page."""
    match = _META_CHARSET.search(body[:META_SCAN_BYTES])
    return _normalise(match.group(1).decode("ascii", "ignore")) if match else None


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _is_multibyte_utf8(body: bytes) -> bool:
    return not body.isascii() and _decodes(body, "utf-8")


def detect_encoding(body: bytes, content_type: str | None) -> str:
    """Return the codec name the body decodes with: BOM, then declarations the bytes agree with.

    A single-byte declaration (latin-1, cp1252) accepts any bytes, so it loses to a body that
    is valid multi-byte UTF-8: that cannot happen by chance in real text.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    meta = charset_from_meta(body)
    if meta and meta.startswith(("utf-16", "utf-32")):
        meta = "utf-8"  # a <meta> readable as ASCII cannot be in UTF-16 (WHATWG rule)
    declared = [charset_from_content_type(content_type), meta]
    for candidate in (c for c in declared if c):
        if candidate == "cp1252" and _is_multibyte_utf8(body):
            return "utf-8"
        if _decodes(body, candidate):
            return candidate
    if _decodes(body, "utf-8"):
        return "utf-8"
    if _decodes(body, "cp1252"):
        return "cp1252"
    return "latin-1"
