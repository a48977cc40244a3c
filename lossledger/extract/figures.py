"""Figures: which numbers of a sentence are losses, and of what, whose, which people, at what rate."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from lossledger.extract.lexicon import Lexicon, Match, pack_words, trie_pattern
from lossledger.model import EQUIPMENT_CATEGORIES, Quantity

_PERSONNEL_COMBOS = [
    ({"killed", "wounded"}, "killed_or_wounded"),
    ({"missing", "captured"}, "missing_or_captured"),
]
LAUNCHED = ("drones", "cruise_missiles")  # lost by the side that launched them
ARMY_SIDES = frozenset({"russia", "ukraine", "both", "north korea"})  # whose losses with no noun are soldiers'
_RATIO_REACH = (80, 50)  # characters before and after a figure in which a ratio word makes it a ratio
# a comma not inside a number ("300,000"), ; : ( ) [ ] – — …, a spaced hyphen, or . ! ? before a space or the end;
# spelled as one character class first, so that the regex engine can skip ahead to those characters
_CLAUSE_END = re.compile(r"[,;:()\[\]–—….!?\s](?:(?<=,)(?:(?<!\d,)|(?!\d))|(?<=[;:()\[\]–—…])|(?<=\s)-\s"
                         r"|(?<=[.!?])(?=\s|$))")
_SIDE_ENEMY = {"russia": "ukraine", "ukraine": "russia", "israel": "palestine", "palestine": "israel"}
_CLAUSE_STOP = re.compile(r"[.!?;]")  # a sentence's or a clause's end between a launch and what it launched
_COUNTS = re.compile(r"[\d\s.,+()\u00a0\u202f]+")  # list counts and their increments: "22.250 (+11),"
_INCREMENT_AFTER = re.compile(r"[ \u00a0\u202f]*\([ \u00a0\u202f]*\+[ \u00a0\u202f]*\d[\d \u00a0\u202f.,]*\)")
_CLOSING = re.compile(r"[ \u00a0\u202f]*\)")  # the end of the increment in brackets itself: "(+2)"
_OPENING_QUOTES = "«\"“„"  # between a noun and a party named in quotes: "боевиков «Хизбаллы»"
_PAIR = ("-", "–", "/", "—")  # "the Russia-Ukraine war": the two sides together
_ITEM_LEAD = re.compile(r"[\s\-–—•*·]*")  # bullets before a list item's noun
# bullets and up to two words before the loss word of an item ("systemy obrony przeciwlotniczej – 1 240")
_ITEM_WORDS = re.compile(r"[\s\-–—•*·]*(?:[^\W\d_]+\s+){0,2}")
# between a list item's noun and its number, an abbreviation in brackets maybe ("wyrzutnie rakietowe (MLRS) – 1 532")
_ITEM_DASH = re.compile(r"\s*(?:\([^\W\d_]{2,12}\)|\))?\s*[—–‒―−:-]\s*")
_APOSTROPHE = re.compile(r"['’]")
_WORDS = re.compile(r"[^\W\d_]+")
_LIST_LINES = 20  # lines of a list block under the paragraph that heads it
_LIST_CONTEXT = 800  # characters before a list item searched for its loss word (the list's heading)


@dataclass
class Figure:
    """A number read as a loss: everything but who claims it and when."""

    q: Quantity
    category: str
    population: str
    side: str | None
    metric: str
    head_end: int
    enemy: bool = False
    # the population had the side been one with no army at war here: where `side` is None and the population
    # was read off the side ("El número de heridos asciende a 97.303": Gaza's wounded are no soldiers)
    population_elsewhere: str | None = None
    # drones or missiles whose side was not read off their own words ("Росія атакувала Україну 126 дронами, з
    # них 79 збито": the side named nearest is the target): the enemy of a source of known side is the launcher
    side_weak: bool = False


def _zone_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


def _glued_noise(text: str, q: Quantity) -> bool:
    after = text[q.num_end:q.num_end + 2]
    before = text[max(0, q.num_start - 1):q.num_start]
    return bool(after[:1] and after[0] in "%$€£°'’" and not after.startswith(("'s", "’s"))) or \
        bool(before) and before in "$€£#№"


def _at(matcher, text: str, pos: int) -> Match | None:
    """The lexicon match starting right at `pos` (after spaces), if any."""
    while pos < len(text) and text[pos] in " \u00a0\t":
        pos += 1
    m = matcher.search(text, pos, min(len(text), pos + 40))
    return m if m and m.start == pos else None


def _ends_with(matcher, text: str, pos: int) -> bool:
    hits = matcher.find(text, max(0, pos - 12), pos)
    return bool(hits) and not text[hits[-1].end:pos].strip()


def is_noise(text: str, q: Quantity, lex: Lexicon, date_spans: list[tuple[int, int]]) -> bool:
    """True when the number is a date, money, a percentage, a distance, an age or another non-loss."""
    for s, e in date_spans:
        if q.num_start < e and q.num_end > s:
            return True
    if _glued_noise(text, q):
        return True
    after = _at(lex.cues["noise_after"], text, q.num_end)
    cat = _at(lex.categories, text, q.num_end)
    if after and (cat is None or after.end >= cat.end):
        return True
    head = lex.cues["noise_after"].search(text, q.num_end, _word_limit(text, q.num_end, 3))
    # "340 per day": the rate cue may hold the noise word itself
    rate = any(lex.cues[k].search(text, q.num_end, head.end) for k in ("per_day", "per_week", "per_month")) \
        if head else False
    edge = head and any(_ends_with(lex.dates[k], text, head.start) for k in ("end_of", "start_of"))
    if head and not rate and not edge and not lex.categories.search(text, q.num_end, head.start) and \
            not lex.population.search(text, q.num_end, head.start) and text[q.num_end:head.start].strip()[:1].isalpha():
        return True  # "500 000 square km", not "a million by the end of the year" ("до кінця року")
    if text[q.num_end:q.num_end + 1] == "-" and text[q.num_end + 1:q.num_end + 2].isalpha():
        return True  # "19-year-old", "5-day"
    if q.qualifier == "exact" and _at(lex.cues["unit_nouns"], text, q.num_end + (text[q.num_end:q.num_end + 1] == ".")):
        return True  # "47. Brygady Zmechanizowanej", "the 3rd Assault Brigade": the number names a unit
    recruits = lex.cues.get("recruit_verbs")
    if recruits is not None and recruits.search(text, clause_start(text, max(0, q.start - 80), q.start), q.start):
        return True  # "Moscow is recruiting about 30,000 new soldiers a month": soldiers gained, not lost
    # "displaced more than 12 million", "a population of around 41 million": the words before the bound too
    noise = lex.cues["noise_before"]
    return _ends_with(noise, text, q.num_start) or _ends_with(noise, text, q.start)


def _compose(text: str, hits: list[Match], i: int, personnel: set[str], lex: Lexicon) -> tuple[str, int]:
    """Category of hits[i] combined with the category words joined to it ("killed or wounded")."""
    labels = {hits[i].label}
    end = hits[i].end
    j = i + 1
    while j < len(hits) and hits[j].label in personnel and lex.category_join.match(text[end:hits[j].start]):
        labels.add(hits[j].label)
        end = hits[j].end
        j += 1
    if len(labels) > 1:
        for need, combo in _PERSONNEL_COMBOS:
            if need <= labels:
                return combo, end
        if "killed" in labels or "wounded" in labels:
            return "killed_or_wounded", end
    return hits[i].label, end


def _personnel_category(text: str, a: int, b: int, lex: Lexicon, nearest_last: bool,
                        chain_end: int | None = None) -> str | None:
    hits = [h for h in lex.categories.find(text, a, chain_end or b) if h.label not in EQUIPMENT_CATEGORIES]
    if not hits or hits[0].start >= b:
        return None
    if chain_end:
        keep = [hits[0]]
        for h in hits[1:]:
            if not lex.category_join.match(text[keep[-1].end:h.start]):
                break
            keep.append(h)
        hits = keep
    personnel = {h.label for h in hits} - {"losses"}
    for need, combo in _PERSONNEL_COMBOS:
        if need <= personnel:
            return combo
    specific = [i for i, h in enumerate(hits) if h.label != "losses"]
    order = specific[::-1] if nearest_last else specific
    if order:
        # start a chain at the first hit of a run, so "killed or wounded" composes from "killed"
        i = order[0]
        while nearest_last and i > 0 and hits[i - 1].label in personnel and lex.category_join.match(
                text[hits[i - 1].end:hits[i].start]):
            i -= 1
        return _compose(text, hits, i, personnel | {"killed", "wounded", "missing", "captured"}, lex)[0]
    return "losses"


def _population(text: str, a: int, b: int, lex: Lexicon) -> str | None:
    """The kind of people the figure's words name; soldiers and civilians together ("65,000 Ukrainians, soldiers
    and civilians") are of no one kind."""
    m = lex.population.search(text, a, b)
    if m is None:
        return None
    if m.label in ("military", "civilian"):
        other = "civilian" if m.label == "military" else "military"
        near = lex.population.find(text, m.end, min(b, m.end + 20))
        if any(h.label == other for h in near) and lex.side_joiner.search(text, m.end, near[0].start) is not None:
            return "unspecified"
    return m.label


