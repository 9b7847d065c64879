"""Benchmark `ingest` on plain-text news documents: documents/s, MB/s and peak memory.

Writes N news-like documents as .txt files (a tenth of them carry an open letter in one of
several layouts, from `generate_corpus.py`), then ingests them into a fresh SQLite store in
this process on one core, storage and resolution included. As a peer in the same run, the
same files are read and their raw text inserted into SQLite with no extraction: the ratio
tells what extraction and resolution cost over bare I/O and storage.

    python benchmarks/ingest_bench.py --docs 5000
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate_corpus import build_population, generate_shard

from cosignatory import pipeline
from cosignatory.store import Store, counts


def write_documents(folder: Path, docs: int, seed: int) -> int:
    """Write `docs` plain-text documents; returns their total size in bytes."""
    population = build_population(seed)
    size = 0
    records = generate_shard(population, seed, 0, docs, 0.1, 0.0)
    for i, (record, _truth) in enumerate(records):
        data = (record["title"] + "\n\n" + record["text"]).encode("utf-8")
        (folder / f"{i:07d}.txt").write_bytes(data)
        size += len(data)
    return size


def bare_store(folder: Path, db: Path) -> float:
    """The peer: read each file and insert its text by hash, no extraction."""
    started = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE documents (sha256 TEXT PRIMARY KEY, source TEXT, text TEXT)")
    for path in sorted(folder.iterdir()):
        text = path.read_bytes().decode("utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        conn.execute("BEGIN")
        conn.execute("INSERT OR IGNORE INTO documents VALUES (?, ?, ?)", (digest, str(path), text))
        conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        size = write_documents(folder, args.docs, args.seed)
        peer = bare_store(folder, Path(tmp) / "bare.db")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        with Store.open(Path(tmp) / "bench.db") as store:
            report = pipeline.ingest(store, [folder])
            stored = counts(store)
        elapsed = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    mb = size / 1e6
    print(f"documents        {report.documents:,} ({mb:.1f} MB of text), failed {report.failed}")
    print(f"found            {stored['letters']:,} letters, {stored['signatories']:,} signatories")
    print(f"ingest           {elapsed:.2f} s = {report.documents / elapsed:,.0f} documents/s, "
          f"{mb / elapsed:.2f} MB/s (one process, storage and resolution included)")  # fmt: skip
    print(
        f"peer (read+insert, no extraction) {peer:.2f} s = "
        f"{report.documents / peer:,.0f} documents/s; ingest/peer = {elapsed / peer:.1f}x"
    )
    print(f"peak RSS         {rss / 1024:.0f} MB (before ingest {rss_before / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
