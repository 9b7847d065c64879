"""The learned entry tagger: the shipped model, its training data, and how it is combined."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosignatory.extract import tagger, training
from cosignatory.extract.signatures import Piece, parse_entry

Row = tuple[str | None, str | None, str | None]


def _parse(line: str, method: str) -> list[Row]:
    found = parse_entry(line, Piece(0, len(line)), method=method)
    return [(s.name, s.role, s.organization) for s in found]


# Names, organizations and separators that appear in no training vocabulary or layout.
UNSEEN = [
    (
        "| Nadia Qasemi | Program Officer | Kabul Women's Library |",
        ("Nadia Qasemi", "Program Officer", "Kabul Women's Library"),
    ),
    (
        "Ingrid Solberg · Policy Analyst · Bergen Climate Network",
        ("Ingrid Solberg", "Policy Analyst", "Bergen Climate Network"),
    ),
    (
        "Kofi Mensah, Programme Manager, Accra Civic Trust",
        ("Kofi Mensah", "Programme Manager", "Accra Civic Trust"),
    ),
    (
        "Tarek Mansour Beirut Press Freedom Centre",
        ("Tarek Mansour", None, "Beirut Press Freedom Centre"),
    ),
    ("Lusine Hakobyan – Human Rights Defender", ("Lusine Hakobyan", "Human Rights Defender", None)),
]


@pytest.mark.parametrize(("line", "expected"), UNSEEN)
def test_shipped_model_labels_unseen_entries_exactly(line: str, expected: Row) -> None:
    assert _parse(line, "tagger") == [expected]
    assert _parse(line, "combined") == [expected]


def test_shipped_model_labels_every_token() -> None:
    line = "Dr. Amara Nwosu, PhD – Chair of the “Lagos Open Data” Network"
    tokens = tagger.tokenize(line)
    assert list(zip([t.text for t in tokens], tagger.tag(line, tokens), strict=True)) == [
        ("Dr", "TITLE"),
        (".", "TITLE"),
        ("Amara", "NAME"),
        ("Nwosu", "NAME"),
        (",", "SEP"),
        ("PhD", "DEG"),
        ("–", "SEP"),
        ("Chair", "ROLE"),
        ("of", "CONN"),
        ("the", "CONN"),
        ("“", "ORG"),
        ("Lagos", "ORG"),
        ("Open", "ORG"),
        ("Data", "ORG"),
        ("”", "ORG"),
        ("Network", "ORG"),
    ]


@pytest.mark.parametrize(
    ("line", "rules", "combined"),
    [
        (
            "Kofi Mensah, Programme Manager, Accra Civic Trust",
            ("Kofi Mensah", None, "Programme Manager, Accra Civic Trust"),
            ("Kofi Mensah", "Programme Manager", "Accra Civic Trust"),
        ),
        (
            "Ingrid Solberg · Policy Analyst · Bergen Climate Network",
            ("Ingrid Solberg", None, "· Policy Analyst · Bergen Climate Network"),
            ("Ingrid Solberg", "Policy Analyst", "Bergen Climate Network"),
        ),
    ],
)
def test_tagger_overrules_the_rules_where_it_finds_their_reading_unlikely(
    line: str, rules: Row, combined: Row
) -> None:
    assert _parse(line, "rules") == [rules]
    assert _parse(line, "combined") == [combined]


def test_training_entries_are_generated_deterministically_with_token_labels() -> None:
    first = training.generate(200)
    assert first == training.generate(200)
    held = training.generate(200, held=True)
    assert {e.layout for e in held} >= {"_table_row", "_slash", "_org_colon"}
    assert not {e.layout for e in first} & {"_table_row", "_slash", "_org_colon"}
    for ex in first:
        assert len(ex.labels) == len(tagger.tokenize(ex.text))
        assert set(ex.labels) <= set(tagger.LABELS)


def test_held_out_vocabulary_shares_no_name_with_training() -> None:
    train, held = training.Vocabulary(held=False), training.Vocabulary(held=True)
    for origin, names in train.given.items():
        assert not set(names) & set(held.given[origin])
    for origin, names in train.surnames.items():
        assert not set(names) & set(held.surnames[origin])


def test_training_writes_the_same_small_model_twice(tmp_path: Path) -> None:
    a, b = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    training.train(a, n=300)
    training.train(b, n=300)
    assert a.read_bytes() == b.read_bytes()
    shipped = Path(training.__file__).with_name(tagger.MODEL)
    assert 10_000 < shipped.stat().st_size < 2_000_000


def test_attributes_the_model_never_learned_are_left_out_without_changing_any_label() -> None:
    model = tagger._tagger()
    for ex in training.generate(300, held=True):
        tokens = tagger.tokenize(ex.text)
        full = tagger.features(ex.text, tokens)
        kept = tagger._model_features(tokens)
        assert all(set(k) <= set(f) for k, f in zip(kept, full, strict=True))
        assert model.tag(kept) == model.tag(full)
        assert model.probability(model.tag(full)) == model.probability(model.tag(kept))
