"""Dates: the publication date of an article, and date expressions in a sentence resolved against it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from lossledger.extract.figures import dateline_end
from lossledger.extract.lexicon import Lexicon, pack_words, trie_pattern
from lossledger.model import EQUIPMENT_CATEGORIES

# a date in a URL path, maybe glued to its time of day ("-20220609132157.html" is 2022-06-09 13:21:57), or with its
# month and day parted by a slash ("/news/2024-10/07/")
_URL_DATE = re.compile(r"(?<!\d)(20[0-4]\d|19[89]\d)([/_.-]?)(0[1-9]|1[0-2])(?:\2|(?<=\d-\d\d)/)(0[1-9]|[12]\d|3[01])"
                       r"(?:(?!\d{3})|(?=(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?!\d)))")
_URL_MONTH = re.compile(r"/(20[0-4]\d)/(0[1-9]|1[0-2])/")
_URL_DAY_FIRST = re.compile(r"/(0[1-9]|[12]\d|3[01])/(0[1-9]|1[0-2])/(20[0-4]\d)/")  # "/politics/30/04/2025/"
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")  # YYYY[-MM[-DD]]
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateRef:
    """A date expression found in a sentence.

    kind: `point` (a date for the figure or statement), `year` (a calendar year, a period),
    `since` (a period start), `past_day` (the day of the statement), `past_week` (the seven days up to the
    statement; `value` is the statement's day), `start`/`end` (a stated period),
    `unknown` (a day and month whose year cannot be told: `value` is empty, the span is only kept from being
    read as a number). `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    """

    start: int
    end: int
    value: str
    kind: str


def iso(d: dt.date, precision: str = "D") -> str:
    """Format a date at precision Y, M or D."""
    return f"{d.year:04d}" if precision == "Y" else f"{d.year:04d}-{d.month:02d}" if precision == "M" else d.isoformat()


def parse_iso(s: str | None) -> dt.date | None:
    """Parse `YYYY[-MM[-DD]]` into a date (first day of the month/year), or None."""
    if not s:
        return None
    m = _ISO_PREFIX.match(s.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def iso_at_precision(s: str | None) -> str | None:
    """`YYYY[-MM[-DD]]...` normalised at the precision it gives ("2022-3" -> "2022-03"), or None."""
    d = parse_iso(s)
    if d is None or s is None:
        return None
    parts = len(_ISO_PREFIX.match(s.strip()).group().split("-"))
    return d.isoformat()[:(4, 7, 10)[parts - 1]]


def end_of(value: str) -> str:
    """Return the last day of a `YYYY` or `YYYY-MM` period (a full date is returned as is)."""
    d = parse_iso(value)
    if d is None:
        return value
    if len(value) == 4:
        return f"{d.year}-12-31"
    if len(value) == 7:
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return value


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_NUMERIC_HINT = re.compile(r"\d[./-]\d")  # a numeric date (2024-05-12, 12.05.2024) has one of these


def _day(not_before: str) -> str:
    """A day of one or two digits (the first of two 0-3) with no `not_before` character before it: the check comes
    after the first digit, so that the regex engine can skip ahead to digits."""
    return rf"(?P<d>\d(?<!{not_before}\d)(?:(?<=[0-3])\d)?)"


@functools.cache
def _patterns(lex: Lexicon) -> dict[str, re.Pattern]:
    # Patterns open with a character to look for, not a look-behind, so that the regex engine can
    # skip ahead to it (see trie_pattern): the look-behinds come after the first characters.
    months = trie_pattern(lex.months) if lex.months else ""
    months_ws = trie_pattern(lex.months, word_start=True) if lex.months else ""
    wdays = trie_pattern(lex.weekdays, word_start=True) if lex.weekdays else ""
    rel = trie_pattern(lex.relative, word_start=True) if lex.relative else ""
    from lossledger.lang import get_pack

    links = get_pack(lex.code).words("dates", "day_month_links")
    link = rf"(?:(?:{trie_pattern(links)})\s+)?" if links else ""
    suffixes = "|".join(re.escape(s) for s in get_pack(lex.code).words("dates", "ordinal_suffixes") + ["."])
    day = rf"(?P<d>[0-3]?\d)(?:{suffixes})?"
    day_first = _day(r"\w") + rf"(?:{suffixes})?"  # as `day`, and no letter or digit before it
    year = r"(?P<y>(?:19|20)\d\d)"
    p = {
        "iso": re.compile(r"(?P<y>(?:19|20)(?<!\d..)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        "dmy_num": re.compile(_day(r"[\d.]") + r"[./-](?P<m>[01]?\d)[./-](?P<y>(?:19|20)\d\d)(?!\d)"),
        # "24.02.22": day, month and a two-digit year, with full stops only (never a grouped number)
        "dmy_short": re.compile(_day(r"[\d.,]") + r"\.(?P<m>[01]\d)\.(?P<y>\d\d)(?![\d]|[.,]\d)"),
        "ymd_sp": re.compile(r"(?P<y>20(?<!\d..)\d\d) (?P<m>[01]\d) (?P<d>[0-3]\d)(?!\d)"),
        "year": re.compile(r"(?P<y>(?:19|20)(?<![\w,.]..)(?<!\d\s..)\d\d)\b(?![,.]?\d)(?!\s\d{3}\b)(?!\s?%)"),
    }
    if months:
        p["dmy"] = re.compile(rf"{day_first}\s*{link}(?P<m>{months})\.?(?:,?\s*{link}{year})?(?!\w)",
                              re.IGNORECASE)
        p["mdy"] = re.compile(rf"(?P<m>{months_ws})\.?\s+{day}(?:,?\s*{year})?(?![\w])")
        # the link words serve between month and year too: "21 de septiembre de 2022", "May of 2022"
        p["my"] = re.compile(rf"(?P<m>{months_ws})\.?(?:\s+{link}{year})?(?!\w)")
    if wdays:
        p["wday"] = re.compile(rf"(?P<w>{wdays})(?!\w)")
    if rel:
        p["rel"] = re.compile(rf"(?P<r>{rel})(?!\w)")
    war_day = _war_day_pattern(get_pack(lex.code), suffixes)
    if war_day:
        p["war_day"] = war_day
    return p


WAR_START = dt.date(2022, 2, 24)  # day 1 of the full-scale invasion


def _war_day_pattern(pack, suffixes: str) -> re.Pattern | None:
    """The pack's 'day N of the war' templates as one regex."""
    ordinals = pack.section("dates").get("ordinals", {})
    words = "|".join(_word(w) for w in sorted(ordinals, key=len, reverse=True))
    number = rf"(?:(?:\d{{1,3}}(?:[ ,.\u00a0\u202f]\d{{3}})?|\d{{4}})(?:{suffixes}|-\w{{1,3}})?"
    number += rf"|(?:{words}))" if words else ")"
    templates = pack.words("dates", "war_day")
    if not templates:
        return None
    alts = []
    for t in templates:
        parts = []
        for w in t.split():
            optional = w.endswith("?")
            w = number if w.rstrip("?") == "{n}" else "(?:" + "|".join(_word(a) for a in w.rstrip("?").split("|")) + ")"
            parts.append(rf"(?:{w}\s+)?" if optional else rf"{w}\s+")
        alts.append("".join(parts)[:-3] if not parts[-1].endswith(")?") else "".join(parts))
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)


def _war_day_gates(pack) -> tuple[re.Pattern, ...]:
    """Word sets each of which every 'day N of the war' holds a word of: of each template, its required words
    ranked by their shortest spelling, longest first, and the k-th gate the union of the k-th of every template.
    Where one is missing, the costlier template regex need not run."""
    ranked = []
    for t in pack.words("dates", "war_day"):
        groups = [w.split("|") for w in t.split() if not w.endswith("?") and w != "{n}"]
        if not groups:
            return ()
        ranked.append(sorted(groups, key=lambda g: -min(map(len, g))))
    gates = []
    for k in range(min(map(len, ranked), default=0)):
        anchors = {a[:-1] if a.endswith("*") else a for groups in ranked for a in groups[k]}
        if "" not in anchors:
            gates.append(re.compile("|".join(re.escape(a) for a in sorted(anchors)), re.IGNORECASE))
    return tuple(gates)


@functools.cache
def _gates(lex: Lexicon) -> tuple[re.Pattern, ...]:
    """The war-day gates of the lexicon's pack (see `_war_day_gates`)."""
    from lossledger.lang import get_pack

    return _war_day_gates(get_pack(lex.code))


def _war_day_matches(pats: dict[str, re.Pattern], text: str, a: int, b: int,
                     gates: tuple[re.Pattern, ...] = ()) -> list[re.Match]:
    """The matches of the war-day regex in text[a:b] (none without it, or without a word of one of its gates)."""
    pat = pats.get("war_day")
    if pat is None:
        return []
    for gate in gates:
        if not gate.search(text, a, b):
            return []
    return list(pat.finditer(text, a, b))


@functools.cache
def ordinal_nouns(lex: Lexicon) -> frozenset[str]:
    """Words an ordinal number stands before: month names ("2. März") and the day of 'the 100. Tag des
    Krieges' (the words after `{n}` in the pack's war-day templates)."""
    from lossledger.lang import get_pack

    nouns = set(lex.months) | {w.casefold() for w in get_pack(lex.code).words("cues", "unit_nouns")}
    for t in get_pack(lex.code).words("dates", "war_day"):
        words = t.split()
        if "{n}" in words[:-1]:
            nouns |= {a.casefold() for a in words[words.index("{n}") + 1].rstrip("?").split("|")}
    return frozenset(nouns)


def war_days(text: str, a: int, b: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of 'the 100th day of the war' in text[a:b]."""
    return [m.span() for m in _war_day_matches(_patterns(lex), text, a, b, _gates(lex))]


def _word(w: str) -> str:
    """A template word or ordinal as a regex: a trailing `*` is a prefix."""
    return re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)


def _war_day(m: re.Match, lex: Lexicon) -> str | None:
    """The date of 'the N-th day of the war' (day 1 is 24 February 2022)."""
    from lossledger.lang import get_pack

    digits = re.search(r"\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})?(?!\d)|\d{4}", m.group())
    if digits:
        n = int(re.sub(r"\D", "", digits.group()))
    else:
        ordinals = get_pack(lex.code).section("dates").get("ordinals", {})
        words = m.group().casefold().split()
        n = next((v for w in words for k, v in ordinals.items()
                  if k.casefold() == w or k.endswith("*") and w.startswith(k[:-1].casefold())), 0)
    return (WAR_START + dt.timedelta(days=n - 1)).isoformat() if 0 < n < 10000 else None


def stated_outside_the_body(text: str, url: str | None) -> bool:
    """The publication date comes from a ` date YYYY-MM-DD` line or the URL, not from the article's own words."""
    return bool(_DATE_LINE.match(text) or url and (_URL_DATE.search(url) or _URL_MONTH.search(url) or
                                                   _URL_DAY_FIRST.search(url)))


def publication_date(text: str, url: str | None, lex: Lexicon) -> str | None:
    """Find the publication date: a ` date YYYY-MM-DD` line, a date in the URL, or one in the header."""
    m = _DATE_LINE.match(text)
    line = m.group(1) if m else None
    if line and len(line) == 10:
        return line
    if url:
        m = _URL_DATE.search(url)
        if m and _safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4))):
            day = f"{m.group(1)}-{m.group(3)}-{m.group(4)}"
            if line is None or day.startswith(line):  # the URL's day refines a month-precision date line
                return day
        m = _URL_DAY_FIRST.search(url)
        if m and _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1))) and line is None:
            return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    header = text[:600]  # (searched in `text` itself, whose words the lexicon has indexed once for all)
    found = [r for r in find_dates(text, 0, len(header), lex, None) if r.kind == "point" and len(r.value) == 10]
    # A date standing on a short line of its own, or in the dateline a line opens with, is a dateline or byline;
    # with several (a site's page date, the article's date, an "updated" date), the earliest is when the article
    # came out. "The sixth day of the invasion" near the top is the article's day too.
    days = war_days(text, 0, len(header), lex)
    bylines = [r.value for r in found if len(_line_around(header, r.start, r.end)) <= _BYLINE_MAX
               or (r.start, r.end) in days or r.end <= dateline_end(text, r.start)]
    if line:
        # a day within the month of the date line refines it
        return min((d for d in bylines if d.startswith(line)), default=line)
    if url:
        m = _URL_MONTH.search(url)
        if m:
            return f"{m.group(1)}-{m.group(2)}"
    if bylines:
        return min(bylines)
    return found[0].value if found else None


_BYLINE_MAX = 60  # characters of a line that holds a date and little else


def _line_around(text: str, a: int, b: int) -> str:
    start = max(text.rfind("\n", 0, a), text.rfind("|", 0, a)) + 1
    ends = [i for i in (text.find("\n", b), text.find("|", b)) if i >= 0]
    return text[start:min(ends) if ends else len(text)].strip()


def find_dates(text: str, start: int, end: int, lex: Lexicon, ref: dt.date | None,
               day_known: bool = True, floor: dt.date | None = None) -> list[DateRef]:
    """Return the date expressions in `text[start:end]`, resolved against the reference date `ref`.

    Without `day_known` (a publication date known to the month or year only), words that count days from
    it ("on Friday", "yesterday", "over the past day") are left unresolved. Without `ref`, a day or month
    with no year falls on or after `floor`, the latest full date the text names (it was written after)."""
    pats = _patterns(lex)
    refs: list[DateRef] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    masked: list[DateRef] = []  # a day and month whose year is unknown: no date, but its numbers are no losses

    def add(a: int, b: int, value: str | None, kind: str = "point") -> None:
        if value and free(a, b):
            taken.append((a, b))
            refs.append(DateRef(a, b, value, kind))
        elif value is None and kind == "day" and free(a, b):
            taken.append((a, b))
            masked.append(DateRef(a, b, "", "unknown"))

    for m in _war_day_matches(pats, text, start, end, _gates(lex)):
        add(m.start(), m.end(), _war_day(m, lex))
    numeric = ("iso", "dmy_num", "dmy_short", "ymd_sp") if _NUMERIC_HINT.search(text, start, end) else ("ymd_sp",)
    for name in numeric:
        for m in pats[name].finditer(text, start, end):
            year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
            d = _safe_date(year, int(m["m"]), int(m["d"]))
            add(m.start(), m.end(), d.isoformat() if d else None)
    named = pats["my"].search(text, start, end) if "my" in pats else None
    if named:  # a month is named: look for its day
        for name in ("dmy", "mdy"):
            for m in pats[name].finditer(text, start, end):
                month = lex.months[m["m"].casefold()]
                year = int(m["y"]) if m["y"] else _year_for(month, ref, floor, int(m["d"]))
                d = _safe_date(year, month, int(m["d"])) if year else None
                first = _range_first_day(text, max(start, m.start() - 24), m.start(), lex) if name == "dmy" else None
                if first is not None and d and 0 < int(first["d"]) < d.day and free(first.start(), m.end()):
                    # "с 11 по 17 августа", "du 11 au 17 août": a period of days of one month
                    add(first.start("d"), first.end("d"), d.replace(day=int(first["d"])).isoformat(), "start")
                    add(m.start(), m.end(), d.isoformat(), "end")
                    continue
                add(m.start(), m.end(), d.isoformat() if d else None, "point" if d else "day")
    if named:
        for m in pats["my"].finditer(text, named.start(), end):  # none before the first
            month = lex.months[m["m"].casefold()]
            if not m["y"] and not _month_context(text, m.start(), lex):
                continue
            year = int(m["y"]) if m["y"] else _year_for(month, ref, floor)
            stop = m.end()
            last = None if m["y"] else _last_year_after(text, m.end(), lex)
            if year and last is not None:  # "in May last year": the calendar year before the reference's
                year, stop = (ref.year - 1 if ref else year - 1), last
            add(m.start(), stop, f"{year:04d}-{month:02d}" if year else None)
    # before the relative words: "yesterday alone" is a day's tally, "in der vergangenen Woche" a week's
    for key, kind in (("this_year", "year"), ("last_year", "year"), ("past_day", "past_day"),
                      ("past_week", "past_week")):
        if not ref or not (day_known or kind == "year"):
            continue  # nothing to resolve these words against
        for m in lex.dates[key].find(text, start, end):
            value = str(ref.year - (key == "last_year")) if kind == "year" else ref.isoformat()
            add(m.start, m.end, value, kind)
    if "rel" in pats and ref:
        for m in pats["rel"].finditer(text, start, end):
            unit, off = lex.relative[re.sub(r"\s+", " ", m["r"].casefold())]
            if day_known or unit not in ("day", "week"):
                add(m.start(), m.end(), _relative(ref, unit, off))
    if "wday" in pats and ref and day_known:
        for m in pats["wday"].finditer(text, start, end):
            wd = lex.weekdays[m["w"].casefold()]
            add(m.start(), m.end(), (ref - dt.timedelta(days=(ref.weekday() - wd) % 7)).isoformat())
    for m in pats["year"].finditer(text, start, end):
        if _counts_a_noun(text, m.end(), lex):
            continue  # "2044 czołgi", "1991 soldiers": a count of what follows, not a year
        add(m.start(), m.end(), m["y"], "year")
    refs.sort(key=lambda r: r.start)
    refs = _dash_ranges(text, [_year_edge(text, r, lex) for r in refs])
    return sorted(_mark_periods(text, refs, lex) + masked, key=lambda r: r.start)


_DASH = re.compile(r"\s*[-–—]\s*")
_INVASION = "2022-02-24"


def _dash_ranges(text: str, refs: list[DateRef]) -> list[DateRef]:
    """Two days joined by a dash are a period's first and last: "24.02.2022–03.06.2025"."""
    out = list(refs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind == b.kind == "point" and len(a.value) == len(b.value) == 10 and a.value < b.value and \
                _DASH.fullmatch(text, a.end, b.start):
            # from the invasion's first day: a running total as of the last ("since", as the words would say)
            first, last = ("since", "point") if a.value == _INVASION else ("start", "end")
            out[i], out[i + 1] = DateRef(a.start, a.end, a.value, first), DateRef(b.start, b.end, b.value, last)
    return out


def _counts_a_noun(text: str, pos: int, lex: Lexicon) -> bool:
    """An equipment or people noun follows right after `pos`: the number before it counts them (a verb, as in
    "en 2024 murieron", does not)."""
    m = re.match(r"[ \u00a0]+", text[pos:pos + 3])
    at = pos + (m.end() if m else 0)
    if at == pos:
        return False
    stop = min(len(text), at + 40)
    equipment = lex.categories.search(text, at, stop)
    if equipment is not None and equipment.start == at and equipment.label in EQUIPMENT_CATEGORIES:
        return True
    people = lex.population.search(text, at, stop)
    return people is not None and people.start == at


def _year_edge(text: str, r: DateRef, lex: Lexicon) -> DateRef:
    """'the end of 2022' is the year's last day, 'début 2023' its first; the words are taken into the span."""
    if r.kind not in ("point", "year") or len(r.value) != 4:
        return r  # a month's end stays the month ("fin mai": the text gives no day)
    for key, day in (("end_of", end_of(r.value)), ("start_of", f"{r.value}-01-01")):
        hits = lex.dates[key].find(text, max(0, r.start - 30), r.start)
        if hits and not text[hits[-1].end:r.start].strip():
            return DateRef(hits[-1].start, r.end, day, "point")
    return r


def _month_context(text: str, pos: int, lex: Lexicon) -> bool:
    before = text[max(0, pos - 20):pos].casefold().split()
    words = set(lex.dates["since"].labels) | _month_before(lex)
    last = re.split(r"['’]", before[-1])[-1] if before else ""  # "qu'en décembre"
    return bool(before) and (before[-1] in words or last in words or " ".join(before[-2:]) in words)


@functools.cache
def _month_before(lex: Lexicon) -> frozenset[str]:
    from lossledger.lang import get_pack

    return frozenset(w.casefold() for w in get_pack(lex.code).words("dates", "month_before"))


def _last_year_after(text: str, pos: int, lex: Lexicon) -> int | None:
    """Return the end of a 'last year' phrase right after `pos` ("in May last year"), else None."""
    m = lex.dates["last_year"].search(text, pos, min(len(text), pos + 20))
    return m.end if m and not text[pos:m.start].strip(" ,") else None


def _year_for(month: int, ref: dt.date | None, floor: dt.date | None = None, day: int = 31) -> int | None:
    """The year of a month named without one: the last before the reference date, else the first from `floor`."""
    if ref is None:
        if floor is None:
            return None
        return floor.year if (month, day) >= (floor.month, floor.day) else floor.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _relative(ref: dt.date, unit: str, off: int) -> str:
    if unit == "day":
        return (ref + dt.timedelta(days=off)).isoformat()
    if unit == "week":
        return (ref + dt.timedelta(days=7 * off)).isoformat()
    if unit == "month":
        y, m = divmod(ref.year * 12 + ref.month - 1 + off, 12)
        return f"{y:04d}-{m + 1:02d}"
    return f"{ref.year + off:04d}"


def _year_before(start: str, end: str) -> str:
    """`start` moved to the year of `end`, or the year before, when it came out later than `end`."""
    if len(start) < 7 or len(end) < 4 or start[:len(end)] <= end:
        return start
    moved = end[:4] + start[4:]
    return moved if moved[:len(end)] <= end else f"{int(end[:4]) - 1:04d}{start[4:]}"


def _gap(text: str, a: DateRef, b: DateRef, lex: Lexicon) -> str:
    """The words between two dates, without an `end_of` phrase before the second ("and the end of" May)."""
    gap = text[a.end:b.start].strip().casefold()
    ends = lex.dates["end_of"].find(gap)
    return gap[:ends[-1].start].strip() if ends and ends[-1].end == len(gap) else gap


_DAY_THEN_LINK = re.compile(r"(?<![\w.,])(?P<d>\d{1,2})\.?\s*(?P<link>[-–—]|\w+)\s*$")


def _range_first_day(text: str, a: int, b: int, lex: Lexicon) -> re.Match | None:
    """The first day of a range of days that ends at `b` ("11 to" before "17 August"), else None."""
    m = _DAY_THEN_LINK.search(text, a, b)
    if m is None:
        return None
    _, joiner, until = _period_words(lex.code)
    link = m["link"].casefold()
    return m if link in until or link == joiner or link in "-–—" else None


@functools.cache
def _period_words(code: str) -> tuple[str, str, frozenset[str]]:
    """The pack's 'between' opener and joiner ("between", "and"; empty when missing) and its 'until' words."""
    from lossledger.lang import get_pack

    opener, joiner = ([w.casefold() for w in get_pack(code).words("dates", "between")] + ["", ""])[:2]
    return opener, joiner, frozenset(pack_words(code, "until", "dates"))


def compared(text: str, d: DateRef, lex: Lexicon) -> bool:
    """The date follows a word of comparison ("casi el triple que en 2022", "than in 2022"): not the figure's."""
    pattern = _compared(lex.code)
    return pattern is not None and pattern.search(text[max(0, d.start - 30):d.start].casefold()) is not None


@functools.cache
def _compared(code: str) -> re.Pattern | None:
    words = pack_words(code, "compared", "dates")
    if not words:
        return None
    return re.compile(rf"(?<![^\W_])(?:{trie_pattern(words)})\s*(?:[^\W\d_]{{1,3}}\s+)?$")


_CLAUSE_CUT = re.compile(r"[,;:()\n]|[.!?](?=\s)")


def _mark_periods(text: str, refs: list[DateRef], lex: Lexicon) -> list[DateRef]:
    """Mark `since` starts and `between A and B` periods."""
    if not refs:
        return []
    opener, joiner, until = _period_words(lex.code)
    out: list[DateRef] = []
    i = 0
    while i < len(refs):
        r = refs[i]
        before = text[max(0, r.start - 100):r.start]
        parts = _CLAUSE_CUT.split(before)
        clause = parts[-1].casefold()  # not into the sentence before
        settings = pack_words(lex.code, "settings")  # "…, on 24 February": a date in apposition
        if len(parts) > 1 and all(w in lex.articles or w in settings for w in clause.split()) and \
                before[len(before) - len(parts[-1]) - 1] == ",":
            # "depuis le début de l'invasion, le 24 février 2022": a date in apposition belongs to the clause before
            clause = parts[-2].casefold() + " " + clause
        if i + 1 < len(refs) and opener and re.search(rf"\b{re.escape(opener)}(?:\s+\w{{1,3}})?\s*$", clause):
            nxt = refs[i + 1]
            if _gap(text, r, nxt, lex) in {joiner, "-", "–", "—"} | until:
                out += [DateRef(r.start, r.end, _year_before(r.value, nxt.value), "start"),
                        DateRef(nxt.start, nxt.end, nxt.value, "end")]
                i += 2
                continue
        since_hit = lex.dates["since"].find(clause)
        # "since launching its full-scale invasion of Ukraine in February 2022": the date starts the period
        gap = len(clause[since_hit[-1].end:].split()) if since_hit else 0
        adjacent = since_hit and since_hit[-1].text in pack_words(lex.code, "since_adjacent", "dates")
        if since_hit and gap <= (1 if adjacent else 10) and \
                not any(c.isdigit() for c in clause[since_hit[-1].end:]):
            out.append(DateRef(r.start, r.end, r.value, "since"))
            nxt = refs[i + 1] if i + 1 < len(refs) else None
            if nxt is not None and _gap(text, r, nxt, lex) in until | {"-", "–", "—"}:
                # "from January to May 2023", "з 24.02.22 по 23.11.24": the second date ends the period, it
                # starts none; a start without its own year takes the end's ("January" of "May 2023")
                out[-1] = DateRef(r.start, r.end, _year_before(r.value, nxt.value), "since")
                out.append(nxt)
                i += 2
                continue
        else:
            out.append(r)
        i += 1
    return out
