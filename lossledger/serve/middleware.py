"""ASGI middleware: refuse oversized bodies (413), set security headers, hand out the CSRF cookie."""

from __future__ import annotations

import json
from typing import Any

from lossledger.serve.auth import new_csrf

Scope = dict[str, Any]

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# The API docs page runs Swagger UI, which needs an inline bootstrap script and inline styles.
DOCS_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'")


async def _send_413(send: Any, limit: int) -> None:
    body = json.dumps({"detail": f"request body larger than {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


async def _send_400(send: Any) -> None:
    body = b'{"detail": "NUL characters are not allowed in a URL"}'
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Answer 413 to a request whose declared or streamed body exceeds `limit` bytes, and 400 to a URL with a
    NUL character (SQLite cuts LIKE patterns at NUL, PostgreSQL refuses NUL in text)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"").lower() or "\x00" in scope["path"]:
            await _send_400(send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _send_413(send, self.limit)
            return
        state = {"seen": 0, "started": False, "refused": False}

        async def limited_receive() -> Any:
            if state["refused"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                state["seen"] += len(message.get("body", b""))
                if state["seen"] > self.limit:
                    # Answer now: a parser that catches errors (form parsing does) must not turn this into a 400.
                    state["refused"] = True
                    if not state["started"]:
                        state["started"] = True
                        await _send_413(send, self.limit)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Any) -> None:
            if state["refused"]:
                return  # the 413 has been sent; whatever the app says after it is dropped
            state["started"] = state["started"] or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not state["refused"]:
                raise


class Headers:
    """Add security headers to every response, and a CSRF cookie to any response of a request without one.

    The token is put in `scope["state"]["csrf"]` before the route runs, so a page rendered by this very
    request carries the same token in its forms as the cookie it sets.
    """

    def __init__(self, app: Any, secure: bool = False) -> None:
        self.app, self.secure = app, secure

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from http.cookies import SimpleCookie

        from lossledger.serve.deps import CSRF_COOKIE

        cookies: SimpleCookie = SimpleCookie()
        raw = dict(scope["headers"]).get(b"cookie", b"").decode("latin-1")
        try:
            cookies.load(raw)
        except Exception:  # a malformed Cookie header: treat as none
            cookies = SimpleCookie()
        token = cookies[CSRF_COOKIE].value if CSRF_COOKIE in cookies else None
        fresh = token is None or not 16 <= len(token) <= 100
        if fresh:
            token = new_csrf()
        scope.setdefault("state", {})["csrf"] = token
        docs = scope["path"] in ("/docs", "/docs/oauth2-redirect")

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                            (b"referrer-policy", b"same-origin")]
                if fresh:
                    cookie = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                    headers.append((b"set-cookie", (cookie + ("; Secure" if self.secure else "")).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
