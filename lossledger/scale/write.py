"""The driver's writer: outcomes of workers into the ledger in batches, each document at most once.

Exactly-once rests on the ledger's content hash (URL and text): a batch is one transaction that skips
hashes already stored (or seen earlier in the batch), and the unique index on the hash refuses a second
copy from a concurrent writer. A retried task or a rerun after a crash therefore adds nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from lossledger.model import Article, Claim
from lossledger.scale.stages import Outcome
from lossledger.store.ingest import Stats
from lossledger.store.ledger import AddResult, Ledger, content_hash
from lossledger.store.tables import documents

OnResult = Callable[[Article | None, AddResult | None, str | None], None]


@dataclass
class ScaleStats(Stats):
    """Counts of one engine run: those of `lossledger ingest`, plus documents dropped by the pre-filter."""

    dropped: int = 0

    @property
    def documents(self) -> int:
        """Documents handled: written, unchanged, failed and dropped."""
        return self.new + self.unchanged + self.failed + self.dropped

    def summary(self) -> str:
        """Return the one-line summary printed after a run (the ingest summary, then the dropped count)."""
        return f"{super().summary()}; {self.dropped} dropped by the pre-filter"


def add_batch(ledger: Ledger, items: list[tuple[Article, list[Claim]]]) -> list[AddResult]:
    """Add documents and their claims in one transaction; return one AddResult per item, in order.

    A content hash already in the ledger, or earlier in `items`, adds nothing (`unchanged`). When the
    transaction fails (a concurrent writer stored one of the hashes first, or one bad row), the batch is
    written again one document at a time with `Ledger.add`, so only the bad document fails.
    """
    digests = [content_hash(article) for article, _ in items]
    pending: dict = {}
    results: list[AddResult] = []
    try:
        with ledger.writing() as conn:
            known = dict(conn.execute(select(documents.c.content_hash, documents.c.id)
                                      .where(documents.c.content_hash.in_(set(digests)))).all())
            for (article, found), digest in zip(items, digests, strict=True):
                if digest in known:
                    results.append(AddResult("unchanged", known[digest]))
                    continue
                # the ledger's own steps, so merging and provenance are those of `Ledger.add`
                doc_id = ledger._insert_document(conn, article, digest, len(found), pending)
                known[digest] = doc_id
                results.append(AddResult("new", doc_id, len(found), ledger._write_mentions(conn, doc_id, found,
                                                                                            pending)))
    except Exception:
        ledger._aliases.clear()  # aliases cached during the rolled-back transaction were not stored
        return [_add_one(ledger, article, found) for article, found in items]
    ledger._ids.update(pending)
    return results


def _add_one(ledger: Ledger, article: Article, found: list[Claim]) -> AddResult | Exception:  # type: ignore[return]
    try:
        return ledger.add(article, found)
    except Exception as exc:
        return exc  # type: ignore[return-value]


class Writer:
    """Collects outcomes and writes extracted documents in batches of `size`; keeps the counts.

    Args:
        ledger: where documents go.
        size: documents per transaction.
        on_result: called per document with (article or None, AddResult or None, error or None).
    """

    def __init__(self, ledger: Ledger, size: int = 200, on_result: OnResult | None = None) -> None:
        self.ledger, self.size, self.on_result = ledger, max(1, size), on_result
        self.stats = ScaleStats()
        self._buffer: list[Outcome] = []

    def add(self, outcome: Outcome) -> None:
        """Count a dropped or failed document; buffer an extracted one (written when the buffer is full)."""
        if outcome.status == "failed":
            self.failed(outcome.error or f"{outcome.source}: failed")
        elif outcome.status == "dropped":
            self.stats.dropped += 1
            if self.on_result:
                self.on_result(outcome.article, None, None)
        else:
            self._buffer.append(outcome)
            if len(self._buffer) >= self.size:
                self.flush()

    def failed(self, message: str) -> None:
        """Count a document that failed (its one-line message kept in `stats.errors`)."""
        message = " ".join(message.splitlines())
        self.stats.failed += 1
        self.stats.errors.append(message)
        if self.on_result:
            self.on_result(None, None, message)

    def flush(self) -> None:
        """Write the buffered documents in one transaction."""
        batch, self._buffer = self._buffer, []
        if not batch:
            return
        results = add_batch(self.ledger, [(o.article, o.claims) for o in batch])  # type: ignore[misc]
        for outcome, result in zip(batch, results, strict=True):
            if isinstance(result, Exception):
                self.failed(f"{outcome.source}: not stored: {type(result).__name__}: "
                            f"{' '.join(str(result).split())[:300]}")
                continue
            if result.status == "new":
                self.stats.new += 1
                self.stats.mentions += result.mentions
                self.stats.new_claims += result.new_claims
            else:
                self.stats.unchanged += 1
            if self.on_result:
                self.on_result(outcome.article, result, None)
