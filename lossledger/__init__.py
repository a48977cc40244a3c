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


def find_numbers(text: str, lang: str = "en") -> list[Quantity]:
    """Return every number expression in `text` (values, ranges, bounds, vague amounts)."""
    from lossledger.extract.numbers import find_numbers as _find_numbers

    return _find_numbers(text, lang)


# Imported last: binding the functions here keeps `lossledger.extract` the function, not the subpackage.
from lossledger.extract import extract, extract_article  # noqa: E402
