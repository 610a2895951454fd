"""Inputs → RawArticle: file discovery, decoding, front matter.

This is one of the two ends of the pipeline that touch the disk (the other is
``write.py``). Everything after it works on strings.
"""
from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import ftfy
import yaml

from .errors import InputError
from .model import FrontMatter, RawArticle

log = logging.getLogger(__name__)

SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
MAX_BYTES = 20 * 1024 * 1024  # larger files are almost always a scraper accident, not an article
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FRONT_KEYS = {"title", "published", "source", "url", "author"}
PARTIAL_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")  # a year, or a year and month: ``published: 2024-04``
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)


def find_inputs(folder: Path) -> list[Path]:
    """Every input file under ``folder``, in a stable order (sorted by relative path)."""
    if not folder.is_dir():
        raise InputError(str(folder), "the folder", "it does not exist", "Create it or point 'seeds' at your articles.")
    found = (p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    return sorted((p for p in found if not any(part.startswith(".") for part in p.relative_to(folder).parts)),
                  key=lambda p: p.relative_to(folder).as_posix())


def read_article(path: Path, root: Path) -> RawArticle:
    """Read one input; raise ``InputError`` naming the file when it cannot be an article."""
    rel = path.relative_to(root).as_posix()
    try:
        size = path.stat().st_size  # checked before reading: a huge file is never loaded into memory
        if size > MAX_BYTES:
            raise InputError(rel, "the text", f"the file is {size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit",
                             "Split it or remove it from the seeds folder.")
        data = path.read_bytes()
    except OSError as error:  # unreadable, vanished or a broken link: skip it, keep building
        raise InputError(rel, "the file", f"it cannot be opened ({error.strerror or error})",
                         "Check that it exists and is readable.") from None
    text = decode(data, rel)
    front, body = split_front_matter(text, rel)
    if not body.strip():
        raise InputError(rel, "the text", "the file has no text", "Add the article's text or delete the file.")
    return RawArticle(id=path.stem, path=rel, text=body, format=SUFFIXES[path.suffix.lower()], front=front)


def read_folder(folder: Path) -> Iterator[RawArticle | InputError]:
    """Each input as a RawArticle, or the error that names why it was skipped."""
    for path in find_inputs(folder):
        try:
            yield read_article(path, folder)
        except InputError as error:
            yield error


def decode(data: bytes, rel: str) -> str:
    """Bytes → text: BOMs first, then UTF-8, then an HTML page's declared charset, then
    Windows-1252; mojibake repaired."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif looks_utf16(data):
        text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode(declared_charset(data) or "cp1252", errors="replace")
    if looks_binary(text):
        raise InputError(rel, "the text", "the file is binary, not text",
                         "Remove it from the seeds folder or save the article as text.")
    # uncurl_quotes=False: curly quotes tell an opening mark from a closing one (nested quotes)
    return ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False).replace("\r\n", "\n").replace("\r", "\n")


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares (``<meta charset=...>``), if Python knows it."""
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of an ASCII-heavy text is zero."""
    sample = data[:2000]
    return len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 3


def looks_binary(text: str) -> bool:
    sample = text[:4000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return bool(sample) and bad > len(sample) * 0.1


def split_front_matter(text: str, rel: str) -> tuple[FrontMatter, str]:
    """Split YAML front matter (``title``, ``published``, ``source``) from the body."""
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return FrontMatter(), text
    try:
        data = yaml.safe_load(match.group(1)) or {}
    # ValueError: an impossible date such as 2021-02-30; RecursionError: absurdly deep nesting
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        cause = (str(error).splitlines() or [type(error).__name__])[0]
        raise InputError(rel, "the front matter", f"it is not valid YAML ({cause})",
                         "Fix the lines between the '---' markers, e.g. 'published: 2023-04-19'.") from None
    if not isinstance(data, dict):
        raise InputError(rel, "the front matter", "it is not a list of 'key: value' lines",
                         "Write it as 'title: ...', 'published: YYYY-MM-DD', 'source: ...'.")
    unknown = sorted(str(k) for k in data if k not in FRONT_KEYS)
    if unknown:
        log.warning("Article '%s': front matter key(s) %s ignored; known keys: %s", rel, ", ".join(unknown),
                    ", ".join(sorted(FRONT_KEYS)))
    front = FrontMatter(title=_text_field(data, "title", rel), published=_date_field(data, rel),
                        source=_text_field(data, "source", rel), url=_text_field(data, "url", rel),
                        author=_text_field(data, "author", rel))
    return front, text.lstrip("\ufeff")[match.end():]


def _text_field(data: dict, key: str, rel: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise InputError(rel, f"the front matter '{key}'", f"it is a {type(value).__name__}, not text",
                         f"Write it as '{key}: some text'.")
    return str(value).strip() or None


def _date_field(data: dict, rel: str) -> str | None:
    value = data.get("published")
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)  # ``published: 2024``: YAML reads a bare year as a number
    if isinstance(value, str) and PARTIAL_DATE.fullmatch(value.strip()):
        return value.strip()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise InputError(rel, "the front matter 'published'", f"{value!r} is not a date",
                     "Write it as 'published: YYYY-MM-DD' (or YYYY-MM, or YYYY), e.g. 'published: 2023-04-19'.")
