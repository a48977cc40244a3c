"""The Russian pack (lang/ru) on sentences written for these tests: numbers, categories, sides, claimants,
dates, modality and language detection."""

from __future__ import annotations

import pytest

from lossledger import extract, find_numbers
from lossledger.extract.language import detect

PUB = "2025-06-12"  # a Thursday


def claims(text: str, **kw) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=kw.pop("published", PUB), lang="ru", **kw)]


def one(text: str, **kw) -> dict:
    got = claims(text, **kw)
    assert len(got) == 1, got
    return got[0]


@pytest.mark.parametrize("text, value", [
    ("10 933", 10933),
    ("1 000 340", 1000340),
    ("1,2 млн", 1_200_000),
    ("45 тыс.", 45000),
    ("12 тысяч", 12000),
    ("три тысячи", 3000),
    ("пять миллионов", 5_000_000),
    ("сто двадцать пять", 125),
    ("двести тысяч", 200_000),
    ("полторы тысячи", 1500),
    ("полмиллиона", 500_000),
    ("двух", 2),
    ("трое", 3),
    ("пятерых", 5),
])
def test_numbers(text, value):
    got = find_numbers(text, "ru")
    assert [q.value for q in got] == [value]


@pytest.mark.parametrize("text, qualifier, low, high", [
    ("более 700 тысяч", "at_least", 700_000, None),
    ("свыше 40", "at_least", 40, None),
    ("около 1200", "approx", 1200, 1200),
    ("почти 90 тысяч", "approx", 90_000, 90_000),
    ("порядка 5,5 тыс.", "approx", 5500, 5500),
    ("до 325 тысяч", "at_most", None, 325_000),
    ("от 500 до 600 тысяч", "range", 500_000, 600_000),
    ("десятки тысяч", "vague", 10_000, 99_999),
    ("сотни", "vague", 100, 999),
])
def test_qualifiers_ranges_and_vague(text, qualifier, low, high):
    (q,) = find_numbers(text, "ru")
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)


@pytest.mark.parametrize("text, category", [
    ("Минобороны России сообщило, что погибли 120 украинских военнослужащих.", "killed"),
    ("По словам командира, 45 российских военных были ранены.", "wounded"),
    ("Генштаб ВСУ сообщил, что российская армия потеряла убитыми и ранеными 1100 военных.", "killed_or_wounded"),
    ("Минобороны России сообщило, что в плен сдались 70 украинских военнослужащих.", "captured"),
    ("В бригаде говорят, что 15 российских солдат пропали без вести.", "missing"),
    ("Минобороны России сообщило, что потери ВСУ составили 1300 человек.", "losses"),
])
def test_personnel_categories(text, category):
    assert one(text)["category"] == category


@pytest.mark.parametrize("text, category", [
    ("Минобороны России сообщило, что уничтожены 14 украинских танков.", "tanks"),
    ("Минобороны России сообщило, что уничтожены 9 боевых бронированных машин ВСУ.", "armored_vehicles"),
    ("Минобороны России сообщило, что поражены 11 украинских артиллерийских орудий.", "artillery"),
    ("Минобороны России сообщило, что уничтожены 2 украинские РСЗО.", "mlrs"),
    ("Средства ПВО сбили 52 украинских беспилотника, сообщили в Минобороны России.", "drones"),
    ("Минобороны России сообщило, что сбиты 3 украинских самолета и 2 вертолета.", "aircraft"),
    ("Минобороны России сообщило, что уничтожены 12 украинских единиц автомобильной техники.", "vehicles"),
])
def test_equipment(text, category):
    assert claims(text)[0]["category"] == category


