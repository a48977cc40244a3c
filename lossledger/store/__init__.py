"""Stage 3: the ledger, claims kept in SQLite or PostgreSQL with full provenance (re-exports Ledger).

Names are imported on first use, so `lossledger --help` does not pay for SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lossledger.store.engine import DEFAULT_URL, resolve_url
    from lossledger.store.ledger import AddResult, Ledger, content_hash
    from lossledger.store.merge import merge_key

__all__ = ["DEFAULT_URL", "AddResult", "Ledger", "content_hash", "merge_key", "resolve_url"]
_HOME = {"DEFAULT_URL": "engine", "resolve_url": "engine", "AddResult": "ledger", "Ledger": "ledger",
         "content_hash": "ledger", "merge_key": "merge"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"lossledger.store.{_HOME[name]}"), name)
    raise AttributeError(f"module 'lossledger.store' has no attribute {name!r}")
