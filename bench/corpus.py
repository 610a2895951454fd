"""The benchmark corpus: the seed and dev articles, varied, up to N articles.

Each output article is one of the base articles with
1. its person-like names (pairs of capitalised words) swapped for invented ones drawn,
   Zipf-like, from a pool that grows with N, so people recur across articles as in a real
   collection and the people pages grow with the corpus;
2. its years shifted by a per-variant offset, and a ``published`` date in front matter
   spread over 2000-2025 (so year pages exist);
3. two middle paragraphs swapped, and a file name that does not follow the base order.

Base articles longer than ``MAX_WORDS`` are cut at a paragraph boundary: the dev sets
hold a few scraped pages of 20,000-150,000 words that would otherwise weigh more than
everything else together. Deterministic: the same N gives the same corpus.
"""
from __future__ import annotations

import hashlib
import os
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("BENCH_DEV", ROOT.parent / "shared" / "eval" / "dev"))  # ../shared/eval/dev
SOURCES = (ROOT / "seeds", *sorted(DEV.glob("*")))
MAX_WORDS = 2000
NAME_PAIR = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# capitalised words that start sentences or name things other than people: left as they are
KEEP = {"The", "This", "That", "These", "Those", "There", "They", "When", "What", "While", "After", "Before",
        "But", "And", "His", "Her", "Its", "Our", "Their", "For", "With", "From", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "June", "July", "August", "September", "October", "November", "December", "United", "States",
        "New", "North", "South", "East", "West", "President", "Minister", "Foreign", "Prime", "General"}
SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vo", "del", "an", "ri", "bel", "cor", "ni", "gar", "es",
             "ma", "to", "lin", "var", "ost", "ul", "pe", "dra", "hen")
FIRST = ("Alden", "Brisa", "Corin", "Dalia", "Evran", "Farah", "Gideon", "Halla", "Idris", "Jorun", "Kestra",
         "Lucan", "Mirela", "Nadir", "Orsola", "Pavel", "Quilla", "Rasmus", "Selin", "Tarek", "Ulla", "Viren",
         "Wenda", "Xavi", "Yara", "Zoltan", "Anouk", "Bram", "Cyra", "Dorian")


def base_articles() -> list[str]:
    """The seed and dev article texts (front matter removed), longest cut to ``MAX_WORDS``."""
    texts = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            texts.append(_cut(FRONT.sub("", path.read_text(encoding="utf-8", errors="replace"))))
    return texts


def build(n: int, out: Path) -> Path:
    """Write ``n`` varied articles into ``out`` (replacing its .txt files) and return it."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    bases, pool = base_articles(), _name_pool(max(50, n // 3))
    for i in range(n):
        rng = random.Random(i)
        text = vary(bases[i % len(bases)], rng, pool)
        name = hashlib.sha1(str(i).encode()).hexdigest()[:12]
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
    return out


def vary(text: str, rng: random.Random, pool: list[str]) -> str:
    """One variant of ``text``: names, years, paragraph order and publication date changed."""
    names: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        if match.group(1) in KEEP or match.group(2) in KEEP:
            return match.group(0)
        return names.setdefault(match.group(0), pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)
                                                      if rng.random() < 0.5 else rng.randrange(len(pool))])

    offset = rng.randint(-8, 8)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + offset), NAME_PAIR.sub(rename, text))
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 4:
        a, b = rng.sample(range(2, len(paragraphs)), 2)
        paragraphs[a], paragraphs[b] = paragraphs[b], paragraphs[a]
    date = f"{rng.randint(2000, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"---\npublished: {date}\n---\n" + "\n\n".join(paragraphs)


def _name_pool(size: int) -> list[str]:
    rng = random.Random(0)
    surnames = sorted({"".join(rng.sample(SYLLABLES, rng.randint(2, 3))).capitalize() for _ in range(size * 2)})
    rng.shuffle(surnames)
    return [f"{FIRST[i % len(FIRST)]} {surnames[i % len(surnames)]}" for i in range(size)]


def _cut(text: str) -> str:
    kept, words = [], 0
    for paragraph in text.split("\n"):
        words += len(paragraph.split())
        if words > MAX_WORDS and kept:
            break
        kept.append(paragraph)
    return "\n".join(kept)
