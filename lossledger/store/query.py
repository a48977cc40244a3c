"""Read queries on a ledger: claims with filters, one claim with its mentions, sources, export rows."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, distinct, exists, func, or_, select, text

from lossledger.store.tables import aliases, documents, entities, feeds, mentions
from lossledger.store.tables import claims as claims_t

CLAIM_COLUMNS = ("id", "claimant", "side", "population", "category", "metric", "qualifier", "value", "low", "high",
                 "as_of", "period_start", "period_end", "modality", "stance")
MENTION_COLUMNS = ("claimant", "via", "side", "population", "category", "metric", "qualifier", "value", "low",
                   "high", "as_of", "as_of_inferred", "period_start", "period_end", "modality", "stance")

_claimant = entities.alias("claimant_entity")
_outlet = entities.alias("outlet")


def _mention_count():  # type: ignore[no-untyped-def]
    return (select(func.count()).select_from(mentions).where(mentions.c.claim_id == claims_t.c.id)
            .scalar_subquery().label("mentions"))


def _outlet_count():  # type: ignore[no-untyped-def]
    return (select(func.count(distinct(documents.c.outlet_id)))
            .select_from(mentions.join(documents, documents.c.id == mentions.c.document_id))
            .where(mentions.c.claim_id == claims_t.c.id).scalar_subquery().label("outlets"))


@functools.cache
def claims_select(counts: bool = True):  # type: ignore[no-untyped-def]
    """The claims SELECT without filters: CLAIM_COLUMNS (the claimant's entity name, else the claim's own), with
    the `mentions` and `outlets` counts unless `counts` is false; built once (a Select is immutable; filters make
    new ones)."""
    name = func.coalesce(_claimant.c.name, claims_t.c.claimant).label("claimant")
    cols = [name if c == "claimant" else claims_t.c[c] for c in CLAIM_COLUMNS]
    stmt = select(*cols).select_from(claims_t.outerjoin(_claimant, _claimant.c.id == claims_t.c.claimant_id))
    return stmt.add_columns(_mention_count(), _outlet_count()) if counts else stmt


FILTERS = ("side", "category", "claimant", "since", "until", "min_value", "q")
"""The filters of `claims`, in the order their conditions are added."""


def filter_values(*, side: str | None = None, category: str | None = None, claimant: str | None = None,
                  since: str | None = None, until: str | None = None, min_value: float | None = None,
                  q: str | None = None) -> dict[str, Any]:
    """Return the filters that apply, each as the value its condition compares with (see `filter_conditions`)."""
    values = {"side": side.lower() if side else None, "category": category.lower() if category else None,
              "claimant": f"%{claimant}%" if claimant else None, "since": since or None, "until": until or None,
              "min_value": min_value, "q": f"%{q}%" if q else None}
    return {k: v for k, v in values.items() if v is not None}


def filter_conditions(names: Iterable[str]) -> list[Any]:
    """Return the WHERE conditions of the named filters, each on a bind parameter of the filter's name (values from
    `filter_values`), so one statement serves every value; `claimant_id` (one entity) is accepted too."""
    p = {name: bindparam(name) for name in names}
    out: list[Any] = []
    if "side" in p:
        out.append(claims_t.c.side == p["side"])
    if "category" in p:
        out.append(claims_t.c.category == p["category"])
    if "claimant" in p:
        # every claimant's own name is one of its aliases: the small aliases table is searched, then the index
        named = select(aliases.c.entity_id).where(aliases.c.alias.ilike(p["claimant"]))
        out.append(claims_t.c.claimant_id.in_(named))
    if "claimant_id" in p:
        out.append(claims_t.c.claimant_id == p["claimant_id"])
    if "since" in p:
        out.append(claims_t.c.as_of >= p["since"])
    if "until" in p:  # "2024-03-31" keeps "2024-03-31" and "2024-03"; a later day of a coarser date would be cut
        out.append(claims_t.c.as_of <= p["until"])
    if "min_value" in p:
        out.append(claims_t.c.magnitude >= p["min_value"])
    if "q" in p:
        in_evidence = exists().where(mentions.c.claim_id == claims_t.c.id, mentions.c.evidence.ilike(p["q"]))
        out.append(or_(claims_t.c.claimant.ilike(p["q"]), in_evidence))
    unknown = set(p) - {*FILTERS, "claimant_id"}
    if unknown:
        raise ValueError(f"no filter {', '.join(sorted(unknown))}")
    return out


def claims_order() -> tuple[Any, ...]:
    """The order of `claims`: as_of descending (undated last), then id descending."""
    return claims_t.c.as_of.desc().nulls_last(), claims_t.c.id.desc()


def claims_query(*, side: str | None = None, category: str | None = None, claimant: str | None = None,
                 since: str | None = None, until: str | None = None, min_value: float | None = None,
                 q: str | None = None, limit: int | None = 100, offset: int = 0):  # type: ignore[no-untyped-def]
    """Return the SELECT behind `claims` (exposed so its query plan can be shown)."""
    values = filter_values(side=side, category=category, claimant=claimant, since=since, until=until,
                           min_value=min_value, q=q)
    stmt = claims_select().where(*filter_conditions(values)).order_by(*claims_order())
    if values:
        stmt = stmt.params(values)
    if limit:
        stmt = stmt.limit(limit)
    return stmt.offset(offset) if offset else stmt


def claims(conn: Connection, *, inferred: bool = False, **filters: Any) -> list[dict[str, Any]]:
    """Return merged claims, newest as_of first, each with its `mentions` and `outlets` counts.

    Filters: side, category (exact), claimant (a part of any of its names or aliases), since / until (as_of,
    compared as date strings), min_value (value, else high, else low), q (a part of the claimant or of an
    evidence sentence), limit (default 100; None for all), offset. With `inferred`, an undated claim shows the
    date `lossledger infer-dates` inferred for it (`as_of_inferred` true, `as_of_evidence`); the order and the
    since / until filters still go by stated dates.
    """
    rows = [_numbers(dict(r)) for r in conn.execute(claims_query(**filters)).mappings()]
    return _with_inferred(conn, rows) if inferred else rows


def claim(conn: Connection, claim_id: int, *, inferred: bool = False) -> dict[str, Any] | None:
    """Return one claim (as in `claims`) with `mentions`: a list of every mention, earliest published first."""
    row = conn.execute(claims_select().where(claims_t.c.id == claim_id)).mappings().first()
    if row is None:
        return None
    out = _numbers(dict(row))
    if inferred:
        _with_inferred(conn, [out])
    out["mention_count"] = out.pop("mentions")
    out["mentions"] = [_decoded(dict(m)) for m in conn.execute(mentions_select(), {"claim_id": claim_id}).mappings()]
    return out


@functools.cache
def mentions_select():  # type: ignore[no-untyped-def]
    """The mentions of the claim `:claim_id` with their documents and outlets, earliest published first."""
    return (select(mentions.c.id, *[mentions.c[c] for c in MENTION_COLUMNS], mentions.c.evidence,
                   mentions.c.evidence_start, mentions.c.evidence_end, documents.c.id.label("document_id"),
                   documents.c.doc, documents.c.url, documents.c.title, documents.c.published,
                   _outlet.c.name.label("outlet"))
            .select_from(mentions.join(documents, documents.c.id == mentions.c.document_id)
                         .outerjoin(_outlet, _outlet.c.id == documents.c.outlet_id))
            .where(mentions.c.claim_id == bindparam("claim_id"))
            .order_by(documents.c.published.asc().nulls_last(), mentions.c.id))


def sources(conn: Connection) -> list[dict[str, Any]]:
    """Return one row per claimant (None: unattributed): claims, mentions, first/last as_of, outlets, via."""
    name = _claimant.c.name.label("claimant")
    stmt = (select(claims_t.c.claimant_id, name, _claimant.c.side, func.count(distinct(claims_t.c.id)).label("claims"),
                   func.count(mentions.c.id).label("mentions"), func.min(claims_t.c.as_of).label("first_claim"),
                   func.max(claims_t.c.as_of).label("last_claim"))
            .select_from(claims_t.join(mentions, mentions.c.claim_id == claims_t.c.id)
                         .outerjoin(_claimant, _claimant.c.id == claims_t.c.claimant_id))
            .group_by(claims_t.c.claimant_id, _claimant.c.name, _claimant.c.side)
            .order_by(func.count(mentions.c.id).desc(), name))
    rows = {r["claimant_id"]: {**dict(r), "outlets": [], "via": []} for r in conn.execute(stmt).mappings()}
    relayed = (select(claims_t.c.claimant_id, _outlet.c.name).distinct()
               .select_from(claims_t.join(mentions, mentions.c.claim_id == claims_t.c.id)
                            .join(documents, documents.c.id == mentions.c.document_id)
                            .join(_outlet, _outlet.c.id == documents.c.outlet_id))
               .order_by(_outlet.c.name))
    for claimant_id, outlet in conn.execute(relayed):
        rows[claimant_id]["outlets"].append(outlet)
    via = (select(claims_t.c.claimant_id, mentions.c.via).distinct()
           .select_from(claims_t.join(mentions, mentions.c.claim_id == claims_t.c.id)).where(mentions.c.via != "[]"))
    for claimant_id, names in conn.execute(via):
        for v in json.loads(names):
            if v not in rows[claimant_id]["via"]:
                rows[claimant_id]["via"].append(v)
    return list(rows.values())


def export_rows(conn: Connection, what: str = "claims") -> Iterator[dict[str, Any]]:
    """Yield every claim (the columns of claims_view) or every mention (spec record plus provenance)."""
    if what == "claims":
        result = conn.execution_options(stream_results=True, yield_per=2000).execute(
            text("SELECT * FROM claims_view ORDER BY claim_id"))
        for row in result.mappings():
            yield {**_numbers(dict(row)), "as_of_inferred": bool(row["as_of_inferred"])}
        return
    if what != "mentions":
        raise ValueError(f"cannot export {what!r}: choose claims or mentions")
    stmt = (select(mentions.c.id.label("mention_id"), mentions.c.claim_id, documents.c.doc,
                   *[mentions.c[c] for c in MENTION_COLUMNS], mentions.c.evidence, mentions.c.evidence_start,
                   mentions.c.evidence_end, documents.c.url, _outlet.c.name.label("outlet"), documents.c.published)
            .select_from(mentions.join(documents, documents.c.id == mentions.c.document_id)
                         .outerjoin(_outlet, _outlet.c.id == documents.c.outlet_id))
            .order_by(mentions.c.id))
    for row in conn.execution_options(stream_results=True, yield_per=2000).execute(stmt).mappings():
        yield _decoded(dict(row))


def stats(conn: Connection) -> dict[str, int]:
    """Return the number of rows of each table."""
    return {t.name: conn.scalar(select(func.count()).select_from(t))
            for t in (documents, claims_t, mentions, entities, aliases, feeds)}


def _numbers(row: dict[str, Any]) -> dict[str, Any]:
    """Whole numbers as ints (10933, not 10933.0), as in the spec's records."""
    for k in ("value", "low", "high"):
        v = row.get(k)
        if isinstance(v, float) and v.is_integer():
            row[k] = int(v)
    return row


