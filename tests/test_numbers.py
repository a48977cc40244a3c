"""find_numbers: table tests per language, and property tests (round trips, any text, spans)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossledger.errors import PackError
from lossledger.extract.numbers import find_numbers
from lossledger.lang import get_pack

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"
M = 1_000_000

# (lang, sentence, span text, value, low, high, qualifier): the one quantity whose text is `span`.
ROWS = [
    # digits, grouping and decimals
    ("en", "The ministry counted 1,000,340 losses.", "1,000,340", 1000340, 1000340, 1000340, "exact"),
    ("en", "The ministry counted 1 000 340 losses.", "1 000 340", 1000340, 1000340, 1000340, "exact"),
    ("en", f"It lists 1{NBSP}000{NBSP}340 men.", f"1{NBSP}000{NBSP}340", 1000340, 1000340, 1000340, "exact"),
    ("en", f"It lists 1{NNBSP}000{NNBSP}340 men.", f"1{NNBSP}000{NNBSP}340", 1000340, 1000340, 1000340, "exact"),
    ("en", f"It lists 1{THIN}000{THIN}340 men.", f"1{THIN}000{THIN}340", 1000340, 1000340, 1000340, "exact"),
    ("en", "A tally of 1.000.340 was given.", "1.000.340", 1000340, 1000340, 1000340, "exact"),
    ("en", "Some 24 090 were listed", "Some 24 090", 24090, 24090, 24090, "approx"),
    ("en", "the list had 678 520 names", "678 520", 678520, 678520, 678520, "exact"),
    ("en", "a rate of 2.5 per cent", "2.5", 2.5, 2.5, 2.5, "exact"),
    ("en", "a fee of 1,000.5 units", "1,000.5", 1000.5, 1000.5, 1000.5, "exact"),
    ("en", "Prices rose 40% this year", "40", 40, 40, 40, "exact"),
    # scale words and abbreviations
    ("en", "nearly 2.5 million people fled", "nearly 2.5 million", 2.5 * M, 2.5 * M, 2.5 * M, "approx"),
    ("en", "a crowd of 45k gathered", "45k", 45000, 45000, 45000, "exact"),
    ("en", "a budget of $5bn was set", "5bn", 5000 * M, 5000 * M, 5000 * M, "exact"),
    ("en", "it cost 3 mn dollars", "3 mn", 3 * M, 3 * M, 3 * M, "exact"),
    ("en", "More than a million shells", "More than a million", M, M, None, "at_least"),
    ("en", "three thousand troops", "three thousand", 3000, 3000, 3000, "exact"),
    # number words
    ("en", "twenty-five trucks burned", "twenty-five", 25, 25, 25, "exact"),
    ("en", "two hundred and five graves", "two hundred and five", 205, 205, 205, "exact"),
    ("en", "a hundred drones", "a hundred", 100, 100, 100, "exact"),
    ("en", "half a million men", "half a million", 500000, 500000, 500000, "exact"),
    ("en", "a quarter of a million men", "a quarter of a million", 250000, 250000, 250000, "exact"),
    ("en", "one million two hundred thousand", "one million two hundred thousand", 1.2 * M, 1.2 * M,
     1.2 * M, "exact"),
    ("en", "One of the pilots survived.", "One", 1, 1, 1, "exact"),
    ("en", "one submarine sank", "one", 1, 1, 1, "exact"),
    # ranges
    ("en", "500 000 – 600 000 men", "500 000 – 600 000", None, 500000, 600000, "range"),
    ("en", "500,000-600,000 men", "500,000-600,000", None, 500000, 600000, "range"),
    ("en", "between 7,000 and 15,000 men", "between 7,000 and 15,000", None, 7000, 15000, "range"),
    ("en", "from 20 to 22 tanks", "from 20 to 22", None, 20, 22, "range"),
    ("en", "lost 20 to 22 tanks", "20 to 22", None, 20, 22, "range"),
    ("en", "7-15 thousand men", "7-15 thousand", None, 7000, 15000, "range"),
    ("en", "7–15 thousand men", "7–15 thousand", None, 7000, 15000, "range"),
    ("en", "1.5-2 million men", "1.5-2 million", None, 1.5 * M, 2 * M, "range"),
    ("en", "100,000 to 140,000 men", "100,000 to 140,000", None, 100000, 140000, "range"),
    ("en", "between seven and fifteen boats", "between seven and fifteen", None, 7, 15, "range"),
    ("en", "two to three thousand men", "two to three thousand", None, 2000, 3000, "range"),
    ("en", "the 2022-2023 winter", "2022-2023", None, 2022, 2023, "range"),
    # vague
    ("en", "dozens of drones", "dozens", None, 24, 99, "vague"),
    ("en", "hundreds of drones", "hundreds", None, 100, 999, "vague"),
    ("en", "several hundred drones", "several hundred", None, 100, 999, "vague"),
    ("en", "thousands of drones", "thousands", None, 1000, 9999, "vague"),
    ("en", "several thousand drones", "several thousand", None, 1000, 9999, "vague"),
    ("en", "Tens of thousands died", "Tens of thousands", None, 10000, 99999, "vague"),
    ("en", "hundreds of thousands died", "hundreds of thousands", None, 100000, 999999, "vague"),
    # qualifiers before and after
    ("en", "about 600 tanks", "about 600", 600, 600, 600, "approx"),
    ("en", "around 600 tanks", "around 600", 600, 600, 600, "approx"),
    ("en", "roughly 600 tanks", "roughly 600", 600, 600, 600, "approx"),
    ("en", "almost 600 tanks", "almost 600", 600, 600, 600, "approx"),
    ("en", "close to 600 tanks", "close to 600", 600, 600, 600, "approx"),
    ("en", "approximately 600 tanks", "approximately 600", 600, 600, 600, "approx"),
    ("en", "an estimated 600 tanks", "an estimated 600", 600, 600, 600, "approx"),
    ("en", "more than 700,000 men", "more than 700,000", 700000, 700000, None, "at_least"),
    ("en", "over 46,000 men", "over 46,000", 46000, 46000, None, "at_least"),
    ("en", "At least two people died", "At least two", 2, 2, None, "at_least"),
    ("en", "in excess of 900 men", "in excess of 900", 900, 900, None, "at_least"),
    ("en", "losses surpassed 900", "surpassed 900", 900, 900, None, "at_least"),
    ("en", "losses exceeded 900", "exceeded 900", 900, 900, None, "at_least"),
    ("en", "losses crossed 900", "crossed 900", 900, 900, None, "at_least"),
    ("en", "upwards of 900 men", "upwards of 900", 900, 900, None, "at_least"),
    ("en", "a little over 900 men", "a little over 900", 900, 900, None, "at_least"),
    ("en", "just over 900 men", "just over 900", 900, 900, None, "at_least"),
    ("en", "900 or more men", "900 or more", 900, 900, None, "at_least"),
    ("en", "1,000-plus men", "1,000-plus", 1000, 1000, None, "at_least"),
    ("en", "up to 325,000 men", "up to 325,000", 325000, None, 325000, "at_most"),
    ("en", "as many as 325,000 men", "as many as 325,000", 325000, None, 325000, "at_most"),
    ("en", "no more than 50 men", "no more than 50", 50, None, 50, "at_most"),
    ("en", "fewer than 50 men", "fewer than 50", 50, None, 50, "at_most"),
    ("en", "less than 50 men", "less than 50", 50, None, 50, "at_most"),
    ("en", "under 50 men", "under 50", 50, None, 50, "at_most"),
    ("en", "just under 50 men", "just under 50", 50, None, 50, "at_most"),
    ("en", "a little under 50 men", "a little under 50", 50, None, 50, "at_most"),
    ("en", "below 50 men", "below 50", 50, None, 50, "at_most"),
    ("en", "Moreover 50 men left", "50", 50, 50, 50, "exact"),
    # Swedish
    ("sv", "Omkring 1,2 miljoner soldater", "Omkring 1,2 miljoner", 1.2 * M, 1.2 * M, 1.2 * M, "approx"),
    ("sv", "en ökning på 2,5 procent", "2,5", 2.5, 2.5, 2.5, "exact"),
    ("sv", "förlusterna var 1 000 340 man", "1 000 340", 1000340, 1000340, 1000340, "exact"),
    ("sv", "det kostade 1,2 milj. kronor", "1,2 milj.", 1.2 * M, 1.2 * M, 1.2 * M, "exact"),
    ("sv", "3 tusen soldater", "3 tusen", 3000, 3000, 3000, "exact"),
    ("sv", "tre tusen soldater", "tre tusen", 3000, 3000, 3000, "exact"),
    ("sv", "tvåhundra soldater", "tvåhundra", 200, 200, 200, "exact"),
    ("sv", "tvåhundrafemtiotusen soldater", "tvåhundrafemtiotusen", 250000, 250000, 250000, "exact"),
    ("sv", "etthundratjugoen dog", "etthundratjugoen", 121, 121, 121, "exact"),
    ("sv", "en halv miljon soldater", "en halv miljon", 500000, 500000, 500000, "exact"),
    ("sv", "en miljon granater", "en miljon", M, M, M, "exact"),
    ("sv", "sex stridsvagnar", "sex", 6, 6, 6, "exact"),
    ("sv", "500 000 – 600 000 soldater", "500 000 – 600 000", None, 500000, 600000, "range"),
    ("sv", "mellan 7 000 och 15 000 man", "mellan 7 000 och 15 000", None, 7000, 15000, "range"),
    ("sv", "7–15 tusen man", "7–15 tusen", None, 7000, 15000, "range"),
    ("sv", "från 20 till 22 man", "från 20 till 22", None, 20, 22, "range"),
    ("sv", "dussintals drönare", "dussintals", None, 24, 99, "vague"),
    ("sv", "hundratals drönare", "hundratals", None, 100, 999, "vague"),
    ("sv", "flera hundra drönare", "flera hundra", None, 100, 999, "vague"),
    ("sv", "tusentals drönare", "tusentals", None, 1000, 9999, "vague"),
    ("sv", "flera tusen drönare", "flera tusen", None, 1000, 9999, "vague"),
    ("sv", "tiotusentals döda", "tiotusentals", None, 10000, 99999, "vague"),
    ("sv", "hundratusentals döda", "hundratusentals", None, 100000, 999999, "vague"),
    ("sv", "cirka 600 döda", "cirka 600", 600, 600, 600, "approx"),
    ("sv", "ca 600 döda", "ca 600", 600, 600, 600, "approx"),
    ("sv", "runt 600 döda", "runt 600", 600, 600, 600, "approx"),
    ("sv", "nästan 600 döda", "nästan 600", 600, 600, 600, "approx"),
    ("sv", "närmare 600 döda", "närmare 600", 600, 600, 600, "approx"),
    ("sv", "ungefär 600 döda", "ungefär 600", 600, 600, 600, "approx"),
    ("sv", "mer än 700 000 döda", "mer än 700 000", 700000, 700000, None, "at_least"),
    ("sv", "fler än 700 döda", "fler än 700", 700, 700, None, "at_least"),
    ("sv", "Över 700 döda", "Över 700", 700, 700, None, "at_least"),
    ("sv", "minst två döda", "minst två", 2, 2, None, "at_least"),
    ("sv", "drygt 700 döda", "drygt 700", 700, 700, None, "at_least"),
    ("sv", "förlusterna överstiger 700", "överstiger 700", 700, 700, None, "at_least"),
    ("sv", "700 eller fler döda", "700 eller fler", 700, 700, None, "at_least"),
    ("sv", "upp till 50 döda", "upp till 50", 50, None, 50, "at_most"),
    ("sv", "uppåt 50 döda", "uppåt 50", 50, None, 50, "at_most"),
    ("sv", "högst 50 döda", "högst 50", 50, None, 50, "at_most"),
    ("sv", "under 50 döda", "under 50", 50, None, 50, "at_most"),
    ("sv", "färre än 50 döda", "färre än 50", 50, None, 50, "at_most"),
    ("sv", "mindre än 50 döda", "mindre än 50", 50, None, 50, "at_most"),
]


@pytest.mark.parametrize(("lang", "sentence", "span", "value", "low", "high", "qualifier"), ROWS)
def test_table(lang, sentence, span, value, low, high, qualifier):
    found = [q for q in find_numbers(sentence, lang) if q.text == span]
    assert len(found) == 1, find_numbers(sentence, lang)
    q = found[0]
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)
    assert q.vague == (qualifier == "vague")
    assert q.start == sentence.index(span) and q.end == q.start + len(span)
    assert q.start <= q.num_start < q.num_end <= q.end


# (lang, sentence, the values or (low, high) pairs of everything found, in order)
ALL = [
    ("en", "in 2022 1 340 soldiers", [2022, 1340]),
    ("en", "a total of 1 000\n340 men", [1000, 340]),
    ("en", "killed 7, 15 wounded", [7, 15]),
    ("en", "Tu-95 and A-50 jets, M777 guns", []),
    ("en", "the 1st brigade and the 8219th", []),
    ("en", "a soldier and an officer", []),
    ("en", "a 40km drive", []),
    ("en", "nineteen ninety", [19, 90]),
    ("en", "twenty a day", [20]),
    ("en", "the 1-0 win", [1, 0]),
    ("en", "the 24-year-old", [24]),
    ("en", "none of them, often", []),
    ("sv", "en soldat och ett fordon", []),
    ("sv", "den 24:e februari och 1:a bataljonen", []),
    ("sv", "femen och entusiasm", []),
    ("sv", "över en vecka", []),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), ALL)
def test_all_found(lang, sentence, expected):
    got = [q.value if q.value is not None else (q.low, q.high) for q in find_numbers(sentence, lang)]
    assert got == expected


def test_qualifier_and_numeral_spans():
    text = "Officials said more than 700,000 or so"
    (q,) = find_numbers(text)
    assert text[q.start:q.end] == "more than 700,000 or so" and q.qualifier == "at_least"  # before wins
    assert text[q.num_start:q.num_end] == "700,000"
    (r,) = find_numbers("about 500 - 600 men")
    assert (r.qualifier, r.low, r.high, r.text) == ("range", 500, 600, "about 500 - 600")
    assert "about 500 - 600 men"[r.num_start:r.num_end] == "500 - 600"


def test_unknown_language():
    with pytest.raises(PackError):
        find_numbers("12", "xx")


# ---- property tests ----

EN_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
           "sixteen seventeen eighteen nineteen").split()
EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SV_ONES = ("noll ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton "
           "arton nitton").split()
SV_TENS = "_ _ tjugo trettio fyrtio femtio sextio sjuttio åttio nittio".split()


def en_words(n: int) -> str:
    """English words for 0 <= n < 10**9 ("two hundred and five thousand, ...", without commas)."""
    def small(k: int) -> str:
        h, r = divmod(k, 100)
        tail = EN_ONES[r] if r < 20 else EN_TENS[r // 10] + ("-" + EN_ONES[r % 10] if r % 10 else "")
        return f"{EN_ONES[h]} hundred" + (f" and {tail}" if r else "") if h else tail
    if n == 0:
        return "zero"
    parts = []
    for scale, name in ((M, "million"), (1000, "thousand")):
        if n >= scale:
            parts.append(f"{small(n // scale)} {name}")
            n %= scale
    return " ".join(parts + ([small(n)] if n else []))


def sv_words(n: int, glue: str = "") -> str:
    """Swedish words for 2 <= n < 10**9: one word below a million (or `glue` after "tusen")."""
    def small(k: int) -> str:
        h, r = divmod(k, 100)
        tail = SV_ONES[r] if r < 20 else SV_TENS[r // 10] + (SV_ONES[r % 10] if r % 10 else "")
        return (SV_ONES[h] + "hundra" if h else "") + (tail if r else "")
    parts = []
    if n >= M:
        parts.append("en miljon" if n // M == 1 else f"{small(n // M)} miljoner")
        n %= M
    if n >= 1000:
        thousands = "tusen" if n // 1000 == 1 else f"{small(n // 1000)}tusen"
        n %= 1000
        parts.append(thousands + (glue + small(n) if n else ""))
    elif n:
        parts.append(small(n))
    return " ".join(parts)


def group(n: int, sep: str) -> str:
    s = str(n)
    head = len(s) % 3 or 3
    return sep.join([s[:head]] + [s[i:i + 3] for i in range(head, len(s), 3)])


@st.composite
def written(draw, lang: str):
    """An integer 0..10**9 and a way the language writes it."""
    n = draw(st.integers(0, 10**9))
    dec = "," if lang == "sv" else "."
    seps = [" ", NBSP, NNBSP, THIN, "." if lang == "sv" else ","]
    forms = [str(n), group(n, draw(st.sampled_from(seps)))]
    if n % 1000 == 0 and n:
        k = group(n // 1000, draw(st.sampled_from(seps)))
        forms += [f"{k}k", f"{k} thousand" if lang == "en" else f"{k} tusen"]
    if n % 10_000 == 0 and n >= M:
        m = format(Decimal(n) / M, "f")
        m = (m.rstrip("0").rstrip(".") if "." in m else m).replace(".", dec)
        forms += [f"{m} million" if lang == "en" else f"{m} miljoner"]
    if lang == "en":
        forms.append(en_words(n))
    elif n >= 2 and n % M != 1 and (n % 1000 != 1 or n < 1000):  # not a lone "ett" after a scale word
        forms += [sv_words(n), sv_words(n, " ")]
    return n, draw(st.sampled_from(forms))


@pytest.mark.parametrize("lang", ["en", "sv"])
@settings(max_examples=400)
@given(data=st.data())
def test_written_integers_parse_back(lang, data):
    n, s = data.draw(written(lang))
    text = f"They said {s} were lost."
    found = find_numbers(text, lang)
    assert [(q.text, q.value, q.qualifier) for q in found] == [(s, n, "exact")]


def pack_tokens(lang: str) -> list[str]:
    num, qual = get_pack(lang).section("numbers"), get_pack(lang).section("qualifiers")
    words = [*num["words"], *num["scales"], *num["abbreviations"], *num["vague"], *num["articles"]]
    return words + [w for k in qual for w in qual[k]]


def check_spans(text: str, lang: str) -> None:
    found = find_numbers(text, lang)
    prev_end = 0
    for q in found:
        assert text[q.start:q.end] == q.text
        assert prev_end <= q.start < q.end and q.start <= q.num_start < q.num_end <= q.end
        assert (q.value is None) == (q.qualifier in ("range", "vague"))
        prev_end = q.end


@pytest.mark.parametrize("lang", ["en", "sv"])
@given(text=st.text())
def test_any_text(lang, text):
    check_spans(text, lang)


TOKENS = {lang: pack_tokens(lang) + ["0", "12", "345", " ", " ", ",", ".", "-", "–", "\n", NBSP, "x", "A-", ":"]
          for lang in ("en", "sv")}


@pytest.mark.parametrize("lang", ["en", "sv"])
@settings(max_examples=300)
@given(data=st.data())
def test_number_like_text(lang, data):
    parts = data.draw(st.lists(st.sampled_from(TOKENS[lang]), max_size=30))
    check_spans("".join(parts), lang)


@pytest.mark.parametrize("text", ["14:25 Генштаб повідомив", "At 09:05 the ministry spoke", "(23:59)"])
def test_a_time_of_day_is_no_number(text):
    assert find_numbers(text, "en") == []


def test_a_ratio_and_a_list_count_stay_numbers():
    assert [q.value for q in find_numbers("a 3:1 ratio; tanks: 933", "en")] == [3, 1, 933]


@pytest.mark.parametrize("lang, text", [("fr", "un demi-million de soldats"), ("en", "a half-million troops")])
def test_a_fraction_joined_to_its_scale_by_a_hyphen(lang, text):
    (q,) = find_numbers(text, lang)
    assert q.value == 500_000