def test_daily_report_list():
    text = ("Генеральный штаб ВСУ обновил данные. Потери России на утро составляют:\n"
            "- личного состава — 990 500 (+1020);\n- танков — 10 933 (+3);\n- ББМ — 22 780;\n"
            "- артиллерийских систем — 29 100;\n- РСЗО — 1420;\n- средств ПВО — 1185;\n- самолетов — 416;\n"
            "- вертолетов — 337;\n- БПЛА — 41 200;\n- крылатых ракет — 3300;\n- кораблей / катеров — 28;\n"
            "- подводных лодок — 1;\n- автомобильной техники и автоцистерн — 53 600;\n"
            "- специальной техники — 3920.")
    got = {c["value"]: c for c in claims(text)}
    expect = {990500: "killed_or_wounded", 10933: "tanks", 22780: "armored_vehicles", 29100: "artillery",
              1420: "mlrs", 1185: "air_defense", 416: "aircraft", 337: "helicopters", 41200: "drones",
              3300: "cruise_missiles", 28: "ships", 1: "submarines", 53600: "vehicles", 3920: "special_equipment"}
    assert {v: got[v]["category"] for v in expect} == expect
    assert {got[v]["side"] for v in expect} == {"russia"}
    assert {got[v]["claimant"] for v in expect} == {"Генеральный штаб ВСУ"}


@pytest.mark.parametrize("text, side", [
    ("Аналитики подсчитали, что погибли 20 тысяч украинских военных.", "ukraine"),
    ("Аналитики говорят, что потери России достигли 90 тысяч военных.", "russia"),
    ("Минобороны России сообщило, что противник потерял 1200 военнослужащих за неделю.", "ukraine"),
    ("Аналитики оценивают суммарные потери обеих сторон в 900 тысяч военных.", "both"),
    ("Двенадцать военных погибли в боях против украинских войск.", "russia"),
])
def test_sides(text, side):
    assert one(text)["side"] == side


@pytest.mark.parametrize("text, population", [
    ("В результате ракетного удара по украинскому Харькову погибли 7 человек.", "civilian"),
    ("Прокуратура сообщила, что погибли 12 украинских мирных жителей.", "civilian"),
    ("Минобороны России сообщило, что погибли 300 украинских солдат.", "military"),
    # "человек" counted as an army's or the armed forces' losses are soldiers; with no such word they stay unknown
    ("Генштаб сообщил, что армия России за неделю потеряла 8100 человек.", "military"),
    ("По данным Минобороны, потери ВСУ за сутки составили до 1500 человек.", "military"),
    ("Минобороны сообщило, что противник потерял 1500 человек.", "unspecified"),
])
def test_population(text, population):
    assert claims(text)[0]["population"] == population


@pytest.mark.parametrize("text, claimant", [
    ("Медиазона вместе с Би-би-си установили имена 106 745 погибших российских военных.",
     "Медиазона вместе с Би-би-си"),
    ("По данным Министерства обороны России, ВСУ потеряли 1050 военных за сутки.", "Министерство обороны России"),
    ("Как сообщило Минобороны России, ВСУ потеряли 41 танк за неделю.", "Минобороны России"),
    ("По словам Владимира Зеленского, погибли 46 тысяч украинских военных.", "Владимир Зеленский"),
    ("Об этом сообщили в Генштабе ВСУ: российская армия потеряла 1300 военных.", "Генштаб ВСУ"),
])
def test_claimant_in_citation_form(text, claimant):
    assert one(text)["claimant"] == claimant


def test_case_forms_are_one_entity_with_the_english_name():
    from lossledger.extract.claimants import lookup

    names = {lookup(n).name for n in ("Министерства обороны России", "Минобороны РФ", "Russian MoD",
                                      "Міноборони Росії")}
    assert names == {"Ministry of Defence of the Russian Federation"}


@pytest.mark.parametrize("text, as_of", [
    ("На шестой день войны Минобороны России признало гибель 498 военнослужащих.", "2022-03-01"),
    ("На 100-й день войны Киев заявил о гибели 31 тысячи российских военных.", "2022-06-03"),
    ("Минобороны России сообщило, что за минувшие сутки ВСУ потеряли 1020 военных.", "2025-06-12"),
    ("Минобороны России в понедельник сообщило, что ВСУ потеряли 1020 военных.", "2025-06-09"),
    ("Вчера Минобороны России сообщило, что ВСУ потеряли 1020 военных.", "2025-06-11"),
    ("По состоянию на 1 марта 2025 года ВСУ потеряли 880 тысяч военных, заявило Минобороны России.", "2025-03-01"),
    ("Минобороны России сообщило, что 5 мая ВСУ потеряли 1300 военных.", "2025-05-05"),
])
def test_dates(text, as_of):
    assert one(text)["as_of"] == as_of


