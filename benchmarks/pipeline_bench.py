"""Throughput, cost per document, memory and quality: single-machine path vs Spark local.

For each corpus size: generate a corpus (`generate_corpus.py`), run the single-machine
`pipeline.ingest` into a fresh SQLite store (storage and resolution included), and the Spark
path (`run_spark_ingest`, Parquet out) on local[1] and local[2]. Prints documents/s, cost per
document, peak memory of the driver (this process) and of the Spark workers (Python workers
and the JVM: children of this process, sampled), and extraction and resolution quality of the
Spark output on the generated truth (signatory name F1 per document; pairwise F1 and B-cubed
F1 of people over matched mentions).

    python benchmarks/pipeline_bench.py --sizes 10000 100000 [--skip-local]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import generate_corpus

from cosignatory import pipeline
from cosignatory.engines import run_spark_ingest, session
from cosignatory.normalize import fold_text
from cosignatory.store import Store


class ChildMemory:
    """Peak summed RSS of this process's descendants (Spark's JVM and Python workers)."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ChildMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, _descendants_rss(os.getpid()))


def _descendants_rss(root: int) -> int:
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children[int(fields[1])].append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError):
            continue
    total, stack = 0, list(children[root])
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children[pid])
    return total


def driver_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_local(corpus: Path, work: Path) -> float:
    db = work / "local.db"
    started = time.perf_counter()
    with Store.open(db) as store:
        pipeline.ingest(store, sorted(corpus.glob("shard-*.jsonl.gz")))
    return time.perf_counter() - started


def run_spark(corpus: Path, work: Path, master: str) -> tuple[float, int, Path, str]:
    spark = session(master)
    out = work / f"spark-{master.replace('[', '-').rstrip(']')}"
    with ChildMemory() as memory:
        started = time.perf_counter()
        report = run_spark_ingest([str(corpus / "shard-*.jsonl.gz")], out, spark=spark)
        elapsed = time.perf_counter() - started
    spark.stop()
    stages = " ".join(f"{k} {v:.0f}s" for k, v in report.seconds.items())
    return elapsed, memory.peak, out, stages


def quality(corpus: Path, out: Path) -> dict[str, float]:
    """Signatory extraction F1 (names, per document) and people resolution F1 on the truth."""
    import duckdb

    truth: dict[str, list[dict[str, Any]]] = {}
    with gzip.open(corpus / "truth.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            truth[t["url"]] = t["signatories"]
    scan = f"read_parquet('{out}/{{}}/*.parquet')"
    rows = (
        duckdb.connect()
        .sql(
            f"SELECT d.url, m.name, m.person_id FROM {scan.format('mentions')} m"
            f" JOIN {scan.format('letters')} l ON l.id = m.letter_id"
            f" JOIN {scan.format('documents')} d ON d.id = l.document_id"
        )
        .fetchall()
    )
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for url, name, person in rows:
        if name:
            found[url].append((fold_text(name), person))
    tp = fp = fn = 0
    pairs: list[tuple[str, str]] = []  # (true person, predicted person) of matched mentions
    for url in set(truth) | set(found):
        expected = Counter(fold_text(s["name"]) for s in truth.get(url, []))
        true_of = {fold_text(s["name"]): s["person"] for s in truth.get(url, [])}
        got = Counter(n for n, _ in found.get(url, []))
        hit = expected & got
        tp += sum(hit.values())
        fp += sum((got - expected).values())
        fn += sum((expected - got).values())
        pairs.extend((true_of[n], p) for n, p in found.get(url, []) if n in true_of)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {
        "signatory_p": precision,
        "signatory_r": recall,
        "signatory_f1": 2 * precision * recall / max(precision + recall, 1e-9),
        **_cluster_scores(pairs),
    }


def _cluster_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    by_true: Counter[str] = Counter(t for t, _ in pairs)
    by_pred: Counter[str] = Counter(p for _, p in pairs)
    both: Counter[tuple[str, str]] = Counter(pairs)
    same = sum(c * (c - 1) / 2 for c in both.values())
    true_pairs = sum(c * (c - 1) / 2 for c in by_true.values())
    pred_pairs = sum(c * (c - 1) / 2 for c in by_pred.values())
    p, r = same / max(pred_pairs, 1), same / max(true_pairs, 1)
    bp = sum(c * c / by_pred[pp] for (_, pp), c in both.items()) / max(len(pairs), 1)
    br = sum(c * c / by_true[t] for (t, _), c in both.items()) / max(len(pairs), 1)
    return {
        "people_pairwise_p": p,
        "people_pairwise_r": r,
        "people_pairwise_f1": 2 * p * r / max(p + r, 1e-9),
        "people_bcubed_f1": 2 * bp * br / max(bp + br, 1e-9),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/cosignatory-bench"))
    parser.add_argument("--skip-local", action="store_true")
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    a = parser.parse_args()
    for size in a.sizes:
        work = a.work / str(size)
        corpus = work / "corpus"
        if not (corpus / "truth.jsonl.gz").exists():
            generate_corpus.generate(corpus, size, shard_size=min(10_000, max(size // 8, 1)))
        mb = sum(p.stat().st_size for p in corpus.glob("shard-*")) / 1e6
        print(f"== {size:,} documents ({mb:.1f} MB gzip JSON Lines)")
        if not a.skip_local:
            elapsed = run_local(corpus, work)
            print(
                f"single-machine ingest: {elapsed:8.1f} s  {size / elapsed:7.1f} docs/s  "
                f"{elapsed / size * 1e3:6.2f} ms/doc  driver peak {driver_peak_mb():.0f} MB"
            )
        for master in a.masters:
            elapsed, workers, out, stages = run_spark(corpus, work, master)
            print(
                f"spark {master:9}: {elapsed:8.1f} s  {size / elapsed:7.1f} docs/s  "
                f"{elapsed / size * 1e3:6.2f} ms/doc  driver peak {driver_peak_mb():.0f} MB  "
                f"JVM+workers peak {workers / 1e6:.0f} MB  ({stages})"
            )
        scores = quality(corpus, out)
        print(
            "quality (spark output vs truth): "
            + "  ".join(f"{k} {v:.3f}" for k, v in scores.items())
        )
        for folder in work.glob("spark-*"):
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
