"""Nothing lost: writing pages never touches files it did not make, and a killed write keeps the old pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import write
from generator.errors import BriefingsError
from generator.write import MARKER, safe_relative, write_pages

PAGES = {"briefings/a.md": "# A\n", "people/b.md": "# B\n"}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes), links included as their target text."""
    return {p.relative_to(folder).as_posix(): (str(p.readlink()).encode() if p.is_symlink() else p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}


def plant(root: Path) -> dict[str, bytes]:
    """User files around the output folder, including ones named like the build's own temporaries."""
    for rel, text in {"notes.txt": "mine", "site.new.txt": "mine", "site.newer/x.md": "mine",
                      "docs/index.md": "# hand-written", "../outside.txt": "mine"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return tree(root.parent)


def test_writes_exactly_the_pages_and_nothing_around(tmp_path: Path) -> None:
    root = tmp_path / "project"
    before = plant(root)
    write_pages(PAGES, root / "site")
    after = tree(root.parent)
    assert {k: v for k, v in after.items() if not k.startswith("project/site/")} == before
    assert tree(root / "site") == {**{k: v.encode() for k, v in PAGES.items()}, MARKER: write.MARKER_TEXT.encode()}


def test_second_build_replaces_the_first_completely(tmp_path: Path) -> None:
    write_pages(PAGES, tmp_path / "out")
    write_pages({"briefings/c.md": "C"}, tmp_path / "out")
    assert sorted(tree(tmp_path / "out")) == [MARKER, "briefings/c.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporaries left


@pytest.mark.parametrize("name", ["out", "out.new", "out.old"])
def test_refuses_a_folder_it_did_not_make(tmp_path: Path, name: str) -> None:
    (tmp_path / name).mkdir()
    (tmp_path / name / "precious.md").write_text("mine")
    with pytest.raises(BriefingsError, match="Refusing"):
        write_pages(PAGES, tmp_path / "out")
    assert (tmp_path / name / "precious.md").read_text() == "mine"


def test_refuses_a_file_in_place_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("mine")
    with pytest.raises(BriefingsError, match="Refusing"):
        write_pages(PAGES, tmp_path / "out")
    assert (tmp_path / "out").read_text() == "mine"


def test_refuses_a_link_in_place_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / MARKER).write_text("forged")
    (tmp_path / "out").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(BriefingsError, match="Refusing"):
        write_pages(PAGES, tmp_path / "out")


def test_a_write_killed_midway_leaves_the_previous_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write_pages(PAGES, out)
    before = tree(out)
    calls = {"n": 0}
    original = Path.write_text

    def die_on_second_page(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:  # the marker, one page, then the kill
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", die_on_second_page)
    with pytest.raises(KeyboardInterrupt):
        write_pages({"briefings/x.md": "X", "briefings/y.md": "Y"}, out)
    monkeypatch.undo()
    assert tree(out) == before
    write_pages({"briefings/x.md": "X"}, out)  # the leftover is cleaned up by the next build
    assert sorted(tree(out)) == [MARKER, "briefings/x.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_kill_between_the_two_renames_is_recovered(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_pages(PAGES, out)
    before = tree(out)
    out.replace(tmp_path / "out.old")  # what a kill right after the first rename leaves
    write.recover(out)  # the first step of the next build
    assert tree(out) == before
    out.replace(tmp_path / "out.old")
    write_pages({"briefings/x.md": "X"}, out)
    assert sorted(tree(out)) == [MARKER, "briefings/x.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_unsafe_page_path_refuses_the_whole_build_before_writing(tmp_path: Path) -> None:
    with pytest.raises(BriefingsError, match="outside"):
        write_pages({"briefings/a.md": "A", "../escape.md": "X"}, tmp_path / "out")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("rel", ["../x.md", "/etc/x.md", "a/../../x.md", "", ".", "a\\..\\x.md", "a//b.md",
                                 "./a.md", "a/\nb.md"])
def test_unsafe_relative_paths_are_refused(rel: str) -> None:
    with pytest.raises(BriefingsError):
        safe_relative(rel)


@pytest.mark.parametrize("rel", ["briefings/a.md", "years/2021.md", "people/index.md", "feed.xml"])
def test_safe_relative_paths_pass(rel: str) -> None:
    assert safe_relative(rel).as_posix() == rel
