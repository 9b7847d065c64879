"""Extraction on our own letters in layouts beyond the gold corpus: exact values."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosignatory.extract import extract
from cosignatory.model import Document, Letter

LETTERS = Path(__file__).parent / "fixtures" / "letters"

QUOTES = set('"“”„«»‹›‘’')
Row = tuple[str | None, str | None, str | None]


def _extract(name: str, published: str | None = None) -> list[Letter]:
    path = LETTERS / name
    text = path.read_text(encoding="utf-8")
    return extract(Document(source=str(path), text=text, format="text", published=published))


def _rows(letter: Letter) -> list[Row]:
    return [(s.name, s.role, s.organization) for s in letter.signatories]


def test_academics_letter_splits_role_from_university_and_drops_titles() -> None:
    (letter,) = _extract("academics.txt")
    assert letter.reproduced is True
    assert letter.date == "2024-03-01"
    # the salutation says "Scholz", the report above it "Chancellor Olaf Scholz": the fuller name
    assert [a.to_dict() for a in letter.addressees] == [
        {"name": "Olaf Scholz", "role": "Chancellor"}
    ]
    assert _rows(letter) == [
        ("Jane Whitfield", "Professor of History", "University of Oxford"),
        ("Tomasz Nowak", "Lecturer in Law", "University of Warsaw"),
        ("Amara Okafor", "Director", "Centre for Migration Studies"),
        ("Henrik Lindqvist", "Independent Researcher", None),
        ("Li Wei", "Associate Professor of Sociology", "Peking University"),
    ]


def test_markdown_list_under_headings_keeps_organizations_and_people_apart() -> None:
    (letter,) = _extract("coalition.md")
    assert _rows(letter) == [
        (None, None, "Amnesty International"),
        (None, None, "Human Rights Watch"),
        (None, None, "Freedom Now Foundation"),
        (None, None, "Front Line Defenders"),
        ("Maria Garcia", None, None),
        ("Ahmed Karimov", "Researcher", "Caspian Policy Center"),
        ("Peter Brown", None, "Friends of the Earth"),
        ("Elena Petrova", None, "Bulgarian Helsinki Committee"),
    ]


def test_german_letter_with_heading_addressee_and_unterzeichnet_von() -> None:
    (letter,) = _extract("german.txt")
    assert [a.to_dict() for a in letter.addressees] == [
        {"name": "Friedrich Merz", "role": "Bundeskanzler der Bundesrepublik Deutschland"}
    ]
    assert _rows(letter) == [
        ("Klaus Weber", "Vorsitzender", "Deutschen Journalisten-Verbands"),
        ("Anna Schulz", "Geschäftsführerin", "Stiftung Freie Presse"),
        ("Jonas Becker", None, "Reporter ohne Grenzen"),
    ]


def test_two_letters_in_french_and_russian_in_one_document() -> None:
    french, russian = _extract("french_russian.txt")
    assert [a.role for a in french.addressees] == ["Président de la République"]
    assert _rows(french) == [
        ("Marie Dupont", "présidente", "Ligue des droits de l'Homme"),
        ("Jean Martin", "directeur", "Observatoire des libertés"),
    ]
    assert _rows(russian) == [
        ("Иван Петров", "председатель", "фонда Открытый мир"),
        ("Ольга Смирнова", "директор", "центра Мемориал"),
    ]


def test_report_with_three_addressees_prose_signatories_and_year_from_publication() -> None:
    (letter,) = _extract("report_prose.txt", published="2025-12-27")
    assert letter.reproduced is False
    assert letter.date == "2025-12-26"
    assert [a.role for a in letter.addressees] == [
        "President of USA",
        "President of Russia",
        "President of France",
    ]
    assert [s.name for s in letter.senders] == ["Diaspora groups"]
    assert _rows(letter) == [
        ("Leyla Aliyeva", None, "Azerbaijan Society of America"),
        ("Tural Mammadli", None, "Caspian Youth Forum"),
        ("Sabina Rahimova", None, "European Azerbaijani Congress"),
    ]


def test_report_without_year_support_leaves_date_empty() -> None:
    (letter,) = _extract("report_prose.txt")
    assert letter.date is None


def test_truncated_list_keeps_complete_entries_and_never_a_cut_name() -> None:
    (letter,) = _extract("truncated.txt")
    assert [s.name for s in letter.signatories] == ["Nadia Haddad", "Omar Farouk", "Samir Khalil"]
    assert [a.role for a in letter.addressees] == ["Secretary-General of the United Nations"]


def test_page_noise_yields_no_letter() -> None:
    assert _extract("noise.txt") == []


@pytest.mark.parametrize("name", sorted(p.name for p in LETTERS.iterdir() if p.is_file()))
def test_every_span_is_the_printed_text(name: str) -> None:
    text = (LETTERS / name).read_text(encoding="utf-8")
    for letter in _extract(name):
        for s in letter.signatories:
            assert s.span is not None
            if s.name_span:
                assert text[s.name_span.start : s.name_span.end] == s.name
            if s.role_span:
                assert " ".join(text[s.role_span.start : s.role_span.end].split()) == s.role
            if s.organization_span:
                printed = text[s.organization_span.start : s.organization_span.end]
                assert s.organization is not None
                bare = "".join(c for c in printed if c not in QUOTES and not c.isspace())
                assert s.organization.replace(" ", "") == bare.removeprefix("the")
        for a in letter.addressees:
            assert a.span is not None and a.span.end <= len(text)


def _text(text: str, published: str | None = None) -> list[Letter]:
    return extract(Document(source="inline", text=text, format="text", published=published))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Scholars write to Brussels\n\nPublished 2 December 2025\n\nA group of academics has "
            "sent an open letter to the President of the European Commission on 28 November.\n",
            "2025-11-28",
        ),
        (
            "Posted on 3 January 2026\n\nTeachers' unions have sent an open letter to the "
            "Minister of Education on 28 December.\n",
            "2025-12-28",
        ),
        (
            "Teachers' unions have sent an open letter to the Minister of Education on "
            "28 December.\n",
            None,
        ),
    ],
)
def test_missing_year_comes_from_the_page_date_never_from_the_clock(
    text: str, date: str | None
) -> None:
    (letter,) = _text(text)
    assert letter.date == date


def test_dateline_is_never_part_of_the_sender() -> None:
    (letter,) = _text(
        "Exiled reporters write to the chancellor\n\nBERLIN, 4 March 2024 — Exiled journalists "
        "have sent an open letter to the Federal Chancellor on 1 March, asking for protection.\n"
    )
    assert [s.name for s in letter.senders] == ["Exiled journalists"]
    assert letter.date == "2024-03-01"


def test_organization_line_after_the_closing_is_the_collective_sender() -> None:
    (letter,) = _text(
        "Dear Minister,\n\nWe ask you to keep the schools open in every village of the region.\n\n"
        "Yours sincerely,\n\nFriends of the Caspian Coast\n\n"
        "Nigar Huseynova – Coordinator of the Lankaran Eco Club\n"
        "Tomas Berg, Researcher, Nordic Sea Institute\nAli Demir (Black Sea Watch)\n"
    )
    assert [s.name for s in letter.senders] == ["Friends of the Caspian Coast"]
    assert _rows(letter) == [
        ("Nigar Huseynova", "Coordinator", "Lankaran Eco Club"),
        ("Tomas Berg", "Researcher", "Nordic Sea Institute"),
        ("Ali Demir", None, "Black Sea Watch"),
    ]


def test_list_of_organizations_never_splits_an_item_into_a_person() -> None:
    (letter,) = _text(
        "Dear Commissioner,\n\nWe ask you to fund demining in every affected district.\n\n"
        "Sincerely,\n\n- Caspian Mine Action Network\n- Women for Peace Network\n"
        "- Ganja Families Relief Union\n- Human Rights Watch\n"
    )
    assert _rows(letter) == [
        (None, None, "Caspian Mine Action Network"),
        (None, None, "Women for Peace Network"),
        (None, None, "Ganja Families Relief Union"),
        (None, None, "Human Rights Watch"),
    ]


@pytest.mark.parametrize(
    ("text", "sender", "addressee"),
    [
        (
            "Posted 4 May 2025\n\nIn an open letter published on 2 May, twenty teachers' unions "
            "call on the Minister of Education to reopen rural schools.\n",
            "twenty teachers' unions",
            (None, "Minister of Education"),
        ),
        (
            "Bildung in Gefahr\n\nZwanzig Gewerkschaften haben einen offenen Brief an die "
            "Bildungsministerin Karin Prien geschickt.\n",
            "Zwanzig Gewerkschaften",
            ("Karin Prien", "Bildungsministerin"),
        ),
        (
            "Éducation\n\nDes syndicats enseignants ont adressé une lettre ouverte au ministre de "
            "l'Éducation nationale pour demander des moyens.\n",
            "Des syndicats enseignants",
            (None, "ministre de l'Éducation nationale"),
        ),
        (
            "Образование\n\nПредставители профсоюзов направили открытое письмо министру "
            "просвещения с просьбой о помощи.\n",
            "Представители профсоюзов",
            (None, "министру просвещения"),
        ),
    ],
)
def test_reported_letter_in_present_tense_german_french_and_russian(
    text: str, sender: str, addressee: tuple[str | None, str | None]
) -> None:
    (letter,) = _text(text)
    assert letter.reproduced is False
    assert [s.name for s in letter.senders] == [sender]
    assert [(a.name, a.role) for a in letter.addressees] == [addressee]


def test_headline_in_present_tense_without_a_letter_is_not_a_letter() -> None:
    assert _text("Diaspora groups urge Congress to support the peace process\n\nMore soon.\n") == []


def test_signature_list_of_two_thousand_entries_is_read_whole() -> None:
    names = [f"Name{chr(65 + i % 26)}a Surname{chr(65 + i // 26 % 26)}ova" for i in range(2000)]
    entries = "\n".join(
        f"{i + 1}. {n} – Director of the Group {i} Foundation" for i, n in enumerate(names)
    )
    text = f"Dear Minister,\n\nWe ask you to act now for all of us.\n\nSincerely,\n\n{entries}\n"
    (letter,) = _text(text)
    assert [s.name for s in letter.signatories] == names
    assert letter.signatories[-1].organization == "Group 1999 Foundation"


def test_table_rows_of_organizations_and_of_people_skip_the_header_row() -> None:
    head = "Dear Commissioner,\n\nWe ask you to fund demining in every affected district.\n\n"
    (orgs,) = _text(
        head + "Signed by:\n\n| Organisation | Country |\n| Mine Action Network | Georgia |\n"
        "| Women for Peace Network | Armenia |\n| Ganja Families Relief Union | Azerbaijan |\n"
    )
    assert _rows(orgs) == [
        (None, None, "Mine Action Network"),
        (None, None, "Women for Peace Network"),
        (None, None, "Ganja Families Relief Union"),
    ]
    (people,) = _text(
        head + "Signed by:\n\n| Name | Position | Organisation |\n"
        "| Nadia Qasemi | Program Officer | Kabul Women's Library |\n"
        "| Tarek Mansour | Director | Beirut Press Freedom Centre |\n"
    )
    assert people.senders == ()
    assert _rows(people) == [
        ("Nadia Qasemi", "Program Officer", "Kabul Women's Library"),
        ("Tarek Mansour", "Director", "Beirut Press Freedom Centre"),
    ]
