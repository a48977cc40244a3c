"""Bytes from disk to text: size and permission checks, BOMs, UTF-8, and legacy encodings detected."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata

from lossledger.errors import ReadError

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB

# BOMs, longest first: a UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 controls other than the whitespace ones; more than this share of them means "not text".
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.10
# Where charset-normalizer finds several decodings about equally clean (it often does on a short
# text: cp1251 vs mac_cyrillic, cp1252 vs cp1250), the one more common in news text wins.
_PREFERRED = (
    "utf_8", "ascii", "cp1252", "cp1251", "cp1250", "iso8859_1", "iso8859_15", "koi8_r", "koi8_u",
    "iso8859_2", "cp1253", "cp1254", "cp1257", "cp1256", "cp1255", "iso8859_5", "gb18030", "big5",
    "shift_jis", "euc_jp", "euc_kr", "cp866", "mac_cyrillic",
)
_NEAR_TIE = 0.05  # chaos difference under which two decodings count as equally clean


def fail(path: str, problem: str) -> ReadError:
    """Return a ReadError whose message is the one line `PATH: problem`."""
    message = f"{path}: {problem}"
    return ReadError(message.replace("\r", "\\r").replace("\n", "\\n"))


def size_text(n_bytes: float) -> str:
    """Return a byte count as megabytes for messages: `100`, `20.5`, `0.00477`."""
    return f"{n_bytes / MB:.3g}"


def load_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of the regular file at `path`, refusing files over `max_bytes` unread.

    Raises:
        ReadError: missing, unreadable, not a regular file, too large, or empty.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise fail(path, "not a regular file")
            if st.st_size > max_bytes:
                raise _too_large(path, st.st_size, max_bytes)
            data = fh.read(max_bytes + 1)  # +1: a file that grew since fstat is still caught
    except FileNotFoundError:
        raise fail(path, "no such file or directory") from None
    except PermissionError:
        raise fail(path, "permission denied") from None
    except IsADirectoryError:
        raise fail(path, "is a directory") from None
    except OSError as exc:
        raise fail(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    if not data:
        raise fail(path, "empty file")
    return data


def _too_large(path: str, size: int, max_bytes: int) -> ReadError:
    have, cap = size_text(size), size_text(max_bytes)
    if have == cap:  # 20.001 MB over a 20 MB cap should not read "20 MB > 20 MB"
        have, cap = f"{size / MB:.9g}", f"{max_bytes / MB:.9g}"
    return fail(path, f"file too large ({have} MB > {cap} MB)")


def normalize_newlines(text: str) -> str:
    """Return `text` with CRLF and lone CR line endings turned into LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, path: str, hint: str | None = None) -> str:
    """Return `data` as text with LF line endings, without BOM.

    Order: a BOM (UTF-8, UTF-16, UTF-32) decides; else strict UTF-8; else the encoding `hint`
    (e.g. an HTML `<meta charset>`) if the bytes decode with it; else charset-normalizer's guess.

    Raises:
        ReadError: `PATH: binary file, not text` (NUL bytes, no plausible decoding, mostly control
            characters) or `PATH: empty file` (nothing but whitespace).
    """
    text = _decode(data, path, hint)
    if text.startswith("\ufeff"):
        text = text[1:]
    if text and (len(text) - len(_CONTROL.sub("", text))) / len(text) > _MAX_CONTROL_SHARE:
        raise fail(path, "binary file, not text")
    if not text.strip():
        raise fail(path, "empty file")
    return normalize_newlines(text)


def _decode(data: bytes, path: str, hint: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    if b"\x00" in data:
        raise fail(path, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if hint:
        try:
            return data.decode(hint)
        except (LookupError, UnicodeDecodeError):
            pass
    text = detect(data)
    if text is None:
        raise fail(path, "binary file, not text")
    return text


def detect(data: bytes) -> str | None:
    """Return `data` decoded in the legacy encoding that charset-normalizer and a plausibility check
    find likeliest, or None when no encoding gives text."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best_chaos = min(m.chaos for m in matches)
    sample = data[:16384]

    def rank(m) -> tuple[float, int]:
        names = [m.encoding, *m.could_be_from_charset]
        pref = min((_PREFERRED.index(n) for n in names if n in _PREFERRED), default=len(_PREFERRED))
        return (round(m.chaos + _implausibility(sample.decode(m.encoding, errors="ignore")), 2), pref)

    near = [m for m in matches if m.chaos <= best_chaos + _NEAR_TIE]
    return str(min(near, key=rank))


def _implausibility(text: str) -> float:
    """Return a penalty (0 = fine) for text that looks mis-decoded: symbols where letters should be,
    words made all of accented Latin letters (Cyrillic read as cp1250), case flips inside words."""
    letters = latin = latin_plain = odd = flips = 0
    prev_lower = False
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] == "L":
            letters += 1
            if ch.isascii():
                latin += 1
                latin_plain += 1
            elif "LATIN" in unicodedata.name(ch, ""):
                latin += 1
            if prev_lower and cat == "Lu":
                flips += 1
            prev_lower = cat == "Ll"
            continue
        prev_lower = False
        if cat[0] in "SC" and not ch.isspace():
            odd += 1
    if not text:
        return 0.0
    penalty = odd / len(text)
    if letters:
        penalty += flips / letters
        if latin > letters / 2 and latin_plain < latin * 0.6:
            penalty += 0.5
    return penalty
