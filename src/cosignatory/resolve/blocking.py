"""Blocking: which pairs of profiles are worth comparing, in near-linear time.

Every profile gets a few block keys; pairs come from profiles sharing a key. A block
too large to compare all-pairs (a very common name) is compared in a sorted window
instead, so the number of pairs stays near-linear in the number of profiles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

MAX_BLOCK = 32
WINDOW = 6
MAX_ANCHORS = 64


def _oversize(
    members: list[int], sort_key: Callable[[int], str], satellite: Sequence[bool] | None
) -> Iterator[tuple[int, int]]:
    """Pairs in a block too large for all-pairs: a sorted window, and every satellite
    against every anchor while the anchors are few."""
    ordered = sorted(members, key=sort_key)
    yield from ((a, b) for x, a in enumerate(ordered) for b in ordered[x + 1 : x + 1 + WINDOW])
    if satellite is None:
        return
    anchors = [i for i in members if not satellite[i]]
    if len(anchors) <= MAX_ANCHORS:
        yield from ((s, a) for s in members if satellite[s] for a in anchors)


def block_pairs(
    members: list[int], sort_key: Callable[[int], str], satellite: Sequence[bool] | None = None
) -> Iterable[tuple[int, int]]:
    """The pairs compared in one block (`members` in increasing order): all pairs of a small
    block, a sorted window (and satellites against anchors) in a large one. A block's pairs
    depend on its members alone, so an engine can make them block by block."""
    if len(members) <= MAX_BLOCK:
        return ((a, b) for x, a in enumerate(members) for b in members[x + 1 :])
    return _oversize(members, sort_key, satellite)


def candidate_pairs(
    keys: Sequence[Iterable[str]],
    sort_key: Callable[[int], str],
    fresh: Sequence[bool] | None = None,
    satellite: Sequence[bool] | None = None,
) -> Iterator[tuple[int, int]]:
    """Distinct pairs (i < j) of items sharing a block key; with `fresh`, only pairs
    where at least one side is fresh (incremental resolution). `satellite` items (too
    poor in evidence to be compared among themselves, as a name without organization)
    are, in a large block, compared with every anchor (the other items) of it."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            blocks[k].append(i)
    seen: set[int] = set()
    n = len(keys)
    for members in blocks.values():
        if len(members) < 2:
            continue
        if fresh is not None and not any(fresh[i] for i in members):
            continue
        for a, b in block_pairs(members, sort_key, satellite):
            i, j = (a, b) if a < b else (b, a)
            if fresh is not None and not (fresh[i] or fresh[j]):
                continue
            code = i * n + j
            if code not in seen:
                seen.add(code)
                yield i, j
