"""The Ledger: open a SQLite or PostgreSQL ledger and write documents, their mentions and merged claims."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from lossledger.model import Article, Claim
from lossledger.store import query
from lossledger.store.engine import make_engine, resolve_url
from lossledger.store.merge import canonical_claimant, category_group, merge_key, normalize_name
from lossledger.store.migrate import ensure_schema
from lossledger.store.tables import aliases, claims, documents, entities, feeds, mentions
from lossledger.version import __version__

# Statements built once: building them per row costs more than running them.
_DOC_BY_HASH = select(documents.c.id).where(documents.c.content_hash == bindparam("h"))
_CLAIM_BY_KEY = select(claims.c.id).where(claims.c.merge_key == bindparam("k"))
_ENTITY_BY_KEY = select(entities.c.id).where(entities.c.kind == bindparam("kind"), entities.c.key == bindparam("key"))
_LATEST_AT_URL = select(func.max(documents.c.id)).where(documents.c.url == bindparam("u"))
_INSERT_DOC = documents.insert()
_INSERT_MENTION = mentions.insert()
_INSERTS: dict[tuple[str, str], Any] = {}


def content_hash(article: Article) -> str:
    """Return the identity of a document: SHA-256 of its URL (if any) and its text as read."""
    return hashlib.sha256(f"{article.url or ''}\0{article.text}".encode("utf-8", "surrogatepass")).hexdigest()


def outlet_name(url: str | None) -> str | None:
    """Return the outlet of a URL: its host name without `www.` (None without a URL)."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding one document did: `new` or `unchanged`, its id, mentions written, claims created."""

    status: str
    document_id: int
    mentions: int = 0
    new_claims: int = 0


