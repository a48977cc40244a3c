"""Jinja2 for the dashboard: autoescaped templates, number and date filters, and `render` with the user and CSRF."""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"
SIGNS = {"approx": "~", "at_least": "≥", "at_most": "≤"}
RATES = {"per_day": "/day", "per_week": "/week", "per_month": "/month"}


def num(x: Any) -> str:
    """A number for a person: `1,000,340`, `693.5`, `–` for none."""
    if x is None:
        return "–"
    x = float(x)
    if math.isinf(x):
        return "∞"
    return f"{round(x):,}" if abs(x - round(x)) < 1e-9 or abs(x) >= 1000 else f"{x:,.1f}"


def figure(c: dict[str, Any]) -> str:
    """A claim's number as stated: `10,933`, `≥700,000`, `500,000–600,000`, `~693/day`."""
    if c.get("qualifier") in ("range", "vague"):
        text = f"{num(c.get('low'))}–{num(c.get('high'))}"
    else:
        text = SIGNS.get(c.get("qualifier") or "", "") + num(c.get("value"))
    return text + RATES.get(c.get("metric") or "", "")


def highlight(text: str, start: int, end: int, context: int = 1500) -> Markup:
    """The document text around [start, end) with that span in <mark>, everything escaped; long texts cut."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo, hi = max(0, start - context), min(len(text), end + context)
    before = ("… " if lo else "") + text[lo:start]
    after = text[end:hi] + (" …" if hi < len(text) else "")
    return Markup(f"{escape(before)}<mark id=\"evidence\">{escape(text[start:end])}</mark>{escape(after)}")


@functools.cache
def environment() -> Environment:
    """The dashboard's Jinja2 environment (autoescape on for every template)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True,
                      default_for_string=True), trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=num, figure=figure)
    env.globals.update(highlight=highlight)
    return env


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render a template with `request`, `user`, `csrf` and `settings` added to `context`."""
    from lossledger.serve.deps import current_user

    user = current_user(request)
    page = environment().get_template(name).render(request=request, user=user, csrf=request.state.csrf,
                                                    settings=request.app.state.settings, **context)
    return HTMLResponse(page, status_code=status_code, headers={"cache-control": "no-store"})
