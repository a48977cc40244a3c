"""The French pack on sentences written for these tests: numbers, every category, sides, people, sources,
dates, modality and stance, language detection."""

from __future__ import annotations

import pytest

from lossledger import extract, find_numbers
from lossledger.extract.claimants import lookup
from lossledger.extract.dates import publication_date
from lossledger.extract.language import detect
from lossledger.extract.lexicon import lexicon

PUB = "2025-06-12"  # a Thursday
NBSP, NNBSP = "\u00a0", "\u202f"


def claims(text: str, **kw) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=kw.pop("published", PUB), lang="fr", **kw)]


def one(text: str) -> dict:
    found = claims(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, span, value, low, high, qualifier", [
    ("Il y a 300 000 soldats.", "300 000", 300000, 300000, 300000, "exact"),
    (f"Il y a 300{NBSP}000 soldats.", f"300{NBSP}000", 300000, 300000, 300000, "exact"),
    (f"Il y a 1{NNBSP}000{NNBSP}340 soldats.", f"1{NNBSP}000{NNBSP}340", 1000340, 1000340, 1000340, "exact"),
    ("Il y a 22.000 soldats.", "22.000", 22000, 22000, 22000, "exact"),
    ("Il y a 1,2 million de soldats.", "1,2 million", 1200000, 1200000, 1200000, "exact"),
    ("Il y a deux millions de personnes.", "deux millions", 2000000, 2000000, 2000000, "exact"),
    ("Il y a un million de soldats.", "un million", 1000000, 1000000, 1000000, "exact"),
    ("Il y a un demi million de soldats.", "un demi million", 500000, 500000, 500000, "exact"),
    ("Il y a trois cents soldats.", "trois cents", 300, 300, 300, "exact"),
    ("Il y a dix-sept chars.", "dix-sept", 17, 17, 17, "exact"),
    ("Il y a quatre-vingts chars.", "quatre-vingts", 80, 80, 80, "exact"),
    ("Il y a environ 22.000 morts.", "environ 22.000", 22000, 22000, 22000, "approx"),
    ("Il y a près de 700 morts.", "près de 700", 700, 700, 700, "approx"),
    ("Il y a plus de 230.000 morts.", "plus de 230.000", 230000, 230000, None, "at_least"),
    ("Il y a au moins 15 blessés.", "au moins 15", 15, 15, None, "at_least"),
    ("Il y a jusqu'à 325 000 soldats.", "jusqu'à 325 000", 325000, None, 325000, "at_most"),
    ("Il y a moins de 100 soldats.", "moins de 100", 100, None, 100, "at_most"),
    ("Il y a entre 100.000 et 120.000 blessés.", "entre 100.000 et 120.000", None, 100000, 120000, "range"),
    ("Il y a de 170 000 à 180 000 blessés.", "de 170 000 à 180 000", None, 170000, 180000, "range"),
    ("Il y a 170.000 à 180.000 blessés.", "170.000 à 180.000", None, 170000, 180000, "range"),
    ("Il y a des dizaines de milliers de morts.", "des dizaines de milliers", None, 10000, 99999, "vague"),
    ("Il y a des milliers de victimes.", "des milliers", None, 1000, 9999, "vague"),
    ("Il y a des centaines de milliers de victimes.", "des centaines de milliers", None, 100000, 999999, "vague"),
])
def test_numbers(text, span, value, low, high, qualifier):
    q = next(q for q in find_numbers(text, "fr") if q.text == span)
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


def test_article_alone_is_no_number():
    assert [q.text for q in find_numbers("Un soldat et une femme.", "fr")] == []


@pytest.mark.parametrize("text, category", [
    ("Selon Kiev, 870 soldats russes ont été tués.", "killed"),
    ("Selon Kiev, 40 soldats russes sont morts.", "killed"),
    ("Selon Kiev, 12 soldats russes sont décédés.", "killed"),
    ("Selon Kiev, 300 soldats russes ont été blessés.", "wounded"),
    ("Selon l'Otan, 300.000 soldats russes ont été tués ou blessés.", "killed_or_wounded"),
    ("Selon Londres, il y a eu 1.000 victimes russes.", "killed_or_wounded"),
    ("Selon Kiev, 200 soldats russes ont été faits prisonniers.", "captured"),
    ("Selon Kiev, 3.000 soldats ukrainiens sont portés disparus.", "missing"),
    ("Selon Kiev, la Russie a perdu 950.000 soldats.", "losses"),
    ("Selon Kiev, la Russie a perdu 10 933 chars.", "tanks"),
    ("Selon Kiev, la Russie a perdu 22 800 véhicules blindés.", "armored_vehicles"),
    ("Selon Kiev, la Russie a perdu 30 000 systèmes d'artillerie.", "artillery"),
    ("Selon Kiev, la Russie a perdu 1 400 lance-roquettes multiples.", "mlrs"),
    ("Selon Kiev, la Russie a perdu 1 190 systèmes de défense antiaérienne.", "air_defense"),
    ("Selon Kiev, la Russie a perdu 420 avions.", "aircraft"),
    ("Selon Kiev, la Russie a perdu 340 hélicoptères.", "helicopters"),
    ("Selon Kiev, la Russie a perdu 40 000 drones.", "drones"),
    ("Selon Kiev, la Russie a perdu 3 500 missiles de croisière.", "cruise_missiles"),
    ("Selon Kiev, la Russie a perdu 28 navires.", "ships"),
    ("Selon Kiev, la Russie a perdu deux sous-marins.", "submarines"),
    ("Selon Kiev, la Russie a perdu 50 000 véhicules et citernes.", "vehicles"),
    ("Selon Kiev, la Russie a perdu 3 900 équipements spéciaux.", "special_equipment"),
])
def test_categories(text, category):
    assert one(text)["category"] == category


