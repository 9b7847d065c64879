"""Resolution of one connected component, from plain rows: what an engine runs per group.

An engine computes the units, the candidate pairs and the corpus-wide statistics with its
own joins (see `org_pass` and `people_pass` for the function of each step), takes the
connected components of the pairs, and hands each component here. A component holds every
unit any of its pairs touches, so it is clustered exactly as `resolve` clusters the whole
corpus: the passes only ever join units along pairs, and every other input is given.

Rows are plain dicts (as Arrow's `to_pylist` gives them):
- a unit: `{"key": str, "mentions": [{"id", "printed", "letter_id", "year"?}, ...]}`;
- an organization link: `{"a": key, "b": key, "overlap": float}`;
- a person pair: `{"a": key, "b": key, "anchored": bool, "score": float,
  "features": [{"name", "weight", "detail"}, ...]}`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from typing import Any

from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.context import PersonClusters
from cosignatory.resolve.org_pass import link_orgs, unit_name
from cosignatory.resolve.people_pass import (
    Candidate,
    link_across_organizations,
    link_within_organizations,
    person_clusters,
    printed_variants,
    profile,
)
from cosignatory.resolve.records import Entity, Evidence, Feature, Kind
from cosignatory.resolve.scoring import DEFAULT_WEIGHTS, Weights
from cosignatory.resolve.units import Unit, entities

Row = Mapping[str, Any]


@dataclass
class ComponentResolution:
    """What one component resolved to: mention → entity, the entities, the evidence."""

    entity_of: dict[str, str] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def _units(rows: Iterable[Row]) -> tuple[list[Unit], dict[str, int]]:
    """Units in the order `resolve` numbers them (by first mention), and key → index."""
    units = []
    for row in rows:
        mentions = sorted(row["mentions"], key=lambda m: m["id"])
        units.append(
            Unit(
                row["key"],
                [m["id"] for m in mentions],
                Counter(m["printed"] for m in mentions),
                {m["letter_id"] for m in mentions},
            )
        )
    units.sort(key=lambda u: u.mentions[0])
    return units, {u.key: i for i, u in enumerate(units)}


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _finish(
    kind: Kind, units: Sequence[Unit], clusters: Clusters, evidence: Iterable[Evidence]
) -> ComponentResolution:
    found = entities(kind, units, clusters)
    out = ComponentResolution(entities=list(found.values()))
    for i, u in enumerate(units):
        eid = found[clusters.find(i)].id
        out.entity_of.update((m, eid) for m in u.mentions)
    out.evidence = [replace(e, entity_id=out.entity_of[e.left]) for e in evidence]
    return out


def organization_component(units: Sequence[Row], links: Iterable[Row]) -> ComponentResolution:
    """Cluster the organization units of one component along their links."""
    us, index = _units(units)
    clusters = Clusters(len(us), countries=[unit_name(u).countries for u in us])
    pairs = [(x["overlap"], *_ordered(index[x["a"]], index[x["b"]])) for x in links]
    return _finish("organization", us, clusters, link_orgs(clusters, us, pairs))


def _people(
    units: Sequence[Row], pairs: Iterable[Row], w: Weights
) -> tuple[list[Unit], PersonClusters, list[Candidate], list[Candidate], list[Any]]:
    us, index = _units(units)
    years = {m["id"]: m["year"] for row in units for m in row["mentions"] if m["year"]}
    profiles = [profile(u, [years[m] for m in u.mentions if m in years]) for u in us]
    clusters = Clusters(len(us), letters=[u.letters for u in us])
    pc = person_clusters(clusters, profiles, w)
    anchored: list[Candidate] = []
    context: list[Candidate] = []
    for x in pairs:
        i, j = _ordered(index[x["a"]], index[x["b"]])
        feats = [Feature(f["name"], f["weight"], f["detail"]) for f in x["features"]]
        (anchored if x["anchored"] else context).append((x["score"], i, j, feats))
    return us, pc, anchored, context, profiles


def people_labels(
    units: Sequence[Row], anchored: Iterable[Row], w: Weights = DEFAULT_WEIGHTS
) -> dict[str, str]:
    """Pass 1 over the units of one organization (or any union of components of the
    anchored pairs): unit key → label of its cluster (the key of the cluster's root), the
    identity co-signers are counted by in pass 2."""
    us, pc, pairs, _, _ = _people(units, anchored, w)
    link_within_organizations(pc, us, pairs)
    return {u.key: us[pc.find(i)].key for i, u in enumerate(us)}


def person_component(
    units: Sequence[Row],
    pairs: Iterable[Row],
    signers: Mapping[str, Set[str]],
    orgs_of_key: Mapping[str, Set[str]],
    w: Weights = DEFAULT_WEIGHTS,
    explain: bool = True,
) -> ComponentResolution:
    """Both people passes over one component of all pairs, given the pass-1 labels that
    signed each of its letters (`signers`, from `people_labels`) and the organizations
    bearing each of its name keys (`orgs_of_key`)."""
    us, pc, anchored, context, profiles = _people(units, pairs, w)
    evidence = link_within_organizations(pc, us, anchored)
    # Pass 1 here redoes what `people_labels` did for these units: the labels agree.
    pc.freeze_cosigners(signers, [u.key for u in us])
    evidence += link_across_organizations(pc, us, profiles, context, orgs_of_key, w)
    if explain:
        evidence += printed_variants(us, w)
    else:
        evidence = []
    return _finish("person", us, pc.c, evidence)
