"""Three hundred generated hostile documents through `ingest`, under a memory limit and a
time limit: the run finishes, stores every good document and names every bad one.

Good ones are hostile in form only (deep nesting, a huge line, odd encodings, odd but valid
YAML); bad ones cannot be used (random bytes, aliases in YAML, oversized front matter,
broken YAML, no text, lone surrogates, redirect stubs, undecodable bytes).
"""

from __future__ import annotations

import codecs
import random
import time

from tests.hostile import errors, rows, run_pipeline

DOCUMENTS = 300
MEMORY_LIMIT = 2 * 1024**3  # address space per process, workers included
TIME_LIMIT = 280  # seconds, for the whole run on a slow machine
FORCES = ("Dorset Police", "Kent Police", "Surrey Police", "Essex Police", "Gwent Police",
          "Durham Constabulary", "Cumbria Constabulary", "Lancashire Constabulary")
WORDS = ("force", "review", "county", "patrol", "officers", "public", "report", "progress",
         "inspection", "engage", "scan", "measures", "plan", "staff", "calls", "crime")


def _release(rng: random.Random, title: str) -> str:
    force = rng.choice(FORCES)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60)))
    return (f"{force} was moved into Engage on {rng.randint(1, 28)} May 2024.\n\n"
            f"The release about {title} adds: {words}.\n")


def _front(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\n{extra}---\n"


def _good(rng: random.Random, n: int) -> tuple[str, bytes, str]:
    """(file name, content, title) of a document that must be stored."""
    title = f"Good document {n}"
    kind = n % 6
    if kind == 0:
        return f"good-{n}.md", (_front(title) + _release(rng, title)).encode(), title
    if kind == 1:
        depth = rng.choice([10, 200, 2000])
        tag = rng.choice(["div", "section", "span", "li", "article"])
        body = _release(rng, title).replace("\n\n", "</p><p>")
        page = (f"<html><head><title>{title}</title></head><body><nav>menu</nav><main>"
                f"<p>{body}</p>" + f"<{tag}>" * depth + "<p>deep words</p>"
                + f"</{tag}>" * depth + "</main></body></html>")
        return f"good-{n}.html", page.encode(), title
    if kind == 2:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1_000, 4_000)))
        return f"good-{n}.txt", (_front(title) + _release(rng, title) + "\n" + line
                                 + "\n").encode(), title
    if kind == 3:
        text = _front(title) + _release(rng, title).replace("adds", "adds \u2018caf\u00e9\u2019")
        encoding = rng.choice(["utf-16-le", "utf-16-be", "utf-8-sig", "cp1252"])
        bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
        return f"good-{n}.txt", bom.get(encoding, b"") + text.encode(encoding), title
    if kind == 4:
        extra = "tags: [a, {b: [c, d]}]\nnotes:\n  deep: {x: {y: {z: 1}}}\npublished: 2024-05-01\n"
        return f"good-{n}.md", (_front(title, extra) + _release(rng, title)).encode(), title
    return f"good-{n}.html", (
        f"<html><head><title>{title}</title><meta http-equiv=refresh content=300></head>"
        f"<body><article><p>{_release(rng, title)}</p></article></body></html>").encode(), title


def _aliases(rng: random.Random) -> str:
    depth = rng.randint(1, 9)
    lines = ["a0: &a0 [lol, lol, lol]"]
    for level in range(1, depth):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + f"\ntitle: *a{depth - 1}\n---\nBody.\n"


def _bad(rng: random.Random, n: int) -> tuple[str, bytes, str]:
    """(file name, content, words of the reason) of a document that must be refused."""
    kind = n % 9
    if kind == 0:
        size = rng.randint(100, 20_000)
        data = bytearray(rng.randbytes(size))
        data[rng.randrange(size)] = 0
        return f"bad-{n}.txt", bytes(data), "binary file, not text"
    if kind == 1:
        return f"bad-{n}.md", _aliases(rng).encode(), "YAML alias"
    if kind == 2:
        return f"bad-{n}.md", rng.choice([b"", b"  \n\t\n"]), "empty file"
    if kind == 3:
        return f"bad-{n}.md", ("---\nnotes: " + "x" * 70_000 + "\n---\nBody.\n").encode(), (
            "front matter too large")
    if kind == 4:
        return f"bad-{n}.md", b"---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML"
    if kind == 5:
        return f"bad-{n}.html", b"<html><body><nav>menu</nav><script>x()</script></body></html>", (
            "no body text")
    if kind == 6:
        return f"bad-{n}.md", b'---\ntitle: "bad \\uD800 title"\n---\nBody text.\n', (
            "not valid Unicode")
    if kind == 7:
        return f"bad-{n}.html", (b'<html><head><meta http-equiv="refresh" content="0;url=/x">'
                                 b"</head><body><p>Moved.</p></body></html>"), "redirect stub"
    return f"bad-{n}.txt", b"Caf\x81 \x8d\x8f\x90\x9d text\n", "neither UTF-8 nor Windows-1252"


def test_hostile_documents_under_memory_and_time_limits(tmp_path):
    rng = random.Random(20240501)
    folder = tmp_path / "fuzz"
    folder.mkdir()
    good, bad = {}, {}
    for n in range(DOCUMENTS):
        if n % 2:
            name, content, reason = _bad(rng, n)
            bad[name] = reason
        else:
            name, content, title = _good(rng, n)
            good[name] = title
        (folder / name).write_bytes(content)
    db = tmp_path / "events.duckdb"
    started = time.monotonic()
    result = run_pipeline("ingest", "--source", str(folder), "--db", str(db), "--workers",
                          "2", timeout=TIME_LIMIT + 60, address_space=MEMORY_LIMIT)
    assert time.monotonic() - started < TIME_LIMIT
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = errors(result)
    assert len(lines) == len(result.stderr.splitlines()) == len(bad)
    named = {line.split(": ", 2)[1].rsplit("/", 1)[-1]: line for line in lines}
    assert set(named) == set(bad)
    for name, reason in bad.items():
        assert reason in named[name], named[name]
    stored = {title for (title,) in rows(db, "SELECT title FROM documents")}
    assert stored == set(good.values())
    assert f"{len(good)} new" in result.stdout and f"{len(bad)} failed" in result.stdout