def test_period_of_a_year():
    c = one("Согласно данным Минобороны России, в 2024 году ВСУ потеряли более 500 тысяч военнослужащих.")
    assert (c["period_start"], c["period_end"], c["qualifier"]) == ("2024-01-01", "2024-12-31", "at_least")


def test_rate_per_day():
    c = one("Аналитики говорят, что Россия в среднем теряет 1200 военных в сутки.")
    assert c["metric"] == "per_day"


@pytest.mark.parametrize("text, modality", [
    ("Аналитики считают, что потери России могут составлять 250 тысяч погибших военных.", "hedged"),
    ("Аналитики говорят, что Россия могла потерять 250 тысяч погибших военных.", "hedged"),
    ("По прогнозу аналитиков, к концу года потери России превысят 1,5 млн военных.", "projection"),
    ("Аналитики говорят, что погибли 250 тысяч российских военных.", "reported"),
])
def test_modality(text, modality):
    assert one(text)["modality"] == modality


def test_disputed():
    c = one("Песков заявил, что погибли не 300 тысяч российских военных, это ложь.")
    assert c["stance"] == "disputed"


def test_noise_is_no_claim():
    assert claims("Россия потеряла 20 процентов своих танков и 300 км территории, заявили аналитики.") == []


@pytest.mark.parametrize("text, lang", [
    ("Минобороны России сообщило, что за минувшие сутки ВСУ потеряли более 1300 военнослужащих и 15 танков. "
     "Об этом говорится в сводке, которая была опубликована утром.", "ru"),
    ("Генштаб повідомив, що за минулу добу російська армія втратила ще 1100 своїх солдатів і 15 танків.", "uk"),
    ("The General Staff said Russia lost 1,100 soldiers and 15 tanks over the past day.", "en"),
])
def test_detection_tells_russian_from_ukrainian_and_english(text, lang):
    assert detect(text) == lang


def test_then_dates_a_sentence_like_the_one_before():
    text = 'Министерство впервые назвало цифры 2 мая. Тогда сообщалось о 498 погибших российских военных.'
    assert one(text)["as_of"] == "2025-05-02"


def test_average_with_its_rate_before_the_number():
    text = 'Среднесуточные потери ВСУ в ноябре составили 1200 военных, сообщили в Минобороны России.'
    assert one(text)["metric"] == "per_day"


def test_a_count_by_identified_names_is_attributed_to_who_identified_them():
    text = "Журналисты «Медиазоны» установили имена 111 387 российских военных, погибших в войне."
    assert one(text)["claimant"].startswith("Журналисты")


def test_reported_at_the_ministry_names_the_ministry():
    text = "ВСУ потеряли до 190 военнослужащих, танк и три бронемашины, сообщили в Минобороны России."
    assert {c["claimant"] for c in claims(text)} == {"Минобороны России"}


def test_a_warring_sides_losses_in_people_are_soldiers():
    text = "Шойгу заявил, что потери Украины с начала контрнаступления превысили 66 тысяч человек."
    assert one(text)["population"] == "military"


def test_a_forecast_verb_names_its_source():
    text = "К концу года потери ВСУ могут превысить 500 тысяч человек, прогнозирует военный эксперт Андрей Марочко."
    claims = extract(text, lang="ru", published="2025-06-05")
    assert [c.claimant for c in claims] == ["военный эксперт Андрей Марочко"]


@pytest.mark.parametrize("text, claimant", [
    ("Ранее в Минобороны России заявляли, что ВСУ потеряли более 1 000 000 военнослужащих.", "Минобороны России"),
    # a person's verb keeps its person: the place is a setting
    ("Зеленский в Киеве заявил, что Россия потеряла 1400 военнослужащих.", "Зеленский"),
])
def test_they_reported_at_an_institution_names_it(text, claimant):
    assert [c.claimant for c in extract(text, lang="ru", published="2024-03-15")] == [claimant]


