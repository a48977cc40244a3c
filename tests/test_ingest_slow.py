"""Reliability of `lossledger ingest` and `watch` as real processes: SIGKILL mid-run, two writers at once, Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import Route, Site, html_page, rss, tanks_article
from test_ingest import consistent

from lossledger.store import Ledger

pytestmark = pytest.mark.slow
DATE = "Thu, 12 Jun 2025 08:00:00 GMT"


def lossledger(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "lossledger", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def write_articles(folder: Path, numbers: range) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"doc{n:05d}.txt").write_text(tanks_article(10_000 + n, extra=f"Report number {n}."),
                                                encoding="utf-8")


def documents(url: str) -> int:
    try:
        with Ledger(url, create=False) as led:
            return led.stats()["documents"]
    except Exception:  # not created yet
        return 0


def test_sigkill_mid_run_loses_and_duplicates_nothing(tmp_path: Path, db_url: str) -> None:
    write_articles(tmp_path / "in", range(1200))
    proc = lossledger("ingest", "--db", db_url, str(tmp_path / "in"))
    deadline = time.monotonic() + 120
    while documents(db_url) < 300 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed: make it longer"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = consistent(db_url)["documents"]
    assert 300 <= partial < 1200
    rerun = lossledger("ingest", "--db", db_url, str(tmp_path / "in"))
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert out.startswith(f"{1200 - partial} new, {partial} unchanged, 0 failed documents")
    counts = consistent(db_url)
    assert counts["documents"] == 1200 and counts["mentions"] == 1200 and counts["claims"] == 1200
    with Ledger(db_url) as led, led.reading() as conn:
        assert conn.exec_driver_sql("SELECT count(DISTINCT doc) FROM documents").scalar() == 1200


def test_two_ingest_processes_on_one_sqlite_file(tmp_path: Path) -> None:
    write_articles(tmp_path / "a", range(0, 400))
    write_articles(tmp_path / "b", range(250, 650))  # 150 documents in both
    db = f"sqlite:///{tmp_path / 'shared.db'}"
    procs = [lossledger("ingest", "--db", db, str(tmp_path / d)) for d in ("a", "b")]
    results = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err
    new = sum(int(out.split(" new,")[0]) for out, _ in results)
    assert new == 650
    assert consistent(db)["documents"] == 650


def test_two_workers_give_the_same_ledger(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", range(200))
    one, two = (f"sqlite:///{tmp_path / n}" for n in ("one.db", "two.db"))
    for url, workers in ((one, "1"), (two, "2")):
        proc = lossledger("ingest", "--db", url, "--workers", workers, str(tmp_path / "in"))
        assert proc.wait(timeout=300) == 0
    with Ledger(one) as a, Ledger(two) as b:
        assert a.claims(limit=None) == b.claims(limit=None)


def test_watch_stops_on_ctrl_c_after_the_document_in_flight(site: Site, tmp_path: Path) -> None:
    items = []
    for n in range(40):
        site.routes[f"/n{n}.html"] = Route(html_page(f"N{n}", tanks_article(20_000 + n)), delay=0.05)
        items.append((site.url(f"/n{n}.html"), f"N{n}", DATE))
    site.routes["/feed.xml"] = Route(rss(items), content_type="application/rss+xml", etag='"x"')
    db = f"sqlite:///{tmp_path / 'w.db'}"
    proc = lossledger("watch", "--db", db, "--allow-private", "--every", "1h", site.url("/feed.xml"))
    deadline = time.monotonic() + 60
    while documents(db) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "stopping after the document in flight" in err and "stopped: " in err and "Traceback" not in err
    stored = consistent(db)["documents"]
    assert 3 <= stored < 40
    again = lossledger("watch", "--db", db, "--allow-private", "--rounds", "1", site.url("/feed.xml"))
    assert again.wait(timeout=120) == 0
    assert consistent(db)["documents"] == 40
