"""A folder of tables, as CSV files or Parquet files (pyarrow), written row batch by batch.

Owns the file layout (`DIR/<table>.csv` or `DIR/<table>.parquet`, one per table of
`records.COLUMNS`) and the Parquet schema (strings, int64, float64, bool; all nullable).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cosignatory.export.records import COLUMNS, Row

BATCH = 10_000
_ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def write_csv(tables: dict[str, Iterator[Row]], folder: Path) -> list[Path]:
    """One CSV file per table (header always written); returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rows in tables.items():
        path = folder / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=[c for c, _ in COLUMNS[name]])
            writer.writeheader()
            writer.writerows(rows)
        paths.append(path)
    return paths


def arrow_schema(name: str) -> pa.Schema:
    return pa.schema([pa.field(c, _ARROW[t], nullable=True) for c, t in COLUMNS[name]])


def write_parquet(tables: dict[str, Iterator[Row]], folder: Path) -> list[Path]:
    """One Parquet file per table, written in batches; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rows in tables.items():
        path = folder / f"{name}.parquet"
        schema = arrow_schema(name)
        with pq.ParquetWriter(path, schema) as writer:
            wrote = False
            for batch in _batches(rows):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                wrote = True
            if not wrote:
                writer.write_table(schema.empty_table())
        paths.append(path)
    return paths


def _batches(rows: Iterable[Row]) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        yield batch
