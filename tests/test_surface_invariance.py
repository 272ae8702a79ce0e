"""A rewrite that keeps the meaning keeps the events: corpus documents, rewritten the ways
real sites vary the same copy (quote marks, dashes, spaces, date shapes, "&" in a force's
name, the phase in capitals), give the events the unchanged documents give.

Quotations are left alone (a statement's quote is compared verbatim elsewhere), and the
comparison leaves out the words of item subjects, which a date rewrite may touch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from pipeline.extract import extract_events
from pipeline.parse import parse_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SAMPLE_STEP = 3  # every third corpus document keeps the test to a few seconds
MONTHS = [date(2000, m, 1).strftime("%B") for m in range(1, 13)]
MONTH = "|".join(MONTHS)
QUOTATION = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?: ({MONTH}))?(?:(\s*(?:and|to|-|–)\s*)(\d{{1,2}}))? "
                       rf"({MONTH}) (\d{{4}})\b")


def _outside_quotations(rewrite: Callable[[str], str]) -> Callable[[str], str]:
    def run(text: str) -> str:
        out, last = [], 0
        for m in QUOTATION.finditer(text):
            out += [rewrite(text[last:m.start()]), m.group(0)]
            last = m.end()
        return "".join(out) + rewrite(text[last:])
    return run


def _each_date(shape: Callable[[date], str]) -> Callable[[str], str]:
    """Every "3 April 2024" (and both ends of "3 to 7 April 2024") in another shape."""
    def one(day: str, month: str, year: str) -> str | None:
        try:
            return shape(date(int(year), MONTHS.index(month) + 1, int(day)))
        except ValueError:
            return None

    def rewrite(m: re.Match) -> str:
        first_day, first_month, joint, last_day, month, year = m.groups()
        if first_month and not last_day:
            return m.group(0)
        first = one(first_day, first_month or month, year)
        last = one(last_day, month, year) if last_day else ""
        if first is None or last is None:
            return m.group(0)
        joint = " – " if joint and joint.strip() in ("-", "–") else (joint or "")
        return first + joint + last
    return lambda text: FULL_DATE.sub(rewrite, text)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


REWRITES: dict[str, Callable[[str], str]] = {
    "straight quotes": lambda t: t.replace("“", '"').replace("”", '"'),
    "hyphens for dashes": lambda t: t.replace(" – ", " - ").replace("—", " - "),
    "non-breaking spaces in dates": lambda t: re.sub(rf"(\d{{1,2}}) ({MONTH})", "\\1\u00a0\\2", t),
    "Windows line ends": lambda t: t.replace("\n", "\r\n"),
    "two spaces after a full stop": lambda t: re.sub(r"\. (?=[A-Z])", ".  ", t),
    "abbreviated months with a stop": _outside_quotations(lambda t: re.sub(
        rf"\b({MONTH})(?= \d{{4}})", lambda m: m.group(1) if len(m.group(1)) <= 4
        else m.group(1)[:3] + ".", t)),
    "weekday before the day": _outside_quotations(_each_date(
        lambda d: f"{d:%A} {d.day} {d:%B} {d.year}")),
    "day first with slashes": _outside_quotations(_each_date(lambda d: f"{d:%d/%m/%Y}")),
    "ordinal of the month": _outside_quotations(_each_date(
        lambda d: f"{_ordinal(d.day)} of {d:%B} {d.year}")),
    "ampersand in a force's name": _outside_quotations(lambda t: re.sub(
        r"\b(Devon|Avon|Hampshire) and (Cornwall|Somerset|Isle of Wight)\b", r"\1 & \2", t)),
    "the phase in capitals": _outside_quotations(lambda t: re.sub(
        r"(?<=[a-z,] )Engage\b", "ENGAGE", t)),
}


def _sample() -> list[Path]:
    files = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md")
    return files[::SAMPLE_STEP]


def _rewrite_body(raw: str, rewrite: Callable[[str], str]) -> str:
    """The rewrite applied past a Markdown document's front matter, which holds its
    metadata, not its copy."""
    if raw.startswith("---"):
        _, front, body = raw.split("---", 2)
        return "---" + front + "---" + rewrite(body)
    return rewrite(raw)


def _events(path: Path) -> list[tuple]:
    return sorted(
        (e.event_type, str(e.force_id), str(e.phase_to), str(e.event_date),
         str(e.date_precision), e.person_name or "", str(e.person_role), str(e.count_total),
         str(e.count_closed), str(e.count_open), str(e.subject_kind), str(e.status))
        for e in extract_events(parse_file(path)))


@pytest.fixture(scope="module")
def unchanged() -> dict[str, list[tuple]]:
    return {p.name: _events(p) for p in _sample()}


@pytest.mark.parametrize("name", list(REWRITES))
def test_a_rewrite_that_keeps_the_meaning_keeps_the_events(name, unchanged, tmp_path):
    rewrite, changed, differ = REWRITES[name], 0, []
    for path in _sample():
        raw = path.read_text(encoding="utf-8")
        new = _rewrite_body(raw, rewrite)
        if new == raw:
            continue
        changed += 1
        copy = tmp_path / path.name
        copy.write_bytes(new.encode("utf-8"))
        if _events(copy) != unchanged[path.name]:
            differ.append(path.name)
    assert changed, f"{name} changed no sampled document: the test would test nothing"
    assert differ == [], f"{name} changed the events of {differ}"
