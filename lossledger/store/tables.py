"""The ledger's schema as SQLAlchemy 2 typed models: the only place tables, columns and indexes are written.

Tables (plain, readable column names, so the SQLite file browses well in Datasette and sqlite-utils):

    entities   claimants and outlets, one row per normalised name (kind = claimant | outlet)
    aliases    every spelling seen or registered for an entity
    documents  one row per distinct document (content hash), raw text kept for re-extraction
    claims     the merged claim: one per merge key (see store/merge.py)
    mentions   one extracted record per document, with its evidence sentence and offsets
    feeds      RSS/Atom feeds polled by `lossledger watch`, with their conditional-request state

The view `claims_view` (created by the migrations) joins each claim with its claimant and best evidence.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Date = String(10)  # `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, at the precision the text supports
Name = String(500)


class Base(DeclarativeBase):
    """Declarative base; constraint names follow NAMING so migrations name them the same on every backend."""

    metadata = MetaData(naming_convention=NAMING)


class Entity(Base):
    """A claimant or an outlet under its canonical name; `key` is the normalised name merging keys use."""

    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Name)
    key: Mapped[str] = mapped_column(Name)
    side: Mapped[str | None] = mapped_column(String(64))


class Alias(Base):
    """A spelling of an entity's name, as registered or as found in an article."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias"), Index(None, "alias"))

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Name)


class Document(Base):
    """One document version; the same URL with changed text is a new row whose `previous_id` is the old one."""

    __tablename__ = "documents"
    __table_args__ = (Index(None, "url"), Index(None, "published"), Index(None, "outlet_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    doc: Mapped[str] = mapped_column(Name)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    published: Mapped[str | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    extractor_version: Mapped[str] = mapped_column(String(32))
    claim_count: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)


class Claim(Base):
    """A merged claim: the attributes of its merge key, plus the others as its first mention gave them."""

    __tablename__ = "claims"
    __table_args__ = (
        Index(None, "side", "category"),
        Index(None, "category"),
        Index(None, "claimant_id"),
        Index(None, "as_of"),
        Index(None, "magnitude"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    merge_key: Mapped[str] = mapped_column(String(64), unique=True)
    claimant_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    claimant: Mapped[str | None] = mapped_column(Name)
    side: Mapped[str] = mapped_column(String(64))
    population: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32))
    category_group: Mapped[str] = mapped_column(String(32))
    metric: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str] = mapped_column(String(16))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    magnitude: Mapped[float | None] = mapped_column(Float)  # value, else high, else low: what --min-value tests
    as_of: Mapped[str | None] = mapped_column(Date)
    period_start: Mapped[str | None] = mapped_column(Date)
    period_end: Mapped[str | None] = mapped_column(Date)
    modality: Mapped[str] = mapped_column(String(16))
    stance: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Mention(Base):
    """One claim record as extracted from one document (the spec record, plus where it sits)."""

    __tablename__ = "mentions"
    __table_args__ = (UniqueConstraint("document_id", "position"), Index(None, "claim_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    claimant: Mapped[str | None] = mapped_column(Name)
    via: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of relaying outlets, outermost last
    side: Mapped[str] = mapped_column(String(64))
    population: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32))
    metric: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str] = mapped_column(String(16))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    as_of: Mapped[str | None] = mapped_column(Date)
    as_of_inferred: Mapped[bool] = mapped_column(default=False)
    period_start: Mapped[str | None] = mapped_column(Date)
    period_end: Mapped[str | None] = mapped_column(Date)
    modality: Mapped[str] = mapped_column(String(16))
    stance: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)


class Feed(Base):
    """A news feed `watch` polls, with the validators of its last good response."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str | None] = mapped_column(Text)  # `200`, `304`, or the error of the last poll
    entries: Mapped[int] = mapped_column(Integer, default=0)


entities = Entity.__table__
aliases = Alias.__table__
documents = Document.__table__
claims = Claim.__table__
mentions = Mention.__table__
feeds = Feed.__table__

CLAIMS_VIEW = """
CREATE VIEW claims_view AS
SELECT
    c.id AS claim_id,
    c.claimant AS claimant,
    e.side AS claimant_side,
    c.side AS side,
    c.population AS population,
    c.category AS category,
    c.metric AS metric,
    c.qualifier AS qualifier,
    c.value AS value,
    c.low AS low,
    c.high AS high,
    COALESCE(c.as_of, i.as_of) AS as_of,
    CASE WHEN c.as_of IS NULL AND i.as_of IS NOT NULL THEN 1 ELSE 0 END AS as_of_inferred,
    CASE WHEN c.as_of IS NULL THEN i.evidence END AS as_of_evidence,
    c.period_start AS period_start,
    c.period_end AS period_end,
    c.modality AS modality,
    c.stance AS stance,
    (SELECT count(*) FROM mentions m WHERE m.claim_id = c.id) AS mentions,
    (SELECT count(DISTINCT d.outlet_id) FROM mentions m JOIN documents d ON d.id = m.document_id
      WHERE m.claim_id = c.id) AS outlets,
    b.evidence AS evidence,
    bd.url AS evidence_url,
    bo.name AS evidence_outlet,
    bd.published AS evidence_published,
    bd.doc AS evidence_doc
FROM claims c
LEFT JOIN entities e ON e.id = c.claimant_id
LEFT JOIN mentions b ON b.id = (
    SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.claim_id = c.id
    ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published, m.id
    LIMIT 1)
LEFT JOIN documents bd ON bd.id = b.document_id
LEFT JOIN entities bo ON bo.id = bd.outlet_id
LEFT JOIN inferred_dates i ON i.claim_id = c.id
"""
"""`claims_view`: one row per claim with its claimant, counts, and best evidence (the earliest published
mention, then the first ingested). An undated claim shows the date `lossledger infer-dates` inferred for it, with
as_of_inferred 1 and as_of_evidence (migration 0004)."""

# The analysis tables (series, series_points, series_problems, findings, finding_claims, inferred_dates) are
# written in the analyse stage's own module on this metadata (migration 0003).
from lossledger.analyse import ledger_tables as _analysis_tables  # noqa: E402,F401

# The review and access tables (users, sessions, api_tokens, reviews, audit): the serve stage's own module on this
# metadata (migration 0002).
from lossledger.serve import tables as _review_tables  # noqa: E402,F401
