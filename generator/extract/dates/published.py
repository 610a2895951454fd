"""The publication date: front matter, else the text's own date lines, else an estimate.

1. front matter ``published:`` — authoritative;
2. the text: a metadata line the cleaner set aside (a timestamp "2023-04-19 07:05:43", a
   Unix time "1681918397", "Published: April 3, 2018", a byline with a date), else an
   opening body paragraph that is a dateline or a date alone ("NEW YORK, April 3, 2018 —");
   a "Published"/"Posted" line wins over an "Updated" one;
3. an estimate, only a year (``Published("2023", "estimate", reason)``; downstream reads
   ``value[:4]``), from clues that are each the year or a floor, the latest winning:
   - news style writes a month's year only when it is not the current year, so when the
     text tells a past month with its year ("in February 2022"), the latest year it tells,
     and also days or months without one ("on Feb. 21"), it was written in a later year:
     the first such year, a floor;
   - a full date given with its weekday, the calendar's ("Sunday, June 12, 2016"), is a
     day of the story's own week: its year; so is one that falls on a weekday the story
     names ("rallied on Tuesday", and a caption's "June 14, 2016", a Tuesday), when it is
     not told ahead and no later year is told;
   - a year told in the past and one told in the future two years later ("earned $8
     million in 1988", "spending in 1990 will rise"): the year between, since news style
     calls the current year "this year";
   - a results report's period written with its year ("a loss in the 1988 third quarter",
     "the 1988 period"), told in the past beside one written without ("for the third
     quarter"): results are set beside the same period a year before, so the year after;
   - an anniversary said to fall now ("this year marks the 75th anniversary of ...",
     "gathered to celebrate the 10-year anniversary of ...", "60 years on from ..."), when
     the text or the table of modern states dates its start (anniversary.py).
   A year the story only speaks of in the present ("the 2016 race is ...") is not a clue:
   on the annotated sets it was more often a year ahead or long past than the year of
   publication (issue 22);
4. unknown, with the front-matter line that would fix it.

Not handled: dates in the title, relative words alone ("last month"), and other world
knowledge (who held an office when, which year the "seventh" annual meeting was).
Measured and left out, each wrong as often as right or more on both the train and the dev
sets of ``python -m bench.undated --all`` (issue 22): the latest year told in the present or
future, a year as a modifier ("the 2016 race"), a full date told in the past near the
lead, a weekday in the same sentence as a day without a year, a year in the same sentence
as "last year" or "N years ago", a month-and-year told ahead as a ceiling; and, in a
second round: a year told with a present perfect ("has found in 2016": 3 right and 2 wrong
on train, where the parse hangs a past "in 2009" on a perfect verb, and none on dev), a
full date told in the past whose weekday the story does not name (2 right, 16 wrong), a
year in the same sentence as "this year" (a contrast, never the year), a year told ahead
in a results report (the year before it, or years before: "divest by 1994"). Spelled
years ("nineteen ninety-seven") are not read: on these sets no rule would have used them.
Most undated articles tell no year at all, or only years other than their own.
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
    WEEKDAYS,
    YEAR_PERIOD,
    YEARLESS_PERIOD,
)
from .anniversary import YearClue, anniversary_years
from .normalise import PAST_TENSES, Anchor, Recent, date_value, safe_date
from .tagger import Found, month_number, previous_word, tag
from .tense import tense_at

# Days and months written without a year ("on Feb. 21", "in November", "last April")
YEARLESS_KINDS = ("mdy", "dmy", "md_range", "month_rel", "month_cue", "month")
# Expressions that carry a year a clause tells in the past or the future
BRACKET_KINDS = ("year", "year_part", "month_year", "mdy", "dmy")
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
    clues = [*written_years(doc), *anniversary_years(doc)]
    if not clues:
        return None
    best = max(clues, key=lambda clue: (clue.year, clue.exact))
    return Published(str(best.year), "estimate", f"{best.reason}, so {best.year}{'' if best.exact else ' or later'}")


def written_years(doc: Doc) -> list[YearClue]:
    """The publication years the dates written in the text imply (rule 3's first three cases)."""
    found = tag(doc.text, doc)
    tense = {f: tense_at(doc, f.start, f.end) for f in found if f.get("year")}
    clues = (news_style_year(doc.text, found, tense), weekday_date_year(found), story_weekday_year(found, tense),
             bracketed_year(doc.text, found, tense), year_ago_period_year(doc, found))
    return [clue for clue in clues if clue]


def year_of(found: Found) -> int:
    return int(found.get("year") or 0)


def last_year_of(found: Found) -> int:
    """The last year an expression names: a range's second ("2003-16": 2016), else its year."""
    first, second = found.get("year") or "0", found.get("year2") or ""
    return int(first[:4 - len(second)] + second) if found.kind == "year_range" and second else int(first)


def told_behind(text: str, found: Found, tense: str | None) -> bool:
    """Whether a date is told as past: a past or perfect clause, or the start of a state ("since May 2015")."""
    return tense in PAST_TENSES or previous_word(text, found.start).lower() in SINCE_WORDS


def news_style_year(text: str, found: list[Found], tense: dict[Found, str | None]) -> YearClue | None:
    """A month written with its year ("in February 2022") beside days or months written without
    one ("on Feb. 21"): news style omits only the current year, so a later year than the written one.

    Only a month-and-year counts: a full date keeps its year in the current year too
    ("Sept. 27, 1989" in a 1989 report). And only when it is the latest year the text
    tells: the yearless dates may belong to a later year it names (a 2016 story that
    recalls "January 2009" and speaks of "the 2016 contest", or gives a "2003-2016" timeline).
    And only a month told as past ("took office in January 2009", "since February 2022"): one
    the parse does not place behind publication ("the April 2017 election", "the August 1988
    cease-fire") was as often ahead or far back (issue 22: requiring it removed 3 of the rule's 7
    wrong years on the train sets and 1 of 3 on dev, and no right one; the range's end 1 more on train).
    """
    written = [f for f in found if f.kind == "month_year" and f.get("year") and told_behind(text, f, tense[f])]
    yearless = [f for f in found if f.kind in YEARLESS_KINDS and not f.get("year")]
    if not (written and yearless):
        return None
    latest = max(written, key=year_of)
    if any(last_year_of(f) > year_of(latest) for f in found if f.get("year") and tense[f] != "future"):
        return None
    return YearClue(year_of(latest) + 1, False,
                    f"'{latest.text}' is written with its year and '{yearless[0].text}' without one: "
                    f"news style omits only the current year")


def weekday_date_year(found: list[Found]) -> YearClue | None:
    """A full date given with its weekday ("on Sunday, June 12, 2016"): news style names the
    weekday only of a day within a week or so of publication, so its year is the article's."""
    dated = [f for f in found if f.kind in ("mdy", "dmy") and f.get("weekday") and f.get("year")
             and weekday_of(f) == WEEKDAYS[(f.get("weekday") or "").lower()]]
    if not dated:
        return None
    latest = max(dated, key=year_of)
    return YearClue(year_of(latest), True, f"the date '{latest.text}' is given with its weekday")


def story_weekday_year(found: list[Found], tense: dict[Found, str | None]) -> YearClue | None:
    """A full date falling on a weekday the story names for its own days ("rallied on Tuesday" and,
    in a caption, "June 14, 2016", a Tuesday), and no later year told: the story's day.

    The calendar ties a weekday to a date in one year of five or six nearby ones, so the
    match is rarely chance; a date told ahead ("notes due March 1, 2011") is not the story's
    day, and one older than a year the text tells is history (a 2011 email in a 2016 story).
    """
    named = {WEEKDAYS[(f.get("weekday") or "").lower()] for f in found if f.kind == "weekday"}
    dated = [f for f in found if f.kind in ("mdy", "dmy") and f.get("year") and not f.get("weekday")
             and tense[f] != "future" and weekday_of(f) in named]
    if not dated:
        return None
    latest = max(dated, key=year_of)
    if any(last_year_of(f) > year_of(latest) for f in found if f.get("year")):
        return None
    return YearClue(year_of(latest), True, f"the date '{latest.text}' falls on a weekday the story names")


def weekday_of(found: Found) -> int | None:
    """The calendar's weekday of a full date (0 for Monday), None where there is no such day."""
    day = safe_date(year_of(found), month_number(found.get("month") or ""), int(found.get("day") or 0))
    return day.weekday() if day else None


def year_ago_period_year(doc: Doc, found: list[Found]) -> YearClue | None:
    """A results report's period written with its year ("a net loss in the 1988 third quarter",
    "the 1988 period"), told in the past, beside one written without ("for the third quarter"):
    results are set beside the same period a year before, so the year after, when no later year is told."""
    if not YEARLESS_PERIOD.search(doc.text):
        return None
    told = [match for match in YEAR_PERIOD.finditer(doc.text)
            if tense_at(doc, match.start(), match.end()) in PAST_TENSES]
    if not told:
        return None
    latest = max(told, key=lambda match: int(match["year"]))
    if any(last_year_of(f) > int(latest["year"]) for f in found if f.get("year")):
        return None
    return YearClue(int(latest["year"]) + 1, True,
                    f"'{latest[0]}' is set beside a period written without its year: results a year before")


def bracketed_year(text: str, found: list[Found], tense: dict[Found, str | None]) -> YearClue | None:
    """A year told in the past ("In 1988, it earned ...") and one told in the future ("spending in
    1990 will rise"), two apart: the year between. News style calls the current year "this
    year", so a year written out lies behind publication or ahead of it, not at it."""
    years = [f for f in found if f.kind in BRACKET_KINDS and f.get("year")]
    behind = [f for f in years if tense[f] in PAST_TENSES and previous_word(text, f.start).lower() not in SINCE_WORDS]
    ahead = [f for f in years if tense[f] == "future"]
    if not (behind and ahead):
        return None
    past, future = max(behind, key=year_of), min(ahead, key=year_of)
    if year_of(future) - year_of(past) != 2:
        return None
    return YearClue(year_of(past) + 1, True, f"'{past.text}' is told in the past and '{future.text}' in the future")
