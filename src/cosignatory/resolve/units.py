"""Units: the groups of mentions resolution compares as one, and the entities they end in.

Mentions that share a unit key (the same organization name key; the same person name key
in the same organization) are one unit from the start. Units are numbered in the order of
their first mention, so any subset of them, kept in that order, is compared exactly as the
whole corpus compares it: this is what lets an engine resolve connected components apart.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field

from cosignatory.normalize import fold_text
from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.records import Entity, Kind, MentionRecord

SPLIT = "#split#"  # a mention a human split off keys a unit of its own: "<key>#split#<mention>"


def entity_id(kind: Kind, caption: str, anchor: str) -> str:
    """Deterministic id, safe for FtM: prefix, slug of the caption, hash of the anchor."""
    slug = "-".join(fold_text(caption).split()[:5])[:40].strip("-")
    digest = hashlib.sha1(anchor.encode()).hexdigest()[:6]
    return f"{'p' if kind == 'person' else 'o'}-{slug or 'x'}-{digest}"


@dataclass(slots=True)
class Unit:
    """A group of mentions compared as one."""

    key: str
    mentions: list[str] = field(default_factory=list)
    printed: Counter[str] = field(default_factory=Counter)
    letters: set[str] = field(default_factory=set)
    fresh: bool = False  # holds a mention new to this run (incremental resolution)

    @property
    def base_key(self) -> str:
        """The unit key without a human split."""
        return self.key.split(SPLIT)[0]

    @property
    def label(self) -> str:
        """The most frequent printed form (ties: the first printed)."""
        return self.printed.most_common(1)[0][0]


def group_units(
    records: Iterable[MentionRecord],
    key_of: Mapping[str, str],
    printed_of: Mapping[str, str],
    split: Set[str] = frozenset(),
    fresh: set[str] | None = None,
) -> tuple[list[Unit], dict[str, int]]:
    """Units of the keyed mentions, numbered by first mention; and mention → unit."""
    units: list[Unit] = []
    index: dict[str, int] = {}
    unit_of: dict[str, int] = {}
    for r in records:
        key = key_of.get(r.id)
        if key is None:
            continue
        if r.id in split:
            key = f"{key}{SPLIT}{r.id}"
        i = index.get(key)
        if i is None:
            i = index[key] = len(units)
            units.append(Unit(key))
        u = units[i]
        u.mentions.append(r.id)
        u.printed[printed_of[r.id]] += 1
        u.letters.add(r.letter_id)
        u.fresh = u.fresh or fresh is None or r.id in fresh
        unit_of[r.id] = i
    return units, unit_of


def seed(clusters: Clusters, unit_of: Mapping[str, int], previous: Mapping[str, str]) -> None:
    """Put the units of an earlier run's entity back together."""
    first: dict[str, int] = {}
    for mention, entity in previous.items():
        u = unit_of.get(mention)
        if u is not None:
            clusters.union(first.setdefault(entity, u), u, force=True)


def entities(
    kind: Kind,
    units: Sequence[Unit],
    clusters: Clusters,
    previous: Mapping[str, str] | None = None,
) -> dict[int, Entity]:
    """One entity per cluster of units, keyed by the cluster's root. An earlier run's id is
    kept (the id most of its mentions had); otherwise the id comes from the content."""
    previous = previous or {}
    taken: set[str] = set()
    out: dict[int, Entity] = {}
    for members in sorted(clusters.groups(), key=lambda g: min(units[i].mentions[0] for i in g)):
        mentions = sorted(m for i in members for m in units[i].mentions)
        printed: Counter[str] = Counter()
        for i in members:
            printed.update(units[i].printed)
        names = tuple(
            n
            for n, _ in sorted(printed.items(), key=lambda kv: (-kv[1], not kv[0].isascii(), kv[0]))
        )
        old = Counter(previous[m] for m in mentions if m in previous)
        if old:
            eid = min(old.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        else:
            eid = entity_id(kind, names[0], mentions[0])
        while eid in taken:  # an earlier entity was split: the rest gets a new id
            eid = entity_id(kind, names[0], eid + mentions[0])
        taken.add(eid)
        out[clusters.find(members[0])] = Entity(eid, kind, names[0], names, tuple(mentions))
    return out
