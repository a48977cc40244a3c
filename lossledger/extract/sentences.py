"""Sentence segmentation with character offsets, tuned for news text and its headlines."""

from __future__ import annotations

import re
from collections.abc import Collection

# A sentence ends at . ! ? (and closing quotes) followed by space and an upper-case letter (any
# script), digit or opening quote; or at a line break. Abbreviations such as "Mr." do not end one.
_BOUNDARY = re.compile(
    r"""(?:(?<=[.!?…])(["'”’»)]*)[ \t\u00a0]+(?=["'“‘«(\-–—]?([^\W_])))|\n+""")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|St|Jr|Sr|No|Nr|vol|ca|resp|bl\.a|t\.ex|d\.v\.s|"
    r"U\.S|U\.K|U\.N|E\.U|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|etc|vs|incl|mln|tys|ok|"
    r"тис|тыс|млн|млрд|ген|див|p|pp|Corp|Inc|Co|Ltd|Mio|Mrd|Tsd|bzw|z\.B|u\.a|env|Mme)|\b[A-Z])\.$")
_ORDINAL = re.compile(r"(?<![\d.,])\b\d{1,4}\.$")  # "am 2." before a month name: a date, not an end
_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\.$")


def split(text: str, months: Collection[str] = (), abbreviations: Collection[str] = ()) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of `text`, whitespace trimmed.

    `months` are month names and other nouns an ordinal number may stand before (lower-case): a number with a
    full stop before one ("2. März", "am 100. Tag des Krieges") is an ordinal. `abbreviations` are a
    language's words that a full stop does not end a sentence after (lower-case, no stop: "gen", "płk").
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(2) is not None and not (m.group(2).isupper() or m.group(2).isdigit()):
            continue
        if months and _ORDINAL.search(text, max(pos, m.start() - 4), m.start()):
            word = _WORD.match(text, m.end())
            if word and word.group().casefold() in months:
                continue
        if abbreviations and not m.group().startswith("\n"):
            last = _LAST_WORD.search(text, max(pos, m.start() - 12), m.start())
            if last and last.group(1).casefold() in abbreviations:
                continue
        if m.group().startswith("\n") or not _ABBREV.search(text, max(pos, m.start() - 12), m.start()):
            _add(text, pos, m.end(1) if m.group(1) is not None else m.start(), spans)
            pos = m.end()
    _add(text, pos, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
