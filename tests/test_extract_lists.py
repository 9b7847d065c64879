"""Signature lists whose shape is only visible across the whole list: stacked entries,
signatories named in report prose of four languages, organization-only lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosignatory.extract import extract
from cosignatory.model import Document, Letter

LETTERS = Path(__file__).parent / "fixtures" / "letters"
Row = tuple[str | None, str | None, str | None]
HEAD = "Dear Minister,\n\nWe ask you to release the journalists now. This matters to us all.\n\n"


def _text(text: str) -> list[Letter]:
    return extract(Document(source="inline", text=text, format="text"))


def _rows(letter: Letter) -> list[Row]:
    return [(s.name, s.role, s.organization) for s in letter.signatories]


def test_stacked_name_role_organization_lines_without_blank_lines_are_one_entry_each() -> None:
    text = (LETTERS / "stacked.txt").read_text(encoding="utf-8")
    (letter,) = extract(Document(source="stacked.txt", text=text, format="text"))
    assert [a.to_dict() for a in letter.addressees] == [
        {"name": "Jessika Roswall", "role": "European Commissioner for the Environment"}
    ]
    assert _rows(letter) == [
        ("Rūta Petrauskienė", "Director", "Curonian Lagoon Foundation"),
        ("Mart Tamm", "Head of Programmes", "Estonian Coastal Network"),
        ("Ilze Kalniņa", "Board Member", "Riga Bay Watch"),
        ("Jonas Berg", "Coordinator", "Gotland Sea Initiative"),
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_stacked_name_and_organization_pairs_with_or_without_blank_lines(gap: str) -> None:
    pairs = ["Jane Roe\nOpen Sky Union", "Karl Nurm\nBaltic Media Centre", "Eva Saar\nPärnu Press"]
    (letter,) = _text(HEAD + "Sincerely,\n\n" + gap.join(pairs) + "\n\nShare this article\n")
    assert _rows(letter) == [
        ("Jane Roe", None, "Open Sky Union"),
        ("Karl Nurm", None, "Baltic Media Centre"),
        ("Eva Saar", None, "Pärnu Press"),
    ]


def test_names_on_every_line_are_not_taken_for_stacked_entries() -> None:
    (letter,) = _text(HEAD + "Sincerely,\n\nJane Roe\nKarl Nurm – Editor, Daily Post\nEva Saar\n")
    assert _rows(letter) == [
        ("Jane Roe", None, None),
        ("Karl Nurm", "Editor", "Daily Post"),
        ("Eva Saar", None, None),
    ]


def test_signatories_in_german_french_and_russian_report_prose() -> None:
    text = (LETTERS / "reports_multilingual.txt").read_text(encoding="utf-8")
    german, french, russian = extract(Document(source="r", text=text, format="text"))
    assert [s.name for s in german.senders] == ["Mehrere Redaktionen"]
    assert _rows(german) == [
        ("Anna Schulz", None, "Verein Freie Presse"),
        ("Klaus Weber", None, None),
        ("Jonas Becker", None, None),
    ]
    assert [a.role for a in french.addressees] == ["Premier ministre"]
    assert _rows(french) == [
        ("Marie Dupont", None, "Ligue des droits de l'Homme"),
        ("Jean Martin", None, None),
        ("Paul Petit", None, None),
    ]
    assert _rows(russian) == [
        ("Иван Петров", None, None),
        ("Ольга Смирнова", None, None),
        ("Анна Козлова", None, None),
    ]


def test_signed_by_in_a_sentence_without_a_letter_lists_no_signatory() -> None:
    (letter,) = _text(
        "NGOs have sent an open letter to the President.\n"
        "The agreement was signed by Anna Keller and Marie Dubois.\n"
    )
    assert letter.signatories == ()


def test_and_or_comma_inside_an_organization_name_does_not_start_a_signatory() -> None:
    (letter,) = _text(
        "Civil society groups have sent an open letter to the Prime Minister.\n"
        "The letter was signed by Emin Rzayev of the Social Strategic Studies and Analytical "
        "Research Union, Aysel Karimli of the Development of Culture, Science and Education Fund, "
        "Tural Aliyev of the Rights of Refugees and Displaced Persons Society and Nigar Hasanli.\n"
    )
    assert _rows(letter) == [
        ("Emin Rzayev", None, "Social Strategic Studies and Analytical Research Union"),
        ("Aysel Karimli", None, "Development of Culture, Science and Education Fund"),
        ("Tural Aliyev", None, "Rights of Refugees and Displaced Persons Society"),
        ("Nigar Hasanli", None, None),
    ]


def test_tail_of_an_organization_name_after_the_last_and_is_not_a_signatory() -> None:
    (letter,) = _text(
        "Civil society groups have sent an open letter to the Prime Minister.\n"
        "The letter was signed by Emin Rzayev of the Baku Press Club and Niyazi Bayramov of the "
        "Rights of Refugees and Internally Displaced Persons.\n"
    )
    assert _rows(letter) == [
        ("Emin Rzayev", None, "Baku Press Club"),
        ("Niyazi Bayramov", None, "Rights of Refugees and Internally Displaced Persons"),
    ]


def test_organization_list_without_heading_splits_no_item_into_a_person() -> None:
    items = [
        "Ganja Water Resources Bureau",
        "Caspian Lawyers Union",
        "Nakhchivan Legal Aid Society",
        "Sumgait Youth Forum",
        "Lankaran Tea Growers Association",
    ]
    (letter,) = _text(HEAD + "Sincerely,\n\n" + "\n".join(items) + "\n")
    assert _rows(letter) == [(None, None, item) for item in items]


def test_name_running_into_its_organization_is_split_in_a_list_of_people() -> None:
    (letter,) = _text(
        HEAD + "Sincerely,\n\nAmir Aliyev – Chairman of the Baku Press Club\n"
        "Rauf Zeyni National Non-Governmental Organizations Forum\n"
        "Lala Sardarli – Director of the Shaki Women's Society\n"
    )
    assert _rows(letter) == [
        ("Amir Aliyev", "Chairman", "Baku Press Club"),
        ("Rauf Zeyni", None, "National Non-Governmental Organizations Forum"),
        ("Lala Sardarli", "Director", "Shaki Women's Society"),
    ]
