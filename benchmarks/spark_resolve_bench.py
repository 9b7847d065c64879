"""Benchmark: resolution as Spark jobs against the single-machine resolver, same mentions.

For each size, generate mentions with known truth (`resolve_bench.generate`: romanization
and script variants, typos, look-alike organizations, common names, moves), write them as
Parquet, then resolve them in processes of their own: `resolve()` in one Python process
(the peer), and `engines.spark_resolve.resolve_mentions` on Spark local[1] and local[2].
Prints wall seconds, microseconds per mention (flat cost means near-linear scaling), peak
memory (the peer's RSS; Spark's Python driver RSS, JVM RSS and Python workers' summed PSS,
sampled twice a second), B-cubed F1 of people and organizations against the truth, and
whether Spark assigned every mention to the very entity the peer did.

    python benchmarks/spark_resolve_bench.py --sizes 10000 100000 [--masters local[1] local[2]]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

LOCAL = "local"
ASSIGNMENTS = "mention_id string, kind string, entity_id string"


def _slug(master: str) -> str:
    """A folder name for a master: Spark reads brackets in a path as a glob."""
    return "spark-" + re.sub(r"\W", "", master)


def _generate(size: int, folder: Path) -> None:
    """Mentions as Parquet, and the truth beside them."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from resolve_bench import generate

    records, people, orgs = generate(size)
    table = pa.Table.from_pylist([asdict(r) for r in records])
    (folder / "mentions").mkdir(parents=True)
    pq.write_table(table, folder / "mentions" / "part-0.parquet")
    truth = pa.table({"id": [r.id for r in records], "person": people, "org": orgs})
    pq.write_table(truth, folder / "truth.parquet")


def _peak_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss, not inherited from the parent
    that forked it, which held the generated mentions)."""
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _run_local(folder: Path) -> dict[str, Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cosignatory.resolve import MentionRecord, resolve

    rows = pq.read_table(folder / "mentions").to_pylist()
    records = [MentionRecord(**r) for r in rows]
    started = time.perf_counter()
    res = resolve(records)
    seconds = time.perf_counter() - started
    out = [
        {"mention_id": m, "kind": kind, "entity_id": e}
        for kind, assigned in (("person", res.person_of), ("organization", res.organization_of))
        for m, e in assigned.items()
    ]
    pq.write_table(pa.Table.from_pylist(out), folder / "local.parquet")
    return {"seconds": seconds, "driver_mb": _peak_mb()}


def _run_spark(folder: Path, master: str) -> dict[str, Any]:
    from pipeline_bench import SparkMemory

    from cosignatory.engines import session
    from cosignatory.engines.spark_resolve import resolve_mentions

    spark = session(master)
    work = folder / _slug(master)
    with SparkMemory() as memory:
        started = time.perf_counter()
        mentions = spark.read.parquet(str(folder / "mentions"))
        rows = resolve_mentions(mentions, str(work / "staging"))
        rows.where("row = 'assignment'").select("mention_id", "kind", "entity_id").write.parquet(
            str(work / "assignments")
        )
        seconds = time.perf_counter() - started
    spark.stop()
    return {
        "seconds": seconds,
        "driver_mb": _peak_mb(),
        "jvm_mb": memory.jvm / 2**20,
        "workers_mb": memory.workers / 2**20,
    }


def _score(folder: Path, assignments: str) -> dict[str, Any]:
    """B-cubed F1 against the truth, and agreement with the single-machine assignments."""
    import duckdb
    from resolve_bench import bcubed

    db = duckdb.connect()
    truth = f"read_parquet('{folder / 'truth.parquet'}')"
    out: dict[str, Any] = {}
    for kind, column in (("person", "person"), ("organization", "org")):
        rows = db.sql(
            f"SELECT a.entity_id, t.{column} FROM {assignments} a JOIN {truth} t"
            f" ON a.mention_id = t.id WHERE a.kind = '{kind}' AND t.{column} >= 0"
        ).fetchall()
        out[f"{kind}_b3"] = bcubed([r[0] for r in rows], [r[1] for r in rows])[2]
    local = f"read_parquet('{folder / 'local.parquet'}')"
    out["differ"] = db.sql(
        f"SELECT count(*) FROM (SELECT * FROM {assignments} EXCEPT SELECT * FROM {local}"
        f" UNION ALL (SELECT * FROM {local} EXCEPT SELECT * FROM {assignments}))"
    ).fetchall()[0][0]
    return out


def _child(engine: str, folder: Path) -> dict[str, Any]:
    """Run one engine in a process of its own, so each peak is its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"{engine} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        engine, folder = args.child[0], Path(args.child[1])
        result = _run_local(folder) if engine == LOCAL else _run_spark(folder, engine)
        print(json.dumps(result))
        return
    header = f"{'mentions':>9} {'engine':<9} {'s':>7} {'µs/m':>6} {'driver':>7} {'JVM':>6}"
    print(header + f" {'workers':>7} {'people B3':>9} {'orgs B3':>8} {'differ':>6}")
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix="spark-resolve-"))
        try:
            _generate(size, folder)
            for engine in (LOCAL, *args.masters):
                run = _child(engine, folder)
                where = (
                    f"read_parquet('{folder / 'local.parquet'}')"
                    if engine == LOCAL
                    else f"read_parquet('{folder / _slug(engine)}/assignments/*.parquet')"
                )
                score = _score(folder, where)
                print(
                    f"{size:>9,} {engine:<9} {run['seconds']:>7.1f}"
                    f" {run['seconds'] / size * 1e6:>6.0f} {run['driver_mb']:>7.0f}"
                    f" {run.get('jvm_mb', 0):>6.0f} {run.get('workers_mb', 0):>7.0f}"
                    f" {score['person_b3']:>9.4f} {score['organization_b3']:>8.4f}"
                    f" {score['differ']:>6}",
                    flush=True,
                )
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
