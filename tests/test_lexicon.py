"""Word-list matching: whole words, prefixes, and (for inflected languages) lemmas."""

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lossledger.extract.lexicon import Matcher, lemmatizer


def labels(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in matcher.find(text)]


def test_whole_words_only_and_longest_term_wins() -> None:
    m = Matcher({"tank": "tanks", "tanks": "tanks", "tank crew": "military"})
    assert labels(m, "Two tank crew and five tanks; no tankers.") == [("tank crew", "military"), ("tanks", "tanks")]


def test_prefix_terms_match_inflected_words() -> None:
    m = Matcher({"stridsvagn*": "tanks"})
    assert labels(m, "Tre stridsvagnar och en stridsvagn förstördes.") == [
        ("stridsvagnar", "tanks"), ("stridsvagn", "tanks")]


def test_lemmas_match_case_forms_of_dictionary_words() -> None:
    uk = lemmatizer("uk", "simplemma")
    m = Matcher({"танк": "tanks", "особовий склад": "killed_or_wounded", "літак": "aircraft"}, uk)
    text = "Ворог втратив 1 200 осіб особового складу, 12 танків та 2 літаки."
    assert labels(m, text) == [("особового складу", "killed_or_wounded"), ("танків", "tanks"), ("літаки", "aircraft")]
    assert text[m.search(text).start:].startswith("особового")


def test_without_a_lemmatizer_case_forms_are_not_matched() -> None:
    m = Matcher({"танк": "tanks"})
    assert labels(m, "12 танків") == []


def test_unknown_lemmatizer_is_refused() -> None:
    with pytest.raises(ValueError, match="spacy"):
        lemmatizer("uk", "spacy")


# --- the token matcher: whitespace, prefixes, punctuation, word boundaries, windows, lemmas, case ---

def spans(matcher: Matcher, text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[m.start:m.end] for m in matcher.find(text, start, end)]


def test_a_space_in_a_term_is_any_whitespace_and_no_space_is_none() -> None:
    m = Matcher({"air defence systems": "air_defence", "f-16": "aircraft"})
    text = "Two air  defence\nsystems, one air\u00a0defence\tsystems; an F-16 but not an F - 16 or F-\n16."
    assert spans(m, text) == ["air  defence\nsystems", "air\u00a0defence\tsystems", "F-16"]
    assert spans(m, "airdefence systems and air-defence systems") == []


def test_prefix_terms_take_whole_words_only() -> None:
    m = Matcher({"tank*": "tanks", "tankfartyg*": "ships", "t-72*": "tanks"})
    text = "Tanks, tankers and Tankfartyget; antitank rounds; one T-72B3 and a T-72."
    assert [(h.text, h.label) for h in m.find(text)] == [
        ("Tanks", "tanks"), ("tankers", "tanks"), ("Tankfartyget", "ships"), ("T-72B3", "tanks"), ("T-72", "tanks")]


def test_the_longest_prefix_gives_the_label_and_a_whole_term_beats_a_prefix() -> None:
    m = Matcher({"stridsvagn*": "tanks", "stridsvagnsbesättning*": "military", "stridsvagnar": "armour"})
    assert labels(m, "stridsvagnsbesättningen, stridsvagnen, stridsvagnar") == [
        ("stridsvagnsbesättningen", "military"), ("stridsvagnen", "tanks"), ("stridsvagnar", "armour")]


def test_terms_with_punctuation() -> None:
    m = Matcher({"тис.": "thousand", "no.": "number", "-year-old": "age", "$": "money", "bmp-": "vehicle"})
    assert spans(m, "Понад 5 тис. осіб; тис.2") == ["тис."]  # "тис." glued to a digit is no whole term
    assert spans(m, "No. 5, but no.5 and Nos. 6") == ["No."]
    assert spans(m, "a 25 -year-old man, a 25-year-old woman") == ["-year-old"]  # "-" after a digit starts none
    assert spans(m, "It cost $ 5, or US$5, or $5.") == ["$"]
    assert spans(m, "a BMP- that was hit") == ["BMP-"]


def test_a_term_ending_in_punctuation_before_a_letter_or_digit_ends_only_a_window() -> None:
    m = Matcher({"bmp-": "vehicle", "no.": "number"})
    text = "They hit a BMP-2 and a No.5 unit."
    pos = text.index("2")
    assert spans(m, text, 0, pos) == ["BMP-"]  # "BMP-" right before the number being read
    assert spans(m, text) == []
    assert spans(m, text, 0, text.index("5")) == ["No."]


