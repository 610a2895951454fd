"""Pagefind's filter indexes made byte-identical from build to build.

Pagefind (1.5) writes the values of a filter (``data-pagefind-filter``, render.py)
in an order that changes from run to run, and names each filter file, the
language's ``.pf_meta`` file that lists them, and so ``pagefind-entry.json``, by a
hash of that content: the same site gave different files. ``normalise`` sorts each
filter's values by value and renames the files after their new content, as
Pagefind does, so the same input gives the same bundle.

The files are gzip over ``pagefind_dcd`` and one CBOR item. The small CBOR codec
below reads and writes only what these files hold (unsigned integers, byte and
text strings, arrays, maps), in the shortest form, as Pagefind writes it; a file
that does not read back byte for byte is left as Pagefind wrote it.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

MAGIC = b"pagefind_dcd"
FILTER_NAME = re.compile(r"(?P<lang>[^_/]+)_[0-9a-f]+\.pf_filter")


def normalise(bundle: Path) -> None:
    """Sort the values of every filter of the Pagefind ``bundle`` folder; rename files and references to match.

    Every new file is made before any is written: a file this module cannot read
    leaves the whole bundle as Pagefind wrote it.
    """
    entry_path = bundle / "pagefind-entry.json"
    if not entry_path.is_file():
        return
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    filters = [_sorted_filter(path) for path in sorted((bundle / "filter").glob("*.pf_filter"))]
    if any(f is None for f in filters):
        return
    renamed = {old.stem: new.stem for old, new, _ in filters}  # type: ignore[misc]
    metas = []
    for language in entry.get("languages", {}).values():
        meta = _rewritten_meta(bundle / f"pagefind.{language['hash']}.pf_meta", renamed)
        if meta is None:
            return
        metas.append((language, *meta))
    for old, new, data in filters:  # type: ignore[misc]
        old.unlink()
        _write(new, data)
    for language, old, new, data in metas:
        old.unlink()
        _write(new, data)
        language["hash"] = new.name.removeprefix("pagefind.").removesuffix(".pf_meta")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _sorted_filter(path: Path) -> tuple[Path, Path, bytes] | None:
    """(the file, its new path, its new content) with the filter's values sorted; None if it cannot be read."""
    match = FILTER_NAME.fullmatch(path.name)
    item = _read(path)
    if match is None or item is None or not _is_filter(item):
        return None
    name, values = item[0], item[1]  # type: ignore[index]
    data = MAGIC + encode([name, sorted(values, key=lambda value: value[0])])
    return path, path.with_name(f"{match['lang']}_{hashlib.sha256(data).hexdigest()[:7]}.pf_filter"), data


def _rewritten_meta(meta: Path, renamed: dict[str, str]) -> tuple[Path, Path, bytes] | None:
    """(the .pf_meta, its new path, its new content) naming the filter files' new names; None if unreadable."""
    item = _read(meta)
    if item is None:
        return None
    data = MAGIC + encode(_sort_filter_lists(_replace(item, renamed), set(renamed.values())))
    lang = meta.name.removeprefix("pagefind.").split("_", 1)[0]
    return meta, meta.with_name(f"pagefind.{lang}_{hashlib.sha256(data).hexdigest()[:10]}.pf_meta"), data


def _replace(item: object, renamed: dict[str, str]) -> object:
    if isinstance(item, str):
        return renamed.get(item, item)
    if isinstance(item, list):
        return [_replace(part, renamed) for part in item]
    if isinstance(item, dict):
        return {key: _replace(value, renamed) for key, value in item.items()}
    return item


def _sort_filter_lists(item: object, filters: set[str]) -> object:
    """The meta's list of (filter name, filter file) pairs in name order, wherever it is."""
    if isinstance(item, list):
        parts = [_sort_filter_lists(part, filters) for part in item]
        pairs = all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], str)
                    and p[1] in filters for p in parts)
        return sorted(parts, key=lambda p: p[0]) if parts and pairs else parts  # type: ignore[index]
    return item


def _is_filter(item: object) -> bool:
    return (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], list)
            and all(isinstance(v, list) and v and isinstance(v[0], str) for v in item[1]))


def _read(path: Path) -> object | None:
    """The CBOR item of a Pagefind file, or None when it is not one this codec reads back exactly."""
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, gzip.BadGzipFile):
        return None
    if not data.startswith(MAGIC):
        return None
    try:
        item, end = decode(data, len(MAGIC))
    except (ValueError, IndexError):
        return None
    if end != len(data) or encode(item) != data[len(MAGIC):]:
        return None
    return item


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, mtime=0))


# ---- a CBOR subset: unsigned ints, byte and text strings, arrays, maps --------------

def decode(data: bytes, at: int) -> tuple[object, int]:
    major, value, at = _head(data, at)
    if major == 0:
        return value, at
    if major in (2, 3):
        raw = data[at:at + value]
        if len(raw) != value:
            raise ValueError("truncated string")
        return (raw if major == 2 else raw.decode("utf-8")), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        found = {}
        for _ in range(value):
            key, at = decode(data, at)
            found[key], at = decode(data, at)
        return found, at
    raise ValueError(f"CBOR major type {major} is not read here")


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    first = data[at]
    major, info = first >> 5, first & 0x1F
    if info < 24:
        return major, info, at + 1
    if info > 27:
        raise ValueError("indefinite lengths are not read here")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def encode(item: object) -> bytes:
    if isinstance(item, bool) or item is None:
        raise ValueError("not written here")
    if isinstance(item, int):
        return _encode_head(0, item)
    if isinstance(item, bytes):
        return _encode_head(2, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    if isinstance(item, list):
        return _encode_head(4, len(item)) + b"".join(encode(part) for part in item)
    if isinstance(item, dict):
        return _encode_head(5, len(item)) + b"".join(encode(k) + encode(v) for k, v in item.items())
    raise ValueError(f"{type(item).__name__} is not written here")


def _encode_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("integer too large")
