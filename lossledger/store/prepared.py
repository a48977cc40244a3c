"""Prepared SELECTs: built once as SQLAlchemy Core, compiled once per dialect, run on the DB-API cursor.

For the read API's hot statements SQLAlchemy's per-execution work (building the statement, its cache key, the
execution context, a Row per row) cost more than the database's: a page of 50 claims on 1M claims took 2.9 ms in
process, 1.5 ms of it in SQLAlchemy (bench/api.py). A `Prepared` statement keeps the SQL text and parameter order
of each dialect and runs it with plain values through the pooled connection's DB-API cursor; rows are tuples.

Only for statements whose values need no type processing: bind parameters and result columns of plain integers,
floats and strings (what SQLite and psycopg return and take as they are), and no expanding IN lists.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import Executable


class Prepared:
    """A SELECT with named bind parameters, compiled on first use for each dialect.

    Args:
        stmt: the statement; its named `bindparam()`s are given by `rows(conn, name=value, ...)`, its literal values
            are kept from the compilation.
    """

    __slots__ = ("_compiled", "stmt")

    def __init__(self, stmt: Executable) -> None:
        self.stmt = stmt
        self._compiled: dict[tuple[str, str, str], tuple[str, tuple[str, ...] | None, dict[str, Any]]] = {}

    def sql(self, dialect: Dialect) -> tuple[str, tuple[str, ...] | None, dict[str, Any]]:
        """Return (SQL text, parameter names in positional order or None for named styles, literal values)."""
        key = (dialect.name, dialect.driver, dialect.paramstyle)
        hit = self._compiled.get(key)
        if hit is None:
            compiled = self.stmt.compile(dialect=dialect)  # type: ignore[attr-defined]
            if "POSTCOMPILE" in compiled.string:
                raise ValueError("a prepared statement cannot have expanding IN parameters")
            literals = {name: bind.value for bind, name in compiled.bind_names.items() if bind.value is not None}
            order = tuple(compiled.positiontup) if compiled.positional else None  # type: ignore[arg-type]
            hit = self._compiled[key] = (compiled.string, order, literals)
        return hit

    def cursor(self, conn: Connection, **values: Any) -> Any:
        """Run the statement on `conn`'s DB-API connection with the named values; return the DB-API cursor."""
        sql, order, literals = self.sql(conn.dialect)
        params = {**literals, **values}
        cur = conn.connection.cursor()
        cur.execute(sql, tuple(params[name] for name in order) if order is not None else params)
        return cur

    def rows(self, conn: Connection, **values: Any) -> list[tuple[Any, ...]]:
        """Run the statement; return every row as a tuple."""
        cur = self.cursor(conn, **values)
        try:
            return cur.fetchall()
        finally:
            cur.close()

    def dicts(self, conn: Connection, **values: Any) -> list[dict[str, Any]]:
        """Run the statement; return every row as a dict keyed by column name."""
        cur = self.cursor(conn, **values)
        try:
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        finally:
            cur.close()
