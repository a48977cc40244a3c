"""The German pack on sentences written for these tests: numbers, every category, sides, people, sources,
dates, modality and stance, language detection."""

from __future__ import annotations

import pytest

from lossledger import extract, find_numbers
from lossledger.extract.claimants import lookup
from lossledger.extract.language import detect
from lossledger.extract.lexicon import lexicon
from lossledger.extract.sentences import split

PUB = "2025-06-12"  # a Thursday


def claims(text: str, **kw) -> list[dict]:
    return [c.to_dict() for c in extract(text, published=kw.pop("published", PUB), lang="de", **kw)]


def one(text: str) -> dict:
    found = claims(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, span, value, low, high, qualifier", [
    ("Es waren 10.933 Panzer.", "10.933", 10933, 10933, 10933, "exact"),
    ("Es waren 1.000.340 Mann.", "1.000.340", 1000340, 1000340, 1000340, "exact"),
    ("Es waren 18 500 Verletzte.", "18 500", 18500, 18500, 18500, "exact"),
    ("Es waren 1,2 Millionen Soldaten.", "1,2 Millionen", 1200000, 1200000, 1200000, "exact"),
    ("Es waren 1,2 Mio. Soldaten.", "1,2 Mio.", 1200000, 1200000, 1200000, "exact"),
    ("Es waren 45 Tsd. Soldaten.", "45 Tsd.", 45000, 45000, 45000, "exact"),
    ("Es waren 2,5 Mrd. Euro.", "2,5 Mrd.", 2500000000, 2500000000, 2500000000, "exact"),
    ("Es waren zwei Millionen Menschen.", "zwei Millionen", 2000000, 2000000, 2000000, "exact"),
    ("Es war eine Million Menschen.", "eine Million", 1000000, 1000000, 1000000, "exact"),
    ("Es war eine halbe Million Soldaten.", "eine halbe Million", 500000, 500000, 500000, "exact"),
    ("Es waren dreihundert Soldaten.", "dreihundert", 300, 300, 300, "exact"),
    ("Es waren zwölf Panzer.", "zwölf", 12, 12, 12, "exact"),
    ("Es waren rund 1600 Verwundete.", "rund 1600", 1600, 1600, 1600, "approx"),
    ("Es waren etwa 700 Tote.", "etwa 700", 700, 700, 700, "approx"),
    ("Es waren fast 700 Tote.", "fast 700", 700, 700, 700, "approx"),
    ("Es waren mehr als 560 Kinder.", "mehr als 560", 560, 560, None, "at_least"),
    ("Es waren mindestens 15 Verletzte.", "mindestens 15", 15, 15, None, "at_least"),
    ("Es waren über 16.000 Verwundete.", "über 16.000", 16000, 16000, None, "at_least"),
    ("Es waren bis zu 325.000 Soldaten.", "bis zu 325.000", 325000, None, 325000, "at_most"),
    ("Es waren weniger als 100 Soldaten.", "weniger als 100", 100, None, 100, "at_most"),
    ("Es waren zwischen 7.000 und 15.000 Soldaten.", "zwischen 7.000 und 15.000", None, 7000, 15000, "range"),
    ("Es waren 500.000 bis 600.000 Soldaten.", "500.000 bis 600.000", None, 500000, 600000, "range"),
    ("Es waren 500.000 – 600.000 Soldaten.", "500.000 – 600.000", None, 500000, 600000, "range"),
    ("Es waren Zehntausende Soldaten.", "Zehntausende", None, 10000, 99999, "vague"),
    ("Es gab Tausende Opfer.", "Tausende", None, 1000, 9999, "vague"),
    ("Es gab Hunderttausende Opfer.", "Hunderttausende", None, 100000, 999999, "vague"),
    ("Es gab Dutzende Tote.", "Dutzende", None, 24, 99, "vague"),
])
def test_numbers(text, span, value, low, high, qualifier):
    q = next(q for q in find_numbers(text, "de") if q.text == span)
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


