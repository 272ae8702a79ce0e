"""A listing page dates each story by its own date line, in our own words: a newsroom's
latest news with a title and a date line per story, and the near-misses that are no
listing (one dated article, a timeline of dated lines).
"""

from __future__ import annotations

from datetime import date

from pipeline.extract import extract_events
from pipeline.models import Document

LISTING = """Latest news | Example Constabulary
Home > News
Force leaves enhanced monitoring
14 March 2025 | Force news
Dorset Police is to return to routine monitoring, the inspectorate has confirmed.
At a revisit in February, inspectors closed the last two of its five recommendations.
Read more
Arrests after burglaries in Poole
2 March 2025 | Appeals
Officers arrested two men after a series of break-ins. Both remain in custody.
Read more
Inspection dates announced
20 November 2024 | Force news
Inspectors carried out fieldwork in October for the force's next PEEL inspection.
Read more
"""

TIMELINE = """How Dorset Police got here
Key dates in the case
12 March 2023: inspection begins
3 June 2023: report published
Dorset Police is to return to routine monitoring, the inspectorate has confirmed.
"""


def _events(text: str, published: date | None):
    return extract_events(Document(url="probe", title="", text=text, published_date=published))


def _by_type(events, event_type):
    return {(e.force_id, e.event_date.isoformat() if e.event_date else None)
            for e in events if e.event_type == event_type}


def test_a_story_on_a_listing_is_dated_by_its_own_line():
    events = _events(LISTING, None)
    assert ("dorset-police", "2025-03-14") in _by_type(events, "phase_change")
    inspections = _by_type(events, "inspection")
    assert ("dorset-police", "2025-02-01") in inspections  # "in February" of that story
    assert ("dorset-police", "2024-10-01") in inspections  # "in October" of the older one


def test_the_page_date_still_dates_what_comes_before_the_first_story():
    text = "Dorset Police is to return to routine monitoring, the inspectorate said.\n" + LISTING
    assert ("dorset-police", "2025-06-01") in _by_type(_events(text, date(2025, 6, 1)),
                                                       "phase_change")


def test_a_timeline_is_no_listing():
    """Its dated lines follow one another, with no story title between: today's news is the
    page's date."""
    assert _by_type(_events(TIMELINE, date(2025, 6, 1)), "phase_change") == {
        ("dorset-police", "2025-06-01")}


def test_one_dated_article_keeps_its_publication_date():
    text = ("Force leaves enhanced monitoring\nPublished 14 March 2025\nDorset Police is to "
            "return to routine monitoring, the inspectorate has confirmed.\n")
    assert _by_type(_events(text, date(2025, 3, 15)), "phase_change") == {
        ("dorset-police", "2025-03-15")}
