"""Constrained union–find: links become clusters unless a constraint forbids the union.

Constraints: two clusters that share a letter are different people (nobody signs one
letter twice); clusters whose countries are both known and disjoint are different
organizations; a cannot-link (a human "not-same" or "split") keeps two clusters apart.
A forced union (a human "merge") ignores every constraint.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set


class Clusters:
    """Union–find over items 0..n-1 with per-cluster letters, countries and cannot-links."""

    def __init__(
        self,
        n: int,
        letters: Sequence[Set[str]] | None = None,
        countries: list[frozenset[str]] | None = None,
    ) -> None:
        self.parent = list(range(n))
        self.size = [1] * n
        # The letters given are read, never changed: a cluster gets a set of its own when it
        # first absorbs another (most never do).
        self.letters: list[Set[str] | None] = list(letters) if letters is not None else [None] * n
        self._merged_letters: dict[int, set[str]] = {}
        self.countries: list[frozenset[str]] = countries or [frozenset()] * n
        self.cannot: dict[int, set[int]] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def forbid(self, a: int, b: int) -> None:
        """Never put the clusters of `a` and `b` together (unless forced)."""
        self.cannot.setdefault(self.find(a), set()).add(b)
        self.cannot.setdefault(self.find(b), set()).add(a)

    def allowed(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        la, lb = self.letters[ra], self.letters[rb]
        if la is not None and lb is not None and not la.isdisjoint(lb):
            return False
        ca, cb = self.countries[ra], self.countries[rb]
        if ca and cb and ca.isdisjoint(cb):
            return False
        for r, other in ((ra, rb), (rb, ra)):
            for x in self.cannot.get(r, ()):
                if self.find(x) == other:
                    return False
        return True

    def union(self, a: int, b: int, *, force: bool = False) -> bool:
        """Join the clusters of `a` and `b`; False when a constraint forbids it."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not force and not self.allowed(ra, rb):
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        la, lb = self.letters[ra], self.letters[rb]
        if la is not None and lb is not None:
            mine = self._merged_letters.get(ra)
            if mine is None:
                mine = self.letters[ra] = self._merged_letters[ra] = set(la)
            mine |= lb
            self.letters[rb] = None
            self._merged_letters.pop(rb, None)
        self.countries[ra] = self.countries[ra] | self.countries[rb]
        moved = self.cannot.pop(rb, None)
        if moved:
            self.cannot.setdefault(ra, set()).update(moved)
        return True

    def groups(self) -> Iterable[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out.values()
