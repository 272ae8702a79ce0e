"""fetch_sources: crawl every source concurrently and hand back pages, log rows and validators.

Each kind of source only discovers article URLs; fetching an article is shared, so one
article linked from a feed (with utm_ tags) and a listing (with a #fragment) is fetched
once and returned once. A failing page or source is recorded and never stops the others.
This module never touches DuckDB: the caller persists the report in one short transaction.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NoReturn

from pipeline.fetch import govuk
from pipeline.fetch.canonical import UrlError, canonical_url, host_allowed, origin
from pipeline.fetch.config import HTML_TYPES, JSON_TYPES, PDF_TYPES, FetchConfig
from pipeline.fetch.detect import (
    ARTICLE,
    FEED,
    GOVUK_ITEM,
    GOVUK_SEARCH,
    LISTING,
    DetectError,
    detect_kind,
    listing_options,
)
from pipeline.fetch.encoding import detect_encoding
from pipeline.fetch.feeds import FeedError, parse_feed
from pipeline.fetch.floors import floor_problem
from pipeline.fetch.http import Fetcher, Response, Validators, build_client
from pipeline.fetch.listing import is_pagination_url, parse_listing
from pipeline.fetch.records import AUTO_KIND, FetchedPage, FetchReport, Source
from pipeline.parse.pdf import is_pdf

log = logging.getLogger(__name__)

NEW = "new"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
FAILED = "failed"
# A story stored from the feed's copy because its page failed: new, but the feed is read
# again next run (not remembered as clean), so the page is asked for again.
FEED_COPY = "new from the feed"
DEFAULT_MAX_PAGES = 3
DEFAULT_MIN_ITEMS = 1
ARTICLE_TYPES = HTML_TYPES + PDF_TYPES

_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


class SourceFailed(Exception):
    """The source produced nothing usable; the message is the one-line reason."""


@dataclass
class _Draft:
    url: str
    seen: list[str]
    source: str
    body: bytes
    content_type: str
    encoding: str | None
    title_hint: str | None
    published_hint: date | None

    def page(self) -> FetchedPage:
        return FetchedPage(
            url=self.url,
            seen_urls=tuple(self.seen),
            source=self.source,
            body=self.body,
            content_type=self.content_type,
            encoding=self.encoding,
            title_hint=self.title_hint,
            published_hint=self.published_hint,
        )


@dataclass
class _Tally:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, outcomes: list[str]) -> None:
        for outcome in outcomes:
            self.counts[outcome] = self.counts.get(outcome, 0) + 1

    @property
    def clean(self) -> bool:
        return not self.counts.get(FAILED) and not self.counts.get(FEED_COPY)

    def summary(self) -> str:
        counts = {**self.counts, NEW: self.counts.get(NEW, 0) + self.counts.get(FEED_COPY, 0)}
        parts = [f"{counts.get(k, 0)} {k}" for k in (NEW, UNCHANGED, SKIPPED, FAILED)]
        return ", ".join(parts)


def wanted(source: Source, title: str | None, summary: str | None = None) -> bool:
    """Whether an item passes the source's `title_pattern` (a national feed's few items
    about policing); items without a pattern, or without any text to test, all pass."""
    pattern = source.options.get("title_pattern")
    text = " ".join(t for t in (title, summary) if t)
    if not pattern or not text:
        return True
    return re.search(pattern, text, re.IGNORECASE) is not None


def numbered_page(source: Source, number: int) -> str | None:
    """Listing page `number` from the source's `page_url` template, when it has one: for
    sites whose pages have no next link we can find, but a known address (/news/page/2/)."""
    template = source.options.get("page_url")
    return canonical_url(template.replace("{page}", str(number))) if template else None


def has_text(body: bytes, encoding: str) -> bool:
    """True when an HTML body shows some words once scripts, styles and tags are gone."""
    text = _TAG.sub(" ", _SCRIPT.sub(" ", body.decode(encoding, errors="replace")))
    return any(ch.isalnum() for ch in text)


class _Run:
    """State shared by all sources of one fetch_sources call."""

    def __init__(
        self,
        fetcher: Fetcher,
        report: FetchReport,
        progress: Callable[[str], None] | None,
        history: dict[str, list[int]] | None = None,
        on_page: Callable[[FetchedPage], None] | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.report = report
        self.progress = progress
        self.history = history or {}
        # Listing pages read this run: a link back to one is never stored as an article.
        self.listing_pages: set[str] = set()
        self.on_page = on_page
        self.known = set(fetcher.validators)
        self.claims: dict[str, asyncio.Future[str]] = {}
        self.drafts: dict[str, _Draft] = {}
        self.validators: Validators = {}

    # ------------------------------------------------------------ messages

    def _say(self, line: str) -> None:
        if self.progress is not None:
            self.progress(line)

    def warn(self, line: str) -> None:
        log.warning(line)
        self.report.warnings.append(line)
        self._say(f"warning: {line}")

    def error(self, line: str) -> None:
        log.error(line)
        self.report.errors.append(line)
        self._say(f"error: {line}")

    # -------------------------------------------------------------- sources

    async def source(self, source: Source) -> None:
        """Crawl one source; any failure is recorded against it and goes no further."""
        self._say(f"{source.name}: fetching {source.start_url}")
        tally = _Tally()
        try:
            await self._crawl(source, tally)
        except SourceFailed as exc:
            self.report.failed_sources.append(source.name)
            self.error(f"{source.name}: source failed: {exc}")
            return
        except Exception as exc:  # a bug or a surprise in one source must not sink the run
            log.exception("source %s crashed", source.name)
            self.report.failed_sources.append(source.name)
            self.error(f"{source.name}: source failed: {type(exc).__name__}: {exc}")
            return
        self._say(f"{source.name}: {tally.summary()}")

    async def _crawl(self, source: Source, tally: _Tally) -> None:
        if source.kind == "feed":
            await self._feed(source, tally)
        elif source.kind == "listing":
            await self._listing(source, tally)
        elif source.kind == "govuk":
            await self._govuk(source, tally)
        elif source.kind == AUTO_KIND:
            await self._auto(source, tally)
        else:
            raise SourceFailed(f"kind {source.kind!r} is not fetched over HTTP")

    async def _start(
        self, source: Source, url: str, accept: tuple[str, ...] | None
    ) -> Response | None:
        """Fetch a discovery page (feed, listing page 1, search); None when it is unchanged."""
        resp = await self.fetcher.get(url, source, accept=accept)
        if resp.not_modified:
            self._say(f"{source.name}: {url} not modified since last run")
            return None
        if not resp.ok:
            raise SourceFailed(f"{url}: {resp.error or f'HTTP {resp.status}'}")
        return resp

    def _check_count(self, source: Source, found: int, url: str) -> None:
        """Fail a source below its minimum, or with none where its last runs found some."""
        problem = floor_problem(found, self.history.get(source.name))
        minimum = source.options.get("min_items", DEFAULT_MIN_ITEMS)
        if problem is None and found < minimum:
            problem = f"{found} items found, fewer than the minimum {minimum}"
        if problem is not None:
            self._unusable(source, url, problem)

    def _unusable(self, source: Source, url: str, problem: str) -> NoReturn:
        """Fail the source on a page that came back fine but holds nothing usable.

        The page's fetch_log row gets the reason, so this run does not count as a
        successful one for the floors of later runs (a broken source keeps failing).
        """
        self.fetcher.flag(url, source, problem)
        raise SourceFailed(f"{url}: {problem}")

    async def _feed(self, source: Source, tally: _Tally, resp: Response | None = None) -> None:
        resp = resp or await self._start(source, source.start_url, None)
        if resp is None:
            return
        try:
            items, warning = parse_feed(
                resp.body,
                base_url=resp.url,
                content_type=resp.content_type,
                max_items=source.options.get("max_items"),
            )
        except FeedError as exc:
            self._unusable(source, resp.url, str(exc))
        if warning:
            self.warn(f"{source.name}: {resp.url}: {warning}")
        self._check_count(source, len(items), resp.url)
        items = [i for i in items if wanted(source, i.title, i.summary)]
        outcomes = await asyncio.gather(
            *(
                self.article(source, item.link, resp.url, item.title, item.published,
                             story=item.story)
                for item in items
            )
        )
        tally.add(outcomes)
        self.remember(resp, clean=tally.clean)

    async def _listing(self, source: Source, tally: _Tally, resp: Response | None = None) -> None:
        max_pages = source.options.get("max_pages", DEFAULT_MAX_PAGES)
        max_items = source.options.get("max_items")
        pages: list[Response] = []
        seen_items: set[str] = set()
        page_url: str | None = source.start_url
        while page_url and len(pages) < max_pages:
            if resp is None:
                if pages:
                    resp = await self.fetcher.get(page_url, source, accept=HTML_TYPES)
                    if resp.not_modified:
                        break  # an unchanged later page holds items we already have
                    if resp.status == 404 and page_url == numbered_page(source, len(pages) + 1):
                        break  # a numbered page past the last one: the listing has ended
                    if not resp.ok:
                        tally.add([self._not_a_page(source, resp)])
                        break
                else:
                    resp = await self._start(source, page_url, HTML_TYPES)
                    if resp is None:
                        return
            pages.append(resp)
            self.listing_pages.update(resp.chain)
            listing = parse_listing(
                resp.body, page_url=resp.url, content_type=resp.content_type, options=source.options
            )
            if len(pages) == 1:
                self._check_count(source, len(listing.items), resp.url)
            fresh = [
                i for i in listing.items if i.url not in seen_items and wanted(source, i.title)
            ]
            if max_items is not None:
                fresh = fresh[: max(0, max_items - len(seen_items))]
            seen_items.update(i.url for i in fresh)
            outcomes = await asyncio.gather(
                *(self.article(source, i.url, resp.url, i.title, i.published) for i in fresh)
            )
            tally.add(outcomes)
            # Newest-first listings shift while we crawl: stop at a page with nothing new.
            if not [i for i in fresh if i.url not in self.known]:
                break
            if max_items is not None and len(seen_items) >= max_items:
                break
            next_url = listing.next_url or numbered_page(source, len(pages) + 1)
            page_url = next_url if next_url not in {p.url for p in pages} else None
            resp = None
        for page in pages:
            self.remember(page, clean=tally.clean)

    async def _govuk(self, source: Source, tally: _Tally, resp: Response | None = None) -> None:
        url = govuk.search_url(source.start_url, source.options)
        resp = resp or await self._start(source, url, JSON_TYPES)
        if resp is None:
            return
        try:
            results = govuk.parse_search(resp.body, source.options.get("max_items"))
        except govuk.GovukError as exc:
            self._unusable(source, resp.url, str(exc))
        self._check_count(source, len(results), resp.url)
        site = origin(resp.url)
        outcomes = await asyncio.gather(
            *(self.govuk_item(source, site, r.link, r.title, r.published) for r in results)
        )
        tally.add([outcome for item in outcomes for outcome in item])
        self.remember(resp, clean=tally.clean)

    async def _auto(self, source: Source, tally: _Tally) -> None:
        """An ad-hoc URL: fetch it once, decide what it is, and read it as that."""
        resp = await self._start(source, source.start_url, None)
        if resp is None:
            return
        try:
            kind = detect_kind(resp.content_type, resp.body, resp.url)
        except DetectError as exc:
            raise SourceFailed(f"{resp.url}: cannot tell what this is: {exc}") from exc
        self._say(f"{source.name}: {resp.url} looks like a {kind.replace('_', ' ')}")
        if kind == FEED:
            await self._feed(source, tally, resp)
        elif kind == LISTING:
            options = listing_options(resp.body, resp.content_type, resp.url, source.options)
            await self._listing(replace(source, options=options), tally, resp)
        elif kind == GOVUK_SEARCH:
            await self._govuk(source, tally, resp)
        elif kind == GOVUK_ITEM:
            link = govuk.link_of_content_url(resp.url)
            found: list[govuk.ContentPage] = []
            tally.add([self._govuk_from(source, resp, link, None, None, found)])
            public = canonical_url(govuk.public_url(origin(resp.url), link))
            tally.add(await self._attachments(source, public, found))
        elif kind == ARTICLE:
            tally.add([self._article_from(source, resp, None, None)])

    # ------------------------------------------------------------- articles

    async def _claim(self, key: str, fetch: Callable[[], Awaitable[str]]) -> str:
        """Fetch each canonical URL once per run; later claimants share the first outcome."""
        future = self.claims.get(key)
        if future is None:
            future = asyncio.ensure_future(fetch())
            self.claims[key] = future
        return await future

    async def article(
        self,
        source: Source,
        link: str,
        base: str,
        title: str | None,
        published: date | None,
        story: str | None = None,
    ) -> str:
        """Fetch the article at `link` (relative to `base`) unless this run already has;
        `story` is the feed's copy of it, kept when the page cannot be had."""
        try:
            url = canonical_url(link, base=base)
        except UrlError as exc:
            self.warn(f"{source.name}: link skipped: {exc}")
            return SKIPPED
        if url in self.listing_pages or is_pagination_url(url):
            log.info("%s: %s is a listing page, not an article", source.name, url)
            return SKIPPED
        if not host_allowed(url, source.allowed_hosts):
            # Refuse before claiming: another source may be allowed to fetch this URL.
            return self._not_a_page(source, await self.fetcher.get(url, source))
        return await self._claim(
            url, lambda: self._fetch_article(source, url, title, published, story))

    async def _fetch_article(
        self, source: Source, url: str, title: str | None, published: date | None,
        story: str | None = None,
    ) -> str:
        resp = await self.fetcher.get(url, source, accept=ARTICLE_TYPES)
        if resp.not_modified:
            return UNCHANGED
        if not resp.ok and story and not resp.skipped:
            return self._feed_copy(source, resp, url, story, title, published)
        if not resp.ok:
            return self._not_a_page(source, resp)
        return self._article_from(source, resp, title, published)

    def _feed_copy(
        self, source: Source, resp: Response, url: str, story: str, title: str | None,
        published: date | None,
    ) -> str:
        """Keep the feed's copy of a story whose page cannot be fetched (a newsroom that
        answers 403 to some addresses, a page gone): the publisher's own words, under the
        page's address, said in a warning so the page is looked for again next run."""
        self.warn(f"{source.name}: {url}: {resp.error or f'HTTP {resp.status}'}; "
                  "the feed's copy of the story stored instead")
        page = f"<html><body><article>{story}</article></body></html>"
        self._add_page(_Draft(url, [url], source.name, page.encode("utf-8"),
                              "text/html; charset=utf-8", "utf-8", title, published))
        return FEED_COPY

    def _article_from(
        self, source: Source, resp: Response, title: str | None, published: date | None
    ) -> str:
        if resp.url in self.listing_pages:
            return SKIPPED  # redirected onto a listing page read this run
        if is_pdf(resp.body, resp.content_type):
            # The parser reads the text layer (and says so when there is none).
            self._add_page(
                _Draft(resp.url, list(resp.chain), source.name, resp.body,
                       resp.content_type or "application/pdf", None, title, published)
            )
            self.remember(resp, clean=True)
            return NEW
        if resp.media_type not in HTML_TYPES and resp.body.lstrip()[:1] != b"<":
            self.error(f"{source.name}: {resp.url}: not an HTML page")
            return FAILED
        encoding = detect_encoding(resp.body, resp.content_type)
        if not has_text(resp.body, encoding):
            self.error(f"{source.name}: {resp.url}: page has no text; not kept")
            return FAILED
        self._add_page(
            _Draft(
                url=resp.url,
                seen=list(resp.chain),
                source=source.name,
                body=resp.body,
                content_type=resp.content_type or "text/html",
                encoding=encoding,
                title_hint=title,
                published_hint=published,
            )
        )
        self.remember(resp, clean=True)
        return NEW

    async def govuk_item(
        self,
        source: Source,
        site: str,
        link: str,
        title: str | None,
        published: date | None,
    ) -> list[str]:
        """Fetch one GOV.UK content item, keyed (and de-duplicated) by its public URL, then
        its PDF attachments (letters, reports) as documents of their own."""
        key = canonical_url(govuk.public_url(site, link))
        found: list[govuk.ContentPage] = []

        async def fetch() -> str:
            resp = await self.fetcher.get(govuk.content_url(site, link), source, accept=JSON_TYPES)
            if resp.not_modified:
                return UNCHANGED
            if not resp.ok:
                return self._not_a_page(source, resp)
            return self._govuk_from(source, resp, link, title, published, found)

        outcomes = [await self._claim(key, fetch)]
        return outcomes + await self._attachments(source, key, found)

    async def _attachments(
        self, source: Source, public: str, items: list[govuk.ContentPage]
    ) -> list[str]:
        jobs = [
            self.article(source, a.url, public, a.title or item.title, item.published)
            for item in items
            for a in item.attachments
        ]
        return list(await asyncio.gather(*jobs))

    def _govuk_from(
        self,
        source: Source,
        resp: Response,
        link: str,
        title: str | None,
        published: date | None,
        found: list[govuk.ContentPage] | None = None,
    ) -> str:
        try:
            item = govuk.content_page(resp.body)
        except govuk.GovukError as exc:
            self.error(f"{source.name}: {resp.url}: {exc}")
            return FAILED
        if found is not None:
            found.append(item)
        if item.body is not None:
            public = canonical_url(govuk.public_url(origin(resp.url), link))
            self._add_page(
                _Draft(
                    url=public,
                    seen=[public],
                    source=source.name,
                    body=item.body,
                    content_type="text/html; charset=utf-8",
                    encoding="utf-8",
                    title_hint=item.title or title,
                    published_hint=item.published or published,
                )
            )
        self.remember(resp, clean=True)
        return NEW

    def _not_a_page(self, source: Source, resp: Response) -> str:
        if resp.skipped:
            self.warn(f"{source.name}: {resp.url}: skipped: {resp.error}")
            return SKIPPED
        self.error(f"{source.name}: {resp.url}: {resp.error or f'HTTP {resp.status}'}")
        return FAILED

    def _add_page(self, draft: _Draft) -> None:
        """Merge pages that redirects brought to the same final URL."""
        existing = self.drafts.get(draft.url)
        if existing is None:
            self.drafts[draft.url] = draft
            if self.on_page is not None:
                # Handed over now, so the caller can store it while the crawl goes on; the
                # report keeps only its URLs (memory stays flat on long crawls).
                self.on_page(draft.page())
                draft.body = b""
            return
        existing.seen.extend(u for u in draft.seen if u not in existing.seen)
        existing.title_hint = existing.title_hint or draft.title_hint
        existing.published_hint = existing.published_hint or draft.published_hint

    def remember(self, resp: Response, *, clean: bool) -> None:
        """Record validators for a good response; (None, None) makes the next run look again.

        A feed or listing whose items failed is stored unconditional on purpose: a 304 next
        time would hide the items that still need fetching.
        """
        for hop in resp.chain[:-1]:
            self.validators.setdefault(hop, (None, None))
        if clean:
            self.validators[resp.url] = (resp.etag, resp.last_modified)
        else:
            self.validators[resp.url] = (None, None)

    def pages(self) -> list[FetchedPage]:
        return [draft.page() for draft in self.drafts.values()]


