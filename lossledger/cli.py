"""The `lossledger` command line: a thin Click skin over read, extract and evaluate."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from lossledger.errors import LossledgerError, ReadError
from lossledger.model import Article, Claim
from lossledger.version import __version__

_PLAIN_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
_SIGNS = {"exact": "", "approx": "~", "at_least": "≥", "at_most": "≤", "range": "", "vague": "~"}
_RATES = {"per_day": "/day", "per_week": "/week", "per_month": "/month"}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="lossledger")
def cli() -> None:
    """Lossledger: extract quantified war-loss claims from news articles."""


# --- shared options ---------------------------------------------------------------------------

def _check_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from lossledger.read import normalize_date

    if value is None:
        return None
    date = normalize_date(value) if _PLAIN_DATE.fullmatch(value) else None
    if date is None:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD (or YYYY-MM)")
    return date


def _check_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None or value == "auto":
        return value
    from lossledger.lang import languages

    code = value.lower()
    if code not in languages():
        raise click.BadParameter(f"{value!r}: no such language pack (have: {', '.join(languages())}, auto)")
    return code


def input_options(fn: Callable) -> Callable:
    """Add the options every command that reads articles shares: --published, --lang, --max-size."""
    for decorator in reversed((
        click.option("--published", metavar="YYYY-MM-DD", callback=_check_published,
                     help="Publication date for every input (overrides what the input says)."),
        click.option("--lang", metavar="CODE|auto", callback=_check_lang,
                     help="Language of every input (a pack code, see `lossledger langs`), or auto to "
                          "detect it. Default: the input's own hint, else detect."),
        click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=20.0,
                     show_default=True, metavar="MB", help="Refuse input files larger than this."),
    )):
        fn = decorator(fn)
    return fn


# --- the common loop --------------------------------------------------------------------------

@dataclasses.dataclass
class _Run:
    """Reads inputs, extracts claims per article, reports every failure on stderr."""

    published: str | None
    lang: str | None
    max_size: float
    failed: bool = False

    def report(self, message: str) -> None:
        self.failed = True
        click.echo(f"lossledger: {' '.join(message.splitlines())}", err=True)

    def claims(self, paths: tuple[str, ...]) -> Iterator[tuple[Article, list[Claim]]]:
        from lossledger import extract_article
        from lossledger.read import MB, read

        for item in read(paths, max_bytes=round(self.max_size * MB)):
            if isinstance(item, ReadError):
                self.report(str(item))
                continue
            article = self._override(item)
            try:
                found = extract_article(article)
            except Exception as exc:  # one bad document must not end the run
                detail = str(exc) if isinstance(exc, LossledgerError) else f"{type(exc).__name__}: {exc}"
                self.report(f"{article.source or article.doc}: extraction failed: {detail}")
                continue
            yield article, found

    def _override(self, article: Article) -> Article:
        changes: dict[str, Any] = {}
        if self.published is not None:
            changes["published"] = self.published
        if self.lang is not None:
            changes["lang"] = None if self.lang == "auto" else self.lang
        return dataclasses.replace(article, **changes) if changes else article


def _exit_quietly_on_broken_pipe(fn: Callable) -> Callable:
    """Let `lossledger extract ... | head` end without a traceback."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(1)
    return wrapper


# --- commands ---------------------------------------------------------------------------------

@cli.command(short_help="Extract loss claims from articles.")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_DIR...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="JSON Lines (one claim a line) or a table for reading.")
@click.option("--infer-dates", is_flag=True, help="Date undated claims as `lossledger infer-dates` does (the "
              "shipped General Staff series, or the claimant's own dated figure in this run); the output is then "
              "written at the end, dated ones marked as_of_inferred.")
@input_options
@_exit_quietly_on_broken_pipe
def extract(inputs: tuple[str, ...], fmt: str, infer_dates: bool, published: str | None, lang: str | None,
            max_size: float) -> None:
    """Extract loss claims from articles (.txt, .html, .jsonl files or directories of them).

    Each failed input is reported on stderr as `lossledger: PATH: problem`; the others go on.
    Exit status 1 when any input failed, else 0.
    """
    run = _Run(published, lang, max_size)
    rows: list[Claim] = []
    if infer_dates:
        from lossledger.analyse.dating import dated_claims

        dated = dated_claims(run.claims(inputs))
        if fmt == "jsonl":
            for _claim, record in dated:
                click.echo(json.dumps(record, ensure_ascii=False))
        else:
            _print_table([claim for claim, _record in dated])
        sys.exit(1 if run.failed else 0)
    for _article, found in run.claims(inputs):
        if fmt == "jsonl":
            for claim in found:
                click.echo(json.dumps(claim.to_dict(), ensure_ascii=False))
            sys.stdout.flush()
        else:
            rows.extend(found)
    if fmt == "table":
        _print_table(rows)
    sys.exit(1 if run.failed else 0)


