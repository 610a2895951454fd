"""The hostile corpus: article text that tries to act, and files that are broken.

Generated, never committed: big, binary and oddly named files (a 50 MB file, names
that differ only by case) do not belong in git. Run ``python tests/hostile/corpus.py
DIR`` to look at it; tests call ``write_corpus`` into their tmp dir.

Every sentence, name and place here is invented. ``EXPECTED`` says, per file, whether
it must build ("ok") or be skipped with a message ("error"); ``PAYLOADS`` is what
must show as text on every page (escaped) and never run.
"""
from __future__ import annotations

import sys
from pathlib import Path

# Markers: a payload that runs sets window.__pwned or opens a dialog; the browser test checks both.
PAYLOADS = (
    "<script>window.__pwned=(window.__pwned||0)+1;alert('script')</script>",
    "<img src=x onerror=\"window.__pwned=1;alert('img')\">",
    "<svg onload=alert('svg')>",
    "<iframe src=\"javascript:alert('iframe')\"></iframe>",
    "<details open ontoggle=alert('details')>",
    "[click here](javascript:alert('link'))",
    "<a href=\"javascript:alert('anchor')\">a link</a>",
    "{{ config.site_name }} {% include 'base.html' %} {# jinja #}",
    "<!-- a hidden comment -->",
    "{: onclick=\"alert('attr')\" }",
    "&lt;script&gt;already escaped&lt;/script&gt;",
)
# the tags and attributes that must never reach the DOM from article text
FORBIDDEN_SELECTORS = ("iframe", "svg[onload]", "img[onerror]", "details[ontoggle]", "[onclick]",
                       "a[href^='javascript:']", "script:not([src])")

PROSE = ("Councillor Edda Varn told the harbour board in Tollmere on Monday that the ferry contract "
         "would be signed before the end of the month.")
QUOTE = ("\"We will not wait for another winter of closures,\" said Edda Varn, the deputy mayor of Tollmere, "
         "at a meeting of the harbour board on Monday.")


def injection_article(n: int, payload: str) -> str:
    """An article that carries ``payload`` in its title, a quote, a name-like line, a role and the body."""
    return "\n".join([
        f"Harbour vote {n} {payload}",
        f"{PROSE}",
        f"The statement added {payload} in the middle of an otherwise ordinary sentence about the ferry.",
        f"\"Nobody should write {payload} into a quote,\" said Orla Dunmere, the {payload} harbour master, on Tuesday.",
        f"{payload}",
        "# A heading written by a scraper that should stay a plain line of the article.",
        f"{QUOTE}",
    ]) + "\n"


def markdown_article() -> str:
    """Markdown and MkDocs syntax that would change the page if not escaped."""
    lines = ["Ferry timetable | with a table pipe and *stars* and `ticks`",
             PROSE,
             "!!! danger \"An admonition from the article\"",
             "    Indented text that Markdown would make a code block if it were left as it is.",
             "| Column | Other |", "|---|---|", "| a | b |",
             "- a list item that the scraper kept in the article, with enough words to count as prose.",
             "1. a numbered item that the scraper kept in the article, with enough words to be prose.",
             "---",
             "<div markdown=\"1\">**bold inside raw HTML** that should be visible as written.</div>",
             "[[Edda Varn]] asked for a wiki link, and ![an image](http://example.invalid/x.png) too.",
             QUOTE]
    return "\n".join(lines) + "\n"


def front_matter_article(title: str, published: str, source: str) -> str:
    return f"---\ntitle: {title}\npublished: {published}\nsource: {source}\n---\n{PROSE}\n{QUOTE}\n"


