"""The report's index page: who is in Engage now, then one row per force with its Engage
periods as bars and every entry as a mark linked to its evidence, then each force's
entries as a list with the evidence printed (touch screens have no tooltips).

Plain HTML and CSS positioned in percent, computed here: the page needs no script, no
server and nothing from the network, and it reflows from a desktop to a phone.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from html import escape

from pipeline.events import REGISTRY
from pipeline.output import date_text, plural
from pipeline.report.data import Entry, ForceRow, InEngage, Report, ReportData, is_web_url
from pipeline.report.documents import document_href
from pipeline.report.style import ENGAGE_COLOUR, EVENT_COLOURS, INDEX_CSS

TYPE_NAMES = {t.name: t.label for t in REGISTRY.types}
TYPE_DESCRIPTIONS = {t.name: t.description for t in REGISTRY.types}
# On a narrow screen every other year label is hidden when there are more years than this.
MAX_NARROW_YEAR_LABELS = 8


def date_label(value: date | None, precision: str | None) -> str:
    return date_text(value, precision, missing="no date")


def period_end(value: date, precision: str | None) -> date:
    """The last day a month- or year-precision date can mean."""
    if precision == "year":
        return date(value.year, 12, 31)
    if precision == "month":
        return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return value


class Axis:
    """Dates to percentages of the track, over whole years from the first date to today."""

    def __init__(self, dates: list[date], today: date) -> None:
        first = min(dates, default=today)
        last = max([*dates, today])
        self.start, self.end = date(first.year, 1, 1), date(last.year + 1, 1, 1)

    def x(self, value: date) -> float:
        return round((value - self.start).days / (self.end - self.start).days * 100, 3)

    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year))


def report_href(report: Report) -> str:
    """The stored copy of the document, scrolled to the evidence and marked."""
    return document_href(report.doc_id, report.event_id)


def _title(entry: Entry) -> str:
    where = date_label(entry.when, entry.precision)
    if not entry.dated:
        where += " (published; the text gives no date)"
    count = f" · {plural(entry.count, 'report')}" if entry.count > 1 else ""
    return f"{where} · {TYPE_NAMES[entry.kind]}: {entry.what}{count}"


def _mark(entry: Entry, axis: Axis) -> str:
    if entry.when is None or not entry.reports:
        return ""
    classes = ["mark", entry.kind]
    style = f"left:{axis.x(entry.when)}%"
    if entry.precision in ("month", "year"):
        classes.append("span")
        end = period_end(entry.when, entry.precision) + timedelta(days=1)
        style += f";width:{round(axis.x(end) - axis.x(entry.when), 3)}%"
    if not entry.dated:
        classes.append("undated")
    if entry.state:
        classes.append(entry.state.split()[0])
    count = (f'<span class="count">{entry.count}</span>'
             if entry.kind == "phase_change" and entry.count > 1 else "")
    title = escape(_title(entry))
    return (f'<a class="{" ".join(classes)}" style="{style}" '
            f'href="{escape(report_href(entry.reports[0]))}" title="{title}" '
            f'aria-label="{title}" data-reports="{entry.count}">{count}</a>')


def _bars(force: ForceRow, axis: Axis, today: date) -> str:
    out = []
    for period in force.periods:
        start, end = axis.x(period.entered), axis.x(period.exited or today)
        label = (f"Engage from {date_label(period.entered, period.entered_precision)} to "
                 + (f"{date_label(period.exited, period.exited_precision)} "
                    f"({plural(period.days or 0, 'day')})" if period.exited
                    else "today (still in)"))
        out.append(f'<span class="engage-bar{"" if period.exited else " open"}" '
                   f'data-entered="{period.entered}" data-exited="{period.exited or ""}" '
                   f'style="left:{start}%;width:{round(max(end - start, 0.2), 3)}%" '
                   f'title="{escape(label)}"></span>')
    return "".join(out)


def _years(axis: Axis, labels: bool) -> str:
    years = axis.years()
    out = []
    for index, year in enumerate(years):
        x = axis.x(date(year, 1, 1))
        out.append(f'<span class="year" style="left:{x}%"></span>')
        if labels:
            minor = " minor" if len(years) > MAX_NARROW_YEAR_LABELS and index % 2 else ""
            out.append(f'<span class="year-label{minor}" style="left:{x}%">{year}</span>')
    return "".join(out)


def _timeline(forces: list[ForceRow], axis: Axis, today: date) -> str:
    rows = [f'<div class="row axis"><span class="name"></span><div class="track">'
            f"{_years(axis, True)}</div></div>"]
    for force in forces:
        marks = "".join(_mark(e, axis) for e in force.entries)
        rows.append(f'<div class="row force-row" data-force-id="{escape(force.force_id)}">'
                    f'<a class="name" href="#force-{escape(force.force_id)}">'
                    f"{escape(force.force)}</a><div class=\"track\">{_years(axis, False)}"
                    f"{_bars(force, axis, today)}{marks}</div></div>")
    return (f'<div class="timeline" role="img" aria-label="Engage periods and events by '
            f'force">{"".join(rows)}</div>')


def _links(entry: Entry) -> str:
    """The first report's marked copy and original; the others behind a disclosure."""
    def one(report: Report) -> str:
        name = escape(report.title or report.url)
        published = f", {report.published_date}" if report.published_date else ""
        original = (f' · <a class="original" href="{escape(report.url)}">original</a>'
                    if is_web_url(report.url) else "")
        return (f'<a class="source" href="{escape(report_href(report))}">{name}</a>'
                f"{published}{original}")

    if not entry.reports:
        return ""
    first = f"source: {one(entry.reports[0])}"
    if len(entry.reports) == 1:
        return first
    others = "".join(f"<li>{one(r)}</li>" for r in entry.reports[1:])
    return (f"{first} <details><summary>{plural(len(entry.reports) - 1, 'more report')}"
            f"</summary><ul>{others}</ul></details>")


