"""What happened on a date: the sentence of an article a date is written in, for the timeline's events."""
from __future__ import annotations

from .escape import Trusted, markdown_text
from .model import Article, DateRef
from .patterns.site import ABBREVIATION, SENTENCE_END

CONTEXT_CHARS = 260  # the most of a sentence shown around an event's date


def what_happened(article: Article, date: DateRef) -> Trusted | None:
    """The sentence a date is written in, escaped, with the date as written in ``<mark>``.

    Long sentences are cut to about ``CONTEXT_CHARS`` around the date, at word
    boundaries, with "…". None when the date's text is not found where it was read
    (a metadata line, or a date the extractor normalised from other words).
    """
    if 0 <= date.paragraph < len(article.body):
        text = article.body[date.paragraph]
    elif date.text in article.title:
        text = article.title
    else:
        return None
    sentence = _sentence_with(text, date.text)
    at = sentence.find(date.text)
    if at < 0:
        return None
    before, after = sentence[:at], sentence[at + len(date.text):]
    room = max(40, (CONTEXT_CHARS - len(date.text)) // 2)
    if len(before) > room:
        before = "… " + before[-room:].split(" ", 1)[-1]
    if len(after) > room:
        after = after[:room].rsplit(" ", 1)[0] + " …"
    space_before = " " if before[-1:].isspace() else ""  # escaping trims the ends of each piece
    space_after = " " if after[:1].isspace() else ""
    return Trusted(f"{markdown_text(before)}{space_before}<mark>{markdown_text(date.text)}</mark>"
                   f"{space_after}{markdown_text(after)}")


def _sentence_with(text: str, phrase: str) -> str:
    """The sentence of ``text`` where ``phrase`` first occurs (the whole text if it spans a sentence end)."""
    at = text.find(phrase)
    start = 0
    for end in SENTENCE_END.finditer(text):
        if ABBREVIATION.search(text[max(start, end.start() - 12):end.start()]):
            continue  # "Mr. Smith", "U.S. officials": not a sentence end
        if at < end.end():
            return text[start:end.end()].strip() if at + len(phrase) <= end.end() else text.strip()
        start = end.end()
    return text[start:].strip()
