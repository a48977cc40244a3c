"""Date inference for undated claims: a figure equal to a reference-series value, or to the claimant's own dated
figure, dates the claim. Never applied to a claim with a stated as_of."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lossledger.analyse.claims import Claim, fmt, group, num, period, span
from lossledger.analyse.families import canonical, family_of
from lossledger.analyse.series import Series

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
