"""Who a speaker token refers to: a name, a pronoun or a description, mapped to a person.

``Speakers`` is built once per article. It maps a name as written ("Gen. Smith",
"Smith") to the fullest name of one of the article's persons; a pronoun to the subject
of the main clause in the nearest sentence before it that names one as a subject (skipping
persons whose gender is known to differ; a subjectless "Enter Ms. Roe" counts her); a
description ("the minister") to the one person whose roles or titles hold its head noun.
Anything ambiguous resolves to None: a wrong speaker is worse than none.

A name the article's persons miss is taken as written when it looks like a person's: a
PERSON entity of two words, a surname after an honorific, a lone surname written in full
elsewhere, or a capitalised run of two to four words the model labels an organisation or a
nationality ("Rosette Roe" as NORP) when no word of it names an organisation or a country
and none is written in lower case elsewhere in the article ("Common Cause" is two words).
"X's campaign", "lawyers for X", "X's spokesman" speak for X (``VOICE_NOUNS``), less surely;
so do "X's dictum", "X's answer" (``SAYING_NOUNS``).

Not handled: plural speakers ("they said"), first-person narrators, nicknames, and
descriptions that several persons of the article share.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...model import Mention
from ...patterns import quotes as P
from .cues import known_as

PRONOUN_REACH = 3  # paragraphs back a pronoun may look for its antecedent
DESCRIPTION_REACH = 2  # tokens after a describing noun where the name it describes starts
HEADLINE_SHARE = 0.7  # of a paragraph's longer words capitalised: a headline


@dataclass(frozen=True)
class Who:
    """A resolved speaker and how sure we are of it."""

    name: str
    confidence: float


def form_key(text: str) -> tuple[str, ...]:
    """A name's words, case-folded, without titles and possessive endings."""
    words = [w.casefold().removesuffix("’s").removesuffix("'s") for w in P.WORD.findall(text)]
    words = [w for w in words if w]
    # the last word stays even when it is a title too: "Charlie King", "Mr. Young", "George Will"
    return tuple(w for i, w in enumerate(words) if w not in P.TITLES or i == len(words) - 1)