def _with_inferred(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give undated claims their inferred date (the inferred_dates table), marked `as_of_inferred`."""
    from lossledger.analyse.ledger_tables import inferred_dates

    has_table = conn.dialect.has_table(conn, "inferred_dates")  # a ledger before migration 0003 has none
    undated = [r["id"] for r in rows if r["as_of"] is None] if has_table else []
    found: dict[int, tuple[str, str]] = {}
    for n in range(0, len(undated), 500):
        stmt = (select(inferred_dates.c.claim_id, inferred_dates.c.as_of, inferred_dates.c.evidence)
                .where(inferred_dates.c.claim_id.in_(undated[n:n + 500])))
        found.update({i: (d, e) for i, d, e in conn.execute(stmt)})
    for r in rows:
        hit = found.get(r["id"]) if r["as_of"] is None else None
        r["as_of_inferred"] = hit is not None
        r["as_of_evidence"] = hit[1] if hit else None
        if hit:
            r["as_of"] = hit[0]
    return rows


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    _numbers(row)
    row["via"] = json.loads(row["via"])
    row["as_of_inferred"] = bool(row["as_of_inferred"])
    return row


__all__ = ["claim", "claims", "claims_query", "claims_select", "export_rows", "filter_conditions", "filter_values",
           "mentions_select", "sources", "stats"]
