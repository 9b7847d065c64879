"""People resolution: variants merge, hard negatives stay apart, context decides aliases."""

from __future__ import annotations

from cosignatory.resolve import MentionRecord, resolve


def m(
    mid: str, name: str | None, org: str | None, date: str = "2024-01-01", role: str = "Chair"
) -> MentionRecord:
    return MentionRecord(mid, mid.rsplit("-", 1)[0], date, name, role, org)


def same(res: object, a: str, b: str) -> bool:
    return res.person_of[a] == res.person_of[b]  # type: ignore[attr-defined]


def test_script_and_romanization_variants_are_one_person() -> None:
    res = resolve(
        [
            m("l1-1", "Novella Jafarova", "Women's Rights Society"),
            m("l2-1", "Novela Cəfərova", "Women's Rights Society"),
            m("l3-1", "Новелла Джафарова", "Women's Rights Society"),
            m("l4-1", "Ramil Iskandarli", "National NGO Forum"),
            m("l5-1", "Ramil Iskenderli", "National NGO Forum"),
            m("l6-1", "Рамиль Искандарли", None),
            m("l7-1", "Irada Rzazada", "Social Well-being Union"),
            m("l8-1", "Irada Rizazadeh", "Social Well-being Union"),
            m("l9-1", "İradə Rzazadə", None),
            m("l10-1", "Ahmad Abbasbayli", "Development of Society"),
            m("l11-1", "Ahmed Abbasbeyli", "Development of Society"),
            m("l12-1", "Saltanat Gojamanli", "Legality Union"),
            m("l13-1", "Seltenet Qocamanlı", "Legality Union"),
            m("l14-1", "Umud Rahimoghlu", "Eurasia Press Fund"),
            m("l15-1", "Umud Rahimoğlu", "International Eurasian Press Foundation"),
            m("l16-1", "Umud Rahimogly", "Eurasia Press Fund"),
        ]
    )
    groups = [
        ("l1-1", "l2-1", "l3-1"),
        ("l4-1", "l5-1", "l6-1"),
        ("l7-1", "l8-1", "l9-1"),
        ("l10-1", "l11-1"),
        ("l12-1", "l13-1"),
        ("l14-1", "l15-1", "l16-1"),
    ]
    for g in groups:
        assert len({res.person_of[x] for x in g}) == 1, g
    assert len(set(res.person_of.values())) == len(groups)


def test_gendered_suffix_separates_jafarov_from_jafarova() -> None:
    res = resolve([m("a-1", "Novella Jafarova", "Forum"), m("b-1", "Novella Jafarov", "Forum")])
    assert not same(res, "a-1", "b-1")


def test_suffix_class_separates_iskandarov_from_iskandarli() -> None:
    res = resolve([m("a-1", "Ramil Iskandarov", "Forum"), m("b-1", "Ramil Iskandarli", "Forum")])
    assert not same(res, "a-1", "b-1")


def test_two_people_sharing_a_surname_in_one_organization_stay_apart() -> None:
    res = resolve(
        [
            m("a-1", "Zaur Mammadov", "Baku Club of Political Scientists"),
            m("a-2", "Fuad Mammadov", "Baku Club of Political Scientists"),
            m("b-1", "Zaur Mammadov", "Baku Club of Political Scientists"),
            m("c-1", "Fuad Mammadov", "Baku Club of Political Scientists"),
        ]
    )
    assert same(res, "a-1", "b-1") and same(res, "a-2", "c-1")
    assert not same(res, "a-1", "a-2")


def test_common_name_in_unrelated_organizations_and_years_is_not_merged() -> None:
    res = resolve(
        [
            m("a-1", "Fuad Mammadov", "Simurg Azerbaijan Cultural Association", "2016-03-01"),
            m("a-2", "Aqil Jamal", "Common Values Public Union", "2016-03-01"),
            m("b-1", "Fuad Mammadov", "Karabakh Missing Families Public Union", "2025-05-01"),
            m("b-2", "Konul Behbudova", "Regional Media Center", "2025-05-01"),
        ]
    )
    assert not same(res, "a-1", "b-1")


def test_person_who_moved_organizations_stays_one_person() -> None:
    res = resolve(
        [
            m("a-1", "Saadat Bananyarli", "International Human Rights Society", "2020-02-01"),
            m("a-2", "Aqil Jamal", "Common Values Public Union", "2020-02-01"),
            m("b-1", "Saadat Bananyarli", "Legal Analysis and Research Public Union", "2025-06-01"),
            m("b-2", "Vugar Gadirov", "Youth Organization for Return and Revival", "2025-06-01"),
        ]
    )
    assert same(res, "a-1", "b-1")
    assert res.organization_of["a-1"] != res.organization_of["b-1"]


