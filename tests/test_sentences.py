"""Sentence segmentation: boundaries in any script, abbreviations kept inside sentences."""

import pytest

from lossledger.extract.sentences import split


def sentences(text: str, code: str | None = None) -> list[str]:
    from lossledger.extract.lexicon import lexicon

    abbreviations = lexicon(code).abbreviations if code else ()
    return [text[a:b] for a, b in split(text, abbreviations=abbreviations)]


@pytest.mark.parametrize("code, text, expected", [
    (None, "Russia lost 12 tanks. Kyiv said so.", ["Russia lost 12 tanks.", "Kyiv said so."]),
    ("en", "Mr. Smith counted 40 tanks. 12 more burned.", ["Mr. Smith counted 40 tanks.", "12 more burned."]),
    ("uk", "Ворог втратив 30 тис. осіб. Також знищено 12 танків.",
     ["Ворог втратив 30 тис. осіб.", "Також знищено 12 танків."]),
    (None, "Уничтожено 5 танков. а также 3 самолёта.", ["Уничтожено 5 танков. а также 3 самолёта."]),
    (None, "«Це правда», — сказав він. Ärligt talat.", ["«Це правда», — сказав він.", "Ärligt talat."]),
    (None, "Headline: 10 tanks\nBody text here.", ["Headline: 10 tanks", "Body text here."]),
    (None, "Officials in the U.S. Army said J. Smith saw 4 tanks. Two burned.",
     ["Officials in the U.S. Army said J. Smith saw 4 tanks.", "Two burned."]),
    ("sv", "Förlusterna omfattar bl.a. Ryska stridsvagnar, 40 st. Två brann.",
     ["Förlusterna omfattar bl.a. Ryska stridsvagnar, 40 st.", "Två brann."]),
    ("de", "Zerstört wurden u.a. Panzer, rund 1,2 Mio. Soldaten fielen. Das meldet Kyjiw.",
     ["Zerstört wurden u.a. Panzer, rund 1,2 Mio. Soldaten fielen.", "Das meldet Kyjiw."]),
    # a French quote opens with « and a (no-break) space
    ("fr", "Il a parlé de 31 000 morts. «\u00a0Pas 300 000\u00a0», a-t-il dit. « Non », a répondu Moscou.",
     ["Il a parlé de 31 000 morts.", "«\u00a0Pas 300 000\u00a0», a-t-il dit.", "« Non », a répondu Moscou."]),
    ("de", "Kyjiw meldet 1200 Tote. „Das ist falsch“, sagt Moskau.", ["Kyjiw meldet 1200 Tote.",
                                                                    "„Das ist falsch“, sagt Moskau."]),
])
def test_split(code: str | None, text: str, expected: list[str]) -> None:
    assert sentences(text, code) == expected


def test_an_abbreviation_of_another_language_ends_a_sentence() -> None:
    text = "Die Armee verlor 40 tys. Dann kamen neue Truppen."
    assert sentences(text, "de") == ["Die Armee verlor 40 tys.", "Dann kamen neue Truppen."]
    assert sentences(text, "pl") == [text]


@pytest.mark.parametrize("code, text", [
    ("pl", "Według rzecznika resortu gen. Igora Konaszenkowa zginęło 498 żołnierzy."),
    ("pl", "Dowódca brygady płk. Jan Nowak potwierdził straty."),
    ("fr", "Selon le gén. Thierry Burkhard, les pertes sont lourdes."),
    ("uk", "За словами полк. Івана Петренка, ворог втратив 1200 осіб."),
])
def test_a_pack_abbreviation_before_a_name_ends_no_sentence(code: str, text: str) -> None:
    from lossledger.extract.lexicon import lexicon

    assert split(text) != [(0, len(text))]  # without the pack's words the full stop ends a sentence
    assert split(text, abbreviations=lexicon(code).abbreviations) == [(0, len(text))]
