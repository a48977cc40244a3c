"""Reference series: dated values of one side and category from one source, with their import problems."""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from lossledger.errors import LossledgerError

Kind = Literal["official claim", "confirmed floor", "estimate"]
KINDS: tuple[str, ...] = ("official claim", "confirmed floor", "estimate")
ProblemKind = Literal["malformed", "gap", "correction", "duplicate", "lag"]


class SeriesError(LossledgerError):
    """A series source could not be read or has no usable row; the message names the source."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong found while importing a series; reported, never silently fixed.

    Attributes:
        kind: malformed (a row that could not be read), gap (dates missing between two points),
            correction (a cumulative value that went down), duplicate (a date given twice with different
            values), lag (recent values known to be incomplete).
        message: one line for a person.
        date: the date concerned (ISO), when there is one.
        line: the line (CSV) or item (JSON) number in the source, when there is one.
    """

    kind: ProblemKind
    message: str
    date: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Lookup:
    """A series value at a date: exact when the date is in the series, else interpolated between neighbours."""

    date: date
    value: float
    exact: bool
    before: tuple[date, float] | None = None
    after: tuple[date, float] | None = None

    @property
    def interpolated(self) -> bool:
        """True when the value was interpolated between the neighbouring points."""
        return not self.exact


@dataclass(slots=True)
class Series:
    """One reference series: values of one side and category over time.

    Attributes:
        name: the series set it belongs to (`general-staff`, `oryx`, `mediazona`, or a user's name).
        side: whose losses (`russia`, `ukraine`, ...).
        category: a spec category (`killed_or_wounded`, `tanks`, ...).
        kind: `official claim`, `confirmed floor` or `estimate`; checks treat a floor as a lower bound.
        source: where it was imported from (path or URL, with commit/licence where known).
        points: date → value, in date order.
        problems: what the import found wrong, in source order.
        claimant: the canonical claimant whose figures these are (for the claimant-family check), if any.
        cumulative: True when values are running totals (so a fall is a correction).
        note: a caveat for readers (e.g. a reporting lag).
    """

    name: str
    side: str
    category: str
    kind: Kind
    source: str
    points: dict[date, float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    claimant: str | None = None
    cumulative: bool = True
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"series kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        self.points = dict(sorted(self.points.items()))

    @property
    def key(self) -> tuple[str, str, str]:
        """(name, side, category): what identifies a series in a store."""
        return (self.name, self.side, self.category)

    @property
    def first(self) -> date | None:
        """The first date with a value."""
        return next(iter(self.points), None)

    @property
    def last(self) -> date | None:
        """The last date with a value."""
        return next(reversed(self.points), None) if self.points else None

    def _dates(self) -> list[date]:
        return list(self.points)

    def value_at(self, when: date, *, interpolate: bool = True) -> Lookup | None:
        """Return the value on `when`: exact, or (if allowed) interpolated linearly between neighbours.

        Returns None outside the series' range, or in a gap when `interpolate` is False.
        """
        if when in self.points:
            return Lookup(when, self.points[when], True)
        dates = self._dates()
        i = bisect.bisect_left(dates, when)
        if not interpolate or i == 0 or i == len(dates):
            return None
        d0, d1 = dates[i - 1], dates[i]
        v0, v1 = self.points[d0], self.points[d1]
        value = v0 + (v1 - v0) * (when - d0).days / (d1 - d0).days
        return Lookup(when, value, False, (d0, v0), (d1, v1))

    def latest_before(self, when: date, *, inclusive: bool = True) -> tuple[date, float] | None:
        """Return the last (date, value) on or before `when` (strictly before when `inclusive` is False)."""
        dates = self._dates()
        i = bisect.bisect_right(dates, when) if inclusive else bisect.bisect_left(dates, when)
        return (dates[i - 1], self.points[dates[i - 1]]) if i else None

    def between(self, start: date, end: date) -> list[tuple[date, float]]:
        """Return the (date, value) points with start <= date <= end."""
        return [(d, v) for d, v in self.points.items() if start <= d <= end]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (dates as ISO strings); `from_dict` reads it back."""
        return {
            "name": self.name, "side": self.side, "category": self.category, "kind": self.kind,
            "source": self.source, "claimant": self.claimant, "cumulative": self.cumulative, "note": self.note,
            "points": [[d.isoformat(), _plain(v)] for d, v in self.points.items()],
            "problems": [{k: getattr(p, k) for k in ("kind", "message", "date", "line")} for p in self.problems],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Series:
        """Rebuild a series from `to_dict` output."""
        return cls(
            name=d["name"], side=d["side"], category=d["category"], kind=d["kind"], source=d.get("source", ""),
            points={date.fromisoformat(k): float(v) for k, v in d.get("points", [])},
            problems=[Problem(**p) for p in d.get("problems", [])],
            claimant=d.get("claimant"), cumulative=d.get("cumulative", True), note=d.get("note", ""),
        )


def _plain(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def audit(points: dict[date, float], *, cumulative: bool = True, max_step: int | None = None) -> list[Problem]:
    """Return the gaps and corrections in a series' points (which it does not change).

    Args:
        points: date → value.
        cumulative: report a fall in value as a correction.
        max_step: the longest expected distance in days between two dates; longer is a gap. Default:
            1.5 × the median distance (a daily series: any missing day; a monthly one: a missing month).
    """
    items = sorted(points.items())
    if len(items) < 2:
        return []
    steps = [(b[0] - a[0]).days for a, b in zip(items, items[1:], strict=False)]
    limit = max_step if max_step is not None else max(1, int(1.5 * statistics.median(steps)))
    found: list[Problem] = []
    for (d0, v0), (d1, v1), step in zip(items, items[1:], steps, strict=False):
        if step > limit:
            found.append(Problem("gap", f"no value for {step - 1} day(s) between {d0} and {d1}", d1.isoformat()))
        if cumulative and v1 < v0:
            found.append(Problem("correction", f"cumulative value fell from {_plain(v0):,} on {d0} to "
                                 f"{_plain(v1):,} on {d1} ({_plain(v1 - v0):+,})", d1.isoformat()))
    return found