def read_figures(text: str, s0: int, s1: int, quantities: list[Quantity], lex: Lexicon,
                 date_spans: list[tuple[int, int]], exclude: tuple = (), earlier: Figure | None = None) -> list[Figure]:
    """Read the loss figures among the quantities of the sentence `text[s0:s1]`.

    `exclude` holds spans (the claimant's name) whose side words name the source, not the loser.
    `earlier` is the last figure of the sentence before: a rebuttal that names no loss ("Not 300,000,
    not 150,000.") is about the same loss.
    """
    noise = [is_noise(text, q, lex, date_spans) for q in quantities]
    ratio = lex.cues.get("ratio")
    if ratio is not None and ratio.search(text, s0, s1) is not None:
        # "five Russians for every Ukrainian killed": the figures near a ratio word are a ratio, not a count
        hits = ratio.find(text, s0, s1)
        noise = [n or any(q.start - _RATIO_REACH[0] <= h.start and h.end <= q.end + _RATIO_REACH[1] for h in hits)
                 for q, n in zip(quantities, noise, strict=True)]
    # "15 of Russia's 85 regions": a part of a whole that is no loss is none either
    noise = [n or i + 1 < len(quantities) and noise[i + 1] and _part_of(text, q, quantities[i + 1], lex)
             for i, (q, n) in enumerate(zip(quantities, noise, strict=True))]
    kept = [q for q, n in zip(quantities, noise, strict=True) if not n]
    counts = tuple((q.start, q.end) for q in kept)
    # "shot down 215 of 300 drones": the 300 launched are the whole, no loss, and the 215 take their noun
    kept = [q for i, q in enumerate(kept) if not (i and _whole_of(text, kept[i - 1], q, lex))]
    figures: list[Figure] = []
    # "That works out to an average of 1,177 soldiers a day.": a restatement goes on with the figure before
    prev: Figure | None = earlier if earlier is not None and earlier.category not in EQUIPMENT_CATEGORIES and kept and (
        restates(lex.dates["restated"], text, s0, s1) or
        lex.dates["restated"].search(text, max(s0, kept[0].start - 40), kept[0].start) is not None) else None
    rejected: list[Quantity] = []  # negated numbers of no kind yet: "Not 400,000, not 300,000 soldiers killed"
    # "Hinzu kämen 1.192 Flugabwehrsysteme …", "El balance incluye además 11.620 tanques": a tally goes on
    additive = lex.cues.get("additive")
    continues = earlier is not None and additive is not None and additive.search(text, s0, s1) is not None
    # a part ("including five children") or the second of two alternatives ("300,000 or 150,000 dead") does
    # not end the words of the number before it
    parts = [_is_part(text, q, lex) or bool(i) and _alternative(text, kept[i - 1], q, lex)
             for i, q in enumerate(kept)]
    for i, q in enumerate(kept):
        if q.qualifier == "at_most" and _after_rise(text, q, lex):
            # "кількість загиблих зросла до п'яти": 'до' belongs to the verb (rose to), it bounds nothing
            q = dataclasses.replace(q, qualifier="exact", low=q.value, high=q.value)
        # a part ("31 people, including five children, were killed") does not end the words of its whole
        nxt = next((k.start for k, part in zip(kept[i + 1:], parts[i + 1:], strict=True) if not part), s1)
        before_start = figures[-1].q.end if figures else s0  # a number read as no figure bounds nothing
        # "11 353 (+2) танки": the day's increment in brackets stands between a number and its noun
        increment = _INCREMENT_AFTER.match(text, q.end)
        bracket = increment or (
            _CLOSING.match(text, q.end) if text[max(0, q.start - 2):q.start].replace(" ", "") == "(+" else None)
        if increment:  # the increment's own number is no next figure
            nxt = next((k.start for k, part in zip(kept[i + 1:], parts[i + 1:], strict=True)
                        if not part and k.start >= bracket.end()), s1)
        read = dataclasses.replace(q, end=bracket.end()) if bracket and bracket.end() < nxt else q
        head_end = _zone_end(text, read.end, min(nxt, read.end + 60))
        head_end = min(head_end, _word_limit(text, read.end, 6))
        fig = _read_one(text, read, s0, s1, before_start, head_end, nxt, lex, prev, exclude, counts, continues)
        if fig is not None and read is not q:
            fig = dataclasses.replace(fig, q=dataclasses.replace(fig.q, end=q.end))
        denied = negated(text, q, lex)
        if fig is None and earlier is not None and denied and not lex.categories.search(text, s0, s1):
            fig = Figure(q=q, category=earlier.category, population=earlier.population, side=earlier.side,
                         metric=earlier.metric, head_end=head_end, enemy=earlier.enemy)
        if fig is None and denied:
            rejected.append(q)
        elif fig is not None and denied and rejected:
            # the rejected numbers before it are of its kind
            figures += [dataclasses.replace(fig, q=r) for r in rejected]
            rejected = []
        elif fig is not None:
            rejected = []
        if fig and parts[i] and i and fig.category not in EQUIPMENT_CATEGORIES:
            # "123 drones, of which 71 were shot down": the part is of the whole's kind
            whole = lex.categories.search(text, kept[i - 1].end, _word_limit(text, kept[i - 1].end, 3))
            if whole and whole.label in EQUIPMENT_CATEGORIES:
                fig = dataclasses.replace(fig, category=whole.label, population="military")
        if fig and fig.category not in EQUIPMENT_CATEGORIES:
            kind = _counted_out_of(text, q, s0, lex)
            if kind is not None:  # "126 attackdrönare ..., 79 av dem sköts ned": drones
                fig = dataclasses.replace(fig, category=kind, population="military")
        if fig and fig.category in LAUNCHED and fig.side is not None and not fig.enemy and \
                not side_words(text, q.end, fig.head_end, lex):
            fig = dataclasses.replace(fig, side_weak=True)
        if fig and q.qualifier == "exact" and _approximate_list(text, s0, q, lex):
            fig = dataclasses.replace(fig, q=dataclasses.replace(q, qualifier="approx"))
        if fig:
            if prev is not None and _shares_qualifier(text, prev, fig, lex):
                fig = dataclasses.replace(fig, q=dataclasses.replace(q, qualifier="approx"))
            figures.append(fig)
            prev = fig
    if figures and lex.cues["not_war"].search(text, s0, s1):
        # "42 people died in road accidents", "Bei einem Busunglück kamen 14 Menschen ums Leben": no war losses
        figures = [f for f in figures if f.category in EQUIPMENT_CATEGORIES or f.population == "military"]
    return _wholes_of_dead_and_wounded(figures)


@functools.cache
def conjunctions(code: str) -> frozenset[str]:
    """The pack's words joining two sides or two figures ('and', 'or')."""
    from lossledger.lang import get_pack

    return frozenset(w.casefold() for w in get_pack(code).words("sides", "conjunctions"))


@functools.cache
def _article_one_pattern(code: str) -> re.Pattern | None:
    from lossledger.lang import get_pack

    pack = get_pack(code)
    arts = pack.section("numbers").get("articles", [])
    conj = pack.words("sides", "conjunctions")
    if not arts or not conj:
        return None
    alt = "|".join(re.escape(w) for w in sorted(conj, key=len, reverse=True))
    art = "|".join(re.escape(w) for w in sorted(arts, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})\s+({art})(?=\s)", re.IGNORECASE)


