"""Organization resolution: legal forms, translations, acronyms, initials, countries."""

from __future__ import annotations

import pytest

from cosignatory.resolve import MentionRecord, resolve
from cosignatory.resolve.orgs import (
    OrgName,
    common_names,
    org_similarity,
    parse_org,
    same_org,
    shared_people,
)


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
    assert _two("Murala Union for Digital Literacy", "Murala Union for Digital Litreacy")
    # A misspelt distinctive word needs a shared member: Vila and Vial may be two names.
    vila, vial = "Vila Association for Digital Literacy", "Vial Association for Digital Literacy"
    assert _two(vila, vial, "Kamran Aliyev", "Kamran Aliyev")
    assert not _two(vila, vial, "Kamran Aliyev", "Sevinj Mammadova")
    assert not _two(vila, vial)


def test_a_misspelt_kind_or_common_word_is_read_as_that_word() -> None:
    assert parse_org("Rufa Cenetr for Rural Develoment") == parse_org(
        "Rufa Center for Rural Development"
    )
    assert parse_org("Vila Asosciation for Civic Education") == parse_org(
        "Vila Association for Civic Education"
    )
    # A misspelt kind still names its kind: a Center is not a Union.
    assert not _two("Rufa Cenetr for Rural Development", "Rufa Union for Rural Development")
    # A short word one slip from a lexicon word stays itself (Unison is not a Union).
    assert parse_org("Unison") == OrgName(("unison",), frozenset())


def test_a_word_replaced_on_each_side_is_a_conflict_even_when_common() -> None:
    sim = org_similarity(
        parse_or_fail("Support to Mothers of Martyrs Public Union"),
        parse_or_fail("Support to Families of Martyrs Public Union"),
    )
    assert (sim.overlap, sim.word_conflict) == (0.6, True)
    sim = org_similarity(
        parse_or_fail("Rusi Center for Human Rights"),
        parse_or_fail("Rusi Center for Women's Rights"),
    )
    assert (sim.overlap, sim.word_conflict) == (0.8, True)
    assert not _two("Rusi Center for Human Rights", "Rusi Center for Women's Rights")
    # A word dropped is no conflict: the shortened name still meets the full one.
    sim = org_similarity(
        parse_or_fail("Economic Research Center"), parse_or_fail("Economic Research Center of Baku")
    )
    assert sim.word_conflict is False


def parse_or_fail(printed: str) -> OrgName:
    parsed = parse_org(printed)
    assert parsed is not None
    return parsed


def test_common_names_are_those_under_many_organization_names() -> None:
    # 4 organization names: a name under at most COMMON_NAME_ORGS (4) of them always counts.
    people_of = [
        {"sergei volkov", "fikrat iusifov"},
        {"sergei volkov", "fikrat iusifov"},
        {"sergei volkov"},
        {"sergei volkov", "lala hasanova"},
    ]
    assert common_names(people_of) == frozenset()
    # 500 organization names: more than 1% of them (5) is common.
    many = [{"sergei volkov"} for _ in range(6)] + [{"fikrat iusifov"} for _ in range(5)]
    many += [set() for _ in range(489)]
    assert common_names(many) == frozenset({"sergei volkov"})
    assert (
        shared_people(
            {"sergei volkov", "fikrat iusifov"},
            {"sergei volkov", "fikrat iusifov"},
            common_names(many),
        )
        == 1
    )
    assert shared_people({"sergei volkov"}, {"sergei volkov"}, common_names(many)) == 0


def test_a_common_name_does_not_link_look_alike_organizations() -> None:
    # Overlap 0.67, no word replaced: one shared member would do, but not a name borne
    # under 6 of 500 organization names.
    sim = org_similarity(
        parse_or_fail("Youth Initiatives Lankaran Public Union"),
        parse_or_fail("Simurg Youth Initiatives Lankaran Public Union"),
    )
    assert (round(sim.overlap, 2), sim.word_conflict, sim.prefix) == (0.67, False, False)
    people_of = [{"vladimir timoshanko", "fikrat iusifov"}, {"vladimir timoshanko"}]
    people_of += [{"vladimir timoshanko"} for _ in range(4)] + [set() for _ in range(494)]
    common = common_names(people_of)
    assert common == frozenset({"vladimir timoshanko"})
    assert same_org(sim, shared_people(people_of[0], people_of[1], common)) is False
    assert same_org(sim, shared_people(people_of[0], {"fikrat iusifov"}, common)) is True
