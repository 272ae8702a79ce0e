"""The report's CSS and colours, inline in every page: the pages load nothing from outside.

One layout for every width: the timeline is HTML positioned in percent of its track, so it
shrinks with the window; under NARROW_PX the force names go above their track and the
lists stack, so a phone (420 px) scrolls down, never sideways. Each event type's marks take
the colour it is registered with (pipeline/events/registry.py).
"""

from pipeline.events import REGISTRY

ENGAGE_COLOUR = "#c0392b"
EVENT_COLOURS = {t.name: t.colour for t in REGISTRY.types}
NARROW_PX = 700

_MARKS = "\n".join(
    f".mark.{kind} {{ background: {colour}; border-color: {colour}; }}\n"
    f".mark.{kind}.undated {{ background: #fff; }}\n"
    f".entry.{kind} {{ border-left-color: {colour}; }}"
    for kind, colour in EVENT_COLOURS.items())

INDEX_CSS = f"""
* {{ box-sizing: border-box; }}
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 1em 1.2em 3em;
        max-width: 1400px; color: #222; }}
h1 {{ margin: 0 0 .2em; font-size: 1.7em; }}
h2 {{ margin: 1.4em 0 .4em; }}
a {{ color: #1f4e9a; }}
.meta {{ color: #555; margin: 0 0 1em; max-width: 60em; }}
blockquote.evidence {{ margin: .3em 0; padding: .2em .7em; border-left: 3px solid #ccc;
                       color: #333; background: #fafafa; overflow-wrap: anywhere; }}
.now {{ border: 2px solid {ENGAGE_COLOUR}; border-radius: 6px; padding: .6em 1em 1em;
        margin: 1em 0 1.5em; }}
.now h2 {{ margin: .2em 0 .3em; color: {ENGAGE_COLOUR}; }}
.now-list {{ list-style: none; margin: 0; padding: 0; display: grid; gap: .8em 1.5em;
             grid-template-columns: repeat(auto-fill, minmax(min(100%, 24em), 1fr)); }}
.now-force h3 {{ margin: .3em 0 .1em; font-size: 1.1em; }}
.now-force p {{ margin: .15em 0; }}
.days {{ font-weight: 600; }}
.legend {{ display: flex; flex-wrap: wrap; gap: .3em 1.2em; margin: .5em 0; padding: 0;
           list-style: none; font-size: .9em; }}
.legend i {{ display: inline-block; width: 11px; height: 11px; margin-right: .35em;
             border-radius: 6px; vertical-align: -1px; border: 2px solid; }}
.legend i.bar {{ width: 22px; border-radius: 2px; background: {ENGAGE_COLOUR};
                 border-color: {ENGAGE_COLOUR}; }}
.legend i.span {{ width: 22px; opacity: .55; }}
.timeline {{ margin: .5em 0 2em; }}
.row {{ display: grid; grid-template-columns: 15em minmax(0, 1fr); align-items: center; }}
.row:nth-child(even) {{ background: #f6f6f6; }}
.row .name {{ padding: 0 .5em 0 .3em; font-size: .85em; white-space: nowrap;
              overflow: hidden; text-overflow: ellipsis; }}
.track {{ position: relative; height: 26px; margin-right: 10px; }}
.axis .track {{ height: 20px; }}
.year {{ position: absolute; top: 0; bottom: 0; border-left: 1px solid #ddd; }}
.year-label {{ position: absolute; top: 2px; font-size: 11px; color: #777;
               padding-left: 3px; }}
.engage-bar {{ position: absolute; top: 6px; height: 14px; border-radius: 2px;
               background: {ENGAGE_COLOUR}; min-width: 2px; }}
.engage-bar.open {{ background: linear-gradient(to right, {ENGAGE_COLOUR} 80%,
                                                 {ENGAGE_COLOUR}44); }}
.mark {{ position: absolute; top: 8px; width: 10px; height: 10px; margin-left: -5px;
         border-radius: 5px; border: 2px solid; display: block; }}
.mark.span {{ margin-left: 0; top: 10px; height: 6px; border-radius: 3px; opacity: .6;
              border-width: 1px; min-width: 6px; }}
.mark .count {{ position: absolute; top: -11px; left: 7px; font-size: 9px; color: #222;
                background: #fffc; border-radius: 3px; padding: 0 1px; }}
.mark:hover, .mark:focus {{ outline: 2px solid #000; z-index: 2; }}
{_MARKS}
section.force {{ margin: 1.8em 0; }}
section.force h3 {{ margin: 0 0 .2em; font-size: 1.2em; }}
.periods, .disagree {{ margin: .2em 0; }}
.disagree {{ color: #7a4a00; }}
ol.entries {{ list-style: none; margin: .5em 0; padding: 0; }}
.entry {{ border-left: 4px solid #999; padding: .3em .8em; margin: .5em 0;
          background: #fff; }}
.entry .head {{ display: flex; flex-wrap: wrap; gap: 0 .8em; align-items: baseline; }}
.entry .date {{ font-variant-numeric: tabular-nums; font-weight: 600; }}
.entry .type {{ color: #666; font-size: .85em; }}
.entry .what {{ flex: 1 1 20em; }}
.entry .reports {{ color: #444; font-size: .9em; }}
.entry .links {{ font-size: .85em; color: #555; overflow-wrap: anywhere; }}
.entry .links details {{ display: inline; }}
.entry .links ul {{ margin: .2em 0; padding-left: 1.2em; }}
.undated-note {{ color: #777; font-weight: normal; font-size: .85em; }}
@media (max-width: {NARROW_PX}px) {{
  body {{ padding: .6em .7em 2em; font-size: 14px; }}
  h1 {{ font-size: 1.4em; }}
  .row {{ grid-template-columns: minmax(0, 1fr); }}
  .row .name {{ padding-top: 3px; }}
  .axis .name {{ display: none; }}
  .year-label.minor {{ display: none; }}
}}
"""

DOCUMENT_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5em auto; max-width: 50em;
       color: #222; padding: 0 1em; }
.meta { color: #555; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: #fdebd0; }
mark.current { background: #f9e79f; outline: 2px solid #d68910; }
"""
