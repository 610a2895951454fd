"""The people extractor on invented sentences: who is named, with which roles and aliases."""
from __future__ import annotations

import pytest
from spacy.language import Language

from generator.extract.people import find_actors
from generator.extract.people.names import (
    Occurrence,
    clean_name,
    edit_distance,
    group_occurrences,
    name_key,
    near_spelling,
)
from generator.model import Mention
from generator.nlp import parse
from tests.conftest import make_article


def persons(nlp: Language, *paragraphs: str) -> tuple[Mention, ...]:
    article = make_article(*paragraphs)
    return find_actors(article, parse(nlp, article))[0]


def actors(nlp: Language, *paragraphs: str) -> tuple[Mention, ...]:
    article = make_article(*paragraphs)
    return find_actors(article, parse(nlp, article))[1]


def by_name(found: tuple[Mention, ...]) -> dict[str, Mention]:
    return {m.name: m for m in found}


# ---- names: pure functions ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Maria Delgado", "Maria Delgado"),
    ("Maria Delgado's", "Maria Delgado"),
    ("Maria Delgado’s", "Maria Delgado"),
    ("Li", "Li"),
    ("Ludwig van Halder", "Ludwig van Halder"),
    ("Brazil And Peru", None),  # capitalised function word: not a name
    ("Zentrix Corporation", None),  # organisation word
    ("Chinese", None),  # demonym
    ("NATO", None),  # acronym
    ("300px", None),  # markup
    ("Monday Morning", None),
    ("KARL OSTERMANN", None),  # shouted byline
    ("Karl Ostermann Karl Ostermann", None),  # printed twice: a caption
    ("Brandt-funded", None),
    ("SkyMesh", None),  # CamelCase product
    ("Connor McAllister", "Connor McAllister"),
])
def test_clean_name(text: str, expected: str | None) -> None:
    assert clean_name(text) == expected


@pytest.mark.parametrize("name, key", [
    ("Gen. Tomas Varga", ("tomas", "varga")),
    ("President Tomas Varga", ("tomas", "varga")),
    ("Tomas R. Varga", ("tomas", "varga")),
    ("Tomás Várga", ("tomas", "varga")),
    ("Varga", ("varga",)),
])
def test_name_key(name: str, key: tuple[str, ...]) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize("a, b, near", [
    ("kovalenko", "kovalenka", True),
    ("shuvalov", "shuvalev", True),
    ("petrov", "petrov", False),  # the same word is not a variant
    ("lee", "lem", False),  # too short to tell
    ("kovalenko", "bovalenko", False),  # a different first letter
    ("kovalenko", "kovalchuk", False),
])
def test_near_spelling(a: str, b: str, near: bool) -> None:
    assert near_spelling(a, b) is near


def test_edit_distance_stops_early() -> None:
    assert edit_distance("abc", "abd") == 1
    assert edit_distance("abcdefgh", "zyxwvuts", limit=2) == 3


# ---- one article: grouping, titles, roles ---------------------------------------

def test_surname_and_titled_forms_are_one_person(nlp: Language) -> None:
    found = persons(nlp, "Gen. Tomas Varga arrived in Lisbon on Monday.",
                    "Varga said the talks had gone well.",
                    "Tomas Varga later left for Madrid.")
    assert [m.name for m in found] == ["Tomas Varga"]
    assert set(found[0].aliases) == {"Varga", "Gen. Tomas Varga"}
    assert "general" in found[0].roles


def test_surname_first_names_group(nlp: Language) -> None:
    found = persons(nlp, "Defense Minister Zhou Minghao visited Hanoi on Tuesday.",
                    "Zhou met his Vietnamese counterpart for two hours.")
    assert [m.name for m in found] == ["Zhou Minghao"]
    assert "Zhou" in found[0].aliases


def test_namesakes_stay_apart(nlp: Language) -> None:
    found = by_name(persons(nlp, "Anna Kowalski met Piotr Kowalski in Warsaw.",
                            "Piotr Kowalski said the deal was done."))
    assert set(found) == {"Anna Kowalski", "Piotr Kowalski"}


