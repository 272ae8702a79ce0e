"""Score the product on the page set (eval/pages): web pages as their sites serve them.

The pages are ingested as the product ingests a folder of .html files, or, with --served,
fetched from a server on 127.0.0.1 behind an RSS feed as a site would serve them; the rows
are scored with the real set's own score.py (../shared/realdev), so the figures are
comparable with the text sets'.

    python3 benchmarks/score_pages.py . --ids eval/pages/check.ids [--served] [-v]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import socketserver
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "eval" / "pages"
SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "realdev"
MEASURES = ("phase_change", "statement", "tally", "force", "inspection", "quote", "item")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _serve(folder: Path) -> tuple[socketserver.ThreadingTCPServer, int]:
    server = socketserver.ThreadingTCPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def _ingest(root: Path, gold: list[dict], sources: dict, served: bool, tmp: Path
            ) -> tuple[Path, dict[str, str]]:
    """Ingest the pages; return the database and each stored address's page id."""
    db = tmp / "pages.duckdb"
    site = tmp / "site"
    (site / "pages").mkdir(parents=True)
    for doc in gold:
        name = Path(sources[doc["id"]]["file"]).name
        (site / "pages" / name).write_bytes((PAGES / sources[doc["id"]]["file"]).read_bytes())
    server = None
    if served:
        server, port = _serve(site)
        base = f"http://127.0.0.1:{port}/pages/"
        items = "".join(f"<item><title>{doc['id']}</title><link>{base}"
                        f"{Path(sources[doc['id']]['file']).name}</link><guid>{doc['id']}</guid>"
                        "</item>" for doc in gold)
        (site / "feed.xml").write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Pages'
            f"</title><link>http://127.0.0.1:{port}/</link>{items}</channel></rss>")
        target = f"http://127.0.0.1:{port}/feed.xml"
    else:
        base, target = str(site / "pages") + "/", str(site / "pages")
    python = root / ".venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pipeline", "ingest", "--source", target, "--db", str(db)],
                   cwd=root, capture_output=True, text=True, timeout=900)
    if server is not None:
        server.shutdown()
    aliases = {base + Path(sources[d["id"]]["file"]).name: d["id"] for d in gold}
    return db, aliases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--ids", type=Path, help="a file of page ids (default: every page)")
    parser.add_argument("--served", action="store_true", help="fetch the pages over HTTP")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not (SCORER / "score.py").exists():
        sys.exit(f"the real set's scorer is not at {SCORER}: the page set is scored with it")
    sys.path.insert(0, str(SCORER))
    import score  # the real set's own matching

    gold = [json.loads(line) for line in (PAGES / "gold.jsonl").read_text().splitlines()
            if line.strip()]
    if args.ids:
        wanted = set(args.ids.read_text().split())
        gold = [doc for doc in gold if doc["id"] in wanted]
    sources = {s["id"]: s for s in map(json.loads, (PAGES / "sources.jsonl").read_text()
                                       .splitlines()) if s}
    root = args.project.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        db, aliases = _ingest(root, gold, sources, args.served, Path(tmp))
        rows = score.read_rows(root, db)
    by_id: dict[str | None, list[dict]] = defaultdict(list)
    urls = {doc["url"]: doc["id"] for doc in gold}
    for row in rows:
        by_id[urls.get(row.get("url")) or aliases.get(row.get("url"))].append(row)
    counts = {k: [0, 0, 0] for k in MEASURES}
    misses: list[str] = []
    for doc in gold:
        found = by_id.get(doc["id"], [])
        wanted_keys, got = score.gold_keys(doc), score.predicted_keys(found, doc)
        for key in set(wanted_keys) | set(got):
            if key in counts:
                counts[key][0] += len(wanted_keys[key] & got[key])
                counts[key][1] += len(got[key] - wanted_keys[key])
                counts[key][2] += len(wanted_keys[key] - got[key])
            missed, extra = wanted_keys[key] - got[key], got[key] - wanted_keys[key]
            misses += [f"{doc['id']} miss {key} {x}" for x in map(str, missed)]
            misses += [f"{doc['id']} extra {key} {x}" for x in map(str, extra)]
        for key, (tp, fp, fn, notes) in score.fuzzy_scores(doc, found).items():
            counts[key] = [counts[key][0] + tp, counts[key][1] + fp, counts[key][2] + fn]
            misses += [f"{doc['id']} {note}" for note in notes]
    for key, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{key:13s} P={precision:.3f} R={recall:.3f} F1={f1:.3f} (tp {tp}, fp {fp}, fn {fn})")
    print(f"pages stored: {len({r.get('url') for r in rows})} with events, of {len(gold)}")
    if args.verbose:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
