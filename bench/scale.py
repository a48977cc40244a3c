"""Benchmark of archive ingest: a generated WARC through the local, pool and Ray engines into a fresh ledger.

Usage: python bench/scale.py [--articles N] [--quick] [--repeat N] [--engines local,pool,ray] [--pg URL]
                             [--warc PATH] [--check N] [--seed N] [--batch N]

Prints the per-stage costs per document on one core, and how the page filter and parsing costs grow with
page size (pages padded with boilerplate); then, per engine, articles/s and claims/s (Ray's start-up excluded
and printed apart), the CPU seconds the driver used and the 1-minute load average after the run (other
processes on the machine skew wall-clock rates, so compare runs at a low load; for `local`, articles per
driver CPU second is the per-core rate); then the pre-filter's selectivity (dropped before and after
parsing), the ledger's write rate, and whether the goals hold: >= 300 articles/s on 2 cores, Ray >= 90 %
of the pool.
The pages come from bench/newsgen.py (about 5 % on war losses). Without --pg the ledger is a SQLite file;
with --pg (a PostgreSQL maintenance URL) each run gets a new database, dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newsgen  # noqa: E402

from lossledger.read.warc import page_article, warc_pages  # noqa: E402
from lossledger.scale import Options, documents, process_batch, run  # noqa: E402
from lossledger.scale.write import add_batch  # noqa: E402
from lossledger.store import Ledger  # noqa: E402

GOAL_RATE = 300.0  # articles/s on 2 cores
GOAL_RAY = 0.90  # of the pool's throughput


def make_warc(path: Path, n: int, seed: int) -> float:
    """Write `n` generated pages to `path` (kept for reuse); return seconds taken (0 when it existed)."""
    if path.exists():
        return 0.0
    start = time.perf_counter()
    tmp = path.parent / f"{path.name}.part"
    newsgen.write_warc(tmp, newsgen.pages(n, seed=seed), gzip=path.name.endswith(".gz"))
    os.replace(tmp, path)
    return time.perf_counter() - start


@contextmanager
def fresh_ledger(pg: str | None, folder: Path):  # type: ignore[no-untyped-def]
    """Yield the URL of an empty ledger: a new SQLite file, or a new PostgreSQL database (dropped after)."""
    if not pg:
        path = folder / f"ledger-{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite:///{path}"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import sqlalchemy as sa

    name = f"ll_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield sa.make_url(pg).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def run_engine(engine: str, warc: Path, url: str, batch: int) -> dict[str, float]:
    """Ingest `warc` with `engine` (2 workers) into the ledger at `url`; return counts and seconds."""
    drops = {"page": 0}

    def on_result(article, result, error) -> None:  # type: ignore[no-untyped-def]
        if article is None and result is None and error is None:
            drops["page"] += 1  # dropped before parsing

    with Ledger(url) as led:
        start, cpu = time.perf_counter(), time.process_time()
        stats = run(documents([str(warc)]), led, engine=engine, workers=2, batch_size=batch, on_result=on_result)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": elapsed, "documents": stats.documents, "new": stats.new, "dropped": stats.dropped,
            "dropped_page": drops["page"], "mentions": stats.mentions, "failed": stats.failed,
            "driver_cpu": cpu, "load": os.getloadavg()[0]}


def stage_costs(warc: Path, sample: int, seed: int) -> dict[str, float]:
    """Milliseconds per document of each stage, in this process, on a random sample of the archive."""
    from lossledger import extract_article
    from lossledger.extract.prefilter import may_hold_claims
    from lossledger.scale.stages import _page_may_hold_claims, page_language

    start = time.perf_counter()
    raws = list(warc_pages(str(warc)))
    read_ms = (time.perf_counter() - start) / len(raws) * 1000
    rng = random.Random(seed)
    raws = rng.sample(raws, min(sample, len(raws)))
    costs = {"read (driver)": read_ms}

    def timed(name: str, fn, items) -> list:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        out = [fn(x) for x in items]
        costs[name] = (time.perf_counter() - t) / max(1, len(items)) * 1000
        return out

    langs = [(r, page_language(r, Options())) for r in raws]
    timed("page filter", lambda rl: _page_may_hold_claims(*rl), [rl for rl in langs if rl[1]])
    articles = timed("parse HTML", page_article, raws)
    timed("text filter", may_hold_claims, articles)
    timed("extract (kept docs)", extract_article, [a for a in articles if may_hold_claims(a)])
    costs["page size KB"] = sum(len(r.data) for r in raws) / len(raws) / 1000
    return costs


def parse_by_size(warc: Path, sizes: tuple[int, ...] = (25, 100, 250), sample: int = 200,
                  seed: int = 1) -> dict[int, tuple[float, float]]:
    """Return {KB: (page filter ms, parse ms)} per page for pages padded to about that size.

    Real news pages are larger than the generated ones (menus, related links, comments, inline scripts);
    the padding is such boilerplate, so the figures show how the per-page costs grow with page size.
    """
    import dataclasses

    from lossledger.scale.stages import _page_may_hold_claims, page_language

    raws = [r for _, r in zip(range(sample * 20), warc_pages(str(warc)), strict=False)]
    raws = random.Random(seed).sample(raws, min(sample, len(raws)))
    out = {}
    for kb in sizes:
        padded = [dataclasses.replace(r, data=r.data.replace(b"</body>", _boilerplate(kb * 1000 - len(r.data))
                                                             + b"</body>", 1)) for r in raws]
        t = time.perf_counter()
        for r in padded:
            lang = page_language(r, Options())
            if lang:
                _page_may_hold_claims(r, lang)
        filt = (time.perf_counter() - t) / len(padded) * 1000
        t = time.perf_counter()
        for r in padded:
            page_article(r)
        out[kb] = (filt, (time.perf_counter() - t) / len(padded) * 1000)
    return out


def _boilerplate(n: int) -> bytes:
    """About `n` bytes of page furniture: link lists, teaser blocks and an inline script, in equal parts."""
    links = "".join(f'<li><a href="/section/{i}/story-{i * 7}">Teaser headline number {i} about local matters</a></li>'
                    for i in range(40))
    teasers = "".join(f'<div class="teaser"><img src="/i/{i}.jpg" alt=""><p>Short summary {i} of another story, '
                      f"with a few words more.</p></div>" for i in range(20))
    script = "<script>" + "".join(f"var v{i}=document.querySelectorAll('.c{i}');" for i in range(60)) + "</script>"
    unit = f"<nav><ul>{links}</ul></nav><aside>{teasers}</aside>{script}".encode()
    return unit * max(0, round(n / len(unit)))


def write_rate(warc: Path, url: str, limit: int = 3000) -> tuple[float, float]:
    """Return (documents/s, mentions/s) that `add_batch` writes, 200 a transaction, for kept documents."""
    docs = [d for _, d in zip(range(limit * 3), documents([str(warc)]), strict=False)]
    kept = [(o.article, o.claims) for o in process_batch(docs, Options()) if o.status == "extracted"][:limit]
    with Ledger(url) as led:
        start = time.perf_counter()
        for i in range(0, len(kept), 200):
            add_batch(led, kept[i:i + 200])
        elapsed = time.perf_counter() - start
    return len(kept) / elapsed, sum(len(c) for _, c in kept) / elapsed


def check_dropped(warc: Path, n: int, seed: int) -> tuple[int, int]:
    """Fully extract `n` pages the pre-filter drops; return (checked, how many gave a claim: must be 0)."""
    from lossledger import extract_article
    from lossledger.scale.stages import process

    if n <= 0:
        return 0, 0
    dropped = [r for r in warc_pages(str(warc)) if process(r, Options()).status == "dropped"]
    sample = random.Random(seed).sample(dropped, min(n, len(dropped)))
    return len(sample), sum(1 for r in sample if extract_article(page_article(r)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--quick", action="store_true", help="3,000 articles, one run each, small samples (for CI)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per engine (the median is reported)")
    ap.add_argument("--engines", default="local,pool,ray")
    ap.add_argument("--pg", metavar="URL", help="PostgreSQL maintenance database URL (default: SQLite files)")
    ap.add_argument("--warc", type=Path, help="the WARC to use; generated there when missing")
    ap.add_argument("--check", type=int, default=1000, help="dropped pages fully extracted to check none had a claim")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64, help="documents per task (the engines' default: 64)")
    args = ap.parse_args()
    if args.quick:
        args.articles, args.repeat, args.check = 3000, 1, 200
    engines = [e for e in args.engines.split(",") if e]
    if "ray" in engines:
        try:
            import ray  # noqa: F401
        except ImportError:
            print("ray is not installed (pip install 'lossledger[scale]'): skipping the ray engine")
            engines.remove("ray")

    with tempfile.TemporaryDirectory(prefix="lossledger-bench-") as tmp:
        folder = Path(tmp)
        warc = args.warc or folder / f"news-{args.articles}-{args.seed}.warc.gz"
        made = make_warc(warc, args.articles, args.seed)
        print(f"archive: {warc.name}, {args.articles:,} generated articles (about 5 % on war losses), "
              f"{warc.stat().st_size / 1e6:.1f} MB gzipped" + (f", written in {made:.1f} s" if made else ""))
        print(f"machine: {os.cpu_count()} cores; ledger: {'PostgreSQL' if args.pg else 'SQLite'}")

        costs = stage_costs(warc, 300 if args.quick else 1500, args.seed)
        print("\nper document, one core (ms): " + ", ".join(f"{k} {v:.2f}" for k, v in costs.items()))

        sizes = parse_by_size(warc, sample=60 if args.quick else 200, seed=args.seed)
        print("by page size, one core (ms per page): " + ", ".join(
            f"{kb} KB: page filter {f:.2f}, parse {p:.2f}" for kb, (f, p) in sizes.items()))

        ray_start = None
        if "ray" in engines:
            import ray

            t = time.perf_counter()
            ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False,
                     configure_logging=False)
            ray_start = time.perf_counter() - t

        results: dict[str, dict[str, float]] = {}
        print(f"\n{'engine':<8} {'articles/s':>11} {'claims/s':>9} {'seconds':>8} {'new':>7} {'dropped':>8} "
              f"{'claims':>8} {'failed':>6} {'driver CPU s':>12} {'load':>5}")
        for engine in engines:
            runs = []
            for _ in range(args.repeat):
                with fresh_ledger(args.pg, folder) as url:
                    r = run_engine(engine, warc, url, args.batch)
                runs.append(r)
                print(f"{engine:<8} {r['documents'] / r['seconds']:>11,.0f} {r['mentions'] / r['seconds']:>9,.0f} "
                      f"{r['seconds']:>8.1f} {r['new']:>7,.0f} {r['dropped']:>8,.0f} {r['mentions']:>8,.0f} "
                      f"{r['failed']:>6,.0f} {r['driver_cpu']:>12.1f} {r['load']:>5.1f}", flush=True)
            med = statistics.median(r["documents"] / r["seconds"] for r in runs)
            results[engine] = {**runs[0], "rate": med,
                               "claims_rate": statistics.median(r["mentions"] / r["seconds"] for r in runs)}
        if ray_start is not None:
            import ray

            ray.shutdown()
            print(f"(Ray start-up, not in the figures above: {ray_start:.1f} s)")

        any_run = next(iter(results.values()), None)
        if any_run:
            total = any_run["documents"]
            print(f"\npre-filter: {any_run['dropped'] / total:.1%} of articles dropped "
                  f"({any_run['dropped_page'] / total:.1%} before parsing the HTML, "
                  f"{(any_run['dropped'] - any_run['dropped_page']) / total:.1%} after); "
                  f"{any_run['new'] / total:.1%} fully extracted")
        checked, missed = check_dropped(warc, args.check, args.seed)
        print(f"pre-filter check: {checked} dropped articles fully extracted, {missed} with a claim (must be 0)")
        with fresh_ledger(args.pg, folder) as url:
            docs_s, mentions_s = write_rate(warc, url, 600 if args.quick else 3000)
        print(f"ledger writes (driver, 200 documents a transaction): {docs_s:,.0f} documents/s, "
              f"{mentions_s:,.0f} claim mentions/s")

        print()
        if "pool" in results:
            pool = results["pool"]["rate"]
            print(f"goal >= {GOAL_RATE:.0f} articles/s on 2 cores: pool {pool:,.0f} -> "
                  f"{'met' if pool >= GOAL_RATE else 'NOT met'}")
            if "ray" in results:
                ratio = results["ray"]["rate"] / pool
                print(f"goal Ray >= {GOAL_RAY:.0%} of the pool: {ratio:.0%} -> "
                      f"{'met' if ratio >= GOAL_RAY else 'NOT met'}")
        if missed:
            raise SystemExit("the pre-filter dropped an article with a claim")


if __name__ == "__main__":
    main()
