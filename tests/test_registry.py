"""The cross-article people stage and the people registry, on invented extractions."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.model import Extraction, Mention, Published, Quote
from generator.people import PeopleIndex, resolve_people
from generator.people.registry import load_registry
from tests.conftest import make_article


def person(name: str, *aliases: str, roles: tuple[str, ...] = ()) -> Mention:
    return Mention(name=name, kind="person", aliases=aliases, roles=roles)


def briefing(slug: str, *persons: Mention, date: str | None = None,
             quotes: tuple[Quote, ...] = ()) -> tuple[str, Extraction]:
    article = make_article("text")
    article = type(article)(**{**article.__dict__, "id": slug})
    return slug, Extraction(article=article, published=Published(date, "text" if date else "unknown"),
                            persons=persons, quotes=quotes)


def names(index: PeopleIndex) -> list[str]:
    return [p.name for p in index.people]


def slug_of(index: PeopleIndex, briefing_slug: str, name: str) -> str:
    return index.slug_for[(briefing_slug, name)]


# ---- automatic merging ----------------------------------------------------------

@pytest.mark.parametrize("mentions, expected", [
    # titled, full and one-word forms of one person
    ([person("Tomas Varga", "President Tomas Varga"), person("Varga"), person("Tomas Varga")], ["Tomas Varga"]),
    # a longer form of the name
    ([person("Tomas Varga"), person("Tomas Janos Varga")], ["Tomas Janos Varga"]),
    # namesakes stay apart, and a lone surname between them joins neither
    ([person("Anna Kowalski"), person("Piotr Kowalski"), person("Kowalski")], ["Anna Kowalski", "Kowalski",
                                                                               "Piotr Kowalski"]),
    # a one-letter spelling variant with a shared role word merges ...
    ([person("Oleg Kovalenko", roles=("defense minister",)), person("Oleg Kovalenko", roles=("minister",)),
      person("Oleg Kovalenka", roles=("Minister",))], ["Oleg Kovalenko"]),
    # ... but not without one
    ([person("Oleg Kovalenko", roles=("defense minister",)), person("Oleg Kovalenka", roles=("banker",))],
     ["Oleg Kovalenka", "Oleg Kovalenko"]),
    # a different given name is a different person, even with the same role
    ([person("Oleg Kovalenko", roles=("minister",)), person("Pavel Kovalenko", roles=("minister",))],
     ["Oleg Kovalenko", "Pavel Kovalenko"]),
    # a lone variant spelling of a surname joins the one person it is close to, on a shared role
    ([person("Oleg Kovalenko", roles=("minister",)), person("Kovalenka", roles=("minister",))], ["Oleg Kovalenko"]),
])
def test_merging(mentions: list[Mention], expected: list[str]) -> None:
    briefings = [briefing(f"b{i}", m) for i, m in enumerate(mentions)]
    assert names(resolve_people(briefings)) == expected


def test_candidates_list_what_was_not_merged() -> None:
    index = resolve_people([briefing("a", person("Anna Kowalski")), briefing("b", person("Piotr Kowalski")),
                            briefing("c", person("Kowalski")),
                            briefing("d", person("Oleg Kovalenko")), briefing("e", person("Oleg Kovalenka"))])
    pairs = {c.names for c in index.candidates}
    assert ("Anna Kowalski", "Kowalski") in pairs and ("Kowalski", "Piotr Kowalski") in pairs
    assert ("Oleg Kovalenka", "Oleg Kovalenko") in pairs
    assert ("Anna Kowalski", "Piotr Kowalski") not in pairs


def test_roles_are_dated_oldest_first() -> None:
    index = resolve_people([briefing("new", person("Tomas Varga", roles=("former minister",)), date="2024-05-01"),
                            briefing("old", person("Tomas Varga", roles=("minister",)), date="2023-02-01"),
                            briefing("undated", person("Varga", roles=("minister",)))])
    (varga,) = index.people
    assert [(r.role, r.date) for r in varga.roles] == [("minister", "2023-02-01"), ("former minister", "2024-05-01"),
                                                      ("minister", None)]
    assert varga.articles == ("new", "old", "undated")


def test_quotes_and_co_mentions() -> None:
    quote = Quote(text="we will build the bridge this year", speaker="Tomas Varga", cue="said",
                  confidence=0.9, paragraph=0)
    index = resolve_people([briefing("a", person("Tomas Varga"), person("Anna Kowalski"), quotes=(quote,)),
                            briefing("b", person("Varga"))])
    varga = next(p for p in index.people if p.name == "Tomas Varga")
    assert varga.quotes[0].sources == (("a", 0),)
    assert varga.co_mentions == (("anna-kowalski", 1),)
    assert slug_of(index, "b", "Varga") == "tomas-varga"


def test_same_slug_for_different_people_gets_a_stable_suffix() -> None:
    registry_free = [briefing("a", person("Tomas Varga", roles=("minister",))),
                     briefing("b", person("Tomás Várga", roles=("painter",)))]
    index = resolve_people(registry_free)  # accents fold: one key, so one person ...
    assert len(index.people) == 1


def test_slug_clash_suffix_depends_only_on_the_persons_own_articles(tmp_path: Path) -> None:
    path = tmp_path / "people.yml"
    path.write_text("people:\n  - name: Jan Novak\n    articles: [a]\n  - name: Jan Novak\n    articles: [b]\n")
    one = resolve_people([briefing("a", person("Jan Novak")), briefing("b", person("Jan Novak"))], path)
    two = resolve_people([briefing("a", person("Jan Novak")), briefing("b", person("Jan Novak")),
                          briefing("c", person("Eva Dvorak"))], path)
    assert sorted(p.slug for p in one.people) == sorted(p.slug for p in two.people if p.name == "Jan Novak")
    assert len({p.slug for p in one.people}) == 2
    assert "jan-novak" in {p.slug for p in one.people}


# ---- the registry -------------------------------------------------------------

def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "people.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_registry_merges_renames_and_describes(tmp_path: Path) -> None:
    path = write(tmp_path, """
