"""Find numbers, ranges and vague amounts in text, with the words that hedge them, from the language packs."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lossledger.extract.lexicon import trie_pattern
from lossledger.lang import get_pack
from lossledger.model import Quantity

_SP = "[ \\t\u00a0\u202f\u2009]"  # spaces inside one expression: never a line break
_NOT_LETTER = r"(?![^\W\d_])"
_DIGITS = (  # atomic: "8219th" must not give back "821"
    r"(?>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9])(?:,[0-9]+)?"
    "|[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?![0-9])(?:[.,][0-9]+)?"
    r"|[0-9]+(?:[.,][0-9]+)?)(?![0-9])"
)
_NOT_IN_WORD = r"(?<!\w)(?<![^\W\d_]-)(?<![0-9][.,])"  # not "M777", "Tu-95", nor the tail of "1,5,7"
_SKIP = re.compile(r"\w+|[\s\S]")


def _key(s: str) -> str:
    return " ".join(s.casefold().split())


def _alt(entries, atomic: bool = False) -> str:
    """Return a regex matching any of `entries`, longest first, built as a trie so that misses fail fast.

    Spaces inside an entry match any run of inline spaces.
    """
    trie: dict = {}
    for e in {_key(e) for e in entries}:
        node = trie
        for c in e:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(_SP + "+" if c == " " else re.escape(c)) + emit(sub) for c, sub in sorted(node.items()) if c]
        if "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    body = emit(trie) if trie else "(?!)"
    return f"(?>{body})" if atomic else f"(?:{body})"


def _around(entries, after: bool = False) -> str:
    """Alternation of joiners (words spaced, signs maybe spaced) or of words after a number (signs glued)."""
    words = [e for e in entries if e[:1].isalpha()]
    signs = [e for e in entries if not e[:1].isalpha()]
    parts = []
    if words:
        parts.append(f"{_SP}+{_alt(words)}{_NOT_LETTER}" + ("" if after else f"{_SP}+"))
    if signs:
        parts.append(_alt(signs) if after else f"{_SP}*{_alt(signs)}{_SP}*")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class _Lang:
    rx: re.Pattern
    end_rx: re.Pattern
    sep_rx: re.Pattern
    part_rx: re.Pattern
    words: dict[str, Decimal]
    scales: dict[str, Decimal]
    articles: frozenset[str]
    fractions: dict[str, Decimal]
    quals: dict[str, str]
    vague: dict[str, tuple[float, float]]
    topic: tuple[frozenset[str], re.Pattern | None]  # prepositions of topic, and the nouns they follow as one


@functools.cache
def _compiled(lang: str) -> _Lang:
    """Build the regexes and tables of one language pack, once."""
    pack = get_pack(lang)
    num, qual = pack.section("numbers"), pack.section("qualifiers")

    def dec(table: dict) -> dict[str, Decimal]:
        return {_key(k): Decimal(str(v)) for k, v in table.items()}

    words, scales = dec(num.get("words", {})), dec(num.get("scales", {}))
    abbr = dec(num.get("abbreviations", {}))
    articles = [_key(a) for a in num.get("articles", [])]
    fractions = dec(num.get("fractions", {}))
    vague = {_key(k): (float(v[0]), float(v[1])) for k, v in num.get("vague", {}).items()}
    kinds = ("approx", "at_least", "at_most")
    quals = {_key(w): k for k in kinds for w in qual.get(k, []) + qual.get(k + "_after", [])}

    scale = _alt(scales, atomic=True)
    abbr_glued = _alt([a for a in abbr if len(a) == 1], atomic=True)
    abbr_spaced = _alt([a for a in abbr if len(a) > 1], atomic=True)
    part = _alt(list(words) + list(scales) + articles, atomic=True)
    sep = f"(?:{_SP}*-{_SP}*|{_SP}+{_alt(num.get('joiners', []))}{_SP}+|{_SP}+)"
    art = _alt(articles)
    head = _alt(list(words) + list(scales), atomic=True)

    def end(named: bool) -> str:
        g = (lambda name: f"?P<{name}>") if named else (lambda name: "?:")
        frac = (f"(?:({g('fa')}{art}){_SP}+)?({g('ff')}{_alt(fractions)})(?:{_SP}+|-)"  # "un demi-million"
                f"(?:{_alt(num.get('fraction_links', []))}{_SP}+)?({g('fs')}{scale})")
        digits = (f"{_NOT_IN_WORD}({g('d')}{_DIGITS})(?:{_SP}?{scale}(?:{_SP}+{scale})?"
                  f"|{abbr_glued}|{_SP}?{abbr_spaced})?(?!:?[^\\W\\d_])")
        # never an article alone; at most 24 words, so that a long run of them costs linear time
        phrase = f"({g('w')}(?:{art}{sep}?)?{head}(?:{sep}?{part}){{0,23}})"
        return f"(?<!\\w)(?:{frac}|{digits}|{phrase}){_NOT_LETTER}"

    join = _around(qual.get("range_joiners", []))
    join_all = _around(qual.get("range_joiners", []) + qual.get("range_start_joiners", []))
    after = _around([w for k in kinds for w in qual.get(k + "_after", [])], after=True)
    # a quick filter on the first three letters (entries under three letters stand alone)
    starts = [*words, *scales, *articles, *fractions, *vague, *qual.get("range_start", [])]
    starts += [w for k in kinds for w in qual.get(k, [])]
    first = (f"[0-9]|{_alt({_key(w)[:3] for w in starts if len(_key(w)) >= 3})}"
             f"|{_alt({_key(w) for w in starts if len(_key(w)) < 3})}{_NOT_LETTER}")
    master = (
        f"(?<!\\w)(?={first})(?:(?P<v>{_alt(vague)}){_NOT_LETTER}"
        f"|(?:(?P<q>{_alt([w for k in kinds for w in qual.get(k, [])])}){_NOT_LETTER}{_SP}+)?"
        f"(?:(?P<rs>{_alt(qual.get('range_start', []))}){_SP}+"
        f"(?P<ra>{end(False)})(?:{join_all})(?P<rb>{end(False)})"
        f"|(?P<a>{end(False)})(?:(?:{join})(?P<b>{end(False)})|(?P<af>{after}))?))"
    )
    flags = re.IGNORECASE
    return _Lang(
        rx=re.compile(master, flags), end_rx=re.compile(end(True), flags),
        sep_rx=re.compile(sep, flags), part_rx=re.compile(part, flags),
        words=words, scales=scales | abbr, articles=frozenset(articles), fractions=fractions,
        quals=quals, vague=vague, topic=(frozenset(_key(w) for w in qual.get("topic_prepositions", [])),
                                         _topic_nouns(qual.get("topic_nouns", []))),
    )


def _topic_nouns(words: list[str]) -> re.Pattern | None:
    """A pattern of the topic nouns ending right before a number's qualifier."""
    if not words:
        return None
    return re.compile(rf"(?<![^\W_])(?:{trie_pattern(words)})\s+$")


