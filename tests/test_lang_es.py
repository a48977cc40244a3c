"""The Spanish pack (lang/es) on sentences written for these tests: numbers, every category, sides, population,
attribution, dates, modality and language detection."""

from __future__ import annotations

import pytest

from lossledger import extract, find_numbers
from lossledger.extract.language import detect

PUB = "2025-06-12"


def claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=PUB, lang="es")]


def one(text: str) -> dict:
    got = claims(text)
    assert len(got) == 1, got
    return got[0]


def number(text: str) -> tuple:
    qs = find_numbers(text, "es")
    assert len(qs) == 1, qs
    q = qs[0]
    return q.value, q.low, q.high, q.qualifier


@pytest.mark.parametrize("text, want", [
    # grouping with a dot (Spain) or a comma (Latin America), decimals with a comma before a scale
    ("murieron 31.700 soldados", (31700, 31700, 31700, "exact")),
    ("murieron 250,000 soldados", (250000, 250000, 250000, "exact")),
    ("murieron 1.000.340 soldados", (1000340, 1000340, 1000340, "exact")),
    ("unos 1,2 millones de soldados", (1.2e6, 1.2e6, 1.2e6, "approx")),
    ("27 mil muertos", (27000, 27000, 27000, "exact")),
    ("dos mil millones de euros", (2e9, 2e9, 2e9, "exact")),
    ("medio millón de bajas", (500000, 500000, 500000, "exact")),
    ("un millón de bajas", (1e6, 1e6, 1e6, "exact")),
    # number words, compounds with "y", hundreds
    ("treinta y cinco soldados", (35, 35, 35, "exact")),
    ("doscientos cincuenta mil soldados", (250000, 250000, 250000, "exact")),
    ("ciento veinte tanques", (120, 120, 120, "exact")),
    ("dieciséis aviones", (16, 16, 16, "exact")),
    # qualifiers
    ("alrededor de 5.000 muertos", (5000, 5000, 5000, "approx")),
    ("casi 700 heridos", (700, 700, 700, "approx")),
    ("más de 46.000 muertos", (46000, 46000, None, "at_least")),
    ("al menos 12 heridos", (12, 12, None, "at_least")),
    ("hasta 325.000 bajas", (325000, None, 325000, "at_most")),
    ("menos de 100 muertos", (100, None, 100, "at_most")),
])
def test_numbers(text, want):
    assert number(text) == want


@pytest.mark.parametrize("text, low, high, qualifier", [
    ("entre 2.500 y 3.000 militares", 2500, 3000, "range"),
    ("de 500 a 600 soldados", 500, 600, "range"),
    ("500-600 soldados", 500, 600, "range"),
    ("decenas de miles de soldados", 10000, 99999, "vague"),
    ("cientos de miles de soldados", 100000, 999999, "vague"),
    ("miles de soldados", 1000, 9999, "vague"),
    ("centenares de soldados", 100, 999, "vague"),
])
def test_ranges_and_vague(text, low, high, qualifier):
    q = find_numbers(text, "es")[0]
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize("text, category", [
    ("Según Kiev, murieron 1.200 soldados rusos en la ofensiva.", "killed"),
    ("Según Kiev, 800 soldados rusos resultaron heridos en la ofensiva.", "wounded"),
    ("Según Kiev, Rusia ha sufrido 950.000 bajas.", "killed_or_wounded"),
    ("Según Kiev, 3.000 soldados rusos murieron o resultaron heridos en Bajmut.", "killed_or_wounded"),
    ("Según Moscú, 640 soldados ucranianos fueron capturados en Kursk.", "captured"),
    ("Según Kiev, 2.300 soldados ucranianos están desaparecidos.", "missing"),
    ("Según Kiev, hay 1.100 soldados ucranianos desaparecidos o capturados.", "missing_or_captured"),
    ("Según Kiev, Rusia ha perdido 600.000 soldados.", "losses"),
    ("El Estado Mayor dijo que Rusia ha perdido 10.933 tanques.", "tanks"),
    ("El Estado Mayor dijo que Rusia ha perdido 22.750 vehículos blindados.", "armored_vehicles"),
    ("El Estado Mayor dijo que Rusia ha perdido 29.800 sistemas de artillería.", "artillery"),
    ("El Estado Mayor dijo que Rusia ha perdido 1.420 lanzacohetes múltiples.", "mlrs"),
    ("El Estado Mayor dijo que Rusia ha perdido 1.180 sistemas de defensa antiaérea.", "air_defense"),
    ("El Estado Mayor dijo que Rusia ha perdido 420 aviones.", "aircraft"),
    ("El Estado Mayor dijo que Rusia ha perdido 340 helicópteros.", "helicopters"),
    ("El Estado Mayor dijo que Rusia ha perdido 41.000 drones.", "drones"),
    ("El Estado Mayor dijo que Rusia ha perdido 3.500 misiles de crucero.", "cruise_missiles"),
    ("El Estado Mayor dijo que Rusia ha perdido 28 buques y lanchas.", "ships"),
    ("El Estado Mayor dijo que Rusia ha perdido 2 submarinos.", "submarines"),
    ("El Estado Mayor dijo que Rusia ha perdido 55.000 vehículos y cisternas de combustible.", "vehicles"),
    ("El Estado Mayor dijo que Rusia ha perdido 3.900 unidades de equipo especial.", "special_equipment"),
])
def test_every_category(text, category):
    assert one(text)["category"] == category


