"""A briefing's summary: the one place the teaser shown on its page and in the feed is made."""
from __future__ import annotations

from .model import Article
from .patterns.site import SUMMARY_LEAD_MARK


def summary(article: Article) -> str:
    """The first body paragraph with text, without the dash or bullet it may open with (``SUMMARY_LEAD_MARK``:
    a list item, what a dropped dateline left, "MOSCOW -" → "- …"); "" for an article without a body.

    Only marks before a space go: "-5 degrees" keeps its sign, and a paragraph that is
    only a mark is passed over rather than shown empty.
    """
    for paragraph in article.body:
        text = SUMMARY_LEAD_MARK.sub("", paragraph).strip()
        if text:
            return text
    return ""
