"""Organisations and places named in one article, each real one once with its other forms.

1. spaCy's ORG entities are organisations; GPE and LOC entities are places, a
   ``country`` when the name is a known country ("U.S." → United States, the form
   written kept as an alias), else a ``place`` (cities, regions, seas); a state of the
   United States with a country's name (Georgia) is the state when the article names
   the United States or another state;
2. a name spaCy labels both ways in one article takes the label it gets most often
   ("Cisco" tagged GPE once and ORG twice is an organisation);
3. refused: common words alone ("Defense", "Ministry"), names made only of a
   person's words (a surname tagged ORG), events ("... Conference"), markup and numbers;
   a street ("Elm Street") or a known country, state, region or territory ("Crimea")
   tagged ORG is a place;
4. forms of one organisation are merged (see ``merge_forms``): an acronym and the
   name it abbreviates (GM = General Motors), a name with and without its legal
   form (AirTanker Ltd. = AirTanker) or the words saying what the company does
   (Apple Computer = Apple, when Apple is written too), with and without "the".
Not handled: demonyms ("Chinese" names a people, not a place: left out), political
groups, acronyms whose expansion the article never writes.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from ...model import Mention
from ...patterns.people import (
    ACRONYM_SKIP,
    ACTOR_LABELS,
    BUSINESS_WORDS,
    COMMON_ACTOR_WORDS,
    COUNTRIES,
    COUNTRY_ALIASES,
    EVENT_WORDS,
    FACILITY_WORDS,
    LEGAL_FORMS,
    NOT_A_NAME,
    ORG_WORDS,
    POSSESSIVE,
    REGIONS,
    STREET_WORDS,
    TERRITORIES,
    US_STATES,
)
from .names import fold

# names that are places whatever spaCy's label ("Crimea" tagged ORG)
KNOWN_PLACES = COUNTRIES | REGIONS | US_STATES | TERRITORIES


@dataclass(frozen=True)
class Named:
    """One entity of the article read as an actor."""

    name: str  # as written, cleaned ("the" dropped, possessive dropped)
    kind: str  # "org" or "place" (a country is decided later, on the merged name)
    paragraph: int


def actor_name(text: str, label: str) -> tuple[str, str] | None:
    """(name, kind) for an entity, or None when it is not an actor worth listing; kind is "org" or "place"."""
    text = POSSESSIVE.sub("", " ".join(text.split())).strip(" \"'“”‘’()[],;:-–—")
    kind = ACTOR_LABELS.get(label)
    if kind is None or not text or NOT_A_NAME.search(text):
        return None
    if text.casefold().startswith("the "):
        text = text[4:]
    if not text[:1].isupper() and not text[:1].isdigit():
        return None
    words = text.casefold().split()
    if len(words) == 1 and (words[0] in COMMON_ACTOR_WORDS or words[0] in ORG_WORDS):
        return None  # "Defense", "Ministry", "Financial Markets": a common word names no one in particular
    if len(words) > 1 and words[-1] in EVENT_WORDS:
        return None  # an event ("Worldwide Developers Conference"), which spaCy often tags ORG
    if (len(words) > 1 and words[-1] in STREET_WORDS) or _canonical(text) in KNOWN_PLACES:
        return text, "place"  # a street ("Elm Street") or a known place ("Crimea") tagged ORG
    return text, kind


def title_places(title: str, known: set[str], person_words: Set[str] = frozenset()) -> list[tuple[str, str, int]]:
    """(name, "place", -1) for each country or region the headline names that the body does not: the
    headline is not parsed, and a country named only there ("... against Europe and the United States")
    is still one the article is about. Found by their names as words, capitals as written; a name
    that is a word of a person's name in the article is left out ("Jordan" of Michael Jordan)."""
    found = []
    for name in sorted(COUNTRIES | REGIONS | set(COUNTRY_ALIASES)):
        form = name if name[:1].isupper() else _written(title, name)
        if form and {fold(w) for w in form.split()} <= person_words:
            continue
        if form and form not in known and _canonical(form) not in known and re.search(
                r"(?<![\w.])" + re.escape(form) + r"(?![\w$])", title):  # "US$7 bn" names a currency
            found.append((form, "place", -1))
    return found


def _written(title: str, lower: str) -> str | None:
    """How the headline writes a country spelling listed in lower case ("u.s." → "U.S."), if it does."""
    at = title.casefold().find(lower)
    form = title[at:at + len(lower)] if at >= 0 else ""
    return form if form[:1].isupper() and (len(form) > 3 or form.replace(".", "").isupper()) else None


