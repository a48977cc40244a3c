"""WARC archives (.warc, .warc.gz, e.g. Common Crawl's CC-NEWS): HTML responses streamed record by record.

Reading is split in two so an engine can do the cheap half on the driver and the costly half in workers:
`warc_pages` streams the raw HTML responses (`RawPage`, bytes not yet parsed), and `page_article` turns one
into an Article through the same HTML path as `.html` files (trafilatura text, htmldate date, `<html lang>`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from lossledger.errors import ReadError
from lossledger.model import Article
from lossledger.read.decode import DEFAULT_MAX_BYTES, decode, fail, size_text
from lossledger.read.html import declared_charset, html_article

WARC_SUFFIXES = (".warc", ".warc.gz")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN = 1 << 20  # bytes read at a time when looking for the next record after a damaged one


@dataclass(frozen=True, slots=True)
class RawPage:
    """One HTML response of a WARC file, not yet parsed.

    Attributes:
        doc: the WARC-Record-ID without `<urn:uuid:` and `>`.
        data: the HTTP body, as sent (HTML bytes).
        url: the WARC-Target-URI.
        source: `PATH@OFFSET`, the file and byte offset of the record.
        charset: the charset named by the HTTP Content-Type header, if any.
    """

    doc: str
    data: bytes
    url: str | None
    source: str
    charset: str | None = None


def is_warc(path: str) -> bool:
    """Return whether `path` names a WARC file by its suffix (`.warc` or `.warc.gz`)."""
    return path.lower().endswith(WARC_SUFFIXES)


def read_warc(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Yield an Article per HTML response with status 200 in the WARC file at `path`, or a ReadError.

    Other records (requests, metadata, non-HTML or non-200 responses) are skipped silently. A record that
    cannot be read gives one error line, `PATH: record at offset N: problem`, and reading goes on.
    """
    for item in warc_pages(path, max_bytes):
        yield item if isinstance(item, ReadError) else _article_or_error(item)


def _article_or_error(raw: RawPage) -> Article | ReadError:
    try:
        return page_article(raw)
    except ReadError as err:
        return err
    except Exception as exc:  # a library failure on one hostile page must not end the archive
        return record_error(raw.source, f"cannot read: {type(exc).__name__}: {exc}")


def page_article(raw: RawPage, lang: str | None = None) -> Article:
    """Return the Article of one raw HTML response (text, title, date, language as for `.html` files).

    Raises:
        ReadError: the body is not text, or holds no article text.
    """
    where = _where(raw.source)
    html = decode(raw.data, where, hint=declared_charset(raw.data) or raw.charset)
    return html_article(html, doc=raw.doc, source=raw.source, url=raw.url, lang=lang)


def record_error(source: str, problem: str) -> ReadError:
    """Return the one-line ReadError `PATH: record at offset N: problem` for the record at `source`."""
    path, _, offset = source.rpartition("@")
    return fail(path, f"record at offset {offset}: {problem}")


def _where(source: str) -> str:
    path, _, offset = source.rpartition("@")
    return f"{path}: record at offset {offset}"


def warc_pages(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawPage | ReadError]:
    """Yield the HTML responses (status 200) of the WARC file at `path` as RawPages, streaming; never raises.

    A damaged record gives a ReadError and reading resumes at the next record found after it (the next
    gzip member of a `.warc.gz`, the next `WARC/1.` header of a `.warc`). Bodies over `max_bytes` are refused.
    """
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; the generator may be left unfinished
    except FileNotFoundError:
        yield fail(path, "no such file or directory")
        return
    except IsADirectoryError:
        yield fail(path, "is a directory")
        return
    except OSError as exc:
        yield fail(path, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        if not os.fstat(fh.fileno()).st_size:
            yield fail(path, "empty file")
            return
        magic = _GZIP_MAGIC if fh.read(3) == _GZIP_MAGIC else _WARC_MAGIC
        start = 0
        while start is not None:
            start = yield from _pages_from(fh, path, start, magic, max_bytes)


def _pages_from(fh: IO[bytes], path: str, start: int, magic: bytes,
                max_bytes: int) -> Iterator[RawPage | ReadError]:
    """Yield pages from byte `start` on; on a damaged record, return where to resume (None: at the end)."""
    from warcio.archiveiterator import ArchiveIterator

    fh.seek(start)
    records = ArchiveIterator(fh, no_record_parse=False, check_digests=False)
    offset = start
    try:
        for record in records:
            offset = records.offset  # where this record starts in the file (get_record_offset would consume it)
            page = _page(record, f"{path}@{offset}", max_bytes)
            if page is not None:
                yield page
    except Exception as exc:  # warcio and zlib raise many kinds on damaged input
        damaged = max(offset, records.offset)
        yield fail(path, f"record at offset {damaged}: damaged record ({type(exc).__name__}: {_printable(exc)})")
        return _next_record(fh, damaged + 1, magic)
    return None


def _page(record, source: str, max_bytes: int) -> RawPage | ReadError | None:  # type: ignore[no-untyped-def]
    """The RawPage of one record, None when it is not an HTML response with status 200."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return record_error(source, f"body too large (over {size_text(max_bytes)} MB)")
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:  # the file ends inside the record: its Content-Length was not delivered
        return record_error(source, f"truncated record ({missing:,} bytes missing at the end of the file)")
    if not data.strip():
        return record_error(source, "empty body")
    rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>").removeprefix("urn:uuid:")
    charset = None
    if "charset=" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    return RawPage(doc=rid or source, data=data, url=record.rec_headers.get_header("WARC-Target-URI"),
                   source=source, charset=charset)


def _printable(exc: Exception) -> str:
    """The start of an exception message with the bytes of a damaged record it quotes made harmless."""
    text = " ".join(str(exc).split())[:80]
    return "".join(ch if ch.isascii() and ch.isprintable() else "?" for ch in text)


def _next_record(fh: IO[bytes], pos: int, magic: bytes) -> int | None:
    """Return the offset of the first `magic` at or after `pos` (a record start), None when there is none."""
    fh.seek(pos)
    carry = b""
    base = pos
    while chunk := fh.read(_SCAN):
        buf = carry + chunk
        at = buf.find(magic)
        if at >= 0:
            return base - len(carry) + at
        carry = buf[-(len(magic) - 1):]
        base += len(chunk)
    return None
