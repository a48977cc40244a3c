"""Kinds of phrasing common to news in every language, on sentences written for these tests: a range of days
as a figure's period, a capital named as the place of a strike, a toll that rose to a small number, a weekday
between a verb and its source."""

from __future__ import annotations

import pytest

from lossledger import extract

PUB = "2025-08-18"


@pytest.mark.parametrize("lang, text", [
    ("en", "From 11 to 17 August, 23 civilians were injured in Russian drone attacks on Kharkiv."),
    ("en", "Between 11 and 17 August, 23 civilians were injured in Kharkiv."),
    ("sv", "Mellan den 11 och 17 augusti skadades 23 civila i Charkiv."),
    ("de", "Vom 11. bis 17. August wurden in Charkiw 23 Zivilisten verletzt."),
    ("fr", "Du 11 au 17 août, 23 civils ont été blessés à Kharkiv."),
    ("es", "Del 11 al 17 de agosto resultaron heridos 23 civiles en Járkov."),
    ("pl", "Od 11 do 17 sierpnia w atakach na Charków rannych zostało 23 cywilów."),
    ("ru", "С 11 по 17 августа от атак БПЛА в Курской области пострадали 23 мирных жителя."),
    ("uk", "З 11 по 17 серпня внаслідок атак на Харківщину поранено 23 цивільних."),
])
def test_a_range_of_days_is_the_period_and_its_first_day_no_figure(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.period_start, claim.period_end, claim.as_of) == (
        23, "2025-08-11", "2025-08-17", "2025-08-17")


@pytest.mark.parametrize("lang, text, side", [
    ("uk", "У Києві внаслідок нічної атаки загинули 3 людини.", "ukraine"),
    ("ru", "В Киеве в результате ночной атаки погибли 3 человека.", "ukraine"),
    ("pl", "W Kijowie w wyniku nocnego ataku zginęły 3 osoby.", "ukraine"),
    # a side's adjective before its attack still names the attacker
    ("ru", "В российской ракетной атаке погибли 3 человека.", "ukraine"),
    ("en", "Three people were killed in Russian drone and missile attacks on Odesa.", "ukraine"),
    # English writes the adjective with a capital: after 'to' it is still the attacker
    ("en", "Officials said 3 people were killed, blaming the deaths on Russian long-range missile attacks.", "ukraine"),
])
def test_a_capital_named_as_the_place_is_the_side_that_lost(lang, text, side):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert claim.side == side


@pytest.mark.parametrize("lang, text", [
    ("uk", "Кількість загиблих унаслідок удару по Дніпру зросла до чотирьох."),
    ("ru", "Число погибших при ударе по Белгороду выросло до 4."),
    ("pl", "Liczba zabitych w ataku na Odessę wzrosła do 4."),
])
def test_a_toll_that_rose_to_a_small_number_is_that_exact_number(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.qualifier, claim.category) == (4, "exact", "killed")


def test_a_weekday_written_with_an_apostrophe_between_verb_and_source():
    text = "У Сумах загинули 2 людини, повідомив у п'ятницю голова ОВА Олег Григоров."
    (claim,) = extract(text, lang="uk", published=PUB)
    assert claim.claimant == "голова ОВА Олег Григоров"


@pytest.mark.parametrize("lang, text", [
    ("sv", "Minst 12 människor dödades när två ryska robotar slog ned i centrala Odessa."),
    ("en", "At least 12 people were killed when two Russian missiles hit a shopping centre in Odesa."),
])
def test_weapons_that_struck_are_no_loss_and_name_the_attacker(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.side, claim.population) == (12, "ukraine", "civilian")


def test_a_regional_official_reports_losses_of_the_region():
    text = "Det var den största drönarattacken mot huvudstaden. Enligt Moskvaregionens guvernör dödades två personer."
    (claim,) = extract(text, lang="sv", published=PUB)
    assert (claim.side, claim.population) == ("russia", "civilian")


