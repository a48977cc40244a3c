"""Helpers for the web app tests: a ledger filled from short articles written for the tests, users, and a real
uvicorn server on 127.0.0.1 in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from lossledger.model import Article

PASSWORD = "correct horse battery"

# (doc, url, text): two outlets carry the General Staff's tank count (one merged claim, two mentions); the UK MoD,
# CSIS and the Russian MoD give personnel figures; one evidence sentence carries a script tag.
ARTICLES = (
    ("kyiv-1", "https://kyiv-news.example/2025/06/12/tanks",
     "date 2025-06-12\n\nUkraine's General Staff said on Thursday that Russia has lost 10,933 tanks since the start "
     "of the invasion. It also reported 1,000,340 Russian soldiers killed or wounded."),
    ("wire-2", "https://wire.example/world/russia-losses",
     "date 2025-06-12\n\nRussia has lost 10,933 tanks, Ukraine's General Staff said. The UK Ministry of Defence "
     "estimated that about 950,000 Russian troops have been killed or wounded."),
    ("think-3", "https://think.example/analysis",
     "date 2025-05-30\n\nThe Center for Strategic and International Studies (CSIS) estimated that Russia has "
     "suffered nearly 950,000 casualties, including up to 250,000 killed."),
    ("xss-4", None,
     "date 2025-06-20\n\nUkraine's General Staff said <script>alert('ev')</script> that Russia has lost 11,010 "
     "tanks since February 2022."),
    ("ru-5", "https://moscow.example/news/5",
     "date 2025-06-01\n\nThe Russian Defence Ministry said Ukraine has lost more than 1,000,000 soldiers killed or "
     "wounded since the start of the war."),
)


def fill(db_url: str) -> None:
    """Ingest ARTICLES through the real extractor into the ledger at `db_url`, and add users `ann` (reviewer)
    and `root` (admin)."""
    from lossledger import extract_article
    from lossledger.serve.auth import add_user
    from lossledger.store.ledger import Ledger

    with Ledger(db_url) as ledger:
        for doc, url, text in ARTICLES:
            published = text.split("\n", 1)[0].removeprefix("date ")
            article = Article(doc=doc, text=text, url=url, source=doc, published=published)
            ledger.add(article, extract_article(article))
        add_user(ledger.engine, "ann", PASSWORD, "reviewer")
        add_user(ledger.engine, "root", PASSWORD, "admin")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Live:
    """A running server: its base URL and the app."""

    url: str
    app: object

    def client(self, **kw: object) -> httpx.Client:
        """A new HTTP client (own cookie jar) on the server."""
        return httpx.Client(base_url=self.url, timeout=30, **kw)  # type: ignore[arg-type]


@contextmanager
def live_server(**settings: object) -> Iterator[Live]:
    """Run `create_app(Settings(**settings))` under uvicorn on 127.0.0.1 in a thread; stop it on exit."""
    import uvicorn

    from lossledger.serve.app import create_app
    from lossledger.serve.settings import Settings

    app = create_app(Settings(**settings))  # type: ignore[arg-type]
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield Live(f"http://127.0.0.1:{port}", app)
    finally:
        server.should_exit = True
        thread.join(10)


def sign_in(client: httpx.Client, name: str = "ann", password: str = PASSWORD) -> str:
    """Sign `client` in through the login form; return its CSRF token."""
    client.get("/login")
    csrf = client.cookies["ll_csrf"]
    r = client.post("/login", data={"name": name, "password": password, "csrf_token": csrf, "next": "/"})
    assert r.status_code == 303, r.text
    return csrf


_TEMPLATE: dict[str, str] = {}


def filled_copy(dest: str) -> str:
    """Copy a ledger filled by `fill` (made once per test process) to the file `dest`; return its URL."""
    import sqlite3
    import tempfile

    if "path" not in _TEMPLATE:
        path = f"{tempfile.mkdtemp(prefix='lossledger-serve-')}/template.db"
        fill(f"sqlite:///{path}")
        _TEMPLATE["path"] = path
    src, dst = sqlite3.connect(_TEMPLATE["path"]), sqlite3.connect(dest)
    try:
        src.backup(dst)  # a consistent copy, WAL included
    finally:
        src.close()
        dst.close()
    return f"sqlite:///{dest}"
