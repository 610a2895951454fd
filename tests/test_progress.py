"""Progress of a long extraction: lines at an interval (the first and the last always), an estimate of the rest."""
from __future__ import annotations

import io

import pytest

from generator.progress import ProgressLog, eta_text, progress_bar, progress_line


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "about 0 s left"), (40.4, "about 40 s left"), (59.6, "about 1 min left"), (360, "about 6 min left"),
    (3900, "about 1 h 5 min left"), (-3, "about 0 s left"),
])
def test_eta_text(seconds: float, text: str) -> None:
    assert eta_text(seconds) == text


@pytest.mark.parametrize(("args", "line"), [
    ((0, 10_000, 0, 5_000_000, 0.0), "Extracting 0 / 10,000 articles"),  # nothing measured yet: no rate
    ((1_200, 10_000, 600_000, 5_000_000, 60.0), "Extracting 1,200 / 10,000 articles, 10,000 words/s, about 7 min left"),
    ((10_000, 10_000, 5_000_000, 5_000_000, 500.0), "Extracting 10,000 / 10,000 articles, 10,000 words/s"),  # done
])
def test_progress_line(args: tuple, line: str) -> None:
    assert progress_line(*args) == line


def test_lines_come_at_the_interval_plus_the_first_and_the_last() -> None:
    now = [0.0]
    lines: list[str] = []
    progress = ProgressLog(lines.append, interval=10.0, clock=lambda: now[0])
    progress(0, 5, 0, 500)
    for done, at in ((1, 4.0), (2, 11.0), (3, 15.0), (4, 22.0), (5, 23.0)):
        now[0] = at
        progress(done, 5, done * 100, 500)
    assert [line.split(",")[0] for line in lines] == [
        "Extracting 0 / 5 articles", "Extracting 2 / 5 articles", "Extracting 4 / 5 articles",
        "Extracting 5 / 5 articles"]


def test_the_bar_counts_articles_to_the_end() -> None:
    stream = io.StringIO()
    update = progress_bar(stream)
    update(0, 3, 0, 300)
    for done in (1, 2, 3):
        update(done, 3, done * 100, 300)
    assert "3/3" in stream.getvalue() and "Extracting" in stream.getvalue()