@pytest.mark.parametrize("sentence, name, role", [
    ("Brazilian Foreign Minister Carlos Mendes arrived in Lima.", "Carlos Mendes", "Brazilian Foreign Minister"),
    ("The talks were led by Peru's new finance minister, Maria Lopez, on Friday.", "Maria Lopez",
     "Peru's new finance minister"),
    ("Maria Lopez, a senior fellow at the Andes Policy Institute, said the plan was sound.", "Maria Lopez",
     "senior fellow at the Andes Policy Institute"),
    ("Marine Corps Lt. Gen. Robert Haldane said the drills would continue.", "Robert Haldane",
     "Marine Corps lieutenant general"),
    ("Zentrix spokeswoman Julia Brandt declined to comment.", "Julia Brandt", "Zentrix spokeswoman"),
])
def test_roles(nlp: Language, sentence: str, name: str, role: str) -> None:
    found = by_name(persons(nlp, sentence))
    assert role in found[name].roles


@pytest.mark.parametrize("sentence, name", [
    ("Yesterday Carlos Mendes flew to Lima.", "Carlos Mendes"),  # a sentence-opening word is not a role
    ("Carlos Mendes, who flew to Lima, was tired.", "Carlos Mendes"),  # relative clause: not handled
    ("Critics of Carlos Mendes gathered outside.", "Carlos Mendes"),
])
def test_no_role(nlp: Language, sentence: str, name: str) -> None:
    assert by_name(persons(nlp, sentence))[name].roles == ()


def test_titled_alias_keeps_only_titles(nlp: Language) -> None:
    found = by_name(persons(nlp, "Chilean President Rosa Alvarado opened the summit."))
    assert found["Rosa Alvarado"].aliases == ("President Rosa Alvarado",)
    assert found["Rosa Alvarado"].roles == ("Chilean President",)


def test_possessive_does_not_make_a_new_person(nlp: Language) -> None:
    found = persons(nlp, "Karen Whitfield's plan was approved.", "Whitfield's allies cheered the vote.")
    assert [m.name for m in found] == ["Karen Whitfield"]
    assert found[0].aliases == ("Whitfield",)


def test_full_name_tagged_as_organisation_joins_its_surname(nlp: Language) -> None:
    # the small model tags this full name ORG and the later surname PERSON
    found = persons(nlp, "Helena Marsh spoke first.", "Nothing else happened.", "Marsh left early.")
    assert [m.name for m in found] == ["Helena Marsh"]


def test_line_breaks_split_names(nlp: Language) -> None:
    found = persons(nlp, "The report was signed by Helena Marsh", "Oskar Lindqvist replied on Tuesday.")
    assert {m.name for m in found} <= {"Helena Marsh", "Oskar Lindqvist"}


def test_paragraphs_are_recorded(nlp: Language) -> None:
    found = persons(nlp, "Karen Whitfield spoke first.", "Nothing else happened.", "Whitfield left early.")
    assert found[0].paragraphs == (0, 2)


@pytest.mark.parametrize("paragraph", [
    "Relations between Brazil And Peru entered a new phase.",
    "Shares of Zentrix Corporation rose on Monday.",
])
def test_not_persons(nlp: Language, paragraph: str) -> None:
    assert persons(nlp, paragraph) == ()


# ---- organisations and countries ------------------------------------------------

def test_countries_fold_demonyms_and_spellings(nlp: Language) -> None:
    found = {(m.name, m.kind) for m in actors(nlp, "Brazilian officials met U.S. diplomats in Brazil.",
                                              "The United States and Brazil signed the accord.")}
    assert ("Brazil", "country") in found
    assert ("United States", "country") in found
    assert not any(name in ("Brazilian", "U.S.") for name, _ in found)


def test_surname_tagged_as_organisation_is_the_person(nlp: Language) -> None:
    article = make_article("Foreign Minister Helga Strand met the press.", "Strand told reporters she was pleased.")
    people, others = find_actors(article, parse(nlp, article))
    assert [m.name for m in people] == ["Helga Strand"]
    assert "Strand" not in {m.name for m in others}


# ---- titles that are parts of longer titles, lists of people, lone words -------

def test_compound_title_makes_no_short_titled_alias(nlp: Language) -> None:
    found = by_name(persons(nlp, "Attorney General Karen Whitfield announced the charges on Monday."))
    assert found["Karen Whitfield"].roles == ("Attorney General",)
    assert "General Karen Whitfield" not in found["Karen Whitfield"].aliases


