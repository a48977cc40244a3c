"""Stage 1: read files and directories into Articles (.txt, .html/.htm, .jsonl, .warc[.gz]), one error per bad input."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from lossledger.errors import ReadError
from lossledger.model import Article
from lossledger.read.decode import DEFAULT_MAX_BYTES, MB, decode, fail, load_bytes
from lossledger.read.html import html_article, parse_html, read_html
from lossledger.read.jsonl import article_from_record, normalize_date, read_jsonl
from lossledger.read.text import doc_id, read_text
from lossledger.read.warc import is_warc, read_warc

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MB",
    "SUFFIXES",
    "article_from_record",
    "decode",
    "doc_id",
    "html_article",
    "load_bytes",
    "normalize_date",
    "parse_html",
    "read",
    "read_file",
    "read_html",
    "read_jsonl",
    "read_text",
    "read_warc",
]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
"""The file suffixes read when walking a directory (other files there are skipped silently)."""


def read(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
         max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Yield one Article per document found in `paths`, or a ReadError per input that failed.

    A directory is walked recursively in sorted order, reading only `.txt`, `.html`, `.htm`, `.jsonl`,
    `.warc` and `.warc.gz` files (a WARC file streamed record by record); a file named explicitly is read
    by its suffix, and as text when it has another. A ReadError's message is one line, `PATH: problem`
    (`PATH:LINE: problem` for a JSON Lines record, `PATH: record at offset N: problem` for a WARC record);
    reading goes on with the next input. Bad input never raises.

    Args:
        paths: files and directories (a single path is accepted too).
        max_bytes: files larger than this are refused unread (default 20 MB).
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            for item in _walk(path):
                if isinstance(item, ReadError):
                    yield item
                else:
                    yield from read_file(item, max_bytes)
        else:
            yield from read_file(path, max_bytes)


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Yield the Articles of one file (one, or one per JSON Lines record or WARC response), or ReadErrors."""
    suffix = os.path.splitext(path)[1].lower()
    try:
        if is_warc(path):  # before the plain suffix: ".warc.gz" ends in ".gz"
            yield from read_warc(path, max_bytes)
        elif suffix == ".jsonl":
            yield from read_jsonl(path, max_bytes)
        elif suffix in (".html", ".htm"):
            yield read_html(path, max_bytes)
        else:
            yield read_text(path, max_bytes)
    except ReadError as err:
        yield err
    except RecursionError:
        yield fail(path, "cannot read: too deeply nested")
    except Exception as exc:  # a bug or a library failure on hostile input must not end the run
        yield fail(path, f"cannot read: {type(exc).__name__}: {exc}")


def _walk(root: str) -> Iterator[str | ReadError]:
    """Yield the readable files under `root` in sorted order, and a ReadError per unreadable directory."""
    found: list[tuple[tuple[str, ...], str]] = []
    errors: list[ReadError] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename or root
        problem = "permission denied" if isinstance(exc, PermissionError) else f"cannot read: {exc.strerror}"
        errors.append(fail(os.fspath(where), problem))

    for folder, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames.sort()
        for name in filenames:
            if name.lower().endswith(SUFFIXES):
                full = os.path.join(folder, name)
                found.append((tuple(os.path.relpath(full, root).split(os.sep)), full))
    yield from errors
    for _, full in sorted(found):
        yield full
