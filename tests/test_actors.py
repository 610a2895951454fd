"""Organisations and places: one article (extract.people.actors) and across articles (people.actors)."""
from __future__ import annotations

import pytest
from spacy.language import Language

from generator.extract.people import find_actors
from generator.extract.people.actors import acronym, actor_name, legal_base, merge_forms, short_name
from generator.model import Extraction, Mention, Published, Quote
from generator.nlp import parse
from generator.people.actors import resolve_actors
from generator.urls import actor_page, actor_slug
from tests.conftest import make_article


def actors(nlp: Language, *paragraphs: str) -> dict[str, Mention]:
    article = make_article(*paragraphs)
    return {m.name: m for m in find_actors(article, parse(nlp, article))[1]}


@pytest.mark.parametrize("text, label, expected", [
    ("Defense", "ORG", None),  # a common word alone names no one ("Defense Minister")
    ("Ministry", "ORG", None),
    ("the Security Council", "ORG", ("Security Council", "org")),
    ("Chinese", "NORP", None),  # a demonym is a people, not a place
    ("Middle East", "LOC", ("Middle East", "place")),
    ("300px", "ORG", None),
    ("Bleecker Street", "ORG", ("Bleecker Street", "place")),  # a street tagged ORG is a place
    ("Pitkin Ave.", "ORG", ("Pitkin Ave.", "place")),
    ("Wall Street Journal", "ORG", ("Wall Street Journal", "org")),  # not a street: its last word
    ("Crimea", "ORG", ("Crimea", "place")),  # a known territory, country or state tagged ORG is a place
    ("the United States", "ORG", ("United States", "place")),
    ("Cannes Film Festival", "ORG", None),  # an event is no actor
    ("Beijing Olympic Games", "ORG", None),
    ("Missouri Valley Conference", "ORG", ("Missouri Valley Conference", "org")),  # may be either: see below
])
def test_actor_name(text: str, label: str, expected: tuple[str, str] | None) -> None:
    assert actor_name(text, label) == expected


@pytest.mark.parametrize("name, base, short, initials", [
    ("AirTanker Ltd.", "AirTanker", "AirTanker", ""),
    ("General Motors", "General Motors", "General Motors", "GM"),  # "General" alone is a common word
    ("Ford Motor Co.", "Ford Motor", "Ford", "FM"),
    ("European Aeronautic Defence & Space NV", "European Aeronautic Defence & Space",
     "European Aeronautic Defence & Space", "EADS"),
    ("Apple", "Apple", "Apple", ""),
])
def test_name_forms(name: str, base: str, short: str, initials: str) -> None:
    assert (legal_base(name), short_name(name), acronym(name)) == (base, short, initials)


@pytest.mark.parametrize("kinds, groups", [
    ({"GM": "org", "General Motors": "org"}, [["GM", "General Motors"]]),
    ({"AirTanker": "org", "AirTanker Ltd.": "org"}, [["AirTanker", "AirTanker Ltd."]]),
    ({"Apple": "org", "Apple Computer": "org"}, [["Apple", "Apple Computer"]]),
    # an acronym with two expansions joins neither
    ({"GM": "org", "General Motors": "org", "Green Mountain": "org"}, [["GM"], ["General Motors"], ["Green Mountain"]]),
    # an organisation and a place never merge ("Singapore Airlines" is not Singapore)
    ({"Singapore Airlines": "org", "Singapore": "place"}, [["Singapore"], ["Singapore Airlines"]]),
])
def test_merge_forms(kinds: dict[str, str], groups: list[list[str]]) -> None:
    assert merge_forms(kinds) == groups


def test_one_article_lists_each_actor_once_with_its_forms(nlp: Language) -> None:
    found = actors(nlp, "General Motors said on Monday that it would close two plants.",
                   "GM employs 80,000 people in the U.S. and Canada.",
                   "The United States is its largest market; AirTanker Ltd. and AirTanker were not involved.")
    assert "GM" not in found and "GM" in found["General Motors"].aliases
    assert found["United States"].kind == "country" and "U.S." in found["United States"].aliases
    assert "AirTanker" in found["AirTanker Ltd."].aliases or "AirTanker Ltd." in found["AirTanker"].aliases


@pytest.mark.parametrize("named, kind", [
    (["Georgia", "Texas"], "place"),  # beside another state: the state
    (["Georgia", "U.S."], "place"),  # beside the United States: the state
    (["Georgia", "Russia"], "country"),  # otherwise the country
    (["Georgia"], "country"),
])
def test_a_state_named_like_a_country(named: list[str], kind: str) -> None:
    from generator.extract.people.actors import actor_mentions
    found = {m.name: m for m in actor_mentions([(n, "place", i) for i, n in enumerate(named)], set())}
    assert found["Georgia"].kind == kind


