"""The Polish pack (lang/pl) on sentences written for these tests: numbers with their case forms, every category
in the inflected forms of news text, sides, population, attribution with claimant case forms, dates, modality
and language detection."""

from __future__ import annotations

import pytest

from lossledger import extract, find_numbers
from lossledger.extract.language import detect

PUB = "2025-06-12"


def claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=PUB, lang="pl")]


def one(text: str) -> dict:
    got = claims(text)
    assert len(got) == 1, got
    return got[0]


def number(text: str) -> tuple:
    qs = find_numbers(text, "pl")
    assert len(qs) == 1, qs
    q = qs[0]
    return q.value, q.low, q.high, q.qualifier


@pytest.mark.parametrize("text, want", [
    # grouping with spaces or dots, decimals with a comma, abbreviated scales
    ("zginęło 16 100 żołnierzy", (16100, 16100, 16100, "exact")),
    ("zginęło 16\u00a0100 żołnierzy", (16100, 16100, 16100, "exact")),
    ("zginęło 16.100 żołnierzy", (16100, 16100, 16100, "exact")),
    ("straty to 1,2 mln żołnierzy", (1.2e6, 1.2e6, 1.2e6, "exact")),
    ("zginęło 27 tys. żołnierzy", (27000, 27000, 27000, "exact")),
    ("pomoc warta 18 mld zł", (18e9, 18e9, 18e9, "exact")),
    # the case forms of tysiąc and milion, numerals in their cases
    ("zginął tysiąc żołnierzy", (1000, 1000, 1000, "exact")),
    ("zginęły dwa tysiące żołnierzy", (2000, 2000, 2000, "exact")),
    ("zginęło pięć tysięcy żołnierzy", (5000, 5000, 5000, "exact")),
    ("straty sięgnęły miliona żołnierzy", (1e6, 1e6, 1e6, "exact")),
    ("straty to trzy miliony", (3e6, 3e6, 3e6, "exact")),
    ("straty to pół miliona", (500000, 500000, 500000, "exact")),
    ("straty to półtora miliona", (1.5e6, 1.5e6, 1.5e6, "exact")),
    ("zginęło dwudziestu trzech żołnierzy", (23, 23, 23, "exact")),
    ("zniszczono dwieście pięćdziesiąt czołgów", (250, 250, 250, "exact")),
    ("mowa o trzystu pięćdziesięciu tysiącach", (350000, 350000, 350000, "exact")),
    # qualifiers
    ("około 7000 zabitych", (7000, 7000, 7000, "approx")),
    ("ok. 7000 zabitych", (7000, 7000, 7000, "approx")),
    ("prawie 16 100 żołnierzy", (16100, 16100, 16100, "approx")),
    ("ponad 16 tys. poległych", (16000, 16000, None, "at_least")),
    ("co najmniej 12 rannych", (12, 12, None, "at_least")),
    ("do 50 tys. żołnierzy", (50000, None, 50000, "at_most")),
    ("mniej niż 100 zabitych", (100, None, 100, "at_most")),
    # collective and masculine-personal numerals
    ("zginęło troje dzieci", (3, 3, 3, "exact")),
    ("zginęli dwaj żołnierze", (2, 2, 2, "exact")),
])
def test_numbers(text, want):
    assert number(text) == want


