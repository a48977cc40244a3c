"""The language-pack schema: every section and key a pack file may hold, and what each is for.

A pack is a folder `lossledger/lang/<code>/` of TOML files; their sections are merged into one
mapping. Keys not listed here are refused, so a typo in a pack fails loudly in the tests.
Word lists are lower-case; a trailing `*` on an entry means "this prefix" (for inflected forms).
"""

SCHEMA: dict[str, dict[str, str]] = {
    "meta": {
        "code": "ISO 639-1 code of the language",
        "name": "English name of the language",
        "decimal_separator": "the usual decimal separator ('.' or ',')",
        "stopwords": "frequent short words, used to detect the language of a text",
        "script_letters": "letters that only this language uses among the packs (e.g. 'іїєґ' for uk)",
        "lemmatizer": "'simplemma' to match word lists by lemma too, so inflected forms need not be listed",
        "inflector": "'pymorphy3' where names decline: a claimant named in an oblique case ('за даними Одеської "
                     "обласної адміністрації') is cited with its head in the nominative; 'endings' where the "
                     "endings and nouns of section 'declension' suffice ('des britischen Geheimdienstes')",
        "abbreviations": "abbreviated titles and ranks a full stop does not end a sentence after, before a name "
                         "('gen.' in 'rzecznik resortu gen. Igor Konaszenkow')",
        "adjectives_capitalised": "true where adjectives of countries are written with a capital (English "
                                  "'Russian'): a capitalised side word after 'in' or 'to' may be an attacker's "
                                  "adjective, not the place struck",
        "nouns_capitalised": "true where every noun is written with a capital (German): a lower-case word after a "
                             "noun ends a name ('der Journalisten deutlich höher')",
    },
    "declension": {
        "noun_endings": "[oblique, nominative] endings of nouns ([['es', ''], ['s', '']]: 'Geheimdienstes'; "
                        "[['a', 'o']]: 'dowództwa'), used where a noun list then knows the word",
        "weak_noun_endings": "the same for weak masculine nouns, only before a name ('Präsidenten Wladimir Putin')",
        "adjective_endings": "oblique adjective endings and, by the gender of the noun, the nominative ending that "
                             "replaces each ({en = {masculine = 'er', neuter = 'es', feminine = 'e', plural = 'e'}})",
        "nominative_articles": "articles that open a phrase in the nominative, left as written ('die' in 'Die "
                               "Vereinten Nationen')",
        "adjectives_after": "true where adjectives also follow their noun and agree with it ('Sztabu Generalnego')",
        "masculine_nouns": "masculine nouns in the nominative, by the end of the word ('dienst' in 'Geheimdienst')",
        "neuter_nouns": "neuter nouns ('ministerium', 'amt', 'dowództwo')",
        "feminine_nouns": "feminine nouns or their endings ('ung', 'behörde', 'armia')",
        "plural_nouns": "plural nouns or their endings ('behörden', 'władze'); a phrase whose noun no list knows "
                        "stays as written",
    },
    "numbers": {
        "words": "number words and their values (one = 1, twenty = 20, hundred = 100)",
        "scales": "scale words multiplying the number before them (thousand, million, k, mln)",
        "abbreviations": "scales valid only right after digits ('45k', '2 bn'); one letter ones must be glued",
        "fractions": "fraction words (half = 0.5) as in 'half a million'",
        "vague": "vague amounts as [low, high] ('tens of thousands' = [10000, 99999])",
        "joiners": "words joining parts of a compound number word ('and' in 'two hundred and five')",
        "articles": "indefinite articles that stand for one before a scale word ('a' in 'a million')",
        "fraction_links": "words between a fraction and its scale ('a' in 'half a million', 'of a')",
    },
    "qualifiers": {
        "approx": "words before a number that make it approximate",
        "at_least": "words before a number that make it a lower bound",
        "at_most": "words before a number that make it an upper bound",
        "at_least_after": "words after a number that make it a lower bound ('or more')",
        "at_most_after": "words after a number that make it an upper bound",
        "approx_after": "words after a number that make it approximate",
        "range_start": "words opening a range ('between', 'from')",
        "range_joiners": "words or dashes between the two ends of a range ('and', 'to', '-')",
        "range_start_joiners": "range joiners valid only after a range_start word ('and' in 'between 7 and 15')",
        "topic_prepositions": "bound words that are also prepositions of topic ('über' in 'Berichte über 300.000 "
                              "Tote'): after a topic noun they bound nothing",
        "topic_nouns": "nouns of reports and figures after which a topic preposition is one ('Berichte', "
                       "'Angaben'); '*' = prefix",
    },    "categories": {c: f"words naming or implying the loss category {c!r}" for c in (
        "killed", "wounded", "killed_or_wounded", "captured", "missing", "missing_or_captured", "losses",
        "tanks", "armored_vehicles", "artillery", "mlrs", "air_defense", "aircraft", "helicopters", "drones",
        "cruise_missiles", "ships", "submarines", "vehicles", "special_equipment")},
    "population": {
        "military": "nouns for soldiers and other military personnel",
        "civilian": "nouns for civilians (children, residents, ...)",
        "people": "nouns for people of unstated kind (civilian in a strike on a town, else unspecified)",
        "strike": "words of an attack on a place, which make 'people' civilians",
    },
    "sides": {
        "names": "side -> words naming it (country, adjective, capital, forces); '*' = prefix",
        "enemy": "words for 'the enemy' (the side opposing the claimant)",
        "enemy_default": "the side 'the enemy' is when the source's side is unknown (Ukrainian texts call Russia "
                         "the enemy)",
        "both": "words for both sides together ('both sides', 'combined')",
        "conjunctions": "words joining two sides into both ('Russian and Ukrainian soldiers')",
        "after_event": "prepositions of time before an attack ('two years after Hamas's attack on Israel'): the attack "
                       "dates the figures, it did not cause them",
        "place_nouns": "nouns of places a side adjective may qualify ('contra la capital ucraniana', 'the Ukrainian "
                       "capital'): the side is the target, not the one the losses were suffered against",
        "between": "prepositions of a war's two parties ('the war between Israel and Hezbollah'): sides after a "
                   "figure in such a phrase name the war, not the loser",
        "locative": "prepositions that make a following country name a place, not a side ('in Ukraine')",
        "aggression": "nouns of a side's attack ('invasion' in 'Russia's invasion', 'l'invasion russe'): that side "
                      "is the attacker, not the loser",
        "side_nouns": "nouns for 'side' right after a side word that make it the party, whatever preposition leads "
                      "('с российской стороны', 'auf russischer Seite'), unless an attack comes just before",
        "side_phrases": "phrases for 'on the side' right before a side word that make it the party ('du côté russe', "
                        "'po stronie rosyjskiej')",
        "opponent": "prepositions that make a following side the one the losses were suffered against ('in "
                    "clashes with Russian troops', 'contre les forces russes')",
        "agent_opponent": "prepositions of a passive's agent ('by', 'par', 'durch'): a following side is the one the "
                          "losses were suffered against only right after a loss or an attack word ('killed by "
                          "Russian forces'), not elsewhere ('the ministry, controlled by Hamas')",
    },
    "places": {side: f"places (cities, regions; '*' = prefix) that lie on the {side} side: people killed in a "
                     f"strike on one, with no party named, are {side}'s"
               for side in ("russia", "ukraine", "israel", "palestine", "sudan", "syria", "north korea")},
    "cues": {
        "breakdown": "words opening a part of the figure before ('including', 'dont', 'darunter', 'в том числе'): "
                     "the part does not end the figure's words",
        "out_of": "the word between a part and its whole ('215 of 300 drones', '215 з 300'): the whole is no loss",
        "agent_verbs": "verbs whose subject inflicts the loss ('destroyed', 'shot down'): the other side lost",
        "patient_verbs": "verbs whose subject suffers the loss ('lost', 'suffered')",
        "and_other": "words joining a kind of weapon to the wider kind it is counted with ('tanks and other armoured "
                     "vehicles', 'танков и других боевых бронированных машин'): the count is of the wider kind",
        "launch_verbs": "verbs of a side launching weapons ('Russia launched 476 drones', 'Rusia empleó'): drones and "
                        "missiles shot down after it in the paragraph, with no side of their own, are that side's",
        "comparison": "words opening a comparison ('for comparison', 'для сравнения'): the side of its figures "
                      "does not go on to the figures after it that name none",
        "made_by": "words after a side word, or glued to it by a hyphen, that make it a weapon's maker or backer, "
                   "not a party ('Iranian-made', 'Iranian Shahed drones', 'Drohnen iranischer Bauart')",
        "suffered_by": "participles of suffering or losing whose agent ('by') is the loser: 'losses suffered by the "
                       "Russian army' (not 'killed by', whose agent is the attacker)",
        "rise_to": "verbs of a tally rising to a number ('the number of destroyed tanks rose to 4,459', 'wzrosła do'): "
                   "the loss word before them is the number's, and a following 'do'/'до' is no 'up to'",
        "per_day": "rate markers after a number meaning per day",
        "per_week": "rate markers meaning per week",
        "per_month": "rate markers meaning per month",
        "average": "words marking an average ('on average', 'averaging')",
        "additive": "words that go on with a tally ('in addition', 'hinzu kämen', 'en outre'): weapons counted in a "
                    "sentence with one, after a sentence of losses, are losses too",
        "projection": "words marking a projection ('could reach', 'will', 'by spring')",
        "hedge": "words that soften a figure ('may have', 'probably', 'likely')",
        "hedge_split": "hedges split by the figure, written 'verb particle' ('kan ha' in 'kan så många som 870 000 "
                       "soldater ha dödats')",
        "dispute_before": "negations right before a figure the claimant rejects ('not 300,000')",
        "dispute_after": "words right after a figure that reject it ('80,000? That is a lie')",
        "dispute_verbs": "verbs of denial before a figure in its clause ('denied figures of 300,000'): the source "
                         "states it to reject it",
        "dispute_split": "verbs of denial whose particle follows the figure, written 'verb particle' ('wies "
                         "zurück' in 'wies die Zahl von 300.000 zurück'): the verb is one of speech",
        "unit_nouns": "words a military unit's ordinal stands before ('47. Brygady', '3rd Assault Brigade', '47-я "
                      "бригада'): the number names the unit, no loss",
        "noise_after": "units after a number that make it no loss (percent, metres, dollars, years old)",
        "not_war": "words of deaths that are no war losses ('road accidents', 'earthquake'): a sentence with one gives "
                   "no claim of people",
        "of_them": "words right after a number that count it out of things named before ('79 of them', '57 of which', "
                   "'79 av dem'): the number is of their kind",
        "ratio": "words of a ratio ('for every' in 'five Russians for every Ukrainian killed'): a figure in the "
                 "same clause is a ratio, not a count",
        "noise_before": "words just before a number that make it no loss (currency signs, 'aged')",
        "recruit_verbs": "verbs of recruiting or mobilising before a number in its clause ('is recruiting 30,000 a "
                         "month'): the number counts soldiers gained, no loss",
        "mark": "words for a milestone ('the 1 million mark'), a restatement of a bound",
        "cumulative": "words marking a running total, not a period's ('already', 'so far', 'in total')",
        "category_links": "words between a loss noun and the number it governs ('losses of', 'death toll at some')",
        "period_prepositions": "words that make a rate marker a period ('in a single day'): a count, not a rate",
        "category_joiners": "words between two loss words that make one category ('killed or wounded', 'have been')",
    },
    "attribution": {
        "according_to": "phrases before a source: 'according to X', 'enligt X'",
        "verbs": "speech verbs: 'X said', 'said X', 'X skriver'",
        "relay_before": "phrases right before a relaying outlet: 'citing X', 'told X'",
        "impersonal_verbs": "speech verbs with no subject of their own ('у Генштабі ЗСУ повідомили': they reported at "
                            "the General Staff): a place just before the verb is the source",
        "agent_by": "the preposition of a passive's agent ('by' in 'figures published on Saturday by the General "
                    "Staff'): after a document noun, the agent is the source",
        "participles": "speech participles after a comma ('X stated, adding that ...', 'подчеркнув'): their source "
                       "is the subject of the clause before",
        "citing": "phrases before the source a speaker cites ('TASS, citing a security source', 'со ссылкой на'): "
                  "the cited one claims, the speaker relays",
        "comitative": "phrases joining a co-source before the speech verb ('together with' in 'Mediazona together "
                      "with BBC Russian counted'): the claimant is both",
        "known_as": "phrases before a source's name or call sign after a description ('one of the commanders, known "
                    "as Marx'): the name is the claimant",
        "postmodifiers": "phrases of place after a description of a source ('based in' in 'the think tank based in "
                          "Washington'): the description before them may stand for a source named earlier",
        "demonstratives": "words for 'this'/'these' before a document ('according to these figures', 'selon ce "
                          "décompte'): the document stands for the source named before",
        "settings": "prepositions of a setting between a source and its speech verb ('Putin at a meeting with "
                    "officers said', 'X am Montag auf Telegram mitteilte'): the phrase is no part of the source",
        "clause_settings": "setting words that also open a clause ('after' in 'hours after Zelensky said'): before a "
                           "name that the speech verb follows, they open the clause of that name, which is the source",
        "day_determiners": "words before a weekday after a speech verb ('informó este martes el gobernador'): the day "
                           "is no part of the source that follows",
        "refers_back": "words opening a sentence that names the source of the sentence before ('That is according "
                       "to X', 'Det skriver X', 'Про це повідомило X')",
        "source_labels": "labels of a credit line naming the source of the figures before it ('Source: X', "
                          "'Källa: X', 'Джерело: X')",
        "audiences": "head nouns of whom a source speaks to ('told reporters', 'told a news conference'): no relay",
        "auxiliaries": "words between a source and its speech verb ('had', 'also': 'X had also said')",
        "relatives": "relative pronouns before a speech verb ('who' in 'X, who said'): the source is before the comma",
        "neuter_pronouns": "pronouns for a thing ('it', 'this') that may stand for an organisation as a source",
        "comma_according_to": "'according to' words valid only right after a comma (', so der Generalstab', "
                              "', per the Pentagon')",
        "passive": "impersonal or passive speech ('it is reported', 'uppges', 'сообщается'): no source named",
        "source_links": "words after 'according to' + a document that lead to its source ('data compiled by X')",
        "complementisers": "'that' opening reported speech: 'X reported that, according to Y' (Y claims, X relays)",
        "first_person": "first-person words ('our', 'we'): a subject opening with one speaks for the speaker quoted, "
                        "who is the source ('\"Our units confirmed 35,000 killed,\" he said')",
        "own_possessives": "possessives before the people counted that make them the source's own ('466 of its "
        "soldiers', '456 ihrer Soldaten'): the source's side is the loser",
        "own_data": "phrases saying the figures are the subject's own ('nach eigenen Angaben', 'по собственным "
                    "данным'): the sentence's subject is the source",
        "relay_after": "phrases after a relaying outlet is named as reporting ('X reported')",
        "pronouns": "pronouns that refer back to the last named claimant ('he', 'she', 'han')",
        "expletives": "dummy subjects before an inverted speech verb ('Det skriver X'): the source follows",
        "anaphors": "definite descriptions that refer back ('the think tank', 'tankesmedjan')",
        "indefinites": "plural indefinite words opening a source ('des estimations ukrainiennes', 'some officials'): "
                       "it names a new source, never the one before",
        "genitive_endings": "endings of an owner named before its document ('the General Staff's daily report', "
                            "'generalstabens rapport'): the owner is the source",
        "documents": "documents that stand for their unnamed source and refer back ('the report', 'the latest update')",
        "compound_documents": "documents that close a compound with their source ('angaben' in 'nach UN-Angaben', "
                              "'Militärangaben'): the first part is the source",
        "linking_endings": "endings of a compound's first part that take a linking letter before the document "
                           "('ungs' in 'Regierungsangaben'): the letter is no part of the source",
        "document_modifiers": "words before such a document ('new', 'latest' in 'the latest report')",
        "same": "'the same', making a source phrase refer back ('the same report', 'el mismo parte')",
        "stop": "words ending a claimant phrase",
        "articles": "articles that may open a claimant phrase ('the', 'a'; 'den')",
        "owner_links": "words linking a noun to its owner or agent after it ('of', 'de', 'von'): 'the report of the "
                       "ministry', 'los ataques de Israel' (not 'publicado en Facebook', where it was published)",
        "name_links": "lower-case words inside a multi-word name ('of', 'for' in 'Institute for the Study of War')",
    },
    "dates": {
        "months": "month names (all inflections) -> month number",
        "weekdays": "weekday names -> 0 (Monday) .. 6",
        "relative": "relative expressions -> [unit, offset]: ['day', -1], ['week', -1], ['month', 0]",
        "since": "words opening a period start ('since')",
        "when_then": "words of 'when' opening a clause right after a date ('since September 2022, when Shoigu put the "
                     "dead at 5,937'): a figure in that clause stands at the date",
        "same_period": "words for 'the same period' ('in the same period', 'за ту же неделю'): the figure's period is "
                       "that of the figure before",
        "restated": "words of a figure restated ('that works out to', 'det motsvarar', 'soit'): in a sentence that "
                    "opens with one, the figures go on with the figure before, its kind, side and period",
        "compared": "words of a comparison before a date ('than' in 'three times more than in 2022'): the date is "
                    "not the figure's",
        "since_adjacent": "'since' words that also mean 'from' or 'of' ('from', 'du', 'vom', 'з'): they open a period "
                          "only right before its date ('du 11 août', not 'du renseignement … publiées dimanche')",
        "between": "words opening a period ['between', 'and']",
        "this_year": "expressions for the current year ('this year')",
        "last_year": "expressions for the previous year",
        "past_day": "expressions for the last 24 hours ('over the past day')",
        "past_week": "expressions for the seven days up to the statement ('over the past week', 'in a week')",
        "start_of": "words before a year that mean its first day ('the start of' 2023, 'début' 2023)",
        "end_of": "words before a year that mean its last day ('the end of' 2022, 'la fin de l'année' 2022)",
        "published": "markers of a publication date line ('Published', 'Publicerad')",
        "month_before": "words that must precede a bare month name for it to count as a date ('in' May)",
        "during": "words before a month that make a figure that month's total ('in', 'during' August)",
        "then": "words opening a sentence that date it like the sentence before ('Then', 'At the time', 'Entonces')",
        "until": "words between two dates that make a period ('to', 'until' in 'from May to June'), besides dashes",
        "ordinal_suffixes": "endings glued to a day number ('st', 'th' in '21st May'; ':e' in '21:e maj')",
        "day_month_links": "words between a day and its month ('of' in '12th of May', 'de' in '12 de mayo')",
        "war_day": "templates of 'day N of the war', dated N - 1 days after 24 February 2022: '{n}' is the day number "
                   "(digits or an ordinal word), 'a|b' alternatives, a trailing '?' an optional word, '*' a prefix",
        "ordinals": "ordinal words -> number ('sixth' = 6, 'szóst*' = 6), for 'the sixth day of the war'",
    },
}
