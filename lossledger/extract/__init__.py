"""Stage 2: turn an article into loss claims (work in progress: returns no claims yet)."""

from __future__ import annotations

from lossledger.model import Article, Claim


def extract(text: str, published: str | None = None, lang: str | None = None, doc: str = "x",
            url: str | None = None) -> list[Claim]:
    """Return the loss claims of one text."""
    return extract_article(Article(doc=doc, text=text, published=published, url=url, lang=lang))


def extract_article(article: Article) -> list[Claim]:
    """Return the loss claims of one article."""
    return []
