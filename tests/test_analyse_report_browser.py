"""The report rendered by headless Debian chromium: a ledger filled by ingesting a few articles, the shipped General
Staff series, `lossledger report --out report.html`, a screenshot saved as docs/screenshots/report.png (look at it
after a change to the report, its CSS or its SVG)."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from lossledger.cli import cli

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
SHOT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "report.png"

# (id, published, url, text): the General Staff on three dates (one misquoted), a Western, a think-tank and a
# Russian figure
ARTICLES = [
    ("gs-1", "2025-06-12", "https://example.org/news/gs-june", "Russian losses pass one million\n\nUkraine's General "
     "Staff said on 12 June 2025 that Russia had lost 1,000,340 troops since the start of the full-scale invasion, "
     "including 10,933 tanks."),
    ("gs-2", "2025-03-01", "https://example.org/news/gs-march", "General Staff update\n\nThe General Staff of "
     "Ukraine said on 1 March 2025 that Russia had lost 875,610 troops and 10,233 tanks."),
    ("gs-3", "2024-11-20", "https://example.org/news/gs-november", "General Staff update\n\nThe General Staff of "
     "Ukraine said on 20 November 2024 that Russia had lost 752,740 troops."),
    ("uk-1", "2025-05-20", "https://example.org/news/uk-mod", "British estimate\n\nThe UK Ministry of Defence "
     "estimated on 20 May 2025 that Russia had suffered about 950,000 killed and wounded."),
    ("csis-1", "2025-06-03", "https://example.org/news/csis", "Think tank\n\nThe Center for Strategic and "
     "International Studies estimated on 3 June 2025 that Russia had suffered nearly 1,000,000 casualties, "
     "including up to 250,000 killed."),
    ("ru-1", "2025-06-01", "https://example.org/news/ru-mod", "Moscow's figure\n\nRussia's Defence Ministry said on "
     "1 June 2025 that Ukraine had lost more than 1,000,000 soldiers."),
]


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the (filtered) scanlines of an 8-bit PNG, read with the standard library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * channels
    assert len(raw) == stride * height
    return width, height, [raw[i * stride:(i + 1) * stride] for i in range(height)]


def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium (apt-get install -y chromium)")
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps({"id": i, "published": p, "url": u, "lang": "en", "text": t}) + "\n"
                           for i, p, u, t in ARTICLES), encoding="utf-8")
    db = str(tmp_path / "ledger.db")
    run("ingest", "--db", db, str(src))
    run("series", "import", "general-staff", "--db", db)
    CliRunner().invoke(cli, ["check", "--db", db], catch_exceptions=False)
    report = tmp_path / "report.html"
    run("report", "--db", db, "--out", str(report))
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html and 'src="http' not in html and "<link" not in html
    assert "https://example.org/news/gs-june" in html and "inconsistent" in html

    png = tmp_path / "report.png"
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
                           "--window-size=1280,2000", report.as_uri()], capture_output=True, text=True, timeout=120)
    assert png.exists(), proc.stderr[-2000:]
    data = png.read_bytes()
    width, height, rows = png_rows(data)
    assert (width, height) == (1280, 2000)
    # a blank page is a few kB and all its scanlines alike; the report has text, tables and a chart
    assert len(data) > 50_000
    assert len(set(rows)) > 300
    SHOT.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(png, SHOT)
