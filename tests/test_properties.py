"""Property tests of read, clean and extract over random and mutated articles.

Properties: no stage raises (and clean never falls back to its catch-all); every body
paragraph comes from the input; every quote comes from the body; every paragraph
index points into the body. Articles are built from invented words, then mutated with
the things scrapers and strangers bring: odd quote marks, markup, control characters,
broken encodings, long lines, repeated lines.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator import nlp as nlp_module
from generator.clean import clean
from generator.errors import InputError
from generator.extract import extract
from generator.model import FrontMatter, RawArticle
from generator.read import decode, split_front_matter
from hostile.corpus import PAYLOADS

NAMES = ("Ines Marr", "Tobias Quell", "Edda Varn", "Orla Dunmere", "Piet Hasselby", "Yara Okonjo-Lind")
ROLES = ("deputy mayor", "harbour master", "finance minister of Velmark", "spokeswoman for the ferry board")
PLACES = ("Tollmere", "Velmark", "the Eastern Reach", "Port Saddle")
WORDS = ("ferry", "council", "contract", "budget", "winter", "pier", "vote", "closure", "timetable", "fares",
         "said", "would", "not", "the", "a", "on", "in", "of", "and", "before", "after")
DATES = ("on Monday", "last week", "on 4 March 2021", "in April", "in 2019", "yesterday", "on 12/03/2022")
MARKS = ('"', "“", "”", "'", "‘", "’", "«", "»", "„")
NOISE = ("\x00", "\x0b", "\u200b", "\ufeff", "\ufffd", "\u202e", "\t", "  ", "\r", "…", "—", "&amp;", "&#8220;",
         "<br>", "</p>", "**", "\\", "|", "#", "[", "]", "(", ")", "{", "}", "🙂", "\u0301", "Ω", "ﬁ")


def words(n_min: int = 3, n_max: int = 14) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS + PLACES), min_size=n_min, max_size=n_max).map(" ".join)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A plain sentence, a quoted one with a speaker, or one with a date."""
    kind = draw(st.sampled_from(("plain", "quote", "quote_after", "date")))
    name, role = draw(st.sampled_from(NAMES)), draw(st.sampled_from(ROLES))
    text = draw(words()).capitalize()
    if kind == "quote":
        return f"\"{text},\" said {name}, the {role}, {draw(st.sampled_from(DATES))}."
    if kind == "quote_after":
        return f"{name}, the {role}, said: \"{text}.\""
    if kind == "date":
        return f"{name} met the {role} in {draw(st.sampled_from(PLACES))} {draw(st.sampled_from(DATES))}, {text}."
    return f"{text} in {draw(st.sampled_from(PLACES))}."


@st.composite
def article_text(draw: st.DrawFn) -> str:
    title = draw(words(2, 8)).title()
    paragraphs = [" ".join(draw(st.lists(sentence(), min_size=1, max_size=4))) for _ in range(draw(st.integers(0, 7)))]
    return "\n".join([title, *paragraphs]) + "\n"


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """An article with a few insertions, deletions and duplications at random places."""
    text = draw(article_text())
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("insert", "delete", "duplicate", "payload", "mark")))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(NOISE) | st.text(max_size=5)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif action == "duplicate":
            line = draw(st.sampled_from(text.split("\n")))
            text = text[:at] + "\n" + line + "\n" + text[at:]
        elif action == "payload":
            text = text[:at] + draw(st.sampled_from(PAYLOADS)) + text[at:]
        else:
            text = text[:at] + draw(st.sampled_from(MARKS)) + text[at:]
    return text


ANY_TEXT = mutated() | article_text() | st.text(max_size=400)
SPACE = re.compile(r"\s+")


def flat(text: str) -> str:
    """Whitespace collapsed and NFC: the cleaner may join lines and reading normalises."""
    return SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


class Warnings(logging.Handler):
    """The generator's warnings during one example (caplog is per test, not per example)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> Warnings:
        logging.getLogger("generator").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("generator").removeHandler(self)


def raw_from(text: str, fmt: str = "txt") -> RawArticle:
    return RawArticle(id="prop", path="prop.txt", text=text, format=fmt)


# ---- read ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=3000) | ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decode_and_front_matter_never_raise_anything_but_input_error(data: bytes) -> None:
    try:
        text = decode(data, "prop.txt")
        front, body = split_front_matter(text, "prop.txt")
    except InputError as error:
        assert "'prop.txt'" in str(error)
        return
    assert isinstance(front, FrontMatter) and isinstance(body, str)
    assert "\r" not in text


@settings(max_examples=200, deadline=None)
@given(head=st.dictionaries(st.sampled_from(("title", "published", "source", "other")),
                            st.text(max_size=30) | st.integers() | st.dates().map(str) | st.none(), max_size=4),
       body=article_text())
def test_front_matter_is_a_front_matter_or_a_clear_error(head: dict, body: str) -> None:
    lines = "\n".join(f"{key}: {value}" for key, value in head.items())
    try:
        front, rest = split_front_matter(f"---\n{lines}\n---\n{body}", "prop.md")
    except InputError as error:
        assert "'prop.md'" in str(error) and "front matter" in str(error)
        return
    assert rest == body
    # a day, a month or a year alone (``published: 2024``, ``2024-04``) are all publication dates
    assert front.published is None or re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", front.published)


def test_read_article_handles_each_encoding(tmp_path: Path) -> None:
    from generator.read import read_article

    text = "Harbour news\nCouncillor Ines Marr said the café pier would reopen in Tollmere on Friday.\n"
    for n, data in enumerate((text.encode("utf-8-sig"), text.encode("utf-16"), text.encode("utf-16-le"),
                              text.encode("cp1252"), text.replace("\n", "\r\n").encode())):
        path = tmp_path / f"a{n}.txt"
        path.write_bytes(data)
        assert read_article(path, tmp_path).text == text


# ---- clean -----------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, fmt=st.sampled_from(("txt", "md")))
def test_clean_keeps_only_paragraphs_of_the_input(text: str, fmt: str) -> None:
    with Warnings() as warned:
        article = clean(raw_from(text, fmt))
    assert not [m for m in warned.messages if "cleaning failed" in m]
    source = flat(text)
    for paragraph in article.body:
        assert paragraph.strip(), "an empty paragraph"
        assert flat(paragraph) in source, paragraph


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT)
def test_clean_of_html_never_fails(text: str) -> None:
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>"
    with Warnings() as warned:
        article = clean(raw_from(page, "html"))
    assert not [m for m in warned.messages if "cleaning failed" in m]
    assert all(p.strip() for p in article.body)


# ---- extract ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def model(nlp):  # type: ignore[no-untyped-def]
    return nlp


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=mutated() | article_text())
def test_extract_quotes_come_from_the_body(model, text: str) -> None:  # type: ignore[no-untyped-def]
    article = clean(raw_from(text))
    assume(article.body)
    extraction = extract(article, nlp_module.parse(model, article))
    body = article.body
    for quote in extraction.quotes:
        assert 0 <= quote.paragraph < len(body)
        assert quote.text and quote.text in body[quote.paragraph], (quote, body[quote.paragraph])
    for mention in (*extraction.persons, *extraction.actors):
        assert mention.name.strip()
        assert all(0 <= n < len(body) for n in mention.paragraphs)
    for date in extraction.dates:
        assert date.paragraph == -1 or 0 <= date.paragraph < len(body)  # -1: the title or a metadata line
    # an estimate may be a year or a month only
    assert extraction.published.value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", extraction.published.value)
