"""Alembic environment: migrations run on the connection `lossledger.store.migrate` hands in, or on a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from lossledger.store.tables import Base

config = context.config


def run() -> None:
    """Run the migrations on the given connection (or on `sqlalchemy.url` / $LOSSLEDGER_DB)."""
    connection = config.attributes.get("connection")
    if connection is None:
        from lossledger.store.engine import resolve_url

        engine = create_engine(config.get_main_option("sqlalchemy.url") or resolve_url())
        with engine.begin() as conn:
            _migrate(conn)
        return
    _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


run()
