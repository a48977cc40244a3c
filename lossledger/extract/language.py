"""Language detection among the shipped packs: distinctive letters, then stopword counts."""

from __future__ import annotations

import functools
import re
from collections import Counter

from lossledger.lang import get_pack, languages

_WORDS = re.compile(r"[^\W\d_]+")


@functools.cache
def _profiles() -> dict[str, tuple[frozenset[str], str]]:
    out = {}
    for code in languages():
        meta = get_pack(code).section("meta")
        out[code] = (frozenset(w.casefold() for w in meta.get("stopwords", [])), meta.get("script_letters", ""))
    return out


def detect(text: str, default: str = "en") -> str:
    """Return the code of the pack whose stopwords and letters best fit `text` (its first 5,000 chars)."""
    sample = text[:5000].casefold()
    words = _WORDS.findall(sample)
    if not words:
        return default
    counts = Counter(words)  # each distinct word looked up once per pack
    best, best_score = default, 0.0
    for code, (stops, letters) in _profiles().items():
        score = sum(counts[w] for w in stops.intersection(counts)) / len(words)
        if letters:
            score += 5 * sum(sample.count(ch) for ch in letters) / len(words)
        if score > best_score:
            best, best_score = code, score
    return best
