"""RSS and Atom feeds (feedparser): the article links of a feed, with their titles and dates."""

from __future__ import annotations

import time
from dataclasses import dataclass

from lossledger.read.decode import fail


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry: its article link, and the title and date the feed gives."""

    link: str
    title: str | None = None
    published: str | None = None


def parse_feed(data: bytes, url: str) -> list[Entry]:
    """Return the entries of an RSS or Atom document, in feed order, those without a link skipped.

    Raises:
        ReadError: `URL: not an RSS or Atom feed` (HTML, JSON, broken XML with no entries, ...).
    """
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    linked = [e for e in parsed.entries if e.get("link")]
    if not parsed.get("version") or (parsed.get("bozo") and not linked):
        raise fail(url, "not an RSS or Atom feed")  # feedparser's bozo reasons read as noise to a user
    entries = []
    for e in linked:
        link = e["link"]
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        entries.append(Entry(link=link, title=(e.get("title") or "").strip() or None,
                             published=time.strftime("%Y-%m-%d", stamp) if stamp else None))
    return entries
