"""URL fetching against a real HTTP server on 127.0.0.1: limits, redirects, refused addresses, feeds."""

from __future__ import annotations

import pytest
from conftest import Route, Site, atom, html_page, rss, tanks_article

from lossledger.errors import ReadError
from lossledger.read.feeds import parse_feed
from lossledger.read.fetch import Fetcher, check_url, doc_from_url


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/",
                                 "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data",
                                 "http://[::1]/", "http://0.0.0.0/"])
def test_private_addresses_refused_by_default(url: str) -> None:
    with pytest.raises(ReadError, match=r"refused: .* private, loopback or link-local .*--allow-private"):
        check_url(url)
    check_url(url, allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "gopher://x/", "javascript:alert(1)"])
def test_other_schemes_refused(url: str) -> None:
    with pytest.raises(ReadError, match="only http and https"):
        check_url(url, allow_private=True)


def test_article_from_html_page(site: Site) -> None:
    site.routes["/news/tanks-2025.html"] = Route(html_page("Tanks", tanks_article(10_933)))
    with Fetcher(allow_private=True) as f:
        a = f.article(site.url("/news/tanks-2025.html"))
    assert a.doc == "tanks-2025" and "10,933 tanks" in a.text and a.url == site.url("/news/tanks-2025.html")


def test_feed_date_and_title_fill_gaps(site: Site) -> None:
    site.routes["/plain"] = Route(b"Russia has lost 10,933 tanks, the General Staff said.", content_type="text/plain")
    with Fetcher(allow_private=True) as f:
        a = f.article(site.url("/plain"), published="2025-06-12", title="T")
    assert (a.published, a.title, a.doc) == ("2025-06-12", "T", "plain")


@pytest.mark.parametrize(("route", "message"), [
    (Route(b"oops", status=500), "HTTP 500"),
    (Route(b"{}", content_type="application/json"), "not an HTML page (content type application/json)"),
    (Route(b"\x89PNG\r\n", content_type="image/png"), "not an HTML page"),
    (Route(b"<html><body><script>var x = 1;</script></body></html>"), "no article text found"),
    (Route(b""), "empty response"),
    (Route(b"x" * 3000, content_type="text/plain"), "too large"),
])
def test_bad_pages_give_one_line_naming_the_url(site: Site, route: Route, message: str) -> None:
    site.routes["/p"] = route
    with Fetcher(allow_private=True, max_bytes=2000) as f, pytest.raises(ReadError) as err:
        f.article(site.url("/p"))
    assert str(err.value).startswith(site.url("/p") + ": ") and message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_page_and_timeout(site: Site) -> None:
    site.routes["/slow"] = Route(b"late", delay=1.5)
    with Fetcher(allow_private=True, timeout=0.3) as f:
        with pytest.raises(ReadError, match="HTTP 404"):
            f.get(site.url("/absent"))
        with pytest.raises(ReadError, match=r"timed out after 0\.3 s"):
            f.get(site.url("/slow"))


def test_redirects_followed_up_to_the_limit(site: Site) -> None:
    for i in range(6):
        site.routes[f"/r{i}"] = Route(status=302, headers={"Location": f"/r{i + 1}"})
    site.routes["/r6"] = Route(b"<html><body><p>end</p></body></html>")
    with Fetcher(allow_private=True, max_redirects=6) as f:
        assert f.get(site.url("/r0")).final_url == site.url("/r6")
    with Fetcher(allow_private=True, max_redirects=3) as f, pytest.raises(ReadError, match="too many redirects"):
        f.get(site.url("/r0"))


def test_redirect_to_a_private_address_is_refused(site: Site) -> None:
    with Fetcher() as f, pytest.raises(ReadError, match="refused"):
        f.get(site.url("/anything"))


def test_parse_rss_and_atom() -> None:
    entries = parse_feed(rss([("http://x/a", "A", "Thu, 12 Jun 2025 08:00:00 GMT")]), "http://x/feed")
    assert [(e.link, e.title, e.published) for e in entries] == [("http://x/a", "A", "2025-06-12")]
    entries = parse_feed(atom([("http://x/b", "B", "2025-06-13T08:00:00Z")]), "http://x/atom")
    assert [(e.link, e.published) for e in entries] == [("http://x/b", "2025-06-13")]


@pytest.mark.parametrize("data", [b"<html><body>no feed</body></html>", b"{\"items\": []}", b"\x00\x01binary",
                                  b"<rss><channel><item><title>broken"])
def test_not_a_feed(data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^http://x/f: not an RSS or Atom feed"):
        parse_feed(data, "http://x/f")


def test_doc_ids_from_urls() -> None:
    assert doc_from_url("https://a.example/2025/06/tanks-report.html") == "tanks-report"
    assert doc_from_url("https://a.example/") == "a.example"
