"""The analysis commands: `series import|list|show`, `check`, `infer-dates`, `reconcile` and `report`.

They work on the ledger (`--db`, resolved as by the ledger's own commands); `--claims FILE` reads claims from a
JSON Lines file instead, and `--series-dir DIR` keeps series in a directory of JSON files instead.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from lossledger.analyse.claims import Claim, span
from lossledger.analyse.series import KINDS, Series, SeriesError
from lossledger.model import CATEGORIES
from lossledger.store.cli import db_option

if TYPE_CHECKING:
    from lossledger.analyse.ledger import Store

_MB = 1024 * 1024


def register(cli: click.Group) -> None:
    """Add `series`, `check` and `reconcile` to the `lossledger` command group."""
    for command in (series, check, infer_dates, reconcile, report):
        cli.add_command(command)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    sp = span(value)
    if sp is None:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD")
    return sp[1]


def store_options(fn: Callable) -> Callable:
    """--db URL (the ledger, default) and --series-dir DIR (series in JSON files instead)."""
    fn = click.option("--series-dir", type=click.Path(file_okay=False), metavar="DIR",
                      help="Keep series in this directory of JSON files instead of the ledger.")(fn)
    return db_option(fn)


def fetch_options(fn: Callable) -> Callable:
    """--max-size and --timeout for reading a SOURCE file or URL."""
    fn = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
                      metavar="S", help="Give up on a URL after this many seconds.")(fn)
    return click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=50.0,
                        show_default=True, metavar="MB", help="Refuse a source larger than this.")(fn)


def claims_options(fn: Callable) -> Callable:
    """--claims FILE: analyse the claims of a JSON Lines file instead of the ledger's."""
    return click.option("--claims", "claims_path", type=click.Path(dir_okay=False, exists=True),
                        metavar="FILE.jsonl", help="Claims as written by `lossledger extract` (JSON Lines), "
                        "instead of the ledger's.")(fn)


def _fail(exc: Exception) -> None:
    click.echo(f"lossledger: {' '.join(str(exc).splitlines())}", err=True)
    sys.exit(2)


def _open(db: str | None, series_dir: str | None, claims_path: str | None = None, *,
          create: bool = False) -> Store:
    """The stores a command works on; exits with one line when the ledger cannot be opened."""
    from lossledger.analyse.ledger import Store

    try:
        return Store.open(db, series_dir, claims_path, create=create)
    except (*_errors(), ValueError, ImportError) as exc:
        _fail(exc)
    raise AssertionError  # unreachable


def _errors() -> tuple[type[Exception], ...]:
    """What a storage operation may raise that is the user's to fix: one line, not a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from lossledger.analyse.ledger import LedgerMissing

    return SeriesError, LedgerMissing, SQLAlchemyError


# --- series -----------------------------------------------------------------------------------------------------

@click.group()
def series() -> None:
    """Reference series: import, list and show them."""


@series.group(name="import")
def import_() -> None:
    """Import a reference series into the ledger (or --series-dir), replacing one of the same name."""


def _save(db: str | None, series_dir: str | None, imported: list[Series], shown: int = 5) -> None:
    store = _open(db, series_dir, create=True)
    try:
        store.series.save_series(imported)
    except _errors() as exc:
        _fail(exc)
    finally:
        store.close()
    for s in imported:
        kinds: dict[str, int] = {}
        for p in s.problems:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "no problems"
        click.echo(f"{s.name}\t{s.side}\t{s.category}\t{s.kind}\t{len(s.points)} points {s.first}…{s.last}\t{summary}")
    seen: set[str] = set()
    problems = [(s, p) for s in imported for p in s.problems if not (p.message in seen or seen.add(p.message))]
    for s, p in problems[:shown]:
        click.echo(f"lossledger: {s.name} {s.side} {s.category}: {p.kind}: {p.message}", err=True)
    if len(problems) > shown:
        click.echo(f"lossledger: … {len(problems) - shown} more; see `lossledger series show NAME --problems`",
                   err=True)


@import_.command(name="general-staff")
@click.argument("sources", nargs=-1, metavar="[SOURCE...]")
@store_options
@fetch_options
def import_general_staff(sources: tuple[str, ...], db: str | None, series_dir: str | None, max_size: float,
        timeout: float) -> None:
    """Ukraine's General Staff daily cumulative Russian losses (personnel and 13 equipment categories).

    SOURCE: a file, directory or http(s) URL in the format of the public dataset (personnel.csv /
    equipment.csv, or the upstream russia_losses_*.json); several are merged. With none, the snapshot
    shipped in the package is loaded (works offline).
    """
    from lossledger.analyse.importers import import_general_staff as run

    try:
        _save(db, series_dir, run(sources, max_bytes=round(max_size * _MB), timeout=timeout))
    except SeriesError as exc:
        _fail(exc)


@import_.command(name="oryx")
@click.argument("source")
@click.option("--side", type=click.Choice(["russia", "ukraine"]), help="Side of a wide file whose name doesn't say.")
@store_options
@fetch_options
def import_oryx(source: str, side: str | None, db: str | None, series_dir: str | None, max_size: float,
        timeout: float) -> None:
    """Oryx's visually confirmed equipment losses (a confirmed floor), from a wide or long totals file."""
    from lossledger.analyse.importers import import_oryx as run

    try:
        _save(db, series_dir, run(source, side=side, max_bytes=round(max_size * _MB), timeout=timeout))
    except SeriesError as exc:
        _fail(exc)


