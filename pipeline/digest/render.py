"""A digest as plain text lines (the terminal, cron.log) and as an Atom feed (a newsroom's
feed reader: one entry per run that changed something, the newest first)."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from pipeline.digest.changes import SECTIONS, Digest, RunInfo
from pipeline.output import plural

# Entries in the feed: the last runs' changes, enough for a reader that looks weekly at a
# daily job.
ATOM_ENTRIES = 20
FEED_NAMESPACE = uuid.UUID("5b0c6f1e-6d4a-4c61-9a55-0f2b3c6a7d10")


def _when(run: RunInfo) -> str:
    return f"{run.finished_at or run.started_at:%Y-%m-%d %H:%M} UTC"


def _span(digest: Digest) -> str:
    if digest.since is not None:
        since = f"since run {digest.since.run_id} ({_when(digest.since)})"
    elif digest.since_date is not None:
        since = f"since {digest.since_date.isoformat()} (no run before it: everything)"
    else:
        since = "since an empty database (no earlier run to compare with)"
    through = f", through run {digest.through.run_id}" if digest.through else ""
    return since + through


def headline(digest: Digest) -> str:
    """'2 phase moves, 1 item closed, 1 failure', or 'nothing new'."""
    parts = [plural(len(digest.section(s)), *_names(s)) for s in SECTIONS
             if digest.section(s)]
    if digest.failures:
        parts.append(plural(len(digest.failures), "failure"))
    return ", ".join(parts) or "nothing new"


def _names(section: str) -> tuple[str, str]:
    return {"phase moves": ("phase move", "phase moves"),
            "items opened": ("item opened", "items opened"),
            "items closed": ("item closed", "items closed"),
            "new statements": ("new statement", "new statements"),
            "disagreements": ("disagreement", "disagreements"),
            "no longer found": ("fact no longer found", "facts no longer found")}[section]


def digest_lines(digest: Digest) -> list[str]:
    """The digest as text: a heading line, then each section with its changes indented."""
    if digest.empty:
        return [f"digest {_span(digest)}: nothing new"]
    lines = [f"digest {_span(digest)}: {headline(digest)}"]
    for section in SECTIONS:
        changes = digest.section(section)
        if changes:
            lines.append(f"{section} ({len(changes)}):")
            lines.extend(f"  {c.text}" + (f" <{c.url}>" if c.url else "") for c in changes)
    if digest.failures:
        lines.append(f"failures ({len(digest.failures)}):")
        lines.extend(f"  run {run_id}: {line}" for run_id, line in digest.failures)
    return lines


def _rfc3339(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _link(text: str, url: str | None) -> str:
    if url and url.startswith(("http://", "https://")):
        return f"{escape(text)} (<a href={quoteattr(url)}>source</a>)"
    return escape(text + (f" ({url})" if url else ""))


def _entry(digest: Digest, feed_id: uuid.UUID) -> str:
    run = digest.through
    assert run is not None  # entries are made for runs
    html = []
    for section in SECTIONS:
        if digest.section(section):
            items = "".join(f"<li>{_link(c.text, c.url)}</li>" for c in digest.section(section))
            html.append(f"<h3>{escape(section)}</h3><ul>{items}</ul>")
    if digest.failures:
        items = "".join(f"<li>{escape(line)}</li>" for _run, line in digest.failures)
        html.append(f"<h3>failures</h3><ul>{items}</ul>")
    return (f"<entry><id>urn:uuid:{uuid.uuid5(feed_id, run.run_id)}</id>"
            f"<title>{escape(f'Run {run.run_id}: {headline(digest)}')}</title>"
            f"<updated>{_rfc3339(run.finished_at or run.started_at)}</updated>"
            f"<summary>{escape(_span(digest))}</summary>"
            f"<content type=\"html\">{escape(''.join(html))}</content></entry>")


def write_atom(digests: list[Digest], path: Path, db: Path) -> int:
    """Write the feed of these digests (runs that changed nothing are left out), atomically:
    a reader polling the file never sees half of it. Returns the number of entries."""
    feed_id = uuid.uuid5(FEED_NAMESPACE, str(db.resolve()))
    entries = [d for d in digests if not d.empty and d.through is not None][:ATOM_ENTRIES]
    updated = max((d.through.finished_at or d.through.started_at for d in entries
                   if d.through), default=datetime.now(UTC).replace(tzinfo=None))
    body = "".join(_entry(d, feed_id) for d in entries)
    xml = ('<?xml version="1.0" encoding="utf-8"?>\n'
           '<feed xmlns="http://www.w3.org/2005/Atom">'
           f"<id>urn:uuid:{feed_id}</id><title>Police oversight: what changed</title>"
           f"<subtitle>{escape(f'Changes per run in {db.name}')}</subtitle>"
           f"<updated>{_rfc3339(updated)}</updated>"
           "<author><name>oversight pipeline</name></author>"
           f'<generator>oversight</generator>{body}</feed>\n')
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_text(xml, encoding="utf-8")
    os.replace(partial, path)
    return len(entries)
