"""Benchmark of the extractor: throughput, peak memory and time to first claim on loss-dense news text.

Usage: python bench/extract.py [--mb N] [--quick] [--seed N]

The corpus is the dev corpus of ../shared (repeated, when present) plus articles generated from the
English and Swedish templates below. Extraction runs in this process, pinned to one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

# Bound at import: the first call imports the subpackage `lossledger.extract`, which then shadows
# the function of that name on the package (`lossledger.extract` becomes a module).
from lossledger import extract as extract_text

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
TARGET_MB_S = 1.0
TARGET_PEAK_MB = 100.0
TARGET_FIRST_S = 0.5
DEV_SHARE = 0.3  # of the corpus, at most, taken from repeated dev texts; the rest is generated


class Doc(NamedTuple):
    """One benchmark article, with what a reader would give the extractor beside its text."""

    doc: str
    text: str
    published: str | None
    lang: str | None


EN_CLAIMANTS = ["Ukraine's General Staff", "the General Staff of the Armed Forces of Ukraine", "CSIS",
                "the British Ministry of Defence", "Volodymyr Zelensky", "a senior NATO official",
                "Russia's defence ministry", "the Institute for the Study of War", "Mediazona"]
SV_CLAIMANTS = ["Ukrainas generalstab", "tankesmedjan CSIS", "brittiska försvarsministeriet",
                "Volodymyr Zelenskyj", "en hög Natotjänsteman", "ryska försvarsministeriet"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SV_WEEKDAYS = ["måndags", "tisdags", "onsdags", "torsdags", "fredags", "lördags", "söndags"]
SV_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
             "oktober", "november", "december"]
CITIES = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Kherson", "Lviv", "Pokrovsk"]
EQUIPMENT = ["tanks", "armoured vehicles", "artillery systems", "MLRS", "air defence systems", "aircraft",
             "helicopters", "operational-tactical drones", "cruise missiles", "ships and boats"]

EN_CLAIMS = [
    "{c} said on {wd} that Russia had lost {big:,} soldiers since February 2022.",
    "According to {c}, about {big:,} Russian troops have been killed or wounded since the invasion.",
    "{c} reported that Ukrainian forces destroyed {k} Russian tanks, {k2} armoured vehicles and "
    "{k3} artillery systems over the past day.",
    "Russian losses now stand at {big:,} personnel, {k:,} {eq} and {k2:,} vehicles, {c} said.",
    "{c} claimed that more than {mid:,} Ukrainian servicemen were killed in {month} {year}.",
    "Western officials estimate that Russia is losing an average of {rate:,} soldiers per day in {year}.",
    "At least {s} people died and {w} were injured in a Russian missile attack on {city} on {wd}, "
    "the regional governor said.",
    "{c} said combined losses could reach {big2:,} by the spring of {year2}.",
    "Between {lo:,} and {hi:,} Ukrainian soldiers may have been killed, {c} estimated.",
    "Tens of thousands of civilians have been killed since the war began, the UN human rights office said.",
    "Air defence units shot down {k} Russian drones and {s} cruise missiles overnight, the Air Force said.",
    "Not {mid:,}, not {lo:,}: {c} dismissed the figure as propaganda.",
]
SV_CLAIMS = [
    "Omkring {big} ryska soldater har dödats eller skadats i kriget, skriver {c}.",
    "Enligt {c} har Ryssland förlorat mer än {k} stridsvagnar sedan februari 2022.",
    "Ukrainas förluster kan ha uppgått till {lo}–{hi} soldater, uppger {c}.",
    "Minst {s} personer dödades och {w} skadades när en rysk robot slog ner i {city} i {wd}.",
    "Under {month} {year} förlorade Ryssland i genomsnitt {rate} soldater per dag, enligt {c}.",
    "Drygt {mid} ukrainska soldater har tagits till fånga, säger {c}.",
]
EN_NOISE = [
    "The summit in {city} brought together leaders of {s} countries and ended without a joint statement.",
    "Russian forces advanced about {w} metres per day near {city} in {month}, analysts said.",
    "The EU approved a €{s} billion aid package, and prices in {city} rose {s} percent in {year}.",
    "Recruitment offices reported {mid:,} new contracts signed in {year}, officials said.",
    "Residents queued for water as the temperature fell to minus {s} degrees.",
]
SV_NOISE = [
    "Toppmötet i {city} samlade ledare från {s} länder men slutade utan gemensamt uttalande.",
    "Ryska styrkor avancerade omkring {w} meter per dag nära {city} under {month}.",
    "EU godkände ett stödpaket på {s} miljarder euro.",
]


def _swedish(n: int) -> str:
    """Return n as a Swedish text writes it: 1 200 000, or 1,2 miljoner for round millions."""
    if n >= 1_000_000 and n % 100_000 == 0:
        return f"{n / 1_000_000:.1f}".replace(".", ",") + " miljoner"
    return f"{n:,}".replace(",", "\u00a0")


def _fill(rng: random.Random, template: str, sv: bool, day: dt.date) -> str:
    big = rng.randrange(50_000, 1_300_000)
    lo = rng.randrange(100, 600) * 1000
    hi = lo + rng.randrange(50, 200) * 1000
    values = {
        "c": rng.choice(SV_CLAIMANTS if sv else EN_CLAIMANTS), "big": big,
        "big2": rng.choice([1_500_000, 2_000_000]), "mid": rng.randrange(1_000, 90_000),
        "k": rng.randrange(2, 12_000), "k2": rng.randrange(2, 25_000), "k3": rng.randrange(2, 400),
        "eq": rng.choice(EQUIPMENT), "rate": rng.randrange(300, 1_600), "s": rng.randrange(1, 40),
        "w": rng.randrange(2, 180), "lo": lo, "hi": hi,
        "city": rng.choice(CITIES), "year": day.year - rng.randrange(0, 3), "year2": day.year + 1,
        "month": SV_MONTHS[day.month - 1] if sv else day.strftime("%B"),
        "wd": rng.choice(SV_WEEKDAYS if sv else WEEKDAYS),
    }
    if sv:
        values = {k: _swedish(v) if isinstance(v, int) and v >= 10_000 else v for k, v in values.items()}
    text = template.format(**values)
    return text[0].upper() + text[1:]


def generated_article(rng: random.Random, number: int) -> Doc:
    """Return one generated article: a dateline, two to five claim paragraphs and some noise paragraphs."""
    sv = rng.random() < 0.35
    day = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(0, 1400))
    if sv:
        head = f"Publicerad {day.day} {SV_MONTHS[day.month - 1][:3]} {day.year} kl 09.{rng.randrange(10, 60)}"
    else:
        head = f"{rng.choice(CITIES).upper()}, {day:%d %B %Y} (news) -"
    claims, noise = (SV_CLAIMS, SV_NOISE) if sv else (EN_CLAIMS, EN_NOISE)
    paragraphs = []
    for _ in range(rng.randrange(2, 6)):
        sentences = [_fill(rng, rng.choice(claims), sv, day) for _ in range(rng.randrange(1, 4))]
        sentences += [_fill(rng, rng.choice(noise), sv, day) for _ in range(rng.randrange(0, 3))]
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
    published = day.isoformat() if rng.random() < 0.5 else None  # else the extractor finds it in the text
    return Doc(f"{'sv' if sv else 'en'}-gen{number:05d}", "\n\n".join([head, *paragraphs]), published,
               rng.choice(["sv" if sv else "en", None]))


def dev_articles() -> list[Doc]:
    """Return the dev corpus articles (the 0NN_*.txt files and excerpts.jsonl), or [] without ../shared."""
    if not DEV.is_dir():
        return []
    texts = sorted(DEV.glob("0[0-9][0-9]_*.txt"))
    docs = [Doc(p.stem, p.read_text(encoding="utf-8"), None, None) for p in texts]
    for line in (DEV / "excerpts.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            docs.append(Doc(str(row["id"]), row["text"], row.get("published"), row.get("lang")))
    return docs


def build_corpus(mb: float, seed: int) -> tuple[list[Doc], int]:
    """Return (articles, how many of them are dev texts) holding at least `mb` MB of UTF-8 text."""
    goal = int(mb * 1_000_000)
    rng = random.Random(seed)
    docs: list[Doc] = []
    size = 0
    dev = dev_articles()
    while dev and size < goal * DEV_SHARE:
        for d in dev:
            docs.append(d._replace(doc=f"{d.doc}#{len(docs)}"))
            size += len(d.text.encode("utf-8"))
    n_dev = len(docs)
    while size < goal:
        d = generated_article(rng, len(docs))
        docs.append(d)
        size += len(d.text.encode("utf-8"))
    rng.shuffle(docs)
    return docs, n_dev


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


FIRST_CLAIM = """
import lossledger
text = ("KYIV, 12 March 2025 - Ukraine's General Staff said on Wednesday that Russia had lost "
        "1,000,340 soldiers since February 2022.")
