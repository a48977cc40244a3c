"""Every word list of a lexicon in one token trie, and one scan of a text for all of them.

A text is cut once into pieces: runs of letters and digits (words) and single other characters, each with
the whitespace before it. A term is cut the same way and matched piece by piece, casefolded: a space in a
term stands for any whitespace between two pieces of the text, no space for none. A term begins at a word
start and ends at a word end, as words do; one beginning with punctuation ("-year-old") needs no letter or
digit before it, and one ending with punctuation ("no.", "bmp-") none after it, except at the end of a
window (the part of the text `Matcher.find` was asked to read: "BMP-" before the number of "BMP-2").
A term ending in `*` takes any word that starts with its last word ("tank*"); which trie entries a text
word opens is remembered per distinct word (news vocabulary repeats), so this costs a dict look-up.

The scan of a text (cached by identity: the extractor reads one article through some 370 windows) gives
each matcher its candidates, every term at every word start, the shorter ones too; `Matcher.find` then
chains those inside a window, leftmost and longest first.

With a lemmatiser, the words of the text are lemmatised, the lemmas joined by spaces and that string
scanned as well: a term also matches the words whose lemmas spell it ("особового складу").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import accumulate

_TERM_PIECE = re.compile(r"\s+|[^\W_]+|\S")  # whitespace, a word, or one other character
_PIECE = re.compile(r"\s*(?:[^\W_]+|\S)")  # a word or one other character, and the whitespace before it
_LEMMA_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")  # the words a lemmatiser reads ("Russia's", "f-16")
_MEMO_MAX = 50_000  # distinct pieces remembered per trie node before its memo starts again
_SMALL = 400  # shorter texts are cached by value (a claimant, a clause: the same ones recur), longer by identity
_SMALL_MAX = 1024  # short texts cached before that cache starts again
_NONE = object()  # the memo entry of a piece that opens nothing


def term_keys(term: str) -> list[str]:
    """The trie keys of a casefolded term: its pieces, each after the first prefixed by " " when
    whitespace comes before it."""
    keys: list[str] = []
    space = False
    for p in _TERM_PIECE.findall(term):
        if p[0].isspace():
            space = True
            continue
        keys.append(" " + p if space and keys else p)
        space = False
    return keys


class _Node:
    """A trie node: the terms that end here (`ends`), the next pieces (`next`), and the last words that
    are prefixes (`stems`, with the hits a text word opens remembered in `memo`).

    A hit is (matcher, label, rank, by lemma). At one span the lowest rank wins: 0 for a whole term, then
    prefixes, the longest first (1000 less its length), as `Matcher.label_of` reads a prefix's label."""

    __slots__ = ("next", "ends", "stems", "memo")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.ends: list[tuple] = []
        self.stems: dict[str, list[tuple]] = {}
        self.memo: dict[str, tuple] = {}

    def stem_hits(self, key: str) -> tuple:
        """The prefix hits of the word piece `key` (" " first when whitespace comes before it),
        longest stem first."""
        hits = self.memo.get(key)
        if hits is None:
            if len(self.memo) >= _MEMO_MAX:
                self.memo.clear()
            hits = self.memo[key] = _stem_hits(self.stems, key)
        return hits


def _stem_hits(stems: dict[str, list[tuple]], key: str) -> tuple:
    # after whitespace a stem has at least one letter; glued to the piece before it may be empty ("foo-*")
    low = 2 if key[0] == " " else 0
    found: list[tuple] = []
    for k in range(len(key), low - 1, -1):
        hits = stems.get(key[:k])
        if hits:
            found += hits
    return tuple(found)


