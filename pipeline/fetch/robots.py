"""robots.txt as a policy: what a fetched (or missing) robots.txt allows us to request.

RFC 9309: a robots.txt that is not there (4xx) allows everything; one that cannot be read
(5xx, network failure) must be taken as disallowing everything until it can be read.
"""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego

# A host whose robots.txt cannot be read is not refusing us: it cannot be reached (no
# connection, DNS, a timeout, a 5xx). Failures say so, rather than "disallowed".
UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class RobotsPolicy:
    """The rules for one origin; `rules` is None when everything is allowed or denied."""

    allow_all: bool
    rules: Protego | None = None
    reason: str = ""

    def can_fetch(self, url: str, user_agent: str) -> bool:
        if self.rules is not None:
            return self.rules.can_fetch(url, user_agent)
        return self.allow_all

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.rules is None:
            return None
        return self.rules.crawl_delay(user_agent)


def policy_from_response(status: int | None, body: bytes, error: str | None = None
                         ) -> RobotsPolicy:
    """Turn the outcome of GET /robots.txt into a policy (status None: no response at all,
    for the reason `error`)."""
    if status == 200:
        try:
            rules = Protego.parse(body.decode("utf-8", errors="replace"))
        except Exception as exc:  # a robots.txt we cannot parse restricts nothing we can read
            return RobotsPolicy(allow_all=True, reason=f"unparseable robots.txt ({exc})")
        return RobotsPolicy(allow_all=True, rules=rules, reason="robots.txt")
    if status is not None and 400 <= status < 500:
        return RobotsPolicy(allow_all=True, reason=f"no robots.txt (HTTP {status})")
    what = (f"robots.txt answered HTTP {status}" if status is not None
            else f"{error or 'no response'} (fetching robots.txt)")
    return RobotsPolicy(allow_all=False, reason=f"{UNREACHABLE}: {what}")
