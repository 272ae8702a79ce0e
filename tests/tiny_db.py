"""A small database written by hand, for tests of the views, export and report.

The events are constructed here rather than extracted, so these tests pin down what the
views do with known rows (duplicate reports, coarse dates, two periods, an open period)
and do not move when the extractor or the corpus changes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.models import Document, Event
from pipeline.store import DocumentWrite, connect, transaction, write_documents

WMP, MET, CLE = "west-midlands-police", "metropolitan-police-service", "cleveland-police"
NAMES = {WMP: "West Midlands Police", MET: "Metropolitan Police Service",
         CLE: "Cleveland Police"}


def _doc(slug: str, published: str, sentences: list[str], web: bool = True) -> Document:
    url = f"https://news.example.test/{slug}" if web else f"corpus/{slug}.md"
    return Document(url=url, title=slug.replace("-", " "), text="\n".join(sentences),
                    published_date=date.fromisoformat(published))


def _event(document: Document, sentence: str, event_type: str, force_id: str | None,
           **fields) -> Event:
    start = document.text.index(sentence)
    value = fields.pop("event_date", None)
    event = Event(event_type=event_type, evidence=sentence, char_start=start,
                  char_end=start + len(sentence), force_id=force_id,
                  force=NAMES.get(force_id), event_date=date.fromisoformat(value) if value
                  else None, **fields)
    return event.stamp(document.doc_id, "test-rules")


def _phase(document: Document, sentence: str, force_id: str, to: str, when: str | None,
           precision: str | None = "day") -> Event:
    return _event(document, sentence, "phase_change", force_id, event_date=when,
                  date_precision=precision if when else None,
                  phase_from="engage" if to == "scan" else "scan", phase_to=to)


def tiny_writes() -> list[DocumentWrite]:
    """Documents with the events a careful reader would extract from them."""
    writes = []

    def add(slug, published, sentences, make, web=True):
        document = _doc(slug, published, sentences, web)
        writes.append(DocumentWrite(document, make(document)))

    # West Midlands: one entry reported five ways, one exit reported three ways.
    s1 = "West Midlands Police was moved into Engage on 24 November 2023."
    add("wmp-engage", "2023-11-24", [s1],
        lambda d: [_phase(d, s1, WMP, "engage", "2023-11-24")])
    add("wmp-engage-paper", "2023-11-25", [s1],
        lambda d: [_phase(d, s1, WMP, "engage", "2023-11-24")])
    s2 = "The force entered special measures in November 2023."
    add("wmp-feature", "2024-06-01", [s2],
        lambda d: [_phase(d, s2, WMP, "engage", "2023-11-01", "month")])
    s3 = "West Midlands Police went into Engage in 2023."
    s4 = "West Midlands Police left Engage in September 2024."
    add("wmp-year-review", "2024-12-20", [s3, s4],
        lambda d: [_phase(d, s3, WMP, "engage", "2023-01-01", "year"),
                   _phase(d, s4, WMP, "scan", "2024-09-01", "month")])
    s5 = "West Midlands Police has been removed from Engage."
    s6 = "Inspectors said the force had closed three of the five recommendations."
    s7 = "The cause of concern about investigations remains open."
    q1 = 'Chief Constable Craig Guildford said: "This is a good day for the force."'
    add("wmp-exit", "2024-09-18", [s5, s6, s7, q1], lambda d: [
        _phase(d, s5, WMP, "scan", "2024-09-18"),  # announced: dated by publication
        _event(d, s6, "recommendation", WMP, subject_kind="recommendation", count_total=5,
               count_closed=3, count_open=2, event_date="2024-09-18", date_precision="day"),
        _event(d, s7, "recommendation", WMP, subject_kind="cause_of_concern",
               subject="investigations", status="open"),
        _event(d, q1, "statement", WMP, person_name="Craig Guildford",
               person_role="chief_constable", person_org="West Midlands Police",
               quote="This is a good day for the force."),
    ])
    s8 = "Four of the five recommendations had been closed by 18 September 2024."
    s9 = "Call handling is still to be addressed."
    add("wmp-exit-paper", "2024-09-19", [s5, s8, s9, q1], lambda d: [
        _phase(d, s5, WMP, "scan", "2024-09-18"),
        _event(d, s8, "recommendation", WMP, subject_kind="recommendation", count_total=5,
               count_closed=4, count_open=1, event_date="2024-09-18", date_precision="day"),
        _event(d, s9, "recommendation", WMP, subject_kind="recommendation",
               subject="call handling", status="open"),
        _event(d, q1, "statement", WMP, person_name="Craig Guildford",
               person_role="chief_constable", person_org="West Midlands Police",
               quote="This is a good day for the force."),
    ])
    s10 = "Two of the three causes of concern have been closed, inspectors wrote."
    s11 = "The cause of concern about investigations has now been closed."
    add("wmp-revisit-letter", "2024-04-10", [s10], lambda d: [
        _event(d, s10, "recommendation", WMP, subject_kind="cause_of_concern", count_total=3,
               count_closed=2, count_open=1),
    ], web=False)
    add("wmp-final-letter", "2024-10-15", [s11], lambda d: [
        _event(d, s11, "recommendation", WMP, subject_kind="cause_of_concern",
               subject="Investigations", status="closed"),
    ], web=False)
    # The Met: in since June 2022, still in; a later story's year-only mention is the same state.
    s12 = "The Metropolitan Police Service was placed into Engage on 28 June 2022."
    s13 = "The Met has been in special measures since 2022 and remained there in 2025."
    q2 = 'Sir Mark Rowley said: "We are not there yet."'
    add("met-engage", "2022-06-28", [s12, q2], lambda d: [
        _phase(d, s12, MET, "engage", "2022-06-28"),
        _event(d, q2, "statement", MET, person_name="Mark Rowley", person_role="commissioner",
               person_org="Metropolitan Police Service", quote="We are not there yet."),
    ], web=False)
    add("met-update", "2025-03-01", [s13],
        lambda d: [_phase(d, s13, MET, "engage", "2025-01-01", "year")])
    # Cleveland: an exit with no entry in the data, then two real periods.
    s14 = "Cleveland Police left enhanced monitoring in 2018."
    s15 = "Cleveland Police was placed in special measures on 27 September 2019."
    s16 = "Cleveland Police was taken out of special measures in March 2021."
    s17 = "Cleveland Police was returned to Engage on 1 May 2022."
    s18 = "Cleveland Police exited Engage on 10 January 2023."
    add("cleveland-history", "2023-01-10", [s14, s15, s16, s17, s18], lambda d: [
        _phase(d, s14, CLE, "scan", "2018-01-01", "year"),
        _phase(d, s15, CLE, "engage", "2019-09-27"),
        _phase(d, s16, CLE, "scan", "2021-03-01", "month"),
        _phase(d, s17, CLE, "engage", "2022-05-01"),
        _phase(d, s18, CLE, "scan", "2023-01-10"),
    ])
    return writes


def build_tiny_db(db: Path) -> Path:
    with connect(db) as con, transaction(con):
        write_documents(con, tiny_writes())
    return db
