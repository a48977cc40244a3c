"""Findings: what a check concluded about some claims, with the numbers and evidence behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Verdict = Literal["consistent", "inconsistent", "unverifiable"]
VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "unverifiable")


@dataclass(frozen=True, slots=True)
class Finding:
    """One check's conclusion.

    Attributes:
        check: the check's name (`series`, `floor`, `rate_vs_sum`, `parts_vs_total`, `killed_le_casualties`,
            `parts_vs_whole`, `monotonic`, `projection`).
        verdict: consistent, inconsistent or unverifiable.
        explanation: one line for a person, with the numbers.
        claims: ids of the claims involved, in the order the explanation names them.
        numbers: the figures behind the verdict (claim values, series values, ratio, tolerance, ...).
        evidence: evidence sentences of the claims and names of the series used.
        side, category, claimant: what the finding is about, for filtering and grouping.
    """

    check: str
    verdict: Verdict
    explanation: str
    claims: tuple[str, ...] = ()
    numbers: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()
    side: str | None = None
    category: str | None = None
    claimant: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"check": self.check, "verdict": self.verdict, "explanation": self.explanation,
                "claims": list(self.claims), "numbers": self.numbers, "evidence": list(self.evidence),
                "side": self.side, "category": self.category, "claimant": self.claimant}
