"""Date inference: a figure that equals a reference-series value on one day dates the article."""

from __future__ import annotations

import bisect
import csv
import functools
import io
from importlib import resources

# Small numbers recur on many days (a tally of 28 ships stands for weeks), so only figures
# at least this large date an article.
_MIN_VALUE = 1000


@functools.cache
def general_staff() -> dict[str, dict[int, list[str]]]:
    """Return {category: {value: [dates]}} from the shipped General Staff snapshot (cached)."""
    raw = resources.files("lossledger").joinpath("data", "general_staff.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO("".join(line for line in raw.splitlines(True) if not line.startswith("#"))))
    index: dict[str, dict[int, list[str]]] = {}
    for row in rows:
        for col, cell in row.items():
            if col in ("date", "pow") or not cell:
                continue
            cat = "killed_or_wounded" if col == "personnel" else col
            index.setdefault(cat, {}).setdefault(int(cell), []).append(row["date"])
    return index


def series_date(category: str, value: float | None, side: str | None) -> str | None:
    """The one date on which the General Staff series of Russian losses stood at `value`, if unique; a figure
    whose sentence names no side (`side` None) may be one of them."""
    if side not in ("russia", None) or value is None or value < _MIN_VALUE or not float(value).is_integer():
        return None
    cat = "killed_or_wounded" if category == "losses" else category
    dates = general_staff().get(cat, {}).get(int(value), [])
    return dates[0] if len(dates) == 1 else None


def infer_reference_date(candidates: list[tuple[str, float | None, str | None]], within: str = "") -> str | None:
    """The date most of the (category, value, side) figures agree on in the series, or None; with `within`
    (a month "YYYY-MM" or year "YYYY" the article is known to be from), only a date inside it."""
    votes: dict[str, int] = {}
    for cat, value, side in candidates:
        d = series_date(cat, value, side)
        if d and d.startswith(within):
            votes[d] = votes.get(d, 0) + 1
    return max(votes, key=lambda d: (votes[d], d)) if votes else None


@functools.cache
def _personnel_series() -> tuple[tuple[str, ...], tuple[int, ...]]:
    """(dates, values) of the General Staff's running personnel total, in date order."""
    pairs = sorted((d, v) for v, days in general_staff().get("killed_or_wounded", {}).items() for d in days)
    return tuple(d for d, _ in pairs), tuple(v for _, v in pairs)


def too_early(day: str, totals: list[float]) -> bool:
    """Running totals of Russian soldiers lost that the series had not nearly reached by `day`: a date taken
    from a photo caption ("LVIV, UKRAINE - JANUARY 11: ... 2023") cannot be when a report of 400,000 came out."""
    dates, values = _personnel_series()
    i = bisect.bisect_right(dates, day)
    if not totals or i == 0 or i == len(dates):
        return False  # before or after the series: it says nothing
    return max(totals) > 1.25 * values[i - 1]


def crossing_month(totals: list[float]) -> str | None:
    """The month in which the series first reached the largest of the totals ("more than 400,000" -> 2024-02)."""
    if not totals:
        return None
    dates, _ = _personnel_series()
    reached = _running_max()
    target = max(totals)
    i = bisect.bisect_left(reached, target)
    return dates[i][:7] if i < len(reached) and reached[i] >= target else None


@functools.cache
def _running_max() -> tuple[int, ...]:
    """The largest personnel total of the series up to each of its days (from 0), non-decreasing."""
    out, running = [], 0
    for v in _personnel_series()[1]:
        running = max(running, v)
        out.append(running)
    return tuple(out)
