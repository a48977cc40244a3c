"""Generated news for the scale benchmark and tests: HTML pages (about 5 % on war losses) and WARC files of them.

All text is made here from templates; no page is copied from anywhere. Ordinary news covers sport,
business, weather, culture, politics and science in English, Swedish and German, and some of it uses
words that a loss lexicon also holds ("lost 2-1", "the plan", "killed the bill"), as real news does, so the
pre-filter is measured on text that is not trivially separable. Pages carry a navigation bar, a "most
read" box (sometimes with a loss headline), inline style and script, and a JSON-LD block, like news sites.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

CITIES = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Kherson", "Lviv", "Pokrovsk"]
TOWNS = ["Leeds", "Uppsala", "Freiburg", "Porto", "Graz", "Malmo", "Bristol", "Ghent", "Turku", "Bergen"]
EN_CLAIMANTS = ["Ukraine's General Staff", "the British Ministry of Defence", "Volodymyr Zelensky",
                "Russia's defence ministry", "the Institute for the Study of War", "a senior NATO official"]
EQUIPMENT = ["tanks", "armoured vehicles", "artillery systems", "air defence systems", "helicopters", "drones"]
WAR_EN = [
    "{c} said on {wd} that Russia had lost {big:,} soldiers since February 2022.",
    "According to {c}, about {big:,} Russian troops have been killed or wounded since the invasion.",
    "{c} reported that Ukrainian forces destroyed {k} Russian tanks and {k2} {eq} over the past day.",
    "At least {s} people died and {w} were injured in a Russian missile attack on {city} on {wd}, "
    "the regional governor said.",
    "Between {lo:,} and {hi:,} Ukrainian soldiers may have been killed, {c} estimated.",
    "Air defence units shot down {k} Russian drones overnight, the Air Force said.",
]
WAR_SV = [
    "Enligt {c} har Ryssland förlorat mer än {k} stridsvagnar sedan februari 2022.",
    "Minst {s} personer dödades och {w} skadades när en rysk robot slog ner i {city} i {wd_sv}.",
    "Omkring {big} ryska soldater har dödats eller skadats i kriget, skriver {c}.",
]
SV_CLAIMANTS = ["Ukrainas generalstab", "brittiska försvarsministeriet", "Volodymyr Zelenskyj"]
WAR_CONTEXT = [
    "Fighting continued along the front line near {city}, where both sides dug in for the winter.",
    "Diplomats met in Geneva on {wd} to discuss a possible ceasefire, without agreement.",
    "Independent verification of battlefield figures remains difficult.",
]
ORDINARY_EN = [
    "{team} beat {team2} {g}-{g2} on {wd} in front of {crowd:,} fans at {town}.",
    "{team} lost {g}-{g2} to {team2} and dropped to {pos}th place in the table.",
    "Shares in {firm} rose {p} percent after the company reported revenue of {m} million euros.",
    "The council approved a plan to build {n} new homes in {town} by {year}.",
    "Temperatures in {town} are expected to reach {t} degrees on {wd}, forecasters said.",
    "The festival in {town} sold {crowd:,} tickets this year, up from {n:,} last year.",
    "Lawmakers killed the bill by {n} votes to {n2} after a long debate on {wd}.",
    "Researchers at the University of {town} published a study of {n} patients on sleep and memory.",
    "The museum in {town} reopened on {wd} after a renovation that cost {m} million euros.",
    "Train services between {town} and {town2} will be reduced for {n} weeks from {month}.",
    "The band played for {crowd:,} people in {town}, their first show there in {g} years.",
    "{firm} said it would hire {n} engineers in {town} over the next {g} years.",
    "Inflation slowed to {p} percent in {month}, the statistics office said.",
    "Police in {town} are asking for help to find a dog that went missing on {wd}.",
]
ORDINARY_SV = [
    "{team} vann med {g}-{g2} mot {team2} inför {crowd} åskådare i {town}.",
    "Kommunen har en plan för {n} nya bostäder i {town} till år {year}.",
    "Aktien i {firm} steg {p} procent efter rapporten på {wd}.",
    "Tågtrafiken mellan {town} och {town2} minskas under {n} veckor.",
]
# Templates using words a loss lexicon also holds are rarer, so about a third of ordinary articles have one.
TRICKY = {"lost", "killed the bill", "went missing", "en plan"}
ORDINARY_DE = [
    "{team} gewann am {wd_de} mit {g}:{g2} gegen {team2} vor {crowd} Zuschauern.",
    "Der Stadtrat von {town} beschloss {n} neue Wohnungen bis {year}.",
    "Die Aktie von {firm} stieg um {p} Prozent nach den Zahlen für das Quartal.",
    "Die Bahn kündigte für {n} Wochen weniger Züge zwischen {town} und {town2} an.",
]
TEAMS = ["United", "Rovers", "City", "Athletic", "Wanderers", "Albion", "Hotspur", "Rangers"]
FIRMS = ["Nordcell", "Brightwave", "Ostmark Energie", "Kallberg", "Varta Foods", "Helix Robotics"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_SV = ["måndags", "tisdags", "onsdags", "torsdags", "fredags", "lördags", "söndags"]
WD_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
MOST_READ = ["Ten tips for a cheaper summer holiday", "New bridge opens after six years",
             "Local bakery wins national award", "How the election night unfolded", "Five books to read now"]
MOST_READ_LOSS = ["Two dead after storm hits coast", "Club lost its coach to rival", "Three injured in crash"]
NAV = ["Home", "World", "Europe", "Business", "Sport", "Culture", "Science", "Travel", "Opinion", "Video"]
SCRIPT = "window.dataLayer=window.dataLayer||[];" + "".join(
    f"function t{i}(a,b){{return a.filter(function(x){{return x.id!==b}}).map(function(x){{return x.v*{i}}})}}"
    for i in range(40))
STYLE = "".join(f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i:03x}}}" for i in range(80))


@dataclass(frozen=True)
class Page:
    """One generated page: its URL, HTML, language, and whether it was written to report war losses."""

    url: str
    html: str
    lang: str
    war: bool


def _values(rng: random.Random, day: dt.date) -> dict:
    lo = rng.randrange(100, 600) * 1000
    return {
        "c": rng.choice(EN_CLAIMANTS), "big": rng.randrange(50_000, 1_300_000), "k": rng.randrange(2, 12_000),
        "k2": rng.randrange(2, 25_000), "eq": rng.choice(EQUIPMENT), "s": rng.randrange(2, 40),
        "w": rng.randrange(2, 180), "lo": lo, "hi": lo + rng.randrange(50, 200) * 1000, "city": rng.choice(CITIES),
        "wd": rng.choice(WEEKDAYS), "wd_sv": rng.choice(WD_SV), "wd_de": rng.choice(WD_DE),
        "team": rng.choice(TEAMS), "team2": rng.choice(TEAMS), "g": rng.randrange(0, 6), "g2": rng.randrange(0, 6),
        "crowd": rng.randrange(800, 60_000), "town": rng.choice(TOWNS), "town2": rng.choice(TOWNS),
        "pos": rng.randrange(4, 20), "firm": rng.choice(FIRMS), "p": rng.randrange(1, 15), "m": rng.randrange(2, 900),
        "n": rng.randrange(10, 5000), "n2": rng.randrange(10, 400), "t": rng.randrange(-10, 35),
        "year": day.year + rng.randrange(1, 6), "month": day.strftime("%B"),
    }


def _text(rng: random.Random, templates: list[str], day: dt.date, sentences: int, claimants=None) -> list[str]:
    paras = []
    for _ in range(rng.randrange(2, 6)):
        row = []
        for _ in range(rng.randrange(1, sentences + 1)):
            v = _values(rng, day)
            if claimants:
                v["c"] = rng.choice(claimants)
            ordinary = templates in (ORDINARY_EN, ORDINARY_SV, ORDINARY_DE)
            weights = [0.15 if ordinary and any(t in x for t in TRICKY) else 1.0 for x in templates]
            s = rng.choices(templates, weights)[0].format(**v)
            row.append(s[0].upper() + s[1:])
        paras.append(" ".join(row))
    return paras


def page(rng: random.Random, number: int, war_share: float = 0.05) -> Page:
    """Return one generated news page; `war_share` of them report war losses."""
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))
    war = rng.random() < war_share
    if war and rng.random() < 0.25:
        lang, paras = "sv", _text(rng, WAR_SV, day, 2, SV_CLAIMANTS)
        title = f"Kriget i Ukraina: läget {day:%Y-%m-%d}"
    elif war:
        lang = "en"
        paras = _text(rng, WAR_EN, day, 3) + _text(rng, WAR_CONTEXT, day, 1)
        rng.shuffle(paras)
        title = f"Ukraine war latest: {rng.choice(CITIES)} under fire"
    else:
        lang = rng.choices(["en", "sv", "de"], [0.7, 0.15, 0.15])[0]
        templates = {"en": ORDINARY_EN, "sv": ORDINARY_SV, "de": ORDINARY_DE}[lang]
        paras = _text(rng, templates, day, 4)
        title = " ".join(paras[0].split()[:7]).rstrip(",.")
    section = "world" if war else rng.choice(["sport", "business", "culture", "local", "science"])
    url = f"https://news{number % 40}.example/{section}/{day:%Y/%m/%d}/story-{number}"
    most_read = rng.sample(MOST_READ, 3) + ([rng.choice(MOST_READ_LOSS)] if rng.random() < 0.1 else [])
    html = _html(title, paras, url, day, lang if rng.random() < 0.9 else None, most_read)
    return Page(url, html, lang, war)


def _html(title: str, paras: list[str], url: str, day: dt.date, lang: str | None, most_read: list[str]) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": f"{day}T08:00:00Z"}, ensure_ascii=False)
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    box = "".join(f'<li><a href="/read/{i}">{h}</a></li>' for i, h in enumerate(most_read))
    body = "".join(f"<p>{p}</p>" for p in paras)
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f'<!DOCTYPE html><html{lang_attr}><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="canonical" href="{url}"><style>{STYLE}</style>'
            f'<script type="application/ld+json">{ld}</script></head><body>'
            f'<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title}</h1>'
            f'<p class="byline">By Staff Reporter, <time datetime="{day}">{day:%d %B %Y}</time></p>{body}</article>'
            f'<aside><h2>Most read</h2><ol>{box}</ol></aside></main>'
            f'<footer><p>Contact us · Privacy · Terms</p></footer><script>{SCRIPT}</script></body></html>')


def write_warc(path: Path, pages: list[Page], extra: bool = True, gzip: bool | None = None) -> None:
    """Write `pages` as HTTP 200 responses to a WARC file, gzipped per record when `gzip` (default: when
    `path` ends in .gz).

    With `extra`, each 20th page is preceded by a request record, and a PDF response, a 404 page and a
    metadata record are mixed in, which a reader must skip.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(w: WARCWriter, url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz") if gzip is None else gzip)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "lossledger bench/newsgen.py"}))
        for i, p in enumerate(pages):
            if extra and i % 20 == 0:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
                w.write_record(w.create_warc_record(p.url, "request", payload=io.BytesIO(b""), http_headers=req))
            if extra and i % 50 == 7:
                response(w, p.url + ".pdf", b"%PDF-1.4 not html", ctype="application/pdf")
                response(w, p.url + "/gone", b"<html><body>Not found</body></html>", status="404 Not Found")
                w.write_record(w.create_warc_record(p.url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 12"),
                                                    warc_content_type="application/warc-fields"))
            response(w, p.url, p.html.encode("utf-8"), ctype="text/html; charset=utf-8")


def pages(n: int, seed: int = 1, war_share: float = 0.05) -> list[Page]:
    """Return `n` generated pages (deterministic for a seed)."""
    rng = random.Random(seed)
    return [page(rng, i, war_share) for i in range(n)]
