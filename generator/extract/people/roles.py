"""The roles an article gives a person, read off the tokens around the name.

Three places give a role:
1. the words written directly before the name, ending in a title or role word:
   "Chinese Defense Minister Ann Example", "Lt. Gen. Ann Example" (abbreviations are
   expanded: "lieutenant general"); their trailing titles also make a titled alias;
2. an apposition after the name: "Ann Example, a senior fellow at the Institute, said";
3. an apposition before it: "Freedonia's top diplomat, Ann Example, said".
Not handled: descriptions elsewhere in the text ("the minister said"), roles in
relative clauses ("Ann Example, who heads the bank"), predicate roles ("she is the CEO").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...patterns.people import (
    APPOSITION_OPENERS,
    COMPOUND_TITLE_HEADS,
    HONORIFICS,
    MAX_ROLE_TOKENS,
    NAME_TITLES,
    NON_NAME_WORDS,
    ROLE_DROP_FIRST,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TITLE_EXPANSIONS,
)

ROLE_VOCABULARY = ROLE_WORDS | ROLE_MODIFIERS | NAME_TITLES | frozenset(TITLE_EXPANSIONS) | HONORIFICS
LEADING_JUNK = frozenset({"and", "of", "for", "at", "the", "'s", "’s", "-"})
APPOSITION_STOPS = frozenset({",", ".", ";", ":", "!", "?", '"', "“", "”", "(", ")", "—", "–",
                              "who", "which", "that", "said", "says", "told"})
GROUP_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC"})
MAX_BEFORE_TOKENS = 8


@dataclass(frozen=True)
class Titling:
    """What stands directly before a name: its first token, a role, and the titles for an alias."""

    begin: int  # token index where the role phrase starts (the name's start if none)
    role: str | None
    titles: str  # "Lt. Gen." or "" — the titles that make the titled alias


def _role_word(token: Token) -> bool:
    low = token.lower_
    return low in ROLE_WORDS or low in NAME_TITLES or low in TITLE_EXPANSIONS


def _abbreviation_dot(token: Token) -> bool:
    """The "." of a title abbreviation the tokenizer split off ("Lt" "." → "Lt.")."""
    return token.text == "." and token.i > 0 and token.nbor(-1).lower_ + "." in TITLE_EXPANSIONS


def _may_precede(token: Token) -> bool:
    """Whether ``token`` can be part of a role phrase written before a name."""
    if token.ent_type_ == "PERSON":
        return False
    if token.lower_ in ROLE_VOCABULARY or _abbreviation_dot(token):
        return True
    if token.tag_ == "POS":
        return token.i > 0 and token.nbor(-1).is_title  # "Freedonia's new minister"
    if not token.text[:1].isupper() or token.is_punct or token.lower_ in NON_NAME_WORDS:
        return False
    # a capitalised first word of a sentence is only part of a role when it names a place or group
    return not token.is_sent_start or token.ent_type_ in GROUP_LABELS


def _opens_sentence(token: Token) -> bool:
    """A sentence start, unless the parser was fooled by a title abbreviation's dot ("Lt. Gen.")."""
    return bool(token.is_sent_start) and not (token.i > 0 and _abbreviation_dot(token.nbor(-1)))


def _name_title(token: Token) -> bool:
    """A capitalised title that belongs to the titled alias ("Gen.", "Lt" "." and "President")."""
    if _abbreviation_dot(token):
        return _name_title(token.nbor(-1))
    return token.text[:1].isupper() and (token.lower_ in NAME_TITLES or token.lower_ in TITLE_EXPANSIONS)


def titling(doc: Doc, start: int) -> Titling:
    """The role phrase ending right before token ``start`` ("Russian Foreign Minister")."""
    begin = start
    while begin > 0 and start - begin < MAX_ROLE_TOKENS and _may_precede(doc[begin - 1]) \
            and not _opens_sentence(doc[begin]):
        begin -= 1
    begin = _after_other_subject(doc, begin, start)
    while begin < start and doc[begin].lower_ in LEADING_JUNK:
        begin += 1
    if begin == start or not _role_word(doc[start - 1]):
        return Titling(start, None, "")
    cut = start
    while cut > begin and _name_title(doc[cut - 1]):
        cut -= 1
    if cut < start and _compound(doc[cut]):
        cut = start  # "Attorney General Ann Example" is not "General Ann Example"
    kept = [t for t in doc[begin:start] if t.lower_ not in HONORIFICS and not _abbreviation_dot(t)]
    role = role_text(doc[begin:start]) if kept and _role_word(kept[-1]) else None  # not "Then Mr."
    return Titling(begin, role, doc[cut:start].text)


