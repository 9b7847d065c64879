"""Throughput, cost per document, memory and quality: single-machine path vs Spark local.

For each corpus size: generate a corpus once (`generate_corpus.py`), then run each engine in
a process of its own (so each peak is its own): the single-machine path (`pipeline.ingest`
into a fresh SQLite store, `resolve_store`, then the reuse analysis, each timed) and the
Spark path (`run_spark_ingest`, Parquet out) on local[1] and local[2]. Prints documents/s,
cost per document, time per stage, peak memory of the Python driver (its own max RSS), of
Spark's JVM and of its Python workers (sampled twice a second; workers as summed PSS, since
they are forked and share pages), and quality on the generated truth: signatory name F1 per
document, and pairwise and B-cubed F1 of people and organizations over matched mentions (the
k-th mention of a name in a document is the k-th true signatory printed so). Beside them, the
cap: the B-cubed F1 a perfect name-key resolver would reach on the truth (namesakes are what
no name key can tell apart). Corpora are kept under WORK/SIZE/corpus-vN, N the generator's
version, and reused.

    python benchmarks/pipeline_bench.py --sizes 10000 100000 [--engines single local[2]]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import generate_corpus

from cosignatory.normalize import fold_text

SINGLE = "single"
SEED = 7


def _corpus(work: Path, size: int) -> Path:
    """Where the corpus of `size` documents lives: one folder per generator version, so a
    corpus made by an older generator (another truth) is never scored."""
    return work / str(size) / f"corpus-v{generate_corpus.VERSION}"


class SparkMemory:
    """Peak RSS of Spark's JVM (a child of this process) and peak summed PSS of the Python
    workers under it, sampled."""

    def __init__(self) -> None:
        self.jvm = 0
        self.workers = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> SparkMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            children = _children()
            for jvm in children.get(os.getpid(), []):
                self.jvm = max(self.jvm, _memory(jvm, "Rss"))
                workers, stack = 0, list(children.get(jvm, []))
                while stack:
                    pid = stack.pop()
                    workers += _memory(pid, "Pss")
                    stack.extend(children.get(pid, []))
                self.workers = max(self.workers, workers)


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    out[int(f.read().rsplit(")", 1)[1].split()[1])].append(int(entry))
            except (OSError, IndexError):
                continue
    return out


def _memory(pid: int, field: str) -> int:
    """Bytes of `field` (Rss, Pss) from /proc/PID/smaps_rollup; 0 if the process is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def driver_peak_mb() -> float:
    """This process's peak RSS: VmHWM, since ru_maxrss is inherited across fork and exec
    from the parent (which may have held the corpus while generating it)."""
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def run_single(corpus: Path, work: Path) -> dict[str, Any]:
    from cosignatory import pipeline
    from cosignatory.analyze import corpus_reuse, load_corpus
    from cosignatory.store import Store
    from cosignatory.store.entities import resolve_store

    db = work / "local.db"
    db.unlink(missing_ok=True)
    seconds: dict[str, float] = {}
    with Store.open(db) as store:
        started = time.perf_counter()
        pipeline.ingest(store, sorted(corpus.glob("shard-*.jsonl.gz")), resolve_entities=False)
        seconds["extract+store"] = time.perf_counter() - started
        resolve_store(store)
        seconds["resolve"] = time.perf_counter() - started - sum(seconds.values())
        reuse = corpus_reuse(load_corpus(store))
        seconds["reuse"] = time.perf_counter() - started - sum(seconds.values())
        driver = driver_peak_mb()  # before scoring, which reads every mention
        rows = store.conn.execute(
            "SELECT d.url, m.name, p.entity_id, o.entity_id FROM mentions m"
            " JOIN letters l ON l.id = m.letter_id JOIN documents d ON d.id = l.document_id"
            " LEFT JOIN mention_entities p ON p.mention_id = m.id AND p.kind = 'person'"
            " LEFT JOIN mention_entities o ON o.mention_id = m.id AND o.kind = 'organization'"
            " ORDER BY d.url, l.ordinal, m.ordinal"
        ).fetchall()
    return {
        "seconds": seconds,
        "driver_mb": driver,
        "reuse": len(reuse),
        "quality": quality(corpus, rows),
    }


def run_spark(corpus: Path, work: Path, master: str) -> dict[str, Any]:
    import duckdb

    from cosignatory.engines import run_spark_ingest, session

    out = work / f"spark-{master.replace('[', '-').rstrip(']')}"
    with SparkMemory() as memory:
        spark = session(master)
        report = run_spark_ingest([str(corpus / "shard-*.jsonl.gz")], out, spark=spark)
        spark.stop()
    driver = driver_peak_mb()  # before scoring, which reads every mention
    scan = f"read_parquet('{out}/{{}}/*.parquet')"
    rows = (
        duckdb.connect()
        .sql(
            f"SELECT d.url, m.name, m.person_id, m.organization_id FROM {scan.format('mentions')} m"
            f" JOIN {scan.format('letters')} l ON l.id = m.letter_id"
            f" JOIN {scan.format('documents')} d ON d.id = l.document_id"
            " ORDER BY d.url, l.ordinal, m.ordinal"
        )
        .fetchall()
    )
    shutil.rmtree(out, ignore_errors=True)
    return {
        "seconds": report.seconds,
        "driver_mb": driver,
        "jvm_mb": memory.jvm / 2**20,
        "workers_mb": memory.workers / 2**20,
        "reuse": report.reuse_pairs,
        "quality": quality(corpus, rows),
    }


