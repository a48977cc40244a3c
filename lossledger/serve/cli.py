"""The serving commands: `serve`, `users add|list|password|token` and `review export-gold`."""

from __future__ import annotations

import json
import sys

import click

from lossledger.store.cli import _open, db_option


def register(cli: click.Group) -> None:
    """Add `serve`, `users` and `review` to the `lossledger` command group."""
    for command in (serve, users, review):
        cli.add_command(command)


def _password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@click.command(short_help="Serve the REST API and the web dashboard.")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--series-dir", envvar="LOSSLEDGER_SERIES_DIR", type=click.Path(file_okay=False),
              help="Also read reference series files from this folder (the ledger's own series are always read).")
@click.option("--private/--open", "private", default=False, show_default=True,
              help="--private: reading needs a signed-in user too (default: reading is open, writing needs one).")
@click.option("--secure-cookies", is_flag=True, help="Mark cookies Secure (when served behind HTTPS).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="uvicorn worker processes.")
@click.option("--access-log/--no-access-log", default=True, show_default=True, help="Log every request.")
def serve(db: str | None, host: str, port: int, series_dir: str | None, private: bool, secure_cookies: bool,
          workers: int, access_log: bool) -> None:
    """Serve the ledger over HTTP: the API under /api (OpenAPI at /docs) and the dashboard at /."""
    import os

    import uvicorn

    ledger = _open(db, write=True)  # creates or upgrades the schema once, before the workers start
    url = ledger.url
    ledger.close()
    os.environ.update(LOSSLEDGER_DB=url, LOSSLEDGER_OPEN_READ="0" if private else "1",
                      LOSSLEDGER_SECURE_COOKIES="1" if secure_cookies else "0")
    if series_dir:
        os.environ["LOSSLEDGER_SERIES_DIR"] = series_dir
    click.echo(f"lossledger: serving {url} on http://{host}:{port}/ (API docs at /docs)", err=True)
    from lossledger.serve.nodelay import NoDelayH11

    uvicorn.run("lossledger.serve.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="info", server_header=False, proxy_headers=False, http=NoDelayH11, access_log=access_log)


@click.group()
def users() -> None:
    """Users who may sign in to review and ingest."""


@users.command(name="add")
@click.argument("name")
@click.option("--role", type=click.Choice(["reviewer", "admin"]), default="reviewer", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@db_option
def users_add(name: str, role: str, password_stdin: bool, db: str | None) -> None:
    """Create user NAME (the password is asked for, or read with --password-stdin)."""
    from lossledger.serve.auth import AuthError, add_user

    password = _password(password_stdin)
    ledger = _open(db, write=True)
    try:
        user = add_user(ledger.engine, name, password, role)
    except AuthError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        ledger.close()
    click.echo(f"user {user.name} ({user.role}) created")


@users.command(name="list")
@db_option
def users_list(db: str | None) -> None:
    """List the users."""
    from lossledger.serve.auth import list_users

    ledger = _open(db, write=False)
    for u in list_users(ledger.engine):
        click.echo(f"{u['name']}\t{u['role']}\t{u['created_at']:%Y-%m-%d}" + ("\tdisabled" if u["disabled"] else ""))


@users.command(name="password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@db_option
def users_password(name: str, password_stdin: bool, db: str | None) -> None:
    """Set a new password for NAME (ends its sessions)."""
    from lossledger.serve.auth import AuthError, set_password

    password = _password(password_stdin)
    ledger = _open(db, write=True)
    try:
        set_password(ledger.engine, name, password)
    except AuthError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"password of {name} changed")


@users.command(name="token")
@click.argument("name")
@click.option("--label", default="", help="What the token is for.")
@db_option
def users_token(name: str, label: str, db: str | None) -> None:
    """Create an API token for NAME and print it (once): send it as `Authorization: Bearer TOKEN`."""
    from lossledger.serve.auth import AuthError, new_token

    ledger = _open(db, write=True)
    try:
        click.echo(new_token(ledger.engine, name, label))
    except AuthError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
def review() -> None:
    """Reviewed claims."""


@review.command(name="export-gold")
@click.argument("out", type=click.File("w", encoding="utf-8"))
@click.option("--partial", is_flag=True, help="Also documents with claims not yet reviewed (their recall is not "
              "measurable).")
@db_option
def export_gold(out: click.utils.LazyFile, partial: bool, db: str | None) -> None:
    """Write reviewed claims as gold JSON Lines (spec/claims.md) to OUT, for `lossledger evaluate`.

    Confirmed and corrected claims become gold claims; rejected ones are left out. By default only documents
    whose every claim is reviewed are written; one whose claims were all rejected is written as `no_claims`.
    """
    from lossledger.serve.review import gold_rows

    ledger = _open(db, write=False)
    n = docs = 0
    seen = set()
    for row in gold_rows(ledger.engine, complete_only=not partial):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
        if row["doc"] not in seen:
            seen.add(row["doc"])
            docs += 1
    click.echo(f"{n} gold records from {docs} documents", err=True)
