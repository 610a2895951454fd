"""Deciding which person mentions of different articles are one person.

The rules, in order; each joins two groups only when neither holds a different
registry entry and neither's ``not`` list names the other:

1. registry: mentions named like an entry (name or alias) are that entry's person;
2. same name: mentions whose names have the same key ("President Ann Example" =
   "Ann Example") are one person;
3. longer name: "Ann Example" joins "Ann B. Cee Example" when it is the only
   person whose name holds all its words;
4. one word: "Example" joins the only person whose name begins or ends with it
   and whose roles agree (when the lone word comes with a role, one word of it must
   be shared: "President Example" is not "Ann Example, governor"); among several
   such people, the only one named beside a person the lone word is named beside
   (its companion), else the one named in far more articles than the others;
   otherwise nothing is merged and the pairs become candidates;
5. spelling variants: names that differ in one word by one letter ("Ann Exampel")
   are merged when they also share a role word ("minister") or a companion (a third
   person named beside each of them); otherwise they are candidates for the review report.
   A diminutive and its given name ("Bill" / "William") in otherwise equal names
   count as such a variant.
Not handled: nicknames other than common diminutives, reordered names ("Example Ann"), variants differing in two words.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import TypeVar

from ..extract.people.names import FUZZY_MIN_LENGTH, FUZZY_MIN_LENGTH_IN_NAME, fold, name_key, near_spelling
from ..model import Mention, MergeCandidate, RoleRecord
from ..patterns.people import DIMINUTIVES, ROLE_WORDS
from .registry import Entry

Key = tuple[str, ...]
T = TypeVar("T")
DOMINANT_RATIO = 3  # rule 4: a namesake named in this many times more articles than any other is the one meant
DOMINANT_ARTICLES = 3
GIVEN_NAMES = frozenset(DIMINUTIVES.values())  # what the diminutives are of


@dataclass(frozen=True, slots=True)  # one per mention of the collection: no __dict__ each
class Unit:
    """One person mention of one article."""

    briefing: str  # briefing slug
    article: str  # article id
    date: str | None
    mention: Mention

    @property
    def key(self) -> Key:
        return name_key(self.mention.name)

    @property
    def keys(self) -> set[Key]:
        return {k for k in map(name_key, (self.mention.name, *self.mention.aliases)) if k}


class Clusters:
    """Union-find over units, refusing joins that the registry forbids."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.parent = list(range(len(units)))
        self.entry: dict[int, Entry] = {}
        key = memoised(name_key)  # a collection repeats its names: each is keyed once
        self.unit_keys: list[Key] = [key(u.mention.name) for u in units]  # ``Unit.key`` of each unit
        self.keys: dict[int, set[Key]] = {i: {k for k in map(key, (u.mention.name, *u.mention.aliases)) if k}
                                          for i, u in enumerate(units)}
        self.roles: dict[int, set[str]] = {i: _role_words(u.mention.roles) for i, u in enumerate(units)}
        self.candidates: dict[tuple[str, str], str] = {}
        self.briefings: dict[str, set[int]] | None = None  # briefing slug → its units, for companions
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(units))}  # root → its units
        self.company: dict[int, dict[int, set[str]]] = {}  # ``named_with``'s, kept up to date by ``join``
        self.watching: dict[int, set[int]] = defaultdict(set)  # a group → the groups whose ``company`` names it

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def allowed(self, a: int, b: int) -> bool:
        ea, eb = self.entry.get(a), self.entry.get(b)
        if ea and eb and ea is not eb:
            return False
        return not (ea and ea.never_keys & self.keys[b]) and not (eb and eb.never_keys & self.keys[a])

    def join(self, i: int, j: int, reason: str = "") -> bool:
        a, b = sorted((self.find(i), self.find(j)))
        if a == b:
            return True
        if not self.allowed(a, b):
            self.note(a, b, reason or "kept apart by the people registry")
            return False
        self.parent[b] = a
        self._joined_company(a, b)
        self.members[a] += self.members.pop(b)
        self.keys[a] |= self.keys.pop(b)
        self.roles[a] |= self.roles.pop(b)
        if b in self.entry:
            self.entry[a] = self.entry.pop(b)
        return True

    def _joined_company(self, a: int, b: int) -> None:
        """``b`` joined ``a``: in the other groups' ``company``, ``b`` is now ``a``; the two groups' own are
        merged into ``a``'s (the one missing made first), not dropped: a much-named person is compared with
        namesake after namesake and joins many of them, and making theirs again at each join grew with the
        square of the collection."""
        mine, theirs = self.company.pop(a, None), self.company.pop(b, None)
        for other in self.watching.pop(b, ()):
            named = self.company.get(other)
            if named is not None and b in named:
                named[a] = named.get(a, set()) | named.pop(b)
                self.watching[a].add(other)
        if mine is None and theirs is None:
            return
        mine = self._rekeyed(mine if mine is not None else self._company(a), a, b)
        theirs = self._rekeyed(theirs if theirs is not None else self._company(b), a, b)
        big, small = (mine, theirs) if len(mine) >= len(theirs) else (theirs, mine)
        for other, slugs in small.items():
            if other in big:
                big[other] |= slugs
            else:
                big[other] = slugs
        for other in (big if big is theirs else small):  # who names b's companions now names a's
            self.watching[other].add(a)
        self.company[a] = big

    @staticmethod
    def _rekeyed(named: dict[int, set[str]], a: int, b: int) -> dict[int, set[str]]:
        if b in named:
            named[a] = named.get(a, set()) | named.pop(b)
        return named

    def named_with(self, i: int) -> dict[int, set[str]]:
        """Each group named in a briefing of ``i``'s group (that one too) → those briefings. Remembered:
        a namesake's options ask again and again for the same much-named person."""
        root = self.find(i)
        if root not in self.company:
            self.company[root] = found = self._company(root)
            for other in found:
                self.watching[other].add(root)
        return self.company[root]

    def _company(self, root: int) -> dict[int, set[str]]:
        """``named_with`` of the units ``members[root]`` holds, made from their briefings."""
        if self.briefings is None:  # built once: candidates are few, units many
            self.briefings = defaultdict(set)
            for n, unit in enumerate(self.units):
                self.briefings[unit.briefing].add(n)
        found: dict[int, set[str]] = defaultdict(set)
        for slug in {self.units[n].briefing for n in self.members[root]}:
            for n in self.briefings[slug]:
                found[self.find(n)].add(slug)
        return found

    def note(self, a: int, b: int, reason: str) -> None:
        """Record two groups not merged, for the review report."""
        names = sorted((self.units[self.find(a)].mention.name, self.units[self.find(b)].mention.name))
        if names[0] != names[1]:
            self.candidates.setdefault((names[0], names[1]), reason)

    def roots(self) -> list[int]:
        return sorted({self.find(i) for i in range(len(self.units))})

    def merge_candidates(self) -> tuple[MergeCandidate, ...]:
        return tuple(MergeCandidate(names, reason) for names, reason in sorted(self.candidates.items()))


