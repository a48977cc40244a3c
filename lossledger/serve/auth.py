"""Users, passwords (argon2), browser sessions, API tokens and CSRF tokens, over the ledger's tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, insert, select, update

from lossledger.errors import LossledgerError
from lossledger.serve.tables import ROLES, api_tokens, sessions, users

# OWASP's recommended argon2id setting (19 MiB, 2 passes, 1 lane): argon2-cffi's default (64 MiB, 3 passes, 4 lanes)
# took 0.37 s per sign-in here, and every wrong password would cost the server as much.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# A hash verified when the user does not exist, so a wrong name takes as long as a wrong password.
_DUMMY = _hasher.hash("not a password")


class AuthError(LossledgerError):
    """A user could not be created or signed in; the message says why."""


@dataclass(frozen=True, slots=True)
class User:
    """A signed-in user as the app sees it."""

    id: int
    name: str
    role: str


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def digest(token: str) -> str:
    """Return the SHA-256 hex of a session or API token (what the tables keep)."""
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(engine: Engine, name: str, password: str, role: str = "reviewer") -> User:
    """Create a user with an argon2 hash of `password`.

    Raises:
        AuthError: bad role, empty or taken name, or a password shorter than 8 characters.
    """
    name = name.strip()
    if role not in ROLES:
        raise AuthError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not name or len(name) > 100:
        raise AuthError("a user name has 1 to 100 characters")
    if len(password) < 8:
        raise AuthError("a password has at least 8 characters")
    with engine.begin() as conn:
        if conn.scalar(select(users.c.id).where(users.c.name == name)) is not None:
            raise AuthError(f"user {name!r} exists already")
        uid = conn.execute(insert(users).values(name=name, role=role, password_hash=_hasher.hash(password),
                                                created_at=_now(), disabled=False)).inserted_primary_key[0]
    return User(uid, name, role)


def set_password(engine: Engine, name: str, password: str) -> None:
    """Replace a user's password and end the user's sessions."""
    if len(password) < 8:
        raise AuthError("a password has at least 8 characters")
    with engine.begin() as conn:
        uid = conn.scalar(select(users.c.id).where(users.c.name == name))
        if uid is None:
            raise AuthError(f"no user {name!r}")
        conn.execute(update(users).where(users.c.id == uid).values(password_hash=_hasher.hash(password)))
        conn.execute(delete(sessions).where(sessions.c.user_id == uid))


def list_users(engine: Engine) -> list[dict]:
    """Return every user (id, name, role, created_at, disabled), by name."""
    with engine.connect() as conn:
        rows = conn.execute(select(users.c.id, users.c.name, users.c.role, users.c.created_at, users.c.disabled)
                            .order_by(users.c.name)).mappings()
        return [dict(r) for r in rows]


def authenticate(engine: Engine, name: str, password: str) -> User | None:
    """Return the user when the name and password match (and the user is enabled), else None."""
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).mappings().first()
    try:
        if row is None:
            _hasher.verify(_DUMMY, password + "x")
            return None
        _hasher.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        return None
    return None if row["disabled"] else User(row["id"], row["name"], row["role"])


def start_session(engine: Engine, user: User, days: int) -> str:
    """Create a session for `user`; return the token for the cookie (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    now = _now()
    with engine.begin() as conn:
        conn.execute(delete(sessions).where(sessions.c.expires_at < now))
        conn.execute(insert(sessions).values(id=digest(token), user_id=user.id, created_at=now,
                                             expires_at=now + dt.timedelta(days=days)))
    return token


def end_session(engine: Engine, token: str) -> None:
    """Delete the session of a cookie token (nothing when unknown)."""
    with engine.begin() as conn:
        conn.execute(delete(sessions).where(sessions.c.id == digest(token)))


def session_user(engine: Engine, token: str | None) -> User | None:
    """Return the user of a live session token, else None."""
    if not token or len(token) > 200:
        return None
    stmt = (select(users.c.id, users.c.name, users.c.role, sessions.c.expires_at)
            .join(sessions, sessions.c.user_id == users.c.id)
            .where(sessions.c.id == digest(token), users.c.disabled.is_(False)))
    with engine.connect() as conn:
        row = conn.execute(stmt).first()
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=dt.UTC)  # SQLite: naive
    return User(row.id, row.name, row.role) if expires > _now() else None


def new_token(engine: Engine, name: str, label: str = "") -> str:
    """Create an API token for user `name`; return it (shown once; only its hash is stored)."""
    token = "ll_" + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        uid = conn.scalar(select(users.c.id).where(users.c.name == name))
        if uid is None:
            raise AuthError(f"no user {name!r}")
        conn.execute(insert(api_tokens).values(token_hash=digest(token), user_id=uid, label=label[:200],
                                               created_at=_now()))
    return token


def token_user(engine: Engine, token: str | None) -> User | None:
    """Return the user an API token belongs to, else None."""
    if not token or len(token) > 200:
        return None
    stmt = (select(users.c.id, users.c.name, users.c.role).join(api_tokens, api_tokens.c.user_id == users.c.id)
            .where(api_tokens.c.token_hash == digest(token), users.c.disabled.is_(False)))
    with engine.connect() as conn:
        row = conn.execute(stmt).first()
    return User(row.id, row.name, row.role) if row else None


def new_csrf() -> str:
    """Return a fresh CSRF token (kept in a cookie and echoed by every form)."""
    return secrets.token_urlsafe(24)


def csrf_ok(cookie: str | None, sent: str | None) -> bool:
    """Return whether the token a form or header sent equals the cookie's (compared in constant time)."""
    return bool(cookie and sent) and hmac.compare_digest(str(cookie), str(sent))
