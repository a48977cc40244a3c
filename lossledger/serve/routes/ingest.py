"""Ingest API: `POST /api/ingest` adds one text or one URL (public addresses only) to the ledger."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from lossledger.errors import ReadError
from lossledger.serve.deps import LedgerDep, SettingsDep, WriterDep
from lossledger.serve.ingest import ingest_one
from lossledger.serve.schemas import IngestIn, IngestOut, Problem

router = APIRouter(prefix="/api", tags=["ingest"])


@router.post("/ingest", response_model=IngestOut, responses={401: {"model": Problem}, 422: {"model": Problem}})
def ingest(body: IngestIn, ledger: LedgerDep, settings: SettingsDep, _user: WriterDep) -> Any:
    """Extract the claims of a text, or of the page at a URL, and add them to the ledger.

    URLs must be http(s) on public addresses: loopback, private and link-local hosts are refused.
    """
    try:
        return ingest_one(ledger, text=body.text, url=body.url, doc=body.doc, published=body.published,
                          allow_private=settings.allow_private_fetch)
    except ReadError as exc:
        raise HTTPException(422, str(exc)) from None
