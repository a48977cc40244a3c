"""Reports: findings and reconciliation as tables (for the CLI now, the dashboard later) and as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lossledger.analyse.claims import Claim, describe, fmt
from lossledger.analyse.consensus import band, bias
from lossledger.analyse.consistency import check_all
from lossledger.analyse.families import family_label
from lossledger.analyse.findings import Finding
from lossledger.analyse.series import Series


@dataclass(slots=True)
class Table:
    """A titled table of plain cells; `to_dict` gives rows as dicts keyed by column."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return {"title", "columns", "rows": [{column: cell}]}."""
        return {"title": self.title, "columns": self.columns, "rows": [dict(zip(self.columns, r, strict=True))
                                                                        for r in self.rows]}


@dataclass(slots=True)
class Report:
    """A titled list of summary lines and tables."""

    title: str
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"title": self.title, "lines": self.lines, "tables": [t.to_dict() for t in self.tables]}


def findings_table(findings: Sequence[Finding], title: str = "Findings") -> Table:
    """One row per finding, inconsistent first: verdict, check, explanation (with the numbers), claim ids."""
    order = {"inconsistent": 0, "unverifiable": 1, "consistent": 2}
    rows = [[f.verdict, f.check, f.explanation, " ".join(f.claims)]
            for f in sorted(findings, key=lambda f: (order[f.verdict], f.check))]
    return Table(title, ["verdict", "check", "explanation", "claims"], rows)


def check_report(claims: Sequence[Claim], series: Sequence[Series] = (), *, today: date | None = None,
                 claimant: str | None = None, findings: Sequence[Finding] | None = None) -> Report:
    """Summarise the findings (run every check unless given): counts per verdict, then the findings table."""
    found = list(findings) if findings is not None else check_all(claims, series, today=today, claimant=claimant)
    counts = {v: sum(f.verdict == v for f in found) for v in ("inconsistent", "unverifiable", "consistent")}
    line = f"{len(claims)} claims, {len(series)} series: " + ", ".join(f"{n} {v}" for v, n in counts.items())
    return Report("Consistency checks", [line], [findings_table(found)])


def reconcile_report(claims: Sequence[Claim], series: Sequence[Series], side: str, category: str,
                     at: date) -> Report:
    """The band at `at` for a side and category: family figures, excluded claims, floors and claimant bias."""
    b = band(claims, side, category, at, series)
    by_id = {c["id"]: c for c in claims}
    lines = [f"{side} {b.category} at {at}: " + (
        f"band {fmt(b.low)} – {fmt(b.median)} – {fmt(b.high)} (low – median – high) across {len(b.figures)} "
        f"independent famil{'y' if len(b.figures) == 1 else 'ies'}" if b.figures else "no family has a figure")]
    lines += [f"confirmed floor {name}: {fmt(v)}" for name, v in b.floors]
    fam = Table("Family figures", ["family", "value", "how", "dates", "age_days", "based_on"],
                [[f.label, fmt(f.value), f.how, " ".join(d.isoformat() for d in f.dates), f.age_days,
                  " ".join(f.based_on[:6]) + (" …" if len(f.based_on) > 6 else "")] for f in b.figures])
    excl = Table("Shown but kept out of the band", ["claim", "reason", "figure"],
                 [[i, why, describe(by_id[i])] for i, why in b.excluded])
    bt = Table("Claimant bias (ratio to the median of the other families at each claim's date)",
               ["claimant", "family", "ratio", "geo_mean", "low", "high", "n"],
               [[x.claimant, family_label(x.family), f"{x.ratio:.2f}", f"{x.geo_mean:.2f}", f"{x.low:.2f}",
                 f"{x.high:.2f}", x.n] for x in bias(claims, side, category, series)])
    return Report(f"Reconciliation: {side} {b.category}", lines, [fam, excl, bt])


def render_text(report: Report, width: int = 100) -> str:
    """Render a report as plain text: title, lines, then each table with aligned columns (long cells cut)."""
    out = [report.title, "=" * len(report.title), *report.lines]
    for t in report.tables:
        out += ["", t.title, "-" * len(t.title)]
        if not t.rows:
            out.append("(none)")
            continue
        cells = [[_cut(str(c), width * 2 if i == len(t.columns) - 2 else width) for i, c in enumerate(row)]
                 for row in [t.columns, *t.rows]]
        widths = [max(len(r[i]) for r in cells) for i in range(len(t.columns))]
        for n, row in enumerate(cells):
            out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
            if n == 0:
                out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
