"""Per-host politeness: a minimum gap between requests and a cap on requests in flight.

The gap runs from a request's start and again from its end, whichever is later. Counting
from the end is what the host sees: a request that waited for a new connection still
arrives a full delay after the one before it finished, so a Crawl-delay holds on the
server's clock and not only on ours.

Waiting happens in coroutines, not threads, so twenty hosts each waiting out their delay
cost nothing and the run takes about as long as the busiest host needs.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field


@dataclass
class _HostState:
    slots: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    delay: float = 0.0


class HostGate:
    """Hands out request slots per host: at most `concurrency` in flight, `delay` apart."""

    def __init__(self, delay: float, concurrency: int) -> None:
        self._delay = delay
        self._concurrency = concurrency
        self._hosts: dict[str, _HostState] = {}

    def _state(self, host: str) -> _HostState:
        state = self._hosts.get(host)
        if state is None:
            state = _HostState(asyncio.Semaphore(self._concurrency), delay=self._delay)
            self._hosts[host] = state
        return state

    def set_delay(self, host: str, delay: float) -> None:
        """Raise a host's delay (robots.txt Crawl-delay); never lowers it below the default."""
        state = self._state(host)
        state.delay = max(self._delay, delay)

    def hold_off(self, host: str, seconds: float) -> None:
        """No request to `host` may start for `seconds` (a 429 or 503 with Retry-After)."""
        state = self._state(host)
        state.next_start = max(state.next_start, time.monotonic() + seconds)

    def slot(self, host: str) -> _Slot:
        return _Slot(self._state(host))


class _Slot:
    """Async context manager: enter when the host may be hit, leave when the request is done."""

    def __init__(self, state: _HostState) -> None:
        self._state = state

    async def __aenter__(self) -> None:
        await self._state.slots.acquire()
        try:
            async with self._state.lock:
                # Re-read the clock after every sleep: hold_off may have moved next_start.
                while True:
                    now = time.monotonic()
                    wait = self._state.next_start - now
                    if wait <= 0:
                        break
                    await asyncio.sleep(wait)
                self._state.next_start = now + self._state.delay
        except BaseException:
            self._state.slots.release()
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        state = self._state
        state.next_start = max(state.next_start, time.monotonic() + state.delay)
        state.slots.release()
