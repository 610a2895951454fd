"""Inputs → RawArticle: file discovery, decoding, front matter.

This is one of the two ends of the pipeline that touch the disk (the other is
``write.py``). Everything after it works on strings.
"""
from __future__ import annotations

import codecs
import datetime as dt
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

import charset_normalizer
import ftfy
import yaml

from .errors import InputError
from .model import FrontMatter, RawArticle
from .partial_date import PartialDate

log = logging.getLogger(__name__)

SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
MAX_BYTES = 20 * 1024 * 1024  # larger files are almost always a scraper accident, not an article
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FRONT_KEYS = {"title", "published", "source", "url", "author"}
# characters YAML (a page's front matter) and XML (the feed) cannot hold: C0/C1 controls but tab,
# newline and NEL, DEL, lone surrogates, U+FFFE and U+FFFF
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
SAMPLE_BYTES = 65_536  # what an encoding guess reads: enough for any article's vocabulary
NON_LATIN_SHARE = 0.3  # accented letters in a Latin-script text are far fewer (French: about 4 %)
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)


def find_inputs(folder: Path) -> list[Path]:
    """Every input file under ``folder``, in a stable order (sorted by relative path)."""
    return scan_inputs(folder)[0]


def scan_inputs(folder: Path) -> tuple[list[Path], list[InputError]]:
    """The input files under ``folder`` (sorted by relative path), and the errors naming those skipped.

    Skipped with a message: links that lead outside ``folder`` (a link to ``/etc/passwd``
    would otherwise be published), broken links, hidden names (``.draft.txt``, ``..txt``)
    and anything that is not a regular file. Hidden folders (``.git``) are skipped silently,
    and links to folders are not followed.
    """
    if not folder.is_dir():
        raise InputError(str(folder), "the folder", "it does not exist", "Create it or point 'seeds' at your articles.")
    root = folder.resolve()
    found: list[Path] = []
    errors: list[InputError] = []
    for dirpath, dirnames, filenames in os.walk(folder):  # never follows links to folders
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            path = Path(dirpath) / name
            if path.suffix.lower() in SUFFIXES:
                error = _unusable(path, path.relative_to(folder).as_posix(), root)
                if error is None:
                    found.append(path)
                else:
                    errors.append(error)
    order = sorted(found, key=lambda p: p.relative_to(folder).as_posix())
    return order, sorted(errors, key=lambda e: e.path)


def rescan_inputs(folder: Path, last: tuple[list[tuple[str, Path]], list[InputError]], changed: Iterable[Path],
                  ) -> tuple[list[tuple[str, Path]], list[InputError]]:
    """``scan_inputs(folder)`` again, its inputs with their paths in ``folder`` ('/'-separated), from the last
    such listing ``last``, when only the files ``changed`` can differ (the serve watcher names them): each of
    those is looked at as the scan would, the others are as listed."""
    base = folder.absolute()
    found = dict(last[0])
    errors = {e.path: e for e in last[1]}
    for path in changed:
        try:
            rel = path.absolute().relative_to(base)
        except ValueError:
            continue
        if any(part.startswith(".") for part in rel.parts[:-1]):  # in a hidden folder: never listed
            continue
        key = rel.as_posix()
        found.pop(key, None)
        errors.pop(key, None)
        here = folder / rel
        if here.suffix.lower() in SUFFIXES and os.path.lexists(here):
            error = _unusable(here, key, folder.resolve())
            if error is None:
                found[key] = here
            else:
                errors[key] = error
    return [(key, found[key]) for key in sorted(found)], [errors[key] for key in sorted(errors)]


def _unusable(path: Path, rel: str, root: Path) -> InputError | None:
    """Why ``path`` is no input (an ``InputError`` naming it), or None when it is one."""
    if path.name.startswith("."):
        return InputError(rel, "the file", "its name starts with '.', which marks a hidden file",
                          "Rename it without the leading '.' if it is an article.")
    if path.is_symlink() and not path.exists():
        return InputError(rel, "the file", "it is a link to a file that does not exist",
                          "Fix or remove the link.")
    if path.is_symlink() and root not in path.resolve().parents:
        return InputError(rel, "the file", "it is a link to a file outside the seeds folder, which is never read",
                          "Copy the article into the seeds folder instead.")
    if not path.is_file():
        return InputError(rel, "the file", "it is not a regular file", "Remove it from the seeds folder.")
    return None


