"""The pipeline on Apache Spark: shards → documents → letters → mentions → entities → reuse.

Every stage calls the project's own code inside Spark tasks (`mapInArrow`, the Arrow form of
`mapInPandas`: nested letters travel without a pandas round trip): the shard readers of
`cosignatory.ingest`, `cosignatory.extract.extract`, and the resolver's own steps. So the
output is what the single-machine path makes of the same input: the same documents,
letters, mentions and entities, with the same ids.

Resolution runs as Spark jobs (`spark_resolve`): units, statistics, block pairs and pair
scores are joins and row functions, and the resolver clusters each connected component of
the pairs apart. Reuse runs the reuse analysis's own method, its fingerprint joins (winnowed
n-grams, or MinHash LSH band keys) done by Spark and each candidate pair aligned by
`find_reuse`.

The driver lists input paths and reads back counts; no document passes through it. Each
stage writes Parquet and the next reads it, so no stage holds the corpus in memory.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cosignatory.analyze.reuse import Settings as ReuseSettings
from cosignatory.analyze.reuse import min_common
from cosignatory.engines import tables as T
from cosignatory.engines.shards import is_parquet, list_inputs
from cosignatory.engines.spark_resolve import resolve_mentions
from cosignatory.errors import CosignatoryError

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

    from cosignatory.analyze.reuse import Text as ReuseText

DEFAULT_REUSE = ReuseSettings()
BATCH_ROWS = 256  # documents per Arrow batch: bounds a task's memory, whatever a shard holds


class SparkError(CosignatoryError):
    """Spark is missing, or a Spark job failed."""


@dataclass
class SparkReport:
    """What one distributed run did, read back from its output."""

    output: Path
    files: int = 0
    documents: int = 0  # distinct documents stored
    duplicates: int = 0  # records whose text an earlier record already had
    failed: int = 0  # files (or records) that could not be read; see the `errors` table
    letters: int = 0
    signatories: int = 0
    people: int = 0
    organizations: int = 0
    reuse_pairs: int = 0  # rows of `reuse`: passages two letters share
    seconds: dict[str, float] = field(default_factory=dict)


def session(master: str = "local[*]", config: dict[str, str] | None = None) -> SparkSession:
    """A SparkSession for `master`; in local mode workers run this interpreter and import
    cosignatory from where the driver did. Nothing is downloaded."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkError("pyspark is not installed; pip install 'cosignatory[spark]'") from exc
    builder = (
        SparkSession.builder.master(master)
        .appName("cosignatory")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(BATCH_ROWS))
        .config("spark.sql.shuffle.partitions", "8" if master.startswith("local") else "200")
    )
    if master.startswith("local"):
        import cosignatory

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        root = str(Path(cosignatory.__file__).resolve().parents[1])
        builder = builder.config("spark.executorEnv.PYTHONPATH", root)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark_ingest(
    inputs: list[str],
    output: Path,
    master: str = "local[*]",
    *,
    spark: SparkSession | None = None,
    reuse: ReuseSettings = DEFAULT_REUSE,
) -> SparkReport:
    """Read the shards matched by `inputs`, extract, resolve and find reuse (as `reuse`
    says) on Spark, and write every table as Parquet under `output` (replacing an earlier
    run's)."""
    files = list_inputs(inputs)
    if not files:
        raise SparkError(f"no input files in {', '.join(inputs)}")
    spark = spark or session(master)
    report = SparkReport(output, files=len(files))
    if output.exists():
        shutil.rmtree(output)
    stages: tuple[tuple[str, Callable[[], None]], ...] = (
        ("read", lambda: _read(spark, files, output)),
        ("extract", lambda: _extract(spark, output)),
        ("resolve", lambda: _resolve(spark, output)),
        ("reuse", lambda: find_reuse_on_spark(spark, output, reuse)),
    )
    try:
        for name, stage in stages:
            started = time.perf_counter()
            stage()
            report.seconds[name] = time.perf_counter() - started
    except Exception as exc:  # Py4J and Spark errors carry no common root
        if isinstance(exc, CosignatoryError):
            raise
        raise SparkError(f"Spark job failed: {_cause(exc)}") from exc
    _count(spark, output, report)
    shutil.rmtree(output / "_staging", ignore_errors=True)
    return report


