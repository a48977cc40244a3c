"""The review workflow: confirm, correct or reject a claim, keeping its original extraction and an audit trail.

A correction writes the new values into the claim's row, so every query, export and analysis uses them; the
values as first extracted stay in `reviews.original`, and each action adds an `audit` row (who, when, before,
after, why). The reviewed claims can be written as gold JSON Lines for measuring the extractor.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from lossledger.errors import LossledgerError
from lossledger.model import CATEGORIES
from lossledger.serve.auth import User
from lossledger.serve.tables import audit, reviews
from lossledger.store.merge import canonical_claimant, category_group
from lossledger.store.tables import aliases, claims, documents, entities, mentions

FIELDS = ("claimant", "side", "population", "category", "metric", "qualifier", "value", "low", "high", "as_of",
          "period_start", "period_end", "modality", "stance")
CHOICES: dict[str, tuple[str, ...]] = {
    "population": ("military", "civilian", "unspecified"),
    "category": CATEGORIES,
    "metric": ("count", "per_day", "per_week", "per_month"),
    "qualifier": ("exact", "approx", "at_least", "at_most", "range", "vague"),
    "modality": ("reported", "projection", "hedged"),
    "stance": ("asserted", "disputed"),
}
DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
SIDE = re.compile(r"^[a-z][a-z .'-]{0,63}$")


class ReviewError(LossledgerError):
    """A review action was refused: unknown claim, or a value that is not allowed (the message says which)."""


class NotFound(ReviewError):
    """No claim with that id."""


def clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Return the changes validated and normalised (blank strings as None); raise ReviewError on a bad one."""
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k not in FIELDS:
            raise ReviewError(f"{k!r} is not a claim field")
        if isinstance(v, str):
            v = v.strip() or None
        if k in ("value", "low", "high"):
            if v is not None:
                try:
                    v = float(v)
                except (TypeError, ValueError):
                    raise ReviewError(f"{k}: {v!r} is not a number") from None
                if not math.isfinite(v) or v < 0:
                    raise ReviewError(f"{k}: a number of 0 or more")
                v = int(v) if v.is_integer() else v
        elif k in ("as_of", "period_start", "period_end"):
            if v is not None and not DATE.match(str(v)):
                raise ReviewError(f"{k}: {v!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD")
        elif k in CHOICES:
            if v not in CHOICES[k]:
                raise ReviewError(f"{k}: {v!r} is not one of {', '.join(CHOICES[k])}")
        elif k == "side":
            v = (v or "").lower()
            if not SIDE.match(v):
                raise ReviewError(f"side: {v!r} is not a side name (russia, ukraine, both, ...)")
        elif k == "claimant" and v is not None and len(v) > 500:
            raise ReviewError("claimant: at most 500 characters")
        out[k] = v
    return out


def bounds(qualifier: str, value: Any, low: Any, high: Any) -> dict[str, Any]:
    """The low and high the spec gives a value under its qualifier (exact/approx: n..n, at_least: n..null,
    at_most: null..n); range and vague keep their own bounds."""
    if qualifier in ("range", "vague") or value is None:
        return {"low": low, "high": high}
    return {"low": None if qualifier == "at_most" else value, "high": None if qualifier == "at_least" else value}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _fields(conn: Connection, claim_id: int) -> dict[str, Any]:
    row = conn.execute(select(*[claims.c[f] for f in FIELDS]).where(claims.c.id == claim_id)).mappings().first()
    if row is None:
        raise NotFound(f"no claim {claim_id}")
    out = dict(row)
    for k in ("value", "low", "high"):
        if isinstance(out[k], float) and out[k].is_integer():
            out[k] = int(out[k])
    return out


def _claimant_id(conn: Connection, name: str | None) -> tuple[int | None, str | None]:
    """The entity of a corrected claimant (created, with its spelling as alias, when new)."""
    who = canonical_claimant(name)
    if who is None:
        return None, None
    ident = conn.scalar(select(entities.c.id).where(entities.c.kind == "claimant", entities.c.key == who.key))
    if ident is None:
        ident = conn.execute(insert(entities).values(kind="claimant", name=who.name, key=who.key, side=who.side)
                             ).inserted_primary_key[0]
    for spelling in dict.fromkeys((who.name, name)):
        known = conn.scalar(select(aliases.c.id).where(aliases.c.entity_id == ident, aliases.c.alias == spelling))
        if known is None:
            conn.execute(insert(aliases).values(entity_id=ident, alias=spelling))
    return ident, who.name


