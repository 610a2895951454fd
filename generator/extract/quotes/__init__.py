"""Direct quotations and their speakers.

1. spans: pair quote marks in each paragraph (spans.py); keep quotations of five words or
   more that are not titles of works;
2. cues: the reporting verb or phrase right after or before each quotation, and the
   subject it names (cues.py), resolved to one of the article's persons (speakers.py);
   a paragraph that is one quotation may take a dash line opening the next paragraph
   ("- Jane Roe, tweeting after the speech.") and its signature speaks as written when the
   persons miss it; a named organisation as the cue's subject speaks under its name ("Acme
   Shipping said"); words of someone unnamed inside what a named person reports are that
   person's account ("Roe wrote about a colleague who told her, “...”");
3. continuation: a quotation with no cue of its own takes the speaker of the quotation
   it continues: the other part of a split quote, the same quote's earlier paragraph,
   or the previous paragraph's quotation when it stands alone at its paragraph's start;
4. embedding: a partial quotation inside a sentence takes the subject of the clause it
   belongs to, when that subject is a person (a surname that is also a word, "Will",
   read as an auxiliary before the clause's verb, counts);
5. ranking: a quotation steps 2-4 leave without a speaker, and whose cue (if any) does
   not name an organisation or an unnamed someone ("a spokesman said"), goes to the
   likeliest person named nearby (ranker.py, a model fitted by train.py), with a
   confidence below ``report.LOW_CONFIDENCE`` so the page shows it as unsure; a cue
   naming a surname several persons share ("Clinton said") that the passage does not
   settle goes to the likeliest of them, once one of them has been named.

A speaker is a person Mention's name (as the prose writes it: a name glued to headline
words loses them), or a person's name as written when the article's persons missed it,
or None when no named person can be the speaker. Not handled: block quotations without
marks, organisations named by a description only ("the agency said": unattributed; a named
one, "Acme Corp said", speaks under its name; "X's campaign" speaks for X), interview
transcripts without quote marks ("Q:" / "A:", "ROE: ...").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...model import Article, Mention, Quote
from ...nlp import paragraph_starts
from ...patterns import quotes as P
from . import ranker
from .cues import (
    SENTENCE_END,
    after_window,
    before_window,
    cue_after,
    cue_before,
    cue_tail,
    glued_dash,
)
from .spans import QuoteSpan, find_spans, is_title, word_count
from .speakers import Speakers, Who

__all__ = ["by_rules", "find_quotes", "quote_key", "rank_quotes", "spots"]


RELAY_REACH = 4  # heads from an unnamed speaker's noun up to the reporting verb that relays it
ORGANISATION_CONFIDENCE = 0.5  # as sure as a name written only once (speakers.py), less than a known person


@dataclass(frozen=True)
class Located:
    """A quotation in the article: its paragraph, its span there, and token bounds in the Doc."""

    paragraph: int
    span: QuoteSpan
    text: str
    first: int  # Doc index of the opening mark's token
    last: int  # Doc index of the closing mark's token (the last token when open at the end)
    opens_paragraph: bool  # nothing but a bullet before the opening mark


@dataclass(frozen=True)
class Attribution:
    who: Who | None
    cue: str | None
    explicit: bool  # a cue of its own was found (even one naming no person)
    rankable: bool = True  # no cue names someone else: "the agency said", "a spokesman said" do
    pronoun: str | None = None  # the cue's subject when it is "he" or "she"
    among: frozenset[str] = frozenset()  # the namesakes a shared surname leaves to the ranker ("Clinton said")


@dataclass(frozen=True)
class Parsed:
    """One article's Doc with what every step needs: paragraph bounds and quoted tokens."""

    doc: Doc
    body: tuple[str, ...]
    bounds: list[int]  # Doc index of each paragraph's first token, then len(doc)
    in_quote: list[bool]
    speakers: Speakers


def find_quotes(article: Article, doc: Doc, persons: tuple[Mention, ...]) -> tuple[Quote, ...]:
    """Every direct quotation of five words or more, in article order, with its speaker."""
    parsed, located, found = by_rules(article, doc, persons)
    found = _ranked(parsed, located, found)
    return tuple(
        Quote(text=q.text, speaker=parsed.speakers.shown(a.who.name) if a.who else None, cue=a.cue,
              confidence=round(a.who.confidence if a.who else 0.0, 3), paragraph=q.paragraph)
        for q, a in zip(located, found)
    )