def test_a_term_inside_a_longer_word_is_no_hit() -> None:
    m = Matcher({"kill": "killed", "russia": "russia", "war": "x"})
    assert spans(m, "skill, killer, unkilled, Russian, Prussia, warfare, software") == []
    assert spans(m, "Russia's war: kill_switch, kill-chain, (kill)") == ["Russia", "war", "kill", "kill", "kill"]
    assert spans(m, "Russia2 and 2war") == []


def test_a_window_holds_only_hits_inside_it() -> None:
    m = Matcher({"tank": "tanks", "tank crew": "military", "crew": "military"})
    text = "A tank crew, then a tank, then a crew."
    first = text.index("tank")
    assert spans(m, text, first + 1) == ["crew", "tank", "crew"]  # a window starting inside a word skips its tail
    assert spans(m, text, 0, text.index(", then")) == ["tank crew"]
    assert spans(m, text, 0, text.index(" crew")) == ["tank"]  # ending inside the long term: the short one
    assert spans(m, text, 0, text.index("crew") + 2) == ["tank"]  # a word cut by the window's end is no hit
    assert spans(m, text, 0, first + 2) == []
    assert spans(m, text, text.index("then"), len(text)) == ["tank", "crew"]
    second = text.index("tank", first + 1)
    assert m.search(text, first + 4).start == text.index("crew")
    assert m.search(text, second + 4, len(text) - 1).text == "crew"
    assert m.search(text, second + 4, len(text) - 3) is None
    assert spans(m, text, 10, 5) == [] and spans(m, text, -3, 99) == ["tank crew", "tank", "crew"]


def test_hits_do_not_overlap_and_the_leftmost_wins() -> None:
    m = Matcher({"killed or wounded": "killed_or_wounded", "wounded or missing": "x", "wounded": "wounded"})
    text = "1,000 killed or wounded or missing"
    assert labels(m, text) == [("killed or wounded", "killed_or_wounded")]
    assert labels(m, text + " ") == labels(m, text)  # a new scan gives the same answer


def test_letter_case_is_ignored_in_any_script() -> None:
    m = Matcher({"Танк": "tanks", "soldiers": "military", "gemäß": "according", "İHA": "drone"})
    assert spans(m, "ТАНК, танк, ТаНк; SOLDIERS, Soldiers") == ["ТАНК", "танк", "ТаНк", "SOLDIERS", "Soldiers"]
    assert spans(m, "gemäß dem Bericht, GEMÄSS dem Bericht, gemäss dem Bericht") == ["gemäß", "GEMÄSS", "gemäss"]
    assert spans(m, "iha") == []  # "İ" folds to "i" with a dot above


def test_lemma_hits_by_a_forms_table_and_surface_hits_together() -> None:
    lemmas = {"танків": "танк", "особового": "особовий", "складу": "склад", "літаків": "літак"}

    def lemma(word: str) -> str:
        return lemmas.get(word.casefold(), word)

    m = Matcher({"танк": "tanks", "особовий склад": "personnel", "літак": "aircraft", "склад": "store"}, lemma)
    text = "Знищено 12 танків, 3 літаків і танк; втрати особового складу та склад."
    assert labels(m, text) == [("танків", "tanks"), ("літаків", "aircraft"), ("танк", "tanks"),
                               ("особового складу", "personnel"), ("склад", "store")]
    at = text.index("особового")
    assert [h.text for h in m.find(text, at, at + len("особового складу") - 1)] == []
    assert [h.text for h in m.find(text, at + 10, len(text))] == ["складу", "склад"]  # the lemma "склад" alone
    assert m.search(text, at).text == "особового складу"


def test_a_hit_in_the_text_itself_wins_over_an_overlapping_hit_by_lemma() -> None:
    lemmas = {"ракетних": "ракетний", "ударів": "удар", "пресс-службы": "пресс-служба"}

    def lemma(word: str) -> str:
        return lemmas.get(word.casefold(), word)

    m = Matcher({"ударів": "strike", "ракетний удар": "missile", "служба": "service"}, lemma)
    text = "Після ракетних ударів; ракетний удар; пресс-служба; пресс-службы."
    # "ударів" is in the text, so the longer "ракетних ударів" by lemma does not take its place; a word whose
    # lemma holds a term in part ("пресс-службы") is a hit as a whole, where nothing in the text is
    assert labels(m, text) == [("ударів", "strike"), ("ракетний удар", "missile"), ("служба", "service"),
                               ("пресс-службы", "service")]
    at = text.index("ударів")
    assert m.find(text, 0, at + 3) == []  # cut inside "ракетних ударів": no hit by lemma either


