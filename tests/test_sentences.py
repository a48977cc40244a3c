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
