"""A generic Fellegi–Sunter record linkage model, for records with arbitrary fields.

Each field is compared at a few levels: exact, then similarity bands (Jaro–Winkler for
names and words, edit distance for codes and dates), then "differs"; a missing value is
its own level and weighs nothing. A level's weight is log2(m/u): m the chance of that
level for two records of one entity, u for two records of different entities. u is
measured on random pairs of records (almost all of them non-matches), m and the share of
matches among candidate pairs are estimated by expectation–maximisation from documented
starting priors, as in Fellegi & Sunter (1969) and Winkler (1988). Every score is the sum
of its fields' weights, so it can be read off like any other `Feature` list.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz.distance import OSA, JaroWinkler

from cosignatory.resolve.blocking import candidate_pairs
from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.records import Feature

Record = Mapping[str, str | None]
MISSING = -1


@dataclass(frozen=True)
class Field:
    """How one field is compared: `text` by Jaro–Winkler bands, `code` by edit distance."""

    name: str
    kind: Literal["text", "code", "exact"] = "text"
    bands: tuple[float, ...] = (0.92, 0.8)  # text: JW ≥ band; code: OSA distance ≤ band

    @property
    def levels(self) -> int:
        """exact, one per band, differs (the missing level is apart)."""
        return 2 if self.kind == "exact" else 2 + len(self.bands)

    def level(self, a: str | None, b: str | None) -> int:
        if not a or not b:
            return MISSING
        if a == b:
            return 0
        for k, band in enumerate(self.bands if self.kind != "exact" else ()):
            if (self.kind == "text" and JaroWinkler.similarity(a, b) >= band) or (
                self.kind == "code" and OSA.distance(a, b, score_cutoff=int(band)) <= band
            ):
                return k + 1
        return self.levels - 1


# Starting priors of m, by level, before EM: an exact value for ~85% of true pairs,
# the similarity bands for most of the rest, a differing value for 5% (typos, moves).
_M_PRIOR = {2: (0.9, 0.1), 3: (0.8, 0.15, 0.05), 4: (0.75, 0.12, 0.08, 0.05)}


@dataclass
class Model:
    """m and u per field and level, and λ, the share of matches among candidate pairs."""

    fields: tuple[Field, ...]
    m: list[list[float]]
    u: list[list[float]]
    prior: float = 0.01
    iterations: int = 0
    history: list[float] = field(default_factory=list)

    def weight(self, f: int, level: int) -> float:
        if level == MISSING:
            return 0.0
        return math.log2(self.m[f][level] / self.u[f][level])

    def score(self, levels: Sequence[int]) -> float:
        """log2 Bayes factor of a comparison vector (the prior left out)."""
        return sum(self.weight(f, lv) for f, lv in enumerate(levels))

    def probability(self, levels: Sequence[int]) -> float:
        odds = math.log2(self.prior / (1 - self.prior)) + self.score(levels)
        return 1 / (1 + 2 ** -max(min(odds, 60.0), -60.0))

    def explain(self, levels: Sequence[int]) -> tuple[Feature, ...]:
        out = []
        for f, lv in enumerate(levels):
            fd = self.fields[f]
            label = (
                "missing"
                if lv == MISSING
                else "exact"
                if lv == 0
                else "differs"
                if lv == fd.levels - 1
                else f"within {fd.bands[lv - 1]}"
            )
            out.append(Feature(fd.name, self.weight(f, lv), label))
        return tuple(out)


def compare(fields: Sequence[Field], a: Record, b: Record) -> tuple[int, ...]:
    return tuple(f.level(a.get(f.name), b.get(f.name)) for f in fields)


def _u_from_random_pairs(
    fields: Sequence[Field], records: Sequence[Record], pairs: int, seed: int
) -> list[list[float]]:
    rng = random.Random(seed)
    counts = [[1.0] * f.levels for f in fields]  # add-one smoothing: no level is impossible
    n = len(records)
    for _ in range(pairs):
        i, j = rng.randrange(n), rng.randrange(n)
        if i == j:
            continue
        for k, lv in enumerate(compare(fields, records[i], records[j])):
            if lv != MISSING:
                counts[k][lv] += 1
    return [[c / sum(row) for c in row] for row in counts]


def estimate(
    fields: Sequence[Field],
    records: Sequence[Record],
    vectors: Iterable[tuple[int, ...]],
    *,
    random_pairs: int = 100_000,
    max_iterations: int = 50,
    tolerance: float = 1e-5,
    seed: int = 1,
) -> Model:
    """u from random pairs; m and λ by EM over the comparison vectors of candidate pairs."""
    fields = tuple(fields)
    u = _u_from_random_pairs(fields, records, random_pairs, seed)
    m = [list(_M_PRIOR.get(f.levels, _M_PRIOR[4])[: f.levels]) for f in fields]
    model = Model(fields, m, u, prior=0.1)
    patterns = Counter(vectors)  # EM over distinct vectors, weighted by their count
    total = sum(patterns.values())
    if not total:
        return model
    for it in range(max_iterations):
        m_counts = [[1e-3] * f.levels for f in fields]
        expected = 0.0
        for vec, count in patterns.items():
            p = model.probability(vec) * count
            expected += p
            for k, lv in enumerate(vec):
                if lv != MISSING:
                    m_counts[k][lv] += p
        model.m = [[c / sum(row) for c in row] for row in m_counts]
        new_prior = min(max(expected / total, 1e-6), 1 - 1e-6)
        change = abs(new_prior - model.prior)
        model.prior, model.iterations = new_prior, it + 1
        model.history.append(new_prior)
        if change < tolerance:
            break
    return model


def link(
    records: Sequence[Record],
    fields: Sequence[Field],
    block_keys: Callable[[Record], Iterable[str]],
    *,
    threshold: float = 0.9,
    random_pairs: int = 100_000,
) -> tuple[list[int], Model]:
    """Cluster `records`: candidate pairs by block keys, EM-trained model, pairs whose match
    probability (against the share of matches among all pairs) reaches `threshold` joined.
    Returns a cluster label per record and the model (its `prior` that all-pairs share)."""
    keys = [list(block_keys(r)) for r in records]
    pairs = list(candidate_pairs(keys, lambda i: "|".join(keys[i])))
    vectors = [compare(fields, records[i], records[j]) for i, j in pairs]
    model = estimate(fields, records, vectors, random_pairs=random_pairs)
    # λ was learnt among candidate pairs, most of them matches: a pair's probability is
    # judged against the share of matches among all pairs, as the blocking did not see it.
    n = len(records)
    matches = model.prior * len(pairs)
    model.prior = min(max(matches / max(n * (n - 1) / 2, 1), 1e-12), 0.5)
    clusters = Clusters(len(records))
    scored = sorted(
        ((model.probability(v), i, j) for (i, j), v in zip(pairs, vectors, strict=True)),
        reverse=True,
    )
    for p, i, j in scored:
        if p >= threshold:
            clusters.union(i, j)
    label = [0] * len(records)
    for g, members in enumerate(clusters.groups()):
        for i in members:
            label[i] = g
    return label, model
