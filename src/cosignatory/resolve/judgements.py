"""Human judgements (nomenklatura-style): applied to clusters on every resolution.

Judgements name mentions, not entities, so they survive new entity ids, re-resolution
and a re-ingest into a fresh database (mention ids are derived from content).
A judgement whose mentions are absent from this run is kept but has no effect.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.records import Judgement, Kind


def split_mentions(judgements: Sequence[Judgement], kind: Kind) -> set[str]:
    """Mentions a human split off: each starts in a unit of its own."""
    return {j.left for j in judgements if j.kind == kind and j.verdict == "split"}


def apply(
    judgements: Sequence[Judgement],
    kind: Kind,
    clusters: Clusters,
    unit_of: Callable[[str], int | None],
) -> None:
    """Force merges and register cannot-links, in the order the judgements were made."""
    for j in judgements:
        if j.kind != kind:
            continue
        a, b = unit_of(j.left), unit_of(j.right)
        if a is None or b is None:
            continue
        if j.verdict == "merge":
            clusters.union(a, b, force=True)
        else:
            clusters.forbid(a, b)
