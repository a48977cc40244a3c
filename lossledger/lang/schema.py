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
    },
    "numbers": {
        "words": "number words and their values (one = 1, twenty = 20, hundred = 100)",
        "scales": "scale words multiplying the number before them (thousand, million, k, mln)",
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
    },
}