def memoised(function: Callable[[str], T]) -> Callable[[str], T]:
    """``function`` remembering its results for one resolution: a collection names the same people,
    organisations and places over and over (not across rebuilds: a long ``mkdocs serve`` would keep
    every form ever seen)."""
    found: dict[str, T] = {}

    def memo(text: str) -> T:
        value = found.get(text)
        if value is None:
            value = found[text] = function(text)
        return value
    return memo


def most_first(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """(slug, count) pairs, the most counted first, then by slug (the same order every build)."""
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def role_history(roles: Iterable[RoleRecord]) -> tuple[RoleRecord, ...]:
    """A person's roles by the date of the article that gives them, undated last."""
    return tuple(sorted(roles, key=lambda r: (r.date is None, r.date or "", r.article, r.role)))


def only(items: Iterable[int]) -> int | None:
    """The one value ``items`` yields (however often), None when none or several (stops at the second)."""
    found = None
    for item in items:
        if found is not None and item != found:
            return None
        found = item
    return found


def _role_words(roles: Iterable[str]) -> set[str]:
    return {w for role in roles for w in fold(role).replace(",", " ").split() if w in ROLE_WORDS}


def cluster(units: list[Unit], entries: tuple[Entry, ...]) -> Clusters:
    """Apply the rules of the module docstring, in order."""
    clusters = Clusters(units)
    _pin(clusters, entries)
    _same_name(clusters)
    _longer_name(clusters)
    _one_word(clusters)
    _variants(clusters)
    return clusters


def _pin(clusters: Clusters, entries: tuple[Entry, ...]) -> None:
    """Rule 1: a unit named like an entry belongs to it (its own name first, then its aliases);
    in the articles an entry lists, a shorter form of its name ("Example") belongs to it too."""
    first: dict[int, int] = {}
    for i, unit in enumerate(clusters.units):
        scoped = [e for e in entries if e.applies_to(unit.article, unit.briefing)]
        key = clusters.unit_keys[i]
        entry = next((e for e in scoped if key in e.keys), None) or \
            next((e for e in scoped if unit.keys & e.keys), None) or \
            next((e for e in scoped if e.articles and any(set(key) <= set(k) for k in e.keys)), None)
        if entry is None:
            continue
        if entry.number in first:
            clusters.join(first[entry.number], i)
        else:
            first[entry.number] = i
            clusters.entry[clusters.find(i)] = entry
            clusters.keys[clusters.find(i)] |= entry.keys


def _same_name(clusters: Clusters) -> None:
    """Rule 2."""
    seen: dict[Key, int] = {}
    for i, key in enumerate(clusters.unit_keys):
        if key in seen:
            clusters.join(seen[key], i, "the same name, kept apart by the people registry")
        else:
            seen[key] = i


def _multi_word_index(clusters: Clusters) -> dict[str, set[int]]:
    """Each word of a multi-word name → the groups holding it."""
    index: dict[str, set[int]] = defaultdict(set)
    for root in clusters.roots():
        for key in clusters.keys[root]:
            if len(key) > 1:
                for word in key:
                    index[word].add(root)
    return index


def _longer_name(clusters: Clusters) -> None:
    """Rule 3."""
    index = _multi_word_index(clusters)
    longer = _LongerForms(clusters)
    for root in clusters.roots():
        if clusters.find(root) != root:
            continue
        for key in sorted(k for k in clusters.keys[root] if len(k) > 1):
            fewest, *others = sorted((index[w] for w in key), key=len)  # not a copy of every "John"'s groups
            # the groups holding every word, intersected in C: every "John" is tested for every "John Smith"
            holder = only(clusters.find(h) for h in fewest.intersection(*others)
                          if h != root and longer.holds(h, frozenset(key)))
            if holder is not None:
                clusters.join(root, holder, "a shorter form of the name, kept apart by the people registry")


class _LongerForms:
    """Whether a group has a name holding more than given words (``words < set(key)`` for one of its keys),
    from the word sets its keys hold, made once per key: a much-named person has thousands of forms, and
    each name sharing its words asked all of them again."""

    WHOLE = 6  # distinct words in a key up to which its word sets are listed (2 ** 6 of them); longer: tested

    def __init__(self, clusters: Clusters) -> None:
        self.clusters = clusters
        self.seen: dict[int, set[Key]] = defaultdict(set)  # a group's keys already listed
        self.parts: dict[int, set[frozenset[str]]] = defaultdict(set)  # the word sets its keys strictly hold
        self.long: dict[int, list[frozenset[str]]] = defaultdict(list)  # its keys of more distinct words

    def holds(self, group: int, words: frozenset[str]) -> bool:
        keys = self.clusters.keys.get(group)
        if not keys:  # no longer a group of its own
            return False
        seen = self.seen[group]
        if len(seen) != len(keys):  # a group's keys only grow (it joined another): list the new ones
            for key in keys - seen:
                distinct = frozenset(key)
                if len(distinct) > self.WHOLE:
                    self.long[group].append(distinct)
                else:
                    self.parts[group].update(frozenset(c) for n in range(1, len(distinct))
                                             for c in combinations(sorted(distinct), n))
            seen |= keys
        return words in self.parts[group] or any(words < key for key in self.long[group])


def _one_word(clusters: Clusters) -> None:
    """Rule 4."""
    edges: dict[str, set[int]] = defaultdict(set)
    for root in clusters.roots():
        for key in clusters.keys[root]:
            if len(key) > 1:
                edges[key[0]].add(root)
                edges[key[-1]].add(root)
    for root in clusters.roots():
        if any(len(k) > 1 for k in clusters.keys.get(root, ())) or clusters.find(root) != root:
            continue
        for (word,) in sorted(clusters.keys[root]):
            options = sorted({clusters.find(h) for h in edges.get(word, ())} - {clusters.find(root)})
            fitting = _fitting_roles(clusters, root, options)
            if len(fitting) > 1:  # several namesakes: the one named beside the same people, if only one is
                fitting = [o for o in fitting if _shared_company(clusters, root, o)] or fitting
            if len(fitting) > 1:
                fitting = _dominant(clusters, fitting)
            if len(fitting) == 1:
                clusters.join(root, fitting[0], "one word of the name, kept apart by the people registry")
                continue
            reason = f"'{word}' could be several people" if len(options) > 1 else f"'{word}' has another role"
            for option in options:
                clusters.note(root, option, reason)


def _dominant(clusters: Clusters, options: list[int]) -> list[int]:
    """The one option named in far more articles than any other (``DOMINANT_RATIO`` times, and in
    at least ``DOMINANT_ARTICLES``), else all of them: a lone "Example" in a collection about
    Vincent Example, whose father Salvatore Example one obituary names, is Vincent."""
    count = {o: len({clusters.units[i].briefing for i in clusters.members[o]}) for o in options}
    ranked = sorted(options, key=lambda o: -count[o])
    top, second = count[ranked[0]], count[ranked[1]]
    return [ranked[0]] if top >= DOMINANT_ARTICLES and top >= DOMINANT_RATIO * second else options


def _fitting_roles(clusters: Clusters, root: int, options: list[int]) -> list[int]:
    """The options a lone word may join: those sharing a role word with it, or all when it has none.

    "President Example" must not join "Ann Example, governor": a lone surname often
    means someone else of that name, so a stated role has to agree.
    """
    mine = clusters.roles[clusters.find(root)]
    if not mine:
        return options
    return [o for o in options if clusters.roles[o] & mine]


def _variants(clusters: Clusters) -> None:
    """Rule 5: same words but one, which is one letter away; the one-word forms against surnames too."""
    buckets: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    for root in clusters.roots():
        for key in clusters.keys[root]:
            for p in range(len(key)):
                buckets[(len(key), p, key[:p] + key[p + 1:])].append((root, key[p]))
            if len(key) > 1:  # a lone surname-like word against first and last words
                buckets[(1, 0, ())].extend([(root, key[0]), (root, key[-1])])
    for (length, _, rest), members in sorted(buckets.items()):
        if length == 1 and not rest:
            _one_word_variants(clusters, members)
            continue
        if len(members) < 2:  # most buckets: a name alone in the collection
            continue
        shortest = FUZZY_MIN_LENGTH_IN_NAME if length > 1 else FUZZY_MIN_LENGTH
        for x, y in _close_pairs([w for _, w in members], shortest, given_names=length > 1):
            (a, wa), (b, wb) = members[x], members[y]
            if near_spelling(wa, wb, shortest):
                _consider(clusters, a, b, f"spelling variants '{wa}' / '{wb}'")
            elif length > 1 and _one_given_name(wa, wb):
                _consider(clusters, a, b, f"'{wa}' and '{wb}' may be one given name")


def _one_letter_out(word: str) -> set[tuple[str, str]]:
    """(first letter, the word or it with one letter left out): two words one edit apart with the same
    first letter share one (a letter changed: both without it; one added: the shorter itself)."""
    return {(word[:1], word), *((word[:1], word[:i] + word[i + 1:]) for i in range(len(word)))}


def _close_pairs(words: list[str], shortest: int, given_names: bool) -> list[tuple[int, int]]:
    """The pairs (x, y), x < y, of ``words`` that may be spelling variants (``near_spelling``) or, with
    ``given_names``, forms of one given name, in the order of a loop over all pairs; found through an
    index, since a bucket (every "John" of the collection) grows with it. A superset: callers test each."""
    near: dict[tuple[str, str], list[int]] = defaultdict(list)
    given: dict[str, list[int]] = defaultdict(list)
    for x, word in enumerate(words):
        if len(word) >= shortest:
            for form in _one_letter_out(word):
                near[form].append(x)
        if given_names and (word in DIMINUTIVES or word in GIVEN_NAMES):
            given[DIMINUTIVES.get(word, word)].append(x)
    pairs = {(x, y) for group in (*near.values(), *given.values()) for n, x in enumerate(group)
             for y in group[n + 1:] if words[x] != words[y]}
    return sorted(pairs)


def _one_given_name(a: str, b: str) -> bool:
    """Two forms of one given name: a diminutive and its name, or two diminutives of it ("Katie" / "Kathryn")."""
    return a != b and DIMINUTIVES.get(a, a) == DIMINUTIVES.get(b, b)


def _one_word_variants(clusters: Clusters, members: list[tuple[int, str]]) -> None:
    """A lone word ("Exampel") near a first or last word of exactly one longer name."""
    by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for root, word in members:
        by_first[word[:1]].append((root, word))
    exact = {word for root, word in members if any(len(k) > 1 for k in clusters.keys.get(clusters.find(root), ()))}
    index: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)  # ``_one_letter_out`` → its words
    for root, word in members:
        if len(word) >= FUZZY_MIN_LENGTH:
            for form in _one_letter_out(word):
                index[form].append((root, word))
    for group in by_first.values():
        for root, word in group:
            if word in exact or any(len(k) > 1 for k in clusters.keys.get(clusters.find(root), ())):
                continue  # a name's own word is not a misspelling of another's
            near = {clusters.find(r) for r, w in _near_words(index, word) if near_spelling(word, w)} \
                - {clusters.find(root)}
            for other in sorted(near):
                if len(near) == 1:
                    _consider(clusters, root, other, f"spelling variant of a name's word: '{word}'")
                else:
                    clusters.note(root, other, f"'{word}' is spelled like several people's names")


