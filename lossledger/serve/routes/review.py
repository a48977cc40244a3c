"""Review API: confirm, correct or reject a claim (`POST /api/claims/{id}/review`) and read the audit trail."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from lossledger.serve import review
from lossledger.serve.deps import ClaimId, LedgerDep, ReaderDep, WriterDep
from lossledger.serve.schemas import AuditOut, Problem, ReviewIn, ReviewOut

router = APIRouter(prefix="/api", tags=["review"])


@router.post("/claims/{claim_id}/review", response_model=ReviewOut,
             responses={401: {"model": Problem}, 403: {"model": Problem}, 404: {"model": Problem},
                        422: {"model": Problem}})
def review_claim(claim_id: ClaimId, body: ReviewIn, ledger: LedgerDep, user: WriterDep) -> Any:
    """Confirm, correct (any field of the record) or reject a claim; the original extraction is kept and the
    action is added to the audit trail. Needs a user: a Bearer token, or a session cookie with X-CSRF-Token."""
    changes = body.changes.model_dump(exclude_unset=True) if body.changes else {}
    if body.action == "correct" and not changes:
        raise HTTPException(422, "a correction needs `changes`")
    try:
        return review.act(ledger.engine, claim_id, user, body.action, changes, body.reason)
    except review.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except review.ReviewError as exc:
        raise HTTPException(422, str(exc)) from None


@router.get("/audit", response_model=list[AuditOut])
def audit_trail(ledger: LedgerDep, _user: ReaderDep,
                claim_id: Annotated[int | None, Query(ge=1, lt=2**63, description="Only this claim.")] = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Any:
    """Review actions, newest first: who, when, before, after, why."""
    with ledger.reading() as conn:
        return review.trail(conn, claim_id, limit)
