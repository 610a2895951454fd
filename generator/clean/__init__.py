"""RawArticle → Article: the article's own title and paragraphs, and what was dropped.

1. Split the text into lines (HTML: trafilatura's text first, see ``html.py``).
2. Classify each line on its own (``lines.py``): code, junk, metadata, sentence, short.
3. Find the main block and decide short lines by their neighbours (``block.py``).
4. Pick the headline, or make a title from the lead (``title.py``).
5. Keep metadata lines (timestamps, "Source: X", bylines) for the date and the outlet.

``clean`` never raises: odd input gives an article with little or no body.
"""
from __future__ import annotations

import logging

from ..model import Article, Dropped, RawArticle
from ..patterns import clean as P
from . import block, html, title
from .lines import Line, classify

log = logging.getLogger(__name__)
HEADLINE_REASON = "headline"
REPEAT_REASON = "repeated line"


def clean(raw: RawArticle) -> Article:
    """The article's title, body paragraphs (whole stripped lines), metadata and dropped lines."""
    try:
        return _clean(raw)
    except Exception as error:  # noqa: BLE001 - one odd input must not stop a build of thousands
        log.warning("Article '%s': cleaning failed (%s); the page will have no body", raw.path, error)
        return Article(id=raw.id, path=raw.path, title=raw.front.title or raw.id, title_made=raw.front.title is None,
                       body=(), front=raw.front, source=raw.front.source, url=raw.front.url,
                       author=raw.front.author)


def summary(article: Article) -> str:
    """One line for the build log: kept and dropped counts, the commonest reasons first."""
    counts: dict[str, int] = {}
    for item in article.dropped:
        counts[item.reason] = counts.get(item.reason, 0) + 1
    reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    made = " (title made from the lead)" if article.title_made else ""
    return (f"{article.path}: kept {len(article.body)} paragraph(s), dropped {len(article.dropped)} line(s)"
            + (f": {reasons}" if reasons else "") + made)


def _clean(raw: RawArticle) -> Article:
    if raw.format == "html":
        return _clean_html(raw)
    return _clean_lines(raw, [classify(text) for text in _text_lines(raw)])


def _clean_lines(raw: RawArticle, lines: list[Line], found: html.Extracted | None = None,
                 chosen: bool = False) -> Article:
    """Steps 2-5 on classified lines; ``found`` carries what trafilatura knew of an HTML page,
    ``chosen`` says the lines are the text trafilatura chose as the article."""
    if chosen:  # trafilatura chose these lines as the article: only junk goes
        span = (0, len(lines))
        reasons = block.trust(lines)
    else:
        span = block.main_block(lines)
        reasons = block.choose(lines, span)
    body_at = [i for i, reason in enumerate(reasons) if not reason and lines[i].kind != "blank"]
    head = None if found and found.title else title.find_title(lines, body_at)
    if head is not None:
        reasons[head] = HEADLINE_REASON
    return _article(raw, lines, reasons, head, span, found)


def _clean_html(raw: RawArticle) -> Article:
    """trafilatura's text with its split-off paragraphs put back; the whole page when it finds nothing."""
    found = html.extract(raw.text)
    if sum(classify(line).kind == "prose" for line in found.lines) == 0:
        return _clean_lines(raw, [classify(text) for text in html.page_lines(raw.text)], found)
    texts = html.recover(raw.text, found.lines, lambda text: classify(text).kind == "prose")
    return _clean_lines(raw, [classify(text) for text in texts], found, chosen=True)


def _text_lines(raw: RawArticle) -> list[str]:
    """The input's lines; Markdown heading marks and images are undone."""
    if raw.format != "md":
        return raw.text.split("\n")
    return [P.MD_IMAGE.sub("", P.MD_HEADING.sub("", line)) for line in raw.text.split("\n")]


def _article(raw: RawArticle, lines: list[Line], reasons: list[str], head: int | None,
             span: tuple[int, int], found: html.Extracted | None) -> Article:
    headline = (found.title.strip() if found and found.title
                else title.headline_text(lines[head].text) if head is not None else "")
    body: list[str] = []
    dropped: list[Dropped] = []
    head_key = _key(headline)
    seen = {head_key} if headline else set()
    for line, reason in zip(lines, reasons):
        if line.kind == "blank":
            continue
        key = _key(line.text)
        if not reason and key in seen:
            reason = HEADLINE_REASON if key == head_key else REPEAT_REASON
        if reason:
            dropped.append(Dropped(line.text, reason))
        else:
            body.append(line.text)
            seen.add(key)
    meta = _page_metadata(found) + title.metadata(lines, span)
    text_title = headline or title.made_title(body)
    site = found.sitename if found else None
    return Article(id=raw.id, path=raw.path, title=raw.front.title or text_title,
                   title_made=raw.front.title is None and not headline, body=tuple(body),
                   dropped=tuple(dropped), metadata=tuple(meta),
                   source=raw.front.source or title.outlet(meta) or site, front=raw.front,
                   url=raw.front.url or (found.url if found else None),
                   author=raw.front.author or (found.author if found else None))


def _key(text: str) -> tuple[str, ...]:
    """A line's words, case-folded: a caption repeating a paragraph differs only in quote marks."""
    return tuple(word.casefold() for word in P.WORD.findall(text))


def _page_metadata(found: html.Extracted | None) -> list[str]:
    """An HTML page's own date and author, written as the lines a text would have."""
    if found is None:
        return []
    return ([f"Published: {found.date}"] if found.date else []) + ([f"By {found.author}"] if found.author else [])
