"""Assembly: a figure, its attribution and its dates become a spec record; repeats merge."""

from __future__ import annotations

import datetime as dt
import re

from lossledger.extract.claimants import Attribution, lookup, side_of
from lossledger.extract.dates import DateRef, compared, end_of, parse_iso
from lossledger.extract.figures import ARMY_SIDES, LAUNCHED, Figure, clause_start, side_words
from lossledger.extract.lexicon import Lexicon, pack_words
from lossledger.extract.modality import modality, stance
from lossledger.model import Claim, Evidence

_ENEMY = {"russia": "ukraine", "ukraine": "russia"}
_NUMBER = re.compile(r"\d")
# "since 24 February 2022" marks the full-scale invasion: a cumulative figure, no period (spec, Dates).
_INVASION = (dt.date(2022, 2, 20), dt.date(2022, 2, 24))


def assemble(doc: str, text: str, s0: int, s1: int, fig: Figure, att: Attribution | None,
             dates: list[DateRef], ref: str | None, inferred: bool, lex: Lexicon,
             fallback_side: str | None = None, when: str | None = None) -> Claim | None:
    """Build the claim record of one figure, or None when its side cannot be told or it is a zero increment.

    `ref` is the publication date (YYYY-MM-DD, or YYYY-MM / YYYY where only that much is known);
    `fallback_side` is the article's running side, for a sentence that names no party;
    `when` the date of a statement the sentence continues ("He also said ...").
    """
    claimant = att.claimant if att else None
    side = fig.side
    if fig.enemy:
        side = _ENEMY.get(side_of(claimant, lex) or "", None) or lex.enemy_default  # a source of no known side
    if (side is None and fig.category in LAUNCHED) or fig.side_weak:
        # "air defence shot down 747 drones": the attacker's, whatever side the sentence names as the target
        # (in a Ukrainian text, a source of no known side reports the enemy's: lex.enemy_default)
        side = _ENEMY.get(side_of(claimant, lex) or "") or (lex.enemy_default if claimant else None) or side
    side = side or fallback_side
    if _own_people(text, fig, s0, s1, att, lex):
        side = side_of(claimant, lex)  # "The Israeli military says 466 of its soldiers have been killed"
    stance_ = stance(text, fig, s1, lex)
    known = lookup(claimant)
    if stance_ == "disputed" and known is not None and known.side and not _own_side_word(text, fig, lex):
        # "Not 400,000 dead, not 100,000," says Zelensky: who rejects a figure of the dead rejects his own side's
        side = known.side
    if side is None:
        return None
    population = fig.population
    if fig.side is None and fig.population_elsewhere and side not in ARMY_SIDES:
        population = fig.population_elsewhere  # the running side is Gaza's, Sudan's: no soldiers by default
    mod = modality(text, fig, _zone_start(text, fig, s0), s1, lex)
    as_of, start, end, from_ref = _when(fig, dates, ref, mod, text, lex)
    if from_ref and when:
        as_of, from_ref = when, False
    if not from_ref and _future(as_of, ref):
        mod = "projection"  # "kan antalet döda nå 1,5 miljoner i slutet av 2026", written in 2025: a forecast
    if _increment(text, fig) and not fig.q.value:
        return None  # "РСЗВ ‒ 1 654 (+0)": nothing was lost that day
    if _increment(text, fig) and as_of and len(as_of) == 10:
        start = end = as_of  # "10,933 (+3)": the 3 are that day's tally, not a running total
    q = fig.q
    return Claim(
        doc=doc, side=side, population=population, category=fig.category, metric=fig.metric,
        value=q.value, low=q.low, high=q.high, qualifier=q.qualifier,
        claimant=claimant, via=list(att.via) if att else [],
        as_of=as_of, period_start=start, period_end=end,
        modality=mod, stance=stance_,
        evidence=Evidence(text[s0:s1], s0, s1),
        as_of_inferred=inferred and from_ref,
    )


_YEAR = re.compile(r"\d{4}")


def _future(as_of: str | None, ref: str | None) -> bool:
    """The figure's date lies after the publication date, compared at the coarser of their precisions."""
    if not as_of or not ref:
        return False
    n = min(len(as_of), len(ref))
    return as_of[:n] > ref[:n]


def _increment(text: str, fig: Figure) -> bool:
    """The number is a daily increment in brackets: "(+3)"."""
    return text[max(0, fig.q.start - 2):fig.q.start].replace(" ", "") in ("(+", "+") and \
        text[fig.q.end:fig.q.end + 2].lstrip()[:1] == ")"


