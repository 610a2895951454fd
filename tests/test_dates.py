"""Table tests of the date tagger and resolver, and of the publication date (issue 6).

Sentences are invented. Publication date for most rows: Thursday 2021-06-10.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from generator.extract.dates import find_dates, find_published
from generator.model import Article, DateRef, Dropped
from generator.nlp import parse
from tests.conftest import make_article

THURSDAY = "2021-06-10"


def dates(nlp: Language, text: str, published: str | None = THURSDAY) -> list[tuple[str, str | None]]:
    article = make_article(text)
    return [(d.text, d.value) for d in find_dates(article, parse(nlp, article), published)]


@pytest.mark.parametrize(("text", "expected"), [
    # weekdays: before publication in the past tense, after it in the future
    ("The harbour council met on Tuesday to vote.", [("Tuesday", "2021-06-08")]),
    ("The harbour council will meet on Tuesday.", [("Tuesday", "2021-06-15")]),
    ("The mayor spoke on Thursday.", [("Thursday", "2021-06-10")]),
    ("Inspectors visited the mill last Friday.", [("last Friday", "2021-06-04")]),
    ("The ferry resumed service Monday morning.", [("Monday morning", "2021-06-07")]),
    # days of a month, with and without the year; ranges
    ("The fair runs from July 3 to 6.", [("July 3 to 6", "2021-07-03")]),
    ("The fair ran from May 28 to June 2.", [("May 28 to June 2", "2021-05-28")]),
    ("The vote is set for Nov. 3.", [("Nov. 3", "2021-11-03")]),
    ("Prices peaked on Dec. 20, officials said.", [("Dec. 20", "2020-12-20")]),
    ("The accord was signed on 4 March 2017.", [("4 March 2017", "2017-03-04")]),
    ("The treaty was signed in October 2019.", [("October 2019", "2019-10")]),
    # months alone and with a cue
    ("She left the cooperative last March.", [("last March", "2021-03")]),
    ("He resigned last August.", [("last August", "2020-08")]),
    ("Harvests were poor in late September.", [("late September", "2020-09")]),
    ("The bridge reopens in August.", [("in August", "2021-08")]),
    # relative to publication
    ("Exports fell last month.", [("last month", "2021-05")]),
    ("Exports will rise next year.", [("next year", "2022")]),
    ("Turnout was low this year.", [("this year", "2021")]),
    ("The dam burst three years ago.", [("three years ago", "2018")]),
    ("The minister resigned yesterday.", [("yesterday", "2021-06-09")]),
    ("Over the past year, rents rose.", [("Over the past year", "2020-06")]),
    ("The mill closed last Thanksgiving.", [("last Thanksgiving", "2020-11-26")]),
    # years
    ("The painter was born in 1957.", [("1957", "1957")]),
    ("Output has doubled since 2015.", [("2015", "2015")]),
    ("The band formed in nineteen eighty-four.", [("nineteen eighty-four", "1984")]),
    ("The drought of 1976-77 ruined farms.", [("1976", "1976"), ("77", "1977")]),
])
def test_dates_resolved(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "We met the fishermen at the quay.",
    "June Okafor runs the bakery on Quay Street.",
    "You may leave the room now.",
    "The troops march on the capital.",
    "The plant employs 2000 workers.",
    "The town celebrated its 75th anniversary with fireworks.",
    "Shoppers crowded the mall for Black Friday deals.",
    "In recent years the river has flooded often.",
    "The charity raised 1500 pounds.",
    "Police stopped a van outside 1909 Larkspur Drive.",
    "Organisers counted 1975 runners at the start.",  # a count even where the model says DATE
    "The trades made that day lost money.",  # "that day" alone: any day, not one the story told
    "He felt faint the day before the hearing.",  # a day counted from an event, not a date
    "Stocks rebounded later in the day.",  # orders two events of a day; names no part of it
    "Spending rose 0.2%, the smallest gain in a year.",  # a span up to now, not a date ahead
    "It was the first rally in five years.",
])
def test_not_dates(nlp: Language, text: str) -> None:
    assert dates(nlp, text) == []


def test_title_and_dropped_dateline(nlp: Language) -> None:
    # a title has no parse: the word before a date gives its direction; a dropped dateline is a date
    article = replace(make_article("The exchange stayed shut.", title="Markets to stay closed until Friday"),
                      dropped=(Dropped("LISBON, June 9 (Lusa) --", "outside the article's main text"),))
    refs = find_dates(article, parse(nlp, article), THURSDAY)
    assert [(d.text, d.value) for d in refs] == [("Friday", "2021-06-11"), ("June 9", "2021-06-09")]


def test_range_keeps_its_end(nlp: Language) -> None:
    article = make_article("The summit runs from July 3 to 6 in the capital.")
    refs = find_dates(article, parse(nlp, article), THURSDAY)
    assert refs == (DateRef("July 3 to 6", "2021-07-03", 0, end="2021-07-06"),)


@pytest.mark.parametrize(("text", "expected"), [
    # undated: relative references stay unresolved, written ones keep their value
    ("The harbour council met on Tuesday.", [("Tuesday", None)]),
    ("Exports fell last month.", [("last month", None)]),
    ("The treaty was signed in October 2019.", [("October 2019", "2019-10")]),
])
def test_undated_article(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert dates(nlp, text, published=None) == expected


def test_year_estimate_resolves_yearless_days(nlp: Language) -> None:
    assert dates(nlp, "The envoy arrived on Feb. 3.", published="2022") == [("Feb. 3", "2022-02-03")]


def published_of(nlp: Language, *body: str, metadata: tuple[str, ...] = (), front: str | None = None):
    article: Article = replace(make_article(*body, published=front), metadata=metadata)
    return find_published(article, parse(nlp, article))


@pytest.mark.parametrize(("metadata", "value"), [
    (("2021-03-04 10:22:01",), "2021-03-04"),
    (("1617235200",), "2021-04-01"),  # a Unix time
    (("Published: March 4, 2021",), "2021-03-04"),
    (("Updated: March 9, 2021", "Published: March 4, 2021"), "2021-03-04"),
    (("By Ana Ruiz | 4 March 2021",), "2021-03-04"),
])
def test_published_from_metadata(nlp: Language, metadata: tuple[str, ...], value: str) -> None:
    published = published_of(nlp, "The council met to discuss the harbour.", metadata=metadata)
    assert (published.value, published.how) == (value, "text")


def test_front_matter_wins(nlp: Language) -> None:
    published = published_of(nlp, "Text.", metadata=("2021-03-04 10:22:01",), front="2020-01-02")
    assert (published.value, published.how) == ("2020-01-02", "front matter")


def test_published_from_dateline(nlp: Language) -> None:
    published = published_of(nlp, "LISBON, March 4, 2021 (Reuters) — The port reopened after a strike.")
    assert (published.value, published.how) == ("2021-03-04", "text")


@pytest.mark.parametrize(("body", "value"), [
    # a month written with its year beside a day without one: a later year than the written one
    (("The envoy arrived on Feb. 3, the first visit since November 2019.",), "2020"),
    # a full date given with its weekday is a day of the story's own week
    (("The harbour council has a new chair.", "Its members met on the quay after the storm and, on Sunday, "
      "June 12, 2016, voted to rebuild the old pier with money from the port.",), "2016"),
    # a full date falling on a weekday the story names: the story's day (June 14, 2016 was a Tuesday)
    (("The candidate drew a large crowd in Greensboro on Tuesday.", "The rally ran late.",
      "Supporters of the candidate cheer as she speaks at the campaign rally in Greensboro, North Carolina "
      "on June 14, 2016.",), "2016"),
    # results set beside the same period a year before: the year after
    (("The mill expects a profit for the third quarter. In the 1988 third quarter, it posted a loss.",), "1989"),
    # a year told in the past and one told in the future two years on: the year between
    (("In 1988, the mill earned $8 million. The owner said it will hire more workers in 1990.",), "1989"),
])
def test_published_estimate(nlp: Language, body: tuple[str, ...], value: str) -> None:
    published = published_of(nlp, *body)
    assert (published.value, published.how) == (value, "estimate")
    assert published.reason


@pytest.mark.parametrize(("body", "value", "exact"), [
    # an anniversary said to fall now, of something the text dates: exact
    (("The city marks 40 years since the 1983 floods with a memorial walk.",), "2023", True),
    # of a name another paragraph dates with its start: exact
    (("Members gathered on Tuesday to celebrate the 25th anniversary of Harbour Watch, a volunteer group.",
      "Ana Ruiz founded Harbour Watch in 1998 to guard the coast.",), "2023", True),
    # years on from an event another paragraph dates: exact
    (("The last member of the crew that first sailed round Cape Verde in 1961 has died.",
      "Friends said that 50 years on from Cape Verde his charts are still in use.",), "2011", True),
    # of a state's founding or independence (the table of modern states): exact
    (("Crowds in Nairobi are celebrating the sixtieth anniversary of Kenya's independence.",), "2023", True),
    (("This year marks the centenary of Finland's independence.",), "2017", True),
    # of relations with a young state: a floor, since relations may have begun later
    (("Both governments plan receptions for this year's 30th anniversary of diplomatic relations "
      "between Kazakhstan and Japan.",), "2021", False),
    # the longer name wins: the Republic of China (1912) is not the People's Republic (1949)
    (("This year marks the 80th anniversary of ties between the Republic of China and Panama.",), "1992", False),
    # the latest clue wins: a news-style floor beats a lower anniversary floor
    (("This year marks the 20th anniversary of relations with Ukraine. An accord signed in March 2019 "
      "took effect in May.",), "2020", False),
])
def test_published_from_anniversary(nlp: Language, body: tuple[str, ...], value: str, exact: bool) -> None:
    published = published_of(nlp, *body)
    assert (published.value, published.how) == (value, "estimate")
    assert published.reason.endswith(value if exact else f"{value} or later")


@pytest.mark.parametrize("body", [
    "The company celebrated its 75th anniversary in 1998.",  # past: any year
    "Next year marks the 50th anniversary of Kenya's independence.",  # not now
    "This year marks the 75th anniversary of the festival.",  # nothing dates the festival
    "This year marks the 200th anniversary of relations between Russia and the United States.",  # old states
])
def test_anniversary_without_a_year(nlp: Language, body: str) -> None:
    assert published_of(nlp, body).how == "unknown"


@pytest.mark.parametrize("body", [
    # the celebration is dated in its own sentence: history, not the story's present
    ("In 2010, members gathered to celebrate the 10th anniversary of Harbour Watch.",
     "Ana Ruiz founded Harbour Watch in 2000 to guard the coast."),
    # an organisation's anniversary counts from its start, not from any year told with its name
    ("Members gathered to celebrate the 25th anniversary of Harbour Watch.",
     "Harbour Watch has run a second station since 2004."),
    # the paragraph naming it gives two years: which one is the start is not clear
    ("Members gathered to celebrate the 25th anniversary of Harbour Watch.",
     "Ana Ruiz founded Harbour Watch in 1998; it opened a second station in 2004."),
])
def test_anniversary_of_a_name_needs_one_start(nlp: Language, body: tuple[str, ...]) -> None:
    assert published_of(nlp, *body).how == "unknown"


def test_future_dates_set_no_floor(nlp: Language) -> None:
    # a maturity date written with its year is ahead of publication, not behind it
    published = published_of(nlp, "The bonds will mature on March 1, 2031. The board met on Nov. 16.")
    assert published.how == "unknown"


@pytest.mark.parametrize("body", [
    "The mill opened in 1998 and closed in 2011.",  # history alone
    "The mill opened in 1998 and was sold in 2011. It closed on Monday.",  # years told only in the past
    "The festival has been held since 2010. It opens on Friday.",  # the start of what goes on
    # a participle has the tense of its clause: past here
    "The mayor recalled the flood while opening a new bridge in 1998. The council meets on Friday.",
    "The architect drew the plans after visiting the site in 1998. The council meets on Friday.",
    # a year spoken of in the present may be ahead or long past: no clue (issue 22)
    "The mill opened in 1998. Its 2011 contract still binds the town, the mayor said on Monday.",
    "The governor's term ends in 2019, his aides said on Tuesday.",
    # a full date keeps its year in the current year too: no floor from it
    "The board met on Sept. 27, 1989. It meets again on Nov. 13.",
    # the yearless dates may belong to a later year the text names
    "The ban began in January 2009. The 2016 contest opened on Jan. 22.",
    "Officials released a timeline of arrests from 2003-2016. The raids began in May 2004. "
    "The latest arrest was made on April 5.",  # a range's end is a year the text names
    # a month not told as past may be ahead or long past: no floor from it (issue 22)
    "Le Pen is a candidate in the April 2017 election. She spoke in Paris on Aug. 31.",
    "The deal ends the August 1988 truce. Troops crossed the border on Aug. 2.",
    # a weekday that is not the date's: a slip, not a day of the story's week
    "The harbour council has a new chair. Its members met on the quay after the storm and, on Monday, "
    "June 12, 2016, voted to rebuild the old pier with money from the port.",
    # a full date on a weekday the story names, but told ahead, or older than a year the text tells
    "The company said on Tuesday that the notes will fall due on March 1, 2011.",
    "The emails released on Thursday span 2009 to 2013; one of Sept. 15, 2011 lists the guests.",
    # a period written with its year after it is no comparison; one told ahead is no past
    "Output grew 1.2% in the second quarter of 2016. The first quarter was weaker.",
    "The mill expects a profit for the third quarter and a larger one in the 1990 first quarter.",
    # a past and a future year one apart leave the year open; three apart, two years
    "In 1988, the mill earned $8 million. The owner said it will hire more workers in 1989.",
    "In 1988, the mill earned $8 million. The owner said it will hire more workers in 1991.",
])
def test_no_estimate_from_distant_years(nlp: Language, body: str) -> None:
    assert published_of(nlp, body).how == "unknown"


def test_published_unknown_says_how_to_fix(nlp: Language) -> None:
    published = published_of(nlp, "The council met on Tuesday to discuss the harbour.")
    assert (published.value, published.how) == (None, "unknown")
    assert "published:" in published.reason


@pytest.mark.parametrize(("text", "expected"), [
    # anchors the story sets: counted from the last date it told at that precision
    ("The storm hit on May 3. Two days later the roads reopened.",
     [("May 3", "2021-05-03"), ("Two days later", "2021-05-05")]),
    ("The mill opened on May 22, 1995, and the following year it hired forty people.",
     [("May 22, 1995", "1995-05-22"), ("the following year", "1996")]),
    ("The company was sold in March 2019. The following month, its founder resigned.",
     [("March 2019", "2019-03"), ("The following month", "2019-04")]),
    ("The ferry sank in June 1998 and was raised later that year.",
     [("June 1998", "1998-06"), ("later that year", "1998")]),
    ("The mayor resigned on Feb. 2. Her deputy took office the next morning.",
     [("Feb. 2", "2021-02-02"), ("the next morning", "2021-02-03")]),
    ("The envoys met the day before last Tuesday.", [("the day before last Tuesday", "2021-06-07")]),
    # without a date told before, the publication date is the anchor
    ("Her deputy took office the next morning.", [("the next morning", "2021-06-11")]),
    # a report's comparison counts from publication, not from a year the story told
    ("The plant opened in 1998. Sales rose 5% from a year earlier.", [("1998", "1998"), ("a year earlier", "2020")]),
    ("The plant opened in 1998. Sales rose last year.", [("1998", "1998"), ("last year", "2020")]),
    ("The plant opened in 1998. It will close in five years.", [("1998", "1998"), ("in five years", "2026")]),
])
def test_story_anchors(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the direction a day or month without a year lies in
    ("Directors declared a dividend, payable Aug. 20.", [("Aug. 20", "2021-08-20")]),
    ("Directors declared a dividend on Aug. 20.", [("Aug. 20", "2020-08-20")]),
    ("The relatives must leave if they lose when the case is heard in November.", [("in November", "2021-11")]),
    ("Police say they have gathered evidence in the October killing.", [("October", "2020-10")]),
    ("The doctor was shot last Oct. 23 at his home.", [("last Oct. 23", "2020-10-23")]),
    # expressions once missed
    ("The post-1959 politics split families.", [("1959", "1959")]),
    ("The write-off will appear in the company's 1989 operating results.", [("1989", "1989")]),
    ("Sales will be slightly above fiscal 1989 sales of $155 million.", [("fiscal 1989", "1989")]),
    ("In fiscal year 1990, Elco earned $7.8 million.", [("fiscal year 1990", "1990")]),
    ("The agency must cut $600 million this fiscal year.", [("this fiscal year", "2021")]),
    ("Sales will rise in the current fiscal year.", [("the current fiscal year", "2021")]),
    ("The loss compared with a year-earlier loss of $26,956.", [("year-earlier", "2020")]),
    ("Relatives rallied over the weekend.", [("the weekend", "2021-06-05")]),
    ("Stocks fell today and rebounded late in the day.", [("today", "2021-06-10"), ("late in the day", "2021-06-10")]),
    ("The change in each index is measured since year-end.", [("since year-end", "2020-12-31")]),
    ("The lowest bridge will open in two years.", [("in two years", "2023")]),  # a superlative not before it
    # a year keeps the part of it written with it, as TimeML does
    ("He had surgery in early 2011.", [("early 2011", "2011")]),
    ("Costs will halve by the end of 1990.", [("the end of 1990", "1990")]),
])
def test_direction_and_new_expressions(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(nlp, text) == expected


def test_title_made_from_the_lead_adds_no_dates(nlp: Language) -> None:
    # a page without a headline: the title is the lead's opening, and its dates are the body's
    lead = "The World Court on Friday rejected the objections of both states."
    article = replace(make_article(lead, title="The World Court on Friday rejected …"), title_made=True)
    refs = find_dates(article, parse(nlp, article), THURSDAY)
    assert [(d.text, d.paragraph) for d in refs] == [("Friday", 0)]