class Speakers:
    """Resolution of speaker tokens against one article's persons."""

    def __init__(self, doc: Doc, persons: tuple[Mention, ...], in_quote: list[bool],
                 para_of: list[int], body: tuple[str, ...] = ()) -> None:
        self.doc, self.persons, self.in_quote, self.para_of = doc, persons, in_quote, para_of
        self.forms = [(p, [form_key(f) for f in (p.name, *p.aliases)]) for p in persons]
        self.known = {p.name for p in persons}
        self.prose = "\n".join(p for p in body if not _headline(p))  # where names are written in full
        self.ent_of = {t.i: ent for ent in doc.ents for t in ent}
        # words the model labels as something else than a person somewhere in the article
        self.not_person_words = {t.text for ent in doc.ents if ent.label_ in P.NON_PERSON_LABELS for t in ent}
        self.lower_words = {t.text for t in doc if t.is_lower}  # "Common Cause" next to "a common cause"
        self.gender = {p.name: _title_gender(p) for p in persons}
        self._genders_from_text()
        self.events = self._subject_events()
        self.event_starts = [i for i, _ in self.events]

    # ---- names -------------------------------------------------------------------
    def shown(self, name: str) -> str:
        """The name as the article writes it: a person's name never written in the body but
        for glued words ("Jane Roe Tweets", from a headline) loses them ("Jane Roe"); down to
        the surname alone ("President Roe Speech" in a caption, "Mr. Roe" in the prose)."""
        if name not in self.known or name in self.prose:
            return name
        words = name.split()
        forms = next((forms for p, forms in self.forms if p.name == name), [])
        # down to one word only when it is a form of the person's own ("Mr. Roe"), not a given name
        return next((" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)
                     if self._in_prose(" ".join(words[:k])) and (k > 1 or form_key(words[0]) in forms)), name)

    def _in_prose(self, words: str) -> bool:
        """Written in the prose as whole words (a lone "Roe" not as part of "Roesch")."""
        return re.search(rf"(?<![\w'’]){re.escape(words)}(?![\w'’])", self.prose) is not None

    def match(self, text: str, paragraph: int) -> str | None:
        """The person a written name refers to, or None when no person or several fit."""
        key = form_key(text)
        if not key:
            return None
        found = [p for p, forms in self.forms
                 if any(set(key) <= set(f) and key[-1] in f for f in forms if f)]
        # persons kept apart on purpose ("Mr. Smith" beside "Jane Smith"): the one written so
        exact = [p for p, forms in self.forms if key in forms]
        if len(exact) == 1:
            return exact[0].name
        # NER may split one person into "Smith" and "John Smith": keep the fuller
        # "Gorka" is Sebastian Gorka's surname, not the first word of a headline's "Gorka Slam"
        found = [p for p in found if form_key(p.name)[-1:] == key[-1:]] or found
        fuller = [p for p in found if not any(p is not q and set(form_key(p.name)) < set(form_key(q.name))
                                              for q in found)]
        if len(fuller) == 1:
            return fuller[0].name
        if not found:  # written fuller than the article's persons have it: "Bruce Roe" for "Roe"
            shorter = [p for p, forms in self.forms if any(f and f[-1] == key[-1] and set(f) < set(key) for f in forms)]
            return shorter[0].name if len(shorter) == 1 else None
        return self._most_recent(fuller, paragraph)

    def _most_recent(self, candidates: list[Mention], paragraph: int) -> str | None:
        """Of several persons sharing a name part, the one named last before ``paragraph``."""
        last = {p.name: max((q for q in p.paragraphs if q <= paragraph), default=-1) for p in candidates}
        ranked = sorted(last.items(), key=lambda kv: -kv[1])
        if len(ranked) >= 2 and ranked[0][1] > ranked[1][1] and ranked[0][1] >= 0:
            return ranked[0][0]
        return None

    def namesake(self, span: Span, at: int) -> Who | None:
        """"Clinton said" where the article names Bill Clinton and Hillary Clinton: the one the
        passage is about, when clearly so. The last full mention of one of them before ``at``
        (this paragraph, else the ones before) decides, unless another namesake is named in
        full in that paragraph, the one before it, or since. Less sure than a name. Not for
        "Mr. Clinton": newspapers write so the person the story is about, named long before."""
        key = form_key(span.text)
        # "Mr. Roe" is how a paper writes the person its story is about, whoever it named last:
        # it stays as written
        titled = span[0].lower_ in P.HONORIFICS or (span.start and self.doc[span.start - 1].lower_ in P.HONORIFICS)
        if len(key) != 1 or titled:
            return None
        sharing = {p.name for p, forms in self.forms if any(len(f) >= 2 and f[-1] == key[0] for f in forms)}
        if len(sharing) < 2:
            return None
        # any entity label: the model may call "Marta Roe" an organisation the persons list knows better
        full = [(t.i, name) for t in self.doc[:at] if t.lower_ == key[0] and not self.in_quote[t.i]
                and (name := self._full_form_of(self.name_span(t).text, sharing)
                     or self._full_form_of(self.compounds(t).text, sharing))]
        if not full:
            return None
        start, name = full[-1]
        since = self.para_of[start] - 1
        if any(other != name and self.para_of[i] >= since for i, other in full):
            return None
        return Who(name, 0.6)

    def sharing(self, token: Token) -> frozenset[str]:
        """The persons a lone surname may be when several hold it ("Clinton": Bill and Hillary)."""
        key = form_key(self.name_span(token).text) if token.pos_ == "PROPN" else ()
        if len(key) != 1:
            return frozenset()
        names = frozenset(p.name for p, forms in self.forms if any(len(f) >= 2 and f[-1] == key[0] for f in forms))
        return names if len(names) >= 2 else frozenset()

    def _full_form_of(self, text: str, names: set[str]) -> str | None:
        """The one person of ``names`` a name of two words or more written in full is."""
        key = form_key(text)
        if len(key) < 2:
            return None
        fits = {p.name for p, forms in self.forms if p.name in names and key in forms}
        return fits.pop() if len(fits) == 1 else None

    def name_span(self, token: Token) -> Span:
        """The entity holding ``token``, else the token with its proper-noun compounds."""
        if token.i in self.ent_of:
            return self.ent_of[token.i]
        return self.compounds(token)

    def compounds(self, token: Token) -> Span:
        """The token with the compound words before it that depend on it ("Jane" "Roe")."""
        left = token.i
        while left > 0 and self.doc[left - 1].dep_ in ("compound", "flat") and self.doc[left - 1].head.i == token.i:
            left -= 1
        return self.doc[left:token.i + 1]

    def _genders_from_text(self) -> None:
        """"Mr. Smith", "Ms. Jones" in the text tell a person's gender when titles did not."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or ent.start == 0:
                continue
            before = self.doc[ent.start - 1].lower_
            gender = "m" if before in P.MALE_TITLES else "f" if before in P.FEMALE_TITLES else None
            words = {w.casefold().rstrip(".") for w in ent.text.split()}
            gender = gender or ("m" if words & P.MALE_TITLES else "f" if words & P.FEMALE_TITLES else None)
            name = self.match(ent.text, self.para_of[ent.start]) if gender else None
            if name and self.gender.get(name) is None:
                self.gender[name] = gender

    # ---- tokens ------------------------------------------------------------------
    def resolve(self, token: Token) -> Who | None:
        """The person a subject token names, by name, pronoun or description."""
        lower = token.lower_
        paragraph = self.para_of[token.i]
        if lower in P.SINGULAR_PRONOUNS:
            return self.antecedent(token.i, lower)
        if lower in P.NOT_A_SPEAKER or token.pos_ == "PRON":
            return None
        appositions = [c for c in token.children if c.dep_ == "appos" and not self.in_quote[c.i]]
        for candidate in (token, *appositions):
            # the entity, else the proper nouns alone (NER may take in a word: "agree - Jane Roe")
            for span in (self.name_span(candidate), self.compounds(candidate)):
                if (name := self.match(span.text, paragraph)) is not None:
                    return Who(name, 0.95 if candidate is token else 0.9)
            if (who := self.namesake(self.name_span(candidate), token.i)) is not None:
                return who
        if token.lemma_.casefold() in P.VOICE_NOUNS or token.lower_.removesuffix("s") in P.VOICE_NOUNS \
                or (token.pos_ == "NOUN" and token.lower_ in P.SAYING_NOUNS):
            return self._voice_of(token)
        if _written_name(token) and known_as(token):  # "the base chief known as Bob": a name as given
            return Who(_plain(self.compounds(token).text), 0.5)
        if _written_name(token):
            return self._unknown_name(token)  # a surname the tagger took for a noun is still a name
        if token.pos_ == "NOUN":
            return self.describe(token) or self._named_after(token) or next(
                (who for c in appositions if _written_name(c) and (who := self._unknown_name(c))), None)
        return None

    def signed(self, token: Token) -> Who | None:
        """The name after a dash that signs a quotation ("—President Roe, tweeting"), as written
        without its titles, when the article's persons miss it: a dash line names whoever speaks
        (a person: not a name the model labels an organisation or a place, "— Reuters")."""
        if token.ent_type_ not in ("PERSON", ""):
            return None
        words: list[str] = []
        for word in reversed(self.doc[max(0, token.i - P.MAX_NAME_WORDS):token.i + 1]):
            text = word.text.lstrip("".join(P.DASHES))
            if not text[:1].isupper() or word.is_punct or self.in_quote[word.i]:
                break
            words.insert(0, text)
            if text != word.text:
                break  # the dash opens the name
        words = [w for w in words if w.casefold().rstrip(".") not in P.TITLES]
        return Who(_plain(" ".join(words)), 0.5) if words else None

    def _voice_of(self, token: Token) -> Who | None:
        """"Smith's campaign said", "lawyers for Smith wrote": the person they speak for."""
        owners = [c for c in token.children if c.dep_ == "poss"]
        owners += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for o in c.children
                   if o.dep_ == "pobj"]
        owner = next((o for o in owners if o.pos_ == "PROPN"), None)
        who = self.resolve(owner) if owner is not None else None
        return Who(who.name, min(who.confidence, 0.6)) if who is not None else None

    def _named_after(self, token: Token) -> Who | None:
        """"said Springfield resident Jane Roe", "said longtime Roe ally John Doe, a lobbyist":
        the name right after a description, whatever the parse made of it."""
        for nxt in self.doc[token.i + 1:token.i + 1 + DESCRIPTION_REACH]:
            if nxt.is_punct or nxt.is_space:
                continue
            if nxt.ent_type_ != "PERSON" or self.in_quote[nxt.i]:
                return None
            ent = self.ent_of[nxt.i]
            last = self.doc[ent.end - 1]
            name = self.match(ent.text, self.para_of[last.i])
            return Who(name, 0.9) if name else self._unknown_name(last)
        return None

    def _unknown_name(self, token: Token) -> Who | None:
        """A person named only here (NER missed them): a PERSON entity of two words or more,
        or a surname after an honorific ("Ms. Smith"), as written."""
        span = self.name_span(token)
        if span.start and self.doc[span.start - 1].lower_ in P.HONORIFICS:
            return Who(f"{self.doc[span.start - 1].text} {_plain(span.text)}", 0.6)
        if span[0].lower_ in P.HONORIFICS and len(span) >= 2:
            return Who(_plain(span.text), 0.6)
        if token.ent_type_ in P.NON_PERSON_LABELS:
            if (fuller := self._fuller_in_text(token)) is not None:
                return fuller
            return self._mislabelled(token)
        words = [t.text for t in span if t.text.casefold().rstrip(".") not in P.TITLES]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            return Who(_plain(" ".join(words)), 0.6)
        run = proper_run(token)  # "Stu Roe": the model labels the given name alone a person
        if len(run) >= 2 and any(t.ent_type_ == "PERSON" for t in run) and not self._ordinary(run):
            return Who(_plain(" ".join(t.text for t in run)), 0.5)
        # a lone name, or a name the model did not label at all ("O’Donnell said")
        return self._lone_name(token)

    def _lone_name(self, token: Token) -> Who | None:
        """"Paradis said": a single word the model calls a person is the fuller name written
        elsewhere, else the name as written, unless the word names something else elsewhere."""
        if (fuller := self._fuller_in_text(token)) is not None:
            return fuller
        if not token.text[:1].isupper() or token.text in self.not_person_words:
            return None
        if token.ent_type_ != "PERSON" and token.dep_ not in P.SUBJECT_DEPS:
            return None  # an unlabelled word near a cue ("on her Facebook page"), not its subject
        return Who(_plain(token.text), 0.5)

    def _mislabelled(self, token: Token, unlabelled: bool = False) -> Who | None:
        """A full name the model labels as something else ("Rosette Roe" as a nationality), or
        (``unlabelled``) not at all: two capitalised words or more, none the article also writes
        in lower case."""
        fits = token.ent_type_ in P.MISLABELLED_NAME_LABELS or (unlabelled and not token.ent_type_)
        run = proper_run(token) if fits else []
        if len(run) < 2 or self._ordinary(run):
            return None
        return Who(_plain(" ".join(t.text for t in run)), 0.5)

    def _ordinary(self, run: list[Token]) -> bool:
        """Some word of a capitalised run is also written in lower case in the article."""
        return any(t.text.lower() in self.lower_words for t in run)

    def _fuller_in_text(self, token: Token) -> Who | None:
        """"Smith said", where the article also writes "Jane Smith": that fuller name.

        A surname NER labels as an organisation here counts only when the fuller name is a
        PERSON entity elsewhere: the model often mislabels a lone unusual surname, but a
        lone "Acme said" must stay an organisation. Not handled: a surname never written
        in full (it stays unattributed).
        """
        if not token.text[:1].isupper() or any(form_key(token.text)[-1:] == f[-1:] for _, forms in self.forms
                                                for f in forms if f):
            return None  # a surname of the article's persons: ``match`` found it ambiguous
        mislabelled = token.ent_type_ in P.NON_PERSON_LABELS
        for other in self.doc:
            if other.text != token.text or other.i == token.i:
                continue
            if (who := self._mislabelled(other, unlabelled=True)) is not None:
                return who  # "Greg Roe" labelled an organisation here too
            span = self.name_span(other)
            if (mislabelled and not (other.ent_type_ == "PERSON" and span.end == other.i + 1)) \
                    or other.ent_type_ in P.NON_PERSON_LABELS:
                continue
            if len(span) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span) \
                    and span[0].text.casefold().rstrip(".") not in P.TITLES:
                return Who(_plain(span.text), 0.6)
        return None

    def describe(self, token: Token) -> Who | None:
        """"the minister", "the Russian president": the one person whose roles say so."""
        head = token.lemma_.casefold()
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        # every modifier must fit too: "the Russian president" is not the Chinese one
        fits = [p for p in self.persons if {head} | modifiers <= _role_and_alias_words(p)]
        return Who(fits[0].name, 0.75) if len(fits) == 1 else None

    # ---- pronouns ----------------------------------------------------------------
    def antecedent(self, at: int, pronoun: str) -> Who | None:
        """The person last named as a clause subject before token ``at``, within reach."""
        paragraph = self.para_of[at]
        want = "m" if pronoun in P.MALE_PRONOUNS else "f"
        fits = [(i, name) for i, name in self.events[:bisect_left(self.event_starts, at)]
                if self.para_of[i] >= paragraph - PRONOUN_REACH and self.gender.get(name) in (None, want)]
        if not fits:
            return None
        # the nearest sentence naming a fitting subject, and in it the subject of the main
        # clause: "Smith said Jones wasted no time." then "he said" is Smith (Hobbs' search)
        sentence = self.doc[fits[-1][0]].sent.start
        here = [(i, name) for i, name in fits if self.doc[i].sent.start == sentence]
        _, name = min(reversed(here), key=lambda e: _clause_depth(self.doc[e[0]]))
        return Who(name, 0.8)

    def _subject_events(self) -> list[tuple[int, str]]:
        """(token index, person) for every named person that is a clause subject.

        A capitalised NOUN counts too: the tagger often reads a sentence-opening surname
        ("Smith promised ...") as a common noun; ``match`` still requires a known person.
        """
        events = []
        for token in self.doc:
            if not (token.dep_ in P.SUBJECT_DEPS or _topic_of_subjectless(token)) or self.in_quote[token.i]:
                continue
            # "the aide, Jane Roe, wrote": the name in apposition to a subject is the subject
            named = token if _name_like(token) else next(
                (c for c in token.children if c.dep_ == "appos" and _name_like(c)), None)
            if named is not None and (name := self.match(self.name_span(named).text, self.para_of[token.i])):
                events.append((token.i, name))
        return events


def _topic_of_subjectless(token: Token) -> bool:
    """"Enter Ms. Roe, a former aide who ...": a sentence whose main verb has no subject is
    about the person it names as the verb's object; a "she" after it means her."""
    root = token.head
    return (token.dep_ == "dobj" and root.dep_ == "ROOT" and root.i == token.sent[0].i
            and not any(c.dep_ in P.SUBJECT_DEPS or c.dep_ in ("expl", "csubj") for c in root.children))