def read_bytes(path: Path, root: Path, resolved: Path | None = None) -> bytes:
    """The bytes of one input, checked first: inside ``root``, and not over ``MAX_BYTES`` (never loaded then).

    ``resolved``: ``root.resolve()``, when the caller reads many inputs (it is a system call per folder level)."""
    rel = path.relative_to(root).as_posix()
    if (resolved or root.resolve()) not in path.resolve().parents:
        raise InputError(rel, "the file", "it is a link to a file outside the seeds folder, which is never read",
                         "Copy the article into the seeds folder instead.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(rel, "the text", f"the file is {size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit",
                             "Split it or remove it from the seeds folder.")
        return path.read_bytes()
    except OSError as error:  # unreadable, vanished or a broken link: skip it, keep building
        raise InputError(rel, "the file", f"it cannot be opened ({error.strerror or error})",
                         "Check that it exists and is readable.") from None


def read_article(path: Path, root: Path) -> RawArticle:
    """Read one input; raise ``InputError`` naming the file when it cannot be an article."""
    return parse_article(read_bytes(path, root), path.relative_to(root).as_posix())


def parse_article(data: bytes, name: str) -> RawArticle:
    """One input's bytes → a RawArticle; ``name`` is its path relative to the seeds folder ('/'-separated).

    Pure: no I/O. Raises ``InputError`` naming the file when it cannot be an article;
    warnings (such as unknown front matter keys) are logged.
    """
    path = PurePosixPath(name)
    text = decode(data, name)
    front, body = split_front_matter(text, name)
    if not body.strip():
        raise InputError(name, "the text", "the file has no text", "Add the article's text or delete the file.")
    return RawArticle(id=path.stem, path=name, text=body, format=SUFFIXES[path.suffix.lower()], front=front)


def read_folder(folder: Path) -> Iterator[RawArticle | InputError]:
    """Each input as a RawArticle, or the error that names why it was skipped."""
    paths, errors = scan_inputs(folder)
    yield from errors
    for path in paths:
        try:
            yield read_article(path, folder)
        except InputError as error:
            yield error


def decode(data: bytes, rel: str) -> str:
    """Bytes → text: BOMs first, then UTF-8, UTF-16 without a BOM, an HTML page's declared charset, then a
    guess between Windows-1252 and other code pages; mojibake repaired, characters no page can hold removed."""
    text = _decode_bytes(data)
    if looks_binary(text):
        raise InputError(rel, "the text", "the file is binary, not text",
                         "Remove it from the seeds folder or save the article as text.")
    # uncurl_quotes=False: curly quotes tell an opening mark from a closing one (nested quotes)
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False).replace("\r\n", "\n").replace("\r", "\n")
    return UNPRINTABLE.sub("", text.replace("\f", "\n"))


def _decode_bytes(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if looks_utf16(data):
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    try:
        text: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and not looks_binary(text):
        return text
    wide = guess_utf16(data)  # Cyrillic or Chinese: few zero bytes, and often "valid" UTF-8 full of controls
    if wide is not None:
        return wide
    return text if text is not None else data.decode(declared_charset(data) or guess_code_page(data), errors="replace")


def guess_utf16(data: bytes) -> str | None:
    """``data`` as UTF-16 without a BOM (either byte order), if charset-normalizer finds it is.

    Only data with a zero byte is tried (a space, a newline or a Chinese character has one
    in UTF-16; no text in a single-byte code page has any).
    """
    if len(data) % 2 or b"\x00" not in data[:SAMPLE_BYTES]:
        return None
    best = charset_normalizer.from_bytes(data[:SAMPLE_BYTES], cp_isolation=["utf_16_le", "utf_16_be"]).best()
    text = data.decode(best.encoding, errors="replace") if best is not None else None
    return text if text is not None and not looks_binary(text) else None


def guess_code_page(data: bytes) -> str:
    """Windows-1252, unless most of its letters would be accented Latin ones ("Ìèíèñòð"): the mark of
    Cyrillic, Greek… in another single-byte code page, which charset-normalizer then names."""
    letters = [c for c in data[:SAMPLE_BYTES].decode("cp1252", errors="replace") if c.isalpha()]
    if sum(ord(c) > 127 for c in letters) > len(letters) * NON_LATIN_SHARE:
        best = charset_normalizer.from_bytes(data[:SAMPLE_BYTES]).best()
        if best is not None:
            return best.encoding
    return "cp1252"


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
    partial = PartialDate.of(value.strip()) if isinstance(value, str) else None
    if partial is not None and not partial.is_day:
        return str(partial)  # a year, or a year and month: ``published: 2024-04``
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise InputError(rel, "the front matter 'published'", f"{value!r} is not a date",
                     "Write it as 'published: YYYY-MM-DD' (or YYYY-MM, or YYYY), e.g. 'published: 2023-04-19'.")