def text_files() -> dict[str, bytes]:
    """Small inputs: name → bytes."""
    files: dict[str, bytes] = {}
    for n, payload in enumerate(PAYLOADS):
        files[f"inject_{n:02d}.txt"] = injection_article(n, payload).encode()
    files["inject_markdown.md"] = markdown_article().encode()
    files["inject_front.md"] = front_matter_article(
        "'<script>alert(\"front\")</script> title'", "2021-03-04", "'<img src=x onerror=alert(\"source\")>'").encode()
    files["inject_page.html"] = (f"<html><head><title>Harbour <b>page</b></title><script>alert('head')</script>"
                                 f"</head><body><h1>Harbour page</h1><p>{PROSE}</p>"
                                 f"<p onclick=\"alert('p')\">{QUOTE}</p><script>alert('body')</script>"
                                 f"</body></html>").encode()
    files["<b onmouseover=alert('name')>odd name.txt"] = (f"Odd file name\n{PROSE}\n{QUOTE}\n").encode()
    # broken but readable: these must build
    utf16 = "\ufeffA UTF-16 article about Tollmere\n" + PROSE + "\n" + QUOTE + "\n"
    files["utf16_bom.txt"] = utf16.encode("utf-16-le")
    files["utf16_bom.txt"] = b"\xff\xfe" + files["utf16_bom.txt"][2:]
    files["invalid_utf8.txt"] = (("Invalid UTF-8 in Tollmere\n" + PROSE + "\n").encode()
                                 + b"caf\xe9 \xff\xfe\x81 ok.\n" + QUOTE.encode() + b"\n")
    files["long_line.txt"] = ("A very long line\n" + ("word " * 20_000).strip() + ".\n" + QUOTE + "\n").encode()
    files["Case.txt"] = f"Upper case name\n{PROSE}\n".encode()
    files["case.txt"] = f"Lower case name\n{PROSE}\n".encode()
    files["name with spaces.txt"] = f"Spaces in the name\n{PROSE}\n".encode()
    files["Ünïcödé ñame 日本.txt"] = f"Unicode in the name\n{PROSE}\n".encode()
    files["dots..in..name.txt"] = f"Dots in the name\n{PROSE}\n".encode()
    files["trailing...txt"] = f"Dots before the suffix\n{PROSE}\n".encode()
    files["sub/nested.md"] = f"A nested article\n{PROSE}\n".encode()
    for name in ("dup.txt", "dup.md", "sub/dup.txt"):  # one stem, three articles: three pages
        files[name] = f"Same stem as two others ({name})\n{PROSE}\n".encode()
    # unusable: skipped with a message
    files["empty.txt"] = b""
    files["whitespace.txt"] = b" \n\t\n   \r\n"
    files["binary.txt"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    files["front_broken_yaml.md"] = f"---\ntitle: [unclosed\npublished: 2021-01-01\n---\n{PROSE}\n".encode()
    files["front_not_a_date.md"] = f"---\npublished: last Tuesday\n---\n{PROSE}\n".encode()
    files["front_impossible_date.md"] = f"---\npublished: 2021-02-30\n---\n{PROSE}\n".encode()
    files["front_number_date.md"] = f"---\npublished: 20210101\n---\n{PROSE}\n".encode()
    files["front_list_title.md"] = f"---\ntitle: [a, b]\n---\n{PROSE}\n".encode()
    files["front_not_mapping.md"] = f"---\n- just\n- a list\n---\n{PROSE}\n".encode()
    files["front_deep.md"] = ("---\ntitle: " + "[" * 5000 + "]" * 5000 + f"\n---\n{PROSE}\n").encode()
    files["front_only.md"] = b"---\ntitle: Nothing below\n---\n"
    return files


BIG = "big.txt"
BIG_BYTES = 50 * 1024 * 1024

EXPECTED_ERRORS = frozenset({
    "empty.txt", "whitespace.txt", "binary.txt", BIG, "front_broken_yaml.md", "front_not_a_date.md",
    "front_impossible_date.md", "front_number_date.md", "front_list_title.md", "front_not_mapping.md",
    "front_deep.md", "front_only.md"})


def write_corpus(folder: Path, *, big: bool = True) -> dict[str, str]:
    """Write the corpus into ``folder``; return relative path → "ok" or "error"."""
    expected: dict[str, str] = {}
    for name, data in text_files().items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = "error" if name in EXPECTED_ERRORS else "ok"
    if big:
        with (folder / BIG).open("wb") as out:  # a sparse-ish file: written in chunks, never held in memory
            line = (PROSE + "\n").encode()
            chunk = line * (1024 * 1024 // len(line) + 1)
            for _ in range(BIG_BYTES // len(chunk) + 1):
                out.write(chunk)
        expected[BIG] = "error"
    return expected


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for rel, outcome in sorted(write_corpus(target).items()):
        print(f"{outcome:5}  {rel}")
