"""Modality (reported, projection, hedged) and stance (asserted, disputed) of a figure."""

from __future__ import annotations

import functools
import re

from lossledger.extract.claimants import known_name, opens_relative, owned_figures
from lossledger.extract.figures import Figure, clause_start, negated
from lossledger.extract.lexicon import Lexicon, pack_words, trie_pattern

_SPACE = re.compile(r"\s*")


def modality(text: str, fig: Figure, zone_start: int, s1: int, lex: Lexicon) -> str:
    """`projection` or `hedged` when a cue stands in the figure's clause, else `reported`."""
    q = fig.q
    after_end = min(s1, fig.head_end + 40)
    zone_start = _governing_start(text, zone_start, lex)
    if lex.cues["projection"].search(text, zone_start, q.num_start):  # its bound too: "can exceed 1 million"
        return "projection"
    if lex.cues["hedge"].search(text, zone_start, q.start) or lex.cues["hedge"].search(text, q.end, after_end):
        return "hedged"
    split = _split_cue(lex.code, "hedge_split")  # "kan så många som 870 000 soldater ha dödats"
    if split and split[0].search(text, zone_start, q.start) and split[1].search(text, q.end, after_end):
        return "hedged"
    return "reported"


def _governing_start(text: str, zone_start: int, lex: Lexicon) -> int:
    """A clause opened by 'that', or by 'according to which', is governed by the clause before it, whose hedges
    soften it and whose denials reject it: "the Pentagon "cautiously estimates", that about 7,000 died",
    "Pieskow odrzucił szacunki, według których Rosja straciła 900 tysięcy"."""
    opens = lex.complementiser_open.match(text, zone_start) or _relative_source(text, zone_start, lex)
    if zone_start < 2 or not opens:
        return zone_start
    return clause_start(text, max(0, zone_start - 120), zone_start - 1)


def _relative_source(text: str, start: int, lex: Lexicon) -> bool:
    """The clause at `start` opens with 'according to' + a relative pronoun ("según las cuales", "по которым")."""
    at = _SPACE.match(text, start).end()
    hit = lex.according_to.find(text, at, min(len(text), at + 40))
    return bool(hit) and hit[0].start == at and opens_relative(text, hit[0].end, lex)


def stance(text: str, fig: Figure, s1: int, lex: Lexicon) -> str:
    """`disputed` when the figure is negated ("not 300,000") or called false right after it."""
    q = fig.q
    denial = lex.cues.get("dispute_verbs")
    clause = _governing_start(text, clause_start(text, max(0, q.start - 120), q.start), lex)
    hit = denial.find(text, clause, q.start) if denial else []
    if hit and owned_figures(text, hit[-1].end, q.start, lex):
        return "asserted"  # "Zelenskyj avfärdade det ryska försvarsministeriets uppgifter ... som en lögn": the MoD's
    if negated(text, q, lex):
        return "disputed"
    after = lex.cues["dispute_after"].search(text, q.end, min(s1 + 40, len(text), q.end + 50))
    if after and not (after.start > s1 and (lex.sides.search(text, s1, after.start) or
                                            known_name().search(text, s1, after.start))):
        return "disputed"  # (not "… 1,16 millones. Moscú lo califica de propaganda": another party rejects it)
    # "Zelensky denied figures of 300,000": a denial before it in its clause, with no other source between
    if hit and not known_name().search(text, hit[-1].end, q.start):  # "dismissed the CSIS estimate": CSIS asserts it
        return "disputed"
    split = _split_cue(lex.code, "dispute_split")
    return "disputed" if split and split[0].search(text, clause, q.start) and split[1].search(text, q.end, s1) \
        else "asserted"


@functools.cache
def _split_cue(code: str, key: str) -> tuple[re.Pattern, re.Pattern] | None:
    """Patterns of the verbs and the particles of a pack's split cues ("wies … zurück", "kan … ha")."""
    pairs = [w.split() for w in pack_words(code, key, "cues")]
    if not pairs:
        return None
    verbs, particles = ({p[0] for p in pairs}, {p[-1] for p in pairs})
    return tuple(re.compile(rf"(?<![^\W_])(?:{trie_pattern(sorted(ws))})(?![^\W_])") for ws in (verbs, particles))