people:
  - name: Tomas Varga
    aliases: [T. Varga-Horvath, Tamas Warga]
    description: Mayor of an invented town.
    slug: mayor-varga
""")
    index = resolve_people([briefing("a", person("Tomas Varga")), briefing("b", person("Tamas Warga"))], path)
    (varga,) = index.people
    assert (varga.name, varga.slug, varga.description) == ("Tomas Varga", "mayor-varga", "Mayor of an invented town.")
    assert "Tamas Warga" in varga.aliases
    assert slug_of(index, "b", "Tamas Warga") == "mayor-varga"


def test_registry_rename(tmp_path: Path) -> None:
    path = write(tmp_path, "people:\n  - name: Tomas J. Varga\n    aliases: [Tomas Varga]\n")
    assert names(resolve_people([briefing("a", person("Tomas Varga"))], path)) == ["Tomas J. Varga"]


def test_registry_not_keeps_people_apart(tmp_path: Path) -> None:
    path = write(tmp_path, "people:\n  - name: Tomas Varga\n    not: [Varga]\n")
    index = resolve_people([briefing("a", person("Tomas Varga")), briefing("b", person("Varga"))], path)
    assert names(index) == ["Tomas Varga", "Varga"]


def test_registry_splits_a_shared_name_by_article(tmp_path: Path) -> None:
    path = write(tmp_path, """
people:
  - name: Jan Novak
    articles: [a, c]
    description: the footballer
  - name: Jan Novak
    articles: [b]
    description: the banker
""")
    index = resolve_people([briefing("a", person("Jan Novak")), briefing("b", person("Jan Novak")),
                            briefing("c", person("Novak"))], path)
    assert sorted(p.description for p in index.people) == ["the banker", "the footballer"]
    assert slug_of(index, "c", "Novak") == slug_of(index, "a", "Jan Novak") != slug_of(index, "b", "Jan Novak")


def test_empty_registry_is_fine(tmp_path: Path) -> None:
    assert load_registry(write(tmp_path, "")) == ()
    assert load_registry(None) == ()


@pytest.mark.parametrize("text, says", [
    ("people: [", "Fix the file"),
    ("- name: Ann\n", "'people'"),
    ("people:\n  - Tomas Varga\n", "entry 1: an entry must be a mapping"),
    ("people:\n  - aliases: [Varga]\n", "'name' is missing"),
    ("people:\n  - name: Tomas Varga\n    alias: [Varga]\n", "Did you mean 'aliases'?"),
    ("people:\n  - name: Tomas Varga\n    aliases: {a: b}\n", "entry 1 ('Tomas Varga'): 'aliases' must be a list"),
    ("people:\n  - name: Tomas Varga\n    slug: Tomas Varga\n", "'slug'"),
    ("people:\n  - name: Tomas Varga\n  - name: Anna Kowalski\n    aliases: [Tomas Varga]\n",
     "entry 2 ('Anna Kowalski'): the name 'tomas varga' is also used by entry 1"),
    ("people:\n  - name: A Varga\n    slug: v\n  - name: B Varga\n    slug: v\n", "slug 'v' is already used"),
])
def test_registry_errors_name_the_file_the_entry_and_the_fix(tmp_path: Path, text: str, says: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_registry(path)
    assert str(path) in str(error.value)
    assert says in str(error.value)


def test_missing_registry_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="people registry"):
        load_registry(tmp_path / "absent.yml")


@pytest.mark.parametrize("mentions, expected", [
    # a lone surname with a role joins the namesake whose role agrees
    ([person("Anna Kowalski", roles=("minister",)), person("Piotr Kowalski", roles=("senator",)),
      person("Kowalski", "Senator Kowalski", roles=("Senator",))], ["Anna Kowalski", "Piotr Kowalski"]),
    # and no one whose role disagrees
    ([person("Anna Kowalski", roles=("governor",)), person("Kowalski", "President Kowalski", roles=("President",))],
     ["Anna Kowalski", "Kowalski"]),
])
def test_lone_surname_needs_agreeing_roles(mentions: list[Mention], expected: list[str]) -> None:
    assert names(resolve_people([briefing(f"b{i}", m) for i, m in enumerate(mentions)])) == expected


def test_a_name_word_is_not_a_misspelling_of_another_name() -> None:
    index = resolve_people([briefing("a", person("Maria Halvorsen", roles=("minister",))),
                            briefing("b", person("Jon Halvorson", roles=("coach",))),
                            briefing("c", person("Halvorsen", roles=("coach",)))])
    assert names(index) == ["Halvorsen", "Jon Halvorson", "Maria Halvorsen"]  # the coach is not Jon
    assert not [c for c in index.candidates if "Jon Halvorson" in c.names]