def _cause(exc: Exception) -> str:
    """The first line of a Spark error, with the exception behind it ("while calling o314"
    says nothing by itself)."""
    lines = str(exc).splitlines() or [type(exc).__name__]
    cause = next((x.strip(": ") for x in lines[1:] if "Exception:" in x or "Error:" in x), "")
    return f"{lines[0]} {cause}".strip()


def _path(output: Path, table: str) -> str:
    return str(output / table)


# Stage 1: shards → documents (one per distinct text, first read wins) and errors ---------


def _read(spark: SparkSession, files: list[Path], output: Path) -> None:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    schema = f"{T.DOCUMENTS}, error_source string, error string"
    shards = [(i, str(p)) for i, p in enumerate(files) if not is_parquet(p)]
    frames: list[DataFrame] = []
    if shards:
        listing = spark.createDataFrame(shards, "file long, path string")
        read = partial(_read_shards, schema=arrow_schema(schema))
        frames.append(listing.repartition(len(shards)).mapInArrow(read, schema))
    parquet = [str(p) for p in files if is_parquet(p)]
    if parquet:
        rows = spark.read.parquet(*parquet).select(
            *(
                F.col(c) if c in spark.read.parquet(*parquet).columns else F.lit(None).alias(c)
                for c in ("text", "html", "url", "title", "published")
            ),
            F.col("_metadata.file_path").alias("file_path"),
            (F.monotonically_increasing_id() + (len(files) << 32)).alias("seq"),
        )
        frames.append(
            rows.mapInArrow(partial(_parquet_documents, schema=arrow_schema(schema)), schema)
        )
    raw = frames[0] if len(frames) == 1 else frames[0].unionByName(frames[1])
    staging = _path(output, "_staging/raw")
    raw.write.parquet(staging)
    raw = spark.read.parquet(staging)
    raw.where(F.col("error").isNotNull()).select(
        F.col("error_source").alias("source"), F.col("error").alias("reason")
    ).write.parquet(_path(output, "errors"))
    first = Window.partitionBy("id").orderBy("seq")
    (
        raw.where(F.col("error").isNull())
        .withColumn("copy", F.row_number().over(first))
        .where(F.col("copy") == 1)
        .drop("copy", "error", "error_source")
        .write.parquet(_path(output, "documents"))
    )


