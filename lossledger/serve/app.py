"""The web app: `create_app(settings)` builds the FastAPI app (API, dashboard, docs); nothing runs at import."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from lossledger.serve.analysis import Cache
from lossledger.serve.deps import NeedLogin
from lossledger.serve.middleware import BodyLimit, Headers
from lossledger.serve.settings import Settings
from lossledger.version import __version__

HERE = Path(__file__).parent


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi.json", "/static"))


def create_app(settings: Settings | None = None) -> FastAPI:
    """Return the Lossledger web app over the ledger of `settings` (default: `Settings.from_env()`)."""
    from lossledger.serve import templating
    from lossledger.serve.routes import analysis, auth, claims, ingest, pages, review
    from lossledger.store.ledger import Ledger

    settings = settings or Settings.from_env()
    ledger = Ledger(settings.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ledger.close()

    app = FastAPI(title="Lossledger", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="A ledger of contested war-loss claims: who claimed what number, when, with the "
                              "evidence. Reading is open unless the server says otherwise; writing needs a "
                              "user (session cookie plus X-CSRF-Token, or Authorization: Bearer TOKEN).")
    app.state.settings = settings
    app.state.ledger = ledger
    app.state.cache = Cache()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    swagger = Path(str(resources.files("fastapi_offline") / "static"))
    app.mount("/static-docs", StaticFiles(directory=swagger), name="static-docs")
    for router in (claims.router, analysis.router, review.router, ingest.router, auth.router, pages.router):
        app.include_router(router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Lossledger API",
                                   swagger_js_url="/static-docs/swagger-ui-bundle.js",
                                   swagger_css_url="/static-docs/swagger-ui.css",
                                   swagger_favicon_url="/static-docs/favicon.png")

    @app.exception_handler(NeedLogin)
    def need_login(request: Request, exc: NeedLogin) -> Response:
        if _wants_html(request):
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        return JSONResponse({"detail": "sign in, or send Authorization: Bearer TOKEN"}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_html(request) and exc.status_code != 405:
            return templating.render(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                     status_code=exc.status_code)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                    for e in exc.errors()]
        if _wants_html(request):
            detail = "; ".join(f"{'.'.join(map(str, p['loc'][1:]))}: {p['msg']}" for p in problems)
            return templating.render(request, "error.html", {"status": 422, "detail": detail}, status_code=422)
        return JSONResponse({"detail": problems}, status_code=422)

    app.add_middleware(Headers, secure=settings.secure_cookies)
    app.add_middleware(BodyLimit, limit=settings.max_body)  # added last: the outermost, before anything reads
    return app
