"""The analysis tables of the ledger (migration 0003), on the store's metadata so one schema describes the ledger.

    series           one reference series: name, side, category, kind, source, claimant, cumulative, note
    series_points    its dated values (day `YYYY-MM-DD`, value)
    series_problems  what its import found wrong (kind, message, day, line), in source order
    findings         the findings of the last `lossledger check` (check_name, verdict, explanation, JSON numbers)
    finding_claims   which claims each finding is about (claim_id, position), for a per-claim view
    inferred_dates   an as_of inferred for an undated claim (from a series value or the claimant's own figures)

`store/tables.py` imports this module at its end to register the tables.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lossledger.store.tables import Base, Date, Name


class SeriesRow(Base):
    """A reference series: values of one side and category from one source (see `analyse.series.Series`)."""

    __tablename__ = "series"
    __table_args__ = (UniqueConstraint("name", "side", "category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    side: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(Text)
    claimant: Mapped[str | None] = mapped_column(Name)
    cumulative: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SeriesPoint(Base):
    """One dated value of a series."""

    __tablename__ = "series_points"

    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[str] = mapped_column(Date, primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class SeriesProblem(Base):
    """A problem found while importing a series (malformed, gap, correction, duplicate, lag)."""

    __tablename__ = "series_problems"
    __table_args__ = (Index(None, "series_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    day: Mapped[str | None] = mapped_column(Date)
    line: Mapped[int | None] = mapped_column(Integer)


class FindingRow(Base):
    """A finding of the last `lossledger check` run (a rerun replaces them all)."""

    __tablename__ = "findings"
    __table_args__ = (Index(None, "verdict"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    check_name: Mapped[str] = mapped_column(String(32))
    verdict: Mapped[str] = mapped_column(String(16))
    explanation: Mapped[str] = mapped_column(Text)
    numbers: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    evidence: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of sentences and series sources
    side: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(32))
    claimant: Mapped[str | None] = mapped_column(Name)
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class FindingClaim(Base):
    """A claim a finding is about, in the order its explanation names them."""

    __tablename__ = "finding_claims"
    __table_args__ = (Index(None, "claim_id"),)

    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))


class InferredDate(Base):
    """An as_of inferred for a claim whose text gives none; never stored over a stated date."""

    __tablename__ = "inferred_dates"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    as_of: Mapped[str] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))  # series | claimant
    basis: Mapped[str] = mapped_column(String(100))  # the series name, or the claim id of the claimant's figure
    evidence: Mapped[str] = mapped_column(Text)
    inferred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


series = SeriesRow.__table__
series_points = SeriesPoint.__table__
series_problems = SeriesProblem.__table__
findings = FindingRow.__table__
finding_claims = FindingClaim.__table__
inferred_dates = InferredDate.__table__
