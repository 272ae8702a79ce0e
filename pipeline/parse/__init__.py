"""Turn raw files and pages into Documents: title, publication date and clean body text."""

from pipeline.parse.errors import ParseError
from pipeline.parse.fetched import parse_fetched
from pipeline.parse.files import SUPPORTED_SUFFIXES, iter_source_files, parse_file
from pipeline.parse.html import parse_html
from pipeline.parse.pdf import parse_pdf
from pipeline.parse.text import parse_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ParseError",
    "iter_source_files",
    "parse_fetched",
    "parse_file",
    "parse_html",
    "parse_pdf",
    "parse_text",
]
