"""The extractor on sentences written for these tests: one behaviour per test, English and Swedish."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossledger import extract
from lossledger.extract.language import detect


def one(text: str, **kw) -> dict:
    claims = [c.to_dict() for c in extract(text, **kw)]
    assert len(claims) == 1, claims
    return claims[0]


def extract_dicts(text: str, **kw) -> list[dict]:
    return [c.to_dict() for c in extract(text, **kw)]


def by_value(text: str, **kw) -> dict:
    return {(c.value if c.value is not None else (c.low, c.high)): c.to_dict() for c in extract(text, **kw)}


@pytest.mark.parametrize("text, lang, category", [
    ("Kyiv says some 12,000 Russian soldiers were killed or wounded near the city.", "en", "killed_or_wounded"),
    ("The ministry said 4,500 Russian troops have died since the spring.", "en", "killed"),
    ("Officials said 830 Ukrainian servicemen were injured in the fighting.", "en", "wounded"),
    ("The army said it had taken 310 Russian soldiers prisoner of war, the captured men included officers.", "en",
     "captured"),
    ("The ministry said 2,300 Ukrainian soldiers are missing in action.", "en", "missing"),
    ("Kyiv said Russia has lost 950,000 troops since the invasion.", "en", "losses"),
    ("Enligt ministeriet har 40 000 ryska soldater dödats eller skadats.", "sv", "killed_or_wounded"),
    ("Enligt armén har 700 ukrainska soldater tillfångatagits.", "sv", "captured"),
])
def test_personnel_category(text, lang, category):
    assert one(text, lang=lang)["category"] == category


def test_equipment_list_gives_one_claim_per_item():
    text = ("The General Staff said Russia has lost 3,105 tanks, 6,020 armoured fighting vehicles, 190 helicopters, "
            "17 ships and boats, and one submarine.")
    got = {c["category"]: c["value"] for c in map(lambda c: c.to_dict(), extract(text, lang="en"))}
    assert got == {"tanks": 3105, "armored_vehicles": 6020, "helicopters": 190, "ships": 17, "submarines": 1}


def test_equipment_without_a_loss_is_no_claim():
    assert extract("Russia started the war with around 3,000 operational tanks.", lang="en") == []


@pytest.mark.parametrize("text, side", [
    ("Analysts said 20,000 Ukrainian soldiers were killed.", "ukraine"),
    ("Analysts said Russia's losses reached 90,000 troops.", "russia"),
    ("Ukrainian forces destroyed 14 tanks, the brigade said.", "russia"),
    ("Analysts said combined Russian and Ukrainian casualties stand at 900,000.", "both"),
    ("Ukraine's Defence Ministry said the enemy lost 1,200 soldiers over the week.", "russia"),
    # the side the losses were suffered against: after "with"/"by", or the attacker of "a Russian missile attack"
    ("12 soldiers were killed in clashes with the Russian troops near Bakhmut, the brigade said.", "ukraine"),
    ("Four soldiers died in fighting against Ukrainian forces, the ministry said.", "russia"),
    ("At least 14 people died in a Russian missile attack on Kharkiv, the governor said.", "ukraine"),
    ("In a Ukrainian drone attack on Belgorod, 3 people were injured.", "russia"),
])
def test_side(text, side):
    assert one(text, lang="en")["side"] == side


@pytest.mark.parametrize("text, side", [
    ("Tolv soldater dödades i strider mot ryska trupper.", "ukraine"),
    ("Minst 14 personer dödades i en rysk robotattack mot Charkiv.", "ukraine"),
])
def test_side_swedish(text, side):
    assert one(text, lang="sv")["side"] == side


def test_participle_after_the_sides_own_equipment_keeps_the_side():
    text = ("Since June, Russia has destroyed 1,200 Ukrainian armoured vehicles, 300 Ukrainian tanks destroyed, "
            "including 17 Leopard tanks, the minister said. "
            "Russian air defence systems shot down 27 Storm Shadow missiles.")
    got = by_value(text, lang="en", published="2023-07-11")
    assert {v: c["side"] for v, c in got.items()} == {1200: "ukraine", 300: "ukraine", 17: "ukraine", 27: "ukraine"}


def test_place_is_not_the_side():
    claim = one("Officials in Kyiv said 5,000 Russian soldiers died in Ukraine last month.", lang="en",
                published="2024-05-10")
    assert claim["side"] == "russia"


@pytest.mark.parametrize("text, population", [
    ("Officials said 60 Ukrainian civilians were killed in the shelling of the town.", "civilian"),
    ("Officials said 60 Russian soldiers were killed in the battle.", "military"),
    ("At least 12 people died in a missile strike on the Ukrainian city of Kharkiv, the governor said.", "civilian"),
])
def test_population(text, population):
    assert one(text, lang="en")["population"] == population


@pytest.mark.parametrize("text, metric, value", [
    ("Russia lost an average of 1,150 troops per day in March, the General Staff said.", "per_day", 1150),
    ("Britain estimates Russia loses 4,000 soldiers a week, the ministry said.", "per_week", 4000),
    ("Britain estimates Russia loses 35,000 soldiers a month, the ministry said.", "per_month", 35000),
])
def test_rates(text, metric, value):
    claim = one(text, lang="en")
    assert (claim["metric"], claim["value"]) == (metric, value)


def test_a_rate_after_a_total_is_its_own_claim():
    """"N troops, averaging M per day": the total stays a count, the rate is a second claim with the noun elided."""
    got = extract("In 2023, Russia lost 250,000 troops, averaging 685 per day, the General Staff said.", lang="en",
                  published="2024-06-01")
    assert sorted((c.value, c.metric, c.category, c.period_end) for c in got) == [
        (685, "per_day", "losses", "2023-12-31"), (250000, "count", "losses", "2023-12-31")]


def test_period_sum_ends_with_its_year():
    claim = one("In 2023, Russia lost 250,000 troops, according to the General Staff.", lang="en",
                published="2024-06-01")
    assert claim["period_start"] == "2023-01-01"
    assert claim["period_end"] == "2023-12-31" == claim["as_of"]


@pytest.mark.parametrize("text, lang, published, period", [
    ("In August, Russia lost 28,790 soldiers, according to the General Staff.", "en", "2025-09-02",
     ("2025-08-01", "2025-08-31")),
    ("During November, Russia lost 20,100 soldiers, according to the General Staff.", "en", "2025-11-20",
     ("2025-11-01", "2025-11-20")),
    ("I augusti förlorade Ryssland 28 790 soldater, enligt generalstaben.", "sv", "2025-09-02",
     ("2025-08-01", "2025-08-31")),
])
def test_month_total_has_the_month_as_its_period(text, lang, published, period):
    claim = one(text, lang=lang, published=published)
    assert (claim["period_start"], claim["period_end"]) == period
    assert claim["as_of"] == period[1]


@pytest.mark.parametrize("text", [
    "By August, Russia had lost 600,000 soldiers, according to the General Staff.",
    "In August, Russia had already lost 600,000 soldiers, according to the General Staff.",
    "In August, the General Staff said Russia had lost 600,000 soldiers.",
])
def test_a_month_that_dates_a_running_total_is_no_period(text):
    claim = one(text, lang="en", published="2025-09-02")
    assert (claim["as_of"], claim["period_start"]) == ("2025-08", None)


@pytest.mark.parametrize("text, lang, claimant", [
    ("According to the Pentagon, 70,000 Russian soldiers have been killed.", "en", "the Pentagon"),
    ("About 70,000 Russian soldiers have been killed, Pentagon officials said.", "en", "Pentagon officials"),
    ("Enligt Pentagon har 70 000 ryska soldater dödats.", "sv", "Pentagon"),
    ("Russia has lost 3,000 tanks, according to figures compiled by a monitoring group.", "en", "a monitoring group"),
    ("Enligt uppgifter från FN har 12 000 ukrainska civila dödats.", "sv", "FN"),
    # the party before a loss word owns the losses, it is not part of the source's name
    ("According to a Western intelligence officer Ukraine's losses have reached 40,000 killed.", "en",
     "a Western intelligence officer"),
    ("Russia lost 40 tanks last week, the Institute for the Study of War said.", "en",
     "the Institute for the Study of War"),
    ("Ryssland förlorade 40 stridsvagnar i veckan, uppger det ukrainska försvarsdepartementet enligt Reuters.", "sv",
     "det ukrainska försvarsdepartementet"),
])
def test_claimant_forms(text, lang, claimant):
    assert one(text, lang=lang)["claimant"] == claimant


def test_claimant_carried_from_the_next_sentence_and_by_anaphor():
    text = ("Omkring 90 000 ryska soldater har dödats i kriget.\n\nDet skriver tankesmedjan ISW i en rapport.\n\n"
            "Samtidigt har 30 000 ukrainska soldater dödats, enligt tankesmedjan.")
    claims = by_value(text, lang="sv")
    assert "ISW" in claims[90000]["claimant"]
    assert claims[30000]["claimant"] == claims[90000]["claimant"]


@pytest.mark.parametrize("text, lang, claimant", [
    # a negation and a perfect-tense verb between the source and what it says
    ("Russia has not confirmed such heavy losses. In its own update, 2,100 Russian soldiers are listed as dead.",
     "en", "Russia"),
    ("Ryssland har inte bekräftat så stora förluster. I den egna uppdateringen uppges det att 2 100 ryska "
     "soldater har dött.", "sv", "Ryssland"),
    ("Försvarsministeriet har uppgett att 500 ryska soldater har dödats.", "sv", "Försvarsministeriet"),
])
def test_claimant_of_a_negated_or_perfect_speech_verb(text, lang, claimant):
    assert one(text, lang=lang)["claimant"] == claimant


def test_two_sources_in_one_sentence_each_keep_their_figure():
    text = ("While Kyiv's defence ministry claims 15,000 Russian soldiers have been killed, the Russian "
            "authorities admitted to just under 500 deaths.")
    got = by_value(text, lang="en", published="2022-03-10")
    assert {v: c["claimant"] for v, c in got.items()} == {
        15000: "Kyiv's defence ministry", 500: "the Russian authorities"}


@pytest.mark.parametrize("text, lang, claimants", [
    # an 'according to' is a voice of its own beside a later speaker's figure
    ("At least 20,000 people have been killed in Sudan, according to the UN, while local monitors put the toll at "
     "more than 60,000.", "en", {20000: "the UN", 60000: "local monitors"}),
    ("Al menos 20.000 personas han muerto en Sudán, según la ONU, aunque grupos locales elevan la cifra a más de "
     "60.000.", "es", {20000: "ONU", 60000: "grupos locales"}),
])
def test_an_according_to_and_a_later_speaker_each_keep_their_figure(text, lang, claimants):
    got = by_value(text, lang=lang, published="2024-04-15")
    assert {v: c["claimant"] for v, c in got.items()} == claimants


def test_a_speaker_of_a_later_clause_does_not_take_the_figure_of_an_according_to():
    text = ("The fighting in Sudan has killed at least 24,000 people, according to the United Nations, though aid "
            "groups say the true toll is far higher.")
    assert one(text, lang="en", published="2025-02-18")["claimant"] == "the United Nations"


@pytest.mark.parametrize("text, lang, claimant", [
    # "according to Ukrainian data": the data of the source named before
    ("Sztab Generalny podał, że Rosja straciła 720 000 żołnierzy. Według ukraińskich danych zniszczono też 9 300 "
     "czołgów.", "pl", "Sztab Generalny"),
    ("Ukraine's General Staff said Russia had lost 720,000 troops. Ukrainian figures also put Russian tank losses at "
     "9,300, according to Ukrainian data.", "en", "Ukraine's General Staff"),
])
def test_data_named_by_a_nationality_only_are_the_named_sources(text, lang, claimant):
    assert {c["claimant"] for c in extract_dicts(text, lang=lang, published="2024-11-20")} == {claimant}


def test_a_rebuttal_without_loss_words_is_about_the_loss_before_it():
    text = ("Zelensky said 31,000 Ukrainian soldiers have been killed. "
            "\"Not 300,000, not 150,000, whatever Moscow says.\"")
    got = by_value(text, lang="en", published="2024-02-26")
    assert {v: (c["category"], c["side"], c["stance"]) for v, c in got.items()} == {
        31000: ("killed", "ukraine", "asserted"), 300000: ("killed", "ukraine", "disputed"),
        150000: ("killed", "ukraine", "disputed")}


def test_claimant_is_completed_with_the_same_spelling_only():
    text = ("President Volodymyr Zelenskyi at a press conference. (Photo caption)\n\n"
            "Volodymyr Zelensky met reporters. Zelensky said 31,000 Ukrainian soldiers have been killed.")
    assert one(text, lang="en", published="2024-02-26")["claimant"] == "Volodymyr Zelensky"


@pytest.mark.parametrize("text, lang", [
    ("Russia's Defence Ministry published its weekly update. In its update on fallen soldiers, it is reported that "
     "1,351 Russian soldiers have been killed.", "en"),
    ("Rysslands försvarsministerium skriver om saken i sin veckorapport. I uppdateringen om stupade soldater "
     "uppges det att 1 351 ryska soldater dödats.", "sv"),
])
def test_passive_speech_names_no_source_and_the_last_one_carries(text, lang):
    assert one(text, lang=lang, published="2022-03-25")["claimant"] in (
        "Russia's Defence Ministry", "Rysslands försvarsministerium")


def test_relay_is_via():
    claim = one("The general told Reuters that 8,000 Russian soldiers were killed in the offensive.", lang="en")
    assert claim["claimant"] == "The general" and claim["via"] == ["Reuters"]


def test_no_source_gives_null_claimant():
    assert one("Some 2,000 Russian soldiers were killed in the battle.", lang="en")["claimant"] is None


def test_dates_from_text_weekday_and_publication():
    text = "Ukraine's General Staff said on Monday that 7,100 Russian soldiers were killed or wounded."
    assert one(text, lang="en", published="2024-03-14")["as_of"] == "2024-03-11"
    text = "In February, the ministry said 46,500 Russian soldiers were killed."
    assert one(text, lang="en", published="2024-06-14")["as_of"] == "2024-02"
    text = "Publicerad 3 mar 2025 kl 10.00\n\nEnligt Kiev har 80 000 ryska soldater dödats."
    assert one(text, lang="sv")["as_of"] == "2025-03-03"


@pytest.mark.parametrize("url", ["https://example.org/news/2024/05/17/story", "https://example.org/2024-05/17/story",
                                 "https://example.org/story-20240517.html",
                                 "https://example.org/politics/17/05/2024/5f3a9c"])
def test_publication_date_from_url(url):
    text = "The ministry said 46,500 Russian soldiers were killed."
    assert one(text, lang="en", url=url)["as_of"] == "2024-05-17"


@pytest.mark.parametrize("text, lang", [
    ("Zelensky speaks of losses\n\nKyiv, 17 May 2024 (AFP) - Since the start of the war 31,000 Ukrainian soldiers "
     "have been killed, President Zelensky said.", "en"),
    ("Selenskyj nennt erstmals seit Monaten Zahlen\n\nBerlin/Kiew, 17. Mai 2024 (AFP) – Seit Kriegsbeginn seien "
     "31.000 ukrainische Soldaten getötet worden, sagte Selenskyj.", "de"),
])
def test_publication_date_from_the_dateline_under_a_headline(text, lang):
    assert one(text, lang=lang)["as_of"] == "2024-05-17"


def test_publication_date_is_the_earliest_byline_date_of_the_header():
    text = ("NEWS DIGEST | Jun 3, 2025 | Europe\n\nThe Economist\n\n9 May 2023\n\n"
            "The ministry said 46,500 Russian soldiers were killed since 24 February 2022.")
    assert one(text, lang="en")["as_of"] == "2023-05-09"


def test_projection_and_hedge():
    claims = by_value("Analysts say combined losses could reach 1.5 million by next summer, and Russia may have "
                      "lost more than 600,000 soldiers already.", lang="en", published="2025-01-10")
    assert claims[1500000]["modality"] == "projection"
    assert claims[600000]["modality"] == "hedged"


def test_rejected_figure_is_disputed():
    claims = by_value("“Not 200,000 dead, not 100,000,” the president said of Ukrainian soldiers killed.",
                      lang="en")
    assert {c["stance"] for c in claims.values()} == {"disputed"}


@pytest.mark.parametrize("text", [
    "The EU approved a package of 500 million euros for Ukraine.",
    "Russian forces advanced about 30 square kilometres in 2024.",
    "Turnout rose by 12% among soldiers, the ministry said.",
    "Russia signed 20,000 contracts with recruits last month, Moscow said.",
    "The 19-year-old soldier was killed near Bakhmut.",
])
def test_noise_is_no_claim(text):
    assert extract(text, lang="en", published="2025-01-01") == []


def test_repeated_claim_is_one_record_with_first_evidence():
    text = ("About 40,000 Russian soldiers were killed, the ministry said. Later the ministry said again that "
            "about 40,000 Russian soldiers were killed.")
    claim = one(text, lang="en")
    assert claim["evidence"]["start"] == 0


def test_series_match_dates_an_undated_article():
    # 1,000,340 is the General Staff's cumulative figure of 12 June 2025 (shipped snapshot).
    claim = one("Ukraine's General Staff said Russia has lost 1,000,340 soldiers killed or wounded.", lang="en")
    assert claim["as_of"] == "2025-06-12" and claim["as_of_inferred"] is True


def test_series_match_dates_an_article_known_to_the_month_only():
    # 1,625 armoured vehicles and 561 tanks: the General Staff's figures of 25 March 2022 (shipped snapshot)
    text = ("date 2022-03\nThe Ukrainian military said on Friday that Russia had lost 1,625 armoured vehicles "
            "and 561 tanks so far.")
    assert {c["as_of"] for c in by_value(text, lang="en").values()} == {"2022-03-25"}


def test_weekday_against_a_publication_month_stays_at_the_month():
    text = ("date 2022-03\nThe regional governor said on Friday that 14 civilians had been killed by Russian "
            "shelling in Kharkiv.")
    claim = one(text, lang="en")
    assert claim["as_of"] == "2022-03" and not claim.get("as_of_inferred")


@pytest.mark.parametrize("text, lang", [
    ("The ministry said that the soldiers were killed in the war and the army lost many of its tanks.", "en"),
    ("Ministeriet säger att soldaterna dödades i kriget och att armén har förlorat många av sina stridsvagnar.",
     "sv"),
])
def test_language_detection(text, lang):
    assert detect(text) == lang


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,.-–\nabcdeklmnorstuRUK'") + [
    " killed ", " soldiers ", " tanks ", " Russian ", " said ", " about ", " million ", " dödats ", " ryska "]),
    max_size=120).map("".join))
def test_any_text_extracts_without_error_and_offsets_slice_evidence(text):
    for claim in extract(text):
        ev = claim.evidence
        assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("text, want", [
    # an approximation before the first of two coordinated personnel figures covers the second
    ("The report puts Ukrainian casualties at approximately 70,000 killed and 350,000 wounded.",
     [(70000, "killed", "approx"), (350000, "wounded", "approx")]),
    # a bound does not carry over, nor does an approximation onto an equipment count
    ("The ministry said more than 900 Russian soldiers were killed and 250 wounded.",
     [(900, "killed", "at_least"), (250, "wounded", "exact")]),
    ("Russia has lost nearly 12,000 soldiers and 95 tanks, the General Staff said.",
     [(12000, "losses", "approx"), (95, "tanks", "exact")]),
    ("The analyst said the real Russian toll could be nearer 1,800 tanks.", [(1800, "tanks", "approx")]),
])
def test_qualifier_of_coordinated_figures(text, want):
    got = [(c.value, c.category, c.qualifier) for c in extract(text, lang="en", published="2025-01-01")]
    assert got == want


@pytest.mark.parametrize("text, lang, claimant", [
    # a long apposition between the source and its verb
    ("Mark Rutte, the NATO secretary general and a former Dutch prime minister, said Russia had lost 600,000 "
     "soldiers.", "en", "Mark Rutte"),
    # "..., including the wounded, says X": the month before the comma is no source
    ("Ryssland förlorade 30 000 soldater under november, inklusive sårade, säger Kallas till tidningen.", "sv",
     "Kallas"),
    # a clause holding the figure is no apposition: the source follows the verb
    ("Den värsta dagen var den 3 maj, då de ukrainska styrkorna förstörde 45 ryska stridsvagnar på en dag, "
     "framhåller det ukrainska försvarsministeriet.", "sv", "det ukrainska försvarsministeriet"),
])
def test_source_across_an_apposition(text, lang, claimant):
    assert one(text, lang=lang, published="2025-01-01")["claimant"] == claimant


@pytest.mark.parametrize("lang, text", [
    ("en", "The General Staff said Russia lost 8,200 soldiers over the past week."),
    ("sv", "Ukrainas generalstab uppger att Ryssland förlorat 8 200 soldater under den senaste veckan."),
    ("de", "Laut dem ukrainischen Generalstab verlor Russland in der vergangenen Woche 8200 Soldaten."),
    ("fr", "Selon l'état-major ukrainien, la Russie a perdu 8 200 soldats au cours de la semaine écoulée."),
    ("es", "Según el Estado Mayor ucraniano, Rusia perdió 8.200 soldados en la última semana."),
    ("pl", "Według Sztabu Generalnego Rosja straciła w ciągu ostatniego tygodnia 8200 żołnierzy."),
    ("ru", "По данным Генштаба ВСУ, за последнюю неделю Россия потеряла 8200 военных."),
    ("uk", "За даними Генштабу, за останній тиждень росія втратила 8200 військових."),
])
def test_a_week_tally_covers_the_seven_days_up_to_the_statement(lang, text):
    claim = one(text, lang=lang, published="2024-10-28")
    assert (claim["value"], claim["metric"]) == (8200, "count")
    assert (claim["period_start"], claim["period_end"], claim["as_of"]) == ("2024-10-22", "2024-10-28", "2024-10-28")


def test_a_pronoun_takes_a_known_source_from_the_sentence_before():
    text = "Zelensky spoke in Kyiv on Monday. On Monday he said Russia had lost 5,000 soldiers."
    assert one(text, lang="en", published="2025-01-01")["claimant"] == "Zelensky"
    # with no source named before, the pronoun names nobody
    assert one("On Monday he said Russia had lost 5,000 soldiers.", lang="en", published="2025-01-01")["claimant"] \
        is None


@pytest.mark.parametrize("text, published, want", [
    # "from A to B": a period ending at B; a start without its own year takes B's (or the year before)
    ("From January to May 2023, Russia lost 100,000 soldiers, the ministry said.", "2024-11-23",
     ("2023-05", "2023-01", "2023-05")),
    ("From November to February, Russia lost 100,000 soldiers, the ministry said.", "2024-03-10",
     ("2024-02", "2023-11", "2024-02")),
    # from the full-scale invasion to a day: a running total, no period
    ("From 24 February 2022 to 23 November 2024, Russia lost 730,000 soldiers, the General Staff said.",
     "2024-11-23", ("2024-11-23", None, None)),
])
def test_from_to_periods(text, published, want):
    claim = one(text, lang="en", published=published)
    assert (claim["as_of"], claim["period_start"], claim["period_end"]) == want


@pytest.mark.parametrize("lang, text", [
    ("en", "Between 24 February and the end of 2022, about 22,000 Russian soldiers died, the media estimate."),
    ("fr", "Les médias estiment qu'environ 22.000 soldats russes sont décédés entre le 24 février et la fin de "
           "l'année 2022."),
])
def test_the_end_of_a_year_closes_a_period_and_dates_its_start(lang, text):
    """'the end of 2022' is 31 December; '24 February' before it is of 2022, not of the publication year."""
    claim = one(text, lang=lang, published="2023-07-10")
    assert (claim["as_of"], claim["period_start"], claim["period_end"]) == ("2022-12-31", "2022-02-24", "2022-12-31")


def test_each_figure_takes_its_own_period():
    text = ("Les médias estiment qu'environ 22.000 soldats russes sont décédés entre le 24 février et la fin de "
            "l'année 2022 et que 25.000 autres militaires russes sont morts entre début 2023 et fin mai.")
    got = {c.value: (c.as_of, c.period_start, c.period_end) for c in extract(text, lang="fr", published="2023-07-10")}
    assert got == {22000: ("2022-12-31", "2022-02-24", "2022-12-31"), 25000: ("2023-05", "2023-01-01", "2023-05")}


@pytest.mark.parametrize("text, lang", [
    ("The ministry gave its first figures on 2 May. At the time, 498 Russian soldiers had been killed.", "en"),
    ("Ministeriet gav sina första siffror den 2 maj. Då hade 498 ryska soldater dödats.", "sv"),
])
def test_then_dates_a_sentence_like_the_one_before(text, lang):
    assert one(text, lang=lang, published="2025-06-12")["as_of"] == "2025-05-02"


def test_an_estimated_figure_is_no_speech_verb_and_a_running_total_is_no_days_tally():
    text = ("Russian forces lost an estimated 1,300 soldiers over the past day, bringing the total since the "
            "invasion to 905,000, Ukraine's General Staff said on Monday.")
    got = by_value(text, lang="en", published="2025-04-02")
    assert {c["claimant"] for c in got.values()} == {"Ukraine's General Staff"}
    assert {c["side"] for c in got.values()} == {"russia"}
    assert (got[1300]["period_start"], got[1300]["period_end"]) == ("2025-03-31", "2025-03-31")
    assert (got[905000]["period_start"], got[905000]["period_end"]) == (None, None)


@pytest.mark.parametrize("text, lang", [
    ("Russian daily losses averaged 1,200 troops in November, British intelligence said.", "en"),
    ("Rysslands dagliga förluster var i genomsnitt 1 200 soldater i november, enligt London.", "sv"),
])
def test_average_with_its_rate_before_the_number_over_a_month(text, lang):
    claim = one(text, lang=lang, published="2025-01-10")
    assert claim["metric"] == "per_day"
    assert (claim["as_of"], claim["period_start"], claim["period_end"]) == ("2024-11-30", "2024-11-01", "2024-11-30")


def test_a_daily_report_is_no_average():
    claim = one("In its daily report, the General Staff said Russia lost 1,200 soldiers over the past day.", lang="en")
    assert claim["metric"] == "count"


@pytest.mark.parametrize("text, lang", [
    ("The think tank ISW said 1,100 Russian soldiers were killed on Monday. According to the same report, 40 "
     "Ukrainian soldiers were captured.", "en"),
    ("Tankesmedjan ISW skriver att 1 100 ryska soldater dödades i måndags. Enligt samma rapport tillfångatogs 40 "
     "ukrainska soldater.", "sv"),
])
def test_the_same_report_refers_back_to_its_source(text, lang):
    assert len({c["claimant"] for c in by_value(text, lang=lang, published="2025-06-12").values()}) == 1


def test_a_relay_is_named_once():
    text = ("US officials estimate that as many as 100,000 Russian soldiers have been killed or wounded, the paper "
            "reported, citing unnamed officials.")
    via = one(text, lang="en")["via"]
    assert len(via) == len(set(via))


def test_a_count_by_identified_names_is_attributed_to_who_identified_them():
    text = "Mediazona has identified the names of 111,387 Russian soldiers killed in the war."
    assert one(text, lang="en")["claimant"] == "Mediazona"


def test_colon_list_items_under_a_heading():
    text = ("Key figures:\n- Russian personnel losses: roughly 405,000\n- Tanks: 6,500\n- Armoured vehicles: 12,300\n"
            "The numbers cannot be independently verified.")
    got = by_value(text, lang="en", published="2024-02-25")
    assert {v: got[v]["category"] for v in (6500, 12300)} == {6500: "tanks", 12300: "armored_vehicles"}
    assert {c["claimant"] for c in got.values()} == {None}


@pytest.mark.parametrize("text, lang", [
    ("Russia's losses since the invasion, according to Ukraine's General Staff:\n\npersonnel — about 1,012,400\n"
     "tanks — 11,050\n", "en"),
    ("De samlade ryska förlusterna, enligt Ukrainas generalstab:\n\npersonal — cirka 1 012 400\n"
     "stridsvagnar — 11 050\n", "sv"),
])
def test_a_list_item_of_soldiers_takes_its_kind_and_side_from_the_heading(text, lang):
    got = by_value(text, lang=lang, published="2025-09-01")
    assert got[1012400]["category"] == "killed_or_wounded" and got[1012400]["qualifier"] == "approx"
    assert {c["side"] for c in got.values()} == {"russia"}  # the side at the loss word, not the source's


def test_a_list_item_of_soldiers_needs_a_heading_of_losses():
    text = "Troops deployed along the border:\n\npersonnel — about 60,000\ntanks — 900\n"
    assert extract_dicts(text, lang="en", published="2025-09-01") == []


def test_a_number_after_a_preposition_does_not_continue_an_equipment_list():
    text = "Ukraine said its drones destroyed 41 Russian aircraft at four airbases."
    assert [c["value"] for c in extract_dicts(text, lang="en")] == [41]


def test_a_part_does_not_cut_its_whole_off_from_its_loss_word():
    text = "At least 31 people, including five children, were killed in a Russian strike on Kryvyi Rih."
    got = by_value(text, lang="en")
    assert got[31]["category"] == "killed" and got[31]["population"] == "civilian"


def test_a_denial_of_alternatives_disputes_both_and_names_the_denier():
    got = by_value("Zelensky denied figures of 300,000 or 150,000 dead Ukrainian soldiers.", lang="en")
    assert {v: (c["claimant"], c["stance"], c["category"]) for v, c in got.items()} == {
        300000: ("Zelensky", "disputed", "killed"), 150000: ("Zelensky", "disputed", "killed")}


def test_a_third_party_dismissing_a_named_estimate_leaves_it_asserted():
    claim = one("The Kremlin dismissed the CSIS estimate of 1.2 million Russian casualties.", lang="en")
    assert claim["stance"] == "asserted" and "CSIS" in claim["claimant"]


def test_an_opening_adverb_before_the_verb_leaves_the_source_after_it():
    claim = one("Samtidigt uppger Zelenskyj att 31 000 ukrainska soldater har dödats.", lang="sv")
    assert claim["claimant"] == "Zelenskyj" and claim["via"] == []


def test_shot_down_out_of_launched():
    got = extract_dicts("Air defence shot down 54 of 70 Russian drones overnight, the air force said.", lang="en")
    assert [(c["value"], c["category"], c["side"]) for c in got] == [(54, "drones", "russia")]


def test_swedish_genitive_of_an_abbreviation_and_a_month_after_a_sentence_with_since():
    text = ("FN:s människorättskontor uppger att minst 12 300 civila har dödats i Ukraina sedan den fullskaliga "
            "invasionen. Bara i december dödades 140 civila.")
    got = by_value(text, lang="sv", published="2025-01-10")
    assert {c["claimant"] for c in got.values()} == {"FN:s människorättskontor"}
    assert (got[140]["period_start"], got[140]["period_end"]) == ("2024-12-01", "2024-12-31")


def test_the_invader_is_not_the_loser():
    text = ("At least 12,300 civilians have been killed since Russia's full-scale invasion, the United Nations said, "
            "including 140 in December alone.")
    assert {c["side"] for c in extract_dicts(text, lang="en", published="2025-01-10")} == {"ukraine"}


def test_since_a_month_far_after_since_is_no_month_total_and_a_days_tally_is_not_carried_on():
    text = ("Russia has lost more than 1 million soldiers killed or wounded since launching its full-scale invasion "
            "of Ukraine in February 2022, Ukraine's military said on Thursday. The General Staff said 1,140 Russian "
            "troops had been killed or wounded in the past 24 hours alone. Western estimates put Russian losses at "
            "between 700,000 and 900,000.")
    got = extract_dicts(text, lang="en", published="2025-06-12")
    dated = {(c["value"] or c["low"]): (c["as_of"], c["period_start"]) for c in got}
    assert dated == {1000000: ("2025-06-12", None), 1140: ("2025-06-12", "2025-06-12"), 700000: ("2025-06-12", None)}


def test_each_number_keeps_its_own_verb():
    text = "A Russian missile strike on the port of Odesa killed eight people and injured 11 others, the governor said."
    got = by_value(text, lang="en", published="2024-10-10")
    assert {v: c["category"] for v, c in got.items()} == {8: "killed", 11: "wounded"}


def test_a_warring_sides_losses_in_people_are_soldiers_and_people_killed_in_a_place_belong_to_it():
    claim = one("Ukraine's losses in the counteroffensive exceeded 66,000 people, Shoigu said.", lang="en")
    assert (claim["side"], claim["population"]) == ("ukraine", "military")
    claim = one("More than 500 people were killed in Ukraine in July, the UN said.", lang="en", published="2023-09-05")
    assert (claim["side"], claim["population"]) == ("ukraine", "unspecified")


def test_per_after_a_comma_names_the_source_and_per_day_stays_a_rate():
    assert one("Russia lost 1,200 soldiers in a day, per the Pentagon.", lang="en")["claimant"] == "the Pentagon"
    assert one("Russia loses 1,200 soldiers per day, the Pentagon said.", lang="en")["metric"] == "per_day"


def test_one_of_the_dead_leaves_the_dead_counted():
    claim = one("The 19-year-old soldier was one of 12 killed in the Russian strike on Sumy.", lang="en")
    assert (claim["value"], claim["category"]) == (12, "killed")


@pytest.mark.parametrize("text, claimant", [
    ("The think tank ISW said 1,200 Russian soldiers were killed.", "The think tank ISW"),
    ("The think tank said 1,200 Russian soldiers were killed.", "The think tank"),  # no earlier source: itself
    ("He said 1,200 Russian soldiers were killed.", None),  # a pronoun with nobody before it
])
def test_descriptions_and_pronouns_with_no_source_before_them(text, claimant):
    assert one(text, lang="en")["claimant"] == claimant


@pytest.mark.parametrize("text, lang", [
    ("Russia lost 1,380 soldiers in a day, Ukraine's military said.", "en"),
    ("Ryssland förlorade 1 380 soldater på ett dygn, enligt Ukrainas försvarsmakt.", "sv"),
])
def test_in_a_day_is_that_days_tally(text, lang):
    claim = one(text, lang=lang, published="2024-11-08")
    assert (claim["metric"], claim["period_start"], claim["period_end"]) == ("count", "2024-11-08", "2024-11-08")


@pytest.mark.parametrize("text", [
    "Russian losses topped 700,000 in November, Kyiv said.",
    "Russian losses could exceed 700,000 by the end of the year, Kyiv said.",
])
def test_verbs_of_passing_a_figure_make_it_a_lower_bound(text):
    assert one(text, lang="en", published="2024-12-01")["qualifier"] == "at_least"


def test_repeat_by_surname_is_one_claim_with_the_fullest_name_and_the_stated_period():
    text = ("Ukraine's losses in the offensive exceed 12,000 troops, Defence Minister Andrei Belousov said on "
            "Friday. \"Since 1 August the enemy has lost more than 12,000 troops,\" Belousov said.")
    claim = one(text, lang="en", published="2025-10-03")
    assert claim["claimant"] == "Defence Minister Andrei Belousov"
    assert (claim["period_start"], claim["period_end"]) == ("2025-08-01", "2025-10-03")
    assert claim["evidence"]["start"] == 0


def test_different_people_stating_one_figure_stay_two_claims():
    text = ("Andrei Belousov said 12,000 Ukrainian troops were killed. Oleksandr Syrskyi said 12,000 Ukrainian "
            "troops were killed.")
    assert len(extract(text, lang="en", published="2025-10-03")) == 2


@pytest.mark.parametrize("text, lang, as_of", [
    ("On day 100 of the war, Kyiv said 31,000 Russian soldiers had been killed.", "en", "2022-06-03"),
    ("On the 1,000th day of Russia's full-scale invasion, the General Staff said Russia had lost 719,000 troops.",
     "en", "2024-11-19"),
    ("On the sixth day of the war Kyiv said 5,300 Russian soldiers had been killed.", "en", "2022-03-01"),
    ("På krigets 100:e dag uppgav Kiev att 31 000 ryska soldater dödats.", "sv", "2022-06-03"),
])
def test_day_of_the_war_dates_the_figure(text, lang, as_of):
    claim = one(text, lang=lang, published="2025-06-01")
    assert claim["as_of"] == as_of
    assert claim["claimant"] in ("Kyiv", "Kiev", "the General Staff")  # the date is no part of the name


def test_day_of_the_war_in_the_header_refines_a_month_date_line():
    text = ("date 2022-03\nThe world watches on day 6 of the invasion. Ukraine's General Staff said 5,300 Russian "
            "soldiers had been killed.")
    assert one(text, lang="en")["as_of"] == "2022-03-01"


@pytest.mark.parametrize("text, lang, claimant", [
    ("Mediazona together with BBC Russian has confirmed the names of 106,745 Russian soldiers killed.", "en",
     "Mediazona together with BBC Russian"),
    ("Mediazona tillsammans med BBC har bekräftat namnen på 106 745 dödade ryska soldater.", "sv",
     "Mediazona tillsammans med BBC"),
])
def test_a_joint_source_is_both_names(text, lang, claimant):
    assert one(text, lang=lang, published="2025-06-01")["claimant"] == claimant


@pytest.mark.parametrize("text, lang, via", [
    ("Russia is losing 1,500 soldiers a day, a senior Western official told reporters.", "en", []),
    ("Russia is losing 1,500 soldiers a day, a senior Western official told a news conference.", "en", []),
    ("Russia is losing 1,500 soldiers a day, a senior Western official told the BBC.", "en", ["the BBC"]),
])
def test_whom_a_source_speaks_to_is_no_relay(text, lang, via):
    assert one(text, lang=lang, published="2025-06-01")["via"] == via


@pytest.mark.parametrize("text, lang", [
    ("In total, 10,668 Russian tanks, 22,250 armoured vehicles and 26,512 artillery systems have been destroyed.",
     "en"),
    ("Russland hat 10.668 Panzer (+4), 22.250 gepanzerte Fahrzeuge (+11) und 26.512 Artilleriesysteme (+31) "
     "verloren.", "de"),
])
def test_a_loss_verb_closing_an_equipment_list_covers_every_item(text, lang):
    totals = {c["category"]: c["value"] for c in extract_dicts(text, lang=lang, published="2025-06-10")
              if c["period_start"] is None}
    assert totals == {"tanks": 10668, "armored_vehicles": 22250, "artillery": 26512}


def test_equipment_in_stock_before_a_loss_clause_is_no_loss():
    text = "Russia keeps 10,000 tanks in storage; Russia lost 3,000 tanks last year."
    assert [c["value"] for c in extract_dicts(text, lang="en", published="2025-06-10")] == [3000]


@pytest.mark.parametrize("text, lang, claimant", [
    # the next sentence speaks of something else: the figure stays unattributed
    ("Bei einem Angriff auf Charkiw kamen am Montag 14 ukrainische Zivilisten ums Leben. Die Armee erklärte, sie "
     "habe eine Brücke gesichert.", "de", None),
    # it refers back to the figure: its source is the figure's
    ("Росія втратила 28 790 військових у серпні. Про це повідомило Міністерство оборони України.", "uk",
     "Міністерство оборони України"),
    ("Russia lost 28,790 soldiers in August. That's according to Ukraine's defence ministry.", "en",
     "Ukraine's defence ministry"),
])
def test_the_next_sentence_names_the_source_only_when_it_refers_back(text, lang, claimant):
    assert one(text, lang=lang, published="2025-09-02")["claimant"] == claimant


def test_an_unattributed_headline_lends_its_period_to_the_attributed_repeat():
    text = ("Russia lost 28,790 soldiers in August.\n\nThe ministry said 28,790 Russian soldiers were killed or "
            "wounded.")
    claim = one(text, lang="en", published="2025-09-02")
    assert (claim["claimant"], claim["period_start"], claim["period_end"]) == ("The ministry", "2025-08-01",
                                                                              "2025-08-31")


@pytest.mark.parametrize("text, lang, side", [
    # the side qualifying the loss noun owns the losses, whatever attack word follows
    ("Insgesamt beliefen sich die russischen Personalverluste seit Beginn der Invasion auf 936.530.", "de", "russia"),
    # a side that lost right after the attack word is no attacker
    ("Według sztabu od początku pełnoskalowej inwazji Rosja straciła około 1 352 070 żołnierzy.", "pl", "russia"),
    # weapons between the attacker and its strike
    ("Russian drones struck Kharkiv overnight, killing 4 people.", "en", "ukraine"),
])
def test_side_of_the_loser_not_the_attacker(text, lang, side):
    assert one(text, lang=lang, published="2025-04-22")["side"] == side


@pytest.mark.parametrize("text, lang, side", [
    # "by" after a loss word names who inflicted it
    ("Officials said 14 civilians were killed by Russian forces near Izium.", "en", "ukraine"),
    ("Selon Kyiv, 9 civils ont été tués par les forces russes à Kherson.", "fr", "ukraine"),
    # "by" elsewhere names the agent of something else, not the side that lost
    ("The health ministry in Gaza, run by Hamas, said 40,005 people have been killed.", "en", "palestine"),
    ("El Ministerio de Sanidad de Gaza, controlado por Hamás, elevó a 52.000 el número de muertos.", "es",
     "palestine"),
    # "by" after a verb of suffering names who suffered the losses
    ("Kyiv now puts the losses suffered by the Russian army at 905,000.", "en", "russia"),
    ("Kiev cifra en 905.000 las bajas sufridas por el Ejército ruso.", "es", "russia"),
    ("Kyiv estime à 905 000 les pertes subies par l'armée russe.", "fr", "russia"),
    ("Kijów szacuje straty poniesione przez armię rosyjską na 905 tys. żołnierzy.", "pl", "russia"),
])
def test_an_agent_preposition_names_the_attacker_only_after_a_loss_word(text, lang, side):
    assert one(text, lang=lang, published="2025-04-22")["side"] == side


@pytest.mark.parametrize("text, lang", [
    # the side word names where the weapon was designed or made; who launched it lost it
    ("Kyiv's air force said it downed 61 of 90 Iranian-designed Shahed drones that Russia launched overnight.", "en"),
    ("Die ukrainische Luftwaffe meldete, in der Nacht seien 48 iranische Shahed-Drohnen abgeschossen worden.", "de"),
    ("Według ukraińskich sił powietrznych zestrzelono 48 dronów irańskiej produkcji.", "pl"),
    ("Повітряні сили повідомили, що збили 48 іранських шахедів.", "uk"),
])
def test_a_weapons_maker_is_not_the_side_that_lost_it(text, lang):
    assert one(text, lang=lang, published="2025-04-22")["side"] == "russia"


@pytest.mark.parametrize("text, lang, side", [
    # a third country named in the sentence, its source included, is the loser of an attack on it
    ("Lebanon's health ministry said Israeli air strikes had killed 31 people since Monday.", "en", "lebanon"),
    ("Le ministère iranien de la Santé a indiqué que les frappes israéliennes avaient fait 224 morts.", "fr", "iran"),
    ("Israel's army said it had killed 250 Hezbollah fighters in the ground operation.", "en", "lebanon"),
    ("El Ejército israelí afirmó haber matado a 250 combatientes de Hezbolá.", "es", "lebanon"),
    # with none named, Israel's usual opponent
    ("Israeli strikes killed 44 people in Gaza on Sunday, the civil defence agency said.", "en", "palestine"),
])
def test_a_third_country_named_is_the_loser_of_an_attack_on_it(text, lang, side):
    assert one(text, lang=lang, published="2025-06-20")["side"] == side


@pytest.mark.parametrize("text, lang", [
    # a loss participle after the side's soldiers, then a verb of reaching: the toll of that side, not an attack
    ("Officials said the number of Ukrainian soldiers killed and wounded had reached about 400,000.", "en"),
    ("Selon Moscou, le nombre de soldats ukrainiens tués et blessés a atteint 400 000.", "fr"),
])
def test_the_sides_own_toll_before_a_verb_of_reaching_is_no_attack(text, lang):
    assert one(text, lang=lang, published="2025-04-22")["side"] == "ukraine"


def test_a_part_introduced_by_including_keeps_the_side_of_its_whole():
    text = ("Seoul said some 3,000 North Korean soldiers had been killed or wounded fighting for Russia, including "
            "about 300 killed.")
    got = by_value(text, lang="en", published="2025-03-01")
    assert {v: c["side"] for v, c in got.items()} == {3000: "north korea", 300: "north korea"}


@pytest.mark.parametrize("text, lang, side", [
    ("The general spoke of Ukraine's losses. \"They have lost about 90,000 killed,\" he said.", "en", "ukraine"),
    ("Han talade också om Rysslands förluster. – De har förlorat runt 90 000 döda, sa han.", "sv", "russia"),
])
def test_a_sentence_naming_one_sides_losses_gives_the_side_of_the_figure_after_it(text, lang, side):
    lead = "The general said his own army had lost 3,000 Russian soldiers killed. " if side == "ukraine" else \
        "Generalen sa att 3 000 ukrainska soldater dödats. "
    got = by_value(lead + text, lang=lang, published="2025-03-01")
    assert got[90000]["side"] == side


def test_a_sentence_naming_the_attacked_sides_losses_after_launched_weapons_keeps_the_victims_side():
    text = ("Russia attacked Ukraine overnight with 300 drones, and air defences shot down 280 of them, the air force "
            "said. Kyiv's losses were the heaviest. The mayor said two people were killed.")
    got = by_value(text, lang="en", published="2025-07-04")
    assert {v: (c["category"], c["side"]) for v, c in got.items()} == {280: ("drones", "russia"),
                                                                        2: ("killed", "ukraine")}


def test_the_whole_after_of_the_is_launched_not_lost():
    text = "The air force said it had shot down 33 of the 38 drones and two of the six missiles Russia launched."
    got = by_value(text, lang="en", published="2025-06-24")
    assert {v: (c["category"], c["side"]) for v, c in got.items()} == {
        33: ("drones", "russia"), 2: ("cruise_missiles", "russia")}


@pytest.mark.parametrize("text, lang, side", [
    # drones shot down with no side named are the enemy's of the source that shot them down
    ("Повітряні сили ЗСУ повідомили, що вночі збито 120 дронів.", "uk", "russia"),
    ("Минобороны России сообщило, что за ночь сбиты 40 беспилотников.", "ru", "ukraine"),
])
def test_drones_shot_down_belong_to_the_sources_enemy(text, lang, side):
    assert one(text, lang=lang, published="2025-09-07")["side"] == side


def test_a_coordinated_figure_keeps_the_side_across_a_long_first_clause():
    text = ("Volodymyr Zelensky said 43,000 Ukrainian soldiers had been killed on the battlefield since Russia's "
            "full-scale invasion and about 370,000 wounded, in an interview on Sunday.")
    got = by_value(text, lang="en", published="2024-12-09")
    assert {v: c["side"] for v, c in got.items()} == {43000: "ukraine", 370000: "ukraine"}


@pytest.mark.parametrize("text, lang, expected", [
    ("Liczba zniszczonych rosyjskich czołgów wzrosła do 4500, a systemów artyleryjskich – do 5600.", "pl",
     {4500: ("tanks", "exact"), 5600: ("artillery", "exact")}),
    ("The number of destroyed Russian tanks rose to 4,500, the General Staff said.", "en",
     {4500: ("tanks", "exact")}),
    ("Кількість знищених російських танків зросла до 4500.", "uk", {4500: ("tanks", "exact")}),
])
def test_a_tally_of_equipment_rising_to_a_number(text, lang, expected):
    got = by_value(text, lang=lang, published="2023-09-01")
    assert {v: (c["category"], c["qualifier"]) for v, c in got.items()} == expected


@pytest.mark.parametrize("text, lang, side", [
    # a 'combined' word before one side's adjective is that side's total
    ("De samlade ryska förlusterna uppgår till omkring 1,2 miljoner, enligt CSIS.", "sv", "russia"),
    ("Combined Russian losses stand at 1.2 million, CSIS said.", "en", "russia"),
    # before two sides it is both
    ("Combined Russian and Ukrainian losses stand at 1.5 million, CSIS said.", "en", "both"),
])
def test_combined_losses_of_one_side_are_that_sides(text, lang, side):
    assert one(text, lang=lang, published="2025-06-10")["side"] == side


def test_the_same_source_in_french_is_the_source_named_before():
    text = ("Le ministère de la Santé de Gaza a annoncé lundi que 52 000 personnes avaient été tuées. Depuis "
            "mars, 1 200 personnes ont été tuées, selon la même source.")
    claims = extract_dicts(text, lang="fr", published="2025-05-05")
    assert [c["claimant"] for c in claims] == ["ministère de la Santé de Gaza"] * 2


def test_people_killed_after_a_strike_sentence_are_the_attacked_sides_civilians():
    text = ("W nocy rosyjskie drony uderzyły w Charków. Zginęły co najmniej cztery osoby, a 31 zostało rannych – "
            "poinformował mer miasta.")
    claims = extract_dicts(text, lang="pl", published="2025-04-22")
    assert {(c["value"], c["side"], c["population"]) for c in claims} == {(4, "ukraine", "civilian"),
                                                                          (31, "ukraine", "civilian")}


def test_a_fronted_object_is_no_part_of_the_source():
    text = ("Amerykański think tank CSIS szacuje, że Rosja straciła 1,2 mln żołnierzy. Straty ukraińskie ośrodek "
            "ocenia na 500–600 tys.")
    claims = extract_dicts(text, lang="pl", published="2025-04-22")
    assert {c["claimant"] for c in claims} == {"Amerykański think tank CSIS"}


@pytest.mark.parametrize("text, lang", [
    ("Police in Ukraine said 42 people died in road accidents over the holiday weekend.", "en"),
    ("Bei einem Busunglück in der Ukraine kamen 14 Menschen ums Leben.", "de"),
    ("За выходные в ДТП на дорогах России погибли 9 человек.", "ru"),
    ("Minst 61 personer omkom i översvämningarna i västra Ukraina.", "sv"),
])
def test_deaths_that_are_no_war_losses_give_no_claim(text, lang):
    assert extract_dicts(text, lang=lang, published="2025-07-01") == []


def test_a_war_figure_beside_an_accident_word_keeps_its_soldiers():
    text = "Ukraine said 1,100 Russian soldiers were killed, more than died in road accidents in a year."
    assert [(c["value"], c["side"]) for c in extract_dicts(text, lang="en", published="2025-07-01")] == [
        (1100, "russia")]


@pytest.mark.parametrize("text, lang, side", [
    ("Civilian deaths in Ukraine rise\n\nAt least 232 civilians were killed last month, the UN monitoring mission "
     "said.", "en", "ukraine"),
    ("Fler civila dödade i Ukraina\n\nMinst 232 civila dödades förra månaden, enligt FN:s övervakningsmission.", "sv",
     "ukraine"),
])
def test_with_no_party_named_the_country_named_as_a_place_lost_the_civilians(text, lang, side):
    assert one(text, lang=lang, published="2025-07-01")["side"] == side


def test_the_owner_of_a_claim_noun_is_its_source():
    text = "The Kremlin spokesman has rejected Donald Trump's claim that Russia has lost 600,000 troops."
    assert one(text, lang="en", published="2024-12-09")["claimant"] == "Donald Trump"


def test_a_repeat_that_says_what_the_losses_were_gives_the_claim_its_category():
    text = ("Trump said Russia has lost 600,000 troops.\n\nLater he wrote that 600,000 Russian soldiers lay wounded "
            "or dead, Trump said.")
    assert one(text, lang="en", published="2024-12-09")["category"] == "killed_or_wounded"


@pytest.mark.parametrize("text, lang, whole", [
    # the dead and the wounded add up to the whole: it is both
    ("Ukraine said 30,000 Russian soldiers were lost, 10,000 killed and 20,000 wounded.", "en", "killed_or_wounded"),
    # they leave some over: the whole holds other kinds too
    ("El grupo ruso tuvo unos 79.000 soldados caídos, con cerca de 22.000 muertos y 40.000 heridos.", "es", "losses"),
])
def test_a_figure_followed_by_its_dead_and_wounded_holds_them(text, lang, whole):
    claims = by_value(text, lang=lang, published="2023-06-01")
    assert [c["category"] for c in claims.values()] == [whole, "killed", "wounded"]


@pytest.mark.parametrize("text, lang, claimant", [
    ("One of the Wagner commanders, known as Marx, said 22,000 Russian fighters were killed.", "en", "Marx"),
    ("Командир батальона с позывным «Север» заявил, что погибли 40 украинских военных.", "ru", "Север"),
])
def test_a_described_source_is_named_by_its_call_sign(text, lang, claimant):
    assert one(text, lang=lang, published="2023-06-01")["claimant"] == claimant


def test_with_no_publication_date_a_day_without_year_follows_the_latest_full_date():
    # (a full date in the first lines would be taken for the publication date: the background comes first)
    background = ("Neither Moscow nor Kyiv publishes regular figures for its own dead, and both accuse the other of "
                  "inflating the enemy's toll. Independent researchers count obituaries, social media posts and "
                  "court records instead, and say their tallies are a floor rather than an estimate. ") * 3
    text = (background + "Moscow last published a toll on 21 September 2022, when it said 5,937 Russian soldiers "
            "had died. A Wagner commander said 22,000 Russian fighters had been killed by 20 May.")
    assert [c["as_of"] for c in extract_dicts(text, lang="en")] == ["2022-09-21", "2023-05-20"]


@pytest.mark.parametrize("text, lang, claimant", [
    ("Путин на совещании с военными заявил, что ВСУ потеряли 35 тысяч военных.", "ru", "Путин"),
    ("Bei einem russischen Angriff wurden 14 Menschen verletzt, wie der Gouverneur des Gebiets Charkiw, Oleh "
     "Synjehubow, am Montag auf Telegram mitteilte.", "de", "Oleh Synjehubow"),
    ("Kyiv's mayor on Telegram said 9 people were killed by a Russian missile.", "en", "Kyiv's mayor"),
])
def test_a_setting_between_source_and_verb_is_no_part_of_the_source(text, lang, claimant):
    assert one(text, lang=lang, published="2025-06-02")["claimant"] == claimant


@pytest.mark.parametrize("text, lang, claimant", [
    ("Унаслідок російського удару по Одесі загинули 12 осіб, серед них двоє дітей, повідомила обласна "
     "військова адміністрація.", "uk", "обласна військова адміністрація"),
    ("Minst 25 personer, bland dem flera barn, dödades när israeliskt flyg bombade ett tältläger i Gaza, uppger "
     "räddningstjänsten.", "sv", "räddningstjänsten"),
])
def test_after_a_figure_and_its_part_the_source_follows_the_verb(text, lang, claimant):
    assert extract_dicts(text, lang=lang, published="2025-06-02")[0]["claimant"] == claimant


def test_a_side_with_a_verb_final_loss_verb_lost_whatever_attack_word_stands_between():
    text = "Die russische Armee hat seit Beginn des Angriffskriegs mehr als 1,1 Millionen Soldaten verloren."
    assert one(text, lang="de", published="2025-09-20")["side"] == "russia"


@pytest.mark.parametrize("text, lang, claimant", [
    ("Потери ВСУ за сутки составили более 1 400 военнослужащих, сообщило в пятницу Министерство обороны России.",
     "ru", "Министерство обороны России"),
    ("Minst 12 ukrainska soldater dödades, uppgav i fredags det ryska försvarsministeriet.", "sv",
     "det ryska försvarsministeriet"),
])
def test_a_day_between_the_verb_and_its_source_is_skipped(text, lang, claimant):
    assert one(text, lang=lang, published="2025-03-07")["claimant"] == claimant


def test_people_killed_in_a_strike_on_a_city_with_no_party_named_are_that_citys_side():
    text = "At least four civilians were killed and 27 injured in a missile attack on Sumy, the governor said."
    assert {c["side"] for c in extract_dicts(text, lang="en", published="2025-06-02")} == {"ukraine"}


@pytest.mark.parametrize("text, lang, metric", [
    ("Putin behauptete, die Ukraine verliere jeden Monat rund 50.000 Soldaten.", "de", "per_month"),
    ("Nach seinen Angaben verliert Russland täglich etwa 1.000 Soldaten.", "de", "per_day"),
    ("The daily report: 1,200 Russian soldiers were killed.", "en", "count"),
])
def test_a_rate_adverb_right_before_the_number_makes_it_a_rate(text, lang, metric):
    assert one(text, lang=lang, published="2024-06-13")["metric"] == metric


@pytest.mark.parametrize("text, lang, side", [
    # a side right before 'lost' lost, whatever preposition stands three words back
    ("Шойгу заявив, що з початку року Україна втратила понад 71 тисячу військових.", "uk", "ukraine"),
    # but an opponent preposition right before the side still makes it the attacker
    ("В результате обстрела Белгорода со стороны ВСУ погибли два человека.", "ru", "russia"),
])
def test_the_side_before_a_loss_verb(text, lang, side):
    assert one(text, lang=lang, published="2024-03-15")["side"] == side


@pytest.mark.parametrize("text, lang, population", [
    # the dead of a strike are civilians even when the sentence names them only by their fate
    ("Ein russischer Raketenangriff traf am Montag Kiew. Bürgermeister Vitali Klitschko bezifferte die Zahl der "
     "Toten auf 27.",
     "de", "civilian"),
    # a military word in the source's title says nothing of the people: "the military administration"
    ("Deux personnes ont été tuées à Kiev, a indiqué le chef de l'administration militaire ukrainienne.", "fr",
     "unspecified"),
    # the enemy's losses after an attack sentence stay soldiers
    ("Rosja zaatakowała Ukrainę. Sztab podał, że straty wroga wyniosły 5710 zabitych.", "pl", "military"),
])
def test_the_people_of_a_strike(text, lang, population):
    assert one(text, lang=lang, published="2024-07-09")["population"] == population


def test_an_english_name_inside_another_language_keeps_its_links():
    text = ("Im Sudan sind nach Schätzungen der London School of Hygiene and Tropical Medicine mehr als 61.000 "
            "Menschen ums Leben gekommen.")
    assert one(text, lang="de", published="2025-07-01")["claimant"] == "London School of Hygiene and Tropical Medicine"


def test_speaking_of_a_figure_states_it():
    text = "Die Vereinten Nationen sprechen im Sudan von mindestens 20.000 Toten."
    assert one(text, lang="de", published="2025-07-01")["claimant"] == "Die Vereinten Nationen"


@pytest.mark.parametrize("text, lang, claimant, via", [
    # an acronym in brackets between the source and its verb
    ("The UN Human Rights Monitoring Mission in Ukraine (HRMMU) said on Monday that at least 12,605 Ukrainian "
     "civilians had been killed.", "en", "The UN Human Rights Monitoring Mission in Ukraine", []),
    # members of an organisation speak for it
    ("Russian casualties could reach 1.5 million by mid-2026, analysts at the Center for Strategic and "
     "International Studies wrote.", "en", "analysts at the Center for Strategic and International Studies", []),
    # sources cited by a newspaper are the source, the newspaper relays
    ("Fuentes de inteligencia occidentales citadas por el diario The Wall Street Journal estiman que unos 80.000 "
     "soldados ucranianos han muerto.", "es", "Fuentes de inteligencia occidentales",
     ["el diario The Wall Street Journal"]),
    # a title after the verb and the day, then the name: the name
    ("Al menos cuatro civiles ucranianos murieron, informó el lunes el jefe de la administración militar regional, "
     "Oleh Hryhorov.", "es", "Oleh Hryhorov", []),
    ("À Kiev, deux personnes ont été tuées, a indiqué le chef de l'administration militaire de la ville, Tymour "
     "Tkatchenko.", "fr", "Tymour Tkatchenko", []),
])
def test_source_and_relay_around_the_verb(text, lang, claimant, via):
    claim = extract_dicts(text, lang=lang, published="2025-06-02")[0]
    assert (claim["claimant"], claim["via"]) == (claimant, via)


def test_a_year_next_to_the_figure_is_its_period_though_the_statement_has_a_day():
    text = "Rusia sufrió en 2025 unas 395.000 bajas rusas, según un análisis publicado este jueves en Londres."
    claim = one(text, lang="es", published="2026-01-29")
    assert (claim["period_start"], claim["period_end"]) == ("2025-01-01", "2025-12-31")


@pytest.mark.parametrize("text, lang", [
    ("Ukraine said 524 Russian drones and two helicopters were shot down.", "en"),
    ("Zudem seien 524 russische Drohnen und zwei Hubschrauber abgeschossen worden.", "de"),
])
def test_a_list_with_a_number_word_is_still_closed_by_its_verb(text, lang):
    assert {(c["value"], c["category"]) for c in extract_dicts(text, lang=lang, published="2025-06-02")} == {
        (524, "drones"), (2, "helicopters")}


@pytest.mark.parametrize("text, lang", [
    ("W nocy Rosja wystrzeliła 123 drony typu Shahed, z których 71 zostało zestrzelonych.", "pl"),
    ("Russia launched 123 drones overnight, of which 71 were shot down.", "en"),
])
def test_a_part_of_launched_weapons_is_of_their_kind(text, lang):
    claim = one(text, lang=lang, published="2025-02-10")
    assert (claim["value"], claim["category"], claim["side"]) == (71, "drones", "russia")


@pytest.mark.parametrize("text, lang, side", [
    # the side after the weapons of a strike is its attacker
    ("Au moins 34 personnes ont été tuées par une frappe de missiles balistiques russes sur Soumy.", "fr", "ukraine"),
    # a full invasion names its attacker too
    ("Seit Beginn der russischen Vollinvasion sind in der Ukraine mehr als 10.500 Zivilisten getötet worden.", "de",
     "ukraine"),
    # another side's attack between a side and the figure is no attack of that side
    ("Auf israelischer Seite wurden beim Überfall der Hamas etwa 1.200 Menschen getötet.", "de", "israel"),
    # a date between the attacker and its attack
    ("Hamas's October 7, 2023 attack left 1,180 people dead, an official tally says.", "en", "israel"),
])
def test_the_attacker_named_after_its_weapons_or_invasion(text, lang, side):
    assert one(text, lang=lang, published="2024-02-26")["side"] == side


@pytest.mark.parametrize("text, lang, periods", [
    # the day phrase right after another number is that number's
    ("Russia's losses have reached 892,840 since the invasion, including 1,180 over the past day, the General Staff "
     "said.", "en", {892840: None, 1180: "2025-03-15"}),
    # a night's tally is that day's
    ("Ukraine's air force said 87 of 112 Russian drones were shot down overnight.", "en", {87: "2025-03-15"}),
    ("Siły Powietrzne podały, że w nocy zestrzelono 71 rosyjskich dronów.", "pl", {71: "2025-03-15"}),
])
def test_a_day_phrase_dates_the_tally_it_belongs_to(text, lang, periods):
    claims = extract_dicts(text, lang=lang, published="2025-03-15")
    assert {c["value"]: c["period_end"] for c in claims} == periods


@pytest.mark.parametrize("text, lang", [
    ("Dwóch żołnierzy zginęło w wyniku ostrzału rosyjskiej artylerii na pozycje 47. Brygady Zmechanizowanej "
     "pod Pokrowskiem – przekazał rzecznik brygady.", "pl"),
    ("Zwei ukrainische Soldaten der 47. Brigade wurden getötet, sagte ein Sprecher der Brigade.", "de"),
])
def test_a_units_ordinal_is_no_loss_and_ends_no_sentence(text, lang):
    claims = extract_dicts(text, lang=lang, published="2025-03-12")
    assert [(c["value"], c["claimant"] is not None) for c in claims] == [(2, True)]


def test_a_figure_up_to_a_day_stands_as_of_that_day():
    text = "Die Gesundheitsbehörde in Gaza hat bis zum 7. Oktober 2024 mehr als 41.900 palästinensische Tote gemeldet."
    claim = one(text, lang="de")
    assert (claim["as_of"], claim["period_start"]) == ("2024-10-07", None)


@pytest.mark.parametrize("text, lang, claimant", [
    ("The open-source site Oryx has verified the loss of 4,200 Russian tanks since February 2022.", "en",
     "The open-source site Oryx"),
    ("El sitio de inteligencia Oryx, que solo cuenta pérdidas con fotos, ha verificado la destrucción de 4.200 "
     "tanques rusos.", "es", "El sitio de inteligencia Oryx"),
])
def test_a_source_that_verified_or_documented_losses(text, lang, claimant):
    assert one(text, lang=lang, published="2025-10-21")["claimant"] == claimant


@pytest.mark.parametrize("text, lang, claimant, via", [
    ("Reuters, citing a source in the security services, reported that 600 Ukrainian soldiers were killed.", "en",
     "a source in the security services", ["Reuters"]),
    ("TASS reported, citing a security source, that 600 Ukrainian soldiers were killed.", "en", "a security source",
     ["TASS"]),
    ("Как сообщает ТАСС со ссылкой на источник в силовых структурах, уничтожено до 600 украинских военнослужащих.",
     "ru", "источник в силовых структурах", ["ТАСС"]),
    ("Jak podaje PAP, powołując się na źródła w armii, zginęło 600 ukraińskich żołnierzy.", "pl", "źródła w armii",
     ["PAP"]),
])
def test_whom_a_speaker_cites_is_the_source_and_the_speaker_relays(text, lang, claimant, via):
    claim = one(text, lang=lang, published="2024-11-14")
    assert (claim["claimant"], claim["via"]) == (claimant, via)


@pytest.mark.parametrize("text, lang, expected", [
    ("Sedan invasionen har Ryssland förlorat 28 fartyg och båtar samt en ubåt, enligt Ukrainas flotta.", "sv",
     {(28, "ships"), (1, "submarines")}),
    ("Russland hat 28 Schiffe und ein U-Boot verloren.", "de", {(28, "ships"), (1, "submarines")}),
    ("Deux soldats ukrainiens ont été tués et un blessé.", "fr", {(2, "killed"), (1, "wounded")}),
    # an article before no loss word is an article
    ("Ukraine lost 3 tanks and a lot of men.", "en", {(3, "tanks")}),
])
def test_an_article_after_a_count_counts_one(text, lang, expected):
    assert {(c["value"], c["category"]) for c in extract_dicts(text, lang=lang, published="2024-03-15")} == expected


def test_a_count_joined_to_the_one_before_shares_its_side():
    text = "Två ukrainska soldater dödades och en skadades när ryska styrkor besköt deras ställning."
    assert {c["side"] for c in extract_dicts(text, lang="sv", published="2024-03-15")} == {"ukraine"}


@pytest.mark.parametrize("text, lang, claimant", [
    ("Russia has lost 1,217,810 troops, according to figures published on Saturday by the General Staff.", "en",
     "the General Staff"),
    ("Rysslands förluster uppskattas av västerländska underrättelsetjänster till runt 700 000 döda och sårade.", "sv",
     "västerländska underrättelsetjänster"),
])
def test_the_agent_of_a_passive_or_a_document_is_the_source(text, lang, claimant):
    assert one(text, lang=lang, published="2026-01-10")["claimant"] == claimant


@pytest.mark.parametrize("text, lang, claimant", [
    ("The Kremlin rejected Ukraine's claim that 700,000 Russian soldiers had been killed or wounded.", "en", "Ukraine"),
    ("Песков отверг данные Минобороны Украины о гибели 700 тысяч российских военных.", "ru", "Минобороны Украины"),
    ("Zelenskyj avfärdade det ryska försvarsministeriets uppgifter om att Ukraina skulle ha förlorat nästan en miljon "
     "soldater som en lögn.", "sv", "det ryska försvarsministeriets"),
])
def test_figures_a_third_party_rejects_stay_their_owners_and_asserted(text, lang, claimant):
    claim = one(text, lang=lang, published="2026-01-10")
    assert (claim["claimant"], claim["stance"]) == (claimant, "asserted")


def test_a_speaker_denying_unowned_figures_disputes_them():
    claim = one("Zelensky denied figures of 300,000 Ukrainian dead.", lang="en", published="2026-01-10")
    assert (claim["claimant"], claim["stance"]) == ("Zelensky", "disputed")


@pytest.mark.parametrize("text, lang, claimant", [
    # the denial ends the speaker's name
    ("Peskov rejected estimates that Russia had lost 900,000 soldiers.", "en", "Peskov"),
    # a figure called absurd is rejected by whoever calls it so
    ("Kremlin spokesman Dmitry Peskov called the figure of 900,000 Russian soldiers killed absurd.", "en",
     "Kremlin spokesman Dmitry Peskov"),
    ("Pieskow nazwał dane o 900 tysiącach zabitych rosyjskich żołnierzy absurdalnymi.", "pl", "Pieskow"),
    ("Песков назвал данные о 900 тысячах погибших российских военных абсурдными.", "ru", "Песков"),
    # a clause of "according to which" is governed by the denial before it, and the pronoun is no source
    ("Pieskow odrzucił szacunki, według których Rosja straciła 900 tysięcy żołnierzy.", "pl", "Pieskow"),
    ("Peskov rechazó las estimaciones, según las cuales Rusia perdió 900.000 soldados.", "es", "Peskov"),
    ("Peskov avfärdade uppgifterna, enligt vilka Ryssland har förlorat 900 000 soldater.", "sv", "Peskov"),
])
def test_a_rejected_figure_is_disputed_by_the_speaker(text, lang, claimant):
    claim = one(text, lang=lang, published="2026-01-10")
    assert (claim["claimant"], claim["via"], claim["stance"]) == (claimant, [], "disputed")


def test_a_heading_opening_with_estimated_takes_its_source_from_according_to():
    text = ("Ukraine's General Staff said on Monday that Russia had lost 1,340 soldiers over the past day.\n"
            "Estimated Russian equipment losses, according to the General Staff:\n"
            "tanks — 11,021 (+4)\noperational-tactical UAVs — 52,300 (+210)\ncruise missiles — 3,560")
    got = {c["value"]: c for c in extract_dicts(text, lang="en", published="2025-09-01")}
    for value in (11021, 52300, 3560):
        assert (got[value]["side"], got[value]["claimant"]) == ("russia", "Ukraine's General Staff")


def test_a_source_before_a_long_apposition_with_commas_of_its_own():
    text = ("The Economist, drawing on obituaries, leaked records and satellite photos of graveyards, estimated "
            "that 150,000 Russian soldiers had been killed.")
    assert one(text, lang="en", published="2025-06-01")["claimant"] == "The Economist"


def test_an_indefinite_description_takes_the_name_given_after_it():
    text = ("Russian forces have suffered about 950,000 casualties, a Washington think tank said on Tuesday. "
            "The Institute for the Study of War said Russia's gains came at a heavy cost.")
    assert one(text, lang="en", published="2025-06-01")["claimant"] == "The Institute for the Study of War"


def test_an_indefinite_description_does_not_stand_for_the_source_before():
    text = ("Zelensky said 46,000 Ukrainian soldiers had been killed. A Washington think tank said 250,000 Russian "
            "soldiers had been killed.")
    got = {c["value"]: c["claimant"] for c in extract_dicts(text, lang="en", published="2025-06-01")}
    assert got[250000] == "A Washington think tank"


def test_a_part_of_a_whole_that_is_no_loss_is_none():
    text = "The study found that 15 of Russia's 85 regions had published nothing about local servicemen killed."
    assert extract_dicts(text, lang="en", published="2022-04-01") == []


def test_a_hyphenated_pair_of_sides_is_both():
    text = "The Russia-Ukraine war could reach 2 million overall casualties by the spring, a new study says."
    assert one(text, lang="en", published="2026-01-27")["side"] == "both"


def test_a_quoted_witness_speaks_for_no_later_paragraph():
    text = ('"Our flat burned down in minutes," Olena told Euronews.\n\nEarlier this week, at least two Ukrainian '
            "civilians died and 9 were injured in a Russian missile attack on Odesa.")
    assert {c["claimant"] for c in extract_dicts(text, lang="en", published="2025-06-12")} == {None}


def test_missing_or_captive_further_on_in_the_clause_is_one_category():
    text = ('Zelensky said "tens of thousands" of Ukrainian soldiers remained either "missing in action" or held in '
            "Russian captivity.")
    assert one(text, lang="en", published="2025-02-16")["category"] == "missing_or_captured"


def test_a_time_after_to_is_no_relay():
    text = "Enligt CSIS kan de ryska förlusterna nå 2 miljoner döda och sårade till våren 2026."
    assert one(text, lang="sv", published="2026-01-29")["via"] == []


@pytest.mark.parametrize("text, lang, claimant", [
    # a participle's source opens the sentence
    ("BBC Russian has conducted an investigation, confirming the names of 557 Russian soldiers killed in Ukraine.",
     "en", "BBC Russian"),
    # or is the source of the verb before it
    ("Belousov stated on Monday, adding that Kyiv lost more than 40,000 Ukrainian soldiers in Kursk.", "en",
     "Belousov"),
    ("Песков заявил журналистам, добавив, что ВСУ потеряли 40 тысяч военных.", "ru", "Песков"),
])
def test_a_speech_participle_takes_the_source_of_its_clause(text, lang, claimant):
    assert one(text, lang=lang, published="2024-12-16")["claimant"] == claimant


def test_a_caption_date_the_totals_contradict_is_not_the_articles_date():
    # a photo caption's date in the first lines; the report of 400,000 came out two years later
    text = ("Zelensky says Ukraine has lost 31,000 soldiers\n\nKYIV, UKRAINE - JANUARY 11: President Volodymyr "
            "Zelensky during a press conference on January 11, 2023 in Kyiv.\n\nUkraine's Defense Ministry said "
            "last week that Russia had suffered more than 400,000 casualties since the start of the war.")
    dated = {c["value"]: c["as_of"] for c in extract_dicts(text, lang="en")}
    # the month the General Staff's series passed 400,000 (the shipped snapshot), no day: "last week" of when?
    assert dated == {31000: "2024-02", 400000: "2024-02"}


def test_may_last_year_is_the_calendar_year_before():
    text = "In May last year, a Wagner-affiliated channel said 22,000 Russian fighters had been killed."
    assert one(text, lang="en", published="2024-01-20")["as_of"] == "2023-05"


@pytest.mark.parametrize("text, lang", [
    ("Tens of thousands of people have been killed in Sudan since April 2023, and more than 12 million have been "
     "forced from their homes, the UN says.", "en"),
    ("Po rosyjskim ataku na Odessę około 160 tysięcy odbiorców pozostało bez prądu.", "pl"),
])
def test_people_displaced_or_without_power_are_no_losses(text, lang):
    assert all(c["value"] is None or c["value"] < 1_000_000 and c["value"] != 160000
               for c in extract_dicts(text, lang=lang, published="2025-09-20"))


@pytest.mark.parametrize("text, lang, value", [
    ("Израильская армия сообщает о 17 тысячах ликвидированных боевиков ХАМАС.", "ru", 17000),
    ("Йдеться про втрати росіян у 20 тисячах убитих.", "uk", 20000),
])
def test_thousands_in_the_locative_case_scale_the_number(text, lang, value):
    from lossledger import find_numbers

    assert [q.value for q in find_numbers(text, lang)] == [value]


@pytest.mark.parametrize("text, value, category, side", [
    # a split particle verb: "sköts ... ned"
    ("Enligt det ukrainska flygvapnet sköts 212 drönare och 14 kryssningsrobotar ned under natten.", 212, "drones",
     "russia"),
    ("Det ryska luftvärnet sköt under natten till onsdagen ned 75 ukrainska drönare, uppger ministeriet.", 75,
     "drones", "ukraine"),
    # present-tense passives
    ("Varje månad dödas eller såras omkring 30 000 ryska soldater, enligt FOI.", 30000, "killed_or_wounded",
     "russia"),
    # shot dead: the victims' side, not the shooters'
    ("Ryska soldater sköt ihjäl 14 civila i byn, enligt åklagaren.", 14, "killed", "ukraine"),
])
def test_swedish_verbs_of_loss(text, value, category, side):
    got = by_value(text, lang="sv", published="2025-03-12")
    assert (got[value]["category"], got[value]["side"]) == (category, side)


def test_a_lower_case_particle_after_a_relay_word_is_no_outlet():
    got = by_value("Luftvärnet sköt under natten till tisdagen ned 75 ukrainska drönare, uppger ryska "
                   "försvarsministeriet.", lang="sv", published="2025-03-12")
    assert got[75]["via"] == []


def test_number_first_list_lines_under_a_heading_of_losses():
    text = ("Ukraine's General Staff reported on Wednesday that Russia has lost 893,780 troops.\n\n"
            "According to the report, Russia has also lost:\n10,233 tanks (+3)\n21,302 armored fighting vehicles\n"
            "one submarine\n\nThe figures cannot be independently verified.")
    got = by_value(text, lang="en", published="2025-03-12")
    assert {v: got[v]["category"] for v in (10233, 21302, 1)} == {
        10233: "tanks", 21302: "armored_vehicles", 1: "submarines"}
    assert {got[v]["side"] for v in (10233, 21302, 1)} == {"russia"}


def test_number_first_list_lines_under_another_heading_are_no_losses():
    text = "The package delivered to Kyiv includes:\n31 tanks\n90 armored vehicles\n"
    assert extract_dicts(text, lang="en", published="2025-03-12") == []


def test_a_second_figure_takes_the_side_named_right_before_it_and_its_own_verb():
    text = ('Zelensky put the death toll at 43,000, responding to Trump, who had written that Ukraine had '
            '"ridiculously lost 400,000 soldiers" and Russia close to 600,000.')
    got = by_value(text, lang="en", published="2024-12-09")
    assert (got[400000]["side"], got[600000]["side"]) == ("ukraine", "russia")
    assert got[400000]["category"] == got[600000]["category"] == "losses"  # not the death toll's "killed"
    assert got[400000]["claimant"] == "Trump" and got[43000]["claimant"] == "Zelensky"


def test_missiles_that_slammed_into_a_city_are_the_attackers():
    text = ("Two Russian ballistic missiles slammed into the centre of Sumy on Sunday, killing at least 32 people, "
            "Ukrainian officials said.")
    assert one(text, lang="en", published="2025-04-14")["side"] == "ukraine"


def test_swedish_source_between_the_auxiliary_and_a_time_phrase():
    text = "Sammanlagt har FN sedan den fullskaliga invasionen verifierat 13 580 dödade civila i Ukraina."
    assert one(text, lang="sv", published="2025-07-10")["claimant"] == "FN"


def test_the_definite_form_of_personnel_losses():
    text = ("Ryssland har förlorat över en miljon soldater, enligt Ukrainas generalstab. I torsdagens lägesrapport "
            "anges de ryska personalförlusterna till 1 000 340.")
    got = by_value(text, lang="sv", published="2025-06-12")
    assert got[1000340]["category"] == "killed_or_wounded" and got[1000340]["claimant"] == "Ukrainas generalstab"


def test_a_phrase_without_a_name_after_a_relay_word_is_no_outlet():
    text = ("– Minst 232 civila dödades i Ukraina i juni, och antalet är högre eftersom vi inte har tillgång till de "
            "ockuperade områdena, säger Danielle Bell.")
    assert one(text, lang="sv", published="2025-07-10")["via"] == []


@pytest.mark.parametrize("text, lang, value", [
    ("Los drones rusos abatidos suman 145.571.", "es", 145571),
    ("The number of Russian drones downed now stands at 52,300.", "en", 52300),
])
def test_a_tally_of_weapons_that_rises_to_a_number_is_theirs(text, lang, value):
    claim = one(text, lang=lang, published="2026-02-24")
    assert (claim["category"], claim["value"]) == ("drones", value)


@pytest.mark.parametrize("text, qualifier, modality", [
    ("Enligt departementet kan så många som 860 000 ryska soldater ha dödats eller sårats.", "at_most", "hedged"),
    ("Enligt journalisterna kan uppemot 190 000 ryska soldater ha stupat.", "at_most", "hedged"),
    ("Drygt 790 ukrainska soldater ska ha tagits tillfånga, uppger ministeriet.", "at_least", "reported"),
])
def test_swedish_bounds_a_split_hedge_and_reported_speech(text, qualifier, modality):
    (claim,) = extract(text, lang="sv", published="2025-03-05")
    assert (claim.qualifier, claim.modality) == (qualifier, modality)


@pytest.mark.parametrize("text, lang", [
    ("Overnight, Russia launched 96 drones at Ukraine, 58 of which were shot down, the air force said.", "en"),
    ("Rosja wystrzeliła w nocy 96 dronów, 58 z nich zostało zestrzelonych, podały siły powietrzne.", "pl"),
])
def test_a_part_of_weapons_launched_counts_the_same_weapons(text, lang):
    (claim,) = extract(text, lang=lang, published="2025-04-14")
    assert (claim.value, claim.category, claim.side) == (58, "drones", "russia")


@pytest.mark.parametrize("text, lang", [
    ("Analysts said Russia was losing some 30,000 soldiers a month, killed or wounded, as the offensive dragged on.",
     "en"),
    ("Enligt ISW förlorar Ryssland omkring 30 000 soldater i månaden, döda eller sårade, i offensiven.", "sv"),
])
def test_the_kind_of_losses_set_off_by_commas_after_the_figure(text, lang):
    (claim,) = extract(text, lang=lang, published="2025-04-14")
    assert (claim.value, claim.category, claim.metric) == (30000, "killed_or_wounded", "per_month")


def test_one_figure_stated_for_two_periods_is_two_claims():
    text = ("Russia lost 20,000 soldiers killed or wounded in May, the ministry said. "
            "It lost 20,000 soldiers killed or wounded in June too, the ministry said.")
    periods = sorted(c.period_end for c in extract(text, lang="en", published="2025-07-10"))
    assert periods == ["2025-05-31", "2025-06-30"]


def test_a_sources_staff_named_by_a_possessive_speak_for_it_beside_other_figures():
    text = ("Russia has lost about 1.1 million soldiers, according to the Center for Strategic and International "
            "Studies. Its analysts, who drew on government estimates and open data, said Russia was losing 30,000 "
            "troops a month while Ukraine lost some 4,000 a week.")
    claimants = {c.claimant for c in extract(text, lang="en", published="2025-06-02")}
    assert claimants == {"the Center for Strategic and International Studies"}


@pytest.mark.parametrize("text, lang", [
    ('"Not 500,000, not 200,000": Zelensky again rejected the Western estimates of Ukrainian soldiers killed.', "en"),
    ("« Pas 500 000, pas 200 000 » : Zelensky a une nouvelle fois rejeté les estimations occidentales sur le "
     "nombre de soldats ukrainiens tués.", "fr"),
])
def test_every_figure_of_a_rebuttal_is_disputed_by_its_speaker(text, lang):
    got = extract(text, lang=lang, published="2025-06-10")
    assert sorted((c.value, c.category, c.side, c.stance, c.claimant) for c in got) == [
        (200000, "killed", "ukraine", "disputed", "Zelensky"), (500000, "killed", "ukraine", "disputed", "Zelensky")]


@pytest.mark.parametrize("text, lang", [
    ("Zelensky spoke of 46,000 soldiers killed. Russian losses are, according to him, of the order of 190,000 dead.",
     "en"),
    ("Zelensky a parlé de 46 000 soldats tués. Côté russe, les pertes sont selon lui de l'ordre de 190 000 morts.",
     "fr"),
])
def test_a_pronoun_after_according_to_is_the_speaker_before(text, lang):
    got = extract(text, lang=lang, published="2025-06-10")
    assert [(c.value, c.claimant) for c in got] == [(46000, "Zelensky"), (190000, "Zelensky")]


@pytest.mark.parametrize("text, lang", [
    ("Ukraine has sunk about one third of the Black Sea Fleet's warships, the navy said.", "en"),
    ("Ukraina zatopiła około jednej trzeciej okrętów Floty Czarnomorskiej, podała marynarka.", "pl"),
    ("Украина потопила около одной трети кораблей Черноморского флота, заявили в ВМС.", "ru"),
])
def test_a_fraction_of_a_fleet_is_no_count_of_ships(text, lang):
    assert extract(text, lang=lang, published="2025-07-21") == []


@pytest.mark.parametrize("text, lang", [
    ("At that pace, Russian casualties could pass 1.5 million by the summer, the official said.", "en"),
    ("При нынешних темпах потери России могут превысить 1,5 млн человек убитыми и ранеными, сказал он.", "ru"),
    ("Selon les estimations, les pertes russes dépasseraient 1,5 million de tués et de blessés.", "fr"),
])
def test_a_verb_of_exceeding_bounds_the_figure_from_below(text, lang):
    (claim,) = extract(text, lang=lang, published="2025-03-01")
    assert (claim.value, claim.qualifier) == (1500000, "at_least")


def test_a_bare_headline_number_is_as_approximate_as_the_body_says():
    text = ("Russia has lost 950,000 troops, General Staff says\n\n"
            "Russia has lost about 950,000 troops since February 2022, Ukraine's General Staff said on Monday.")
    (claim,) = extract(text, lang="en", published="2025-01-15")
    assert claim.qualifier == "approx"


def test_list_items_with_colons_take_the_side_of_the_losses_not_of_the_source_under_the_heading():
    text = ("Ukrainas försvarsmakt redovisar varje dag de ryska förlusterna.\n"
            "Så här såg listan ut den 2 mars, enligt Ukrainas generalstab:\n"
            "Personal: cirka 880 000 (+1 100)\nStridsvagnar: 10 200 (+5)\nFlygplan: 370\n")
    got = extract(text, lang="sv", published="2025-03-02")
    assert {(c.value, c.side) for c in got if c.value in (880000, 10200, 370)} == {
        (880000, "russia"), (10200, "russia"), (370, "russia")}


def test_a_heading_naming_no_side_takes_the_losses_named_in_the_paragraph_before_it():
    text = ("L'état-major ukrainien publie chaque matin son décompte des pertes infligées à l'armée russe. "
            "Voici les chiffres de ce lundi :\n\n• chars : 10 900 (+3)\n• avions : 420\n")
    got = extract(text, lang="fr", published="2025-03-03")
    assert {(c.value, c.side) for c in got if c.value in (10900, 420)} == {(10900, "russia"), (420, "russia")}


def test_one_of_the_authors_is_no_source_that_replaces_the_report_named_before():
    text = ("Tankesmedjan CSIS bedömer att omkring 900 000 ryska soldater har dödats eller sårats. "
            "– Ingen stormakt har lidit sådana förluster, säger en av rapportförfattarna. "
            "Tankesmedjan uppskattar de ukrainska förlusterna till runt 400 000 döda och sårade.")
    got = extract(text, lang="sv", published="2025-06-04")
    assert {c.claimant for c in got} == {"Tankesmedjan CSIS"}


@pytest.mark.parametrize("text, lang", [
    ("The death toll in Dnipro rose to 21, including four children, the regional governor said.", "en"),
    ("Число погибших в Днепре выросло до 21, среди них четверо детей, сообщил губернатор.", "ru"),
])
def test_a_toll_that_includes_children_is_of_civilians(text, lang):
    assert by_value(text, lang=lang, published="2025-06-01")[21]["population"] == "civilian"


@pytest.mark.parametrize("text, lang", [
    ("Russian drones hit Odesa overnight. Nine people died, including two children; 31 were injured.", "en"),
    ("Дроны атаковали Одессу. Погибли девять человек, в том числе двое детей; пострадали 31 человек.", "ru"),
])
def test_a_part_after_including_is_of_its_wholes_kind_not_the_next_clauses(text, lang):
    got = by_value(text, lang=lang, published="2025-06-01")
    assert {v: c["category"] for v, c in got.items()} == {9: "killed", 2: "killed", 31: "wounded"}


def test_a_city_after_a_verb_of_striking_is_its_target_not_an_attacker():
    text = "Russian missiles struck Kyiv overnight. Rescuers said 23 people were killed and 63 injured."
    got = by_value(text, lang="en", published="2025-06-01")
    assert {v: c["side"] for v, c in got.items()} == {23: "ukraine", 63: "ukraine"}


@pytest.mark.parametrize("text, lang", [
    ("Moscow claims to have destroyed 25,460 Ukrainian tanks and other armoured combat vehicles.", "en"),
    ("Минобороны России заявило об уничтожении 25 460 украинских танков и других боевых бронированных машин.", "ru"),
    ("Moskau will 25.460 ukrainische Panzer und andere gepanzerte Fahrzeuge zerstört haben.", "de"),
])
def test_a_weapon_counted_with_its_wider_kind_is_of_the_wider_kind(text, lang):
    assert one(text, lang=lang, published="2025-06-01")["category"] == "armored_vehicles"


@pytest.mark.parametrize("text, lang", [
    ("Russia's defence ministry said it had destroyed 500 tanks since January.", "en"),
    ("С начала года уничтожены 500 танков, сообщило Минобороны России.", "ru"),
])
def test_weapons_a_sides_source_says_it_destroyed_are_the_enemys(text, lang):
    assert one(text, lang=lang, published="2025-06-01")["side"] == "ukraine"


@pytest.mark.parametrize("text, lang", [
    ("Ukraine's air force said Russia launched 300 drones at the country overnight. Air defences downed 270.", "en"),
    ("Selon l'armée de l'air ukrainienne, la Russie a lancé 300 drones. La défense aérienne en a abattu 270.", "fr"),
    ("Según la Fuerza Aérea de Ucrania, Rusia lanzó 300 drones. Las defensas antiaéreas derribaron 270 drones.", "es"),
])
def test_weapons_shot_down_after_a_sentence_of_their_launch_are_the_launchers(text, lang):
    assert by_value(text, lang=lang, published="2025-06-01")[270]["side"] == "russia"


@pytest.mark.parametrize("text, lang, category", [
    ("Russia launched 90 Shahed drones at Kharkiv overnight; 70 were shot down, the air force said.", "en", "drones"),
    ("Ukraine's air force said Russia launched 300 drones overnight. Air defences downed 270.", "en", "drones"),
    ("Rosja wystrzeliła w nocy 40 pocisków manewrujących. Obrona powietrzna zestrzeliła 35.", "pl", "cruise_missiles"),
    # two kinds launched: the bare number is of neither
    ("Russia launched 90 drones and 12 missiles overnight. Air defences downed 70.", "en", "losses"),
])
def test_a_bare_number_downed_after_a_launch_counts_the_weapons_launched(text, lang, category):
    got = [c for c in extract(text, lang=lang, published="2025-06-01") if c.to_dict()["value"] in (70, 270, 35)]
    assert [c.to_dict()["category"] for c in got] == [category]


@pytest.mark.parametrize("text, lang", [
    ("Israel's army published its figures on Sunday: since the war began, 890 soldiers have died.", "en"),
    ("Die israelische Armee veröffentlichte ihre Zahlen: Seit Kriegsbeginn seien 890 Soldaten gefallen.", "de"),
])
def test_a_source_counting_deaths_with_no_side_named_counts_its_own(text, lang):
    assert one(text, lang=lang, published="2025-06-01")["side"] == "israel"


@pytest.mark.parametrize("text, lang", [
    ("Lebanon's health ministry raised the toll to 3,900 dead in Lebanon since the fighting between Israel and "
     "Hezbollah began.", "en"),
    ("El Ministerio de Salud libanés elevó a 3.900 el número de muertos en Líbano desde que comenzaron los "
     "combates entre Israel y Hezbolá.", "es"),
])
def test_the_two_parties_of_a_war_after_between_are_not_the_loser(text, lang):
    assert one(text, lang=lang, published="2024-11-28")["side"] == "lebanon"


@pytest.mark.parametrize("text, lang, stance", [
    # another party that calls the figure propaganda in the next sentence does not make its source dispute it
    ("Ukraine's General Staff puts Russian losses at 1,160,000 killed or wounded. Moscow calls this propaganda.",
     "en", "asserted"),
    ("El Estado Mayor ucraniano cifra las bajas rusas en 1.160.000. Moscú lo califica de propaganda.", "es",
     "asserted"),
    # the source itself, right after the figure
    ("\"80,000 dead? That is a lie,\" Peskov said.", "en", "disputed"),
])
def test_a_rejection_by_another_party_leaves_the_figure_asserted(text, lang, stance):
    assert one(text, lang=lang, published="2025-06-01")["stance"] == stance


@pytest.mark.parametrize("text, lang", [
    ("Since the invasion began, Ukraine's forces have destroyed 11,353 (+2) tanks and 80,043 (+271) drones.", "en"),
    ("Від початку вторгнення Сили оборони знищили 11 353 (+2) танки та 80 043 (+271) БпЛА.", "uk"),
])
def test_a_days_increment_between_a_number_and_its_noun_leaves_the_noun_to_both(text, lang):
    got = [(c.value, c.category, c.period_start) for c in extract(text, lang=lang, published="2025-11-20")]
    assert got == [(11353, "tanks", None), (2, "tanks", "2025-11-20"), (80043, "drones", None),
                   (271, "drones", "2025-11-20")]


def test_weapons_named_before_their_loss_word_are_the_figures_kind():
    text = ("Ukraine's General Staff keeps a tally of Russian losses. By its count, tank losses fell from more than "
            "3,000 in 2024 to about 1,500 in 2025.")
    got = [(c.value, c.category, c.side) for c in extract(text, lang="en", published="2026-01-09")]
    assert got == [(3000, "tanks", "russia"), (1500, "tanks", "russia")]


def test_an_attacker_in_a_later_clause_is_not_the_loser():
    text = ("Lebanon's health ministry says 3,800 people have been killed in Lebanon since October 2023, most of them "
            "since Israel escalated its campaign in September.")
    assert one(text, lang="en", published="2024-11-28")["side"] == "lebanon"


@pytest.mark.parametrize("text, lang", [
    ("The deadliest month was December, when Russian losses reached 48,670, the General Staff said.", "en"),
    ("Värst var december, då de ryska förlusterna enligt generalstaben uppgick till 48 670 man.", "sv"),
    ("Der verlustreichste Monat war Dezember: Laut Generalstab verlor Russland 48.670 Soldaten.", "de"),
])
def test_a_month_named_after_a_copula_dates_the_figure(text, lang):
    assert one(text, lang=lang, published="2025-01-02")["as_of"] == "2024-12"


@pytest.mark.parametrize("text, lang", [
    ("Russia lost 430,790 soldiers in 2024, Ukraine's General Staff said. That works out to an average of 1,177 a "
     "day.", "en"),
    ("Ryssland förlorade 430 790 soldater under 2024, enligt Ukrainas generalstab. Det är det högsta antalet hittills, "
     "och det motsvarar i genomsnitt 1 177 soldater per dag.", "sv"),
])
def test_a_rate_that_restates_the_total_before_has_its_period(text, lang):
    got = {c.value: (c.metric, c.period_start, c.period_end, c.side)
           for c in extract(text, lang=lang, published="2025-01-02")}
    assert got[1177] == ("per_day", "2024-01-01", "2024-12-31", "russia")


@pytest.mark.parametrize("text, lang, value", [
    ("The war in Sudan has killed an estimated 150,000 people, the US envoy said, and displaced more than 12 million.",
     "en", 150000),
    ("Ukraine had a population of around 41 million before the war; its General Staff says 46,000 soldiers have "
     "been killed.", "en", 46000),
    ("Las pérdidas son elevadas para un país de unos 38 millones de habitantes: el CSIS las sitúa en 400.000 bajas "
     "ucranianas.", "es", 400000),
])
def test_people_displaced_or_living_somewhere_are_no_losses(text, lang, value):
    assert [c.value for c in extract(text, lang=lang, published="2025-06-01")] == [value]


@pytest.mark.parametrize("text, lang", [
    ("Israeli officials put Israel's own losses at 45 civilians and more than 70 soldiers killed in the north.", "en"),
    ("Del lado israelí, 45 civiles y 73 soldados han muerto en el norte, según las autoridades israelíes.", "es"),
])
def test_a_participle_after_two_coordinated_figures_is_both_figures_kind(text, lang):
    assert [c.category for c in extract(text, lang=lang, published="2024-11-28")] == ["killed", "killed"]


@pytest.mark.parametrize("text, lang, side", [
    ("Hamas-led militants attacked southern Israel, killing about 1,200 people and taking 251 hostages.", "en",
     "israel"),
    ("В плену в Газе по-прежнему остаются 48 заложников.", "ru", "israel"),
])
def test_hostages_are_captured_and_a_place_that_holds_them_is_not_their_side(text, lang, side):
    got = [c for c in extract(text, lang=lang, published="2025-10-12") if c.category == "captured"]
    assert [(c.side, c.category) for c in got] == [(side, "captured")]


def test_a_list_under_a_paragraph_takes_its_losses_side_and_period_from_it():
    text = ("Ukrainas generalstab har publicerat sin dagliga sammanställning över ryska förluster under perioden "
            "24.02.2022–03.06.2025.\n\nPersonal: cirka 991 260 (+1 080)\nStridsvagnar: 10 899 (+4)\n"
            "Fordon och bränsletankbilar: 52 090 (+121)\n")
    got = [(c.value, c.category, c.side, c.as_of) for c in extract(text, lang="sv") if c.period_start is None]
    assert got == [(991260, "killed_or_wounded", "russia", "2025-06-03"), (10899, "tanks", "russia", "2025-06-03"),
                   (52090, "vehicles", "russia", "2025-06-03")]


def test_two_days_joined_by_a_dash_are_a_period():
    text = "Between 01.03.2025–31.03.2025 Russia lost 38,000 soldiers, Ukraine's General Staff said."
    got = one(text, lang="en", published="2025-04-02")
    assert (got["period_start"], got["period_end"]) == ("2025-03-01", "2025-03-31")


@pytest.mark.parametrize("text, lang", [
    ("Två år efter Hamas attack mot Israel har kriget i Gaza krävt minst 67 173 liv, enligt hälsoministeriet i Gaza.",
     "sv"),
    ("Two years after Hamas's attack on Israel, the war in Gaza has killed at least 67,173 people, according to the "
     "health ministry in Gaza.", "en"),
])
def test_an_attack_that_only_dates_the_figure_caused_none_of_it(text, lang):
    got = one(text, lang=lang, published="2025-10-08")
    assert (got["side"], got["category"]) == ("palestine", "killed")


@pytest.mark.parametrize("text, lang, side", [
    # a launch by a side is its attack: the dead are the other side's
    ("Rusia lanzó durante la madrugada uno de sus mayores ataques contra la capital ucraniana, que dejó al menos 23 "
     "muertos, según el alcalde.", "es", "ukraine"),
    # a side after a noun of place is the target, not the one fought against
    ("Al menos 12 soldados murieron en combates contra las tropas rusas.", "es", "ukraine"),
    # "los ataques de Israel": the attack of a side, whose victims are the country the source speaks for
    ("El Ministerio de Sanidad iraní cifró en 610 los muertos causados por los ataques de Israel contra el país.", "es",
     "iran"),
])
def test_the_attacker_is_not_the_loser(text, lang, side):
    assert one(text, lang=lang, published="2025-06-24")["side"] == side
