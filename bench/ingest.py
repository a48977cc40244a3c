"""Ingest benchmark: documents/s and claims/s into SQLite (and PostgreSQL with --pg URL), and `claims` query times.

    python bench/ingest.py                      # 20,000 generated articles, 1 and 2 workers, SQLite
    python bench/ingest.py --quick              # 2,000 articles (what CI runs)
    python bench/ingest.py --pg postgresql+psycopg://user@127.0.0.1:5432/db
    python bench/ingest.py --query-claims 1000000   # also: claims queries on a ledger of 1M claims, with plans

The articles are generated here (templates × claimants × categories × numbers × dates), so runs are repeatable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lossledger.model import Article  # noqa: E402
from lossledger.store import Ledger  # noqa: E402
from lossledger.store.ingest import Ingester  # noqa: E402

CLAIMANTS = ["Ukraine's General Staff", "Russia's Defence Ministry", "CSIS", "the Institute for the Study of War",
             "Britain's Ministry of Defence", "Mediazona", "a senior NATO official", "Kyiv's military intelligence"]
EQUIPMENT = ["tanks", "armoured fighting vehicles", "artillery systems", "aircraft", "helicopters", "drones",
             "ships", "air defence systems"]
PEOPLE = ["soldiers killed or wounded", "troops killed", "servicemen wounded", "soldiers"]
SIDES = [("Russia", "Russian"), ("Ukraine", "Ukrainian")]
OUTLETS = ["kyivpost.example", "dw.example", "bbc.example", "svt.example", "reuters.example", "meduza.example"]
FILLER = ["Officials gave no further details.", "The figures could not be independently verified.",
          "Fighting continued along the front line overnight.", "Both sides have rarely published their own losses.",
          "The statement was published on the ministry's website.", "Analysts said the pace of fighting had slowed."]


def article(i: int, rng: random.Random) -> Article:
    """One generated news article with two to five loss figures."""
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900))
    country, adj = rng.choice(SIDES)
    lines = [f"date {day.isoformat()}", "", f"{adj} losses mount, officials say", ""]
    for _ in range(rng.randint(2, 5)):
        who = rng.choice(CLAIMANTS)
        if rng.random() < 0.5:
            n = rng.choice([rng.randrange(100, 20_000), rng.randrange(1, 40) * 1000])
            lines.append(f"{who} said that {country} has lost {n:,} {rng.choice(EQUIPMENT)} since the start of the "
                         "full-scale invasion.")
        else:
            n = rng.choice([rng.randrange(50_000, 1_300_000), rng.randrange(1, 13) * 100_000])
            hedge = rng.choice(["", "about ", "more than ", "up to "])
            lines.append(f"According to {who}, {country} has lost {hedge}{n:,} {rng.choice(PEOPLE)}.")
        lines.append(rng.choice(FILLER))
    return Article(doc=f"bench-{i}", text="\n".join(lines), url=f"https://{rng.choice(OUTLETS)}/news/{i}",
                   published=day.isoformat())


def articles(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    return [article(i, rng) for i in range(n)]


def run(url: str, docs: list[Article], workers: int) -> dict[str, float]:
    """Ingest `docs` into a fresh ledger at `url`; return the rates."""
    with Ledger(url) as ledger:
        start = time.perf_counter()
        with Ingester(ledger, workers=workers) as ing:
            stats = ing.run(docs)
        took = time.perf_counter() - start
        counts = ledger.stats()
    assert stats.failed == 0 and stats.new == len(docs), stats.errors[:3]
    return {"seconds": took, "docs_s": len(docs) / took, "claims_s": stats.mentions / took,
            "mentions": stats.mentions, "claims": counts["claims"]}


def query_bench(url: str, n_claims: int) -> None:
    """Fill `claims` with `n_claims` synthetic rows (bulk insert) and time the `claims` filters, with plans."""
    from sqlalchemy import insert

    from lossledger.store.query import claims_query
    from lossledger.store.tables import claims

    rng = random.Random(3)
    cats = ["tanks", "aircraft", "killed", "killed_or_wounded", "drones", "artillery", "ships", "wounded"]
    now = dt.datetime.now(dt.UTC)
    with Ledger(url) as ledger:
        start = time.perf_counter()
        with ledger.writing() as conn:
            for chunk in range(0, n_claims, 50_000):
                rows = []
                for i in range(chunk, min(n_claims, chunk + 50_000)):
                    v = float(rng.randrange(1, 1_500_000))
                    day = dt.date(2022, 2, 24) + dt.timedelta(days=rng.randrange(1400))
                    rows.append({"merge_key": f"q{i}", "claimant": None, "side": rng.choice(["russia", "ukraine"]),
                                 "population": "military", "category": rng.choice(cats), "category_group": "x",
                                 "metric": "count", "qualifier": "exact", "value": v, "low": v, "high": v,
                                 "magnitude": v, "as_of": day.isoformat(), "modality": "reported",
                                 "stance": "asserted", "created_at": now})
                conn.execute(insert(claims), rows)
        print(f"  filled {n_claims:,} claims in {time.perf_counter() - start:.1f} s")
        cases = [("newest 100", {}), ("--side russia --category tanks", {"side": "russia", "category": "tanks"}),
                 ("--since 2025-01-01 --until 2025-01-31", {"since": "2025-01-01", "until": "2025-01-31"}),
                 ("--min-value 1400000", {"min_value": 1_400_000}),
                 ("--claimant 'General Staff'", {"claimant": "General Staff"})]
        with ledger.reading() as conn:
            for label, filters in cases:
                stmt = claims_query(**filters)
                best = min(_timed(lambda s=stmt: conn.execute(s).all()) for _ in range(3))
                print(f"  claims {label:<40} {best * 1000:7.1f} ms")
                if conn.dialect.name == "sqlite":
                    sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
                    for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"):
                        if "SCALAR SUBQUERY" not in row[3] and "mentions" not in row[3]:
                            print(f"      plan: {row[3]}")


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000, help="generated articles to ingest (default 20,000)")
    ap.add_argument("--quick", action="store_true", help="2,000 articles")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated (default 1,2)")
    ap.add_argument("--pg", metavar="URL", help="also ingest into this (empty) PostgreSQL database")
    ap.add_argument("--query-claims", type=int, default=0, metavar="N", help="time claims queries on N claims")
    args = ap.parse_args()
    n = 2000 if args.quick else args.docs
    docs = articles(n)
    size = sum(len(a.text) for a in docs)
    print(f"{n:,} generated articles, {size / 1e6:.1f} MB of text, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        for workers in (int(w) for w in args.workers.split(",")):
            path = Path(tmp) / f"bench-{workers}.db"
            r = run(f"sqlite:///{path}", docs, workers)
            db_bytes = sum(p.stat().st_size for p in Path(tmp).glob(f"bench-{workers}.db*"))
            print(f"sqlite   workers={workers}: {r['docs_s']:8,.0f} documents/s {r['claims_s']:8,.0f} claims/s "
                  f"({r['mentions']:,} mentions, {r['claims']:,} merged claims, {r['seconds']:.1f} s); "
                  f"{db_bytes / n * 1000 / 1e6:.2f} MB per 1,000 documents")
        if args.pg:
            for workers in (int(w) for w in args.workers.split(",")):
                _reset_pg(args.pg)
                r = run(args.pg, docs, workers)
                print(f"postgres workers={workers}: {r['docs_s']:8,.0f} documents/s {r['claims_s']:8,.0f} claims/s")
        if args.query_claims:
            print(f"claims queries on {args.query_claims:,} claims (SQLite; best of 3, limit 100):")
            query_bench(f"sqlite:///{Path(tmp) / 'query.db'}", args.query_claims)


def _reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:  # every table, whichever stage's migration made it
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


if __name__ == "__main__":
    main()
