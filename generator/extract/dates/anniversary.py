"""Anniversaries that date the present: "this year marks the 75th anniversary of ..." (issue 6).

An anniversary the story says falls now ("this year's", "marks", "is celebrating", "gathered
to celebrate") gives its publication year when something says when the thing began:

1. a year in the words after it ("of the 1994 genocide", "since the 2008 crisis"): that
   year plus the count, exactly;
2. a name after it that a paragraph dates, when the anniversary's own sentence tells no
   year: an organisation by its start ("the 10-year anniversary of Bright Futures Now!",
   "Roe launched Bright Futures Now! in 2006"), an event by the one year told with it ("60
   years on from Kilimanjaro", "the team which first climbed Kilimanjaro in 1961"): that year
   plus the count, exactly;
3. the founding or independence of a state named there (patterns/states.py): the year
   it counts from, plus the count, exactly;
4. relations or ties, with states named in the sentence: the youngest state's first
   possible year plus the count, a lower bound only, as relations may have begun later.

A past "celebrated", or "next year", leaves the year open, so the sentence gives nothing.
Not handled: anniversaries of events the text does not date and that are not states'
("the seventh conference"), and states named only by a capital ("Beijing").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ...nlp import PARAGRAPH_SEPARATOR
from ...patterns.dates import (
    ANNIVERSARY,
    ANNIVERSARY_NAME,
    ANNIVERSARY_NOT_NOW,
    ANNIVERSARY_NOW,
    ANNIVERSARY_SUBJECT_END,
    FOUNDING_WORDS,
    ORDINAL_TENS,
    ORDINAL_UNITS,
    RELATIONS_WORDS,
    ROUND_ANNIVERSARIES,
    START_WORDS,
    TENS_WORDS,
)
from ...patterns.states import STATES, State
from .tagger import tag

# Longest names first, so "Republic of China" is found before "China" can be.
STATE_NAMES = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(name) for name in sorted(STATES, key=len, reverse=True)) + r")(?![\w])"
)
YEAR_KINDS = ("year", "year_part", "mdy", "dmy", "month_year", "iso")
LATEST_YEAR = 2099  # the tagger's last year too: a later one comes from a state named in passing


@dataclass(frozen=True)
class YearClue:
    """A publication year the text implies, and whether it is the year or only the earliest."""

    year: int
    exact: bool
    reason: str


def anniversary_years(doc: Doc) -> list[YearClue]:
    """Every publication year the anniversaries of ``doc`` imply, in text order."""
    clues = []
    paragraphs = doc.text.split(PARAGRAPH_SEPARATOR)
    for text in (sentence.text for sentence in doc.sents):
        if not ANNIVERSARY_NOW.search(text) or ANNIVERSARY_NOT_NOW.search(text):
            continue
        for match in ANNIVERSARY.finditer(text):
            if (clue := clue_from(match, text, paragraphs)) and clue.year <= LATEST_YEAR:
                clues.append(clue)
    return clues


def clue_from(match: re.Match[str], sentence: str, paragraphs: list[str]) -> YearClue | None:
    """The year one anniversary gives, by the first of the four rules that applies."""
    count = anniversary_count(match)
    subject = ANNIVERSARY_SUBJECT_END.split(sentence[match.end():], maxsplit=1)[0]  # what it is the anniversary of
    said = f"'{sentence[match.start():match.end() + len(subject)].strip().rstrip('.')}'"
    if dated := first_year(subject):
        return YearClue(dated + count, True, f"{said}: {dated} + {count}")
    if (of_name := ANNIVERSARY_NAME.match(subject)) and first_year(sentence) is None:
        if started := start_year(of_name["name"], paragraphs, of_name["word"] == "of"):
            phrase = sentence[match.start():match.end() + of_name.end()]
            return YearClue(started + count, True, f"'{phrase}': the text dates {of_name['name']} to {started}; "
                                                   f"{started} + {count}")
    if FOUNDING_WORDS.search(subject) and not RELATIONS_WORDS.search(subject):
        founded = [(state.name, state.founded) for state in states_in(subject) if state.founded]
        if founded:
            name, year = founded[0]
            return YearClue(year + count, True, f"{said}: {name} dates from {year}; {year} + {count}")
    if RELATIONS_WORDS.search(subject):
        named = states_in(subject) or states_in(sentence)
        if named:
            youngest = max(named, key=lambda state: state.since)
            return YearClue(youngest.since + count, False,
                            f"{said}: relations with {youngest.name} began in {youngest.since} at the "
                            f"earliest; {youngest.since} + {count}")
    return None


def anniversary_count(match: re.Match[str]) -> int:
    """75 for "75th", "seventy-fifth" or "75 years of"; 100 for "centenary"."""
    if number := match["digits"] or match["years"]:
        return int(number)
    if match["tens"]:
        return TENS_WORDS[match["tens"].lower()] + ORDINAL_UNITS[match["unit"].lower()]
    if match["word"]:
        word = match["word"].lower()
        return ORDINAL_TENS.get(word) or ORDINAL_UNITS[word]
    return ROUND_ANNIVERSARIES[match["round"].lower()]


def first_year(text: str) -> int | None:
    """The first year written in ``text`` ("the 1994 genocide", "in October 1973")."""
    for found in tag(text, None):
        if found.kind in YEAR_KINDS and (year := found.get("year")):
            return int(year)
    return None


def start_year(name: str, paragraphs: list[str], start: bool) -> int | None:
    """The year of the first paragraph naming ``name`` (and, if ``start``, a start: "launched ...
    in 2006") that tells exactly one year.

    Paragraphs, not sentences: a name that ends in "!" ("Bright Futures Now!") ends a sentence for the parser."""
    for text in paragraphs:
        if name in text and (START_WORDS.search(text) or not start):
            years = {int(year) for found in tag(text, None)
                     if found.kind in YEAR_KINDS and (year := found.get("year"))}
            if len(years) == 1:
                return years.pop()
    return None


def states_in(text: str) -> list[State]:
    """The states of patterns/states.py named in ``text``, in order."""
    return [STATES[match.group(0)] for match in STATE_NAMES.finditer(text)]
