"""`cosignatory corrections list|export|import|withdraw` over real store files."""

from __future__ import annotations

import json
from pathlib import Path

from corrections_support import december, december_store, letters_v2
from test_corrections_store import review_december
from typer.testing import CliRunner

from cosignatory.cli import app
from cosignatory.store import Store, replace_extraction
from cosignatory.store import corrections as sc

runner = CliRunner()


def reviewed_store(path: Path) -> list[str]:
    store, letter = december_store(path)
    ids = review_december(store, letter)
    store.close()
    return ids


def test_list_shows_each_correction_with_who_when_what_and_status(tmp_path: Path) -> None:
    ids = reviewed_store(tmp_path / "t.db")
    result = runner.invoke(
        app, ["corrections", "list", "--db", str(tmp_path / "t.db"), "-f", "jsonl"]
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]

    assert result.exit_code == 0
    assert [r["id"] for r in rows] == ids
    assert rows[0] | {"created_at": None} == {
        "id": ids[0],
        "document": december().sha256,
        "letter": 0,
        "item": "signatory",
        "action": "set",
        "field": "name",
        "ordinal": 1,
        "old": "Ramil Iskandarli – Chairman of the Board",
        "new": "Ramil Iskandarli",
        "span": [4233, 4310],
        "text": "Ramil Iskandarli – Chairman of the Board of the Azerbaijan National NGO Forum",
        "author": "ana",
        "created_at": None,
        "status": "active",
        "source": "corpus/000_82e5b8a0caa968aa.txt",
    }


def test_list_rechecks_after_a_reextraction_and_filters_by_status(tmp_path: Path) -> None:
    ids = reviewed_store(tmp_path / "t.db")
    with Store.open(tmp_path / "t.db") as store:
        replace_extraction(store, december().id, letters_v2(), "test-2")  # no recheck here
    args = ["corrections", "list", "--db", str(tmp_path / "t.db"), "--status", "needs-review"]
    result = runner.invoke(app, [*args, "-f", "json"])

    assert result.exit_code == 0
    assert [(r["id"], r["field"], r["action"]) for r in json.loads(result.stdout)] == [
        (ids[3], "organization", "set"),
        (ids[4], None, "add"),
    ]


def test_export_then_import_moves_corrections_to_another_store_once(tmp_path: Path) -> None:
    reviewed_store(tmp_path / "a.db")
    december_store(tmp_path / "b.db")[0].close()
    exported = tmp_path / "corrections.jsonl"
    export = runner.invoke(
        app, ["corrections", "export", "--db", str(tmp_path / "a.db"), "-o", str(exported)]
    )
    first = runner.invoke(
        app, ["corrections", "import", str(exported), "--db", str(tmp_path / "b.db")]
    )
    again = runner.invoke(
        app, ["corrections", "import", str(exported), "--db", str(tmp_path / "b.db")]
    )

    assert export.exit_code == 0 and len(exported.read_text(encoding="utf-8").splitlines()) == 7
    assert first.exit_code == 0
    assert first.stderr == (
        f"7 corrections added, 0 already in {tmp_path / 'b.db'}; 0 wait for their document; "
        "0 need review.\n"
    )
    assert again.stderr.startswith("0 corrections added, 7 already in")
    with Store.open(tmp_path / "a.db") as a, Store.open(tmp_path / "b.db") as b:
        assert [c.to_dict() for c in sc.list_corrections(b)] == [
            c.to_dict() for c in sc.list_corrections(a)
        ]


def test_import_of_a_malformed_file_fails_naming_the_line_and_adds_nothing(tmp_path: Path) -> None:
    december_store(tmp_path / "t.db")[0].close()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document": "x", "letter": 0, "item": "letter", "action": "set",'
                   ' "field": "date", "new": "2025"}\n{oops\n', encoding="utf-8")  # fmt: skip
    result = runner.invoke(app, ["corrections", "import", str(bad), "--db", str(tmp_path / "t.db")])

    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bad}:2: not JSON (Expecting property name enclosed in double quotes)\n"
    )
    with Store.open(tmp_path / "t.db") as store:
        assert sc.list_corrections(store) == []


def test_withdraw_keeps_the_correction_on_record_and_stops_applying_it(tmp_path: Path) -> None:
    ids = reviewed_store(tmp_path / "t.db")
    result = runner.invoke(app, ["corrections", "withdraw", ids[0], "--db", str(tmp_path / "t.db")])
    missing = runner.invoke(
        app, ["corrections", "withdraw", "nope", "--db", str(tmp_path / "t.db")]
    )

    assert result.exit_code == 0
    assert missing.exit_code == 1
    assert missing.stderr == "Error: no correction 'nope'; `cosignatory corrections list`\n"
    with Store.open(tmp_path / "t.db") as store:
        letter = sc.corrected_letter(store, f"{december().id}-0")
        assert [c.status for c in sc.list_corrections(store)][:2] == ["withdrawn", "active"]
    assert letter["signatories"][0]["name"] == "Ramil Iskandarli – Chairman of the Board"
    assert letter["signatories"][0]["role"] == "Chairman of the Board"
