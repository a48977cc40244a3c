"""Word-list matching: whole words, prefixes, and (for inflected languages) lemmas."""

import pytest

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
