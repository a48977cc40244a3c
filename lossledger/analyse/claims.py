"""Claim records as the checks read them: dates as spans, numbers as bounds, categories in scoring groups."""

from __future__ import annotations

import calendar
import json
import math
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from lossledger.analyse.series import SeriesError

Claim = dict[str, Any]

# How far a figure may be from another and still agree, by qualifier: an exact figure may be a day stale or
# rounded in relay (1%); "about"/"nearly" figures are rounded to 2–3 significant digits (5%).
TOLERANCE = {"exact": 0.01, "approx": 0.05, "at_least": 0.01, "at_most": 0.01, "range": 0.01, "vague": 0.0}
DAYS_PER = {"count": None, "per_day": 1.0, "per_week": 7.0, "per_month": 365.25 / 12}
WAR_START = date(2022, 2, 24)  # the full-scale invasion: sums and rates of this war's sides run from here
WAR_SIDES = ("russia", "ukraine", "both")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def load_claims(path: str | os.PathLike[str]) -> list[Claim]:
    """Return the claims of a JSON Lines file, each with an `id` (kept if given, else `DOC#N`, N from 1 per doc).

    Raises:
        SeriesError: the file cannot be read or a line is not a JSON object.
    """
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SeriesError(f"{os.fspath(path)}: {exc}") from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise SeriesError(f"{os.fspath(path)}:{n}: not JSON ({exc})") from None
        if not isinstance(row, dict):
            raise SeriesError(f"{os.fspath(path)}:{n}: not a JSON object")
        rows.append(row)
    return with_ids(rows)


def with_ids(rows: Iterable[Claim]) -> list[Claim]:
    """Return the claims, giving each one without an `id` the id `DOC#N` (its number within its document)."""
    counts: dict[str, int] = {}
    out = []
    for row in rows:
        doc = str(row.get("doc") or "?")
        counts[doc] = counts.get(doc, 0) + 1
        out.append(row if row.get("id") is not None else {**row, "id": f"{doc}#{counts[doc]}"})
    return out


def span(text: str | None) -> tuple[date, date] | None:
    """Return the first and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date, else None."""
    m = _DATE.match(str(text or "").strip())
    if not m:
        return None
    y, mo, d = int(m[1]), m[2], m[3]
    try:
        if d:
            day = date(y, int(mo), int(d))
            return day, day
        if mo:
            return date(y, int(mo), 1), date(y, int(mo), calendar.monthrange(y, int(mo))[1])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def midpoint(sp: tuple[date, date]) -> date:
    """The middle day of a span (a year's figure stands at 2 July, a month's at its 15th/16th)."""
    return sp[0] + timedelta(days=(sp[1] - sp[0]).days // 2)


def as_of_span(claim: Claim) -> tuple[date, date] | None:
    """The span of the claim's as_of date."""
    return span(claim.get("as_of"))


def period(claim: Claim) -> tuple[date, date] | None:
    """The claim's period as (first day, last day), when both ends are given."""
    a, b = span(claim.get("period_start")), span(claim.get("period_end"))
    return (a[0], b[1]) if a and b and a[0] <= b[1] else None


def war_period(claim: Claim) -> tuple[date, date] | None:
    """The claim's period, its start moved to 24 Feb 2022 for this war's sides ("in 2022" = 311 days of war)."""
    per = period(claim)
    if per is not None and claim.get("side") in WAR_SIDES and per[0] < WAR_START <= per[1]:
        return WAR_START, per[1]
    return per


def group(category: str | None) -> str | None:
    """The scoring group of a category: `losses` goes with `killed_or_wounded`."""
    return "killed_or_wounded" if category == "losses" else category


def num(x: Any) -> float | None:
    """A claim field as a float, or None."""
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x) else None


def bounds(claim: Claim, tolerance: float | None = None) -> tuple[float, float] | None:
    """Return (low, high) of the claim's number widened by the tolerance of its qualifier (high may be inf)."""
    q = claim.get("qualifier") or "exact"
    v, lo, hi = num(claim.get("value")), num(claim.get("low")), num(claim.get("high"))
    if q == "at_least" and v is not None:
        lo, hi = v, math.inf
    elif q == "at_most" and v is not None:
        lo, hi = 0.0, v
    elif q in ("range", "vague"):
        lo = lo if lo is not None else 0.0
        hi = hi if hi is not None else math.inf
    elif v is not None:
        lo = hi = v
    if lo is None or hi is None:
        return None
    tol = TOLERANCE.get(q, 0.01) if tolerance is None else tolerance
    return lo * (1 - tol), hi * (1 + tol)


def point(claim: Claim) -> float | None:
    """The claim's single number: its value, else the middle of its range, else its one bound."""
    v = num(claim.get("value"))
    if v is not None:
        return v
    lo, hi = num(claim.get("low")), num(claim.get("high"))
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    return lo if lo is not None else hi


def is_cumulative(claim: Claim) -> bool:
    """A count with no period: a running total since the war began."""
    return claim.get("metric", "count") == "count" and period(claim) is None


def is_asserted(claim: Claim) -> bool:
    """Not rejected by its own claimant (stance disputed) and not a projection."""
    return claim.get("stance") != "disputed" and claim.get("modality") != "projection"


def in_band(claim: Claim) -> bool:
    """Whether a claim may enter the consensus band: asserted, reported (not hedged), cumulative, dated."""
    return (is_asserted(claim) and claim.get("modality", "reported") == "reported" and is_cumulative(claim)
            and as_of_span(claim) is not None and point(claim) is not None)


def fmt(x: float | None) -> str:
    """A number for a person: `1,000,340`, `693.5`, `inf`."""
    if x is None:
        return "?"
    if math.isinf(x):
        return "∞"
    return f"{round(x):,}" if abs(x - round(x)) < 1e-9 or abs(x) >= 1000 else f"{x:,.1f}"


def describe(claim: Claim) -> str:
    """One short line naming a claim: `1,000,340 killed_or_wounded (russia) by General Staff on 2025-06-12`."""
    q = claim.get("qualifier") or "exact"
    if q in ("range", "vague"):
        number = f"{fmt(num(claim.get('low')))}–{fmt(num(claim.get('high')))}"
    else:
        number = {"approx": "~", "at_least": "≥", "at_most": "≤"}.get(q, "") + fmt(num(claim.get("value")))
    rate = {"per_day": "/day", "per_week": "/week", "per_month": "/month"}.get(claim.get("metric", ""), "")
    who = claim.get("claimant") or "unattributed"
    when = claim.get("as_of") or "undated"
    return f"{number}{rate} {claim.get('category')} ({claim.get('side')}) by {who}, {when}"


def evidence(claim: Claim) -> str:
    """The claim's evidence sentence, else its id."""
    ev = claim.get("evidence")
    text = ev.get("text") if isinstance(ev, dict) else None
    return " ".join(str(text).split()) if text else f"[{claim.get('id')}]"


def iter_dated(claims: Iterable[Claim]) -> Iterator[tuple[Claim, tuple[date, date]]]:
    """The claims that have an as_of date, with its span."""
    for c in claims:
        sp = as_of_span(c)
        if sp is not None:
            yield c, sp
