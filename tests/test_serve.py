"""The web app against a real uvicorn server on 127.0.0.1 and a real SQLite ledger filled from test articles:
read API (filters, cursor pages, CSV), claim detail, analysis endpoints, review with audit, pages, commands."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from serve_support import ARTICLES, PASSWORD, Live, filled_copy, live_server, sign_in

from lossledger.cli import cli


@pytest.fixture(scope="module")
def ledger_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return filled_copy(str(tmp_path_factory.mktemp("serve") / "ledger.db"))


@pytest.fixture(scope="module")
def live(ledger_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A server over a shared ledger that the tests in this module only read (review tests use `fresh`)."""
    with live_server(db=ledger_url, series_dir=str(tmp_path_factory.mktemp("series"))) as server:
        yield server


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[Live, str]]:
    """A server over a ledger of its own (for tests that write)."""
    url = filled_copy(str(tmp_path / "ledger.db"))
    with live_server(db=url, series_dir=str(tmp_path / "series")) as server:
        yield server, url


def _all(client, **params) -> list[dict]:  # type: ignore[no-untyped-def]
    r = client.get("/api/claims", params={**params, "limit": 1000})
    assert r.status_code == 200, r.text
    return r.json()["items"]


# --- read API -----------------------------------------------------------------------------------------------

def test_claims_filters(live: Live) -> None:
    c = live.client()
    every = _all(c)
    assert len(every) == 7 and all(x["review"] == "unreviewed" for x in every)
    assert [x["as_of"] for x in every] == sorted((x["as_of"] for x in every), reverse=True)
    assert {x["side"] for x in _all(c, side="ukraine")} == {"ukraine"}
    tanks = _all(c, category="tanks")
    assert sorted(x["value"] for x in tanks) == [10933, 11010]
    merged = next(x for x in tanks if x["value"] == 10933)
    assert merged["mentions"] == 2 and merged["outlets"] == 2
    assert {x["claimant"] for x in _all(c, claimant="general staff")} == {
        "General Staff of the Armed Forces of Ukraine"}
    assert [x["as_of"] for x in _all(c, since="2025-06-13")] == ["2025-06-20"]
    assert all(x["as_of"] <= "2025-06-01" for x in _all(c, until="2025-06-01"))
    assert {x["value"] for x in _all(c, min_value=1_000_000)} == {1_000_340, 1_000_000}
    found = _all(c, q="Ministry of Defence")
    assert found and all("Ministry of Defence" in (x["evidence"]["text"] + (x["claimant"] or "")) for x in found)
    assert _all(c, side="russia", category="tanks", since="2025-06-15") == [tanks[0]]


