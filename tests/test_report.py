"""The HTML report, rendered by headless Chromium at desktop (1400 px) and phone (420 px)
widths: the "Now in Engage" summary, evidence printed on the page, one mark for a move that
four documents report, and a layout that never scrolls sideways."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from datetime import date
from html import escape
from pathlib import Path

import lxml.html
import pytest

from pipeline.report.style import ENGAGE_COLOUR
from pipeline.store import DocumentWrite, connect, transaction, write_documents
from tests.conftest import run_cli
from tests.tiny_db import CLE, MET, WMP, _doc, _event, build_tiny_db

CHROMIUM = next((found for name in (os.environ.get("CHROMIUM", ""), "chromium",
                                    "chromium-browser", "google-chrome", "google-chrome-stable")
                 if name and (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not found (install the chromium package or set "
    "CHROMIUM=/path/to/chrome); .ci/run installs it")
WIDTHS = (1400, 420)
BAND_GAP = 8  # px: less than the space between two rows' bars
MET_CONCERN = "The cause of concern about the force's vetting remains open, inspectors said."
WMP_ENTRY = "West Midlands Police was moved into Engage on 24 November 2023."

# Run in the page after layout: what a reader at this width would see.
MEASURE = """<script>
const box = el => el.getBoundingClientRect();
const shown = el => { const s = getComputedStyle(el), b = box(el);
  return s.display !== 'none' && s.visibility !== 'hidden' && b.width > 0 && b.height > 0; };
