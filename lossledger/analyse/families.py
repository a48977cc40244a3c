"""Claimant families from `families.toml`: which claimants are one voice, so the band counts them once."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

UNATTRIBUTED = "media-estimates"  # a figure in the article's own voice is the outlet's estimate


@dataclass(frozen=True, slots=True)
class Family:
    """A group of claimants that are not independent of each other."""

    id: str
    label: str
    names: tuple[str, ...]
    keywords: tuple[str, ...]


@functools.cache
def families() -> tuple[Family, ...]:
    """Return the families of `analyse/families.toml` (cached)."""
    text = resources.files("lossledger.analyse").joinpath("families.toml").read_text(encoding="utf-8")
    return tuple(Family(f["id"], f.get("label", f["id"]), tuple(f.get("names", ())), tuple(f.get("keywords", ())))
                 for f in tomllib.loads(text).get("family", []))


def labels() -> dict[str, str]:
    """Family id → label."""
    return {f.id: f.label for f in families()}


@functools.lru_cache(maxsize=4096)
def canonical(claimant: str | None) -> str | None:
    """Return the registry name of a claimant (`Ukraine's General Staff` → its entity name), else it trimmed."""
    if not claimant or not claimant.strip():
        return None
    from lossledger.extract.claimants import lookup

    entity = lookup(claimant)
    return entity.name if entity else " ".join(claimant.split())


@functools.cache
def _keyword_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    # An all-capitals keyword (UN, NATO, HUR) matches only in capitals: "un" is a word in French and Spanish.
    out = []
    for f in families():
        for k in f.keywords:
            flags = 0 if k.isupper() else re.IGNORECASE
            out.append((re.compile(rf"(?<!\w){re.escape(k)}(?!\w)", flags), f.id))
    return tuple(sorted(out, key=lambda p: -len(p[0].pattern)))


@functools.lru_cache(maxsize=4096)
def family_of(claimant: str | None) -> str:
    """Return the family id of a claimant; an unknown claimant is its own family (`other:<name>`)."""
    name = canonical(claimant)
    if name is None:
        return UNATTRIBUTED
    for f in families():
        if name in f.names:
            return f.id
    for pattern, fid in _keyword_patterns():
        if pattern.search(name):
            return fid
    return "other:" + name.casefold()


def family_label(fid: str) -> str:
    """A family's label (an unknown claimant's own family shows as its name)."""
    return labels().get(fid, fid.removeprefix("other:"))
