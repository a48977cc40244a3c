"""The records every stage shares: Article (read), Quantity (numbers), Claim (extract)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range", "vague"]
Population = Literal["military", "civilian", "unspecified"]
Metric = Literal["count", "per_day", "per_week", "per_month"]
Modality = Literal["reported", "projection", "hedged"]
Stance = Literal["asserted", "disputed"]

PERSONNEL_CATEGORIES = (
    "killed", "wounded", "killed_or_wounded", "captured", "missing", "missing_or_captured", "losses",
)
EQUIPMENT_CATEGORIES = (
    "tanks", "armored_vehicles", "artillery", "mlrs", "air_defense", "aircraft", "helicopters", "drones",
    "cruise_missiles", "ships", "submarines", "vehicles", "special_equipment",
)
CATEGORIES = PERSONNEL_CATEGORIES + EQUIPMENT_CATEGORIES


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as read: its id, text and whatever metadata came with it.

    Attributes:
        doc: the document id (file stem, or the `id` of a JSON Lines record).
        text: the article text; evidence offsets index into it.
        published: publication date `YYYY-MM-DD` (or `YYYY-MM`) when given by the input, else None.
        url: the article URL, when known (a date in its path may serve as publication date).
        title: the title, when given separately from the text.
        lang: a language hint (ISO 639-1), when given; the extractor may detect it instead.
        source: where it was read from (a path, `path:line`, or URL), for error messages.
    """

    doc: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text: a value, a range or a vague amount, with its hedge.

    `start`/`end` are code-point offsets of the whole expression (qualifier words included)
    in the text given to `find_numbers`. For `exact`, `approx`, `at_least` and `at_most`,
    `value` is set; `low`/`high` follow the spec (`at_least` has no `high`, `at_most` no `low`).
    For `range` and `vague`, `value` is None and `low`/`high` are the bounds.
    `num_start`/`num_end` delimit the numeral itself, without qualifier words.
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier = "exact"
    vague: bool = False
    num_start: int = -1
    num_end: int = -1


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a claim came from, with its code-point offsets in the document."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Claim:
    """One quantified loss claim: the record of `spec/claims.md`.

    `to_dict()` gives exactly the spec's JSON object (plus `as_of_inferred` when a date was inferred).
    """

    doc: str
    side: str
    population: Population
    category: str
    metric: Metric
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    claimant: str | None
    via: list[str] = field(default_factory=list)
    as_of: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    modality: Modality = "reported"
    stance: Stance = "asserted"
    evidence: Evidence | None = None
    as_of_inferred: bool = False

    def to_dict(self) -> dict:
        """Return the spec record as a plain dict, numbers as ints where they are whole."""
        d = asdict(self)
        for k in ("value", "low", "high"):
            v = d[k]
            if isinstance(v, float) and v.is_integer():
                d[k] = int(v)
        if not d["as_of_inferred"]:
            del d["as_of_inferred"]
        return d
