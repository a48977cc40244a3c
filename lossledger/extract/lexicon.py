"""Word lists of a language pack compiled once into matchers (a token trie per language, termindex.py),
and the few small regular expressions built from word lists (`trie_pattern`)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from lossledger.extract.termindex import TermIndex
from lossledger.lang import get_pack
from lossledger.lang.forms import load as load_forms

_WORD = r"[^\W_]"  # a letter of any script or a digit


def lemmatizer(code: str, name: str | None) -> Callable[[str], str] | None:
    """The lemmatiser a pack asks for (`meta.lemmatizer`), as a cached token -> lemma function."""
    if not name:
        return None
    if name != "simplemma":
        raise ValueError(f"unknown lemmatizer {name!r} in pack {code!r} (known: simplemma)")
    import simplemma  # loaded only for languages that ask for it

    @functools.lru_cache(maxsize=65536)
    def lemma(token: str) -> str:
        return simplemma.lemmatize(token, lang=code)

    return lemma


def _from_forms(forms: dict[str, tuple[str, ...]]) -> Callable[[str], str]:
    """A lemmatiser for the pack's own words only, from its generated forms (see lang/forms.py):
    a small table instead of a whole-language dictionary."""
    table = {f: word for word, fs in forms.items() for f in fs}

    def lemma(token: str) -> str:
        return table.get(token.casefold(), token)

    return lemma


@dataclass(frozen=True)
class Match:
    """One lexicon hit: character span in the searched text and its label."""

    start: int
    end: int
    label: str
    text: str


_END, _PREFIX = "\0end", "\0prefix"
_WORD_START = "(?<![^\\W_].)"  # put after a first character: no letter or digit before it


def _insert(trie: dict, term: str, mark: str) -> None:
    node = trie
    for ch in re.sub(r"\s+", " ", term.strip()):
        node = node.setdefault(ch, {})
    node[mark] = True


@functools.cache
def pack_words(code: str, key: str, section: str = "attribution") -> tuple[str, ...]:
    """A word list of the pack (attribution words unless another section is named), case-folded, longest first."""
    return tuple(sorted((w.casefold() for w in get_pack(code).words(section, key)), key=len, reverse=True))


def trie_pattern(words: list[str] | dict[str, object], word_start: bool = False) -> str:
    """A regular expression (no anchors, no flags needed) matching any of `words` in any letter case
    (`*` = prefix), built as a character trie: one shared prefix is tried once, so hundreds of words
    cost about as much as one. With `word_start`, a match must begin a word.

    Letter case is spelled out ("[tT]ank") rather than left to re.IGNORECASE, and the word-start
    check comes after the first character, so that the regex engine can jump straight to the
    places where a first letter occurs: many times faster on long texts."""
    trie: dict = {}
    for w in words:
        w = w.casefold()
        if w.endswith("*"):
            _insert(trie, w[:-1], _PREFIX)
        else:
            _insert(trie, w, _END)
    return _pattern(trie, _WORD_START if word_start else None)


def _cases(ch: str) -> list[str]:
    variants = [ch] + [v for v in (ch.upper(), ch.lower()) if len(v) == 1 and v != ch]
    return list(dict.fromkeys(variants))


def _pattern(node: dict, first: str | None = None) -> str:
    """The regular expression of a trie node; longer terms are tried before shorter ones.

    `first` is not None at the root: each case of a first character is its own literal branch,
    followed by `first` (the word-start check, or nothing)."""
    alts = []
    for ch, child in sorted(node.items()):
        if ch in (_END, _PREFIX):
            continue
        rest = _pattern(child)
        if ch == " ":
            alts.append(r"\s+" + rest)
        elif first is not None:
            alts += [re.escape(c) + first + rest for c in _cases(ch)]
        else:
            cases = _cases(ch)
            alts.append((re.escape(ch) if len(cases) == 1 else "[" + "".join(map(re.escape, cases)) + "]") + rest)
    if _PREFIX in node:
        alts.append(_WORD + "*")
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if _END in node else body


class Matcher:
    """Finds whole-word occurrences of labelled terms; longest term wins at a position.

    A term ending in `*` matches any word starting with that prefix. With a `lemma` function, a term
    also matches words whose lemmas spell it ("танків" matches "танк", "особового складу" matches
    "особовий склад"), so inflected languages list dictionary forms only.

    The terms live in a token trie (`TermIndex`, see termindex.py) that the matchers of one lexicon share
    (`index`): a text is scanned once for all of them, and each look-up in a window of it is a binary
    search among the candidates of that scan.
    """

    def __init__(self, terms: dict[str, str], lemma: Callable[[str], str] | None = None,
                 index: TermIndex | None = None):
        self.lemma = lemma
        self.labels: dict[str, str] = {}
        self.prefixes: list[tuple[str, str]] = []
        for term, label in terms.items():
            term = term.casefold()
            if term.endswith("*"):
                self.prefixes.append((term[:-1], label))
            else:
                self.labels[term] = label
        self.prefixes.sort(key=lambda p: -len(p[0]))
        if index is None:
            index = TermIndex(lemma)
        elif lemma is not None and index.lemma is not lemma:
            raise ValueError("a matcher by lemma needs an index with the same lemmatiser")
        self.index = index
        self._k = index.add(terms, lemma is not None)

    def label_of(self, found: str) -> str:
        key = re.sub(r"\s+", " ", found.casefold())
        if key in self.labels:
            return self.labels[key]
        for stem, label in self.prefixes:
            if key.startswith(stem):
                return label
        return ""

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Return every hit in `text[start:end]`, offsets relative to `text`: leftmost first, the longest
        term at a position, none overlapping; hits by lemma where no hit in the text itself is."""
        index = self.index
        last = index.last
        found = (last[1] if last is not None and last[0] is text else index.scan(text))[self._k]
        if found is None:
            return []
        if end is None or end > len(text):
            end = len(text)
        hits = _chain(found[0], found[1], text, start, end)
        if found[2] is not None:
            extra = _chain(*found[2], text, start, end)
            if extra:
                extra = [h for h in extra if not any(h.start < y.end and y.start < h.end for y in hits)]
                hits = sorted(hits + extra, key=lambda h: h.start) if hits else extra
        return hits

    def search(self, text: str, start: int = 0, end: int | None = None) -> Match | None:
        """Return the first hit in `text[start:end]`, or None."""
        index = self.index
        last = index.last
        found = (last[1] if last is not None and last[0] is text else index.scan(text))[self._k]
        if found is None:
            return None
        if found[2] is not None:
            return next(iter(self.find(text, start, end)), None)
        cands, made, _ = found
        if end is None or end > len(text):
            end = len(text)
        i = bisect.bisect_left(cands, (start,))
        stop = len(cands)
        while i < stop:
            a, b, _, label, glued = cands[i]
            if a >= end:
                return None
            b = -b
            if b < end and not glued or b == end:
                m = made[i]
                if m is None:
                    m = made[i] = Match(a, b, label, text[a:b])
                return m
            i += 1
        return None


