from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from analysis_support import letter, store_with
from ftm3_venv import ftm3_python
from typer.testing import CliRunner

from cosignatory.analyze import load_corpus
from cosignatory.cli import app
from cosignatory.export.ftm import entities, entity_id, split_labels
from cosignatory.store import Store

VALIDATOR = Path(__file__).parent / "ftm_validate.py"


@pytest.fixture(scope="module")
def ftm_file(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ftm") / "corpus.ftm.json"
    result = CliRunner().invoke(
        app, ["export", "--format", "ftm", "--out", str(out), "--db", str(corpus_db)]
    )
    assert result.exit_code == 0, result.output
    return out


def _run(python: str | Path, path: Path) -> tuple[int, dict[str, object]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run(
        [str(python), str(VALIDATOR), str(path)], capture_output=True, text=True, env=env
    )
    assert run.stdout, run.stderr
    return run.returncode, dict(json.loads(run.stdout))


def _validate(python: str | Path, path: Path) -> dict[str, object]:
    code, report = _run(python, path)
    assert code == 0, report
    return report


BAD = [
    {"id": "Person_1", "schema": "Person", "properties": {"name": ["A"]}},
    {"id": "person-2", "schema": "Person", "properties": {"name": ["B"], "birthDate": ["5 May"]}},
    {"id": "person-3", "schema": "Person", "properties": {"name": ["C"], "shoeSize": ["9"]}},
    {
        "id": "doc-1",
        "schema": "Documentation",
        "properties": {"document": ["letter-x"], "entity": ["person-2"]},
    },
    {"id": "person-4", "schema": "Person", "properties": {"topics": ["open letter"]}},
]


@pytest.mark.parametrize("line", ["4", "3"])
def test_validator_rejects_ids_dates_properties_references_and_topics_it_must(
    line: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.ftm.json"
    path.write_text("".join(json.dumps(e) + "\n" for e in BAD))
    code, report = _run(sys.executable if line == "4" else ftm3_python(), path)
    errors = " | ".join(map(str, report["errors"]))  # type: ignore[call-overload]
    assert code == 1
    for expected in (
        "bad id 'Person_1'",
        "birthDate='5 May'",
        "unknown property Person:shoeSize",
        "missing entity 'letter-x'",
        "missing required name",
    ):
        assert expected in errors


def test_every_entity_validates_under_followthemoney_4(ftm_file: Path, corpus_store: Store) -> None:
    report = _validate(sys.executable, ftm_file)
    assert str(report["version"]).startswith("4.")
    parties = corpus_store.conn.execute(
        "SELECT (SELECT count(*) FROM addressees) + (SELECT count(*) FROM senders)"
    ).fetchone()[0]
    # 75 signatures: a person and an organization documentation each; one per addressee, sender
    assert {k: v for k, v in report["entities"].items() if k != "LegalEntity"} == {  # type: ignore[attr-defined]
        "Article": 5,
        "Person": 47,
        "Organization": 46,
        "Documentation": 150 + parties,
        "Membership": 47,
    }
    assert report["errors"] == []


def test_every_entity_validates_under_followthemoney_3_that_aleph_pins(ftm_file: Path) -> None:
    report = _validate(ftm3_python(), ftm_file)
    assert str(report["version"]).startswith("3.")
    assert report["errors"] == []


def test_corpus_export_links_signatories_and_addressees_to_their_letters(ftm_file: Path) -> None:
    rows = [json.loads(line) for line in ftm_file.read_text().splitlines()]
    assert all(re.fullmatch(r"[a-z0-9-]+", row["id"]) for row in rows)
    schemata = Counter(row["schema"] for row in rows)
    roles = Counter(r["properties"]["role"][0] for r in rows if r["schema"] == "Documentation")
    assert (schemata["Article"], schemata["Person"], schemata["Organization"]) == (5, 47, 46)
    assert roles["signatory"] == 75
    assert roles["addressee"] == 5
    by_name = {r["properties"]["name"][0]: r for r in rows if r["schema"] == "Person"}
    ramil = by_name["Ramil Iskandarli"]
    assert ramil["properties"]["position"] == ["Chairman of the Board"]
    signed = [
        r
        for r in rows
        if r["schema"] == "Documentation" and r["properties"]["entity"] == [ramil["id"]]
    ]
    assert len(signed) == 2
    memberships = [
        r
        for r in rows
        if r["schema"] == "Membership" and r["properties"]["member"] == [ramil["id"]]
    ]
    assert [m["properties"]["role"] for m in memberships] == [["Chairman of the Board"]]


def test_aliases_keep_every_printed_name_and_labels_route_to_topics_or_keywords(
    tmp_path: Path,
) -> None:
    one = "Signed: Cəfərova Novella, Journalist, Free Press Union"
    two = "Signed: Cafarova Novella, Editor, Free Press Union"
    docs = [
        (
            t,
            [
                letter(
                    t,
                    [(t.split(": ")[1].split(",")[0], "Free Press Union")],
                    date=d,
                    addressee="The Editor <b>",
                )
            ],
        )
        for t, d in ((one, "2024-01-02"), (two, "2025-03"))
    ]
    with store_with(tmp_path / "t.db", docs) as store:
        corpus = load_corpus(store)
    rows = list(entities(corpus))
    [person] = [r for r in rows if r["schema"] == "Person"]
    names = [person["properties"]["name"][0], *person["properties"]["alias"]]
    assert sorted(names) == ["Cafarova Novella", "Cəfərova Novella"]
    [membership] = [r for r in rows if r["schema"] == "Membership"]
    assert membership["properties"]["startDate"] == ["2024-01-02"]
    assert membership["properties"]["endDate"] == ["2025-03"]
    assert split_labels(["role.journo", "open letter"]) == (["role.journo"], ["open letter"])
    assert entity_id("letter", "abc-0") == "letter-abc-0"
    assert re.fullmatch(r"party-the-editor-b-[0-9a-f]{10}", entity_id("party", "The Editor <b>"))
