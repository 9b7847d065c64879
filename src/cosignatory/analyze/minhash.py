"""MinHash LSH over a text's passages: keys two texts share when a stretch of one is
similar to a stretch of the other.

A text's word n-gram hashes are cut into windows of `span` n-grams, one every `stride`
(windows overlap, so a shared passage falls well inside some window of each text). Each
window's MinHash signature is its minimum under each of `bands` × `rows` hash functions;
two windows agree on one such minimum with probability equal to the Jaccard similarity s
of their n-gram sets (Broder 1997). The signature is cut into `bands` bands of `rows`
values and each band hashes to one key, so two windows share a key with probability
1 - (1 - s**rows)**bands: the banding of locality-sensitive hashing (Leskovec, Rajaraman
and Ullman, *Mining of Massive Datasets*, ch. 3). With the defaults of
`cosignatory.analyze.reuse.Settings` (16 bands of 2 rows) that is 0.84 at s = 1/3,
0.99 at s = 1/2 and 0.000 016 at s = 1/1000.

Everything is integer arithmetic on NumPy arrays with fixed seeds: the same words give the
same keys in any process, which is what lets Spark executors and the single-machine
analysis find the same candidates.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

_MAX_HASHES = 256
_SEEDS = np.random.default_rng(0x5EED).integers(1, 2**63, size=_MAX_HASHES, dtype=np.uint64)
_MULT = np.uint64(0xBF58476D1CE4E5B9)
_MULT2 = np.uint64(0x94D049BB133111EB)


def mix(x: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """SplitMix64's finalizer: a bijection of 64-bit integers that scatters every input bit."""
    x = x ^ (x >> np.uint64(30))
    x = x * _MULT
    x ^= x >> np.uint64(27)
    x *= _MULT2
    x ^= x >> np.uint64(31)
    return x


def signatures(hashes: NDArray[np.uint64], span: int, stride: int, size: int) -> NDArray[np.uint64]:
    """One row per window of `span` hashes taken every `stride` (a text shorter than `span`
    is one window): the window's minimum under each of `size` hash functions."""
    if size > _MAX_HASHES:
        raise ValueError(f"at most {_MAX_HASHES} hash functions, not {size}")
    if span % stride:
        raise ValueError(f"span ({span}) must be a multiple of stride ({stride})")
    if len(hashes) == 0:
        return np.zeros((0, size), dtype=np.uint64)
    permuted = mix(hashes[:, None] ^ _SEEDS[None, :size])
    if len(hashes) <= span:
        whole: NDArray[np.uint64] = permuted.min(axis=0, keepdims=True)
        return whole
    blocks = np.minimum.reduceat(permuted, np.arange(0, len(hashes), stride), axis=0)
    per_window = span // stride
    windows = len(blocks) - per_window + 1
    minima = blocks[:windows].copy()
    for k in range(1, per_window):
        np.minimum(minima, blocks[k : k + windows], out=minima)
    return minima


def band_keys(signature: NDArray[np.uint64], bands: int, rows: int) -> NDArray[np.uint64]:
    """The distinct keys of a text's windows: one per (window, band), hashing the band's
    `rows` minima with the band's number (equal bands of different numbers never meet)."""
    if len(signature) == 0:
        return np.zeros(0, dtype=np.uint64)
    parts = signature[:, : bands * rows].reshape(len(signature), bands, rows)
    keys = np.broadcast_to(np.arange(1, bands + 1, dtype=np.uint64), parts.shape[:2]).copy()
    for r in range(rows):
        keys = mix(keys * _MULT + parts[:, :, r])
    return np.unique(keys)


def passage_keys(
    hashes: NDArray[np.uint64], *, span: int, stride: int, bands: int, rows: int
) -> NDArray[np.uint64]:
    """The LSH keys of a text, given the hashes of its word n-grams in order."""
    return band_keys(signatures(hashes, span, stride, bands * rows), bands, rows)
