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
    assert [a.to_dict() for a in letter.addressees] == [{"name": "Scholz", "role": "Chancellor"}]
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


@pytest.mark.parametrize("name", sorted(p.name for p in LETTERS.iterdir()))
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
