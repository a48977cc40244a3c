"""Where analysis reads claims and keeps series: a small Protocol, and a file-backed store until the ledger has it."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

from lossledger.analyse.claims import Claim, load_claims
from lossledger.analyse.families import canonical
from lossledger.analyse.series import Series, SeriesError

DEFAULT_SERIES_DIR = "lossledger-series"


@runtime_checkable
class AnalysisStore(Protocol):
    """What the checks and reconciliation need from storage; the ledger implements the same four methods."""

    def load_series(self, name: str | None = None, *, side: str | None = None,
                    category: str | None = None) -> list[Series]:
        """Return the stored series, filtered by name, side and category when given."""
        ...

    def save_series(self, series: Iterable[Series]) -> None:
        """Store series, replacing any with the same (name, side, category)."""
        ...

    def claims(self, claimant: str | None = None) -> Iterator[Claim]:
        """Yield claim records (spec dicts with an `id`), all or those of one claimant (any of its aliases)."""
        ...

    def series_names(self) -> list[str]:
        """Return the names of the stored series sets."""
        ...


class FileStore:
    """Series as one JSON file per name under `series_dir`; claims from a JSON Lines file (read-only).

    Args:
        series_dir: directory of `<name>.json` files (created on first save).
        claims_path: the JSON Lines file of claims (as written by `lossledger extract`), if any.
    """

    def __init__(self, series_dir: str | os.PathLike[str] = DEFAULT_SERIES_DIR,
                 claims_path: str | os.PathLike[str] | None = None) -> None:
        self.series_dir = Path(series_dir)
        self.claims_path = claims_path
        self._claims: list[Claim] | None = None

    def _file(self, name: str) -> Path:
        if not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
            raise SeriesError(f"series name {name!r}: use letters, digits, '.', '_' or '-'")
        return self.series_dir / f"{name}.json"

    def series_names(self) -> list[str]:
        """Return the names of the stored series sets."""
        return sorted(p.stem for p in self.series_dir.glob("*.json")) if self.series_dir.is_dir() else []

    def load_series(self, name: str | None = None, *, side: str | None = None,
                    category: str | None = None) -> list[Series]:
        """Return the stored series, filtered by name, side and category when given."""
        out = []
        for n in [name] if name else self.series_names():
            path = self._file(n)
            if not path.is_file():
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                items = [Series.from_dict(d) for d in data["series"]]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise SeriesError(f"{path}: unreadable series file ({exc})") from None
            out += [s for s in items if (side is None or s.side == side)
                    and (category is None or s.category == category)]
        return out

    def save_series(self, series: Iterable[Series]) -> None:
        """Store series, replacing any with the same (name, side, category); written atomically per name."""
        by_name: dict[str, list[Series]] = {}
        for s in series:
            by_name.setdefault(s.name, []).append(s)
        self.series_dir.mkdir(parents=True, exist_ok=True)
        for name, new in by_name.items():
            keys = {s.key for s in new}
            kept = [s for s in self.load_series(name) if s.key not in keys] + new
            kept.sort(key=lambda s: (s.side, s.category))
            path = self._file(name)
            tmp = path.with_suffix(".json.tmp")
            tmp.write_text(json.dumps({"name": name, "series": [s.to_dict() for s in kept]}, ensure_ascii=False),
                           encoding="utf-8")
            os.replace(tmp, path)

    def claims(self, claimant: str | None = None) -> Iterator[Claim]:
        """Yield the claims of the JSON Lines file (none when there is no file), or those of one claimant."""
        if self.claims_path is None:
            return
        if self._claims is None:
            self._claims = load_claims(self.claims_path)
        want = canonical(claimant)
        for c in self._claims:
            if claimant is None or canonical(c.get("claimant")) == want:
                yield c
