"""Series sources: read a file or fetch an http(s) URL as text, with a time limit and a size cap."""

from __future__ import annotations

import os
from pathlib import Path

import httpx

from lossledger.analyse.series import SeriesError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # the Oryx long history is ~3 MB; 50 MB leaves room and stops a runaway
DEFAULT_TIMEOUT = 30.0


def is_url(source: str) -> bool:
    """True for an http:// or https:// source."""
    return source.lower().startswith(("http://", "https://"))


def load_text(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
              timeout: float = DEFAULT_TIMEOUT, transport: httpx.BaseTransport | None = None) -> str:
    """Return the text of a file or http(s) URL (UTF-8, a BOM dropped).

    Raises:
        SeriesError: missing file, HTTP error, timeout, more than `max_bytes`, or not UTF-8.
    """
    src = os.fspath(source)
    data = _fetch(src, max_bytes, timeout, transport) if is_url(src) else _read(src, max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeriesError(f"{src}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _read(path: str, max_bytes: int) -> bytes:
    p = Path(path)
    try:
        if p.stat().st_size > max_bytes:
            raise SeriesError(f"{path}: larger than {max_bytes:,} bytes")
        return p.read_bytes()
    except OSError as exc:
        raise SeriesError(f"{path}: {exc.strerror or exc}") from None


def _fetch(url: str, max_bytes: int, timeout: float, transport: httpx.BaseTransport | None) -> bytes:
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, transport=transport) as client:
            with client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise SeriesError(f"{url}: HTTP {response.status_code}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise SeriesError(f"{url}: larger than {max_bytes:,} bytes")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise SeriesError(f"{url}: larger than {max_bytes:,} bytes")
                    chunks.append(chunk)
                return b"".join(chunks)
    except httpx.TimeoutException:
        raise SeriesError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise SeriesError(f"{url}: {type(exc).__name__}: {exc}") from None
