"""The dashboard: overview, timeline, claims and search, claim, claimant, ingest and audit pages (server-rendered)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from lossledger.analyse.ledger import LedgerStore
from lossledger.errors import ReadError
from lossledger.model import CATEGORIES
from lossledger.serve import analysis, data, review
from lossledger.serve.deps import CacheDep, ClaimId, LedgerDep, ReaderDep, SettingsDep, UserDep, check_form_csrf
from lossledger.serve.ingest import ingest_one
from lossledger.serve.routes.claims import ClaimFilters
from lossledger.serve.svg import chart
from lossledger.serve.templating import render

router = APIRouter(include_in_schema=False)


def _signed_in(user: Any) -> None:
    if user is None:
        from lossledger.serve.deps import NeedLogin

        raise NeedLogin()


@router.get("/")
def overview(request: Request, ledger: LedgerDep, settings: SettingsDep, cache: CacheDep, _u: ReaderDep) -> Response:
    """Latest figures per side and category from each claimant family, with the consensus band."""
    with ledger.reading() as conn:
        stamp = analysis.generation(conn)

    def make() -> dict[str, Any]:
        with ledger.reading() as conn:
            return {"groups": analysis.overview(conn, analysis.src(ledger, settings), settings.analysis_limit),
                    "counts": data.counts(conn)}

    return render(request, "overview.html", cache.get(("overview",), stamp, make))


@router.get("/timeline")
def timeline(request: Request, ledger: LedgerDep, settings: SettingsDep, cache: CacheDep, _u: ReaderDep,
             side: Annotated[str, Query(max_length=64)] = "russia",
             category: Annotated[str, Query(max_length=32)] = "killed_or_wounded") -> Response:
    """Claims over the reference series and the consensus band for one side and category."""
    if category not in CATEGORIES:
        raise HTTPException(404, f"no category {category!r}")
    with ledger.reading() as conn:
        stamp = analysis.generation(conn)
        menus = cache.get(("facets",), stamp, lambda: data.facets(conn))
    tl = cache.get(("timeline", side, category), stamp, lambda: _timeline(ledger, settings, side, category))
    return render(request, "timeline.html", {"side": side, "category": category, "chart": chart(tl),
                                             "points": tl["points"], "facets": menus})


def _timeline(ledger: Any, settings: Any, side: str, category: str) -> dict[str, Any]:
    with ledger.reading() as conn:
        return analysis.timeline(conn, analysis.src(ledger, settings), side, category, settings.analysis_limit)


@router.get("/claims")
def claims_page(request: Request, ledger: LedgerDep, settings: SettingsDep, _u: ReaderDep,
                filters: Annotated[ClaimFilters, Query()],
                cursor: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    """Claims with the API's filters; `q` searches the evidence sentences (and claimant names)."""
    try:
        with ledger.reading() as conn:
            rows, nxt = data.claim_page(conn, limit=settings.page_size, cursor=cursor, status=filters.status,
                                        **filters.query())
    except data.BadCursor as exc:
        raise HTTPException(400, str(exc)) from None
    params = {k: v for k, v in filters.model_dump().items() if v not in (None, "")}
    return render(request, "claims.html", {"rows": rows, "next": nxt, "params": params, "categories": CATEGORIES})


@router.get("/search")
def search(q: Annotated[str, Query(max_length=200)] = "") -> Response:
    """Full-text search over evidence: the claims page with `q`."""
    from urllib.parse import urlencode

    return RedirectResponse("/claims?" + urlencode({"q": q}) if q else "/claims", status_code=303)


