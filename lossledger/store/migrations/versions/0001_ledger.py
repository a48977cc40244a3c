"""The ledger: entities, aliases, documents, claims, mentions, feeds and claims_view.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Date = sa.String(length=10)
Name = sa.String(length=500)

# frozen here: a later change to the view is a later migration
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
    c.as_of AS as_of,
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
"""


def _col(name: str, type_: sa.types.TypeEngine | type, nullable: bool = False) -> sa.Column:
    return sa.Column(name, type_, nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "entities",
        _col("id", sa.Integer()), _col("kind", sa.String(16)), _col("name", Name), _col("key", Name),
        _col("side", sa.String(64), True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("kind", "key", name=op.f("uq_entities_kind_key")),
    )
    op.create_table(
        "feeds",
        _col("id", sa.Integer()), _col("url", sa.Text()), _col("etag", sa.Text(), True),
        _col("last_modified", sa.Text(), True), _col("checked_at", sa.DateTime(timezone=True), True),
        _col("status", sa.Text(), True), _col("entries", sa.Integer()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    op.create_table(
        "aliases",
        _col("id", sa.Integer()), _col("entity_id", sa.Integer()), _col("alias", Name),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name=op.f("fk_aliases_entity_id_entities"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aliases")),
        sa.UniqueConstraint("entity_id", "alias", name=op.f("uq_aliases_entity_id_alias")),
    )
    op.create_index(op.f("ix_aliases_alias"), "aliases", ["alias"])
    op.create_table(
        "claims",
        _col("id", sa.Integer()), _col("merge_key", sa.String(64)), _col("claimant_id", sa.Integer(), True),
        _col("claimant", Name, True), _col("side", sa.String(64)), _col("population", sa.String(16)),
        _col("category", sa.String(32)), _col("category_group", sa.String(32)), _col("metric", sa.String(16)),
        _col("qualifier", sa.String(16)), _col("value", sa.Float(), True), _col("low", sa.Float(), True),
        _col("high", sa.Float(), True), _col("magnitude", sa.Float(), True), _col("as_of", Date, True),
        _col("period_start", Date, True), _col("period_end", Date, True), _col("modality", sa.String(16)),
        _col("stance", sa.String(16)), _col("created_at", sa.DateTime(timezone=True)),
        sa.ForeignKeyConstraint(["claimant_id"], ["entities.id"], name=op.f("fk_claims_claimant_id_entities")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("merge_key", name=op.f("uq_claims_merge_key")),
    )
    for cols in (["as_of"], ["category"], ["claimant_id"], ["magnitude"], ["side", "category"]):
        op.create_index(op.f(f"ix_claims_{'_'.join(cols)}"), "claims", cols)
    op.create_table(
        "documents",
        _col("id", sa.Integer()), _col("content_hash", sa.String(64)), _col("doc", Name),
        _col("url", sa.Text(), True), _col("title", sa.Text(), True), _col("outlet_id", sa.Integer(), True),
        _col("published", Date, True), _col("language", sa.String(16), True), _col("source", sa.Text(), True),
        _col("fetched_at", sa.DateTime(timezone=True)), _col("previous_id", sa.Integer(), True),
        _col("extractor_version", sa.String(32)), _col("claim_count", sa.Integer()), _col("text", sa.Text()),
        sa.ForeignKeyConstraint(["outlet_id"], ["entities.id"], name=op.f("fk_documents_outlet_id_entities")),
        sa.ForeignKeyConstraint(["previous_id"], ["documents.id"],
                                name=op.f("fk_documents_previous_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    for col in ("outlet_id", "published", "url"):
        op.create_index(op.f(f"ix_documents_{col}"), "documents", [col])
    op.create_table(
        "mentions",
        _col("id", sa.Integer()), _col("claim_id", sa.Integer()), _col("document_id", sa.Integer()),
        _col("position", sa.Integer()), _col("claimant", Name, True), _col("via", sa.Text()),
        _col("side", sa.String(64)), _col("population", sa.String(16)), _col("category", sa.String(32)),
        _col("metric", sa.String(16)), _col("qualifier", sa.String(16)), _col("value", sa.Float(), True),
        _col("low", sa.Float(), True), _col("high", sa.Float(), True), _col("as_of", Date, True),
        _col("as_of_inferred", sa.Boolean()), _col("period_start", Date, True), _col("period_end", Date, True),
        _col("modality", sa.String(16)), _col("stance", sa.String(16)), _col("evidence", sa.Text()),
        _col("evidence_start", sa.Integer()), _col("evidence_end", sa.Integer()),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name=op.f("fk_mentions_claim_id_claims")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_mentions_document_id_documents"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_mentions_document_id_position")),
    )
    op.create_index(op.f("ix_mentions_claim_id"), "mentions", ["claim_id"])
    op.execute(CLAIMS_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW claims_view")
    for table in ("mentions", "documents", "claims", "aliases", "feeds", "entities"):
        op.drop_table(table)