async def _fetch_all(
    sources: list[Source],
    run_id: str,
    validators: Validators,
    config: FetchConfig,
    progress: Callable[[str], None] | None,
    history: dict[str, list[int]] | None,
    on_page: Callable[[FetchedPage], None] | None = None,
    report: FetchReport | None = None,
) -> FetchReport:
    report = report if report is not None else FetchReport()
    async with build_client(config) as client:
        fetcher = Fetcher(client, config, run_id=run_id, validators=dict(validators))
        report.log_rows = fetcher.log_rows  # the same list: rows can be saved as they come
        run = _Run(fetcher, report, progress, history, on_page)
        await asyncio.gather(*(run.source(s) for s in sources if s.kind != "local"))
    report.pages = run.pages()
    report.log_rows = fetcher.log_rows
    report.validators = run.validators
    for line in fetcher.warnings:
        run.warn(line)
    return report


def fetch_sources(
    sources: list[Source],
    *,
    run_id: str,
    validators: dict[str, tuple[str | None, str | None]],
    config: FetchConfig,
    progress: Callable[[str], None] | None = None,
    history: dict[str, list[int]] | None = None,
    on_page: Callable[[FetchedPage], None] | None = None,
    report: FetchReport | None = None,
) -> FetchReport:
    """Fetch every non-local source; never raises for network, HTTP or content trouble.

    `validators` are the (etag, last_modified) pairs saved by earlier runs, keyed by URL;
    `history` the item counts of each source's last successful runs, newest first (the
    floors). Sources of kind 'local' are skipped: ingest reads those itself. With `on_page`,
    each page is handed over as soon as it is fetched (and the returned report's pages keep
    their URLs but not their bodies); with `report`, that object is filled in as the fetch
    goes, its log_rows growing request by request.
    """

    def run() -> FetchReport:
        return asyncio.run(_fetch_all(sources, run_id, validators, config, progress, history,
                                      on_page, report))

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return run()
    # Called from inside an event loop (a notebook): run ours on a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()
