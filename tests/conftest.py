"""Shared fixtures: ledgers on a real SQLite file or a real PostgreSQL server, and a real HTTP server on 127.0.0.1.

PostgreSQL: `LOSSLEDGER_TEST_PG` (a SQLAlchemy URL of a database the tests may create databases beside) is used
when set; otherwise a throwaway cluster is started with initdb/pg_ctl in a temporary folder on a free port (as
the `postgres` user when running as root). Tests that need it are skipped, with the reason, when neither works.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PG_BIN_DIRS = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")


# --- article texts written for the tests ----------------------------------------------------------

def tanks_article(n: int, day: str = "2025-06-12", extra: str = "") -> str:
    """An article whose one claim is the General Staff's tank count `n` (as of `day`)."""
    return (f"date {day}\n\nUkraine's General Staff said that Russia has lost {n:,} tanks since the start of the "
            f"invasion.\n{extra}")


# --- PostgreSQL --------------------------------------------------------------------------------

def _pg_bin(name: str) -> str | None:
    for d in PG_BIN_DIRS:
        if os.path.exists(os.path.join(d, name)):
            return os.path.join(d, name)
    return shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_pg_user(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the `postgres` user then."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Yield a SQLAlchemy URL (postgresql+psycopg://) of a maintenance database on a live PostgreSQL server."""
    url = os.environ.get("LOSSLEDGER_TEST_PG")
    if url:
        yield url
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL tests need LOSSLEDGER_TEST_PG or initdb/pg_ctl on this machine")
    # Not under pytest's basetemp: any pytest run resets that tree to mode 700, locking the postgres user out.
    root = Path(tempfile.mkdtemp(prefix="lossledger-pg-"))
    data, port = root / "data", _free_port()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    init = subprocess.run(_as_pg_user([initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                                       "--no-sync"]), capture_output=True, text=True)
    if init.returncode:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr.strip()[-300:]}")
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
    start = subprocess.run(_as_pg_user([pg_ctl, "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w",
                                        "start"]), capture_output=True, text=True)
    if start.returncode:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"pg_ctl start failed: {start.stderr.strip()[-300:]}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_pg_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """Yield the URL of a new, empty PostgreSQL database, dropped after the test."""
    import sqlalchemy as sa

    name = f"ll_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = sa.make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a SQLite ledger file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.slow, pytest.mark.postgres])])
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh ledger URL: a SQLite file, and (slow) a PostgreSQL database."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def ledger(db_url: str) -> Iterator:
    """An open Ledger on a fresh database of each backend."""
    from lossledger.store import Ledger

    with Ledger(db_url) as led:
        yield led


# --- a real HTTP server --------------------------------------------------------------------------

@dataclass
class Route:
    """What the test server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Site:
    """A threaded HTTP server on 127.0.0.1 serving `routes`; `log` records (method, path, request headers)."""

    base: str
    routes: dict[str, Route | Callable[[], Route]]
    log: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        """The request headers of every request made for `path`."""
        return [h for p, h in self.log if p == path]


@pytest.fixture
def site(_http_server: Site) -> Site:
    """Serve `site.routes` (path → Route) over real HTTP on 127.0.0.1; ETag/Last-Modified answered with 304."""
    _http_server.routes.clear()
    _http_server.log.clear()
    return _http_server


@pytest.fixture(scope="session")
def _http_server() -> Iterator[Site]:
    """One threaded HTTP server for the session; `site` gives each test empty routes."""
    routes: dict[str, Route | Callable[[], Route]] = {}
    log: list[tuple[str, dict[str, str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = routes.get(self.path)
            if callable(route):
                route = route()
            if route is None:
                route = Route(b"<html><body><h1>Not found</h1></body></html>", status=404)
            if route.delay:
                time.sleep(route.delay)
            fresh = ((route.etag and self.headers.get("If-None-Match") == route.etag)
                     or (route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified))
            self.send_response(304 if fresh else route.status)
            for k, v in (("ETag", route.etag), ("Last-Modified", route.last_modified), *route.headers.items()):
                if v:
                    self.send_header(k, v)
            if fresh:
                self.end_headers()
                return
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False  # a handler still sleeping for a timeout test must not hold the teardown
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}", routes, log)
    finally:
        server.shutdown()
        server.server_close()


def html_page(title: str, body: str, published: str | None = None) -> bytes:
    """A news page around `body` (paragraphs separated by blank lines)."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title>{meta}</head><body><article>"
            f"<h1>{title}</h1>{paras}</article></body></html>").encode()


def rss(items: list[tuple[str, str, str]], title: str = "News") -> bytes:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>"
                   for link, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>test</description>{body}</channel></rss>").encode()


def atom(entries: list[tuple[str, str, str]]) -> bytes:
    """An Atom feed of (link, title, ISO date) entries."""
    body = "".join(f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><updated>{d}</updated></entry>'
                   for link, t, d in entries)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            f"<id>urn:test</id><updated>2025-06-12T10:00:00Z</updated>{body}</feed>").encode()
