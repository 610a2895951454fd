"""Data only: the words and regular expressions of calendar references (issue 6).

The grammar is built from word lists, so a new month spelling or relative word is a
one-line change here. The logic that resolves a match lives in generator/extract/dates/.
Every regex is compiled once, at import.
"""
from __future__ import annotations

import re

# ---- words ---------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Month words that are also ordinary words or names: accepted alone only after a cue
# word ("in May", "last March"), never as a bare capitalised word.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "dec", "nov", "oct", "apr"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
DAY_PARTS = ("morning", "afternoon", "evening", "night")
# A capitalised word before a weekday that makes it a named day, not a day of this week.
NAMED_DAY_PREFIXES = frozenset({"black", "good", "super", "ash", "bloody", "cyber", "holy", "palm", "maundy",
                                "giving", "small", "fat", "easter"})

# Words that place a weekday or a month before or after the publication date.
BEFORE_WORDS = frozenset({"last", "past", "previous", "preceding"})
AFTER_WORDS = frozenset({"next", "coming", "following"})
# "the following year", "the previous day": counted from the last date the story told, not from publication
STORY_WORDS = frozenset({"following", "previous", "preceding", "before", "after", "that"})

# Small spelled numbers ("five years ago", "in two years"); larger ones are written in digits.
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}

# Spelled years as broadcast transcripts write them ("nineteen ninety-six").
CENTURY_WORDS: dict[str, int] = {"nineteen": 1900, "eighteen": 1800}
TENS_WORDS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
UNIT_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}

# Holidays with a fixed day; Thanksgiving (US, fourth Thursday of November) is computed.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "halloween": (10, 31),
}

# Cue words that make a bare year or a bare month a date ("in 2009", "since May").
YEAR_CUES = frozenset({
    "in", "since", "until", "till", "by", "from", "before", "after", "during", "to", "through",
    "early", "late", "mid", "between", "and", "around", "circa", "spring", "summer", "autumn",
    "fall", "winter", "year", "end", "start", "beginning", "middle",
})  # not "of": "a score of 2072", "of 1909 Elm Drive" are quantities and addresses
# Words before a number that make it a modifier ("the 2016 elections"), not a count ("of 2047 voters").
DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"})
# Entity labels under which a number is not a year ("2,000 troops", "$2010").
NOT_YEAR_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "PRODUCT", "LAW"})
# A number before a street name is a house number ("1909 Larkspur Drive"), case-sensitive.
ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Drive|Dr\.|Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Ln\.|Boulevard|Blvd\."
    r"|Way|Court|Ct\.|Place|Pl\.|Parkway|Highway|Terrace|Suite)\b"
)
# Entity labels under which a month word is part of a name ("June Carter", "May Day Party").
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "NORP", "GPE"})

# Auxiliaries and verbs of planning that put a clause in the future ("will meet on Tuesday",
# "is expected to visit on Friday"); auxiliaries that put a bare verb in the past ("did not").
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "going"})
FUTURE_LEMMAS = frozenset({"expect", "schedule", "plan", "intend", "set", "due", "hope", "aim", "prepare"})
PAST_AUX = frozenset({"did", "had", "was", "were"})
# Adjectives that put the date after them ahead of publication: "payable Dec. 7", "due Jan. 2"
DUE_WORDS = frozenset({"payable", "due"})
# "the lowest level in five years", "the first time in a year": a superlative (or these words)
# that "in N years" hangs from makes it a span up to now, not a date ahead
SUPERLATIVE_WORDS = frozenset({"first", "only"})
# "since 2010", "from 2010": the start of a state that lasts until now, which may be long ago
SINCE_WORDS = frozenset({"since", "from"})
# "until Friday", "till May": the end of a state that lasts from now, so ahead of publication
UNTIL_WORDS = frozenset({"until", "till", "through"})

# ---- the grammar -----------------------------------------------------------------

