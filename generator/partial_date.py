"""A calendar date that may be known only to its year or month: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Publication dates and the dates an article mentions are kept as ISO strings in the
records (``Published.value``, ``DateRef.value``), since that is what the export and
the pages show. Code that needs their parts parses them here, once, rather than
slicing ``value[:4]`` and ``value[5:7]`` by hand.

Not handled: anything but those three forms (week, quarter or season values, times,
years before 1000 or after 9999); ``PartialDate.of`` answers None for them.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

FORM = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None  # only with a month

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is not four digits")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None:
            # the first of the month (or the day) must exist: dt.date checks month and day together
            dt.date(self.year, self.month, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a real day); ValueError for anything else."""
        match = FORM.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        return cls(year or 0, month, day)

    @classmethod
    def of(cls, text: str | None) -> PartialDate | None:
        """The date of a record's value; None when it has none or it is not one of the three forms."""
        if not text:
            return None
        try:
            return cls.parse(text)
        except ValueError:
            return None

    def __str__(self) -> str:
        month = f"-{self.month:02d}" if self.month else ""
        return f"{self.year:04d}{month}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def is_day(self) -> bool:
        """Known to the day (the only precision a story's dates or a story's time window use)."""
        return self.day is not None

    def first_day(self) -> dt.date:
        """The first day it may be: ``2023`` is 1 January 2023, ``2023-04`` is 1 April."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def sort_key(self) -> tuple[int, int, int]:
        """Chronological, a coarser date before the finer ones inside it: 2023 < 2023-01 < 2023-01-01 < 2023-02."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()
