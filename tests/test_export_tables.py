from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from cosignatory.cli import app
from cosignatory.export.records import COLUMNS

TABLES = ["letters", "signatories", "people", "organizations", "memberships", "edges"]
ROWS = {"signatories": 75, "people": 47, "organizations": 46, "memberships": 47, "edges": 4146}


def _export(fmt: str, out: Path, db: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--format", fmt, "--out", str(out), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output


def test_parquet_tables_read_back_in_pyarrow_with_declared_types(
    corpus_db: Path, tmp_path: Path
) -> None:
    _export("parquet", tmp_path / "pq", corpus_db)
    assert sorted(p.stem for p in (tmp_path / "pq").iterdir()) == sorted(TABLES)
    for name in TABLES:
        table = pq.read_table(tmp_path / "pq" / f"{name}.parquet")
        assert table.column_names == [c for c, _ in COLUMNS[name]]
        if name in ROWS:
            assert table.num_rows == ROWS[name], name
    letters = pq.read_table(tmp_path / "pq" / "letters.parquet").to_pylist()
    assert sorted(r["signatories"] for r in letters) == [0, 0, 0, 30, 45]
    people = pq.read_table(tmp_path / "pq" / "people.parquet").to_pylist()
    assert sum(1 for p in people if p["letters"] == 2) == 28
    assert (
        str(pq.read_table(tmp_path / "pq" / "edges.parquet").schema.field("weight").type) == "int64"
    )


def test_csv_tables_and_json_document_hold_the_same_rows(corpus_db: Path, tmp_path: Path) -> None:
    _export("csv", tmp_path / "csv", corpus_db)
    _export("json", tmp_path / "all.json", corpus_db)
    document = json.loads((tmp_path / "all.json").read_text())
    assert list(document) == TABLES
    for name in TABLES:
        with (tmp_path / "csv" / f"{name}.csv").open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(document[name])
        if name in ROWS:
            assert len(rows) == ROWS[name]
    first = document["signatories"][0]
    assert set(first) == {c for c, _ in COLUMNS["signatories"]}