def test_weapons_shot_down_stay_a_loss_though_others_struck():
    (claim,) = extract("Air defence shot down 20 of the Russian missiles that struck Kyiv.", lang="en", published=PUB)
    assert (claim.value, claim.category, claim.side) == (20, "cruise_missiles", "russia")


@pytest.mark.parametrize("lang, text", [
    ("es", "Al menos 40.000 palestinos han muerto en Gaza, según el Ministerio de Sanidad. El número de heridos "
           "asciende a 92.000, informó el organismo."),
    ("en", "At least 40,000 Palestinians have been killed in Gaza, the health ministry said. The number of wounded "
           "has risen to 92,000, the ministry added."),
])
def test_a_toll_carried_to_a_side_with_no_army_here_is_of_no_stated_population(lang, text):
    claims = extract(text, lang=lang, published=PUB)
    assert [(c.value, c.side, c.population) for c in claims] == [
        (40000, "palestine", "unspecified"), (92000, "palestine", "unspecified")]


@pytest.mark.parametrize("lang, text", [
    ("sv", "Antalet dödade i Gaza har passerat 50 000, uppger hälsoministeriet. Den israeliska armén meddelar att "
           "409 israeliska soldater har stupat."),
    ("en", "The number of people killed in Gaza has passed 50,000, the health ministry said. The Israeli army says "
           "409 Israeli soldiers have died."),
    ("ru", "Число погибших в Газе превысило 50 000, сообщил минздрав. Израильская армия сообщила о гибели 409 "
           "израильских военных."),
    ("uk", "Кількість загиблих у Газі перевищила 50 000, повідомило міністерство. Ізраїльська армія повідомила про "
           "загибель 409 ізраїльських військових."),
    ("de", "Die Zahl der Toten im Gazastreifen stieg auf mehr als 50.000, teilte das Ministerium mit. Die "
           "israelische Armee meldete 409 getötete israelische Soldaten."),
    ("es", "El número de muertos en Gaza superó los 50.000, según el ministerio. El ejército israelí informó de 409 "
           "soldados israelíes muertos."),
])
def test_the_dead_of_a_place_named_with_no_side_are_that_places(lang, text):
    assert [(c.value, c.side) for c in extract(text, lang=lang, published=PUB)] == [
        (50000, "palestine"), (409, "israel")]


def test_an_army_reporting_dead_in_a_place_reports_its_own():
    (claim,) = extract("Israels Armee meldet drei weitere getötete Soldaten im Gazastreifen.", lang="de",
                       published=PUB)
    assert claim.side == "israel"


@pytest.mark.parametrize("lang, text", [
    ("en", "On the Russian side, up to 120,000 soldiers were killed, officials said."),
    ("sv", "På rysk sida har 120 000 soldater dödats."),
    ("de", "Auf russischer Seite wurden bis zu 120.000 Soldaten getötet."),
    ("fr", "Du côté russe, 120 000 soldats ont été tués."),
    ("es", "Del lado ruso han muerto 120.000 soldados."),
    ("pl", "Po stronie rosyjskiej zginęło 120 tys. żołnierzy."),
    ("ru", "С российской стороны погибли 120 тысяч военных."),
    ("uk", "З російського боку загинули 120 тисяч військових."),
])
def test_a_side_word_with_a_noun_for_side_names_the_party(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.side) == (120000, "russia")


@pytest.mark.parametrize("text", [
    "В результате обстрела Белгорода со стороны ВСУ погибли два человека.",  # 'from the side of': by them
    "При обстреле с украинской стороны погибли два человека.",  # an attack from that side
])
def test_a_side_after_an_attack_is_the_attacker_even_with_a_noun_for_side(text):
    (claim,) = extract(text, lang="ru", published=PUB)
    assert claim.side == "russia"


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia launched 126 drones at Ukraine overnight. Air defence shot down 79 of them."),
    ("sv", "Ryssland skickade 126 attackdrönare mot Ukraina i natt, och 79 av dem sköts ned, uppger det ukrainska "
           "flygvapnet."),
    ("de", "Russland setzte in der Nacht 126 Drohnen gegen die Ukraine ein, 79 davon wurden abgeschossen."),
    ("uk", "Росія атакувала Україну 126 дронами, з них 79 збито, повідомили Повітряні сили."),
])
def test_weapons_counted_out_of_those_launched_are_the_launchers_loss(lang, text):
    claims = [c for c in extract(text, lang=lang, published=PUB) if c.value == 79]
    assert [(c.category, c.side) for c in claims] == [("drones", "russia")]