def _topic(lg: _Lang, text: str, q: str, start: int) -> bool:
    """The qualifier `q` at `start` is a preposition of topic after a noun of reports ("Berichte über 300.000")."""
    preps, nouns = lg.topic
    return nouns is not None and _key(q) in preps and nouns.search(text[max(0, start - 40):start]) is not None


def _digits_value(s: str) -> Decimal | None:
    """Value of a digit string: a ',' or '.' before exactly 3 digits groups, otherwise it is decimal."""
    d = "".join(s.split())
    if "," in d and "." in d:
        cut = max(d.rfind(","), d.rfind("."))
        d = d[:cut].replace(",", "").replace(".", "") + "." + d[cut + 1:]
    elif "," in d or "." in d:
        parts = d.split("," if "," in d else ".")
        d = "".join(parts) if len(parts) > 2 or len(parts[1]) == 3 else ".".join(parts)
    try:
        return Decimal(d)
    except InvalidOperation:
        return None


def _phrase(lg: _Lang, text: str, s: int, e: int) -> tuple[Decimal, Decimal, int] | None:
    """Value, trailing scale and end of the valid start of the number-word phrase text[s:e]."""
    toks: list[tuple[str, Decimal, int, bool, bool]] = []  # kind, value, end, glued, joined
    pos = s
    while pos < e:
        m = lg.sep_rx.match(text, pos, e) if toks else None
        sep = m.group() if m else ""
        pos += len(sep)
        m = lg.part_rx.match(text, pos, e)
        w = _key(m.group()) if m else ""
        if w in lg.words:
            toks.append(("num", lg.words[w], m.end(), not sep, any(c.isalpha() for c in sep)))
        elif w in lg.scales:
            toks.append(("mult", lg.scales[w], m.end(), not sep, any(c.isalpha() for c in sep)))
        elif w in lg.articles:
            toks.append(("art", Decimal(1), m.end(), not sep, any(c.isalpha() for c in sep)))
        else:
            break
        pos = m.end()
    total = cur = Decimal(0)
    tail = Decimal(1)
    large: Decimal | None = None
    prev, prev_v, n_ok = "", Decimal(0), 0
    for i, (kind, v, _end, glued, joined) in enumerate(toks):
        if joined and not (kind == "num" and prev in ("mult", "num")):  # "hundred and five", "treinta y cinco"
            break
        if kind == "art":  # "a"/"en" is one only before a scale, or glued inside a word ("tjugoen")
            if not (i and glued or i + 1 < len(toks) and toks[i + 1][0] == "mult"):
                break
            kind = "num"
        if kind == "num":
            # a word after a word fills its empty places: "twenty five", "сто двадцять п'ять", "двісті три"
            if prev == "num" and not (0 < v < prev_v and prev_v % 10 ** len(str(int(v))) == 0):
                break
            cur += v
        elif v < 1000:
            if prev == "mult" or cur >= 100:
                break
            cur = max(cur, Decimal(1)) * v
        else:
            if large is not None and v >= large:
                break
            total += max(cur, Decimal(1)) * v
            cur, large = Decimal(0), v
        tail = Decimal(1) if kind == "num" else tail * v if prev == "mult" and prev_v < 1000 else v
        prev, prev_v, n_ok = kind, v, i + 1
    if n_ok == 0 or (n_ok == 1 and toks[0][0] == "art"):
        return None
    end = toks[n_ok - 1][2]
    if end < e and text[end].isalpha():
        return None  # the valid part stops inside a word ("femen")
    return total + cur, tail, end