def _chain(cands: list[tuple], made: list[Match | None], text: str, start: int, end: int) -> list[Match]:
    """The candidates (see `TermIndex.scan`) inside text[start:end], leftmost first, the longest at a
    position, none overlapping."""
    i = bisect.bisect_left(cands, (start,))
    stop = len(cands)
    out = []
    while i < stop:
        a, b, _, label, glued = cands[i]
        if a >= end:
            break
        b = -b
        if b < end and not glued or b == end:
            m = made[i]
            if m is None:
                m = made[i] = Match(a, b, label, text[a:b])
            out.append(m)
            i = bisect.bisect_left(cands, (b,), i + 1)
        else:
            i += 1
    return out


def _labelled(mapping: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for label, words in mapping.items():
        for w in words:
            out.setdefault(w.casefold(), label)
    return out


def _plain(words: list[str], label: str = "x", lemma: Callable[[str], str] | None = None,
           index: TermIndex | None = None) -> Matcher:
    return Matcher({w: label for w in words}, lemma, index)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Every matcher the extractor needs for one language."""

    code: str
    categories: Matcher
    population: Matcher
    strike: Matcher
    sides: Matcher
    places: Matcher  # cities and regions of a side: where a strike with no party named fell
    enemy: Matcher
    enemy_default: str | None
    both: Matcher
    locative: frozenset[str]
    between: Matcher
    after_event: frozenset[str]
    place_nouns: frozenset[str]
    opponent: frozenset[str]
    side_nouns: frozenset[str]
    side_phrases: tuple[str, ...]
    agent_opponent: frozenset[str]  # 'by': an opponent only after a loss or a strike ('killed by')
    aggression: Matcher
    cues: dict[str, Matcher]
    according_to: Matcher
    comma_according_to: frozenset[str]
    speech: Matcher
    relay_before: Matcher
    source_links: Matcher
    passive: Matcher
    pronouns: frozenset[str]
    articles: frozenset[str]
    name_links: frozenset[str]
    owner_links: frozenset[str]
    category_join: re.Pattern
    side_joiner: re.Pattern
    category_link: re.Pattern
    rate_period: re.Pattern
    complementiser: re.Pattern
    complementiser_open: re.Pattern
    auxiliary_end: re.Pattern
    relatives: frozenset[str]
    neuter_pronouns: frozenset[str]
    expletives: frozenset[str]
    anaphors: Matcher
    documents: frozenset[str]
    document_modifiers: frozenset[str]
    same: tuple[str, ...]
    stop: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]
    dates: dict[str, Matcher]
    nouns_capitalised: bool = False  # German: a lower-case word after a noun ends a name
    adjectives_capitalised: bool = False  # English: "Russian" may be an adjective, not a place
    abbreviations: frozenset[str] = frozenset()  # "gen", "płk": a full stop after them ends no sentence


def _joiner(words: list[str]) -> re.Pattern:
    """Matches the whole gap between two loss words that form one category ("killed or wounded")."""
    link = rf"|(?<![^\W_])(?:{trie_pattern(words)})(?![^\W_])" if words else ""
    return re.compile(rf"^(?:\s|,|/{link})*$", re.IGNORECASE)


def _complementiser(words: list[str]) -> re.Pattern:
    """Matches 'that' and up to two words at the end of a text ("reported that, according to")."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![^\W_])(?:{trie_pattern(words)})\s+(?:\S+\s+){{0,2}}$", re.IGNORECASE)