def article_ones(text: str, s0: int, s1: int, quantities: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """An article that counts one in a list of counts: "28 ships and one submarine" written "28 fartyg samt en
    ubåt", "zwei Tote und ein Verletzter": after a conjunction, with a loss word right after it, once the
    sentence has given a number."""
    pattern = _article_one_pattern(lex.code)
    if pattern is None or not quantities:
        return []
    out = []
    for m in pattern.finditer(text, quantities[0].end, s1):
        a, b = m.span(1)
        if _at(lex.categories, text, b) and not any(q.start <= a < q.end for q in quantities):
            out.append(Quantity(start=a, end=b, text=text[a:b], value=1.0, low=1.0, high=1.0, qualifier="exact",
                                vague=False, num_start=a, num_end=b))
    return out


def _wholes_of_dead_and_wounded(figures: list[Figure]) -> list[Figure]:
    """A figure followed by its dead and its wounded holds them: "30,457 troops, 10,582 dead and 19,875 wounded"
    are killed or wounded; where the parts leave some over ("79,000 fallen, 22,000 of them dead and 40,000
    wounded") the whole holds more kinds than these: losses."""
    out = list(figures)
    for i, whole in enumerate(figures):
        if whole.category not in ("killed", "losses") or whole.q.value is None:
            continue
        later = [f for f in figures[i + 1:] if f.side == whole.side and f.q.value is not None]
        dead = next((f.q.value for f in later if f.category == "killed"), None)
        wounded = next((f.q.value for f in later if f.category == "wounded"), None)
        if dead is not None and wounded is not None and dead + wounded <= whole.q.value:
            exact = dead + wounded >= 0.98 * whole.q.value
            out[i] = dataclasses.replace(whole, category="killed_or_wounded" if exact else "losses")
    return out


def _shares_qualifier(text: str, prev: Figure, fig: Figure, lex: Lexicon) -> bool:
    """"about 80,000 killed and 400,000 wounded": an approximation before the first of two coordinated
    figures covers the second, when only the first's loss words and a conjunction stand between them."""
    if prev.q.qualifier != "approx" or fig.q.qualifier != "exact" or fig.q.start - prev.q.end > 60 or \
            prev.category in EQUIPMENT_CATEGORIES or fig.category in EQUIPMENT_CATEGORIES:
        return False  # equipment counts are exact counts: "nearly 16,100 troops and 115 aircraft"
    a, b = prev.q.end, fig.q.num_start
    words = sorted([*lex.categories.find(text, a, b), *lex.population.find(text, a, b)], key=lambda m: m.start)
    pieces, pos = [], a
    for m in words:  # the gap without its loss and population words
        pieces.append(text[pos:m.start])
        pos = max(pos, m.end)
    gap = " ".join([*pieces, text[pos:b]])
    return bool(words) and bool(lex.category_join.match(gap)) and bool(gap.strip(" ,"))


def _object_of(text: str, a: int, q: Quantity, nxt: int, lex: Lexicon) -> str | None:
    """The loss verb right before the number ("killed eight people") when the loss word after it opens the next
    number ("... and injured 11 others"), so that each number keeps its own verb."""
    before = [h for h in lex.categories.find(text, a, q.start) if h.label not in EQUIPMENT_CATEGORIES]
    if not before or text[before[-1].end:q.start].strip() or nxt >= len(text):
        return None
    after = [h for h in lex.categories.find(text, q.end, nxt) if h.label not in EQUIPMENT_CATEGORIES]
    if after and not text[after[0].end:nxt].strip() and after[0].label != before[-1].label:
        return before[-1].label
    return None


def _counted_out_of(text: str, q: Quantity, s0: int, lex: Lexicon) -> str | None:
    """The equipment a number is counted out of when 'of them' follows it ("79 of them were shot down"): the last
    equipment counted before it ("126 drones"), in its sentence or the one before."""
    of_them = lex.cues.get("of_them")
    hit = of_them.search(text, q.end, min(len(text), q.end + 20)) if of_them else None
    if hit is None or text[q.end:hit.start].strip():
        return None
    kinds = [h for h in lex.categories.find(text, max(0, s0 - 300), q.start) if h.label in EQUIPMENT_CATEGORIES
             and any(c.isdigit() for c in text[max(0, h.start - 25):h.start])]
    return kinds[-1].label if kinds else None


def _is_part(text: str, q: Quantity, lex: Lexicon) -> bool:
    """The number opens a part of the figure before it: "including five children", "dont cinq enfants"."""
    marker = lex.cues.get("breakdown")
    hits = marker.find(text, max(0, q.start - 30), q.start) if marker else []
    return bool(hits) and not text[hits[-1].end:q.start].strip()


def _either_or(text: str, q: Quantity, category: str, end: int, lex: Lexicon) -> str:
    """A kind of loss and its partner further on in the figure's clause, no other number between: "tens of
    thousands remained either missing in action or held in Russian captivity" -> missing_or_captured."""
    for pair, combined in _PERSONNEL_COMBOS:
        if category in pair:
            partner = next(iter(pair - {category}))
            if any(h.label == partner for h in lex.categories.find(text, q.end, end)) and \
                    conjunctions(lex.code) & set(text[q.end:end].casefold().split()):
                return combined
    return category


def _part_of(text: str, part: Quantity, whole: Quantity, lex: Lexicon) -> bool:
    """`part` is counted out of `whole`: "of" and at most two words ("of Russia's 85") stand between."""
    out_of = lex.cues.get("out_of")
    hit = out_of.search(text, part.end, whole.start) if out_of else None
    return hit is not None and not text[part.end:hit.start].strip() and len(text[hit.end:whole.start].split()) <= 2


def _whole_of(text: str, part: Quantity, q: Quantity, lex: Lexicon) -> bool:
    """`q` is the whole `part` was counted out of: only "of"/"з"/"из" (and an article: "33 of the 38") stands
    between them."""
    out_of = lex.cues.get("out_of")
    gap = text[part.end:q.start]
    hit = out_of.search(text, part.end, q.start) if out_of and len(gap) < 16 else None
    if hit is None or text[part.end:hit.start].strip() or \
            text[hit.end:q.start].strip() and text[hit.end:q.start].strip().casefold() not in lex.articles:
        return False
    # equipment launched ("215 of 300 drones"); not people ("one of 12 killed" counts the 12)
    noun = lex.categories.search(text, q.end, _word_limit(text, q.end, 3))
    return noun is not None and noun.label in EQUIPMENT_CATEGORIES


def _alternative(text: str, before: Quantity, q: Quantity, lex: Lexicon) -> bool:
    """Only a conjunction stands between the two numbers: "300,000 or 150,000 dead"."""
    gap = text[before.end:q.start]
    return bool(gap.strip()) and bool(lex.side_joiner.fullmatch(gap))


def word_before(text: str, pos: int, start: int = 0) -> str:
    """The casefolded word right before `pos` (not before `start`), or ''."""
    words = text[max(start, pos - 20):pos].split()
    return words[-1].casefold() if words else ""


def negated(text: str, q: Quantity, lex: Lexicon) -> bool:
    """A word of negation stands right before the number: "not 300,000", "No son 400.000"."""
    words = [w.casefold().strip(",:;\"“”„«»'‘’–—") for w in text[max(0, q.start - 20):q.start].split()]
    labels = lex.cues["dispute_before"].labels
    return bool(words) and (words[-1] in labels or " ".join(words[-2:]) in labels)


@functools.cache
def _words_pattern(n: int) -> re.Pattern:
    """Up to `n` words (and what stands before each)."""
    return re.compile(rf"(?:\W*[\w'’-]+){{0,{n}}}")


def _word_limit(text: str, pos: int, n: int) -> int:
    """Where the `n` words after `pos` end (within 120 characters)."""
    m = _words_pattern(n).match(text, pos, pos + 120)
    return m.end() if m else pos


def _read_one(text: str, q: Quantity, s0: int, s1: int, before_start: int, head_end: int, nxt: int,
              lex: Lexicon, prev: Figure | None, exclude: tuple = (), counts: tuple = (),
              continues: bool = False) -> Figure | None:
    head_hits = lex.categories.find(text, q.end, head_end)
    equipment = next((h for h in head_hits if h.label in EQUIPMENT_CATEGORIES), None)
    first_pop = lex.population.search(text, q.end, head_end)
    if equipment and (first_pop and first_pop.start < equipment.start and first_pop.label != "military"
                      or any(h.start < equipment.start for h in head_hits
                             if h.label not in EQUIPMENT_CATEGORIES and h.label != "losses")  # "748 lost tanks"
                      or len(text[q.end:equipment.start].split()) > 3):
        equipment = None
    equipment = equipment and _wider_kind(text, equipment, lex) or equipment
    population = people = None
    headed = False
    clause_at = clause_start(text, before_start, q.start)
    item_at = _item_start(text, s0, before_start, q.start)
    item = None if equipment else _list_item(text, item_at, q.start, lex)
    # a tally risen to its number: "czołgów wzrosła do 4459", "a systemów artyleryjskich – do 5530" (an item's 'do'
    # is the verb's too), the equipment's number, exact
    risen = None if equipment or item and q.qualifier != "at_most" else _risen_to(text, before_start, q, lex)
    if risen:
        equipment, item = risen, None
        if q.qualifier == "at_most":
            q = dataclasses.replace(q, qualifier="exact", low=q.value, high=q.value)
    equipment = equipment or item
    if equipment:
        # a list item ("- tanks — 10,933") takes its loss word from the list's heading lines
        loss_from = max(0, s0 - _LIST_CONTEXT) if item else s0
        loss_before = any(h.label not in EQUIPMENT_CATEGORIES for h in lex.categories.find(text, loss_from, q.start))
        after_clause = _zone_end(text, equipment.end, nxt)
        loss_after = any(h.label not in EQUIPMENT_CATEGORIES
                         for h in lex.categories.find(text, equipment.end, after_clause))
        loss_between = any(h.label not in EQUIPMENT_CATEGORIES  # "748 lost tanks"
                           for h in lex.categories.find(text, q.end, equipment.start))
        headed = not (loss_before or loss_between or loss_after) and _under_loss_heading(text, s0, q, lex)
        if not (loss_before or loss_between or loss_after or headed or continues or
                _list_verb_after(text, equipment.end, s1, lex, counts)):
            return None
        # a verb of the weapons' loss right before them ("shot down 20 of the missiles that struck"), not one of
        # people ("killed when two missiles hit")
        verbs = [v for v in lex.cues["agent_verbs"].find(text, clause_at, q.start)
                 if getattr(lex.categories.search(text, v.start, v.end), "label", "losses") == "losses"]
        if lex.strike.search(text, equipment.end, min(s1, _word_limit(text, equipment.end, 2))) is not None and not (
                verbs and len(text[verbs[-1].end:q.start].split()) <= 2):
            return None  # "när två ryska robotar slog ned i Sumy": weapons that struck are no loss
        category, population, kind_end = equipment.label, "military", equipment.end
    elif prev and prev.category in EQUIPMENT_CATEGORIES and not first_pop and not _specific(head_hits) and \
            not _counts_places(text, q, lex):  # not "... 41 aircraft at four airbases"
        # a list of equipment goes on: "..., 79 damaged and 65 abandoned"
        return Figure(q=q, category=prev.category, population="military", side=prev.side, metric="count",
                      head_end=head_end, enemy=prev.enemy)
    else:
        after_end = _zone_end(text, head_end, nxt) if head_end < nxt else head_end
        governing = _of_category(text, clause_at, q.start, lex)
        head = _personnel_category(text, q.end, after_end, lex, False, nxt)
        if governing in ("losses", "killed_or_wounded") and head not in (None, "losses", governing):
            governing = None  # "casualties at about 80,000 killed and ...": the figure's own word is narrower
        if governing in (None, "losses") and head in (None, "losses"):
            apposed = _apposed_category(text, after_end, nxt, lex)  # "35,000 troops a month, killed or wounded,"
            governing, head = (None, apposed) if apposed else (governing, head)
        verb = _object_of(text, clause_at, q, nxt, lex)
        if verb:  # "killed eight people and injured 11 others": "injured" is the next number's verb
            head = verb
        people = _people_item(text, item_at, q.start, s0, lex)
        # a part of the figure before ("23 killed, including four children; 63 injured") is of its kind
        whole = prev.category if prev and prev.category in ("killed", "wounded", "missing", "captured") and \
            _is_part(text, q, lex) else None
        category = (governing or head
                    or _personnel_category(text, clause_at, q.start, lex, True)
                    or whole
                    or _personnel_category(text, after_end, nxt, lex, False)
                    or _personnel_category(text, before_start, q.start, lex, True)
                    or people)
        if category in (None, "losses") and prev and _ends_with_loss_verb(text, max(clause_at, q.start - 40), q.start,
                                                                          lex):
            category = "losses"  # "the death toll at 43,000 ... Ukraine had lost 400,000 soldiers": a verb of its own
        elif prev and prev.category not in EQUIPMENT_CATEGORIES and category in (None, "losses"):
            category = prev.category if prev.category != "losses" or category is None else category
        if category in (None, "losses") and first_pop is not None and nxt < s1:
            # "45 civilians and more than 70 soldiers killed": the participle after the next figure is both's
            category = _shared_participle(text, first_pop.end, nxt, s1, lex) or category
        if category == "losses" and not first_pop:  # "tank losses fell from 3,000 to 1,500": the tanks'
            category, population = _losses_of_weapons(text, clause_at, q.start, lex) or (category, population)
        launched = _launched_kind(text, q.start, lex) if category in (None, "losses") and not first_pop and not any(
            h.label != "losses" for h in head_hits) and lex.cues["agent_verbs"].search(
            text, clause_at, _zone_end(text, q.end, s1)) else None
        if launched is not None:  # "Russia launched 300 drones. Air defences downed 270.": 270 of the drones
            category, population = launched, "military"
        if category is None:
            return None
        clause_end = _zone_end(text, q.end, s1)
        if clause_end <= nxt:  # no number of its own further on: "killed eight and injured 11" keeps its verbs
            category = _either_or(text, q, category, clause_end, lex)
        if q.value is not None and q.value < 10 and q.qualifier == "exact" and not (
                first_pop or head_hits or _of_category(text, clause_at, q.start, lex) or _after_rise(text, q, lex)):
            return None  # "one of them", "two sides": a small number word needs its noun (or a toll that rose to it)
        kind_end = head_end
        population = population or _population(text, q.end, head_end, lex) or (prev.population if prev else None)
    side, enemy = _side(text, q, s0, s1, before_start, head_end, nxt, lex, prev, exclude, category in LAUNCHED,
                        category in EQUIPMENT_CATEGORIES, category == "captured", category == "losses")
    if side is None and not enemy and (item or people or headed or
                                       _list_item(text, item_at, q.start, lex, equipment=False)):
        side, enemy = _heading_side(text, s0, lex)
    pop = _resolve_population(text, population, side, s0, s1, lex, q, head_end, category, exclude)
    elsewhere = None
    if side is None and not enemy and pop == "military":
        elsewhere = _resolve_population(text, population, "", s0, s1, lex, q, head_end, category, exclude)
    metric = _metric(text, q, kind_end, nxt, before_start, lex)
    return Figure(q=q, category=category, population=pop, side=side, metric=metric, head_end=head_end, enemy=enemy,
                  population_elsewhere=elsewhere)


def _wider_kind(text: str, equipment: Match, lex: Lexicon) -> Match | None:
    """The wider kind of weapon a count is of: "25,460 tanks and other armoured vehicles" are armoured vehicles."""
    joined = _at(lex.cues["and_other"], text, equipment.end) if "and_other" in lex.cues else None
    wider = _at(lex.categories, text, joined.end) if joined else None
    return wider if wider is not None and wider.label in EQUIPMENT_CATEGORIES else None


def _counts_places(text: str, q: Quantity, lex: Lexicon) -> bool:
    """A preposition of place before the number and a noun after it: "at four airbases" (but "fell from 3,000 to
    about 1,500 in 2025" counts the losses)."""
    after = text[q.end:q.end + 40].split()[:1]
    return word_before(text, q.start) in lex.locative and bool(after) and after[0][:1].isalpha() and \
        after[0].casefold() not in lex.locative


def _apposed_category(text: str, pos: int, nxt: int, lex: Lexicon) -> str | None:
    """The kind of losses set off by commas right after a figure's words: "losing 35,000 troops a month, killed or
    wounded, while ..." (the apposition opens at `pos`, the clause end after the figure)."""
    if not text.startswith(",", pos):
        return None
    first = next(iter(lex.categories.find(text, pos + 1, min(nxt, pos + 40))), None)
    if first is None or first.label in EQUIPMENT_CATEGORIES or text[pos + 1:first.start].strip():
        return None
    category = _personnel_category(text, first.start, nxt, lex, False, _zone_end(text, first.end, nxt))
    return None if category == "losses" else category


def _links_only(between: str, lex: Lexicon) -> bool:
    """Nothing but spaces, articles and linking words ("de la", "of") stands between two words."""
    return all(w.casefold() in lex.name_links or w.casefold() in lex.articles for w in between.split())


def _ends_with_loss_verb(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """A verb of losing ("lost", "straciła") stands right before `b` (the list holds nouns of loss too: "the toll
    at", "förlusterna uppgå till" do not count)."""
    verbs = lex.cues["patient_verbs"].find(text, a, b)
    return bool(verbs) and not text[verbs[-1].end:b].strip()


def _after_rise(text: str, q: Quantity, lex: Lexicon) -> bool:
    """A rise verb ends right before the number's bounding word ("wzrosła do 4459", "выросло до 12")."""
    rise = lex.cues["rise_to"].search(text, max(0, q.start - 30), q.start)
    return rise is not None and not text[rise.end:q.start].strip()


def _risen_to(text: str, a: int, q: Quantity, lex: Lexicon) -> Match | None:
    """The equipment word whose tally rises to `q`: a rise verb or, in an elliptic clause, a dash between them
    ("czołgów wzrosła do 4459", "a systemów artyleryjskich – do 5530")."""
    hits = [h for h in lex.categories.find(text, a, q.start) if h.label in EQUIPMENT_CATEGORIES]
    if not hits:
        return None
    gap = text[hits[-1].end:q.start].strip()
    rise = lex.cues["rise_to"].search(text, hits[-1].end, q.start)
    between = text[hits[-1].end:rise.start] if rise is not None else ""
    if rise is not None and len(between.split()) <= 2 and not any(c in between for c in ",;:()") and \
            not text[rise.end:q.start].strip():  # "los drones rusos abatidos suman 145.571"
        return hits[-1]
    if gap in ("–", "—", "-") and lex.cues["rise_to"].search(text, max(0, hits[-1].start - 120), hits[-1].start):
        return hits[-1]
    return None


def _list_verb_after(text: str, pos: int, s1: int, lex: Lexicon, counts: tuple = ()) -> bool:
    """A loss verb closes the list the equipment item at `pos` is in: "10.668 Panzer (+4), 22.250 gepanzerte
    Fahrzeuge (+11) und 26.512 Artilleriesysteme zerstört worden", "... and two helicopters were destroyed".
    `counts` are the spans of the sentence's numbers (words among them: "two")."""
    end = text.find(";", pos, s1)
    end = s1 if end < 0 else end
    covered = sorted([*lex.categories.find(text, pos, end), *lex.sides.find(text, pos, end),
                      *lex.population.find(text, pos, end)], key=lambda m: m.start)
    at = pos
    for h in covered:
        # only counts, their brackets, conjunctions and other items stand between: the list goes on
        gap = text[at:h.start]
        for a, b in counts:
            if at <= a and b <= h.start:
                gap = gap[:a - at] + " " * (b - a) + gap[b - at:]
        if not lex.category_join.match(_COUNTS.sub(" ", gap)):
            return False
        if h.label not in EQUIPMENT_CATEGORIES:
            return True
        at = max(at, h.end)
    return False


def _item_start(text: str, s0: int, before_start: int, pos: int) -> int:
    """Where the list item of the number at `pos` starts: after the last separator since the number before it,
    so that items run on in one sentence ("танків — 9900 (+8) од., ББМ — 20600 (+20) од."), else `s0`. A colon
    right before the number is the item's own ("Tanks: 6,500"), not a separator."""
    a = max(s0, before_start)
    cut = max(text.rfind(",", a, pos), text.rfind(";", a, pos))
    colon = text.rfind(":", a, pos)
    if colon > cut and any(c.isalpha() for c in text[colon + 1:pos]):
        cut = colon
    return cut + 1 if cut >= 0 else s0


def _list_item(text: str, s0: int, pos: int, lex: Lexicon, equipment: bool = True) -> Match | None:
    """The equipment (or any loss word) a list item names before its number: "- tanks — 10,933", "танки: 9419"."""
    if pos - s0 > 80:
        return None
    hits = lex.categories.find(text, s0, pos)
    if not hits or any(h.label != hits[0].label for h in hits):
        return None
    if equipment and hits[0].label not in EQUIPMENT_CATEGORIES:
        return None
    if _ITEM_WORDS.fullmatch(text, s0, hits[0].start) and _ITEM_DASH.fullmatch(text, hits[-1].end, pos):
        return hits[0]
    return None


def _line_end(text: str, pos: int, limit: int) -> int:
    end = text.find("\n", pos, limit)
    return limit if end < 0 else end


def _heading(text: str, s0: int) -> tuple[int, int] | None:
    """The span of a list's heading: the last line ending in a colon within reach before `s0` (not an item of the
    list, "Stridsvagnar: 11 231", whose number follows its colon), from its last sentence's start."""
    low = max(0, s0 - _LIST_CONTEXT)
    colon = text.rfind(":", low, s0)
    while colon >= 0 and any(c.isdigit() for c in text[colon:_line_end(text, colon, s0)]):
        colon = text.rfind(":", low, colon)
    if colon < 0:
        return None
    start = max(0, text.rfind("\n", 0, colon) + 1, s0 - _LIST_CONTEXT)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, colon)]  # "… Die Übersicht im Einzelnen:"
    return (ends[-1] if ends else start), colon