def test_drones_shot_down_belong_to_the_enemy_of_a_source_of_known_side():
    text = "La Fuerza Aérea ucraniana informó de que había derribado 14 de los 17 drones lanzados por Rusia."
    (claim,) = extract(text, lang="es", published=PUB)
    assert (claim.value, claim.category, claim.side) == (14, "drones", "russia")


@pytest.mark.parametrize("lang, text", [
    ("en", "Oryx has documented 748 lost Ukrainian tanks."),
    ("de", "Oryx hat 748 verlorene ukrainische Kampfpanzer dokumentiert."),
    ("pl", "Oryx udokumentował 748 utraconych czołgów ukraińskich."),
])
def test_a_loss_adjective_before_the_equipment_noun_keeps_its_kind(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.category, claim.side) == (748, "tanks", "ukraine")


def test_a_separable_verb_of_loss():
    (claim,) = extract("Demnach büßte Russland 3.474 Schützenpanzer ein.", lang="de", published=PUB)
    assert (claim.category, claim.side) == ("armored_vehicles", "russia")


def test_a_date_in_apposition_to_the_start_of_the_war_starts_the_period():
    text = ("Selon l'état-major ukrainien, la Russie a perdu 146 820 soldats depuis le début de l'invasion, le 24 "
            "février 2022.")
    (claim,) = extract(text, lang="fr", published="2023-02-24")
    assert claim.as_of == "2023-02-24"


def test_an_imperfect_verb_of_estimating_names_its_source():
    text = "Le général Mark Milley évaluait en novembre à 100 000 le nombre de soldats russes tués ou blessés."
    (claim,) = extract(text, lang="fr", published="2023-02-24")
    assert claim.claimant == "général Mark Milley"


def test_a_number_read_as_no_figure_does_not_cut_the_figure_from_its_loss_word():
    text = "Dödssiffran efter robotanfallet mot två bostadshus i Ternopil har stigit till 26, uppger guvernören."
    (claim,) = extract(text, lang="sv", published=PUB)
    assert (claim.value, claim.category, claim.side) == (26, "killed", "ukraine")


def test_a_four_digit_count_before_its_noun_is_no_year():
    text = "Rosyjskie Ministerstwo Obrony twierdzi, że zniszczono 278 ukraińskich samolotów i 2044 czołgi."
    claims = extract(text, lang="pl", published="2022-09-05")
    assert [(c.value, c.category, c.as_of) for c in claims] == [
        (278, "aircraft", "2022-09-05"), (2044, "tanks", "2022-09-05")]


def test_a_list_takes_the_source_named_after_it_when_that_sentence_refers_back():
    text = ("Загальні бойові втрати противника орієнтовно становлять:\nособового складу — близько 891 660 осіб\n"
            "танків — 10 313\nДані уточнюються.\nПро це повідомляє Генеральний штаб ЗСУ.")
    claims = extract(text, lang="uk", published="2025-03-14")
    assert [(c.value, c.claimant) for c in claims] == [(891660, "Генеральний штаб ЗСУ"),
                                                       (10313, "Генеральний штаб ЗСУ")]


@pytest.mark.parametrize("lang, text, side", [
    ("en", "The Air Force said 20 drones were shot down over the Kyiv region.", "russia"),
    ("en", "Air defence destroyed 20 drones over Kyiv overnight, the Air Force said.", "russia"),
    ("en", "Russia's defence ministry said 20 drones were destroyed over the Belgorod region.", "ukraine"),
    ("de", "Die Luftwaffe meldete 20 abgeschossene Drohnen über Kiew.", "russia"),
    ("uk", "Повітряні сили повідомили, що над Київщиною збито 20 дронів.", "russia"),
])
def test_drones_shot_down_over_a_place_are_the_attackers(lang, text, side):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.category, claim.side) == (20, "drones", side)


