"""Consistency checks over claim records: against reference series and floors, inside an article, over time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from lossledger.analyse.claims import (
    DAYS_PER,
    TOLERANCE,
    WAR_SIDES,
    WAR_START,
    Claim,
    as_of_span,
    bounds,
    describe,
    evidence,
    fmt,
    group,
    is_asserted,
    is_cumulative,
    period,
    point,
    war_period,
)
from lossledger.analyse.families import canonical, family_of
from lossledger.analyse.findings import Finding
from lossledger.analyse.series import Series

# A General Staff report dated D covers losses to the morning of D, and articles date its figures D or D−1:
# a claim may match the series on its date or the day after.
REPORT_SLACK = timedelta(days=1)
# Categories whose floor also bounds a wider category: named dead are also "killed or wounded" and "losses".
FLOOR_COVERS = {"killed": ("killed", "killed_or_wounded", "losses")}
# Parts that add up to a whole; the whole cannot be smaller than any one part.
PARTS = {"killed_or_wounded": ("killed", "wounded"), "missing_or_captured": ("missing", "captured")}


def check_all(claims: Sequence[Claim], series: Sequence[Series] = (), *, today: date | None = None,
              claimant: str | None = None) -> list[Finding]:
    """Run every check; return the findings (only those involving `claimant`, when given)."""
    from lossledger.analyse.projections import track_projections

    found = (check_series(claims, series) + check_floors(claims, series) + check_arithmetic(claims)
             + check_monotonic(claims) + track_projections(claims, series, today=today))
    if claimant is not None:
        want = canonical(claimant)
        ids = {c["id"] for c in claims if canonical(c.get("claimant")) == want}
        found = [f for f in found if ids & set(f.claims)]
    return found


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _finding(check: str, ok: bool, explanation: str, involved: Sequence[Claim], numbers: dict,
             extra_evidence: Sequence[str] = ()) -> Finding:
    c0 = involved[0]
    return Finding(check, "consistent" if ok else "inconsistent", explanation, tuple(c["id"] for c in involved),
                   numbers, tuple(evidence(c) for c in involved) + tuple(extra_evidence), c0.get("side"),
                   c0.get("category"), c0.get("claimant"))


# --- a claim against a series ----------------------------------------------------------------------------------

def series_value(s: Series, claim: Claim) -> tuple[float, float, str, float] | None:
    """Return (low, high, how, value on the day) of series `s` at the claim's date, period or rate, else None.

    The range covers the claim's as_of span and `REPORT_SLACK` after it; for a period sum, the series'
    difference over the period (or the period shifted by the slack); for a rate, that difference per day,
    week or month. A series that starts with the war counts from 0 before its first date.
    """
    per = war_period(claim)
    days = DAYS_PER.get(claim.get("metric", "count"))
    if per is not None or days is not None:
        if per is None:
            return None
        deltas = [d for shift in (timedelta(0), REPORT_SLACK) if (d := _delta(s, per[0] + shift, per[1] + shift))
                  is not None]
        if not deltas:
            return None
        how = f"{s.name} difference {per[0] - timedelta(days=1)}→{per[1]}"
        if days is not None:
            deltas = [d / ((per[1] - per[0]).days + 1) * days for d in deltas]
            how += f" per {claim.get('metric', '').removeprefix('per_')}"
        return min(deltas), max(deltas), how, deltas[0]
    sp = as_of_span(claim)
    if sp is None:
        return None
    end = sp[1] + REPORT_SLACK
    nums = [v.value for v in (s.value_at(sp[0]), s.value_at(end)) if v is not None]
    nums += [v for _, v in s.between(sp[0], end)]
    if not nums:
        return None
    how = f"{s.name} on {sp[0]}" if sp[0] == sp[1] else f"{s.name} over {sp[0]}…{sp[1]}"
    on_day = s.value_at(sp[1])
    primary = on_day.value if on_day else (min(nums) + max(nums)) / 2
    return min(nums), max(nums), how + ("" if sp[0] in s.points or sp[0] != sp[1] else " (interpolated)"), primary


def _delta(s: Series, start: date, end: date) -> float | None:
    """The series' growth over [start, end]: value at end minus value the day before start."""
    before = start - timedelta(days=1)
    last, first = s.value_at(end), s.value_at(before)
    base = first.value if first else (0.0 if s.first and before < s.first <= WAR_START + timedelta(days=7)
                                      and s.side in WAR_SIDES else None)
    return None if last is None or base is None else last.value - base


