"""Checks and reconciliation on a real ledger (SQLite; PostgreSQL marked slow) filled by ingesting articles written
for the tests, with a General Staff series served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from lossledger.analyse.ledger import LedgerStore
from lossledger.cli import cli
from tests.conftest import Route, Site

# Figures from 2030, beyond the shipped snapshot, so the extractor's own inference cannot date them.
ARTICLES = {
    "a-dated.txt": "date 2030-01-02\n\nUkraine's General Staff said that Russia has lost 20,110 tanks since the "
                   "start of the invasion.\n",
    "b-lower.txt": "date 2030-01-06\n\nUkraine's General Staff said that Russia has lost 19,000 tanks since the "
                   "start of the invasion.\n",
    "c-undated.txt": "Ukraine's General Staff said that Russia has lost 20,120 tanks since the start of the "
                     "invasion.\n",
    "d-stated.txt": "date 2030-01-09\n\nUkraine's General Staff said on 9 January 2030 that Russia has lost "
                    "20,120 tanks since the start of the invasion.\n",
}


def _day(d: str) -> int:
    return (date.fromisoformat(d) - date(2022, 2, 23)).days


# 2030-01-05 missing (a gap), 2030-01-04 lower than the day before (a correction), one row without a date.
EQUIPMENT = "date,day,tanks,artillery\n" + "".join(
    f"{d},{_day(d)},{t},{a}\n" for d, t, a in [("2030-01-01", 20100, 30000), ("2030-01-02", 20110, 30010),
                                               ("2030-01-03", 20120, 30020), ("2030-01-04", 20115, 30030),
                                               ("2030-01-06", 20140, 30040), ("2030-01-07", 20150, 30050),
                                               ("2030-01-08", 20160, 30060), ("2030-01-09", 20170, 30070)]
) + "not-a-date,9,1,1\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def filled(db_url: str, tmp_path: Path, site: Site) -> str:
    """A ledger with the four articles and the served General Staff series imported (as a user would)."""
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = run("ingest", *sorted(str(p) for p in tmp_path.glob("*.txt")), "--db", db_url)
    assert code == 0, err
    site.routes["/gs/equipment.csv"] = Route(EQUIPMENT.encode(), content_type="text/csv")
    code, out, err = run("series", "import", "general-staff", site.url("/gs/equipment.csv"), "--db", db_url)
    assert code == 0, err
    assert "general-staff\trussia\ttanks\tofficial claim\t8 points 2030-01-01…2030-01-09" in out
    assert "malformed" in err and "correction" in err and "gap" in err  # reported, not silently fixed
    return db_url


def _ids(url: str) -> dict[str, str]:
    """Claim id by document name."""
    with LedgerStore(url) as st:
        return {c["doc"].split("-")[0]: c["id"] for c in st.claims(inferred=False)}


def test_series_in_the_ledger(filled: str) -> None:
    code, out, _ = run("series", "list", "--db", filled)
    assert code == 0 and out.splitlines()[1].startswith("general-staff\trussia\ttanks\tofficial claim\t8\t2030-01-01")
    code, out, _ = run("series", "show", "general-staff", "--category", "tanks", "--problems", "--db", filled)
    assert "correction\t2030-01-04\tcumulative value fell from 20,115" not in out  # 20,120 → 20,115
    assert "correction\t2030-01-04\tcumulative value fell from 20,120 on 2030-01-03 to 20,115" in out
    assert "gap\t2030-01-06\tno value for 1 day(s)" in out and "no date in column 'date'" in out
    code, out, _ = run("series", "show", "general-staff", "--category", "tanks", "--from", "2030-01-02", "--to",
                       "2030-01-03", "--db", filled)
    assert out.splitlines()[1:] == ["2030-01-02\t20110", "2030-01-03\t20120"]
    # a re-import replaces, not duplicates
    assert run("series", "import", "csv", "/dev/null", "--name", "x", "--side", "russia", "--category", "tanks",
               "--db", filled)[0] == 2
    with LedgerStore(filled) as st:
        [tanks] = st.load_series("general-staff", category="tanks")
        assert len(tanks.points) == 8 and {p.kind for p in tanks.problems} == {"malformed", "correction", "gap"}


def test_infer_dates_check_reconcile(filled: str) -> None:
    ids = _ids(filled)
    code, out, err = run("infer-dates", "--db", filled)
    assert code == 0
    assert out.splitlines() == [f"{ids['c']}\t2030-01-03\tseries\tgeneral-staff russia tanks stood at 20,120 on "
                                "2030-01-03 only"]
    assert "1 of 1 undated claims dated" in err
    with LedgerStore(filled) as st:
        by_doc = {c["doc"].split("-")[0]: c for c in st.claims()}
    assert by_doc["c"]["as_of"] == "2030-01-03" and by_doc["c"]["as_of_inferred"] is True
    assert by_doc["d"]["as_of"] == "2030-01-09" and "as_of_inferred" not in by_doc["d"]  # stated: untouched

    code, out, err = run("check", "--db", filled, "--format", "jsonl", "--fail-on", "inconsistent")
    assert code == 1 and "findings stored in the ledger" in err
    found = [json.loads(line) for line in out.splitlines()]
    verdict = {(f["check"], tuple(f["claims"])): f["verdict"] for f in found}
    assert verdict[("series", (ids["a"],))] == "consistent"
    assert verdict[("series", (ids["b"],))] == "inconsistent"  # 19,000 vs 20,140 on 2030-01-06
    assert verdict[("series", (ids["c"],))] == "unverifiable"  # its date came from that series: proves nothing
    assert any("date inferred from a series" in f["explanation"] for f in found)
    # the series held 20,120 on 2030-01-03, but d states 2030-01-09: compared there (20,170, within 1%)
    [d_series] = [f for f in found if f["check"] == "series" and f["claims"] == [ids["d"]]]
    assert d_series["verdict"] == "consistent" and "2030-01-09" in d_series["explanation"]
    # b falls below the strongest earlier figure (c's 20,120 at its inferred 2030-01-03)
    assert verdict[("monotonic", (ids["c"], ids["b"]))] == "inconsistent"
    with LedgerStore(filled) as st:
        stored = st.findings()
        about_b = st.findings(int(ids["b"]))
    assert len(stored) == len(found) and {f["check"] for f in about_b} == {"series", "monotonic"}
    code, out, _ = run("check", "--db", filled)  # a rerun replaces the stored findings
    assert code == 0 and "inconsistent" in out
    with LedgerStore(filled) as st:
        assert len(st.findings()) == len(found)

    code, out, _ = run("reconcile", "--db", filled, "--side", "russia", "--category", "tanks")
    assert code == 0 and "russia tanks at 2030-01-09: band" in out and "Ukrainian government" in out


def test_report_html_and_markdown(filled: str, tmp_path: Path) -> None:
    run("infer-dates", "--db", filled)
    out_file = tmp_path / "report.html"
    code, _, err = run("report", "--db", filled, "--side", "russia", "--category", "tanks", "--out", str(out_file))
    assert code == 0 and "1 side/category sections" in err
    page = out_file.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page.lower()
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing loaded from outside
    assert "russia — tanks" in page and "2030-01-03 (inferred)" in page and "20,120" in page
    assert page.count('<tr id="claim-') == 4 and 'class="inconsistent"' in page and "Claimant bias" in page
    code, out, _ = run("report", "--db", filled, "--format", "md", "--out", "-")
    assert code == 0 and out.startswith("# Lossledger report") and "| verdict | check | explanation | claims |" in out


def test_report_escapes_what_articles_say(tmp_path: Path) -> None:
    from lossledger.analyse.html import build, render_html, render_md

    evil = {"id": "7", "doc": "x", "claimant": "<script>alert(1)</script>", "side": "russia", "category": "tanks",
            "metric": "count", "qualifier": "exact", "value": 5, "as_of": "2030-01-01", "modality": "reported",
            "stance": "asserted", "url": "javascript:alert(2)", "evidence": {"text": 'He said "<b>5</b>" | & more'}}
    page = render_html(build([evil], []))
    assert "<script>" not in page and "&lt;script&gt;" in page and "javascript:" not in page
    assert "&lt;b&gt;5&lt;/b&gt;" in page and "&amp; more" in page
    md = render_md(build([evil], []))
    assert "\\|" in md and "<script>" not in md


def test_commands_never_create_an_empty_ledger(tmp_path: Path) -> None:
    code, _, err = run("check", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no ledger at" in err and not (tmp_path / "none.db").exists()


def test_quick_start_snapshot_offline(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    code, out, _ = run("series", "import", "general-staff", "--db", db)
    assert code == 0 and "general-staff\trussia\tkilled_or_wounded\tofficial claim\t1626 points" in out
    code, out, _ = run("series", "show", "general-staff", "--category", "killed_or_wounded", "--from", "2025-06-12",
                       "--to", "2025-06-12", "--db", db)
    assert out.splitlines()[1:] == ["2025-06-12\t1000340"]
