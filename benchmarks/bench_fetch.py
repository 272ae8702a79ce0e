"""Fetch benchmark: 500 article pages across 20 local hosts, each with a per-host delay.

Not a test. It shows that politeness is per host, not global: the run should take about as
long as the busiest host needs (its requests x the delay), far below the serial sum.

    .venv/bin/python benchmarks/bench_fetch.py [--hosts 20] [--pages 500] [--delay 0.05]

The hosts are 20 local servers (one port each) in a child process, so the servers do not
compete with the crawler for this process's GIL.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fetch_server import FetchServer, Reply, fast_config  # noqa: E402

from pipeline.fetch import Source, fetch_sources  # noqa: E402
from pipeline.fetch.canonical import host_key  # noqa: E402

ARTICLE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {n}</title></head><body>"
    "<main><article><h1>Story {n} from host {h}</h1><p>The inspectorate published its findings "
    "on the force today. {pad}</p></article></main></body></html>"
)


def _serve(hosts: int, per_host: int, ports: mp.Queue, stop: mp.Event) -> None:
    servers = []
    for h in range(hosts):
        srv = FetchServer()
        items = "".join(
            f"<item><title>Story {n}</title><link>{srv.url('127.0.0.1', f'/news/{n}/')}</link>"
            "</item>"
            for n in range(per_host)
        )
        feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>h{h}</title>{items}"
        srv.add(
            "127.0.0.1",
            "/feed.xml",
            Reply((feed + "</channel></rss>").encode(), content_type="application/rss+xml"),
        )
        for n in range(per_host):
            body = ARTICLE.format(n=n, h=h, pad="Lorem ipsum dolor. " * 100).encode()
            srv.add("127.0.0.1", f"/news/{n}/", Reply(body))
        servers.append(srv)
    ports.put([s.port for s in servers])
    stop.wait()
    for srv in servers:
        srv.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--global-concurrency", type=int, default=8)
    args = parser.parse_args()
    per_host = args.pages // args.hosts

    ctx = mp.get_context("spawn")
    ports_q, stop = ctx.Queue(), ctx.Event()
    child = ctx.Process(target=_serve, args=(args.hosts, per_host, ports_q, stop), daemon=True)
    child.start()
    try:
        ports = ports_q.get(timeout=60)
        sources = [
            Source(
                f"host-{i}", "feed", f"http://127.0.0.1:{port}/feed.xml", (f"127.0.0.1:{port}",), {}
            )
            for i, port in enumerate(ports)
        ]
        config = fast_config(
            per_host_delay=args.delay,
            global_concurrency=args.global_concurrency,
            read_timeout=10.0,
            total_timeout=30.0,
        )
        started = time.perf_counter()
        report = fetch_sources(sources, run_id="bench", validators={}, config=config)
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        child.join(timeout=10)

    requests = Counter(host_key(r["url"]) for r in report.log_rows if r["attempt"] > 0)
    request_time = sum(r["elapsed_ms"] for r in report.log_rows) / 1000
    serial = sum(requests.values()) * args.delay + request_time
    busiest = max(requests.values()) * args.delay
    print(f"pages returned:        {len(report.pages)} (errors: {len(report.errors)})")
    print(
        f"requests:              {sum(requests.values())} over {len(requests)} hosts "
        f"(feed + robots.txt + articles), per-host delay {args.delay:g} s, "
        f"global concurrency {args.global_concurrency}"
    )
    print(f"elapsed:               {elapsed:.2f} s")
    print(f"serial sum:            {serial:.2f} s  (every request one after another, with delay)")
    print(f"busiest host's share:  {busiest:.2f} s  (lower bound: its requests x delay)")
    print(
        f"speed-up vs serial:    {serial / elapsed:.1f}x; "
        f"elapsed / lower bound: {elapsed / busiest:.2f}"
    )


if __name__ == "__main__":
    main()
