"""The analysis commands: `series import|list|show`, `check` and `reconcile`, a thin skin over the library."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from lossledger.analyse.claims import Claim, span
from lossledger.analyse.series import KINDS, Series, SeriesError
from lossledger.analyse.store import DEFAULT_SERIES_DIR, AnalysisStore, FileStore
from lossledger.model import CATEGORIES

_MB = 1024 * 1024


def register(cli: click.Group) -> None:
    """Add `series`, `check` and `reconcile` to the `lossledger` command group."""
    for command in (series, check, reconcile):
        cli.add_command(command)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    sp = span(value)
    if sp is None:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD")
    return sp[1]


def store_options(fn: Callable) -> Callable:
    """--series-dir: where imported series are kept (until they live in the ledger)."""
    return click.option("--series-dir", default=DEFAULT_SERIES_DIR, show_default=True, envvar="LOSSLEDGER_SERIES_DIR",
                        type=click.Path(file_okay=False), help="Directory of imported series "
                        "(env LOSSLEDGER_SERIES_DIR).")(fn)


def fetch_options(fn: Callable) -> Callable:
    """--max-size and --timeout for reading a SOURCE file or URL."""
    fn = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
                      metavar="S", help="Give up on a URL after this many seconds.")(fn)
    return click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=50.0,
                        show_default=True, metavar="MB", help="Refuse a source larger than this.")(fn)


def claims_options(fn: Callable) -> Callable:
    """--claims FILE: the JSON Lines claims to analyse (as written by `lossledger extract`)."""
    return click.option("--claims", "claims_path", required=True, type=click.Path(dir_okay=False, exists=True),
                        metavar="FILE.jsonl", help="Claims as written by `lossledger extract` (JSON Lines).")(fn)


def _fail(exc: Exception) -> None:
    click.echo(f"lossledger: {' '.join(str(exc).splitlines())}", err=True)
    sys.exit(2)


def _open(series_dir: str, claims_path: str | None = None) -> AnalysisStore:
    return FileStore(series_dir, claims_path)


# --- series -----------------------------------------------------------------------------------------------------

@click.group()
def series() -> None:
    """Reference series: import, list and show them."""


@series.group(name="import")
def import_() -> None:
    """Import a reference series (stored under --series-dir, replacing one of the same name)."""


def _save(series_dir: str, imported: list[Series], shown: int = 5) -> None:
    _open(series_dir).save_series(imported)
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
def import_general_staff(sources: tuple[str, ...], series_dir: str, max_size: float, timeout: float) -> None:
    """Ukraine's General Staff daily cumulative Russian losses (personnel and 13 equipment categories).

    SOURCE: a file, directory or http(s) URL in the format of the public dataset (personnel.csv /
    equipment.csv, or the upstream russia_losses_*.json); several are merged. With none, the snapshot
    shipped in the package is loaded (works offline).
    """
    from lossledger.analyse.importers import import_general_staff as run

    try:
        _save(series_dir, run(sources, max_bytes=round(max_size * _MB), timeout=timeout))
    except SeriesError as exc:
        _fail(exc)


@import_.command(name="oryx")
@click.argument("source")
@click.option("--side", type=click.Choice(["russia", "ukraine"]), help="Side of a wide file whose name doesn't say.")
@store_options
@fetch_options
def import_oryx(source: str, side: str | None, series_dir: str, max_size: float, timeout: float) -> None:
    """Oryx's visually confirmed equipment losses (a confirmed floor), from a wide or long totals file."""
    from lossledger.analyse.importers import import_oryx as run

    try:
        _save(series_dir, run(source, side=side, max_bytes=round(max_size * _MB), timeout=timeout))
    except SeriesError as exc:
        _fail(exc)


