"""Corrections in a real SQLite store: applied on read, kept apart, re-checked, moved."""

from __future__ import annotations

from pathlib import Path

import pytest
from corrections_support import TEXT, VUGAR, december, december_store, letters_v1, letters_v2, span

from cosignatory.errors import NotFoundError, ReviewError
from cosignatory.store import (
    Store,
    get_letter,
    list_signatories,
    replace_extraction,
    save_extraction,
)
from cosignatory.store import corrections as sc

VUGAR_VALUES = {
    "name": "Vugar Gadirov",
    "role": "Chairman",
    "organization": "Youth Organization for Return and Revival Public Union",
}


def review_december(store: Store, letter: str) -> list[str]:
    """The reviewer's seven corrections of the December letter; their ids in order made."""
    spurious, ramil, _, aqil, _ = (s["id"] for s in list_signatories(store, letter))
    made = [
        sc.correct(store, letter, "signatory", "set", author="ana", target=ramil, field="name",
                   new="Ramil Iskandarli"),
        sc.correct(store, letter, "signatory", "set", author="ana", target=ramil, field="role",
                   new="Chairman of the Board"),
        sc.correct(store, letter, "signatory", "remove", author="ana", target=spurious),
        sc.correct(store, letter, "signatory", "set", author="ben", target=aqil,
                   field="organization", new="Common Values Public Union"),
        sc.correct(store, letter, "signatory", "add", author="ben", new=VUGAR_VALUES,
                   span=span(TEXT, VUGAR)),
        sc.correct(store, letter, "letter", "set", author="ben", new="2025-12-25"),
        sc.correct(store, letter, "addressee", "set", author="ben", target=0, field="name",
                   new="Donald J. Trump"),
    ]  # fmt: skip
    return [c.id for c in made]


def people(letter: dict[str, object]) -> list[tuple[object, ...]]:
    rows = letter["signatories"]
    assert isinstance(rows, list)
    return [(s["name"], s["role"], s["organization"]) for s in rows]


CORRECTED = [
    ("Ramil Iskandarli", "Chairman of the Board", "Azerbaijan National NGO Forum"),
    ("Novella Jafarova", "Chairwoman", "Dilara Aliyeva Azerbaijan Women's Rights Society"),
    ("Aqil Jamal", "Chairman", "Common Values Public Union"),
    ("Vugar Gadirov", "Chairman", "Youth Organization for Return and Revival Public Union"),
    ("Fikret Yusifov", "President", "Economics International Economic Research Public Union"),
]


def test_corrections_change_the_letter_as_read_and_leave_machine_output_alone(
    tmp_path: Path,
) -> None:
    store, letter = december_store(tmp_path / "t.db")
    ids = review_december(store, letter)
    corrected = sc.corrected_letter(store, letter)
    machine = get_letter(store, letter)

    assert people(corrected) == CORRECTED
    assert corrected["date"] == "2025-12-25"
    assert corrected["date_corrected_by"] == ids[5]
    assert [(a["name"], a["role"], a["corrected"]) for a in corrected["addressees"]] == [
        ("Donald J. Trump", "President of the United States of America", {"name": ids[6]})
    ]
    ramil, _, aqil, vugar, _ = corrected["signatories"]
    assert ramil["corrected"] == {"name": ids[0], "role": ids[1]}
    assert TEXT[ramil["name_start"] : ramil["name_end"]] == "Ramil Iskandarli"
    assert aqil["corrected"] == {"organization": ids[3]} and aqil["organization_start"] is None
    assert vugar["id"] == f"{letter}+{ids[4]}" and vugar["added_by"] == ids[4]
    assert (vugar["start"], vugar["end"]) == (span(TEXT, VUGAR).start, span(TEXT, VUGAR).end)
    assert TEXT[vugar["name_start"] : vugar["name_end"]] == "Vugar Gadirov"
    assert vugar["organization_start"] is None  # not printed verbatim: no span is made up
    assert [(c["id"], c["author"], c["status"]) for c in corrected["corrections"]] == [
        (ids[0], "ana", "active"), (ids[1], "ana", "active"), (ids[2], "ana", "active"),
        (ids[3], "ben", "active"), (ids[4], "ben", "active"), (ids[5], "ben", "active"),
        (ids[6], "ben", "active"),
    ]  # fmt: skip
    assert machine["date"] is None
    assert [s["name"] for s in machine["signatories"]] == [
        "With deepest respect",
        "Ramil Iskandarli – Chairman of the Board",
        "Novella Jafarova",
        "Aqil Jamal",
        "Fikret Yusifov",
    ]
    assert machine["addressees"][0]["name"] == "Donald J.Trump"


