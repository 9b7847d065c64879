"""Benchmark `reuse` and `network` on a generated corpus of up to 100,000 letters.

Each letter has ~150 words: filler sentences drawn from a 20,000-word vocabulary, plus one or
two "talking points" (n/4 of them, ~25 words each) copied with light edits (a word dropped or
swapped), and 3-12 signatories drawn mostly from one of many campaigns (groups of ~40
people, each with an organization). Every size runs in a fresh subprocess so its peak RSS
is its own. Reuse runs with each way of finding candidate pairs: winnowed n-gram
fingerprints (the default) and MinHash LSH over passage windows, with pair recall and
precision against the talking points each letter truly carries. Peers, in the same run:
reuse against naive all-pairs comparison of the same letters' n-gram sets (small size only:
it is quadratic), network projection against networkx's `bipartite.weighted_projected_graph`.

    .venv/bin/python benchmarks/analysis_bench.py                 # 10k, 30k, 100k
    .venv/bin/python benchmarks/analysis_bench.py --sizes 2000 5000 --tasks reuse
    .venv/bin/python benchmarks/analysis_bench.py --store news.db   # both methods on a store
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cosignatory.analyze.data import Corpus, LetterInfo, Signing
from cosignatory.analyze.network import build_network, participants
from cosignatory.analyze.reuse import (
    Candidates,
    Settings,
    candidate_pairs,
    find_reuse,
    letter_texts,
    ngram_hashes,
)

SEED = 11


def generate(n: int) -> tuple[Corpus, list[set[int]]]:
    """n letters; also returns, per letter, the talking points it carries (the truth)."""
    rng = random.Random(SEED)
    vocab = [f"w{i}" for i in range(20_000)]
    weights = [1 / (i + 1) ** 0.9 for i in range(len(vocab))]
    # about five letters carry each talking point, at every size: the true pairs grow with n
    points = [" ".join(rng.choices(vocab, weights, k=25)) for _ in range(max(200, n // 4))]
    campaigns = max(10, n // 25)
    letters, signings, texts, truth = [], [], {}, []
    for i in range(n):
        chosen = set(rng.sample(range(len(points)), rng.choice((1, 1, 2))))
        parts = []
        for _ in range(6):
            parts.append(" ".join(rng.choices(vocab, weights, k=rng.randint(12, 22))) + ".")
        for p in chosen:
            words = points[p].split()
            if rng.random() < 0.5:
                del words[rng.randrange(len(words))]
            if rng.random() < 0.5:
                j = rng.randrange(len(words) - 1)
                words[j], words[j + 1] = words[j + 1], words[j]
            parts.insert(rng.randrange(len(parts)), " ".join(words) + ".")
        text = " ".join(parts)
        doc = f"d{i:06d}"
        texts[doc] = text
        campaign = rng.randrange(campaigns)
        lid = f"{doc}-0"
        letters.append(
            LetterInfo(
                lid,
                doc,
                f"{doc}.txt",
                f"20{10 + i % 15}-01-01",
                None,
                True,
                None,
                None,
                0,
                len(text),
                (f"Campaign {campaign}",),
                (),
            )
        )
        members = {campaign * 40 + rng.randrange(40) for _ in range(rng.randint(3, 12))}
        if rng.random() < 0.3:
            members.add(rng.randrange(campaigns * 40))
        for k, person in enumerate(sorted(members)):
            signings.append(
                Signing(
                    f"{lid}-{k}",
                    lid,
                    f"P {person}",
                    None,
                    f"O {person // 8}",
                    None,
                    None,
                    f"p-{person}",
                    f"o-{person // 8}",
                )
            )
        truth.append(chosen)
    return Corpus(letters, signings, texts), truth


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_reuse(n: int, candidates: Candidates = Candidates.winnow) -> dict[str, float]:
    corpus, truth = generate(n)
    settings = Settings(candidates=candidates)
    base = peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    texts = letter_texts(corpus)
    found = find_reuse(texts, settings)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    candidates_cpu = time.process_time()  # the candidate step alone, timed again apart
    pairs = len(candidate_pairs(texts, settings))
    candidates_cpu = time.process_time() - candidates_cpu
    index = {letter.id: int(letter.document_id[1:]) for letter in corpus.letters}
    true_pairs = _true_pairs(truth)
    hit = {tuple(sorted((index[r.a.key], index[r.b.key]))) for r in found}
    return {
        "letters": n,
        "seconds": seconds,
        "cpu": cpu,
        "letters_per_s": n / cpu,
        "candidates": pairs,
        "candidates_cpu": candidates_cpu,
        "passages": len(found),
        "true_pairs": len(true_pairs),
        "recall": len(hit & true_pairs) / max(1, len(true_pairs)),
        "precision": len(hit & true_pairs) / max(1, len(hit)),
        "peak_mb": peak_mb(),
        "corpus_mb": base,
    }


def _true_pairs(truth: list[set[int]]) -> set[tuple[int, int]]:
    holders: dict[int, list[int]] = {}
    for i, chosen in enumerate(truth):
        for p in chosen:
            holders.setdefault(p, []).append(i)
    return {pair for letters in holders.values() for pair in combinations(letters, 2)}


def run_naive(n: int) -> dict[str, float]:
    """Peer: every pair of letters compared on their sets of 5-gram hashes (quadratic)."""
    corpus, _ = generate(n)
    texts = letter_texts(corpus)
    start = time.process_time()
    sets = [set(ngram_hashes(t.tokens.words, 5).tolist()) for t in texts]
    pairs = sum(1 for a, b in combinations(range(len(sets)), 2) if len(sets[a] & sets[b]) >= 2)
    seconds = time.process_time() - start
    ours = time.process_time()
    find_reuse(texts, Settings())
    ours = time.process_time() - ours
    return {"letters": n, "naive_seconds": seconds, "naive_pairs": pairs, "ours_seconds": ours}


def run_network(n: int) -> dict[str, float]:
    corpus, _ = generate(n)
    start, cpu = time.perf_counter(), time.process_time()
    network = build_network(corpus)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peer = None
    if n <= 30_000:
        import networkx as nx

        start = time.process_time()
        projection = build_network(corpus, measures=False)
        ours_projection = time.process_time() - start
        start = time.process_time()
        bipartite = nx.Graph()
        tops = set()
        for letter_id, nodes in participants(corpus).items():
            for node in nodes:
                bipartite.add_edge(node.entity, letter_id)
                tops.add(node.entity)
        peer_graph = nx.bipartite.weighted_projected_graph(bipartite, tops)
        peer = time.process_time() - start
        assert peer_graph.number_of_edges() == projection.graph.number_of_edges()
    else:
        ours_projection = None
    return {
        "letters": n,
        "seconds": seconds,
        "cpu": cpu,
        "nodes": network.graph.number_of_nodes(),
        "edges": network.graph.number_of_edges(),
        "peak_mb": peak_mb(),
        "projection_seconds": ours_projection,
        "networkx_projection_seconds": peer,
    }


TASKS = {
    "reuse": run_reuse,
    "reuse-minhash": lambda n: run_reuse(n, Candidates.minhash),
    "naive": run_naive,
    "network": run_network,
}


def child(task: str, n: int) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, __file__, "--child", task, str(n)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(run.stdout))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 30_000, 100_000])
    parser.add_argument("--peer-size", type=int, default=2_000)
    parser.add_argument("--tasks", nargs="+", default=["reuse", "network"])
    parser.add_argument("--store", type=Path, help="compare the reuse methods on this store")
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.store:
        compare_on_store(args.store)
        return
    if args.child:
        print(json.dumps(TASKS[args.child[0]](int(args.child[1]))))
        return
    if "reuse" in args.tasks:
        bench_reuse(args.sizes, args.peer_size)
    if "network" in args.tasks:
        bench_network(args.sizes)


def bench_reuse(sizes: list[int], peer_size: int) -> None:
    winnowed: dict[int, float] = {}
    for task, title in (
        ("reuse", "candidate pairs by winnowed rare 5-grams"),
        ("reuse-minhash", "candidate pairs by MinHash LSH over passages, 16 bands x 2 rows"),
    ):
        print(f"reuse ({title}, then word alignment):")
        previous = None
        for n in sizes:
            r = child(task, n)
            growth = (
                f"  x{r['cpu'] / previous[1]:.2f} CPU time for x{n / previous[0]:.1f} letters"
                if previous
                else ""
            )
            winnowed.setdefault(n, r["cpu"])
            print(
                f"  {n:>7} letters: {r['cpu']:7.1f} s CPU ({r['seconds']:.1f} s wall; "
                f"x{r['cpu'] / winnowed[n]:.2f} winnowing's)  "
                f"{r['letters_per_s']:6.0f} letters/CPU-s  "
                f"peak {r['peak_mb']:6.0f} MB (corpus alone {r['corpus_mb']:.0f} MB)  "
                f"{r['candidates']} candidate pairs ({r['candidates_cpu']:.1f} s)  "
                f"{r['passages']} passages  pair recall {r['recall']:.3f} "
                f"precision {r['precision']:.3f}{growth}"
            )
            previous = (n, r["cpu"])
    p = child("naive", peer_size)
    print(
        f"  peer, naive all-pairs on {p['letters']} letters: {p['naive_seconds']:.1f} s CPU "
        f"vs ours {p['ours_seconds']:.2f} s (x{p['naive_seconds'] / p['ours_seconds']:.0f}); "
        f"all-pairs grows with n^2: x{(100_000 / p['letters']) ** 2:.0f} more at 100k"
    )


def compare_on_store(path: Path) -> None:
    """Both candidate methods on the letters of a store: pairs, passages, time, agreement."""
    from cosignatory.analyze import load_corpus
    from cosignatory.store import Store

    with Store.open(path, create=False) as store:
        texts = letter_texts(load_corpus(store))
    print(f"reuse on {path} ({len(texts)} letters):")
    found = {}
    for candidates in Candidates:
        settings = Settings(candidates=candidates)
        start = time.process_time()
        pairs = len(candidate_pairs(texts, settings))
        middle = time.process_time()
        passages = {(r.a.key, r.a.start, r.b.key, r.b.start) for r in find_reuse(texts, settings)}
        seconds = time.process_time() - middle
        found[candidates] = passages
        print(
            f"  {candidates:8}: {pairs} candidate pairs ({middle - start:.2f} s CPU), "
            f"{len(passages)} passages ({seconds:.1f} s CPU with the candidate step)"
        )
    winnowed, minhashed = found[Candidates.winnow], found[Candidates.minhash]
    print(
        f"  both find {len(winnowed & minhashed)}; only winnowing {len(winnowed - minhashed)}, "
        f"only MinHash {len(minhashed - winnowed)}"
    )


def bench_network(sizes: list[int]) -> None:
    print("network (projection, degree, betweenness, Louvain, k-core):")
    previous = None
    for n in sizes:
        r = child("network", n)
        growth = (
            f"  x{r['cpu'] / previous[1]:.2f} CPU time for x{n / previous[0]:.1f} letters"
            if previous
            else ""
        )
        peer = ""
        if r["networkx_projection_seconds"]:
            peer = (
                f"  projection {r['projection_seconds']:.2f} s vs networkx bipartite"
                f" projection {r['networkx_projection_seconds']:.2f} s"
            )
        print(
            f"  {n:>7} letters: {r['cpu']:7.1f} s CPU ({r['seconds']:.1f} s wall)  "
            f"{r['nodes']} nodes {r['edges']} edges  "
            f"peak {r['peak_mb']:6.0f} MB{growth}{peer}"
        )
        previous = (n, r["cpu"])


if __name__ == "__main__":
    main()
