"""The driver's reading for the engines: WARC files as raw pages (parsed later, in workers), the rest as Articles."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from lossledger.errors import ReadError
from lossledger.read.decode import DEFAULT_MAX_BYTES
from lossledger.read.fetch import Fetcher
from lossledger.read.warc import is_warc, warc_pages
from lossledger.scale.stages import Document


def documents(inputs: Iterable[str], fetcher: Fetcher | None = None, *, feeds: Iterable[str] = (),
              max_bytes: int | None = None) -> Iterator[Document | ReadError]:
    """Yield the documents of files, folders, URLs and feeds, as `lossledger ingest` reads them.

    WARC responses come as RawPages, so the costly HTML parsing happens in the workers; other inputs are
    read here into Articles (their reading is cheap, or it is a fetch). A ReadError per failure.
    """
    from lossledger.read import _walk
    from lossledger.store.ingest import articles, feed_articles, is_url

    limit = max_bytes or DEFAULT_MAX_BYTES
    for item in inputs:
        if is_url(item):
            if fetcher is None:
                yield ReadError(f"{item}: URLs need a fetcher")
            else:
                yield from articles([item], fetcher)
        elif os.path.isdir(item):
            for path in _walk(item):
                if isinstance(path, ReadError):
                    yield path
                else:
                    yield from _file(path, limit)
        else:
            yield from _file(item, limit)
    for url in feeds:
        if fetcher is not None:
            yield from feed_articles(fetcher, url)


def _file(path: str, max_bytes: int) -> Iterator[Document | ReadError]:
    from lossledger.read import read_file

    if is_warc(path):
        yield from warc_pages(path, max_bytes)
    else:
        yield from read_file(path, max_bytes)
