"""The merge key: when mentions in different documents are one claim.

Mentions merge into one claim when they agree on claimant (after alias normalisation), side, category
group, metric, numbers and as_of:

- claimant: the registry's canonical name when a known alias is found in it (`lossledger/data/claimants.toml`),
  else the name itself, case-folded, accents, punctuation, a possessive 's and a leading article removed;
  no claimant at all is its own value;
- category group: the category, except that `losses` and `killed_or_wounded` are one group (as in scoring);
- numbers: `value` for exact, approx, at_least and at_most; (`low`, `high`) for range and vague; rates
  rounded to one decimal;
- as_of: the date string at its own precision (`2024-03` and `2024-03-14` differ).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass

from lossledger.model import Claim

CATEGORY_GROUPS = {"losses": "killed_or_wounded"}
_WORDS = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Claimant:
    """A claimant as the ledger keeps it: canonical display name, normalised key, and known side."""

    name: str
    key: str
    side: str | None = None


def normalize_name(name: str) -> str:
    """Return the normalised form of a name: case-folded, no accents or punctuation, no possessive or article."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = _WORDS.sub(" ", s).strip()
    return re.sub(r"^(?:the|a|an) ", "", s)


def canonical_claimant(name: str | None) -> Claimant | None:
    """Return the canonical claimant for a name as extracted (None for none)."""
    if name is None or not name.strip():
        return None
    from lossledger.extract.claimants import lookup

    entity = lookup(name)
    if entity is not None:
        return Claimant(entity.name, normalize_name(entity.name), entity.side)
    clean = " ".join(name.split())
    return Claimant(clean, normalize_name(clean) or clean.casefold())


def category_group(category: str) -> str:
    """Return the category group merging and scoring compare (`losses` counts as `killed_or_wounded`)."""
    return CATEGORY_GROUPS.get(category, category)


def numbers(claim: Claim) -> tuple[float | None, ...]:
    """Return the numbers a claim is merged on: (value,) or (low, high), rates rounded to one decimal."""
    nums = (claim.low, claim.high) if claim.qualifier in ("range", "vague") else (claim.value,)
    if claim.metric != "count":
        return tuple(None if n is None else round(n, 1) for n in nums)
    return tuple(None if n is None else float(n) for n in nums)


def key_fields(claim: Claim) -> tuple:
    """Return the fields of the merge key of an extracted claim, in order."""
    who = canonical_claimant(claim.claimant)
    return (who.key if who else None, claim.side, category_group(claim.category), claim.metric,
            numbers(claim), claim.as_of)


def merge_key(claim: Claim) -> str:
    """Return the merge key of an extracted claim: a SHA-256 hex digest of its key fields."""
    return hashlib.sha256(json.dumps(key_fields(claim), ensure_ascii=False).encode()).hexdigest()