def test_lemma_hits_in_a_lexicon_of_an_inflected_language() -> None:
    from lossledger.extract.lexicon import lexicon

    lex = lexicon("uk")  # the pack's generated forms are its lemmatiser
    text = "За добу ворог втратив 1 230 осіб особового складу, 12 ТАНКІВ та 3 артилерійські системи."
    assert [(h.text, h.label) for h in lex.categories.find(text)] == [
        ("втратив", "losses"), ("особового складу", "killed_or_wounded"), ("ТАНКІВ", "tanks"),
        ("артилерійські системи", "artillery")]
    assert [h.label for h in lex.population.find(text)] == ["people", "military"]


def test_matchers_sharing_an_index_keep_their_own_terms() -> None:
    from lossledger.extract.termindex import TermIndex

    index = TermIndex()
    a = Matcher({"tank": "tanks", "tank crew": "military"}, index=index)
    b = Matcher({"crew": "crew"}, index=index)
    text = "The tank crew left the tank; a crew stayed." * 20
    assert spans(a, text)[:2] == ["tank crew", "tank"] and spans(b, text)[:2] == ["crew", "crew"]
    c = Matcher({"stayed": "x"}, index=index)  # added after a scan: the index forgets what it cached
    assert spans(c, text)[:1] == ["stayed"] and spans(a, text)[:2] == ["tank crew", "tank"]
    with pytest.raises(ValueError):
        Matcher({"танк": "tanks"}, lemmatizer("uk", "simplemma"), index)


def test_search_is_the_first_hit_of_find() -> None:
    m = Matcher({"killed": "killed", "killed in action": "killed", "wounded*": "wounded"})
    text = "Five soldiers were killed in action and 12 wounded; others killed."
    for a in range(0, len(text), 3):
        for b in range(a, len(text) + 1, 5):
            found = m.find(text, a, b)
            assert m.search(text, a, b) == (found[0] if found else None)


# --- the token matcher against a plain regular-expression reading of the same terms ---

_WORDS = ["tank", "tanks", "crew", "air", "defence", "f", "16", "no", "killed", "Tank", "CREW", "танк", "ТАНКІВ"]
_MARKS = [".", ",", "-", "'", "$", "(", "_"]
_GAPS = [" ", "  ", "\n", "\t ", "\u00a0"]


def _reference(terms: dict[str, str], text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Leftmost-longest hits of `terms` in text[start:end] read with one regular expression per term."""
    exact = {" ".join(t.casefold().split()): label for t, label in terms.items() if not t.endswith("*")}
    stems = sorted(((" ".join(t[:-1].casefold().split()), label) for t, label in terms.items() if t.endswith("*")),
                   key=lambda s: -len(s[0]))

    def regex(term: str) -> re.Pattern:
        prefix = term.endswith("*")
        body = r"\s+".join(re.escape(w) for w in (term[:-1] if prefix else term).split())
        tail = r"[^\W_]*" if prefix else ""
        return re.compile(rf"(?<![^\W_])(?:{body}{tail})(?![^\W_])", re.IGNORECASE)

    rxs = [regex(t) for t in terms]
    out, pos = [], start
    while pos < end:
        ends = [m.end() for rx in rxs if (m := rx.match(text, pos, end))]
        if not ends:
            pos += 1
            continue
        b = max(ends)
        key = " ".join(text[pos:b].casefold().split())
        label = exact.get(key) or next(lab for stem, lab in stems if key.startswith(stem))
        out.append((pos, b, label))
        pos = b
    return out


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_token_matcher_reads_as_a_regular_expression_would(data) -> None:  # type: ignore[no-untyped-def]
    word = st.sampled_from(_WORDS)
    piece = st.one_of(word, st.sampled_from(_MARKS), st.sampled_from(_GAPS))
    text = "".join(data.draw(st.lists(piece, min_size=1, max_size=40)))
    joint = st.sampled_from([" ", "", "-", ". "])
    term = st.builds(lambda w, more, tail: (w + "".join(s + x for s, x in more)).strip() + tail,
                     word, st.lists(st.tuples(joint, word), max_size=2), st.sampled_from(["", "", "*", ".", "-"]))
    terms = {t: f"l{i}" for i, t in enumerate(dict.fromkeys(
        t.casefold() for t in data.draw(st.lists(term, min_size=1, max_size=6)))) if t.strip("*-. ")}
    assume(terms)
    m = Matcher(terms)
    # window ends inside a word are left out: there the regex reads a cut word, the matcher does not
    cuts = [i for i in range(len(text) + 1) if not (0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum())]
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.sampled_from([c for c in cuts if c >= a] or [len(text)]))
    got = [(h.start, h.end, h.label) for h in m.find(text, a, b)]
    assert got == _reference(terms, text, a, b)
    assert [h.text for h in m.find(text, a, b)] == [text[x:y] for x, y, _ in got]
