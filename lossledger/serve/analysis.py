"""The analysis stage over the ledger: claims as analysis records, series from the series store, and the
checks, consensus band, bias and timeline the API and dashboard show (cached until the ledger changes).

`lossledger.analyse` works on claim dicts and a series store. Claims are read here with the serve layer's own
filters and limits (corrected values, rejected claims left out); series come from the ledger's series tables
(`lossledger series import`, through `analyse.ledger.LedgerStore`), plus a folder of series files when
`Settings.series_dir` names one.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, func, select

from lossledger.analyse.claims import as_of_span, group, in_band, midpoint, point
from lossledger.analyse.consensus import band, bias, family_points, figure_at
from lossledger.analyse.consistency import check_all
from lossledger.analyse.families import canonical, family_label, family_of
from lossledger.analyse.ledger import LedgerStore
from lossledger.analyse.ledger_tables import series as series_t
from lossledger.analyse.series import Series
from lossledger.analyse.store import FileStore
from lossledger.serve.tables import audit, reviews
from lossledger.store.ledger import Ledger
from lossledger.store.prepared import Prepared
from lossledger.store.tables import claims, documents, mentions

FIELDS = ("side", "population", "category", "metric", "qualifier", "value", "low", "high", "as_of", "period_start",
          "period_end", "modality", "stance")


def records(conn: Connection, *, side: str | None = None, category: str | None = None,
            claimant_id: int | None = None, limit: int = 20_000) -> list[dict[str, Any]]:
    """Return current claims (not rejected) as analysis records: the spec fields, `id` (the claim id as a
    string), `doc` and `evidence` of the first mention; newest as_of first, at most `limit`."""
    m = mentions.alias("first_mention")
    first = select(m.c.id).where(m.c.claim_id == claims.c.id).order_by(m.c.id).limit(1).scalar_subquery()
    stmt = (select(claims.c.id, claims.c.claimant, *[claims.c[f] for f in FIELDS],
                   documents.c.doc, mentions.c.evidence)
            .select_from(claims.outerjoin(mentions, mentions.c.id == first)
                         .outerjoin(documents, documents.c.id == mentions.c.document_id))
            .where(claims.c.id.not_in(select(reviews.c.claim_id).where(reviews.c.status == "rejected")))
            .order_by(claims.c.as_of.desc().nulls_last(), claims.c.id.desc()).limit(limit))
    if side:
        stmt = stmt.where(claims.c.side == side)
    if category:
        cats = ("killed_or_wounded", "losses") if group(category) == "killed_or_wounded" else (category,)
        stmt = stmt.where(claims.c.category.in_(cats))
    if claimant_id is not None:
        stmt = stmt.where(claims.c.claimant_id == claimant_id)
    out = []
    for r in conn.execute(stmt).mappings():
        rec = {k: r[k] for k in ("claimant", *FIELDS)}
        rec.update(id=str(r["id"]), doc=r["doc"] or f"claim-{r['id']}", evidence={"text": r["evidence"] or ""})
        out.append(rec)
    return out


@dataclass(frozen=True, slots=True)
class SeriesSource:
    """Where reference series come from: the ledger's series tables, plus the files of `series_dir` if given."""

    ledger: Ledger
    series_dir: str | None = None

    def load(self, name: str | None = None, *, side: str | None = None,
             category: str | None = None) -> list[Series]:
        """Return the series (the ledger's first; a file series of the same name, side and category is skipped)."""
        out = LedgerStore(self.ledger).load_series(name, side=side, category=category)
        if self.series_dir and os.path.isdir(self.series_dir):
            keys = {s.key for s in out}
            out += [s for s in FileStore(self.series_dir).load_series(name, side=side, category=category)
                    if s.key not in keys]
        return out


def src(ledger: Ledger, settings: Any) -> SeriesSource:
    """The series source of an app: its ledger, and `settings.series_dir`."""
    return SeriesSource(ledger, settings.series_dir)


def load_series(src: SeriesSource, side: str | None = None, category: str | None = None) -> list[Series]:
    """Return the reference series of a side (and category)."""
    return src.load(side=side, category=category)


@functools.cache
def _generation() -> Prepared:
    return Prepared(select(*(stmt.scalar_subquery() for stmt in (
        select(func.max(claims.c.id)), select(func.max(audit.c.id)), select(func.count()).select_from(reviews),
        select(func.max(series_t.c.id)), select(func.count()).select_from(series_t)))))


def generation(conn: Connection) -> tuple[int, ...]:
    """A cheap stamp that changes when claims are added or reviewed, or series imported: (max claim id, max
    audit id, reviews, max series id, series), read by one statement."""
    return tuple(v or 0 for v in _generation().rows(conn)[0])


class Cache:
    """Results keyed by name and arguments, dropped when the ledger's generation changes or after `ttl` s.

    One computation per key at a time: concurrent requests for a value being made wait for it instead of each
    running the same heavy query (`/api/sources` on a million claims takes about a minute).
    """

    def __init__(self, ttl: float = 300.0) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._making: dict[tuple, threading.Lock] = {}
        self._items: dict[tuple, tuple[float, tuple, Any]] = {}

    def _fresh(self, key: tuple, stamp: tuple) -> tuple[bool, Any]:
        with self._lock:
            hit = self._items.get(key)
        if hit and hit[1] == stamp and time.monotonic() - hit[0] < self.ttl:
            return True, hit[2]
        return False, None

    def get(self, key: tuple, stamp: tuple, make: Callable[[], Any]) -> Any:
        """Return the cached value of `key` made at `stamp`, else `make()` (and keep it)."""
        ok, value = self._fresh(key, stamp)
        if ok:
            return value
        with self._lock:
            making = self._making.setdefault(key, threading.Lock())
        with making:
            ok, value = self._fresh(key, stamp)  # made by another request meanwhile
            if ok:
                return value
            value = make()
            with self._lock:
                if len(self._items) > 512:
                    self._items.clear()
                self._items[key] = (time.monotonic(), stamp, value)
        return value


