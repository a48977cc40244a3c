"""Plain-text articles: one file, one article, its id the file name without extension."""

from __future__ import annotations

import os

from lossledger.model import Article
from lossledger.read.decode import DEFAULT_MAX_BYTES, decode, load_bytes


def doc_id(path: str) -> str:
    """Return the document id of a file: its name without directory and extension, as valid Unicode."""
    stem = os.path.splitext(os.path.basename(os.path.normpath(path)))[0]
    # undecodable bytes in a file name come back as lone surrogates, which no JSON writer can print
    return stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Return the article held in the text file at `path`.

    Raises:
        ReadError: the file is missing, unreadable, too large, empty or not text.
    """
    text = decode(load_bytes(path, max_bytes), path)
    return Article(doc=doc_id(path), text=text, source=path)