def _near_words(index: dict[tuple[str, str], list[tuple[int, str]]], word: str) -> list[tuple[int, str]]:
    """The (root, word) entries of ``index`` that may be one edit from ``word`` (too short: none can be)."""
    if len(word) < FUZZY_MIN_LENGTH:
        return []
    return [entry for form in _one_letter_out(word) for entry in index.get(form, ())]


def _consider(clusters: Clusters, a: int, b: int, reason: str) -> None:
    """Merge on a shared role word or a shared companion; otherwise list the pair for review."""
    ra, rb = clusters.find(a), clusters.find(b)
    if ra == rb:
        return
    if clusters.roles[ra] & clusters.roles[rb] or _shared_company(clusters, ra, rb):
        clusters.join(ra, rb, reason + ", kept apart by the people registry")
    else:
        clusters.note(ra, rb, reason + " with no shared role or companion")


def _shared_company(clusters: Clusters, ra: int, rb: int) -> bool:
    """Whether a third person is named beside both spellings, in articles that name only one of them:
    "Jerymayne Timmons" beside Kathina Thomas is the "Jermayne Timmons" of the articles on her."""
    named_a, named_b = clusters.named_with(ra), clusters.named_with(rb)
    present_a, present_b = named_a[clusters.find(ra)], named_b[clusters.find(rb)]
    fewer, more = sorted((named_a, named_b), key=len)
    return any(other in more and other not in (ra, rb)
               and not named_a[other] <= present_b and not named_b[other] <= present_a for other in fewer)
