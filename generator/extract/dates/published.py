"""The publication date: front matter, else the text's own date lines, else an estimate.

1. front matter ``published:`` — authoritative;
2. the text: a metadata line the cleaner set aside (a timestamp "2023-04-19 07:05:43", a
   Unix time "1681918397", "Published: April 3, 2018", a byline with a date), else an
   opening body paragraph that is a dateline or a date alone ("NEW YORK, April 3, 2018 —");
   a "Published"/"Posted" line wins over an "Updated" one;
3. an estimate, only a year (``Published("2023", "estimate", reason)``; downstream reads
   ``value[:4]``): news style writes a month's year only when it is not the current year,
   so when the text gives a month with its year ("in February 2022") and also days or
   months without one ("on Feb. 21"), it was written in a later year: the first such
   year. Else, when the story speaks of its own present ("on Tuesday", "last month"), the
   latest year it names if it tells of that year in the present ("the 2016 race is ..."),
   as a lower bound; a year told only in the past, or after "since", may be long before.
   An anniversary said to fall now ("this year marks the 75th anniversary of ...") gives
   a year too, when the text or the table of modern states dates its start
   (anniversary.py). The latest of these years wins: each is the year or a floor.
4. unknown, with the front-matter line that would fix it.

Not handled: dates in the title, relative words alone ("last month"), and other world
knowledge (who held an office when, which year the "seventh" annual meeting was).
"""
from __future__ import annotations

from datetime import UTC, datetime

from spacy.tokens import Doc

from ...model import Article, Published
from ...patterns.dates import (
    DATELINE,
    ISO_STAMP,
    PUBLISHED_CUES,
    SINCE_WORDS,
    SLASH_STAMP,
    UNIX_MAX,
    UNIX_MIN,
    UNIX_TIME,
    UPDATED_CUE,
)
from .anniversary import YearClue, anniversary_years
from .normalise import Anchor, Recent, date_value, safe_date
from .tagger import previous_word, tag
from .tense import tense_at

# References that place a story in its own present ("on Tuesday", "last month", "today"):
# without one, a year mentioned may be history, and says nothing of the publication year.
PRESENT_KINDS = ("weekday", "deictic", "unit_rel", "month_rel", "last_12", "weekend")
FIX_HINT = "add 'published: YYYY-MM-DD' to the article's front matter"
OPENING_PARAGRAPHS = 2  # datelines and date lines open a story
DATE_LINE_WORDS = 12  # a paragraph this short that holds a full date is a date line, not prose


def find_published(article: Article, doc: Doc) -> Published:
    """The publication date and how it is known (see the module docstring for the order)."""
    if article.front.published:
        return Published(article.front.published[:10], "front matter")
    lines = sorted(article.metadata, key=lambda line: bool(UPDATED_CUE.search(line)))
    for line in lines:
        if found := date_in_line(line):
            return Published(found, "text", f"the line '{line.strip()}'")
    for paragraph in article.body[:OPENING_PARAGRAPHS]:
        if (found := dateline_date(paragraph)) is not None:
            return Published(found, "text", f"the dateline '{paragraph[:60].strip()}'")
    return estimate(doc) or Published(None, "unknown", f"no date in the text; {FIX_HINT}")


def date_in_line(line: str) -> str | None:
    """A full date in a metadata line: a timestamp, a Unix time, or a written date."""
    if match := ISO_STAMP.search(line) or SLASH_STAMP.search(line):
        if day := safe_date(int(match["year"]), int(match["month"]), int(match["day"])):
            return day.isoformat()
    if match := UNIX_TIME.match(line):
        seconds = int(match["seconds"])
        if UNIX_MIN <= seconds <= UNIX_MAX:
            return datetime.fromtimestamp(seconds, UTC).date().isoformat()
    return written_date(line) if len(line.split()) <= 20 or PUBLISHED_CUES.search(line) else None


def written_date(text: str) -> str | None:
    """The first day-month-year date written out in ``text`` ("April 3, 2018", "3 April 2018")."""
    for found in tag(text, None):
        if found.kind in ("mdy", "dmy", "iso") and found.get("year"):
            value, _ = date_value(found, Anchor(), None, Recent())
            if value:
                return value
    return None


def dateline_date(paragraph: str) -> str | None:
    """A full date in a dateline ("WASHINGTON, April 3, 2018 (AP) —") or a paragraph that is a date line."""
    if match := DATELINE.match(paragraph):
        if found := written_date(match["date"] or ""):
            return found
    if len(paragraph.split()) <= DATE_LINE_WORDS:
        return written_date(paragraph)
    return None


def estimate(doc: Doc) -> Published | None:
    """A year estimated from the dates and anniversaries the text mentions (rule 3 of the module docstring).

    Every clue is the publication year or a year it cannot precede, so the latest one
    wins; where an exact clue and a lower bound agree, the exact one gives the reason.
    """
    clues = [clue for clue in (written_years(doc), *anniversary_years(doc)) if clue]
    if not clues:
        return None
    best = max(clues, key=lambda clue: (clue.year, clue.exact))
    return Published(str(best.year), "estimate", f"{best.reason}, so {best.year}{'' if best.exact else ' or later'}")


def written_years(doc: Doc) -> YearClue | None:
    """The earliest year the dates written in the text allow (rule 3's first two cases)."""
    found = tag(doc.text, doc)
    tense = {f: tense_at(doc, f.start, f.end) for f in found if f.get("year")}
    explicit = [f for f in found if f.kind in ("mdy", "dmy", "month_year", "md_range") and f.get("year")
                and tense[f] != "future"]
    yearless = [f for f in found if f.kind in ("mdy", "dmy", "md_range", "month_rel", "month_cue", "month")
                and not f.get("year")]
    if explicit and yearless:
        written = max(explicit, key=lambda f: int(f.get("year") or 0))
        year = int(written.get("year") or 0) + 1
        return YearClue(year, False,
                        f"'{written.text}' is written with its year and '{yearless[0].text}' without one: "
                        f"news style omits only the current year")
    present = [f for f in found if f.kind in PRESENT_KINDS]
    years = [f for f in found if f.kind in ("year", "year_part", "mdy", "dmy", "month_year") and f.get("year")
             and tense[f] != "future"]
    if not (present and years):
        return None
    latest = max(int(f.get("year") or 0) for f in years)
    # A year told only in the past ("sold in 2011"), or as the start of what goes on ("since
    # 2010"), may be long before the story; one it speaks of in the present ("the 2016 race
    # is ...") is most often its own.
    now = [f for f in years if int(f.get("year") or 0) == latest and tense[f] in ("present", "perfect")
           and previous_word(doc.text, f.start).lower() not in SINCE_WORDS]
    if not now:
        return None
    return YearClue(latest, False, f"the latest year the text mentions, in '{now[0].text}', told in the "
                                   f"present, in a story that speaks of '{present[0].text}'")
