"""Clusters of person profiles with their context: names, organizations over time, co-signers.

Pairwise scores cannot see chains: A ~ B and B ~ C does not make A ~ C. So before two
clusters become one, the whole of both is checked here: every name of one must be
compatible with every name of the other (first name, suffix, gender), the organizations
must read as a career (each organization held over its own span of years, at most
`MAX_ORGS` of them, one span ending at most `OVERLAP_YEARS` after the next begins:
moves, not returns nor concurrent roles, unless many co-signers agree), and co-signers are
counted between clusters, not between single mentions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set

from cosignatory.resolve import features as F
from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.names import PersonName
from cosignatory.resolve.scoring import Weights

MAX_ORGS = 4  # a person holding more organizations than this is several people
OVERLAP_YEARS = 1  # spans in two organizations may share this many years (a move)
CONCURRENT_COSIGNERS = 3  # with this many shared co-signers, concurrent roles are fine

Span = tuple[int, int] | None  # first and last letter year; None when no letter is dated


def _join_span(a: Span, b: Span) -> Span:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))


class PersonClusters:
    """Constrained clusters of person profiles, with cluster-level names, careers, co-signers."""

    def __init__(
        self,
        clusters: Clusters,
        names: Sequence[PersonName],
        orgs: Sequence[str],
        spans: Sequence[Span],
        weights: Weights,
    ) -> None:
        self.c = clusters
        self.w = weights
        self.orgs = orgs
        self.names: dict[int, dict[str, PersonName]] = {i: {n.key: n} for i, n in enumerate(names)}
        self.career: dict[int, dict[str, Span]] = {
            i: {o: spans[i]} if o else {} for i, o in enumerate(orgs)
        }
        self.labels: Sequence[str] = ()
        self.signers: Mapping[str, Set[str]] = {}
        self._cosigners: dict[int, set[str]] = {}
        # Clusters already joined (seeds, judgements) carry their members' context.
        for i in range(len(names)):
            r = clusters.find(i)
            if r != i:
                self._absorb(r, i)

    def find(self, i: int) -> int:
        return self.c.find(i)

    def organizations(self, r: int) -> set[str]:
        return set(self.career[r])

    def freeze_cosigners(self, signers: Mapping[str, Set[str]], labels: Sequence[str]) -> None:
        """Name co-signers by the clusters they are in now (cheap, stable identities):
        `signers` maps a letter to the labels of the clusters with an organization that
        signed it (the letters of other components included); `labels[i]` is profile i's."""
        self.signers = signers
        self.labels = labels
        self._cosigners.clear()

    def cosigners(self, r: int) -> set[str]:
        """Clusters (with an organization) that signed a letter of cluster `r`."""
        out = self._cosigners.get(r)
        if out is None:
            empty: frozenset[str] = frozenset()
            out = set().union(*(self.signers.get(x, empty) for x in self.c.letters[r] or ()))
            self._cosigners[r] = out
        return out

    def shared_cosigners(self, ri: int, rj: int) -> int:
        both = self.cosigners(ri) & self.cosigners(rj)
        return len(both - {self.labels[ri], self.labels[rj]})

    def names_compatible(self, ri: int, rj: int) -> bool:
        ni, nj = self.names[ri].values(), self.names[rj].values()
        return all(F.compatible(x, y, self.w) for x in ni for y in nj)

    def career_compatible(self, ri: int, rj: int, shared: int) -> bool:
        """Can one person have held the organizations of both clusters, when they did?"""
        ci, cj = self.career[ri], self.career[rj]
        new = [(o, s) for o, s in cj.items() if o not in ci]
        if len(ci) + len(new) > MAX_ORGS:
            return False
        if shared >= CONCURRENT_COSIGNERS:
            return True
        for o, s in new:
            for p, t in ci.items():
                if p == o or s is None or t is None:
                    continue
                if s[1] - t[0] > OVERLAP_YEARS and t[1] - s[0] > OVERLAP_YEARS:
                    return False  # neither span ends (about) where the other begins
        return True

    def can_join(self, ri: int, rj: int, shared: int) -> bool:
        return (
            ri != rj
            and self.c.allowed(ri, rj)
            and self.names_compatible(ri, rj)
            and self.career_compatible(ri, rj, shared)
        )

    def join(self, ri: int, rj: int, *, force: bool = False) -> int:
        """Join two clusters (already checked, or `force`d); the new root."""
        self.c.union(ri, rj, force=True) if force else self.c.union(ri, rj)
        root = self.c.find(ri)
        self._absorb(root, rj if root == ri else ri)
        self._cosigners.pop(ri, None)
        self._cosigners.pop(rj, None)
        return root

    def _absorb(self, root: int, other: int) -> None:
        names = self.names.pop(other, {})
        career = self.career.pop(other, {})
        self.names[root] = {**self.names[root], **names}
        mine = self.career[root]
        for o, s in career.items():
            mine[o] = _join_span(mine.get(o), s) if o in mine else s