def test_corrections_survive_closing_and_reopening_the_store(tmp_path: Path) -> None:
    store, letter = december_store(tmp_path / "t.db")
    ids = review_december(store, letter)
    store.close()
    with Store.open(tmp_path / "t.db", create=False) as reopened:
        assert people(sc.corrected_letter(reopened, letter)) == CORRECTED
        assert [c.id for c in sc.list_corrections(reopened)] == ids
        first = sc.list_corrections(reopened)[0]
    assert (first.author, first.old, first.new, first.text) == (
        "ana",
        "Ramil Iskandarli – Chairman of the Board",
        "Ramil Iskandarli",
        "Ramil Iskandarli – Chairman of the Board of the Azerbaijan National NGO Forum",
    )


def test_reextraction_reapplies_corrections_and_flags_those_whose_item_changed(
    tmp_path: Path,
) -> None:
    store, letter = december_store(tmp_path / "t.db")
    ids = review_december(store, letter)
    with store.transaction():
        replace_extraction(store, december().id, letters_v2(), "test-2")
        totals = sc.recheck(store, december().id)
    corrected = sc.corrected_letter(store, letter)

    assert totals == {"active": 5, "needs-review": 2}
    assert {c.id: c.status for c in sc.list_corrections(store)} == {
        ids[0]: "active", ids[1]: "active",  # Ramil's entry is extracted at the same span
        ids[2]: "active",  # the closing line is no longer taken for a signatory
        ids[3]: "needs-review",  # Aqil's entry now ends before Vugar: a second look
        ids[4]: "needs-review",  # the extractor now finds Vugar at the selected span
        ids[5]: "active", ids[6]: "active",
    }  # fmt: skip
    assert people(corrected) == [
        ("Ramil Iskandarli", "Chairman of the Board", "Azerbaijan National NGO Forum"),
        ("Novella Jafarova", "Chairwoman", "Dilara Aliyeva Azerbaijan Women's Rights Society"),
        ("Aqil Jamal", "Chairman", "Common Values Public Union"),
        ("Vugar Gadirov", "Chairman", "Youth Organization for Return and Revival"),
        ("Fikret Yusifov", "President", "Economics International Economic Research Public Union"),
    ]
    assert [s["added_by"] for s in corrected["signatories"]] == [None] * 5
    assert corrected["date"] == "2025-12-25"


def test_corrections_imported_onto_a_changed_text_are_flagged_where_the_text_under_them_changed(
    tmp_path: Path,
) -> None:
    store, letter = december_store(tmp_path / "a.db")
    ids = review_december(store, letter)
    exported = [c.to_dict() for c in sc.list_corrections(store)]
    # A newer ingest of the same source puts a space before a quote, between Novella and Aqil.
    changed = TEXT.replace("Chairman of the“Center", "Chairman of the “Center")
    with Store.open(tmp_path / "b.db") as other:
        save_extraction(other, december(text=changed), letters_v1(changed), "test-1")
        report = sc.import_corrections(other, exported)
        statuses = {c.id: c.status for c in sc.list_corrections(other)}
        corrected = sc.corrected_letter(other, f"{december(text=changed).id}-0")

    assert (report.added, report.existing, report.without_document) == (7, 0, 7)
    assert statuses == {
        ids[0]: "active", ids[1]: "active", ids[2]: "active",
        ids[3]: "needs-review", ids[4]: "needs-review",  # after the edit: text moved under them
        ids[5]: "active", ids[6]: "active",
    }  # fmt: skip
    assert [s["name"] for s in corrected["signatories"]] == [
        "Ramil Iskandarli", "Novella Jafarova", "Aqil Jamal", "Fikret Yusifov",
    ]  # fmt: skip
    assert corrected["signatories"][2]["organization"].startswith(
        "Common Values” Public Union Vugar"
    )


