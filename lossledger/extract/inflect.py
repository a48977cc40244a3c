"""A claimant named in an oblique case, given in the nominative: "за даними Одеської обласної військової
адміністрації" cites "Одеська обласна військова адміністрація", "по словам губернатора Вячеслава Гладкова"
cites "губернатор Вячеслав Гладков".

Packs of languages that decline names ask for a morphological analyser (`meta.inflector`). Only the head of
the phrase is put in the nominative: its leading adjectives, its first noun, and person names in apposition
to it; the genitive modifiers that follow the head ("... сектора Газа", "... Республики Корея") stay as they
are. The analyser is loaded the first time a claimant of such a language needs it.

A pack whose inflector is 'endings' (German, Polish) needs no analyser: see `declension`.
"""

from __future__ import annotations

import functools
import re

from lossledger.extract.declension import by_endings
from lossledger.lang import get_pack

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_OBLIQUE = frozenset({"gent", "datv", "accs", "ablt", "loct"})
_AGREEING = frozenset({"ADJF", "PRTF", "NUMR"})  # words that take the case of their noun
_PERSON = frozenset({"Name", "Surn", "Patr"})


@functools.cache
def _analyser(code: str):
    """The pack's analyser (`meta.inflector` 'pymorphy3'), or None where the pack names another or none."""
    name = get_pack(code).section("meta").get("inflector")
    if not name or name == "endings":
        return None
    if name != "pymorphy3":
        raise ValueError(f"unknown inflector {name!r} in pack {code!r} (known: pymorphy3)")
    import pymorphy3  # dictionaries ship in the pymorphy3-dicts-<code> packages

    return pymorphy3.MorphAnalyzer(lang=code)


@functools.lru_cache(maxsize=4096)
def nominative(name: str, code: str) -> str:
    """`name` with its head in the nominative, where language `code` declines names; else `name`."""
    if get_pack(code).section("meta").get("inflector") == "endings":
        return by_endings(name, code)
    morph = _analyser(code)
    if morph is None:
        return name
    tokens = [m for m in _TOKEN.finditer(name) if not (m.group().isupper() and len(m.group()) > 1)]
    if not tokens:
        return name  # acronyms ("ЗСУ", "ОВА") decline with nothing
    parses = [morph.parse(m.group()) for m in tokens]
    case = _case(parses[0], tokens, morph)
    if case is None:
        return name
    case = _agreed(parses, case)
    out: list[tuple[re.Match, str]] = []
    pending: list[tuple[re.Match, object]] = []  # adjectives waiting for their noun's gender and number
    i = 0
    for i, (m, ps) in enumerate(zip(tokens, parses, strict=True)):
        nouns = [p for p in ps if p.tag.case == case and p.tag.POS == "NOUN"]
        adjs = [p for p in ps if p.tag.case == case and p.tag.POS in _AGREEING]
        ahead = parses[i + 1] if i + 1 < len(parses) else []
        if adjs and (not nouns or any(p.tag.case == case and p.tag.POS in _AGREEING | {"NOUN"} for p in ahead)):
            pending.append((m, adjs))
            continue
        if not nouns:
            break
        head = nouns[0].inflect({"nomn"})
        if head is None:
            break
        out.append((m, head.word))
        agree = {"nomn", "plur"} if head.tag.number == "plur" else {"nomn"} | ({head.tag.gender} - {None})
        out += _agreeing(pending, agree)
        pending = []
        break
    else:
        i = len(tokens)
    out += _agreeing(pending, {"nomn"})  # an adjective standing for its noun ("Главного")
    # after the head, only a person's names in apposition share its case ("... Курской области Алексея Смирнова")
    for m, ps in zip(tokens[i + 1:], parses[i + 1:], strict=True):
        p = next((p for p in ps if p.tag.case == case and _PERSON & p.tag.grammemes), None)
        form = p.inflect({"nomn"}) if p is not None and m.group()[:1].isupper() else None
        if form is not None:
            out.append((m, form.word))
    for m, word in sorted(out, key=lambda x: -x[0].start()):
        name = name[:m.start()] + _cased(word, m.group()) + name[m.end():]
    return name


def _agreeing(adjectives: list[tuple[re.Match, list]], grammemes: set[str]) -> list[tuple[re.Match, str]]:
    """Adjectives put in the nominative, agreeing with their noun (`grammemes`)."""
    out = []
    for m, ps in adjectives:
        form = next((f for p in ps for f in [p.inflect(grammemes)] if f is not None), None)
        if form is not None:
            out.append((m, form.word))
    return out


def _case(parses: list, tokens: list[re.Match], morph) -> str | None:
    """The oblique case of a phrase from the parses of its first word, or None (nominative, not declined).
    A word that may be a nominative ("голови": heads, or of the head) is oblique when a person's name later
    in the phrase can only be ("голови ОВА Івана Федорова")."""
    best = parses[0].tag
    if best.case is None or best.POS not in _AGREEING | {"NOUN"}:
        return None  # a foreign name, an indeclinable word
    nominative = max((p.score for p in parses if p.tag.case == "nomn"), default=0.0)
    if best.case in _OBLIQUE and parses[0].score > nominative:
        return best.case  # where the dictionary has no frequencies, a form that may be either waits for a name
    oblique = {p.tag.case for p in parses if p.tag.case in _OBLIQUE and p.tag.POS in _AGREEING | {"NOUN"}}
    for m in tokens[1:]:
        word = m.group()
        if not word[:1].isupper() or word.isupper():
            continue
        names = [p.tag for p in morph.parse(word) if _PERSON & p.tag.grammemes]
        if names and names[0].case in oblique and all(t.case != "nomn" for t in names):
            return names[0].case
    return None


def _agreed(parses: list[list], case: str) -> str:
    """The case of a phrase opening with adjectives: the likeliest of the first word's oblique cases that its noun
    can take too ("британской разведке" is dative, though "британской" is most often genitive), else `case`."""
    if parses[0][0].tag.POS not in _AGREEING:
        return case
    noun = next((ps for ps in parses[1:] if any(p.tag.POS == "NOUN" for p in ps)), None)
    cases = {p.tag.case for p in noun or () if p.tag.POS == "NOUN"}
    return next((p.tag.case for p in parses[0] if p.tag.POS in _AGREEING and p.tag.case in _OBLIQUE
                 and p.tag.case in cases), case)


def _cased(form: str, like: str) -> str:
    """`form` written with the capitals of `like` (a capital first letter, or all capitals)."""
    if like.isupper():
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form

