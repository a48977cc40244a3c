"""Fetch web pages with httpx: http(s) only, timeouts, a size cap, few redirects, no private addresses by default.

The address check resolves the host before each request (and each redirect) and refuses loopback, private,
link-local and other non-global addresses unless `allow_private` is set. It does not pin the resolved address
for the connection itself, so a DNS answer that changes between the check and the request is not caught.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from lossledger.errors import ReadError
from lossledger.model import Article
from lossledger.read.decode import DEFAULT_MAX_BYTES, MB, decode, fail, size_text
from lossledger.version import __version__

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = f"lossledger/{__version__} (+https://pypi.org/project/lossledger/)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: the URL asked for, the URL that answered, status, headers and body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""

    @property
    def content_type(self) -> str:
        """The media type, lower case, without parameters (`text/html`)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset named in the Content-Type header, if any."""
        m = _CHARSET.search(self.headers.get("content-type", ""))
        return m.group(1) if m else None


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse a URL that is not http(s), or whose host is or resolves to a non-global address.

    Raises:
        ReadError: `URL: problem`.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise fail(url, f"refused: only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}")
    if not parts.hostname:
        raise fail(url, "not a URL: no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise fail(url, f"cannot resolve host {parts.hostname!r} ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise fail(url, f"refused: {parts.hostname} is a private, loopback or link-local address ({address}); "
                            "use --allow-private to fetch it")


class Fetcher:
    """An httpx client with Lossledger's limits; use as a context manager or call `close()`.

    Args:
        timeout: seconds for connecting and for each read.
        max_bytes: bodies larger than this are refused (default 20 MB).
        max_redirects: redirects followed per request.
        allow_private: fetch loopback, private and link-local addresses too (tests, intranets).
        transport: an httpx transport (e.g. `httpx.MockTransport`) instead of the network.
    """

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = MAX_REDIRECTS, allow_private: bool = False,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.timeout, self.max_bytes, self.max_redirects = timeout, max_bytes, max_redirects
        self.allow_private = allow_private
        self.client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, transport=transport,
                                   headers={"User-Agent": USER_AGENT}, trust_env=False)

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """Return the response to GET `url` after redirects; 304 is returned, other non-2xx statuses raise.

        Raises:
            ReadError: `URL: problem` (refused address or scheme, timeout, connection error, HTTP error status,
                too many redirects, body over the size cap).
        """
        current = url
        for _ in range(self.max_redirects + 1):
            check_url(current, self.allow_private)
            try:
                with self.client.stream("GET", current, headers=headers) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        current = urljoin(current, resp.headers["location"])
                        continue
                    if resp.status_code == 304:
                        return Response(url, current, 304, dict(resp.headers))
                    if resp.status_code >= 400 or resp.status_code < 200:
                        raise fail(url, f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                    return Response(url, current, resp.status_code, dict(resp.headers), self._body(url, resp))
            except httpx.TimeoutException:
                raise fail(url, f"timed out after {self.timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise fail(url, f"cannot fetch: {type(exc).__name__}: {exc}") from None
        raise fail(url, f"too many redirects (more than {self.max_redirects})")

    def _body(self, url: str, resp: httpx.Response) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise fail(url, f"too large ({size_text(int(declared))} MB > {size_text(self.max_bytes)} MB)")
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise fail(url, f"too large (over {size_text(self.max_bytes)} MB)")
            chunks.append(chunk)
        return b"".join(chunks)

    def article(self, url: str, *, published: str | None = None, title: str | None = None) -> Article:
        """Return the article at `url`: main text (trafilatura) and date (htmldate) of an HTML page, or plain text.

        `published` and `title` (e.g. from a feed entry) are used where the page gives none.

        Raises:
            ReadError: `URL: problem`, also for a page that is not HTML or text, or holds no article text.
        """
        from lossledger.read.html import declared_charset, html_article

        resp = self.get(url)
        kind = resp.content_type
        if not resp.content:
            raise fail(url, "empty response")
        if kind in _HTML_TYPES or (not kind and resp.content.lstrip()[:1] == b"<"):
            html = decode(resp.content, url, hint=resp.charset or declared_charset(resp.content))
            article = html_article(html, doc=doc_from_url(url), source=url, url=url)
        elif kind == "text/plain":
            article = Article(doc=doc_from_url(url), text=decode(resp.content, url, hint=resp.charset), url=url,
                              source=url)
        else:
            raise fail(url, f"not an HTML page (content type {kind or 'unknown'})")
        if (published and not article.published) or (title and not article.title):
            from dataclasses import replace

            article = replace(article, published=article.published or published, title=article.title or title)
        return article


def doc_from_url(url: str) -> str:
    """Return a document id for a URL: the last path segment without extension, else the host."""
    parts = urlsplit(url)
    segment = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    stem = os.path.splitext(segment)[0]
    return stem or parts.hostname or url


def max_bytes_of(megabytes: float) -> int:
    """Return a size cap in bytes from megabytes."""
    return round(megabytes * MB)


__all__ = ["DEFAULT_TIMEOUT", "Fetcher", "ReadError", "Response", "check_url", "doc_from_url", "max_bytes_of"]
