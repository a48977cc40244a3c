"""The analysis commands end to end: import series into a directory, list and show them, check and reconcile."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lossledger.analyse.store import AnalysisStore, FileStore
from lossledger.cli import cli
from tests.test_analyse_checks import claim

CLAIMS = [
    claim("gs", 1_000_340, doc="a"),  # the General Staff's figure of 12 June 2025: matches the snapshot
    claim("bad", 900_000, doc="b", as_of="2025-06-13"),  # the same claimant, lower a day later
    claim("nato", 900_000, doc="c", claimant="a senior NATO official", as_of="2025-06"),
    claim("rate", 693, doc="d", metric="per_day", period_start="2023-01-01", period_end="2023-12-31",
          as_of="2023-12-31"),
    claim("sum", 253_290, doc="d", period_start="2023-01-01", period_end="2023-12-31", as_of="2023-12-31"),
]


@pytest.fixture
def claims_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims.jsonl"
    rows = [{k: v for k, v in c.items() if k != "id"} for c in CLAIMS]  # ids come from DOC#N, as for extract output
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_list_show_check_reconcile(tmp_path: Path, claims_file: Path) -> None:
    sd = str(tmp_path / "series")
    code, out, _ = run("series", "import", "general-staff", "--series-dir", sd)
    assert code == 0 and "general-staff\trussia\tkilled_or_wounded\tofficial claim\t1626 points" in out
    code, out, _ = run("series", "list", "--series-dir", sd)
    assert code == 0 and len(out.splitlines()) == 15 and "special_equipment" in out
    code, out, _ = run("series", "show", "general-staff", "--category", "killed_or_wounded", "--from", "2025-06-12",
                       "--to", "2025-06-13", "--series-dir", sd)
    assert out.splitlines()[1:] == ["2025-06-12\t1000340", "2025-06-13\t1001560"]
    code, out, _ = run("series", "show", "general-staff", "--category", "tanks", "--problems", "--series-dir", sd)
    assert "correction\t2023-05-28" in out

    code, out, _ = run("check", "--claims", str(claims_file), "--series-dir", sd, "--format", "jsonl",
                       "--today", "2026-01-01")
    assert code == 0
    found = [json.loads(line) for line in out.splitlines()]
    by = {(f["check"], tuple(f["claims"])): f["verdict"] for f in found}
    assert by[("series", ("a#1",))] == "consistent"
    assert by[("series", ("b#1",))] == "inconsistent"
    assert by[("monotonic", ("a#1", "b#1"))] == "inconsistent"
    assert by[("rate_vs_sum", ("d#1", "d#2"))] == "consistent"
    code, out, _ = run("check", "--claims", str(claims_file), "--series-dir", sd, "--claimant", "NATO")
    assert code == 0 and "inconsistent" not in out.split("Findings")[1]

    code, out, _ = run("reconcile", "--claims", str(claims_file), "--side", "russia", "--category",
                       "killed_or_wounded", "--at", "2025-06-20", "--series-dir", sd)
    assert code == 0 and "across 2 independent families" in out and "Western governments" in out
    code, out, _ = run("reconcile", "--claims", str(claims_file), "--side", "russia", "--category",
                       "killed_or_wounded", "--series-dir", sd, "--format", "json")
    assert json.loads(out)["lines"][0].startswith("russia killed_or_wounded at 2025-06-30")  # latest as_of


def test_import_csv_reports_problems_on_stderr(tmp_path: Path) -> None:
    src = tmp_path / "ua.csv"
    src.write_text("date,value\n2024-01-01,100\n2024-01-02,90\n2024-01-03,oops\n2024-01-05,120\n2024-01-06,130\n",
                   encoding="utf-8")
    sd = str(tmp_path / "s")
    code, out, err = run("series", "import", "csv", str(src), "--name", "ua-count", "--side", "ukraine",
                         "--category", "killed", "--kind", "confirmed floor", "--series-dir", sd)
    assert code == 0 and "1 malformed, 1 correction, 1 gap" in out
    assert "oops" in err and "fell from 100" in err
    code, _, err = run("series", "show", "nope", "--series-dir", sd)
    assert code == 2 and "no series 'nope'" in err
    code, _, err = run("series", "import", "csv", str(tmp_path / "missing.csv"), "--name", "x", "--side", "ukraine",
                       "--category", "killed", "--series-dir", sd)
    assert code == 2 and "missing.csv" in err


def test_file_store_is_an_analysis_store(tmp_path: Path, claims_file: Path) -> None:
    store = FileStore(tmp_path / "s", claims_file)
    assert isinstance(store, AnalysisStore)
    assert [c["id"] for c in store.claims("General Staff")] == ["a#1", "b#1", "d#1", "d#2"]
    with pytest.raises(Exception, match="series name"):
        store.load_series("../etc")


def test_commands_are_registered_on_the_installed_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "lossledger", "--help"], capture_output=True, text=True, check=True)
    assert all(name in out.stdout for name in ("series", "check", "reconcile"))
