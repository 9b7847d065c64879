"""Parsing single signature entries in many layouts: exact name, role, organization."""

from __future__ import annotations

import pytest

from cosignatory.extract.signatures import Piece, parse_entry

Row = tuple[str | None, str | None, str | None]


def _parse(line: str) -> list[Row]:
    return [(s.name, s.role, s.organization) for s in parse_entry(line, Piece(0, len(line)))]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Amir Aliyev – Chairman of the“Center for Human Rights” Public Union",
            [("Amir Aliyev", "Chairman", "Center for Human Rights Public Union")],
        ),
        (
            "Boris Kuznetsov – Retired Major General, Member of the Board of Veterans of War, "
            "Armed Forces, and Labor",
            [
                (
                    "Boris Kuznetsov",
                    "Retired Major General, Member of the Board",
                    "Veterans of War, Armed Forces, and Labor",
                )
            ],
        ),
        (
            "Rauf Zeyni National Non-Governmental Organizations Forum",
            [("Rauf Zeyni", None, "National Non-Governmental Organizations Forum")],
        ),
        (
            "Lena Ortiz – «Green Valley» Society",
            [("Lena Ortiz", None, "Green Valley Society")],
        ),
        (
            "Amnesty International – Agnes Callamard, Secretary General",
            [("Agnes Callamard", "Secretary General", "Amnesty International")],
        ),
        (
            "12. Kamal Rustamov – Chairman of the „Open Door” Union Sara Lind - "
            "Director of the Northern Press Fund",
            [
                ("Kamal Rustamov", "Chairman", "Open Door Union"),
                ("Sara Lind", "Director", "Northern Press Fund"),
            ],
        ),
        ("- John Doe (Amnesty International)", [("John Doe", None, "Amnesty International")]),
        ("Dr. Anna Müller, PhD, Individual", [("Anna Müller", None, None)]),
        (
            "Peter Brown, on behalf of Friends of the Earth",
            [("Peter Brown", None, "Friends of the Earth")],
        ),
        (
            'Farida Mirishova- Chairwoman of the "Iz" Culture Public Union."',
            [("Farida Mirishova", "Chairwoman", "Iz Culture Public Union")],
        ),
        ("Human Rights Watch", [(None, None, "Human Rights Watch")]),
    ],
)
def test_entry_layouts(line: str, expected: list[Row]) -> None:
    assert _parse(line) == expected
