"""Consensus band across independent claimant families, and each claimant's bias relative to it."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from lossledger.analyse.claims import Claim, as_of_span, group, in_band, midpoint, point
from lossledger.analyse.families import canonical, family_label, family_of
from lossledger.analyse.series import Series

MAX_AGE = timedelta(days=365)  # a family's figure older than a year says little about today: left out of the band

How = Literal["stated", "interpolated", "carried"]


@dataclass(frozen=True, slots=True)
class FamilyFigure:
    """One family's figure at a date: stated that day, interpolated between two of its figures, or carried."""

    family: str
    label: str
    value: float
    how: How
    based_on: tuple[str, ...]  # claim ids (or `series:NAME`) the value rests on
    dates: tuple[date, ...]  # the dates of those figures
    age_days: int = 0  # for a carried figure: days since it was stated


@dataclass(slots=True)
class Band:
    """The consensus at one date for one side and category.

    `excluded` lists claims shown but kept out of the band (disputed, hedged, projections) with the reason.
    `floors` lists confirmed-floor values at the date (series name, value).
    """

    side: str
    category: str
    at: date
    figures: list[FamilyFigure] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)
    floors: list[tuple[str, float]] = field(default_factory=list)

    @property
    def values(self) -> list[float]:
        """The family figures' values."""
        return [f.value for f in self.figures]

    @property
    def low(self) -> float | None:
        """The lowest family figure."""
        return min(self.values) if self.figures else None

    @property
    def median(self) -> float | None:
        """The median of the family figures."""
        return statistics.median(self.values) if self.figures else None

    @property
    def high(self) -> float | None:
        """The highest family figure."""
        return max(self.values) if self.figures else None


@dataclass(frozen=True, slots=True)
class Bias:
    """A claimant's typical ratio to the band of the other families at the dates of its claims.

    `ratio` is the median of the claim/band-median ratios; `geo_mean` their geometric mean; `low`/`high` the
    spread; `n` how many claims it rests on.
    """

    claimant: str
    family: str
    n: int
    ratio: float
    geo_mean: float
    low: float
    high: float
    claims: tuple[str, ...]


def _matches(c: Claim, side: str, category: str) -> bool:
    return c.get("side") == side and group(c.get("category")) == group(category)


def family_points(claims: Sequence[Claim], side: str, category: str, series: Sequence[Series] = (),
                  ) -> dict[str, dict[date, list[tuple[float, str]]]]:
    """Return family → date → [(value, claim id or `series:NAME`)] of the figures that may enter the band.

    A claim stands at the middle of its as_of span; confirmed-floor series are not estimates and stay out.
    """
    points: dict[str, dict[date, list[tuple[float, str]]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if _matches(c, side, category) and in_band(c):
            points[family_of(c.get("claimant"))][midpoint(as_of_span(c))].append((point(c), c["id"]))  # type: ignore
    for s in series:
        if s.side == side and group(s.category) == group(category) and s.kind != "confirmed floor":
            for d, v in s.points.items():
                points[family_of(s.claimant)][d].append((v, f"series:{s.name}"))
    return points


def figure_at(family: str, pts: dict[date, list[tuple[float, str]]], at: date,
              max_age: timedelta = MAX_AGE) -> FamilyFigure | None:
    """A family's figure at `at`: stated that day, else interpolated between its neighbours, else carried."""
    def value(d: date) -> float:
        return statistics.median(v for v, _ in pts[d])

    def ids(*ds: date) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for d in ds for _, i in pts[d]))

    label = family_label(family)
    if at in pts:
        return FamilyFigure(family, label, value(at), "stated", ids(at), (at,))
    before = max((d for d in pts if d < at), default=None)
    after = min((d for d in pts if d > at), default=None)
    if before is None:
        return None
    if after is not None:
        v0, v1 = value(before), value(after)
        v = v0 + (v1 - v0) * (at - before).days / (after - before).days
        return FamilyFigure(family, label, v, "interpolated", ids(before, after), (before, after))
    age = (at - before).days
    if timedelta(days=age) > max_age:
        return None
    return FamilyFigure(family, label, value(before), "carried", ids(before), (before,), age)


def band(claims: Sequence[Claim], side: str, category: str, at: date, series: Sequence[Series] = (), *,
         exclude_family: str | None = None, max_age: timedelta = MAX_AGE) -> Band:
    """Return the consensus band for `side`/`category` at `at`: one figure per independent family.

    Disputed, hedged and projected claims of the side and category (dated on or before `at`) are listed in
    `excluded` and kept out. `exclude_family` leaves one family out (for measuring that family's bias).
    """
    result = Band(side, group(category) or category, at)
    for fam, pts in sorted(family_points(claims, side, category, series).items()):
        if fam == exclude_family:
            continue
        fig = figure_at(fam, pts, at, max_age)
        if fig is not None:
            result.figures.append(fig)
    for c in claims:
        sp = as_of_span(c)
        if not _matches(c, side, category) or sp is None or sp[0] > at:
            continue
        reason = ("disputed" if c.get("stance") == "disputed" else "projection" if c.get("modality") == "projection"
                  else "hedged" if c.get("modality") == "hedged" else None)
        if reason:
            result.excluded.append((c["id"], reason))
    for s in series:
        if s.kind == "confirmed floor" and s.side == side and group(s.category) in _floor_groups(category):
            got = s.latest_before(at)
            if got is not None:
                result.floors.append((f"{s.name} {s.category} ({got[0]})", got[1]))
    return result


def _floor_groups(category: str) -> tuple[str, ...]:
    return ("killed", "killed_or_wounded") if group(category) == "killed_or_wounded" else (category,)


def bias(claims: Sequence[Claim], side: str | None = None, category: str | None = None,
         series: Sequence[Series] = (), *, max_age: timedelta = MAX_AGE) -> list[Bias]:
    """Return each claimant's typical ratio to the band of the *other* families at its claims' dates.

    Only claims that may enter the band count; a claim with no other family's figure at its date is skipped.
    Sorted by claimant.
    """
    ratios: dict[str, list[tuple[float, str]]] = defaultdict(list)
    families: dict[str, str] = {}
    cache: dict[tuple[str, str], dict] = {}
    for c in claims:
        if not in_band(c) or (side and c.get("side") != side) or (category and group(c.get("category"))
                                                                   != group(category)):
            continue
        key = (c["side"], group(c["category"]) or "")
        if key not in cache:
            cache[key] = family_points(claims, key[0], key[1], series)
        fam = family_of(c.get("claimant"))
        at = midpoint(as_of_span(c))  # type: ignore[arg-type]
        others = [f for other, pts in cache[key].items() if other != fam
                  and (f := figure_at(other, pts, at, max_age)) is not None]
        median = statistics.median(f.value for f in others) if others else 0
        value = point(c)
        if not median or not value:
            continue
        who = canonical(c.get("claimant")) or "unattributed"
        ratios[who].append((value / median, c["id"]))
        families[who] = fam
    out = []
    for who, rs in sorted(ratios.items()):
        values = [r for r, _ in rs]
        out.append(Bias(who, families[who], len(rs), statistics.median(values),
                        math.exp(statistics.fmean(math.log(r) for r in values)), min(values), max(values),
                        tuple(i for _, i in rs)))
    return out