@pytest.mark.parametrize("text, low, high, qualifier", [
    ("od 500 do 600 żołnierzy", 500, 600, "range"),
    ("między 500 a 600 żołnierzy", 500, 600, "range"),
    ("500-600 żołnierzy", 500, 600, "range"),
    ("dziesiątki tysięcy żołnierzy", 10000, 99999, "vague"),
    ("setki tysięcy żołnierzy", 100000, 999999, "vague"),
    ("kilka tysięcy żołnierzy", 1000, 9999, "vague"),
    ("setki żołnierzy", 100, 999, "vague"),
])
def test_ranges_and_vague(text, low, high, qualifier):
    q = find_numbers(text, "pl")[0]
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize("text, category", [
    ("Według Kijowa w walkach zginęło 1200 rosyjskich żołnierzy.", "killed"),
    ("Według Kijowa 800 rosyjskich żołnierzy zostało rannych.", "wounded"),
    ("Według Kijowa Rosja straciła 3000 żołnierzy zabitych i rannych.", "killed_or_wounded"),
    ("Według Kijowa straty osobowe Rosji wyniosły 950 000 żołnierzy.", "killed_or_wounded"),
    ("Według Moskwy do niewoli wzięto 640 ukraińskich żołnierzy.", "captured"),
    ("Według Kijowa 2300 ukraińskich żołnierzy uznaje się za zaginionych.", "missing"),
    ("Według Kijowa Rosja straciła 600 000 żołnierzy.", "losses"),
    ("Sztab Generalny podał, że Rosja straciła 10 933 czołgi.", "tanks"),
    ("Sztab Generalny podał, że Rosja straciła 22 750 bojowych wozów opancerzonych.", "armored_vehicles"),
    ("Sztab Generalny podał, że Rosja straciła 29 800 systemów artyleryjskich.", "artillery"),
    ("Sztab Generalny podał, że Rosja straciła 1420 wieloprowadnicowych wyrzutni rakietowych.", "mlrs"),
    ("Sztab Generalny podał, że Rosja straciła 1180 systemów obrony przeciwlotniczej.", "air_defense"),
    ("Sztab Generalny podał, że Rosja straciła 420 samolotów.", "aircraft"),
    ("Sztab Generalny podał, że Rosja straciła 340 śmigłowców.", "helicopters"),
    ("Sztab Generalny podał, że Rosja straciła 41 000 bezzałogowych statków powietrznych.", "drones"),
    ("Sztab Generalny podał, że Rosja straciła 3500 pocisków manewrujących.", "cruise_missiles"),
    ("Sztab Generalny podał, że Rosja straciła 28 okrętów i kutrów.", "ships"),
    ("Sztab Generalny podał, że Rosja straciła 2 okręty podwodne.", "submarines"),
    ("Sztab Generalny podał, że Rosja straciła 55 000 samochodów i cystern.", "vehicles"),
    ("Sztab Generalny podał, że Rosja straciła 3900 jednostek sprzętu specjalnego.", "special_equipment"),
])
def test_every_category(text, category):
    assert one(text)["category"] == category


def test_general_staff_list_is_one_claim_per_item():
    text = ("Sztab Generalny Sił Zbrojnych Ukrainy poinformował, że od początku inwazji Rosja straciła 11 000 czołgów, "
            "22 900 pojazdów opancerzonych, 420 samolotów i 28 okrętów.")
    got = {c["category"]: c["value"] for c in claims(text)}
    assert got == {"tanks": 11000, "armored_vehicles": 22900, "aircraft": 420, "ships": 28}


def test_equipment_handed_over_is_no_loss():
    assert claims("Według raportu Polska przekazała Ukrainie 318 czołgów i 586 pojazdów opancerzonych.") == []


def test_money_is_no_loss():
    assert claims("Według MSZ Polska przekaże 100 mln dolarów na pomoc dla Ukrainy.") == []


@pytest.mark.parametrize("text, side", [
    ("Według Kijowa zginęło 1200 rosyjskich żołnierzy.", "russia"),
    ("Według Moskwy zginęło 900 ukraińskich żołnierzy.", "ukraine"),
    ("Według Sztabu Generalnego Ukraińcy zniszczyli 14 czołgów.", "russia"),
    ("Według ukraińskiego resortu obrony wróg stracił 1200 żołnierzy w ciągu doby.", "russia"),
    ("Według Trumpa w ubiegłym miesiącu zginęło 27 tys. ukraińskich i rosyjskich żołnierzy.", "both"),
    ("Według ONZ straty obu stron sięgnęły 500 000 żołnierzy.", "both"),
    ("Dwunastu żołnierzy zginęło w starciach z rosyjskimi wojskami.", "ukraine"),
])
def test_sides(text, side):
    assert one(text)["side"] == side


def test_place_is_not_the_side():
    assert one("Według Moskwy w Rosji zginęło 300 północnokoreańskich żołnierzy.")["side"] == "north korea"


@pytest.mark.parametrize("text, population", [
    ("Według Kijowa zginęło 1200 rosyjskich żołnierzy.", "military"),
    ("Według ONZ zginęło 12 000 ukraińskich cywilów.", "civilian"),
    ("Według władz w rosyjskim ataku na Charków zginęło 14 osób.", "civilian"),
])
def test_population(text, population):
    assert one(text)["population"] == population