def test_patronymic_alias_links_by_context_only() -> None:
    cosigners = [
        ("Aqil Jamal", "Common Values Public Union"),
        ("Vugar Gadirov", "Youth Organization for Return and Revival"),
        ("Konul Behbudova", "Karabakh Missing Families Public Union"),
    ]
    recs = [m("a-1", "Umud Rahimoghlu", "International Eurasia Press Fund", "2021-01-01")]
    recs += [m(f"a-{i + 2}", n, o, "2021-01-01") for i, (n, o) in enumerate(cosigners)]
    recs += [m("b-1", "Umud Mirzayev", "International Eurasia Press Fund", "2022-01-01")]
    recs += [m(f"b-{i + 2}", n, o, "2022-01-01") for i, (n, o) in enumerate(cosigners)]
    # The same two names with nothing in common around them stay two people.
    recs += [m("c-1", "Umud Rahimoghlu", "Press Fund of Ganja", "2021-01-01")]
    recs += [m("d-1", "Umud Mirzayev", "Lankaran Farmers Union", "2022-01-01")]
    res = resolve(recs)
    assert same(res, "a-1", "b-1")
    why = [e for e in res.evidence_for(res.person_of["a-1"]) if {e.left, e.right} == {"a-1", "b-1"}]
    assert [f.name for f in why[0].features] == [
        "first_name",
        "surname_stem",
        "organization",
        "years",
        "cosigners",
    ]
    assert not same(res, "c-1", "d-1")


def test_similar_names_signing_one_letter_are_never_merged() -> None:
    res = resolve([m("a-1", "Irada Rzazada", "Forum"), m("a-2", "Irada Rizazadeh", "Forum")])
    assert not same(res, "a-1", "a-2")


def test_one_name_printed_twice_in_a_letter_is_one_person() -> None:
    res = resolve([m("a-1", "Ramil Iskandarli", "Forum"), m("a-2", "Ramil Iskenderli", "Forum")])
    assert same(res, "a-1", "a-2")


def test_entity_ids_are_deterministic_and_ftm_safe() -> None:
    recs = [m("x-1", "Novella Jafarova", "Society"), m("y-1", "Novela Cəfərova", "Society")]
    first, second = resolve(recs), resolve(list(reversed(recs)))
    assert first.person_of == second.person_of
    pid = first.person_of["x-1"]
    assert pid.startswith("p-novella-jafarova-") and all(c.isalnum() or c == "-" for c in pid)
    assert first.people[pid].names == ("Novella Jafarova", "Novela Cəfərova")


def test_name_without_organization_joins_the_bearer_it_co_signs_with_and_chains_nobody() -> None:
    recs = [
        m("a-1", "Latif Alasgarli", "Nefani Disability Rights Union", "2020-01-01"),
        m("a-2", "Aqil Jamal", "Common Values Public Union", "2020-01-01"),
        m("a-3", "Vugar Gadirov", "Youth Organization for Return", "2020-01-01"),
        m("b-1", "Latif Alasgarli", "Kanosi Environmental Society", "2018-01-01"),
        m("b-2", "Konul Behbudova", "Regional Media Center", "2018-01-01"),
        m("c-1", "Letif Elesgerli", "Kanosi Environmental Society", "2022-01-01"),
        m("d-1", "Лятиф Алясгарли", None, "2020-01-01"),
        m("d-2", "Aqil Jamal", "Common Values Public Union", "2020-01-01"),
        m("d-3", "Vugar Gadirov", "Youth Organization for Return", "2020-01-01"),
    ]
    res = resolve(recs)
    assert same(res, "d-1", "a-1") and same(res, "b-1", "c-1")
    assert not same(res, "a-1", "b-1")


def test_two_family_surnames_in_one_organization_are_two_people_whatever_the_co_signers() -> None:
    cosigners = [("Aqil Jamal", "Common Values Public Union"), ("Vugar Gadirov", "Youth Union")]
    recs = [m("a-1", "Farida Najafova", "Lanemu Family Fund", "2021-01-01")]
    recs += [m(f"a-{i + 2}", n, o, "2021-01-01") for i, (n, o) in enumerate(cosigners)]
    recs += [m("b-1", "Farida Sultanova", "Lanemu Family Fund", "2022-01-01")]
    recs += [m(f"b-{i + 2}", n, o, "2022-01-01") for i, (n, o) in enumerate(cosigners)]
    assert not same(resolve(recs), "a-1", "b-1")


def test_a_lost_or_moved_space_and_a_dropped_letter_are_still_one_name() -> None:
    res = resolve(
        [
            m("a-1", "Bahar Mehdizada", "Kaha Economic Research Union"),
            m("b-1", "BaharMehdizada", "Kaha Economic Research Union"),
            m("c-1", "Umu dMammadov", "Pani Digital Literacy Center"),
            m("d-1", "Umud Mammadov", "Pani Digital Literacy Center"),
            m("e-1", "Khali Asgarov", "Mufapa Democracy Studies Union"),
            m("f-1", "Khalid Asgarov", "Mufapa Democracy Studies Union"),
        ]
    )
    assert same(res, "a-1", "b-1") and same(res, "c-1", "d-1") and same(res, "e-1", "f-1")
    assert len(set(res.person_of.values())) == 3


