"""Broken input files: each is read or skipped with a message naming the file and the fix."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.model import RawArticle
from generator.read import read_folder
from generator.urls import briefing_slug
from hostile.corpus import BIG, EXPECTED_ERRORS, write_corpus

SAFE_SLUG = set("abcdefghijklmnopqrstuvwxyz0123456789-_")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, RawArticle | InputError]]:
    folder = tmp_path_factory.mktemp("hostile")
    expected = write_corpus(folder)
    found: dict[str, RawArticle | InputError] = {}
    for item in read_folder(folder):
        found[item.path] = item
    return folder, expected, found


def test_every_file_is_read_or_reported(corpus) -> None:
    _, expected, found = corpus
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_unusable_file_is_skipped_with_a_message_naming_it(corpus, name: str) -> None:
    item = corpus[2][name]
    assert isinstance(item, InputError)
    message = str(item)
    assert message.startswith("Error reading ") and f"'{name}'" in message
    assert message.rstrip().endswith(".") and len(message.split(". ")) >= 2  # a cause, then what to do


@pytest.mark.parametrize("name, cause", [
    ("empty.txt", "no text"), ("whitespace.txt", "no text"), ("binary.txt", "binary"), (BIG, "50 MB"),
    ("front_broken_yaml.md", "not valid YAML"), ("front_not_a_date.md", "not a date"),
    ("front_impossible_date.md", "out of range"), ("front_number_date.md", "not a date"),
    ("front_list_title.md", "not text"), ("front_deep.md", "front matter"), ("front_only.md", "no text"),
])
def test_message_says_what_is_wrong(corpus, name: str, cause: str) -> None:
    assert cause in str(corpus[2][name])


@pytest.mark.parametrize("name, start", [
    ("utf16_bom.txt", "A UTF-16 article"), ("invalid_utf8.txt", "Invalid UTF-8"), ("long_line.txt", "A very long"),
    ("name with spaces.txt", "Spaces"), ("Ünïcödé ñame 日本.txt", "Unicode"), ("Case.txt", "Upper"),
    ("case.txt", "Lower"), ("dots..in..name.txt", "Dots"), ("trailing...txt", "Dots"),
])
def test_readable_but_odd_files_are_read(corpus, name: str, start: str) -> None:
    item = corpus[2][name]
    assert isinstance(item, RawArticle)
    assert item.text.startswith(start)
    assert "\ufffd" not in item.text.split("\n")[0] and "\x00" not in item.text


def test_invalid_utf8_is_repaired_not_dropped(corpus) -> None:
    text = corpus[2]["invalid_utf8.txt"].text
    assert "café" in text and "ok." in text


def test_readable_files_get_safe_distinct_slugs(corpus) -> None:
    raws = [item for item in corpus[2].values() if isinstance(item, RawArticle)]
    slugs = [briefing_slug(raw.id, raw.path) for raw in raws]
    assert len(set(slugs)) == len(slugs)
    assert all(slug and set(slug) <= SAFE_SLUG for slug in slugs)


@pytest.mark.parametrize("stem, path, slug", [
    ("report", "report.txt", "report"),  # the plain case keeps its readable slug
    ("report", "", "report"),
])
def test_plain_slugs_stay_plain(stem: str, path: str, slug: str) -> None:
    assert briefing_slug(stem, path) == slug


def test_same_stem_in_other_paths_gets_other_slugs() -> None:
    slugs = {briefing_slug("a", p) for p in ("a.txt", "a.md", "x/a.txt", "A/a.txt")}
    assert len(slugs) == 4


def test_unreadable_file_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked.txt").write_text("Locked\nA sentence of the article that is long enough to be prose.\n")
    (tmp_path / "fine.txt").write_text("Fine\nA sentence of the article that is long enough to be prose.\n")
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:  # chmod does not stop root, so the refusal is simulated
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    items = list(read_folder(tmp_path))
    assert [type(i).__name__ for i in items] == ["RawArticle", "InputError"]
    assert "'locked.txt'" in str(items[1]) and "Permission denied" in str(items[1])


def test_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        list(read_folder(tmp_path / "absent"))