def test_role_after_and_belongs_to_the_second_person(nlp: Language) -> None:
    found = by_name(persons(nlp, "Karen Whitfield and Ohio governor Tom Brennan met on Monday."))
    assert found["Tom Brennan"].roles == ("Ohio governor",)


def test_honorific_alone_is_no_role(nlp: Language) -> None:
    found = by_name(persons(nlp, "Tom Brennan arrived late.", "Then Mr. Brennan spoke for an hour."))
    assert found["Tom Brennan"].roles == ()
    assert "Mr. Brennan" in found["Tom Brennan"].aliases


@pytest.mark.parametrize("paragraph, expected", [
    ("Senator Brennan spoke for an hour.", {"Brennan"}),  # a title vouches for a lone word
    ("Fans of Thunderbolt queued outside the store.", set()),  # a lone word without one does not
])
def test_lone_words(nlp: Language, paragraph: str, expected: set[str]) -> None:
    assert {m.name for m in persons(nlp, paragraph)} == expected


def test_given_name_that_is_also_a_particle(nlp: Language) -> None:
    assert name_key("Ben Whitfield") == ("ben", "whitfield")
    assert name_key("Anna van Dijk") == ("anna", "dijk")


def test_role_text_survives_a_span_starting_at_an_abbreviation_dot(nlp) -> None:
    from generator.extract.people.roles import role_text

    doc = nlp("Lt. Gen. Ilka Moravec spoke.")
    assert role_text(doc[1:3]) == "general"  # the "." of "Lt." opens the span: dropped, no IndexError


# ---- every spelling of one person ----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Jean-Pierre Lacroix", "Jean-Pierre Lacroix"),  # a capital after a hyphen starts a part of the name
    ("Ka'Loni Marie Brandt", "Ka'Loni Marie Brandt"),  # and after an apostrophe
    ("Dong Jun.", "Dong Jun"),  # the sentence's full stop taken into the entity
    ("Herbert Brandt Jr.", "Herbert Brandt Jr."),  # a suffix keeps its dot
    ("SkyMesh-Pro", None),
])
def test_clean_name_parts(text: str, expected: str | None) -> None:
    assert clean_name(text) == expected


@pytest.mark.parametrize("name, key", [
    ("Herbert Brandt Jr.", ("herbert", "brandt")),  # a generation suffix tells no one apart
    ("Henry Brandt III", ("henry", "brandt")),
])
def test_name_key_drops_suffixes(name: str, key: tuple[str, ...]) -> None:
    assert name_key(name) == key


def test_nickname_in_quotes_is_left_out_of_the_name(nlp: Language) -> None:
    found = persons(nlp, 'Crime boss Vincenzo "The Owl" Brambilla died on Monday.', "Brambilla was 77.")
    assert [m.name for m in found] == ["Vincenzo Brambilla"]
    assert 'Vincenzo "The Owl" Brambilla' in found[0].aliases and "Brambilla" in found[0].aliases


def test_transliteration_tagged_as_a_place_joins_the_person(nlp: Language) -> None:
    article = make_article("Defense Minister Sergei Shoigu met his counterpart in Moscow.",
                           "“We will work together,” Dong told Shoygu.")
    people, others = find_actors(article, parse(nlp, article))
    assert "Shoygu" in by_name(people)["Sergei Shoigu"].aliases
    assert "Shoygu" not in {m.name for m in others}


def test_titled_surname_is_not_an_untitled_namesake(nlp: Language) -> None:
    # the daughters are named in full without a title; "President Varga" is someone else
    found = by_name(persons(nlp, "A staffer criticized Lena and Mira Varga's outfits at the ceremony.",
                            "The daughters join President Varga at the ceremony every year."))
    assert "President Varga" not in found.get("Mira Varga", Mention("", "person")).aliases
    assert "Varga" in found


def test_titled_surname_tagged_as_an_organisation_elsewhere_is_kept(nlp: Language) -> None:
    found = persons(nlp, "President Brennan stood firm on Friday.", "Brennan told reporters in the garden.",
                    "Brennan said the talks would go on.")
    assert [m.name for m in found] == ["Brennan"]


# ---- one person across articles ---------------------------------------------------

