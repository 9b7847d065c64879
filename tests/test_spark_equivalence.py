"""The Spark path and the single-machine path make the same store of the same input.

One generated corpus (a few hundred news documents, a third with letters, some as HTML),
the shared real documents, a duplicate and a damaged shard go through `pipeline.ingest`
into one store and through `run_spark_ingest` + `load_output` into another; every table of
the two stores must be equal, the Parquet output must say the same as the store, and the
reuse Spark finds must be what the analysis finds in the local store.
"""

from __future__ import annotations

import gzip
import importlib.util
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, DECEMBER_LETTER, ROOT

pytestmark = pytest.mark.spark
pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("pyspark")

from cosignatory import pipeline  # noqa: E402
from cosignatory.engines import load_output, run_spark_ingest  # noqa: E402
from cosignatory.store import Store  # noqa: E402

TABLES = {  # table: its columns compared (ingested_at differs by run)
    "documents": "id, sha256, source, format, title, url, published, text, extractor_version",
    "letters": "*",
    "addressees": "*",
    "senders": "*",
    "mentions": "*",
    "entities": "*",
    "mention_entities": "*",
    "entity_evidence": "*",
    "resolution_keys": "*",
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    spec = importlib.util.spec_from_file_location(
        "generate_corpus", ROOT / "benchmarks" / "generate_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator  # its dataclasses look their module up
    spec.loader.exec_module(generator)
    folder = tmp_path_factory.mktemp("shards")
    generator.generate(
        folder, 300, shard_size=100, seed=3, workers=1, letter_share=0.3, html_share=0.05
    )
    with gzip.open(folder / "shard-00003.jsonl.gz", "wt", encoding="utf-8") as damaged:
        damaged.write('{"text": "A short note.", "url": "https://x.example/1"}\n{"text": \n')
    return [str(folder / "shard-*.jsonl.gz"), str(CORPUS), str(DECEMBER_LETTER)]


@pytest.fixture(scope="module")
def local_run(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Any:
    from cosignatory.engines.shards import list_inputs

    path = tmp_path_factory.mktemp("local") / "local.db"
    with Store.open(path) as store:
        report = pipeline.ingest(store, list_inputs(inputs))
    assert (report.stored, report.skipped, report.failed) == (304, 1, 1)
    return path, report


@pytest.fixture(scope="module")
def local_db(local_run: Any) -> Path:
    return local_run[0]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def spark_run(spark: Any, inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Any:
    return run_spark_ingest(inputs, tmp_path_factory.mktemp("spark") / "out", spark=spark)


@pytest.fixture(scope="module")
def spark_db(spark_run: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("loaded") / "spark.db"
    with Store.open(path) as store:
        report = load_output(store, spark_run.output)
    assert (report.stored, report.skipped, report.resolved_again) == (304, 0, False)
    return path


def _rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute(f"SELECT {TABLES[table]} FROM {table}"), key=repr)
    finally:
        conn.close()


def _parquet(output: Path, table: str, columns: list[str]) -> list[dict[str, Any]]:
    return pyarrow_parquet.read_table(output / table, columns=columns).to_pylist()  # type: ignore[no-any-return]


def test_spark_run_reports_what_the_local_ingest_reports(spark_run: Any, local_db: Path) -> None:
    with Store.open(local_db, create=False) as store:
        counts = store.conn.execute(
            "SELECT (SELECT count(*) FROM letters), (SELECT count(*) FROM mentions),"
            " (SELECT count(*) FROM entities WHERE kind = 'person'),"
            " (SELECT count(*) FROM entities WHERE kind = 'organization')"
        ).fetchone()
    assert (spark_run.documents, spark_run.duplicates, spark_run.failed) == (304, 1, 1)
    assert (
        spark_run.letters,
        spark_run.signatories,
        spark_run.people,
        spark_run.organizations,
    ) == tuple(counts)


@pytest.mark.parametrize("table", list(TABLES))
def test_loaded_spark_output_equals_the_local_store(
    table: str, spark_db: Path, local_db: Path
) -> None:
    local = _rows(local_db, table)
    assert local, f"the local store has no {table}"
    assert _rows(spark_db, table) == local


def test_parquet_mentions_carry_the_local_entities(spark_run: Any, local_db: Path) -> None:
    conn = sqlite3.connect(local_db)
    expected = {
        (mention, kind): entity
        for mention, kind, entity in conn.execute("SELECT * FROM mention_entities")
    }
    conn.close()
    rows = _parquet(spark_run.output, "mentions", ["id", "person_id", "organization_id"])
    got = {
        (r["id"], kind): r[f"{column}_id"]
        for r in rows
        for kind, column in (("person", "person"), ("organization", "organization"))
        if r[f"{column}_id"] is not None
    }
    assert got == expected


def test_memberships_match_the_store_view(spark_run: Any, local_db: Path) -> None:
    conn = sqlite3.connect(local_db)
    expected = sorted(conn.execute("SELECT * FROM memberships"), key=repr)
    conn.close()
    columns = ["person_id", "organization_id", "role", "date", "letter_id", "mention_id"]
    rows = _parquet(spark_run.output, "memberships", columns)
    assert sorted((tuple(r[c] for c in columns) for r in rows), key=repr) == expected


def test_damaged_shard_is_reported_with_the_local_reason(spark_run: Any, local_run: Any) -> None:
    errors = _parquet(spark_run.output, "errors", ["source", "reason"])
    assert [(e["source"], e["reason"]) for e in errors] == [
        (e.source, e.reason) for e in local_run[1].errors
    ]
    assert Path(errors[0]["source"]).name == "shard-00003.jsonl.gz"
    assert errors[0]["reason"].startswith("skipped bad JSON Lines: line 2: invalid JSON")


def test_letter_dates_read_the_same_through_duckdb_and_arrow(spark_run: Any) -> None:
    import duckdb

    arrow = sorted(
        (r["id"], r["date"]) for r in _parquet(spark_run.output, "letters", ["id", "date"])
    )
    scan = f"read_parquet('{spark_run.output / 'letters'}/*.parquet')"
    duck = sorted(duckdb.connect().execute(f"SELECT id, date FROM {scan}").fetchall())
    assert duck == arrow
    assert all(d is None or isinstance(d, str) for _, d in duck)


def test_reuse_equals_the_analysis_of_the_local_store(spark_run: Any, local_db: Path) -> None:
    from cosignatory.analyze import corpus_reuse, load_corpus
    from cosignatory.engines.tables import REUSE, columns, reuse_row

    with Store.open(local_db, create=False) as store:
        expected = sorted(tuple(reuse_row(r).values()) for r in corpus_reuse(load_corpus(store)))
    rows = _parquet(spark_run.output, "reuse", columns(REUSE))
    assert len(expected) >= 10, "too few reprinted letters to compare"
    assert sorted(tuple(r.values()) for r in rows) == expected


def test_minhash_reuse_on_spark_equals_the_analysis_of_the_local_store(
    spark: Any, spark_run: Any, local_db: Path, tmp_path: Path
) -> None:
    import shutil

    from cosignatory.analyze import Candidates, Settings, corpus_reuse, load_corpus
    from cosignatory.engines.spark import find_reuse_on_spark
    from cosignatory.engines.tables import REUSE, columns, reuse_row

    settings = Settings(candidates=Candidates.minhash)
    for table in ("documents", "letters", "reuse"):
        shutil.copytree(spark_run.output / table, tmp_path / table)
    find_reuse_on_spark(spark, tmp_path, settings)  # replaces the winnowed run's table
    with Store.open(local_db, create=False) as store:
        corpus = load_corpus(store)
    expected = sorted(tuple(reuse_row(r).values()) for r in corpus_reuse(corpus, settings))
    winnowed = sorted(tuple(reuse_row(r).values()) for r in corpus_reuse(corpus))
    rows = _parquet(tmp_path, "reuse", columns(REUSE))
    assert sorted(tuple(r.values()) for r in rows) == expected
    assert expected != winnowed, "the two candidate methods should differ on this corpus"


def test_cli_runs_spark_with_minhash_reuse_and_loads_the_output(spark: Any, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from cosignatory.cli import app

    out, db = tmp_path / "run", tmp_path / "loaded.db"
    args = ["ingest", "--engine", "spark", "--input", str(CORPUS), "--output", str(out)]
    result = CliRunner().invoke(app, [*args, "--reuse-candidates", "minhash"])
    assert result.exit_code == 0, result.output
    assert " ".join(result.output.split()) == (
        "3 files: 3 documents stored, 0 duplicates, 0 failed (see "
        f"{out}/errors). Found 5 letters, 75 signatories, 47 people, 46 organizations, "
        f"3 reused passages. Load them with `cosignatory load {out}`."
    )
    assert CliRunner().invoke(app, ["load", str(out), "--db", str(db)]).exit_code == 0
    shown = CliRunner().invoke(
        app, ["reuse", "--db", str(db), "--candidates", "minhash", "--format", "jsonl"]
    )
    spans = {
        (r["letter_a"], r["start_a"], r["end_a"], r["letter_b"], r["start_b"], r["end_b"])
        for r in map(json.loads, shown.stdout.splitlines())
    }
    parquet = _parquet(
        out, "reuse", ["letter_a", "a_start", "a_end", "letter_b", "b_start", "b_end"]
    )
    assert spans == {tuple(r.values()) for r in parquet}
    assert len(spans) == 3
    bad = CliRunner().invoke(app, [*args, "--reuse-candidates", "lsh"])
    assert bad.exit_code == 2
