"""Review and access tables (users, sessions, API tokens, claim reviews, audit trail) on the ledger's metadata.

They live on `lossledger.store.tables.Base`, so one metadata describes the whole ledger (migration 0002 creates
them), and `store/tables.py` imports this module at its end to register them.

    users        who may write: name, role (reviewer | admin), argon2 password hash
    sessions     signed-in browsers: SHA-256 of the cookie value, user, expiry
    api_tokens   tokens for scripts (Authorization: Bearer): SHA-256 of the token, user, label
    reviews      the review state of a claim (confirmed | corrected | rejected) and its original extraction
    audit        every review action: who, when, before, after, why (kept when a claim goes away)
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lossledger.store.tables import Base, claims

ROLES = ("reviewer", "admin")
STATUSES = ("confirmed", "corrected", "rejected")


class User(Base):
    """A person who may sign in and review; `role` is reviewer or admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class Session(Base):
    """A signed-in browser; the cookie holds a random token, the table only its SHA-256."""

    __tablename__ = "sessions"
    __table_args__ = (Index(None, "user_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """A token for scripts; shown once when made, stored as its SHA-256."""

    __tablename__ = "api_tokens"
    __table_args__ = (Index(None, "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Review(Base):
    """The review state of one claim; `original` is the claim's fields as extracted (JSON), kept for good."""

    __tablename__ = "reviews"
    __table_args__ = (Index(None, "status"),)

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    original: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Audit(Base):
    """One review action. `claim_id` has no foreign key: the trail outlives a claim that re-extraction drops."""

    __tablename__ = "audit"
    __table_args__ = (Index(None, "claim_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    user_name: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")


users = User.__table__
sessions = Session.__table__
api_tokens = ApiToken.__table__
reviews = Review.__table__
audit = Audit.__table__

# Keyset pagination walks claims newest as_of first (then id); filtered by side and category or by claimant.
# Measured with bench/api.py on 1M claims: without these the pages past the first sort the whole table.
CLAIM_PAGE_INDEXES = (
    Index("ix_claims_as_of_id", claims.c.as_of, claims.c.id),
    Index("ix_claims_side_category_as_of_id", claims.c.side, claims.c.category, claims.c.as_of, claims.c.id),
    Index("ix_claims_claimant_id_as_of_id", claims.c.claimant_id, claims.c.as_of, claims.c.id),
)
