"""Databases written event by event, for tests of what the views make of known rows.

Each test says which documents exist and which events a reader would take from them, then
reads the views; nothing here goes through extraction, so the tests pin the views alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.models import Document, Event
from pipeline.store import DocumentWrite, connect, transaction, write_documents


@dataclass
class Page:
    """One document under construction; its sentences are added as its events are."""

    slug: str
    published: str | None
    sentences: list[str] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"https://news.example.test/{self.slug}"

    def _add(self, sentence: str, **fields) -> Page:
        if sentence not in self.sentences:
            self.sentences.append(sentence)
        self.events.append({"evidence": sentence, **fields})
        return self

    def item(self, sentence: str, force_id: str, kind: str, subject: str,
             status: str | None, when: str | None = None) -> Page:
        return self._add(sentence, event_type="recommendation", force_id=force_id,
                         subject_kind=kind, subject=subject, status=status, event_date=when)

    def tally(self, sentence: str, force_id: str, kind: str, total: int | None,
              closed: int | None, open_: int | None, when: str | None = None) -> Page:
        return self._add(sentence, event_type="recommendation", force_id=force_id,
                         subject_kind=kind, count_total=total, count_closed=closed,
                         count_open=open_, event_date=when)

    def move(self, sentence: str, force_id: str, to: str, when: str | None,
             precision: str = "day") -> Page:
        return self._add(sentence, event_type="phase_change", force_id=force_id,
                         phase_from="engage" if to == "scan" else "scan", phase_to=to,
                         event_date=when, date_precision=precision if when else None)

    def said(self, sentence: str, force_id: str | None, name: str, quote: str | None,
             role: str = "chief_constable") -> Page:
        return self._add(sentence, event_type="statement", force_id=force_id,
                         person_name=name, person_role=role, quote=quote)


class Builder:
    def __init__(self, names: dict[str, str] | None = None) -> None:
        self.pages: list[Page] = []
        self.names = names or {}

    def page(self, slug: str, published: str | None) -> Page:
        page = Page(slug, published)
        self.pages.append(page)
        return page

    def _write(self, page: Page) -> DocumentWrite:
        text = "\n".join(page.sentences)
        document = Document(url=page.url, title=page.slug, text=text,
                            published_date=date.fromisoformat(page.published)
                            if page.published else None)
        events = []
        for raw in page.events:
            values = dict(raw)
            start = text.index(values["evidence"])
            when = values.pop("event_date", None)
            if when and "date_precision" not in values:
                values["date_precision"] = "day"
            event = Event(char_start=start, char_end=start + len(values["evidence"]),
                          event_date=date.fromisoformat(when) if when else None,
                          force=self.names.get(values.get("force_id")), **values)
            events.append(event.stamp(document.doc_id, "test-rules"))
        return DocumentWrite(document, events)

    def build(self, db: Path) -> Path:
        with connect(db) as con, transaction(con):
            write_documents(con, [self._write(page) for page in self.pages])
        return db


def rows(con, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
