"""Review and access: users, sessions, api_tokens, reviews, audit; keyset-pagination indexes on claims.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _col(name: str, type_: sa.types.TypeEngine | type, nullable: bool = False) -> sa.Column:
    return sa.Column(name, type_, nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "users",
        _col("id", sa.Integer()), _col("name", sa.String(100)), _col("role", sa.String(16)),
        _col("password_hash", sa.Text()), _col("created_at", TZ), _col("disabled", sa.Boolean()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "sessions",
        _col("id", sa.String(64)), _col("user_id", sa.Integer()), _col("created_at", TZ), _col("expires_at", TZ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_sessions_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    op.create_index(op.f("ix_sessions_user_id"), "sessions", ["user_id"])
    op.create_table(
        "api_tokens",
        _col("id", sa.Integer()), _col("token_hash", sa.String(64)), _col("user_id", sa.Integer()),
        _col("label", sa.String(200)), _col("created_at", TZ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_index(op.f("ix_api_tokens_user_id"), "api_tokens", ["user_id"])
    op.create_table(
        "reviews",
        _col("claim_id", sa.Integer()), _col("status", sa.String(16)), _col("original", sa.Text()),
        _col("user_id", sa.Integer(), True), _col("reviewed_at", TZ),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name=op.f("fk_reviews_claim_id_claims"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_reviews_user_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_reviews")),
    )
    op.create_index(op.f("ix_reviews_status"), "reviews", ["status"])
    op.create_table(
        "audit",
        _col("id", sa.Integer()), _col("claim_id", sa.Integer()), _col("user_id", sa.Integer(), True),
        _col("user_name", sa.String(100)), _col("at", TZ), _col("action", sa.String(16)),
        _col("before", sa.Text()), _col("after", sa.Text()), _col("reason", sa.Text()),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_user_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index(op.f("ix_audit_claim_id"), "audit", ["claim_id"])
    op.create_index("ix_claims_as_of_id", "claims", ["as_of", "id"])
    op.create_index("ix_claims_side_category_as_of_id", "claims", ["side", "category", "as_of", "id"])
    op.create_index("ix_claims_claimant_id_as_of_id", "claims", ["claimant_id", "as_of", "id"])


def downgrade() -> None:
    for name in ("ix_claims_claimant_id_as_of_id", "ix_claims_side_category_as_of_id", "ix_claims_as_of_id"):
        op.drop_index(name, "claims")
    for table in ("audit", "reviews", "api_tokens", "sessions", "users"):
        op.drop_table(table)
