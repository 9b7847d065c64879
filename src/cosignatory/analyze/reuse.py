"""Reused passages: text that two letters share, verbatim or lightly edited.

Owns the method, after passim: each letter's words (signature entries masked out, so a
shared list of names is not a "talking point") are cut into word n-grams; a winnowed
sample of their hashes (the minimum of every window of `window` hashes, which keeps at
least one fingerprint of any shared run of n + window - 1 words) goes into one sorted
array; fingerprints found in few letters (2..max_df) pair those letters, and pairs that
share `min_shared` fingerprints are aligned. Alignment chains the shared n-grams of a
pair into runs, aligns each run's region word by word (Levenshtein on words, rapidfuzz)
and keeps the best-scoring stretch of that alignment path (a Smith–Waterman score:
+1 a matching word, -1 a changed, added or dropped one). Every step is linear in the
corpus but the alignment of candidate pairs; no pair of letters from one document.

`Settings(candidates=Candidates.minhash)` pairs letters by MinHash LSH instead: the band keys
of overlapping passage windows (`cosignatory.analyze.minhash`), one shared key enough.
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray
from rapidfuzz.distance import Levenshtein

from cosignatory.analyze.data import Corpus
from cosignatory.analyze.minhash import passage_keys

WORD = re.compile(r"\w+")
_MULT = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Tokens:
    """A text's words (case-folded, interned) with their character offsets in the document."""

    words: list[str]
    starts: Sequence[int]  # compact arrays: a corpus holds millions of these
    ends: Sequence[int]


@dataclass(frozen=True)
class Text:
    """One unit of comparison: a letter's words, and the group (document) it belongs to."""

    key: str
    group: str
    tokens: Tokens


@dataclass(frozen=True)
class Passage:
    key: str  # letter id
    start: int  # document character offsets, half-open
    end: int
    words: int


@dataclass(frozen=True)
class Reuse:
    """A passage two letters share, with its span in each and how similar they are."""

    a: Passage
    b: Passage
    matched: int  # words aligned as equal
    similarity: float  # 2 * matched / (words in a + words in b)


class Candidates(StrEnum):
    """How pairs of letters to align are found."""

    winnow = "winnow"  # shared winnowed n-gram fingerprints (after passim): the default
    minhash = "minhash"  # MinHash LSH over passage windows (cosignatory.analyze.minhash)


@dataclass(frozen=True)
class Settings:
    """How candidates are found (`candidates`: "winnow" or "minhash") and what is kept."""

    n: int = 5
    candidates: Candidates = Candidates.winnow
    window: int = 4  # winnow: n-gram hashes per window
    min_shared: int = 2  # winnow: fingerprints a candidate pair shares
    span: int = 16  # minhash: n-grams per passage window
    stride: int = 8  # minhash: n-grams between window starts
    bands: int = 16  # minhash: LSH bands ...
    rows: int = 2  # ... of this many MinHash values; a pair shares one band
    max_df: int = 100  # fingerprints or band keys in more letters are boilerplate
    min_words: int = 8
    min_similarity: float = 0.5
    gap: int = 12  # words between shared n-grams of one run
    pad: int = 6  # words of context aligned around a run


def tokenize(text: str, offset: int = 0, masks: Sequence[tuple[int, int]] = ()) -> Tokens:
    """Words of `text` with document offsets, dropping words inside any masked span."""
    words: list[str] = []
    starts = array("q")
    ends = array("q")
    ranges = sorted(masks)
    m = 0
    for match in WORD.finditer(text):
        start, end = match.start() + offset, match.end() + offset
        while m < len(ranges) and ranges[m][1] <= start:
            m += 1
        if m < len(ranges) and ranges[m][0] <= start < ranges[m][1]:
            continue
        words.append(sys.intern(match.group().casefold()))
        starts.append(start)
        ends.append(end)
    return Tokens(words, starts, ends)


_word_hashes: dict[str, int] = {}