def test_soldiers_lost_in_a_region_are_still_the_side_named():
    (claim,) = extract("Russian forces lost 300 soldiers in the Kharkiv region, the General Staff said.",
                       lang="en", published=PUB)
    assert claim.side == "russia"


@pytest.mark.parametrize("lang, text", [
    ("sv", "Om kriget fortsätter kan Ryssland förlora 1,5 miljoner soldater i slutet av 2026, skriver FOI."),
    ("en", "At this pace Russia loses 1.5 million soldiers by the end of 2026, the think tank CSIS said."),
])
def test_a_figure_dated_after_the_article_is_a_projection(lang, text):
    (claim,) = extract(text, lang=lang, published="2025-09-08")
    assert (claim.value, claim.modality) == (1_500_000, "projection")


def test_a_figure_dated_before_the_article_is_reported():
    (claim,) = extract("Russia lost 1.5 million soldiers by the end of 2024, the think tank CSIS said.",
                       lang="en", published="2025-09-08")
    assert claim.modality == "reported"


def test_weapons_of_several_words_before_their_strike_name_the_attacker():
    got = extract("Three people were killed when Russian guided aerial bombs hit a market in Kostiantynivka, the "
                  "governor said.", lang="en", published=PUB)
    assert [(c.value, c.side) for c in got] == [(3, "ukraine")]


def test_soldiers_between_a_side_and_an_invasion_word_belong_to_that_side():
    got = extract("Volunteers have confirmed the deaths of 21,000 Ukrainian soldiers since the invasion began.",
                  lang="en", published=PUB)
    assert [(c.value, c.side) for c in got] == [(21000, "ukraine")]


def test_a_count_of_mixed_equipment_is_no_claim_but_a_drone_tally_is():
    text = ("Ukraine's General Staff said Russian losses have reached 870,000 troops. The update listed:\n"
            "operational-tactical UAVs — 31,000 (+90)\nIn all, 52,000 pieces of Russian equipment were lost.")
    got = {c.value: c.category for c in extract(text, lang="en", published=PUB)}
    assert got.get(31000) == "drones" and 52000 not in got


@pytest.mark.parametrize("lang, text", [
    ("fr", "Selon le président, 4 000 soldats, russes et ukrainiens, meurent chaque semaine."),
    ("es", "Según el presidente, unos 4.000 soldados rusos y ucranianos mueren cada semana."),
    ("en", "According to the president, about 4,000 soldiers, Russian and Ukrainian, die every week."),
])
def test_two_side_adjectives_after_the_noun_are_both_sides(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.side) == (4000, "both")


def test_a_source_named_after_the_noun_and_a_comma_is_no_side_of_it():
    (claim,) = extract("Russia has lost 10,933 tanks, Ukraine's General Staff said.", lang="en", published=PUB)
    assert (claim.side, claim.claimant) == ("russia", "Ukraine's General Staff")


@pytest.mark.parametrize("lang, text", [
    ("fr", "Les pertes russes — tués et blessés — atteindraient 700 000 hommes, d'après Londres."),
    ("es", "Las bajas rusas, muertos y heridos, superarían los 700.000 soldados, según Londres."),
])
def test_a_loss_noun_before_its_side_adjective_owns_the_losses(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.side) == (700000, "russia")


@pytest.mark.parametrize("text, lang", [
    ("Kiew/Genf (dpa) - Seit Beginn der russischen Invasion sind in der Ukraine mindestens 8006 Zivilisten getötet "
     "worden.", "de"),
    ("KYIV, Feb 21 (Reuters) — Since the start of the Russian invasion at least 8,006 civilians have been killed in "
     "Ukraine.", "en"),
    # a dateline with the territory in brackets before the agency's
    ("Khan Younis (Palestinian Territories) (AFP) - Israeli air strikes killed at least 27 people overnight, the "
     "civil defence agency said.", "en"),
])
def test_the_city_of_a_dateline_names_no_side(text, lang):
    got = extract(text, lang=lang, published="2023-02-21")
    want = (27, "palestine") if "Israeli" in text else (8006, "ukraine")
    assert [(c.value, c.side) for c in got] == [want]


