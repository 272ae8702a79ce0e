"""Charset detection: trust a declaration only when the bytes agree with it."""

from __future__ import annotations

import codecs

from pipeline.fetch.encoding import detect_encoding

TEXT = "Cost \u00a31.2m \u2013 the force\u2019s \u201creview\u201d"


def page(charset: str, encoding: str) -> bytes:
    html = f'<html><head><meta charset="{charset}"></head><body><p>{TEXT}</p></body></html>'
    return html.encode(encoding)


def test_declared_utf8_that_is_really_cp1252():
    body = page("windows-1252", "cp1252")
    enc = detect_encoding(body, "text/html; charset=utf-8")
    assert enc == "cp1252" and TEXT in body.decode(enc)


def test_declared_utf8_cp1252_bytes_without_meta_fall_back_to_cp1252():
    body = f"<p>{TEXT}</p>".encode("cp1252")
    assert detect_encoding(body, "text/html; charset=utf-8") == "cp1252"


def test_declared_latin1_that_is_really_utf8():
    body = page("utf-8", "utf-8")
    assert detect_encoding(body, "text/html; charset=ISO-8859-1") == "utf-8"


def test_honest_declarations_are_kept():
    assert detect_encoding(page("utf-8", "utf-8"), "text/html; charset=utf-8") == "utf-8"
    assert detect_encoding(page("windows-1252", "cp1252"), "text/html") == "cp1252"
    assert detect_encoding(b"<p>plain</p>", "text/html") == "utf-8"


def test_bom_wins():
    body = codecs.BOM_UTF8 + page("windows-1252", "utf-8")
    assert detect_encoding(body, "text/html; charset=iso-8859-1") == "utf-8"


def test_unknown_label_is_ignored():
    assert detect_encoding(page("x-made-up", "utf-8"), "text/html; charset=bogus") == "utf-8"
