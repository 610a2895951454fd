"""One tagged expression + the publication date (+ tense) → an ISO value and a range end.

``date_value(found, anchor, tense, previous)`` (TimeML's normalisation) returns ``(value, end)``: value is YYYY,
YYYY-MM or YYYY-MM-DD, end is set for ranges. The anchor is the publication date at the
precision known: a day, only a year (an estimate), or nothing. An expression that needs
more than the anchor gives (the weekday "on Tuesday" needs a day; "this year" a year)
resolves to None rather than a guess.

Rules (TimeML's, as news annotators apply them):
- a weekday lies at or before publication, or at or after it in a future clause;
  "last/next/this" + weekday: strictly before / strictly after / in the same week;
- a month, or a day of a month, without a year takes the year that puts it nearest the
  publication date, unless the tense says otherwise (a past clause never points ahead);
- "last October" is the latest October before the publication month.

- a story's own anchors ("the following year", "the next morning", "two days later",
  "earlier that day", "the previous Friday") count from the last date the text told at
  that precision, and from publication when it has told none; "ago", "next", "last" and
  "this" always count from publication.

Not handled: a story anchor set by an event rather than a date ("the day after the vote"),
and the granularity TimeML gives "a year ago" when annotators compare with a full date.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ...partial_date import PartialDate
from ...patterns.dates import (
    AFTER_WORDS,
    BEFORE_WORDS,
    CENTURY_WORDS,
    FIXED_HOLIDAYS,
    NUMBER_WORDS,
    STORY_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    WEEKDAYS,
)
from .tagger import Found, month_number

Value = tuple[str | None, str | None]
TENSE_MARGIN = timedelta(days=30)
PAST_TENSES = ("past", "perfect")  # "have gathered evidence in the October slaying": behind publication


@dataclass(frozen=True)
class Anchor:
    """The publication date as far as it is known: a day, or only a year, or nothing."""

    day: date | None = None
    year: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> Anchor:
        when = PartialDate.of(published)
        if when is None:
            return cls()
        return cls(when.first_day() if when.is_day else None, when.year)

    def month(self) -> tuple[int, int] | None:
        """(year, month) of publication, if the day is known."""
        return (self.day.year, self.day.month) if self.day else None


@dataclass(frozen=True)
class Recent:
    """The last day, month and year the text named: what "the previous Friday", "the following
    month" and "the year before" count from."""

    day: date | None = None
    month: tuple[int, int] | None = None  # (year, month)
    year: int | None = None

    def after(self, kind: str, value: str | None) -> Recent:
        """This context once an expression of ``kind`` resolved to ``value``: its year, its
        month if it names one, its day if it names one; a coarser value keeps the finer ones."""
        when = PartialDate.of(value)
        if when is None:
            return self
        month = (when.year, when.month) if when.month else self.month
        day = when.first_day() if when.is_day else self.day
        return Recent(day, month, when.year)


