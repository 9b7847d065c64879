"""The resolver: mentions (and judgements) in, people and organizations out.

Organizations first: printed names → keys (`orgs`), exact keys grouped, similar keys
linked. Then people: mentions with one name key and one organization form a profile
(the unit compared; a mention without an organization stays a profile of its own).
Profiles sharing a block key are scored with the features of `features` under the priors
of `scoring`, in two passes: within one organization the name decides; across
organizations, or without one, the name, how many other organizations bear it, and the
co-signers and careers of the two whole clusters (`context`) decide, best score first,
re-scored whenever a side has grown. Human judgements come first and always win.
Everything is deterministic: the same input gives the same entities and ids. Given the
assignments of an earlier run (`previous`), earlier entities are kept as they were and
only pairs touching new mentions are compared.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from cosignatory.normalize import fold_text, skeleton
from cosignatory.resolve import features as F
from cosignatory.resolve.blocking import candidate_pairs
from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.context import PersonClusters
from cosignatory.resolve.judgements import apply, split_mentions
from cosignatory.resolve.names import PersonName, parse_person
from cosignatory.resolve.orgs import OrgName, org_similarity, parse_org, same_org, token_weight
from cosignatory.resolve.records import (
    Entity,
    Evidence,
    Feature,
    Judgement,
    Kind,
    MentionRecord,
    Resolution,
)
from cosignatory.resolve.scoring import DEFAULT_WEIGHTS, Weights

_YEAR = re.compile(r"^(\d{4})")


def entity_id(kind: Kind, caption: str, anchor: str) -> str:
    """Deterministic id, safe for FtM: prefix, slug of the caption, hash of the anchor."""
    slug = "-".join(fold_text(caption).split()[:5])[:40].strip("-")
    digest = hashlib.sha1(anchor.encode()).hexdigest()[:6]
    return f"{'p' if kind == 'person' else 'o'}-{slug or 'x'}-{digest}"


@dataclass
class _Unit:
    """A group of mentions compared as one: same name key (and organization, for people)."""

    mentions: list[str] = field(default_factory=list)
    printed: Counter[str] = field(default_factory=Counter)
    letters: set[str] = field(default_factory=set)
    fresh: bool = False


def _unit_index(
    records: Sequence[MentionRecord],
    key_of: Mapping[str, str],
    split: set[str],
    printed_of: Mapping[str, str],
    fresh: set[str] | None,
) -> tuple[list[_Unit], list[str], dict[str, int]]:
    units: list[_Unit] = []
    keys: list[str] = []
    index: dict[str, int] = {}
    unit_of: dict[str, int] = {}
    for r in records:
        key = key_of.get(r.id)
        if key is None:
            continue
        if r.id in split:
            key = f"{key}#split#{r.id}"
        i = index.get(key)
        if i is None:
            i = index[key] = len(units)
            units.append(_Unit())
            keys.append(key)
        u = units[i]
        u.mentions.append(r.id)
        u.printed[printed_of[r.id]] += 1
        u.letters.add(r.letter_id)
        u.fresh = u.fresh or fresh is None or r.id in fresh
        unit_of[r.id] = i
    return units, keys, unit_of


def _seed(clusters: Clusters, unit_of: Mapping[str, int], previous: Mapping[str, str]) -> None:
    first: dict[str, int] = {}
    for mention, entity in previous.items():
        u = unit_of.get(mention)
        if u is not None:
            clusters.union(first.setdefault(entity, u), u, force=True)


def _entities(
    kind: Kind,
    units: Sequence[_Unit],
    clusters: Clusters,
    previous: Mapping[str, str],
) -> tuple[dict[str, Entity], dict[int, str]]:
    out: dict[str, Entity] = {}
    id_of_root: dict[int, str] = {}
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
        while eid in out:  # an earlier entity was split: the rest gets a new id
            eid = entity_id(kind, names[0], eid + mentions[0])
        out[eid] = Entity(eid, kind, names[0], names, tuple(mentions))
        id_of_root[clusters.find(members[0])] = eid
    return out, id_of_root


def _resolve_orgs(
    records: Sequence[MentionRecord],
    judgements: Sequence[Judgement],
    previous: Mapping[str, str],
    fresh: set[str] | None,
    res: Resolution,
) -> None:
    parsed: dict[str, OrgName] = {}
    key_of: dict[str, str] = {}
    printed_of: dict[str, str] = {}
    for r in records:
        if r.organization:
            o = parse_org(r.organization)
            if o is not None:
                k = o.key + "|" + " ".join(sorted(o.countries))
                parsed[k] = o
                key_of[r.id] = k
                printed_of[r.id] = r.organization.strip()
    units, keys, unit_of = _unit_index(
        records, key_of, split_mentions(judgements, "organization"), printed_of, fresh
    )
    names = [parsed[k.split("#split#")[0]] for k in keys]
    clusters = Clusters(len(units), countries=[n.countries for n in names])
    _seed(clusters, unit_of, previous)
    apply(judgements, "organization", clusters, unit_of.get)
    # Shared people (by exact name key) count as evidence for borderline names.
    people_of: list[set[str]] = [set() for _ in units]
    for r in records:
        u = unit_of.get(r.id)
        p = parse_person(r.name) if r.name and u is not None else None
        if p is not None and u is not None:
            people_of[u].add(p.key)
    token_sets = [frozenset(n.tokens) for n in names]
    weight = [sum(token_weight(t) for t in s) for s in token_sets]
    initials = [any(len(t) == 1 for t in s) for s in token_sets]
    df = Counter(t for s in token_sets for t in s)

    def block_keys(i: int) -> list[str]:
        # The first word (for shortened names) and the two rarest words another name shares.
        words = set(names[i].tokens)
        shared = sorted((t for t in words if len(t) > 1 and df[t] > 1), key=lambda t: (df[t], t))
        return list(dict.fromkeys([names[i].tokens[0], *shared[:2]]))

    links: list[tuple[float, int, int]] = []
    for i, j in candidate_pairs(
        [block_keys(i) for i in range(len(units))],
        lambda i: keys[i],
        [u.fresh for u in units] if fresh is not None else None,
    ):
        a, b = token_sets[i], token_sets[j]
        if names[i].tokens[0] != names[j].tokens[0] and not (initials[i] or initials[j]):
            shared = sum(token_weight(t) for t in a & b)
            if shared < 0.6 * max(weight[i], weight[j]):
                continue  # cannot reach the overlap threshold, nor be a shortened form
        sim = org_similarity(names[i], names[j])
        if same_org(sim, len(people_of[i] & people_of[j])):
            links.append((sim.overlap, i, j))
    for overlap, i, j in sorted(links, key=lambda x: (-x[0], keys[x[1]], keys[x[2]])):
        if clusters.union(i, j):
            res.evidence.append(
                Evidence(
                    "organization",
                    "",
                    units[i].mentions[0],
                    units[j].mentions[0],
                    units[i].printed.most_common(1)[0][0],
                    units[j].printed.most_common(1)[0][0],
                    overlap,
                    (Feature("name_overlap", overlap, f"{keys[i]} ~ {keys[j]}"),),
                )
            )
    res.organizations, id_of_root = _entities("organization", units, clusters, previous)
    for m, u in unit_of.items():
        res.organization_of[m] = id_of_root[clusters.find(u)]


@dataclass
class _Profile:
    name: PersonName
    org: str
    years: tuple[int, int] | None


@lru_cache(maxsize=1_000_000)
def _name_features(a: PersonName, b: PersonName, w: Weights) -> tuple[Feature, ...]:
    feats = [F.first_name(a, b, w), F.surname_stem(a, b, w)]
    if feats[1].weight > 0:
        feats.append(F.surname_suffix(a, b, w))
    elif a.gender and b.gender and a.gender != b.gender:
        feats.append(Feature("surname_suffix", w.gender_differ, "genders differ"))
    return tuple(feats)


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
    parsed: dict[str, PersonName] = {}
    year_of: dict[str, int] = {}
    for r in records:
        if not r.name:
            continue
        p = parse_person(r.name)
        if p is None:
            continue
        org = res.organization_of.get(r.id, "")
        # Without an organization a name says too little to group mentions unseen.
        k = f"{p.key}|{org}" if org else f"{p.key}|#{r.id}"
        parsed[k] = p
        key_of[r.id] = k
        printed_of[r.id] = " ".join(r.name.split())
        if r.date and (ym := _YEAR.match(r.date)):
            year_of[r.id] = int(ym.group(1))
    units, keys, unit_of = _unit_index(
        records, key_of, split_mentions(judgements, "person"), printed_of, fresh
    )
    profiles: list[_Profile] = []
    for k, u in zip(keys, units, strict=True):
        ys = [year_of[m] for m in u.mentions if m in year_of]
        base = k.split("#split#")[0]
        org = base.split("|", 1)[1]
        profiles.append(
            _Profile(
                parsed[base], "" if org.startswith("#") else org, (min(ys), max(ys)) if ys else None
            )
        )
    clusters = Clusters(len(units), letters=[frozenset(u.letters) for u in units])
    _seed(clusters, unit_of, previous)
    apply(judgements, "person", clusters, unit_of.get)
    # Letter → the profiles with an organization that signed it (co-signer evidence).
    signed: dict[str, list[int]] = defaultdict(list)
    for i, (prof, unit) in enumerate(zip(profiles, units, strict=True)):
        if prof.org:
            for letter in unit.letters:
                signed[letter].append(i)
    pc = PersonClusters(
        clusters,
        [p.name for p in profiles],
        [p.org for p in profiles],
        [p.years for p in profiles],
        signed,
        w,
    )
    # How many organizations show each name: the other people a bare name could be.
    orgs_of_key: dict[str, set[str]] = defaultdict(set)
    for prof in profiles:
        if prof.org:
            orgs_of_key[prof.name.key].add(prof.org)

    def block_keys(i: int) -> list[str]:
        n = profiles[i].name
        stem = n.surname.stem
        ks = [f"s|{skeleton(stem)[:4]}|{n.first[:1]}", f"f|{n.first}|{stem[:3]}", f"k|{n.key}"]
        if n.first and profiles[i].org:
            ks.append(f"o|{n.first}|{profiles[i].org}")
        return ks

    def evidence(i: int, j: int, total: float, feats: Sequence[Feature]) -> None:
        if explain:
            res.evidence.append(
                Evidence(
                    "person",
                    "",
                    units[i].mentions[0],
                    units[j].mentions[0],
                    units[i].printed.most_common(1)[0][0],
                    units[j].printed.most_common(1)[0][0],
                    total,
                    tuple(feats),
                )
            )

    # Pass 1, within one organization: the name decides. Pass 2, across organizations or
    # without one: the name, how many people it could be, the careers and the co-signers
    # of the two clusters, re-scored whenever either side has grown.
    anchored: list[tuple[float, int, int, list[Feature]]] = []
    context: list[tuple[float, int, int, list[Feature]]] = []
    reach = w.cosigner_max + w.org_same
    for i, j in candidate_pairs(
        [block_keys(i) for i in range(len(units))],
        lambda i: keys[i],
        [u.fresh for u in units] if fresh is not None else None,
        [not p.org for p in profiles],
    ):
        a, b = profiles[i], profiles[j]
        fa, fb = a.name.first, b.name.first
        if fa[:1] != fb[:1] and fa and fb:
            continue  # different first names: a veto, whatever else agrees
        if not units[i].letters.isdisjoint(units[j].letters):
            continue  # nobody signs one letter twice
        feats = list(_name_features(a.name, b.name, w))
        if min(f.weight for f in feats) <= w.veto:
            continue
        total = sum(f.weight for f in feats)
        if a.org and a.org == b.org and total + w.org_same >= w.threshold:
            feats.append(F.organization(a.org, b.org, w))
            anchored.append((total + w.org_same, i, j, feats))
        elif total + reach >= w.threshold:
            context.append((total, i, j, feats))
    anchored.sort(key=lambda x: (-x[0], keys[x[1]], keys[x[2]]))
    for total, i, j, feats in anchored:
        ri, rj = pc.find(i), pc.find(j)
        if pc.can_join(ri, rj, 0):
            pc.join(ri, rj)
            evidence(i, j, total, feats)
    pc.freeze_cosigners()

    def rescore(i: int, j: int, name_feats: list[Feature]) -> tuple[float, int, list[Feature]]:
        a, b = profiles[i], profiles[j]
        ri, rj = pc.find(i), pc.find(j)
        oi, oj = pc.organizations(ri), pc.organizations(rj)
        feats = list(name_feats)
        if not oi or not oj:
            feats.append(F.organization(None, None, w))
        else:
            feats.append(F.organization("x", "x" if oi & oj else "y", w))
        feats.append(F.years(a.years, b.years, w))
        if feats[1].weight > 0:  # the name matches: how many others could it be?
            others = len((orgs_of_key[a.name.key] | orgs_of_key[b.name.key]) - oi - oj)
            if others:
                feats.append(F.name_frequency(others, w))
        shared = pc.shared_cosigners(ri, rj)
        if shared:
            feats.append(F.cosigners(shared, w))
        return sum(f.weight for f in feats), shared, feats

    heap: list[tuple[float, str, str, int, int, int, int]] = []
    name_feats_of: dict[tuple[int, int], list[Feature]] = {}
    for _, i, j, feats in context:
        total, _shared, _ = rescore(i, j, feats)
        if total >= w.threshold:
            name_feats_of[i, j] = feats
            heap.append((-total, keys[i], keys[j], i, j, pc.find(i), pc.find(j)))
    heapq.heapify(heap)
    while heap:
        neg, _, _, i, j, ri0, rj0 = heapq.heappop(heap)
        ri, rj = pc.find(i), pc.find(j)
        if ri == rj:
            continue
        total, shared, feats = rescore(i, j, name_feats_of[i, j])
        if (ri, rj) != (ri0, rj0) and total < -neg:
            if total >= w.threshold:
                heapq.heappush(heap, (-total, keys[i], keys[j], i, j, ri, rj))
            continue
        if total >= w.threshold and pc.can_join(ri, rj, shared):
            pc.join(ri, rj)
            evidence(i, j, total, feats)
    if explain:
        for u in units:
            if len(u.printed) > 1:
                (a_name, _), *rest = sorted(u.printed.items())
                for b_name, _ in rest:
                    res.evidence.append(
                        Evidence(
                            "person",
                            "",
                            u.mentions[0],
                            u.mentions[-1],
                            a_name,
                            b_name,
                            w.threshold,
                            (Feature("name_key", w.threshold, "same name key and organization"),),
                        )
                    )
    res.people, id_of_root = _entities("person", units, clusters, previous)
    for mention, ui in unit_of.items():
        res.person_of[mention] = id_of_root[clusters.find(ui)]


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