@cli.command(short_help="Score extracted claims against gold claims.")
@click.argument("gold", type=click.Path(dir_okay=False), metavar="GOLD.jsonl")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_DIR...")
@click.option("--show-errors", is_flag=True, help="List false positives, misses and wrong attributes.")
@click.option("--by-lang", is_flag=True, help="Also report scores per language group of documents.")
@click.option("--prefix", metavar="P1,P2,...",
              help="Score only gold documents whose id starts with one of these (e.g. 0,en-,sv-).")
@input_options
@_exit_quietly_on_broken_pipe
def evaluate(gold: str, inputs: tuple[str, ...], show_errors: bool, by_lang: bool, prefix: str | None,
             published: str | None, lang: str | None, max_size: float) -> None:
    """Extract claims from the inputs and score them against the gold claims in GOLD.jsonl.

    Exit status 1 when any input failed, else 0; 2 when GOLD.jsonl is unusable.
    """
    gold_rows = _load_gold(gold)
    docs = None
    if prefix:
        prefixes = tuple(p for p in prefix.split(",") if p)
        docs = {str(g.get("doc")) for g in gold_rows if str(g.get("doc")).startswith(prefixes)}
    run = _Run(published, lang, max_size)
    pred_rows = [claim.to_dict() for _article, found in run.claims(inputs) for claim in found]

    from lossledger.evaluate import format_report, score

    result = score(gold_rows, pred_rows, docs=docs)
    click.echo(format_report(result, show_errors=show_errors, by_lang=by_lang, gold_rows=gold_rows,
                             pred_rows=pred_rows))
    sys.exit(1 if run.failed else 0)


@cli.command()
def langs() -> None:
    """List the language packs (code and name)."""
    from lossledger.lang import get_pack, languages

    broken = False
    for code in languages():
        try:
            name = get_pack(code).section("meta").get("name")
        except LossledgerError as exc:
            click.echo(f"lossledger: {exc}", err=True)
            broken = True
            continue
        click.echo(f"{code}\t{name or ''}".rstrip())
    sys.exit(1 if broken else 0)


# --- helpers ----------------------------------------------------------------------------------

def _load_gold(path: str) -> list[dict]:
    """Return the gold rows of a JSON Lines file, or stop with a usage error naming the bad line."""
    from lossledger.read import MB, decode, load_bytes

    def bad(problem: str) -> click.BadParameter:
        return click.BadParameter(problem, param_hint="GOLD.jsonl")

    try:
        text = decode(load_bytes(path, max_bytes=1024 * MB), path)
    except ReadError as err:
        raise bad(str(err)) from None
    rows = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise bad(f"{path}:{number}: not JSON ({exc})") from None
        if not isinstance(row, dict):
            raise bad(f"{path}:{number}: not a JSON object")
        rows.append(row)
    return rows


def format_number(claim: Claim) -> str:
    """Return a claim's number for display: `10,933`, `≥700,000`, `500,000–600,000`, `~693/day`."""
    if claim.value is not None and claim.qualifier not in ("range", "vague"):
        text = _SIGNS.get(claim.qualifier, "") + _num(claim.value)
    else:
        low = "" if claim.low is None else _num(claim.low)
        high = "" if claim.high is None else _num(claim.high)
        text = _SIGNS.get(claim.qualifier, "") + f"{low}–{high}"
    return text + _RATES.get(claim.metric, "")


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def _snippet(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _print_table(rows: list[Claim]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False)
    for name, justify in (("doc", "left"), ("number", "right"), ("category", "left"), ("side", "left"),
                          ("claimant", "left"), ("as_of", "left"), ("evidence", "left")):
        table.add_column(name, justify=justify)
    for c in rows:
        evidence = _snippet(c.evidence.text) if c.evidence else ""
        as_of = (c.as_of or "") + (" (inferred)" if c.as_of and c.as_of_inferred else "")
        cells = (c.doc, format_number(c), c.category, c.side, c.claimant or "", as_of, evidence)
        table.add_row(*(Text(str(cell)) for cell in cells))  # Text: article words are not Rich markup
    Console().print(table)

from lossledger.store.cli import register  # noqa: E402  (the ledger commands: ingest, watch, claims, ...)

register(cli)
from lossledger.analyse.cli import register as register_analyse  # noqa: E402  (series, check, reconcile)

register_analyse(cli)
from lossledger.serve.cli import register as register_serve  # noqa: E402  (serve, users, review)

register_serve(cli)