def check_series(claims: Sequence[Claim], series: Sequence[Series]) -> list[Finding]:
    """Compare each claim with the reference series of its own claimant family (same side and category).

    Verdict consistent when the claim's bounds, widened by its qualifier's tolerance, meet the series value;
    unverifiable when the claim has no date, falls outside the series, or its date was inferred from the series.
    """
    out = []
    for c in claims:
        if not is_asserted(c):
            continue
        fam = family_of(c.get("claimant"))
        for s in series:
            if s.side != c.get("side") or group(s.category) != group(c.get("category")):
                continue
            if family_of(s.claimant) != fam:
                continue
            out.append(_against_series(c, s))
    return out


def _against_series(c: Claim, s: Series) -> Finding:
    b, tol = bounds(c), TOLERANCE.get(c.get("qualifier") or "exact", 0.01)
    nums = {"claim": point(c), "claim_low": b and b[0], "claim_high": b and b[1], "series": s.name,
            "tolerance": tol}
    involved = [c]
    if b is None:
        return Finding("series", "unverifiable", f"{describe(c)}: no number to compare", (c["id"],), nums,
                       (evidence(c),), c.get("side"), c.get("category"), c.get("claimant"))
    got = series_value(s, c)
    if got is None:
        why = "no date" if not c.get("as_of") else f"outside the series ({s.first}…{s.last}) or no usable period"
        return Finding("series", "unverifiable", f"{describe(c)}: {why} to compare with {s.name}", (c["id"],), nums,
                       (evidence(c), s.source), c.get("side"), c.get("category"), c.get("claimant"))
    lo, hi, how, primary = got
    ratio = (point(c) or 0) / primary if primary else None
    nums.update(series_low=lo, series_high=hi, ratio=None if ratio is None else round(ratio, 4), how=how)
    value = fmt(lo) if lo == hi else f"{fmt(lo)}–{fmt(hi)}"
    if c.get("as_of_inferred"):
        return Finding("series", "unverifiable", f"{describe(c)}: date inferred from a series, so {how} "
                       f"({value}) proves nothing", (c["id"],), nums, (evidence(c), s.source), c.get("side"),
                       c.get("category"), c.get("claimant"))
    ok = _overlap(b, (lo, hi))
    ratio_text = "" if ratio is None else f", ratio {ratio:.3f}"
    text = (f"{describe(c)} {'matches' if ok else 'differs from'} {how} = {value}{ratio_text} "
            f"(tolerance ±{tol:.0%})")
    return _finding("series", ok, text, involved, nums, (s.source,))


def check_floors(claims: Sequence[Claim], series: Sequence[Series]) -> list[Finding]:
    """A claim below a confirmed floor (Oryx, Mediazona) at its date is suspect; above it is fine.

    The floor is the series' last value on or before the start of the claim's as_of span (the most lenient).
    Claims of the floor's own family are compared by `check_series` instead.
    """
    out = []
    for s in series:
        if s.kind != "confirmed floor":
            continue
        covers = FLOOR_COVERS.get(s.category, (s.category,))
        for c in claims:
            sp = as_of_span(c)
            if (c.get("side") != s.side or c.get("category") not in covers or not is_asserted(c)
                    or not is_cumulative(c) or sp is None or family_of(c.get("claimant")) == family_of(s.claimant)):
                continue
            floor = s.latest_before(sp[0])
            b = bounds(c)
            if floor is None or b is None:
                continue
            ok = b[1] >= floor[1]
            verb = "is at or above" if ok else "is BELOW"
            text = (f"{describe(c)} {verb} the confirmed floor {s.name} {s.category} = {fmt(floor[1])} on {floor[0]}"
                    + ("" if ok else " (suspect: fewer than are visually/individually confirmed)"))
            nums = {"claim_high": b[1], "floor": floor[1], "floor_date": floor[0].isoformat(), "series": s.name}
            out.append(_finding("floor", ok, text, [c], nums, (s.source,)))
    return out