def _read_shards(batches: Iterator[pa.RecordBatch], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """Executor side: each listed shard read by the project's readers, in batches."""
    import pyarrow as pa

    from cosignatory.engines.shards import read_shard
    from cosignatory.errors import IngestError

    for batch in batches:
        listed = zip(
            batch.column("file").to_pylist(), batch.column("path").to_pylist(), strict=True
        )
        for file, path in listed:
            rows: list[dict[str, Any]] = []
            try:
                for k, document in enumerate(read_shard(Path(path))):
                    rows.append({**T.document_row(document, (file << 32) + k), "error": None})
                    if len(rows) >= BATCH_ROWS:
                        yield pa.RecordBatch.from_pylist(rows, schema)
                        rows = []
            except IngestError as error:
                rows.append({"error_source": error.source, "error": error.reason})
            if rows:
                yield pa.RecordBatch.from_pylist(rows, schema)


def _parquet_documents(
    batches: Iterator[pa.RecordBatch], schema: pa.Schema
) -> Iterator[pa.RecordBatch]:
    """Executor side: Parquet rows (text or html, url, title, published) as documents."""
    import pyarrow as pa

    from cosignatory.engines.shards import record_document

    for batch in batches:
        rows = []
        for record in batch.to_pylist():
            source = record["file_path"] + (f"#{record['url']}" if record.get("url") else "")
            document = record_document(record, source)
            if document is not None:
                rows.append(T.document_row(document, record["seq"]))
        yield pa.RecordBatch.from_pylist(rows, schema)


def arrow_schema(ddl: str) -> pa.Schema:
    """The Arrow schema of a DDL string (parsed on the driver: it needs the JVM)."""
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import StructType, _parse_datatype_string

    parsed = _parse_datatype_string(ddl)  # type: ignore[no-untyped-call]
    assert isinstance(parsed, StructType)
    return to_arrow_schema(parsed)  # type: ignore[no-untyped-call,no-any-return]


# Stage 2: documents → letters (nested), by the project's extract() ---------------------


def _extract(spark: SparkSession, output: Path) -> None:
    documents = spark.read.parquet(_path(output, "documents"))
    letters = documents.mapInArrow(
        partial(_extract_letters, schema=arrow_schema(T.LETTERS)), T.LETTERS
    )
    letters.write.parquet(_path(output, "letters"))


def _extract_letters(
    batches: Iterator[pa.RecordBatch], schema: pa.Schema
) -> Iterator[pa.RecordBatch]:
    """Executor side: `extract(document)` on every document, one row per letter."""
    import pyarrow as pa

    from cosignatory.extract import extract

    for batch in batches:
        rows: list[dict[str, Any]] = []
        for row in batch.to_pylist():
            letters = extract(T.row_document(row))
            rows.extend(T.letter_rows(row["id"], row["seq"], letters))
        yield pa.RecordBatch.from_pylist(rows, schema)


# Stage 3: mentions → people and organizations, memberships, evidence -------------------


def _resolve(spark: SparkSession, output: Path) -> None:
    from pyspark.sql import functions as F

    letters = spark.read.parquet(_path(output, "letters"))
    mentions = letters.select(
        F.col("id").alias("letter_id"), "date", F.posexplode("signatories").alias("ordinal", "s")
    ).select(
        F.col("s.id").alias("id"),
        "letter_id",
        "ordinal",
        "date",
        *(F.col(f"s.{c}").alias(c) for c in T.SIGNATORY_COLUMNS),
    )
    staging = _path(output, "_staging/resolution")
    resolve_mentions(mentions, _path(output, "_staging/resolve")).write.parquet(staging)
    res = spark.read.parquet(staging)
    res.where("row = 'entity'").select(
        F.col("entity_id").alias("id"), "kind", "caption", "names", "mentions"
    ).write.parquet(_path(output, "entities"))
    evidence = res.where("row = 'evidence'").select(*T.columns(T.EVIDENCE))
    evidence.write.parquet(_path(output, "evidence"))
    assigned = res.where("row = 'assignment'")
    person = assigned.where("kind = 'person'").select(
        F.col("mention_id").alias("id"), F.col("entity_id").alias("person_id")
    )
    org = assigned.where("kind = 'organization'").select(
        F.col("mention_id").alias("id"), F.col("entity_id").alias("organization_id")
    )
    # One small Parquet file reads as a table to broadcast; in memory it is not small.
    resolved = mentions.join(person.hint("merge"), "id", "left").join(
        org.hint("merge"), "id", "left"
    )
    resolved.write.parquet(_path(output, "mentions"))
    spark.read.parquet(_path(output, "mentions")).where(
        "person_id IS NOT NULL AND organization_id IS NOT NULL"
    ).select(
        "person_id", "organization_id", "role", "date", "letter_id", F.col("id").alias("mention_id")
    ).write.parquet(_path(output, "memberships"))


# Stage 4: reuse, found as `cosignatory.analyze.reuse` finds it, its joins done by Spark ------


def find_reuse_on_spark(
    spark: SparkSession, output: Path, settings: ReuseSettings = DEFAULT_REUSE
) -> None:
    """Write `output`/reuse from its `documents` and `letters`: each letter's fingerprints
    (winnowed n-gram hashes, or MinHash LSH band keys of its passages); a fingerprint found
    in 2..max_df letters pairs them (commoner ones are boilerplate, skipped as passim skips
    them); pairs of letters from different documents sharing enough of them are aligned by
    `find_reuse`. Run again (with other settings), it replaces the `reuse` table."""
    from pyspark.sql import functions as F

    documents = spark.read.parquet(_path(output, "documents")).select(
        F.col("id").alias("document_id"),
        "text",
        "source",
        F.substring(F.nullif(F.col("published"), F.lit("")), 1, 10).alias("published"),
    )
    letters = spark.read.parquet(_path(output, "letters")).join(documents, "document_id")
    when = F.coalesce(F.col("date"), F.col("published"))
    # The analysis pairs each letter with later ones in (undated last, date, source, id)
    # order; a global sort then a monotonic id numbers the letters in that order.
    body = (
        "substring(text, coalesce(start, 0) + 1, coalesce(end, length(text)) - coalesce(start, 0))"
    )
    letter = F.struct(  # Spark's substring and length count code points, as Python does
        "id",
        "document_id",
        F.coalesce(F.col("start"), F.lit(0)).alias("offset"),
        F.expr(body).alias("body"),
        F.expr("transform(signatories, s -> struct(s.start AS start, s.end AS end))").alias(
            "masks"
        ),
    )
    (
        letters.orderBy(when.isNull(), F.coalesce(when, F.lit("")), "source", "id")
        .select(F.monotonically_increasing_id().alias("rank"), letter.alias("letter"))
        .write.mode("overwrite")
        .parquet(_path(output, "_staging/reuse_letters"))
    )
    texts = spark.read.parquet(_path(output, "_staging/reuse_letters"))
    prints_schema = "rank long, print long"
    texts.mapInArrow(
        partial(_fingerprints, schema=arrow_schema(prints_schema), settings=settings), prints_schema
    ).write.mode("overwrite").parquet(_path(output, "_staging/reuse_prints"))
    prints = spark.read.parquet(_path(output, "_staging/reuse_prints"))
    rare = prints.groupBy("print").count().where(F.col("count").between(2, settings.max_df))
    kept = prints.join(rare.select("print"), "print")
    a, b = kept.alias("a"), kept.alias("b")
    pairs = (
        a.join(b, (F.col("a.print") == F.col("b.print")) & (F.col("a.rank") < F.col("b.rank")))
        .groupBy(F.col("a.rank").alias("rank_a"), F.col("b.rank").alias("rank_b"))
        .count()
        .where(F.col("count") >= min_common(settings))
    )
    first = texts.select(F.col("rank").alias("rank_a"), F.col("letter").alias("a"))
    second = texts.select(F.col("rank").alias("rank_b"), F.col("letter").alias("b"))
    (
        pairs.join(first, "rank_a")
        .join(second, "rank_b")
        .where("a.document_id != b.document_id")
        .select("a", "b")
        .mapInArrow(partial(_align, schema=arrow_schema(T.REUSE), settings=settings), T.REUSE)
        .write.mode("overwrite")
        .parquet(_path(output, "reuse"))
    )


def _text(letter: dict[str, Any]) -> ReuseText:
    """A letter's words in document offsets, its signature entries masked out (as the
    analysis reads it from the store)."""
    from cosignatory.analyze.reuse import Text, tokenize

    masks = [
        (m["start"], m["end"])
        for m in letter["masks"] or ()
        if m["start"] is not None and m["end"] is not None
    ]
    tokens = tokenize(letter["body"], letter["offset"], masks)
    return Text(letter["id"], letter["document_id"], tokens)


def _fingerprints(
    batches: Iterator[pa.RecordBatch], schema: pa.Schema, settings: ReuseSettings
) -> Iterator[pa.RecordBatch]:
    """Executor side: (letter rank, fingerprint) for each winnowed n-gram hash of a letter."""
    import numpy as np
    import pyarrow as pa

    from cosignatory.analyze.reuse import fingerprints

    for batch in batches:
        ranks: list[Any] = []
        prints: list[Any] = []
        for rank, letter in zip(
            batch.column("rank").to_pylist(), batch.column("letter").to_pylist(), strict=True
        ):
            found = fingerprints(_text(letter).tokens.words, settings)
            ranks.append(np.full(len(found), rank, dtype=np.int64))
            prints.append(found.view(np.int64))
        if ranks:
            yield pa.RecordBatch.from_arrays(
                [pa.array(np.concatenate(ranks)), pa.array(np.concatenate(prints))], schema=schema
            )


def _align(
    batches: Iterator[pa.RecordBatch], schema: pa.Schema, settings: ReuseSettings
) -> Iterator[pa.RecordBatch]:
    """Executor side: the shared passages of each candidate pair, by `find_reuse` itself
    (on two letters it finds what it finds for them in the whole corpus)."""
    import pyarrow as pa

    from cosignatory.analyze.reuse import find_reuse

    for batch in batches:
        rows = [
            T.reuse_row(found)
            for a, b in zip(
                batch.column("a").to_pylist(), batch.column("b").to_pylist(), strict=True
            )
            for found in find_reuse([_text(a), _text(b)], settings)
        ]
        yield pa.RecordBatch.from_pylist(rows, schema)


def _count(spark: SparkSession, output: Path, report: SparkReport) -> None:
    def count(table: str, where: str = "true") -> int:
        return spark.read.parquet(_path(output, table)).where(where).count()

    report.documents = count("documents")
    report.duplicates = count("_staging/raw", "error IS NULL") - report.documents
    report.failed = count("errors")
    report.letters = count("letters")
    report.signatories = count("mentions")
    report.people = count("entities", "kind = 'person'")
    report.organizations = count("entities", "kind = 'organization'")
    report.reuse_pairs = count("reuse")