@router.get("/claims/{claim_id}")
def claim_page(request: Request, claim_id: ClaimId, ledger: LedgerDep, settings: SettingsDep, cache: CacheDep,
               _u: ReaderDep) -> Response:
    """A claim: its evidence highlighted in its article, every mention and outlet, check findings, review."""
    if not 0 < claim_id < 2**63:
        raise HTTPException(404, f"no claim {claim_id}")
    with ledger.reading() as conn:
        found = data.claim_detail(conn, claim_id)
        if found is None:
            raise HTTPException(404, f"no claim {claim_id}")
        first = found["mentions"][0] if found["mentions"] else None
        text = data.document_text(conn, first["document_id"]) if first else None
        stamp = analysis.generation(conn)
        claimant_id = conn.scalar(_claimant_id(claim_id))
    side, category = found["side"], found["category"]

    def run() -> list[dict[str, Any]]:
        with ledger.reading() as conn:
            recs = analysis.records(conn, side=side, category=category, limit=settings.analysis_limit)
        return analysis.findings(recs, analysis.load_series(analysis.src(ledger, settings), side=side))

    stored = LedgerStore(ledger).findings(claim_id)  # from the last `lossledger check` run, if any
    try:
        live = [f for f in cache.get(("checks", side, category, None, None), stamp, run)
                if str(claim_id) in f["claims"]]
    except Exception as exc:  # a broken series file must not hide the claim
        live = [{"check": "series", "verdict": "unverifiable", "explanation": f"checks failed: {exc}", "claims": []}]
    seen = {(f["check"], f["explanation"]) for f in live}
    findings = live + [{**f, "stored": True} for f in stored if (f["check"], f["explanation"]) not in seen]
    return render(request, "claim.html", {"c": found, "text": text, "first": first, "findings": findings,
                                          "claimant_id": claimant_id, "choices": review.CHOICES,
                                          "fields": review.FIELDS})


def _claimant_id(claim_id: int) -> Any:
    from sqlalchemy import select

    from lossledger.store.tables import claims

    return select(claims.c.claimant_id).where(claims.c.id == claim_id)


@router.post("/claims/{claim_id}/review")
async def review_form(request: Request, claim_id: ClaimId, ledger: LedgerDep, user: UserDep) -> Response:
    """Confirm, correct or reject a claim from its page (a signed-in user; CSRF-checked)."""
    form = await request.form()
    check_form_csrf(request, str(form.get("csrf_token") or ""))
    _signed_in(user)
    action = str(form.get("action") or "")
    changes = {f: str(form[f]) for f in review.FIELDS if f in form} if action == "correct" else {}
    try:
        review.act(ledger.engine, claim_id, user, action, changes, str(form.get("reason") or ""))
    except review.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except review.ReviewError as exc:
        raise HTTPException(422, str(exc)) from None
    return RedirectResponse(f"/claims/{claim_id}#review", status_code=303)


@router.get("/claimants/{entity_id}")
def claimant_page(request: Request, entity_id: ClaimId, ledger: LedgerDep, settings: SettingsDep, cache: CacheDep,
                  _u: ReaderDep) -> Response:
    """A claimant: its claims over time and its bias ratio against the other families."""
    if not 0 < entity_id < 2**63:
        raise HTTPException(404, f"no claimant {entity_id}")
    with ledger.reading() as conn:
        who = data.claimant_entity(conn, entity_id)
        if who is None:
            raise HTTPException(404, f"no claimant {entity_id}")
        rows = data.claimant_claims(conn, entity_id)
        stamp = analysis.generation(conn)

    def make() -> dict[str, Any]:
        with ledger.reading() as conn:
            return analysis.claimant_view(conn, analysis.src(ledger, settings), entity_id, who["name"],
                                          settings.analysis_limit)

    view = cache.get(("claimant", entity_id), stamp, make)
    return render(request, "claimant.html", {"who": who, "rows": rows, **view})


@router.get("/ingest")
def ingest_form(request: Request, user: UserDep) -> Response:
    """The ingest form: paste a text or give a URL (signed-in users)."""
    _signed_in(user)
    return render(request, "ingest.html", {"result": None, "error": None})


@router.post("/ingest")
def ingest_post(request: Request, ledger: LedgerDep, settings: SettingsDep, user: UserDep,
                csrf_token: Annotated[str | None, Form()] = None,
                text: Annotated[str | None, Form(max_length=1_000_000)] = None,
                url: Annotated[str | None, Form(max_length=2000)] = None,
                published: Annotated[str | None, Form(max_length=10, pattern=r"^(\d{4}-\d{2}(-\d{2})?)?$")] = None,
                ) -> Response:
    """Extract and store a pasted text or the page at a URL; private and loopback addresses are refused."""
    check_form_csrf(request, csrf_token)
    _signed_in(user)
    try:
        result = ingest_one(ledger, text=text, url=url, published=published or None,
                            allow_private=settings.allow_private_fetch)
    except ReadError as exc:
        return render(request, "ingest.html", {"result": None, "error": str(exc)}, status_code=422)
    return render(request, "ingest.html", {"result": result, "error": None})


@router.get("/audit")
def audit_page(request: Request, ledger: LedgerDep, _u: ReaderDep) -> Response:
    """The latest review actions across the ledger."""
    with ledger.reading() as conn:
        rows = review.trail(conn, None, 200)
    return render(request, "audit.html", {"rows": rows})