_SENTENCE_END = re.compile(r"[.!?](?=\s+[^\W\d_])")


def _list_top(text: str, s0: int) -> tuple[int, int] | None:
    """The heading of the list whose item starts at `s0`, else, for an item opening a block after a blank line,
    the paragraph above it ("… sin dagliga sammanställning över ryska förluster …" above "Personal: 991 260")."""
    heading = _heading(text, s0)
    if heading is not None:
        return heading
    blank = text.rfind("\n\n", max(0, s0 - _LIST_CONTEXT), s0)
    if blank < 0 or text[blank:s0].count("\n") - 2 > _LIST_LINES:
        return None
    return _paragraph_before(text, blank), blank


@functools.cache
def _approx_words(code: str) -> re.Pattern | None:
    """The pack's words of approximation ("approximately", "орієнтовно"), as one pattern of whole words."""
    words = pack_words(code, "approx", "qualifiers")
    return re.compile(rf"(?<!\w)(?:{trie_pattern(words)})(?!\w)", re.IGNORECASE) if words else None


def _approximate_list(text: str, s0: int, q: Quantity, lex: Lexicon) -> bool:
    """The number is a list line's under a heading that calls the whole list approximate ("Загальні бойові втрати
    противника … орієнтовно склали:"): every line of the list lies between the heading and the number."""
    heading = _heading(text, s0)
    words = _approx_words(lex.code)
    if heading is None or words is None or words.search(text, *heading) is None:
        return False
    line = text.rfind("\n", 0, q.start) + 1
    lines = text[heading[1] + 1:line].split("\n")
    return all(len(x) < 120 and any(c.isdigit() for c in x) or not x.strip() for x in lines) and not any(
        c.isdigit() for c in text[line:q.start])


