"""The sites as they really are, served on loopback, followed down to the stored events.

Each shape comes from the sites' documented structure: a Single Online Home force newsroom
(RSS feed, date only as "Published: HH:MM DD/MM/YYYY" text), the inspectorate's WordPress
listing (div cards, /news/page/N/), a GOV.UK item edited after it came out, and a
monitoring letter as a PDF. The texts are invented for these tests.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from fetch_server import FetchServer, Reply, fast_config
from pdf_maker import build_pdf, wrap

from pipeline.fetch import Source, source_for_url
from pipeline.ingest import ingest_path, ingest_sources

SOH_ROBOTS = "User-agent: *\nDisallow: /*/GetPaginatedResults/?\nDisallow: /api/*\n"
SOH_ARTICLE = "/news/humberside/news/news/2024/march/force-leaves-enhanced-monitoring/"
SOH_SECOND = "/news/humberside/news/news/2024/march/new-chief-constable-named/"
PDF_TYPE = "application/pdf"


def rss(port: int, paths: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>http://127.0.0.1:{port}{path}</link>"
        f"<guid>http://127.0.0.1:{port}{path}</guid></item>"
        for path, title in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Humberside Police news</title><link>http://127.0.0.1:{port}/</link>"
        f"{items}</channel></rss>"
    )


def soh_page(title: str, stamp: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{title} | '
        "Humberside Police</title></head><body><header><nav><a href='/'>Home</a></nav></header>"
        f"<main><h1>{title}</h1><div class='article-meta'><p>Published: <span>{stamp.split()[0]}"
        f"</span> {stamp.split()[1]}</p></div><div class='article-body'>{body}</div></main>"
        "<footer>Contact us</footer></body></html>"
    )


def letter_pdf() -> bytes:
    """A monitoring letter: the date on a line of its own, a word broken over two lines."""
    return build_pdf(
        [[
            ["HM Inspectorate of Constabulary and Fire & Rescue Services"],
            ["12 November 2024"],
            ["Chief Constable", "Wiltshire Police"],
            ["Dear Chief Constable,"],
            wrap("I am writing to confirm that Wiltshire Police has been removed from Engage "
                 "and returned to routine monitoring.", 70),
            ["Your officers have made sustained progress on the cause of con-",
             "cern we raised about how the force answers calls for service."],
            ["Yours sincerely,"],
            ["Lee Freeman", "HM Inspector of Constabulary"],
        ]],
        title="Microsoft Word - letter to the force.docx",
        created="D:20241101090000Z",
    )


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def events(db: Path, url_part: str) -> list[tuple]:
    return rows(
        db,
        "SELECT e.event_type, e.force, e.event_date, e.phase_from, e.phase_to, e.evidence, "
        "e.char_start, e.char_end, d.text FROM events e JOIN documents d USING (doc_id) "
        f"WHERE d.url LIKE '%{url_part}%' ORDER BY e.char_start",
    )


def assert_grounded(db: Path) -> None:
    for evidence, start, end, text in rows(
        db, "SELECT e.evidence, e.char_start, e.char_end, d.text FROM events e "
            "JOIN documents d USING (doc_id)"):
        assert text[start:end] == evidence


# ------------------------------------------------------------------ force newsroom


@pytest.fixture
def soh():
    srv = FetchServer()
    port = srv.port
    srv.add_text("127.0.0.1", "/robots.txt", SOH_ROBOTS, content_type="text/plain")
    srv.add("127.0.0.1", "/news/humberside/news/GetNewsRss/", Reply(
        rss(port, [(SOH_ARTICLE, "Force leaves enhanced monitoring"),
                   (SOH_SECOND, "New chief constable named")]).encode(),
        content_type="application/rss+xml; charset=utf-8"))
    srv.add_text("127.0.0.1", SOH_ARTICLE, soh_page(
        "Force leaves enhanced monitoring", "09:15 05/03/2024",
        ["Humberside Police has today been removed from the Engage phase of monitoring by "
         "the inspectorate.",
         "The force was moved into Engage on 14 June 2022."]))
    srv.add_text("127.0.0.1", SOH_SECOND, soh_page(
        "New chief constable named", "16:40 11/03/2024",
        ["The police and crime commissioner has named the force's next chief constable."]))
    yield srv
    srv.close()


def test_force_feed_and_day_first_text_date(tmp_path, soh):
    source = Source("humberside-police-news", "feed",
                    soh.url("127.0.0.1", "/news/humberside/news/GetNewsRss/"), ("127.0.0.1",), {})
    db = tmp_path / "events.duckdb"
    summary = ingest_sources([source], db, config=fast_config())
    assert summary.ok, [f.line() for f in summary.failed]
    stored = dict(rows(db, "SELECT url, published_date FROM documents"))
    # "05/03/2024" is 5 March, never 3 May; the feed carried no date at all.
    assert stored[soh.url("127.0.0.1", SOH_ARTICLE)] == date(2024, 3, 5)
    assert stored[soh.url("127.0.0.1", SOH_SECOND)] == date(2024, 3, 11)
    found = events(db, "force-leaves-enhanced-monitoring")
    moves = [(e[0], e[1], e[2], e[3], e[4]) for e in found if e[0] == "phase_change"]
    # "today" is the day the page says it was published.
    assert ("phase_change", "Humberside Police", date(2024, 3, 5), "engage", "scan") in moves
    assert ("phase_change", "Humberside Police", date(2022, 6, 14), "scan", "engage") in moves
    assert_grounded(db)


# ----------------------------------------------------------------- inspectorate listing


def card(port: int, path: str, title: str, when: str) -> str:
    """A WordPress theme's card: image link and title link to one post, a date below."""
    href = f"http://localhost:{port}{path}"
    return (
        f'<div class="col"><div class="card"><a class="thumb" href="{href}"><img alt=""></a>'
        f'<div class="card-body"><h3 class="card-title"><a href="{href}">{title}</a></h3>'
        f'<div class="meta"><span class="posted">{when}</span></div></div></div></div>'
    )


