"""Text → calendar expressions: a regex grammar (patterns/dates.py) checked against the Doc.

``tag(text, doc)`` returns the expressions found in ``text``, in text order, none
overlapping: where two patterns match overlapping text the longer wins ("April 16 to
19" over "April 16"). The Doc (of the same text) vetoes matches the words alone cannot
judge: a month word inside a name ("June Carter"), a number that is a quantity.

Not handled: durations ("for five years"), sets ("every Friday"), weeks and quarters
("this week", "the third quarter"), clock times, and vague references that name no
calendar period ("in recent years"): they are not emitted at all.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ...patterns.dates import (
    ADDRESS_AFTER,
    AMBIGUOUS_MONTHS,
    DETERMINERS,
    EXPRESSION_RES,
    MONTHS,
    NAME_LABELS,
    NAMED_DAY_PREFIXES,
    NOT_YEAR_LABELS,
    SUPERLATIVE_WORDS,
    YEAR_CUES,
)

KIND_ORDER = {kind: i for i, kind in enumerate(EXPRESSION_RES)}


@dataclass(frozen=True)
class Found:
    """One matched expression: its kind (a key of EXPRESSIONS), where it is, its named groups."""

    kind: str
    start: int
    end: int
    text: str
    groups: tuple[tuple[str, str], ...]  # the named groups that matched, as (name, text)

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.groups if key == name), None)


def tag(text: str, doc: Doc | None) -> list[Found]:
    """Every calendar expression in ``text``, in order, non-overlapping (longest first)."""
    candidates = [
        Found(kind, m.start(), m.end(), m.group(0),
              tuple((k, v) for k, v in m.groupdict().items() if v is not None))
        for kind, regex in EXPRESSION_RES.items()
        for m in regex.finditer(text)
    ]
    candidates.sort(key=lambda f: (f.start - f.end, KIND_ORDER[f.kind], f.start))
    kept: list[Found] = []
    taken: set[int] = set()
    for found in candidates:
        span = set(range(found.start, found.end))
        if span & taken or not acceptable(found, text, doc):
            continue
        kept.append(found)
        taken |= span
    return sorted(kept, key=lambda f: f.start)


def acceptable(found: Found, text: str, doc: Doc | None) -> bool:
    """Whether a match is a date here: capitals where names need them, no name or quantity."""
    month, weekday = found.get("month"), found.get("weekday")
    if month and not month[0].isupper():
        return False  # "may", "march": verbs; month names are always capitalised
    if found.kind == "month" and month and month.lower().rstrip(".") in AMBIGUOUS_MONTHS:
        return False  # a bare "May" or "Jun" is a word or a name; needs a cue ("in May")
    if found.kind == "month" and month and month.endswith("."):
        return False
    if weekday and not weekday[0].isupper():
        return False
    if weekday and previous_word(text, found.start).lower() in NAMED_DAY_PREFIXES:
        return False  # "Black Friday", "Super Tuesday": named days, not this week's
    span = char_span(doc, found.start, found.end)
    if span is None:
        return True
    if found.kind in ("month", "month_cue") and any(t.ent_type_ in NAME_LABELS for t in span):
        return False
    if found.kind in ("month", "deictic") and any(t.ent_type_ in ("ORG", "WORK_OF_ART") for t in span):
        return False  # "USA Today", the "Today" show
    if found.kind == "year":
        return is_year(found, text, span)
    if found.kind == "in_n":
        return not after_superlative(span)
    return True


def after_superlative(span: Span) -> bool:
    """"the smallest gain in a year", "the first time in five years": a span of time up to now,
    not a date ahead, when "in" hangs from a superlative or from a noun a superlative qualifies."""
    head = span[0].head
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in SUPERLATIVE_WORDS for t in (head, *head.children))


def is_house_number(found: Found, text: str) -> bool:
    return bool(ADDRESS_AFTER.match(text, found.end))


def is_year(found: Found, text: str, span: Span) -> bool:
    """A four-digit number is a year unless the parser calls it a quantity and no cue says otherwise."""
    if is_house_number(found, text):
        return False
    labels = {t.ent_type_ for t in span}
    before = previous_word(text, found.start).lower()
    if before in YEAR_CUES:
        return True
    # "2,000 troops" counts things; "a 2009 analysis" dates one: a plural noun after a number is
    # counted, even where the model says DATE ("a poll of 2047 voters"), unless a determiner
    # makes the number a modifier ("the 2016 elections")
    modifier = before in DETERMINERS or before.endswith(("'s", "’s"))  # "the company's 1989 results"
    if not modifier and any(t.dep_ == "nummod" and t.head.tag_ in ("NNS", "NNPS") for t in span):
        return False
    return "DATE" in labels or not labels & NOT_YEAR_LABELS - {"CARDINAL"}


def previous_word(text: str, start: int) -> str:
    words = text[max(0, start - 30):start].split()
    return words[-1].strip("(\"'“‘") if words else ""


def char_span(doc: Doc | None, start: int, end: int) -> Span | None:
    if doc is None:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]
