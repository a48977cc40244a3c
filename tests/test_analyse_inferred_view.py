"""Inferred dates in the ledger's claims: `lossledger claims`, `lossledger show`, claims_view and export."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lossledger.cli import cli
from tests.test_analyse_extract_dates import ARTICLES


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_claims_show_view_and_export_mark_inferred_dates(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "ledger.db")
    run("ingest", "--db", db, *(str(tmp_path / n) for n in ARTICLES))
    run("series", "import", "general-staff", "--db", db)
    before = {(r["category"], r["value"]): r for r in map(json.loads, run("claims", "--db", db, "--format",
                                                                            "jsonl").splitlines())}
    assert before["tanks", 10864]["as_of"] is None and before["tanks", 10864]["as_of_inferred"] is False
    run("infer-dates", "--db", db)

    rows = [json.loads(line) for line in run("claims", "--db", db, "--format", "jsonl").splitlines()]
    got = {(r["category"], r["value"], r["as_of"], r["as_of_inferred"]) for r in rows}
    assert ("tanks", 10864, "2025-05-28", True) in got  # from the General Staff series
    assert ("losses", 412345, "2024-03-05", True) in got  # from the ministry's own dated figure
    assert ("losses", 412345, "2024-03-05", False) in got  # the stated one
    assert ("artillery", 7777, None, False) in got
    tanks = next(r for r in rows if r["category"] == "tanks")
    assert "general-staff" in tanks["as_of_evidence"]

    table = run("claims", "--db", db)
    assert "2025-05-28 (inferred)" in table and "2024-03-05 (inferred)" in table
    shown = run("show", str(tanks["id"]), "--db", db)
    assert "as of 2025-05-28 (inferred)" in shown and "date inferred: general-staff" in shown
    assert json.loads(run("show", str(tanks["id"]), "--db", db, "--format", "json"))["as_of_inferred"] is True

    import sqlite3

    with sqlite3.connect(db) as conn:
        view = {r[0]: r[1:] for r in conn.execute(
            "SELECT claim_id, as_of, as_of_inferred, as_of_evidence FROM claims_view")}
    assert view[tanks["id"]][:2] == ("2025-05-28", 1) and "10,864" in view[tanks["id"]][2]
    stated = next(r for r in rows if r["category"] == "losses" and not r["as_of_inferred"])
    assert view[stated["id"]] == ("2024-03-05", 0, None)

    out = tmp_path / "claims.jsonl"
    run("export", "--db", db, "--format", "jsonl", "--out", str(out))
    exported = {r["claim_id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert exported[tanks["id"]]["as_of"] == "2025-05-28" and exported[tanks["id"]]["as_of_inferred"] is True

    # the checks read the inferred date as inferred (not verifiable against the series that dated it)
    findings = [json.loads(line) for line in
                CliRunner().invoke(cli, ["check", "--db", db, "--format", "jsonl"]).stdout.splitlines()]
    assert any(f["check"] == "series" and str(tanks["id"]) in f["claims"] and f["verdict"] == "unverifiable"
               for f in findings)


def test_migration_0004_downgrades_and_upgrades(tmp_path: Path) -> None:
    from alembic import command

    from lossledger.store.engine import make_engine
    from lossledger.store.migrate import HEAD, alembic_config, current_revision, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    assert upgrade(engine) == HEAD == "0004"
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
        assert current_revision(conn) == "0003"
        cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(claims_view)")]
        assert "as_of_inferred" not in cols
    assert upgrade(engine) == "0004"
    with engine.connect() as conn:
        assert "as_of_inferred" in [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(claims_view)")]
    engine.dispose()
