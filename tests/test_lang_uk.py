"""The Ukrainian pack (lang/uk) on sentences written for these tests: numbers, categories, sides, claimants,
dates, modality and language detection."""

from __future__ import annotations

import pytest

from lossledger import extract, find_numbers
from lossledger.extract.language import detect

PUB = "2025-06-12"  # a Thursday


def claims(text: str, **kw) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=kw.pop("published", PUB), lang="uk", **kw)]


def one(text: str, **kw) -> dict:
    got = claims(text, **kw)
    assert len(got) == 1, got
    return got[0]


@pytest.mark.parametrize("text, value", [
    ("10 933", 10933),
    ("1 000 340", 1000340),
    ("1,2 млн", 1_200_000),
    ("45 тис.", 45000),
    ("31 тисяча", 31000),
    ("три тисячі", 3000),
    ("п'ять мільйонів", 5_000_000),
    ("сто двадцять п'ять", 125),
    ("двісті тисяч", 200_000),
    ("півтори тисячі", 1500),
    ("пів мільйона", 500_000),
    ("двох", 2),
    ("троє", 3),
    ("п'ятеро", 5),
])
def test_numbers(text, value):
    got = find_numbers(text, "uk")
    assert [q.value for q in got] == [value]


@pytest.mark.parametrize("text, qualifier, low, high", [
    ("понад 700 тисяч", "at_least", 700_000, None),
    ("щонайменше 40", "at_least", 40, None),
    ("близько 1200", "approx", 1200, 1200),
    ("майже 90 тисяч", "approx", 90_000, 90_000),
    ("до 325 тисяч", "at_most", None, 325_000),
    ("від 500 до 600 тисяч", "range", 500_000, 600_000),
    ("десятки тисяч", "vague", 10_000, 99_999),
    ("сотні", "vague", 100, 999),
])
def test_qualifiers_ranges_and_vague(text, qualifier, low, high):
    (q,) = find_numbers(text, "uk")
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)


@pytest.mark.parametrize("text, category", [
    ("Генштаб повідомив, що 120 російських солдатів загинули під Покровськом.", "killed"),
    ("За словами командира, 45 українських військових були поранені.", "wounded"),
    ("Генштаб: росіяни втратили вбитими та пораненими ще 1100 солдатів.", "killed_or_wounded"),
    ("Загальні бойові втрати противника становлять 990 тисяч осіб, повідомив Генштаб.", "killed_or_wounded"),
    ("СБУ повідомила, що 70 російських військових здалися в полон.", "captured"),
    ("У бригаді кажуть, що 15 українських бійців зникли безвісти.", "missing"),
    ("Сили оборони ліквідували 800 окупантів, повідомив Генштаб.", "losses"),
])
def test_personnel_categories(text, category):
    assert one(text)["category"] == category


def test_general_staff_list_gives_every_category():
    text = ("Генеральний штаб ЗСУ оновив дані. Втрати росії станом на ранок становлять:\n"
            "- особового складу — 990 500 (+1020) осіб;\n- танків — 10 933 (+3);\n- ББМ — 22 780 (+5);\n"
            "- артилерійських систем — 29 100 (+31);\n- РСЗВ — 1420;\n- засобів ППО — 1185 (+1);\n- літаків — 416;\n"
            "- гелікоптерів — 337;\n- БпЛА оперативно-тактичного рівня — 41 200 (+120);\n- крилатих ракет — 3300;\n"
            "- кораблів / катерів — 28;\n- підводних човнів — 1;\n"
            "- автомобільної техніки та автоцистерн — 53 600 (+70);\n- спеціальної техніки — 3920 (+2).")
    got = {c["value"]: c for c in claims(text)}
    expect = {990500: "killed_or_wounded", 10933: "tanks", 22780: "armored_vehicles", 29100: "artillery",
              1420: "mlrs", 1185: "air_defense", 416: "aircraft", 337: "helicopters", 41200: "drones",
              3300: "cruise_missiles", 28: "ships", 1: "submarines", 53600: "vehicles", 3920: "special_equipment"}
    assert {v: got[v]["category"] for v in expect} == expect
    assert {got[v]["side"] for v in expect} == {"russia"}
    assert {got[v]["claimant"] for v in expect} == {"Генеральний штаб ЗСУ"}
    assert got[3]["category"] == "tanks"  # the daily increment "(+3)" of the tanks line