const now = document.querySelector('.now');
const evidence = [...document.querySelectorAll('blockquote.evidence')];
const firstRow = document.querySelector('.force-row');
parent.document.body.dataset.measure = JSON.stringify({
  width: innerWidth, height: innerHeight,
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  nowTop: box(now).top, nowShown: shown(now),
  evidenceShown: evidence.filter(shown).length, evidenceAll: evidence.length,
  evidenceRight: Math.max(...evidence.map(e => box(e).right)),
  nameBottom: box(firstRow.querySelector('.name')).bottom,
  nameRight: box(firstRow.querySelector('.name')).right,
  trackTop: box(firstRow.querySelector('.track')).top,
  trackLeft: box(firstRow.querySelector('.track')).left,
  trackWidth: box(firstRow.querySelector('.track')).width,
});
</script>"""


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
    """(width, channels, rows of RGB(A) bytes) of an 8-bit, non-interlaced PNG."""
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


def _with_open_concern(db: Path) -> Path:
    """The tiny database, plus an open cause of concern for the Met (in Engage now)."""
    document = _doc("met-vetting", "2024-05-02", [MET_CONCERN])
    event = _event(document, MET_CONCERN, "recommendation", MET,
                   subject_kind="cause_of_concern", subject="the force's vetting",
                   status="open")
    with connect(db) as con, transaction(con):
        write_documents(con, [DocumentWrite(document, [event])])
    return db


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    db = _with_open_concern(build_tiny_db(root / "events.duckdb"))
    result = run_cli("report", "--out", str(root / "out"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "3 forces (1 in Engage now), 4 Engage periods" in result.stdout
    return root, root / "out"


def _measured(root: Path, out: Path, width: int) -> tuple[dict, lxml.html.HtmlElement]:
    """The report in a frame exactly `width` px wide (a browser window has a minimum
    width of its own), measured by a script run inside it after layout."""
    index = (out / "index.html").read_text(encoding="utf-8")
    page = out / f"measure-{width}.html"
    page.write_text(f'<!DOCTYPE html><html><body style="margin:0">'
                    f'<iframe width="{width}" height="900" style="border:0" '
                    f'srcdoc="{escape(index.replace("</body>", MEASURE + "</body>"))}">'
                    "</iframe></body></html>", encoding="utf-8")
    outer = lxml.html.fromstring(chromium(root, page.as_uri(), "--dump-dom",
                                          f"--window-size={max(WIDTHS) + 100},1000"))
    return json.loads(outer.xpath("//body/@data-measure")[0]), lxml.html.fromstring(index)


@pytest.mark.parametrize("width", WIDTHS)
def test_summary_evidence_and_merged_move_at_each_width(report, width):
    root, out = report
    measure, dom = _measured(root, out, width)
    assert measure["width"] == width
    assert measure["overflow"] <= 0  # nothing makes the page scroll sideways
    # "Now in Engage" first, on the first screen: the Met, since when, days so far, and
    # its open cause of concern (with a correct plural).
    assert measure["nowShown"] and measure["nowTop"] < measure["height"] / 2
    [met] = dom.xpath('//section[@class="now"]//li[@class="now-force"]')
    assert met.get("data-force-id") == MET
    days = (date.today() - date(2022, 6, 28)).days
    assert " ".join(met.xpath('string(.//p[@class="since"])').split()) == (
        f"In Engage since 2022-06-28: {days} days so far")
    assert met.xpath('string(.//p[@class="open-causes"])') == (
        "1 open cause of concern: the force's vetting")
    # Evidence is printed, not in a tooltip: every quotation box is laid out, inside the page.
    assert measure["evidenceAll"] > 10 and measure["evidenceShown"] == measure["evidenceAll"]
    assert measure["evidenceRight"] <= width
    assert MET_CONCERN in [e.text_content() for e in dom.xpath('//blockquote[@class="evidence"]')]
    # The entry into Engage reported by four documents (two to the day, one in November
    # 2023, one in 2023) is drawn once, saying so.
    [row] = dom.xpath(f'//div[contains(@class, "force-row")][@data-force-id="{WMP}"]')
    entries = row.xpath('.//a[contains(@class, "mark") and contains(@class, "phase_change")]')
    assert [m.get("data-reports") for m in entries] == ["4", "3"]
    assert "4 reports" in entries[0].get("title")
    [listed] = [li for li in dom.xpath('//li[contains(@class, "entry phase_change")]')
                if li.xpath('string(.//blockquote)') == WMP_ENTRY]
    assert listed.xpath('string(.//span[@class="reports"])') == "4 reports"
    assert len(listed.xpath('.//div[@class="links"]//a[@class="source"]')) == 4
    if width < 700:  # a phone: names above their tracks, tracks the width of the page
        assert measure["nameBottom"] <= measure["trackTop"] + 1
        assert measure["trackWidth"] > width * 0.8
    else:  # a desktop: names beside their tracks
        assert measure["nameRight"] <= measure["trackLeft"] + 1


def test_rows_bars_and_marks_in_the_rendered_dom(report):
    root, out = report
    dom = lxml.html.fromstring(chromium(root, (out / "index.html").as_uri(), "--dump-dom"))
    rows = dom.xpath('//div[contains(@class, "force-row")]')
    assert [r.get("data-force-id") for r in rows] == [CLE, MET, WMP]
    bars = {r.get("data-force-id"): r.xpath('.//*[contains(@class, "engage-bar")]')
            for r in rows}
    assert [len(bars[f]) for f in (CLE, MET, WMP)] == [2, 1, 1]
    assert [b.get("data-entered") for b in bars[CLE]] == ["2019-09-27", "2022-05-01"]
    left = [float(b.get("style").split("left:")[1].split("%")[0]) for b in bars[CLE]]
    assert left[0] < left[1]
    assert "open" in bars[MET][0].get("class") and "open" not in bars[WMP][0].get("class")
    marks = dom.xpath('//a[contains(@class, "mark")]')
    assert marks and all(m.get("href").startswith("documents/") for m in marks)
    assert all((out / m.get("href").split("#")[0]).is_file() for m in marks)
    # a month and a year are drawn as spans; an undated exit sits at its publication date
    cle = rows[0].xpath('.//a[contains(@class, "mark")]')
    spans = [m for m in cle if "span" in m.get("class")]
    assert len(spans) == 2 and all("width:" in m.get("style") for m in spans)
    wmp_exit = [m for m in rows[2].xpath('.//a[contains(@class, "phase_change")]')
                if "out of Engage" in m.get("title")]
    assert len(wmp_exit) == 1 and "undated" not in wmp_exit[0].get("class")  # one report dated
    [undated] = [li for li in dom.xpath('//li[contains(@class, "entry")]')
                 if "Two of the three" in li.text_content()]
    assert "published; no date in the text" in undated.text_content()
    [hollow] = [m for m in rows[2].xpath('.//a[contains(@class, "undated")]')
                if "2 of 3 causes of concern" in m.get("title")]
    assert "2024-04-10 (published; the text gives no date)" in hollow.get("title")
    assert "2 of 3 causes of concern closed, 1 open" in undated.text_content()


def test_document_page_marks_the_linked_evidence(report):
    root, out = report
    evidence = "Two of the three causes of concern have been closed, inspectors wrote."
    index = lxml.html.fromstring((out / "index.html").read_text(encoding="utf-8"))
    [entry] = [li for li in index.xpath('//li[contains(@class, "entry")]')
               if li.xpath('string(.//blockquote)') == evidence]
    [href] = entry.xpath('.//a[@class="source"]/@href')
    page, anchor = href.split("#")
    assert page.startswith("documents/")
    dom = lxml.html.fromstring(chromium(root, f"{(out / page).as_uri()}#{anchor}",
                                        "--dump-dom"))
    current = dom.xpath('//mark[contains(@class, "current")]')  # set by the page's script
    assert [m.text_content() for m in current] == [evidence]
    assert dom.xpath(f'//*[@id="{anchor}"]')
    # a web document is linked too: its stored copy, and the original beside it
    [web] = [li for li in index.xpath('//li[contains(@class, "entry")]')
             if li.xpath('string(.//blockquote)') == MET_CONCERN]
    assert web.xpath('.//a[@class="source"]/@href')[0].startswith("documents/")
    assert web.xpath('.//a[@class="original"]/@href') == [
        "https://news.example.test/met-vetting"]


@pytest.mark.parametrize("width", WIDTHS)
def test_bars_are_painted(report, width):
    """Only the timeline shown: one band of Engage-red pixels per force row."""
    root, out = report
    page = out / f"timeline-{width}.html"
    page.write_text((out / "index.html").read_text(encoding="utf-8").replace(
        "</style>", "h1, h2, .meta, .now, .legend, section.force { display: none; }</style>"),
        encoding="utf-8")
    shot = root / f"shot-{width}.png"
    chromium(root, page.as_uri(), f"--screenshot={shot}", f"--window-size={width},400")
    png_width, channels, rows = read_png(shot)
    assert png_width == width
    red = tuple(int(ENGAGE_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
    enough = width // 30
    lines = [y for y, row in enumerate(rows)
             if sum(1 for x in range(0, png_width * channels, channels)
                    if all(abs(row[x + k] - red[k]) < 8 for k in range(3))) > enough]
    # marks drawn over a bar thin out a few of its lines: a band is a run with small gaps
    bands = [y for i, y in enumerate(lines) if i == 0 or y - lines[i - 1] > BAND_GAP]
    assert len(bands) == 3