class Ledger:
    """A ledger of documents, mentions and merged claims in one database (SQLite file or PostgreSQL).

    Args:
        url: a SQLAlchemy URL or a SQLite file path; default `$LOSSLEDGER_DB`, else `sqlite:///lossledger.db`.
        create: create or upgrade the schema when needed (else a missing schema fails on first use).
    """

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        self.url = resolve_url(url)
        self.engine = make_engine(self.url)
        self._ids: dict[tuple[str, str], int] = {}  # (kind, key) -> entity id; entities are never deleted
        self._aliases: set[tuple[int, str]] = set()
        if create:
            ensure_schema(self.engine)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({self.engine.url.render_as_string(hide_password=True)!r})"

    # --- transactions -----------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """Yield a connection in one write transaction (BEGIN IMMEDIATE on SQLite); commit on success."""
        with self.engine.connect() as conn:
            conn.info["writing"] = True
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.info.pop("writing", None)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """Yield a connection for queries."""
        with self.engine.connect() as conn:
            yield conn

    # --- documents --------------------------------------------------------------------------

    def has_document(self, digest: str) -> bool:
        """Return whether a document with this content hash is in the ledger."""
        with self.reading() as conn:
            return conn.scalar(select(documents.c.id).where(documents.c.content_hash == digest)) is not None

    def known_urls(self, urls: list[str]) -> set[str]:
        """Return those of `urls` that some document in the ledger was read from."""
        found: set[str] = set()
        with self.reading() as conn:
            for i in range(0, len(urls), 500):
                found.update(conn.scalars(select(documents.c.url).where(documents.c.url.in_(urls[i:i + 500]))))
        return found

    def add(self, article: Article, found: list[Claim]) -> AddResult:
        """Add one document and its extracted claims in one transaction; a known content hash adds nothing."""
        digest = content_hash(article)
        pending: dict[tuple[str, str], int] = {}
        try:
            with self.writing() as conn:
                doc_id = conn.scalar(_DOC_BY_HASH, {"h": digest})
                if doc_id is not None:
                    return AddResult("unchanged", doc_id)
                doc_id = self._insert_document(conn, article, digest, len(found), pending)
                new = self._write_mentions(conn, doc_id, found, pending)
        except BaseException as exc:
            self._aliases.clear()
            if not isinstance(exc, IntegrityError):
                raise
            if not self.has_document(digest):  # PostgreSQL: another process added it first
                raise
            with self.reading() as conn:
                return AddResult("unchanged", conn.scalar(
                    select(documents.c.id).where(documents.c.content_hash == digest)))
        self._ids.update(pending)
        return AddResult("new", doc_id, len(found), new)

    def _insert_document(self, conn: Connection, article: Article, digest: str, n_claims: int,
                         pending: dict) -> int:
        outlet = outlet_name(article.url)
        previous = None
        if article.url:
            previous = conn.scalar(_LATEST_AT_URL, {"u": article.url})
        row = {
            "content_hash": digest, "doc": article.doc, "url": article.url, "title": article.title,
            "outlet_id": self._entity(conn, "outlet", outlet, outlet, None, (), pending) if outlet else None,
            "published": article.published, "language": article.lang, "source": article.source,
            "fetched_at": dt.datetime.now(dt.UTC), "previous_id": previous,
            "extractor_version": __version__, "claim_count": n_claims, "text": article.text,
        }
        return conn.execute(_INSERT_DOC, row).inserted_primary_key[0]

    def _write_mentions(self, conn: Connection, doc_id: int, found: list[Claim], pending: dict) -> int:
        """Insert a document's mentions, creating the claims they merge into; return the claims created."""
        rows, new = [], 0
        for position, claim in enumerate(found):
            claim_id, created = self._claim_id(conn, claim, pending)
            new += created
            rows.append(_mention_row(claim, claim_id, doc_id, position))
        if rows:
            conn.execute(_INSERT_MENTION, rows)
        return new

    def _claim_id(self, conn: Connection, claim: Claim, pending: dict) -> tuple[int, bool]:
        """Return the id of the claim `claim` merges into, creating it if needed, and whether it was created."""
        key = merge_key(claim)
        found = conn.scalar(_CLAIM_BY_KEY, {"k": key})
        if found is not None:
            return found, False
        who = canonical_claimant(claim.claimant)
        claimant_id = None
        if who is not None:
            claimant_id = self._entity(conn, "claimant", who.name, who.key, who.side, (claim.claimant,), pending)
        row = {"merge_key": key, "claimant_id": claimant_id, "claimant": who.name if who else None,
               "category_group": category_group(claim.category), "created_at": dt.datetime.now(dt.UTC),
               "magnitude": _magnitude(claim), **_claim_fields(claim)}
        inserted = _insert_ignore(conn, claims, row, "merge_key")
        if inserted is not None:
            return inserted, True
        return conn.scalar(_CLAIM_BY_KEY, {"k": key}), False

    def _entity(self, conn: Connection, kind: str, name: str, key: str, side: str | None,
                spellings: tuple[str | None, ...], pending: dict) -> int:
        """Return the id of the (kind, key) entity, creating it with its registry aliases if needed."""
        ident = self._ids.get((kind, key)) or pending.get((kind, key))
        if ident is None:
            ident = conn.scalar(_ENTITY_BY_KEY, {"kind": kind, "key": key})
            if ident is None:
                ident = _insert_ignore(conn, entities, {"kind": kind, "name": name, "key": key, "side": side},
                                       "kind", "key")
                if ident is None:
                    ident = conn.scalar(_ENTITY_BY_KEY, {"kind": kind, "key": key})
                spellings = (name, *_registry_aliases(name, kind), *spellings)
            pending[(kind, key)] = ident
        for alias in dict.fromkeys(s.strip() for s in spellings if s and s.strip()):
            if (ident, alias) not in self._aliases:
                _insert_ignore(conn, aliases, {"entity_id": ident, "alias": alias}, "entity_id", "alias")
                self._aliases.add((ident, alias))
        return ident

    # --- re-extraction ----------------------------------------------------------------------

    def reextract(self, extract: Callable[[Article], list[Claim]] | None = None,
                  on_document: Callable[[int, int, int], None] | None = None) -> dict[str, int]:
        """Re-run extraction on every stored document, updating its mentions in place.

        A mention whose merge key and evidence offset survive keeps its id (and its claim keeps its id);
        mentions no longer found are deleted, new ones inserted, and claims left without mentions deleted.
        `on_document(document_id, kept, changed)` is called after each document. Returns totals.
        """
        if extract is None:
            from lossledger import extract_article as extract
        totals = {"documents": 0, "kept": 0, "added": 0, "removed": 0, "claims_removed": 0}
        last = 0
        while True:
            with self.reading() as conn:
                batch = conn.execute(select(documents).where(documents.c.id > last)
                                     .order_by(documents.c.id).limit(200)).mappings().all()
            if not batch:
                return totals
            for doc in batch:
                last = doc["id"]
                found = extract(_article_of(doc))
                pending: dict = {}
                with self.writing() as conn:
                    counts = self._replace_mentions(conn, doc["id"], found, pending)
                self._ids.update(pending)
                totals["documents"] += 1
                for k, v in counts.items():
                    totals[k] += v
                if on_document:
                    on_document(doc["id"], counts["kept"], counts["added"] + counts["removed"])

    def _replace_mentions(self, conn: Connection, doc_id: int, found: list[Claim], pending: dict) -> dict:
        old = conn.execute(select(mentions.c.id, mentions.c.claim_id, mentions.c.evidence_start, claims.c.merge_key)
                           .join(claims, claims.c.id == mentions.c.claim_id)
                           .where(mentions.c.document_id == doc_id)).all()
        by_key = {(r.merge_key, r.evidence_start): r for r in old}
        conn.execute(update(mentions).where(mentions.c.document_id == doc_id)
                     .values(position=-1 - mentions.c.position))  # free the positions for the new order
        kept, inserts = set(), []
        for position, claim in enumerate(found):
            match = by_key.pop((merge_key(claim), claim.evidence.start if claim.evidence else 0), None)
            claim_id = match.claim_id if match else self._claim_id(conn, claim, pending)[0]
            row = _mention_row(claim, claim_id, doc_id, position)
            if match is not None:
                conn.execute(update(mentions).where(mentions.c.id == match.id).values(row))
                kept.add(match.id)
            else:
                inserts.append(row)
        gone = [r.id for r in old if r.id not in kept]
        if gone:
            conn.execute(delete(mentions).where(mentions.c.id.in_(gone)))
        if inserts:
            conn.execute(mentions.insert(), inserts)
        orphans = {r.claim_id for r in old} - {r.claim_id for r in old if r.id in kept}
        removed = 0
        if orphans:
            alive = select(mentions.c.claim_id).where(mentions.c.claim_id.in_(orphans))
            removed = conn.execute(delete(claims).where(claims.c.id.in_(orphans), claims.c.id.not_in(alive))).rowcount
        conn.execute(update(documents).where(documents.c.id == doc_id)
                     .values(claim_count=len(found), extractor_version=__version__))
        return {"kept": len(kept), "added": len(inserts), "removed": len(gone), "claims_removed": removed}

    # --- feeds --------------------------------------------------------------------------------

    def feed_state(self, url: str) -> dict[str, Any] | None:
        """Return the stored state of a feed (etag, last_modified, checked_at, status, entries), or None."""
        with self.reading() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
        return dict(row) if row else None

    def save_feed_state(self, url: str, *, status: str, validators: tuple[str | None, str | None] | None = None,
                        entries: int | None = None) -> None:
        """Record a poll of a feed; `validators` (ETag, Last-Modified), when given, replace the stored ones."""
        now = dt.datetime.now(dt.UTC)
        with self.writing() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
            values: dict[str, Any] = {"status": status, "checked_at": now}
            if validators is not None:
                values.update(etag=validators[0], last_modified=validators[1])
            if entries is not None:
                values["entries"] = entries
            if row is None:
                conn.execute(feeds.insert().values(url=url, entries=values.pop("entries", 0), **values))
            else:
                conn.execute(update(feeds).where(feeds.c.id == row["id"]).values(values))

    # --- queries (store/query.py) -----------------------------------------------------------

    def claims(self, **filters: Any) -> list[dict[str, Any]]:
        """Return merged claims matching the filters of `query.claims` (newest as_of first)."""
        with self.reading() as conn:
            return query.claims(conn, **filters)

    def claim(self, claim_id: int, *, inferred: bool = False) -> dict[str, Any] | None:
        """Return one claim with every mention (outlet, URL, date, evidence), or None (`query.claim`)."""
        with self.reading() as conn:
            return query.claim(conn, claim_id, inferred=inferred)

    def sources(self) -> list[dict[str, Any]]:
        """Return claimants with claim and mention counts, first/last as_of, and the outlets relaying them."""
        with self.reading() as conn:
            return query.sources(conn)

    def rows(self, what: str = "claims") -> Iterator[dict[str, Any]]:
        """Yield every row of `claims` (claims_view) or `mentions` (spec records with provenance) for export."""
        with self.reading() as conn:
            yield from query.export_rows(conn, what)

    def stats(self) -> dict[str, int]:
        """Return the number of rows in each table."""
        with self.reading() as conn:
            return query.stats(conn)


