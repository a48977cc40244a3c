"""Interviews: an article of questions and answers. An answer speaks for the person interviewed where it cites no
source of its own, and a question that names one party ("Et côté ukrainien ?", "A Ukraina?") names the loser of
the figures in its answer that name none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lossledger.extract.claimants import Attribution, generic, lookup
from lossledger.extract.figures import side_words
from lossledger.extract.lexicon import Lexicon, pack_words

_PARAGRAPH = re.compile(r"[^\n]+")
_QUESTION_END = re.compile(r"[?？][\s\"”»“]*$")
_QUESTION_MAX = 300  # characters of a question: a longer paragraph ending with "?" is an answer's rhetoric
_MIN_QUESTIONS = 2  # a headline asking one question is no interview
_TITLE_AFTER = re.compile(r",\s+([^\W\d_]+)")  # the comma before a title ("…, chercheur associé")
_NAME_WORDS = 3  # the most words of a person's name before its title
# a name closing a sentence of the introduction after a comma: "We spoke to one of its editors, Dmitry Treshchanin."
_NAME_CLOSING = re.compile(r",\s+([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){1,2})\s*[.:]\s")
_WORD = re.compile(r"\S+")
_ANSWER_MARK = re.compile(r"[^\W\d_][.:]\s+")  # "R. ", "A: ", "О: " opening an answer
_QUOTES = "«\"“„‘'"
_HEAD_BEFORE_DASH = re.compile(r"^[ \t]*([^\n—–:]{3,60}?)\s+[—–]\s", re.MULTILINE)  # "Демограф Михаил Ветров — о том"


@dataclass(frozen=True)
class Interview:
    """For each sentence of an interview: its source (an answer's own, else the interviewee's), and the one party
    its question named (None where it named none or several)."""

    sources: tuple[Attribution | None, ...]
    asked: tuple[str | None, ...]


def read_interview(text: str, sentences: list[tuple[int, int]], own: list[Attribution | None],
                   lex: Lexicon) -> Interview | None:
    """The interview `text` is, or None where it is none: at least two questions, each a paragraph of its own
    followed by its answer."""
    paragraphs = [m.span() for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    asking = [b - a <= _QUESTION_MAX and _QUESTION_END.search(text, a, b) is not None for a, b in paragraphs]
    answered = [i for i, q in enumerate(asking) if q and i + 1 < len(asking) and not asking[i + 1]]
    if len(answered) < _MIN_QUESTIONS:
        return None
    intro_end = paragraphs[answered[0]][0]
    # each sentence: the question before it, where it stands in an answer
    turns: list[tuple[int, int] | None] = []
    question, p = None, 0
    for s0, _ in sentences:
        while p < len(paragraphs) and paragraphs[p][1] <= s0:
            p += 1
        inside = p < len(paragraphs) and paragraphs[p][0] <= s0
        if inside and asking[p]:
            question = paragraphs[p]
            turns.append(None)
        else:
            turns.append(question if s0 >= intro_end else None)
    sides = {q: _one_side(text, q, lex) for q in set(turns) if q}  # each question read once
    asked = tuple(sides[q] if q else None for q in turns)
    who = _interviewee(text, intro_end, sentences, own)
    first_person = pack_words(lex.code, "first_person")
    # "Szacuję, że …", "Według mnie …": no source, or the speaker: the interviewee
    # (a quote heading the interview is the interviewee's too: "« Les Russes perdent un millier d'hommes par jour »")
    own = [_unmarked(att) for att in own]
    # an answer's generic source ("las estimaciones más serias hablan de …") is the interviewee's reading too
    sources = tuple(who if who and (q or s0 < intro_end and att is None and text[s0:s0 + 1] in _QUOTES) and (
        att is None or _first_word(att.claimant) in first_person or generic(att.claimant or "", lex)) else att
        for att, q, (s0, _) in zip(own, turns, sentences, strict=True))
    return Interview(sources, asked)


def _unmarked(att: Attribution | None) -> Attribution | None:
    """The source without the answer's marker it was read with: "R. Zelenski reconoció" -> "Zelenski"."""
    if att is None or not att.claimant:
        return att
    m = _ANSWER_MARK.match(att.claimant)
    if m is None or m.end() == len(att.claimant):
        return att
    span = (att.span[0] + m.end(), att.span[1]) if att.span else None
    return Attribution(att.claimant[m.end():], att.via, att.anaphoric, span)


