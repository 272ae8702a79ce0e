"""Dates as the sites print them: in metadata strings, on article pages and in listing cards."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.fetch.listing import parse_listing
from pipeline.parse import parse_html
from pipeline.parse.dates import find_labelled_date, parse_published

PAGE = "https://force.example.org/news/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: 14:32 18/09/2024", date(2024, 9, 18)),
        ("Published: 09:05 04/03/2024", date(2024, 3, 4)),  # day first: 4 March
        ("Published on: 18 September 2024", date(2024, 9, 18)),
        ("Published 20 November 2024", date(2024, 11, 20)),
        ("Date of publication: 1 December 2022", date(2022, 12, 1)),
        ("Date of publication\n1 December 2022", date(2022, 12, 1)),
        ("First published: 3rd May 2023", date(2023, 5, 3)),
        ("Posted on September 18, 2024", date(2024, 9, 18)),
        ("18 Sept 2024", date(2024, 9, 18)),
        ("2024-09-18T14:32:00+01:00", date(2024, 9, 18)),
        ("Wed, 18 Sep 2024 14:32:00 +0100", date(2024, 9, 18)),
        ("31/02/2024", None),  # no such day
        ("Published: soon", None),
    ],
)
def test_parse_published(text, expected):
    assert parse_published(text) == expected


def test_a_label_inside_a_sentence_is_not_the_page_date():
    assert find_labelled_date("The report, published on 3 May 2024, found gaps.") is None
    assert find_labelled_date("Updated: 3 May 2024") is None  # edits are not publication


def page(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Single Online Home: text only, the time first, day-first numbers.
        ("<main><h1>Force news</h1><div class='meta'><p>Published: <span>09:05</span> "
         "04/03/2024</p></div><p>Body text.</p></main>", date(2024, 3, 4)),
        # The inspectorate's report pages.
        ("<main><article><h1>Report</h1><p>Published on: 1 December 2022</p>"
         "<p>Body.</p></article></main>", date(2022, 12, 1)),
        # A table: the label in one cell, the date in the next.
        ("<main><h1>Letter</h1><table><tr><th>Date of publication</th><td>3 May 2024</td>"
         "</tr></table><p>Body.</p></main>", date(2024, 5, 3)),
        # No label: a date printed on its own line beside the headline.
        ("<main><p class='kicker'>Tuesday 20 November 2024</p><h1>Headline</h1>"
         "<p>On 9 May 2020 the force was inspected.</p></main>", date(2024, 11, 20)),
        # A date inside the story's first sentence is not the page's date.
        ("<main><h1>Headline</h1><p>The report was <b>published on</b> 9 May 2020.</p></main>",
         None),
    ],
)
def test_page_text_dates(markup, expected):
    assert parse_html(page(markup), url=PAGE).published_date == expected


def test_metadata_still_comes_first():
    head = '<meta property="article:published_time" content="2024-09-18T10:00:00+01:00">'
    body = "<main><h1>X</h1><p>Published: 10:00 01/01/2020</p><p>Body.</p></main>"
    assert parse_html(page(body, head), url=PAGE).published_date == date(2024, 9, 18)


def test_listing_cards_take_the_nearest_date():
    cards = "".join(
        f'<div class="card"><a href="/news/news-feed/{slug}/"><img alt=""></a>'
        f'<div class="body"><span class="tag">Police</span><h3><a href="/news/news-feed/{slug}/">'
        f"{title}</a></h3><p>{when}</p></div></div>"
        for slug, title, when in [
            ("one", "First story", "18 September 2024"),
            ("two", "Second story", "Published: 14:32 03/09/2024"),
            ("three", "Third story", "No date here"),
        ]
    )
    body = (f"<header><nav><a href='/news/news-feed/nav/'>Nav link</a></nav></header>"
            f"<main><div class='grid'>{cards}</div></main>").encode()
    listing = parse_listing(body, page_url=PAGE, options={"item_pattern": "/news/news-feed/"})
    found = [(i.url.rsplit("/", 2)[-2], i.title, i.published) for i in listing.items]
    assert found == [
        ("one", "First story", date(2024, 9, 18)),
        ("two", "Second story", date(2024, 9, 3)),
        ("three", "Third story", None),
    ]


def test_pagination_links_are_never_items():
    body = (b"<main><div><a href='/news/a-story/'>A story</a></div>"
            b"<div class='pages'><a href='/news/page/2/'>2</a> <a href='/news/page/3/'>3</a>"
            b" <a href='/news/?page=4'>Older</a></div></main>")
    listing = parse_listing(body, page_url=PAGE, options={"item_pattern": "/news/.+"})
    assert [i.url for i in listing.items] == ["https://force.example.org/news/a-story/"]
    assert listing.next_url == "https://force.example.org/news/page/2/"
