"""An inline SVG timeline: claims (marker = claimant family, whiskers = ranges and bounds) over reference series
and the consensus band. Every text and attribute is escaped; each marker links to its claim's row."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from lossledger.analyse.claims import (
    Claim,
    as_of_span,
    describe,
    evidence,
    fmt,
    in_band,
    is_cumulative,
    midpoint,
    num,
    point,
)
from lossledger.analyse.families import family_label, family_of
from lossledger.analyse.series import Series

W, H = 920, 340
LEFT, RIGHT, TOP, BOTTOM = 78, 16, 14, 34
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f",
           "#bcbd22")
SERIES_COLOURS = ("#555", "#b8860b", "#2f4f4f", "#800000")
SHAPES = ("circle", "square", "triangle", "diamond")
MAX_SERIES_POINTS = 400


@dataclass(frozen=True, slots=True)
class BandPoint:
    """The consensus band at one date."""

    at: date
    low: float
    median: float
    high: float


def _q(x: float) -> str:
    return f"{x:.1f}"


def _marker(shape: str, x: float, y: float, colour: str, hollow: bool) -> str:
    fill = "#fff" if hollow else colour
    style = f'fill="{fill}" stroke="{colour}" stroke-width="1.6"'
    if shape == "circle":
        return f'<circle cx="{_q(x)}" cy="{_q(y)}" r="5" {style}/>'
    if shape == "square":
        return f'<rect x="{_q(x - 4.5)}" y="{_q(y - 4.5)}" width="9" height="9" {style}/>'
    if shape == "triangle":
        return f'<polygon points="{_q(x)},{_q(y - 6)} {_q(x - 5.5)},{_q(y + 4)} {_q(x + 5.5)},{_q(y + 4)}" {style}/>'
    diamond = f"{_q(x)},{_q(y - 6)} {_q(x + 6)},{_q(y)} {_q(x)},{_q(y + 6)} {_q(x - 6)},{_q(y)}"
    return f'<polygon points="{diamond}" {style}/>'


def family_styles(claims: Sequence[Claim]) -> dict[str, tuple[str, str]]:
    """Family id → (colour, shape), in order of first appearance."""
    out: dict[str, tuple[str, str]] = {}
    for c in claims:
        fam = family_of(c.get("claimant"))
        if fam not in out:
            n = len(out)
            out[fam] = (PALETTE[n % len(PALETTE)], SHAPES[(n // len(PALETTE) + n) % len(SHAPES)])
    return out


def _step(span: float, n: int = 5) -> float:
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


def _nice_ticks(top: float, n: int = 5, bottom: float = 0.0) -> list[float]:
    if top <= bottom:
        return [bottom]
    step = _step(top - bottom, n)
    first = math.ceil(bottom / step - 1e-9)
    return [i * step for i in range(first, int(top / step + 1e-9) + 1)]


def _axis_bottom(lows: list[float], ymax: float) -> float:
    """0, unless every figure lies in the upper part of the axis: then a round value below the lowest, so that
    differences between claims show (the tick labels say where the axis starts)."""
    lo = min(lows, default=0.0)
    if lo <= 0.35 * ymax:
        return 0.0
    step = _step(ymax - lo)
    return max(0.0, math.floor((lo - 0.5 * step) / step) * step)


def _date_ticks(d0: date, d1: date) -> list[date]:
    days = (d1 - d0).days
    if days > 3 * 365:
        return [date(y, 1, 1) for y in range(d0.year + 1, d1.year + 1)]
    step = 1 if days <= 400 else 3 if days <= 1100 else 6
    out, y, m = [], d0.year, d0.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if date(y, m, 1) > d1:
            return out
        if (m - 1) % step == 0:
            out.append(date(y, m, 1))


def timeline(claims: Sequence[Claim], series: Sequence[Series], bands: Sequence[BandPoint], title: str) -> str:
    """Return an `<svg>` element drawing the cumulative claims, the series over their dates, and the band.

    Period sums and rates are not running totals, so they are listed in the report but not drawn.
    """
    pts = [(c, midpoint(sp), v) for c in claims
           if is_cumulative(c) and (sp := as_of_span(c)) and (v := point(c)) is not None]
    if not pts:
        return ""
    d0, d1 = min(d for _, d, _ in pts), max(d for _, d, _ in pts)
    pad = max(timedelta(days=15), (d1 - d0) * 0.05)
    d0, d1 = d0 - pad, d1 + pad
    in_range = [[(d, v) for d, v in s.points.items() if d0 <= d <= d1] for s in series]
    tops = [v for _, _, v in pts] + [num(c.get("high")) or 0 for c, _, _ in pts if c.get("qualifier") == "range"]
    tops += [v for sp in in_range for _, v in sp] + [b.high for b in bands]
    top = max([t for t in tops if math.isfinite(t)] + [1.0])
    ymax = top * 1.08
    lows = [v for _, _, v in pts] + [v for c, _, _ in pts if c.get("qualifier") == "range" and (v := num(c.get("low")))]
    lows += [v for sp in in_range for _, v in sp] + [b.low for b in bands]
    ymin = _axis_bottom([v for v in lows if math.isfinite(v)], ymax)
    if ymin:
        ymax = top + 0.06 * (top - ymin)  # headroom above the highest figure, as a share of the axis shown
    span_days = max((d1 - d0).days, 1)

    def x(d: date) -> float:
        return LEFT + (W - LEFT - RIGHT) * (d - d0).days / span_days

    def y(v: float) -> float:
        return TOP + (H - TOP - BOTTOM) * (1 - (min(max(v, ymin), ymax) - ymin) / (ymax - ymin))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="100%" role="img" '
           f'aria-label="{escape(title)}" font-family="sans-serif" font-size="11">']
    for t in _nice_ticks(ymax, bottom=ymin):
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{_q(y(t))}" y2="{_q(y(t))}" stroke="#eee"/>'
                   f'<text x="{LEFT - 6}" y="{_q(y(t) + 4)}" text-anchor="end" fill="#444">{escape(fmt(t))}</text>')
    for t in _date_ticks(d0, d1):
        label = str(t.year) if t.month == 1 else t.strftime("%Y-%m")
        out.append(f'<line x1="{_q(x(t))}" x2="{_q(x(t))}" y1="{TOP}" y2="{H - BOTTOM}" stroke="#f2f2f2"/>'
                   f'<text x="{_q(x(t))}" y="{H - BOTTOM + 16}" text-anchor="middle" fill="#444">{label}</text>')
    out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{H - BOTTOM}" y2="{H - BOTTOM}" stroke="#888"/>')
    if len(bands) >= 2:
        poly = [f"{_q(x(b.at))},{_q(y(b.high))}" for b in bands] + [f"{_q(x(b.at))},{_q(y(b.low))}"
                                                                    for b in reversed(bands)]
        med = " ".join(f"{_q(x(b.at))},{_q(y(b.median))}" for b in bands)
        out.append(f'<polygon points="{" ".join(poly)}" fill="#9ecae1" fill-opacity="0.35" stroke="none">'
                   "<title>consensus band (low–high across families)</title></polygon>"
                   f'<polyline points="{med}" fill="none" stroke="#3182bd" stroke-dasharray="5 3">'
                   "<title>band median</title></polyline>")
    for n, (s, sp) in enumerate(zip(series, in_range, strict=True)):
        step = max(1, len(sp) // MAX_SERIES_POINTS)
        line = " ".join(f"{_q(x(d))},{_q(y(v))}" for d, v in sp[::step] + sp[-1:])
        if line:
            dash = ' stroke-dasharray="2 2"' if s.kind == "confirmed floor" else ""
            out.append(f'<polyline points="{line}" fill="none" stroke="{SERIES_COLOURS[n % len(SERIES_COLOURS)]}" '
                       f'stroke-width="1.5"{dash}><title>{escape(f"{s.name} {s.category} ({s.kind})")}</title>'
                       "</polyline>")
    styles = family_styles([c for c, _, _ in pts])
    for c, d, v in pts:
        colour, shape = styles[family_of(c.get("claimant"))]
        cx, cy = x(d), y(v)
        parts = [_whisker(c, cx, y, colour)]
        parts.append(_marker(shape, cx, cy, colour, hollow=not in_band(c)))
        tip = f"{describe(c)}{' (date inferred)' if c.get('as_of_inferred') else ''}\n{evidence(c)}"
        out.append(f'<a href="#claim-{escape(str(c["id"]))}"><title>{escape(tip)}</title>{"".join(parts)}</a>')
    out.append("</svg>")
    return "".join(out)


def _whisker(c: Claim, cx: float, y, colour: str) -> str:  # type: ignore[no-untyped-def]
    q = c.get("qualifier")
    lo, hi, v = num(c.get("low")), num(c.get("high")), num(c.get("value"))
    if q in ("range", "vague") and lo is not None and hi is not None and math.isfinite(hi):
        a, b = y(lo), y(hi)
    elif q == "at_least" and v is not None:
        a, b = y(v), y(v) - 16
    elif q == "at_most" and v is not None:
        a, b = y(v), y(v) + 16
    else:
        return ""
    caps = "" if q in ("range", "vague") else (
        f'<polyline points="{_q(cx - 3)},{_q(b + (4 if b < a else -4))} {_q(cx)},{_q(b)} '
        f'{_q(cx + 3)},{_q(b + (4 if b < a else -4))}" fill="none" stroke="{colour}"/>')
    return f'<line x1="{_q(cx)}" x2="{_q(cx)}" y1="{_q(a)}" y2="{_q(b)}" stroke="{colour}" stroke-width="1.4"/>{caps}'


def legend(claims: Sequence[Claim], series: Sequence[Series]) -> list[tuple[str, str, str]]:
    """(colour, shape, label) for each family drawn, then each series (shape `line`)."""
    out = [(colour, shape, family_label(fam)) for fam, (colour, shape) in family_styles(claims).items()]
    out += [(SERIES_COLOURS[n % len(SERIES_COLOURS)], "line", f"{s.name} {s.category} ({s.kind})")
            for n, s in enumerate(series)]
    return out
