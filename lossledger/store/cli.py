"""The ledger's commands: ingest, watch, claims, sources, show, export, reextract and db upgrade."""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import click

from lossledger.cli import _exit_quietly_on_broken_pipe, _snippet, format_number, input_options

if TYPE_CHECKING:
    from lossledger.store.ledger import Ledger

TABLE_COLUMNS = ("id", "number", "category", "side", "claimant", "as_of", "mentions", "outlets")


def register(cli: click.Group) -> None:
    """Add the ledger commands to the `lossledger` command group."""
    for command in (ingest, watch, claims, sources, show, export, reextract, db):
        cli.add_command(command)


# --- shared options and helpers ---------------------------------------------------------------

def db_option(fn: Callable) -> Callable:
    """`--db URL`: the ledger (SQLAlchemy URL or SQLite path; default $LOSSLEDGER_DB, else ./lossledger.db)."""
    return click.option("--db", metavar="URL", help="Ledger database: a SQLAlchemy URL (sqlite:///file.db, "
                        "postgresql+psycopg://...) or a SQLite file. Default: $LOSSLEDGER_DB, else "
                        "./lossledger.db.")(fn)


def fetch_options(fn: Callable) -> Callable:
    """`--allow-private` and `--timeout`: how URLs and feeds are fetched."""
    fn = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
                      metavar="SECONDS", help="Connect and read timeout for each URL.")(fn)
    return click.option("--allow-private", is_flag=True,
                        help="Also fetch loopback, private and link-local addresses (local servers, tests).")(fn)


def _fail(message: str) -> None:
    click.echo(f"lossledger: {' '.join(str(message).split())}", err=True)


def _open(db: str | None, *, write: bool) -> Ledger:
    """Open the ledger, or stop with one line and exit 1 (a query never creates an empty ledger)."""
    from sqlalchemy.exc import SQLAlchemyError

    from lossledger.store.engine import resolve_url
    from lossledger.store.ledger import Ledger
    from lossledger.store.migrate import current_revision

    url = resolve_url(db)
    try:
        if not write and url.startswith("sqlite:///"):
            import os

            path = url.removeprefix("sqlite:///")
            if path and path != ":memory:" and not os.path.exists(path):
                raise click.ClickException(f"no ledger at {path} (lossledger ingest creates one)")
        ledger = Ledger(url, create=write)
        if not write:
            with ledger.reading() as conn:
                if current_revision(conn) is None:
                    raise click.ClickException(f"{url}: not a ledger (lossledger db upgrade creates the tables)")
        return ledger
    except click.ClickException as exc:
        _fail(exc.message)
    except (SQLAlchemyError, ValueError, ImportError) as exc:
        _fail(f"cannot open ledger {url}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    sys.exit(1)


@contextmanager
def _graceful_stop() -> Iterator[Callable[[], bool]]:
    """Yield `stopping()`: the first Ctrl-C (or SIGTERM) lets the document in flight finish, the second aborts."""
    flag = {"stop": False}

    def handler(signum: int, _frame: Any) -> None:
        if flag["stop"]:
            raise KeyboardInterrupt
        flag["stop"] = True
        _fail("stopping after the document in flight (Ctrl-C again to abort)")

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield lambda: flag["stop"]
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _prepare(published: str | None, lang: str | None) -> Callable | None:
    if published is None and lang is None:
        return None
    import dataclasses

    def prepare(article):  # type: ignore[no-untyped-def]
        changes: dict[str, Any] = {}
        if published is not None:
            changes["published"] = published
        if lang is not None:
            changes["lang"] = None if lang == "auto" else lang
        return dataclasses.replace(article, **changes)

    return prepare


def _progress():  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:  # type: ignore[no-untyped-def]
            elapsed = task.elapsed or 0
            return Text(f"{task.completed / elapsed:,.1f} docs/s" if elapsed else "", style="progress.data.speed")

    console = Console(stderr=True)
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,} documents"),
                    Rate(), TextColumn("{task.fields[claims]:,} claims"), TimeElapsedColumn(), console=console,
                    disable=not console.is_terminal, transient=False)


# --- ingest and watch -------------------------------------------------------------------------