def test_a_title_with_a_prepositional_phrase_and_the_name_after_it_is_one_source():
    got = one("Уполномоченный по правам человека в РФ Татьяна Москалькова заявила, что в плену остаются "
              "более 600 российских военных.")
    assert got["claimant"] == "Уполномоченный по правам человека в РФ Татьяна Москалькова"


def test_an_imperfective_past_verb_of_speech_names_the_source():
    assert one("Ранее Минобороны сообщало, что ВСУ потеряли до 1 500 военнослужащих.")["claimant"] == "Минобороны"


def test_a_verb_in_a_relative_clause_about_the_dead_names_no_source():
    text = ("Песков назвал недостоверными данные о гибели 50 тысяч российских военных. «Никаких 100 тысяч "
            "погибших, о которых пишут на Западе, нет», — сказал Песков журналистам.")
    got = {c["value"]: c for c in claims(text)}
    assert got[100000]["claimant"] == "Песков"  # not "погибшие", nor "Песков журналистам"


def test_a_known_name_joined_by_and_in_lower_case_is_read_whole():
    text = ("Такую оценку приводит вашингтонский Центр стратегических и международных исследований: Россия "
            "потеряла около 900 тысяч военнослужащих убитыми и ранеными.")
    (claim,) = extract(text, lang="ru", published="2025-06-04")
    assert claim.claimant.endswith("Центр стратегических и международных исследований")


@pytest.mark.parametrize("text, claimant", [
    # a setting after the source's relative clause, before the verb
    ("Проект UALosses, который собирает данные из некрологов, на конец мая установил имена 70 тысяч погибших "
     "украинских военных.", "Проект UALosses"),
    # "by the same time": a setting with "the same" before its noun
    ("Русская служба Би-би-си к тому же времени насчитала 100 тысяч погибших российских военных.",
     "Русская служба Би-би-си"),
])
def test_the_source_before_a_setting_of_time(text, claimant):
    assert one(text)["claimant"] == claimant


def test_the_defence_ministrys_special_military_motor_vehicles_are_vehicles():
    text = "По данным Минобороны России, уничтожены 41 200 единиц специальной военной автомобильной техники ВСУ."
    assert one(text)["category"] == "vehicles"


@pytest.mark.parametrize("text, low, high", [
    ("армия теряла в среднем три-четыре тысячи человек в месяц", 3000, 4000),
    ("погибли сорок-пятьдесят тысяч человек", 40000, 50000),
])
def test_two_number_words_joined_by_a_hyphen_are_a_range(text, low, high):
    got = find_numbers(text, "ru")
    assert [(q.qualifier, q.low, q.high) for q in got] == [("range", low, high)]


def test_a_sources_own_dead_where_the_sentence_names_no_side():
    text = "По данным Армии обороны Израиля, с начала войны погибли 890 военнослужащих, из них 430 — в секторе Газа."
    got = claims(text)
    assert {(c["value"], c["side"]) for c in got} == {(890, "israel"), (430, "israel")}


def test_the_attackers_victims_are_the_other_side():
    text = "В результате нападения ХАМАС на юг Израиля погибли около 1200 человек."
    assert one(text)["side"] == "israel"


def test_a_ratio_of_wounded_to_killed_is_no_count():
    text = "Российская армия несёт большие потери: обычно на одного убитого приходится два-три раненых, сказал врач."
    assert claims(text) == []


def test_hezbollah_in_either_spelling_is_lebanon():
    text = "Израиль заявил, что уничтожил около 2400 боевиков «Хизбаллы» на юге Ливана."
    assert one(text)["side"] == "lebanon"


def test_the_israeli_army_named_in_an_oblique_case_is_cited_in_the_nominative():
    text = "По данным Армии обороны Израиля, с начала войны погибли 890 военнослужащих."
    assert one(text)["claimant"] == "Армия обороны Израиля"


def test_a_party_named_in_quotes_after_its_fighters_is_their_side():
    text = "В ЦАХАЛе утверждают, что в Ливане ликвидированы около 2400 боевиков «Хизбаллы»."
    got = one(text)
    assert (got["side"], got["claimant"]) == ("lebanon", "ЦАХАЛ")
