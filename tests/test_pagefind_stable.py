"""Pagefind's filter indexes, sorted so that the same site gives the same files (generator/pagefind_stable.py)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator import pagefind_stable as stable

META = ["1.5.2", [["en_c84693c", 44]], [["0", "would", "en_b25ae21"]], [["person", "en_0000001"]], [["date", [1]]],
        "title"]


def _file(path: Path, item: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(stable.MAGIC + stable.encode(item), mtime=0))


def _bundle(root: Path, values: list) -> Path:
    _file(root / "filter" / "en_0000001.pf_filter", ["person", values])
    _file(root / "pagefind.en_0000000001.pf_meta", META)
    (root / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"en": {"hash": "en_0000000001", "wasm": "en", "page_count": 2}}},
        separators=(",", ":")), encoding="utf-8")
    return root


def _read(path: Path) -> object:
    return stable.decode(gzip.decompress(path.read_bytes()), len(stable.MAGIC))[0]


@pytest.mark.parametrize("item", [0, 23, 24, 255, 256, 70000, 2**40, "", "Ilse Kandor", "é" * 30, b"\x00\x01",
                                  [], [1, [2, "x"]], {"a": [1]}])
def test_cbor_reads_back_what_it_writes(item: object) -> None:
    data = stable.encode(item)
    assert stable.decode(data, 0) == (item, len(data))


def test_the_same_values_in_any_order_give_the_same_bundle(tmp_path: Path) -> None:
    one = stable.normalise(_bundle(tmp_path / "one", [["Tomas", [1]], ["Ilse", [0]], ["Marta", [1]]])) \
        or tmp_path / "one"
    two = stable.normalise(_bundle(tmp_path / "two", [["Marta", [1]], ["Tomas", [1]], ["Ilse", [0]]])) \
        or tmp_path / "two"
    assert _files(one) == _files(two)
    (filter_file,) = (one / "filter").glob("*.pf_filter")
    assert _read(filter_file) == ["person", [["Ilse", [0]], ["Marta", [1]], ["Tomas", [1]]]]
    entry = json.loads((one / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = one / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    assert _read(meta)[3] == [["person", filter_file.stem]]  # the meta names the renamed file


def test_a_file_it_cannot_read_leaves_the_bundle_alone(tmp_path: Path) -> None:
    root = _bundle(tmp_path, [["B", [1]], ["A", [0]]])
    (root / "filter" / "en_0000002.pf_filter").write_bytes(b"not gzip")
    before = {p.name: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    stable.normalise(root)
    assert {p.name: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