@import_.command(name="mediazona")
@click.argument("source")
@store_options
@fetch_options
def import_mediazona(source: str, series_dir: str, max_size: float, timeout: float) -> None:
    """Mediazona/BBC's count of named Russian military deaths (a confirmed floor that lags the deaths)."""
    from lossledger.analyse.importers import import_mediazona as run

    try:
        _save(series_dir, run(source, max_bytes=round(max_size * _MB), timeout=timeout))
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
               claimant: str | None, not_cumulative: bool, max_gap: int | None, series_dir: str, max_size: float,
               timeout: float) -> None:
    """Any series from a CSV file or URL with a date column and a value column."""
    from lossledger.analyse.importers import import_csv as run

    try:
        _save(series_dir, run(source, name=name, side=side.lower(), category=category, date_col=date_col,
                              value_col=value_col, kind=kind, claimant=claimant, cumulative=not not_cumulative,
                              max_step=max_gap, max_bytes=round(max_size * _MB), timeout=timeout))
    except SeriesError as exc:
        _fail(exc)


@series.command(name="list")
@store_options
def list_(series_dir: str) -> None:
    """List the imported series: name, side, category, kind, points, range, problems."""
    try:
        found = _open(series_dir).load_series()
    except SeriesError as exc:
        _fail(exc)
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
         series_dir: str) -> None:
    """Show one series' points (date, value) or its import problems."""
    try:
        found = _open(series_dir).load_series(name, side=side, category=category)
    except SeriesError as exc:
        _fail(exc)
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


# --- check and reconcile ----------------------------------------------------------------------------------------

@click.command(short_help="Check claims against series, each other and themselves.")
@claims_options
@click.option("--claimant", help="Only findings about this claimant (any alias).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="A plain-text table, or one JSON finding a line.")
@click.option("--today", callback=_date, metavar="YYYY-MM-DD", help="The date projections are due by (default: today).")
@store_options
def check(claims_path: str, claimant: str | None, fmt: str, today: date | None, series_dir: str) -> None:
    """Run the consistency checks on the claims of FILE.jsonl with the imported series.

    Each finding has a verdict (consistent, inconsistent, unverifiable), the numbers behind it and the claims
    involved (ids DOC#N, N counting a document's claims from 1, unless the file gives ids).
    """
    from lossledger.analyse.consistency import check_all
    from lossledger.analyse.report import check_report, render_text

    store = _open(series_dir, claims_path)
    try:
        claims = list(store.claims())
        found = store.load_series()
    except SeriesError as exc:
        _fail(exc)
    findings = check_all(claims, found, today=today, claimant=claimant)
    if fmt == "jsonl":
        for f in findings:
            click.echo(json.dumps(f.to_dict(), ensure_ascii=False))
    else:
        click.echo(render_text(check_report(claims, found, findings=findings), width=60), nl=False)


@click.command(short_help="Consensus band and claimant bias for a side and category.")
@claims_options
@click.option("--side", required=True, help="Whose losses: russia, ukraine, ...")
@click.option("--category", required=True, type=click.Choice(CATEGORIES), help="Spec category.")
@click.option("--at", callback=_date, metavar="YYYY-MM-DD",
              help="The date of the band (default: the latest as_of among the claims of that side and category).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A plain-text report, or JSON.")
@store_options
def reconcile(claims_path: str, side: str, category: str, at: date | None, fmt: str, series_dir: str) -> None:
    """The consensus band (one figure per independent claimant family) and each claimant's bias."""
    from lossledger.analyse.report import reconcile_report, render_text

    store = _open(series_dir, claims_path)
    try:
        claims = list(store.claims())
        found = store.load_series(side=side)
    except SeriesError as exc:
        _fail(exc)
    at = at or _latest(claims, side, category)
    if at is None:
        _fail(SeriesError(f"no dated {side} {category} claim in {claims_path}; give --at"))
    report = reconcile_report(claims, found, side, category, at)  # type: ignore[arg-type]
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(render_text(report), nl=False)


def _latest(claims: list[Claim], side: str, category: str) -> date | None:
    from lossledger.analyse.claims import as_of_span, group

    ends = [sp[1] for c in claims if c.get("side") == side and group(c.get("category")) == group(category)
            and (sp := as_of_span(c))]
    return max(ends, default=None)