@click.command(short_help="Add articles from files, folders, URLs and feeds to the ledger.")
@click.argument("inputs", nargs=-1, metavar="PATH_OR_URL...")
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS or Atom feed whose entries to ingest "
              "(repeatable).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes (one writer).")
@click.option("--engine", type=click.Choice(["local", "pool", "ray"]),
              help="Parse, pre-filter and extract in batches on this engine: local (this process), pool (--workers "
                   "processes), ray (Ray tasks on a local Ray with --workers CPUs, or the cluster at --address); "
                   "--workers 1 means all cores here. Documents without loss vocabulary are dropped, not stored. "
                   "Default: no engine, every document stored.")
@click.option("--address", metavar="ADDR", help="With --engine ray: the Ray cluster to join (default: a local Ray).")
@db_option
@fetch_options
@input_options
def ingest(inputs: tuple[str, ...], feeds: tuple[str, ...], workers: int, engine: str | None, address: str | None,
           db: str | None, allow_private: bool, timeout: float, published: str | None, lang: str | None,
           max_size: float) -> None:
    """Extract the claims of articles and keep them in the ledger.

    Inputs are .txt, .html, .jsonl, .warc and .warc.gz files, folders of them, and article URLs; each
    --feed's entries are fetched too. A document already in the ledger (same content hash) adds nothing.
    Each failure is one line on stderr, the rest goes on; exit status 1 when anything failed. Ctrl-C stops
    after the document being written.
    """
    if not inputs and not feeds:
        raise click.UsageError("give a file, folder or URL, or --feed URL")
    if address and engine != "ray":
        raise click.UsageError("--address needs --engine ray")
    if engine == "ray":
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            raise click.UsageError("--engine ray needs Ray: pip install 'lossledger[scale]'")
    from lossledger.read.decode import MB
    from lossledger.read.fetch import Fetcher
    from lossledger.store.ingest import Ingester, articles

    ledger = _open(db, write=True)
    with _progress() as progress, _graceful_stop() as stopping, \
            Fetcher(timeout=timeout, allow_private=allow_private, max_bytes=round(max_size * MB)) as fetcher:
        task = progress.add_task("ingesting", total=None, claims=0)
        mentions = [0]

        def on_result(article, result, error) -> None:  # type: ignore[no-untyped-def]
            if error:
                progress.console.print(f"lossledger: {error}", markup=False, highlight=False) \
                    if progress.console.is_terminal else _fail(error)
            mentions[0] += result.mentions if result is not None else 0
            progress.update(task, advance=1, claims=mentions[0])

        if engine:  # lossledger/scale: the same stages on every engine, writes in batches
            from lossledger.scale import Options, documents, run

            stats = run(documents(inputs, fetcher, feeds=feeds, max_bytes=round(max_size * MB)), ledger,
                        engine=engine, workers=workers if workers > 1 else 0, address=address,
                        options=Options(published, lang), on_result=on_result, stop=stopping)
        else:
            with Ingester(ledger, workers=workers, prepare=_prepare(published, lang), on_result=on_result,
                          stop=stopping) as ingester:
                stats = ingester.run(articles(inputs, fetcher, feeds=feeds, max_bytes=round(max_size * MB)))
    ledger.close()
    click.echo(stats.summary())
    sys.exit(1 if stats.failed else 0)


@click.command(short_help="Keep the ledger current from news feeds.")
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@click.option("--every", default="1h", show_default=True, metavar="DURATION",
              help="Time between rounds: 90, 45s, 30m, 1h, 1d.")
