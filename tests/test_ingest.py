"""`lossledger ingest`, `watch` and the query commands as a user runs them, on real files, a real HTTP server
on 127.0.0.1 and real databases (SQLite; PostgreSQL in the slow run)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import Route, Site, html_page, rss, tanks_article

from lossledger.cli import cli
from lossledger.store import Ledger
from lossledger.store.migrate import HEAD

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATE = "Thu, 12 Jun 2025 08:00:00 GMT"


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def errors(result: Result) -> list[str]:
    return result.stderr.splitlines()


def consistent(url: str) -> dict[str, int]:
    """Check every claim has a mention and every document its mentions; return the table counts."""
    with Ledger(url) as led, led.reading() as conn:
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.claim_id = c.id)")
        assert orphans.scalar() == 0
        short = conn.exec_driver_sql("SELECT count(*) FROM documents d WHERE d.claim_count <> "
                                     "(SELECT count(*) FROM mentions m WHERE m.document_id = d.id)")
        assert short.scalar() == 0
        return led.stats()


def test_quick_start_ingests_examples_and_lists_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LOSSLEDGER_DB", raising=False)
    first = run("ingest", str(EXAMPLES))
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("1 new, 0 unchanged, 0 failed documents;")
    assert (tmp_path / "lossledger.db").exists()
    again = run("ingest", str(EXAMPLES))
    assert again.stdout.startswith("0 new, 1 unchanged, 0 failed documents; 0 claim mentions added")
    table = run("claims")
    assert table.exit_code == 0 and "General Staff of the Armed Forces of Ukraine" in table.stdout
    assert "6,700" in table.stdout and "tanks" in table.stdout


def test_bad_inputs_one_line_each_rest_goes_on(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "cp1251.txt").write_bytes("Генштаб ЗСУ: Росія втратила 10 933 танки.".encode("cp1251"))
    with open(tmp_path / "huge.txt", "wb") as fh:  # 100 MB, sparse: refused by its size, never read
        fh.truncate(100 * 1024 * 1024)
    (tmp_path / "good.txt").write_text(tanks_article(10_933), encoding="utf-8")
    bad_json = tmp_path / "feed.jsonl"
    bad_json.write_text(json.dumps({"id": "j1", "text": tanks_article(10_934)}) + "\n{oops\n", encoding="utf-8")
    args = [str(tmp_path / n) for n in ("empty.txt", "blob.txt", "cp1251.txt", "huge.txt", "good.txt", "feed.jsonl",
                                       "missing.txt")]
    result = run("ingest", "--db", db_url, *args, "ftp://example.org/a.html", "http://127.0.0.1:9/a.html")
    assert result.exit_code == 1
    assert errors(result) == [
        f"lossledger: {tmp_path / 'empty.txt'}: empty file",
        f"lossledger: {tmp_path / 'blob.txt'}: binary file, not text",
        f"lossledger: {tmp_path / 'huge.txt'}: file too large (100 MB > 20 MB)",
        f"lossledger: {bad_json}:2: not JSON (Expecting property name enclosed in double quotes: line 1 column 2 "
        "(char 1))",
        f"lossledger: {tmp_path / 'missing.txt'}: no such file or directory",
        "lossledger: ftp://example.org/a.html: refused: only http and https URLs are fetched, not 'ftp'",
        "lossledger: http://127.0.0.1:9/a.html: refused: 127.0.0.1 is a private, loopback or link-local address "
        "(127.0.0.1); use --allow-private to fetch it",
    ]
    assert result.stdout.startswith("3 new, 0 unchanged, 7 failed documents;")
    assert consistent(db_url)["documents"] == 3


def test_urls_and_feeds_from_a_real_server(site: Site, db_url: str) -> None:
    site.routes["/news/one.html"] = Route(html_page("Tanks", tanks_article(10_933)))
    site.routes["/news/two.html"] = Route(html_page("More tanks", tanks_article(10_933, extra="Second outlet.")))
    site.routes["/news/gone.html"] = Route(b"<html><body><h1>Server error</h1></body></html>", status=500)
    site.routes["/news/data.json"] = Route(b"{}", content_type="application/json")
    site.routes["/news/slow.html"] = Route(html_page("Slow", tanks_article(1)), delay=1.0)
    site.routes["/feed.xml"] = Route(rss([(site.url("/news/two.html"), "Two", DATE),
                                          (site.url("/news/gone.html"), "Gone", DATE)]),
                                     content_type="application/rss+xml")
    site.routes["/notafeed"] = Route(html_page("Home", "Welcome"))
    result = run("ingest", "--db", db_url, "--allow-private", "--timeout", "0.3", site.url("/news/one.html"),
                 site.url("/news/data.json"), site.url("/news/slow.html"), site.url("/news/missing.html"),
                 "--feed", site.url("/feed.xml"), "--feed", site.url("/notafeed"))
    assert result.exit_code == 1
    assert errors(result) == [
        f"lossledger: {site.url('/news/data.json')}: not an HTML page (content type application/json)",
        f"lossledger: {site.url('/news/slow.html')}: timed out after 0.3 s",
        f"lossledger: {site.url('/news/missing.html')}: HTTP 404 Not Found",
        f"lossledger: {site.url('/news/gone.html')}: HTTP 500 Internal Server Error",
        f"lossledger: {site.url('/notafeed')}: not an RSS or Atom feed",
    ]
    assert result.stdout.startswith("2 new, 0 unchanged, 5 failed documents; 2 claim mentions added (1 new claims)")
    with Ledger(db_url) as led:
        (claim,) = led.claims()
        shown = led.claim(claim["id"])
    assert (claim["value"], claim["mentions"]) == (10_933, 2)
    assert {m["url"] for m in shown["mentions"]} == {site.url("/news/one.html"), site.url("/news/two.html")}
    assert {m["outlet"] for m in shown["mentions"]} == {"127.0.0.1"}


def test_watch_uses_conditional_requests_and_survives_a_feed_down(site: Site, db_url: str) -> None:
    site.routes["/a.html"] = Route(html_page("A", tanks_article(10_933)))
    site.routes["/b.html"] = Route(html_page("B", tanks_article(10_950, day="2025-06-13")))
    versions = [Route(rss([(site.url("/a.html"), "A", DATE)]), content_type="application/rss+xml", etag='"v1"',
                      last_modified="Thu, 12 Jun 2025 08:00:00 GMT")]
    versions.append(Route(rss([(site.url("/b.html"), "B", DATE), (site.url("/a.html"), "A", DATE)]),
                          content_type="application/rss+xml", etag='"v2"'))
    served = {"n": 0}

    def feed() -> Route:  # v1 twice (the second time answered 304), then v2
        served["n"] += 1
        return versions[0] if served["n"] <= 2 else versions[1]

    site.routes["/feed.xml"] = feed
    site.routes["/down.xml"] = Route(b"down", status=503)
    result = run("watch", "--db", db_url, "--allow-private", "--every", "0", "--rounds", "3", site.url("/feed.xml"),
                 site.url("/down.xml"))
    assert result.exit_code == 1  # the feed that was down
    log = result.stderr
    assert log.count(f"feed failed: {site.url('/down.xml')}: HTTP 503 Service Unavailable") == 3
    assert f"{site.url('/feed.xml')}: not modified" in log
    assert "stopped: 2 new, 0 unchanged, 0 failed documents" in log
    feed_hits = site.hits("/feed.xml")
    assert "if-none-match" not in feed_hits[0]
    assert feed_hits[1]["if-none-match"] == '"v1"'
    assert feed_hits[1]["if-modified-since"] == "Thu, 12 Jun 2025 08:00:00 GMT"
    assert len(site.hits("/a.html")) == 1 and len(site.hits("/b.html")) == 1  # known entries not fetched again
    with Ledger(db_url) as led:
        assert led.feed_state(site.url("/feed.xml"))["etag"] == '"v2"'
        assert led.feed_state(site.url("/down.xml"))["status"].startswith("error: ")
        assert sorted(c["value"] for c in led.claims()) == [10_933, 10_950]


def test_query_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    assert run("claims", "--db", db).exit_code == 1  # no ledger yet: not created by a query
    assert not os.path.exists(db)
    assert run("ingest", "--db", db, str(EXAMPLES)).exit_code == 0
    rows = [json.loads(x) for x in run("claims", "--db", db, "--format", "jsonl", "--category", "tanks").stdout
            .splitlines()]
    assert [(r["value"], r["claimant"]) for r in rows] == [(6700, "General Staff of the Armed Forces of Ukraine")]
    csv_out = run("claims", "--db", db, "--format", "csv", "--min-value", "300000", "--side", "russia").stdout
    assert csv_out.splitlines()[0].startswith("id,claimant,side,") and len(csv_out.splitlines()) >= 3
    shown = run("show", "--db", db, str(rows[0]["id"]))
    assert "6,700 tanks" in shown.stdout and "general_staff_update" in shown.stdout
    assert json.loads(run("show", "--db", db, "--format", "json", str(rows[0]["id"])).stdout)["mentions"]
    missing = run("show", "--db", db, "999")
    assert (missing.exit_code, errors(missing)) == (1, ["lossledger: no claim 999"])
    sources = run("sources", "--db", db)
    assert "General Staff of the Armed Forces of Ukraine" in sources.stdout
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"x.{fmt}"
        done = run("export", "--db", db, "--format", fmt, "--out", str(out))
        assert done.exit_code == 0 and out.stat().st_size > 0 and "claims written" in done.stderr
    mentions = run("export", "--db", db, "--format", "jsonl", "--what", "mentions", "--out", "-").stdout
    assert all("evidence" in json.loads(x) for x in mentions.splitlines())
    redo = run("reextract", "--db", db)
    assert redo.exit_code == 0 and "1 documents:" in redo.stdout and "0 added, 0 removed" in redo.stdout


def test_db_upgrade_command(db_url: str) -> None:
    result = run("db", "upgrade", "--db", db_url)
    assert result.exit_code == 0 and result.stdout.rstrip().endswith(f"schema at revision {HEAD}")
    assert "password" not in result.stdout


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    result = run("ingest", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/none", str(EXAMPLES))
    assert result.exit_code == 1
    (line,) = errors(result)
    assert line.startswith("lossledger: cannot open ledger postgresql+psycopg://nobody@127.0.0.1:9/none: ")
