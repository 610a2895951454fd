"""Quotations and their speakers: tables of invented paragraphs → expected (text, speaker)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from generator.extract.people import find_actors
from generator.extract.quotes import find_quotes, quote_key, rank_quotes, ranker
from generator.extract.quotes.spans import find_spans, is_title
from generator.extract.quotes.train import same_speaker
from generator.model import Mention, Quote
from generator.nlp import parse
from generator.report import LOW_CONFIDENCE
from tests.conftest import make_article


def quotes_of(nlp, *paragraphs: str, persons: tuple[Mention, ...] | None = None) -> list[tuple[str, str | None]]:
    article = make_article(*paragraphs)
    doc = parse(nlp, article)
    if persons is None:
        persons, _ = find_actors(article, doc)
    return [(q.text, q.speaker) for q in find_quotes(article, doc, persons)]


def person(name: str, *aliases: str, roles: tuple[str, ...] = ()) -> Mention:
    return Mention(name=name, kind="person", aliases=aliases, roles=roles)


MARTA = person("Marta Quillfeather", "Quillfeather", roles=("harbour commissioner",))
OSKAR = person("Oskar Brennholt", "Brennholt", roles=("union leader",))
PEOPLE = (MARTA, OSKAR)


# ---- spans: which marks pair ----------------------------------------------------------

SPANS = [
    ('"We will open the new port next spring," she said.', ["We will open the new port next spring,"]),
    ("“We will open the new port next spring,” she said.", ["We will open the new port next spring,"]),
    ("«We will open the new port next spring», she said.", ["We will open the new port next spring"]),
    # an inner “word” stays inside the outer quotation
    ("“This deal gives the “historic” partnership real weight,” he said.",
     ["This deal gives the “historic” partnership real weight,"]),
    # apostrophes inside words are not marks
    ("“It’s the town’s best chance in years,” she said.", ["It’s the town’s best chance in years,"]),
    ("\"It's what the F.B.I.'s agents want,\" he said.", ["It's what the F.B.I.'s agents want,"]),
    # inner single quotes stay inside
    ("“They keep calling it ‘the plan.’ It is no plan at all,” he said.",
     ["They keep calling it ‘the plan.’ It is no plan at all,"]),
    # two straight apostrophes stand for a double mark
    ("''The port is ours again,'' he said. ''It's been a long wait.''",
     ["The port is ours again,", "It's been a long wait."]),
    # a quotation still open at the paragraph's end runs to the end
    ("“The first part of a long statement goes here", ["The first part of a long statement goes here"]),
    ("No quotation marks at all in this sentence.", []),
]


@pytest.mark.parametrize("paragraph, expected", SPANS)
def test_spans(paragraph: str, expected: list[str]) -> None:
    assert [s.text(paragraph) for s in find_spans(paragraph)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Long Road Home", True),
    ("Songs of the Northern Harbour", True),
    ("We will never give up the fight,", False),
    ("Bread, Butter and Salt", False),  # inner comma: could be speech, keep it
])
def test_is_title(text: str, expected: bool) -> None:
    assert is_title(text) is expected


# ---- speakers --------------------------------------------------------------------------

ATTRIBUTION = [
    # attribution after, surname resolved to the full name
    (("“The harbour will be dredged before the winter storms,” Quillfeather said.",),
     [("The harbour will be dredged before the winter storms,", "Marta Quillfeather")]),
    # inverted "said X"
    (("“The harbour will be dredged before the winter storms,” said Marta Quillfeather.",),
     [("The harbour will be dredged before the winter storms,", "Marta Quillfeather")]),
    # attribution before, with a colon
    (("Brennholt told the crowd: “We will not accept a single job cut this year.”",),
     [("We will not accept a single job cut this year.", "Oskar Brennholt")]),
    # a split quotation: both parts, same speaker
    (("“We asked for talks in March,” Brennholt said, “and nobody answered our letters.”",),
     [("We asked for talks in March,", "Oskar Brennholt"),
      ("and nobody answered our letters.", "Oskar Brennholt")]),
    # a pronoun: the person last named as a subject
    (("Marta Quillfeather met the mayor on Monday.",
      "“We have the money and we have the plans ready,” she said."),
     [("We have the money and we have the plans ready,", "Marta Quillfeather")]),
    # a pronoun: the main clause's subject, not the subject of the clause it reports
    (("Quillfeather said Brennholt \"wasted every chance to settle the dispute.\"",
      "\"He is the last man who should lead the talks on Monday,\" she said."),
     [("wasted every chance to settle the dispute.", "Marta Quillfeather"),
      ("He is the last man who should lead the talks on Monday,", "Marta Quillfeather")]),
    # a pronoun after a sentence without a subject: the person it introduces
    (("Brennholt spoke first at the meeting.",
      "Enter Ms. Quillfeather, the harbour commissioner, who had waited all morning.",
      "“We will open the new port next spring,” she said."),
     [("We will open the new port next spring,", "Marta Quillfeather")]),
    # a standalone paragraph continues the previous speaker
    (("“The strike starts at dawn on Friday,” Brennholt said.",
      "“Every crane on the quay will stand still until then.”"),
     [("The strike starts at dawn on Friday,", "Oskar Brennholt"),
      ("Every crane on the quay will stand still until then.", "Oskar Brennholt")]),
    # a description matched to one person's role
    (("Marta Quillfeather opened the new terminal.", "Oskar Brennholt watched from the quay.",
      "“Ships will dock here from the first of May,” the harbour commissioner added."),
     [("Ships will dock here from the first of May,", "Marta Quillfeather")]),
    # any reporting verb
    (("“The vote was rigged from the very start,” Brennholt tweeted on Sunday.",),
     [("The vote was rigged from the very start,", "Oskar Brennholt")]),
    # a partial quotation inside reported speech
    (("Quillfeather said the port would need “at least three more years of work.”",),
     [("at least three more years of work.", "Marta Quillfeather")]),
    # "according to" a person
    (("The port “will not be sold to any foreign buyer,” according to Brennholt.",),
     [("will not be sold to any foreign buyer,", "Oskar Brennholt")]),
    # a quotation over two paragraphs: the cue in the second names the speaker of both
    (("“The first part of a long statement about the port goes here.",
      "“And the second part finishes the statement at last,” Brennholt said."),
     [("The first part of a long statement about the port goes here.", "Oskar Brennholt"),
      ("And the second part finishes the statement at last,", "Oskar Brennholt")]),
    # "— Name, title" after the quotation
    (("“The ships will come back to this harbour one day.” — Marta Quillfeather, commissioner",),
     [("The ships will come back to this harbour one day.", "Marta Quillfeather")]),
    # a question with the cue after it
    (("“Why would anyone build a port in a place like this?” asked Quillfeather.",),
     [("Why would anyone build a port in a place like this?", "Marta Quillfeather")]),
    # reported speech in the previous paragraph names who goes on speaking
    (("Brennholt said the talks had failed.", "“There is nothing left to discuss with them now.”"),
     [("There is nothing left to discuss with them now.", "Oskar Brennholt")]),
    # "she" skips a man named last: Mr./Ms. tell the gender
    (("Ms. Quillfeather arrived first. Then Mr. Brennholt took the stage.",
      "“We will rebuild the quay stone by stone,” she said."),
     [("We will rebuild the quay stone by stone,", "Marta Quillfeather")]),
    # a sentence-final quotation followed by a bare cue
    (("“The vote is now over for good.” Brennholt said.",), [("The vote is now over for good.", "Oskar Brennholt")]),
    # "issued a statement saying": the one who issued it speaks
    (("Brennholt issued a statement saying the port was “a disgrace to every worker in this town.”",),
     [("a disgrace to every worker in this town.", "Oskar Brennholt")]),
    # the object of "told" is the listener, not the speaker
    (("Brennholt told Quillfeather that “the workers have waited long enough for this.”",),
     [("the workers have waited long enough for this.", "Oskar Brennholt")]),
    # a participle whose subject the parse lost: the sentence's first subject, named in apposition
    ((("On Friday the aide, Marta Quillfeather, who has many followers online and was a spokeswoman "
       "for the port, wrote a letter to Oskar Brennholt on her Facebook page, saying they should "
       "“stop pretending the docks are safe for anyone.”"),),
     [("stop pretending the docks are safe for anyone.", "Marta Quillfeather")]),
    # a name in apposition to a subject is what a later pronoun refers to
    (("The commissioner, Marta Quillfeather, met the council.",
      "“We will dredge the harbour before the storms arrive,” she said."),
     [("We will dredge the harbour before the storms arrive,", "Marta Quillfeather")]),
    # of two subjects the parse gives one verb, the nearest speaks
    (("No wonder Brennholt said, and I quote, “the docks will never be sold to anyone.”",),
     [("the docks will never be sold to anyone.", "Oskar Brennholt")]),
    # the words between two quotations attribute the first; the second continues it
    ((("“The port was busier than ever that year,” said Marta Quillfeather, who was there and "
       "recalled Brennholt's habit of shouting at the crews. “There was a lot of noise on the quay.”"),),
     [("The port was busier than ever that year,", "Marta Quillfeather"),
      ("There was a lot of noise on the quay.", "Marta Quillfeather")]),
    # a label of names before a colon, with the outlet after the name, or after a dash
    (("Marta Quillfeather, Harbour Weekly: “The dredging was the best decision of the decade.”",),
     [("The dredging was the best decision of the decade.", "Marta Quillfeather")]),
    (("Commissioners agree - Oskar Brennholt: “The dredging was the best decision of the decade.”",),
     [("The dredging was the best decision of the decade.", "Oskar Brennholt")]),
    # a dash attribution with a horizontal bar (U+2015), spaced or glued to the name
    (("“The ships will come back to this harbour one day.” ― Marta Quillfeather",),
     [("The ships will come back to this harbour one day.", "Marta Quillfeather")]),
    (("“The ships will come back to this harbour one day.” ―Marta Quillfeather",),
     [("The ships will come back to this harbour one day.", "Marta Quillfeather")]),
    # a description before the name
    (("“The ships will come back to this harbour one day,” said harbour resident Marta Quillfeather.",),
     [("The ships will come back to this harbour one day,", "Marta Quillfeather")]),
    # a sentence closed by ", Name said." is all Name's report, whatever verb comes before the quotation
    ((("It was Quillfeather who informed the harbour board that the port was “moving in a different "
       "direction from now on” from the way it had been run, Brennholt said."),),
     [("moving in a different direction from now on", "Oskar Brennholt")]),
    # a passive question: the one asking speaks
    (("Quillfeather was asked by Brennholt, “Why would anyone build a port in a place like this?”",),
     [("Why would anyone build a port in a place like this?", "Oskar Brennholt")]),
    # a double space between the name and its verb
    (("“The docks will be closed for the whole of the winter,” Brennholt  said on Monday.",),
     [("The docks will be closed for the whole of the winter,", "Oskar Brennholt")]),
    # any verb right after a quotation, with the name as its subject
    (("“Why is this harbour still closed to every fishing boat?” Brennholt demanded.",),
     [("Why is this harbour still closed to every fishing boat?", "Oskar Brennholt")]),
    (("“We will dredge the harbour before the storms arrive,” Quillfeather went on.",),
     [("We will dredge the harbour before the storms arrive,", "Marta Quillfeather")]),
    # a paragraph that is one quotation, attributed by a dash line opening the next paragraph
    (("The commission met on Monday.", "“The idea that we would sell the docks is just not accurate.”",
      "- Quillfeather.", "She exaggerates the point."),
     [("The idea that we would sell the docks is just not accurate.", "Marta Quillfeather")]),
    (("The commission met on Monday.", "“The idea that we would sell the docks is just not accurate.”",
      "-Commissioner Marta Quillfeather, speaking after the vote."),
     [("The idea that we would sell the docks is just not accurate.", "Marta Quillfeather")]),
    # a noun subject with a name set off by a comma: the name speaks
    (("“It may have been the port's first attempt to make its own statement,” said his best friend "
      "at the union, Oskar Brennholt, who remembered the day.",),
     [("It may have been the port's first attempt to make its own statement,", "Oskar Brennholt")]),
    # a quotation set off by dashes right after a person's name, in a sentence whose noun subject speaks
    (("A chorus of harbour owners has said the same thing, including the commissioner Marta Quillfeather -- "
      "“The docks must be dredged before the storms of winter arrive” -- and several captains.",),
     [("The docks must be dredged before the storms of winter arrive", "Marta Quillfeather")]),
    # a participle hung on a reported clause whose subject is a common noun: the reporter's
    (("Brennholt said the harbour's situation reminds him of an old book about shipwrecks, explaining, "
      "“because what could have been was lost, and there are certain tragic sides to it.”",),
     [("because what could have been was lost, and there are certain tragic sides to it.", "Oskar Brennholt")]),
    (("Quillfeather also wrote the agents knew to brace for the storms, saying, “They did not happen every "
      "day, but behind closed doors we learned about them fast.”",),
     [("They did not happen every day, but behind closed doors we learned about them fast.", "Marta Quillfeather")]),
    # a subjectless participle after an earlier quotation of the sentence: the sentence's subject
    (("Brennholt hardly clarified the matter, treating it first as praise -- “That makes me very smart "
      "indeed” -- and, when questioned after the debate, asserting, “Of course, I pay my harbour fees.”",),
     [("That makes me very smart indeed", "Oskar Brennholt"),
      ("Of course, I pay my harbour fees.", "Oskar Brennholt")]),
    # ... also when the earlier quotation is too short to count: its "That" is no speaker
    (("Brennholt hardly clarified the matter, treating it first as praise -- “That makes me smart” -- "
      "and, when questioned after the debate, asserting, “Of course, I pay my harbour fees.”",),
     [("Of course, I pay my harbour fees.", "Oskar Brennholt")]),
    # a name between a relative pronoun and its verb is the clause's subject, not the antecedent
    (("Much of the anger was directed at Brennholt, who Quillfeather on Wednesday called “a reckless and "
      "careless steward of the harbour.”",),
     [("a reckless and careless steward of the harbour.", "Marta Quillfeather")]),
    # a reporting verb in a relative clause about a thing is no cue; the one named after it speaks
    (("“If the board obtains more records, it intends to search them for contracts” that would respond to "
      "the union's requests, harbour counsel Marta Quillfeather wrote in a filing.",),
     [("If the board obtains more records, it intends to search them for contracts", "Marta Quillfeather")]),
    # what a named person's dictum, answer or message was
    (("Commissioner Quillfeather's dictum to the new harbour pilots (repeated to me over the years) was, "
      "“No tide waits for a pilot who sleeps.”",),
     [("No tide waits for a pilot who sleeps.", "Marta Quillfeather")]),
    # words of someone unnamed inside what a named person reports: that person's account
    (("Marta Quillfeather, the harbour commissioner, wrote in her 2014 book about a colleague on the board "
      "who pinched her arm and told her, “I like my commissioners quiet and grateful!”",),
     [("I like my commissioners quiet and grateful!", "Marta Quillfeather")]),
    # a dash line signed by someone the persons missed, a title glued to the dash
    (("“The idea that we would sell the docks is just not accurate.”",
      "-Governor Ulfhild, tweeting after the vote."),
     [("The idea that we would sell the docks is just not accurate.", "Ulfhild")]),
]


@pytest.mark.parametrize("paragraphs, expected", ATTRIBUTION)
def test_attribution(nlp, paragraphs: tuple[str, ...], expected: list) -> None:
    assert quotes_of(nlp, *paragraphs, persons=PEOPLE) == expected


NOT_ATTRIBUTED = [
    # a noun subject whose name is not set off by a comma ("for Brennholt" is whom it works for)
    ("“The union will not accept the offer in its current form,” said a spokesman for the union.",),
    # an organisation speaks: no person
    ("“The harbour will stay closed until further notice,” the port authority said.",),
    # no cue and no one to continue
    ("“Nobody knows what the tides will bring us next,” reads the sign at the gate.",),
    # a pronoun with no one named before it
    ("“We will fight this decision in every court of the land,” she said.",),
    # a description no role matches
    ("“The tide tables will change after the dredging,” a spokesman said.",),
    # a description whose modifier fits no one's role ("union leader" is not a "port leader")
    ("Marta Quillfeather spoke.", "“We will never sell the docks to anyone at all,” the port leader added."),
    # an organisation's statement continued in a standalone paragraph
    ("The union issued a statement.", "“We reject the offer in its entirety and will strike.”"),
]


@pytest.mark.parametrize("paragraphs", NOT_ATTRIBUTED)
def test_left_unattributed(nlp, paragraphs: tuple[str, ...]) -> None:
    found = quotes_of(nlp, *paragraphs, persons=PEOPLE)
    assert len(found) == 1 and found[0][1] is None, found


def test_surname_that_is_a_word_as_subject(nlp) -> None:
    """"Will described Trump as a “...”": the model reads the surname as an auxiliary, leaving
    the verb without a subject; the surname of a person of the article is the subject."""
    will, other = person("George Will", "Will"), person("Donald Trump", "Trump")
    found = quotes_of(nlp, "George Will wrote a column about Donald Trump.",
                      "From his call for a federal force, Will described Trump as a “caricature of democracy's "
                      "most embarrassing possibilities” in the piece.", persons=(will, other))
    assert found == [("caricature of democracy's most embarrassing possibilities", "George Will")]


def test_surname_that_is_a_word_before_a_verb_read_as_a_noun(nlp) -> None:
    """"which Will claims affirmed “...”": the model reads "Will" as an auxiliary and "claims" as
    the subject noun; the surname of a person of the article right before it is the speaker."""
    will, other = person("George Will", "Will"), person("Chris Christie", "Christie")
    found = quotes_of(nlp, "George Will wrote a column about Chris Christie.",
                      "Will had praise for the speech in Orlando, which Will claims affirmed “the foundational "
                      "conservative belief in the sovereignty of nationhood.”", persons=(will, other))
    assert found == [("the foundational conservative belief in the sovereignty of nationhood.", "George Will")]


def test_sentence_closed_by_inverted_report(nlp) -> None:
    """“...,” agreeing to disagree, says commissioner Jane Roe.: the closing ", says <name>." is
    the cue, not the reporting verb the clause starts with (which names no one)."""
    article = make_article("It may be saying something like, “We've got to take this one day at a time,” agreeing "
                           "to disagree on a subject or offering your own tips, says psychologist Marta Quillfeather.")
    quotes = find_quotes(article, parse(nlp, article), PEOPLE)
    assert [(q.speaker, q.cue) for q in quotes] == [("Marta Quillfeather", "says")]


def test_speaker_known_as(nlp) -> None:
    """"said the base chief known as Bob": the name the described speaker goes by, as given
    (one word, never named in full); a name after "as" that no naming verb gives is not one."""
    known = quotes_of(nlp, "“There never was any order to stand down that night,” said the base chief known as "
                      "Bob, speaking publicly for the first time.", persons=())
    assert known == [("There never was any order to stand down that night,", "Bob")]
    served = quotes_of(nlp, "“There never was any order to stand down that night,” said the base chief who served "
                       "as Bob's deputy.", persons=())
    assert served == [("There never was any order to stand down that night,", None)]


def test_colon_clause_top_verb_is_the_sentence_root(nlp) -> None:
    """"Roe tweeted back at Doe pointing out ... a man who promised reform: “...”": the clause's
    top verb (the sentence's root, whose head is itself) names the speaker, not the relative
    clause's verb next to the colon."""
    article = make_article("Marta Quillfeather tweeted back at Brennholt pointing out how ironic the statement was "
                           "coming from a man who promised cheaper harbour fees: “Uh.. your unrealistic proposal "
                           "is to spend billions on dredging to rip the old docks apart.”")
    quotes = find_quotes(article, parse(nlp, article), PEOPLE)
    assert [(q.speaker, q.cue) for q in quotes] == [("Marta Quillfeather", "tweeted")]


def test_cue_deep_in_infinitives(nlp) -> None:
    """"Roe said he planned to use the money to fight violence and to counter “...”": a reporting
    verb five heads below the clause with a subject still finds it ("he"). Hand-made parse."""
    from spacy.tokens import Doc

    from generator.extract.quotes.cues import subject_of
    words = "Roe said he planned to use money to fight violence and to counter rhetoric .".split()
    heads = [1, 1, 3, 1, 5, 3, 5, 8, 5, 8, 9, 12, 9, 12, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "aux", "xcomp", "dobj", "aux", "xcomp", "dobj", "cc",
            "aux", "conj", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    subject = subject_of(doc[12], [False] * len(doc))
    assert subject is not None and subject.text == "he"


ORGANISATION_SPEAKERS = [
    # "according to" a news agency cites a source: the person the sentence is about speaks
    (("Wei Fenghe met his counterpart in Moscow on Tuesday to “let the Americans know about the close "
      "ties between the two armed forces,” according to the Associated Press.",),
     [("let the Americans know about the close ties between the two armed forces,", "Wei Fenghe")]),
    # a named organisation as the cue's subject speaks under its name, without "the"
    (("“We will not comment on the ongoing case at all,” Goldman Sachs said in a statement.",),
     [("We will not comment on the ongoing case at all,", "Goldman Sachs")]),
    # "the" before an outlet's name right after the quotation, with a verb that only reports there
    (("The four exemptions he cited are “the ability to use real estate losses to offset other income,” "
      "The Hill reported.",),
     [("the ability to use real estate losses to offset other income,", "Hill")]),
    (("But as The Hill pointed out, “Still, the mayor has so far declined to release any tax returns.”",),
     [("Still, the mayor has so far declined to release any tax returns.", "Hill")]),
]


@pytest.mark.parametrize("paragraphs, expected", ORGANISATION_SPEAKERS)
def test_organisation_speakers(nlp, paragraphs: tuple[str, ...], expected: list) -> None:
    quotes = find_quotes(make_article(*paragraphs), parse(nlp, make_article(*paragraphs)), PEOPLE)
    assert [(q.text, q.speaker) for q in quotes] == expected
    assert all(q.confidence < 0.95 for q in quotes)  # less sure than a person a cue names


NOT_QUOTES = [
    "The mayor called the plan “a mistake” and left.",  # a short scare quote
    "Critics say the “new era” is nothing of the kind.",
    "She starred in “The Long Road Home” last year.",  # a title of a work
]


@pytest.mark.parametrize("paragraph", NOT_QUOTES)
def test_not_quotes(nlp, paragraph: str) -> None:
    assert quotes_of(nlp, paragraph, persons=PEOPLE) == []


def test_name_not_among_persons_is_used_only_when_it_is_a_person(nlp) -> None:
    found = quotes_of(nlp, "“The bridge is safe for every kind of traffic,” said Ms. Ravensdale.",
                      persons=())
    assert found == [("The bridge is safe for every kind of traffic,", "Ms. Ravensdale")]


SURNAME_MISLABELLED = [
    # the lone surname is tagged as an organisation, but the article names the person in full
    (("Ingrid Vasquelle, a shipping magnate from the north, said the port was doomed.",
      "“The docks will never recover from this winter,” Vasquelle said."), "Ingrid Vasquelle"),
    # never written in full: no evidence it is a person
    (("“The docks will never recover from this winter,” Vasquelle said.",), None),
    # the word also names a place elsewhere, never a person: stays unattributed
    (("The Ministry of Ports in Vasquelle posted record losses.",
      "“The docks will never recover from this winter,” Vasquelle said."), None),
    # the fuller name elsewhere is an organisation
    (("Kestrel Shipping Company posted record losses on Tuesday.",
      "“The docks will never recover from this winter,” Kestrel said."), None),
]


@pytest.mark.parametrize("paragraphs, speaker", SURNAME_MISLABELLED)
def test_surname_not_among_persons(nlp, paragraphs: tuple[str, ...], speaker: str | None) -> None:
    found = quotes_of(nlp, *paragraphs, persons=())
    assert found == [("The docks will never recover from this winter,", speaker)]


PETRA = person("Petra Waters", "Waters")
LENA = person("Lena Hartwell", "Hartwell")

SENTENCE_OPENING_SURNAME = [
    # "Waters" opening a sentence is tagged a common noun: still the pronoun's antecedent
    (("Petra Waters spoke first. Lena Hartwell has pledged to act as well.",
      "Waters promised Sunday at a rally to end the tolls. She repeated that promise on Monday, "
      "saying she would order the agency “to stop charging drivers at the bridge” this year."),
     [("to stop charging drivers at the bridge", "Petra Waters")]),
    # a capitalised common noun that names no person is no antecedent
    (("Petra Waters spoke first, and Lena Hartwell answered her.",
      "Rivers rose on Sunday across the valley. She repeated on Monday that the town would "
      "“find new work for every single person laid off.”"),
     [("find new work for every single person laid off.", "Lena Hartwell")]),
]


@pytest.mark.parametrize("paragraphs, expected", SENTENCE_OPENING_SURNAME)
def test_sentence_opening_surname_is_a_subject(nlp, paragraphs: tuple[str, ...], expected: list) -> None:
    assert quotes_of(nlp, *paragraphs, persons=(PETRA, LENA)) == expected


def test_repeated_quote_is_found_twice(nlp) -> None:
    text = "“We came here to help the fishermen of this coast,” Brennholt said."
    assert len(quotes_of(nlp, text, text, persons=PEOPLE)) == 2


# ---- for the site ----------------------------------------------------------------------


def test_quote_key_ignores_typography() -> None:
    assert quote_key("“It’s done,” he said") == quote_key('"it\'s DONE," He said')
    assert quote_key("It is done") != quote_key("It is not done")


def make_quote(text: str, speaker: str | None, paragraph: int) -> Quote:
    return Quote(text=text, speaker=speaker, cue="said", confidence=0.9, paragraph=paragraph)


def test_rank_quotes() -> None:
    quotes = [
        make_quote("short one from Marta here", "Marta", 0),
        make_quote("a much longer quote from Oskar about the port", "Oskar", 1),
        make_quote("a longer quote from Marta about the harbour works", "Marta", 2),
        make_quote("an unattributed quote of some length here", None, 3),
        make_quote("a longer quote from Marta about the harbour works", "Marta", 4),  # a repeat
    ]
    ranked = rank_quotes(quotes, limit=3)
    assert [q.paragraph for q in ranked] == [2, 1, 0]
    assert rank_quotes(quotes, limit=1)[0].speaker == "Marta"
    assert rank_quotes([], limit=3) == []


# ---- names the persons list gets wrong or shares -------------------------------------------

SANDRA = person("Sandra Pellwick", "Pellwick")
SANDY = person("Sandy Pellwick", "Pellwick")
SHARED_AND_GLUED = [
    # two persons share the surname: the one the passage has named so far speaks
    (("Sandra Pellwick has run the bakery on Main Street for thirty years.",
      "“We have never seen a winter this quiet in all our years,” Pellwick said.",
      "Her niece Sandy Pellwick joined the business last spring."),
     (replace(SANDRA, paragraphs=(0, 1)), replace(SANDY, paragraphs=(2,))),
     "Sandra Pellwick"),
    # neither named before the quote: no way to choose
    (("“We have never seen a winter this quiet in all our years,” Pellwick said.",
      "Sandra Pellwick and Sandy Pellwick run the bakery."),
     (replace(SANDRA, paragraphs=(1,)), replace(SANDY, paragraphs=(1,))),
     None),
    # a surname is the person whose surname it is, not the first word of a headline's "Gorka Slam"
    (("“We have never seen a winter this quiet in all our years,” Gorka declared.",),
     (person("Gorka Slam", "Gorka"), person("Sebastian Gorka", "Gorka")),
     "Sebastian Gorka"),
]


@pytest.mark.parametrize("paragraphs, persons, speaker", SHARED_AND_GLUED)
def test_shared_or_glued_names(nlp, paragraphs: tuple[str, ...], persons: tuple[Mention, ...],
                               speaker: str | None) -> None:
    assert quotes_of(nlp, *paragraphs, persons=persons)[0] == (
        "We have never seen a winter this quiet in all our years,", speaker)


def test_shared_surname_left_to_the_ranker_stays_in_the_family(nlp) -> None:
    # the passage names both Pellwicks in full: the ranker decides, but only between them
    article = make_article("Sandra Pellwick opened the door to Oskar Brennholt on Monday. Sandy Pellwick made tea.",
                           "Brennholt stayed for an hour and talked about the harbour.",
                           "“We have never seen a winter this quiet in all our years,” Pellwick said.")
    persons = (replace(SANDRA, paragraphs=(0,)), replace(SANDY, paragraphs=(0,)),
               replace(OSKAR, paragraphs=(0, 1)))
    [quote] = find_quotes(article, parse(nlp, article), persons)
    assert quote.speaker in ("Sandra Pellwick", "Sandy Pellwick") and quote.confidence < LOW_CONFIDENCE


def test_lone_first_name_speaks_as_written(nlp) -> None:
    found = quotes_of(nlp, "“There never was an order to stand down that night,” Bob said.", persons=())
    assert found == [("There never was an order to stand down that night,", "Bob")]


# ---- the ranker: quotations no cue attributes --------------------------------------------------

def test_ranker_gives_an_uncued_quotation_to_the_person_named_nearby(nlp) -> None:
    article = make_article("Oskar Brennholt spoke to the harbour council for an hour on Monday.",
                           "“Every crane on the quay will stand still until the spring.”")
    doc = parse(nlp, article)
    [quote] = find_quotes(article, doc, PEOPLE)
    assert quote.speaker == "Oskar Brennholt"
    assert 0 < quote.confidence < LOW_CONFIDENCE  # shown as unsure


def test_ranker_decides_when_the_cue_reports_something_else(nlp) -> None:
    # the clause after the quotation reports something else: no cue, but Brennholt is named right there
    article = make_article("“The vote is now over for good.” Brennholt said.he would appeal.")
    [quote] = find_quotes(article, parse(nlp, article), PEOPLE)
    assert (quote.speaker, quote.cue) == ("Oskar Brennholt", None) and quote.confidence < LOW_CONFIDENCE


def test_ranker_leaves_a_quotation_alone_when_no_person_is_named(nlp) -> None:
    assert quotes_of(nlp, "The council met for an hour on Monday.",
                     "“Every crane on the quay will stand still until the spring.”", persons=()) == [
        ("Every crane on the quay will stand still until the spring.", None)]


def test_ranker_file_matches_its_features() -> None:
    assert len(ranker.weights()) == len(ranker.FEATURES)


@pytest.mark.parametrize("candidate, gold, aliases, same", [
    ("Hillary Clinton", "Clinton", [], True),
    ("Mr. Trump", "Donald J. Trump", [], True),
    ("Bill Clinton", "Hillary Clinton", [], False),
    ("Gorka Slam", "Sebastian Gorka", [], False),
    ("Bob", "Robert Smith", ["Bob"], True),
])
def test_training_labels_match_names_as_the_scorer_does(candidate: str, gold: str, aliases: list[str],
                                                       same: bool) -> None:
    assert same_speaker(candidate, gold, aliases) is same


def test_surname_that_is_a_title_word(nlp) -> None:
    # "King" is a title too, but as the last word of a name it is the surname
    found = quotes_of(nlp, "Charlie King runs the voter drive.",
                      "“If the surge vote drops off, we lose sixty electoral votes,” Mr. King said.",
                      persons=(person("Charlie King", "Mr. King"),))
    assert found == [("If the surge vote drops off, we lose sixty electoral votes,", "Charlie King")]


def test_surname_glued_to_caption_words_is_shown_as_written(nlp) -> None:
    # the persons list took "Brennholt Speech" from a Title Case caption; the prose writes "Mr. Brennholt"
    found = quotes_of(nlp, "[Video: Commissioner Brennholt Speech At The Harbour Board Meeting]",
                      "“We will not accept a single job cut this year,” Mr. Brennholt said.",
                      persons=(person("Brennholt Speech", "Brennholt", "Mr. Brennholt"),))
    assert found == [("We will not accept a single job cut this year,", "Brennholt")]


def test_name_glued_to_headline_words_is_shown_as_written(nlp) -> None:
    # the persons list took "Oskar Brennholt Slams" from a Title Case headline kept in the body
    found = quotes_of(nlp, "Oskar Brennholt Slams The Port Deal In Angry Speech",
                      "Oskar Brennholt spoke at the harbour on Monday.",
                      "“We will not accept a single job cut this year,” Brennholt said.",
                      persons=(person("Oskar Brennholt Slams", "Brennholt"),))
    assert found == [("We will not accept a single job cut this year,", "Oskar Brennholt")]


def test_ranker_keeps_to_the_pronouns_gender(nlp) -> None:
    # no clause subject names anyone, so "she" has no antecedent: the ranker decides, but never for a man
    article = make_article("The harbour board thanked Ms. Quillfeather and then Mr. Brennholt on Monday.",
                           "“We will rebuild the quay stone by stone, whatever it costs,” she wrote.")
    [quote] = find_quotes(article, parse(nlp, article), PEOPLE)
    assert quote.speaker == "Marta Quillfeather" and quote.confidence < LOW_CONFIDENCE


def test_namesakes_kept_apart_speak_as_written(nlp) -> None:
    """Person extraction keeps "Mr. Brennholt" apart from "Ilse Brennholt": his words stay his,
    and his title gives no gender to her."""
    father, daughter = person("Brennholt", "Mr. Brennholt"), person("Ilse Brennholt", "Ilse")
    found = quotes_of(nlp, "“The quay will close at noon on every Sunday,” Mr. Brennholt said.",
                      persons=(father, daughter))
    assert found == [("The quay will close at noon on every Sunday,", "Brennholt")]
    found = quotes_of(nlp, "“We will sail on the first day of the summer,” Ilse Brennholt said.",
                      persons=(father, daughter))
    assert found == [("We will sail on the first day of the summer,", "Ilse Brennholt")]


# ---- speakers the model mislabels, or writes around ----------------------------------------------

QUAY = "The quay will stay open to every fishing boat this winter,"
WRITTEN_AROUND = [
    # the name after a reporting verb that opens the clause, past a description and an age
    ((f"“{QUAY}” said harbour resident Lars Vindeby, 29, of Eastport.",), (), "Lars Vindeby"),
    ((f"“{QUAY}” mused radio co-host Lars Vindeby.",), (), "Lars Vindeby"),
    # ... not a name that only qualifies the speaker
    ((f"“{QUAY}” said Marta Quillfeather of Harbour Partners.",), PEOPLE, "Marta Quillfeather"),
    # written fuller than the persons list has it
    ((f"“{QUAY}” said Marta Quillfeather.",), (person("Quillfeather"),), "Quillfeather"),
    # a campaign, lawyers, an office speak for the person they belong to
    ((f"Brennholt's campaign answered on Monday, saying “{QUAY}”",), PEOPLE, "Oskar Brennholt"),
    ((f"Lawyers for Brennholt wrote to the board that “{QUAY}”",), PEOPLE, "Oskar Brennholt"),
    # a clause ending in a colon: its main subject speaks, not a reporting clause inside it
    ((f"When Quillfeather suggested the port would close, Brennholt fired back: “{QUAY}”",),
     PEOPLE, "Oskar Brennholt"),
    ((f"Oskar Brennholt delivered a blunt message to Quillfeather: “{QUAY}”",), PEOPLE, "Oskar Brennholt"),
    # a lone surname labelled an organisation is the unlabelled full name written elsewhere
    (("Harbour Weekly's Teodor Vasquelle said the port was doomed.", f"“{QUAY}” Vasquelle wrote."),
     (), "Teodor Vasquelle"),
    # the name opening the clause speaks, not another's in its apposition
    ((f"“{QUAY}” Marta Quillfeather, a top outside Brennholt adviser, said at a harbour event in May.",),
     PEOPLE, "Marta Quillfeather"),
    # a clause after the quotation that reports something else of its own does not attribute it
    (("Ms. Quillfeather runs the port.",
      f"Mr. Brennholt, the union leader, said the footage did not give “{QUAY}” but she said that "
      "the board would meet again."), PEOPLE, "Oskar Brennholt"),
    # nor does a reporting verb closing the next sentence
    (("Ms. Quillfeather runs the port.",
      f"Mr. Brennholt, the union leader, suggested that the port's woes came from “{QUAY[:-1]}.” "
      "But she works on a different principle, she said."), PEOPLE, "Oskar Brennholt"),
    # a main clause's verb right before the comma that opens the quotation
    ((f"After Quillfeather criticized the union, Brennholt shot back, “{QUAY}” and left.",),
     PEOPLE, "Oskar Brennholt"),
    # a name before an aside set off by commas, not the one inside it
    ((f"The issue came up on Friday after Mr. Brennholt, asked about the claims made by Ms. Quillfeather, "
      f"had said, “{QUAY}”",), PEOPLE, "Oskar Brennholt"),
    # capitalised words the article also writes in lower case are no one's name
    (("The harbour has a common cause with the town.", f"“{QUAY}” Common Cause said."), (), None),
]


@pytest.mark.parametrize("paragraphs, persons, speaker", WRITTEN_AROUND)
def test_speaker_written_around(nlp, paragraphs: tuple[str, ...], persons: tuple[Mention, ...],
                                speaker: str | None) -> None:
    found = quotes_of(nlp, *paragraphs, persons=persons)
    assert [s for t, s in found if t.startswith("The quay")] == [speaker]


def test_surname_read_as_a_verb_is_the_cue_subject(nlp) -> None:
    # "Will urged": the parse reads the surname as an auxiliary; the cue still names him, surely
    article = make_article("Harbour Weekly's columnist George Will spoke first.",
                           f"Citing the storm as a warning, Will urged the council to keep “{QUAY[:-1]}.”")
    [quote] = find_quotes(article, parse(nlp, article), (person("George Will", "Will"), OSKAR))
    assert (quote.speaker, quote.cue) == ("George Will", "urged") and quote.confidence >= LOW_CONFIDENCE


def test_subordinate_clause_before_a_comma_is_no_cue(nlp) -> None:
    # "When Roe arrived, “...”": the clause sets the scene; only the ranker may guess, unsure
    article = make_article(f"When Brennholt arrived at the quay, “{QUAY}” was painted on the wall.")
    [quote] = find_quotes(article, parse(nlp, article), PEOPLE)
    assert quote.confidence < LOW_CONFIDENCE


# ---- namesakes: a lone surname two persons of the article share ----------------------------------

MARTA_P, OSKAR_P = person("Marta Pellwick", "Pellwick"), person("Oskar Pellwick", "Pellwick")
WINTER = "We have never seen a winter this quiet in all our years,"
UNSURE = "one of them, unsure"
NAMESAKES = [
    # the passage has been about one of them since the other was last named in full
    (("Marta Pellwick and Oskar Pellwick run the bakery on Main Street.", "The shop opened in 1990.",
      "Oskar Pellwick opened a second shop last month.", f"“{WINTER}” Pellwick said."), "Oskar Pellwick"),
    (("Marta Pellwick and Oskar Pellwick run the bakery on Main Street.", "The shop opened in 1990.",
      f"Oskar Pellwick opened a second shop last month. “{WINTER}” Pellwick said."), "Oskar Pellwick"),
    (("Oskar Pellwick opened a second shop last month.", f"“{WINTER}” Pellwick said."), "Oskar Pellwick"),
    # both named in full in the same or the previous paragraph: no clear choice, so the ranker
    # picks one of the two (never anyone else), shown as unsure
    (("Marta Pellwick and Oskar Pellwick run the bakery on Main Street.", f"“{WINTER}” Pellwick said."), UNSURE),
    (("Marta Pellwick runs the bakery on Main Street.", "Oskar Pellwick opened a second shop.",
      f"“{WINTER}” Pellwick said."), UNSURE),
    # "Mr. Pellwick": a paper's way to write the person its story is about, kept as written
    (("Marta Pellwick and Oskar Pellwick run the bakery on Main Street.", "The shop opened in 1990.",
      "Oskar Pellwick opened a second shop last month.", f"“{WINTER}” Ms. Pellwick said."), "Ms. Pellwick"),
    # neither named before the quotation
    ((f"“{WINTER}” Pellwick said.", "Marta Pellwick and Oskar Pellwick run the bakery on Main Street."), None),
]


@pytest.mark.parametrize("paragraphs, speaker", NAMESAKES)
def test_lone_surname_of_namesakes_is_the_one_the_passage_is_about(nlp, paragraphs: tuple[str, ...],
                                                                   speaker: str | None) -> None:
    article = make_article(*paragraphs)
    quotes = find_quotes(article, parse(nlp, article), (MARTA_P, OSKAR_P))
    [quote] = [q for q in quotes if q.text == WINTER]
    if speaker == UNSURE:
        assert quote.speaker in (MARTA_P.name, OSKAR_P.name) and quote.confidence < LOW_CONFIDENCE
        return
    assert quote.speaker == speaker
    if speaker is not None:  # chosen by the passage, not by the name: shown as less sure
        assert quote.confidence < 0.95


# ---- interview transcripts: labelled turns ------------------------------------------------------

INTRO = "Harbour commissioner Marta Quillfeather met union leader Oskar Brennholt on Sunday."
ASK = "Why is the harbour still closed to every fishing boat this winter?"
ANSWER = "We will dredge it before the storms arrive, and then it opens."
AGAIN = "That is what you said last year, and nothing happened at all."
# PolNeAR leaves transcript turns unannotated: reading them lowered train/polnear detection
# precision (0.9789 -> 0.9751), so the reader (commit 937041a) is not shipped; a known gap
NOT_READ = pytest.mark.xfail(strict=True, reason="transcript turns are not read (see commit 937041a)")
TRANSCRIPTS = [
    # a surname label, or the full name, in capitals: that person's words
    pytest.param((INTRO, f"BRENNHOLT: {ASK}", f"QUILLFEATHER: {ANSWER}", f"BRENNHOLT: {AGAIN}"),
                 [(ASK, "Oskar Brennholt"), (ANSWER, "Marta Quillfeather"), (AGAIN, "Oskar Brennholt")],
                 marks=NOT_READ),
    pytest.param((INTRO, f"OSKAR BRENNHOLT: {ASK}", f"MARTA QUILLFEATHER: {ANSWER}", f"OSKAR BRENNHOLT: {AGAIN}"),
                 [(ASK, "Oskar Brennholt"), (ANSWER, "Marta Quillfeather"), (AGAIN, "Oskar Brennholt")],
                 marks=NOT_READ),
    # Q: the interviewer, unnamed; A: the one person the introduction is about
    pytest.param(("Marta Quillfeather sat down with Harbour Weekly this week to talk about the port.",
                  f"Q: {ASK}", f"A: {ANSWER}", f"Q: {AGAIN}", f"A: {ANSWER}"),
                 [(ASK, None), (ANSWER, "Marta Quillfeather"), (AGAIN, None), (ANSWER, "Marta Quillfeather")],
                 marks=NOT_READ),
    # ... and no one when the introduction is about two
    pytest.param(("Marta Quillfeather runs the port. Oskar Brennholt leads the union.",
                  f"Q: {ASK}", f"A: {ANSWER}", f"Q: {AGAIN}", f"A: {ANSWER}"),
                 [(ASK, None), (ANSWER, None), (AGAIN, None), (ANSWER, None)], marks=NOT_READ),
    # fewer than three turns: a kicker and a stray label, no transcript
    ((f"EXCLUSIVE: {ASK}", INTRO, f"BRENNHOLT: {AGAIN}"), []),
    # labels that name no one are no turns
    ((INTRO, f"UPDATE: {ASK}", f"CORRECTION: {ANSWER}", f"BYLINE: {AGAIN}"), []),
]


@pytest.mark.parametrize("paragraphs, expected", TRANSCRIPTS)
def test_transcript_turns_are_quotes_of_their_labels(nlp, paragraphs: tuple[str, ...], expected: list) -> None:
    assert quotes_of(nlp, *paragraphs, persons=PEOPLE) == expected


@NOT_READ
def test_transcript_label_of_a_name_written_in_the_prose(nlp) -> None:
    # not among the persons, but the article writes the name: the label speaks as written
    found = quotes_of(nlp, "Lars Vindeby of Harbour Radio asked the questions.", f"VINDEBY: {ASK}",
                      f"VINDEBY: {AGAIN}", f"VINDEBY: {ASK}", persons=())
    assert [s for _, s in found] == ["Lars Vindeby"] * 3


# person extraction often gives a shared lone surname to one namesake only; that one keeps it.
# Letting the passage override it changed 4 train/polnear articles, 3 for the worse: a paper's
# lone surname is the person its story is about ("Clinton issued", "Trump tweeted", "Manafort
# described"), even right after a relative or a firm was named in full
MARTA_ALIASED, OSKAR_BARE = person("Marta Pellwick", "Pellwick"), person("Oskar Pellwick")
ALIASED_NAMESAKES = [
    pytest.param(("Marta Pellwick and Oskar Pellwick run the bakery on Main Street.", "The shop opened in 1990.",
                  "Oskar Pellwick opened a second shop last month.", f"“{WINTER}” Pellwick said."),
                 ("Oskar Pellwick", 0.6),
                 marks=pytest.mark.xfail(strict=True, reason="the surname's holder speaks: the passage is no surer")),
    # the passage is about the one holding the surname: as before
    (("Marta Pellwick and Oskar Pellwick run the bakery on Main Street.", "The shop opened in 1990.",
      "Marta Pellwick opened a second shop last month.", f"“{WINTER}” Pellwick said."), ("Marta Pellwick", 0.95)),
    # no clear choice: the surname's holder, as before
    (("Marta Pellwick and Oskar Pellwick run the bakery on Main Street.", f"“{WINTER}” Pellwick said."),
     ("Marta Pellwick", 0.95)),
]


@pytest.mark.parametrize("paragraphs, expected", ALIASED_NAMESAKES)
def test_passage_decides_between_namesakes_when_one_holds_the_surname(nlp, paragraphs: tuple[str, ...],
                                                                      expected: tuple[str, float]) -> None:
    article = make_article(*paragraphs)
    quotes = find_quotes(article, parse(nlp, article), (MARTA_ALIASED, OSKAR_BARE))
    assert [(q.speaker, q.confidence) for q in quotes if q.text == WINTER] == [expected]