def ngram_hashes(words: Sequence[str], n: int) -> NDArray[np.uint64]:
    """A stable 64-bit hash of every run of n words (same words, same hash, any process)."""
    if len(words) < n:
        return np.zeros(0, dtype=np.uint64)
    cache = _word_hashes
    if len(cache) > 2_000_000:
        cache.clear()
    hashed = np.fromiter(
        (cache.get(w) or cache.setdefault(w, zlib.crc32(w.encode()) | 1) for w in words),
        dtype=np.uint64,
        count=len(words),
    )
    size = len(words) - n + 1
    h = np.zeros(size, dtype=np.uint64)
    for k in range(n):
        h = h * _MULT + hashed[k : k + size]
    h ^= h >> np.uint64(31)
    h *= _MULT
    h ^= h >> np.uint64(29)
    return h


def winnow(hashes: NDArray[np.uint64], window: int) -> NDArray[np.uint64]:
    """The distinct minima of every `window` consecutive hashes."""
    if len(hashes) <= window:
        return np.unique(hashes)
    minima = np.lib.stride_tricks.sliding_window_view(hashes, window).min(axis=1)
    return np.unique(minima)


def fingerprints(words: Sequence[str], settings: Settings) -> NDArray[np.uint64]:
    """The distinct keys by which a text meets others: its winnowed n-gram hashes, or the
    MinHash LSH band keys of its passages (`cosignatory.analyze.minhash`)."""
    hashes = ngram_hashes(words, settings.n)
    if settings.candidates is Candidates.minhash:
        return passage_keys(
            hashes,
            span=settings.span,
            stride=settings.stride,
            bands=settings.bands,
            rows=settings.rows,
        )
    return winnow(hashes, settings.window)


def min_common(settings: Settings) -> int:
    """Keys two texts must share to be aligned: `min_shared` fingerprints, or one band."""
    return 1 if settings.candidates is Candidates.minhash else settings.min_shared


def candidate_pairs(texts: Sequence[Text], settings: Settings) -> list[tuple[int, int, int]]:
    """(i, j, shared keys) for pairs of texts from different groups, i < j."""
    prints = [fingerprints(t.tokens.words, settings) for t in texts]
    if not prints:
        return []
    hashes = np.concatenate(prints)
    owners = np.repeat(np.arange(len(prints), dtype=np.int64), [len(p) for p in prints])
    order = np.argsort(hashes, kind="stable")
    hashes, owners = hashes[order], owners[order]
    bounds = np.flatnonzero(np.diff(hashes)) + 1
    starts = np.concatenate(([0], bounds))
    sizes = np.diff(np.concatenate((starts, [len(hashes)])))
    groups = [t.group for t in texts]
    total = len(texts)
    codes: list[NDArray[np.int64]] = []
    twos = starts[sizes == 2]
    if len(twos):
        codes.append(owners[twos] * total + owners[twos + 1])
    for start, size in zip(
        starts[(sizes > 2) & (sizes <= settings.max_df)],
        sizes[(sizes > 2) & (sizes <= settings.max_df)],
        strict=True,
    ):
        members = owners[start : start + size]
        i, j = np.triu_indices(len(members), k=1)
        codes.append(members[i] * total + members[j])
    if not codes:
        return []
    pairs, counts = np.unique(np.concatenate(codes), return_counts=True)
    enough = counts >= min_common(settings)
    out = []
    for code, count in zip(
        pairs[enough].tolist(),
        counts[enough].tolist(),
        strict=True,
    ):
        i, j = divmod(code, total)
        if groups[i] != groups[j]:
            out.append((i, j, count))
    return out


def align(a: Tokens, b: Tokens, settings: Settings) -> list[tuple[int, int, int, int, int]]:
    """Shared passages of two texts as (a_lo, a_hi, b_lo, b_hi, matched) word ranges."""
    n = settings.n
    ha, hb = ngram_hashes(a.words, n), ngram_hashes(b.words, n)
    common = set(np.intersect1d(ha, hb).tolist())
    if not common:
        return []
    in_b: dict[int, list[int]] = {}
    for j, h in enumerate(hb.tolist()):
        if h in common:
            in_b.setdefault(h, []).append(j)
    seeds = [(i, j) for i, h in enumerate(ha.tolist()) if h in common for j in in_b[h][:8]]
    found = []
    for chain in _chains(seeds, settings.gap):
        a_lo = max(0, chain[0][0] - settings.pad)
        a_hi = min(len(a.words), chain[-1][0] + n + settings.pad)
        b_lo = max(0, min(j for _, j in chain) - settings.pad)
        b_hi = min(len(b.words), max(j for _, j in chain) + n + settings.pad)
        best = _local(a.words[a_lo:a_hi], b.words[b_lo:b_hi])
        if best is None:
            continue
        i0, i1, j0, j1, matched = best
        found.append((a_lo + i0, a_lo + i1, b_lo + j0, b_lo + j1, matched))
    return _distinct(found)


