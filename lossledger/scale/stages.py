"""The stages of archive ingest, one function each, shared by every engine: parse, pre-filter, extract.

`process_batch` is what a worker runs (in this process, a process pool, or a Ray task); it never raises,
so one bad document costs only itself. Reading and writing stay with the driver (`engines.py`, `write.py`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from lossledger.errors import LossledgerError, ReadError
from lossledger.lang import languages
from lossledger.model import Article, Claim
from lossledger.read.warc import RawPage, page_article, record_error

Document = Article | RawPage
"""What the driver hands a worker: an Article already read, or a WARC response not yet parsed."""


@dataclass(frozen=True, slots=True)
class Options:
    """Per-run settings every worker needs.

    Attributes:
        published: a publication date for every document (overrides what it says), or None.
        lang: a pack code for every document, `auto` to detect each, or None for each document's own hint.
        prefilter: drop documents without loss vocabulary before extraction (they are not stored).
    """

    published: str | None = None
    lang: str | None = None
    prefilter: bool = True


@dataclass(slots=True)
class Outcome:
    """What became of one document: `extracted` (with its claims), `dropped` by the pre-filter, or `failed`."""

    status: Literal["extracted", "dropped", "failed"]
    source: str
    article: Article | None = None
    claims: list[Claim] = dataclasses.field(default_factory=list)
    error: str | None = None


def process_batch(batch: list[Document], options: Options) -> list[Outcome]:
    """Return the outcome of each document of `batch`, in order; never raises."""
    return [process(doc, options) for doc in batch]


def process(doc: Document, options: Options) -> Outcome:
    """Parse (a raw page), pre-filter and extract one document; return its outcome, never raise."""
    source = doc.source or getattr(doc, "url", None) or doc.doc
    try:
        # 1. a raw page: skip it unparsed when its markup has no loss word, else parse it
        if isinstance(doc, RawPage):
            lang = page_language(doc, options)
            if options.prefilter and lang is not None and not _page_may_hold_claims(doc, lang):
                return Outcome("dropped", source)
            doc = page_article(doc, lang=lang)
        # 2. the run's overrides (before the content hash is taken, as the single-process ingest does)
        article = override(doc, options)
        # 3. the pre-filter on the text
        if options.prefilter:
            from lossledger.extract.prefilter import may_hold_claims

            if not may_hold_claims(article):
                return Outcome("dropped", source, article)
        # 4. full extraction
        return Outcome("extracted", source, article, extract(article))
    except ReadError as err:
        return Outcome("failed", source, error=str(err))
    except Exception as exc:  # a bug or a library failure on hostile input must not end the batch
        detail = str(exc) if isinstance(exc, LossledgerError) else f"{type(exc).__name__}: {exc}"
        message = str(record_error(source, f"failed: {detail}")) if isinstance(doc, RawPage) \
            else f"{source}: extraction failed: {detail}"
        return Outcome("failed", source, error=" ".join(message.split()))


def extract(article: Article) -> list[Claim]:
    """Return the claims of one article (the extractor, unchanged)."""
    from lossledger import extract_article

    return extract_article(article)


def override(article: Article, options: Options) -> Article:
    """Return `article` with the run's `--published` and `--lang` applied."""
    changes: dict[str, str | None] = {}
    if options.published is not None:
        changes["published"] = options.published
    if options.lang is not None:
        changes["lang"] = None if options.lang == "auto" else options.lang
    return dataclasses.replace(article, **changes) if changes else article


def page_language(raw: RawPage, options: Options) -> str | None:
    """Return the pack the page will be extracted in when known before parsing (override, else `<html lang>`).

    None when it will be detected from the parsed text: then the page is parsed before it is filtered.
    """
    if options.lang is not None:
        return None if options.lang == "auto" else options.lang
    from lossledger.read.html import _page_lang

    lang = _page_lang(raw.data[:65536].decode("utf-8", "replace"))
    return lang if lang in languages() else None


def _page_may_hold_claims(raw: RawPage, lang: str) -> bool:
    from lossledger.extract.prefilter import page_may_hold_claims
    from lossledger.read.decode import decode
    from lossledger.read.html import declared_charset

    try:
        html = decode(raw.data, raw.source, hint=declared_charset(raw.data) or raw.charset)
    except ReadError:
        return True  # let parsing report it, with the message every reader gives
    return page_may_hold_claims(html, lang)
