"""Reading: encodings a scraper may leave, and front matter kept apart from the body."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.model import FrontMatter
from generator.read import decode, read_article, rescan_inputs, scan_inputs, split_front_matter

TEXT = "Café owners in Lenfort said the new tax is “unfair”."


@pytest.mark.parametrize("data, expected", [
    (TEXT.encode("utf-8"), TEXT),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),  # UTF-8 with BOM
    (TEXT.encode("utf-16"), TEXT),  # with BOM
    (TEXT.encode("utf-16-le"), TEXT),  # no BOM
    (TEXT.encode("utf-16-be"), TEXT),
    (TEXT.encode("cp1252"), TEXT),  # Windows-1252
    ("CafÃ© owners".encode(), "Café owners"),  # mojibake repaired
    (b"line one\r\nline two\rline three", "line one\nline two\nline three"),
])
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data, "a.txt") == expected


def test_decode_uses_an_html_pages_declared_charset() -> None:
    page = '<html><head><meta charset="shift_jis"></head><body><p>東京の天気</p></body></html>'
    assert "東京の天気" in decode(page.encode("shift_jis"), "a.html")


def test_decode_ignores_an_unknown_declared_charset() -> None:
    page = '<meta charset="no-such-codec"><p>Caf\xe9</p>'
    assert "Café" in decode(page.encode("cp1252"), "a.html")


def test_binary_is_refused_with_the_files_name() -> None:
    with pytest.raises(InputError, match=r"'a\.txt'"):
        decode(bytes(range(32)) * 50, "a.txt")


@pytest.mark.parametrize("text, front, body", [
    ("---\ntitle: Tax row\npublished: 2021-03-04\nsource: Lenfort Post\n---\nBody.\n",
     FrontMatter("Tax row", "2021-03-04", "Lenfort Post"), "Body.\n"),
    ("No front matter here.\n", FrontMatter(), "No front matter here.\n"),
    ("---\ntitle: Only a title\n---\nBody.", FrontMatter(title="Only a title"), "Body."),
    ("Text\n---\ntitle: not front matter\n---\n", FrontMatter(), "Text\n---\ntitle: not front matter\n---\n"),
])
def test_front_matter_is_split_from_the_body(text: str, front: FrontMatter, body: str) -> None:
    assert split_front_matter(text, "a.md") == (front, body)


def test_read_article_keeps_format_and_stem(tmp_path: Path) -> None:
    path = tmp_path / "story-1.htm"
    path.write_bytes("<p>Hello from Lenfort.</p>".encode("utf-16"))
    raw = read_article(path, tmp_path)
    assert (raw.id, raw.format, raw.path) == ("story-1", "html", "story-1.htm")
    assert "Hello from Lenfort." in raw.text


CHANGES = [  # (what the writer does, the paths the watcher names)
    ("an article added", lambda d: (d / "c.txt").write_text("new"), ["c.txt"]),
    ("an article removed", lambda d: (d / "a.txt").unlink(), ["a.txt"]),
    ("an article in a new subfolder", lambda d: ((d / "sub").mkdir(), (d / "sub" / "d.md").write_text("x")),
     ["sub/d.md"]),
    ("a hidden file (skipped, named)", lambda d: (d / ".draft.txt").write_text("x"), [".draft.txt"]),
    ("a file in a hidden folder (never listed)",
     lambda d: ((d / ".git").mkdir(), (d / ".git" / "e.txt").write_text("x")), [".git/e.txt"]),
    ("not an input", lambda d: (d / "notes.pdf").write_text("x"), ["notes.pdf"]),
    ("a link out of the folder", lambda d: (d / "out.txt").symlink_to(d.parent / "outside.txt"), ["out.txt"]),
    ("an article edited", lambda d: (d / "b.txt").write_text("edited"), ["b.txt"]),
]


@pytest.mark.parametrize(("change", "paths"), [(c[1], c[2]) for c in CHANGES], ids=[c[0] for c in CHANGES])
def test_a_listing_updated_from_the_changed_paths_is_a_fresh_scan(tmp_path: Path, change: object,
                                                                  paths: list[str]) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "outside.txt").write_text("secret")
    for name in ("a.txt", "b.txt", ".hidden.txt"):
        (seeds / name).write_text(name)
    listed, skipped = scan_inputs(seeds)
    change(seeds)  # type: ignore[operator]
    again = rescan_inputs(seeds, ([(p.relative_to(seeds).as_posix(), p) for p in listed], skipped),
                          [seeds / p for p in paths])
    fresh = scan_inputs(seeds)
    assert [path for _, path in again[0]] == fresh[0]
    assert [rel for rel, _ in again[0]] == [p.relative_to(seeds).as_posix() for p in fresh[0]]
    assert [str(e) for e in again[1]] == [str(e) for e in fresh[1]]
