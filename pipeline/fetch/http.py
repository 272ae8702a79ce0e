"""The one HTTP client: every request of a run goes through `Fetcher.get`.

Keeping the rules in one place means no crawler can forget one: only http(s), only the
source's hosts, robots.txt obeyed, per-host delay, conditional GET, retries with backoff
that honour Retry-After, a streamed size cap, and one fetch_log row per attempt.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from pipeline.fetch.canonical import UrlError, canonical_url, host_allowed, host_key, origin
from pipeline.fetch.config import FetchConfig
from pipeline.fetch.records import Source
from pipeline.fetch.robots import UNREACHABLE, RobotsPolicy, policy_from_response
from pipeline.fetch.throttle import HostGate

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DISALLOWED_BY_ROBOTS = "disallowed by robots.txt"

Validators = dict[str, tuple[str | None, str | None]]


@dataclass
class Response:
    """The outcome of one logical GET (after redirects and retries)."""

    requested: str  # canonical URL we were asked for
    url: str  # canonical URL of the last hop
    chain: tuple[str, ...]  # every canonical URL visited, redirects included
    status: int | None = None
    body: bytes = b""
    content_type: str = ""  # the full header value
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    # True when the failure is a decision about the URL (robots, host, type), not a fault.
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)


@dataclass
class _Attempt:
    status: int | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    body: bytes = b""
    error: str | None = None
    retryable: bool = False
    skipped: bool = False  # refused by policy (content type), not a fault


def media_type(content_type: str | None) -> str:
    """'text/html; charset=utf-8' -> 'text/html'."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Parse Retry-After (delta seconds or HTTP date) into seconds from now; None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def build_client(config: FetchConfig) -> httpx.AsyncClient:
    """The shared AsyncClient: redirects off (we follow them ourselves, checking every hop)."""
    timeout = httpx.Timeout(
        connect=config.connect_timeout,
        read=config.read_timeout,
        write=config.read_timeout,
        pool=config.total_timeout,
    )
    limits = httpx.Limits(
        max_connections=config.global_concurrency,
        max_keepalive_connections=config.global_concurrency,
    )
    return httpx.AsyncClient(
        headers={"User-Agent": config.user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=timeout,
        limits=limits,
        follow_redirects=False,
    )


class Fetcher:
    """One per run: owns the client, the host gate, the robots cache and the log rows."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        config: FetchConfig,
        *,
        run_id: str,
        validators: Validators,
    ) -> None:
        self.client = client
        self.config = config
        self.run_id = run_id
        self.validators = validators
        self.gate = HostGate(config.per_host_delay, config.per_host_concurrency)
        self.log_rows: list[dict] = []
        self.warnings: list[str] = []
        self._global = asyncio.Semaphore(config.global_concurrency)
        self._robots: dict[str, RobotsPolicy] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    # ----------------------------------------------------------------- public

    async def get(
        self,
        url: str,
        source: Source,
        *,
        accept: tuple[str, ...] | None = None,
        conditional: bool = True,
    ) -> Response:
        """GET `url` for `source`, following redirects that stay inside the source's hosts.

        `accept` lists the media types the caller can use (None: any allowed type); a body of
        another type is not downloaded. Never raises for HTTP or network trouble: the
        Response carries the error and the log has a row for it.
        """
        try:
            current = canonical_url(url)
        except UrlError as exc:
            return self._refuse(url, (url,), source, str(exc))
        chain = [current]
        while True:
            refusal = await self._check_allowed(current, source)
            if refusal is not None:
                return self._refuse(current, tuple(chain), source, refusal)
            attempt, row = await self._with_retries(current, source, accept, conditional)
            if attempt.status in REDIRECT_STATUSES and attempt.error is None:
                target, problem = self._redirect_target(current, attempt, chain)
                if problem is not None:
                    row["error"] = attempt.error = problem
                    return self._response(chain, attempt)
                chain.append(target)
                current = target
                continue
            return self._response(chain, attempt)

    def flag(self, url: str, source: Source, error: str) -> None:
        """Write `error` on the latest log row of `url`: it answered, but was not usable."""
        for row in reversed(self.log_rows):
            if row["url"] == url and row["source"] == source.name:
                row["error"] = row["error"] or error
                return

    # ------------------------------------------------------------- redirects

    def _redirect_target(
        self, current: str, attempt: _Attempt, chain: list[str]
    ) -> tuple[str, str | None]:
        """The next hop of a redirect, or an error saying why it must not be followed."""
        location = attempt.headers.get("location")
        if not location:
            return "", "redirect without a Location header"
        try:
            target = canonical_url(location, base=current)
        except UrlError as exc:
            return "", f"redirect to an unusable URL ({exc})"
        if target in chain:
            return "", "redirect loop: " + " -> ".join([*chain, target])
        if len(chain) > self.config.max_redirects:
            return "", f"too many redirects (more than {self.config.max_redirects})"
        return target, None

    def _response(self, chain: list[str], attempt: _Attempt) -> Response:
        headers = attempt.headers
        return Response(
            requested=chain[0],
            url=chain[-1],
            chain=tuple(chain),
            status=attempt.status,
            body=attempt.body if attempt.error is None else b"",
            content_type=headers.get("content-type", ""),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            error=attempt.error,
            skipped=attempt.skipped,
        )

    def _refuse(self, url: str, chain: tuple[str, ...], source: Source, reason: str) -> Response:
        """A URL we decided not to request: one log row (attempt 0, no status), no request."""
        self._log(source, url, None, 0, 0, 0, reason)
        return Response(requested=chain[0], url=url, chain=chain, error=reason, skipped=True)

    # ---------------------------------------------------------------- policy

    async def _check_allowed(self, url: str, source: Source) -> str | None:
        """Why `url` must not be requested for `source`, or None when it may be."""
        if not host_allowed(url, source.allowed_hosts):
            hosts = ", ".join(source.allowed_hosts)
            return f"host not allowed for source {source.name} (allowed: {hosts})"
        if not self.config.obey_robots:
            return None
        policy = await self._robots_policy(url, source)
        if not policy.can_fetch(url, self.config.user_agent):
            if policy.rules is not None:
                return DISALLOWED_BY_ROBOTS
            if policy.reason.startswith(UNREACHABLE):
                return policy.reason
            return f"{DISALLOWED_BY_ROBOTS}: {policy.reason}"
        return None

    async def _robots_policy(self, url: str, source: Source) -> RobotsPolicy:
        """Fetch and parse robots.txt once per origin per run; concurrent callers wait for it."""
        key = origin(url)
        if key in self._robots:
            return self._robots[key]
        lock = self._robots_locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key in self._robots:
                return self._robots[key]
            policy = await self._load_robots(key + "/robots.txt", source)
            self._robots[key] = policy
            if not policy.allow_all:
                self.warnings.append(f"{key}: {policy.reason}; nothing fetched from it this run")
            delay = policy.crawl_delay(self.config.user_agent)
            if delay:
                self.gate.set_delay(host_key(url), min(delay, self.config.crawl_delay_max))
            return policy

    async def _load_robots(self, robots_url: str, source: Source) -> RobotsPolicy:
        current = robots_url
        seen = [current]
        for _ in range(self.config.max_redirects + 1):
            attempt, _row = await self._with_retries(
                current, source, None, conditional=False, robots=True
            )
            if attempt.status not in REDIRECT_STATUSES or attempt.error is not None:
                if attempt.error is not None and attempt.status != 200:
                    return policy_from_response(attempt.status or None, b"", attempt.error)
                return policy_from_response(attempt.status, attempt.body)
            location = attempt.headers.get("location", "")
            try:
                target = canonical_url(location, base=current)
            except UrlError:
                return policy_from_response(404, b"")
            if target in seen or not host_allowed(target, source.allowed_hosts):
                # Nowhere we may go: RFC 9309 treats an unfollowable robots.txt as absent.
                return policy_from_response(404, b"")
            seen.append(target)
            current = target
        return policy_from_response(404, b"")

    # --------------------------------------------------------------- requests

    async def _with_retries(
        self,
        url: str,
        source: Source,
        accept: tuple[str, ...] | None,
        conditional: bool,
        *,
        robots: bool = False,
    ) -> tuple[_Attempt, dict]:
        headers = self._conditional_headers(url) if conditional else {}
        host = host_key(url)
        max_bytes = self.config.max_robots_bytes if robots else self.config.max_body_bytes
        attempt_no = 0
        while True:
            attempt_no += 1
            async with self.gate.slot(host), self._global:
                started = time.monotonic()
                attempt = await self._once(url, headers, accept, max_bytes, check_type=not robots)
            elapsed_ms = int((time.monotonic() - started) * 1000)
            if attempt.status == 304 and not headers:
                attempt.error = "304 Not Modified to an unconditional request"
            row = self._log(
                source,
                url,
                attempt.status,
                len(attempt.body),
                elapsed_ms,
                attempt_no,
                attempt.error,
            )
            if not attempt.retryable:
                return attempt, row
            if attempt_no > self.config.retries:
                attempt.error = f"{attempt.error}; gave up after {attempt_no} attempts"
                row["error"] = attempt.error
                return attempt, row
            wait = self._retry_wait(attempt, attempt_no)
            if wait is None:
                attempt.error = (
                    f"{attempt.error}; Retry-After longer than {self.config.retry_after_max:g} s"
                )
                row["error"] = attempt.error
                return attempt, row
            # Hold the whole host back, not just this URL: 429 and 5xx are about the server.
            self.gate.hold_off(host, wait)

    def _retry_wait(self, attempt: _Attempt, attempt_no: int) -> float | None:
        asked = retry_after_seconds(attempt.headers.get("retry-after"))
        if asked is not None:
            return asked if asked <= self.config.retry_after_max else None
        backoff = min(self.config.backoff_max, self.config.backoff_base * 2 ** (attempt_no - 1))
        return backoff + random.uniform(0, self.config.backoff_base)

    def _conditional_headers(self, url: str) -> dict[str, str]:
        etag, last_modified = self.validators.get(url, (None, None))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    async def _once(
        self,
        url: str,
        headers: dict[str, str],
        accept: tuple[str, ...] | None,
        max_bytes: int,
        *,
        check_type: bool,
    ) -> _Attempt:
        """One request, body streamed under the size cap; errors become data, never raise."""
        attempt = _Attempt()
        try:
            async with asyncio.timeout(self.config.total_timeout):
                async with self.client.stream("GET", url, headers=headers) as resp:
                    attempt.status = resp.status_code
                    attempt.headers = resp.headers
                    if resp.status_code != 200:
                        attempt.retryable = resp.status_code in RETRY_STATUSES
                        if resp.status_code >= 400:
                            attempt.error = f"HTTP {resp.status_code}"
                        elif resp.status_code not in REDIRECT_STATUSES | {304}:
                            attempt.error = f"unexpected HTTP {resp.status_code}"
                        return attempt
                    refusal = self._type_refusal(resp.headers.get("content-type"), accept)
                    if check_type and refusal:
                        attempt.error, attempt.skipped = refusal, True
                        return attempt
                    attempt.body, attempt.error = await _read_capped(resp, max_bytes)
        except TimeoutError:
            attempt.error = f"timeout: no complete response within {self.config.total_timeout:g} s"
        except httpx.ConnectTimeout:
            attempt.error, attempt.retryable = "timeout while connecting", True
        except httpx.TimeoutException as exc:
            # A server that accepted the request and then stalled will likely stall again;
            # retrying would multiply the wait for nothing.
            attempt.error = f"timeout ({type(exc).__name__})"
        except httpx.DecodingError as exc:
            attempt.error = f"undecodable body ({exc})"
        except httpx.TransportError as exc:
            attempt.error = f"connection error ({type(exc).__name__}: {exc})".replace(": )", ")")
            attempt.retryable = True
        if attempt.error and attempt.status == 200:
            attempt.body = b""
        return attempt

    def _type_refusal(self, content_type: str | None, accept: tuple[str, ...] | None) -> str | None:
        kind = media_type(content_type)
        if not kind:
            return None  # undeclared: the caller sniffs the body
        if kind not in self.config.allowed_content_types:
            return f"content type {kind} not allowed"
        if accept is not None and kind not in accept:
            return f"content type {kind} not accepted here"
        return None

    # ------------------------------------------------------------------- log

    def _log(
        self,
        source: Source,
        url: str,
        status: int | None,
        size: int,
        elapsed_ms: int,
        attempt: int,
        error: str | None,
    ) -> dict:
        row = {
            "run_id": self.run_id,
            "source": source.name,
            "url": url,
            "status": status,
            "bytes": size,
            "elapsed_ms": elapsed_ms,
            "attempt": attempt,
            "error": error,
            "fetched_at": datetime.now(UTC).replace(tzinfo=None),
        }
        self.log_rows.append(row)
        return row


async def _read_capped(resp: httpx.Response, max_bytes: int) -> tuple[bytes, str | None]:
    """Read the (decompressed) body, stopping as soon as it passes `max_bytes`.

    Counting decompressed bytes also stops a gzip bomb: a small download cannot grow past
    the cap in memory.
    """
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and "content-encoding" not in resp.headers and int(declared) > max_bytes:
        return b"", f"body too large: Content-Length {declared} exceeds {max_bytes} bytes"
    chunks: list[bytes] = []
    total = 0
    async for chunk in resp.aiter_bytes():
        total += len(chunk)
        if total > max_bytes:
            return b"", f"body too large: more than {max_bytes} bytes"
        chunks.append(chunk)
    body = b"".join(chunks)
    if not body.strip():
        return b"", "empty body"
    return body, None