@import_.command(name="mediazona")
@click.argument("source")
@store_options
@fetch_options
def import_mediazona(source: str, db: str | None, series_dir: str | None, max_size: float,
        timeout: float) -> None:
    """Mediazona/BBC's count of named Russian military deaths (a confirmed floor that lags the deaths)."""
    from lossledger.analyse.importers import import_mediazona as run

    try:
        _save(db, series_dir, run(source, max_bytes=round(max_size * _MB), timeout=timeout))
    except SeriesError as exc:
        _fail(exc)


@import_.command(name="csv")
@click.argument("source")
@click.option("--name", required=True, help="Series name (letters, digits, '.', '_', '-').")
@click.option("--side", required=True, help="Whose losses: russia, ukraine, ...")
@click.option("--category", required=True, type=click.Choice(CATEGORIES), help="Spec category.")
@click.option("--date-col", default="date", show_default=True, help="Column of ISO dates.")
@click.option("--value-col", default="value", show_default=True, help="Column of values.")
@click.option("--kind", type=click.Choice(KINDS), default="estimate", show_default=True, help="What the values are.")
@click.option("--claimant", help="Whose figures these are (its family is compared with claims of that family).")
@click.option("--not-cumulative", is_flag=True, help="Values are not running totals (a fall is no correction).")
@click.option("--max-gap", type=click.IntRange(min=1), metavar="DAYS",
              help="Longest expected distance between dates (default: 1.5 × the median).")
@store_options
@fetch_options
def import_csv(source: str, name: str, side: str, category: str, date_col: str, value_col: str, kind: Any,
               claimant: str | None, not_cumulative: bool, max_gap: int | None, db: str | None, series_dir: str | None,
               max_size: float, timeout: float) -> None:
    """Any series from a CSV file or URL with a date column and a value column."""
    from lossledger.analyse.importers import import_csv as run

    try:
        _save(db, series_dir, run(source, name=name, side=side.lower(), category=category, date_col=date_col,
                              value_col=value_col, kind=kind, claimant=claimant, cumulative=not not_cumulative,
                              max_step=max_gap, max_bytes=round(max_size * _MB), timeout=timeout))
    except SeriesError as exc:
        _fail(exc)


@series.command(name="list")
@store_options
def list_(db: str | None, series_dir: str | None) -> None:
    """List the imported series: name, side, category, kind, points, range, problems."""
    found = _read(_open(db, series_dir), lambda st: st.series.load_series())
    for s in found:
        click.echo(f"{s.name}\t{s.side}\t{s.category}\t{s.kind}\t{len(s.points)}\t{s.first}\t{s.last}\t"
                   f"{len(s.problems)} problems")


