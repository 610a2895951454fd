"""Where quotations are: pairing quote marks inside one paragraph.

A mark's direction comes from its neighbours (space before and a letter after opens,
a letter before and space or punctuation after closes), then from its glyph, then, for a
straight mark, from whether a quote is already open. Marks pair with a stack, so an inner
“word” inside an outer “...” stays inside the outer quote. An apostrophe between letters
(it’s, 6’2) is never a mark. Single quotes open a quotation only at the top level; inside
double quotes they are kept as inner marks.

A quote still open at the paragraph's end runs to that end (``open_end``): the next
paragraph usually reopens it. Not handled: German »...« direction, quotes spanning
paragraphs without a reopening mark, straight single quotes used as apostrophes after
a plural (the voters' choice) when a single-quoted quotation is open.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...patterns import quotes as P


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation's text inside a paragraph: ``paragraph[start:end]`` is between the marks."""

    start: int
    end: int
    open_end: bool = False  # no closing mark before the paragraph's end

    def text(self, paragraph: str) -> str:
        return paragraph[self.start:self.end]


def find_spans(paragraph: str) -> list[QuoteSpan]:
    """Outermost quotations of a paragraph, in order (of any length)."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[int, str]] = []  # (position after the opening mark, "d" or "s")
    for i, width in _marks(paragraph):
        kind = _doubled(paragraph, i, stack) if width == 2 else _kind(paragraph, i, stack)
        if kind is None:
            continue
        role, family = kind
        if role == "open":
            stack.append((i + width, family))
            continue
        start = _close(stack, family)
        if start is not None and not stack:
            spans.append(QuoteSpan(start, i))
    if stack:
        spans.append(QuoteSpan(stack[0][0], len(paragraph.rstrip()), open_end=True))
    return spans


def _marks(paragraph: str) -> list[tuple[int, int]]:
    """(position, width) of every candidate mark; two straight apostrophes ('') are one
    double mark, as in some news archives."""
    return [(m.start(), len(m.group())) for m in P.MARK.finditer(paragraph)]


def _doubled(text: str, i: int, stack: list[tuple[int, str]]) -> tuple[str, str]:
    return _direction(text, i, '"', any(f == "d" for _, f in stack), width=2), "d"


def _close(stack: list[tuple[int, str]], family: str) -> int | None:
    """Close the innermost open quote of ``family`` (dropping unclosed ones inside it)."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][1] == family:
            start = stack[depth][0]
            del stack[depth:]
            return start
    return None  # a stray closing mark


def _kind(text: str, i: int, stack: list[tuple[int, str]]) -> tuple[str, str] | None:
    """("open" | "close", "d" | "s") for a quote mark at ``i``, None for other characters."""
    char = text[i]
    if char in P.DOUBLE_MARKS:
        return _direction(text, i, char, any(f == "d" for _, f in stack)), "d"
    if char not in P.SINGLE_MARKS or _apostrophe(text, i):
        return None
    inside_double = any(f == "d" for _, f in stack)
    single_open = bool(stack) and stack[-1][1] == "s"
    direction = _direction(text, i, char, single_open)
    if direction == "open" and inside_double:
        return None  # inner single quotes stay part of the outer quotation's text
    if direction == "close" and not single_open:
        return None
    return direction, "s"


def _direction(text: str, i: int, char: str, is_open: bool, width: int = 1) -> str:
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    opens = (before.isspace() or before in P.OPEN_CONTEXT) and not after.isspace()
    closes = (after.isspace() or after in P.CLOSE_CONTEXT) and not before.isspace()
    if opens != closes:
        return "open" if opens else "close"
    if char in P.DOUBLE_OPENERS or char in P.SINGLE_OPENERS:
        return "open"
    if char in P.DOUBLE_CLOSERS or char in P.SINGLE_CLOSERS:
        return "close"
    return "close" if is_open else "open"


def _apostrophe(text: str, i: int) -> bool:
    """it’s, 6’2, ’90s, rock ’n’ roll, Jones’ (a plural possessive followed by a word)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not before.isspace() and before not in P.OPEN_CONTEXT and after.isalnum():
        return True  # it’s, F.B.I.’s: an opening mark never follows a word directly
    if before.isspace() and after.isdigit():
        return True
    return before in "sS" and after == " " and text[i + 2:i + 3].islower()


def word_count(text: str) -> int:
    return len(P.WORD.findall(text))


def is_title(text: str) -> bool:
    """Title Case with no inner clause punctuation: a work's or programme's name, not speech."""
    words = P.WORD.findall(text)
    if not words or any(c in text.rstrip(".,!? ") for c in ",;:!?"):
        return False
    significant = [w for w in words if w.lower() not in P.SMALL_WORDS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)
