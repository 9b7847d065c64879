"""Name normalization: romanization and script variants meet, suffixes split with gender."""

from __future__ import annotations

import pytest

from cosignatory.normalize import Surname, fold_text, name_key, skeleton, split_surname


@pytest.mark.parametrize(
    "variants",
    [
        ("Jafarova", "Cəfərova", "Джафарова", "Djafarova", "Dzhafarova"),
        ("Iskandarli", "Iskenderli", "Искандарли", "İsgəndərli".replace("g", "k")),
        ("Abbasbayli", "Abbasbeyli", "Abbasbəyli"),
        ("Novella", "Novela"),
        ("Saltanat", "Seltenet", "Səltənət"),
        ("Rahimoglu", "Rahimoghlu", "Rahimoğlu"),
        ("Rzazada", "Rzazade", "Rzazadə"),
        ("Mammadov", "Məmmədov", "Mamedov", "Мамедов"),
        ("Khalilov", "Xəlilov", "Халилов", "Хәлилов"),
        ("Gojamanli", "Qocamanlı"),
        ("Ismayilov", "Ismayılov", "İsmayılov", "Ismailov"),
        ("Sevinj", "Sevinc"),
        ("Naghiyeva", "Nağıyeva", "Nagiyeva"),
        ("Vardanyan", "Vardanian", "Վարդանյան"),
    ],
)
def test_romanization_variants_share_one_key(variants: tuple[str, ...]) -> None:
    assert len({name_key(v) for v in variants}) == 1, [name_key(v) for v in variants]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Jafarov", "Jafarova"), ("Iskandarov", "Iskandarli"), ("Aliyev", "Alizade")],
)
def test_different_surnames_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Jafarova", Surname("jafarova", "jafar", "ov", "f")),
        ("Jafarov", Surname("jafarov", "jafar", "ov", "m")),
        ("Aliyeva", Surname("aliava", "ali", "ov", "f")),
        ("Iskenderli", Surname("iskandarli", "iskandar", "li", "")),
        ("Rizazadeh", Surname("rizazada", "riza", "zada", "")),
        ("Rahimogly", Surname("rahimogli", "rahim", "oglu", "m")),
        ("Petrosyan", Surname("patrosian", "patros", "ian", "")),
        ("Ahmad", Surname("ahmad", "ahmad", "", "")),
    ],
)
def test_surname_splits_into_stem_suffix_and_gender(printed: str, expected: Surname) -> None:
    assert split_surname(name_key(printed)) == expected


def test_vowel_shifted_stems_share_a_skeleton() -> None:
    assert skeleton("rza") == skeleton("riza") == "rz"


def test_fold_text_drops_quotes_and_case() -> None:
    assert fold_text("“Simurg” Azərbaycan Mədəniyyət") == "simurg azarbaycan madaniyyat"
