"""A server-side SVG chart: claims as dots over reference series lines and the consensus band."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup, escape

from lossledger.serve.templating import num

W, H = 900, 360
LEFT, RIGHT, TOP, BOTTOM = 80, 20, 20, 40
COLOURS = 8  # classes c0..c7 in static/style.css (the CSP allows no inline styles)


def _ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        return [lo]
    step = (hi - lo) / n
    mag = 10 ** len(str(int(step))) / 10 if step >= 1 else 1
    step = max(1.0, round(step / mag) * mag)
    first = (lo // step) * step
    return [first + i * step for i in range(n + 2) if lo <= first + i * step <= hi]


def chart(data: dict[str, Any]) -> Markup:
    """Return an inline SVG of `analysis.timeline` output (empty-state text when there is nothing to draw)."""
    pts, series, bands = data["points"], data["series"], data["bands"]
    values = [p["value"] for p in pts] + [v for s in series for _, v in s["points"]] + \
             [b[k] for b in bands for k in ("low", "high")]
    dates = [p["date"] for p in pts] + [d for s in series for d, _ in s["points"]]
    if not values or not dates:
        return Markup('<p class="empty">No dated claims to draw.</p>')
    d0, d1 = min(dates), max(dates)
    # Not from zero: the figures being compared differ by a few percent; the axis is labelled.
    spread = (max(values) - min(values)) or max(values) * 0.05 or 1.0
    v0, v1 = max(0.0, min(values) - spread * 0.15), max(values) + spread * 0.1
    span = max((d1 - d0).days, 1)

    def x(d: date) -> float:
        return LEFT + (W - LEFT - RIGHT) * (d - d0).days / span

    def y(v: float) -> float:
        return H - BOTTOM - (H - TOP - BOTTOM) * (v - v0) / (v1 - v0)

    out = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" xmlns="http://www.w3.org/2000/svg" '
           f'aria-label="{escape(data["side"])} {escape(data["category"])} over time">']
    for t in _ticks(v0, v1):
        out.append(f'<line class="grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}"/>'
                   f'<text class="tick" x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">{num(t)}</text>')
    out.append(f'<text class="tick" x="{LEFT}" y="{H - 12}">{d0}</text>'
               f'<text class="tick" x="{W - RIGHT}" y="{H - 12}" text-anchor="end">{d1}</text>')
    if len(bands) > 1:
        upper = " ".join(f"{x(b['at']):.1f},{y(b['high']):.1f}" for b in bands)
        lower = " ".join(f"{x(b['at']):.1f},{y(b['low']):.1f}" for b in reversed(bands))
        median = " ".join(f"{x(b['at']):.1f},{y(b['median']):.1f}" for b in bands)
        out.append(f'<polygon class="band" points="{upper} {lower}"><title>consensus band (low–high)</title>'
                   f'</polygon><polyline class="median" points="{median}"><title>band median</title></polyline>')
    for i, s in enumerate(series):
        line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in s["points"])
        out.append(f'<polyline class="series c{(i + 3) % COLOURS}" points="{line}">'
                   f'<title>{escape(s["name"])} ({escape(s["kind"])})</title></polyline>')
    families = sorted({p["family"] for p in pts})
    colour = {f: f"c{i % COLOURS}" for i, f in enumerate(families)}
    for p in pts:
        cls = f"dot {colour[p['family']]}" + ("" if p["in_band"] else " out")
        tip = f"{p['date']}: {num(p['value'])} — {p['claimant'] or 'unattributed'}"
        out.append(f'<a href="/claims/{escape(p["id"])}"><circle class="{cls}" cx="{x(p["date"]):.1f}" '
                   f'cy="{y(p["value"]):.1f}" r="4"><title>{escape(tip)}</title>'
                   f'</circle></a>')
    out.append("</svg>")
    legend = "".join(f'<li><span class="swatch {colour[f]}"></span>{escape(f)}</li>'
                     for f in families)
    return Markup("".join(out) + f'<ul class="legend">{legend}<li><span class="swatch band-swatch"></span>'
                  f'consensus band</li></ul>')
