"""HTML pages: main text with trafilatura, publication date with htmldate, URL from the canonical link."""

from __future__ import annotations

import codecs
import functools
import logging
import re
from dataclasses import dataclass

from lossledger.model import Article
from lossledger.read.decode import DEFAULT_MAX_BYTES, decode, fail, load_bytes, normalize_newlines
from lossledger.read.text import doc_id

# libxml2 refuses a single text node or attribute value over 10 MB and then drops the rest of
# the page; anything this long is not article text, so it is cut before parsing.
_HUGE = 100_000
_HUGE_ATTR = re.compile(rf"=\s*(?:\"[^\"]{{{_HUGE},}}\"|'[^']{{{_HUGE},}}'|[^\s\"'<>=`]{{{_HUGE},}})")
_BLOCK_OPEN = re.compile(r"<(script|style)\b|<!--", re.I)
_CHARSET = re.compile(rb"<meta\b[^<>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_HTML_LANG = re.compile(r"<html\b[^<>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?![A-Za-z])", re.I)
# WHATWG: a page labelled latin-1 or ASCII is decoded as windows-1252.
_CHARSET_ALIASES = {"iso8859_1": "cp1252", "latin_1": "cp1252", "ascii": "cp1252"}
_PRECISION = ({"fast": True, "favor_precision": True}, {"favor_precision": True})  # fast mode, then the fallbacks
_ENOUGH_TEXT = 400  # characters of main text below which the slower extraction settings are tried too
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"}


@dataclass(frozen=True, slots=True)
class Page:
    """What was taken from an HTML page: main text (title first), title, URL, date, language."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None


def declared_charset(data: bytes) -> str | None:
    """Return the Python codec named by a `<meta charset>` near the top of `data`, if any."""
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name.replace("-", "_")
    except LookupError:
        return None
    return _CHARSET_ALIASES.get(name, name)


def read_html(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Return the article of the HTML file at `path`.

    Raises:
        ReadError: the file cannot be read or decoded, or holds no article text.
    """
    data = load_bytes(path, max_bytes)
    html = decode(data, path, hint=declared_charset(data))
    return html_article(html, doc=doc_id(path), source=path)


def html_article(html: str, doc: str, source: str, *, url: str | None = None, published: str | None = None,
                 title: str | None = None, lang: str | None = None) -> Article:
    """Return an Article for an HTML page; `url`, `published`, `title` and `lang` given here win over
    what the page says.

    Raises:
        ReadError: `SOURCE: no article text found in the HTML`.
    """
    page = parse_html(html, url=url)
    if not page.text.strip():
        raise fail(source, "no article text found in the HTML")
    return Article(doc=doc, text=page.text, published=published or page.published, url=url or page.url,
                   title=title or page.title, lang=lang or page.lang, source=source)


def parse_html(html: str, url: str | None = None) -> Page:
    """Return the main text and metadata of an HTML page.

    The text is trafilatura's, one paragraph a line, with the title as first line: its fast mode
    favouring precision first; where that finds under `_ENOUGH_TEXT` characters, the longer of it and
    its comparison with the readability and jusText fallbacks; its default settings where both are empty.
    The fallbacks cost 2-6 times the fast mode, and on pages with much furniture they often keep less
    of the article (measured in bench/scale.py's page-size figures). The date is htmldate's original
    publication date (`YYYY-MM-DD`), the URL the canonical link's (else `url`), the language the
    `<html lang>` attribute's primary subtag.
    """
    import trafilatura

    _quiet_loggers()
    html = defuse(html)
    def attempt(**settings: bool):  # type: ignore[no-untyped-def]
        return trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True,
                                           date_extraction_params=dict(_DATE_PARAMS), **settings)

    doc = None
    for settings in _PRECISION:
        found = attempt(**settings)
        if found is not None and (doc is None or _text_length(found) > _text_length(doc)):
            doc = found
        if _text_length(doc) >= _ENOUGH_TEXT:
            break
    if not _text_length(doc):  # the default (recall) settings only here: they let page furniture in
        doc = attempt(favor_precision=False) or doc
    if doc is None:
        return Page(text="", lang=_page_lang(html))
    text = normalize_newlines(doc.text or "").strip()
    title = " ".join((doc.title or "").split()) or None
    if title and text and not text.startswith(title):
        text = f"{title}\n{text}"
    return Page(text=text, title=title, url=doc.url or url, published=doc.date or None, lang=_page_lang(html))


def _text_length(doc) -> int:  # type: ignore[no-untyped-def]
    return len((doc.text or "").strip()) if doc is not None else 0


def _page_lang(html: str) -> str | None:
    m = _HTML_LANG.search(html, 0, 65536)
    return m.group(1).lower() if m else None


def defuse(html: str) -> str:
    """Return `html` without the oversized scripts, styles, comments and attribute values that would
    make libxml2 give up on the whole page (each over 100,000 characters); the rest is untouched."""
    if len(html) <= _HUGE:
        return html
    parts: list[str] = []
    pos = 0
    while (m := _BLOCK_OPEN.search(html, pos)) is not None:
        if m.group(1):
            close = re.compile(rf"</{m.group(1)}\s*>", re.I).search(html, m.end())
            end = close.end() if close else len(html)
        else:
            close_at = html.find("-->", m.end())
            end = close_at + 3 if close_at >= 0 else len(html)
        keep = end - m.start() <= _HUGE
        parts.append(html[pos:end] if keep else html[pos:m.start()])
        pos = end
    parts.append(html[pos:])
    return _HUGE_ATTR.sub('=""', "".join(parts))


@functools.cache
def _quiet_loggers() -> None:
    """Keep trafilatura's and htmldate's log records off stderr unless the caller configures logging."""
    for name in ("trafilatura", "htmldate", "charset_normalizer"):
        logging.getLogger(name).addHandler(logging.NullHandler())