def listing_page(port: int, cards: list[str], next_page: int | None) -> str:
    pages = (f'<div class="nav-links"><a class="page-numbers" href="/news/page/{next_page}/">'
             f"{next_page}</a></div>" if next_page else "")
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>News - HMICFRS'
        '</title></head><body><header><nav><a href="/">Home</a> <a href="/news/">News</a>'
        '</nav></header><main id="main"><h1>News</h1><div class="row">'
        + "".join(cards) + f"</div>{pages}</main><footer><a href='/about/'>About</a></footer>"
        "</body></html>"
    )


def wp_post(title: str, paragraphs: list[str], printed_date: str | None = None) -> str:
    printed = f'<p class="published">Published on: {printed_date}</p>' if printed_date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{title} - '
        f"HMICFRS</title></head><body><main><article><h1>{title}</h1>{printed}"
        f'<div class="entry-content">{body}</div></article></main></body></html>'
    )


@pytest.fixture
def inspectorate():
    srv = FetchServer()
    port = srv.port
    host = "localhost"
    first = [
        card(port, "/news/news-feed/staffordshire-revisit/", "Staffordshire Police revisit",
             "3 October 2023"),
        card(port, "/wp-content/uploads/2024/11/wiltshire-engage-letter.pdf",
             "Letter to Wiltshire Police about its monitoring", "14 November 2024"),
    ]
    second = [card(port, "/news/news-feed/gloucestershire-engage/",
                   "Gloucestershire Constabulary leaves Engage", "16 May 2024")]
    srv.add_text(host, "/news/", listing_page(port, first, 2))
    srv.add_text(host, "/news/page/2/", listing_page(port, second, None))
    srv.add_text(host, "/news/news-feed/staffordshire-revisit/", wp_post(
        "Staffordshire Police revisit",
        ["We revisited Staffordshire Police in September 2023 to check its progress."]))
    srv.add_text(host, "/news/news-feed/gloucestershire-engage/", wp_post(
        "Gloucestershire Constabulary leaves Engage",
        ["Gloucestershire Constabulary has today been removed from Engage and returned to "
         "routine monitoring."], printed_date="17 May 2024"))
    srv.add(host, "/wp-content/uploads/2024/11/wiltshire-engage-letter.pdf",
            Reply(letter_pdf(), content_type=PDF_TYPE))
    yield srv
    srv.close()


