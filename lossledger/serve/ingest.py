"""Ingest one pasted text or one URL into the ledger (the dashboard's form and `POST /api/ingest`)."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select

from lossledger.errors import ReadError
from lossledger.model import Article
from lossledger.read.fetch import Fetcher
from lossledger.store.ledger import Ledger
from lossledger.store.tables import mentions

FETCH_TIMEOUT = 15.0  # a person waits on the form: fail fast rather than hold a worker thread


def ingest_one(ledger: Ledger, *, text: str | None = None, url: str | None = None, doc: str | None = None,
               published: str | None = None, allow_private: bool = False, max_bytes: int = 5 * 1024 * 1024,
               ) -> dict[str, Any]:
    """Read (text, or the page at `url`), extract and store one document; return what was stored.

    Raises:
        ReadError: nothing to read, or the URL was refused (scheme, private address, size) or failed.
    """
    if text and text.strip():
        name = doc or "pasted-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        article = Article(doc=name, text=text.replace("\r\n", "\n"), published=published, url=url or None,
                          source="form")
    elif url and url.strip():
        with Fetcher(timeout=FETCH_TIMEOUT, max_bytes=max_bytes, allow_private=allow_private) as fetcher:
            article = fetcher.article(url.strip(), published=published)
    else:
        raise ReadError("give a text or a URL")
    from lossledger import extract_article

    result = ledger.add(article, extract_article(article))
    with ledger.reading() as conn:
        ids = list(dict.fromkeys(conn.scalars(select(mentions.c.claim_id).where(
            mentions.c.document_id == result.document_id).order_by(mentions.c.position))))
    return {"status": result.status, "document_id": result.document_id, "mentions": result.mentions,
            "new_claims": result.new_claims, "claim_ids": ids}