def _clause_depth(subject: Token) -> int:
    """How deep the clause of ``subject`` is embedded: 0 for the main clause and its conjuncts."""
    depth, verb = 0, subject.head
    while verb.head.i != verb.i:
        depth += verb.dep_ != "conj"
        verb = verb.head
    return depth


def _headline(paragraph: str) -> bool:
    """A Title Case line (a headline kept in the body): its capitals say nothing of names."""
    words = [w for w in P.WORD.findall(paragraph) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def proper_run(token: Token) -> list[Token]:
    """The capitalised words of a person's name ending at ``token`` ("Concord resident Whit Roe"
    → Whit Roe), or [] when they look like an organisation's or a place's name, or run on."""
    doc = token.doc
    if not _capitalised(token) or (token.i + 1 < len(doc) and _capitalised(doc[token.i + 1])):
        return []
    run = [token]
    for i in range(token.i - 1, max(-1, token.i - P.MAX_NAME_WORDS - 2), -1):
        word = doc[i]
        if word.is_space and word.text != "\n":  # "Stu\xa0Roe": a non-breaking space inside the name
            continue
        inner = word.lower_ in P.NAME_PARTICLE_WORDS and len(run) < P.MAX_NAME_WORDS
        title = word.lower_.rstrip(".")
        if not (_capitalised(word) or inner) or title in P.TITLES or title.removesuffix("s") in P.TITLES:
            break
        run.insert(0, word)
    while run and run[0].lower_ in P.NAME_PARTICLE_WORDS:
        run.pop(0)
    if len(run) > P.MAX_NAME_WORDS or any(t.lower_ in P.NOT_NAME_WORDS for t in run):
        return []
    return run


def _capitalised(token: Token) -> bool:
    """A word written like a name: capital first, then lower case ("McAdams", "O’Donnell")."""
    text = token.text
    return len(text) > 1 and text[0].isupper() and any(c.islower() for c in text) and not token.is_punct


def _written_name(token: Token) -> bool:
    """A proper noun, a PERSON word, or a capitalised noun inside a sentence ("O’Donnell said")."""
    if token.pos_ == "PROPN" or (token.ent_type_ == "PERSON" and token.text[:1].isupper()):
        return True
    return token.pos_ == "NOUN" and _capitalised(token) and not token.is_sent_start \
        and token.i > 0 and not token.doc[token.i - 1].is_space


def _name_like(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())


def _plain(name: str) -> str:
    return name.removesuffix("’s").removesuffix("'s").strip()


def _role_and_alias_words(person: Mention) -> set[str]:
    words: set[str] = set()
    for text in (*person.roles, *person.aliases):
        words.update(w.casefold() for w in P.WORD.findall(text))
    return words


def _title_gender(person: Mention) -> str | None:
    words = _role_and_alias_words(person)
    male, female = bool(words & P.MALE_TITLES), bool(words & P.FEMALE_TITLES)
    return "m" if male and not female else "f" if female and not male else None