def test_general_staff_list_is_one_claim_per_item():
    text = ("El Estado Mayor de las Fuerzas Armadas de Ucrania informó de que Rusia ha perdido desde el inicio de la "
            "invasión: 11.000 tanques, 22.900 vehículos blindados, 420 aviones y 28 buques.")
    got = {c["category"]: c["value"] for c in claims(text)}
    assert got == {"tanks": 11000, "armored_vehicles": 22900, "aircraft": 420, "ships": 28}


def test_equipment_delivered_is_no_loss():
    assert claims("España entregó a Ucrania 20 tanques Leopard y 10 vehículos blindados.") == []


def test_money_is_no_loss():
    assert claims("La UE aprobó un paquete de 500 millones de euros para Ucrania, según Bruselas.") == []


@pytest.mark.parametrize("text, side", [
    ("Según Kiev, murieron 1.200 soldados rusos.", "russia"),
    ("Según Moscú, murieron 900 soldados ucranianos.", "ukraine"),
    ("Las fuerzas ucranianas destruyeron 14 tanques, según el Estado Mayor.", "russia"),
    ("Según el Ministerio de Defensa de Ucrania, el enemigo perdió 1.200 soldados en un día.", "russia"),
    ("Según la ONU, ambos bandos han sufrido unas 500.000 bajas.", "both"),
    ("Doce soldados murieron en combates contra las tropas rusas.", "ukraine"),
    ("Catorce civiles murieron en un ataque ruso contra Járkov.", "ukraine"),
])
def test_sides(text, side):
    assert one(text)["side"] == side


def test_place_is_not_the_side():
    assert one("Según Moscú, 300 soldados norcoreanos murieron en Rusia.")["side"] == "north korea"


@pytest.mark.parametrize("text, population", [
    ("Según Kiev, murieron 1.200 soldados rusos.", "military"),
    ("Según la ONU, murieron 12.000 civiles ucranianos.", "civilian"),
    ("Según las autoridades, 14 personas murieron en el ataque ruso contra Járkov.", "civilian"),
])
def test_population(text, population):
    assert one(text)["population"] == population


@pytest.mark.parametrize("text, claimant", [
    ("Mediazona junto con la BBC identificó a 106.745 soldados rusos muertos.", "Mediazona junto con la BBC"),
    ("Según el Estado Mayor de las Fuerzas Armadas de Ucrania, Rusia ha perdido 1.000 soldados en un día.",
     "Estado Mayor de las Fuerzas Armadas de Ucrania"),
    ("El Ministerio de Defensa de Rusia afirmó que 600 soldados ucranianos murieron.",
     "El Ministerio de Defensa de Rusia"),
    ("El presidente, Volodímir Zelenski, dijo que 43.000 soldados ucranianos han muerto.", "Volodímir Zelenski"),
    ("Unos 31.000 soldados ucranianos han muerto, dijo Zelenski.", "Zelenski"),
])
def test_claimant(text, claimant):
    assert one(text)["claimant"] == claimant


def test_claimant_names_one_entity_across_languages():
    from lossledger.extract.claimants import lookup

    assert lookup("Estado Mayor del Ejército ucraniano").name == "General Staff of the Armed Forces of Ukraine"
    assert lookup("Ministerio de Defensa ruso").name == "Ministry of Defence of the Russian Federation"


