"""Organization resolution: legal forms, translations, acronyms, initials, countries."""

from __future__ import annotations

import pytest

from cosignatory.resolve import MentionRecord, resolve


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“Simurg” Azerbaijan Cultural Association", "Simurg Azerbaijan Cultural Association"),
        ("Simurg Azerbaijan Cultural Association", "Simurg Cultural Association Public Union"),
        ("International Eurasia Press Fund", "International Eurasian Press Foundation"),
        (
            "Protection of Human Rights and Legality Public Union",
            "Protection of Human Rights and Rule of Law Public Union",
        ),
        ("Azerbaijan National NGO Forum", "National Non-Governmental Organizations Forum"),
        ("Azeri-Turk Women's Union", "Azeri Turkish Women Society"),
        (
            "Dilara Aliyeva Azerbaijan Women's Rights Society",
            "D.Aliyeva Society for Women's Rights",
        ),
        (
            "Economics International Economic Research Public Union",
            "International Economic Research Public Union",
        ),
        ("Lemkin Institute for Genocide Prevention", "Lemkin Institute"),
    ],
)
def test_variants_of_one_organization_resolve_together(a: str, b: str) -> None:
    res = resolve(
        [
            MentionRecord("l1-1", "l1", None, None, None, a),
            MentionRecord("l2-1", "l2", None, None, None, b),
        ]
    )
    assert res.organization_of["l1-1"] == res.organization_of["l2-1"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Victory Support to Families of Martyrs Public Union",
            "For the Motherland - Support to Families of Martyrs Public Union",
        ),
        (
            "Support to Mothers of Martyrs Public Union",
            "Victory Support to Families of Martyrs Public Union",
        ),
        ("Azerbaijan Literary Fund", "Russia Literary Fund"),
        ("Azerbaijani Journalists Network Public Union", "Independent Journalists Public Union"),
        (
            "Center for the Promotion of Human Rights Public Union",
            "Regional Human Rights and Media Center Public Union",
        ),
    ],
)
def test_different_organizations_stay_apart(a: str, b: str) -> None:
    res = resolve(
        [
            MentionRecord("l1-1", "l1", None, None, None, a),
            MentionRecord("l2-1", "l2", None, None, None, b),
        ]
    )
    assert res.organization_of["l1-1"] != res.organization_of["l2-1"]


def test_a_shared_member_links_a_shortened_organization_name() -> None:
    recs = [
        MentionRecord(
            "l1-1", "l1", None, "Fikret Yusifov", "President", "Economic Research Center"
        ),
        MentionRecord(
            "l2-1", "l2", None, "Fikret Yusifov", "President", "Economic Research Center of Baku"
        ),
        MentionRecord("l3-1", "l3", None, "Rey Gasimov", None, "Economic Research Center of Ganja"),
    ]
    res = resolve(recs)
    assert res.organization_of["l1-1"] == res.organization_of["l2-1"]
    assert res.organization_of["l3-1"] != res.organization_of["l1-1"]


def _two(a: str, b: str, person_a: str | None = None, person_b: str | None = None) -> bool:
    res = resolve(
        [
            MentionRecord("l1-1", "l1", None, person_a, None, a),
            MentionRecord("l2-1", "l2", None, person_b, None, b),
        ]
    )
    return res.organization_of["l1-1"] == res.organization_of["l2-1"]


def test_organizations_of_different_kinds_stay_apart_whatever_else_they_share() -> None:
    assert not _two(
        "Tamu Center for Civic Education",
        "Tamu Fund for Civic Education",
        "Anar Aliyev",
        "Anar Aliyev",
    )
    assert _two("Tamu Fund for Civic Education", "Tamu Foundation for Civic Education")


def test_a_distinctive_word_on_each_side_outweighs_one_shared_name() -> None:
    # Overlap 0.71 and one person of the same name: once enough; a different proper word
    # on each side now says two organizations.
    assert not _two(
        "Vila Association for Digital Literacy",
        "Murala Association for Digital Literacy",
        "Elnur Mammadov",
        "Elnur Mammadov",
    )


def test_a_misspelt_word_still_matches() -> None:
    assert _two("Vila Association for Digital Literacy", "Vial Association for Digital Literacy")
    assert _two("Murala Union for Digital Literacy", "Murala Union for Digital Litreacy")
