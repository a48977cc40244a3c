"""Stage 5, serve: the REST API and the web dashboard over a ledger (FastAPI, built by `create_app(settings)`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lossledger.serve.app import create_app
    from lossledger.serve.settings import Settings

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from lossledger.serve.app import create_app

        return create_app
    if name == "Settings":
        from lossledger.serve.settings import Settings

        return Settings
    raise AttributeError(f"module 'lossledger.serve' has no attribute {name!r}")