def test_list_with_figure_dashes_two_digit_year_and_daily_increments():
    text = ("Генштаб ЗСУ: загальні бойові втрати противника з 24.02.22 по 11.06.25 орієнтовно склали:\n"
            "особового складу \u2012 близько 990 500 (+1 020) осіб\nтанків \u2012 10 933 (+3) од.")
    got = {c["value"]: c for c in claims(text)}
    assert {v: got[v]["category"] for v in (990500, 1020, 10933, 3)} == {
        990500: "killed_or_wounded", 1020: "killed_or_wounded", 10933: "tanks", 3: "tanks"}
    assert got[10933]["period_start"] is None  # a running total has no period
    assert (got[3]["period_start"], got[3]["period_end"]) == (got[3]["as_of"], got[3]["as_of"])
    assert 24 not in got and 22 not in got


def test_list_run_on_in_one_sentence_without_a_named_source():
    # a list flattened into one line, as news sites print it; "противника" with no source named is Russia
    text = ("Загальні бойові втрати противника орієнтовно склали: особового складу — близько 850 340 (+1240) осіб, "
            "танків — 9 900 (+8) од., бойових броньованих машин — 20 600 (+20) од.")
    got = {c["value"]: c for c in claims(text)}
    assert {v: got[v]["category"] for v in (850340, 9900, 8, 20600, 20)} == {
        850340: "killed_or_wounded", 9900: "tanks", 8: "tanks", 20600: "armored_vehicles", 20: "armored_vehicles"}
    assert {c["side"] for c in got.values()} == {"russia"}
    assert {c["claimant"] for c in got.values()} == {None}


@pytest.mark.parametrize("text, category", [
    ("Українські військові знищили 14 російських танків, повідомили у бригаді.", "tanks"),
    ("У бригаді повідомили, що знищили 9 бойових броньованих машин росіян.", "armored_vehicles"),
    ("Повітряні сили повідомили, що збили 52 російські ударні безпілотники.", "drones"),
    ("Повітряні сили повідомили, що збили 6 російських крилатих ракет.", "cruise_missiles"),
    ("ВМС заявили, що уразили два російські кораблі.", "ships"),
    ("ВМС заявили, що знищили один російський підводний човен.", "submarines"),
    ("Бригада знищила 12 вантажівок окупантів.", "vehicles"),
])
def test_equipment_in_prose(text, category):
    got = claims(text)
    assert [c["category"] for c in got] == [category]


@pytest.mark.parametrize("text, side", [
    ("Аналітики підрахували, що загинули 20 тисяч українських військових.", "ukraine"),
    ("Аналітики кажуть, що втрати росії сягнули 90 тисяч військових.", "russia"),
    ("Генштаб ЗСУ повідомив, що ворог втратив 1200 солдатів за тиждень.", "russia"),
    ("Аналітики оцінюють сукупні втрати обох сторін у 900 тисяч військових.", "both"),
    ("Дванадцять військових загинули в боях з російськими військами.", "ukraine"),
    ("Внаслідок російського ракетного удару по Харкову загинули 14 цивільних.", "ukraine"),
])
def test_sides(text, side):
    assert one(text)["side"] == side


@pytest.mark.parametrize("text, population", [
    ("Внаслідок ракетного удару по українському Харкову загинули 7 людей.", "civilian"),
    ("Прокуратура повідомила, що загинули 12 українських цивільних.", "civilian"),
    ("Генштаб повідомив, що загинули 300 російських солдатів.", "military"),
    # "людей"/"осіб" counted as an army's losses are soldiers
    ("Загалом втрати окупаційної армії досягли 700 000 осіб.", "military"),
    ("За тиждень втрати рф в особовому складі склали 8 100 людей.", "military"),
])
def test_population(text, population):
    assert claims(text)[0]["population"] == population


