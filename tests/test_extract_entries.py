"""Parsing single signature entries in many layouts: exact name, role, organization."""

from __future__ import annotations

import pytest

from cosignatory.extract.addressees import parse_addressees
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
        (
            "Marie Dubois, directrice de recherche, CNRS",
            [("Marie Dubois", "directrice de recherche", "CNRS")],
        ),
        (
            "Rachad Gouliev, professeur associé, Université Khazar",
            [("Rachad Gouliev", "professeur associé", "Université Khazar")],
        ),
        (
            "Paul Petit, maître de conférences, Université de Lyon",
            [("Paul Petit", "maître de conférences", "Université de Lyon")],
        ),
        (
            "Hans Roth, wissenschaftlicher Mitarbeiter, Universität Bonn",
            [("Hans Roth", "wissenschaftlicher Mitarbeiter", "Universität Bonn")],
        ),
        (
            "Иван Петров, старший научный сотрудник, Институт истории РАН",
            [("Иван Петров", "старший научный сотрудник", "Институт истории РАН")],
        ),
        (
            "Katrin Vogel, Vorsitzende, Reporter für Freiheit e.V.",
            [("Katrin Vogel", "Vorsitzende", "Reporter für Freiheit e.V.")],
        ),
    ],
)
def test_entry_layouts(line: str, expected: list[Row]) -> None:
    assert _parse(line) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "An den Bundeskanzler der Bundesrepublik Deutschland, Herrn Friedrich Merz",
            ("Friedrich Merz", "Bundeskanzler der Bundesrepublik Deutschland"),
        ),
        (
            "An die Präsidentin des Bundestages, Frau Julia Klöckner",
            ("Julia Klöckner", "Präsidentin des Bundestages"),
        ),
        ("To the Prime Minister, Mr. Keir Starmer", ("Keir Starmer", "Prime Minister")),
        ("To Dr. Tedros Adhanom Ghebreyesus", ("Tedros Adhanom Ghebreyesus", None)),
        (
            "Monsieur le Président de la République, Monsieur Emmanuel Macron",
            ("Emmanuel Macron", "Président de la République"),
        ),
        ("Madame Anne Roux", ("Anne Roux", None)),
        (
            "Генеральному секретарю Организации Объединённых Наций Антониу Гутерришу",
            ("Антониу Гутерришу", "Генеральному секретарю Организации Объединённых Наций"),
        ),
    ],
)
def test_addressee_names_leave_out_honorifics_and_the_role(
    phrase: str, expected: tuple[str, str | None]
) -> None:
    (addressee,) = parse_addressees(phrase, 0, len(phrase))
    assert (addressee.name, addressee.role) == expected
