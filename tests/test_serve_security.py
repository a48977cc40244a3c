"""Security of the web app, for real against uvicorn on 127.0.0.1: stored XSS escaped, CSRF refused, SQL
injection strings in every filter harmless, SSRF through the ingest form refused, oversized bodies 413,
cookie flags, security headers, no open redirect after sign-in."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from serve_support import Live, filled_copy, live_server, sign_in

INJECTIONS = (
    "' OR 1=1 --", "' OR '1'='1", "\" OR \"\"=\"", "1; DROP TABLE claims; --", "'; DROP TABLE users; --",
    "russia' UNION SELECT password_hash, 1, 1 FROM users --", "%' OR 1=1 --", "') OR ('a'='a", "1 OR 1=1",
    "tanks'/*", "*/", "\\", "%", "_", "%%", "' AND sleep(5) --", "1e309", "-1", "NaN", "0x41", "\u0000",
    "$(id)", "{{7*7}}", "<script>alert(1)</script>",
)
FILTERS = ("side", "category", "claimant", "since", "until", "min_value", "q", "status", "cursor", "limit", "format")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Live, str]]:
    url = filled_copy(str(tmp_path_factory.mktemp("sec") / "ledger.db"))
    with live_server(db=url, max_body=64 * 1024) as server:
        yield server, url


def _ids(c: httpx.Client) -> set[int]:
    return {x["id"] for x in c.get("/api/claims", params={"limit": 1000, "status": "any"}).json()["items"]}


def test_stored_xss_is_escaped_everywhere(live: tuple[Live, str]) -> None:
    server, _url = live
    c = server.client()
    csrf = sign_in(c)
    items = c.get("/api/claims", params={"limit": 1000}).json()["items"]
    ev = next(x for x in items if "<script>" in x["evidence"]["text"])  # evidence from the article as written
    target = next(x for x in items if x["category"] == "killed")
    payload = '<script>alert("claimant")</script><img src=x onerror=alert(2)>'
    r = c.post(f"/api/claims/{target['id']}/review", headers={"X-CSRF-Token": csrf},
               json={"action": "correct", "changes": {"claimant": payload}, "reason": "<b>why</b><script>x()</script>"})
    assert r.status_code == 200, r.text
    claimant_page = _claimant_href(c, target["id"])
    pages = [f"/claims/{ev['id']}", f"/claims/{target['id']}", "/claims", "/claims?q=script", "/", "/audit",
             "/timeline?side=russia&category=killed", "/timeline?side=russia&category=tanks", claimant_page,
             "/claims?claimant=%3Cscript%3E", "/login?next=%22%3E%3Cscript%3Ealert(3)%3C/script%3E"]
    for path in pages:
        html = c.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>why</b>" not in html, path
        assert "<script>x()" not in html, path
    assert "&lt;script&gt;alert(&#39;ev&#39;)&lt;/script&gt;" in c.get(f"/claims/{ev['id']}").text
    assert "&lt;script&gt;alert(&#34;claimant&#34;)" in c.get(f"/claims/{target['id']}").text
    # the API returns the text as data (JSON), and every page forbids inline scripts anyway
    assert c.get(f"/api/claims/{target['id']}").json()["claimant"] == payload
    assert "script-src 'self'" in c.get("/").headers["content-security-policy"]


def _claimant_href(c: httpx.Client, claim_id: int) -> str:
    import re

    m = re.search(r'href="(/claimants/\d+)"', c.get(f"/claims/{claim_id}").text)
    assert m
    return m.group(1)


def test_csrf_refused(live: tuple[Live, str]) -> None:
    server, _url = live
    c = server.client()
    c.get("/login")
    form = {"name": "ann", "password": "correct horse battery"}
    assert c.post("/login", data=form).status_code == 403  # no token
    assert c.post("/login", data={**form, "csrf_token": "x" * 32}).status_code == 403  # wrong token
    csrf = sign_in(c)
    claim = next(iter(c.get("/api/claims").json()["items"]))
    before = c.get(f"/api/claims/{claim['id']}").json()
    for token in (None, "", "forged-token-forged-token"):
        data = {"action": "reject", "reason": "csrf"} | ({"csrf_token": token} if token is not None else {})
        assert c.post(f"/claims/{claim['id']}/review", data=data).status_code == 403
        assert c.post("/ingest", data={"text": "Russia lost 5 tanks.", **({"csrf_token": token} if token else {})}
                      ).status_code == 403
    api = f"/api/claims/{claim['id']}/review"
    assert c.post(api, json={"action": "reject"}).status_code == 403
    assert c.post(api, json={"action": "reject"}, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert c.get(f"/api/claims/{claim['id']}").json() == before
    # a cross-site page can send the session cookie (SameSite=Lax allows top-level GETs only) but never the token
    other = server.client()
    other.cookies.set("ll_session", c.cookies["ll_session"])
    assert other.post(api, json={"action": "reject"}, headers={"X-CSRF-Token": csrf}).status_code == 403
    assert c.post("/logout").status_code == 403


def test_cookies_and_headers(live: tuple[Live, str]) -> None:
    server, _url = live
    c = server.client()
    r = c.get("/login")
    assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    login = c.post("/login", data={"name": "ann", "password": "correct horse battery",
                                   "csrf_token": c.cookies["ll_csrf"], "next": "//evil.example/x"})
    assert login.status_code == 303 and login.headers["location"] == "/"  # no open redirect
    cookie = next(v for k, v in login.headers.multi_items() if k == "set-cookie" and v.startswith("ll_session="))
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    bad = c.post("/login", data={"name": "ann", "password": "wrong", "csrf_token": c.cookies["ll_csrf"]})
    assert bad.status_code == 401 and "ll_session" not in bad.headers.get("set-cookie", "")


@pytest.mark.slow
@pytest.mark.parametrize("param", FILTERS)
def test_sql_injection_in_every_filter(live: tuple[Live, str], param: str) -> None:
    server, _url = live
    c = server.client()
    every = _ids(c)
    for value in INJECTIONS:
        r = c.get("/api/claims", params={param: value, "limit": 1000})
        assert r.status_code < 500, (param, value, r.text)
        assert "argon2" not in r.text and "password" not in r.text.lower()
        if r.status_code == 200:
            ids = {x["id"] for x in r.json()["items"]}
            assert ids <= every, (param, value)
            if param in ("side", "category") or (param in ("claimant", "q") and value not in ("%", "_", "%%")):
                assert not ids or value in ("<script>alert(1)</script>",) and param == "q", (param, value, ids)
        page = c.get("/claims", params={param: value})
        assert page.status_code < 500, (param, value)
    assert _ids(c) == every  # nothing dropped


@pytest.mark.slow
def test_sql_injection_in_other_endpoints(live: tuple[Live, str]) -> None:
    server, _url = live
    c = server.client()
    for value in INJECTIONS:
        for path, params in (("/api/checks", {"side": value}), ("/api/checks", {"claimant": value}),
                             ("/api/checks", {"category": value}), ("/api/reconcile", {"side": value,
                                                                                         "category": "tanks"}),
                             ("/api/reconcile", {"side": "russia", "category": value}),
                             ("/api/series", {"name": value}), ("/api/audit", {"claim_id": value}),
                             ("/timeline", {"side": value}), ("/timeline", {"category": value}),
                             ("/search", {"q": value})):
            r = c.get(path, params=params)
            assert r.status_code < 500, (path, params, r.text[:200])
            assert "argon2" not in r.text
        quoted = quote(value, safe="")
        for path in (f"/api/claims/{quoted}", f"/claimants/{quoted}", f"/claims/{quoted}"):
            r = c.get(path)
            assert r.status_code in (307, 400, 404, 422) and "argon2" not in r.text, (path, r.status_code)


class _Counter(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits += 1
        body = b"<html><body><p>Russia has lost 99,999 tanks, the secret intranet said.</p></body></html>"
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.slow
def test_ssrf_through_the_ingest_form_is_refused(live: tuple[Live, str]) -> None:
    server, _url = live
    intranet = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=intranet.serve_forever, daemon=True).start()
    port = intranet.server_address[1]
    c = server.client()
    csrf = sign_in(c)
    targets = (f"http://127.0.0.1:{port}/", f"http://localhost:{port}/", "http://10.0.0.5/", "http://192.168.1.1/",
               "http://169.254.169.254/latest/meta-data/", f"http://[::1]:{port}/", "http://0.0.0.0/",
               f"http://127.1:{port}/", f"http://2130706433:{port}/", "file:///etc/passwd", "gopher://127.0.0.1/",
               f"{server.url}/api/claims")
    try:
        for url in targets:
            r = c.post("/ingest", data={"csrf_token": csrf, "url": url})
            assert r.status_code == 422 and "refused" in r.text, (url, r.text[:300])
            api = c.post("/api/ingest", json={"url": url}, headers={"X-CSRF-Token": csrf})
            assert api.status_code == 422 and "refused" in api.json()["detail"], url
        assert _Counter.hits == 0
        assert "99,999" not in c.get("/claims").text
    finally:
        intranet.shutdown()


def test_oversized_bodies_get_413(live: tuple[Live, str]) -> None:
    server, _url = live
    c = server.client()
    csrf = sign_in(c)
    big = "Russia has lost 10 tanks. " * 4000  # ~100 KB > the 64 KB limit of this server
    r = c.post("/api/ingest", json={"text": big}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 413
    assert c.post("/ingest", data={"csrf_token": csrf, "text": big}).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts the bytes as they come
        for _ in range(100):
            yield b"x" * 1024

    streamed = c.post("/login", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert streamed.status_code == 413
    assert c.get("/api/claims").status_code == 200  # the server is fine


def test_unknown_users_and_tokens(live: tuple[Live, str], tmp_path: Path) -> None:
    server, _url = live
    c = server.client(headers={"Authorization": "Bearer ll_not-a-token"})
    assert c.post("/api/claims/1/review", json={"action": "confirm"}).status_code == 401
    c2 = server.client()
    c2.cookies.set("ll_session", "forged")
    assert c2.post("/api/claims/1/review", json={"action": "confirm"}).status_code == 401