def _across(*articles: tuple) -> list[str]:
    from generator.people import resolve_people
    from tests.test_registry import briefing
    return [p.name for p in resolve_people([briefing(f"b{i}", *ms) for i, ms in enumerate(articles)]).people]


def _p(name: str, *aliases: str, roles: tuple[str, ...] = ()) -> Mention:
    return Mention(name=name, kind="person", aliases=aliases, roles=roles)


@pytest.mark.parametrize("articles, expected", [
    # a spelling variant named beside the same third person in other articles: one person
    ([(_p("Jermaine Tolliver"), _p("Kathina Moss")), (_p("Jerymaine Tolliver"), _p("Kathina Moss")),
      (_p("Jermaine Tolliver"),)], ["Jermaine Tolliver", "Kathina Moss"]),
    # ... not without that companion (a review candidate instead)
    ([(_p("Jermaine Tolliver"), _p("Kathina Moss")), (_p("Jerymaine Tolliver"), _p("Ann Lowe"))],
     ["Ann Lowe", "Jermaine Tolliver", "Jerymaine Tolliver", "Kathina Moss"]),
    # a diminutive of the given name, with a companion in common
    ([(_p("Katie Brennan"), _p("John Brennan")), (_p("Kathryn Brennan"), _p("John Brennan")),
      (_p("Katie Brennan"),)], ["John Brennan", "Katie Brennan"]),
    # beside an identical given name, a four-letter surname one letter away, with a companion
    ([(_p("Duncan Rait"), _p("Ann Lowe")), (_p("Duncan Raite"), _p("Ann Lowe")), (_p("Duncan Rait"),)],
     ["Ann Lowe", "Duncan Rait"]),
    # ... but a four-letter surname alone is too short to tell
    ([(_p("Rait", roles=("minister",)),), (_p("Duncan Raite", roles=("minister",)),)], ["Duncan Raite", "Rait"]),
    # two given names that only share a surname never merge
    ([(_p("Katie Brennan"), _p("Ann Lowe")), (_p("Mary Brennan"), _p("Ann Lowe"))],
     ["Ann Lowe", "Katie Brennan", "Mary Brennan"]),
    # a titled surname joins the one full name whose role agrees, not the namesake without one
    ([(_p("Barton Ames", roles=("President",)),), (_p("Lena Ames"),),
      (_p("Ames", "President Ames", roles=("President",)),)],
     ["Barton Ames", "Lena Ames"]),
])
def test_across_articles(articles: list[tuple], expected: list[str]) -> None:
    assert _across(*articles) == expected


def test_lone_surname_among_namesakes_joins_the_one_named_in_far_more_articles() -> None:
    vincent = [(_p("Vincent Brambilla", "Brambilla"),) for _ in range(3)]
    assert _across(*vincent, (_p("Salvatore Brambilla"),), (_p("Brambilla"),)) == \
        ["Salvatore Brambilla", "Vincent Brambilla"]
    # two articles against one is not enough: the lone word stays apart (a review candidate)
    assert _across(*vincent[:2], (_p("Salvatore Brambilla"),), (_p("Brambilla"),)) == \
        ["Brambilla", "Salvatore Brambilla", "Vincent Brambilla"]


@pytest.mark.parametrize("words, at, thing", [
    ("Fans moved to Zorbix users said".split(), [3], True),  # "Zorbix users"
    ("He posted it via Zorbix".split(), [4], True),
    ("posted on Zorbix and later on Zorbix".split(), [2, 6], True),  # twice "on"
    ("a foul on Zorbix and Zorbix scored".split(), [3, 5], False),  # once "on": a person may be
    ("Zorbix said Zorbix would play".split(), [0, 2], False),
])
def test_a_lone_word_written_as_a_thing(words: list[str], at: list[int], thing: bool) -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from generator.extract.people import _written_as_a_thing
    from generator.extract.people.names import Group
    group = Group([Occurrence(name="Zorbix", position=i, paragraph=0) for i in at])
    assert _written_as_a_thing(Doc(Vocab(), words=words), group) is thing


def test_repeated_lone_surname_is_a_person(nlp: Language) -> None:
    found = persons(nlp, "Brambilla was arrested on Tuesday.", "Police said Brambilla was on probation.",
                    "Brambilla will play on Sunday.")
    assert [m.name for m in found] == ["Brambilla"]