def _chains(seeds: list[tuple[int, int]], gap: int) -> list[list[tuple[int, int]]]:
    """Group seed matches into runs that advance in both texts (a reordered list: several)."""
    chains: list[list[tuple[int, int]]] = []
    for i, j in sorted(seeds):
        fits = [c for c in chains if 0 < i - c[-1][0] <= gap and 0 < j - c[-1][1] <= gap]
        if fits:
            min(fits, key=lambda c: abs((j - i) - (c[-1][1] - c[-1][0]))).append((i, j))
        else:
            chains.append([(i, j)])
    return chains


def _local(a: list[str], b: list[str]) -> tuple[int, int, int, int, int] | None:
    """The best-scoring stretch of the word alignment of a and b (+1 equal, -1 otherwise)."""
    best: tuple[int, int, int, int, int] | None = None
    best_score = 0
    score = 0
    start: tuple[int, int] | None = None
    matched = 0
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            if start is None:
                start, score, matched = (op.src_start, op.dest_start), 0, 0
            score += op.src_end - op.src_start
            matched += op.src_end - op.src_start
            if score > best_score:
                best_score = score
                best = (start[0], op.src_end, start[1], op.dest_end, matched)
        elif start is not None:
            score -= max(op.src_end - op.src_start, op.dest_end - op.dest_start)
            if score <= 0:
                start = None
    return best


def _distinct(found: list[tuple[int, int, int, int, int]]) -> list[tuple[int, int, int, int, int]]:
    """Drop passages that mostly overlap a longer one already kept (from a neighbouring run)."""
    kept: list[tuple[int, int, int, int, int]] = []
    for cand in sorted(found, key=lambda f: (-f[4], f[0], f[2])):
        if not any(
            _overlap(cand[0], cand[1], k[0], k[1]) or _overlap(cand[2], cand[3], k[2], k[3])
            for k in kept
        ):
            kept.append(cand)
    return sorted(kept)


def _overlap(lo: int, hi: int, klo: int, khi: int) -> bool:
    return min(hi, khi) - max(lo, klo) > (hi - lo) / 2


def find_reuse(texts: Sequence[Text], settings: Settings = Settings()) -> list[Reuse]:
    """Every shared passage between texts of different groups, most words first."""
    out = []
    for i, j, _ in candidate_pairs(texts, settings):
        a, b = texts[i], texts[j]
        for a_lo, a_hi, b_lo, b_hi, matched in align(a.tokens, b.tokens, settings):
            words_a, words_b = a_hi - a_lo, b_hi - b_lo
            similarity = round(2 * matched / (words_a + words_b), 4)
            if matched < settings.min_words or similarity < settings.min_similarity:
                continue
            out.append(
                Reuse(
                    Passage(a.key, a.tokens.starts[a_lo], a.tokens.ends[a_hi - 1], words_a),
                    Passage(b.key, b.tokens.starts[b_lo], b.tokens.ends[b_hi - 1], words_b),
                    matched,
                    similarity,
                )
            )
    return sorted(out, key=lambda r: (-r.matched, -r.similarity, r.a.key, r.a.start, r.b.key))


def letter_texts(corpus: Corpus) -> list[Text]:
    """Each letter's words in document offsets, its signature entries masked out."""
    masks: dict[str, list[tuple[int, int]]] = {}
    for s in corpus.signings:
        if s.start is not None and s.end is not None:
            masks.setdefault(s.letter_id, []).append((s.start, s.end))
    return [
        Text(
            letter.id,
            letter.document_id,
            tokenize(corpus.text_of(letter), letter.start, masks.get(letter.id, ())),
        )
        for letter in corpus.letters
    ]


def corpus_reuse(corpus: Corpus, settings: Settings = Settings()) -> list[Reuse]:
    """Shared passages between the corpus's letters."""
    return find_reuse(letter_texts(corpus), settings)
