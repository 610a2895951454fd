"""The cue next to a quotation, and the token that names its speaker.

A quotation's attribution lies in the clause right after its closing mark (", Smith
said") or right before its opening mark ("Smith said:", "Smith said that"). Each window
stops at a sentence end, at another quotation, or at the paragraph's end; a quotation
opening a paragraph also looks at the previous paragraph when that one ends with a
colon ("Smith continued:"). In a window the cue is a reporting verb (its subject, or the
subject of the verb it depends on, is the speaker), any verb whose subject is a name
right after the quotation ("“...?” Smith demanded"), "according to X", a dash before a
name ("— Name, title", "―Name"), names alone before a colon ("Smith: ...", "Jane Smith,
Fox News: ..."), a name right before a quotation set off by dashes ("including Jane Roe
-- “...” --") or a reporting verb closing the sentence (", Smith said.", ", says Jane Roe.").
A noun subject gives way to the name it is given ("said his friend, Jane Roe,", "the chief
known as Bob"); a participle hung on a clause reported by a named subject is that subject's
("Roe said the case reminds him of X, explaining, “...”"). In a relative clause, a name
between the pronoun and the verb is its subject ("Doe, whom Roe called “...”"), and a
reporting verb whose subject is "that" or "which" is no cue ("records that would respond").
A capitalised word right before a noun subject may be a surname that is also a word ("which
Will claims affirmed").

Where the parse misleads, the words' order decides: a reporting verb opening the clause
after a quotation has its speaker after it, up to a comma or a preposition ("said co-host
Jane Roe, 29, of Ames"); a clause that ends in a colon introduces what its top verb's named
subject says, not a reporting verb inside a subordinate clause ("When Doe suggested it, Roe
fired back:"); a report inside what another named subject says is that subject's account
("Roe said Doe reassured them that “...”"); "but he said that ..." after a quotation reports
its own clause, and a reporting verb closing the next sentence is no cue.

Not handled: cues two sentences away ("Smith spoke next. ... “A”"), passive reports
("was quoted as saying"), speakers given only as objects ("told by Smith"), plural
speakers ("Smith and Jones wrote" is Smith's).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...patterns import quotes as P

SENTENCE_END = frozenset({".", "!", "?"})
BARE_REACH = 5  # tokens after a sentence-final quotation where a bare "Smith said" may sit
AFTER_NAME_REACH = 5  # words of a name (and its verb) right after a quotation


@dataclass(frozen=True)
class Cue:
    """A reporting verb or phrase, and the tokens that may name who speaks, best first.

    The first candidate is the parse's subject; the others, tried only when the parse
    found none or named no one, are the nearest names and pronouns around the cue.
    """

    text: str
    candidates: tuple[Token, ...]
    side: str  # "after" or "before" the quotation


def after_window(doc: Doc, first: int, limit: int, in_quote: list[bool]) -> list[Token]:
    """Tokens from ``first`` up to the sentence end, the next quotation or ``limit``."""
    window = []
    for token in doc[first:limit]:
        if in_quote[token.i]:
            break
        if token.is_space:  # a double or non-breaking space inside the paragraph
            continue
        window.append(token)
        if token.text in SENTENCE_END:
            break
    return window


def before_window(doc: Doc, last: int, floor: int, in_quote: list[bool]) -> list[Token]:
    """Tokens back from ``last`` to the sentence start, the previous quotation or ``floor``."""
    window: list[Token] = []
    for i in range(last, floor - 1, -1):
        token = doc[i]
        if in_quote[i] or (token.text in SENTENCE_END and window):
            break
        if token.text not in SENTENCE_END and not token.is_space:
            window.append(token)
    return window[::-1]


def cue_after(window: list[Token], quoted: list[bool], bare: bool = False) -> Cue | None:
    """", Smith said", "said Smith", "he told reporters", "according to X", "— Smith".

    ``bare``: after a quotation that ends its sentence, only a bare clause counts
    ("“A.” Smith said."), not one reporting something else ("Smith said he disagreed").
    """
    if not window:
        return None
    if len(window) > 1 and window[0].text in P.DASHES and window[1].pos_ == "PROPN":
        return Cue(window[0].text, (_name_head(window[1]),), "after")
    if glued_dash(window[0]):  # "―Jane Roe": the tokenizer keeps some dashes on the name
        return Cue(window[0].text[0], (_name_head(window[0]),), "after")
    if bare:
        verb = next((t for t in window[:BARE_REACH] if _reporting(t, weak=False) and not _of_a_thing(t)),
                    None) or _any_verb(window)
        end = window[-1].i
        if verb is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") and verb.i < c.i <= end for c in verb.children):
            return None
        return Cue(verb.text, _candidates(window, verb, quoted), "after")
    if (closing := _closing_inverted(window)) is not None:
        return closing
    for token in window:
        if _according(token):
            return Cue("according to", _according_object(token), "after")
        if _reporting(token, weak=False) and not _reports_other(window, token) and not _of_a_thing(token):
            named = _named_after_verb(window, token)
            candidates = _candidates(window, token, quoted)
            opening = _opening_name(window, token)
            if opening is not None and candidates and candidates[0].dep_ not in P.SUBJECT_DEPS:
                candidates = (opening, *candidates)  # no subject in the parse: the name opening the clause
            return Cue(token.text, (*named, *candidates), "after")
    verb = _any_verb(window)
    return Cue(verb.text, _candidates(window, verb, quoted), "after") if verb is not None else None


def _closing_inverted(window: list[Token]) -> Cue | None:
    """“...,” agreeing to disagree on it, says psychologist Jane Roe.: a sentence closed by
    ", says <name>." is the name's, whatever reporting verb comes earlier in the clause."""
    if len(window) < 4 or window[-1].text not in SENTENCE_END:
        return None
    subject = window[-2]
    verb = subject.head
    if subject.dep_ != "nsubj" or subject.pos_ != "PROPN" or verb.i > subject.i or verb.dep_ != "ROOT":
        return None
    if not _reporting(verb, weak=False) or verb.i == window[0].i or verb.nbor(-1).text != ",":
        return None
    if any(t.i > verb.i and t.i < subject.i and t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET") for t in window):
        return None  # the subject phrase runs from the verb to the sentence's end
    return Cue(verb.text, (subject,), "after")


def _named_after_verb(window: list[Token], verb: Token) -> tuple[Token, ...]:
    """“...,” said Springfield co-host Jane Roe, 29: a reporting verb opening the clause after a
    quotation has its speaker after it, up to the first comma or preposition, whatever the parse
    made of it."""
    words = [t for t in window if not t.is_punct]
    if not words or words[0] is not verb:
        return ()
    runs: list[list[Token]] = []
    previous: Token | None = None
    for token in window[window.index(verb) + 1:]:
        if token.text in (",", ";") or token.text in SENTENCE_END or token.pos_ == "ADP":
            break  # "of Acme Partners", "at Acme": what follows qualifies the speaker
        if token.pos_ == "PROPN" and token.text[:1].isupper() and not _qualifies(token, verb):
            if runs and runs[-1][-1] is previous:
                runs[-1].append(token)
            else:
                runs.append([token])
        previous = token
    # the name nearest the clause's end, a person's if the model labels one ("Blaze host Stu Roe")
    run = next((r for r in reversed(runs) if any(t.ent_type_ == "PERSON" for t in r)), runs[-1] if runs else None)
    return (run[-1],) if run else ()


def _reports_other(window: list[Token], verb: Token) -> bool:
    """“A,” but he said that the talks failed: a verb with its own reported clause after it
    reports that clause, not the quotation before it."""
    end = window[-1].i
    return any(c.dep_ == "ccomp" and verb.i < c.i <= end for c in verb.children) and any(
        t.dep_ == "cc" and t.i < verb.i for t in window[:3])


def _of_a_thing(verb: Token) -> bool:
    """“...” that would respond to the requests, Roe wrote: a reporting verb in a relative clause
    whose subject is "that" or "which" tells what a thing does; no one speaks through it."""
    return verb.dep_ == "relcl" and any(c.dep_ in P.SUBJECT_DEPS and c.lower_ in P.THING_RELATIVES
                                        for c in verb.children)


def _opening_name(window: list[Token], verb: Token) -> Token | None:
    """“...,” Jane Roe, a top Doe adviser, said: the name that opens the clause before its verb."""
    words = [t for t in window if not t.is_punct]
    first = words[0] if words else None
    if first is None or first.pos_ != "PROPN" or first.i > verb.i or first.dep_ == "poss":
        return None
    return _name_head(first)


def _qualifies(token: Token, verb: Token) -> bool:
    """A word of a phrase that qualifies the speaker ("of Acme Corp", "Acme's"), not the name."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("prep", "pobj", "poss"):
            return True
        token = token.head
    return False


def _main_clause(window: list[Token]) -> Cue | None:
    """"Roe fired back when Doe suggested it:", "Roe delivered a blunt message to Doe:": a
    clause that ends in a colon introduces what its main subject says, whatever the verb."""
    if not window or window[-1].text != ":":
        return None
    inside = {t.i for t in window}
    # the parse often hangs the clause on the quotation's verb: its top verbs are those whose
    # head lies outside the window; the last of them is the one the colon closes
    tops = [t for t in window if t.pos_ in ("VERB", "AUX") and (t.head.i not in inside or t.head.i == t.i)]
    for verb in reversed(tops):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in P.SINGULAR_PRONOUNS):
            return Cue(verb.text, (subject,), "before")
    return None


def _any_verb(window: list[Token]) -> Token | None:
    """"“...?” Vitter demanded.", "“...,” Trump went on.": right after a quotation, a name or
    pronoun and its verb attribute it, whatever the verb."""
    words = [t for t in window if not t.is_punct]
    if len(words) > 2 and words[0].lower_ == "the" and words[1].pos_ == "PROPN":
        words = words[1:]  # "“...,” The Hill reported.": a named outlet, which a weak verb may cite
    if len(words) < 2 or not (words[0].pos_ == "PROPN" or words[0].lower_ in P.SINGULAR_PRONOUNS):
        return None
    for token in words[1:AFTER_NAME_REACH]:
        if token.pos_ == "VERB" and words[0].head.i == token.i and words[0].dep_ in P.SUBJECT_DEPS:
            return token
        if token.pos_ != "PROPN":
            return None
    return None


def cue_tail(window: list[Token], quoted: list[bool]) -> Cue | None:
    """"It was Roe who told Doe that the bank was “moving on,” Smith said.": a reporting verb
    ending the sentence, with its subject, after a comma, reports the whole sentence."""
    if len(window) < 3 or window[-1].text not in SENTENCE_END:
        return None
    verb = window[-2]
    if not _reporting(verb, weak=False) or verb.dep_ not in ("ROOT", "parataxis"):
        return None
    if verb.sent.start >= window[0].i:
        return None  # "“A.” But he disagrees, he said.": a new sentence, not the one holding the quotation
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or not any(t.text == "," for t in window if t.i < subject.i):
        return None
    return Cue(verb.text, _candidates(window, verb, quoted), "after")


def cue_before(window: list[Token], quoted: list[bool]) -> Cue | None:
    """"Smith said:", "Smith said that", "according to Smith,", "Smith: ..."."""
    if (label := _label(window)) is not None:
        return label
    if (named := _name_before_dash(window)) is not None:
        return named
    if (main := _main_clause(window)) is not None:
        return main
    for token in reversed(window):
        if _according(token):
            return Cue("according to", _according_object(token), "before")
        if _reporting(token, weak=token is window[-1] or window[-1].text == ":"):
            token = _outer_report(window, token, quoted)
            return Cue(token.text, _candidates(window, token, quoted), "before")
    return _verb_before_comma(window)


def _name_before_dash(window: list[Token]) -> Cue | None:
    """"prominent Republicans, including Jane Roe -- “...” --": a quotation set off by dashes
    right after a person's name is that person's."""
    if len(window) < 2 or not window[-1].text or not set(window[-1].text) <= P.DASHES:
        return None
    name = window[-2]
    # the model may label a person's full name an organisation: the speaker rules judge the name
    if name.pos_ != "PROPN" or name.ent_type_ not in {"PERSON", "", *P.MISLABELLED_NAME_LABELS}:
        return None
    return Cue(window[-1].text, (name,), "before")


def _verb_before_comma(window: list[Token]) -> Cue | None:
    """"After Doe criticized him, Roe shot back, “...”": a main clause's verb right before the
    comma that opens the quotation, with a name or "he"/"she" as its subject, is its cue."""
    if len(window) < 3 or window[-1].text != ",":
        return None
    inside = {t.i for t in window}
    for verb in reversed(window[-4:-1]):
        if verb.pos_ != "VERB" or (verb.head.i in inside and verb.head.i != verb.i):
            continue
        if any(c.dep_ == "mark" for c in verb.children):
            return None  # "When Roe arrived, “...”": a subordinate clause sets the scene
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in P.SINGULAR_PRONOUNS):
            return Cue(verb.text, (subject,), "before")
    return None


def _outer_report(window: list[Token], verb: Token, quoted: list[bool]) -> Token:
    """"Roe said Doe reassured them that Democrats “...”": a report inside what another named
    subject says is that subject's account; the outermost reporting verb of the window speaks."""
    inside = {t.i for t in window}
    outer, token = verb, verb
    while token.dep_ in ("ccomp", "xcomp", "conj", "acomp") and token.head.i in inside and token.head.i != token.i:
        token = token.head
        subject = subject_of(token, quoted) if _reporting(token, weak=False) else None
        if subject is not None and subject.pos_ == "PROPN":
            outer = token
    return outer


def _label(window: list[Token]) -> Cue | None:
    """"Smith: ...", "Jane Smith, Fox News: ...", "Pollsters agree - Jane Smith: ...": names
    alone before a colon (after a dash, if any) label who speaks; the first name first."""
    if len(window) < 2 or window[-1].text != ":":
        return None
    dashes = [k for k, t in enumerate(window[:-1]) if t.text in P.DASHES]
    label = window[dashes[-1] + 1 if dashes else 0:-1]
    if not label or not all(t.pos_ == "PROPN" or t.is_punct for t in label):
        return None
    ends = [t for k, t in enumerate(label)
            if t.pos_ == "PROPN" and (k + 1 == len(label) or label[k + 1].pos_ != "PROPN")]
    return Cue(":", tuple(ends), "before")


def _candidates(window: list[Token], verb: Token, quoted: list[bool]) -> tuple[Token, ...]:
    subject = subject_of(verb, quoted)
    if subject is not None and (reporter := _reporter_above(verb, subject)) is not None:
        return (reporter, subject)
    if subject is not None and (subject.pos_ == "NOUN" or subject.ent_type_ in P.NON_PERSON_LABELS):
        # "a spokesman said", "the agency said": never a nearby name instead, but the name the
        # noun is given in apposition ("said his best friend at the college, Jane Roe,")
        return (subject, *_appositive_names(subject), *_word_surname_before(subject)) if subject.pos_ == "NOUN" \
            else (subject,)
    # "Roe hardly clarified it -- “That makes me smart” -- and, asked, asserting, “...”": a
    # participle's subject reached through a short quotation's clause is no speaker
    if subject is not None and subject.lower_ in P.NOT_A_SPEAKER and verb.tag_ == "VBG" and subject.head is not verb:
        subject = None
    first = _first_subject(window, verb, quoted) if subject is None else None
    return tuple(t for t in (subject, first, *_next_to(window, verb)) if t is not None)


def _word_surname_before(noun: Token) -> tuple[Token, ...]:
    """"which Will claims affirmed “...”": a capitalised word inside a sentence, read as an
    auxiliary or an adjective right before the noun the parse made the subject, may be a surname
    that is also a word (the speaker rules keep it only if it names one of the article's persons)."""
    if noun.i == 0 or noun.is_sent_start:
        return ()
    word = noun.nbor(-1)
    if word.pos_ in ("PROPN", "NOUN", "PRON", "DET") or word.is_sent_start or not word.text.istitle():
        return ()
    if word.lower_ in P.NOT_NAME_WORDS or word.ent_type_ in P.NON_PERSON_LABELS:
        return ()  # "Republican voters said", "Democratic leaders say": a party or a nationality
    return (word,)


def _first_subject(window: list[Token], verb: Token, quoted: list[bool]) -> Token | None:
    """"The aide, Jane Roe, who ..., was ..., wrote a letter, saying “...”": when the parse
    gives a participle no subject, the sentence's first subject (outside relative clauses),
    in the window, else earlier in the sentence, before a quotation the parse took for the
    participle's clause ("Roe hardly clarified it -- “A” -- and, when asked, asserting, “B”")."""
    if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.tag_ != "VBG":
        return None
    sentence = [t for t in verb.sent if t.i < (window[0].i if window else verb.i) and not quoted[t.i]]
    return next((t for t in (*window, *sentence) if t.i < verb.i and t.dep_ == "nsubj" and t.head.dep_ != "relcl"
                 and t.lower_ not in P.NOT_A_SPEAKER), None)


def _reporter_above(verb: Token, subject: Token) -> Token | None:
    """"Roe said the case reminds him of a book, explaining, “...”": a participle the parse
    hangs on a clause reported by a named subject, whose own subject is a common noun, is the
    reporter's (the name or "he"/"she" subject of the reporting verb above that clause)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or subject.pos_ != "NOUN":
        return None
    clause = subject.head
    if clause.dep_ != "ccomp" or not _reporting(clause.head, weak=False):
        return None
    reporter = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if reporter is None or not (reporter.pos_ == "PROPN" or reporter.lower_ in P.SINGULAR_PRONOUNS):
        return None
    return reporter


def _appositive_names(noun: Token) -> tuple[Token, ...]:
    """The name set off by a comma after a noun, in the noun's phrase: "his best friend at
    the college, Jane Roe," / "The editor I was talking to, Jane Roe,"."""
    names = [t for t in noun.subtree if t.i > noun.i and t.pos_ == "PROPN" and t.dep_ in ("appos", "npadvmod")
             and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","]
    # "the base chief known as Bob", "a man identified as Jane Roe": the name the noun goes by
    names += [t for t in noun.subtree if t.i > noun.i and t.pos_ == "PROPN" and known_as(t)]
    return tuple(names[:1])


def known_as(token: Token) -> bool:
    """The name in "known as Bob", "identified as Jane Roe" (its last word)."""
    head = token.head
    return (token.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.casefold() in P.NAMING_VERBS
            and (token.i + 1 >= len(token.doc) or token.nbor(1).pos_ != "PROPN"))


def subject_of(verb: Token, quoted: list[bool]) -> Token | None:
    """The verb's subject, or that of the clause it hangs on ("upon saying", "and added").

    Subjects inside quotations (``quoted``) belong to the quoted words, not to the cue.
    """
    token = verb
    for step in range(6):  # "said he planned to use it to fight X and to counter “...”": five heads up
        # of two subjects ("No wonder Trump said"), the one nearest the verb
        for child in sorted((c for c in token.children if not quoted[c.i]), key=lambda c: abs(c.i - token.i)):
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "nsubjpass":  # "he was asked": not the speaker, but in
                if not step:  # "he was asked by Doe, “...”": the one asking speaks
                    return next((o for a in token.children if a.dep_ == "agent"
                                 for o in a.children if o.dep_ == "pobj"), None)
                return child  # "he was joined by X and joked" he speaks
        if token.dep_ == "relcl" or (token.dep_ == "acl" and token.head.pos_ in ("PROPN", "PRON")):
            # "Smith, who said"; a misparse of "Smith, an expert, said"; but "Doe, whom Smith called"
            return _named_after_relative(token) or token.head
        if token.dep_ == "acl":  # "issued a statement saying": the one who issued it
            token = token.head
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _named_after_relative(verb: Token) -> Token | None:
    """"Doe, who Smith on Monday called “...”": a name between the relative pronoun and the verb
    is the clause's subject (the pronoun its object), whatever the parse made of them."""
    between = verb.doc[verb.head.i + 1:verb.i]
    wh = next((t for t in between if t.tag_ in ("WP", "WDT")), None)
    if wh is None or wh.i + 1 >= verb.i:
        return None
    name = wh.nbor(1)
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", ""):
        return None
    while name.i + 1 < verb.i and name.nbor(1).pos_ == "PROPN":
        name = name.nbor(1)
    return name


def _next_to(window: list[Token], verb: Token) -> list[Token]:
    """Names and pronouns nearest the verb: before it (closest first), then just after it."""
    before = [t for t in window if t.i < verb.i]
    after = [t for t in window if t.i > verb.i]
    near = [*reversed(before[-12:]), *after[:3]]
    # "Roe, asked about Doe, had said": the name before an aside set off by commas comes
    # first, names inside the aside last
    aside = _aside(before)
    if aside:
        ahead = [t for t in before if t.i < min(aside) - 1][-4:]
        near = [*reversed(ahead), *[t for t in near if t.i not in aside], *[t for t in near if t.i in aside]]
    names = [_name_head(t) for t in near if t.lower_ in P.SINGULAR_PRONOUNS or t.pos_ == "PROPN"]
    # "Will urged", "Young added": a surname that is also a word, read as a verb or an adjective
    word = before[-1] if before and before[-1].i == verb.i - 1 else None
    if word is not None and word.pos_ != "PROPN" and word.text[:1].isupper() and word.text[1:].islower():
        names.append(word)
    return names


def _aside(before: list[Token]) -> set[int]:
    """Token indices of a comma-delimited aside that ends right before the verb (but for its
    auxiliaries): ", asked about Doe," in "Roe, asked about Doe, had said"."""
    k = len(before) - 1
    while k >= 0 and before[k].pos_ in ("AUX", "ADV", "PART"):
        k -= 1
    if k < 0 or before[k].text != ",":
        return set()
    opening = next((j for j in range(k - 1, -1, -1) if before[j].text == ","), None)
    return {t.i for t in before[opening + 1:k]} if opening is not None else set()


def glued_dash(token: Token) -> bool:
    """A dash and a capitalised word in one token: "―Jane"."""
    return len(token.text) > 1 and token.text[0] in P.DASHES and token.text[1].isupper()


def _name_head(token: Token) -> Token:
    """The last token of the name a token belongs to ("Anna" → "Kovacs")."""
    while token.i + 1 < len(token.doc) and (token.nbor(1).ent_iob_ == "I" or
                                            (not token.ent_type_ and token.nbor(1).pos_ == "PROPN")):
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


def _according_object(token: Token) -> tuple[Token, ...]:
    return tuple(child for child in token.nbor(1).children if child.dep_ == "pobj")