def test_inspectorate_cards_pages_and_pdf_letter(tmp_path, inspectorate):
    srv = inspectorate
    # A loose pattern that also matches the listing's own pages: they must not become
    # articles.
    source = Source("hmicfrs-news", "listing", srv.url("localhost", "/news/"), ("localhost",),
                    {"item_pattern": r"/(news/.+|wp-content/uploads/.+\.pdf)$", "max_pages": 3})
    db = tmp_path / "events.duckdb"
    summary = ingest_sources([source], db, config=fast_config())
    assert summary.ok, [f.line() for f in summary.failed]
    stored = {url.split(f":{srv.port}")[1]: (title, published) for url, title, published in rows(
        db, "SELECT url, title, published_date FROM documents")}
    assert set(stored) == {
        "/news/news-feed/staffordshire-revisit/",
        "/news/news-feed/gloucestershire-engage/",
        "/wp-content/uploads/2024/11/wiltshire-engage-letter.pdf",
    }
    assert srv.count("localhost", "/news/page/2/") == 1  # page 2 was read, as a listing
    # No date on the page: the card's. "Published on:" printed on the page: that one.
    assert stored["/news/news-feed/staffordshire-revisit/"][1] == date(2023, 10, 3)
    assert stored["/news/news-feed/gloucestershire-engage/"][1] == date(2024, 5, 17)
    # The letter: titled by its card, dated by its own date line (not the card, not the
    # file's creation date).
    letter_title, letter_date = stored["/wp-content/uploads/2024/11/wiltshire-engage-letter.pdf"]
    assert letter_title == "Letter to Wiltshire Police about its monitoring"
    assert letter_date == date(2024, 11, 12)
    moves = {(e[1], e[2], e[4]) for e in events(db, "wiltshire-engage-letter") if
             e[0] == "phase_change"}
    assert moves == {("Wiltshire Police", date(2024, 11, 12), "scan")}
    (text,) = rows(db, "SELECT text FROM documents WHERE url LIKE '%.pdf'")[0]
    assert "the cause of concern we raised" in text and "con-" not in text
    glos = {(e[1], e[2], e[4]) for e in events(db, "gloucestershire-engage")
            if e[0] == "phase_change"}
    assert glos == {("Gloucestershire Constabulary", date(2024, 5, 17), "scan")}
    insp = [e for e in events(db, "staffordshire-revisit") if e[0] == "inspection"]
    assert [(e[1], e[2]) for e in insp] == [("Staffordshire Police", date(2023, 9, 1))]
    assert_grounded(db)


# ------------------------------------------------------------------------- GOV.UK


def content_item(title: str, body: str | None, *, first_public: str, first_published: str,
                 updated: str, attachments: list[dict] | None = None) -> bytes:
    details: dict = {"first_public_at": first_public}
    if body is not None:
        details["body"] = body
    if attachments:
        details["attachments"] = attachments
    return json.dumps({
        "title": title, "document_type": "news_story", "details": details,
        "first_published_at": first_published, "public_updated_at": updated,
    }).encode()


@pytest.fixture
def govuk_site():
    srv = FetchServer()
    api = "application/json"
    search = {"results": [
        {"link": "/government/news/cleveland-leaves-engage", "title": "Cleveland leaves Engage",
         "public_timestamp": "2024-06-01T12:00:00.000+01:00"},
        {"link": "/government/publications/letter-to-wiltshire-police",
         "title": "Letter to Wiltshire Police", "public_timestamp": "2024-12-02T09:00:00Z"},
    ]}
    srv.add("127.0.0.1", "/api/search.json", Reply(json.dumps(search).encode(), content_type=api))
    srv.add("127.0.0.1", "/api/content/government/news/cleveland-leaves-engage", Reply(
        content_item(
            "Cleveland leaves Engage",
            "<p>Cleveland Police has today been removed from Engage, the inspectorate said.</p>",
            first_public="2024-02-13T10:00:00.000+00:00",
            first_published="2024-02-14T08:00:00.000+00:00",
            updated="2024-06-01T12:00:00.000+01:00"),
        content_type=api))
    srv.add("127.0.0.1", "/api/content/government/publications/letter-to-wiltshire-police",
            Reply(content_item(
                "Letter to Wiltshire Police", None,
                first_public="2024-11-14T09:30:00.000+00:00",
                first_published="2024-11-14T09:30:00.000+00:00",
                updated="2024-12-02T09:00:00Z",
                attachments=[{"url": srv.url("localhost", "/media/abc/wiltshire-letter.pdf"),
                              "content_type": PDF_TYPE, "title": "Wiltshire Police letter"}]),
                content_type=api))
    srv.add("localhost", "/media/abc/wiltshire-letter.pdf", Reply(letter_pdf(),
                                                                  content_type=PDF_TYPE))
    yield srv
    srv.close()