def test_a_german_city_adjective_is_the_place_of_the_dead():
    text = ("Die russische Luftabwehr hat 337 ukrainische Drohnen abgeschossen. Im Moskauer Umland kamen nach Angaben "
            "des Gouverneurs mindestens drei Menschen ums Leben.")
    got = {c.value: c.side for c in extract(text, lang="de", published="2025-03-11")}
    assert got == {337: "ukraine", 3: "russia"}


def test_the_side_after_the_weapons_of_a_long_attack_phrase_is_the_attacker():
    text = ("Au moins neuf personnes ont été tuées dans une attaque massive de missiles et de drones russes sur Kiev "
            "dans la nuit, a annoncé le maire.")
    assert [c.side for c in extract(text, lang="fr", published="2025-04-24")] == ["ukraine"]


@pytest.mark.parametrize("lang, text", [
    # PUB is a Monday: the strike fell on Saturday 16 August, the statement on Sunday
    ("en", "A Russian missile strike on Sumy on Saturday killed 9 people and injured 31, the governor said on Sunday."),
    ("en", "The governor said on Sunday that 9 people were killed and 31 injured in Saturday's strike on Sumy."),
    ("de", "Bei einem russischen Angriff auf Sumy wurden am Samstag 9 Menschen getötet und 31 verletzt, sagte der "
           "Gouverneur am Sonntag."),
])
def test_the_day_of_the_event_dates_the_figures_before_the_day_of_the_statement(lang, text):
    found = extract(text, lang=lang, published=PUB)
    assert [(c.value, c.as_of) for c in found] == [(9, "2025-08-16"), (31, "2025-08-16")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia lost 41,200 soldiers, according to estimates from British intelligence published on Sunday."),
    ("fr", "La Russie a perdu 41 200 soldats, selon des estimations du renseignement britannique publiées dimanche."),
    ("de", "Russland verlor 41.200 Soldaten, so Schätzungen vom britischen Geheimdienst, veröffentlicht am Sonntag."),
])
def test_a_from_far_before_a_date_opens_no_period(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.as_of, claim.period_start) == (41200, "2025-08-17", None)


@pytest.mark.parametrize("lang, text, side", [
    ("en", "The losses of Russia since the start of the invasion, on 24 February 2022, stand at 1,031,100 soldiers, "
           "the General Staff said.", "russia"),
    ("fr", "Les pertes de la Russie depuis le début de l'invasion, le 24 février 2022, s'élèvent à 1 031 100 soldats, "
           "a annoncé l'état-major.", "russia"),
])
def test_a_date_in_apposition_to_the_invasion_dates_no_figure_and_the_losses_own_their_side(lang, text, side):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.side, claim.as_of, claim.period_start) == (side, PUB, None)


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia attacked Ukraine overnight; Ukrainian air defence shot down 476 Russian drones. The mayor said "
           "that two people were killed and 23 injured."),
    ("uk", "Росія атакувала Україну 539 дронами. Сили ППО збили 476 БпЛА. Міський голова повідомив, що загинули двоє "
           "людей, ще 23 дістали поранень."),
])
def test_people_killed_after_a_tally_of_weapons_shot_down_are_the_attacked_sides_civilians(lang, text):
    found = extract(text, lang=lang, published=PUB)
    assert [(c.value, c.category, c.side) for c in found][0] == (476, "drones", "russia")
    assert [(c.value, c.side, c.population) for c in found[1:]] == [(2, "ukraine", "civilian"),
                                                                   (23, "ukraine", "civilian")]