@click.option("--rounds", type=click.IntRange(min=1), help="Stop after this many rounds (default: until Ctrl-C).")
@db_option
@fetch_options
def watch(feeds: tuple[str, ...], every: str, rounds: int | None, db: str | None, allow_private: bool,
          timeout: float) -> None:
    """Poll feeds with conditional requests (ETag, Last-Modified) and ingest entries not yet in the ledger.

    Each round is logged on stderr; a feed that is down is logged and tried again next round. Ctrl-C (or
    SIGTERM) stops after the document being written. Exit status 1 when any feed or document failed.
    """
    from lossledger.read.fetch import Fetcher
    from lossledger.store.ingest import Ingester
    from lossledger.store.watch import parse_duration
    from lossledger.store.watch import watch as run_watch

    try:
        seconds = parse_duration(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from None
    ledger = _open(db, write=True)

    def log(line: str) -> None:
        click.echo(f"{time.strftime('%H:%M:%S')} {' '.join(line.split())}", err=True)

    with _graceful_stop() as stopping, Fetcher(timeout=timeout, allow_private=allow_private) as fetcher, \
            Ingester(ledger, on_result=lambda a, r, e: e and log(f"lossledger: {e}"), stop=stopping) as ingester:
        failures = run_watch(ledger, fetcher, list(feeds), every=seconds, rounds=rounds, ingester=ingester,
                             log=log, stop=stopping)
    log(f"stopped: {ingester.stats.summary()}")
    ledger.close()
    sys.exit(1 if failures else 0)


# --- queries ----------------------------------------------------------------------------------

@click.command(short_help="List merged claims, with filters.")
@click.option("--side", help="The party that suffered the loss (russia, ukraine, ...).")
@click.option("--category", help="A loss category (killed, tanks, killed_or_wounded, ...).")
@click.option("--claimant", help="Part of a claimant's name or of any of its aliases.")
@click.option("--since", metavar="DATE", help="as_of on or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="as_of on or before this date.")
@click.option("--min-value", type=float, help="Number (value, else upper, else lower bound) at least this.")
@click.option("--q", "q", metavar="TEXT", help="Text in the claimant or in an evidence sentence.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="At most this many "
              "claims, newest as_of first (0: all).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@db_option
@_exit_quietly_on_broken_pipe
def claims(side: str | None, category: str | None, claimant: str | None, since: str | None, until: str | None,
           min_value: float | None, q: str | None, limit: int, fmt: str, db: str | None) -> None:
    """List the merged claims of the ledger, newest as_of first, with their mention and outlet counts.

    An undated claim shows the date `lossledger infer-dates` inferred for it, marked inferred (the order and
    --since / --until go by stated dates)."""
    ledger = _open(db, write=False)
    rows = ledger.claims(side=side, category=category, claimant=claimant, since=since, until=until,
                         min_value=min_value, q=q, limit=limit or None, inferred=True)
    ledger.close()
    if fmt == "table":
        _table(TABLE_COLUMNS, [(r["id"], format_number(SimpleNamespace(**r)), r["category"], r["side"],
                                r["claimant"] or "", _as_of(r), r["mentions"], r["outlets"]) for r in rows])
    else:
        from lossledger.export import write

        write(rows, fmt, sys.stdout)


@click.command(short_help="List claimants with their claims and the outlets relaying them.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@db_option
@_exit_quietly_on_broken_pipe
def sources(fmt: str, db: str | None) -> None:
    """List claimants: claims, mentions, first and last as_of, outlets that published or relayed them."""
    ledger = _open(db, write=False)
    rows = ledger.sources()
    ledger.close()
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    _table(("claimant", "side", "claims", "mentions", "first", "last", "outlets"),
           [(r["claimant"] or "(unattributed)", r["side"] or "", r["claims"], r["mentions"], r["first_claim"] or "",
             r["last_claim"] or "", _snippet(", ".join(r["outlets"] + [f"via {v}" for v in r["via"]]), 50))
            for r in rows])


@click.command(short_help="Show one claim and every mention of it.")
@click.argument("claim_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
@_exit_quietly_on_broken_pipe
def show(claim_id: int, fmt: str, db: str | None) -> None:
    """Show a claim: its key fields, then each mention with outlet, URL, date and evidence sentence."""
    ledger = _open(db, write=False)
    c = ledger.claim(claim_id, inferred=True)
    ledger.close()
    if c is None:
        _fail(f"no claim {claim_id}")
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(c, ensure_ascii=False, indent=2, default=str))
        return
    period = f" (period {c['period_start'] or '…'} – {c['period_end'] or '…'})" if c["period_end"] else ""
    click.echo(f"claim {c['id']}: {c['claimant'] or '(unattributed)'}: {c['side']} {c['category']} "
               f"{format_number(SimpleNamespace(**c))} as of {_as_of(c) or 'unknown'}{period}")
    click.echo(f"  {c['population']}, {c['qualifier']}, {c['modality']}, {c['stance']}; "
               f"{c['mention_count']} mentions in {c['outlets']} outlets")
    if c["as_of_inferred"]:
        click.echo(f"  date inferred: {c['as_of_evidence']}")
    for m in c["mentions"]:
        where = ", ".join(x for x in (m["outlet"], m["published"], m["url"] or m["doc"]) if x)
        via = f" via {', '.join(m['via'])}" if m["via"] else ""
        click.echo(f"\n  [{m['id']}] {where}{via}\n      {m['claimant'] or '(no claimant)'}: "
                   f"“{' '.join(m['evidence'].split())}” [{m['evidence_start']}:{m['evidence_end']}]")


@click.command(short_help="Write all claims or mentions to a CSV, JSON Lines or Parquet file.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), required=True)
@click.option("--out", required=True, metavar="FILE", help="Output file ('-' for stdout, not for parquet).")
@click.option("--what", type=click.Choice(["claims", "mentions"]), default="claims", show_default=True,
              help="claims: one row per merged claim (claims_view); mentions: one spec record per mention.")
@db_option
@_exit_quietly_on_broken_pipe
def export(fmt: str, out: str, what: str, db: str | None) -> None:
    """Export the ledger's claims (or mentions) for analysis elsewhere."""
    from lossledger.export import write

    if out == "-" and fmt == "parquet":
        raise click.BadParameter("parquet needs a file", param_hint="--out")
    ledger = _open(db, write=False)
    try:
        n = write(ledger.rows(what), fmt, sys.stdout if out == "-" else out)
    except BrokenPipeError:
        raise
    except OSError as exc:
        _fail(f"{out}: {exc.strerror or exc}")
        sys.exit(1)
    finally:
        ledger.close()
    click.echo(f"{n} {what} written to {out}", err=True)


@click.command(short_help="Re-run extraction on every stored document.")
@db_option
def reextract(db: str | None) -> None:
    """Re-extract every document's claims with the current extractor, updating mentions in place.

    Claim and mention ids stay where the merge key and evidence position did not change.
    """
    ledger = _open(db, write=True)
    with _progress() as progress:
        task = progress.add_task("re-extracting", total=None, claims=0)
        totals = ledger.reextract(on_document=lambda *_: progress.update(task, advance=1))
    ledger.close()
    click.echo(f"{totals['documents']} documents: {totals['kept']} mentions kept, {totals['added']} added, "
               f"{totals['removed']} removed; {totals['claims_removed']} claims without mentions removed")


@click.group()
def db() -> None:
    """Manage the ledger database."""


@db.command()
@db_option
def upgrade(db: str | None) -> None:
    """Create the ledger's tables, or upgrade them to the newest schema."""
    from sqlalchemy.exc import SQLAlchemyError

    from lossledger.store.engine import make_engine, resolve_url
    from lossledger.store.migrate import upgrade as run_upgrade

    url = resolve_url(db)
    engine = make_engine(url)
    try:
        revision = run_upgrade(engine)
    except SQLAlchemyError as exc:
        _fail(f"cannot upgrade {url}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
        sys.exit(1)
    finally:
        engine.dispose()
    click.echo(f"{engine.url.render_as_string(hide_password=True)}: schema at revision {revision}")


def _as_of(claim: dict[str, Any]) -> str:
    """A claim's as_of for display, `(inferred)` after a date that `lossledger infer-dates` inferred."""
    return (claim["as_of"] or "") + (" (inferred)" if claim.get("as_of_inferred") else "")


def _table(columns: tuple[str, ...], rows: list[tuple]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not console.is_terminal:
        console.width = 200  # a pipe or file gets whole lines, not 80 columns
    table = Table()
    for name in columns:
        table.add_column(name, justify="right" if name in ("id", "number", "mentions", "outlets", "claims") else "left",
                         no_wrap=name in ("number", "as_of", "first", "last", "category", "side"))
    for row in rows:
        table.add_row(*(Text(str(cell)) for cell in row))  # Text: names from articles are not Rich markup
    console.print(table)