@pytest.mark.parametrize("text, as_of", [
    ("En el día 100 de la guerra, Kiev afirmó que 31.000 soldados rusos murieron.", "2022-06-03"),
    ("En el sexto día de la invasión, Kiev afirmó que 5300 soldados rusos murieron.", "2022-03-01"),
    ("El 21 de septiembre de 2022 Moscú informó de la muerte de 5.937 soldados rusos.", "2022-09-21"),
    ("Según Kiev, el 3 de marzo murieron 800 soldados rusos.", "2025-03-03"),
    ("El Estado Mayor informó el lunes de que 1.100 soldados rusos murieron.", "2025-06-09"),
    ("El Estado Mayor informó ayer de que 1.100 soldados rusos murieron.", "2025-06-11"),
])
def test_dates(text, as_of):
    assert one(text)["as_of"] == as_of


def test_daily_tally_is_a_count_for_that_day():
    c = one("Según el Estado Mayor, en las últimas 24 horas murieron 1.050 soldados rusos.")
    assert (c["metric"], c["period_start"], c["period_end"]) == ("count", PUB, PUB)


def test_year_total_is_a_period():
    c = one("Según Kiev, en 2024 murieron 430.000 soldados rusos.")
    assert (c["period_start"], c["period_end"]) == ("2024-01-01", "2024-12-31")


def test_rate_per_day():
    c = one("Según Kiev, Rusia pierde de media 1.200 soldados al día.")
    assert c["metric"] == "per_day"


@pytest.mark.parametrize("text, modality", [
    ("Según la inteligencia británica, Rusia podría haber perdido 700.000 soldados.", "hedged"),
    ("Según la inteligencia británica, Rusia probablemente ha perdido 700.000 soldados.", "hedged"),
    ("Según el CSIS, las bajas rusas podrían alcanzar 2 millones para la primavera de 2026.", "projection"),
    ("Según el CSIS, Rusia ha sufrido 950.000 bajas.", "reported"),
])
def test_modality(text, modality):
    assert one(text)["modality"] == modality


def test_dispute():
    c = one("El Kremlin dijo que no 300.000 soldados rusos, sino muchos menos, han muerto.")
    assert c["stance"] == "disputed"


@pytest.mark.parametrize("text, lang", [
    ("Según el Estado Mayor ucraniano, las tropas rusas han perdido más de un millón de soldados desde el inicio "
     "de la invasión, y en las últimas 24 horas los militares ucranianos abatieron a otros 1.000.", "es"),
    ("The General Staff said Russia has lost more than a million soldiers since the start of the invasion.", "en"),
    ("Enligt generalstaben har Ryssland förlorat över en miljon soldater sedan invasionen inleddes.", "sv"),
])
def test_detection(text, lang):
    assert detect(text) == lang


def test_approximation_covers_both_coordinated_figures():
    got = claims("Según el comandante, la brigada rusa tuvo cerca de 9.000 muertos y 21.000 heridos.")
    assert [(c["value"], c["category"], c["qualifier"]) for c in got] == [
        (9000, "killed", "approx"), (21000, "wounded", "approx")]


def test_then_dates_a_sentence_like_the_one_before():
    text = 'El presidente habló el 2 de mayo. Entonces, unos 498 militares rusos habían muerto.'
    assert one(text)["as_of"] == "2025-05-02"


def test_average_with_its_rate_before_the_number():
    text = 'Las bajas diarias rusas alcanzaron de media 1.500 soldados en diciembre, según Londres.'
    assert one(text)["metric"] == "per_day"


def test_the_same_report_refers_back_to_its_source():
    text = ("El Estado Mayor ucraniano informó este lunes de unas 850.000 bajas rusas. Según el mismo parte, en las "
            "últimas 24 horas murieron o resultaron heridos 1.240 militares rusos.")
    assert {c["claimant"] for c in claims(text)} == {"El Estado Mayor ucraniano"}


def test_a_denial_disputes_the_figures_and_a_pronoun_relays_nothing():
    text = ("Zelenski negó las cifras de 300.000 o 150.000 militares ucranianos muertos que, según él, difunde "
            "Rusia.")
    got = claims(text)
    assert {(c["value"], c["stance"], c["claimant"]) for c in got} == {
        (300000, "disputed", "Zelenski"), (150000, "disputed", "Zelenski")}
    assert all(c["via"] == [] for c in got)


def test_como_informo_names_the_source():
    assert one("Como informó el Estado Mayor, 1.200 soldados rusos murieron.")["claimant"] == "el Estado Mayor"


@pytest.mark.parametrize("text, claimant", [
    ("Al menos 18 personas murieron en el ataque ruso contra Krivói Rog, según informó el jefe de la administración "
     "militar regional.", "el jefe de la administración militar regional"),
    ("Las defensas rusas derribaron 159 drones ucranianos, según ha informado este martes el Ministerio de Defensa.",
     "el Ministerio de Defensa"),
])
def test_segun_before_a_verb_of_saying_names_the_source_after_the_verb(text, claimant):
    assert one(text)["claimant"].startswith(claimant)