def test_article_alone_is_no_number():
    assert [q.text for q in find_numbers("Ein Soldat und eine Frau.", "de")] == []


@pytest.mark.parametrize("text, category", [
    ("Laut dem Generalstab wurden 870 russische Soldaten getötet.", "killed"),
    ("Laut Kiew sind 40 russische Soldaten gefallen.", "killed"),
    ("Laut Kiew kamen 12 russische Soldaten ums Leben.", "killed"),
    ("Laut Kiew wurden 300 russische Soldaten verwundet.", "wounded"),
    ("Laut Kiew wurden 45 Zivilisten verletzt.", "wounded"),
    ("Laut der Nato wurden 300.000 russische Soldaten getötet oder verwundet.", "killed_or_wounded"),
    ("Laut London gibt es 1.000 russische Opfer.", "killed_or_wounded"),
    ("Laut Kiew wurden 200 russische Soldaten gefangen genommen.", "captured"),
    ("Laut Kiew gibt es 800 russische Kriegsgefangene.", "captured"),
    ("Laut Kiew werden 3.000 ukrainische Soldaten vermisst.", "missing"),
    ("Laut Kiew hat Russland 950.000 Soldaten verloren.", "losses"),
    ("Laut Kiew hat Russland 10.933 Panzer verloren.", "tanks"),
    ("Laut Kiew hat Russland 22.800 gepanzerte Kampffahrzeuge verloren.", "armored_vehicles"),
    ("Laut Kiew hat Russland 300 Schützenpanzer verloren.", "armored_vehicles"),
    ("Laut Kiew hat Russland 30.000 Artilleriesysteme verloren.", "artillery"),
    ("Laut Kiew hat Russland 1.400 Mehrfachraketenwerfer verloren.", "mlrs"),
    ("Laut Kiew hat Russland 1.190 Luftabwehrsysteme verloren.", "air_defense"),
    ("Laut Kiew hat Russland 420 Flugzeuge verloren.", "aircraft"),
    ("Laut Kiew hat Russland 340 Hubschrauber verloren.", "helicopters"),
    ("Laut Kiew hat Russland 40.000 Drohnen verloren.", "drones"),
    ("Laut Kiew hat Russland 3.500 Marschflugkörper verloren.", "cruise_missiles"),
    ("Laut Kiew hat Russland 28 Kriegsschiffe verloren.", "ships"),
    ("Laut Kiew hat Russland zwei U-Boote verloren.", "submarines"),
    ("Laut Kiew hat Russland 50.000 Fahrzeuge und Tankwagen verloren.", "vehicles"),
    ("Laut Kiew hat Russland 3.900 Einheiten Spezialausrüstung verloren.", "special_equipment"),
])
def test_categories(text, category):
    assert one(text)["category"] == category


def test_equipment_list_gives_one_claim_per_item():
    text = ("Laut dem Generalstab der ukrainischen Streitkräfte verlor Russland bisher 10.933 Panzer, "
            "30.100 Artilleriesysteme und 40.500 Drohnen.")
    got = {c["category"]: c for c in claims(text)}
    assert got["tanks"]["value"] == 10933
    assert got["artillery"]["value"] == 30100
    assert got["drones"]["value"] == 40500
    assert all(c["side"] == "russia" for c in got.values())


def test_a_list_heading_ending_a_paragraph_is_its_last_sentence():
    # the sentence before the heading ("… außer Gefecht gesetzt") names the figure before the list, not its items
    text = ("Der Generalstab der ukrainischen Streitkräfte hat seine Zahlen zu den russischen Verlusten aktualisiert. "
            "Allein am Vortag seien 1.100 russische Soldaten außer Gefecht gesetzt worden. Die Übersicht:\n"
            "Panzer: 9.900 (+4)\nDrohnen: 24.000 (+90)\n")
    got = {c["value"]: c for c in claims(text)}
    assert {v: (c["category"], c["side"], c["qualifier"]) for v, c in got.items() if v > 1000} == {
        1100: ("killed_or_wounded", "russia", "exact"), 9900: ("tanks", "russia", "exact"),
        24000: ("drones", "russia", "exact")}
    assert {c["claimant"] for c in got.values()} == {"Der Generalstab der ukrainischen Streitkräfte"}


