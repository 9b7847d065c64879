"""The people passes: profiles, block keys, pair scores, and the two linking passes.

A profile is a unit of mentions with one name key in one organization (a mention without
an organization is a profile of its own). Candidate pairs are scored on their names
(`compare`); a pair in one organization is *anchored* and linked in pass 1, where the name
decides; any other pair is *context*, linked in pass 2, where the name, how many other
organizations bear it, and the careers and co-signers of the two whole clusters decide.

Each step is a function of what it is given, so an engine can run it where its data lives:
`compare` per candidate pair, pass 1 per connected component of the anchored pairs, pass 2
per connected component of all pairs, given two corpus-wide inputs: the organizations
bearing each name key, and the pass-1 clusters (by label) that signed each letter.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from cosignatory.normalize import skeleton
from cosignatory.resolve import features as F
from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.context import PersonClusters
from cosignatory.resolve.names import PersonName, parse_person
from cosignatory.resolve.records import Evidence, Feature
from cosignatory.resolve.scoring import Weights
from cosignatory.resolve.units import Unit

# (score, unit i, unit j, features), i < j
Candidate = tuple[float, int, int, list[Feature]]


@dataclass(frozen=True, slots=True)
class Profile:
    """What the passes know of a unit: its name, organization entity, and years."""

    name: PersonName
    org: str  # organization entity id; "" without one
    years: tuple[int, int] | None  # first and last letter year


_YEAR = re.compile(r"^(\d{4})")


@dataclass(frozen=True, slots=True)
class PersonMention:
    """What the people passes read of one mention."""

    printed: str  # the name as printed, spaces normalized
    key: str  # its unit key
    year: int | None  # the letter's year


def person_mention(
    mention_id: str, name: str | None, org: str | None, date: str | None
) -> PersonMention | None:
    """A mention's printed name, unit key (`org`: its organization entity) and year; None
    without a name that parses. Mentions of one name key in one organization are one unit;
    without an organization a name says too little to group mentions unseen."""
    printed = " ".join((name or "").split())
    parsed = parse_person(printed) if printed else None
    if parsed is None:
        return None
    key = f"{parsed.key}|{org}" if org else f"{parsed.key}|#{mention_id}"
    year = _YEAR.match(date or "")
    return PersonMention(printed, key, int(year.group(1)) if year else None)


def profile(unit: Unit, years: Sequence[int]) -> Profile:
    """The profile of a unit, given the years of its dated mentions."""
    name = parse_person(next(iter(unit.printed)))
    assert name is not None  # a unit exists only for names that parse
    org = unit.base_key.split("|", 1)[1]
    return Profile(
        name, "" if org.startswith("#") else org, (min(years), max(years)) if years else None
    )


def person_clusters(clusters: Clusters, profiles: Sequence[Profile], w: Weights) -> PersonClusters:
    """The clusters of `profiles` (already seeded, if at all), with their names and careers."""
    return PersonClusters(
        clusters,
        [p.name for p in profiles],
        [p.org for p in profiles],
        [p.years for p in profiles],
        w,
    )


def person_block_keys(p: Profile) -> list[str]:
    """Surname skeleton + initial, first name + stem start, the name key, and the initial in
    the organization (for a surname printed two ways, or a name misprinted, in one
    organization: members of one organization are few)."""
    n = p.name
    stem = n.surname.stem
    keys = [f"s|{skeleton(stem)[:4]}|{n.initial}", f"f|{n.first}|{stem[:3]}", f"k|{n.key}"]
    if n.first and p.org:
        keys.append(f"o|{n.initial}|{p.org}")
    return keys


@lru_cache(maxsize=1_000_000)
def _name_features(a: PersonName, b: PersonName, w: Weights) -> tuple[Feature, ...]:
    feats = [F.first_name(a, b, w), F.surname_stem(a, b, w)]
    if feats[1].weight > 0:
        feats.append(F.surname_suffix(a, b, w))
    elif a.gender and b.gender and a.gender != b.gender:
        feats.append(Feature("surname_suffix", w.gender_differ, "genders differ"))
    return tuple(feats)


def compare(
    a: Profile, b: Profile, letters_a: Set[str], letters_b: Set[str], w: Weights
) -> tuple[bool, float, list[Feature]] | None:
    """Score a candidate pair on its names: (anchored, score, features), or None when the
    pair can never be linked (a veto, a shared letter, or too far even with full context)."""
    if a.name.initial != b.name.initial and a.name.first and b.name.first:
        return None  # different first names: a veto, whatever else agrees
    if not letters_a.isdisjoint(letters_b):
        return None  # nobody signs one letter twice
    feats = list(_name_features(a.name, b.name, w))
    vetoed = min(f.weight for f in feats) <= w.veto
    total = sum(f.weight for f in feats)
    same_org = bool(a.org) and a.org == b.org
    if same_org and (vetoed or total < w.misprint) and F.misprinted(a.name, b.name, w):
        # Within one organization a misprinted name is read as the member's name.
        feats, total, vetoed = [F.misprint(a.name, b.name, w)], w.misprint, False
    if vetoed:
        return None
    if same_org and total + w.org_same >= w.threshold:
        feats.append(F.organization(a.org, b.org, w))
        return True, total + w.org_same, feats
    if total + w.cosigner_max + w.org_same >= w.threshold:
        return False, total, feats
    return None


def _evidence(
    units: Sequence[Unit], i: int, j: int, total: float, feats: Sequence[Feature]
) -> Evidence:
    ui, uj = units[i], units[j]
    return Evidence(
        "person", "", ui.mentions[0], uj.mentions[0], ui.label, uj.label, total, tuple(feats)
    )


def link_within_organizations(
    pc: PersonClusters, units: Sequence[Unit], anchored: Iterable[Candidate]
) -> list[Evidence]:
    """Pass 1: join anchored pairs, best first, where whole clusters allow."""
    out: list[Evidence] = []
    for total, i, j, feats in sorted(
        anchored, key=lambda x: (-x[0], units[x[1]].key, units[x[2]].key)
    ):
        ri, rj = pc.find(i), pc.find(j)
        if pc.can_join(ri, rj, 0):
            pc.join(ri, rj)
            out.append(_evidence(units, i, j, total, feats))
    return out


def signers_of_letters(
    pc: PersonClusters, units: Sequence[Unit], profiles: Sequence[Profile]
) -> dict[str, set[str]]:
    """Letter → labels (unit keys of cluster roots) of the clusters with an organization
    that signed it, as pass 1 left them: the co-signers pass 2 counts."""
    out: dict[str, set[str]] = {}
    for i, (unit, prof) in enumerate(zip(units, profiles, strict=True)):
        if prof.org:
            label = units[pc.find(i)].key
            for letter in unit.letters:
                out.setdefault(letter, set()).add(label)
    return out


def link_across_organizations(
    pc: PersonClusters,
    units: Sequence[Unit],
    profiles: Sequence[Profile],
    context: Iterable[Candidate],
    orgs_of_key: Mapping[str, Set[str]],
    w: Weights,
) -> list[Evidence]:
    """Pass 2: join context pairs, best score first, re-scored whenever a side has grown.

    `orgs_of_key`: name key → the organizations whose profiles bear it (how many other
    people a bare name could be). Co-signers must have been frozen (`pc.freeze_cosigners`).
    """
    empty: frozenset[str] = frozenset()

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
        shared = pc.shared_cosigners(ri, rj)
        if feats[1].weight > 0:  # the name matches: how many others could it be?
            bearers = orgs_of_key.get(a.name.key, empty) | orgs_of_key.get(b.name.key, empty)
            others = len(bearers - oi - oj)
            if others:
                feats.append(F.name_frequency(others, shared, w))
        if shared:
            feats.append(F.cosigners(shared, w))
        return sum(f.weight for f in feats), shared, feats

    out: list[Evidence] = []
    heap: list[tuple[float, str, str, int, int, int, int]] = []
    name_feats_of: dict[tuple[int, int], list[Feature]] = {}
    for _, i, j, feats in context:
        total, _shared, _ = rescore(i, j, feats)
        if total >= w.threshold:
            name_feats_of[i, j] = feats
            heap.append((-total, units[i].key, units[j].key, i, j, pc.find(i), pc.find(j)))
    heapq.heapify(heap)
    while heap:
        neg, _, _, i, j, ri0, rj0 = heapq.heappop(heap)
        ri, rj = pc.find(i), pc.find(j)
        if ri == rj:
            continue
        total, shared, feats = rescore(i, j, name_feats_of[i, j])
        if (ri, rj) != (ri0, rj0) and total < -neg:
            if total >= w.threshold:
                heapq.heappush(heap, (-total, units[i].key, units[j].key, i, j, ri, rj))
            continue
        if total >= w.threshold and pc.can_join(ri, rj, shared):
            pc.join(ri, rj)
            out.append(_evidence(units, i, j, total, feats))
    return out


def printed_variants(units: Iterable[Unit], w: Weights) -> list[Evidence]:
    """Evidence for the printed forms one unit joined from the start (one name key)."""
    out: list[Evidence] = []
    for u in units:
        if len(u.printed) > 1:
            (a_name, _), *rest = sorted(u.printed.items())
            for b_name, _ in rest:
                feature = Feature("name_key", w.threshold, "same name key and organization")
                out.append(
                    Evidence(
                        "person",
                        "",
                        u.mentions[0],
                        u.mentions[-1],
                        a_name,
                        b_name,
                        w.threshold,
                        (feature,),
                    )
                )
    return out