@pytest.mark.parametrize("lang, text", [
    ("en", "In 2024, at least 44,000 Russian soldiers died, almost three times more than in 2022."),
    ("es", "En 2024, el año más sangriento para Rusia, murieron al menos 44.000 soldados rusos, casi el triple que en "
           "2022."),
    ("pl", "W 2024 roku zginęło co najmniej 44 tys. rosyjskich żołnierzy, prawie trzy razy więcej niż w 2022 roku."),
])
def test_a_year_after_a_comparison_is_not_the_figures(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.period_start, claim.period_end) == ("2024-01-01", "2024-12-31")


@pytest.mark.parametrize("lang, text", [
    ("en", "Between 1 January and 28 July, Russia lost 220,000 soldiers, the General Staff said. In the same period, "
           "Ukrainian forces destroyed 1,310 Russian tanks."),
    ("pl", "Od 1 stycznia do 28 lipca armia rosyjska straciła 220 tys. żołnierzy. W tym samym okresie ukraińskie "
           "wojsko zniszczyło 1 310 rosyjskich czołgów."),
])
def test_a_figure_in_the_same_period_takes_the_period_before(lang, text):
    tanks = [c for c in extract(text, lang=lang, published=PUB) if c.category == "tanks"]
    assert [(c.period_start, c.period_end) for c in tanks] == [("2025-01-01", "2025-07-28")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Dmytro Lubinets said that some 64,000 Ukrainians, soldiers and civilians, are listed as missing."),
    ("en", "At least 12 soldiers and civilians were killed in the Russian strike on Sumy."),
    ("fr", "Au moins 12 militaires et civils ont été tués dans la frappe russe sur Soumy."),
])
def test_soldiers_and_civilians_together_are_of_no_one_population(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert claim.population == "unspecified"


@pytest.mark.parametrize("lang, text", [
    ("en", "British officials believe Moscow is recruiting about 31,000 new contract soldiers a month to replace its "
           "losses."),
    ("de", "Nach Angaben aus Kiew wirbt Russland monatlich etwa 31.000 neue Vertragssoldaten an, um seine Verluste "
           "auszugleichen."),
    ("sv", "Samtidigt rekryterar Ryssland runt 31 000 nya soldater i månaden för att ersätta förlusterna."),
    ("uk", "Водночас Росія щомісяця вербує близько 31 тисячі контрактників, щоб компенсувати втрати на фронті."),
])
def test_soldiers_recruited_are_no_loss(lang, text):
    assert extract(text, lang=lang, published=PUB) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "By comparison, the Soviet Union lost about 15,000 soldiers in a decade of war in Afghanistan."),
    ("sv", "Som jämförelse dog närmare 15 000 sovjetiska soldater under tio år av krig i Afghanistan."),
    ("ru", "Для сравнения, СССР за десять лет войны в Афганистане потерял около 15 тысяч военных."),
])
def test_the_soviet_unions_losses_are_its_own(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.side) == (15000, "ussr")


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia's defence ministry has not published its losses since September 2022, when Sergei Shoigu put the "
           "number of dead at 5,937."),
    ("fr", "Le ministère russe n'a plus communiqué de bilan depuis septembre 2022, lorsqu'il avait reconnu la mort de "
           "5 937 militaires russes."),
    ("ru", "Минобороны России не раскрывает потери с сентября 2022 года, когда Сергей Шойгу назвал цифру в 5 937 "
           "погибших."),
])
def test_a_figure_in_a_when_clause_after_since_stands_at_that_date(lang, text):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert (claim.value, claim.as_of, claim.period_start) == (5937, "2022-09", None)


@pytest.mark.parametrize("lang, text, side", [
    ("en", "At least 78 people were killed in strikes on the port of Ras Isa, the Houthi-run health ministry in Yemen "
           "said.", "yemen"),
    ("fr", "Au moins 21 soldats maliens ont été tués dans une attaque jihadiste, a annoncé l'armée malienne.", "mali"),
    ("es", "Al menos 24 civiles murieron en un bombardeo del ejército en Myanmar, según medios locales.", "myanmar"),
])
def test_sides_of_other_wars(lang, text, side):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert claim.side == side
