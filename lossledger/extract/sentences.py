"""Sentence segmentation with character offsets, tuned for news text and its headlines."""

from __future__ import annotations

import re
from collections.abc import Collection

# A sentence ends at . ! ? (and closing quotes) followed by space and an upper-case letter (any
# script), digit or opening quote (French «, with its space); or at a line break. An initial or dotted
# acronym ("J.", "U.S.") and a language's abbreviations ("Mr.", "tys.", "z.B.": the pack's
# meta.abbreviations) do not end one.
_BOUNDARY = re.compile(
    r"""(?:(?<=[.!?…])(["'”’»)]*)[ \t\u00a0]+(?=(?:["'“‘„(\-–—]|«[ \u00a0\u202f]?)?([^\W_])))|\n+""")
_ORDINAL = re.compile(r"(?<![\d.,])\b\d{1,4}\.$")  # "am 2." before a month name: a date, not an end
_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"(?<![^\W\d_.])((?:[^\W\d_]+\.)*[^\W\d_]+)\.$")  # "Mr", "bl.a", "U.S"
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "J", "U.S": single letters joined by stops


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
        if not m.group().startswith("\n") and _abbreviated(text, pos, m.start(), abbreviations):
            continue
        _add(text, pos, m.end(1) if m.group(1) is not None else m.start(), spans)
        pos = m.end()
    _add(text, pos, len(text), spans)
    return spans


def _abbreviated(text: str, pos: int, stop: int, abbreviations: Collection[str]) -> bool:
    """Whether the full stop at `stop` closes an abbreviation, an initial or a dotted acronym."""
    last = _LAST_WORD.search(text, max(pos, stop - 12), stop)
    if last is None:
        return False
    word = last.group(1)
    return word.casefold() in abbreviations or word[0].isupper() and _INITIALS.fullmatch(word) is not None


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
