"""Who claims a figure: names in quotes, joint sources, sources after a document, the object of a verb-final clause.

Sentences written for these tests, in several languages; each asserts the claimant a reader would name.
"""

from __future__ import annotations

import pytest

from lossledger import extract


def claimants(text: str, lang: str, published: str = "2025-06-10") -> list[str | None]:
    return [c.claimant for c in extract(text, lang=lang, published=published)]


@pytest.mark.parametrize("text, lang, claimant", [
    # a name in quotes is whole, its inner words no end of it
    ("Не менее 12 человек погибли при обстреле Харькова, сообщила организация «Врачи без границ».", "ru",
     "организация «Врачи без границ"),
    # an acronym in brackets and an apposition between a source and its verb
    ("El Centro de Estudios Estratégicos e Internacionales (CSIS), con sede en Washington, estimó que las bajas "
     "rusas rondan las 950.000.", "es", "El Centro de Estudios Estratégicos e Internacionales"),
    # a document, its date, then its author: "un bilan arrêté au 31 mai par X"
    ("Au moins 13 500 civils ont été tués en Ukraine, selon un bilan arrêté au 31 mai par la mission de l'ONU.",
     "fr", "la mission de l'ONU"),
])
def test_the_source_is_the_whole_name(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


def test_partners_joined_by_together_with_and_and_are_one_source():
    text = ("«Медиазона» совместно с Би-би-си и командой волонтеров установила имена 120 000 погибших российских "
            "военных.")
    (claimant,) = claimants(text, "ru")
    assert claimant.startswith("Медиазона»") and claimant.endswith("командой волонтеров")


@pytest.mark.parametrize("text, lang", [
    ("Mediazona hat 120.000 getötete russische Soldaten identifiziert. Nach Einschätzung der Journalisten deutlich "
     "höher liegt die wahre Zahl: bis zu 200.000 Tote.", "de"),
    ("Медиазона установила имена 120 000 погибших российских военных. По оценке журналистов, реальное число "
     "погибших может достигать 200 000.", "ru"),
])
def test_the_journalists_are_the_outlet_named_before(text, lang):
    assert set(claimants(text, lang)) == {"Mediazona" if lang == "de" else "Медиазона"}


def test_a_german_name_ends_at_its_noun():
    text = "Die wahre Zahl der russischen Toten liegt nach Angaben der Organisation deutlich höher, bei 200.000."
    assert claimants(text, "de") == ["Organisation"]


def test_counted_people_before_a_final_verb_are_its_object_not_its_source():
    text = ("Das Portal Mediazona und der russische Dienst der BBC haben inzwischen 107.000 getötete russische "
            "Soldaten namentlich identifiziert.")
    (claimant,) = claimants(text, "de")
    assert claimant.startswith("Das Portal Mediazona")


@pytest.mark.parametrize("text, lang, claimant, via", [
    # "as X reports" after an 'according to': X relays the source
    ("Nach Angaben des ukrainischen Generalstabs hat Russland 650.000 Soldaten verloren, wie die Agentur Ukrinform "
     "meldet.", "de", "ukrainischer Generalstab", ["die Agentur Ukrinform"]),
    # a document "cited by" an outlet: its author claims, the outlet relays
    ("Rusia habría perdido 200.000 soldados, según un informe confidencial del Gobierno ucraniano citado por el "
     "diario El País.", "es", "Gobierno ucraniano", ["el diario El País"]),
])
def test_an_outlet_that_reports_an_according_to_relays_it(text, lang, claimant, via):
    (claim,) = extract(text, lang=lang, published="2024-10-02")
    assert (claim.claimant, claim.via) == (claimant, via)


def test_a_known_name_longer_than_the_phrase_read_is_whole():
    text = ("Las bajas rusas ascienden a 1.119.390 soldados, según el parte diario del Estado Mayor General de las "
            "Fuerzas Armadas de Ucrania, que contabilizó 1.020 bajas en las últimas 24 horas.")
    got = {c.value: (c.claimant, c.side) for c in extract(text, lang="es", published="2025-10-09")}
    name = "Estado Mayor General de las Fuerzas Armadas de Ucrania"
    assert got == {1119390: (name, "russia"), 1020: (name, "russia")}


def test_a_german_case_form_of_a_known_name_is_cited_in_its_nominative():
    text = "Nach Angaben des ukrainischen Generalstabs verlor Russland binnen 24 Stunden 1.130 Soldaten."
    assert claimants(text, "de") == ["ukrainischer Generalstab"]


def test_a_day_after_the_verb_is_no_part_of_the_source_after_it():
    text = ("Seis personas murieron en un ataque con drones contra Járkov la noche del lunes, informó este martes el "
            "gobernador Oleh Sinegubov.")
    assert claimants(text, "es") == ["el gobernador Oleh Sinegubov"]


def test_a_relative_clause_citing_the_source_is_no_other_voice():
    text = ("По данным министерства здравоохранения Газы, которые приводит телеканал «Аль-Джазира», число погибших "
            "превысило 45 000, а число раненых достигло 107 000.")
    assert set(claimants(text, "ru")) == {"министерство здравоохранения Газы"}


def test_a_document_named_by_its_nationality_after_the_noun_is_the_source_before():
    text = ("El Estado Mayor de Ucrania informó de 1.100 bajas rusas en un día. El parte ucraniano suma además "
            "38.000 sistemas de artillería destruidos.")
    assert set(claimants(text, "es", published="2025-06-10")) == {"El Estado Mayor de Ucrania"}


def test_das_opening_a_sentence_refers_back_and_is_no_relative_pronoun():
    text = ("Die Zahl der Toten nach dem russischen Großangriff auf Kiew ist auf 23 gestiegen. Das teilte der "
            "Bürgermeister Vitali Klitschko am Freitag mit.")
    got = extract(text, lang="de", published="2025-08-29")
    assert [(c.claimant, c.side, c.population) for c in got] == [
        ("der Bürgermeister Vitali Klitschko", "ukraine", "civilian")]


def test_a_report_as_subject_names_its_author():
    text = ("Russland verlor im Dezember im Schnitt 1.585 Soldaten pro Tag. Das geht aus dem jüngsten Lagebericht "
            "des britischen Verteidigungsministeriums hervor.")
    assert claimants(text, "de", published="2025-01-15") == ["britisches Verteidigungsministerium"]


def test_a_pronoun_joined_to_its_auxiliary_refers_back():
    text = ("Au moins 14 personnes ont été tuées à Kharkiv, a annoncé le gouverneur Oleh Synehoubov. Une trentaine "
            "d'autres ont été blessées et 6 sont portées disparues, a-t-il ajouté.")
    assert set(claimants(text, "fr")) == {"le gouverneur Oleh Synehoubov"}


def test_a_plural_source_after_jak_and_a_weekday():
    text = "Jak przekazały w czwartek władze obwodu charkowskiego, w ataku zginęło 7 osób."
    assert claimants(text, "pl") == ["władze obwodu charkowskiego"]


@pytest.mark.parametrize("text, lang, claimant, side", [
    ("Die israelische Armee hat nach eigenen Angaben seit Oktober 450 Soldaten verloren.", "de",
     "Die israelische Armee", "israel"),
    ("The Israeli army has lost 450 soldiers since October, according to its own figures.", "en",
     "The Israeli army", "israel"),
    ("Российская армия, по собственным данным, потеряла 5900 военных.", "ru", "Российская армия", "russia"),
    ("L'armée israélienne a perdu 450 soldats, selon ses propres chiffres.", "fr", "L'armée israélienne", "israel"),
])
def test_a_subject_giving_its_own_figures_is_the_source_and_the_loser(text, lang, claimant, side):
    (claim,) = extract(text, lang=lang, published="2025-06-10")
    assert (claim.claimant, claim.side) == (claimant, side)


def test_a_german_name_opening_with_an_extended_participle_is_read_whole():
    text = "Nach Angaben der von der Hamas kontrollierten Gesundheitsbehörde wurden 60.000 Menschen getötet."
    assert claimants(text, "de") == ["von der Hamas kontrollierten Gesundheitsbehörde"]


def test_a_description_with_a_hyphenated_modifier_refers_back_and_a_projection_looks_ahead():
    text = ("Russia has suffered about 950,000 casualties, according to the Center for Strategic and International "
            "Studies. Russian casualties could reach 1 million by August, the Washington-based think tank said. "
            "The report estimated Ukrainian casualties at about 400,000.")
    claims = extract(text, lang="en", published="2025-06-03")
    assert {c.claimant for c in claims} == {"the Center for Strategic and International Studies"}
    assert [(c.value, c.as_of) for c in claims] == [(950000, "2025-06-03"), (1_000_000, "2025-08"),
                                                    (400000, "2025-06-03")]


@pytest.mark.parametrize("text, lang", [
    ("According to an earlier estimate by Mediazona, about 165,000 Russian soldiers have been killed.", "en"),
    ("Enligt en tidigare beräkning av Mediazona har omkring 165 000 ryska soldater dödats.", "sv"),
])
def test_the_author_of_an_earlier_estimate_is_the_source(text, lang):
    assert claimants(text, lang) == ["Mediazona"]


def test_fatal_counts_as_killed():
    text = "Ukraine has sustained about 400,000 casualties, between 60,000 and 100,000 of them fatal, the report said."
    (_, fatal) = extract(text, lang="en", published="2025-06-03")
    assert (fatal.category, fatal.low, fatal.high) == ("killed", 60000, 100000)


@pytest.mark.parametrize("text, lang", [
    ("Наприкінці грудня Пентагон оцінював втрати контингенту КНДР у кілька сотень убитих і поранених. 11 січня, як "
     "повідомляла СБУ, українські військові взяли в полон двох солдатів КНДР.", "uk"),
    ("В конце декабря Пентагон оценивал потери контингента КНДР в несколько сотен убитых и раненых. 11 января, как "
     "сообщала СБУ, украинские военные взяли в плен двух солдат КНДР.", "ru"),
])
def test_imperfective_past_verbs_of_saying_name_their_source(text, lang):
    assert claimants(text, lang) == ["Пентагон", "СБУ"]


def test_a_time_opening_a_german_sentence_is_no_source_the_subject_follows_the_auxiliary():
    text = ("Zwei Jahre nach Beginn der Invasion hat die Plattform Oryx den Verlust von 2.700 russischen Kampfpanzern "
            "dokumentiert.")
    assert claimants(text, "de") == ["die Plattform Oryx"]


@pytest.mark.parametrize("text, lang", [
    ("Defence minister Mykhailo Fedorov says drones cause most casualties. 'In January our drone units confirmed "
     "35,000 Russian soldiers killed or wounded,' he said.", "en"),
    ("Міністр оборони Михайло Федоров заявив, що дрони завдають найбільших втрат. «У січні наші підрозділи "
     "підтвердили 35 тисяч убитих і поранених російських військових», — сказав він.", "uk"),
])
def test_a_first_person_subject_inside_a_quote_speaks_for_the_speaker(text, lang):
    (claimant,) = claimants(text, lang)
    assert "Федоров" in claimant or "Fedorov" in claimant


@pytest.mark.parametrize("text, lang, claimant", [
    ("Laut Oryx wurden mehr als 3000 russische Panzer zerstört, die durch Fotos oder Videos belegt sind.", "de",
     "Oryx"),
    ("According to Oryx, 3,000 Russian tanks have been lost, a count confirmed by photos, the site said.", "en",
     "Oryx"),
])
def test_according_to_before_the_figure_names_the_source_over_a_later_verb(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


@pytest.mark.parametrize("text, lang, claimant, via", [
    ("El número de muertos en Bélgorod se elevó a 14, dijo a la agencia TASS el gobernador regional.", "es",
     "el gobernador regional", ["la agencia TASS"]),
    ("« Douze personnes ont été tuées à Odessa », a déclaré à l'AFP un porte-parole des secours.", "fr",
     "un porte-parole des secours", ["l'AFP"]),
])
def test_the_source_after_the_outlet_it_spoke_to(text, lang, claimant, via):
    (claim,) = extract(text, lang=lang, published="2025-06-10")
    assert (claim.claimant, claim.via) == (claimant, via)


@pytest.mark.parametrize("text, lang, claimant", [
    # the source before a relative clause and a date
    ("UALosses, som samlar namn ur dödsannonser, hade per den 18 november identifierat minst 87 000 ukrainska "
     "soldater som dödats.", "sv", "UALosses"),
    ("Mediazona, which counts obituaries, had by 18 November identified 87,000 Russian soldiers killed.", "en",
     "Mediazona"),
    # a figure in words is the pivot between its source and a later denial
    ("Ryska försvarsministeriet hävdar att Ukraina har förlorat nästan en miljon soldater, en uppgift som Kiev "
     "avfärdar.", "sv", "Ryska försvarsministeriet"),
    ("Russia's defence ministry claims Ukraine has lost almost a million soldiers, a figure that Kyiv rejects.", "en",
     "Russia's defence ministry"),
])
def test_the_source_past_a_relative_clause_a_date_or_a_later_denial(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


@pytest.mark.parametrize("text, lang, claimant", [
    ("Total combat losses of the enemy: personnel — about 1,101,200 (+960), tanks — 11,140 (+4).\n"
     "Source: the General Staff's Telegram channel.", "en", "the General Staff's Telegram channel"),
    ("Загальні бойові втрати ворога: особовий склад — близько 1 101 200 (+960), танки — 11 140 (+4).\n"
     "Бої тривали на Покровському напрямку.\nДжерело: телеграм-канал Генштабу.", "uk", "Генштаб"),
])
def test_a_credit_line_names_the_source_of_the_figures_before_it(text, lang, claimant):
    got = extract(text, lang=lang, published="2025-11-20")
    assert len(got) == 4 and {c.claimant for c in got} == {claimant}
    assert {c.side for c in got} == {"russia"}  # "the enemy" of the General Staff


def test_a_photo_credit_names_no_source():
    text = "Russia lost 11,140 tanks, officials say.\nPhoto: Reuters"
    assert claimants(text, "en") == ["officials"]


def test_a_known_source_in_the_genitive_is_cited_in_the_nominative():
    text = "За оцінкою британського міністерства оборони, Росія втратила близько 500 тисяч військових."
    assert claimants(text, "uk") == ["британське міністерство оборони"]


@pytest.mark.parametrize("text, lang, claimant", [
    ("Американський Центр стратегічних і міжнародних досліджень оцінив втрати Росії у 950 тисяч.", "uk",
     "Американський Центр стратегічних і міжнародних досліджень"),
    ("Московский центр политических и военных исследований оценил потери армии в 20 тысяч убитых.", "ru",
     "Московский центр политических и военных исследований"),
])
def test_a_name_with_a_lower_case_and_inside_is_whole(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


def test_a_bound_word_after_the_verb_is_no_source():
    text = ("Аналітики CSIS оцінили втрати Росії у 950 тисяч. Втрати України аналітики оцінюють приблизно в 400 "
            "тисяч.")
    assert claimants(text, "uk") == ["Аналітики CSIS", "Аналітики CSIS"]


@pytest.mark.parametrize("text, lang, claimant", [
    ("Nach UN-Angaben wurden in der Ukraine seit Kriegsbeginn mehr als 12.000 Zivilisten getötet.", "de", "UN"),
    ("Bei dem russischen Angriff auf Sumy kamen nach Behördenangaben mindestens sechs Menschen ums Leben.", "de",
     "Behörden"),
    ("Laut Militärangaben hat Russland im Mai rund 35.000 Soldaten verloren.", "de", "Militär"),
    # the linking "s" of the first part is no part of the name
    ("Nach Regierungsangaben hat Russland im Mai rund 35.000 Soldaten verloren.", "de", "Regierung"),
    ("Minst nio civila dödades i den ryska attacken mot Sumy, enligt FN-uppgifter.", "sv", "FN"),
])
def test_a_compound_of_a_document_names_its_first_part_as_the_source(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


@pytest.mark.parametrize("text, lang, claimant", [
    # "after" before a name opens the name's clause: the name is the subject of the speech verb
    ("The warning came hours after Zelensky said that 43,000 Ukrainian soldiers had been killed.", "en", "Zelensky"),
    # ... while "after" before a description is a setting between the source and its verb
    ("Zelensky after the meeting said that 43,000 Ukrainian soldiers had been killed.", "en", "Zelensky"),
])
def test_a_name_after_a_conjunction_of_time_is_the_subject_of_its_clause(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


@pytest.mark.parametrize("text, lang", [
    ("Ryssland skickade 150 drönare under natten, av vilka 128 sköts ned, uppger det ukrainska flygvapnet.", "sv"),
    ("Rosja wystrzeliła 150 dronów, z których 128 zestrzelono, podały ukraińskie siły powietrzne.", "pl"),
    ("Rusia lanzó 150 drones, de los que 128 fueron derribados, informó la Fuerza Aérea ucraniana.", "es"),
])
def test_a_part_named_by_a_relative_pronoun_is_counted_and_no_source(text, lang):
    (claim,) = extract(text, lang=lang, published="2025-06-10")
    assert (claim.value, claim.category, claim.side) == (128, "drones", "russia")
    assert claim.claimant is not None and claim.claimant.casefold().endswith(("flygvapnet", "powietrzne", "ucraniana"))


@pytest.mark.parametrize("text, lang, claimant, via", [
    ("Des responsables américains cités par le New York Times jugeaient que 68 000 soldats ukrainiens étaient morts.",
     "fr", "responsables américains", ["le New York Times"]),
    ("Funcionarios estadounidenses citados por el New York Times estiman que 68.000 soldados ucranianos murieron.",
     "es", "Funcionarios estadounidenses", ["el New York Times"]),
])
def test_the_source_before_cited_by_an_outlet_with_an_article(text, lang, claimant, via):
    (claim,) = extract(text, lang=lang, published="2025-06-10")
    assert (claim.claimant, claim.via) == (claimant, via)


@pytest.mark.parametrize("text, lang", [
    ("The Center for Strategic and International Studies (CSIS) published a new report on Monday. According to the "
     "think tank based in Washington, about 940,000 Russian soldiers have been killed or wounded.", "en"),
    ("Le Center for Strategic and International Studies (CSIS) a publié lundi un rapport. Selon le groupe de "
     "réflexion basé à Washington, quelque 940 000 militaires russes ont été tués ou blessés.", "fr"),
])
def test_a_description_with_its_place_after_it_refers_back(text, lang):
    (claim,) = extract(text, lang=lang, published="2025-06-10")
    assert claim.claimant.endswith("Center for Strategic and International Studies")


def test_a_tally_of_the_source_before_stands_for_it():
    text = ("Les pertes russes s'élèvent à 1 012 300 soldats, a annoncé jeudi l'état-major ukrainien.\n"
            "Selon le décompte publié sur Telegram, les forces russes ont également perdu 10 987 chars.")
    assert claimants(text, "fr") == ["l'état-major ukrainien"] * 2


@pytest.mark.parametrize("text, lang, claimant", [
    ("Nyhetssajten Mediazona har tillsammans med BBC:s ryska tjänst identifierat 98 120 ryska soldater som dödats.",
     "sv", "Nyhetssajten Mediazona"),
    ("Syrskyj ger en annan bild. Enligt honom har Ryssland förlorat närmare 58 000 soldater i Kursk.", "sv", "Syrskyj"),
    ("Syrskyi paints a different picture. According to him, Russia has lost nearly 58,000 soldiers in Kursk.", "en",
     "Syrskyi"),
])
def test_a_partner_after_the_auxiliary_and_a_pronoun_in_the_object_case(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


def test_a_side_that_sank_ships_is_not_the_loser():
    (claim,) = extract("Ukraina har sänkt omkring 19 fartyg ur Svartahavsflottan, uppger flottan.", lang="sv",
                       published="2025-06-10")
    assert (claim.category, claim.side) == ("ships", "russia")


def test_a_pronoun_after_a_sentence_opened_by_a_known_name_stands_for_that_name():
    text = ("Ukraina har förlorat 74 000 soldater i Kursk, uppger ryska försvarsministeriet. Oleksandr Syrskyj ger en "
            "helt annan bild. Enligt honom har Ryssland förlorat närmare 58 000 soldater i Kursk.")
    assert claimants(text, "sv") == ["ryska försvarsministeriet", "Oleksandr Syrskyj"]


@pytest.mark.parametrize("text, lang, claimant", [
    ("Загальні втрати російських окупантів сягнули 1 000 470 осіб. Такі дані 11 червня оприлюднив Генеральний штаб "
     "ЗСУ.", "uk", "Генеральний штаб ЗСУ"),
    ("Общие потери российских войск достигли 1 000 470 человек. Такие данные 11 июня опубликовал Генштаб ВСУ.", "ru",
     "Генштаб ВСУ"),
])
def test_such_data_published_on_a_day_by_a_source_after_the_verb(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


@pytest.mark.parametrize("text, lang", [
    ("Американский Центр стратегических и международных исследований опубликовал доклад. По оценке аналитиков, "
     "российская армия потеряла около 940 тысяч человек убитыми и ранеными.", "ru"),
    ("Американський Центр стратегічних і міжнародних досліджень оприлюднив доповідь. За оцінкою аналітиків, "
     "російська армія втратила близько 940 тисяч людей убитими та пораненими.", "uk"),
])
def test_the_analysts_in_the_genitive_stand_for_the_source_before(text, lang):
    (claimant,) = claimants(text, lang)
    assert claimant.startswith("Американськ") or claimant.startswith("Американск")


@pytest.mark.parametrize("text, lang, claimant", [
    ("Volodymyr Zelensky said 44,800 Ukrainian soldiers had been killed. The Ukrainian leader said Russia had lost "
     "about 245,000 soldiers killed.", "en", "Volodymyr Zelensky"),
    ("Władimir Putin stwierdził, że Ukraina straciła prawie milion zabitych i rannych. W obwodzie kurskim Ukraina "
     "miała stracić ponad 47 tys. żołnierzy – mówił rosyjski przywódca.", "pl", "Władimir Putin"),
])
def test_a_leader_described_by_his_country_refers_back(text, lang, claimant):
    assert set(claimants(text, lang)) == {claimant}


@pytest.mark.parametrize("text, lang, claimant", [
    ("Министр обороны России Андрей Белоусов во вторник на расширенном заседании коллегии заявил, что уничтожены "
     "более 1 200 украинских танков.", "ru", "Министр обороны России Андрей Белоусов"),
    ("Міністр оборони Росії Сергій Шойгу у вівторок на селекторній нараді в Міноборони РФ заявив, що ЗСУ втратили "
     "понад 16 тисяч військових.", "uk", "Міністр оборони Росії Сергій Шойгу"),
    ("Для порівняння, у Генштабі ЗСУ оцінюють загальні втрати Росії у понад мільйон убитими та пораненими.", "uk",
     "Генштаб ЗСУ"),
])
def test_the_source_past_a_day_and_a_setting_and_not_an_opening_phrase(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


@pytest.mark.parametrize("text, lang, claimant", [
    ("Водночас Уповноважений Верховної Ради з прав людини Дмитро Лубінець наголосив, що в полоні залишаються понад "
     "9 тисяч українських військових.", "uk", "Дмитро Лубінець"),
    ("Zelenskyj gick ut med siffrorna sedan USA:s tillträdande president Donald Trump skrivit att 390 000 ukrainska "
     "soldater har dödats.", "sv", "Donald Trump"),
])
def test_a_name_closing_a_title_after_a_setting_word_is_the_source(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


@pytest.mark.parametrize("text, lang, claimant, side", [
    ("Putin avfärdade västliga uppgifter om förlusterna:\n– Det är inte 600 000 döda. Det är lögn, sade Putin.", "sv",
     "Putin", "russia"),
    ("Zelenski rechazó las cifras que circulan en medios rusos: “No son 400.000 muertos”, escribió Zelenski.", "es",
     "Zelenski", "ukraine"),
    ("Selenskyj nannte erstmals Zahlen. Angaben aus Moskau, die höhere Verluste nahelegen, wies er zurück: „Es sind "
     "nicht 400.000 Tote.“", "de", "Selenskyj", "ukraine"),
])
def test_who_rejects_a_figure_of_the_dead_rejects_his_own_sides(text, lang, claimant, side):
    (claim,) = extract(text, lang=lang, published="2025-02-16")
    assert (claim.claimant, claim.side, claim.stance) == (claimant, side, "disputed")


@pytest.mark.parametrize("text, lang", [
    ("Russia lost 1,150 soldiers over the past day, Ukraine's General Staff said. According to these figures, Russia "
     "has also lost 11,300 tanks.", "en"),
    ("L'armée russe a perdu 1 150 soldats, a affirmé l'état-major ukrainien. Selon ce décompte quotidien, que l'AFP "
     "ne peut vérifier de source indépendante, Moscou a également perdu 11 300 chars.", "fr"),
])
def test_a_document_named_with_this_stands_for_the_source_before(text, lang):
    found = claimants(text, lang, published="2025-11-14")
    assert len(found) == 2 and found[0] == found[1] and found[0].endswith(("Staff", "ukrainien"))


@pytest.mark.parametrize("text, lang", [
    ("Nach seiner Zählung verlor Moskau 10.990 Kampfpanzer. Hinzu kämen 1.190 Flugabwehrsysteme und 420 "
     "Kampfflugzeuge.", "de"),
    ("Según el parte, Rusia ha perdido 980 efectivos en la última jornada. El balance incluye además 11.600 tanques y "
     "430 aviones.", "es"),
])
def test_weapons_counted_in_a_sentence_that_goes_on_with_a_tally_are_losses(text, lang):
    found = extract(text, lang=lang, published="2025-07-04")
    assert {c.category for c in found[1:]} == ({"air_defense", "aircraft"} if lang == "de" else {"tanks", "aircraft"})
    assert {c.side for c in found} == {"russia"}


@pytest.mark.parametrize("text, lang", [
    ("The Center for Strategic and International Studies published a report on Tuesday. The Washington-based "
     "thinktank put Ukraine's losses at 500,000 to 600,000 killed or wounded.", "en"),
    ("Le Center for Strategic and International Studies a publié un rapport mardi. Selon ce groupe de réflexion, "
     "l'Ukraine a perdu entre 500 000 et 600 000 soldats tués ou blessés.", "fr"),
])
def test_a_thinktank_written_as_one_word_or_with_a_demonstrative_refers_back(text, lang):
    (claimant,) = claimants(text, lang)
    assert claimant.endswith("Center for Strategic and International Studies")


@pytest.mark.parametrize("text, lang, claimant", [
    ("Jeśli wierzyć ukraińskiemu Sztabowi Generalnemu, Rosja straciła już blisko milion żołnierzy.", "pl",
     "ukraińskiemu Sztabowi Generalnemu"),
    ("Если верить британской разведке, Россия теряет около 1000 военных в сутки.", "ru", "британская разведка"),
    ("Якщо вірити Генштабу ЗСУ, за добу росія втратила 1200 військових.", "uk", "Генштаб ЗСУ"),
    ("Si l'on en croit l'état-major ukrainien, la Russie a perdu 1 200 soldats en une journée.", "fr",
     "l'état-major ukrainien"),
    ("Om man ska tro Kreml har Ukraina förlorat 500 000 soldater.", "sv", "Kreml"),
])
def test_if_one_believes_a_source_it_is_the_source(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


@pytest.mark.parametrize("text, lang, claimant", [
    # the seat after a name's acronym is no source: the name before it is
    ("The International Institute for Strategic Studies (IISS) in London estimated that Russia had lost about 1,400 "
     "tanks in 2024.", "en", "The International Institute for Strategic Studies"),
    # a date in commas before the verb, then what was published: the source opens the sentence
    ("Генеральный штаб ВСУ утром во вторник, 3 июня, опубликовал новые данные: за сутки уничтожено 1150 российских "
     "военных.", "ru", "Генеральный штаб ВСУ"),
])
def test_the_source_is_not_a_place_nor_what_it_published(text, lang, claimant):
    assert claimants(text, lang) == [claimant]


def test_a_live_blog_entry_headline_names_its_source_after_its_time():
    text = ("+++ 09:40 Uhr – Kreml: 30 ukrainische Drohnen über Belgorod abgeschossen +++\n"
            "+++ 09:10 Uhr – UN: Mehr als 13.000 getötete Zivilisten in der Ukraine +++")
    assert claimants(text, "de") == ["Kreml", "UN"]


GAZA = {"en": "Gaza's health ministry says 60,000 Palestinians have been killed. ",
        "de": "Nach Angaben der Gesundheitsbehörde in Gaza wurden 60.000 Palästinenser getötet. ",
        "pl": "Według ministerstwa zdrowia w Gazie zginęło 60 tys. Palestyńczyków. "}


@pytest.mark.parametrize("text, lang, side", [
    ("The Israeli army says 412 of its soldiers have been killed in Gaza since the ground offensive began.", "en",
     "israel"),
    ("Die israelische Armee teilte mit, seit Beginn der Bodenoffensive seien 450 ihrer Soldaten im Gazastreifen "
     "gefallen.", "de", "israel"),
    ("Według danych izraelskiej armii w walkach w Strefie Gazy zginęło 450 jej żołnierzy.", "pl", "israel"),
    # the possessive refers to the party the sentence names, not to the source
    ("Russia's defence ministry said Ukraine had lost 500 of its soldiers near Pokrovsk.", "en", "ukraine"),
])
def test_a_source_counting_its_own_soldiers_is_the_loser(text, lang, side):
    # after the other side's dead: the running side is theirs
    claims = extract(GAZA[lang] + text, lang=lang, published="2025-08-01")
    assert [c.side for c in claims] == ["palestine", side]


@pytest.mark.parametrize("text, lang, claimant, side", [
    # no comma after the source: a side's troops and their loss verb open the next clause
    ("Według brytyjskiego wywiadu wojska rosyjskie straciły w maju 40 tys. żołnierzy.", "pl",
     "brytyjski wywiad", "russia"),
    ("Selon l'état-major ukrainien les forces russes ont perdu 1 150 soldats en une journée.", "fr",
     "l'état-major ukrainien", "russia"),
    # troops named inside the source's name, with no loss right after them, stay in it
    ("Selon l'état-major des forces armées ukrainiennes, la Russie a perdu 1 150 soldats en une journée.", "fr",
     "l'état-major des forces armées ukrainiennes", "russia"),
])
def test_troops_losing_after_the_source_open_the_next_clause(text, lang, claimant, side):
    (claim,) = extract(text, lang=lang, published="2025-06-10")
    assert (claim.claimant, claim.side) == (claimant, side)


@pytest.mark.parametrize("text, lang, claimant", [
    # the owner named in the genitive before its document is the source, and refers back like it
    ("Ukraine's General Staff puts Russia's losses at over a million. According to the General Staff's daily "
     "report, 1,120 Russian soldiers were killed or wounded over the past day.", "en", "Ukraine's General Staff"),
    ("Ukrainas generalstab uppger att Ryssland har förlorat en miljon soldater. Enligt generalstabens dagliga "
     "rapport dödades eller sårades 1 120 ryska soldater under det senaste dygnet.", "sv", "Ukrainas generalstab"),
    # the words before the document are not all its modifiers: they stay in the source's name
    ("According to Britain's defence intelligence update, Russia lost 1,300 soldiers a day in June.", "en",
     "Britain's defence intelligence update"),
])
def test_the_owner_of_a_document_is_its_source(text, lang, claimant):
    assert claimants(text, lang)[-1] == claimant


def test_a_time_after_a_document_is_no_source():
    text = ("Le commandant en chef ukrainien, Oleksandr Syrsky, a dressé jeudi le bilan de l'année écoulée. Selon "
            "lui, les pertes russes se sont élevées à 418 000 militaires tués ou blessés.")
    assert claimants(text, "fr") == ["Oleksandr Syrsky"]


def test_a_speaker_a_pronoun_names_goes_on_to_the_sentences_after():
    text = ("Die Fakten: Präsident Wolodymyr Selenskyj hat die eigenen Verluste nur selten beziffert. Im Februar sagte "
            "er, 46.000 ukrainische Soldaten seien getötet worden. Zehntausende gälten als vermisst.")
    assert claimants(text, "de", "2025-03-14") == ["Wolodymyr Selenskyj", "Wolodymyr Selenskyj"]


def test_a_label_before_a_colon_is_no_source():
    text = "Faktencheck: Nein, die Ukraine hat nicht 400.000 gefallene Soldaten gemeldet"
    assert "Faktencheck" not in claimants(text, "de", "2025-03-14")


def test_a_project_that_lists_the_dead_is_their_source():
    text = "The Ukrainian project UALosses lists more than 70,000 Ukrainian soldiers killed."
    assert claimants(text, "en") == ["The Ukrainian project UALosses"]


def test_one_source_read_twice_in_a_sentence_of_several_figures_is_one_voice():
    text = ("Al menos doce personas murieron y otras 87 resultaron heridas en el ataque que Rusia lanzó durante la "
            "madrugada contra Kiev, según informó el jefe de la Administración Militar de la capital, Timur Tkachenko.")
    assert claimants(text, "es") == ["Timur Tkachenko", "Timur Tkachenko"]


@pytest.mark.parametrize("text, lang, want", [
    # the report named again refers to the source that an earlier mention of it named, not to the last speaker
    ("The Kremlin dismissed a report by the Center for Strategic and International Studies on Tuesday. \"These "
     "figures are not serious,\" Peskov said. According to the report, Russia has lost up to 250,000 killed. Its "
     "authors put Ukraine's dead at 60,000 to 100,000.", "en",
     ["Center for Strategic and International Studies", "Center for Strategic and International Studies"]),
    # "according to which": the document before, and the name it was given
    ("Песков отказался комментировать доклад американского Центра стратегических и международных исследований "
     "(CSIS), согласно которому Россия потеряла около 1,2 млн человек убитыми и ранеными.", "ru", ["CSIS"]),
])
def test_a_document_named_again_speaks_for_its_author(text, lang, want):
    assert claimants(text, lang) == want


def test_a_source_that_gave_an_estimate_is_the_subject_not_the_estimates_adjective():
    text = "Seoul's National Intelligence Service had earlier given a lower estimate of 4,700 North Korean casualties."
    assert claimants(text, "en") == ["Seoul's National Intelligence Service"]


def test_where_a_document_was_published_is_not_its_source():
    text = ("El Estado Mayor ucraniano informó de 1.180 bajas rusas en las últimas 24 horas. Según el parte diario "
            "publicado en Facebook, Rusia perdió además 12 tanques.")
    assert "Facebook" not in claimants(text, "es", "2025-03-15")