def _bracketed(text: str, a: int, b: int) -> bool:
    """A bracket opens between the figure and the date and is still open: "9,419 (+20 over the past day)"
    dates the bracketed increment, not the total."""
    gap = text[a:b]
    return gap.rfind("(") > gap.rfind(")")


def _zone_start(text: str, fig: Figure, s0: int) -> int:
    """Modality cues count from the start of the figure's clause."""
    return clause_start(text, max(s0, fig.q.start - 120), fig.q.start)


def _own_people(text: str, fig: Figure, s0: int, s1: int, att: Attribution | None, lex: Lexicon) -> bool:
    """The people counted are the source's own: a possessive stands between the number and its noun ("466 of its
    soldiers", "456 ihrer Soldaten", "455 jej żołnierzy"), the source has a side, and the sentence names no other."""
    words = set(text[fig.q.end:fig.head_end].casefold().split())
    if att is None or not words & set(pack_words(lex.code, "own_possessives")):
        return False
    own = side_of(att.claimant, lex)
    exclude = (att.span,) if att.span else ()
    return own is not None and all(m.label == own for m in side_words(text, s0, s1, lex, exclude))


def _when(fig: Figure, dates: list[DateRef], ref: str | None, mod: str, text: str,
          lex: Lexicon) -> tuple[str | None, str | None, str | None, bool]:
    """(as_of, period_start, period_end, as_of came from the reference date) by the spec's 5-step rule."""
    q = fig.q
    refs = [d for d in dates if (d.end <= q.start or d.start >= q.end and not _bracketed(text, q.end, d.start))
            and not compared(text, d, lex)]
    statement = ref
    points = [d for d in refs if d.kind == "point"]
    # a date the text gives for the figure goes before the date of the statement ("said on Tuesday")
    points = [d for d in points if not _of_statement(text, d, lex)] or points
    nearest = min(points, key=lambda d: abs(d.start - q.start)) if points else None
    point = nearest.value if nearest else None
    if mod == "projection" and point and len(point) == 7 and ref and point < ref[:7] and \
            not _YEAR.search(text, nearest.start, nearest.end):
        point = f"{int(point[:4]) + 1}{point[4:]}"  # "could reach 1 million by August": the next August
    starts = [d for d in refs if d.kind == "start"]
    ends = [d for d in refs if d.kind == "end"]
    if starts and ends:  # the figure's own period: "22,000 between A and B, and 25,000 between C and D"
        after = [d for d in starts if d.start >= q.end and not any(c.isdigit() for c in text[q.end:d.start])]
        first = after[0] if after else min(starts, key=lambda d: abs(d.start - q.start))
        last = next((d for d in ends if d.start > first.start), ends[0])
        return last.value, first.value, last.value, False
    years = [d for d in refs if d.kind == "year"]
    # "en 2025 environ 420 000, soit 1 150 par jour, contre 430 000 en 2024": a year after another number is its
    years = [d for d in years if d.end <= q.start or not any(c.isdigit() for c in text[q.end:d.start])] or years
    if years and mod == "projection":
        return years[-1].value, None, None, False
    if ends and not starts and point is None:  # "hat bis zum 7. Oktober 2024 41.900 Tote gemeldet": as of then
        nearest = min(ends, key=lambda d: abs(d.start - q.start))
        point = nearest.value
    stated = point or statement
    since = next((d for d in refs if d.kind == "since"), None)
    if since and since.end <= q.start and _when_then(text, since, q, lex):
        # "n'a plus communiqué de bilan depuis septembre 2022, lorsqu'il avait reconnu 5 937 morts": as of then
        return since.value, None, None, False
    if since and not _is_invasion(since.value):
        return stated, since.value, stated, point is None
    if since and since.end <= q.start and not any(c.isdigit() for c in text[since.end:q.start]) and point is None:
        return stated, None, None, True  # "ce qui porte le total depuis février 2022 à 1,2 million": a running total
    # "1,520 over the past day, bringing the total to 891,330": a running total between cuts the day off
    refs = [d for d in refs if d.kind not in ("past_day", "past_week") or not lex.cues["cumulative"].search(
        text, min(d.end, q.end), max(d.start, q.start)) and not _owned_by_other(text, q, d)]
    past_day = next((d for d in refs if d.kind == "past_day"), None)
    if past_day:
        day = point or past_day.value
        return day, day, day, point is None
    past_week = next((d for d in refs if d.kind == "past_week"), None)
    if past_week:
        day = point or past_week.value
        last = parse_iso(day) if len(day) == 10 else None
        if last is not None:
            # "10,000 in a week": the seven days up to the statement (or the date the text gives), both counted
            return day, (last - dt.timedelta(days=6)).isoformat(), day, point is None
    if point and len(point) == 7 and fig.metric != "count" and not since and _during(nearest, text, lex):
        # "1,200 a day in November": a rate over that month
        last = end_of(point)
        if ref and len(ref) == 10 and ref[:7] == point and ref < last:
            last = ref
        return last, f"{point}-01", last, False
    if point and len(point) == 7 and fig.metric == "count" and not since and _month_total(nearest, q, text, lex):
        # a month's stated total ("in August, 28,790") has that month as its period (spec, Conventions);
        # "in February, the ministry said 46,500" dates the statement, not a period
        last = end_of(point)
        if ref and len(ref) == 10 and ref[:7] == point and ref < last:
            last = ref
        return last, f"{point}-01", last, False
    near_year = min(years, key=lambda d: abs(d.start - q.start)) if years else None
    if near_year and point and abs(near_year.start - q.start) < abs(nearest.start - q.start) and \
            _during(near_year, text, lex):
        point = None  # "suffered in 2025 some 395,000 casualties, says a study published this Thursday"
    if years and fig.metric != "count" or years and not point:
        year = near_year.value
        last = end_of(year)
        if ref and len(ref) == 10 and ref[:4] == year and ref < last:
            last = ref
        return last, f"{year}-01-01", last, False
    return stated, None, None, point is None


