"""The resolver: mentions (and judgements) in, people and organizations out.

Organizations first (`org_pass`): printed names → keys (`orgs`), exact keys grouped,
similar keys linked. Then people (`people_pass`): mentions with one name key and one
organization form a profile (the unit compared; a mention without an organization stays
a profile of its own).
Profiles sharing a block key are scored with the features of `features` under the priors
of `scoring`, in two passes: within one organization the name decides; across
organizations, or without one, the name, how many other organizations bear it, and the
co-signers and careers of the two whole clusters (`context`) decide, best score first,
re-scored whenever a side has grown. Human judgements come first and always win.
Everything is deterministic: the same mentions, in any order, give the same entities and
ids. The steps are functions of what they are given, so an engine can run them per
connected component (`components`, `cosignatory.engines.spark_resolve`). Given the
assignments of an earlier run (`previous`), earlier entities are kept as they were and
only pairs touching new mentions are compared.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Mapping, Sequence

from cosignatory.resolve.blocking import candidate_pairs
from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.judgements import apply, split_mentions
from cosignatory.resolve.names import parse_person
from cosignatory.resolve.org_pass import (
    link_orgs,
    org_block_keys,
    org_link,
    org_unit_key,
    token_frequencies,
    unit_name,
)
from cosignatory.resolve.orgs import common_names
from cosignatory.resolve.people_pass import (
    Candidate,
    compare,
    link_across_organizations,
    link_within_organizations,
    person_block_keys,
    person_clusters,
    person_mention,
    printed_variants,
    profile,
    signers_of_letters,
)
from cosignatory.resolve.records import Evidence, Judgement, MentionRecord, Resolution
from cosignatory.resolve.scoring import DEFAULT_WEIGHTS, Weights
from cosignatory.resolve.units import entities, group_units, seed


def _resolve_orgs(
    records: Sequence[MentionRecord],
    judgements: Sequence[Judgement],
    previous: Mapping[str, str],
    fresh: set[str] | None,
    res: Resolution,
) -> None:
    key_of: dict[str, str] = {}
    printed_of: dict[str, str] = {}
    for r in records:
        if r.organization and (k := org_unit_key(r.organization.strip())) is not None:
            key_of[r.id] = k
            printed_of[r.id] = r.organization.strip()
    units, unit_of = group_units(
        records, key_of, printed_of, split_mentions(judgements, "organization"), fresh
    )
    names = [unit_name(u) for u in units]
    clusters = Clusters(len(units), countries=[n.countries for n in names])
    seed(clusters, unit_of, previous)
    apply(judgements, "organization", clusters, unit_of.get)
    # The people (by exact name key) who signed with each unit.
    people_of: list[set[str]] = [set() for _ in units]
    for r in records:
        u = unit_of.get(r.id)
        if u is not None and r.name and (p := parse_person(r.name)) is not None:
            people_of[u].add(p.key)
    df = token_frequencies(names)
    common = common_names(people_of)
    links = []
    for i, j in candidate_pairs(
        [org_block_keys(n, df) for n in names],
        lambda i: units[i].key,
        [u.fresh for u in units] if fresh is not None else None,
    ):
        overlap = org_link(names[i], names[j], people_of[i], people_of[j], common)
        if overlap is not None:
            links.append((overlap, i, j))
    res.evidence.extend(link_orgs(clusters, units, links))
    found = entities("organization", units, clusters, previous)
    res.organizations = {e.id: e for e in found.values()}
    for m, u in unit_of.items():
        res.organization_of[m] = found[clusters.find(u)].id


def _resolve_people(
    records: Sequence[MentionRecord],
    judgements: Sequence[Judgement],
    previous: Mapping[str, str],
    fresh: set[str] | None,
    w: Weights,
    explain: bool,
    res: Resolution,
) -> None:
    key_of: dict[str, str] = {}
    printed_of: dict[str, str] = {}
    year_of: dict[str, int] = {}
    for r in records:
        m = person_mention(r.id, r.name, res.organization_of.get(r.id), r.date)
        if m is not None:
            key_of[r.id], printed_of[r.id] = m.key, m.printed
            if m.year is not None:
                year_of[r.id] = m.year
    units, unit_of = group_units(
        records, key_of, printed_of, split_mentions(judgements, "person"), fresh
    )
    profiles = [profile(u, [year_of[m] for m in u.mentions if m in year_of]) for u in units]
    clusters = Clusters(len(units), letters=[u.letters for u in units])
    seed(clusters, unit_of, previous)
    apply(judgements, "person", clusters, unit_of.get)
    pc = person_clusters(clusters, profiles, w)
    anchored: list[Candidate] = []
    context: list[Candidate] = []
    for i, j in candidate_pairs(
        [person_block_keys(p) for p in profiles],
        lambda i: units[i].key,
        [u.fresh for u in units] if fresh is not None else None,
        [not p.org for p in profiles],
    ):
        scored = compare(profiles[i], profiles[j], units[i].letters, units[j].letters, w)
        if scored is not None:
            is_anchored, total, feats = scored
            (anchored if is_anchored else context).append((total, i, j, feats))
    evidence = link_within_organizations(pc, units, anchored)
    pc.freeze_cosigners(signers_of_letters(pc, units, profiles), [u.key for u in units])
    orgs_of_key: dict[str, set[str]] = defaultdict(set)
    for prof in profiles:
        if prof.org:
            orgs_of_key[prof.name.key].add(prof.org)
    evidence += link_across_organizations(pc, units, profiles, context, orgs_of_key, w)
    if explain:
        res.evidence.extend(evidence)
        res.evidence.extend(printed_variants(units, w))
    found = entities("person", units, clusters, previous)
    res.people = {e.id: e for e in found.values()}
    for mention, u in unit_of.items():
        res.person_of[mention] = found[clusters.find(u)].id


def resolve(
    records: Sequence[MentionRecord],
    judgements: Sequence[Judgement] = (),
    *,
    previous_people: Mapping[str, str] | None = None,
    previous_organizations: Mapping[str, str] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    explain: bool = True,
) -> Resolution:
    """Resolve the people and organizations of `records`.

    `previous_people` / `previous_organizations` map mention ids to the entity ids of an
    earlier run: those entities are kept and only new mentions are compared to them.
    """
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects, no cycles: collection would cost a quarter
    try:
        return _resolve(
            sorted(records, key=lambda r: r.id),  # the order of the input never matters
            judgements,
            previous_people,
            previous_organizations,
            weights,
            explain,
        )
    finally:
        if enabled:
            gc.enable()


def _resolve(
    records: Sequence[MentionRecord],
    judgements: Sequence[Judgement],
    previous_people: Mapping[str, str] | None,
    previous_organizations: Mapping[str, str] | None,
    weights: Weights,
    explain: bool,
) -> Resolution:
    res = Resolution()
    incremental = previous_people is not None or previous_organizations is not None
    pp, po = previous_people or {}, previous_organizations or {}
    fresh_p = {r.id for r in records if r.id not in pp} if incremental else None
    fresh_o = {r.id for r in records if r.id not in po} if incremental else None
    _resolve_orgs(records, judgements, po, fresh_o, res)
    _resolve_people(records, judgements, pp, fresh_p, weights, explain, res)
    # Evidence was recorded before ids existed: fill them in from the mentions.
    res.evidence = [
        Evidence(
            e.kind,
            (res.person_of if e.kind == "person" else res.organization_of)[e.left],
            e.left,
            e.right,
            e.left_name,
            e.right_name,
            e.score,
            e.features,
        )
        for e in res.evidence
    ]
    return res
