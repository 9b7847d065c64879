"""Letters in English, German, French and Russian reprint each other: one person, one org."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from cosignatory import pipeline
from cosignatory.normalize import convention
from cosignatory.resolve import MentionRecord, resolve
from cosignatory.resolve.names import parse_person
from cosignatory.resolve.orgs import parse_org
from cosignatory.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def clusters(store: Store, kind: str, column: str) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for entity, printed in store.conn.execute(
        f"SELECT me.entity_id, m.{column} FROM mention_entities me "
        "JOIN mentions m ON m.id = me.mention_id WHERE me.kind = ?",
        (kind,),
    ):
        groups[entity].add(" ".join(printed.split()))
    return {frozenset(g) for g in groups.values() if len(g) > 1}


def test_examples_resolve_across_languages_and_scripts() -> None:
    with Store.open(":memory:") as store:
        pipeline.ingest(store, [EXAMPLES])
        assert clusters(store, "person", "name") == {
            frozenset({"Rashad Guliyev", "Rachad Gouliev"}),  # Khazar University / Université
            frozenset({"Rashad Quliyev", "Рашад Гулиев"}),  # Azerbaijan Society of America
            frozenset({"Leyla Mammadova", "Лейла Мамедова"}),  # the Women's Council
            frozenset({"Elnur Hasanli", "Elnur Hasanly"}),
            frozenset({"Hafiz Safikhanov", "Хафиз Сафиханов"}),
        }
        assert clusters(store, "organization", "organization") == {
            frozenset({"Khazar University", "Université Khazar"}),
            frozenset({"University of Vienna", "Université de Vienne"}),
            frozenset({"Azerbaijan Society of America", "Общества Азербайджан-Америка"}),
            frozenset(
                {
                    "Azerbaijani-American Women's Council",
                    "Совета азербайджано-американских женщин",
                }
            ),
            frozenset(
                {
                    "Azerbaijan Campaign Against Landmines",
                    "Азербайджанской кампании против мин",
                    "Azerbaijan Campaign Against Landmines Public Union",
                }
            ),
            frozenset(
                {
                    "Association of Landmine Victims in Azerbaijan",
                    "Association of Landmine Victims in Azerbaijan Public Union",
                }
            ),
        }
        leylas = store.conn.execute(
            "SELECT COUNT(DISTINCT me.entity_id) FROM mention_entities me JOIN mentions m "
            "ON m.id = me.mention_id WHERE me.kind = 'person' AND m.name LIKE 'Leyla%'"
        ).fetchone()[0]
        assert leylas == 2  # the Oxford linguist is not the Council's chairwoman


@pytest.mark.parametrize(
    ("printed", "english"),
    [
        ("Rachad Gouliev", "Rashad Guliyev"),
        ("Tchingiz Moustafaiev", "Chingiz Mustafayev"),
        ("Djamila Ismaïlova", "Jamila Ismayilova"),
        ("Ramil Alijew", "Ramil Aliyev"),
        ("Jusif Mamedow", "Yusif Mammadov"),
        ("Sachib Dschafarow", "Sakhib Jafarov"),
        ("Рашад Гулиев", "Rashad Quliyev"),
    ],
)
def test_french_german_and_cyrillic_romanizations_share_a_key(printed: str, english: str) -> None:
    a, b = parse_person(printed), parse_person(english)
    assert a is not None and b is not None and a.key == b.key


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("Rachad Gouliev", "fr"), ("Jusif Mamedow", "de"), ("Richard Chase", ""), ("Рашад", "")],
)
def test_a_convention_is_read_from_the_whole_name(printed: str, expected: str) -> None:
    assert convention(printed) == expected


def test_english_names_with_ch_and_j_keep_their_letters() -> None:
    assert parse_person("Elchin Jafarov") != parse_person("Elshin Yafarov")
    p = parse_person("Elchin Jafarov")
    assert p is not None and p.key == "alchin jafarov"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Université Khazar", "Khazar University"),
        ("Universität Wien", "Wien University"),
        ("Société Simurg", "Simurg Society"),
        ("Stiftung Freiheit", "Freedom Foundation"),
        ("Fondation pour la liberté", "Freedom Foundation"),
        ("Rat der Frauen", "Women's Council"),
        ("Совета азербайджано-американских женщин", "Azerbaijani-American Women's Council"),
        ("Общества Азербайджан-Америка", "Azerbaijan Society of America"),
        ("Фонда развития молодёжи", "Youth Development Fund"),
    ],
)
def test_generic_words_are_matched_across_languages(a: str, b: str) -> None:
    oa, ob = parse_org(a), parse_org(b)
    assert oa is not None and ob is not None
    assert (oa.key, oa.countries) == (ob.key, ob.countries)


def test_a_translated_name_is_not_a_different_country() -> None:
    res = resolve(
        [
            MentionRecord("l1-1", "l1", None, None, None, "Azerbaijan Writers' Union"),
            MentionRecord("l2-1", "l2", None, None, None, "Союз писателей России"),
        ]
    )
    assert res.organization_of["l1-1"] != res.organization_of["l2-1"]