def _insert_ignore(conn: Connection, table, row: dict, *conflict: str) -> int | None:  # type: ignore[no-untyped-def]
    """Insert `row` unless it conflicts on the unique columns `conflict`; return its id, or None on conflict."""
    stmt = _INSERTS.get((conn.dialect.name, table.name))
    if stmt is None:
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        stmt = insert(table).on_conflict_do_nothing(index_elements=list(conflict)).returning(table.c.id)
        _INSERTS[(conn.dialect.name, table.name)] = stmt
    return conn.scalar(stmt, row)


def _registry_aliases(name: str, kind: str) -> tuple[str, ...]:
    if kind != "claimant":
        return ()
    from lossledger.extract.claimants import lookup

    entity = lookup(name)
    return entity.aliases if entity is not None and normalize_name(entity.name) == normalize_name(name) else ()


def _claim_fields(claim: Claim) -> dict[str, Any]:
    return {k: getattr(claim, k) for k in ("side", "population", "category", "metric", "qualifier", "value", "low",
                                           "high", "as_of", "period_start", "period_end", "modality", "stance")}


def _magnitude(claim: Claim) -> float | None:
    return next((n for n in (claim.value, claim.high, claim.low) if n is not None), None)


def _mention_row(claim: Claim, claim_id: int, doc_id: int, position: int) -> dict[str, Any]:
    ev = claim.evidence
    return {"claim_id": claim_id, "document_id": doc_id, "position": position, "claimant": claim.claimant,
            "via": json.dumps(list(claim.via), ensure_ascii=False), "as_of_inferred": bool(claim.as_of_inferred),
            "evidence": ev.text if ev else "", "evidence_start": ev.start if ev else 0,
            "evidence_end": ev.end if ev else 0, **_claim_fields(claim)}


def _article_of(doc: Any) -> Article:
    return Article(doc=doc["doc"], text=doc["text"], published=doc["published"], url=doc["url"],
                   title=doc["title"], lang=doc["language"], source=doc["source"])