def test_one_name_in_two_organizations_at_the_same_time_is_two_people() -> None:
    res = resolve(
        [
            m("a-1", "Saadat Bananyarli", "International Human Rights Society", "2016-02-01"),
            m("b-1", "Saadat Bananyarli", "Legal Analysis and Research Union", "2017-06-01"),
            m("c-1", "Saadat Bananyarli", "International Human Rights Society", "2020-02-01"),
            m("d-1", "Saadat Bananyarli", "Legal Analysis and Research Union", "2021-06-01"),
        ]
    )
    assert same(res, "a-1", "c-1") and same(res, "b-1", "d-1")
    assert not same(res, "a-1", "b-1")


def test_a_name_misprinted_in_one_organization_is_the_member_it_misprints() -> None:
    org = "Lankaran Regional Development Public Union"
    res = resolve(
        [
            m("a-1", "Aynur Mammadli", org, "2021-01-01"),
            m("b-1", "Aynur Mammadil", org, "2021-06-01"),  # two letters swapped
            m("c-1", "Rasul Imanov", org, "2022-01-01"),
            m("d-1", "Rasul Imaov", org, "2022-06-01"),  # a letter dropped
            m("e-1", "Nigar Nabiyeva", org, "2023-01-01"),
            m("f-1", "NigarN abiyeva", org, "2023-06-01"),  # the space moved
        ]
    )
    assert same(res, "a-1", "b-1") and same(res, "c-1", "d-1") and same(res, "e-1", "f-1")
    assert len(set(res.person_of.values())) == 3
    why = [e for e in res.evidence_for(res.person_of["a-1"]) if {e.left, e.right} == {"a-1", "b-1"}]
    assert [(f.name, f.weight) for f in why[0].features] == [
        ("misprint", 6.0),
        ("organization", 5.0),
    ]


def test_a_misprint_is_no_reason_across_organizations_nor_for_a_gender_or_a_new_letter() -> None:
    org = "Ganja Women's Rights Society"
    res = resolve(
        [
            m("a-1", "Esmira Vahidova", "Sheki Civic Education Center", "2021-01-01"),
            m("b-1", "Esmira Vahiodva", "Quba Media Freedom Union", "2021-06-01"),
            m("c-1", "Kamala Mammadli", org, "2022-01-01"),
            m("d-1", "Kamal Mammadli", org, "2022-06-01"),  # Kamal is a man's name
            m("e-1", "Zumrud Jafarova", org, "2023-01-01"),
            m("f-1", "Zumrud Gafarova", org, "2023-06-01"),  # a letter replaced
        ]
    )
    assert len(set(res.person_of.values())) == 6


def test_a_common_name_without_organization_joins_the_bearer_it_co_signs_with() -> None:
    bearers = [
        "Sumgait Youth Initiatives Union",
        "Mingachevir Legal Education Center",
        "Shirvan Cultural Heritage Fund",
        "Nakhchivan Refugee Support Society",
        "Barda Rural Development Association",
        "Zagatala Public Health Institute",
        "Gabala Migration Research Center",
    ]
    recs = [m(f"x{i}-1", "Parviz Mammadov", o, "2019-01-01") for i, o in enumerate(bearers)]
    cosigners = [("Aqil Jamal", "Common Values Public Union"), ("Vugar Gadirov", "Youth Union")]
    recs += [m("a-1", "Parviz Mammadov", "Baku Democracy Studies Union", "2020-01-01")]
    recs += [m(f"a-{i + 2}", n, o, "2020-01-01") for i, (n, o) in enumerate(cosigners)]
    recs += [m("b-1", "Parviz Məmmədov", None, "2021-01-01")]
    recs += [m(f"b-{i + 2}", n, o, "2021-01-01") for i, (n, o) in enumerate(cosigners)]
    res = resolve(recs)
    assert same(res, "a-1", "b-1")
    assert not any(same(res, "b-1", f"x{i}-1") for i in range(len(bearers)))
    why = [e for e in res.evidence_for(res.person_of["a-1"]) if {e.left, e.right} == {"a-1", "b-1"}]
    assert [(f.name, f.weight) for f in why[0].features] == [
        ("first_name", 6.0),
        ("surname_stem", 4.0),
        ("surname_suffix", 0.0),
        ("organization", 0.0),
        ("years", 0.0),
        ("name_frequency", -3.0),
        ("cosigners", 8.0),
    ]
