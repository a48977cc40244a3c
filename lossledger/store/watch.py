"""Watch news feeds: poll each with conditional requests, ingest entries not yet in the ledger, round after round."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable

from lossledger.errors import ReadError
from lossledger.read.fetch import Fetcher
from lossledger.store.ingest import Ingester, feed_articles
from lossledger.store.ledger import Ledger

_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*", re.I)
_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Return seconds for `90`, `45s`, `30m`, `1h`, `1.5h` or `1d`.

    Raises:
        ValueError: not a duration.
    """
    m = _DURATION.fullmatch(text)
    if not m:
        raise ValueError(f"{text!r} is not a duration like 30s, 15m, 1h or 1d")
    return float(m.group(1)) * _UNITS[m.group(2).lower() if m.group(2) else None]


def poll(ledger: Ledger, fetcher: Fetcher, url: str, ingester: Ingester,
         log: Callable[[str], None]) -> bool:
    """Poll one feed once and ingest its new entries; return False when the feed itself failed."""
    from lossledger.read.feeds import parse_feed

    state = ledger.feed_state(url) or {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    try:
        resp = fetcher.get(url, headers=headers)
        if resp.status == 304:
            ledger.save_feed_state(url, status="304")
            log(f"{url}: not modified")
            return True
        entries = parse_feed(resp.content, url)
    except ReadError as err:
        ledger.save_feed_state(url, status=f"error: {err}")
        log(f"feed failed: {err}")
        return False
    # Validators are cleared now and stored only once every new entry is in: an interrupted or partly failed
    # round must not turn into a 304 that hides the entries still missing.
    ledger.save_feed_state(url, status=str(resp.status), validators=(None, None), entries=len(entries))
    known = ledger.known_urls([e.link for e in entries])
    fresh = [e for e in entries if e.link not in known]
    before = (ingester.stats.new + ingester.stats.unchanged, ingester.stats.new, ingester.stats.failed,
              ingester.stats.mentions)
    ingester.run(_entry_articles(fetcher, fresh))
    done, new, failed, mentions = (a - b for a, b in zip(
        (ingester.stats.new + ingester.stats.unchanged, ingester.stats.new, ingester.stats.failed,
         ingester.stats.mentions), before, strict=True))
    if done == len(fresh):
        ledger.save_feed_state(url, status=str(resp.status),
                               validators=(resp.headers.get("etag"), resp.headers.get("last-modified")))
    log(f"{url}: {len(entries)} entries, {len(fresh)} new; {new} documents added, {failed} failed, "
        f"{mentions} claim mentions")
    return True


def _entry_articles(fetcher: Fetcher, entries: list):  # type: ignore[no-untyped-def]
    from lossledger.store.ingest import _fetch

    for e in entries:
        yield _fetch(fetcher, e.link, e.published, e.title)


def watch(ledger: Ledger, fetcher: Fetcher, urls: list[str], *, every: float, rounds: int | None = None,
          ingester: Ingester, log: Callable[[str], None], stop: Callable[[], bool]) -> int:
    """Poll `urls` every `every` seconds until `stop()` or `rounds` rounds; return the number of failed feeds
    and documents over all rounds."""
    failures = 0
    done = 0
    while not stop():
        started = time.monotonic()
        done += 1
        log(f"round {done} at {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M:%S} UTC")
        before = ingester.stats.failed
        for url in urls:
            if stop():
                break
            failures += not poll(ledger, fetcher, url, ingester, log)
        failures += ingester.stats.failed - before
        if rounds is not None and done >= rounds:
            break
        while not stop() and time.monotonic() - started < every:
            time.sleep(min(0.2, every))
    return failures


__all__ = ["feed_articles", "parse_duration", "poll", "watch"]