@pytest.mark.parametrize("text, side", [
    ("Laut Kiew wurden 500 russische Soldaten getötet.", "russia"),
    ("Laut Moskau wurden 500 ukrainische Soldaten getötet.", "ukraine"),
    ("Laut Kiew wurden 500 Besatzer getötet.", "russia"),
    ("Auf beiden Seiten wurden insgesamt 500 Soldaten getötet.", "both"),
    ("Bei einem russischen Angriff auf die Stadt wurden fünf Menschen getötet.", "ukraine"),
    ("Die ukrainischen Streitkräfte haben 30 russische Panzer zerstört.", "russia"),
    ("Zwölf Soldaten wurden in Gefechten mit russischen Truppen getötet.", "ukraine"),
])
def test_sides(text, side):
    assert one(text)["side"] == side


def test_enemy_is_the_other_side_of_the_claimant():
    c = one("Der ukrainische Generalstab sagte, der Feind habe 1.200 Soldaten verloren.")
    assert c["side"] == "russia"


@pytest.mark.parametrize("text, population", [
    ("Laut Kiew wurden 500 russische Soldaten getötet.", "military"),
    ("Bei dem russischen Angriff auf Odessa wurden sieben Zivilisten getötet.", "civilian"),
    ("Bei einem Raketenangriff auf Kiew wurden neun Menschen getötet.", "civilian"),
    ("Nach Angaben der UN wurden in der Ukraine 600 Kinder getötet.", "civilian"),
])
def test_population(text, population):
    assert one(text)["population"] == population


@pytest.mark.parametrize("text, claimant", [
    ("Mediazona gemeinsam mit der BBC ermittelte die Namen von 106.745 getöteten russischen Soldaten.",
     "Mediazona gemeinsam mit der BBC"),
    ("Laut dem ukrainischen Generalstab wurden 1.000 russische Soldaten getötet.", "ukrainischer Generalstab"),
    # a genitive article after a noun is inside the name read back from a final verb
    ("Wie der Generalstab der ukrainischen Streitkräfte am Montag mitteilte, verlor Russland 1.040 Soldaten.",
     "Generalstab der ukrainischen Streitkräfte"),
    ("Nach Angaben des Instituts für Kriegsstudien verlor Russland 400 Panzer.", "Instituts für Kriegsstudien"),
    ("Selenskyj sagte, die Ukraine habe 31.000 Soldaten verloren.", "Selenskyj"),
    ("Das britische Verteidigungsministerium schätzt, dass 450.000 russische Soldaten getötet oder verwundet "
     "wurden.", "britische Verteidigungsministerium"),
])
def test_claimant(text, claimant):
    assert claimant in one(text)["claimant"]


@pytest.mark.parametrize("name, entity", [
    ("ukrainischen Generalstabs", "General Staff of the Armed Forces of Ukraine"),
    ("Generalstab der ukrainischen Streitkräfte", "General Staff of the Armed Forces of Ukraine"),
    ("russischen Verteidigungsministeriums", "Ministry of Defence of the Russian Federation"),
    ("Wolodymyr Selenskyj", "Volodymyr Zelensky"),
    ("Kremlsprecher Dmitri Peskow", "Dmitry Peskov"),
    ("Institut für Kriegsstudien", "Institute for the Study of War"),
])
def test_claimant_registry(name, entity):
    assert lookup(name).name == entity


def test_pronoun_carries_the_claimant():
    text = ("Das russische Verteidigungsministerium äußerte sich am Montag. Am 2. März meldete es 498 getötete "
            "russische Soldaten.")
    c = one(text)
    assert c["value"] == 498 and c["as_of"] == "2025-03-02"