def test_claims_cursor_pages_walk_everything_once(live: Live) -> None:
    c = live.client()
    every = [x["id"] for x in _all(c)]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = c.get("/api/claims", params=params).json()
        seen += [x["id"] for x in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == every and pages == 3
    assert c.get("/api/claims", params={"cursor": "bm90IGEgY3Vyc29y"}).status_code == 400
    assert c.get("/api/claims", params={"limit": 0}).status_code == 422
    assert c.get("/api/claims", params={"limit": 5000}).status_code == 422


def test_claims_csv(live: Live) -> None:
    c = live.client()
    r = c.get("/api/claims", params={"format": "csv", "limit": 2})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and rows[0]["evidence"] and rows[0]["id"]
    nxt = r.headers["x-next-cursor"]
    rest = c.get("/api/claims", params={"format": "csv", "cursor": nxt, "limit": 100})
    assert len(list(csv.DictReader(io.StringIO(rest.text)))) == 5


def test_claim_detail_has_mentions_evidence_and_provenance(live: Live, ledger_url: str) -> None:
    c = live.client()
    tank = next(x for x in _all(c, category="tanks") if x["value"] == 10933)
    d = c.get(f"/api/claims/{tank['id']}").json()
    assert d["mention_count"] == 2 and {m["outlet"] for m in d["mentions"]} == {"kyiv-news.example", "wire.example"}
    texts = {doc: text for doc, _url, text in ARTICLES}
    for m in d["mentions"]:
        ev = m["evidence"]
        assert texts[m["doc"]][ev["start"]:ev["end"]] == ev["text"] and "10,933" in ev["text"]
        assert m["url"].startswith("https://") and m["claimant"] == "Ukraine's General Staff"
    assert d["review"] == "unreviewed" and d["original"] is None and d["audit"] == []
    assert c.get("/api/claims/999999").status_code == 404
    assert c.get("/api/claims/abc").status_code == 422


def test_sources_series_checks_reconcile(live: Live, ledger_url: str) -> None:
    from datetime import date

    from lossledger.analyse.ledger import LedgerStore
    from lossledger.analyse.series import Series

    c = live.client()
    sources = c.get("/api/sources").json()
    gs = next(s for s in sources if s["claimant"] == "General Staff of the Armed Forces of Ukraine")
    assert gs["claims"] == 3 and gs["outlets"] == ["kyiv-news.example", "wire.example"]
    assert c.get("/api/series").json() == []
    with LedgerStore(ledger_url) as store:
        store.save_series([Series(
            "general-staff", "russia", "tanks", "official claim", "test", {date(2025, 6, 12): 10933.0,
                                                                          date(2025, 6, 20): 11010.0},
            claimant="General Staff of the Armed Forces of Ukraine")])
    series = c.get("/api/series", params={"points": "true"}).json()
    assert series[0]["count"] == 2 and series[0]["points"][0] == ["2025-06-12", 10933.0]
    findings = c.get("/api/checks", params={"side": "russia", "category": "tanks"}).json()
    assert any(f["check"] == "series" and f["verdict"] == "consistent" for f in findings)
    assert c.get("/api/checks", params={"category": "nonsense"}).status_code == 422
    # a date is YYYY-MM-DD: a number is not read as a timestamp (schemathesis found "-6e-242" accepted)
    assert c.get("/api/checks", params={"today": "2026-01-01"}).status_code == 200
    for bad in ("-6.17e-242", "1700000000", "2026-02-30"):
        assert c.get("/api/checks", params={"today": bad}).status_code == 422, bad
        assert c.get("/api/reconcile", params={"side": "russia", "category": "tanks", "at": bad}).status_code == 422
    rec = c.get("/api/reconcile", params={"side": "russia", "category": "killed_or_wounded"}).json()
    assert rec["band"]["at"] == "2025-06-12" and len(rec["band"]["figures"]) >= 2
    assert rec["band"]["low"] <= rec["band"]["median"] <= rec["band"]["high"]
    assert c.get("/api/reconcile", params={"side": "sudan", "category": "tanks"}).status_code == 404


def test_openapi_and_docs_served_without_cdn(live: Live) -> None:
    c = live.client()
    schema = c.get("/openapi.json").json()
    assert {"/api/claims", "/api/claims/{claim_id}", "/api/sources", "/api/series", "/api/checks",
            "/api/reconcile", "/api/claims/{claim_id}/review", "/api/ingest"} <= set(schema["paths"])
    docs = c.get("/docs").text
    assert "/static-docs/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert c.get("/static-docs/swagger-ui-bundle.js").status_code == 200


# --- pages --------------------------------------------------------------------------------------------------

def test_pages_render_without_javascript(live: Live) -> None:
    c = live.client()
    tank = next(x for x in _all(c, category="tanks") if x["value"] == 10933)
    home = c.get("/")
    assert home.status_code == 200 and "russia · tanks" in home.text and "Band at" in home.text
    page = c.get(f"/claims/{tank['id']}").text
    assert '<mark id="evidence">Ukraine&#39;s General Staff said on Thursday' in page
    assert "kyiv-news.example" in page and "wire.example" in page
    assert "Sign in</a> to confirm" in page
    timeline = c.get("/timeline", params={"side": "russia", "category": "killed_or_wounded"}).text
    assert "<svg" in timeline and "<circle" in timeline
    assert "Claims mentioning" in c.get("/claims", params={"q": "Defence"}).text
    claimant = c.get(f"/claimants/{tank['id'] and _claimant_id(c, tank['id'])}").text
    assert "General Staff of the Armed Forces of Ukraine" in claimant and "Bias ratio" in claimant
    assert c.get("/claims/424242").status_code == 404
    assert c.get("/ingest", follow_redirects=False).status_code == 303


def _claimant_id(c, claim_id: int) -> int:  # type: ignore[no-untyped-def]
    import re

    m = re.search(r'href="/claimants/(\d+)"', c.get(f"/claims/{claim_id}").text)
    assert m
    return int(m.group(1))


# --- review -------------------------------------------------------------------------------------------------

def test_review_correct_confirm_reject_with_audit(fresh: tuple[Live, str], tmp_path: Path) -> None:
    live, url = fresh
    from lossledger.serve.auth import new_token
    from lossledger.store.ledger import Ledger

    with Ledger(url) as ledger:
        token = new_token(ledger.engine, "ann", "tests")
    c = live.client(headers={"Authorization": f"Bearer {token}"})
    anon = live.client()
    claim = next(x for x in _all(anon, category="killed") if x["value"] == 250000)
    body = {"action": "correct", "changes": {"value": 200000, "claimant": "Oryx"}, "reason": "article says 200,000"}
    assert anon.post(f"/api/claims/{claim['id']}/review", json=body).status_code == 401
    r = c.post(f"/api/claims/{claim['id']}/review", json=body)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["status"] == "corrected" and out["before"]["value"] == 250000 and out["after"]["value"] == 200000
    assert out["after"]["claimant"] == "Oryx"
    d = anon.get(f"/api/claims/{claim['id']}").json()
    assert d["value"] == 200000 and d["review"] == "corrected" and d["original"]["value"] == 250000
    assert d["original"]["claimant"] == "Center for Strategic and International Studies"
    assert d["audit"][0]["user_name"] == "ann" and d["audit"][0]["reason"] == "article says 200,000"
    assert set(d["audit"][0]["changed"]) == {"value", "high", "claimant"}  # at_most: high follows value
    # corrected values are what queries, filters and exports use
    assert claim["id"] in [x["id"] for x in _all(anon, claimant="Oryx")]
    with Ledger(url) as ledger:
        exported = {r["claim_id"]: r for r in ledger.rows("claims")}
    assert exported[claim["id"]]["value"] == 200000
    # a bad value is refused; a correction that changes nothing too
    bad = c.post(f"/api/claims/{claim['id']}/review", json={"action": "correct", "changes": {"qualifier": "lots"}})
    assert bad.status_code == 422
    same = c.post(f"/api/claims/{claim['id']}/review", json={"action": "correct", "changes": {"value": 200000}})
    assert same.status_code == 422
    # reject: gone from the default list, kept under status=rejected
    other = next(x for x in _all(anon, side="ukraine"))
    assert c.post(f"/api/claims/{other['id']}/review", json={"action": "reject", "reason": "not a loss"}).json()[
        "status"] == "rejected"
    assert other["id"] not in [x["id"] for x in _all(anon)]
    assert [x["id"] for x in _all(anon, status="rejected")] == [other["id"]]
    assert c.post("/api/claims/999999/review", json={"action": "confirm"}).status_code == 404
    trail = anon.get("/api/audit").json()
    assert [a["action"] for a in trail] == ["reject", "correct"]


def test_review_through_the_form_with_session_and_csrf(fresh: tuple[Live, str]) -> None:
    live, _url = fresh
    c = live.client()
    csrf = sign_in(c)
    claim = next(x for x in _all(c, category="tanks") if x["value"] == 11010)
    form = {"csrf_token": csrf, "action": "correct", "as_of": "2025-06-19", "value": "11010", "reason": "date"}
    r = c.post(f"/claims/{claim['id']}/review", data=form)
    assert r.status_code == 303
    page = c.get(f"/claims/{claim['id']}").text
    assert "2025-06-19" in page and "corrected" in page and "<code>as_of</code>: 2025-06-20 → 2025-06-19" in page
    # the JSON API with the session cookie needs the CSRF header
    api = f"/api/claims/{claim['id']}/review"
    assert c.post(api, json={"action": "confirm"}).status_code == 403
    ok = c.post(api, json={"action": "confirm"}, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200 and ok.json()["status"] == "corrected"  # confirming keeps the correction
    assert c.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert c.post(api, json={"action": "confirm"}, headers={"X-CSRF-Token": csrf}).status_code == 401


def test_ingest_text_through_the_api(fresh: tuple[Live, str]) -> None:
    live, url = fresh
    from lossledger.serve.auth import new_token
    from lossledger.store.ledger import Ledger

    with Ledger(url) as ledger:
        token = new_token(ledger.engine, "root")
    c = live.client(headers={"Authorization": f"Bearer {token}"})
    text = "date 2025-07-01\n\nUkraine's General Staff said Russia has lost 11,100 tanks since the invasion began."
    r = c.post("/api/ingest", json={"text": text, "doc": "pasted-1"})
    assert r.status_code == 200 and r.json()["status"] == "new" and len(r.json()["claim_ids"]) == 1
    assert c.post("/api/ingest", json={"text": text, "doc": "pasted-1"}).json()["status"] == "unchanged"
    assert 11100 in [x["value"] for x in _all(c, category="tanks")]
    assert c.post("/api/ingest", json={}).status_code == 422


def test_private_reading(tmp_path: Path) -> None:
    url = filled_copy(str(tmp_path / "ledger.db"))
    with live_server(db=url, open_read=False) as live:
        c = live.client()
        assert c.get("/api/claims").status_code == 401
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
        sign_in(c)
        assert c.get("/api/claims").status_code == 200 and c.get("/").status_code == 200


# --- commands -----------------------------------------------------------------------------------------------

def test_users_add_and_export_gold(tmp_path: Path) -> None:
    from lossledger.serve import review
    from lossledger.serve.auth import User, authenticate
    from lossledger.store.ledger import Ledger

    url = filled_copy(str(tmp_path / "ledger.db"))
    runner = CliRunner()
    r = runner.invoke(cli, ["users", "add", "bob", "--role", "admin", "--password-stdin", "--db", url],
                      input=PASSWORD + "\n")
    assert r.exit_code == 0 and "bob (admin)" in r.output
    again = runner.invoke(cli, ["users", "add", "bob", "--password-stdin", "--db", url], input=PASSWORD + "\n")
    assert again.exit_code == 1 and "exists" in again.output
    short = runner.invoke(cli, ["users", "add", "eve", "--password-stdin", "--db", url], input="short\n")
    assert short.exit_code == 1
    with Ledger(url) as ledger:
        bob = authenticate(ledger.engine, "bob", PASSWORD)
        assert isinstance(bob, User) and authenticate(ledger.engine, "bob", "wrong password") is None
        rows = {(x["evidence"]["doc"], x["category"]): x for x in _claims(ledger)}
        review.act(ledger.engine, rows[("think-3", "killed_or_wounded")]["id"], bob, "confirm")
        review.act(ledger.engine, rows[("think-3", "killed")]["id"], bob, "correct", {"value": 200000}, "misread")
        review.act(ledger.engine, rows[("ru-5", "killed_or_wounded")]["id"], bob, "reject", reason="test")
        review.act(ledger.engine, rows[("kyiv-1", "tanks")]["id"], bob, "confirm")  # kyiv-1 only half reviewed
    out = tmp_path / "gold.jsonl"
    r = runner.invoke(cli, ["review", "export-gold", str(out), "--db", url])
    assert r.exit_code == 0, r.output
    gold = [json.loads(line) for line in out.read_text().splitlines()]
    assert {g["doc"] for g in gold} == {"think-3", "ru-5"}
    assert {"doc": "ru-5", "no_claims": True} in gold
    killed = next(g for g in gold if g.get("category") == "killed")
    assert killed["value"] == 200000 and killed["evidence"]["text"].startswith("The Center")
    partial = tmp_path / "partial.jsonl"
    runner.invoke(cli, ["review", "export-gold", str(partial), "--partial", "--db", url])
    assert "kyiv-1" in partial.read_text()
    # the gold file is what `lossledger evaluate` reads
    from lossledger.evaluate import score

    assert score(gold, [g for g in gold if not g.get("no_claims")]) is not None


def _claims(ledger) -> list[dict]:  # type: ignore[no-untyped-def]
    from lossledger.serve import data

    with ledger.reading() as conn:
        return data.claim_page(conn, limit=100)[0]