def _parse_end(lg: _Lang, text: str, s: int, e: int) -> tuple[Decimal, Decimal, int] | None:
    """Value, trailing scale (to share across a range) and end of the numeral text[s:e]."""
    if text[s:e].isdigit() and text[s:e].isascii():
        return Decimal(text[s:e]), Decimal(1), e
    m = lg.end_rx.fullmatch(text, s, e)
    if m is None:
        return None
    if m["ff"] is not None:
        frac, sc = lg.fractions.get(_key(m["ff"])), lg.scales.get(_key(m["fs"]))
        return (frac * sc, sc, e) if frac is not None and sc is not None else None
    if m["d"] is not None:
        v, mult = _digits_value(m["d"]), Decimal(1)
        for w in text[m.end("d"):e].split():
            sc = lg.scales.get(_key(w))
            if sc is None:
                return None
            mult *= sc
        return (v * mult, mult, e) if v is not None else None
    return _phrase(lg, text, s, e)


def _one(text: str, start: int, ns: int, ne: int, end: int, v: Decimal, kind: str | None) -> Quantity:
    """A single number, its bounds set by the qualifier."""
    n = float(v)
    low, high = (n, None) if kind == "at_least" else (None, n) if kind == "at_most" else (n, n)
    return Quantity(start, end, text[start:end], n, low, high, kind or "exact", False, ns, ne)


