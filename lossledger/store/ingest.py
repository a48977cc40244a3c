"""Ingest: inputs (files, folders, URLs, feeds) → articles → claims (optionally in worker processes) → ledger."""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from lossledger.errors import LossledgerError, ReadError
from lossledger.model import Article, Claim
from lossledger.read.fetch import Fetcher
from lossledger.store.ledger import AddResult, Ledger, content_hash


@dataclass
class Stats:
    """Counts of one ingest run."""

    new: int = 0
    unchanged: int = 0
    failed: int = 0
    mentions: int = 0
    new_claims: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents handled, failed ones included."""
        return self.new + self.unchanged + self.failed

    def summary(self) -> str:
        """Return the one-line summary printed after a run."""
        return (f"{self.new} new, {self.unchanged} unchanged, {self.failed} failed documents; "
                f"{self.mentions} claim mentions added ({self.new_claims} new claims)")


def is_url(item: str) -> bool:
    """Return whether an input names a URL (any scheme; only http(s) are then fetched) rather than a path."""
    return "://" in item


def articles(inputs: Iterable[str], fetcher: Fetcher, *, feeds: Iterable[str] = (),
             max_bytes: int | None = None) -> Iterator[Article | ReadError]:
    """Yield the articles of files, folders and URLs, then of each feed's entries; a ReadError per failure."""
    from lossledger.read import DEFAULT_MAX_BYTES, read

    for item in inputs:
        if is_url(item):
            yield _fetch(fetcher, item)
        else:
            yield from read(item, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    for url in feeds:
        yield from feed_articles(fetcher, url)


def feed_articles(fetcher: Fetcher, url: str, skip: Callable[[list[str]], set[str]] | None = None,
                  headers: dict[str, str] | None = None) -> Iterator[Article | ReadError]:
    """Yield the article of each entry of the feed at `url` (links in `skip(links)` left out)."""
    from lossledger.read.feeds import parse_feed

    try:
        resp = fetcher.get(url, headers=headers)
        entries = parse_feed(resp.content, url) if resp.status != 304 else []
    except ReadError as err:
        yield err
        return
    known = skip([e.link for e in entries]) if skip else set()
    for entry in entries:
        if entry.link not in known:
            yield _fetch(fetcher, entry.link, entry.published, entry.title)


def _fetch(fetcher: Fetcher, url: str, published: str | None = None, title: str | None = None) -> Article | ReadError:
    try:
        return fetcher.article(url, published=published, title=title)
    except ReadError as err:
        return err
    except Exception as exc:  # a library failure on a hostile page must not end the run
        return ReadError(f"{url}: cannot read: {type(exc).__name__}: {exc}")


def _extract(article: Article) -> list[Claim]:
    from lossledger import extract_article

    return extract_article(article)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it finishes in-flight work


class Ingester:
    """Extracts and writes articles into a ledger, one transaction per document.

    Args:
        ledger: where documents go.
        workers: extraction processes (1: extract in this process). Writing is always done here, by one writer.
        prepare: a function applied to each article before hashing (e.g. CLI overrides of date or language).
        on_result: called after each document with (article or None, AddResult or None, error message or None).
        stop: polled between documents; when it returns True the run ends after the document being written.
    """

    def __init__(self, ledger: Ledger, *, workers: int = 1, prepare: Callable[[Article], Article] | None = None,
                 on_result: Callable[[Article | None, AddResult | None, str | None], None] | None = None,
                 stop: Callable[[], bool] | None = None) -> None:
        self.ledger, self.workers, self.prepare = ledger, max(1, workers), prepare
        self.on_result, self.stop = on_result, stop or (lambda: False)
        self.stats = Stats()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Ingester:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Shut the worker processes down (work not yet written is dropped; rerun to pick it up)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def run(self, items: Iterable[Article | ReadError]) -> Stats:
        """Ingest `items`; return the counts so far (also in `self.stats`)."""
        queue: deque[tuple[Article, Future | list[Claim]]] = deque()
        depth = 1 if self.workers == 1 else self.workers * 8
        for item in items:
            if self.stop():
                break
            if isinstance(item, ReadError):
                self._failed(None, str(item))
                continue
            article = self.prepare(item) if self.prepare else item
            if self.ledger.has_document(content_hash(article)):  # known: not extracted again
                self.stats.unchanged += 1
                if self.on_result:
                    self.on_result(article, AddResult("unchanged", 0), None)
                continue
            queue.append((article, self._submit(article)))
            while len(queue) >= depth and not self.stop():
                self._write(*queue.popleft())
        while queue and not self.stop():
            self._write(*queue.popleft())
        return self.stats

    def _submit(self, article: Article) -> Future | list[Claim] | Exception:
        if self.workers == 1:
            try:
                return _extract(article)
            except Exception as exc:
                return exc
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, initializer=_ignore_sigint)
        return self._pool.submit(_extract, article)

    def _write(self, article: Article, pending: Future | list[Claim] | Exception) -> None:
        try:
            found = pending.result() if isinstance(pending, Future) else pending
        except Exception as exc:
            found = exc
        if isinstance(found, Exception):
            detail = str(found) if isinstance(found, LossledgerError) else f"{type(found).__name__}: {found}"
            self._failed(article, f"{article.source or article.url or article.doc}: extraction failed: {detail}")
            return
        try:
            result = self.ledger.add(article, found)
        except Exception as exc:  # the transaction rolled back: this document is not in the ledger
            self._failed(article, f"{article.source or article.url or article.doc}: not stored: "
                                  f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
            return
        if result.status == "new":
            self.stats.new += 1
            self.stats.mentions += result.mentions
            self.stats.new_claims += result.new_claims
        else:
            self.stats.unchanged += 1
        if self.on_result:
            self.on_result(article, result, None)

    def _failed(self, article: Article | None, message: str) -> None:
        message = " ".join(message.splitlines())
        self.stats.failed += 1
        self.stats.errors.append(message)
        if self.on_result:
            self.on_result(article, None, message)
