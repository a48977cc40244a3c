"""Who claims a figure and who relays it: attribution in a sentence, carried across an article."""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources

from lossledger.extract.dates import war_days
from lossledger.extract.figures import conjunctions, dateline_end, word_before
from lossledger.extract.inflect import nominative
from lossledger.extract.lexicon import Lexicon, Match, pack_words
from lossledger.extract.numbers import number_words

_TOKEN = re.compile(r"[^\W_][\w'’.&-]*(?::s\b)?|[\"“”«»:,;()—–]|\s-\s", re.UNICODE)  # "FN:s" is one word
_QUOTE = "\"“”«»"
_COMMA_WORD = re.compile(r",\s+([^\W\d_]+)\s")
_QUOTES = frozenset("\"“”«»„")
_NAME_WORDS = 13  # the most words of a name read backward ("el Centro de Coordinación para el Tratamiento de …")
_OPENING_QUOTES = frozenset("«„“")
_QUOTED_NAME = re.compile(r"«[^»\d]{1,50}»|„[^“”\d]{1,50}[“”]|“[^”\d]{1,50}”")
_OPEN_QUOTE_END = re.compile(r"[\"“„«](?<=\s.)$")  # after a space; the quote first, for the engine to skip to
_POSSESSIVE = re.compile(r"\w['’]s$")
_ACRONYM_END = re.compile(r"\s*\([^()\d]{1,15}\)$")  # "the Center for Strategic and International Studies (CSIS)"
_SEAT_AFTER_ACRONYM = re.compile(r"(?<=\))\s+(\w+)\s+([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)$")
_POSSESSIVE_S = re.compile(r"'s\b")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_NON_WORDS = re.compile(r"[\W_]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_HEADLINE_LEAD = re.compile(r"([^\W\d_][\w'’ .-]{1,40}):\s")  # "Kremlin: ..."
_ENTRY_TIME = re.compile(r"[+*#>•\s]*(?:\d{1,2}[:.h]\d{2}(?:\s*[^\W\d_]{1,5}\.?)?\s*[–—|-]\s*)?")  # "+++ 07:20 Uhr – "
_HEADLINE_TAIL = re.compile(r"\s[—–]\s*([^\W\d_][\w'’ .-]{1,40}?)\s*$")  # "... — General Staff"
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")


@dataclass(frozen=True)
class Entity:
    """A known claimant or outlet from `data/claimants.toml`."""

    name: str
    kind: str
    side: str | None
    aliases: tuple[str, ...]
    forms: tuple[tuple[str, str], ...] = ()  # (case form, the alias reported for it), from the packs


@dataclass(frozen=True)
class Attribution:
    """The claimant and relays of one sentence."""

    claimant: str | None
    via: tuple[str, ...] = ()
    anaphoric: bool = False
    span: tuple[int, int] | None = None


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    s = _POSSESSIVE_S.sub("", s)
    return _LEADING_ARTICLE.sub("", _NON_WORDS.sub(" ", s).strip())


def _entity_tables() -> list[dict]:
    """`data/claimants.toml`, then each language pack's own `claimants.toml` (names in that language)."""
    files = [resources.files("lossledger").joinpath("data", "claimants.toml")]
    root = resources.files("lossledger.lang")
    files += [d.joinpath("claimants.toml") for d in sorted(root.iterdir(), key=lambda d: d.name)
              if d.is_dir() and d.joinpath("claimants.toml").is_file()]
    return [e for f in files for e in tomllib.loads(f.read_text(encoding="utf-8")).get("entity", [])]


@functools.cache
def registry() -> tuple[Entity, ...]:
    """Load the known claimants and outlets (cached); entries with the same name merge their aliases."""
    merged: dict[str, dict] = {}
    for e in _entity_tables():
        m = merged.setdefault(e["name"], {"kind": e.get("kind", "org"), "side": e.get("side"), "aliases": [],
                                          "forms": {}})
        forms = e.get("forms", {})
        m["aliases"] += [a for a in [*e.get("aliases", []), *forms] if a not in m["aliases"]]
        m["forms"].update({_norm(k): v for k, v in forms.items()})
    return tuple(Entity(n, m["kind"], m["side"], tuple(m["aliases"]), tuple(m["forms"].items()))
                 for n, m in merged.items())


@functools.cache
def _normalised_aliases() -> tuple[tuple[str, Entity, re.Pattern | None], ...]:
    """(normalised alias, entity, case-sensitive pattern for acronyms: "UN" is not "un")."""
    triples = [(f" {_norm(a)} ", e, re.compile(rf"(?<!\w){re.escape(a)}(?!\w)") if a.isupper() else None)
               for e in registry() for a in e.aliases if _norm(a)]
    return tuple(sorted(triples, key=lambda p: -len(p[0])))


@functools.cache
def known_name() -> re.Pattern:
    """Any known name (alias or case form), longest first; acronyms in their own case ("UN" is not "un")."""
    names = sorted({a for e in registry() for a in e.aliases if a.strip()}, key=len, reverse=True)
    alts = [(f"(?-i:{re.escape(a)})" if a.isupper() else re.escape(a)).replace(r"\ ", r"\s+") for a in names]
    return re.compile("(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _cut_to_known(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """A source phrase that opens with a known name ends with it, where no comma ends it: "według Sztabu
    Generalnego Rosja straciła", "según el Estado Mayor Rusia perdió" (the sentence goes on after the name)."""
    a, b = span
    art = re.match(r"[^\W\d_]+\s+", text[a:b])
    start = a + art.end() if art and art.group().split()[0].casefold() in lex.articles else a
    m = known_name().match(text, start)
    if m is not None and m.end() > b:
        return a, m.end()  # a long name the phrase was cut short in: "Estado Mayor General de las Fuerzas Armadas ..."
    if m is None or m.end() == b or not text[m.end()].isspace():
        return span
    rest = text[m.end():b].split()  # "UN OCHA" is one name; "Sztabu Generalnego Rosja straciła" goes on
    return (a, m.end()) if any(w[:1].islower() and w not in lex.name_links and w not in lex.articles
                               for w in rest) else span


@functools.lru_cache(maxsize=4096)
def lookup(name: str | None) -> Entity | None:
    """Return the known entity whose alias is (a whole-word part of) `name`, longest alias first."""
    if not name:
        return None
    n = f" {_norm(name)} "
    return next((e for a, e, exact in _normalised_aliases() if a in n and (exact is None or exact.search(name))), None)


def fullest(name: str, low: str) -> str:
    """The longest alias of `name`'s entity that the article (`low`, case-folded) uses, else `name`."""
    e = lookup(name)
    if e is None:
        return name
    # a fuller form of the same spelling ("Zelensky" -> "Volodymyr Zelensky", not "Volodymyr Zelenskyi")
    same = _whole_word(name.casefold())
    found = [a for a, folded in _folded_aliases(e) if len(a) > len(name) and same.search(folded) and folded in low]
    return citation(max(found, key=len) if found else name, e)


@functools.lru_cache(maxsize=4096)
def cited(name: str, code: str) -> str:
    """A claimant's name as the claim cites it: a known entity's as it is (see `fullest`), another's with its
    head in the nominative in a language that declines names ("Одеської обласної адміністрації")."""
    entity = lookup(name)
    if entity is None:
        return nominative(name, code)
    if name.casefold() in (folded for _, folded in _folded_aliases(entity)):
        return name
    nom = nominative(name, code)  # "британського міністерства оборони", a known one in the genitive
    return nom if lookup(nom) is entity else name


@functools.lru_cache(maxsize=1024)
def _folded_aliases(e: Entity) -> tuple[tuple[str, str], ...]:
    """(alias, its case-folded form) of an entity."""
    return tuple((a, a.casefold()) for a in e.aliases)


@functools.lru_cache(maxsize=1024)
def _whole_word(word: str) -> re.Pattern:
    """`word` standing as a whole word."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def citation(name: str, e: Entity | None = None) -> str:
    """`name` in its citation form: a case form a pack lists ("Генерального штабу ЗСУ") gives its alias."""
    e = e or lookup(name)
    if e is None or not e.forms:
        return name
    n = _norm(name)
    return next((alias for form, alias in e.forms if form == n), name)


def _tokens(text: str, a: int, b: int) -> list[re.Match]:
    return list(_TOKEN.finditer(text, a, b))


_CLITIC = re.compile(r"[-\u2010](?:t[-\u2010])?([^\W\d_]+)")


def _np_forward(text: str, pos: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    clitic = _CLITIC.match(text, pos, end)
    if clitic and clitic.group(1).casefold() in lex.pronouns:
        return clitic.span(1)  # "précise-t-elle", "a-t-il dit": the pronoun joined to the verb is its subject
    toks = _tokens(text, pos, end)
    if lex.nouns_capitalised and toks and toks[0].group().casefold() in lex.agent_opponent:
        return _participle_attribute(text, toks, end, lex)
    start = None
    taken: list[re.Match] = []
    closing = -1
    for i, t in enumerate(toks[:10]):
        if t.start() < closing:
            continue
        w = t.group()
        lw = w.casefold().rstrip(".")
        quoted = _quoted_name(text, t.start(), end) if w in _OPENING_QUOTES else None
        if quoted is not None:  # a name in quotes is whole: «Врачи без границ»
            start = t.start() if start is None else start
            taken.append(quoted)
            closing = quoted.end()
            continue
        if w in _QUOTES:
            continue
        if not w[0].isalnum() or _has_digit(w):
            break
        if start is not None and lw in lex.pronouns and lw not in lex.articles:
            break  # "даних Реєстру спадкових справ вона може сягати": the pronoun is the next clause's subject
        if start is None and lw in lex.pronouns and lw not in lex.articles:
            return t.start(), t.end()  # "selon lui de l'ordre de 198 000": a pronoun is a whole phrase
        if lw in lex.stop and start is not None and not _connector(toks, i, lex) and lw not in lex.document_modifiers:
            known = next((k for k in (known_name().match(text, x.start(), end) for x in taken) if k), None)
            if known is not None and known.end() > t.end():
                taken.append(known)  # "Центр стратегических и международных исследований": a known name is whole
                closing = known.end()
                continue
            break  # (but "an earlier estimate by X", "en tidigare beräkning av X")
        noun_use = bool(taken) and taken[-1].group().casefold() in lex.document_modifiers  # "an earlier estimate"
        if start is not None and not noun_use and (lex.speech.search(w) or
                                                   _starts_at(lex.according_to, text, t.start(), end)):
            break
        if lex.nouns_capitalised and taken and w[:1].islower() and _after_noun(taken[-1].group(), lex) and \
                lw not in lex.name_links and lw not in lex.articles and not known_name().match(text, t.start()):
            break  # "nach Einschätzung der Journalisten deutlich höher": the name ends at its noun (but for "dpa")
        if lex.nouns_capitalised and taken and lw in lex.articles and lw not in lex.name_links and \
                _after_noun(taken[-1].group(), lex):
            break  # "des ... Gesundheitsministeriums die Marke": an article no link opens the next phrase
        if any(x.group().casefold() not in lex.articles for x in taken) and _troops_losing(text, toks, i, end, lex):
            break  # "według ukraińskiego dowództwa siły rosyjskie straciły": the troops open the next clause
        if _starts_at(lex.categories, text, t.start(), end) and _loss_word(text, t.start(), t.end(), lex):
            # a loss word ends the name, and a party just before it owns the losses, not the name:
            # "according to a NATO official Russia's losses ...", "według Ukraińców straty ..."
            while taken and _starts_at(lex.sides, text, taken[-1].start(), end):
                taken.pop()
            break
        if start is None and lw in lex.stop and lw not in lex.articles:
            break
        start = t.start() if start is None else start
        taken.append(t)
    while len(taken) > 1 and taken[-1].group().casefold() in lex.articles:
        taken.pop()  # a name ends with no article ("die Plattform Oryx den Verlust")
    if not taken:
        return None
    return start, taken[-1].end()


def _troops_losing(text: str, toks: list[re.Match], i: int, end: int, lex: Lexicon) -> bool:
    """Tokens i and i + 1 are a side's troops ("siły rosyjskie", "les forces russes", "rosyjskie wojska") and a loss
    word or a figure follows them within three words, with no punctuation between: a clause's subject."""
    if i + 2 >= len(toks):
        return False
    a, b = toks[i], toks[i + 1]
    troops = lex.population.search(text, a.start(), b.end())
    side = lex.sides.search(text, a.start(), b.end())
    starts = {a.start(), b.start()}
    if troops is None or side is None or troops.label != "military" or not {troops.start, side.start} <= starts \
            or troops.start == side.start and side.end < b.end():  # "forces russes" may be one side phrase
        return False
    prev = b.end()
    for t in toks[i + 2:i + 5]:
        if any(c in text[prev:t.start()] for c in ",;:()\n"):
            return False
        if _has_digit(t.group()) or _loss_word(text, t.start(), t.end(), lex):
            return True
        prev = t.end()
    return False


def _participle_attribute(text: str, toks: list[re.Match], end: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name opening with an extended participle ("von der Hamas kontrollierten Gesundheitsbehörde"): from the
    preposition through the noun after the participle (German, whose nouns have capitals), else None."""
    for i, t in enumerate(toks[1:7], 1):
        w = t.group()
        if not w[:1].isalpha():
            return None
        if w[:1].islower() and w.casefold() not in lex.articles and i + 1 < len(toks) and \
                toks[i + 1].group()[:1].isupper():
            head = _np_forward(text, toks[i + 1].start(), end, lex)
            return (toks[0].start(), head[1]) if head else None
    return None


def _after_noun(word: str, lex: Lexicon) -> bool:
    """The word is a capitalised noun or name, not an article opening a sentence ("Das")."""
    return word[:1].isupper() and word.casefold() not in lex.articles


def _quoted_name(text: str, pos: int, end: int) -> re.Match | None:
    """The quoted name opening at `pos` ("«Врачи без границ»", "„Times of Israel“"): short, no figure in it."""
    return _QUOTED_NAME.match(text, pos, min(end, pos + 60))


def _has_digit(w: str) -> bool:
    """A digit in the word (one of letters only has none)."""
    return not w.isalpha() and any(c.isdigit() for c in w)


def _document(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """The phrase ends with a document ("hat nur einmal Zahlen veröffentlicht"): an object, not a source."""
    words = text[span[0]:span[1]].casefold().split()
    return len(words) > 1 and words[-1] in lex.documents and words[0] not in lex.articles


def _loss_word(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """A loss word in text[a:b] that is not part of a source's description ("the think tank") nor a capitalised word
    of a proper name after its start ("el Centro de Coordinación para el Tratamiento de Prisioneros de Guerra")."""
    names = lex.anaphors.find(text, max(0, a - 30), min(len(text), b + 30))
    return any(not any(n.start <= h.start and h.end <= n.end for n in names)
               and not (h.start > a and text[h.start].isupper() and not lex.nouns_capitalised)
               for h in lex.categories.find(text, a, b))


def _starts_at(matcher, text: str, pos: int, end: int) -> bool:
    m = matcher.search(text, pos, min(end, pos + 40))
    return m is not None and m.start == pos


def _connector(toks: list[re.Match], i: int, lex: Lexicon) -> bool:
    """'of', 'for', 'and', 'the' inside a proper name: "Institute for the Study of War"."""
    w = toks[i].group().casefold()
    nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
    return (w in lex.name_links or w in lex.articles) and nxt[:1].isupper()


def _np_backward(text: str, a: int, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    a = max([a] + [e for _, e in war_days(text, a, pos, lex)])  # "W 300. dniu wojny sztab podał"
    toks = _tokens(text, a, pos)
    start = stop = None
    for i in range(len(toks) - 1, max(-1, len(toks) - _NAME_WORDS - 1), -1):
        t = toks[i]
        w = t.group()
        lw = w.casefold()
        if w in _QUOTES:
            continue  # a quoted name: "Журналисты «Медиазоны» установили"
        if not w[0].isalnum() or _has_digit(w) or _date_word(w, lex):
            break
        if i and toks[i - 1].group().isdigit() and text[toks[i - 1].start() - 1:toks[i - 1].start()] not in ":.":
            break  # "за 2024 рік видання підтвердили": a counted noun ("рік") opens no name
        if lw in _denials(lex.code):
            break  # "Peskov rejected estimates that": the denial is no part of the name before "estimates"
        if lw in lex.stop and not ((lw in lex.name_links or lw in lex.articles) and start is not None
                                   and (lw in lex.articles or toks[i - 1].group()[:1].isupper())):
            break
        if lw in lex.articles and start is not None:
            start = t.start()
            if lex.nouns_capitalised and lw in lex.name_links and i >= 1 and _after_noun(toks[i - 1].group(), lex) \
                    and toks[i - 1].group().casefold() not in lex.stop:
                continue  # a genitive article after a noun: "der Generalstab der ukrainischen Streitkräfte"
            if not (i >= 2 and toks[i - 1].group().casefold() in lex.name_links and toks[i - 2].group()[:1].isupper()):
                break  # "the" opens the name, unless it follows a link inside it ("Institute for the Study")
            continue
        if start is not None and w[0].islower() and lw not in lex.name_links and (
                not _modifier(toks, i) or lw.endswith("ly")):
            break
        stop = t.end() if stop is None else stop
        start = t.start()
    if start is None:
        return None
    # trim dangling connectors at the left edge
    while True:
        first = text[start:stop].split(None, 1)
        if len(first) < 2 or first[0].casefold() not in lex.name_links:
            break
        start = text.index(first[1], start + len(first[0]))
    if stop <= start:
        return None
    joint = _comitative_before(text, a, start, lex)  # "Медиазона вместе с Би-би-си установили": both
    if joint is not None:
        co = _np_backward(text, a, joint, lex)
        start = co[0] if co else start
    else:  # "«Медиазона» совместно с Би-би-си и командой волонтеров установила": all three
        start = _comitative_chain(text, a, start, lex) or start
    return start, stop


@functools.cache
def _denials(code: str) -> frozenset[str]:
    """The pack's one-word verbs of denial ("rejected", "odrzucił", "wies" of "wies … zurück"), case-folded."""
    split = (w.split()[0] for w in pack_words(code, "dispute_split", "cues"))
    return frozenset(w for w in pack_words(code, "dispute_verbs", "cues") if " " not in w) | frozenset(split)


def _relay_before_np(text: str, s0: int, span: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """The source before a relay phrase that ends right before `span` ("Western sources cited by The Wall Street
    Journal"), or None."""
    head = text[s0:span[0]].rstrip()
    words = head.split()
    if words and words[-1].casefold() in lex.articles:  # "cités par le New York Times"
        head = head[:len(head) - len(words[-1])].rstrip()
    hits = lex.relay_before.find(text, s0, s0 + len(head))
    if not hits or hits[-1].end != s0 + len(head) or hits[-1].start - s0 < 3:
        return None
    return _np_backward(text, s0, hits[-1].start, lex)


def _participles(lex: Lexicon) -> tuple[str, ...]:
    """The pack's speech participles ("adding", "saying"), which take the subject of the clause before."""
    return pack_words(lex.code, "participles")


def _subject_before(text: str, s0: int, end: int, lex: Lexicon, impersonal: bool = False) -> tuple[int, int] | None:
    """The subject ending at `end`, past the phrases of setting before a verb: "Путин на совещании с военными"
    -> "Путин"; "der Gouverneur, Serhij Lyssak, am Montag auf Telegram" -> "Serhij Lyssak". Before a verb with no
    subject of its own, the place is the source: "Водночас у Генштабі ЗСУ повідомили" -> "Генштабі ЗСУ"."""
    back = _across_and(text, s0, _np_backward(text, s0, end, lex), lex)
    if impersonal:
        return back
    joined = False
    for _ in range(4):
        if back is None:
            return None
        partner = _comitative_partner(text, s0, back, lex)
        if partner is not None:  # "Mediazona har tillsammans med BBC:s ryska tjänst identifierat": Mediazona
            return partner
        head = text[s0:back[0]].rstrip()
        low = head.casefold()
        same = next((w for w in lex.same if low.endswith(" " + w)), None)
        if same:  # "к тому же времени": the setting's noun after "the same"
            head, low = head[:-len(same)].rstrip(), low[:-len(same)].rstrip()
        prep = next((w for w in pack_words(lex.code, "settings") if low.endswith(w) and (
            len(low) == len(w) or not low[-len(w) - 1].isalnum())), None)
        if prep is None or _opens_clause(text, back, prep, lex):
            return back
        name = _trailing_name(text, back, lex)
        if name is not None:  # "Уповноважений … з прав людини Дмитро Лубінець": the name after the title's words
            return name
        rest = head[:len(head) - len(prep)].rstrip()
        comma = rest.endswith(",")
        if comma:  # an apposition before the setting names the source
            rest = rest[:-1].rstrip()
        before = _np_backward(text, s0, s0 + len(rest), lex)
        adverbs = rest.split()[-1:]
        if before is None and adverbs and adverbs[0].casefold() in lex.stop:
            # "Зеленський уперше за довгий час назвав": an adverb before the setting
            before = _np_backward(text, s0, s0 + len(rest) - len(adverbs[0]), lex)
        dated = before is None and _before_date(rest, lex) < len(rest)
        if dated:  # "Андрей Белоусов во вторник на расширенном заседании заявил": a day between the source and setting
            before = _np_backward(text, s0, s0 + _before_date(rest, lex), lex)
        if before is None:
            return back
        named = any(w[:1].isupper() for w in text[before[0]:before[1]].split())
        if comma and not named:
            return back  # "Для порівняння, у Генштабі ЗСУ оцінюють": an opening phrase, the place is the source
        if not (comma or dated) and (joined or prep in lex.name_links or
                                     text[back[0]:back[1]].split()[-1][:1].isupper() and not named):
            # "the head of the administration in Kharkiv", "analysts at the Center for ... Studies": one name,
            # which may open further back ("Моніторингова місія ООН з прав людини в Україні")
            back, joined = (before[0], back[1]), True
            continue
        back = before
    return back


def _trailing_name(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """The name of a person (two title-case words or more) closing a phrase that opens in lower case, right after a
    word of the title ("прав людини Дмитро Лубінець"; not after a preposition: "в России Татьяна …"), or None."""
    toks = _tokens(text, *span)
    if not toks or not toks[0].group()[:1].islower():
        return None
    i = len(toks)
    while i and toks[i - 1].group()[:1].isupper():
        i -= 1
    if len(toks) - i < 2 or not i or toks[i - 1].group().casefold() in lex.stop or \
            not all(t.group().istitle() for t in toks[i:]):  # a person's name, not an outlet's ("NBC News")
        return None
    return toks[i].start(), span[1]


def _opens_clause(text: str, back: tuple[int, int], prep: str, lex: Lexicon) -> bool:
    """'hours after Zelensky said': a setting word that opens a clause before a name (no article, no date); the
    name is the subject of that clause, not the object of a setting."""
    first = text[back[0]:back[1]].split()[0]
    return prep in pack_words(lex.code, "clause_settings") and first[:1].isupper() and \
        first.casefold() not in lex.articles and not _date_word(first.casefold(), lex)


def _comitative_partner(text: str, s0: int, back: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """The source before 'together with' that opens `back` after the source and its auxiliary ("Mediazona har
    tillsammans med BBC"; the auxiliary between, the partner is left out of the name), or None."""
    joint = _comitative_before(text, s0, back[0], lex)
    if joint is None:
        return None
    words = text[s0:joint].split()
    auxiliaries = pack_words(lex.code, "auxiliaries")
    while words and words[-1].casefold() in auxiliaries:
        words.pop()
    if not words:
        return None
    co = _np_backward(text, s0, text.rindex(words[-1], s0, joint) + len(words[-1]), lex)
    if co is None or co[1] == joint or not text[co[1]:joint].strip():
        return None if co is None else (co[0], back[1])  # no auxiliary between: one span holds both
    return co


def _across_and(text: str, s0: int, back: tuple[int, int] | None, lex: Lexicon) -> tuple[int, int] | None:
    """A name with a lower-case 'and' inside it ("Центр стратегічних і міжнародних досліджень"): the phrase in
    lower case after the 'and' reaches back to the name before it."""
    if back is None or not text[back[0]:back[1]].islower():
        return back
    m = re.search(r"(?<![^\W_])(\w+)\s+$", text[max(s0, back[0] - 8):back[0]])
    if m is None or m.group(1).casefold() not in conjunctions(lex.code):
        return back
    at = back[0] - len(m.group())
    before = _np_backward(text, s0, at, lex)
    if before is None or not text[before[1] - 1].islower() or _loss_word(text, *before, lex) or not any(
            w[:1].isupper() for w in text[before[0]:before[1]].split()):
        return back
    return before[0], back[1]


def _comitative_chain(text: str, a: int, pos: int, lex: Lexicon) -> int | None:
    """Where a 'together with' phrase starts whose partners end in 'and' right before `pos`, or None."""
    conj = re.search(r"(\w+)\s*$", text[max(a, pos - 12):pos])
    if conj is None or conj.group(1).casefold() not in conjunctions(lex.code):
        return None
    at = pos - len(conj.group())
    partner = _np_backward(text, a, at, lex) if at > a else None  # itself joined to a source before it, if any
    inside = f" {text[partner[0]:at].casefold()} " if partner else ""
    return partner[0] if partner and any(f" {w} " in inside for w in pack_words(lex.code, "comitative")) else None


def _comitative_before(text: str, a: int, pos: int, lex: Lexicon) -> int | None:
    """Where a 'together with' phrase ending at `pos` (maybe with an article: "gemeinsam mit der") starts."""
    a = max(a, pos - 40)
    before = text[a:pos].casefold().rstrip()
    words = before.split()
    ends = [before]
    if words and (words[-1] in lex.articles or words[-1] in lex.name_links):
        ends.append(before[:len(before) - len(words[-1])].rstrip())
    comitative = pack_words(lex.code, "comitative")
    if not any(b.endswith(comitative) for b in ends):
        return None
    return next((a + len(b) - len(w) for b in ends for w in comitative
                 if b.endswith(w) and (len(b) == len(w) or not b[-len(w) - 1].isalnum())), None)


@functools.cache
def _qualifiers(code: str) -> tuple[str, ...]:
    """The pack's words of approximation and bounds ("приблизно", "more than"), case-folded."""
    return tuple(w for key in ("approx", "at_least", "at_most") for w in pack_words(code, key, "qualifiers"))


def _qualifier_first(name: str, code: str) -> bool:
    """The phrase opens with a lower-case bound or approximation word: a number's, read as a source ("оцінюють
    приблизно в 400 тисяч")."""
    return name[:1].islower() and any(name.casefold() == w or name.casefold().startswith(w + " ")
                                      for w in _qualifiers(code))


def _no_name(name: str, lex: Lexicon) -> bool:
    """The phrase is a lone article or number word ("säger en av rapportförfattarna" read as "en"): nobody."""
    low = name.casefold()
    return low in lex.articles or low in number_words(lex.code) or low in pack_words(lex.code, "articles", "numbers")


def _date_word(w: str, lex: Lexicon) -> bool:
    """A lower-case weekday or month ("W piątek sztab podał"): a date, no part of the name."""
    return w.islower() and (w in lex.weekdays or w in lex.months)


def _modifier(toks: list[re.Match], i: int) -> bool:
    """A lower-case word that may stand inside a descriptive claimant ("a senior NATO official")."""
    nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
    return bool(nxt) and (nxt[:1].isupper() or nxt.islower()) and len(toks[i].group()) > 2


def speakers(text: str, s0: int, s1: int, lex: Lexicon) -> list[tuple[int, str]]:
    """Every speech verb or 'according to' of the sentence whose source is a name: (position, name), in text order.

    With two of them ("Kyiv claims 15,000 ..., while Moscow admitted to 500"), each figure takes the
    source of the verb that governs it (see `for_figure`)."""
    found = []
    for m in _active(lex.speech.find(text, s0, s1), text, s0, s1, lex):
        span = _speech_subject(text, s0, s1, m, lex)
        found.append((m.start, _clean(text[span[0]:span[1]]) if span else ""))
    for m in lex.according_to.find(text, s0, s1):  # "..., según la ONU, aunque grupos locales elevan la cifra a"
        span = _according_source(text, m, s1, lex)
        found.append((m.start, _clean(text[span[0]:span[1]]) if span else ""))
    return sorted((at, name) for at, name in found
                  if name and name.casefold() not in lex.pronouns and not generic(name, lex))


def _according_source(text: str, m: Match, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """The source after the 'according to' phrase `m` (or the pronoun right before it: "Ich zdaniem"), or None."""
    owner = word_before(text, m.start)
    if owner in lex.pronouns and owner not in lex.expletives and text[m.start - 1:m.start] == " ":
        return m.start - 1 - len(owner), m.start - 1
    at = _past_setting_word(text, _past_day_words(text, m.end, s1, lex), s1, lex)
    verb = lex.speech.search(text, at, min(s1, at + 40))
    auxiliaries = pack_words(lex.code, "auxiliaries")
    if verb is not None and all(w.casefold() in auxiliaries for w in text[at:verb.start].split()):
        return None  # "según (ha) informado X": the verb's source, read after it
    while at < s1 and text[at].isspace():
        at += 1
    if opens_relative(text, at, lex):
        # "szacunki, według których": the document before is the source's, the known name it was given
        owners = list(known_name().finditer(text, max(0, m.start - 150), m.start))
        return owners[-1].span() if owners else None
    acc = _np_forward(text, at, s1, lex) or _this_document(text, at, s1, lex)
    if acc and " " not in text[acc[0]:acc[1]] and text[acc[0]:acc[1]].islower() and not _anaphoric(
            text[acc[0]:acc[1]], lex) and word_before(text, acc[0], m.start) not in lex.articles:
        acc = None  # "vérifier de source indépendante": an adjective alone names no source ("el instituto" does)
    if acc and text[acc[0]:acc[1]].split()[-1].casefold() in lex.name_links:
        more = _np_forward(text, acc[1], s1, lex)  # "según una nueva estimación de | los medios ... Mediazona"
        acc = (acc[0], more[1]) if more else acc
    cited = lex.relay_before.search(text, acc[0] + 1, min(s1, acc[1] + 12)) if acc else None
    if cited is not None and cited.start < acc[1]:  # "una estimación del Gobierno citada por X": the source ends at X
        acc = (acc[0], len(text[:cited.start].rstrip())) if text[acc[0]:cited.start].strip() else None
        return _cut_to_known(text, _past_document(text, acc, lex), lex) if acc else None
    link = lex.source_links.search(text, m.end, min(s1, (acc[1] if acc else m.end) + 20))
    if link:  # "according to data compiled by X": X is the source
        acc = _np_forward(text, link.end, s1, lex) or acc
    elif acc and any(w in lex.documents for w in text[acc[0]:acc[1]].casefold().split()):
        # "figures published on Saturday by X", "un bilan arrêté au 31 juillet par X"
        acc = _agent_after(text, acc[1], s1, lex) or acc
    if acc and (_an_attack(text, acc, lex) or _a_time(text, acc, lex)):
        return None  # "le bilan de la frappe de missiles", "le bilan de l'année écoulée": no source
    if acc:
        acc = _compound_owner(text, acc, lex) or acc  # "laut Militärangaben", "enligt FN-uppgifter"
    return _cut_to_known(text, _past_document(text, acc, lex), lex) if acc else None


def _this_document(text: str, at: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """'this count', 'ce décompte quotidien' at `at`: a document named with a demonstrative (which stands for the
    source before), or None."""
    toks = _tokens(text, at, min(s1, at + 60))[:4]
    if not toks or toks[0].group().casefold() not in pack_words(lex.code, "demonstratives"):
        return None
    doc = next((i for i, t in enumerate(toks[1:], 1) if t.group().casefold() in lex.documents), None)
    return (toks[0].start(), toks[doc].end()) if doc is not None else None


@functools.cache
def _compound_pattern(code: str) -> re.Pattern | None:
    """'According to' + one word that ends in a document ("nach UN-Angaben", "nach Behördenangaben"): the
    prepositions are those of the pack's 'according to' phrases that go on with such a document."""
    heads = pack_words(code, "compound_documents")
    preps = {p.rsplit(" ", 1)[0] for p in pack_words(code, "according_to") if p.rsplit(" ", 1)[-1] in heads}
    if not heads or not preps:
        return None
    alt = "|".join(re.escape(p) for p in sorted(preps, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})\s+(\w[\w-]*?(?:{'|'.join(map(re.escape, heads))}))(?!\w)", re.I)


def _compound_according(text: str, s0: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """The owner of a compound 'according to' ("nach UN-Angaben" -> "UN"), or None."""
    pattern = _compound_pattern(lex.code)
    m = pattern.search(text, s0, s1) if pattern else None
    return _compound_owner(text, m.span(1), lex) if m else None


def _compound_owner(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """The first part of a phrase's last word where that word is a compound of a document ("Militärangaben" ->
    "Militär", "FN-uppgifter" -> "FN", "Regierungsangaben" -> "Regierung"), else None."""
    word = re.search(r"([\w-]+)\W*$", text[span[0]:span[1]])
    if word is None:
        return None
    low = word.group(1).casefold()
    head = next((h for h in pack_words(lex.code, "compound_documents") if low.endswith(h)), None)
    if head is None:
        return None
    stem = word.group(1)[:len(low) - len(head)].rstrip("-")
    if any(stem.casefold().endswith(e) for e in pack_words(lex.code, "linking_endings")):
        stem = stem[:-1]  # the linking "s" of "Regierungs|angaben"
    if len(stem) < 2 or not stem[0].isalpha():
        return None
    a = span[0] + word.start()
    return a, a + len(stem)


def opens_relative(text: str, pos: int, lex: Lexicon) -> bool:
    """The words at `pos` open with a relative pronoun, an article maybe before it ("których", "las cuales")."""
    words = [w.casefold().strip(",") for w in text[pos:pos + 30].split()[:2]]
    if words and words[0] in lex.articles:
        words = words[1:]
    return bool(words) and words[0] in pack_words(lex.code, "relatives")


def _a_time(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """The phrase is a time ("l'année écoulée", "last year", "the past week"), no source."""
    a, b = span
    return any(m.start == a and m.end >= b - 1 for k in ("this_year", "last_year", "past_day", "past_week")
               for m in lex.dates[k].find(text, a, b))


def _an_attack(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """The phrase names a strike or an attack: one of its first two words is one ("la frappe", "the attack")."""
    toks = _tokens(text, *span)[:2]
    if not toks:
        return False
    a, b = toks[0].start(), toks[-1].end()
    return lex.strike.search(text, a, b) is not None or lex.aggression.search(text, a, b) is not None


def _active(verbs: list, text: str, s0: int, s1: int, lex: Lexicon) -> list:
    """The speech verbs that have a subject: not 'it is reported that', 'uppges det att', 'сообщается', nor a
    participle between an article and a number ('an estimated 1,520 soldiers')."""
    passive = lex.passive.find(text, s0, s1)
    return [m for m in verbs if not any(p.start < m.end and m.start < p.end for p in passive)
            and not (word_before(text, m.start, s0) in lex.articles and _attributive(text, s0, m, s1, lex))]


def _attributive(text: str, s0: int, m: Match, s1: int, lex: Lexicon) -> bool:
    """After an article, the participle `m` qualifies what follows: a number ('an estimated 1,520'), or, inside a
    clause, a loss word or a German noun ('Unter den identifizierten Toten'; not 'das sagte Schoigu', where the
    article opening the clause is a pronoun)."""
    nxt = text[m.end:min(s1, m.end + 40)].split(None, 1)
    if not nxt:
        return False
    if nxt[0][:1].isdigit():
        return True
    article = text[s0:m.start].rstrip()
    inside = article[:len(article) - len(article.split()[-1])].rstrip()[-1:] not in ("", ",", ";", ":", "–", "—")
    return inside and (nxt[0][:1].isupper() and lex.nouns_capitalised or lex.categories.search(
        text, m.end, min(s1, m.end + 1 + len(nxt[0]) + 1)) is not None)




def for_figure(found: list[tuple[int, str]], pos: int) -> str | None:
    """The source of the nearest speech verb before position `pos`, else of the first one after it."""
    before = [name for at, name in found if at < pos]
    return before[-1] if before else next((name for at, name in found if at > pos), None)


def attribute(text: str, s0: int, s1: int, lex: Lexicon, first_number: int | None = None) -> Attribution | None:
    """Read the attribution of the sentence `text[s0:s1]`, or None when it has none. `first_number`: where the
    sentence's first number starts, number words included ("en miljon"); else its first digit is taken."""
    claimant: tuple[int, int] | None = None
    relays: list[tuple[int, int]] = []
    speech_np: tuple[int, int] | None = None
    s0 = max(s0, dateline_end(text, s0))  # "Kiew (dpa) - Der Generalstab ... hat ... veröffentlicht": no source
    acc_hits = lex.according_to.find(text, s0, s1)
    # a verb inside "according to" ("сообщили в Минобороны": reported at the ministry) has no subject of its own
    verbs = [v for v in _active(lex.speech.find(text, s0, s1), text, s0, s1, lex)
             if not any(a.start <= v.start and v.end <= a.end and a.end - a.start > v.end - v.start
                        for a in acc_hits)]
    if first_number is None:
        first_digit = _DIGIT.search(text, s0, s1)
        first_number = first_digit.start() if first_digit else s1
    pivot = first_number
    # the verbs of the figure's own part of the sentence first ("…; damals hatte Schoigu von 5.937 Toten gesprochen")
    part0, part1 = text.rfind(";", s0, pivot) + 1 or s0, (text.find(";", pivot, s1) + 1 or s1 + 1) - 1
    verbs.sort(key=lambda m: (not part0 <= m.start < part1, m.start > pivot, -m.start if m.start < pivot else m.start))
    reporting = False
    first_person = pack_words(lex.code, "first_person")
    pronoun: tuple | None = None
    denied = None
    for m in verbs:
        speech_np = _speech_subject(text, s0, s1, m, lex)
        if speech_np and any(a.start <= speech_np[0] and speech_np[1] <= a.end for a in acc_hits):
            speech_np = None  # "Según el parte, recogido por TASS, ...": the word "according to" is nobody
            continue
        if speech_np and _first_person(text, s0, speech_np, first_person):
            speech_np = None  # "'Our drone units confirmed ...,' he said": the speaker quoted is the source
            continue
        if speech_np and pronoun is None and text[speech_np[0]:speech_np[1]].casefold() in lex.pronouns and \
                len(verbs) > 1 and text[speech_np[0] - 1:speech_np[0]] in ("'", "’"):
            # "Le ministère … n'a plus communiqué …, lorsqu'il avait reconnu …": the pronoun after an elided
            # conjunction stands for a subject the sentence names with another verb
            pronoun, speech_np = (speech_np, m), None
            continue
        if speech_np:
            denied = m if text[m.start:m.end].casefold() in _denials(lex.code) else None
            owner = _originator(text, m, pivot, lex)
            if owner:  # "Zelenskyj avfärdade det ryska försvarsministeriets uppgifter om ...": the ministry's figure
                speech_np = owner
            reporting = text[m.start:m.end].casefold() in pack_words(lex.code, "relay_after")
            break
    if speech_np is None and pronoun is not None:
        speech_np = pronoun[0]
        reporting = text[pronoun[1].start:pronoun[1].end].casefold() in pack_words(lex.code, "relay_after")
    acc = None
    for m in [*acc_hits, *_after_comma(text, s0, s1, lex)]:
        acc = _according_source(text, m, s1, lex)
        if acc:
            break
    if acc is None:
        acc = _compound_according(text, s0, s1, lex)
    relay = None
    for m in lex.relay_before.find(text, s0, s1):
        relay = _np_forward(text, _past_day_words(text, m.end, s1, lex), s1, lex)
        relay = relay and (relay[0], _outlet_end(text, relay, lex))
        if relay and _audience(text[relay[0]:relay[1]], lex):
            relay = None  # "told reporters": whom the source spoke to, no outlet
        if relay and re.match(r"\s*\d{4}\b", text[relay[1]:relay[1] + 6]):
            relay = None  # "till våren 2026": a time, no outlet
        if relay and text[relay[0]:relay[1]].islower():
            # "sköt under natten till tisdagen ned ...", "tillgång till de ockuperade områdena": no name, no outlet
            relay = None
        if relay and acc and _overlap(relay, acc):
            relay = None  # "según X": read as the source already
        if relay:
            break
    if acc and speech_np and _overlap(acc, speech_np):
        claimant = acc  # one source read twice: after "informó" as a verb and as a relay word
    elif acc and speech_np and denied and acc[1] <= denied.start:
        claimant = speech_np  # "Angaben aus Moskau … wies er zurück: „Nicht 400.000“": who rejects them states it
    elif acc and speech_np and reporting and acc[1] < speech_np[0] and not _anaphoric(
            _clean(text[speech_np[0]:speech_np[1]]), lex):
        claimant, relays = acc, [speech_np]  # "Nach Angaben des Generalstabs ..., wie Ukrinform meldet": a relay
    elif acc and speech_np and acc[1] <= pivot < speech_np[0]:
        claimant = acc  # "Laut Oryx wurden 3000 Panzer zerstört, die durch Fotos belegt sind": the figure's source
    elif acc and speech_np and pivot < acc[0] and acc[1] < speech_np[0]:
        claimant = acc  # "... killed 24,000 people, according to the UN, though activists say ...": a later clause's
    elif acc and speech_np and _anaphoric(_clean(text[speech_np[0]:speech_np[1]]), lex):
        claimant = acc  # "according to Y ..., as the staff (it) said": the anaphor is Y itself
    elif acc and speech_np:
        # "X reported that according to Y": Y claims, X relays; "X said ..., according to Y": Y relays
        nested = lex.complementiser.search(text[max(s0, acc[0] - 40):acc[0]])
        outer, inner = (speech_np, acc) if nested else (acc, speech_np)
        claimant, relays = inner, [outer]
    else:
        claimant = acc or speech_np
    if relay and claimant and relay != claimant and not _overlap(relay, claimant):
        relays.append(relay)
    cited, speaker = _cited(text, s0, s1, lex)
    if cited:
        # "TASS, citing a security source, reported": the source claims, TASS relays
        kept: list[tuple[int, int]] = []
        for r in (speaker, claimant, *relays):
            if r and not _overlap(r, cited) and not any(_overlap(r, k) for k in kept):
                kept.append(r)
        relays, claimant = kept, cited
    own_data = False
    if claimant is None:
        claimant = _own_data_subject(text, s0, s1, lex)
        own_data = claimant is not None  # the source reports its own losses: its side words name the loser
    if claimant is None:
        claimant = source_label(text, s0, s1, lex)
    if claimant is None:
        head = _headline_source(text, s0, s1, lex)
        if head is None:
            return None
        claimant = head
    known = _known_as(text, claimant[1], s1, lex)
    if known is None and _counted_time(text, claimant, lex):
        # "Zwei Jahre nach Beginn der Invasion hat die Plattform Oryx ... dokumentiert": a time opens the sentence,
        # the subject follows the auxiliary
        claimant = _after_auxiliary(text, claimant[1], s1, lex)
        if claimant is None:
            return None
    claimant = known or _apposed_name(text, claimant, s1) or claimant
    claimant = _past_document(text, claimant, lex)  # "Das geht aus dem Lagebericht des Ministeriums hervor"
    claimant = _before_clitic_verb(text, claimant, lex)
    name = _clean(text[claimant[0]:claimant[1]])
    if not name or _qualifier_first(name, lex.code) or _no_name(name, lex):
        return None
    if lex.nouns_capitalised and " " not in name and name.islower() and name.casefold() not in lex.pronouns and \
            not _anaphoric(name, lex):
        return None  # "hat die eigenen Verluste nur selten beziffert": an adverb, no noun, names no source
    via = tuple(dict.fromkeys(v for v in (_clean(text[a:b]) for a, b in relays)
                              if v and v != name and v.casefold() not in lex.pronouns))  # not "según él"
    return Attribution(name, via, _anaphoric(name, lex), None if own_data else claimant)


def _before_clitic_verb(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """The name without an elided pronoun glued to an auxiliary after it: "sans que Moscou l'ait confirmé" ->
    "Moscou"."""
    last = text[span[0]:span[1]].split()[-1:] if span[1] > span[0] else []
    parts = re.split(r"['’]", last[0]) if last else []
    if len(parts) == 2 and len(parts[0]) == 1 and parts[1].casefold() in pack_words(lex.code, "auxiliaries"):
        end = span[1] - len(last[0])
        return (span[0], len(text[:end].rstrip())) if text[span[0]:end].strip() else span
    return span


def _counted_time(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """The phrase is a number and its noun ("Zwei Jahre", "3 Tage"): a time or an amount, no source ("uno de los
    comandantes" is one)."""
    first = text[span[0]:span[1]].split()
    if len(first) != 2:
        return False
    w = first[0].casefold()
    return w[:1].isdigit() or w in number_words(lex.code)


def _after_auxiliary(text: str, pos: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase right after the first auxiliary past `pos` (German word order), else None."""
    auxiliaries = set(pack_words(lex.code, "auxiliaries"))
    for t in _TOKEN.finditer(text, pos, min(s1, pos + 120)):
        if t.group().casefold() in auxiliaries:
            return _np_forward(text, t.end(), s1, lex)
    return None


def _first_person(text: str, s0: int, span: tuple[int, int], words: tuple[str, ...]) -> bool:
    """A first-person word opens the subject or stands in the three words before it ("our drone units")."""
    lead = re.split(r"[,;:.!?\"“”«»'‘’]", text[max(s0, span[0] - 30):span[0]])[-1].split()[-3:]
    return any(w.casefold() in words for w in [*lead, *text[span[0]:span[1]].split()[:1]])


def _own_data_subject(text: str, s0: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject opening a sentence that gives its own figures ("Die israelische Armee hat nach eigenen Angaben
    454 Soldaten verloren"), or None."""
    low = text[s0:s1].casefold()
    if not any(p in low for p in pack_words(lex.code, "own_data")):
        return None
    subject = _np_forward(text, s0, s1, lex)
    if subject is None or not text[subject[0]].isupper() or _loss_word(text, *subject, lex) or \
            any(c.isdigit() for c in text[subject[0]:subject[1]]):
        return None
    return subject


_CAPITAL = r"[^\W\d_a-zа-яёіїєґ]"  # a letter that is no lower-case one
_APPOSED = re.compile(rf"[^\W\d_][^,.;:()\d]{{0,60}}?,\s+((?:{_CAPITAL}[\w'’-]+\s+){{1,3}}{_CAPITAL}[\w'’-]+)"
                      r"\s*(?=[,.;:]|$)")


def _apposed_name(text: str, span: tuple[int, int], s1: int) -> tuple[int, int] | None:
    """The person a lower-case title names after a comma: "el jefe de la administración militar regional, Oleh
    Hryhorov" -> "Oleh Hryhorov" (the title alone, "el jefe de", is where the name reading stopped)."""
    if text[span[0]:span[1]].split()[-1][:1].isupper():
        return None
    m = _APPOSED.match(text, span[0], s1)
    return m.span(1) if m and m.start(1) >= span[1] else None


def _agent_after(text: str, pos: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """The agent of a document named at `pos`: "figures published on Saturday by the General Staff"."""
    window = text[pos:min(s1, pos + 50)]
    for w in pack_words(lex.code, "agent_by"):
        m = re.search(rf"(?<!\w){re.escape(w)}\s", window, re.IGNORECASE)
        # a date may stand between ("arrêté au 31 juillet par X"), no clause break nor a figure's words
        if m and not re.search(r"[,;:]", window[:m.start()]) and not lex.categories.search(text, pos, pos + m.start()):
            return _np_forward(text, pos + m.end(), s1, lex)
    return None


def owned_figures(text: str, a: int, b: int, lex: Lexicon) -> tuple[int, int, bool] | None:
    """The owner of figures named in text[a:b] as someone's ("Ukraine's claim", "det ryska försvarsministeriets
    uppgifter", "Kiewer Angaben", "данные Минобороны Украины", "les chiffres de Kiev"): the span of the owner's
    word next to the figures, and whether it stands before them."""
    for m in _WORD.finditer(text, a, b):
        if m.group().casefold() not in lex.documents:
            continue
        head = text[a:m.start()].rstrip()
        prev = head.split()[-1] if head.split() else ""
        if prev[:1].isupper() or _POSSESSIVE.search(prev) or len(prev) > 6 and prev.endswith("s") and \
                prev[:-1].casefold() not in lex.documents:
            return a + len(head) - len(prev), a + len(head), True
        # after the figures, past links and articles ("les chiffres de l'état-major", "данные Минобороны")
        for w in _WORD.finditer(text, m.end(), b):
            low = w.group().casefold()
            if low in lex.name_links or low in lex.articles or low + "'" in lex.articles or low + "’" in lex.articles:
                continue
            if w.group()[:1].isupper():
                return w.start(), w.end(), False
            break
    return None


def _originator(text: str, verb, pivot: int, lex: Lexicon) -> tuple[int, int] | None:
    """Whose figures a denial rejects, named between the verb and the first number ("rejected Ukraine's claim
    that ...", "отверг данные Минобороны Украины о ..."): a third party's rejection leaves them theirs."""
    denial = lex.cues.get("dispute_verbs")
    if denial is None or not denial.search(text, verb.start, verb.end) or pivot <= verb.end:
        return None
    owned = owned_figures(text, verb.end, pivot, lex)
    if owned is None:
        return None
    a, b, before = owned
    if before:  # "det ryska försvarsministeriets uppgifter": the owner's words run back from it
        return _np_backward(text, verb.end, b, lex) or (a, b)
    return _np_forward(text, a, pivot, lex) or (a, b)  # "данные Минобороны Украины"


def _cited(text: str, s0: int, s1: int, lex: Lexicon) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The source a speaker cites (the words after 'citing', 'со ссылкой на', 'powołując się na'), and the speaker
    where a comma sets the citing phrase off right after it ("Reuters, citing ...")."""
    low = text[s0:s1].casefold()
    for w in pack_words(lex.code, "citing"):
        i = low.find(w)
        while i >= 0 and (i and low[i - 1].isalnum() or i + len(w) < len(low) and low[i + len(w)].isalnum()):
            i = low.find(w, i + 1)
        if i >= 0:
            span = _np_forward(text, s0 + i + len(w), s1, lex)
            if span:
                span = _cut_to_known(text, _past_document(text, span, lex), lex)
                # "a source in the security services," / "источник в силовых структурах,": the phrase to the comma
                comma = text.find(",", span[1], s1)
                rest = text[span[1]:comma]
                if comma > 0 and len(rest.split()) <= 5 and not any(c.isdigit() for c in rest) and \
                        not lex.speech.search(text, span[1], comma):
                    span = span[0], comma
                before = text[s0:s0 + i].rstrip()
                speaker = _np_backward(text, s0, s0 + len(before) - 1, lex) if before.endswith(",") else None
                if speaker and lex.speech.search(text, *speaker):
                    speaker = None  # "TASS reported, citing ...": the verb's subject is read as its source
                return span, speaker
    return None, None


def _known_as(text: str, end: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """The name after a description of the source: 'one of the commanders of "Wagner", known as "Marx"'."""
    window = text[end:min(s1, end + 70)].casefold()
    for w in pack_words(lex.code, "known_as"):
        i = window.find(w)
        if i < 0 or any(c.isdigit() for c in window[:i]) or i and window[i - 1].isalnum():
            continue
        a = end + i + len(w)
        while a < s1 and text[a] in " \u00a0\"“„«'":
            a += 1
        if a > end + i + len(w) + 1 and text[a - 1] in "\"“„«'":  # a quoted name runs to its closing quote
            b = min((j for j in (text.find(q, a, s1) for q in "\"”»'") if j > a), default=-1)
            return (a, b) if 0 < b - a < 40 else None
        toks = []
        for t in _tokens(text, a, s1):
            if not t.group()[:1].isupper():
                break
            toks.append(t)
        return (a, toks[-1].end()) if toks else None
    return None


def _after_comma(text: str, s0: int, s1: int, lex: Lexicon) -> list[Match]:
    """'according to' words valid only after a comma: "..., so der Generalstab", "..., per the Pentagon"."""
    if not lex.comma_according_to:
        return []
    return [Match(m.start(1), m.end(1), "x", m.group(1)) for m in _COMMA_WORD.finditer(text, s0, s1)
            if m.group(1).casefold() in lex.comma_according_to]


def _anaphoric(name: str, lex: Lexicon) -> bool:
    """A pronoun, a generic "the report" or a definite description ("the think tank") standing for a source."""
    low = name.casefold()
    cut = min((i for i in (low.find(f" {w} ") for w in pack_words(lex.code, "postmodifiers")) if i > 0), default=None)
    if cut is not None:
        name = name[:cut]  # "the think tank based in Washington": the description before its place
    ana = lex.anaphors.search(name)
    whole = bool(ana and ana.start == 0 and ana.end == len(name))
    words = name.split()
    if not whole and len(words) > 2 and words[0].casefold() in lex.articles:
        # "the Washington-based think tank", "a Washington think tank": a description with modifiers of place (a
        # capitalised one only after an indefinite article: "the Kremlin spokesman" is no anaphor of the source
        # before, while "a Washington think tank" may be named after)
        rest, new = words[1:], indefinite(name, lex.code)
        while len(rest) > 1 and ("-" in rest[0] or new and rest[0][:1].isupper()):
            rest = rest[1:]
        for short in (" ".join([words[0], *rest]), " ".join(rest)):
            ana = lex.anaphors.search(short)
            whole = whole or len(rest) < len(words) - 1 and bool(ana and ana.start == 0 and ana.end == len(short))
    return name.casefold() in lex.pronouns or generic(name, lex) or whole


def indefinite(name: str, code: str) -> bool:
    """The source is described with an indefinite article ("a Washington think tank"): it may name one given later,
    never the one before."""
    first = name.split(None, 1)[0].casefold() if name.strip() else ""
    return first in pack_words(code, "articles", "numbers") or first in pack_words(code, "indefinites")


def _seat_after_acronym(prev: str, lex: Lexicon) -> re.Match | None:
    """A seat after a name's acronym ("… (CSIS) in Washington"), to cut off: the name is before it."""
    m = _SEAT_AFTER_ACRONYM.search(prev)
    if m and m.group(1).casefold() in pack_words(lex.code, "settings") and m.group(2)[:1].isupper():
        return m
    return None


def _speech_subject(text: str, s0: int, s1: int, m, lex: Lexicon) -> tuple[int, int] | None:
    """The source of a speech verb: before it ("X said"), or after it ("said X", "Det skriver X")."""
    prev = text[s0:m.start].rstrip()
    # skip auxiliaries and adverbs: "Zelensky had stated", "He also said", "X now claims", and the opening
    # quote of a quoted verb: 'the Pentagon "cautiously estimates"'
    while True:
        cut = lex.auxiliary_end.search(prev) or _OPEN_QUOTE_END.search(prev) or _ACRONYM_END.search(prev) or \
            _seat_after_acronym(prev, lex)
        if cut:
            prev = prev[:cut.start()].rstrip()
            continue
        so_far = lex.cues["cumulative"].find(text, s0, s0 + len(prev))
        if not so_far or text[so_far[-1].end:s0 + len(prev)].strip():
            break
        prev = text[s0:so_far[-1].start].rstrip()  # "Do tej pory potwierdził on": an adverb, no subject
    end = s0 + len(prev)
    if prev.endswith(",") and text[m.start:m.end].casefold() in _participles(lex) and lex.speech.search(text, s0, end):
        return None  # "Belousov stated on Monday, adding that ...": the earlier verb's source is the participle's
    last = prev.split()[-1].casefold().strip(",") if prev.split() else ""
    if last in lex.pronouns and last not in lex.expletives:
        if prev.endswith(","):  # "Le ministère russe, lui, n'a plus communiqué": the pronoun stresses the name before
            cut = prev[:-1].rfind(",")
            named = _np_backward(text, s0, s0 + cut, lex) if cut > 0 else None
            return named or (end - 1 - len(last), end - 1)
        return end - len(last), end  # "this week it has verified": the pronoun is the subject
    elided = re.split(r"['’]", last)[-1]
    if elided != last and elided in lex.pronouns:
        return end - len(elided), end  # "lorsqu'il avait reconnu": the pronoun after an elided conjunction
    clitic = last.rsplit("-", 1)[-1]
    if clitic != last and clitic in lex.pronouns:
        return end - len(clitic), end  # "a-t-il précisé": a pronoun joined to its auxiliary
    cut = max(prev.rfind(","), prev.rfind("("))
    if last in lex.relatives and cut > 0:  # "..., der ... sagte"; "Das teilte X mit" opens with no relative
        found = _np_backward(text, s0, s0 + _head_end(prev[:cut], lex), lex)
        return None if found and _loss_word(text, *found, lex) else found  # "100 тысяч погибших, о которых пишут"
    if lex.nouns_capitalised:
        inverted = _verb_second(text, s0, s1, m, prev, lex)
        if inverted:
            return inverted
    relative = _before_relative(text, s0, prev, len(prev) - 1, lex)  # (prev ends with a comma)
    comma = prev.rfind(",")
    setting = prev[comma + 1:].split()[:1]
    if relative is None and comma > 0 and setting and setting[0].casefold() in pack_words(lex.code, "settings"):
        # "UALosses, который собирает сведения из некрологов, на середину июня установил": a setting after the clause
        relative = _before_relative(text, s0, prev, comma, lex)
    if relative:  # "X, on whom Y relies, estimated", "X в інтерв'ю NBC News, яке вийшло в неділю, розповів"
        return relative
    if last in lex.months or last in lex.weekdays or last.rstrip(".").isdigit() or _ends_with_war_day(prev, lex):
        # "Zelensky on 25 February said": the source before the date; "Am 2. März meldete es",
        # "I mars skrev X": nothing before the date, the source follows
        if prev.endswith(","):  # "... on Friday, said the governor": the source follows
            return _after_verb(text, m.end, s1, lex) or _np_backward(text, s0, s0 + _before_date(prev, lex), lex)
        head = _before_date(prev, lex)
        back = _before_relative(text, s0, prev, head, lex) or (
            _subject_before(text, s0, s0 + head, lex) if head else None)
        if back and _document(text, back, lex):
            back = None  # "Такі дані 13 червня оприлюднив Генштаб": the data are the object, the source follows
        return back or _after_verb(text, m.end, s1, lex)
    if last in lex.expletives or not prev or prev[-1] in "\"”'’:–—":  # "..." – said X
        return _after_verb(text, m.end, s1, lex)
    if prev[-1] == ",":
        # "Western intelligence, on the other hand, suggests" / "..., said X"
        closing = _after_verb(text, m.end, s1, lex)
        if closing and text[closing[1]:s1].lstrip()[:1] in ("", ".", ","):
            return closing  # "..., a indiqué le chef de l'administration, Tymour Tkatchenko.": the source closes it
        if "," not in prev[:-1] and not any(c.isdigit() for c in prev) and any(c.isdigit() for c in text[m.end:s1]):
            # "BBC Russian has conducted an investigation, confirming the names of 557 soldiers": the participle's
            # subject opens the sentence
            opening = _np_forward(text, s0, s0 + len(prev), lex)
            if opening and text[opening[0]:opening[0] + 1].isupper() and not _loss_word(text, *opening, lex):
                return opening
        first = prev.find(",")
        if 0 < first < prev[:-1].rfind(",") and prev[first + 1:].lstrip()[:1].islower() and \
                not any(c.isdigit() for c in prev) and not lex.according_to.search(text, s0 + first, end):
            # "The Economist, using a model built on obituaries, leaked data and ..., estimated": a long apposition
            # with commas of its own, after the name that opens the sentence
            opening = _np_forward(text, s0, s0 + first, lex)
            if opening and text[opening[0]].isupper() and not text[opening[1]:s0 + first].strip():
                return opening
        inner = prev[:-1].rfind(",")
        # an apposition is short, holds no figure ("..., then 81 systems in a day, says X") and names no
        # other source ("X, citing officials, reported": the officials are the source, `attribute` sees them)
        if any(c.isdigit() for c in prev[:max(inner, 0)]):
            # "35 killed, among them two children, said X": the figure's clause, its source after the verb
            after = _after_verb(text, m.end, s1, lex)
            if after:
                return after
        if inner > 0 and len(prev) - inner < 90 and not any(c.isdigit() for c in prev[inner:]) and \
                not lex.according_to.search(text, s0 + inner, s0 + len(prev)):
            # an apposition names the source: "The president, Volodymyr Zelensky, said"
            seg = prev[inner + 1:-1]
            words = seg.split()
            if words and words[0][:1].isupper() and all(w[:1].isupper() or w.casefold() in lex.name_links
                                                        for w in words):
                a = s0 + inner + 1 + (len(seg) - len(seg.lstrip()))
                return a, s0 + inner + 1 + len(seg.rstrip())
            acronym = _ACRONYM_END.search(prev[:inner])  # "El Centro de Estudios ... (CSIS), con sede en Washington,"
            back = _np_backward(text, s0, s0 + (acronym.start() if acronym else inner), lex)
            if back and text[s0:s0 + inner].split()[-1].casefold() not in lex.months:
                return back  # "in October, including the wounded, says X": a month is no source
        return _after_verb(text, m.end, s1, lex)
    if _POSSESSIVE.search(prev):  # "slammed Donald Trump's claim": the verb is a noun, its owner the source
        return _possessor(text, s0, end - 2, lex)
    impersonal = text[m.start:m.end].casefold() in pack_words(lex.code, "impersonal_verbs")
    back = _subject_before(text, s0, end, lex, impersonal)
    relayed = _relay_before_np(text, s0, back, lex) if back else None
    if relayed:  # "Fuentes de inteligencia citadas por el diario X estiman": the sources claim, X relays
        return relayed
    counted = back is not None and text[s0:back[0]].rstrip()[-1:].isdigit()  # "107.620 russische Soldaten"
    if back and (counted or _loss_word(text, back[0], back[1], lex) or _document(text, back, lex)):
        # the losses are the object: the source follows the verb ("Die russischen Verluste bezifferte er auf
        # ..."), or opens the sentence when the verb ends it ("Die UN-Mission hat ... 12.300 Tote dokumentiert")
        after = _after_verb(text, m.end, s1, lex)
        if after:
            return after
        opening = _np_forward(text, s0, m.start, lex)
        if opening and text[opening[1]:opening[1] + 2].strip() == ":" and lookup(text[opening[0]:opening[1]]) is None:
            opening = None  # "Faktencheck: Nein, die Ukraine hat nicht 400.000 Gefallene gemeldet": a label
        return opening if opening and not _loss_word(text, *opening, lex) else _after_losses(text, back, lex)
    words = text[back[0]:back[1]].split() if back else []
    if words and text[m.start:m.end].casefold() in lex.documents and words[0].casefold() in lex.articles and \
            all(w.islower() for w in words[1:]):  # (not "dismissed the CSIS estimate": CSIS's)
        # "X had earlier given a lower estimate of 4,700": the verb is a noun, the source the sentence's subject
        opening = _np_forward(text, s0, back[0], lex)
        if opening and text[opening[0]].isupper() and opening[1] <= back[0]:
            return opening
    return back


def _head_end(prev: str, lex: Lexicon) -> int:
    """Where the name ends that a relative clause refers to, in `prev` (the text before the clause's comma): before a
    place it is based in and an acronym in brackets ("el Instituto … (IISS), con sede en Londres, que cifra")."""
    inner = prev.rfind(",")
    if inner > 0 and prev[inner + 1:].strip().casefold().startswith(pack_words(lex.code, "postmodifiers")):
        prev = prev[:inner]
    acronym = _ACRONYM_END.search(prev)
    return acronym.start() if acronym else len(prev)


def _possessor(text: str, s0: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The capitalised name ending at `end` ("Donald Trump" in "slammed Donald Trump's")."""
    toks = _tokens(text, s0, end)
    start = None
    for i in range(len(toks) - 1, -1, -1):
        w = toks[i].group()
        if w[:1].isupper():
            start = toks[i].start()
        elif not (start is not None and w.casefold() in lex.name_links and i and toks[i - 1].group()[:1].isupper()):
            break
    return (start, end) if start is not None else None


def _after_losses(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """The words of a subject after its fronted object: "Straty ukraińskie ośrodek ocenia" -> "ośrodek"; None
    where the object stands alone."""
    hits = [h for h in lex.categories.find(text, *span) if _loss_word(text, h.start, h.end, lex)]
    if not hits:
        return span
    start = hits[-1].end
    for m in lex.sides.find(text, start, span[1]):  # the losses' own adjective: "Straty ukraińskie"
        if not text[start:m.start].strip():
            start = m.end
    return _np_forward(text, start, span[1], lex)  # none: "Straty Rosji ocenił na ...", the subject is dropped


def _after_verb(text: str, pos: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """The source after its verb: a pronoun ("Am 2. März meldete es", "då sade han") or a name."""
    pos = _past_day_words(text, pos, s1, lex)  # "сообщило в пятницу Министерство обороны"
    for h in lex.relay_before.find(text, max(0, pos - 25), min(s1, pos + 25)):
        if h.start <= pos < h.end:  # "dijo a la agencia TASS el gobernador": past the outlet told
            outlet = _np_forward(text, h.end, s1, lex)
            if outlet is not None:
                pos = _past_day_words(text, _outlet_end(text, outlet, lex), s1, lex)
            break
    m = _FIRST_WORD.match(text[pos:s1])
    if m and m.group(1).casefold() in lex.pronouns and m.group(1).casefold() not in lex.articles:
        return pos + m.start(1), pos + m.end(1)  # "schrieb er auf Telegram": the pronoun alone
    found = _np_forward(text, pos, s1, lex)  # "framhåller det ukrainska försvarsdepartementet": an article
    if found and _audience(text[found[0]:found[1]], lex):
        # whom the source spoke to: "сказал Песков журналистам" -> "Песков"; "powiedział dziennikarzom" -> none
        toks = _tokens(text, *found)[:-1]
        if not any(t.group()[:1].isupper() for t in toks):
            return None
        found = found[0], toks[-1].end()
    if found:
        after = lex.categories.find(text, found[1], min(s1, found[1] + 30))
        if after and not text[found[1]:after[0].start].strip():
            return None  # "Estimated Russian equipment losses, according to X:": the words after are the losses
        word = _FIRST_WORD.match(text, found[1], s1)
        if word and word.group(1).casefold() in lex.documents:
            return None  # "опубликовал обновленные данные": the words read are what was published, no source
    return found


def _outlet_end(text: str, span: tuple[int, int], lex: Lexicon) -> int:
    """Where an outlet's name ends: at an article opening a common noun after its capitalised word ("à l'AFP un
    porte-parole"; not in "NBC's Meet the Press")."""
    named = False
    toks = _tokens(text, *span)
    for t, nxt in zip(toks, toks[1:], strict=False):
        if named and t.group().casefold() in lex.articles and nxt.group()[:1].islower():
            return t.start()
        named = named or any(c.isupper() for c in t.group())
    return span[1]


def _past_setting_word(text: str, pos: int, s1: int, lex: Lexicon) -> int:
    """Past a preposition of place right after 'as reported': "Як повідомили в Повітряних силах" -> the name."""
    m = re.match(r"\s*(\w+)\s", text[pos:s1])
    return pos + m.end(1) if m and m.group(1).casefold() in pack_words(lex.code, "settings") else pos


_W = r"\w+(?:['’ʼ]\w+)*"  # a word, with the apostrophes inside Ukrainian words ("п'ятницю")
_DAY_WORDS = re.compile(rf"\s*({_W})\.?(?:\s+({_W})\.?)?(?:\s+({_W}))?")


def _past_day_words(text: str, pos: int, s1: int, lex: Lexicon) -> int:
    """Past a day named right after a verb: "в пятницу", "on Friday", "am 3. März", "i går" -> after them."""
    settings = pack_words(lex.code, "settings") + pack_words(lex.code, "day_determiners")
    while True:
        m = _DAY_WORDS.match(text, pos, s1)
        if not m:
            return pos
        words = [w for w in m.groups() if w]
        lead = 1 if (words[0].casefold() in settings or words[0].casefold() in lex.articles) and len(words) > 1 else 0
        day = words[lead:]
        if day and (day[0].casefold() in lex.weekdays or day[0].casefold() in lex.relative):
            pos = m.start(1 + lead) + len(day[0])
        elif day and day[0].isdigit() and len(day) > 1 and day[1].casefold() in lex.months:
            pos = m.start(2 + lead) + len(day[1])
        elif day and day[0].casefold() in lex.months:
            pos = m.start(1 + lead) + len(day[0])
        else:
            return pos


def _before_date(prev: str, lex: Lexicon) -> int:
    """The length of `prev` without the date (day, month, weekday, year, prepositions, "the 100th day of the
    war") it ends with."""
    days = war_days(prev, 0, len(prev), lex)
    cut = days[-1][0] if days and not prev[days[-1][1]:].strip(" ,") else len(prev)
    for t in reversed(list(re.finditer(r"\S+", prev[:cut]))):
        w = t.group().casefold().strip(",.")
        if not (w in lex.months or w in lex.weekdays or w.isdigit() or w in lex.stop or not w):
            break
        cut = t.start()
    return len(prev[:cut].rstrip(" ,"))


def _verb_second(text: str, s0: int, s1: int, m, prev: str, lex: Lexicon) -> tuple[int, int] | None:
    """German word order: the subject after a verb in second place behind a prepositional phrase ("Auf Grundlage
    von Registern schätzen die Rechercheure"), or the one opening a clause whose verb comes last after its
    auxiliary ("Das Portal Mediazona hat ... 111.387 Gefallene anhand von Todesanzeigen identifiziert")."""
    clause = max(prev.rfind(c) for c in ",;:–—") + 1
    words = prev[clause:].split()
    auxiliaries = pack_words(lex.code, "auxiliaries")
    after = _FIRST_WORD.match(text[m.end:s1])
    if after and after.group(1).casefold() in lex.pronouns and after.group(1).casefold() not in lex.articles:
        # "Angaben aus Moskau, die …, wies er zurück": the object first, the pronoun after the verb its subject
        return m.end + after.start(1), m.end + after.end(1)
    fronted = words and (words[0].casefold() in pack_words(lex.code, "settings") or words[0].casefold() in lex.stop
                         and len(words) > 1 and words[1].casefold() in auxiliaries)  # "damals hatte Schoigu …"
    if fronted:
        after = _after_verb(text, m.end, s1, lex)
        if after and text[after[0]].isalpha():
            return after
        # "Im Februar 2024 hatte Selenskyj noch von 31.000 ... gesprochen": the subject after the auxiliary
        aux = next((t for t in _tokens(text, s0 + clause, m.start) if t.group().casefold() in auxiliaries), None)
        subject = _np_forward(text, aux.end(), m.start, lex) if aux else None
        named = subject and (text[subject[0]].isupper() or text[subject[0]:subject[1]].split()[0].casefold()
                             in lex.articles)  # "der damalige Minister Sergej Schoigu"
        if named and not _loss_word(text, *subject, lex):
            return subject
    if not text[m.end:s1].strip(" .!?»«\"“”'"):  # the verb ends the sentence
        aux = next((t for t in _tokens(text, s0, m.start) if t.group().casefold() in auxiliaries), None)
        if aux is not None and aux.start() > s0:
            opening = _np_forward(text, s0, aux.start(), lex)
            if opening and text[opening[0]].isupper() and not _loss_word(text, *opening, lex) and \
                    not text[opening[1]:aux.start()].strip():
                return opening
    return None


def _before_relative(text: str, s0: int, prev: str, head: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject before a relative clause that `prev[:head]` ends with, a preposition maybe before it
    ("UALosses, som samlar namn ur dödsannonser, hade per den 18 november identifierat"), or None."""
    if not prev[head:].lstrip().startswith(","):
        return None
    inner = prev.rfind(",", 0, head)
    raw = prev[inner + 1:head].split()[:2]
    words = [w.casefold() for w in raw]
    if inner <= 0 or not words or not (words[0] in lex.relatives or len(words) > 1 and words[1] in lex.relatives
                                       and len(words[0]) <= 3):  # "X, na których powołuje się Y,"
        return None
    if lex.nouns_capitalised and len(raw) > 1 and raw[1][:1].isupper() and words[0] in lex.articles:
        return None  # "…, die Bestände reichten aber …": an article before its noun, no relative pronoun
    breakdown = lex.cues.get("breakdown")
    if breakdown is not None and breakdown.search(text, s0 + inner + 1, s0 + head) is not None:
        return None  # "145 drönare, av vilka 130 sköts ned": a part of the figures, no source's clause
    found = _np_backward(text, s0, s0 + inner, lex)
    if found and text[found[0]].islower():  # past a setting: "X в інтерв'ю NBC News, яке ..."
        found = _subject_before(text, s0, s0 + inner, lex)
    return None if found and _loss_word(text, *found, lex) else found


def _ends_with_war_day(prev: str, lex: Lexicon) -> bool:
    days = war_days(prev, max(0, len(prev) - 80), len(prev), lex)
    return bool(days) and not prev[days[-1][1]:].strip(" ,")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _kind(text: str, span: tuple[int, int]) -> str | None:
    e = lookup(text[span[0]:span[1]])
    return e.kind if e else None


def _audience(phrase: str, lex: Lexicon) -> bool:
    words = phrase.casefold().split()
    return bool(words) and words[-1].strip(".,") in pack_words(lex.code, "audiences")


def _pronoun_only(text: str, span: tuple[int, int] | None, lex: Lexicon, allow: bool) -> bool:
    if span is None:
        return False
    w = text[span[0]:span[1]].casefold()
    return w in lex.pronouns and (not allow or w in lex.neuter_pronouns)


_LABEL = re.compile(r"[\s\"“”«»'‘’*•\-–—]*(\w+)\s*:\s*")


def source_label(text: str, s0: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """The source a credit line names ("Source: the General Staff's Telegram channel."), or None."""
    m = _LABEL.match(text, s0, s1)
    if m is None or m.group(1).casefold() not in pack_words(lex.code, "source_labels"):
        return None
    rest = re.split(r"[,;(\[]", text[m.end():s1], maxsplit=1)[0].rstrip(" .!")
    if not rest or len(rest) > 100 or any(c.isdigit() for c in rest):
        return None
    return m.end(), m.end() + len(rest)


def _headline_source(text: str, s0: int, s1: int, lex: Lexicon) -> tuple[int, int] | None:
    """'Kremlin: ...' or '... — General Staff' headline forms, the first after a live blog entry's time too ("+++ 07:20
    Uhr – UN: ...")."""
    lead = _ENTRY_TIME.match(text, s0, s1)  # None where the sentence is empty (s0 >= s1)
    m = _HEADLINE_LEAD.match(text, lead.end() if lead else s0, s1)
    if m and lookup(m.group(1)) is not None:
        return m.span(1)
    m = _HEADLINE_TAIL.search(text[s0:s1])
    if m and lookup(m.group(1)) is not None:
        return s0 + m.start(1), s0 + m.end(1)
    return None


def _past_document(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """The owner of a document named in the genitive: "według najnowszej oceny brytyjskiego ministerstwa
    obrony" -> "brytyjskiego ministerstwa obrony" (the document alone stays: it refers back)."""
    if generic(text[span[0]:span[1]], lex):
        return span  # "el parte ucraniano": the document refers back
    toks = list(re.finditer(r"\S+", text[span[0]:span[1]]))
    owner = _owner_before_document(toks, lex)
    if owner is not None:
        return span[0], span[0] + owner
    i = 0
    while i < len(toks) and toks[i].group().casefold() in lex.articles:
        i += 1
    while i < len(toks) and toks[i].group().casefold() in lex.document_modifiers:
        i += 1
    # past adjectives of the document ("у ранковому зведенні Генштабу", "the latest monthly report of")
    i = next((k for k in range(i, min(i + 3, len(toks) - 1)) if toks[k].group().casefold() in lex.documents
              and all(t.group()[:1].islower() for t in toks[i:k])), i)
    if i < len(toks) - 1 and toks[i].group().casefold() in lex.documents and \
            lex.cues["rise_to"].search(text, span[0] + toks[i + 1].start(), span[1]) is not None:
        return span[0], span[0] + toks[i].end()  # "Według porannego komunikatu wynoszą one": no owner, a verb
    if i < len(toks) - 1 and toks[i].group().casefold() in lex.documents:
        # "una estimación confidencial del Gobierno ucraniano": past an adjective or two to the owner's link
        # (a link of ownership: not "el parte diario publicado en Facebook", where it was published)
        j = next((j for j in range(i + 1, min(i + 4, len(toks) - 1)) if toks[j].group().casefold() in lex.owner_links
                  and all(t.group()[:1].islower() for t in toks[i + 1:j])), None)
        if j is None and lex.articles and all(t.group().islower() for t in toks[i + 1:]):
            # "el parte semanal": the document alone, which refers back (a language with articles links its
            # owner with a word: "el parte del ministerio"; one with cases need not: "оценки западных разведок")
            return span
        return span[0] + toks[j + 1 if j is not None else i + 1].start(), span[1]
    return span


def _owner_before_document(toks: list[re.Match], lex: Lexicon) -> int | None:
    """Where the owner named in the genitive before its document ends ("the General Staff's daily report",
    "generalstabens dagliga rapport", "Selenskyjs Angaben"), its ending cut; None where there is none."""
    endings = pack_words(lex.code, "genitive_endings")
    doc = next((k for k, t in enumerate(toks[:5]) if t.group().casefold() in lex.documents), None)
    if not endings or not doc:
        return None
    k = doc - 1
    while k > 0 and toks[k].group().casefold() in lex.document_modifiers:
        k -= 1  # past the document's adjectives: "dagliga", "daily"
    word = toks[k].group()
    ending = next((e for e in endings if word.endswith(e) and len(word) > len(e) + 2), None)
    if ending is None or word.casefold() in lex.articles:
        return None
    return toks[k].end() - len(ending)


def generic(name: str, lex: Lexicon) -> bool:
    """A document for its unnamed source ("the latest report", "ukraińskich danych": Ukrainian data, "el parte
    ucraniano"), or "the same ..." ("el mismo parte")."""
    words = name.casefold().split()
    whole = " ".join(words)  # "tych samych danych": the demonstrative is part of the word for "same"
    while words and (words[0] in lex.articles or words[0] in pack_words(lex.code, "demonstratives")):
        words = words[1:]
    rest = " ".join(words)
    if any(x == s or x.startswith(s + " ") for s in lex.same for x in (rest, whole)):
        return True
    doc = next((i for i in (len(words) - 1, 0) if words and words[i] in lex.documents), None)  # "el parte ucraniano"
    if doc is None:
        return False
    # after the document, a lower-case participle may stand too: "el parte diario difundido", "the report released"
    tail = name.split()[len(name.split()) - len(words) + doc + 1:]
    return all(w in lex.document_modifiers or _side_word(w, lex) for w in words[:doc]) and all(
        w.casefold() in lex.document_modifiers or _side_word(w.casefold(), lex)
        or w.islower() and w not in lex.stop and w not in lex.name_links for w in tail)


def _side_word(word: str, lex: Lexicon) -> bool:
    """The word is a side's name or adjective, whole ("ukrainian", "britischer")."""
    m = lex.sides.search(word)
    return m is not None and m.start == 0 and m.end == len(word)


def _clean(s: str) -> str:
    s = s.strip(" ,.:;\"“”'’«»()")
    return _SPACES.sub(" ", s)


def side_of(claimant: str | None, lex: Lexicon) -> str | None:
    """The party a claimant belongs to: from the registry, else from a side word in its name."""
    e = lookup(claimant)
    if e and e.side:
        return e.side
    if claimant:
        m = lex.sides.search(claimant)
        if m:
            return m.label
    return None
