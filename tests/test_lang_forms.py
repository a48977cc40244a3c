"""Generated inflected forms of the inflected packs: current, used, and cheap at run time."""

import subprocess
import sys

import pytest

from lossledger.lang import get_pack, languages
from lossledger.lang.forms import build, load

LEMMATISED = [c for c in languages() if get_pack(c).section("meta").get("lemmatizer")]


@pytest.mark.parametrize("code", LEMMATISED)
def test_every_lemmatised_pack_ships_its_forms(code: str) -> None:
    assert load(code), f"lang/{code}/forms.toml is missing: run python -m lossledger.lang.forms {code}"


@pytest.mark.slow
@pytest.mark.parametrize("code", LEMMATISED)
def test_forms_file_is_current_with_the_pack_words(code: str) -> None:
    expected = {w: tuple(f) for w, f in build(code).items()}
    assert load(code) == expected, f"regenerate: python -m lossledger.lang.forms {code}"


def test_case_forms_match_through_the_generated_table_without_loading_simplemma() -> None:
    script = (
        "import sys, lossledger\n"
        "got = lossledger.extract('За минулу добу ворог втратив 1 200 осіб особового складу та 12 танків, "
        "повідомив Генштаб ЗСУ.', published='2025-06-12', lang='uk')\n"
        "print(sorted((c.category, c.value) for c in got), 'simplemma' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[('killed_or_wounded', 1200.0), ('tanks', 12.0)] False"
