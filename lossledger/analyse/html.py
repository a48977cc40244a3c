"""The report file: per side and category, a timeline, the claims with their evidence, the findings and the
claimant bias; as one self-contained HTML page (inline SVG and CSS, no scripts) or as Markdown."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from typing import Any

from lossledger.analyse.claims import Claim, as_of_span, describe, evidence, fmt, group, in_band, point
from lossledger.analyse.consensus import Bias, band, bias
from lossledger.analyse.consistency import check_all
from lossledger.analyse.families import family_label, family_of
from lossledger.analyse.findings import Finding
from lossledger.analyse.series import Series
from lossledger.analyse.svg import BandPoint, legend, timeline

BAND_STEPS = 40
VERDICT_ORDER = {"inconsistent": 0, "unverifiable": 1, "consistent": 2}


@dataclass
class Section:
    """One side and category: its dated claims, series, band over time, findings and bias."""

    side: str
    category: str
    claims: list[Claim]
    series: list[Series]
    bands: list[BandPoint] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    bias: list[Bias] = field(default_factory=list)


@dataclass
class ReportDoc:
    """The whole report."""

    title: str
    generated: str
    claims: int
    series: int
    sections: list[Section]
    findings: list[Finding]


def status(c: Claim) -> str:
    """Why a claim is or is not in the band: `in band`, `disputed`, `projection`, `hedged`, ..."""
    if in_band(c):
        return "in band"
    if c.get("stance") == "disputed":
        return "disputed"
    if c.get("modality") in ("projection", "hedged"):
        return str(c["modality"])
    return "period/rate" if c.get("metric", "count") != "count" or c.get("period_end") else "not in band"


def build(claims: Sequence[Claim], series: Sequence[Series], *, side: str | None = None,
          category: str | None = None, today: date | None = None, top: int = 12) -> ReportDoc:
    """Gather the report: the `top` most claimed (side, category) pairs with dated claims (or the one asked)."""
    findings = [f for f in check_all(claims, series, today=today)
                if (side is None or f.side == side) and (category is None or group(f.category) == group(category))]
    dated = [c for c in claims if as_of_span(c) and point(c) is not None]
    counts = Counter((c.get("side"), group(c.get("category"))) for c in dated
                     if (side is None or c.get("side") == side) and (category is None
                                                                       or group(c.get("category")) == group(category)))
    sections = []
    for (s_side, s_cat), _n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]:
        own = sorted((c for c in dated if c.get("side") == s_side and group(c.get("category")) == s_cat),
                     key=lambda c: (as_of_span(c)[0], str(c["id"])))  # type: ignore[index]
        ser = [s for s in series if s.side == s_side and group(s.category) == s_cat]
        sec = Section(str(s_side), str(s_cat), own, ser, _bands(claims, series, str(s_side), str(s_cat), own),
                      [f for f in findings if f.side == s_side and group(f.category) == s_cat],
                      bias(claims, s_side, s_cat, series))
        sec.findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.check))
        sections.append(sec)
    return ReportDoc("Lossledger report" + (f": {side}" if side else "") + (f" {category}" if category else ""),
                     dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), len(claims), len(series), sections,
                     sorted(findings, key=lambda f: (VERDICT_ORDER[f.verdict], f.check)))


def _bands(claims: Sequence[Claim], series: Sequence[Series], side: str, category: str,
           own: list[Claim]) -> list[BandPoint]:
    first, last = as_of_span(own[0])[0], max(as_of_span(c)[1] for c in own)  # type: ignore[index]
    days = (last - first).days
    out = []
    for i in range(BAND_STEPS + 1 if days else 1):
        at = first + timedelta(days=round(days * i / BAND_STEPS))
        b = band(claims, side, category, at, series)
        if b.figures:
            out.append(BandPoint(at, b.low, b.median, b.high))  # type: ignore[arg-type]
    return out


def _counts(findings: Sequence[Finding]) -> str:
    c = Counter(f.verdict for f in findings)
    return ", ".join(f"{c.get(v, 0)} {v}" for v in VERDICT_ORDER)


def _safe_url(url: Any) -> str | None:
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def _claim_cells(c: Claim) -> list[str]:
    when = str(c.get("as_of")) + (" (inferred)" if c.get("as_of_inferred") else "")
    return [str(c["id"]), when, describe(c).split(" by ")[0], c.get("claimant") or "(unattributed)",
            family_label(family_of(c.get("claimant"))), status(c), evidence(c)]


CLAIM_COLUMNS = ("claim", "as_of", "figure", "claimant", "family", "status", "evidence")
FINDING_COLUMNS = ("verdict", "check", "explanation", "claims")
BIAS_COLUMNS = ("claimant", "family", "ratio", "geo mean", "spread", "claims")


def _bias_cells(b: Bias) -> list[str]:
    return [b.claimant, family_label(b.family), f"{b.ratio:.2f}", f"{b.geo_mean:.2f}", f"{b.low:.2f}–{b.high:.2f}",
            str(b.n)]


# --- HTML -----------------------------------------------------------------------------------------------------

CSS = """body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 12px}
table{border-collapse:collapse;width:100%;margin:8px 0 20px}th,td{border:1px solid #ddd;padding:4px 6px;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.num{text-align:right;white-space:nowrap}
.inconsistent{color:#b00020;font-weight:600}.unverifiable{color:#8a6d00}.consistent{color:#1b7a1b}
.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:10px;height:10px;
margin-right:4px;vertical-align:middle}.ev{font-size:12px;color:#444}tr:target{background:#fff6c8}
section{border-top:2px solid #ccc;margin-top:28px}td.date{white-space:nowrap}"""


def _table(columns: Sequence[str], rows: list[list[str]], row_ids: list[str] | None = None,
           raw: dict[int, list[str]] | None = None) -> str:
    """An HTML table; every cell escaped, except cells given pre-built (already escaped) in `raw` by column."""
    if not rows:
        return "<p><em>(none)</em></p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for n, row in enumerate(rows):
        rid = f' id="{escape(row_ids[n])}"' if row_ids else ""
        cells = []
        for i, cell in enumerate(row):
            html_cell = raw[i][n] if raw and i in raw else escape(cell)
            cls = f' class="{escape(cell)}"' if columns[i] == "verdict" else ' class="date"' if columns[i] == "as_of" \
                else ""
            cells.append(f"<td{cls}>{html_cell}</td>")
        body.append(f"<tr{rid}>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _evidence_html(c: Claim) -> str:
    url = _safe_url(c.get("url"))
    link = f' <a href="{escape(url)}" rel="noreferrer">source</a>' if url else (
        f" <span class=\"ev\">[{escape(str(c.get('doc')))}]</span>" if c.get("doc") else "")
    extra = f'<br><span class="ev">date: {escape(str(c.get("as_of_evidence")))}</span>' if c.get("as_of_evidence") \
        else ""
    return f'<span class="ev">“{escape(evidence(c))}”</span>{link}{extra}'


def _claim_links(ids: Sequence[str]) -> str:
    return " ".join(f'<a href="#claim-{escape(i)}">{escape(i)}</a>' for i in ids)


def render_html(doc: ReportDoc) -> str:
    """The report as one HTML page (no external resources, no scripts)."""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(doc.title)}</title><style>{CSS}</style></head><body>",
           f"<h1>{escape(doc.title)}</h1>",
           f"<p>{doc.claims} claims, {doc.series} reference series; findings: {escape(_counts(doc.findings))}. "
           f"Generated {escape(doc.generated)}.</p>"]
    if not doc.sections:
        out.append("<p><em>No dated claims to show.</em></p>")
    for sec in doc.sections:
        title = f"{sec.side} — {sec.category}"
        out.append(f'<section><h2 id="{escape(sec.side)}-{escape(sec.category)}">{escape(title)}</h2>')
        if sec.bands:
            last = sec.bands[-1]
            out.append(f"<p>Consensus band at {last.at}: {escape(fmt(last.low))} – {escape(fmt(last.median))} – "
                       f"{escape(fmt(last.high))} (low – median – high).</p>")
        out.append(timeline(sec.claims, sec.series, sec.bands, title))
        keys = "".join(f'<span><span class="sw" style="background:{escape(colour)}"></span>{escape(label)}'
                       f'{" (series)" if shape == "line" else ""}</span>'
                       for colour, shape, label in legend(sec.claims, sec.series))
        out.append(f'<p class="legend">{keys}<span>hollow marker: kept out of the band · shaded: consensus band, '
                   "dashed: its median · whiskers: ranges and bounds</span></p>")
        out.append(f"<h3>Claims ({len(sec.claims)})</h3>")
        rows = [_claim_cells(c) for c in sec.claims]
        out.append(_table(CLAIM_COLUMNS, rows, [f"claim-{c['id']}" for c in sec.claims],
                          {6: [_evidence_html(c) for c in sec.claims]}))
        out.append(f"<h3>Findings ({escape(_counts(sec.findings))})</h3>")
        out.append(_table(FINDING_COLUMNS, [[f.verdict, f.check, f.explanation, " ".join(f.claims)]
                                            for f in sec.findings],
                          raw={3: [_claim_links(f.claims) for f in sec.findings]}))
        out.append("<h3>Claimant bias (ratio to the median of the other families at each claim's date)</h3>")
        out.append(_table(BIAS_COLUMNS, [_bias_cells(b) for b in sec.bias]))
        out.append("</section>")
    out.append("</body></html>\n")
    return "\n".join(out)


# --- Markdown -------------------------------------------------------------------------------------------------

def _md(text: Any) -> str:
    """A Markdown table cell: one line, pipes and HTML escaped."""
    return escape(" ".join(str(text).split()), quote=False).replace("|", "\\|")


def _md_table(columns: Sequence[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return ["(none)", ""]
    return ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns),
            *("| " + " | ".join(_md(c) for c in row) + " |" for row in rows), ""]


def render_md(doc: ReportDoc) -> str:
    """The report as Markdown (tables; no chart)."""
    out = [f"# {_md(doc.title)}", "", f"{doc.claims} claims, {doc.series} reference series; findings: "
           f"{_counts(doc.findings)}. Generated {doc.generated}.", ""]
    for sec in doc.sections:
        out += [f"## {_md(sec.side)} — {_md(sec.category)}", ""]
        if sec.bands:
            b = sec.bands[-1]
            out += [f"Consensus band at {b.at}: {fmt(b.low)} – {fmt(b.median)} – {fmt(b.high)} "
                    "(low – median – high).", ""]
        out += [f"### Claims ({len(sec.claims)})", "", *_md_table(CLAIM_COLUMNS + ("url",), [
            [*_claim_cells(c), _safe_url(c.get("url")) or ""] for c in sec.claims])]
        out += [f"### Findings ({_counts(sec.findings)})", "", *_md_table(FINDING_COLUMNS, [
            [f.verdict, f.check, f.explanation, " ".join(f.claims)] for f in sec.findings])]
        out += ["### Claimant bias", "", *_md_table(BIAS_COLUMNS, [_bias_cells(b) for b in sec.bias])]
    return "\n".join(out)
