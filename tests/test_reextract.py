"""Re-extraction by a newer extractor, with human corrections replayed over it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DECEMBER_LETTER
from typer.testing import CliRunner

from cosignatory import pipeline
from cosignatory.cli import app
from cosignatory.extract import EXTRACTOR_VERSION
from cosignatory.store import Store, counts
from cosignatory.store.corrections import correct, corrected_letter, list_corrections


def _store_with_a_correction(path: Path) -> str:
    """The December letter, with its first signatory's role corrected; returns the letter id."""
    with Store.open(path) as store:
        pipeline.ingest(store, [DECEMBER_LETTER])
        letter = store.conn.execute("SELECT id FROM letters").fetchone()[0]
        correct(
            store, letter, "signatory", "set", author="ana", target=f"{letter}-0",
            field="role", new="Chairman of the Board (corrected)",
        )  # fmt: skip
    return str(letter)


def test_reextract_replaces_outdated_output_and_keeps_corrections(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    letter = _store_with_a_correction(db)
    with Store.open(db) as store:
        assert pipeline.reextract(store).documents == 0  # nothing outdated
        store.conn.execute("UPDATE documents SET extractor_version = '0.0.1'")
        report = pipeline.reextract(store)
        assert (report.documents, report.letters, report.signatories) == (1, 1, 30)
        assert report.corrections == {"active": 1}
        assert report.resolution is not None and report.resolution.mentions == 30
        assert counts(store) == {"documents": 1, "letters": 1, "signatories": 30}
        version = store.conn.execute("SELECT extractor_version FROM documents").fetchone()[0]
        assert version == EXTRACTOR_VERSION
        shown = corrected_letter(store, letter)
        assert shown["signatories"][0]["role"] == "Chairman of the Board (corrected)"
        assert [c.status for c in list_corrections(store)] == ["active"]


def test_extract_replays_exported_corrections(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _store_with_a_correction(db)
    runner = CliRunner()
    exported = tmp_path / "corrections.jsonl"
    result = runner.invoke(app, ["corrections", "export", "--db", str(db), "-o", str(exported)])
    assert result.exit_code == 0, result.output
    plain = runner.invoke(app, ["extract", str(DECEMBER_LETTER)])
    reviewed = runner.invoke(app, ["extract", str(DECEMBER_LETTER), "--corrections", str(exported)])
    assert plain.exit_code == reviewed.exit_code == 0
    role = json.loads(plain.stdout)["letters"][0]["signatories"][0]["role"]
    fixed = json.loads(reviewed.stdout)["letters"][0]["signatories"][0]["role"]
    assert (role, fixed) == ("Chairman of the Board", "Chairman of the Board (corrected)")