def quality(corpus: Path, rows: list[tuple[str, str, str | None, str | None]]) -> dict[str, float]:
    """Signatory extraction F1 (names, per document) and resolution F1 on the truth; `rows`
    are (document url, mention name, person id, organization id) in document order.

    A found mention is scored against the true signatory of its document printed with the
    same name, the k-th found with a name against the k-th true one (two namesakes in one
    letter stay two)."""
    truth = _truth(corpus)
    found: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
    for url, name, person, org in rows:
        if name:
            found[url].append((fold_text(name), person, org))
    tp = fp = fn = 0
    people: list[tuple[str, str]] = []  # (true, predicted) of matched mentions
    orgs: list[tuple[str, str]] = []
    for url in set(truth) | set(found):
        true_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for s in truth.get(url, []):
            true_of[fold_text(s["name"])].append(s)
        expected = Counter({n: len(signatories) for n, signatories in true_of.items()})
        got = Counter(n for n, _, _ in found.get(url, []))
        hit = expected & got
        tp += sum(hit.values())
        fp += sum((got - expected).values())
        fn += sum((expected - got).values())
        seen: Counter[str] = Counter()
        for n, person, org in found.get(url, []):
            k, seen[n] = seen[n], seen[n] + 1
            if k >= len(true_of.get(n, ())):
                continue
            true = true_of[n][k]
            if person:
                people.append((true["person"], person))
            if org and true.get("org"):
                orgs.append((true["org"], org))
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {
        "signatory_p": precision,
        "signatory_r": recall,
        "signatory_f1": 2 * precision * recall / max(precision + recall, 1e-9),
        **_cluster_scores(people, "people"),
        **_cluster_scores(orgs, "orgs"),
    }


def _truth(corpus: Path) -> dict[str, list[dict[str, Any]]]:
    """The true signatories of each letter-bearing document (by url), in printed order."""
    truth: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with gzip.open(corpus / "truth.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            for letter in t.get("letters", [t]):
                truth[t["url"]].extend(letter["signatories"])
    return truth


def name_key_cap(corpus: Path, population: generate_corpus.Population) -> dict[str, float]:
    """B-cubed F1 that a perfect name-key resolver reaches on the truth: every mention
    resolved by its true name, as the population spells it (romanization variants, printing
    slips, quotes and the legal form's position and translation all undone). What it misses
    is namesakes: two people or organizations of one name."""
    legal = {"Public Union": "", "Society": "soc", "Association": "soc", "Union": "soc"}
    person = {p.id: p for p in population.people}
    org = {m.org.id: m.org for p in population.people for m in p.memberships}
    people: list[tuple[str, str]] = []
    orgs: list[tuple[str, str]] = []
    for signatories in _truth(corpus).values():
        for s in signatories:
            p = person[s["person"]]
            people.append((p.id, f"{p.first} {p.last}"))
            o = org[s["org"]]
            orgs.append((o.id, f"{o.quoted} {o.body} {legal.get(o.legal, o.legal)}"))
    return {
        "people_bcubed_f1": _cluster_scores(people, "people")["people_bcubed_f1"],
        "orgs_bcubed_f1": _cluster_scores(orgs, "orgs")["orgs_bcubed_f1"],
    }


def _cluster_scores(pairs: list[tuple[str, str]], kind: str) -> dict[str, float]:
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
        f"{kind}_pairwise_p": p,
        f"{kind}_pairwise_r": r,
        f"{kind}_pairwise_f1": 2 * p * r / max(p + r, 1e-9),
        f"{kind}_bcubed_f1": 2 * bp * br / max(bp + br, 1e-9),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/cosignatory-bench"))
    parser.add_argument("--engines", nargs="+", default=[SINGLE, "local[1]", "local[2]"])
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    a = parser.parse_args()
    if a.child:  # one engine on one corpus, in this process; the result as JSON
        engine, work = a.child[0], a.work / a.child[1]
        run = run_single if engine == SINGLE else lambda c, w: run_spark(c, w, engine)
        started = time.perf_counter()
        result = run(_corpus(a.work, int(a.child[1])), work)
        print(json.dumps({**result, "elapsed": time.perf_counter() - started}))
        return
    for size in a.sizes:
        corpus = _corpus(a.work, size)
        if not (corpus / "truth.jsonl.gz").exists():
            generate_corpus.generate(
                corpus, size, shard_size=min(10_000, max(size // 8, 1)), seed=SEED
            )
        mb = sum(p.stat().st_size for p in corpus.glob("shard-*")) / 1e6
        print(f"== {size:,} documents ({mb:.1f} MB gzip JSON Lines)", flush=True)
        cap = name_key_cap(corpus, generate_corpus.build_population(SEED))
        print(
            "  cap on the truth (perfect name-key resolver): "
            + "  ".join(f"{k} {v:.3f}" for k, v in cap.items()),
            flush=True,
        )
        for engine in a.engines:
            child = [sys.executable, __file__, "--work", str(a.work), "--child", engine, str(size)]
            done = subprocess.run(child, capture_output=True, text=True)
            if done.returncode:
                print(f"{engine}: failed: {done.stderr.strip().splitlines()[-1]}", flush=True)
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            elapsed = r["elapsed"]
            memory = f"driver peak {r['driver_mb']:.0f} MB"
            if "jvm_mb" in r:
                memory += f", JVM {r['jvm_mb']:.0f} MB, Python workers {r['workers_mb']:.0f} MB"
            stages = " ".join(f"{k} {v:.0f}s" for k, v in r["seconds"].items())
            print(
                f"{engine:9}: {elapsed:8.1f} s  {size / elapsed:7.1f} docs/s  "
                f"{elapsed / size * 1e3:6.2f} ms/doc  {memory}  ({stages}; "
                f"{r['reuse']} reuse passages)",
                flush=True,
            )
            print(
                "  quality vs truth: " + "  ".join(f"{k} {v:.3f}" for k, v in r["quality"].items()),
                flush=True,
            )


if __name__ == "__main__":
    main()
