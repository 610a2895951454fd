"""Titles: the headline a text opens with, and a title made from the lead when there is none.

Every headline and sentence here is invented.
"""
from __future__ import annotations

import pytest

from generator.clean import clean
from generator.clean.lines import classify
from generator.clean.title import first_sentence, made_title
from generator.model import RawArticle

LEAD = ("The harbour authority in Valmora approved a new ferry route on Monday after a decade of "
        "complaints from the islands, officials said.")
MORE = "The route will link the old port with three islands that had no regular service for years."


def raw(text: str) -> RawArticle:
    return RawArticle(id="a", path="a.txt", text=text, format="txt")


@pytest.mark.parametrize("first, title", [
    # sources that end every line, the headline too, with a full stop
    ("Ferry returns to Valmora islands.", "Ferry returns to Valmora islands."),
    ("Harbour chief: 'We waited far too long for this.'", "Harbour chief: 'We waited far too long for this.'"),
    ("Gov. Lind Backs Ferry Plan Despite Cost Fears Among Island Councils, Aides Say.",
     "Gov. Lind Backs Ferry Plan Despite Cost Fears Among Island Councils, Aides Say."),
    ("Ferries are slow. Maybe that's good.", "Ferries are slow. Maybe that's good."),
    # a headline running on into its subtitle with ";": the mark goes
    ("Valmora ferry plan wins backing vs. critics;", "Valmora ferry plan wins backing vs. critics"),
    ("Islanders: Ferry 'a lifeline';", "Islanders: Ferry 'a lifeline'"),
    ("Via side doors, the mayor made some gains;", "Via side doors, the mayor made some gains"),
    ("Latest fare rise angers island commuters;", "Latest fare rise angers island commuters"),
])
def test_the_first_line_is_the_headline(first: str, title: str) -> None:
    article = clean(raw(f"{first}\n\n{LEAD}\n\n{MORE}\n"))
    assert article.title == title and not article.title_made
    assert article.body == (LEAD, MORE)


@pytest.mark.parametrize("first", [
    LEAD,  # long
    "Valmora Ferries Inc. said it carried 4,000 passengers in its first week.",  # "said": a lead
    "The ferry left the harbour on Tuesday with ninety passengers aboard.",  # the day: a lead
    "VALMORA (AP) _ The ferry left the harbour with ninety passengers.",  # a dateline
])
def test_a_lead_sentence_is_not_a_headline(first: str) -> None:
    article = clean(raw(f"{first}\n\n{MORE}\n\n{MORE.replace('old', 'new')}\n"))
    assert article.title_made
    assert article.body[0] == first


def test_a_lone_paragraph_is_not_taken_for_a_headline() -> None:
    article = clean(raw("Ferry returns to Valmora islands.\n"))
    assert article.body == ("Ferry returns to Valmora islands.",)


@pytest.mark.parametrize("text, first", [
    ("Hillary Vance calls on U.S. allies to act. She said so.", "Hillary Vance calls on U.S. allies to act."),
    ("Dr. Ilse Marquand: the ferry is late. More.", "Dr. Ilse Marquand: the ferry is late."),
    ("Ferry win could help Lind make case vs. Okafor. The end.", "Ferry win could help Lind make case vs. Okafor."),
    ("Talks in Calif. ended. Then rain.", "Talks in Calif. ended."),
    ("He met J. Okafor at the pier. Then he left.", "He met J. Okafor at the pier."),
    ("The vote ended. Then the rain came.", "The vote ended."),  # negative: a real sentence end
    ("Prices rose 3.5 percent. Then fell.", "Prices rose 3.5 percent."),
    ("“Wait,” she said. “Now go.”", "“Wait,” she said."),
])
def test_first_sentence_does_not_end_at_an_abbreviation(text: str, first: str) -> None:
    assert first_sentence(text) == first


def test_a_made_title_never_ends_at_an_abbreviation() -> None:
    assert made_title(["Dr. Ilse Marquand opened the pier. Then she left."]) == "Dr. Ilse Marquand opened the pier."
    long = made_title(["The harbour authority in Valmora approved a new ferry route for the U.S. navy and others."])
    assert long.endswith(" …") and len(long.split()) == 13


@pytest.mark.parametrize("line, kind", [
    ("Islanders: Ferry 'a lifeline';", "near"),  # not a CSS declaration
    ("Mayor: 'We are going to run this ferry all year.'", "prose"),  # not a JS object entry
    ("color: red; margin: 0;", "code"),
    ("title: 'Ferry',", "code"),
    ("Via The Valmora Daily", "meta"),
    ("Via side doors, the mayor made some gains;", "prose"),
    ("Latest News", "junk"),
    ("Latest fare rise angers island commuters;", "near"),
])
def test_headline_shapes_that_looked_like_code_or_junk(line: str, kind: str) -> None:
    assert classify(line).kind == kind
