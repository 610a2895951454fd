"""``python -m bench.undated``: how often the year is estimated right when an article gives no date.

The dev sets give every article its date in front matter, so ``score.py`` never sees
the estimate at work. This copies the seeds and the dev articles with the
``published:`` line removed, exports them as the scorer would, and compares each
article's year with its gold publication year: right, wrong, or left undated. A
measurement, not a test; the figures go into the note of the change that moves them.

    python -m bench.undated            # counts per set
    python -m bench.undated --show     # and every wrong estimate with its reason
    python -m bench.undated --train    # the train sets instead: fit rules there, check them on dev
    python -m bench.undated --all      # both, with a total for each: a rule earns its place on both
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from generator.read import FRONT_MATTER

from .corpus import DEV, ROOT

SETS = {"seeds": DEV.parent / "seeds"} | {path.name: path for path in sorted(DEV.glob("*"))}
TRAIN_SETS = {f"train/{path.name}": path for path in sorted((DEV.parent / "train").glob("*"))}
INPUTS = {"seeds": ROOT / "seeds"}
WORK = ROOT / ".cache" / "bench" / "undated"
PUBLISHED_LINE = re.compile(r"^published:.*\n", re.MULTILINE)


def undated_copy(source: Path, target: Path) -> None:
    """``source``'s text files, each without the ``published:`` line of its front matter."""
    target.mkdir(parents=True)
    for path in sorted(source.glob("*.txt")):
        (target / path.name).write_text(without_published(path.read_text(encoding="utf-8")), encoding="utf-8")


def without_published(text: str) -> str:
    if not (match := FRONT_MATTER.match(text)):
        return text
    kept = PUBLISHED_LINE.sub("", match[1] + "\n")
    return (f"---\n{kept}---\n" if kept.strip() else "") + text[match.end():]


def gold_years(folder: Path) -> dict[str, str]:
    years = {}
    for path in folder.glob("*.gold.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("published"):
            years[gold.get("id") or path.name.removesuffix(".gold.json")] = gold["published"][:4]
    return years


def measure(name: str, gold: Path, show: bool) -> Counter[str]:
    work = WORK / name
    shutil.rmtree(work, ignore_errors=True)
    undated_copy(INPUTS.get(name, gold), work / "in")
    out = work / "export.jsonl"
    subprocess.run([sys.executable, "-m", "generator", "export", str(work / "in"), "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    expected = gold_years(gold)
    counts: Counter[str] = Counter()
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] not in expected:
            continue
        year = (record.get("published") or "")[:4]
        verdict = "undated" if not year else "right" if year == expected[record["id"]] else "wrong"
        counts[verdict] += 1
        if show and verdict == "wrong":
            print(f"  {name}/{record['id']}: {year}, not {expected[record['id']]}: {record.get('published_reason')}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.undated", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print every wrong estimate with its reason")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--train", action="store_true", help="measure the train sets instead of the seeds and dev")
    which.add_argument("--all", action="store_true", help="measure the seeds and dev, then the train sets")
    args = parser.parse_args()
    groups = {"dev": SETS, "train": TRAIN_SETS}
    chosen = ["train"] if args.train else ["dev", "train"] if args.all else ["dev"]
    print(f"{'set':<16}{'articles':>9}{'right':>7}{'wrong':>7}{'undated':>9}")
    for group in chosen:
        total: Counter[str] = Counter()
        for name, gold in groups[group].items():
            if not gold_years(gold):
                continue  # no publication dates to compare with (stories_ecb, aeb): nothing to export
            counts = measure(name, gold, args.show)
            total += counts
            print(f"{name:<16}{sum(counts.values()):>9}{counts['right']:>7}{counts['wrong']:>7}{counts['undated']:>9}")
        label = "all" if len(chosen) == 1 else f"all {group}"
        print(f"{label:<16}{sum(total.values()):>9}{total['right']:>7}{total['wrong']:>7}{total['undated']:>9}")


if __name__ == "__main__":
    main()
