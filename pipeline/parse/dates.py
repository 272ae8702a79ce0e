"""Publication dates from metadata strings (ISO timestamps, RFC 822 dates, "18 September 2024")."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: str) -> date | None:
    """The calendar date as the publisher wrote it, ignoring the time zone shift."""
    value = value.strip()
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # imported lazily: it is slow to import and rarely needed here

    parsed: datetime | None = dateparser.parse(
        value,
        languages=["en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True},
    )
    return parsed.date() if parsed else None
