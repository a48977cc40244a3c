"""The claimant registry: names in any language normalise to one entity; acronyms keep their case."""

from lossledger.extract.claimants import lookup


def test_names_in_several_languages_are_one_entity() -> None:
    names = ["Ukraine's General Staff", "Ukrainas generalstab", "Генштаб ЗСУ"]
    assert {lookup(n).name for n in names} == {"General Staff of the Armed Forces of Ukraine"}


def test_acronym_aliases_match_only_in_capitals() -> None:
    assert lookup("the UN human rights monitors").name == lookup("United Nations").name
    assert lookup("Un soldat anonyme") is None


def test_unknown_name_is_none() -> None:
    assert lookup("a shopkeeper in Lviv") is None