@series.command(name="show")
@click.argument("name")
@click.option("--category", type=click.Choice(CATEGORIES), help="Only this category.")
@click.option("--side", help="Only this side.")
@click.option("--problems", is_flag=True, help="List the import problems instead of the points.")
@click.option("--from", "start", callback=_date, metavar="YYYY-MM-DD", help="First date shown.")
@click.option("--to", "end", callback=_date, metavar="YYYY-MM-DD", help="Last date shown.")
@store_options
def show(name: str, category: str | None, side: str | None, problems: bool, start: date | None, end: date | None,
         db: str | None, series_dir: str | None) -> None:
    """Show one series' points (date, value) or its import problems."""
    found = _read(_open(db, series_dir), lambda st: st.series.load_series(name, side=side, category=category))
    if not found:
        _fail(SeriesError(f"no series {name!r}" + (f" with category {category}" if category else "")
                          + " (see `lossledger series list`)"))
    for s in found:
        click.echo(f"# {s.name} {s.side} {s.category} ({s.kind}); source: {s.source}" + (f"; {s.note}" if s.note
                                                                                         else ""))
        if problems:
            for p in s.problems:
                click.echo(f"{p.kind}\t{p.date or ''}\t{p.message}")
            continue
        for d, v in s.points.items():
            if (start is None or d >= start) and (end is None or d <= end):
                click.echo(f"{d}\t{int(v) if v.is_integer() else v}")


def _read(store: Store, get: Callable[[Store], Any]) -> Any:
    """Run `get(store)`, close the store, and turn a storage error into one line and exit 2."""
    try:
        return get(store)
    except _errors() as exc:
        _fail(exc)
    finally:
        store.close()


def _load(store: Store, side: str | None = None) -> tuple[list[Claim], list[Series]]:
    """The claims and series of a store (series of one side, when given)."""
    return list(store.claims.claims()), store.series.load_series(side=side)


# --- check, infer-dates, reconcile ------------------------------------------------------------------------------

