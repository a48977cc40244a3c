"""Database URLs and engines: SQLite in WAL mode with a busy timeout and immediate write transactions."""

from __future__ import annotations

import os

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

DEFAULT_URL = "sqlite:///lossledger.db"
BUSY_TIMEOUT_MS = 60_000  # a writer waits this long for another process's transaction before giving up


def resolve_url(db: str | None = None) -> str:
    """Return the SQLAlchemy URL of the ledger: `db`, else `$LOSSLEDGER_DB`, else `sqlite:///lossledger.db`.

    A value without `://` is taken as the path of a SQLite file.
    """
    url = db or os.environ.get("LOSSLEDGER_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def make_engine(url: str) -> Engine:
    """Return an engine for `url`; for SQLite, each connection gets WAL, foreign keys and a busy timeout.

    SQLite transactions opened with `writing(conn)` start with BEGIN IMMEDIATE, so two writing processes
    queue on the busy timeout instead of failing with "database is locked" when a read lock cannot upgrade.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event below issues BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("writing") else "BEGIN")

    return engine


def is_sqlite(engine: Engine | Connection) -> bool:
    """Return whether the engine or connection talks to SQLite."""
    return engine.dialect.name == "sqlite"
