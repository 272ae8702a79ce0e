"""Read and check a sources file (rules/sources.yaml), or make a source from one URL.

What to crawl lives in YAML so a reviewer who knows policing but not Python can add a
force newsroom or fix a selector. Every key is checked here: a typo fails the load with
one line naming the file, the source and the key, instead of silently crawling wrong.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import soupsieve
import yaml

from pipeline.fetch.canonical import UrlError, canonical_url
from pipeline.fetch.config import FetchConfig, config_from_settings
from pipeline.fetch.records import AUTO_KIND, SOURCE_KINDS, Source
from pipeline.limits import AD_HOC_MAX_ITEMS

_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_ENTRY_KEYS = {"name", "kind", "start_url", "allowed_hosts", "enabled"}
_COMMON_OPTIONS = {"description", "max_items", "min_items", "confidence"}
# How sure the file is of a source's URL and shape: taken from public documentation or
# other projects' scrapers, or a best guess still to be confirmed with `sources check`.
CONFIDENCE_LEVELS = ("documented", "best-guess")
_KIND_OPTIONS = {
    "feed": _COMMON_OPTIONS | {"title_pattern"},
    "listing": _COMMON_OPTIONS
    | {
        "title_pattern",
        "page_url",
        "item_selector",
        "next_selector",
        "title_selector",
        "date_selector",
        "date_format",
        "item_pattern",
        "max_pages",
    },
    "govuk": _COMMON_OPTIONS | {"organisations", "document_types", "count", "query"},
}
_SELECTOR_OPTIONS = ("item_selector", "next_selector", "title_selector", "date_selector")
_POSITIVE_INT_OPTIONS = ("max_items", "max_pages", "count")


class SourcesError(ValueError):
    """A sources file we will not use; str() is one line naming the file and the problem."""


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise SourcesError(f"{path}: not valid YAML{line}") from exc
    if not isinstance(data, dict):
        raise SourcesError(f"{path}: expected a mapping with a 'sources:' list")
    # "x-..." keys hold values shared through YAML anchors (&name / *name); nothing reads them.
    unknown = {k for k in data if k not in ("settings", "sources") and not str(k).startswith("x-")}
    if unknown:
        raise SourcesError(f"{path}: unknown top-level key {sorted(unknown)[0]!r}")
    return data


def load_fetch_config(path: Path, base: FetchConfig | None = None) -> FetchConfig:
    """The FetchConfig for a sources file: defaults overlaid with its `settings:` block."""
    settings = _read(path).get("settings") or {}
    if not isinstance(settings, dict):
        raise SourcesError(f"{path}: 'settings' must be a mapping")
    try:
        return config_from_settings(settings, base)
    except ValueError as exc:
        raise SourcesError(f"{path}: settings: {exc}") from exc


def load_sources(path: Path) -> list[Source]:
    """The enabled sources of a sources file, in file order; SourcesError on any bad entry."""
    data = _read(path)
    load_fetch_config(path)  # a bad settings block fails the load too, not the run
    entries = data.get("sources")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{path}: 'sources' must be a non-empty list")
    sources: list[Source] = []
    names: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        label = f"{path}: source #{index}"
        if not isinstance(entry, dict):
            raise SourcesError(f"{label}: must be a mapping")
        if isinstance(entry.get("name"), str):
            label = f"{path}: source {entry['name']!r}"
        try:
            source, enabled = _source(entry)
        except ValueError as exc:
            raise SourcesError(f"{label}: {exc}") from exc
        if source.name in names:
            raise SourcesError(f"{label}: duplicate name")
        names.add(source.name)
        if enabled:
            sources.append(source)
    return sources


def _source(entry: dict) -> tuple[Source, bool]:
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError("'name' must be lower-case letters, digits, '-', '_' or '.'")
    kind = entry.get("kind")
    if kind not in SOURCE_KINDS:
        raise ValueError(f"'kind' must be one of {', '.join(SOURCE_KINDS)}")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ValueError("'enabled' must be true or false")
    options = {k: v for k, v in entry.items() if k not in _ENTRY_KEYS}
    if kind == "local":
        # Local sources are read by ingest itself; their keys are its business.
        start = entry.get("start_url", "")
        return Source(name, kind, str(start), (), options), enabled
    start_url = _start_url(entry.get("start_url"))
    allowed = entry.get("allowed_hosts")
    if allowed is None:
        allowed_hosts = (urlsplit(start_url).netloc,)
    elif isinstance(allowed, list) and allowed and all(isinstance(h, str) for h in allowed):
        allowed_hosts = tuple(h.strip().lower() for h in allowed)
    else:
        raise ValueError("'allowed_hosts' must be a non-empty list of host names")
    _check_options(kind, options)
    if kind == "govuk" and not (
        options.get("organisations")
        or options.get("document_types")
        or urlsplit(start_url).path.endswith("/search.json")
    ):
        raise ValueError("a govuk source needs organisations or document_types")
    return Source(name, kind, start_url, allowed_hosts, options), enabled


def _start_url(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("'start_url' is required")
    try:
        return canonical_url(value)
    except UrlError as exc:
        raise ValueError(f"'start_url': {exc}") from exc


def _check_options(kind: str, options: dict) -> None:
    allowed = _KIND_OPTIONS[kind]
    for key in options:
        if key not in allowed:
            raise ValueError(
                f"unknown key {key!r} for kind {kind} (known: {', '.join(sorted(allowed))})"
            )
    for key in _POSITIVE_INT_OPTIONS:
        value = options.get(key)
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or value < 1
        ):
            raise ValueError(f"{key!r} must be a whole number of at least 1")
    min_items = options.get("min_items")
    if min_items is not None and (not isinstance(min_items, int) or min_items < 0):
        raise ValueError("'min_items' must be a whole number of at least 0")
    for key in _SELECTOR_OPTIONS:
        if key in options:
            if not isinstance(options[key], str):
                raise ValueError(f"{key!r} must be a CSS selector string")
            try:
                soupsieve.compile(options[key])
            except Exception as exc:  # soupsieve raises its own SelectorSyntaxError
                raise ValueError(
                    f"{key!r} is not a valid CSS selector ({exc})".splitlines()[0]
                ) from exc
    for key in ("item_pattern", "title_pattern"):
        if key in options:
            try:
                re.compile(str(options[key]))
            except re.error as exc:
                raise ValueError(f"{key!r} is not a valid regular expression ({exc})") from exc
    if "confidence" in options and options["confidence"] not in CONFIDENCE_LEVELS:
        raise ValueError(f"'confidence' must be one of {', '.join(CONFIDENCE_LEVELS)}")
    if "page_url" in options:
        _check_page_url(options["page_url"])
    if "date_format" in options and "%" not in str(options["date_format"]):
        raise ValueError("'date_format' must be a strptime format such as '%d %B %Y'")
    for key in ("organisations", "document_types"):
        value = options.get(key)
        if value is not None and (
            not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value)
        ):
            raise ValueError(f"{key!r} must be a non-empty list of slugs")


def _check_page_url(value: object) -> None:
    if not isinstance(value, str) or "{page}" not in value:
        raise ValueError("'page_url' must be a URL with {page} where the page number goes")
    try:
        canonical_url(value.replace("{page}", "2"))
    except UrlError as exc:
        raise ValueError(f"'page_url': {exc}") from exc


def source_for_url(url: str) -> Source:
    """An ad-hoc source for `ingest --source URL`: kind detected when fetched, one host only."""
    try:
        start_url = canonical_url(url)
    except UrlError as exc:
        raise SourcesError(f"--source {url}: {exc}") from exc
    host = urlsplit(start_url).netloc
    # Unbounded, a 10,000-item feed at the polite delay takes hours; a sources file entry
    # with its own max_items reads more.
    return Source(name=host, kind=AUTO_KIND, start_url=start_url, allowed_hosts=(host,),
                  options={"max_items": AD_HOC_MAX_ITEMS})
