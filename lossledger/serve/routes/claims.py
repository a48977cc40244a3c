"""Read API: `/api/claims` (filters, cursor pages, JSON or CSV), `/api/claims/{id}`, `/api/sources`."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

import pydantic_core
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, TypeAdapter
from starlette.concurrency import run_in_threadpool

from lossledger.serve import data
from lossledger.serve.analysis import Cache, generation
from lossledger.serve.deps import ClaimId, ReaderDep
from lossledger.serve.schemas import DATE_PATTERN, ClaimDetail, ClaimPage, Problem, SourceOut
from lossledger.store.ledger import Ledger
from lossledger.store.query import FILTERS

router = APIRouter(prefix="/api", tags=["claims"])

CSV_COLUMNS = ("id", "claimant", "side", "population", "category", "metric", "qualifier", "value", "low", "high",
               "as_of", "period_start", "period_end", "modality", "stance", "mentions", "outlets", "review",
               "evidence", "evidence_start", "evidence_end", "evidence_doc", "evidence_url", "evidence_outlet",
               "evidence_published")


class ClaimFilters(BaseModel):
    """The filters of `lossledger claims`, plus the review status; query parameters of the API and the dashboard.

    A model, so FastAPI validates the parameters in one go: a dependency class with one `Query` per parameter took
    0.4 ms more of each `/api/claims` request.
    """

    side: str | None = Field(None, max_length=64, description="Whose loss: russia, ukraine, ...")
    category: str | None = Field(None, max_length=32, description="killed, tanks, ...")
    claimant: str | None = Field(None, max_length=200, description="Part of a claimant name or alias.")
    since: str | None = Field(None, pattern=DATE_PATTERN, description="as_of on or after (YYYY[-MM[-DD]]).")
    until: str | None = Field(None, pattern=DATE_PATTERN, description="as_of on or before.")
    min_value: float | None = Field(None, ge=0, le=1e15, description="Number (value, else upper, else lower bound) "
                                    "at least this.")
    q: str | None = Field(None, max_length=200, description="Text in the claimant or an evidence sentence.")
    status: Literal["current", "any", "unreviewed", "confirmed", "corrected", "rejected"] = Field(
        "current", description="Review status; `current` (default) leaves rejected claims out.")

    def query(self) -> dict[str, Any]:
        """The filters given, as keyword arguments of `data.claim_page`."""
        return {k: v for k in FILTERS if (v := getattr(self, k)) not in (None, "")}


class PageParams(BaseModel):
    """The page size and cursor, and the format, of `/api/claims`."""

    limit: int | None = Field(None, ge=1, le=1000, description="Claims per page.")
    cursor: str | None = Field(None, max_length=200, description="`next_cursor` of the previous page.")
    format: Literal["json", "csv"] = Field("json", description="json (default) or csv.")


class ClaimList(ClaimFilters, PageParams):
    """The query parameters of `/api/claims` (PageParams' first in the OpenAPI schema, as they always were)."""


DETAIL = TypeAdapter(ClaimDetail)
SOURCES = TypeAdapter(list[SourceOut])


def _json(adapter: TypeAdapter[Any], value: Any) -> Response:
    """The response FastAPI makes of a `response_model` (validated, then serialised by pydantic), made here in the
    worker thread: FastAPI would validate in one more thread hop."""
    return Response(adapter.dump_json(adapter.validate_python(value)), media_type="application/json")


_CLAIM_CELLS = CSV_COLUMNS[:CSV_COLUMNS.index("evidence")]
_EVIDENCE_CELLS = ("text", "start", "end", "doc", "url", "outlet", "published")  # evidence, evidence_start, ...
_NO_EVIDENCE = dict.fromkeys(_EVIDENCE_CELLS)
FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these gets a leading ', so that a spreadsheet does not run it as a formula."""


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(
        ["" if v is None else "'" + v if isinstance(v, str) and v.startswith(FORMULA) else v
         for v in (*map(r.get, _CLAIM_CELLS), *map((r.get("evidence") or _NO_EVIDENCE).get, _EVIDENCE_CELLS))]
        for r in rows)
    return out.getvalue()


# The read routes are `async def` and do their work, query and serialisation, in one worker thread: a sync route
# hops to a thread for the endpoint and again to validate the response (bench/api.py: /api/claims p99 60-160 ms
# under 8 clients on 2 cores; CPU per request, not SQL, was the cost).
@router.get("/claims", response_model=ClaimPage, responses={400: {"model": Problem}, 200: {
    "content": {"text/csv": {}}, "description": "A page of claims (JSON), or as CSV with `format=csv`."}})
async def list_claims(request: Request, params: Annotated[ClaimList, Query()], _user: ReaderDep) -> Response:
    """Merged claims, newest as_of first, with corrected values where reviewed; one page at a time."""
    settings, ledger = request.app.state.settings, request.app.state.ledger
    size = min(params.limit or settings.page_size, settings.max_page_size)
    return await run_in_threadpool(_claims, ledger, params, size)


def _claims(ledger: Ledger, params: ClaimList, size: int) -> Response:
    try:
        with ledger.reading() as conn:
            rows, nxt = data.claim_page(conn, limit=size, cursor=params.cursor, status=params.status,
                                        **params.query())
    except data.BadCursor as exc:
        raise HTTPException(400, str(exc)) from None
    if params.format == "csv":
        headers = {"content-disposition": 'attachment; filename="claims.csv"'}
        if nxt:
            headers["x-next-cursor"] = nxt
        return Response(_csv(rows), media_type="text/csv; charset=utf-8", headers=headers)
    return Response(page_json(rows, nxt, size), media_type="application/json")


def page_json(rows: list[dict[str, Any]], nxt: str | None, size: int) -> bytes:
    """A page as JSON, byte for byte what `ClaimPage` validated and serialised by pydantic gives (FastAPI's
    `response_model`), without the validation (0.15 ms of a 50-claim page): `data.claim_page` makes the rows with
    ClaimOut's keys, in its order, and pydantic's own serialiser writes them (its float format; inf and NaN as null).
    """
    return pydantic_core.to_json({"items": rows, "next_cursor": nxt, "limit": size}, inf_nan_mode="null")


@router.get("/claims/{claim_id}", response_model=ClaimDetail, responses={404: {"model": Problem}})
async def get_claim(request: Request, claim_id: ClaimId, _user: ReaderDep) -> Response:
    """One claim with every mention (document, outlet, evidence and offsets), its review and audit trail."""
    if not 0 < claim_id < 2**63:
        raise HTTPException(404, f"no claim {claim_id}")
    return await run_in_threadpool(_claim, request.app.state.ledger, claim_id)


def _claim(ledger: Ledger, claim_id: int) -> Response:
    with ledger.reading() as conn:
        found = data.claim_detail(conn, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id}")
    for m in found["mentions"]:
        m["evidence"] = {"text": m["evidence"], "start": m.pop("evidence_start"), "end": m.pop("evidence_end"),
                         "mention_id": m["id"], "doc": m["doc"], "url": m["url"], "outlet": m["outlet"],
                         "published": m["published"]}
    return _json(DETAIL, found)


@router.get("/sources", response_model=list[SourceOut])
async def list_sources(request: Request, _user: ReaderDep) -> Response:
    """Claimants with their claims and mentions, first and last as_of, and the outlets relaying them."""
    return await run_in_threadpool(_sources, request.app.state.ledger, request.app.state.cache)


def _sources(ledger: Ledger, cache: Cache) -> Response:
    with ledger.reading() as conn:
        stamp = generation(conn)
    body = cache.get(("sources",), stamp, lambda: SOURCES.dump_json(SOURCES.validate_python(ledger.sources())))
    return Response(body, media_type="application/json")