def test_ordinal_day_before_month_is_no_sentence_end():
    text = "Am 24. Februar 2022 begann der Krieg. Seitdem starben viele."
    assert [text[a:b] for a, b in split(text, lexicon("de").months)] == [
        "Am 24. Februar 2022 begann der Krieg.", "Seitdem starben viele."]


@pytest.mark.parametrize("text, as_of", [
    ("Am 100. Tag des Krieges meldete Kiew 31.000 getötete russische Soldaten.", "2022-06-03"),
    ("Am sechsten Tag der russischen Invasion meldete Kiew 5300 getötete russische Soldaten.", "2022-03-01"),
    ("Am 2. März meldete Kiew 498 getötete russische Soldaten.", "2025-03-02"),
    ("Kiew meldete am Montag 500 getötete russische Soldaten.", "2025-06-09"),
    ("Kiew meldete gestern 500 getötete russische Soldaten.", "2025-06-11"),
    ("Bis Ende Januar 2024 hatte Russland laut Kiew 380.000 Soldaten verloren.", "2024-01"),
    ("Laut Kiew wurden im Mai 2023 bereits 2.000 russische Soldaten getötet.", "2023-05"),
])
def test_dates(text, as_of):
    assert one(text)["as_of"] == as_of


def test_past_day_is_the_period():
    c = one("Laut Kiew hat Russland in den vergangenen 24 Stunden 1.120 Soldaten verloren.")
    assert (c["period_start"], c["period_end"]) == (PUB, PUB)


def test_rates():
    assert one("Laut Kiew verliert Russland im Durchschnitt 1.200 Soldaten pro Tag.")["metric"] == "per_day"
    assert one("Laut London verliert Russland 4.000 Soldaten pro Woche.")["metric"] == "per_week"
    assert one("Laut London verliert Russland 35.000 Soldaten pro Monat.")["metric"] == "per_month"


@pytest.mark.parametrize("text, modality", [
    ("Laut London wurden 500 russische Soldaten getötet.", "reported"),
    ("Laut London wurden möglicherweise 500 russische Soldaten getötet.", "hedged"),
    ("Laut London wurden wahrscheinlich 500 russische Soldaten getötet.", "hedged"),
    ("Laut London könnte Russland bis zum Jahresende 1,5 Millionen Soldaten verlieren.", "projection"),
])
def test_modality(text, modality):
    assert one(text)["modality"] == modality


def test_disputed():
    c = one("Der Kreml sagte, Russland habe nicht 300.000 Soldaten verloren.")
    assert c["stance"] == "disputed"


@pytest.mark.parametrize("text", [
    "Die Armee rückte 500 Meter vor.",
    "Die Hilfe beträgt 500 Millionen Euro.",
    "Der 19-jährige Soldat wurde verletzt.",
    "Die Preise stiegen um 12 Prozent.",
])
def test_noise_is_no_claim(text):
    assert claims(text) == []


def test_detection():
    de = "Laut dem Generalstab hat Russland seit Beginn der Invasion mehr als eine Million Soldaten verloren."
    assert detect(de) == "de"
    assert detect("Enligt generalstaben har Ryssland förlorat över en miljon soldater sedan invasionen.") == "sv"
    assert detect("According to the General Staff, Russia has lost more than a million soldiers.") == "en"
    assert detect("Selon l'état-major, la Russie a perdu plus d'un million de soldats depuis le début.") == "fr"


@pytest.mark.parametrize("text, claimant", [
    # a pronoun after its verb (verb second) stands for the known source that opens the sentence before
    ("Der ukrainische Präsident Wolodymyr Selenskyj sprach in Kiew. Am Montag sagte er, Russland habe 5000 "
     "Soldaten verloren.", "Wolodymyr Selenskyj"),
    ("Das russische Verteidigungsministerium hat nur einmal Zahlen veröffentlicht. Am 2. März meldete es 498 "
     "getötete russische Soldaten.", "Das russische Verteidigungsministerium"),
])
def test_pronoun_after_the_verb_takes_the_source_named_before(text, claimant):
    assert one(text)["claimant"] == claimant