# --- arithmetic inside one article -----------------------------------------------------------------------------

def _same_voice(a: Claim, b: Claim) -> bool:
    """Two claims of one article that one source stands behind (an unattributed figure goes with any)."""
    ca, cb = canonical(a.get("claimant")), canonical(b.get("claimant"))
    return ca is None or cb is None or ca == cb


def check_arithmetic(claims: Sequence[Claim]) -> list[Finding]:
    """Arithmetic inside each article: rate × days vs period sum, period sums vs total, parts vs whole."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if is_asserted(c) and bounds(c) is not None:
            by_doc[str(c.get("doc"))].append(c)
    out: list[Finding] = []
    for doc_claims in by_doc.values():
        out += _rates_vs_sums(doc_claims) + _sums_vs_totals(doc_claims) + _parts_vs_whole(doc_claims)
    return out


def _rates_vs_sums(cs: list[Claim]) -> list[Finding]:
    out = []
    for r in cs:
        unit = DAYS_PER.get(r.get("metric", "count"))
        per = war_period(r)
        if unit is None or per is None:
            continue
        days = (per[1] - per[0]).days + 1
        for s in cs:
            if (s.get("metric", "count") != "count" or war_period(s) != per or s.get("side") != r.get("side")
                    or group(s.get("category")) != group(r.get("category")) or not _same_voice(r, s)):
                continue
            rb, sb = bounds(r, 0.02), bounds(s)  # a stated average is rounded: allow 2%
            assert rb is not None and sb is not None
            implied = (rb[0] * days / unit, rb[1] * days / unit)
            ok = _overlap(implied, sb)
            text = (f"{describe(r)} × {days} days ({per[0]}…{per[1]}) = {fmt(point(r) * days / unit)}"  # type: ignore
                    f" {'agrees with' if ok else 'does not match'} the period sum {describe(s)}")
            out.append(_finding("rate_vs_sum", ok, text, [r, s], {"rate": point(r), "days": days,
                                "implied": point(r) * days / unit, "sum": point(s)}))  # type: ignore[operator]
    return out


def _sums_vs_totals(cs: list[Claim]) -> list[Finding]:
    out = []
    for t in cs:
        sp = as_of_span(t)
        if not is_cumulative(t) or sp is None:
            continue
        parts = [s for s in cs if s.get("metric", "count") == "count" and period(s) is not None
                 and period(s)[1] <= sp[1] and s.get("side") == t.get("side")  # type: ignore[index]
                 and group(s.get("category")) == group(t.get("category")) and _same_voice(s, t)]
        parts = _disjoint(parts)
        if len(parts) < 2:
            continue
        lo = sum(bounds(p)[0] for p in parts)  # type: ignore[index]
        hi = sum(bounds(p)[1] for p in parts)  # type: ignore[index]
        tb = bounds(t)
        assert tb is not None
        pers = sorted(period(p) for p in parts)  # type: ignore[type-var]
        covers = (t.get("side") in WAR_SIDES and pers[0][0] <= WAR_START
                  and all((b[0] - a[1]).days <= 1 for a, b in zip(pers, pers[1:], strict=False))
                  and (sp[1] - pers[-1][1]).days <= 7)
        ok = lo <= tb[1] and (not covers or _overlap((lo, hi), tb))
        names = " + ".join(f"{fmt(point(p))} ({p.get('period_start')}…{p.get('period_end')})" for p in parts)
        rel = "should equal" if covers else "cannot exceed"
        text = (f"period sums {names} = {fmt(sum(point(p) or 0 for p in parts))} {rel} the total {describe(t)}: "
                + ("they agree" if ok else "they do not"))
        out.append(_finding("parts_vs_total", ok, text, [t, *parts], {
            "total": point(t), "parts_sum": sum(point(p) or 0 for p in parts), "covers_whole_war": covers}))
    return out


def _disjoint(parts: list[Claim]) -> list[Claim]:
    """Keep one claim per period and drop periods overlapping an earlier kept one (a year and its month)."""
    kept: list[Claim] = []
    for p in sorted(parts, key=lambda p: (period(p), -(point(p) or 0))):  # type: ignore[arg-type,return-value]
        a = period(p)
        if all(period(k)[1] < a[0] for k in kept):  # type: ignore[index,operator]
            kept.append(p)
    return kept


def _parts_vs_whole(cs: list[Claim]) -> list[Finding]:
    out = []
    key = lambda c: (c.get("side"), c.get("metric", "count"), c.get("as_of"), c.get("period_start"),  # noqa: E731
                     c.get("period_end"))
    for whole_cat, part_cats in PARTS.items():
        for w in (c for c in cs if c.get("category") == whole_cat):
            wb = bounds(w)
            assert wb is not None
            found: dict[str, list[Claim]] = {}
            for p in cs:
                if p.get("category") in part_cats and key(p) == key(w) and _same_voice(p, w):
                    found.setdefault(p["category"], []).append(p)
                    pb = bounds(p)
                    assert pb is not None
                    ok = pb[0] <= wb[1]
                    text = (f"{describe(p)} {'≤' if ok else 'EXCEEDS'} {describe(w)}"
                            + ("" if ok else f": {p['category']} cannot exceed {whole_cat}"))
                    out.append(_finding(f"{p['category']}_le_{whole_cat}", ok, text, [p, w],
                                        {"part": point(p), "whole": point(w)}))
            if len(found) == len(part_cats):
                combo = [found[cat][0] for cat in part_cats]
                lo = sum(bounds(p)[0] for p in combo)  # type: ignore[index]
                hi = sum(bounds(p)[1] for p in combo)  # type: ignore[index]
                ok = _overlap((lo, hi), wb)
                total = sum(point(p) or 0 for p in combo)
                names = " + ".join(f"{fmt(point(p))} {p.get('category')}" for p in combo)
                text = (f"{names} = {fmt(total)} "
                        f"{'agrees with' if ok else 'does not match'} the stated whole {describe(w)}")
                out.append(_finding("parts_vs_whole", ok, text, [*combo, w], {"parts_sum": total,
                                                                            "whole": point(w)}))
    return out


# --- a claimant over time ----------------------------------------------------------------------------------------

def check_monotonic(claims: Iterable[Claim]) -> list[Finding]:
    """A claimant's cumulative figures must not fall over time; report the offending pair, else one summary.

    Only claims whose dates cannot overlap are compared (a figure "in 2025" is not ordered against one of June
    2025). For each figure, the strongest earlier figure (highest low bound) of the same claimant is the one it
    must not fall below.
    """
    groups: dict[tuple, list[tuple[Claim, tuple[date, date]]]] = defaultdict(list)
    for c in claims:
        sp = as_of_span(c)
        who = canonical(c.get("claimant"))
        if who and sp and is_asserted(c) and is_cumulative(c) and bounds(c) is not None:
            groups[(who, c.get("side"), group(c.get("category")))].append((c, sp))
    out = []
    for (who, side, cat), items in sorted(groups.items(), key=lambda kv: str(kv[0])):
        items.sort(key=lambda it: (it[1][0], it[0]["id"]))
        bad = []
        for c, sp in items:
            earlier = [(e, esp) for e, esp in items if esp[1] < sp[0]]
            if not earlier:
                continue
            e, _ = max(earlier, key=lambda it: bounds(it[0])[0])  # type: ignore[index]
            if bounds(c)[1] < bounds(e)[0]:  # type: ignore[index]
                bad.append(_finding("monotonic", False, f"{who}'s cumulative {cat} ({side}) falls: {describe(e)} "
                                    f"then {describe(c)}", [e, c], {"earlier": point(e), "later": point(c)}))
        dated = len({sp for _, sp in items})
        if bad:
            out += bad
        elif dated >= 2:
            first, last = items[0][0], items[-1][0]
            out.append(_finding("monotonic", True, f"{who}'s {len(items)} cumulative {cat} figures ({side}) do not "
                                f"fall from {first.get('as_of')} to {last.get('as_of')}", [c for c, _ in items],
                                {"figures": len(items), "dates": dated}))
    return out