def test_equipment_list_gives_one_claim_per_item():
    text = ("Selon l'état-major ukrainien, la Russie a perdu 10 933 chars, 30 100 systèmes d'artillerie "
            "et 40 500 drones.")
    got = {c["category"]: c for c in claims(text)}
    assert (got["tanks"]["value"], got["artillery"]["value"], got["drones"]["value"]) == (10933, 30100, 40500)
    assert all(c["side"] == "russia" for c in got.values())


@pytest.mark.parametrize("text, side", [
    ("Selon Kiev, 500 soldats russes ont été tués.", "russia"),
    ("Selon Moscou, 500 soldats ukrainiens ont été tués.", "ukraine"),
    ("Les estimations pour l'Ukraine s'élevaient à 70.000 morts.", "ukraine"),
    ("Selon l'ONU, les deux camps ont perdu 500 soldats.", "both"),
    ("Une frappe russe sur Kharkiv a fait cinq morts.", "ukraine"),
    ("Douze soldats ont été tués dans des combats contre les troupes russes.", "ukraine"),
    ("Quatorze civils ont été tués dans une attaque russe contre Kharkiv.", "ukraine"),
])
def test_sides(text, side):
    assert one(text)["side"] == side


def test_enemy_is_the_other_side_of_the_claimant():
    assert one("L'état-major ukrainien a affirmé que l'ennemi a perdu 1.200 soldats.")["side"] == "russia"


@pytest.mark.parametrize("text, population", [
    ("Selon Kiev, 500 soldats russes ont été tués.", "military"),
    ("Selon Kiev, sept civils ukrainiens ont été tués.", "civilian"),
    ("Une frappe russe sur Kharkiv a tué neuf personnes.", "civilian"),
    ("Selon l'ONU, 600 enfants ukrainiens ont été tués.", "civilian"),
])
def test_population(text, population):
    assert one(text)["population"] == population


@pytest.mark.parametrize("text, claimant", [
    ("Mediazona en collaboration avec la BBC a identifié 106 745 soldats russes tués.",
     "Mediazona en collaboration avec la BBC"),
    ("Selon l'état-major ukrainien, 1.000 soldats russes ont été tués.", "état-major ukrainien"),
    ("Le ministère britannique de la Défense estime que 450.000 soldats russes ont été tués ou blessés.",
     "ministère britannique de la Défense"),
    ("Zelensky a déclaré que 31.000 soldats ukrainiens avaient été tués.", "Zelensky"),
    ("Selon un calcul de l'Otan, 300.000 soldats russes ont été tués ou blessés.", "Otan"),
    # an adverb between the auxiliary and the participle is no part of the source
    ("Le ministère russe de la Défense a par ailleurs affirmé que 1 200 soldats ukrainiens ont été tués.",
     "ministère russe de la Défense"),
])
def test_claimant(text, claimant):
    assert claimant in one(text)["claimant"]


@pytest.mark.parametrize("name, entity", [
    ("l'état-major ukrainien", "General Staff of the Armed Forces of Ukraine"),
    ("ministère russe de la Défense", "Ministry of Defence of the Russian Federation"),
    ("le ministère de la défense à Moscou", "Ministry of Defence of the Russian Federation"),
    ("Vladimir Poutine", "Vladimir Putin"),
    ("l'Otan", "NATO"),
    ("Institut pour l'étude de la guerre", "Institute for the Study of War"),
])
def test_claimant_registry(name, entity):
    assert lookup(name).name == entity


