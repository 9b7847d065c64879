"""The resolver: mentions (and judgements) in, people and organizations out.

Organizations first: printed names → keys (`orgs`), exact keys grouped, similar keys
linked. Then people: mentions with one name key and one organization form a profile
(the unit compared); profiles sharing a block key are scored with the features of
`features` under the priors of `scoring`, and linked best-first under the constraints
of `clustering`, after the human judgements. Everything is deterministic: the same
input gives the same entities and ids. Given the assignments of an earlier run
(`previous`), earlier entities are kept as they were and only pairs touching new
mentions are compared.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cosignatory.normalize import fold_text, skeleton
from cosignatory.resolve import features as F
from cosignatory.resolve.blocking import candidate_pairs
from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.judgements import apply, split_mentions
from cosignatory.resolve.names import PersonName, parse_person
from cosignatory.resolve.orgs import OrgName, org_similarity, parse_org, same_org
from cosignatory.resolve.records import (
    Entity,
    Evidence,
    Feature,
    Judgement,
    Kind,
    MentionRecord,
    Resolution,
)
from cosignatory.resolve.scoring import DEFAULT_WEIGHTS, Score, Weights, combine

_YEAR = re.compile(r"^(\d{4})")
COMMON_NAME_ORGS = 3  # a name key seen in this many organizations is a common name


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
        if 2 * len(a & b) < max(len(a), len(b)) and names[i].tokens[0] != names[j].tokens[0]:
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


def _score(
    a: _Profile, b: _Profile, shared_letters: bool, common: bool, w: Weights
) -> list[Feature]:
    feats = [F.first_name(a.name, b.name, w), F.surname_stem(a.name, b.name, w)]
    if feats[1].weight > 0:
        feats.append(F.surname_suffix(a.name, b.name, w))
    elif a.name.gender and b.name.gender and a.name.gender != b.name.gender:
        feats.append(Feature("surname_suffix", w.gender_differ, "genders differ"))
    feats.append(F.organization(a.org, b.org, w))
    feats.append(F.years(a.years, b.years, w))
    if common:
        feats.append(Feature("name_frequency", -3.0, "name seen in many organizations"))
    if shared_letters:
        feats.append(Feature("same_letter", w.same_letter, "both sign one letter"))
    return feats


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
        k = f"{p.key}|{org}"
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
        profiles.append(
            _Profile(parsed[base], base.split("|", 1)[1], (min(ys), max(ys)) if ys else None)
        )
    clusters = Clusters(len(units), letters=[frozenset(u.letters) for u in units])
    _seed(clusters, unit_of, previous)
    apply(judgements, "person", clusters, unit_of.get)

    # Co-signers: per letter, the name keys signing it; compared lazily, pair by pair.
    key_id: dict[str, int] = {}
    signers: dict[str, list[int]] = defaultdict(list)
    orgs_of_key: dict[str, set[str]] = defaultdict(set)
    for prof in profiles:
        if prof.org:
            orgs_of_key[prof.name.key].add(prof.org)
    # Only names seen in few organizations count as co-signers: a shared common name
    # says nothing.
    for prof, unit in zip(profiles, units, strict=True):
        if len(orgs_of_key[prof.name.key]) >= COMMON_NAME_ORGS:
            continue
        kid = key_id.setdefault(prof.name.key, len(key_id))
        for letter in unit.letters:
            signers[letter].append(kid)

    def cosigners(i: int) -> set[int]:
        out: set[int] = set()
        for letter in units[i].letters:
            out.update(signers[letter])
        return out

    def block_keys(i: int) -> list[str]:
        n = profiles[i].name
        stem = n.surname.stem
        ks = [f"s|{skeleton(stem)[:4]}|{n.first[:1]}", f"f|{n.first}|{stem[:3]}"]
        if n.first and profiles[i].org:
            ks.append(f"o|{n.first}|{profiles[i].org}")
        return ks

    links: list[tuple[float, int, int, Score]] = []
    for i, j in candidate_pairs(
        [block_keys(i) for i in range(len(units))],
        lambda i: keys[i],
        [u.fresh for u in units] if fresh is not None else None,
    ):
        a, b = profiles[i], profiles[j]
        fa, fb = a.name.first, b.name.first
        if fa[:1] != fb[:1] and fa and fb:
            continue  # different first names: a veto, whatever else agrees
        common = a.name.key == b.name.key and len(orgs_of_key[a.name.key]) >= COMMON_NAME_ORGS
        shared_letter = not units[i].letters.isdisjoint(units[j].letters)
        feats = _score(a, b, shared_letter, common, w)
        total = sum(f.weight for f in feats)
        if min(f.weight for f in feats) <= w.veto:
            continue
        if total < w.threshold <= total + w.cosigner_max:
            own = {key_id.get(a.name.key, -1), key_id.get(b.name.key, -1)}
            shared = len((cosigners(i) & cosigners(j)) - own)
            feats.append(F.cosigners(shared, w))
        score = combine(feats)
        if score.linked(w):
            links.append((score.total, i, j, score))
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
    # Links join clusters best-first; a union must not bring together names that rule
    # each other out, nor two organizations' people through a mention without one.
    names_of: dict[int, list[PersonName]] = {i: [p.name] for i, p in enumerate(profiles)}
    orgs_of: dict[int, set[str]] = {i: {p.org} if p.org else set() for i, p in enumerate(profiles)}
    links.sort(key=lambda x: (-x[0], keys[x[1]], keys[x[2]]))
    for total, i, j, score in links:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj or not clusters.allowed(ri, rj):
            continue
        oi, oj = orgs_of[ri], orgs_of[rj]
        if oi and oj and oi.isdisjoint(oj) and not (profiles[i].org and profiles[j].org):
            continue
        ni, nj = names_of[ri], names_of[rj]
        if not all(F.compatible(x, y, w) for x in ni for y in nj):
            continue
        clusters.union(ri, rj)
        root = clusters.find(ri)
        names_of[root] = list({n.key: n for n in (*ni, *nj)}.values())
        orgs_of[root] = oi | oj
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
                    score.features,
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