def by_rules(article: Article, doc: Doc, persons: tuple[Mention, ...]
             ) -> tuple[Parsed, list[Located], list[Attribution]]:
    """Steps 1-4: the quotations and the speakers their cues, continuations and clauses give."""
    starts = paragraph_starts(article.body)
    token_starts = [t.idx for t in doc]
    located = _locate(article.body, starts, token_starts)
    in_quote = _quoted_tokens(len(doc), located)
    para_of = [min(len(starts) - 1, max(0, bisect_right(starts, t.idx) - 1)) for t in doc]
    bounds = [bisect_left(token_starts, s) for s in starts] + [len(doc)]
    parsed = Parsed(doc, article.body, bounds, in_quote, Speakers(doc, persons, in_quote, para_of, article.body))
    found: list[Attribution] = []
    for k, quote in enumerate(located):
        found.append(_explicit(parsed, quote, (located[k - 1], found[k - 1]) if k else None))
    found = _continue(parsed, located, found)
    found = [a if a.explicit or a.who or not q.opens_paragraph else _reported_before(parsed, q) or a
             for q, a in zip(located, found)]
    return parsed, located, found


# ---- 1. spans ----------------------------------------------------------------------------


def _locate(body: tuple[str, ...], starts: list[int], token_starts: list[int]) -> list[Located]:
    located = []
    for number, paragraph in enumerate(body):
        for span in find_spans(paragraph):
            text = span.text(paragraph).strip()
            if word_count(text) < P.MIN_WORDS or is_title(text):
                continue
            open_at = starts[number] + span.start - 1
            close_at = starts[number] + span.end
            first = max(0, bisect_right(token_starts, open_at) - 1)
            last = max(first, bisect_right(token_starts, close_at if not span.open_end else close_at - 1) - 1)
            bullet = P.BULLET.match(paragraph)  # always matches: every part of the pattern is optional
            lead = paragraph[bullet.end() if bullet else 0:span.start]
            located.append(Located(number, span, text, first, last, not P.WORD.search(lead)))
    return located


def _quoted_tokens(size: int, located: list[Located]) -> list[bool]:
    """True for the tokens of quotations (marks included): never cues, never antecedents."""
    flags = [False] * size
    for quote in located:
        for i in range(quote.first, min(size, quote.last + 1)):
            flags[i] = True
    return flags


# ---- 2. cues -----------------------------------------------------------------------------


def _explicit(parsed: Parsed, quote: Located, previous: tuple[Located, Attribution] | None) -> Attribution:
    """The cue right after or before the quotation, and the person its subject names."""
    doc, body, bounds, in_quote = parsed.doc, parsed.body, parsed.bounds, parsed.in_quote
    floor, limit = bounds[quote.paragraph], bounds[quote.paragraph + 1]
    after = [] if quote.span.open_end else after_window(doc, quote.last + 1, limit, in_quote)
    if not after and quote.opens_paragraph and not quote.span.open_end:
        after = _dash_line(parsed, quote.paragraph + 1)
    before = before_window(doc, quote.first - 1, floor, in_quote)
    if quote.opens_paragraph and quote.paragraph and body[quote.paragraph - 1].rstrip().endswith(":"):
        prev_floor = bounds[quote.paragraph - 1]
        before = before_window(doc, _last_word(doc, floor - 1, prev_floor), prev_floor, in_quote)
    if _attribution_follows(quote, after):
        cue = cue_after(after, in_quote) or cue_before(before, in_quote)
    else:  # a quotation ending a sentence belongs to the clause that leads up to it
        cue = cue_tail(after, in_quote) or cue_before(before, in_quote) or cue_after(after, in_quote, bare=True)
    if cue is None or (cue.side == "before" and _closes_previous(parsed, before, quote, previous)):
        return Attribution(None, None, False)
    who = next((w for t in cue.candidates if (w := parsed.speakers.resolve(t)) is not None), None)
    if who is None and cue.text in P.DASHES and cue.candidates:
        who = parsed.speakers.signed(cue.candidates[0])  # "-President Roe, tweeting": a signature
    if who is None and cue.candidates and _definite_title(cue.candidates[0]):
        who = _same_as_before(quote, previous)  # "the minister added", a role no one was given
    # "according to" a news agency cites a source, not a speaker: the sentence may still name one
    first = cue.candidates[0] if cue.candidates else None
    if who is None and first is not None and (reporter := _relayed_by(first)) is not None:
        who = parsed.speakers.resolve(reporter)
    if who is None and first is not None and cue.text != "according to" and (org := _organisation(parsed, first)):
        return Attribution(Who(org, ORGANISATION_CONFIDENCE), cue.text, True, False)
    among = parsed.speakers.sharing(first) if who is None and first is not None else frozenset()
    return Attribution(who, cue.text, who is not None or cue.text != "according to",
                       first is None or _name_or_pronoun(first) or bool(among),
                       first.lower_ if first is not None and first.lower_ in P.SINGULAR_PRONOUNS else None, among)