def _entry(entry: Entry) -> str:
    when = escape(date_label(entry.when, entry.precision))
    note = ("" if entry.dated or entry.when is None else
            ' <span class="undated-note">published; no date in the text</span>')
    reports = (f'<span class="reports">{plural(entry.count, "report")}</span>'
               if entry.count > 1 else "")
    event_ids = " ".join(r.event_id for r in entry.reports)
    return (f'<li class="entry {entry.kind}" data-event-ids="{escape(event_ids)}">'
            f'<div class="head"><span class="date">{when}{note}</span>'
            f'<span class="type">{TYPE_NAMES[entry.kind]}</span>'
            f'<span class="what">{escape(entry.what)}</span>{reports}</div>'
            f'<blockquote class="evidence">{escape(entry.evidence)}</blockquote>'
            f'<div class="links">{_links(entry)}</div></li>')


def _force(force: ForceRow) -> str:
    periods = "; ".join(
        f"{date_label(p.entered, p.entered_precision)} to "
        + (f"{date_label(p.exited, p.exited_precision)} ({plural(p.days or 0, 'day')})"
           if p.exited else "now")
        for p in force.periods) or "no period in these documents"
    disagree = "".join(f'<p class="disagree">Sources disagree: {escape(d)}</p>'
                       for d in force.disagreements)
    entries = "".join(_entry(e) for e in force.entries)
    return (f'<section class="force" id="force-{escape(force.force_id)}">'
            f"<h3>{escape(force.force)}</h3>"
            f'<p class="periods">In Engage: {escape(periods)}</p>{disagree}'
            f'<ol class="entries">{entries}</ol></section>')


def _now_force(item: InEngage, today: date) -> str:
    days = (today - item.since).days
    about = "" if item.precision == "day" else "about "
    causes = (f"{plural(len(item.open_causes), 'open cause', 'open causes')} of concern: "
              + "; ".join(escape(c) for c in item.open_causes) if item.open_causes
              else "no open cause of concern named in these documents")
    recs = (f'<p class="open-recommendations">'
            f"{plural(len(item.open_recommendations), 'open recommendation')}</p>"
            if item.open_recommendations else "")
    source = (f'<p class="links">source: <a class="source" href="'
              f'{escape(report_href(item.report))}">{escape(item.report.title or "")}</a></p>'
              if item.report else "")
    return (f'<li class="now-force" data-force-id="{escape(item.force_id)}">'
            f'<h3><a href="#force-{escape(item.force_id)}">{escape(item.force)}</a></h3>'
            f'<p class="since">In Engage since <strong>'
            f"{date_label(item.since, item.precision)}</strong>: "
            f'<span class="days">{about}{plural(days, "day")}</span> so far</p>'
            f'<p class="open-causes">{causes}</p>{recs}'
            f'<blockquote class="evidence">{escape(item.evidence)}</blockquote>{source}</li>')


def _now(now: list[InEngage], today: date) -> str:
    if not now:
        lead = "No force is in Engage according to these documents."
    else:
        lead = (f"{plural(len(now), 'force is', 'forces are')} in Engage (HMICFRS enhanced "
                f"monitoring, \u201cspecial measures\u201d) as of {today.isoformat()}.")
    items = "".join(_now_force(item, today) for item in now)
    return (f'<section class="now" id="now"><h2>Now in Engage</h2><p>{lead}</p>'
            f'<ul class="now-list">{items}</ul></section>')


def _legend() -> str:
    marks = "".join(f'<li title="{escape(TYPE_DESCRIPTIONS[k])}"><i style="background:{c};'
                    f'border-color:{c}"></i>{TYPE_NAMES[k]}</li>'
                    for k, c in EVENT_COLOURS.items())
    grey = "#555"
    return (f'<ul class="legend"><li><i class="bar"></i>in Engage</li>{marks}'
            f'<li><i style="background:#fff;border-color:{grey}"></i>no date in the text: '
            "shown at publication</li>"
            f'<li><i class="span" style="background:{grey};border-color:{grey}"></i>'
            "a month or a year</li></ul>")


def render_index(data: ReportData, today: date) -> str:
    dates = [d for f in data.forces for d in [*(e.when for e in f.entries),
                                              *(p.entered for p in f.periods)] if d]
    axis = Axis(dates, today)
    entries = sum(len(f.entries) for f in data.forces)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Police oversight timeline</title><style>{INDEX_CSS}</style></head>
<body>
<h1>Police oversight timeline</h1>
<p class="meta">As of {today.isoformat()}: {plural(len(data.forces), 'force')},
{plural(entries, 'entry', 'entries')} from {plural(data.event_count, 'event')} in
{plural(data.document_count, 'document')}. A move, an item or a quote reported by several
documents is one entry; every entry links to a copy of its document with the evidence
marked.</p>
{_now(data.now, today)}
<h2>Timeline</h2>
{_legend()}
{_timeline(data.forces, axis, today)}
<h2>By force</h2>
{"".join(_force(f) for f in data.forces)}
</body></html>
"""


__all__ = ["ENGAGE_COLOUR", "render_index"]
