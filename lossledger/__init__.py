"""Lossledger: a ledger of contested war-loss figures.

Public API:
    extract(text, published=None, lang=None, doc="x", url=None) -> list[Claim]
    extract_article(article) -> list[Claim]
    find_numbers(text, lang) -> list[Quantity]
    read(paths) -> iterator of Article (or ReadError per failed input)
"""

from lossledger.model import Article, Claim, Evidence, Quantity
from lossledger.version import __version__

__all__ = [
    "Article",
    "Claim",
    "Evidence",
    "Quantity",
    "__version__",
    "extract",
    "extract_article",
    "find_numbers",
]


def extract(text: str, published: str | None = None, lang: str | None = None, doc: str = "x",
            url: str | None = None) -> list[Claim]:
    """Return every loss claim in `text` as spec records (see `lossledger.extract.extract`)."""
    from lossledger.extract import extract as _extract

    return _extract(text, published=published, lang=lang, doc=doc, url=url)


def extract_article(article: Article) -> list[Claim]:
    """Return every loss claim in an `Article` read by `lossledger.read`."""
    from lossledger.extract import extract_article as _extract_article

    return _extract_article(article)


def find_numbers(text: str, lang: str = "en") -> list[Quantity]:
    """Return every number expression in `text` (values, ranges, bounds, vague amounts)."""
    from lossledger.extract.numbers import find_numbers as _find_numbers

    return _find_numbers(text, lang)