def _of_statement(text: str, d: DateRef, lex: Lexicon) -> bool:
    """The date follows a speech verb within two words ("the governor said on Tuesday", "sagte am Dienstag"): it
    dates the statement, not the figure."""
    hits = lex.speech.find(text, max(0, d.start - 30), d.start)
    return bool(hits) and len(text[hits[-1].end:d.start].split()) <= 2 and \
        not any(c.isdigit() for c in text[hits[-1].end:d.start])


def _own_side_word(text: str, fig: Figure, lex: Lexicon) -> bool:
    """A side word in the figure's own words: right before its number or among the words after it."""
    q = fig.q
    before = text[max(0, q.start - 30):q.start]
    cut = max(before.rfind(c) for c in ":“\"«„")  # not across the opening of a quote ("medios rusos: “No son 400.000")
    return bool(side_words(text, q.start - len(before) + cut + 1, q.start, lex) or
                side_words(text, q.end, max(q.end, fig.head_end), lex))


def _when_then(text: str, d: DateRef, q, lex: Lexicon) -> bool:
    """A clause opened by 'when' follows the date right away and holds the figure ("since September 2022, when ...")."""
    m = re.match(r"\s*(?:[^\W\d_]{1,5}\.?\s*)?,\s*", text[d.end:q.start])  # "2022 года, когда"
    hit = lex.dates["when_then"].search(text, d.end, min(q.start, d.end + 12)) if m else None
    return hit is not None and hit.start == d.end + m.end() and not re.search(r"[,;:]", text[hit.end:q.start])


def _owned_by_other(text: str, q, d: DateRef) -> bool:
    """Another number stands right before the day phrase after the figure: "892,840 since ..., including 1,180
    over the past day" (the day is the 1,180's; not "87 of 112 drones were shot down overnight")."""
    if d.start < q.end:
        return False
    gap = text[q.end:d.start]
    last = max((m.end() for m in _NUMBER.finditer(gap)), default=None)
    return last is not None and len(gap[last:].split()) <= 2


def _during(d: DateRef, text: str, lex: Lexicon) -> bool:
    """The month `d` follows 'in'/'during' (or is relative: "last month")."""
    if " ".join(text[d.start:d.end].casefold().split()) in lex.relative:
        return True
    before = lex.dates["during"].find(text, max(0, d.start - 25), d.start)
    return bool(before) and not text[before[-1].end:d.start].strip()


def _month_total(d: DateRef, q, text: str, lex: Lexicon) -> bool:
    """'in August ... 28,790' is the month's total; not 'by August', 'in August ... already 600,000', nor
    'in February, the ministry said 46,500' (the statement's date)."""
    if not _during(d, text, lex):  # "last month" is one
        return False
    a, b = (d.end, q.start) if d.end <= q.start else (q.end, d.start)
    clause = clause_start(text, max(0, min(d.start, q.start) - 60), min(d.start, q.start))
    running = lex.cues["cumulative"].search(text, clause, max(d.end, q.end))
    return lex.speech.search(text, a, b) is None and running is None


