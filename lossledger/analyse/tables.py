"""Rows of a series source (CSV with `#` comment lines, or a JSON list of objects) and their cells read strictly."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lossledger.analyse.series import Problem, SeriesError

Row = tuple[int, dict[str, Any]]  # (line or item number, cells)


def parse_rows(text: str, source: str) -> list[Row]:
    """Return the numbered rows of a CSV text (comment lines `#...` skipped) or a JSON array of objects.

    Raises:
        SeriesError: the text is empty, bad JSON, or has no header.
    """
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except ValueError as exc:
            raise SeriesError(f"{source}: not valid JSON ({exc})") from None
        return [(n, item if isinstance(item, dict) else {}) for n, item in enumerate(items, 1)]
    # Blank out comments instead of dropping them, so csv's line numbers stay those of the file.
    lines = ["" if line.startswith("#") else line for line in text.splitlines()]
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = next((r for r in reader if r), None)
    if not header:
        raise SeriesError(f"{source}: no header row")
    header = [h.strip() for h in header]
    rows: list[Row] = []
    for cells in reader:
        if not cells:
            continue
        row: dict[str, Any] = dict(zip(header, cells, strict=False))
        if len(cells) > len(header):
            row["__extra__"] = cells[len(header):]
        rows.append((reader.line_num, row))
    return rows


def columns(rows: Sequence[Row]) -> set[str]:
    """The union of the keys of the rows."""
    return {k for _, cells in rows for k in cells}


def parse_date(cell: Any) -> date | None:
    """Return the date of an ISO date (or date-time) cell, else None."""
    text = str(cell or "").strip()
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text).date()
    except ValueError:
        return None


def parse_value(cell: Any) -> float | None:
    """Return a count as a float; None for an empty cell. Raises ValueError for anything else."""
    if cell is None or isinstance(cell, bool):
        if cell is None:
            return None
        raise ValueError(f"{cell!r} is not a number")
    if isinstance(cell, int | float):
        value = float(cell)
    else:
        text = str(cell).strip().replace(",", "").replace("_", "").replace("\u00a0", "").replace(" ", "")
        if not text:
            return None
        value = float(text)
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise ValueError(f"{cell!r} is not a count")
    return value


@dataclass
class Collected:
    """Points and problems gathered for one category while reading rows."""

    points: dict[date, float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, when: date, value: float, line: int) -> None:
        """Add a point; a second, different value for a date is a duplicate problem (the first is kept)."""
        old = self.points.get(when)
        if old is None:
            self.points[when] = value
        elif old != value:
            self.problems.append(Problem("duplicate", f"{when} given twice: {old:g} (kept) and {value:g}",
                                         when.isoformat(), line))


# A cell getter returns the value for one category from one row: None when not reported, ValueError when bad.
Getter = Callable[[dict[str, Any]], float | None]


def collect(rows: Iterable[Row], date_col: str, getters: dict[str, Getter],
            row_check: Callable[[date, dict[str, Any]], str | None] | None = None,
            ) -> tuple[dict[str, Collected], list[Problem]]:
    """Read every row into per-category points; return them with the row-level problems.

    A row with no readable date is a row-level problem; a bad cell is a problem of its category only.
    """
    out = {cat: Collected() for cat in getters}
    row_problems: list[Problem] = []
    for line, cells in rows:
        when = parse_date(cells.get(date_col))
        if when is None:
            row_problems.append(Problem("malformed", f"line {line}: no date in column {date_col!r} "
                                        f"({str(cells.get(date_col, ''))[:40]!r}); row skipped", None, line))
            continue
        if "__extra__" in cells:
            row_problems.append(Problem("malformed", f"line {line}: more cells than header columns",
                                        when.isoformat(), line))
        if row_check and (message := row_check(when, cells)):
            row_problems.append(Problem("malformed", f"line {line}: {message}", when.isoformat(), line))
        for cat, get in getters.items():
            try:
                value = get(cells)
            except (ValueError, TypeError) as exc:
                out[cat].problems.append(Problem("malformed", f"line {line}: {cat}: {exc}; cell skipped",
                                                 when.isoformat(), line))
                continue
            if value is not None:
                out[cat].add(when, value, line)
    return out, row_problems


def first_of(*names: str | tuple[str, ...]) -> Getter:
    """A getter: the first of `names` present with a value; a tuple of names is the sum of all its parts."""
    def get(cells: dict[str, Any]) -> float | None:
        for name in names:
            if isinstance(name, tuple):
                parts = [parse_value(cells.get(n)) for n in name]
                if all(p is not None for p in parts):
                    return float(sum(p for p in parts if p is not None))
            else:
                value = parse_value(cells.get(name))
                if value is not None:
                    return value
        return None
    return get


def sum_present(*names: str) -> Getter:
    """A getter: the sum of those of `names` that have a value; None when none has."""
    def get(cells: dict[str, Any]) -> float | None:
        parts = [parse_value(cells.get(n)) for n in names]
        present = [p for p in parts if p is not None]
        return float(sum(present)) if present else None
    return get