def test_given_name_with_an_apostrophe_left_out_of_the_entity(nlp: Language) -> None:
    found = persons(nlp, "He is accused of shooting Ka'Loni Marie Brandt of Fort Smith.")
    assert [m.name for m in found] == ["Ka'Loni Marie Brandt"]


@pytest.mark.parametrize("paragraphs, alias, expected", [
    # a surname spaCy tags nothing still belongs to the person named in full
    (("Jermaine Tolliver was arrested on Tuesday.", "Tolliver was released on bail."), "Tolliver", True),
    # not a word the article also writes in lower case (a common word that is a surname too)
    (("Ann Young spoke.", "Young people cheered.", "The young left."), "Young", False),
])
def test_untagged_surname(nlp: Language, paragraphs: tuple[str, ...], alias: str, expected: bool) -> None:
    found = persons(nlp, *paragraphs)
    assert any(alias in m.aliases for m in found) is expected


def test_lone_surname_among_namesakes_joins_the_one_named_beside_its_companions() -> None:
    articles = [(_p("Vito Brambilla"), _p("Carlo Fenu")), (_p("Vito Brambilla"), _p("Carlo Fenu")),
                (_p("Rita Brambilla"), _p("Ann Lowe")), (_p("Brambilla", "Brambilla"), _p("Carlo Fenu"))]
    assert _across(*[tuple(a) for a in articles]) == ["Ann Lowe", "Carlo Fenu", "Rita Brambilla", "Vito Brambilla"]


# ---- a short form among namesakes of one article ----------------------------------

def _occ(name: str, position: int) -> Occurrence:
    return Occurrence(name=name, position=position, paragraph=0)


@pytest.mark.parametrize("positions, lone_at, owner", [
    # far from both: the person the article introduced first (its subject), not the father named since
    ({"Vincent Varga": 0, "Bela Varga": 40}, 90, "Vincent Varga"),
    # right after a namesake's full name, in the same clause: that namesake
    ({"Vincent Varga": 0, "Bela Varga": 40}, 48, "Bela Varga"),
    # only one person holds the word: that one, however far
    ({"Vincent Varga": 0, "Bela Nagy": 40}, 400, "Vincent Varga"),
    # nobody named before it: the first named after it
    ({"Vincent Varga": 30, "Bela Varga": 60}, 2, "Vincent Varga"),
])
def test_lone_surname_among_namesakes(positions: dict[str, int], lone_at: int, owner: str) -> None:
    groups = group_occurrences([*(_occ(n, p) for n, p in positions.items()), _occ("Varga", lone_at)])
    holder = next(g for g in groups if any(o.position == lone_at for o in g.occurrences))
    assert any(o.name == owner for o in holder.occurrences)


def test_a_four_letter_surname_spelled_two_ways_in_one_article(nlp: Language) -> None:
    found = persons(nlp, "Police said Duncan Rait fell on Friday.", "Climbers tried to rescue Raite for hours.")
    assert [(m.name, m.aliases) for m in found] == [("Duncan Rait", ("Raite",))]


# ---- one-word persons nothing in their article vouches for ----------------------------

def _with_unsure(slug: str, persons: tuple[Mention, ...], *unsure: str) -> tuple:
    from dataclasses import replace

    from tests.test_registry import briefing
    bslug, extraction = briefing(slug, *persons)
    return bslug, replace(extraction, unsure=tuple(_p(u) for u in unsure))


@pytest.mark.parametrize("articles, kept", [
    # "his wife, Laci" beside Scott Peterson here; Laci Peterson beside him there: her
    ([("a", (_p("Scott Vance"),), "Laci"), ("b", (_p("Laci Vance"), _p("Scott Vance")))], {"a": "laci-vance"}),
    # no one in common: dropped
    ([("a", (_p("Ann Lowe"),), "Laci"), ("b", (_p("Laci Vance"), _p("Scott Vance")))], {}),
    # two people of that given name beside the same companion: dropped
    ([("a", (_p("Scott Vance"),), "Laci"), ("b", (_p("Laci Vance"), _p("Scott Vance"))),
      ("c", (_p("Laci Moor"), _p("Scott Vance")))], {}),
    # a surname is not enough (spaCy's lone PERSON is often a team's or a place's last word)
    ([("a", (_p("Scott Vance"),), "Heels"), ("b", (_p("Tar Heels"), _p("Scott Vance")))], {}),
])
def test_unsure_one_word_persons_across_articles(articles: list[tuple], kept: dict[str, str]) -> None:
    from generator.resolve import resolve
    corpus = resolve([_with_unsure(slug, persons, *unsure)[1] for slug, persons, *unsure in articles])
    found = {b.extraction.article.id: b.speakers[m.name] for b in corpus.briefings for m in b.extraction.persons
             if len(m.name.split()) == 1}
    assert found == kept


