from __future__ import annotations

import json
from pathlib import Path

from analysis_support import letter, letter_of, store_with
from conftest import EXAMPLES
from typer.testing import CliRunner

from cosignatory import pipeline
from cosignatory.analyze import conflicts, corpus_claims, load_corpus
from cosignatory.analyze.claims import letter_claims
from cosignatory.analyze.data import LetterInfo
from cosignatory.cli import app
from cosignatory.store import Store

PLAIN = LetterInfo("x-0", "x", "x.txt", None, None, True, None, None, 0, 0)


def _claims(text: str) -> list[tuple[object, ...]]:
    return [
        (c.kind, c.text, c.value, c.qualifier, c.counts, c.topic, c.name, c.date)
        for c in letter_claims(PLAIN, text)
    ]


def test_figures_with_what_they_count_and_their_topic() -> None:
    text = (
        "The shelling killed 613 civilians, including 106 women and 63 children. "
        "More than 2,700 landmines were laid. About 1/5 of the territories were occupied."
    )
    assert _claims(text) == [
        ("quantity", "613 civilians", 613.0, None, "civilians", "killed", None, None),
        ("quantity", "106 women", 106.0, None, "women", "killed", None, None),
        ("quantity", "63 children", 63.0, None, "children", "killed", None, None),
        (
            "quantity",
            "More than 2,700 landmines",
            2700.0,
            "more than",
            "landmines",
            "landmines",
            None,
            None,
        ),
        (
            "quantity",
            "About 1/5 of the territories",
            0.2,
            "about",
            "territories",
            "territory",
            None,
            None,
        ),
    ]


def test_named_instruments_and_dated_events() -> None:
    text = (
        "UN Security Council resolutions 822, 853, 874 and 884 were ignored. "
        "We welcome the Washington Joint Declaration of August 8, 2025. "
        "The war ended on 10 November 2020."
    )
    found = letter_claims(PLAIN, text)
    assert [(c.kind, c.name, c.date) for c in found] == [
        ("instrument", "UN Security Council resolution 822", None),
        ("instrument", "UN Security Council resolution 853", None),
        ("instrument", "UN Security Council resolution 874", None),
        ("instrument", "UN Security Council resolution 884", None),
        ("instrument", "Washington Joint Declaration", "2025-08-08"),
        ("event", None, "2020-11-10"),
    ]
    assert found[4].text == "Washington Joint Declaration of August 8, 2025"
    assert found[5].text == "The war ended on 10 November 2020."


def test_years_list_numbers_and_idioms_are_not_figures() -> None:
    text = "1. Since 1987 one of the villages was emptied.\nIt ranked 60th in 2025."
    assert [c.kind for c in letter_claims(PLAIN, text)] == ["event", "event"]


def test_december_letter_claims(corpus_store: Store) -> None:
    corpus = load_corpus(corpus_store)
    december = letter_of(corpus_store, "000_82e5b8a0caa968aa.txt")
    found = [c for c in corpus_claims(corpus) if c.letter_id == december]
    assert [(c.kind, c.text, c.value, c.topic) for c in found] == [
        (
            "quantity",
            "about 1/5 of Azerbaijan's internationally recognized territories",
            0.2,
            "territory",
        ),
        ("quantity", "more than three decades", 30.0, "territory"),
        ("quantity", "nearly a million Azerbaijanis", 1_000_000.0, "displaced"),
        ("quantity", "35 years", 35.0, None),
        ("instrument", "Washington Joint Declaration of August 8, 2025", None, None),
        ("quantity", "over 30 years", 30.0, "territory"),
        ("quantity", "nearly one million Azerbaijanis", 1_000_000.0, "displaced"),
        ("quantity", "hundreds of peaceful settlements", 100.0, "destroyed"),
        ("instrument", "Washington Arrangements", None, None),
    ]
    text = corpus.texts[corpus.by_id[december].document_id]
    assert all(text[c.start : c.end] == c.text for c in found)
    assert conflicts(corpus_claims(corpus)) == []


def test_conflicting_figures_for_the_displaced_are_listed_with_both_spans(tmp_path: Path) -> None:
    one = "Some 750 thousand Azerbaijanis were displaced from their homes."
    two = "The war forced nearly one million Azerbaijanis out: they were displaced."
    three = "More than 700,000 Azerbaijanis were expelled."
    with store_with(tmp_path / "t.db", [(t, [letter(t, [])]) for t in (one, two, three)]) as s:
        corpus = load_corpus(s)
    [conflict] = conflicts(corpus_claims(corpus))
    assert (conflict.topic, conflict.counts) == ("displaced", "azerbaijani")
    assert [(c.text, c.value, c.start, c.end) for c in conflict.claims] == [
        ("More than 700,000 Azerbaijanis", 700_000.0, 0, 30),
        ("Some 750 thousand Azerbaijanis", 750_000.0, 0, 30),
        ("nearly one million Azerbaijanis", 1_000_000.0, 15, 46),
    ]


def test_compatible_figures_are_not_a_conflict(tmp_path: Path) -> None:
    one = "More than 2,700 landmines were found."
    two = "About 3,000 landmines were found."
    with store_with(tmp_path / "t.db", [(t, [letter(t, [])]) for t in (one, two)]) as s:
        corpus = load_corpus(s)
    assert conflicts(corpus_claims(corpus)) == []


def test_claims_command_lists_conflicts_as_json_without_infinity(tmp_path: Path) -> None:
    one = "Some 750 thousand Azerbaijanis were displaced from their homes."
    two = "Over one million Azerbaijanis were displaced."
    with store_with(tmp_path / "t.db", [(t, [letter(t, [])]) for t in (one, two)]):
        pass
    args = ["claims", "--conflicts", "--format", "json", "--db", str(tmp_path / "t.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["quantity"], r["text"], r["low"], r["high"]) for r in rows] == [
        ("displaced: azerbaijani", "Some 750 thousand Azerbaijanis", 675_000.0, 825_000.0),
        ("displaced: azerbaijani", "Over one million Azerbaijanis", 1_000_000.0, None),
    ]


def test_the_demo_corpus_shows_its_displacement_figures_in_conflict(tmp_path: Path) -> None:
    with Store.open(tmp_path / "demo.db") as store:
        pipeline.ingest(store, [EXAMPLES])
        found = conflicts(corpus_claims(load_corpus(store)))
    assert [(c.topic, [x.text for x in c.claims]) for c in found] == [
        ("displaced", ["some 750,000 Azerbaijanis", "Nearly a million Azerbaijanis"]),
    ]
