"""Loading a distributed run's Parquet output into the SQLite store the CLI and web read.

Documents and their letters go in through `save_extraction`, exactly as the single-machine
ingest writes them (same ids, search index, one transaction per document; documents already
stored are skipped). DuckDB streams the Parquet tables, joined and in reading order, so
nothing is held whole. Into an empty store the run's own resolution is copied as it is;
into a store that already held documents, everything is re-resolved incrementally by
`resolve_store`, so earlier entities and human judgements keep their effect.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cosignatory.engines import tables as T
from cosignatory.errors import CosignatoryError
from cosignatory.extract import EXTRACTOR_VERSION
from cosignatory.resolve import MentionRecord
from cosignatory.resolve.keys import mention_keys
from cosignatory.store import Store, save_extraction
from cosignatory.store.entities import resolve_store

BATCH = 1_000


@dataclass
class LoadReport:
    documents: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store
    letters: int = 0
    entities: int = 0
    resolved_again: bool = False  # the store held documents before: re-resolved


def load_output(store: Store, output: Path) -> LoadReport:
    """Put the Parquet tables under `output` (from `run_spark_ingest`) into `store`."""
    for table in ("documents", "letters", "mentions", "entities", "evidence"):
        if not (output / table).is_dir():
            raise CosignatoryError(f"{output}: no {table!r} table; is this a Spark run's output?")
    import duckdb

    report = LoadReport()
    had_documents = store.conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None
    db = duckdb.connect()
    for document, letters in _documents(db, output):
        report.documents += 1
        if save_extraction(store, document, letters, EXTRACTOR_VERSION):
            report.stored += 1
            report.letters += len(letters)
        else:
            report.skipped += 1
    if had_documents:
        resolve_store(store)
        report.resolved_again = True
    else:
        report.entities = _copy_resolution(db, store, output)
    return report


def _scan(output: Path, table: str) -> str:
    return f"read_parquet('{output / table}/*.parquet')"


def _documents(db: Any, output: Path) -> Iterator[tuple[Any, list[Any]]]:
    """Each document with its letters, in reading order, streamed."""
    sql = f"""
        SELECT d.*, coalesce(l.letters, []) AS letters
        FROM {_scan(output, "documents")} d
        LEFT JOIN (
            SELECT document_id, list(l ORDER BY l.ordinal) AS letters
            FROM {_scan(output, "letters")} l GROUP BY document_id
        ) l ON l.document_id = d.id
        ORDER BY d.seq
    """
    reader = db.sql(sql).to_arrow_reader(BATCH)
    for batch in reader:
        for row in batch.to_pylist():
            yield T.row_document(row), [T.row_letter(letter) for letter in row["letters"]]


def _copy_resolution(db: Any, store: Store, output: Path) -> int:
    """The run's entities, assignments, evidence and resolution keys, as `resolve_store`
    would have saved them."""
    entities = 0
    with store.transaction() as conn:
        for batch in db.sql(
            f"SELECT id, kind, caption FROM {_scan(output, 'entities')} ORDER BY id"
        ).to_arrow_reader(BATCH):
            rows = [(r["id"], r["kind"], r["caption"]) for r in batch.to_pylist()]
            conn.executemany("INSERT INTO entities (id, kind, caption) VALUES (?, ?, ?)", rows)
            entities += len(rows)
        assigned = f"""
            SELECT id, 'person' AS kind, person_id AS entity FROM {_scan(output, "mentions")}
            WHERE person_id IS NOT NULL
            UNION ALL
            SELECT id, 'organization', organization_id FROM {_scan(output, "mentions")}
            WHERE organization_id IS NOT NULL
        """
        for batch in db.sql(assigned).to_arrow_reader(BATCH):
            conn.executemany(
                "INSERT INTO mention_entities (mention_id, kind, entity_id) VALUES (?, ?, ?)",
                [(r["id"], r["kind"], r["entity"]) for r in batch.to_pylist()],
            )
        # The neighbourhood keys of every mention mark it resolved, as a local run leaves it.
        records = (
            f"SELECT id, letter_id, date, name, role, organization FROM {_scan(output, 'mentions')}"
        )
        for batch in db.sql(records).to_arrow_reader(BATCH):
            conn.executemany(
                "INSERT INTO resolution_keys (key, mention_id) VALUES (?, ?)",
                [
                    (key, r["id"])
                    for r in batch.to_pylist()
                    for key in mention_keys(MentionRecord(**r))
                ],
            )
        columns = ", ".join(T.columns(T.EVIDENCE))
        for batch in db.sql(f"SELECT {columns} FROM {_scan(output, 'evidence')}").to_arrow_reader(
            BATCH
        ):
            conn.executemany(
                "INSERT INTO entity_evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [tuple(r.values()) for r in batch.to_pylist()],
            )
    return entities