@pytest.mark.parametrize("text, claimant", [
    ("Mediazona wraz z BBC ustaliła nazwiska 106 745 poległych rosyjskich żołnierzy.", "Mediazona wraz z BBC"),
    # case forms after "według"/"zdaniem" are reported in the nominative
    ("Według Sztabu Generalnego Sił Zbrojnych Ukrainy Rosja straciła 1000 żołnierzy w ciągu doby.",
     "Sztab Generalny Sił Zbrojnych Ukrainy"),
    ("Zdaniem Pentagonu w wojnie zginęło około 7000 Rosjan.", "Pentagon"),
    ("Według Zełenskiego zginęło 43 000 ukraińskich żołnierzy.", "Zełenski"),
    ("Rosyjskie Ministerstwo Obrony poinformowało, że zginęło 600 ukraińskich żołnierzy.",
     "Rosyjskie Ministerstwo Obrony"),
    ("W walkach zginęło 31 000 ukraińskich żołnierzy – powiedział Zełenski.", "Zełenski"),
    # an adverb and the opening quote of a quoted speech verb stand between the source and the verb
    ('Brytyjski wywiad obecnie "ostrożnie szacuje", że zginęło około 40 000 rosyjskich żołnierzy.',
     "Brytyjski wywiad"),
])
def test_claimant(text, claimant):
    assert one(text)["claimant"] == claimant


def test_claimant_names_one_entity_across_languages():
    from lossledger.extract.claimants import lookup

    assert lookup("Sztabu Generalnego Sił Zbrojnych Ukrainy").name == "General Staff of the Armed Forces of Ukraine"
    assert lookup("rosyjski MON").name == "Ministry of Defence of the Russian Federation"


def test_the_ukrainians_after_wedlug_carry_the_last_source():
    text = ("Sztab Generalny Sił Zbrojnych Ukrainy podał w poniedziałek nowe dane. Według Ukraińców straty "
            "rosyjskie to także 300 czołgów.")
    assert one(text)["claimant"] == "Sztab Generalny Sił Zbrojnych Ukrainy"


def test_pronoun_takes_the_last_claimant():
    text = ("Donald Trump powiedział we wtorek, że chce pokoju. Według niego w wojnie zginęło 27 tys. żołnierzy "
            "rosyjskich.")
    assert one(text)["claimant"] == "Donald Trump"


@pytest.mark.parametrize("text, as_of", [
    ("W 300. dniu wojny sztab podał, że zginęło 95 tys. rosyjskich żołnierzy.", "2022-12-20"),
    ("Trwa szósty dzień inwazji, a według sztabu zginęło 5300 rosyjskich żołnierzy.", "2022-03-01"),
    ("Rosja po raz pierwszy poinformowała 2 marca 2022 r. o 498 poległych żołnierzach.", "2022-03-02"),
    ("Według Kijowa 3 marca zginęło 800 rosyjskich żołnierzy.", "2025-03-03"),
    ("Sztab poinformował w poniedziałek, że zginęło 1100 rosyjskich żołnierzy.", "2025-06-09"),
    ("Sztab poinformował wczoraj, że zginęło 1100 rosyjskich żołnierzy.", "2025-06-11"),
])
def test_dates(text, as_of):
    assert one(text)["as_of"] == as_of


def test_daily_tally_is_a_count_for_that_day():
    c = one("Według Sztabu Generalnego w ciągu ostatniej doby zginęło 1050 rosyjskich żołnierzy.")
    assert (c["metric"], c["period_start"], c["period_end"]) == ("count", PUB, PUB)


def test_year_total_is_a_period():
    c = one("Według Kijowa w 2024 roku zginęło 430 000 rosyjskich żołnierzy.")
    assert (c["period_start"], c["period_end"]) == ("2024-01-01", "2024-12-31")


def test_rate_per_day():
    assert one("Według Kijowa Rosja traci średnio 1200 żołnierzy dziennie.")["metric"] == "per_day"


@pytest.mark.parametrize("text, modality", [
    ("Według brytyjskiego wywiadu Rosja mogła stracić 700 000 żołnierzy.", "hedged"),
    ("Według brytyjskiego wywiadu Rosja prawdopodobnie straciła 700 000 żołnierzy.", "hedged"),
    ("Według CSIS straty Rosji mogą sięgnąć 2 mln żołnierzy do wiosny 2026 roku.", "projection"),
    ("Według CSIS Rosja straciła 950 000 żołnierzy.", "reported"),
    # a hedge on the verb that governs the "że" clause softens the figure in it
    ("Pentagon ostrożnie szacuje, że zginęło około 9000 rosyjskich żołnierzy.", "hedged"),
    ("Pentagon szacuje, że zginęło około 9000 rosyjskich żołnierzy.", "reported"),
])
def test_modality(text, modality):
    assert one(text)["modality"] == modality


