"""Inputs that are unusual rather than broken (issue 18): each is read right, or skipped with a message naming it.

Links out of the seeds folder, hidden names, huge texts and titles, characters no page
can hold, non-Latin encodings, a damaged cache, warnings raised inside worker processes.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline, read
from generator.config import Settings
from generator.errors import InputError
from generator.read import decode, read_folder

PROSE = ("Councillor Edda Varn told the harbour board in Tollmere on Monday that the ferry contract "
         "would be signed before the end of the month. ")
RUSSIAN = ("Министр иностранных дел заявил журналистам, что переговоры продолжатся в понедельник.\n\n"
           "«Мы готовы к диалогу», — сказал он после встречи в столице.\n")
CHINESE = "外交部长周一表示，谈判将继续进行。\n\n他说：“我们准备好对话。”会议在首都举行。\n"


def seeds_with(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def process(seeds: Path, cache: Path | None = None, processes: int = 1) -> pipeline.Collection:
    pipeline._memo.clear()
    return pipeline.process_folder(Settings(seeds=seeds, cache=cache, processes=processes))


# ---- 5, 13: links and names ------------------------------------------------------------


def test_a_link_leading_outside_the_seeds_folder_is_skipped_with_a_message(tmp_path: Path) -> None:
    secret = seeds_with(tmp_path / "private", {"secret.txt": "Top secret text of another project.\n"})
    seeds = seeds_with(tmp_path / "seeds", {"inside.txt": f"Inside\n\n{PROSE}\n"})
    (seeds / "passwd.txt").symlink_to(secret / "secret.txt")
    (seeds / "again.txt").symlink_to(seeds / "inside.txt")  # a link inside the folder is an input
    found = {item.path: item for item in read_folder(seeds)}
    assert isinstance(found["passwd.txt"], InputError) and "outside the seeds folder" in str(found["passwd.txt"])
    assert not isinstance(found["again.txt"], InputError)
    collection = process(seeds)
    assert "Top secret" not in repr(collection.extractions)
    assert [e.path for e in collection.errors] == ["passwd.txt"]


@pytest.mark.parametrize("name, cause", [("..txt", "starts with '.'"), (".draft.md", "starts with '.'"),
                                         ("gone.txt", "does not exist")])
def test_broken_links_and_hidden_names_are_named(tmp_path: Path, name: str, cause: str) -> None:
    seeds = seeds_with(tmp_path, {"fine.txt": f"Fine\n\n{PROSE}\n"})
    if name == "gone.txt":
        (seeds / name).symlink_to(seeds / "missing.txt")
    else:
        (seeds / name).write_text(f"Hidden\n\n{PROSE}\n")
    paths, errors = read.scan_inputs(seeds)
    assert [p.name for p in paths] == ["fine.txt"]
    assert [e.path for e in errors] == [name] and cause in str(errors[0])


def test_hidden_folders_stay_silent(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, {"a.txt": PROSE, ".git/notes.txt": PROSE})
    assert read.scan_inputs(seeds) == ([seeds / "a.txt"], [])


# ---- 3, 17: sizes ----------------------------------------------------------------------


def test_an_article_over_a_million_characters_is_cut_with_a_warning_and_the_rest_builds(tmp_path: Path) -> None:
    huge = "A huge archive\n\n" + "\n\n".join(f"Paragraph {n}. {PROSE * 3}" for n in range(4000))
    assert len(huge) > 1_000_000
    seeds = seeds_with(tmp_path, {"huge.txt": huge, "small.txt": f"Small one\n\n{PROSE}\n"})
    collection = process(seeds)
    assert not collection.errors
    assert sorted(e.article.path for e in collection.extractions) == ["huge.txt", "small.txt"]
    body = next(e.article.body for e in collection.extractions if e.article.path == "huge.txt")
    assert sum(map(len, body)) <= pipeline.MAX_CHARS
    assert any("'huge.txt'" in w and "limit" in w for w in collection.warnings)


def test_a_single_paragraph_over_the_limit_is_cut_inside_it() -> None:
    from conftest import make_article

    article = pipeline.bounded(make_article("word " * 300_000))
    assert 0 < len(article.body[0]) <= pipeline.MAX_CHARS


def test_a_huge_front_matter_title_is_capped_with_a_warning(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, {"long.md": f"---\ntitle: {'Very long title ' * 12_000}\n---\n{PROSE}\n"})
    collection = process(seeds)
    assert len(collection.extractions[0].article.title) <= pipeline.MAX_TITLE + 1
    assert any("'long.md'" in w and "title" in w for w in collection.warnings)


# ---- 9, 16, #20.8: characters and encodings ---------------------------------------------


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\x7f", "\x1b", "\x0b"])
def test_characters_no_page_can_hold_are_removed(char: str) -> None:
    raw = read.parse_article(f"---\ntitle: Harbour{char} vote\n---\nThe{char} council met.\n".encode(), "a.md")
    assert raw.front.title == "Harbour vote" and raw.text == "The council met.\n"


@pytest.mark.parametrize("text, encoding", [
    (RUSSIAN, "cp1251"), (RUSSIAN, "utf-16-le"), (RUSSIAN, "utf-16-be"),
    (CHINESE, "utf-16-le"), (CHINESE, "utf-16-be"),
    ("The minister said \u2019we are ready\u2019 at the caf\u00e9 \u2013 na\u00efve.\n", "cp1252"),  # stays cp1252
    ("Der Minister sagte, die Gespr\u00e4che w\u00fcrden am Montag fortgesetzt, \u00fcber Stra\u00dfen.\n", "cp1252"),
])
def test_each_encoding_is_read_right(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "a.txt") == decode(text.encode("utf-8"), "a.txt")


def test_a_windows_1251_article_reads_as_russian(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, {"ru.txt": ("Переговоры в столице\n\n" + RUSSIAN * 3).encode("cp1251")})
    (raw,) = read_folder(seeds)
    assert not isinstance(raw, InputError) and raw.text.startswith("Переговоры в столице")


# ---- 12: nothing to publish ----------------------------------------------------------------


def test_an_html_page_with_no_text_is_skipped_with_a_message(tmp_path: Path) -> None:
    seeds = seeds_with(tmp_path, {"empty.html": "<html><head><title>Home</title></head><body><nav><a href='/'>Home"
                                                "</a></nav><script>var x = 1;</script></body></html>",
                                  "fine.txt": f"Fine\n\n{PROSE}\n",
                                  "headline.txt": "Robbers steal diamonds from a Paris store\n"})  # a headline: kept
    collection = process(seeds)
    assert [e.article.path for e in collection.extractions] == ["fine.txt", "headline.txt"]
    assert [e.path for e in collection.errors] == ["empty.html"] and "no article text" in str(collection.errors[0])


# ---- 8: the cache ------------------------------------------------------------------------


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file())


@pytest.mark.parametrize("damage", ["flip", "header", "type", "directory", "empty"])
def test_a_damaged_cache_entry_is_recomputed_with_a_notice(tmp_path: Path, caplog, damage: str) -> None:
    seeds = seeds_with(tmp_path / "seeds", {"a.txt": f"Harbour vote\n\n{PROSE}\n\n{PROSE}\n"})
    first = process(seeds, tmp_path / "cache")
    (entry,) = _entries(tmp_path / "cache")
    data = bytearray(entry.read_bytes())
    if damage == "flip":  # bytes of the text itself: garbage would be published
        at = data.index(b"Tollmere")
        data[at:at + 8] = b"Xollmerx"
        entry.write_bytes(bytes(data))
    elif damage == "header":
        entry.write_bytes(b"\x00" * 40 + bytes(data[40:]))
    elif damage == "type":
        entry.write_bytes(pickle.dumps({"not": "an outcome"}))
    elif damage == "directory":
        entry.unlink()
        entry.mkdir()
    else:
        entry.write_bytes(b"")
    caplog.set_level("INFO", logger="generator")
    again = process(seeds, tmp_path / "cache")
    assert again == first
    assert "damaged" in caplog.text
    assert process(seeds, tmp_path / "cache") == first  # and the entry is good again
    assert _entries(tmp_path / "cache")[0].is_file()


# ---- #21.3, 18: reading is pure, warnings come back from workers --------------------------------


def test_parse_article_reads_bytes_without_touching_the_disk(monkeypatch) -> None:
    monkeypatch.setattr(Path, "write_bytes", lambda *a: pytest.fail("parse_article wrote a file"))
    raw = read.parse_article(b"---\ntitle: Vote\n---\nThe council met.\n", "news/vote.md")
    assert (raw.id, raw.path, raw.format, raw.front.title) == ("vote", "news/vote.md", "md", "Vote")


def test_a_cold_build_with_workers_leaves_no_scratch_folder(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    body = "\n\n".join(PROSE * 2 for _ in range(80))  # enough words to start the workers
    seeds = seeds_with(tmp_path / "seeds", {f"a{n}.txt": f"Vote {n}\n\n{body}\n" for n in range(3)})
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    result = subprocess.run([sys.executable, "-m", "generator", "export", str(seeds), "--out", str(tmp_path / "x"),
                             "--processes", "2", "--no-cache"], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("processes", [1, 2])
def test_warnings_logged_in_workers_come_back_with_the_results(tmp_path: Path, processes: int) -> None:
    body = "\n\n".join(PROSE * 2 for _ in range(60))  # enough words to start the workers
    files = {f"a{n}.md": f"---\ntitle: Vote {n}\ncolour: blue\n---\n{body}\n" for n in range(3)}
    collection = process(seeds_with(tmp_path / "seeds", files), tmp_path / "cache", processes)
    assert [w.split("'")[1] for w in collection.warnings] == ["a0.md", "a1.md", "a2.md"]
    assert all("colour" in w for w in collection.warnings)
    assert process(tmp_path / "seeds", tmp_path / "cache", processes).warnings == collection.warnings  # cached


def test_strict_counts_warnings(tmp_path: Path) -> None:
    from generator.cli import main

    seeds = seeds_with(tmp_path / "seeds", {"a.md": f"---\ntitle: Vote\ncolour: blue\n---\n{PROSE}\n"})
    os.environ.setdefault("BRIEFINGS_PROCESSES", "1")
    args = [str(seeds), "--out", str(tmp_path / "out.jsonl"), "--no-cache", "--processes", "1"]
    assert main(["export", *args]) == 0
    assert main(["export", *args, "--strict"]) == 2
