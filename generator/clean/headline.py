"""An HTML page's headline: the <h1> (or og:title) that agrees with the page's <title>.

A page's <title> is usually the headline with the site's name (and section) added:
"Ferry returns to Valmora - Sport - The Valmora Daily". Its <h1> is usually the
headline alone, but a page may have several <h1>s (the site's logo, a teaser's
headline, "Related News"), and some titles are only the site's name. So:

1. An <h1>, or the og:title / twitter:title, that is the <title> itself, or its
   longer part once a shorter part (the site) is cut off at a separator.
2. An <h1> that the og:title / twitter:title repeats (site name aside).
3. The <title> without its site's name and sections, when it tells what the lead
   tells (shares its words).
4. Else the last <h1>/<h2> above the article's first paragraph that does.
5. Else that <title> if it is more than a name; the og:title, the first <h1>, or
   what trafilatura found.

Not handled: a headline split over an <h1> and an <h2>, or one drawn by scripts.
"""
from __future__ import annotations

import re

from lxml import etree

from ..patterns import clean as P

TOKEN = re.compile(r"\w+")


def page_headline(root: etree._Element | None, fallback: str | None, site: str | None,
                  lead: str = "") -> str | None:
    """The page's headline (steps 1-5 above); ``fallback`` is trafilatura's own title, ``lead``
    the article's first paragraphs."""
    if root is None:
        return fallback
    title = _text(root.findtext(".//title") or "")
    heads = [h for h in (_text(e.text_content()) for e in root.iter("h1"))
             if 1 <= len(_tokens(h)) <= P.HEADLINE_MOST_WORDS]
    metas = [_text(m) for m in root.xpath("//meta[@property='og:title' or @name='og:title' or @name='twitter:title'"
                                          " or @property='twitter:title']/@content") if _text(m)]
    for candidate in heads + [_strip_site(m, site) for m in metas]:
        if title and _agrees(candidate, title):
            return candidate
    for head in heads:
        if any(_tokens(head) == _tokens(_strip_site(m, site)) for m in metas):
            return head
    stripped = _strip_site(title, site)
    named = len(_tokens(stripped)) >= P.HEADLINE_LEAST_WORDS and _tokens(stripped) != _tokens(site or "")
    if named and _tells_lead(stripped, lead):
        return stripped
    above = [h for h in _headings_above(root, lead) if _tells_lead(h, lead)]
    if above:
        return above[-1]
    if named:
        return stripped
    return next(iter([_strip_site(m, site) for m in metas] + heads), None) or fallback


def _headings_above(root: etree._Element, lead: str) -> list[str]:
    """The <h1>/<h2> texts before the element where the article's first paragraph starts."""
    start = _text(lead)[:P.LEAD_PROBE]
    found: list[str] = []
    for element in root.iter("h1", "h2", "p", "div"):
        text = _text(element.text_content())
        if start and element.tag in ("p", "div") and text.startswith(start):
            break
        if element.tag in ("h1", "h2") and 1 <= len(_tokens(text)) <= P.HEADLINE_MOST_WORDS:
            found.append(text)
    return found


def _tells_lead(headline: str, lead: str) -> bool:
    """A headline shares its words with the lead: at least two, and a good share of its own."""
    words = {w for w in _tokens(headline) if len(w) > 3}
    shared = len(words & {w for w in _tokens(lead) if len(w) > 3})
    return shared >= 2 and shared >= P.LEAD_SHARE * len(words)


def _agrees(candidate: str, title: str) -> bool:
    """``candidate`` is ``title``, or the longer part of it left when a site's name is cut off."""
    c, t = _tokens(candidate), _tokens(title)
    if not c:
        return False
    if c == t:
        return True
    rest = len(t) - len(c)
    return rest > 0 and len(c) > rest and (t[:len(c)] == c or t[-len(c):] == c) and _cut_at_separator(candidate, title)


def _cut_at_separator(candidate: str, title: str) -> bool:
    """The title's remainder is joined to ``candidate`` by a separator (" - ", " | ", "_"), not mid-sentence."""
    folded, head = title.casefold(), candidate.casefold()
    if folded.startswith(head):
        return bool(P.TITLE_SEPARATOR.match(title[len(candidate):]))
    if folded.endswith(head):
        return bool(P.TITLE_SEPARATOR_END.search(title[: len(title) - len(candidate)]))
    return True  # same words, different punctuation or quote marks: trust the words


def _strip_site(title: str, site: str | None) -> str:
    """``title`` without the site's name and sections: short parts cut off at either end.

    A part is cut when it is the site's name, or short (a name, a section) while what
    is left is longer: "Ferry returns - Sport - Valmora Daily" → "Ferry returns"; a
    headline's own dash stays ("Ferry returns — and fares rise").
    """
    parts = [p.strip() for p in P.TITLE_SEPARATOR_SPLIT.split(title) if p.strip()]
    site_tokens = _tokens(site or "")

    def cut(part: str, rest: list[str]) -> bool:
        size, left = len(_tokens(part)), sum(len(_tokens(p)) for p in rest)
        return _tokens(part) == site_tokens or (size <= P.SITE_MOST_WORDS and left > size)

    # at the start only a "|" marks a site's name: "Ferry fares rise — and ..." is one headline
    bar = bool(re.match(r"^[^|]{1,80}\s\|\s", title))
    while len(parts) > 1:
        if cut(parts[-1], parts[:-1]):
            parts = parts[:-1]
        elif (bar or _tokens(parts[0]) == site_tokens) and cut(parts[0], parts[1:]):
            parts, bar = parts[1:], False
        else:
            break
    return _join(title, parts) if len(parts) > 1 else (parts[0] if parts else title.strip())


def _join(title: str, parts: list[str]) -> str:
    """The span of ``title`` from the first kept part to the last, with its own separators."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in TOKEN.findall(text)]


def _text(text: str) -> str:
    return " ".join(text.split())