def test_a_state_and_a_country_of_one_name_are_two_places() -> None:
    index = resolve_actors([_briefing("a", Mention("Georgia", "country")), _briefing("b", Mention("Georgia", "place")),
                            _briefing("c", Mention("Georgia", "country"))], {})
    assert sorted((a.kind, a.country, a.articles) for a in index.actors) == \
        [("place", False, ("b",)), ("place", True, ("a", "c"))]
    assert len({a.slug for a in index.actors}) == 2


def test_demonyms_and_common_words_are_not_actors(nlp: Language) -> None:
    found = actors(nlp, "The Chinese Defense Minister spoke with his Russian counterpart.")
    assert "China" not in found and "Russia" not in found and "Defense" not in found


def _briefing(slug: str, *mentions: Mention, persons: tuple[Mention, ...] = (), quotes: tuple[Quote, ...] = ()):
    article = make_article("text")
    article = type(article)(**{**article.__dict__, "id": slug, "path": f"{slug}.txt"})
    return slug, Extraction(article=article, published=Published(None, "unknown"), persons=persons,
                            actors=mentions, quotes=quotes)


def test_across_articles_an_acronym_joins_its_one_expansion() -> None:
    index = resolve_actors([_briefing("a", Mention("GM", "org")), _briefing("b", Mention("General Motors", "org")),
                            _briefing("c", Mention("United States", "country", aliases=("U.S.",))),
                            _briefing("d", Mention("United States", "country", aliases=("America",)))], {})
    by_name = {a.name: a for a in index.actors}
    assert set(by_name) == {"General Motors", "United States"}
    assert by_name["General Motors"].articles == ("a", "b") and by_name["General Motors"].kind == "org"
    assert by_name["United States"].country and {"U.S.", "America"} <= set(by_name["United States"].aliases)
    assert index.slug_for[("a", "GM")] == index.slug_for[("b", "General Motors")] == "general-motors"


def test_actor_pages_list_people_and_quotes_that_name_it() -> None:
    quote = Quote("We will keep building cars at General Motors for years", "Ann Lowe", "said", 1.0, 0)
    index = resolve_actors([_briefing("a", Mention("General Motors", "org"), persons=(Mention("Ann Lowe", "person"),),
                                      quotes=(quote,))], {("a", "Ann Lowe"): "ann-lowe"})
    (actor,) = index.actors
    assert actor.people == (("ann-lowe", 1),)
    assert [(q.text, q.speaker) for q in actor.quotes] == [(quote.text, "ann-lowe")]


def test_an_organisation_and_a_place_with_one_name_get_two_slugs() -> None:
    index = resolve_actors([_briefing("a", Mention("Georgia", "country"), Mention("Georgia", "org"))], {})
    assert len({a.slug for a in index.actors}) == 2


@pytest.mark.parametrize("name, slug", [
    ("Сбербанк", "sberbank"),  # any script gets a readable slug
    ("Société Générale", "societe-generale"),
    ("東京", "dong-jing"),
    # pinned so that a change of transliteration library cannot rename pages (slugs are stable)
    ("Сергей Шойгу", "sergei-shoigu"),
    ("Владимир Зеленский", "vladimir-zelenskii"),
    ("Łódź", "lodz"),
    ("Straße", "strasse"),
    ("Ελλάδα", "ellada"),
    ("Nguyễn Tấn Dũng", "nguyen-tan-dung"),
])
def test_actor_slugs_are_transliterated(name: str, slug: str) -> None:
    assert actor_slug(name) == slug
    assert actor_page("org", slug) == f"organisations/{slug}.md" and actor_page("place", slug) == f"places/{slug}.md"


@pytest.mark.parametrize("title, known, expected", [
    ("Freedonia: we will support Russia against Europe and the United States", {"Russia"},
     [("Europe", "place", -1), ("United States", "place", -1)]),
    ("U.S. and UK sign a deal", set(), [("U.S.", "place", -1), ("UK", "place", -1)]),
    ("Airlines agree purchase worth US$7.2 bn", set(), []),  # a currency, not the country
    ("Apple unveils a new phone", set(), []),
    ("Jordan scores 40 as Chicago wins", set(), [("Jordan", "place", -1)]),
])
def test_places_named_in_the_headline(title: str, known: set[str], expected: list) -> None:
    from generator.extract.people.actors import title_places
    assert sorted(title_places(title, known)) == sorted(expected)


def test_a_headline_name_that_is_a_person_is_no_place() -> None:
    from generator.extract.people.actors import title_places
    assert title_places("Jordan scores 40 as Chicago wins", set(), {"michael", "jordan"}) == []


