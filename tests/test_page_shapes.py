"""Pages as sites serve them give the events of the story and nothing from the page around it.

Each page is written for this file in the shape one kind of site gives it: a GOV.UK news
story, the inspectorate's WordPress posts, a force newsroom, a commissioner's office blog,
a council's committee minutes, a newspaper article. The chrome around each story is the
near-miss: metadata lines, change histories, bylines, tags, "Read more" links and links to
the previous post about another force's move, picture captions, feedback boxes.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.parse import parse_html

URL = "https://example.org/news/story"


def _doc(markup: str) -> Document:
    return parse_html(markup, url=URL)


def _moves(doc: Document) -> set[tuple]:
    return {(e.force_id, e.phase_to) for e in extract_events(doc)
            if e.event_type == "phase_change"}


def _speakers(doc: Document) -> set[tuple]:
    return {(e.person_name, e.person_role, (e.quote or "")[:24]) for e in extract_events(doc)
            if e.event_type == "statement"}


def _forces(doc: Document) -> set[str]:
    return {e.force_id for e in extract_events(doc) if e.force_id}


GOVUK = """<!DOCTYPE html><html lang="en"><head><title>Force leaves monitoring - GOV.UK</title>
<meta property="og:title" content="Surrey Police leaves enhanced monitoring"></head><body>
<div class="gem-c-cookie-banner"><p>We use some essential cookies to make this site work.</p></div>
<header class="govuk-header"><a href="/">GOV.UK</a></header>
<main class="govuk-main-wrapper" id="content" role="main">
<div class="gem-c-title"><span class="gem-c-title__context">News story</span>
<h1 class="gem-c-title__text">Surrey Police leaves enhanced monitoring</h1></div>
<div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="/org">Home Office</a></dd>
<dt>Published</dt><dd>7 March 2025</dd></dl></div>
<div class="govuk-govspeak"><p>Surrey Police has been moved out of the Engage phase of
monitoring after inspectors found the force had fixed the problems they raised.</p>
<p>The policing minister said: "Residents can now be confident that calls for help are
answered quickly."</p></div>
<div class="app-c-published-dates"><p>Published 7 March 2025<br>Last updated 9 March 2025
<a href="#full-history">+ show all updates</a></p><ol><li>9 March 2025 Added the letter.</li>
<li>7 March 2025 First published.</li></ol></div>
<div class="gem-c-share-links"><h2>Share this page</h2><a href="#">Facebook</a></div>
<div class="gem-c-feedback"><h2>Is this page useful?</h2><a href="#">Report a problem</a></div>
</main><footer class="govuk-footer"><p>Crown copyright</p></footer></body></html>"""


def test_a_govuk_story_is_its_headline_and_govspeak_without_its_metadata():
    doc = _doc(GOVUK)
    lines = doc.text.split("\n")
    assert lines[0] == "Surrey Police leaves enhanced monitoring"
    assert lines.count("Surrey Police leaves enhanced monitoring") == 1
    for chrome in ("News story", "From:", "Last updated", "show all updates", "First published",
                   "Is this page useful?", "Share this page", "cookies"):
        assert chrome not in doc.text
    assert doc.published_date == date(2025, 3, 7)
    assert _moves(doc) == {("surrey-police", "scan")}


def test_words_above_the_headline_stay_when_they_are_the_story():
    intro = ("Inspectors said on Friday that Surrey Police had been moved out of the Engage "
             "phase of monitoring after it fixed the problems they raised.")
    doc = _doc(f"<html><body><main><p>{intro}</p><h1>What happens next</h1>"
               "<p>The force will be monitored as every force is.</p></main></body></html>")
    assert intro in doc.text


WP = """<!DOCTYPE html><html><head><title>Force placed in Engage - HMICFRS</title>
<meta property="og:title" content="Gwent Police placed in Engage"></head>
<body class="single-post"><article class="post">
<header class="entry-header"><h1 class="entry-title">Gwent Police placed in Engage</h1>
<div class="entry-meta"><span class="posted-on">Published: <time datetime="2024-05-03">
3 May 2024</time></span></div></header>
<div class="entry-content"><p>Gwent Police has been moved into the Engage phase of our
monitoring because of concerns about how it investigates crime.</p>
<p>Read more: <a href="/news/other/">Suffolk Constabulary removed from enhanced monitoring</a></p>
<div class="report-box"><h3>Get the report</h3><ul><li><a href="/r.pdf">Download the
report</a> (PDF document)</li></ul></div></div>
<footer class="entry-footer"><span class="tags-links">Tags: <a rel="tag">Engage</a></span></footer>
</article>
<nav class="navigation post-navigation"><a href="/prev/">Previous: Essex Police leaves Engage
</a></nav></body></html>"""


def test_an_inspectorate_post_gives_its_own_move_not_the_linked_ones():
    doc = _doc(WP)
    assert doc.published_date == date(2024, 5, 3)
    assert _moves(doc) == {("gwent-police", "engage")}
    assert "Suffolk" not in doc.text and "Essex" not in doc.text
    assert "Get the report" in doc.text  # the report box is the post's own


@pytest.mark.parametrize("label", ["Read more:", "See also:", "More on this story:",
                                   "<strong>Related:</strong>"])
def test_a_label_and_a_link_point_to_another_story(label):
    doc = _doc(f"<html><body><article><h1>Kent Police update</h1><p>Kent Police has been "
               f"placed in special measures by the inspectorate.</p><p>{label} <a href='/x'>"
               "Durham Constabulary taken out of special measures</a></p></article></body></html>")
    assert _moves(doc) == {("kent-police", "engage")}


def test_a_sentence_that_ends_in_a_link_is_the_story():
    doc = _doc("<html><body><article><h1>Update</h1><p>The inspectorate wrote to the "
               "commissioner to say which force it had placed in special measures this week: "
               "<a href='/x'>Durham Constabulary</a>.</p></article></body></html>")
    assert "Durham Constabulary" in doc.text


NEWS = """<!DOCTYPE html><html><head><title>Force in special measures - The Courier</title>
<meta property="article:published_time" content="2024-11-20T06:02:00Z"></head><body>
<header class="masthead"><a href="/">The Courier</a></header><main><article>
<header class="article-header"><h1>Inspectors act over county force</h1>
<p class="standfirst">Lincolnshire Police has been placed in special measures by the
police inspectorate.</p><div class="byline"><span>By Sam Writer</span> <span>Crime
reporter</span></div></header>
<div class="article-body"><p>Chief Constable Paul Rees said:</p>
<div class="wp-caption"><img src="/hq.jpg" alt=""><p class="wp-caption-text">Officers
outside the force headquarters in the city centre</p></div>
<p>"We accept every finding and we have already started to put things right."</p>
<figure><img src="/x.jpg"><figcaption>The chief constable met inspectors in May.</figcaption>
</figure>
<p>The force will publish its improvement plan next month.</p></div></article>
<section class="most-read"><h2>Most read</h2><ol><li><a href="/1">Cumbria Constabulary
leaves special measures</a></li></ol></section></main></body></html>"""


def test_a_news_article_keeps_its_standfirst_and_byline_and_drops_captions():
    doc = _doc(NEWS)
    assert "Lincolnshire Police has been placed in special measures" in doc.text
    # The byline stays: on a blog it names the speaker of every line below it.
    assert "By Sam Writer" in doc.text
    for chrome in ("Officers outside", "met inspectors", "Most read", "Cumbria"):
        assert chrome not in doc.text
    assert _moves(doc) == {("lincolnshire-police", "engage")}
    assert _speakers(doc) == {("Paul Rees", "chief_constable", "We accept every finding ")}


PCC = """<!DOCTYPE html><html><head><title>Commissioner's statement</title>
<meta property="article:published_time" content="2023-10-12T10:00:00+00:00"></head><body>
<main class="content"><article class="post entry"><header class="entry-header">
<h1 class="entry-title">Commissioner responds to inspection</h1>
<p class="entry-meta">Posted on <time>12 October 2023</time> by <span>Communications</span></p>
</header><div class="entry-content"><p>Cleveland Police has left the Engage phase of
monitoring, the inspectorate announced today.</p><p><strong>Next steps</strong></p>
<p>Yours sincerely,<br>Jo Holt<br>Police and Crime Commissioner</p></div>
<footer class="entry-footer"><p class="entry-categories">Filed under: <a>Scrutiny</a></p></footer>
</article><div class="adjacent-entry-pagination"><a href="/p/">« Commissioner welcomes Durham
Constabulary's removal from special measures</a></div>
<div id="respond" class="comment-respond"><h3>Leave a reply</h3></div></main></body></html>"""


def test_a_commissioners_post_gives_nothing_from_its_neighbours():
    doc = _doc(PCC)
    assert _moves(doc) == {("cleveland-police", "scan")}
    assert _forces(doc) == {"cleveland-police"}
    assert "Leave a reply" not in doc.text and "Filed under" not in doc.text
    assert "Posted on" not in doc.text and "Jo Holt" in doc.text


MINUTES = """<!DOCTYPE html><html><head><title>Agenda item - Force performance</title></head>
<body><div id="mgHeader"><a href="/">Council home</a></div><div id="mgContent">
<h1>Agenda item</h1><table role="presentation"><tr><td>
<p>Meeting of Police and Crime Panel, Thursday, 14th March, 2024 10.00 am (Item 6.)</p>
<h2>6. Force performance</h2><h3>Minutes:</h3><div class="mgWordPara"><p>The commissioner
told the panel that Kent Police had been moved into enhanced monitoring last month.</p>
<p>RESOLVED: that the update be noted.</p></div></td></tr></table></div></body></html>"""


def test_a_numbered_heading_is_no_list_item():
    doc = _doc(MINUTES)
    assert "6. Force performance" in doc.text.split("\n")
    assert "- Force performance" not in doc.text


def test_minutes_are_dated_by_their_meeting():
    doc = _doc(MINUTES)
    assert doc.published_date == date(2024, 3, 14)
    moves = [(e.force_id, e.phase_to, e.event_date, e.date_precision)
             for e in extract_events(doc) if e.event_type == "phase_change"]
    assert moves == [("kent-police", "engage", date(2024, 2, 1), "month")]


@pytest.mark.parametrize("line", [
    "Statement made on 12 March 2024",
    "Delivered on: 12 March 2024 (Original script, may differ from delivered version)",
])
def test_a_statement_or_speech_is_dated_by_the_day_it_was_made(line):
    doc = _doc(f"<html><body><main><h1>Police performance</h1><p>Statement UIN HCWS99</p>"
               f"<p>{line}</p><p>Made by: the policing minister</p><p>Today I can tell the "
               "House that Kent Police has been placed in Engage.</p></main></body></html>")
    assert doc.published_date == date(2024, 3, 12)


@pytest.mark.parametrize("line", [
    "The statement made on 12 March 2024 was read to the panel by the commissioner.",
    "At the meeting of the panel on Thursday, 14th March, 2024 members asked questions.",
    "Meeting of the panel was adjourned until the chief constable, who was away on "
    "leave, could attend in person, and reconvened on Thursday, 14th March, 2024.",
])
def test_a_sentence_about_a_meeting_does_not_date_the_page(line):
    doc = _doc(f"<html><body><main><p>Kent Police was placed in Engage.</p><p>{line}</p>"
               "</main></body></html>")
    assert doc.published_date is None


def test_markup_wrapped_at_eighty_columns_reads_as_one_paragraph():
    doc = _doc("<html><body><main><h1>Update</h1><p>Norfolk Constabulary has been placed\n"
               "in special measures by the inspectorate\r\nafter a review of its call handling."
               "</p><pre>Ref: 2024/17\nFile: monitoring</pre></main></body></html>")
    assert ("Norfolk Constabulary has been placed in special measures by the inspectorate "
            "after a review of its call handling.") in doc.text.split("\n")
    assert _moves(doc) == {("norfolk-constabulary", "engage")}


CARDS = {
    "cards": "<div class='card'><h3><a href='/a'>Gwent Police</a></h3><p>Entered Engage: "
             "June 2022</p></div><div class='card'><h3>Kent Police</h3><p>Entered Engage: "
             "March 2024</p></div>",
    "lines set with br": "<p><strong>Gwent Police</strong><br>Entered Engage: June 2022</p>"
                         "<p><strong>Kent Police</strong><br>Entered Engage: March 2024</p>",
    "accordions": "<details><summary>Gwent Police</summary><dl><dt>Entered Engage</dt>"
                  "<dd>June 2022</dd></dl></details><details><summary>Kent Police</summary>"
                  "<dl><dt>Entered Engage</dt><dd>March 2024</dd></dl></details>",
    "row headers": "<table><tr><th>Force</th><th>Entered Engage</th></tr><tr><th scope='row'>"
                   "Gwent Police</th><td>June 2022</td></tr><tr><th scope='row'>Kent Police"
                   "</th><td>March 2024</td></tr></table>",
}


@pytest.mark.parametrize("shape", list(CARDS))
def test_each_box_of_a_listing_is_one_force_and_its_date(shape):
    doc = _doc(f"<html><body><main><h1>Forces in Engage</h1><p>These forces are in the "
               f"Engage phase of our monitoring.</p>{CARDS[shape]}</main></body></html>")
    moves = {(e.force_id, e.event_date) for e in extract_events(doc)
             if e.event_type == "phase_change"}
    assert moves == {("gwent-police", date(2022, 6, 1)), ("kent-police", date(2024, 3, 1))}


@pytest.mark.parametrize("mark", ["<sup>1</sup>", "<sup><a href='#fn1'>1</a></sup>",
                                  "<a href='#note-2'>[2]</a>", "<sup>*</sup>"])
def test_a_footnote_mark_is_no_part_of_the_sentence(mark):
    doc = _doc(f"<html><body><main><h1>Update</h1><p>Two of the three causes of concern at "
               f"Essex Police have been closed.{mark} The force was moved out of Engage on "
               "4 March 2024.</p><ol><li id='fn1'>As the force reported them. "
               "<a href='#ref1'>↩</a></li></ol></main></body></html>")
    assert ("Two of the three causes of concern at Essex Police have been closed. The force "
            "was moved out of Engage on 4 March 2024.") in doc.text.split("\n")
    assert "- As the force reported them." in doc.text.split("\n")
    moves = {(e.force_id, e.phase_to, e.event_date) for e in extract_events(doc)
             if e.event_type == "phase_change"}
    assert moves == {("essex-police", "scan", date(2024, 3, 4))}


def test_an_ordinal_set_in_sup_stays_with_its_number():
    doc = _doc("<html><body><main><h1>Update</h1><p>Kent Police was placed in Engage on "
               "4<sup>th</sup> June 2024.</p></main></body></html>")
    assert "Kent Police was placed in Engage on 4th June 2024." in doc.text


STORY = ("<p>Kent Police has been moved out of the Engage phase of monitoring by the "
         "inspectorate, which said the force had improved the way it answers calls.</p>"
         "<p>Chief Constable Tim Smith said: \"I am proud of everyone who worked so hard for "
         "this.\"</p>")
TEASERS = ("<section class='cards'><h2>Latest</h2><article class='card'><h3><a href='/1'>"
           "Durham Constabulary placed in special measures</a></h3><p>Inspectors raised "
           "concerns.</p></article><article class='card'><h3><a href='/2'>Appeal after a "
           "burglary</a></h3></article></section>")


def test_teaser_cards_set_as_articles_are_not_the_story():
    doc = _doc(f"<html><body><main><h1>Kent Police leaves Engage</h1><div class='body'>{STORY}"
               f"</div>{TEASERS}</main></body></html>")
    assert "Kent Police has been moved out" in doc.text
    assert "Durham" not in doc.text and "burglary" not in doc.text
    assert _moves(doc) == {("kent-police", "scan")}


def test_an_article_under_a_headline_set_above_it_is_the_story():
    doc = _doc(f"<html><body><main><div class='hero'><h1>Kent Police leaves Engage</h1></div>"
               f"<article>{STORY}</article><p>Sign up to our alerts.</p></main></body></html>")
    assert doc.text.split("\n")[:2] == [
        "Kent Police leaves Engage", "Kent Police has been moved out of the Engage phase of "
        "monitoring by the inspectorate, which said the force had improved the way it answers "
        "calls."]
    assert "Sign up" not in doc.text


def test_a_card_field_dated_by_time_does_not_date_the_page():
    # The card's "Returned to Scan" value is a field of the card; the page's own date line
    # ("Posted") still dates it when it comes later.
    card = ("<html><head><title>Forces in Engage</title></head><body><main><h1>Forces in "
            "Engage</h1><div class='card'><h2>Durham Constabulary</h2><div class='row'>"
            "<div class='label'>Returned to Scan</div><div class='value'><time "
            "datetime='2024-02-01'>1 February 2024</time></div></div></div>"
            "<p>Posted <time datetime='2024-06-30'>30 June 2024</time></p></main></body></html>")
    assert _doc(card).published_date == date(2024, 6, 30)
    bare = card.replace("<p>Posted <time datetime='2024-06-30'>30 June 2024</time></p>", "")
    assert _doc(bare).published_date is None
    # A "Published" label before its <time> is the page's date line.
    labelled = bare.replace("Returned to Scan", "Published")
    assert _doc(labelled).published_date == date(2024, 2, 1)


def test_a_date_line_after_the_headline_still_dates_the_page():
    page = ("<html><head><title>Kent Police leaves Engage</title></head><body><main>"
            "<h1>Kent Police leaves Engage</h1><div class='date'>3 May 2024</div>"
            "<p>The force has left enhanced monitoring.</p></main></body></html>")
    assert _doc(page).published_date == date(2024, 5, 3)


LIVE_ENTRIES = (
    "<article class='block'><p><time>16.40</time></p><p>That is all from the blog today."
    "</p></article>"
    "<article class='block'><p><time>15.05</time></p><h2>Leicestershire leaves Engage</h2>"
    "<p>Leicestershire Police has been returned to routine monitoring by the inspectorate, "
    "which said the force now answers calls far more quickly.</p></article>"
    "<article class='block'><p><time>11.30</time></p><h2>Minister on forces</h2><p>The "
    "policing minister, Dame Diana Johnson, told MPs that every force should be held to the "
    "same standard.</p></article>")


def test_the_entries_of_a_live_blog_under_its_headline_are_the_story():
    doc = _doc("<html><body><main><div class='top'><h1>Policing live: Leicestershire out "
               f"of Engage</h1></div><div class='live'>{LIVE_ENTRIES}</div></main>"
               "</body></html>")
    assert "returned to routine monitoring" in doc.text
    assert "every force should be held" in doc.text
    assert _moves(doc) == {("leicestershire-police", "scan")}


def test_one_long_article_under_a_headline_set_above_it_is_still_read_alone():
    # Near miss: one story and a short card beside it are no live blog.
    card = "<article class='card'><h3><a href='/9'>Appeal after a burglary</a></h3></article>"
    doc = _doc(f"<html><body><main><div class='hero'><h1>Kent Police leaves Engage</h1></div>"
               f"<article>{STORY}</article>{card}</main></body></html>")
    assert "Kent Police has been moved out" in doc.text and "burglary" not in doc.text
