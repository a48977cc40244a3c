"""A figure in a ratio ("five Russians for every Ukrainian killed") is no count of losses, in every pack
(cues.ratio); the same figure without the ratio word stays a claim."""

from __future__ import annotations

import pytest

from lossledger import extract

RATIOS = [
    ("en", "Kyiv says that for every Ukrainian soldier killed, seven Russian soldiers die."),
    ("en", "Officials estimate that 4 Russian troops are killed for every Ukrainian soldier."),
    ("sv", "Enligt Kiev dör sju ryska soldater för varje ukrainsk soldat som dödas."),
    ("de", "Auf jeden getöteten ukrainischen Soldaten kommen nach Kiewer Angaben sieben getötete Russen."),
    ("fr", "Selon Kiev, sept soldats russes meurent pour chaque soldat ukrainien tué."),
    ("es", "Según Kiev, por cada soldado ucraniano muerto mueren siete soldados rusos."),
    ("pl", "Według Kijowa na każdego zabitego ukraińskiego żołnierza przypada siedmiu zabitych Rosjan."),
    ("ru", "По словам Зеленского, на каждого погибшего украинского военного приходится семеро убитых россиян."),
    ("uk", "За словами Зеленського, на кожного загиблого українського військового припадає семеро вбитих росіян."),
]


@pytest.mark.parametrize("lang, text", RATIOS)
def test_figures_of_a_ratio_are_no_claims(lang, text):
    assert extract(text, lang=lang, published="2025-02-20") == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Kyiv says seven Russian soldiers were killed near Kupiansk."),
    ("uk", "За словами Зеленського, під Куп'янськом загинули семеро російських військових."),
])
def test_the_same_figure_without_a_ratio_is_a_claim(lang, text):
    (claim,) = extract(text, lang=lang, published="2025-02-20")
    assert claim.value == 7
