"""`lossledger extract --infer-dates`: the inference of `infer-dates` applied to extraction output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lossledger.cli import cli

# 10,864 tanks: the General Staff series held it on 2025-05-28 and 29 (a two-day run, its first day dates the claim);
# the extractor's own reference-date guess wants a single day, so the article stays undated without --infer-dates.
ARTICLES = {
    "gs.txt": "Tanks\n\nThe General Staff of Ukraine said Russia had lost 10,864 tanks.\n",
    "own1.txt": "Ministry update\n\nPublished: 2024-03-05\n\nThe Defence Ministry of Ukraine said Russia had lost "
                "412,345 troops.\n",
    "own2.txt": "Recap\n\nThe Defence Ministry of Ukraine said Russia had lost 412,345 troops.\n\n"
                "The Defence Ministry of Ukraine said Russia had lost 7,777 artillery systems.\n",
}


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in ARTICLES]


def extract(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def by_doc(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["doc"], r["category"]): r for r in rows}


def test_without_the_flag_the_undated_claims_stay_undated(articles: list[str]) -> None:
    rows = by_doc(extract(*articles))
    assert rows["gs", "tanks"]["as_of"] is None
    assert rows["own2", "losses"]["as_of"] is None
    assert rows["own1", "losses"]["as_of"] == "2024-03-05"
    assert not any("as_of_inferred" in r for r in rows.values())


def test_infer_dates_from_the_series_and_from_the_claimants_own_figure(articles: list[str]) -> None:
    rows = by_doc(extract("--infer-dates", *articles))
    gs = rows["gs", "tanks"]
    assert gs["as_of"] == "2025-05-28" and gs["as_of_inferred"] is True
    assert "general-staff" in gs["as_of_evidence"] and "10,864" in gs["as_of_evidence"]
    own = rows["own2", "losses"]
    assert own["as_of"] == "2024-03-05" and own["as_of_inferred"] is True
    assert "412,345" in own["as_of_evidence"] and "own1" in own["as_of_evidence"]
    # a stated date is left as it is, and a figure nothing matches stays undated
    assert rows["own1", "losses"]["as_of"] == "2024-03-05" and "as_of_inferred" not in rows["own1", "losses"]
    assert rows["own2", "artillery"]["as_of"] is None and "as_of_inferred" not in rows["own2", "artillery"]
    # the records are otherwise those of plain extraction
    plain = by_doc(extract(*articles))
    for key, r in rows.items():
        rest = {k: v for k, v in r.items() if k not in ("as_of", "as_of_inferred", "as_of_evidence")}
        assert rest == {k: v for k, v in plain[key].items() if k != "as_of"}


def test_the_claimants_figure_must_come_from_the_same_run(articles: list[str]) -> None:
    rows = by_doc(extract("--infer-dates", articles[2]))
    assert rows["own2", "losses"]["as_of"] is None


def test_date_records_refuses_a_date_after_publication_and_keeps_stated_dates() -> None:
    from lossledger.analyse.dating import date_records

    base = {"doc": "d", "side": "russia", "category": "tanks", "metric": "count", "qualifier": "exact",
            "value": 10864, "as_of": None, "claimant": "General Staff"}
    records = [dict(base), dict(base), {**base, "as_of": "2025-06-01"}]
    found = date_records(records, published=["2025-01-01", None, None])
    assert [i.claim_id for i in found] == ["1"]
    assert records[0]["as_of"] is None and "as_of_inferred" not in records[0]
    assert records[1]["as_of"] == "2025-05-28" and records[1]["as_of_inferred"] is True
    assert records[2]["as_of"] == "2025-06-01" and "as_of_inferred" not in records[2]


def test_table_marks_inferred_dates(articles: list[str]) -> None:
    result = CliRunner().invoke(cli, ["extract", "--infer-dates", "--format", "table", *articles],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "(inferred)" in result.stdout
