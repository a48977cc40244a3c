"""Sign-in and sign-out forms: a session cookie (HttpOnly, SameSite=Lax) after checking name and password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from lossledger.serve import auth
from lossledger.serve.deps import SESSION_COOKIE, LedgerDep, SettingsDep, check_form_csrf
from lossledger.serve.templating import render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """A local path to go to after signing in (never another site: `//host` and `/\\host` are refused)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) or len(target) > 500:
        return "/"
    return target


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    """The sign-in form."""
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login")
def login(request: Request, ledger: LedgerDep, settings: SettingsDep, name: Annotated[str, Form(max_length=100)],
          password: Annotated[str, Form(max_length=1000)], csrf_token: Annotated[str | None, Form()] = None,
          next: Annotated[str | None, Form()] = None) -> Response:
    """Check the name and password; on success set the session cookie and go on to `next`."""
    check_form_csrf(request, csrf_token)
    user = auth.authenticate(ledger.engine, name, password)
    if user is None:
        return render(request, "login.html", {"next": _safe_next(next), "error": "Wrong name or password."},
                      status_code=401)
    token = auth.start_session(ledger.engine, user, settings.session_days)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=settings.session_days * 86400, httponly=True,
                        samesite="lax", secure=settings.secure_cookies, path="/")
    return response


@router.post("/logout")
def logout(request: Request, ledger: LedgerDep, csrf_token: Annotated[str | None, Form()] = None) -> Response:
    """End the session and go to the overview."""
    check_form_csrf(request, csrf_token)
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        auth.end_session(ledger.engine, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
