"""Ledger tests on a real SQLite file and (slow) a real PostgreSQL database: schema, merging, queries, export."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest
from sqlalchemy import inspect

from lossledger.model import Article, Claim, Evidence
from lossledger.store import Ledger, merge_key
from lossledger.store.engine import make_engine
from lossledger.store.migrate import HEAD, alembic_config, current_revision, upgrade
from lossledger.store.tables import Base

SENTENCE = "CSIS estimates Russia has suffered about 1.2 million casualties."


def claim(**kw) -> Claim:
    base = dict(doc="d", side="russia", population="military", category="killed_or_wounded", metric="count",
                value=1_200_000, low=1_200_000, high=1_200_000, qualifier="approx", claimant="CSIS",
                as_of="2025-06-01", evidence=Evidence(SENTENCE, 0, len(SENTENCE)))
    base.update(kw)
    return Claim(**base)


def article(n: int, url: str | None = None, text: str | None = None, **kw) -> Article:
    return Article(doc=f"a{n}", text=text or f"Article {n}. {SENTENCE}", url=url, **kw)


# --- schema ------------------------------------------------------------------------------------

def test_upgrade_on_empty_database_gives_the_models_schema(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    engine = make_engine(db_url)
    assert upgrade(engine) == HEAD
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        insp = inspect(conn)
        assert set(insp.get_table_names()) >= {"documents", "claims", "mentions", "entities", "aliases", "feeds"}
        assert "claims_view" in insp.get_view_names()
        indexed = {tuple(ix["column_names"]) for ix in insp.get_indexes("claims")}
        assert {("side", "category"), ("as_of",), ("magnitude",), ("claimant_id",), ("category",)} <= indexed
    assert upgrade(engine) == HEAD  # again: nothing to do
    engine.dispose()


def test_sqlite_ledger_is_plain_tables_in_wal_mode(sqlite_url: str) -> None:
    import sqlite_utils

    with Ledger(sqlite_url) as led:
        led.add(article(1), [claim()])
    path = sqlite_url.removeprefix("sqlite:///")
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db = sqlite_utils.Database(path)
    assert {"documents", "claims", "mentions", "entities", "aliases"} <= set(db.table_names())
    assert "claims_view" in db.view_names()
    (row,) = list(db["claims_view"].rows)
    assert row["claimant"] == "Center for Strategic and International Studies"
    assert row["mentions"] == 1 and row["evidence"] == SENTENCE and row["value"] == 1_200_000


# --- adding and merging --------------------------------------------------------------------------

def test_same_document_twice_adds_nothing(ledger: Ledger) -> None:
    first = ledger.add(article(1), [claim()])
    assert (first.status, first.mentions, first.new_claims) == ("new", 1, 1)
    again = ledger.add(article(1), [claim()])
    assert (again.status, again.document_id) == ("unchanged", first.document_id)
    assert ledger.stats()["documents"] == 1 and ledger.stats()["mentions"] == 1


def test_forty_outlets_one_claim_forty_mentions(ledger: Ledger) -> None:
    names = ["CSIS", "the Center for Strategic and International Studies", "tankesmedjan CSIS", "the CSIS think tank"]
    for i in range(40):
        ledger.add(article(i, url=f"https://outlet{i}.example/news/{i}"), [claim(claimant=names[i % 4])])
    (c,) = ledger.claims()
    assert (c["mentions"], c["outlets"], c["claimant"]) == (40, 40, "Center for Strategic and International Studies")
    shown = ledger.claim(c["id"])
    assert len(shown["mentions"]) == 40 and {m["evidence"] for m in shown["mentions"]} == {SENTENCE}
    assert {m["outlet"] for m in shown["mentions"]} == {f"outlet{i}.example" for i in range(40)}


@pytest.mark.parametrize(("change", "merges"), [
    ({"category": "losses"}, True),  # one category group with killed_or_wounded
    ({"qualifier": "at_least"}, True),  # numbers are the value, whatever the hedge
    ({"claimant": "Center for Strategic & International Studies (CSIS)"}, True),
    ({"value": 1_300_000, "low": 1_300_000, "high": 1_300_000}, False),
    ({"as_of": "2025-06"}, False),  # as_of compared at its own precision
    ({"side": "ukraine"}, False),
    ({"claimant": None}, False),
    ({"metric": "per_day"}, False),
    ({"category": "killed"}, False),
])
def test_merge_rule(ledger: Ledger, change: dict, merges: bool) -> None:
    ledger.add(article(1), [claim()])
    ledger.add(article(2), [claim(**change)])
    assert len(ledger.claims()) == (1 if merges else 2)
    assert (merge_key(claim()) == merge_key(claim(**change))) is merges


def test_rates_merge_at_one_decimal_and_ranges_on_bounds() -> None:
    rate = claim(metric="per_day", value=693.04, low=693.04, high=693.04, qualifier="exact")
    assert merge_key(rate) == merge_key(dataclasses.replace(rate, value=693.01))
    span = claim(qualifier="range", value=None, low=500_000, high=600_000)
    assert merge_key(span) == merge_key(dataclasses.replace(span, qualifier="vague"))
    assert merge_key(span) != merge_key(dataclasses.replace(span, high=700_000))


def test_changed_content_at_same_url_is_a_new_version(ledger: Ledger) -> None:
    url = "https://news.example/a"
    one = ledger.add(article(1, url=url), [claim()])
    two = ledger.add(article(1, url=url, text="Updated. " + SENTENCE), [claim()])
    assert two.status == "new" and two.document_id != one.document_id
    with ledger.reading() as conn:
        rows = conn.exec_driver_sql("SELECT id, previous_id FROM documents ORDER BY id").all()
    assert [tuple(r) for r in rows] == [(one.document_id, None), (two.document_id, one.document_id)]
    assert ledger.known_urls([url, "https://news.example/other"]) == {url}


# --- queries -----------------------------------------------------------------------------------

@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    ledger.add(article(1, url="https://a.example/1", published="2025-06-02"), [
        claim(),
        claim(claimant="Ukraine's General Staff", category="tanks", value=10_933, low=10_933, high=10_933,
              qualifier="exact", as_of="2025-06-12", evidence=Evidence("Russia has lost 10,933 tanks.", 80, 108)),
    ])
    ledger.add(article(2, url="https://b.example/2"), [
        claim(via=["Reuters"]),
        claim(claimant="Mediazona", side="russia", category="killed", value=None, low=100_000, high=120_000,
              qualifier="range", as_of="2024-11", evidence=Evidence("Mediazona counted the dead.", 5, 32)),
    ])
    return ledger


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["tanks", "killed_or_wounded", "killed"]),  # newest as_of first
    ({"side": "RUSSIA", "category": "tanks"}, ["tanks"]),
    ({"claimant": "general staff"}, ["tanks"]),
    ({"claimant": "Nobody Known"}, []),
    ({"claimant": "Strategic and International"}, ["killed_or_wounded"]),
    ({"since": "2025-06-05"}, ["tanks"]),
    ({"until": "2025-01-01"}, ["killed"]),
    ({"min_value": 110_000}, ["killed_or_wounded", "killed"]),
    ({"min_value": 2_000_000}, []),
    ({"q": "counted the DEAD"}, ["killed"]),
    ({"q": "mediazona"}, ["killed"]),
    ({"limit": 1}, ["tanks"]),
])
def test_claim_filters(filled: Ledger, filters: dict, expected: list[str]) -> None:
    assert [c["category"] for c in filled.claims(**filters)] == expected


def test_show_and_sources(filled: Ledger) -> None:
    csis = filled.claims(category="killed_or_wounded")[0]
    shown = filled.claim(csis["id"])
    assert shown["mention_count"] == 2 and shown["outlets"] == 2
    assert [m["published"] for m in shown["mentions"]] == ["2025-06-02", None]  # dated first
    assert shown["mentions"][1]["via"] == ["Reuters"] and shown["mentions"][1]["url"] == "https://b.example/2"
    assert filled.claim(999_999) is None
    by_name = {s["claimant"]: s for s in filled.sources()}
    assert by_name["Center for Strategic and International Studies"]["mentions"] == 2
    assert by_name["Center for Strategic and International Studies"]["outlets"] == ["a.example", "b.example"]
    assert by_name["Center for Strategic and International Studies"]["via"] == ["Reuters"]
    assert by_name["Mediazona"]["first_claim"] == "2024-11"


def test_export_csv_jsonl_parquet(filled: Ledger, tmp_path) -> None:
    import csv

    import pyarrow.parquet as pq

    from lossledger.export import write

    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"claims.{fmt}"
        assert write(filled.rows("claims"), fmt, out) == 3
    assert len(list(csv.DictReader(open(tmp_path / "claims.csv", encoding="utf-8")))) == 3
    rows = [json.loads(x) for x in (tmp_path / "claims.jsonl").read_text().splitlines()]
    assert {r["claimant"] for r in rows} >= {"Mediazona"} and rows[0]["evidence"]
    table = pq.read_table(tmp_path / "claims.parquet")
    assert table.num_rows == 3 and "claims_view" not in table.column_names and "evidence_url" in table.column_names
    mentions = list(filled.rows("mentions"))
    assert len(mentions) == 4 and mentions[0]["evidence_start"] == 0 and isinstance(mentions[0]["via"], list)
    assert write(iter(()), "parquet", tmp_path / "empty.parquet", columns=["a"]) == 0


# --- re-extraction ---------------------------------------------------------------------------

def test_reextract_keeps_ids_where_the_key_holds(ledger: Ledger) -> None:
    tanks = claim(claimant="Ukraine's General Staff", category="tanks", value=10_933, low=10_933, high=10_933,
                  qualifier="exact", evidence=Evidence("lost 10,933 tanks", 40, 57))
    ledger.add(article(1), [claim(), tanks])
    ledger.add(article(2), [claim()])
    before = {c["category"]: c["id"] for c in ledger.claims()}
    with ledger.reading() as conn:
        mention_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM mentions ORDER BY id")]

    def improved(a: Article) -> list[Claim]:  # the extractor now reads the tank figure differently
        if a.doc == "a1":
            return [dataclasses.replace(tanks, value=10_934, low=10_934, high=10_934), claim(modality="hedged")]
        return [claim(modality="hedged")]

    totals = ledger.reextract(improved)
    assert totals == {"documents": 2, "kept": 2, "added": 1, "removed": 1, "claims_removed": 1}
    after = {c["category"]: c for c in ledger.claims()}
    assert after["killed_or_wounded"]["id"] == before["killed_or_wounded"]
    assert after["tanks"]["id"] != before["tanks"] and after["tanks"]["value"] == 10_934
    with ledger.reading() as conn:
        rows = conn.exec_driver_sql("SELECT id, position, modality FROM mentions ORDER BY id").all()
    assert [r[0] for r in rows][:2] == [mention_ids[0], mention_ids[2]]  # the CSIS mentions kept their ids
    assert {r[2] for r in rows if r[0] in mention_ids} == {"hedged"}  # updated in place
    assert ledger.reextract(improved)["kept"] == 3  # nothing changes the second time


def test_claims_view_matches_the_current_model_sql(sqlite_url: str) -> None:
    from lossledger.store.tables import CLAIMS_VIEW

    with Ledger(sqlite_url) as led, led.reading() as conn:
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'claims_view'").scalar()
        assert " ".join(sql.split()) == " ".join(CLAIMS_VIEW.split())
        assert current_revision(conn) == HEAD