@pytest.mark.parametrize("text, as_of", [
    ("Au 100e jour de la guerre, Kiev affirme que 31 000 soldats russes ont été tués.", "2022-06-03"),
    ("Au sixième jour de l'invasion, Kiev affirme que 5300 soldats russes ont été tués.", "2022-03-01"),
    ("Le 2 mars, Moscou a annoncé 498 soldats russes tués.", "2025-03-02"),
    ("Le 1er mars 2024, Kiev a annoncé 500 soldats russes tués.", "2024-03-01"),
    ("Kiev a annoncé lundi 500 soldats russes tués.", "2025-06-09"),
    ("Kiev a annoncé hier 500 soldats russes tués.", "2025-06-11"),
    ("Fin septembre 2022, Moscou a admis que 5.937 soldats russes étaient morts.", "2022-09"),
])
def test_dates(text, as_of):
    assert one(text)["as_of"] == as_of


def test_past_day_is_the_period():
    c = one("Selon Kiev, la Russie a perdu 1.120 soldats au cours des dernières 24 heures.")
    assert (c["period_start"], c["period_end"]) == (PUB, PUB)


def test_url_day_refines_a_month_date_line():
    lex = lexicon("fr")
    assert publication_date(" date 2023-07 Texte.", "https://x.be/2023/07/10/article", lex) == "2023-07-10"
    assert publication_date(" date 2023-07 Texte.", "https://x.be/2021/05/10/article", lex) == "2023-07"


def test_rates():
    assert one("Selon Kiev, la Russie perd en moyenne 1.200 soldats par jour.")["metric"] == "per_day"
    assert one("Selon Londres, la Russie perd 4.000 soldats par semaine.")["metric"] == "per_week"
    assert one("Selon Londres, la Russie perd 35.000 soldats par mois.")["metric"] == "per_month"


@pytest.mark.parametrize("text, modality", [
    ("Selon Londres, 500 soldats russes ont été tués.", "reported"),
    ("Selon Londres, 500 soldats russes auraient été tués.", "hedged"),
    ("Selon Londres, probablement 500 soldats russes ont été tués.", "hedged"),
    ("Selon Londres, la Russie pourrait perdre 1,5 million de soldats d'ici la fin de l'année.", "projection"),
])
def test_modality(text, modality):
    assert one(text)["modality"] == modality


def test_disputed():
    assert one("Selon le Kremlin, le chiffre de 300.000 soldats russes tués est un mensonge.")["stance"] == "disputed"
    assert one("Selon le Kremlin, 300.000 soldats russes ont été tués.")["stance"] == "asserted"


@pytest.mark.parametrize("text", [
    "Les troupes ont avancé de 500 mètres.",
    "L'aide s'élève à 500 millions d'euros.",
    "Les prix ont augmenté de 12 pour cent.",
    "Les troupes russes ont pris 588 kilomètres carrés en juin.",
])
def test_noise_is_no_claim(text):
    assert claims(text) == []


def test_detection():
    assert detect("Selon l'état-major, la Russie a perdu plus d'un million de soldats depuis le début.") == "fr"
    assert detect("Según el Estado Mayor, Rusia ha perdido más de un millón de soldados desde el inicio.") == "es"
    assert detect("According to the General Staff, Russia has lost more than a million soldiers.") == "en"
    assert detect("Laut dem Generalstab hat Russland mehr als eine Million Soldaten verloren.") == "de"


def test_then_dates_a_sentence_like_the_one_before():
    text = "Le ministère a publié ses premiers chiffres le 2 mai. À l'époque, 498 soldats russes avaient été tués."
    assert one(text)["as_of"] == "2025-05-02"


def test_average_with_its_rate_before_the_number():
    text = 'Selon Londres, les pertes quotidiennes moyennes de la Russie ont atteint 1 500 hommes en décembre.'
    assert one(text)["metric"] == "per_day"


def test_side_adjective_after_its_noun_wins_over_a_headline_country():
    assert one("Ukraine : plus de 1 000 soldats russes tués en 24 heures, selon Kiev")["side"] == "russia"


def test_source_after_a_weekday_and_its_verb():
    text = ("Au moins 31 personnes, dont cinq enfants, ont été tuées dans une frappe russe sur Kryvyï Rih vendredi, "
            "a annoncé le gouverneur régional.")
    got = {c["value"]: c for c in claims(text)}
    assert got[31]["claimant"] == "le gouverneur régional" and got[31]["category"] == "killed"


def test_the_invader_is_not_the_loser_and_an_elided_month_preposition():
    text = ("Selon l'ONU, au moins 12 300 civils ont été tués en Ukraine depuis le début de l'invasion russe. Rien "
            "qu'en décembre, 140 civils ont perdu la vie.")
    got = {c["value"]: c for c in claims(text, published="2025-01-10")}
    assert {c["side"] for c in got.values()} == {"ukraine"}
    assert (got[140]["period_start"], got[140]["period_end"]) == ("2024-12-01", "2024-12-31")