@pytest.mark.parametrize("text, claimant", [
    ("Медіазона разом з Бі-бі-сі встановили імена 106 745 загиблих російських військових.",
     "Медіазона разом з Бі-бі-сі"),
    ("За даними Генерального штабу ЗСУ, росія втратила 1050 військових за добу.", "Генеральний штаб ЗСУ"),
    ("Як повідомило Міністерство оборони України, ворог втратив 41 танк за тиждень.", "Міністерство оборони України"),
    ("За словами Володимира Зеленського, загинули 46 тисяч українських військових.", "Володимир Зеленський"),
    ("У Генштабі повідомили, що росіяни втратили 1300 солдатів.", "Генштаб"),
    # a time of day before the verb, the source after it
    ("Про це ввечері в суботу повідомив начальник Сумської ОВА Олег Григоров: загинули 11 людей після російського "
     "удару.", "начальник Сумської ОВА Олег Григоров"),
    # an adverb and a setting between the source and its verb
    ("Зеленський уперше за довгий час назвав втрати: загинули 46 тисяч українських військових.", "Зеленський"),
    # a count based on the daily reports names their owner
    ("За підрахунками на основі щоденних зведень Генерального штабу ЗСУ, у 2024 році росія втратила 430 тисяч "
     "військових.", "Генеральний штаб ЗСУ"),
])
def test_claimant_in_citation_form(text, claimant):
    assert one(text)["claimant"] == claimant


def test_case_forms_are_one_entity_with_the_english_name():
    from lossledger.extract.claimants import lookup

    names = {lookup(n).name for n in ("Генерального штабу ЗСУ", "Генштаб", "Ukraine's General Staff")}
    assert names == {"General Staff of the Armed Forces of Ukraine"}


def test_source_after_a_date():
    c = one("Про це у вівторок, 10 червня, повідомило Міністерство оборони України: окупанти втратили 1100 військових.")
    assert c["claimant"] == "Міністерство оборони України"
    c = one("Зеленський 16 лютого 2025 року заявив, що загинули 46 тисяч українських військових.")
    assert c["claimant"] == "Зеленський"


@pytest.mark.parametrize("text, as_of", [
    ("На 1000-й день повномасштабного вторгнення Генштаб повідомив, що загинули 719 тисяч російських військових.",
     "2024-11-19"),
    ("На шостий день війни Генштаб повідомив, що загинули 5300 російських військових.", "2022-03-01"),
    ("Генштаб повідомив, що за минулу добу росія втратила 1020 солдатів.", "2025-06-12"),
    ("Генштаб у понеділок повідомив, що росія втратила 1020 солдатів.", "2025-06-09"),
    ("Вчора Генштаб повідомив, що росія втратила 1020 солдатів.", "2025-06-11"),
    ("Станом на 1 березня 2025 року росія втратила 880 тисяч військових, повідомив Генштаб.", "2025-03-01"),
    ("Генштаб повідомив, що 5 травня росія втратила 1300 солдатів.", "2025-05-05"),
])
def test_dates(text, as_of):
    assert one(text)["as_of"] == as_of


def test_period_of_a_year():
    c = one("У 2024 році росія втратила 430 тисяч військових, підрахували аналітики.")
    assert (c["period_start"], c["period_end"]) == ("2024-01-01", "2024-12-31")


def test_daily_tally_is_a_count_for_that_day():
    c = one("За минулу добу, 11 червня, окупанти втратили 1100 солдатів, повідомив Генштаб.")
    assert (c["metric"], c["as_of"], c["period_start"]) == ("count", "2025-06-11", "2025-06-11")


def test_rate_per_day():
    c = one("Аналітики кажуть, що росія в середньому втрачає 1200 військових на добу.")
    assert c["metric"] == "per_day"


@pytest.mark.parametrize("text, modality", [
    ("Аналітики вважають, що втрати росії можуть становити 250 тисяч загиблих військових.", "hedged"),
    ("Аналітики кажуть, що росія могла втратити 250 тисяч загиблих військових.", "hedged"),
    ("За прогнозом аналітиків, до кінця року втрати росії сягнуть 1,5 млн військових.", "projection"),
    ("Аналітики кажуть, що загинули 250 тисяч російських військових.", "reported"),
])
def test_modality(text, modality):
    assert one(text)["modality"] == modality


def test_disputed():
    c = one("Зеленський заявив, що загинули не 300 тисяч українських військових, це брехня.")
    assert c["stance"] == "disputed"


def test_noise_is_no_claim():
    assert claims("Росія втратила 20 відсотків своїх танків і 300 км² території, повідомив Генштаб.") == []