def _one_side(text: str, question: tuple[int, int], lex: Lexicon) -> str | None:
    """The one party a question names ("A Ukraina?"), else None."""
    named = {m.label for m in side_words(text, *question, lex)}
    return named.pop() if len(named) == 1 else None


def _interviewee(text: str, intro_end: int, sentences: list[tuple[int, int]],
                 own: list[Attribution | None]) -> Attribution | None:
    """The person the introduction presents with a title after the name ("Laurent Verdier, chercheur associé à
    …"), after a comma closing a sentence ("… one of its editors, Dmitry Treshchanin.") or before a dash opening a
    paragraph ("Демограф Михаил Ветров — о том, …"), else the first source it names ("Андрей … рассказал нашему
    изданию")."""
    for m in _TITLE_AFTER.finditer(text, 0, intro_end):
        if not m.group(1)[:1].islower():
            continue
        words = text[max(0, m.start() - 60):m.start()].split()[-_NAME_WORDS:]
        while words and not _name_word(words[0]):
            words.pop(0)
        name = " ".join(words)
        if len(words) >= 2 and all(map(_name_word, words)) and text.endswith(name, 0, m.start()):
            return Attribution(name, (), False, (m.start() - len(name), m.start()))
    for m in _NAME_CLOSING.finditer(text, 0, intro_end):
        if all(map(_name_word, m.group(1).split())):
            return Attribution(m.group(1), (), False, m.span(1))  # "We spoke to its editor, Dmitry Treshchanin."
    for m in _HEAD_BEFORE_DASH.finditer(text, 0, intro_end):
        words = m.group(1).split()
        if 2 <= len(words) <= _NAME_WORDS + 1 and all(map(_name_word, words[-2:])):
            return Attribution(m.group(1), (), False, m.span(1))  # a standfirst: "Демограф Михаил Ветров — о том, …"
    first = next((att for (s0, _), att in zip(sentences, own, strict=True)
                  if s0 < intro_end and att is not None and att.claimant and not att.anaphoric), None)
    return first or _first_person_named(text, intro_end)


def _first_person_named(text: str, intro_end: int) -> Attribution | None:
    """The first name of a person in the introduction: two or three name words after a lower-case word or a bracket
    ("Chercheur associé à l'Ifri, le colonel (ER) Hervé Lemarchand analyse …"), no known organisation."""
    words = list(_WORD.finditer(text, 0, intro_end))
    i = 1
    while i < len(words):
        j = i
        while j < len(words) and j - i < _NAME_WORDS and _name_word(words[j].group()) and \
                (j == i or text[words[j - 1].end():words[j].start()] == " "):
            j += 1
        before = words[i - 1].group()
        after = words[j].group() if j < len(words) else ""
        opening = before[-1:] in ".!?”\"»" or "\n" in text[words[i - 1].end():words[i].start()]
        # after a lower-case word or a bracket ("le colonel (ER) Hervé Lemarchand"), or opening a sentence as its
        # subject ("Anna Lindqvist forskar om …", "Ignacio Lanza (Zaragoza, 1961) pasó …")
        if j - i >= 2 and (before[-1:] == ")" or before[:1].islower() or opening and (
                after[:1].islower() or after[:1] == "(")) and not _name_word(after):
            name = text[words[i].start():words[j - 1].end()]
            if lookup(name) is None:
                return Attribution(name, (), False, (words[i].start(), words[j - 1].end()))
        i = max(j, i + 1)
    return None


def _name_word(word: str) -> bool:
    """A word that may be part of a person's name: capitalised letters ("Wiśniewski", "Jean-Pierre"), no acronym."""
    return word[:1].isupper() and not word.isupper() and word.replace("-", "").isalpha()


def _first_word(name: str | None) -> str:
    """The first word of a source's name, case-folded ("" for none)."""
    words = (name or "").split()
    return words[0].casefold() if words else ""