def _compound(title: Token) -> bool:
    """A full-word title that ends a longer one ("Attorney General", "Vice President")."""
    if title.i == 0 or title.lower_ in HONORIFICS or title.lower_ in TITLE_EXPANSIONS:
        return False
    head = title.nbor(-1).lower_
    return head in COMPOUND_TITLE_HEADS or head in ROLE_WORDS


def _after_other_subject(doc: Doc, begin: int, start: int) -> int:
    """Skip "Ann Example and" in "Ann Example and Ohio governor Bob Example": the part before the
    last "and" belongs to the phrase only when it holds a role word itself ("Fellow and Chair")."""
    ands = [i for i in range(begin, start) if doc[i].lower_ == "and"]
    if ands and not any(_role_word(t) for t in doc[begin:ands[-1]]):
        return ands[-1] + 1
    return begin


def role_text(tokens: Span | list[Token]) -> str | None:
    """A role as stored: leading articles dropped, honorifics dropped, abbreviations expanded."""
    words = [t for t in tokens if t.lower_ not in HONORIFICS]
    while words and words[0].lower_ in ROLE_DROP_FIRST:
        words = words[1:]
    parts: list[str] = []
    for token in words:
        if _abbreviation_dot(token):
            if parts:  # a dot with no word before it (its word was an honorific) is dropped with it
                parts[-1] = parts[-1].rstrip() + token.whitespace_  # "Lt" "." is one word
        else:
            parts.append(TITLE_EXPANSIONS.get(token.lower_, token.text) + token.whitespace_)
    return "".join(parts).strip(" ,") or None


def _has_verb(tokens: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in tokens)


def apposition_after(doc: Doc, end: int) -> str | None:
    """", a senior fellow at the Institute," after the name ending before token ``end``."""
    if end >= len(doc) - 1 or doc[end].text != ",":
        return None
    stop = end + 1
    while stop < len(doc) and stop - end <= MAX_ROLE_TOKENS and doc[stop].lower_ not in APPOSITION_STOPS \
            and "\n" not in doc[stop].text:
        if doc[stop].ent_type_ == "PERSON":
            return None
        stop += 1
    phrase = doc[end + 1:stop]
    if not len(phrase) or stop - end > MAX_ROLE_TOKENS or _has_verb(phrase):
        return None
    first = phrase[0]
    opens = first.lower_ in APPOSITION_OPENERS or first.lower_ in ROLE_MODIFIERS or first.ent_type_ in GROUP_LABELS
    if not opens or not any(t.lower_ in ROLE_WORDS for t in phrase):
        return None
    return role_text(phrase)


DESCRIPTION_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "DT", "PRP$", "POS", "HYPH", "CD"})


def _describes(token: Token) -> bool:
    """Whether ``token`` can be part of a noun phrase describing someone ("the bank's new chief")."""
    if token.ent_type_ == "PERSON":
        return False
    return token.tag_ in DESCRIPTION_TAGS or token.lower_ in ("of", "at", "for", "and")


def apposition_before(doc: Doc, begin: int, end: int) -> str | None:
    """"Freedonia's top diplomat, " before a name that is closed by a comma too."""
    if begin < 2 or doc[begin - 1].text != "," or end >= len(doc) or doc[end].text not in (",", "."):
        return None
    start = begin - 1
    while start > 0 and begin - start <= MAX_BEFORE_TOKENS and not _opens_sentence(doc[start]) \
            and _describes(doc[start - 1]):
        start -= 1
    phrase = doc[start:begin - 1]
    if not len(phrase) or begin - start > MAX_BEFORE_TOKENS or phrase[-1].lower_ not in ROLE_WORDS:
        return None
    first = phrase[0]
    opens = first.lower_ in APPOSITION_OPENERS or first.lower_ in ROLE_MODIFIERS or first.ent_type_ in GROUP_LABELS
    return role_text(phrase) if opens and not _has_verb(phrase) else None
