"""Language packs: data files per language, loaded lazily, validated, and cached.

`get_pack(code)` reads every TOML file of `lossledger/lang/<code>/`, checks it against
`schema.SCHEMA`, and returns a `Pack`. Adding a language is adding a folder (and its tests).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from lossledger.errors import PackError
from lossledger.lang.schema import SCHEMA


@dataclass(frozen=True)
class Pack:
    """A loaded language pack: its code and its merged sections."""

    code: str
    data: dict[str, dict[str, Any]]

    def section(self, name: str) -> dict[str, Any]:
        """Return one section of the pack (empty when the pack does not have it)."""
        return self.data.get(name, {})

    def words(self, section: str, key: str) -> list[str]:
        """Return a word list of the pack (empty when absent)."""
        return list(self.data.get(section, {}).get(key, []))


def _pack_dir(code: str):
    return resources.files("lossledger.lang").joinpath(code)


@functools.cache
def languages() -> tuple[str, ...]:
    """Return the codes of all packs shipped with Lossledger, sorted."""
    root = resources.files("lossledger.lang")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


def validate(code: str, data: dict[str, Any], origin: str) -> None:
    """Raise PackError when `data` holds a section or key the schema does not know."""
    for section, body in data.items():
        if section not in SCHEMA:
            raise PackError(f"{origin}: unknown section [{section}] in pack {code!r}")
        if not isinstance(body, dict):
            raise PackError(f"{origin}: [{section}] must be a table")
        for key in body:
            if key not in SCHEMA[section]:
                raise PackError(f"{origin}: unknown key {section}.{key} in pack {code!r}")


@functools.cache
def get_pack(code: str) -> Pack:
    """Load, validate and cache the pack for language `code`.

    Raises:
        PackError: no pack for `code`, or a pack file that is not valid TOML or breaks the schema.
    """
    folder = _pack_dir(code)
    if not code.isalpha() or not folder.is_dir():
        raise PackError(f"no language pack for {code!r} (have: {', '.join(languages())})")
    merged: dict[str, dict[str, Any]] = {}
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".toml") or f.name in ("claimants.toml", "forms.toml"):  # read elsewhere
            continue
        origin = f"lang/{code}/{f.name}"
        try:
            data = tomllib.loads(f.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise PackError(f"{origin}: not valid TOML: {exc}") from None
        validate(code, data, origin)
        for section, body in data.items():
            target = merged.setdefault(section, {})
            for key, value in body.items():
                if key in target:
                    raise PackError(f"{origin}: {section}.{key} is defined twice in pack {code!r}")
                target[key] = value
    return Pack(code=code, data=merged)
