"""The per-article pipeline: cache keys, batching, the cache itself, workers and errors."""
from __future__ import annotations

import dataclasses
import itertools
import os
import time
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import Settings
from generator.model import Extraction
from generator.pipeline import BATCH_WORDS, MIN_BATCH_WORDS, Source, batches, cache_key, tapered_batches

ARTICLE = """Harbour levy debated in Portvale

The Portvale council voted on Tuesday to raise the harbour levy, after a long debate about the old docks.

"We cannot keep the cranes running on goodwill alone," said Mirela Ostvan, the council's treasurer.

The new levy takes effect in March 2031, Ostvan told reporters outside the town hall.
"""
OTHER = """Orchard growers meet in Kellby

Growers from the valley met in Kellby on Friday to share the cost of a new cold store for the apples.

"The harvest was the best in ten years and we had nowhere to keep it," said Tarek Vindal, who farms near the river.
"""


def write_seeds(folder: Path, texts: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def settings_for(seeds: Path, cache: Path | None, processes: int = 1) -> Settings:
    return Settings(seeds=seeds, cache=cache, processes=processes)


BASE = Settings(seeds=Path("a"), cache=Path("c"), processes=2)


@pytest.mark.parametrize("source, settings, changes", [
    (Source("a.txt", b"one text"), BASE, False),  # the same input and settings: the same key
    (Source("a.txt", b"one text!"), BASE, True),  # the bytes
    (Source("b.txt", b"one text"), BASE, True),  # the path (it is the article's id)
    (Source("a.txt", b"one text"), dataclasses.replace(BASE, model="other_model_pkg"), True),
    (Source("a.txt", b"one text"), dataclasses.replace(BASE, processes=1), False),  # how the work runs
    (Source("a.txt", b"one text"), dataclasses.replace(BASE, cache=None), False),
    (Source("a.txt", b"one text"), dataclasses.replace(BASE, seeds=Path("elsewhere")), False),
    (Source("a.txt", b"one text"), dataclasses.replace(BASE, strict=True), False),
])
def test_cache_key_depends_on_what_changes_an_extraction(monkeypatch, source, settings, changes):
    monkeypatch.setattr(pipeline.nlp, "model_version", lambda name: f"{name}-1.0")
    assert (cache_key(source, settings) != cache_key(Source("a.txt", b"one text"), BASE)) is changes


def test_a_setting_added_later_is_in_the_key_by_default():
    extra = dataclasses.make_dataclass("More", [("threshold", int, 1)], bases=(Settings,), frozen=True)
    source = Source("a.txt", b"x")
    assert cache_key(source, extra(threshold=1)) != cache_key(source, extra(threshold=2))


def test_code_version_covers_the_extraction_code_and_not_the_site():
    package = Path(pipeline.__file__).parent
    covered = {p.relative_to(package).as_posix() for p in pipeline._imported(
        package, [Path(pipeline.__file__), package / "clean", package / "extract", package / "nlp.py"])}
    assert {"pipeline.py", "nlp.py", "model.py", "extract/__init__.py"} <= covered
    assert not covered & {"render.py", "plugin.py", "site.py", "search.py", "write.py"}


@pytest.mark.parametrize("words, budget, expected", [
    ([10, 10, 10, 10], 20, [2, 2]),
    ([10, 10, 10], 20, [2, 1]),
    ([50, 5, 5], 20, [1, 2]),  # an article bigger than the budget is a batch of its own, never split
    ([5], 20, [1]),
    ([], 20, []),
    ([3, 3, 3], 1, [1, 1, 1]),
])
def test_batches_keep_order_and_sizes(words, budget, expected):
    sources = [Source(f"{i}.txt", b" ".join([b"w"] * n)) for i, n in enumerate(words)]
    made = batches(sources, budget)
    assert [len(batch) for batch in made] == expected
    assert [s for batch in made for s in batch] == sources


@pytest.mark.parametrize("words, processes", [
    ([100] * 3000, 2),  # 300,000 words: full batches first, then shorter and shorter ones
    ([700] * 100 + [4000] * 3, 2),  # long articles at the end: each alone, never split
    ([100] * 3000, 4),
    ([10] * 5, 2),  # less than one smallest batch: one batch
    ([], 2),
])
def test_tapered_batches_keep_order_and_get_shorter_to_the_end(words, processes):
    sources = [Source(f"{i}.txt", b" ".join([b"w"] * n)) for i, n in enumerate(words)]
    made = tapered_batches(sources, processes)
    assert [s for batch in made for s in batch] == sources
    sizes = [sum(words[int(s.rel.split(".")[0])] for s in batch) for batch in made]
    assert all(size <= max(BATCH_WORDS, max(words)) for size in sizes)
    assert all(size >= MIN_BATCH_WORDS for size in sizes[:-1])
    assert all(later <= size + max(words) for size, later in itertools.pairwise(sizes))  # shrinks (to an article)
    if sum(words) > 4 * BATCH_WORDS:
        assert sizes[0] >= BATCH_WORDS and sizes[-1] < BATCH_WORDS / 4  # the workers finish near together


def test_cached_extractions_are_reused_and_an_edit_is_never_stale(tmp_path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", {"levy.txt": ARTICLE, "orchard.txt": OTHER})
    settings = settings_for(seeds, tmp_path / "cache")
    first = pipeline.process_folder(settings)
    pipeline._memo.clear()  # a new process: only the disk cache is left
    monkeypatch.setattr(pipeline, "extract_batch", _must_not_run)
    assert pipeline.process_folder(settings) == first
    monkeypatch.undo()
    (seeds / "levy.txt").write_text(ARTICLE.replace("Mirela Ostvan", "Dalia Renko"), encoding="utf-8")
    edited = pipeline.process_folder(settings)
    names = {m.name for e in edited.extractions for m in e.persons}
    assert "Dalia Renko" in names and "Mirela Ostvan" not in names
    assert edited.extractions[1] == first.extractions[1]  # the other article is untouched


def settle(*paths: Path) -> None:
    """Date files a minute back, as files saved long before a build (their stat can then be trusted)."""
    for path in paths:
        os.utime(path, (time.time() - 60, time.time() - 60))


def test_an_unchanged_input_is_not_read_again_and_an_edited_one_always_is(tmp_path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", {"levy.txt": ARTICLE, "orchard.txt": OTHER})
    settle(*seeds.iterdir())
    settings = settings_for(seeds, tmp_path / "cache")
    first = pipeline.process_folder(settings)
    read: list[str] = []
    real = pipeline.read_bytes
    monkeypatch.setattr(pipeline, "read_bytes", lambda path, *args: read.append(path.name) or real(path, *args))
    assert pipeline.process_folder(settings) == first and read == []  # a rebuild reads nothing
    levy = seeds / "levy.txt"
    levy.write_text(ARTICLE.replace("Tuesday", "Fridays"), encoding="utf-8")  # same size, just saved
    assert "Fridays" in pipeline.process_folder(settings).extractions[0].article.body[0] and read == ["levy.txt"]
    # saved a moment ago, so it could change again within one tick of the file system's clock unseen: read again
    levy.write_text(ARTICLE.replace("Tuesday", "Mondays"), encoding="utf-8")
    assert "Mondays" in pipeline.process_folder(settings).extractions[0].article.body[0]
    assert pipeline.process_folder(settings).extractions[0] is not None and read == ["levy.txt"] * 3
    settle(levy)  # a stat is trusted once the file has settled (its change time moved: read once more)
    pipeline.process_folder(settings)
    pipeline.process_folder(settings)
    assert read == ["levy.txt"] * 4
    pipeline._memo.clear()  # without the extraction in memory, the file is read for its cache key
    pipeline.process_folder(settings)
    assert read == ["levy.txt"] * 4 + ["levy.txt", "orchard.txt"]


def test_other_settings_read_every_input_again(tmp_path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", {"levy.txt": ARTICLE})
    settle(*seeds.iterdir())
    pipeline.process_folder(settings_for(seeds, tmp_path / "cache"))
    read: list[str] = []
    real = pipeline.read_bytes
    monkeypatch.setattr(pipeline, "read_bytes", lambda path, *args: read.append(path.name) or real(path, *args))
    monkeypatch.setattr(pipeline, "_settings_part", lambda settings: "another setting")
    pipeline.process_folder(settings_for(seeds, tmp_path / "cache"))
    assert read == ["levy.txt"]


def _must_not_run(*args, **kwargs):
    raise AssertionError("a cached article was extracted again")


def test_a_corrupt_cache_entry_is_recomputed(tmp_path):
    seeds = write_seeds(tmp_path / "seeds", {"levy.txt": ARTICLE})
    settings = settings_for(seeds, tmp_path / "cache")
    first = pipeline.process_folder(settings)
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"not a pickle")
    pipeline._memo.clear()
    assert pipeline.process_folder(settings) == first


def test_workers_give_what_one_process_gives(tmp_path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", {f"{i:02d}.txt": text for i, text in enumerate([ARTICLE, OTHER] * 3)})
    alone = pipeline.process_folder(settings_for(seeds, None))
    monkeypatch.setattr(pipeline, "INLINE_WORDS", 0)  # use the pool even for six short articles
    pipeline._memo.clear()
    pooled = pipeline.process_folder(settings_for(seeds, None, processes=2))
    assert pooled == alone and len(alone.extractions) == 6


def test_one_process_extracts_batch_by_batch_with_the_same_results(tmp_path, monkeypatch):
    """With one process a large folder is not one ``nlp.pipe`` batch (all its Docs in memory at once): it goes
    batch by batch, each cached as it is done, and the extractions are those of one batch."""
    seeds = write_seeds(tmp_path / "seeds", {f"{i:02d}.txt": text for i, text in enumerate([ARTICLE, OTHER] * 3)})
    whole = pipeline.process_folder(settings_for(seeds, None))
    sizes: list[int] = []
    extract_batch = pipeline.extract_batch
    monkeypatch.setattr(pipeline, "extract_batch", lambda batch, model: sizes.append(len(batch))
                        or extract_batch(batch, model))
    monkeypatch.setattr(pipeline, "BATCH_WORDS", 100)  # a few of these articles per batch
    pipeline._memo.clear()
    assert pipeline.process_folder(settings_for(seeds, None)) == whole and len(whole.extractions) == 6
    assert len(sizes) > 1 and sum(sizes) == 6


@pytest.mark.parametrize("name, data, readable", [
    ("fine.txt", ARTICLE.encode(), True),
    ("binary.txt", bytes(range(256)) * 20, False),
    ("empty.txt", b"   \n", False),
    ("front.md", b"---\npublished: 2031-02-30\n---\nA body that follows the front matter.\n", False),
])
def test_unreadable_inputs_are_errors_not_crashes(tmp_path, name, data, readable):
    seeds = write_seeds(tmp_path / "seeds", {name: data, "orchard.txt": OTHER})
    collection = pipeline.process_folder(settings_for(seeds, tmp_path / "cache"))
    assert [e.article.path for e in collection.extractions] == sorted(["orchard.txt"] + ([name] if readable else []))
    assert [e.path for e in collection.errors] == ([] if readable else [name])
    assert all(isinstance(e, Extraction) for e in collection.extractions)


def test_the_memo_holds_only_the_current_inputs(tmp_path):
    seeds = write_seeds(tmp_path / "seeds", {"levy.txt": ARTICLE, "orchard.txt": OTHER})
    settings = settings_for(seeds, None)
    pipeline.process_folder(settings)
    (seeds / "orchard.txt").unlink()
    pipeline.process_folder(settings)
    assert len(pipeline._memo) == 1


def test_an_extractor_bug_fails_that_article_only(tmp_path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", {"levy.txt": ARTICLE, "orchard.txt": OTHER})
    real = pipeline.extract

    def broken(article, doc):
        if "Kellby" in article.title:
            raise IndexError("list index out of range")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "extract", broken)
    collection = pipeline.process_folder(settings_for(seeds, tmp_path / "cache"))
    assert [e.article.path for e in collection.extractions] == ["levy.txt"]
    assert [e.path for e in collection.errors] == ["orchard.txt"]
    assert "IndexError: list index out of range" in str(collection.errors[0])
    pipeline._memo.clear()
    again = pipeline.process_folder(settings_for(seeds, tmp_path / "cache"))  # from the cache: same failure
    assert [str(e) for e in again.errors] == [str(e) for e in collection.errors]