@pytest.mark.parametrize("title, paragraphs, expected", [
    # the headline's full name takes the lone surnames far from the namesake the body names in full
    ("It's official: Ann Vance takes over the studio",
     ("The author praised Vance on Monday and said fans would be pleased with the choice.",
      "The film won Vance and his brother Bob Vance an award in 2003."),
     {"Ann Vance": ("Vance",), "Bob Vance": ()}),
    # a headline in Title Case names nothing (every word looks like a name)
    ("Critics Praise Ann Vance As Studio Head",
     ("The author praised Vance on Monday and said fans would be pleased with the choice.",
      "The film won Vance and his brother Bob Vance an award in 2003."),
     {"Bob Vance": ("Vance",)}),
])
def test_a_full_name_in_the_headline(nlp: Language, title: str, paragraphs: tuple[str, ...],
                                     expected: dict[str, tuple[str, ...]]) -> None:
    article = make_article(*paragraphs)
    article = type(article)(**{**article.__dict__, "title": title})
    found = {m.name: m.aliases for m in find_actors(article, parse(nlp, article))[0]}
    assert found == expected


# ---- cross-article resolution at scale: indexes that give what the all-pairs loops gave ---------

def _all_pairs(words: list[str], shortest: int) -> list[tuple[int, int]]:
    from generator.people.merge import _one_given_name
    return [(x, y) for x in range(len(words)) for y in range(x + 1, len(words))
            if near_spelling(words[x], words[y], shortest) or _one_given_name(words[x], words[y])]


@pytest.mark.parametrize("words", [
    ["petrov", "petrof", "petrova", "smith", "smyth", "smiths"],  # a letter changed, added
    ["anna", "nana", "hanna"],  # not the same first letter: no pair
    ["abcd", "abdc", "acbd"],  # two letters swapped: two edits, no pair
    ["lee", "lem", "leo"],  # too short to be variants
    ["bill", "william", "will", "billy", "robert", "bob"],  # diminutives of one given name
    ["john", "john", "jon"],  # the same word twice is no variant of itself
])
def test_close_pairs_are_the_pairs_a_loop_over_all_pairs_finds(words: list[str]) -> None:
    from generator.people.merge import _close_pairs, _one_given_name
    found = [(x, y) for x, y in _close_pairs(words, 4, given_names=True)
             if near_spelling(words[x], words[y], 4) or _one_given_name(words[x], words[y])]
    assert found == _all_pairs(words, 4)


def test_close_pairs_on_random_words() -> None:
    import random

    from generator.people.merge import _close_pairs, _one_given_name
    rng = random.Random(0)
    words = ["".join(rng.choice("abe") for _ in range(rng.randint(3, 6))) for _ in range(300)]
    found = [(x, y) for x, y in _close_pairs(words, 4, given_names=True)
             if near_spelling(words[x], words[y], 4) or _one_given_name(words[x], words[y])]
    assert found == _all_pairs(words, 4) and found


@pytest.mark.parametrize("items, expected", [([], None), ([3], 3), ([3, 3, 3], 3), ([3, 4], None), ([4, 4, 3], None)])
def test_only(items: list[int], expected: int | None) -> None:
    from generator.people.merge import only
    assert only(items) == expected


def test_only_stops_at_a_second_value() -> None:
    from generator.people.merge import only

    def values():
        yield from (1, 2)
        raise AssertionError("read past the second value")
    assert only(values()) is None


