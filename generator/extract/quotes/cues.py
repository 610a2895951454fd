"""The cue next to a quotation, and the token that names its speaker.

A quotation's attribution lies in the clause right after its closing mark (", Smith
said") or right before its opening mark ("Smith said:", "Smith said that"). Each window
stops at a sentence end, at another quotation, or at the paragraph's end; a quotation
opening a paragraph also looks at the previous paragraph when that one ends with a
colon ("Smith continued:"). In a window the cue is a reporting verb (its subject, or the
subject of the verb it depends on, is the speaker), "according to X", a dash before a
name ("— Name, title") or a name alone before a colon ("Smith: ...").

Not handled: cues two sentences away ("Smith spoke next. ... “A”"), passive reports
("was quoted as saying"), speakers given only as objects ("asked by Smith").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...patterns import quotes as P

SENTENCE_END = frozenset({".", "!", "?"})


@dataclass(frozen=True)
class Cue:
    """A reporting verb or phrase, and the token naming who speaks (None: no one named)."""

    text: str
    subject: Token | None
    side: str  # "after" or "before" the quotation


def after_window(doc: Doc, first: int, limit: int, in_quote: list[bool]) -> list[Token]:
    """Tokens from ``first`` up to the sentence end, the next quotation or ``limit``."""
    window = []
    for token in doc[first:limit]:
        if in_quote[token.i] or token.is_space:
            break
        window.append(token)
        if token.text in SENTENCE_END:
            break
    return window


def before_window(doc: Doc, last: int, floor: int, in_quote: list[bool]) -> list[Token]:
    """Tokens back from ``last`` to the sentence start, the previous quotation or ``floor``."""
    window = []
    for i in range(last, floor - 1, -1):
        token = doc[i]
        if in_quote[i] or token.is_space or (token.text in SENTENCE_END and window):
            break
        if token.text not in SENTENCE_END:
            window.append(token)
    return window[::-1]


def cue_after(window: list[Token]) -> Cue | None:
    """", Smith said", "said Smith", "he told reporters", "according to X", "— Smith"."""
    if window and window[0].text in P.DASHES and len(window) > 1 and window[1].pos_ == "PROPN":
        return Cue(window[0].text, window[1], "after")
    for token in window:
        if _according(token):
            return Cue("according to", _according_object(token), "after")
        if _reporting(token, weak=False):
            return Cue(token.text, subject_of(token) or _next_to(window, token), "after")
    return None


def cue_before(window: list[Token]) -> Cue | None:
    """"Smith said:", "Smith said that", "according to Smith,", "Smith: ..."."""
    for token in reversed(window):
        if _according(token):
            return Cue("according to", _according_object(token), "before")
        if _reporting(token, weak=token is window[-1] or window[-1].text == ":"):
            return Cue(token.text, subject_of(token), "before")
    if len(window) >= 2 and window[-1].text == ":" and all(t.pos_ == "PROPN" or t.is_punct for t in window[:-1]):
        return Cue(":", window[-2] if window[-2].pos_ == "PROPN" else None, "before")
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it hangs on ("..., adding that")."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "nsubjpass":
                return None  # "he was asked": the subject is not the speaker
        if verb.dep_ not in ("conj", "advcl", "xcomp", "ccomp", "relcl", "acl") or verb.head is verb:
            return None
        if verb.dep_ in ("relcl", "acl"):
            return verb.head  # "Smith, who said"; a misparse of "Smith, an expert, said"
        verb = verb.head
    return None


def _next_to(window: list[Token], verb: Token) -> Token | None:
    """When the parse gives the verb no subject: the name or pronoun just before it, else after."""
    before = [t for t in window if t.i < verb.i]
    after = [t for t in window if t.i > verb.i]
    for token in (*reversed(before[-3:]), *after[:3]):
        if token.lower_ in P.SINGULAR_PRONOUNS or token.ent_type_ == "PERSON":
            return _name_head(token)
    return None


def _name_head(token: Token) -> Token:
    """The last token of the name a token belongs to ("Alexander" → "Gubev")."""
    while token.i + 1 < len(token.doc) and token.nbor(1).ent_iob_ == "I":
        token = token.nbor(1)
    return token


def _reporting(token: Token, weak: bool) -> bool:
    lemma = token.lemma_.casefold()
    if lemma not in P.REPORTING_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    return weak or lemma not in P.WEAK_REPORTING


def _according(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == P.ACCORDING[0] and nxt is not None and nxt.lower_ == P.ACCORDING[1]


def _according_object(token: Token) -> Token | None:
    to = token.nbor(1)
    for child in to.children:
        if child.dep_ == "pobj":
            return child
    return None