def actor_mentions(found: Iterable[tuple[str, str, int]], person_words: Set[str],
                   spelled: Mapping[str, str] | None = None) -> tuple[Mention, ...]:
    """Mentions from (name, kind, paragraph): one per organisation or place, other forms as aliases.

    ``spelled`` maps the acronyms the article defines to their names ("SIA" → "Singapore Airlines").
    """
    named = [Named(n, k, p) for n, k, p in found
             if not ({fold(w) for w in n.split()} <= person_words and k == "org")]  # a surname tagged ORG
    kinds: dict[str, Counter] = defaultdict(Counter)
    for n in named:
        kinds[_canonical(n.name)][n.kind] += 1
    forms: dict[str, list[Named]] = defaultdict(list)
    for n in named:
        forms[_canonical(n.name)].append(n)
    groups = merge_forms({c: _kind_of(kinds[c]) for c in forms}, spelled or {})
    american = {c for c in forms if c == "United States" or c in US_STATES}
    out = []
    for members in groups:
        written = [n for c in members for n in forms[c]]
        kind = _kind_of(sum((kinds[c] for c in members), Counter()))
        name = _display(members)
        if kind == "place" and name in COUNTRIES and not (american - {name} and name in US_STATES):
            kind = "country"  # but Georgia beside the United States or another state is the state
        spelt = {n.name for n in written} | set(members) | {legal_base(m) for m in members} | \
            {short_name(m) for m in members if fold(short_name(m)) in {fold(x) for x in members}} | \
            ({facility_short(m) for m in members} if kind == "place" else set())
        aliases = sorted(spelt - {name})
        out.append(Mention(name=name, kind=kind, aliases=tuple(aliases),
                           paragraphs=tuple(sorted({n.paragraph for n in written if n.paragraph >= 0}))))
    return tuple(sorted(out, key=lambda m: (m.name, m.kind)))


def _canonical(name: str) -> str:
    """A country's one name ("U.S." → United States); any other name as written."""
    return COUNTRY_ALIASES.get(name.casefold(), name)


def _kind_of(votes: Counter) -> str:
    """The label given most often; a tie is an organisation (spaCy tags many companies GPE, few places ORG)."""
    return "place" if votes["place"] > votes["org"] else "org"


def _display(members: list[str]) -> str:
    """The fullest form: most words, then the longest, then A–Z; an acronym only when nothing else is written."""
    return min(members, key=lambda m: (m.isupper(), -len(legal_base(m).split()), -len(m), m))


def legal_base(name: str) -> str:
    """The name without its legal form ("AirTanker Ltd." → "AirTanker"); the name itself if it has none."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold().strip(",.") in LEGAL_FORMS:
        words = words[:-1]
    return " ".join(words).rstrip(",")


def short_name(name: str) -> str:
    """The legal base without the words that say what a company does ("Ford Motor Co." → "Ford");
    the legal base when nothing else would remain or only a common word would ("General Motors")."""
    words = legal_base(name).split()
    while len(words) > 1 and words[-1].casefold() in BUSINESS_WORDS:
        words = words[:-1]
    short = " ".join(words)
    return legal_base(name) if short.casefold() in COMMON_ACTOR_WORDS else short


def facility_short(name: str) -> str:
    """A facility's name without the words saying what it is ("Changi International Airport" → "Changi");
    the name itself when nothing else would remain."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in FACILITY_WORDS:
        words = words[:-1]
    return " ".join(words)


def acronym(name: str) -> str:
    """The initials of a name's capitalised words, legal form and small words left out
    ("European Aeronautic Defence & Space NV" → "EADS")."""
    words = [w for w in legal_base(name).replace("-", " ").split() if w.casefold() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else ""


def merge_forms(kinds: dict[str, str], spelled: Mapping[str, str] | None = None) -> list[list[str]]:
    """Group the names of one kind that are one actor: same legal base, an acronym of the other
    (``spelled`` out by the article, or its initials), or an organisation's last word written
    alone ("Senate" beside "United States Senate").

    An acronym or a last word joins the one name it stands for; with two candidates it stays alone.
    Groups are sorted lists, in the order of their first name A–Z.
    """
    parent = {name: name for name in kinds}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    by_base: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, kind in sorted(kinds.items()):
        by_base[(kind, fold(legal_base(name)))].append(name)
    for name, kind in sorted(kinds.items()):
        if (kind, fold(short_name(name))) in by_base:  # "Apple Computer" beside "Apple"
            by_base[(kind, fold(short_name(name)))].append(name)
    for names in by_base.values():
        for other in names[1:]:
            parent[find(other)] = find(names[0])
    expansions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name, kind in kinds.items():
        if (short := acronym(name)) and len(short) >= 2:
            expansions[(kind, short)].add(find(name))
    for short, full in sorted((spelled or {}).items()):
        full = _canonical(full)
        if short in kinds and full in kinds and kinds[short] == kinds[full]:
            expansions[(kinds[short], short)] = {find(full)}
    for name, kind in sorted(kinds.items()):
        bare = name.replace(".", "")
        if bare.isupper() and 2 <= len(bare) <= 6 and len(expansions.get((kind, bare), ())) == 1:
            (target,) = expansions[(kind, bare)]
            parent[find(name)] = find(target)
    tails: dict[str, set[str]] = defaultdict(set)
    for name, kind in kinds.items():
        if kind == "org" and len(name.split()) > 1:
            tails[fold(name.split()[-1])].add(find(name))
    for name, kind in sorted(kinds.items()):
        if kind == "org" and " " not in name and not name.isupper() and len(tails.get(fold(name), ())) == 1:
            parent[find(name)] = find(next(iter(tails[fold(name)])))
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(kinds):
        groups[find(name)].append(name)
    return sorted(groups.values())