def _relayed_by(subject: Token) -> Token | None:
    """"Roe wrote about a colleague who told her, “...”", "Roe told a woman who suggested that
    “...”": words of someone unnamed, inside what a named person reports, are that person's
    account (the reporting verb above the relative clause, and its named subject)."""
    if subject.lower_ not in P.PERSON_RELATIVES or subject.head.dep_ != "relcl":
        return None
    token = subject.head.head
    for _ in range(RELAY_REACH):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.casefold() in P.REPORTING_VERBS:
            named = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return named if named is not None and named.pos_ == "PROPN" else None
    return None


def _dash_line(parsed: Parsed, paragraph: int) -> list[Token]:
    """A paragraph that is one quotation, then "- Jane Roe, tweeting after the speech." as the
    next paragraph: the dash line attributes it (the window of that line, else nothing)."""
    if paragraph + 1 >= len(parsed.bounds):
        return []
    doc, start, end = parsed.doc, parsed.bounds[paragraph], parsed.bounds[paragraph + 1]
    window = after_window(doc, start, end, parsed.in_quote)
    if not window or not (window[0].text in P.DASHES or glued_dash(window[0])):
        return []
    return window


def _organisation(parsed: Parsed, token: Token) -> str | None:
    """"Acme Shipping said", "as The Hill pointed out", "NATO said": a cue whose subject is a
    named organisation quotes the organisation, under its name as written (without "the").
    A lone capitalised word may be a surname the model mislabels ("Roe said"): not one.
    "According to" an organisation cites a source (a news agency), it does not quote it."""
    if token.pos_ != "PROPN" or token.ent_type_ != "ORG":
        return None
    ent = parsed.speakers.ent_of.get(token.i)
    if ent is None:
        return None
    words = [t.text for t in ent if not t.is_punct and t.lower_ != "the" and t.text not in ("'s", "’s")]
    definite = ent[0].lower_ == "the" or (ent.start > 0 and parsed.doc[ent.start - 1].lower_ == "the")
    if len(words) >= 2 or definite or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        return " ".join(words)
    return None


def _name_or_pronoun(token: Token) -> bool:
    """A cue's subject that may stand for a person named nearby: a name or "he"/"she"."""
    if token.lower_ in P.SINGULAR_PRONOUNS:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in P.NON_PERSON_LABELS


def _closes_previous(parsed: Parsed, before: list[Token], quote: Located,
                     previous: tuple[Located, Attribution] | None) -> bool:
    """“A,” said Roe, who recalled the day. “B.”: the words between two quotations of a
    paragraph attribute the first; the second continues it (step 3), whatever verb they hold."""
    if not before or previous is None or previous[0].paragraph != quote.paragraph or previous[1].who is None:
        return False
    if parsed.doc[_last_word(parsed.doc, quote.first - 1, before[0].i)].text not in SENTENCE_END:
        return False  # “A,” he said, only for Roe to write that “B”: the clause leads into B
    i = before[0].i - 1
    while i > 0 and parsed.doc[i].is_space:
        i -= 1
    return parsed.in_quote[i] and previous[0].first <= i <= previous[0].last


