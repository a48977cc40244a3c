"""`LedgerStore`: the AnalysisStore over the ledger (claims, series, findings and inferred dates in one database)."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, inspect, select, text

from lossledger.analyse.claims import Claim
from lossledger.analyse.dating import Inference
from lossledger.analyse.families import canonical
from lossledger.analyse.findings import Finding
from lossledger.analyse.ledger_tables import (
    finding_claims,
    findings,
    inferred_dates,
    series,
    series_points,
    series_problems,
)
from lossledger.analyse.series import Problem, Series
from lossledger.analyse.store import AnalysisStore
from lossledger.errors import LossledgerError
from lossledger.store.engine import resolve_url
from lossledger.store.ledger import Ledger

SPEC_FIELDS = ("side", "population", "category", "metric", "qualifier", "value", "low", "high", "as_of",
               "period_start", "period_end", "modality", "stance")

# One row per claim: claims_view (claimant, best evidence and its document, the inferred date of an undated claim).
_CLAIMS_SQL = """
SELECT v.*, m.evidence_start, m.evidence_end, m.via
FROM claims_view v
LEFT JOIN mentions m ON m.id = (
    SELECT m2.id FROM mentions m2 JOIN documents d ON d.id = m2.document_id
    WHERE m2.claim_id = v.claim_id
    ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published, m2.id
    LIMIT 1)
{where}
ORDER BY v.claim_id
"""


class LedgerStore:
    """Claims, series, findings and inferred dates kept in a ledger (SQLite or PostgreSQL).

    Claims are the merged claims as spec dicts: `id` is the ledger's claim id (a string), `doc`, `url`,
    `published` and `evidence` come from the claim's best mention (the earliest published). A claim without an
    as_of gets its inferred date, if any, with `as_of_inferred: true`. Claims a reviewer rejected are left out.

    Args:
        ledger: an open Ledger, or a URL / SQLite path to open one (created or upgraded when needed).
    """

    def __init__(self, ledger: Ledger | str | None = None) -> None:
        self.ledger = ledger if isinstance(ledger, Ledger) else Ledger(ledger)

    def close(self) -> None:
        """Release the database connections."""
        self.ledger.close()

    def __enter__(self) -> LedgerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- series -------------------------------------------------------------------------------------------

    def series_names(self) -> list[str]:
        """Return the names of the stored series sets."""
        with self.ledger.reading() as conn:
            return list(conn.scalars(select(series.c.name).distinct().order_by(series.c.name)))

    def load_series(self, name: str | None = None, *, side: str | None = None,
                    category: str | None = None) -> list[Series]:
        """Return the stored series, filtered by name, side and category when given."""
        stmt = select(series).order_by(series.c.name, series.c.side, series.c.category)
        for col, want in (("name", name), ("side", side), ("category", category)):
            if want is not None:
                stmt = stmt.where(series.c[col] == want)
        with self.ledger.reading() as conn:
            rows = conn.execute(stmt).mappings().all()
            return [self._series(conn, r) for r in rows]

    @staticmethod
    def _series(conn: Connection, r: Any) -> Series:
        pts = conn.execute(select(series_points.c.day, series_points.c.value)
                           .where(series_points.c.series_id == r["id"]).order_by(series_points.c.day))
        probs = conn.execute(select(series_problems).where(series_problems.c.series_id == r["id"])
                             .order_by(series_problems.c.position)).mappings()
        return Series(name=r["name"], side=r["side"], category=r["category"], kind=r["kind"], source=r["source"],
                      points={date.fromisoformat(d): float(v) for d, v in pts},
                      problems=[Problem(p["kind"], p["message"], p["day"], p["line"]) for p in probs],
                      claimant=r["claimant"], cumulative=bool(r["cumulative"]), note=r["note"] or "")

    def save_series(self, items: Iterable[Series]) -> None:
        """Store series in one transaction, replacing any with the same (name, side, category)."""
        now = dt.datetime.now(dt.UTC)
        with self.ledger.writing() as conn:
            for s in items:
                conn.execute(delete(series).where(series.c.name == s.name, series.c.side == s.side,
                                                  series.c.category == s.category))
                sid = conn.execute(series.insert().values(
                    name=s.name, side=s.side, category=s.category, kind=s.kind, source=s.source,
                    claimant=s.claimant, cumulative=s.cumulative, note=s.note, imported_at=now)).inserted_primary_key[0]
                if s.points:
                    conn.execute(series_points.insert(), [{"series_id": sid, "day": d.isoformat(), "value": v}
                                                          for d, v in s.points.items()])
                if s.problems:
                    conn.execute(series_problems.insert(), [
                        {"series_id": sid, "position": n, "kind": p.kind, "message": p.message, "day": p.date,
                         "line": p.line} for n, p in enumerate(s.problems)])

    # --- claims -------------------------------------------------------------------------------------------

    def claims(self, claimant: str | None = None, *, inferred: bool = True) -> Iterator[Claim]:
        """Yield the merged claims as spec dicts (all, or those of one claimant under any alias).

        With `inferred` False, inferred dates are not applied (as_of stays null).
        """
        where = ""
        with self.ledger.reading() as conn:
            if inspect(conn).has_table("reviews"):
                where = "WHERE v.claim_id NOT IN (SELECT claim_id FROM reviews WHERE status = 'rejected')"
            rows = conn.execute(text(_CLAIMS_SQL.format(where=where))).mappings().all()
        want = canonical(claimant)
        for r in rows:
            c = _record(r, inferred)
            if claimant is None or canonical(c.get("claimant")) == want:
                yield c

    # --- findings and inferred dates ----------------------------------------------------------------------

    def save_findings(self, found: Sequence[Finding]) -> int:
        """Replace the stored findings with `found`; return how many were stored.

        Each finding is linked to the ledger claims it names (ids not in the ledger are kept in the JSON only).
        """
        now = dt.datetime.now(dt.UTC)
        with self.ledger.writing() as conn:
            conn.execute(delete(finding_claims))
            conn.execute(delete(findings))
            known = {str(i) for i in conn.scalars(text("SELECT id FROM claims"))}
            for f in found:
                fid = conn.execute(findings.insert().values(
                    check_name=f.check, verdict=f.verdict, explanation=f.explanation,
                    numbers=json.dumps({**f.numbers, "claims": list(f.claims)}, ensure_ascii=False, default=str),
                    evidence=json.dumps(list(f.evidence), ensure_ascii=False), side=f.side, category=f.category,
                    claimant=f.claimant, checked_at=now)).inserted_primary_key[0]
                links = [{"finding_id": fid, "position": n, "claim_id": int(c)} for n, c in enumerate(f.claims)
                         if c in known]
                if links:
                    conn.execute(finding_claims.insert(), links)
        return len(found)

    def findings(self, claim_id: int | None = None) -> list[dict[str, Any]]:
        """Return the stored findings (those about one claim, when given) as `Finding.to_dict()` dicts."""
        stmt = select(findings).order_by(findings.c.id)
        if claim_id is not None:
            stmt = stmt.where(findings.c.id.in_(select(finding_claims.c.finding_id)
                                                .where(finding_claims.c.claim_id == claim_id)))
        with self.ledger.reading() as conn:
            out = []
            for r in conn.execute(stmt).mappings():
                numbers = json.loads(r["numbers"])
                ids = numbers.pop("claims", [])
                out.append({"check": r["check_name"], "verdict": r["verdict"], "explanation": r["explanation"],
                            "claims": ids, "numbers": numbers, "evidence": json.loads(r["evidence"]),
                            "side": r["side"], "category": r["category"], "claimant": r["claimant"]})
            return out

    def save_inferred(self, found: Sequence[Inference]) -> int:
        """Replace the stored inferred dates with `found` (claims with a stated as_of are refused); return count."""
        now = dt.datetime.now(dt.UTC)
        with self.ledger.writing() as conn:
            undated = {str(i) for i in conn.scalars(text("SELECT id FROM claims WHERE as_of IS NULL"))}
            conn.execute(delete(inferred_dates))
            rows = [{"claim_id": int(i.claim_id), "as_of": i.as_of, "method": i.method, "basis": i.basis[:100],
                     "evidence": i.evidence, "inferred_at": now} for i in found if i.claim_id in undated]
            if rows:
                conn.execute(inferred_dates.insert(), rows)
        return len(rows)


def _record(r: Any, inferred: bool) -> Claim:
    c: Claim = {"id": str(r["claim_id"]), "doc": r["evidence_doc"] or f"claim-{r['claim_id']}",
                "claimant": r["claimant"], **{k: r[k] for k in SPEC_FIELDS}}
    for k in ("value", "low", "high"):
        if isinstance(c[k], float) and c[k].is_integer():
            c[k] = int(c[k])
    c["via"] = json.loads(r["via"]) if r["via"] else []
    c["evidence"] = {"text": r["evidence"] or "", "start": r["evidence_start"], "end": r["evidence_end"]}
    c.update(url=r["evidence_url"], outlet=r["evidence_outlet"], published=r["evidence_published"],
             mentions=r["mentions"])
    if r["as_of_inferred"]:  # claims_view gives an undated claim its inferred date
        if inferred:
            c.update(as_of_inferred=True, as_of_evidence=r["as_of_evidence"])
        else:
            c["as_of"] = None
    return c


class LedgerMissing(LossledgerError):
    """The ledger named does not exist (a command that only reads never creates an empty one)."""


def open_ledger(db: str | None = None, *, create: bool = False) -> LedgerStore:
    """Open the ledger at `db` (resolved as by the ledger's commands), upgrading its schema when needed.

    Raises:
        LedgerMissing: `create` is False and the SQLite file does not exist.
    """
    url = resolve_url(db)
    if not create and url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:" and not os.path.exists(path):
            raise LedgerMissing(f"no ledger at {path} (lossledger ingest or lossledger series import creates one)")
    return LedgerStore(url)


@dataclass
class Store:
    """Where a command reads series and claims: the ledger, or a series directory / a claims file instead.

    `ledger` is set when the claims come from the ledger, so findings and inferred dates can be written back.
    """

    series: AnalysisStore
    claims: AnalysisStore
    ledger: LedgerStore | None

    @classmethod
    def open(cls, db: str | None, series_dir: str | None = None, claims_path: str | None = None, *,
             create: bool = False) -> Store:
        """Open what the options name; the ledger only when series or claims come from it."""
        from lossledger.analyse.store import FileStore

        led = open_ledger(db, create=create) if series_dir is None or claims_path is None else None
        series_store: AnalysisStore = FileStore(series_dir) if series_dir else led  # type: ignore[assignment]
        claims_store: AnalysisStore = FileStore(series_dir or ".", claims_path) if claims_path else led  # type: ignore
        return cls(series_store, claims_store, None if claims_path else led)

    def close(self) -> None:
        """Close the ledger, if one was opened."""
        for s in (self.series, self.claims):
            if isinstance(s, LedgerStore):
                s.close()
