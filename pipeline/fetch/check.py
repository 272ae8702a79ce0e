"""`sources check`: is each source still there, still readable, and still giving items?

A source file is written from documentation; only the live sites say whether it is right.
This reads the first page of every source (the feed, the first listing page, the first
search page) and nothing more, through the same polite client as a run (robots.txt, the
per-host delay, the User-Agent), and gives each source one verdict. A 403 is reported as
blocked and never asked again: some newsrooms refuse data-centre addresses outright, and
retrying would only hammer them.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from pipeline.fetch import govuk
from pipeline.fetch.config import HTML_TYPES, JSON_TYPES, FetchConfig
from pipeline.fetch.detect import (
    FEED,
    GOVUK_SEARCH,
    LISTING,
    DetectError,
    detect_kind,
    listing_options,
)
from pipeline.fetch.feeds import FeedError, parse_feed
from pipeline.fetch.http import DISALLOWED_BY_ROBOTS, Fetcher, Response, build_client
from pipeline.fetch.listing import parse_listing
from pipeline.fetch.records import AUTO_KIND, Source

OK = "ok"
NO_ITEMS = "0 items"
BLOCKED = "blocked (403)"
ROBOTS = "robots"
UNREACHABLE = "unreachable"
# A check asks each first page at most this many extra times (connection errors, 5xx);
# a 403 or a 404 is never asked again.
CHECK_RETRIES = 1
_ACCEPT = {"listing": HTML_TYPES, "govuk": JSON_TYPES}


@dataclass(frozen=True)
class Item:
    title: str | None
    published: date | None


@dataclass(frozen=True)
class CheckResult:
    """One source's verdict, with what its first page held."""

    source: str
    kind: str
    url: str
    status: int | None
    items: int
    newest_title: str | None
    newest_date: date | None
    verdict: str
    note: str | None = None

    @property
    def ok(self) -> bool:
        return self.verdict == OK


def first_page_url(source: Source) -> str:
    """The page a run reads first: the feed, listing page 1, or the search API call."""
    if source.kind == "govuk":
        return govuk.search_url(source.start_url, source.options)
    return source.start_url


def _items(source: Source, resp: Response) -> list[Item]:
    """The items on a first page, read as the source's kind (or as what it turns out to be)."""
    kind, options = source.kind, source.options
    if kind == AUTO_KIND:
        kind = {FEED: "feed", LISTING: "listing", GOVUK_SEARCH: "govuk"}.get(
            detect_kind(resp.content_type, resp.body, resp.url), "article"
        )
        if kind == "listing":
            options = listing_options(resp.body, resp.content_type, resp.url, options)
    if kind == "feed":
        found, _warning = parse_feed(resp.body, base_url=resp.url, content_type=resp.content_type)
        return [Item(i.title, i.published) for i in found]
    if kind == "listing":
        listing = parse_listing(
            resp.body, page_url=resp.url, content_type=resp.content_type, options=options
        )
        return [Item(i.title, i.published) for i in listing.items]
    if kind == "govuk":
        return [Item(r.title, r.published) for r in govuk.parse_search(resp.body)]
    return []


def _newest(items: list[Item]) -> Item | None:
    dated = [i for i in items if i.published is not None]
    if dated:
        return max(dated, key=lambda i: i.published or date.min)
    return items[0] if items else None


def _verdict(source: Source, url: str, resp: Response) -> CheckResult:
    def result(verdict: str, items: list[Item] | None = None, note: str | None = None):
        newest = _newest(items or [])
        return CheckResult(
            source.name, source.kind, url, resp.status, len(items or []),
            newest.title if newest else None, newest.published if newest else None,
            verdict, note,
        )

    if resp.skipped and resp.error == DISALLOWED_BY_ROBOTS:
        return result(ROBOTS, note="robots.txt disallows it")
    if resp.skipped and resp.error and resp.error.startswith(UNREACHABLE + ": "):
        # robots.txt itself could not be read (5xx, no connection): the site is the problem.
        return result(UNREACHABLE, note=resp.error.removeprefix(UNREACHABLE + ": "))
    if resp.status == 403:
        return result(BLOCKED, note="403 Forbidden, not asked again")
    if not resp.ok:
        return result(UNREACHABLE, note=resp.error or f"HTTP {resp.status}")
    try:
        items = _items(source, resp)
    except (FeedError, govuk.GovukError, DetectError) as exc:
        return result(NO_ITEMS, note=str(exc))
    return result(OK if items else NO_ITEMS, items, None if items else "no items on the page")


def _local(source: Source) -> CheckResult:
    from pipeline.parse import iter_source_files

    path = Path(source.start_url or source.options.get("path", ""))
    if not path.exists():
        return CheckResult(source.name, "local", str(path), None, 0, None, None, UNREACHABLE,
                           f"{path} does not exist")
    count = sum(1 for _ in iter_source_files(path))
    return CheckResult(source.name, "local", str(path), None, count, None, None,
                       OK if count else NO_ITEMS)


async def _check_all(sources: list[Source], config: FetchConfig) -> list[CheckResult]:
    config = replace(config, retries=min(config.retries, CHECK_RETRIES))
    async with build_client(config) as client:
        fetcher = Fetcher(client, config, run_id="check", validators={})

        async def one(source: Source) -> CheckResult:
            if source.kind == "local":
                return _local(source)
            url = first_page_url(source)
            resp = await fetcher.get(url, source, accept=_ACCEPT.get(source.kind),
                                     conditional=False)
            return _verdict(source, url, resp)

        return list(await asyncio.gather(*(one(s) for s in sources)))


def check_sources(sources: list[Source], config: FetchConfig) -> list[CheckResult]:
    """Read every source's first page once and give each a verdict, in file order."""
    return asyncio.run(_check_all(sources, config))
