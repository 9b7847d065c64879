"""Latency of `extract()` per document, by kind of document: median milliseconds.

Groups: the shared sample corpus (each file on its own), generated news pages without a
letter, and generated pages with a reproduced letter of fewer than 15 or of 30–45
signatories (`generate_corpus.py`, fixed seed). As a peer in the same process, each group is
also run through segmentation alone (`find_regions`: lines, closings, signature blocks), so
the ratio tells what parsing entries, dates, addressees and reports add to finding the regions.

    python benchmarks/extract_latency.py [--docs 1500] [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate_corpus import build_population, generate_shard

from cosignatory.extract import extract
from cosignatory.model import Document
from cosignatory.segment import find_regions

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def groups(docs: int, seed: int) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for path in sorted(SHARED.glob("*.txt")):
        out[path.name[:12]] = [Document(str(path), path.read_text(encoding="utf-8"), "text")]
    plain: list[Document] = []
    small: list[Document] = []
    large: list[Document] = []
    for record, truth in generate_shard(build_population(seed), seed, 0, docs, 0.1, 0.0):
        doc = Document(record["url"], record["text"], "text", published=record["published"])
        if truth is None:
            plain.append(doc)
        elif truth["reproduced"]:
            n = len(truth["signatories"])
            if n < 15:
                small.append(doc)
            elif 30 <= n <= 45:
                large.append(doc)
    out["no letter"] = plain[:200]
    out["letter <15 sig."] = small[:40]
    out["letter 30-45 sig."] = large[:20]
    return out


def median_ms(run: Callable[[Document], object], docs: list[Document], repeat: int) -> float:
    times = []
    for _ in range(max(1, repeat // len(docs))):
        for doc in docs:
            started = time.perf_counter()
            run(doc)
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1500, help="generated documents to pick from")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--repeat", type=int, default=30, help="runs per group (at least one each)")
    args = ap.parse_args()
    found = groups(args.docs, args.seed)
    for docs in found.values():  # warm up: model, lexicons, caches
        for doc in docs:
            extract(doc)
    head = ("group", "docs", "KB", "extract ms", "segment ms", "ratio")
    print("{:18s} {:>5s} {:>5s} {:>11s} {:>11s} {:>6s}".format(*head))
    for name, docs in found.items():
        if not docs:
            continue
        full = median_ms(extract, docs, args.repeat)
        peer = median_ms(lambda d: find_regions(d.text), docs, args.repeat)
        size = sum(len(d.text) for d in docs) / len(docs) / 1000
        print(f"{name:18s} {len(docs):5d} {size:5.1f} {full:11.2f} {peer:11.2f} {full / peer:6.1f}")


if __name__ == "__main__":
    main()