def test_dispute():
    assert one("Kreml oświadczył, że nie 300 000 rosyjskich żołnierzy zginęło.")["stance"] == "disputed"


@pytest.mark.parametrize("text, lang", [
    ("Według Sztabu Generalnego Sił Zbrojnych Ukrainy Rosja straciła już ponad milion żołnierzy, a w ciągu "
     "ostatniej doby zginęło kolejnych tysiąc.", "pl"),
    ("Según el Estado Mayor ucraniano, Rusia ha perdido más de un millón de soldados desde el inicio.", "es"),
    ("The General Staff said Russia has lost more than a million soldiers since the start of the invasion.", "en"),
])
def test_detection(text, lang):
    assert detect(text) == lang


def test_then_dates_a_sentence_like_the_one_before():
    text = 'Rosja podała pierwsze dane 2 maja. Wówczas rosyjski MON mówił o 498 poległych żołnierzach.'
    assert one(text)["as_of"] == "2025-05-02"


def test_average_with_its_rate_before_the_number():
    text = 'Średnie dzienne straty Rosji wyniosły w grudniu 1500 żołnierzy, podał Londyn.'
    assert one(text)["metric"] == "per_day"


def test_source_owning_a_document_in_the_genitive():
    text = "Według najnowszej oceny brytyjskiego ministerstwa obrony Rosja straciła 1500 żołnierzy w ciągu doby."
    assert one(text)["claimant"] == "brytyjskie Ministerstwo Obrony"


def test_a_million_by_the_end_of_the_year_is_a_figure():
    text = "Straty Rosji mogą przekroczyć milion do końca roku – ocenia brytyjski wywiad."
    assert one(text)["value"] == 1000000


def test_a_year_abbreviated_r_ends_no_sentence():
    text = "Z danych sztabu wynika, że w 2023 r. Rosjanie tracili średnio 690 żołnierzy dziennie."
    got = one(text)
    assert got["metric"] == "per_day" and got["period_start"] == "2023-01-01"


def test_a_fronted_loss_object_with_a_dropped_subject_takes_the_source_before():
    text = ("Prezydent Wołodymyr Zełenski przekazał w niedzielę, że zginęło 43 tys. ukraińskich żołnierzy. "
            "Straty Rosji ocenił na 198 tys. zabitych.")
    got = {c["value"]: c for c in claims(text)}
    assert got[198000]["claimant"] == got[43000]["claimant"] == "Prezydent Wołodymyr Zełenski"
    assert got[198000]["side"] == "russia"


@pytest.mark.parametrize("text, claimant", [
    ("Prezydent Wołodymyr Zełenski po raz pierwszy od dawna podał, że zginęło 31 tys. ukraińskich żołnierzy.",
     "Prezydent Wołodymyr Zełenski"),
    ("Amerykańscy urzędnicy, na których powołuje się dziennik, szacowali liczbę zabitych Ukraińców na 70 tys.",
     "Amerykańscy urzędnicy"),
])
def test_the_source_before_a_setting_or_a_relative_clause(text, claimant):
    assert one(text)["claimant"] == claimant


def test_a_date_after_z_is_no_opponent():
    text = "Według danych Sztabu Generalnego z soboty Rosja straciła około 409 010 żołnierzy."
    assert one(text)["side"] == "russia"


def test_list_items_with_words_before_the_loss_word_or_an_abbreviation_after_it():
    text = ("Rosjanie stracili także: systemy artyleryjskie – 33 900 (+30), wyrzutnie rakietowe (MLRS) – 1 520, "
            "systemy obrony przeciwlotniczej – 1 230, samoloty – 427.")
    assert [(c["value"], c["category"]) for c in claims(text)] == [
        (33900, "artillery"), (30, "artillery"), (1520, "mlrs"), (1230, "air_defense"), (427, "aircraft")]


