"""The evaluation gate: score the generator on every annotated set and compare with pinned floors.

    python tests/eval/gate.py [--eval-dir DIR] [--only RUN ...] [--update-floors [--allow-lower]]

Runs the scorer (``DIR/score.py``, default ``../shared/eval`` beside the repository)
on the seeds and on every ``dev/*`` and ``train/*`` set, prints one table (a column
per run, a row per figure), and exits with 1 when a gated figure is more than
``TOLERANCE`` below its floor in ``tests/eval/floors.json``.

``--update-floors`` writes today's figures as the new floors. It raises floors and
adds new ones; lowering a floor (a figure that got worse) also needs
``--allow-lower``, so a regression is never pinned by accident.

Gated figures: every F1 and accuracy, and the alias recall (``GATED``); precision
and recall alone are printed, not gated, since a change may rightly trade one for
the other. Each run's export goes through the extraction cache (``.cache/briefings``,
keyed on the input and the code), so a second gate after a small change parses little.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FLOORS = Path(__file__).resolve().parent / "floors.json"
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
TOLERANCE = 0.005
GATED_SUFFIXES = ("_f1", "_acc")
GATED_EXTRA = frozenset({"persons_alias_r"})
DCT_SETS = frozenset({"tempeval3", "meantime"})  # temporal benchmarks: the document creation time is given


@dataclass(frozen=True)
class Run:
    """One scorer run: a gold folder (relative to the eval folder) and the scorer's input flags."""

    name: str
    gold: str
    flags: tuple[str, ...] = ()


def runs_for(eval_dir: Path) -> list[Run]:
    """The seeds, then every dev/* and train/* set found, each with the flags that apply to it.

    HTML sets are scored on both inputs (``--html`` and the text); sets with a document
    creation time in their gold (temporal benchmarks, the seeds) are scored with ``--dct``,
    the seeds also without it (the publication-date estimate is judged then).
    """
    runs = [Run("seeds", "seeds"), Run("seeds+dct", "seeds", ("--dct",))]
    for split in ("dev", "train"):
        for folder in sorted(p for p in (eval_dir / split).glob("*") if p.is_dir()):
            name = f"{split}/{folder.name}"
            if any(folder.glob("*.html")):
                runs += [Run(name, name), Run(f"{name}+html", name, ("--html",))]
            elif folder.name in DCT_SETS:
                runs.append(Run(f"{name}+dct", name, ("--dct",)))
            else:
                runs.append(Run(name, name))
    return runs



def score(run: Run, eval_dir: Path) -> dict[str, float]:
    """The scorer's figures for one run (its export goes through the project's cache)."""
    command = [sys.executable, str(eval_dir / "score.py"), "--gold", str(eval_dir / run.gold), "--run",
               "--project", str(REPO), "--json", *run.flags]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"error: the scorer failed on {run.name}:\n{done.stderr[-3000:]}")
    return {k: float(v) for k, v in json.loads(done.stdout).items() if isinstance(v, (int, float))}


def gated(figure: str) -> bool:
    return figure.endswith(GATED_SUFFIXES) or figure in GATED_EXTRA


def compare(figures: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    """A line per gated figure more than ``TOLERANCE`` below its floor (a run or figure not measured: a failure too)."""
    failures = []
    for run, pinned in sorted(floors.items()):
        if run not in figures:
            continue  # not run this time (--only)
        for figure, floor in sorted(pinned.items()):
            value = figures[run].get(figure)
            if value is None:
                failures.append(f"{run} {figure}: no longer reported (floor {floor:.4f})")
            elif value < floor - TOLERANCE:
                failures.append(f"{run} {figure}: {value:.4f} < floor {floor:.4f} - {TOLERANCE}")
    return failures


def updated_floors(figures: dict[str, dict[str, float]], floors: dict[str, dict[str, float]],
                   allow_lower: bool) -> tuple[dict[str, dict[str, float]], list[str]]:
    """The floors with today's gated figures; the figures that would lower a floor, when not allowed."""
    new = {run: dict(pinned) for run, pinned in floors.items()}
    refused = []
    for run, values in figures.items():
        for figure, value in values.items():
            if not gated(figure):
                continue
            floor = new.get(run, {}).get(figure)
            if floor is not None and value < floor and not allow_lower:
                refused.append(f"{run} {figure}: {value:.4f} < floor {floor:.4f}")
                continue
            new.setdefault(run, {})[figure] = round(value, 4)
    return {run: dict(sorted(pinned.items())) for run, pinned in sorted(new.items())}, refused


def table(figures: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> str:
    """Figures as rows, runs as columns; a gated figure below its floor (beyond the tolerance) is marked '!'."""
    runs = list(figures)
    names = sorted({f for values in figures.values() for f in values if gated(f) or f.endswith(("_p", "_r"))})
    width = max(map(len, names + ["figure"]))
    lines = [" ".join([f"{'figure':<{width}}", *(f"{run:>{max(len(run), 7)}}" for run in runs)])]
    for name in names:
        cells = []
        for run in runs:
            value, floor = figures[run].get(name), floors.get(run, {}).get(name)
            mark = "!" if value is not None and floor is not None and value < floor - TOLERANCE else " "
            text = "" if value is None else f"{value:.4f}{mark}"
            cells.append(f"{text:>{max(len(run), 7)}}")
        lines.append(" ".join([f"{name:<{width}}", *cells]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=Path(os.environ.get("EVAL") or DEFAULT_EVAL_DIR),
                        help="the folder of score.py and the sets (default ../shared/eval, or $EVAL)")
    parser.add_argument("--only", nargs="+", metavar="RUN", help="these runs only (e.g. seeds dev/aeb+html)")
    parser.add_argument("--update-floors", action="store_true", help="pin today's figures as the floors")
    parser.add_argument("--allow-lower", action="store_true", help="with --update-floors: lower floors too")
    parser.add_argument("--if-present", action="store_true",
                        help="succeed with a note when the eval folder is absent (make test on a clone without it)")
    args = parser.parse_args(argv)
    if not (args.eval_dir / "score.py").is_file():
        print(f"{'note' if args.if_present else 'error'}: no evaluation sets at '{args.eval_dir}' "
              "(give --eval-dir DIR or EVAL=DIR); the evaluation gate did not run.", file=sys.stderr)
        return 0 if args.if_present else 1
    runs = [run for run in runs_for(args.eval_dir) if not args.only or run.name in args.only]
    if args.only and len(runs) != len(args.only):
        known = ", ".join(run.name for run in runs_for(args.eval_dir))
        print(f"error: unknown run in --only; the runs are: {known}", file=sys.stderr)
        return 1
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}
    figures = {}
    for run in runs:
        print(f"scoring {run.name} …", file=sys.stderr, flush=True)
        figures[run.name] = score(run, args.eval_dir)
    print(table(figures, floors))
    if args.update_floors:
        new, refused = updated_floors(figures, floors, args.allow_lower)
        if refused:
            print("error: these figures are below their floors; not lowered without --allow-lower:\n  "
                  + "\n  ".join(refused), file=sys.stderr)
            return 1
        FLOORS.write_text(json.dumps(new, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS.relative_to(REPO)}", file=sys.stderr)
        return 0
    failures = compare(figures, floors)
    if failures:
        print(f"error: {len(failures)} figure(s) dropped more than {TOLERANCE} below their floor "
              f"({FLOORS.relative_to(REPO)}):\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"evaluation gate passed: {len(figures)} runs, every gated figure within {TOLERANCE} of its floor.",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
