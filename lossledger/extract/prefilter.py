"""Pre-filter: cheap tests that drop documents which cannot hold a loss claim, before full extraction.

Both tests are necessary conditions of the extractor, so they drop nothing it would find a claim in:
every claim has a figure, every figure a number (`find_numbers`) and a loss word of the language's
pack (`[categories]` of `lexicon.toml`, matched as the extractor matches them, by lemma where the pack
asks). The words come from the packs; there are none here.

- `may_hold_claims(article)`: on the article text, in the language the extractor will use.
- `page_may_hold_claims(html, lang)`: on a raw HTML page before it is parsed (parsing is the costly
  step of archive ingest). The page's text is a part of its HTML, so a page whose markup holds no loss
  word in any of two readings (tags as spaces, tags removed: `kill<b>ed</b>`) has none in its text.
  It needs the language the extractor will use, so only pages whose language is known up front qualify.
"""

from __future__ import annotations

import html as htmllib
import re

from lossledger.extract.language import detect
from lossledger.extract.lexicon import lexicon
from lossledger.extract.numbers import find_numbers
from lossledger.lang import languages
from lossledger.model import Article

_TAG = re.compile(r"<[^<>]*>")
# Code, styles and comments never reach the article text; a JSON-LD block may (trafilatura takes a title from it).
_NOT_TEXT = re.compile(r"<script\b(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<!--.*?-->",
                       re.I | re.S)


def extraction_language(article: Article) -> str:
    """Return the pack code the extractor uses for `article`: its hint when a pack exists, else detected.

    The same rule as step 1 of `extract_article`; the pre-filter must test in that language.
    """
    return article.lang if article.lang in languages() else detect(article.text)


def may_hold_claims(article: Article) -> bool:
    """Return False when the extractor cannot find a claim in `article` (no loss word, or no number)."""
    lang = extraction_language(article)
    if lexicon(lang).categories.search(article.text) is None:
        return False
    return bool(find_numbers(article.text, lang))


def page_may_hold_claims(html: str, lang: str) -> bool:
    """Return False when the text of the page `html` cannot hold a loss word of pack `lang`.

    `lang` must be the language the article will be extracted in (its `<html lang>`, or an override).
    Scripts (but JSON-LD, where a title may come from), styles and comments are left out first.
    """
    categories = lexicon(lang).categories
    html = _NOT_TEXT.sub(" ", html)
    if categories.search(htmllib.unescape(html)) is not None:  # tags read as separators: `<` is no word character
        return True
    return categories.search(htmllib.unescape(_TAG.sub("", html))) is not None
