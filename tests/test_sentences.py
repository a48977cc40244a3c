"""Sentence segmentation: boundaries in any script, abbreviations kept inside sentences."""

import pytest

from lossledger.extract.sentences import split


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split(text)]


@pytest.mark.parametrize("text, expected", [
    ("Russia lost 12 tanks. Kyiv said so.", ["Russia lost 12 tanks.", "Kyiv said so."]),
    ("Mr. Smith counted 40 tanks. 12 more burned.", ["Mr. Smith counted 40 tanks.", "12 more burned."]),
    ("Ворог втратив 30 тис. осіб. Також знищено 12 танків.",
     ["Ворог втратив 30 тис. осіб.", "Також знищено 12 танків."]),
    ("Уничтожено 5 танков. а также 3 самолёта.", ["Уничтожено 5 танков. а также 3 самолёта."]),
    ("«Це правда», — сказав він. Ärligt talat.", ["«Це правда», — сказав він.", "Ärligt talat."]),
    ("Headline: 10 tanks\nBody text here.", ["Headline: 10 tanks", "Body text here."]),
])
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


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