def date_value(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """The expression's value (and range end) against the anchor; (None, None) if it needs more."""
    return RESOLVERS[found.kind](found, anchor, tense, previous)


# ---- calendar helpers ----------------------------------------------------------------

def iso(day: date) -> str:
    return day.isoformat()


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """That day, or None where the calendar has none (a 30 February, a month 13)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year(anchor: Anchor, month: int, day: int, tense: str | None) -> int | None:
    """The year that puts month/day nearest publication; a past clause never points ahead, a future one never back."""
    if anchor.day is None:
        return anchor.year
    ref = anchor.day
    options = [y for y in (ref.year - 1, ref.year, ref.year + 1) if safe_date(y, month, min(day, 28))]
    best = min(options, key=lambda y: abs((date(y, month, min(day, 28)) - ref).days))
    when = date(best, month, min(day, 28))
    # The tense overrides only a month or more away: a past clause can name a deadline days ahead
    # ("ordered returned by Jan. 14"), rarely one months ahead.
    if tense in PAST_TENSES and when > ref + TENSE_MARGIN:
        return best - 1
    if tense == "future" and when < ref - TENSE_MARGIN:
        return best + 1
    return best


def weekday_date(ref: date, weekday: int, direction: str) -> date:
    """The weekday nearest ``ref`` in a direction: before/after (inclusive), strict_*, same_week."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if direction == "after":
        return ref + timedelta(days=ahead)
    if direction == "strict_after":
        return ref + timedelta(days=ahead or 7)
    if direction == "strict_before":
        return ref - timedelta(days=back or 7)
    if direction == "same_week":
        return ref + timedelta(days=weekday - ref.weekday())
    return ref - timedelta(days=back)


def number_value(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


# ---- one resolver per kind -------------------------------------------------------------

def full_date(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """mdy/dmy/iso: a day of a month, with or without its year ("last Oct. 23": the latest before publication)."""
    month, day = month_number_of(found.get("month") or ""), int(found.get("day") or 0)
    rel = (found.get("rel") or "").lower()
    cue = "past" if rel in BEFORE_WORDS else "future" if rel in AFTER_WORDS else tense
    year = int(y) if (y := found.get("year")) else nearest_year(anchor, month, day, cue)
    when = safe_date(year, month, day) if year else None
    return (iso(when) if when else None), None


def month_number_of(word: str) -> int:
    return int(word) if word.isdigit() else month_number(word)


def day_range(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"April 16 to 19", "16-19 April 2023": the start, and the end."""
    month = month_number(found.get("month") or "")
    month2 = month_number(m2) if (m2 := found.get("month2")) else month
    day, day2 = int(found.get("day") or 0), int(found.get("day2") or 0)
    year = int(y) if (y := found.get("year")) else nearest_year(anchor, month, day, tense)
    if not year:
        return None, None
    start, end = safe_date(year, month, day), safe_date(year + (month2 < month), month2, day2)
    return (iso(start) if start else None), (iso(end) if end and start and end > start else None)


def month_year(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    year = int(y) if (y := found.get("year")) else spelled_year(found.get("spelled") or "")
    return (ym(year, month_number(found.get("month") or "")) if year else None), None


def month_alone(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"October", "late November", "last June", "in May": the month in the year the cue or tense gives."""
    month = month_number(found.get("month") or "")
    rel = (found.get("rel") or found.get("cue") or "").lower()
    if anchor.day is None:
        return (ym(anchor.year, month) if anchor.year and rel not in BEFORE_WORDS | AFTER_WORDS else None), None
    ref = anchor.day
    if rel in BEFORE_WORDS:
        return ym(ref.year if month < ref.month else ref.year - 1, month), None
    if rel in AFTER_WORDS:
        return ym(ref.year if month > ref.month else ref.year + 1, month), None
    if rel == "this":
        return ym(ref.year, month), None
    if rel == "since":
        tense = "past"
    return ym(nearest_year(anchor, month, 15, tense) or ref.year, month), None


def relative_unit(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"this year", "last month": counted from publication; "the following year", "the year
    before", "the previous month": from the last year or month the story told, else publication."""
    rel = (found.get("rel") or found.get("rel2") or "").lower()
    unit = (found.get("unit") or found.get("unit2") or "").lower()
    step = -1 if rel in BEFORE_WORDS | {"before"} else 1 if rel in AFTER_WORDS | {"after"} else 0
    story = rel in STORY_WORDS and found.text.lower().startswith("the")
    if unit == "year":
        base = (previous.year if story else None) or anchor.year
        return (str(base + step) if base else None), None
    month = (previous.month if story else None) or anchor.month()
    return (ym(*add_months(*month, step)) if month else None), None


def last_twelve_months(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"In the last year": the twelve months before publication, to the month."""
    if anchor.day is None:
        return None, None
    ref = anchor.day
    return ym(ref.year - 1, ref.month), ym(ref.year, ref.month)


def counted(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"a year ago", "42 years ago", "in five years", "a year earlier": from publication; "three
    days earlier", "two months later": from the last day or month the story told, else publication."""
    count = number_value(found.get("number") or "1")
    direction = (found.get("dir") or "").lower()  # none in "in five years"
    sign = 1 if direction == "later" or found.kind == "in_n" else -1
    unit = (found.get("unit") or "").lower()
    # A narrative moves on from the last date it told ("two years later", "three days earlier");
    # a report compares with the same period a year before publication ("up from $4 a year earlier").
    story = direction == "later" or (direction == "earlier" and unit == "day")
    if unit == "year":
        base = (previous.year if story else None) or anchor.year
        return (str(base + sign * count) if base else None), None
    if unit == "month":
        month = (previous.month if story else None) or anchor.month()
        return (ym(*add_months(*month, sign * count)) if month else None), None
    day = (previous.day if story else None) or anchor.day
    return (iso(day + timedelta(days=sign * count)) if day else None), None


def year_end(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"year-end" is the last day of the year; "the end of the year" is the year. Past and early, or
    after "since": last year's."""
    if not anchor.year:
        return None, None
    year = anchor.year
    if anchor.day and tense == "past" and anchor.day.month <= 6:
        year -= 1
    if found.get("since"):
        year = anchor.year - 1  # "the change since year-end": the last one before publication
    if "-" in found.text or found.text.lower().removeprefix("since ").startswith("year end"):
        return f"{year}-12-31", None
    return str(year), None


def this_year(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    return (str(anchor.year) if anchor.year else None), None


def deictic(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    if anchor.day is None:
        return None, None
    shift = {"yesterday": -1, "tomorrow": 1}.get((found.get("word") or "").lower(), 0)
    return iso(anchor.day + timedelta(days=shift)), None


def weekday(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"on Tuesday", "last Friday", "the previous Friday" (before the last day named)."""
    if anchor.day is None:
        return None, None
    day = WEEKDAYS[(found.get("weekday") or "").lower()]
    rel = (found.get("rel") or "").lower()
    if rel2 := (found.get("rel2") or "").lower():
        direction = "strict_after" if rel2 == "following" else "strict_before"
        return iso(weekday_date(previous.day or anchor.day, day, direction)), None
    direction = ("strict_before" if rel in BEFORE_WORDS else "strict_after" if rel in AFTER_WORDS
                 else "same_week" if rel == "this" else "after" if tense == "future" else "before")
    return iso(weekday_date(anchor.day, day, direction)), None


def year_ago(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"year-earlier results", "the year-ago quarter": the year before publication."""
    return (str(anchor.year - 1) if anchor.year else None), None


def that_unit(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"later that year", "earlier that day", "that year": the last the story told, else publication's."""
    unit = (found.get("unit") or found.get("unit2") or found.get("unit3") or "").lower()
    if unit == "year":
        year = previous.year or anchor.year
        return (str(year) if year else None), None
    if unit == "month":
        month = previous.month or anchor.month()
        return (ym(*month) if month else None), None
    day = previous.day or anchor.day
    return (iso(day) if day else None), None


def next_day(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"the next morning", "the previous day", "the day before": a day from the last day told."""
    rel = (found.get("rel") or found.get("rel2") or "").lower()
    day = previous.day or anchor.day
    step = 1 if rel in AFTER_WORDS | {"next", "after"} else -1
    return (iso(day + timedelta(days=step)) if day else None), None


def day_weekday(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"the day before last Tuesday": the weekday as "last Tuesday" resolves, then a day from it."""
    value, _ = weekday(found, anchor, tense, previous)
    step = 1 if (found.get("dir") or "").lower() == "after" else -1
    return (iso(date.fromisoformat(value) + timedelta(days=step)) if value else None), None


def weekend(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"over the weekend", "next weekend": its Saturday, behind publication unless the cue or
    tense puts it ahead."""
    if anchor.day is None:
        return None, None
    rel = (found.get("rel") or "").lower()
    ahead = rel in AFTER_WORDS or (rel != "last" and tense == "future")
    saturday = WEEKDAYS["saturday"]
    return iso(weekday_date(anchor.day, saturday, "strict_after" if ahead else "before")), None


def holiday(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    """"last Thanksgiving", "on Christmas Day": the holiday's date in the year the cue gives."""
    if anchor.day is None:
        return None, None
    ref = anchor.day
    name, rel = (found.get("holiday") or "").lower(), (found.get("rel") or "").lower()
    options = [d for y in range(ref.year - 1, ref.year + 2) if (d := holiday_date(name, y))]
    if rel in BEFORE_WORDS or (rel == "" and tense in PAST_TENSES):
        chosen = max((d for d in options if d < ref), default=None)
    elif rel in AFTER_WORDS or tense == "future":
        chosen = min((d for d in options if d > ref), default=None)
    else:
        chosen = min(options, key=lambda d: abs((d - ref).days))
    return (iso(chosen) if chosen else None), None


def holiday_date(name: str, year: int) -> date | None:
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)  # the fourth Thursday of November
    month_day = FIXED_HOLIDAYS.get(name)
    return date(year, *month_day) if month_day else None


def year(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    return found.get("year"), None


def spelled(found: Found, anchor: Anchor, tense: str | None, previous: Recent) -> Value:
    value = spelled_year(found.get("spelled") or "")
    return (str(value) if value else None), None


def spelled_year(words: str) -> int | None:
    """"nineteen ninety-six" → 1996, "two thousand and three" → 2003."""
    parts = words.lower().replace("-", " ").replace(" and", "").split()
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(UNIT_WORDS.get(p, TENS_WORDS.get(p, 0)) for p in parts[2:])
    if not parts or parts[0] not in CENTURY_WORDS:
        return None
    return CENTURY_WORDS[parts[0]] + sum(TENS_WORDS.get(p, 0) if i == 0 else UNIT_WORDS.get(p, 0)
                                         for i, p in enumerate(parts[1:]))


RESOLVERS: dict[str, Callable[[Found, Anchor, str | None, Recent], Value]] = {
    "md_range": day_range, "dm_range": day_range, "mdy": full_date, "dmy": full_date, "iso": full_date,
    "month_year": month_year, "month_rel": month_alone, "month_cue": month_alone, "month": month_alone,
    "last_12": last_twelve_months, "unit_rel": relative_unit, "ago": counted, "in_n": counted,
    "year_end": year_end, "the_year": this_year, "deictic": deictic, "weekday": weekday,
    "holiday": holiday, "year": year, "year_part": year, "spelled_year": spelled, "year_ago": year_ago,
    "that_unit": that_unit,
    "next_day": next_day, "day_weekday": day_weekday, "weekend": weekend,
}