_FULL_MONTHS = "|".join(name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july"))
_ABBREVIATED_MONTHS = "|".join(name for name in MONTHS if len(name) <= 4 and name not in ("may", "june", "july"))
# A full name never takes a period (a period after it ends the sentence); an abbreviation may.
_MONTH_ALT = rf"(?:{_FULL_MONTHS})\b|(?:{_ABBREVIATED_MONTHS})\b\.?"
_WEEKDAY_ALT = "|".join(WEEKDAYS)
MONTH = rf"(?P<month>{_MONTH_ALT})"
MONTH2 = rf"(?P<month2>{_MONTH_ALT})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)\b"
WEEKDAY = rf"(?P<weekday>{_WEEKDAY_ALT})\b"
_RANGE_SEP = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
_SPELLED_YEAR = (
    rf"(?P<spelled>(?:{'|'.join(CENTURY_WORDS)})[ -](?:{'|'.join(TENS_WORDS)})"
    rf"(?:[ -](?:{'|'.join(UNIT_WORDS)}))?|two thousand(?: and)? (?:{'|'.join(UNIT_WORDS)}|ten|eleven|twelve))\b"
)
_NUMBER = rf"(?P<number>\d{{1,3}}|{'|'.join(NUMBER_WORDS)})"

# Each named pattern is one kind of expression; the tagger tries them in this order and
# keeps the longest, earliest match where they overlap. Case-insensitive, except where a
# name needs a capital (checked in the tagger).
EXPRESSIONS: dict[str, str] = {
    # April 16 to 19, 2023 / April 16-April 19 / 16-19 April 2023
    "md_range": rf"\b{MONTH}\s+{DAY}{_RANGE_SEP}(?:{MONTH2}\s+)?{DAY2}(?:,?\s+{YEAR})?",
    "dm_range": rf"\b{DAY}{_RANGE_SEP}{DAY2}\s+{MONTH}(?:,?\s+{YEAR})?",
    # Tuesday, April 3, 2018 / March 12 2009 / Feb. 21 / 3 April 2018
    "mdy": rf"\b(?:(?P<rel>last|next|this|past|coming)\s+|{WEEKDAY},?\s+)?"
           rf"{MONTH}\s+{DAY}(?!\d|\s*%|:\d)(?:,?\s+{YEAR})?",
    "dmy": rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?",
    "iso": r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b",
    # February 2022 / January nineteen ninety-seven
    "month_year": rf"\b(?:(?P<part>early|late|mid)[- ]?)?{MONTH},?\s+(?:of\s+)?(?:{YEAR}|{_SPELLED_YEAR})",
    # last October / late November / the middle of October / in May
    "month_rel": rf"\b(?:(?P<rel>last|next|this|past|coming)\s+|(?P<part>early|late|mid)[- ]?"
                 rf"|the\s+(?P<part2>middle|end|beginning|start)\s+of\s+)(?:in\s+)?{MONTH}(?!\.?\s*\d)",
    "month_cue": rf"\b(?P<cue>in|since|until|till|by|from|through|during|before|after|last|of)\s+{MONTH}(?!\.?\s*\d)",
    "month": rf"\b{MONTH}(?!\.?\s*\d)",
    # in the last year (the 12 months before publication)
    "last_12": r"\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:year|12\s+months|twelve\s+months)\b",
    # this year / last month / next year / the previous year / the year previous
    "unit_rel": r"\b(?:(?:the\s+)?(?P<rel>this|last|next|past|coming|previous|following|current)\s+"
                r"(?:fiscal\s+)?(?P<unit>year|month)"
                r"|the\s+(?P<unit2>year)\s+(?P<rel2>previous|before|after))\b(?!\s*(?:-|–)?\s*(?:old|long))",
    # a year ago / 42 years ago / a month earlier / in five years
    "ago": rf"\b{_NUMBER}\s+(?P<unit>year|month|day)s?\s+(?P<dir>ago|earlier|later)\b",
    # year-earlier results, the year-ago quarter: the year before publication
    "year_ago": r"\byear-(?:earlier|ago)\b",
    # later that year / earlier that day / late in the day (a part of the day, like "Friday night";
    # "later in the day" only orders events): the year or day the story last told
    "that_unit": r"\b(?:(?:later|earlier)\s+(?:in\s+)?that\s+(?P<unit>year|month|day)|that\s+(?P<unit2>year)"
                 r"|(?:late|early)\s+in\s+the\s+(?P<unit3>day))\b",
    # the next morning / the following day / the day before: a day from the last day the story told
    "next_day": rf"\b(?:the\s+)?(?P<rel>next|following|previous|preceding)\s+(?:day|{'|'.join(DAY_PARTS)})\b"
                r"|\bthe\s+day\s+(?P<rel2>before|after)\b(?=\s*[.,;:])",
    # the day before last Tuesday: a weekday, then a day from it
    "day_weekday": rf"\b(?:the\s+)?day\s+(?P<dir>before|after)\s+(?:(?P<rel>last|next|this)\s+)?{WEEKDAY}",
    # over the weekend / this weekend / next weekend: its Saturday
    "weekend": r"\b(?:(?P<rel>last|next|this|coming|past)|the)\s+weekend\b",
    "in_n": rf"\bin\s+{_NUMBER}\s+(?P<unit>year|month)s?(?!\s*(?:-|–)?\s*(?:old|long|ago))\b(?:'?\s*time)?",
    # the end of the year / year-end / year's end / for the year / the full year
    "year_end": r"\b(?:(?P<since>since)\s+)?(?:(?:the\s+)?end\s+of\s+(?:the\s+)?year|year[- ]end|year's\s+end)\b"
                r"(?!\s+(?:of|results|report))",
    "the_year": r"\b(?:for\s+the\s+(?:full\s+)?year|the\s+full\s+year)\b(?!\s*(?:ago|earlier|before|-|–))",
    # today / tonight / yesterday / tomorrow (the word alone; "today's" included)
    "deictic": r"\b(?P<word>today|tonight|yesterday|tomorrow)\b",
    # Tuesday / last Friday / Friday night / the previous Friday ("on" is left out, as TimeML does:
    # "on Friday" and "Friday" are one date)
    "weekday": rf"\b(?:(?P<rel>last|next|this|coming|previous|preceding|past|following)\s+"
               rf"|the\s+(?P<rel2>previous|preceding|following)\s+)?"
               rf"{WEEKDAY}(?:\s+(?P<daypart>{'|'.join(DAY_PARTS)}))?",
    # last Thanksgiving / on Christmas Day
    "holiday": rf"\b(?:(?P<rel>last|next|this)\s+|on\s+)"
               rf"(?P<holiday>thanksgiving(?:\s+day)?|{'|'.join(sorted(FIXED_HOLIDAYS, key=len, reverse=True))})\b",
    # early 2011 / the end of 1990 / fiscal 1989: the year, its part written with it as TimeML does
    "year_part": rf"\b(?:(?:early|late|mid)[- ]?|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+"
                 rf"|fiscal\s+(?:year\s+)?){YEAR}",
    # 1998 / in 2009 / 1957-58
    "year_range": r"\b(?P<year>1[5-9]\d\d|20\d\d)\s*[-–/]\s*(?P<year2>\d\d(?:\d\d)?)\b(?![-–/]\d)",
    "year": rf"(?:(?<=[a-z]-)|(?<![\d,.$£€#/-])){YEAR}(?![-–/]\d|,\d|\.\d|%|\s*(?:percent|per\s+cent))",
    "spelled_year": rf"\b{_SPELLED_YEAR}",
}
EXPRESSION_RES: dict[str, re.Pattern[str]] = {
    kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in EXPRESSIONS.items()
}

# ---- anniversaries that date the present ------------------------------------------------

# "75th", "seventy-fifth", "fiftieth", "centenary", "75 years of": how anniversaries are counted
ORDINAL_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9,
}
ORDINAL_TENS: dict[str, int] = {
    "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
ROUND_ANNIVERSARIES: dict[str, int] = {"centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200}
ANNIVERSARY = re.compile(
    rf"\b(?:(?P<digits>\d{{1,3}})(?:st|nd|rd|th)|(?P<tens>{'|'.join(TENS_WORDS)})-(?P<unit>{'|'.join(ORDINAL_UNITS)})"
    rf"|(?P<word>{'|'.join([*ORDINAL_TENS, *ORDINAL_UNITS])}))\s+anniversary\b"
    rf"|\b(?P<round>{'|'.join(ROUND_ANNIVERSARIES)})\b"
    # "a 10-year anniversary", "75 years of", "60 years on from"
    r"|\b(?P<years>\d{1,3})(?:-year\s+anniversary|\s+years\s+(?=of\b|since\b|on\s+from\b))",
    re.IGNORECASE,
)
# The anniversary falls in the year of publication: "this year's", "this year marks", "marks".
# A past "marked" or "celebrated" may be any year, so only the present counts.
# "gathered to celebrate the 10-year anniversary": the gathering the story tells is the celebration.
ANNIVERSARY_NOW = re.compile(
    r"\bthis\s+year(?:['’]s)?\b|\b(?:marks|celebrates|commemorates|observes)\b"
    r"|\b(?:is|are)\s+(?:marking|celebrating|commemorating)\b|\bto\s+(?:celebrate|mark|commemorate)\b"
    r"|\byears\s+on\s+from\b",  # "60 years on from Kilimanjaro": counted to now
    re.IGNORECASE,
)
ANNIVERSARY_NOT_NOW = re.compile(r"\b(?:next|last)\s+year\b", re.IGNORECASE)
# Where the words naming what the anniversary is of end: a later clause may date something else.
ANNIVERSARY_SUBJECT_END = re.compile(
    r"[,;:()—–]|\b(?:which|who|when|while|as|but|though|although)\b|\band\s+(?:the|a|to)\b", re.IGNORECASE
)
# The name an anniversary is of ("the 10-year anniversary of Bright Futures Now!", "60 years on from
# Kilimanjaro"), to find where the text dates it: an organisation ("of") by its start, an event by its year
ANNIVERSARY_NAME = re.compile(
    r"^\s*(?P<word>of|on\s+from)\s+(?:the\s+)?(?P<name>[A-Z][\w'’!&.-]*(?:\s+[A-Z][\w'’!&.-]*)*)")
# A paragraph that dates a start: "Roe launched Bright Futures Now! in 2006", "the fund, founded in 1989"
START_WORDS = re.compile(r"\b(?:founded|launched|established|created|started|formed|opened|set\s+up)\b", re.IGNORECASE)
# What the anniversary is of: relations between states (a lower bound: they may have begun
# after the youngest state), or a state's own founding (exact).
RELATIONS_WORDS = re.compile(r"\b(?:relations|ties|relationship|partnership)\b", re.IGNORECASE)
FOUNDING_WORDS = re.compile(
    r"\b(?:founding|foundation|establishment|creation|birth|independence|proclamation)\b", re.IGNORECASE
)

# ---- periods of a results report ------------------------------------------------------

# "in the 1988 third quarter", "the 1988 period": a year's results set beside the current ones
YEAR_PERIOD = re.compile(
    r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?:(?:first|second|third|fourth)[- ](?:quarter|half)|quarter|period)\b",
    re.IGNORECASE,
)
# "the third quarter", "third-quarter net", "the six months ended Oct. 1", "the latest period":
# the current period, no year written
YEARLESS_PERIOD = re.compile(
    r"(?<!\d\d\s)\b(?:(?:first|second|third|fourth)[- ](?:quarter|half)|(?:three|six|nine)\s+months\s+ended"
    r"|first\s+(?:six|nine)\s+months|(?:latest|current)\s+(?:quarter|period))\b"
    r"(?!\s*(?:of\s+|,\s*)?(?:19|20)\d\d)",
    re.IGNORECASE,
)

# ---- publication dates in metadata lines and datelines -------------------------------

ISO_STAMP = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?:[ T]\d\d:\d\d)?")
SLASH_STAMP = re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2])/(?P<day>[0-3]?\d)\b")
UNIX_TIME = re.compile(r"^\s*(?P<seconds>1\d{9})(?:\d{3})?\s*$")  # seconds (or ms) since 1970: 2001–2033
UNIX_MIN, UNIX_MAX = 978307200, 2000000000  # 2001-01-01 .. 2033-05-18: older or later is not a timestamp
# A line that is only a date, a byline with a date, or "Published/Updated: date".
PUBLISHED_CUES = re.compile(r"\b(?:published|posted|updated|last\s+modified|date)\b\s*:?", re.IGNORECASE)
UPDATED_CUE = re.compile(r"\b(?:updated|modified)\b", re.IGNORECASE)
# "NEW YORK, Dec. 14 (UPI) —", "WASHINGTON (AP) — ": the capitalised place opening a story
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?,?\s*(?P<date>[^()—–-]{0,30}?)\s*"
    r"(?:\([A-Za-z .&-]{1,30}\))?\s*(?:—|–|--|-|_|:)"
)