@pytest.mark.parametrize("made", [range(8), [1], [2], [0, 5, 7], []])  # the units whose groups' were asked first
def test_companions_kept_up_to_date_across_joins_are_those_made_afresh(made: list[int]) -> None:
    from generator.people.merge import Clusters, Unit
    named = [("a", "Ann Example"), ("a", "Bob Other"), ("b", "Bob Other"), ("b", "Cy Third"), ("c", "Cy Third"),
             ("c", "Ann Example"), ("d", "Dee Fourth"), ("d", "Bob Other")]
    units = [Unit(b, b, None, Mention(n, "person")) for b, n in named]
    clusters = Clusters(units)
    for i in made:
        clusters.named_with(i)  # made before the joins below: then kept up to date, not made again
    clusters.join(1, 2)  # Bob Other, a and b
    clusters.join(3, 6)  # Cy Third and Dee Fourth, as if one
    fresh = Clusters(units)
    fresh.join(1, 2)
    fresh.join(3, 6)
    for i in range(len(units)):
        kept = {k: v for k, v in clusters.named_with(i).items() if v}
        assert kept == dict(fresh.named_with(i))


def test_longer_forms_of_a_group_are_those_a_test_of_each_key_finds() -> None:
    import random

    from generator.people.merge import Clusters, Unit, _LongerForms
    rng = random.Random(0)
    vocabulary = ["ann", "bo", "cy", "dee", "ed", "flo", "gus", "hal"]
    names = [" ".join(rng.choice(vocabulary).capitalize() for _ in range(rng.randint(1, 9))) for _ in range(60)]
    units = [Unit("a", "a", None, Mention(name, "person")) for name in names]
    clusters = Clusters(units)
    longer = _LongerForms(clusters)
    for step in range(200):
        group, words = rng.randrange(len(units)), frozenset(rng.sample(vocabulary, rng.randint(1, 4)))
        expected = any(words < set(k) for k in clusters.keys.get(group, ()))
        assert longer.holds(group, words) == expected
        if step % 10 == 0:  # groups grow (and stop being groups of their own) as the rules join them
            clusters.join(rng.randrange(len(units)), rng.randrange(len(units)))


def test_the_collector_is_left_as_it_was() -> None:
    import gc

    from generator import collector
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_actor_keeps_its_newest_quotes_only() -> None:
    from generator.model import Extraction, Published, Quote
    from generator.people.actors import ACTOR_QUOTES, resolve_actors

    def briefing(slug: str, texts: list[str]) -> tuple[str, Extraction]:
        article = make_article("text")
        article = type(article)(**{**article.__dict__, "id": slug, "path": f"{slug}.txt"})
        quotes = tuple(Quote(t, None, "said", 1.0, 0) for t in texts)
        return slug, Extraction(article=article, published=Published(None, "unknown"),
                                actors=(Mention("General Motors", "org", aliases=("GM",)),), quotes=quotes)
    naming = [f"General Motors will hire {n} people" for n in range(ACTOR_QUOTES - 2)]
    index = resolve_actors([briefing("a", ["Nothing here", "GMC trucks are not GM's", *naming]),
                            briefing("b", ["GM builds cars", "the gm of the team", "they told us"]),
                            briefing("c", ["General Motors again"])], {})
    (actor,) = index.actors
    assert len(actor.quotes) == ACTOR_QUOTES
    assert [q.briefing for q in actor.quotes] == ["a"] * (ACTOR_QUOTES - 1) + ["b"]  # the newest briefings'
    assert actor.quotes[0].text == "GMC trucks are not GM's" and actor.quotes[-1].text == "GM builds cars"


def test_people_named_with_a_much_named_person_are_the_most_named_of_all() -> None:
    import random

    from generator.contexts import CO_ACTORS, Lookup, _co_actors
    from generator.model import Corpus, Person
    rng = random.Random(0)
    others = [Person(f"p{i:03d}", f"Person {i}", articles=tuple(f"b{k}" for k in range(1 + rng.randrange(5))))
              for i in range(300)]
    counts = sorted(((p.slug, rng.randint(1, 6)) for p in others), key=lambda kv: (-kv[1], kv[0]))
    hub = Person("hub", "Hub", articles=("b0",), co_mentions=(("gone", 9), *counts))  # "gone": no page
    look = Lookup(Corpus(briefings=(), people=(hub, *others)), True)
    by_slug = {p.slug: p for p in others}
    every = sorted(((by_slug[s], n) for s, n in counts), key=lambda pc: (-pc[1], len(pc[0].articles), pc[0].name))
    assert _co_actors(look, hub) == tuple((p.slug, p.name, n) for p, n in every[:CO_ACTORS])