def _build(lg: _Lang, text: str, m: re.Match) -> list[Quantity]:
    """The quantities of one match of the master regex (none when its numeral is not valid)."""
    if m["v"] is not None:
        bounds, (s, e) = lg.vague.get(_key(m["v"])), m.span("v")
        return [Quantity(s, e, text[s:e], None, *bounds, "vague", True, s, e)] if bounds else []
    kind = lg.quals.get(_key(m["q"])) if m["q"] is not None and not _topic(lg, text, m["q"], m.start("q")) else None
    ga, gb = ("ra", "rb") if m["rs"] is not None else ("a", "b")
    sa = m.start(ga)
    start = m.start("q") if kind else sa
    a = _parse_end(lg, text, sa, m.end(ga))
    if a is None:
        return []
    if m["rs"] is None and m[gb] is None and a[2] < m.end(ga) and text.startswith("-", a[2]) and a[1] == 1:
        b = _parse_end(lg, text, a[2] + 1, m.end(ga))  # "три-четыре тысячи", "dwa-trzy": two words, a range
        if b is not None and b[2] == m.end(ga) and a[0] * b[1] <= b[0]:
            lo = a[0] * b[1]
            return [Quantity(start, b[2], text[start:b[2]], None, float(lo), float(b[0]), "range", False, sa, b[2])]
    if m["rs"] is None and (a[2] < m.end(ga) or m[gb] is None):  # a single number
        after = lg.quals.get(_key(m["af"])) if m["af"] is not None and a[2] == m.end(ga) else None
        end = m.end("af") if after else a[2]
        return [_one(text, start, sa, a[2], end, a[0], kind or after)]
    sb = m.start(gb)
    b = _parse_end(lg, text, sb, m.end(gb)) if a[2] == m.end(ga) else None
    if b is None:  # "between 7" and no valid second end: the first end alone
        return [_one(text, sa, sa, a[2], a[2], a[0], None)]
    (lo, _, _), (hi, hi_mult, end) = a, b
    if a[1] == 1 and hi_mult > 1 and lo * hi_mult <= hi:  # "7-15 thousand": the scale serves both ends
        lo *= hi_mult
    if lo > hi:  # "1-0", "2022-23": two numbers, not a range
        first = start if m["rs"] is None else sa
        return [_one(text, first, sa, a[2], a[2], a[0], kind), _one(text, sb, sb, end, end, hi, None)]
    if m["rs"] is not None and not kind:
        start = m.start("rs")
    return [Quantity(start, end, text[start:end], None, float(lo), float(hi), "range", False, sa, end)]


_CLOCK = re.compile(r"(?<![\d:.,])(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![\d:])")  # "14:25", not "1:2" nor "3:1"


def number_words(lang: str) -> frozenset[str]:
    """The pack's number words, case-folded ("two", "zwei", "двоє")."""
    return frozenset(_compiled(lang).words)


def find_numbers(text: str, lang: str = "en") -> list[Quantity]:
    """Return the numbers, ranges and vague amounts of `text`, sorted by start and non-overlapping.

    Numbers glued to letters ("M777", "Tu-95", "1st") are skipped; years, money and percentages are
    kept for the caller to filter. All words come from the language pack `lang`.

    Raises:
        PackError: there is no language pack for `lang`.
    """
    lg = _compiled(lang)
    out: list[Quantity] = []
    pos = 0
    while m := lg.rx.search(text, pos):
        clock = _CLOCK.match(text, m.start())
        if clock:  # "14:25": a time of day, no amount
            pos = clock.end()
            continue
        found = _build(lg, text, m)
        if found and found[-1].end > m.start():
            out.extend(found)
            pos = found[-1].end
        else:
            pos = _SKIP.match(text, m.start()).end()
    return out
