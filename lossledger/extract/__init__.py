"""Stage 2: turn an article into loss claims, sentence by sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from lossledger.extract import claimants as cl
from lossledger.extract.assemble import assemble, merge_repeats
from lossledger.extract.dates import (
    DateRef,
    find_dates,
    iso_at_precision,
    ordinal_nouns,
    parse_iso,
    publication_date,
    stated_outside_the_body,
)
from lossledger.extract.figures import (
    LAUNCHED,
    article_ones,
    opening_place,
    opponents,
    read_figures,
    restates,
    side_words,
)
from lossledger.extract.inference import crossing_month, infer_reference_date, too_early
from lossledger.extract.interview import read_interview
from lossledger.extract.language import detect
from lossledger.extract.lexicon import lexicon
from lossledger.extract.numbers import find_numbers
from lossledger.extract.sentences import split
from lossledger.lang import languages
from lossledger.model import EQUIPMENT_CATEGORIES, Article, Claim, Quantity


def extract(text: str, published: str | None = None, lang: str | None = None, doc: str = "x",
            url: str | None = None) -> list[Claim]:
    """Return the loss claims of one text (see `extract_article`)."""
    return extract_article(Article(doc=doc, text=text, published=published, url=url, lang=lang))


def extract_article(article: Article) -> list[Claim]:
    """Return the loss claims of one article, one per distinct claim, in text order."""
    text = article.text
    # 1. language and its compiled lexicon
    lang = article.lang if article.lang in languages() else detect(text)
    lex = lexicon(lang)
    # 2. publication date: given, else in the text or URL
    published = article.published or publication_date(text, article.url, lex)
    # 3. sentences, the numbers in them, and each sentence's own attribution
    sentences = split(text, ordinal_nouns(lex), lex.abbreviations)
    quantities = find_numbers(text, lang)
    numbers = _by_sentence(sentences, quantities)
    own = [cl.attribute(text, s0, s1, lex, qs[0].start if qs else s1)
           for (s0, s1), qs in zip(sentences, numbers, strict=True)]
    talk = read_interview(text, sentences, own, lex)  # an answer speaks for the interviewee
    if talk is not None:
        own = list(talk.sources)
    # 4. loss figures per sentence (dates found first: a date is not a loss)
    ref, stated = parse_iso(published), iso_at_precision(published)
    # a date known to the month or year only ("date 2022-03") gives the year of "in March", not "on Friday"
    day_known = stated is None or len(stated) == 10
    per_sentence = []
    last_fig = None
    for (s0, s1), att, qs in zip(sentences, own, numbers, strict=True):
        if qs:
            qs = sorted(qs + article_ones(text, s0, s1, qs, lex), key=lambda q: q.start)
        dates = find_dates(text, s0, s1, lex, ref, day_known) if qs else []
        exclude = (att.span,) if att and att.span else ()
        figs = read_figures(text, s0, s1, qs, lex, [(d.start, d.end) for d in dates], exclude,
                            last_fig) if qs else []
        last_fig = figs[-1] if figs else None
        per_sentence.append((s0, s1, figs, dates))
    # 5. no publication day: a figure matching the General Staff series dates the article (within the
    # month or year of the publication date where that much is known); a date read from the text that the
    # article's running totals of Russian losses contradict (a photo caption's) is none
    inferred = False
    totals = _russian_totals(text, per_sentence, lex)
    contradicted = ref is not None and article.published is None and \
        not stated_outside_the_body(text, article.url) and too_early(ref.isoformat(), totals)
    if contradicted:
        ref = stated = None
        day_known = True
        per_sentence = [_redated(text, s0, s1, figs, d, lex, None) for s0, s1, figs, d in per_sentence]
    if not day_known or ref is None:
        guess = infer_reference_date([(f.category, f.q.value, f.side) for *_, figs, _ in per_sentence
                                      for f in figs if f.q.qualifier == "exact"], stated or "")
        if guess is None and contradicted:
            guess = crossing_month(totals)  # "more than 400,000": the month the series passed it
        if guess:
            ref, stated, inferred = parse_iso(guess), guess, True
            day_known = len(guess) == 10  # a month guess dates "in March", not "last week"
            per_sentence = [_redated(text, s0, s1, figs, d, lex, ref, day_known=day_known)
                            for s0, s1, figs, d in per_sentence]
    if ref is None:  # no date at all: the latest full date named sets the year of "on 20 May"
        floor = _latest_full_date(text, lex)
        if floor is not None:
            per_sentence = [_redated(text, s0, s1, figs, d, lex, None, floor) for s0, s1, figs, d in per_sentence]
    per_sentence = _paragraph_days(text, per_sentence, lex)
    # 6. claimants carried across sentences; 7. assemble records with dates, modality and evidence
    attributions = _attributions(text, own, per_sentence, lex, ref, day_known)
    claims = []
    low = text.casefold()
    side = _main_side(text, lex) if any(figs for _, _, figs, _ in per_sentence) else None  # the fallback of a figure
    after_attack = False  # the figures go on with the victims of weapons launched (see below)
    loser = None  # the side whose losses a sentence with no figure named, for the figures after it
    setting = None  # the side of the place a sentence of this paragraph opened with ("У Судані …")
    prev_end = 0
    for i, ((s0, s1, figs, dates), (att, when)) in enumerate(zip(per_sentence, attributions, strict=True)):
        if not figs:
            loser = _losses_named(text, s0, s1, lex) or loser
        if "\n" in text[prev_end:s0]:
            setting = None
        setting, prev_end = opening_place(text, s0, s1, lex) or setting, s1
        voices = cl.speakers(text, s0, s1, lex) if len(figs) > 1 and att and att.claimant else []
        # a relay ("..., a congressional source told CNN") or the sentence's own source, shorter or as the anaphor
        # it was resolved from ("its researchers"), is no other voice
        named = text[att.span[0]:att.span[1]] if voices and att.span else ""
        voices = [(at, att.claimant if name in att.claimant or att.claimant in name or name == named else name)
                  for at, name in voices if name not in att.via]
        names = {name for _, name in voices}
        if len(names) < 2 or all(n in max(names, key=len) for n in names):
            voices = []  # one voice read twice ("según informó el jefe de …, Timur Tkachenko"), cut short once
        for fig in figs:
            own = cl.for_figure(voices, fig.q.start) if voices else None
            fig_att = cl.Attribution(cl.fullest(own, low), att.via, False, att.span) if own else att
            if fig_att is not None and fig_att.claimant:
                name = cl.cited(fig_att.claimant, lex.code)
                if name != fig_att.claimant:
                    fig_att = cl.Attribution(name, fig_att.via, fig_att.anaphoric, fig_att.span)
            victims = bool(claims) and (claims[-1].category in LAUNCHED or after_attack) and fig.side is None and \
                fig.population != "military" and fig.category not in EQUIPMENT_CATEGORIES
            after_attack = victims
            # "... shot down 476 drones. The mayor said two people were killed": the attack's victims, civilians
            victims_of = _OTHER.get(side or "", side) if victims and claims[-1].category in LAUNCHED else side
            asked = talk.asked[i] if talk else None  # an interview's question: "A Ukraina?"
            # the place opening the paragraph's sentence is the side of its dead who are no soldiers
            placed = setting if (fig.population_elsewhere or fig.population) != "military" else None
            fallback = asked or loser or placed or victims_of
            claim = assemble(article.doc, text, s0, s1, fig, fig_att, dates, stated, inferred, lex, fallback, when)
            if claim is not None and victims and claim.side == fallback and claim.population == "unspecified":
                claim = dataclasses.replace(claim, population="civilian")
            if claim is not None:
                claims.append(claim)
                if "comparison" not in lex.cues or lex.cues["comparison"].search(text, s0, s1) is None:
                    side, loser = claim.side, None  # (not "Для сравнения: … погибли 15 тысяч советских военных")
    return merge_repeats(_same_periods(text, claims, lex))


def _same_periods(text: str, claims: list[Claim], lex) -> list[Claim]:
    """A figure "in the same period" ("W tym samym okresie …", "за ту же неделю") takes the period of the last figure
    before it that has one, where its own sentence gives none."""
    out: list[Claim] = []
    last: Claim | None = None
    for c in claims:
        ev = c.evidence
        if c.period_start is None and c.period_end is None and last is not None and (
                lex.dates["same_period"].search(text, ev.start, ev.end) is not None or
                _restated(text, ev.start, c, lex)):
            c = dataclasses.replace(c, as_of=last.as_of, period_start=last.period_start, period_end=last.period_end)
        if c.period_end is not None:
            last = c
        out.append(c)
    return out


def _restated(text: str, s0: int, c: Claim, lex) -> bool:
    """The claim's sentence opens by restating the figure before ("That works out to …", "Det motsvarar …"), or a
    restating word stands right before its number ("…, och det motsvarar i genomsnitt 1 177 per dag")."""
    if restates(lex.dates["restated"], text, s0, len(text)):
        return True
    return c.metric != "count" and lex.dates["restated"].search(text, s0, c.evidence.end) is not None


def _paragraph_days(text: str, per_sentence: list, lex) -> list:
    """A day stated once for a paragraph ("Over the past day there were 150 clashes. Ukrainian forces destroyed
    6 tanks ...") dates the tallies of its later sentences that name no date of their own."""
    out, carry, prev_end = [], None, 0
    for s0, s1, figs, dates in per_sentence:
        if "\n" in text[prev_end:s0]:
            carry = None
        prev_end = s1
        day = next((d for d in dates if d.kind == "past_day"), None)
        if day is not None:
            carry = None if figs else day  # a heading sentence ("Over the past day there were 150 clashes.")
        elif carry is not None and figs and not any(d.kind != "unknown" for d in dates):
            dates = [DateRef(s0, s0, carry.value, "past_day"), *dates]
        out.append((s0, s1, figs, dates))
    return out


def _redated(text: str, s0: int, s1: int, figs: list, dates: list, lex, ref, floor=None, day_known=True) -> tuple:
    """A sentence's dates found again with the inferred reference date (or year floor); a figure inside one
    ("26 жовтня", a day and month whose year was unknown) is a date, not a loss."""
    if not figs:
        return s0, s1, figs, dates
    dates = find_dates(text, s0, s1, lex, ref, day_known, floor=floor)
    return s0, s1, [f for f in figs if not any(d.start <= f.q.num_start < d.end for d in dates)], dates


def _russian_totals(text: str, per_sentence: list, lex) -> list[float]:
    """Running totals of Russian soldiers lost stated as standing now (no period, no projection)."""
    out = []
    for s0, s1, figs, dates in per_sentence:
        if lex.cues["projection"].search(text, s0, s1) or any(d.kind in ("year", "start", "end") for d in dates):
            continue
        out += [f.q.value or f.q.low for f in figs if f.side in ("russia", None) and f.population == "military"
                and f.category in ("killed_or_wounded", "losses") and f.metric == "count"
                and f.q.qualifier in ("exact", "approx", "at_least") and (f.q.value or f.q.low or 0) >= 20000]
    return out


def _latest_full_date(text: str, lex) -> dt.date | None:
    """The latest past day the text names with its year: an article is written after the days it reports."""
    today = dt.date.today()
    days = [parse_iso(d.value) for d in find_dates(text, 0, len(text), lex, None)
            if d.kind == "point" and len(d.value) == 10]
    return max((d for d in days if d is not None and d <= today), default=None)


def _main_side(text: str, lex) -> str | None:
    """The party the article names most (as a party, not a place: "in Ukraine" does not count, nor an attacker),
    else the one an attacker fought, else the country named most as a place: the last resort for a figure whose
    sentence names none."""
    counts: dict[str, int] = {}
    end = min(len(text), 20000)
    against, attackers = opponents(text, 0, end, lex)  # "a Russian attack": the other side suffered it
    for m in side_words(text, 0, end, lex, attackers):
        counts[m.label] = counts.get(m.label, 0) + 1
    if counts or against:
        return max(counts, key=counts.__getitem__) if counts else against
    # only places: "civilians killed in Ukraine in 2025", "a strike on Kharkiv" were that country's
    for m in (*lex.sides.find(text, 0, end), *lex.places.find(text, 0, end)):
        counts[m.label] = counts.get(m.label, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _losses_named(text: str, s0: int, s1: int, lex) -> str | None:
    """The one party whose losses a sentence with no figure names ("He said Russia's losses were several times
    higher."): the side of the figures after it that name none ("They have lost about 198,000 killed")."""
    losses = [h for h in lex.categories.find(text, s0, s1) if h.label not in EQUIPMENT_CATEGORIES]
    if not losses:
        return None
    named = {m.label for m in side_words(text, s0, s1, lex)  # "Russia's losses", "pertes russes", "втрати росії"
             if any(re.fullmatch(r"(?:['’]s)?\s+", text[h.end:m.start] if h.end <= m.start else text[m.end:h.start])
                    for h in losses)}
    return named.pop() if len(named) == 1 else None


_OTHER = {"russia": "ukraine", "ukraine": "russia"}
_QUOTE_MARKS = "\"”»“"
_LIST_REACH = 20  # sentences after a list line searched for the source its list refers back to
# a quote left open: a dash opening the sentence or following a full stop ("Zełenski. – Nie 400 tysięcy"), or „ or «
# with no closing mark after it
_QUOTE_OPEN = re.compile(r"(?:^|(?<=[.!?:]\s))[–—][^–—]*$|[„«][^“”»]*$|^[\"“][^\"”]*$")
_CLOSERS = "\"”“»–—"


def _by_sentence(sentences: list[tuple[int, int]], quantities: list[Quantity]) -> list[list[Quantity]]:
    """The numbers of each sentence (`quantities` sorted by start)."""
    out, qi = [], 0
    for s0, s1 in sentences:
        qs = []
        while qi < len(quantities) and quantities[qi].start < s1:
            if quantities[qi].start >= s0:
                qs.append(quantities[qi])
            qi += 1
        out.append(qs)
    return out


def _attributions(text: str, own: list, per_sentence: list, lex, ref, day_known: bool) -> list:
    """(attribution, statement date) of every sentence: its own, resolved, or carried from neighbours."""
    out: list = []
    current: cl.Attribution | None = None
    current_when: str | None = None
    names: dict[str, str] = {}
    low = text.casefold()
    quote_end: int | None = None
    for i, att in enumerate(own):
        s0, s1, _, dates = per_sentence[i]
        # a projection's date is its target ("could reach 1 million by August"), not when it was stated
        when = None if lex.cues["projection"].search(text, s0, s1) else next(
            (d.value for d in dates if d.kind == "point"), None)
        if when is None and i and _opens_with(lex.dates["then"], text, s0, s1):
            # "Then, the number of wounded stood at 10,000": dated like the sentence before
            p0, p1, _, before = per_sentence[i - 1]
            before = before or find_dates(text, p0, p1, lex, ref, day_known)
            when = next((d.value for d in before if d.kind == "point"), None) or out[-1][1]
        carried = False
        if att and att.anaphoric:
            # a pronoun right after a sentence that opens with a known name and gives no source stands for that
            # name ("Syrskyj ger en annan bild. Enligt honom ..."), not for the source before
            opener = _named_before(text, per_sentence, i, 1) if (
                i and own[i - 1] is None and (att.claimant or "").casefold() in lex.pronouns) else None
            named = opener or _document_owner(text, s0, att.claimant or "", lex)
            before = None if cl.indefinite(att.claimant or "", lex.code) else named or current or _named_before(
                text, per_sentence, i)
            att = _resolve(att, before, own[i + 1:i + 4], lex)
            carried = True
            if att is not None and named is not None and att.claimant == named.claimant:
                # "Selenskyj … Im Februar sagte er …", "доклад … (CSIS) … Согласно докладу …": the source the
                # pronoun or the document named goes on
                current = att
        if att is None:
            ahead = _quote_closer(text, own, per_sentence, i, lex)  # "– Nie 400 tysięcy. To kłamstwo – oświadczył X."
            if ahead is None and current is None:
                # the next sentence names the source of this one's figure when it refers back to it or speaks of
                # the losses too ("... the true toll is higher, the UN office said"), not of something else
                ahead = next((own[j] for j in range(i + 1, min(i + 2, len(own)))
                              if own[j] and not per_sentence[j][2] and not own[j].anaphoric
                              and _about_the_losses(text, *per_sentence[j][:2], lex)), None)
                if ahead is None:
                    # a list of figures, then "Про це повідомляє Генштаб": the first source after it, when it
                    # refers back, is the list's
                    for j in range(i + 1, min(i + _LIST_REACH, len(own))):
                        if own[j] and not own[j].anaphoric and not per_sentence[j][2] and \
                                _refers_back(text, *per_sentence[j][:2], lex):
                            ahead = own[j]
                            break
                        if own[j] and per_sentence[j][2]:
                            break  # a figure with a source of its own: the list ended
            if ahead is None and current is not None and quote_end is not None and "\n" in text[quote_end:s0]:
                current = None  # a quoted witness ('..., Kateryna told Euronews.') speaks for no later paragraph
            att = ahead or current
        elif not carried:
            current, current_when = att, when
            figs = per_sentence[i][2]
            quote_end = s1 if not figs and any(c in text[s0:s1] for c in _QUOTE_MARKS) else None
        if att and att.claimant:
            if att.claimant not in names:
                names[att.claimant] = cl.fullest(att.claimant, low)
            att = cl.Attribution(names[att.claimant], att.via, att.anaphoric, att.span)
        out.append((att, when or (current_when if carried else None)))
    return out


def _quote_closer(text: str, own: list, per_sentence: list, i: int, lex) -> cl.Attribution | None:
    """The source of a quote that sentence `i` opens and a later sentence (of the next two) closes with its speech
    verb: '"Not 400,000, not 200,000. That is a lie," the president said.'"""
    s0, s1 = per_sentence[i][:2]
    if not _QUOTE_OPEN.search(text[s0:s1].strip()):
        return None
    for j in range(i + 1, min(i + 3, len(own))):
        b0, b1, figs = per_sentence[j][:3]
        if any(c in text[b0:b1] for c in _CLOSERS):
            closer = own[j]
            return closer if closer and not figs and (closer.claimant or "").casefold() not in lex.pronouns else None
    return None


def _about_the_losses(text: str, s0: int, s1: int, lex) -> bool:
    """The sentence refers back ("That's according to X", "Про це повідомило X") or names a loss."""
    return _refers_back(text, s0, s1, lex) or lex.categories.search(text, s0, s1) is not None


def _refers_back(text: str, s0: int, s1: int, lex) -> bool:
    """The sentence opens with words referring back to what came before ("Про це повідомляє X", "This is
    according to X") or is a credit line ("Source: X")."""
    if cl.source_label(text, s0, s1, lex) is not None:
        return True  # "Source: X"
    head = text[s0:s1].lstrip("\"“”«»'‘’-–— ").casefold()
    return any(head.startswith(w) and not head[len(w):len(w) + 1].isalnum()
               for w in cl.pack_words(lex.code, "refers_back"))


def _opens_with(matcher, text: str, s0: int, s1: int) -> bool:
    """The sentence text[s0:s1] opens with one of the matcher's words (after quotes or a dash)."""
    m = matcher.search(text, s0, min(s1, s0 + 40))
    return m is not None and not any(c.isalnum() for c in text[s0:m.start])


def _named_before(text: str, per_sentence: list, i: int, back: int = 2) -> cl.Attribution | None:
    """A known source that opens one of the `back` sentences before sentence `i` ("Zelensky spoke in Kyiv.
    On Monday he said ..."): what a pronoun with no earlier attribution stands for."""
    for s0, s1, *_ in reversed(per_sentence[max(0, i - back):i]):
        m = cl.known_name().search(text, s0, min(s1, s0 + 80))
        if m is not None:
            return cl.Attribution(m.group(), (), False, (m.start(), m.end()))
    return None


_OWNER_REACH = (1500, 120)  # characters searched back for the document, and after it for its owner


def _document_owner(text: str, s0: int, name: str, lex) -> cl.Attribution | None:
    """The known source that an earlier mention of the same document names ("доклад американского … (CSIS)" …
    "Согласно докладу"; "a report by CSIS" … "according to the report"), for a document with no owner of its own."""
    words = name.casefold().split()
    doc = next((w for w in reversed(words) if w in lex.documents), None)
    if doc is None or len(words) > 3:
        return None
    stem = re.compile(re.escape(doc[:max(4, len(doc) - 2)]), re.IGNORECASE)  # "докладу" ~ "доклад"
    for at in reversed([m.start() for m in stem.finditer(text, max(0, s0 - _OWNER_REACH[0]), s0)]):
        owner = cl.known_name().search(text, at, min(s0, at + _OWNER_REACH[1]))
        if owner is not None and "." not in text[at:owner.start()]:
            return cl.Attribution(owner.group(), (), False, (owner.start(), owner.end()))
    return None


def _resolve(att: cl.Attribution, current: cl.Attribution | None, ahead: list, lex) -> cl.Attribution | None:
    """A pronoun or 'the think tank' names the last source, or failing that the next one; with neither, a
    description ("the General Staff") stands for itself and a pronoun for nobody."""
    if current is not None:
        return cl.Attribution(current.claimant, att.via or current.via, False, att.span)
    nxt = next((a for a in ahead if a and not a.anaphoric), None)
    if nxt is not None:
        return cl.Attribution(nxt.claimant, att.via or nxt.via, False, att.span)
    pronoun = (att.claimant or "").casefold() in lex.pronouns
    return None if pronoun else cl.Attribution(att.claimant, att.via, False, att.span)


__all__ = ["extract", "extract_article"]