def _under_loss_heading(text: str, s0: int, q: Quantity, lex: Lexicon) -> bool:
    """The number opens a list line ("10,233 tanks (+3)") under a heading of losses ("Russia has also lost:")."""
    line = text.rfind("\n", 0, q.start) + 1
    if line < s0 and text[line:s0].strip() or not _ITEM_LEAD.fullmatch(text, max(line, s0), q.start):
        return False
    heading = _heading(text, s0)
    if heading is None:
        return False
    return bool(_loss_words(text, *heading, lex)) or any(
        lex.cues[k].search(text, *heading) is not None for k in ("patient_verbs", "agent_verbs"))


def _people_item(text: str, at: int, pos: int, s0: int, lex: Lexicon) -> str | None:
    """The category of a list item of soldiers under a heading of losses ("Russian losses: ... personnel — about
    1,000,340"): the heading's kind of loss; casualties where it names none, as in the General Staff's tally."""
    if pos - at > 80:
        return None
    pop = lex.population.search(text, at, pos)
    if pop is None or pop.label != "military" or not (
            _ITEM_LEAD.fullmatch(text, at, pop.start) and _ITEM_DASH.fullmatch(text, pop.end, pos)):
        return None
    heading = _list_top(text, s0)
    kinds = _loss_words(text, *heading, lex) if heading else []
    if heading and not kinds:  # "Så här ser listan ut, enligt generalstaben:" after "… de ryska förlusterna."
        kinds = _loss_words(text, _paragraph_before(text, heading[0]), heading[0], lex)
    if not kinds:
        return None
    return "killed_or_wounded" if kinds[-1].label == "losses" else kinds[-1].label