claims = lossledger.extract(text, published="2025-03-12", lang="en", doc="first")
print(claims[0].to_dict() if claims else "NO CLAIM", flush=True)
"""


def time_to_first_claim() -> tuple[float, bool]:
    """Return (seconds from spawning a fresh Python to its first claim printed, whether it found one)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", FIRST_CLAIM], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    first = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.communicate()
    if child.returncode:
        raise SystemExit(f"the first-claim child process failed with exit status {child.returncode}")
    return elapsed, bool(first.strip()) and not first.startswith("NO CLAIM")


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, run the extractor over it and print the figures beside their targets."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size, MB of UTF-8 (default 5)")
    ap.add_argument("--quick", action="store_true", help="a 1 MB corpus, for CI")
    ap.add_argument("--seed", type=int, default=2022, help="seed of the generated articles (default 2022)")
    args = ap.parse_args(argv)
    mb = 1.0 if args.quick else args.mb

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    docs, n_dev = build_corpus(mb, args.seed)
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    print(f"corpus       {size / 1e6:.2f} MB in {len(docs)} articles ({n_dev} repeated dev texts"
          f"{'' if n_dev else ', ../shared absent'}, {len(docs) - n_dev} generated)")

    claims = 0
    start = time.perf_counter()
    for d in docs:
        claims += len(extract_text(d.text, published=d.published, lang=d.lang, doc=d.doc))
    elapsed = time.perf_counter() - start
    mb_s = size / 1e6 / elapsed
    peak = peak_rss_mb()
    first, found = time_to_first_claim()

    print(f"throughput   {mb_s:10.2f} MB/s      target >= {TARGET_MB_S:g}    {_mark(mb_s >= TARGET_MB_S)}")
    print(f"documents    {len(docs) / elapsed:10.1f} docs/s    ({elapsed:.2f} s on one core)")
    print(f"claims       {claims:10d}            ({claims / len(docs):.1f} per article)")
    print(f"peak memory  {peak:10.1f} MB        target < {TARGET_PEAK_MB:g}     "
          f"{_mark(peak < TARGET_PEAK_MB)}")
    note = "" if found else "   (no claim found: time to the child's answer)"
    print(f"first claim  {first:10.3f} s         target < {TARGET_FIRST_S:g}    "
          f"{_mark(found and first < TARGET_FIRST_S)}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