def test_detection():
    assert detect("Генштаб повідомив, що за минулу добу російська армія втратила ще 1100 своїх солдатів і "
                  "15 танків. Про це йдеться у звіті, який було оприлюднено вранці.") == "uk"


def test_a_bracketed_daily_increment_does_not_date_the_running_total():
    got = claims("Генштаб ЗСУ повідомив, що загальні бойові втрати росії станом на 23.11.2024 склали:\n"
                 "- танки — 9419 (+20 за минулу добу);\n- артилерійські системи — 20 431 (+31 за минулу добу);",
                 published="2024-11-23")
    totals = {c["value"]: c for c in got if c["value"] in (9419, 20431)}
    assert set(totals) == {9419, 20431}
    assert all(c["period_start"] is None and c["period_end"] is None and c["as_of"] == "2024-11-23"
               for c in totals.values())


def test_then_dates_a_sentence_like_the_one_before():
    text = 'Міністерство вперше назвало цифри 2 травня. Тоді йшлося про 498 загиблих російських військових.'
    assert one(text)["as_of"] == "2025-05-02"


def test_average_with_its_rate_before_the_number():
    text = 'Середньодобові втрати росіян у листопаді склали 1500 осіб, повідомив Генштаб.'
    assert one(text)["metric"] == "per_day"


def test_a_day_stated_once_dates_the_paragraphs_tallies():
    text = ("За минулу добу на фронті відбулося 150 бойових зіткнень. Українські захисники знищили 1 120 окупантів і "
            "6 танків, повідомляє Генеральний штаб ЗСУ. Загалом з початку вторгнення росія втратила близько 933 "
            "тисяч військових.")
    got = {c["value"]: c for c in claims(text)}
    assert {v: got[v]["period_start"] for v in (1120, 6, 933000)} == {1120: PUB, 6: PUB, 933000: None}


def test_shot_down_out_of_launched_and_the_enemy_of_an_unknown_source():
    text = "Сили ППО збили 215 з 300 ворожих дронів, повідомив начальник міської адміністрації."
    got = claims(text)
    assert [(c["value"], c["category"], c["side"]) for c in got] == [(215, "drones", "russia")]


def test_believes_names_the_source_and_the_end_of_the_year_is_no_year_number():
    text = "Втрати росії можуть перевищити мільйон до кінця року, вважає британська розвідка."
    claim = one(text)
    assert (claim["value"], claim["claimant"], claim["modality"]) == (1000000, "британська розвідка", "projection")


def test_a_forecast_verb_names_its_source():
    text = ("До кінця року втрати Росії можуть сягнути 1,6 мільйона осіб, прогнозує головнокомандувач ЗСУ "
            "Олександр Сирський.")
    claims = extract(text, lang="uk", published="2026-05-19")
    assert [c.claimant for c in claims] == ["головнокомандувач ЗСУ Олександр Сирський"]


@pytest.mark.parametrize("text, claimant", [
    # a verb with no subject of its own: the place before it is the source
    ("Водночас у Генштабі ЗСУ повідомили, що за лютий росіяни втратили близько 28,5 тисячі осіб.", "Генштаб ЗСУ"),
    # "as reported at X"
    ("Як повідомили в Повітряних силах ЗСУ, збито 118 ворожих дронів.", "Повітряні сили ЗСУ"),
])
def test_they_reported_at_an_institution_names_it(text, claimant):
    assert [c.claimant for c in extract(text, lang="uk", published="2024-03-15")] == [claimant]


@pytest.mark.parametrize("text, claimant", [
    # an imperfective past verb of speech
    ("Раніше британська розвідка повідомляла, що ворог втрачав у середньому 1 100 осіб на день.",
     "британська розвідка"),
    # a name with lower-case words and prepositions, opening the sentence
    ("Моніторингова місія ООН з прав людини в Україні повідомляє, що загинули щонайменше 12 300 цивільних.",
     "Моніторингова місія ООН з прав людини в Україні"),
    # a counted noun after a year ("2024 рік") opens no name
    ("За 2024 рік Медіазона підтвердила загибель 45 тисяч російських військових.", "Медіазона"),
])
def test_the_source_before_its_verb(text, claimant):
    assert one(text)["claimant"] == claimant


