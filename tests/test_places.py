"""The places tables (lang/<code>/places.toml): people killed or injured in a strike on a listed place, with no
party named, are the side of the place; a place name inside another word or a common noun names no place."""

import pytest

from lossledger import extract
from lossledger.extract.lexicon import lexicon
from lossledger.lang import get_pack, languages

PUBLISHED = "2025-04-05"
SIDES = {"ukraine", "russia", "israel", "palestine", "sudan", "syria", "north korea"}


def sides(text: str, lang: str) -> set[str | None]:
    return {c.side for c in extract(text, lang=lang, published=PUBLISHED)}


@pytest.mark.parametrize("lang,text,side", [
    ("uk", "Унаслідок ракетного удару по Кривому Рогу загинули 18 людей, повідомив начальник ОВА.", "ukraine"),
    ("uk", "Унаслідок обстрілу Харкова загинули 3 людини, ще 12 поранено.", "ukraine"),
    ("uk", "Унаслідок ракетного удару по Сумах загинули 2 людини.", "ukraine"),
    ("uk", "Внаслідок удару по Слов’янську загинули 2 людини.", "ukraine"),
    ("uk", "Внаслідок удару по Білгороду-Дністровському загинули 2 людини.", "ukraine"),
    ("uk", "Внаслідок атаки дронів на Бєлгород загинули 2 людини, повідомив губернатор.", "russia"),
    ("ru", "При обстреле в Белгороде погибли 3 человека, ещё 12 ранены.", "russia"),
    ("ru", "В результате удара по Кривому Рогу погибли 4 человека.", "ukraine"),
    ("ru", "В результате удара по Белгороду-Днестровскому погибли 4 человека.", "ukraine"),
    ("ru", "В результате удара по Харькову погибли 4 человека.", "ukraine"),
    ("pl", "W ataku rakietowym na Charków zginęło 5 osób, a 20 zostało rannych.", "ukraine"),
    ("pl", "W ostrzale w Charkowie zginęły 3 osoby.", "ukraine"),
    ("pl", "W ataku na Biełgorod zginęło 5 osób.", "russia"),
    ("de", "Bei einem Raketenangriff auf Charkiw wurden 4 Menschen getötet und 20 verletzt.", "ukraine"),
    ("de", "Bei einem Luftangriff auf Chan Junis wurden 12 Menschen getötet.", "palestine"),
    ("fr", "Une frappe de missile sur Kharkiv a tué 4 personnes et blessé 20 autres.", "ukraine"),
    ("fr", "Une frappe sur Khan Younès a tué 12 personnes.", "palestine"),
    ("es", "Al menos 4 personas murieron en un ataque con misiles contra Járkov.", "ukraine"),
    ("es", "Al menos 15 personas murieron en un bombardeo sobre Rafah.", "palestine"),
    ("sv", "4 personer dödades och 20 skadades i en robotattack mot Charkiv.", "ukraine"),
    ("sv", "2 personer dödades i en drönarattack mot Belgorod.", "russia"),
    ("en", "A drone attack on Belgorod killed 2 people, the governor said.", "russia"),
    ("en", "A rocket attack on Sderot injured 3 people.", "israel"),
    ("en", "A drone strike on El Fasher killed 20 people.", "sudan"),
])
def test_people_hit_in_a_strike_on_a_listed_place_are_its_side(lang, text, side):
    assert sides(text, lang) == {side}


@pytest.mark.parametrize("lang,text", [
    ("uk", "Після удару суми виплат постраждалим зросли."),  # "суми" = sums
    ("uk", "Ціни на ізюм зросли, а на рівне місце впав снаряд."),  # raisins, an even place
    ("ru", "Цены на изюм выросли ровно вдвое."),
    ("pl", "Duże sumy pieniędzy trafiły do browary i winnicy."),  # sums, breweries, a vineyard
    ("de", "Der Engel und die Flügel des Engels."),
    ("en", "A humanitarian convoy reached Bahrain."),  # "uman", "bahri" inside other words
    ("es", "Una explosión en la refinería de Tula."),  # Tula (Hidalgo), not in the es table
])
def test_a_place_name_inside_another_word_or_a_common_noun_is_no_place(lang, text):
    assert lexicon(lang).places.find(text) == []


def test_money_sums_give_no_ukraine_claim():
    text = "Після удару суми виплат зросли, 5 людей загинули."
    assert "ukraine" not in sides(text, "uk")


@pytest.mark.parametrize("code", languages())
def test_places_load_and_do_not_repeat_the_side_names(code):
    places = get_pack(code).section("places")
    assert places, f"lang/{code}/places.toml is empty"
    assert set(places) <= SIDES
    names = [n.casefold() for words in get_pack(code).section("sides").get("names", {}).values() for n in words]
    seen: dict[str, str] = {}
    for side, words in places.items():
        for w in words:
            w = w.casefold()
            assert w == w.strip() and w not in ("", "*"), (code, side, w)
            assert seen.setdefault(w, side) == side, f"{code}: {w!r} is on two sides"
            for n in names:
                assert w != n, f"{code}: {w!r} is already in [sides.names]"
                if n.endswith("*") and " " not in w:
                    assert not w.startswith(n[:-1]), f"{code}: {w!r} is matched by the name {n!r}"
                if w.endswith("*") and not n.endswith("*") and " " not in n:
                    assert not n.startswith(w[:-1]), f"{code}: the prefix {w!r} matches the name {n!r}"
    lexicon(code).places.find("")  # compiles


@pytest.mark.parametrize("lang,text,want", [
    # a paragraph that opens in another place: its dead are that place's, not the running side's
    ("uk", "За даними МОЗ Гази, загинули 54 056 палестинців.\n"
           "У Судані бійці СШР атакували табір для переселенців. За оцінкою ООН, загинули понад 400 людей.",
     ["palestine", "sudan"]),
    ("en", "Russia lost 1,200 soldiers over the past day, Ukraine's General Staff said.\n"
           "In Gaza, the health ministry said 38 people were killed overnight.",
     ["russia", "palestine"]),
    # after a dateline: "Gaza (AFP) – Im Gazastreifen …"
    ("de", "Gaza (AFP) – Im Gazastreifen ist die Zahl der Toten nach Angaben der Gesundheitsbehörde auf mehr als "
           "62.000 gestiegen. Die israelische Armee meldete neue Angriffe.", ["palestine"]),
])
def test_a_place_opening_a_sentence_is_the_side_of_its_dead(lang, text, want):
    assert [c.side for c in extract(text, lang=lang, published=PUBLISHED)] == want