def _paragraph_before(text: str, a: int) -> int:
    """Where the paragraph before the heading line at `a` starts (within half a list's reach)."""
    return max(0, text.rfind("\n", 0, max(0, a - 1)) + 1, a - _LIST_CONTEXT // 2)


def _sides_outside_names(text: str, a: int, b: int, lex: Lexicon) -> list[Match]:
    """The side words of `text[a:b]` but those inside a known source's name ("Ukrainas generalstab")."""
    from lossledger.extract.claimants import known_name

    names = [m.span() for m in known_name().finditer(text, a, b)]
    return [n for n in side_words(text, a, b, lex) if not any(x <= n.start < y for x, y in names)]


def _heading_side(text: str, s0: int, lex: Lexicon) -> tuple[str | None, bool]:
    """The side a list's heading line names ("Russia's losses:", "втрати противника:") for an item naming none."""
    heading = _list_top(text, s0)
    if heading is None:
        return None, False
    a, s0 = heading
    named = _sides_outside_names(text, a, s0, lex)  # not "enligt Ukrainas generalstab:"
    enemy = lex.enemy.find(text, a, s0)
    # the side at the loss word, not the one in the source's name ("de ryska förlusterna, enligt Ukrainas
    # generalstab:", "втрати противника ..., повідомляє Генеральний штаб ЗСУ:")
    if named and named[-1].label in _SIDE_ENEMY and lex.cues["agent_verbs"].search(text, named[-1].end, s0) and \
            not lex.cues["patient_verbs"].search(text, named[-1].end, s0):
        return _SIDE_ENEMY[named[-1].label], False  # "Сили оборони знищили:": the items are the enemy's
    losses = _loss_words(text, a, s0, lex)
    near_named = [n for n in named if any(_near(text, n, h) for h in losses)]
    if near_named:
        return near_named[-1].label, False
    if not losses and not enemy:
        # "Voici les chiffres communiqués ce lundi :" after "… pertes infligées à l'armée russe": the losses named in
        # the paragraph before the heading
        start = _paragraph_before(text, a)
        before = _loss_words(text, start, a, lex)
        sides = _sides_outside_names(text, start, a, lex)
        near = [n for n in sides if any(_near(text, n, h) for h in before)]
        if near:
            return near[-1].label, False
        named = named or sides  # "… des pertes infligées à l'armée russe. Voici les chiffres de ce lundi :"
    if any(_near(text, e, h) for e in enemy for h in losses) or enemy and (
            not named or enemy[-1].start > named[-1].start):
        return None, True
    return (named[-1].label, False) if named else (None, False)


def _loss_words(text: str, a: int, b: int, lex: Lexicon) -> list[Match]:
    """The words of personnel loss in text[a:b] ("losses", "втрати", "killed"), not those of equipment."""
    return [h for h in lex.categories.find(text, a, b) if h.label not in EQUIPMENT_CATEGORIES]


def _near(text: str, x: Match, y: Match) -> bool:
    """Two words at most two words apart, with no punctuation between them."""
    a, b = (x.end, y.start) if x.start < y.start else (y.end, x.start)
    gap = text[a:b]
    return len(gap.split()) <= 2 and not any(c in gap for c in ",;:()")


def _specific(hits: list[Match]) -> bool:
    return any(h.label not in EQUIPMENT_CATEGORIES and h.label != "losses" for h in hits)


def _of_category(text: str, a: int, b: int, lex: Lexicon) -> str | None:
    """A category noun governing the number: "the death of four", "losses of 10,000"."""
    hits = [h for h in lex.categories.find(text, a, b) if h.label not in EQUIPMENT_CATEGORIES]
    if hits and lex.category_link.fullmatch(text[hits[-1].end:b]):
        return hits[-1].label
    return None


@functools.lru_cache(maxsize=4096)  # asked for the same number's clause by several readers
def clause_start(text: str, a: int, b: int) -> int:
    """Where the clause that text[a:b] ends in starts (after the last clause end in it), else `a`."""
    last = a
    for m in _CLAUSE_END.finditer(text, a, b):
        last = m.end()
    return last


def _resolve_population(text: str, found: str | None, side: str | None, s0: int, s1: int, lex: Lexicon,
                        q: Quantity, head_end: int, category: str | None = None, exclude: tuple = ()) -> str:
    if found in ("military", "civilian", "unspecified"):
        return found  # "unspecified": carried from the figure before ("four people killed and 31 wounded")
    # the sentence's words for people, not those in its source's name ("the head of the military administration")
    kinds = {m.label for m in lex.population.find(text, s0, s1) if not any(a <= m.start < b for a, b in exclude)}
    part = lex.cues["breakdown"].search(text, q.end, min(s1, _word_limit(text, q.end, 8)))
    if part is not None and _population(text, part.end, min(s1, _word_limit(text, part.end, 4)), lex) == "civilian":
        return "civilian"  # "Число погибших выросло до 18, среди них четверо детей": soldiers are no children
    # a strike in the sentence, or in the one before in its paragraph ("Drones hit Kharkiv. Four people died.")
    para = max(text.rfind("\n", 0, s0) + 1, s0 - 300)
    struck = lex.strike.search(text, para, s1) is not None
    if found == "people":
        if struck:
            return "civilian"
        # "the army's losses came to 28,790 people": the sentence says whose people they were
        if "civilian" in kinds:
            return "unspecified"
        # "Ukraine's losses exceeded 66,000 people": a warring side's losses are its soldiers
        army = "military" in kinds or category == "losses" and side in ("russia", "ukraine")
        return "military" if army else "unspecified"
    around = _population(text, max(s0, q.start - 30), q.start, lex)
    if around in ("military", "civilian"):
        return around
    if struck and category in ("killed", "wounded") and "military" not in kinds and not any(
            h.label == "losses" for h in lex.categories.find(text, s0, s1)):  # "the enemy's losses": soldiers
        return "civilian"  # "Russian missiles hit Kyiv ... the mayor put the dead at 27 and the wounded at 82"
    if {"military", "civilian"} <= kinds and _population(text, q.end, min(s1, q.end + 60), lex) == "unspecified":
        return "unspecified"  # "65,000 Ukrainians, soldiers and civilians, are missing"
    if side in ARMY_SIDES or side is None:
        return "military"
    return "unspecified"


def _metric(text: str, q: Quantity, kind_end: int, nxt: int, before_start: int, lex: Lexicon) -> str:
    if _at(lex.cues["mark"], text, q.num_end) and lex.cues["per_day"].search(text, before_start, q.start):
        return "per_day"
    zone_end = min(nxt, _word_limit(text, kind_end, 4))
    for metric in ("per_day", "per_week", "per_month"):
        m = lex.cues[metric].search(text, q.end, zone_end)
        if m and not lex.rate_period.search(text[q.end:m.start]):
            return metric
    for metric in ("per_day", "per_week", "per_month"):
        # a rate adverb right before the number: "verliert täglich etwa 1.000", "loses every month 50,000"
        if _ends_with(lex.cues[metric], text, q.start):
            return metric
    # a stated average with its rate before the number: "daily losses averaged 1,200", "pertes quotidiennes
    # moyennes de 1 500" (a rate word alone, "the daily report: 1,200", is a day's tally, not an average)
    clause = clause_start(text, before_start, q.start)
    if lex.cues["average"].search(text, clause, min(zone_end, q.end + 30)):
        for metric in ("per_day", "per_week", "per_month"):
            if lex.cues[metric].search(text, clause, q.start):
                return metric
    return "count"


# a dateline opening a line: "Kiew/Genf (dpa) - ", "Gaza City (Palestinian Territories) (AFP) - ", "KYIV — "
_DATELINE = re.compile(r"[^\W\d_][^\n()]{0,50}(?:\([^()\n]{1,25}\)\s*){1,2}[-–—]\s|[^\W\d_a-zà-ÿа-яіїєґ]{3,30}"
                       r"(?:,[^\n()\-–—]{1,25})?\s*[-–—]\s|[^\W\d_a-zà-ÿа-яіїєґ]\w{2,25}\s[–—]\s")


def dateline_end(text: str, pos: int) -> int:
    """Where the dateline ends that the line of `pos` opens with ("Kiew (dpa) - ", "KYIV, Feb 21 (Reuters) — ",
    "Kiew – "), or -1."""
    start = text.rfind("\n", 0, pos) + 1
    d = _DATELINE.match(text, start, min(len(text), start + 90))
    return d.end() if d else -1


def _in_dateline(text: str, m: Match) -> bool:
    """The word stands in the dateline its line opens with."""
    return m.end <= dateline_end(text, m.start)


def made_by(text: str, m: Match, lex: Lexicon) -> bool:
    """The side word names a weapon's maker or backer, not a party: "Iranian-made", "Iranian Shahed drones"."""
    cue = lex.cues.get("made_by")
    pos = m.end + 1 if text[m.end:m.end + 1] in ("-", "\u2010") else m.end
    return cue is not None and _at(cue, text, pos) is not None


def side_words(text: str, a: int, b: int, lex: Lexicon, exclude: tuple = ()) -> list[Match]:
    """Side names in text[a:b] that name a party, not a place ("in Ukraine" is a place), a dateline's nor a
    weapon's maker."""
    out = []
    for m in lex.sides.find(text, a, b):
        if _in_dateline(text, m) or made_by(text, m, lex):
            continue
        words = [w.casefold() for w in text[max(0, m.start - 25):m.start].split()[-2:]]
        possessive = text[m.end:m.end + 2].startswith(("'s", "’s"))  # "in Russia's war": a party after all
        # "infligées à l'armée russe": no place (but "в секторе Газа" is one)
        army = " " in text[m.start:m.end] and text[m.start].islower() and text[m.start:m.end].split()[-1].islower()
        # a lower-case adjective of a loss noun names a party ("sammanställning över ryska förluster"; but "in
        # russischer Gefangenschaft" names the captor)
        loss = _at(lex.categories, text, m.end) if not army and text[m.start:m.end].islower() else None
        army = army or not lex.adjectives_capitalised and loss is not None and \
            loss.label not in ("captured", "missing_or_captured")
        if _placed(words, lex) and not possessive and not army and not _with_side_noun(text, m, lex):
            continue
        if any(a <= m.start < b for a, b in exclude):
            continue
        out.append(m)
    return out


@functools.lru_cache(maxsize=256)  # asked once per figure of a sentence
def opponents(text: str, a: int, b: int, lex: Lexicon, exclude: tuple = ()) -> tuple[str | None, tuple]:
    """Side words in text[a:b] that name who the losses were suffered against: after an opponent word ("in
    clashes with Russian troops", "killed by Russian shelling") or before an attack word ("a Russian missile
    attack", "Ukrainian shelling"). Returns (the enemy of that side if exactly one is named, their spans and those
    of sides after an agent preposition, which name no loser: "the ministry, controlled by Hamas")."""
    found, spans = set(), []
    for m in lex.sides.find(text, a, b):
        if any(x <= m.start < y for x, y in exclude) or _with_side_noun(text, m, lex) or made_by(text, m, lex):
            continue
        lead = text[max(a, m.start - 60):m.start]
        lead = lead[max(lead.rfind(","), lead.rfind(";"), lead.rfind(":"), lead.rfind("."), lead.rfind("("),
                        lead.rfind(")")) + 1:]  # the side word's own clause
        words = [w.casefold() for w in lead.split()[-3:]]  # "with the Russian", "contre les troupes russes"
        dated = [i for i, w in enumerate(words) if w in lex.weekdays or w in lex.months or w[:1].isdigit()]
        if dated:  # "z soboty Rosja straciła": a date between, "z" is "from", no opponent
            words = words[dated[-1] + 1:]
        limit = _word_limit(text, m.end, 4)  # "Russian guided aerial bombs struck"
        dated = sum(w[:1].isdigit() or w.casefold().strip(",.") in lex.months for w in text[m.end:limit].split())
        if dated:  # "Hamas's October 7, 2023 attack": a date between the side and its attack
            limit = _word_limit(text, m.end, 4 + dated)
        weapons = [h for h in lex.categories.find(text, m.end, limit) if h.label in EQUIPMENT_CATEGORIES]
        if weapons:  # "två ryska ballistiska robotar slog ned": the attack word may follow the weapons' noun
            limit = max(limit, _word_limit(text, weapons[-1].end, 2))
        after = lex.strike.search(text, m.end, limit) or lex.aggression.search(text, m.end, limit)
        last = lead.rstrip()
        word = len(last) - len(_APOSTROPHE.split(last.split()[-1])[-1]) if words else 0  # "l'invasion russe"
        if len(words) > 1 and words[-1] in lex.articles and not _placed(words, lex):
            word = len(last[:word].rstrip()) - len(last[:word].split()[-1])  # "beim Überfall der Hamas"
        # "Russian drones struck Kharkiv": weapons may stand between the side and its attack, people may not
        if after and m.text[:1].isupper() and not lex.adjectives_capitalised and _placed(words, lex) and \
                _words_between(text, m.end, after.start, lex):
            after = None  # "У Києві внаслідок атаки": a place, not the attacker ("in Russian missile attacks" is)
        attack = after and not any(h.label not in EQUIPMENT_CATEGORIES
                                   for h in lex.categories.find(text, m.end, after.start)) and \
            lex.population.search(text, m.end, after.start) is None or \
            words and not lex.adjectives_capitalised and (  # "une attaque russe" (but "missiles struck Kyiv")
                _at(lex.strike, last, word) or _at(lex.aggression, last, word))
        if not attack and words and words[-1] in lex.owner_links:  # "los ataques de Israel": the attack's agent
            nouns = lex.strike.find(text, m.start - len(lead), m.start) + \
                lex.aggression.find(text, m.start - len(lead), m.start)
            attack = any(len(text[h.end:m.start].split()) == 1 for h in nouns)
        if not attack:
            # "une frappe de missiles balistiques russes", "une attaque de missiles et de drones russes": the side
            # after the weapons of a strike is its attacker
            strikes = lex.strike.find(text, m.start - len(lead), m.start)
            gap = text[strikes[-1].end:m.start] if strikes else ""
            attack = bool(strikes) and len(gap.split()) <= 6 and not any(c.isdigit() for c in gap) and \
                not _placed(words, lex) and any(  # (not "ataku rakietowo-dronowego na Kijów": the target)
                h.label in EQUIPMENT_CATEGORIES for h in lex.categories.find(text, strikes[-1].end, m.start))
        # (past an attack word: "w wyniku rosyjskich ataków zginęło" - the attack's victims died)
        if not (after and attack) and lex.cues["patient_verbs"].search(text, m.end, _word_limit(text, m.end, 2)) and \
                not any(w in lex.opponent or w in lex.agent_opponent for w in words[-2:]):
            continue  # "od początku inwazji Rosja straciła", "з початку року Україна втратила": this side lost
        agent = any(w in lex.agent_opponent for w in words)
        if agent and _suffered_by(text, m.start - len(lead), m.start, lex):
            continue  # "las bajas sufridas por el Ejército ruso", "losses suffered by": the agent lost them
        harmed = agent and _harmed_by(text, m.start - len(lead), m.start, lex)
        if attack and (set(words[-2:]) & lex.after_event or " ".join(words[-2:]) in lex.after_event):
            spans.append((m.start, m.end))  # "Två år efter Hamas attack mot Israel …": the attack dates, no loser
            continue
        after_word = text[m.end:m.end + 20].split()[:1]
        placed_noun = (words[-1:] and words[-1] in lex.place_nouns) or after_word and \
            after_word[0].casefold().strip(",.;:") in lex.place_nouns  # "contra la capital ucraniana": the target
        if any(w in lex.opponent for w in words) and not placed_noun or attack or harmed:
            found.add(_SIDE_ENEMY.get(m.label))
            spans.append((m.start, m.end))
        elif agent:  # "the ministry, controlled by Hamas", "figures given by the Ukrainian side": no loser either
            spans.append((m.start, m.end))
    return (found.pop() if len(found) == 1 else None), tuple(spans)


def _loss_in_place(text: str, s0: int, s1: int, lex: Lexicon) -> str | None:
    """The side of a place named right after a word of people killed or wounded and a preposition of place
    ("dödade i Gaza", "погибших в Газе", "tués à Gaza"), else None."""
    for h in lex.categories.find(text, s0, s1):
        if h.label in EQUIPMENT_CATEGORIES or h.label == "losses":
            continue
        m = re.match(r"\s+(\w+)\s+", text[h.end:min(s1, h.end + 20)])
        if m is None or m.group(1).casefold() not in lex.locative:
            continue
        at = h.end + m.end()
        place = _at(lex.sides, text, at) or _at(lex.places, text, at)
        if place is not None:
            return place.label
    return None


def opening_place(text: str, s0: int, s1: int, lex: Lexicon) -> str | None:
    """The side of a place that opens the sentence as its setting ("У Судані …", "Im Gazastreifen ist …", "In Gaza,
    …"), else None."""
    s0 = max(s0, dateline_end(text, s0))  # "Gaza (AFP) – Im Gazastreifen ist …"
    m = re.match(r"\s*(\w+)\s+", text[s0:min(s1, s0 + 20)])
    if m is None or m.group(1).casefold() not in lex.locative:
        return None
    place = _at(lex.sides, text, s0 + m.end()) or _at(lex.places, text, s0 + m.end())
    return place.label if place is not None else None


def _with_side_noun(text: str, m: Match, lex: Lexicon) -> bool:
    """A noun for 'side' after the side word ("с российской стороны", not after an attack: "обстрел с
    российской стороны"), or a phrase for 'on the side' before it ("du côté russe"): the side is the party."""
    before = " ".join(text[max(0, m.start - 30):m.start].casefold().split())
    if any(before.endswith(p) and (len(before) == len(p) or not before[-len(p) - 1].isalnum())
           for p in lex.side_phrases):
        return True
    after = text[m.end:m.end + 12].split()
    if not after or after[0].casefold().rstrip(",.;:!?…)»”\"'") not in lex.side_nouns:  # "på ukrainsk sida?"
        return False
    return lex.strike.search(text, max(0, m.start - 30), m.start) is None


def _placed(words: list[str], lex: Lexicon) -> bool:
    """The words before a side name end with a preposition of place ("in", "у", "w")."""
    return bool(words) and (words[-1] in lex.locative or " ".join(words[-2:]) in lex.locative)


def _over(text: str, m: Match, lex: Lexicon) -> bool:
    """A preposition of place, and an article maybe, stands right before the side name ("over the Kyiv region")."""
    words = [w.casefold() for w in text[max(0, m.start - 25):m.start].split()[-3:]]
    if len(words) > 1 and words[-1] in lex.articles:
        words = words[:-1]
    return _placed(words, lex)


def _words_between(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """text[a:b] holds a word that is no weapon nor a conjunction ("внаслідок" in "у Києві внаслідок атаки")."""
    rest = text[a:b]
    for h in reversed(lex.categories.find(text, a, b)):
        if h.label in EQUIPMENT_CATEGORIES:
            rest = rest[:h.start - a] + rest[h.end - a:]
    return any(w.casefold() not in conjunctions(lex.code) for w in re.findall(r"\w+", rest))


def _one_side_after(text: str, pos: int, lex: Lexicon) -> bool:
    """One side's adjective right after a 'combined' word: "de samlade ryska förlusterna" are one side's total."""
    nxt = lex.sides.search(text, pos, min(len(text), pos + 30))
    if nxt is None or text[pos:nxt.start].strip():
        return False
    other = lex.sides.search(text, nxt.end, min(len(text), nxt.end + 30))
    return other is None or other.label == nxt.label


def _harmed_by(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """The agent preposition in text[a:b] follows a loss or attack word: "killed by", "tués par les"."""
    for w in _WORDS.finditer(text, a, b):
        if w.group().casefold() in lex.agent_opponent:
            near = max(0, w.start() - 30)
            return any(m.search(text, near, w.start()) for m in (lex.categories, lex.strike, lex.cues["patient_verbs"]))
    return False


def _suffered_by(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """The agent preposition in text[a:b] comes right after a verb of suffering: "losses suffered by"."""
    for w in _WORDS.finditer(text, a, b):
        if w.group().casefold() in lex.agent_opponent:
            suffered = lex.cues.get("suffered_by")
            verbs = suffered.find(text, max(0, w.start() - 30), w.start()) if suffered else []
            return bool(verbs) and not text[verbs[-1].end:w.start()].strip()
    return False


def _source_side(text: str, exclude: tuple, lex: Lexicon) -> str | None:
    """The one side the source's name holds ("Russia's defence ministry", "ЦАХАЛ"), else None."""
    sides = {m.label for a, b in exclude for m in lex.sides.find(text, a, b)}
    return sides.pop() if len(sides) == 1 else None


def _figure_clause(text: str, q: Quantity, s0: int) -> tuple[int, int]:
    """The clause a figure stands in: from its start to the end of the clause after the number."""
    return clause_start(text, s0, q.start), _zone_end(text, q.end, min(len(text), q.end + 80))


def _destroyed_by_source(text: str, q: Quantity, s0: int, exclude: tuple, lex: Lexicon) -> str | None:
    """The enemy of the side the source names ("Russia's defence ministry", "Минобороны России"), where a verb of
    destroying governs the figure in its clause and nothing suffers it ("said it had destroyed 500 tanks")."""
    side = _source_side(text, exclude, lex)
    clause, end = _figure_clause(text, q, s0)
    if side not in _SIDE_ENEMY or not lex.cues["agent_verbs"].search(text, clause, end) or \
            lex.cues["patient_verbs"].search(text, clause, end):
        return None
    return _SIDE_ENEMY[side]


def _shared_participle(text: str, noun_end: int, nxt: int, s1: int, lex: Lexicon) -> str | None:
    """The kind of loss a participle after the next figure gives both, where only a conjunction and a bound stand
    between this figure's noun and the next number ("45 civilians and more than 70 soldiers killed")."""
    between = text[noun_end:nxt].casefold().split()
    if not between or between[0] not in conjunctions(lex.code) or len(between) > 4:
        return None
    end = _zone_end(text, nxt, s1)
    noun = lex.population.search(text, nxt, end)
    hits = [h for h in lex.categories.find(text, noun.end if noun else nxt, end) if h.label not in EQUIPMENT_CATEGORIES]
    return hits[0].label if hits and hits[0].label != "losses" else None


def _losses_of_weapons(text: str, a: int, b: int, lex: Lexicon) -> tuple[str, str] | None:
    """(category, "military") where the loss word before the number is one of weapons named right before it
    ("tank losses", "Panzer-Verluste"), else None."""
    hits = lex.categories.find(text, a, b)
    for before, loss in zip(hits, hits[1:], strict=False):
        if loss.label == "losses" and before.label in EQUIPMENT_CATEGORIES and \
                text[before.end:loss.start].strip(" -") == "" and \
                _at(lex.cues["agent_verbs"], text, loss.start) is None:  # not "Air defence shot down"
            return before.label, "military"
    return None


def restates(matcher, text: str, s0: int, s1: int) -> bool:
    """The sentence opens with one of the matcher's phrases, two words at most before it ("That works out to")."""
    hit = matcher.search(text, s0, min(s1, s0 + 40))
    return hit is not None and len(text[s0:hit.start].split()) <= 2


def _launch(text: str, s0: int, lex: Lexicon) -> tuple[str, Match] | None:
    """The side an earlier sentence of the paragraph says launched weapons ("la Russie a lancé 476 drones"), and
    the verb it launched them with."""
    cue = lex.cues.get("launch_verbs")
    para = max(text.rfind("\n", 0, s0) + 1, s0 - 400)
    verbs = cue.find(text, para, s0) if cue else []
    for verb in reversed(verbs):
        named = side_words(text, max(para, verb.start - 60), verb.start, lex)
        if named and named[-1].label in _SIDE_ENEMY and not _CLAUSE_STOP.search(text, named[-1].end, verb.start):
            return named[-1].label, verb
    return None


def _launched_kind(text: str, pos: int, lex: Lexicon) -> str | None:
    """The one kind of weapon the paragraph's launch before `pos` counts ("Russia launched 300 drones"), for a
    figure of the weapons downed that names none ("Air defences downed 270.", "…; 70 were shot down")."""
    launch = _launch(text, pos, lex)
    if launch is None:
        return None
    end = _CLAUSE_STOP.search(text, launch[1].end, pos)
    if end is None:
        return None  # "Russia launched 90 drones, …": still the launch's own clause
    kinds = {h.label for h in lex.categories.find(text, launch[1].end, end.start())
             if h.label in LAUNCHED}
    return kinds.pop() if len(kinds) == 1 else None


def _suffered_by_source(text: str, q: Quantity, s0: int, exclude: tuple, lex: Lexicon) -> str | None:
    """The side the source names ("ЦАХАЛ", "Israel's army"), where a verb or noun of suffering ("погибли",
    "were killed", "losses") and no verb of inflicting governs a figure that names no side."""
    side = _source_side(text, exclude, lex)
    if side is None:
        return None
    clause, end = _figure_clause(text, q, s0)
    suffered = lex.cues["patient_verbs"].find(text, clause, end)
    inflicted = [v for v in lex.cues["agent_verbs"].find(text, clause, end)
                 if not any(p.start <= v.start < p.end for p in suffered)]  # "were killed" is one of suffering
    return side if suffered and not inflicted else None


def _between(text: str, m: Match, lex: Lexicon) -> bool:
    """The side word is one of a war's two parties after 'between' ("los enfrentamientos entre Israel y Hezbolá")."""
    hits = lex.between.find(text, max(0, m.start - 50), m.start)
    return bool(hits) and len(text[hits[-1].end:m.start].split()) <= 4 and not re.search(
        r"[,.;:!?]", text[hits[-1].end:m.start])


def _parties(text: str, a: int, b: int, lex: Lexicon, exclude: tuple) -> list[Match]:
    """The side words of text[a:b] that may be the loser: not the two parties of a war after 'between'."""
    return [m for m in side_words(text, a, b, lex, exclude) if not _between(text, m, lex)]


def _held_by(place: str, held: bool) -> str:
    """The side of a place's people, or of the captives it holds: the other side's ("48 hostages in Gaza")."""
    return _SIDE_ENEMY.get(place, place) if held else place


def _third_party(text: str, s0: int, s1: int, lex: Lexicon, exclude: tuple) -> str | None:
    """The one side the sentence names, its source included but not its attackers, that is neither of a war's
    usual pair: the loser of an attack ("Lebanon's health ministry said Israeli strikes killed 25": not Gaza's)."""
    third = {m.label for m in side_words(text, s0, s1, lex, exclude)} - _SIDE_ENEMY.keys()
    return third.pop() if len(third) == 1 else None


def _side(text: str, q: Quantity, s0: int, s1: int, before_start: int, head_end: int, nxt: int,
          lex: Lexicon, prev: Figure | None, exclude: tuple = (), launched: bool = False,
          weapons: bool = False, held: bool = False, bare: bool = False) -> tuple[str | None, bool]:
    """(the side that lost the figure, whether it is "the enemy" of the source); `launched`: the figure counts
    weapons that fly (drones, missiles), which a place names the target of, not the loser; `weapons`: it counts
    weapons of any kind, which a source with a side destroys on the other side; `held`: it counts people captured,
    whom a place holds, not loses ("48 hostages remain in Gaza"); `bare`: it is a loss of no stated kind, which may
    be of the weapons a side launched ("launched 123 drones, of which 71 were shot down")."""
    # the figure's own noun: the nearest word of people or loss ("en skadades när ryska styrkor": "skadades")
    nouns = [m for m in (lex.population.search(text, q.end, head_end), lex.categories.search(text, q.end, head_end))
             if m is not None]
    noun = min(nouns, key=lambda m: m.start) if nouns else None
    head = side_words(text, q.end, noun.end if noun else head_end, lex)
    if noun and not head:  # an adjective after its noun: "1 000 soldats russes", "1.000 bajas rusas"
        follow = lex.sides.search(text, noun.end, min(len(text), noun.end + 30))
        if follow and not text[noun.end:follow.start].strip(" ," + _OPENING_QUOTES) and not made_by(text, follow, lex):
            other = lex.sides.search(text, follow.end, min(len(text), follow.end + 30))
            if other and lex.side_joiner.fullmatch(text, follow.end, other.start):
                head = [follow, other]  # "5 000 soldats, russes et ukrainiens", "soldados ucranianos y rusos"
            elif not text[noun.end:follow.start].strip(" " + _OPENING_QUOTES):
                head = [follow]  # (but "10,933 tanks, Ukraine's General Staff said" names the source)
    both = lex.both.search(text, clause_start(text, before_start, q.start), head_end)
    if both and not _one_side_after(text, both.end, lex):
        return "both", False
    if head:
        labels = {m.label for m in head}
        return ("both" if len(labels) > 1 else head[0].label), False
    if lex.enemy.search(text, before_start, head_end):
        return None, True
    if prev is not None and _is_part(text, q, lex):
        return prev.side, prev.enemy  # "4,700 North Korean troops ... fighting for Russia, including some 600 killed"
    right_before = side_words(text, max(s0, q.start - 30), q.start, lex, exclude)
    if right_before and prev is not None and re.fullmatch(r"(?:['’]s)?\s*", text[right_before[-1].end:q.start]):
        return right_before[-1].label, False  # "Ukraine had lost 400,000 soldiers and Russia close to 600,000"
    against, attackers = opponents(text, s0, s1, lex, exclude)
    exclude = exclude + attackers
    before = side_words(text, before_start, q.start, lex, exclude)
    if before and prev is not None and q.start - prev.q.end < 120 and before[-1].start < prev.head_end:
        return prev.side, prev.enemy  # coordinated: "43.000 ukrainische Soldaten getötet und 370.000 verwundet"
    if len(before) > 1 and before[-1].label != before[-2].label and (re.fullmatch(
            lex.side_joiner, text[before[-2].end:before[-1].start]) or text[before[-2].end:before[-1].start] in _PAIR):
        return "both", False  # "Russian and Ukrainian soldiers", "the Russia-Ukraine war"
    if before:
        m = before[-1]
        if len(before) > 1 and _after_rise(text, q, lex) and _at(lex.categories, text, before[0].end) is not None:
            m = before[0]  # "Liczba Palestyńczyków zabitych … wojny Izraela z Hamasem wzrosła do 70 103": its subject
        between = text[m.end:q.start]
        agent = lex.cues["agent_verbs"].search(between)
        if agent is None and not launched and not bare and "launch_verbs" in lex.cues:
            agent = lex.cues["launch_verbs"].search(between)  # "Rusia lanzó un ataque … que dejó 23 muertos"
        speech = lex.speech.search(between, agent.start) if agent else None
        if speech and speech.start == agent.start and speech.end > agent.end:
            agent = None  # "a fait état de 61 158 morts": a verb of speech that opens with "a fait" (caused)
        if agent and (lex.cues["rise_to"].search(between, agent.end) or
                      any(m.end <= a < q.start for a, _ in attackers)):
            # "the number of Russian troops killed and wounded had reached 980,000": the toll, no object; "Auf
            # israelischer Seite wurden beim Überfall der Hamas … getötet": the attack is another side's
            agent = None
        # a verb-final loss verb counts too: "Die russische Armee hat seit Beginn des Angriffskriegs ... verloren"
        patient = lex.cues["patient_verbs"].search(between) or lex.cues["patient_verbs"].search(
            text, q.end, _zone_end(text, q.end, s1))
        # "Ukrainian armoured vehicles destroyed, including 17 tanks": a participle closing a clause about the
        # side's own equipment, not the verb of a subject ("Russian air defence shot down 27 missiles")
        owned = agent and between[agent.end:].lstrip()[:1] in (",", ";", ":") and any(
            h.label in EQUIPMENT_CATEGORIES for h in lex.categories.find(between, 0, agent.start))
        # "die russischen Personalverluste seit Beginn der Invasion": the side owns the loss noun it qualifies
        loss = lex.categories.search(between)
        owned = owned or loss is not None and not between[:loss.start].strip() and \
            loss.label not in EQUIPMENT_CATEGORIES and agent is not None and agent.start >= loss.end
        # "les pertes russes — tués et blessés — atteindraient": the loss noun before its side adjective owns it
        # "les pertes de la Russie depuis le début de l'invasion": so does a loss noun the side follows in the genitive,
        # and a noun of people the side adjective follows, before a bare participle ("le nombre de soldats russes tués
        # à 165 000"; not "des soldats russes ont tué 12 civils")
        owned = owned or agent is not None and any(
            h.label not in EQUIPMENT_CATEGORIES and _links_only(text[h.end:m.start], lex)
            for h in lex.categories.find(text, max(s0, m.start - 25), m.start)) or agent is not None and \
            " " not in agent.text and any(not text[h.end:m.start].strip()
                                          for h in lex.population.find(text, max(s0, m.start - 25), m.start))
        if agent and not patient and not owned and m.label in _SIDE_ENEMY:
            return _third_party(text, s0, s1, lex, attackers + ((m.start, m.end),)) or _SIDE_ENEMY[m.label], False
        return m.label, False
    if prev is not None and q.start - prev.q.end < 60 and conjunctions(lex.code) & set(
            text[prev.q.end:q.start].casefold().split()):
        return prev.side, prev.enemy  # "Två ukrainska soldater dödades och en skadades när ryska styrkor besköt"
    if against:  # "killed in clashes with Russian troops", "killed in a Russian missile attack"
        return _third_party(text, s0, s1, lex, attackers) or against, False
    if weapons:  # "Russia's defence ministry said it had destroyed 500 tanks": the source's forces did, the enemy's
        enemy = _destroyed_by_source(text, q, s0, exclude, lex)
        if enemy is not None:
            return enemy, False
    if launched:
        launch = _launch(text, s0, lex)
        if launch is not None:  # "Russia launched 476 drones. Air defences shot down 442": the launcher's
            return launch[0], False
        # "20 drones shot down over the Kyiv region", "... über Belgorod": the attacker's
        places = sorted([m for m in lex.sides.find(text, s0, s1) if _over(text, m, lex)] +
                        lex.places.find(text, s0, s1), key=lambda m: m.start)
        if places:
            return _SIDE_ENEMY.get(places[-1].label), False
    after = _parties(text, head_end, _zone_end(text, head_end, nxt), lex, exclude)
    if after:
        return after[0].label, False
    if prev is not None:
        return prev.side, prev.enemy
    rest = _parties(text, s0, s1, lex, exclude)
    if rest:
        return min(rest, key=lambda m: abs(m.start - q.start)).label, False
    if not weapons:  # "ЦАХАЛ опубликовал данные о потерях: погибли 914 военнослужащих": the source's own dead
        own = _suffered_by_source(text, q, s0, exclude, lex)
        if own is not None:
            return own, False
    noun = lex.population.search(text, q.end, head_end)
    if noun is None or noun.label != "military":
        place = _loss_in_place(text, s0, s1, lex)
        if place is not None and all(m.label == place for m in lex.sides.find(text, s0, s1)
                                     if not _between(text, m, lex)):
            # "Antalet dödade i Gaza har passerat 50 000": the dead of that place, where no side is named (in
            # "Israels Armee meldet drei weitere Tote im Gazastreifen" the army reports its own)
            return _held_by(place, held), False
    if noun and noun.label in ("civilian", "people") or lex.strike.search(text, s0, s1):
        # civilians hit in a place belong to it: "in Ukraine", "a missile strike on Kryvyi Rih"
        places = sorted(lex.sides.find(text, s0, s1) + lex.places.find(text, s0, s1), key=lambda m: m.start)
        if places:
            return _held_by(places[-1].label, held), False
    return None, False