def _definite_title(token: Token) -> bool:
    """"the president", "the minister": a title with "the" refers to someone already named."""
    return (token.pos_ == "NOUN" and token.lower_ in P.TITLES and token.lower_ not in P.NEW_PERSON_NOUNS
            and any(c.lower_ == "the" for c in token.children))


def _same_as_before(quote: Located, previous: tuple[Located, Attribution] | None) -> Who | None:
    """The previous quotation's speaker, if it is in this paragraph or the one before."""
    if previous is None or previous[1].who is None or previous[0].paragraph < quote.paragraph - 1:
        return None
    return Who(previous[1].who.name, 0.6)


def _last_word(doc: Doc, i: int, floor: int) -> int:
    while i > floor and doc[i].is_space:
        i -= 1
    return i


def _attribution_follows(quote: Located, after: list) -> bool:
    """“A,” he said / “Why?” she asked / “A” — Smith: the cue comes after the quotation."""
    if not after:
        return False
    end = quote.text.rstrip("'’\"”")[-1:]  # "...not now,'" ends with an inner quote's comma
    dash_name = (len(after) > 1 and after[0].text in P.DASHES and after[1].pos_ == "PROPN") or glued_dash(after[0])
    return end == "," or dash_name or (end in "?!…" and after[0].is_lower)


# ---- 3. continuation, 4. embedding -----------------------------------------------------------


def _continue(parsed: Parsed, located: list[Located], found: list[Attribution]) -> list[Attribution]:
    """Quotations without a cue take the speaker of the quotation they continue."""
    result = list(found)
    for k in range(len(located) - 1, -1, -1):  # later parts first: a paragraph-spanning
        if result[k].explicit or k + 1 >= len(located):  # quote's cue often comes last
            continue
        if located[k].span.open_end and located[k + 1].opens_paragraph and result[k + 1].who:
            result[k] = Attribution(result[k + 1].who, None, False)
    for k, quote in enumerate(located):
        if result[k].explicit or result[k].who or k == 0:
            continue
        prev, attribution = located[k - 1], result[k - 1]
        same = prev.paragraph == quote.paragraph
        follows = prev.paragraph == quote.paragraph - 1 and quote.opens_paragraph
        named = attribution.who.name if attribution.who else ""
        if (same or (follows and not _names_another(parsed.speakers, quote, named))) and attribution.who:
            result[k] = Attribution(Who(attribution.who.name, min(0.8, attribution.who.confidence)), None, False)
    for k, quote in enumerate(located):
        if not result[k].explicit and not result[k].who and not quote.opens_paragraph:
            result[k] = _embedded(parsed, quote) or result[k]
    return result


def _names_another(speakers: Speakers, quote: Located, name: str) -> bool:
    """The quotation's paragraph has another person as a clause subject: no safe continuation."""
    return any(speakers.para_of[i] == quote.paragraph and other != name for i, other in speakers.events)


def _reported_before(parsed: Parsed, quote: Located) -> Attribution | None:
    """“...” opening a paragraph after "Smith said the talks had failed.": Smith speaks on."""
    if quote.paragraph == 0:
        return None
    doc, floor = parsed.doc, parsed.bounds[quote.paragraph - 1]
    last = _last_word(doc, parsed.bounds[quote.paragraph] - 1, floor)
    cue = cue_before(before_window(doc, last, floor, parsed.in_quote), parsed.in_quote)
    who = next((w for t in cue.candidates if (w := parsed.speakers.resolve(t)) is not None), None) if cue else None
    return Attribution(Who(who.name, min(who.confidence, 0.6)), None, False) if who else None


