"""Analysis: series, series_points, series_problems, findings, finding_claims, inferred_dates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
Date = sa.String(length=10)
Name = sa.String(length=500)


def _col(name: str, type_: sa.types.TypeEngine | type, nullable: bool = False) -> sa.Column:
    return sa.Column(name, type_, nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "series",
        _col("id", sa.Integer()), _col("name", sa.String(100)), _col("side", sa.String(64)),
        _col("category", sa.String(32)), _col("kind", sa.String(32)), _col("source", sa.Text()),
        _col("claimant", Name, True), _col("cumulative", sa.Boolean()), _col("note", sa.Text()),
        _col("imported_at", TZ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
        sa.UniqueConstraint("name", "side", "category", name=op.f("uq_series_name_side_category")),
    )
    op.create_table(
        "series_points",
        _col("series_id", sa.Integer()), _col("day", Date), _col("value", sa.Float()),
        sa.ForeignKeyConstraint(["series_id"], ["series.id"], name=op.f("fk_series_points_series_id_series"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("series_id", "day", name=op.f("pk_series_points")),
    )
    op.create_table(
        "series_problems",
        _col("id", sa.Integer()), _col("series_id", sa.Integer()), _col("position", sa.Integer()),
        _col("kind", sa.String(16)), _col("message", sa.Text()), _col("day", Date, True),
        _col("line", sa.Integer(), True),
        sa.ForeignKeyConstraint(["series_id"], ["series.id"], name=op.f("fk_series_problems_series_id_series"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_problems")),
    )
    op.create_index(op.f("ix_series_problems_series_id"), "series_problems", ["series_id"])
    op.create_table(
        "findings",
        _col("id", sa.Integer()), _col("check_name", sa.String(32)), _col("verdict", sa.String(16)),
        _col("explanation", sa.Text()), _col("numbers", sa.Text()), _col("evidence", sa.Text()),
        _col("side", sa.String(64), True), _col("category", sa.String(32), True), _col("claimant", Name, True),
        _col("checked_at", TZ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    op.create_index(op.f("ix_findings_verdict"), "findings", ["verdict"])
    op.create_table(
        "finding_claims",
        _col("finding_id", sa.Integer()), _col("position", sa.Integer()), _col("claim_id", sa.Integer()),
        sa.ForeignKeyConstraint(["finding_id"], ["findings.id"], name=op.f("fk_finding_claims_finding_id_findings"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name=op.f("fk_finding_claims_claim_id_claims"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("finding_id", "position", name=op.f("pk_finding_claims")),
    )
    op.create_index(op.f("ix_finding_claims_claim_id"), "finding_claims", ["claim_id"])
    op.create_table(
        "inferred_dates",
        _col("claim_id", sa.Integer()), _col("as_of", Date), _col("method", sa.String(16)),
        _col("basis", sa.String(100)), _col("evidence", sa.Text()), _col("inferred_at", TZ),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name=op.f("fk_inferred_dates_claim_id_claims"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_inferred_dates")),
    )


def downgrade() -> None:
    for table in ("inferred_dates", "finding_claims", "findings", "series_problems", "series_points", "series"):
        op.drop_table(table)
