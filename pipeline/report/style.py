"""The report's CSS and colours, inline in every page: the pages load nothing from outside."""

ENGAGE_COLOUR = "#c0392b"
EVENT_COLOURS = {
    "phase_change": "#1f3a93",
    "inspection": "#16a085",
    "recommendation": "#d68910",
    "statement": "#7d3c98",
}

INDEX_CSS = f"""
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }}
h1 {{ margin: 0 0 .2em; }}
.meta {{ color: #555; margin: 0 0 1em; }}
.legend span {{ display: inline-block; margin-right: 1.2em; }}
.legend i {{ display: inline-block; width: 12px; height: 12px; margin-right: .3em;
            vertical-align: -1px; border-radius: 6px; }}
.legend i.bar {{ width: 22px; border-radius: 2px; background: {ENGAGE_COLOUR}; }}
svg#timeline {{ display: block; margin: 1em 0 2em; }}
svg text {{ font: 12px system-ui, sans-serif; fill: #222; }}
svg .year line {{ stroke: #ddd; }}
svg .year text {{ fill: #777; }}
svg .force-row:nth-child(even) .band {{ fill: #f6f6f6; }}
svg .force-row .band {{ fill: transparent; }}
svg .engage-bar {{ fill: {ENGAGE_COLOUR}; }}
svg .engage-bar.open {{ fill: url(#open-ended); }}
svg a.event-link circle {{ stroke: #fff; stroke-width: 1; }}
svg a.event-link:hover circle {{ stroke: #000; }}
section.force {{ margin: 1.5em 0; }}
section.force h3 {{ margin: 0 0 .3em; }}
table.events {{ border-collapse: collapse; width: 100%; max-width: 1200px; }}
table.events td, table.events th {{ text-align: left; padding: 2px 8px 2px 0;
                                    vertical-align: top; border-bottom: 1px solid #eee; }}
table.events td.date {{ white-space: nowrap; width: 7em; }}
table.events td.type {{ white-space: nowrap; width: 9em; }}
"""

DOCUMENT_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5em auto; max-width: 50em;
       color: #222; padding: 0 1em; }
.meta { color: #555; word-break: break-all; }
.text { white-space: pre-wrap; }
mark { background: #fdebd0; }
mark.current { background: #f9e79f; outline: 2px solid #d68910; }
"""
