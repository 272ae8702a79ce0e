"""The HTML report, rendered by headless Chromium: rows, bars and source links are drawn."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import lxml.html
import pytest

from pipeline.report.style import ENGAGE_COLOUR
from tests.conftest import run_cli
from tests.tiny_db import CLE, MET, WMP, build_tiny_db

CHROMIUM = next((found for name in (os.environ.get("CHROMIUM", ""), "chromium",
                                    "chromium-browser", "google-chrome", "google-chrome-stable")
                 if name and (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not found (install the chromium package or set "
    "CHROMIUM=/path/to/chrome); .ci/run installs it")


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
         f"--user-data-dir={tmp_path / 'chromium-profile'}", *args, url],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytes(
        width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (
            stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)
                           ) & 255
        rows.append(bytes(line))
        previous = line
    return width, channels, rows


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    db = build_tiny_db(root / "events.duckdb")
    result = run_cli("report", "--out", str(root / "out"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "3 forces, 4 Engage periods" in result.stdout
    return root, root / "out"


def test_rows_bars_and_links_in_the_rendered_dom(report):
    root, out = report
    dom = lxml.html.fromstring(chromium(root, (out / "index.html").as_uri(), "--dump-dom"))
    rows = dom.xpath('//*[@class="force-row"]')
    assert [r.get("data-force-id") for r in rows] == [CLE, MET, WMP]
    bars = {r.get("data-force-id"): r.xpath('.//*[contains(@class, "engage-bar")]')
            for r in rows}
    assert [len(bars[f]) for f in (CLE, MET, WMP)] == [2, 1, 1]
    assert [b.get("data-entered") for b in bars[CLE]] == ["2019-09-27", "2022-05-01"]
    assert float(bars[CLE][0].get("x")) < float(bars[CLE][1].get("x"))
    assert "open" in bars[MET][0].get("class") and "open" not in bars[WMP][0].get("class")
    links = [a.get("href") for a in dom.xpath('//*[contains(@class, "event-link")]')]
    assert "https://news.example.test/wmp-exit" in links
    local = [h for h in links if h.startswith("documents/")]
    assert local and all((out / h.split("#")[0]).is_file() for h in local)
    assert len(dom.xpath('//tr[@class="event-row"]')) == len(links)


def test_local_document_page_marks_the_linked_evidence(report):
    root, out = report
    evidence = "Two of the three causes of concern have been closed, inspectors wrote."
    index = lxml.html.fromstring((out / "index.html").read_text(encoding="utf-8"))
    [href] = index.xpath(f'//a[@class="source"][@title="{evidence}"]/@href')
    page, anchor = href.split("#")
    assert page.startswith("documents/")  # a local file: no web address to link to
    dom = lxml.html.fromstring(chromium(root, f"{(out / page).as_uri()}#{anchor}",
                                        "--dump-dom"))
    current = dom.xpath('//mark[contains(@class, "current")]')  # set by the page's script
    assert [m.text_content() for m in current] == [evidence]
    assert dom.xpath(f'//*[@id="{anchor}"]')


def test_bars_are_painted(report):
    root, out = report
    shot = root / "shot.png"
    chromium(root, (out / "index.html").as_uri(), f"--screenshot={shot}",
             "--window-size=1250,400")
    width, channels, rows = read_png(shot)
    red = tuple(int(ENGAGE_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
    lines = [y for y, row in enumerate(rows)
             if sum(1 for x in range(0, width * channels, channels)
                    if all(abs(row[x + k] - red[k]) < 8 for k in range(3))) > 40]
    bands = [y for i, y in enumerate(lines) if i == 0 or y - lines[i - 1] > 1]
    assert len(bands) == 3  # one band of bar pixels per force row
