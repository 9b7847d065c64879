"""Benchmark: ingesting one more document into a resolved store of N mentions.

Builds a SQLite store of N generated mentions (`resolve_bench.generate`: romanization
variants, look-alike organizations, known truth), one document per letter, resolves it
from scratch (`resolve_store(full=True)`), then stores one more letter of the same
generated world and resolves incrementally, as `cosignatory ingest` does. Prints the
wall time and the number of mentions read by each, and how the new mentions were placed
against a from-scratch resolution of the whole store (B-cubed over the new mentions'
clusters, and against the truth).

    python benchmarks/incremental_bench.py [--mentions N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_bench import generate

from cosignatory.model import Document, Letter, Signatory
from cosignatory.resolve import MentionRecord
from cosignatory.store import Store, save_extraction
from cosignatory.store import entities as E
from cosignatory.store.letters import letter_id, mention_id


def store_letters(store: Store, letters: list[list[MentionRecord]]) -> dict[str, str]:
    """Save each generated letter as a document; generated mention id → stored mention id."""
    ids: dict[str, str] = {}
    with store.transaction():
        for mentions in letters:
            doc = Document(f"generated/{mentions[0].letter_id}", mentions[0].letter_id, "text")
            letter = Letter(
                False,
                mentions[0].date,
                signatories=tuple(Signatory(m.name, m.role, m.organization) for m in mentions),
            )
            save_extraction(store, doc, [letter], "bench")
            lid = letter_id(doc.id, 0)
            ids.update((m.id, mention_id(lid, k)) for k, m in enumerate(mentions))
    return ids


def clusters_of(store: Store, kind: str, mentions: set[str]) -> dict[str, frozenset[str]]:
    """For each of `mentions`, every stored mention of its entity."""
    groups: dict[str, set[str]] = defaultdict(set)
    of: dict[str, str] = {}
    for m, e in store.conn.execute(
        "SELECT mention_id, entity_id FROM mention_entities WHERE kind = ?", (kind,)
    ):
        groups[e].add(m)
        of[m] = e
    return {m: frozenset(groups[of[m]]) for m in mentions if m in of}


def bcubed(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> float:
    """B-cubed F1 of clustering `a` against `b`, over the mentions both place."""
    keys = [m for m in a if m in b]
    p = sum(len(a[m] & b[m]) / len(a[m]) for m in keys) / max(len(keys), 1)
    r = sum(len(a[m] & b[m]) / len(b[m]) for m in keys) / max(len(keys), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    args = ap.parse_args()
    records, truth, _ = generate(args.mentions + 20)
    by_letter: dict[str, list[MentionRecord]] = defaultdict(list)
    for r in records:
        by_letter[r.letter_id].append(r)
    letters = list(by_letter.values())
    last = letters[-2]  # the last complete letter (generation cuts the very last one)
    old = letters[:-2] + letters[-1:]
    person_of_truth = {r.id: t for r, t in zip(records, truth, strict=True)}
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        t0 = time.perf_counter()
        store_ids = store_letters(store, old)
        stored = store.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        took = time.perf_counter() - t0
        print(f"Stored {stored:,} mentions in {len(old):,} documents: {took:.1f} s")
        t0 = time.perf_counter()
        full = E.resolve_store(store, full=True)
        print(
            f"  full resolution:        {time.perf_counter() - t0:6.2f} s, "
            f"{full.loaded:,} mentions read"
        )
        ids = store_letters(store, [last])
        ids.update(store_ids)
        t0 = time.perf_counter()
        inc = E.resolve_store(store)
        wall = time.perf_counter() - t0
        print(
            f"  one more document ({len(last)} mentions), incremental: {wall:6.3f} s, "
            f"{inc.loaded:,} mentions read ({inc.new_mentions} new)"
        )
        new = {ids[r.id] for r in last}
        inc_people = clusters_of(store, "person", new)
        inc_orgs = clusters_of(store, "organization", new)
        E.resolve_store(store, full=True)
        full_people = clusters_of(store, "person", new)
        full_orgs = clusters_of(store, "organization", new)
        members: dict[int, set[str]] = defaultdict(set)
        for generated, t in person_of_truth.items():
            members[t].add(ids[generated])
        true_people = {
            m: frozenset(members[person_of_truth[g]]) for g, m in ids.items() if m in new
        }
        print(
            f"  new mentions' clusters, B-cubed F1: incremental vs full: people "
            f"{bcubed(inc_people, full_people):.3f}, organizations "
            f"{bcubed(inc_orgs, full_orgs):.3f}; people vs truth: incremental "
            f"{bcubed(inc_people, true_people):.3f}, "
            f"full {bcubed(full_people, true_people):.3f}"
        )


if __name__ == "__main__":
    main()
