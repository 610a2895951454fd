"""The evaluation gate's rules (tests/eval/gate.py), without running the scorer: which runs, what fails, and
that a floor is never lowered without asking."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("gate", Path(__file__).parent / "eval" / "gate.py")
assert _spec is not None and _spec.loader is not None
gate = importlib.util.module_from_spec(_spec)
sys.modules["gate"] = gate  # its dataclass looks its module up
_spec.loader.exec_module(gate)

FLOORS = {"dev/aeb": {"clean_f1": 0.90, "title_acc": 0.80}}


@pytest.mark.parametrize(("figures", "failures"), [
    ({"dev/aeb": {"clean_f1": 0.90, "title_acc": 0.80}}, []),  # at the floor
    ({"dev/aeb": {"clean_f1": 0.8951, "title_acc": 0.99}}, []),  # within the tolerance
    ({"dev/aeb": {"clean_f1": 0.8949, "title_acc": 0.99}}, ["dev/aeb clean_f1"]),  # beyond it
    ({"dev/aeb": {"title_acc": 0.99}}, ["dev/aeb clean_f1"]),  # a figure no longer reported
    ({"seeds": {"clean_f1": 0.1}}, []),  # a run not made (--only): nothing to compare
])
def test_compare(figures: dict, failures: list[str]) -> None:
    assert [line.split(":")[0] for line in gate.compare(figures, FLOORS)] == failures


def test_update_raises_and_adds_floors_but_lowers_none_without_asking() -> None:
    figures = {"dev/aeb": {"clean_f1": 0.95, "title_acc": 0.70, "clean_p": 0.5}, "seeds": {"quotes_f1": 1.0}}
    new, refused = gate.updated_floors(figures, FLOORS, allow_lower=False)
    assert new == {"dev/aeb": {"clean_f1": 0.95, "title_acc": 0.80}, "seeds": {"quotes_f1": 1.0}}  # p/r: not gated
    assert [line.split(":")[0] for line in refused] == ["dev/aeb title_acc"]
    lowered, refused = gate.updated_floors(figures, FLOORS, allow_lower=True)
    assert lowered["dev/aeb"]["title_acc"] == 0.70 and not refused


def test_runs_for_each_set_with_the_flags_that_apply(tmp_path: Path) -> None:
    for folder, files in {"dev/aeb": ["a.txt", "a.html"], "dev/tempeval3": ["b.txt"], "train/polnear": ["c.txt"],
                          "dev/meantime": ["d.txt"]}.items():
        (tmp_path / folder).mkdir(parents=True)
        for name in files:
            (tmp_path / folder / name).write_text("x")
    runs = {run.name: run.flags for run in gate.runs_for(tmp_path)}
    assert runs == {"seeds": (), "seeds+dct": ("--dct",), "dev/aeb": (), "dev/aeb+html": ("--html",),
                    "dev/meantime+dct": ("--dct",), "dev/tempeval3+dct": ("--dct",), "train/polnear": ()}


def test_the_pinned_floors_are_gated_figures_of_known_runs() -> None:
    floors = json.loads(gate.FLOORS.read_text(encoding="utf-8"))
    assert floors and all(gate.gated(figure) for pinned in floors.values() for figure in pinned)
    assert {"seeds", "seeds+dct"} <= set(floors)


def test_a_missing_eval_folder_is_a_note_only_when_asked(tmp_path: Path) -> None:
    assert gate.main(["--eval-dir", str(tmp_path / "none"), "--if-present"]) == 0
    assert gate.main(["--eval-dir", str(tmp_path / "none")]) == 1
