"""Resolution as Spark jobs gives exactly what the single-machine resolver gives.

Generated mentions (the resolution benchmark's: romanization and script variants, typos,
look-alike organizations, common names borne by several people, people who move) go
through `resolve_mentions` on Spark and through `resolve`; every assignment, entity and
piece of evidence must be equal. The data is checked to reach the resolver's harder
paths: blocks too large for all-pairs, and links made in pass 2 from co-signers.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

pytestmark = pytest.mark.spark
pytest.importorskip("pyspark")

from pyspark.sql import functions as F  # noqa: E402

from cosignatory.engines.spark_resolve import resolve_mentions  # noqa: E402
from cosignatory.resolve import MentionRecord, Resolution, resolve  # noqa: E402
from cosignatory.resolve.blocking import MAX_BLOCK  # noqa: E402

MENTIONS = 2500
STEMS = ["Ba", "Ko", "Mu", "Ri", "Se", "Ta", "Lu", "Vi", "Ne"]  # 45 made-up organization words
ENDINGS = ["dar", "gul", "ven", "sor", "mix"]


def _generate(n: int) -> list[MentionRecord]:
    spec = importlib.util.spec_from_file_location(
        "resolve_bench", ROOT / "benchmarks" / "resolve_bench.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    records: list[MentionRecord] = bench.generate(n)[0]
    return records


def _common_name(people: int = 45) -> list[MentionRecord]:
    """One very common name borne in many organizations (a block too large for all-pairs),
    in three spellings, and printed without an organization in a few more letters."""
    spellings = ["Elnur Mammadov", "Elnur Məmmədov", "Elnur Mamedov"]
    out = []
    for k in range(people):
        org = f"{STEMS[k // 5]}{ENDINGS[k % 5]} Civic Center"
        for year in (2019, 2021):
            letter = f"common-{k}-{year}"
            out.append(
                MentionRecord(
                    f"{letter}-0", letter, f"{year}-05-01", spellings[(k + year) % 3], "Chair", org
                )
            )
            out.append(
                MentionRecord(
                    f"{letter}-1", letter, f"{year}-05-01", f"Leyla Hasanli {k}", "Member", org
                )
            )
    for k in range(5):
        out.append(
            MentionRecord(f"bare-{k}-0", f"bare-{k}", "2020-01-01", "Elnur Mammadov", None, None)
        )
    return out


@pytest.fixture(scope="module")
def records() -> list[MentionRecord]:
    return _generate(MENTIONS) + _common_name()


@pytest.fixture(scope="module")
def local(records: list[MentionRecord]) -> Resolution:
    return resolve(records)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("spark_resolve")


@pytest.fixture(scope="module")
def distributed(spark: Any, records: list[MentionRecord], folder: Path) -> list[Any]:
    rows = [asdict(r) for r in records]
    frame = spark.createDataFrame(
        rows,
        "id string, letter_id string, date string, name string, role string, organization string",
    )
    frame.write.parquet(str(folder / "mentions"))
    mentions = spark.read.parquet(str(folder / "mentions"))
    resolve_mentions(mentions, str(folder / "staging")).write.parquet(str(folder / "out"))
    return [r.asDict() for r in spark.read.parquet(str(folder / "out")).collect()]


def _assigned(rows: list[Any], kind: str) -> dict[str, str]:
    return {
        r["mention_id"]: r["entity_id"]
        for r in rows
        if r["row"] == "assignment" and r["kind"] == kind
    }


def test_the_data_reaches_oversize_blocks_and_pass_two(
    spark: Any, local: Resolution, distributed: list[Any], folder: Path
) -> None:
    units = spark.read.parquet(str(folder / "staging" / "person_units"))
    sizes = units.select(F.explode("blocks").alias("b")).groupBy("b").count()
    assert sizes.agg(F.max("count")).first()[0] > MAX_BLOCK
    cosigned = [e for e in local.evidence if any(f.name == "cosigners" for f in e.features)]
    assert len(cosigned) > 10


def test_spark_assigns_every_mention_as_the_resolver_does(
    local: Resolution, distributed: list[Any]
) -> None:
    assert _assigned(distributed, "person") == local.person_of
    assert _assigned(distributed, "organization") == local.organization_of
    assert len(local.person_of) == MENTIONS + 45 * 4 + 5


def test_spark_makes_the_same_entities_and_evidence(
    local: Resolution, distributed: list[Any]
) -> None:
    entities = sorted(
        (r["entity_id"], r["kind"], r["caption"], tuple(r["names"]), r["mentions"])
        for r in distributed
        if r["row"] == "entity"
    )
    expected = sorted(
        (e.id, e.kind, e.caption, e.names, len(e.mentions))
        for group in (local.people, local.organizations)
        for e in group.values()
    )
    assert entities == expected
    evidence = Counter(
        (r["entity_id"], r["left_mention"], r["right_mention"], r["score"], r["features"])
        for r in distributed
        if r["row"] == "evidence"
    )
    assert evidence == Counter(
        (
            e.entity_id,
            e.left,
            e.right,
            e.score,
            json.dumps([[f.name, f.weight, f.detail] for f in e.features], ensure_ascii=False),
        )
        for e in local.evidence
    )
