"""Settings of the web app: which ledger, who may read, limits; made by the caller, never read at import."""

from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """What `create_app` needs; `Settings.from_env()` fills it from `LOSSLEDGER_*` variables.

    Attributes:
        db: the ledger URL (SQLAlchemy URL or SQLite path; None: $LOSSLEDGER_DB, else ./lossledger.db).
        series_dir: a folder of reference series files (`--series-dir` of the analysis commands), read besides
            the series imported into the ledger; None: the ledger's only.
        open_read: reading (API and dashboard) needs no sign-in; False: every page and call needs a user.
        max_body: request bodies larger than this many bytes are refused with 413.
        session_days: a sign-in lasts this many days.
        secure_cookies: mark cookies `Secure` (set when served over HTTPS).
        page_size: default page size of `/api/claims` (callers may ask for up to `max_page_size`).
        max_page_size: the largest page `/api/claims` returns.
        analysis_limit: at most this many claims of one side and category enter a band, check or chart.
        allow_private_fetch: the ingest form may fetch loopback/private addresses (never in production).
    """

    db: str | None = None
    series_dir: str | None = None
    open_read: bool = True
    max_body: int = 2 * MB
    session_days: int = 14
    secure_cookies: bool = False
    page_size: int = 50
    max_page_size: int = 1000
    analysis_limit: int = 20_000
    allow_private_fetch: bool = False

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Return settings from `LOSSLEDGER_DB`, `LOSSLEDGER_SERIES_DIR`, `LOSSLEDGER_OPEN_READ` (0/1) and
        `LOSSLEDGER_SECURE_COOKIES` (0/1), then `overrides` (None values ignored)."""
        env = os.environ
        values: dict[str, object] = {
            "db": env.get("LOSSLEDGER_DB"),
            "series_dir": env.get("LOSSLEDGER_SERIES_DIR"),
            "open_read": env.get("LOSSLEDGER_OPEN_READ", "1") not in ("0", "false", "no"),
            "secure_cookies": env.get("LOSSLEDGER_SECURE_COOKIES", "0") in ("1", "true", "yes"),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
