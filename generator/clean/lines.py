"""One line on its own: is it code, junk, metadata, a sentence, or something short?

``classify`` looks at a single stripped line and nothing else; what a short line is
(a subheading, a list item or a teaser) is decided later from its neighbours
(``block.py``). Not handled here: anything that needs context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..patterns import clean as P

CODE_REASON = "script or CSS"
SAMPLE = 600  # characters of a line the code patterns see: some are quadratic on a huge line


@dataclass(frozen=True)
class Line:
    """A stripped input line and what it looks like on its own."""

    text: str
    kind: str  # "prose", "near" (a short sentence), "short", "code", "junk", "meta" or "blank"
    size: int  # words, or characters / 2 in scripts written without spaces
    reason: str = ""  # why a "junk", "code" or "meta" line is not body
    bullet: bool = False
    titled: bool = False  # most words capitalised: a headline, a name or a menu


def size_of(text: str) -> int:
    """Words; a run of CJK characters counts as one word per two characters."""
    cjk = len(P.CJK.findall(text))
    return len(P.WORD.findall(text)) + cjk // 2 if cjk else len(P.WORD.findall(text))


def is_code(text: str) -> bool:
    """Script, style, markup or data; only the line's start is looked at (see ``SAMPLE``)."""
    text = text[:SAMPLE]
    if P.CODE.search(text):
        return True
    dense = sum(1 for c in text if c in P.CODE_CHARS)
    return dense >= 3 and dense > len(text) * P.CODE_CHAR_RATIO


def junk_reason(text: str, size: int) -> str:
    """The reason a line is junk whatever its neighbours, or "" when it may be body."""
    if len(text) > 4 * SAMPLE:  # a junk line is short; long ones are code (tested first) or prose
        return ""
    for reason, pattern, most in P.JUNK:
        if size <= most and pattern.search(text):
            return reason
    if size <= 3 and all(w.casefold() in P.NAV_WORDS for w in P.WORD.findall(text)):
        return "navigation"
    if P.URLISH.search(text) and size_of(P.URLISH.sub(" ", text)) < 2 * text.count("/") + 3:
        return "link or image address"
    return ""


def meta_reason(text: str, size: int) -> str:
    if len(text) > SAMPLE:
        return ""
    if size <= 16 and P.TIMESTAMP.match(text):
        return P.TIMESTAMP_REASON
    if P.DOMAIN.match(text):
        return P.DOMAIN_REASON
    if size <= 10 and (source := P.SOURCE.match(text)) and (":" in source.group(0) or names_outlet(source)):
        return P.SOURCE_REASON
    if size <= 12 and P.BYLINE.match(text) and not P.SENTENCE_END.search(text.rstrip(".")):
        return P.BYLINE_REASON
    return ""


def names_outlet(source: re.Match[str]) -> bool:
    """Without a colon, "Via X" names an outlet only when X is written like a name, not a clause.

    "Via The Valmora Daily" is a source line; "Via side doors, the mayor made gains;" is a headline.
    """
    words = [w for w in source.group("outlet").split() if w[:1].isalpha() and w.casefold() not in P.NAME_PARTICLES]
    return sum(1 for w in words if not w[0].isupper()) * 3 <= len(words) and not source.group(0).rstrip().endswith(";")


@lru_cache(maxsize=1 << 16)  # menus and footers repeat on every page of a site
def classify(raw: str) -> Line:
    """What one line looks like on its own (see ``Line.kind``)."""
    text = raw.strip()
    if not text:
        return Line("", "blank", 0)
    size = size_of(text)
    if P.HASHTAGS.match(text[:SAMPLE]):
        return Line(text, "junk", size, "hashtags")
    if is_code(text):
        return Line(text, "code", size, CODE_REASON)
    if reason := meta_reason(text, size):
        return Line(text, "meta", size, reason)
    if reason := junk_reason(text, size):
        return Line(text, "junk", size, reason)
    titled = _title_case(text)
    return Line(text, _prose_kind(text, size, titled), size, bullet=bool(P.BULLET.match(text)), titled=titled)


def _prose_kind(text: str, size: int, titled: bool) -> str:
    """"prose" for a real sentence or more, "near" for a short sentence, else "short".

    A capitalised line is a headline unless it ends with a full stop (box scores and
    lists of names do: "Rivertown (2-1): Okafor 12 points.").
    """
    ends = bool(P.SENTENCE_END.search(text))
    headline = titled and not text.rstrip("\"'”’»)]").endswith(".")
    if size >= 8 and (ends or size >= 25) and not headline:
        return "prose"
    if size >= 4 and ends and not headline:
        return "near"
    return "short"


def _title_case(text: str) -> bool:
    """Most words capitalised: a headline or a menu, not a sentence (German nouns allowed for)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 4 or P.CJK.search(text):
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps > 0.7 * len(words)
