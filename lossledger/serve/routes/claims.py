"""Read API: `/api/claims` (filters, cursor pages, JSON or CSV), `/api/claims/{id}`, `/api/sources`."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from lossledger.serve import data
from lossledger.serve.analysis import generation
from lossledger.serve.deps import CacheDep, ClaimId, LedgerDep, ReaderDep, SettingsDep
from lossledger.serve.schemas import DATE_PATTERN, ClaimDetail, ClaimPage, Problem, SourceOut

router = APIRouter(prefix="/api", tags=["claims"])

CSV_COLUMNS = ("id", "claimant", "side", "population", "category", "metric", "qualifier", "value", "low", "high",
               "as_of", "period_start", "period_end", "modality", "stance", "mentions", "outlets", "review",
               "evidence", "evidence_start", "evidence_end", "evidence_doc", "evidence_url", "evidence_outlet",
               "evidence_published")


class ClaimFilters:
    """The filters of `lossledger claims`, plus the review status; shared by the API and the dashboard."""

    def __init__(
        self,
        side: Annotated[str | None, Query(max_length=64, description="Whose loss: russia, ukraine, ...")] = None,
        category: Annotated[str | None, Query(max_length=32, description="killed, tanks, ...")] = None,
        claimant: Annotated[str | None, Query(max_length=200, description="Part of a claimant name or alias.")]
        = None,
        since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="as_of on or after (YYYY[-MM[-DD]]).")]
        = None,
        until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="as_of on or before.")] = None,
        min_value: Annotated[float | None, Query(ge=0, le=1e15, description="Number (value, else upper, else "
                                                 "lower bound) at least this.")] = None,
        q: Annotated[str | None, Query(max_length=200, description="Text in the claimant or an evidence sentence.")]
        = None,
        status: Annotated[Literal["current", "any", "unreviewed", "confirmed", "corrected", "rejected"],
                          Query(description="Review status; `current` (default) leaves rejected claims out.")]
        = "current",
    ) -> None:
        self.values = {"side": side, "category": category, "claimant": claimant, "since": since, "until": until,
                       "min_value": min_value, "q": q}
        self.status = status

    def query(self) -> dict[str, Any]:
        """The filters given, as keyword arguments of `data.claim_page`."""
        return {k: v for k, v in self.values.items() if v not in (None, "")}


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        ev = r.get("evidence") or {}
        flat = {**r, "evidence": ev.get("text"), "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
                **{f"evidence_{k}": ev.get(k) for k in ("doc", "url", "outlet", "published")}}
        writer.writerow(["" if flat.get(c) is None else _cell(flat[c]) for c in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (=, +, -, @ at the start get a leading ')."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@router.get("/claims", response_model=ClaimPage, responses={400: {"model": Problem}, 200: {
    "content": {"text/csv": {}}, "description": "A page of claims (JSON), or as CSV with `format=csv`."}})
def list_claims(request: Request, ledger: LedgerDep, settings: SettingsDep, _user: ReaderDep,
                filters: Annotated[ClaimFilters, Depends()],
                limit: Annotated[int | None, Query(ge=1, le=1000, description="Claims per page.")] = None,
                cursor: Annotated[str | None, Query(max_length=200, description="`next_cursor` of the previous "
                                                    "page.")] = None,
                format: Annotated[Literal["json", "csv"], Query(description="json (default) or csv.")] = "json",
                ) -> Any:
    """Merged claims, newest as_of first, with corrected values where reviewed; one page at a time."""
    size = min(limit or settings.page_size, settings.max_page_size)
    try:
        with ledger.reading() as conn:
            rows, nxt = data.claim_page(conn, limit=size, cursor=cursor, status=filters.status, **filters.query())
    except data.BadCursor as exc:
        raise HTTPException(400, str(exc)) from None
    if format == "csv":
        headers = {"content-disposition": 'attachment; filename="claims.csv"'}
        if nxt:
            headers["x-next-cursor"] = nxt
        return Response(_csv(rows), media_type="text/csv; charset=utf-8", headers=headers)
    return {"items": rows, "next_cursor": nxt, "limit": size}


@router.get("/claims/{claim_id}", response_model=ClaimDetail, responses={404: {"model": Problem}})
def get_claim(claim_id: ClaimId, ledger: LedgerDep, _user: ReaderDep) -> Any:
    """One claim with every mention (document, outlet, evidence and offsets), its review and audit trail."""
    if not 0 < claim_id < 2**63:
        raise HTTPException(404, f"no claim {claim_id}")
    with ledger.reading() as conn:
        found = data.claim_detail(conn, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id}")
    for m in found["mentions"]:
        m["evidence"] = {"text": m["evidence"], "start": m.pop("evidence_start"), "end": m.pop("evidence_end"),
                         "mention_id": m["id"], "doc": m["doc"], "url": m["url"], "outlet": m["outlet"],
                         "published": m["published"]}
    return found


@router.get("/sources", response_model=list[SourceOut])
def list_sources(ledger: LedgerDep, cache: CacheDep, _user: ReaderDep) -> Any:
    """Claimants with their claims and mentions, first and last as_of, and the outlets relaying them."""
    with ledger.reading() as conn:
        stamp = generation(conn)
    return cache.get(("sources",), stamp, ledger.sources)
