"""Dates as printed: every expression found with its span, and nothing that only looks like one."""

from __future__ import annotations

import pytest

from cosignatory.extract.dates import find_dates, metadata_date

Found = tuple[str, int | None, int, int | None]


def _found(text: str) -> list[Found]:
    return [(text[d.start : d.end], d.year, d.month, d.day) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sent on 25 December, and on 8 August 2025", [("25 December", None, 12, 25),
                                                      ("8 August 2025", 2025, 8, 8)]),
        ("Berlin, 3. Juni 2025", [("3. Juni 2025", 2025, 6, 3)]),
        ("Paris, le 18 septembre 2025", [("18 septembre 2025", 2025, 9, 18)]),
        ("Москва, 5 декабря 2024 г.", [("5 декабря 2024 г.", 2024, 12, 5)]),
        ("on August 8, 2025 in Washington", [("August 8, 2025", 2025, 8, 8)]),
        ("the 27th of December.", [("27th of December", None, 12, 27)]),
        ("a March 2025 statement", [("March 2025", 2025, 3, None)]),
        ("date 2026-02-09 and 12.05.2020", [("2026-02-09", 2026, 2, 9),
                                           ("12.05.2020", 2020, 5, 12)]),
        ("Sept. 5 and MAY 1, 1999", [("Sept. 5", None, 9, 5), ("MAY 1, 1999", 1999, 5, 1)]),
    ],
)  # fmt: skip
def test_dates_in_four_languages_with_their_spans(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "killed 38 people on Monday",
        "45 May and 145 May",  # no such day
        "Mayor 5 and Marseille 12",  # words that begin like a month
        "room 2020-13-01, code 20201-01-01 and 1899-05-05",
        "45.12.2020 and a5 May",
        "May the fourth",
    ],
)
def test_what_only_looks_like_a_date_is_not_one(text: str) -> None:
    assert _found(text) == []


def test_publication_date_is_read_from_the_top_of_the_page() -> None:
    assert metadata_date("News\n\n*Published 2 December 2025*\n\nBody text.") == "2025-12-02"
    assert metadata_date("WASHINGTON, 15 January 2025 — Groups wrote.") == "2025-01-15"
    assert metadata_date("A story about 2 December 2025.") is None
