"""Entry-level accuracy of the signature-entry parsers on held-out generated entries.

The held-out set (`training.generate(held=True)`) draws names, places, quoted words, topics
and adjectives from a vocabulary slice the tagger never saw, and adds three layouts never
used in training (table rows `| a | b | c |`, `Name / Role, Org`, `Org: Name (Role)`).
An entry counts as right when name, role and organization are all exactly right.
Prints accuracy for the rules alone, the tagger alone and the combination that ships,
over all held-out entries, the seen layouts and the unseen layouts, plus timing.

    python benchmarks/entry_tagger_eval.py [--n 3000]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from cosignatory.extract import training
from cosignatory.extract.signatures import Piece, clean, parse_entry

Parts = tuple[str | None, str | None, str | None]
METHODS = ("rules", "tagger", "combined")
UNSEEN = {f.__name__ for f, _ in training.HELD_LAYOUTS}


def expected(ex: training.Example) -> Parts:
    role = " ".join(ex.role.split()).strip(" ,;:") if ex.role else None
    return (clean(ex.name) if ex.name else None, role, clean(ex.org) if ex.org else None)


def parsed(ex: training.Example, method: str) -> Parts:
    found = parse_entry(ex.text, Piece(0, len(ex.text)), method=method)
    if len(found) != 1:
        return (None, None, None) if not found else ("<several>", None, None)
    s = found[0]
    return (s.name, s.role, s.organization)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=3000, help="held-out entries")
    args = ap.parse_args()
    held = training.generate(args.n, held=True)
    right: Counter[tuple[str, str]] = Counter()
    fields: Counter[tuple[str, int]] = Counter()
    total: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    for method in METHODS:
        t0 = time.perf_counter()
        results = [parsed(ex, method) for ex in held]
        seconds[method] = time.perf_counter() - t0
        for ex, got in zip(held, results, strict=True):
            want = expected(ex)
            group = "unseen layouts" if ex.layout in UNSEEN else "seen layouts"
            right[(method, "all")] += got == want
            right[(method, group)] += got == want
            for i in range(3):
                fields[(method, i)] += got[i] == want[i]
    for ex in held:
        total["unseen layouts" if ex.layout in UNSEEN else "seen layouts"] += 1
    n = len(held)
    print(f"held-out entries: {n} ({total['unseen layouts']} in unseen layouts), unseen vocabulary")
    print(f"{'method':10s} {'all':>7s} {'seen':>7s} {'unseen':>7s} {'name':>7s} {'role':>7s} "
          f"{'org':>7s} {'µs/entry':>9s}")  # fmt: skip
    for m in METHODS:
        print(
            f"{m:10s} {right[(m, 'all')] / n:7.3f} "
            f"{right[(m, 'seen layouts')] / max(1, total['seen layouts']):7.3f} "
            f"{right[(m, 'unseen layouts')] / max(1, total['unseen layouts']):7.3f} "
            f"{fields[(m, 0)] / n:7.3f} {fields[(m, 1)] / n:7.3f} {fields[(m, 2)] / n:7.3f} "
            f"{seconds[m] / n * 1e6:9.1f}"
        )


if __name__ == "__main__":
    main()
