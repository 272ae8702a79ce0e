"""Deterministic synthetic press releases for throughput and memory benchmarks.

Document i depends only on (seed, i), so a run can stream 100,000 documents without holding
them, and two runs (or two processes) see exactly the same texts. Roughly half the documents
are oversight releases, a quarter are local news with a passing oversight mention and the
rest are ordinary police news; lengths run from 300 to 1,500 words, and the documents come
as HTML pages with page chrome, Markdown with front matter, or plain text, so that the
parse stage does the work it does on real feeds.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from benchmarks import templates as t
from pipeline.models import Document
from pipeline.parse import parse_html, parse_text
from pipeline.rules import load_rules

MIN_WORDS, MAX_WORDS, MODE_WORDS = 300, 1500, 550
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class RawDocument:
    """A generated file before parsing: what a fetcher or the local reader would hand over."""

    index: int
    kind: str  # html | md | txt
    url: str
    body: str

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class _Force:
    name: str
    place: str | None
    short_forms: tuple[str, ...]


def _forces() -> list[_Force]:
    return [_Force(f.name, f.place, tuple(f.short_forms))
            for f in load_rules().forces.forces if f.engage_applies]


_FORCES = _forces()


def _full_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _date_phrase(rng: random.Random, published: date) -> str:
    past = published - timedelta(days=rng.randint(1, 400))
    return rng.choice((
        "today", "yesterday", "this week", "last month", "earlier this year",
        f"on {_full_date(past)}", f"in {_MONTHS[past.month - 1]} {past.year}",
        f"on {_WEEKDAYS[past.weekday()]}", f"on {past.day:02d}/{past.month:02d}/{past.year}",
    ))


class _Slots(dict):
    """Slot values for one document; a missing slot is a bug in a template, so it raises."""

    def __missing__(self, key: str) -> str:
        raise KeyError(f"template slot {{{key}}} has no value")


def _slots(rng: random.Random, published: date, force: _Force) -> _Slots:
    past = published - timedelta(days=rng.randint(30, 900))
    total = rng.randint(2, 12)
    closed = rng.randint(0, total)
    name = f"{rng.choice(t.FIRST_NAMES)} {rng.choice(t.SURNAMES)}"
    force_name = force.name
    if force.short_forms and rng.random() < 0.3:
        force_name = rng.choice(force.short_forms)
    vehicle = rng.choice(t.VEHICLES)
    return _Slots(
        force=force_name,
        force_plain=force.name,
        the_force=rng.choice(("the force", "the force", force.name)),
        engage=rng.choice(t.ENGAGE_NAMES),
        engage_plain=rng.choice(("enhanced monitoring", "special measures")),
        scan=rng.choice(t.SCAN_NAMES),
        subject=rng.choice(t.SUBJECTS),
        date_phrase=_date_phrase(rng, published),
        full_date=_full_date(past),
        month_year=f"{_MONTHS[past.month - 1]} {past.year}",
        year=str(past.year),
        next_year=str(published.year + 1),
        years_word=rng.choice(t.NUMBER_WORDS[1:4]),
        count_word=rng.choice(t.NUMBER_WORDS[1:6]),
        total=str(total), closed=str(closed), open=str(total - closed),
        total_word=t.NUMBER_WORDS[total - 1],
        closed_word=t.NUMBER_WORDS[closed - 1] if closed else "none",
        closed_cap=(t.NUMBER_WORDS[closed - 1] if closed else "none").capitalize(),
        open_word=t.NUMBER_WORDS[total - closed - 1] if total > closed else "none",
        role=rng.choice(t.FORCE_ROLES + t.NATIONAL_ROLES),
        name=name,
        surname=name.split()[-1],
        quote=rng.choice(t.QUOTES),
        town=rng.choice(t.TOWNS),
        street=rng.choice(t.STREETS),
        item=rng.choice(t.ITEMS),
        item_plain=rng.choice(t.ITEMS).removeprefix("a ").removeprefix("two "),
        vehicle_cap=vehicle[0].upper() + vehicle[1:],
        time=f"{rng.randint(1, 11)}.{rng.choice(('00', '15', '30', '45'))}"
             f"{rng.choice(('am', 'pm'))}",
        time2=f"{rng.randint(1, 11)}.{rng.choice(('10', '20', '40', '50'))}pm",
        weekday=rng.choice(_WEEKDAYS),
        age=str(rng.randint(16, 79)), age2=str(rng.randint(18, 60)),
        count=str(rng.randint(3, 60)),
        speed=str(rng.randint(45, 70)),
        money=f"£{rng.randint(2, 30) * 100:,}",
        incident=f"{rng.randint(100, 999)} of {past.day} {_MONTHS[past.month - 1]}",
    )


def _fill(rng: random.Random, pool: tuple[str, ...], slots: _Slots) -> str:
    return rng.choice(pool).format_map(slots)


def _quote_paragraphs(rng: random.Random, slots: _Slots) -> list[str]:
    """A quote introduced by its speaker, sometimes running over two paragraphs."""
    first, second = rng.sample(t.QUOTES, 2)
    intro = _fill(rng, t.QUOTE_INTRO, slots)
    if rng.random() < 0.4:
        return [f"{intro}“{first}", f"“{second}”"]
    if rng.random() < 0.5:
        return [f"{intro}“{first}”", _fill(rng, t.QUOTE_AFTER, slots)]
    return [f"{intro}“{first}”"]


def _oversight_block(rng: random.Random, slots: _Slots) -> list[str]:
    """One oversight paragraph (or a list or a quote), chosen in realistic proportions."""
    roll = rng.random()
    if roll < 0.14:
        return [_fill(rng, t.PHASE_ENTER, slots)]
    if roll < 0.26:
        return [_fill(rng, t.PHASE_EXIT, slots)]
    if roll < 0.33:
        return [_fill(rng, t.PHASE_STATE, slots)]
    if roll < 0.39:
        return [_fill(rng, t.PHASE_SPECULATIVE, slots)]
    if roll < 0.52:
        return [_fill(rng, t.INSPECTION, slots)]
    if roll < 0.56:
        return [_fill(rng, t.INSPECTION_FUTURE, slots)]
    if roll < 0.68:
        return [_fill(rng, t.TALLY, slots)]
    if roll < 0.74:
        return [_fill(rng, t.FINDING_ITEM, slots)]
    if roll < 0.78:
        items = rng.sample(t.LIST_ITEMS, rng.randint(2, 4))
        return [rng.choice(t.LIST_INTRO), *(f"- {item};" for item in items)]
    if roll < 0.90:
        return _quote_paragraphs(rng, slots)
    if roll < 0.95:
        return [_fill(rng, t.REPORTED, slots)]
    return [rng.choice(t.BACKGROUND)]


def _paragraphs(rng: random.Random, genre: str, target: int, published: date,
                force: _Force) -> tuple[str, list[str]]:
    slots = _slots(rng, published, force)
    if genre == "news":
        headline = rng.choice(t.HEADLINES_NEWS).format_map(slots)
        oversight_share = 0.0
    elif genre == "mixed":
        headline = rng.choice(t.HEADLINES_NEWS).format_map(slots)
        oversight_share = 0.12
    else:
        headline = rng.choice(t.HEADLINES_OVERSIGHT).format_map(slots)
        oversight_share = 0.55
    paragraphs: list[str] = []
    if genre == "oversight":
        paragraphs.append(_fill(rng, t.PHASE_ENTER + t.PHASE_EXIT + t.INSPECTION, slots))
    words = len(headline.split()) + sum(len(p.split()) for p in paragraphs)
    while words < target:
        if rng.random() < 0.3:  # a new paragraph draws fresh names, dates and numbers
            slots = _slots(rng, published, force)
        if rng.random() < oversight_share:
            block = _oversight_block(rng, slots)
        else:
            sentences = rng.sample(t.FILLER, rng.choice((1, 2, 2, 3)))
            block = [" ".join(s.format_map(slots) for s in sentences)]
        paragraphs.extend(block)
        words += sum(len(p.split()) for p in block)
    return headline, paragraphs


def _html(headline: str, paragraphs: list[str], published: date, url: str) -> str:
    body: list[str] = []
    items: list[str] = []
    for paragraph in paragraphs:
        if paragraph.startswith("- "):
            items.append(f"<li>{escape(paragraph[2:])}</li>")
            continue
        if items:
            body.append("<ul>" + "".join(items) + "</ul>")
            items = []
        body.append(f"<p>{escape(paragraph)}</p>")
    if items:
        body.append("<ul>" + "".join(items) + "</ul>")
    title = escape(headline)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title} | Newsroom</title>"
        f"<meta property=\"og:title\" content=\"{title}\">"
        f"<link rel=\"canonical\" href=\"{url}\">"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
        f"\"datePublished\": \"{published.isoformat()}T09:30:00+00:00\"}}</script>"
        "<script src=\"/js/site.js\"></script></head><body>"
        "<div class=\"cookie-banner\"><p>We use cookies to make this site work.</p>"
        "<button>Accept</button></div>"
        "<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li>"
        "<li><a href=\"/news\">News</a></li><li><a href=\"/contact\">Contact us</a></li>"
        "</ul></nav></header>"
        f"<main><article><h1>{title}</h1><p class=\"meta\">Published "
        f"{_full_date(published)}</p>" + "\n".join(body) + "</article>"
        "<aside class=\"related\"><h2>Related news</h2><ul><li>Another story</li></ul>"
        "</aside></main><footer class=\"site-footer\"><p>&copy; Crown copyright</p>"
        "</footer></body></html>\n"
    )


def _markdown(headline: str, paragraphs: list[str], published: date, url: str,
              front_matter: bool) -> str:
    head = (f"---\ntitle: \"{headline}\"\nurl: {url}\npublished: {published.isoformat()}\n"
            "source: bench\n---\n") if front_matter else f"{headline}\n\n"
    lines: list[str] = []
    for paragraph in paragraphs:
        if paragraph.startswith("- "):
            lines.append(f"* {paragraph[2:]}")
            continue
        if lines and lines[-1].startswith("* "):
            lines.append("")
        lines.extend((paragraph, ""))
    return head + "\n".join(lines) + "\n"


def generate_document(index: int, seed: int = 0) -> RawDocument:
    """Document number `index` of the corpus for `seed`: the same on every run and machine."""
    rng = random.Random(f"bench:{seed}:{index}")
    genre = rng.choices(("oversight", "mixed", "news"), weights=(45, 25, 30))[0]
    target = round(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS))
    published = date(2016, 1, 1) + timedelta(days=rng.randint(0, 9 * 365))
    force = rng.choice(_FORCES)
    headline, paragraphs = _paragraphs(rng, genre, target, published, force)
    kind = rng.choices(("html", "md", "txt"), weights=(50, 35, 15))[0]
    url = f"https://newsroom.example/{genre}/{index:07d}"
    if kind == "html":
        body = _html(headline, paragraphs, published, url)
    else:
        body = _markdown(headline, paragraphs, published, url,
                         front_matter=kind == "md" or rng.random() < 0.6)
    return RawDocument(index, kind, url, body)


def generate(count: int, seed: int = 0, start: int = 0) -> Iterator[RawDocument]:
    for index in range(start, start + count):
        yield generate_document(index, seed)


def parse_raw(raw: RawDocument) -> Document:
    """Parse as the local reader would: HTML through parse_html, the rest through parse_text."""
    if raw.kind == "html":
        return parse_html(raw.body, url=raw.url, source="bench")
    return parse_text(raw.body, url=raw.url, source="bench")