def _is_invasion(value: str) -> bool:
    d = parse_iso(value)
    # "since 2022", "since February 2022", "since 24 February 2022": since the full-scale invasion
    return d is not None and (value in ("2022", "2022-02") or len(value) == 10 and _INVASION[0] <= d <= _INVASION[1])


def merge_repeats(claims: list[Claim]) -> list[Claim]:
    """One record per claim: later repeats go (the first statement is the evidence, filled in with the
    period a repeat states: "losses since the counteroffensive began ... Since June 4, the losses"); a
    surname or title-less repeat of a named claimant is the same claimant; an unattributed repeat of an
    attributed claim goes."""
    kept: list[Claim] = []
    keys: list[tuple] = []  # _key of each kept claim (merging changes no part of it)
    for c in claims:
        key = _key(c)
        first = next((k for k, k_key in zip(kept, keys, strict=True)
                      if k_key == key and _same_claimant(k.claimant, c.claimant) and _same_period(k, c)), None)
        if first is None:
            kept.append(c)
            keys.append(key)
            continue
        _fill_period(first, c)
        _fill_category(first, c)
        _fill_qualifier(first, c)
        if len(c.claimant or "") > len(first.claimant or ""):
            first.claimant = c.claimant  # the fullest form of the name (spec, claimant)
    # a headline or unattributed mention yields to the attributed statement of the same figure, and lends it
    # the period it states ("losses in August totalled 28,790 ... 28,790, the ministry said")
    named = {_key(c): c for c in reversed(kept) if c.claimant}
    for c in kept:
        first = named.get(_key(c))
        if not c.claimant and first is not None:
            _fill_period(first, c)
            _fill_category(first, c)
    return [c for c in kept if c.claimant or _key(c) not in named]


def _same_period(a: Claim, b: Claim) -> bool:
    """Two statements of one figure that each state a period state periods that overlap ("over the past week" in
    the headline, "from 2 to 8 June" in the text): "20,000 in May ... 20,000 in June" are two claims."""
    if a.period_end is None or b.period_end is None or not a.period_start or not b.period_start:
        return True
    return a.period_start <= b.period_end[:len(a.period_start)] and b.period_start <= a.period_end[:len(b.period_start)]


def _fill_period(first: Claim, repeat: Claim) -> None:
    """The repeat's period, where `first` states none and is dated within or after it (a statement made after
    a month reports that month's total)."""
    end = repeat.period_end
    if first.period_end is None and end is not None and (
            not first.as_of or first.as_of >= end[:len(first.as_of)] or end.startswith(first.as_of)):
        first.period_start, first.period_end, first.as_of = repeat.period_start, repeat.period_end, repeat.as_of


def _fill_category(first: Claim, repeat: Claim) -> None:
    """A repeat that says what the losses were tells what the first statement meant ("lost 600,000 troops" ...
    "600,000 Russian soldiers lay wounded or dead")."""
    if first.category == "losses" and repeat.category != "losses":
        first.category = repeat.category


def _fill_qualifier(first: Claim, repeat: Claim) -> None:
    """A repeat that bounds or rounds the number tells how the first statement, a bare headline number, meant it
    ("Втрати ворога: 1 230 450 осіб" … "особового складу ‒ близько 1 230 450")."""
    if first.qualifier == "exact" and repeat.qualifier in ("approx", "at_least", "at_most"):
        first.qualifier, first.low, first.high = repeat.qualifier, repeat.low, repeat.high


def _same_claimant(a: str | None, b: str | None) -> bool:
    """The same source named twice: equal, or one name's words run inside the other's ("Shoigu", "Sergei
    Shoigu", "Russian Defense Minister Sergei Shoigu")."""
    if not a or not b:
        return a == b
    wa, wb = _words(a), _words(b)
    short, long = sorted((wa, wb), key=len)
    return bool(short) and any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"['’]s\b", "", name.casefold()))


def _key(c: Claim) -> tuple:
    group = "killed_or_wounded" if c.category == "losses" else c.category
    nums = (c.low, c.high) if c.qualifier in ("range", "vague") else (c.value,)
    return (c.side, group, c.metric, nums, c.stance)