def _embedded(parsed: Parsed, quote: Located) -> Attribution | None:
    """'Smith called the plan “a waste of money and time”': the clause's subject speaks."""
    doc, speakers = parsed.doc, parsed.speakers
    token = doc[min(quote.first + 1, len(doc) - 1)]
    for _ in range(8):
        if not (quote.first <= token.i <= quote.last) or token.head.i == token.i:
            break
        token = token.head
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None and token.pos_ == "VERB":
            subject = _surname_as_word(doc, token)
        if subject is not None and not (quote.first <= subject.i <= quote.last):
            who = speakers.resolve(subject)
            return Attribution(Who(who.name, who.confidence * 0.75), token.text, False) if who else None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _surname_as_word(doc: Doc, verb: Token) -> Token | None:
    """'Will described the plan as “...”': a surname that is also a word ("Will", "Young"),
    parsed as an auxiliary or an adjective right before a subjectless verb, inside a sentence."""
    if verb.i == 0 or doc[verb.i - 1].is_sent_start:
        return None
    word = doc[verb.i - 1]
    if word.pos_ == "PROPN" or not (word.text[:1].isupper() and word.text[1:].islower()):
        return None
    return word


# ---- 5. ranking ----------------------------------------------------------------------------


def spots(mentions: ranker.Mentions, located: list[Located], found: list[Attribution]) -> list[ranker.Spot]:
    """Each quotation as the ranker sees it, with the speakers of its neighbours."""
    def sentences(q: Located) -> frozenset[int]:
        return frozenset({mentions.sentence(q.first), mentions.sentence(q.last)})

    def near(k: int) -> str | None:
        who = found[k].who if 0 <= k < len(located) else None
        return who.name if who is not None else None
    return [ranker.Spot(q.first, q.last, q.paragraph, q.opens_paragraph,
                        near(k - 1) if k and located[k - 1].paragraph >= q.paragraph - 1 else None,
                        near(k + 1) if k + 1 < len(located) and located[k + 1].paragraph <= q.paragraph + 1 else None,
                        sentences(q))
            for k, q in enumerate(located)]


def _ranked(parsed: Parsed, located: list[Located], found: list[Attribution]) -> list[Attribution]:
    """Quotations still without a speaker: the likeliest person named nearby, marked unsure."""
    if all(a.who is not None for a in found):
        return found
    mentions = ranker.Mentions(parsed.doc, parsed.speakers, [s.start for s in parsed.doc.sents])
    result = list(found)
    for k, spot in enumerate(spots(mentions, located, found)):
        if not (found[k].who is None and found[k].rankable):
            continue
        # "she said": never a person known to be a man
        unfit = {name for name, gender in parsed.speakers.gender.items()
                 if gender and found[k].pronoun and gender != ("m" if found[k].pronoun in P.MALE_PRONOUNS else "f")}
        if found[k].among:  # "Clinton said": one of the Clintons the passage has named so far
            if not any(n.at < spot.first for name in found[k].among for n in mentions.of.get(name, ())):
                continue
            unfit |= {name for name in mentions.counts if name not in found[k].among}
        if (pick := ranker.best(spot, mentions, unfit)) is not None:
            result[k] = Attribution(Who(*pick), found[k].cue, found[k].explicit)
    return result


# ---- for the site ------------------------------------------------------------------------

KEY_WORD = re.compile(r"\w+")


def quote_key(text: str) -> str:
    """The same quotation in any typography: case-folded words joined by single spaces."""
    return " ".join(KEY_WORD.findall(text.replace("’", "'").casefold()))


def rank_quotes(quotes: Sequence[Quote], limit: int = 3) -> list[Quote]:
    """Each speaker's longest quote, speakers ordered by how often the article quotes them, then the rest longest first.

    Repeats (same ``quote_key``) count once; ties go to the speaker quoted first; unattributed
    quotes come after all attributed ones.
    """
    kept: dict[str, Quote] = {}
    for quote in quotes:
        kept.setdefault(quote_key(quote.text), quote)
    attributed = [q for q in kept.values() if q.speaker]
    counts = Counter(q.speaker for q in attributed)
    first = {s: i for i, s in reversed(list(enumerate(q.speaker for q in attributed)))}
    best = {s: max((q for q in attributed if q.speaker == s), key=lambda q: len(q.text)) for s in counts}
    leaders = sorted(best.values(), key=lambda q: (-counts[q.speaker], first[q.speaker]))
    rest = sorted((q for q in kept.values() if q not in leaders), key=lambda q: (q.speaker is None, -len(q.text)))
    return (leaders + rest)[:limit]
