"""Schema migrations: run the Alembic scripts shipped in `store/migrations/` programmatically."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

HEAD = "0004"
"""The newest migration; the ledger upgrades any older database to it when opened for writing."""

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None):  # -> alembic.config.Config
    """Return an Alembic Config pointing at the shipped scripts (and at `connection`, when given)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def current_revision(conn: Connection) -> str | None:
    """Return the schema revision of the database, or None for a database without the ledger's tables."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Upgrade the database to `revision` (default: the newest) in one transaction; return the revision."""
    from alembic import command

    with engine.connect() as conn:
        conn.info["writing"] = True
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), revision)
        finally:
            conn.info.pop("writing", None)
        return current_revision(conn)


def ensure_schema(engine: Engine) -> None:
    """Upgrade the database to HEAD unless it is there already (a cheap check on every open)."""
    with engine.connect() as conn:
        if current_revision(conn) == HEAD:
            return
    upgrade(engine)