def test_two_entities_run_together_by_a_spaced_dash_are_two(nlp: Language) -> None:
    found = actors(nlp, "The hearing was held in San Jose - Cisco said on Monday it would appeal.")
    assert not any(" - " in name for name in found)


# ---- entities spaCy labels one way that are another (hand-labelled Docs: no model guesses) ----

def _labelled(words: str, labels: list[str]) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    doc = Doc(Vocab(), words=words.split(), ents=labels)
    return find_actors(make_article(doc.text), doc)


@pytest.mark.parametrize("words, labels, person_alias, place", [
    # a word of a person's name tagged as a place no list knows is that person ("Welbourne" tagged GPE)
    ("Catherine Welbourne left . Critics said Welbourne was slow .",
     ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE", "O", "O", "O"], "Welbourne", None),
    ("Maribeth Okonkwo died . A doctor treated Maribeth .",
     ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-GPE", "O"], "Maribeth", None),
    # ... but a country stays the country
    ("Michael Jordan left . Critics said Jordan was slow .",
     ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE", "O", "O", "O"], None, "Jordan"),
])
def test_a_persons_word_tagged_as_a_place(words: str, labels: list[str], person_alias: str | None,
                                          place: str | None) -> None:
    persons, others = _labelled(words, labels)
    assert (person_alias in persons[0].aliases) if person_alias else not persons[0].aliases
    assert [m.name for m in others] == ([place] if place else [])


def test_a_company_tagged_as_a_person_is_an_organisation() -> None:
    persons, others = _labelled("The deal went to Saturn Corporation on Friday .",
                                ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    assert persons == () and [(m.name, m.kind) for m in others] == [("Saturn Corporation", "org")]


def test_an_acronym_spelled_out_in_brackets_is_the_name() -> None:
    _, others = _labelled("Andean Airlines ( AAL ) flew . AAL will fly again .",
                          ["B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "B-ORG", "O", "O", "O", "O"])
    assert [(m.name, m.aliases) for m in others] == [("Andean Airlines", ("AAL",))]


@pytest.mark.parametrize("kinds, spelled, groups", [
    # an organisation's last word alone is that organisation, when only one ends with it
    ({"United States Senate": "org", "Senate": "org"}, {}, [["Senate", "United States Senate"]]),
    ({"United States Senate": "org", "State Senate": "org", "Senate": "org"}, {},
     [["Senate"], ["State Senate"], ["United States Senate"]]),
    ({"New Jersey": "place", "Jersey": "place"}, {}, [["Jersey"], ["New Jersey"]]),  # not places
    # an acronym the article spells out joins its name, though its initials differ
    ({"Singapore Airlines": "org", "SIA": "org"}, {"SIA": "Singapore Airlines"}, [["SIA", "Singapore Airlines"]]),
])
def test_merge_forms_by_last_word_and_spelled_acronym(kinds: dict[str, str], spelled: dict[str, str],
                                                      groups: list[list[str]]) -> None:
    assert merge_forms(kinds, spelled) == groups


@pytest.mark.parametrize("name, short", [
    ("Changi International Airport", "Changi"),
    ("Heathrow Airport", "Heathrow"),
    ("Airport", "Airport"),
    ("San Francisco", "San Francisco"),
])
def test_facility_short_names(name: str, short: str) -> None:
    from generator.extract.people.actors import facility_short
    assert facility_short(name) == short


@pytest.mark.parametrize("words, labels, kept", [
    ("He spoke at the annual Zentrix Developers Conference on Monday .",
     ["O"] * 5 + ["B-ORG", "I-ORG", "I-ORG"] + ["O"] * 3, []),
    ("The Zentrix Developers Conference ( ZDC ) at the Moscone Center opened .",
     ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"], []),
    ("Wichita State has dominated the Sun Valley Conference in recent years .",
     ["B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"],
     ["Sun Valley Conference", "Wichita State"]),
])
def test_a_conference_is_an_event_when_written_as_one(words: str, labels: list[str], kept: list[str]) -> None:
    _, others = _labelled(words, labels)
    assert sorted(m.name for m in others) == kept


@pytest.mark.parametrize("words, labels, org", [
    ("Thieves robbed the Harry Winston boutique . Police closed the Harry Winston store .",
     ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"], True),
    ("He hired the law firm Patton Boggs .", ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"], True),
    # a person who enters a store is still a person
    ("Ann Lowe spoke . Ann Lowe left the store .",
     ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"], False),
])
def test_a_full_name_used_as_a_shops_is_an_organisation(words: str, labels: list[str], org: bool) -> None:
    persons, others = _labelled(words, labels)
    assert (bool(others) and others[0].kind == "org" and not persons) is org
