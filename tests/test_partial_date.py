"""The partial-date type: the three ISO forms parse, round-trip and sort; anything else is refused."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.partial_date import PartialDate


@pytest.mark.parametrize("text, parsed", [
    ("2023", PartialDate(2023)),
    ("2023-04", PartialDate(2023, 4)),
    ("2023-04-19", PartialDate(2023, 4, 19)),
    ("2024-02-29", PartialDate(2024, 2, 29)),  # a leap day
    ("1000", PartialDate(1000)),
])
def test_the_three_forms_parse_and_round_trip(text: str, parsed: PartialDate) -> None:
    assert PartialDate.parse(text) == parsed
    assert str(parsed) == text


@pytest.mark.parametrize("text", [
    "", "23", "02023", "2023-4", "2023-4-19", "2023-04-1", "2023-13", "2023-00", "2023-04-31", "2023-02-29",
    "2023-04-19T10:00", " 2023", "2023 ", "2023/04/19", "2023-W12", "2023-Q1", "2023-SU", "abcd", "0999",
])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)
    assert PartialDate.of(text) is None


@pytest.mark.parametrize("year, month, day", [(999, None, None), (2023, None, 5), (2023, 13, None), (2023, 2, 30)])
def test_a_date_that_cannot_be_is_not_made(year: int, month: int | None, day: int | None) -> None:
    with pytest.raises(ValueError):
        PartialDate(year, month, day)


def test_none_has_no_date() -> None:
    assert PartialDate.of(None) is None


def test_sorted_as_the_iso_strings_are() -> None:
    texts = ["2023-02", "2023", "2022-12-31", "2023-01-01", "2023-01"]
    assert [str(d) for d in sorted(map(PartialDate.parse, texts))] == sorted(texts)
    assert sorted(map(PartialDate.parse, texts), key=PartialDate.sort_key) == sorted(map(PartialDate.parse, texts))


@pytest.mark.parametrize("text, first, is_day", [
    ("2023", dt.date(2023, 1, 1), False), ("2023-04", dt.date(2023, 4, 1), False),
    ("2023-04-19", dt.date(2023, 4, 19), True),
])
def test_first_day_and_precision(text: str, first: dt.date, is_day: bool) -> None:
    date = PartialDate.parse(text)
    assert date.first_day() == first and date.is_day is is_day