def latest_date(recs: list[dict[str, Any]]) -> date | None:
    """The latest as_of (end of its span) among the records."""
    return max((sp[1] for c in recs if (sp := as_of_span(c))), default=None)


def band_dict(recs: list[dict[str, Any]], series: list[Series], side: str, category: str,
              at: date) -> dict[str, Any]:
    """The consensus band at `at` as plain data (figures, excluded claims, floors)."""
    b = band(recs, side, category, at, series)
    return {"side": side, "category": b.category, "at": at, "low": b.low, "median": b.median, "high": b.high,
            "figures": [{"family": f.family, "label": f.label, "value": f.value, "how": f.how,
                         "based_on": list(f.based_on), "dates": list(f.dates), "age_days": f.age_days}
                        for f in b.figures],
            "excluded": [{"claim": i, "reason": why} for i, why in b.excluded],
            "floors": [{"name": n, "value": v} for n, v in b.floors]}


def bias_list(recs: list[dict[str, Any]], series: list[Series], side: str | None = None,
              category: str | None = None) -> list[dict[str, Any]]:
    """Each claimant's bias ratio to the other families' band, as plain data."""
    return [{"claimant": x.claimant, "family": x.family, "family_label": family_label(x.family), "n": x.n,
             "ratio": x.ratio, "geo_mean": x.geo_mean, "low": x.low, "high": x.high, "claims": list(x.claims)}
            for x in bias(recs, side, category, series)]


def findings(recs: list[dict[str, Any]], series: list[Series], claimant: str | None = None,
             today: date | None = None) -> list[dict[str, Any]]:
    """Every consistency finding on the records (only those involving `claimant`, when given)."""
    return [f.to_dict() for f in check_all(recs, series, today=today, claimant=claimant)]


def latest_by_family(recs: list[dict[str, Any]], series: list[Series], side: str,
                     category: str) -> list[dict[str, Any]]:
    """Each claimant family's latest figure for a side and category (claims that may enter the band)."""
    out = []
    for fam, pts in family_points(recs, side, category, series).items():
        last = max(pts)
        value, ids = figure_at(fam, pts, last).value, [i for _, i in pts[last]]  # type: ignore[union-attr]
        out.append({"family": fam, "label": family_label(fam), "as_of": last, "value": value, "based_on": ids})
    return sorted(out, key=lambda f: f["as_of"], reverse=True)


def overview(conn: Connection, src: SeriesSource, limit: int, top: int = 12) -> list[dict[str, Any]]:
    """The most claimed (side, category) pairs with each family's latest figure and the band at the latest date."""
    pairs = conn.execute(select(claims.c.side, claims.c.category, func.count().label("n"))
                         .group_by(claims.c.side, claims.c.category).order_by(func.count().desc())
                         .limit(top * 2)).all()
    seen, out = set(), []
    for side, category, _n in pairs:
        key = (side, group(category))
        if key in seen:
            continue
        seen.add(key)
        recs = records(conn, side=side, category=category, limit=limit)
        series = load_series(src, side=side)
        at = latest_date([c for c in recs if in_band(c)])
        out.append({"side": side, "category": group(category), "claims": len(recs),
                    "families": latest_by_family(recs, series, side, category),
                    "band": band_dict(recs, series, side, category, at) if at else None})
        if len(out) >= top:
            break
    return out


def timeline(conn: Connection, src: SeriesSource, side: str, category: str, limit: int,
             steps: int = 40) -> dict[str, Any]:
    """Claims, reference series and the band over time for one side and category (what the chart draws)."""
    recs = records(conn, side=side, category=category, limit=limit)
    series = [s for s in load_series(src, side=side) if group(s.category) == group(category)]
    pts = []
    for c in recs:
        sp, v = as_of_span(c), point(c)
        if sp is not None and v is not None:
            pts.append({"id": c["id"], "date": midpoint(sp), "value": v, "claimant": c.get("claimant"),
                        "family": family_label(family_of(c.get("claimant"))), "in_band": in_band(c)})
    dates = sorted(p["date"] for p in pts)
    bands = []
    if dates:
        first, last = dates[0], dates[-1]
        span_days = max((last - first).days, 1)
        for i in range(steps + 1):
            at = first + timedelta(days=round(span_days * i / steps))
            b = band(recs, side, category, at, series)
            if b.figures:
                bands.append({"at": at, "low": b.low, "median": b.median, "high": b.high})
    return {"side": side, "category": group(category), "points": sorted(pts, key=lambda p: p["date"]),
            "series": [{"name": s.name, "kind": s.kind, "points": list(s.points.items())} for s in series],
            "bands": bands}


def claimant_view(conn: Connection, src: SeriesSource, entity_id: int, name: str, limit: int) -> dict[str, Any]:
    """A claimant's family and its bias ratio in each side and category it has claims in."""
    own = records(conn, claimant_id=entity_id, limit=limit)
    pairs = sorted({(c["side"], group(c["category"])) for c in own if in_band(c)})
    who = canonical(name)
    ratios = []
    for side, category in pairs[:20]:
        recs = records(conn, side=side, category=category, limit=limit)
        series = load_series(src, side=side)
        ratios += [{**b, "side": side, "category": category} for b in bias_list(recs, series, side, category)
                   if b["claimant"] == who]
    return {"family": family_label(family_of(name)), "bias": ratios}
