"""A static HTML report: who is in Engage now, a timeline of Engage periods and entries per
force, and each force's entries with their evidence.

`write_report(db, out)` writes `out/index.html` and, for every document an entry links to,
`out/documents/<doc_id>.html` with the evidence marked. No server, no external assets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.report.data import ReportError, read_report_data
from pipeline.report.documents import render_document
from pipeline.report.timeline import render_index


@dataclass
class ReportSummary:
    index: Path
    forces: int
    periods: int
    entries: int
    events: int
    document_pages: int
    in_engage: int


def write_report(db: Path, out: Path, today: date | None = None) -> ReportSummary:
    data = read_report_data(db)
    today = today or date.today()
    pages = out / "documents"
    pages.mkdir(parents=True, exist_ok=True)
    for document in data.documents.values():
        (pages / f"{document.doc_id}.html").write_text(render_document(document),
                                                       encoding="utf-8")
    index = out / "index.html"
    index.write_text(render_index(data, today), encoding="utf-8")
    return ReportSummary(index, len(data.forces), sum(len(f.periods) for f in data.forces),
                         sum(len(f.entries) for f in data.forces), data.event_count,
                         len(data.documents), len(data.now))


__all__ = ["ReportError", "ReportSummary", "write_report"]
