"""The read API's prepared statements (`serve.data`: one page of claims, one claim) against the CLI's query path
(`store.query`, SQLAlchemy Core): the same claims, order, review status and evidence for every filter, review
status and cursor page, on SQLite and (slow) PostgreSQL."""

from __future__ import annotations

import math
from typing import Any

import pytest
from pydantic import TypeAdapter
from serve_support import fill
from sqlalchemy import Connection, select

from lossledger.serve import data, review
from lossledger.serve.auth import User
from lossledger.serve.tables import reviews
from lossledger.store import query
from lossledger.store.ledger import Ledger

FILTERS: list[dict[str, Any]] = [
    {}, {"side": "Russia"}, {"category": "tanks"}, {"claimant": "general staff"}, {"claimant": "e"},
    {"claimant": "nobody"}, {"since": "2025-06-01"}, {"until": "2025-06-01"}, {"since": "2025-06", "until": "2025-06"},
    {"min_value": 1_000_000}, {"min_value": 0}, {"q": "Ministry"}, {"q": "<script>"},
    {"side": "russia", "category": "tanks", "since": "2025-06-15"}, {"side": "ukraine", "claimant": "ministry"},
]
KEEP = {"current": lambda s: s != "rejected", "any": lambda s: True, "unreviewed": lambda s: s is None,
        "confirmed": lambda s: s == "confirmed", "corrected": lambda s: s == "corrected",
        "rejected": lambda s: s == "rejected"}


@pytest.fixture
def reviewed(db_url: str) -> tuple[str, list[int]]:
    """The test articles' ledger with one claim rejected, one confirmed and two corrected to undated; its URL and
    those claims' ids."""
    fill(db_url)
    with Ledger(db_url) as ledger:
        ids = [r["id"] for r in ledger.claims(limit=None)]
        assert len(ids) >= 6
        user = User(id=1, name="ann", role="reviewer")
        review.act(ledger.engine, ids[0], user, "reject", reason="not a loss")
        review.act(ledger.engine, ids[1], user, "confirm")
        review.act(ledger.engine, ids[2], user, "correct", {"as_of": None, "value": 12_345.5})
        review.act(ledger.engine, ids[3], user, "correct", {"as_of": ""})
    return db_url, ids[:4]


def _reference(conn: Connection, status: str, **filters: Any) -> list[dict[str, Any]]:
    """Claims as `query.claims` gives them, the status filter applied, each with its review status and the
    evidence of its first mention as `query.claim` orders them (earliest published first)."""
    state = dict(conn.execute(select(reviews.c.claim_id, reviews.c.status)).all())
    out = []
    for claim in query.claims(conn, limit=None, **filters):
        if not KEEP[status](state.get(claim["id"])):
            continue
        first = (query.claim(conn, claim["id"]) or {}).get("mentions") or [None]
        m = first[0]
        claim["review"] = state.get(claim["id"], "unreviewed")
        claim["evidence"] = None if m is None else {
            "text": m["evidence"], "start": m["evidence_start"], "end": m["evidence_end"], "mention_id": m["id"],
            "doc": m["doc"], "url": m["url"], "outlet": m["outlet"], "published": m["published"]}
        out.append(claim)
    return out


def _walk(conn: Connection, limit: int, status: str, **filters: Any) -> list[dict[str, Any]]:
    """Every page of `data.claim_page`, cursor after cursor."""
    out: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        rows, cursor = data.claim_page(conn, limit=limit, cursor=cursor, status=status, **filters)
        assert len(rows) <= limit and (cursor is None or len(rows) == limit)
        out += rows
        if cursor is None:
            return out
    raise AssertionError("the cursor never ran out")


def test_claim_pages_match_the_query_path(reviewed: tuple[str, list[int]]) -> None:
    with Ledger(reviewed[0]) as ledger, ledger.reading() as conn:
        assert len([c for c in query.claims(conn, limit=None) if c["as_of"] is None]) == 2  # undated pages too
        for filters in FILTERS:
            for status in data.STATUSES:
                want = _reference(conn, status, **filters)
                for limit in (1, 2, 1000):
                    assert _walk(conn, limit, status, **filters) == want, (filters, status, limit)
        assert any(_reference(conn, "any", **f) for f in FILTERS[1:])


def test_claim_detail_matches_the_query_path(reviewed: tuple[str, list[int]]) -> None:
    with Ledger(reviewed[0]) as ledger, ledger.reading() as conn:
        ids = [c["id"] for c in query.claims(conn, limit=None)]
        for claim_id in ids:
            want = query.claim(conn, claim_id)
            assert want is not None
            state = review.state(conn, claim_id)
            want.update(review=state["status"] if state else "unreviewed",
                        original=state["original"] if state else None, audit=review.trail(conn, claim_id))
            assert data.claim_detail(conn, claim_id) == want
        assert data.claim_detail(conn, max(ids) + 1) is None
        corrected = data.claim_detail(conn, reviewed[1][2])
        assert corrected and corrected["value"] == 12_345.5 and corrected["original"]["as_of"] is not None
        assert len(corrected["audit"]) == 1 and {"value", "as_of"} <= set(corrected["audit"][0]["changed"])


def test_page_json_is_what_the_response_model_gives(reviewed: tuple[str, list[int]]) -> None:
    """`/api/claims` writes a page without validating it against `ClaimPage`: the same bytes as validating and
    serialising it (what FastAPI's response_model did), for every page and for awkward values."""
    from lossledger.serve.routes.claims import page_json
    from lossledger.serve.schemas import ClaimPage

    adapter = TypeAdapter(ClaimPage)

    def model_json(rows: list[dict[str, Any]], nxt: str | None, size: int) -> bytes:
        return adapter.dump_json(adapter.validate_python({"items": rows, "next_cursor": nxt, "limit": size}))

    with Ledger(reviewed[0]) as ledger, ledger.reading() as conn:
        for filters in FILTERS:
            for status in data.STATUSES:
                rows, nxt = data.claim_page(conn, limit=3, status=status, **filters)
                assert page_json(rows, nxt, 3) == model_json(rows, nxt, 3), (filters, status)
        rows, _ = data.claim_page(conn, limit=2)
    odd = [{**rows[0], "value": math.inf, "low": math.nan, "high": 1e-05, "claimant": 'é\x01"\u2028\\ <b>',
            "evidence": None}, {**rows[1], "value": 2**60, "low": 0.1 + 0.2, "high": 1e300, "as_of": None}]
    assert page_json(odd, "abc", 1000) == model_json(odd, "abc", 1000)
