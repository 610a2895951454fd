"""HTML → lines: trafilatura's reading of the article, and the whole page's visible text.

trafilatura finds the main text of most pages; its text is taken line by line and
cleaned like any other text. The page's own visible text (every block element a
line, scripts and styles left out) is the fallback for pages where trafilatura
keeps only part of the article, e.g. when ads split the body into several boxes.

Not handled: text drawn by scripts at run time (it is not in the HTML).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from .headline import page_headline

log = logging.getLogger(__name__)
logging.getLogger("trafilatura").setLevel(logging.ERROR)  # it warns about every odd page

BLOCK_TAGS = frozenset("""
address article aside blockquote br dd details div dl dt fieldset figcaption figure footer form h1 h2 h3
h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul option button label title
""".split())
SKIP_TAGS = frozenset("script style noscript template svg head iframe object".split())
BOX_MIN = 2  # paragraphs trafilatura must have taken from a box before its siblings are trusted
SCRAP_MOST = 120  # words: a precision reading this short is checked against the default one
LOST_RATIO = 4  # the default reading is this many times longer: precision mode lost the article
SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


@dataclass(frozen=True)
class Extracted:
    """What trafilatura made of a page."""

    lines: tuple[str, ...]
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    author: str | None = None
    url: str | None = None  # the page's canonical URL (or og:url)


def extract(html: str) -> Extracted:
    """trafilatura's main text (one paragraph a line) and metadata; empty when it finds nothing.

    Precision mode first: it leaves out more teasers and boxes. When it keeps only a
    scrap of what the default mode keeps, it has lost the article, and the default's
    reading is taken.
    """
    doc = _bare(html, precise=True)
    words = _size(doc)
    if (words < SCRAP_MOST and (other := _bare(html, precise=False)) is not None
            and _size(other) >= LOST_RATIO * max(1, words)):
        doc = other
    if doc is None:
        return Extracted(())
    text = doc.text or ""
    return Extracted(tuple(line.strip() for line in text.split("\n") if line.strip()),
                     title=page_headline(_root(html), doc.title, doc.sitename, " ".join(text.split("\n")[:3])),
                     date=doc.date,
                     sitename=doc.sitename, author=doc.author, url=doc.url)


def _root(html: str) -> etree._Element | None:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _bare(html: str, precise: bool) -> trafilatura.settings.Document | None:
    try:
        doc = trafilatura.bare_extraction(html, favor_precision=precise, include_comments=False, with_metadata=True)
        return doc if isinstance(doc, trafilatura.settings.Document) else None  # a dict only when asked for one
    except Exception as error:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        log.debug("trafilatura failed: %s", error)
        return None


def _size(doc: trafilatura.settings.Document | None) -> int:
    return len((doc.text or "").split()) if doc is not None else 0


def page_lines(html: str) -> list[str]:
    """The page's visible text, one line per block element; scripts, styles and head left out."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    parts: list[str] = []
    _walk(root, parts)
    lines = (SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _walk(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in SKIP_TAGS or not tag:
        return
    block = tag.lower() in BLOCK_TAGS
    if block:
        parts.append("\n")
    if element.text:
        parts.append(element.text.replace("\n", " "))
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail.replace("\n", " "))
    if block:
        parts.append("\n")


def recover(html: str, kept: tuple[str, ...], is_prose: Callable[[str], bool]) -> tuple[str, ...]:
    """``kept`` with the page's other paragraphs from the same kind of box put back in place.

    Ads often split an article into several boxes of one class; trafilatura may keep
    only one. A <p> none of whose lines trafilatura kept, whose parent box has the
    class of a box that gave trafilatura at least two paragraphs, and whose lines are
    all prose, is put back after the kept line that precedes it on the page. Boxes
    without a class are not used: a bare <div> says nothing about what it holds.
    """
    paragraphs = _paragraphs(html)
    kept_set = set(kept)
    hits: dict[str, int] = {}
    for lines, box in paragraphs:
        if box and any(line in kept_set for line in lines):
            hits[box] = hits.get(box, 0) + 1
    boxes = {box for box, n in hits.items() if n >= BOX_MIN}
    if not boxes:
        return kept
    out = list(kept)
    anchor = -1  # the index in ``out`` after which recovered lines go
    for lines, box in paragraphs:
        known = [line for line in lines if line in kept_set]
        if known:
            anchor = out.index(known[-1])
        elif box in boxes and all(is_prose(line) for line in lines):
            out[anchor + 1:anchor + 1] = lines
            anchor += len(lines)
    return tuple(out)


def _paragraphs(html: str) -> list[tuple[list[str], str]]:
    """(lines, parent box "tag.class") of every <p> of the page, in order."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found = []
    for p in root.iter("p"):
        parts: list[str] = []
        _walk(p, parts)
        lines = [line for line in (SPACES.sub(" ", x).strip() for x in "".join(parts).split("\n")) if line]
        parent = p.getparent()
        if lines and parent is not None:
            cls = " ".join((parent.get("class") or "").split())
            found.append((lines, f"{parent.tag}.{cls}" if cls else ""))
    return found
