"""A stored document as a page of its own, with every evidence span marked.

The report carries the stored text of every document it links to, whether it came from a
local file (no address a browser can follow) or from the web (the page may have changed or
gone since): each entry's link lands on an anchor at its evidence, and the evidence is
highlighted with <mark> (the linked one more strongly, by a five-line script; without
scripts every evidence span is still marked). A web document's page links to the original.
"""

from __future__ import annotations

from html import escape

from pipeline.report.data import StoredDocument, is_web_url
from pipeline.report.style import DOCUMENT_CSS

SCRIPT = """
function showTarget() {
  document.querySelectorAll('mark.current').forEach(m => m.classList.remove('current'));
  const id = decodeURIComponent(location.hash.slice(1));
  if (id) document.querySelectorAll('mark').forEach(m => {
    if (m.dataset.events.split(' ').includes(id)) m.classList.add('current'); });
}
addEventListener('hashchange', showTarget); showTarget();
"""


def anchor(event_id: str) -> str:
    return f"ev-{event_id}"


def document_href(doc_id: str, event_id: str) -> str:
    """Link from the report's index page to one event's evidence."""
    return f"documents/{doc_id}.html#{anchor(event_id)}"


def marked_text(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The text as HTML: an anchor where each evidence starts, <mark> over covered text.

    Evidence spans may overlap (a statement's paragraph holds a phase change's sentence),
    so the text is cut at every span boundary and each piece lists the events covering it.
    """
    starts: dict[int, list[str]] = {}
    cuts = {0, len(text)}
    for start, end, event_id in spans:
        start, end = max(0, start), min(len(text), end)
        starts.setdefault(start, []).append(event_id)
        cuts.update((start, end))
    bounds = sorted(cuts)
    parts = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        parts.extend(f'<span class="anchor" id="{anchor(e)}"></span>'
                     for e in starts.get(left, []))
        piece = escape(text[left:right])
        covering = [e for s, t, e in spans if s <= left and right <= t]
        if covering:
            parts.append(f'<mark data-events="{" ".join(anchor(e) for e in covering)}">'
                         f"{piece}</mark>")
        else:
            parts.append(piece)
    return "".join(parts)


def render_document(document: StoredDocument) -> str:
    title = escape(document.title or document.url)
    published = document.published_date.isoformat() if document.published_date else "undated"
    where = (f'<a href="{escape(document.url)}">{escape(document.url)}</a>'
             if is_web_url(document.url) else escape(document.url))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{DOCUMENT_CSS}</style></head>
<body>
<p class="back"><a href="../index.html">← timeline</a></p>
<h1>{title}</h1>
<p class="meta">{where} · published {published} · the stored text, evidence marked</p>
<div class="text">{marked_text(document.text, document.spans)}</div>
<script>{SCRIPT}</script>
</body></html>
"""
