"""The demo corpus `examples/`, read by the ingest stage and extracted: exact letters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cosignatory import pipeline

EXAMPLES = Path(__file__).parents[1] / "examples"

Row = tuple[str | None, str | None, str | None]


def _letter(
    reproduced: bool,
    date: str | None,
    addressees: list[tuple[str | None, str | None]],
    senders: list[str],
    signatories: list[Row],
) -> dict[str, Any]:
    return {
        "reproduced": reproduced,
        "date": date,
        "addressees": [{"name": n, "role": r} for n, r in addressees],
        "senders": senders,
        "signatories": signatories,
    }


EXPECTED: dict[str, list[dict[str, Any]]] = {
    "2024-03-academics-letter.md": [
        _letter(
            True,
            "2024-03-12",
            [("Ursula von der Leyen", "President of the European Commission")],
            [],
            [
                ("Anna Keller", "Professor of History", "University of Vienna"),
                ("Thomas de Waal", "Senior Fellow", "Carnegie Europe"),
                ("Leyla Mammadova", "Lecturer in Linguistics", "University of Oxford"),
                ("Rashad Guliyev", "Associate Professor of Political Science", "Khazar University"),
                ("Marie Dubois", "Research Director", "CNRS"),
                ("Elnur Hasanli", "Independent scholar", None),
            ],
        )
    ],
    "2024-05-ngo-coalition.html": [
        _letter(
            True,
            None,
            [("António Guterres", "Secretary-General of the United Nations")],
            ["Twelve civil society organisations"],
            [
                (None, None, "Azerbaijan Campaign Against Landmines"),
                (None, None, "Association of Landmine Victims in Azerbaijan"),
                (None, None, "International Eurasia Press Fund"),
                (None, None, "Karabakh Missing Families Public Union"),
                (None, None, "Women for Peace Network"),
            ],
        )
    ],
    "2025-01-diaspora-appeal.txt": [
        _letter(
            True,
            None,
            [("Mike Johnson", "Speaker of the United States House of Representatives")],
            ["Azerbaijan Society of America"],
            [
                ("Leyla Mammadova", "Chairwoman", "Azerbaijani-American Women's Council"),
                ("Rashad Quliyev", "President", "Azerbaijan Society of America"),
                ("Kamran Aliyev", "Member of the Board", "Turkic American Alliance"),
                ("Sevda Jafarova", "Director", "Caspian Cultural Foundation"),
                ("Murad Ismayilov", None, "Azeri-Turk Cultural Center"),
            ],
        )
    ],
    "2025-06-offener-brief.txt": [
        _letter(
            True,
            "2025-06-03",
            [("Friedrich Merz", "Bundeskanzler der Bundesrepublik Deutschland")],
            [],
            [
                ("Katrin Vogel", "Vorsitzende", "Reporter für Freiheit e.V."),
                ("Jonas Becker", "Geschäftsführer", "Kaukasus-Forum Berlin"),
                ("Elnur Hasanly", "Journalist", None),
                ("Leyla Mammadova", "Vorsitzende", "Azerbaijani-American Women's Council"),
            ],
        )
    ],
    "2025-09-lettre-ouverte.txt": [
        _letter(
            True,
            "2025-09-18",
            [(None, "Président de la République")],
            [],
            [
                ("Marie Dubois", "directrice de recherche", "CNRS"),
                ("Pierre Lambert", "président", "Association France-Caucase"),
                ("Rachad Gouliev", "professeur associé", "Université Khazar"),
                ("Anna Keller", "professeure d'histoire", "Université de Vienne"),
            ],
        )
    ],
    "2025-10-otkrytoe-pismo.txt": [
        _letter(
            True,
            "2025-10-20",
            [("Антониу Гутерришу", "Генеральному секретарю Организации Объединённых Наций")],
            [],
            [
                ("Рашад Гулиев", "президент", "Общества Азербайджан-Америка"),
                ("Лейла Мамедова", "председатель", "Совета азербайджано-американских женщин"),
                ("Хафиз Сафиханов", "председатель", "Азербайджанской кампании против мин"),
            ],
        )
    ],
    "2025-12-news-report.txt": [
        _letter(
            False,
            "2025-11-28",
            [("Ursula von der Leyen", "President of the European Commission")],
            ["A group of academics and civil society organisations"],
            [
                ("Anna Keller", None, "University of Vienna"),
                ("Marie Dubois", None, "CNRS"),
                ("Rashad Guliyev", None, "Khazar University"),
                ("Elnur Hasanli", None, None),
            ],
        )
    ],
    "articles.jsonl#L1": [
        _letter(
            True,
            None,
            [(None, "Secretary-General of the United Nations")],
            ["Azerbaijani organisations"],
            [
                (
                    "Hafiz Safikhanov",
                    "Chairman",
                    "Azerbaijan Campaign Against Landmines Public Union",
                ),
                (
                    "Rey Gasimov",
                    "Chairman",
                    "Association of Landmine Victims in Azerbaijan Public Union",
                ),
                ("Umud Rahimoglu", "Chairman", "International Eurasia Press Fund"),
            ],
        )
    ],
    "articles.jsonl#L2": [],
}


def test_every_example_yields_exactly_the_letters_and_signatories_printed() -> None:
    found: dict[str, list[dict[str, Any]]] = {}
    for item in pipeline.extract_paths([EXAMPLES]):
        name = Path(item.document.source).name
        found[name] = [
            {
                **{k: v for k, v in letter.to_dict().items() if k != "signatories"},
                "signatories": [(s.name, s.role, s.organization) for s in letter.signatories],
            }
            for letter in item.letters
        ]
    assert found == EXPECTED