def test_export_then_import_into_a_store_of_the_same_documents_is_idempotent(
    tmp_path: Path,
) -> None:
    store, letter = december_store(tmp_path / "a.db")
    review_december(store, letter)
    exported = [c.to_dict() for c in sc.list_corrections(store)]
    copy, _ = december_store(tmp_path / "b.db")
    first = sc.import_corrections(copy, exported)
    again = sc.import_corrections(copy, exported)

    assert (first.added, first.existing, first.without_document) == (7, 0, 0)
    assert (again.added, again.existing) == (0, 7)
    assert [c.to_dict() for c in sc.list_corrections(copy)] == exported
    assert people(sc.corrected_letter(copy, letter)) == CORRECTED


def test_exports_read_the_corrected_letters(tmp_path: Path) -> None:
    store, letter = december_store(tmp_path / "t.db")
    review_december(store, letter)
    (extraction,) = sc.corrected_extractions(store)
    (corrected,) = extraction.letters
    assert extraction.document.sha256 == december().sha256
    assert [s.to_dict()["name"] for s in corrected.signatories] == [p[0] for p in CORRECTED]
    assert corrected.to_dict()["date"] == "2025-12-25"


def test_a_withdrawn_correction_is_kept_and_no_longer_applied(tmp_path: Path) -> None:
    store, letter = december_store(tmp_path / "t.db")
    ids = review_december(store, letter)
    sc.withdraw(store, ids[2])
    corrected = sc.corrected_letter(store, letter)
    assert corrected["signatories"][0]["name"] == "With deepest respect"
    assert [c.status for c in sc.list_corrections(store)].count("withdrawn") == 1
    with pytest.raises(NotFoundError):
        sc.withdraw(store, "0000000000000000")


@pytest.mark.parametrize(
    ("item", "action", "kwargs", "error", "message"),
    [
        ("letter", "set", {"new": "25 December 2025"}, ReviewError, "not an ISO date"),
        ("signatory", "set", {"target": "nope", "field": "name", "new": "X"}, NotFoundError,
         "has no signatory 'nope'"),
        ("signatory", "set", {"target": "{letter}-1", "field": "date", "new": "X"}, ReviewError,
         "cannot set 'date' of a signatory"),
        ("signatory", "add", {"new": {"name": "Ramil"}, "span": "ramil"}, ReviewError,
         "already a signatory"),
        ("signatory", "add", {"new": {"name": "Dear"}, "span": "before"}, ReviewError,
         "outside this letter"),
        ("addressee", "remove", {"target": 3}, NotFoundError, "has no addressee 3"),
    ],
)  # fmt: skip
def test_a_correction_that_cannot_apply_is_refused_and_nothing_is_stored(
    tmp_path: Path, item: str, action: str, kwargs: dict[str, object], error: type, message: str
) -> None:
    store, letter = december_store(tmp_path / "t.db")
    spans = {
        "ramil": list_signatories(store, letter)[1],
        "before": {"start": 0, "end": 10},
    }
    if isinstance(kwargs.get("target"), str):
        kwargs["target"] = str(kwargs["target"]).format(letter=letter)
    if "span" in kwargs:
        row = spans[str(kwargs["span"])]
        kwargs["span"] = span(TEXT, TEXT[row["start"] : row["end"]])
    with pytest.raises(error, match=message):
        sc.correct(store, letter, item, action, author="ana", **kwargs)  # type: ignore[arg-type]
    assert sc.list_corrections(store) == []