def test_then_dates_a_sentence_like_the_one_before():
    text = 'Das Ministerium nannte am 2. Mai erste Zahlen. Damals waren 498 russische Soldaten getötet worden.'
    assert one(text)["as_of"] == "2025-05-02"


def test_average_with_its_rate_before_the_number():
    text = 'Die täglichen Verluste Russlands lagen im Durchschnitt bei 1.200 Soldaten, so London.'
    assert one(text)["metric"] == "per_day"


def test_coordinated_figure_keeps_the_side_and_the_source_follows_its_verb():
    text = ("Seit Beginn der Invasion seien 43.000 ukrainische Soldaten getötet und rund 370.000 verwundet worden, "
            "schrieb Selenskyj auf Telegram. Die russischen Verluste bezifferte er auf 198.000 Tote.")
    got = {c["value"]: c for c in claims(text)}
    assert got[370000]["side"] == "ukraine"
    assert {c["claimant"] for c in got.values()} == {"Selenskyj"}


def test_nach_einschaetzung_names_the_source():
    text = "Nach Einschätzung des britischen Verteidigungsministeriums hat Russland 1.200 Soldaten verloren."
    assert one(text)["claimant"] == "britisches Verteidigungsministerium"  # the case form cited in the nominative


def test_source_opens_the_sentence_when_the_participle_ends_it():
    text = ("Die UN-Menschenrechtsmission hat seit Kriegsbeginn mindestens 12.300 getötete Zivilisten in der Ukraine "
            "dokumentiert.")
    assert one(text)["claimant"] == "Die UN-Menschenrechtsmission"


def test_so_after_a_comma_names_the_source():
    text = "Russland hat 1.200 Soldaten an einem Tag verloren, so der britische Geheimdienst."
    assert one(text)["claimant"] == "der britische Geheimdienst"


@pytest.mark.parametrize("text", [
    "Nach Kiewer Angaben wurden 1.200 russische Soldaten getötet, teilte der Generalstab am Montag mit.",
    "Der Generalstab hat am Montag 1.200 getötete russische Soldaten gemeldet.",
])
def test_split_and_participle_speech_verbs(text):
    assert one(text)["claimant"].casefold() == "der generalstab"


def test_ueberstiegen_makes_a_lower_bound():
    assert one("Die russischen Verluste überstiegen 700.000 Soldaten, so Kiew.")["qualifier"] == "at_least"


def test_weapons_intercepted_in_reported_speech():
    text = "563 Drohnen und 26 Marschflugkörper seien abgefangen worden, so die ukrainische Luftwaffe."
    got = [(c.value, c.category, c.side) for c in extract(text, lang="de", published="2025-08-29")]
    assert got == [(563, "drones", "russia"), (26, "cruise_missiles", "russia")]


@pytest.mark.parametrize("text, claimant", [
    # a prepositional phrase before the verb: the subject follows it
    ("Auf Grundlage von Erbschaftsregistern schätzen die Forscher von Mediazona, dass bis Ende 2024 rund 165.000 "
     "russische Soldaten getötet wurden.", "die Forscher von Mediazona"),
    ("Allein im April zählte die UN-Mission 209 getötete Zivilisten in der Ukraine.", "die UN-Mission"),
    # the verb last after its auxiliary: the subject opens the clause
    ("Das Portal Mediazona hat bis zum 4. Juli 111.387 russische Gefallene anhand von Todesanzeigen und Fotos von "
     "Friedhöfen identifiziert.", "Das Portal Mediazona"),
    # a time before the auxiliary: the subject follows it, though the participle is not last
    ("Im März 2024 hatte Selenskyj noch von 31.000 getöteten ukrainischen Soldaten gesprochen und Zahlen aus "
     "Moskau zurückgewiesen.", "Selenskyj"),
    # an occasion before the auxiliary ("Zum Jahrestag hat …"): the subject follows it
    ("Zum ersten Jahrestag der Invasion hat das britische Verteidigungsministerium seine Schätzung auf 200.000 "
     "getötete oder verwundete russische Soldaten aktualisiert.", "das britische Verteidigungsministerium"),
    # a dateline is no source of the clause after it
    ("Kiew (dpa) - Der Generalstab der ukrainischen Streitkräfte hat am Montag 1.210 getötete russische Soldaten "
     "gemeldet.", "Der Generalstab der ukrainischen Streitkräfte"),
    # an article that links nothing opens the object after the name
    ("Die Zahl der Toten hat nach Angaben des von der Hamas kontrollierten Gesundheitsministeriums die Marke von "
     "50.000 Palästinensern überschritten.", "von der Hamas kontrollierten Gesundheitsministeriums"),
])
def test_german_word_order_puts_the_source_around_the_verb(text, claimant):
    assert one(text)["claimant"] == claimant


