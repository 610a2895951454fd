"""The one owner of escaping: article text is untrusted on every page.

Generated pages are HTML (which MkDocs shows as it is), and the overview goes into
a hand-written Markdown page, so article text must not act as HTML *or* as
Markdown. ``markdown_text`` replaces every character that means something to either
(and to the Markdown extensions the site enables) by a numeric character reference:
Markdown passes references through untouched and the browser shows them as the plain
character, so a ``<script>``, a ``[link](javascript:...)`` or a ``{{ macro }}`` in an
article reads as text. Templates never call it by hand:
the renderer's Jinja environment applies it to every ``{{ value }}`` that is not
``Trusted`` (our own URLs and markup), so forgetting is not possible.
"""
from __future__ import annotations

import re

# HTML: & < > " '; Markdown inline: \ ` * _ [ ] ( ) !; extensions: { } (attr_list),
# | (tables), ~ (tilde), ^ (caret), = (mark), : (emoji, definition lists), $ (math).
ALWAYS = frozenset("&<>\"'\\`*_[](){}|~^=:!$")
REFERENCES = str.maketrans({c: f"&#{ord(c)};" for c in ALWAYS})  # one pass over the text: rendering's hot spot
# Markdown block syntax counts only at the start of a line: lists, headings, rules.
LEADING = re.compile(r"^(?:[-+#]|\d+[.)])")
LEADING_FIRST = frozenset("-+#0123456789")  # the characters LEADING can start with
WHITESPACE = re.compile(r"\s+")


class Trusted(str):
    """A string the generator made itself (a URL, a slug, markup): printed as it is."""


def markdown_text(text: object) -> str:
    """``text`` on one line, safe to place anywhere in a Markdown page or an HTML attribute."""
    flat = " ".join(str(text).split())  # what \s+ → " " does (same characters), at C speed: rendering's hot spot
    escaped = flat.translate(REFERENCES)
    if escaped[:1] not in LEADING_FIRST:
        return escaped
    return LEADING.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), escaped)


def finalize(value: object) -> str:
    """Jinja's ``finalize`` hook: every printed value is escaped unless it is ``Trusted``."""
    if isinstance(value, Trusted):
        return value
    if value is None:
        return ""
    return markdown_text(value)


def page_title(text: str) -> str:
    """A title for the page's metadata, with no character HTML could act on.

    MkDocs themes print ``page.title`` unescaped (Material even un-escapes it with
    ``striptags``), so references would not survive there: the few HTML-significant
    characters are swapped for look-alikes instead.
    """
    flat = WHITESPACE.sub(" ", text).strip()
    return flat.translate(TITLE_LOOKALIKES)


TITLE_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "`": "‘", "{": "(", "}": ")"})
