"""A claimant named in an oblique case, put in the nominative by word endings the pack lists (its section
'declension'), for languages with no morphological analyser here: "des britischen Geheimdienstes" ->
"britischer Geheimdienst", "według ukraińskiego dowództwa" -> "ukraińskie dowództwo".

The head noun is the first word that one of the pack's noun lists knows, as it stands or once an oblique ending
is put back to a nominative one (`noun_endings`); the lists go by the end of the word, so the last part of a
compound counts. The head's gender (or plural) gives the adjectives before it, and after it where the language
puts them there, their nominative ending. A phrase whose noun no list knows is left as written.
"""

from __future__ import annotations

from lossledger.lang import get_pack

_GENDERS = (("masculine_nouns", "masculine"), ("neuter_nouns", "neuter"), ("feminine_nouns", "feminine"),
            ("plural_nouns", "plural"))


def by_endings(name: str, code: str) -> str:
    """`name` with its head noun and the adjectives agreeing with it in the nominative; the rest as written."""
    pack = get_pack(code)
    rules = pack.section("declension")
    adjectives: dict[str, dict[str, str]] = rules.get("adjective_endings", {})
    words = name.split(" ")
    if words[0].casefold() in rules.get("nominative_articles", ()):
        return name  # "Die Vereinten Nationen": the article shows the nominative
    articles = {w.casefold() for w in pack.words("attribution", "articles")}
    while len(words) > 1 and words[0].casefold() in articles:
        words = words[1:]  # "dem ukrainischen Generalstab" is cited with no article where its words change
    n = 0  # leading adjectives: an adjective ending, no known noun, and a word after them
    while n < len(words) - 1 and _adjective(words[n], adjectives) and _noun(words[n], words[n + 1], rules) is None:
        n += 1
    head = words[n]
    if head.isupper() or not head[:1].isupper() and pack.section("meta").get("nouns_capitalised"):
        return name  # an acronym, or no noun where nouns have capitals
    found = _noun(head, words[n + 1] if n + 1 < len(words) else "", rules)
    if found is None:
        return name
    words[n], gender = found
    after = n + 1
    while rules.get("adjectives_after") and after < len(words) and _fits(words[after], gender, adjectives) \
            and not _owned(words, after, rules, adjectives):
        after += 1  # "Sztabu Generalnego" -> "Sztab Generalny"
    before = list(words)
    for i in [*range(n), *range(n + 1, after)]:
        words[i] = _agreeing(words[i], gender, adjectives)
    return " ".join(words) if words != before or words[n] != head else name


def _fits(word: str, gender: str, adjectives: dict[str, dict[str, str]]) -> bool:
    """`word` is an adjective whose ending can agree with a noun of `gender`."""
    return _adjective(word, adjectives) and gender in adjectives[_ending(word, adjectives)]


def _owned(words: list[str], i: int, rules: dict, adjectives: dict[str, dict[str, str]]) -> bool:
    """The adjective words[i] may agree with the known noun after it ("Biura Wysokiego Komisarza")."""
    found = _noun(words[i + 1], "", rules) if i + 1 < len(words) else None
    return found is not None and _fits(words[i], found[1], adjectives)


def _ending(word: str, adjectives: dict[str, dict[str, str]]) -> str | None:
    """The longest oblique adjective ending of `word`, with at least three letters before it, or None."""
    low = word.casefold()
    return max((e for e in adjectives if low.endswith(e) and len(low) > len(e) + 2), key=len, default=None)


def _adjective(word: str, adjectives: dict[str, dict[str, str]]) -> bool:
    """A word of letters with an oblique adjective ending."""
    return word.isalpha() and _ending(word, adjectives) is not None


def _agreeing(word: str, gender: str, adjectives: dict[str, dict[str, str]]) -> str:
    """The adjective `word` with the nominative ending for `gender` (else as it is)."""
    ending = _ending(word, adjectives)
    if ending is None or gender not in adjectives[ending]:
        return word
    return word[:len(word) - len(ending)] + adjectives[ending][gender]


def _noun(word: str, after: str, rules: dict) -> tuple[str, str] | None:
    """(nominative, gender) of a noun the pack's lists know, as it stands or with an oblique ending put back
    (`noun_endings`; a weak noun's only before a name: "Präsidenten Wladimir Putin"); else None."""
    low = word.casefold()
    gender = _gender(low, rules)
    if gender is not None:
        return word, gender
    pairs = [(o, nom, False) for o, nom in rules.get("noun_endings", ())]
    if after[:1].isupper():
        pairs += [(o, nom, True) for o, nom in rules.get("weak_noun_endings", ())]
    for oblique, nominative, weak in pairs:
        if low.endswith(oblique) and len(low) > len(oblique) + 2:
            stem = word[:len(word) - len(oblique)] + nominative
            gender = _gender(stem.casefold(), rules)
            if gender is not None and (not weak or gender == "masculine"):
                return stem, gender
    return None


def _gender(noun: str, rules: dict) -> str | None:
    """The gender (or 'plural') of a case-folded noun in the nominative, by the longest end of it a list has."""
    best, gender = 0, None
    for key, kind in _GENDERS:
        for e in rules.get(key, ()):
            if len(e) > best and noun.endswith(e):
                best, gender = len(e), kind
    return gender
