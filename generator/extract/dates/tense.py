"""The tense of the clause around a date: whether "Tuesday" lies before or after publication.

``tense_at(doc, start, end)`` → "past", "perfect", "future", "present" or None, read off the verb
that governs the expression (its head, or the nearest verb in the sentence): "will",
"'ll", "shall", "would" or a verb of planning ("is expected to", "plans to") make it
future; a past-tense verb makes it past, a perfect ("has met") perfect; "until Friday"
is ahead of publication unless the verb is in the simple past, "payable Dec. 15" always.

Not handled: tense carried by context across sentences, or a date that qualifies a noun
in a sentence whose main verb has another tense ("the talks on Friday were cancelled").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...patterns.dates import DUE_WORDS, FUTURE_AUX, FUTURE_LEMMAS, PAST_AUX, UNTIL_WORDS

VERB_POS = ("VERB", "AUX")


def tense_at(doc: Doc | None, start: int, end: int) -> str | None:
    """The tense that places the expression at ``start:end`` of the Doc's text; None if unclear."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = governing_verb(span.root)
    tense = verb_tense(verb) if verb is not None else None
    before = {span[0].lower_, doc[span.start - 1].lower_ if span.start > 0 else ""}
    if before & DUE_WORDS:
        return "future"  # "declared a dividend, payable Dec. 15": the payment is ahead
    return "future" if before & UNTIL_WORDS and tense != "past" else tense


def cue_tense(text: str, start: int) -> str | None:
    """The tense the word before a date gives where there is no parse (a title): "until Friday",
    "payable Dec. 15" are ahead; None otherwise."""
    words = text[max(0, start - 20):start].split()
    return "future" if words and words[-1].lower() in UNTIL_WORDS | DUE_WORDS else None


def governing_verb(token: Token) -> Token | None:
    """The verb the expression hangs from, else the nearest verb of its sentence."""
    head = token
    for _ in range(4):
        if head.pos_ in VERB_POS and head is not token:
            return head
        if head.head is head:
            break
        head = head.head
    verbs = [t for t in token.sent if t.pos_ in VERB_POS]
    return min(verbs, key=lambda t: abs(t.i - token.i)) if verbs else None


def verb_tense(verb: Token) -> str | None:
    """Future, past or present, from the verb, its auxiliaries, and a planning verb above it."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "conj" and not auxes and verb.head.pos_ in VERB_POS and verb.head is not verb:
        return verb_tense(verb.head)  # "started in May and peaked by June": the first verb's tense
    if any(a.lower_ in FUTURE_AUX for a in auxes) or verb.lower_ in FUTURE_AUX:
        return "future"
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.lemma_.lower() in FUTURE_LEMMAS:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "perfect"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "relcl", "advcl"):
        return "past"  # "plans announced in January": a reduced relative clause
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in ("advcl", "pcomp"):
        # "said it while visiting in May", "left after visiting in May": a participle has no
        # tense of its own; the clause it belongs to has
        clause = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if clause.pos_ in VERB_POS and clause is not verb:
            return verb_tense(clause)
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    if verb.tag_ == "VB" and any(a.lower_ in PAST_AUX for a in auxes):
        return "past"
    return None