@functools.cache
def lexicon(code: str) -> Lexicon:
    """Compile (once) and return the lexicon of language `code`."""
    pack = get_pack(code)
    cats = pack.section("categories")
    pop = pack.section("population")
    sides = pack.section("sides")
    cues = pack.section("cues")
    att = pack.section("attribution")
    dates = pack.section("dates")
    # inflected languages: the generated forms of the pack's words, else lemmas at run time
    name = pack.section("meta").get("lemmatizer")
    forms = load_forms(code) if name else None
    lem = lemmatizer(code, name) if forms is None else _from_forms(forms)
    pop_terms = _labelled({k: pop.get(k, []) for k in ("military", "civilian", "people")})
    ix = TermIndex(lem)  # one trie and one scan per text for all the matchers below
    return Lexicon(
        code=code,
        categories=Matcher(_labelled(cats), lem, ix),
        population=Matcher(pop_terms, lem, ix),
        strike=_plain(pop.get("strike", []), lemma=lem, index=ix),
        sides=Matcher(_labelled(sides.get("names", {})), lem, ix),
        places=Matcher(_labelled(pack.section("places")), lem, ix),
        enemy=_plain(sides.get("enemy", []), lemma=lem, index=ix),
        enemy_default=sides.get("enemy_default"),
        both=_plain(sides.get("both", []), lemma=lem, index=ix),
        locative=frozenset(w.casefold() for w in sides.get("locative", [])),
        between=_plain(sides.get("between", []), lemma=lem, index=ix),
        after_event=frozenset(w.casefold() for w in sides.get("after_event", [])),
        place_nouns=frozenset(w.casefold() for w in sides.get("place_nouns", [])),
        opponent=frozenset(w.casefold() for w in sides.get("opponent", [])),
        side_nouns=frozenset(w.casefold() for w in sides.get("side_nouns", [])),
        side_phrases=tuple(w.casefold() for w in sides.get("side_phrases", [])),
        agent_opponent=frozenset(w.casefold() for w in sides.get("agent_opponent", [])),
        aggression=_plain(sides.get("aggression", []), lemma=lem, index=ix),
        cues={k: _plain(v, k, lem, ix) for k, v in cues.items()},
        according_to=_plain(att.get("according_to", []), lemma=lem, index=ix),
        comma_according_to=frozenset(w.casefold() for w in att.get("comma_according_to", [])),
        speech=_plain(att.get("verbs", []) + cues.get("dispute_verbs", []) + [  # "X denied", "X wies … zurück"
            w.split()[0] for w in cues.get("dispute_split", [])], lemma=lem, index=ix),
        relay_before=_plain(att.get("relay_before", []), lemma=lem, index=ix),
        source_links=_plain(att.get("source_links", []), lemma=lem, index=ix),
        passive=_plain(att.get("passive", []), lemma=lem, index=ix),
        pronouns=frozenset(w.casefold() for w in att.get("pronouns", [])),
        articles=frozenset(w.casefold() for w in att.get("articles", [])),
        name_links=frozenset(w.casefold() for w in att.get("name_links", [])),
        owner_links=frozenset(w.casefold() for w in att.get("owner_links", [])),
        category_join=_joiner(cues.get("category_joiners", [])),
        rate_period=re.compile(rf"(?<![^\W_])(?:{trie_pattern(cues['period_prepositions'])})\s*$"
                               if cues.get("period_prepositions") else "(?!)"),
        category_link=re.compile(rf"\s+(?:{trie_pattern(cues['category_links'])})\s+" if cues.get("category_links")
                                 else "(?!)"),
        side_joiner=re.compile(rf"\s*(?:{trie_pattern(sides['conjunctions'])})\s*" if sides.get("conjunctions")
                               else "(?!)"),
        complementiser=_complementiser(att.get("complementisers", [])),
        complementiser_open=re.compile(rf"\s*(?:{trie_pattern(att['complementisers'])})(?![^\W_])"
                                       if att.get("complementisers") else "(?!)", re.IGNORECASE),
        auxiliary_end=re.compile(rf"(?:^|\s+|\s[\"“„«])(?:{trie_pattern(att['auxiliaries'])})$"
                                 if att.get("auxiliaries") else "(?!)", re.IGNORECASE),
        relatives=frozenset(w.casefold() for w in att.get("relatives", [])),
        neuter_pronouns=frozenset(w.casefold() for w in att.get("neuter_pronouns", [])),
        expletives=frozenset(w.casefold() for w in att.get("expletives", [])),
        anaphors=_plain(att.get("anaphors", []), lemma=lem, index=ix),
        documents=frozenset(w.casefold() for w in att.get("documents", [])),
        document_modifiers=frozenset(w.casefold() for w in att.get("document_modifiers", [])),
        same=tuple(sorted((w.casefold() for w in att.get("same", [])), key=len, reverse=True)),
        stop=frozenset(w.casefold() for w in att.get("stop", [])),
        months={k.casefold(): v for k, v in dates.get("months", {}).items()},
        weekdays={k.casefold(): v for k, v in dates.get("weekdays", {}).items()},
        relative={k.casefold(): (v[0], int(v[1])) for k, v in dates.get("relative", {}).items()},
        # "since" is only looked for in short clauses (dates._mark_periods): an index of its own scans them faster
        dates={k: _plain(dates.get(k, []), k, index=None if k == "since" else ix)
               for k in ("since", "this_year", "last_year", "past_day", "past_week", "end_of", "start_of",
                         "published", "during", "then", "same_period", "restated", "when_then")},
        nouns_capitalised=bool(pack.section("meta").get("nouns_capitalised", False)),
        adjectives_capitalised=bool(pack.section("meta").get("adjectives_capitalised", False)),
        abbreviations=frozenset(w.casefold().rstrip(".") for w in pack.section("meta").get("abbreviations", [])),
    )