class TermIndex:
    """The terms of one or more matchers (`add`) in one token trie; `scan(text)` gives every matcher its
    candidate hits in `text`. `lemma` (token -> lemma) adds hits by lemma for the matchers that ask."""

    def __init__(self, lemma: Callable[[str], str] | None = None):
        self.lemma = lemma
        self.size = 0
        self._root = _Node()
        # piece -> (node, prefix hits, starts with punctuation, length of its whitespace) or _NONE
        self._first: dict[str, object] = {}
        self._by_lemma = False
        self._scanned = False
        self.last: tuple[str, list] | None = None  # the last long text scanned, and its candidates
        self._prev: tuple[str, list] | None = None  # the one before
        self._small: dict[str, list] = {}

    def add(self, terms: dict[str, str], by_lemma: bool = False) -> int:
        """Add the terms (term -> label) of one matcher; return its number. Of two terms equal in letter
        case the later label counts, as of two equal prefixes the earlier one."""
        if by_lemma and self.lemma is None:
            raise ValueError("hits by lemma need the index's lemmatiser")
        k = self.size
        self.size += 1
        self._by_lemma = self._by_lemma or by_lemma
        whole: dict[str, str] = {}
        prefixes: dict[str, str] = {}
        for term, label in terms.items():
            t = term.casefold()
            if t.endswith("*"):
                prefixes.setdefault(" ".join(t[:-1].split()), label)
            else:
                whole[" ".join(t.split())] = label
        for t, label in whole.items():
            keys = term_keys(t)
            if keys:
                self._node(keys).ends.append((k, label, 0, by_lemma))
        for t, label in prefixes.items():
            keys = term_keys(t)
            if not keys:
                continue
            stem = keys[-1]
            if stem[-1].isalnum():  # a word stem
                rank = max(1, 1000 - len(stem.lstrip()))
                self._node(keys[:-1]).stems.setdefault(stem, []).append((k, label, rank, by_lemma))
            else:  # "foo-*": the term itself, and with the word glued to it
                node = self._node(keys)
                node.ends.append((k, label, 0, by_lemma))
                node.stems.setdefault("", []).append((k, label, 999, by_lemma))
        if self._scanned:
            self._forget()
        return k

    def _node(self, keys: list[str]) -> _Node:
        node = self._root
        for key in keys:
            node = node.next.setdefault(key, _Node())
        return node

    def _forget(self) -> None:
        """Drop every memo and cached scan (after terms were added)."""
        self._first.clear()
        self.last = self._prev = None
        self._small.clear()
        stack = [self._root]
        while stack:
            node = stack.pop()
            node.memo.clear()
            stack.extend(node.next.values())

    def scan(self, text: str) -> list:
        """Per matcher, None or its candidates in `text`: (cands, made, by lemma). `cands` are tuples (start,
        -end, rank, label, glued), ordered by start, then longest first, then rank; `glued`: the term ends
        with punctuation and a letter or digit follows (a hit only where a window ends). `made[i]` is the
        `Match` of `cands[i]` once a matcher returned it. `by lemma`: None, or (cands, made) of the hits
        in the lemmas of the words."""
        last = self.last
        if last is not None and last[0] is text:
            return last[1]
        if len(text) >= _SMALL:
            # two long texts are kept: an article and its header (publication_date), or a pre-filtered
            # article and the header read while extracting it
            prev = self._prev
            if prev is not None and prev[0] is text:
                self._prev, self.last = last, prev
                return prev[1]
            found = self._scan(text)
            self._prev, self.last = last, (text, found)
            return found
        found = self._small.get(text)
        if found is None:
            if len(self._small) >= _SMALL_MAX:
                self._small.clear()
            found = self._small[text] = self._scan(text)
        return found

    def _scan(self, text: str) -> list:
        self._scanned = True
        per: list = [None] * self.size
        pieces, offsets = _pieces(text)
        self._walk(pieces, offsets, per, False)
        by_lemma = self._lemma_hits(text) if self._by_lemma else None
        for k, cands in enumerate(per):
            lemma = by_lemma[k] if by_lemma is not None else None
            if lemma is not None:
                lemma.sort()
                lemma = (lemma, [None] * len(lemma))
            elif cands is None:
                continue
            cands = sorted(cands) if cands is not None else []
            per[k] = (cands, [None] * len(cands), lemma)
        return per

    def _lemma_hits(self, text: str) -> list | None:
        """Per matcher, the candidates found in the lemmas of the words of `text` joined by spaces (spans of
        whole words of `text`), or None when every word is its own lemma."""
        lemma = self.lemma
        words = [(m.start(), m.end(), m.group()) for m in _LEMMA_WORD.finditer(text)]
        lemmas = [lemma(w) for _, _, w in words]  # type: ignore[misc]
        if all(lem == w[2] for lem, w in zip(lemmas, words, strict=True)):
            return None
        joined = " ".join(lemmas)
        ends = [e - 1 for e in accumulate(len(lem) + 1 for lem in lemmas)]  # where each lemma ends in `joined`
        found: list = [None] * self.size
        pieces, offsets = _pieces(joined)
        self._walk(pieces, offsets, found, True)
        right, left = bisect.bisect_right, bisect.bisect_left
        for k, cands in enumerate(found):
            if cands is not None:
                found[k] = [(words[right(ends, a)][0], -words[left(ends, -b)][1], rank, label, False)
                            for a, b, rank, label, glued in cands if not glued] or None
        return found

    def _walk(self, pieces: list[str], offsets: list[int], per: list, by_lemma: bool) -> None:
        """Append to `per[matcher]` every hit (start, -end, rank, label, glued) that starts at a piece.
        With `by_lemma`, only the hits of matchers that match by lemma."""
        first = self._first.get
        n = len(pieces)

        def add(hits: tuple, a: int, j: int) -> None:  # the terms ending at piece j, started at offset a
            b = -offsets[j + 1]
            glued = j + 1 < n and pieces[j + 1][0].isalnum()
            for k, label, rank, lem in hits:
                if lem or not by_lemma:
                    cands = per[k]
                    if cands is None:
                        per[k] = [(a, b, rank, label, glued)]
                    else:
                        cands.append((a, b, rank, label, glued))

        for i, p in enumerate(pieces):
            opened = first(p)
            if opened is None:
                opened = self._open(p)
            if opened is _NONE:
                continue
            node, hits, punct, lead = opened  # type: ignore[misc]
            if punct and not lead and i and pieces[i - 1][-1].isalnum():
                continue  # punctuation glued to a word does not start a term
            a = offsets[i] + lead
            j = i
            while True:
                if hits:
                    add(hits, a, j)
                if node is None:
                    break
                hits = node.ends
                nxt, stems = node.next, node.stems
                if hits:
                    add(hits, a, j)
                if not nxt and not stems:
                    break
                j += 1
                if j >= n:
                    break
                key = pieces[j]
                if key[0].isspace() and (key[0] != " " or key[1].isspace()):
                    key = " " + key.lstrip()  # any whitespace is one space in a key
                hits = node.stem_hits(key) if stems and key[-1].isalnum() else ()
                node = nxt.get(key)

    def _open(self, piece: str) -> object:
        """What a piece opens as the first piece of a term (memoised: news words repeat)."""
        if len(self._first) >= _MEMO_MAX:
            self._first.clear()
        word = piece.lstrip()
        c = word[0]
        node = self._root.next.get(word)
        hits = _stem_hits(self._root.stems, word) if c.isalnum() and self._root.stems else ()
        opened = (node, hits, not c.isalnum(), len(piece) - len(word)) if node is not None or hits else _NONE
        self._first[piece] = opened
        return opened


def _pieces(text: str) -> tuple[list[str], list[int]]:
    """The casefolded pieces of `text` and where each starts in it (and where the last ends)."""
    folded = text.casefold()
    if len(folded) == len(text):
        pieces = _PIECE.findall(folded)
    else:  # a letter folds to two ("ß" -> "ss"): fold piece by piece, offsets from the text
        raw = _PIECE.findall(text)
        offsets = list(accumulate(map(len, raw), initial=0))
        return [p.casefold() for p in raw], offsets
    return pieces, list(accumulate(map(len, pieces), initial=0))
