"""Analysis API: `/api/series`, `/api/checks` and `/api/reconcile` over the ledger's current claims."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from lossledger.analyse.series import SeriesError
from lossledger.model import CATEGORIES
from lossledger.serve import analysis
from lossledger.serve.deps import CacheDep, LedgerDep, ReaderDep, SettingsDep
from lossledger.serve.schemas import FindingOut, IsoDay, Problem, ReconcileOut, SeriesOut

router = APIRouter(prefix="/api", tags=["analysis"])

Side = Annotated[str | None, Query(max_length=64, pattern=r"^[a-z][a-z .'-]*$", description="Whose loss.")]


def _category(category: str | None) -> str | None:
    if category is not None and category not in CATEGORIES:
        raise HTTPException(422, f"category must be one of {', '.join(CATEGORIES)}")
    return category


@router.get("/series", response_model=list[SeriesOut], responses={422: {"model": Problem}})
def list_series(ledger: LedgerDep, settings: SettingsDep, _user: ReaderDep, side: Side = None,
                category: Annotated[str | None, Query(max_length=32)] = None,
                name: Annotated[str | None, Query(max_length=100, pattern=r"^[A-Za-z0-9_.-]+$")] = None,
                points: Annotated[bool, Query(description="Include every (date, value) point.")] = False) -> Any:
    """The imported reference series (General Staff, Oryx, Mediazona, ...), optionally with their points."""
    _category(category)
    try:
        found = analysis.src(ledger, settings).load(name, side=side, category=category)
    except SeriesError as exc:
        raise HTTPException(422, str(exc)) from None
    return [{"name": s.name, "side": s.side, "category": s.category, "kind": s.kind, "source": s.source,
             "claimant": s.claimant, "cumulative": s.cumulative, "note": s.note, "first": s.first, "last": s.last,
             "count": len(s.points), "problems": len(s.problems),
             "points": list(s.points.items()) if points else None} for s in found]


@router.get("/checks", response_model=list[FindingOut], responses={422: {"model": Problem}})
def checks(ledger: LedgerDep, settings: SettingsDep, cache: CacheDep, _user: ReaderDep, side: Side = None,
           category: Annotated[str | None, Query(max_length=32)] = None,
           claimant: Annotated[str | None, Query(max_length=200, description="Only findings about this claimant.")]
           = None,
           verdict: Annotated[str | None, Query(pattern="^(consistent|inconsistent|unverifiable)$")] = None,
           today: Annotated[dt.date | None, Query(description="Projections are due by this date."), IsoDay] = None
           ) -> Any:
    """Consistency findings: claims against series and floors, in-article arithmetic, monotonicity, projections.

    Runs over at most `analysis_limit` current claims (newest first) of the side and category given.
    """
    _category(category)

    def run() -> list[dict[str, Any]]:
        with ledger.reading() as conn:
            recs = analysis.records(conn, side=side, category=category, limit=settings.analysis_limit)
        return analysis.findings(recs, analysis.load_series(analysis.src(ledger, settings), side=side), claimant, today)

    try:
        with ledger.reading() as conn:
            stamp = analysis.generation(conn)
        found = cache.get(("checks", side, category, claimant, today), stamp, run)
    except SeriesError as exc:
        raise HTTPException(422, str(exc)) from None
    return [f for f in found if verdict is None or f["verdict"] == verdict]


@router.get("/reconcile", response_model=ReconcileOut, responses={404: {"model": Problem}, 422: {"model": Problem}})
def reconcile(ledger: LedgerDep, settings: SettingsDep, cache: CacheDep, _user: ReaderDep,
              side: Annotated[str, Query(max_length=64, pattern=r"^[a-z][a-z .'-]*$")],
              category: Annotated[str, Query(max_length=32)],
              at: Annotated[dt.date | None, Query(description="Date of the band (default: latest claim)."), IsoDay]
              = None,
              ) -> Any:
    """The consensus band (one figure per independent claimant family) at a date, and each claimant's bias."""
    _category(category)

    def run() -> dict[str, Any] | None:
        with ledger.reading() as conn:
            recs = analysis.records(conn, side=side, category=category, limit=settings.analysis_limit)
        series = analysis.load_series(analysis.src(ledger, settings), side=side)
        when = at or analysis.latest_date(recs)
        if when is None:
            return None
        return {"band": analysis.band_dict(recs, series, side, category, when),
                "bias": analysis.bias_list(recs, series, side, category)}

    try:
        with ledger.reading() as conn:
            stamp = analysis.generation(conn)
        out = cache.get(("reconcile", side, category, at), stamp, run)
    except SeriesError as exc:
        raise HTTPException(422, str(exc)) from None
    if out is None:
        raise HTTPException(404, f"no dated {side} {category} claim; give at=YYYY-MM-DD")
    return out
