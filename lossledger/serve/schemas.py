"""API models: the spec's claim record plus ids, counts, review status and provenance; never table rows."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

Number = int | float
Population = Literal["military", "civilian", "unspecified"]
Metric = Literal["count", "per_day", "per_week", "per_month"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range", "vague"]
Modality = Literal["reported", "projection", "hedged"]
Stance = Literal["asserted", "disputed"]
ReviewStatus = Literal["unreviewed", "confirmed", "corrected", "rejected"]
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def _iso_day(value: object) -> object:
    """Only `YYYY-MM-DD` is a day: pydantic alone would also read "-6e-242" or "1700000000" as a timestamp."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date is YYYY-MM-DD")
    return value


IsoDay = BeforeValidator(_iso_day)


class Evidence(BaseModel):
    """The evidence sentence and where it sits: offsets in the document text, and the document's provenance."""

    text: str
    start: int
    end: int
    mention_id: int | None = None
    doc: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


class ClaimRecord(BaseModel):
    """The fields of the spec's record that a merged claim has."""

    claimant: str | None
    side: str
    population: str
    category: str
    metric: str
    qualifier: str
    value: Number | None
    low: Number | None
    high: Number | None
    as_of: str | None
    period_start: str | None
    period_end: str | None
    modality: str
    stance: str


class ClaimOut(ClaimRecord):
    """A merged claim: its record (corrected values where reviewed), id, counts, review status, best evidence."""

    id: int
    mentions: int = Field(description="Mentions of this claim across documents.")
    outlets: int = Field(description="Distinct outlets that published a mention.")
    review: ReviewStatus
    evidence: Evidence | None = Field(description="The earliest published mention's evidence and provenance.")


class ClaimPage(BaseModel):
    """One page of claims; pass `next_cursor` as `cursor` for the next (null: last page)."""

    items: list[ClaimOut]
    next_cursor: str | None
    limit: int


class MentionOut(ClaimRecord):
    """One extraction of the claim from one document, as extracted (with relays and evidence)."""

    id: int
    document_id: int
    doc: str
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    via: list[str]
    as_of_inferred: bool
    evidence: Evidence


class AuditOut(BaseModel):
    """One review action: who, when, what it was before and after, and why."""

    id: int
    claim_id: int
    user_name: str
    at: dt.datetime
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    changed: list[str]
    reason: str


class ClaimDetail(ClaimRecord):
    """One claim with every mention, its review status, the original extraction and the audit trail."""

    id: int
    mention_count: int
    outlets: int
    review: ReviewStatus
    original: dict[str, Any] | None = Field(description="The values as first extracted (when reviewed).")
    mentions: list[MentionOut]
    audit: list[AuditOut]


class SourceOut(BaseModel):
    """A claimant with its claims and mentions, first and last as_of, and the outlets relaying it."""

    claimant_id: int | None
    claimant: str | None
    side: str | None
    claims: int
    mentions: int
    first_claim: str | None
    last_claim: str | None
    outlets: list[str]
    via: list[str]


class SeriesOut(BaseModel):
    """A reference series; `points` only when asked for (`points=true`)."""

    name: str
    side: str
    category: str
    kind: str
    source: str
    claimant: str | None
    cumulative: bool
    note: str
    first: dt.date | None
    last: dt.date | None
    count: int
    problems: int
    points: list[tuple[dt.date, float]] | None = None


class FindingOut(BaseModel):
    """A consistency check's conclusion about some claims (ids are claim ids as strings)."""

    check: str
    verdict: Literal["consistent", "inconsistent", "unverifiable"]
    explanation: str
    claims: list[str]
    numbers: dict[str, Any]
    evidence: list[str]
    side: str | None
    category: str | None
    claimant: str | None


class FamilyFigureOut(BaseModel):
    """One claimant family's figure at the band's date."""

    family: str
    label: str
    value: float
    how: Literal["stated", "interpolated", "carried"]
    based_on: list[str]
    dates: list[dt.date]
    age_days: int


class BandOut(BaseModel):
    """The consensus band: one figure per independent claimant family."""

    side: str
    category: str
    at: dt.date
    low: float | None
    median: float | None
    high: float | None
    figures: list[FamilyFigureOut]
    excluded: list[dict[str, str]]
    floors: list[dict[str, Any]]


class BiasOut(BaseModel):
    """A claimant's typical ratio to the median of the other families at its claims' dates."""

    claimant: str
    family: str
    family_label: str
    n: int
    ratio: float
    geo_mean: float
    low: float
    high: float
    claims: list[str]


class ReconcileOut(BaseModel):
    """The band for a side and category at a date, and each claimant's bias."""

    band: BandOut
    bias: list[BiasOut]


class Changes(BaseModel):
    """New values for a correction; fields left out stay as they are."""

    model_config = ConfigDict(extra="forbid")

    claimant: str | None = Field(None, max_length=500)
    side: str | None = Field(None, pattern=r"^[a-z][a-z .'-]{0,63}$")
    population: Population | None = None
    category: str | None = Field(None, max_length=32)
    metric: Metric | None = None
    qualifier: Qualifier | None = None
    value: float | None = Field(None, ge=0, allow_inf_nan=False)
    low: float | None = Field(None, ge=0, allow_inf_nan=False)
    high: float | None = Field(None, ge=0, allow_inf_nan=False)
    as_of: str | None = Field(None, pattern=DATE_PATTERN)
    period_start: str | None = Field(None, pattern=DATE_PATTERN)
    period_end: str | None = Field(None, pattern=DATE_PATTERN)
    modality: Modality | None = None
    stance: Stance | None = None


class ReviewIn(BaseModel):
    """A review action: confirm, correct (with `changes`) or reject, and why."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["confirm", "correct", "reject"]
    changes: Changes | None = None
    reason: str = Field("", max_length=2000)


class ReviewOut(BaseModel):
    """What a review action did."""

    status: Literal["confirmed", "corrected", "rejected"]
    before: dict[str, Any]
    after: dict[str, Any]
    audit_id: int


class IngestIn(BaseModel):
    """Text to ingest (with an optional id, URL and date), or a URL to fetch."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, max_length=1_000_000)
    url: str | None = Field(None, max_length=2000)
    doc: str | None = Field(None, max_length=200)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}(-\d{2})?$")


class IngestOut(BaseModel):
    """What ingesting one document did."""

    status: Literal["new", "unchanged"]
    document_id: int
    mentions: int
    new_claims: int
    claim_ids: list[int]


class ValidationItem(BaseModel):
    """One invalid parameter or body field."""

    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    """An error: what went wrong, for a person (a list of invalid fields for a request that does not validate)."""

    detail: str | list[ValidationItem]
