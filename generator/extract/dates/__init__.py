"""The publication date, and every date an article mentions (issue 6).

``find_published`` → Published (published.py); ``find_dates`` → one DateRef per calendar
reference in the body, in text order, normalised against the publication date:

1. tag: a regex grammar finds the expressions (tagger.py), the Doc vetoes names and quantities;
2. tense: the clause's verb says whether "Tuesday" lies before or after publication (tense.py);
3. normalise: each expression → YYYY, YYYY-MM or YYYY-MM-DD, a range with its end (normalise.py).

The title's dates (unless the title was made from the lead) and the written dates among
the metadata lines and dropped datelines ("March 27, 2008", "WASHINGTON, August 8
(Xinhua) --") are also references, with paragraph -1 (they are not in the body); they are
tagged without a Doc (no spaCy parse of them), so without name checks, and with only the
word before a date for its tense ("until Friday").
Machine timestamps ("2023-04-19 07:05:43") are not references.
A relative date when the publication day is unknown stays unresolved (value None).
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...model import Article, DateRef
from ...nlp import body_text, paragraph_at, paragraph_starts
from ...patterns.dates import DATELINE
from .normalise import Anchor, Recent, date_value
from .published import find_published
from .tagger import Found, tag
from .tense import cue_tense, tense_at

__all__ = ["find_dates", "find_published"]

METADATA_PARAGRAPH = -1  # a DateRef found in the title or a metadata line, not in the body


def find_dates(article: Article, doc: Doc, published: str | None) -> tuple[DateRef, ...]:
    """Every calendar reference in the body (and written dates among the metadata lines)."""
    anchor = Anchor.parse(published)
    text = doc.text if doc is not None else body_text(article)
    starts = paragraph_starts(article.body)
    refs = [*title_refs(article, anchor), *metadata_refs(article, anchor)]
    recent = Recent()
    for found in tag(text, doc):
        paragraph = paragraph_at(starts, found.start)
        if found.kind == "year_range":
            refs.extend(year_range_refs(found, paragraph))
            continue
        value, end = date_value(found, anchor, tense_at(doc, found.start, found.end), recent)
        refs.append(DateRef(text=found.text, value=value, paragraph=paragraph, end=end))
        recent = recent.after(found.kind, value)
    return tuple(refs)


def title_refs(article: Article, anchor: Anchor) -> list[DateRef]:
    """Dates in the title ("... since November", "Expo 2005 opens"), unless the title was made
    from the lead (a page without a headline): its dates are the body's, counted there."""
    if article.title_made:
        return []
    refs = []
    for found in tag(article.title, None):
        if found.kind != "year_range":
            value, end = date_value(found, anchor, cue_tense(article.title, found.start), Recent())
            refs.append(DateRef(text=found.text, value=value, paragraph=METADATA_PARAGRAPH, end=end))
    return refs


def metadata_refs(article: Article, anchor: Anchor) -> list[DateRef]:
    """Written dates among the metadata lines ("March 27, 2008", "LONDON, May 3 (Reuters)"), and
    in a dateline the cleaner dropped: a dateline is a date the article states. Machine
    timestamps are not references."""
    refs = []
    datelines = [dropped.text for dropped in article.dropped if DATELINE.match(dropped.text)]
    for line in [*article.metadata, *datelines]:
        for found in tag(line, None):
            if found.kind in ("mdy", "dmy"):
                value, _ = date_value(found, anchor, None, Recent())
                refs.append(DateRef(text=found.text, value=value, paragraph=METADATA_PARAGRAPH))
    return refs


def year_range_refs(found: Found, paragraph: int) -> list[DateRef]:
    """"1957-58": two years, each as written."""
    first, written = found.get("year") or "", found.get("year2") or ""
    second = written if len(written) == 4 else first[:2] + written
    tail = found.text[found.text.rfind(found.get("year2") or "~"):]
    return [DateRef(text=first, value=first, paragraph=paragraph, end=second),
            DateRef(text=tail, value=second, paragraph=paragraph)]