def act(engine: Engine, claim_id: int, user: User, action: str, changes: dict[str, Any] | None = None,
        reason: str = "") -> dict[str, Any]:
    """Confirm, correct or reject claim `claim_id` as `user`; return {status, before, after, audit_id}.

    `changes` (for `correct`) maps claim fields to new values; unchanged fields may be left out.

    Raises:
        NotFound: no such claim.
        ReviewError: unknown action, bad value, or a correction that changes nothing.
    """
    status = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}.get(action)
    if status is None:
        raise ReviewError(f"action must be confirm, correct or reject, not {action!r}")
    fixed = clean_changes(changes or {}) if action == "correct" else {}
    with engine.begin() as conn:
        before = _fields(conn, claim_id)
        fixed = {k: v for k, v in fixed.items() if before.get(k) != v}
        if action == "correct" and not fixed:
            raise ReviewError("the correction changes no field")
        now = _now()
        state = conn.execute(select(reviews).where(reviews.c.claim_id == claim_id)).mappings().first()
        if state is None:
            conn.execute(insert(reviews).values(claim_id=claim_id, status=status, user_id=user.id, reviewed_at=now,
                                                original=json.dumps(before, ensure_ascii=False)))
        else:
            if action == "confirm" and state["status"] == "corrected":
                status = "corrected"  # confirming a corrected claim confirms the correction
            conn.execute(update(reviews).where(reviews.c.claim_id == claim_id)
                         .values(status=status, user_id=user.id, reviewed_at=now))
        after = {**before, **fixed}
        if ("value" in fixed or "qualifier" in fixed) and not {"low", "high"} & set(fixed):
            fixed.update(bounds(after["qualifier"], after["value"], after["low"], after["high"]))
            after.update(fixed)
        if fixed:
            values: dict[str, Any] = dict(fixed)
            if "claimant" in fixed:
                values["claimant_id"], values["claimant"] = _claimant_id(conn, fixed["claimant"])
                after["claimant"] = values["claimant"]
            if "category" in fixed:
                values["category_group"] = category_group(after["category"])
            values["magnitude"] = next((after[k] for k in ("value", "high", "low") if after[k] is not None), None)
            conn.execute(update(claims).where(claims.c.id == claim_id).values(values))
        audit_id = conn.execute(insert(audit).values(
            claim_id=claim_id, user_id=user.id, user_name=user.name, at=now, action=action,
            before=json.dumps(before, ensure_ascii=False), after=json.dumps(after, ensure_ascii=False),
            reason=reason.strip()[:2000])).inserted_primary_key[0]
    return {"status": status, "before": before, "after": after, "audit_id": audit_id}


def state(conn: Connection, claim_id: int) -> dict[str, Any] | None:
    """Return a claim's review state (status, original, reviewer, reviewed_at), or None if unreviewed."""
    row = conn.execute(select(reviews).where(reviews.c.claim_id == claim_id)).mappings().first()
    if row is None:
        return None
    return {"status": row["status"], "original": json.loads(row["original"]), "reviewed_at": row["reviewed_at"]}


def trail(conn: Connection, claim_id: int | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Return audit rows, newest first (of one claim, or of all), with before/after decoded."""
    stmt = select(audit).order_by(audit.c.id.desc()).limit(limit)
    if claim_id is not None:
        stmt = stmt.where(audit.c.claim_id == claim_id)
    out = []
    for r in conn.execute(stmt).mappings():
        row = dict(r)
        row["before"], row["after"] = json.loads(row["before"]), json.loads(row["after"])
        if row["at"].tzinfo is None:  # SQLite keeps the UTC time without its zone
            row["at"] = row["at"].replace(tzinfo=dt.UTC)
        row["changed"] = [k for k in FIELDS if row["before"].get(k) != row["after"].get(k)]
        out.append(row)
    return out


def gold_rows(engine: Engine, *, complete_only: bool = True) -> Iterator[dict[str, Any]]:
    """Yield gold records (spec/claims.md) from reviewed claims, one per document and claim, by document.

    Confirmed and corrected claims become gold claims with their current values, the mention's evidence and
    `via`, and the claimant's known aliases as `claimant_aliases`; rejected ones are left out. With
    `complete_only`, only documents whose every claim is reviewed are written (the rest would count as
    misses), and a complete document whose claims were all rejected is written as `{"doc", "no_claims": true}`.
    """
    stmt = (select(documents.c.id.label("document_id"), documents.c.doc, mentions.c.claim_id, mentions.c.via,
                   mentions.c.evidence, mentions.c.evidence_start, mentions.c.evidence_end, reviews.c.status,
                   claims.c.claimant_id, *[claims.c[f] for f in FIELDS])
            .select_from(mentions.join(documents, documents.c.id == mentions.c.document_id)
                         .join(claims, claims.c.id == mentions.c.claim_id)
                         .outerjoin(reviews, reviews.c.claim_id == claims.c.id))
            .order_by(documents.c.id, mentions.c.position))
    with engine.connect() as conn:
        by_doc: dict[int, list[dict[str, Any]]] = {}
        for r in conn.execute(stmt).mappings():
            by_doc.setdefault(r["document_id"], []).append(dict(r))
        names: dict[int, list[str]] = {}
        for eid, alias in conn.execute(select(aliases.c.entity_id, aliases.c.alias).order_by(aliases.c.id)):
            names.setdefault(eid, []).append(alias)
    for rows in by_doc.values():
        if complete_only and any(r["status"] is None for r in rows):
            continue
        kept, seen = [], set()
        for r in rows:
            if r["status"] in ("confirmed", "corrected") and r["claim_id"] not in seen:
                seen.add(r["claim_id"])
                kept.append(r)
        if not kept:
            if complete_only:
                yield {"doc": rows[0]["doc"], "no_claims": True}
            continue
        for r in kept:
            rec = {f: r[f] for f in FIELDS}
            for k in ("value", "low", "high"):
                if isinstance(rec[k], float) and rec[k].is_integer():
                    rec[k] = int(rec[k])
            aliases_of = names.get(r["claimant_id"], []) if r["claimant_id"] else []
            yield {"doc": r["doc"], **rec, "via": json.loads(r["via"] or "[]"),
                   "claimant_aliases": list(dict.fromkeys([x for x in (rec["claimant"], *aliases_of) if x])),
                   "evidence": {"text": r["evidence"], "start": r["evidence_start"], "end": r["evidence_end"]},
                   "review": r["status"], "claim_id": r["claim_id"]}
