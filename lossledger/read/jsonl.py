"""JSON Lines files: one article a line, `{"id", "text" or "html", "url", "title", "published", "lang"}`."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from lossledger.errors import ReadError
from lossledger.model import Article
from lossledger.read.decode import DEFAULT_MAX_BYTES, decode, fail, load_bytes, normalize_newlines

_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*")


def normalize_date(value: Any) -> str | None:
    """Return a publication date as `YYYY-MM-DD` (or `YYYY-MM`), or None when `value` is not one.

    Accepts `YYYY-MM-DD`, `YYYY-MM`, and an ISO date-time (`2024-03-05T08:00:00Z`), whose date is kept.
    """
    if not isinstance(value, str):
        return None
    m = _DATE.fullmatch(value.strip())
    if not m:
        return None
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


def read_jsonl(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Yield an Article per line of the JSON Lines file at `path`, or a ReadError (`PATH:LINE: problem`)
    for a line that is not a usable record; the other lines go on. Blank lines are skipped.

    Raises:
        ReadError: the file as a whole cannot be read (missing, too large, empty, binary).
    """
    text = decode(load_bytes(path, max_bytes), path)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            yield article_from_record(_parse(line, where), where)
        except ReadError as err:
            yield err


def _parse(line: str, where: str) -> dict:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise fail(where, f"not JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise fail(where, f"not a JSON object (a JSON {type(obj).__name__})")
    return obj


def article_from_record(record: dict, where: str) -> Article:
    """Return the Article of one JSON Lines record; `where` (`PATH:LINE`) is its source.

    A `published` that is not a date, and a `url`, `title` or `lang` that is not a string, are
    ignored. A record with `html` and no `text` is read as an HTML page (its date, canonical URL and
    language apply where the record gives none).

    Raises:
        ReadError: no usable `id`, or neither a `text` nor an `html` string.
    """
    doc = record.get("id")
    if isinstance(doc, bool) or not isinstance(doc, str | int) or not str(doc).strip():
        raise fail(where, 'no "id" (a non-empty string or an integer)')
    text, html = record.get("text"), record.get("html")
    published = normalize_date(record.get("published"))
    url, title, lang = (_string(record.get(k)) for k in ("url", "title", "lang"))
    if lang is not None:
        lang = lang.lower().replace("_", "-").split("-")[0] if _LANG.fullmatch(lang) else None
    if isinstance(text, str) and text.strip():
        return Article(doc=str(doc), text=normalize_newlines(text), published=published, url=url,
                       title=title, lang=lang, source=where)
    if isinstance(html, str) and html.strip():
        from lossledger.read.html import html_article

        return html_article(html, doc=str(doc), source=where, url=url, published=published, title=title,
                            lang=lang)
    raise fail(where, 'no "text" or "html" (a non-empty string)')


def _string(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
