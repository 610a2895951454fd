"""Progress of a long extraction, as lines for a log or as a bar on an interactive terminal.

``pipeline.extract_sources`` calls a progress callback with ``(articles done, articles
to do, words done, words to do)``: once before the first article, then as results
arrive. ``ProgressLog`` turns the calls into lines such as

    Extracting 1,200 / 10,000 articles, 8,900 words/s, about 6 min left

at most every ``interval`` seconds, plus the first and the last line, so a build of a
few articles still logs two lines and one of 10,000 about one line per ``interval``.
``progress_bar`` gives a ``tqdm`` bar instead (the command line, on a terminal).
Not handled: the rate of a cold start (the model loading in each worker) counts in
the first interval, so the first estimate is pessimistic.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

Callback = Callable[[int, int, int, int], None]
INTERVAL = 10.0  # seconds between two log lines: ~40 lines for a 7-minute build


def eta_text(seconds: float) -> str:
    """``about 6 min left`` / ``about 40 s left`` / ``about 1 h 5 min left``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"about {seconds} s left"
    minutes = round(seconds / 60)
    return f"about {minutes} min left" if minutes < 60 else f"about {minutes // 60} h {minutes % 60} min left"


def progress_line(done: int, total: int, words_done: int, total_words: int, elapsed: float) -> str:
    """One line of progress; the rate and the estimate once there is something to measure."""
    line = f"Extracting {done:,} / {total:,} articles"
    if words_done and elapsed > 0:
        rate = words_done / elapsed
        line += f", {rate:,.0f} words/s"
        if done < total:
            line += f", {eta_text((total_words - words_done) / rate)}"
    return line


class ProgressLog:
    """A progress callback that writes lines through ``emit`` (e.g. a logger's ``info``)."""

    def __init__(self, emit: Callable[[str], Any], interval: float = INTERVAL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.emit, self.interval, self.clock = emit, interval, clock
        self.started = self.last = 0.0

    def __call__(self, done: int, total: int, words_done: int, total_words: int) -> None:
        now = self.clock()
        if done == 0:
            self.started = self.last = now
        elif done < total and now - self.last < self.interval:
            return
        self.last = now
        self.emit(progress_line(done, total, words_done, total_words, now - self.started))


def progress_bar(stream: Any) -> Callback:
    """A progress callback drawing a ``tqdm`` bar (articles, with words/s in the postfix) on ``stream``."""
    from tqdm import tqdm

    bar: list[Any] = []
    started = [0.0]

    def update(done: int, total: int, words_done: int, total_words: int) -> None:
        if done == 0:
            bar.append(tqdm(total=total, unit="article", file=stream, desc="Extracting"))
            started[0] = time.monotonic()
            return
        elapsed = time.monotonic() - started[0]
        bar[-1].update(done - bar[-1].n)
        if elapsed > 0:
            bar[-1].set_postfix_str(f"{words_done / elapsed:,.0f} words/s", refresh=False)
        if done >= total:
            bar[-1].close()

    return update
