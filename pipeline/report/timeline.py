"""The report's index page: one row per force, Engage periods as bars on a time axis,
every event a dot linked to its source, and the same events as a table per force.

Drawn as inline SVG computed here, so the page needs no script, no server and nothing from
the network: it opens from the file system as it is.
"""

from __future__ import annotations

from datetime import date
from html import escape

from pipeline.report.data import EventRow, ForceRow, ReportData, is_web_url
from pipeline.report.documents import document_href
from pipeline.report.style import ENGAGE_COLOUR, EVENT_COLOURS, INDEX_CSS

LABEL_WIDTH = 250
PLOT_WIDTH = 950
ROW_HEIGHT = 28
AXIS_HEIGHT = 26
BAR_HEIGHT = 16


def event_href(event: EventRow) -> str:
    """The document's own URL when it has one on the web, else its page in the report."""
    return event.url if is_web_url(event.url) else document_href(event.doc_id, event.event_id)


def describe(event: EventRow) -> str:
    """One line saying what the event is, for tooltips and the tables."""
    if event.event_type == "phase_change":
        return f"{event.phase_from or '?'} → {event.phase_to or '?'}"
    if event.event_type == "inspection":
        return "inspection"
    if event.event_type == "recommendation":
        kind = (event.subject_kind or "finding").replace("_", " ")
        if event.count_total is not None or event.count_closed is not None:
            closed, total, still = (
                "?" if n is None else n
                for n in (event.count_closed, event.count_total, event.count_open))
            return f"{closed} of {total} {kind}s closed ({still} open)"
        status = f" ({event.status})" if event.status else ""
        return f"{kind}{status}: {event.subject or ''}".strip()
    if event.event_type == "statement":
        role = (event.person_role or "").replace("_", " ")
        quote = f": “{event.quote}”" if event.quote else ""
        return f"{event.person_name or 'someone'} ({role}){quote}"
    return event.event_type


def _date_label(value: date | None, precision: str | None) -> str:
    if value is None:
        return "undated"
    if precision == "year":
        return f"{value:%Y}"
    if precision == "month":
        return f"{value:%b %Y}"
    return value.isoformat()


class Axis:
    """Dates to x positions over whole years, from the first event to today."""

    def __init__(self, dates: list[date], today: date) -> None:
        first = min(dates, default=today)
        last = max([*dates, today])
        self.start, self.end = date(first.year, 1, 1), date(last.year + 1, 1, 1)

    def x(self, value: date) -> float:
        span = (self.end - self.start).days
        return round(LABEL_WIDTH + (value - self.start).days / span * PLOT_WIDTH, 1)

    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))


