"""The document commands as a user runs them: messages, exit codes and output formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import CORPUS, DECEMBER_LETTER, NEWS_PAGE
from typer.testing import CliRunner

from cosignatory.cli import app

runner = CliRunner()
DECEMBER = "39833d58f228f528-0"


def test_ingest_summarises_and_a_second_run_says_nothing_is_new(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    first = runner.invoke(app, ["ingest", str(CORPUS), "--db", db])
    again = runner.invoke(app, ["ingest", str(CORPUS), "--db", db])
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert first.stderr == (
        "3 documents read: 3 stored, 0 skipped (already stored), 0 failed. "
        "Found 5 letters and 75 signatories.\n"
        "Resolved 75 mentions into 47 people and 46 organizations.\n"
    )
    assert again.stderr == (
        "3 documents read: 0 stored, 3 skipped (already stored), 0 failed. "
        "Found 0 letters and 0 signatories.\n"
        f"Nothing new: every document was already in {db}.\n"
    )


def test_ingest_names_a_failed_file_exits_1_and_stores_the_rest(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02\xff" * 100)
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(junk), str(DECEMBER_LETTER), "--db", db, "-q"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {junk}: binary file, not text/HTML/PDF/JSON Lines\n"
    listed = runner.invoke(app, ["letters", "--db", db, "--format", "jsonl"])
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == [DECEMBER]


def test_listings_come_in_every_format(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(CORPUS), "--db", db, "-q"])
    table = runner.invoke(app, ["letters", "--db", db])
    as_csv = runner.invoke(app, ["letters", "--db", db, "--format", "csv"])
    as_json = runner.invoke(app, ["letters", "--db", db, "--format", "json"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [(r["date"], r["addressees"], r["signatories"]) for r in rows] == [
        ("2025-12-23", "Lemkin Institute for Genocide Prevention", "0"),
        ("2025-12-25", "Donald Trump", "0"),
        ("", "Donald J. Trump", "30"),
        ("", "JD Vance", "45"),
        ("", "Washington", "0"),
    ]
    assert [r["id"] for r in json.loads(as_json.stdout)] == [r["id"] for r in rows]
    assert DECEMBER in table.stdout and "JD Vance" in table.stdout
    signatories = runner.invoke(
        app, ["signatories", "--db", db, "--letter", DECEMBER, "--format", "jsonl"]
    )
    first = json.loads(signatories.stdout.splitlines()[0])
    assert len(signatories.stdout.splitlines()) == 30
    text = DECEMBER_LETTER.read_text(encoding="utf-8")
    assert text[first["name_start"] : first["name_end"]] == "Ramil Iskandarli"
    assert text[first["start"] : first["end"]] == (
        "Ramil Iskandarli – Chairman of the Board of the Azerbaijan National NGO Forum"
    )


def test_show_gives_fields_signatories_and_the_marked_text(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(DECEMBER_LETTER), "--db", db, "-q"])
    shown = runner.invoke(app, ["show", DECEMBER, "--db", db])
    data = json.loads(runner.invoke(app, ["show", DECEMBER, "--db", db, "-f", "json"]).stdout)[0]
    assert shown.exit_code == 0
    assert "addressees: Donald J. Trump, President of the United States of America" in shown.stdout
    assert "senders: The Representatives of Azerbaijani Civil Society" in shown.stdout
    assert "Fikret Yusifov" in shown.stdout and "Dear Mr. President," in shown.stdout
    assert (data["addressees"][0]["name"], len(data["signatories"])) == ("Donald J. Trump", 30)


def test_errors_say_what_to_do_and_exit_1_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["letters", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1
    assert missing.stderr == (
        f"Error: {tmp_path / 'none.db'}: no such store; run `cosignatory ingest PATH --db "
        f"{tmp_path / 'none.db'}` first\n"
    )
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(NEWS_PAGE), "--db", db, "-q"])
    unknown = runner.invoke(app, ["show", "nope", "--db", db])
    assert (unknown.exit_code, unknown.stderr) == (
        1,
        "Error: no letter 'nope'; `cosignatory letters` lists them\n",
    )
    assert runner.invoke(app, ["letters", "--db", db, "--format", "xml"]).exit_code == 2


def test_extract_prints_the_good_documents_and_exits_1_for_a_bad_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(NEWS_PAGE), str(empty)])
    assert result.exit_code == 1
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["source"], len(record["letters"])) == (str(NEWS_PAGE), 3)
    assert result.stderr == f"Error: {empty}: empty file\n"