def test_a_quote_after_a_sentence_is_a_sentence_of_its_own_with_its_own_source():
    text = ("Volodymyr Zelensky a affirmé dimanche que 31 000 soldats ukrainiens ont été tués, un chiffre rare. "
            "« Pas 300 000, pas 150 000 », a déclaré le président ukrainien.")
    got = {c["value"]: c for c in claims(text)}
    assert got[31000]["claimant"] == "Volodymyr Zelensky" and got[31000]["stance"] == "asserted"
    assert got[300000]["stance"] == "disputed" and got[300000]["claimant"] != "un chiffre rare"


def test_an_inverted_pronoun_after_a_participle_refers_to_the_source_before():
    text = ("La frappe russe a fait 14 morts, a indiqué le gouverneur Oleg Kiper. Quarante personnes ont été blessées, "
            "a-t-il ajouté.")
    assert [c["claimant"] for c in claims(text)] == ["le gouverneur Oleg Kiper"] * 2


def test_the_toll_of_a_strike_is_no_source():
    text = "Le bilan de la frappe russe sur Odessa s'est alourdi à 21 morts, a indiqué le gouverneur Oleg Kiper."
    assert one(text)["claimant"] == "le gouverneur Oleg Kiper"


def test_a_source_that_could_identify_the_dead():
    text = "Le média Mediazona a pu identifier 111 387 militaires russes tués depuis février 2022."
    assert "Mediazona" in one(text)["claimant"]


def test_a_part_of_the_drones_launched_and_soldiers_of_a_side_killed_at_an_estimate():
    c = one("Dans la nuit, la défense antiaérienne a abattu 52 des 80 drones lancés par la Russie, a précisé l'armée "
            "de l'air ukrainienne.")
    assert (c["value"], c["category"], c["side"]) == (52, "drones", "russia")
    c = one("Mediazona évalue le nombre total de soldats russes tués à environ 160 000.")
    assert (c["side"], c["category"]) == ("russia", "killed")
    assert one("Des soldats russes ont tué 12 civils ukrainiens à Boutcha.")["side"] == "ukraine"


@pytest.mark.parametrize("text", [
    "Le ministère russe n'a plus publié de bilan depuis 2022, lorsqu'il avait reconnu la mort de 5 937 militaires.",
    "Le ministère russe, lui, n'a plus publié de bilan depuis 2022, lorsqu'il avait reconnu la mort de 5 937 "
    "militaires.",
])
def test_a_pronoun_after_an_elided_conjunction_or_stressing_a_name_stands_for_the_subject(text):
    assert one(text)["claimant"].endswith("ministère russe")


def test_years_of_a_comparison_and_a_running_total_since_the_invasion():
    text = ("Le centre de recherche estime que l'armée russe a perdu en 2025 environ 410 000 hommes tués ou blessés, "
            "soit en moyenne 1 120 par jour, contre 425 000 en 2024, ce qui porte le total depuis février 2022 à "
            "quelque 1,1 million.")
    got = {c["value"]: c for c in claims(text, published="2026-02-12")}
    assert {v: (c["metric"], c["period_end"]) for v, c in got.items()} == {
        410000: ("count", "2025-12-31"), 1120: ("per_day", "2025-12-31"), 425000: ("count", "2024-12-31"),
        1100000: ("count", None)}
    assert got[1100000]["as_of"] == "2026-02-12"


def test_a_fait_etat_reports_the_dead_it_causes_none():
    text = "Le ministère de la Santé, placé sous l'autorité du Hamas, a fait état mardi de 60 100 morts."
    assert one(text)["side"] == "palestine"


def test_a_pronoun_joined_to_its_verb_after_the_figure_is_the_earlier_source():
    text = ("L'armée de l'air ukrainienne a publié son bilan matinal. La défense aérienne a abattu 212 drones russes "
            "dans la nuit, précise-t-elle.")
    assert one(text)["claimant"] == "L'armée de l'air ukrainienne"


def test_an_elided_pronoun_and_its_auxiliary_end_no_name():
    text = ("Beaucoup seraient morts sans que Moscou l'ait confirmé. Selon des estimations ukrainiennes, quelque "
            "1 500 militaires russes seraient détenus en Ukraine.")
    got = one(text)
    assert (got["claimant"], got["category"], got["side"]) == ("des estimations ukrainiennes", "captured", "russia")


def test_soldiers_a_side_holds_are_captured():
    text = "La Russie affirme détenir environ 6 000 soldats ukrainiens, un chiffre que Kyiv juge sous-évalué."
    got = one(text)
    assert (got["category"], got["side"]) == ("captured", "ukraine")
