"""The headline, a title made from the lead when there is none, and the metadata lines.

Not handled: a headline that sits after the lead, or one split over two lines; a
text that opens with a short lead sentence free of lead signs is taken to open
with its headline.
"""
from __future__ import annotations

from ..patterns import clean as P
from .lines import Line

WINDOW = 80  # how far above the article's first paragraph a headline is looked for
META_WINDOW = 30  # metadata lines this far outside the main text still describe the article
LEAD = 3  # paragraphs a headline is compared with


def headline_like(line: Line) -> bool:
    """Short, not a sentence ending in a full stop, not junk: a headline could look like this."""
    return (line.kind in ("short", "near") and 2 <= line.size <= 30
            and not line.text.rstrip("\"'”’»)").endswith("."))


def opening_headline(line: Line) -> bool:
    """The text's first line is its headline, even ending in a full stop, unless it reads like a lead.

    Some sources end every line, the headline too, with a full stop. A lead sentence
    is longer, and has what a headline leaves out: "said", the day, a dateline.
    """
    if headline_like(line):
        return True
    if line.kind not in ("short", "near", "prose"):
        return False
    if line.titled:
        return line.size <= P.HEADLINE_TITLED_MOST
    return (line.size <= P.HEADLINE_SENTENCE_MOST and not P.LEAD_SIGNS.search(line.text)
            and not P.DATELINE.match(line.text))


def find_title(lines: list[Line], body: list[int]) -> int | None:
    """The index of the headline among ``lines``, or None when the text has none.

    The first real line is the headline when it looks like one (when it is the first
    paragraph, only if more paragraphs follow); otherwise the line above the first
    paragraph that shares most words with the lead.
    """
    first_body = body[0] if body else len(lines)
    opening = next((i for i, line in enumerate(lines) if line.kind in ("short", "near", "prose")), None)
    if opening is None or (opening > first_body and body):
        return None
    if opening == first_body:
        return opening if len(body) > 1 and opening_headline(lines[opening]) else None
    if opening_headline(lines[opening]):
        return opening
    lead = _words(" ".join(lines[i].text for i in body[:LEAD]))
    best, best_score = None, 0.0
    for i in range(max(0, first_body - WINDOW), first_body):
        if headline_like(lines[i]):
            words = _words(lines[i].text)
            shared = len(words & lead)
            score = shared / len(words) if shared >= 2 else 0.0
            if score >= best_score and score >= 0.3:
                best, best_score = i, score
    return best


def headline_text(text: str) -> str:
    """A headline line as a title: a ";" or "," that ran on into its subtitle comes off."""
    return P.HEADLINE_TRAIL.sub("", text)


def made_title(body: list[str]) -> str:
    """A title from the lead's first sentence, cut to a few words (never after "U.S." or "Dr.")."""
    if not body:
        return ""
    first = first_sentence(body[0].lstrip("-–•* "))
    words = first.split()
    return first if len(words) <= P.MADE_TITLE_WORDS else " ".join(words[: P.MADE_TITLE_WORDS]) + " …"


def first_sentence(text: str) -> str:
    """``text`` up to the end of its first sentence; a full stop after an abbreviation ends none."""
    for match in P.SENTENCE_BREAK.finditer(text):
        before = text[:match.start()]
        if before.endswith(".") and _abbreviation(before.rsplit(None, 1)[-1]):
            continue
        return before + text[match.start():match.end()].rstrip()
    return text


def _abbreviation(word: str) -> bool:
    """"U.S.", "D.C.", "J." (letters and dots) or a listed short form ("Dr.", "Calif.", "vs.")."""
    word = word.lstrip("\"'“‘«(")
    core = word.rstrip(".")
    return bool(P.INITIALISM.fullmatch(word) or core.casefold() in P.ABBREVIATIONS)


def metadata(lines: list[Line], span: tuple[int, int]) -> list[str]:
    """Metadata lines near the article (timestamps first: they give the publication date)."""
    start, end = max(0, span[0] - META_WINDOW), min(len(lines), span[1] + META_WINDOW)
    near = [line for line in lines[start:end] if line.kind == "meta"]
    return ([line.text for line in near if line.reason == P.TIMESTAMP_REASON]
            + [line.text for line in near if line.reason != P.TIMESTAMP_REASON])


def outlet(meta: list[str]) -> str | None:
    """The outlet a "Source: X" line names; "According to X" only when there is no such line."""
    found = [m for line in meta if (m := P.SOURCE.match(line))]
    found.sort(key=lambda m: not m.group(1).lower().startswith("source"))
    return found[0].group("outlet").strip() if found else None


def _words(text: str) -> set[str]:
    return {w.casefold() for w in P.WORD.findall(text) if len(w) > 3}
