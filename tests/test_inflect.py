"""Claimants named in an oblique case are cited with their head in the nominative (packs with
meta.inflector): the phrase's head and a person's names in apposition change, its genitive modifiers stay.
Russian and Ukrainian by pymorphy3's analysis, German and Polish by the endings their packs list."""

from __future__ import annotations

import pytest

from lossledger import extract
from lossledger.extract.inflect import nominative


@pytest.mark.parametrize("name, code, want", [
    # leading adjectives agree with the head noun; the modifiers after it stay in the genitive
    ("Херсонської обласної військової адміністрації", "uk", "Херсонська обласна військова адміністрація"),
    ("министерства здравоохранения Ливана", "ru", "министерство здравоохранения Ливана"),
    ("Главного разведывательного управления", "ru", "Главное разведывательное управление"),
    # a leading adjective whose likeliest case its noun cannot take: the case both share (dative after "согласно")
    ("британской разведке", "ru", "британская разведка"),
    ("Херсонській обласній військовій адміністрації", "uk", "Херсонська обласна військова адміністрація"),
    # a title with its region, then the person's names in apposition
    ("губернатора Курской области Алексея Смирнова", "ru", "губернатор Курской области Алексей Смирнов"),
    ("Віталія Кличка", "uk", "Віталій Кличко"),
    # a form that may be a plural nominative ("голови") is taken as oblique where a name shows the case
    ("голови ОВА Івана Федорова", "uk", "голова ОВА Іван Федоров"),
    # where the words may as well be a woman's name in the nominative, the name stays as written
    ("Олександра Прокудіна", "uk", "Олександра Прокудіна"),
    # already nominative, foreign, or not declined: unchanged
    ("Сили оборони", "uk", "Сили оборони"),
    ("губернатор Сергей Лесной", "ru", "губернатор Сергей Лесной"),
    ("Reuters", "ru", "Reuters"),
    ("ISW", "uk", "ISW"),
    # German: the noun's lemma, and the adjective's ending by the noun's gender and number
    ("britischen Geheimdienstes", "de", "britischer Geheimdienst"),
    ("russischen Verteidigungsministeriums", "de", "russisches Verteidigungsministerium"),
    ("ukrainischen Luftwaffe", "de", "ukrainische Luftwaffe"),
    ("Vereinten Nationen", "de", "Vereinte Nationen"),
    ("Roten Kreuzes", "de", "Rotes Kreuz"),
    ("palästinensischem Zivilschutz", "de", "palästinensischer Zivilschutz"),
    ("Zivilschutzes im Gazastreifen", "de", "Zivilschutz im Gazastreifen"),
    ("Präsidialamtes in Kiew", "de", "Präsidialamt in Kiew"),
    ("Bürgermeisters Vitali Klitschko", "de", "Bürgermeister Vitali Klitschko"),
    ("russischen Präsidenten Wladimir Putin", "de", "russischer Präsident Wladimir Putin"),
    ("dem ukrainischen Generalstab", "de", "ukrainischer Generalstab"),
    ("Die Vereinten Nationen", "de", "Die Vereinten Nationen"),
    # Polish: the noun's oblique ending put back, adjectives before and after it agreeing
    ("brytyjskiego wywiadu", "pl", "brytyjski wywiad"),
    ("ukraińskiego dowództwa", "pl", "ukraińskie dowództwo"),
    ("lokalnych władz", "pl", "lokalne władze"),
    ("ukraińskiej policji", "pl", "ukraińska policja"),
    ("wywiadu wojskowego Ukrainy", "pl", "wywiad wojskowy Ukrainy"),
    ("Ośrodka Studiów Wschodnich", "pl", "Ośrodek Studiów Wschodnich"),
    ("ministra obrony", "pl", "minister obrony"),
    # an adjective that may agree with the known noun after it belongs to that noun
    ("Biura Wysokiego Komisarza ONZ", "pl", "Biuro Wysokiego Komisarza ONZ"),
    ("Mediazony", "pl", "Mediazony"),
    # German names already in the nominative, or no German words: unchanged
    ("Hamas", "de", "Hamas"),
    ("Reuters", "de", "Reuters"),
    ("ukrainische Behörden", "de", "ukrainische Behörden"),
    # a language whose pack asks for no inflector
    ("Ministry of Health's", "en", "Ministry of Health's"),
])
def test_nominative(name, code, want):
    assert nominative(name, code) == want


@pytest.mark.parametrize("text, lang, claimant", [
    ("За даними Херсонської обласної військової адміністрації, внаслідок обстрілу загинули троє людей.", "uk",
     "Херсонська обласна військова адміністрація"),
    ("По словам губернатора Курской области Алексея Смирнова, при атаке дронов погибли два человека.", "ru",
     "губернатор Курской области Алексей Смирнов"),
    ("Według władz obwodu sumskiego w ataku drona zginęło troje cywilów.", "pl", "władze obwodu sumskiego"),
    ("Nach Schätzungen des norwegischen Geheimdienstes sind 600.000 russische Soldaten getötet oder verwundet "
     "worden.", "de", "norwegischer Geheimdienst"),
])
def test_claims_cite_the_nominative(text, lang, claimant):
    (claim,) = extract(text, published="2025-08-14", lang=lang)
    assert claim.claimant == claimant


def test_known_entities_keep_their_registry_form():
    (claim,) = extract("За даними Генерального штабу ЗСУ, за минулу добу окупанти втратили 950 осіб.",
                       published="2025-08-14", lang="uk")
    assert claim.claimant in {"Генеральний штаб ЗСУ", "Генштаб ЗСУ"}
