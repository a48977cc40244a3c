"""Dependencies routes declare: the ledger, the settings, the user (from a session cookie or a Bearer token),
and the guards for reading, writing and CSRF."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from starlette.concurrency import run_in_threadpool

from lossledger.serve import auth
from lossledger.serve.analysis import Cache
from lossledger.serve.auth import User
from lossledger.serve.settings import Settings
from lossledger.store.ledger import Ledger

SESSION_COOKIE = "ll_session"
ClaimId = Annotated[int, Path(ge=1, le=2**63 - 1, description="A claim (or claimant) id.")]
CSRF_COOKIE = "ll_csrf"
CSRF_HEADER = "x-csrf-token"


class NeedLogin(Exception):
    """Raised when a page needs a signed-in user; the app answers 401 (API) or a redirect to /login (pages)."""


# The plain accessors are `async def`: FastAPI runs a sync dependency in a worker thread, a hop that cost more than
# the work here (measured with bench/api.py).
async def get_ledger(request: Request) -> Ledger:
    """The app's ledger."""
    return request.app.state.ledger


async def get_settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings


async def get_cache(request: Request) -> Cache:
    """The app's analysis cache."""
    return request.app.state.cache


def current_user(request: Request) -> User | None:
    """The user of the request: a Bearer API token, else a session cookie, else None (memoised per request)."""
    if hasattr(request.state, "user"):
        return request.state.user
    engine = request.app.state.ledger.engine
    header = request.headers.get("authorization", "")
    user = None
    if header.lower().startswith("bearer "):
        user = auth.token_user(engine, header[7:].strip())
        request.state.via_token = user is not None
    else:
        user = auth.session_user(engine, request.cookies.get(SESSION_COOKIE))
        request.state.via_token = False
    request.state.user = user
    return user


LedgerDep = Annotated[Ledger, Depends(get_ledger)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CacheDep = Annotated[Cache, Depends(get_cache)]
UserDep = Annotated[User | None, Depends(current_user)]


async def reader(request: Request, settings: SettingsDep) -> User | None:
    """Allow reading: always when reading is open (no user looked up), else only for a signed-in user."""
    if settings.open_read:
        return None
    user = await run_in_threadpool(current_user, request)
    if user is None:
        raise NeedLogin()
    return user


def writer(request: Request, user: UserDep) -> User:
    """Require a signed-in user; a cookie-signed request must also send the CSRF token in X-CSRF-Token."""
    if user is None:
        raise NeedLogin()
    if not request.state.via_token and not auth.csrf_ok(request.cookies.get(CSRF_COOKIE),
                                                         request.headers.get(CSRF_HEADER)):
        raise HTTPException(403, "CSRF token missing or wrong (send the ll_csrf cookie's value in X-CSRF-Token)")
    return user


ReaderDep = Annotated[User | None, Depends(reader)]
WriterDep = Annotated[User, Depends(writer)]


def check_form_csrf(request: Request, token: str | None) -> None:
    """Refuse (403) a form whose `csrf_token` field is not the value of the CSRF cookie."""
    if not auth.csrf_ok(request.cookies.get(CSRF_COOKIE), token):
        raise HTTPException(403, "CSRF token missing or wrong: reload the page and send the form again")
