"""Actors of one article: persons (with roles and aliases), organisations and countries.

1. spaCy's PERSON entities, split at line breaks, cleaned (possessives, punctuation)
   and checked (no function words, demonyms, organisation words or markup);
2. titles written before a name become roles and a titled alias ("Gen. Ann
   Example"); appositions give roles too (see ``roles``);
3. forms are grouped into persons by their words ("Example" joins "Ann Example",
   see ``names.group_occurrences``);
4. other entities made only of a person's words ("Example" tagged ORG) join that
   person instead of becoming organisations, and so does a person's surname that
   spaCy tagged nothing at all;
5. a person named by one word only is kept when a title or role vouches for it;
6. organisations and places come from the remaining entities, and countries and
   regions written in the headline, which is not parsed (see ``actors``).
Not handled: pronouns ("he" is resolved by the quote stage from these mentions),
persons spaCy does not tag at all, persons named only in the headline (it is not
parsed), a given name written alone ("Laci"), descriptions without a name ("the minister"),
two namesakes told apart by a courtesy title ("Mrs. Example" may join "Bob Example").
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ...model import Article, Mention
from ...nlp import paragraph_at, paragraph_starts
from ...patterns.people import (
    BRAND_AFTER,
    BRAND_BEFORE,
    COMPANY_ENDINGS,
    COUNTRY_ALIASES,
    EVENT_AFTER,
    EVENT_BEFORE,
    INNER_APOSTROPHE,
    MAYBE_EVENT_WORDS,
    NICKNAMED,
    THING_AFTER,
    THING_BEFORE,
)
from .actors import KNOWN_PLACES, actor_mentions, actor_name, title_places
from .names import Group, Occurrence, clean_name, fold, group_occurrences, is_title_word, name_key, near_spelling
from .roles import apposition_after, apposition_before, titling

# entity labels spaCy sometimes gives a person's surname ("Example told reporters")
MISLABELLED = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# tags no name word carries
NOT_NAME_TAGS = frozenset({"VBG", "VBD", "VBN", "VBZ", "VBP", "IN", "DT", "CC", "PRP", "PRP$", "WDT", "WP"})
HEADLINE_NAME = re.compile(r"(?<![\w'’])[A-Z][a-z]+ [A-Z][a-z]+(?:['’]s)?(?![\w'’])")  # "Ann Example('s)"
SPACED_DASH = re.compile(r"\s+[-–—]\s+")  # no name holds one: "San Jose - Acme" is two entities run together
LONE_WORD_REPEATS = 3  # an untitled one-word person tagged this often is one
# places no person's name word, tagged GPE, is taken for ("Jordan" beside Michael Jordan is the country)
NAMED_PLACES = KNOWN_PLACES | {name.title() for name in COUNTRY_ALIASES}


def find_actors(article: Article, doc: Doc) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """(persons, actors) of one article; actors are organisations ("org") and countries ("country")."""
    persons, actors, _ = find_people(article, doc)
    return persons, actors


def find_people(article: Article, doc: Doc) -> tuple[tuple[Mention, ...], tuple[Mention, ...], tuple[Mention, ...]]:
    """(persons, actors, unsure persons) of one article: ``find_actors``, and the persons named by
    one word only that nothing here vouches for (see ``_unsure``), for the cross-article stage."""
    starts = paragraph_starts(article.body)
    occurrences, covered = _nicknamed(doc, starts)
    others: list[Span] = []
    for ent in doc.ents:
        if covered & set(range(ent.start, ent.end)):
            continue
        if ent.label_ == "PERSON" and not _company_name(ent.text):
            occurrences.extend(o for piece in _pieces(_with_given_name(ent)) if (o := _occurrence(doc, piece, starts)))
        else:
            others.append(ent)
    occurrences += _headline_names(article.title, occurrences, doc)
    groups = group_occurrences(occurrences)
    extra = {ent.start: o for ent in others if (o := _mislabelled(doc, ent, starts, groups))}
    untagged = _untagged_surnames(doc, starts, groups)
    if extra or untagged:
        groups = group_occurrences(occurrences + list(extra.values()) + untagged)
    brands = [g for g in groups if _brand(doc, g)]
    groups = [g for g in groups if g not in brands]
    words = {w for g in groups for w in g.key}
    found = [(_mention(g).name, "org", min(o.paragraph for o in g.occurrences)) for g in brands]
    found += [(*named, paragraph_at(starts, ent.start_char)) for ent in others
             if ent.start not in extra and not _an_event(doc, ent)
             for piece in SPACED_DASH.split(ent.text) if (named := actor_name(piece, _label(ent)))]
    found += title_places(article.title, {name for name, _, _ in found}, words)
    labelled = {(fold(ent.text), ent.label_ in PLACE_LABELS) for ent in others if ent.start not in extra}
    persons = tuple(_mention(g) for g in groups if _plausible(g, labelled, doc))
    unsure = tuple(_mention(g) for g in groups if _unsure(g, labelled, doc))
    return persons, actor_mentions(found, words, _spelled_out(doc, others)), unsure


def _brand(doc: Doc, group: Group) -> bool:
    """A full name used as a shop's or a company's ("the Harry Winston boutique", "law firm Patton
    Boggs") at least as often as not, and never with a courtesy title: an organisation."""
    if len(group.key) < 2 or any(o.titled for o in group.occurrences):
        return False
    uses = 0
    for occ in (o for o in group.occurrences if o.position >= 0):  # not a headline's (position -1)
        start = doc[occ.position]
        after = next((t for t in doc[occ.position:] if t.idx >= start.idx + len(occ.name)), None)
        before = doc[occ.position - 1] if occ.position > 0 else None
        uses += bool((after is not None and after.text.casefold() in BRAND_AFTER) or
                     (before is not None and before.text.casefold() in BRAND_BEFORE))
    return 2 * uses >= len(group.occurrences)


def _an_event(doc: Doc, ent: Span) -> bool:
    """A name that may be an event or an organisation ("... Conference"), written as an event: after
    "annual" or a year or an ordinal ("the 2006 Worldwide Developers Conference"), or before "at" or
    "held" (its acronym in brackets skipped)."""
    words = ent.text.split()
    if len(words) < 2 or words[-1].casefold() not in MAYBE_EVENT_WORDS:
        return False
    if any(_event_opener(t) for t in doc[max(0, ent.start - 2):ent.start]):
        return True
    after = ent.end
    if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
        after += 3
    return after < len(doc) and doc[after].text.casefold() in EVENT_AFTER


def _event_opener(token: Token) -> bool:
    """ "annual", a year ("2006") or an ordinal ("10th"): what is written before an event's name."""
    text = token.text.casefold()
    return text in EVENT_BEFORE or (text.isdigit() and len(text) == 4) or \
        (text[:1].isdigit() and text.endswith(("th", "st", "nd", "rd")))


def _company_name(text: str) -> bool:
    """A PERSON entity that names a company by its legal form or trade ("Saturn Corporation"):
    an organisation spaCy mislabelled."""
    words = text.split()
    return len(words) > 1 and words[-1].casefold().strip(".,") in COMPANY_ENDINGS


def _label(ent: Span) -> str:
    """The entity's label, a company named like a person (``_company_name``) being an ORG."""
    return "ORG" if ent.label_ == "PERSON" else ent.label_


def _spelled_out(doc: Doc, ents: list[Span]) -> dict[str, str]:
    """Acronyms the article defines in brackets after a name: "Singapore Airlines (SIA)" → {"SIA": ...}."""
    found: dict[str, str] = {}
    for ent in ents:
        if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
            short = doc[ent.end + 1].text
            named = actor_name(ent.text, _label(ent))
            if short.isalpha() and short.isupper() and 2 <= len(short) <= 6 and named:
                found.setdefault(short, named[0])
    return found


def _plausible(group: Group, labelled: set[tuple[str, bool]], doc: Doc) -> bool:
    """A person named by one word only is kept when a title or role comes with it ("President
    Example"), or when spaCy tags the word a person again and again (a sports report names its
    player by surname only), and the word names nothing else here: no place, and no
    organisation unless a title stands before it (spaCy often tags a surname ORG).

    spaCy's PERSON label on a lone capitalised word is often wrong ("Brexit", a
    product, a sports team); a real person is nearly always introduced with a full name.
    A repeated word written as a thing is none (see ``_written_as_a_thing``).
    """
    if len(group.key) > 1:
        return True
    titled = any(o.titled for o in group.occurrences)
    if not titled and not any(o.roles for o in group.occurrences) and \
            (len(group.occurrences) < LONE_WORD_REPEATS or _written_as_a_thing(doc, group)):
        return False
    names = {fold(o.name) for o in group.occurrences}
    return not any(name in names and (place or not titled) for name, place in labelled)


def _headline_names(title: str, occurrences: list[Occurrence], doc: Doc) -> list[Occurrence]:
    """Full names the headline writes (it is not parsed) whose surname is a body person's surname:
    "Ann Example" of "It's official: Ann Example takes over" when the body says only "Example" and
    "Bob Example". Placed before the body, so the lone surnames far from Bob are hers. Only in a
    headline written in sentence case (in Title Case every word looks like a name), and only a first
    word the body never writes in lower case."""
    words = title.split()
    if not words or sum(w[:1].isupper() for w in words) * 2 > len(words):
        return []
    surnames = {o.key[-1] for o in occurrences if len(o.key) > 1}
    known = {o.key for o in occurrences}
    lower = {t.text for t in doc if t.text.islower()}
    found = []
    for match in HEADLINE_NAME.finditer(title):
        name = clean_name(match.group(0))
        key = name_key(name) if name else ()
        if len(key) == 2 and key[-1] in surnames and key not in known and key[0] not in lower \
                and not is_title_word(key[0]) and not any(w in NAMED_PLACES for w in (name or "").split()):
            found.append(Occurrence(name=name or "", position=-1, paragraph=-1))
    return found


def _unsure(group: Group, labelled: set[tuple[str, bool]], doc: Doc) -> bool:
    """A one-word person ``_plausible`` refuses only for want of a title, a role or repetition ("his
    wife, Laci"): not a word written as a thing, nor one spaCy also tags as something else here."""
    if len(group.key) != 1 or _plausible(group, labelled, doc) or _written_as_a_thing(doc, group):
        return False
    names = {fold(o.name) for o in group.occurrences}
    return not any(name in names for name, _ in labelled)


def _written_as_a_thing(doc: Doc, group: Group) -> bool:
    """A lone word the article writes as a platform, product or place, not a person: once before
    a word such as "app" or "users", or after "via" ("Bluesky users", "via Bluesky"), or twice
    after "on" ("posted on Bluesky"; a person is seldom twice "on" anyone)."""
    before = [doc[o.position - 1].text.casefold() for o in group.occurrences if o.position > 0]
    after = [doc[o.position + 1].text.casefold() for o in group.occurrences if o.position + 1 < len(doc)]
    return any(w in THING_AFTER for w in after) or any(w in THING_BEFORE for w in before) or before.count("on") > 1


def _with_given_name(ent: Span) -> Span:
    """The entity with the given name spaCy left out before it, if any: a capitalised word with an
    apostrophe inside ("Ka'Loni" of "Ka'Loni Marie Example"), which the model does not take for a
    name. A plain capitalised word before a name is more often a description ("Charger Ann Example")."""
    if ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if before.ent_type_ or not INNER_APOSTROPHE.fullmatch(before.text):
        return ent
    return ent.doc[ent.start - 1:ent.end]


def _pieces(ent: Span) -> Iterator[Span]:
    """The parts of an entity between line breaks (spaCy makes a line break a token): a name never spans one."""
    begin = ent.start
    for token in ent:
        if "\n" in token.text:
            if token.i > begin:
                yield ent.doc[begin:token.i]
            begin = token.i + 1
    if begin < ent.end:
        yield ent.doc[begin:ent.end]


def _occurrence(doc: Doc, span: Span, starts: list[int], name: str | None = None,
                written: str | None = None) -> Occurrence | None:
    """A person named by ``span``, with the titles inside or before it made roles.

    ``name`` replaces the span's own text when the span holds more than the name
    (a nickname: ``written`` is then the span as written, kept as an alias).
    """
    start = span.start
    while start < span.end - 1 and (is_title_word(doc[start].text) or doc[start].tag_ in NOT_NAME_TAGS):
        # spaCy sometimes takes the title or a verb into the name ("President Ann Example", "Following Example")
        start += 1
    name = clean_name(name or doc[start:span.end].text)
    if name is None or not name_key(name):
        return None
    titled = titling(doc, start)
    roles = [titled.role, apposition_after(doc, span.end), apposition_before(doc, titled.begin, span.end)]
    return Occurrence(name=name, position=start, paragraph=paragraph_at(starts, doc[start].idx),
                      titled=f"{titled.titles} {name}" if titled.titles else None,
                      roles=[r for r in roles if r], written=written)


def _nicknamed(doc: Doc, starts: list[int]) -> tuple[list[Occurrence], set[int]]:
    """Names written with a nickname in quotes (Vincent "The Chin" Gigante) as the name without it,
    and the tokens they cover; only when spaCy tags the given name or the surname a person somewhere
    (its entity often stops at the quote mark, or takes the quote's words for a title)."""
    found: list[Occurrence] = []
    covered: set[int] = set()
    tagged = {t.text for t in doc if t.ent_type_ == "PERSON"}
    for match in NICKNAMED.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        given, _, surname = match.groups()
        if span is None or not ({given, surname} & tagged):
            continue
        occurrence = _occurrence(doc, span, starts, f"{given} {surname}", " ".join(match.group(0).split()))
        if occurrence:
            found.append(occurrence)
            covered.update(range(span.start, span.end))
    return found, covered


def _untagged_surnames(doc: Doc, starts: list[int], groups: list[Group]) -> list[Occurrence]:
    """The surname of a person named in full, written alone where spaCy tagged nothing ("Timmons was
    arrested"): only a word the article never writes in lower case, the surname of one person only."""
    surnames = Counter(o.key[-1] for g in groups for o in g.occurrences if len(o.key) > 1)
    owners = Counter(w for g in groups for w in {o.key[-1] for o in g.occurrences if len(o.key) > 1})
    lower = {t.text for t in doc if t.text.islower()}
    return [Occurrence(name=t.text, position=t.i, paragraph=paragraph_at(starts, t.idx))
            for t in doc if not t.ent_type_ and len(t.text) > 2 and t.text[:1].isupper()
            and (w := fold(t.text)) in surnames and owners[w] == 1 and t.text.casefold() not in lower]


def _mislabelled(doc: Doc, ent: Span, starts: list[int], groups: list[Group]) -> Occurrence | None:
    """A non-person entity that is a person here: made of a person's words ("Example" tagged ORG),
    a full name ending in the surname of a person named by one word ("Ann Example" tagged ORG),
    a word of a person's full name tagged as a place that no list knows as one ("Hardwicke" tagged
    GPE beside "Catherine Hardwicke"; "Jordan" beside "Michael Jordan" stays the country),
    or, whatever its label, one word spelt one letter away from a person's ("Shoygu" tagged GPE
    beside "Sergei Shoigu": a name transliterated two ways)."""
    name = clean_name(ent.text)
    key = name_key(name) if name else ()
    if not key or len(key) > 3:
        return None
    if ent.label_ in MISLABELLED and \
            any(set(key) <= g.key or (len(g.key) == 1 and key[-1] in g.key) for g in groups):
        return _occurrence(doc, ent, starts)
    if ent.label_ in PLACE_LABELS and len(key) == 1 and name not in NAMED_PLACES and \
            any(len(g.key) > 1 and key[0] in g.key for g in groups):
        return _occurrence(doc, ent, starts)
    if len(key) == 1 and any(len(g.key) > 1 and any(near_spelling(key[0], w) for w in g.key) for g in groups):
        return _occurrence(doc, ent, starts)
    return None


def _mention(group: Group) -> Mention:
    """The person's fullest form as name; other forms and titled forms as aliases."""
    occurrences = sorted(group.occurrences, key=lambda o: o.position)
    counts = Counter(o.name for o in occurrences)
    first = {o.name: i for i, o in reversed(list(enumerate(occurrences)))}
    name = min(counts, key=lambda n: (-len(name_key(n)), -counts[n], first[n]))
    forms = [o.name for o in occurrences] + [f for o in occurrences for f in (o.titled, o.written) if f]
    aliases = tuple(dict.fromkeys(f for f in forms if f and f != name))
    roles: dict[str, str] = {}
    for occ in occurrences:
        for role in occ.roles:
            roles.setdefault(role.casefold(), role)
    return Mention(name=name, kind="person", aliases=aliases, roles=tuple(roles.values()),
                   paragraphs=tuple(sorted({o.paragraph for o in occurrences if o.paragraph >= 0})))