def test_govuk_item_keeps_its_first_publication_date(tmp_path, govuk_site):
    srv = govuk_site
    source = Source("govuk-hmicfrs", "govuk", srv.url("127.0.0.1", "/api/search.json"),
                    ("127.0.0.1", "localhost"), {})
    db = tmp_path / "events.duckdb"
    summary = ingest_sources([source], db, config=fast_config())
    assert summary.ok, [f.line() for f in summary.failed]
    stored = {url.split(f":{srv.port}")[1]: published for url, published in rows(
        db, "SELECT url, published_date FROM documents")}
    # first_public_at, not first_published_at (a day later) or the June edit.
    assert stored["/government/news/cleveland-leaves-engage"] == date(2024, 2, 13)
    (move,) = [e for e in events(db, "cleveland-leaves-engage") if e[0] == "phase_change"]
    assert (move[1], move[2], move[4]) == ("Cleveland Police", date(2024, 2, 13), "scan")
    # The publication is only its attachment: the PDF is the document.
    assert "/government/publications/letter-to-wiltshire-police" not in stored
    assert stored["/media/abc/wiltshire-letter.pdf"] == date(2024, 11, 12)
    moves = [e for e in events(db, "wiltshire-letter.pdf") if e[0] == "phase_change"]
    assert [(e[1], e[2]) for e in moves] == [("Wiltshire Police", date(2024, 11, 12))]
    assert_grounded(db)


# ------------------------------------------------------------------------ local PDF


def test_local_pdf_letter_and_a_scanned_one(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "wiltshire-letter.pdf").write_bytes(letter_pdf())
    (folder / "scanned-letter.pdf").write_bytes(build_pdf([[["x"]]], scanned=True))
    db = tmp_path / "events.duckdb"
    summary = ingest_path(folder, db)
    assert [f.name.rsplit("/", 1)[-1] for f in summary.failed] == ["scanned-letter.pdf"]
    assert "no text layer" in summary.failed[0].reason
    (published,) = rows(db, "SELECT published_date FROM documents")[0]
    assert published == date(2024, 11, 12)
    moves = [e for e in events(db, "wiltshire-letter.pdf") if e[0] == "phase_change"]
    assert [(e[1], e[2], e[3], e[4]) for e in moves] == [
        ("Wiltshire Police", date(2024, 11, 12), "engage", "scan")]
    assert_grounded(db)


def test_one_card_listing_url_is_read_as_a_listing(tmp_path):
    """`ingest --source URL` on a card listing: its stories are stored, the page itself not."""
    srv = FetchServer()
    try:
        slugs = ["kent-report", "essex-report", "surrey-report"]
        cards = [card(srv.port, f"/news/news-feed/{slug}/", slug.replace("-", " ").title(),
                      f"{n + 1} July 2024") for n, slug in enumerate(slugs)]
        srv.add_text("localhost", "/news/", listing_page(srv.port, cards, None))
        for slug in slugs:
            srv.add_text("localhost", f"/news/news-feed/{slug}/", wp_post(
                slug, [f"We inspected {slug.split('-')[0].title()} Police in June 2024."]))
        db = tmp_path / "events.duckdb"
        summary = ingest_sources([source_for_url(srv.url("localhost", "/news/"))], db,
                                 config=fast_config())
        assert summary.ok, [f.line() for f in summary.failed]
        urls = sorted(u for (u,) in rows(db, "SELECT url FROM documents"))
        assert urls == sorted(srv.url("localhost", f"/news/news-feed/{s}/") for s in slugs)
        dates = {d for (d,) in rows(db, "SELECT published_date FROM documents")}
        assert dates == {date(2024, 7, 1), date(2024, 7, 2), date(2024, 7, 3)}
    finally:
        srv.close()