def test_a_denial_in_quotes_opening_with_nicht():
    text = "Selenskyj wies die russischen Zahlen zurück: „Nicht 300.000 ukrainische Soldaten sind gefallen.“"
    assert {c["stance"] for c in claims(text)} == {"disputed"}


@pytest.mark.parametrize("text, claimant", [
    ("Kremlsprecher Peskow wies die Zahl von 280.000 getöteten russischen Soldaten am Dienstag zurück.",
     "Kremlsprecher Peskow"),
    ("Moskau tat die Angaben von 280.000 getöteten Soldaten als Propaganda ab.", "Moskau"),
    # "wonach" opens the clause of what is denied, as "dass" does
    ("Das Ministerium dementierte Meldungen, wonach 280.000 russische Soldaten gefallen seien.", "Das Ministerium"),
])
def test_a_split_verb_of_denial_or_wonach_disputes_the_figure(text, claimant):
    c = one(text)
    assert (c["value"], c["claimant"], c["stance"]) == (280000, claimant, "disputed")


def test_a_pointer_with_the_same_verb_asserts():
    c = one("Peskow wies darauf hin, dass 280.000 ukrainische Soldaten gefallen seien.")
    assert (c["claimant"], c["stance"]) == ("Peskow", "asserted")


def test_ueber_after_a_noun_of_reports_is_about_not_more_than():
    about = one("Der Kreml kommentierte Berichte über 280.000 gefallene russische Soldaten nicht.")
    assert about["qualifier"] == "exact"
    assert one("Laut Generalstab sind über 280.000 russische Soldaten gefallen.")["qualifier"] == "at_least"


def test_a_participle_after_an_article_inside_a_clause_is_no_verb_of_speech():
    text = ("Mediazona hat die Namen von 93.100 getöteten russischen Soldaten dokumentiert. Unter den identifizierten "
            "Toten seien mehr als 16.000 ehemalige Häftlinge.")
    assert [c["claimant"] for c in claims(text)] == ["Mediazona", "Mediazona"]
    assert one("Russland verlor 5.937 Soldaten; das sagte Schoigu.")["claimant"] == "Schoigu"


def test_the_verb_of_the_figures_part_of_the_sentence_names_its_source():
    c = one("Das russische Ministerium hat seither keine Zahlen veröffentlicht; damals hatte der Minister Sergej "
            "Schoigu von 5.937 Toten gesprochen.")
    assert c["claimant"] == "der Minister Sergej Schoigu"


def test_an_estimate_with_an_article_names_its_owner_and_the_authors_refer_back():
    text = ("Russland hat nach einer neuen Schätzung der Denkfabrik CSIS fast 940.000 Soldaten verloren. Moskau könne "
            "die Verluste ausgleichen, die Bestände reichten aber nur zwei Jahre, schreiben die Autoren. Die Zahl der "
            "Gefallenen schätzen die Autoren auf 240.000.")
    assert {c["claimant"] for c in claims(text)} == {"der Denkfabrik CSIS"}


def test_field_artillery_is_artillery():
    c = one("Die russische Armee habe 112 ukrainische Feldartilleriegeschütze zerstört, meldete Tass.")
    assert (c["category"], c["side"]) == ("artillery", "ukraine")