def test_victims_of_russian_attacks_are_ukrainian_and_stanu_na_is_a_date_not_a_source():
    text = ("Misja ONZ poinformowała, że w wyniku rosyjskich ataków zginęło co najmniej 281 cywilów. Według stanu na "
            "31 maja misja potwierdziła śmierć 13 500 cywilów.")
    found = claims(text)
    assert [(c["value"], c["side"]) for c in found] == [(281, "ukraine"), (13500, "ukraine")]
    assert {c["claimant"] for c in found} == {"Misja ONZ"}


def test_a_quote_opened_by_a_dash_takes_the_speaker_who_closes_it():
    text = ("Putin mówił o milionie zabitych i rannych Ukraińców. Zełenski odpowiedział w piątek. – Nie 400 tysięcy "
            "poległych, nie 200 tysięcy. To kłamstwo – oświadczył prezydent Ukrainy.")
    assert [c["claimant"] for c in claims(text) if c["value"] in (400000, 200000)] == ["prezydent Ukrainy"] * 2


@pytest.mark.parametrize("text", [
    # a pronoun after the verb, past an adverb of "so far" that opens the sentence
    "Projekt UALosses liczy poległych. Do tej pory potwierdził on śmierć 76 tys. żołnierzy ukraińskich.",
    # "in their opinion": the pronoun before the word of 'according to'
    "Projekt UALosses liczy poległych. Ich zdaniem zginęło co najmniej 76 tys. żołnierzy ukraińskich.",
    # "according to the same data", "according to the morning report, they amount to": the source before
    "Projekt UALosses podał nowe dane. Według tych samych danych zginęło 76 tys. żołnierzy ukraińskich.",
    "Projekt UALosses podał nowe dane. Według porannego komunikatu wynoszą one 76 tys. zabitych żołnierzy "
    "ukraińskich.",
])
def test_a_source_referred_back_to_by_a_pronoun_or_the_same_data(text):
    claim = one(text)
    assert claim["value"] == 76000 and "UALosses" in claim["claimant"]


def test_a_figure_that_follows_from_a_communique_has_its_author_as_source():
    text = ("Od początku inwazji Rosja straciła już 868 070 żołnierzy – wynika z komunikatu Sztabu Generalnego Sił "
            "Zbrojnych Ukrainy.")
    assert one(text)["claimant"] == "Sztab Generalny Sił Zbrojnych Ukrainy"


def test_a_city_after_an_attack_of_missiles_and_drones_is_its_target():
    text = ("Co najmniej 12 osób zginęło w wyniku nocnego ataku rakietowo-dronowego na Kijów – poinformowała "
            "Państwowa Służba Ukrainy ds. Sytuacji Nadzwyczajnych.")
    got = one(text)
    assert (got["side"], got["claimant"]) == ("ukraine", "Państwowa Służba Ukrainy ds. Sytuacji Nadzwyczajnych")


def test_nie_zyje_counts_the_dead():
    assert one("Nie żyje co najmniej 15 osób po rosyjskim ataku na Odessę.")["category"] == "killed"


def test_drones_neutralised_after_the_air_forces_report_are_the_launchers():
    text = ("Według Sił Powietrznych Ukrainy Rosja przeprowadziła w nocy atak, wysyłając 600 dronów oraz 11 rakiet. "
            "Obrona powietrzna zneutralizowała 590 dronów i wszystkie jedenaście pocisków manewrujących.")
    got = [(c["value"], c["category"], c["side"], c["claimant"]) for c in claims(text)]
    assert got == [(590, "drones", "russia", "Siły Powietrzne Ukrainy"),
                   (11, "cruise_missiles", "russia", "Siły Powietrzne Ukrainy")]


def test_a_million_in_the_locative_is_a_number():
    assert [q.value for q in find_numbers("Propaganda mówi o milionie zabitych.", "pl")] == [1_000_000]


def test_the_aggressors_losses_according_to_kyiv_are_russias_and_kyiv_is_cited_in_the_nominative():
    text = "Straty sprzętowe agresora wynoszą według Kijowa m.in. 11 280 czołgów."
    got = one(text)
    assert (got["side"], got["claimant"]) == ("russia", "Kijów")


def test_the_subject_of_a_toll_that_rose_is_its_side():
    text = ("Liczba Palestyńczyków zabitych w Strefie Gazy od początku wojny Izraela z Hamasem wzrosła do 70 103 – "
            "poinformowało ministerstwo zdrowia w Gazie.")
    assert one(text)["side"] == "palestine"
