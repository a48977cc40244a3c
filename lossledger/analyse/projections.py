"""Projections tracked against outcomes: once a projection's date has passed, what later figures show."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, timedelta

from lossledger.analyse.claims import Claim, as_of_span, bounds, describe, evidence, fmt, group, point
from lossledger.analyse.findings import Finding
from lossledger.analyse.series import Series

PROJECTION_TOLERANCE = 0.10  # a projection is a rough figure ("could reach 2 million"): 10% either way
OUTCOME_WINDOW = timedelta(days=92)  # figures up to a quarter after the due date still show the outcome


def track_projections(claims: Sequence[Claim], series: Sequence[Series] = (), *,
                      today: date | None = None) -> list[Finding]:
    """Compare each projection whose date has passed with the figures reported at or soon after that date.

    The outcome is the median of the asserted, reported figures of the same side, category group and metric
    dated from the start of the projection's as_of span to `OUTCOME_WINDOW` after its end; without such
    figures, the value of a non-floor reference series at the due date. A projection not yet due, or with
    no outcome, is unverifiable.
    """
    today = today or date.today()
    out = []
    for p in claims:
        if p.get("modality") != "projection" or p.get("stance") == "disputed":
            continue
        sp, pb = as_of_span(p), bounds(p, PROJECTION_TOLERANCE)
        base = (p["id"],), (evidence(p),), p.get("side"), p.get("category"), p.get("claimant")
        if sp is None or pb is None:
            out.append(Finding("projection", "unverifiable", f"{describe(p)}: projection with no date or number",
                               base[0], {}, *base[1:]))
            continue
        if sp[1] >= today:
            out.append(Finding("projection", "unverifiable", f"{describe(p)}: not yet due (by {sp[1]})",
                               base[0], {"due": sp[1].isoformat()}, *base[1:]))
            continue
        later = [c for c in claims if _outcome(c, p, sp)]
        values = [point(c) for c in later if point(c) is not None]
        source = "later claims"
        if not values:
            from lossledger.analyse.consistency import series_value

            for s in series:
                if s.side != p.get("side") or s.kind == "confirmed floor" or group(s.category) != group(
                        p.get("category")):
                    continue
                got = series_value(s, p)
                if got is not None:
                    values.append(got[3])
                    source = f"series: {got[2]}"
        if not values:
            out.append(Finding("projection", "unverifiable", f"{describe(p)}: due {sp[1]}, no later figure",
                               base[0], {"due": sp[1].isoformat()}, *base[1:]))
            continue
        outcome = statistics.median(values)  # type: ignore[type-var]
        ok = pb[0] <= outcome <= pb[1]
        verdict = "came true" if ok else ("fell short" if outcome < pb[0] else "was exceeded")
        text = (f"{describe(p)} {verdict}: {source} show {fmt(outcome)} "
                f"(median of {len(values)}; tolerance ±{PROJECTION_TOLERANCE:.0%})")
        out.append(Finding("projection", "consistent" if ok else "inconsistent", text,
                           (p["id"], *(c["id"] for c in later)),
                           {"projected": point(p), "outcome": outcome, "due": sp[1].isoformat(),
                            "figures": len(values)},
                           (evidence(p), *(evidence(c) for c in later)), *base[2:]))
    return out


def _outcome(c: Claim, p: Claim, due: tuple[date, date]) -> bool:
    """Whether claim `c` reports the outcome of projection `p` due in span `due`."""
    sp = as_of_span(c)
    return (c is not p and c.get("modality", "reported") == "reported" and c.get("stance") != "disputed"
            and c.get("side") == p.get("side") and group(c.get("category")) == group(p.get("category"))
            and c.get("metric", "count") == p.get("metric", "count")
            and (c.get("period_start"), c.get("period_end")) == (p.get("period_start"), p.get("period_end"))
            and sp is not None and due[0] <= sp[0] and sp[1] <= due[1] + OUTCOME_WINDOW)
