"""Date inference for undated claims: a figure equal to a reference-series value, or to the claimant's own dated
figure, dates the claim. Never applied to a claim with a stated as_of."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from lossledger.analyse.claims import Claim, fmt, group, num, period, span
from lossledger.analyse.families import canonical, family_of
from lossledger.analyse.series import Series

if TYPE_CHECKING:
    from lossledger.model import Article
    from lossledger.model import Claim as ModelClaim

# Small numbers recur over many days (28 ships stand for weeks): only figures at least this large date a claim.
MIN_VALUE = 1000
# A value a series holds on a run of at most this many consecutive days still dates a claim (its first day).
MAX_RUN_DAYS = 3


@dataclass(frozen=True, slots=True)
class Inference:
    """An inferred as_of for one claim, with how it was found."""

    claim_id: str
    as_of: str
    method: str  # series | claimant
    basis: str  # series name, or the id of the claimant's dated claim
    evidence: str

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-ready dict."""
        return {"claim": self.claim_id, "as_of": self.as_of, "method": self.method, "basis": self.basis,
                "evidence": self.evidence}


def datable(c: Claim) -> bool:
    """An undated, exact, cumulative count large enough to be told apart in a series."""
    v = num(c.get("value"))
    return (not c.get("as_of") and c.get("qualifier", "exact") == "exact" and c.get("metric", "count") == "count"
            and period(c) is None and v is not None and v >= MIN_VALUE and v.is_integer())


def _runs(days: list[date]) -> list[list[date]]:
    runs: list[list[date]] = []
    for d in sorted(days):
        if runs and (d - runs[-1][-1]).days == 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def _value_index(s: Series) -> dict[float, list[date]]:
    index: dict[float, list[date]] = defaultdict(list)
    for d, v in s.points.items():
        index[v].append(d)
    return index


def _too_late(c: Claim, when: date) -> bool:
    pub = span(c.get("published"))
    return pub is not None and when > pub[1]


def _from_series(c: Claim, series: Sequence[Series], indexes: dict[int, dict[float, list[date]]]) -> Inference | None:
    value = float(c["value"])
    hits: list[tuple[Series, date, int]] = []
    for s in series:
        if s.side != c.get("side") or group(s.category) != group(c.get("category")):
            continue
        runs = _runs(indexes[id(s)].get(value, []))
        if len(runs) == 1 and len(runs[0]) <= MAX_RUN_DAYS and not _too_late(c, runs[0][0]):
            hits.append((s, runs[0][0], len(runs[0])))
    if not hits:
        return None
    fam = family_of(c.get("claimant"))
    own = [h for h in hits if h[0].claimant and family_of(h[0].claimant) == fam]
    hits = own or hits
    if len({d for _, d, _ in hits}) != 1:
        return None  # two series give two dates: ambiguous, left undated
    s, d, n = hits[0]
    held = "" if n == 1 else f" (held {n} days, first day taken)"
    return Inference(str(c["id"]), d.isoformat(), "series", s.name,
                     f"{s.name} {s.side} {s.category} stood at {fmt(value)} on {d} only{held}")


def infer_dates(claims: Sequence[Claim], series: Sequence[Series] = ()) -> list[Inference]:
    """Return an inferred as_of for each undated claim whose figure dates it, in claim order.

    A claim is dated by the one day (or short run of days, up to MAX_RUN_DAYS) on which a series of the same
    side and category stood at its value (a series of the claimant's own family wins over others; two dates is
    ambiguous), else by the one date on which the same claimant stated the same figure. A date after the
    document's publication is refused.
    """
    own: dict[tuple, set[tuple[str, str]]] = defaultdict(set)
    for c in claims:
        if c.get("as_of") and not c.get("as_of_inferred") and num(c.get("value")) is not None:
            key = (canonical(c.get("claimant")), c.get("side"), group(c.get("category")), c.get("metric", "count"),
                   float(c["value"]))
            own[key].add((c["as_of"], str(c["id"])))
    indexes = {id(s): _value_index(s) for s in series}
    out = []
    for c in claims:
        if c.get("as_of_inferred") or not datable(c):
            continue
        found = _from_series(c, series, indexes)
        who = canonical(c.get("claimant"))
        if found is None and who is not None:
            stated = own.get((who, c.get("side"), group(c.get("category")), "count", float(c["value"])), set())
            if len({d for d, _ in stated}) == 1:
                d, basis = min(stated)
                sp = span(d)
                if sp and not _too_late(c, sp[0]):
                    found = Inference(str(c["id"]), d, "claimant", basis,
                                      f"{who} stated {fmt(float(c['value']))} as of {d} (claim {basis})")
        if found is not None:
            out.append(found)
    return out


def days_apart(a: str, b: str) -> int | None:
    """Days between two date strings (their first days), or None when one is not a date."""
    sa, sb = span(a), span(b)
    return abs((sa[0] - sb[0]) // timedelta(days=1)) if sa and sb else None


def date_records(records: list[dict], series: Sequence[Series] | None = None,
                 published: Sequence[str | None] | None = None) -> list[Inference]:
    """Infer dates for extraction records (spec dicts, as `lossledger extract` writes them), in place.

    The same inference as `infer-dates` (`infer_dates`): an undated record whose figure a series of its side and
    category held on one day, or that its claimant stated on one date in the same records, gets that as_of with
    `as_of_inferred: true` and `as_of_evidence`. A stated as_of is never touched. `series` defaults to the General
    Staff snapshot shipped in the package; `published` gives each record's publication date (a later date is
    refused). Returns the inferences, their `claim` being the record's index.
    """
    if series is None:
        from lossledger.analyse.importers import import_general_staff

        series = import_general_staff(())
    ids = {f"{r.get('doc')}:{n}": n for n, r in enumerate(records)}  # named in the evidence of a claimant match
    claims: list[Claim] = [{**r, "id": key, "published": published[n] if published is not None else
                            r.get("published")} for key, (n, r) in zip(ids, enumerate(records), strict=True)]
    found = [replace(i, claim_id=str(ids[i.claim_id])) for i in infer_dates(claims, series)]
    found = [i for i in found if not records[int(i.claim_id)].get("as_of")]
    for i in found:
        records[int(i.claim_id)].update(as_of=i.as_of, as_of_inferred=True, as_of_evidence=i.evidence)
    return found


def dated_claims(extracted: Iterable[tuple[Article, list[ModelClaim]]],
                 series: Sequence[Series] | None = None) -> list[tuple[ModelClaim, dict]]:
    """`lossledger extract --infer-dates`: every claim of a run with its record, undated ones dated by
    `date_records` (the claims' as_of replaced too, `as_of_inferred` set), in extraction order."""
    pairs = [(article, claim) for article, found in extracted for claim in found]
    records = [claim.to_dict() for _, claim in pairs]
    found = date_records(records, series, [article.published for article, _ in pairs])
    claims = [claim for _, claim in pairs]
    for i in found:
        n = int(i.claim_id)
        claims[n] = replace(claims[n], as_of=i.as_of, as_of_inferred=True)
    return list(zip(claims, records, strict=True))