@click.command(short_help="Check claims against series, each other and themselves.")
@claims_options
@click.option("--claimant", help="Only findings about this claimant (any alias).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="A plain-text table, or one JSON finding a line.")
@click.option("--today", callback=_date, metavar="YYYY-MM-DD", help="The date projections are due by (default: today).")
@click.option("--infer-dates", "infer", is_flag=True, help="First date undated claims (as `lossledger infer-dates`).")
@click.option("--fail-on", type=click.Choice(["inconsistent", "unverifiable"]),
              help="Exit 1 when a finding shown is inconsistent (or, with unverifiable, not consistent).")
@store_options
def check(claims_path: str | None, claimant: str | None, fmt: str, today: date | None, infer: bool,
          fail_on: str | None, db: str | None, series_dir: str | None) -> None:
    """Run the consistency checks on the ledger's claims (or FILE.jsonl's) with the imported series.

    Each finding has a verdict (consistent, inconsistent, unverifiable), the numbers behind it and the claims
    involved (ledger claim ids; for a file, DOC#N unless it gives ids). On the ledger, every finding of the run
    is stored in its findings table, replacing those of the previous run.
    """
    from lossledger.analyse.consistency import check_all
    from lossledger.analyse.report import check_report, render_text

    store = _open(db, series_dir, claims_path)
    try:
        if infer:
            _infer(store, show=False)
        claims, found = _load(store)
        every = check_all(claims, found, today=today)
        if store.ledger is not None:
            n = store.ledger.save_findings(every)
            click.echo(f"lossledger: {n} findings stored in the ledger (replacing the previous check)", err=True)
    except _errors() as exc:
        _fail(exc)
    finally:
        store.close()
    findings = check_all(claims, found, today=today, claimant=claimant) if claimant else every
    if fmt == "jsonl":
        for f in findings:
            click.echo(json.dumps(f.to_dict(), ensure_ascii=False))
    else:
        click.echo(render_text(check_report(claims, found, findings=findings), width=60), nl=False)
    bad = {"inconsistent"} if fail_on == "inconsistent" else {"inconsistent", "unverifiable"} if fail_on else set()
    if any(f.verdict in bad for f in findings):
        sys.exit(1)


def _infer(store: Store, *, show: bool = True) -> int:
    """Infer dates for the undated claims; on the ledger, store them (replacing earlier ones). Return the count."""
    from lossledger.analyse.dating import infer_dates as run

    claims = list(store.ledger.claims(inferred=False) if store.ledger else store.claims.claims())
    found = run(claims, store.series.load_series())
    if show:
        for i in found:
            click.echo(f"{i.claim_id}\t{i.as_of}\t{i.method}\t{i.evidence}")
    undated = sum(not c.get("as_of") for c in claims)
    where = ""
    if store.ledger is not None:
        store.ledger.save_inferred(found)
        where = " (stored in the ledger as inferred, replacing earlier ones)"
    click.echo(f"lossledger: {len(found)} of {undated} undated claims dated{where}", err=True)
    return len(found)


@click.command(name="infer-dates", short_help="Date undated claims from the series and claimants' own figures.")
@claims_options
@store_options
def infer_dates(claims_path: str | None, db: str | None, series_dir: str | None) -> None:
    """Give an undated claim the date on which a reference series (or its claimant, on another date) stood at
    its figure: one line per claim dated (id, date, method, evidence).

    On the ledger the dates are stored as inferred (`as_of_inferred: true` in the records the checks read); a
    stated date is never replaced. The figure must be an exact count of at least 1,000 that the series held
    on one day (or up to 3 days in a row); two series giving two dates leave the claim undated.
    """
    _read(_open(db, series_dir, claims_path), _infer)


@click.command(short_help="Consensus band and claimant bias for a side and category.")
@claims_options
@click.option("--side", required=True, help="Whose losses: russia, ukraine, ...")
@click.option("--category", required=True, type=click.Choice(CATEGORIES), help="Spec category.")
@click.option("--at", callback=_date, metavar="YYYY-MM-DD",
              help="The date of the band (default: the latest as_of among the claims of that side and category).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A plain-text report, or JSON.")
@store_options
def reconcile(claims_path: str | None, side: str, category: str, at: date | None, fmt: str, db: str | None,
              series_dir: str | None) -> None:
    """The consensus band (one figure per independent claimant family) and each claimant's bias."""
    from lossledger.analyse.report import reconcile_report, render_text

    claims, found = _read(_open(db, series_dir, claims_path), lambda st: _load(st, side))
    at = at or _latest(claims, side, category)
    if at is None:
        _fail(SeriesError(f"no dated {side} {category} claim in {claims_path or 'the ledger'}; give --at"))
    report = reconcile_report(claims, found, side, category, at)  # type: ignore[arg-type]
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(render_text(report), nl=False)


@click.command(short_help="Write a self-contained HTML (or Markdown) report of claims, checks and bias.")
@claims_options
@click.option("--side", help="Only this side (default: every side with claims).")
@click.option("--category", type=click.Choice(CATEGORIES), help="Only this category.")
@click.option("--out", required=True, metavar="FILE", help="Output file ('-' for stdout).")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("--today", callback=_date, metavar="YYYY-MM-DD", help="The date projections are due by (default: today).")
@click.option("--top", type=click.IntRange(min=1), default=12, show_default=True,
              help="At most this many side/category sections, most claimed first.")
@store_options
def report(claims_path: str | None, side: str | None, category: str | None, out: str, fmt: str,
           today: date | None, top: int, db: str | None, series_dir: str | None) -> None:
    """Per side and category: a timeline of every claim over the reference series and the consensus band,
    then the findings and each claimant's bias. The HTML file works offline (inline SVG, no scripts)."""
    from lossledger.analyse.html import build, render_html, render_md

    claims, found = _read(_open(db, series_dir, claims_path), _load)
    doc = build(claims, found, side=side, category=category, today=today, top=top)
    text = render_html(doc) if fmt == "html" else render_md(doc)
    if out == "-":
        click.echo(text, nl=False)
        return
    try:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        _fail(SeriesError(f"{out}: {exc.strerror or exc}"))
    click.echo(f"lossledger: report on {len(doc.sections)} side/category sections, {len(doc.findings)} findings "
               f"written to {out}", err=True)


def _latest(claims: list[Claim], side: str, category: str) -> date | None:
    from lossledger.analyse.claims import as_of_span, group

    ends = [sp[1] for c in claims if c.get("side") == side and group(c.get("category")) == group(category)
            and (sp := as_of_span(c))]
    return max(ends, default=None)
