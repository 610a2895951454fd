"""Actors of one article: persons (with roles and aliases), organisations and countries.

1. spaCy's PERSON entities, split at line breaks, cleaned (possessives, punctuation)
   and checked (no function words, demonyms, organisation words or markup);
2. titles written before a name become roles and a titled alias ("Gen. Ann
   Example"); appositions give roles too (see ``roles``);
3. forms are grouped into persons by their words ("Example" joins "Ann Example",
   see ``names.group_occurrences``);
4. other entities made only of a person's words ("Example" tagged ORG) join that
   person instead of becoming organisations;
5. a person named by one word only is kept when a title or role vouches for it;
6. organisations and countries come from the remaining entities (see ``actors``).
Not handled: pronouns ("he" is resolved by the quote stage from these mentions),
persons spaCy does not tag at all, descriptions without a name ("the minister"),
two namesakes told apart by a courtesy title ("Mrs. Example" may join "Bob Example").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ...model import Article, Mention
from ...nlp import paragraph_at, paragraph_starts
from .actors import actor_mentions, actor_name
from .names import Group, Occurrence, clean_name, fold, group_occurrences, is_title, name_key
from .roles import apposition_after, apposition_before, titling

# entity labels spaCy sometimes gives a person's surname ("Example told reporters")
MISLABELLED = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART"})


def find_actors(article: Article, doc: Doc) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """(persons, actors) of one article; actors are organisations ("org") and countries ("country")."""
    starts = paragraph_starts(article.body)
    occurrences: list[Occurrence] = []
    others: list[Span] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            occurrences.extend(o for piece in _pieces(ent) if (o := _occurrence(doc, piece, starts)))
        else:
            others.append(ent)
    groups = group_occurrences(occurrences)
    words = {w for g in groups for w in g.key}
    extra = [o for ent in others if ent.label_ in MISLABELLED and (o := _mislabelled(doc, ent, starts, groups))]
    if extra:
        groups = group_occurrences(occurrences + extra)
    found = ((*named, paragraph_at(starts, ent.start_char)) for ent in others
             if (named := actor_name(ent.text, ent.label_)))
    labelled = {fold(ent.text) for ent in others}
    return tuple(_mention(g) for g in groups if _plausible(g, labelled)), actor_mentions(found, words)


def _plausible(group: Group, labelled: set[str]) -> bool:
    """A person named by one word only is kept when a title or role comes with it ("President
    Example") and the word names no place or organisation here.

    spaCy's PERSON label on a lone capitalised word is often wrong ("Brexit", a
    product, a sports team); a real person is nearly always introduced with a full name.
    """
    if len(group.key) > 1:
        return True
    titled = any(o.titled or o.roles for o in group.occurrences)
    return titled and not any(fold(o.name) in labelled for o in group.occurrences)


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


def _occurrence(doc: Doc, span: Span, starts: list[int]) -> Occurrence | None:
    """A person named by ``span``, with the titles inside or before it made roles."""
    start = span.start
    while start < span.end - 1 and is_title(doc[start].text):
        start += 1  # spaCy sometimes takes the title into the name ("President Ann Example")
    name = clean_name(doc[start:span.end].text)
    if name is None or not name_key(name):
        return None
    titled = titling(doc, start)
    roles = [titled.role, apposition_after(doc, span.end), apposition_before(doc, titled.begin, span.end)]
    return Occurrence(name=name, position=start, paragraph=paragraph_at(starts, doc[start].idx),
                      titled=f"{titled.titles} {name}" if titled.titles else None,
                      roles=[r for r in roles if r])


def _mislabelled(doc: Doc, ent: Span, starts: list[int], groups: list[Group]) -> Occurrence | None:
    """A non-person entity that is a person here: made of a person's words ("Example" tagged ORG),
    or a full name ending in the surname of a person named by one word ("Ann Example" tagged ORG)."""
    name = clean_name(ent.text)
    key = name_key(name) if name else ()
    if not key or len(key) > 3:
        return None
    if any(set(key) <= g.key or len(g.key) == 1 and key[-1] in g.key for g in groups):
        return _occurrence(doc, ent, starts)
    return None


def _mention(group: Group) -> Mention:
    """The person's fullest form as name; other forms and titled forms as aliases."""
    occurrences = sorted(group.occurrences, key=lambda o: o.position)
    counts = Counter(o.name for o in occurrences)
    first = {o.name: i for i, o in reversed(list(enumerate(occurrences)))}
    name = min(counts, key=lambda n: (-len(name_key(n)), -counts[n], first[n]))
    forms = [o.name for o in occurrences] + [o.titled for o in occurrences if o.titled]
    aliases = tuple(dict.fromkeys(f for f in forms if f and f != name))
    roles: dict[str, str] = {}
    for occ in occurrences:
        for role in occ.roles:
            roles.setdefault(role.casefold(), role)
    return Mention(name=name, kind="person", aliases=aliases, roles=tuple(roles.values()),
                   paragraphs=tuple(sorted({o.paragraph for o in occurrences})))