def _svg(forces: list[ForceRow], axis: Axis, today: date) -> str:
    height = AXIS_HEIGHT + ROW_HEIGHT * len(forces) + 4
    out = [f'<svg id="timeline" xmlns="http://www.w3.org/2000/svg" '
           f'width="{LABEL_WIDTH + PLOT_WIDTH + 20}" height="{height}" role="img" '
           f'aria-label="Engage periods and events by force">',
           '<defs><linearGradient id="open-ended"><stop offset="80%" '
           f'stop-color="{ENGAGE_COLOUR}"/><stop offset="100%" stop-color="{ENGAGE_COLOUR}" '
           'stop-opacity="0.25"/></linearGradient></defs>',
           '<g class="axis">']
    for year in axis.years():
        x = axis.x(date(year, 1, 1))
        label = f'<text x="{x + 3}" y="{AXIS_HEIGHT - 10}">{year}</text>' if (
            year < axis.end.year) else ""  # the last line closes the axis; no year follows
        out.append(f'<g class="year"><line x1="{x}" y1="{AXIS_HEIGHT - 6}" x2="{x}" '
                   f'y2="{height}"/>{label}</g>')
    out.append("</g><g class=\"rows\">")
    for index, force in enumerate(forces):
        top = AXIS_HEIGHT + index * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2
        out.append(f'<g class="force-row" data-force-id="{escape(force.force_id)}">'
                   f'<rect class="band" x="0" y="{top}" width="{LABEL_WIDTH + PLOT_WIDTH}" '
                   f'height="{ROW_HEIGHT}"/>'
                   f'<a href="#force-{escape(force.force_id)}"><text class="force-name" x="4" '
                   f'y="{middle + 4}">{escape(force.force)}</text></a>')
        for period in force.periods:
            x1 = axis.x(period.entered)
            x2 = axis.x(period.exited or today)
            label = (f"Engage from {_date_label(period.entered, period.entered_precision)} to "
                     + (_date_label(period.exited, period.exited_precision)
                        + f" ({period.days} days)" if period.exited else "today (still in)"))
            out.append(f'<rect class="engage-bar{"" if period.exited else " open"}" '
                       f'data-entered="{period.entered}" data-exited="{period.exited or ""}" '
                       f'x="{x1}" y="{middle - BAR_HEIGHT / 2}" width="{max(x2 - x1, 2)}" '
                       f'height="{BAR_HEIGHT}" rx="2"><title>{escape(label)}</title></rect>')
        for event in force.events:
            if event.when is None:
                continue
            title = (f"{_date_label(event.event_date, event.date_precision)} "
                     f"{event.event_type.replace('_', ' ')}: {describe(event)}")
            out.append(f'<a class="event-link" href="{escape(event_href(event))}">'
                       f'<circle class="event {event.event_type}" cx="{axis.x(event.when)}" '
                       f'cy="{middle}" r="4" fill="{EVENT_COLOURS.get(event.event_type, "#555")}"'
                       f'><title>{escape(title)}</title></circle></a>')
        out.append("</g>")
    out.append("</g></svg>")
    return "\n".join(out)


def _tables(forces: list[ForceRow]) -> str:
    out = []
    for force in forces:
        periods = "; ".join(
            f"{_date_label(p.entered, p.entered_precision)} to "
            + (_date_label(p.exited, p.exited_precision) if p.exited else "today")
            for p in force.periods) or "none in these documents"
        rows = "".join(
            f'<tr class="event-row"><td class="date">'
            f"{_date_label(e.event_date, e.date_precision)}</td>"
            f'<td class="type">{e.event_type.replace("_", " ")}</td>'
            f"<td>{escape(describe(e))}</td>"
            f'<td><a class="source" href="{escape(event_href(e))}" '
            f'title="{escape(e.evidence)}">source</a></td></tr>'
            for e in force.events)
        out.append(f'<section class="force" id="force-{escape(force.force_id)}">'
                   f"<h3>{escape(force.force)}</h3><p>Engage: {escape(periods)}</p>"
                   f'<table class="events"><tr><th>date</th><th>type</th><th>what</th>'
                   f"<th></th></tr>{rows}</table></section>")
    return "\n".join(out)


def render_index(data: ReportData, today: date) -> str:
    dates = [d for f in data.forces for d in [*(e.when for e in f.events),
                                              *(p.entered for p in f.periods)] if d]
    axis = Axis(dates, today)
    events = sum(len(f.events) for f in data.forces)
    legend = "".join(f'<span><i style="background:{colour}"></i>{kind.replace("_", " ")}'
                     f"</span>" for kind, colour in EVENT_COLOURS.items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Police oversight timeline</title><style>{INDEX_CSS}</style></head>
<body>
<h1>Police oversight timeline</h1>
<p class="meta">As of {today.isoformat()}: {len(data.forces)} forces, {events} events from
{data.document_count} documents. Bars are periods in Engage (HMICFRS enhanced monitoring);
a bar that fades out is still open. Dots are events; each links to its source.</p>
<p class="legend"><span><i class="bar"></i>Engage</span>{legend}</p>
{_svg(data.forces, axis, today)}
<h2>Events by force</h2>
{_tables(data.forces)}
</body></html>
"""