def test_a_pronoun_ends_a_source_named_after_its_phrase():
    got = claims("За оцінкою британської розвідки вона може сягати 500 тисяч убитих і поранених росіян.")
    assert [c["claimant"] for c in got] == ["британська розвідка"]


def test_these_data_name_no_source():
    got = claims("Генштаб повідомив, що ворог втратив 1 200 осіб. Ці дані неможливо незалежно перевірити.")
    assert [c["claimant"] for c in got] == ["Генштаб"]


def test_the_enemy_at_the_heading_loss_word_beats_the_source_side():
    text = ("Загальні бойові втрати противника орієнтовно склали, повідомляє Генеральний штаб ЗСУ:\n\n"
            "особового складу — близько 1 005 150 осіб\nтанків — 10 933 од\n")
    assert {c["side"] for c in claims(text)} == {"russia"}


def test_an_average_daily_loss_before_the_number_is_a_rate():
    text = "Британська розвідка оцінює середні добові втрати російських військ у травні в 1 286 осіб."
    assert one(text)["metric"] == "per_day"


def test_a_relative_clause_about_an_interview_and_a_descriptive_anaphor():
    text = ("Президент Володимир Зеленський в інтерв'ю NBC News, яке вийшло в неділю, розповів, що загинули понад "
            "46 тисяч українських військових. Ще близько 380 тисяч отримали поранення, додав глава держави.")
    assert [c["claimant"] for c in claims(text)] == ["Президент Володимир Зеленський"] * 2


def test_a_zero_increment_is_no_loss():
    text = "Генштаб ЗСУ: загальні бойові втрати противника склали:\nтанків ‒ 11 698 (+2) од\nРСЗВ ‒ 1 654 (+0) од"
    assert sorted(c["value"] for c in claims(text)) == [2, 1654, 11698]


def test_a_list_under_a_heading_where_our_forces_destroyed_is_the_enemys():
    text = ("Крім того, від початку вторгнення Сили оборони знищили:\nтанків – 10 940 (+3);\nбойових броньованих "
            "машин – 22 800 (+4).")
    assert {c["side"] for c in claims(text)} == {"russia"}


def test_a_heading_that_calls_the_tally_approximate_makes_every_line_approximate():
    text = ("Втрати ворога на 3 листопада: 1 150 000 осіб і 11 300 танків\n\n"
            "Загальні бойові втрати противника з 24.02.22 по 03.11.25 орієнтовно склали:\n\n"
            "особового складу ‒ близько 1 150 000 (+950) осіб\n"
            "танків ‒ 11 300 (+2) од.\n"
            "літаків ‒ 430 (+0) од.\n\n"
            "Дані уточнюються.\n\nПро це повідомляє Генеральний штаб ЗСУ.")
    got = {c["value"]: c for c in claims(text, published="2025-11-03")}
    assert {v: got[v]["qualifier"] for v in (1150000, 11300, 430)} == dict.fromkeys((1150000, 11300, 430), "approx")
    assert got[430]["claimant"] == "Генеральний штаб ЗСУ"


def test_lines_under_a_heading_without_a_word_of_approximation_stay_exact():
    text = ("Загальні бойові втрати противника з 24.02.22 по 03.11.25 склали:\n\n"
            "танків ‒ 11 300 (+2) од.\nлітаків ‒ 430 (+0) од.\n\nПро це повідомляє Генеральний штаб ЗСУ.")
    assert {c["qualifier"] for c in claims(text, published="2025-11-03") if c["value"] in (11300, 430)} == {"exact"}


def test_figures_stated_in_a_report_that_a_later_sentence_names_are_the_reports_owners():
    text = ("У вересні в Україні загинули щонайменше 160 цивільних осіб, ще 900 людей дістали поранень. "
            "Про це йдеться у щомісячному звіті Моніторингової місії ООН з прав людини в Україні.")
    assert {c["claimant"] for c in claims(text, published="2025-10-10")} == {
        "Моніторингова місія ООН з прав людини в Україні"}


def test_the_gaza_health_ministry_in_the_genitive_is_cited_in_the_nominative():
    text = "За даними Міністерства охорони здоров’я Гази, загинули понад 54 тисячі палестинців."
    assert claims(text)[0]["claimant"] == "Міністерство охорони здоров’я Гази"