def test_an_estimate_of_a_named_outlet_past_its_link_word():
    text = ("Al menos 120.000 soldados rusos han muerto, según una nueva estimación de los medios independientes "
            "Mediazona y Meduza.")
    assert one(text)["claimant"].endswith("Mediazona y Meduza")


def test_a_document_alone_refers_back_to_the_source_before():
    text = ("El Ministerio de Defensa de Rusia aseguró que Ucrania sufrió más de 9.300 bajas en la última semana. "
            "Según el parte semanal, la agrupación Oeste causó al enemigo hasta 1.560 bajas.")
    assert {c["claimant"] for c in claims(text)} == {"El Ministerio de Defensa de Rusia"}


def test_a_daily_report_with_a_participle_stands_for_the_source_before():
    text = ("El Estado Mayor de las Fuerzas Armadas de Ucrania ha cifrado este martes en 1.104.300 los soldados rusos "
            "muertos o heridos. Según el parte diario difundido a través de Telegram, las tropas rusas han perdido "
            "además 11.230 tanques.")
    assert {c["claimant"] for c in claims(text)} == {"El Estado Mayor de las Fuerzas Armadas de Ucrania"}


def test_a_name_holding_a_loss_word_is_the_source_of_ha_informado_de():
    c = one("El Centro de Coordinación para el Tratamiento de Prisioneros de Guerra ha informado de que más de "
            "7.900 soldados ucranianos siguen en cautiverio ruso.")
    assert (c["claimant"], c["category"], c["side"]) == (
        "El Centro de Coordinación para el Tratamiento de Prisioneros de Guerra", "captured", "ukraine")


def test_citing_al_names_the_source_and_the_agency_relays():
    c = one("Un ataque ucraniano contra Bélgorod dejó 11 muertos, según informó la agencia TASS, citando al "
            "gobernador regional, Viacheslav Gladkov.")
    assert (c["claimant"], c["via"]) == ("Viacheslav Gladkov", ["la agencia TASS"])


def test_a_perfect_with_a_bare_participle_names_its_source():
    c = one("El servicio ruso de la BBC y el medio independiente Mediazona han confirmado los nombres de 94.100 "
            "militares rusos fallecidos.")
    assert c["claimant"].endswith("Mediazona")


def test_the_word_according_to_is_no_speaker_of_a_participle_relay():
    got = claims("El Ministerio de Defensa ruso afirmó que Ucrania ha perdido más de 70.000 militares en Kursk. "
                 "Según el parte militar, difundido por la agencia TASS, las tropas ucranianas sufrieron unas "
                 "1.300 bajas en las últimas 24 horas.")
    daily = next(c for c in got if c["value"] == 1300)
    assert daily["claimant"] == "El Ministerio de Defensa ruso"
    assert daily["via"] == ["la agencia TASS"]


@pytest.mark.parametrize("text, lang, claimant", [
    ("Lo afirma un estudio del Instituto Internacional de Estudios Estratégicos (IISS), con sede en Londres, que "
     "cifra en 900.000 los soldados rusos muertos o heridos.", "es",
     "Instituto Internacional de Estudios Estratégicos"),
    ("This is the finding of the International Institute for Strategic Studies (IISS), based in London, which puts "
     "Russian losses at 900,000 killed or wounded.", "en", "the International Institute for Strategic Studies"),
])
def test_a_relative_clause_after_the_place_a_source_is_based_in_is_the_sources(text, lang, claimant):
    (claim,) = extract(text, lang=lang, published=PUB)
    assert claim.claimant == claimant


def test_a_source_that_speaks_of_a_figure_states_it():
    got = claims("La Misión de la ONU en Sudán habla de unos 300 civiles asesinados en El Fasher, mientras que "
                 "fuentes locales sitúan el balance entre 400 y 500 muertos.")
    assert [c["claimant"] for c in got] == ["La Misión de la ONU en Sudán", "fuentes locales"]


def test_a_source_who_has_rejected_figures_disputes_the_ones_quoted_next():
    got = claims("El presidente de Ucrania, Volodímir Zelenski, ha rechazado las cifras de bajas difundidas por el "
                 "Kremlin y ha negado que su país haya perdido un millón de militares. “No son un millón, ni 500.000. "
                 "Es mentira”, ha afirmado en Kiev.")
    assert sorted((c["value"], c["claimant"], c["stance"]) for c in got) == [
        (500000, "Volodímir Zelenski", "disputed"), (1000000, "Volodímir Zelenski", "disputed")]
