"""Interviews: the answers speak for the person interviewed, and a question naming one party names the loser.

Interviews written for these tests, in several languages.
"""

from __future__ import annotations

import pytest

from lossledger import extract

SWEDISH = """INTERVJU. "Förlusterna är enorma"

Vi talade med Erik Lindqvist, överstelöjtnant och forskare vid Försvarshögskolan.

Hur många ryska soldater har stupat?
– Min bedömning är att omkring 180 000 har stupat sedan invasionen.

Och på ukrainsk sida?
– Där vet vi mindre. Kanske 70 000 stupade, enligt amerikanska tjänstemän. Jag tror att närmare 90 000 har \
stupat.
"""

POLISH = """Rozmowa z ekspertem

Tomasz Nowicki, analityk Ośrodka Studiów Wschodnich, o stratach w wojnie.

– Ilu żołnierzy straciła Rosja?
– Szacuję, że około 250 tysięcy zabitych.

– A Ukraina?
– Według mnie mniej, może 60 tysięcy zabitych.
"""

SPANISH = """Entrevista | Lucía Ferrer, investigadora del Real Instituto Elcano

—¿Cuántos soldados ha perdido Rusia?
—Mi estimación es de unos 200.000 muertos desde 2022.
—¿Y Ucrania?
—Bastantes menos, quizá 60.000 muertos.
"""

RUSSIAN = """«Потери огромны»

Историк Сергей Волков — о том, во что обходится война

— Сколько российских военных погибло?
— По моей оценке, около 200 тысяч погибших. Для сравнения: в Афганистане погибли около 15 тысяч советских военных.

— А сколько раненых?
— Речь идет о полумиллионе раненых.
"""

ENGLISH = """Counting the dead, name by name

An independent outlet has been compiling a list of Russian soldiers killed in Ukraine. We spoke to one of its
editors, Olga Petrova.

Q: How many names are on the list now?

A: As of March 3, we have confirmed 95,000 deaths by name.

Q: And the real figure?

A: Our statistical model, based on inheritance records, suggests between 160,000 and 220,000 killed.
"""

FRENCH = """« La Russie perd un millier d'hommes par jour »

Historien à l'université de Lyon, le professeur Marc Delorme revient sur le coût humain de la guerre.

Combien de soldats la Russie a-t-elle perdus ?
Personne ne le sait précisément. On peut penser que le nombre de tués se situe entre 250 000 et 300 000.

Et du côté ukrainien ?
Les chiffres sont plus opaques. En février, Volodymyr Zelensky avait évoqué 46 000 soldats tués.
"""

SPANISH_MARKED = """«Rusia paga un precio enorme»

Pedro Almagro (Sevilla, 1958) fue coronel del Ejército de Tierra. Hoy analiza la guerra desde Madrid.

PREGUNTA. ¿Cuántos soldados ha perdido Rusia?

RESPUESTA. Las estimaciones más serias hablan de entre 900.000 y un millón de bajas rusas, entre muertos y heridos.

P. ¿Y Ucrania?

R. Zelenski reconoció en febrero 46.000 militares muertos.
"""


@pytest.mark.parametrize("text, lang, want", [
    (SWEDISH, "sv", [(180000, "russia", "Erik Lindqvist"), (70000, "ukraine", "amerikanska tjänstemän"),
                     (90000, "ukraine", "Erik Lindqvist")]),
    (POLISH, "pl", [(250000, "russia", "Tomasz Nowicki"), (60000, "ukraine", "Tomasz Nowicki")]),
    (SPANISH, "es", [(200000, "russia", "Lucía Ferrer"), (60000, "ukraine", "Lucía Ferrer")]),
    # a standfirst naming the interviewee before a dash; a comparison's side does not go on to the next answer
    (RUSSIAN, "ru", [(200000, "russia", "Историк Сергей Волков"), (15000, "ussr", "Историк Сергей Волков"),
                     (500000, "russia", "Историк Сергей Волков")]),
    # a name closing the introduction after a comma; an apposition on a model is no source
    (ENGLISH, "en", [(95000, "russia", "Olga Petrova"), (None, "russia", "Olga Petrova")]),
    # a name after its title in the introduction, whose words the quote heading it are; a source an answer names
    # speaks for itself
    (FRENCH, "fr", [(1000, "russia", "Marc Delorme"), (None, "russia", "Marc Delorme"),
                    (46000, "ukraine", "Volodymyr Zelensky")]),
    # a name opening the introduction as its subject; an answer's generic source is the interviewee's reading; the
    # answer's marker ("R.") is no part of a name
    (SPANISH_MARKED, "es", [(None, "russia", "Pedro Almagro"), (46000, "ukraine", "Zelenski")]),
])
def test_answers_speak_for_the_interviewee_about_the_party_asked_of(text, lang, want):
    claims = extract(text, lang=lang, published="2025-05-20")
    assert [(c.value, c.side, c.claimant) for c in claims] == want


def test_a_headline_asking_one_question_makes_no_interview():
    text = ("How many soldiers has Russia lost?\n"
            "Western officials say about 250,000 Russian soldiers have been killed.\n"
            "Ukraine has lost around 70,000 soldiers.")
    claims = extract(text, lang="en", published="2025-05-20")
    assert [(c.value, c.side, c.claimant) for c in claims] == [
        (250000, "russia", "Western officials"), (70000, "ukraine", "Western officials")]
